/* publish.c - A rebuilt generation made live: moved into the index
 * directory, synced, named by `current` in one atomic rename, and the
 * generations older than --keep removed (common/gen.c has the layout). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "nindex.h"

/* Keep KEEP generations counting back from the live one, and remove
 * those before them, never the live one nor one after it: every
 * generation before the live one has been live (the writer's
 * ns_gen_clean() removed those a crash left unpublished), so the ones
 * kept are the ones --rollback may go back to.  Only one that opens
 * counts: a damaged generation (files cut short) kept in place of the
 * last good one left --rollback nothing to go back to, and is removed
 * with the generations before the ones kept. */
static void keep_generations(const char *db, long keep)
{
    char **names;
    size_t n;
    char live[256] = "";
    ns_gen_current(db, live, sizeof live);
    if (ns_gen_list(db, &names, &n) < 0)
        return;
    size_t upto = n; /* generations up to and including the live one */
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], live) == 0)
            upto = i + 1;
    /* From the live one back: the oldest that stays is the KEEP-th that
     * opens (the live one counts, whatever it is). */
    size_t from = upto, kept = 0;
    while (from > 0 && kept < (size_t)keep) {
        from--;
        if (strcmp(names[from], live) == 0 || ns_gen_opens(db, names[from]))
            kept++;
    }
    for (size_t i = 0; i < from; i++) {
        if (strcmp(names[i], live) == 0)
            continue;
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", db, names[i]);
        if (ns_remove_tree(path) < 0)
            ns_warn("cannot remove old generation '%s': %s", path,
                    strerror(errno));
    }
    ns_gen_list_free(names, n);
}

/* Remove FINAL, a generation that a failed publish left behind, unless
 * `current` names it: what was never live is of no use to --rollback, and
 * the next rebuild would have to clean it up. */
static void drop_unpublished(const char *db, const char *name,
                             const char *final)
{
    char live[256];
    if (ns_gen_current(db, live, sizeof live) == 0 && strcmp(live, name) == 0)
        return;
    if (ns_remove_tree(final) < 0)
        ns_warn("cannot remove the unpublished '%s': %s", final,
                strerror(errno));
}

static int stop_asked(void)
{
    return ns_interrupted != 0;
}

/* Move the checked database MERGED into DB as the next generation and
 * make it live; its name goes into PUBLISHED.  Returns EXIT_OK or
 * EXIT_ERROR (reported).  A failure before `current` is renamed (a rename
 * or an fsync that fails: a bad or full disk) leaves the old generation
 * live and removes the new one; a failure of the last directory sync,
 * after the rename, leaves the new generation live but perhaps not yet
 * durable, and says so. */
int ns_publish(const char *db, const char *merged, long keep,
               char *published, size_t pub_size)
{
    char name[64], final[4200];
    if (ns_gen_next(db, name, sizeof name) < 0) {
        ns_error("cannot list '%s': %s", db, strerror(errno));
        return EXIT_ERROR;
    }
    snprintf(final, sizeof final, "%s/%s", db, name);
    if (rename(merged, final) < 0) {
        ns_error("cannot move the new generation into place: %s",
                 strerror(errno));
        return EXIT_ERROR;
    }
    if (ns_sync_tree(final) < 0) {
        ns_error("cannot sync the new generation '%s': %s", final,
                 strerror(errno));
        drop_unpublished(db, name, final);
        return EXIT_ERROR;
    }
    ns_crash_point("publish");
    /* A stop that came during the syncs above (they take seconds on a
     * large index) is still in time: the rename below is the moment the
     * new generation goes live. */
    if (ns_interrupted) {
        ns_error("interrupted; the live index is unchanged");
        drop_unpublished(db, name, final);
        return EXIT_ERROR;
    }
    if (ns_gen_publish_unless(db, name, stop_asked) < 0) {
        int e = errno;
        char live[256];
        int is_live = ns_gen_current(db, live, sizeof live) == 0 &&
                      strcmp(live, name) == 0;
        if (e == EINTR && !is_live) {
            ns_error("interrupted; the live index is unchanged");
            drop_unpublished(db, name, final);
            return EXIT_ERROR;
        }
        if (is_live) {
            snprintf(published, pub_size, "%s", name);
            ns_error("published '%s', but cannot sync '%s' (%s): a power "
                     "cut now could bring back the previous generation",
                     final, db, strerror(e));
        } else {
            ns_error("cannot publish '%s': %s", final, strerror(e));
            drop_unpublished(db, name, final);
        }
        return EXIT_ERROR;
    }
    snprintf(published, pub_size, "%s", name);
    /* Too late to publish nothing: the rebuild is done and live, which
     * exit 0 says, but the stop is not passed over in silence. */
    if (ns_interrupted)
        ns_warn("published %s; the stop came after it was published", name);
    keep_generations(db, keep);
    return EXIT_OK;
}
