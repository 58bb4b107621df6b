/* feed-item.c - An item of a feed (feed.c) made an article: which of its
 * elements feed.c keeps as raw fields (its guid, links, authors, dates,
 * categories, as written), and which of those give the article's id,
 * title, byline, body, date, language, section and tags. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

/* ------------------------------------------------------------------------ */
/* Elements                                                                 */
/* ------------------------------------------------------------------------ */

/* RSS 2.0 has no namespace, but Userland's own tools once declared one
 * as the default ("http://backend.userland.com/rss2", and
 * ".../rss" before it), and feeds copied from theirs still do: its
 * elements are RSS 2.0's (a feed of them was refused whole). */
static int userland_rss(const char *uri)
{
    return !strcmp(uri, "http://backend.userland.com/rss2") ||
           !strcmp(uri, "http://backend.userland.com/rss");
}

enum ns_feed_space ns_feed_space_of(const char *uri)
{
    if (!uri || ns_feed_is_atom(uri) || !strcmp(uri, NS_RSS1) ||
        !strcmp(uri, NS_RSS09) || userland_rss(uri))
        return NS_SP_PLAIN;
    if (!strcmp(uri, NS_DC))
        return NS_SP_DC;
    if (!strcmp(uri, NS_CONTENT))
        return NS_SP_CONTENT;
    /* wp: is versioned (1.0, 1.1, 1.2); excerpt: shares the prefix
     * ("http://wordpress.org/export/1.2/excerpt/"). */
    if (!strncmp(uri, NS_WP, strlen(NS_WP)))
        return strstr(uri, "excerpt") ? NS_SP_EXCERPT : NS_SP_WP;
    /* Apple's own early feeds wrote "DTDs/Podcast-1.0.dtd", and podcast
     * hosts copied it; Media RSS is often declared without its last
     * "/". */
    if (!strcasecmp(uri, NS_ITUNES))
        return NS_SP_ITUNES;
    if (!strncmp(uri, NS_MEDIA, strlen(NS_MEDIA) - 1) &&
        (!uri[strlen(NS_MEDIA) - 1] ||
         !strcmp(uri + strlen(NS_MEDIA) - 1, "/")))
        return NS_SP_MEDIA;
    return NS_SP_OTHER;
}

int ns_feed_is_atom(const char *uri)
{
    return uri && (!strcmp(uri, NS_ATOM) || !strcmp(uri, NS_ATOM03));
}

/* Atom 0.3's <issued> is when the entry was published (its <created>,
 * when it was written, is the date for want of that one) and <modified>
 * is 1.0's <updated>.  Only in 0.3's namespace: an RSS feed's stray
 * <modified> is no date of its. */
const char *ns_feed_atom03_field(const char *name)
{
    if (!strcmp(name, "issued"))
        return "published";
    if (!strcmp(name, "created"))
        return "created";
    if (!strcmp(name, "modified"))
        return "updated";
    return NULL;
}

/* The key under which the text of an item's child element is kept, or
 * NULL to ignore the element. */
const char *ns_feed_field_of(enum ns_feed_space sp, const char *name)
{
    static const struct {
        enum ns_feed_space sp;
        const char *name, *key;
    } map[] = {
        {NS_SP_PLAIN, "title", "title"},
        {NS_SP_PLAIN, "link", "link"},
        {NS_SP_PLAIN, "guid", "guid"},
        {NS_SP_PLAIN, "id", "guid"},
        {NS_SP_PLAIN, "pubDate", "pubdate"},
        {NS_SP_PLAIN, "published", "published"},
        {NS_SP_PLAIN, "updated", "updated"},
        {NS_SP_PLAIN, "category", "category"},
        {NS_SP_PLAIN, "author", "rss_author"},
        {NS_SP_PLAIN, "description", "summary"},
        {NS_SP_PLAIN, "summary", "summary"},
        {NS_SP_PLAIN, "content", "content"},
        {NS_SP_PLAIN, "language", "lang"},
        {NS_SP_DC, "creator", "creator"},
        {NS_SP_DC, "date", "dcdate"},
        {NS_SP_DC, "subject", "category"},
        {NS_SP_DC, "language", "lang"},
        {NS_SP_CONTENT, "encoded", "content"},
        /* A WordPress post's excerpt, the post's text when its content
         * is empty (a link post, a post whose text a theme's field
         * holds), as the REST API gives it (wpjson.c). */
        {NS_SP_EXCERPT, "encoded", "excerpt"},
        /* A podcast episode's text, most often in these alone (its
         * <description> empty or left out), and its byline. */
        {NS_SP_ITUNES, "summary", "itunes_summary"},
        {NS_SP_ITUNES, "subtitle", "itunes_subtitle"},
        {NS_SP_ITUNES, "author", "itunes_author"},
        /* Also inside <media:group> and <media:content> (feed-elements.c),
         * where YouTube writes it. */
        {NS_SP_MEDIA, "description", "media_description"},
    };
    if (sp == NS_SP_WP)
        return ns_wxr_field(name);
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].sp == sp && !strcmp(map[i].name, name))
            return map[i].key;
    return NULL;
}

/* The namespace of an element whose PREFIX the feed never declared
 * (hand-made feeds forget xmlns:media, xmlns:dc): libxml2 reports a
 * namespace error, which feed.c lets pass since the XML is well-formed
 * all the same, and gives the element no URI.  The usual prefixes of the
 * fields read stand for their namespaces; any other is an element of
 * some other namespace, never one of RSS's (<media:title> is no title). */
const char *ns_feed_undeclared(const char *prefix, const char *uri)
{
    static const char *const known[][2] = {
        {"dc", NS_DC},     {"content", NS_CONTENT}, {"wp", NS_WP "1.2/"},
        {"atom", NS_ATOM}, {"itunes", NS_ITUNES},   {"media", NS_MEDIA}};
    if (uri || !prefix)
        return uri;
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (!strcmp(prefix, known[i][0]))
            return known[i][1];
    return "urn:x-undeclared-prefix";
}

/* ------------------------------------------------------------------------ */
/* RSS's <author>                                                           */
/* ------------------------------------------------------------------------ */

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Is S (N bytes) one e-mail address: no space, something on both sides
 * of an "@", a dot after it? */
static int is_address(const char *s, size_t n)
{
    if (n >= 7 && !strncmp(s, "mailto:", 7))
        s += 7, n -= 7;
    const char *at = memchr(s, '@', n);
    if (!at || at == s || at == s + n - 1 || !memchr(at, '.', n - (at - s)))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (isspace((unsigned char)s[i]) || strchr("()<>,;\"", s[i]))
            return 0;
    return 1;
}

size_t ns_feed_rss_author(const char *text, size_t len, const char **name)
{
    const char *s = text;
    size_t n = len;
    trim(&s, &n);
    *name = s;
    if (!memchr(s, '@', n))
        return n;
    /* "jdoe@example.com (Jane Doe)", the form of the RSS 2.0 spec and of
     * Blogger's "noreply@blogger.com (Jane Doe)"; or the other way round,
     * "Jane Doe (jdoe@example.com)". */
    const char *open = memchr(s, '(', n);
    if (open) {
        /* The group the first "(" opens runs to its own ")", or to the
         * end if none closes it; what follows it is no part of the name:
         * "ed@example.com (Jane Doe) (Politics desk)" is Jane Doe's. */
        const char *close = NULL;
        int depth = 0;
        for (const char *p = open; p < s + n && !close; p++)
            if (*p == '(')
                depth++;
            else if (*p == ')' && --depth == 0)
                close = p;
        const char *out = s, *in = open + 1;
        size_t out_n = (size_t)(open - s);
        size_t in_n = (size_t)((close ? close : s + n) - in);
        trim(&out, &out_n);
        trim(&in, &in_n);
        if (is_address(out, out_n) && in_n && !memchr(in, '@', in_n)) {
            *name = in;
            return in_n;
        }
        if (is_address(in, in_n) && out_n && !memchr(out, '@', out_n)) {
            *name = out;
            return out_n;
        }
        if ((is_address(out, out_n) && !in_n) ||
            (is_address(in, in_n) && !out_n))
            return 0; /* "jdoe@example.com ()", "(jdoe@example.com)" */
    }
    /* "Jane Doe <jdoe@example.com>", as mail headers write it. */
    const char *lt = memchr(s, '<', n);
    if (lt && s[n - 1] == '>' && is_address(lt + 1, (size_t)(s + n - lt - 2))) {
        const char *out = s;
        size_t out_n = (size_t)(lt - s);
        trim(&out, &out_n);
        if (out_n >= 2 && out[0] == '"' && out[out_n - 1] == '"')
            out++, out_n -= 2;
        if (out_n && !memchr(out, '@', out_n)) {
            *name = out;
            return out_n;
        }
        return 0;
    }
    /* An address alone, or with nothing but itself around it, names no
     * one: its local part ("jdoe", "newsdesk", "noreply") is a mailbox,
     * not a byline, and a search page is no place to publish it. */
    return is_address(s, n) ? 0 : n;
}

/* ------------------------------------------------------------------------ */
/* Text fields                                                              */
/* ------------------------------------------------------------------------ */

int ns_feed_text_kind(const char *type, int atom)
{
    if (!type)
        return NS_MK_MAYBE;
    if (!strcmp(type, "html") || !strcmp(type, "text/html") ||
        !strcmp(type, "xhtml"))
        return NS_MK_HTML;
    /* Atom's text constructs, and content of another text/ media type
     * (text/plain).  With no type at all, Atom means text too, but feeds
     * that leave it out often put escaped HTML there, so that is still
     * guessed. */
    if (atom && (!strcmp(type, "text") || !strncmp(type, "text/", 5)))
        return NS_MK_TEXT;
    /* Atom content of a media type neither text nor XML is Base64 data
     * (RFC 4287 4.1.3.3: an image), once indexed as a word of Base64: the
     * <summary> is the text. */
    size_t n = strlen(type);
    if (atom && strchr(type, '/') &&
        (n < 4 ||
         (strcmp(type + n - 4, "+xml") && strcmp(type + n - 4, "/xml"))))
        return -1;
    return NS_MK_MAYBE;
}

/* Is the tag name NAME (N bytes) one of the inline formatting a title
 * may carry as markup ("&lt;b&gt;Breaking&lt;/b&gt;")? */
static int inline_name(const char *name, size_t n)
{
    static const char *const names[] = {
        "a",    "abbr", "b",    "bdi",  "bdo",   "big",  "br",     "cite",
        "code", "del",  "dfn",  "em",   "font",  "i",    "ins",    "kbd",
        "mark", "q",    "s",    "samp", "small", "span", "strike", "strong",
        "sub",  "sup",  "time", "tt",   "u",     "var",  "wbr"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && !strncasecmp(names[i], name, n))
            return 1;
    return 0;
}

/* Is NAME (N bytes) an element whose text an HTML parser takes as raw
 * text to its end tag (or to the end, for want of one)? */
static int raw_text_name(const char *name, size_t n)
{
    static const char *const names[] = {
        "script", "style",   "title",    "textarea", "xmp",
        "iframe", "noembed", "noframes", "noscript", "plaintext"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && !strncasecmp(names[i], name, n))
            return 1;
    return 0;
}

/* Is there an end tag "</NAME" (N bytes) in S (SN bytes)? */
static int end_tag_in(const char *s, size_t sn, const char *name, size_t n)
{
    for (size_t i = 0; i + n + 2 <= sn; i++)
        if (s[i] == '<' && s[i + 1] == '/' &&
            !strncasecmp(s + i + 2, name, n) &&
            (i + n + 2 == sn || !isalnum((unsigned char)s[i + n + 2])))
            return 1;
    return 0;
}

/* S (N bytes), the text of field KEY read as HTML, into OUT with the "<"
 * of each tag that names an element as text written "&lt;": a title is a
 * line of text, where a tag of no inline formatting ("Why <title> matters
 * for SEO", "HTML gets a <search> element") is words; and in a body a
 * raw-text element never closed ("block inline <script> tags") would take
 * the rest of it.  Returns 1 if any was, else 0 (OUT untouched). */
static int names_as_text(const char *key, const char *s, size_t n,
                         ns_buf_t *out)
{
    int title = !strcmp(key, "title"), any = 0;
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '<')
            continue;
        size_t j = i + 1 + (i + 1 < n && s[i + 1] == '/');
        size_t k = j;
        while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '-'))
            k++;
        if (k == j || !isalpha((unsigned char)s[j]) ||
            (k < n && !strchr(" \t\r\n/>", s[k])))
            continue;
        int as_text = title ? !inline_name(s + j, k - j)
                            : j == i + 1 && raw_text_name(s + j, k - j) &&
                                  !end_tag_in(s + k, n - k, s + j, k - j);
        if (!as_text)
            continue;
        ns_buf_append(out, s + from, i - from);
        ns_buf_puts(out, "&lt;");
        from = i + 1;
        any = 1;
    }
    if (any)
        ns_buf_append(out, s + from, n - from);
    return any;
}

/* Text that may hold HTML (RSS descriptions always may; Atom says so with
 * type="html") becomes plain text, with its <h2>-<h6> as headings.  Atom's
 * type="text" is plain text (RFC 4287 3.1.1.1): its "<" and "&" are
 * characters, and an HTML parser would take "<script>" in it for a script
 * and drop the rest.
 *
 * Where the element does not say (RSS, Atom with no type), text with no
 * tag of its own that is still markup once read, "<p>Body</p>" or
 * "Don&#8217;t", was escaped twice (WordPress and other CMSs do) and is
 * read once more.  Atom's type="html" is one layer of HTML, as it says: an
 * escaped tag in it is a tag written as text. */
void ns_feed_item_text(json_t *to, const char *key, const char *s, size_t n,
                       enum ns_markup markup)
{
    if (markup == NS_MK_HTML ||
        (markup != NS_MK_TEXT && (memchr(s, '<', n) || memchr(s, '&', n)))) {
        ns_buf_t plain = {0};
        /* The headings of either field that may be the body: Hugo's RSS
         * and many Atom feeds have the whole post in <description> or
         * <summary>, and none in <content:encoded>. */
        const char *heads_key = !strcmp(key, "content")   ? "headings"
                                : !strcmp(key, "summary") ? "summary_headings"
                                                          : NULL;
        json_t *heads = heads_key ? json_array() : NULL;
        ns_buf_t named = {0};
        if (markup != NS_MK_POST && names_as_text(key, s, n, &named))
            s = named.p, n = named.len;
        int rc = markup == NS_MK_POST
                     ? ns_html_post_text(s, n, heads, &plain)
                     : ns_html_fragment_text(s, n, heads, &plain);
        if (rc == 0 && plain.p && markup == NS_MK_MAYBE &&
            ns_html_escaped_twice(s, n, plain.p, plain.len)) {
            ns_buf_t again = {0};
            json_array_clear(heads);
            ns_buf_reset(&named);
            const char *p = plain.p;
            size_t pn = plain.len;
            if (names_as_text(key, p, pn, &named))
                p = named.p, pn = named.len;
            rc = ns_html_fragment_text(p, pn, heads, &again);
            ns_buf_free(&plain);
            plain = again;
        }
        ns_buf_free(&named);
        if (rc == 0 && plain.p) {
            ns_fields_set(to, key, plain.p, plain.len, 0);
            if (heads && json_array_size(heads))
                json_object_set(to, heads_key, heads);
        }
        json_decref(heads);
        ns_buf_free(&plain);
        return;
    }
    ns_fields_set(to, key, s, n, 0);
}

/* ------------------------------------------------------------------------ */
/* The article                                                              */
/* ------------------------------------------------------------------------ */

static const char *raw_field(json_t *raw, const char *key)
{
    return json_string_value(json_object_get(raw, key));
}

static void set_from(json_t *obj, json_t *raw, const char *key,
                     const char *from)
{
    const char *v = raw_field(raw, from);
    if (v)
        ns_fields_set(obj, key, v, strlen(v), 0);
}

/* Plugins append a line to every item of a site's feed naming the post
 * and the site: Yoast SEO's "The post <a>TITLE</a> appeared first on
 * <a>SITE</a>." (in the site's language: "Innlegget ... dukket først opp
 * på ..."), and others like it.  Indexed, the site's name matched every
 * item and "appeared first" every post of the site, and snippets ended
 * on it.  So a last paragraph of the body that holds the item's title
 * and little else (FOOTER_MORE bytes: the plugin's words and the site's
 * name) is left out, when the body has more than it.  A story whose last
 * paragraph quotes its own headline in a sentence of its own length
 * keeps it. */
enum { FOOTER_MORE = 100 };

/* Medium's line, in every item of its feeds: "TITLE was originally
 * published in PUBLICATION on Medium, where people are continuing the
 * conversation by highlighting and responding to this story."  Its fixed
 * part is longer than FOOTER_MORE, and the words of it ("conversation",
 * "highlighting") matched every post: it is not counted as the
 * paragraph's own. */
static const char MEDIUM_TAIL[] =
    " on Medium, where people are continuing the conversation by "
    "highlighting and responding to this story.";

/* Bytes of the footer paragraph PARA (of PN bytes) besides a known
 * generator's fixed words. */
static size_t footer_own(const char *para, size_t pn)
{
    const size_t tail = sizeof MEDIUM_TAIL - 1;
    if (pn >= tail && memcmp(para + pn - tail, MEDIUM_TAIL, tail) == 0)
        return pn - tail;
    return pn;
}

void ns_feed_drop_footer(json_t *obj)
{
    const char *body = json_string_value(json_object_get(obj, "body"));
    const char *title = json_string_value(json_object_get(obj, "title"));
    size_t tn = title ? strlen(title) : 0;
    if (!body || tn < 8)
        return;
    const char *last = NULL;
    for (const char *p = strstr(body, "\n\n"); p; p = strstr(p + 2, "\n\n"))
        last = p;
    if (!last)
        return;
    const char *para = last + 2;
    size_t pn = strlen(para);
    if (footer_own(para, pn) > tn + FOOTER_MORE || !strstr(para, title))
        return;
    json_t *kept = json_stringn(body, (size_t)(last - body));
    if (kept)
        json_object_set_new(obj, "body", kept);
}

int ns_feed_item_article(json_t *raw, json_t *chan, const char *chan_lang,
                         ns_article_t *art, char *why, size_t why_size)
{
    json_t *obj = json_object();
    if (!obj) {
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    /* A WordPress post is named by its slug; other items by their guid
     * (RSS) or id (Atom), else their link. */
    set_from(obj, raw, "id", "wp_slug");
    set_from(obj, raw, "id", "guid");
    set_from(obj, raw, "id", "link");
    set_from(obj, raw, "title", "title");
    set_from(obj, raw, "url", "link");
    const char *guid = raw_field(raw, "guid");
    if (guid && raw_field(raw, "guid_permalink") &&
        (!strncasecmp(guid, "http://", 7) || !strncasecmp(guid, "https://", 8)))
        set_from(obj, raw, "url", "guid");
    /* Every <author> (Atom's, or RSS's), else every <dc:creator> (in a
     * WordPress export, by display name), else those of the Atom entry's
     * <source>, else the Atom feed's authors (RFC 4287 4.2.1): one byline,
     * "Kari, Ola".  Names, categories and tags are labels WordPress keeps
     * HTML-escaped, "Ed O&#039;Neil", "Arts &amp; Culture" (in CDATA, or
     * escaped once more), and writes so in its feeds and exports: their
     * entities are read. */
    json_t *names = json_object_get(raw, "author"), *shown = NULL;
    if (!names)
        names = shown = ns_wxr_bylines(json_object_get(raw, "creator"), chan);
    /* A podcast's <itunes:author>: the episode's own, more than a
     * feed's it was copied from or the feed's. */
    if (!names)
        names = json_object_get(raw, "itunes_author");
    if (!names)
        names = json_object_get(raw, "source_author");
    if (!names)
        names = json_object_get(chan, "author");
    char *by = ns_names_join(names, NS_MAX_LABEL);
    if (by)
        ns_fields_set_label(obj, "author", by, strlen(by), 0);
    free(by);
    json_decref(shown);
    /* A podcast's or a video's text is in its own namespace: an
     * episode's <itunes:summary> (Apple's long text), else Media RSS's
     * <media:description> (YouTube's), else the short
     * <itunes:subtitle>.  Each only for want of the item's own text: a
     * feed's <description>, however short, is what it says of the item. */
    static const char *const bodies[] = {
        "content",        "summary",           "excerpt",
        "itunes_summary", "media_description", "itunes_subtitle"};
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++)
        set_from(obj, raw, "body", bodies[i]);
    ns_feed_drop_footer(obj);
    /* The headings of the field the body came from. */
    json_t *heads = json_object_get(
        raw, raw_field(raw, "content") ? "headings" : "summary_headings");
    if (heads && json_object_get(obj, "body"))
        json_object_set(obj, "headings", heads);
    static const char *const dates[] = {"wp_date_gmt", "published", "created",
                                        "pubdate",     "dcdate",    "updated",
                                        "wp_date"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        const char *d = raw_field(raw, dates[i]);
        /* RFC 822 lets <pubDate> write "05 Jan 23", which other text
         * may not (ns_date822_parse): its four digits, as the feed
         * means them. */
        char year4[128];
        if (d && ns_date822_feed_year(d, year4, sizeof year4))
            d = year4;
        if (d)
            ns_fields_date(obj, d, 0);
    }
    /* Atom's <updated> (0.3's <modified>) is also when the entry last
     * changed: a feed re-sent from a cache must not undo a correction.
     * WordPress's post_modified_gmt is the same. */
    set_from(obj, raw, "updated", "updated");
    const char *wp_modified = raw_field(raw, "wp_modified_gmt");
    if (wp_modified && strncmp(wp_modified, "0000-00-00", 10) != 0)
        set_from(obj, raw, "updated", "wp_modified_gmt"); /* 0s: never */
    set_from(obj, raw, "lang", "lang");
    set_from(obj, raw, "lang", "wp_lang");
    if (chan_lang)
        ns_fields_set(obj, "lang", chan_lang, strlen(chan_lang), 0);
    /* The first category is the section (a WordPress post's primary one,
     * ns_wxr_section); the others, and WordPress tags, are tags.
     * Blogger's labels have no order (its backups write them sorted) and
     * none is the post's section: all are tags. */
    json_t *cats = json_object_get(raw, "category");
    int labels = ns_blogger_export(raw);
    size_t section = ns_wxr_section(cats, raw, chan);
    size_t i;
    json_t *v;
    json_array_foreach(cats, i, v)
    {
        if (i == section && !labels)
            ns_fields_set_label(obj, "section", json_string_value(v),
                                json_string_length(v), 0);
        else
            ns_fields_push_label(obj, "tags", json_string_value(v),
                                 json_string_length(v));
    }
    json_array_foreach(json_object_get(raw, "tag"), i, v) ns_fields_push_label(
        obj, "tags", json_string_value(v), json_string_length(v));
    /* "&#146;" in a plain title, byline or category is U+0092 once the
     * XML is read, as browsers read it windows-1252's apostrophe (charset.c);
     * only text that went through the HTML parser was mapped, and a C1
     * control is a space in the article ("Miles O Brien"). */
    int rc = ns_json_c1_to_windows1252(obj);
    if (rc < 0)
        snprintf(why, why_size, "out of memory");
    else
        rc = ns_fields_article(obj, art, why, why_size);
    json_decref(obj);
    return rc < 0 ? -1 : 0;
}
