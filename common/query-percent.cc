/* query-percent.cc - A percentage typed in any of the forms news writes
 * it ("1.5%", "1.5 pct", "1.5 percent", "1.5 per cent") searched in all
 * of them: "1.5%" (BBC News, the Guardian), "1.5 pct" (Reuters), "1.5
 * percent" (American papers) and "1.5 per cent" (British ones). */
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* The words searched after the number, each as a phrase with it.  Not
 * "per cent": the number alone finds its articles already, and a phrase
 * weighs its words wherever they are in an article that has the number,
 * so "per" and "cent" ranked Reuters' grain prices ("cents per bushel")
 * first for "10 per cent" (1 of the top 10 with a percentage, where
 * "pct" and "percent" alone have 8). */
static const char *const WORDS[] = {"pct", "percent"};

/* WORD split as a percentage written joined ("1.5%", "1.5pct",
 * "1.5percent"): its number, or "". */
static std::string joined_percent(const std::string &word)
{
    const std::string w = lower(word.c_str());
    for (const char *end : {"%", "pct", "percent"}) {
        const size_t n = strlen(end);
        if (w.size() > n && w.compare(w.size() - n, n, end) == 0 &&
            amount_number(w.substr(0, w.size() - n)))
            return word.substr(0, w.size() - n);
    }
    return "";
}

/* Outside quotes, a percentage typed in one form also searched in the
 * others, kept one percentage: its number and word are a phrase ("1.5
 * pct"), never the loose words.  "1.5%" was the number alone to the
 * parser, which drops the '%', so it ranked Reuters' "WINS 1.5 MLN DLR
 * CONTRACT" first and its 70 articles with "1.5 pct" among 410 with any
 * 1.5; "1.5 pct" found 6,311 articles, every one with "pct".  The index
 * keeps no '%' (the indexer drops it as the parser does), so the form
 * "1.5%" is the number alone: it finds BBC News' "grew by 1.5%", and
 * the articles with a percentage rank first, as they match the phrase
 * of their form too.  The forms are one group, which an operator beside
 * it joins whole; in a query typed in capitals, whose operators are
 * words, they are words beside each other, in capitals.  A word with '+'
 * or '-', beside NEAR, or in a field is left as typed. */
std::string libns::percent_forms(const std::string &text)
{
    if (text.find_first_of("0123456789") == std::string::npos)
        return text;
    const typed_tokens tt(text);
    const std::vector<std::string> &tokens = tt.tokens;
    const std::vector<bool> &word = tt.word;
    const bool operators = tt.operators;
    auto next_word = [&](size_t t) { return tt.next_word(t); };
    auto prev_word = [&](size_t t) { return tt.prev_word(t); };
    auto is = [&](size_t u, const char *w) {
        return u < tokens.size() && lower(tokens[u].c_str()) == w;
    };
    std::string out;
    for (size_t t = 0; t < tokens.size(); t++) {
        if (!word[t]) {
            out += tokens[t];
            continue;
        }
        std::string number = joined_percent(tokens[t]);
        size_t last = t; /* the token the percentage ends on */
        if (number.empty() && amount_number(tokens[t])) {
            const size_t u = next_word(t);
            if (is(u, "%") || is(u, "pct") || is(u, "percent")) {
                number = tokens[t];
                last = u;
            } else if (is(u, "per") && is(next_word(u), "cent")) {
                number = tokens[t];
                last = next_word(u);
            }
        }
        const std::string before = prev_word(t);
        const size_t after_at = next_word(last);
        const std::string after =
            after_at < tokens.size() ? tokens[after_at] : "";
        if (number.empty() || tokens[t].find(':') != std::string::npos ||
            (operators && (near_word(before) || near_word(after)))) {
            out += tokens[t];
            continue;
        }
        std::string joined = number;
        for (const char *w : WORDS) {
            std::string f = w;
            if (!operators) /* a query typed in capitals stays one */
                for (char &c : f)
                    c = (char)toupper((unsigned char)c);
            joined += (operators ? " OR \"" : " \"") + number + " " + f + "\"";
        }
        if (operators) /* one group, beside '+' words and operators too */
            joined = "(" + joined + ")";
        out += joined;
        t = last;
    }
    return out;
}
