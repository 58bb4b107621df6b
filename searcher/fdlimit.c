/* fdlimit.c - Fit nsearchd's connections to the open file limit.
 *
 * Every connection is a file descriptor, and so is every table of every
 * index a worker has open.  With the common soft limit of 1024, a
 * --max-connections of 2000 was accepted and then, under load, accept()
 * failed with EMFILE: libmicrohttpd logged a line per attempt (a million
 * lines in three seconds, spinning a core) and the clients past the
 * limit got neither an answer nor a 503.  As redis does for maxclients,
 * the soft limit is raised towards what the settings need, and where the
 * hard limit stops that, the connections served are lowered to what fits
 * and the log says so once, at startup. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include "http.h"
#include "ns.h"

/* Descriptors kept for what is not a connection: the standard streams,
 * the listening socket, libmicrohttpd's epoll and wake-up descriptors,
 * the log. */
#define FIXED_FDS 32
/* Per worker: the tables of an open index (six for a glass database),
 * twice while a new version is opened beside the old, and a margin for a
 * cluster's remote shards. */
#define FDS_PER_THREAD 16

unsigned ns_http_fds_needed(unsigned threads, unsigned connections)
{
    return FIXED_FDS + FDS_PER_THREAD * threads + connections;
}

int ns_http_fit_fds(unsigned threads, unsigned *max_connections,
                    unsigned *headroom)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
        return 0; /* nothing known: the settings stand */
    rlim_t need = ns_http_fds_needed(threads, *max_connections + *headroom);
    if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < need) {
        rlim_t was = rl.rlim_cur;
        rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= need
                          ? need
                          : rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
            rl.rlim_cur = was;
    }
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= need)
        return 0;

    /* Short even at the hard limit: serve what fits, keeping the 503
     * headroom at most half of what is left, so that a burst still
     * learns why it is refused. */
    rlim_t fixed = ns_http_fds_needed(threads, 0);
    if (rl.rlim_cur <= fixed + 1)
        return ns_error("error: the open file limit (%llu) is too low for "
                        "%u thread%s: nsearchd needs at least %llu; raise "
                        "it (ulimit -n, or LimitNOFILE= in the service unit)",
                        (unsigned long long)rl.rlim_cur, threads,
                        threads == 1 ? "" : "s",
                        (unsigned long long)(fixed + 2));
    unsigned usable = (unsigned)(rl.rlim_cur - fixed);
    unsigned asked = *max_connections;
    if (*headroom > usable / 2)
        *headroom = usable / 2;
    if (*max_connections > usable - *headroom)
        *max_connections = usable - *headroom;
    ns_warn("--max-connections %u needs %llu open files, and the limit is "
            "%llu (hard limit %llu): serving at most %u connections; raise "
            "the limit (ulimit -n, or LimitNOFILE= in the service unit)",
            asked, (unsigned long long)need,
            (unsigned long long)rl.rlim_cur,
            (unsigned long long)rl.rlim_max, *max_connections);
    return 0;
}
