/* htmlent.c - HTML's named entities in XML read with libxml2's SAX2 parser.
 *
 * Feeds are XML, yet their titles and descriptions are pasted from HTML,
 * and "&nbsp;" or "&eacute;" in them is common.  XML knows only &amp;
 * &lt; &gt; &quot; &apos;, so to libxml2 every other name is an undefined
 * entity: an error that costs the item.  Worse, libxml2 2.9.14 in
 * recovery mode drops every later &amp; &lt; &gt; of the document once it
 * has seen any error (xmlParseReference returns early when the context
 * is no longer well-formed).  The parser's getEntity handler is asked
 * for every name that is not one of XML's five; answering it with HTML's
 * entity of that name (libxml2's own table, htmlEntityLookup) makes the
 * reference its character and no error at all.
 *
 * Only HTML's names are answered, never the document's own declarations:
 * an entity of the feed's DTD, a SYSTEM entity and an entity bomb stay
 * undefined and expand to nothing.  Each answer is one character. */
#include <libxml/HTMLparser.h>
#include <libxml/hash.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

#include "htmlent.h"
#include "ingest.h"
#include "ns.h"

/* One entity, in the two forms libxml2 is handed (see ns_htmlent_get). */
struct entry {
    xmlEntity text;     /* in element content */
    xmlEntity attr;     /* in an attribute value */
    xmlChar utf8[2][8]; /* the character, one copy for each form */
};

struct ns_htmlent {
    xmlHashTablePtr cache; /* name -> struct entry */
};

ns_htmlent_t *ns_htmlent_new(void)
{
    ns_xml_ready(); /* the hash is libxml2's first use in a feed's parse */
    ns_htmlent_t *ents = calloc(1, sizeof *ents);
    if (ents && !(ents->cache = xmlHashCreate(0))) {
        free(ents);
        return NULL;
    }
    return ents;
}

static void free_entry(void *payload, const xmlChar *name)
{
    (void)name;
    free(payload);
}

void ns_htmlent_free(ns_htmlent_t *ents)
{
    if (!ents)
        return;
    xmlHashFree(ents->cache, free_entry);
    free(ents);
}

static void fill(xmlEntity *e, xmlEntityType etype, const htmlEntityDesc *d,
                 xmlChar *utf8)
{
    e->type = XML_ENTITY_DECL;
    e->etype = etype;
    e->name = (const xmlChar *)d->name;
    e->length = xmlCopyCharMultiByte(utf8, (int)d->value);
    utf8[e->length] = '\0';
    e->content = utf8;
}

xmlEntityPtr ns_htmlent_get(ns_htmlent_t *ents, xmlParserCtxtPtr ctxt,
                            const xmlChar *name)
{
    struct entry *e = xmlHashLookup(ents->cache, name);
    if (!e) {
        const htmlEntityDesc *d = htmlEntityLookup(name);
        if (!d || !(e = calloc(1, sizeof *e)))
            return NULL;
        /* In content, libxml2 hands a "predefined" entity's text straight
         * to the characters handler, with no parsing and no expansion
         * count.  In an attribute value it copies only the first byte of
         * a predefined entity (XML's five are one byte each), which would
         * cut a multi-byte character; an internal general entity is left
         * in as its reference, "&eacute;", for ns_htmlent_attr. */
        fill(&e->text, XML_INTERNAL_PREDEFINED_ENTITY, d, e->utf8[0]);
        fill(&e->attr, XML_INTERNAL_GENERAL_ENTITY, d, e->utf8[1]);
        if (xmlHashAddEntry(ents->cache, name, e) < 0) {
            free(e);
            return NULL;
        }
    }
    return ctxt->instate == XML_PARSER_ATTRIBUTE_VALUE ? &e->attr : &e->text;
}

char *ns_htmlent_attr(const char *value, size_t len)
{
    ns_buf_t out = {0};
    size_t i = 0;
    if (ns_buf_append(&out, "", 0) < 0)
        return NULL;
    while (i < len) {
        const char *amp = memchr(value + i, '&', len - i);
        size_t n = amp ? (size_t)(amp - value) - i : len - i;
        if (ns_buf_append(&out, value + i, n) < 0)
            goto nomem;
        i += n;
        if (!amp)
            break;
        /* libxml2 writes an '&' of the value as "&#38;" and leaves the
         * references of general entities in; anything else is kept. */
        const char *semi = memchr(amp, ';', len - i);
        char name[32];
        size_t m = semi ? (size_t)(semi - amp) - 1 : 0;
        const htmlEntityDesc *d = NULL;
        int is_amp = 0;
        if (semi && m && m < sizeof name) {
            memcpy(name, amp + 1, m);
            name[m] = '\0';
            is_amp = !strcmp(name, "#38");
            if (!is_amp)
                d = htmlEntityLookup((const xmlChar *)name);
        }
        if (is_amp || d) {
            xmlChar utf8[8];
            int k = is_amp ? 1 : xmlCopyCharMultiByte(utf8, (int)d->value);
            if (ns_buf_append(&out, is_amp ? "&" : (const char *)utf8,
                              (size_t)k) < 0)
                goto nomem;
            i += m + 2;
        } else {
            if (ns_buf_putc(&out, '&') < 0)
                goto nomem;
            i++;
        }
    }
    return out.p;
nomem:
    ns_buf_free(&out);
    return NULL;
}
