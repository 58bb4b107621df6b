/* feed.h - The state of a feed being read, shared by the parser that
 * drives libxml2 and queues the finished items (feed.c), the way its bytes
 * go into the parser (feed-input.c) and the rules for which elements of an
 * item or of the feed itself are kept (feed-elements.c), and the ids of
 * items their guid and link do not name (feed-id.c).  Internal to
 * feed*.c. */
#ifndef NS_FEED_H
#define NS_FEED_H

#include <libxml/parser.h>

#include "htmlent.h"
#include "ingest.h"
#include "xmlrepair.h"

NS_BEGIN_DECLS

struct ns_feed {
    xmlParserCtxtPtr ctxt;
    ns_read_fn read;
    void *ctx;
    ns_htmlent_t *ents;     /* HTML's entities handed to the parser */
    int done;               /* the input is over and the parser told so */
    int started;            /* the first chunk was looked at */
    unsigned lines_skipped; /* blank lines before "<?xml" (give) */
    int cp1252;             /* declared a windows-1252 label: decoded here */
    int wxr;                /* a WordPress export: content has shortcodes */
    int depth;              /* depth of the next element to start */
    ns_xmlbase_t base;      /* xml:base in scope, the feed's own address */
    unsigned items;         /* items started so far */
    int items_at;           /* the depth of the last one */

    ns_buf_t chan_lang;  /* the feed's language */
    ns_buf_t chan_link;  /* an RSS channel's <link>: its site's address */
    ns_buf_t *chan_text; /* which of the two is being read, or NULL */
    int chan_text_depth;
    json_t *chan;      /* fields of the feed itself: Atom's authors, WXR's
                          display names of logins ("wp_names") and names of
                          category ids ("wp_cats") */
    int wp_list_depth; /* inside a WXR <wp:author> or <wp:category>, or -1 */

    /* The item in progress. */
    json_t *extra;  /* raw fields: guid, link, content, categories, ... */
    int item_depth; /* -1: not in an item */
    unsigned item_line;
    int item_entry; /* the item is an Atom <entry> */
    int author_depth;    /* inside an Atom <author>, or -1 */
    size_t author_names; /* names on the list before that <author> */
    int author_noreply;  /* its <email> is Blogger's noreply@blogger.com */
    int source_depth;    /* inside an Atom entry's <source>, or -1 */
    int media_depth;     /* the innermost <media:group> or <media:content>
                            of the item open, or -1 */
    char *field;         /* the element whose text is being collected */
    int field_depth;
    enum ns_markup field_markup;
    int field_xhtml; /* the field is XHTML markup, kept as such */
    int xhtml_div;   /* depth of the <div> around XHTML text, or -1 */
    ns_buf_t text;
    int too_long;
    char note[120]; /* what of the item was passed over, said with it */
    char err[300];  /* the first parser error inside the item */
    unsigned err_line;

    char outside[300]; /* an error outside any item, not yet returned */
    unsigned outside_line;
    int unclosed; /* items left open: the end tags after are off by one */
    int mismatch; /* the element ending now was closed by another's tag */

    int root_done;      /* the root element has ended */
    char root_ns[160];  /* the root's namespace when no feed's, else "" */
    char root_name[40]; /* and its name */
    unsigned root_line;
    char open_name[3][40]; /* the elements open at depths 0-2 outside
                              items, as written ("channel", "rdf:RDF") */
    char last_err[300]; /* the latest error libxml2 raised, and its line */
    unsigned last_err_line;

    /* Bytes put right before the parser reads them (xmlrepair.c). */
    ns_xmlrepair_t fix;
    ns_xmlrepair_sum_t item_fixes;    /* in the item in progress */
    ns_xmlrepair_sum_t outside_fixes; /* outside items, not yet said */
    ns_buf_t prolog;                  /* the start, until its XML
                                         declaration is whole (give) */
    ns_buf_t decoded;                 /* a chunk decoded from windows-1252 */
    ns_buf_t repaired;                /* a chunk put right */

    struct result *queue;
    size_t n_queue, head, cap_queue;
};

/* Give the parser the next N bytes of BUF; LAST: the input is over.  The
 * first bytes are held until they say how to read the document (its
 * byte-order mark and XML declaration), and all are put right first
 * (feed-input.c). */
void ns_feed_give(ns_feed_t *f, const char *buf, size_t n, int last);
/* Hand N bytes of BUF, read as they are, to the parser, put right first
 * (xmlrepair.c); LAST ends the document. */
void ns_feed_push(ns_feed_t *f, const char *buf, size_t n, int last);
/* Count the changes to the bytes that the parser has read past to the
 * item in progress, or to the stretch outside items. */
void ns_feed_take_fixes(ns_feed_t *f);
/* SAX2 attributes come as (localname, prefix, URI, value, end) quintuples;
 * the value of NAME (in namespace URI, or none), its references resolved,
 * or NULL.  Free with free(). */
char *ns_feed_attr(const xmlChar **attrs, int n, const char *name,
                   const char *uri);
/* The element whose text was being collected has ended: keep its text. */
void ns_feed_end_field(ns_feed_t *f);
/* An element inside an item (at DEPTH) starts. */
void ns_feed_item_element(ns_feed_t *f, int depth, const char *name,
                          const char *uri, const xmlChar **attrs, int n_attrs);
/* An element of Atom XHTML text (at DEPTH) starts inside the field being
 * collected: written back as markup (feed-elements.c). */
void ns_feed_xhtml_start(ns_feed_t *f, int depth, const char *name,
                         const xmlChar **attrs, int n_attrs);
/* An item starts: keep the address its rdf:about gives (RSS 1.0), if
 * any (feed-id.c). */
void ns_feed_item_about(ns_feed_t *f, const xmlChar **attrs, int n_attrs);
/* The item has ended: name it where its guid and link do not, in its raw
 * fields (feed-id.c): an RSS 1.0 item without <link> by its rdf:about, an
 * item with neither guid nor link by its site and a hash of its title,
 * date and text ("north.example/#0123456789abcdef"). */
void ns_feed_item_id(ns_feed_t *f);
/* An element of the feed itself, outside any item, that its items take
 * from (feed-elements.c).  Returns non-zero if the element was one of
 * these. */
int ns_feed_chan_element(ns_feed_t *f, int depth, enum ns_feed_space sp,
                         const char *name, const char *uri);

NS_END_DECLS

#endif
