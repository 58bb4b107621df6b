/* fold.c - Letters with diacritics folded to the letters people type
 * without them.
 *
 * A Norwegian archive is often searched from keyboards without æ, ø and å,
 * and names travel between languages with and without their accents
 * (Malmö, café, Skarsgård).  The index keeps the exact word and adds its
 * folded forms; the query side folds too, so "Tromso" and "Tromsoe" both
 * find Tromsø while "Tromsø" still prefers articles spelled that way.
 *
 * Only the Latin letters of Latin-1 and Latin Extended-A are folded (the
 * letters of the languages a news archive here holds), plus combining
 * marks, which are dropped (or, for the Nordic spellings, give the
 * digraph's second letter: see digraph_mark()).  None of our dependencies
 * offers this (Xapian has no accent folding; iconv's //TRANSLIT depends on the
 * locale and gives "?" in C.UTF-8), and the table is small. */
#include <string.h>

#include "ns.h"

/* Base letters of U+00C0..U+00FF, upper and lower case alike; NULL for
 * the two signs in that block (× and ÷), which are not letters.  Index
 * 0x1f is ß, 0x18 is Ø, 0x38 is ø. */
static const char *const latin1[64] = {
    "a", "a", "a", "a",  "a",  "a",  "ae", "c", "e", "e", "e",  "e", "i",
    "i", "i", "i", "d",  "n",  "o",  "o",  "o", "o", "o", NULL, "o", "u",
    "u", "u", "u", "y",  "th", "ss", "a",  "a", "a", "a", "a",  "a", "ae",
    "c", "e", "e", "e",  "e",  "i",  "i",  "i", "i", "d", "n",  "o", "o",
    "o", "o", "o", NULL, "o",  "u",  "u",  "u", "u", "y", "th", "y",
};

/* The same letters as their Nordic and German spellings without the
 * diacritic: Tromsø -> Tromsoe, Skarsgård -> Skarsgaard, Müller ->
 * Mueller.  Only these differ from the plain table. */
static const char *digraph(unsigned cp)
{
    switch (cp | 0x20) { /* U+00C0..U+00DE and U+00E0..U+00FE pair up */
    case 0xe4:           /* ä */
        return "ae";
    case 0xe5: /* å */
        return "aa";
    case 0xf6: /* ö */
    case 0xf8: /* ø */
        return "oe";
    case 0xfc: /* ü */
        return "ue";
    }
    return NULL;
}

/* Latin Extended-A, U+0100..U+017F, as runs of one base letter. */
static const struct {
    unsigned short last; /* the run covers up to this code point */
    const char *base;
} latin_ext_a[] = {
    {0x105, "a"}, {0x10d, "c"}, {0x111, "d"},  {0x11b, "e"},  {0x123, "g"},
    {0x127, "h"}, {0x131, "i"}, {0x133, "ij"}, {0x135, "j"},  {0x138, "k"},
    {0x142, "l"}, {0x14b, "n"}, {0x151, "o"},  {0x153, "oe"}, {0x159, "r"},
    {0x161, "s"}, {0x167, "t"}, {0x173, "u"},  {0x175, "w"},  {0x178, "y"},
    {0x17e, "z"}, {0x17f, "s"},
};

/* The folded spelling of code point CP, or NULL to keep it as it is; ""
 * drops it (a combining mark). */
static const char *fold_cp(unsigned cp, int flags)
{
    if (cp >= 0xc0 && cp <= 0xff) {
        const char *d = (flags & NS_FOLD_DIGRAPH) ? digraph(cp) : NULL;
        return d ? d : latin1[cp - 0xc0];
    }
    if (cp >= 0x100 && cp <= 0x17f) {
        for (size_t i = 0; i < sizeof latin_ext_a / sizeof *latin_ext_a; i++)
            if (cp <= latin_ext_a[i].last)
                return latin_ext_a[i].base;
    }
    if (cp >= 0x300 && cp <= 0x36f)
        return "";
    return NULL;
}

/* In decomposed (NFD) text, as macOS and some editors write it, "å" is
 * "a" and a combining ring: the mark's share of the digraph spelling,
 * after base letter PREV ("a" for the ring after an a, "e" for the
 * diaeresis after an a, o or u), or NULL when it has none. */
static const char *digraph_mark(unsigned cp, unsigned char prev)
{
    prev |= 0x20;
    if (cp == 0x30a && prev == 'a')
        return "a";
    if (cp == 0x308 && (prev == 'a' || prev == 'o' || prev == 'u'))
        return "e";
    return NULL;
}

/* Decode one UTF-8 sequence at P (N bytes left, N >= 1) into *cp; returns
 * its length.  Invalid bytes count as one byte each and are kept. */
static size_t decode(const unsigned char *p, size_t n, unsigned *cp)
{
    if (p[0] >= 0xc2 && p[0] <= 0xdf && n >= 2 && (p[1] & 0xc0) == 0x80) {
        *cp = ((unsigned)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
        return 2;
    }
    *cp = 0; /* only two-byte sequences are ever folded */
    if (p[0] >= 0xe0 && p[0] <= 0xef && n >= 3)
        return 3;
    if (p[0] >= 0xf0 && p[0] <= 0xf4 && n >= 4)
        return 4;
    return 1;
}

int ns_fold_accents(const char *text, size_t len, int flags, ns_buf_t *out)
{
    const unsigned char *p = (const unsigned char *)text;
    int changed = 0;
    size_t i = 0, plain = 0; /* bytes [plain, i) are copied as they are */
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        unsigned cp;
        size_t n = decode(p + i, len - i, &cp);
        const char *f = cp ? fold_cp(cp, flags) : NULL;
        if (f && !*f && (flags & NS_FOLD_DIGRAPH) && i > 0 && p[i - 1] < 0x80) {
            const char *d = digraph_mark(cp, p[i - 1]);
            f = d ? d : f;
        }
        if (f) {
            if (ns_buf_append(out, text + plain, i - plain) < 0 ||
                ns_buf_puts(out, f) < 0)
                return -1;
            plain = i + n;
            changed = 1;
        }
        i += n;
    }
    if (ns_buf_append(out, text + plain, len - plain) < 0)
        return -1;
    return changed;
}
