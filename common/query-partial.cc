/* query-partial.cc - Search as you type: the last word of a query being
 * typed also matched as a prefix. */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

/* Search as you type (ns_search_opts_t.partial): TEXT with its last word,
 * the one being typed, also matched as a prefix: "azure surv" is
 * "azure surv*", as Xapian's FLAG_PARTIAL and Elasticsearch's
 * match_bool_prefix read a search box's text.  The wildcard is the query
 * language's own (its expansions and limits, stems as well, "Limits").
 * Only a plain word of three letters or more right at the end: not after
 * a space (the word is done), not in an open quote (a phrase being typed
 * is a phrase), not an excluded word, an operator, a word with a
 * wildcard already or the value of a field other than a text field's.  Fewer
 * letters expand over the archive's most common words and say little of what is
 * typed, at a cost: on the 100k archive, bench queries with their last word cut
 * to its first two letters took 20.9 ms at the median (max 142), to three 6.3
 * ms, where the whole words took 2.6 (README "Search as you type").
 *
 * Not a word right after NEAR or ADJ (NEAR/3) where operators are read
 * (query_flags): the parser joins two plain words only, so "azure NEAR
 * surv*" searched "near" as a word (21 of the samples with "azure",
 * "near" or a "surv" word, where "azure NEAR surveillance" finds the
 * one).  Nor a stop word of the archive's languages (IDX): "the*" is
 * "the", "they", "there"..., in every article, and with the words joined
 * by OR "tony blair the" found 2223 of BBC News' 2225 articles ("tony
 * blair": 202).  It is searched as without a prefix.
 *
 * AS_WORD_TOO, for the search (not for "Did you mean", which leaves the
 * prefix alone): the word is searched as a word as well, "azure surv
 * surv*".  A prefix matches the words as written, not their stems, so
 * once a word was typed out its other forms dropped out: `elections`
 * found 49 of BBC News' articles with --partial and 222 without, in 72 of
 * 300 two-word titles typed so the page lost articles, and gained them
 * back at the next space.  Not after an operator or '+' ("oil AND elec",
 * "+elec"), where a second word would not be joined as the first is.
 *
 * A word joined to the one before by a hyphen or an apostrophe is
 * completed with it ("anti-terr" is "anti-terr*", "O'Sulli" is
 * "O'Sulli*"), as it is no excluded word. */
std::string libns::partial_text(const std::string &text, ns_index_t *idx,
                                bool as_word_too)
{
    if (text.empty() || std::count(text.begin(), text.end(), '"') % 2)
        return text;
    auto word_char = [](unsigned char c) { return isalnum(c) || c >= 0x80; };
    size_t start = text.size();
    while (start > 0 && word_char((unsigned char)text[start - 1]))
        start--;
    if (start == text.size())
        return text;
    /* Where the word being typed starts, with any word it is joined to. */
    size_t token = start;
    while (token > 1 && (text[token - 1] == '-' || text[token - 1] == '\'') &&
           word_char((unsigned char)text[token - 2])) {
        token--;
        while (token > 0 && word_char((unsigned char)text[token - 1]))
            token--;
    }
    /* A text field's value too ("title:azu", "title:o'sul": the name
     * before the joined word, or "title:o'sul" was left as typed), but
     * not a name that is not one's (section:, tag: and id: are whole
     * values). */
    const size_t at = token;
    if (at > 1 && text[at - 1] == ':') {
        size_t name = at - 1;
        while (name > 0 && isalpha((unsigned char)text[name - 1]))
            name--;
        std::string n = text.substr(name, at - 1 - name);
        std::transform(n.begin(), n.end(), n.begin(), ::tolower);
        bool known = false;
        for (const SchemaField &f : SCHEMA_FIELDS)
            for (const std::string &alias : names_of(f))
                known |= f.kind == FIELD_TEXT && n == alias;
        if (known)
            token = name;
    }
    if (token > 0 && !strchr(" \t\r\n(+", text[token - 1]))
        return text; /* "-surv", "section:wor", "u.s", "surv*x" */
    /* Counted over the joined word: "o'su" and "e-ma" are three letters
     * typed, and counted from the last part they were not completed (an
     * empty page on the way to O'Sullivan, then "corrected" to another
     * word as if finished). */
    size_t letters = 0; /* code points: UTF-8 bytes that start one */
    for (size_t i = at; i < text.size(); i++)
        letters += word_char((unsigned char)text[i]) &&
                   ((unsigned char)text[i] & 0xC0) != 0x80;
    const std::string word = text.substr(start);
    /* Operators are upper-case words, and words in a query without
     * lower-case letters. */
    bool joined = false; /* to an operator before it, or by '+' */
    if (token > 0 && text[token - 1] == '+')
        joined = true;
    if (query_flags(text, Xapian::QueryParser::FLAG_BOOLEAN)) {
        size_t end = token;
        while (end > 0 && strchr(" \t\r\n(+", text[end - 1]))
            end--;
        size_t prev = end;
        while (prev > 0 && !isspace((unsigned char)text[prev - 1]) &&
               text[prev - 1] != '(')
            prev--;
        if (boolean_word(word) || word == "NEAR" || word == "ADJ" ||
            near_word(text.substr(prev, end - prev)))
            return text;
        joined |= boolean_word(text.substr(prev, end - prev));
    }
    if (letters < 3)
        return text;
    if (idx && token == start) {
        const std::string low = lower(word.c_str());
        for (const std::string &l : index_langs(idx))
            if (stop_word(idx, l, low))
                return text;
    }
    if (as_word_too && !joined)
        return text + " " + text.substr(token) + "*";
    return text + "*";
}
