/* html.c - Article pages: what the page says of its story, and its
 * fields (which part of the page is the story is html-story.c's; the text
 * of a subtree, and of the HTML inside feeds and Markdown files,
 * html-walk.c's).
 *
 * libxml2's HTML parser does the parsing: it copes with real-world tag soup
 * and knows the HTML entities, and with HTML_PARSE_NONET it never fetches
 * anything.  What is article text is decided here, in this order, because
 * that is the order of how much a page's publisher vouches for it:
 *   1. schema.org JSON-LD (NewsArticle, Article, BlogPosting, ...), parsed
 *      with jansson (html-ld.c): what the site tells search engines the
 *      article is;
 *   2. Open Graph and article:* meta tags: what it tells social networks;
 *   3. the text of the story's <article> (a page may have teasers in
 *      <article>s too), else <main>, and its <h1> and <time>s rather than
 *      the site's.
 * Navigation, scripts, styles, asides, forms, the site's header, footers,
 * comment threads and the blocks html-furniture.c names (related posts,
 * share buttons, newsletter boxes, ads) never reach the text.  A page that is
 * not UTF-8 is decoded as its charset label says, and read as windows-1252
 * where browsers read it so: labelled ISO-8859-1 or US-ASCII, or not at
 * all (charset.c, ns_html_read). */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html-page.h"

#define MAX_DEPTH NS_HTML_MAX_DEPTH

#define NAME(n) ((const char *)(n)->name)

/* The text of a <script> without the wrappers CMSs put around it for
 * browsers of the 1990s and XHTML: "//<![CDATA[ ... //]]>", "<!-- ... -->"
 * (each with its line comment, or none).  Cut in place. */
static char *unwrap_script(char *t)
{
    static const char *const opens[] = {"<![CDATA[", "<!--"};
    static const char *const closes[] = {"]]>", "-->"};
    for (int k = 0; k < 2; k++) {
        char *p = t;
        while (isspace((unsigned char)*p))
            p++;
        int comment = p[0] == '/' && p[1] == '/';
        char *q = comment ? p + 2 : p;
        while (comment && (*q == ' ' || *q == '\t'))
            q++;
        if (strncmp(q, opens[k], strlen(opens[k])) != 0)
            continue;
        t = q + strlen(opens[k]);
        char *end = t + strlen(t);
        while (end > t && isspace((unsigned char)end[-1]))
            end--;
        size_t n = strlen(closes[k]);
        if ((size_t)(end - t) >= n && !strncmp(end - n, closes[k], n)) {
            end -= n;
            while (end > t && (end[-1] == ' ' || end[-1] == '\t'))
                end--;
            if (end - t >= 2 && end[-1] == '/' && end[-2] == '/')
                end -= 2;
        }
        *end = '\0';
    }
    return t;
}

static void take_ld(struct page *pg, xmlNodePtr script)
{
    pg->ld_blocks++;
    xmlChar *text = xmlNodeGetContent(script);
    if (!text)
        return;
    char *json = unwrap_script((char *)text);
    json_error_t error;
    json_t *root = json_loads(json, 0, &error);
    xmlFree(text);
    if (!root) {
        /* The page is still read, from its meta tags and markup; what the
         * block alone held (often the date and the author) is lost, and
         * the site can mend it only if it is told.  The block's text
         * starts on the line of its <script>.  The first such block is
         * named. */
        long line = xmlGetLineNo(script);
        size_t used = pg->warn_size ? strlen(pg->warn) : 0;
        if (pg->warn_size && !pg->ld_warned++)
            snprintf(pg->warn + used, pg->warn_size - used,
                     "%sJSON-LD block %u does not parse: %s (line %ld)",
                     used ? "; " : "",
                     pg->ld_blocks, error.text,
                     line > 0 && error.line > 0 ? line + error.line - 1 : line);
        return;
    }
    /* Which of the blocks' articles is the page's story is known only
     * once the page's canonical link and headline are (choose_ld). */
    if (ns_html_ld_has_article(root))
        json_array_append(pg->ld_roots, root);
    else if (!pg->listing)
        pg->listing = ns_html_ld_listing(root);
    json_decref(root);
}

/* The page's story among the article objects of its JSON-LD: the one
 * that names the page's address or headline (ns_html_ld_choose). */
static void choose_ld(struct page *pg)
{
    ns_buf_t h1 = {0};
    if (pg->h1 && ns_html_node_text(pg->h1, NULL, &h1) < 0)
        ns_buf_free(&h1);
    const char *urls[3] = {NULL, NULL, NULL}, *titles[4] = {NULL};
    size_t u = 0, t = 0;
    if (pg->canonical)
        urls[u++] = pg->canonical;
    urls[u] = json_string_value(json_object_get(pg->meta, "og:url"));
    titles[t] = json_string_value(json_object_get(pg->meta, "og:title"));
    t += titles[t] != NULL;
    if (h1.p && h1.len)
        titles[t++] = h1.p;
    titles[t] = pg->title;
    pg->ld = ns_html_ld_choose(pg->ld_roots, urls, titles, &pg->ld_root);
    ns_buf_free(&h1);
}

char *ns_html_prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

int ns_html_is_role(xmlNodePtr n, const char *name, const char *role)
{
    if (strcasecmp(NAME(n), name) == 0)
        return 1;
    char *r = ns_html_prop(n, "role");
    int hit = r && strcasecmp(r, role) == 0;
    free(r);
    return hit;
}

/* Is PROP among N's itemprop names (schema.org microdata)? */
static int has_itemprop(xmlNodePtr n, const char *want)
{
    char *v = ns_html_prop(n, "itemprop");
    int hit = 0;
    char *save = NULL;
    for (char *tok = v ? strtok_r(v, " \t\n", &save) : NULL; tok && !hit;
         tok = strtok_r(NULL, " \t\n", &save))
        hit = strcmp(tok, want) == 0;
    free(v);
    return hit;
}

/* One pass over the page for everything the three sources need. */
static void survey(struct page *pg, xmlNodePtr n, int depth)
{
    for (; n && depth <= MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = NAME(n);
        if (strcasecmp(name, "script") == 0) {
            char *type = ns_html_prop(n, "type");
            if (type && strcasecmp(type, "application/ld+json") == 0)
                take_ld(pg, n);
            free(type);
            continue;
        }
        if ((xmlHasProp(n, BAD_CAST "property") ||
             xmlHasProp(n, BAD_CAST "rel")) &&
            strcasecmp(name, "meta") && strcasecmp(name, "link") &&
            strcasecmp(name, "a"))
            ns_html_rdfa_take(pg->meta, n);
        if ((xmlHasProp(n, BAD_CAST "itemprop") ||
             xmlHasProp(n, BAD_CAST "rel")) &&
            strcasecmp(name, "meta") && strcasecmp(name, "link"))
            ns_html_microdata_take(pg->meta, n);
        if (strcasecmp(name, "meta") == 0) {
            ns_html_meta_take(pg->meta, pg->tags, n);
        } else if (strcasecmp(name, "html") == 0 && !pg->lang) {
            pg->lang = ns_html_prop(n, "lang");
        } else if (strcasecmp(name, "title") == 0 && !pg->title) {
            xmlChar *t = xmlNodeGetContent(n);
            pg->title = t ? strdup((const char *)t) : NULL;
            xmlFree(t);
        } else if (strcasecmp(name, "base") == 0 && !pg->base) {
            pg->base = ns_html_prop(n, "href");
        } else if (strcasecmp(name, "link") == 0 && !pg->canonical) {
            char *rel = ns_html_prop(n, "rel");
            if (rel && strcasecmp(rel, "canonical") == 0)
                pg->canonical = ns_html_prop(n, "href");
            free(rel);
        } else if (ns_html_is_role(n, "article", "article") &&
                   pg->n_articles < MAX_ARTICLES) {
            pg->articles[pg->n_articles++].node = n;
        } else if (ns_html_is_role(n, "main", "main") && !pg->main) {
            pg->main = n;
        } else if (strcasecmp(name, "h1") == 0 && !pg->h1) {
            pg->h1 = n;
        }
        if (!pg->body_prop && has_itemprop(n, "articleBody"))
            pg->body_prop = n;
        survey(pg, n->children, depth + 1);
    }
}

static void set_str(json_t *obj, const char *key, const char *text)
{
    if (text)
        ns_fields_set(obj, key, text, strlen(text), 0);
}

/* What the <time> N says it is: 2 the publication date (the pubdate
 * attribute, itemprop="datePublished" as NRK writes it, the hAtom and
 * microformats2 classes WordPress themes write, "entry-date published"),
 * 0 the last change ("dateModified", "updated", "dt-updated"), else 1. */
static int time_kind(xmlNodePtr n)
{
    static const char *const published[] = {
        "datePublished", "published", "dt-published", "date-published", NULL};
    static const char *const modified[] = {"dateModified",  "updated",
                                           "dt-updated",    "modified",
                                           "date-modified", NULL};
    char *itemprop = ns_html_prop(n, "itemprop"),
         *class = ns_html_prop(n, "class");
    int kind = 1;
    if (xmlHasProp(n, BAD_CAST "pubdate") ||
        ns_html_has_token(itemprop, published) ||
        ns_html_has_token(class, published))
        kind = 2;
    else if (ns_html_has_token(itemprop, modified) ||
             ns_html_has_token(class, modified))
        kind = 0;
    free(itemprop);
    free(class);
    return kind;
}

/* The story's date so far, among the page's <time datetime>s. */
struct pick {
    xmlNodePtr body, h1; /* the story, and its <h1> */
    char *date;          /* the best so far, or NULL */
    int score;
};

/* Look at the <time>s of N and its siblings, and inside them, for the
 * story's date: one inside the story before one elsewhere, and one in the
 * site's chrome (a ticker or a "last updated" line in the masthead, a list
 * of related stories) last; in each place the publication date before a
 * plain date before the last change; on a tie the first.  A <time> that
 * is no date (datetime="PT4M", a reading time) is passed over. */
static void pick_time(struct pick *p, xmlNodePtr n, int depth, int chrome,
                      int inside)
{
    /* CHROME: N is inside markup that is left out, other than a <header>
     * that holds the story's <h1>, which is the article's own, not the
     * site's; INSIDE: N is inside the story.  Passed down rather than
     * found by a walk up from every <time>. */
    for (; n && depth <= MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        char *v = strcasecmp(NAME(n), "time") == 0 ? ns_html_prop(n, "datetime")
                                                   : NULL;
        int64_t t;
        char first[11], last[11];
        /* HTML allows a month or a year alone (datetime="1963-05"), as
         * old archives date their pages: read as the date field reads
         * them, their first day, as they are in JSON-LD. */
        if (v && (ns_date_parse(v, &t) == 0 || ns_date822_parse(v, &t) == 0 ||
                  ns_date_span(v, first, last) == 0)) {
            int place = chrome ? 0 : inside ? 2 : 1;
            int score = place * 3 + time_kind(n);
            if (score > p->score) {
                free(p->date);
                p->date = v;
                p->score = score;
                v = NULL;
            }
        }
        free(v);
        int skipped =
            ns_html_skipped(n) && !(p->h1 && ns_html_is_inside(p->h1, n) &&
                                    strcasecmp(NAME(n), "header") == 0);
        pick_time(p, n->children, depth + 1, chrome || skipped,
                  inside || n == p->body);
    }
}

/* The title without the site's name that og:title or <title> often carry
 * ("Mayor's plan | The Daily Planet"), when the site names itself
 * (og:site_name, the JSON-LD publisher) or the rest is the story's <h1>
 * (H1, may be NULL). */
static void trim_title(json_t *obj, struct page *pg, const char *h1)
{
    const char *title = json_string_value(json_object_get(obj, "title"));
    const char *sites[3] = {NULL, NULL, NULL};
    size_t n = 0, off, len;
    sites[n] = json_string_value(json_object_get(pg->meta, "og:site_name"));
    n += sites[n] != NULL;
    sites[n] = ns_html_ld_text(json_object_get(pg->ld, "publisher"));
    if (title && ns_html_title_trim(title, sites, h1, &off, &len))
        ns_fields_set(obj, "title", title + off, len, 1);
}

/* Non-zero if TITLE ends in an ellipsis ("…" or "...") and FULL is longer
 * and starts with the rest of it (as ns_html_same_text compares): a
 * headline an SEO or AMP plugin cut at 110 characters for the JSON-LD,
 * where the page's <h1> has it whole.  The cut one was the title, and
 * "title:debate" found nothing of a headline ending "...heated public
 * debate". */
static int cut_of(const char *title, const char *full)
{
    size_t n = strlen(title);
    while (n && isspace((unsigned char)title[n - 1]))
        n--;
    if (n >= 3 && !memcmp(title + n - 3, "\xe2\x80\xa6", 3))
        n -= 3;
    else if (n >= 3 && !memcmp(title + n - 3, "...", 3))
        n -= 3;
    else
        return 0;
    while (n && (isspace((unsigned char)title[n - 1]) || title[n - 1] == '.'))
        n--;
    if (n < 20 || strlen(full) <= n + 1)
        return 0;
    char *head = strndup(title, n), *part = strndup(full, n + 64);
    int same = 0;
    /* FULL's first words up to as many bytes as TITLE's rest, give or
     * take the white space ns_html_same_text overlooks. */
    for (size_t k = n; !same && part && k <= strlen(part) && k <= n + 63; k++) {
        char c = part[k];
        part[k] = '\0';
        same = head && ns_html_same_text(head, part);
        part[k] = c;
    }
    free(head);
    free(part);
    return same;
}

/* Whether LANG (the page's JSON-LD inLanguage or og:locale, when given)
 * names a language as a code or a known name: when it does not, the
 * <html lang> code is the better one. */
static int lang_known(json_t *lang)
{
    char code[64];
    if (!json_is_string(lang))
        return 0;
    snprintf(code, sizeof code, "%s", json_string_value(lang));
    return ns_lang_code(code) && *code;
}

static void from_markup(json_t *obj, struct page *pg, xmlNodePtr body_node)
{
    /* The story's own <h1>, rather than a teaser's before it or a site's
     * name set as an <h1> in the masthead; else the page's first. */
    xmlNodePtr h1 = body_node ? ns_html_first_h1(body_node->children, 0) : NULL;
    if (!h1)
        h1 = pg->h1;
    ns_buf_t h1_text = {0};
    if (h1 && ns_html_node_text(h1, NULL, &h1_text) == 0 && h1_text.len) {
        const char *had = json_string_value(json_object_get(obj, "title"));
        ns_fields_set(obj, "title", h1_text.p, h1_text.len,
                      had && cut_of(had, h1_text.p));
    }
    set_str(obj, "title", pg->title);
    /* A masthead <h1> is no headline to compare a title with. */
    trim_title(obj, pg,
               h1_text.len && !ns_html_in_chrome(h1) ? h1_text.p : NULL);
    ns_buf_free(&h1_text);
    set_str(obj, "url", pg->canonical);
    struct pick p = {body_node, h1, NULL, -1};
    pick_time(&p, pg->top, 0, 0, 0);
    ns_fields_date(obj, p.date, 0);
    free(p.date);
    if (pg->lang && !lang_known(json_object_get(obj, "lang")))
        ns_fields_set(obj, "lang", pg->lang, strcspn(pg->lang, "_-"), 1);
}

/* S's next byte that is not white space, lower-cased (ASCII), from *AT. */
static int next_letter(const char *s, size_t *at)
{
    while (s[*at] && isspace((unsigned char)s[*at]))
        ++*at;
    return s[*at] ? tolower((unsigned char)s[(*at)++]) : 0;
}

/* Does S (LEN bytes) end a sentence: with a full stop, a question or an
 * exclamation mark, before any closing quotes and brackets?  An ellipsis
 * ("..." or U+2026) ends none: it marks text that was cut. */
static int sentence_end(const char *s, size_t len)
{
    static const char *const closing[] = {
        "\"",
        "'",
        ")",
        "]",
        "\xe2\x80\x9d" /* right double quote */,
        "\xe2\x80\x99" /* right single quote */,
        "\xc2\xbb" /* guillemet */,
        NULL};
    for (;;) {
        while (len && isspace((unsigned char)s[len - 1]))
            len--;
        const char *const *c = closing;
        while (*c && !(len >= strlen(*c) &&
                       !memcmp(s + len - strlen(*c), *c, strlen(*c))))
            c++;
        if (!*c)
            break;
        len -= strlen(*c);
    }
    if (len >= 3 && (!memcmp(s + len - 3, "...", 3) ||
                     !memcmp(s + len - 3, "\xe2\x80\xa6", 3)))
        return 0;
    return len && strchr(".!?", s[len - 1]);
}

/* Is the JSON-LD articleBody LD a teaser of the story's text MARKUP, a
 * shorter text that MARKUP begins with (but for white space and case)?
 * It is when it was cut: its last 8 bytes differ (an ellipsis, "Read
 * more"), or it ends without ending a sentence (sentence_end) or inside
 * a word of MARKUP; or when it is the lead alone, no more than
 * MARKUP's first paragraph: some CMSs put that in JSON-LD, and the
 * story's other paragraphs were found by nothing.  An articleBody that
 * holds more than one of the story's paragraphs and ends where a sentence
 * does is the whole story, and the rest of MARKUP is what the page has
 * around it: an author's bio, the topics, a print edition's note, which
 * were indexed with it.  A paywalled page, whose JSON-LD has the whole
 * story and whose markup the teaser, keeps the JSON-LD too. */
static int teaser_of(const char *ld, const char *markup)
{
    if (!ld || strlen(ld) >= strlen(markup))
        return 0;
    size_t n = strlen(ld), i = 0, j = 0, same = 0;
    for (;;) {
        int a = next_letter(ld, &i);
        if (!a)
            break; /* all of LD begins MARKUP */
        if (a != next_letter(markup, &j))
            return same >= 40 && i + 8 >= n;
        same++;
    }
    if (isalnum((unsigned char)markup[j]) || !sentence_end(ld, n))
        return 1; /* "3." of "3.5 million", or no sentence's end */
    /* Paragraphs of the story, the last one whole: the story, unless the
     * markup has more after it than it holds.  A page's furniture after
     * the story is a few lines; more is the rest of the story, of which
     * the JSON-LD was a preview of the first paragraphs (for search
     * engines), and taking the preview would lose it. */
    for (size_t k = 0; k + 1 < j; k++)
        if (markup[k] == '\n' && markup[k + 1] == '\n')
            return strlen(markup + j) > n;
    return 1;
}

/* Cut the bylines (ns_html_byline_name) out of the story N, whose author
 * the page gives as a field: "By Jane Doe and John Smith" opened its body,
 * and a byline's names ran into their roles ("Marte LienJournalist").  A
 * page that gives none keeps its byline as text, the only record of who
 * wrote it (a WordPress theme's "by Tom Reed" without an SEO plugin). */
static void drop_bylines(xmlNodePtr n, int depth)
{
    xmlNodePtr next;
    for (xmlNodePtr c = n->children; c && depth <= MAX_DEPTH; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (ns_html_named(c, ns_html_byline_name)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else {
            drop_bylines(c, depth + 1);
        }
    }
}

/* The id the page of PG would have as an article into ART, or none:
 * the JSON-LD's or meta tags' (in OBJ, as read), else DEFAULT_ID. */
static void noindex_id(struct page *pg, json_t *obj, const char *default_id,
                       ns_article_t *art)
{
    if (pg->ld)
        ns_html_ld_fields(obj, pg->ld, pg->ld_root);
    ns_html_meta_fields(obj, pg->meta, pg->tags);
    json_t *just = json_object();
    json_t *id = json_object_get(obj, "id");
    char err[256];
    if (!just)
        return;
    if (id)
        json_object_set(just, "id", id);
    else if (default_id &&
             ns_check_name_id(default_id, "", err, sizeof err) == 0)
        json_object_set_new(just, "id", json_string(default_id));
    json_object_set_new(just, "title", json_string("-"));
    ns_article_t whole;
    if (ns_fields_article(just, &whole, err, sizeof err) == 0) {
        art->id = whole.id;
        whole.id = NULL;
    }
    ns_article_clear(&whole);
    json_decref(just);
}

/* The page's address in OBJ (from its canonical link, og:url or JSON-LD
 * url) resolved against its <base href>, as a browser resolves it: a
 * migrated site's pages wrote canonical="tidal-barrier/" under <base
 * href="https://gazette.example/2018/06/">, and the stored url was
 * "tidal-barrier/", which links nowhere.  A relative one with no
 * absolute base to resolve it against is kept, and the site told. */
static int resolve_url(json_t *obj, struct page *pg)
{
    const char *url = json_string_value(json_object_get(obj, "url"));
    if (!url)
        return 0;
    /* A scheme before any '/', '?' or '#' makes it absolute, whatever it
     * is ("JAVASCRIPT:", "urn:"): left for the url check to judge. */
    const size_t scheme = strcspn(url, ":/?#");
    if (url[scheme] == ':' && isalpha((unsigned char)url[0]))
        return 0;
    ns_xmlbase_t b = {0};
    char *abs = NULL;
    if (pg->base && (ns_xmlbase_document(&b, pg->base) < 0 ||
                     (b.doc && !(abs = ns_xmlbase_resolve(&b, url))))) {
        ns_xmlbase_free(&b);
        return -1;
    }
    if (abs && strstr(abs, "://")) {
        ns_fields_set(obj, "url", abs, strlen(abs), 1);
    } else if (pg->warn_size) {
        size_t used = strlen(pg->warn);
        snprintf(pg->warn + used, pg->warn_size - used,
                 "%srelative url \"%.100s\" kept as written (no absolute "
                 "<base href>; make the canonical link absolute)",
                 used ? "; " : "", url);
    }
    free(abs);
    ns_xmlbase_free(&b);
    return 0;
}

/* Is the page of PG, read into OBJ so far, a site's "page not found"
 * template, saved by a mirror (wget, HTTrack) for every dead link: a
 * title or <h1> that says so, no date and no JSON-LD article or
 * article:published_time?  Its "Sorry, try searching" was indexed as an
 * undated article once per dead link. */
static int not_found(struct page *pg, json_t *obj)
{
    static const char *const says[] = {"page not found", "404", "not found",
                                       "error 404", "404 not found",
                                       "404 error"};
    if (pg->ld || json_object_get(obj, "date") ||
        json_object_get(pg->meta, "article:published_time"))
        return 0;
    const char *titles[2] = {pg->title,
                             json_string_value(json_object_get(obj, "title"))};
    for (int k = 0; k < 2; k++) {
        const char *t = titles[k];
        if (!t)
            continue;
        t += strspn(t, " \t\r\n");
        for (size_t i = 0; i < sizeof says / sizeof *says; i++) {
            size_t n = strlen(says[i]);
            /* "Page not found", "404 - Harbour Gazette", "Page not found
             * | Harbour Gazette": the words, then the end or the site. */
            if (strncasecmp(t, says[i], n) != 0)
                continue;
            const char *rest = t + n + strspn(t + n, " \t\r\n.!");
            if (!*rest || strchr("-|\xe2", *rest))
                return 1;
        }
    }
    return 0;
}

int ns_html_page(const char *data, size_t len, const char *default_id,
                 ns_article_t *art, char *err, size_t err_size)
{
    char warn[256];
    return ns_html_page_warn(data, len, default_id, art, warn, sizeof warn, err,
                             err_size);
}

int ns_html_page_warn(const char *data, size_t len, const char *default_id,
                      ns_article_t *art, char *warn, size_t warn_size,
                      char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
    if (warn_size)
        warn[0] = '\0';
    htmlDocPtr doc = ns_html_read_warn(data, len, warn, warn_size);
    if (!doc) {
        snprintf(err, err_size, "not an HTML page");
        return -1;
    }
    struct page pg = {0};
    pg.warn = warn;
    pg.warn_size = warn_size;
    pg.meta = json_object();
    pg.tags = json_object();
    pg.ld_roots = json_array();
    json_t *obj = json_object();
    json_t *headings = json_array();
    int rc = -1;
    if (!pg.meta || !pg.tags || !pg.ld_roots || !obj || !headings) {
        snprintf(err, err_size, "out of memory");
        goto out;
    }
    pg.top = doc->children;
    survey(&pg, pg.top, 0);
    choose_ld(&pg);
    /* A redirect or a page that asks search engines to leave it out: no
     * article, not even one with text (a site that marks a page noindex
     * does not want it found).  Hugo writes a redirect page for every
     * alias and for page/1/; read as a page without article text, each was
     * a skipped record, and no --prune of the site was ever done. */
    int left = ns_html_meta_ignored(pg.meta, err, err_size);
    if (left) {
        /* A page that asks to be left out now may have been an article
         * before: its id, as the page would name it, is what an update
         * takes out (a redirect is where a story went, no story gone). */
        if (left == 2)
            noindex_id(&pg, obj, default_id, art);
        rc = 1;
        goto out;
    }

    /* A category, tag, author or page-N archive, a search result or a
     * front page, as its JSON-LD says: its text is other stories'
     * teasers, and each listing of a mirrored site was an undated
     * "article" that every search for those stories found again.  An
     * archive indexed so before is taken out as a noindex page is.  A
     * page whose meta tags date it, or with a block that does not parse
     * (which may have been its article), is read still. */
    if (pg.listing && !json_array_size(pg.ld_roots) && !pg.ld_warned &&
        !json_object_get(pg.meta, "article:published_time")) {
        snprintf(err, err_size,
                 "ignored: a listing page (JSON-LD %s), not an article",
                 pg.listing);
        noindex_id(&pg, obj, default_id, art);
        rc = 1;
        goto out;
    }

    /* The story's <article>; else the element schema.org microdata marks
     * as its body (itemprop="articleBody"), tighter than <main>, which
     * holds the headline and the furniture around it too. */
    xmlNodePtr body_node = ns_html_choose_article(&pg);
    size_t around = 0; /* bytes of text around an <h1> that is no story */
    if (!body_node)
        body_node = pg.body_prop;
    if (!body_node)
        body_node = pg.main;
    if (!body_node)
        body_node = ns_html_story_around_h1(&pg, &around);
    if (pg.ld)
        ns_html_ld_fields(obj, pg.ld, pg.ld_root);
    ns_html_meta_fields(obj, pg.meta, pg.tags);
    from_markup(obj, &pg, body_node);
    if (pg.ld)
        ns_html_ld_node_url(obj, pg.ld, pg.ld_root);
    if (resolve_url(obj, &pg) < 0) {
        snprintf(err, err_size, "out of memory");
        goto out;
    }

    /* The article's own markup gives its headings, and its body when the
     * JSON-LD has none or a teaser of it. */
    if (not_found(&pg, obj)) {
        snprintf(err, err_size,
                 "ignored: a \"page not found\" page (title \"%.80s\", no "
                 "date, no article metadata)",
                 pg.title ? pg.title
                          : json_string_value(json_object_get(obj, "title")));
        noindex_id(&pg, obj, default_id, art);
        rc = 1;
        goto out;
    }
    const char *by = json_string_value(json_object_get(obj, "author"));
    if (body_node && by && *by)
        drop_bylines(body_node, 0);
    if (body_node) {
        ns_buf_t text = {0};
        int too_deep = 0;
        if (ns_html_node_text_deep(body_node, headings, &text, &too_deep) <
            0) {
            ns_buf_free(&text);
            snprintf(err, err_size, "out of memory");
            goto out;
        }
        /* The rest of the story is kept; the site is told that a part
         * is missing, as a page that lost text without a word was "1
         * added" and nobody looked. */
        if (too_deep && warn_size && !warn[0])
            snprintf(warn, warn_size,
                     "text nested deeper than %d elements left out",
                     NS_HTML_MAX_DEPTH);
        if (text.len)
            ns_fields_set(
                obj, "body", text.p, text.len,
                teaser_of(json_string_value(json_object_get(obj, "body")),
                          text.p));
        ns_buf_free(&text);
        if (json_array_size(headings))
            json_object_set(obj, "headings", headings);
    }
    /* A page with an <h1> and some text under it, too little for a story
     * in plain <div>s (a brief of one line, or a contact page), says so:
     * "no text in <article>" sent the site's owner looking for markup that
     * was not the cause. */
    if (!json_object_get(obj, "body") && !body_node && around) {
        snprintf(err, err_size,
                 "no article text (no JSON-LD articleBody, <article>, <main> "
                 "or itemprop=\"articleBody\"; %zu bytes of text around the "
                 "<h1>, fewer than the %d a story in plain <div>s needs)",
                 around, STORY_PROSE);
        goto out;
    }
    if (!json_object_get(obj, "body")) {
        snprintf(err, err_size,
                 "no article text (no JSON-LD articleBody, and no text in "
                 "<article>, <main> or itemprop=\"articleBody\")");
        goto out;
    }
    /* Every field, from markup, meta tags or JSON-LD: "&#146;" is U+2019
     * as browsers read it, not U+0092 (charset.c).  The file's name, the
     * id, is not the page's text. */
    if (ns_json_c1_to_windows1252(obj) < 0) {
        snprintf(err, err_size, "out of memory");
        goto out;
    }
    if (default_id && !json_object_get(obj, "id") &&
        ns_check_name_id(default_id, "rename the file", err, err_size) < 0)
        goto out;
    if (default_id)
        ns_fields_set(obj, "id", default_id, strlen(default_id), 0);
    rc = ns_fields_article(obj, art, err, err_size);
out:
    json_decref(pg.meta);
    json_decref(pg.tags);
    json_decref(pg.ld);
    json_decref(pg.ld_root);
    json_decref(pg.ld_roots);
    json_decref(obj);
    json_decref(headings);
    free(pg.title);
    free(pg.lang);
    free(pg.canonical);
    free(pg.base);
    xmlFreeDoc(doc);
    return rc;
}
