/* feed.c - Articles from feeds: RSS 2.0, RSS 1.0 (RDF), Atom, the
 * WordPress export format WXR (RSS 2.0 with wp: elements, wxr.c) and
 * Blogger's backups (Atom, blogger.c).
 *
 * libxml2's SAX2 push parser reads the feed a chunk at a time and builds no
 * tree: what is kept is the item in progress and the articles finished in
 * the current chunk, so a feed of any size costs about one item of memory.
 * The parser never touches the network (XML_PARSE_NONET), never loads a
 * DTD or an external entity, and stores no entity declaration (no
 * entityDecl handler).  Its getEntity handler answers HTML's named
 * entities (&nbsp;, &eacute;: htmlent.c) with their characters and nothing
 * else: an entity of the document's own DTD, a SYSTEM entity and a
 * billion-laughs bomb are all undefined references that expand to nothing
 * and mark their item bad (libxml2 records the declarations anyway, see
 * ns_feed_close, but never looks them up).  libxml2's default limits stay
 * on (no XML_PARSE_HUGE).
 *
 * Why not xmlTextReader: its Read() gives up for good at the first
 * well-formedness error, even in recovery mode, and it parses ahead of the
 * node it returns; one "&nbsp;" (common in real feeds) would cost the rest
 * of the feed and the item before it.  The push parser in recovery mode
 * raises each error while inside the item that holds it and goes on, so a
 * broken item is reported as FILE:LINE: item N: reason and skipped, and
 * the items after it are read. */
#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed.h"

/* Bytes handed to the parser at a time. */
#define CHUNK 16384

/* A finished item waiting to be returned. */
struct result {
    int rc;
    ns_article_t art;
    unsigned item, line;
    char err[400];
};

/* --- Items --- */

static unsigned line_now(const ns_feed_t *f)
{
    int line = xmlSAX2GetLineNumber(f->ctxt);
    return line > 0 ? (unsigned)line + f->lines_skipped : 0;
}

static void drop_item(ns_feed_t *f)
{
    json_decref(f->extra);
    f->extra = NULL;
    f->item_depth = -1;
    f->author_depth = -1;
    f->source_depth = -1;
    f->media_depth = -1;
    free(f->field);
    f->field = NULL;
    f->field_depth = -1;
    f->field_xhtml = 0;
    f->xhtml_div = -1;
}

static void start_item(ns_feed_t *f, int depth, const char *name,
                       const xmlChar **attrs, int n_attrs)
{
    drop_item(f);
    f->extra = json_object();
    f->item_depth = depth;
    f->item_entry = !strcmp(name, "entry");
    f->item_line = line_now(f);
    f->items++;
    f->items_at = depth;
    f->err[0] = '\0';
    f->err_line = 0;
    f->too_long = 0;
    f->note[0] = '\0';
    memset(&f->item_fixes, 0, sizeof f->item_fixes);
    /* Once libxml2 has seen an error it stops passing on the &amp; &lt;
     * &gt; of the rest of the document (xmlParseReference gives up when
     * the context is not well-formed, even in recovery mode): an error is
     * its item's, so every item starts well-formed. */
    f->ctxt->wellFormed = 1;
    char *lang = ns_feed_attr(attrs, n_attrs, "lang", NS_XML);
    if (lang)
        ns_fields_set(f->extra, "lang", lang, strlen(lang), 0);
    free(lang);
    ns_feed_item_about(f, attrs, n_attrs);
}

/* The slug a trashed WordPress post had when published (ns_wp_slug_len). */
static void untrash_slug(json_t *fields)
{
    const char *slug = json_string_value(json_object_get(fields, "wp_slug"));
    const char *status =
        json_string_value(json_object_get(fields, "wp_status"));
    if (!slug)
        return;
    size_t n = ns_wp_slug_len(slug, status);
    if (n < strlen(slug))
        json_object_set_new(fields, "wp_slug", json_stringn(slug, n));
}

/* The finished item as an article, or why not. */
static int finish_item(ns_feed_t *f, ns_article_t *art, char *err,
                       size_t err_size)
{
    ns_feed_item_id(f);
    int left = ns_wxr_left_out(f->extra, err, err_size);
    int unpublished = left && ns_wxr_unpublished(f->extra);
    if (!left && (left = ns_blogger_left_out(f->extra, err, err_size)))
        unpublished = left == 2;
    if (left) {
        /* A post set back to draft (or private, pending, trash; a Blogger
         * post not live, an Atom entry marked <app:draft>) is read as if
         * published, for its id alone: an article of that id indexed
         * before is to be taken out.  A WordPress draft never published
         * has no slug, and so an id no article has. */
        ns_article_t whole = {0};
        char why[300];
        if (unpublished) {
            untrash_slug(f->extra);
            if (ns_feed_item_article(f->extra, f->chan, NULL, &whole, why,
                                     sizeof why) == 0) {
                art->id = whole.id;
                whole.id = NULL;
            }
        }
        ns_article_clear(&whole);
        return NS_ITEM_IGNORED;
    }
    if (f->err[0]) {
        snprintf(err, err_size, "item %u: %s", f->items, f->err);
        return NS_ITEM_BAD;
    }
    if (f->too_long) {
        snprintf(err, err_size, "item %u: longer than %u bytes", f->items,
                 NS_MAX_RECORD);
        return NS_ITEM_BAD;
    }
    /* An alternate of another type is the link only for want of a page. */
    json_t *other = json_object_get(f->extra, "link_other");
    if (other && !json_object_get(f->extra, "link"))
        json_object_set(f->extra, "link", other);
    char why[300];
    if (ns_feed_item_article(f->extra, f->chan,
                             f->chan_lang.len ? f->chan_lang.p : NULL, art, why,
                             sizeof why) < 0) {
        snprintf(err, err_size, "item %u: %s", f->items, why);
        return NS_ITEM_BAD;
    }
    return NS_ITEM_OK;
}

static struct result *push_result(ns_feed_t *f)
{
    if (f->n_queue == f->cap_queue) {
        size_t cap = f->cap_queue ? f->cap_queue * 2 : 16;
        struct result *grown = realloc(f->queue, cap * sizeof *grown);
        if (!grown)
            return NULL;
        f->queue = grown;
        f->cap_queue = cap;
    }
    struct result *r = &f->queue[f->n_queue++];
    memset(r, 0, sizeof *r);
    return r;
}

/* Queue the error seen outside any item, if there is one. */
static void flush_outside(ns_feed_t *f)
{
    if (!f->outside[0])
        return;
    struct result *r = push_result(f);
    if (r) {
        r->rc = NS_ITEM_BAD;
        r->line = f->outside_line;
        snprintf(r->err, sizeof r->err, "%s", f->outside);
    }
    f->outside[0] = '\0';
}

/* What was put right in the bytes of the item just read, and outside
 * items before it, as its warning in ERR ("item 3: byte 0xE5 'å' at line
 * 5 is not UTF-8: read as windows-1252, ..."), or nothing.  The changes outside items
 * (in the channel's header) are said with the next item read: an item
 * left out or skipped says only why. */
static void fixes_warning(ns_feed_t *f, char *err, size_t err_size)
{
    char in[220], before[150]; /* within a result's err */
    ns_xmlrepair_describe(&f->item_fixes, in, sizeof in);
    ns_xmlrepair_describe(&f->outside_fixes, before, sizeof before);
    if (*in && *before)
        snprintf(err, err_size, "item %u: %s; before it: %s", f->items, in,
                 before);
    else if (*in)
        snprintf(err, err_size, "item %u: %s", f->items, in);
    else if (*before)
        snprintf(err, err_size, "before item %u: %s", f->items, before);
    memset(&f->outside_fixes, 0, sizeof f->outside_fixes);
}

static void end_item(ns_feed_t *f)
{
    ns_feed_take_fixes(f);
    /* A Blogger backup's template, settings and comments are entries, but
     * no articles and none left out: nothing is said or counted of them
     * (a blog's thousand comments were a thousand articles). */
    if (ns_blogger_no_record(f->extra)) {
        drop_item(f);
        return;
    }
    struct result *r = push_result(f);
    if (r) {
        r->item = f->items;
        r->line = f->err[0] && f->err_line ? f->err_line : f->item_line;
        r->rc = finish_item(f, &r->art, r->err, sizeof r->err);
        if (r->rc == NS_ITEM_IGNORED) {
            /* Left out; a draft keeps its id (finish_item). */
            char *id = r->art.id;
            r->art.id = NULL;
            ns_article_clear(&r->art);
            r->art.id = id;
        } else if (r->rc != NS_ITEM_OK) {
            ns_article_clear(&r->art);
        } else {
            fixes_warning(f, r->err, sizeof r->err);
            size_t n = strlen(r->err);
            if (f->note[0])
                snprintf(r->err + n, sizeof r->err - n, "%sitem %u: %s",
                         n ? "; " : "", f->items, f->note);
        }
    }
    drop_item(f);
}

/* An <item> or <entry> (RSS 1.0's and 0.9's too). */
static int is_item(const char *name, const char *uri)
{
    return ns_feed_space_of(uri) == NS_SP_PLAIN &&
           (!strcmp(name, "item") || !strcmp(name, "entry"));
}

/* An item or entry starts inside another: no format nests them, so the
 * one open lost its end tag (</item> left out, or an element in it never
 * closed).  It is reported and skipped, and the new one is read as the
 * item it is.  libxml2 keeps the open one on its stack, so from here on
 * each end tag closes the element inside the one it names: the feed's own
 * end tags are mismatches that on_error passes over, and the items
 * after, siblings of one another, are read whole. */
static void item_unclosed(ns_feed_t *f, const char *name)
{
    if (!f->err[0]) {
        snprintf(f->err, sizeof f->err,
                 "no </%s> before the next <%s> at line %u", name, name,
                 line_now(f));
        f->err_line = f->item_line;
    }
    f->unclosed = 1;
    end_item(f);
}

/* The namespaces of the roots read: RSS's and Atom's (none, Atom 1.0 and
 * 0.3, RSS 0.9 and 1.0) and RDF's, RSS 1.0's root. */
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* The root element NAME (in URI) starts: kept when it is in a namespace
 * of no format read, whose items are not known as such, so that a feed
 * of them is not read as a feed of none (items_unknown). */
static void root_of(ns_feed_t *f, const char *name, const char *uri)
{
    if (!uri || ns_feed_space_of(uri) == NS_SP_PLAIN || !strcmp(uri, NS_RDF))
        return;
    snprintf(f->root_ns, sizeof f->root_ns, "%s", uri);
    snprintf(f->root_name, sizeof f->root_name, "%s", name);
    f->root_line = line_now(f);
}

/* The feed is over and not one item was read from a root in a namespace
 * of no format read (Atom 0.3 was one: its whole archive was lost with
 * "0 added" and no word): said as its error, a skipped record. */
static void items_unknown(ns_feed_t *f)
{
    if (f->items || !f->root_ns[0])
        return;
    struct result *r = push_result(f);
    if (r) {
        r->rc = NS_ITEM_BAD;
        r->line = f->root_line;
        snprintf(r->err, sizeof r->err,
                 "no item read: the root <%s> is in the namespace %s, "
                 "of no feed format nindex reads",
                 f->root_name, f->root_ns);
    }
}

/* --- SAX callbacks --- */

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int n_ns, const xmlChar **ns,
                     int n_attrs, int n_defaulted, const xmlChar **attrs)
{
    (void)n_defaulted;
    ns_feed_t *f = ctx;
    uri = (const xmlChar *)ns_feed_undeclared((const char *)prefix,
                                              (const char *)uri);
    int depth = f->depth++;
    /* A WordPress export declares its namespace on <rss>; a wp: element
     * in the channel (<wp:wxr_version>) says so too. */
    for (int i = 0; i < n_ns && depth <= 1; i++)
        if (ns[2 * i + 1] &&
            !strncmp((const char *)ns[2 * i + 1], NS_WP, strlen(NS_WP)))
            f->wxr = 1;
    if (f->item_depth < 0 && ns_feed_space_of((const char *)uri) == NS_SP_WP)
        f->wxr = 1;
    const char *name = (const char *)localname;
    if (depth == 0)
        root_of(f, name, (const char *)uri);
    if (depth < 3 && f->item_depth < 0)
        snprintf(f->open_name[depth], sizeof f->open_name[depth], "%s%s%s",
                 prefix ? (const char *)prefix : "", prefix ? ":" : "", name);
    char *base = ns_feed_attr(attrs, n_attrs, "base", NS_XML);
    if (base)
        ns_xmlbase_push(&f->base, depth, base);
    free(base);
    if (f->item_depth >= 0 && is_item(name, (const char *)uri)) {
        item_unclosed(f, name);
        start_item(f, depth, name, attrs, n_attrs);
        return;
    }
    if (f->field_xhtml) {
        ns_feed_xhtml_start(f, depth, name, attrs, n_attrs);
        return;
    }
    if (f->item_depth < 0) {
        enum ns_feed_space sp = ns_feed_space_of((const char *)uri);
        if (is_item(name, (const char *)uri)) {
            flush_outside(f);
            ns_feed_take_fixes(f);
            start_item(f, depth, name, attrs, n_attrs);
            return;
        }
        if (f->field_depth < 0 &&
            ns_feed_chan_element(f, depth, sp, name, (const char *)uri))
            return;
        if (sp == NS_SP_PLAIN && ns_feed_is_atom((const char *)uri) &&
            !strcmp(name, "link") && depth <= 2) {
            /* The feed's own address (Atom's, or an RSS channel's
             * <atom:link rel="self">): the base of relative links where
             * no xml:base is given (RFC 3986 5.1.3). */
            char *rel = ns_feed_attr(attrs, n_attrs, "rel", NULL);
            char *href = ns_feed_attr(attrs, n_attrs, "href", NULL);
            char *abs = href ? ns_xmlbase_resolve(&f->base, href) : NULL;
            if (rel && !strcmp(rel, "self"))
                ns_xmlbase_document(&f->base, abs);
            free(abs);
            free(href);
            free(rel);
        }
        if ((sp == NS_SP_PLAIN || sp == NS_SP_DC) &&
            !strcmp(name, "language") && !f->chan_lang.len)
            f->chan_text = &f->chan_lang, f->chan_text_depth = depth;
        /* An RSS channel's <link>, its site: the base of relative links
         * when the feed gives neither xml:base nor its own address. */
        if (sp == NS_SP_PLAIN && !ns_feed_is_atom((const char *)uri) &&
            !strcmp(name, "link") && depth == 2 && !f->chan_link.len)
            f->chan_text = &f->chan_link, f->chan_text_depth = depth;
        char *lang = ns_feed_attr(attrs, n_attrs, "lang", NS_XML);
        if (lang && !f->chan_lang.len && depth <= 1)
            ns_buf_puts(&f->chan_lang, lang);
        free(lang);
        return;
    }
    if (f->field_depth < 0)
        ns_feed_item_element(f, depth, name, (const char *)uri, attrs, n_attrs);
}

static void end_element(ns_feed_t *f, int depth, const xmlChar *localname)
{
    if (f->chan_text_depth == depth) {
        if (f->chan_text == &f->chan_link && f->chan_link.p)
            ns_xmlbase_site(&f->base, f->chan_link.p);
        f->chan_text = NULL, f->chan_text_depth = -1;
    }
    if (f->field_depth == depth) {
        if (f->field)
            ns_feed_end_field(f);
        f->field_depth = -1;
        f->field_xhtml = 0;
        return;
    }
    if (f->field_xhtml && f->xhtml_div == depth) {
        f->xhtml_div = -1;
        return;
    }
    if (f->field_xhtml) {
        ns_buf_puts(&f->text, "</");
        ns_buf_puts(&f->text, (const char *)localname);
        ns_buf_putc(&f->text, '>');
        return;
    }
    if (f->author_depth == depth) {
        ns_blogger_author_done(f->item_depth >= 0 ? f->extra : f->chan,
                               f->author_names, f->author_noreply);
        f->author_depth = -1;
    }
    if (f->source_depth == depth)
        f->source_depth = -1;
    /* Media RSS's containers are entered from the item or from another
     * (<media:content> in a <media:group>): the one around is open. */
    if (f->media_depth == depth)
        f->media_depth = depth - 1 > f->item_depth ? depth - 1 : -1;
    if (f->wp_list_depth == depth) {
        ns_wxr_author_done(f->chan);
        ns_wxr_category_done(f->chan);
        f->wp_list_depth = -1;
    }
    if (f->item_depth == depth)
        end_item(f);
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    (void)prefix, (void)uri;
    ns_feed_t *f = ctx;
    int depth = --f->depth;
    /* An item closed by the end tag of an element around it ("</channel>"
     * where its "</item>" should be) was left open too. */
    if (f->mismatch && f->item_depth == depth)
        f->unclosed = 1;
    f->mismatch = 0;
    end_element(f, depth, localname);
    ns_xmlbase_pop(&f->base, depth);
    if (!depth)
        f->root_done = 1;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    ns_feed_t *f = ctx;
    if (len <= 0)
        return;
    if (f->chan_text && f->item_depth < 0) {
        if (f->chan_text->len < (f->chan_text == &f->chan_lang ? 64 : 2048))
            ns_buf_append(f->chan_text, (const char *)ch, (size_t)len);
        return;
    }
    if (!f->field || f->too_long)
        return;
    if (f->text.len + (size_t)len > NS_MAX_RECORD) {
        f->too_long = 1;
        return;
    }
    if (!f->field_xhtml) {
        ns_buf_append(&f->text, (const char *)ch, (size_t)len);
        return;
    }
    /* Text of XHTML content is markup again for the HTML parser. */
    for (int i = 0; i < len; i++) {
        char c = (char)ch[i];
        if (c == '<')
            ns_buf_puts(&f->text, "&lt;");
        else if (c == '&')
            ns_buf_puts(&f->text, "&amp;");
        else
            ns_buf_putc(&f->text, c);
    }
}

static xmlEntityPtr on_entity(void *ctx, const xmlChar *name)
{
    ns_feed_t *f = ctx;
    return ns_htmlent_get(f->ents, f->ctxt, name);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    ns_feed_t *f = ctx;
    /* A namespace error (an undeclared prefix, above) leaves the XML
     * well-formed and costs nothing read. */
    if (!e || e->level < XML_ERR_ERROR || e->domain == XML_FROM_NAMESPACE)
        return;
    char text[300];
    snprintf(text, sizeof text, "%s", e->message ? e->message : "error");
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        text[--n] = '\0';
    /* Some messages take two lines ("Input is not proper UTF-8, indicate
     * encoding !" and then "Bytes: 0xF8 ..."); a record is reported on
     * one. */
    for (char *nl = text; (nl = strchr(nl, '\n'));)
        *nl = ' ';
    unsigned line =
        e->line > 0 ? (unsigned)e->line + f->lines_skipped : line_now(f);
    /* The one that halts the parser, if it does, is the last. */
    snprintf(f->last_err, sizeof f->last_err, "%s", text);
    f->last_err_line = line;
    /* libxml2 ends the innermost open element at an end tag of another
     * name, and calls on_end for it next. */
    if (e->code == XML_ERR_TAG_NAME_MISMATCH)
        f->mismatch = 1;
    /* After an item left open, the feed's own end tags are each one
     * element off, and its end comes with an element open ("Extra
     * content at the end of the document", says the push parser): that
     * item's error, reported with it. */
    if (f->unclosed && f->item_depth < 0 &&
        (e->code == XML_ERR_TAG_NAME_MISMATCH ||
         e->code == XML_ERR_TAG_NOT_FINISHED ||
         e->code == XML_ERR_DOCUMENT_END))
        return;
    if (f->item_depth >= 0) {
        if (!f->err[0]) {
            snprintf(f->err, sizeof f->err, "%s", text);
            f->err_line = line;
        }
    } else if (!f->outside[0]) {
        snprintf(f->outside, sizeof f->outside, "%s", text);
        f->outside_line = line;
    }
}

/* --- The feed --- */

ns_feed_t *ns_feed_open(ns_read_fn read, void *ctx)
{
    /* Only these: no tree, no DTD, no entity declarations kept, HTML's
     * entities the only ones looked up.  Made here on every call, never
     * cached in a static: the parser copies it, and a handler filled lazily
     * by one thread could be read half-filled by another. */
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.serror = on_error;
    sax.getEntity = on_entity;
    ns_feed_t *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    if (!(f->ents = ns_htmlent_new())) {
        free(f);
        return NULL;
    }
    f->read = read;
    f->ctx = ctx;
    f->item_depth = -1;
    f->author_depth = -1;
    f->source_depth = -1;
    f->media_depth = -1;
    f->field_depth = -1;
    f->xhtml_div = -1;
    f->chan_text_depth = -1;
    f->wp_list_depth = -1;
    if (!(f->chan = json_object())) {
        ns_htmlent_free(f->ents);
        free(f);
        return NULL;
    }
    ns_xml_ready();
    f->ctxt = xmlCreatePushParserCtxt(&sax, f, NULL, 0, NULL);
    if (!f->ctxt) {
        json_decref(f->chan);
        ns_htmlent_free(f->ents);
        free(f);
        return NULL;
    }
    xmlCtxtUseOptions(f->ctxt, XML_PARSE_NONET | XML_PARSE_RECOVER |
                                   XML_PARSE_NOWARNING);
    return f;
}

void ns_feed_close(ns_feed_t *f)
{
    if (!f)
        return;
    drop_item(f);
    for (size_t i = f->head; i < f->n_queue; i++)
        ns_article_clear(&f->queue[i].art);
    free(f->queue);
    /* libxml2 keeps the DTD's entity declarations in a document of its own
     * even in SAX mode ("for expat compatibility"); they are never looked
     * up (on_entity answers HTML's names only, and userData is not the
     * context), and the context does not free that document. */
    if (f->ctxt->myDoc)
        xmlFreeDoc(f->ctxt->myDoc);
    xmlFreeParserCtxt(f->ctxt);
    ns_htmlent_free(f->ents);
    json_decref(f->chan);
    ns_xmlbase_free(&f->base);
    ns_buf_free(&f->chan_lang);
    ns_buf_free(&f->chan_link);
    ns_buf_free(&f->text);
    ns_buf_free(&f->prolog);
    ns_buf_free(&f->decoded);
    ns_buf_free(&f->repaired);
    ns_xmlrepair_free(&f->fix);
    free(f);
}

/* libxml2 has halted for good before the end of the input, as it does on
 * some errors even in recovery mode (a lookup past 10 MB of markup, "Huge
 * input lookup"; before xmlrepair.c, a byte that is not UTF-8 or a
 * vertical tab in a CDATA section).  Every item after the one open was
 * lost without a word; now the halt is reported where it happened, with
 * the item open, as NS_ITEM_CUT: the rest of the file was not read, and
 * the reader counts it as a file not read whole (no prune, no rebuild
 * published).  After the root element's end (junk after "</rss>", "Extra
 * content at the end of the document") nothing of the feed is lost: that
 * is the feed's error, as before. */
static void halted(ns_feed_t *f)
{
    f->done = 1;
    if (f->root_done) {
        flush_outside(f);
        return;
    }
    /* Its reason, when libxml2 gave one (an encoding error in the
     * declared encoding it only prints). */
    const char *why = f->last_err;
    if (f->item_depth < 0 && strcmp(f->outside, why) != 0)
        flush_outside(f); /* an error before it, of its own */
    f->outside[0] = '\0';
    struct result *r = push_result(f);
    if (r) {
        r->rc = NS_ITEM_CUT;
        r->line = *why && f->last_err_line ? f->last_err_line : line_now(f);
        char item[32] = "";
        if (f->item_depth >= 0) {
            r->item = f->items;
            snprintf(item, sizeof item, "item %u: ", f->items);
        }
        snprintf(r->err, sizeof r->err,
                 "%s%s%sthe XML parser stopped here, and the rest of the file "
                 "was not read",
                 item, why, *why ? "; " : "");
    }
    drop_item(f);
}

/* The input is over with the root element still open: the file was cut
 * off (an export that stopped mid-download), and the items after its end
 * are missing.  libxml2 says only what it expected next, "Extra content at
 * the end of the document" or "expected '>'", which reads as a fault of
 * the feed; that error, raised at the end, is replaced by what happened
 * (an error outside items before the end, HAD_OUTSIDE, is said too; an
 * item open is incomplete whatever it said).  Still a skipped record, so
 * the run does not prune or publish. */
static void cut_off(ns_feed_t *f, int had_outside)
{
    if (f->item_depth >= 0) {
        snprintf(f->err, sizeof f->err,
                 "the file ends inside this item: cut off? it and the items "
                 "after it are missing");
        f->err_line = line_now(f);
        return;
    }
    if (!had_outside)
        f->outside[0] = '\0';
    flush_outside(f);
    /* The element that holds the items (libxml2 may have opened one the
     * cut left half-written, "<ite"), or the innermost open. */
    int d = f->items && f->items_at > 0 ? f->items_at - 1 : 2;
    if (f->depth - 1 < d)
        d = f->depth - 1;
    struct result *r = push_result(f);
    if (!r)
        return;
    r->rc = NS_ITEM_BAD;
    r->line = line_now(f);
    char after[40] = "before any item";
    if (f->items)
        snprintf(after, sizeof after, "after item %u", f->items);
    snprintf(r->err, sizeof r->err,
             "the file ends inside <%s> %s: cut off? the items after it are "
             "missing",
             f->open_name[d], after);
}

/* Feed the parser until it has finished at least one item or the input is
 * over. */
static void parse_more(ns_feed_t *f)
{
    char buf[CHUNK];
    f->head = f->n_queue = 0;
    while (!f->n_queue && !f->done) {
        ssize_t n = f->read(f->ctx, buf, sizeof buf);
        if (n > 0 || (!f->started && f->prolog.len))
            ns_feed_give(f, buf, n > 0 ? (size_t)n : 0, n <= 0);
        if (f->ctxt->instate == XML_PARSER_EOF) {
            halted(f);
            continue;
        }
        if (n > 0)
            continue;
        /* The end, or a read error.  libxml2 may still halt, inside the
         * root element, on what it had not parsed yet (recovery mode never
         * sets disableSAX, a halt does). */
        int had_outside = f->outside[0] != '\0';
        ns_feed_push(f, NULL, 0, 1);
        if (f->ctxt->disableSAX && f->depth > 0) {
            halted(f);
            continue;
        }
        f->done = 1;
        if (n == 0 && f->depth > 0 && !f->root_done && !f->unclosed)
            cut_off(f, had_outside);
        if (f->item_depth >= 0) {
            /* Cut off inside an item. */
            struct result *r = push_result(f);
            if (r) {
                r->rc = NS_ITEM_BAD;
                r->item = f->items;
                r->line = f->err[0] && f->err_line ? f->err_line : line_now(f);
                snprintf(r->err, sizeof r->err, "item %u: %s", f->items,
                         f->err[0] ? f->err
                         : n < 0   ? "read error"
                                   : "unexpected end of feed");
            }
            drop_item(f);
        }
        flush_outside(f);
        items_unknown(f);
    }
}

int ns_feed_next(ns_feed_t *f, ns_article_t *art, unsigned *item,
                 unsigned *line, char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
    err[0] = '\0';
    if (f->head == f->n_queue)
        parse_more(f);
    if (f->head == f->n_queue)
        return NS_ITEM_END;
    struct result *r = &f->queue[f->head++];
    *art = r->art;
    memset(&r->art, 0, sizeof r->art);
    *item = r->item;
    *line = r->line;
    snprintf(err, err_size, "%s", r->err);
    return r->rc;
}
