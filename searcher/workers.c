/* workers.c - Each nsearchd worker thread's own index handle: Xapian
 * handles are not thread-safe, so every worker keeps one in a pthread key,
 * opened on its first request, refreshed once a second (by the tidy thread
 * while the worker is idle) and whenever another worker found a newer
 * version, so that no worker answers from an older version than another
 * one already has ("Never backwards" below); reopened after SIGHUP or when
 * the index directory is replaced, closed as soon as the index is gone
 * from disk, and closed by the key's destructor when the worker exits (see
 * "Freshness" in http.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "server.h"

/* Seconds between two refreshes of a worker's index handle. */
#define REFRESH_INTERVAL 1.0
/* Seconds between two rounds of the tidy thread. */
#define TIDY_TICK 0.25

/* One worker thread's index handle, on the list srv->workers. */
struct ns_http_worker {
    ns_http_server_t *srv;
    struct ns_http_worker *next; /* on srv->workers, under workers_lock */
    pthread_mutex_t lock;        /* held while a request uses idx, or while the
                                    tidy thread refreshes it */
    int held;                    /* the worker holds lock (read by it alone) */
    ns_index_t *idx;             /* NULL until opened, or after a failure */
    unsigned generation;         /* srv->generation when idx was opened */
    double checked;              /* monotonic seconds of the last refresh */
    unsigned long since;         /* srv->tick before the last look at the
                                    index: idx is at least that fresh */
    dev_t dev;                   /* the index directory when idx was opened, */
    ino_t ino;                   /* to notice when it is replaced */
    int failing;                 /* the last open failed (and was logged) */
    int stand_in;                /* idx stands in for the live one */
    int refresh_failing;         /* the last refresh failed (and was logged) */
    char shards_down[512];       /* the shards idx last saw down, ",1,3," */
    int reopen_pending;          /* the reopen SIGHUP asked for failed: idx
                                    is the handle from before, and the
                                    reopen is tried again every second */
};

typedef struct ns_http_worker worker;

void ns_http_worker_free(void *p)
{
    worker *w = p;
    ns_http_server_t *srv = w->srv;
    pthread_mutex_lock(&srv->workers_lock);
    for (worker **at = &srv->workers; *at; at = &(*at)->next)
        if (*at == w) {
            *at = w->next;
            break;
        }
    pthread_mutex_unlock(&srv->workers_lock);
    if (w->held)
        pthread_mutex_unlock(&w->lock);
    ns_index_close(w->idx);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

/* The number of generation NAME ("gen-000007" is 7), or 0 for another
 * name. */
static unsigned long gen_number(const char *name)
{
    if (strncmp(name, "gen-", 4) != 0 || !name[4] ||
        strspn(name + 4, "0123456789") != strlen(name + 4))
        return 0;
    return strtoul(name + 4, NULL, 10);
}

/* Is the live index DB still on disk?  An open handle goes on reading
 * files that were deleted (rm -rf of the index), so it alone cannot say.
 * A `current` that names a generation no longer there is not an index
 * gone, but a live generation that cannot be opened, as a damaged one:
 * older ones can stand in for it (stand_in()).  Only a handle on that very
 * generation, HELD (may be NULL), reads deleted files: 1 for it, to be
 * closed.  Returns 0, 1, or -1 with errno. */
static int index_on_disk(const char *db, ns_index_t *held)
{
    struct stat st;
    char live[4096], gen[256];
    if (ns_gen_current(db, gen, sizeof gen) < 0)
        return stat(db, &st);
    snprintf(live, sizeof live, "%s/current", db);
    if (stat(live, &st) == 0)
        return 0;
    if (errno != ENOENT)
        return -1;
    ns_index_info_t info;
    return held && ns_index_info(held, &info) == NS_STATUS_OK &&
           strcmp(info.generation, gen) == 0;
}

/* ------------------------------------------------------------------------ */
/* Never backwards                                                          */
/* ------------------------------------------------------------------------ */

/* Each worker refreshes its own handle, on its own second, so without more
 * a reader whose requests land on different workers would see the index go
 * back and forth for up to a second after every update: a retracted story
 * gone, back, gone.  The rule is monotonic reads: once any worker has
 * answered from a version, a request that starts later is never answered
 * from an older one.
 *
 * Versions cannot be ordered by themselves (a revision number starts over
 * in every generation, a rollback goes to a lower generation number, a
 * database renamed over another may have any revision), but looks at the
 * disk can be ordered in time, and the disk only moves forward in time.
 * So srv->tick is a logical clock: a worker takes a tick before it looks
 * (w->since; what it then reads is at least as new as the disk at that
 * tick), and a worker that found a new version takes one after looking
 * and stores it in srv->newest before answering from it.  A worker whose
 * W->since is below srv->newest may read a version older than one served:
 * it refreshes before it answers (freshen()), so that its look comes after
 * that one's.  Per request that is one atomic load; the refreshes happen
 * only after a change, about one per worker (0.1 ms each).  A worker that
 * finds the very version already published (ns_index_info_t.version) does
 * not publish again, or each would send all the others refreshing.
 *
 * Not on a cluster front: its workers read different replicas, which are
 * not updated at the same instant, by design.  And a worker that cannot
 * reach the new version (a failed refresh, logged) answers from its own. */

/* The next tick of SRV's logical clock. */
static unsigned long tick(ns_http_server_t *srv)
{
    return atomic_fetch_add(&srv->tick, 1) + 1;
}

/* IDX has just found a new version, and is about to answer from it: make
 * every worker that looked before now look again before it answers.
 * Returns 1 with IDX's facts in INFO, or 0 when it cannot say them. */
static int publish(ns_http_server_t *srv, ns_index_t *idx,
                   ns_index_info_t *info)
{
    int known = ns_index_info(idx, info) == NS_STATUS_OK;
    const char *version = known ? info->version : "";
    if (ns_index_shard_count(idx))
        return known;
    pthread_mutex_lock(&srv->newest_lock);
    if (!*version || strcmp(version, srv->newest_version) != 0) {
        atomic_store(&srv->newest, tick(srv));
        snprintf(srv->newest_version, sizeof srv->newest_version, "%s",
                 version);
    }
    pthread_mutex_unlock(&srv->newest_lock);
    return known;
}

/* Must W look at the index again before it answers? */
static int behind(ns_http_server_t *srv, const worker *w)
{
    return w->since < atomic_load(&srv->newest) &&
           !ns_index_shard_count(w->idx);
}

/* IDX, a live handle, has just found a new version: published (above),
 * and its generation noted for a worker that cannot open the live one
 * (stand_in()).  The first worker to open another generation (a rebuild
 * published, a rollback) says so once, for the log a night's job is
 * checked by: that the server took it, with no restart.  So does the
 * first to open another index under the same generation number (the
 * index removed and made again, gen-000001 again): its database UUID
 * tells it from the one served before. */
static void note_served(ns_http_server_t *srv, ns_index_t *idx)
{
    ns_index_info_t info;
    unsigned long n;
    if (!publish(srv, idx, &info) || !(n = gen_number(info.generation)))
        return;
    char uuid[40], was_uuid[40];
    snprintf(uuid, sizeof uuid, "%.*s", (int)strcspn(info.version, ":"),
             info.version);
    pthread_mutex_lock(&srv->newest_lock);
    snprintf(was_uuid, sizeof was_uuid, "%s", srv->served_uuid);
    if (*uuid)
        snprintf(srv->served_uuid, sizeof srv->served_uuid, "%s", uuid);
    unsigned long was = atomic_exchange(&srv->served, n);
    pthread_mutex_unlock(&srv->newest_lock);
    if (atomic_exchange(&srv->older, 0))
        ns_error("info: the live generation '%s' of '%s' opens: answering "
                 "from it",
                 info.generation, srv->cfg->db);
    else if (was && was != n)
        ns_error("info: answering from '%s' of '%s' (%llu articles), in "
                 "place of 'gen-%06lu'",
                 info.generation, srv->cfg->db,
                 (unsigned long long)info.articles, was);
    else if (was && *uuid && *was_uuid && strcmp(uuid, was_uuid) != 0)
        ns_error("info: answering from '%s' of '%s' (%llu articles), a new "
                 "index in place of the one served before (database %s, "
                 "was %s)",
                 info.generation, srv->cfg->db,
                 (unsigned long long)info.articles, uuid, was_uuid);
}

/* A cluster front's shards that W->idx sees down, as ",1,3,", against
 * those W saw before: a change the log has not told yet (another worker
 * may have) is logged, a shard down with why and a shard back, so that a
 * night's outage is in the server's log, not only in /v1/stats while it
 * lasts.  Workers see a change at their own refresh: only a worker whose
 * own view changed logs, so a lagging one never says a shard is back. */
static void note_shards(ns_http_server_t *srv, worker *w)
{
    size_t n = ns_index_shard_count(w->idx);
    char down[sizeof w->shards_down] = "";
    for (size_t i = 0; i < n; i++) {
        ns_shard_info_t si;
        size_t len = strlen(down);
        if (ns_index_shard_info(w->idx, i, &si) == NS_STATUS_OK && !si.up)
            snprintf(down + len, sizeof down - len, "%s%zu,", len ? "" : ",",
                     i);
    }
    if (strcmp(down, w->shards_down) == 0)
        return;
    snprintf(w->shards_down, sizeof w->shards_down, "%s", down);
    pthread_mutex_lock(&srv->newest_lock);
    char was[sizeof srv->shards_down];
    snprintf(was, sizeof was, "%s", srv->shards_down);
    snprintf(srv->shards_down, sizeof srv->shards_down, "%s", down);
    pthread_mutex_unlock(&srv->newest_lock);
    for (size_t i = 0; i < n; i++) {
        char key[24];
        snprintf(key, sizeof key, ",%zu,", i);
        int now_down = strstr(down, key) != NULL;
        int was_down = strstr(was, key) != NULL;
        if (now_down == was_down)
            continue;
        ns_shard_info_t si;
        if (ns_index_shard_info(w->idx, i, &si) != NS_STATUS_OK)
            continue;
        if (now_down)
            ns_warn("shard %zu of cluster '%s' is down (%s): answers leave "
                    "it out until it is back",
                    i, srv->cfg->db, si.error);
        else
            ns_error("info: shard %zu of cluster '%s' is back (%s, %llu "
                     "articles)",
                     i, srv->cfg->db, si.replica,
                     (unsigned long long)si.articles);
    }
}

/* W has no handle and cannot open the live generation of DB (ERR says
 * why): open another one to answer from in its place (W->stand_in), and
 * try the live one again every second (freshen()).  First the generation
 * the other workers were last seen to open (srv->served), as they go on
 * answering from it, rather than 503 while they answer 200.  Failing that
 * (none served yet: a server started while the live generation is damaged
 * or missing; or the one served was the live one, removed), the newest
 * older generation that opens, logged once (ns_gen_open_older()), as a
 * restart would find it.  Returns 0 with W->idx open, or -1. */
static int stand_in(ns_http_server_t *srv, worker *w, const char *db,
                    const char *err)
{
    char path[4400], name[256], live[256] = "";
    unsigned long n = atomic_load(&srv->served);
    snprintf(path, sizeof path, "%s/gen-%06lu", db, n);
    if (n && ns_index_open(path, NS_OPEN_READ, &w->idx, NULL) == NS_STATUS_OK) {
        w->stand_in = 1;
        return 0;
    }
    if (ns_gen_open_older(db, &w->idx, name, sizeof name) != NS_STATUS_OK)
        return -1;
    w->stand_in = 1;
    n = gen_number(name);
    if (atomic_exchange(&srv->older, n) != n) {
        if (ns_gen_current(db, live, sizeof live) < 0)
            ns_warn("answering from '%s', the newest generation of '%s' "
                    "that opens, until a 'current' link names the live one "
                    "(tried every second): %s",
                    name, db, err);
        else
            ns_warn("answering from '%s', the newest generation of '%s' "
                    "older than the live one that opens, until the live one "
                    "('%s') opens (tried every second): %s",
                    name, db, live, err);
    }
    return 0;
}

/* Bring W's handle up to date (see "Freshness" at the top of http.c),
 * with W->lock held.  Returns NS_STATUS_OK with W->idx open, or the status
 * of the failed open with its detail in ERR (ERR_SIZE bytes). */
static ns_status_t freshen(ns_http_server_t *srv, worker *w, char *err,
                           size_t err_size)
{
    const char *db = srv->cfg->db;
    unsigned generation = atomic_load(&srv->generation);
    double now = ns_monotonic_s();
    unsigned long since = 0; /* the tick before this look, if any */
    struct stat st;
    /* A handle to reopen from scratch (SIGHUP, or another directory at
     * the path) is kept until the new one opens: a generation that cannot
     * be opened must not turn a worker that answers into one that says
     * no_index. */
    ns_index_t *old = NULL;
    int reopen =
        w->idx && (w->generation != generation ||
                   (w->reopen_pending && now - w->checked >= REFRESH_INTERVAL));
    if (reopen) {
        old = w->idx;
        w->idx = NULL;
    }
    /* Checked on every request (a stat or two), so that /health, the
     * searches, /v1/stats and /metrics all agree: an index deleted from
     * disk is no index, not one answered from deleted files.  The handle
     * is closed, which also frees the disk space those files hold. */
    int on_disk = index_on_disk(db, w->idx ? w->idx : old);
    if (on_disk > 0) {
        /* The live generation this handle reads was removed: closed, and
         * opened afresh below, or stood in for. */
        ns_index_close(w->idx);
        ns_index_close(old);
        w->idx = old = NULL;
        w->stand_in = 0;
    }
    if (on_disk < 0) {
        int e = errno;
        snprintf(err, err_size, "no index at '%s': %s", db, strerror(e));
        if (w->idx)
            ns_warn("the index '%s' is gone from disk (%s): answering 503 "
                    "no_index until it is back",
                    db, strerror(e));
        else if (!w->failing)
            ns_warn("cannot open index '%s': %s", db, err);
        ns_index_close(w->idx);
        ns_index_close(old);
        w->idx = NULL;
        w->stand_in = 0;
        w->failing = 1;
        return NS_STATUS_NOT_FOUND;
    }
    if (w->idx && (now - w->checked >= REFRESH_INTERVAL || behind(srv, w))) {
        w->checked = now;
        w->since = since = tick(srv);
        if (w->stand_in) {
            /* Try the live generation again. */
            old = w->idx;
            w->idx = NULL;
        } else if (stat(db, &st) == 0 &&
                   (st.st_dev != w->dev || st.st_ino != w->ino)) {
            /* A new directory was renamed over the old one: the handle
             * still reads the old files, which reopen() would not
             * notice. */
            old = w->idx;
            w->idx = NULL;
        } else {
            /* A failed refresh leaves the old version usable (ns.h).  It
             * is logged once, not at every retry: the tidy thread retries
             * every second even on an idle server. */
            int changed = 0;
            ns_status_t rs = ns_index_refresh(w->idx, &changed);
            if (rs == NS_STATUS_OK && changed) {
                ns_http_stats_reloaded(&srv->stats);
                note_served(srv, w->idx);
            }
            if (rs != NS_STATUS_OK && !w->refresh_failing)
                ns_warn("cannot refresh index '%s' (still answering from "
                        "the version open before): %s",
                        db,
                        *ns_index_last_error(w->idx)
                            ? ns_index_last_error(w->idx)
                            : ns_status_to_string(rs));
            w->refresh_failing = rs != NS_STATUS_OK;
        }
    }
    if (!w->idx) {
        /* stat() before opening: if the directory is replaced in between,
         * the next check reopens once more, which is harmless. */
        if (!since)
            since = tick(srv);
        int have_stat = stat(db, &st) == 0;
        char *detail = NULL;
        ns_status_t os = ns_index_open(db, NS_OPEN_READ, &w->idx, &detail);
        if (os != NS_STATUS_OK) {
            snprintf(err, err_size, "%s",
                     detail ? detail : ns_status_to_string(os));
            free(detail);
            if (old) {
                /* Tried again every second, not only at the next SIGHUP:
                 * a cluster file caught half-written is whole a moment
                 * later, and an edit in place changes no inode. */
                if (!w->refresh_failing)
                    ns_warn("cannot reopen index '%s' (still answering from "
                            "the version open before; tried again every "
                            "second): %s",
                            db, err);
                w->refresh_failing = 1;
                w->reopen_pending = reopen;
                w->idx = old;
                w->generation = generation;
                w->checked = now;
                w->since = since;
                return NS_STATUS_OK;
            }
            if (!w->failing)
                ns_warn("cannot open index '%s': %s", db, err);
            w->failing = 1;
            if (stand_in(srv, w, db, err) == 0) {
                w->generation = generation;
                w->checked = now;
                w->since = since;
                return NS_STATUS_OK;
            }
            return os;
        }
        ns_index_close(old);
        if (w->reopen_pending)
            ns_error("info: reopened index '%s': answering from it, in "
                     "place of the version open before the reopen failed",
                     db);
        w->reopen_pending = 0;
        w->stand_in = 0;
        w->failing = 0;
        w->refresh_failing = 0;
        ns_http_stats_reloaded(&srv->stats);
        note_served(srv, w->idx);
        w->generation = generation;
        w->checked = now;
        w->since = since;
        w->dev = have_stat ? st.st_dev : 0;
        w->ino = have_stat ? st.st_ino : 0;
    }
    return NS_STATUS_OK;
}

ns_status_t ns_http_worker_index(ns_http_server_t *srv, ns_index_t **out,
                                 char *err, size_t err_size)
{
    *out = NULL;
    worker *w = pthread_getspecific(srv->worker_key);
    if (!w) {
        w = calloc(1, sizeof *w);
        if (!w || pthread_mutex_init(&w->lock, NULL) != 0) {
            free(w);
            snprintf(err, err_size, "out of memory");
            return NS_STATUS_NOMEM;
        }
        w->srv = srv;
        if (pthread_setspecific(srv->worker_key, w) != 0) {
            pthread_mutex_destroy(&w->lock);
            free(w);
            snprintf(err, err_size, "out of memory");
            return NS_STATUS_NOMEM;
        }
        pthread_mutex_lock(&srv->workers_lock);
        w->next = srv->workers;
        srv->workers = w;
        pthread_mutex_unlock(&srv->workers_lock);
    }
    /* Held until the request ends (ns_http_worker_release()), so that the
     * tidy thread never touches the handle while a request uses it. */
    if (!w->held) {
        pthread_mutex_lock(&w->lock);
        w->held = 1;
    }
    ns_status_t st = freshen(srv, w, err, err_size);
    if (st == NS_STATUS_OK && ns_index_shard_count(w->idx))
        note_shards(srv, w);
    if (st == NS_STATUS_OK)
        *out = w->idx;
    return st;
}

void ns_http_worker_release(ns_http_server_t *srv)
{
    worker *w = pthread_getspecific(srv->worker_key);
    if (w && w->held) {
        w->held = 0;
        pthread_mutex_unlock(&w->lock);
    }
}

/* ------------------------------------------------------------------------ */
/* The tidy thread                                                          */
/* ------------------------------------------------------------------------ */

/* A worker refreshes its handle only when a request comes, and an idle
 * one would hold a superseded generation open until then: after a
 * rebuild and the removal of the generation before it (--keep), its
 * files would stay allocated on disk, a whole index per idle worker.  So
 * every TIDY_TICK seconds, each worker that is not serving a request and
 * has not refreshed for REFRESH_INTERVAL is refreshed here, exactly as its
 * next request would do it (and that request then finds it done).  A
 * worker busy with a request is skipped: it refreshes itself.  So is a
 * cluster front's handle: its refresh connects to every shard, and a shard
 * that is down is tried again after a delay that doubles with each try,
 * which idle workers would push past the shard's return. */
static void tidy_workers(ns_http_server_t *srv)
{
    double now = ns_monotonic_s();
    unsigned generation = atomic_load(&srv->generation);
    pthread_mutex_lock(&srv->workers_lock);
    for (worker *w = srv->workers; w; w = w->next) {
        if (pthread_mutex_trylock(&w->lock) != 0)
            continue;
        if (w->idx && !ns_index_shard_count(w->idx) &&
            (now - w->checked >= REFRESH_INTERVAL ||
             w->generation != generation || behind(srv, w))) {
            char err[512];
            freshen(srv, w, err, sizeof err);
        }
        pthread_mutex_unlock(&w->lock);
    }
    pthread_mutex_unlock(&srv->workers_lock);
}

static void *tidy_main(void *arg)
{
    ns_http_server_t *srv = arg;
    pthread_mutex_lock(&srv->tidy_lock);
    while (!srv->tidy_stop) {
        pthread_mutex_unlock(&srv->tidy_lock);
        tidy_workers(srv);
        pthread_mutex_lock(&srv->tidy_lock);
        if (srv->tidy_stop)
            break;
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        long ns = until.tv_nsec + (long)(TIDY_TICK * 1e9);
        until.tv_sec += ns / 1000000000L;
        until.tv_nsec = ns % 1000000000L;
        pthread_cond_timedwait(&srv->tidy_wake, &srv->tidy_lock, &until);
    }
    pthread_mutex_unlock(&srv->tidy_lock);
    return NULL;
}

int ns_http_workers_start(ns_http_server_t *srv)
{
    if (pthread_mutex_init(&srv->workers_lock, NULL) != 0)
        return -1;
    if (pthread_mutex_init(&srv->tidy_lock, NULL) != 0) {
        pthread_mutex_destroy(&srv->workers_lock);
        return -1;
    }
    if (pthread_mutex_init(&srv->newest_lock, NULL) != 0) {
        pthread_mutex_destroy(&srv->tidy_lock);
        pthread_mutex_destroy(&srv->workers_lock);
        return -1;
    }
    if (pthread_cond_init(&srv->tidy_wake, NULL) != 0) {
        pthread_mutex_destroy(&srv->newest_lock);
        pthread_mutex_destroy(&srv->tidy_lock);
        pthread_mutex_destroy(&srv->workers_lock);
        return -1;
    }
    srv->have_workers = 1;
    if (pthread_create(&srv->tidy, NULL, tidy_main, srv) != 0) {
        ns_http_workers_stop(srv);
        return -1;
    }
    srv->tidy_running = 1;
    return 0;
}

void ns_http_workers_stop(ns_http_server_t *srv)
{
    if (!srv->have_workers)
        return;
    if (srv->tidy_running) {
        pthread_mutex_lock(&srv->tidy_lock);
        srv->tidy_stop = 1;
        pthread_cond_signal(&srv->tidy_wake);
        pthread_mutex_unlock(&srv->tidy_lock);
        pthread_join(srv->tidy, NULL);
        srv->tidy_running = 0;
    }
    pthread_cond_destroy(&srv->tidy_wake);
    pthread_mutex_destroy(&srv->newest_lock);
    pthread_mutex_destroy(&srv->tidy_lock);
    pthread_mutex_destroy(&srv->workers_lock);
    srv->have_workers = 0;
}

ns_status_t ns_http_index_call(ns_http_server_t *srv, ns_index_t *idx,
                               enum ns_http_index_op op, const char *id,
                               const ns_search_opts_t *so, ns_results_t **res,
                               ns_article_t *art)
{
    ns_status_t st = NS_STATUS_RETRY;
    for (int attempt = 0; attempt < 3 && st == NS_STATUS_RETRY; attempt++) {
        if (attempt) {
            /* A version newer than the others' to answer from: theirs
             * must not be served after it ("Never backwards"). */
            int changed = 0;
            ns_index_info_t info;
            ns_index_refresh(idx, &changed);
            if (changed && !ns_index_shard_count(idx))
                publish(srv, idx, &info);
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
