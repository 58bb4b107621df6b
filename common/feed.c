/* feed.c - Articles from feeds: RSS 2.0, RSS 1.0 (RDF), Atom, and the
 * WordPress export format WXR (RSS 2.0 with wp: elements).
 *
 * libxml2's streaming xmlTextReader reads the feed one node at a time and
 * frees each item once it is passed, so a feed of any size costs one item
 * of memory.  The parser never touches the network (XML_PARSE_NONET),
 * never substitutes entities nor loads external ones (no XML_PARSE_NOENT,
 * no DTD loading: an entity reference stays a reference and contributes
 * no text), and keeps libxml2's default limits (no XML_PARSE_HUGE): text
 * nodes up to 10 MB, nesting up to 256, and its guard against entity
 * amplification (billion laughs), which stops the parse.
 *
 * It runs in recovery mode so that one broken item (an undefined entity, a
 * stray "&") costs that item: every error the parser reports between an
 * item's start and end marks the item bad, and the items around it are
 * read.  An error the parser cannot recover from (a truncated file) ends
 * the feed after reporting the item it cut. */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_WP "http://wordpress.org/export/"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS09 "http://my.netscape.com/rdf/simple/0.9/"

enum space { SP_PLAIN, SP_DC, SP_CONTENT, SP_WP, SP_OTHER };

struct ns_feed {
    xmlTextReaderPtr rd;
    ns_read_fn read;
    void *ctx;
    int done;
    unsigned items; /* items started so far */

    char *chan_lang; /* the feed's language */
    int in_chan_lang;

    /* The item in progress. */
    json_t *obj;    /* fields found so far */
    json_t *extra;  /* raw fields: guid, link, content, categories, ... */
    int item_depth; /* -1: not in an item */
    unsigned item_line;
    int author_depth; /* inside an Atom <author>, or -1 */
    char *field;      /* the element whose text is being collected */
    int field_depth;
    int field_html; /* the text is HTML to strip */
    ns_buf_t text;
    int too_long;

    /* Parser errors not yet given to an item.  The reader parses ahead of
     * the node it returns, so an error is matched to an item by its line,
     * not by when it was raised. */
    struct {
        char text[200];
        unsigned line;
    } errs[8];
    size_t n_errs;
    unsigned last_line;     /* the last line of the item seen so far */
    xmlParserCtxtPtr pctxt; /* the reader's parser, once it erred */
    char err[300];          /* the error that makes the current item bad */
    unsigned err_line;
};

/* ------------------------------------------------------------------------ */
/* libxml2 callbacks                                                        */
/* ------------------------------------------------------------------------ */

static int io_read(void *ctx, char *buf, int len)
{
    ns_feed_t *f = ctx;
    ssize_t n = f->read(f->ctx, buf, (size_t)len);
    return n < 0 ? -1 : (int)n;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
    ns_feed_t *f = ctx;
    if (!e || e->level < XML_ERR_ERROR)
        return;
    /* xmlTextReaderRead() gives up for good once the document is known not
     * to be well-formed, even in recovery mode, so one undefined entity
     * would cost every item after it.  The parser itself recovers (or
     * halts, as it does on an entity bomb, and the feed ends); telling the
     * reader the document is still well-formed (ns_feed_next) lets it hand
     * out the items after the broken one, which is reported from this
     * queue. */
    if (e->ctxt && e->domain == XML_FROM_PARSER)
        f->pctxt = e->ctxt;
    if (f->n_errs == sizeof f->errs / sizeof *f->errs)
        return;
    char *text = f->errs[f->n_errs].text;
    snprintf(text, sizeof f->errs[0].text, "%s",
             e->message ? e->message : "error");
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        text[--n] = '\0';
    f->errs[f->n_errs++].line = e->line > 0 ? (unsigned)e->line : 0;
}

/* Move the first queued error at or before line UPTO (0: any) into
 * f->err, dropping the others up to there.  Returns 1 if there was one. */
static int take_error(ns_feed_t *f, unsigned upto)
{
    size_t k = 0;
    int found = 0;
    for (size_t i = 0; i < f->n_errs; i++) {
        if (upto && f->errs[i].line > upto) {
            f->errs[k++] = f->errs[i];
        } else if (!found) {
            found = 1;
            snprintf(f->err, sizeof f->err, "%s", f->errs[i].text);
            f->err_line = f->errs[i].line;
        }
    }
    f->n_errs = k;
    return found;
}

ns_feed_t *ns_feed_open(ns_read_fn read, void *ctx)
{
    ns_feed_t *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->read = read;
    f->ctx = ctx;
    f->item_depth = -1;
    f->author_depth = -1;
    f->field_depth = -1;
    f->rd = xmlReaderForIO(io_read, NULL, f, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_RECOVER |
                               XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!f->rd) {
        free(f);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(f->rd, on_error, f);
    return f;
}

static void drop_item(ns_feed_t *f)
{
    json_decref(f->obj);
    json_decref(f->extra);
    f->obj = f->extra = NULL;
    f->item_depth = -1;
    f->author_depth = -1;
    free(f->field);
    f->field = NULL;
    f->field_depth = -1;
}

void ns_feed_close(ns_feed_t *f)
{
    if (!f)
        return;
    drop_item(f);
    xmlFreeTextReader(f->rd);
    free(f->chan_lang);
    ns_buf_free(&f->text);
    free(f);
}

/* ------------------------------------------------------------------------ */
/* Elements                                                                 */
/* ------------------------------------------------------------------------ */

static enum space space_of(const char *uri)
{
    if (!uri || !strcmp(uri, NS_ATOM) || !strcmp(uri, NS_RSS1) ||
        !strcmp(uri, NS_RSS09))
        return SP_PLAIN;
    if (!strcmp(uri, NS_DC))
        return SP_DC;
    if (!strcmp(uri, NS_CONTENT))
        return SP_CONTENT;
    /* wp: is versioned (1.0, 1.1, 1.2); excerpt: shares the prefix and is
     * told apart by its element name. */
    if (!strncmp(uri, NS_WP, strlen(NS_WP)) && !strstr(uri, "excerpt"))
        return SP_WP;
    return SP_OTHER;
}

static char *attr(ns_feed_t *f, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(f->rd, BAD_CAST name);
    char *s = v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

/* The key under which the text of an item's child element is kept, or
 * NULL to ignore the element. */
static const char *field_of(enum space sp, const char *name)
{
    static const struct {
        enum space sp;
        const char *name, *key;
    } map[] = {
        {SP_PLAIN, "title", "title"},
        {SP_PLAIN, "link", "link"},
        {SP_PLAIN, "guid", "guid"},
        {SP_PLAIN, "id", "guid"},
        {SP_PLAIN, "pubDate", "pubdate"},
        {SP_PLAIN, "published", "published"},
        {SP_PLAIN, "updated", "updated"},
        {SP_PLAIN, "category", "category"},
        {SP_PLAIN, "author", "author"},
        {SP_PLAIN, "description", "summary"},
        {SP_PLAIN, "summary", "summary"},
        {SP_PLAIN, "content", "content"},
        {SP_PLAIN, "language", "lang"},
        {SP_DC, "creator", "author"},
        {SP_DC, "date", "dcdate"},
        {SP_DC, "subject", "category"},
        {SP_DC, "language", "lang"},
        {SP_CONTENT, "encoded", "content"},
        {SP_WP, "post_type", "wp_type"},
        {SP_WP, "status", "wp_status"},
        {SP_WP, "post_name", "wp_slug"},
        {SP_WP, "post_id", "wp_id"},
        {SP_WP, "post_date_gmt", "wp_date_gmt"},
        {SP_WP, "post_date", "wp_date"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].sp == sp && !strcmp(map[i].name, name))
            return map[i].key;
    return NULL;
}

static void start_item(ns_feed_t *f, int depth)
{
    drop_item(f);
    f->obj = json_object();
    f->extra = json_object();
    f->item_depth = depth;
    /* The node's own line: the parser's line is where it has read up to,
     * which runs ahead of the node being looked at. */
    long line = xmlGetLineNo(xmlTextReaderCurrentNode(f->rd));
    f->item_line = line > 0 ? (unsigned)line
                            : (unsigned)xmlTextReaderGetParserLineNumber(f->rd);
    f->items++;
    f->err[0] = '\0';
    f->err_line = 0;
    f->last_line = f->item_line;
    f->too_long = 0;
    char *lang = attr(f, "xml:lang");
    if (lang)
        ns_fields_set(f->extra, "lang", lang, strlen(lang), 0);
    free(lang);
}

static void begin_field(ns_feed_t *f, const char *key, int depth)
{
    free(f->field);
    f->field = strdup(key);
    f->field_depth = depth;
    f->field_html = 0;
    ns_buf_reset(&f->text);
}

/* Text that may hold HTML (RSS descriptions always may; Atom says so with
 * type="html") becomes plain text, with its <h2>-<h6> as headings. */
static void store_text(ns_feed_t *f, const char *key, const char *s, size_t n,
                       int html)
{
    if (html || memchr(s, '<', n) || memchr(s, '&', n)) {
        ns_buf_t plain = {0};
        json_t *heads = strcmp(key, "content") == 0 ? json_array() : NULL;
        if (ns_html_fragment_text(s, n, heads, &plain) == 0 && plain.p) {
            ns_fields_set(f->extra, key, plain.p, plain.len, 0);
            if (heads && json_array_size(heads))
                json_object_set(f->extra, "headings", heads);
        }
        json_decref(heads);
        ns_buf_free(&plain);
        return;
    }
    ns_fields_set(f->extra, key, s, n, 0);
}

static void end_field(ns_feed_t *f)
{
    const char *key = f->field;
    const char *s = f->text.p ? f->text.p : "";
    size_t n = f->text.len;
    if (!strcmp(key, "category") || !strcmp(key, "tag"))
        ns_fields_push(f->extra, key, s, n);
    else if (!strcmp(key, "content") || !strcmp(key, "summary") ||
             !strcmp(key, "title"))
        store_text(f, key, s, n, f->field_html);
    else
        ns_fields_set(f->extra, key, s, n, 0);
    free(f->field);
    f->field = NULL;
    f->field_depth = -1;
}

/* An element inside an item. */
static void item_element(ns_feed_t *f, int depth, const char *name,
                         enum space sp)
{
    int child = depth == f->item_depth + 1;
    if (sp == SP_PLAIN && !strcmp(name, "name") && f->author_depth >= 0 &&
        depth == f->author_depth + 1) {
        begin_field(f, "author", depth);
        return;
    }
    if (!child)
        return;
    if (sp == SP_PLAIN && !strcmp(name, "author") &&
        !xmlTextReaderIsEmptyElement(f->rd)) {
        /* Atom's <author> holds <name>; RSS's holds the text itself. */
        const char *uri = (const char *)xmlTextReaderConstNamespaceUri(f->rd);
        if (uri && !strcmp(uri, NS_ATOM)) {
            f->author_depth = depth;
            return;
        }
    }
    if (sp == SP_PLAIN && !strcmp(name, "link")) {
        /* Atom: <link rel="alternate" href="..."/>; RSS: text. */
        char *href = attr(f, "href");
        if (href) {
            char *rel = attr(f, "rel");
            if (!rel || !strcmp(rel, "alternate"))
                ns_fields_set(f->extra, "link", href, strlen(href), 0);
            free(rel);
            free(href);
            return;
        }
    }
    if (sp == SP_PLAIN && !strcmp(name, "category")) {
        char *term = attr(f, "label");
        if (!term)
            term = attr(f, "term");
        if (term) { /* Atom */
            ns_fields_push(f->extra, "category", term, strlen(term));
            free(term);
            return;
        }
        /* WXR: domain="post_tag" is a tag, domain="category" a category. */
        char *domain = attr(f, "domain");
        int tag = domain && !strcmp(domain, "post_tag");
        int other = domain && !tag && strcmp(domain, "category") != 0;
        free(domain);
        if (other)
            return;
        begin_field(f, tag ? "tag" : "category", depth);
        return;
    }
    const char *key = field_of(sp, name);
    if (!key)
        return;
    begin_field(f, key, depth);
    char *type = attr(f, "type");
    if (type && (!strcmp(type, "html") || !strcmp(type, "text/html") ||
                 !strcmp(type, "xhtml")))
        f->field_html = 1;
    int xhtml = type && !strcmp(type, "xhtml");
    free(type);
    if (xhtml) {
        /* Atom XHTML content is markup, not text: take it whole and strip
         * it; the reader then steps over the subtree. */
        xmlChar *inner = xmlTextReaderReadInnerXml(f->rd);
        if (inner)
            ns_buf_puts(&f->text, (const char *)inner);
        xmlFree(inner);
        end_field(f);
        f->field_depth = depth; /* skip the subtree's text */
        f->field = NULL;
    }
}

/* ------------------------------------------------------------------------ */
/* Items                                                                    */
/* ------------------------------------------------------------------------ */

static const char *extra(ns_feed_t *f, const char *key)
{
    return json_string_value(json_object_get(f->extra, key));
}

static void set_from(ns_feed_t *f, const char *key, const char *from)
{
    const char *v = extra(f, from);
    if (v)
        ns_fields_set(f->obj, key, v, strlen(v), 0);
}

/* The finished item as an article, or why not. */
static int finish_item(ns_feed_t *f, ns_article_t *art, char *err,
                       size_t err_size)
{
    const char *type = extra(f, "wp_type");
    const char *status = extra(f, "wp_status");
    if (type && strcmp(type, "post") != 0) {
        snprintf(err, err_size, "ignored: a WordPress %.40s, not a post", type);
        return NS_ITEM_IGNORED;
    }
    if (status && strcmp(status, "publish") != 0) {
        snprintf(err, err_size, "ignored: a WordPress post with status '%.40s'",
                 status);
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
    /* A WordPress post is named by its slug; other items by their guid
     * (RSS) or id (Atom), else their link. */
    set_from(f, "id", "wp_slug");
    set_from(f, "id", "guid");
    set_from(f, "id", "link");
    set_from(f, "title", "title");
    set_from(f, "url", "link");
    set_from(f, "author", "author");
    set_from(f, "body", "content");
    set_from(f, "body", "summary");
    json_t *heads = json_object_get(f->extra, "headings");
    if (heads && extra(f, "content"))
        json_object_set(f->obj, "headings", heads);
    static const char *const dates[] = {"wp_date_gmt", "published", "pubdate",
                                        "dcdate",      "updated",   "wp_date"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        if (extra(f, dates[i]))
            ns_fields_date(f->obj, extra(f, dates[i]), 0);
    set_from(f, "lang", "lang");
    if (f->chan_lang)
        ns_fields_set(f->obj, "lang", f->chan_lang, strlen(f->chan_lang), 0);
    /* The first category is the section; the others, and WordPress tags,
     * are tags. */
    json_t *cats = json_object_get(f->extra, "category");
    size_t i;
    json_t *v;
    json_array_foreach(cats, i, v)
    {
        if (i == 0)
            json_object_set(f->obj, "section", v);
        else
            ns_fields_push(f->obj, "tags", json_string_value(v),
                           json_string_length(v));
    }
    json_array_foreach(json_object_get(f->extra, "tag"), i, v) ns_fields_push(
        f->obj, "tags", json_string_value(v), json_string_length(v));

    char why[400];
    if (ns_fields_article(f->obj, art, why, sizeof why) < 0) {
        snprintf(err, err_size, "item %u: %s", f->items, why);
        return NS_ITEM_BAD;
    }
    return NS_ITEM_OK;
}

/* Text inside the element being collected (or the channel language). */
static void take_text(ns_feed_t *f)
{
    const char *v = (const char *)xmlTextReaderConstValue(f->rd);
    if (!v)
        return;
    if (f->in_chan_lang && !f->field) {
        if (!f->chan_lang)
            f->chan_lang = strdup(v);
        return;
    }
    if (!f->field || f->too_long)
        return;
    size_t n = strlen(v);
    if (f->text.len + n > NS_MAX_RECORD) {
        f->too_long = 1;
        return;
    }
    ns_buf_append(&f->text, v, n);
}

int ns_feed_next(ns_feed_t *f, ns_article_t *art, unsigned *item,
                 unsigned *line, char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
    err[0] = '\0';
    while (!f->done) {
        /* libxml2 marks the document not well-formed after raising the
         * error, so the flag is cleared here, before the next read. */
        if (f->pctxt && f->pctxt->instate != XML_PARSER_EOF)
            f->pctxt->wellFormed = 1;
        int rc = xmlTextReaderRead(f->rd);
        if (rc <= 0) {
            f->done = 1;
            /* Cut off inside an item, or errors left at the end. */
            int cut = f->item_depth >= 0;
            if (!take_error(f, 0) && !cut)
                return NS_ITEM_END;
            *item = cut ? f->items : 0;
            *line = f->err_line ? f->err_line : f->item_line;
            if (cut && f->err_line > f->last_line)
                /* The parser stopped past what was seen of this item: the
                 * reader reads ahead, and stops for good at the first
                 * well-formedness error, so this item and the rest of the
                 * feed are lost. */
                snprintf(err, err_size, "item %u and the rest of the feed: %s",
                         f->items, f->err);
            else if (cut)
                snprintf(err, err_size, "item %u: %s", f->items,
                         f->err[0] ? f->err : "unexpected end of feed");
            else
                snprintf(err, err_size, "%s", f->err);
            drop_item(f);
            return NS_ITEM_BAD;
        }
        int type = xmlTextReaderNodeType(f->rd);
        int depth = xmlTextReaderDepth(f->rd);
        const char *name = (const char *)xmlTextReaderConstLocalName(f->rd);
        enum space sp =
            space_of((const char *)xmlTextReaderConstNamespaceUri(f->rd));
        if (!name)
            name = "";
        if (f->item_depth >= 0 && type != XML_READER_TYPE_END_ELEMENT) {
            long l = xmlGetLineNo(xmlTextReaderCurrentNode(f->rd));
            if (l > 0 && (unsigned)l > f->last_line)
                f->last_line = (unsigned)l;
        }

        if (type == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(f->rd);
            if (f->item_depth < 0) {
                int starts = sp == SP_PLAIN &&
                             (!strcmp(name, "item") || !strcmp(name, "entry"));
                if (starts) {
                    start_item(f, depth);
                    if (!empty)
                        continue;
                    /* <item/>: an item with nothing in it, finished below. */
                } else {
                    if ((sp == SP_PLAIN || sp == SP_DC) &&
                        !strcmp(name, "language") && !empty)
                        f->in_chan_lang = 1;
                    char *lang = attr(f, "xml:lang");
                    if (lang && !f->chan_lang && depth <= 1)
                        f->chan_lang = lang;
                    else
                        free(lang);
                    continue;
                }
            } else {
                if (f->field_depth < 0) {
                    item_element(f, depth, name, sp);
                    if (f->field && empty)
                        end_field(f);
                }
                continue;
            }
        } else if (type == XML_READER_TYPE_TEXT ||
                   type == XML_READER_TYPE_CDATA ||
                   type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                   type == XML_READER_TYPE_WHITESPACE) {
            take_text(f);
            continue;
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            f->in_chan_lang = 0;
            if (f->field_depth == depth) {
                if (f->field)
                    end_field(f);
                f->field_depth = -1;
                continue;
            }
            if (f->author_depth == depth) {
                f->author_depth = -1;
                continue;
            }
            if (f->item_depth != depth)
                continue;
        } else {
            continue;
        }

        /* The end of an item (or an empty <item/>): the errors raised up to
         * its last line are its own. */
        take_error(f, f->last_line);
        *item = f->items;
        *line = f->err[0] && f->err_line ? f->err_line : f->item_line;
        int got = finish_item(f, art, err, err_size);
        drop_item(f);
        f->err[0] = '\0';
        f->err_line = 0;
        if (got != NS_ITEM_OK)
            ns_article_clear(art);
        return got;
    }
    return NS_ITEM_END;
}
