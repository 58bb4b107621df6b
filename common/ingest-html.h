/* ingest-html.h - Part of ingest.h (included there, never alone): HTML
 * article pages, their text, meta tags, page furniture and JSON-LD
 * (html*.c).  Kept apart so that ingest.h stays a file one can read
 * through. */
#ifndef NS_INGEST_HTML_H
#define NS_INGEST_HTML_H

/* ------------------------------------------------------------------------ */
/* HTML (html.c, the page; html-walk.c, the text)                           */
/* ------------------------------------------------------------------------ */

/* Deeper nesting than this is not an article; it is dropped rather than
 * walked, so hostile input cannot exhaust the stack. */
#define NS_HTML_MAX_DEPTH 200
struct _xmlNode;
/* Non-zero if element N's text is never the story's (html-walk.c). */
int ns_html_skipped(struct _xmlNode *n);
/* 1 to 6 for an element named h1 to h6, else 0. */
int ns_html_heading_level(const char *name);
/* The separator owed before the next text (0 none, 1 a space, 2 a new
 * line, 3 a blank line: GAP) once the start or end tag of element NAME
 * has been read, where WRITTEN says whether text came before: a block
 * element (p, div, li, h1-h6, tr, blockquote, ...) ends a paragraph, <br>
 * a line (two with nothing between, a paragraph), a table cell a word.
 * The one rule for HTML in pages, feeds and Markdown alike. */
int ns_html_break(const char *name, int gap, int written);
/* Append the text of the subtree N to OUT, its <h2>-<h6> to HEADINGS (a
 * JSON array, may be NULL).  Returns 0, or -1 on allocation failure. */
int ns_html_node_text(struct _xmlNode *n, json_t *headings, ns_buf_t *out);
/* The same, with *TOO_DEEP set when text nested deeper than
 * NS_HTML_MAX_DEPTH elements below N was left out. */
int ns_html_node_text_deep(struct _xmlNode *n, json_t *headings,
                           ns_buf_t *out, int *too_deep);

/* Append the text of the HTML fragment HTML (LEN bytes) to OUT: block
 * elements become paragraphs separated by blank lines; <h2>-<h6> (and, with
 * ALL_HEADINGS, <h1>) are appended to HEADINGS (a JSON array, may be NULL)
 * as well; scripts, styles, navigation, asides, forms and comments are
 * left out; a "<" that opens no tag is text (ns_html_escape_stray).
 * Returns 0, or -1 on allocation failure. */
int ns_html_fragment_text(const char *html, size_t len, json_t *headings,
                          ns_buf_t *out);
/* The same for HTML written inside Markdown: an <h1> is one of the
 * headings too, as a "# " heading is there, and a <pre> keeps its lines
 * and indentation, as a Markdown code block does. */
int ns_html_markdown_text(const char *html, size_t len, json_t *headings,
                          ns_buf_t *out);
/* The same for a post as WordPress stores it (a WordPress export's
 * content): a blank line is a paragraph's end wherever it is, as the site
 * shows it (wpautop), not only in text without <p>, <br> or <pre>. */
int ns_html_post_text(const char *html, size_t len, json_t *headings,
                      ns_buf_t *out);

/* Append the N bytes of S to OUT with each "<" that opens no tag (no
 * element name after it, or no '>' to end it: "a<b", "x <3") written
 * "&lt;", so that an HTML parser keeps it and the text after it.  Returns
 * 0, or -1 on allocation failure (html-text.c). */
int ns_html_escape_stray(const char *s, size_t n, ns_buf_t *out);
/* The N bytes of S with each paragraph a <p>, appended to OUT, when S has
 * blank lines between paragraphs and no <p>, <br> or <pre> (text of a feed or
 * a WordPress export written in the classic editor, where the site shows
 * a blank line as a new paragraph: WordPress's wpautop); with ALWAYS,
 * whatever tags it has (a post as WordPress stores it), never inside a
 * <pre>.  Returns 1; 0 when S is not such text (OUT untouched); -1 on
 * allocation failure (html-text.c). */
int ns_html_autop(const char *s, size_t n, int always, ns_buf_t *out);
/* Non-zero if the N bytes of S hold HTML markup: a start, end or empty tag
 * of one of HTML's element names ("<p>", "</b>", "<br/>", "<a href=x>");
 * with ENTITIES, an entity reference too ("&amp;", "&#8217;")
 * (html-text.c). */
int ns_html_holds_markup(const char *s, size_t n, int entities);
/* Non-zero if the N bytes of S, a JSON record's body, are HTML as a CMS
 * stores it (a database dump, WordPress's content.rendered, a Ghost or
 * Drupal export): an element of paragraphs, headings, lists, quotes,
 * links or emphasis opened and closed ("<p>...</p>", "<a href=x>..</a>"),
 * and such tags paired three in four at least.  Text that names a tag
 * ("use the <p> tag"), "a < b and c > d" and "AT&T" are not (html-text.c). */
int ns_html_is_body(const char *s, size_t n);
/* Non-zero if RAW (N bytes), read once as HTML into ONCE (ONCE_N bytes),
 * was escaped twice, as WordPress and SEO plugins escape titles and
 * bodies: it has no tag of its own, and ONCE still holds markup, a tag of
 * HTML's or an entity ("<p>Body</p>", "Don&#8217;t"), to be read once
 * more (html-text.c). */
int ns_html_escaped_twice(const char *raw, size_t n, const char *once,
                          size_t once_n);
/* Append the N bytes of S to OUT with each of HTML's character references
 * in it ("&amp;", "&#039;", "&#x2019;", "&eacute;"; "&#146;" as
 * windows-1252's U+2019) read as its character, once, and nothing else
 * read: "<b>" stays text.  For labels a CMS keeps escaped (WordPress's
 * category, tag and author names), which are no HTML.  Returns 0, or -1
 * on allocation failure (html-text.c). */
int ns_html_decode_entities(const char *s, size_t n, ns_buf_t *out);

/* Keep what the <meta> N says in META, by its property, name or itemprop
 * (lower-cased; the first one wins), and each article:tag in TAGS's list
 * "tags" (html-meta.c). */
void ns_html_meta_take(json_t *meta, json_t *tags, struct _xmlNode *n);
/* Non-zero if the page whose meta tags are META (ns_html_meta_take) is no
 * article to index, with "ignored: REASON" in WHY: 1 for a redirect (a
 * meta refresh to a URL within a few seconds; Hugo writes one for each
 * alias and for page/1/), 2 for a page that asks search engines to leave
 * it out (robots or googlebot "noindex" or "none") (html-meta.c). */
int ns_html_meta_ignored(json_t *meta, char *why, size_t why_size);
/* Keep N's RDFa properties with a content attribute in META, by name, and
 * the text of the element marked rel="schema:author" (Drupal 7:
 * "sioc:has_creator") as "rdfa:author" (html-meta.c). */
void ns_html_rdfa_take(json_t *meta, struct _xmlNode *n);
/* Set in OBJ the fields META and TAGS (kept by ns_html_meta_take) give:
 * title, url, date, section, author, lang and tags, leaving those OBJ
 * already has (html-meta.c). */
void ns_html_meta_fields(json_t *obj, json_t *meta, json_t *tags);
/* Non-zero if a white-space separated token of VALUE (may be NULL) is one
 * of LIST (NULL-terminated), in any case (html-meta.c). */
int ns_html_has_token(const char *value, const char *const *list);

/* Parse an HTML article page (LEN bytes) into ART: schema.org JSON-LD
 * first, then Open Graph and article:* meta tags, then the text of the
 * story's <article> (the one holding the headline, else an <h1>, else the
 * most text), or <main>.  DEFAULT_ID is the id when the page names none.
 * Returns 0; 1 with "ignored: REASON" in ERR for a page that is no article
 * to index, whatever text it holds (ns_html_meta_ignored: a redirect, a
 * robots noindex; of the latter ART holds the id alone, that of an article
 * indexed before to take out, or none); or -1 with a reason in ERR. */
int ns_html_page(const char *data, size_t len, const char *default_id,
                 ns_article_t *art, char *err, size_t err_size);

/* Non-zero if VALUE has a token naming a comment thread or a sidebar
 * (html-furniture.c). */
int ns_html_thread_or_sidebar(const char *value);
/* Non-zero if VALUE, an element's class list or id, names a block of page
 * furniture: a whole token (in any case, '_' as '-'), or a part of a BEM
 * token between "__" and "--" ("article__share"), that is one of the
 * names (related, recommended, share, social, newsletter, subscribe,
 * subscription, cta, ad, promo, kicker, timestamp, ...), alone, after
 * "article-", "post-", "entry-", "story-" or "headline-", or followed by a
 * suffix such as "-posts", "-buttons", "-box" or "-slot", or by another
 * name (the lists are in html-furniture.c).  "shared", "address" and
 * "article__body" are not. */
int ns_html_furniture_name(const char *value);
/* Non-zero if VALUE, as ns_html_furniture_name reads it, names a byline:
 * "byline" or "bylines" ("article-byline", "byline-block",
 * "byline__author") (html-furniture.c). */
int ns_html_byline_name(const char *value);
/* Non-zero if IS accepts the value of one of N's naming attributes: class,
 * id, data-qa, data-testid, data-test-id, data-component (html-walk.c). */
int ns_html_named(struct _xmlNode *n, int (*is)(const char *value));
/* Non-zero if HREF, a link's target, is a share button's: its query has
 * "action=share", as Substack's do (html-furniture.c). */
int ns_html_share_link(const char *href);
/* Non-zero if the element N (a <div>, <section>, <p>, <ul>, <ol> or
 * <span>) is a box around the story rather than its text: its whole text
 * is an advertisement's label ("Annonse", "- Advertisement -", "Story
 * continues below advertisement"), or it opens
 * with a label of page furniture ("Les også:", "Most read", "Related";
 * ns_textpage_is_furniture_heading) and at least half of the rest is the
 * text of links (html-furniture.c). */
int ns_html_box_of_links(struct _xmlNode *n);
/* Non-zero if the element N (an <a>, <p>, <div>, <li>, or an inline one
 * around text) is furniture by its whole text, what a reader sees of it:
 * a link to the rest of the story, "Continue reading...", "Read more »",
 * "Les mer", as an <a> or the block around one, and an inline one only
 * when no word follows it; or an <a> of class more-link or read-more; or,
 * other than an <a>, a video player's fallback ("This video can not be
 * played") or a screen-reader label ("Media caption,", "Image source,")
 * (html-furniture.c). */
int ns_html_furniture_text(struct _xmlNode *n);
/* Non-zero if A and B are the same text but for the white space around and
 * between words and ASCII case (html-furniture.c). */
int ns_html_same_text(const char *a, const char *b);
/* The headline in TITLE (a page's og:title or <title>) without the site's
 * name joined to it: "Mayor's plan | The Daily Planet" is "Mayor's plan".
 * A part is cut only when it is one of SITES (NULL-terminated; og:site_name,
 * the JSON-LD publisher) or when the rest is the story's H1 (may be NULL),
 * at " | ", " - ", " – ", " — ", " · ", " :: " or " » ";
 * so "Covid-19 - what we know" stays whole.  Sets *OFF and *LEN to the
 * headline's bytes in TITLE; returns 1 if a part was cut, else 0 (the
 * whole TITLE). */
int ns_html_title_trim(const char *title, const char *const *sites,
                       const char *h1, size_t *off, size_t *len);

/* Non-zero if the parsed JSON-LD block ROOT holds a schema.org article
 * object (NewsArticle, Article, BlogPosting, any ...Article): ROOT itself,
 * an item of it (a list), of its "@graph" or its "mainEntity"
 * (html-ld.c). */
int ns_html_ld_has_article(json_t *root);
/* The article object of the page among those of its JSON-LD blocks ROOTS
 * (a list of parsed blocks): the first whose url, mainEntityOfPage or
 * "@id" is one of URLS (NULL-terminated: the canonical link, og:url), else
 * the first whose headline is one of TITLES (og:title, the <h1>, <title>,
 * with or without the site's name), else the first.  A new reference, or
 * NULL if there is none; *ROOT is set to a new reference to the block it
 * is in (html-ld.c). */
json_t *ns_html_ld_choose(json_t *roots, const char *const *urls,
                          const char *const *titles, json_t **root);
/* Set in OBJ (an article object for ns_fields_article) the fields the
 * JSON-LD article object LD gives, leaving those OBJ already has; an
 * author given by "@id" alone is the node of ROOT's @graph (the block LD
 * is in; may be NULL) with that "@id". */
void ns_html_ld_fields(json_t *obj, json_t *ld, json_t *root);
/* The url of OBJ, when the page gave none (no url in LD, og:url or
 * canonical link), from LD's mainEntityOfPage "@id" with a fragment: the
 * "url" of the node of ROOT it names, else the "@id" before its "#". */
void ns_html_ld_node_url(json_t *obj, json_t *ld, json_t *root);
/* A JSON-LD value as text: a string, the first of a list, or an object's
 * "name" (else its "@id"); borrowed, NULL if none. */
const char *ns_html_ld_text(json_t *v);

/* As ns_html_page(), and what was wrong with a page that was read anyway
 * into WARN (WARN_SIZE bytes; "" when nothing was): the first JSON-LD block
 * that does not parse, "JSON-LD block 2 does not parse: string or '}'
 * expected near '}' (line 14)", when no block before it held the article
 * object (the page is then read from its meta tags and markup). */
int ns_html_page_warn(const char *data, size_t len, const char *default_id,
                      ns_article_t *art, char *warn, size_t warn_size,
                      char *err, size_t err_size);

#endif
