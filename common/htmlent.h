/* htmlent.h - HTML's named entities (&nbsp;, &eacute;, &mdash;) in XML read
 * with libxml2's SAX2 parser (htmlent.c).  Private to the parsers. */
#ifndef NS_HTMLENT_H
#define NS_HTMLENT_H

#include <libxml/parser.h>

typedef struct ns_htmlent ns_htmlent_t;

/* A cache of the entities handed to one parser; NULL when out of memory.
 * It must outlive the parser's last callback. */
ns_htmlent_t *ns_htmlent_new(void);
void ns_htmlent_free(ns_htmlent_t *ents);

/* What the SAX getEntity handler of CTXT returns for NAME: HTML's entity
 * of that name as one character, or NULL (an undefined entity, reported
 * by libxml2).  Never an entity of the document's DTD, so no declaration
 * of the document is ever expanded.  Borrowed from ENTS. */
xmlEntityPtr ns_htmlent_get(ns_htmlent_t *ents, xmlParserCtxtPtr ctxt,
                            const xmlChar *name);

/* LEN bytes of an attribute value as libxml2's SAX2 parser hands them
 * over, with the references it leaves in ("&#38;" for an '&', "&eacute;"
 * for an entity of ns_htmlent_get) turned into their characters.  A new
 * string, free with free(); NULL when out of memory. */
char *ns_htmlent_attr(const char *value, size_t len);

#endif /* NS_HTMLENT_H */
