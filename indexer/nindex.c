/* nindex.c - Add news articles to an nsearch index.
 *
 * nindex [--db DIR] [options] SOURCE...
 *
 * Reads each SOURCE (file, directory or - for standard input), adds or
 * replaces its articles, reports every bad record as FILE:LINE: reason,
 * and ends with a one-line summary. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ns.h"

/* Exit codes (documented in --help and the README). */
enum {
    EXIT_OK = 0,
    EXIT_ERROR = 1,
    EXIT_USAGE = 2,
    EXIT_SKIPPED = 3, /* finished, but some inputs were skipped */
};

struct options {
    const char *db;
    int quiet;
    long commit_every;
    char **sources;
    int n_sources;
};

struct counts {
    unsigned long added, replaced, skipped, warnings;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: nindex [--db DIR] [options] SOURCE...\n"
            "Add or replace news articles in an nsearch index.\n"
            "\n"
            "A SOURCE is a file, a directory (read recursively) or - for\n"
            "standard input.  Files: JSON Lines (.jsonl, .ndjson, .json, and\n"
            "the same gzipped, .gz), text or Markdown with a front-matter\n"
            "header (.md, .markdown, .txt).  Standard input is JSON Lines.\n"
            "\n"
            "Options:\n"
            "  -d, --db DIR          index directory (default: $NSEARCH_DB, else\n"
            "                        $XDG_DATA_HOME/nsearch/db or\n"
            "                        ~/.local/share/nsearch/db)\n"
            "  -q, --quiet           no progress and no summary line\n"
            "      --commit-every N  commit after every N articles (default 1000)\n"
            "  -h, --help            show this help\n"
            "      --version         show the version\n"
            "\n"
            "Exit status:\n"
            "  0  every article was indexed\n"
            "  1  error (the index could not be opened or written, a SOURCE\n"
            "     does not exist); articles committed before it are kept\n"
            "  2  usage error\n"
            "  3  finished, but some records were skipped (each reported as\n"
            "     FILE:LINE: reason on stderr)\n");
}

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "nindex: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'nindex --help'.\n");
    exit(EXIT_USAGE);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Progress on a terminal: one line rewritten in place, twice a second. */
struct progress {
    int on;
    double start, last;
};

static void progress_clear(struct progress *pr)
{
    if (pr->on && pr->last > 0)
        fputs("\r\033[K", stderr);
}

static void progress_tick(struct progress *pr, const struct counts *c)
{
    if (!pr->on)
        return;
    double t = now();
    if (t - pr->last < 0.5)
        return;
    pr->last = t;
    unsigned long done = c->added + c->replaced;
    fprintf(stderr, "\r\033[Knindex: %lu articles, %lu skipped, %.0f/s", done,
            c->skipped, done / (t - pr->start > 0 ? t - pr->start : 1));
}

static int index_source(ns_index_t *idx, const char *source,
                        const struct options *o, struct counts *c,
                        struct progress *pr, unsigned long *pending)
{
    ns_reader_t *reader;
    char *err = NULL;
    ns_status_t st = ns_reader_open(source, &reader, &err);
    if (st != NS_STATUS_OK) {
        progress_clear(pr);
        ns_error("cannot read '%s': %s", source,
                 err ? err : ns_status_to_string(st));
        free(err);
        return -1;
    }
    ns_article_t art = {0};
    int rc;
    while (!interrupted && (rc = ns_reader_next(reader, &art)) != 0) {
        if (rc < 0) {
            progress_clear(pr);
            ns_error("%s: %s", ns_reader_where(reader), ns_reader_error(reader));
            c->skipped++;
            continue;
        }
        int replaced;
        const char *warning;
        st = ns_index_add(idx, &art, &replaced, &warning);
        if (st == NS_STATUS_BAD_INPUT) {
            progress_clear(pr);
            ns_error("%s: %s", ns_reader_where(reader), ns_index_last_error(idx));
            c->skipped++;
            continue;
        }
        if (st != NS_STATUS_OK) {
            progress_clear(pr);
            ns_error("%s: cannot index article '%s': %s",
                     ns_reader_where(reader), art.id, ns_index_last_error(idx));
            ns_article_clear(&art);
            ns_reader_close(reader);
            return -2;
        }
        if (warning) {
            progress_clear(pr);
            ns_warn("%s: %s", ns_reader_where(reader), warning);
            c->warnings++;
        }
        if (replaced)
            c->replaced++;
        else
            c->added++;
        if (++*pending >= (unsigned long)o->commit_every) {
            if ((st = ns_index_commit(idx)) != NS_STATUS_OK) {
                progress_clear(pr);
                ns_error("cannot commit: %s", ns_index_last_error(idx));
                ns_article_clear(&art);
                ns_reader_close(reader);
                return -2;
            }
            *pending = 0;
        }
        progress_tick(pr, c);
    }
    ns_article_clear(&art);
    ns_reader_close(reader);
    return 0;
}

static int run(const struct options *o)
{
    char *db = ns_db_path(o->db);
    if (!db)
        ns_die("no index location: give --db DIR or set NSEARCH_DB");
    /* Xapian creates the index directory but not its parents. */
    char *slash = strrchr(db, '/');
    if (slash && slash != db) {
        *slash = '\0';
        if (ns_mkdir_p(db) < 0) {
            ns_error("cannot create '%s': %s", db, strerror(errno));
            free(db);
            return EXIT_ERROR;
        }
        *slash = '/';
    }

    ns_index_t *idx;
    char *err;
    ns_status_t st = ns_index_open(db, NS_OPEN_WRITE, &idx, &err);
    if (st != NS_STATUS_OK) {
        ns_error("cannot open index '%s' for writing: %s", db,
                 err ? err : ns_status_to_string(st));
        free(err);
        free(db);
        return EXIT_ERROR;
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    struct counts c = {0};
    struct progress pr = {.on = !o->quiet && isatty(2), .start = now()};
    unsigned long pending = 0;
    int failed = 0, fatal = 0;
    for (int i = 0; i < o->n_sources && !fatal && !interrupted; i++) {
        int rc = index_source(idx, o->sources[i], o, &c, &pr, &pending);
        if (rc == -1)
            failed = 1;
        else if (rc == -2)
            fatal = 1;
    }
    st = ns_index_close(idx);
    progress_clear(&pr);
    if (st != NS_STATUS_OK) {
        ns_error("cannot commit to '%s': %s", db, ns_status_to_string(st));
        fatal = 1;
    }
    if (interrupted)
        ns_error("interrupted; the articles read so far were committed");

    double secs = now() - pr.start;
    unsigned long done = c.added + c.replaced;
    if (!o->quiet)
        printf("nindex: %lu added, %lu replaced, %lu skipped in %.2f s "
               "(%.0f articles/s)\n",
               c.added, c.replaced, c.skipped, secs,
               secs > 0 ? done / secs : 0.0);
    free(db);
    if (fatal || failed || interrupted)
        return EXIT_ERROR;
    return c.skipped ? EXIT_SKIPPED : EXIT_OK;
}

int main(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},
        {"commit-every", required_argument, NULL, 'C'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    static const char short_opts[] = "d:qh";
    struct options o = {
        .db = NULL,
        .quiet = 0,
        .commit_every = 1000,
    };
    ns_set_progname("nindex");
    int c;
    while ((c = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            o.db = optarg;
            break;
        case 'q':
            o.quiet = 1;
            break;
        case 'C':
            if (ns_parse_long(optarg, 1, 10000000, &o.commit_every) < 0)
                usage_error("--commit-every needs a number from 1, not '%s'",
                            optarg);
            break;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        case 'V':
            printf("nindex %s\n", NS_VERSION);
            return EXIT_OK;
        default:
            fprintf(stderr, "Try 'nindex --help'.\n");
            return EXIT_USAGE;
        }
    }
    if (optind >= argc)
        usage_error("%s", "no SOURCE given");
    o.sources = argv + optind;
    o.n_sources = argc - optind;
    return run(&o);
}
