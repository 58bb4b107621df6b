/* feed-item.c - An item of a feed (feed.c) made an article: which of the
 * raw fields feed.c kept for it (its guid, links, authors, dates,
 * categories, as written) give the article's id, title, byline, body,
 * date, language, section and tags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static const char *raw_field(json_t *raw, const char *key)
{
    return json_string_value(json_object_get(raw, key));
}

static void set_from(json_t *obj, json_t *raw, const char *key,
                     const char *from)
{
    const char *v = raw_field(raw, from);
    if (v)
        ns_fields_set(obj, key, v, strlen(v), 0);
}

int ns_feed_item_article(json_t *raw, json_t *chan, const char *chan_lang,
                         ns_article_t *art, char *why, size_t why_size)
{
    json_t *obj = json_object();
    if (!obj) {
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    /* A WordPress post is named by its slug; other items by their guid
     * (RSS) or id (Atom), else their link. */
    set_from(obj, raw, "id", "wp_slug");
    set_from(obj, raw, "id", "guid");
    set_from(obj, raw, "id", "link");
    set_from(obj, raw, "title", "title");
    set_from(obj, raw, "url", "link");
    /* Every <author> (Atom's, or RSS's), else every <dc:creator> (in a
     * WordPress export, by display name), else the Atom feed's authors
     * (RFC 4287 4.2.1): one byline, "Kari, Ola". */
    json_t *names = json_object_get(raw, "author"), *shown = NULL;
    if (!names)
        names = shown = ns_wxr_bylines(json_object_get(raw, "creator"), chan);
    if (!names)
        names = json_object_get(chan, "author");
    char *by = ns_names_join(names, NS_MAX_LABEL);
    if (by)
        ns_fields_set(obj, "author", by, strlen(by), 0);
    free(by);
    json_decref(shown);
    set_from(obj, raw, "body", "content");
    set_from(obj, raw, "body", "summary");
    json_t *heads = json_object_get(raw, "headings");
    if (heads && raw_field(raw, "content"))
        json_object_set(obj, "headings", heads);
    static const char *const dates[] = {"wp_date_gmt", "published", "pubdate",
                                        "dcdate",      "updated",   "wp_date"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        if (raw_field(raw, dates[i]))
            ns_fields_date(obj, raw_field(raw, dates[i]), 0);
    set_from(obj, raw, "lang", "lang");
    if (chan_lang)
        ns_fields_set(obj, "lang", chan_lang, strlen(chan_lang), 0);
    /* The first category is the section; the others, and WordPress tags,
     * are tags. */
    json_t *cats = json_object_get(raw, "category");
    size_t i;
    json_t *v;
    json_array_foreach(cats, i, v)
    {
        if (i == 0)
            json_object_set(obj, "section", v);
        else
            ns_fields_push(obj, "tags", json_string_value(v),
                           json_string_length(v));
    }
    json_array_foreach(json_object_get(raw, "tag"), i, v) ns_fields_push(
        obj, "tags", json_string_value(v), json_string_length(v));
    int rc = ns_fields_article(obj, art, why, why_size);
    json_decref(obj);
    return rc < 0 ? -1 : 0;
}
