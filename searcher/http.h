/* http.h - The HTTP side of nsearchd: a libmicrohttpd daemon on a listening
 * socket, the routes, their parameters, the JSON answers, the per-thread
 * index handles and the statistics.
 *
 * nsearchd.c calls these from its main thread only; the requests run on
 * libmicrohttpd's worker threads. */
#ifndef NS_HTTP_H
#define NS_HTTP_H

#include <stddef.h>
#include <sys/types.h>

#include "ns.h"

/* Hard limits of the protocol (also in nsearchd --help). */
#define NS_HTTP_MAX_LIMIT 100      /* hits per page */
#define NS_HTTP_MAX_OFFSET 10000   /* hits skipped */
#define NS_HTTP_MAX_RELATED 20     /* related posts */
#define NS_HTTP_MAX_HALF_LIFE 3650 /* days, as nsearch --half-life */
#define NS_HTTP_MAX_QUERY 4096     /* bytes in q; longer is 414 */
#define NS_HTTP_MAX_VALUES 20      /* sections, or languages, asked at once */
#define NS_HTTP_MAX_UIDS 64        /* entries in --allow-uid */

/* Days of recent_days, as nsearch --recent-days. */
#define NS_HTTP_MAX_RECENT_DAYS 36500
/* Bytes of snippet a hit may ask for.  nsearch allows 10000, but a page
 * of 100 hits would then carry a megabyte of text twice over (snippet and
 * snippet_html): an article's whole text is /v1/articles/{id}. */
#define NS_HTTP_MAX_SNIPPET 1000
/* The longest request head (request line and headers) served: past it, a
 * URL is answered 414 too_large, headers 431 too_large. */
#define NS_HTTP_MAX_HEAD 65536
/* The most query parameters in a URL; more are answered 414 too_large.
 * Far more than a search takes (12 single ones and 20 of each list). */
#define NS_HTTP_MAX_PARAMS 256
/* Bytes of memory per connection (libmicrohttpd's pool).  libmicrohttpd
 * first gives half of it to the read buffer, where a URL of up to
 * NS_HTTP_MAX_HEAD (and NS_HTTP_MAX_PARAMS * 64 more of headers) completes
 * its request line, and takes a record of about 48 bytes for each
 * parameter and header from the other half.  Were the records to run out,
 * libmicrohttpd 0.9.75 would decide on a 431 and then send nothing,
 * leaving the client waiting for --header-timeout: hence the half for
 * them, and the parameters counted before it parses them (http.c).  A
 * head too long for the whole pool is answered 414 or 431 by
 * libmicrohttpd itself, with an HTML body.  Pages of the pool that are
 * not written to cost no memory. */
#define NS_HTTP_MEMORY_LIMIT (2 * (NS_HTTP_MAX_HEAD + NS_HTTP_MAX_PARAMS * 64))

typedef struct ns_http_config {
    const char *db;              /* index directory */
    unsigned threads;            /* worker threads, each with its own index
                                    handle */
    unsigned max_connections;    /* open connections served; more get 503 */
    unsigned overload_headroom;  /* connections accepted past that, only to
                                    be told 503 (NS_HTTP_OVERLOAD_HEADROOM) */
    unsigned timeout_s;          /* idle seconds before a connection is
                                    dropped, also mid-request */
    unsigned max_per_uid;        /* connections admitted per peer uid; 0 for
                                    no limit but max_connections */
    unsigned header_timeout_s;   /* seconds for a request head to arrive
                                    (guard.c) */
    unsigned request_timeout_ms; /* time budget of one search; 0 for
                                    none */
    unsigned max_age_s;          /* Cache-Control max-age of answers
                                    with an ETag; 0: no-cache */
    const char *cors_origin;     /* Access-Control-Allow-Origin, or NULL
                                    for no CORS (cors.c) */
    int access_log;              /* one line per request on stderr */
    int trust_proxy;             /* log the client address a proxy
                                    forwards (X-Forwarded-For) */
    long slow_ms; /* one line per request this slow or slower; -1: none */
    const uid_t *allow_uids; /* peers allowed, or NULL for anyone who
                                can open the socket */
    size_t n_allow_uids;
} ns_http_config_t;

/* Connections libmicrohttpd accepts beyond max_connections, only to be
 * told 503 at once by guard.c, so a client learns why instead of seeing its
 * connection closed.  Refused connections close within a second, so only
 * a burst of more than this many in one second meets silence. */
#define NS_HTTP_OVERLOAD_HEADROOM 256

/* fdlimit.c: the open files THREADS workers and CONNECTIONS connections
 * need; and fit *MAX_CONNECTIONS and *HEADROOM to the open file limit,
 * raising the soft limit first (a warning when they are lowered; -1, said,
 * when not even one connection fits). */
unsigned ns_http_fds_needed(unsigned threads, unsigned connections);
int ns_http_fit_fds(unsigned threads, unsigned *max_connections,
                    unsigned *headroom);

typedef struct ns_http_server ns_http_server_t;

/* Is ORIGIN what --cors takes: "*", or a serialized origin
 * ("https://www.example.org", "http://localhost:8080")? (cors.c) */
int ns_http_cors_origin_ok(const char *origin);

/* Start serving CONFIG on the listening socket FD (which stays the
 * caller's: close it after ns_http_stop()), or, with FD -1, only the
 * connections given to ns_http_add_connection().  CONFIG and the strings it
 * points to must outlive the server.  Returns 0 and the server in *out, or
 * -1 after logging why (libmicrohttpd's own messages are logged as
 * warnings). */
int ns_http_start(const ns_http_config_t *config, int fd,
                  ns_http_server_t **out);

/* Serve the connected socket FD (taken) as if it had been accepted: for a
 * server started with FD -1 (no listening socket), as the fuzzing harness
 * tests/fuzz/fuzz_http.c does, and for the connections still queued on
 * the listening socket at shutdown.  Returns 0, or -1. */
int ns_http_add_connection(ns_http_server_t *srv, int fd);

/* Make every worker reopen its index handle before its next request (on
 * SIGHUP).  Only bumps an atomic counter: cheap and safe anywhere. */
void ns_http_reload(ns_http_server_t *srv);

/* Stop accepting connections; the open ones are still served, and their
 * responses say "Connection: close".  Returns 0, or -1 if libmicrohttpd
 * refused. */
int ns_http_quiesce(ns_http_server_t *srv);

/* Past the grace period of a shutdown: every request not yet begun is
 * answered 503 shutting_down at once instead of being served. */
void ns_http_hurry(ns_http_server_t *srv);

/* Number of requests answered 503 shutting_down (ns_http_hurry()) whose
 * answer was sent whole. */
unsigned ns_http_told_503s(const ns_http_server_t *srv);

/* Number of connections closed since ns_http_quiesce() with a request
 * sent and never read: libmicrohttpd's idle timeout (--timeout) closes
 * one left unread behind a slow search. */
unsigned ns_http_lost_unread(const ns_http_server_t *srv);

/* Number of requests whose headers are in and which are not finished. */
unsigned ns_http_in_flight(const ns_http_server_t *srv);

/* Number of requests the server owes an answer: those in flight, and the
 * connections with bytes it has not read (a request sent, waiting for a
 * busy worker) or given to ns_http_add_connection() and not yet taken
 * up. */
unsigned ns_http_pending(ns_http_server_t *srv);

/* Number of connections accepted on which no request has begun: a client
 * that has just connected and is about to send one. */
unsigned ns_http_fresh(const ns_http_server_t *srv);

/* Close every connection, join the workers (their index handles are closed
 * as they exit) and free SRV.  NULL-safe. */
void ns_http_stop(ns_http_server_t *srv);

#endif /* NS_HTTP_H */
