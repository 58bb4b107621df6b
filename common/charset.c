/* charset.c - Pages read in their encoding as browsers read them (the
 * WHATWG Encoding Standard): windows-1252 for its labels, UTF-8 (a byte
 * that is not read as windows-1252), and the HTML parse that chooses
 * between them.
 *
 * Pages and feeds labelled ISO-8859-1, latin1 or US-ASCII are nearly always
 * written in windows-1252: its bytes 0x80-0x9F are the curly quotes,
 * dashes, ellipsis and euro sign that editors type.  Every browser decodes
 * those labels as windows-1252 (https://encoding.spec.whatwg.org/, the
 * "windows-1252" labels); read as ISO-8859-1 the bytes become C1 control
 * characters, which the field rules drop, and "mayor\x92s" is indexed as
 * "mayors".
 *
 * The decoder is written here rather than taken from libxml2's iconv
 * handler because iconv's CP1252 has no mapping for 0x81, 0x8D, 0x8F,
 * 0x90 and 0x9D: libxml2 stops at the first of them and the rest of the
 * page is lost.  The standard maps them to U+0081 and so on, as ISO-8859-1
 * does; so does this.
 *
 * The same table serves a numeric reference in a UTF-8 page: old CMSs
 * write "Mayor&#146;s plan &#150; &#128;5m" (in feeds escaped once more,
 * "&amp;#146;"), and the HTML Standard (the numeric character reference
 * end state) reads &#128;-&#159; as windows-1252's characters, U+2019 for
 * &#146;.  libxml2 reads them as the C1 controls U+0080-U+009F, which
 * article.c turns into spaces.  After the parse a reference and a raw
 * U+0092 are the same character, so every C1 control in text from the
 * HTML parser is mapped, at one point per entry (ns_html_page for a page,
 * its JSON-LD too; ns_html_fragment_text for HTML inside feeds, JSON and
 * Markdown; every field of a feed item, plain text too, as its article is
 * made).  A raw one in a page is nearly always windows-1252 text that
 * went through a Latin-1 round trip, and as a control it would only become
 * a space: the mapping loses nothing a reader could see. */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

/* Trim LABEL's surrounding white space: its length from *LABEL on. */
static size_t trimmed(const char **label)
{
    const char *s = *label;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r' || s[n - 1] == '\f'))
        n--;
    *label = s;
    return n;
}

/* Is LABEL, trimmed, one of the N LABELS, regardless of ASCII case? */
static int label_is_one_of(const char *label, const char *const *labels,
                           size_t n)
{
    if (!label)
        return 0;
    size_t len = trimmed(&label);
    for (size_t i = 0; i < n; i++)
        if (strlen(labels[i]) == len && strncasecmp(label, labels[i], len) == 0)
            return 1;
    return 0;
}

int ns_charset_is_windows1252(const char *label)
{
    /* The standard's labels of windows-1252, compared without regard to
     * ASCII case once the white space around them is trimmed. */
    static const char *const labels[] = {
        "ansi_x3.4-1968",
        "ascii",
        "cp1252",
        "cp819",
        "csisolatin1",
        "ibm819",
        "iso-8859-1",
        "iso-ir-100",
        "iso8859-1",
        "iso88591",
        "iso_8859-1",
        "iso_8859-1:1987",
        "l1",
        "latin1",
        "us-ascii",
        "windows-1252",
        "x-cp1252",
    };
    return label_is_one_of(label, labels, sizeof labels / sizeof *labels);
}

int ns_charset_is_utf8(const char *label)
{
    static const char *const labels[] = {
        "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
        "x-unicode20utf8",
    };
    return label_is_one_of(label, labels, sizeof labels / sizeof *labels);
}

/* The bytes at S (LEN of them, LEN >= 1) that begin no valid UTF-8
 * sequence, as the WHATWG decoder counts them: a lead byte and the
 * continuation bytes it could still take (its "maximal subpart"), or one
 * byte that leads nothing. */
static size_t bad_run(const unsigned char *s, size_t len)
{
    unsigned c = s[0], lo = 0x80, hi = 0xbf;
    size_t need;
    if (c >= 0xc2 && c <= 0xdf)
        need = 1;
    else if (c >= 0xe0 && c <= 0xef)
        need = 2, lo = c == 0xe0 ? 0xa0 : lo, hi = c == 0xed ? 0x9f : hi;
    else if (c >= 0xf0 && c <= 0xf4)
        need = 3, lo = c == 0xf0 ? 0x90 : lo, hi = c == 0xf4 ? 0x8f : hi;
    else
        return 1;
    size_t i = 1;
    while (i <= need && i < len && s[i] >= lo && s[i] <= hi)
        i++, lo = 0x80, hi = 0xbf;
    return i;
}

int ns_utf8_repair(const char *text, size_t len, ns_buf_t *out)
{
    for (size_t i = 0; i < len;) {
        size_t ok = ns_utf8_check(text + i, len - i);
        if (ok && ns_buf_append(out, text + i, ok) < 0)
            return -1;
        i += ok;
        if (i == len)
            break;
        if (ns_buf_append(out, "\xef\xbf\xbd", 3) < 0)
            return -1;
        i += bad_run((const unsigned char *)text + i, len - i);
    }
    return 0;
}

/* What windows-1252 has at 0x80 + i, as the WHATWG Encoding Standard
 * decodes it: U+0080 + i for the five bytes it leaves as they are. */
static const unsigned short c1[32] = {
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
    0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* CP (below U+10000) as UTF-8 into U: its length. */
static size_t utf8_of(unsigned cp, char *u)
{
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xc0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    u[0] = (char)(0xe0 | cp >> 12);
    u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
    u[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
}

/* Append CP (below U+10000) to OUT as UTF-8. */
static int put_cp(ns_buf_t *out, unsigned cp)
{
    char u[3];
    return ns_buf_append(out, u, utf8_of(cp, u));
}

size_t ns_windows1252_char(unsigned char byte, char *out)
{
    return utf8_of(byte >= 0x80 && byte < 0xa0 ? c1[byte - 0x80] : byte, out);
}

int ns_windows1252_to_utf8(const char *text, size_t len, ns_buf_t *out)
{
    for (size_t i = 0; i < len;) {
        /* Runs of ASCII are copied whole. */
        size_t run = i;
        while (run < len && !((unsigned char)text[run] & 0x80))
            run++;
        if (run > i && ns_buf_append(out, text + i, run - i) < 0)
            return -1;
        if (run == len)
            break;
        unsigned char b = (unsigned char)text[run];
        if (put_cp(out, b < 0xa0 ? c1[b - 0x80] : b) < 0)
            return -1;
        i = run + 1;
    }
    return 0;
}

long ns_utf8_or_windows1252(const char *text, size_t len, ns_buf_t *out,
                            size_t *first)
{
    long bad = 0;
    for (size_t i = 0; i < len;) {
        size_t ok = ns_utf8_check(text + i, len - i);
        if (ok && ns_buf_append(out, text + i, ok) < 0)
            return -1;
        i += ok;
        if (i == len)
            break;
        /* One byte at a time: the continuation bytes a bad lead byte
         * could take begin no sequence either, and are read the same. */
        if (!bad++)
            *first = i;
        char c[3];
        if (ns_buf_append(out, c,
                          ns_windows1252_char((unsigned char)text[i], c)) < 0)
            return -1;
        i++;
    }
    return bad;
}

/* Is S[0] (N bytes on) the UTF-8 of a C1 control, U+0080 to U+009F? */
static int is_c1(const char *s, size_t n)
{
    return n >= 2 && (unsigned char)s[0] == 0xc2 &&
           (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9f;
}

/* The first C1 control in the N bytes at S, or N. */
static size_t first_c1(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && !is_c1(s + i, n - i))
        i++;
    return i;
}

int ns_c1_to_windows1252(ns_buf_t *buf, size_t from)
{
    if (!buf->p || from >= buf->len)
        return 0;
    size_t i = from + first_c1(buf->p + from, buf->len - from);
    if (i >= buf->len)
        return 0; /* the common case: nothing to change, nothing copied */
    /* Each control is two bytes and its character two or three: the text
     * never gets shorter, so it is rebuilt in a copy. */
    ns_buf_t out = {0};
    int rc = ns_buf_append(&out, buf->p + from, i - from);
    for (; rc == 0 && i < buf->len; i++) {
        if (is_c1(buf->p + i, buf->len - i))
            rc = put_cp(&out, c1[(unsigned char)buf->p[++i] - 0x80]);
        else
            rc = ns_buf_putc(&out, buf->p[i]);
    }
    if (rc == 0) {
        buf->len = from;
        rc = ns_buf_append(buf, out.p, out.len);
    }
    ns_buf_free(&out);
    return rc < 0 ? -1 : 1;
}

int ns_json_c1_to_windows1252(json_t *v)
{
    size_t i;
    const char *key;
    json_t *item;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        if (first_c1(s, n) == n)
            return 0;
        ns_buf_t b = {0};
        int rc = ns_buf_append(&b, s, n) < 0 ||
                         ns_c1_to_windows1252(&b, 0) < 0 ||
                         json_string_setn(v, b.p, b.len) < 0
                     ? -1
                     : 0;
        ns_buf_free(&b);
        return rc;
    }
    json_array_foreach(v, i, item)
    {
        if (ns_json_c1_to_windows1252(item) < 0)
            return -1;
    }
    json_object_foreach(v, key, item)
    {
        if (ns_json_c1_to_windows1252(item) < 0)
            return -1;
    }
    return 0;
}

int ns_xml_encoding_label(const char *buf, size_t n, char *label, size_t size)
{
    size_t end = 0;
    while (end < n && end < 200 && buf[end] != '>')
        end++;
    if (end == n || end < 5 || memcmp(buf, "<?xml", 5) != 0)
        return 0;
    char decl[201];
    memcpy(decl, buf, end);
    decl[end] = '\0';
    const char *e = strstr(decl, "encoding");
    if (!e)
        return 0;
    e += strcspn(e, "\"'");
    if (!*e)
        return 0;
    char quote = *e++;
    size_t len = strcspn(e, quote == '"' ? "\"" : "'");
    if (len >= size)
        return 0;
    memcpy(label, e, len);
    label[len] = '\0';
    return 1;
}

int ns_xml_declares_cp1252(const char *buf, size_t n)
{
    char label[64];
    return ns_xml_encoding_label(buf, n, label, sizeof label) &&
           ns_charset_is_windows1252(label);
}

static htmlDocPtr parse_as(const char *data, size_t len, const char *enc)
{
    if (len > (size_t)INT32_MAX)
        return NULL;
    ns_xml_ready();
    return htmlReadMemory(data, (int)len, NULL, enc,
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
}

static int has_bom(const char *data, size_t len)
{
    const unsigned char *s = (const unsigned char *)data;
    return len >= 2 &&
           ((s[0] == 0xfe && s[1] == 0xff) || (s[0] == 0xff && s[1] == 0xfe) ||
            (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf));
}

htmlDocPtr ns_html_read(const char *data, size_t len)
{
    return ns_html_read_warn(data, len, NULL, 0);
}

/* Say in WARN (WARN_SIZE bytes; none when 0) that the BAD bytes of DATA
 * that are not UTF-8, the first at offset FIRST, were read as
 * windows-1252. */
static void say_not_utf8(const char *data, size_t first, long bad, char *warn,
                         size_t warn_size)
{
    if (!warn_size)
        return;
    unsigned line = 1;
    for (size_t i = 0; i < first; i++)
        line += data[i] == '\n';
    unsigned char b = (unsigned char)data[first];
    char c[3];
    int n = (int)ns_windows1252_char(b, c);
    snprintf(warn, warn_size,
             "declared UTF-8 but is not: %ld byte%s read as windows-1252 "
             "(the first, 0x%02X \"%.*s\", on line %u); declare its charset "
             "(<meta charset=\"windows-1252\">) or save it as UTF-8",
             bad, bad == 1 ? "" : "s", b, n, c, line);
}

htmlDocPtr ns_html_read_warn(const char *data, size_t len, char *warn,
                             size_t warn_size)
{
    if (warn_size)
        warn[0] = '\0';
    /* Without a charset declaration libxml2 assumes ISO-8859-1, which would
     * garble every UTF-8 page that omits one; valid UTF-8 is read as such,
     * anything else by the page's own declaration, as browsers read it. */
    if (ns_utf8_valid(data, len))
        return parse_as(data, len, "UTF-8");
    htmlDocPtr doc = parse_as(data, len, NULL);
    /* Labelled UTF-8 but not UTF-8: an archive's old pages written in
     * Latin-1 by a template that declares UTF-8 ("Caf\xe9"), or one such
     * byte pasted in.  libxml2 read it as ISO-8859-1 from the byte on.  A
     * browser shows each such byte as U+FFFD, which kept "café" and
     * "München" from being found and lost the bytes for good; each is read
     * as windows-1252's character instead, as a text file's are
     * (ns_utf8_or_windows1252), the rest as written, and said. */
    ns_buf_t fixed = {0};
    size_t first = 0;
    long bad = 0;
    if (doc && !has_bom(data, len) && doc->encoding &&
        ns_charset_is_utf8((const char *)doc->encoding) &&
        (bad = ns_utf8_or_windows1252(data, len, &fixed, &first)) > 0) {
        htmlDocPtr again = parse_as(fixed.p ? fixed.p : "", fixed.len, "UTF-8");
        ns_buf_free(&fixed);
        if (again) {
            xmlFreeDoc(doc);
            say_not_utf8(data, first, bad, warn, warn_size);
            return again;
        }
    }
    ns_buf_free(&fixed);
    /* libxml2 reads a page labelled ISO-8859-1 as such (0x92 is a control
     * character, not an apostrophe), one labelled US-ASCII only up to its
     * first byte over 0x7F, and one without a label as ISO-8859-1.  Browsers
     * read all three as windows-1252 (charset.c), and so does the second
     * parse here; doc->encoding is the label libxml2 found.  A byte-order
     * mark decides before any label, as in browsers; libxml2 already
     * follows it. */
    if (!doc || has_bom(data, len) ||
        (doc->encoding &&
         !ns_charset_is_windows1252((const char *)doc->encoding)))
        return doc;
    ns_buf_t utf8 = {0};
    if (ns_windows1252_to_utf8(data, len, &utf8) < 0) {
        ns_buf_free(&utf8);
        return doc;
    }
    htmlDocPtr again = parse_as(utf8.p ? utf8.p : "", utf8.len, "UTF-8");
    ns_buf_free(&utf8);
    if (!again)
        return doc;
    xmlFreeDoc(doc);
    return again;
}

size_t ns_xml_blank_prefix(const char *buf, size_t n, unsigned *lines)
{
    size_t ws = 0;
    unsigned nl = 0;
    while (ws < n && strchr(" \t\r\n", buf[ws]) && buf[ws])
        nl += buf[ws++] == '\n';
    if (ws < n && (n - ws < 5 || memcmp(buf + ws, "<?xml", 5) != 0))
        return 0;
    *lines += nl;
    return ws;
}

/* libxml2 (2.9) sets up its globals on first use, and two threads that
 * parse at once for the first time race there: its random-number mutex
 * was left locked and every parser thread waited on it for ever (a
 * deadlock seen in tests/unit/test_threads.c, four threads reading feeds).
 * Its documentation asks for xmlInitParser() once, before threads use it;
 * a library cannot know when that is, so every parse starts here. */
static void init_xml(void)
{
    xmlInitParser();
}

void ns_xml_ready(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_xml);
}
