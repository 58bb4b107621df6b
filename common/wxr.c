/* wxr.c - The WordPress export format (WXR, the XML of Tools > Export) on
 * top of feed.c's RSS reader: what the wp: elements of an item are called,
 * which items are left out (only published posts open to every reader are
 * articles), and who wrote them: an item names its author by login
 * (<dc:creator>admin</dc:creator>), and the export's list of authors gives
 * the name the site shows; which of a post's categories is its section;
 * and the shortcodes in a post's content. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

const char *ns_wxr_field(const char *name)
{
    static const struct {
        const char *name, *key;
    } map[] = {
        {"post_type", "wp_type"},
        {"status", "wp_status"},
        {"post_name", "wp_slug"},
        {"post_id", "wp_id"},
        {"post_date_gmt", "wp_date_gmt"},
        {"post_date", "wp_date"},
        {"post_modified_gmt", "wp_modified_gmt"},
        {"post_password", "wp_password"},
        /* In the channel's <wp:author>. */
        {"author_login", "wp_login"},
        {"author_display_name", "wp_display_name"},
        /* In the channel's <wp:category>. */
        {"term_id", "wp_term_id"},
        {"cat_name", "wp_cat_name"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(map[i].name, name))
            return map[i].key;
    return NULL;
}

int ns_wxr_left_out(json_t *fields, char *why, size_t why_size)
{
    const char *type = json_string_value(json_object_get(fields, "wp_type"));
    const char *status =
        json_string_value(json_object_get(fields, "wp_status"));
    if (type && strcmp(type, "post") != 0) {
        snprintf(why, why_size, "ignored: a WordPress %.40s, not a post", type);
        return 1;
    }
    if (status && strcmp(status, "publish") != 0) {
        snprintf(why, why_size, "ignored: a WordPress post with status '%.40s'",
                 status);
        return 1;
    }
    /* Published, but only to readers who have the password: its text must
     * not be searchable or shown in snippets.  An empty <wp:post_password>
     * is no password (feed.c keeps no empty field). */
    if (json_object_get(fields, "wp_password")) {
        snprintf(why, why_size, "ignored: a password-protected WordPress post");
        return 1;
    }
    return 0;
}

int ns_wp_status_unpublished(const char *status)
{
    /* "future" too: a published post whose date an editor moves on is
     * scheduled again, and off the site till then. */
    static const char *const back[] = {"draft", "pending", "private", "future",
                                       "trash"};
    for (size_t i = 0; status && i < sizeof back / sizeof *back; i++)
        if (!strcmp(status, back[i]))
            return 1;
    return 0;
}

size_t ns_wp_slug_len(const char *slug, const char *status)
{
    /* WordPress renames the slug of a post it trashes (wp_trash_post, as
     * of 4.9): "ferry-post" becomes "ferry-post__trashed", so that a new
     * post may take the name.  The article was published under the
     * first. */
    static const char suffix[] = "__trashed";
    size_t n = strlen(slug), k = sizeof suffix - 1;
    if (status && !strcmp(status, "trash") && n > k &&
        !strcmp(slug + n - k, suffix))
        return n - k;
    return n;
}

int ns_wxr_unpublished(json_t *fields)
{
    const char *type = json_string_value(json_object_get(fields, "wp_type"));
    const char *status =
        json_string_value(json_object_get(fields, "wp_status"));
    if (type && strcmp(type, "post") != 0)
        return 0;
    return ns_wp_status_unpublished(status);
}

void ns_wxr_author_done(json_t *channel)
{
    json_t *login = json_object_get(channel, "wp_login");
    json_t *shown = json_object_get(channel, "wp_display_name");
    json_t *names = json_object_get(channel, "wp_names");
    if (json_is_string(login) && shown) {
        if (!names) {
            names = json_object();
            json_object_set_new(channel, "wp_names", names);
        }
        json_object_set(names, json_string_value(login), shown);
    }
    json_object_del(channel, "wp_login");
    json_object_del(channel, "wp_display_name");
}

void ns_wxr_category_done(json_t *channel)
{
    json_t *id = json_object_get(channel, "wp_term_id");
    json_t *name = json_object_get(channel, "wp_cat_name");
    json_t *names = json_object_get(channel, "wp_cats");
    if (json_is_string(id) && name) {
        if (!names) {
            names = json_object();
            json_object_set_new(channel, "wp_cats", names);
        }
        json_object_set(names, json_string_value(id), name);
    }
    json_object_del(channel, "wp_term_id");
    json_object_del(channel, "wp_cat_name");
}

/* The post meta that names a post's primary category by its term_id:
 * Yoast SEO's and Rank Math's, the two plugins that let an editor choose
 * one (for the breadcrumb and the permalink). */
static int primary_category_key(const char *key)
{
    return key && (!strcmp(key, "_yoast_wpseo_primary_category") ||
                   !strcmp(key, "rank_math_primary_category"));
}

const char *ns_wxr_meta_field(json_t *fields, const char *name)
{
    if (!strcmp(name, "meta_key")) {
        json_object_del(fields, "wp_meta_key");
        return "wp_meta_key";
    }
    /* Only the value of a primary category is read: other meta values
     * may be long (serialised arrays, page builders' layouts). */
    if (!strcmp(name, "meta_value") && !json_object_get(fields, "wp_primary") &&
        primary_category_key(
            json_string_value(json_object_get(fields, "wp_meta_key"))))
        return "wp_primary";
    return NULL;
}

size_t ns_wxr_section(json_t *cats, json_t *fields, json_t *channel)
{
    const char *id = json_string_value(json_object_get(fields, "wp_primary"));
    const char *name = id ? json_string_value(json_object_get(
                                json_object_get(channel, "wp_cats"), id))
                          : NULL;
    size_t i;
    json_t *v;
    /* Only one of the post's own categories: Yoast keeps the meta of a
     * category taken off the post since. */
    json_array_foreach(cats, i, v)
    {
        if (name && !strcmp(json_string_value(v), name))
            return i;
    }
    return 0;
}

json_t *ns_wxr_bylines(json_t *creators, json_t *channel)
{
    json_t *names = json_object_get(channel, "wp_names");
    if (!creators || !names)
        return json_incref(creators);
    /* Through ns_fields_push, so that two logins of one name give it
     * once. */
    json_t *out = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(creators, i, v)
    {
        json_t *shown = json_object_get(names, json_string_value(v));
        const char *name = json_string_value(shown ? shown : v);
        if (name)
            ns_fields_push(out, "author", name, strlen(name));
    }
    json_t *list = json_incref(json_object_get(out, "author"));
    json_decref(out);
    return list;
}

/* ------------------------------------------------------------------------ */
/* Shortcodes                                                               */
/* ------------------------------------------------------------------------ */

/* A shortcode tag at S[0] == '[' (N bytes on): "[name attrs]",
 * "[name /]" or "[/name]". */
struct shortcode {
    const char *name;
    size_t name_len, len; /* of the name; of the whole tag */
    int closing, self_closing, has_attrs;
};

/* Parse the tag at S, as WordPress's shortcode regex reads it: a name of
 * word characters and '-', then ']', white space and attributes (quoted
 * values may hold ']'), or "/]".  Returns 0 if it is no tag. */
static int parse_tag(const char *s, size_t n, struct shortcode *t)
{
    memset(t, 0, sizeof *t);
    size_t i = 1;
    if (i < n && s[i] == '/')
        t->closing = 1, i++;
    t->name = s + i;
    while (i < n &&
           (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
        i++;
    t->name_len = (size_t)(s + i - t->name);
    if (!t->name_len || t->name_len > 64 || i >= n)
        return 0;
    if (s[i] != ']' && s[i] != '/' && !isspace((unsigned char)s[i]))
        return 0;
    char quote = 0;
    for (; i < n; i++) {
        if (quote) {
            quote = s[i] == quote ? 0 : quote;
            continue;
        }
        if (s[i] == '"' || s[i] == '\'')
            quote = s[i];
        else if (s[i] == '=')
            t->has_attrs = 1;
        else if (s[i] == '[' || s[i] == '\n')
            return 0; /* not one tag: text in brackets */
        else if (s[i] == ']')
            break;
    }
    if (i >= n || (t->closing && t->has_attrs))
        return 0;
    t->self_closing = s[i - 1] == '/';
    t->len = i + 1;
    return 1;
}

static int name_is(const struct shortcode *t, const char *name)
{
    return strlen(name) == t->name_len && !memcmp(t->name, name, t->name_len);
}

/* The closing tag of T in S (N bytes), or NULL. */
static const char *closing_of(const struct shortcode *t, const char *s,
                              size_t n)
{
    for (const char *p = s; (p = memchr(p, '[', (size_t)(s + n - p))); p++) {
        struct shortcode c;
        if (p + 1 < s + n && p[1] == '/' &&
            parse_tag(p, (size_t)(s + n - p), &c) &&
            c.name_len == t->name_len && !memcmp(c.name, t->name, c.name_len))
            return p;
    }
    return NULL;
}

/* WordPress's own shortcodes, and those whose content is no text (an
 * embed's URL, a player's fallback). */
static const char *const CORE[] = {"caption", "wp_caption", "gallery", "embed",
                                   "audio",   "video",      "playlist"};
static const char *const NOT_TEXT[] = {"embed", "audio", "video", "playlist"};

static int listed(const struct shortcode *t, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (name_is(t, list[i]))
            return 1;
    return 0;
}

/* Before WordPress 3.4 a caption was an attribute, [caption
 * caption="Text"]<img>[/caption]: its text, from the tag S (N bytes). */
static int caption_attr(const char *s, size_t n, ns_buf_t *out)
{
    for (size_t i = 1; i + 10 < n; i++) {
        if (memcmp(s + i, "caption=", 8) != 0 ||
            !isspace((unsigned char)s[i - 1]) ||
            (s[i + 8] != '"' && s[i + 8] != '\''))
            continue;
        const char *v = s + i + 9, *e = memchr(v, s[i + 8], n - i - 9);
        if (e && ns_buf_append(out, v, (size_t)(e - v)) == 0)
            return ns_buf_putc(out, ' ');
        return e ? -1 : 0;
    }
    return 0;
}

int ns_wxr_shortcodes(const char *s, size_t n, ns_buf_t *out)
{
    /* The names of the closing tags seen, or to be seen: a plugin's
     * "[name]...[/name]" is a shortcode, "[sic]" and "[1]" are text. */
    json_t *opened = json_object(), *closed = json_object();
    int rc = opened && closed ? 0 : -1;
    for (const char *p = s;
         rc == 0 && (p = memchr(p, '[', (size_t)(s + n - p))); p++) {
        struct shortcode t;
        char name[65];
        if (parse_tag(p, (size_t)(s + n - p), &t) && t.closing) {
            snprintf(name, sizeof name, "%.*s", (int)t.name_len, t.name);
            json_object_set_new(closed, name, json_true());
        }
    }
    size_t i = 0;
    while (rc == 0 && i < n) {
        const char *lb = memchr(s + i, '[', n - i);
        size_t at = lb ? (size_t)(lb - s) : n;
        rc |= ns_buf_append(out, s + i, at - i);
        if (!lb)
            break;
        struct shortcode t;
        char name[65];
        int escaped = at + 1 < n && s[at + 1] == '[';
        if (!parse_tag(s + at + escaped, n - at - escaped, &t)) {
            rc |= ns_buf_putc(out, '[');
            i = at + 1;
            continue;
        }
        snprintf(name, sizeof name, "%.*s", (int)t.name_len, t.name);
        int code = listed(&t, CORE, sizeof CORE / sizeof *CORE) ||
                   (t.closing ? json_object_get(opened, name) != NULL
                              : t.has_attrs || t.self_closing ||
                                    json_object_get(closed, name) != NULL);
        size_t end = at + escaped + t.len;
        if (!code) {
            rc |= ns_buf_putc(out, '[');
            i = at + 1;
            continue;
        }
        if (escaped) {
            /* "[[caption]]" is how a post writes "[caption]" as text. */
            rc |= ns_buf_append(out, s + at + 1, t.len);
            i = end + (end < n && s[end] == ']');
            continue;
        }
        if (!t.closing)
            json_object_set_new(opened, name, json_true());
        /* A caption is a <figure> of its own where the site shows it: a
         * paragraph, so that it runs into no sentence around it ("...
         * presents the budget The council approved ..." was a match for
         * "budget the council"). */
        int caption = name_is(&t, "caption") || name_is(&t, "wp_caption");
        rc |= caption ? ns_buf_append(out, "\n\n", 2) : ns_buf_putc(out, ' ');
        if (!t.closing && caption)
            rc |= caption_attr(s + at, t.len, out);
        i = end;
        const char *close;
        if (!t.closing && !t.self_closing &&
            listed(&t, NOT_TEXT, sizeof NOT_TEXT / sizeof *NOT_TEXT) &&
            json_object_get(closed, name) &&
            (close = closing_of(&t, s + end, n - end))) {
            struct shortcode c;
            parse_tag(close, (size_t)(s + n - close), &c);
            i = (size_t)(close - s) + c.len;
        }
    }
    json_decref(opened);
    json_decref(closed);
    return rc ? -1 : 0;
}
