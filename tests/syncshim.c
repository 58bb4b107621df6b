/* syncshim.c - An LD_PRELOAD library that records the durability calls of
 * a process: fsync, fdatasync, syncfs, sync and renames, in the order they
 * return, one line each in the file named by $NSEARCH_SYNC_LOG.
 *
 * A killed process cannot show a missing fsync (the page cache survives
 * it); only a power cut would.  The order of these calls is what a power
 * cut depends on, so tests/cli/t067-publish.sh checks it instead.  Lines:
 *
 *   fsync DEV:INO PATH        (fdatasync alike; PATH from /proc/self/fd)
 *   syncfs DEV:INO PATH       (sync: "sync - -")
 *   rename OLD NEW            (rename, renameat, renameat2; absolute paths)
 *
 * Only calls that succeeded are recorded.  Each line is one write() to a
 * file opened O_APPEND, so threads do not interleave within a line.
 *
 * Faults: with NSEARCH_SYNC_FAIL=N, the Nth fsync or fdatasync of the
 * process (counting from 1, threads included) and every one after it fail
 * with NSEARCH_SYNC_ERRNO ("EIO", the default, or "ENOSPC") without
 * syncing, as a disk that went bad or full does (later calls fail too: a
 * kernel that reported a write-back error once may not report it again,
 * but it has not written the data either).  Failed calls are recorded as
 * "fail fsync ..." lines. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void record(const char *line)
{
    const char *path = getenv("NSEARCH_SYNC_LOG");
    if (!path)
        return;
    int e = errno;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
        ssize_t n = write(fd, line, strlen(line));
        (void)n;
        close(fd);
    }
    errno = e;
}

/* The path of FD (or "?"), into OUT. */
static void fd_path(int fd, char *out, size_t size)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, out, size - 1);
    if (n < 0)
        n = snprintf(out, size, "?");
    out[n] = '\0';
}

/* PATH made absolute against DIRFD (AT_FDCWD: the working directory). */
static void abs_path(int dirfd, const char *path, char *out, size_t size)
{
    char base[PATH_MAX];
    if (path[0] == '/') {
        snprintf(out, size, "%s", path);
        return;
    }
    if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base))
            snprintf(base, sizeof base, "?");
    } else {
        fd_path(dirfd, base, sizeof base);
    }
    /* A path too long for OUT is cut: the log line is then wrong, which
     * the test reports, never a crash. */
    if (snprintf(out, size, "%s/%s", base, path) >= (int)size)
        out[size - 1] = '\0';
}

static void record_fd(const char *what, int fd)
{
    struct stat st;
    char path[PATH_MAX], line[PATH_MAX + 128];
    fd_path(fd, path, sizeof path);
    if (fstat(fd, &st) < 0)
        memset(&st, 0, sizeof st);
    snprintf(line, sizeof line, "%s %llu:%llu %s\n", what,
             (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
             path);
    record(line);
}

static void record_rename(int olddir, const char *oldp, int newdir,
                          const char *newp)
{
    char a[PATH_MAX], b[PATH_MAX], line[2 * PATH_MAX + 16];
    abs_path(olddir, oldp, a, sizeof a);
    abs_path(newdir, newp, b, sizeof b);
    snprintf(line, sizeof line, "rename %s %s\n", a, b);
    record(line);
}

#define NEXT(name) ((name##_fn)dlsym(RTLD_NEXT, #name))

typedef int (*fsync_fn)(int);
typedef int (*fdatasync_fn)(int);
typedef int (*syncfs_fn)(int);
typedef void (*sync_fn)(void);
typedef int (*rename_fn)(const char *, const char *);
typedef int (*renameat_fn)(int, const char *, int, const char *);
typedef int (*renameat2_fn)(int, const char *, int, const char *, unsigned);

/* Whether this sync call is to fail (see the top); sets errno if so. */
static int fail_now(void)
{
    static atomic_long calls;
    const char *n = getenv("NSEARCH_SYNC_FAIL");
    if (!n || atol(n) <= 0)
        return 0;
    if (atomic_fetch_add(&calls, 1) + 1 < atol(n))
        return 0;
    const char *e = getenv("NSEARCH_SYNC_ERRNO");
    errno = e && strcmp(e, "ENOSPC") == 0 ? ENOSPC : EIO;
    return 1;
}

int fsync(int fd)
{
    if (fail_now()) {
        int e = errno;
        record_fd("fail fsync", fd);
        errno = e;
        return -1;
    }
    int rc = NEXT(fsync)(fd);
    if (rc == 0)
        record_fd("fsync", fd);
    return rc;
}

int fdatasync(int fd)
{
    if (fail_now()) {
        int e = errno;
        record_fd("fail fdatasync", fd);
        errno = e;
        return -1;
    }
    int rc = NEXT(fdatasync)(fd);
    if (rc == 0)
        record_fd("fdatasync", fd);
    return rc;
}

int syncfs(int fd)
{
    int rc = NEXT(syncfs)(fd);
    if (rc == 0)
        record_fd("syncfs", fd);
    return rc;
}

void sync(void)
{
    NEXT(sync)();
    record("sync - -\n");
}

int rename(const char *oldp, const char *newp)
{
    int rc = NEXT(rename)(oldp, newp);
    if (rc == 0)
        record_rename(AT_FDCWD, oldp, AT_FDCWD, newp);
    return rc;
}

int renameat(int olddir, const char *oldp, int newdir, const char *newp)
{
    int rc = NEXT(renameat)(olddir, oldp, newdir, newp);
    if (rc == 0)
        record_rename(olddir, oldp, newdir, newp);
    return rc;
}

int renameat2(int olddir, const char *oldp, int newdir, const char *newp,
              unsigned flags)
{
    int rc = NEXT(renameat2)(olddir, oldp, newdir, newp, flags);
    if (rc == 0)
        record_rename(olddir, oldp, newdir, newp);
    return rc;
}
