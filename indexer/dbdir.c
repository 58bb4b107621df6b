/* dbdir.c - The checks of --db DIR that every mode makes before it reads
 * anything, its --dry-run alike, and the undoing of what a refused run
 * made there.
 *
 * A dry run that skipped the checks forecast "2 added", exit 0, for a
 * real run that refuses the directory (exit 1), and said nothing of a
 * DIR that does not exist, the typo the real run's "a new index" note is
 * there to catch.  A refused run that left DIR, its lock or the parents
 * it made behind turned the next run's new index into an old one: the
 * note was lost. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "nindex.h"

/* The length of the first prefix of DB (up to a '/' or the whole) that
 * does not exist: the outermost directory a run would make. */
static size_t first_missing(const char *db)
{
    char *copy = strdup(db);
    if (!copy)
        ns_die("out of memory");
    size_t len = strlen(copy), made = len;
    struct stat st;
    for (size_t i = 1; i <= len; i++) {
        if (i < len && copy[i] != '/')
            continue;
        char keep = copy[i];
        copy[i] = '\0';
        int missing = stat(copy, &st) < 0 && errno == ENOENT;
        copy[i] = keep;
        if (missing) {
            made = i;
            break;
        }
    }
    free(copy);
    return made;
}

int ns_dbdir_check(const char *db, struct dbdir *d)
{
    struct stat st;
    char other[256];
    memset(d, 0, sizeof *d);
    d->fresh = stat(db, &st) < 0 && errno == ENOENT;
    if (d->fresh) {
        d->made = first_missing(db);
        return 0;
    }
    /* An index directory with its link, or something mkdir reports. */
    if (!S_ISDIR(st.st_mode) || !ns_gen_current(db, other, sizeof other))
        return 0;
    if (ns_gen_foreign(db, other, sizeof other)) {
        ns_error("'%s' holds files but no index ('%s'): --db names the "
                 "index's own directory, a new or empty one for a new index",
                 db, other);
        return -1;
    }
    return 0;
}

/* The process that holds a flock() on the file at PATH, from the
 * kernel's own list (/proc/locks, Linux): its pid and its name (comm,
 * "flock"), or 0 when it cannot be told (another system, another pid
 * namespace, no lock found). */
static long flock_holder(const char *path, char *name, size_t size)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return 0;
    FILE *f = fopen("/proc/locks", "re");
    if (!f)
        return 0;
    char line[256];
    long found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char kind[16];
        long pid;
        unsigned maj, min;
        unsigned long ino;
        /* "3: FLOCK  ADVISORY  WRITE 7017 fe:00:11141339 0 EOF"; a waiter's
         * line has "->" after the number, and is no holder. */
        if (sscanf(line, "%*[0-9]: %15s %*s %*s %ld %x:%x:%lu", kind, &pid,
                   &maj, &min, &ino) != 5 ||
            strcmp(kind, "FLOCK") != 0 || pid <= 0)
            continue;
        if (maj == major(st.st_dev) && min == minor(st.st_dev) &&
            ino == (unsigned long)st.st_ino)
            found = pid;
    }
    fclose(f);
    snprintf(name, size, "pid %ld", found);
    char comm_path[64], comm[64];
    snprintf(comm_path, sizeof comm_path, "/proc/%ld/comm", found);
    FILE *c = found ? fopen(comm_path, "re") : NULL;
    if (c) {
        if (fgets(comm, sizeof comm, c)) {
            comm[strcspn(comm, "\n")] = '\0';
            if (*comm)
                snprintf(name, size, "%s (pid %ld)", comm, found);
        }
        fclose(c);
    }
    return found;
}

/* Who holds DB's lock, said into WHO ("nindex (pid 12345, --rebuild) is
 * writing to it").  The lock file holds what the last nindex to take the
 * lock wrote there ("12345 rebuild"); a program that takes it with
 * flock(1), as a backup does, writes nothing, so that text may be of a
 * writer long gone, and its pid in use by another process since.  The
 * kernel's list says who holds the lock now, and the file's text is
 * believed only of that process; where the list cannot be read, only of
 * a pid that is alive. */
static void lock_holder(const char *db, char *who, size_t size)
{
    char path[4200], text[64] = "", mode[32] = "", name[96];
    snprintf(path, sizeof path, "%s/lock", db);
    long holder = flock_holder(path, name, sizeof name);
    if (!holder) /* the lock file removed: the directory's lock */
        holder = flock_holder(db, name, sizeof name);
    FILE *f = fopen(path, "re");
    if (f) {
        if (!fgets(text, sizeof text, f))
            text[0] = '\0';
        fclose(f);
    }
    long pid;
    if (sscanf(text, "%ld %31[a-z-]", &pid, mode) != 2 || pid <= 0)
        pid = 0;
    if (pid &&
        (holder ? pid == holder : kill((pid_t)pid, 0) == 0 || errno == EPERM))
        snprintf(who, size, "nindex (pid %ld, --%s) is writing to it", pid,
                 mode);
    else if (holder && strncmp(name, "nindex ", 7) == 0)
        snprintf(who, size, "nindex (pid %ld) is writing to it", holder);
    else if (holder)
        snprintf(who, size,
                 "%s holds its lock, not an nindex (a backup, or a job "
                 "under flock(1))",
                 name);
    else
        snprintf(who, size,
                 "another process holds its lock (an nindex, or a backup "
                 "or job under flock(1))");
}

/* Say who holds the lock in it, for the busy message of the next: the
 * kernel knows, but tells no one portably. */
static void lock_note(int fd, const char *mode)
{
    char text[64];
    int n = snprintf(text, sizeof text, "%ld %s\n", (long)getpid(), mode);
    if (ftruncate(fd, 0) == 0 && pwrite(fd, text, (size_t)n, 0) != n) {
        /* A full disk: the lock holds all the same. */
    }
}

int ns_dbdir_lock(const char *db, struct dbdir *d, const char *mode,
                  double wait, int (*stop)(void))
{
    if (ns_mkdir_p(db) < 0) {
        ns_error("cannot create '%s': %s", db, strerror(errno));
        ns_dbdir_drop(db, d); /* the parents made before the failure */
        errno = 0;
        return -1;
    }
    char path[4200];
    struct stat st;
    snprintf(path, sizeof path, "%s/lock", db);
    d->lock_made = lstat(path, &st) < 0 && errno == ENOENT;
    int lock = ns_lock(db, wait, stop);
    if (lock >= 0) {
        lock_note(lock, mode);
        return lock;
    }
    int busy = errno == EWOULDBLOCK;
    if (errno == EINTR) {
        ns_error("interrupted while waiting for the lock of '%s'; "
                 "nothing was done",
                 db);
    } else if (busy) {
        char who[200];
        lock_holder(db, who, sizeof who);
        ns_error("index '%s' is busy: %s; %s", db, who,
                 wait > 0 ? "gave up waiting" : "wait, or --wait SECONDS");
    } else {
        int e = errno;
        ns_error("cannot lock '%s/lock': %s%s", db, strerror(e),
                 e == EACCES || e == EPERM ? OWNER_HINT : "");
    }
    /* Busy or waited for: the other writer made the lock, and maybe
     * DIR; they are its. */
    if (!busy && errno != EINTR)
        ns_dbdir_drop(db, d);
    errno = busy ? EWOULDBLOCK : 0;
    return lock;
}

/* Does DB hold nothing but its lock? */
static int only_lock(const char *db)
{
    DIR *dir = opendir(db);
    if (!dir)
        return 0;
    struct dirent *e;
    int other = 0;
    while (!other && (e = readdir(dir)))
        other = strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
                strcmp(e->d_name, "lock");
    closedir(dir);
    return !other;
}

void ns_dbdir_drop(const char *db, const struct dbdir *d)
{
    if (!d->fresh) {
        /* DIR was there: only a lock file this run made goes, and only
         * when the run left nothing beside it (no index was made). */
        char path[4200];
        snprintf(path, sizeof path, "%s/lock", db);
        if (d->lock_made && only_lock(db))
            unlink(path);
        return;
    }
    ns_remove_tree(db);
    /* The parents it made, innermost first.  rmdir() removes only an
     * empty one: what another program put there meanwhile stays. */
    char *copy = strdup(db);
    if (!copy)
        return;
    for (;;) {
        size_t n = strlen(copy);
        while (n > 1 && copy[n - 1] == '/')
            copy[--n] = '\0';
        char *slash = strrchr(copy, '/');
        if (!slash)
            break;
        *slash = '\0';
        n = strlen(copy);
        while (n > 1 && copy[n - 1] == '/')
            copy[--n] = '\0';
        if (n < d->made || rmdir(copy) < 0)
            break;
    }
    free(copy);
}
