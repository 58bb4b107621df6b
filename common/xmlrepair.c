/* xmlrepair.c - The bytes of an XML document made characters XML allows
 * before libxml2 reads them, each change recorded with its place.
 *
 * libxml2 (2.9.14) halts for good on a byte that is not UTF-8 in a
 * document read as UTF-8, or on a character XML 1.0 does not allow (a
 * vertical tab pasted from Word, U+000B, valid UTF-8), when it is inside a
 * CDATA section: the feed ended there, every item after it lost.  Outside
 * CDATA it reports the first such byte of the document and no other, and
 * the later items came out with their fields silently blank (a title
 * "", a byline lost).  So the bytes are put right here,
 * before the parser sees them, as a browser reads them (charset.c):
 *
 *   - in a document read as UTF-8, by its declaration, its byte-order
 *     mark or for want of a declaration, each byte that begins no valid
 *     sequence is windows-1252's character, as a page's is (charset.c):
 *     old CMSs write Latin-1 under a template that says UTF-8, or none,
 *     and a post pasted from Word brings a curly quote 0x92.  Read as
 *     U+FFFD, as a browser shows it, "caf\xe9" would be stored as
 *     "caf\xef\xbf\xbd" and never found; "p\xe5" is "på".  Valid UTF-8
 *     around it is read as written;
 *   - the C0 controls XML 1.0 forbids (all but tab, newline and carriage
 *     return) become a space, as control characters in text do in every
 *     other input (article.c), and U+FFFE and U+FFFF become U+FFFD.
 *
 * Each change is recorded with its offset in the bytes written, so that
 * the parser's position (xmlByteConsumed) tells which item it fell in,
 * and the item is kept with a warning that says what was changed.  A
 * character cut by the end of a chunk is held back for the next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "xmlrepair.h"

/* Changes recorded beyond this many, not yet taken, are counted in the
 * last one: a document of binary junk costs no more memory. */
#define MAX_FIXES 4096

/* ------------------------------------------------------------------------ */
/* The encoding                                                             */
/* ------------------------------------------------------------------------ */

/* Is LABEL an encoding whose bytes below 0x20 are the C0 controls and
 * nothing else (no byte of a longer character): ISO-8859-x, the
 * windows-125x code pages, KOI8? */
static int ascii_controls(const char *label)
{
    static const char *const prefixes[] = {
        "iso-8859-", "iso8859-", "iso_8859-", "windows-125", "cp125", "koi8"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (!strncasecmp(label, prefixes[i], strlen(prefixes[i])))
            return 1;
    return 0;
}

enum ns_xmlrepair_mode ns_xmlrepair_mode_of(const char *buf, size_t n)
{
    const unsigned char *s = (const unsigned char *)buf;
    if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
        return NS_XMLREPAIR_UTF8;
    /* UTF-16 or UTF-32, by a byte-order mark or by a NUL in "<?". */
    if (n >= 2 && ((s[0] == 0xfe && s[1] == 0xff) ||
                   (s[0] == 0xff && s[1] == 0xfe) || !s[0] || !s[1]))
        return NS_XMLREPAIR_OFF;
    char label[64];
    if (!ns_xml_encoding_label(buf, n, label, sizeof label))
        return NS_XMLREPAIR_UNDECLARED;
    /* Labelled UTF-16 or UTF-32 with neither a byte-order mark nor a NUL:
     * libxml2 reads it as UTF-8 ("Document labelled UTF-16 but has UTF-8
     * content"), and so does this. */
    static const char *const wide[] = {"utf-16", "utf16", "utf-32", "utf32",
                                       "ucs-2",  "ucs2",  "ucs-4",  "ucs4"};
    for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
        if (!strncasecmp(label, wide[i], strlen(wide[i])))
            return NS_XMLREPAIR_UTF8;
    if (ns_charset_is_utf8(label))
        return NS_XMLREPAIR_UTF8;
    if (ns_charset_is_windows1252(label) || ascii_controls(label))
        return NS_XMLREPAIR_CONTROLS;
    return NS_XMLREPAIR_OFF;
}

/* ------------------------------------------------------------------------ */
/* The changes                                                              */
/* ------------------------------------------------------------------------ */

void ns_xmlrepair_init(ns_xmlrepair_t *rp, enum ns_xmlrepair_mode mode,
                       unsigned line)
{
    ns_xmlrepair_free(rp);
    rp->mode = mode;
    rp->line = line;
}

void ns_xmlrepair_free(ns_xmlrepair_t *rp)
{
    free(rp->fixes);
    memset(rp, 0, sizeof *rp);
}

/* Record N of KIND at offset AT, on LINE, replacing VALUE.  Returns 0, or
 * -1 on allocation failure. */
static int record(ns_xmlrepair_t *rp, unsigned long long at, unsigned line,
                  enum ns_xmlfix_kind kind, unsigned value, unsigned n)
{
    if (rp->n_fixes - rp->head >= MAX_FIXES) {
        rp->fixes[rp->n_fixes - 1].n[kind] += n;
        return 0;
    }
    if (rp->head && rp->head == rp->n_fixes)
        rp->head = rp->n_fixes = 0;
    if (rp->n_fixes == rp->cap_fixes) {
        if (rp->head) { /* the taken ones make room */
            memmove(rp->fixes, rp->fixes + rp->head,
                    (rp->n_fixes - rp->head) * sizeof *rp->fixes);
            rp->n_fixes -= rp->head;
            rp->head = 0;
        } else {
            size_t cap = rp->cap_fixes ? rp->cap_fixes * 2 : 16;
            struct ns_xmlfix *grown = realloc(rp->fixes, cap * sizeof *grown);
            if (!grown)
                return -1;
            rp->fixes = grown;
            rp->cap_fixes = cap;
        }
    }
    struct ns_xmlfix *fx = &rp->fixes[rp->n_fixes++];
    memset(fx, 0, sizeof *fx);
    fx->at = at;
    fx->line = line;
    fx->value = value;
    fx->kind = kind;
    fx->n[kind] = n;
    return 0;
}

int ns_xmlrepair_pending(const ns_xmlrepair_t *rp)
{
    return rp->head < rp->n_fixes;
}

void ns_xmlrepair_take(ns_xmlrepair_t *rp, unsigned long long before,
                       ns_xmlrepair_sum_t *sum)
{
    for (; rp->head < rp->n_fixes && rp->fixes[rp->head].at < before;
         rp->head++) {
        const struct ns_xmlfix *fx = &rp->fixes[rp->head];
        for (int k = 0; k < NS_XMLFIX_KINDS; k++) {
            if (!fx->n[k])
                continue;
            if (!sum->n[k]) {
                sum->line[k] = fx->line;
                sum->value[k] = (int)fx->kind == k ? fx->value : 0;
            }
            sum->n[k] += fx->n[k];
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The bytes                                                                */
/* ------------------------------------------------------------------------ */

/* At S (LEN >= 1 bytes, S[0] >= 0x80): the length of the UTF-8 sequence
 * there, with its code point in *CP; or 0, with *RUN the bytes that begin
 * no valid sequence (a lead byte and the continuation bytes it could still
 * take, the "maximal subpart" the WHATWG decoder reads as one U+FFFD, as
 * charset.c's ns_utf8_repair does), and *CUT set when they are all of S
 * and could still begin one: the rest of it may be in the next chunk. */
static size_t utf8_at(const unsigned char *s, size_t len, unsigned *cp,
                      size_t *run, int *cut)
{
    unsigned c = s[0], lo = 0x80, hi = 0xbf;
    size_t need;
    if (c >= 0xc2 && c <= 0xdf)
        need = 1, *cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        need = 2, *cp = c & 0x0f, lo = c == 0xe0 ? 0xa0 : lo,
        hi = c == 0xed ? 0x9f : hi;
    else if (c >= 0xf0 && c <= 0xf4)
        need = 3, *cp = c & 0x07, lo = c == 0xf0 ? 0x90 : lo,
        hi = c == 0xf4 ? 0x8f : hi;
    else {
        *run = 1;
        return 0;
    }
    size_t i = 1;
    while (i <= need && i < len && s[i] >= lo && s[i] <= hi) {
        *cp = *cp << 6 | (s[i] & 0x3f);
        i++, lo = 0x80, hi = 0xbf;
    }
    if (i == need + 1)
        return i;
    *run = i;
    *cut = i == len;
    return 0;
}

/* The state of one run over a chunk. */
struct pass {
    ns_xmlrepair_t *rp;
    const unsigned char *s;
    size_t copied;  /* bytes of S already written to OUT */
    size_t counted; /* bytes of S whose newlines are in rp->line */
    ns_buf_t *out;
    size_t out0; /* OUT's length before the run */
};

/* Replace the N bytes of S at I by the LEN bytes at WITH, and record it. */
static int replace(struct pass *p, size_t i, size_t n, const char *with,
                   size_t len, enum ns_xmlfix_kind kind, unsigned value,
                   unsigned count)
{
    const unsigned char *nl;
    while (p->counted < i &&
           (nl = memchr(p->s + p->counted, '\n', i - p->counted))) {
        p->rp->line++;
        p->counted = (size_t)(nl - p->s) + 1;
    }
    p->counted = i;
    if (ns_buf_append(p->out, (const char *)p->s + p->copied, i - p->copied) <
        0)
        return -1;
    unsigned long long at = p->rp->written + (p->out->len - p->out0);
    if (ns_buf_append(p->out, with, len) < 0 ||
        record(p->rp, at, p->rp->line, kind, value, count) < 0)
        return -1;
    p->copied = i + n;
    return 0;
}

/* Repair the LEN bytes at S (the held bytes and the chunk) into OUT. */
static int repair(ns_xmlrepair_t *rp, const unsigned char *s, size_t len,
                  int last, ns_buf_t *out)
{
    struct pass p = {rp, s, 0, 0, out, out->len};
    int utf8 =
        rp->mode == NS_XMLREPAIR_UTF8 || rp->mode == NS_XMLREPAIR_UNDECLARED;
    size_t i = 0, end = len;
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x80) {
            i++;
            continue;
        }
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r' &&
                replace(&p, i, 1, " ", 1, NS_XMLFIX_CONTROL, c, 1) < 0)
                return -1;
            i++;
            continue;
        }
        if (!utf8) {
            i++;
            continue;
        }
        unsigned cp = 0;
        size_t run = 0;
        int cut = 0;
        size_t ok = utf8_at(s + i, len - i, &cp, &run, &cut);
        if (ok && (cp == 0xfffe || cp == 0xffff)) {
            if (replace(&p, i, ok, "\xef\xbf\xbd", 3, NS_XMLFIX_NONCHAR, cp,
                        1) < 0)
                return -1;
        } else if (!ok && cut && !last) {
            end = i; /* the rest of it in the next chunk */
            break;
        } else if (!ok) {
            enum ns_xmlfix_kind kind = rp->mode == NS_XMLREPAIR_UNDECLARED
                                           ? NS_XMLFIX_LATIN
                                           : NS_XMLFIX_BYTE;
            for (size_t k = 0; k < run; k++) {
                char latin[3];
                size_t n = ns_windows1252_char(s[i + k], latin);
                if (replace(&p, i + k, 1, latin, n, kind, s[i + k], 1) < 0)
                    return -1;
            }
        }
        i += ok ? ok : run;
    }
    if (ns_buf_append(out, (const char *)s + p.copied, end - p.copied) < 0)
        return -1;
    for (const unsigned char *nl = s + p.counted;
         (nl = memchr(nl, '\n', end - (size_t)(nl - s))); nl++)
        rp->line++;
    memcpy(rp->held, s + end, len - end);
    rp->n_held = len - end;
    rp->written += out->len - p.out0;
    return 0;
}

int ns_xmlrepair_run(ns_xmlrepair_t *rp, const char *buf, size_t n, int last,
                     ns_buf_t *out)
{
    if (!n && !rp->n_held)
        return 0;
    if (!rp->n_held)
        return repair(rp, (const unsigned char *)buf, n, last, out);
    /* A character the last chunk cut: its start, then this chunk. */
    ns_buf_t joined = {0};
    int rc = ns_buf_append(&joined, (const char *)rp->held, rp->n_held) < 0 ||
                     ns_buf_append(&joined, buf, n) < 0
                 ? -1
                 : repair(rp, (const unsigned char *)joined.p, joined.len, last,
                          out);
    ns_buf_free(&joined);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* In words                                                                 */
/* ------------------------------------------------------------------------ */

/* What one change of kind K was made: the words for one, and for many. */
static const struct {
    const char *one, *many, *as_one, *as_many;
} words[NS_XMLFIX_KINDS] = {
    [NS_XMLFIX_BYTE] = {"byte that is not UTF-8", "bytes that are not UTF-8",
                        "windows-1252", "windows-1252"},
    [NS_XMLFIX_LATIN] = {"byte that is not UTF-8", "bytes that are not UTF-8",
                         "windows-1252, as no encoding is declared",
                         "windows-1252, as no encoding is declared"},
    [NS_XMLFIX_CONTROL] = {"control character XML does not allow",
                           "control characters XML does not allow", "a space",
                           "spaces"},
    [NS_XMLFIX_NONCHAR] = {"character XML does not allow",
                           "characters XML does not allow", "U+FFFD", "U+FFFD"},
};

/* Append one kind's changes to OUT (SIZE bytes, USED of them written):
 * "byte 0xE9 'é' at line 3 is not UTF-8: read as windows-1252", "the
 * control character U+000B at line 5, which XML
 * does not allow, read as a space", "4 bytes that are not UTF-8 read as
 * windows-1252, as no encoding is declared (the first, 0xE5 'å', at line
 * 5)". */
static void describe_kind(const ns_xmlrepair_sum_t *sum, int k, char *out,
                          size_t size, size_t *used)
{
    unsigned n = sum->n[k], v = sum->value[k], line = sum->line[k];
    int bytes = k == NS_XMLFIX_BYTE || k == NS_XMLFIX_LATIN;
    char what[64] = "";
    if (v && bytes)
        snprintf(what, sizeof what, "0x%02X", v);
    else if (v)
        snprintf(what, sizeof what, "U+%04X", v);
    if (v && bytes) {
        char c[3];
        size_t len = ns_windows1252_char((unsigned char)v, c);
        snprintf(what + strlen(what), sizeof what - strlen(what), " '%.*s'",
                 (int)len, c);
    }
    char text[300];
    if (n == 1 && v && bytes)
        snprintf(text, sizeof text,
                 "byte %s at line %u is not UTF-8: read as %s", what, line,
                 words[k].as_one);
    else if (n == 1 && v)
        snprintf(text, sizeof text,
                 "the %s %s at line %u, which XML does not allow, read as %s",
                 k == NS_XMLFIX_CONTROL ? "control character" : "character",
                 what, line, words[k].as_one);
    else
        snprintf(text, sizeof text,
                 "%u %s read as %s (the first%s%s, at line %u)", n,
                 n == 1 ? words[k].one : words[k].many,
                 n == 1 ? words[k].as_one : words[k].as_many, v ? ", " : "",
                 what, line);
    snprintf(out + *used, size - *used, "%s%s", *used ? "; " : "", text);
    *used += strlen(out + *used);
}

size_t ns_xmlrepair_describe(const ns_xmlrepair_sum_t *sum, char *out,
                             size_t size)
{
    size_t used = 0;
    if (!size)
        return 0;
    out[0] = '\0';
    for (int k = 0; k < NS_XMLFIX_KINDS && used + 1 < size; k++)
        if (sum->n[k])
            describe_kind(sum, k, out, size, &used);
    return used;
}
