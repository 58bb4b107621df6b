/* metrics.c - GET /metrics: nsearchd's counters in the Prometheus text
 * exposition format (version 0.0.4), for a monitoring system to scrape.
 *
 * Counters only ever grow while the process lives (Prometheus handles a
 * restart).  The request being answered is not in its own scrape: it is
 * counted when it ends.  Everything is read without locks, from atomics,
 * so a scrape may see one request in the histogram and not yet in the
 * totals; each counter on its own is exact. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

static const char *const ROUTE_NAMES[NS_HTTP_N_ROUTES] = {
    "search", "article", "related", "health", "stats", "metrics", "other"};

/* Append the printf-style text to B; sets *failed on allocation failure. */
static void put(ns_buf_t *b, int *failed, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void put(ns_buf_t *b, int *failed, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof line ||
        ns_buf_append(b, line, (size_t)n) < 0)
        *failed = 1;
}

/* The "# HELP" and "# TYPE" lines of one metric. */
static void family(ns_buf_t *b, int *failed, const char *name, const char *type,
                   const char *help)
{
    put(b, failed, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* The generation number of NAME ("gen-000007" is 7), or 0. */
static long generation_number(const char *name)
{
    return strncmp(name, "gen-", 4) == 0 ? strtol(name + 4, NULL, 10) : 0;
}

/* nsearchd_requests_total{route, status}: every slot that is not 0. */
static void requests(ns_buf_t *b, int *failed, ns_http_stats_t *st)
{
    static const unsigned known[] = NS_HTTP_STATUSES;
    const unsigned n_known = sizeof known / sizeof *known;
    family(b, failed, "nsearchd_requests_total", "counter",
           "Requests ended, by route and HTTP status (\"none\": ended "
           "without an answer, e.g. the client went away).");
    for (unsigned r = 0; r < NS_HTTP_N_ROUTES; r++)
        for (unsigned s = 0; s < NS_HTTP_N_STATUSES; s++) {
            uint_fast64_t v = atomic_load(&st->ended[r][s]);
            if (!v)
                continue;
            char status[16];
            if (s < n_known)
                snprintf(status, sizeof status, "%u", known[s]);
            else
                snprintf(status, sizeof status, "%s",
                         s == n_known ? "other" : "none");
            put(b, failed,
                "nsearchd_requests_total{route=\"%s\",status=\"%s\"} "
                "%llu\n",
                ROUTE_NAMES[r], status, (unsigned long long)v);
        }
}

/* nsearchd_request_duration_seconds: the histogram. */
static void latency(ns_buf_t *b, int *failed, ns_http_stats_t *st)
{
    static const double bounds[] = NS_HTTP_BUCKETS;
    family(b, failed, "nsearchd_request_duration_seconds", "histogram",
           "Time from the request line to the end of the answer, for "
           "answered requests.");
    unsigned long long cumulative = 0;
    for (unsigned i = 0; i < NS_HTTP_N_BUCKETS; i++) {
        cumulative += atomic_load(&st->buckets[i]);
        if (i < NS_HTTP_N_BUCKETS - 1)
            put(b, failed,
                "nsearchd_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                bounds[i], cumulative);
        else
            put(b, failed,
                "nsearchd_request_duration_seconds_bucket{le=\"+Inf\"} "
                "%llu\n",
                cumulative);
    }
    put(b, failed, "nsearchd_request_duration_seconds_sum %.6f\n",
        (double)atomic_load(&st->latency_us) / 1e6);
    put(b, failed, "nsearchd_request_duration_seconds_count %llu\n",
        cumulative);
}

/* The index as the calling worker sees it. */
static void index_facts(ns_buf_t *b, int *failed, ns_http_server_t *srv)
{
    ns_index_info_t info;
    int have = ns_http_worker_info(srv, &info);
    family(b, failed, "nsearchd_index_up", "gauge",
           "1 when the index can be opened, 0 when there is none.");
    put(b, failed, "nsearchd_index_up %d\n", have);
    if (!have)
        return;
    family(b, failed, "nsearchd_index_articles", "gauge",
           "Articles in the index.");
    put(b, failed, "nsearchd_index_articles %llu\n",
        (unsigned long long)info.articles);
    family(b, failed, "nsearchd_index_generation", "gauge",
           "Number of the live generation (gen-000007 is 7; 0 for a plain "
           "database).");
    put(b, failed, "nsearchd_index_generation %ld\n",
        generation_number(info.generation));
    family(b, failed, "nsearchd_index_built_timestamp_seconds", "gauge",
           "When the live generation was last written, epoch seconds.");
    put(b, failed, "nsearchd_index_built_timestamp_seconds %lld\n",
        (long long)info.built);
    family(b, failed, "nsearchd_index_synonym_groups", "gauge",
           "Groups of the synonyms file in use (0 without one).");
    put(b, failed, "nsearchd_index_synonym_groups %llu\n",
        (unsigned long long)info.synonym_groups);
}

/* The guard's own counts (guard.c).  A connection refused at accept is
 * answered before libmicrohttpd has a request of it, and a client that
 * closes at once never becomes one: only these count every refusal. */
static void guard_counts(ns_buf_t *b, int *failed, ns_http_server_t *srv)
{
    family(b, failed, "nsearchd_connections_refused_total", "counter",
           "Connections answered at accept and closed: 503 past "
           "--max-connections (overloaded), 403 for a uid not allowed.");
    put(b, failed,
        "nsearchd_connections_refused_total{reason=\"overloaded\"} %llu\n",
        (unsigned long long)atomic_load(&srv->refused_full));
    put(b, failed,
        "nsearchd_connections_refused_total{reason=\"forbidden\"} %llu\n",
        (unsigned long long)atomic_load(&srv->refused_uid));
    family(b, failed, "nsearchd_header_timeouts_total", "counter",
           "Connections closed because the request (head or body) came "
           "too late.");
    put(b, failed, "nsearchd_header_timeouts_total %llu\n",
        (unsigned long long)atomic_load(&srv->header_timeouts));
    family(b, failed, "nsearchd_searches_timed_out_total", "counter",
           "Searches stopped at --request-timeout: pages answered 503, "
           "counts answered with an estimate.");
    put(b, failed, "nsearchd_searches_timed_out_total %llu\n",
        (unsigned long long)atomic_load(&srv->timed_out));
}

char *ns_http_metrics_text(ns_http_server_t *srv)
{
    ns_http_stats_t *st = &srv->stats;
    ns_buf_t b = {0};
    int failed = 0;
    requests(&b, &failed, st);
    family(&b, &failed, "nsearchd_errors_total", "counter",
           "Requests that ended with a 4xx or 5xx answer, or none.");
    put(&b, &failed, "nsearchd_errors_total %llu\n",
        (unsigned long long)atomic_load(&st->errors));
    latency(&b, &failed, st);
    family(&b, &failed, "nsearchd_requests_in_flight", "gauge",
           "Requests whose headers are in and which have not ended.");
    put(&b, &failed, "nsearchd_requests_in_flight %u\n",
        atomic_load(&srv->in_flight));
    family(&b, &failed, "nsearchd_connections", "gauge",
           "Connections open now.");
    put(&b, &failed, "nsearchd_connections %u\n",
        atomic_load(&srv->connections));
    guard_counts(&b, &failed, srv);
    index_facts(&b, &failed, srv);
    family(&b, &failed, "nsearchd_index_last_reload_timestamp_seconds", "gauge",
           "When a worker last opened the index or found a new version of "
           "it, epoch seconds (0: never).");
    put(&b, &failed, "nsearchd_index_last_reload_timestamp_seconds %lld\n",
        (long long)atomic_load(&st->last_reload));
    family(&b, &failed, "nsearchd_reloads_total", "counter",
           "Reopenings asked for with SIGHUP.");
    put(&b, &failed, "nsearchd_reloads_total %u\n",
        atomic_load(&srv->generation));
    family(&b, &failed, "nsearchd_uptime_seconds", "gauge",
           "Seconds since nsearchd started.");
    put(&b, &failed, "nsearchd_uptime_seconds %.3f\n",
        ns_monotonic_s() - srv->started);
    family(&b, &failed, "nsearchd_threads", "gauge", "Worker threads.");
    put(&b, &failed, "nsearchd_threads %u\n", srv->cfg->threads);
    if (failed) {
        ns_buf_free(&b);
        return NULL;
    }
    return b.p;
}
