/* test_budget.cc - A search's time budget (ns_search_opts_t.time_limit_ms,
 * nsearchd's --request-timeout) bounds the steps that used to run past it:
 * the phrase check of the facets (its own 2 s, or less when less of the
 * search's budget is left), the phrase count of --limit 0 (its own 5 s,
 * or less), and the lookup of each hit's copies, none of which is made
 * once the budget is spent.  The checks are on work done (facets and
 * totals exact or not, copies listed or not), not on the clock. */
#include "index-private.h"
#include "testlib.h"

#include <string>

static char db[4096];

/* Articles, two copies of each story (the same title); each body has the
 * phrase "harbour strike" after enough words that a phrase check reads
 * some text. */
static const int ARTICLES = 3000;

static void build(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    std::string filler;
    for (int w = 0; w < 150; w++)
        filler += "word" + std::to_string(w % 37) + " ";
    for (int i = 0; i < ARTICLES; i++) {
        std::string json =
            "{\"id\":\"a" + std::to_string(i) +
            "\",\"title\":\"Harbour report number " + std::to_string(i / 2) +
            "\",\"body\":\"" + filler + "term" + std::to_string(i) +
            " then the harbour strike ended.\",\"section\":\"" +
            (i % 3 ? "World" : "Business") +
            "\",\"date\":\"2025-09-01T08:00:00Z\"}";
        tl_add_json(idx, json.c_str());
    }
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

static ns_search_opts_t opts(const char *query, unsigned limit_ms)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    o.suggest = 0;
    o.time_limit_ms = limit_ms;
    return o;
}

/* The facets of a phrase within a budget shorter than their own 2 s:
 * the check stops at the search's budget and the rest is estimated. */
static void test_facets(ns_index_t *idx)
{
    ns_search_opts_t o = opts("\"harbour strike\"", 0);
    o.facets = NS_FACET_ALL;
    o.facet_count = 2 * ARTICLES; /* all of them, no sample */
    o.snippet_len = 0;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "facets: no budget");
    CHECK(ns_results_facets_exact(res), "facets: every match checked");
    ns_results_free(res);

    /* 20 ms: enough to parse the query and reach the facets, far less
     * than checking 3,000 articles' text. */
    o.time_limit_ms = 20;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "facets: 20 ms");
    /* A machine so busy that parsing took the 20 ms tells nothing. */
    if (!ns_results_has_facets(res)) {
        fprintf(stderr, "note: the budget was spent before the facets\n");
        ns_results_free(res);
        return;
    }
    CHECK(!ns_results_facets_exact(res),
          "facets: the check stops at the search's budget");
    CHECK(ns_results_facets_counted(res) < (uint64_t)ARTICLES,
          "facets: not every candidate checked");
    CHECK(ns_results_timed_out(res), "facets: the search says it stopped");
    ns_results_free(res);
}

/* The count of a phrase (--limit 0) checks every candidate within its
 * own budget, and within the search's. */
static void test_count(ns_index_t *idx)
{
    ns_search_opts_t o = opts("\"harbour strike\"", 0);
    o.limit = 0;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "count: no budget");
    CHECK(ns_results_total_exact(res), "count: exact within 5 s");
    CHECK(ns_results_total(res) == ARTICLES / 2, "count: every story");
    ns_results_free(res);

    o.time_limit_ms = 20;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "count: 20 ms");
    CHECK(!ns_results_total_exact(res), "count: an estimate past the budget");
    CHECK(ns_results_timed_out(res), "count: the search says it stopped");
    CHECK(ns_results_total(res) > 0 &&
              ns_results_total(res) <= (uint64_t)ARTICLES,
          "count: the estimate is within the candidates");
    ns_results_free(res);
}

/* Twenty wildcards: each hit's copies are a match of its own.  With the
 * budget spent by the page's match, no snippet is cut and no copy is
 * looked for. */
static void test_copies(ns_index_t *idx)
{
    const char *q = "h* r* n* t* w* s* e* a* b* c* d* f* g* i* l* m* o* p* "
                    "u* k*";
    ns_search_opts_t o = opts(q, 0);
    o.limit = 100;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "copies: no budget");
    size_t with = 0;
    for (size_t i = 0; i < ns_results_count(res); i++)
        with += ns_results_hit(res, i)->n_also > 0;
    CHECK(with > 0, "copies: listed without a budget");
    ns_results_free(res);

    o.time_limit_ms = 1;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "copies: 1 ms");
    CHECK(ns_results_timed_out(res), "copies: stopped at 1 ms");
    CHECK(ns_results_count(res) > 0, "copies: the page's hits");
    size_t snippets = 0;
    with = 0;
    for (size_t i = 0; i < ns_results_count(res); i++) {
        snippets += ns_results_hit(res, i)->snippet[0] != '\0';
        with += ns_results_hit(res, i)->n_also > 0;
    }
    CHECK(snippets == 0, "copies: the budget was spent before the snippets");
    CHECK(with == 0, "copies: none looked for once the budget is spent");
    if (with)
        fprintf(stderr, "    %zu hits list copies\n", with);
    ns_results_free(res);
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    build();
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open");
    test_facets(idx);
    test_count(idx);
    test_copies(idx);
    ns_index_close(idx);
    return tl_done();
}
