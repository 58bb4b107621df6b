/* html-ld.c - schema.org JSON-LD of article pages: which object of a
 * page's JSON-LD is the article, and its fields (headline, articleBody,
 * datePublished, author, ...) as an article's.  html.c finds the blocks
 * and parses them with jansson; what the site tells search engines the
 * article is comes before its meta tags and markup. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html-page.h"

static int is_article_type(json_t *type)
{
    if (json_is_array(type)) {
        size_t i;
        json_t *v;
        json_array_foreach(type, i, v) if (is_article_type(v)) return 1;
        return 0;
    }
    const char *s = json_string_value(type);
    if (!s)
        return 0;
    size_t n = strlen(s);
    return (n >= 7 && strcmp(s + n - 7, "Article") == 0) ||
           strcmp(s, "BlogPosting") == 0 || strcmp(s, "LiveBlogPosting") == 0;
}

/* Article objects past this many in a page's JSON-LD are not candidates:
 * a page listing hundreds is an index page, and its first is as good as
 * any. */
#define MAX_LD_ARTICLES 64

/* Append to OUT, as [node, root] pairs in document order, the article
 * objects of the JSON-LD value V of the block ROOT: V itself, the items of
 * a list, of its @graph, or its mainEntity: many CMSs (and Yoast-style
 * plugins) describe the page as a WebPage whose mainEntity is the
 * NewsArticle.  An article's own parts are not looked into. */
static void find_ld_articles(json_t *v, json_t *root, json_t *out, int depth)
{
    if (depth > 8 || json_array_size(out) >= MAX_LD_ARTICLES)
        return;
    if (json_is_object(v)) {
        if (is_article_type(json_object_get(v, "@type"))) {
            json_array_append_new(out, json_pack("[OO]", v, root));
            return;
        }
        find_ld_articles(json_object_get(v, "@graph"), root, out, depth + 1);
        find_ld_articles(json_object_get(v, "mainEntity"), root, out,
                         depth + 1);
        return;
    }
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) find_ld_articles(item, root, out, depth + 1);
}

/* A JSON-LD value as text: a string, the first of a list, or an object's
 * name. */
const char *ns_html_ld_text(json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v)) {
        json_t *name = json_object_get(v, "name");
        v = name ? name : json_object_get(v, "@id");
    }
    return json_string_value(v);
}

/* The node of ROOT's @graph (or of ROOT, a list of nodes) whose "@id" is
 * ID, or NULL.  Only the block's top nodes are looked at, and what the
 * node found refers to is not looked up in turn. */
static json_t *graph_node(json_t *root, const char *id)
{
    json_t *graph =
        json_is_array(root) ? root : json_object_get(root, "@graph");
    size_t i;
    json_t *v;
    json_array_foreach(graph, i, v)
    {
        const char *its = json_string_value(json_object_get(v, "@id"));
        if (its && id && strcmp(its, id) == 0)
            return v;
    }
    return NULL;
}

/* V, or the node of ROOT's @graph it names when it is a reference: an
 * object with an "@id" and no "name".  Rank Math and Yoast 11-13 give the
 * author as {"@id": ".../#/schema/person/abc"}, with the Person and its
 * name a node of the same @graph. */
static json_t *resolved(json_t *v, json_t *root)
{
    if (!json_is_object(v) || json_object_get(v, "name"))
        return v;
    json_t *node =
        graph_node(root, json_string_value(json_object_get(v, "@id")));
    return node ? node : v;
}

/* The authors of AUTHOR (a value or a list) with each reference to a node
 * of ROOT's @graph replaced by the node; a new reference. */
static json_t *resolved_authors(json_t *author, json_t *root)
{
    if (!json_is_array(author))
        return json_incref(resolved(author, root));
    json_t *out = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(author, i, v) json_array_append(out, resolved(v, root));
    return out;
}

static void set_str(json_t *obj, const char *key, const char *text)
{
    if (text)
        ns_fields_set(obj, key, text, strlen(text), 0);
}

/* TEXT of a JSON-LD field as text: schema plugins and CMSs write
 * "Mayor&#8217;s &quot;green&quot; plan" in headlines and names, and
 * paragraphs with <p> in articleBody, which went into the index as
 * written.  Only text with an entity or a tag is parsed as HTML, so that
 * "3 < 4" stays whole. */
static void set_markup(json_t *obj, const char *key, const char *text)
{
    int markup = text && strchr(text, '&');
    for (const char *lt = text; lt && !markup && (lt = strchr(lt, '<')); lt++)
        markup = isalpha((unsigned char)lt[1]) || lt[1] == '/';
    if (!markup) {
        set_str(obj, key, text);
        return;
    }
    ns_buf_t out = {0};
    json_t *scratch = json_array();
    int rc =
        scratch ? ns_html_fragment_text(text, strlen(text), scratch, &out) : -1;
    /* Escaped twice ("Mayor&amp;#8217;s plan"): read once more, as feeds
     * are; the <h1> of such a page is clean and the title was not. */
    if (rc == 0 && out.p &&
        ns_html_escaped_twice(text, strlen(text), out.p, out.len)) {
        ns_buf_t again = {0};
        rc = ns_html_fragment_text(out.p, out.len, scratch, &again);
        ns_buf_free(&out);
        out = again;
    }
    if (rc == 0 && out.p)
        ns_fields_set(obj, key, out.p, out.len, 0);
    else
        set_str(obj, key, text);
    json_decref(scratch);
    ns_buf_free(&out);
}

/* The label TEXT (*LEN bytes), a section or keyword, with its entities
 * read once here when it was escaped twice ("Arts &amp;amp; Culture"):
 * ns_fields_set_label reads them once more.  ONCE holds the text read. */
static const char *label_once(const char *text, size_t *len, ns_buf_t *once)
{
    if (!text || !memchr(text, '&', *len) ||
        ns_html_decode_entities(text, *len, once) < 0 || !once->p ||
        !ns_html_escaped_twice(text, *len, once->p, once->len))
        return text;
    *len = once->len;
    return once->p;
}

void ns_html_ld_fields(json_t *obj, json_t *ld, json_t *root)
{
    json_t *ident = json_object_get(ld, "identifier");
    if (json_is_integer(ident)) {
        json_object_set(obj, "id", ident);
    } else {
        set_str(obj, "id", ns_html_ld_text(ident));
    }
    set_markup(obj, "title",
               json_string_value(json_object_get(ld, "headline")));
    set_markup(obj, "body",
               json_string_value(json_object_get(ld, "articleBody")));
    const char *date = json_string_value(json_object_get(ld, "datePublished"));
    if (date)
        ns_fields_date(obj, date, 0);
    /* When it last changed: an older saved copy of the page does not
     * replace a newer one, as for a feed's entry. */
    ns_fields_updated(obj,
                      json_string_value(json_object_get(ld, "dateModified")));
    /* Sections and keywords are labels, written as the CMS keeps them:
     * WordPress's "Arts &amp; Culture".  Their entities are read (twice
     * when escaped twice), and nothing else of HTML ("<b>" in one is
     * text). */
    const char *section =
        ns_html_ld_text(json_object_get(ld, "articleSection"));
    if (section) {
        ns_buf_t once = {0};
        size_t n = strlen(section);
        const char *label = label_once(section, &n, &once);
        ns_fields_set_label(obj, "section", label, n, 0);
        ns_buf_free(&once);
    }
    /* Every author, not the first; a Person given only by "@id" is the
     * node of the block's @graph with that "@id", else names no one. */
    json_t *authors = resolved_authors(json_object_get(ld, "author"), root);
    char *by = ns_names_join(authors, NS_MAX_LABEL);
    set_markup(obj, "author", by);
    free(by);
    json_decref(authors);
    json_t *lang = json_object_get(ld, "inLanguage");
    if (json_is_object(lang))
        lang = json_object_get(lang, "alternateName");
    set_str(obj, "lang", json_string_value(lang));
    set_str(obj, "url", json_string_value(json_object_get(ld, "url")));
    /* mainEntityOfPage's "@id" with a fragment ("https://x/a/#webpage",
     * as Rank Math and Yoast write it) names a node of the block, not the
     * page: og:url and the canonical link come first
     * (ns_html_ld_node_url). */
    const char *page = ns_html_ld_text(json_object_get(ld, "mainEntityOfPage"));
    if (page && !strchr(page, '#'))
        set_str(obj, "url", page);
    json_t *kw = json_object_get(ld, "keywords");
    if (json_is_string(kw) || json_is_array(kw)) {
        /* "a, b" and ["a", "b"] both become tags. */
        json_t *one =
            json_is_string(kw) ? json_pack("[O]", kw) : json_incref(kw);
        size_t i;
        json_t *v;
        json_array_foreach(one, i, v)
        {
            const char *s = json_string_value(v);
            while (s && *s) {
                const char *comma = strchr(s, ',');
                size_t n = comma ? (size_t)(comma - s) : strlen(s);
                ns_buf_t once = {0};
                const char *label = label_once(s, &n, &once);
                ns_fields_push_label(obj, "tags", label, n);
                ns_buf_free(&once);
                s = comma ? comma + 1 : NULL;
            }
        }
        json_decref(one);
    }
}

void ns_html_ld_node_url(json_t *obj, json_t *ld, json_t *root)
{
    const char *id = ns_html_ld_text(json_object_get(ld, "mainEntityOfPage"));
    if (!id || json_object_get(obj, "url"))
        return;
    /* The "url" of the node it names, else the address before the
     * fragment: "https://x/a/#webpage" is the node of https://x/a/. */
    const char *url =
        json_string_value(json_object_get(graph_node(root, id), "url"));
    if (url && !strchr(url, '#'))
        set_str(obj, "url", url);
    else
        ns_fields_set(obj, "url", id, strcspn(id, "#"), 0);
}

/* ------------------------------------------------------------------------ */
/* Which article of the page's JSON-LD is the page's story                  */
/* ------------------------------------------------------------------------ */

int ns_html_ld_has_article(json_t *root)
{
    json_t *found = json_array();
    find_ld_articles(root, root, found, 0);
    int any = json_array_size(found) > 0;
    json_decref(found);
    return any;
}

/* The listing type of a JSON-LD type T (a string or a list), or NULL.
 * A WebSite is none: many sites name it in a block of its own on every
 * page, their articles too. */
static const char *listing_type(json_t *t)
{
    static const char *const lists[] = {"CollectionPage", "SearchResultsPage",
                                        "ProfilePage"};
    size_t i;
    json_t *v;
    if (json_is_array(t)) {
        json_array_foreach(t, i, v) if (listing_type(v)) return listing_type(v);
        return NULL;
    }
    const char *s = json_string_value(t);
    for (i = 0; s && i < sizeof lists / sizeof *lists; i++)
        if (strcmp(s, lists[i]) == 0)
            return lists[i];
    return NULL;
}

const char *ns_html_ld_listing(json_t *root)
{
    if (ns_html_ld_has_article(root))
        return NULL;
    json_t *graph = json_object_get(root, "@graph");
    json_t *nodes = json_is_array(root) ? root : graph;
    if (!nodes)
        return listing_type(json_object_get(root, "@type"));
    size_t i;
    json_t *v;
    json_array_foreach(nodes, i, v)
    {
        const char *found = listing_type(json_object_get(v, "@type"));
        if (found)
            return found;
    }
    return NULL;
}

/* Non-zero if A and B are the same address but for the scheme (http or
 * https), a fragment and a slash at the end: "https://x/a/#webpage", the
 * "@id" Yoast gives the page, is http://x/a. */
static int same_url(const char *a, const char *b)
{
    size_t la, lb;
    if (!a || !b)
        return 0;
    for (int k = 0; k < 2; k++) {
        const char **s = k ? &b : &a;
        if (strncasecmp(*s, "https://", 8) == 0)
            *s += 8;
        else if (strncasecmp(*s, "http://", 7) == 0)
            *s += 7;
    }
    la = strcspn(a, "#");
    lb = strcspn(b, "#");
    if (la && a[la - 1] == '/')
        la--;
    if (lb && b[lb - 1] == '/')
        lb--;
    return la && la == lb && memcmp(a, b, la) == 0;
}

/* Does the article object LD name the page at one of URLS (its canonical
 * link and og:url) as its own: as its "url", its mainEntityOfPage or the
 * address of its "@id"? */
static int ld_names_url(json_t *ld, const char *const *urls)
{
    const char *own[3] = {
        json_string_value(json_object_get(ld, "url")),
        ns_html_ld_text(json_object_get(ld, "mainEntityOfPage")),
        json_string_value(json_object_get(ld, "@id")),
    };
    for (const char *const *u = urls; *u; u++)
        for (size_t i = 0; i < 3; i++)
            if (same_url(own[i], *u))
                return 1;
    return 0;
}

/* Is the article object LD's headline one of TITLES (og:title, the <h1>,
 * <title>), alone or with the site's name joined to it ("Dock workers vote
 * to strike | Port News")? */
static int ld_names_title(json_t *ld, const char *const *titles)
{
    static const char *const no_sites[] = {NULL};
    const char *headline = json_string_value(json_object_get(ld, "headline"));
    size_t off, len;
    if (!headline || !*headline)
        return 0;
    for (const char *const *t = titles; *t; t++)
        if (ns_html_same_text(*t, headline) ||
            ns_html_title_trim(*t, no_sites, headline, &off, &len))
            return 1;
    return 0;
}

json_t *ns_html_ld_choose(json_t *roots, const char *const *urls,
                          const char *const *titles, json_t **root)
{
    json_t *found = json_array(), *pick = NULL;
    size_t i;
    json_t *v;
    *root = NULL;
    json_array_foreach(roots, i, v) find_ld_articles(v, v, found, 0);
    /* A page's JSON-LD may describe other stories before its own (a
     * teaser of yesterday's story, a list of related ones): the story is
     * the object that names the page's address, else its headline; the
     * first only when none agrees with the page. */
    for (int by_title = 0; by_title < 2 && !pick; by_title++) {
        json_array_foreach(found, i, v)
        {
            json_t *ld = json_array_get(v, 0);
            if (by_title ? ld_names_title(ld, titles)
                         : ld_names_url(ld, urls)) {
                pick = v;
                break;
            }
        }
    }
    if (!pick)
        pick = json_array_get(found, 0);
    json_t *ld = NULL;
    if (pick) {
        ld = json_incref(json_array_get(pick, 0));
        *root = json_incref(json_array_get(pick, 1));
    }
    json_decref(found);
    return ld;
}
