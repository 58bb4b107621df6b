/* cache.c - What lets a browser or a proxy (nginx proxy_cache) keep
 * nsearchd's answers: an ETag naming what an answer to one URL depends
 * on, If-None-Match answered 304 without running the search, and
 * Cache-Control.
 *
 * For a given URL, a search, an article or a list of related posts
 * depends on the index version read (ns_index_info_t.version: its
 * database's UUID and revision, another after every commit and in every
 * generation), on the synonyms file in use (edited without a commit, read
 * within a second: a hash of its content, not its inode or time, so that
 * hosts serving copies of one index behind a balancer agree) and on the
 * program that answers.  Without "now" the
 * related posts' ages count from the archive's newest article, so they
 * too are the index's.  The ETag is a hash of those three.  It is weak
 * (W/): took_ms differs in every answer, so two answers are the same in
 * meaning but not byte for byte, which is what a weak validator says
 * (RFC 9110 8.8.1), and If-None-Match compares weakly anyway.
 *
 * Answers that depend on anything else get no ETag and "Cache-Control:
 * no-store": a cluster's (its shards change on their own, and its
 * version is ""), a count cut short by --request-timeout (an estimate
 * that depends on the load), errors, and /health, /v1/stats and /metrics,
 * which report the moment. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "server.h"

/* 64-bit FNV-1a of TEXT, continued from H. */
static uint64_t fnv1a(uint64_t h, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    /* A separator, so that "ab" + "c" and "a" + "bc" differ. */
    h ^= 0xff;
    h *= 1099511628211ULL;
    return h;
}

/* The ETag of answers from IDX into OUT, or "" when they have none. */
static void etag_of(ns_index_t *idx, char *out, size_t size)
{
    ns_index_info_t info;
    out[0] = '\0';
    if (ns_index_info(idx, &info) != NS_STATUS_OK || !*info.version)
        return;
    uint64_t h = 14695981039346656037ULL;
    h = fnv1a(h, "nsearchd " NS_VERSION);
    h = fnv1a(h, info.version);
    h = fnv1a(h, info.synonyms_sig);
    snprintf(out, size, "W/\"%016llx\"", (unsigned long long)h);
}

/* The opaque part of the entity tag at *P (RFC 9110 8.8.3: W/ left out,
 * the quotes kept) into *TAG and *LEN; *P moves past it.  Returns 0, or
 * -1 when what is there is no entity tag. */
static int next_tag(const char **p, const char **tag, size_t *len)
{
    const char *s = *p;
    if (strncmp(s, "W/", 2) == 0)
        s += 2;
    if (*s != '"')
        return -1;
    const char *end = strchr(s + 1, '"');
    if (!end)
        return -1;
    *tag = s;
    *len = (size_t)(end + 1 - s);
    *p = end + 1;
    return 0;
}

/* Does the If-None-Match field VALUE name ETAG ("*", or a list of entity
 * tags one of which is ETAG by the weak comparison)? */
static int field_matches(const char *value, const char *etag)
{
    const char *want = etag + 2; /* the quoted part, after W/ */
    size_t want_len = strlen(want);
    const char *p = value;
    for (;;) {
        p += strspn(p, " \t,");
        if (!*p)
            return 0;
        if (*p == '*')
            return 1;
        const char *tag;
        size_t len;
        if (next_tag(&p, &tag, &len) < 0)
            return 0;
        if (len == want_len && memcmp(tag, want, len) == 0)
            return 1;
    }
}

struct match {
    const char *etag;
    int found;
};

/* MHD_KeyValueIterator: every If-None-Match field of the request. */
static enum MHD_Result if_none_match(void *cls, enum MHD_ValueKind kind,
                                     const char *key, const char *value)
{
    struct match *m = cls;
    (void)kind;
    if (key && value && strcasecmp(key, MHD_HTTP_HEADER_IF_NONE_MATCH) == 0 &&
        field_matches(value, m->etag))
        m->found = 1;
    return MHD_YES;
}

int ns_http_not_modified(ns_http_call_t *c, ns_index_t *idx,
                         enum MHD_Result *ret)
{
    etag_of(idx, c->etag, sizeof c->etag);
    if (!c->etag[0])
        return 0;
    struct match m = {.etag = c->etag, .found = 0};
    MHD_get_connection_values(c->conn, MHD_HEADER_KIND, if_none_match, &m);
    if (!m.found)
        return 0;
    struct MHD_Response *r =
        MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    *ret = r ? ns_http_queue(c, 304, r) : MHD_NO;
    return 1;
}

const char *ns_http_cache_control(ns_http_call_t *c, unsigned status, char *buf,
                                  size_t size)
{
    unsigned max_age = c->srv->cfg->max_age_s;
    if (!c->etag[0] || (status != 200 && status != 304))
        return "no-store";
    if (!max_age)
        return "no-cache";
    snprintf(buf, size, "max-age=%u", max_age);
    return buf;
}
