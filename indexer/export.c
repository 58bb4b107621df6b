/* export.c - nindex --export-spelling DEST: the index's spelling
 * dictionary copied to one small file that a cluster's front suggests
 * from (README "Did you mean" and "Scaling").
 *
 * The copy is written beside DEST as DEST.tmp-PID and renamed over DEST,
 * so a front that opens DEST at any moment finds the old copy or the new
 * one, whole.  Only a previous copy is ever replaced: DEST being anything
 * else (an index directory, a cluster file, a symbolic link, any other
 * file) is refused before anything is read or written, since a mistyped
 * DEST must never cost data.  The export reads the live generation as a
 * search does, so it takes no writer lock and runs beside an update. */
#include <errno.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nindex.h"

/* Is there anything at DEST that may not be replaced?  EXIT_OK when DEST
 * does not exist or is a previous copy; otherwise reported, with the exit
 * status. */
static int may_replace(const char *dest)
{
    struct stat st;
    if (lstat(dest, &st) < 0) {
        if (errno == ENOENT)
            return EXIT_OK;
        ns_error("cannot look at '%s': %s", dest, strerror(errno));
        return EXIT_ERROR;
    }
    char why[512];
    if (ns_spelling_copy_check(dest, why, sizeof why))
        return EXIT_OK;
    ns_error("refusing to export: %s; nothing was changed", why);
    return EXIT_USAGE;
}

/* fsync the directory holding PATH, so that a rename into it lasts. */
static int sync_parent(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    int rc = ns_sync_dir(dirname(copy));
    int e = errno;
    free(copy);
    errno = e;
    return rc;
}

int ns_run_export(const char *db, const struct options *o)
{
    const char *dest = o->export_dest;
    double t0 = ns_monotonic_s();
    int rc = may_replace(dest);
    if (rc != EXIT_OK)
        return rc;

    ns_index_t *idx = NULL;
    char *err = NULL;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &idx, &err);
    if (st != NS_STATUS_OK) {
        ns_error("cannot open index '%s': %s", db, ns_db_error(st, err));
        free(err);
        return EXIT_ERROR;
    }
    size_t len = strlen(dest) + 32;
    char *tmp = malloc(len);
    if (!tmp) {
        ns_index_close(idx);
        ns_error("%s", "out of memory");
        return EXIT_ERROR;
    }
    snprintf(tmp, len, "%s.tmp-%ld", dest, (long)getpid());
    ns_index_info_t info;
    uint64_t words = 0;
    st = ns_index_info(idx, &info);
    if (st == NS_STATUS_OK)
        st = ns_index_export_spelling(idx, tmp, &words);
    if (st != NS_STATUS_OK) {
        ns_error("cannot export the spelling dictionary of '%s' to '%s': %s",
                 db, dest, ns_db_error(st, ns_index_last_error(idx)));
        ns_index_close(idx);
        free(tmp);
        return EXIT_ERROR;
    }
    ns_index_close(idx);

    /* Looked at again just before the rename: something else may have
     * been put at DEST while the copy was written. */
    rc = may_replace(dest);
    if (rc == EXIT_OK && rename(tmp, dest) < 0) {
        ns_error("cannot rename '%s' to '%s': %s", tmp, dest, strerror(errno));
        rc = EXIT_ERROR;
    }
    if (rc != EXIT_OK) {
        unlink(tmp);
        free(tmp);
        return rc;
    }
    free(tmp);
    if (sync_parent(dest) < 0) {
        ns_error("cannot sync the directory of '%s': %s", dest,
                 strerror(errno));
        return EXIT_ERROR;
    }
    if (words == 0 && info.articles > 0)
        ns_warn("'%s' has %" PRIu64 " articles but no spelling dictionary "
                "(built before this version): rebuild it, then export again",
                db, info.articles);
    if (!o->quiet) {
        struct stat sb;
        long long size = stat(dest, &sb) == 0 ? (long long)sb.st_size : -1;
        printf("nindex: export-spelling: %" PRIu64 " words of %" PRIu64
               " articles%s%s written to %s (%lld bytes) in %.2f s\n",
               words, info.articles, *info.generation ? " in " : "",
               info.generation, dest, size, ns_monotonic_s() - t0);
    }
    return EXIT_OK;
}
