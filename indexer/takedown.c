/* takedown.c - nindex --delete also deletes from the kept generations.
 *
 * A --delete is the takedown path (a court order, a retraction): the
 * article must not come back.  The generations kept for --rollback
 * (--keep, rebuild.c) are whole copies of the index, and a rollback to
 * one published the taken-down article again.  So every generation in
 * the index directory other than the live one loses the ids too, opened
 * for writing under the writer lock the run already holds.  A prune does
 * not do this: what it deleted is the source's doing, and a rollback to
 * before it is the operator's way to undo it (README "Undo").  A record
 * "deleted": true is a --delete sent by the source, and does the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nindex.h"

/* Delete the N_IDS IDS from the kept generation NAME of DB, LIVE being
 * the live one; with --dry-run only count those it holds.  FOUND (may be
 * NULL) gets a 1 for each id it held.  Returns the number deleted, or -1
 * when the generation could not be opened or written (warned). */
static long takedown_one(const char *db, const char *name, const char *live,
                         const struct options *o, char *const *ids,
                         size_t n_ids, unsigned char *found)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", db, name);
    /* Xapian's marker file gone: whatever is left of it is no database
     * that opens, but its files may still hold the articles' words. */
    char marker[4500];
    snprintf(marker, sizeof marker, "%s/iamglass", path);
    if (access(marker, F_OK) < 0) {
        ns_warn("cannot delete from the kept generation '%s': it is not a "
                "whole database (no 'iamglass'), and its files may still "
                "hold the articles",
                path);
        return -1;
    }
    ns_index_t *idx = NULL;
    char *err = NULL;
    ns_status_t st = ns_index_open(
        path, o->dry_run ? NS_OPEN_READ : NS_OPEN_WRITE, &idx, &err);
    if (st != NS_STATUS_OK) {
        ns_warn("cannot delete from the kept generation '%s' (%s): a "
                "--rollback to it would bring the articles back",
                path, ns_db_error(st, err));
        free(err);
        return -1;
    }
    long n = 0;
    int failed = 0;
    ns_buf_t noted = {0};
    for (size_t i = 0; i < n_ids && !failed; i++) {
        const char *id = ids[i];
        if (ns_shard_other(o, id))
            continue;
        int has = 0;
        if (o->dry_run)
            st = ns_index_has_id(idx, id, &has);
        else
            st = ns_index_delete(idx, id, &has);
        if (st != NS_STATUS_OK) {
            ns_warn("cannot delete '%s' from the kept generation '%s': %s", id,
                    path, ns_index_last_error(idx));
            failed = 1;
        }
        if (!has)
            continue;
        n++;
        if (found)
            found[i] = 1;
        /* For --rollback to tell that this deletion stands. */
        if (ns_buf_puts(&noted, live) < 0 || ns_buf_putc(&noted, '\t') < 0 ||
            ns_buf_puts(&noted, id) < 0 || ns_buf_putc(&noted, '\n') < 0)
            ns_die("out of memory");
    }
    if (!o->dry_run && !failed && n &&
        ns_index_note_takedowns(idx, noted.p) != NS_STATUS_OK) {
        ns_warn("cannot record the takedown in the kept generation '%s': %s",
                path, ns_index_last_error(idx));
        failed = 1;
    }
    ns_buf_free(&noted);
    if (ns_index_close(idx) != NS_STATUS_OK && !failed) {
        ns_warn("cannot commit to the kept generation '%s': a --rollback to "
                "it would bring the articles back",
                path);
        failed = 1;
    }
    return failed ? -1 : n;
}

int ns_takedown_kept(const char *db, const struct options *o,
                     char *const *ids, size_t n_ids, unsigned char *found,
                     struct counts *c)
{
    char live[256];
    if (ns_gen_current(db, live, sizeof live) < 0)
        return EXIT_OK; /* a plain database: nothing is kept */
    char **names;
    size_t n;
    if (ns_gen_list(db, &names, &n) < 0) {
        ns_error("cannot list the kept generations of '%s' to delete from "
                 "them: the takedown is incomplete",
                 db);
        return EXIT_ERROR;
    }
    unsigned long failed = 0;
    const char *first_failed = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], live) == 0)
            continue;
        long k = takedown_one(db, names[i], live, o, ids, n_ids, found);
        if (k < 0) {
            if (!failed++)
                first_failed = names[i];
        } else if (k > 0) {
            c->kept_deleted += (unsigned long)k;
            c->kept_gens++;
        }
    }
    if (failed)
        ns_error("the takedown is incomplete: %lu kept generation%s (the "
                 "first '%s/%s') may still hold the articles: remove %s, or "
                 "make %s writable and run the --delete again",
                 failed, failed == 1 ? "" : "s", db, first_failed,
                 failed == 1 ? "it" : "them", failed == 1 ? "it" : "them");
    ns_gen_list_free(names, n);
    return failed ? EXIT_ERROR : EXIT_OK;
}
