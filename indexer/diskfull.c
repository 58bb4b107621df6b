/* diskfull.c - What nindex says when a --delete, a rebuild or an update
 * with --prune is stopped by an error, a full disk above all: once, what
 * was not done, what is untouched, and what to do.  A full disk under a
 * --delete said "cannot commit", "not deleting: the articles could not be
 * kept", then "cannot commit" again, none of it that nothing was deleted;
 * under a rebuild, each shard gave the room of its next commit, not what a
 * rebuild needs; under a --prune, nothing said the prune was not done.
 *
 * A full disk is told by the library's message, as the library tells
 * Xapian's errors apart (common/status.cc): by the text strerror(ENOSPC)
 * gives, which both its room check before a commit and Xapian's own write
 * errors carry. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>

#include "nindex.h"

/* A rebuild writes its shards, then merges them into one more copy beside
 * them: with the live generation kept, the peak measured was 2.5 times
 * the size of the generation it makes (27.6 MB more for 20,000 articles
 * that make 10.9 MB), and one made by updates is larger than a rebuilt one
 * of the same articles.  Three times the live one is enough for a rebuild
 * of as many articles. */
#define REBUILD_ROOM_FACTOR 3

int ns_disk_full(const char *detail)
{
    return detail && strstr(detail, strerror(ENOSPC)) != NULL;
}

/* The KiB the files of directory PATH take (a generation is flat), or 0
 * when it cannot be read. */
static unsigned long long dir_kib(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    unsigned long long bytes = 0;
    struct dirent *e;
    char file[4400];
    struct stat st;
    while ((e = readdir(d)))
        if (snprintf(file, sizeof file, "%s/%s", path, e->d_name) <
                (int)sizeof file &&
            stat(file, &st) == 0 && S_ISREG(st.st_mode))
            bytes += (unsigned long long)st.st_blocks * 512;
    closedir(d);
    return bytes / 1024;
}

void ns_rebuild_say_full(const char *db, unsigned long read)
{
    char live[256], path[4400];
    unsigned long long kib = 0;
    uint64_t n = 0;
    ns_index_t *idx;
    if (ns_gen_current(db, live, sizeof live) == 0 &&
        snprintf(path, sizeof path, "%s/%s", db, live) < (int)sizeof path)
        kib = dir_kib(path);
    if (kib && ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK) {
        ns_index_count(idx, &n);
        ns_index_close(idx);
    }
    /* Sources that hold more articles than the live index make a larger
     * generation: the live one's size per article, times those read. */
    unsigned long long need = kib * REBUILD_ROOM_FACTOR;
    if (n && read > n)
        need = need * read / n;
    if (kib)
        ns_error("cannot rebuild '%s': %s: a rebuild writes a whole new "
                 "generation beside the live one, and needs up to about "
                 "%llu KiB free (%d times the %llu KiB of the live %s, for "
                 "%lu articles read against its %llu); nothing was "
                 "published and the live index is untouched: free that much "
                 "space and run the rebuild again",
                 db, strerror(ENOSPC), need, REBUILD_ROOM_FACTOR, kib, live,
                 read, (unsigned long long)n);
    else
        ns_error("cannot rebuild '%s': %s: a rebuild writes a whole new "
                 "generation; nothing was published and the live index, if "
                 "any, is untouched: free space and run the rebuild again",
                 db, strerror(ENOSPC));
}

int ns_say_not_deleted(const char *db, const char *why)
{
    ns_error("cannot delete from '%s': %s; nothing was deleted%s", db, why,
             ns_disk_full(why) ? ": free space on its disk and run nindex "
                                 "--delete again"
                               : "");
    return EXIT_ERROR;
}

/* The summary's "0 deleted" reads as "none gone from the sources", while
 * the articles withdrawn there are still searchable. */
void ns_say_not_pruned(const char *db, int full)
{
    ns_error("nothing was pruned: the articles the sources no longer hold "
             "are still in '%s'; %s",
             db, full ? "its disk is full: free space on it and run the "
                        "update again"
                      : "run the update again once the error above is fixed");
}
