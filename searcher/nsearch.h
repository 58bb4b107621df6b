/* nsearch.h - What the parts of nsearch share: its exit codes, the index
 * open, the options and the styles of the text output.
 *
 * nsearch.c holds main, the options and the searching; open-index.c
 * opens the index and says what to do when it cannot; text-output.c
 * prints an answer as text; show.c prints one article (--show).
 * Private to nsearch: nothing here is part of libns. */
#ifndef NS_NSEARCH_H
#define NS_NSEARCH_H

#include "ns.h"

enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2 };

/* Searches tried again when a writer's commits overtook them. */
#define NS_READ_RETRIES 5

/* Open the index for reading: DB_OPTION (--db), else ns_db_path()'s
 * default.  Never returns on failure: it says why on stderr, with what
 * to do about it, and exits EXIT_ERROR. */
ns_index_t *ns_open_index(const char *db_option);

/* Under --json (ON), nsearch_fail() also prints its error as JSON on
 * stdout (json-error.c). */
void nsearch_json_errors(int on);
/* Under --batch, nsearch_fail() calls FAIL with its message instead: an
 * error before the first query (no index) is each line's answer. */
void nsearch_batch_errors(void (*fail)(const char *message));
/* "nsearch: MESSAGE" on stderr and, under --json, {"error": {"code":
 * CODE, "message": MESSAGE}} on stdout, CODE one of nsearchd's
 * ("no_index", "not_found", "shards_down", ...).  Returns EXIT_ERROR. */
int nsearch_fail(const char *code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* nsearchd's error code for a failed search's status ST. */
const char *nsearch_status_code(ns_status_t st);

enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
    const char *db;
    long limit;
    long offset;
    ns_sort_t sort;
    int json;
    int batch;
    long snippet_len;
    long related;
    const char *related_to; /* --related-to ID */
    const char *show;       /* --show ID */
    int64_t now;            /* --now, or NS_NOW_NEWEST */
    long recent_days;
    int no_collapse; /* --no-collapse */
    int no_suggest;  /* --no-suggest */
    int partial;     /* --partial */
    long half_life;  /* --half-life DAYS */
    unsigned facets; /* --facets: a mask of ns_facet_t */
    enum color color;
    char *query; /* the QUERY words joined by spaces */
};

struct style {
    const char *hi_on, *hi_off;       /* around matched words */
    const char *title_on, *title_off; /* around titles */
    const char *dim_on, *dim_off;     /* around the metadata line */
};

/* Print RES, the answer of O's search (or of its --related-to) on IDX, as
 * text on stdout in style ST. */
void print_text(const ns_results_t *res, ns_index_t *idx,
                const struct options *o, const struct style *st);

/* Print at most MAX bytes of TEXT, a stored field, with its control
 * characters as spaces (and with ST, its highlight markers as ST's
 * highlight); print_str() prints the whole field so, without ST. */
void print_field(const char *text, size_t max, const struct style *st);
void print_str(const char *text);

/* Say on stderr that IDX has no article ID, or, on a cluster, that the
 * shard that would hold it is down; returns EXIT_ERROR. */
int no_article(ns_index_t *idx, const char *id);

/* Print O's --show article of IDX: as text in style ST, or with --json
 * as GET /v1/articles/{id}.  Returns the exit status. */
int show_article(ns_index_t *idx, const struct options *o,
                 const struct style *st);

#endif /* NS_NSEARCH_H */
