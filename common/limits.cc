/* limits.cc - Bounded work per query: what a query may ask of the index
 * before it runs.  A short query must not tie up a server: 200 copies of
 * "s*" (599 bytes) expanded to 20,000 terms and took 13 s, a 10,000-word
 * query 9-14 s.  Past each limit the query still runs, cut down, and the
 * results' warning says what was left out; only a query that is still too
 * large after that (thousands of CJK n-grams) is refused.  The README's
 * "Limits" section lists these numbers. */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <strings.h>
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

/* Is TEXT[AT, AT+N) a time of day ("10:00", "9:00+02:00"), which after
 * a date: day is that day's time (README: date:2025-09-15 10:00)? */
static bool time_token(const std::string &text, size_t at, size_t n)
{
    size_t colon = text.find(':', at);
    return colon > at && colon < at + n && colon - at <= 2 &&
           isdigit((unsigned char)text[at]) && colon + 1 < at + n &&
           isdigit((unsigned char)text[colon + 1]);
}

/* The end of the filter whose first white-space separated token is
 * TEXT[AT, END): past a quoted value (section:"Middle East"), a value in
 * brackets (section:(crude ship)), a Lucene range (date:[2025-01 TO
 * 2025-03]), a range with spaces around its ".." (date:2025-06 .. 2025-09)
 * and a date's time of day, all of it one filter, none of it a word. */
/* Spaces inside one filter's value, at most: "Middle East", "2025-01 TO
 * 2025-03", "2025-06 .. 2025-09". */
static const int FILTER_MAX_GAPS = 4;

static size_t filter_end(const std::string &text, size_t at, size_t end)
{
    size_t i = text.find(':', at) + 1;
    bool quoted = false, range = text[i] == '[' || text[i] == '{';
    int depth = 0, gaps = 0;
    for (; i < text.size(); i++) {
        char c = text[i];
        if (isspace((unsigned char)c) && !quoted && depth <= 0 && !range)
            break;
        /* Not past a few words: an unclosed "date:[2025" or "section:("
         * before 10,000 words made them one filter, and no word. */
        if (isspace((unsigned char)c) && !isspace((unsigned char)text[i - 1]) &&
            ++gaps > FILTER_MAX_GAPS) {
            i = end;
            break;
        }
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '(')
            depth++;
        else if (!quoted && c == ')')
            depth--;
        else if (!quoted && (c == ']' || c == '}'))
            range = false;
    }
    end = i;
    size_t name = at;
    while (name < end && strchr("(+-", text[name]))
        name++;
    if (strncasecmp(text.c_str() + name, "date:", 5) != 0)
        return end;
    /* The next token: "..", "..2025-09", "2025-09" after "2025-06 ..", or
     * a time of day after a day. */
    for (int more = 0; more < 2; more++) {
        size_t next = end;
        while (next < text.size() && isspace((unsigned char)text[next]))
            next++;
        size_t stop = next;
        while (stop < text.size() && !isspace((unsigned char)text[stop]))
            stop++;
        if (next == stop)
            return end;
        bool open = end >= 2 && text.compare(end - 2, 2, "..") == 0;
        if (text.compare(next, 2, "..") == 0 ||
            (open && isdigit((unsigned char)text[next])) ||
            (!open && time_token(text, next, stop - next)))
            end = stop;
        else
            return end;
    }
    return end;
}

/* S with the brackets that do not pair up within it left out: "ghana)"
 * is "ghana".  Brackets inside quotes are text. */
static std::string paired(const std::string &s)
{
    std::vector<size_t> open; /* where each open bracket is in OUT */
    std::string out;
    bool quoted = false;
    for (char c : s) {
        if (c == '"')
            quoted = !quoted;
        if (!quoted && c == ')' && open.empty())
            continue;
        if (!quoted && c == '(')
            open.push_back(out.size());
        else if (!quoted && c == ')')
            open.pop_back();
        out += c;
    }
    for (size_t i = open.size(); i-- > 0;)
        out.erase(open[i], 1);
    return out;
}

namespace {
enum TokenKind { WORD, OPERATOR, FILTER };
struct Token {
    size_t at, end;
    TokenKind kind;
};
} // namespace

/* The text from token FROM to the token that closes a quote it opens
 * (-"west bank"); *LAST is that token. */
static std::string quote_span(const std::string &text,
                              const std::vector<Token> &tokens, size_t from,
                              size_t *last)
{
    size_t j = from;
    auto quotes = [&](size_t k) {
        return std::count(text.begin() + tokens[k].at,
                          text.begin() + tokens[k].end, '"');
    };
    if (quotes(j) % 2)
        while (j + 1 < tokens.size() && quotes(++j) % 2 == 0)
            ;
    *last = j;
    return text.substr(tokens[from].at, tokens[j].end - tokens[from].at);
}

/* Is TEXT[T] an exclusion of one word or phrase ("-ghana", "-\"west
 * bank\"", not "-(a b)"), or the word or phrase a NOT excludes (NOT_)? */
static bool excludes(const std::string &text, const Token &t, bool not_)
{
    size_t i = t.at;
    while (!not_ && i < t.end && text[i] == '(')
        i++;
    if (!not_ && (i == t.end || text[i++] != '-'))
        return false;
    return t.kind == FILTER ||
           (t.kind == WORD && i < t.end && text[i] != '(' && text[i] != '-');
}

/* The first MAX white-space separated words of TEXT, or TEXT itself;
 * *COUNT is how many words it had, *FILTERS how many filters (no words;
 * past QUERY_MAX_FILTERS of them the text is cut too), *LEFT the words
 * left out ("zzqx99 ... zzqx109").  Where OPERATORS are read (a query
 * with a lower-case letter: query_flags), an operator is not a word:
 * "w1 ... w98 oil NOT gas" counted 101 and the cut left "oil NOT", whose
 * NOT, last, was searched as the word "not", and 7,149 Reuters and BBC
 * stories came back for the 1,254 of "oil NOT gas".  Nor does the cut
 * leave an operator last, with nothing after it to join.
 *
 * The filters after the cut are kept, and so are the exclusions of one
 * word or phrase ("-ghana", "NOT ghana", up to MAX of them): neither
 * ranks anything, each narrows the matches by one term.  Cut with the
 * rest, "(cocoa OR w1 ... w110) section:cocoa" on Reuters found 128
 * stories of every section for the 67 of cocoa.  A bracket the cut
 * leaves open, or a quote, is closed before them. */
static std::string first_words(const std::string &text, size_t max,
                               bool operators, size_t *count, size_t *filters,
                               std::string *left)
{
    size_t n = 0, f = 0, cut = std::string::npos; /* the token cut at */
    std::vector<Token> tokens;
    for (size_t i = 0; i < text.size();) {
        if (isspace((unsigned char)text[i])) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < text.size() && !isspace((unsigned char)text[end]))
            end++;
        TokenKind kind = WORD;
        if (operators && operator_token(text, i, end - i)) {
            kind = OPERATOR;
        } else if (filter_at(text, i, end)) {
            kind = FILTER;
            end = filter_end(text, i, end);
            if (f++ == QUERY_MAX_FILTERS && cut == std::string::npos)
                cut = tokens.size();
        } else if (n++ == max && cut == std::string::npos) {
            cut = tokens.size();
        }
        tokens.push_back({i, end, kind});
        i = end;
    }
    *count = n;
    *filters = f;
    if (cut == std::string::npos)
        return text;
    while (cut > 0 && tokens[cut - 1].kind == OPERATOR)
        cut--;
    std::string out = text.substr(0, cut ? tokens[cut - 1].end : 0);
    /* The words of a phrase the cut went into are left out with it. */
    bool in_phrase = std::count(out.begin(), out.end(), '"') % 2;
    if (in_phrase)
        out += '"';
    size_t depth = 0; /* brackets the cut left open */
    bool quoted = false;
    for (char c : out) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '(')
            depth++;
        else if (!quoted && c == ')' && depth)
            depth--;
    }
    out += std::string(depth, ')');
    size_t kept_filters = 0, kept_excluded = 0, dropped = 0;
    std::string first_left, last_left;
    for (size_t j = 0; j < tokens.size(); j++)
        if (j < cut && tokens[j].kind == FILTER)
            kept_filters++;
    for (size_t j = cut; j < tokens.size(); j++) {
        const Token &t = tokens[j];
        size_t last = j;
        if (in_phrase) {
            in_phrase = std::count(text.begin() + t.at, text.begin() + t.end,
                                   '"') % 2 == 0;
        } else if (t.kind == FILTER && kept_filters < QUERY_MAX_FILTERS) {
            kept_filters++;
            out += " " + paired(text.substr(t.at, t.end - t.at));
            continue;
        } else if (t.kind == OPERATOR) {
            if (text.compare(t.at, t.end - t.at, "NOT") != 0 ||
                j + 1 == tokens.size() ||
                !excludes(text, tokens[j + 1], true) || kept_excluded >= max)
                continue;
            kept_excluded++;
            out += " NOT " + paired(quote_span(text, tokens, j + 1, &last));
            j = last;
            continue;
        } else if (excludes(text, t, false) && kept_excluded < max) {
            kept_excluded++;
            out += " " + paired(quote_span(text, tokens, j, &last));
            j = last;
            continue;
        }
        if (t.kind == OPERATOR)
            continue;
        std::string word = text.substr(t.at, t.end - t.at);
        word.erase(0, word.find_first_not_of("(-+"));
        word.erase(word.find_last_not_of(')') + 1);
        (dropped++ ? last_left : first_left) = word;
    }
    *left = first_left + (dropped > 2 ? " ... " : dropped > 1 ? " " : "") +
            last_left;
    return out;
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
    std::string left;
    b.text = first_words(text, QUERY_MAX_WORDS, operators, &words, &filters,
                         &left);
    if (words > QUERY_MAX_WORDS)
        b.warning += std::string(b.warning.empty() ? "" : "; ") +
                     "query has " + std::to_string(words) +
                     " words; only the first " +
                     std::to_string(QUERY_MAX_WORDS) + " were searched" +
                     (left.empty() ? "" : " (left out: " + left + ")");
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
