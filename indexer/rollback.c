/* rollback.c - nindex --rollback: make the newest older generation that
 * opens live again (one atomic rename of DIR/current, common/gen.c), or
 * link the newest one again when `current` is gone. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "nindex.h"

int ns_run_rollback(const char *db, char *published, size_t pub_size)
{
    char live[256];
    struct stat st;
    char link[4096 + 16];
    snprintf(link, sizeof link, "%s/current", db);
    if (ns_gen_current(db, live, sizeof live) < 0) {
        /* No link at all, with generations there (removed by hand, or
         * dropped by a restore): the newest that opens is linked again,
         * which readers and nsearchd were answering from meanwhile.  One
         * that is a directory (a copy that followed links) is not
         * replaced: it may be all someone has. */
        if (lstat(link, &st) < 0 && errno == ENOENT) {
            char newest[256];
            ns_index_t *idx;
            if (ns_gen_open_older(db, &idx, newest, sizeof newest) ==
                NS_STATUS_OK) {
                ns_index_close(idx);
                if (ns_gen_publish(db, newest) < 0) {
                    ns_error("cannot publish '%s/%s': %s", db, newest,
                             strerror(errno));
                    return EXIT_ERROR;
                }
                snprintf(published, pub_size,
                         "%s (the newest that opens; there was "
                         "no 'current' link)",
                         newest);
                return EXIT_OK;
            }
        }
        if (lstat(link, &st) == 0)
            ns_error("'%s' is not a link naming the live generation: move it "
                     "away, then --rollback links the newest generation that "
                     "opens",
                     link);
        else
            ns_error("'%s' has no generations to roll back", db);
        return EXIT_ERROR;
    }
    /* The newest older generation that opens: a failed write can leave
     * one without Xapian's version file, and a disk can cut one's files
     * short.  Publishing such a one made the archive unreadable, and the
     * next update then removed the generation rolled back from, the last
     * that opened. */
    char previous[256];
    ns_index_t *idx;
    if (ns_gen_open_older(db, &idx, previous, sizeof previous) !=
        NS_STATUS_OK) {
        ns_error("'%s' has no generation older than '%s' that opens, to roll "
                 "back to",
                 db, live);
        return EXIT_ERROR;
    }
    ns_index_close(idx);
    if (ns_gen_publish(db, previous) < 0) {
        ns_error("cannot publish '%s/%s': %s", db, previous, strerror(errno));
        return EXIT_ERROR;
    }
    snprintf(published, pub_size, "%s (was %s)", previous, live);
    return EXIT_OK;
}
