/* guard.c - nsearchd's defences against clients that hold connections
 * without using them (slowloris) and against one user starving the others.
 *
 * libmicrohttpd's --timeout is an idle timeout: it is reset by every byte,
 * so a client sending one header byte every few seconds keeps its
 * connection for ever, and a few hundred such clients fill the server.
 * libmicrohttpd has no deadline for the request head, and its per-IP
 * limit means nothing on a Unix socket, so this file adds both:
 *
 *   Admission.  When a connection opens, its peer's uid is read
 *   (SO_PEERCRED).  A peer outside --allow-uid is told 403 at once; when
 *   --max-connections connections are already admitted, or its uid holds
 *   --max-connections-per-uid of them, it is told 503 at once.  Either
 *   answer is written straight to the fresh socket (nothing else has been
 *   written to it) and followed by end-of-file, so the client gets a JSON
 *   error instead of silence; the connection is closed a second later
 *   (closing at once could make the client's own request fail to send)
 *   or as soon as its request arrives.  Refused connections are not
 *   counted as admitted, so they cannot push out anybody else.
 *
 *   Request deadline.  The request (request line, headers and any body)
 *   must be complete within --header-timeout seconds of the connection
 *   opening; on a kept-alive connection, within --timeout +
 *   --header-timeout seconds of the previous answer (it may idle for
 *   --timeout first).  The body is under the same bound as the head: a
 *   GET with "Content-Length: 100" and one body byte every few seconds
 *   held its connection (and one of its uid's slots) for ever, since
 *   each byte resets --timeout.  A guard thread looks every GUARD_TICK
 *   seconds and shuts down the sockets that missed their deadline;
 *   libmicrohttpd then sees the end-of-file and closes them.
 *
 *   The deadline is for the client, not for the server.  libmicrohttpd's
 *   pool thread runs our handler itself, so while it searches for one
 *   connection it reads none of its others: a request sent whole in time
 *   waited unread in its socket behind a slow search, and was cut as late
 *   (4 of 12 clients of 1.7 s searches on --threads 2 got no answer).
 *   So a connection past its deadline with bytes still unread in its
 *   socket (FIONREAD) is not cut: those bytes came, the server did not
 *   take them.  Bytes seen waiting at two rounds running (GUARD_TICK
 *   apart, which a free thread never lets happen) move its deadline to
 *   --header-timeout from then, which also covers the moment between the
 *   thread reading them and the handler clearing the deadline.  One round
 *   is not enough: a client sending a byte a second had one waiting just
 *   as its deadline came, every few rounds, and each time its deadline
 *   moved on by whole seconds it stayed in step with its bytes.  A client
 *   really sending slowly has nothing waiting a round later, and is cut.  The guard sets
 *   no bound of its own on that wait besides the searches ahead of it
 *   (each within --request-timeout) and --max-connections: it cannot
 *   answer 503 itself, since the pool thread may be reading that very
 *   request and would answer it too, on the same socket.  libmicrohttpd's
 *   idle timeout (--timeout) is still one: it counts from the last read,
 *   and closes a request left unread that long, which no code here can
 *   see coming (README, "nsearchd: the socket server").
 *
 * All connections are on one list under srv->conn_lock.  The guard calls
 * shutdown() only under that lock on a connection still on the list, and
 * libmicrohttpd closes a socket only after its "closed" notification has
 * taken the connection off the list, so the guard never touches an fd
 * that has been closed and reused. */
#define _GNU_SOURCE /* MSG_NOSIGNAL, struct ucred */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

#include "net.h"
#include "server.h"

/* Seconds between two rounds of the guard thread. */
#define GUARD_TICK 0.2
/* Seconds a refused connection stays open after its answer, so that the
 * client's request is still accepted by the socket (a client whose write
 * fails may not read the answer). */
#define REFUSED_LINGER 1.0
/* Seconds between two log lines about connections refused 503: a refusal
 * is the server working as designed, and a line per connection would
 * flood the log exactly when it is busiest. */
#define REFUSED_LOG_INTERVAL 10.0

/* ------------------------------------------------------------------------ */
/* Answers written at accept time                                           */
/* ------------------------------------------------------------------------ */

/* Write a complete HTTP/1.1 answer STATUS (REASON) with a JSON error to
 * the new socket FD, without blocking, then end our side of it.  A client
 * too slow to take a few hundred bytes into an empty socket buffer loses
 * the answer, which is no worse than silence. */
static void answer_early(int fd, unsigned status, const char *reason,
                         const char *code, const char *message)
{
    char body[256], head[512];
    int blen = snprintf(body, sizeof body,
                        "{\"error\":{\"code\":\"%s\",\"message\":\"%s\"}}\n",
                        code, message);
    /* Retry-After only for 503: a 403 is not lifted by trying again. */
    int hlen = snprintf(head, sizeof head,
                        "HTTP/1.1 %u %s\r\n"
                        "Content-Type: application/json\r\n"
                        "Content-Length: %d\r\n"
                        "Connection: close\r\n"
                        "%s"
                        "\r\n%s",
                        status, reason, blen,
                        status == 503 ? "Retry-After: 1\r\n" : "", body);
    if (hlen > 0 && (size_t)hlen < sizeof head)
        (void)!send(fd, head, (size_t)hlen, MSG_DONTWAIT | MSG_NOSIGNAL);
    shutdown(fd, SHUT_WR);
}

/* ------------------------------------------------------------------------ */
/* The list of connections                                                  */
/* ------------------------------------------------------------------------ */

void ns_http_guard_admit(ns_http_server_t *srv, struct MHD_Connection *conn,
                         struct ns_http_conn *cn)
{
    const ns_http_config_t *cfg = srv->cfg;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    cn->fd = info ? info->connect_fd : -1;
    cn->have_uid = cn->fd >= 0 && ns_net_peer_uid(cn->fd, &cn->uid) == 0;
    cn->allowed = !cfg->allow_uids;
    if (cfg->allow_uids && cn->have_uid)
        for (size_t i = 0; i < cfg->n_allow_uids; i++)
            if (cfg->allow_uids[i] == cn->uid)
                cn->allowed = 1;
    double now = ns_monotonic_s();

    pthread_mutex_lock(&srv->conn_lock);
    unsigned total = 0, same_uid = 0;
    for (const struct ns_http_conn *o = srv->conns; o; o = o->next) {
        if (!o->admitted)
            continue;
        total++;
        if (cn->have_uid && o->have_uid && o->uid == cn->uid)
            same_uid++;
    }
    if (!cn->allowed) {
        cn->refused = 403;
    } else if (total >= cfg->max_connections ||
               (cfg->max_per_uid && same_uid >= cfg->max_per_uid)) {
        cn->refused = 503;
    } else {
        cn->admitted = 1;
    }
    cn->deadline =
        now + (cn->refused ? REFUSED_LINGER : (double)cfg->header_timeout_s);
    cn->prev = NULL;
    cn->next = srv->conns;
    if (srv->conns)
        srv->conns->prev = cn;
    srv->conns = cn;
    pthread_mutex_unlock(&srv->conn_lock);

    if (cn->refused == 403) {
        atomic_fetch_add(&srv->refused_uid, 1);
        if (cn->have_uid)
            ns_warn("refusing a client with uid %lu (not in --allow-uid)",
                    (unsigned long)cn->uid);
        else
            ns_warn("cannot read a client's credentials; refusing it");
        answer_early(cn->fd, 403, "Forbidden", "forbidden",
                     "this user may not use the server");
    } else if (cn->refused == 503) {
        atomic_fetch_add(&srv->refused_full, 1);
        answer_early(cn->fd, 503, "Service Unavailable", "overloaded",
                     same_uid >= cfg->max_per_uid && cfg->max_per_uid
                         ? "too many connections from this user; try again"
                         : "too many connections; try again");
    }
}

/* Whether the client has sent bytes on FD that the server has not read
 * yet (see "The deadline is for the client" above). */
static int bytes_waiting(int fd)
{
    int n = 0;
    return fd >= 0 && ioctl(fd, FIONREAD, &n) == 0 && n > 0;
}

void ns_http_guard_forget(ns_http_server_t *srv, struct ns_http_conn *cn)
{
    pthread_mutex_lock(&srv->conn_lock);
    /* Closed during a shutdown with a request unread in its socket: by
     * libmicrohttpd's idle timeout (--timeout counts from the last read,
     * and a request waiting behind a search is not read), or by the
     * final close.  Its client gets no answer; the log says how many. */
    if (atomic_load(&srv->stopping) && !cn->cut && !cn->refused &&
        bytes_waiting(cn->fd))
        atomic_fetch_add(&srv->lost_unread, 1);
    if (cn->prev)
        cn->prev->next = cn->next;
    else if (srv->conns == cn)
        srv->conns = cn->next;
    if (cn->next)
        cn->next->prev = cn->prev;
    cn->prev = cn->next = NULL;
    pthread_mutex_unlock(&srv->conn_lock);
}

void ns_http_guard_request_done(ns_http_server_t *srv, struct ns_http_conn *cn)
{
    pthread_mutex_lock(&srv->conn_lock);
    if (!cn->refused)
        cn->deadline = 0;
    pthread_mutex_unlock(&srv->conn_lock);
}

void ns_http_guard_answered(ns_http_server_t *srv, struct ns_http_conn *cn)
{
    const ns_http_config_t *cfg = srv->cfg;
    pthread_mutex_lock(&srv->conn_lock);
    if (!cn->refused)
        cn->deadline = ns_monotonic_s() + (double)cfg->timeout_s +
                       (double)cfg->header_timeout_s;
    pthread_mutex_unlock(&srv->conn_lock);
}

/* ------------------------------------------------------------------------ */
/* The guard thread                                                         */
/* ------------------------------------------------------------------------ */

/* Log the connections refused 503 since the last such line, at most
 * once every REFUSED_LOG_INTERVAL seconds. */
static void log_refusals(ns_http_server_t *srv, double now,
                         uint_fast64_t *logged, double *logged_at)
{
    uint_fast64_t refused = atomic_load(&srv->refused_full);
    if (refused == *logged || now - *logged_at < REFUSED_LOG_INTERVAL)
        return;
    ns_warn("refused %llu connection%s with 503 overloaded (over "
            "--max-connections %u or --max-connections-per-uid %u)",
            (unsigned long long)(refused - *logged),
            refused - *logged == 1 ? "" : "s", srv->cfg->max_connections,
            srv->cfg->max_per_uid);
    *logged = refused;
    *logged_at = now;
}

static void *guard_main(void *arg)
{
    ns_http_server_t *srv = arg;
    uint_fast64_t refused_logged = 0;
    double refused_logged_at = -REFUSED_LOG_INTERVAL;
    pthread_mutex_lock(&srv->conn_lock);
    while (!srv->guard_stop) {
        double now = ns_monotonic_s();
        log_refusals(srv, now, &refused_logged, &refused_logged_at);
        unsigned cut = 0;
        for (struct ns_http_conn *cn = srv->conns; cn; cn = cn->next) {
            if (cn->cut || cn->deadline == 0 || now < cn->deadline) {
                cn->waiting = 0;
                continue;
            }
            /* A refused connection has had its answer: it is closed even
             * with its request unread. */
            if (!cn->refused && bytes_waiting(cn->fd)) {
                if (cn->waiting) {
                    cn->deadline = now + (double)srv->cfg->header_timeout_s;
                    cn->waiting = 0;
                } else {
                    cn->waiting = 1;
                }
                continue;
            }
            shutdown(cn->fd, SHUT_RDWR);
            cn->cut = 1;
            if (!cn->refused)
                cut++;
        }
        if (cut) {
            atomic_fetch_add(&srv->header_timeouts, cut);
            ns_warn("closed %u connection%s whose request did not arrive "
                    "within --header-timeout (%u s)",
                    cut, cut == 1 ? "" : "s", srv->cfg->header_timeout_s);
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        long ns = until.tv_nsec + (long)(GUARD_TICK * 1e9);
        until.tv_sec += ns / 1000000000L;
        until.tv_nsec = ns % 1000000000L;
        pthread_cond_timedwait(&srv->guard_wake, &srv->conn_lock, &until);
    }
    pthread_mutex_unlock(&srv->conn_lock);
    return NULL;
}

unsigned ns_http_guard_unread(ns_http_server_t *srv)
{
    unsigned n = 0;
    pthread_mutex_lock(&srv->conn_lock);
    for (const struct ns_http_conn *cn = srv->conns; cn; cn = cn->next)
        n += !cn->cut && !cn->refused && bytes_waiting(cn->fd);
    pthread_mutex_unlock(&srv->conn_lock);
    return n;
}

int ns_http_guard_start(ns_http_server_t *srv)
{
    if (pthread_mutex_init(&srv->conn_lock, NULL) != 0)
        return -1;
    if (pthread_cond_init(&srv->guard_wake, NULL) != 0) {
        pthread_mutex_destroy(&srv->conn_lock);
        return -1;
    }
    srv->have_guard = 1;
    if (pthread_create(&srv->guard, NULL, guard_main, srv) != 0) {
        srv->have_guard = 0;
        pthread_cond_destroy(&srv->guard_wake);
        pthread_mutex_destroy(&srv->conn_lock);
        return -1;
    }
    srv->guard_running = 1;
    return 0;
}

void ns_http_guard_stop(ns_http_server_t *srv)
{
    if (!srv->have_guard)
        return;
    if (srv->guard_running) {
        pthread_mutex_lock(&srv->conn_lock);
        srv->guard_stop = 1;
        pthread_cond_signal(&srv->guard_wake);
        pthread_mutex_unlock(&srv->conn_lock);
        pthread_join(srv->guard, NULL);
        srv->guard_running = 0;
    }
    pthread_cond_destroy(&srv->guard_wake);
    pthread_mutex_destroy(&srv->conn_lock);
    srv->have_guard = 0;
}
