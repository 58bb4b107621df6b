/* feed-elements.c - Which elements of a feed's items, and of the feed
 * itself, are kept and under which key, for the parser of feed.c: the
 * text of an element is collected between its start and its end, and
 * kept as a raw field of the item (or of the feed) that feed-item.c makes
 * an article. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed.h"

/* SAX2 attributes come as (localname, prefix, URI, value, end) quintuples;
 * the value of NAME (in namespace URI, or none), its references resolved,
 * or NULL.  Free with free(). */
char *ns_feed_attr(const xmlChar **attrs, int n, const char *name,
                   const char *uri)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], name) != 0)
            continue;
        if ((uri == NULL) != (a[2] == NULL) ||
            (uri && strcmp(uri, (const char *)a[2]) != 0))
            continue;
        return ns_htmlent_attr((const char *)a[3], (size_t)(a[4] - a[3]));
    }
    return NULL;
}

static void begin_field(ns_feed_t *f, const char *key, int depth)
{
    free(f->field);
    f->field = strdup(key);
    f->field_depth = depth;
    f->field_markup = NS_MK_MAYBE;
    ns_buf_reset(&f->text);
}

void ns_feed_end_field(ns_feed_t *f)
{
    json_t *to = f->item_depth >= 0 ? f->extra : f->chan;
    const char *key = f->field;
    const char *s = f->text.p ? f->text.p : "";
    size_t n = f->text.len;
    /* A byline with an address, "jdoe@example.com (Jane Doe)", is read
     * as RSS's <author> is, wherever it is written; but a WordPress
     * export's <dc:creator> is a login, looked up as it is (wxr.c). */
    if (!strcmp(key, "rss_author") || !strcmp(key, "author") ||
        !strcmp(key, "source_author") || !strcmp(key, "itunes_author") ||
        (!strcmp(key, "creator") && !f->wxr)) {
        const char *name;
        size_t name_len = ns_feed_rss_author(s, n, &name);
        if (name_len)
            ns_fields_push(to, *key == 'r' ? "author" : key, name, name_len);
    } else if (!strcmp(key, "category") || !strcmp(key, "tag") ||
               !strcmp(key, "creator"))
        ns_fields_push(to, key, s, n);
    else if (!strcmp(key, "author_email")) {
        /* Kept no further: only whether it is Blogger's address for
         * every author (ns_blogger_author_done). */
        const char *e = s;
        size_t en = n;
        ns_trim_spaces(&e, &en);
        f->author_noreply = en == 19 && !memcmp(e, "noreply@blogger.com", 19);
    } else if (f->wxr && (!strcmp(key, "content") || !strcmp(key, "excerpt"))) {
        /* A post (or its excerpt) as WordPress stores it: shortcodes,
         * and blank lines as its paragraphs whatever tags it has. */
        ns_buf_t plain = {0};
        if (!memchr(s, '[', n))
            ns_feed_item_text(to, key, s, n, NS_MK_POST);
        else if (ns_wxr_shortcodes(s, n, &plain) == 0)
            ns_feed_item_text(to, key, plain.p ? plain.p : "", plain.len,
                              NS_MK_POST);
        ns_buf_free(&plain);
    } else if (!strcmp(key, "content") || !strcmp(key, "summary") ||
               !strcmp(key, "title") || !strcmp(key, "itunes_summary") ||
               !strcmp(key, "itunes_subtitle") ||
               !strcmp(key, "media_description"))
        ns_feed_item_text(to, key, s, n, f->field_markup);
    else if (!strcmp(key, "link") && n) {
        /* RSS's <link> text, against an xml:base in scope. */
        char *text = strndup(s, n), *abs = NULL;
        if (text && (abs = ns_xmlbase_resolve(&f->base, text)))
            ns_fields_set(to, key, abs, strlen(abs), 0);
        free(abs);
        free(text);
    } else
        ns_fields_set(to, key, s, n, 0);
    free(f->field);
    f->field = NULL;
    f->field_depth = -1;
    f->field_xhtml = 0;
}

/* Is TYPE (may be NULL), the type attribute of an Atom <link>, a web
 * page's: none, "text/html" or "application/xhtml+xml" (with or without
 * parameters, "text/html; charset=utf-8")? */
static int page_type(const char *type)
{
    static const char *const pages[] = {"text/html", "application/xhtml+xml"};
    if (!type)
        return 1;
    type += strspn(type, " \t");
    size_t n = strcspn(type, "; \t");
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++)
        if (strlen(pages[i]) == n && !strncasecmp(type, pages[i], n))
            return 1;
    return 0;
}

/* An Atom <author> starts at DEPTH, its names to go on TO's list. */
static void author_start(ns_feed_t *f, int depth, json_t *to)
{
    f->author_depth = depth;
    f->author_names = json_array_size(json_object_get(to, "author"));
    f->author_noreply = 0;
}

/* A child of an Atom <author> (at DEPTH): its <name>, and its <email>
 * for Blogger's sake.  Returns non-zero if it was one of these. */
static int author_element(ns_feed_t *f, int depth, enum ns_feed_space sp,
                          const char *name)
{
    if (sp != NS_SP_PLAIN || f->author_depth < 0 ||
        depth != f->author_depth + 1)
        return 0;
    if (!strcmp(name, "name"))
        begin_field(f, f->source_depth >= 0 ? "source_author" : "author",
                    depth);
    else if (!strcmp(name, "email"))
        begin_field(f, "author_email", depth);
    else
        return 0;
    return 1;
}

/* Media RSS's containers, <media:group> (around a YouTube video's
 * elements) and <media:content> (one file of the item, and what is said
 * of it), may hold the item's <media:description>: it is read in them as
 * where it is the item's own child.  Its type is "plain" unless it says
 * "html".  Returns non-zero if the element (of Media RSS, at DEPTH) was
 * one of these. */
static int media_element(ns_feed_t *f, int depth, const char *name,
                         const xmlChar **attrs, int n_attrs)
{
    if (depth != f->item_depth + 1 &&
        (f->media_depth < 0 || depth != f->media_depth + 1))
        return 0;
    if (!strcmp(name, "group") || !strcmp(name, "content")) {
        f->media_depth = depth;
        return 1;
    }
    const char *key = ns_feed_field_of(NS_SP_MEDIA, name);
    if (!key)
        return 0;
    char *type = ns_feed_attr(attrs, n_attrs, "type", NULL);
    begin_field(f, key, depth);
    f->field_markup = type && !strcmp(type, "html") ? NS_MK_HTML : NS_MK_TEXT;
    free(type);
    return 1;
}

/* An element inside an item. */
void ns_feed_item_element(ns_feed_t *f, int depth, const char *name,
                          const char *uri, const xmlChar **attrs, int n_attrs)
{
    enum ns_feed_space sp = ns_feed_space_of(uri);
    int child = depth == f->item_depth + 1;
    if (author_element(f, depth, sp, name))
        return;
    /* <app:control><app:draft>yes</app:draft></app:control> */
    if (depth == f->item_depth + 2 && !strcmp(name, "draft") &&
        ns_blogger_is_app(uri)) {
        begin_field(f, "app_draft", depth);
        return;
    }
    /* <source><author>: the byline of an entry that names none, as an
     * aggregator (a Planet) copies it from the feed it came from (RFC
     * 4287 4.2.11); its other elements are that feed's, not the entry's. */
    if (f->source_depth >= 0 && depth == f->source_depth + 1 &&
        sp == NS_SP_PLAIN && !strcmp(name, "author") && ns_feed_is_atom(uri)) {
        author_start(f, depth, f->extra);
        return;
    }
    if (sp == NS_SP_MEDIA && media_element(f, depth, name, attrs, n_attrs))
        return;
    /* <wp:postmeta><wp:meta_key>..<wp:meta_value>: a primary category. */
    if (sp == NS_SP_WP && depth == f->item_depth + 2) {
        const char *key = ns_wxr_meta_field(f->extra, name);
        if (key)
            begin_field(f, key, depth);
        return;
    }
    if (!child)
        return;
    if (sp == NS_SP_PLAIN && !strcmp(name, "source") && ns_feed_is_atom(uri)) {
        f->source_depth = depth;
        return;
    }
    if (sp == NS_SP_PLAIN && !strcmp(name, "author") && ns_feed_is_atom(uri)) {
        /* Atom's <author> holds <name>; RSS's holds the text itself. */
        author_start(f, depth, f->extra);
        return;
    }
    const char *blogger = ns_blogger_field(uri, name);
    if (blogger) {
        begin_field(f, blogger, depth);
        return;
    }
    if (sp == NS_SP_PLAIN && !strcmp(name, "link")) {
        /* Atom: <link rel="alternate" href="..."/>; RSS: text.  The
         * story's page is the first alternate that is a web page; one of
         * another type (a PDF of the print edition) only when there is no
         * such one (finish_item, feed.c): an entry that listed its PDF first
         * had it for its url. */
        char *href = ns_feed_attr(attrs, n_attrs, "href", NULL);
        if (href) {
            char *rel = ns_feed_attr(attrs, n_attrs, "rel", NULL);
            char *type = ns_feed_attr(attrs, n_attrs, "type", NULL);
            char *abs = ns_xmlbase_resolve(&f->base, href);
            if ((!rel || !strcmp(rel, "alternate")) && abs)
                ns_fields_set(f->extra, page_type(type) ? "link" : "link_other",
                              abs, strlen(abs), 0);
            free(abs);
            free(type);
            free(rel);
            free(href);
            return;
        }
    }
    if (sp == NS_SP_PLAIN && !strcmp(name, "category")) {
        /* A Blogger backup's kind of entry ("...kind#post"): no label of
         * the post's, but what the entry is (blogger.c). */
        char *scheme = ns_feed_attr(attrs, n_attrs, "scheme", NULL);
        int kind = scheme && !strcmp(scheme, NS_GDATA_KIND);
        free(scheme);
        if (kind) {
            char *what = ns_feed_attr(attrs, n_attrs, "term", NULL);
            if (what)
                ns_fields_set(f->extra, "blogger_kind", what, strlen(what), 0);
            free(what);
            return;
        }
        char *term = ns_feed_attr(attrs, n_attrs, "label", NULL);
        if (!term)
            term = ns_feed_attr(attrs, n_attrs, "term", NULL);
        if (term) { /* Atom */
            ns_fields_push(f->extra, "category", term, strlen(term));
            free(term);
            return;
        }
        /* WXR: domain="post_tag" is a tag, domain="category" a category,
         * and another taxonomy's slug ("post_format", Polylang's
         * "post_translations") neither.  In RSS
         * 2.0 the domain is the URI of the publisher's taxonomy (the
         * Guardian's "https://www.theguardian.com/world/ukraine"): an
         * ordinary category. */
        char *domain = ns_feed_attr(attrs, n_attrs, "domain", NULL);
        if (f->wxr && domain && !strcmp(domain, "language")) {
            /* Polylang's language of the post, by its slug ("nb"), else
             * its name ("Norsk bokmål"): the post's, not the site's
             * <language> (ns_feed_item_article). */
            char *slug = ns_feed_attr(attrs, n_attrs, "nicename", NULL);
            if (slug && *slug)
                ns_fields_set(f->extra, "wp_lang", slug, strlen(slug), 0);
            else
                begin_field(f, "wp_lang", depth);
            free(slug);
            free(domain);
            return;
        }
        int tag = domain && !strcmp(domain, "post_tag");
        int other = domain && !tag && strcmp(domain, "category") != 0 &&
                    !strpbrk(domain, "/.:");
        free(domain);
        if (!other)
            begin_field(f, tag ? "tag" : "category", depth);
        return;
    }
    if (sp == NS_SP_PLAIN && !strcmp(name, "guid") && !ns_feed_is_atom(uri)) {
        /* RSS 2.0: a <guid> is the item's permalink unless it says
         * isPermaLink="false"; the item's url when it has no <link>
         * (ns_feed_item_article), as feed readers link to it. */
        char *perma = ns_feed_attr(attrs, n_attrs, "isPermaLink", NULL);
        if (!perma || strcmp(perma, "false") != 0)
            ns_fields_set(f->extra, "guid_permalink", "1", 1, 0);
        free(perma);
    }
    int atom03 = uri && !strcmp(uri, NS_ATOM03);
    const char *key = atom03 && ns_feed_atom03_field(name)
                          ? ns_feed_atom03_field(name)
                          : ns_feed_field_of(sp, name);
    char *type = key ? ns_feed_attr(attrs, n_attrs, "type", NULL) : NULL;
    char *mode =
        key && atom03 ? ns_feed_attr(attrs, n_attrs, "mode", NULL) : NULL;
    int kind = ns_feed_text_kind(type, ns_feed_is_atom(uri));
    if (mode && !strcmp(mode, "base64")) {
        /* Atom 0.3's Base64 content: data, not read here.  Said, since
         * it may be all the entry's text. */
        snprintf(f->note, sizeof f->note,
                 "<%s mode=\"base64\"> passed over: Base64 is not read", name);
        kind = -1;
    }
    if (key && kind >= 0) {
        begin_field(f, key, depth);
        f->field_markup = (enum ns_markup)kind;
        /* Atom XHTML content is markup: its elements are written back.
         * So is Atom 0.3's HTML of mode="xml" (its default); its
         * mode="escaped" is HTML as text, 1.0's type="html". */
        f->field_xhtml =
            type && (!strcmp(type, "xhtml") ||
                     (atom03 && (!mode || !strcmp(mode, "xml")) &&
                      kind == NS_MK_HTML) ||
                     (atom03 && (!mode || !strcmp(mode, "xml")) &&
                      !strncmp(type, "application/xhtml+xml", 21)));
        if (f->field_xhtml)
            f->field_markup = NS_MK_HTML;
        f->xhtml_div = -1;
        /* Apple's short line of plain text; its <itunes:summary> is
         * read as an RSS description is, since podcast hosts put HTML
         * in it. */
        if (sp == NS_SP_ITUNES && !strcmp(name, "subtitle"))
            f->field_markup = NS_MK_TEXT;
    }
    free(mode);
    free(type);
}

/* An element of the feed itself, outside any item, that its items take
 * from: Atom's feed-level <author> (for the entries that name none), and
 * a WordPress export's list of authors (<wp:author>: the display names of
 * the logins its items' <dc:creator> give) and of categories
 * (<wp:category>: the names of the term_ids a primary category gives).  Either is only known to the
 * items after it, which is where feeds and exports put it.  Returns
 * non-zero if the element was one of these. */
int ns_feed_chan_element(ns_feed_t *f, int depth, enum ns_feed_space sp,
                         const char *name, const char *uri)
{
    if (f->author_depth >= 0 && depth == f->author_depth + 1) {
        author_element(f, depth, sp, name);
        return 1;
    }
    if (f->wp_list_depth >= 0 && depth == f->wp_list_depth + 1) {
        const char *key = sp == NS_SP_WP ? ns_wxr_field(name) : NULL;
        if (key)
            begin_field(f, key, depth);
        return 1;
    }
    if (depth == 1 && sp == NS_SP_PLAIN && ns_feed_is_atom(uri) &&
        !strcmp(name, "author")) {
        author_start(f, depth, f->chan);
        return 1;
    }
    if (depth == 2 && sp == NS_SP_WP &&
        (!strcmp(name, "author") || !strcmp(name, "category"))) {
        f->wp_list_depth = depth;
        return 1;
    }
    return 0;
}

/* Write the start tag of an element of Atom XHTML text (RFC 4287
 * 3.1.1.3) back as markup, with its attributes: the HTML reader leaves out
 * the site's furniture by its class, hidden or style (a Jetpack
 * "sharedaddy" box, a screen reader's text) in XHTML as in type="html".
 * The <div> around the text is no part of it: a title of
 * "<div>Quay tolls</div>" matched title:div. */
void ns_feed_xhtml_start(ns_feed_t *f, int depth, const char *name,
                         const xmlChar **attrs, int n_attrs)
{
    size_t blank = 0;
    while (blank < f->text.len && isspace((unsigned char)f->text.p[blank]))
        blank++;
    if (depth == f->field_depth + 1 && !strcmp(name, "div") &&
        f->xhtml_div < 0 && blank == f->text.len) {
        f->xhtml_div = depth;
        return;
    }
    ns_buf_putc(&f->text, '<');
    ns_buf_puts(&f->text, name);
    for (int i = 0; i < n_attrs; i++) {
        const xmlChar **a = attrs + 5 * i;
        char *value =
            ns_htmlent_attr((const char *)a[3], (size_t)(a[4] - a[3]));
        ns_buf_putc(&f->text, ' ');
        if (a[1]) {
            ns_buf_puts(&f->text, (const char *)a[1]);
            ns_buf_putc(&f->text, ':');
        }
        ns_buf_puts(&f->text, (const char *)a[0]);
        ns_buf_puts(&f->text, "=\"");
        for (const char *c = value ? value : ""; *c; c++) {
            if (*c == '&')
                ns_buf_puts(&f->text, "&amp;");
            else if (*c == '"')
                ns_buf_puts(&f->text, "&quot;");
            else if (*c == '<')
                ns_buf_puts(&f->text, "&lt;");
            else
                ns_buf_putc(&f->text, *c);
        }
        ns_buf_putc(&f->text, '"');
        free(value);
    }
    ns_buf_putc(&f->text, '>');
}
