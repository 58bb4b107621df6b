/* query-hyphens.cc - Hyphens between the letters of a query's words:
 * "e-mail" searched as its parts and joined, "COVID-19" whole. */
#include <cctype>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Is WORD a number joined to words by hyphens ("18-year-old",
 * "COVID-19")?  It is searched as the phrase Xapian's parser makes of
 * it, whole: split between its letters alone, "18-year-old" was "18-year
 * old 18-yearold", and "the 31-year-old" and "18 to 24 year olds" ranked
 * above the 18 BBC News articles with "18-year-old" (ranks 3 to 29). */
bool libns::digit_compound(const std::string &word)
{
    for (size_t i = 1; i + 1 < word.size(); i++)
        if (word[i] == '-' && isalnum((unsigned char)word[i - 1]) &&
            isalnum((unsigned char)word[i + 1]) &&
            (isdigit((unsigned char)word[i - 1]) ||
             isdigit((unsigned char)word[i + 1])))
            return true;
    return false;
}

/* WORD without the hyphens between its letters. */
std::string libns::without_hyphens(const std::string &word)
{
    std::string out;
    for (size_t i = 0; i < word.size(); i++)
        if (!(word[i] == '-' && i > 0 && i + 1 < word.size() &&
              isalpha((unsigned char)word[i - 1]) &&
              isalpha((unsigned char)word[i + 1])))
            out += word[i];
    return out;
}

/* Is WORD an excluded word with hyphens between letters ("-e-mail")?
 * Its phrase stays excluded, and so does the word joined: "email" is the
 * same word, which the joined form finds everywhere else. */
static bool excluded_compound(const std::string &word)
{
    return word.size() > 3 && word[0] == '-' &&
           isalpha((unsigned char)word[1]) &&
           word.find_first_of(":*\"", 1) == std::string::npos &&
           !digit_compound(word.substr(1)) &&
           without_hyphens(word.substr(1)) != word.substr(1);
}

/* Outside quotes, a hyphen between two letters becomes a space:
 * "four-power" is searched as its two words, as most engines (FTS5's
 * tokenizers among them) do, rather than as the phrase Xapian's parser
 * makes of it.  A phrase is checked against the article's text (the index
 * has no positions) and, inside a longer OR query, would still add the
 * weight of its words to articles that have them apart: measured on TIME,
 * MAP 0.657 with hyphen phrases against 0.66x without.  "-word" (NOT) is
 * untouched: its hyphen does not follow a letter; so are the values of
 * filters (id:azure-review-wire, date:2025-01-01..), but not the words
 * of a text field, each part searched in it ("title:e-mail" is
 * "title:e title:mail title:email": as the phrase, it missed "Junk
 * e-mails on relentless rise" and every title that writes "email"); and
 * every hyphen of a word
 * with one next to a digit (COVID-19 and 18-year-old stay phrases:
 * digit_compound).
 *
 * The word joined follows its parts ("e-mail" is "e mail email"): the
 * index holds every word written with hyphens between letters joined too
 * (write.cc joined_words), so an article that writes "email" is found,
 * and one that writes "e-mail" ranks above one with "e" and "mail" apart.
 * Not for a wildcard ("e-mai*"), whose joined form would be expanded.  An
 * excluded one excludes its joined form too ("-e-mail -email"). */
std::string libns::split_hyphens(const std::string &text)
{
    std::vector<bool> split(text.size(), false);
    bool quoted = false, field = false; /* inside "...", inside name:value */
    bool keep = false; /* a word with '-' or '+', or after an operator */
    std::string last;  /* the word before this one */
    for (size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        bool start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' ||
                     text[i - 1] == '(';
        if (start && c != ' ' && c != '\t') {
            /* "-cut-off" excludes the phrase, as Xapian reads it: split,
             * it excluded "cut" and searched "off", the opposite of what
             * was asked; so after NOT, AND and OR. */
            keep = c == '-' || c == '+' || last == "NOT" || last == "AND" ||
                   last == "OR" || last == "XOR";
            size_t end = text.find_first_of(" \t()", i);
            last = text.substr(i, end == std::string::npos ? end : end - i);
        }
        if (c == '"')
            quoted = !quoted;
        else if (c == ' ' || c == '\t' || c == '(' || c == ')')
            field = false;
        else if (c == ':')
            field = !text_field_before(text, i);
        else if (!quoted && !field && !keep && c == '-' && i > 0 &&
                 i + 1 < text.size() && isalpha((unsigned char)text[i - 1]) &&
                 isalpha((unsigned char)text[i + 1]))
            split[i] = true;
    }
    std::string out;
    for (size_t i = 0; i < text.size();) {
        size_t end = text.find_first_of(" \t()\"", i);
        if (end == i) {
            out += text[i++];
            continue;
        }
        if (end == std::string::npos)
            end = text.size();
        const bool whole = digit_compound(text.substr(i, end - i));
        /* Each part in the text field named before it: "title:e mail"
         * would search "mail" everywhere. */
        std::string field_name;
        for (size_t j = i; j < end && !split[j]; j++)
            if (text[j] == ':')
                field_name = text.substr(i, j + 1 - i);
        std::string parts, joined;
        for (size_t j = i; j < end; j++) {
            parts += split[j] && !whole ? " " + field_name : text.substr(j, 1);
            if (!split[j] || whole)
                joined += text[j];
        }
        out += parts;
        if (parts != joined && joined.find('*') == std::string::npos)
            out += " " + joined;
        else if (excluded_compound(parts))
            out += " -" + without_hyphens(parts.substr(1));
        i = end;
    }
    return out;
}
