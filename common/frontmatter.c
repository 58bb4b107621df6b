/* frontmatter.c - Articles as text or Markdown files with front matter:
 * a "key: value" header between "---" lines (or none), then the body.
 * Markdown headings become the article's headings; the fields go through
 * article.c's setters, so they follow the same rules as JSON Lines. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

/* Non-zero if the LEN bytes at S are all white space.  They need not end
 * in a NUL: a line inside a larger buffer.  Scanning on to a NUL there would
 * make each line cost the rest of the file (quadratic) and read past the
 * caller's buffer. */
static int is_blank_n(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

/* Next line of [*p, end): sets *line and *len (without the newline) and
 * advances *p past it.  Returns 0 at the end. */
static int next_line(const char **p, const char *end, const char **line,
                     size_t *len)
{
    if (*p >= end)
        return 0;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *line = *p;
    *len = (size_t)((nl ? nl : end) - *p);
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
    *p = nl ? nl + 1 : end;
    return 1;
}

static int is_fence(const char *line, size_t len)
{
    while (len && isspace((unsigned char)line[len - 1]))
        len--;
    return len == 3 && memcmp(line, "---", 3) == 0;
}

/* If LINE is a Markdown ATX heading ("## Key Allegations"), set *text and
 * *tlen to its words and return its level; else return 0. */
static int heading_level(const char *line, size_t len, const char **text,
                         size_t *tlen)
{
    size_t lvl = 0;
    while (lvl < len && line[lvl] == '#')
        lvl++;
    if (lvl == 0 || lvl > 6 || lvl >= len ||
        (line[lvl] != ' ' && line[lvl] != '\t'))
        return 0;
    const char *a = line + lvl, *b = line + len;
    while (a < b && isspace((unsigned char)*a))
        a++;
    while (b > a && (isspace((unsigned char)b[-1]) || b[-1] == '#'))
        b--;
    if (a == b)
        return 0;
    *text = a;
    *tlen = (size_t)(b - a);
    return (int)lvl;
}

static void strip_quotes(const char **v, size_t *len)
{
    if (*len >= 2 && ((*v)[0] == '"' || (*v)[0] == '\'') &&
        (*v)[*len - 1] == (*v)[0]) {
        (*v)++;
        *len -= 2;
    }
}

/* The items of a YAML flow list's inside, "a, 'b', \"c\"", into OUT as
 * "a, b, c", as far as SIZE holds whole items. */
static void flow_items(const char *v, size_t len, char *out, size_t size)
{
    size_t used = 0;
    const char *end = v + len;
    out[0] = '\0';
    while (v < end) {
        const char *comma = memchr(v, ',', (size_t)(end - v));
        const char *a = v, *b = comma ? comma : end;
        v = comma ? comma + 1 : end;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        size_t n = (size_t)(b - a);
        strip_quotes(&a, &n);
        size_t sep = used ? 2 : 0;
        if (!n || used + sep + n >= size)
            continue;
        memcpy(out + used, ", ", sep);
        memcpy(out + used + sep, a, n);
        used += sep + n;
        out[used] = '\0';
    }
}

/* Apply one "key: value" header line.  Unknown keys are ignored: front
 * matter written for static site generators carries many (draft, layout,
 * slug) that mean nothing to a search index. */
static int apply_header(ns_article_t *art, const char *key, size_t klen,
                        const char *v, size_t vlen, char *err, size_t err_size)
{
    char k[32];
    if (klen >= sizeof k)
        return 0;
    for (size_t i = 0; i < klen; i++)
        k[i] = (char)tolower((unsigned char)key[i]);
    k[klen] = '\0';
    strip_quotes(&v, &vlen);

    if (!strcmp(k, "id"))
        return ns_set_id(art, v, vlen, err, err_size);
    if (!strcmp(k, "title"))
        return ns_set_label(&art->title, "title", v, vlen, 0, err, err_size);
    if (!strcmp(k, "section") || !strcmp(k, "category"))
        return ns_set_label(&art->section, "section", v, vlen, NS_MAX_LABEL,
                            err, err_size);
    if (!strcmp(k, "author") || !strcmp(k, "authors")) {
        /* A list of bylines, "[Kari Nordmann, 'Ola Nordmann']", is one
         * author field "Kari Nordmann, Ola Nordmann", as in JSON Lines. */
        char by[NS_MAX_LABEL + 1];
        if (vlen >= 2 && v[0] == '[' && v[vlen - 1] == ']') {
            flow_items(v + 1, vlen - 2, by, sizeof by);
            v = by;
            vlen = strlen(by);
        }
        return ns_set_label(&art->author, "author", v, vlen, NS_MAX_LABEL, err,
                            err_size);
    }
    if (!strcmp(k, "lang") || !strcmp(k, "language"))
        return ns_set_label(&art->lang, "lang", v, vlen, 32, err, err_size);
    if (!strcmp(k, "url"))
        return ns_set_label(&art->url, "url", v, vlen, 4096, err, err_size);
    if (!strcmp(k, "date")) {
        char *d = ns_label_dup(v, vlen);
        if (!d) {
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
        int rc = ns_set_date(art, d, err, err_size);
        free(d);
        return rc;
    }
    if (!strcmp(k, "tags") || !strcmp(k, "keywords")) {
        char *t = ns_label_dup(v, vlen);
        if (!t) {
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
        int rc = ns_push_tag_string(art, t, err, err_size);
        free(t);
        return rc;
    }
    return ns_frontmatter_extra(art, k, v, vlen, err, err_size);
}

int ns_article_from_text(const char *text, size_t len, const char *default_id,
                         ns_article_t *art, char *err, size_t err_size,
                         unsigned *err_line)
{
    const char *p = text, *end = text + len, *line;
    size_t llen;
    unsigned lineno = 0;
    ns_buf_t body = {0};

    memset(art, 0, sizeof *art);
    if (err_line)
        *err_line = 1;
    size_t bad = ns_utf8_check(text, len);
    if (bad != len) {
        if (err_line) {
            for (size_t i = 0; i < bad; i++)
                *err_line += text[i] == '\n';
        }
        ns_set_err(err, err_size, "invalid UTF-8");
        return -1;
    }
    /* A UTF-8 byte order mark is noise from some editors. */
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;

    /* A key with no value on its line may own a YAML block list, the
     * "  - item" lines after it (how Jekyll and Hugo sites write tags,
     * categories and authors); it is applied as the flow list "[item,
     * item]" once the list ends. */
    struct {
        char key[32];
        size_t klen;
        unsigned line;
        ns_buf_t items;
    } list = {{0}, 0, 0, {0}};
    const char *save = p;
    if (next_line(&p, end, &line, &llen) && is_fence(line, llen)) {
        lineno = 1;
        int closed = 0;
        while (next_line(&p, end, &line, &llen)) {
            lineno++;
            const char *s = line, *send = line + llen;
            while (s < send && (*s == ' ' || *s == '\t'))
                s++;
            if (list.klen && s < send && *s == '-' &&
                (s + 1 == send || isspace((unsigned char)s[1]))) {
                const char *item = s + 1;
                size_t ilen = (size_t)(send - item);
                while (ilen && isspace((unsigned char)*item))
                    item++, ilen--;
                while (ilen && isspace((unsigned char)item[ilen - 1]))
                    ilen--;
                if (ilen && ((list.items.len &&
                              ns_buf_append(&list.items, ", ", 2) < 0) ||
                             ns_buf_append(&list.items, item, ilen) < 0)) {
                    ns_set_err(err, err_size, "out of memory");
                    goto fail;
                }
                continue;
            }
            if (list.klen && !is_blank_n(line, llen)) {
                /* The list ended: apply the key with it, or with its empty
                 * value when it had none. */
                int rc;
                if (list.items.len) {
                    ns_buf_t flow = {0};
                    rc = ns_buf_putc(&flow, '[') < 0 ||
                                 ns_buf_append(&flow, list.items.p,
                                               list.items.len) < 0 ||
                                 ns_buf_putc(&flow, ']') < 0
                             ? (ns_set_err(err, err_size, "out of memory"), -1)
                             : apply_header(art, list.key, list.klen, flow.p,
                                            flow.len, err, err_size);
                    ns_buf_free(&flow);
                } else {
                    rc = apply_header(art, list.key, list.klen, "", 0, err,
                                      err_size);
                }
                ns_buf_free(&list.items);
                list.items = (ns_buf_t){0};
                list.klen = 0;
                if (rc < 0) {
                    if (err_line)
                        *err_line = list.line;
                    goto fail;
                }
            }
            if (is_fence(line, llen)) {
                closed = 1;
                break;
            }
            if (is_blank_n(line, llen) || line[0] == '#')
                continue;
            const char *colon = memchr(line, ':', llen);
            if (!colon || colon == line) {
                if (err_line)
                    *err_line = lineno;
                ns_set_err(err, err_size,
                           "front matter line is not 'key: value'");
                goto fail;
            }
            const char *kend = colon;
            while (kend > line && isspace((unsigned char)kend[-1]))
                kend--;
            const char *v = colon + 1, *vend = line + llen;
            while (v < vend && isspace((unsigned char)*v))
                v++;
            while (vend > v && isspace((unsigned char)vend[-1]))
                vend--;
            if (v == vend && (size_t)(kend - line) < sizeof list.key) {
                memcpy(list.key, line, (size_t)(kend - line));
                list.klen = (size_t)(kend - line);
                list.line = lineno;
                continue;
            }
            if (apply_header(art, line, (size_t)(kend - line), v,
                             (size_t)(vend - v), err, err_size) < 0) {
                if (err_line)
                    *err_line = lineno;
                goto fail;
            }
        }
        if (!closed) {
            if (err_line)
                *err_line = 1;
            ns_set_err(err, err_size, "front matter is not closed by '---'");
            goto fail;
        }
    } else {
        p = save;
    }

    /* The body: headings are collected; without a title in the header, the
     * first level-1 heading (or else the first line) is the title. */
    int started = 0;
    while (next_line(&p, end, &line, &llen)) {
        const char *h;
        size_t hlen;
        int lvl = heading_level(line, llen, &h, &hlen);
        if (!started && llen == 0)
            continue;
        if (!started && !art->title && (lvl == 1 || lvl == 0)) {
            started = 1;
            const char *t = lvl ? h : line;
            size_t tlen = lvl ? hlen : llen;
            if (ns_set_label(&art->title, "title", t, tlen, 0, err, err_size) <
                0)
                goto fail;
            continue;
        }
        started = 1;
        if (lvl && ns_list_push(&art->headings, &art->n_headings, "heading", h,
                                hlen, 0, err, err_size) < 0)
            goto fail;
        if ((body.len || llen) && (ns_buf_append(&body, line, llen) < 0 ||
                                   ns_buf_putc(&body, '\n') < 0)) {
            ns_set_err(err, err_size, "out of memory");
            goto fail;
        }
    }
    while (body.len && isspace((unsigned char)body.p[body.len - 1]))
        body.p[--body.len] = '\0';
    art->body = ns_clean_dup(body.p ? body.p : "", body.len);
    ns_buf_free(&body);
    if (!art->body) {
        ns_set_err(err, err_size, "out of memory");
        goto fail;
    }
    if (!art->id && default_id &&
        ns_set_id(art, default_id, strlen(default_id), err, err_size) < 0)
        goto fail;
    if (ns_article_finish(art, err, err_size) < 0)
        goto fail;
    return 0;

fail:
    ns_buf_free(&list.items);
    ns_buf_free(&body);
    ns_article_clear(art);
    return -1;
}
