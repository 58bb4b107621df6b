/* net.h - Unix-domain socket helpers for nsearchd.
 *
 * POSIX helpers in the anet style: each returns -1 with errno intact on
 * failure and prints nothing; the caller adds the context to the message. */
#ifndef NS_NET_H
#define NS_NET_H

#include <sys/types.h>

/* Create a Unix stream socket bound to PATH, listening with BACKLOG, close-
 * on-exec and non-blocking (libmicrohttpd's thread pool shares it between
 * workers, which must not block in accept()).  The socket file gets MODE
 * (its permission bits) and, unless GID is (gid_t)-1, that group.
 *
 * A socket file already at PATH is probed with connect(): when nobody
 * answers (ECONNREFUSED) it is stale, left by a server that died, and is
 * replaced.  Errors worth a special message:
 *   EADDRINUSE    another server is listening on PATH;
 *   ENOTSOCK      PATH exists and is not a socket (it is left alone);
 *   ENAMETOOLONG  PATH does not fit in sun_path (107 bytes).
 * On success *dev and *ino identify the socket file, for
 * ns_net_unix_unlink(). */
int ns_net_unix_listen(const char *path, mode_t mode, gid_t gid, int backlog,
                       dev_t *dev, ino_t *ino);

/* Remove the socket file PATH if it is still the one identified by DEV and
 * INO (another server may have replaced it since).  Returns 0 when it was
 * removed or was already gone or replaced, -1 with errno on failure. */
int ns_net_unix_unlink(const char *path, dev_t dev, ino_t ino);

/* systemd socket activation (sd_listen_fds(3)): when LISTEN_PID is this
 * process and LISTEN_FDS is at least 1, check that fd 3 is a listening
 * Unix stream socket, make it close-on-exec and non-blocking, store 3 in
 * *fd and the number of passed fds in *count, unset the LISTEN_*
 * variables and return 1.  Returns 0 when the process was not activated,
 * -1 with errno (EINVAL for bad variables, ENOTSOCK for a wrong fd 3). */
int ns_net_systemd_fd(int *fd, int *count);

/* The next connection waiting in the backlog of the listening socket FD
 * (non-blocking), as a non-blocking socket.  Returns it, or -1 with errno
 * (EAGAIN when none is waiting). */
int ns_net_accept(int fd);

/* The path a listening Unix socket FD is bound to, into BUF (SIZE bytes).
 * Returns 0, or -1 with errno. */
int ns_net_unix_path(int fd, char *buf, size_t size);

/* The user id of the process at the other end of the connected Unix
 * socket FD (SO_PEERCRED).  Returns 0, or -1 with errno. */
int ns_net_peer_uid(int fd, uid_t *uid);

#endif /* NS_NET_H */
