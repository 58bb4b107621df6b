/* xmlbase.c - xml:base in a stream of elements (feed.c): the base URI in
 * scope at each depth, and a relative link resolved against it (RFC 3986
 * 5.1: the innermost xml:base, itself resolved against the ones around
 * it; else the document's own address, which feed.c takes from the feed's
 * <link rel="self">). */
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "url.h"

/* REF against BASE (either may be NULL), or a copy of REF.  Free with
 * free().  A REF with a scheme ("https:", "urn:") is absolute and taken
 * as written: xmlBuildURI would re-escape it. */
static char *build(const char *ref, const char *base)
{
    if (!base || ns_url_has_scheme(ref))
        return strdup(ref);
    xmlChar *uri = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
    if (!uri)
        return strdup(ref); /* a reference that does not parse */
    char *out = strdup((const char *)uri);
    xmlFree(uri);
    return out;
}

int ns_xmlbase_push(ns_xmlbase_t *b, int depth, const char *base)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        struct ns_xmlbase_entry *grown = realloc(b->stack, cap * sizeof *grown);
        if (!grown)
            return -1;
        b->stack = grown;
        b->cap = cap;
    }
    char *uri = build(base, b->n ? b->stack[b->n - 1].uri : NULL);
    if (!uri)
        return -1;
    b->stack[b->n].uri = uri;
    b->stack[b->n++].depth = depth;
    return 0;
}

void ns_xmlbase_pop(ns_xmlbase_t *b, int depth)
{
    while (b->n && b->stack[b->n - 1].depth >= depth)
        free(b->stack[--b->n].uri);
}

int ns_xmlbase_document(ns_xmlbase_t *b, const char *uri)
{
    if (b->doc || !uri || !ns_url_has_scheme(uri))
        return 0;
    return (b->doc = strdup(uri)) ? 0 : -1;
}

int ns_xmlbase_site(ns_xmlbase_t *b, const char *uri)
{
    uri += strspn(uri, " \t\r\n");
    size_t n = strcspn(uri, " \t\r\n");
    if (b->site || !n || uri[n + strspn(uri + n, " \t\r\n")])
        return 0;
    char *u = strndup(uri, n);
    if (!u)
        return -1;
    if (ns_url_has_scheme(u))
        b->site = u;
    else
        free(u);
    return 0;
}

char *ns_xmlbase_resolve(const ns_xmlbase_t *b, const char *ref)
{
    const char *in_scope = b->n ? b->stack[b->n - 1].uri : NULL;
    /* The document's own address (RFC 3986 5.1.3), else its site's: an
     * RSS 2.0 feed without either names its site in <link>, and an item
     * linked "/2025/story" is the site's page. */
    const char *doc = b->doc ? b->doc : b->site;
    if (ns_url_has_scheme(ref) || (!in_scope && !doc))
        return strdup(ref);
    if (in_scope && ns_url_has_scheme(in_scope))
        return build(ref, in_scope);
    /* No xml:base, or only relative ones: against the document's own
     * address. */
    char *base = in_scope ? build(in_scope, doc) : NULL;
    char *out = build(ref, base ? base : doc);
    free(base);
    return out;
}

void ns_xmlbase_free(ns_xmlbase_t *b)
{
    ns_xmlbase_pop(b, 0);
    free(b->stack);
    free(b->doc);
    free(b->site);
    memset(b, 0, sizeof *b);
}
