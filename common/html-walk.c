/* html-walk.c - The text of an HTML subtree as a reader sees it: blocks
 * as paragraphs, <br> as a line, headings collected as the article's
 * section headings, and never the text of what is not the story: scripts,
 * navigation, asides, forms, the site's header, comment threads, the
 * furniture html-furniture.c names, AMP's ad and share elements, and short
 * hidden text.  html.c decides which subtree is the article; feeds and
 * Markdown give fragments. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

#define MAX_DEPTH NS_HTML_MAX_DEPTH

#define NAME(n) ((const char *)(n)->name)

enum gap { GAP_NONE, GAP_SPACE, GAP_LINE, GAP_PARA };

struct text {
    ns_buf_t *out;
    json_t *headings;
    enum gap gap; /* separator owed before the next visible character */
    int failed;
    int markdown; /* HTML inside Markdown (ns_html_markdown_text) */
    int pre;      /* inside such a <pre>: its text as written */
    int item;     /* a feed item's HTML (ns_html_fragment_text) */
    int too_deep; /* text below MAX_DEPTH was left out */
};

static int name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return 1;
    return 0;
}

/* Non-zero if N is inside an <article>. */
static int in_article(xmlNodePtr n)
{
    for (xmlNodePtr up = n->parent; up && up->type == XML_ELEMENT_NODE;
         up = up->parent)
        if (strcasecmp(NAME(up), "article") == 0)
            return 1;
    return 0;
}

/* Non-zero if N is a short text never shown: the hidden attribute (but
 * not hidden="until-found", text a reader's find-in-page reveals), or an
 * inline style of display: none or visibility: hidden.  Longer hidden
 * text may be the rest of the story that a "Read more" button reveals,
 * and stays: when a rule cannot decide, the text stays. */
static int is_hidden(xmlNodePtr n)
{
    xmlChar *h = xmlGetProp(n, BAD_CAST "hidden");
    int hit = h && strcasecmp((const char *)h, "until-found") != 0;
    xmlFree(h);
    xmlChar *style = hit ? NULL : xmlGetProp(n, BAD_CAST "style");
    if (style) {
        char *squeezed = (char *)style, *w = squeezed;
        for (const char *r = squeezed; *r; r++)
            if (!isspace((unsigned char)*r))
                *w++ = (char)tolower((unsigned char)*r);
        *w = '\0';
        hit = strstr(squeezed, "display:none") ||
              strstr(squeezed, "visibility:hidden");
    }
    xmlFree(style);
    if (hit) {
        xmlChar *t = xmlNodeGetContent(n);
        size_t bytes = 0;
        for (const xmlChar *p = t; p && *p; p++)
            bytes += !isspace(*p);
        xmlFree(t);
        hit = bytes <= 300;
    }
    return hit;
}

int ns_html_named(xmlNodePtr n, int (*is)(const char *value))
{
    /* The class or id, or the attribute a template names its components
     * with for its tests and scripts, in the same words: Arc's
     * data-qa="subscription-promo" and "comments-btn", data-testid, BBC's
     * data-component="byline-block". */
    static const char *const attrs[] = {
        "class",          "id", "data-qa", "data-testid", "data-test-id",
        "data-component", NULL};
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (!name_in((const char *)a->name, attrs))
            continue;
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        int hit = v && is((const char *)v);
        xmlFree(v);
        if (hit)
            return 1;
    }
    return 0;
}

/* Does VALUE name a comment thread, a sidebar or page furniture? */
static int furniture(const char *value)
{
    return ns_html_thread_or_sidebar(value) || ns_html_furniture_name(value);
}

int ns_html_skipped(xmlNodePtr n)
{
    static const char *const skip[] = {
        "script", "style", "noscript", "template", "nav", "aside", "footer",
        "form", "button", "select", "textarea", "iframe", "svg", "object",
        "embed", "canvas", "menu", "dialog", "head", "title",
        /* Their text is shown only by a browser that cannot play them. */
        "video", "audio", "amp-video", "amp-audio",
        /* AMP pages build their furniture from AMP's own elements, which
         * carry no class to go by: ads (amp-embed is the same element for
         * content recommendations, Taboola's and Outbrain's), with the
         * placeholder and fallback text shown while one loads or when it
         * fails ("Loading ad...", "Ad failed to load"); share buttons;
         * the cookie consent and notice dialogs; the navigation drawer;
         * and the next stories loaded under this one.  So are the embeds
         * whose content is another site's, loaded in a frame, and whose
         * own text is only a placeholder or a fallback, as an <iframe>'s:
         * amp-iframe's "Loading poll..." was indexed, amp-instagram's and
         * amp-facebook's "View this post on ...".  AMP's story elements
         * (amp-img, amp-fit-text, amp-accordion, and the embedded posts of
         * amp-twitter, whose placeholder holds the tweet, quoted as the
         * story's, as a twitter-tweet blockquote is) are read as any
         * element. */
        "amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads",
        "amp-story-auto-ads", "amp-social-share", "amp-consent",
        "amp-user-notification", "amp-sidebar", "amp-next-page", "amp-iframe",
        "amp-instagram", "amp-facebook", "amp-facebook-page",
        "amp-facebook-comments", "amp-youtube", "amp-vimeo", "amp-tiktok",
        NULL};
    if (name_in(NAME(n), skip) || is_hidden(n))
        return 1;
    /* The page's <header> is the site's masthead; one inside an <article>
     * is the article's own (HTML: a header belongs to its nearest
     * sectioning ancestor), with the headline and the standfirst.  Its
     * navigation and share buttons are left out as anywhere else. */
    if (strcasecmp(NAME(n), "header") == 0 && !in_article(n))
        return 1;
    /* There, its <time>s are the article's dates, read as such; as text
     * they would open the body with "20 Nov 202521 Nov 2025". */
    if (strcasecmp(NAME(n), "time") == 0)
        for (xmlNodePtr up = n->parent; up && up->type == XML_ELEMENT_NODE;
             up = up->parent)
            if (strcasecmp(NAME(up), "header") == 0) {
                if (in_article(up))
                    return 1;
                break;
            }
    /* Comment threads, navigation and the blocks around an article that
     * sites build from plain <div>s. */
    if (ns_html_named(n, furniture))
        return 1;
    if (ns_html_box_of_links(n))
        return 1;
    if (ns_html_furniture_text(n))
        return 1;
    /* A share button with no class to go by is known by its link. */
    if (strcasecmp(NAME(n), "a") == 0) {
        xmlChar *href = xmlGetProp(n, BAD_CAST "href");
        int share = href && ns_html_share_link((const char *)href);
        xmlFree(href);
        if (share)
            return 1;
    }
    xmlChar *role = xmlGetProp(n, BAD_CAST "role");
    int hit = role && (strcasecmp((const char *)role, "navigation") == 0 ||
                       strcasecmp((const char *)role, "complementary") == 0);
    xmlFree(role);
    return hit;
}

/* Non-zero if N holds the RDFa of a node's own title, author or date,
 * which Drupal 8 and later print at the head of every feed item's HTML:
 * "<span property="schema:name">TITLE</span> <span rel="schema:author">
 * ...LOGIN</span> <span property="schema:dateCreated" content=...>Fri,
 * 12/04/2026 - 09:15</span>".  Indexed, every body opened with the title
 * again, the editor's login and the date.  The item's own title, author
 * and date come from the feed; on a page, html-meta.c reads these as
 * fields.  A schema:name inside another thing's markup (typeof, a place
 * or a person the story names) is that thing's, and stays. */
static int node_rdfa(xmlNodePtr n)
{
    static const char *const rels[] = {"schema:author", "sioc:has_creator",
                                       NULL};
    static const char *const props[] = {"schema:dateCreated",
                                        "schema:dateModified",
                                        "schema:datePublished",
                                        "dc:date",
                                        "dc:created",
                                        "dc:title",
                                        NULL};
    static const char *const names[] = {"schema:name", NULL};
    xmlChar *rel = xmlGetProp(n, BAD_CAST "rel");
    xmlChar *property = xmlGetProp(n, BAD_CAST "property");
    int hit = (rel && ns_html_has_token((const char *)rel, rels)) ||
              (property && ns_html_has_token((const char *)property, props));
    if (!hit && property && ns_html_has_token((const char *)property, names)) {
        hit = 1;
        for (xmlNodePtr up = n; hit && up && up->type == XML_ELEMENT_NODE;
             up = up->parent)
            hit = !xmlHasProp(up, BAD_CAST "typeof");
    }
    xmlFree(rel);
    xmlFree(property);
    /* Drupal 10 prints the same without RDFa (it left core): fields by
     * their classes, <span class="field field--name-title ...">. */
    static const char *const fields[] = {"field--name-title",
                                         "field--name-uid",
                                         "field--name-created", NULL};
    xmlChar *cls = hit ? NULL : xmlGetProp(n, BAD_CAST "class");
    if (cls && ns_html_has_token((const char *)cls, fields))
        hit = 1;
    xmlFree(cls);
    return hit;
}

/* Is TEXT, trimmed, a footnote's mark: a number, "[2]", "*", "†"? */
static int mark_text(const char *text)
{
    size_t n = 0;
    while (*text && isspace((unsigned char)*text))
        text++;
    for (; *text && !isspace((unsigned char)*text); text++, n++) {
        if (!strncmp(text, "\xe2\x80\xa0", 3) || /* dagger */
            !strncmp(text, "\xe2\x80\xa1", 3))   /* double dagger */
            text += 2;
        else if (!isdigit((unsigned char)*text) && !strchr("[]()*", *text))
            return 0;
    }
    while (*text && isspace((unsigned char)*text))
        text++;
    return n && n <= 8 && !*text;
}

/* Whether N holds a link within the page ("#fn1"): a footnote's. */
static int links_inside(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcasecmp(NAME(c), "a") == 0) {
            xmlChar *href = xmlGetProp(c, BAD_CAST "href");
            int hit = href && href[0] == '#';
            xmlFree(href);
            if (hit)
                return 1;
        }
        if (links_inside(c))
            return 1;
    }
    return 0;
}

enum { NOT_A_MARK, FOOTNOTE, SUPERSCRIPT };

/* What N is, if a mark beside a word: a FOOTNOTE's, WordPress's <sup
 * data-fn="..." class="fn"><a href="#...">1</a></sup>, Substack's <a
 * class="footnote-anchor">1</a>, a <sup> linking within the page; or a
 * SUPERSCRIPT number of its own, <sup>2</sup>.  The number stuck to the
 * word before it, "The budget1 was cut", and "budget" found nothing.  A
 * footnote's mark is no part of the text; a bare superscript may be (80
 * m<sup>2</sup>), so it stays, as a word apart. */
static int footnote_mark(xmlNodePtr n)
{
    static const char *const classes[] = {"footnote-anchor", "fn",
                                          "footnote-ref", NULL};
    xmlChar *cls = xmlGetProp(n, BAD_CAST "class");
    int note = (cls && ns_html_has_token((const char *)cls, classes)) ||
               xmlHasProp(n, BAD_CAST "data-fn");
    xmlFree(cls);
    int sup = strcasecmp(NAME(n), "sup") == 0;
    if (!note && !sup)
        return NOT_A_MARK;
    xmlChar *c = xmlNodeGetContent(n);
    int mark = c && mark_text((const char *)c);
    xmlFree(c);
    if (!mark)
        return NOT_A_MARK;
    return note || links_inside(n) ? FOOTNOTE : SUPERSCRIPT;
}

static int is_block(const char *name)
{
    static const char *const blocks[] = {
        "p",       "div",     "section",  "article", "main",       "h1",
        "h2",      "h3",      "h4",       "h5",      "h6",         "ul",
        "ol",      "li",      "dl",       "dt",      "dd",         "blockquote",
        "pre",     "table",   "tr",       "figure",  "figcaption", "hr",
        "address", "details", "summary",  "body",    "header",     "footer",
        "hgroup",  "caption", "fieldset", "legend",  "center",     NULL};
    return name_in(name, blocks);
}

int ns_html_heading_level(const char *name)
{
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' &&
        name[1] <= '6' && !name[2])
        return name[1] - '0';
    return 0;
}

int ns_html_break(const char *name, int gap, int written)
{
    /* A line break; two with nothing between are a paragraph's, as
     * editors and feeds that write no <p> ("<br><br>") break them. */
    if (strcasecmp(name, "br") == 0)
        return gap >= GAP_LINE && written ? GAP_PARA
               : gap < GAP_LINE           ? GAP_LINE
                                          : gap;
    if (is_block(name))
        return GAP_PARA;
    /* Cells of a row are words apart. */
    if (strcasecmp(name, "td") == 0 || strcasecmp(name, "th") == 0)
        return gap < GAP_SPACE ? GAP_SPACE : gap;
    return gap;
}

static void put_text(struct text *t, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (t->gap < GAP_SPACE)
                t->gap = GAP_SPACE;
            continue;
        }
        /* U+00A0 (no-break space) separates words like a space. */
        if (c == 0xc2 && (unsigned char)s[1] == 0xa0) {
            s++;
            if (t->gap < GAP_SPACE)
                t->gap = GAP_SPACE;
            continue;
        }
        if (t->out->len && t->gap != GAP_NONE) {
            const char *sep = t->gap == GAP_PARA   ? "\n\n"
                              : t->gap == GAP_LINE ? "\n"
                                                   : " ";
            if (ns_buf_puts(t->out, sep) < 0)
                t->failed = 1;
        }
        t->gap = GAP_NONE;
        if (ns_buf_putc(t->out, c) < 0)
            t->failed = 1;
    }
}

static void walk_text(struct text *t, xmlNodePtr n, int depth);

/* A <pre> written inside Markdown is code, as a fenced block is there:
 * its lines and indentation are kept, without the blank lines around
 * them, where the walk above would make it one line of words. */
static void walk_pre(struct text *t, xmlNodePtr n, int depth)
{
    ns_buf_t code = {0};
    struct text sub = {.out = &code, .markdown = 1, .pre = 1};
    for (xmlNodePtr c = n->children; c; c = c->next)
        walk_text(&sub, c, depth + 1);
    size_t from = 0, to = code.len;
    while (from < to && (code.p[from] == '\n' || code.p[from] == '\r'))
        from++;
    while (to > from && strchr(" \t\r\n", code.p[to - 1]))
        to--;
    t->gap = GAP_PARA;
    if (to > from) {
        if (t->out->len && ns_buf_puts(t->out, "\n\n") < 0)
            t->failed = 1;
        if (ns_buf_append(t->out, code.p + from, to - from) < 0)
            t->failed = 1;
    }
    if (sub.failed)
        t->failed = 1;
    ns_buf_free(&code);
}

static void walk_children(struct text *t, xmlNodePtr n, int depth)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        walk_text(t, c, depth + 1);
}

/* Is there text a reader sees in N's subtree?  Only asked of the first
 * subtree left out for its depth, and libxml2 gathers content without
 * recursion, so a deep page costs one pass. */
static int has_text(xmlNodePtr n)
{
    xmlChar *c = xmlNodeGetContent(n);
    const xmlChar *p = c;
    while (p && *p && isspace(*p))
        p++;
    int found = p && *p;
    xmlFree(c);
    return found;
}

static void walk_text(struct text *t, xmlNodePtr n, int depth)
{
    /* The walk recurses, and a page of 100,000 nested <div>s would run
     * it out of stack: text deeper than that is left out, and said. */
    if (depth > MAX_DEPTH) {
        if (!t->too_deep && has_text(n))
            t->too_deep = 1;
        return;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content && t->pre) {
            if (ns_buf_puts(t->out, (const char *)n->content) < 0)
                t->failed = 1;
        } else if (n->content) {
            put_text(t, (const char *)n->content);
        }
        return;
    }
    if (n->type != XML_ELEMENT_NODE) /* comments, processing instructions */
        return;
    if (ns_html_skipped(n) || (t->item && node_rdfa(n)))
        return;
    int mark = footnote_mark(n);
    if (mark == FOOTNOTE)
        return;
    if (mark == SUPERSCRIPT && t->gap < GAP_SPACE)
        t->gap = GAP_SPACE;
    const char *name = NAME(n);
    if (strcasecmp(name, "br") == 0) {
        if (t->pre && ns_buf_putc(t->out, '\n') < 0)
            t->failed = 1;
        t->gap = ns_html_break(name, t->gap, t->out->len != 0);
        return;
    }
    if (t->pre) {
        walk_children(t, n, depth);
        return;
    }
    if (t->markdown && strcasecmp(name, "pre") == 0) {
        walk_pre(t, n, depth);
        return;
    }
    int level = ns_html_heading_level(name);
    /* In an article, the <h1> is its title, already taken as such; the
     * text on either side of it is not one paragraph.  In Markdown, the
     * title is the front matter's, or a "# " line, and an <h1> below it
     * is a heading as a "# " line there is. */
    if (level == 1 && t->headings && !t->markdown) {
        t->gap = GAP_PARA;
        return;
    }
    if (level >= 1 && t->headings) {
        /* A heading is a paragraph of the body and one of the article's
         * section headings. */
        ns_buf_t h = {0};
        struct text sub = {.out = &h};
        walk_children(&sub, n, depth);
        if (sub.failed)
            t->failed = 1;
        if (h.len) {
            ns_fields_push(t->headings, "h", h.p, h.len);
            t->gap = GAP_PARA;
            put_text(t, h.p);
            t->gap = GAP_PARA;
        }
        ns_buf_free(&h);
        return;
    }
    int block = is_block(name);
    t->gap = ns_html_break(name, t->gap, t->out->len != 0);
    walk_children(t, n, depth);
    if (block)
        t->gap = GAP_PARA;
}

static int node_text(xmlNodePtr n, json_t *headings, int markdown, int item,
                     ns_buf_t *out, int *too_deep)
{
    /* ns_fields_push keeps lists inside an object; a scratch object holds
     * the "h" list while walking. */
    json_t *scratch = headings ? json_object() : NULL;
    struct text t = {.out = out,
                     .headings = scratch,
                     .gap = out->len ? GAP_PARA : GAP_NONE,
                     .markdown = markdown,
                     .item = item};
    walk_children(&t, n, 0);
    if (too_deep)
        *too_deep = t.too_deep;
    if (scratch) {
        json_t *list = json_object_get(scratch, "h");
        if (list)
            json_array_extend(headings, list);
        json_decref(scratch);
    }
    return t.failed ? -1 : 0;
}

int ns_html_node_text(xmlNodePtr n, json_t *headings, ns_buf_t *out)
{
    return node_text(n, headings, 0, 0, out, NULL);
}

int ns_html_node_text_deep(xmlNodePtr n, json_t *headings, ns_buf_t *out,
                           int *too_deep)
{
    return node_text(n, headings, 0, 0, out, too_deep);
}

static int fragment_text(const char *html, size_t len, int post, int markdown,
                         json_t *headings, ns_buf_t *out)
{
    /* A fragment is text as often as markup: its "<" that opens no tag is
     * a character ("a<b"), not a tag cut short that takes the rest. */
    ns_buf_t in = {0}, paras = {0};
    int autop = ns_html_autop(html, len, post, &paras);
    if (autop < 0 || ns_html_escape_stray(autop ? paras.p : html,
                                          autop ? paras.len : len, &in) < 0) {
        ns_buf_free(&paras);
        ns_buf_free(&in);
        return -1;
    }
    ns_buf_free(&paras);
    htmlDocPtr doc = ns_html_read(in.p ? in.p : "", in.len);
    ns_buf_free(&in);
    if (!doc)
        return 0; /* nothing parseable is no text */
    int rc = 0;
    size_t from = out->len;
    if (xmlDocGetRootElement(doc))
        rc = node_text((xmlNodePtr)doc, headings, markdown, !markdown, out,
                       NULL);
    xmlFreeDoc(doc);
    /* "&#146;" is U+2019 as browsers read it, not U+0092 (charset.c). */
    if (rc == 0 && (ns_c1_to_windows1252(out, from) < 0 ||
                    (headings && ns_json_c1_to_windows1252(headings) < 0)))
        rc = -1;
    return rc;
}

int ns_html_fragment_text(const char *html, size_t len, json_t *headings,
                          ns_buf_t *out)
{
    return fragment_text(html, len, 0, 0, headings, out);
}

int ns_html_markdown_text(const char *html, size_t len, json_t *headings,
                          ns_buf_t *out)
{
    return fragment_text(html, len, 0, 1, headings, out);
}

int ns_html_post_text(const char *html, size_t len, json_t *headings,
                      ns_buf_t *out)
{
    return fragment_text(html, len, 1, 0, headings, out);
}
