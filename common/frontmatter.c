/* frontmatter.c - Articles as text or Markdown files with front matter:
 * a YAML header between "---" lines, or closed by "..." (yaml.c), a TOML
 * one between "+++" lines (toml.c), or none, then the body.
 * Markdown headings become the article's headings; the header's keys go
 * through article.c's setters, so they follow the same rules as JSON
 * Lines, and the keys of Hugo, Jekyll, Astro and Eleventy (slug,
 * categories, lastmod, pubDate, draft) are read as those generators mean
 * them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontmatter.h"
#include "ingest.h"

/* ------------------------------------------------------------------------ */
/* Values                                                                   */
/* ------------------------------------------------------------------------ */

int ns_fm_value_end_item(ns_fm_value_t *v)
{
    if (v->n_items == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        size_t *ends = realloc(v->ends, cap * sizeof *ends);
        if (!ends)
            return -1;
        v->ends = ends;
        v->cap = cap;
    }
    v->ends[v->n_items++] = v->text.len;
    return 0;
}

const char *ns_fm_value_item(const ns_fm_value_t *v, size_t i, size_t *len)
{
    size_t start = i ? v->ends[i - 1] : 0;
    *len = v->ends[i] - start;
    return v->text.p ? v->text.p + start : "";
}

int ns_fm_put_utf8(ns_buf_t *out, unsigned long cp)
{
    unsigned char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xc0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            return -1;
        b[0] = (unsigned char)(0xe0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 3;
    } else if (cp <= 0x10ffff) {
        b[0] = (unsigned char)(0xf0 | cp >> 18);
        b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        b[3] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 4;
    } else {
        return -1;
    }
    return ns_buf_append(out, (const char *)b, n);
}

void ns_fm_value_reset(ns_fm_value_t *v)
{
    ns_buf_reset(&v->text);
    v->n_items = 0;
    v->is_list = 0;
}

void ns_fm_value_free(ns_fm_value_t *v)
{
    ns_buf_free(&v->text);
    free(v->ends);
    *v = (ns_fm_value_t){0};
}

/* ------------------------------------------------------------------------ */
/* Keys to fields                                                           */
/* ------------------------------------------------------------------------ */

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
    int rc = ns_set_date(art, d, err, err_size);
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

/* Apply one header key to the article ART (CTX).  Unknown keys are
 * ignored: front matter written for static site generators carries many
 * (layout, weight, params) that mean nothing to a search index.  A key of
 * one value given a list takes its first item. */
struct header {
    ns_article_t *art;
    int date_rank; /* of the key the date came from (apply_key) */
    int jekyll;    /* a Jekyll post: "tags" and "categories" are words */
};

static int apply_key(void *ctx, const char *key, size_t klen,
                     const ns_fm_value_t *v, char *err, size_t err_size)
{
    struct header *h = ctx;
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

    if (!strcmp(k, "id"))
        return ns_set_id(art, s, len, err, err_size);
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
    if (!strcmp(k, "url"))
        return label_rc(
            art, ns_set_label(&art->url, "url", s, len, 4096, err, err_size),
            err);
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
    if (!strcmp(k, "slug") && !art->id)
        return ns_set_id(art, s, len, err, err_size);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* The header                                                               */
/* ------------------------------------------------------------------------ */

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

/* Non-zero if LINE is the fence FENCE ("---"), white space after it
 * allowed. */
static int is_fence(const char *line, size_t len, const char *fence)
{
    while (len && isspace((unsigned char)line[len - 1]))
        len--;
    return len == 3 && memcmp(line, fence, 3) == 0;
}

/* Read the front matter at the start of TEXT, if any, passing each key to
 * FN: YAML between "---" lines, or TOML between "+++" lines as Hugo
 * writes it by default.  *BODY is set to where the body begins.  Returns
 * 0, or -1 with ERR and *ERR_LINE. */
static int read_header(const char *text, size_t len, ns_fm_key_fn fn, void *ctx,
                       const char **body, char *err, size_t err_size,
                       unsigned *err_line)
{
    const char *p = text, *end = text + len, *line;
    size_t llen;
    /* A UTF-8 byte order mark is noise from some editors. */
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    *body = p;
    if (!next_line(&p, end, &line, &llen))
        return 0;
    const char *fence = is_fence(line, llen, "---")   ? "---"
                        : is_fence(line, llen, "+++") ? "+++"
                                                      : NULL;
    if (!fence)
        return 0;
    const char *header = p, *header_end = end;
    int closed = 0;
    while (next_line(&p, end, &line, &llen)) {
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
            header, (size_t)(header_end - header), 2, fn, ctx, err, err_size,
            err_line) < 0)
        return -1;
    if (!closed) {
        *err_line = 1;
        ns_set_err(err, err_size, "front matter is not closed by '%s'", fence);
        return -1;
    }
    *body = p;
    return 0;
}

int ns_frontmatter_keys(const char *text, size_t len, ns_fm_key_fn fn,
                        void *ctx, char *err, size_t err_size,
                        unsigned *err_line)
{
    const char *body;
    return read_header(text, len, fn, ctx, &body, err, err_size, err_line);
}

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
    const char *body;
    char err[8];
    unsigned line;
    (void)read_header(text, len, file_date_key, &by_file, &body, err,
                      sizeof err, &line);
    return by_file;
}

int ns_frontmatter_is_draft(const char *text, size_t len)
{
    int draft = 0;
    const char *body;
    char err[8];
    unsigned line;
    /* A header that does not read is reported by ns_article_from_text. */
    (void)read_header(text, len, draft_key, &draft, &body, err, sizeof err,
                      &line);
    return draft;
}

/* ------------------------------------------------------------------------ */
/* The article                                                              */
/* ------------------------------------------------------------------------ */

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

static int strstr_n(const char *s, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(s + i, what, n))
            return 1;
    return 0;
}

/* Non-zero if LINE holds no words a reader sees, so that it names no
 * title: a template tag or shortcode ("{{< figure src=x >}}", "{% include
 * x %}"), an HTML comment or an image alone on its line.  It stays in the
 * body, where Markdown leaves it out or keeps its words (an image's alt
 * text). */
static int no_title_line(const char *line, size_t len)
{
    while (len && isspace((unsigned char)line[len - 1]))
        len--;
    while (len && isspace((unsigned char)*line))
        line++, len--;
    struct {
        const char *open, *close;
    } const pairs[] = {
        {"{{", "}}"}, {"{%", "%}"}, {"<!--", "-->"}, {"![", ")"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        size_t o = strlen(pairs[i].open), c = strlen(pairs[i].close);
        if (len >= o + c && !memcmp(line, pairs[i].open, o) &&
            !memcmp(line + len - c, pairs[i].close, c) &&
            (i < 3 || strstr_n(line, len, "](")))
            return 1;
    }
    return 0;
}

/* Non-zero if LINE underlines the line before it as a heading (setext:
 * "===" or "---" and nothing else), which is no text of the body. */
static int underline(const char *line, size_t len)
{
    while (len && isspace((unsigned char)line[len - 1]))
        len--;
    size_t i = 0;
    while (i < len && i < 3 && line[i] == ' ')
        i++;
    if (i == len || (line[i] != '=' && line[i] != '-'))
        return 0;
    size_t n = 0;
    for (; i < len; i++, n++)
        if (line[i] != line[len - 1])
            return 0;
    return line[len - 1] == '=' || n >= 2;
}

/* Hugo names a translation by its language, before the extension:
 * "index.nb.md", "post.de.md".  A header without "lang" is in that
 * language (it took "en", and a Norwegian post was stemmed as English).
 * Two letters, and a region if any ("zh-cn"), as Hugo's language keys
 * are written: "v1.2.md" and "notes.min.md" name none.  NAME is the
 * file's path below the source (the default id). */
static void lang_from_name(ns_article_t *art, const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *ext = strrchr(base, '.'), *lang = ext;
    if (!ext)
        return;
    while (lang > base && lang[-1] != '.')
        lang--;
    size_t n = (size_t)(ext - lang);
    if (lang == base || !(n == 2 || (n == 5 && strchr("-_", lang[2]))) ||
        !isalpha((unsigned char)lang[0]) || !isalpha((unsigned char)lang[1]) ||
        (n == 5 && (!isalpha((unsigned char)lang[3]) ||
                    !isalpha((unsigned char)lang[4]))))
        return;
    art->lang = strndup(lang, n); /* out of memory: the default, "en" */
}

/* ns_article_from_text, for a Jekyll post when JEKYLL is set. */
static int from_text(const char *text, size_t len, const char *default_id,
                     int jekyll, ns_article_t *art, char *err, size_t err_size,
                     unsigned *err_line)
{
    const char *p, *end = text + len, *line;
    size_t llen;
    unsigned scratch;
    ns_buf_t body = {0};

    memset(art, 0, sizeof *art);
    if (!err_line)
        err_line = &scratch;
    *err_line = 1;
    size_t bad = ns_utf8_check(text, len);
    if (bad != len) {
        for (size_t i = 0; i < bad; i++)
            *err_line += text[i] == '\n';
        ns_set_err(err, err_size, "invalid UTF-8");
        return -1;
    }
    /* Jekyll reads YAML front matter only: a TOML header is Hugo's. */
    size_t bom = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0;
    if (len - bom >= 3 && !memcmp(text + bom, "+++", 3))
        jekyll = 0;
    struct header hdr = {art, 0, jekyll};
    if (read_header(text, len, apply_key, &hdr, &p, err, err_size, err_line) <
        0)
        goto fail;
    *err_line = 1;

    /* The body: headings are collected; without a title in the header, the
     * first level-1 heading (or else the first line with words, without
     * the underline that makes it a heading) is the title. */
    int started = 0, titled = 0;
    while (next_line(&p, end, &line, &llen)) {
        const char *h = NULL;
        size_t hlen = 0;
        int lvl = heading_level(line, llen, &h, &hlen);
        if (!started && llen == 0)
            continue;
        if (titled == 1 && underline(line, llen)) {
            titled = 2;
            continue;
        }
        titled = titled ? 2 : 0;
        if (!started && !art->title && (lvl == 1 || lvl == 0) &&
            !no_title_line(line, llen)) {
            started = 1;
            titled = lvl ? 2 : 1;
            const char *t = lvl ? h : line;
            size_t tlen = lvl ? hlen : llen;
            if (ns_set_label(&art->title, "title", t, tlen, 0, err, err_size) <
                0)
                goto fail;
            continue;
        }
        started = started || !no_title_line(line, llen) || art->title;
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
    if (!art->lang && default_id)
        lang_from_name(art, default_id);
    if (ns_article_finish(art, err, err_size) < 0)
        goto fail;
    return 0;

fail:
    ns_buf_free(&body);
    ns_article_clear(art);
    return -1;
}

int ns_article_from_text(const char *text, size_t len, const char *default_id,
                         ns_article_t *art, char *err, size_t err_size,
                         unsigned *err_line)
{
    return from_text(text, len, default_id, 0, art, err, err_size, err_line);
}

int ns_article_from_jekyll_post(const char *text, size_t len,
                                const char *default_id, ns_article_t *art,
                                char *err, size_t err_size, unsigned *err_line)
{
    return from_text(text, len, default_id, 1, art, err, err_size, err_line);
}

int ns_article_date_from_name(const char *path, ns_article_t *art)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? base[i] != '-'
                             : !isdigit((unsigned char)base[i]))
            return 0;
    if (base[10] != '-')
        return 0;
    char day[11];
    memcpy(day, base, 10);
    day[10] = '\0';
    char err[256];
    (void)ns_set_date(art, day, err, sizeof err);
    return 0;
}
