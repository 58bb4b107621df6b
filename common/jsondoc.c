/* jsondoc.c - Articles from JSON documents other than JSON Lines: an array
 * of article objects (what most exporters write, and the WordPress REST
 * API in its own shape, wpjson.c), one or more objects pretty-printed over
 * several lines, or a JSON Feed, whose items are read one by one
 * (jsonfeed.c).
 *
 * The document is read one element at a time: jansson parses each element
 * from a sliding window (JSON_DISABLE_EOF_CHECK stops it at the element's
 * end and says how far it read), so an archive of any size costs one
 * article of memory, and each element is held to NS_MAX_RECORD.  Only the
 * separators between elements ("[", ",", "]" and white space) are looked
 * at here.  An element that is valid JSON but not a valid article is
 * reported and skipped, and so is one jansson refuses for what is inside
 * its strings or numbers (a byte that is not UTF-8, a NUL, a duplicate
 * key), whose end its brackets still show (reframe); a syntax error ends
 * the document, because nothing after it can be trusted to start an
 * element, and the file counts as one not read whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

#define CHUNK 65536

struct ns_jsondoc {
    ns_read_fn read;
    void *ctx;
    char *buf;
    size_t start, len, cap; /* unread bytes are buf[start, len) */
    int eof, failed;
    int state;      /* 0: not started, 1: in an array, 2: a series of objects */
    int need_comma; /* in an array, after an element */
    int closed;     /* an array has ended */
    unsigned line;  /* line of buf[start] */
    unsigned items;
    json_t *feed; /* a JSON Feed whose items are being read, or NULL */
    size_t next;  /* its next item */
    unsigned feed_line;
    unsigned *item_line; /* the line each of its items starts on */
    size_t n_item_lines;
};

ns_jsondoc_t *ns_jsondoc_open(ns_read_fn read, void *ctx)
{
    ns_jsondoc_t *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->read = read;
    d->ctx = ctx;
    d->line = 1;
    return d;
}

ns_jsondoc_t *ns_jsondoc_open_after(ns_read_fn read, void *ctx,
                                    const char *head, size_t len)
{
    ns_jsondoc_t *d = ns_jsondoc_open(read, ctx);
    if (!d)
        return NULL;
    d->cap = len + 4 * CHUNK; /* fill() grows it from there */
    if (!(d->buf = malloc(d->cap + 1))) {
        free(d);
        return NULL;
    }
    memcpy(d->buf, head, len);
    d->len = len;
    return d;
}

void ns_jsondoc_close(ns_jsondoc_t *d)
{
    if (!d)
        return;
    json_decref(d->feed);
    free(d->item_line);
    free(d->buf);
    free(d);
}

/* The line each item of a JSON Feed's "items" starts on, from the feed's
 * text P (N bytes, its first line FIRST), so that an item is reported at
 * its own line, not the feed's first.  Only the structure is followed:
 * strings (and their escapes) skipped, depth counted. */
static void find_item_lines(ns_jsondoc_t *d, const char *p, size_t n,
                            unsigned first)
{
    free(d->item_line);
    d->item_line = NULL;
    d->n_item_lines = 0;
    unsigned line = first;
    int depth = 0, in_items = 0, want_value = 0;
    const char *key = NULL; /* the last string at depth 1 */
    size_t key_len = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\n') {
            line++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        if (in_items && depth == 2 && want_value && c != ']') {
            if (d->n_item_lines == cap) {
                cap = cap ? 2 * cap : 64;
                unsigned *g = realloc(d->item_line, cap * sizeof *g);
                if (!g)
                    return; /* the feed's line, then */
                d->item_line = g;
            }
            d->item_line[d->n_item_lines++] = line;
            want_value = 0;
        }
        if (c == '"') {
            size_t start = ++i;
            while (i < n && p[i] != '"')
                i += p[i] == '\\' ? 2 : 1;
            if (depth == 1) {
                key = p + start;
                key_len = i - start;
            }
        } else if (c == '{' || c == '[') {
            depth++;
            if (depth == 2 && c == '[' && key && key_len == 5 &&
                memcmp(key, "items", 5) == 0) {
                in_items = 1;
                want_value = 1;
            }
        } else if (c == '}' || c == ']') {
            if (depth == 2 && in_items)
                in_items = 0;
            depth--;
        } else if (c == ',' && depth == 2 && in_items) {
            want_value = 1;
        }
    }
}

/* Read at least WANT more bytes unless the input ends first.  Returns 0,
 * or -1 on a read error or allocation failure. */
static int fill(ns_jsondoc_t *d, size_t want)
{
    if (d->start > 0 && d->start >= d->len / 2) {
        memmove(d->buf, d->buf + d->start, d->len - d->start);
        d->len -= d->start;
        d->start = 0;
    }
    while (!d->eof && want > 0) {
        if (d->cap - d->len < CHUNK) {
            size_t cap = d->cap ? d->cap * 2 : 4 * CHUNK;
            char *grown = realloc(d->buf, cap + 1);
            if (!grown)
                return -1;
            d->buf = grown;
            d->cap = cap;
        }
        ssize_t n = d->read(d->ctx, d->buf + d->len, d->cap - d->len);
        if (n < 0)
            return -1;
        if (n == 0)
            d->eof = 1;
        d->len += (size_t)n;
        want = (size_t)n >= want ? 0 : want - (size_t)n;
    }
    return 0;
}

static void advance(ns_jsondoc_t *d, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d->line += d->buf[d->start + i] == '\n';
    d->start += n;
}

/* Skip white space (and a UTF-8 byte order mark at the start); returns the
 * next byte, or -1 at the end. */
static int peek(ns_jsondoc_t *d)
{
    for (;;) {
        while (d->start < d->len) {
            unsigned char c = (unsigned char)d->buf[d->start];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance(d, 1);
            } else if (c == 0xef && d->len - d->start >= 3 &&
                       memcmp(d->buf + d->start, "\xef\xbb\xbf", 3) == 0) {
                d->start += 3;
            } else {
                return c;
            }
        }
        if (d->eof || fill(d, 1) < 0 || d->start >= d->len)
            return -1;
    }
}

/* The bytes of the document from buf[start] to its end, read into the
 * buffer over what it held, to count them: the document is not read on.
 * Returns the count, or -1 on a read error. */
static long long rest_of(ns_jsondoc_t *d)
{
    long long n = (long long)(d->len - d->start);
    d->start = d->len = 0;
    if (!d->buf)
        return d->eof ? n : -1;
    while (!d->eof) {
        ssize_t got = d->read(d->ctx, d->buf, d->cap);
        if (got < 0)
            return -1;
        d->eof = got == 0;
        n += got;
    }
    return n;
}

/* A syntax error in the element at buf[start]: nothing after it can be
 * trusted to start an element, so the document ends here.  It was one
 * skipped item: the summary said "1 skipped" for an array that lost its
 * last 29 articles, and a rebuild published without them.  Now it is
 * NS_ITEM_CUT, a file not read whole (as a feed the XML parser gave up
 * on, feed.c), and ERR says how much was not read. */
static int cut(ns_jsondoc_t *d, unsigned item, char *err, size_t err_size,
               const char *why)
{
    d->failed = 1;
    long long rest = rest_of(d);
    char bytes[48] = "";
    if (rest >= 0)
        snprintf(bytes, sizeof bytes, "%lld byte%s, ", rest,
                 rest == 1 ? "" : "s");
    snprintf(err, err_size,
             "item %u: %s; the rest of the document (%sfrom item %u) was not "
             "read",
             item, why, bytes, item);
    return NS_ITEM_CUT;
}

static int fail(ns_jsondoc_t *d, unsigned *line, char *err, size_t err_size,
                const char *why)
{
    d->failed = 1;
    *line = d->line;
    snprintf(err, err_size, "%s", why);
    return NS_ITEM_BAD;
}

/* The length of the element at P (N bytes) as its brackets and strings
 * frame it, what is inside its strings not read: 0 when it does not end
 * within N bytes, (size_t)-1 when it is no object, array or string. */
static size_t frame(const char *p, size_t n)
{
    if (n == 0)
        return 0;
    if (p[0] != '{' && p[0] != '[' && p[0] != '"')
        return (size_t)-1;
    size_t depth = 0;
    int in_string = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (in_string) {
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in_string = 0;
                if (depth == 0)
                    return i + 1; /* a string element */
            }
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return 0;
}

/* P (N bytes, framed by frame()) with its values made harmless and
 * parsed: every byte of a string that is past ASCII or a control
 * character is an 'x', every escape '\\\\', and every number 0 and spaces.
 * jansson parses that exactly when the element's only faults are inside
 * its strings and numbers (a byte that is not UTF-8, a NUL, a duplicate
 * key, an escape or a number it refuses), which move none of its
 * brackets: its frame is then the one a parser gives it.  NULL when it
 * does not parse (a syntax error) or on an allocation failure. */
static json_t *parse_harmless(const char *p, size_t n)
{
    char *q = malloc(n ? n : 1);
    if (!q)
        return NULL;
    memcpy(q, p, n);
    int in_string = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)q[i];
        if (in_string) {
            if (c == '\\') {
                if (i + 1 < n)
                    q[++i] = '\\';
            } else if (c == '"') {
                in_string = 0;
            } else if (c < 0x20 || c >= 0x7f) {
                q[i] = 'x';
            }
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            q[i] = '0';
            while (i + 1 < n && q[i + 1] && strchr("0123456789+-.eE", q[i + 1]))
                q[++i] = ' ';
        }
    }
    json_error_t e;
    json_t *v = json_loadb(q, n, JSON_DECODE_ANY, &e);
    free(q);
    return v;
}

/* The element at buf[start] that jansson refused, when its brackets
 * still show where it ends: its length in *LEN (more of the document
 * read as needed, up to NS_MAX_RECORD) and its shape, parsed from a
 * harmless copy (parse_harmless).  NULL for a syntax error. */
static json_t *reframe(ns_jsondoc_t *d, size_t *len)
{
    for (;;) {
        size_t n = frame(d->buf + d->start, d->len - d->start);
        if (n == (size_t)-1)
            return NULL;
        if (n > 0) {
            *len = n;
            return parse_harmless(d->buf + d->start, n);
        }
        if (d->eof || d->len - d->start > NS_MAX_RECORD ||
            fill(d, d->len - d->start + CHUNK) < 0)
            return NULL;
    }
}

/* The article of the object TEXT (LEN bytes), read as a line of JSON
 * Lines is; its item number is d->items.  Returns NS_ITEM_*. */
static int record(ns_jsondoc_t *d, const char *text, size_t len,
                  ns_article_t *art, char *err, size_t err_size)
{
    char why[400] = "out of memory";
    int got = -1;
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        memset(art, 0, sizeof *art);
        snprintf(why, sizeof why, "NUL byte at byte %zu (not text)",
                 (size_t)(nul - text) + 1);
    } else if (text) {
        got = ns_article_from_record(text, len, art, why, sizeof why);
    } else {
        memset(art, 0, sizeof *art);
    }
    if (got < 0) {
        snprintf(err, err_size, "item %u: %s", d->items, why);
        return NS_ITEM_BAD;
    }
    if (got > 0) { /* not published: its id alone */
        snprintf(err, err_size, "%s", why);
        return NS_ITEM_IGNORED;
    }
    return NS_ITEM_OK;
}

/* The next item of the JSON Feed being read, as an article. */
static int feed_item(ns_jsondoc_t *d, ns_article_t *art, unsigned *item,
                     unsigned *line, char *err, size_t err_size)
{
    json_t *items = json_object_get(d->feed, "items");
    json_t *it = json_array_get(items, d->next++);
    d->items++;
    *item = d->items;
    *line = d->next - 1 < d->n_item_lines ? d->item_line[d->next - 1]
                                          : d->feed_line;
    char why[400];
    if (ns_jsonfeed_item(d->feed, it, art, why, sizeof why) < 0) {
        snprintf(err, err_size, "item %u: %s", d->items, why);
        return NS_ITEM_BAD;
    }
    return NS_ITEM_OK;
}

int ns_jsondoc_next(ns_jsondoc_t *d, ns_article_t *art, unsigned *item,
                    unsigned *line, char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
again:
    *item = d->items;
    if (d->feed) {
        if (d->next < json_array_size(json_object_get(d->feed, "items")))
            return feed_item(d, art, item, line, err, err_size);
        json_decref(d->feed);
        d->feed = NULL;
    }
    if (d->failed)
        return NS_ITEM_END;
    int c = peek(d);
    if (d->state == 0) {
        if (c == '[') {
            d->state = 1;
            advance(d, 1);
            c = peek(d);
        } else if (c == '{') {
            d->state = 2;
        } else if (c < 0) {
            return NS_ITEM_END;
        } else {
            return fail(d, line, err, err_size,
                        d->closed ? "text after the end of the JSON array "
                                    "that starts no array or object"
                                  : "not a JSON array or object of articles");
        }
    }
    if (d->state == 1) {
        if (c == ']') {
            /* What follows is read as what starts a document: another
             * array (two exports joined with cat), objects (JSON Lines
             * appended), or the end; anything else is said.  It was
             * dropped without a word, exit 0, and --prune deleted the
             * articles it held. */
            advance(d, 1);
            d->state = 0;
            d->need_comma = 0;
            d->closed = 1;
            goto again;
        }
        if (d->need_comma) {
            if (c < 0)
                return fail(d, line, err, err_size,
                            "unexpected end of the JSON array");
            if (c != ',') { /* "[{...} {...}]": the same as a syntax error */
                *line = d->line;
                *item = d->items + 1;
                return cut(d, d->items + 1, err, err_size,
                           "expected ',' or ']' before it");
            }
            advance(d, 1);
            c = peek(d);
        }
        if (c < 0)
            return fail(d, line, err, err_size,
                        "unexpected end of the JSON array");
    } else if (c < 0) {
        return NS_ITEM_END;
    }

    /* One element, read more until jansson has all of it. */
    json_t *v;
    json_error_t jerr;
    for (;;) {
        v = json_loadb(d->buf + d->start, d->len - d->start,
                       JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY |
                           JSON_REJECT_DUPLICATES,
                       &jerr);
        if (v || d->eof ||
            json_error_code(&jerr) != json_error_premature_end_of_input)
            break;
        if (d->len - d->start > NS_MAX_RECORD) {
            d->items++;
            *item = d->items;
            char why[96];
            snprintf(why, sizeof why, "item %u: longer than %u bytes", d->items,
                     NS_MAX_RECORD);
            return fail(d, line, err, err_size, why);
        }
        if (fill(d, d->len - d->start + CHUNK) < 0)
            return fail(d, line, err, err_size, "read error");
    }
    if (v && ns_jsonfeed_is(v)) {
        /* Its items are the articles, one per call. */
        d->feed = v;
        d->next = 0;
        d->feed_line = d->line;
        find_item_lines(d, d->buf + d->start, (size_t)jerr.position, d->line);
        advance(d, (size_t)jerr.position);
        d->need_comma = 1;
        goto again; /* not a call: a file of empty feeds is no recursion */
    }
    d->items++;
    *item = d->items;
    *line = d->line;
    if (!v) {
        *line = d->line + (jerr.line > 0 ? (unsigned)jerr.line - 1 : 0);
        char why[200];
        snprintf(why, sizeof why, "malformed JSON: %s", jerr.text);
        /* A fault inside one element's strings or numbers (one byte
         * of windows-1252 in a title) ended the document there: 2,222 of
         * BBC News' 2,225 articles as one array were lost.  Its brackets
         * still frame it: it is read as a line of JSON Lines is, which
         * reads what jansson cannot hold and says what is wrong. */
        size_t n = 0;
        json_t *shape = reframe(d, &n);
        if (!shape)
            return cut(d, d->items, err, err_size, why);
        int rc = NS_ITEM_BAD;
        if (!json_is_object(shape))
            snprintf(err, err_size, "item %u: not a JSON object", d->items);
        else if (ns_wpjson_is(shape) || ns_jsonfeed_is(shape))
            snprintf(err, err_size, "item %u: %s", d->items, why);
        else
            rc = record(d, d->buf + d->start, n, art, err, err_size);
        json_decref(shape);
        advance(d, n);
        d->need_comma = 1;
        return rc;
    }
    advance(d, (size_t)jerr.position);
    d->need_comma = 1;
    int rc = NS_ITEM_OK;
    if (!json_is_object(v)) {
        snprintf(err, err_size, "item %u: not a JSON object", d->items);
        rc = NS_ITEM_BAD;
    } else if (ns_wpjson_is(v)) {
        char why[400];
        rc = ns_wpjson_post(v, art, why, sizeof why);
        if (rc == NS_ITEM_IGNORED)
            snprintf(err, err_size, "%s", why);
        else if (rc == NS_ITEM_BAD)
            snprintf(err, err_size, "item %u: %s", d->items, why);
    } else {
        /* A record as a CMS exports it, as a line of JSON Lines is. */
        char *text = json_dumps(v, JSON_COMPACT);
        rc = record(d, text, text ? strlen(text) : 0, art, err, err_size);
        free(text);
    }
    json_decref(v);
    return rc;
}
