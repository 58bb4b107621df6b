/* nitf.c - NITF, the IPTC's News Industry Text Format: the XML in which
 * wire agencies (NTB, AP, Reuters) deliver stories to newsrooms, and in
 * which many newsroom archives are kept, one story per file.
 *
 *   id        head/docdata/doc-id/@id-string, else the file's path
 *   title     body.head/hedline/hl1, else head/title
 *   body      body.head/hedline/hl2 (as headings), body.head/abstract
 *             unless body.content begins with it, then body.content:
 *             paragraphs (p, li, table rows, captions) as text, hl2 as
 *             headings
 *   date      docdata/date.issue/@norm, else date.release/@norm (ISO 8601,
 *             basic "20250805T100000+0200" or extended)
 *   author    body.head/byline: its <person>s, else its text without "By"
 *   section   pubdata/@position.section, else the first tobject.subject
 *   tags      docdata/key-list/keyword/@key
 *   lang      the xml:lang of <nitf>, <head> or <body>, else the
 *             baselang of <nitf>
 *   url       pubdata/@ex-ref when it is a URL
 *
 * The file is parsed by libxml2 without network access and without loading
 * a DTD.  Only text and CDATA nodes are read, so an entity reference,
 * declared in the file or not, adds nothing (as in a feed, feed.c). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ingest.h"

static int named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* The first element child of N named NAME, or NULL. */
static xmlNode *child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (named(c, name))
            return c;
    return NULL;
}

/* Attribute NAME of N as a new string, or NULL. */
static char *attr(const xmlNode *n, const char *name)
{
    return n ? (char *)xmlGetProp(n, (const xmlChar *)name) : NULL;
}

/* Elements whose text is not run on into the text around them: a table's
 * cells ("Hamilton" "Smith", not "HamiltonSmith"), a line break, and
 * blocks inside a paragraph element (a list in a cell). */
static int apart(const xmlNode *n)
{
    static const char *const names[] = {"td", "th", "br", "p",    "li",
                                        "dt", "dd", "tr", "block"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (named(n, names[i]))
            return 1;
    return 0;
}

/* The text of N's subtree, white space runs as one space, into OUT. */
static int text_of(const xmlNode *n, ns_buf_t *out)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && apart(c) && out->len &&
            out->p[out->len - 1] != ' ' && ns_buf_putc(out, ' ') < 0)
            return -1;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const char *p = (const char *)c->content; p && *p; p++) {
                int space = isspace((unsigned char)*p);
                if (space && (!out->len || out->p[out->len - 1] == ' '))
                    continue;
                if (ns_buf_putc(out, space ? ' ' : *p) < 0)
                    return -1;
            }
        } else if (c->type == XML_ELEMENT_NODE && text_of(c, out) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Set KEY of OBJ (unless set) to the text of N. */
static void set_text(json_t *obj, const char *key, const xmlNode *n)
{
    ns_buf_t t = {0};
    if (n && text_of(n, &t) == 0 && t.len)
        ns_fields_set(obj, key, t.p, t.len, 0);
    ns_buf_free(&t);
}

static void set_attr(json_t *obj, const char *key, const xmlNode *n,
                     const char *name)
{
    char *v = attr(n, name);
    if (v)
        ns_fields_set(obj, key, v, strlen(v), 0);
    xmlFree(v);
}

/* Elements whose text is one paragraph; a heading is one too. */
static int paragraph(const xmlNode *n)
{
    static const char *const names[] = {"p",  "hl1", "hl2",           "li",
                                        "dt", "dd",  "media-caption", "tr"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (named(n, names[i]))
            return 1;
    return 0;
}

/* The text of N, a paragraph, into BODY (after a blank line), and into
 * HEADS too when it is a heading. */
static int add_paragraph(const xmlNode *c, ns_buf_t *body, json_t *heads)
{
    ns_buf_t t = {0};
    if (text_of(c, &t) < 0) {
        ns_buf_free(&t);
        return -1;
    }
    while (t.len && t.p[t.len - 1] == ' ')
        t.len--;
    int rc = 0;
    if (t.len) {
        if ((named(c, "hl1") || named(c, "hl2")) &&
            json_array_append_new(heads, json_stringn(t.p, t.len)) < 0)
            rc = -1;
        else if ((body->len && ns_buf_append(body, "\n\n", 2) < 0) ||
                 ns_buf_append(body, t.p, t.len) < 0)
            rc = -1;
    }
    ns_buf_free(&t);
    return rc;
}

/* The paragraphs under N into BODY (separated by blank lines), headings
 * also into HEADS.  Media references and metadata carry no text. */
static int paragraphs(const xmlNode *n, ns_buf_t *body, json_t *heads)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || named(c, "media-reference") ||
            named(c, "media-metadata") || named(c, "media-object"))
            continue;
        if (paragraph(c) ? add_paragraph(c, body, heads) < 0
                         : paragraphs(c, body, heads) < 0)
            return -1;
    }
    return 0;
}

/* Does TEXT begin with the paragraphs of LEAD, whole? */
static int begins_with(const ns_buf_t *text, const ns_buf_t *lead)
{
    return lead->len && text->len >= lead->len &&
           memcmp(text->p, lead->p, lead->len) == 0 &&
           (text->len == lead->len || text->p[lead->len] == '\n');
}

/* The story's text into BODY and its headings into HEADS: the hedline's
 * hl2s (its subtitle: AP's summary line, NTB's second headline), the
 * abstract, then body.content.  An abstract that body.content begins with
 * (the lede, which NTB delivers in both) is left out: it was stored twice,
 * shown twice in the snippet and counted twice in ranking. */
static int story_text(const xmlNode *bhead, const xmlNode *content,
                      ns_buf_t *body, json_t *heads)
{
    for (const xmlNode *c = child(child(bhead, "hedline"), "hl2"); c;
         c = c->next)
        if (named(c, "hl2") && add_paragraph(c, body, heads) < 0)
            return -1;
    ns_buf_t lead = {0}, rest = {0};
    json_t *lead_heads = json_array(), *rest_heads = json_array();
    int rc = -1;
    if (!lead_heads || !rest_heads ||
        paragraphs(child(bhead, "abstract"), &lead, lead_heads) < 0 ||
        paragraphs(content, &rest, rest_heads) < 0)
        goto out;
    if (!begins_with(&rest, &lead)) {
        if ((lead.len && body->len && ns_buf_append(body, "\n\n", 2) < 0) ||
            ns_buf_append(body, lead.p, lead.len) < 0 ||
            json_array_extend(heads, lead_heads) < 0)
            goto out;
    }
    if ((rest.len && body->len && ns_buf_append(body, "\n\n", 2) < 0) ||
        ns_buf_append(body, rest.p, rest.len) < 0 ||
        json_array_extend(heads, rest_heads) < 0)
        goto out;
    rc = 0;
out:
    ns_buf_free(&lead);
    ns_buf_free(&rest);
    json_decref(lead_heads);
    json_decref(rest_heads);
    return rc;
}

/* An ISO 8601 date in basic form ("20250805T100000+0200", "20250805")
 * into the extended form ns_date_parse() reads, in OUT; other text is
 * copied as it is. */
static void extended_date(const char *v, char *out, size_t size)
{
    size_t n = 0;
    while (isdigit((unsigned char)v[n]))
        n++;
    if (n != 8) {
        snprintf(out, size, "%s", v);
        return;
    }
    int len = snprintf(out, size, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
    const char *t = v + 8;
    if (*t != 'T' || len < 0)
        return;
    size_t h = 0;
    while (isdigit((unsigned char)t[1 + h]))
        h++;
    if (h != 4 && h != 6) {
        snprintf(out, size, "%s", v);
        return;
    }
    const char *zone = t + 1 + h;
    char tz[8] = "";
    if ((*zone == '+' || *zone == '-') && strlen(zone) == 5)
        snprintf(tz, sizeof tz, "%.3s:%.2s", zone, zone + 3);
    else
        snprintf(tz, sizeof tz, "%.6s", zone);
    snprintf(out + len, size - (size_t)len, "T%.2s:%.2s:%.2s%s", t + 1, t + 3,
             h == 6 ? t + 5 : "00", tz);
}

/* The byline's names: its <person>s joined, else its text without a
 * leading "By " or "Av " (article.c). */
static void set_byline(json_t *obj, const xmlNode *byline)
{
    json_t *names = json_array();
    for (const xmlNode *c = byline ? byline->children : NULL; c && names;
         c = c->next)
        if (named(c, "person")) {
            ns_buf_t t = {0};
            if (text_of(c, &t) == 0 && t.len)
                json_array_append_new(names, json_stringn(t.p, t.len));
            ns_buf_free(&t);
        }
    char *by =
        json_array_size(names) ? ns_names_join(names, NS_MAX_LABEL) : NULL;
    json_decref(names);
    if (by) {
        ns_fields_set(obj, "author", by, strlen(by), 0);
        free(by);
        return;
    }
    /* Its "By " or "Av " goes as every byline's does (article.c). */
    ns_buf_t t = {0};
    if (byline && text_of(byline, &t) == 0 && t.len)
        ns_fields_set(obj, "author", t.p, t.len, 0);
    ns_buf_free(&t);
}

int ns_nitf_article(const char *data, size_t len, const char *default_id,
                    ns_article_t *art, char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
    if (len > INT32_MAX) {
        snprintf(err, err_size, "longer than %d bytes", INT32_MAX);
        return -1;
    }
    ns_xml_ready();
    xmlDoc *doc = xmlReadMemory(data, (int)len, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!named(root, "nitf")) {
        if (root)
            snprintf(err, err_size, "root element <%.40s>, not <nitf>",
                     (const char *)root->name);
        else
            snprintf(err, err_size,
                     "malformed XML (or an entity past "
                     "libxml2's limits), not a NITF story");
        xmlFreeDoc(doc);
        return -1;
    }
    json_t *obj = json_object();
    json_t *heads = json_array();
    ns_buf_t body = {0};
    int rc = -1;
    if (!obj || !heads)
        goto oom;
    xmlNode *head = child(root, "head"), *docdata = child(head, "docdata");
    xmlNode *bodyn = child(root, "body"), *bhead = child(bodyn, "body.head");
    set_attr(obj, "id", child(docdata, "doc-id"), "id-string");
    if (default_id && !json_object_get(obj, "id") &&
        ns_check_name_id(default_id, "rename the file, or give it a <doc-id>",
                         err, err_size) < 0)
        goto done;
    if (default_id)
        ns_fields_set(obj, "id", default_id, strlen(default_id), 0);
    set_text(obj, "title", child(child(bhead, "hedline"), "hl1"));
    set_text(obj, "title", child(head, "title"));
    if (story_text(bhead, child(bodyn, "body.content"), &body, heads) < 0)
        goto oom;
    if (body.len)
        ns_fields_set(obj, "body", body.p, body.len, 0);
    if (json_array_size(heads))
        json_object_set(obj, "headings", heads);
    const char *dates[] = {"date.issue", "date.release"};
    for (size_t i = 0; i < 2 && !json_object_get(obj, "date"); i++) {
        char *norm = attr(child(docdata, dates[i]), "norm");
        if (norm) {
            char iso[64];
            extended_date(norm, iso, sizeof iso);
            ns_fields_date(obj, iso, 0);
        }
        xmlFree(norm);
    }
    set_byline(obj, child(bhead, "byline"));
    xmlNode *pub = child(head, "pubdata");
    set_attr(obj, "section", pub, "position.section");
    xmlNode *subject = child(child(head, "tobject"), "tobject.subject");
    set_attr(obj, "section", subject, "tobject.subject.matter");
    for (xmlNode *k = child(child(docdata, "key-list"), "keyword"); k;
         k = k->next) {
        char *key = named(k, "keyword") ? attr(k, "key") : NULL;
        if (key)
            ns_fields_push(obj, "tags", key, strlen(key));
        xmlFree(key);
    }
    const xmlNode *langs[] = {root, head, bodyn};
    for (size_t i = 0; i < 3; i++) {
        xmlChar *l = langs[i] ? xmlNodeGetLang(langs[i]) : NULL;
        if (l)
            ns_fields_set(obj, "lang", (const char *)l, strlen((const char *)l),
                          0);
        xmlFree(l);
    }
    /* NITF's own attribute for the language of the whole story. */
    set_attr(obj, "lang", root, "baselang");
    char *url = attr(pub, "ex-ref");
    if (url && strstr(url, "://"))
        ns_fields_set(obj, "url", url, strlen(url), 0);
    xmlFree(url);
    rc = ns_fields_article(obj, art, err, err_size);
    goto done;
oom:
    snprintf(err, err_size, "out of memory");
done:
    ns_buf_free(&body);
    json_decref(heads);
    json_decref(obj);
    xmlFreeDoc(doc);
    return rc;
}
