/* reader-slugs.c - Posts of one directory walk that share a slug.
 *
 * A post's "slug" is its id when it has no "id" (frontmatter-keys.c).
 * Hugo and Jekyll take a slug as the last part of the page's URL only:
 * "news/roundup.md" and "sport/roundup.md", both "slug: weekly-roundup",
 * are two pages, /news/weekly-roundup/ and /sport/weekly-roundup/.  As
 * one id, one replaced the other in the index on every run, and the
 * first was never found.  So before the first post of a walk is read,
 * the headers of its Markdown and text files are looked at (the header
 * alone is parsed), and a slug that two published posts give, in the
 * same language, is made an id with the directory of each: its URL's
 * path below the source ("news/weekly-roundup"), whatever order the
 * files are read in.  Two such posts in one directory, which the site
 * puts at the same URL too, take their paths ("news/a.md").  A slug no
 * other post gives keeps its id: an archive indexed before keeps its
 * ids, but for the posts that come to share one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "frontmatter.h"
#include "reader.h"

/* What a header says of its id. */
struct header_id {
    int has_id;  /* a non-empty "id" */
    char *slug;  /* "slug", or NULL */
};

static int header_key(void *ctx, const char *key, size_t klen,
                      const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)err, (void)err_size;
    struct header_id *h = ctx;
    size_t len = 0;
    const char *s = "";
    if (!v->is_list) {
        s = v->text.p ? v->text.p : "";
        len = v->text.len;
    } else if (v->n_items) {
        s = ns_fm_value_item(v, 0, &len);
    }
    if (klen == 2 && !strncmp(key, "id", 2) && len)
        h->has_id = 1;
    if (klen == 4 && !strncmp(key, "slug", 4) && len && !h->slug)
        h->slug = strndup(s, len);
    return 0;
}

/* The directory of the page REL (a path below the source) as its URL
 * has it: a bundle's "index.md" is the page of its directory's name,
 * the slug taking that name's place. */
static size_t url_dir(const char *rel)
{
    const char *base = strrchr(rel, '/');
    if (!base)
        return 0;
    if (!strncmp(base + 1, "index.", 6)) {
        const char *up = base;
        while (up > rel && up[-1] != '/')
            up--;
        return up > rel ? (size_t)(up - 1 - rel) : 0;
    }
    return (size_t)(base - rel);
}

/* The header of FILE, read whole (a post is small), as ns_reader_next_text
 * reads it; -1 if it cannot be had (reported when the file is read). */
static int read_file(const char *file, ns_buf_t *text)
{
    gzFile gz = gzopen(file, "rb");
    if (!gz)
        return -1;
    char chunk[65536];
    int n, rc = 0;
    while (rc == 0 && (n = gzread(gz, chunk, sizeof chunk)) > 0)
        if (text->len + (size_t)n > NS_MAX_RECORD ||
            ns_buf_append(text, chunk, (size_t)n) < 0)
            rc = -1;
    gzclose(gz);
    return rc;
}

static int cmp_key(const void *a, const void *b)
{
    const struct slug_post *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    c = x->dir_len < y->dir_len ? -1 : x->dir_len > y->dir_len;
    return c ? c : strncmp(x->rel, y->rel, x->dir_len);
}

static int cmp_rel(const void *a, const void *b)
{
    return strcmp(((const struct slug_post *)a)->rel,
                  ((const struct slug_post *)b)->rel);
}

/* Add the post of FILE, if its id is its slug, to r->slugs. */
static int scan_file(ns_reader_t *r, const char *file, int64_t now)
{
    ns_format_t fmt = ns_format_by_name(file);
    if (fmt != NS_FMT_MARKDOWN && fmt != NS_FMT_TEXT)
        return 0;
    ns_buf_t text = {0};
    struct header_id h = {0};
    char why[256], rel[4096];
    unsigned line;
    int rc = 0;
    snprintf(rel, sizeof rel, "%s", ns_reader_rel(r, file, why, sizeof why));
    if (read_file(file, &text) == 0 && text.p &&
        ns_frontmatter_hidden(text.p, text.len, file,
                              fmt == NS_FMT_MARKDOWN, now, why, sizeof why,
                              &line) == 0 &&
        ns_frontmatter_keys(text.p, text.len, header_key, &h, why,
                            sizeof why, &line) == 0 &&
        h.slug && !h.has_id) {
        struct slug_post *grown =
            realloc(r->slugs, (r->n_slugs + 1) * sizeof *r->slugs);
        ns_buf_t key = {0};
        char lang[16] = "";
        size_t n;
        const char *named = ns_fm_name_lang(rel, &n);
        if (named && n < sizeof lang) {
            memcpy(lang, named, n);
            lang[n] = '\0';
            if (ns_lang_code(lang) < 0 || !strcmp(lang, r->default_lang))
                lang[0] = '\0';
        }
        if (!grown || ns_buf_puts(&key, lang) < 0 ||
            ns_buf_putc(&key, '/') < 0 || ns_buf_puts(&key, h.slug) < 0) {
            r->slugs = grown ? grown : r->slugs;
            ns_buf_free(&key);
            rc = -1;
        } else {
            r->slugs = grown;
            struct slug_post *p = &r->slugs[r->n_slugs];
            *p = (struct slug_post){.rel = strdup(rel), .key = key.p,
                                    .slug = h.slug, .dir_len = url_dir(rel)};
            h.slug = NULL;
            if (!p->rel) {
                free(p->key);
                free(p->slug);
                rc = -1;
            } else {
                r->n_slugs++;
            }
        }
    }
    free(h.slug);
    ns_buf_free(&text);
    return rc;
}

/* Look at every post of the walk, once; mark those that share a slug. */
static int scan(ns_reader_t *r)
{
    r->slugs_scanned = 1;
    int64_t now = (int64_t)time(NULL);
    for (size_t i = 0; i < r->walk.n_files; i++) {
        const char *file = r->walk.files[i];
        size_t n = strlen(file);
        if (n && file[n - 1] != '/' && scan_file(r, file, now) < 0)
            return -1;
    }
    if (!r->n_slugs)
        return 0;
    qsort(r->slugs, r->n_slugs, sizeof *r->slugs, cmp_key);
    for (size_t i = 0, j; i < r->n_slugs; i = j) {
        for (j = i + 1; j < r->n_slugs && !strcmp(r->slugs[i].key,
                                                  r->slugs[j].key);
             j++)
            ;
        for (size_t k = i; j - i > 1 && k < j; k++) {
            struct slug_post *p = &r->slugs[k];
            p->other = r->slugs[k + 1 < j ? k + 1 : i].rel;
            /* One directory: the same URL; the path tells them apart. */
            p->by_path = (k > i && !cmp_key(p, p - 1)) ||
                         (k + 1 < j && !cmp_key(p, p + 1));
        }
    }
    /* Found by path from now on; OTHER points at a string, not a slot. */
    qsort(r->slugs, r->n_slugs, sizeof *r->slugs, cmp_rel);
    return 0;
}

int ns_reader_own_slug(ns_reader_t *r, const char *rel, ns_article_t *art)
{
    if (!r->walked || !art->id)
        return 0;
    if (!r->slugs_scanned && scan(r) < 0) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return -1;
    }
    struct slug_post key = {.rel = (char *)rel};
    struct slug_post *p =
        r->n_slugs ? bsearch(&key, r->slugs, r->n_slugs, sizeof *r->slugs,
                             cmp_rel)
                   : NULL;
    if (!p || !p->other)
        return 0;
    /* The id the header gave: the slug, or "LANG/slug" for a
     * translation (frontmatter-article.c); anything else is not the
     * post the scan saw. */
    size_t idn = strlen(art->id), sn = strlen(p->slug);
    if (idn < sn || strcmp(art->id + idn - sn, p->slug) != 0 ||
        (idn > sn && art->id[idn - sn - 1] != '/'))
        return 0;
    ns_buf_t id = {0};
    int rc;
    if (p->by_path)
        rc = ns_buf_puts(&id, rel);
    else
        rc = ns_buf_append(&id, art->id, idn - sn) < 0 ||
                     ns_buf_append(&id, rel, p->dir_len) < 0 ||
                     (p->dir_len && ns_buf_putc(&id, '/') < 0) ||
                     ns_buf_puts(&id, p->slug) < 0
                 ? -1
                 : 0;
    if (rc < 0 || !id.p) {
        ns_buf_free(&id);
        snprintf(r->err, sizeof r->err, "out of memory");
        return -1;
    }
    if (ns_set_id(art, id.p, id.len, r->err, sizeof r->err) < 0) {
        ns_buf_free(&id);
        return -1;
    }
    snprintf(r->warn, sizeof r->warn,
             "slug '%s' is also that of %s: indexed as '%s', %s (an 'id' in "
             "its front matter chooses another)",
             p->slug, p->other, art->id,
             p->by_path ? "its path, as both are in one directory"
                        : "with its directory, as the site's URL has it");
    ns_buf_free(&id);
    return 0;
}

void ns_reader_slugs_free(ns_reader_t *r)
{
    for (size_t i = 0; i < r->n_slugs; i++) {
        free(r->slugs[i].rel);
        free(r->slugs[i].key);
        free(r->slugs[i].slug);
    }
    free(r->slugs);
    r->slugs = NULL;
    r->n_slugs = 0;
}
