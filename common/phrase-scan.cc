/* phrase-scan.cc - The quick phrase tests: whether a phrase's words occur
 * in a text as Xapian's TermGenerator would split it, without running the
 * TermGenerator.  "yes" and "no" are Xapian's answers; where the scan
 * cannot follow Xapian exactly it says "maybe" and phrase.cc re-tokenises
 * the article with Xapian itself. */
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Xapian's TermGenerator joins two runs of word characters into one term
 * across one of these (termgenerator_internal.cc, check_infix and
 * check_infix_digit): an apostrophe or '&' ("world's", "AT&T"), and
 * between two digits '.', ',' or ';' ("3.14", "1,000").  Zero-width
 * characters join without leaving a trace. */
enum infix { INFIX_NONE, INFIX_JOIN, INFIX_INVISIBLE };

static infix infix_kind(unsigned prev, unsigned ch, unsigned next)
{
    if (ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff))
        return INFIX_INVISIBLE;
    auto digit = [](unsigned c) {
        return c < 0x80 ? (c >= '0' && c <= '9')
                        : Xapian::Unicode::get_category(c) ==
                              Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
    };
    if (digit(prev) && digit(next)) {
        switch (ch) {
        case ',':
        case '.':
        case ';':
        case 0x037e:
        case 0x0589:
        case 0x060d:
        case 0x07f8:
        case 0x2044:
        case 0xfe10:
        case 0xfe13:
        case 0xfe14:
            return INFIX_JOIN;
        }
        return INFIX_NONE;
    }
    if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027 ||
        ch == 0x2019 || ch == 0x201b)
        return INFIX_JOIN;
    return INFIX_NONE;
}

/* Xapian drops words longer than this (TermGenerator's default
 * max_word_length) without giving them a position. */
static const size_t MAX_WORD_BYTES = 64;

/* Whether Xapian may drop a word of LEN bytes: it measures the word
 * lower-cased, and lower-casing can make a non-ASCII word up to half as
 * long again (2-byte letters with 3-byte lower cases). */
bool libns::may_be_dropped(size_t len, bool ascii)
{
    return len > (ascii ? MAX_WORD_BYTES : MAX_WORD_BYTES * 2 / 3);
}

/* ------------------------------------------------------------------------ */
/* Splitting a text into words as TermGenerator does                        */
/* ------------------------------------------------------------------------ */

/* Xapian's word characters below 0x80 are letters, digits and '_'. */
static const struct AsciiWord {
    bool is[256];
    AsciiWord() : is()
    {
        for (int c = 0; c < 128; c++)
            is[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '_';
    }
    bool operator[](unsigned char c) const { return is[c]; }
} ascii_word;

/* ASCII that ends a word and nothing more: not a word character, an infix
 * ("world's", "AT&T"; '.', ',' and ';' between digits) or a suffix
 * ("C++"). */
static const struct PlainEnd {
    bool is[256];
    PlainEnd() : is()
    {
        for (int c = 0; c < 128; c++)
            is[c] = !ascii_word[(unsigned char)c] && !strchr("'&.,;+#", c);
    }
    bool operator[](unsigned char c) const { return is[c]; }
} plain_end;

static bool is_word(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9') || cp == '_';
    return Xapian::Unicode::is_wordchar(cp);
}

static bool upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* The text being split: bytes, and the tokens found so far.  Tokens are
 * spans of the text, kept between calls so that the vector keeps its
 * memory: the test runs for hundreds of candidates a query. */
namespace
{
class Tokenizer
{
  public:
    struct Tok {
        size_t start, len;
        bool odd_before; /* an uncertain separator precedes it */
        bool ascii;      /* only ASCII letters and digits: it can equal a
                            phrase word */
    };

    Tokenizer(const std::vector<std::string> &words, const char *text,
              size_t size, std::vector<Tok> &toks)
        : words(words), t((const unsigned char *)text), size(size), toks(toks)
    {
        toks.clear();
    }

    /* Split the whole text into toks.  False ("maybe") where the split
     * cannot follow Xapian: a phrase word spelt as an acronym, zero-width
     * joins, letters that lower-case into ASCII, CJK. */
    bool run();

    bool dropped = false; /* a word Xapian may skip: positions move */
    /* An uncertain separator after the last token. */
    bool odd_after_last() const { return in_word ? false : odd; }

    /* Does token K equal phrase word W (Xapian's lower-cased term)? */
    bool same(const Tok &k, const std::string &w) const
    {
        if (!k.ascii || k.len != w.size())
            return false;
        for (size_t j = 0; j < k.len; j++) {
            unsigned char c = t[k.start + j];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[j])
                return false;
        }
        return true;
    }

  private:
    const std::vector<std::string> &words;
    const unsigned char *t;
    size_t size;
    std::vector<Tok> &toks;
    std::string letters;
    bool odd = false, in_word = false, prev_word = false;
    Tok cur{0, 0, false, true};
    unsigned prev = 0;
    size_t i = 0;

    size_t char_at(size_t at, unsigned *cp) const;
    size_t acronym_at(size_t at);
    int acronym();
    bool ascii_step();
    bool char_step();
    void start_word();
    void end_word();
};

} // namespace

/* The code point at AT into *CP; returns its length in bytes. */
size_t Tokenizer::char_at(size_t at, unsigned *cp) const
{
    if (t[at] < 0x80) {
        *cp = t[at];
        return 1;
    }
    Xapian::Utf8Iterator it((const char *)t + at, size - at);
    *cp = *it;
    size_t len = 1;
    while (at + len < size && (t[at + len] & 0xc0) == 0x80)
        len++;
    return len;
}

/* Xapian reads capitals joined by dots as one word ("U.S.A." and "U.S"
 * are "usa" and "us"; TermGenerator's own rule, copied: at the start of a
 * word, single ASCII capitals each followed by '.', up to a character
 * that is not a word character).  The length of such a word at AT, its
 * letters lower-cased into LETTERS, or 0. */
size_t Tokenizer::acronym_at(size_t at)
{
    size_t p = at;
    letters.clear();
    for (;;) {
        letters += (char)(t[p++] + 32);
        if (p >= size || t[p] != '.')
            break;
        if (++p >= size || !upper(t[p]))
            break;
    }
    if (letters.size() < 2)
        return 0;
    if (p < size) {
        unsigned ch;
        char_at(p, &ch);
        if (is_word(ch))
            return 0;
    }
    return p - at;
}

/* An acronym is one token here too, never equal to a phrase word.
 * 1: one was taken; 0: none here; -1: its letters are a phrase word
 * ("maybe"). */
int Tokenizer::acronym()
{
    if (in_word || !upper(t[i]) || i + 1 >= size || t[i + 1] != '.')
        return 0;
    size_t len = acronym_at(i);
    if (!len)
        return 0;
    for (const auto &w : words)
        if (letters == w)
            return -1;
    toks.push_back(Tok{i, len, odd, false});
    odd = false;
    prev = t[i + len - 1];
    prev_word = false; /* no suffix or infix after it */
    i += len;
    return 1;
}

void Tokenizer::start_word()
{
    if (!in_word) {
        cur = Tok{i, 0, odd, true};
        in_word = true;
        odd = false;
    }
}

/* The word in progress ends. */
void Tokenizer::end_word()
{
    if (may_be_dropped(cur.len, cur.ascii)) {
        /* Xapian skips it: its neighbours are adjacent. */
        cur.ascii = false;
        cur.odd_before = true;
        odd = true;
        dropped = true;
    }
    toks.push_back(cur);
    in_word = false;
}

/* The fast paths for ASCII: a run of word characters, a separator between
 * words (it only sets prev), the usual end of a word.  False when the
 * byte needs the general step. */
bool Tokenizer::ascii_step()
{
    if (t[i] >= 0x80)
        return false;
    if (ascii_word[t[i]]) {
        start_word();
        size_t j = i + 1;
        while (j < size && ascii_word[t[j]])
            j++;
        cur.len += j - i;
        prev = t[j - 1];
        prev_word = true;
        i = j;
        return true;
    }
    if (!in_word) {
        prev = t[i++];
        prev_word = false;
        return true;
    }
    /* A byte that cannot join or suffix the word ends it. */
    if (plain_end[t[i]] && !may_be_dropped(cur.len, cur.ascii)) {
        toks.push_back(cur);
        in_word = false;
        prev = t[i++];
        prev_word = false;
        return true;
    }
    return false;
}

/* One character, decoded: a word character, an infix, or a separator.
 * False for "maybe". */
bool Tokenizer::char_step()
{
    unsigned ch;
    size_t len = char_at(i, &ch);
    if (ch >= 0x2e80)
        return false; /* CJK and beyond: n-grams, not words */
    if (is_word(ch)) {
        start_word();
        if (ch >= 0x80) {
            /* A few letters lower-case into ASCII (the Kelvin sign): do
             * not guess. */
            if (Xapian::Unicode::tolower(ch) < 0x80)
                return false;
            cur.ascii = false;
        }
        cur.len += len;
        prev = ch;
        prev_word = true;
        i += len;
        return true;
    }
    unsigned next = 0;
    if (i + len < size)
        char_at(i + len, &next);
    bool nw = i + len < size && is_word(next);
    infix kind = in_word && nw ? infix_kind(prev, ch, next) : INFIX_NONE;
    if (kind == INFIX_INVISIBLE)
        return false; /* "x\u200bworld" is the word "xworld" */
    if (kind == INFIX_JOIN) {
        /* One term with the infix in it: it cannot be a phrase word. */
        cur.len += len;
        cur.ascii = false;
        prev = ch;
        i += len;
        return true;
    }
    if (in_word)
        end_word();
    /* C++, C#: Xapian may keep these suffixes on the word before. */
    if ((ch == '+' || ch == '#') && prev_word)
        odd = true;
    prev = ch;
    prev_word = false;
    i += len;
    return true;
}

bool Tokenizer::run()
{
    while (i < size) {
        int a = acronym();
        if (a < 0)
            return false;
        if (a > 0 || ascii_step())
            continue;
        if (!char_step())
            return false;
    }
    if (in_word) {
        if (may_be_dropped(cur.len, cur.ascii))
            cur.ascii = false, cur.odd_before = true, dropped = true;
        toks.push_back(cur);
    }
    return true;
}

/* ------------------------------------------------------------------------ */
/* Matching the phrase on the tokens                                        */
/* ------------------------------------------------------------------------ */

using Tok = Tokenizer::Tok;

/* An uncertain separator after token I. */
static bool odd_next(const std::vector<Tok> &toks, size_t i, bool after_last)
{
    return i + 1 < toks.size() ? toks[i + 1].odd_before : after_last;
}

/* NEAR: every word within a window of NEAR tokens of a place of the first,
 * as positional_match counts it (positions are token numbers, as Xapian's
 * within one field). */
static scan match_near(const Tokenizer &tz, const std::vector<Tok> &toks,
                       const std::vector<std::string> &words, size_t near,
                       bool sure)
{
    if (tz.dropped)
        return SCAN_MAYBE;
    const size_t n = words.size();
    thread_local std::vector<std::vector<size_t>> pos;
    pos.assign(n, {});
    for (size_t i = 0; i < toks.size(); i++)
        for (size_t k = 0; k < n; k++)
            if (tz.same(toks[i], words[k])) {
                if (toks[i].odd_before ||
                    odd_next(toks, i, tz.odd_after_last()))
                    return SCAN_MAYBE;
                pos[k].push_back(i);
            }
    for (size_t k = 0; k < n; k++)
        if (pos[k].empty())
            return SCAN_NO;
    if (near_positions(pos, near))
        return sure ? SCAN_YES : SCAN_MAYBE;
    return SCAN_NO;
}

/* A phrase: the words on consecutive tokens. */
static scan match_phrase(const Tokenizer &tz, const std::vector<Tok> &toks,
                         const std::vector<std::string> &words, bool sure)
{
    const size_t n = words.size();
    const bool after = tz.odd_after_last();
    for (size_t i = 0; i < toks.size(); i++) {
        bool any = false;
        for (const auto &w : words)
            any |= tz.same(toks[i], w);
        if (!any)
            continue;
        if (toks[i].odd_before || odd_next(toks, i, after))
            return SCAN_MAYBE; /* Xapian may see this word differently */
        if (!tz.same(toks[i], words[0]) || i + n > toks.size())
            continue;
        bool match = true;
        for (size_t k = 1; k < n && match; k++)
            match = tz.same(toks[i + k], words[k]);
        if (!match)
            continue;
        for (size_t k = 1; k < n; k++)
            sure &= !toks[i + k].odd_before;
        sure &= !odd_next(toks, i + n - 1, after);
        return sure ? SCAN_YES : SCAN_MAYBE;
    }
    return SCAN_NO;
}

/* A quick test of whether the WORDS of a phrase (plain lower-case ASCII
 * words, Xapian's terms for them) occur one after the other in TEXT, one
 * field's text; or, if NEAR is not 0, all within a window of NEAR words,
 * as positional_match counts it.  Words are split as Xapian's
 * TermGenerator splits them (Tokenizer): runs of its word characters,
 * lower-cased, joined across the infixes above (a joined term has a
 * character no phrase word has, so it only separates), capitals joined by
 * dots read as one word.  Where the test does not follow Xapian exactly
 * (C++-style suffixes, zero-width joins, over-long words, a phrase word
 * spelt as an acronym, CJK text) it says "maybe" for any occurrence next
 * to such a place, and the caller re-tokenises with Xapian itself.
 * Otherwise its "yes" and "no" are Xapian's.  Possessives are common in
 * news ("the world's average"): giving up at every apostrophe sent most
 * candidates of a phrase query to the slow check. */
scan libns::phrase_scan(const std::vector<std::string> &words, const char *text,
                        size_t size, size_t near)
{
    if (!text || !size)
        return SCAN_NO;
    thread_local std::vector<Tok> toks;
    Tokenizer tz(words, text, size, toks);
    if (!tz.run())
        return SCAN_MAYBE;
    /* One-letter words are left to Xapian's own reading: rare in phrases,
     * and where acronyms and suffixes ("C++", "C#") meet. */
    bool sure = true;
    for (const auto &w : words)
        sure &= w.size() >= 2;
    return near ? match_near(tz, toks, words, near, sure)
                : match_phrase(tz, toks, words, sure);
}

/* Lower-cased ASCII word characters and letters, as the prefilter sees
 * them. */
static bool low_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static bool low_letter(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

/* Whether the N bytes at L hold a character Xapian reads as (part of) a
 * word without its letters being there: zero-width joiners U+200B-D,
 * U+2060, U+FEFF; the Kelvin sign U+212A; capital dotted I U+0130. */
static bool unreadable_letters(const char *L, size_t n)
{
    auto seq = [&](unsigned char lead, auto test) {
        for (const char *p = L;
             (p = (const char *)memchr(p, lead, (size_t)(L + n - p))); p++)
            if (L + n - p >= 3 && test((const unsigned char *)p))
                return true;
        return false;
    };
    return seq(0xe2,
               [](const unsigned char *p) {
                   return (p[1] == 0x80 && p[2] >= 0x8b && p[2] <= 0x8d) ||
                          (p[1] == 0x81 && p[2] == 0xa0) ||
                          (p[1] == 0x84 && p[2] == 0xaa);
               }) ||
           seq(0xef,
               [](const unsigned char *p) {
                   return p[1] == 0xbb && p[2] == 0xbf;
               }) ||
           seq(0xc4, [](const unsigned char *p) { return p[1] == 0xb0; });
}

/* Does the JSON's text at L (N bytes) break a word at a line's end with a
 * hyphen ("interna-\\ntional")?  The index reads it whole (line-breaks.cc),
 * which the words here, as written, are not. */
static bool broken_line(const char *L, size_t n)
{
    for (const char *p = L; (p = (const char *)memmem(p, (size_t)(L + n - p),
                                                      "\\n", 2));
         p += 2) {
        const char *e = p;
        while (e > L && (e[-1] == ' ' || e[-1] == '\t' ||
                         (e - L >= 2 && e[-2] == '\\' &&
                          (e[-1] == 'r' || e[-1] == 't')))) {
            e -= e[-1] == ' ' || e[-1] == '\t' ? 1 : 2;
        }
        if ((e - L >= 1 && e[-1] == '-') ||
            (e - L >= 2 && !memcmp(e - 2, "\xc2\xac", 2)) ||
            (e - L >= 3 && !memcmp(e - 3, "\xe2\x80\x90", 3)))
            return true;
    }
    return false;
}

/* Runs of single letters joined by dots, as Xapian's acronyms: does one
 * in the N lower-cased bytes at L hold a phrase word? */
static bool acronym_holds_word(const std::vector<std::string> &words,
                               const char *L, size_t n)
{
    for (const char *d = L;
         (d = (const char *)memchr(d, '.', (size_t)(L + n - d))); d++) {
        size_t i = (size_t)(d - L);
        if (i == 0 || !low_letter((unsigned char)L[i - 1]) ||
            (i >= 2 && low_alnum((unsigned char)L[i - 2])) || i + 1 >= n ||
            !low_letter((unsigned char)L[i + 1]))
            continue;
        std::string run(1, L[i - 1]);
        size_t j = i + 1;
        for (;;) {
            run += L[j];
            if (j + 2 < n && L[j + 1] == '.' &&
                low_letter((unsigned char)L[j + 2]))
                j += 2;
            else
                break;
        }
        for (const auto &w : words)
            if (w.size() >= 2 && run.find(w) != std::string::npos)
                return true;
        d = L + j;
    }
    return false;
}

/* Whether, somewhere in the N lower-cased bytes of JSON at L, the words
 * follow one another with only separators between them (or a word too
 * long to index, which Xapian skips). */
/* The end of phrase word W at Q of the N bytes at L, or 0 when W does not
 * start there.  A possessive ("year's", phrase-fold.cc) is its word and
 * "s" after an apostrophe as Xapian joins one: "'", "’" or "‛", or a
 * mark the indexer reads as one ("Trier´s", "Kyivʼs", "Kyiv‘s", "Kyiv`s":
 * apostrophes.cc), as UTF-8 or as a JSON escape. */
static size_t word_end(const char *L, size_t n, size_t q, const std::string &w)
{
    const bool poss = w.size() > 2 && !w.compare(w.size() - 2, 2, "'s");
    const size_t b = poss ? w.size() - 2 : w.size();
    if (n - q < b || memcmp(L + q, w.data(), b) != 0)
        return 0;
    q += b;
    if (!poss)
        return q;
    static const char *const apostrophes[] = {
        "'",       "\xe2\x80\x99", "\xe2\x80\x9b", "\xc2\xb4",
        "\xca\xbc",  "\xe2\x80\x98", "`",            "\\u2019",
        "\\u201b",   "\\u00b4",      "\\u02bc",      "\\u2018"};
    for (const char *a : apostrophes) {
        size_t k = strlen(a);
        if (n - q > k && memcmp(L + q, a, k) == 0 && L[q + k] == 's')
            return q + k + 1;
    }
    return 0;
}

/* Where the word after an elided article at Q ("l'", "dell\u2019") of the
 * N bytes at L starts, or 0.  Any language's articles (elision.cc): the
 * JSON is not read for its language, and a "maybe" more is no harm. */
static size_t past_elision(const char *L, size_t n, size_t q)
{
    size_t k = 0;
    while (q + k < n && k < 7 && L[q + k] >= 'a' && L[q + k] <= 'z')
        k++;
    if (!k || k > 6)
        return 0;
    static const char *const apostrophes[] = {"'", "\xe2\x80\x99", "\\u2019"};
    for (const char *a : apostrophes) {
        size_t m = strlen(a);
        if (n - (q + k) > m && memcmp(L + q + k, a, m) == 0)
            return q + k + m;
    }
    return 0;
}

static bool words_follow(const std::vector<std::string> &words, const char *L,
                         size_t n)
{
    const std::string &w0 = words[0];
    /* A possessive is found by its word (word_end reads the rest). */
    const size_t lead = w0.size() > 2 && !w0.compare(w0.size() - 2, 2, "'s")
                            ? w0.size() - 2
                            : w0.size();
    for (const char *p = L;
         (p = (const char *)memmem(p, (size_t)(L + n - p), w0.data(), lead));
         p++) {
        size_t q = word_end(L, n, (size_t)(p - L), w0);
        if (!q)
            continue;
        bool all = true;
        for (size_t k = 1; k < words.size() && all; k++) {
            /* Past what separates words. */
            while (q < n) {
                unsigned char c = (unsigned char)L[q];
                if (c == '\\')
                    q += q + 1 < n && L[q + 1] == 'u' ? 6 : 2;
                else if (c == '"' || low_alnum(c))
                    break;
                else
                    q++;
            }
            if (q >= n || L[q] == '"') {
                all = false;
                break;
            }
            if (size_t e = word_end(L, n, q, words[k])) {
                q = e;
                continue;
            }
            /* An elided article the index blanked in a French, Italian
             * or Catalan article ("de l'autre" is "de autre"). */
            if (size_t e = past_elision(L, n, q))
                if ((e = word_end(L, n, e, words[k]))) {
                    q = e;
                    continue;
                }
            /* Not the word: but Xapian skips a word longer than it keeps. */
            size_t e = q;
            while (e < n &&
                   (low_alnum((unsigned char)L[e]) ||
                    (unsigned char)L[e] >= 0x80 || strchr("'&.,;", L[e])))
                e++;
            if (may_be_dropped(e - q, false))
                return true;
            all = false;
        }
        if (all)
            return true;
    }
    return false;
}

/* The first, cheapest test, on a candidate's stored JSON as it is: false
 * only if the phrase certainly is not in any of its fields.  No words are
 * split: each place where the first word occurs (in any case) is followed
 * past what cannot be a word (spaces, punctuation, any non-ASCII, JSON
 * escapes) and the next word must start there, and so on.  A string's
 * closing quote ends the run: fields are never adjacent.  What Xapian
 * reads as a word without its letters being in the text sends the
 * candidate on ("maybe"): acronyms ("U.S." is "us"), zero-width joiners,
 * letters that lower-case into ASCII (the Kelvin sign, dotted I), and a
 * word too long to index between two phrase words.  Lower-casing and
 * memmem() go at memory speed; splitting every word of every candidate
 * was most of the time of a phrase of two common words. */
bool libns::phrase_prefilter(const std::vector<std::string> &words,
                             const std::string &json, std::string *lowered)
{
    /* LOWERED, when given, keeps the lower-cased JSON for the candidate's
     * next phrase (the other spellings of one). */
    thread_local std::string scratch;
    std::string &low = lowered ? *lowered : scratch;
    if (!lowered || low.empty()) {
        /* Full-width letters as the index reads them (write.cc
         * plain_width): "ＩＭＦ report" is "imf report". */
        if (!plain_width(json.data(), json.size(), low, true))
            low = json;
        for (char &ch : low) {
            unsigned char c = (unsigned char)ch;
            ch = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    const size_t n = low.size();
    const char *L = low.data();
    if (unreadable_letters(L, n) || broken_line(L, n))
        return true;
    return acronym_holds_word(words, L, n) || words_follow(words, L, n);
}
