/* html-text.c - Text that may or may not be HTML: a feed's titles and
 * descriptions, a JSON Feed's content.  Which "<" opens a tag, and whether
 * text that was read as HTML once is HTML still.
 *
 * An HTML parser takes every "<" followed by a letter for a tag, as
 * browsers do: "x <3 y and a<b" loses "a<b" and everything after it, an
 * unfinished tag <b.  A title is not a page, and its "<" is meant as a
 * character unless it opens a tag that ends (ns_html_escape_stray).
 *
 * WordPress and other CMSs escape a post's HTML once more than XML needs
 * ("&amp;lt;p&amp;gt;" in a <description>): read once, the text is
 * "<p>Body</p>", tags and all.  ns_html_holds_markup tells such text by
 * tags of HTML's own element names and by HTML's entities, so that it is
 * read once more (feed-item.c). */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

/* What tag_at found. */
struct tag {
    const char *name; /* OUT: the element's name; NULL for a comment or
                         declaration, or no tag */
    size_t name_len;  /* OUT */
    size_t text;      /* OUT: with no tag, the bytes that are text */
    int no_end;       /* a comment had no "-->": none after it has one */
};

/* A tag, comment or declaration at S[0] == '<' (N bytes on), as HTML
 * reads one: "<" and an element name (a letter, then letters, digits,
 * ':', '_' or '-', perhaps after a '/') ended by white space, '/' or '>',
 * then attributes up to a '>' (a value in quotes may hold any character);
 * "<!" or "<?" to a '>'; a comment to its "-->".  Returns its length; or
 * 0 when the "<" opens none (no name, or another "<" outside quotes, or
 * the end, before its '>'), with T->text the bytes from S that are text:
 * to that other "<".  So each byte is looked at once, however many "<"
 * the input has: a "<" inside a quoted value of a tag that did not end is
 * text, and is not looked at again. */
static size_t tag_at(const char *s, size_t n, struct tag *t)
{
    size_t i = 1;
    t->name = NULL;
    t->name_len = 0;
    t->text = 1;
    if (n >= 4 && !memcmp(s, "<!--", 4)) {
        for (i = 4; !t->no_end && i + 3 <= n; i++)
            if (!memcmp(s + i, "-->", 3))
                return i + 3;
        t->no_end = 1;
        return 0;
    }
    if (i < n && (s[i] == '!' || s[i] == '?'))
        i++;
    else {
        if (i < n && s[i] == '/')
            i++;
        if (i >= n || !isalpha((unsigned char)s[i]))
            return 0;
        t->name = s + i;
        while (i < n &&
               (isalnum((unsigned char)s[i]) || (s[i] && strchr(":_-", s[i]))))
            i++;
        t->name_len = (size_t)(s + i - t->name);
        if (i < n && !isspace((unsigned char)s[i]) && s[i] != '/' &&
            s[i] != '>')
            return 0;
    }
    while (i < n && s[i] != '>' && s[i] != '<') {
        if (s[i] != '=' || !t->name) {
            i++; /* white space, '/', an attribute's name, a declaration */
            continue;
        }
        for (i++; i < n && isspace((unsigned char)s[i]); i++)
            ;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
            const char *end = memchr(s + i + 1, s[i], n - i - 1);
            i = end ? (size_t)(end - s) + 1 : n;
        }
    }
    if (i < n && s[i] == '>')
        return i + 1;
    t->text = i;
    return 0;
}

int ns_html_escape_stray(const char *s, size_t n, ns_buf_t *out)
{
    struct tag t = {0};
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t k = lt ? (size_t)(lt - s) - i : n - i;
        if (ns_buf_append(out, s + i, k) < 0)
            return -1;
        i += k;
        if (!lt)
            break;
        size_t len = tag_at(lt, n - i, &t);
        if (len) {
            if (ns_buf_append(out, lt, len) < 0)
                return -1;
            i += len;
            continue;
        }
        for (size_t j = 0; j < t.text; j++)
            if (lt[j] == '<' ? ns_buf_puts(out, "&lt;") < 0
                             : ns_buf_putc(out, lt[j]) < 0)
                return -1;
        i += t.text;
    }
    return 0;
}

/* Is NAME (LEN bytes) one of HTML's elements: HTML 4's, which libxml2
 * knows, or one HTML5 added that news sites write? */
static int html_element(const char *name, size_t len)
{
    static const char *const html5[] = {
        "article", "aside",   "audio", "figcaption", "figure",  "footer",
        "header",  "main",    "mark",  "nav",        "picture", "section",
        "source",  "summary", "time",  "video",      NULL};
    char lower[16];
    if (len >= sizeof lower)
        return 0;
    for (size_t i = 0; i < len; i++)
        lower[i] = (char)tolower((unsigned char)name[i]);
    lower[len] = '\0';
    if (htmlTagLookup((const xmlChar *)lower))
        return 1;
    for (const char *const *h = html5; *h; h++)
        if (!strcmp(lower, *h))
            return 1;
    return 0;
}

/* The length of an entity reference of HTML at S[0] == '&' (N bytes on):
 * "&amp;", "&eacute;", "&#8217;", "&#x2019;"; or 0. */
static size_t entity_at(const char *s, size_t n)
{
    size_t i = 1;
    int numeric = i < n && s[i] == '#';
    int hex = numeric && i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
    i += (size_t)numeric + (size_t)hex;
    size_t start = i;
    while (i < n && i - start < 32 &&
           (hex       ? isxdigit((unsigned char)s[i])
            : numeric ? isdigit((unsigned char)s[i])
                      : isalnum((unsigned char)s[i])))
        i++;
    if (i == start || i >= n || s[i] != ';')
        return 0;
    if (numeric)
        return i + 1;
    char name[33];
    memcpy(name, s + start, i - start);
    name[i - start] = '\0';
    return htmlEntityLookup((const xmlChar *)name) ? i + 1 : 0;
}

int ns_html_holds_markup(const char *s, size_t n, int entities)
{
    struct tag t = {0};
    for (size_t i = 0; i < n;) {
        if (s[i] == '&' && entities && entity_at(s + i, n - i))
            return 1;
        if (s[i] != '<') {
            i++;
            continue;
        }
        size_t len = tag_at(s + i, n - i, &t);
        if (len && t.name && html_element(t.name, t.name_len))
            return 1;
        i += len ? len : t.text;
    }
    return 0;
}

int ns_html_escaped_twice(const char *raw, size_t n, const char *once,
                          size_t once_n)
{
    return !ns_html_holds_markup(raw, n, 0) &&
           ns_html_holds_markup(once, once_n, 1);
}

/* Is the tag at S (T from tag_at) one that says the text is broken into
 * paragraphs or lines already, or must keep its blank lines (<pre>)?  A
 * heading or a <div> does not: WordPress's classic editor keeps blank-line
 * paragraphs around the <h2>s a post has, and wpautop shows them so. */
static int paragraphed(const struct tag *t)
{
    static const char *const marks[] = {"p", "br", "pre", NULL};
    if (!t->name)
        return 0;
    for (const char *const *b = marks; *b; b++)
        if (strlen(*b) == t->name_len && !strncasecmp(t->name, *b, t->name_len))
            return 1;
    return 0;
}

/* 1 for the tag <pre> at S (T from tag_at), -1 for </pre>, else 0: the
 * blank lines inside are the text's own. */
static int pre_tag(const char *s, const struct tag *t)
{
    if (!t->name || t->name_len != 3 || strncasecmp(t->name, "pre", 3))
        return 0;
    return s[1] == '/' ? -1 : 1;
}

/* With a blank line at S[I] (a line break, blanks, another), the index
 * past its run of white space; else 0. */
static size_t blank_line(const char *s, size_t n, size_t i)
{
    if (s[i] != '\n')
        return 0;
    size_t j = i + 1;
    for (;
         j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n');
         j++)
        ;
    return memchr(s + i + 1, '\n', j - i - 1) ? j : 0;
}

int ns_html_autop(const char *s, size_t n, int always, ns_buf_t *out)
{
    /* Two passes: whether there is a blank line to make a paragraph of
     * (and, unless ALWAYS, no <p>, <br> or <pre>), then the copy.  A "<"
     * that opens no tag is text to the next "<" (tag_at looks at each
     * byte once). */
    for (int copy = 0; copy < 2; copy++) {
        struct tag t = {0};
        int in_pre = 0, blank = 0;
        size_t text_end = 0;
        if (copy && ns_buf_puts(out, "<p>") < 0)
            return -1;
        for (size_t i = 0; i < n;) {
            size_t past = in_pre ? 0 : blank_line(s, n, i);
            if (past) {
                blank = 1;
                if (copy && ns_buf_puts(out, "\n<p>") < 0)
                    return -1;
                i = past;
                continue;
            }
            size_t len = 1;
            if (s[i] == '<' && i >= text_end) {
                len = tag_at(s + i, n - i, &t);
                if (len && !always && paragraphed(&t))
                    return 0;
                if (len)
                    in_pre = in_pre + pre_tag(s + i, &t) > 0;
                else
                    text_end = i + t.text, len = 1;
            }
            if (copy && ns_buf_append(out, s + i, len) < 0)
                return -1;
            i += len;
        }
        if (!blank)
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Entities alone                                                           */
/* ------------------------------------------------------------------------ */

/* The code point of the numeric reference at S (LEN bytes, from entity_at:
 * "&#8217;", "&#x2019;"), as HTML reads it: none (0), a surrogate or one
 * past U+10FFFF is U+FFFD. */
static unsigned numeric_ref(const char *s, size_t len)
{
    int hex = s[2] == 'x' || s[2] == 'X';
    unsigned long cp = 0;
    for (size_t i = hex ? 3 : 2; i + 1 < len && cp <= 0x10ffff; i++) {
        int d = isdigit((unsigned char)s[i])
                    ? s[i] - '0'
                    : tolower((unsigned char)s[i]) - 'a' + 10;
        cp = cp * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0xfffd;
    return (unsigned)cp;
}

int ns_html_decode_entities(const char *s, size_t n, ns_buf_t *out)
{
    if (ns_buf_append(out, "", 0) < 0)
        return -1;
    for (size_t i = 0; i < n;) {
        size_t len = s[i] == '&' ? entity_at(s + i, n - i) : 0;
        if (!len) {
            const char *amp = memchr(s + i + 1, '&', n - i - 1);
            size_t run = amp ? (size_t)(amp - s) - i : n - i;
            if (ns_buf_append(out, s + i, run) < 0)
                return -1;
            i += run;
            continue;
        }
        unsigned cp;
        if (s[i + 1] == '#') {
            cp = numeric_ref(s + i, len);
        } else {
            char name[33];
            memcpy(name, s + i + 1, len - 2);
            name[len - 2] = '\0';
            cp = htmlEntityLookup((const xmlChar *)name)->value;
        }
        /* "&#146;" is windows-1252's U+2019, as browsers read it. */
        char byte = (char)cp;
        xmlChar utf8[8];
        int rc =
            cp >= 0x80 && cp <= 0x9f
                ? ns_windows1252_to_utf8(&byte, 1, out)
                : ns_buf_append(out, (const char *)utf8,
                                (size_t)xmlCopyCharMultiByte(utf8, (int)cp));
        if (rc < 0)
            return -1;
        i += len;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Whether a record's body is HTML                                          */
/* ------------------------------------------------------------------------ */

/* The elements that tell a body is HTML: what a CMS's editor writes for
 * paragraphs, headings, lists, quotes, figures, tables, links and
 * emphasis, each with an end tag.  A void one (<br>, <img>) is no
 * evidence: "<br> breaks a line" is prose. */
static const char *const BODY_TELLS[] = {
    "p",   "div",    "h1", "h2", "h3",         "h4",     "h5",
    "h6",  "ul",     "ol", "li", "blockquote", "figure", "figcaption",
    "a",   "strong", "em", "b",  "i",          "u",      "span",
    "pre", "table",  "tr", "td", "th"};
enum { BODY_TELLS_N = sizeof BODY_TELLS / sizeof *BODY_TELLS };

/* The index in BODY_TELLS of the element T names, or -1. */
static int body_tell(const struct tag *t)
{
    for (int k = 0; k < BODY_TELLS_N; k++)
        if (strlen(BODY_TELLS[k]) == t->name_len &&
            !strncasecmp(BODY_TELLS[k], t->name, t->name_len))
            return k;
    return -1;
}

/* Does the start tag at S (LEN bytes) have an attribute NAME (lower case)? */
static int has_attribute(const char *s, size_t len, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 1; i + n < len; i++)
        if (isspace((unsigned char)s[i - 1]) && !strncasecmp(s + i, name, n) &&
            (s[i + n] == '=' || isspace((unsigned char)s[i + n])))
            return 1;
    return 0;
}

int ns_html_is_body(const char *s, size_t n)
{
    /* A body is HTML when an element of BODY_TELLS is opened and closed
     * again ("<p>...</p>", "<a href=...>...</a>"), and the tags of
     * BODY_TELLS that are not void pair up, three in four at least (HTML a
     * CMS writes closes what it opens).  Text that names a tag ("use the
     * <p> tag", "<br> breaks a line") has no pair, or more tags alone than
     * paired ("<p> opens and </p> closes a paragraph, <b> is bold"); "a <
     * b and c > d" and "x<3" hold no tag at all (tag_at).  An <a> counts
     * only with an href, as an editor writes it. */
    unsigned opened[BODY_TELLS_N] = {0}, closed[BODY_TELLS_N] = {0};
    struct tag t = {0};
    for (size_t i = 0; i < n;) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        size_t len = tag_at(lt, n - i, &t);
        if (!len) {
            i += t.text;
            continue;
        }
        i += len;
        int k = t.name ? body_tell(&t) : -1;
        if (k < 0)
            continue;
        if (lt[1] == '/')
            closed[k]++;
        else if (strcmp(BODY_TELLS[k], "a") || has_attribute(lt, len, "href"))
            opened[k]++;
    }
    unsigned pairs = 0, alone = 0, tags = 0;
    for (int k = 0; k < BODY_TELLS_N; k++) {
        unsigned p = opened[k] < closed[k] ? opened[k] : closed[k];
        pairs += p;
        alone += opened[k] + closed[k] - 2 * p;
        tags += opened[k] + closed[k];
    }
    return pairs > 0 && alone * 4 <= tags;
}
