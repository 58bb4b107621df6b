/* stemless.c - The languages of a run's articles that were indexed
 * without stemming, said once each.
 *
 * ns_index_add() warns for every article in a language Xapian has no
 * stemmer for (Japanese, Chinese, Polish, Icelandic, Faroese) or in one
 * nobody knows.  An archive of 50 Japanese articles printed the same line
 * 50 times, and the warnings that say something else scrolled away among
 * them.  So the same remark is kept here with the place of its first
 * article and the number of them, and said once at the end of the run
 * (each time with --verbose).  It counts as one warning: the summary's
 * "N warnings" is the number of lines to read.  The rebuild's shards note
 * from their threads, hence the lock. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nindex.h"

struct stemless {
    char *warning; /* the remark of ns_index_add() */
    char *first;   /* where its first article was read */
    unsigned long articles;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct stemless *seen;
static size_t n_seen;
static int each; /* --verbose: every article's line too */

void ns_stemless_start(int verbose)
{
    each = verbose;
}

void ns_stemless_note(const char *warning, const char *where,
                      struct progress *pr)
{
    pthread_mutex_lock(&lock);
    if (each) {
        if (pr)
            ns_progress_clear(pr);
        ns_warn("%s: %s", where, warning);
    }
    size_t i = 0;
    while (i < n_seen && strcmp(seen[i].warning, warning))
        i++;
    if (i < n_seen) {
        seen[i].articles++;
    } else {
        struct stemless *grown = realloc(seen, (n_seen + 1) * sizeof *seen);
        char *w = strdup(warning), *f = strdup(where);
        if (grown)
            seen = grown;
        if (grown && w && f) {
            seen[n_seen++] = (struct stemless){w, f, 1};
        } else {
            /* Said now rather than not at all. */
            free(w);
            free(f);
            ns_warn("%s: %s", where, warning);
        }
    }
    pthread_mutex_unlock(&lock);
}

unsigned long ns_stemless_report(struct progress *pr)
{
    pthread_mutex_lock(&lock);
    unsigned long said = n_seen;
    if (n_seen && pr)
        ns_progress_clear(pr);
    for (size_t i = 0; i < n_seen; i++) {
        ns_warn("%s: %s (%lu article%s)", seen[i].first, seen[i].warning,
                seen[i].articles, seen[i].articles == 1 ? "" : "s");
        free(seen[i].warning);
        free(seen[i].first);
    }
    free(seen);
    seen = NULL;
    n_seen = 0;
    pthread_mutex_unlock(&lock);
    return said;
}
