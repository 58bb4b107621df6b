/* sniff.c - Which format a file holds, by its name and by its first bytes.
 *
 * Names lie: a feed is saved as "feed", "index.xml" or "rss.php", a
 * WordPress REST dump as ".json" holding an array, an export as ".xml".
 * So the first few KiB (after gzip) are looked at: the root element of an
 * XML file, the first character of JSON, an HTML doctype.  Markdown and
 * text files are taken at their name, since any first line can start one.
 * Only the opening bytes are read here, and a little more for XML whose
 * root comes late; the real parsers decide the rest and report what is
 * broken. */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

ns_format_t ns_format_by_name(const char *path)
{
    static const struct {
        const char *ext;
        ns_format_t fmt;
    } names[] = {
        {".jsonl", NS_FMT_JSONL},       {".ndjson", NS_FMT_JSONL},
        {".json", NS_FMT_JSONL},        {".md", NS_FMT_MARKDOWN},
        {".mdx", NS_FMT_MARKDOWN},
        {".markdown", NS_FMT_MARKDOWN}, {".txt", NS_FMT_TEXT},
        {".rss", NS_FMT_FEED},          {".atom", NS_FMT_FEED},
        {".rdf", NS_FMT_FEED},          {".xml", NS_FMT_FEED},
        {".html", NS_FMT_HTML},         {".htm", NS_FMT_HTML},
        {".xhtml", NS_FMT_HTML},
    };
    char base[4096];
    size_t n = strlen(path);
    if (n >= sizeof base)
        return NS_FMT_UNKNOWN;
    memcpy(base, path, n + 1);
    if (has_suffix(base, ".gz"))
        base[n - 3] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (has_suffix(base, names[i].ext))
            return names[i].fmt;
    return NS_FMT_UNKNOWN;
}

/* Case-insensitive search for NEEDLE in LEN bytes at HAY. */
static const char *find(const char *hay, size_t len, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= len; i++)
        if (strncasecmp(hay + i, needle, m) == 0)
            return hay + i;
    return NULL;
}

/* The root element of an XML document: the first "<name" that is not a
 * declaration, comment or processing instruction.  NS_FMT_MORE when the
 * bytes end before it does. */
static ns_format_t xml_root(const char *p, size_t len, const char **why)
{
    const char *end = p + len;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt || lt + 1 >= end)
            break;
        char c = lt[1];
        if (c == '?' || c == '!') {
            /* Comments may hold '>'; skip to their own end. */
            const char *close = end - lt >= 4 && memcmp(lt, "<!--", 4) == 0
                                    ? find(lt, (size_t)(end - lt), "-->")
                                    : memchr(lt, '>', (size_t)(end - lt));
            if (!close)
                break;
            p = close + 1;
            continue;
        }
        const char *name = lt + 1;
        size_t rest = (size_t)(end - name);
        /* Prefixes are conventional, not fixed: rdf:RDF, atom:feed.  Only
         * the name's own colon counts, not an attribute's (xml:lang). */
        size_t nlen = 0;
        while (nlen < rest && nlen < 16 &&
               !isspace((unsigned char)name[nlen]) && name[nlen] != '>' &&
               name[nlen] != '/')
            nlen++;
        /* "<rs" at the very end may be "<rss": not a name yet. */
        if (nlen == rest)
            break;
        const char *colon = memchr(name, ':', nlen);
        const char *local = colon ? colon + 1 : name;
        size_t lrest = (size_t)(end - local);
        static const char *const feeds[] = {"rss", "feed", "RDF", "channel"};
        for (size_t i = 0; i < sizeof feeds / sizeof *feeds; i++) {
            size_t m = strlen(feeds[i]);
            if (lrest > m && strncmp(local, feeds[i], m) == 0 &&
                !isalnum((unsigned char)local[m]))
                return NS_FMT_FEED;
        }
        if (lrest > 4 && strncasecmp(local, "html", 4) == 0 &&
            !isalnum((unsigned char)local[4]))
            return NS_FMT_HTML;
        if (lrest > 4 && strncmp(local, "nitf", 4) == 0 &&
            !isalnum((unsigned char)local[4]))
            return NS_FMT_NITF;
        *why = "XML, but not an RSS, Atom or WordPress feed";
        return NS_FMT_UNKNOWN;
    }
    return NS_FMT_MORE;
}

/* JSON that starts with "{": one object per line, or objects written over
 * several lines?  A first line that jansson finds cut short is the start
 * of a pretty-printed object; anything else (a whole object, a broken
 * line) is JSON Lines, whose reader reports broken lines one by one. */
static ns_format_t json_shape(const char *p, size_t len)
{
    const char *nl = memchr(p, '\n', len);
    if (!nl)
        return NS_FMT_JSONL;
    json_error_t jerr;
    json_t *v = json_loadb(p, (size_t)(nl - p), 0, &jerr);
    if (v) {
        json_decref(v);
        return NS_FMT_JSONL;
    }
    return json_error_code(&jerr) == json_error_premature_end_of_input
               ? NS_FMT_JSONDOC
               : NS_FMT_JSONL;
}

/* HEAD, UTF-16 after its byte-order mark, sniffed by its ASCII
 * characters (each other one a '?'). */
static ns_format_t sniff_utf16(const unsigned char *head, size_t len,
                               ns_format_t named, const char **why)
{
    /* All of HEAD, so that a root past a long prolog is found in UTF-16
     * too (ns_format_sniff_read); its first 2048 characters if memory is
     * short. */
    char small[2048] = "";
    size_t n = 0, cap = len / 2;
    char *ascii = cap > sizeof small ? malloc(cap) : NULL;
    if (!ascii) {
        ascii = small;
        cap = sizeof small;
    }
    int le = head[0] == 0xff;
    for (size_t i = 2; i + 1 < len && n < cap; i += 2) {
        unsigned lo = head[i + !le], hi = head[i + le];
        ascii[n++] = hi == 0 && lo < 0x80 ? (char)lo : '?';
    }
    ns_format_t f = ns_format_sniff(ascii, n, named, why);
    if (ascii != small)
        free(ascii);
    if (f == NS_FMT_FEED || f == NS_FMT_NITF || f == NS_FMT_HTML ||
        f == NS_FMT_EMPTY || f == NS_FMT_UNKNOWN || f == NS_FMT_BROKEN ||
        f == NS_FMT_MORE)
        return f;
    *why = "UTF-16 text: only feeds, NITF and HTML pages are read in UTF-16; "
           "convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)";
    return NS_FMT_BROKEN;
}

ns_format_t ns_format_sniff(const char *head, size_t len, ns_format_t named,
                            const char **why)
{
    *why = NULL;
    const unsigned char *u = (const unsigned char *)head;
    if (len >= 2 &&
        ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
        return sniff_utf16(u, len, named, why);
    const char *p = head, *end = head + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (p == end) {
        *why = "empty file";
        return NS_FMT_EMPTY;
    }
    /* A NUL byte is never text: binary data under a text name (an image
     * saved as post.md) or a file a crash left zero-filled.  Each was read
     * as an article, the first an article titled with its bytes, the
     * other skipped as "missing title and body". */
    if ((named == NS_FMT_MARKDOWN || named == NS_FMT_TEXT) &&
        memchr(head, '\0', len)) {
        *why = "not text: it holds NUL bytes (binary data, UTF-16 "
               "without its byte-order mark, or a file a crash left "
               "zero-filled); nothing of it was read: restore or convert "
               "it, or move it out of the source";
        return NS_FMT_BROKEN;
    }
    if (named == NS_FMT_MARKDOWN || named == NS_FMT_TEXT)
        return named;
    size_t rest = (size_t)(end - p);
    if (*p == '[')
        return NS_FMT_JSONDOC;
    /* A JSON Feed is one object, on one line or many: a document whose
     * items are the articles (jsondoc.c, jsonfeed.c).  One on a single
     * line whose version is past HEAD (its keys sorted, "items" first) is
     * sniffed as JSON Lines, and found by the JSON Lines reader at its
     * first line (reader-jsonl.c). */
    if (*p == '{' && find(p, rest, "jsonfeed.org/version/"))
        return NS_FMT_JSONDOC;
    if (*p == '{')
        return json_shape(p, rest);
    if (*p == '<') {
        if (find(p, rest < 512 ? rest : 512, "<!doctype html") ||
            (rest >= 5 && strncasecmp(p, "<html", 5) == 0))
            return NS_FMT_HTML;
        ns_format_t f = xml_root(p, rest, why);
        if (f != NS_FMT_UNKNOWN && f != NS_FMT_MORE)
            return f;
        /* Tag soup without a doctype: a page if it is named one, or has
         * the elements of one. */
        if (named == NS_FMT_HTML || find(p, rest, "<body") ||
            find(p, rest, "<head") || find(p, rest, "<article")) {
            *why = NULL;
            return NS_FMT_HTML;
        }
        return f;
    }
    if (rest >= 3 && memcmp(p, "---", 3) == 0 && named == NS_FMT_UNKNOWN)
        return NS_FMT_MARKDOWN;
    /* Jekyll's layouts and pages (404.html) open with a YAML header that
     * Jekyll replaces when it builds the site: no page, but its source,
     * and each was a bad record every night. */
    if (rest >= 3 && memcmp(p, "---", 3) == 0 && named == NS_FMT_HTML) {
        *why = "a site generator's template or page source (front matter), "
               "not a page";
        return NS_FMT_UNKNOWN;
    }
    if (named != NS_FMT_UNKNOWN && named != NS_FMT_FEED && named != NS_FMT_HTML)
        return named;
    if (named == NS_FMT_UNKNOWN) {
        *why = "no known extension, and not a feed, page or JSON";
        return NS_FMT_UNKNOWN;
    }
    *why = "named as XML or HTML, but not markup";
    return NS_FMT_BROKEN;
}

/* The root is looked for in a growing window (64 KiB, doubled up to
 * NS_SNIFF_MAX), so that a feed behind a licence of a few KiB costs one
 * small read more, not a megabyte.  The bound keeps a file of nothing but
 * comments from being read whole to be sniffed; past it, a file named a
 * feed is a skipped record, not an ignored file, so that a prune keeps
 * what it held the night before. */
ns_format_t ns_format_sniff_read(ns_read_fn read, void *ctx, ns_format_t named,
                                 const char **why)
{
    char *head = NULL;
    size_t len = 0, cap = 0;
    int eof = 0, failed = 0;
    ns_format_t f = NS_FMT_MORE;
    while (f == NS_FMT_MORE && !eof && cap < NS_SNIFF_MAX) {
        cap = cap ? 2 * cap : 65536;
        char *grown = realloc(head, cap);
        if (!grown) {
            failed = 1;
            break;
        }
        head = grown;
        while (len < cap) {
            ssize_t n = read(ctx, head + len, cap - len);
            if (n <= 0) {
                eof = 1;
                failed = n < 0;
                break;
            }
            len += (size_t)n;
        }
        f = ns_format_sniff(head, len, named, why);
    }
    free(head);
    if (f != NS_FMT_MORE)
        return f;
    *why = failed ? "XML whose root element could not be read"
           : eof  ? "XML that ends before its root element"
                  : "XML whose root element is not in its first 1 MiB";
    return named == NS_FMT_UNKNOWN ? NS_FMT_UNKNOWN : NS_FMT_BROKEN;
}
