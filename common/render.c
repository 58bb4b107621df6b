/* render.c - Search results as JSON, the shape shared by `nsearch --json`,
 * `nsearch --batch` and the socket server. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "ns.h"

/* Copy SNIPPET without the highlight markers (HTML == 0), or HTML-escaped
 * with <mark>...</mark> around the matches (HTML == 1).  The single quote
 * is escaped too: the text is promised ready to put in a page, and a
 * page may put it in an attribute quoted with ' (OWASP's &#x27;). */
static char *snippet_form(const char *snippet, int html)
{
    ns_buf_t out = {0};
    int rc = ns_buf_puts(&out, "");
    for (const char *p = snippet; *p && rc == 0; p++) {
        switch (*p) {
        case '\x01':
            rc = html ? ns_buf_puts(&out, "<mark>") : 0;
            break;
        case '\x02':
            rc = html ? ns_buf_puts(&out, "</mark>") : 0;
            break;
        case '&':
            rc = ns_buf_puts(&out, html ? "&amp;" : "&");
            break;
        case '<':
            rc = ns_buf_puts(&out, html ? "&lt;" : "<");
            break;
        case '>':
            rc = ns_buf_puts(&out, html ? "&gt;" : ">");
            break;
        case '"':
            rc = ns_buf_puts(&out, html ? "&quot;" : "\"");
            break;
        case '\'':
            rc = ns_buf_puts(&out, html ? "&#x27;" : "'");
            break;
        default:
            rc = ns_buf_putc(&out, *p);
        }
    }
    /* JSON cannot hold invalid UTF-8 (jansson's json_string() refuses
     * it, and the key was then left out of the hit): a byte of a
     * character cut in half is read as U+FFFD, as a browser reads it. */
    if (rc == 0 && !ns_utf8_valid(out.p, out.len)) {
        ns_buf_t fixed = {0};
        rc = ns_buf_puts(&fixed, "") < 0 ||
                     ns_utf8_repair(out.p, out.len, &fixed) < 0
                 ? -1
                 : 0;
        ns_buf_free(&out);
        out = fixed;
    }
    if (rc < 0) {
        ns_buf_free(&out);
        return NULL;
    }
    return out.p;
}

static void set_opt(json_t *obj, const char *key, const char *value)
{
    json_object_set_new(obj, key, value ? json_string(value) : json_null());
}

/* Scores are rounded to 4 decimals: more digits are noise to a reader and
 * make outputs of two runs differ for no reason. */
static double round4(double x)
{
    return round(x * 10000.0) / 10000.0;
}

/* {"exact", "counted", "counts", "unavailable"?, "section": [{"value",
 * "count"}], ..., "left_out"?: {"month": {"values", "count"}}}: every
 * facet listed has its key, in the order of ns_facet_t; one asked for and
 * not counted (the author facet of an index built before it) has none,
 * and "unavailable" says why, as it does when none is; "left_out" is
 * there only when a listing was cut, with a key per facet cut.  "counts" says what a count counts, as the total does:
 * "stories" when collapsing, "articles" otherwise. */
static json_t *facets_json(const ns_results_t *res)
{
    json_t *f = json_object();
    json_object_set_new(f, "exact", json_boolean(ns_results_facets_exact(res)));
    json_object_set_new(
        f, "counted", json_integer((json_int_t)ns_results_facets_counted(res)));
    json_object_set_new(
        f, "counts",
        json_string(ns_results_facets_collapsed(res) ? "stories" : "articles"));
    const char *why = ns_results_facets_unavailable(res);
    if (why) {
        json_object_set_new(f, "unavailable", json_string(why));
        return f;
    }
    json_t *left = NULL;
    for (unsigned i = 0; i < NS_FACET_KINDS; i++) {
        if (!(ns_results_facets_asked(res) & (1u << i)))
            continue;
        if (ns_results_facet_unavailable(res, i)) {
            json_object_set_new(f, "unavailable",
                                json_string(ns_results_facet_unavailable(res, i)));
            continue;
        }
        json_t *list = json_array();
        for (size_t k = 0; k < ns_results_facet_count(res, i); k++) {
            const ns_facet_value_t *v = ns_results_facet(res, i, k);
            json_array_append_new(list,
                                  json_pack("{s:s,s:I}", "value", v->value,
                                            "count", (json_int_t)v->count));
        }
        json_object_set_new(f, ns_facet_name(i), list);
        uint64_t count;
        size_t n = ns_results_facet_left_out(res, i, &count);
        if (!n)
            continue;
        if (!left)
            left = json_object();
        json_object_set_new(left, ns_facet_name(i),
                            json_pack("{s:I,s:I}", "values", (json_int_t)n,
                                      "count", (json_int_t)count));
    }
    if (left)
        json_object_set_new(f, "left_out", left);
    return f;
}

/* ART's tags as a list, [] when it has none: as /v1/articles/{id} lists
 * them, so a topic page or sidebar labels its hits without fetching each.
 * The hit's article is decoded whole already, so this costs only the
 * bytes of the answer. */
static json_t *tags_json(const ns_article_t *art)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < art->n_tags; i++)
        json_array_append_new(list, json_string(art->tags[i]));
    return list;
}

char *ns_results_to_json(const ns_results_t *res, const char *query,
                         const char *qid)
{
    json_t *root = json_object();
    json_t *hits = json_array();
    if (!root || !hits) {
        json_decref(root);
        json_decref(hits);
        return NULL;
    }
    if (qid)
        json_object_set_new(root, "qid", json_string(qid));
    json_object_set_new(root, "query", json_string(query ? query : ""));
    json_object_set_new(root, "total",
                        json_integer((json_int_t)ns_results_total(res)));
    /* Related posts alone (QUERY NULL): no search ran, and a total of 0
     * is exact. */
    json_object_set_new(root, "total_exact",
                        json_boolean(!query || ns_results_total_exact(res)));
    json_object_set_new(root, "offset", json_integer(ns_results_offset(res)));
    json_object_set_new(root, "limit", json_integer(ns_results_limit(res)));
    json_object_set_new(root, "has_more",
                        json_boolean(ns_results_has_more(res)));
    json_object_set_new(root, "took_ms",
                        json_real(round4(ns_results_took_ms(res))));
    set_opt(root, "suggestion", ns_results_suggestion(res));
    json_object_set_new(root, "suggestion_used",
                        json_boolean(ns_results_suggestion_used(res)));
    for (size_t i = 0; i < ns_results_count(res); i++) {
        const ns_hit_t *h = ns_results_hit(res, i);
        const ns_article_t *a = h->art;
        json_t *o = json_object();
        json_object_set_new(o, "rank", json_integer(h->rank));
        json_object_set_new(o, "id", json_string(a->id));
        json_object_set_new(o, "title", json_string(a->title));
        char *title = snippet_form(
            h->title_marked && *h->title_marked ? h->title_marked : a->title,
            1);
        json_object_set_new(o, "title_html", json_string(title ? title : ""));
        free(title);
        set_opt(o, "date", a->date);
        set_opt(o, "updated", a->updated);
        set_opt(o, "section", a->section);
        set_opt(o, "author", a->author);
        set_opt(o, "lang", a->lang);
        set_opt(o, "url", a->url);
        if (a->source) /* absent, not null: a file's article alone has one */
            json_object_set_new(o, "source", json_string(a->source));
        json_object_set_new(o, "tags", tags_json(a));
        json_object_set_new(o, "score", json_real(round4(h->score)));
        char *plain = snippet_form(h->snippet, 0);
        char *html = snippet_form(h->snippet, 1);
        json_object_set_new(o, "snippet", json_string(plain ? plain : ""));
        json_object_set_new(o, "snippet_html", json_string(html ? html : ""));
        json_t *also = json_array();
        for (size_t k = 0; k < h->n_also; k++)
            json_array_append_new(also, json_string(h->also[k]));
        json_object_set_new(o, "also", also);
        if (h->also_total > h->n_also)
            json_object_set_new(o, "also_total",
                                json_integer((json_int_t)h->also_total));
        free(plain);
        free(html);
        json_array_append_new(hits, o);
    }
    json_object_set_new(root, "hits", hits);
    if (ns_results_has_facets(res))
        json_object_set_new(root, "facets", facets_json(res));
    json_t *related = json_array();
    for (size_t i = 0; i < ns_results_related_count(res); i++) {
        const ns_related_t *r = ns_results_related(res, i);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(r->art->id));
        json_object_set_new(o, "title", json_string(r->art->title));
        set_opt(o, "date", r->art->date);
        set_opt(o, "section", r->art->section);
        set_opt(o, "url", r->art->url);
        if (r->art->source)
            json_object_set_new(o, "source", json_string(r->art->source));
        json_object_set_new(o, "tags", tags_json(r->art));
        json_object_set_new(o, "age", json_string(r->age));
        json_array_append_new(related, o);
    }
    json_object_set_new(root, "related", related);
    if (ns_results_timed_out(res))
        json_object_set_new(root, "timed_out", json_true());
    if (ns_results_missing_count(res)) {
        /* A cluster answered without these shards (README "Scaling"). */
        json_t *missing = json_array();
        for (size_t i = 0; i < ns_results_missing_count(res); i++)
            json_array_append_new(missing,
                                  json_integer(ns_results_missing(res, i)));
        json_object_set_new(root, "partial", json_true());
        json_object_set_new(root, "missing_shards", missing);
    }
    if (ns_results_warning(res))
        json_object_set_new(root, "warning",
                            json_string(ns_results_warning(res)));
    char *text = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(10));
    json_decref(root);
    return text;
}
