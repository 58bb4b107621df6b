/* reader-origin.c - What a file of one article read in a directory walk
 * says of its article by where it is: its path below the directory
 * walked ("source"), and inside a Hugo site its section.
 *
 * A post with a slug and no "url" (Hugo's and Jekyll's usual post) was
 * stored with nothing a site could rebuild its link from: the slug is
 * only the last part of the URL, and the file's path was lost.  The path
 * is kept, as the article's "source".
 *
 * Hugo puts a page in the section of its first directory under content/
 * (content/news/local/ferry.md is in "news"), whether or not the front
 * matter names one; a post without "section" or "categories" had none
 * here, and section:news and the section facet did not find it.  A page
 * of a Hugo site, a walked root's content/ or a SOURCE inside content/,
 * takes it so.  A plain directory of Markdown files does not: it is as
 * often an archive by date or by origin (archive/2024/03/,
 * wires/reuters/), where "2024" or "wires" would be a desk nobody wrote,
 * and an archive indexed before would see every article's section
 * change.  What the front matter names wins. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader.h"

/* The path of r's source below the content/ of the Hugo site it is in
 * ("" for content/ itself, "news" for content/news), or NULL when it is
 * in none.  Hugo makes pages of content/ alone, so an ancestor that is a
 * site's root with the source in its content/ is the site. */
static char *site_base(const ns_reader_t *r)
{
    char real[PATH_MAX], content[PATH_MAX + 16], found[PATH_MAX];
    if (!realpath(r->root, real))
        return NULL;
    size_t n = strlen(real);
    while (n > 1) {
        while (n > 1 && real[n - 1] != '/')
            n--;
        char parent[PATH_MAX];
        size_t pn = n > 1 ? n - 1 : 1;
        memcpy(parent, real, pn);
        parent[pn] = '\0';
        n = pn;
        if (!ns_walk_hugo_root(parent))
            continue;
        snprintf(content, sizeof content, "%s/content",
                 strcmp(parent, "/") ? parent : "");
        if (!realpath(content, found))
            return NULL;
        size_t fn = strlen(found);
        if (strncmp(real, found, fn) != 0 ||
            (real[fn] != '\0' && real[fn] != '/'))
            return NULL; /* the site's, but not its content */
        return strdup(real[fn] ? real + fn + 1 : "");
    }
    return NULL;
}

/* The path of the walked FILE below the content/ of its Hugo site, in
 * BUF, or NULL if it is in none. */
static const char *below_content(ns_reader_t *r, const char *file,
                                 ns_buf_t *buf)
{
    size_t best = 0;
    for (size_t i = 0; i < r->walk.n_content_roots; i++) {
        const char *root = r->walk.content_roots[i];
        size_t n = strlen(root);
        if (n > best && !strncmp(file, root, n) && file[n] == '/')
            best = n;
    }
    if (best)
        return file + best + 1;
    if (!r->site_looked) {
        r->site_looked = 1;
        r->site_base = site_base(r);
    }
    if (!r->site_base)
        return NULL;
    const char *rel = file + r->root_len;
    while (*rel == '/')
        rel++;
    if ((*r->site_base && (ns_buf_puts(buf, r->site_base) < 0 ||
                           ns_buf_putc(buf, '/') < 0)) ||
        ns_buf_puts(buf, rel) < 0)
        return NULL;
    return buf->p;
}

/* Give ART the section of its first directory under content/, as Hugo
 * does.  A page at the top of content/ has none, nor has a leaf bundle
 * there (content/about/index.md: a page, the directory no section). */
static int hugo_section(ns_reader_t *r, ns_article_t *art)
{
    ns_buf_t buf = {0};
    const char *below = below_content(r, r->path, &buf);
    const char *slash = below ? strchr(below, '/') : NULL;
    int rc = 0;
    if (slash && !(strncmp(slash + 1, "index.", 6) == 0 &&
                   !strchr(slash + 1, '/'))) {
        size_t n = (size_t)(slash - below);
        char err[256];
        /* A name not in UTF-8 is no label; one over the limit is left
         * out, as a front matter's is not cut into another desk. */
        if (ns_utf8_valid(below, n) &&
            ns_set_label(&art->section, "section", below, n, NS_MAX_LABEL, err,
                         sizeof err) < 0) {
            snprintf(r->err, sizeof r->err, "%s", err);
            rc = -1;
        }
    }
    ns_buf_free(&buf);
    return rc;
}

int ns_reader_origin(ns_reader_t *r, ns_article_t *art)
{
    if (!r->walked)
        return 0;
    const char *rel = r->path + r->root_len;
    while (*rel == '/')
        rel++;
    /* Without a ".gz", as the id (reader-file.c): gzipping an archive in
     * place leaves its articles unchanged, where the path counted in
     * their fingerprint had them all stored again, and the path is the
     * page a site links to.  A name not in UTF-8, or with a control
     * character, could be in no JSON answer, and is left out. */
    size_t n = strlen(rel);
    if (n > 3 && strcasecmp(rel + n - 3, ".gz") == 0)
        n -= 3;
    if (!art->source && n && ns_utf8_valid(rel, n) &&
        ns_control_char(rel, n) < 0 && !(art->source = strndup(rel, n))) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return -1;
    }
    if (!art->section && r->kind == KIND_TEXT)
        return hugo_section(r, art);
    return 0;
}
