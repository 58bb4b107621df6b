/* wpjson.c - Posts as the WordPress REST API gives them (GET
 * /wp-json/wp/v2/posts, a JSON array): each text field is an object whose
 * "rendered" member is HTML, and the post's terms and author are numbers
 * unless the request asked for them (?_embed).
 *
 * A post becomes an article as a post of a WordPress export does (feed.c),
 * so the two ways of taking a site's archive give the same ids and
 * fields: the slug, else the link, else the number, is the id; title and
 * content are the text of their HTML (the content's <h2>-<h6> the
 * headings), the excerpt when there is no content; date_gmt, else date
 * (both without an offset, the first in UTC); modified_gmt, else
 * modified, when it last changed; link is the url.  With
 * _embed, the author's name is the byline, the first category the
 * section and the other categories and the tags the tags.  What is not a
 * published post (a page, a draft, a post behind a password, whose
 * rendered content is empty) is ignored, as in an export, and a post
 * taken back keeps its id for its article, if indexed, to be taken out. */
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

/* The "rendered" HTML of V's member KEY, or NULL. */
static const char *rendered(json_t *v, const char *key)
{
    return json_string_value(
        json_object_get(json_object_get(v, key), "rendered"));
}

int ns_wpjson_is(json_t *v)
{
    return rendered(v, "title") || rendered(v, "content");
}

/* Set KEY of OUT to the text of HTML; the headings go to HEADS if given. */
static int set_html(json_t *out, const char *key, const char *html,
                    json_t *heads)
{
    ns_buf_t text = {0};
    if (ns_html_fragment_text(html, strlen(html), heads, &text) < 0)
        return -1;
    if (text.p)
        ns_fields_set(out, key, text.p, text.len, 0);
    ns_buf_free(&text);
    return 0;
}

/* The embedded terms: [[categories...], [tags...]], each {name, taxonomy}.
 * WordPress keeps a term's name, as an author's, HTML-escaped ("Arts &amp;
 * Culture") and the API gives it so: its entities are read. */
static void terms(json_t *post, json_t *out)
{
    json_t *groups =
        json_object_get(json_object_get(post, "_embedded"), "wp:term");
    int first = 1;
    for (int pass = 0; pass < 2; pass++) {
        const char *want = pass == 0 ? "category" : "post_tag";
        size_t i, j;
        json_t *group, *term;
        json_array_foreach(groups, i, group) json_array_foreach(group, j, term)
        {
            const char *tax =
                json_string_value(json_object_get(term, "taxonomy"));
            const char *name = json_string_value(json_object_get(term, "name"));
            if (!tax || !name || strcmp(tax, want) != 0)
                continue;
            if (first)
                ns_fields_set_label(out, "section", name, strlen(name), 0);
            else
                ns_fields_push_label(out, "tags", name, strlen(name));
            first = 0;
        }
    }
}

static int ignored(json_t *post, char *err, size_t err_size)
{
    const char *type = json_string_value(json_object_get(post, "type"));
    const char *status = json_string_value(json_object_get(post, "status"));
    if (type && strcmp(type, "post") != 0) {
        snprintf(err, err_size, "ignored: a WordPress %.40s, not a post", type);
        return 1;
    }
    if (status && strcmp(status, "publish") != 0) {
        snprintf(err, err_size, "ignored: a WordPress post with status '%.40s'",
                 status);
        return 1;
    }
    if (json_is_true(
            json_object_get(json_object_get(post, "content"), "protected"))) {
        snprintf(err, err_size, "ignored: a WordPress post behind a password");
        return 1;
    }
    return 0;
}

/* A post taken back from its readers (status draft, pending, private,
 * future, trash) is read as if published, for its id alone, as in an
 * export (feed.c): an article of that id indexed before is to be taken
 * out.  A draft never published has no slug, and its link (?p=12) is an
 * id no article has. */
static void unpublished_id(json_t *post, ns_article_t *art)
{
    const char *type = json_string_value(json_object_get(post, "type"));
    const char *status = json_string_value(json_object_get(post, "status"));
    if ((type && strcmp(type, "post") != 0) ||
        !ns_wp_status_unpublished(status))
        return;
    json_t *copy = json_deep_copy(post);
    if (!copy)
        return;
    const char *slug = json_string_value(json_object_get(copy, "slug"));
    if (slug && ns_wp_slug_len(slug, status) < strlen(slug))
        json_object_set_new(copy, "slug",
                            json_stringn(slug, ns_wp_slug_len(slug, status)));
    json_object_set_new(copy, "status", json_string("publish"));
    json_t *content = json_object_get(copy, "content");
    if (json_is_object(content))
        json_object_del(content, "protected");
    char why[300];
    ns_article_t whole;
    if (ns_wpjson_post(copy, &whole, why, sizeof why) == NS_ITEM_OK) {
        art->id = whole.id;
        whole.id = NULL;
    }
    ns_article_clear(&whole);
    json_decref(copy);
}

int ns_wpjson_post(json_t *post, ns_article_t *art, char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
    if (ignored(post, err, err_size)) {
        unpublished_id(post, art);
        return NS_ITEM_IGNORED;
    }
    json_t *out = json_object();
    json_t *heads = json_array();
    int rc = NS_ITEM_BAD;
    if (!out || !heads)
        goto oom;
    static const char *const ids[] = {"slug", "link"};
    for (size_t i = 0; i < 2; i++) {
        const char *s = json_string_value(json_object_get(post, ids[i]));
        if (s)
            ns_fields_set(out, "id", s, strlen(s), 0);
    }
    json_t *num = json_object_get(post, "id");
    if (!json_object_get(out, "id") && json_is_integer(num))
        json_object_set(out, "id", num);
    const char *link = json_string_value(json_object_get(post, "link"));
    if (link)
        ns_fields_set(out, "url", link, strlen(link), 0);
    const char *title = rendered(post, "title");
    if (title && set_html(out, "title", title, NULL) < 0)
        goto oom;
    const char *content = rendered(post, "content");
    if (content && set_html(out, "body", content, heads) < 0)
        goto oom;
    if (json_object_get(out, "body") && json_array_size(heads))
        json_object_set(out, "headings", heads);
    const char *excerpt = rendered(post, "excerpt");
    if (excerpt && !json_object_get(out, "body") &&
        set_html(out, "body", excerpt, NULL) < 0)
        goto oom;
    static const char *const dates[] = {"date_gmt", "date"};
    for (size_t i = 0; i < 2; i++) {
        const char *d = json_string_value(json_object_get(post, dates[i]));
        if (d)
            ns_fields_date(out, d, 0);
    }
    /* When the post last changed, as an export's post_modified_gmt: what
     * keeps an older copy of it, a cached download of the API, from
     * undoing a correction (README "Updates"). */
    static const char *const modified[] = {"modified_gmt", "modified"};
    for (size_t i = 0; i < 2; i++) {
        const char *d = json_string_value(json_object_get(post, modified[i]));
        if (d && strncmp(d, "0000-00-00", 10) != 0)
            ns_fields_set(out, "updated", d, strlen(d), 0);
    }
    json_t *authors =
        json_object_get(json_object_get(post, "_embedded"), "author");
    char *by = ns_names_join(authors, NS_MAX_LABEL);
    if (by)
        ns_fields_set_label(out, "author", by, strlen(by), 0);
    free(by);
    terms(post, out);
    /* A term's or byline's "&#146;" as in the XML feeds
     * (ns_feed_item_article). */
    if (ns_json_c1_to_windows1252(out) < 0)
        goto oom;
    rc = ns_fields_article(out, art, err, err_size) < 0 ? NS_ITEM_BAD
                                                        : NS_ITEM_OK;
    goto done;
oom:
    snprintf(err, err_size, "out of memory");
done:
    json_decref(heads);
    json_decref(out);
    return rc;
}
