/* query-ends.cc - An operator typed at the end of a query by accident
 * ("oil NOT", "oil AND NOT", "oil OR", "oil NEAR", "oil -"): it joins
 * nothing.  Xapian's parser fails on most of them and the query ran as
 * plain words, so "oil NOT" searched the word "not" (four times the
 * articles of "oil" on Reuters and BBC News, where "oil AND" found those
 * of "oil" because "and" is a stop word), and "oil NEAR" the word "near".
 * Such a one is left out, with a warning, and the rest of the query is
 * searched as typed. */
#include <cctype>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Is TOK an operator that needs a word after it? */
static bool wants_word_after(const std::string &tok)
{
    return boolean_word(tok) || near_word(tok) || tok == "-" || tok == "+";
}

bool libns::has_word(const std::string &text)
{
    for (unsigned char c : text)
        if (isalnum(c) || c >= 0x80)
            return true;
    return false;
}

std::string libns::trailing_operators_dropped(const std::string &text,
                                              std::string *warnings)
{
    /* Operators are read only in a query with a lower-case letter
     * (query_flags): "OIL NOT" is two words.  Inside an unclosed quote
     * ("oil NOT) an operator is a word of the phrase. */
    bool lower_case = false;
    for (unsigned char c : text)
        lower_case |= c >= 'a' && c <= 'z';
    if (!lower_case || !unclosed_quote_words(text).empty())
        return text;
    size_t end = text.size();
    std::string dropped;
    for (;;) {
        size_t e = end;
        while (e > 0 && isspace((unsigned char)text[e - 1]))
            e--;
        size_t b = e;
        while (b > 0 && !isspace((unsigned char)text[b - 1]))
            b--;
        const std::string tok = text.substr(b, e - b);
        /* A query of operators alone is left as it is (its words). */
        if (b == e || !wants_word_after(tok) || !has_word(text.substr(0, b)))
            break;
        dropped = tok + (dropped.empty() ? "" : " ") + dropped;
        end = b;
    }
    if (dropped.empty())
        return text;
    if (warnings) {
        const std::string why = "the " + dropped +
                                " at the end of the query joins nothing "
                                "and was left out";
        *warnings += (warnings->empty() ? "" : "; ") + why;
    }
    return text.substr(0, end);
}
