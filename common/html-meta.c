/* html-meta.c - What an article page's meta tags say: Open Graph and
 * article:* tags (what a site tells social networks), microdata's <meta
 * itemprop> and Drupal's RDFa, kept by name as html.c surveys the page and
 * read into an article's fields after its JSON-LD (html-ld.c) and before
 * its markup (html.c). */
#include <ctype.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html-page.h"

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static void set_str(json_t *obj, const char *key, const char *text)
{
    if (text)
        ns_fields_set(obj, key, text, strlen(text), 0);
}

/* Non-zero if a white-space separated token of VALUE (may be NULL) is one
 * of LIST, in any case. */
int ns_html_has_token(const char *value, const char *const *list)
{
    for (const char *s = value; s && *s;) {
        s += strspn(s, " \t\n\r\f");
        size_t n = strcspn(s, " \t\n\r\f");
        for (const char *const *w = list; n && *w; w++)
            if (strlen(*w) == n && strncasecmp(s, *w, n) == 0)
                return 1;
        s += n;
    }
    return 0;
}

/* The robots directive in CONTENT (may be NULL), a <meta> named KEY,
 * that keeps the page out of search engines: "noindex", or "none" (noindex
 * and nofollow), for every robot ("robots") or Google's ("googlebot");
 * else NULL.  Directives are separated by commas, with or without
 * spaces: "noindex, follow", "NOINDEX,NOFOLLOW". */
static const char *noindex_word(const char *key, const char *content)
{
    static const char *const words[] = {"noindex", "none"};
    if (!content || (strcmp(key, "robots") && strcmp(key, "googlebot")))
        return NULL;
    for (const char *s = content; *s;) {
        s += strspn(s, ", \t\n\r\f");
        size_t n = strcspn(s, ", \t\n\r\f");
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            if (strlen(words[i]) == n && strncasecmp(s, words[i], n) == 0)
                return words[i];
        s += n;
    }
    return NULL;
}

/* Each tag of an article:tag's CONTENT into TAGS's list "tags".  One
 * meta tag may hold several, separated by commas as JSON-LD keywords are:
 * the Guardian writes <meta property="article:tag" content="Wind
 * power,Renewable energy,Norfolk">, which was one tag, and tag:norfolk
 * found nothing. */
static void push_tags(json_t *tags, const char *content)
{
    while (content) {
        const char *comma = strchr(content, ',');
        size_t n = comma ? (size_t)(comma - content) : strlen(content);
        ns_fields_push(tags, "tags", content, n);
        content = comma ? comma + 1 : NULL;
    }
}

void ns_html_meta_take(json_t *meta, json_t *tags, xmlNodePtr n)
{
    char *key = prop(n, "property");
    if (!key)
        key = prop(n, "name");
    if (!key) /* microdata: <meta itemprop="datePublished" content=...> */
        key = prop(n, "itemprop");
    char *content = prop(n, "content");
    /* <meta http-equiv="refresh" content="0; url=...">, kept apart from
     * the names: a page that sends its reader on (ns_html_meta_ignored). */
    char *equiv = key ? NULL : prop(n, "http-equiv");
    if (equiv && content && strcasecmp(equiv, "refresh") == 0)
        ns_fields_set(meta, "http-equiv:refresh", content, strlen(content), 0);
    free(equiv);
    if (key && content) {
        for (char *p = key; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        /* A noindex replaces an earlier robots tag that allowed indexing:
         * a page that says both does not want to be found. */
        if (strcmp(key, "article:tag") == 0)
            push_tags(tags, content);
        else
            ns_fields_set(meta, key, content, strlen(content),
                          noindex_word(key, content) != NULL);
    }
    free(key);
    free(content);
}

/* Pages with a meta refresh that waits longer than this many seconds
 * stay pages: a front page or a live story that reloads itself every few
 * minutes ("300; url=" its own address) is read, not taken for a
 * redirect. */
#define REDIRECT_DELAY 10

/* The URL (*LEN bytes of the result) that a meta refresh with CONTENT (may
 * be NULL) sends its reader to within REDIRECT_DELAY seconds: "0;
 * url=https://harbour.example/" (Hugo's alias pages and page/1/),
 * "0;URL='/2025/09/bruecke'", "3, url=/new"; read as browsers read it (a
 * "url=" is optional).  NULL when there is none: a refresh without a URL
 * only reloads the page. */
static const char *refresh_target(const char *s, size_t *len)
{
    static const char ws[] = " \t\n\r\f";
    if (!s)
        return NULL;
    s += strspn(s, ws);
    unsigned long delay = 0;
    for (; isdigit((unsigned char)*s); s++)
        if (delay <= REDIRECT_DELAY)
            delay = delay * 10 + (unsigned long)(*s - '0');
    s += strspn(s, "0123456789."); /* a fraction of a second */
    s += strspn(s, ws);
    if (*s == ';' || *s == ',')
        s++;
    s += strspn(s, ws);
    if (strncasecmp(s, "url", 3) == 0) {
        const char *eq = s + 3 + strspn(s + 3, ws);
        if (*eq == '=')
            s = eq + 1 + strspn(eq + 1, ws);
    }
    char quote = *s == '\'' || *s == '"' ? *s++ : '\0';
    const char *end = quote ? strchr(s, quote) : NULL;
    size_t n = end ? (size_t)(end - s) : strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n || delay > REDIRECT_DELAY)
        return NULL;
    *len = n;
    return s;
}

int ns_html_meta_ignored(json_t *meta, char *why, size_t why_size)
{
    size_t len;
    const char *url = refresh_target(
        json_string_value(json_object_get(meta, "http-equiv:refresh")), &len);
    if (url) {
        snprintf(why, why_size, "ignored: a redirect to %.*s",
                 len > 200 ? 200 : (int)len, url);
        return 1;
    }
    static const char *const robots[] = {"robots", "googlebot"};
    for (size_t i = 0; i < sizeof robots / sizeof *robots; i++) {
        const char *word = noindex_word(
            robots[i], json_string_value(json_object_get(meta, robots[i])));
        if (word) {
            snprintf(why, why_size,
                     "ignored: the page asks not to be indexed (%s %s)",
                     robots[i], word);
            return 2;
        }
    }
    return 0;
}

/* RDFa, as Drupal writes every node (its rdf module, in core): an element
 * of any name with property="schema:dateCreated" and the value in its
 * content attribute ("dc:date dc:created" in Drupal 7), and the byline as
 * the text of the element marked rel="schema:author" (Drupal 7:
 * "sioc:has_creator").  Each property is kept as meta is, by its name. */
void ns_html_rdfa_take(json_t *meta, xmlNodePtr n)
{
    char *props = prop(n, "property"), *content = NULL;
    if (props && (content = prop(n, "content")) != NULL)
        for (char *t = strtok(props, " \t\n"); t; t = strtok(NULL, " \t\n")) {
            for (char *p = t; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            ns_fields_set(meta, t, content, strlen(content), 0);
        }
    free(props);
    free(content);
    char *rel = prop(n, "rel");
    static const char *const author[] = {"schema:author", "sioc:has_creator",
                                         NULL};
    if (rel && ns_html_has_token(rel, author) &&
        !json_object_get(meta, "rdfa:author")) {
        xmlChar *t = xmlNodeGetContent(n);
        if (t)
            ns_fields_set(meta, "rdfa:author", (const char *)t,
                          strlen((const char *)t), 0);
        xmlFree(t);
    }
    free(rel);
}

/* The text of N with its runs of white space made one space: a byline's
 * name is often split over lines of markup.  Free with free(). */
static char *flat_text(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *out = t ? malloc(strlen((const char *)t) + 1) : NULL;
    size_t len = 0;
    for (const char *p = (const char *)t; out && *p; p++)
        if (!isspace((unsigned char)*p))
            out[len++] = *p;
        else if (len && out[len - 1] != ' ')
            out[len++] = ' ';
    while (out && len && out[len - 1] == ' ')
        len--;
    if (out)
        out[len] = '\0';
    xmlFree(t);
    return out;
}

/* The first element at or below N (not into another item's properties
 * than N's own) whose itemprop names WANT; or NULL. */
static xmlNodePtr find_itemprop(xmlNodePtr n, const char *want, int depth)
{
    const char *list[2] = {want, NULL};
    for (xmlNodePtr c = n->children; c && depth < 16; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        char *v = prop(c, "itemprop");
        int hit = ns_html_has_token(v, list);
        free(v);
        if (hit)
            return c;
        xmlNodePtr found = xmlHasProp(c, BAD_CAST "itemscope")
                               ? NULL
                               : find_itemprop(c, want, depth + 1);
        if (found)
            return found;
    }
    return NULL;
}

/* Add NAME to META's KEY, a list of names joined with ", " as JSON-LD's
 * authors are, unless it is there. */
static void add_name(json_t *meta, const char *key, const char *name)
{
    const char *had = json_string_value(json_object_get(meta, key));
    if (!name || !*name || strlen(name) > 200 || (had && strstr(had, name)))
        return;
    if (!had) {
        ns_fields_set(meta, key, name, strlen(name), 0);
        return;
    }
    size_t n = strlen(had) + 2 + strlen(name) + 1;
    char *both = malloc(n);
    if (both) {
        snprintf(both, n, "%s, %s", had, name);
        ns_fields_set(meta, key, both, strlen(both), 1);
    }
    free(both);
}

void ns_html_microdata_take(json_t *meta, xmlNodePtr n)
{
    static const char *const author[] = {"author", "creator", NULL};
    static const char *const section[] = {"articleSection", NULL};
    static const char *const rel_author[] = {"author", NULL};
    char *itemprop = prop(n, "itemprop");
    if (ns_html_has_token(itemprop, author)) {
        /* A Person's name (itemprop="name" inside it), else the
         * element's text; an <a> or <link> to a profile page with no
         * text is no name. */
        xmlNodePtr name = find_itemprop(n, "name", 0);
        char *text = flat_text(name ? name : n);
        add_name(meta, "microdata:author", text);
        free(text);
    } else if (ns_html_has_token(itemprop, section) &&
               !json_object_get(meta, "microdata:articlesection")) {
        char *text = flat_text(n);
        if (text && strlen(text) <= 100)
            ns_fields_set(meta, "microdata:articlesection", text,
                          strlen(text), 0);
        free(text);
    }
    free(itemprop);
    char *rel = prop(n, "rel");
    if (ns_html_has_token(rel, rel_author) &&
        !json_object_get(meta, "rel:author")) {
        char *text = flat_text(n);
        if (text && strlen(text) <= 100)
            ns_fields_set(meta, "rel:author", text, strlen(text), 0);
        free(text);
    }
    free(rel);
}

void ns_html_meta_fields(json_t *obj, json_t *meta, json_t *tags)
{
    json_t *m = meta;
    set_str(obj, "title", json_string_value(json_object_get(m, "og:title")));
    set_str(obj, "url", json_string_value(json_object_get(m, "og:url")));
    /* Open Graph, microdata, then RDFa's (Drupal's). */
    static const char *const dates[] = {
        "article:published_time", "datepublished", "schema:datepublished",
        "schema:datecreated",     "dc:created",    "dc:date"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        const char *date = json_string_value(json_object_get(m, dates[i]));
        if (date) {
            ns_fields_date(obj, date, 0);
            break;
        }
    }
    /* When it last changed: Open Graph's (og:updated_time, as Yoast
     * wrote it), microdata's, then RDFa's (Drupal's "changed"). */
    static const char *const modified[] = {
        "article:modified_time", "og:updated_time", "datemodified",
        "schema:datemodified"};
    for (size_t i = 0; i < sizeof modified / sizeof *modified; i++)
        ns_fields_updated(obj,
                          json_string_value(json_object_get(m, modified[i])));
    set_str(obj, "section",
            json_string_value(json_object_get(m, "article:section")));
    set_str(obj, "section",
            json_string_value(json_object_get(m, "microdata:articlesection")));
    /* article:author is often a profile URL; a name is better than none,
     * a URL is no author's name. */
    const char *author =
        json_string_value(json_object_get(m, "article:author"));
    if (author && !strstr(author, "://"))
        set_str(obj, "author", author);
    set_str(obj, "author", json_string_value(json_object_get(m, "author")));
    set_str(obj, "author",
            json_string_value(json_object_get(m, "rdfa:author")));
    /* Microdata's (a Person's itemprop="name" inside itemprop="author"),
     * then, as a last resort, the text of a rel="author" link. */
    set_str(obj, "author",
            json_string_value(json_object_get(m, "microdata:author")));
    set_str(obj, "author", json_string_value(json_object_get(m, "rel:author")));
    const char *locale = json_string_value(json_object_get(m, "og:locale"));
    if (locale && !json_object_get(obj, "lang")) {
        /* og:locale is "nb_NO"; the language is the part before "_". */
        size_t n = strcspn(locale, "_-");
        ns_fields_set(obj, "lang", locale, n, 0);
    }
    if (!json_object_get(obj, "tags") && json_object_get(tags, "tags"))
        json_object_set(obj, "tags", json_object_get(tags, "tags"));
}
