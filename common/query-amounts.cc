/* query-amounts.cc - An amount of money typed in words or in figures
 * ("$28 billion", "$28bn", "£5 million", "5m") searched in every form
 * news writes it: "28bn" and "5m" (BBC News, the Guardian, the FT),
 * "28 billion" and "5 million", and the wire's "5 mln" and "28 bln"
 * (Reuters). */
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* A scale of an amount: its joined suffix, the words written after the
 * number, and whether the joined form is money only after a currency
 * sign: "100m" is as often the sprint (BBC Sport) or metres, and "5 m"
 * spaced is never read.  "28bn" is money with or without one. */
struct Scale {
    const char *joined;
    const char *words[3];
    bool joined_needs_sign;
};
static const Scale SCALES[] = {
    {"bn", {"billion", "bln", nullptr}, false},
    {"m", {"million", "mln", nullptr}, true},
    {"tn", {"trillion", nullptr, nullptr}, false},
};

/* WORD without a currency sign before it ("$28" is "28", "£5m" "5m"). */
static std::string without_currency(const std::string &word)
{
    for (const char *sign : {"US$", "$", "\xc2\xa3", "\xe2\x82\xac"})
        if (word.rfind(sign, 0) == 0)
            return word.substr(strlen(sign));
    return word;
}

/* Is WORD a number as an amount is written: digits, with thousands
 * commas or a decimal point between them ("28", "1.5", "1,500")? */
bool libns::amount_number(const std::string &word)
{
    if (word.empty() || !isdigit((unsigned char)word[0]) ||
        !isdigit((unsigned char)word.back()))
        return false;
    for (size_t i = 0; i < word.size(); i++)
        if (!isdigit((unsigned char)word[i]) &&
            !((word[i] == ',' || word[i] == '.') &&
              isdigit((unsigned char)word[i + 1])))
            return false;
    return true;
}

/* The scale whose word (any case) WORD is, or null. */
static const Scale *scale_word(const std::string &word)
{
    const std::string w = lower(word.c_str());
    for (const Scale &s : SCALES)
        for (const char *const *x = s.words; *x; x++)
            if (w == *x)
                return &s;
    return nullptr;
}

/* WORD split as an amount written joined ("28bn", "5m", "1.5bn",
 * "5mln"): its number in NUMBER and its scale, or null.  SHORT: written
 * with the scale's joined suffix ("5m", not "5mln"). */
static const Scale *joined_amount(const std::string &word, std::string &number,
                                  bool &short_form)
{
    const std::string w = lower(word.c_str());
    for (const Scale &s : SCALES) {
        std::vector<std::string> ends{s.joined};
        for (const char *const *x = s.words; *x; x++)
            if (strlen(*x) == 3) /* "mln", "bln" */
                ends.emplace_back(*x);
        for (const std::string &end : ends)
            if (w.size() > end.size() &&
                w.compare(w.size() - end.size(), end.size(), end) == 0 &&
                amount_number(w.substr(0, w.size() - end.size()))) {
                number = word.substr(0, w.size() - end.size());
                short_form = end == s.joined;
                return &s;
            }
    }
    return nullptr;
}

/* Every form of the amount NUMBER SCALE, each a query word or phrase,
 * in capitals when CAPS (a query typed in capitals stays one, whose
 * operators are words). */
static std::vector<std::string> forms(const std::string &number, const Scale &s,
                                      bool caps, bool sign)
{
    auto cased = [&](std::string w) {
        if (caps)
            for (char &c : w)
                c = (char)toupper((unsigned char)c);
        return w;
    };
    std::vector<std::string> out;
    if (sign || !s.joined_needs_sign)
        out.push_back(number + cased(s.joined));
    for (const char *const *x = s.words; *x; x++)
        out.push_back("\"" + number + " " + cased(*x) + "\"");
    return out;
}

libns::typed_tokens::typed_tokens(const std::string &text) : operators(false)
{
    split_tokens(text, tokens, word);
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
}

/* Spaces and tabs alone are passed over: "28 bn", never "28 (bn". */
size_t libns::typed_tokens::next_word(size_t t) const
{
    size_t u = t + 1;
    while (u < tokens.size() && (tokens[u] == " " || tokens[u] == "\t"))
        u++;
    return u < tokens.size() && word[u] ? u : tokens.size();
}

std::string libns::typed_tokens::prev_word(size_t t) const
{
    for (size_t u = t; u-- > 0;)
        if (tokens[u] != " " && tokens[u] != "\t")
            return word[u] ? tokens[u] : "";
    return "";
}

/* Outside quotes, an amount typed in one form also searched in the
 * others.  Kept one amount: its number and scale word are a phrase
 * ("28 billion"), never the loose words, whose "28" ranked Reuters'
 * "H.J. HEINZ CO 3RD QTR JAN 28 NET" first for "$28 billion" and never
 * found BBC News' "Yukos owner sues Russia for $28bn" (one word, "28bn",
 * to the indexer); "$28bn" found none of Reuters' "28 billion dlrs".
 * The forms are one group of either of them, which an operator beside
 * it joins whole ("oil AND $28bn" is "oil AND (28bn OR "28 billion" OR
 * "28 bln")"); in a query typed in capitals, whose operators are words,
 * they are words beside each other, in capitals.  A word with '+' or
 * '-', beside NEAR, or in a field is left as typed. */
std::string libns::amount_forms(const std::string &text)
{
    if (text.find_first_of("0123456789") == std::string::npos)
        return text;
    const typed_tokens tt(text);
    const std::vector<std::string> &tokens = tt.tokens;
    const std::vector<bool> &word = tt.word;
    const bool operators = tt.operators;
    auto next_word = [&](size_t t) { return tt.next_word(t); };
    auto prev_word = [&](size_t t) { return tt.prev_word(t); };
    std::string out;
    for (size_t t = 0; t < tokens.size(); t++) {
        if (!word[t]) {
            out += tokens[t];
            continue;
        }
        const std::string core = without_currency(tokens[t]);
        const bool sign = core != tokens[t];
        bool short_form = false;
        std::string number;
        const Scale *s = nullptr;
        size_t last = t; /* the token the amount ends on */
        if (amount_number(core)) {
            size_t u = next_word(t);
            if (u < tokens.size() && (s = scale_word(tokens[u])))
                last = u;
            number = core;
        } else if ((s = joined_amount(core, number, short_form)) && !sign &&
                   ((short_form && s->joined_needs_sign) ||
                    core.find_first_of("abcdefghijklmnopqrstuvwxyz") ==
                        std::string::npos)) {
            /* "100m" with no currency sign is a sprint as often; "3M"
             * or "28BN" in capitals a name (the company: Reuters' "3M
             * <MMM> COMPLETES UNITEK ACQUISITION"), as a word in capitals
             * is to "Did you mean". */
            s = nullptr;
        }
        const std::string before = prev_word(t);
        const size_t after_at = next_word(last);
        const std::string after =
            after_at < tokens.size() ? tokens[after_at] : "";
        if (!s || tokens[t].find(':') != std::string::npos ||
            (operators && (near_word(before) || near_word(after)))) {
            out += tokens[t];
            continue;
        }
        const bool caps =
            tokens[last].find_first_of("abcdefghijklmnopqrstuvwxyz") ==
            std::string::npos;
        std::string joined;
        for (const std::string &f : forms(number, *s, caps, sign))
            joined += (joined.empty() ? "" : operators ? " OR " : " ") + f;
        if (operators) /* one group, beside '+' words and operators too */
            joined = "(" + joined + ")";
        out += joined;
        t = last;
    }
    return out;
}
