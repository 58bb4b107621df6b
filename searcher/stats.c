/* stats.c - nsearchd's statistics: requests and errors counted, and the
 * latencies of the last NS_HTTP_LATENCY_WINDOW answered requests, for
 * /v1/stats. */

/* realpath() is an XSI function, hidden by -D_POSIX_C_SOURCE=200809L
 * alone; it must be requested before the first include. */
#define _XOPEN_SOURCE 700

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

void ns_http_stats_init(ns_http_stats_t *st)
{
    pthread_mutex_init(&st->lock, NULL);
}

void ns_http_stats_destroy(ns_http_stats_t *st)
{
    pthread_mutex_destroy(&st->lock);
}

static void latency_add(ns_http_stats_t *st, double ms)
{
    pthread_mutex_lock(&st->lock);
    st->latency_ms[st->next_latency] = ms;
    st->next_latency = (st->next_latency + 1) % NS_HTTP_LATENCY_WINDOW;
    if (st->n_latency < NS_HTTP_LATENCY_WINDOW)
        st->n_latency++;
    pthread_mutex_unlock(&st->lock);
}

/* The slot of STATUS in ns_http_stats_t.ended. */
static unsigned status_slot(unsigned status)
{
    static const unsigned known[] = NS_HTTP_STATUSES;
    const unsigned n = sizeof known / sizeof *known;
    if (status == 0)
        return n + 1;
    for (unsigned i = 0; i < n; i++)
        if (known[i] == status)
            return i;
    return n;
}

void ns_http_stats_end(ns_http_stats_t *st, enum ns_http_route_id route,
                       unsigned status, int completed, double ms)
{
    static const double bounds[] = NS_HTTP_BUCKETS;
    atomic_fetch_add(&st->requests, 1);
    if (status >= 400 || !completed)
        atomic_fetch_add(&st->errors, 1);
    if ((unsigned)route >= NS_HTTP_N_ROUTES)
        route = NS_HTTP_ROUTE_OTHER;
    atomic_fetch_add(&st->ended[route][status_slot(completed ? status : 0)], 1);
    if (!status || !completed)
        return;
    latency_add(st, ms);
    unsigned b = 0;
    while (b < NS_HTTP_N_BUCKETS - 1 && ms / 1000.0 > bounds[b])
        b++;
    atomic_fetch_add(&st->buckets[b], 1);
    atomic_fetch_add(&st->latency_us, (uint_fast64_t)(ms * 1000.0 + 0.5));
}

void ns_http_stats_refused(ns_http_stats_t *st, enum ns_http_route_id route,
                           unsigned status)
{
    if ((unsigned)route >= NS_HTTP_N_ROUTES)
        route = NS_HTTP_ROUTE_OTHER;
    atomic_fetch_add(&st->requests, 1);
    atomic_fetch_add(&st->errors, 1);
    atomic_fetch_add(&st->ended[route][status_slot(status)], 1);
}

void ns_http_stats_reloaded(ns_http_stats_t *st)
{
    atomic_store(&st->last_reload, (int_fast64_t)time(NULL));
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Nearest-rank percentiles P50 and P99 of the latency window, in ms
 * (0 when no request has finished yet). */
static void latency_percentiles(ns_http_stats_t *st, double *p50, double *p99)
{
    static __thread double sorted[NS_HTTP_LATENCY_WINDOW];
    pthread_mutex_lock(&st->lock);
    unsigned n = st->n_latency;
    memcpy(sorted, st->latency_ms, n * sizeof *sorted);
    pthread_mutex_unlock(&st->lock);
    *p50 = *p99 = 0;
    if (n == 0)
        return;
    qsort(sorted, n, sizeof *sorted, compare_double);
    /* Nearest rank: the ceil(p * n)-th smallest value. */
    unsigned r50 = (n * 50 + 99) / 100, r99 = (n * 99 + 99) / 100;
    *p50 = sorted[r50 - 1];
    *p99 = sorted[r99 - 1];
}

/* {"articles": N, or null without an index,
 *  "index": {"path": --db, "realpath", "generation": the live generation
 *            ("gen-000007") or null for a plain database, "uuid": the
 *            database's UUID (null for a cluster: see "shards"), "built":
 *            when it was last written, "reloads": SIGHUPs so far,
 *            "synonym_groups": the synonyms' groups in use},
 *  "uptime_s", "requests": ended before this one, as /metrics counts
 *  them (the sum of nsearchd_requests_total), "errors": those of them
 *  that ended with a 4xx or 5xx answer or none,
 *  "latency_ms": {"p50", "p99"} over the last 1024 answered requests,
 *  "threads", "connections": open now, "max_connections",
 *  "guard": {"refused": told 503 at accept, "forbidden": told 403 there,
 *            "header_timeouts": closed for a late request (head or
 *                               body),
 *            "timed_out": searches stopped at --request-timeout, a
 *            page answered 503 or a count estimated}} */
static double round3(double x)
{
    return (double)(int64_t)(x * 1000.0 + 0.5) / 1000.0;
}

json_t *ns_http_shards_json(ns_index_t *idx, size_t *down)
{
    size_t n = ns_index_shard_count(idx);
    if (down)
        *down = 0;
    if (!n)
        return NULL;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        ns_shard_info_t si;
        if (ns_index_shard_info(idx, i, &si) != NS_STATUS_OK)
            continue;
        if (!si.up && down)
            (*down)++;
        /* clang-format off */
        json_array_append_new(a, json_pack(
            "{s:I, s:b, s:s, s:I, s:I, s:s?, s:s?, s:f, s:s?}",
            "shard", (json_int_t)si.shard, "up", si.up,
            "replica", si.replica, "replicas", (json_int_t)si.replicas,
            "articles", (json_int_t)si.articles,
            "generation", *si.generation ? si.generation : NULL,
            "uuid", *si.uuid ? si.uuid : NULL,
            "latency_ms", round3(si.latency_ms),
            "error", *si.error ? si.error : NULL));
        /* clang-format on */
    }
    return a;
}

/* A cluster's spelling copies (README "Scaling"): [{"path", "up",
 * "words", "shard", "exported", "error"}], or NULL when it lists none
 * (and for an ordinary index). */
static json_t *spelling_json(ns_index_t *idx)
{
    size_t n = ns_index_spelling_count(idx);
    if (!n)
        return NULL;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        ns_spelling_info_t si;
        if (ns_index_spelling_info(idx, i, &si) != NS_STATUS_OK)
            continue;
        /* clang-format off */
        json_array_append_new(a, json_pack(
            "{s:s, s:b, s:I, s:s?, s:s?, s:s?}",
            "path", si.path, "up", si.up, "words", (json_int_t)si.words,
            "shard", *si.shard ? si.shard : NULL,
            "exported", *si.exported ? si.exported : NULL,
            "error", *si.error ? si.error : NULL));
        /* clang-format on */
    }
    return a;
}

char *ns_http_stats_json(ns_http_server_t *srv)
{
    ns_index_info_t info;
    int have_info = ns_http_worker_info(srv, &info);
    char built[32];
    if (have_info && info.built)
        ns_date_format(info.built, built, sizeof built);
    char *real = realpath(srv->cfg->db, NULL);
    double p50, p99;
    latency_percentiles(&srv->stats, &p50, &p99);
    /* The UUID of INFO.version ("UUID:REVISION"; "" for a cluster, whose
     * shards say their own). */
    char uuid[40] = "";
    if (have_info)
        snprintf(uuid, sizeof uuid, "%.*s", (int)strcspn(info.version, ":"),
                 info.version);

    /* clang-format off */
    json_t *o = json_pack(
        "{s:o, s:{s:s, s:s?, s:s?, s:s?, s:s?, s:I, s:I, s:s?, s:b},"
        " s:I, s:I, s:I, s:{s:f, s:f}, s:I, s:I, s:I, s:{s:I, s:I, s:I, s:I}}",
        "articles", have_info ? json_integer((json_int_t)info.articles)
                              : json_null(),
        "index",
            "path", srv->cfg->db,
            "realpath", real,
            "generation", have_info && *info.generation ? info.generation
                                                        : NULL,
            "uuid", *uuid ? uuid : NULL,
            "built", have_info && info.built ? built : NULL,
            "reloads", (json_int_t)atomic_load(&srv->generation),
            "synonym_groups", have_info ? (json_int_t)info.synonym_groups : 0,
            "default_lang", have_info ? info.default_lang : NULL,
            "old_times", have_info && info.old_times,
        "uptime_s", (json_int_t)(ns_monotonic_s() - srv->started),
        "requests", (json_int_t)atomic_load(&srv->stats.requests),
        "errors", (json_int_t)atomic_load(&srv->stats.errors),
        "latency_ms", "p50", round3(p50), "p99", round3(p99),
        "threads", (json_int_t)srv->cfg->threads,
        "connections", (json_int_t)atomic_load(&srv->connections),
        "max_connections", (json_int_t)srv->cfg->max_connections,
        "guard",
            "refused", (json_int_t)atomic_load(&srv->refused_full),
            "forbidden", (json_int_t)atomic_load(&srv->refused_uid),
            "header_timeouts", (json_int_t)atomic_load(&srv->header_timeouts),
            "timed_out", (json_int_t)atomic_load(&srv->timed_out));
    /* clang-format on */
    free(real);
    /* A cluster: each shard as the front sees it (README "Scaling"). */
    ns_index_t *idx;
    char err[256];
    json_t *shards =
        o && ns_http_worker_index(srv, &idx, err, sizeof err) == NS_STATUS_OK
            ? ns_http_shards_json(idx, NULL)
            : NULL;
    if (shards)
        json_object_set_new(o, "shards", shards);
    json_t *spelling = shards ? spelling_json(idx) : NULL;
    if (spelling)
        json_object_set_new(o, "spelling", spelling);
    char *body = ns_http_json_body(o);
    json_decref(o);
    return body;
}
