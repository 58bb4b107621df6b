/* feed-id.c - The id of a feed's item (feed.c), where its guid and link
 * do not name it: an RSS 1.0 item named by its rdf:about only, an item
 * with neither guid nor link.
 *
 * A guid, URI or not ("1", "post-7"), is the article's id as written, as
 * it always was: an index's ids are global, so two sites' item 1 are one
 * article, the later replacing the earlier (said by nindex: other-site.c).
 * Named anew by its site, every article of such a feed already indexed
 * would come again beside itself under its new id. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "url.h"

/* RDF's namespace, of RSS 1.0's rdf:about. */
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

void ns_feed_item_about(ns_feed_t *f, const xmlChar **attrs, int n_attrs)
{
    char *about = ns_feed_attr(attrs, n_attrs, "about", NS_RDF);
    char *abs = about && *about ? ns_xmlbase_resolve(&f->base, about) : NULL;
    if (abs)
        ns_fields_set(f->extra, "rdf_about", abs, strlen(abs), 0);
    free(abs);
    free(about);
}

/* The feed's site, that names its items with neither guid nor link, into
 * OUT, or "": the host of the channel's <link>, else of the feed's own
 * address (<link rel="self">). */
static void scope_of(const ns_feed_t *f, char *out, size_t size)
{
    if (!ns_url_host(f->base.site, out, size) &&
        !ns_url_host(f->base.doc, out, size))
        out[0] = '\0';
}

static uint64_t hash_field(json_t *raw, const char *key, uint64_t h)
{
    const char *v = json_string_value(json_object_get(raw, key));
    h = ns_hash64(key, strlen(key) + 1, h);
    return v ? ns_hash64(v, strlen(v) + 1, h) : h;
}

void ns_feed_item_id(ns_feed_t *f)
{
    json_t *raw = f->extra;
    const char *link = json_string_value(json_object_get(raw, "link"));
    const char *about = json_string_value(json_object_get(raw, "rdf_about"));
    /* RSS 1.0 requires both; an item without <link> is named and linked
     * by the address its rdf:about gives. */
    if (!link && about && !json_object_get(raw, "link_other")) {
        ns_fields_set(raw, "link", about, strlen(about), 0);
        link = json_string_value(json_object_get(raw, "link"));
    }
    if (json_object_get(raw, "guid") || link ||
        json_object_get(raw, "link_other") || json_object_get(raw, "wp_slug"))
        return;
    /* Neither guid nor link: RSS 2.0 requires only a title or a
     * description.  Skipped, such an item was lost and failed every
     * nightly run (exit 3, no --prune); named by a hash of what it says,
     * SITE/#HASH, it is kept, and the same item read again is the same
     * article.  An edit of it (a title put right) is a new article beside
     * the old one, until a --prune takes the old one out. */
    static const char *const keys[] = {"title",  "pubdate", "dcdate",
                                       "published", "updated", "content",
                                       "summary"};
    char scope[256];
    uint64_t h = NS_HASH_SEED;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        h = hash_field(raw, keys[i], h);
    scope_of(f, scope, sizeof scope);
    char id[300];
    snprintf(id, sizeof id, "%s%s#%016" PRIx64, scope, scope[0] ? "/" : "",
             h);
    ns_fields_set(raw, "guid", id, strlen(id), 1);
}
