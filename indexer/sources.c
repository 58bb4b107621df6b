/* sources.c - Reading the SOURCEs for nindex: the one loop that opens
 * each SOURCE, reports and counts bad records and hands every article to
 * the mode (update or rebuild); and the progress line on a terminal. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nindex.h"

volatile sig_atomic_t ns_interrupted;

void ns_progress_clear(struct progress *pr)
{
    if (pr->on && pr->last > 0)
        fputs("\r\033[K", stderr);
}

void ns_progress_tick(struct progress *pr, unsigned long done,
                      unsigned long skipped)
{
    if (!pr->on)
        return;
    double t = ns_monotonic_s();
    if (t - pr->last < 0.5)
        return;
    pr->last = t;
    fprintf(stderr, "\r\033[Knindex: %lu articles, %lu skipped, %.0f/s", done,
            skipped, done / (t - pr->start > 0 ? t - pr->start : 1));
}

void ns_crash_point(const char *point)
{
    const char *at = getenv("NINDEX_CRASH_AT");
    if (at && strcmp(at, point) == 0)
        kill(getpid(), SIGKILL);
    /* A stop asked for there (systemctl stop: SIGTERM), which the run
     * notices and answers itself. */
    const char *term = getenv("NINDEX_TERM_AT");
    if (term && strcmp(term, point) == 0)
        kill(getpid(), SIGTERM);
}

const char *ns_db_error(ns_status_t st, const char *detail)
{
    return detail && *detail ? detail : ns_status_to_string(st);
}

void ns_count_result(struct counts *c, ns_add_result_t r)
{
    if (r == NS_ADD_ADDED)
        c->added++;
    else if (r == NS_ADD_REPLACED)
        c->replaced++;
    else
        c->unchanged++;
}

/* Open one SOURCE, or say why not and return NULL. */
static ns_reader_t *open_source(const char *source, struct progress *pr)
{
    ns_reader_t *r;
    char *err = NULL;
    ns_status_t st = ns_reader_open(source, &r, &err);
    if (st != NS_STATUS_OK) {
        ns_progress_clear(pr);
        ns_error("cannot read '%s': %s", source,
                 err ? err : ns_status_to_string(st));
        free(err);
        return NULL;
    }
    return r;
}

/* Say what the reader left out on purpose since the last call. */
static void report_ignored(struct progress *pr, ns_reader_t *r,
                           struct counts *c, int quiet)
{
    const char *note;
    while ((note = ns_reader_next_ignored(r))) {
        c->ignored++;
        if (!quiet) {
            ns_progress_clear(pr);
            ns_warn("%s", note);
        }
    }
}

int ns_sources_read(const struct options *o, struct counts *c,
                    struct progress *pr, ns_article_fn fn, void *ctx)
{
    int rc = 0;
    unsigned long done = 0;
    for (int i = 0; i < o->n_args && !ns_interrupted && rc != -2; i++) {
        ns_reader_t *r = open_source(o->args[i], pr);
        if (!r) {
            rc = -1;
            continue;
        }
        ns_article_t art = {0};
        int got;
        unsigned long records = 0;
        while (!ns_interrupted && (got = ns_reader_next(r, &art)) != 0) {
            report_ignored(pr, r, c, o->quiet);
            records++;
            if (got < 0) {
                ns_progress_clear(pr);
                ns_error("%s: %s", ns_reader_where(r), ns_reader_error(r));
                c->skipped++;
                c->files_failed += ns_reader_file_failed(r) != 0;
                continue;
            }
            const char *warning = ns_reader_warning(r);
            if (warning) {
                /* Read, and indexed, but not all of it: say what. */
                ns_progress_clear(pr);
                ns_warn("%s: %s", ns_reader_where(r), warning);
                c->warnings++;
            }
            const char *note = ns_reader_note(r);
            if (o->verbose && note) {
                /* What the text page rules cut, once per file. */
                ns_progress_clear(pr);
                fprintf(stderr, "nindex: %s\n", note);
            }
            if (ns_shard_other(o, art.id)) {
                /* Another shard's: its own host indexes it. */
                c->other_shard++;
                continue;
            }
            int taken = fn(&art, ns_reader_where(r), ctx);
            if (taken < 0) {
                rc = -2;
                break;
            }
            if (taken > 0)
                c->skipped++;
            else
                done++;
            ns_progress_tick(pr, done, c->skipped);
        }
        report_ignored(pr, r, c, o->quiet);
        if (records == 0 && !ns_interrupted && rc != -2) {
            if (!c->empty_sources++)
                c->empty_source = o->args[i];
        }
        ns_article_clear(&art);
        ns_reader_close(r);
    }
    return rc;
}
