/* fields.c - Build an article out of fields a parser found in a feed, a
 * page or a document: collect them in a JSON object of the JSON Lines
 * schema, then validate that object with ns_article_from_json(), so every
 * format obeys the same rules (required id, label limits, control
 * characters, dates) without a second copy of them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static void trim(const char **text, size_t *len)
{
    while (*len && isspace((unsigned char)**text))
        (*text)++, (*len)--;
    while (*len && isspace((unsigned char)(*text)[*len - 1]))
        (*len)--;
}

void ns_fields_set(json_t *obj, const char *key, const char *text, size_t len,
                   int replace)
{
    if (!text)
        return;
    trim(&text, &len);
    if (!len || (!replace && json_object_get(obj, key)))
        return;
    /* Invalid UTF-8 cannot become a JSON string; such a value is dropped
     * here and the input's own check (the whole item) reports it. */
    json_t *s = json_stringn(text, len);
    if (s)
        json_object_set_new(obj, key, s);
}

/* The values of LIST as a set: an object of value -> index, kept in OBJ
 * beside the list under a parser's own key (ingest.h), so that pushing
 * N headings is N look-ups, not N*N/2 comparisons (20,000 <h2> took 14 s,
 * 80,000 nearly four minutes, and SIGTERM waited for them).  A list
 * changed by other code (a section taken from it, the list replaced) is
 * seen by its size or an index that no longer holds the value, and the
 * set is made again from it. */
static json_t *seen_set(json_t *obj, const char *key, json_t *list)
{
    char name[64];
    snprintf(name, sizeof name, "\001seen-%s", key);
    json_t *set = json_object_get(obj, name);
    if (set && json_object_size(set) == json_array_size(list))
        return set;
    set = json_object();
    if (!set || json_object_set_new(obj, name, set) < 0)
        return NULL;
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v)
    {
        const char *s = json_string_value(v);
        if (!s || strlen(s) != json_string_length(v) ||
            json_object_set_new(set, s, json_integer((json_int_t)i)) < 0)
            return NULL; /* not a plain list of labels: compare each */
    }
    return json_object_size(set) == json_array_size(list) ? set : NULL;
}

static int listed(json_t *list, const char *text, size_t len)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v)
    {
        if (json_string_length(v) == len &&
            memcmp(json_string_value(v), text, len) == 0)
            return 1;
    }
    return 0;
}

void ns_fields_push(json_t *obj, const char *key, const char *text, size_t len)
{
    if (!text)
        return;
    /* A label, trimmed as article.c trims it, so that "Oil" and "Oil"
     * with a no-break space after it are one tag here too. */
    ns_trim_spaces(&text, &len);
    if (!len)
        return;
    json_t *list = json_object_get(obj, key);
    if (!list) {
        list = json_array();
        if (!list || json_object_set_new(obj, key, list) < 0)
            return;
    }
    /* A set's keys are C strings: a value with a NUL byte is compared
     * with each (no HTML or XML text has one). */
    char *copy = memchr(text, '\0', len) ? NULL : strndup(text, len);
    json_t *set = copy ? seen_set(obj, key, list) : NULL;
    json_t *at = set ? json_object_get(set, copy) : NULL;
    if (at) {
        json_t *v = json_array_get(list, (size_t)json_integer_value(at));
        if (v && json_string_length(v) == len &&
            memcmp(json_string_value(v), text, len) == 0) {
            free(copy);
            return;
        }
        set = NULL; /* changed behind its back: made again next time */
    }
    if (!set && listed(list, text, len)) {
        free(copy);
        return;
    }
    json_t *s = json_stringn(text, len);
    if (s && json_array_append_new(list, s) == 0 && set)
        json_object_set_new(set, copy,
                            json_integer((json_int_t)json_array_size(list) - 1));
    free(copy);
}

/* TEXT (LEN bytes) with its entities read into OUT, when it has any; else
 * OUT stays empty and TEXT is the label.  Out of memory, the label as it
 * is. */
static void decoded(const char **text, size_t *len, ns_buf_t *out)
{
    if (!*text || !memchr(*text, '&', *len) ||
        ns_html_decode_entities(*text, *len, out) < 0)
        return;
    *text = out->p;
    *len = out->len;
}

void ns_fields_set_label(json_t *obj, const char *key, const char *text,
                         size_t len, int replace)
{
    ns_buf_t buf = {0};
    decoded(&text, &len, &buf);
    ns_fields_set(obj, key, text, len, replace);
    ns_buf_free(&buf);
}

void ns_fields_push_label(json_t *obj, const char *key, const char *text,
                          size_t len)
{
    ns_buf_t buf = {0};
    decoded(&text, &len, &buf);
    ns_fields_push(obj, key, text, len);
    ns_buf_free(&buf);
}

/* The wall-clock part of TEXT, a date that reads, when it says no zone
 * (RFC 3339 without "Z" or an offset: "2025-09-04T14:32:05") or no time
 * ("2025-12-01", "December 1, 2025", which read as UTC midnight); else
 * NULL.  T is the time it read as, FORMATTED its RFC 3339 form. */
static const char *floating(const char *text, size_t len, const char *formatted,
                            char *buf, size_t size)
{
    if (!memchr(text, ':', len)) { /* a day alone */
        snprintf(buf, size, "%.10s", formatted);
        return buf;
    }
    if (len < 19 || text[4] != '-' || (text[10] != 'T' && text[10] != ' '))
        return NULL; /* RFC 822 has its zone, or is UTC by its rule */
    const char *zone = text + 19;
    while (zone < text + len && (*zone == '.' || isdigit((unsigned char)*zone)))
        zone++;
    if (zone < text + len)
        return NULL; /* "Z", "+02:00" */
    snprintf(buf, size, "%.10sT%.8s", text, text + 11);
    return buf;
}

void ns_fields_date(json_t *obj, const char *text, int replace)
{
    if (!text)
        return;
    size_t len = strlen(text);
    trim(&text, &len);
    if (!len)
        return;
    /* WordPress writes "0000-00-00 00:00:00" for a post never published:
     * no date, not a broken one. */
    if (strncmp(text, "0000-00-00", 10) == 0)
        return;
    char copy[128];
    int64_t t;
    snprintf(copy, sizeof copy, "%.*s", (int)(len < 127 ? len : 127), text);
    const char *given = text;
    const size_t given_len = len;
    /* Go's zero time ("no date" in Hugo's RSS) counts as not read, so
     * that the item's <dc:date> or <updated> after it dates the item; if
     * none comes, the record says why it is undated (ns_set_date). */
    int placeholder = ns_date_no_date(copy);
    int read = !placeholder && ns_date_parse(copy, &t) == 0;
    char zone[8];
    if (!read && !placeholder && ns_date822_parse(copy, &t) == 0 &&
        ns_date822_unknown_zone(copy, zone, sizeof zone)) {
        read = 1; /* kept as written, for ns_set_date to say so */
    } else if (!read && !placeholder && (ns_date822_parse(copy, &t) == 0 ||
                                         ns_date_dmy_parse(copy, &t) == 0)) {
        ns_date_format(t, copy, sizeof copy);
        len = strlen(copy);
        text = copy;
        read = 1;
    }
    /* A date that does not read is kept only until one that does comes
     * from a later source ("December 1, 2025" in JSON-LD, then a meta
     * tag's RFC 3339; a broken <pubDate>, then <dc:date>): kept, the
     * record is refused by name, as before, when nothing better came. */
    json_t *unread = json_object_get(obj, NS_FIELDS_DATE_UNREAD);
    /* A date with no zone or no time gives way to a later source that
     * has them and agrees with it: JSON-LD's "2025-09-04T14:32:05" (read
     * as UTC) beside article:published_time's "2025-09-04T14:32:05+02:00"
     * was stored two hours late, and its "December 1, 2025" kept the
     * story at midnight beside the meta tag's time of day. */
    const char *was =
        json_string_value(json_object_get(obj, NS_FIELDS_DATE_FLOATING));
    int finer = read && was && len > strlen(was) &&
                !strncmp(text, was, strlen(was)) &&
                (text[10] == 'T' || text[10] == ' ');
    if (!replace && json_object_get(obj, "date") && !(unread && read) && !finer)
        return;
    json_object_del(obj, NS_FIELDS_DATE_FLOATING);
    char day[64];
    char formatted[64] = "";
    if (read) {
        ns_date_format(t, formatted, sizeof formatted);
        const char *f = floating(given, given_len, formatted, day, sizeof day);
        if (f)
            json_object_set_new(obj, NS_FIELDS_DATE_FLOATING, json_string(f));
    }
    ns_fields_set(obj, "date", text, len, 1);
    if (read)
        json_object_del(obj, NS_FIELDS_DATE_UNREAD);
    else
        json_object_set_new(obj, NS_FIELDS_DATE_UNREAD, json_true());
}

/* Does TEXT read as an "updated" time, by the rule a record's field is
 * read with (ns_set_updated, as "date" is)? */
static int updated_reads(const char *text)
{
    ns_article_t a = {0};
    char err[16];
    int reads = ns_set_updated(&a, text, err, sizeof err) == 0 && a.updated;
    ns_article_clear(&a);
    return reads;
}

void ns_fields_updated(json_t *obj, const char *text)
{
    if (!text)
        return;
    size_t len = strlen(text);
    trim(&text, &len);
    if (!len)
        return;
    char copy[128];
    snprintf(copy, sizeof copy, "%.*s", (int)(len < 127 ? len : 127), text);
    const char *was = json_string_value(json_object_get(obj, "updated"));
    if (was && (updated_reads(was) || !updated_reads(copy)))
        return;
    ns_fields_set(obj, "updated", text, len, 1);
}

int ns_fields_article(json_t *obj, ns_article_t *art, char *err,
                      size_t err_size)
{
    char *text = json_dumps(obj, JSON_COMPACT);
    if (!text) {
        snprintf(err, err_size, "out of memory");
        memset(art, 0, sizeof *art);
        return -1;
    }
    int rc = ns_article_from_json(text, strlen(text), art, err, err_size);
    free(text);
    return rc;
}

/* One name of a byline: a string, or an object's "name"; *LEN its bytes
 * (a \u0000 inside is counted, not an end). */
static const char *one_name(json_t *v, size_t *len)
{
    if (json_is_object(v))
        v = json_object_get(v, "name");
    *len = json_string_length(v);
    return json_string_value(v);
}

char *ns_names_join(json_t *v, size_t max)
{
    return ns_names_join_said(v, max, NULL, 0);
}

/* Say in WHY (if any) that the names from NAME on, N of them, did not fit
 * in MAX bytes, as an over-long label's warning says it (article.c). */
static void names_left_out(char *why, size_t why_size, const char *name,
                           size_t len, size_t n, size_t max)
{
    if (!why || !why_size)
        return;
    size_t shown = len > 40 ? 40 : len;
    while (shown < len && shown && ((unsigned char)name[shown] & 0xc0) == 0x80)
        shown--;
    char more[40] = "";
    if (n > 1)
        snprintf(more, sizeof more, " and %zu more", n - 1);
    snprintf(why, why_size,
             "author \"%.*s%s\"%s past the byline's %zu bytes; left out",
             (int)shown, name, shown < len ? "\xe2\x80\xa6" : "", more, max);
}

char *ns_names_join_said(json_t *v, size_t max, char *why, size_t why_size)
{
    if (why && why_size)
        *why = '\0';
    if (!json_is_array(v)) {
        size_t len;
        const char *name = one_name(v, &len);
        char *out = name ? strndup(name, len) : NULL;
        /* A NUL inside is a control character: a space, as in text. */
        for (size_t i = 0; out && i < len; i++)
            if (!out[i])
                out[i] = ' ';
        return out;
    }
    char *out = calloc(1, max + 1);
    size_t used = 0, i, lost = 0;
    const char *first_lost = NULL;
    size_t first_lost_len = 0;
    json_t *item;
    if (!out)
        return NULL;
    json_array_foreach(v, i, item)
    {
        size_t len;
        const char *name = one_name(item, &len);
        if (!name)
            continue; /* no name: a number, an object without one */
        ns_trim_spaces(&name, &len);
        size_t by = ns_byline_word(name, len); /* "By Kari", as one is */
        name += by, len -= by;
        if (!len)
            continue;
        size_t sep = used ? 2 : 0;
        if (used + sep + len > max) {
            /* The names that fit: a 300-byte first one lost all. */
            if (!lost++)
                first_lost = name, first_lost_len = len;
            continue;
        }
        memcpy(out + used, ", ", sep);
        memcpy(out + used + sep, name, len);
        for (size_t k = used + sep; k < used + sep + len; k++)
            if (!out[k])
                out[k] = ' ';
        used += sep + len;
    }
    if (lost)
        names_left_out(why, why_size, first_lost, first_lost_len, lost, max);
    if (!used) {
        free(out);
        return NULL;
    }
    return out;
}

/* The string KEY of OBJ, with its length in *LEN; NULL if it is none. */
static const char *string_of(json_t *obj, const char *key, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    *len = json_string_length(v);
    return json_string_value(v);
}

/* Replace OBJ's "body", S (N bytes), with the text of the HTML in it,
 * read as a WordPress post is (ns_html_post_text: a blank line is a
 * paragraph's end too, as in a post_content column); its <h2>-<h6> become
 * the headings unless the record gives its own. */
static void body_html(json_t *obj, const char *s, size_t n)
{
    ns_buf_t text = {0};
    json_t *heads = json_array();
    if (heads && ns_html_post_text(s, n, heads, &text) == 0) {
        json_t *own = json_object_get(obj, "headings");
        if ((!own || json_is_null(own)) && json_array_size(heads))
            json_object_set(obj, "headings", heads);
        json_object_del(obj, "body"); /* S is gone from here */
        if (text.p)
            ns_fields_set(obj, "body", text.p, text.len, 1);
    }
    json_decref(heads);
    ns_buf_free(&text);
}

void ns_fields_cms_record(json_t *obj)
{
    size_t n;
    const char *s = string_of(obj, "body", &n);
    /* The record's own word first: "text" for an article about HTML whose
     * body the rule would take for markup, "html" for markup the rule
     * would not (a <br> alone). */
    const char *format = json_string_value(json_object_get(obj, "body_format"));
    int html = format && !strcmp(format, "html")   ? 1
               : format && !strcmp(format, "text") ? 0
               : s && ns_html_is_body(s, n);
    if (s && html)
        body_html(obj, s, n);
    /* A body with no HTML keeps its entities as written: "&lt;script&gt;"
     * in a plain body is what the article says (t080). */
    /* A title with an entity and no tag is read as a feed's title is
     * ("Mayor&#8217;s plan", "Q&amp;amp;A" escaped twice); one with a tag
     * stays as written, as "AT&T" does (no entity). */
    json_t *title = json_object_get(obj, "title");
    s = string_of(obj, "title", &n);
    if (s && !ns_html_holds_markup(s, n, 0) && ns_html_holds_markup(s, n, 1)) {
        json_incref(title);
        json_object_del(obj, "title");
        ns_feed_item_text(obj, "title", s, n, NS_MK_MAYBE);
        json_decref(title);
    }
    /* Labels as a CMS keeps them ("Arts &amp; Culture"): their entities. */
    static const char *const labels[] = {"section", "author"};
    for (size_t i = 0; i < 2; i++) {
        s = string_of(obj, labels[i], &n);
        if (s && ns_html_holds_markup(s, n, 1))
            ns_fields_set_label(obj, labels[i], s, n, 1);
    }
}
