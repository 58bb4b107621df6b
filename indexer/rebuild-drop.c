/* rebuild-drop.c - The live articles a rebuild would leave out.
 *
 * A rebuild replaces the live generation with what the SOURCEs hold now.
 * A live article whose record did not make it into the new generation is
 * gone from the archive once that is published, and after --keep
 * rebuilds from every generation: the rebuild is a prune in all but name.
 * So it is held to what holds a prune (prune.c): it is not published when
 * records were skipped and live articles are missing (a skipped record may
 * be theirs: a bad date written by the export, a line cut short), nor when
 * more are missing than --max-delete and --max-delete-share allow (a year
 * moved out of the archive's directory), unless --force; and what it
 * leaves out is written to DIR/deleted/ first (undo.c), so that an update
 * from that file brings it back. */
#include <stdlib.h>
#include <string.h>

#include "nindex.h"

/* The live ids the new generation lacks, found by asking it for each. */
struct left_out {
    ns_index_t *fresh;
    struct idset ids;
    int failed;
};

/* For ns_index_each_id() on the live generation. */
static int collect_left_out(const char *id, void *ctx)
{
    struct left_out *l = ctx;
    int has;
    if (ns_index_has_id(l->fresh, id, &has) != NS_STATUS_OK) {
        l->failed = 1;
        return 1;
    }
    if (!has && ns_idset_add(&l->ids, id) < 0)
        ns_die("out of memory");
    return 0;
}

/* Write what LIVE holds of IDS to U.  Returns 0, or -1 (reported; no
 * file is left). */
static int keep_left_out(struct undo *u, const char *db, ns_index_t *live,
                         const struct idset *ids)
{
    if (ns_undo_open(u, db) < 0)
        return -1;
    for (size_t i = 0; i < ids->n; i++) {
        if (ns_interrupted || ns_undo_save(u, live, ids->ids[i]) < 0) {
            ns_undo_abandon(u);
            return -1;
        }
    }
    return ns_undo_close(u);
}

int ns_rebuild_left_out(const char *db, const char *path,
                        const struct options *o, struct counts *c,
                        struct undo *u)
{
    memset(u, 0, sizeof *u);
    u->fd = -1;
    /* Held against the generation before a damaged live one, as the
     * rebuild's other checks are (validate() in rebuild.c); with none
     * that opens there is nothing to lose. */
    ns_index_t *live;
    char older[256];
    if (ns_index_open(db, NS_OPEN_READ, &live, NULL) != NS_STATUS_OK &&
        ns_gen_open_older(db, &live, older, sizeof older) != NS_STATUS_OK)
        return EXIT_OK;
    struct left_out l = {0};
    char *err = NULL;
    ns_status_t st = ns_index_open(path, NS_OPEN_READ, &l.fresh, &err);
    if (st != NS_STATUS_OK) {
        ns_error("refusing the rebuild: cannot open it: %s",
                 ns_db_error(st, err));
        free(err);
        ns_index_close(live);
        return EXIT_REFUSED;
    }
    uint64_t n_live = 0;
    ns_index_count(live, &n_live);
    int rc = EXIT_OK;
    if (ns_index_each_id(live, collect_left_out, &l) != NS_STATUS_OK ||
        l.failed) {
        ns_error("refusing the rebuild: cannot compare it with the live "
                 "index: %s",
                 ns_index_last_error(l.failed ? l.fresh : live));
        rc = EXIT_REFUSED;
    }
    unsigned long n = (unsigned long)l.ids.n;
    if (rc == EXIT_OK && n && c->skipped && !o->force) {
        ns_error("not publishing: %lu record%s skipped, and %lu live "
                 "article%s (the first '%s') %s not in the new generation: "
                 "the skipped records may be theirs; the live index is "
                 "unchanged (--force publishes it)",
                 c->skipped, c->skipped == 1 ? " was" : "s were", n,
                 n == 1 ? "" : "s", l.ids.ids[0], n == 1 ? "is" : "are");
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_OK && n &&
        ns_delete_guard("publish the rebuild", o, n, (unsigned long)n_live) !=
            EXIT_OK)
        rc = EXIT_REFUSED;
    if (rc == EXIT_OK && n && o->keep_deleted_days > 0 &&
        keep_left_out(u, db, live, &l.ids) < 0) {
        if (ns_interrupted)
            ns_error("interrupted; the live index is unchanged");
        else
            ns_error("not publishing: the live articles the rebuild leaves "
                     "out could not be kept; the live index is unchanged");
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_OK)
        c->deleted = n;
    ns_idset_free(&l.ids);
    ns_index_close(l.fresh);
    ns_index_close(live);
    return rc;
}
