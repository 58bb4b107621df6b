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

#include "fold.h"
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

/* ------------------------------------------------------------------------ */
/* Composing letters written decomposed                                     */
/* ------------------------------------------------------------------------ */

/* The letters of Latin-1 and Latin Extended-A that are an ASCII letter and
 * one combining mark in decomposed (NFD) text, by mark: the letters each
 * mark goes on, and the code point each pair composes to (Unicode's
 * canonical decompositions of U+00C0..U+017F). */
static const struct {
    unsigned short mark;
    const char *bases;
    unsigned short cps[24];
} composites[] = {
    {0x300,
     "AEIOUaeiou",
     {0xc0, 0xc8, 0xcc, 0xd2, 0xd9, 0xe0, 0xe8, 0xec, 0xf2, 0xf9}},
    {0x301,
     "ACEILNORSUYZaceilnorsuyz",
     {0xc1,  0x106, 0xc9, 0xcd,  0x139, 0x143, 0xd3, 0x154,
      0x15a, 0xda,  0xdd, 0x179, 0xe1,  0x107, 0xe9, 0xed,
      0x13a, 0x144, 0xf3, 0x155, 0x15b, 0xfa,  0xfd, 0x17a}},
    {0x302,
     "ACEGHIJOSUWYaceghijosuwy",
     {0xc2,  0x108, 0xca,  0x11c, 0x124, 0xce,  0x134, 0xd4,
      0x15c, 0xdb,  0x174, 0x176, 0xe2,  0x109, 0xea,  0x11d,
      0x125, 0xee,  0x135, 0xf4,  0x15d, 0xfb,  0x175, 0x177}},
    {0x303,
     "AINOUainou",
     {0xc3, 0x128, 0xd1, 0xd5, 0x168, 0xe3, 0x129, 0xf1, 0xf5, 0x169}},
    {0x304,
     "AEIOUaeiou",
     {0x100, 0x112, 0x12a, 0x14c, 0x16a, 0x101, 0x113, 0x12b, 0x14d, 0x16b}},
    {0x306,
     "AEGIOUaegiou",
     {0x102, 0x114, 0x11e, 0x12c, 0x14e, 0x16c, 0x103, 0x115, 0x11f, 0x12d,
      0x14f, 0x16d}},
    {0x307,
     "CEGIZcegz",
     {0x10a, 0x116, 0x120, 0x130, 0x17b, 0x10b, 0x117, 0x121, 0x17c}},
    {0x308,
     "AEIOUYaeiouy",
     {0xc4, 0xcb, 0xcf, 0xd6, 0xdc, 0x178, 0xe4, 0xeb, 0xef, 0xf6, 0xfc, 0xff}},
    {0x30a, "AUau", {0xc5, 0x16e, 0xe5, 0x16f}},
    {0x30b, "OUou", {0x150, 0x170, 0x151, 0x171}},
    {0x30c,
     "CDELNRSTZcdelnrstz",
     {0x10c, 0x10e, 0x11a, 0x13d, 0x147, 0x158, 0x160, 0x164, 0x17d, 0x10d,
      0x10f, 0x11b, 0x13e, 0x148, 0x159, 0x161, 0x165, 0x17e}},
    {0x327,
     "CGKLNRSTcgklnrst",
     {0xc7, 0x122, 0x136, 0x13b, 0x145, 0x156, 0x15e, 0x162, 0xe7, 0x123, 0x137,
      0x13c, 0x146, 0x157, 0x15f, 0x163}},
    {0x328,
     "AEIUaeiu",
     {0x104, 0x118, 0x12e, 0x172, 0x105, 0x119, 0x12f, 0x173}},
};

/* The letter BASE with combining mark MARK composes to, or 0. */
static unsigned composite(unsigned char base, unsigned mark)
{
    for (size_t i = 0; i < sizeof composites / sizeof *composites; i++) {
        if (composites[i].mark != mark)
            continue;
        const char *b = strchr(composites[i].bases, base);
        return b && base ? composites[i].cps[b - composites[i].bases] : 0;
    }
    return 0;
}

int ns_compose_marks(const char *text, size_t len, ns_buf_t *out, size_t *from)
{
    const unsigned char *p = (const unsigned char *)text;
    /* Every mark of the table is U+0300..U+033F, whose UTF-8 starts 0xcc:
     * text without that byte, nearly all text, is read once by memchr. */
    if (!memchr(text, 0xcc, len))
        return 0;
    size_t start = out->len, plain = 0; /* [plain, i) is copied as it is */
    int changed = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        if (p[i] != 0xcc || (p[i + 1] & 0xc0) != 0x80 || p[i - 1] >= 0x80)
            continue;
        unsigned cp = composite(p[i - 1], 0x300 | (p[i + 1] & 0x3f));
        if (!cp)
            continue;
        if (from)
            for (size_t k = plain; k < i - 1; k++)
                from[out->len - start + k - plain] = k;
        if (ns_buf_append(out, text + plain, i - 1 - plain) < 0)
            return -1;
        char two[2] = {(char)(0xc0 | (cp >> 6)), (char)(0x80 | (cp & 0x3f))};
        if (from)
            from[out->len - start] = from[out->len - start + 1] = i - 1;
        if (ns_buf_append(out, two, 2) < 0)
            return -1;
        plain = i + 2;
        changed = 1;
        i++;
    }
    if (!changed)
        return 0;
    if (from)
        for (size_t k = plain; k <= len; k++)
            from[out->len - start + k - plain] = k;
    return ns_buf_append(out, text + plain, len - plain) < 0 ? -1 : 1;
}
