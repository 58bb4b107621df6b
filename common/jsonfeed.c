/* jsonfeed.c - JSON Feed (https://jsonfeed.org, versions 1 and 1.1), the
 * JSON sibling of RSS and Atom that news sites and blog platforms publish
 * as feed.json: one object whose "items" are the articles.
 *
 * Each item becomes an article as a feed item does (feed.c): id, else url;
 * title; the text of content_html (its <h2>-<h6> the headings), else
 * content_text, else summary; date_published, else date_modified; the item's
 * authors (1.1) or author (1), else the feed's; tags, the first of them
 * the section as a feed's first category is; language, else the feed's.
 * The title, names and tags are read as HTML once, as an RSS item's are.
 * The line a plugin appends to every item ("The post TITLE appeared first
 * on SITE.") is left out as it is of an RSS item (ns_feed_drop_footer).
 * The fields then pass the same checks as a JSON Lines record. */
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

int ns_jsonfeed_is(json_t *v)
{
    const char *version = json_string_value(json_object_get(v, "version"));
    return version && strstr(version, "jsonfeed.org/version/") &&
           json_is_array(json_object_get(v, "items"));
}

int ns_jsonfeed_text_is(const char *text, size_t len)
{
    /* Most first lines of JSON Lines are no feed: a scan for the version's
     * host, not a parse, rules them out.  Only the host, since PHP's
     * json_encode writes the slashes of "jsonfeed.org\/version\/1.1"
     * escaped. */
    static const char host[] = "jsonfeed.org";
    size_t i = 0, m = sizeof host - 1;
    while (i + m <= len && memcmp(text + i, host, m) != 0)
        i++;
    if (i + m > len)
        return 0;
    json_t *v = json_loadb(text, len, 0, NULL);
    int is = json_is_object(v) && ns_jsonfeed_is(v);
    json_decref(v);
    return is;
}

/* The byline of OBJ: its "authors" (1.1), else its "author" (1). */
static char *byline(json_t *obj)
{
    json_t *a = json_object_get(obj, "authors");
    return ns_names_join(a ? a : json_object_get(obj, "author"), NS_MAX_LABEL);
}

static void set_string(json_t *out, const char *key, json_t *v)
{
    const char *s = json_string_value(v);
    if (s)
        ns_fields_set(out, key, s, strlen(s), 0);
}

/* Whether S holds more than white space: an item whose HTML is only an
 * image or an embed has no text to index, and its content_text (often a
 * caption or the link) is the better body. */
static int has_text(const char *s, size_t len)
{
    for (size_t i = 0; s && i < len; i++)
        if (!strchr(" \t\r\n", s[i]))
            return 1;
    return 0;
}

int ns_jsonfeed_item(json_t *feed, json_t *item, ns_article_t *art, char *err,
                     size_t err_size)
{
    memset(art, 0, sizeof *art);
    if (!json_is_object(item)) {
        snprintf(err, err_size, "not a JSON object");
        return -1;
    }
    json_t *out = json_object();
    json_t *heads = json_array();
    ns_buf_t text = {0};
    int rc = -1;
    if (!out || !heads)
        goto oom;
    json_t *id = json_object_get(item, "id");
    if (json_is_integer(id)) /* version 1 allowed numbers */
        json_object_set(out, "id", id);
    set_string(out, "id", id);
    set_string(out, "id", json_object_get(item, "url"));
    set_string(out, "url", json_object_get(item, "url"));
    /* The title, authors' names and tags as an RSS item's are read: the
     * specification calls them plain text, but WordPress's plugin writes
     * get_the_title() and the names and terms WordPress keeps escaped,
     * "Mayor&#8217;s plan", "Ed O&#039;Neil", "Arts &amp; Culture".  Read
     * once, a plain "AT&T" stays as it is; content_text is text. */
    const char *title = json_string_value(json_object_get(item, "title"));
    if (title)
        ns_feed_item_text(out, "title", title, strlen(title), NS_MK_MAYBE);
    /* content_html first: most generators (WordPress, Hugo, Ghost) write
     * content_text as the same story with its markup stripped, so its
     * subheadings are lost as headings and read as body sentences. The
     * text is the fallback for an item whose HTML holds no text. */
    const char *html = json_string_value(json_object_get(item, "content_html"));
    if (html) {
        if (ns_html_fragment_text(html, strlen(html), heads, &text) < 0)
            goto oom;
        if (has_text(text.p, text.len)) {
            ns_fields_set(out, "body", text.p, text.len, 0);
            if (json_array_size(heads))
                json_object_set(out, "headings", heads);
        }
    }
    set_string(out, "body", json_object_get(item, "content_text"));
    set_string(out, "body", json_object_get(item, "summary"));
    /* WordPress (Yoast) and Medium append the same footer to a JSON Feed
     * item's content_html and content_text as to an RSS item's: "The post
     * TITLE appeared first on SITE." was indexed from feed.json, and the
     * site's name matched every item, where the RSS feed dropped it. */
    ns_feed_drop_footer(out);
    const char *dates[] = {"date_published", "date_modified"};
    for (size_t i = 0; i < 2; i++) {
        const char *d = json_string_value(json_object_get(item, dates[i]));
        if (d)
            ns_fields_date(out, d, 0);
    }
    /* When it last changed: an older copy does not replace it. */
    set_string(out, "updated", json_object_get(item, "date_modified"));
    char *by = byline(item);
    if (!by)
        by = byline(feed);
    if (by)
        ns_fields_set_label(out, "author", by, strlen(by), 0);
    free(by);
    json_t *tags = json_object_get(item, "tags"), *tag;
    size_t i;
    json_array_foreach(tags, i, tag)
    {
        const char *t = json_string_value(tag);
        if (t)
            ns_fields_push_label(out, i == 0 ? "section" : "tags", t,
                                 strlen(t));
    }
    /* ns_fields_push made a list; a section is one value. */
    json_t *section = json_object_get(out, "section");
    if (json_is_array(section))
        json_object_set(out, "section", json_array_get(section, 0));
    set_string(out, "lang", json_object_get(item, "language"));
    set_string(out, "lang", json_object_get(feed, "language"));
    /* A "\u0092" is windows-1252's apostrophe, as an "&#146;" is in the
     * XML feeds (ns_feed_item_article). */
    if (ns_json_c1_to_windows1252(out) < 0)
        goto oom;
    rc = ns_fields_article(out, art, err, err_size);
    goto done;
oom:
    snprintf(err, err_size, "out of memory");
done:
    ns_buf_free(&text);
    json_decref(heads);
    json_decref(out);
    return rc;
}
