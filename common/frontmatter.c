/* frontmatter.c - The front matter at the start of a text or Markdown
 * file: a YAML header between "---" lines, or closed by "..." (yaml.c), a
 * TOML one between "+++" lines (toml.c), a JSON object with no fences
 * (frontmatter-json.c), or none.  Where it ends is where the body begins
 * (frontmatter-article.c); what its keys mean is frontmatter-keys.c's. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontmatter.h"
#include "ingest.h"

int ns_fm_next_line(const char **p, const char *end, const char **line,
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

/* Non-zero if LINE is the fence FENCE ("---"), white space after it
 * allowed. */
static int is_fence(const char *line, size_t len, const char *fence)
{
    while (len && isspace((unsigned char)line[len - 1]))
        len--;
    return len == 3 && memcmp(line, fence, 3) == 0;
}

const char *ns_fm_start(const char *text, size_t len, unsigned *lines)
{
    const char *p = text, *end = text + len, *q, *line;
    size_t llen;
    unsigned n = 0;
    *lines = 0;
    /* A UTF-8 byte order mark is noise from some editors. */
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    /* Hugo skips the white space and line ends before the header, and a
     * post with a blank line (or a space) before "---" was indexed with
     * its header as text: "draft: true" and a date to come were not read,
     * and an embargoed post went public. */
    for (q = p; q < end && (*q == ' ' || *q == '\t' || *q == '\r' ||
                            *q == '\n');
         q++)
        n += *q == '\n';
    if (q == p || q == end)
        return p;
    const char *at = q;
    if (!ns_fm_is_json(at, (size_t)(end - at)) &&
        !(ns_fm_next_line(&q, end, &line, &llen) &&
          (is_fence(line, llen, "---") || is_fence(line, llen, "+++"))))
        return p;
    *lines = n;
    return at;
}

/* The header as written, each key passed to FN as often as it is given. */
static int header_read(const char *text, size_t len, ns_fm_key_fn fn,
                       void *ctx, const char **body, char *err,
                       size_t err_size, unsigned *err_line)
{
    const char *end = text + len, *line;
    size_t llen;
    unsigned skipped;
    const char *p = ns_fm_start(text, len, &skipped);
    *body = p;
    if (ns_fm_is_json(p, (size_t)(end - p))) {
        size_t used;
        if (ns_json_header_read(p, (size_t)(end - p), fn, ctx, &used, err,
                                err_size, err_line) < 0) {
            *err_line += skipped;
            return -1;
        }
        /* The body begins on the next line, or after the spaces that
         * follow the "}" when text follows it on its line. */
        for (p += used; p < end && (*p == ' ' || *p == '\t');)
            p++;
        *body = p;
        return 0;
    }
    if (!ns_fm_next_line(&p, end, &line, &llen))
        return 0;
    const char *fence = is_fence(line, llen, "---")   ? "---"
                        : is_fence(line, llen, "+++") ? "+++"
                                                      : NULL;
    if (!fence)
        return 0;
    const char *header = p, *header_end = end;
    int closed = 0;
    while (ns_fm_next_line(&p, end, &line, &llen)) {
        /* YAML ends a document with "..." as well, and Jekyll and Pandoc
         * take it as the header's end: such a post was a skipped file. */
        if (is_fence(line, llen, fence) ||
            (fence[0] == '-' && is_fence(line, llen, "..."))) {
            header_end = line;
            closed = 1;
            break;
        }
    }
    if ((fence[0] == '-' ? ns_yaml_header_read : ns_toml_header_read)(
            header, (size_t)(header_end - header), skipped + 2, fn, ctx, err,
            err_size, err_line) < 0)
        return -1;
    if (!closed) {
        *err_line = skipped + 1;
        ns_set_err(err, err_size, "front matter is not closed by '%s'", fence);
        return -1;
    }
    *body = p;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Keys given twice                                                         */
/* ------------------------------------------------------------------------ */

/* A key given more than once is read as Jekyll (Ruby's YAML) and Python
 * read it: the last one is kept, for every key alike.  Before, each field
 * kept whichever its setter kept (the last title, the first date), and
 * no word was said; YAML and TOML forbid it and Hugo refuses the file,
 * but a skipped post would lose more than a title.  Keys are compared
 * without case, as the fields are found (frontmatter-keys.c).  Past
 * MAX_KEYS distinct keys the rest are passed as given. */
#define MAX_KEYS 256

struct key_count {
    char name[64];
    unsigned given, seen;
};

struct key_counts {
    struct key_count *k;
    size_t n;
    ns_fm_key_fn fn;
    void *ctx;
    char twice[64]; /* find_twice: the first key met again */
};

static struct key_count *find_key(struct key_counts *c, const char *key,
                                  size_t klen, int add)
{
    if (klen >= sizeof c->k->name)
        return NULL;
    for (size_t i = 0; i < c->n; i++)
        if (strlen(c->k[i].name) == klen &&
            !strncasecmp(c->k[i].name, key, klen))
            return &c->k[i];
    if (!add || c->n == MAX_KEYS)
        return NULL;
    struct key_count *k = &c->k[c->n++];
    memcpy(k->name, key, klen);
    k->name[klen] = '\0';
    k->given = k->seen = 0;
    return k;
}

static int count_key(void *ctx, const char *key, size_t klen,
                     const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)v, (void)err, (void)err_size;
    struct key_count *k = find_key(ctx, key, klen, 1);
    if (k)
        k->given++;
    return 0;
}

/* Pass the last of each key on to the caller's FN. */
static int last_key(void *ctx, const char *key, size_t klen,
                    const ns_fm_value_t *v, char *err, size_t err_size)
{
    struct key_counts *c = ctx;
    struct key_count *k = find_key(c, key, klen, 0);
    if (k && ++k->seen < k->given)
        return 0;
    return c->fn(c->ctx, key, klen, v, err, err_size);
}

int ns_fm_header_read(const char *text, size_t len, ns_fm_key_fn fn, void *ctx,
                      const char **body, char *err, size_t err_size,
                      unsigned *err_line)
{
    struct key_counts c = {calloc(MAX_KEYS, sizeof *c.k), 0, fn, ctx, ""};
    if (!c.k) {
        *err_line = 1;
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    /* A header that does not read says so in the second pass. */
    (void)header_read(text, len, count_key, &c, body, err, err_size,
                      err_line);
    int rc = header_read(text, len, last_key, &c, body, err, err_size,
                         err_line);
    free(c.k);
    return rc;
}

/* Refuse the first key given a second time, so that the header reader
 * says its line. */
static int find_twice(void *ctx, const char *key, size_t klen,
                      const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)v;
    struct key_counts *c = ctx;
    struct key_count *k = find_key(c, key, klen, 1);
    if (!k || ++k->given < 2)
        return 0;
    snprintf(c->twice, sizeof c->twice, "%s", k->name);
    ns_set_err(err, err_size, "twice");
    return -1;
}

/* Refuse KEY (the ctx), compared without case, the first time it is
 * given. */
static int first_given(void *ctx, const char *key, size_t klen,
                       const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)v;
    const char *want = ctx;
    if (strlen(want) != klen || strncasecmp(want, key, klen))
        return 0;
    ns_set_err(err, err_size, "found");
    return -1;
}

unsigned ns_fm_key_twice(const char *text, size_t len, char *key,
                         size_t key_size, unsigned *first)
{
    struct key_counts c = {calloc(MAX_KEYS, sizeof *c.k), 0, NULL, NULL, ""};
    const char *body;
    char err[16];
    unsigned line = 0;
    if (!c.k)
        return 0;
    int rc = header_read(text, len, find_twice, &c, &body, err, sizeof err,
                         &line);
    free(c.k);
    if (rc == 0 || strcmp(err, "twice") || !line)
        return 0;
    snprintf(key, key_size, "%s", c.twice);
    *first = 0;
    if (header_read(text, len, first_given, c.twice, &body, err, sizeof err,
                    first) == 0 ||
        strcmp(err, "found"))
        *first = 1;
    return line;
}

int ns_frontmatter_keys(const char *text, size_t len, ns_fm_key_fn fn,
                        void *ctx, char *err, size_t err_size,
                        unsigned *err_line)
{
    const char *body;
    return ns_fm_header_read(text, len, fn, ctx, &body, err, err_size,
                             err_line);
}

/* Refuse KEY (the ctx), so that the header reader says its line. */
static int stop_at(void *ctx, const char *key, size_t klen,
                   const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)v;
    const char *want = ctx;
    if (strlen(want) != klen || memcmp(want, key, klen))
        return 0;
    ns_set_err(err, err_size, "found");
    return -1;
}

unsigned ns_fm_key_line(const char *text, size_t len, const char *key)
{
    char err[16];
    unsigned line = 0;
    int rc = ns_frontmatter_keys(text, len, stop_at, (void *)key, err,
                                 sizeof err, &line);
    return rc < 0 && !strcmp(err, "found") && line ? line : 1;
}
