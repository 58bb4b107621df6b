/* prune.c - nindex --prune: delete the articles whose ids are no longer
 * in the SOURCEs, behind a guard, keeping what it deletes.
 *
 * The guard is there for the night the archive is not there: an
 * unmounted /srv/archive is an empty directory, and a prune from it would
 * delete every article.  So a prune is refused (EXIT_PRUNE_REFUSED,
 * nothing deleted) when a SOURCE held no record at all, whatever the
 * options, and when it would delete more than --max-delete articles or
 * more than --max-delete-share percent of the live ones, unless --force.
 * What is deleted is first written to DB/deleted/ (undo.c).  A stop
 * (SIGINT, SIGTERM) before the deletions are committed deletes nothing
 * and leaves no file of them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nindex.h"

int ns_idset_add(struct idset *s, const char *id)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        char **grown = realloc(s->ids, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->ids = grown;
        s->cap = cap;
    }
    if (!(s->ids[s->n] = strdup(id)))
        return -1;
    s->n++;
    return 0;
}

/* What the prune keeps: the ids read, but those records said are gone. */
struct keep {
    const struct seen_ids *seen;
    const struct gone_ids *gone;
};

/* The keep() of ns_index_prune(): was ID read, and not said gone after? */
static int was_read(const char *id, void *ctx)
{
    const struct keep *k = ctx;
    return ns_seen_has(k->seen, id) && !ns_gone_kind(k->gone, id);
}

/* The stop() of ns_index_prune(): SIGINT or SIGTERM came.  Asked before
 * each deletion; the test point "prune" is after the first one. */
static int stop_requested(void)
{
    static unsigned long asked;
    if (++asked == 2)
        ns_crash_point("prune");
    return ns_interrupted;
}

void ns_idset_free(struct idset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->ids[i]);
    free(s->ids);
    memset(s, 0, sizeof *s);
}

/* The articles a prune would delete, collected without deleting any. */
struct doomed {
    struct keep keep;
    struct idset ids;
};

/* For ns_index_each_id(): write down what the real prune would
 * reject. */
static int collect_doomed(const char *id, void *ctx)
{
    struct doomed *d = ctx;
    if (!was_read(id, &d->keep) && ns_idset_add(&d->ids, id) < 0)
        ns_die("out of memory");
    return 0;
}

/* May a prune delete N of LIVE articles?  Returns EXIT_OK, or
 * EXIT_PRUNE_REFUSED after saying why. */
static int guard(const struct options *o, const struct counts *c,
                 unsigned long n, unsigned long live)
{
    if (c->empty_sources) {
        /* Never overridden: an empty SOURCE is what an unmounted or
         * emptied archive looks like, and an empty file or pipe what an
         * export that failed leaves. */
        ns_error("refusing to prune: source '%s' has no articles (%s); "
                 "nothing was deleted",
                 c->empty_source,
                 c->empty_source_file ? "an export that failed?"
                                      : "is it mounted?");
        return EXIT_PRUNE_REFUSED;
    }
    return ns_delete_guard("prune", o, n, live);
}

int ns_delete_guard(const char *verb, const struct options *o,
                    unsigned long n, unsigned long live)
{
    if (o->force || n == 0)
        return EXIT_OK;
    if (n > (unsigned long)o->max_delete ||
        (double)n * 100.0 > (double)o->max_delete_pct * (double)live) {
        ns_error("refusing to %s: it would delete %lu of %lu articles "
                 "(the limits are %ld articles and %ld%%: --max-delete, "
                 "--max-delete-share); nothing was deleted; use --force to "
                 "%s anyway",
                 verb, n, live, o->max_delete, o->max_delete_pct, verb);
        return EXIT_PRUNE_REFUSED;
    }
    return EXIT_OK;
}

/* Write the articles in IDS to U, this run's file in DB/deleted, synced.
 * Returns 0; -1 (reported; the file is removed); or 1 when a stop was
 * asked for while it was written (the file is removed). */
static int keep_deleted(struct undo *u, const char *db, ns_index_t *idx,
                        const struct idset *ids)
{
    if (ns_undo_open(u, db) < 0)
        return -1;
    for (size_t i = 0; i < ids->n; i++) {
        if (ns_interrupted) {
            ns_undo_abandon(u);
            return 1;
        }
        if (ns_undo_save(u, idx, ids->ids[i]) < 0) {
            ns_undo_abandon(u);
            return -1;
        }
        if (i == 0)
            ns_crash_point("keep");
    }
    return ns_undo_close(u);
}

int ns_prune(const char *db, ns_index_t *idx, const struct seen_ids *seen,
             const struct gone_ids *gone, uint64_t live,
             const struct options *o, struct counts *c)
{
    struct doomed d = {.keep = {.seen = seen, .gone = gone}};
    if (idx) {
        if (ns_index_each_id(idx, collect_doomed, &d) != NS_STATUS_OK) {
            ns_error("cannot prune: %s", ns_index_last_error(idx));
            ns_idset_free(&d.ids);
            return EXIT_ERROR;
        }
    }
    int rc = guard(o, c, d.ids.n, (unsigned long)live);
    if (rc != EXIT_OK || o->dry_run || d.ids.n == 0) {
        if (rc == EXIT_OK)
            c->deleted += d.ids.n;
        ns_idset_free(&d.ids);
        return rc;
    }
    /* What came before is committed first (ns_index_prune() would), with
     * the index's record of undo files when it starts one: a kill before
     * the deletions' commit then leaves a file newer than that record,
     * which the next run knows for one of deletions never made. */
    if (ns_index_commit(idx) != NS_STATUS_OK) {
        ns_error("cannot commit to '%s': %s", db, ns_index_last_error(idx));
        ns_idset_free(&d.ids);
        return EXIT_ERROR;
    }
    for (size_t i = 0; i < d.ids.n; i++)
        ns_dict_held_check(idx, d.ids.ids[i], NULL);
    struct undo u = {.fd = -1};
    int kept = o->keep_deleted_days > 0 ? keep_deleted(&u, db, idx, &d.ids) : 0;
    ns_idset_free(&d.ids);
    if (kept == 0 && u.saved && ns_undo_record(idx, &u) < 0) {
        unlink(u.path);
        kept = -1;
    }
    if (kept < 0) {
        ns_error("not pruning: the articles to delete could not be kept");
        return EXIT_ERROR;
    }
    if (kept > 0)
        return EXIT_ERROR; /* ns_run_update() says it was interrupted */
    uint64_t deleted = 0;
    ns_status_t st =
        ns_index_prune(idx, was_read, &d.keep, stop_requested, &deleted);
    c->deleted += deleted;
    if (st != NS_STATUS_OK && *u.path && u.saved && unlink(u.path) < 0)
        ns_warn("cannot remove '%s': %s", u.path, strerror(errno));
    if (st == NS_STATUS_INTERRUPTED)
        return EXIT_ERROR;
    if (st != NS_STATUS_OK) {
        ns_error("cannot prune: %s", ns_index_last_error(idx));
        return EXIT_ERROR;
    }
    ns_crash_point("pruned");
    /* With --keep-deleted 0 too: the files kept before go. */
    ns_undo_expire(db, o->keep_deleted_days);
    return EXIT_OK;
}
