/* test_threads.c - Searches on several threads at once, each thread
 * with its own handle, as nsearchd's workers run them, and feeds read on
 * several threads.  The library promises that handles share nothing;
 * Xapian's objects count their references without atomics, so one Xapian
 * object shared between threads (a global query, a cached stemmer) is a
 * race that frees memory still in use.  Queries with no words (the
 * newest articles: a site's front page) and a date filter that cannot be
 * read once copied Xapian's global Query::MatchAll; the others cover the
 * rest of a search (words, phrase, wildcard, did-you-mean, negation,
 * fields).  Under AddressSanitizer (make asan) such a race is reported as
 * a use after free; in a plain build it shows as an answer unlike the one
 * of a single thread, or a crash. */
#include <pthread.h>

#include "ns.h"
#include "testlib.h"

enum { THREADS = 4, ROUNDS = 300, ARTICLES = 12 };

static char db[4096];

struct worker {
    int runs;      /* searches (or feed reads) that ran */
    int wrong;     /* ... whose answer was not the expected one */
    char why[640]; /* the first wrong answer */
};

/* The queries each thread runs, and the answer each gave on one thread:
 * the total, the first hits, the related posts and the section facet.
 * Besides the two above: words, a phrase, a wildcard, a word to correct
 * (did-you-mean), a negation and a field. */
static const char *const QUERIES[] = {
    "",      "date:soon", "ferries",  "\"harbour news\"",
    "harb*", "harbuor",   "-weather", "title:news date:2025-01",
};
enum { NQUERIES = sizeof QUERIES / sizeof *QUERIES };
static char expected[NQUERIES][256];

/* QUERY on IDX, sorted by date, into OUT as "total first second
 * third|suggestion|N related|section:count ..."; false, with the error in
 * OUT, when the search fails. */
static int answer(ns_index_t *idx, const char *query, char *out, size_t n)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.sort = NS_SORT_DATE;
    o.limit = 3;
    ns_facets_parse("all", &o.facets);
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK) {
        snprintf(out, n, "error: %s", ns_index_last_error(idx));
        return 0;
    }
    int used =
        snprintf(out, n, "%llu", (unsigned long long)ns_results_total(res));
    for (size_t i = 0; i < ns_results_count(res) && used < (int)n; i++)
        used += snprintf(out + used, n - used, " %s",
                         ns_results_hit(res, i)->art->id);
    const char *suggestion = ns_results_suggestion(res);
    if (used < (int)n)
        used += snprintf(out + used, n - used, "|%s|%zu related|",
                         suggestion ? suggestion : "",
                         ns_results_related_count(res));
    for (size_t k = 0; k < ns_results_facet_count(res, 0) && used < (int)n;
         k++) {
        const ns_facet_value_t *v = ns_results_facet(res, 0, k);
        used += snprintf(out + used, n - used, "%s:%llu ", v->value,
                         (unsigned long long)v->count);
    }
    ns_results_free(res);
    return 1;
}

static void one(ns_index_t *idx, int q, struct worker *w)
{
    char got[256];
    w->runs++;
    if (!answer(idx, QUERIES[q], got, sizeof got) ||
        strcmp(got, expected[q]) != 0) {
        if (!w->wrong++)
            snprintf(w->why, sizeof w->why, "'%s': '%s', not '%s'", QUERIES[q],
                     got, expected[q]);
    }
}

static void *run(void *arg)
{
    struct worker *w = arg;
    ns_index_t *idx;
    if (ns_index_open(db, NS_OPEN_READ, &idx, NULL) != NS_STATUS_OK) {
        w->wrong = 1;
        snprintf(w->why, sizeof w->why, "cannot open the index");
        return NULL;
    }
    for (int i = 0; i < ROUNDS; i++)
        for (int q = 0; q < NQUERIES; q++)
            one(idx, q, w);
    ns_index_close(idx);
    return NULL;
}

/* Feeds read on several threads at once: each reader is its own, and so
 * is the parser's handler (feed.c builds it per call; a handler filled
 * lazily in a static could be read half-filled, and a feed would then
 * come out empty). */
static const char RSS[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
    "<title>Harbour</title><language>en</language>"
    "<item><guid>f1</guid><title>Ferry late</title>"
    "<description>The ferry was late.</description></item>"
    "<item><guid>f2</guid><title>Fog</title>"
    "<description>Fog at the quay.</description></item>"
    "<item><guid>f3</guid><title>Fish</title>"
    "<description>Fish market opens.</description></item>"
    "</channel></rss>";
static char feed_path[4096];

static void *read_feeds(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < ROUNDS / 10; i++) {
        ns_reader_t *r;
        char *err = NULL;
        w->runs++;
        if (ns_reader_open(feed_path, &r, &err) != NS_STATUS_OK) {
            if (!w->wrong++)
                snprintf(w->why, sizeof w->why, "open: %s", err);
            free(err);
            continue;
        }
        ns_article_t a = {0};
        char ids[64] = "";
        int rc;
        while ((rc = ns_reader_next(r, &a)) != 0)
            if (rc > 0 && strlen(ids) + strlen(a.id) + 2 < sizeof ids)
                strcat(strcat(ids, a.id), " ");
        ns_article_clear(&a);
        ns_reader_close(r);
        if (strcmp(ids, "f1 f2 f3 ") != 0 && !w->wrong++)
            snprintf(w->why, sizeof w->why, "read '%s'", ids);
    }
    return NULL;
}

static void test_feeds(void)
{
    snprintf(feed_path, sizeof feed_path, "%s",
             tl_write("harbour.rss", RSS, sizeof RSS - 1));
    pthread_t t[THREADS];
    struct worker w[THREADS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, read_feeds, &w[i]) == 0,
              "feed thread starts");
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK(w[i].runs == ROUNDS / 10 && w[i].wrong == 0,
              "every feed read whole on every thread");
        if (w[i].wrong)
            fprintf(stderr, "    thread %d: %d wrong, first %s\n", i,
                    w[i].wrong, w[i].why);
    }
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    for (int i = 0; i < ARTICLES; i++) {
        char json[256];
        snprintf(json, sizeof json,
                 "{\"id\":\"a%02d\",\"title\":\"Harbour news %d\","
                 "\"body\":\"Ferries and %s.\",\"section\":\"%s\","
                 "\"date\":\"2025-01-%02dT10:00:00Z\"}",
                 i, i, i % 2 ? "fog" : "weather", i % 3 ? "Local" : "Sea",
                 i + 1);
        tl_add_json(idx, json);
    }
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");

    /* The answers on one thread: each query finds something (so a lost
     * hit shows), the empty query every article, newest first. */
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open for reading");
    for (int q = 0; q < NQUERIES; q++) {
        CHECK(answer(idx, QUERIES[q], expected[q], sizeof expected[q]),
              "each query runs");
        CHECK(expected[q][0] != '0', "each query finds articles");
    }
    ns_index_close(idx);
    CHECK(strncmp(expected[0], "12 a11 a10 a09|", 15) == 0,
          "no words: all, newest first");
    CHECK(strstr(expected[0], "Local:8 Sea:4") != NULL, "section facet");
    CHECK_STR(expected[1], expected[0], "an unreadable date: the same");
    CHECK(strstr(expected[5], "|harbour") != NULL, "harbuor: did you mean");

    pthread_t t[THREADS];
    struct worker w[THREADS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&t[i], NULL, run, &w[i]) == 0, "thread starts");
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK(w[i].runs == NQUERIES * ROUNDS, "every search ran");
        CHECK(w[i].wrong == 0, "every answer: the one of a single thread");
        if (w[i].wrong)
            fprintf(stderr, "    thread %d: %d wrong, first %s\n", i,
                    w[i].wrong, w[i].why);
    }
    test_feeds();
    return tl_done();
}
