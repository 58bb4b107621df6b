/* server.h - What the files of nsearchd's HTTP side share, private to
 * them (nsearchd.c sees only http.h):
 *
 *   http.c     the libmicrohttpd glue: callbacks, start and stop
 *   routes.c   the routes: one function per endpoint
 *   params.c   query parameters and the search filters, checked
 *   reply.c    JSON answers and errors
 *   workers.c  each worker thread's index handle, kept fresh
 *   stats.c    counters and latencies, for /v1/stats
 *   metrics.c  the same and more for Prometheus, /metrics
 *   guard.c    admission per uid, the request-head deadline
 *   framing.c  request heads libmicrohttpd lets through that a proxy
 *              could read otherwise (request smuggling)
 *   cache.c    ETag, If-None-Match and Cache-Control
 *   cors.c     cross-origin requests (--cors)
 *
 * Threads and freshness are explained at the top of http.c. */
#ifndef NS_SERVER_H
#define NS_SERVER_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "http.h"
#include "ns.h"

/* Requests kept for the latency percentiles of /v1/stats. */
#define NS_HTTP_LATENCY_WINDOW 1024
/* Bytes of the URL kept for the logs. */
#define NS_HTTP_LOG_URI_MAX 200

/* The routes, as counted in the statistics. */
enum ns_http_route_id {
    NS_HTTP_ROUTE_SEARCH,
    NS_HTTP_ROUTE_ARTICLE,
    NS_HTTP_ROUTE_RELATED,
    NS_HTTP_ROUTE_HEALTH,
    NS_HTTP_ROUTE_STATS,
    NS_HTTP_ROUTE_METRICS,
    NS_HTTP_ROUTE_OTHER, /* no such endpoint */
    NS_HTTP_N_ROUTES
};

/* The statuses counted one by one; others are counted as "other", and a
 * request that ended without an answer as "none".  413 is never ours:
 * libmicrohttpd sends it for a Content-Length past 2^64 - 1. */
#define NS_HTTP_STATUSES                                                       \
    {                                                                          \
        200, 204, 304, 400, 403, 404, 405, 413, 414, 431, 500, 503             \
    }
#define NS_HTTP_N_STATUSES (12 + 2)

/* Upper bounds of the latency histogram's buckets, in seconds (the last
 * bucket, +Inf, is implicit). */
#define NS_HTTP_BUCKETS                                                        \
    {                                                                          \
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,    \
            2.5, 5, 10                                                         \
    }
#define NS_HTTP_N_BUCKETS (14 + 1)

/* Counters and latencies (stats.c). */
typedef struct ns_http_stats {
    atomic_uint_fast64_t requests; /* ended since start */
    atomic_uint_fast64_t errors;   /* ended without a 2xx answer */
    /* Requests ended, by route and status slot. */
    atomic_uint_fast64_t ended[NS_HTTP_N_ROUTES][NS_HTTP_N_STATUSES];
    /* Answered requests by latency bucket (not cumulative), and the sum of
     * their latencies in microseconds. */
    atomic_uint_fast64_t buckets[NS_HTTP_N_BUCKETS];
    atomic_uint_fast64_t latency_us;
    /* When a worker last opened the index or found a new version of it,
     * epoch seconds; 0 for never. */
    atomic_int_fast64_t last_reload;
    pthread_mutex_t lock;                      /* guards the three below */
    double latency_ms[NS_HTTP_LATENCY_WINDOW]; /* ring of the last
                                                  requests */
    unsigned n_latency;                        /* entries used */
    unsigned next_latency;                     /* where the next one goes */
} ns_http_stats_t;

/* One connection, from accept to close (its socket_context); on the list
 * srv->conns while open (guard.c).  The fields from prev to waiting are
 * guarded by srv->conn_lock. */
struct ns_http_conn {
    struct ns_http_conn *prev, *next;
    double deadline; /* monotonic seconds by which the request (head and
                        body) must be in, or 0 for none */
    int cut;         /* the guard shut the socket down */
    int waiting;     /* past the deadline, bytes were waiting unread at
                        the guard's last round */
    int admitted;    /* counted against --max-connections and per uid */
    int refused;     /* 403 or 503 answered at accept, else 0 */
    int fd;          /* the socket, or -1 */
    uid_t uid;       /* the peer (SO_PEERCRED), when have_uid */
    int have_uid;
    int allowed; /* the peer passes --allow-uid (or there is none) */
    int fresh;   /* no request has begun on it (counted in srv->fresh) */
};

struct ns_http_server {
    const ns_http_config_t *cfg;
    struct MHD_Daemon *daemon;
    pthread_key_t worker_key; /* -> the worker's index handle (workers.c) */
    int have_key;             /* worker_key was created */
    double started;           /* monotonic seconds */
    atomic_uint generation;   /* bumped by ns_http_reload() */
    atomic_uint connections;  /* open now */
    atomic_uint in_flight;    /* requests read, not finished */
    atomic_uint fresh;        /* connections without a request */
    atomic_int stopping;      /* 1 after ns_http_quiesce(), 2 after
                                 ns_http_hurry() */
    atomic_uint adopting;     /* given to ns_http_add_connection(), not
                                 yet started by libmicrohttpd */
    atomic_uint told_503s;    /* requests answered 503 shutting_down,
                                 their answer sent whole */
    atomic_uint lost_unread;  /* connections closed during a shutdown with
                                 a request unread (guard.c) */
    atomic_uint_fast64_t refused_full;    /* connections told 503 at
                                             accept */
    atomic_uint_fast64_t refused_uid;     /* and 403: a uid not allowed */
    atomic_uint_fast64_t header_timeouts; /* connections closed for a late
                                             request (head or body) */
    atomic_uint_fast64_t timed_out;       /* searches cut short by
                                             --request-timeout */
    pthread_mutex_t conn_lock;            /* guards conns and the guard */
    pthread_cond_t guard_wake;            /* wakes the guard to stop */
    struct ns_http_conn *conns;           /* open connections */
    pthread_t guard;                      /* the guard thread */
    int have_guard, guard_running, guard_stop;
    ns_http_stats_t stats;
    /* Every worker's handle, and the tidy thread that refreshes idle ones
     * (workers.c). */
    pthread_mutex_t workers_lock;   /* guards workers */
    struct ns_http_worker *workers; /* the handles, once opened */
    pthread_mutex_t tidy_lock;      /* guards tidy_stop */
    pthread_cond_t tidy_wake;       /* wakes the tidy thread to stop */
    pthread_t tidy;
    int have_workers, tidy_running, tidy_stop;
    atomic_ulong served; /* the number of the generation last opened by a
                            worker, to answer from when the live one
                            cannot be opened (0: none) */
    atomic_ulong older;  /* the number of the older generation answered
                            from, logged, while none has been served
                            (0: none) */
    /* Monotonic reads (workers.c, "Never backwards"). */
    atomic_ulong tick;           /* a logical clock, ticked around looks
                                    at the index */
    atomic_ulong newest;         /* the tick after the newest version
                                    served was seen */
    pthread_mutex_t newest_lock; /* guards newest_version, and newest's
                                    stores */
    char newest_version[80];     /* ns_index_info_t.version of that one */
    char served_uuid[40];        /* the database UUID of the generation
                                    last opened (served), under newest_lock:
                                    an index removed and made again has
                                    the same generation number, not this */
    char shards_down[512];       /* a cluster's shards last logged down,
                                    ",1,3," (under newest_lock) */
};

/* One request, from its request line to its end (req_cls). */
struct ns_http_request {
    double start;                      /* monotonic seconds */
    char method[16];                   /* "-" until the handler sees it */
    char uri[NS_HTTP_LOG_URI_MAX + 4]; /* the raw URL, escaped and cut, for
                                          logs */
    int bad_escape;                    /* a malformed %XX (1), or %00 (2) */
    int bad_bytes;                     /* ... control bytes (1) or a
                                          space (2) */
    size_t uri_len;                    /* its length in bytes */
    int too_large;                     /* ... over NS_HTTP_MAX_HEAD bytes
                                          (1) or NS_HTTP_MAX_PARAMS
                                          parameters (2) */
    const char *uri_end;               /* the raw URL's end, to find a NUL
                                          in the request line */
    int headers_seen;                  /* the handler was called once */
    int in_flight;                     /* counted in srv->in_flight */
    int refused;                       /* answered at accept (guard.c) */
    int told_stopping;                 /* answered 503 shutting_down */
    unsigned status;                   /* HTTP status we queued, or 0 */
    char client[48];                   /* the address a proxy forwarded
                                          (--trust-proxy), or "" */
    enum ns_http_route_id route;       /* for the statistics */
};

/* What a route handler needs. */
struct ns_http_call {
    ns_http_server_t *srv;
    struct MHD_Connection *conn;
    struct ns_http_request *req;
    const char *path; /* percent-decoded, valid UTF-8 */
    int close;        /* answer with "Connection: close" */
    int head;         /* a HEAD request: see ns_http_reply_head() */
    char etag[24];    /* the answer's ETag (cache.c), or "" for none */
};

typedef struct ns_http_call ns_http_call_t;

/* ------------------------------------------------------------------------ */
/* Request framing (framing.c)                                              */
/* ------------------------------------------------------------------------ */

/* What is wrong with the head of the request on CONN (HTTP version
 * VERSION) that libmicrohttpd let through and that could frame it
 * differently for a proxy (two Content-Lengths, obs-fold, a NUL in a
 * field, no Host, ...), as a message; NULL when nothing is. */
const char *ns_http_framing_error(struct MHD_Connection *conn,
                                  const char *version);

/* ------------------------------------------------------------------------ */
/* Routes (routes.c)                                                        */
/* ------------------------------------------------------------------------ */

/* Answer the request C, whose method, path and parameters have been
 * checked. */
enum MHD_Result ns_http_route(ns_http_call_t *c);

/* The path of request target TARGET: itself, or for an absolute-form
 * target ("http://host/v1/search", RFC 7230 5.3.2; http or https in any
 * case) what follows its authority, "/" when nothing does.  Borrowed from
 * TARGET, or static. */
const char *ns_http_origin_form(const char *target);

/* Which route PATH (origin- or absolute-form) goes to, for the
 * statistics. */
enum ns_http_route_id ns_http_route_of(const char *path);

/* The same for the raw (percent-encoded) URL at URI, LEN bytes, with or
 * without a query string. */
enum ns_http_route_id ns_http_route_of_raw(const char *uri, size_t len);

/* ------------------------------------------------------------------------ */
/* Answers (reply.c)                                                        */
/* ------------------------------------------------------------------------ */

/* Compact JSON of O (may be NULL) with a final newline, for a body.  Free
 * with free(); NULL on allocation failure. */
char *ns_http_json_body(json_t *o);

/* TEXT (JSON, malloc'd, taken; may be NULL) with a final newline, for a
 * body.  Free with free(); NULL on allocation failure. */
char *ns_http_json_body_text(char *text);

/* Queue STATUS with BODY (JSON, malloc'd, taken; NULL means we ran out of
 * memory, which is answered 500 from a static body). */
enum MHD_Result ns_http_reply(ns_http_call_t *c, unsigned status, char *body);

/* The same with a body of Content-Type TYPE (a NULL body is still the
 * JSON 500). */
enum MHD_Result ns_http_reply_typed(ns_http_call_t *c, unsigned status,
                                    char *body, const char *type);

/* Queue response R (taken: destroyed here) with STATUS and the headers
 * every answer has: Cache-Control, the ETag, Allow on 405, Retry-After
 * on 503, Connection: close. */
enum MHD_Result ns_http_queue(ns_http_call_t *c, unsigned status,
                              struct MHD_Response *r);
/* Answer a HEAD of a search or a list of related posts: 200 with the
 * headers a GET gets, but neither a body nor a Content-Length, without
 * running the search.  Their GET's body holds took_ms, so its length is
 * known only once it has run, and then differs from one GET to the next;
 * a Content-Length must be the GET's or be left out (RFC 9110 8.6). */
enum MHD_Result ns_http_reply_head(ns_http_call_t *c);

/* Queue an error: STATUS with {"error": {"code": CODE, "message": ...}}.
 * Values quoted in the message must have gone through ns_http_shown(). */
enum MHD_Result ns_http_reply_error(ns_http_call_t *c, unsigned status,
                                    const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Answer a failed library call ST on IDX (may be NULL); WHAT names the
 * call in messages. */
enum MHD_Result ns_http_reply_status(ns_http_call_t *c, ns_index_t *idx,
                                     ns_status_t st, const char *what);

/* VALUE as it may be quoted back in a message: itself if short, else a
 * placeholder.  Values are valid UTF-8 by the time they get here. */
const char *ns_http_shown(const char *value);

/* ------------------------------------------------------------------------ */
/* Caching (cache.c)                                                        */
/* ------------------------------------------------------------------------ */

/* Give C's answer the ETag of answers from IDX (none for a cluster), and
 * when the request's If-None-Match names it, answer 304 (in *RET) and
 * return 1; else return 0.  Call once the parameters are checked and
 * before the work. */
int ns_http_not_modified(ns_http_call_t *c, ns_index_t *idx,
                         enum MHD_Result *ret);
/* The Cache-Control of C's answer with STATUS: "no-store" without an ETag
 * or for another status than 200 and 304, else "no-cache", or
 * "max-age=N" (--max-age), written in BUF (SIZE bytes). */
const char *ns_http_cache_control(ns_http_call_t *c, unsigned status, char *buf,
                                  size_t size);
/* ------------------------------------------------------------------------ */
/* Cross-origin requests (cors.c)                                           */
/* ------------------------------------------------------------------------ */

/* Add the CORS headers of every answer to R when --cors is on.  Returns
 * 1, or 0 when libmicrohttpd refused one. */
int ns_http_cors_headers(ns_http_call_t *c, struct MHD_Response *r);
/* Answer a preflight (OPTIONS, with --cors): 204 with the methods and
 * headers allowed, or 404 for a path that is no endpoint. */
enum MHD_Result ns_http_preflight(ns_http_call_t *c);
/* ------------------------------------------------------------------------ */
/* Parameters (params.c)                                                    */
/* ------------------------------------------------------------------------ */

/* The filters of /v1/search, as the client gave them and checked: none
 * or NULL when absent.  section, lang and tag may be repeated (any of the
 * values); borrowed from the request. */
typedef struct ns_http_filters {
    /* each at most NS_MAX_LABEL bytes, no control characters */
    const char *sections[NS_HTTP_MAX_VALUES];
    size_t n_sections;
    /* language codes: letters, digits, '-', '_' */
    const char *langs[NS_HTTP_MAX_VALUES];
    size_t n_langs;
    /* as sections */
    const char *tags[NS_HTTP_MAX_VALUES];
    size_t n_tags;
    const char *from;   /* a real day, as given: "YYYY-MM-DD", "DD.MM.YYYY" */
    const char *to;     /* the same, not before FROM */
    char from_day[11];  /* FROM as "YYYY-MM-DD" */
    char to_day[11];    /* TO as "YYYY-MM-DD" */
    const char *author; /* as a section; every word in the byline */
} ns_http_filters_t;

/* Query parameter NAME, or NULL when absent or empty: an empty field of
 * an HTML form means "not given", so the first non-empty value when NAME
 * is repeated. */
const char *ns_http_arg(ns_http_call_t *c, const char *name);

/* Read parameter NAME as a whole number in [MIN, MAX] into *OUT, DEF when
 * absent; CAP is added to the message when it is out of range.  Returns
 * 0, or -1 after answering 400 (in *ret). */
int ns_http_arg_long(ns_http_call_t *c, const char *name, long min, long max,
                     long def, const char *cap, long *out,
                     enum MHD_Result *ret);

/* Parameter "now": the reference time of related posts and ages, any
 * date or date-time ns_date_parse() reads; NS_NOW_NEWEST when absent.
 * Returns 0, or -1 after answering 400. */
int ns_http_arg_now(ns_http_call_t *c, int64_t *now, enum MHD_Result *ret);

/* Parameters section, lang, tag, author, from and to into F.  Returns 0, or -1
 * after answering 400. */
int ns_http_arg_filters(ns_http_call_t *c, ns_http_filters_t *f,
                        enum MHD_Result *ret);

/* Make the search options SO ask for Q (may be NULL) within the filters
 * F: the filters are set as SO's filter fields (Xapian filters), never
 * spliced into the query text.  SO borrows from Q and F. */
void ns_http_filters_apply(const char *q, const ns_http_filters_t *f,
                           ns_search_opts_t *so);

/* F as the client gave it, a JSON object of the filters present (the
 * answer's "filters"); NULL when out of memory. */
json_t *ns_http_filters_json(const ns_http_filters_t *f);

/* Is every parameter name and value valid UTF-8 without NUL bytes?
 * Returns 0, or -1 after answering 400. */
int ns_http_check_args(ns_http_call_t *c, enum MHD_Result *ret);

/* ------------------------------------------------------------------------ */
/* Worker index handles (workers.c)                                         */
/* ------------------------------------------------------------------------ */

/* The pthread key destructor of a worker's handle. */
void ns_http_worker_free(void *worker);

/* The calling worker's index handle, up to date.  Returns NS_STATUS_OK
 * and the handle in *out, or the status of the failed open with its
 * detail in ERR (ERR_SIZE bytes).  The handle is the worker's until
 * ns_http_worker_release(). */
ns_status_t ns_http_worker_index(ns_http_server_t *srv, ns_index_t **out,
                                 char *err, size_t err_size);

/* The request is done with the calling worker's handle: the tidy thread
 * may refresh it while the worker is idle.  Harmless when it was not
 * taken. */
void ns_http_worker_release(ns_http_server_t *srv);

/* Start and stop the tidy thread, which keeps idle workers' handles
 * fresh so that none holds a superseded generation's files open (and the
 * list srv->workers with its lock).  Start returns 0, or -1. */
int ns_http_workers_start(ns_http_server_t *srv);
void ns_http_workers_stop(ns_http_server_t *srv);

/* Facts about the calling worker's index into INFO.  Returns 1, or 0
 * when there is no index (or it cannot say). */
int ns_http_worker_info(ns_http_server_t *srv, ns_index_info_t *info);

enum ns_http_index_op { NS_HTTP_OP_SEARCH, NS_HTTP_OP_RELATED, NS_HTTP_OP_GET };

/* One library call on IDX, SRV's worker's handle (a search, related
 * posts of ID, or the article ID into ART), refreshed and retried once
 * when the index changed under it (NS_STATUS_RETRY). */
ns_status_t ns_http_index_call(ns_http_server_t *srv, ns_index_t *idx,
                               enum ns_http_index_op op, const char *id,
                               const ns_search_opts_t *so, ns_results_t **res,
                               ns_article_t *art);

/* ------------------------------------------------------------------------ */
/* Statistics (stats.c)                                                     */
/* ------------------------------------------------------------------------ */

void ns_http_stats_init(ns_http_stats_t *st);
void ns_http_stats_destroy(ns_http_stats_t *st);
/* A request to ROUTE has ended: with STATUS answered (0 if none),
 * COMPLETED when the answer was sent in full, after MS milliseconds. */
void ns_http_stats_end(ns_http_stats_t *st, enum ns_http_route_id route,
                       unsigned status, int completed, double ms);
/* A request to ROUTE has ended on a connection refused at accept, which
 * was answered STATUS before its request came (no latency to count). */
void ns_http_stats_refused(ns_http_stats_t *st, enum ns_http_route_id route,
                           unsigned status);
/* A worker opened the index, or found a new version of it. */
void ns_http_stats_reloaded(ns_http_stats_t *st);
/* The body of /v1/stats (see routes.c).  Free with free(); NULL when out
 * of memory. */
char *ns_http_stats_json(ns_http_server_t *srv);
/* The shards of a cluster handle IDX, as /v1/stats and /health show them:
 * [{"shard", "up", "replica", "replicas", "articles", "generation",
 * "uuid", "latency_ms", "error"}]; *down (may be NULL) counts those down.
 * NULL for an ordinary index. */
json_t *ns_http_shards_json(ns_index_t *idx, size_t *down);

/* ------------------------------------------------------------------------ */
/* Connection guard (guard.c)                                               */
/* ------------------------------------------------------------------------ */

/* Start and stop the guard thread (and the lock of srv->conns).  Start
 * returns 0, or -1. */
int ns_http_guard_start(ns_http_server_t *srv);
void ns_http_guard_stop(ns_http_server_t *srv);
/* A connection CN opened on CONN: read its peer, admit or refuse it
 * (answering 403 or 503 at once), and put it on the list. */
void ns_http_guard_admit(ns_http_server_t *srv, struct MHD_Connection *conn,
                         struct ns_http_conn *cn);
/* How many connections have bytes the server has not read yet: a
 * request sent and waiting its turn (see "The deadline is for the
 * client"). */
unsigned ns_http_guard_unread(ns_http_server_t *srv);
/* CN is closing: take it off the list. */
void ns_http_guard_forget(ns_http_server_t *srv, struct ns_http_conn *cn);
/* CN's request is in, head and body: no deadline while it is served. */
void ns_http_guard_request_done(ns_http_server_t *srv, struct ns_http_conn *cn);
/* CN's request was answered: the next head is due within --timeout +
 * --header-timeout. */
void ns_http_guard_answered(ns_http_server_t *srv, struct ns_http_conn *cn);

/* ------------------------------------------------------------------------ */
/* Metrics (metrics.c)                                                      */
/* ------------------------------------------------------------------------ */

/* The body of /metrics, in the Prometheus text format (version 0.0.4).
 * Free with free(); NULL when out of memory. */
char *ns_http_metrics_text(ns_http_server_t *srv);

#endif /* NS_SERVER_H */
