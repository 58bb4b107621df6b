/* gen.c - Index generations on disk, and the writer lock.
 *
 * An index directory holds complete Xapian databases side by side, one per
 * generation, and a symbolic link naming the live one:
 *
 *   DIR/current -> gen-000007     the live generation (readers open this)
 *   DIR/gen-000006                the previous one (kept for --rollback)
 *   DIR/gen-000007
 *   DIR/.build-PID/               a rebuild in progress (removed once PID
 *                                 is gone)
 *   DIR/last-generation           the highest number ever published
 *   DIR/lock                      flock()ed by the one writer, who writes
 *                                 its PID and mode there; DIR itself is
 *                                 flock()ed too
 *
 * Publishing a generation is one rename() of a new link over "current", so a
 * reader sees the old generation or the new one, never a mixture; readers
 * holding the old one open keep working on it (see ns_index_refresh()).
 *
 * POSIX helpers here return -1 with errno set, as anet.c does. */
#define _GNU_SOURCE /* for nftw's FTW_PHYS and flock() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ns.h"

int ns_gen_current(const char *dir, char *name, size_t size)
{
    char link[4096];
    snprintf(link, sizeof link, "%s/current", dir);
    ssize_t n = readlink(link, name, size - 1);
    if (n < 0)
        return -1;
    name[n] = '\0';
    return 0;
}

static int is_gen_name(const char *s)
{
    if (strncmp(s, "gen-", 4) != 0 || !s[4])
        return 0;
    for (s += 4; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

int ns_gen_parent(const char *db, char *parent, size_t size)
{
    size_t len = strlen(db);
    while (len > 1 && db[len - 1] == '/')
        len--;
    size_t base = len;
    while (base && db[base - 1] != '/')
        base--;
    char last[256];
    if (len - base == 0 || len - base >= sizeof last)
        return 0;
    memcpy(last, db + base, len - base);
    last[len - base] = '\0';
    if (!is_gen_name(last) && strcmp(last, "current") != 0)
        return 0;
    /* The directory above, "." for a bare "gen-000001". */
    size_t up = base;
    while (up > 1 && db[up - 1] == '/')
        up--;
    int n = up ? snprintf(parent, size, "%.*s", (int)up, db)
               : snprintf(parent, size, ".");
    if (n < 0 || (size_t)n >= size)
        return 0;
    char name[256];
    return ns_gen_current(parent, name, sizeof name) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ns_gen_list(const char *dir, char ***names_out, size_t *n_out)
{
    *names_out = NULL;
    *n_out = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_gen_name(e->d_name))
            continue;
        char **grown = realloc(names, (n + 1) * sizeof *names);
        if (!grown || !(grown[n] = strdup(e->d_name))) {
            free(grown ? grown : names);
            closedir(d);
            errno = ENOMEM;
            return -1;
        }
        names = grown;
        n++;
    }
    closedir(d);
    /* Names are zero-padded, so name order is creation order. */
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    *names_out = names;
    *n_out = n;
    return 0;
}

void ns_gen_list_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The number of generation NAME ("gen-000007" is 7), or 0. */
static unsigned long gen_number(const char *name)
{
    return is_gen_name(name) ? strtoul(name + 4, NULL, 10) : 0;
}

/* The highest generation number DIR/last-generation records, or 0. */
static unsigned long last_published(const char *dir)
{
    char path[4096], text[64] = "";
    snprintf(path, sizeof path, "%s/last-generation", dir);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    if (!fgets(text, sizeof text, f))
        text[0] = '\0';
    fclose(f);
    text[strcspn(text, "\n")] = '\0';
    return gen_number(text);
}

/* Record NAME in DIR/last-generation if its number is the highest yet.
 * The file is renamed into place and made durable by the directory sync
 * that ns_gen_publish() does next.  It is not synced itself: a record
 * lost to a power cut can only let a number be handed out again after
 * the crash, when no reader is left that could hold the old one open. */
static int record_published(const char *dir, const char *name)
{
    unsigned long n = gen_number(name);
    if (n == 0 || n <= last_published(dir))
        return 0;
    char tmp[4096], path[4096];
    snprintf(tmp, sizeof tmp, "%s/last-generation.tmp", dir);
    snprintf(path, sizeof path, "%s/last-generation", dir);
    FILE *f = fopen(tmp, "we");
    if (!f)
        return -1;
    int ok = fprintf(f, "%s\n", name) > 0;
    ok &= fclose(f) == 0;
    if (!ok || rename(tmp, path) < 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return -1;
    }
    return 0;
}

/* A generation number is never handed out twice, not even after the one
 * that had it was rolled back from and removed (ns_gen_clean()): readers
 * such as nsearchd tell generations apart first by name, and so do
 * people, in /v1/stats, in metrics and in logs.  Reusing "gen-000002"
 * for a different database made a reader that still held the removed one
 * take the new one for the old.  So the next number follows both the
 * generations on disk and the highest ever published.  (Readers also
 * compare the database's UUID, for a directory replaced by other means;
 * see ns_index_refresh().) */
int ns_gen_next(const char *dir, char *name, size_t size)
{
    char **names;
    size_t n;
    if (ns_gen_list(dir, &names, &n) < 0)
        return -1;
    unsigned long last = last_published(dir);
    for (size_t i = 0; i < n; i++)
        if (gen_number(names[i]) > last)
            last = gen_number(names[i]);
    ns_gen_list_free(names, n);
    /* The live one too: its directory may be gone (removed by hand). */
    char live[256];
    if (ns_gen_current(dir, live, sizeof live) == 0 && gen_number(live) > last)
        last = gen_number(live);
    snprintf(name, size, "gen-%06lu", last + 1);
    return 0;
}

int ns_gen_mend_last(const char *dir, char *was, size_t was_size,
                     char *highest, size_t size)
{
    char **names;
    size_t n;
    if (ns_gen_list(dir, &names, &n) < 0)
        return -1;
    unsigned long top = 0;
    for (size_t i = 0; i < n; i++)
        if (gen_number(names[i]) > top)
            top = gen_number(names[i]);
    ns_gen_list_free(names, n);
    char live[256];
    if (ns_gen_current(dir, live, sizeof live) == 0 && gen_number(live) > top)
        top = gen_number(live);
    unsigned long last = last_published(dir);
    if (top == 0 || last >= top)
        return 0;
    if (last)
        snprintf(was, was_size, "gen-%06lu", last);
    else
        snprintf(was, was_size, "%s", "");
    snprintf(highest, size, "gen-%06lu", top);
    return record_published(dir, highest) < 0 ? -1 : 1;
}

static int fsync_path(const char *path, int flags)
{
    int fd = open(path, flags | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

int ns_gen_publish(const char *dir, const char *name)
{
    return ns_gen_publish_unless(dir, name, NULL);
}

int ns_gen_publish_unless(const char *dir, const char *name, int (*stop)(void))
{
    char tmp[4096], cur[4096];
    snprintf(tmp, sizeof tmp, "%s/current.tmp", dir);
    snprintf(cur, sizeof cur, "%s/current", dir);
    unlink(tmp);
    if (record_published(dir, name) < 0)
        return -1;
    /* The generation's own name (its rename into DIR) must be durable
     * before "current" can point at it: otherwise a power cut could leave
     * the new link and no generation behind it. */
    if (fsync_path(dir, O_RDONLY | O_DIRECTORY) < 0)
        return -1;
    /* The link is relative, so the index directory can be moved whole. */
    if (symlink(name, tmp) < 0)
        return -1;
    /* The syncs above take a while on a slow disk: a stop asked for
     * during them is still in time, up to the rename that publishes. */
    if (stop && stop()) {
        unlink(tmp);
        errno = EINTR;
        return -1;
    }
    if (rename(tmp, cur) < 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return -1;
    }
    /* The rename is durable only once the directory itself is synced. */
    return fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

int ns_sync_dir(const char *dir)
{
    return fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

static int sync_one(const char *path, const struct stat *st, int type,
                    struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (type == FTW_F)
        return fsync_path(path, O_RDONLY) < 0 ? -1 : 0;
    if (type == FTW_D || type == FTW_DP)
        return fsync_path(path, O_RDONLY | O_DIRECTORY) < 0 ? -1 : 0;
    return 0;
}

int ns_sync_tree(const char *path)
{
    return nftw(path, sync_one, 16, FTW_PHYS | FTW_DEPTH);
}

static int remove_one(const char *path, const struct stat *st, int type,
                      struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (type == FTW_DP)
        return rmdir(path) < 0 && errno != ENOENT ? -1 : 0;
    return unlink(path) < 0 && errno != ENOENT ? -1 : 0;
}

int ns_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_one, 16, FTW_PHYS | FTW_DEPTH);
}

/* Generations are published in number order, so one numbered above the
 * live one was never live: a writer died between moving it into place and
 * publishing it.  Left alone it would be kept in place of a generation that
 * was live, and --rollback would make it live.  Is NAME such a one, with
 * LIVE ("" if none) the live generation? */
static int never_live(const char *name, const char *live)
{
    if (!*live || !is_gen_name(name) || !is_gen_name(live))
        return 0;
    return strtoul(name + 4, NULL, 10) > strtoul(live + 4, NULL, 10);
}

/* Is NAME ".build-PID" with PID a process that is alive?  Such a build
 * is not a dead writer's leftover: with the writer lock held, the one
 * case is a writer that took the lock while another still ran (an older
 * nindex, whose lock file an operator removed).  A live PID that is not
 * an nindex (reused, or a PID from another container sharing the disk)
 * only keeps a dead writer's directory, its disk, until a later run. */
static int build_alive(const char *name)
{
    if (strncmp(name, ".build-", 7) != 0)
        return 0;
    char *end;
    errno = 0;
    long pid = strtol(name + 7, &end, 10);
    if (errno || end == name + 7 || *end || pid <= 0 || pid == getpid())
        return 0;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

int ns_gen_clean(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char live[256] = "";
    if (ns_gen_current(dir, live, sizeof live) < 0)
        live[0] = '\0';
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, ".build-", 7) != 0 &&
            strcmp(e->d_name, "current.tmp") != 0 &&
            strcmp(e->d_name, "last-generation.tmp") != 0 &&
            !never_live(e->d_name, live))
            continue;
        if (build_alive(e->d_name))
            continue;
        /* A never-live generation's number stays given: with
         * last-generation removed or restored from an old copy, the next
         * rebuild gave it again to a different database. */
        if (never_live(e->d_name, live) &&
            record_published(dir, e->d_name) < 0) {
            rc = -1;
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (ns_remove_tree(path) < 0)
            rc = -1;
    }
    closedir(d);
    return rc;
}

/* Is FD, locked, still the file at PATH?  A run that made a new index's
 * directory and was refused removes it, its lock file with it, while
 * holding the lock: a writer that waited on the removed file would hold
 * a lock no later writer sees, so it opens the path again. */
static int lock_is_live(int fd, const char *path)
{
    struct stat held, now;
    return fstat(fd, &held) == 0 && stat(path, &now) == 0 &&
           held.st_dev == now.st_dev && held.st_ino == now.st_ino;
}

/* The directory lock, taken after the file's, and its file's descriptor:
 * ns_unlock() releases both.  One writer per process. */
static int dir_lock_fd = -1, dir_lock_of = -1;

/* Lock DIR itself, without waiting: 0, or -1 with errno EWOULDBLOCK when
 * another writer holds it.  The lock file alone was not enough: an
 * operator who removed DIR/lock to "clear a stale lock" (it never is: the
 * kernel releases a lock with its holder) let the next writer make a new
 * file and lock that at once, beside a running rebuild, whose build
 * directory it then removed as a dead writer's.  No one removes the
 * directory a writer works in.  A file system that cannot lock a
 * directory keeps the file lock alone. */
static int lock_dir(const char *dir, int file_fd)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        int e = errno;
        close(fd);
        if (e != EWOULDBLOCK)
            return 0;
        errno = e;
        return -1;
    }
    dir_lock_fd = fd;
    dir_lock_of = file_fd;
    return 0;
}

int ns_lock(const char *dir, double wait_seconds, int (*stop)(void))
{
    char path[4096];
    snprintf(path, sizeof path, "%s/lock", dir);
    double start = ns_monotonic_s();
    for (;;) {
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0)
            return -1;
        for (;;) {
            if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
                if (!lock_is_live(fd, path)) {
                    errno = ESTALE; /* removed meanwhile: open it again */
                    break;
                }
                if (lock_dir(dir, fd) == 0)
                    return fd;
                /* A writer whose lock file was removed: wait for it as
                 * for any other, on a file opened afresh. */
                flock(fd, LOCK_UN);
                errno = EWOULDBLOCK;
            }
            if (errno != EWOULDBLOCK && errno != EINTR)
                break;
            if (stop && stop()) {
                errno = EINTR;
                break;
            }
            if (ns_monotonic_s() - start >= wait_seconds) {
                errno = EWOULDBLOCK;
                break;
            }
            struct timespec pause = {0, 100 * 1000 * 1000};
            nanosleep(&pause, NULL);
        }
        int e = errno;
        close(fd);
        errno = e;
        if (e != ESTALE)
            return -1;
    }
}

void ns_unlock(int fd)
{
    if (fd < 0)
        return;
    if (fd == dir_lock_of && dir_lock_fd >= 0) {
        /* Explicitly: a child forked meanwhile shares the descriptor. */
        flock(dir_lock_fd, LOCK_UN);
        close(dir_lock_fd);
        dir_lock_fd = dir_lock_of = -1;
    }
    close(fd);
}

int ns_gen_is_index(const char *dir)
{
    char name[256], path[4200];
    struct stat st;
    if (ns_gen_current(dir, name, sizeof name) == 0 && is_gen_name(name))
        return 1;
    /* Without its link (removed by hand, dropped by a restore): the two
     * files of nindex's own that every index has once published. */
    snprintf(path, sizeof path, "%s/last-generation", dir);
    if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
        return 0;
    snprintf(path, sizeof path, "%s/lock", dir);
    return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int ns_gen_foreign(const char *dir, char *name, size_t size)
{
    static const char *const ours[] = {
        ".",       "..",       "current",  "lock", "last-generation",
        "deleted", "iamglass", "flintlock"};
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    int found = 0;
    while (!found && (e = readdir(d))) {
        int known = !strncmp(e->d_name, "gen-", 4) ||
                    !strncmp(e->d_name, ".build-", 7) ||
                    !strncmp(e->d_name, "synonyms", 8) ||
                    strstr(e->d_name, ".glass") != NULL;
        for (size_t i = 0; !known && i < sizeof ours / sizeof *ours; i++)
            known = !strcmp(e->d_name, ours[i]);
        if (!known) {
            snprintf(name, size, "%s", e->d_name);
            found = 1;
        }
    }
    closedir(d);
    return found;
}
