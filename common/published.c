/* published.c - Whether a site generator would publish a front-matter
 * post at a given time.  Hugo does not build a page whose publish date is
 * still to come (buildFuture is false by default) or whose expiry date
 * has passed (buildExpired), nor a headless bundle or a page whose build
 * options say "render: never"; Eleventy writes no page for "permalink:
 * false"; Jekyll does not publish a post dated in
 * the future ("future: false").  Such a post, an embargoed story most
 * often, is left out of the index as a draft is: it would otherwise be
 * found by search before (or after) the site shows it.  The nightly
 * update reads it again and adds it once its time has come. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "frontmatter.h"
#include "ingest.h"

/* A date key of the header: its value as a time, and its name as
 * written, for the note. */
struct when {
    int rank; /* of the key it came from; 0: none */
    int64_t time;
    char key[32];
};

struct state {
    struct when date;    /* "date" */
    struct when publish; /* Hugo's publishDate, pubdate or published */
    struct when expiry;  /* Hugo's expiryDate or unpublishdate */
    int headless;        /* "headless: true" */
    int no_permalink;    /* Eleventy's "permalink: false" */
    int bad;             /* a publish or expiry date did not read */
    int lenient;         /* then pass over one that does not read */
    char never[32];      /* the build option that says "render: never" */
};

static int is_word(const char *s, size_t len, const char *word)
{
    return len == strlen(word) && strncasecmp(s, word, len) == 0;
}

/* Keep the date S (LEN bytes) of KEY in W if RANK beats what W holds.
 * Returns 0, or -1 with ERR when the value is no date and STRICT. */
static int keep_date(struct state *st, struct when *w, int rank,
                     const char *key, size_t klen, const char *s, size_t len,
                     int strict, char *err, size_t err_size)
{
    if (rank <= w->rank)
        return 0;
    char *text = ns_label_dup(s, len);
    ns_article_t tmp = {0};
    char why[256];
    int rc = text ? ns_set_date(&tmp, text, why, sizeof why) : -1;
    if (rc == 0 && tmp.date) {
        w->rank = rank;
        w->time = tmp.time;
        snprintf(w->key, sizeof w->key, "%.*s", (int)klen, key);
    } else if (rc < 0 && strict && !st->lenient) {
        /* Said, with the key's line, by the caller (a warning), which
         * reads the header again passing it over: a typo in an embargo
         * date lost the whole post before, while a "date" that does not
         * read leaves the post undated (article-date.c). */
        ns_set_err(err, err_size, "%.*s: %s", (int)klen, key,
                   text ? why : "out of memory");
        st->bad = 1;
    }
    free(text);
    ns_article_clear(&tmp);
    return rc < 0 && strict && !st->lenient ? -1 : 0;
}

static int state_key(void *ctx, const char *key, size_t klen,
                     const ns_fm_value_t *v, char *err, size_t err_size)
{
    struct state *st = ctx;
    size_t len;
    const char *s;
    if (!v->is_list) {
        s = v->text.p ? v->text.p : "";
        len = v->text.len;
    } else if (v->n_items) {
        s = ns_fm_value_item(v, 0, &len);
    } else {
        s = "", len = 0;
    }
    if (is_word(key, klen, "date"))
        return keep_date(st, &st->date, 1, key, klen, s, len, 0, err, err_size);
    /* Hugo's publishDate is the first of these it finds; "published" is
     * Jekyll's boolean too (its false is a draft, see reader.c), and any
     * other value is Hugo's publish date, said when it does not read as
     * the others are: "published: next week" was passed over unsaid. */
    if (is_word(key, klen, "publishdate"))
        return keep_date(st, &st->publish, 3, key, klen, s, len, 1, err,
                         err_size);
    if (is_word(key, klen, "pubdate"))
        return keep_date(st, &st->publish, 2, key, klen, s, len, 1, err,
                         err_size);
    if (is_word(key, klen, "published") && !is_word(s, len, "true") &&
        !is_word(s, len, "false") && !is_word(s, len, "yes") &&
        !is_word(s, len, "no"))
        return keep_date(st, &st->publish, 1, key, klen, s, len, 1, err,
                         err_size);
    if (is_word(key, klen, "expirydate"))
        return keep_date(st, &st->expiry, 2, key, klen, s, len, 1, err,
                         err_size);
    if (is_word(key, klen, "unpublishdate"))
        return keep_date(st, &st->expiry, 1, key, klen, s, len, 1, err,
                         err_size);
    if (is_word(key, klen, "headless") &&
        (is_word(s, len, "true") || is_word(s, len, "yes")))
        st->headless = 1;
    /* Eleventy's way to keep a page's file out of the site (a draft, an
     * embargoed post); a permalink that is a path is no concern here. */
    if (is_word(key, klen, "permalink") && is_word(s, len, "false"))
        st->no_permalink = 1;
    /* "_build", and "build" since Hugo 0.123: render "never" (or the
     * older false) writes no page. */
    if ((is_word(key, klen, "_build.render") ||
         is_word(key, klen, "build.render")) &&
        (is_word(s, len, "never") || is_word(s, len, "false")))
        snprintf(st->never, sizeof st->never, "%.*s", (int)(klen - 7), key);
    return 0;
}

int ns_frontmatter_unpublished(const char *text, size_t len, const char *path,
                               int jekyll, int64_t now, char *why,
                               size_t why_size, unsigned *err_line)
{
    struct state st = {0};
    char at[32], warn[256] = "";
    unsigned warn_line = 0;
    *err_line = 0;
    int rc = ns_frontmatter_keys(text, len, state_key, &st, why, why_size,
                                 err_line);
    if (rc < 0 && st.bad) {
        /* A publish or expiry date that does not read: as if absent. */
        snprintf(warn, sizeof warn,
                 "%s; not read: the post is published as if it had none",
                 why);
        warn_line = *err_line;
        memset(&st, 0, sizeof st);
        st.lenient = 1;
        rc = ns_frontmatter_keys(text, len, state_key, &st, why, why_size,
                                 err_line);
    }
    /* WHY is now the warning, if any, on line *ERR_LINE; another error
     * ns_article_from_text says. */
    *err_line = warn_line;
    snprintf(why, why_size, "%s", warn);
    if (rc < 0)
        return 0;
    if (st.never[0]) {
        ns_set_err(why, why_size, "ignored: never rendered (%s: render: never)",
                   st.never);
        return 1;
    }
    if (st.headless) {
        ns_set_err(why, why_size, "ignored: headless (headless: true)");
        return 1;
    }
    if (st.no_permalink) {
        ns_set_err(why, why_size, "ignored: never written (permalink: false)");
        return 1;
    }
    if (st.expiry.rank && st.expiry.time <= now) {
        ns_date_format(st.expiry.time, at, sizeof at);
        ns_set_err(why, why_size, "ignored: expired (%s: %s)", st.expiry.key,
                   at);
        return 1;
    }
    /* Hugo publishes at the publish date, else at the date; Jekyll, which
     * has no publish date, at the date, else at the one in the name. */
    struct when named = {0};
    if (jekyll && !st.date.rank) {
        ns_article_t tmp = {0};
        (void)ns_article_date_from_name(path, &tmp);
        if (tmp.date) {
            named.rank = 1;
            named.time = tmp.time;
            snprintf(named.key, sizeof named.key, "date in its name");
        }
        ns_article_clear(&tmp);
    }
    const struct when *date = st.date.rank ? &st.date : &named;
    const struct when *w = st.publish.rank ? &st.publish : date;
    if (jekyll && date->rank && date->time > now)
        w = date;
    if (w->rank && w->time > now) {
        ns_date_format(w->time, at, sizeof at);
        ns_set_err(why, why_size, "ignored: not published yet (%s: %s)", w->key,
                   at);
        return 1;
    }
    return 0;
}

/* Jekyll keeps drafts in _drafts/ (built only when asked), and reads the
 * files of a _posts directory as posts; Hugo's _index.md is a list
 * page's text, no article. */
static int in_dir(const char *path, const char *dir)
{
    char inner[32];
    snprintf(inner, sizeof inner, "/%s", dir);
    return !strncmp(path, dir, strlen(dir)) || strstr(path, inner) != NULL;
}

int ns_frontmatter_in_posts(const char *path)
{
    return in_dir(path, "_posts/");
}

int ns_frontmatter_hidden(const char *text, size_t len, const char *path,
                          int markdown, int64_t now, char *why, size_t why_size,
                          unsigned *err_line)
{
    static const char *const drafts[] = {
        "", "ignored: a draft (draft: true)",
        "ignored: not published (published: false)"};
    const char *base = strrchr(path, '/');
    *err_line = 0;
    if (markdown && in_dir(path, "_drafts/")) {
        ns_set_err(why, why_size, "ignored: a draft (in _drafts/)");
        return 1;
    }
    int draft = ns_frontmatter_is_draft(text, len);
    if (draft) {
        ns_set_err(why, why_size, "%s", drafts[draft]);
        return 1;
    }
    /* A text file's header says draft or not; no generator publishes it,
     * so its dates are the story's. */
    if (!markdown)
        return 0;
    if (!strncmp(base ? base + 1 : path, "_index.", 7)) {
        ns_set_err(why, why_size,
                   "ignored: a list page, no article (_index.md)");
        return 1;
    }
    return ns_frontmatter_unpublished(text, len, path,
                                      ns_frontmatter_in_posts(path), now, why,
                                      why_size, err_line);
}
