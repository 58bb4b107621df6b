/* cors.c - Cross-origin requests (--cors ORIGIN): a site's own pages on
 * another origin than the API (www.example.org calling
 * api.example.org) may read nsearchd's answers only when the answers say
 * so (the Fetch standard's CORS protocol).  Off by default: a server
 * behind a proxy of the same origin needs none of it, and one origin
 * given on purpose is safer than every one.
 *
 * With --cors, every answer says Access-Control-Allow-Origin: ORIGIN (an
 * error too, so that the page can read its message) and exposes the
 * ETag, which a script may not read otherwise; a preflight (OPTIONS,
 * which a browser sends before a request with If-None-Match of its own)
 * is answered 204 with the methods and that header allowed.  Without it,
 * OPTIONS is 405 as any other method but GET and HEAD. */
#include <string.h>

#include "server.h"

/* How long a browser may keep a preflight's answer, in seconds. */
#define PREFLIGHT_MAX_AGE "600"

int ns_http_cors_origin_ok(const char *origin)
{
    if (strcmp(origin, "*") == 0)
        return 1;
    size_t n = strncmp(origin, "https://", 8) == 0  ? 8
               : strncmp(origin, "http://", 7) == 0 ? 7
                                                    : 0;
    /* A serialized origin: scheme://host[:port], nothing after. */
    const char *host = origin + n;
    return n && *host &&
           strspn(host,
                  "abcdefghijklmnopqrstuvwxyz"
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen(host);
}

int ns_http_cors_headers(ns_http_call_t *c, struct MHD_Response *r)
{
    const char *origin = c->srv->cfg->cors_origin;
    if (!origin)
        return 1;
    return MHD_add_response_header(r, "Access-Control-Allow-Origin", origin) ==
               MHD_YES &&
           MHD_add_response_header(r, "Access-Control-Expose-Headers",
                                   "ETag") == MHD_YES;
}

enum MHD_Result ns_http_preflight(ns_http_call_t *c)
{
    if (ns_http_route_of(c->path) == NS_HTTP_ROUTE_OTHER)
        return ns_http_reply_error(c, 404, "not_found", "no such endpoint '%s'",
                                   ns_http_shown(c->path));
    struct MHD_Response *r =
        MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    if (MHD_add_response_header(r, "Access-Control-Allow-Methods",
                                "GET, HEAD") != MHD_YES ||
        MHD_add_response_header(r, "Access-Control-Allow-Headers",
                                "If-None-Match") != MHD_YES ||
        MHD_add_response_header(r, "Access-Control-Max-Age",
                                PREFLIGHT_MAX_AGE) != MHD_YES) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    return ns_http_queue(c, 204, r);
}
