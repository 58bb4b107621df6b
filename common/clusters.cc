/* clusters.cc - Where a text may be cut without parting what a reader
 * sees as one character: a letter and its combining marks ("e" and
 * U+0301), an emoji and its skin tone or variation selector, the emoji a
 * zero-width joiner joins into a family, the two regional indicators of
 * a flag.  The few rules of UAX #29 a cut of a snippet needs; Hangul
 * jamo and prepended marks are not looked at (a cut there shows a
 * syllable's part, never breaks a byte sequence). */
#include "index-private.h"
#include "snippet-cut.h"

using namespace libns;

/* UTF-8 decoded by hand: Xapian's Utf8Iterator, made for one code point,
 * has fields GCC takes for unset. */
unsigned libns::utf8_at(const std::string &s, size_t at, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s.data() + at;
    const size_t left = s.size() - at;
    const unsigned c = p[0];
    *len = 1;
    const size_t n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (n == 1 || n > left)
        return c;
    unsigned v = c & (0x7f >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return c;
        v = v << 6 | (p[i] & 0x3f);
    }
    *len = n;
    return v;
}

/* The start of the code point before byte AT of S (AT > 0). */
static size_t back_one(const std::string &s, size_t at)
{
    do
        at--;
    while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80);
    return at;
}

static bool regional(unsigned c)
{
    return c >= 0x1f1e6 && c <= 0x1f1ff;
}

/* Does C belong to the character before it: a combining mark, a joiner,
 * a variation selector, a skin tone, a tag (a subdivision's flag)? */
static bool extends(unsigned c)
{
    using namespace Xapian::Unicode;
    const category k = get_category(c);
    return k == NON_SPACING_MARK || k == ENCLOSING_MARK ||
           k == COMBINING_SPACING_MARK || c == 0x200d ||
           (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef) ||
           (c >= 0x1f3fb && c <= 0x1f3ff) || (c >= 0xe0020 && c <= 0xe007f);
}

/* May S be cut at byte AT, the start of a code point? */
static bool boundary(const std::string &s, size_t at)
{
    if (at == 0 || at >= s.size())
        return true;
    size_t n;
    const unsigned next = utf8_at(s, at, &n);
    const size_t p = back_one(s, at);
    const unsigned prev = utf8_at(s, p, &n);
    if (prev == '\r' && next == '\n')
        return false;
    if (extends(next) || prev == 0x200d)
        return false;
    if (regional(prev) && regional(next)) {
        /* Flags pair from the run's start: odd count before AT, a pair. */
        size_t count = 0;
        for (size_t q = at; q > 0;) {
            q = back_one(s, q);
            if (!regional(utf8_at(s, q, &n)))
                break;
            count++;
        }
        return count % 2 == 0;
    }
    return true;
}

size_t libns::cluster_start(const std::string &s, size_t at)
{
    if (at >= s.size())
        return s.size();
    while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
        at--;
    while (!boundary(s, at))
        at = back_one(s, at);
    return at;
}

size_t libns::cluster_end(const std::string &s, size_t at, size_t limit)
{
    const size_t stop = at + limit;
    while (at < s.size() && ((unsigned char)s[at] & 0xc0) == 0x80)
        at++;
    while (at < s.size() && at < stop && !boundary(s, at)) {
        size_t n;
        utf8_at(s, at, &n);
        at += n;
    }
    return at;
}
