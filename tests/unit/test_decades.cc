/* test_decades.cc - The decade facet ("1960s"), for archives spanning a
 * century or more: each decade counts what the filter date:1960s finds,
 * every decade is listed (as every year is), newest first, by the
 * stream counter and by the facet column alike; an article without a
 * date has none. */
#include "index-private.h"
#include "testlib.h"

#include <string>

static char db[4096];

/* Articles from 1850 to 2000: three a year before 1900, one after; and
 * one undated. */
static void build(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    char json[512];
    for (int y = 1850; y <= 2000; y++)
        for (int k = 0; k < (y < 1900 ? 3 : 1); k++) {
            snprintf(json, sizeof json,
                     "{\"id\":\"a%d-%d\",\"title\":\"Harbour log %d number "
                     "%d\",\"body\":\"The harbour in %d.\",\"date\":"
                     "\"%d-0%d-15T12:00:00Z\"}",
                     y, k, y, k, y, y, k + 1);
            tl_add_json(idx, json);
        }
    tl_add_json(idx, "{\"id\":\"u1\",\"title\":\"Undated harbour note "
                     "from the archive\",\"body\":\"The harbour.\"}");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

static ns_search_opts_t opts(const char *query)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    o.snippet_len = 0;
    o.suggest = 0;
    return o;
}

static uint64_t total_of(ns_index_t *idx, const char *query)
{
    ns_search_opts_t o = opts(query);
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK)
        return (uint64_t)-1;
    uint64_t t = ns_results_total(res);
    ns_results_free(res);
    return t;
}

/* The decades of "harbour", twice on one handle (the second from the
 * facet column): all sixteen, newest first, each the total of the same
 * query filtered with date:1960s. */
static void test_decades(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    CHECK_STR(ns_facet_name(5), "decade", "the facet's name");
    unsigned mask;
    CHECK(ns_facets_parse("decade,year", &mask) == 0 &&
              mask == (NS_FACET_DECADE | NS_FACET_YEAR),
          "asked for by name");
    for (int round = 0; round < 2; round++) {
        ns_search_opts_t o = opts("harbour");
        o.facets = NS_FACET_DECADE;
        ns_results_t *res;
        CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "search");
        CHECK(ns_results_facets_exact(res), "exact");
        CHECK(ns_results_facet_count(res, 5) == 16, "1850s to 2000s, all");
        CHECK(ns_results_facet_left_out(res, 5, NULL) == 0, "none left out");
        uint64_t sum = 0;
        for (size_t k = 0; k < ns_results_facet_count(res, 5); k++) {
            const ns_facet_value_t *v = ns_results_facet(res, 5, k);
            sum += v->count;
            std::string q = std::string("harbour date:") + v->value;
            CHECK(v->count == total_of(idx, q.c_str()),
                  ("the count is date:" + std::string(v->value)).c_str());
        }
        CHECK_STR(ns_results_facet(res, 5, 0)->value, "2000s", "newest first");
        CHECK(ns_results_facet(res, 5, 0)->count == 1, "2000 alone");
        CHECK_STR(ns_results_facet(res, 5, 15)->value, "1850s", "oldest last");
        CHECK(ns_results_facet(res, 5, 15)->count == 30, "ten years of three");
        CHECK(sum == 3 * 50 + 101, "every dated article once (not u1)");
        ns_results_free(res);
    }
    ns_index_close(idx);
}

/* date:1960s is 1960 to 1969 whole, also as an end of a range; 1963s is
 * no decade and no date (the filter dropped, with a warning). */
static void test_decade_filter(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    CHECK(total_of(idx, "date:1960s") == 10, "date:1960s");
    CHECK(total_of(idx, "date:1960S") == 10, "date:1960S");
    CHECK(total_of(idx, "date:1850s") == 30, "date:1850s");
    CHECK(total_of(idx, "date:1890s..1900s") == 40, "a range of decades");
    CHECK(total_of(idx, "date:1960..1969") == 10, "as its years");
    ns_search_opts_t o = opts("harbour date:1963s");
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "search");
    const char *w = ns_results_warning(res);
    CHECK(w && strstr(w, "date:1963s is not a date"), "1963s: a warning");
    ns_results_free(res);
    ns_index_close(idx);
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    build();
    test_decades();
    test_decade_filter();
    return tl_done();
}
