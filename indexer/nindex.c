/* nindex.c - Add, update, rebuild and roll back an nsearch index.
 *
 * nindex [--db DIR] [--update] [--prune] SOURCE...   (the default mode)
 * nindex [--db DIR] --rebuild [--jobs N] [--keep N] [--force] SOURCE...
 * nindex [--db DIR] --delete ID...
 * nindex [--db DIR] --rollback
 *
 * Every mode takes the writer lock of DIR first: one writer at a time.  A
 * rebuild writes a new generation beside the live one and publishes it
 * with one rename; see common/gen.c for the layout. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ns.h"

/* Exit codes (documented in --help and the README).  65 and 75 are
 * sysexits.h's EX_DATAERR and EX_TEMPFAIL, which cron wrappers and
 * systemd know. */
enum {
    EXIT_OK = 0,
    EXIT_ERROR = 1,
    EXIT_USAGE = 2,
    EXIT_SKIPPED = 3,  /* finished, but some inputs were skipped */
    EXIT_REFUSED = 65, /* a rebuild failed validation; the old index is live */
    EXIT_BUSY = 75,    /* another writer holds the index */
};

enum mode { MODE_UPDATE, MODE_REBUILD, MODE_DELETE, MODE_ROLLBACK };

/* A rebuild is refused when it would hold fewer than this share of the
 * live index's articles (sources gone missing, a feed that came back
 * empty), unless --force. */
static const double MIN_FRACTION = 0.5;

struct options {
    const char *db;
    enum mode mode;
    int prune;
    int force;
    int quiet;
    long jobs;
    long keep;
    long commit_every;
    double wait;
    char **args; /* sources, or ids for --delete */
    int n_args;
};

struct counts {
    unsigned long added, replaced, unchanged, deleted, skipped, warnings;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void usage(FILE *out)
{
    fprintf(
        out,
        "Usage: nindex [--db DIR] [options] SOURCE...        add or update\n"
        "       nindex [--db DIR] --rebuild [options] SOURCE...\n"
        "       nindex [--db DIR] --delete ID...\n"
        "       nindex [--db DIR] --rollback\n"
        "Add, update or rebuild an nsearch index.\n"
        "\n"
        "A SOURCE is a file, a directory (read recursively) or - for\n"
        "standard input.  Files: JSON Lines (.jsonl, .ndjson, .json, and\n"
        "the same gzipped, .gz), text or Markdown with a front-matter\n"
        "header (.md, .markdown, .txt).  Standard input is JSON Lines.\n"
        "\n"
        "Modes:\n"
        "  -u, --update          add new articles, replace changed ones, skip\n"
        "                        unchanged ones (the default)\n"
        "      --prune           with --update: also delete articles whose "
        "ids\n"
        "                        are not in the SOURCEs\n"
        "  -r, --rebuild         build a new generation from the SOURCEs\n"
        "                        beside the live one, check it, publish it\n"
        "      --delete          delete the articles with the given IDs\n"
        "      --rollback        make the previous generation live again\n"
        "\n"
        "Options:\n"
        "  -d, --db DIR          index directory (default: $NSEARCH_DB, else\n"
        "                        $XDG_DATA_HOME/nsearch/db or\n"
        "                        ~/.local/share/nsearch/db)\n"
        "  -j, --jobs N          rebuild with N parallel shards (default 2)\n"
        "      --keep N          generations to keep after a rebuild (default\n"
        "                        2: the live one and one to roll back to)\n"
        "      --force           publish a rebuild even if it has fewer than\n"
        "                        half the live index's articles\n"
        "      --wait SECONDS    wait for another writer to finish (default:\n"
        "                        give up at once with exit status 75)\n"
        "      --commit-every N  commit after every N articles (default 1000)\n"
        "  -q, --quiet           no progress and no summary line\n"
        "  -h, --help            show this help\n"
        "      --version         show the version\n"
        "\n"
        "Exit status:\n"
        "  0   done\n"
        "  1   error (the index could not be opened or written, a SOURCE\n"
        "      does not exist); articles committed before it are kept\n"
        "  2   usage error\n"
        "  3   done, but some records were skipped (each reported as\n"
        "      FILE:LINE: reason on stderr)\n"
        "  65  a rebuild was refused by validation; the old index stays live\n"
        "  75  another nindex is writing to the index; try again later\n");
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

/* Test hook: NINDEX_CRASH_AT=POINT kills the process with SIGKILL at that
 * point, so the crash-safety tests can stop a run exactly there. */
static void crash_point(const char *point)
{
    const char *at = getenv("NINDEX_CRASH_AT");
    if (at && strcmp(at, point) == 0)
        kill(getpid(), SIGKILL);
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                 */
/* ------------------------------------------------------------------------ */

/* One line on a terminal, rewritten in place twice a second. */
struct progress {
    int on;
    double start, last;
    pthread_mutex_t lock;
};

static void progress_clear(struct progress *pr)
{
    if (pr->on && pr->last > 0)
        fputs("\r\033[K", stderr);
}

static void progress_tick(struct progress *pr, unsigned long done,
                          unsigned long skipped)
{
    if (!pr->on)
        return;
    double t = now();
    if (t - pr->last < 0.5)
        return;
    pr->last = t;
    fprintf(stderr, "\r\033[Knindex: %lu articles, %lu skipped, %.0f/s", done,
            skipped, done / (t - pr->start > 0 ? t - pr->start : 1));
}

static void report_bad(struct progress *pr, ns_reader_t *r)
{
    progress_clear(pr);
    ns_error("%s: %s", ns_reader_where(r), ns_reader_error(r));
}

/* Open one SOURCE, or say why not and return NULL. */
static ns_reader_t *open_source(const char *source, struct progress *pr)
{
    ns_reader_t *r;
    char *err = NULL;
    ns_status_t st = ns_reader_open(source, &r, &err);
    if (st != NS_STATUS_OK) {
        progress_clear(pr);
        ns_error("cannot read '%s': %s", source,
                 err ? err : ns_status_to_string(st));
        free(err);
        return NULL;
    }
    return r;
}

/* ------------------------------------------------------------------------ */
/* Seen ids, for --prune                                                    */
/* ------------------------------------------------------------------------ */

struct idset {
    char **ids;
    size_t n, cap;
};

static int idset_add(struct idset *s, const char *id)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        char **grown = realloc(s->ids, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->ids = grown;
        s->cap = cap;
    }
    if (!(s->ids[s->n] = strdup(id)))
        return -1;
    s->n++;
    return 0;
}

static int cmp_ids(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int idset_has(const char *id, void *ctx)
{
    const struct idset *s = ctx;
    return bsearch(&id, s->ids, s->n, sizeof *s->ids, cmp_ids) != NULL;
}

static void idset_free(struct idset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->ids[i]);
    free(s->ids);
}

/* ------------------------------------------------------------------------ */
/* Update: in place, in batches                                             */
/* ------------------------------------------------------------------------ */

static void count_result(struct counts *c, ns_add_result_t r)
{
    if (r == NS_ADD_ADDED)
        c->added++;
    else if (r == NS_ADD_REPLACED)
        c->replaced++;
    else
        c->unchanged++;
}

/* Read every source into IDX.  Returns 0, -1 if a source could not be
 * opened (the others are still read), -2 on a fatal index error. */
static int update_sources(ns_index_t *idx, const struct options *o,
                          struct counts *c, struct progress *pr,
                          struct idset *seen)
{
    int rc = 0;
    unsigned long pending = 0, commits = 0;
    for (int i = 0; i < o->n_args && !interrupted; i++) {
        ns_reader_t *r = open_source(o->args[i], pr);
        if (!r) {
            rc = -1;
            continue;
        }
        ns_status_t st;
        ns_article_t art = {0};
        int got;
        while (!interrupted && (got = ns_reader_next(r, &art)) != 0) {
            if (got < 0) {
                report_bad(pr, r);
                c->skipped++;
                continue;
            }
            ns_add_result_t res;
            const char *warning;
            st = ns_index_add(idx, &art, &res, &warning);
            if (st == NS_STATUS_BAD_INPUT) {
                progress_clear(pr);
                ns_error("%s: %s", ns_reader_where(r),
                         ns_index_last_error(idx));
                c->skipped++;
                continue;
            }
            if (st != NS_STATUS_OK) {
                progress_clear(pr);
                ns_error("%s: cannot index article '%s': %s",
                         ns_reader_where(r), art.id, ns_index_last_error(idx));
                ns_article_clear(&art);
                ns_reader_close(r);
                return -2;
            }
            if (warning) {
                progress_clear(pr);
                ns_warn("%s: %s", ns_reader_where(r), warning);
                c->warnings++;
            }
            count_result(c, res);
            if (seen && idset_add(seen, art.id) < 0)
                ns_die("out of memory");
            if (res != NS_ADD_UNCHANGED &&
                ++pending >= (unsigned long)o->commit_every) {
                if (ns_index_commit(idx) != NS_STATUS_OK) {
                    progress_clear(pr);
                    ns_error("cannot commit: %s", ns_index_last_error(idx));
                    ns_article_clear(&art);
                    ns_reader_close(r);
                    return -2;
                }
                pending = 0;
                if (++commits == 2)
                    crash_point("update");
            }
            progress_tick(pr, c->added + c->replaced + c->unchanged,
                          c->skipped);
        }
        ns_article_clear(&art);
        ns_reader_close(r);
    }
    return rc;
}

static const char *db_error(ns_status_t st, const char *detail)
{
    return detail && *detail ? detail : ns_status_to_string(st);
}

/* The live generation of DB for writing, or NULL (reported). */
static ns_index_t *open_writer(const char *db)
{
    ns_index_t *idx;
    char *err;
    ns_status_t st = ns_index_open(db, NS_OPEN_WRITE, &idx, &err);
    if (st != NS_STATUS_OK) {
        ns_error("cannot open index '%s' for writing: %s", db,
                 db_error(st, err));
        free(err);
        return NULL;
    }
    return idx;
}

static int run_update(const char *db, const struct options *o, struct counts *c,
                      struct progress *pr)
{
    ns_index_t *idx = open_writer(db);
    if (!idx)
        return EXIT_ERROR;
    ns_status_t st;
    struct idset seen = {0};
    int rc = update_sources(idx, o, c, pr, o->prune ? &seen : NULL);
    int exit_code = EXIT_OK;
    if (rc == 0 && o->prune && !interrupted) {
        /* Only a complete reading of the sources says what is gone: with a
         * skipped record, its article would be pruned by mistake. */
        if (c->skipped) {
            progress_clear(pr);
            ns_warn("not pruning: %lu records were skipped", c->skipped);
        } else {
            qsort(seen.ids, seen.n, sizeof *seen.ids, cmp_ids);
            uint64_t deleted = 0;
            st = ns_index_prune(idx, idset_has, &seen, &deleted);
            if (st != NS_STATUS_OK) {
                ns_error("cannot prune: %s", ns_index_last_error(idx));
                rc = -2;
            }
            c->deleted += deleted;
        }
    } else if (rc == -1 && o->prune) {
        ns_warn("not pruning: a source could not be read");
    }
    idset_free(&seen);
    st = ns_index_close(idx);
    if (st != NS_STATUS_OK) {
        ns_error("cannot commit to '%s': %s", db, ns_status_to_string(st));
        rc = -2;
    }
    if (interrupted)
        ns_error("interrupted; the articles read so far were committed");
    if (rc < 0 || interrupted)
        exit_code = EXIT_ERROR;
    else if (c->skipped)
        exit_code = EXIT_SKIPPED;
    return exit_code;
}

/* ------------------------------------------------------------------------ */
/* Rebuild: parallel shards, merged, checked, published                     */
/* ------------------------------------------------------------------------ */

/* The reader thread parses; each shard thread analyses and writes its own
 * Xapian database.  Articles go to a shard by a hash of their id, so that
 * a repeated id replaces its earlier copy within one shard. */
#define QUEUE_LEN 256

struct shard {
    pthread_t thread;
    ns_index_t *idx;
    char path[4400];
    pthread_mutex_t lock;
    pthread_cond_t more, room;
    ns_article_t queue[QUEUE_LEN];
    size_t head, len;
    int done;   /* no more articles will come */
    int failed; /* a fatal index error; message printed */
    struct counts c;
    long commit_every;
};

static void *shard_main(void *arg)
{
    struct shard *s = arg;
    unsigned long pending = 0, commits = 0;
    for (;;) {
        pthread_mutex_lock(&s->lock);
        while (s->len == 0 && !s->done)
            pthread_cond_wait(&s->more, &s->lock);
        if (s->len == 0 && s->done) {
            pthread_mutex_unlock(&s->lock);
            break;
        }
        ns_article_t art = s->queue[s->head];
        s->head = (s->head + 1) % QUEUE_LEN;
        s->len--;
        pthread_cond_signal(&s->room);
        pthread_mutex_unlock(&s->lock);

        if (!s->failed) {
            ns_add_result_t res;
            const char *warning;
            ns_status_t st = ns_index_add(s->idx, &art, &res, &warning);
            if (st == NS_STATUS_OK) {
                count_result(&s->c, res);
                if (warning) {
                    ns_warn("article '%s': %s", art.id, warning);
                    s->c.warnings++;
                }
            } else {
                ns_error("cannot index article '%s': %s", art.id,
                         ns_index_last_error(s->idx));
                s->failed = 1;
            }
            if (!s->failed && ++pending >= (unsigned long)s->commit_every) {
                if (ns_index_commit(s->idx) != NS_STATUS_OK) {
                    ns_error("cannot commit shard: %s",
                             ns_index_last_error(s->idx));
                    s->failed = 1;
                }
                pending = 0;
                if (++commits == 1)
                    crash_point("build");
            }
        }
        ns_article_clear(&art);
    }
    if (!s->failed && ns_index_commit(s->idx) != NS_STATUS_OK) {
        ns_error("cannot commit shard: %s", ns_index_last_error(s->idx));
        s->failed = 1;
    }
    return NULL;
}

static void shard_push(struct shard *s, ns_article_t *art)
{
    pthread_mutex_lock(&s->lock);
    while (s->len == QUEUE_LEN)
        pthread_cond_wait(&s->room, &s->lock);
    s->queue[(s->head + s->len) % QUEUE_LEN] = *art;
    s->len++;
    memset(art, 0, sizeof *art); /* ownership moved to the queue */
    pthread_cond_signal(&s->more);
    pthread_mutex_unlock(&s->lock);
}

static unsigned long hash_id(const char *id)
{
    unsigned long h = 5381;
    for (; *id; id++)
        h = h * 33 + (unsigned char)*id;
    return h;
}

/* The first articles of a rebuild make the preset dictionary its stored
 * articles are compressed with (see "Stored articles" in xapian.cc): their
 * stored JSON, concatenated; zlib keeps the last 32 KiB. */
#define DICT_SAMPLE 1000

static void flush_sample(struct shard *shards, size_t n_shards,
                         ns_article_t *sample, size_t *n, int *sampled)
{
    ns_buf_t dict = {0};
    for (size_t i = 0; i < *n; i++) {
        char *json = ns_article_to_json(&sample[i]);
        if (json) {
            ns_buf_puts(&dict, json);
            free(json);
        }
    }
    /* The shard threads have not touched their index yet: nothing was
     * pushed to them, and the push's mutex publishes this to them. */
    for (size_t i = 0; i < n_shards && dict.len; i++)
        if (ns_index_set_dictionary(shards[i].idx, dict.p, dict.len) !=
            NS_STATUS_OK)
            ns_warn("cannot set the dictionary: %s",
                    ns_index_last_error(shards[i].idx));
    ns_buf_free(&dict);
    for (size_t i = 0; i < *n; i++)
        shard_push(&shards[hash_id(sample[i].id) % n_shards], &sample[i]);
    *n = 0;
    *sampled = 1;
}

/* Check the built database at PATH before it goes live.  Returns 0 or
 * EXIT_REFUSED (reason printed). */
static int validate(const char *db, const char *path, const struct options *o,
                    const char *canary_id, const char *canary_title)
{
    ns_index_t *fresh;
    char *err;
    /* Test hook: NINDEX_CANARY_ID=ID makes the canary look for ID instead,
     * so that the tests can make it fail. */
    if (canary_id && getenv("NINDEX_CANARY_ID"))
        canary_id = getenv("NINDEX_CANARY_ID");
    ns_status_t st = ns_index_open(path, NS_OPEN_READ, &fresh, &err);
    if (st != NS_STATUS_OK) {
        ns_error("refusing the rebuild: cannot open it: %s", db_error(st, err));
        free(err);
        return EXIT_REFUSED;
    }
    uint64_t n = 0, live = 0;
    ns_index_count(fresh, &n);
    ns_index_t *old;
    if (ns_index_open(db, NS_OPEN_READ, &old, NULL) == NS_STATUS_OK) {
        ns_index_count(old, &live);
        ns_index_close(old);
    }
    int rc = 0;
    if (n == 0) {
        ns_error("refusing the rebuild: it has no articles");
        rc = EXIT_REFUSED;
    } else if (!o->force && (double)n < MIN_FRACTION * (double)live) {
        ns_error("refusing the rebuild: %llu articles against %llu live (less "
                 "than %.0f%%); use --force to publish it anyway",
                 (unsigned long long)n, (unsigned long long)live,
                 MIN_FRACTION * 100);
        rc = EXIT_REFUSED;
    } else if (canary_id) {
        /* The canary: the first article read must be found by its own
         * title (or its id, for an article without one). */
        ns_search_opts_t so;
        ns_search_opts_init(&so);
        so.limit = 10;
        so.related = 0;
        so.snippet_len = 0;
        ns_buf_t q = {0};
        if (canary_title && *canary_title) {
            ns_buf_puts(&q, canary_title);
        } else {
            ns_buf_puts(&q, "id:\"");
            ns_buf_puts(&q, canary_id);
            ns_buf_puts(&q, "\"");
        }
        so.query = q.p;
        ns_results_t *res;
        int found = 0;
        if (ns_search(fresh, &so, &res) == NS_STATUS_OK) {
            for (size_t i = 0; i < ns_results_count(res); i++)
                if (strcmp(ns_results_hit(res, i)->art->id, canary_id) == 0)
                    found = 1;
            ns_results_free(res);
        }
        if (!found) {
            ns_error("refusing the rebuild: the canary query for article '%s' "
                     "does not find it",
                     canary_id);
            rc = EXIT_REFUSED;
        }
        ns_buf_free(&q);
    }
    ns_index_close(fresh);
    return rc;
}

/* Remove the oldest generations beyond KEEP, never the live one. */
static void keep_generations(const char *db, long keep)
{
    char **names;
    size_t n;
    char live[256] = "";
    ns_gen_current(db, live, sizeof live);
    if (ns_gen_list(db, &names, &n) < 0)
        return;
    for (size_t i = 0; i + (size_t)keep < n; i++) {
        if (strcmp(names[i], live) == 0)
            continue;
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", db, names[i]);
        if (ns_remove_tree(path) < 0)
            ns_warn("cannot remove old generation '%s': %s", path,
                    strerror(errno));
    }
    ns_gen_list_free(names, n);
}

static int run_rebuild(const char *db, const struct options *o,
                       struct counts *c, struct progress *pr, char *published,
                       size_t pub_size)
{
    struct stat st;
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/iamglass", db);
    if (stat(probe, &st) == 0) {
        ns_error("'%s' is a plain Xapian database; --rebuild needs an index "
                 "directory (build into a new --db)",
                 db);
        return EXIT_ERROR;
    }
    char build[4200];
    snprintf(build, sizeof build, "%s/.build-%ld", db, (long)getpid());
    if (ns_remove_tree(build) < 0 || ns_mkdir_p(build) < 0) {
        ns_error("cannot create '%s': %s", build, strerror(errno));
        return EXIT_ERROR;
    }
    crash_point("early");

    size_t jobs = (size_t)o->jobs;
    struct shard *shards = calloc(jobs, sizeof *shards);
    if (!shards)
        ns_die("out of memory");
    int rc = EXIT_OK;
    size_t started = 0;
    for (size_t i = 0; i < jobs; i++) {
        struct shard *s = &shards[i];
        snprintf(s->path, sizeof s->path, "%s/shard-%zu", build, i);
        char *err;
        ns_status_t ost = ns_index_open(s->path, NS_OPEN_BUILD, &s->idx, &err);
        if (ost != NS_STATUS_OK) {
            ns_error("cannot create shard '%s': %s", s->path,
                     db_error(ost, err));
            free(err);
            rc = EXIT_ERROR;
            break;
        }
        s->commit_every = o->commit_every;
        pthread_mutex_init(&s->lock, NULL);
        pthread_cond_init(&s->more, NULL);
        pthread_cond_init(&s->room, NULL);
        if (pthread_create(&s->thread, NULL, shard_main, s) != 0) {
            ns_error("cannot start a thread: %s", strerror(errno));
            ns_index_close(s->idx);
            rc = EXIT_ERROR;
            break;
        }
        started++;
    }

    char *canary_id = NULL, *canary_title = NULL;
    int source_failed = 0;
    unsigned long read = 0;
    ns_article_t *sample = calloc(DICT_SAMPLE, sizeof *sample);
    size_t n_sample = 0;
    int sampled = 0;
    if (!sample)
        ns_die("out of memory");
    for (int i = 0; i < o->n_args && rc == EXIT_OK && !interrupted; i++) {
        ns_reader_t *r = open_source(o->args[i], pr);
        if (!r) {
            source_failed = 1;
            continue;
        }
        ns_article_t art = {0};
        int got;
        while (!interrupted && (got = ns_reader_next(r, &art)) != 0) {
            if (got < 0) {
                report_bad(pr, r);
                c->skipped++;
                continue;
            }
            if (!canary_id) {
                canary_id = strdup(art.id);
                canary_title = strdup(art.title);
            }
            if (!sampled) {
                /* Held back until the dictionary is made from them. */
                sample[n_sample++] = art;
                memset(&art, 0, sizeof art);
                if (n_sample == DICT_SAMPLE)
                    flush_sample(shards, started, sample, &n_sample, &sampled);
            } else {
                shard_push(&shards[hash_id(art.id) % started], &art);
            }
            progress_tick(pr, ++read, c->skipped);
        }
        ns_article_clear(&art);
        ns_reader_close(r);
    }
    if (!sampled)
        flush_sample(shards, started, sample, &n_sample, &sampled);
    free(sample);
    for (size_t i = 0; i < started; i++) {
        pthread_mutex_lock(&shards[i].lock);
        shards[i].done = 1;
        pthread_cond_signal(&shards[i].more);
        pthread_mutex_unlock(&shards[i].lock);
    }
    const char **paths = calloc(jobs, sizeof *paths);
    for (size_t i = 0; i < started; i++) {
        pthread_join(shards[i].thread, NULL);
        if (shards[i].failed)
            rc = EXIT_ERROR;
        c->added += shards[i].c.added;
        c->replaced += shards[i].c.replaced;
        c->warnings += shards[i].c.warnings;
        if (ns_index_close(shards[i].idx) != NS_STATUS_OK)
            rc = EXIT_ERROR;
        paths[i] = shards[i].path;
    }
    progress_clear(pr);
    if (interrupted) {
        ns_error("interrupted; the live index is unchanged");
        rc = EXIT_ERROR;
    }
    if (source_failed && rc == EXIT_OK) {
        ns_error("not publishing: a source could not be read; the live index "
                 "is unchanged");
        rc = EXIT_ERROR;
    }

    char merged[4300];
    snprintf(merged, sizeof merged, "%s/merged", build);
    if (rc == EXIT_OK) {
        crash_point("merge");
        char *err;
        ns_status_t mst = ns_index_merge(paths, started, merged, &err);
        if (mst != NS_STATUS_OK) {
            ns_error("cannot merge the shards: %s", db_error(mst, err));
            free(err);
            rc = EXIT_ERROR;
        }
    }
    if (rc == EXIT_OK)
        rc = validate(db, merged, o, canary_id, canary_title);
    if (rc == EXIT_OK) {
        char name[64], final[4200];
        if (ns_gen_next(db, name, sizeof name) < 0) {
            ns_error("cannot list '%s': %s", db, strerror(errno));
            rc = EXIT_ERROR;
        } else {
            snprintf(final, sizeof final, "%s/%s", db, name);
            if (rename(merged, final) < 0 || ns_sync_tree(final) < 0) {
                ns_error("cannot move the new generation into place: %s",
                         strerror(errno));
                rc = EXIT_ERROR;
            } else {
                crash_point("publish");
                if (ns_gen_publish(db, name) < 0) {
                    ns_error("cannot publish '%s': %s", final, strerror(errno));
                    rc = EXIT_ERROR;
                } else {
                    snprintf(published, pub_size, "%s", name);
                    keep_generations(db, o->keep);
                }
            }
        }
    }
    if (ns_remove_tree(build) < 0)
        ns_warn("cannot remove '%s': %s", build, strerror(errno));
    for (size_t i = 0; i < started; i++) {
        pthread_mutex_destroy(&shards[i].lock);
        pthread_cond_destroy(&shards[i].more);
        pthread_cond_destroy(&shards[i].room);
    }
    free(paths);
    free(shards);
    free(canary_id);
    free(canary_title);
    if (rc == EXIT_OK && c->skipped)
        rc = EXIT_SKIPPED;
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Delete and rollback                                                      */
/* ------------------------------------------------------------------------ */

static int run_delete(const char *db, const struct options *o, struct counts *c)
{
    ns_index_t *idx = open_writer(db);
    if (!idx)
        return EXIT_ERROR;
    ns_status_t st;
    int rc = EXIT_OK;
    for (int i = 0; i < o->n_args; i++) {
        int deleted;
        st = ns_index_delete(idx, o->args[i], &deleted);
        if (st != NS_STATUS_OK) {
            ns_error("cannot delete '%s': %s", o->args[i],
                     ns_index_last_error(idx));
            rc = EXIT_ERROR;
            break;
        }
        if (deleted)
            c->deleted++;
        else
            ns_warn("no article with id '%s'", o->args[i]);
    }
    if (ns_index_close(idx) != NS_STATUS_OK) {
        ns_error("cannot commit to '%s'", db);
        rc = EXIT_ERROR;
    }
    return rc;
}

static int run_rollback(const char *db, char *published, size_t pub_size)
{
    char live[256];
    if (ns_gen_current(db, live, sizeof live) < 0) {
        ns_error("'%s' has no generations to roll back", db);
        return EXIT_ERROR;
    }
    char **names;
    size_t n;
    if (ns_gen_list(db, &names, &n) < 0) {
        ns_error("cannot list '%s': %s", db, strerror(errno));
        return EXIT_ERROR;
    }
    const char *previous = NULL;
    for (size_t i = 0; i < n && strcmp(names[i], live) != 0; i++)
        previous = names[i];
    int rc = EXIT_OK;
    if (!previous) {
        ns_error("'%s' has no generation older than '%s' to roll back to", db,
                 live);
        rc = EXIT_ERROR;
    } else if (ns_gen_publish(db, previous) < 0) {
        ns_error("cannot publish '%s/%s': %s", db, previous, strerror(errno));
        rc = EXIT_ERROR;
    } else {
        snprintf(published, pub_size, "%s (was %s)", previous, live);
    }
    ns_gen_list_free(names, n);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* main                                                                     */
/* ------------------------------------------------------------------------ */

static const char *const MODE_NAMES[] = {"update", "rebuild", "delete",
                                         "rollback"};

static int run(const struct options *o)
{
    char *db = ns_db_path(o->db);
    if (!db)
        ns_die("no index location: give --db DIR or set NSEARCH_DB");
    if (ns_mkdir_p(db) < 0) {
        ns_error("cannot create '%s': %s", db, strerror(errno));
        free(db);
        return EXIT_ERROR;
    }
    int lock = ns_lock(db, o->wait);
    if (lock < 0) {
        int busy = errno == EWOULDBLOCK;
        if (busy)
            ns_error(
                "index '%s' is busy: another nindex is writing to it%s", db,
                o->wait > 0 ? " (gave up waiting)" : "; try --wait SECONDS");
        else
            ns_error("cannot lock '%s/lock': %s", db, strerror(errno));
        free(db);
        return busy ? EXIT_BUSY : EXIT_ERROR;
    }
    /* Under the lock, whatever a dead writer left is garbage. */
    ns_gen_clean(db);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    struct counts c = {0};
    struct progress pr = {.on = !o->quiet && isatty(2), .start = now()};
    char published[300] = "";
    int rc;
    switch (o->mode) {
    case MODE_REBUILD:
        rc = run_rebuild(db, o, &c, &pr, published, sizeof published);
        break;
    case MODE_DELETE:
        rc = run_delete(db, o, &c);
        break;
    case MODE_ROLLBACK:
        rc = run_rollback(db, published, sizeof published);
        break;
    default:
        rc = run_update(db, o, &c, &pr);
        break;
    }
    progress_clear(&pr);

    double secs = now() - pr.start;
    unsigned long done = c.added + c.replaced + c.unchanged;
    if (!o->quiet && o->mode == MODE_ROLLBACK && rc == EXIT_OK) {
        printf("nindex: rollback: %s is live\n", published);
    } else if (!o->quiet && o->mode != MODE_ROLLBACK) {
        printf(
            "nindex: %s: %lu added, %lu replaced, %lu unchanged, %lu deleted, "
            "%lu skipped in %.2f s (%.0f articles/s)",
            MODE_NAMES[o->mode], c.added, c.replaced, c.unchanged, c.deleted,
            c.skipped, secs, secs > 0 ? done / secs : 0.0);
        if (*published)
            printf("; published %s", published);
        putchar('\n');
    }
    close(lock);
    free(db);
    return rc;
}

int main(int argc, char **argv)
{
    enum {
        OPT_PRUNE = 256,
        OPT_DELETE,
        OPT_ROLLBACK,
        OPT_KEEP,
        OPT_FORCE,
        OPT_WAIT,
        OPT_COMMIT,
        OPT_VERSION
    };
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"update", no_argument, NULL, 'u'},
        {"prune", no_argument, NULL, OPT_PRUNE},
        {"rebuild", no_argument, NULL, 'r'},
        {"delete", no_argument, NULL, OPT_DELETE},
        {"rollback", no_argument, NULL, OPT_ROLLBACK},
        {"jobs", required_argument, NULL, 'j'},
        {"keep", required_argument, NULL, OPT_KEEP},
        {"force", no_argument, NULL, OPT_FORCE},
        {"wait", required_argument, NULL, OPT_WAIT},
        {"commit-every", required_argument, NULL, OPT_COMMIT},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    static const char short_opts[] = "d:urj:qh";
    struct options o = {
        .mode = MODE_UPDATE,
        .jobs = 2,
        .keep = 2,
        .commit_every = 1000,
        .wait = 0,
    };
    int modes = 0;
    long wait = 0;
    ns_set_progname("nindex");
    int c;
    while ((c = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            o.db = optarg;
            break;
        case 'u':
            o.mode = MODE_UPDATE;
            modes++;
            break;
        case 'r':
            o.mode = MODE_REBUILD;
            modes++;
            break;
        case OPT_DELETE:
            o.mode = MODE_DELETE;
            modes++;
            break;
        case OPT_ROLLBACK:
            o.mode = MODE_ROLLBACK;
            modes++;
            break;
        case OPT_PRUNE:
            o.prune = 1;
            break;
        case OPT_FORCE:
            o.force = 1;
            break;
        case 'j':
            if (ns_parse_long(optarg, 1, 64, &o.jobs) < 0)
                usage_error("--jobs needs a number from 1 to 64, not '%s'",
                            optarg);
            break;
        case OPT_KEEP:
            if (ns_parse_long(optarg, 1, 1000, &o.keep) < 0)
                usage_error("--keep needs a number from 1, not '%s'", optarg);
            break;
        case OPT_WAIT:
            if (ns_parse_long(optarg, 0, 86400, &wait) < 0)
                usage_error("--wait needs seconds from 0 to 86400, not '%s'",
                            optarg);
            o.wait = (double)wait;
            break;
        case OPT_COMMIT:
            if (ns_parse_long(optarg, 1, 10000000, &o.commit_every) < 0)
                usage_error("--commit-every needs a number from 1, not '%s'",
                            optarg);
            break;
        case 'q':
            o.quiet = 1;
            break;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        case OPT_VERSION:
            printf("nindex %s\n", NS_VERSION);
            return EXIT_OK;
        default:
            fprintf(stderr, "Try 'nindex --help'.\n");
            return EXIT_USAGE;
        }
    }
    if (modes > 1)
        usage_error("%s",
                    "give one of --update, --rebuild, --delete, --rollback");
    if (o.prune && o.mode != MODE_UPDATE)
        usage_error("%s", "--prune goes with --update");
    o.args = argv + optind;
    o.n_args = argc - optind;
    if (o.mode == MODE_ROLLBACK && o.n_args)
        usage_error("%s", "--rollback takes no arguments");
    if (o.mode == MODE_DELETE && !o.n_args)
        usage_error("%s", "--delete needs at least one ID");
    if ((o.mode == MODE_UPDATE || o.mode == MODE_REBUILD) && !o.n_args)
        usage_error("%s", "no SOURCE given");
    return run(&o);
}
