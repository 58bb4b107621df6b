/* frontmatter-article.c - Articles as text or Markdown files with front
 * matter (frontmatter.c) or none, then the body.  Markdown headings become
 * the article's headings; without a title in the header, the first
 * heading or line with words is the title; a file's name gives the
 * language of a Hugo translation and the date of a Jekyll post. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "ingest.h"

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
 * x %}"), an HTML comment or an image alone on its line, or a line whose
 * Markdown has no text: a thematic break ("***", "- - -"), HTML tags
 * alone ('<img src="x.jpg">'), an empty heading.  Those were titles, ""
 * or "---".  It stays in the body, where Markdown leaves it out or keeps
 * its words (an image's alt text). */
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
    /* A line of plain words is read as written (markdown.c leaves it). */
    if (!memchr(line, '<', len) && !memchr(line, '*', len) &&
        !memchr(line, '-', len) && !memchr(line, '_', len) &&
        !memchr(line, '#', len) && !memchr(line, '[', len))
        return 0;
    ns_buf_t text = {0};
    int none = 0;
    if (ns_markdown_text(line, len, NULL, &text) == 0) {
        none = 1;
        for (size_t i = 0; i < text.len && none; i++)
            none = isspace((unsigned char)text.p[i]);
    }
    ns_buf_free(&text);
    return none;
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
 * "index.nb.md", "post.de.md".  Two letters, and a region if any
 * ("zh-cn"), as Hugo's language keys are written: "v1.2.md" and
 * "notes.min.md" name none.  Only before the extension of a page's
 * text (.md, .markdown, .txt, .html): "budget.md.bak", a file named
 * whole as a SOURCE, took "md" for its language.  NAME is the file's
 * path below the source (the default id).  Returns the language's bytes
 * in NAME and their number in *LEN, or NULL. */
const char *ns_fm_name_lang(const char *name, size_t *len)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *ext = strrchr(base, '.'), *lang = ext;
    ns_format_t fmt = ns_format_by_name(base);
    if (!ext || (fmt != NS_FMT_MARKDOWN && fmt != NS_FMT_TEXT &&
                 fmt != NS_FMT_HTML))
        return NULL;
    while (lang > base && lang[-1] != '.')
        lang--;
    size_t n = (size_t)(ext - lang);
    if (lang == base || !(n == 2 || (n == 5 && strchr("-_", lang[2]))) ||
        !isalpha((unsigned char)lang[0]) || !isalpha((unsigned char)lang[1]) ||
        (n == 5 && (!isalpha((unsigned char)lang[3]) ||
                    !isalpha((unsigned char)lang[4]))))
        return NULL;
    *len = n;
    return lang;
}

/* A header without "lang" is in the language of the file's name (it took
 * "en", and a Norwegian post was stemmed as English). */
static void lang_from_name(ns_article_t *art, const char *name)
{
    size_t n;
    const char *lang = ns_fm_name_lang(name, &n);
    if (lang)
        art->lang = strndup(lang, n); /* out of memory: the default, "en" */
}

/* Hugo's translations of a post share its slug ("index.en.md" and
 * "index.nb.md" both say "slug: storm"), and as one id each replaced the
 * other on every run.  As Hugo puts a page of any language but the
 * site's default under "/LANG/", the slug of a file named as a
 * translation in a language other than the archive's default,
 * DEFAULT_LANG, is the id "LANG/slug" (the article's language as stored:
 * "no/storm" for nb).  The default language keeps the plain slug, the id
 * an archive indexed before has, and so does a post that names its
 * language in its header alone: a Norwegian site indexed without --lang
 * keeps its ids. */
static int lang_slug(ns_article_t *art, const char *name,
                     const char *default_lang, char *err, size_t err_size)
{
    size_t n;
    if (!default_lang || !name || !ns_fm_name_lang(name, &n) || !art->lang ||
        !strcmp(art->lang, default_lang))
        return 0;
    ns_buf_t id = {0};
    if (ns_buf_puts(&id, art->lang) < 0 || ns_buf_putc(&id, '/') < 0 ||
        ns_buf_puts(&id, art->id) < 0) {
        ns_buf_free(&id);
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    int rc = ns_set_id(art, id.p, id.len, err, err_size);
    ns_buf_free(&id);
    return rc;
}

/* ns_article_from_text, for a Jekyll post when JEKYLL is set, and with
 * the slug of a translation made its own (lang_slug) when DEFAULT_LANG is
 * not NULL. */
static int from_text(const char *text, size_t len, const char *default_id,
                     int jekyll, const char *default_lang, ns_article_t *art,
                     char *err, size_t err_size, unsigned *err_line)
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
    /* Jekyll reads YAML front matter only: a TOML or JSON header is
     * Hugo's. */
    unsigned skipped;
    const char *start = ns_fm_start(text, len, &skipped);
    size_t rest = (size_t)(end - start);
    if ((rest >= 3 && !memcmp(start, "+++", 3)) || ns_fm_is_json(start, rest))
        jekyll = 0;
    struct ns_fm_fields hdr = {art, 0, jekyll, 0, ""};
    if (ns_fm_header_read(text, len, ns_fm_field_key, &hdr, &p, err, err_size,
                          err_line) < 0)
        goto fail;
    *err_line = 1;
    unsigned warn_line = hdr.warned[0] ? ns_fm_key_line(text, len, hdr.warned)
                                       : 1;
    /* A key given twice: the last is kept (ns_fm_header_read), and a
     * title the editor meant is not lost without a word. */
    char twice[64], said[160];
    unsigned first, again = ns_fm_key_twice(text, len, twice, sizeof twice,
                                            &first);
    if (again && !art->warning) {
        snprintf(said, sizeof said,
                 "key '%s' given twice (line %u); the last is kept", twice,
                 first);
        ns_article_warn(art, said);
        warn_line = again;
    }

    /* The body: headings are collected; without a title in the header, the
     * first level-1 heading (or else the first line with words, without
     * the underline that makes it a heading) is the title. */
    int started = 0, titled = 0;
    while (ns_fm_next_line(&p, end, &line, &llen)) {
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
        started = started || art->title || !no_title_line(line, llen);
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
    /* The name is at no line of the file. */
    if (!art->id && default_id &&
        ns_check_name_id(default_id,
                         "rename the file, or give it an id in its front "
                         "matter",
                         err, err_size) < 0) {
        *err_line = 0;
        goto fail;
    }
    if (!art->id && default_id &&
        ns_set_id(art, default_id, strlen(default_id), err, err_size) < 0)
        goto fail;
    if (!art->lang && default_id)
        lang_from_name(art, default_id);
    if (ns_article_finish(art, err, err_size) < 0 ||
        (hdr.slug_id &&
         lang_slug(art, default_id, default_lang, err, err_size) < 0))
        goto fail;
    *err_line = warn_line;
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
    return from_text(text, len, default_id, 0, NULL, art, err, err_size,
                     err_line);
}

int ns_article_from_jekyll_post(const char *text, size_t len,
                                const char *default_id, ns_article_t *art,
                                char *err, size_t err_size, unsigned *err_line)
{
    return from_text(text, len, default_id, 1, NULL, art, err, err_size,
                     err_line);
}

int ns_article_from_post(const char *text, size_t len, const char *default_id,
                         int jekyll, const char *default_lang,
                         ns_article_t *art, char *err, size_t err_size,
                         unsigned *err_line)
{
    return from_text(text, len, default_id, jekyll, default_lang, art, err,
                     err_size, err_line);
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
