/* net.c - Unix-domain socket helpers for nsearchd: listening with a mode
 * and a group, replacing a stale socket file, systemd socket activation and
 * the peer's credentials.  Every function returns -1 with errno intact on
 * failure and prints nothing (STYLE.md, "Status"). */

/* SO_PEERCRED, struct ucred and SO_DOMAIN are Linux extensions that
 * <sys/socket.h> declares only under _GNU_SOURCE; the Makefile's
 * -D_POSIX_C_SOURCE=200809L alone hides them.  It must come before the
 * first include, which reads the feature macros once. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "net.h"

/* Fill SA with PATH.  Returns the address length, or -1 with ENAMETOOLONG
 * when PATH (with its NUL) does not fit in sun_path. */
static int unix_address(const char *path, struct sockaddr_un *sa)
{
    size_t len = strlen(path);
    memset(sa, 0, sizeof *sa);
    if (len == 0 || len >= sizeof sa->sun_path) {
        errno = len ? ENAMETOOLONG : ENOENT;
        return -1;
    }
    sa->sun_family = AF_UNIX;
    memcpy(sa->sun_path, path, len + 1);
    return (int)(offsetof(struct sockaddr_un, sun_path) + len + 1);
}

/* Close FD keeping errno, for error paths. */
static void close_keep_errno(int fd)
{
    int e = errno;
    close(fd);
    errno = e;
}

/* Probe the socket file at PATH.  Returns 1 when a server accepts
 * connections on it (or has a full backlog, which is as alive), 0 when it
 * is stale or gone, -1 with errno otherwise (ENOTSOCK if it is not a
 * socket). */
static int socket_is_live(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISSOCK(st.st_mode)) {
        errno = ENOTSOCK;
        return -1;
    }
    struct sockaddr_un sa;
    int salen = unix_address(path, &sa);
    if (salen < 0)
        return -1;
    /* Non-blocking, so that a live server with a full backlog answers
     * EAGAIN at once instead of making us wait. */
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    int rc = connect(fd, (struct sockaddr *)&sa, (socklen_t)salen);
    int e = errno;
    close(fd);
    if (rc == 0 || e == EAGAIN || e == EINPROGRESS)
        return 1;
    if (e == ECONNREFUSED || e == ENOENT)
        return 0;
    errno = e;
    return -1;
}

/* bind() with the umask set so that the file is created with MODE at once:
 * there is no moment when it is more open than asked.  The process is
 * still single-threaded when this runs, so the process-wide umask is
 * safe to change. */
static int bind_with_mode(int fd, const struct sockaddr_un *sa, int salen,
                          mode_t mode)
{
    mode_t old = umask(~mode & 0777);
    int rc = bind(fd, (const struct sockaddr *)sa, (socklen_t)salen);
    int e = errno;
    umask(old);
    errno = e;
    return rc;
}

int ns_net_unix_listen(const char *path, mode_t mode, gid_t gid, int backlog,
                       dev_t *dev, ino_t *ino)
{
    struct sockaddr_un sa;
    int salen = unix_address(path, &sa);
    if (salen < 0)
        return -1;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    if (bind_with_mode(fd, &sa, salen, mode) < 0) {
        if (errno != EADDRINUSE) {
            close_keep_errno(fd);
            return -1;
        }
        int live = socket_is_live(path);
        if (live != 0) {
            if (live > 0)
                errno = EADDRINUSE;
            close_keep_errno(fd);
            return -1;
        }
        /* Stale: nobody listens.  Two servers starting at the same moment
         * could both get here; the loser's bind() then fails with
         * EADDRINUSE, which is the right answer for it. */
        if ((unlink(path) < 0 && errno != ENOENT) ||
            bind_with_mode(fd, &sa, salen, mode) < 0) {
            close_keep_errno(fd);
            return -1;
        }
    }
    struct stat st;
    if (chmod(path, mode) < 0 ||
        (gid != (gid_t)-1 && chown(path, (uid_t)-1, gid) < 0) ||
        lstat(path, &st) < 0 || listen(fd, backlog) < 0) {
        int e = errno;
        unlink(path);
        close(fd);
        errno = e;
        return -1;
    }
    *dev = st.st_dev;
    *ino = st.st_ino;
    return fd;
}

int ns_net_unix_unlink(const char *path, dev_t dev, ino_t ino)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    if (st.st_dev != dev || st.st_ino != ino || !S_ISSOCK(st.st_mode))
        return 0;
    if (unlink(path) < 0 && errno != ENOENT)
        return -1;
    return 0;
}

/* Read a decimal number (0 to 10^9) from an environment variable.
 * Returns 0, or -1 if TEXT is not one. */
static int parse_env_number(const char *text, long *out)
{
    if (!text || *text < '0' || *text > '9')
        return -1;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < 0 || v > 1000000000L)
        return -1;
    *out = v;
    return 0;
}

int ns_net_systemd_fd(int *fd, int *count)
{
    /* The first fd systemd passes (SD_LISTEN_FDS_START). */
    enum { LISTEN_FDS_START = 3 };
    const char *pid_text = getenv("LISTEN_PID");
    const char *fds_text = getenv("LISTEN_FDS");
    long pid, fds;
    if (!pid_text || !fds_text)
        return 0;
    if (parse_env_number(pid_text, &pid) < 0 ||
        parse_env_number(fds_text, &fds) < 0) {
        errno = EINVAL;
        return -1;
    }
    /* The variables are for another process (a parent that exec'd us
     * without clearing them): not activated. */
    if ((pid_t)pid != getpid() || fds == 0)
        return 0;
    /* Children (there are none today) must not think they were
     * activated too. */
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");

    int s = LISTEN_FDS_START, type = 0, domain = 0, listening = 0;
    socklen_t len = sizeof type;
    if (getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len) < 0)
        return -1;
    len = sizeof domain;
    if (getsockopt(s, SOL_SOCKET, SO_DOMAIN, &domain, &len) < 0)
        return -1;
    len = sizeof listening;
    if (getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0)
        return -1;
    if (type != SOCK_STREAM || domain != AF_UNIX || !listening) {
        errno = ENOTSOCK;
        return -1;
    }
    int flags = fcntl(s, F_GETFL);
    if (flags < 0 || fcntl(s, F_SETFL, flags | O_NONBLOCK) < 0 ||
        fcntl(s, F_SETFD, FD_CLOEXEC) < 0)
        return -1;
    *fd = s;
    *count = (int)fds;
    return 1;
}

int ns_net_accept(int fd)
{
    for (;;) {
        int c = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        /* A client that gave up while queued is no reason to stop. */
        if (c >= 0 || (errno != EINTR && errno != ECONNABORTED))
            return c;
    }
}

int ns_net_unix_path(int fd, char *buf, size_t size)
{
    struct sockaddr_un sa;
    socklen_t len = sizeof sa;
    memset(&sa, 0, sizeof sa);
    if (getsockname(fd, (struct sockaddr *)&sa, &len) < 0)
        return -1;
    if (sa.sun_family != AF_UNIX) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    size_t n = len > offsetof(struct sockaddr_un, sun_path)
                   ? len - offsetof(struct sockaddr_un, sun_path)
                   : 0;
    /* An abstract socket starts with a NUL byte; show it as '@', the way
     * ss(8) does. */
    if (n > 0 && sa.sun_path[0] == '\0')
        sa.sun_path[0] = '@';
    if (n >= sizeof sa.sun_path)
        n = sizeof sa.sun_path - 1;
    sa.sun_path[n] = '\0';
    if (snprintf(buf, size, "%s", sa.sun_path) >= (int)size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

int ns_net_peer_uid(int fd, uid_t *uid)
{
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0)
        return -1;
    *uid = cred.uid;
    return 0;
}
