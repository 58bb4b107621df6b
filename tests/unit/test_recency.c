/* test_recency.c - Sort "recent": a newer article of equal relevance comes
 * first, the half-life moves the balance between relevance and age the way
 * the formula says (recency.cc), totals and pages stay those of the
 * relevance sort, and the relevance and date sorts are unchanged. */
#include <math.h>

#include "ns.h"
#include "testlib.h"

static char db[4096];

/* now is 2025-10-01.  twin-old and twin-new have the same text (equally
 * relevant); strong-old says "lighthouse" often, 90 days ago; weak-new
 * once, a day ago. */
static const char *const FIXTURES[] = {
    "{\"id\":\"twin-old\",\"title\":\"Ferry\",\"body\":\"The ferry timetable "
    "changes.\",\"date\":\"2025-06-01T10:00:00Z\"}",
    "{\"id\":\"twin-new\",\"title\":\"Ferry\",\"body\":\"The ferry timetable "
    "changes.\",\"date\":\"2025-09-28T10:00:00Z\"}",
    "{\"id\":\"strong-old\",\"title\":\"Lighthouse lighthouse\",\"body\":"
    "\"Lighthouse keepers and the lighthouse, a lighthouse story.\","
    "\"date\":\"2025-07-03T10:00:00Z\"}",
    "{\"id\":\"weak-new\",\"title\":\"Coast lighthouse "
    "news\",\"body\":\"Boats, weather, "
    "and a lighthouse mentioned once among many other words of the coast."
    "\",\"date\":\"2025-09-30T10:00:00Z\"}",
    "{\"id\":\"undated\",\"title\":\"Ferry\",\"body\":\"The ferry timetable "
    "changes.\"}",
};

static int64_t now;

/* The hits' ids joined by '|', then '/' and the total. */
static char got[1024];
static double scores[16];

static const char *run(ns_index_t *idx, const char *query, ns_sort_t sort,
                       unsigned half_life, unsigned offset, unsigned limit)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    o.collapse = 0;
    o.sort = sort;
    o.half_life_days = half_life;
    o.now = now;
    o.offset = offset;
    o.limit = limit;
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK)
        return strcpy(got, "ERROR");
    got[0] = '\0';
    for (size_t i = 0; i < ns_results_count(res); i++) {
        if (i)
            strcat(got, "|");
        strcat(got, ns_results_hit(res, i)->art->id);
        if (i < 16)
            scores[i] = ns_results_hit(res, i)->score;
    }
    snprintf(got + strlen(got), sizeof got - strlen(got), "/%llu",
             (unsigned long long)ns_results_total(res));
    ns_results_free(res);
    return got;
}

static void test_equal_relevance(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    CHECK_STR(run(idx, "ferry", NS_SORT_RELEVANCE, 0, 0, 10),
              "twin-old|twin-new|undated/3", "relevance: a tie, index order");
    CHECK(fabs(scores[0] - scores[1]) < 1e-9, "the twins score alike");
    CHECK_STR(run(idx, "ferry", NS_SORT_RECENT, 0, 0, 10),
              "twin-new|twin-old|undated/3", "recent: the newer twin first");
    /* Bonus of twin-new, 3 days old: 0.5 * top * 2^(-3/30). */
    double base = scores[2]; /* undated: no bonus, its BM25 is the top */
    CHECK(fabs(scores[0] - base * (1 + 0.5 * exp2(-3.0 / 30))) < 1e-3,
          "recent: the bonus as documented");
    CHECK(fabs(scores[1] - base * (1 + 0.5 * exp2(-122.0 / 30))) < 1e-3,
          "recent: 122 days old, the bonus has halved four times");
    CHECK_STR(run(idx, "ferry", NS_SORT_DATE, 0, 0, 10),
              "twin-new|twin-old|undated/3", "date: unchanged");
    ns_index_close(idx);
}

/* strong-old outscores weak-new by BM25.  A short half-life lets the new
 * one win; a long one leaves both bonuses near equal and relevance
 * decides. */
static void test_half_life(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    CHECK_STR(run(idx, "lighthouse", NS_SORT_RELEVANCE, 0, 0, 10),
              "strong-old|weak-new/2", "relevance: the strong one");
    double strong = scores[0], weak = scores[1];
    CHECK(strong > weak, "BM25 order");
    CHECK(weak > 0.5 * strong, "close enough for age to matter");
    /* With half-life H: strong + 0.5 strong 2^(-90/H) against
     * weak + 0.5 strong 2^(-1/H). */
    unsigned lives[] = {1, 7, 30, 365, 3650};
    for (size_t i = 0; i < sizeof lives / sizeof *lives; i++) {
        double h = lives[i];
        double s = strong * (1 + 0.5 * exp2(-90 / h));
        double w = weak + 0.5 * strong * exp2(-1 / h);
        const char *want =
            s > w ? "strong-old|weak-new/2" : "weak-new|strong-old/2";
        char name[64];
        snprintf(name, sizeof name, "half-life %u: the order of the formula",
                 lives[i]);
        CHECK_STR(run(idx, "lighthouse", NS_SORT_RECENT, lives[i], 0, 10), want,
                  name);
    }
    CHECK_STR(run(idx, "lighthouse", NS_SORT_RECENT, 7, 0, 10),
              "weak-new|strong-old/2", "a week: the new one first");
    CHECK_STR(run(idx, "lighthouse", NS_SORT_RECENT, 3650, 0, 10),
              "strong-old|weak-new/2", "ten years: relevance decides");
    ns_index_close(idx);
}

/* Pages of the recent sort concatenate to the whole list; the total is
 * the relevance sort's. */
static void test_pages(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    char all[1024], pages[1024] = "";
    snprintf(all, sizeof all, "%s", run(idx, "", NS_SORT_RECENT, 0, 0, 10));
    CHECK(strncmp(all, "weak-new|twin-new|", 18) == 0,
          "no words: newest first");
    for (unsigned off = 0; off < 5; off += 2) {
        char *slash = strrchr(run(idx, "", NS_SORT_RECENT, 0, off, 2), '/');
        CHECK_STR(slash, "/5", "every page: the same total");
        *slash = '\0';
        if (*pages)
            strcat(pages, "|");
        strcat(pages, got);
    }
    strcat(pages, "/5");
    CHECK_STR(pages, all, "pages concatenate to the list");
    ns_index_close(idx);
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    ns_date_parse("2025-10-01T12:00:00Z", &now);
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    for (size_t i = 0; i < sizeof FIXTURES / sizeof *FIXTURES; i++)
        tl_add_json(idx, FIXTURES[i]);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
    test_equal_relevance();
    test_half_life();
    test_pages();
    return tl_done();
}
