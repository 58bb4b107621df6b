/* frontmatter-keys.c - What the keys of a front-matter header mean: each
 * goes through article.c's setters, so it follows the same rules as JSON
 * Lines, and the keys of Hugo, Jekyll, Astro, Eleventy and Zola (slug,
 * categories, lastmod, pubDate, taxonomies) are read as those generators
 * mean them; and which keys make a post a draft or date it by its file. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontmatter.h"
#include "ingest.h"

/* V as one value: the string, or the first item of a list. */
static const char *one_value(const ns_fm_value_t *v, size_t *len)
{
    if (!v->is_list) {
        *len = v->text.len;
        return v->text.p ? v->text.p : "";
    }
    if (!v->n_items) {
        *len = 0;
        return "";
    }
    return ns_fm_value_item(v, 0, len);
}

static int set_date(ns_article_t *art, const char *s, size_t len, char *err,
                    size_t err_size)
{
    char *d = ns_label_dup(s, len);
    if (!d) {
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    int rc = ns_set_date_or_warn(art, d, err, err_size);
    free(d);
    return rc;
}

static int is_word(const char *s, size_t len, const char *word)
{
    return len == strlen(word) && strncasecmp(s, word, len) == 0;
}

/* The rank of the date key K (lower case) among those Hugo dates a post
 * by, the first the highest; 0 for other keys. */
static int date_rank(const char *k)
{
    static const char *const keys[] = {"date",      "publishdate", "pubdate",
                                       "published", "lastmod",     "modified"};
    size_t n = sizeof keys / sizeof *keys;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(k, keys[i]))
            return (int)(n - i);
    return 0;
}

/* Non-zero if S (LEN bytes) reads as a date. */
static int is_date(const char *s, size_t len)
{
    char *d = ns_label_dup(s, len);
    ns_article_t tmp = {0};
    char err[8];
    int ok = d && ns_set_date(&tmp, d, err, sizeof err) == 0 && tmp.date;
    free(d);
    ns_article_clear(&tmp);
    return ok;
}

/* Non-zero if S (LEN bytes) is one of the words by which Eleventy dates a
 * post by its file: "Last Modified" and "Created", and the same from git
 * ("git Last Modified", "git Created"), which is the file's time here too,
 * as nindex runs no git.  Before, each such post was a skipped file
 * ("unparsable date 'Last Modified'"). */
static int file_time_word(const char *s, size_t len)
{
    ns_trim_spaces(&s, &len);
    if (len > 4 && !strncasecmp(s, "git ", 4)) {
        s += 4, len -= 4;
        ns_trim_spaces(&s, &len);
    }
    return is_word(s, len, "last modified") || is_word(s, len, "created");
}

/* RC of a label's setter, and a label left out as too long (RC 1, ERR
 * saying so) kept as ART's warning: the article is read on. */
static int label_rc(ns_article_t *art, int rc, const char *err)
{
    if (rc > 0)
        ns_article_warn(art, err);
    return rc < 0 ? -1 : 0;
}

/* A list of bylines is one author field "Kari Nordmann, Ola Nordmann", as
 * in JSON Lines, as far as the label limit holds whole names. */
static int set_authors(ns_article_t *art, const ns_fm_value_t *v, char *err,
                       size_t err_size)
{
    ns_buf_t by = {0};
    for (size_t i = 0; i < v->n_items; i++) {
        size_t n;
        const char *name = ns_fm_value_item(v, i, &n);
        ns_trim_spaces(&name, &n);
        size_t skip = ns_byline_word(name, n); /* each "By Kari" */
        name += skip, n -= skip;
        size_t sep = by.len ? 2 : 0;
        if (!n || by.len + sep + n > NS_MAX_LABEL)
            continue;
        if (ns_buf_append(&by, ", ", sep) < 0 ||
            ns_buf_append(&by, name, n) < 0) {
            ns_buf_free(&by);
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
    }
    int rc = ns_set_label(&art->author, "author", by.p ? by.p : "", by.len,
                          NS_MAX_LABEL, err, err_size);
    ns_buf_free(&by);
    return rc;
}

/* Non-zero for the characters a Jekyll post's "tags" and "categories"
 * strings are split at: white space, as Jekyll splits them, and commas,
 * which Jekyll would keep at the end of a word ("a, b" is a and b). */
static int is_word_break(char c)
{
    return c == ',' || isspace((unsigned char)c);
}

/* The first word of S (LEN bytes) in a Jekyll post's string: its first
 * category.  Sets *len to its length. */
static const char *first_word(const char *s, size_t *len)
{
    const char *end = s + *len;
    while (s < end && is_word_break(*s))
        s++;
    const char *e = s;
    while (e < end && !is_word_break(*e))
        e++;
    *len = (size_t)(e - s);
    return s;
}

/* Each word of S (LEN bytes) a tag, as Jekyll reads "tags: ruby static". */
static int push_words(ns_article_t *art, const char *s, size_t len, char *err,
                      size_t err_size)
{
    const char *end = s + len;
    while (s < end) {
        size_t n = (size_t)(end - s);
        const char *w = first_word(s, &n);
        if (n && label_rc(art,
                          ns_list_push(&art->tags, &art->n_tags, "tag", w, n,
                                       NS_MAX_LABEL, err, err_size),
                          err) < 0)
            return -1;
        s = w + n;
    }
    return 0;
}

/* Tags: each item of a list; a string is split at its commas as JSON
 * Lines splits one, and in a Jekyll post (JEKYLL) at its white space too,
 * as Jekyll splits it. */
static int push_tags(ns_article_t *art, const ns_fm_value_t *v, int jekyll,
                     char *err, size_t err_size)
{
    if (!v->is_list && jekyll)
        return push_words(art, v->text.p ? v->text.p : "", v->text.len, err,
                          err_size);
    if (!v->is_list) {
        char *t = ns_label_dup(v->text.p ? v->text.p : "", v->text.len);
        if (!t) {
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
        int rc = ns_push_tag_string(art, t, err, err_size);
        free(t);
        return rc;
    }
    for (size_t i = 0; i < v->n_items; i++) {
        size_t n;
        const char *t = ns_fm_value_item(v, i, &n);
        if (label_rc(art,
                     ns_list_push(&art->tags, &art->n_tags, "tag", t, n,
                                  NS_MAX_LABEL, err, err_size),
                     err) < 0)
            return -1;
    }
    return 0;
}

/* Whether S (LEN bytes) is a Jekyll permalink template: a "/:" in it. */
static int is_template(const char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '/' && s[i + 1] == ':')
            return 1;
    return 0;
}

static int field_key(void *ctx, const char *key, size_t klen,
                     const ns_fm_value_t *v, char *err, size_t err_size)
{
    struct ns_fm_fields *h = ctx;
    ns_article_t *art = h->art;
    char k[32];
    if (klen >= sizeof k)
        return 0;
    for (size_t i = 0; i < klen; i++)
        k[i] = (char)tolower((unsigned char)key[i]);
    k[klen] = '\0';
    size_t len;
    const char *s = one_value(v, &len);

    /* Zola has a post's tags, categories and authors only in its
     * [taxonomies] table (and themes its byline in [extra]): read them as
     * Hugo's keys of those names.  A Zola site had none. */
    if (!strncmp(k, "taxonomies.", 11) &&
        (!strcmp(k + 11, "tags") || !strcmp(k + 11, "categories") ||
         !strcmp(k + 11, "authors")))
        memmove(k, k + 11, strlen(k + 11) + 1);
    else if (!strcmp(k, "extra.author") && !art->author)
        memmove(k, k + 6, strlen(k + 6) + 1);

    if (!strcmp(k, "id")) {
        h->slug_id = h->slug_id && !len;
        return ns_set_id(art, s, len, err, err_size);
    }
    if (!strcmp(k, "title"))
        return ns_set_label(&art->title, "title", s, len, 0, err, err_size);
    if (!strcmp(k, "section") || !strcmp(k, "category"))
        return label_rc(art,
                        ns_set_label(&art->section, "section", s, len,
                                     NS_MAX_LABEL, err, err_size),
                        err);
    if (!strcmp(k, "author") || !strcmp(k, "authors"))
        return v->is_list
                   ? set_authors(art, v, err, err_size)
                   : label_rc(art,
                              ns_set_label(&art->author, "author", s, len,
                                           NS_MAX_LABEL, err, err_size),
                              err);
    if (!strcmp(k, "lang") || !strcmp(k, "language"))
        return label_rc(
            art, ns_set_label(&art->lang, "lang", s, len, 32, err, err_size),
            err);
    /* Jekyll's address of a post: its url when it has no url:.  A
     * template ("/:categories/:title/") is Jekyll's to fill in, no
     * address. */
    if (!strcmp(k, "permalink") && !art->url && s && !is_template(s, len))
        return label_rc(
            art, ns_set_label(&art->url, "url", s, len, 4096, err, err_size),
            err);
    if (!strcmp(k, "url"))
        return label_rc(
            art, ns_set_label(&art->url, "url", s, len, 4096, err, err_size),
            err);
    /* When the post last changed: Hugo's lastmod, Jekyll's
     * last_modified_at, or updated or modified; the first the header
     * has.  It keeps an older copy from replacing a correction, as an
     * Atom entry's <updated> does (README "Updates").  One that does not
     * read costs that check, not the post.  lastmod and modified date
     * the post too, for want of a date (below). */
    if (s && !art->updated &&
        (!strcmp(k, "lastmod") || !strcmp(k, "last_modified_at") ||
         !strcmp(k, "updated") || !strcmp(k, "modified"))) {
        char *d = ns_label_dup(s, len), why[200], said[300];
        if (!d) {
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
        if (ns_set_updated(art, d, why, sizeof why) < 0) {
            snprintf(said, sizeof said, "field '%s': %s: left out", k, why);
            ns_article_warn(art, said);
        }
        free(d);
    }
    /* Hugo dates a post by the first of date, publishDate, pubdate,
     * published, lastmod and modified that the header has (its default
     * [frontmatter] date), in whatever order the header gives them, and
     * Astro's blog starter by pubDate: such a post was indexed undated. */
    int rank = date_rank(k);
    if (rank) {
        if (rank <= h->date_rank)
            return 0;
        /* Jekyll's "published: false" is no date (draft_key), nor is its
         * true; and as published.c reads it, a "published" that is no
         * date is passed over, not a skipped file. */
        if (!strcmp(k, "published") && !is_date(s, len))
            return 0;
        h->date_rank = rank;
        /* Eleventy's "date: Last Modified" is the file's time, which
         * the reader knows (ns_frontmatter_dated_by_file). */
        if (!strcmp(k, "date") && file_time_word(s, len)) {
            free(art->date); /* a pubDate before it */
            art->date = NULL;
            art->time = 0;
            return 0;
        }
        return set_date(art, s, len, err, err_size);
    }
    if (!strcmp(k, "tags"))
        return push_tags(art, v, h->jekyll, err, err_size);
    if (!strcmp(k, "keywords"))
        return push_tags(art, v, 0, err, err_size);

    /* Hugo's and Jekyll's keys for the same fields yield to the ones
     * above, whichever comes first in the header. */
    if (!strcmp(k, "categories")) {
        /* "categories: World, Europe" is World; a Jekyll post's
         * "categories: jekyll update" is two, jekyll first, as Jekyll
         * splits the string (Hugo keeps a string whole: one category).
         * The others are tags, as a feed's other categories are: a post
         * filed under Politics and Europe was not found by tag:europe. */
        size_t before = art->n_tags;
        if (push_tags(art, v, h->jekyll, err, err_size) < 0)
            return -1;
        if (art->section)
            return 0;
        const char *comma = v->is_list ? NULL : memchr(s, ',', len);
        if (!v->is_list && h->jekyll)
            s = first_word(s, &len);
        else if (comma)
            len = (size_t)(comma - s);
        if (label_rc(art,
                     ns_set_label(&art->section, "section", s, len,
                                  NS_MAX_LABEL, err, err_size),
                     err) < 0)
            return -1;
        /* The section is no tag of its own. */
        for (size_t i = before; art->section && i < art->n_tags; i++)
            if (!strcmp(art->tags[i], art->section)) {
                free(art->tags[i]);
                memmove(art->tags + i, art->tags + i + 1,
                        (art->n_tags - i - 1) * sizeof *art->tags);
                art->n_tags--;
                break;
            }
        return 0;
    }
    if (!strcmp(k, "slug") && !art->id) {
        int rc = ns_set_id(art, s, len, err, err_size);
        h->slug_id = art->id != NULL; /* a translation's: lang_slug() */
        return rc;
    }
    return 0;
}

/* Non-zero if KEY (KLEN bytes) is one field_key reads. */
static int is_field(const char *key, size_t klen)
{
    static const char *const fields[] = {
        "id",       "title",        "section",     "category",
        "author",   "authors",      "lang",        "language",
        "permalink", "url",         "lastmod",     "last_modified_at",
        "updated",  "modified",     "date",        "publishdate",
        "pubdate",  "published",    "tags",        "keywords",
        "categories", "slug"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (is_word(key, klen, fields[i]))
            return 1;
    return 0;
}

int ns_fm_field_key(void *ctx, const char *key, size_t klen,
                    const ns_fm_value_t *v, char *err, size_t err_size)
{
    struct ns_fm_fields *h = ctx;
    int had = h->art->warning != NULL;
    int rc = 0;
    /* A mapping where a field's value belongs ("title: {a: 1}", or an
     * unfilled Hugo archetype's "title: {{ .Name }}") was passed over
     * without a word, and the body's first line became the title. */
    if (v->is_map && is_field(key, klen)) {
        char said[200];
        snprintf(said, sizeof said,
                 "key '%.*s' is a mapping, not text: left out (quote the "
                 "value to keep it as text)",
                 (int)(klen < 64 ? klen : 64), key);
        ns_article_warn(h->art, said);
    } else if (!v->is_map) {
        rc = field_key(ctx, key, klen, v, err, err_size);
    }
    /* "title: [a, b]" is titled "a", as a key of one value takes a
     * list's first item; the rest of the title is said to be lost. */
    if (rc == 0 && v->is_list && v->n_items > 1 &&
        is_word(key, klen, "title")) {
        char said[200];
        snprintf(said, sizeof said,
                 "key 'title' is a list of %zu items: the first is kept "
                 "(quote the value to keep it whole)",
                 v->n_items);
        ns_article_warn(h->art, said);
    }
    /* The article keeps its first warning: the key that gave it is where
     * the reader points (a "date: circa 1910" on line 5 was said to be
     * on line 1, the file's first). */
    if (!had && h->art->warning && klen < sizeof h->warned)
        snprintf(h->warned, sizeof h->warned, "%.*s", (int)klen, key);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Drafts and file dates                                                    */
/* ------------------------------------------------------------------------ */

/* Hugo and Jekyll leave out a file whose front matter says "draft: true"
 * (or yes; "draft = true" in TOML), and Jekyll one that says "published:
 * false" (its way to keep a post off the site, an embargoed one say;
 * Hugo's "published" is a date, which is no false). */
static int draft_key(void *ctx, const char *key, size_t klen,
                     const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)err, (void)err_size;
    size_t len;
    const char *s = one_value(v, &len);
    int *draft = ctx;
    if (is_word(key, klen, "draft") &&
        (is_word(s, len, "true") || is_word(s, len, "yes")))
        *draft = 1;
    else if (is_word(key, klen, "published") && !*draft &&
             (is_word(s, len, "false") || is_word(s, len, "no")))
        *draft = 2;
    return 0;
}

/* Whether the header's "date" is one of Eleventy's words for the file's
 * time (file_time_word). */
static int file_date_key(void *ctx, const char *key, size_t klen,
                         const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)err, (void)err_size;
    size_t len;
    const char *s = one_value(v, &len);
    if (is_word(key, klen, "date"))
        *(int *)ctx = file_time_word(s, len);
    return 0;
}

int ns_frontmatter_dated_by_file(const char *text, size_t len)
{
    int by_file = 0;
    char err[8];
    unsigned line;
    (void)ns_frontmatter_keys(text, len, file_date_key, &by_file, err,
                              sizeof err, &line);
    return by_file;
}

int ns_frontmatter_is_draft(const char *text, size_t len)
{
    int draft = 0;
    char err[8];
    unsigned line;
    /* A header that does not read is reported by ns_article_from_text. */
    (void)ns_frontmatter_keys(text, len, draft_key, &draft, err, sizeof err,
                              &line);
    return draft;
}

/* Whether the header's "furniture" says the page's furniture is cut. */
static int furniture_key(void *ctx, const char *key, size_t klen,
                         const ns_fm_value_t *v, char *err, size_t err_size)
{
    (void)err, (void)err_size;
    size_t len;
    const char *s = one_value(v, &len);
    if (is_word(key, klen, "furniture"))
        *(int *)ctx = is_word(s, len, "true") || is_word(s, len, "yes");
    return 0;
}

int ns_frontmatter_furniture(const char *text, size_t len)
{
    int cut = 0;
    char err[8];
    unsigned line, skipped;
    const char *body, *start = ns_fm_start(text, len, &skipped);
    /* A header that does not read is reported by ns_article_from_text. */
    if (ns_fm_header_read(text, len, furniture_key, &cut, &body, err,
                          sizeof err, &line) < 0)
        return 0;
    if (body == start)
        return 1;
    return cut ? 2 : 0;
}
