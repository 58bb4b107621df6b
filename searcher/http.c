/* http.c - nsearchd's libmicrohttpd glue: the daemon, its callbacks
 * (connections, --allow-uid, the request's life from its request line to
 * its end, logging) and the checks every request passes before it is
 * routed (routes.c).  The other files of the HTTP side are listed in
 * server.h.
 *
 * Threads.  libmicrohttpd runs a pool of --threads workers
 * (MHD_USE_INTERNAL_POLLING_THREAD with MHD_OPTION_THREAD_POOL_SIZE); each
 * polls the shared listening socket and serves its own connections, and a
 * request is handled start to finish on the worker that read it.  Xapian
 * handles are not thread-safe, so every worker keeps its own ns_index_t in
 * a pthread key, opened on its first request and closed by the key's
 * destructor when the worker exits (workers.c).  A worker blocks while it
 * searches; slow clients do not block it, since reading and writing are
 * event-driven.  A kept-alive connection stays with the worker that
 * accepted it, so a few busy connections can load the workers unevenly;
 * a proxy's pool of connections (nginx "keepalive 16") evens it out.
 *
 * Freshness.  Before a request a worker refreshes its handle if it has not
 * done so for a second (another process may have committed) or if another
 * worker has answered from a version it may not have yet (so that no
 * reader sees the index go back: "Never backwards" in workers.c), reopens it
 * from scratch after SIGHUP (a generation counter it compares with its
 * own) or when the index directory was replaced by another one (rename),
 * and retries a call once when the library says NS_STATUS_RETRY.  A
 * worker without requests has the same done by the tidy thread
 * (workers.c), so that it does not keep a superseded generation's
 * deleted files open.
 *
 * Errors are {"error": {"code", "message"}} with these codes:
 *   400 bad_parameter   403 forbidden   404 not_found
 *   405 method_not_allowed (with "Allow: GET, HEAD", and OPTIONS with
 *       --cors, whose preflights cors.c answers)
 *   414 too_large       431 too_large   500 internal
 *   503 overloaded, no_index, timeout, shutting_down
 * A URL over NS_HTTP_MAX_HEAD bytes or NS_HTTP_MAX_PARAMS parameters is
 * answered 414 too_large, and headers that make the head longer than
 * NS_HTTP_MAX_HEAD 431 too_large; a head longer than the connection's
 * memory (NS_HTTP_MEMORY_LIMIT) never reaches us: libmicrohttpd answers
 * 414 or 431 itself, with an HTML body, as it does a chunked body it
 * cannot read (400), with no hook to put a JSON body in its place. */
#include <arpa/inet.h>
#include <pthread.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/un.h>
#include <time.h>

#include "net.h"
#include "server.h"

typedef struct ns_http_conn connection;

/* The client address ns_http_add_connection() gives libmicrohttpd, by
 * which connection_notify() knows the connection for one of those: the
 * family AF_UNSPEC, which no client accept()ed from a Unix socket has.
 * Only the family is compared: libmicrohttpd keeps as many bytes of an
 * address as accept() gave, two for an unnamed client, so a name after
 * it would be read past the end of its copy. */
static const struct sockaddr adopted_addr = {.sa_family = AF_UNSPEC};

/* ------------------------------------------------------------------------ */
/* Logging                                                                  */
/* ------------------------------------------------------------------------ */

/* log.c has ns_warn(), which writes the level word "warning:", and
 * ns_error(), which writes none; the server's other levels ("error:",
 * "access:") are therefore written at the start of an ns_error() message.
 * Each is one fprintf, so lines from different workers do not mix. */

/* Set while this thread closes a connection that guard.c refused at
 * accept (see handle()): libmicrohttpd then logs "Application reported
 * internal error", which is our way of closing, not a failure. */
static _Thread_local int closing_refused;

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    size_t len = strlen(line);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    /* A client that hangs up before its request is routine, and the
     * guard's closings (guard.c) are logged once per round; one line per
     * connection would flood the log during an attack. */
    if (strstr(line, "detected connection closure"))
        return;
    if (closing_refused && strstr(line, "Application reported internal error"))
        return;
    /* A connection taken from the backlog at shutdown (nsearchd.c) is
     * given to libmicrohttpd by hand, which then tries TCP options on it:
     * they mean nothing on a Unix socket, where nothing is held back. */
    if (strstr(line, "TCP_NODELAY") || strstr(line, "TCP_CORK") ||
        strstr(line, "Failed to push the data"))
        return;
    /* Out of descriptors (the system's, or a limit lowered after start:
     * fdlimit.c fits the settings to ours), libmicrohttpd retries accept()
     * at once and says so each time: a million lines in seconds.  Once a
     * second, with how many were left out. */
    if (strstr(line, "accepting connection") ||
        strstr(line, "resource limit")) {
        static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
        static time_t last;
        static unsigned left_out;
        time_t now = time(NULL);
        pthread_mutex_lock(&lock);
        int say = now != last;
        unsigned n = left_out;
        if (say) {
            last = now;
            left_out = 0;
        } else {
            left_out++;
        }
        pthread_mutex_unlock(&lock);
        if (!say)
            return;
        if (n)
            ns_warn("libmicrohttpd: %s (and %u more such lines in the "
                    "second before)",
                    line, n);
        else
            ns_warn("libmicrohttpd: %s", line);
        return;
    }
    ns_warn("libmicrohttpd: %s", line);
}

/* Copy the raw URL SRC into DST (NS_HTTP_LOG_URI_MAX + 4 bytes) for a log line:
 * bytes outside printable ASCII become %XX, and a long URL is cut with
 * "...". */
static void uri_for_log(char *dst, const char *src)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
        if (n + 3 > NS_HTTP_LOG_URI_MAX) {
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

/* METHOD as it goes into the log: libmicrohttpd passes on any bytes, and
 * "G\x1b[31mET" reached a terminal reading the log as an escape
 * sequence; a method is a token of printable ASCII, so anything else is
 * shown as '?'. */
static void method_for_log(char *dst, size_t size, const char *method)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)method;
         *p && n + 1 < size; p++)
        dst[n++] = *p > 0x20 && *p < 0x7f ? (char)*p : '?';
    dst[n] = '\0';
}

/* The fields a proxy forwards the client's address in. */
struct forwarded {
    const char *xff;     /* the last X-Forwarded-For field */
    const char *real_ip; /* X-Real-IP */
};

static enum MHD_Result forwarded_field(void *cls, enum MHD_ValueKind kind,
                                       const char *key, const char *value)
{
    struct forwarded *f = cls;
    (void)kind;
    if (!key || !value)
        return MHD_YES;
    /* Several X-Forwarded-For fields are one list, in order (RFC 9110
     * 5.3): the last field holds the last hop. */
    if (strcasecmp(key, "X-Forwarded-For") == 0)
        f->xff = value;
    else if (strcasecmp(key, "X-Real-IP") == 0)
        f->real_ip = value;
    return MHD_YES;
}

/* The client address of the request on CONN as the proxy in front
 * forwarded it (--trust-proxy), into OUT (SIZE bytes): the last entry of
 * X-Forwarded-For, the one the proxy added (nginx's
 * $proxy_add_x_forwarded_for appends the address it was connected from to
 * whatever the client sent, so the entries before it are the client's own
 * word), or else X-Real-IP.  "-" when there is neither, or it is no IPv4
 * or IPv6 address, which also keeps a forged value's bytes out of the
 * log. */
static void forwarded_client(struct MHD_Connection *conn, char *out,
                             size_t size)
{
    struct forwarded f = {NULL, NULL};
    MHD_get_connection_values(conn, MHD_HEADER_KIND, forwarded_field, &f);
    const char *v = f.xff ? f.xff : f.real_ip;
    const char *last = v ? strrchr(v, ',') : NULL;
    last = last ? last + 1 : v;
    snprintf(out, size, "-");
    if (!last)
        return;
    last += strspn(last, " \t");
    size_t len = strcspn(last, " \t");
    char addr[INET6_ADDRSTRLEN];
    unsigned char bin[16];
    if (len == 0 || len >= sizeof addr || len >= size ||
        last[len + strspn(last + len, " \t")] != '\0')
        return;
    memcpy(addr, last, len);
    addr[len] = '\0';
    if (inet_pton(AF_INET, addr, bin) == 1 ||
        inet_pton(AF_INET6, addr, bin) == 1)
        snprintf(out, size, "%s", addr);
}

/* ------------------------------------------------------------------------ */
/* libmicrohttpd callbacks                                                  */
/* ------------------------------------------------------------------------ */

static void connection_notify(void *cls, struct MHD_Connection *conn,
                              void **socket_context,
                              enum MHD_ConnectionNotificationCode toe)
{
    ns_http_server_t *srv = cls;
    connection *cn = *socket_context;
    if (toe != MHD_CONNECTION_NOTIFY_STARTED) {
        atomic_fetch_sub(&srv->connections, 1);
        if (cn && cn->fresh)
            atomic_fetch_sub(&srv->fresh, 1);
        if (cn)
            ns_http_guard_forget(srv, cn);
        free(cn);
        *socket_context = NULL;
        return;
    }
    atomic_fetch_add(&srv->connections, 1);
    const union MHD_ConnectionInfo *from =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (from && from->client_addr &&
        from->client_addr->sa_family == adopted_addr.sa_family)
        atomic_fetch_sub(&srv->adopting, 1);
    /* Without memory for it, the connection is refused (403) under
     * --allow-uid and served otherwise. */
    cn = calloc(1, sizeof *cn);
    *socket_context = cn;
    if (!cn)
        return;
    cn->fresh = 1;
    atomic_fetch_add(&srv->fresh, 1);
    ns_http_guard_admit(srv, conn, cn);
}

/* The state of CONN, or NULL. */
static connection *connection_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/* Is every '%' in URI followed by two hex digits (1; else 0), and none of
 * them %00, which would cut the decoded string short (else -1)?
 * libmicrohttpd leaves a malformed escape as it is, so this has to look
 * at the raw URL. */
static int escapes_ok(const char *uri)
{
    for (const char *p = uri; *p; p++) {
        if (*p != '%')
            continue;
        if (!isxdigit((unsigned char)p[1]) || !isxdigit((unsigned char)p[2]))
            return 0;
        if (p[1] == '0' && p[2] == '0')
            return -1;
        p += 2;
    }
    return 1;
}

/* What struct ns_http_request.bad_bytes says of the raw URL: 0 when it
 * has only printable bytes.  A control byte or a raw space is no part of
 * a URL (RFC 3986), and must not be quietly dropped or passed on.  A
 * space is told apart: it is what a hand-written URL ("q=oil prices")
 * most often holds, and the fix (%20 or +) is worth saying. */
static int bad_bytes_of(const char *uri)
{
    int space = 0;
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return 1;
        if (*p == ' ')
            space = 1;
    }
    return space ? 2 : 0;
}

/* Is the raw URL within NS_HTTP_MAX_HEAD bytes and NS_HTTP_MAX_PARAMS
 * parameters?  0 if so, else what struct ns_http_request.too_large says.
 * libmicrohttpd splits the query at each '&' into a record in the
 * connection's memory; counting them here comes before it does. */
static int url_too_large(const char *uri, size_t len)
{
    if (len > NS_HTTP_MAX_HEAD)
        return 1;
    const char *query = strchr(uri, '?');
    size_t params = query ? 1 : 0;
    for (const char *p = query; p && *p; p++)
        params += *p == '&';
    return params > NS_HTTP_MAX_PARAMS ? 2 : 0;
}

static enum MHD_Result add_header_size(void *cls, enum MHD_ValueKind kind,
                                       const char *key, size_t key_size,
                                       const char *value, size_t value_size)
{
    (void)kind;
    (void)key;
    (void)value;
    *(size_t *)cls += key_size + value_size + 4; /* ": " and CR LF */
    return MHD_YES;
}

/* The size of REQ's head on CONN as it came: its request line (near
 * enough) and its headers. */
static size_t head_size(struct MHD_Connection *conn,
                        const struct ns_http_request *req)
{
    size_t size = req->uri_len + sizeof "GET  HTTP/1.1\r\n" - 1;
    MHD_get_connection_values_n(conn, MHD_HEADER_KIND, add_header_size, &size);
    return size;
}

/* Called with the raw URL as soon as the request line is read: the
 * request begins here, and its struct ns_http_request is freed in completed().
 */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *conn)
{
    ns_http_server_t *srv = cls;
    connection *cn = connection_of(conn);
    if (cn && cn->fresh) {
        cn->fresh = 0;
        atomic_fetch_sub(&srv->fresh, 1);
    }
    struct ns_http_request *req = calloc(1, sizeof *req);
    if (!req)
        return NULL;
    req->start = ns_monotonic_s();
    strcpy(req->method, "-");
    /* The route now, from the raw URL, for a request that ends before the
     * handler sees it (a client that leaves); handle() sets it again. */
    req->route = ns_http_route_of_raw(uri, strlen(uri));
    uri_for_log(req->uri, uri);
    int escapes = escapes_ok(uri);
    req->bad_escape = escapes == 1 ? 0 : escapes == 0 ? 1 : 2;
    req->bad_bytes = bad_bytes_of(uri);
    req->uri_len = strlen(uri);
    req->uri_end = uri + req->uri_len;
    req->too_large = url_too_large(uri, req->uri_len);
    if (req->too_large) {
        /* Cut the query in libmicrohttpd's own buffer, where it is about
         * to parse it (it calls us first, "before we modify URI or
         * args"), so that it parses none: it has not the memory to parse
         * them all, nor would it then answer at all (see NS_HTTP_MAX_PARAMS
         * in http.h).  The handler answers 414. */
        char *query = strchr((char *)uri, '?');
        if (query)
            query[1] = '\0';
    }
    return req;
}

static void completed(void *cls, struct MHD_Connection *conn, void **req_cls,
                      enum MHD_RequestTerminationCode toe)
{
    ns_http_server_t *srv = cls;
    connection *cn = connection_of(conn);
    if (cn && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        ns_http_guard_answered(srv, cn);
    struct ns_http_request *req = *req_cls;
    *req_cls = NULL;
    if (req && req->in_flight)
        atomic_fetch_sub(&srv->in_flight, 1);
    closing_refused = 0;
    if (!req) {
        ns_http_stats_end(&srv->stats, NS_HTTP_ROUTE_OTHER, 0, 0, 0);
        return;
    }
    double ms = (ns_monotonic_s() - req->start) * 1000.0;
    const char *why = NULL;
    if (!req->status && !req->refused) {
        /* libmicrohttpd may have answered the request itself, after its
         * head reached us: a chunked body it cannot read gets its own
         * HTML 400, which it logs, and then ends the request as failed.
         * Counted under the status the client was told, not "none". */
        const union MHD_ConnectionInfo *info =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_HTTP_STATUS);
        if (info && info->http_status) {
            req->status = info->http_status;
            toe = MHD_REQUEST_TERMINATED_COMPLETED_OK;
        }
    }
    if (req->refused) {
        /* Answered at accept by design: counted under that answer and
         * not logged as a failure (guard.c logs refusals itself). */
        ns_http_stats_refused(&srv->stats, req->route, req->status);
        toe = MHD_REQUEST_TERMINATED_COMPLETED_OK;
    } else {
        ns_http_stats_end(&srv->stats, req->route, req->status,
                          toe == MHD_REQUEST_TERMINATED_COMPLETED_OK, ms);
        if (req->told_stopping && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
            atomic_fetch_add(&srv->told_503s, 1);
    }
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
    /* The status logged is the one the request is counted under in the
     * metrics: an answer cut off on its way out (a client that left or
     * stopped reading) is "none", since the client never got it; the
     * warning says which answer it was. */
    char status[16] = "none";
    if (why && req->status)
        ns_warn("%s mid-response, its %u cut off: %s %s", why, req->status,
                req->method, req->uri);
    else if (why)
        ns_warn("%s mid-request: %s %s", why, req->method, req->uri);
    if (req->status && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        snprintf(status, sizeof status, "%u", req->status);
    /* With --trust-proxy each line ends with the client, as a proxy's
     * own log begins with it; without, every client is the proxy. */
    char client[sizeof req->client + 1] = "";
    if (srv->cfg->trust_proxy)
        snprintf(client, sizeof client, " %s",
                 req->client[0] ? req->client : "-");
    if (srv->cfg->access_log)
        ns_error("access: %s %s %s %.3fms%s", req->method, req->uri, status, ms,
                 client);
    /* The slow log, as databases keep one: the requests worth a look
     * (a phrase of common words, a deep page), without every line of the
     * access log.  Refused requests were answered at once. */
    if (srv->cfg->slow_ms >= 0 && !req->refused && ms >= srv->cfg->slow_ms)
        ns_error("slow: %s %s %s %.3fms%s", req->method, req->uri, status, ms,
                 client);
    free(req);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn,
                              const char *url, const char *method,
                              const char *version, const char *upload_data,
                              size_t *upload_data_size, void **req_cls)
{
    (void)upload_data;
    ns_http_server_t *srv = cls;
    struct ns_http_request *req = *req_cls;
    connection *cn = connection_of(conn);
    /* Refused at accept (guard.c): the answer is sent; close now, which
     * libmicrohttpd calls an internal error (not logged, see mhd_log()).
     * The request is counted under that answer (see completed()). */
    if (cn && cn->refused) {
        if (req) {
            method_for_log(req->method, sizeof req->method, method);
            if (srv->cfg->trust_proxy)
                forwarded_client(conn, req->client, sizeof req->client);
            req->route = ns_http_route_of(url);
            req->status = (unsigned)cn->refused;
            req->refused = 1;
        }
        closing_refused = 1;
        return MHD_NO;
    }
    if (!req) {
        /* uri_log() could not allocate; try once more. */
        req = calloc(1, sizeof *req);
        if (!req)
            return MHD_NO;
        req->start = ns_monotonic_s();
        strcpy(req->method, "-");
        *req_cls = req;
    }
    if (req->status || *upload_data_size) {
        /* Answered already, or a body nobody asked for: discard it. */
        *upload_data_size = 0;
        return MHD_YES;
    }
    method_for_log(req->method, sizeof req->method, method);
    if (srv->cfg->trust_proxy && !req->client[0])
        forwarded_client(conn, req->client, sizeof req->client);
    req->route = ns_http_route_of(url);
    /* In flight from now on: its headers are in.  A client that stalls
     * before that does not hold up a shutdown. */
    if (!req->in_flight) {
        req->in_flight = 1;
        atomic_fetch_add(&srv->in_flight, 1);
    }
    ns_http_call_t c = {.srv = srv,
                        .conn = conn,
                        .req = req,
                        .path = url,
                        .head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0};
    /* A head a proxy could read as another request is refused on the
     * first call, before any body is read, and the connection closed:
     * whatever follows on it cannot be trusted to be a request. */
    const char *framing =
        req->headers_seen ? NULL : ns_http_framing_error(conn, version);
    if (framing) {
        if (cn)
            ns_http_guard_request_done(srv, cn);
        c.close = 1;
        return ns_http_reply_error(&c, 400, "bad_parameter",
                                   "malformed request head: %s", framing);
    }
    /* A preflight (--cors) is answered as a GET is, once it is all in. */
    int preflight =
        srv->cfg->cors_origin && strcmp(method, MHD_HTTP_METHOD_OPTIONS) == 0;
    int readonly = strcmp(method, MHD_HTTP_METHOD_GET) == 0 ||
                   strcmp(method, MHD_HTTP_METHOD_HEAD) == 0 || preflight;
    /* The first call comes when the headers are in.  Answering then, before
     * libmicrohttpd knows the request is complete, makes it close the
     * connection afterwards; GET and HEAD are answered on the next call
     * instead, so that the connection can be kept alive.  Other methods
     * are refused at once, without reading their bodies. */
    if (!req->headers_seen && readonly) {
        req->headers_seen = 1;
        return MHD_YES;
    }
    /* The request is all in (a body was read and dropped above), or is
     * about to be refused without its body: no deadline while it is
     * served.  Until now the guard's deadline held, for the body too. */
    if (cn)
        ns_http_guard_request_done(srv, cn);

    if (srv->cfg->allow_uids) {
        if (!cn || !cn->allowed)
            return ns_http_reply_error(&c, 403, "forbidden",
                                       "this user may not use the server");
    }
    /* Past the grace period of a shutdown (nsearchd.c, drain()): a
     * request still waiting then is told so at once, which frees the
     * worker for the next one, instead of getting no answer when the
     * server exits. */
    if (atomic_load(&srv->stopping) > 1) {
        req->told_stopping = 1; /* counted once sent, in completed() */
        return ns_http_reply_error(&c, 503, "shutting_down",
                                   "the server is shutting down; try again");
    }
    if (!readonly)
        return ns_http_reply_error(&c, 405, "method_not_allowed",
                                   "only GET and HEAD are allowed");
    if (preflight)
        return ns_http_preflight(&c);
    if (req->too_large == 1)
        return ns_http_reply_error(&c, 414, "too_large",
                                   "the URL is longer than %d bytes",
                                   NS_HTTP_MAX_HEAD);
    if (req->too_large)
        return ns_http_reply_error(&c, 414, "too_large",
                                   "the URL has more than %d parameters",
                                   NS_HTTP_MAX_PARAMS);
    if (head_size(conn, req) > NS_HTTP_MAX_HEAD)
        return ns_http_reply_error(&c, 431, "too_large",
                                   "the request head is longer than %d bytes",
                                   NS_HTTP_MAX_HEAD);
    if (req->bad_escape)
        return ns_http_reply_error(
            &c, 400, "bad_parameter", "%s",
            req->bad_escape == 2
                ? "a NUL byte (%00) in the URL: no parameter may hold one"
                : "malformed percent-encoding in the URL");
    /* A NUL byte in the request line ends the URL libmicrohttpd gives us
     * ("GET /health\0/x" would be served as /health); the HTTP version
     * then does not follow the URL's end in its buffer, where the request
     * line was split in place. */
    if (req->bad_bytes == 2)
        return ns_http_reply_error(&c, 400, "bad_parameter",
                                   "a space in the request line: write it "
                                   "in the URL as %%20 or +");
    if (req->bad_bytes || (req->uri_end && version > req->uri_end + 1 &&
                           version < req->uri_end + NS_HTTP_MEMORY_LIMIT))
        return ns_http_reply_error(&c, 400, "bad_parameter",
                                   "control bytes in the request line");
    if (ns_control_char(url, strlen(url)) >= 0)
        return ns_http_reply_error(&c, 400, "bad_parameter",
                                   "control characters in the path");
    if (!ns_utf8_valid(url, strlen(url)))
        return ns_http_reply_error(&c, 400, "bad_parameter",
                                   "the path is not valid UTF-8");
    enum MHD_Result ret;
    if (ns_http_check_args(&c, &ret) < 0)
        return ret;
    ret = ns_http_route(&c);
    ns_http_worker_release(srv);
    return ret;
}

/* ------------------------------------------------------------------------ */
/* Starting and stopping                                                    */
/* ------------------------------------------------------------------------ */

static void server_free(ns_http_server_t *srv)
{
    ns_http_guard_stop(srv);
    ns_http_workers_stop(srv);
    if (srv->have_key)
        pthread_key_delete(srv->worker_key);
    ns_http_stats_destroy(&srv->stats);
    free(srv);
}

int ns_http_start(const ns_http_config_t *cfg, int fd, ns_http_server_t **out)
{
    *out = NULL;
    ns_http_server_t *srv = calloc(1, sizeof *srv);
    if (!srv)
        return ns_error("error: out of memory");
    srv->cfg = cfg;
    srv->started = ns_monotonic_s();
    ns_http_stats_init(&srv->stats);
    if (pthread_key_create(&srv->worker_key, ns_http_worker_free) != 0) {
        server_free(srv);
        return ns_error("error: cannot create a thread key");
    }
    srv->have_key = 1;
    if (ns_http_workers_start(srv) < 0) {
        server_free(srv);
        return ns_error("error: cannot start the index refresh thread");
    }
    if (ns_http_guard_start(srv) < 0) {
        server_free(srv);
        return ns_error("error: cannot start the connection guard");
    }

    /* MHD_USE_AUTO picks epoll on Linux; MHD_USE_ITC is needed by
     * MHD_quiesce_daemon(). */
    unsigned flags =
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (fd < 0)
        flags |= MHD_USE_NO_LISTEN_SOCKET;
    /* The listening socket and the pool of --threads workers, each left
     * out when there is none.  A pool of 1 is no pool: one internal
     * thread then serves everything.  Its size is then not given at all:
     * libmicrohttpd logs a size of 0 (or 1) as a warning at every start. */
    struct MHD_OptionItem options[3];
    size_t n_options = 0;
    if (fd >= 0)
        options[n_options++] =
            (struct MHD_OptionItem){MHD_OPTION_LISTEN_SOCKET, fd, NULL};
    if (cfg->threads > 1)
        options[n_options++] = (struct MHD_OptionItem){
            MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)cfg->threads, NULL};
    options[n_options] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};
    /* clang-format off */
    srv->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, handle, srv,
        /* First, so that startup messages go through it too. */
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, (void *)srv,
        MHD_OPTION_ARRAY, options,
        MHD_OPTION_CONNECTION_LIMIT,
        cfg->max_connections + cfg->overload_headroom,
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

int ns_http_add_connection(ns_http_server_t *srv, int fd)
{
    /* Counted before libmicrohttpd's thread can start it. */
    atomic_fetch_add(&srv->adopting, 1);
    if (MHD_add_connection(srv->daemon, fd, &adopted_addr,
                           sizeof adopted_addr) == MHD_YES)
        return 0;
    atomic_fetch_sub(&srv->adopting, 1);
    return -1;
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

void ns_http_hurry(ns_http_server_t *srv)
{
    atomic_store(&srv->stopping, 2);
}

unsigned ns_http_told_503s(const ns_http_server_t *srv)
{
    return atomic_load(&srv->told_503s);
}

unsigned ns_http_lost_unread(const ns_http_server_t *srv)
{
    return atomic_load(&srv->lost_unread);
}

unsigned ns_http_in_flight(const ns_http_server_t *srv)
{
    return atomic_load(&srv->in_flight);
}

unsigned ns_http_pending(ns_http_server_t *srv)
{
    return atomic_load(&srv->in_flight) + atomic_load(&srv->adopting) +
           ns_http_guard_unread(srv);
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
