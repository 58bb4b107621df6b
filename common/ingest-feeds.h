/* ingest-feeds.h - Part of ingest.h (included there, never alone): the
 * XML feed formats, RSS 2.0, RSS 1.0/RDF, Atom 1.0 and 0.3, and the feeds
 * a site's software exports whole, WordPress WXR and Blogger backups.
 * Kept apart so that ingest.h stays a file one can read through. */
#ifndef NS_INGEST_FEEDS_H
#define NS_INGEST_FEEDS_H


/* ------------------------------------------------------------------------ */
/* Feeds (feed.c): RSS 2.0, RSS 1.0/RDF, Atom, WordPress WXR                */
/* ------------------------------------------------------------------------ */

typedef struct ns_feed ns_feed_t;

/* A streaming feed parser over READ(CTX): never holds more than one item
 * in memory, never loads the network, never substitutes entities. */
ns_feed_t *ns_feed_open(ns_read_fn read, void *ctx);
/* The next item into ART.  *ITEM is its number in the feed (1-based) and
 * *LINE the line it starts on; ERR gets the reason for NS_ITEM_BAD,
 * NS_ITEM_CUT and NS_ITEM_IGNORED, and for NS_ITEM_OK a warning or "":
 * what was put right in its bytes (xmlrepair.c). */
int ns_feed_next(ns_feed_t *feed, ns_article_t *art, unsigned *item,
                 unsigned *line, char *err, size_t err_size);
void ns_feed_close(ns_feed_t *feed);
/* The namespaces feeds are read in. */
#define NS_ATOM "http://www.w3.org/2005/Atom"
/* Atom 0.3, the draft Blogger, Movable Type and TypePad wrote in
 * 2003-2006: read as Atom, with its own dates and content modes. */
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_WP "http://wordpress.org/export/"
/* Podcasts' iTunes elements, and Media RSS (YouTube's channel feeds, and
 * the video items of news feeds). */
#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_MEDIA "http://search.yahoo.com/mrss/"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS09 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_XML "http://www.w3.org/XML/1998/namespace"
#define NS_BLOGGER "http://schemas.google.com/blogger/2018"
#define NS_GDATA_KIND "http://schemas.google.com/g/2005#kind"
#define NS_APP "http://purl.org/atom/app#" /* AtomPub's drafts, of Blogger */
#define NS_APP_2007 "http://www.w3.org/2007/app" /* and of RFC 5023 */

/* Namespaces of a feed's elements, as far as its items are concerned:
 * RSS's and Atom's own (NS_SP_PLAIN), Dublin Core, content:, WordPress's
 * wp: and excerpt:, iTunes's itunes:, Media RSS's media:, and any other
 * (feed-item.c). */
enum ns_feed_space {
    NS_SP_PLAIN,
    NS_SP_DC,
    NS_SP_CONTENT,
    NS_SP_WP,
    NS_SP_EXCERPT,
    NS_SP_ITUNES,
    NS_SP_MEDIA,
    NS_SP_OTHER
};
enum ns_feed_space ns_feed_space_of(const char *uri);
/* Is URI (may be NULL) Atom's namespace, 1.0's or 0.3's? */
int ns_feed_is_atom(const char *uri);
/* The key under which the text of an Atom 0.3 entry's child NAME is
 * kept where 0.3 names it otherwise than 1.0 (its dates), or NULL. */
const char *ns_feed_atom03_field(const char *name);
/* The key under which the text of an item's child element NAME of space
 * SP is kept, or NULL to ignore the element (feed-item.c). */
const char *ns_feed_field_of(enum ns_feed_space sp, const char *name);
/* The namespace URI of an element with PREFIX and URI (either may be
 * NULL): URI, or, for a prefix the feed never declared, the usual
 * namespace of that prefix (dc:, content:, wp:, atom:, itunes:, media:),
 * else one of no format read (feed-item.c). */
const char *ns_feed_undeclared(const char *prefix, const char *uri);
/* The article of a feed item from RAW, the fields feed.c kept for it as
 * written (guid, link, author, creator, content, dates, categories), with
 * CHAN, the feed's own fields (its authors, a WordPress export's display
 * names), and CHAN_LANG its language (or NULL).  Returns 0, or -1 with
 * the reason in WHY (feed-item.c). */
/* What a text field of a feed holds, as far as its element says. */
enum ns_markup {
    NS_MK_MAYBE, /* text or HTML: RSS's description, Atom's with no type */
    NS_MK_HTML,  /* HTML to strip: Atom's type="html" (or "xhtml") */
    NS_MK_TEXT,  /* plain text, never parsed: Atom's type="text" */
    NS_MK_POST,  /* a post as WordPress stores it: a WordPress export's
                    content, whose blank lines are paragraphs */
};
/* Keep N bytes of S, the text of an item's field KEY ("title", "summary",
 * "content"), in TO as MARKUP says: as it is, or stripped of HTML; the
 * content's <h2>-<h6> also under "headings" (feed-item.c). */
/* What the type attribute TYPE (may be NULL) of a feed's text element
 * says its text is (Atom's when ATOM): an ns_markup, or -1 for data that
 * is no text (an Atom <content type="image/png">). */
int ns_feed_text_kind(const char *type, int atom);
void ns_feed_item_text(json_t *to, const char *key, const char *s, size_t n,
                       enum ns_markup markup);
/* The name in the text (LEN bytes) of an RSS 2.0 <author>, which the spec
 * makes an e-mail address, "jdoe@example.com (Jane Doe)": the name in
 * *NAME (a part of TEXT) and its length, which is 0 when TEXT is an
 * address with no name; a text with no "@" is all name (feed-item.c). */
size_t ns_feed_rss_author(const char *text, size_t len, const char **name);
int ns_feed_item_article(json_t *raw, json_t *chan, const char *chan_lang,
                         ns_article_t *art, char *why, size_t why_size);
/* Leave out of OBJ's "body" the line a plugin or platform appends to every
 * item of a site's feed, naming the post (OBJ's "title") and the site:
 * Yoast's "The post TITLE appeared first on SITE." ("Innlegget TITLE
 * dukket først opp på SITE."), Medium's "TITLE was originally published in
 * ...": a last paragraph that holds the title and little else, when the
 * body has more.  For RSS, Atom and JSON Feed items alike (feed-item.c). */
void ns_feed_drop_footer(json_t *obj);

/* xml:base in scope while a feed is read (xmlbase.c): a stack of the
 * bases of the open elements, and the document's own address.  Zero it to
 * start; free with ns_xmlbase_free(). */
typedef struct ns_xmlbase {
    struct ns_xmlbase_entry {
        char *uri; /* resolved against the bases around it */
        int depth; /* of the element that gave it */
    } * stack;
    size_t n, cap;
    char *doc;  /* the feed's own address, or NULL */
    char *site; /* its site's (an RSS channel's <link>), or NULL */
} ns_xmlbase_t;

/* The element at DEPTH has xml:base BASE.  Returns 0, or -1 when out of
 * memory. */
int ns_xmlbase_push(ns_xmlbase_t *b, int depth, const char *base);
/* The element at DEPTH ends: the bases it and its children gave go. */
void ns_xmlbase_pop(ns_xmlbase_t *b, int depth);
/* The document's own address URI, if none is known yet and URI is
 * absolute.  Returns 0, or -1 when out of memory. */
int ns_xmlbase_document(ns_xmlbase_t *b, const char *uri);
/* Its site's address URI (white space around it left out), if none is
 * known yet and URI is absolute.  Returns 0, or -1 when out of memory. */
int ns_xmlbase_site(ns_xmlbase_t *b, const char *uri);
/* REF resolved against the xml:base in scope, else the document's
 * address, else its site's; REF as it is when it is absolute or there is
 * no base.  Free with free() (NULL when out of memory). */
char *ns_xmlbase_resolve(const ns_xmlbase_t *b, const char *ref);
void ns_xmlbase_free(ns_xmlbase_t *b);

/* ------------------------------------------------------------------------ */
/* WordPress exports (wxr.c)                                                */
/* ------------------------------------------------------------------------ */

/* The key under which feed.c keeps the text of the item's wp: element NAME
 * (its local name), or NULL to ignore it. */
const char *ns_wxr_field(const char *name);
/* Non-zero if the item whose fields (as feed.c keeps them) are FIELDS is
 * left out on purpose, with the reason in WHY ("ignored: ..."). */
int ns_wxr_left_out(json_t *fields, char *why, size_t why_size);
/* 1 if FIELDS are those of a WordPress post taken back from its readers:
 * status draft, pending, private, future or trash. */
int ns_wxr_unpublished(json_t *fields);
/* 1 if a WordPress post of STATUS (may be NULL) is taken back from its
 * readers, in an export as in the REST API. */
int ns_wp_status_unpublished(const char *status);
/* The bytes of SLUG that named the post of STATUS when it was published:
 * a trashed post's slug without the "__trashed" WordPress gives it. */
size_t ns_wp_slug_len(const char *slug, const char *status);
/* The end of a <wp:author> of the channel, whose fields feed.c has kept in
 * CHANNEL: its login's display name is kept there too. */
void ns_wxr_author_done(json_t *channel);
/* The names of the logins CREATORS (a list of <dc:creator>s, may be NULL)
 * with each login the export's list names (in CHANNEL) replaced by its
 * display name.  A new reference (NULL when CREATORS is NULL). */
json_t *ns_wxr_bylines(json_t *creators, json_t *channel);
/* The end of a <wp:category> of the channel, whose fields feed.c has kept
 * in CHANNEL: its term_id's name is kept there too ("wp_cats"). */
void ns_wxr_category_done(json_t *channel);
/* The key under which feed.c keeps the text of NAME, a child of an item's
 * <wp:postmeta>, whose fields so far are FIELDS: its meta_key, and the
 * meta_value of a primary category ("wp_primary"); or NULL to ignore it. */
const char *ns_wxr_meta_field(json_t *fields, const char *name);
/* Which of CATS (a post's categories, as written) is its section: the
 * primary category its FIELDS name, by the term_id CHANNEL's list of
 * categories names, else the first (WordPress writes them sorted by
 * name, so the first is no choice of the editor's). */
size_t ns_wxr_section(json_t *cats, json_t *fields, json_t *channel);
/* The content S (N bytes) of a WordPress post, as an export holds it,
 * with its shortcodes' tags left out, into OUT: "[caption ...]<img>
 * Text[/caption]" keeps its text, "[embed]URL[/embed]" (and an audio,
 * video or playlist's content) goes whole, "[gallery ids=...]" goes.  A
 * name in brackets is a shortcode if it is WordPress's own, has
 * attributes or a closing tag; else ("[sic]", "[1]") it is text.
 * "[[name]]" is "[name]" as text.  Returns 0, or -1 when out of memory. */
int ns_wxr_shortcodes(const char *s, size_t n, ns_buf_t *out);

/* ------------------------------------------------------------------------ */
/* Blogger backups (blogger.c)                                              */
/* ------------------------------------------------------------------------ */

/* The key under which feed.c keeps the text of an entry's element NAME in
 * namespace URI, when it is one of Google Takeout's <blogger:type> and
 * <blogger:status>, or NULL. */
const char *ns_blogger_field(const char *uri, const char *name);
/* Is URI the namespace of the Atom Publishing Protocol's <app:draft>? */
int ns_blogger_is_app(const char *uri);
/* Is the entry whose fields (as feed.c keeps them) are FIELDS one of a
 * Blogger backup's: does it say its kind? */
int ns_blogger_export(json_t *fields);
/* Non-zero if the entry is a Blogger backup's template, setting or
 * comment: a part of the blog that is no record of its own, neither an
 * article nor one left out. */
int ns_blogger_no_record(json_t *fields);
/* Non-zero if the entry is left out on purpose, with the reason in WHY
 * ("ignored: ..."): 1 for a Blogger page, 2 for a post taken back from
 * its readers, one not LIVE or any Atom entry with
 * <app:draft>yes</app:draft> (an article of its id indexed before is to
 * be taken out). */
int ns_blogger_left_out(json_t *fields, char *why, size_t why_size);
/* The end of an Atom <author>, whose names feed.c has pushed on TO's
 * "author" list, BEFORE of them being there before it; NOREPLY: its
 * <email> was noreply@blogger.com.  A deleted profile's "Unknown" goes. */
void ns_blogger_author_done(json_t *to, size_t before, int noreply);

#endif
