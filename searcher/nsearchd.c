/* nsearchd.c - The nsearch search server: HTTP/1.1 and JSON on a Unix
 * socket, for a web front end (nginx) or any local client.
 *
 * nsearchd [--db DIR] --socket PATH [options]
 *
 * Holds main, options, signals, startup and shutdown, and only
 * dispatches: the socket syscalls are in net.c, the requests in http.c
 * (libmicrohttpd), the index in libns. */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "http.h"
#include "net.h"
#include "ns.h"

enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2 };

/* Pending connections the kernel queues before libmicrohttpd accepts:
 * as many as it allows (net.core.somaxconn caps the value).  A worker
 * accepts only between searches, so while every worker is busy the
 * backlog is the only place a connection can wait; with 128 a burst of
 * a few hundred clients (nginx opening connections for a spike) was
 * refused by the kernel (EAGAIN, nginx's 502) before the guard could
 * answer 503 or count anything. */
#define LISTEN_BACKLOG SOMAXCONN

struct options {
    const char *db;          /* --db, or NULL for the default */
    const char *socket_path; /* --socket */
    long threads;
    long socket_mode;   /* permission bits of the socket file */
    gid_t socket_group; /* (gid_t)-1: leave the group alone */
    uid_t allow_uids[NS_HTTP_MAX_UIDS];
    size_t n_allow_uids; /* 0: anyone who can open the socket */
    int access_log;
    int trust_proxy;
    long slow_ms; /* --slow-log: -1 for none */
    long max_connections;
    long max_per_uid;     /* -1 until given: then 3/4 of max_connections */
    long timeout;         /* seconds */
    long header_timeout;  /* seconds */
    long request_timeout; /* milliseconds, 0 for none */
    long max_age;         /* seconds answers may be kept; 0: no-cache */
    const char *cors;     /* --cors ORIGIN, or NULL */
};

static void usage(FILE *out)
{
    /* The limits are http.h's NS_HTTP_MAX_*. */
    fprintf(
        out,
        "Usage: nsearchd [--db DIR] --socket PATH [options]\n"
        "Serve an nsearch index over HTTP/1.1 with JSON on a Unix socket\n"
        "(manual: nsearchd(8)).\n"
        "\n"
        "Requests (GET; HEAD is answered like GET, other methods get 405,\n"
        "but OPTIONS with --cors):\n"
        "  /v1/search?q=WORDS  the JSON of `nsearch --json`; parameters:\n"
        "      limit (0-%d, default 10), offset (0-%d), sort (relevance,\n"
        "      date, oldest or recent), half_life (1-3650 days, default 30),\n"
        "      section, lang, tag (each repeatable: any of them), author\n"
        "      (every word of the byline), from and to (YYYY-MM-DD or\n"
        "      DD.MM.YYYY), related (0-%d, default 5), now (a date),\n"
        "      recent_days (0-%d, default 30: the window of related posts\n"
        "      before now; 0 for none, for archives without dates),\n"
        "      collapse (1 or 0), facets (section,decade,year,month,lang,\n"
        "      tag,author or all), suggest (1 or 0), partial (1: the last\n"
        "      word as a prefix too, search as you type),\n"
        "      snippet_len (0-%d bytes, default 200; 0 for none);\n"
        "      without q: every article\n"
        "  /v1/articles/ID     one stored article\n"
        "  /v1/related/ID      related recent posts for one article\n"
        "                      (related, now and recent_days as above)\n"
        "  /health             200 {\"status\":\"ok\",\"articles\":N};\n"
        "                      503 while there is no index\n"
        "  /v1/stats           counters, latency percentiles, the index\n"
        "  /metrics            the same and more for Prometheus (text\n"
        "                      format 0.0.4)\n"
        "Errors are {\"error\":{\"code\",\"message\"}} with status 400,\n"
        "403, 404, 405, 414 (q over %d bytes), 431 (a request head over\n"
        "64 KiB) or 503 (overloaded, no_index, timeout, shards_down,\n"
        "shutting_down); 500 "
        "is never expected.\n"
        "\n"
        "Options:\n"
        "  -d, --db DIR            index directory (default: $NSEARCH_DB,\n"
        "                          else $XDG_DATA_HOME/nsearch/db or\n"
        "                          ~/.local/share/nsearch/db)\n"
        "  -s, --socket PATH       Unix socket to create; a stale one is\n"
        "                          replaced, a live one is an error\n"
        "  -t, --threads N         worker threads, each with its own\n"
        "                          index handle (default 2, at most 64)\n"
        "      --socket-mode MODE  octal permissions (default 0660)\n"
        "      --socket-group G    group of the socket, name or number\n"
        "      --allow-uid U,...   serve only these users (names or\n"
        "                          numbers, by SO_PEERCRED); others get\n"
        "                          403\n"
        "      --access-log        one line per request on stderr\n"
        "      --trust-proxy       end each access and slow log line with\n"
        "                          the client address the proxy in front\n"
        "                          sends (X-Forwarded-For, X-Real-IP)\n"
        "      --slow-log MS       one line on stderr per request that took\n"
        "                          MS milliseconds or more (0: every one)\n"
        "      --max-connections N connections served (default 256); a\n"
        "                          few more are answered 503, the rest\n"
        "                          are closed at once\n"
        "      --max-connections-per-uid N\n"
        "                          connections one user (SO_PEERCRED) may\n"
        "                          hold (default 3/4 of --max-connections,\n"
        "                          0 for no own limit); more get 503\n"
        "      --timeout SECONDS   drop a connection idle this long, also\n"
        "                          in the middle of a request (default 10)\n"
        "      --header-timeout SECONDS\n"
        "                          close a connection whose request (line,\n"
        "                          headers and any body) is not all in\n"
        "                          this long after it opened (default 5)\n"
        "      --request-timeout MS\n"
        "                          a search still running after MS\n"
        "                          milliseconds stops and is answered 503\n"
        "                          timeout, a count (limit=0) 200 with an\n"
        "                          estimate (default 5000, 0 for none)\n"
        "      --max-age SECONDS   let caches keep answers this long before\n"
        "                          they revalidate with their ETag\n"
        "                          (default 0: Cache-Control: no-cache)\n"
        "      --cors ORIGIN       let pages of ORIGIN (https://host[:port],\n"
        "                          or * for any) read the answers: CORS\n"
        "                          headers, OPTIONS preflights (default off)\n"
        "  -h, --help              show this help\n"
        "      --version           show the version\n"
        "\n"
        "Started with systemd socket activation (LISTEN_FDS), nsearchd\n"
        "serves fd 3 and ignores --socket.  SIGHUP reopens the index.\n"
        "SIGTERM and SIGINT remove the socket, stop accepting, answer\n"
        "every request already sent (503 shutting_down once --timeout\n"
        "has passed) and exit within --timeout + 1 seconds.\n"
        "Logs go to stderr, one\n"
        "line per event: \"nsearchd[PID]: LEVEL: ...\".\n"
        "\n"
        "Exit status:\n"
        "  0  stopped by SIGTERM or SIGINT\n"
        "  1  error (cannot create the socket, another server owns it,\n"
        "     cannot start the HTTP server)\n"
        "  2  usage error\n",
        NS_HTTP_MAX_LIMIT, NS_HTTP_MAX_OFFSET, NS_HTTP_MAX_RELATED,
        NS_HTTP_MAX_RECENT_DAYS, NS_HTTP_MAX_SNIPPET, NS_HTTP_MAX_QUERY);
}

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/* An octal mode such as 0660 or 660: at most 4 octal digits, at most
 * 0777.  Returns 0, or -1. */
static int parse_mode(const char *text, long *out)
{
    size_t len = strlen(text);
    if (len == 0 || len > 4 || strspn(text, "01234567") != len)
        return -1;
    long v = strtol(text, NULL, 8);
    if (v > 0777)
        return -1;
    *out = v;
    return 0;
}

static gid_t parse_group(const char *text)
{
    long n;
    if (ns_parse_long(text, 0, 0x7fffffffL, &n) == 0)
        return (gid_t)n;
    struct group *g = getgrnam(text);
    if (!g)
        ns_usage_error("--socket-group: no group '%s'", text);
    return g->gr_gid;
}

/* Parse "1000,www-data,33" into O->allow_uids. */
static void parse_uids(const char *text, struct options *o)
{
    char *copy = strdup(text);
    if (!copy)
        ns_die("out of memory");
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        if (o->n_allow_uids == NS_HTTP_MAX_UIDS)
            ns_usage_error("--allow-uid takes at most %s users", "64");
        long n;
        if (ns_parse_long(tok, 0, 0x7fffffffL, &n) == 0) {
            o->allow_uids[o->n_allow_uids++] = (uid_t)n;
            continue;
        }
        struct passwd *pw = getpwnam(tok);
        if (!pw) {
            fprintf(stderr,
                    "nsearchd: --allow-uid: no user '%s'\n"
                    "Try 'nsearchd --help'.\n",
                    tok);
            free(copy);
            exit(EXIT_USAGE);
        }
        o->allow_uids[o->n_allow_uids++] = pw->pw_uid;
    }
    free(copy);
    if (o->n_allow_uids == 0)
        ns_usage_error("--allow-uid needs at least one user, not '%s'", text);
}

/* One case per option, beside the option table: split, the table and its
 * handling would only drift apart. */
static void parse_options(int argc, char **argv, struct options *o)
{
    enum {
        OPT_MODE = 256,
        OPT_GROUP,
        OPT_ALLOW,
        OPT_ACCESS,
        OPT_SLOW,
        OPT_MAXCONN,
        OPT_TIMEOUT,
        OPT_PERUID,
        OPT_HEADER_TIMEOUT,
        OPT_REQUEST_TIMEOUT,
        OPT_MAX_AGE,
        OPT_CORS,
        OPT_TRUST_PROXY,
        OPT_VERSION
    };
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"socket", required_argument, NULL, 's'},
        {"threads", required_argument, NULL, 't'},
        {"socket-mode", required_argument, NULL, OPT_MODE},
        {"socket-group", required_argument, NULL, OPT_GROUP},
        {"allow-uid", required_argument, NULL, OPT_ALLOW},
        {"access-log", no_argument, NULL, OPT_ACCESS},
        {"slow-log", required_argument, NULL, OPT_SLOW},
        {"max-connections", required_argument, NULL, OPT_MAXCONN},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"max-connections-per-uid", required_argument, NULL, OPT_PERUID},
        {"header-timeout", required_argument, NULL, OPT_HEADER_TIMEOUT},
        {"request-timeout", required_argument, NULL, OPT_REQUEST_TIMEOUT},
        {"max-age", required_argument, NULL, OPT_MAX_AGE},
        {"cors", required_argument, NULL, OPT_CORS},
        {"trust-proxy", no_argument, NULL, OPT_TRUST_PROXY},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    static const char short_opts[] = "d:s:t:h";
    int c;
    while ((c = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            /* An empty --db (an unset $DB) is not the default index. */
            if (!*optarg)
                ns_usage_error("--db needs a directory, not ''");
            o->db = optarg;
            break;
        case 's':
            o->socket_path = optarg;
            break;
        case 't':
            if (ns_parse_long(optarg, 1, 64, &o->threads) < 0)
                ns_usage_error(
                    "--threads needs a number from 1 to 64, not '%s'", optarg);
            break;
        case OPT_MODE:
            if (parse_mode(optarg, &o->socket_mode) < 0)
                ns_usage_error(
                    "--socket-mode needs an octal mode such as 0660, "
                    "not '%s'",
                    optarg);
            break;
        case OPT_GROUP:
            o->socket_group = parse_group(optarg);
            break;
        case OPT_ALLOW:
            parse_uids(optarg, o);
            break;
        case OPT_ACCESS:
            o->access_log = 1;
            break;
        case OPT_TRUST_PROXY:
            o->trust_proxy = 1;
            break;
        case OPT_SLOW:
            if (ns_parse_long(optarg, 0, 3600000, &o->slow_ms) < 0)
                ns_usage_error("--slow-log needs a number of milliseconds "
                               "from 0 to 3600000, not '%s'",
                               optarg);
            break;
        case OPT_MAXCONN:
            if (ns_parse_long(optarg, 1, 100000, &o->max_connections) < 0)
                ns_usage_error("--max-connections needs a number from 1 to "
                               "100000, not '%s'",
                               optarg);
            break;
        case OPT_TIMEOUT:
            if (ns_parse_long(optarg, 1, 86400, &o->timeout) < 0)
                ns_usage_error("--timeout needs a number of seconds from 1 to "
                               "86400, not '%s'",
                               optarg);
            break;
        case OPT_PERUID:
            if (ns_parse_long(optarg, 0, 100000, &o->max_per_uid) < 0)
                ns_usage_error("--max-connections-per-uid needs a number "
                               "from 0 to 100000, not '%s'",
                               optarg);
            break;
        case OPT_HEADER_TIMEOUT:
            if (ns_parse_long(optarg, 1, 3600, &o->header_timeout) < 0)
                ns_usage_error("--header-timeout needs a number of seconds "
                               "from 1 to 3600, not '%s'",
                               optarg);
            break;
        case OPT_REQUEST_TIMEOUT:
            if (ns_parse_long(optarg, 0, 3600000, &o->request_timeout) < 0)
                ns_usage_error("--request-timeout needs a number of "
                               "milliseconds from 0 to 3600000, not '%s'",
                               optarg);
            break;
        case OPT_MAX_AGE:
            if (ns_parse_long(optarg, 0, 86400, &o->max_age) < 0)
                ns_usage_error("--max-age needs a number of seconds from 0 "
                               "to 86400, not '%s'",
                               optarg);
            break;
        case OPT_CORS:
            if (!ns_http_cors_origin_ok(optarg))
                ns_usage_error("--cors needs an origin such as "
                               "https://www.example.org, or *, not '%s'",
                               optarg);
            o->cors = optarg;
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_OK);
        case OPT_VERSION:
            printf("nsearchd %s\n", NS_VERSION);
            exit(EXIT_OK);
        default:
            fprintf(stderr, "Try 'nsearchd --help'.\n");
            exit(EXIT_USAGE);
        }
    }
    if (optind < argc)
        ns_usage_error("unexpected argument '%s'", argv[optind]);
}

/* ------------------------------------------------------------------------ */
/* Startup                                                                  */
/* ------------------------------------------------------------------------ */

/* The listening socket: fd 3 from systemd, or a new one at --socket.  Sets
 * *created when we made the socket file (and must remove it), with its
 * identity in *dev and *ino. */
static int open_listener(const struct options *o, int *created, dev_t *dev,
                         ino_t *ino)
{
    int fd, count;
    *created = 0;
    int activated = ns_net_systemd_fd(&fd, &count);
    if (activated < 0)
        ns_die("error: bad socket activation (LISTEN_FDS): %s",
               errno == ENOTSOCK ? "fd 3 is not a listening Unix stream socket"
                                 : strerror(errno));
    if (activated) {
        if (count > 1)
            ns_warn("systemd passed %d sockets; serving only the first", count);
        if (o->socket_path)
            ns_warn("socket activation: ignoring --socket '%s'",
                    o->socket_path);
        return fd;
    }
    if (!o->socket_path)
        ns_usage_error("%s", "no --socket PATH given");
    fd = ns_net_unix_listen(o->socket_path, (mode_t)o->socket_mode,
                            o->socket_group, LISTEN_BACKLOG, dev, ino);
    if (fd < 0) {
        switch (errno) {
        case EADDRINUSE:
            ns_die("error: another server is listening on '%s'; stop it "
                   "first or choose another --socket",
                   o->socket_path);
        case ENOTSOCK:
            ns_die("error: '%s' exists and is not a socket; not replacing it",
                   o->socket_path);
        default:
            ns_die("error: cannot listen on '%s': %s", o->socket_path,
                   strerror(errno));
        }
    }
    *created = 1;
    return fd;
}

/* Count the articles once at startup, for the log line.  A missing index
 * is not fatal: /health answers 503 until one is built.  A live generation
 * that cannot be opened is answered for by an older one, if one opens
 * (ns_gen_open_older()), which the line names. */
static void describe_index(const char *db, char *out, size_t size)
{
    ns_index_t *idx;
    char *err, older[256] = "", live[256];
    uint64_t n = 0;
    /* Served by its own name, a generation is never reloaded: a rebuild
     * published later would go unseen until a restart. */
    char parent[4096];
    if (ns_gen_parent(db, parent, sizeof parent))
        ns_warn("'%s' is a generation of the index '%s': give --db %s to "
                "serve the live index and follow its rebuilds",
                db, parent, parent);
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &idx, &err);
    if (st != NS_STATUS_OK) {
        if (st == NS_STATUS_NOT_FOUND && ns_gen_current(db, live, sizeof live))
            ns_warn("no index at '%s' yet; answering 503 until there is one",
                    db);
        else
            ns_warn("cannot open index '%s': %s", db,
                    err ? err : ns_status_to_string(st));
        free(err);
        if (ns_gen_open_older(db, &idx, older, sizeof older) != NS_STATUS_OK) {
            snprintf(out, size, "no index yet");
            return;
        }
    }
    if (ns_index_count(idx, &n) != NS_STATUS_OK)
        snprintf(out, size, "unknown number of articles");
    else
        snprintf(out, size, "%llu article%s", (unsigned long long)n,
                 n == 1 ? "" : "s");
    if (*older)
        snprintf(out + strlen(out), size - strlen(out),
                 ns_gen_current(db, live, sizeof live) < 0
                     ? " in '%s', the newest generation that opens: no "
                       "'current' link names the live one"
                     : " in '%s', older than the live generation, which "
                       "cannot be opened",
                 older);
    ns_index_close(idx);
}

/* ------------------------------------------------------------------------ */
/* Shutdown                                                                 */
/* ------------------------------------------------------------------------ */

/* After quiescing, with the socket file gone: take the connections still
 * queued in the backlog of the listening socket FD and hand them to the
 * server, whose busy workers had not accepted them yet.  Their clients
 * have sent their requests; closing the socket would reset them
 * unanswered.  Nobody can connect by the path any more, so the queue only
 * empties.  Returns how many were taken. */
static unsigned adopt_backlog(ns_http_server_t *srv, int fd)
{
    unsigned n = 0;
    int c;
    while ((c = ns_net_accept(fd)) >= 0) {
        if (ns_http_add_connection(srv, c) == 0)
            n++;
        else
            ns_warn("cannot serve a connection queued at shutdown");
    }
    if (errno != EAGAIN && errno != EWOULDBLOCK)
        ns_warn("cannot accept the connections queued at shutdown: %s",
                strerror(errno));
    return n;
}

/* Requests owed an answer, split into those a worker has begun (*RUNNING:
 * a search, or an answer being sent) and those still waiting for one,
 * which are returned. */
static unsigned owed_now(ns_http_server_t *srv, unsigned *running)
{
    *running = ns_http_in_flight(srv);
    unsigned owed = ns_http_pending(srv);
    return owed > *running ? owed - *running : 0;
}

/* After quiescing: serve every request the server owes an answer (in
 * flight, or sent and waiting for a busy worker) for up to TIMEOUT
 * seconds, then answer those still waiting 503 shutting_down for up to
 * one more second, or stop at a second SIGTERM/SIGINT.  A client that
 * stops reading its answer is dropped within TIMEOUT.  Connections just
 * accepted, whose request has not arrived yet, are given a second.
 * Returns 1 when requests were still owed at TIMEOUT.
 *
 * The line at TIMEOUT says what is owed then; whether a waiting request
 * gets its 503 depends on its worker being free within the second (one
 * behind a search that overruns does not), so the 503s really sent are
 * counted as they end and logged afterwards (main()). */
static int drain(ns_http_server_t *srv, const sigset_t *signals, long timeout)
{
    enum { TICKS_PER_S = 50 };
    const struct timespec tick = {0, 1000 * 1000 * 1000 / TICKS_PER_S};
    int hurried = 0;
    for (long i = 0; i < (timeout + 1) * TICKS_PER_S; i++) {
        if (i == timeout * TICKS_PER_S) {
            unsigned running, waiting = owed_now(srv, &running);
            if (waiting || running)
                ns_warn("after --timeout (%ld s): %u request%s in progress, "
                        "%u waiting; answering those waiting 503 "
                        "shutting_down as their workers free up",
                        timeout, running, running == 1 ? "" : "s", waiting);
            ns_http_hurry(srv);
            hurried = waiting || running;
        }
        if (ns_http_pending(srv) == 0 &&
            (ns_http_fresh(srv) == 0 || i >= TICKS_PER_S))
            break;
        int sig = sigtimedwait(signals, NULL, &tick);
        if (sig == SIGTERM || sig == SIGINT) {
            ns_warn("second signal: stopping without waiting");
            break;
        }
    }
    return hurried;
}

/* The signals are taken synchronously by sigwait() in the main thread, so
 * no work happens in a handler.  Blocked before any thread starts, so the
 * workers inherit the mask.  SIGPIPE (a client gone mid-response) is
 * ignored: the write fails with EPIPE instead.  So is SIGXFSZ: a log past
 * the file size limit (ulimit -f) fails to be written, with EFBIG, rather
 * than end the server. */
static void block_signals(sigset_t *signals)
{
    sigemptyset(signals);
    sigaddset(signals, SIGTERM);
    sigaddset(signals, SIGINT);
    sigaddset(signals, SIGHUP);
    if (sigprocmask(SIG_BLOCK, signals, NULL) < 0)
        ns_die("error: cannot block signals: %s", strerror(errno));
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
}

/* Serve until SIGTERM or SIGINT, which is returned; SIGHUP reopens the
 * index. */
static int wait_for_stop(ns_http_server_t *srv, const sigset_t *signals)
{
    int sig = 0;
    for (;;) {
        if (sigwait(signals, &sig) != 0)
            continue;
        if (sig != SIGHUP)
            return sig;
        ns_http_reload(srv);
        ns_error("info: SIGHUP: reopening the index");
    }
}

int main(int argc, char **argv)
{
    struct options o = {
        .threads = 2,
        .socket_mode = 0660,
        .socket_group = (gid_t)-1,
        .max_connections = 256,
        .max_per_uid = -1,
        .slow_ms = -1,
        .timeout = 10,
        .header_timeout = 5,
        .request_timeout = 5000,
    };
    ns_std_fds_open();
    ns_set_progname("nsearchd");
    parse_options(argc, argv, &o);

    /* Every log line names the process: several servers may share a
     * journal or a terminal. */
    static char progname[32];
    snprintf(progname, sizeof progname, "nsearchd[%ld]", (long)getpid());
    ns_set_progname(progname);

    unsigned max_conn = (unsigned)o.max_connections;
    unsigned headroom = NS_HTTP_OVERLOAD_HEADROOM;
    if (ns_http_fit_fds((unsigned)o.threads, &max_conn, &headroom) < 0)
        return EXIT_ERROR;
    o.max_connections = max_conn;
    if (o.max_per_uid < 0)
        o.max_per_uid = o.max_connections - o.max_connections / 4;

    sigset_t signals;
    block_signals(&signals);

    char *db = ns_db_path(o.db);
    if (!db)
        ns_die("error: no index location: give --db DIR or set NSEARCH_DB");

    int created;
    dev_t dev = 0;
    ino_t ino = 0;
    int fd = open_listener(&o, &created, &dev, &ino);
    char where[256];
    if (ns_net_unix_path(fd, where, sizeof where) < 0 || !*where)
        snprintf(where, sizeof where, "fd %d", fd);

    char about[384];
    describe_index(db, about, sizeof about);
    ns_http_config_t cfg = {
        .db = db,
        .threads = (unsigned)o.threads,
        .max_connections = (unsigned)o.max_connections,
        .overload_headroom = headroom,
        .timeout_s = (unsigned)o.timeout,
        .max_per_uid = (unsigned)o.max_per_uid,
        .header_timeout_s = (unsigned)o.header_timeout,
        .request_timeout_ms = (unsigned)o.request_timeout,
        .max_age_s = (unsigned)o.max_age,
        .cors_origin = o.cors,
        .access_log = o.access_log,
        .trust_proxy = o.trust_proxy,
        .slow_ms = o.slow_ms,
        .allow_uids = o.n_allow_uids ? o.allow_uids : NULL,
        .n_allow_uids = o.n_allow_uids,
    };
    ns_http_server_t *srv;
    if (ns_http_start(&cfg, fd, &srv) < 0) {
        if (created)
            ns_net_unix_unlink(o.socket_path, dev, ino);
        close(fd);
        free(db);
        return EXIT_ERROR;
    }
    ns_error("info: listening on %s (%ld thread%s, index %s, %s)", where,
             o.threads, o.threads == 1 ? "" : "s", db, about);

    int sig = wait_for_stop(srv, &signals);
    ns_error("info: %s: shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
    /* Remove the socket file first, so that new clients fail at once
     * instead of queueing on a socket nobody accepts on any more, and a
     * new server can start at once.  With socket activation the socket
     * is systemd's: it keeps the queue for the next start. */
    if (created && ns_net_unix_unlink(o.socket_path, dev, ino) < 0)
        ns_warn("cannot remove '%s': %s", o.socket_path, strerror(errno));
    if (ns_http_quiesce(srv) < 0) {
        ns_warn("cannot stop accepting connections; closing them all");
    } else if (created) {
        adopt_backlog(srv, fd);
        close(fd);
        fd = -1;
    }
    int hurried = drain(srv, &signals, o.timeout);
    /* What the clients saw, counted rather than foreseen: the 503s sent,
     * and the requests left without an answer, whether a worker is on
     * them (a search past its second), they wait unread behind one, or
     * libmicrohttpd closed them unread (its idle timeout counts from the
     * last read, which a request waiting behind a search never had). */
    unsigned told = ns_http_told_503s(srv);
    if (hurried || told) {
        ns_warn("answered %u request%s 503 shutting_down", told,
                told == 1 ? "" : "s");
    }
    unsigned left, waiting = owed_now(srv, &left);
    if (left) {
        /* A worker may have written the last byte of its answer and not
         * yet ended the request: a moment, so that those counted below
         * are the requests really abandoned. */
        const struct timespec moment = {0, 50 * 1000 * 1000};
        nanosleep(&moment, NULL);
        waiting = owed_now(srv, &left);
    }
    unsigned lost = ns_http_lost_unread(srv);
    unsigned all = left + waiting + lost;
    if (all)
        ns_warn("%u request%s left without an answer (%u in progress, %u "
                "waiting, %u closed unread at --timeout)",
                all, all == 1 ? "" : "s", left, waiting, lost);
    if (left) {
        /* Joining the workers would wait for a search that overruns its
         * budget, past the bound --help promises: leave them.  The index
         * is only read, so nothing is lost. */
        ns_error("info: stopped");
        _exit(EXIT_OK);
    }
    ns_http_stop(srv);
    if (fd >= 0)
        close(fd);
    free(db);
    ns_error("info: stopped");
    return EXIT_OK;
}
