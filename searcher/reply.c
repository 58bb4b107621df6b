/* reply.c - nsearchd's answers: JSON bodies, errors as
 * {"error": {"code", "message"}}, and the headers that go with them
 * (Allow on 405, Retry-After on 503, Connection: close while stopping
 * and after a malformed head, ETag and Cache-Control: cache.c), and the
 * answer to a HEAD that runs no search. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* Longest parameter value quoted back in an error message. */
#define SHOWN_MAX 64

char *ns_http_json_body_text(char *text)
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

char *ns_http_json_body(json_t *o)
{
    /* Six significant digits: latencies in ms do not need %.17g. */
    return o ? ns_http_json_body_text(
                   json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)))
             : NULL;
}

enum MHD_Result ns_http_reply(ns_http_call_t *c, unsigned status, char *body)
{
    return ns_http_reply_typed(c, status, body, "application/json");
}

enum MHD_Result ns_http_reply_typed(ns_http_call_t *c, unsigned status,
                                    char *body, const char *type)
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
    if (MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                                body ? type : "application/json") != MHD_YES) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    return ns_http_queue(c, status, r);
}

/* The body of a HEAD answer, which libmicrohttpd never asks for. */
static ssize_t no_body(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls;
    (void)pos;
    (void)buf;
    (void)max;
    return MHD_CONTENT_READER_END_OF_STREAM;
}

enum MHD_Result ns_http_reply_head(ns_http_call_t *c)
{
    /* libmicrohttpd 0.9.75 frames every answer to HEAD as it would the
     * GET of the same response object: an empty buffer gets
     * "Content-Length: 0", and a body of unknown size "Transfer-Encoding:
     * chunked", each a false claim about the GET (which has a length).
     * Answered as HTTP/1.0 would frame it, it has neither, and the
     * connection is closed after it, since nothing else would say where
     * a body ended.  (1.0.0 has MHD_RF_HEAD_ONLY_RESPONSE for this.) */
    struct MHD_Response *r = MHD_create_response_from_callback(
        MHD_SIZE_UNKNOWN, 1024, no_body, NULL, NULL);
    if (!r)
        return MHD_NO;
    if (MHD_set_response_options(r, MHD_RF_HTTP_1_0_COMPATIBLE_STRICT,
                                 MHD_RO_END) != MHD_YES ||
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
                                "application/json") != MHD_YES) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    return ns_http_queue(c, 200, r);
}

enum MHD_Result ns_http_queue(ns_http_call_t *c, unsigned status,
                              struct MHD_Response *r)
{
    char max_age[32];
    int ok = MHD_add_response_header(
                 r, MHD_HTTP_HEADER_CACHE_CONTROL,
                 ns_http_cache_control(c, status, max_age, sizeof max_age)) ==
             MHD_YES;
    if (c->etag[0] && (status == 200 || status == 304))
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, c->etag) ==
              MHD_YES;
    if (status == 405)
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
                                      c->srv->cfg->cors_origin
                                          ? "GET, HEAD, OPTIONS"
                                          : "GET, HEAD") == MHD_YES;
    ok &= ns_http_cors_headers(c, r);
    if (status == 503)
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "1") ==
              MHD_YES;
    /* While stopping, and when overloaded, ask the client to go away so
     * that the connection frees up. */
    if (atomic_load(&c->srv->stopping) || status == 503 || c->close)
        ok &= MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close") ==
              MHD_YES;
    enum MHD_Result ret = ok ? MHD_queue_response(c->conn, status, r) : MHD_NO;
    MHD_destroy_response(r);
    c->req->status = status;
    return ret;
}

enum MHD_Result ns_http_reply_error(ns_http_call_t *c, unsigned status,
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
    char *body = ns_http_json_body(o);
    json_decref(o);
    return ns_http_reply(c, status, body);
}

const char *ns_http_shown(const char *value)
{
    if (strlen(value) > SHOWN_MAX)
        return "(too long to show)";
    /* C0, DEL, and C1 (U+0080-U+009F, UTF-8 C2 80-9F: U+009B is a
     * terminal's CSI), as the query checks count control characters. */
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p < 0x20 || *p == 0x7f ||
            (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
            return "(contains control characters)";
    return value;
}

/* How many of IDX's shards are down (0 for one index). */
static size_t shards_down(ns_index_t *idx)
{
    size_t down = 0, n = ns_index_shard_count(idx);
    for (size_t i = 0; i < n; i++) {
        ns_shard_info_t si;
        if (ns_index_shard_info(idx, i, &si) == NS_STATUS_OK && !si.up)
            down++;
    }
    return down;
}

enum MHD_Result ns_http_reply_status(ns_http_call_t *c, ns_index_t *idx,
                                     ns_status_t st, const char *what)
{
    /* A copy: the handle's text is cleared by the next call on it, such
     * as the shard count below, which left "search failed: " alone. */
    char detail[1024];
    snprintf(detail, sizeof detail, "%s",
             idx && *ns_index_last_error(idx) ? ns_index_last_error(idx)
                                              : ns_status_to_string(st));
    switch (st) {
    case NS_STATUS_NOT_FOUND:
        return ns_http_reply_error(c, 404, "not_found", "%s", detail);
    case NS_STATUS_BAD_QUERY:
        return ns_http_reply_error(c, 400, "bad_parameter", "%s", detail);
    case NS_STATUS_RETRY:
        return ns_http_reply_error(c, 503, "overloaded",
                                   "the index changed during the %s; try again",
                                   what);
    default:
        /* A cluster's search or lookup fails when it finds a shard down
         * and may not answer without it: every shard down, or any with
         * "partial no" (NS_STATUS_SHARDS_DOWN, as when a worker opens the
         * cluster afresh), or one lost during the request.  Not a fault
         * of the server: 503, as /health says, so that a balancer tries
         * elsewhere and a client later. */
        if (st == NS_STATUS_SHARDS_DOWN || (idx && shards_down(idx)))
            return ns_http_reply_error(c, 503, "shards_down", "%s failed: %s",
                                       what, detail);
        ns_error("error: %s failed: %s: %s", what, ns_status_to_string(st),
                 detail);
        return ns_http_reply_error(c, 500, "internal", "%s failed: %s", what,
                                   detail);
    }
}
