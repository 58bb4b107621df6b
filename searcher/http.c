/* http.c - Request handling for nsearchd: a libmicrohttpd daemon, the
 * routes, parameter validation, JSON answers and errors, the per-thread
 * index handles and the statistics.
 *
 * Threads.  libmicrohttpd runs a pool of --threads workers
 * (MHD_USE_INTERNAL_POLLING_THREAD with MHD_OPTION_THREAD_POOL_SIZE); each
 * polls the shared listening socket and serves its own connections, and a
 * request is handled start to finish on the worker that read it.  Xapian
 * handles are not thread-safe, so every worker keeps its own ns_index_t in
 * a pthread key, opened on its first request and closed by the key's
 * destructor when the worker exits.  A worker blocks while it searches;
 * slow clients do not block it, since reading and writing are
 * event-driven.  A kept-alive connection stays with the worker that
 * accepted it, so a few busy connections can load the workers unevenly;
 * a proxy's pool of connections (nginx "keepalive 16") evens it out.
 *
 * Freshness.  Before a request a worker refreshes its handle if it has not
 * done so for a second (another process may have committed), reopens it
 * from scratch after SIGHUP (a generation counter it compares with its
 * own) or when the index directory was replaced by another one (rename),
 * and retries a call once when the library says NS_STATUS_RETRY.
 *
 * Routes (GET; HEAD is answered like GET, without the body):
 *   /v1/search?q=&limit=&offset=&sort=&section=&lang=&from=&to=&related=&now=
 *   /v1/articles/{id}   /v1/related/{id}?related=&now=
 *   /health             /v1/stats
 * Errors are {"error": {"code", "message"}} with these codes:
 *   400 bad_parameter   403 forbidden   404 not_found
 *   405 method_not_allowed (with "Allow: GET, HEAD")
 *   414 too_large       500 internal    503 overloaded, no_index
 * A URL longer than the connection's memory (NS_HTTP_MEMORY_LIMIT) never
 * reaches us: libmicrohttpd answers 414 itself, with an HTML body. */

/* realpath() is an XSI function, hidden by -D_POSIX_C_SOURCE=200809L
 * alone; it must be requested before the first include. */
#define _XOPEN_SOURCE 700

#include <ctype.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "http.h"
#include "net.h"
#include "ns.h"

/* Requests kept for the latency percentiles of /v1/stats. */
#define LATENCY_WINDOW 1024
/* Connections accepted beyond --max-connections only to be told 503, so a
 * client learns why instead of seeing its connection closed. */
#define OVERLOAD_HEADROOM 16
/* Seconds between two refreshes of a worker's index handle. */
#define REFRESH_INTERVAL 1.0
/* Bytes of the URL kept for the logs. */
#define LOG_URI_MAX 200
/* Longest parameter value quoted back in an error message. */
#define SHOWN_MAX 64

struct ns_http_server {
    const ns_http_config_t *cfg;
    struct MHD_Daemon *daemon;
    pthread_key_t worker_key;          /* -> struct worker */
    int have_key;                      /* worker_key was created */
    double started;                    /* monotonic seconds */
    atomic_uint generation;            /* bumped by ns_http_reload() */
    atomic_uint connections;           /* open now */
    atomic_uint in_flight;             /* requests read, not finished */
    atomic_uint fresh;                 /* connections without a request */
    atomic_int stopping;               /* after ns_http_quiesce() */
    atomic_uint_fast64_t requests;     /* begun since start */
    atomic_uint_fast64_t errors;       /* ended without a 2xx answer */
    pthread_mutex_t latency_lock;      /* guards the three below */
    double latency_ms[LATENCY_WINDOW]; /* ring of the last requests */
    unsigned n_latency;                /* entries used */
    unsigned next_latency;             /* where the next one goes */
};

/* One worker thread's index handle. */
struct worker {
    ns_index_t *idx;     /* NULL until opened, or after a failure */
    unsigned generation; /* srv->generation when idx was opened */
    double checked;      /* monotonic seconds of the last refresh */
    dev_t dev;           /* the index directory when idx was opened, */
    ino_t ino;           /* to notice when it is replaced */
    int failing;         /* the last open failed (and was logged) */
};

/* One request, from its request line to its end (req_cls). */
struct request {
    double start;              /* monotonic seconds */
    char method[16];           /* "-" until the handler sees it */
    char uri[LOG_URI_MAX + 4]; /* the raw URL, escaped and cut, for logs */
    int bad_escape;            /* the raw URL has a malformed %XX */
    int headers_seen;          /* the handler was called once */
    int in_flight;             /* counted in srv->in_flight */
    unsigned status;           /* HTTP status we queued, or 0 */
};

/* What a route handler needs. */
struct call {
    ns_http_server_t *srv;
    struct MHD_Connection *conn;
    struct request *req;
    const char *path; /* percent-decoded, valid UTF-8 */
};

/* One connection, from accept to close (its socket_context). */
struct connection {
    int allowed; /* the peer passes --allow-uid (or there is none) */
    int fresh;   /* no request has begun on it (counted in srv->fresh) */
};

static double monotonic_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------------ */
/* Logging                                                                  */
/* ------------------------------------------------------------------------ */

/* log.c has ns_warn(), which writes the level word "warning:", and
 * ns_error(), which writes none; the server's other levels ("error:",
 * "access:") are therefore written at the start of an ns_error() message.
 * Each is one fprintf, so lines from different workers do not mix. */

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    size_t len = strlen(line);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    ns_warn("libmicrohttpd: %s", line);
}

/* Copy the raw URL SRC into DST (LOG_URI_MAX + 4 bytes) for a log line:
 * bytes outside printable ASCII become %XX, and a long URL is cut with
 * "...". */
static void uri_for_log(char *dst, const char *src)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
        if (n + 3 > LOG_URI_MAX) {
            memcpy(dst + n, "...", 3);
            n += 3;
            break;
        }
        if (*p > 0x20 && *p < 0x7f) {
            dst[n++] = (char)*p;
        } else {
            dst[n++] = '%';
            dst[n++] = hex[*p >> 4];
            dst[n++] = hex[*p & 15];
        }
    }
    dst[n] = '\0';
}

/* ------------------------------------------------------------------------ */
/* Statistics                                                               */
/* ------------------------------------------------------------------------ */

static void latency_add(ns_http_server_t *srv, double ms)
{
    pthread_mutex_lock(&srv->latency_lock);
    srv->latency_ms[srv->next_latency] = ms;
    srv->next_latency = (srv->next_latency + 1) % LATENCY_WINDOW;
    if (srv->n_latency < LATENCY_WINDOW)
        srv->n_latency++;
    pthread_mutex_unlock(&srv->latency_lock);
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Nearest-rank percentiles P50 and P99 of the latency window, in ms
 * (0 when no request has finished yet). */
static void latency_percentiles(ns_http_server_t *srv, double *p50, double *p99)
{
    static __thread double sorted[LATENCY_WINDOW];
    pthread_mutex_lock(&srv->latency_lock);
    unsigned n = srv->n_latency;
    memcpy(sorted, srv->latency_ms, n * sizeof *sorted);
    pthread_mutex_unlock(&srv->latency_lock);
    *p50 = *p99 = 0;
    if (n == 0)
        return;
    qsort(sorted, n, sizeof *sorted, compare_double);
    /* Nearest rank: the ceil(p * n)-th smallest value. */
    unsigned r50 = (n * 50 + 99) / 100, r99 = (n * 99 + 99) / 100;
    *p50 = sorted[r50 - 1];
    *p99 = sorted[r99 - 1];
}

static double round3(double x)
{
    return (double)(int64_t)(x * 1000.0 + 0.5) / 1000.0;
}

/* ------------------------------------------------------------------------ */
/* Per-thread index handles                                                 */
/* ------------------------------------------------------------------------ */

static void worker_free(void *p)
{
    struct worker *w = p;
    ns_index_close(w->idx);
    free(w);
}

/* The calling worker's index handle, up to date (see "Freshness" at the
 * top).  Returns NS_STATUS_OK and the handle in *out, or the status of
 * the failed open with its detail in ERR (ERR_SIZE bytes). */
static ns_status_t worker_index(ns_http_server_t *srv, ns_index_t **out,
                                char *err, size_t err_size)
{
    const char *db = srv->cfg->db;
    *out = NULL;
    struct worker *w = pthread_getspecific(srv->worker_key);
    if (!w) {
        w = calloc(1, sizeof *w);
        if (!w || pthread_setspecific(srv->worker_key, w) != 0) {
            free(w);
            snprintf(err, err_size, "out of memory");
            return NS_STATUS_NOMEM;
        }
    }
    unsigned generation = atomic_load(&srv->generation);
    double now = monotonic_s();
    struct stat st;
    if (w->idx && w->generation != generation) {
        ns_index_close(w->idx);
        w->idx = NULL;
    }
    if (w->idx && now - w->checked >= REFRESH_INTERVAL) {
        w->checked = now;
        if (stat(db, &st) == 0 &&
            (st.st_dev != w->dev || st.st_ino != w->ino)) {
            /* A new directory was renamed over the old one: the handle
             * still reads the old files, which reopen() would not
             * notice. */
            ns_index_close(w->idx);
            w->idx = NULL;
        } else {
            /* A failed refresh leaves the old version usable (ns.h). */
            ns_status_t rs = ns_index_refresh(w->idx, NULL);
            if (rs != NS_STATUS_OK)
                ns_warn("cannot refresh index '%s': %s", db,
                        *ns_index_last_error(w->idx)
                            ? ns_index_last_error(w->idx)
                            : ns_status_to_string(rs));
        }
    }
    if (!w->idx) {
        /* stat() before opening: if the directory is replaced in between,
         * the next check reopens once more, which is harmless. */
        int have_stat = stat(db, &st) == 0;
        char *detail = NULL;
        ns_status_t os = ns_index_open(db, NS_OPEN_READ, &w->idx, &detail);
        if (os != NS_STATUS_OK) {
            snprintf(err, err_size, "%s",
                     detail ? detail : ns_status_to_string(os));
            if (!w->failing)
                ns_warn("cannot open index '%s': %s", db, err);
            w->failing = 1;
            free(detail);
            return os;
        }
        w->failing = 0;
        w->generation = generation;
        w->checked = now;
        w->dev = have_stat ? st.st_dev : 0;
        w->ino = have_stat ? st.st_ino : 0;
    }
    *out = w->idx;
    return NS_STATUS_OK;
}

enum index_op { OP_SEARCH, OP_RELATED, OP_GET };

/* One library call on IDX, refreshed and retried once when the index
 * changed under it (NS_STATUS_RETRY). */
static ns_status_t index_call(ns_index_t *idx, enum index_op op, const char *id,
                              const ns_search_opts_t *so, ns_results_t **res,
                              ns_article_t *art)
{
    ns_status_t st = NS_STATUS_RETRY;
    for (int attempt = 0; attempt < 2 && st == NS_STATUS_RETRY; attempt++) {
        if (attempt) {
            ns_index_refresh(idx, NULL);
            if (op == OP_GET)
                ns_article_clear(art);
        }
        switch (op) {
        case OP_SEARCH:
            st = ns_search(idx, so, res);
            break;
        case OP_RELATED:
            st = ns_related_to(idx, id, so, res);
            break;
        case OP_GET:
            st = ns_index_get(idx, id, art);
            break;
        }
    }
    return st;
}

/* ------------------------------------------------------------------------ */
/* Responses                                                                */
/* ------------------------------------------------------------------------ */

/* Compact JSON of O (may be NULL).  Free with free(); NULL on allocation
 * failure. */
static char *json_text(json_t *o)
{
    /* Six significant digits: latencies in ms do not need %.17g. */
    return o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
}

/* Append a newline to TEXT (malloc'd), taking it.  NULL on failure. */
static char *with_newline(char *text)
{
    if (!text)
        return NULL;
    size_t len = strlen(text);
    char *more = realloc(text, len + 2);
    if (!more) {
        free(text);
        return NULL;
    }
    more[len] = '\n';
    more[len + 1] = '\0';
    return more;
}

/* Queue STATUS with BODY (JSON, malloc'd, taken; NULL means we ran out of
 * memory, which is answered 500 from a static body). */
static enum MHD_Result reply(struct call *c, unsigned status, char *body)
{
    static const char nomem[] =
        "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}\n";
    struct MHD_Response *r;
    if (body) {
        r = MHD_create_response_from_buffer(strlen(body), body,
                                            MHD_RESPMEM_MUST_FREE);
        if (!r)
            free(body);
    } else {
        status = 500;
        r = MHD_create_response_from_buffer(sizeof nomem - 1, (void *)nomem,
                                            MHD_RESPMEM_PERSISTENT);
    }
    if (!r)
        return MHD_NO;
    int ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                                     "application/json") == MHD_YES;
    if (status == 405)
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD") ==
              MHD_YES;
    if (status == 503)
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1") ==
              MHD_YES;
    /* While stopping, and when overloaded, ask the client to go away so
     * that the connection frees up. */
    if (atomic_load(&c->srv->stopping) || status == 503)
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close") ==
              MHD_YES;
    enum MHD_Result ret = ok ? MHD_queue_response(c->conn, status, r) : MHD_NO;
    MHD_destroy_response(r);
    c->req->status = status;
    return ret;
}

/* Queue an error: STATUS with {"error": {"code": CODE, "message": ...}}.
 * Values quoted in the message must have gone through shown(). */
static enum MHD_Result reply_error(struct call *c, unsigned status,
                                   const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static enum MHD_Result reply_error(struct call *c, unsigned status,
                                   const char *code, const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    /* A message cut by vsnprintf or quoting a library detail could be
     * invalid UTF-8, which JSON cannot carry. */
    if (!ns_utf8_valid(message, strlen(message)))
        snprintf(message, sizeof message, "%s", "invalid request");
    json_t *o =
        json_pack("{s:{s:s,s:s}}", "error", "code", code, "message", message);
    char *body = with_newline(json_text(o));
    json_decref(o);
    return reply(c, status, body);
}

/* VALUE as it may be quoted back in a message: itself if short, else a
 * placeholder.  Values are valid UTF-8 by the time they get here. */
static const char *shown(const char *value)
{
    if (strlen(value) > SHOWN_MAX)
        return "(too long to show)";
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return "(contains control characters)";
    return value;
}

/* Answer a failed library call ST on IDX (may be NULL). */
static enum MHD_Result reply_status(struct call *c, ns_index_t *idx,
                                    ns_status_t st, const char *what)
{
    const char *detail = idx ? ns_index_last_error(idx) : "";
    if (!*detail)
        detail = ns_status_to_string(st);
    switch (st) {
    case NS_STATUS_NOT_FOUND:
        return reply_error(c, 404, "not_found", "%s", detail);
    case NS_STATUS_BAD_QUERY:
        return reply_error(c, 400, "bad_parameter", "%s", detail);
    case NS_STATUS_RETRY:
        return reply_error(c, 503, "overloaded",
                           "the index changed during the %s; try again", what);
    default:
        ns_error("error: %s failed: %s: %s", what, ns_status_to_string(st),
                 detail);
        return reply_error(c, 500, "internal", "%s failed: %s", what, detail);
    }
}

/* Get the worker's index, or answer 503 (or 500 when out of memory). */
static ns_index_t *index_or_reply(struct call *c, enum MHD_Result *ret)
{
    char err[512];
    ns_index_t *idx;
    ns_status_t st = worker_index(c->srv, &idx, err, sizeof err);
    if (st == NS_STATUS_OK)
        return idx;
    if (st == NS_STATUS_NOMEM)
        *ret = reply(c, 500, NULL);
    else
        *ret = reply_error(c, 503, "no_index", "%s", err);
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Parameters                                                               */
/* ------------------------------------------------------------------------ */

/* Query parameter NAME, or NULL when absent or empty: an empty field of
 * an HTML form means "not given". */
static const char *arg(struct call *c, const char *name)
{
    const char *v =
        MHD_lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

/* Read parameter NAME as a whole number in [MIN, MAX] into *OUT, DEF when
 * absent.  Returns 0, or -1 after answering 400 (in *ret). */
static int arg_long(struct call *c, const char *name, long min, long max,
                    long def, const char *cap, long *out, enum MHD_Result *ret)
{
    const char *v = arg(c, name);
    *out = def;
    if (!v || ns_parse_long(v, min, max, out) == 0)
        return 0;
    *ret = reply_error(c, 400, "bad_parameter",
                       "%s must be a whole number from %ld to %ld%s, not '%s'",
                       name, min, max, cap, shown(v));
    return -1;
}

/* Read parameter NAME as a day "YYYY-MM-DD" (an impossible one such as
 * 2025-02-30 is refused too).  Returns the value or NULL when absent;
 * *bad is set after answering 400. */
static const char *arg_day(struct call *c, const char *name, int *bad,
                           enum MHD_Result *ret)
{
    const char *v = arg(c, name);
    if (!v)
        return NULL;
    int ok = strlen(v) == 10 && v[4] == '-' && v[7] == '-';
    for (int i = 0; ok && i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
            ok = 0;
    int64_t t;
    if (ok && ns_date_parse(v, &t) == 0)
        return v;
    *bad = 1;
    *ret =
        reply_error(c, 400, "bad_parameter",
                    "%s must be a date YYYY-MM-DD, not '%s'", name, shown(v));
    return NULL;
}

/* Parameter "now": the reference time of related posts and ages, any
 * date or date-time ns_date_parse() reads; NS_NOW_NEWEST when absent.
 * Returns 0, or -1 after answering 400. */
static int arg_now(struct call *c, int64_t *now, enum MHD_Result *ret)
{
    const char *v = arg(c, "now");
    *now = NS_NOW_NEWEST;
    if (!v || ns_date_parse(v, now) == 0)
        return 0;
    *ret = reply_error(c, 400, "bad_parameter",
                       "now must be a date or date-time such as "
                       "2025-08-15T10:00:00Z, not '%s'",
                       shown(v));
    return -1;
}

/* What check_args() found. */
struct args_check {
    int bad;      /* a key or value is invalid */
    char key[40]; /* its key, when printable */
};

/* Every query parameter must be valid UTF-8 without NUL bytes after
 * percent-decoding (libmicrohttpd has decoded them). */
static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind,
                                 const char *key, size_t key_size,
                                 const char *value, size_t value_size)
{
    (void)kind;
    struct args_check *ck = cls;
    int key_ok = ns_utf8_valid(key, key_size) && strlen(key) == key_size;
    if (key_ok && (!value || (ns_utf8_valid(value, value_size) &&
                              strlen(value) == value_size)))
        return MHD_YES;
    ck->bad = 1;
    if (key_ok && key_size < sizeof ck->key)
        snprintf(ck->key, sizeof ck->key, "%s", shown(key));
    return MHD_NO;
}

/* A text filter (section) can be spliced into the query between double
 * quotes: no quote, no control character, not too long. */
static int label_ok(const char *v)
{
    if (strlen(v) > NS_MAX_LABEL)
        return 0;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '"')
            return 0;
    return 1;
}

/* A language code: letters, digits, '-' and '_'. */
static int lang_ok(const char *v)
{
    if (strlen(v) > NS_MAX_LABEL)
        return 0;
    for (const char *p = v; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
            return 0;
    return 1;
}

/* The query text for Q and the filters: Q, then ' section:"S"',
 * ' lang:L' and ' date:FROM..TO' (either end may be empty).
 *
 * ns_search_opts_t has no filter fields, so filters are spliced into the
 * query language.  An unclosed phrase or parenthesis in Q would swallow
 * them, so Q is closed first: a '"' if it has an odd number of them, and
 * as many ')' as are left open outside phrases.  Free with free(); NULL on
 * allocation failure. */
static char *build_query(const char *q, const char *section, const char *lang,
                         const char *from, const char *to)
{
    ns_buf_t b = {0};
    int rc = ns_buf_puts(&b, q ? q : "");
    if (q && (section || lang || from || to)) {
        int in_phrase = 0;
        long open = 0;
        for (const char *p = q; *p; p++) {
            if (*p == '"')
                in_phrase = !in_phrase;
            else if (!in_phrase && *p == '(')
                open++;
            else if (!in_phrase && *p == ')' && open > 0)
                open--;
        }
        if (in_phrase)
            rc |= ns_buf_putc(&b, '"');
        while (open-- > 0)
            rc |= ns_buf_putc(&b, ')');
    }
    if (section)
        rc |= ns_buf_puts(&b, b.len ? " section:\"" : "section:\"") |
              ns_buf_puts(&b, section) | ns_buf_putc(&b, '"');
    if (lang)
        rc |=
            ns_buf_puts(&b, b.len ? " lang:" : "lang:") | ns_buf_puts(&b, lang);
    if (from || to)
        rc |= ns_buf_puts(&b, b.len ? " date:" : "date:") |
              ns_buf_puts(&b, from ? from : "") | ns_buf_puts(&b, "..") |
              ns_buf_puts(&b, to ? to : "");
    if (rc) {
        ns_buf_free(&b);
        return NULL;
    }
    return b.p;
}

/* ------------------------------------------------------------------------ */
/* Routes                                                                   */
/* ------------------------------------------------------------------------ */

/* Answer a results object (search or related). */
static enum MHD_Result reply_results(struct call *c, ns_results_t *res,
                                     const char *query)
{
    char *body = with_newline(ns_results_to_json(res, query, NULL));
    ns_results_free(res);
    return reply(c, 200, body);
}

/* Said when limit is out of range: a client asking for 1000 learns why. */
static const char LIMIT_CAP[] = " (the most hits a page can have)";

static enum MHD_Result get_search(struct call *c)
{
    enum MHD_Result ret;
    long limit, offset, rel;
    int64_t now;
    int bad = 0;
    if (arg_long(c, "limit", 0, NS_HTTP_MAX_LIMIT, 10, LIMIT_CAP, &limit,
                 &ret) < 0)
        return ret;
    if (arg_long(c, "offset", 0, NS_HTTP_MAX_OFFSET, 0, "", &offset, &ret) < 0)
        return ret;
    if (arg_long(c, "related", 0, NS_HTTP_MAX_RELATED, 5, "", &rel, &ret) < 0)
        return ret;
    if (arg_now(c, &now, &ret) < 0)
        return ret;

    ns_sort_t sort = NS_SORT_RELEVANCE;
    const char *s = arg(c, "sort");
    if (s && strcmp(s, "date") == 0)
        sort = NS_SORT_DATE;
    else if (s && strcmp(s, "relevance") != 0)
        return reply_error(c, 400, "bad_parameter",
                           "sort must be relevance or date, not '%s'",
                           shown(s));

    const char *q =
        MHD_lookup_connection_value(c->conn, MHD_GET_ARGUMENT_KIND, "q");
    if (q && strlen(q) > NS_HTTP_MAX_QUERY)
        return reply_error(c, 414, "too_large", "q is longer than %d bytes",
                           NS_HTTP_MAX_QUERY);
    const char *section = arg(c, "section"), *lang = arg(c, "lang");
    if (section && !label_ok(section))
        return reply_error(c, 400, "bad_parameter",
                           "section must be at most %d bytes without '\"' or "
                           "control characters",
                           NS_MAX_LABEL);
    if (lang && !lang_ok(lang))
        return reply_error(c, 400, "bad_parameter",
                           "lang must be a language code such as en or no, "
                           "not '%s'",
                           shown(lang));
    const char *from = arg_day(c, "from", &bad, &ret);
    if (bad)
        return ret;
    const char *to = arg_day(c, "to", &bad, &ret);
    if (bad)
        return ret;
    if (from && to && strcmp(from, to) > 0)
        return reply_error(c, 400, "bad_parameter",
                           "from (%s) is after to (%s)", from, to);

    char *text = build_query(q, section, lang, from, to);
    if (!text)
        return reply(c, 500, NULL);
    ns_index_t *idx = index_or_reply(c, &ret);
    if (!idx) {
        free(text);
        return ret;
    }
    ns_search_opts_t so;
    ns_search_opts_init(&so);
    so.query = text;
    so.limit = (unsigned)limit;
    so.offset = (unsigned)offset;
    so.sort = sort;
    so.related = (unsigned)rel;
    so.now = now;
    ns_results_t *res;
    ns_status_t st = index_call(idx, OP_SEARCH, NULL, &so, &res, NULL);
    if (st != NS_STATUS_OK)
        ret = reply_status(c, idx, st, "search");
    else
        ret = reply_results(c, res, text);
    free(text);
    return ret;
}

static enum MHD_Result get_article(struct call *c, const char *id)
{
    enum MHD_Result ret;
    /* A longer id cannot have been indexed (ns.h), and would be refused
     * by Xapian as a term. */
    if (strlen(id) > NS_MAX_ID)
        return reply_error(c, 404, "not_found", "no article with id '%s'",
                           shown(id));
    ns_index_t *idx = index_or_reply(c, &ret);
    if (!idx)
        return ret;
    ns_article_t art;
    ns_status_t st = index_call(idx, OP_GET, id, NULL, NULL, &art);
    if (st != NS_STATUS_OK) {
        ns_article_clear(&art);
        return reply_status(c, idx, st, "article lookup");
    }
    char *body = with_newline(ns_article_to_json(&art));
    ns_article_clear(&art);
    return reply(c, 200, body);
}

static enum MHD_Result get_related(struct call *c, const char *id)
{
    enum MHD_Result ret;
    long rel;
    int64_t now;
    if (arg_long(c, "related", 0, NS_HTTP_MAX_RELATED, 5, "", &rel, &ret) < 0)
        return ret;
    if (arg_now(c, &now, &ret) < 0)
        return ret;
    if (strlen(id) > NS_MAX_ID)
        return reply_error(c, 404, "not_found", "no article with id '%s'",
                           shown(id));
    ns_index_t *idx = index_or_reply(c, &ret);
    if (!idx)
        return ret;
    ns_search_opts_t so;
    ns_search_opts_init(&so);
    so.related = (unsigned)rel;
    so.now = now;
    ns_results_t *res;
    ns_status_t st = index_call(idx, OP_RELATED, id, &so, &res, NULL);
    if (st != NS_STATUS_OK)
        return reply_status(c, idx, st, "related posts");
    return reply_results(c, res, "");
}

static enum MHD_Result get_health(struct call *c)
{
    enum MHD_Result ret;
    ns_index_t *idx = index_or_reply(c, &ret);
    if (!idx)
        return ret;
    uint64_t n;
    ns_status_t st = ns_index_count(idx, &n);
    if (st != NS_STATUS_OK)
        return reply_error(c, 503, "no_index", "cannot count articles: %s",
                           ns_index_last_error(idx));
    json_t *o =
        json_pack("{s:s,s:I}", "status", "ok", "articles", (json_int_t)n);
    char *body = with_newline(json_text(o));
    json_decref(o);
    return reply(c, 200, body);
}

/* {"articles": N, or null without an index,
 *  "index": {"path": --db, "realpath", "generation": the live generation
 *            ("gen-000007") or null for a plain database, "built": when it
 *            was last written, "reloads": SIGHUPs so far},
 *  "uptime_s", "requests": begun, "errors": ended without a 2xx,
 *  "latency_ms": {"p50", "p99"} over the last 1024 answered requests,
 *  "threads", "connections": open now, "max_connections"} */
static enum MHD_Result get_stats(struct call *c)
{
    ns_http_server_t *srv = c->srv;
    char err[512];
    ns_index_t *idx;
    ns_index_info_t info;
    int have_info = worker_index(srv, &idx, err, sizeof err) == NS_STATUS_OK &&
                    ns_index_info(idx, &info) == NS_STATUS_OK;
    char built[32];
    if (have_info && info.built)
        ns_date_format(info.built, built, sizeof built);
    char *real = realpath(srv->cfg->db, NULL);
    double p50, p99;
    latency_percentiles(srv, &p50, &p99);

    /* clang-format off */
    json_t *o = json_pack(
        "{s:o, s:{s:s, s:s?, s:s?, s:s?, s:I},"
        " s:I, s:I, s:I, s:{s:f, s:f}, s:I, s:I, s:I}",
        "articles", have_info ? json_integer((json_int_t)info.articles)
                              : json_null(),
        "index",
            "path", srv->cfg->db,
            "realpath", real,
            "generation", have_info && *info.generation ? info.generation
                                                        : NULL,
            "built", have_info && info.built ? built : NULL,
            "reloads", (json_int_t)atomic_load(&srv->generation),
        "uptime_s", (json_int_t)(monotonic_s() - srv->started),
        "requests", (json_int_t)atomic_load(&srv->requests),
        "errors", (json_int_t)atomic_load(&srv->errors),
        "latency_ms", "p50", round3(p50), "p99", round3(p99),
        "threads", (json_int_t)srv->cfg->threads,
        "connections", (json_int_t)atomic_load(&srv->connections),
        "max_connections", (json_int_t)srv->cfg->max_connections);
    /* clang-format on */
    free(real);
    char *body = with_newline(json_text(o));
    json_decref(o);
    return reply(c, 200, body);
}

/* Does PATH start with PREFIX and go on with something?  Returns the rest
 * or NULL. */
static const char *after_prefix(const char *path, const char *prefix)
{
    size_t len = strlen(prefix);
    return strncmp(path, prefix, len) == 0 && path[len] ? path + len : NULL;
}

static enum MHD_Result route(struct call *c)
{
    const char *p = c->path, *id;
    if (strcmp(p, "/v1/search") == 0)
        return get_search(c);
    if ((id = after_prefix(p, "/v1/articles/")))
        return get_article(c, id);
    if ((id = after_prefix(p, "/v1/related/")))
        return get_related(c, id);
    if (strcmp(p, "/health") == 0)
        return get_health(c);
    if (strcmp(p, "/v1/stats") == 0)
        return get_stats(c);
    return reply_error(c, 404, "not_found", "no such endpoint '%s'", shown(p));
}

/* ------------------------------------------------------------------------ */
/* libmicrohttpd callbacks                                                  */
/* ------------------------------------------------------------------------ */

/* May the peer of CONN use the server (--allow-uid)?  Checked once per
 * connection: the credentials are those of the process that called
 * connect(). */
static int peer_allowed(ns_http_server_t *srv, struct MHD_Connection *conn)
{
    const ns_http_config_t *cfg = srv->cfg;
    if (!cfg->allow_uids)
        return 1;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    uid_t uid;
    if (!info || ns_net_peer_uid(info->connect_fd, &uid) < 0) {
        ns_warn("cannot read a client's credentials; refusing it");
        return 0;
    }
    for (size_t i = 0; i < cfg->n_allow_uids; i++)
        if (cfg->allow_uids[i] == uid)
            return 1;
    ns_warn("refusing a client with uid %lu (not in --allow-uid)",
            (unsigned long)uid);
    return 0;
}

static void connection_notify(void *cls, struct MHD_Connection *conn,
                              void **socket_context,
                              enum MHD_ConnectionNotificationCode toe)
{
    ns_http_server_t *srv = cls;
    struct connection *cn = *socket_context;
    if (toe != MHD_CONNECTION_NOTIFY_STARTED) {
        atomic_fetch_sub(&srv->connections, 1);
        if (cn && cn->fresh)
            atomic_fetch_sub(&srv->fresh, 1);
        free(cn);
        *socket_context = NULL;
        return;
    }
    atomic_fetch_add(&srv->connections, 1);
    /* Without memory for it, the connection is refused (403) under
     * --allow-uid and served otherwise. */
    cn = calloc(1, sizeof *cn);
    *socket_context = cn;
    if (!cn)
        return;
    cn->fresh = 1;
    atomic_fetch_add(&srv->fresh, 1);
    cn->allowed = peer_allowed(srv, conn);
}

/* The state of CONN, or NULL. */
static struct connection *connection_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/* Is every '%' in URI followed by two hex digits, and none of them %00
 * (which would cut the decoded string short)?  libmicrohttpd leaves a
 * malformed escape as it is, so this has to look at the raw URL. */
static int escapes_ok(const char *uri)
{
    for (const char *p = uri; *p; p++) {
        if (*p != '%')
            continue;
        if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]) ||
            (p[1] == '0' && p[2] == '0'))
            return 0;
        p += 2;
    }
    return 1;
}

/* Called with the raw URL as soon as the request line is read: the
 * request begins here, and its struct request is freed in completed(). */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *conn)
{
    ns_http_server_t *srv = cls;
    atomic_fetch_add(&srv->requests, 1);
    struct connection *cn = connection_of(conn);
    if (cn && cn->fresh) {
        cn->fresh = 0;
        atomic_fetch_sub(&srv->fresh, 1);
    }
    struct request *req = calloc(1, sizeof *req);
    if (!req)
        return NULL;
    req->start = monotonic_s();
    strcpy(req->method, "-");
    uri_for_log(req->uri, uri);
    req->bad_escape = !escapes_ok(uri);
    return req;
}

static void completed(void *cls, struct MHD_Connection *conn, void **req_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    ns_http_server_t *srv = cls;
    struct request *req = *req_cls;
    *req_cls = NULL;
    if (req && req->in_flight)
        atomic_fetch_sub(&srv->in_flight, 1);
    if (!req) {
        atomic_fetch_add(&srv->errors, 1);
        return;
    }
    double ms = (monotonic_s() - req->start) * 1000.0;
    if (req->status >= 400 || toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
        atomic_fetch_add(&srv->errors, 1);
    if (req->status && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        latency_add(srv, ms);
    const char *why = NULL;
    switch (toe) {
    case MHD_REQUEST_TERMINATED_COMPLETED_OK:
    case MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN:
        break;
    case MHD_REQUEST_TERMINATED_TIMEOUT_REACHED:
        why = "client timed out";
        break;
    case MHD_REQUEST_TERMINATED_CLIENT_ABORT:
        why = "client closed the connection";
        break;
    case MHD_REQUEST_TERMINATED_READ_ERROR:
        why = "cannot read from client";
        break;
    case MHD_REQUEST_TERMINATED_WITH_ERROR:
    default:
        why = "connection failed";
        break;
    }
    if (why)
        ns_warn("%s mid-%s: %s %s", why, req->status ? "response" : "request",
                req->method, req->uri);
    if (srv->cfg->access_log) {
        char status[16];
        snprintf(status, sizeof status, "%u", req->status);
        ns_error("access: %s %s %s %.3fms", req->method, req->uri,
                 req->status ? status : "-", ms);
    }
    free(req);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **req_cls)
{
    (void)version;
    (void)upload_data;
    ns_http_server_t *srv = cls;
    struct request *req = *req_cls;
    if (!req) {
        /* uri_log() could not allocate; try once more. */
        req = calloc(1, sizeof *req);
        if (!req)
            return MHD_NO;
        req->start = monotonic_s();
        strcpy(req->method, "-");
        *req_cls = req;
    }
    if (req->status || *upload_data_size) {
        /* Answered already, or a body nobody asked for: discard it. */
        *upload_data_size = 0;
        return MHD_YES;
    }
    snprintf(req->method, sizeof req->method, "%s", method);
    /* In flight from now on: its headers are in.  A client that stalls
     * before that does not hold up a shutdown. */
    if (!req->in_flight) {
        req->in_flight = 1;
        atomic_fetch_add(&srv->in_flight, 1);
    }
    struct call c = {.srv = srv, .conn = conn, .req = req, .path = url};
    int readonly = strcmp(method, MHD_HTTP_METHOD_GET) == 0 ||
                   strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    /* The first call comes when the headers are in.  Answering then, before
     * libmicrohttpd knows the request is complete, makes it close the
     * connection afterwards; GET and HEAD are answered on the next call
     * instead, so that the connection can be kept alive.  Other methods
     * are refused at once, without reading their bodies. */
    if (!req->headers_seen && readonly) {
        req->headers_seen = 1;
        return MHD_YES;
    }

    if (srv->cfg->allow_uids) {
        const struct connection *cn = connection_of(conn);
        if (!cn || !cn->allowed)
            return reply_error(&c, 403, "forbidden",
                               "this user may not use the server");
    }
    if (!readonly)
        return reply_error(&c, 405, "method_not_allowed",
                           "only GET and HEAD are allowed");
    if (req->bad_escape)
        return reply_error(&c, 400, "bad_parameter",
                           "malformed percent-encoding in the URL");
    if (!ns_utf8_valid(url, strlen(url)))
        return reply_error(&c, 400, "bad_parameter",
                           "the path is not valid UTF-8");
    struct args_check ck = {0};
    MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, check_arg, &ck);
    if (ck.bad && ck.key[0])
        return reply_error(&c, 400, "bad_parameter",
                           "parameter '%s' is not valid UTF-8", ck.key);
    if (ck.bad)
        return reply_error(&c, 400, "bad_parameter",
                           "a parameter name is not valid UTF-8");
    unsigned open = atomic_load(&srv->connections);
    if (open > srv->cfg->max_connections)
        return reply_error(&c, 503, "overloaded",
                           "too many connections (%u, at most %u); try again",
                           open, srv->cfg->max_connections);
    return route(&c);
}

/* ------------------------------------------------------------------------ */
/* Starting and stopping                                                    */
/* ------------------------------------------------------------------------ */

static void server_free(ns_http_server_t *srv)
{
    if (srv->have_key)
        pthread_key_delete(srv->worker_key);
    pthread_mutex_destroy(&srv->latency_lock);
    free(srv);
}

int ns_http_start(const ns_http_config_t *cfg, int fd, ns_http_server_t **out)
{
    *out = NULL;
    ns_http_server_t *srv = calloc(1, sizeof *srv);
    if (!srv)
        return ns_error("error: out of memory");
    srv->cfg = cfg;
    srv->started = monotonic_s();
    pthread_mutex_init(&srv->latency_lock, NULL);
    if (pthread_key_create(&srv->worker_key, worker_free) != 0) {
        server_free(srv);
        return ns_error("error: cannot create a thread key");
    }
    srv->have_key = 1;

    /* MHD_USE_AUTO picks epoll on Linux; MHD_USE_ITC is needed by
     * MHD_quiesce_daemon().  A pool of 1 is no pool: one internal thread
     * then serves everything. */
    unsigned flags =
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    unsigned pool = cfg->threads > 1 ? cfg->threads : 0;
    /* clang-format off */
    srv->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, handle, srv,
        /* First, so that startup messages go through it too. */
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, (void *)srv,
        MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
        MHD_OPTION_THREAD_POOL_SIZE, pool,
        MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)(cfg->max_connections + OVERLOAD_HEADROOM),
        MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)NS_HTTP_MEMORY_LIMIT,
        MHD_OPTION_URI_LOG_CALLBACK, uri_log, (void *)srv,
        MHD_OPTION_NOTIFY_COMPLETED, completed, (void *)srv,
        MHD_OPTION_NOTIFY_CONNECTION, connection_notify, (void *)srv,
        MHD_OPTION_END);
    /* clang-format on */
    if (!srv->daemon) {
        server_free(srv);
        return ns_error("error: cannot start the HTTP server "
                        "(libmicrohttpd refused the options)");
    }
    *out = srv;
    return 0;
}

void ns_http_reload(ns_http_server_t *srv)
{
    atomic_fetch_add(&srv->generation, 1);
}

int ns_http_quiesce(ns_http_server_t *srv)
{
    atomic_store(&srv->stopping, 1);
    return MHD_quiesce_daemon(srv->daemon) == MHD_INVALID_SOCKET ? -1 : 0;
}

unsigned ns_http_in_flight(const ns_http_server_t *srv)
{
    return atomic_load(&srv->in_flight);
}

unsigned ns_http_fresh(const ns_http_server_t *srv)
{
    return atomic_load(&srv->fresh);
}

void ns_http_stop(ns_http_server_t *srv)
{
    if (!srv)
        return;
    MHD_stop_daemon(srv->daemon);
    server_free(srv);
}
