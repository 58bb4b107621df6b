/* ingest.h - Private interface between the reader and the parsers of what
 * news sites publish: feeds (RSS, RDF, Atom, WordPress WXR), HTML article
 * pages, JSON documents and Markdown bodies.  Not part of ns.h: only
 * reader.c, article.c, the frontmatter*.c files and the tests and fuzz
 * harnesses use it.
 *
 * Every parser turns what it found into a JSON object of the JSON Lines
 * schema and hands it to ns_article_from_json(), so that the rules for
 * every field (required id, label limits, control characters, dates) are
 * the ones article.c applies to JSON Lines, written once. */
#ifndef NS_INGEST_H
#define NS_INGEST_H

#include <jansson.h>
#include <sys/types.h>

#include "ns.h"

/* ------------------------------------------------------------------------ */
/* A byte source for the streaming parsers                                  */
/* ------------------------------------------------------------------------ */

/* Read up to LEN bytes into BUF; returns the count, 0 at the end, -1 on an
 * error (with a reason the caller gets from ERR_FN, may be NULL). */
typedef ssize_t (*ns_read_fn)(void *ctx, char *buf, size_t len);

/* What an item-by-item parser returns from its next() call. */
enum {
    NS_ITEM_END = 0,     /* no more items */
    NS_ITEM_OK = 1,      /* an article */
    NS_ITEM_BAD = -1,    /* a broken item, skipped: line/item and error */
    NS_ITEM_IGNORED = 2, /* an item left out on purpose (a draft, an
                            attachment): the reason is in the error text */
    NS_ITEM_CUT = -2,    /* the parser stopped for good: the item open and
                            the rest of the file are not read (a file not
                            read whole); line/item and error */
};

/* ------------------------------------------------------------------------ */
/* Formats (sniff.c)                                                        */
/* ------------------------------------------------------------------------ */

typedef enum {
    NS_FMT_UNKNOWN = 0,
    NS_FMT_JSONL,    /* one JSON object per line */
    NS_FMT_JSONDOC,  /* a JSON array of objects, or pretty-printed objects */
    NS_FMT_TEXT,     /* plain text with optional front matter */
    NS_FMT_MARKDOWN, /* Markdown with optional front matter */
    NS_FMT_FEED,     /* RSS 2.0, RSS 1.0/RDF, Atom or WordPress WXR */
    NS_FMT_HTML,     /* an HTML article page */
    NS_FMT_NITF,     /* an IPTC NITF story */
    NS_FMT_EMPTY,    /* nothing but white space (and a byte-order mark) */
    NS_FMT_BROKEN,   /* named as markup, or UTF-16 named as a format read
                        only in UTF-8, but not readable so */
    NS_FMT_MORE,     /* XML whose root element is past the bytes given (a
                        licence in a comment, a stylesheet, a DOCTYPE first):
                        ns_format_sniff_read() reads on */
} ns_format_t;

/* How far ns_format_sniff_read() looks for an XML file's root element. */
#define NS_SNIFF_MAX (1u << 20)

/* The format named by PATH's extension (".json" counts as JSON Lines until
 * the content says otherwise), or NS_FMT_UNKNOWN. */
ns_format_t ns_format_by_name(const char *path);

/* The format of a file whose first LEN bytes (decompressed) are HEAD, with
 * NAMED the format its name suggests.  Content wins where it is conclusive
 * (an RSS feed named .xml, a JSON array named .json); Markdown and text
 * files are taken at their name.  Returns NS_FMT_EMPTY when HEAD is blank
 * (whatever the name), NS_FMT_BROKEN when the name says a format the
 * content cannot be (a saved error message named feed.xml), and
 * NS_FMT_UNKNOWN when neither the name nor the content says; *why then
 * holds a short reason.  NS_FMT_MORE is XML whose root element HEAD
 * does not reach (see ns_format_sniff_read).  UTF-16 with its byte-order mark
 * is sniffed by its ASCII characters: feeds, NITF and pages are read in it
 * (libxml2 decodes it), the other formats only in UTF-8. */
ns_format_t ns_format_sniff(const char *head, size_t len, ns_format_t named,
                            const char **why);

/* The format of a file whose first bytes ns_format_sniff() found to be
 * NS_FMT_MORE, from up to NS_SNIFF_MAX of its bytes, read from its start
 * through READ (the caller rewinds it after).  Never NS_FMT_MORE: XML
 * whose root element is not found there (a file cut off in its prolog,
 * a prolog longer than that) is NS_FMT_BROKEN when its name says a
 * format, NS_FMT_UNKNOWN when it does not, with *why saying so. */
ns_format_t ns_format_sniff_read(ns_read_fn read, void *ctx, ns_format_t named,
                                 const char **why);

/* ------------------------------------------------------------------------ */
/* The files of a directory (dirwalk.c)                                     */
/* ------------------------------------------------------------------------ */

struct stat;
struct seen_dir;
typedef struct ns_walk {
    char **files; /* to read, in order */
    size_t n_files;
    void *seen; /* directories read (tsearch root of struct seen_dir) */
    struct seen_dir **seen_list; /* the same, to free */
    size_t n_seen;
    /* Called with what the walk leaves out on purpose, and why. */
    void (*ignored)(void *ctx, const char *path, const char *why);
    /* Called with an index directory passed over (below). */
    void (*index)(void *ctx, const char *path, const char *why);
    void *ctx;
    char **passed; /* directories and files not read by their name */
    size_t n_passed;
    size_t n_site_files; /* of them, a site's images, styles, config */
    char **content_roots; /* each Hugo site's content/ met, as walked */
    size_t n_content_roots;
    int has_db;    /* db_dev and db_ino are the index being written */
    dev_t db_dev;
    ino_t db_ino;
} ns_walk_t;

/* Add PATH to the files; -1 out of memory. */
int ns_walk_push(ns_walk_t *w, const char *path);
/* Record the directory ST as read: 1 if it is new, 0 if it was read
 * before, -1 out of memory. */
int ns_walk_first_visit(ns_walk_t *w, const struct stat *st);
/* Add the files under DIR; -1 with errno if DIR cannot be listed.  A
 * directory below DIR with nothing in it at all is added as its path and
 * a '/' ("DIR/md/"), which no file's path ends with: the reader reports
 * it as a file it could not read.  A directory below DIR that is an
 * index (the one written, db_dev and db_ino, or any by ns_gen_is_index())
 * is handed to w->index, not walked. */
int ns_walk_dir(ns_walk_t *w, const char *dir);
/* Why the walk does not read a directory named NAME, or NULL: a
 * package manager's node_modules anywhere; IN_SITE (below a directory
 * holding _config.yml), also one beginning with "_", except _posts and
 * _drafts, and vendor: a site's build output, layouts and packages,
 * which are no articles. */
const char *ns_walk_passed_over(const char *name, int in_site);
/* Why the walk does not read a file named NAME, or NULL: an editor's
 * backup or a leftover copy ("x.md~", "#x.md#", "x.md.bak", "x.md.orig",
 * .rej, .swp, .swo, .tmp, .part). */
const char *ns_walk_leftover(const char *name);
/* Why the walk does not read a file named NAME, or NULL: an image, a
 * style sheet, a script, a font, a media file, an archive or a site
 * generator's configuration ("logo.png", "main.css", "hugo.toml",
 * "_config.yml"), by its extension: no article is in one. */
const char *ns_walk_site_file(const char *name);
/* Whether DIR is a Hugo site's root: hugo.toml (or config.toml; YAML and
 * JSON too) beside a content/ directory. */
int ns_walk_hugo_root(const char *dir);
void ns_walk_forget_dirs(ns_walk_t *w); /* the directories read */
void ns_walk_free(ns_walk_t *w);        /* the files and directories */

#include "ingest-feeds.h"

/* ------------------------------------------------------------------------ */
/* NITF (nitf.c)                                                            */
/* ------------------------------------------------------------------------ */

/* Parse a NITF story (LEN bytes) into ART; DEFAULT_ID is the id when its
 * docdata names none.  Returns 0, or -1 with a reason in ERR. */
int ns_nitf_article(const char *data, size_t len, const char *default_id,
                    ns_article_t *art, char *err, size_t err_size);

/* ------------------------------------------------------------------------ */
/* JSON Feed (jsonfeed.c)                                                   */
/* ------------------------------------------------------------------------ */

/* Is V a JSON Feed: a "version" of jsonfeed.org and a list of "items"? */
int ns_jsonfeed_is(json_t *v);

/* Is the LEN bytes of TEXT one JSON value that is a JSON Feed?  For the
 * first line of a file sniffed as JSON Lines (reader-jsonl.c): a feed
 * written on one line with its keys sorted has its "version" after its
 * "items", past the bytes ns_format_sniff() saw. */
int ns_jsonfeed_text_is(const char *text, size_t len);
/* ITEM, one of FEED's "items", into ART.  Returns 0, or -1 with ERR. */
int ns_jsonfeed_item(json_t *feed, json_t *item, ns_article_t *art, char *err,
                     size_t err_size);

/* ------------------------------------------------------------------------ */
/* WordPress REST API posts (wpjson.c)                                      */
/* ------------------------------------------------------------------------ */

/* Is V a post as the WordPress REST API gives it (a "title" or "content"
 * object with its "rendered" HTML)? */
int ns_wpjson_is(json_t *v);
/* POST as an article: NS_ITEM_OK, NS_ITEM_IGNORED (not a published post)
 * or NS_ITEM_BAD, with the reason in ERR. */
int ns_wpjson_post(json_t *post, ns_article_t *art, char *err, size_t err_size);

/* ------------------------------------------------------------------------ */
/* Character sets (charset.c)                                               */
/* ------------------------------------------------------------------------ */

/* Non-zero if LABEL (a page's or feed's charset declaration, may be NULL)
 * names windows-1252 in the WHATWG Encoding Standard: "windows-1252",
 * "iso-8859-1", "latin1", "us-ascii", "ascii" and their other spellings,
 * without regard to case or surrounding white space. */
int ns_charset_is_windows1252(const char *label);

/* Non-zero if LABEL names UTF-8 in the WHATWG Encoding Standard ("utf-8",
 * "utf8", "unicode-1-1-utf-8", ...), as ns_charset_is_windows1252(). */
int ns_charset_is_utf8(const char *label);

/* Append LEN bytes of TEXT to OUT with each byte that begins no valid
 * UTF-8 sequence (with the continuation bytes it could still take)
 * replaced by U+FFFD, as the WHATWG UTF-8 decoder and every browser read a
 * page labelled UTF-8.  Returns 0, or -1 on allocation failure. */
int ns_utf8_repair(const char *text, size_t len, ns_buf_t *out);

/* Append LEN bytes of windows-1252 TEXT to OUT as UTF-8, every byte
 * decoded as the WHATWG Encoding Standard does (0x80 is U+20AC, 0x92 is
 * U+2019; 0x81, 0x8D, 0x8F, 0x90, 0x9D are U+0081 ...).  Returns 0, or -1
 * on allocation failure. */
int ns_windows1252_to_utf8(const char *text, size_t len, ns_buf_t *out);
/* Append LEN bytes of TEXT to OUT with each byte that is no part of a
 * valid UTF-8 sequence read as windows-1252's character, as browsers read
 * a page that declares no encoding: valid UTF-8 is kept as it is.
 * Returns how many bytes were so read (*FIRST the offset of the first),
 * or -1 on allocation failure. */
long ns_utf8_or_windows1252(const char *text, size_t len, ns_buf_t *out,
                            size_t *first);
/* The character of windows-1252's BYTE, as ns_windows1252_to_utf8()
 * decodes it, written to OUT as UTF-8: its length (1 to 3). */
size_t ns_windows1252_char(unsigned char byte, char *out);

/* The C1 controls (U+0080 to U+009F) of BUF from byte FROM on replaced by
 * the characters of windows-1252's bytes 0x80-0x9F (U+0092 is U+2019, the
 * apostrophe; U+0081, U+008D, U+008F, U+0090 and U+009D stay), as HTML
 * reads a numeric reference to one ("&#146;", the HTML Standard's
 * numeric character reference end state), in place.  Returns 1 if BUF
 * held a C1 control, 0 if not (and BUF is as it was), -1 on allocation
 * failure. */
int ns_c1_to_windows1252(ns_buf_t *buf, size_t from);
/* The same for every string in V (a string, or an array or object, at any
 * depth), in place.  Returns 0, or -1 on allocation failure. */
int ns_json_c1_to_windows1252(json_t *v);
/* 0 if the JSON value at the start of TEXT (LEN bytes) is small enough to
 * give to jansson: at most NS_MAX_JSON_VALUES values, nested at most
 * NS_MAX_JSON_DEPTH deep; else -1 with the reason in ERR.  Counts up to
 * where the first object or array closes.  In article-json.c. */
int ns_json_prescan(const char *text, size_t len, char *err, size_t err_size);

/* Does the XML declaration at the start of the N bytes at BUF name one of
 * the labels of windows-1252 (ISO-8859-1, US-ASCII, ...)? */
int ns_xml_declares_cp1252(const char *buf, size_t n);
/* The encoding the XML declaration at the start of the N bytes at BUF
 * names into LABEL (SIZE bytes): 1, or 0 if it names none (or none that
 * fits). */
int ns_xml_encoding_label(const char *buf, size_t n, char *label, size_t size);

/* The HTML document of LEN bytes at DATA, read as a browser reads it
 * (charset.c): valid UTF-8 as UTF-8; else by its byte-order mark, else its
 * charset declaration (UTF-8, each byte that is not read as windows-1252
 * where a browser shows U+FFFD; the labels of windows-1252 as
 * windows-1252), else as windows-1252.  NULL when
 * libxml2 cannot read it.  Free with xmlFreeDoc(). */
struct _xmlDoc *ns_html_read(const char *data, size_t len);
/* ns_html_read, but a page labelled UTF-8 that is not has each byte that
 * is not UTF-8 read as windows-1252 (ns_utf8_or_windows1252), and says so
 * in WARN (WARN_SIZE bytes; nothing said when 0, "" when all is well). */
struct _xmlDoc *ns_html_read_warn(const char *data, size_t len, char *warn,
                                  size_t warn_size);
/* How many bytes of white space start BUF before "<?xml" (0 when none,
 * or when something else follows them; N when BUF is all white space),
 * with their newlines added to *LINES.  XML allows nothing before the
 * declaration, and libxml2 reported such a feed (a blank line a
 * WordPress plugin prints, a classic) as an error outside any item: a
 * skipped record every night, so a prune never done. */
size_t ns_xml_blank_prefix(const char *buf, size_t n, unsigned *lines);
/* Ready libxml2 for use from any thread: call before every parse
 * (charset.c). */
void ns_xml_ready(void);

#include "ingest-html.h"

/* ------------------------------------------------------------------------ */
/* JSON documents (jsondoc.c)                                               */
/* ------------------------------------------------------------------------ */

typedef struct ns_jsondoc ns_jsondoc_t;

/* A parser of a JSON array of article objects, or of one or more objects
 * written over several lines, reading one element at a time. */
ns_jsondoc_t *ns_jsondoc_open(ns_read_fn read, void *ctx);
/* The same, for a document whose first LEN bytes, HEAD (copied), were
 * read from READ already; NULL if out of memory. */
ns_jsondoc_t *ns_jsondoc_open_after(ns_read_fn read, void *ctx,
                                    const char *head, size_t len);
int ns_jsondoc_next(ns_jsondoc_t *doc, ns_article_t *art, unsigned *item,
                    unsigned *line, char *err, size_t err_size);
void ns_jsondoc_close(ns_jsondoc_t *doc);

/* ------------------------------------------------------------------------ */
/* Markdown and front matter (markdown.c)                                   */
/* ------------------------------------------------------------------------ */

/* Append the text of Markdown MD (LEN bytes) to OUT, parsed with cmark:
 * links keep their text, emphasis and code marks go, inline and block HTML
 * is stripped to its text, paragraphs are separated by blank lines.
 * Headings stay as paragraphs and are also appended to HEADINGS (may be
 * NULL).  Returns 0, or -1 on allocation failure. */
int ns_markdown_text(const char *md, size_t len, json_t *headings,
                     ns_buf_t *out);

/* Copy Markdown MD (LEN bytes) to OUT without its template tags, as a
 * static site generator's content holds them: Hugo's shortcodes ("{{<
 * name args >}}", "{{% name %}}", their closing tags), Liquid, Nunjucks
 * and Go template tags ("{% tag %}", "{{ expr }}", "{%- tag -%}").  The
 * text between a paired shortcode's tags stays, a figure's title,
 * caption, attribution and alt text (a details' summary, a video's title)
 * stay as text, "{% raw %}" keeps its content as written, "{% comment %}"
 * and Hugo's comment drop theirs, a highlight's content becomes a code
 * block, and a shortcode escaped Hugo's way (a Go comment's delimiters
 * inside its own) is the text of the tag.  Code blocks, <pre> blocks
 * and code spans are copied as they are.  Returns 0, or -1 on allocation
 * failure. */
int ns_markdown_untemplate(const char *md, size_t len, ns_buf_t *out);

/* Blank, in place, the top-level "import" and "export" blocks of MDX
 * TEXT (LEN bytes) outside fenced code, each to the next blank line:
 * its line breaks stay, so that a line number still says where.  In
 * mdx.c. */
void ns_mdx_drop_esm(char *text, size_t len);

/* Turn a text article parsed from a Markdown file into plain text: title,
 * body and headings lose their markup.  Returns 0, or -1 with ERR. */
int ns_markdown_finish(ns_article_t *art, char *err, size_t err_size);

/* 1 if the front matter of TEXT says "draft: true" (or yes; TOML "draft =
 * true"), 2 if it says "published: false" (or no), else 0.  In
 * frontmatter-keys.c, with the meaning of the other keys. */
int ns_frontmatter_is_draft(const char *text, size_t len);
/* Non-zero if the front matter of TEXT dates it by its file's time, as
 * Eleventy's "date: Last Modified" (or Created, or either after "git ")
 * does; ns_article_from_text leaves such an article undated. */
int ns_frontmatter_dated_by_file(const char *text, size_t len);
/* Whether the page furniture of text file TEXT is cut (textpage.c): 1
 * for a file without front matter, a web page saved as text; 2 for one
 * whose header says "furniture: true" (or yes); 0 for any other header,
 * which a person or an export wrote, whose text is all the story's (an
 * OCR page's "LATEST NEWS" column is news). */
int ns_frontmatter_furniture(const char *text, size_t len);

/* Whether a site would publish the front-matter post TEXT (LEN bytes, from
 * PATH; JEKYLL for a file in a _posts directory) at the time NOW: 0 if
 * so; 1 if not, with "ignored: REASON" in WHY (a publish date or, for a
 * Jekyll post, a date still to come; an expiry date passed; headless; a
 * build option "render: never"); -1 when a publish or expiry date does
 * not read, with the reason in WHY and its line in *ERR_LINE.  A header
 * that does not read otherwise is 0: ns_article_from_text says why.  In
 * published.c. */
int ns_frontmatter_unpublished(const char *text, size_t len, const char *path,
                               int jekyll, int64_t now, char *why,
                               size_t why_size, unsigned *err_line);
/* The same for any Markdown file PATH, with drafts (draft: true,
 * published: false, a file in _drafts/) and Hugo's _index.md list pages:
 * 1 and "ignored: REASON" in WHY when the site would not show it.  For a
 * text file (not MARKDOWN), its draft and published keys alone. */
int ns_frontmatter_hidden(const char *text, size_t len, const char *path,
                          int markdown, int64_t now, char *why, size_t why_size,
                          unsigned *err_line);
/* Is PATH in a Jekyll _posts directory? */
int ns_frontmatter_in_posts(const char *path);

/* ns_article_from_text for a file Jekyll reads as a post (one in a
 * _posts directory): a "tags" or "categories" string is a list of words,
 * as Jekyll splits it ("categories: jekyll update" is jekyll, then
 * update), where elsewhere it is split at its commas only. */
int ns_article_from_jekyll_post(const char *text, size_t len,
                                const char *default_id, ns_article_t *art,
                                char *err, size_t err_size, unsigned *err_line);

/* ns_article_from_text as the reader calls it: as a Jekyll post when
 * JEKYLL is set, and, when DEFAULT_LANG (a code as ns_lang_code leaves
 * it) is not NULL, with the id "LANG/slug" for a post named as a Hugo
 * translation (DEFAULT_ID "posts/index.nb.md") whose id is its "slug" and
 * whose language LANG is not DEFAULT_LANG: translations share a slug.
 * Read, *ERR_LINE is the line of the header key that gave ART's warning
 * (a date that does not read), else 1. */
int ns_article_from_post(const char *text, size_t len, const char *default_id,
                         int jekyll, const char *default_lang,
                         ns_article_t *art, char *err, size_t err_size,
                         unsigned *err_line);

/* Date ART, a post whose header gave it no date, by its file's name PATH,
 * as Jekyll dates _posts/2024-03-15-seals.md (and Hugo can); a name whose
 * date is no date (2024-13-45-x.md) leaves it undated.  Returns 0. */
int ns_article_date_from_name(const char *path, ns_article_t *art);

/* ------------------------------------------------------------------------ */
/* Article fields (article.c): the rules of both input forms                */
/* ------------------------------------------------------------------------ */

/* The setters below return 0, or -1 with a message in ERR (ERR_SIZE
 * bytes); the JSON form (article.c) and the front-matter form
 * (frontmatter-keys.c) store every field through them. */
void ns_set_err(char *err, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A copy of LEN bytes of TEXT with CR LF turned into LF, every other
 * control character into a space, and soft hyphens left out (NULL when
 * out of memory); ns_label_dup also trims it and folds newlines and tabs
 * into spaces. */
char *ns_clean_dup(const char *text, size_t len);
char *ns_label_dup(const char *text, size_t len);
/* Move *TEXT past, and take off *LEN, the white space at both ends of
 * [*TEXT, *TEXT + *LEN): ASCII's, and Unicode's spaces (category Zs:
 * no-break, narrow, thin, ideographic, ...). */
void ns_trim_spaces(const char **text, size_t *len);
/* The bytes of the word that opens a byline of LEN bytes at TEXT, "By "
 * ("by ", "BY ", "By: ", "Written by ") or Norwegian "Av " ("Skrevet av
 * "), with the spaces after it, when a
 * name follows them (a letter); else 0: "Byron Smith", "Avery Jones" and
 * a lone "By" are names. */
size_t ns_byline_word(const char *text, size_t len);
/* *V, a byline, as its reporters and writers when it is a wire service's
 * credit line ("Reporting by A in Oslo; Editing by B" is "A"), replaced
 * by a new string; else untouched.  -1 when out of memory. */
int ns_byline_credits(char **v);
/* S (NUL-terminated) cleaned as ns_clean_dup cleans, in place. */
void ns_clean_in_place(char *s);
/* LINE, a message for stderr, cleaned as ns_error() cleans it: no control
 * character (ESC, BEL, C1), newline or direction control left. */
void ns_message_clean(char *line);
/* Each run of ASCII spaces in S (NUL-terminated) made one space, in
 * place: for a title or a label, whose line breaks are spaces by then. */
void ns_collapse_spaces(char *s);

/* A url's label (ns_label_dup) with the tabs and newlines in it left
 * out first, as a browser leaves them out of an href (url.c). */
char *ns_url_label_dup(const char *value, size_t len);
/* Percent-encode in *URL, in place, what a browser encodes in a path,
 * query or fragment: C0 controls, space, '"', '<', '>', '`' and DEL; not
 * '%', nor UTF-8.  -1 when out of memory (*URL kept). */
int ns_url_encode(char **url);

/* A one-line label (section, author, lang, url) into *FIELD, at most MAX
 * bytes (0: no limit; NAME says which in the message); empty leaves it.
 * Letters written decomposed are stored composed (not in a url).
 * A url is stored as a browser reads it (ns_url_label_dup, ns_url_encode).
 * Returns 0; 1 when it is longer and left out (a byline is cut to its
 * names that fit instead), or is a url whose scheme is not http or https,
 * with ERR saying so; -1 on error. */
int ns_set_label(char **field, const char *name, const char *value, size_t len,
                 size_t max, char *err, size_t err_size);
/* The id, exactly as given, or refused (control characters, bytes that
 * are not UTF-8, surrounding white space, longer than NS_MAX_ID). */
int ns_set_id(ns_article_t *art, const char *value, size_t len, char *err,
              size_t err_size);
/* Can NAME, a file's path below its source, be an article's id?  A name
 * in another encoding ("caf\xe9.md" from a Latin-1 system) is refused, not
 * read as windows-1252 the way a file's text is: the id is what --delete
 * and a prune name the article by, and one that is not the file's name
 * matches no name a shell passes.  Returns 0, or -1 with ERR saying so,
 * ending with HINT (what to do). */
int ns_check_name_id(const char *name, const char *hint, char *err,
                     size_t err_size);
/* How many bytes of V, at most MAX, to show in a message: whole
 * characters. */
size_t ns_shown_bytes(const char *v, size_t max);
/* The date from any form ns_date_parse() reads; blank leaves it unset
 * (article-date.c). */
int ns_set_date(ns_article_t *art, const char *value, char *err,
                size_t err_size);
/* Read VALUE as an article's date is read (ns_set_date: RFC 3339, RFC
 * 822, day first, "March 1987", "1987"), into *T, its first second in
 * UTC.  Returns the unit VALUE names, as the length of the ISO 8601 form
 * that writes it: 4 for a year ("1987"), 7 for a month ("March 1987",
 * "1987-03"), 10 for a day or a time of it; so that a query's
 * date:"March 1987" is that month whole.  Or -1 with errno ERANGE
 * (outside the years 0001 to 9999) or EINVAL. */
int ns_date_read(const char *value, int64_t *t);
/* The same for the article's own date field, where a date that does not
 * read leaves the article undated with a warning saying so.  Returns 0,
 * or -1 with ERR when out of memory. */
int ns_set_date_or_warn(ns_article_t *art, const char *value, char *err,
                        size_t err_size);
/* The same for the time of the last change, into ART->updated. */
int ns_set_updated(ns_article_t *art, const char *value, char *err,
                   size_t err_size);
/* Append a label to *LIST (*N items), as ns_set_label. */
int ns_list_push(char ***list, size_t *n, const char *name, const char *value,
                 size_t len, size_t max, char *err, size_t err_size);
/* Keep WHY (a setter's ERR after it returned 1) as ART's warning, unless
 * it has one: the reader prints it with the article's place. */
void ns_article_warn(ns_article_t *art, const char *why);
/* Tags from "a, b, c" or the YAML flow form "[a, b, c]". */
int ns_push_tag_string(ns_article_t *art, const char *value, char *err,
                       size_t err_size);
/* The checks once every field is in: an id, a title or a body, a language
 * code (default "en", lower-cased, and then ART->lang_defaulted is 1). */
int ns_article_finish(ns_article_t *art, char *err, size_t err_size);

/* ------------------------------------------------------------------------ */
/* Building articles (fields.c)                                             */
/* ------------------------------------------------------------------------ */

/* Set KEY of OBJ to LEN bytes of TEXT with surrounding white space
 * trimmed; empty values are not set.  An existing value is kept unless
 * REPLACE. */
void ns_fields_set(json_t *obj, const char *key, const char *text, size_t len,
                   int replace);
/* Append a label to the list KEY of OBJ (created on first use), once. */
void ns_fields_push(json_t *obj, const char *key, const char *text, size_t len);
/* ns_fields_set and ns_fields_push for a label a CMS stores HTML-escaped
 * (WordPress's "Arts &amp; Culture", "Ed O&#039;Neil"): its entities are
 * read first (ns_html_decode_entities), and nothing else of HTML. */
void ns_fields_set_label(json_t *obj, const char *key, const char *text,
                         size_t len, int replace);
void ns_fields_push_label(json_t *obj, const char *key, const char *text,
                          size_t len);
/* Read OBJ, a record of a JSON Lines file or JSON document as a CMS
 * exports it (a database dump, WordPress's REST API, Ghost, Drupal), as
 * the feed readers read an item: a body that is HTML (ns_html_is_body)
 * becomes its text, its <h2>-<h6> the headings when the record has none;
 * a body with no tag and an entity has its entities read (and is read as
 * HTML if it was HTML escaped once more); a title with an entity and no
 * tag is read as a feed's title (ns_feed_item_text), a section or author
 * with an entity as a label (ns_fields_set_label).  Text with no entity
 * and no HTML ("AT&T", "use the <p> tag") stays as it is. */
void ns_fields_cms_record(json_t *obj);
/* ns_article_from_json for a line of a JSON Lines file, whose fields are
 * read so too; ns_article_from_json itself reads the stored form, whose
 * body is text, whatever it says (article-json.c).  Returns 1 with
 * "ignored: REASON" in ERR for a record whose story is not published
 * ("draft": true, "published": false, "status": "draft", "trash",
 * "private" or "pending"): ART then holds its id alone (or none). */
int ns_article_from_record(const char *text, size_t len, ns_article_t *art,
                           char *err, size_t err_size);
/* The names of V as one byline: a string, an object's "name", or a list
 * of those joined with ", " as far as MAX bytes hold whole names (never
 * a name cut).  A new string, or NULL when V names no one (or out of
 * memory). */
char *ns_names_join(json_t *v, size_t max);
/* ns_names_join, saying in WHY (emptied first) which names were left out
 * for want of room. */
char *ns_names_join_said(json_t *v, size_t max, char *why, size_t why_size);

/* The section, author and tags of record ROOT made labels in place: a
 * number as its text, what is no label left out with ART's warning
 * (json-labels.c). */
void ns_json_labels(json_t *root, ns_article_t *art);
/* The "date" and "updated" of ROOT made text in place the same way: a
 * number as its digits (2025, 20250101), what is no date left out with
 * ART's warning. */
void ns_json_dates(json_t *root, ns_article_t *art);
/* The fields of record ROOT that a CMS export names otherwise
 * ("headline", "byline", "published"...) set in place under their own
 * names, where ROOT does not give those (json-keys.c); each one set is
 * marked by a key of this prefix and its name ("\001aliased-title"). */
#define NS_JSON_ALIASED "\001aliased-"
void ns_json_aliases(json_t *root);

/* Set "date" from an RFC 3339 or RFC 822 date; a value that is neither is
 * kept as it is so that validation reports it, unless a later call (even
 * without REPLACE) gives one that reads: the key below marks it. */
#define NS_FIELDS_DATE_UNREAD "\001date-unread"
/* And one with no zone or no time of day its wall-clock part, so that a
 * later source that agrees with it and has them takes its place. */
#define NS_FIELDS_DATE_FLOATING "\001date-floating"
void ns_fields_date(json_t *obj, const char *text, int replace);
/* Set "updated", when the article last changed, from TEXT (may be NULL),
 * unless an earlier source gave one that reads: one that does not is kept
 * only until one that does comes (JSON-LD's, then a meta tag's), and is
 * left out with a warning when none does. */
void ns_fields_updated(json_t *obj, const char *text);
/* Validate OBJ as a JSON Lines record into ART.  Returns 0 or -1 with
 * ERR. */
int ns_fields_article(json_t *obj, ns_article_t *art, char *err,
                      size_t err_size);

/* ------------------------------------------------------------------------ */
/* RFC 822 dates (date822.c)                                                */
/* ------------------------------------------------------------------------ */

/* Parse an RFC 822 / RFC 2822 date as RSS uses it ("Wed, 06 Aug 2025
 * 09:30:00 +0000", "6 Aug 2025 09:30 GMT", obsolete zone names such as EST
 * and UT) into seconds since the epoch.  Returns 0, or -1.  A two-digit
 * year reads only when a weekday names its century ("Fri, 05 Jan 23" is
 * 1923). */
int ns_date822_parse(const char *text, int64_t *out);
/* 1 when TEXT is an RFC 822 date with a two-digit year that a feed's
 * <pubDate> may write: OUT (SIZE bytes) gets TEXT with the year's four
 * digits, the century the weekday's or else RFC 2822's (00-49 20xx).
 * Else 0. */
int ns_date822_feed_year(const char *text, char *out, size_t size);
/* 1 when TEXT is a month's name and a year ("January 1923", "Sept.
 * 1923"): *YEAR and *MONTH get them.  Else 0. */
int ns_date822_month_year(const char *text, int *year, int *month);
/* 1 when TEXT reads as such a date whose zone is a name of unknown
 * offset, read as UTC ("XYZ"): NAME (SIZE bytes) gets it.  Else 0. */
int ns_date822_unknown_zone(const char *text, char *name, size_t size);
/* Non-zero when TEXT is 0001-01-01T00:00:00 at any offset, in RFC 3339
 * or RFC 822: Go's zero time, which Hugo writes for "no date". */
int ns_date_no_date(const char *text);

/* The month (1-12) whose name, or its abbreviation with or without its
 * full stop, starts TEXT, as <pubDate> writes it in English, Norwegian,
 * Danish, Swedish or German; *END past it.  0 if none. */
int ns_date822_month(const char *text, const char **end);

/* Parse a date written day first the European way (date-dmy.c) into
 * seconds since the epoch: "5.12.2026", "05.12.2026 08:15",
 * "lørdag 5. desember 2026 kl. 08.15".  Returns 0, or -1. */
int ns_date_dmy_parse(const char *text, int64_t *out);

#endif /* NS_INGEST_H */
