/* limits.cc - Bounded work per query: what a query may ask of the index
 * before it runs.  A short query must not tie up a server: 200 copies of
 * "s*" (599 bytes) expanded to 20,000 terms and took 13 s, a 10,000-word
 * query 9-14 s.  Past each limit the query still runs, cut down, and the
 * results' warning says what was left out; only a query that is still too
 * large after that (thousands of CJK n-grams) is refused.  The README's
 * "Limits" section lists these numbers. */
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Is C a byte a word can end with before a '*' (ASCII letter or digit, or
 * part of a UTF-8 sequence)? */
static bool word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Is the token T[AT, AT+N) one of the parser's operators (AND, OR, NOT,
 * XOR, NEAR, ADJ, NEAR/3, ADJ/2)? */
static bool operator_token(const std::string &t, size_t at, size_t n)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR",
                                      "ADJ"};
    for (const char *op : ops) {
        size_t len = strlen(op);
        if (n < len || t.compare(at, len, op) != 0)
            continue;
        if (n == len)
            return true;
        if (t[at + len] != '/' || n == len + 1)
            continue;
        size_t i = at + len + 1;
        while (i < at + n && isdigit((unsigned char)t[i]))
            i++;
        if (i == at + n)
            return true;
    }
    return false;
}

/* Filters in a query, at most: each is one term of the index to look
 * up, not a word to rank by, and a list of ids ("id:a OR id:b OR ...",
 * 201 of them) lost all but its first 100 to the word limit.  What the
 * parse makes of them still counts towards QUERY_MAX_TERMS. */
static const size_t QUERY_MAX_FILTERS = 500;

/* Is TEXT[AT, END) a filter (section:, tag:, lang:, id:, date:,
 * _exists_:), in brackets or not? */
static bool filter_at(const std::string &text, size_t at, size_t end)
{
    while (at < end && text[at] == '(')
        at++;
    while (end > at && text[end - 1] == ')')
        end--;
    return at < end && filter_token(text.substr(at, end - at));
}

/* The first MAX white-space separated words of TEXT, or TEXT itself;
 * *COUNT is how many words it had, *FILTERS how many filters (no words;
 * past QUERY_MAX_FILTERS of them the text is cut too).  Where OPERATORS
 * are read (a query with a lower-case letter: query_flags), an operator
 * is not a word:
 * "w1 ... w98 oil NOT gas" counted 101 and the cut left "oil NOT", whose
 * NOT, last, was searched as the word "not", and 7,149 Reuters and BBC
 * stories came back for the 1,254 of "oil NOT gas".  Nor does the cut
 * leave an operator last, with nothing after it to join. */
static std::string first_words(const std::string &text, size_t max,
                               bool operators, size_t *count, size_t *filters)
{
    size_t n = 0, f = 0, cut = std::string::npos;
    std::vector<std::pair<size_t, size_t>> ops; /* start, length */
    for (size_t i = 0; i < text.size();) {
        if (isspace((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < text.size() && !isspace((unsigned char)text[end]))
            end++;
        if (operators && operator_token(text, i, end - i)) {
            if (cut == std::string::npos)
                ops.emplace_back(i, end - i);
        } else if (filter_at(text, i, end)) {
            if (f++ == QUERY_MAX_FILTERS && cut == std::string::npos)
                cut = i;
        } else if (n++ == max && cut == std::string::npos) {
            cut = i;
        }
        i = end;
    }
    *count = n;
    *filters = f;
    if (cut == std::string::npos)
        return text;
    while (true) {
        while (cut > 0 && isspace((unsigned char)text[cut - 1]))
            cut--;
        if (ops.empty() || ops.back().first + ops.back().second != cut)
            break;
        cut = ops.back().first;
        ops.pop_back();
    }
    return text.substr(0, cut);
}

/* A '*' inside a word ("sur*ance", "chel*sea"): Xapian's parser searched
 * the tail alone, and "chel*sea" found exactly what "sea" does.  Each such
 * '*' ends its wildcard and the rest is a word of its own, with the same
 * field and sign ("title:chel*sea" as "title:chel* title:sea"), as the
 * warning says.  Inside quotes nothing is expanded (a phrase) and nothing
 * changes.  *FIRST is the first word so split, as typed, and *QUOTED the
 * first such word inside quotes. */
static std::string split_inside_wildcards(const std::string &t,
                                          std::string *first,
                                          std::string *quoted)
{
    std::string out;
    bool in_quotes = false;
    for (size_t i = 0; i < t.size(); i++) {
        out += t[i];
        if (t[i] == '"')
            in_quotes = !in_quotes;
        if (t[i] != '*' || i == 0 || i + 1 == t.size() ||
            !word_byte((unsigned char)t[i - 1]) ||
            !word_byte((unsigned char)t[i + 1]))
            continue;
        size_t start = out.size() - 1;
        while (start > 0 && (word_byte((unsigned char)out[start - 1]) ||
                             out[start - 1] == '*'))
            start--;
        size_t end = i + 1;
        while (end < t.size() &&
               (word_byte((unsigned char)t[end]) || t[end] == '*'))
            end++;
        const std::string word =
            out.substr(start) + t.substr(i + 1, end - i - 1);
        if (in_quotes) {
            if (quoted->empty())
                *quoted = word;
            continue;
        }
        size_t from = start;
        if (from > 1 && out[from - 1] == ':' &&
            isalpha((unsigned char)out[from - 2]))
            for (from--; from > 0 && isalpha((unsigned char)out[from - 1]);)
                from--;
        if (from > 0 && (out[from - 1] == '-' || out[from - 1] == '+'))
            from--;
        if (first->empty())
            *first = word;
        out += " " + out.substr(from, start - from);
    }
    return out;
}

/* TEXT with the brackets nested deeper than MAX left out (a pair at a
 * time: the ')' that closes a bracket left out goes too); *DEEPEST is the
 * deepest nesting typed.  Brackets inside quotes are text. */
static std::string flatten_deep_brackets(const std::string &text, size_t max,
                                         size_t *deepest)
{
    std::string out;
    std::vector<bool> kept; /* one for each bracket open */
    size_t depth = 0;       /* brackets kept and open */
    bool quoted = false;
    *deepest = 0;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (!quoted && c == '(') {
            kept.push_back(depth < max);
            depth += kept.back();
            if (kept.size() > *deepest)
                *deepest = kept.size();
            if (!kept.back())
                continue;
        } else if (!quoted && c == ')' && !kept.empty()) {
            bool k = kept.back();
            kept.pop_back();
            depth -= k;
            if (!k)
                continue;
        }
        out += c;
    }
    return out;
}

/* "((((oil))))" 8,000 deep took 12 s to read, and 2,000 deep (what
 * nsearchd's 4 KiB query holds) 0.5 s, where a query takes 1 ms: each
 * level of the bracket reading (query-fields.cc) walks the levels under
 * it.  No one nests brackets 20 deep on purpose; what is deeper is read
 * as if those brackets were not typed.  Before any other reading of the
 * text. */
std::string libns::bound_depth(const std::string &text, std::string *warning)
{
    size_t deepest;
    std::string out = flatten_deep_brackets(text, QUERY_MAX_DEPTH, &deepest);
    if (deepest > QUERY_MAX_DEPTH)
        *warning = "query nests brackets " + std::to_string(deepest) +
                   " deep; those deeper than " +
                   std::to_string(QUERY_MAX_DEPTH) + " were left out";
    return out;
}

QueryBounds libns::bound_query(const std::string &text)
{
    QueryBounds b;
    size_t words;
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    size_t filters;
    b.text = first_words(text, QUERY_MAX_WORDS, operators, &words, &filters);
    if (words > QUERY_MAX_WORDS)
        b.warning += std::string(b.warning.empty() ? "" : "; ") +
                     "query has " + std::to_string(words) +
                     " words; only the first " +
                     std::to_string(QUERY_MAX_WORDS) + " were searched";
    if (filters > QUERY_MAX_FILTERS)
        b.warning += std::string(b.warning.empty() ? "" : "; ") +
                     "query has " + std::to_string(filters) +
                     " filters; only the first " +
                     std::to_string(QUERY_MAX_FILTERS) + " were read";
    /* Every '*' after a word is a wildcard (an upper bound: inside quotes
     * Xapian may not expand it).  One before a word ("*veil", words
     * ending in "veil") is not: Xapian has no index of word endings and
     * drops the '*', so the word is searched as it stands, and the
     * warning says so rather than a silent "No matches". */
    size_t wild = 0;
    std::string leading, inside;
    for (size_t i = 0; i < b.text.size(); i++) {
        if (b.text[i] != '*')
            continue;
        if (i > 0 && word_byte((unsigned char)b.text[i - 1])) {
            wild++;
        } else if (leading.empty() && i + 1 < b.text.size() &&
                   word_byte((unsigned char)b.text[i + 1])) {
            size_t end = i + 1;
            while (end < b.text.size() && word_byte((unsigned char)b.text[end]))
                end++;
            leading = b.text.substr(i + 1, end - i - 1);
        }
    }
    if (!leading.empty())
        b.warning += std::string(b.warning.empty() ? "" : "; ") + "*" +
                     leading + " was searched as " + leading +
                     ": a '*' works only at the end of a word (" + leading +
                     "*)";
    /* Inside a word ("sur*ance"): "sur*" is expanded and "ance" searched
     * beside it, not words like "surveillance". */
    std::string quoted;
    b.text = split_inside_wildcards(b.text, &inside, &quoted);
    if (!inside.empty()) {
        size_t star = inside.find('*');
        b.warning += std::string(b.warning.empty() ? "" : "; ") + inside +
                     " was searched as " + inside.substr(0, star + 1) + " " +
                     inside.substr(star + 1) +
                     ": a '*' works only at the end of a word";
    }
    if (!quoted.empty())
        b.warning += std::string(b.warning.empty() ? "" : "; ") + quoted +
                     ": a '*' works only at the end of a word, and not "
                     "inside quotes";
    if (wild > QUERY_MAX_WILDCARDS) {
        b.flags_off = Xapian::QueryParser::FLAG_WILDCARD;
        if (!b.warning.empty())
            b.warning += "; ";
        b.warning += "query has " + std::to_string(wild) +
                     " wildcards (limit " +
                     std::to_string(QUERY_MAX_WILDCARDS) +
                     "); they were searched as plain words";
    } else if (wild) {
        /* The whole query's expansion stays within QUERY_MAX_EXPANSION:
         * each wildcard gets its share, its most frequent terms. */
        b.max_expansion = QUERY_MAX_EXPANSION / (unsigned)wild;
        if (b.max_expansion > WILDCARD_MAX_EXPANSION)
            b.max_expansion = WILDCARD_MAX_EXPANSION;
    }
    return b;
}

/* The query's size once parsed: its terms (with repeats, as Xapian counts
 * them; a wildcard counts one before it is expanded). */
bool libns::query_too_large(const Xapian::Query &q, std::string &why)
{
    Xapian::termcount n = q.get_length();
    if (n <= QUERY_MAX_TERMS)
        return false;
    why = "query too large: " + std::to_string(n) + " terms (limit " +
          std::to_string(QUERY_MAX_TERMS) + ")";
    return true;
}
