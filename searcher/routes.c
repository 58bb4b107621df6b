/* routes.c - nsearchd's endpoints, one function each (GET; HEAD is
 * answered alike by libmicrohttpd, without the body, but for a search or
 * related posts, whose HEAD runs none: see ns_http_reply_head()):
 *
 *   /v1/search?q=&limit=&offset=&sort=&section=&lang=&tag=&author=&from=&to=
 *              &related=&now=&recent_days=&collapse=&half_life=&facets=
 *              &suggest=&partial=
 *   /v1/articles/{id}   /v1/related/{id}?related=&now=&recent_days=
 *   /health             /v1/stats           /metrics
 *
 * Each reads its parameters (params.c), takes the worker's index handle
 * (workers.c), calls libns and answers (reply.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server.h"

/* Get the worker's index, or answer 503 (or 500 when out of memory). */
static ns_index_t *index_or_reply(ns_http_call_t *c, enum MHD_Result *ret)
{
    char err[512];
    ns_index_t *idx;
    ns_status_t st = ns_http_worker_index(c->srv, &idx, err, sizeof err);
    if (st == NS_STATUS_OK)
        return idx;
    if (st == NS_STATUS_NOMEM)
        *ret = ns_http_reply(c, 500, NULL);
    else if (st == NS_STATUS_SHARDS_DOWN)
        /* As a worker whose open handle finds the same shards down says
         * (ns_http_reply_status()): one answer for one cluster state. */
        *ret = ns_http_reply_error(c, 503, "shards_down", "%s", err);
    else
        *ret = ns_http_reply_error(c, 503, "no_index", "%s", err);
    return NULL;
}

/* Answer a results object: a search, or related posts alone (QUERY
 * NULL, see ns_results_to_json()). */
/* Said where paging stops: past NS_HTTP_MAX_OFFSET hits no page is served. */
static const char OFFSET_CAP[] =
    " (pages past 10,000 hits are not served: narrow the query, by a "
    "date range for one, or use nsearch --offset)";

/* ROOT's has_more for a page of LIMIT hits at OFFSET: false where no next
 * page can be asked for, past the offset cap (with a warning that says
 * what to do) or after a count alone (limit=0, whose offset += limit
 * would ask for the same count for ever). */
static void page_end(json_t *root, long offset, long limit)
{
    json_t *more = json_object_get(root, "has_more");
    if (!json_is_true(more))
        return;
    if (limit > 0 && offset + limit <= NS_HTTP_MAX_OFFSET)
        return;
    json_object_set_new(root, "has_more", json_false());
    if (limit == 0)
        return;
    const char *was = json_string_value(json_object_get(root, "warning"));
    char why[512];
    /* OFFSET_CAP is the 400's bracketed reason; here it is the sentence. */
    snprintf(why, sizeof why, "%s%sthere are more hits, but %.*s", was ? was : "",
             was ? "; " : "", (int)sizeof OFFSET_CAP - 4, OFFSET_CAP + 2);
    json_object_set_new(root, "warning", json_string(why));
}

/* Said when half_life is given without sort=recent, the order it tunes. */
static const char HALF_LIFE_IDLE[] =
    "half_life is read with sort=recent only; it was ignored: add sort=recent";

/* ROOT with WHY after its warning, if any. */
static void add_warning(json_t *root, const char *why)
{
    const char *was = json_string_value(json_object_get(root, "warning"));
    char text[1024];
    snprintf(text, sizeof text, "%s%s%s", was ? was : "", was ? "; " : "",
             why);
    json_object_set_new(root, "warning", json_string(text));
}

static enum MHD_Result reply_results(ns_http_call_t *c, ns_results_t *res,
                                     const char *query,
                                     const ns_http_filters_t *filters,
                                     long offset, long limit, const char *why)
{
    char *text = ns_results_to_json(res, query, NULL);
    ns_results_free(res);
    if (text && filters) {
        /* The filters as the client gave them, beside its q. */
        json_t *root = json_loads(text, 0, NULL);
        json_t *f = ns_http_filters_json(filters);
        free(text);
        text = NULL;
        if (root && why)
            add_warning(root, why);
        if (root)
            page_end(root, offset, limit);
        if (root && f && json_object_set_new(root, "filters", f) == 0) {
            f = NULL;
            /* As ns_results_to_json() wrote it: %.17g would print its
             * rounded scores and took_ms as 2.7210999999999999. */
            text = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(10));
        }
        json_decref(f);
        json_decref(root);
    }
    return ns_http_reply(c, 200, ns_http_json_body_text(text));
}

/* Said when limit is out of range: a client asking for 1000 learns why. */
static const char LIMIT_CAP[] = " (the most hits a page can have)";

/* Parameter "recent_days": the window of related posts before now, as
 * nsearch --recent-days (30; 0: no window, so that an archive without
 * dates has related posts too). */
static int arg_recent_days(ns_http_call_t *c, long *out, enum MHD_Result *ret)
{
    return ns_http_arg_long(c, "recent_days", 0, NS_HTTP_MAX_RECENT_DAYS, 30,
                            " (days; 0 for no window)", out, ret);
}

static enum MHD_Result get_search(ns_http_call_t *c)
{
    enum MHD_Result ret;
    long limit, offset, rel, recent, collapse, half_life, suggest, partial;
    long snippet_len;
    int64_t now;
    if (ns_http_arg_long(c, "limit", 0, NS_HTTP_MAX_LIMIT, 10, LIMIT_CAP,
                         &limit, &ret) < 0 ||
        ns_http_arg_long(c, "snippet_len", 0, NS_HTTP_MAX_SNIPPET, 200,
                         " (bytes; 0 for no snippet)", &snippet_len,
                         &ret) < 0 ||
        ns_http_arg_long(c, "offset", 0, NS_HTTP_MAX_OFFSET, 0, OFFSET_CAP,
                         &offset, &ret) < 0 ||
        ns_http_arg_long(c, "related", 0, NS_HTTP_MAX_RELATED, 5, "", &rel,
                         &ret) < 0 ||
        arg_recent_days(c, &recent, &ret) < 0 ||
        ns_http_arg_long(c, "collapse", 0, 1, 1, "", &collapse, &ret) < 0 ||
        ns_http_arg_long(c, "half_life", 1, NS_HTTP_MAX_HALF_LIFE, 30,
                         " (days)", &half_life, &ret) < 0 ||
        ns_http_arg_long(c, "suggest", 0, 1, 1, "", &suggest, &ret) < 0 ||
        ns_http_arg_long(c, "partial", 0, 1, 0, "", &partial, &ret) < 0 ||
        ns_http_arg_now(c, &now, &ret) < 0)
        return ret;

    ns_sort_t sort = NS_SORT_RELEVANCE;
    const char *s = ns_http_arg(c, "sort");
    if (s && strcmp(s, "date") == 0)
        sort = NS_SORT_DATE;
    else if (s && strcmp(s, "recent") == 0)
        sort = NS_SORT_RECENT;
    else if (s && strcmp(s, "oldest") == 0)
        sort = NS_SORT_OLDEST;
    else if (s && strcmp(s, "relevance") != 0)
        return ns_http_reply_error(
            c, 400, "bad_parameter",
            "sort must be relevance, date, oldest or recent, not '%s'",
            ns_http_shown(s));
    unsigned facets = 0;
    const char *fl = ns_http_arg(c, "facets");
    if (fl && ns_facets_parse(fl, &facets) < 0)
        return ns_http_reply_error(
            c, 400, "bad_parameter",
            "facets must be names from section, decade, year, month, lang, "
            "tag, author and all, separated by commas, not '%s'",
            ns_http_shown(fl));

    const char *q = ns_http_arg(c, "q");
    if (q && strlen(q) > NS_HTTP_MAX_QUERY)
        return ns_http_reply_error(c, 414, "too_large",
                                   "q is longer than %d bytes",
                                   NS_HTTP_MAX_QUERY);
    /* A control character is no part of a query (an escape sequence,
     * U+0085): refused, as in the path and in section and tag, and as
     * nsearch refuses it, rather than searched or echoed back.  A tab, a
     * line feed or a carriage return is a space: a quote pasted from a
     * text box of several lines has them between its words. */
    char blanked[NS_HTTP_MAX_QUERY + 1];
    if (q) {
        memcpy(blanked, q, strlen(q) + 1);
        ns_query_blanks(blanked);
        q = blanked;
    }
    long control = q ? ns_control_char(q, strlen(q)) : -1;
    if (control >= 0)
        return ns_http_reply_error(c, 400, "bad_parameter",
                                   "q contains the control character U+%04lX",
                                   control);
    ns_http_filters_t filters;
    if (ns_http_arg_filters(c, &filters, &ret) < 0)
        return ret;

    ns_search_opts_t so;
    ns_search_opts_init(&so);
    ns_http_filters_apply(q, &filters, &so);
    ns_index_t *idx = index_or_reply(c, &ret);
    if (!idx || ns_http_not_modified(c, idx, &ret))
        return ret;
    if (c->head)
        return ns_http_reply_head(c);
    so.limit = (unsigned)limit;
    so.offset = (unsigned)offset;
    so.sort = sort;
    so.related = (unsigned)rel;
    so.recent_days = (unsigned)recent;
    so.collapse = (int)collapse;
    so.half_life_days = (unsigned)half_life;
    so.suggest = (int)suggest;
    so.partial = (int)partial;
    so.snippet_len = (unsigned)snippet_len;
    so.facets = facets;
    so.now = now;
    so.time_limit_ms = c->srv->cfg->request_timeout_ms;
    ns_results_t *res;
    ns_status_t st = ns_http_index_call(c->srv, idx, NS_HTTP_OP_SEARCH, NULL,
                                        &so, &res, NULL);
    if (st == NS_STATUS_OK && ns_results_timed_out(res))
        atomic_fetch_add(&c->srv->timed_out, 1);
    if (st != NS_STATUS_OK) {
        ret = ns_http_reply_status(c, idx, st, "search");
    } else if (ns_results_timed_out(res) && limit > 0) {
        /* A page of whatever was found in time would look like the
         * answer; say that it is not.  A count (limit=0) has no page: past
         * the budget its total is an estimate, and says so (total_exact
         * false), as past its 25,000 candidates. */
        ns_results_free(res);
        ret = ns_http_reply_error(
            c, 503, "timeout",
            "the search took longer than %u ms and was stopped; "
            "try a narrower query",
            c->srv->cfg->request_timeout_ms);
    } else {
        /* A count cut short is an estimate that depends on the load, not
         * on the index alone: no ETag, not to be kept. */
        if (ns_results_timed_out(res))
            c->etag[0] = '\0';
        ret = reply_results(c, res, so.query, &filters, offset, limit,
                            ns_http_arg(c, "half_life") &&
                                    sort != NS_SORT_RECENT
                                ? HALF_LIFE_IDLE
                                : NULL);
    }
    return ret;
}

/* The worker's index for a request about article ID, or NULL after
 * answering: 404 for an id too long to have been indexed (ns.h; Xapian
 * would refuse it as a term), 503 without an index. */
static ns_index_t *index_for_id(ns_http_call_t *c, const char *id,
                                enum MHD_Result *ret)
{
    if (strlen(id) > NS_MAX_ID) {
        *ret = ns_http_reply_error(
            c, 404, "not_found", "no article with id '%s'", ns_http_shown(id));
        return NULL;
    }
    return index_or_reply(c, ret);
}

/* A cluster's "no article with id ID" when the shard ID hashes to
 * (ns_shard_of, as nindex --shard placed it) is down: not known to be
 * gone, so 503 rather than the 404 that tells caches and crawlers it was
 * deleted.  Returns 1 after answering. */
static int shard_of_id_down(ns_http_call_t *c, ns_index_t *idx, const char *id,
                            enum MHD_Result *ret)
{
    size_t n = ns_index_shard_count(idx);
    ns_shard_info_t si;
    unsigned s = n ? ns_shard_of(id, strlen(id), (unsigned)n) : 0;
    if (!n || ns_index_shard_info(idx, s, &si) != NS_STATUS_OK || si.up)
        return 0;
    *ret = ns_http_reply_error(c, 503, "shards_down",
                               "shard %u of the cluster, which holds article "
                               "'%s', is down",
                               s, ns_http_shown(id));
    return 1;
}

static enum MHD_Result get_article(ns_http_call_t *c, const char *id)
{
    enum MHD_Result ret;
    ns_index_t *idx = index_for_id(c, id, &ret);
    if (!idx)
        return ret;
    ns_article_t art;
    ns_status_t st =
        ns_http_index_call(c->srv, idx, NS_HTTP_OP_GET, id, NULL, NULL, &art);
    if (st != NS_STATUS_OK) {
        ns_article_clear(&art);
        if (st == NS_STATUS_NOT_FOUND && shard_of_id_down(c, idx, id, &ret))
            return ret;
        return ns_http_reply_status(c, idx, st, "article lookup");
    }
    /* After the lookup, which is cheap: an id no article has is 404
     * whatever tag the client holds. */
    if (ns_http_not_modified(c, idx, &ret)) {
        ns_article_clear(&art);
        return ret;
    }
    char *body = ns_http_json_body_text(ns_article_to_json(&art));
    ns_article_clear(&art);
    return ns_http_reply(c, 200, body);
}

static enum MHD_Result get_related(ns_http_call_t *c, const char *id)
{
    enum MHD_Result ret;
    long rel, recent;
    int64_t now;
    if (ns_http_arg_long(c, "related", 0, NS_HTTP_MAX_RELATED, 5, "", &rel,
                         &ret) < 0 ||
        arg_recent_days(c, &recent, &ret) < 0)
        return ret;
    if (ns_http_arg_now(c, &now, &ret) < 0)
        return ret;
    ns_index_t *idx = index_for_id(c, id, &ret);
    if (!idx || ns_http_not_modified(c, idx, &ret))
        return ret;
    ns_status_t st;
    if (c->head) {
        /* The lookup, which is cheap, gives the GET's 404; the list is
         * not made. */
        ns_article_t art;
        st = ns_http_index_call(c->srv, idx, NS_HTTP_OP_GET, id, NULL, NULL,
                                &art);
        ns_article_clear(&art);
        if (st == NS_STATUS_OK)
            return ns_http_reply_head(c);
        if (st == NS_STATUS_NOT_FOUND && shard_of_id_down(c, idx, id, &ret))
            return ret;
        return ns_http_reply_status(c, idx, st, "related posts");
    }
    ns_search_opts_t so;
    ns_search_opts_init(&so);
    so.related = (unsigned)rel;
    so.recent_days = (unsigned)recent;
    so.now = now;
    ns_results_t *res;
    st = ns_http_index_call(c->srv, idx, NS_HTTP_OP_RELATED, id, &so, &res,
                            NULL);
    if (st != NS_STATUS_OK) {
        if (st == NS_STATUS_NOT_FOUND && shard_of_id_down(c, idx, id, &ret))
            return ret;
        return ns_http_reply_status(c, idx, st, "related posts");
    }
    return reply_results(c, res, NULL, NULL, 0, 1, NULL);
}

static enum MHD_Result get_health(ns_http_call_t *c)
{
    enum MHD_Result ret;
    ns_index_t *idx = index_or_reply(c, &ret);
    if (!idx)
        return ret;
    uint64_t n;
    ns_status_t st = ns_index_count(idx, &n);
    if (st != NS_STATUS_OK)
        return ns_http_reply_error(c, 503, "no_index",
                                   "cannot count articles: %s",
                                   ns_index_last_error(idx));
    /* A cluster with shards down still answers, from the others:
     * "partial", and each shard; 503 only when none is left. */
    size_t down = 0;
    json_t *shards = ns_http_shards_json(idx, &down);
    if (shards && down == json_array_size(shards)) {
        json_decref(shards);
        return ns_http_reply_error(c, 503, "shards_down",
                                   "no shard of the cluster can be reached");
    }
    json_t *o = json_pack("{s:s,s:I}", "status", down ? "partial" : "ok",
                          "articles", (json_int_t)n);
    if (shards)
        json_object_set_new(o, "shards", shards);
    char *body = ns_http_json_body(o);
    json_decref(o);
    return ns_http_reply(c, 200, body);
}

/* The counters, latencies and the index: see ns_http_stats_json(). */
static enum MHD_Result get_stats(ns_http_call_t *c)
{
    return ns_http_reply(c, 200, ns_http_stats_json(c->srv));
}

/* The Prometheus text format: see ns_http_metrics_text(). */
static enum MHD_Result get_metrics(ns_http_call_t *c)
{
    return ns_http_reply_typed(c, 200, ns_http_metrics_text(c->srv),
                               "text/plain; version=0.0.4; charset=utf-8");
}

/* Does PATH start with PREFIX and go on with something?  Returns the rest
 * or NULL. */
static const char *after_prefix(const char *path, const char *prefix)
{
    size_t len = strlen(prefix);
    return strncmp(path, prefix, len) == 0 && path[len] ? path + len : NULL;
}

/* The length of TARGET's "scheme://authority" when it is in the
 * absolute-form, else 0.  RFC 7230 5.3.2: a server MUST accept
 * "http://host/v1/search" (a proxy sends it, and so may any client);
 * libmicrohttpd passes it on as it came.  Only http and https, in any
 * case (RFC 3986 3.1); the authority ends at the first '/', '?' or '#'
 * (RFC 3986 3.2). */
static size_t authority_len(const char *target)
{
    size_t n = 0;
    if (strncasecmp(target, "http://", 7) == 0)
        n = 7;
    else if (strncasecmp(target, "https://", 8) == 0)
        n = 8;
    return n ? n + strcspn(target + n, "/?#") : 0;
}

const char *ns_http_origin_form(const char *target)
{
    size_t n = authority_len(target);
    /* An empty path is "/" (RFC 7230 5.3.1). */
    return n && !target[n] ? "/" : target + n;
}

enum ns_http_route_id ns_http_route_of(const char *path)
{
    path = ns_http_origin_form(path);
    if (strcmp(path, "/v1/search") == 0)
        return NS_HTTP_ROUTE_SEARCH;
    if (after_prefix(path, "/v1/articles/"))
        return NS_HTTP_ROUTE_ARTICLE;
    if (after_prefix(path, "/v1/related/"))
        return NS_HTTP_ROUTE_RELATED;
    if (strcmp(path, "/health") == 0)
        return NS_HTTP_ROUTE_HEALTH;
    if (strcmp(path, "/v1/stats") == 0)
        return NS_HTTP_ROUTE_STATS;
    if (strcmp(path, "/metrics") == 0)
        return NS_HTTP_ROUTE_METRICS;
    return NS_HTTP_ROUTE_OTHER;
}

enum ns_http_route_id ns_http_route_of_raw(const char *uri, size_t len)
{
    /* Enough of a path to tell the routes apart: a longer one is an
     * article's or a related list's, or no route.  An absolute-form
     * target's authority is skipped before it is cut. */
    size_t skip = authority_len(uri);
    if (skip > len)
        skip = len;
    uri += skip;
    len -= skip;
    char path[256];
    size_t n = 0;
    while (n < len && n < sizeof path - 1 && uri[n] != '?')
        n++;
    memcpy(path, uri, n);
    path[n] = '\0';
    MHD_http_unescape(path);
    return ns_http_route_of(path);
}

enum MHD_Result ns_http_route(ns_http_call_t *c)
{
    const char *p = ns_http_origin_form(c->path);
    switch (ns_http_route_of(p)) {
    case NS_HTTP_ROUTE_SEARCH:
        return get_search(c);
    case NS_HTTP_ROUTE_ARTICLE:
        return get_article(c, p + strlen("/v1/articles/"));
    case NS_HTTP_ROUTE_RELATED:
        return get_related(c, p + strlen("/v1/related/"));
    case NS_HTTP_ROUTE_HEALTH:
        return get_health(c);
    case NS_HTTP_ROUTE_STATS:
        return get_stats(c);
    case NS_HTTP_ROUTE_METRICS:
        return get_metrics(c);
    default:
        return ns_http_reply_error(c, 404, "not_found", "no such endpoint '%s'",
                                   ns_http_shown(p));
    }
}
