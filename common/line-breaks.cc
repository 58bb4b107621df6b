/* line-breaks.cc - Words hyphenated across a line break ("interna-\ntional"),
 * as printed pages, their OCR and hard-wrapped wire copy have them, read
 * whole. */
#include <cctype>
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

/* The bytes of the hyphen mark ending at E (exclusive) in T: '-', U+2010
 * hyphen, or U+00AC, the sign OCR gives a line-end hyphen; 0 if none. */
static size_t hyphen_before(const char *t, size_t e)
{
    if (e >= 1 && t[e - 1] == '-')
        return 1;
    if (e >= 2 && !memcmp(t + e - 2, "\xc2\xac", 2))
        return 2;
    if (e >= 3 && !memcmp(t + e - 3, "\xe2\x80\x90", 3))
        return 3;
    return 0;
}

/* The code point whose UTF-8 ends at E (exclusive) in T, and its start. */
static unsigned char_before(const char *t, size_t e, size_t *start)
{
    size_t s = e - 1;
    while (s > 0 && e - s < 4 && ((unsigned char)t[s] & 0xc0) == 0x80)
        s--;
    *start = s;
    Xapian::Utf8Iterator it(t + s, e - s);
    return *it;
}

static bool is_letter(unsigned ch)
{
    using namespace Xapian::Unicode;
    category c = get_category(ch);
    return c == LOWERCASE_LETTER || c == UPPERCASE_LETTER ||
           c == TITLECASE_LETTER || c == MODIFIER_LETTER || c == OTHER_LETTER;
}

/* Does a word start at T[I] (of N bytes) with a lower-case letter?  An
 * upper-case one after a line-end hyphen is a name ("Anglo-\nSaxon")
 * or a new sentence, not the rest of a word. */
static bool lower_at(const char *t, size_t n, size_t i)
{
    if (i >= n)
        return false;
    Xapian::Utf8Iterator it(t + i, n - i);
    return Xapian::Unicode::get_category(*it) ==
           Xapian::Unicode::LOWERCASE_LETTER;
}

/* The word around T[I] bytes: back from I while FORWARD is false, on from
 * I while true, to the first ASCII byte that is no letter or digit. */
static size_t word_edge(const char *t, size_t n, size_t i, bool forward)
{
    auto inword = [](unsigned char c) { return c >= 0x80 || isalnum(c); };
    if (forward) {
        while (i < n && inword((unsigned char)t[i]))
            i++;
    } else {
        while (i > 0 && inword((unsigned char)t[i - 1]))
            i--;
    }
    return i;
}

/* A letter, a hyphen mark, a line break (spaces around it, and "\r\n",
 * allowed) and a lower-case letter: the hyphen and the break left out, so
 * that "interna-\ntional" is "international", in the index and in the
 * text phrases are checked against and snippets cut from, as the reader
 * of the page reads it.  A hyphen that ended a line only because the
 * compound broke there ("well-\nknown") is lost: neither print nor OCR
 * tells it from a syllable break, and syllable breaks are by far the more
 * common.  Its halves are put in HALVES, when given ("well known"), for
 * the index to keep them as it keeps the parts of a hyphenated word.  One
 * line break only: a blank line ends a paragraph, not a word.  False, OUT
 * untouched, when the N bytes at T have none. */
bool libns::unbroken_words(const char *t, size_t n, std::string &out,
                           std::string *halves)
{
    const char *nl = (const char *)memchr(t, '\n', n);
    if (!nl)
        return false;
    std::string joined;
    size_t copied = 0; /* T's bytes before this are in JOINED */
    for (; nl; nl = (const char *)memchr(nl + 1, '\n', (size_t)(t + n - nl - 1))) {
        size_t at = (size_t)(nl - t), e = at, next = at + 1;
        while (e > copied && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
                              t[e - 1] == '\r'))
            e--;
        size_t mark = hyphen_before(t, e);
        if (!mark || e - mark <= copied)
            continue;
        size_t start;
        if (!is_letter(char_before(t, e - mark, &start)))
            continue;
        while (next < n && (t[next] == ' ' || t[next] == '\t'))
            next++;
        if (!lower_at(t, n, next))
            continue;
        if (halves) {
            size_t from = word_edge(t, n, e - mark, false);
            size_t to = word_edge(t, n, next, true);
            *halves += halves->empty() ? "" : " ";
            halves->append(t + from, e - mark - from);
            *halves += ' ';
            halves->append(t + next, to - next);
        }
        joined.append(t + copied, e - mark - copied);
        copied = next;
    }
    if (!copied)
        return false;
    joined.append(t + copied, n - copied);
    out = std::move(joined);
    return true;
}
