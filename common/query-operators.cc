/* query-operators.cc - Operators that were not read as operators, and
 * said nothing of it: a query Xapian's parser gave up on, and an
 * operator typed in lower case.  Operators are in capitals by design
 * (README "Query language"), but "cocoa not coffee" put the coffee
 * stories first (4,787 Reuters hits where "cocoa NOT coffee" has 99),
 * and "cocoa and coffee" was either word, with no word of why. */
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* TEXT's words between spaces outside quotes; QUOTED[i] when word i has
 * a quote in it or is inside quotes (a phrase's words are words). */
static void words_of(const std::string &text, std::vector<std::string> &words,
                     std::vector<bool> &quoted)
{
    bool in = false;
    for (size_t i = 0; i < text.size();) {
        if (isspace((unsigned char)text[i])) {
            i++;
            continue;
        }
        bool q = in;
        size_t e = i;
        for (; e < text.size() && (in || !isspace((unsigned char)text[e]));
             e++) {
            if (text[e] == '"') {
                in = !in;
                q = true;
            }
            if (in && isspace((unsigned char)text[e]))
                break; /* a phrase's word ends at a space too */
        }
        words.push_back(text.substr(i, e - i));
        quoted.push_back(q);
        i = e;
    }
}

/* WORD without the brackets around it. */
static std::string unbracketed(const std::string &w)
{
    size_t a = w.find_first_not_of('('), z = w.find_last_not_of(')');
    return a == std::string::npos || z < a ? "" : w.substr(a, z - a + 1);
}

/* Has TEXT an operator outside quotes, in capitals (AND, OR, NOT, XOR)? */
static bool typed_operator(const std::string &text)
{
    std::vector<std::string> words;
    std::vector<bool> quoted;
    words_of(text, words, quoted);
    for (size_t i = 0; i < words.size(); i++)
        if (!quoted[i] && boolean_word(unbracketed(words[i])))
            return true;
    return false;
}

/* Xapian's parser, on a query it cannot read ("cocoa NOT ghana)", "OR
 * cocoa"), parses it again with no operators and throws nothing: the
 * operators are searched as words, and the search said nothing of it.
 * Such a parse is the plain one (the flags Xapian keeps for it), where
 * a parse that read an operator lacks its word.  Asked only of a query
 * with an operator in capitals, as that parse is one more. */
bool libns::parse_fell_back(Xapian::QueryParser &qp, const std::string &text,
                            unsigned flags)
{
    using QP = Xapian::QueryParser;
    if (!(flags & QP::FLAG_BOOLEAN) || !typed_operator(text))
        return false;
    try {
        const std::string read = qp.parse_query(text, flags).get_description();
        const std::string plain =
            qp.parse_query(text, flags & (QP::FLAG_CJK_NGRAM |
                                          QP::FLAG_NO_POSITIONS))
                .get_description();
        return read == plain;
    } catch (const Xapian::QueryParserError &) {
        return false; /* the parse to come says so */
    }
}

std::string libns::lower_case_operators(ns_index_t *idx,
                                        const std::string &text)
{
    /* A query without lower-case letters reads its operators as words
     * (query_flags), and one with an operator in capitals shows that its
     * writer knows them. */
    bool lower_case = false;
    for (unsigned char c : text)
        lower_case |= c >= 'a' && c <= 'z';
    if (!lower_case || typed_operator(text) ||
        text.find("&&") != std::string::npos ||
        text.find("||") != std::string::npos)
        return "";
    const std::set<std::string> langs = index_langs(idx);
    /* "and" (a duck) and "not" (a note) are Norwegian words too: in an
     * archive with no English they are words as typed.  Norwegian's own
     * "og" and "ikke" are no operators anywhere. */
    const bool english = langs.count("en") > 0;
    std::vector<std::string> words;
    std::vector<bool> quoted;
    words_of(text, words, quoted);
    auto plain_word = [&](size_t i) {
        const std::string w = lower(unbracketed(words[i]).c_str());
        return has_word(w) && w != "and" && w != "or" && w != "not" &&
               w != "near";
    };
    std::string said, fixed;
    std::vector<std::string> seen;
    for (size_t i = 0; i < words.size(); i++) {
        const std::string &w = words[i];
        const bool op = !quoted[i] && i > 0 && i + 1 < words.size() &&
                        (w == "or" || w == "near" ||
                         (english && (w == "and" || w == "not"))) &&
                        plain_word(i - 1) && plain_word(i + 1);
        std::string up = w;
        if (op)
            for (char &c : up)
                c = (char)toupper((unsigned char)c);
        fixed += (fixed.empty() ? "" : " ") + up;
        if (!op || std::find(seen.begin(), seen.end(), w) != seen.end())
            continue;
        seen.push_back(w);
        /* "and" and "or" are English stop words: left out, not searched,
         * where the other words of the query are searched (stop-words.cc). */
        bool stopped = !langs.empty();
        for (const std::string &l : langs)
            stopped = stopped && stop_word(idx, l, w);
        said += std::string(said.empty() ? "" : ", ") + "'" + w + "' was " +
                (stopped ? "left out as a common word" : "searched as a word");
    }
    if (said.empty())
        return "";
    return said + "; operators are in capitals: " + fixed;
}
