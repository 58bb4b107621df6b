/* query-text.cc - A query's text as people type and paste it, made into
 * what Xapian's parser reads as they meant it: quotation marks and spaces
 * of every kind, pasted web addresses, a space after a field name,
 * initialisms in lower case, hyphens between letters; and the field
 * names the parser knows. */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <string>
#include <strings.h>
#include <vector>

#include "index-private.h"

using namespace libns;

/* F's name and the names people reach for: the article's own JSON keys
 * ("tags:"), the keys front matter reads for it ("authors:", "sections:",
 * "categories:", a post's tags past its section), and what newsrooms
 * call the field ("headline:", "byline:", "category:").  Each made a silent phrase of "tags crude" that matched
 * nothing, where tag:crude finds 606 Reuters stories. */
std::vector<std::string> libns::names_of(const SchemaField &f)
{
    static const std::map<std::string, std::vector<std::string>> aliases = {
        {"title", {"headline"}}, {"heading", {"headings"}},
        {"author", {"byline", "authors"}},
        {"section", {"category", "sections"}},
        {"tag", {"tags", "categories"}},
        {"lang", {"language"}}};
    std::vector<std::string> out{f.name};
    auto it = aliases.find(f.name);
    if (it != aliases.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
}

/* Does C join onto a word, so that letters and periods beside it are
 * part of a longer one ("e.coli", "node.js", "u.s.'s")? */
static bool joins_word(char c)
{
    return isalnum((unsigned char)c) || ((unsigned char)c & 0x80) ||
           strchr(".'_:*&@/", c) != nullptr;
}

/* The length of the initialism at T[I] ("u.s.", "u.k", "U.S."): two to
 * twelve single letters, each followed by a period but the last, which
 * may lack it, and no more of a word after it; or 0. */
static size_t initialism_at(const std::string &t, size_t i)
{
    size_t j = i, letters = 0;
    while (j < t.size() && isalpha((unsigned char)t[j]) && letters < 12) {
        letters++, j++;
        if (j < t.size() && t[j] == '.')
            j++;
        else
            break; /* the last letter, without its period */
    }
    if (letters < 2 || (j < t.size() && joins_word(t[j])))
        return 0;
    return j - i;
}

/* Is the name before T[COLON] that of a text field (title:, heading:,
 * author:), whose words are read as outside one? */
bool libns::text_field_before(const std::string &t, size_t colon)
{
    size_t s = colon;
    while (s > 0 && isalpha((unsigned char)t[s - 1]))
        s--;
    std::string name = lower(t.substr(s, colon - s).c_str());
    for (const SchemaField &f : SCHEMA_FIELDS)
        for (const std::string &alias : names_of(f))
            if (f.kind == FIELD_TEXT && name == alias)
                return true;
    return false;
}

/* An initialism typed in lower case ("u.s.", "u.k. inflation") is read
 * as in capitals, as news writes it.  Xapian's parser and indexer read
 * single letters joined by periods as one word only in capitals: "U.S."
 * is the term "us", and "u.s." was the phrase "u s", which only text in
 * lower case has.  So "u.s." found 23 of Reuters' 4,000 articles with
 * "U.S." (FTS5, which splits both, finds them all), and "u.s. trade"
 * ranked a table in lower case first.  Searching both ways, as "(U.S. OR
 * u.s.)", was tried: the phrase of two rare one-letter terms outweighed
 * "us", and that table stayed first.  Inside quotes, which ask for the
 * text as written, and in the values of filters (id:, section:) it stays
 * as typed: "\"a.m.\"" finds the times that articles write in lower case. */
static std::string initialisms(const std::string &t)
{
    std::string out = t;
    bool quoted = false, field = false; /* inside "...", inside name:value */
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"') /* and the typographer's (plain_marks) */
            quoted = !quoted;
        else if (strchr(" \t()", t[i]))
            field = false;
        else if (t[i] == ':')
            field = !text_field_before(t, i);
        else if (!quoted && !field &&
                 (i == 0 || !joins_word(t[i - 1]) || t[i - 1] == ':')) {
            size_t n = initialism_at(t, i);
            for (size_t k = 0; k < n; k++)
                out[i + k] = (char)toupper((unsigned char)t[i + k]);
            i += n ? n - 1 : 0; /* the byte after it is looked at next */
        }
    }
    return out;
}

/* A quoted phrase with an initialism typed in lower case ("u.s. trade
 * deficit") is the phrase as written or with the initialism in capitals,
 * the way news writes it: as typed it found nothing in Reuters, where
 * "U.S. trade deficit" is in 192 articles.  Xapian's parser reads
 * "(A OR B)" after a field name and after '-' or '+' as one group.  A
 * quoted initialism alone stays as written: "A.M." is the word "am"
 * ("Pan Am"), and only its neighbours in a phrase say which is meant.
 * Run on the text the parse reads, after the query's words are counted
 * (limits.cc), so that the copy counts for nothing. */
std::string libns::quoted_initialisms(const std::string &t)
{
    std::string out;
    size_t done = 0, open = std::string::npos;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] != '"')
            continue;
        if (open == std::string::npos) {
            open = i;
            continue;
        }
        size_t close = i;
        std::string inside = t.substr(open + 1, close - open - 1),
                    caps = inside;
        size_t words = 0, changed = 0;
        for (size_t k = 0; k < inside.size(); k++) {
            if (k > 0 && joins_word(inside[k - 1]))
                continue;
            words += !isspace((unsigned char)inside[k]);
            size_t n = initialism_at(inside, k);
            for (size_t m = 0; m < n; m++) {
                changed += islower((unsigned char)inside[k + m]) != 0;
                caps[k + m] = (char)toupper((unsigned char)inside[k + m]);
            }
            k += n ? n - 1 : 0;
        }
        bool filter =
            open > 0 && t[open - 1] == ':' && !text_field_before(t, open - 1);
        if (changed && words > 1 && !filter) {
            out += t.substr(done, open - done);
            out += "(\"" + inside + "\" OR \"" + caps + "\")";
            done = close + 1;
        }
        open = std::string::npos;
    }
    return out + t.substr(done);
}

/* The marks of pasted and Nordic text as Xapian's parser reads them.
 * Every quotation mark that opens or closes a phrase becomes '"', so that
 * the rewrites after this one see one kind: the typographer's (“ ”), which
 * Xapian's parser takes as '"' already, and guillemets (« », the
 * quotation marks of Norwegian) and the low quote („), which it took for
 * nothing: «ekstern gjennomgang» was its two words.  Apostrophes typed
 * with other marks become the apostrophe (below).  Soft hyphens
 * (U+00AD), which news pages put in long words and a copied headline
 * keeps, are left out, as the indexer leaves them out of articles
 * (article.c).  Full-width forms are read as their ASCII ("ＧＤＰ" as
 * "GDP"), and letters written decomposed composed, as the indexer reads
 * them; dashes inside a word are hyphens. */
/* Is the byte before I in T, and the one at J, part of a word? */
static bool between_words(const std::string &t, size_t i, size_t j)
{
    auto word = [](unsigned char c) { return isalnum(c) || c >= 0x80; };
    return i > 0 && j < t.size() && word(t[i - 1]) && word(t[j]);
}

static std::string plain_marks(const std::string &typed)
{
    /* Full-width letters, digits and marks ("ＧＤＰ", "ＩＭＦ") as the
     * indexer reads them (write.cc plain_width): their ASCII forms. */
    std::string narrow, whole;
    const std::string *read = &typed;
    if (plain_width(typed.data(), typed.size(), narrow))
        read = &narrow;
    /* Letters pasted decomposed (NFD), as the indexer reads them
     * (write.cc indexed_text): composed. */
    if (composed(read->data(), read->size(), whole))
        read = &whole;
    /* A phrase ends at the mark that pairs with the one that opened it,
     * and a quotation inside it in another style is part of it
     * (quote-pairs.cc): "Mr Brown's article was “a warning shot” to Mr
     * Blair" is one phrase. */
    const std::string paired = paired_quotes(*read);
    const std::string &t = paired;
    static const char *const quotes[] = {"\u201c", "\u201d", "\u00ab", "\u00bb",
                                         "\u201e"};
    /* Spaces a page's text keeps (no-break, narrow, thin, figure): a
     * space, or "oil section:crude" with a no-break space after it
     * filtered on "crude\u00a0".  Zero-width characters: nothing, as
     * the indexer reads them (TermGenerator joins a word across them). */
    static const char *const spaces[] = {"\u00a0", "\u2007", "\u2009",
                                         "\u200a", "\u202f", "\u3000"};
    static const char *const invisible[] = {"\u200b", "\u200c", "\u200d",
                                            "\u2060", "\ufeff"};
    /* Marks typed for an apostrophe inside a word ("Trier\u00b4s" from
     * the acute accent key of a Nordic or Spanish keyboard, "don`t", the
     * modifier letter and the left single quote): the apostrophe, which
     * Xapian's parser keeps inside the word ("trier's") where it split
     * "trier\u00b4s" into "trier" and "s".  U+2019, the typographic
     * apostrophe, Xapian reads so already. */
    static const char *const apostrophes[] = {"\u00b4", "`", "\u02bc",
                                              "\u2018"};
    /* Dashes pasted inside a word ("G\u20117" with the non-breaking
     * hyphen of a word processor, "mid\u20131987" or "3\u20131" with an
     * en dash, the hyphen, the figure dash, the minus sign): '-', as the
     * indexer joins across the hyphens (write.cc joined_words).  Xapian's
     * parser splits a word at any of them, so "G\u20117" was "g" or "7",
     * 1,877 of Reuters' articles where "G-7" finds 68.  Between spaces an
     * en dash is punctuation, and stays so. */
    static const char *const dashes[] = {"\u2010", "\u2011", "\u2012",
                                         "\u2013", "\u2212"};
    std::string out;
    for (size_t i = 0; i < t.size(); i++) {
        size_t n = t.compare(i, 2, "\u00ad") == 0 ? 2 : 0;
        for (const char *z : invisible)
            if (!n && t.compare(i, strlen(z), z) == 0)
                n = strlen(z);
        for (const char *sp : spaces)
            if (!n && t.compare(i, strlen(sp), sp) == 0)
                out += ' ', n = strlen(sp);
        for (const char *q : quotes)
            if (!n && t.compare(i, strlen(q), q) == 0)
                out += '"', n = strlen(q);
        for (const char *a : apostrophes)
            if (!n && t.compare(i, strlen(a), a) == 0 &&
                between_words(t, i, i + strlen(a)))
                out += '\'', n = strlen(a);
        for (const char *d : dashes)
            if (!n && t.compare(i, strlen(d), d) == 0 &&
                between_words(t, i, i + strlen(d)))
                out += '-', n = strlen(d);
        if (n)
            i += n - 1;
        else
            out += t[i];
    }
    return out;
}

/* A web address pasted as a query ("https://news.example.org/2025/09/17/
 * fed-rate-cut-september?utm_source=x") is searched by the words of its
 * path, which for a news site are the headline's: "https:" was read as
 * a field name Xapian does not know, and the query found nothing.  The
 * host (the site's name, in every article of it), the query string and
 * fragment (tracking codes), numbers alone (a date) and a page's extension
 * (".html") say nothing of the story and are left out; an address with
 * no more than its host is searched by the host's words. */
static std::string address_words(std::string a)
{
    a = a.substr(0, a.find_first_of("?#"));
    size_t slash = a.find('/');
    std::string host = a.substr(0, slash), path, word;
    a = slash == std::string::npos ? "" : a.substr(slash) + "/";
    for (size_t i = 0; i < a.size(); i++) {
        char c = a[i];
        if (c == '%' && i + 2 < a.size() && isxdigit((unsigned char)a[i + 1]) &&
            isxdigit((unsigned char)a[i + 2])) {
            c = (char)strtol(a.substr(i + 1, 2).c_str(), nullptr, 16);
            i += 2;
        }
        if (c != '/') {
            word += c;
            continue;
        }
        for (const char *ext : {".html", ".htm", ".php", ".aspx", ".asp"})
            if (word.size() > strlen(ext) &&
                strcasecmp(word.c_str() + word.size() - strlen(ext), ext) == 0)
                word.resize(word.size() - strlen(ext));
        /* A number alone in a slug too: "oyafestivalen-2025" searched
         * "2025", and listed every article of the year beside the one. */
        std::string part;
        for (size_t j = 0; j <= word.size(); j++) {
            if (j < word.size() && !strchr("._-=&:+,;~!$'*@", word[j])) {
                part += word[j];
                continue;
            }
            if (part.find_first_not_of("0123456789") != std::string::npos)
                path += " " + part;
            part.clear();
        }
        word.clear();
    }
    std::string out =
        path.find_first_not_of(" ") == std::string::npos ? host : path;
    /* "https://" alone: the word, not an empty query listing every
     * article. */
    if (out.find_first_not_of(" /._-=&:+,;~!$'*@") == std::string::npos)
        return "https";
    for (char &c : out)
        if (strchr("/._-=&:+,;~!$'*@", c))
            c = ' ';
    return out;
}

static std::string pasted_addresses(const std::string &t)
{
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"')
            quoted = !quoted;
        size_t scheme = 0;
        if (!quoted &&
            (i == 0 || isspace((unsigned char)t[i - 1]) || t[i - 1] == '('))
            for (const char *s : {"https://", "http://"})
                if (strncasecmp(t.c_str() + i, s, strlen(s)) == 0)
                    scheme = strlen(s);
        if (!scheme) {
            out += t[i];
            continue;
        }
        size_t end = i;
        while (end < t.size() && !isspace((unsigned char)t[end]) &&
               t[end] != ')' && t[end] != '"')
            end++;
        out += address_words(t.substr(i + scheme, end - i - scheme));
        i = end - 1;
    }
    return out;
}

/* A wildcard inside quotes ("oil pric*"): Xapian's parser drops the '*'
 * there, and the phrase "oil pric" matched nothing, silently.  A phrase
 * cannot end in a wildcard here (its words would have to be expanded in
 * the check of every candidate's text), so its words are searched as
 * words, the field before the quote given to each, and WARNINGS says so.
 * An excluded or required phrase (-"...", +"...") is left as it is:
 * without its quotes it would exclude or require its first word alone. */
static std::string quoted_wildcards(const std::string &t, std::string *warnings)
{
    std::string out;
    size_t done = 0;
    for (size_t open = t.find('"'); open != std::string::npos;) {
        size_t close = t.find('"', open + 1);
        if (close == std::string::npos)
            break;
        std::string inside = t.substr(open + 1, close - open - 1);
        bool wild = false;
        for (size_t i = 1; i < inside.size(); i++)
            wild |= inside[i] == '*' &&
                    !isspace((unsigned char)inside[i - 1]) &&
                    (i + 1 == inside.size() ||
                     isspace((unsigned char)inside[i + 1]));
        size_t name = open;
        if (name > 0 && t[name - 1] == ':')
            for (name--; name > 0 && isalpha((unsigned char)t[name - 1]);)
                name--;
        bool sign = name > 0 && (t[name - 1] == '-' || t[name - 1] == '+');
        if (wild && warnings)
            *warnings +=
                std::string(warnings->empty() ? "" : "; ") +
                "a wildcard is not expanded inside quotes" +
                (sign ? "" : "; \"" + inside + "\" was searched as words");
        if (wild && !sign) {
            std::string field = t.substr(name, open - name), word;
            out += t.substr(done, name - done);
            for (size_t i = 0; i <= inside.size(); i++) {
                if (i < inside.size() && !isspace((unsigned char)inside[i])) {
                    word += inside[i];
                    continue;
                }
                if (!word.empty())
                    out += field + word + (i < inside.size() ? " " : "");
                word.clear();
            }
            done = close + 1;
        }
        open = t.find('"', close + 1);
    }
    return out + t.substr(done);
}

/* "1000000" as "1,000,000". */
static std::string grouped(const std::string &digits)
{
    std::string out;
    for (size_t i = 0; i < digits.size(); i++) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string libns::number_form(const std::string &word)
{
    /* A decimal by its whole part: "25746.56" as "25,746.56", which is
     * how Reuters writes the Dow (3 articles, and none "25746.56"). */
    const size_t dot = word.find('.');
    if (dot != std::string::npos) {
        const std::string decimals = word.substr(dot + 1);
        if (decimals.empty() ||
            decimals.find_first_not_of("0123456789") != std::string::npos)
            return "";
        const std::string whole = number_form(word.substr(0, dot));
        return whole.empty() ? "" : whole + "." + decimals;
    }
    if (word.size() < 4 || word[0] == '0' || word[0] == ',')
        return "";
    std::string digits;
    for (size_t i = 0; i < word.size(); i++) {
        if (isdigit((unsigned char)word[i]))
            digits += word[i];
        else if (word[i] != ',' || (word.size() - i - 1) % 4 != 3 ||
                 !isdigit((unsigned char)word[i - 1]))
            return "";
    }
    if (digits.size() < 4)
        return "";
    /* Grouped, every comma must be where grouped() puts one. */
    if (digits != word)
        return grouped(digits) == word ? digits : "";
    return grouped(digits);
}

/* Is WORD a Boolean operator of the query language?  A proximity one? */
bool libns::boolean_word(const std::string &word)
{
    return word == "AND" || word == "OR" || word == "NOT" || word == "XOR";
}
bool libns::near_word(const std::string &word)
{
    return word == "NEAR" || word == "ADJ" || word.rfind("NEAR/", 0) == 0 ||
           word.rfind("ADJ/", 0) == 0;
}

/* TEXT as TOKENS: words between spaces and brackets (WORD true, but in
 * quotes), and each space, bracket and quote on its own. */
void libns::split_tokens(const std::string &text,
                         std::vector<std::string> &tokens,
                         std::vector<bool> &word)
{
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        size_t end = text.find_first_of(" \t()\"", i);
        if (end == i) {
            quoted ^= text[i] == '"';
            tokens.emplace_back(1, text[i++]);
            word.push_back(false);
            continue;
        }
        if (end == std::string::npos)
            end = text.size();
        tokens.push_back(text.substr(i, end - i));
        word.push_back(!quoted);
        i = end;
    }
}

/* TEXT with each word outside quotes replaced by FN(word, the word
 * before it, the word after it); spaces, brackets and quotes as they are. */
template <typename F>
static std::string map_words(const std::string &text, F fn)
{
    std::vector<std::string> tokens;
    std::vector<bool> word;
    split_tokens(text, tokens, word);
    std::string out, prev;
    for (size_t t = 0; t < tokens.size(); t++) {
        if (!word[t]) {
            out += tokens[t];
            continue;
        }
        std::string next;
        for (size_t u = t + 1; u < tokens.size() && next.empty(); u++)
            if (word[u])
                next = tokens[u];
        out += fn(tokens[t], prev, next);
        prev = tokens[t];
    }
    return out;
}

/* A word with hyphens between letters that '+' requires or a Boolean
 * operator joins, outside quotes: one group of its phrase and the word
 * joined, as split_hyphens() searches it elsewhere ("+e-mail" is
 * "+("e mail" OR email)", "fraud NOT e-mail" excludes "email" too);
 * left as typed, it was the phrase alone, and split, the operator would
 * join only its last part.  Not in a query without lower-case letters,
 * whose operators are words (query_flags). */
static std::string grouped_compounds(const std::string &text)
{
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    if (!operators || text.find('-') == std::string::npos)
        return text;
    return map_words(text, [](const std::string &tok, const std::string &prev,
                              const std::string &next) {
        const bool plus = tok[0] == '+';
        const std::string w = plus ? tok.substr(1) : tok;
        const std::string joined = without_hyphens(w);
        if (!(plus || boolean_word(prev) || boolean_word(next)) ||
            joined == w || !isalpha((unsigned char)w[0]) || digit_compound(w) ||
            w.find_first_of(":*'") != std::string::npos)
            return tok;
        std::string parts = w;
        for (size_t i = 1; i + 1 < parts.size(); i++)
            if (parts[i] == '-' && isalpha((unsigned char)parts[i - 1]) &&
                isalpha((unsigned char)parts[i + 1]))
                parts[i] = ' ';
        return (plus ? "+(\"" : "(\"") + parts + "\" OR " + joined + ")";
    });
}

/* A number of four digits or more, outside quotes, also searched in its
 * other form: "1000" as "1000 1,000", "1,000" as "1,000 1000" ("NOT
 * 1000" as "NOT (1000 OR 1,000)"; a '-' before it is its minus sign,
 * minus_numbers).  Xapian keeps "1,000" as one term, so "1000 jobs"
 * missed every article that writes "1,000 jobs" (31 of BBC News write
 * "1,000", one "1000").  Beside a Boolean operator the two are one group
 * ("jobs AND (1000 OR 1,000)"), so that the operator still joins the
 * number; beside NEAR, which joins words only, and with '+' the number is
 * left as typed.  Operators are words in a query without lower-case
 * letters (query_flags), so there nothing is grouped.  "1.000" and
 * "1 000" (Norwegian) are left alone: in English text "1.000" is a
 * decimal. */
static std::string number_forms(const std::string &text)
{
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    return map_words(text, [&](const std::string &tok, const std::string &prev,
                               const std::string &next) {
        const bool minus = tok[0] == '-';
        const std::string alt = number_form(minus ? tok.substr(1) : tok);
        const bool by_op =
            operators && (boolean_word(prev) || boolean_word(next));
        const bool by_near = operators && (near_word(prev) || near_word(next));
        if (alt.empty() || tok[0] == '+' || by_near || (by_op && minus))
            return tok;
        if (by_op)
            return "(" + tok + " OR " + alt + ")";
        return tok + (minus ? " -" : " ") + alt;
    });
}

/* "oil NEAR/3", "ADJ/2 oil", "NEAR/3" alone: a NEAR or ADJ with no word
 * on one side joins nothing, and Xapian's parser read "NEAR/3" as the
 * phrase "near 3", which matched nothing and said nothing ("ADJ/3" the
 * same, and a query of "NEAR/3" alone is in capitals, so it was words
 * anyway).  Such a one is the word "near" (or "adj"), with the warning
 * near_unread() gives a NEAR the parse did not join.  Only where operators
 * are read (query_flags), or when the query is nothing else. */
static std::string lone_near_words(const std::string &text,
                                   std::string *warnings)
{
    std::vector<std::string> tokens;
    std::vector<bool> word;
    split_tokens(text, tokens, word);
    bool operators = false, only = true;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    for (size_t t = 0; t < tokens.size(); t++)
        if (word[t]) /* with a window: "NEAR" alone may be the word */
            only &= near_word(tokens[t]) &&
                    tokens[t].find('/') != std::string::npos;
    if (!operators && !only)
        return text;
    /* The token beside T on side STEP, past spaces; "" at either end. */
    auto beside = [&](size_t t, int step) -> std::string {
        for (size_t u = t + step; u < tokens.size(); u += step)
            if (tokens[u] != " " && tokens[u] != "\t")
                return tokens[u];
        return "";
    };
    auto joins = [&](const std::string &tok) {
        return !tok.empty() && tok != "(" && tok != ")" && tok != "\"" &&
               !boolean_word(tok) && !near_word(tok);
    };
    std::string out;
    for (size_t t = 0; t < tokens.size(); t++) {
        const std::string &tok = tokens[t];
        if (!word[t] || !near_word(tok) ||
            (joins(beside(t, -1)) && joins(beside(t, 1)))) {
            out += tok;
            continue;
        }
        const bool adj = tok[0] == 'A';
        out += adj ? "adj" : "near";
        if (!warnings)
            continue;
        const std::string why =
            adj ? "ADJ was searched as a word: it joins two words (a ADJ b, "
                  "a ADJ/3 b), not a wildcard or a phrase, with a window "
                  "from 1"
                : "NEAR was searched as a word: it joins two words (a NEAR "
                  "b, a NEAR/3 b), not a wildcard or a phrase, with a "
                  "window from 1";
        if (warnings->find(why) == std::string::npos)
            *warnings += (warnings->empty() ? "" : "; ") + why;
    }
    return out;
}

std::string libns::typed_text(const std::string &text, std::string *warnings)
{
    const std::string nums = minus_numbers(stray_brackets_dropped(text, warnings));
    const std::string read = plain_marks(pasted_addresses(
        trailing_operators_dropped(
            signs_beside_or(leading_not(lucene_text(
                                lucene_ranges(nums, warnings), warnings)),
                            warnings),
            warnings)));
    return bracketed_filters(number_forms(amount_forms(percent_forms(lone_near_words(
        split_hyphens(grouped_compounds(initialisms(quoted_wildcards(
            excluded_groups(field_groups(joined_fields(read, warnings))),
            warnings)))),
        warnings)))));
}

/* Is NAME (lower case) one the parser reads as a field's? */
bool libns::field_known(const std::string &name)
{
    if (name == "date" || name == "_exists_")
        return true;
    for (const SchemaField &f : SCHEMA_FIELDS)
        for (const std::string &alias : names_of(f))
            if (name == alias)
                return true;
    return false;
}

/* "url:azure" or "site:example.org": a name the parser does not know
 * joined to a word makes a phrase of both ("url azure"), as it does for
 * "mission:impossible", and matched nothing, with no word of why.  What
 * a search falls back on (search-api.cc): the words apart, and a remark
 * naming the fields there are.  Only outside quotes, for a name of two
 * letters or more starting a word, before a word or a quoted phrase;
 * digits ("3:1", "10:30") are no name. */
std::string libns::unknown_field_words(const std::string &text,
                                       std::string &names,
                                       std::vector<std::string> *phrases)
{
    /* As the parse reads it (typed_text): a pasted address is its words.
     * On the text as typed, "https:" was a name no field has, and its
     * words apart ("https //news.example.org/...") were no address to
     * pasted_addresses(): the host joined the slug's first word, and those
     * results replaced the address's. */
    std::string t = plain_marks(pasted_addresses(text)), out;
    names.clear();
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"')
            quoted = !quoted;
        if (t[i] == ':' && !quoted && i + 1 < t.size() &&
            !isspace((unsigned char)t[i + 1]) && t[i + 1] != ':') {
            /* "body_text:", "title.raw:", "_source:": the names of
             * other engines' fields have '_' and '.' in them. */
            size_t s = i;
            while (s > 0 && (isalnum((unsigned char)t[s - 1]) ||
                             t[s - 1] == '_' || t[s - 1] == '.'))
                s--;
            std::string name = lower(t.substr(s, i - s).c_str());
            if (i - s >= 2 && (s == 0 || strchr(" \t(+-", t[s - 1])) &&
                name.find_first_of("abcdefghijklmnopqrstuvwxyz") !=
                    std::string::npos &&
                !field_known(name)) {
                if (names.find("'" + name + ":'") == std::string::npos)
                    names += (names.empty() ? "'" : ", '") + name + ":'";
                size_t b = i + 1, e = b;
                /* A quoted value is the name's phrase with all of it:
                 * 'writers:"kari nordmann"' was "writers" alone, which
                 * some article has, and went unremarked. */
                if (t[b] == '"') {
                    e = t.find('"', ++b);
                    e = e == std::string::npos ? t.size() : e;
                } else {
                    while (e < t.size() && !isspace((unsigned char)t[e]) &&
                           t[e] != ')' && t[e] != '"')
                        e++;
                }
                if (phrases)
                    phrases->push_back(t.substr(s, i - s) + " " +
                                       t.substr(b, e - b));
                out += ' ';
                continue;
            }
        }
        out += t[i];
    }
    return names.empty() ? "" : out;
}

std::string libns::unclosed_quote_words(const std::string &text)
{
    /* Every mark that opens or closes a phrase, as '"' (plain_marks). */
    std::string t = plain_marks(text);
    size_t count = (size_t)std::count(t.begin(), t.end(), '"');
    if (count % 2 == 0)
        return "";
    size_t last = t.rfind('"');
    return t.substr(0, last) + " " + t.substr(last + 1);
}

std::string libns::unclosed_phrase(const std::string &text)
{
    std::string t = plain_marks(text);
    if (std::count(t.begin(), t.end(), '"') % 2 == 0)
        return "";
    return t.substr(t.rfind('"') + 1);
}
