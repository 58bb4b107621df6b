/* query-brackets.cc - A ')' that closes no bracket ("cocoa NOT ghana)",
 * "(cocoa OR coffee)) AND brazil").  Xapian's parser takes it for a
 * syntax error and, without a word of it, parses the query again with no
 * operators: the NOT, AND and OR become words, and "cocoa NOT ghana)"
 * searched ghana too, 4,688 Reuters stories with GHANA COCOA ones on top
 * where "cocoa NOT ghana" finds 104.  Such a ')' is left out, with a
 * warning that says what was searched.  An unclosed '(' needs nothing:
 * the parser closes it at the end of the query. */
#include <cctype>
#include <string>

#include "index-private.h"

using namespace libns;

std::string libns::stray_brackets_dropped(const std::string &text,
                                          std::string *warnings)
{
    /* In a query without lower-case letters brackets are no operators
     * (query_flags) and the parser passes over them. */
    bool lower_case = false;
    for (unsigned char c : text)
        lower_case |= c >= 'a' && c <= 'z';
    if (!lower_case || text.find(')') == std::string::npos)
        return text;
    std::string out, after; /* the word before the first one dropped */
    size_t depth = 0, dropped = 0;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        if (!quoted && c == '(')
            depth++;
        if (!quoted && c == ')') {
            if (depth == 0) {
                if (dropped++ == 0) {
                    size_t e = out.size();
                    while (e > 0 && isspace((unsigned char)out[e - 1]))
                        e--;
                    size_t b = e;
                    while (b > 0 && !isspace((unsigned char)out[b - 1]))
                        b--;
                    after = out.substr(b, e - b);
                }
                continue;
            }
            depth--;
        }
        out += c;
    }
    if (!dropped)
        return text;
    if (warnings) {
        std::string searched = out;
        size_t a = searched.find_first_not_of(" \t\r\n");
        size_t z = searched.find_last_not_of(" \t\r\n");
        searched = a == std::string::npos ? "" : searched.substr(a, z - a + 1);
        const std::string what =
            dropped == 1 ? "the ')'" + (after.empty() ? std::string(" at the start")
                                                      : " after '" + after + "'") +
                               " closes no bracket and was left out"
                         : std::to_string(dropped) +
                               " ')' close no bracket and were left out";
        *warnings += (warnings->empty() ? "" : "; ") + what +
                     "; searched as: " + searched;
    }
    return out;
}
