/* query-partial.cc - Search as you type: the last word of a query being
 * typed also matched as a prefix. */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <strings.h>
#include <string>
#include <vector>

#include "index-private.h"
#include "query-partial.h"

using namespace libns;

/* A letter or digit: what a word is made of, as the parser reads one.
 * Any byte past ASCII was one, so that the closing mark of a quote typed
 * on a phone ("“climate change”") was part of "change”", and
 * the closed phrase was searched as its words with "change*" beside them:
 * 1654 of BBC News' and Reuters' articles, where the phrase is in 12.  A
 * closing quote, an ellipsis or an emoji ends the word. */
static bool word_char(unsigned ch)
{
    return ch < 0x80 ? isalnum((int)ch) != 0 : Xapian::Unicode::is_wordchar(ch);
}

/* The length in bytes of the word character that ends right before T[I],
 * or 0 (none, or no character of UTF-8). */
static size_t word_char_before(const std::string &t, size_t i)
{
    size_t s = i;
    while (s > 0 && i - s < 4 && ((unsigned char)t[s - 1] & 0xC0) == 0x80)
        s--;
    if (s == 0)
        return 0;
    s--;
    Xapian::Utf8Iterator it(t.data() + s, i - s);
    return word_char(*it) && (++it).left() == 0 ? i - s : 0;
}

/* Is the last token of T a web address (query-text.cc pasted_addresses)?
 * The parse searches the words of its path, and none of them is being
 * typed: completed, the query string's last word was searched
 * ("...?utm_medium=social*"), 167 more articles than the address alone. */
static bool pasted_address_last(const std::string &t)
{
    size_t b = t.size();
    while (b > 0 && !isspace((unsigned char)t[b - 1]))
        b--;
    while (b < t.size() && t[b] == '(')
        b++;
    for (const char *s : {"https://", "http://"})
        if (strncasecmp(t.c_str() + b, s, strlen(s)) == 0)
            return true;
    return false;
}

/* Does some word of the archive start with WORD: an exact word, or a
 * stem (folded), as the prefix expands (forms.cc wildcard_stems)?  One no
 * word starts with is no word being typed: completed, "Isreal*",
 * "#ClimateChange*", "@tonyblair*" and "Microsft*" matched nothing, and
 * as the word being typed they were not corrected either (README "Search
 * as you type"). */
static bool starts_a_term(ns_index_t *idx, const std::string &word)
{
    const std::string low = Xapian::Unicode::tolower(word);
    const std::string stem = PREFIX_STEM + fold(low, 0);
    const Xapian::Database &db = *idx->db;
    try {
        return db.allterms_begin(low) != db.allterms_end(low) ||
               db.allterms_begin(stem) != db.allterms_end(stem);
    } catch (const Xapian::Error &) {
        return true; /* a shard that fails: as typed before */
    }
}

bool libns::word_in_progress(ns_index_t *idx, const std::string &text)
{
    size_t start = text.size();
    while (size_t n = word_char_before(text, start))
        start -= n;
    return start == text.size() || !idx ||
           starts_a_term(idx, text.substr(start));
}

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
 * completed with it ("anti-terr" is "anti antiterr antiterr*", "O'Sulli" is
 * "O'Sulli O'Sulli*"), as it is no excluded word. */
std::string libns::partial_text(const std::string &text, ns_index_t *idx,
                                bool as_word_too)
{
    /* A quote open in any style the parse reads ("“climate chan",
     * "«ekstern gjenn"): the phrase being typed.  Counted over '"'
     * alone, one typed on a phone was not open, and its last word was
     * completed inside it. */
    if (text.empty() || !unclosed_quote_words(text).empty() ||
        pasted_address_last(text))
        return text;
    size_t start = text.size();
    while (size_t n = word_char_before(text, start))
        start -= n;
    if (start == text.size())
        return text;
    /* Where the word being typed starts, with any word it is joined to. */
    size_t token = start;
    while (token > 1 && (text[token - 1] == '-' || text[token - 1] == '\'') &&
           word_char_before(text, token - 1)) {
        token--;
        while (size_t n = word_char_before(text, token))
            token -= n;
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
    /* Not an excluded word ("-surv"), the value of a filter
     * ("section:wor") or a word after a wildcard ("surv*x"); after any
     * other mark the word is being typed: "#Chels", "$Micr", "@elon",
     * "editor@exa", "U.S.-Jap".  Left as typed, it was taken for a typo
     * and "corrected" ("#Chela", "U.S.-Jan"), or found nothing ("$AAP"). */
    if (token > 0) {
        const char before = text[token - 1];
        const bool excluded =
            before == '-' &&
            (token == 1 || strchr(" \t\r\n(", text[token - 2]) != nullptr);
        if (excluded || before == ':' || before == '*')
            return text;
    }
    /* Counted over the joined word: "o'su" and "e-ma" are three letters
     * typed, and counted from the last part they were not completed (an
     * empty page on the way to O'Sullivan, then "corrected" to another
     * word as if finished). */
    size_t letters = 0;
    for (Xapian::Utf8Iterator it(text.data() + at, text.size() - at), end;
         it != end; ++it)
        letters += word_char(*it);
    const std::string word = text.substr(start);
    /* Operators are upper-case words, and words in a query without
     * lower-case letters. */
    bool joined = false; /* to an operator before it, or by '+' */
    if (token > 0 && text[token - 1] == '+')
        joined = true;
    if (query_flags(text, Xapian::QueryParser::FLAG_BOOLEAN)) {
        size_t end = token;
        while (end > 0 && !word_char_before(text, end) &&
               !strchr(")\"", text[end - 1]))
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
        if (!starts_a_term(idx, word))
            return text;
    }
    /* The joined word is completed, not its last part: split at the
     * hyphen, "anti-t*" was "anti t*", and "t*" alone, one letter,
     * expanded over the whole archive ("T", "Toshiba": 23854 of BBC News'
     * and Reuters' 23900 articles).  The index holds every word written
     * with hyphens between letters joined as well ("antiterrorism",
     * write.cc joined_words), which "antit*" completes.  A number
     * compound ("g-7", "covid-1") has no joined form: as typed. */
    const std::string typed = text.substr(at);
    if (typed.find('-') != std::string::npos) {
        if (std::any_of(typed.begin(), typed.end(),
                        [](unsigned char c) { return isdigit(c); }))
            return text;
        std::string one;
        for (char c : typed)
            if (c != '-')
                one += c;
        /* After an operator or '+' the prefix alone ("oil AND antit*"),
         * as for any word; for "Did you mean" the word as typed. */
        if (!as_word_too)
            return text + "*";
        if (joined)
            return text.substr(0, at) + one + "*";
        /* The parts typed out, and the joined word as a word and as a
         * prefix: "anti antiter antiter*".  The last part is no word yet,
         * and searched as one the rare "ter" put Teradyne (TER) above
         * every anti-terror story. */
        const std::string field = text.substr(token, at - token);
        return text.substr(0, token) + field +
               typed.substr(0, typed.rfind('-')) + " " + field + one + " " +
               field + one + "*";
    }
    if (as_word_too && !joined)
        return text + " " + text.substr(token) + "*";
    return text + "*";
}

/* The word being typed is searched twice, as a word and as a prefix
 * ("prime minis minis*", see AS_WORD_TOO above); as two words of an OR
 * each was weighed by its own rarity, and the word's stem, rarer than
 * all its completions together, outweighed them: "prime minis" ranked
 * BBC News' stories of the BMW Mini ("minis" is "mini") above every
 * one of the prime minister.  The two are one word being typed, so they
 * are one OP_SYNONYM, weighed as one word, as a number's two forms are
 * (query.cc number_synonyms).  In an OR whose last part holds the
 * wildcard (the '*' partial_text() added ends the text) and whose last
 * word, by position, is a term of its own: the word typed. */
Xapian::Query libns::partial_synonym(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    const size_t n = q.get_num_subqueries();
    if (q.get_type() == Q::OP_OR && n >= 2 &&
        q.get_subquery(n - 1).get_type() != Q::LEAF_TERM &&
        has_operator(q.get_subquery(n - 1), Q::OP_WILDCARD)) {
        size_t word = n;
        Xapian::termpos last = 0;
        for (size_t i = 0; i + 1 < n; i++) {
            Xapian::termpos pos = leaf_position(q.get_subquery(i));
            if (pos > last) {
                last = pos;
                word = q.get_subquery(i).get_type() == Q::LEAF_TERM ? i : n;
            }
        }
        if (word < n) {
            std::vector<Q> subs;
            for (size_t i = 0; i + 1 < n; i++)
                if (i != word)
                    subs.push_back(q.get_subquery(i));
            const Q typed[] = {q.get_subquery(word), q.get_subquery(n - 1)};
            subs.emplace_back(Q::OP_SYNONYM, typed, typed + 2);
            return subs.size() == 1 ? subs[0]
                                    : Q(Q::OP_OR, subs.begin(), subs.end());
        }
    }
    return map_subqueries(
        q, [](const Q &sub, size_t) { return partial_synonym(sub); });
}
