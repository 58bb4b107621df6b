/* workers.c - Each nsearchd worker thread's own index handle: Xapian
 * handles are not thread-safe, so every worker keeps one in a pthread key,
 * opened on its first request, refreshed at most once a second, reopened
 * after SIGHUP or when the index directory is replaced, closed as soon as
 * the index is gone from disk, and closed by the key's destructor when the
 * worker exits (see "Freshness" in http.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "server.h"

/* Seconds between two refreshes of a worker's index handle. */
#define REFRESH_INTERVAL 1.0

/* One worker thread's index handle. */
struct worker {
    ns_index_t *idx;     /* NULL until opened, or after a failure */
    unsigned generation; /* srv->generation when idx was opened */
    double checked;      /* monotonic seconds of the last refresh */
    dev_t dev;           /* the index directory when idx was opened, */
    ino_t ino;           /* to notice when it is replaced */
    int failing;         /* the last open failed (and was logged) */
};

void ns_http_worker_free(void *p)
{
    struct worker *w = p;
    ns_index_close(w->idx);
    free(w);
}

/* Is the live index DB still on disk?  An open handle goes on reading
 * files that were deleted (rm -rf of the index), so it alone cannot say.
 * Returns 0, or -1 with errno. */
static int index_on_disk(const char *db)
{
    struct stat st;
    char live[4096], gen[256];
    if (ns_gen_current(db, gen, sizeof gen) == 0) {
        snprintf(live, sizeof live, "%s/current", db);
        return stat(live, &st);
    }
    return stat(db, &st);
}

/* See "Freshness" at the top of http.c. */
ns_status_t ns_http_worker_index(ns_http_server_t *srv, ns_index_t **out,
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
    double now = ns_monotonic_s();
    struct stat st;
    if (w->idx && w->generation != generation) {
        ns_index_close(w->idx);
        w->idx = NULL;
    }
    /* Checked on every request (a stat or two), so that /health, the
     * searches, /v1/stats and /metrics all agree: an index deleted from
     * disk is no index, not one answered from deleted files.  The handle
     * is closed, which also frees the disk space those files hold. */
    if (index_on_disk(db) < 0) {
        int e = errno;
        snprintf(err, err_size, "no index at '%s': %s", db, strerror(e));
        if (w->idx)
            ns_warn("the index '%s' is gone from disk (%s): answering 503 "
                    "no_index until it is back",
                    db, strerror(e));
        else if (!w->failing)
            ns_warn("cannot open index '%s': %s", db, err);
        ns_index_close(w->idx);
        w->idx = NULL;
        w->failing = 1;
        return NS_STATUS_NOT_FOUND;
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
            int changed = 0;
            ns_status_t rs = ns_index_refresh(w->idx, &changed);
            if (rs == NS_STATUS_OK && changed)
                ns_http_stats_reloaded(&srv->stats);
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
        ns_http_stats_reloaded(&srv->stats);
        w->generation = generation;
        w->checked = now;
        w->dev = have_stat ? st.st_dev : 0;
        w->ino = have_stat ? st.st_ino : 0;
    }
    *out = w->idx;
    return NS_STATUS_OK;
}

ns_status_t ns_http_index_call(ns_index_t *idx, enum ns_http_index_op op,
                               const char *id, const ns_search_opts_t *so,
                               ns_results_t **res, ns_article_t *art)
{
    ns_status_t st = NS_STATUS_RETRY;
    for (int attempt = 0; attempt < 3 && st == NS_STATUS_RETRY; attempt++) {
        if (attempt) {
            ns_index_refresh(idx, NULL);
            if (op == NS_HTTP_OP_GET)
                ns_article_clear(art);
        }
        switch (op) {
        case NS_HTTP_OP_SEARCH:
            st = ns_search(idx, so, res);
            break;
        case NS_HTTP_OP_RELATED:
            st = ns_related_to(idx, id, so, res);
            break;
        case NS_HTTP_OP_GET:
            st = ns_index_get(idx, id, art);
            break;
        }
    }
    return st;
}

int ns_http_worker_info(ns_http_server_t *srv, ns_index_info_t *info)
{
    char err[512];
    ns_index_t *idx;
    return ns_http_worker_index(srv, &idx, err, sizeof err) == NS_STATUS_OK &&
           ns_index_info(idx, info) == NS_STATUS_OK;
}
