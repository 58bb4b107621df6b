/* test_facets.cc - Facet counts equal the totals of the same search
 * filtered on each value (section, year, month, language, tag), with and
 * without collapsing story versions whose copies differ in section and
 * month; estimates past facet_count say so; an index written before the
 * facet slots (no nsearch.facets metadata) answers "unavailable" rather
 * than wrong counts, and a merge of shards keeps that mark (and
 * nsearch.groups) only when every shard has it. */
#include "index-private.h"
#include "testlib.h"

#include <map>
#include <string>
#include <vector>

static char db[4096];

/* w1 and w2 are one story (the same title) filed in two sections and two
 * months; w3 is a third copy in a third month. */
static const char *const FIXTURES[] = {
    "{\"id\":\"w1\",\"title\":\"Harbour strike ends after four days\","
    "\"body\":\"Harbour workers return.\",\"section\":\"World\",\"tags\":"
    "[\"Harbour\",\"Strike\"],\"date\":\"2025-08-31T22:00:00Z\"}",
    "{\"id\":\"w2\",\"title\":\"Harbour strike ends after four days\","
    "\"body\":\"Harbour workers return to work.\",\"section\":\"Business\","
    "\"tags\":[\"harbour\",\"labour\"],\"date\":\"2025-09-01T08:00:00Z\"}",
    "{\"id\":\"w3\",\"title\":\"Harbour strike ends after four days\","
    "\"body\":\"Harbour workers are back.\",\"section\":\"world\",\"tags\":"
    "[\"Strike\"],\"date\":\"2024-09-02T08:00:00Z\"}",
    "{\"id\":\"n1\",\"title\":\"Havnestreiken er over\",\"body\":\"Harbour "
    "arbeidere tilbake.\",\"section\":\"Norge\",\"lang\":\"no\",\"tags\":"
    "[\"harbour\"],\"date\":\"2025-09-03T08:00:00Z\"}",
    "{\"id\":\"u1\",\"title\":\"Harbour museum\",\"body\":\"An undated "
    "harbour piece.\",\"section\":\"Culture\"}",
    "{\"id\":\"o1\",\"title\":\"Other news\",\"body\":\"Nothing about "
    "ships.\",\"section\":\"World\",\"date\":\"2025-09-04T08:00:00Z\"}",
};

static void build(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    for (const char *json : FIXTURES)
        tl_add_json(idx, json);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

static ns_search_opts_t opts(const char *query, int collapse)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    o.snippet_len = 0;
    o.collapse = collapse;
    o.suggest = 0;
    return o;
}

static uint64_t total_of(ns_index_t *idx, const ns_search_opts_t &o)
{
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK)
        return (uint64_t)-1;
    uint64_t t = ns_results_total(res);
    ns_results_free(res);
    return t;
}

/* Every value of every facet of QUERY against the total of the search
 * filtered on it; returns how many values were compared. */
static size_t compare(ns_index_t *idx, const char *query, int collapse)
{
    ns_search_opts_t o = opts(query, collapse);
    o.facets = NS_FACET_ALL;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "facet search");
    CHECK(ns_results_facets_exact(res), "exact on a small archive");
    CHECK(ns_results_facets_collapsed(res) == collapse, "what is counted");
    CHECK(ns_results_facets_unavailable(res) == nullptr, "available");
    size_t compared = 0;
    for (unsigned f = 0; f < NS_FACET_KINDS; f++) {
        for (size_t k = 0; k < ns_results_facet_count(res, f); k++) {
            const ns_facet_value_t *v = ns_results_facet(res, f, k);
            std::string value = v->value, from, to;
            ns_search_opts_t g = opts(query, collapse);
            const char *tag = value.c_str();
            switch (1u << f) {
            case NS_FACET_SECTION:
                g.sections = &tag;
                g.n_sections = 1;
                break;
            case NS_FACET_LANG:
                g.langs = &tag;
                g.n_langs = 1;
                break;
            case NS_FACET_TAG:
                g.tags = &tag;
                g.n_tags = 1;
                break;
            case NS_FACET_YEAR:
                from = value + "-01-01";
                to = value + "-12-31";
                break;
            case NS_FACET_DECADE:
                from = value.substr(0, 4) + "-01-01";
                to = value.substr(0, 3) + "9-12-31";
                break;
            case NS_FACET_MONTH:
                from = value + "-01";
                to = value + (value.substr(5) == "02" ? "-28" : "-30");
                if (value.substr(5) == "08")
                    to = value + "-31";
                break;
            }
            if (!from.empty()) {
                g.date_from = from.c_str();
                g.date_to = to.c_str();
            }
            uint64_t want = total_of(idx, g);
            std::string name = std::string(query) + " " + ns_facet_name(f) +
                               "=" + value +
                               (collapse ? " collapsed" : " every copy");
            CHECK(v->count == want, name.c_str());
            if (v->count != want)
                fprintf(stderr, "    facet %llu, filtered total %llu\n",
                        (unsigned long long)v->count, (unsigned long long)want);
            compared++;
        }
    }
    ns_results_free(res);
    return compared;
}

static void test_counts_equal_totals(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    for (const char *q : {"harbour", "", "strike OR museum", "harbour -strike"})
        for (int collapse = 0; collapse < 2; collapse++)
            CHECK(compare(idx, q, collapse) > 0, "values compared");
    ns_index_close(idx);
}

/* The copies differ: collapsed, the story counts once per section its
 * copies have ("World" and "world" are one value, shown as first met),
 * and once per month. */
static void test_groups(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    ns_search_opts_t o = opts("strike", 1);
    o.facets = NS_FACET_SECTION | NS_FACET_MONTH | NS_FACET_TAG;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "search");
    CHECK(ns_results_total(res) == 1, "one story");
    std::map<std::string, uint64_t> got;
    for (unsigned f = 0; f < NS_FACET_KINDS; f++)
        for (size_t k = 0; k < ns_results_facet_count(res, f); k++)
            got[std::string(ns_facet_name(f)) + ":" +
                ns_results_facet(res, f, k)->value] =
                ns_results_facet(res, f, k)->count;
    std::map<std::string, uint64_t> want = {
        {"section:World", 1}, {"section:Business", 1}, {"month:2025-09", 1},
        {"month:2025-08", 1}, {"month:2024-09", 1},    {"tag:Harbour", 1},
        {"tag:Strike", 1},    {"tag:labour", 1}};
    CHECK(got == want, "each value once for the story");
    CHECK(ns_results_facet_count(res, 1) == 0, "year not asked");
    /* Months newest first. */
    CHECK_STR(ns_results_facet(res, 2, 0)->value, "2025-09", "newest month");
    CHECK_STR(ns_results_facet(res, 2, 2)->value, "2024-09", "oldest month");
    char *json = ns_results_to_json(res, "strike", nullptr);
    CHECK(json && strstr(json, "\"facets\":{\"exact\":true,\"counted\":3,"
                               "\"counts\":\"stories\",\"section\":["),
          "JSON shape");
    CHECK(json && !strstr(json, "\"year\""), "JSON: only facets asked");
    free(json);
    ns_results_free(res);
    ns_index_close(idx);
}

/* Counting stops at facet_count: estimated, scaled, and said so (a query
 * of words: one of filters alone counts every match). */
static void test_estimate(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    ns_search_opts_t o = opts("harbour", 0);
    o.facets = NS_FACET_LANG;
    o.facet_count = 1;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "search");
    CHECK(!ns_results_facets_exact(res), "estimated");
    CHECK(ns_results_facets_counted(res) < 6, "counted fewer than all");
    uint64_t sum = 0;
    for (size_t k = 0; k < ns_results_facet_count(res, 3); k++)
        sum += ns_results_facet(res, 3, k)->count;
    CHECK(sum >= 5 && sum <= 7, "scaled to about the total");
    ns_results_free(res);
    ns_index_close(idx);
}

/* An index whose articles predate the facet slots has no metadata mark;
 * an update in place does not add it; facets say why they are missing. */
static void test_old_index(void)
{
    {
        Xapian::WritableDatabase w(std::string(db) + "/current");
        w.set_metadata(META_FACETS, "");
        w.commit();
    }
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "write");
    ns_article_t a;
    char err[256];
    const char *json = "{\"id\":\"x1\",\"title\":\"Harbour news\",\"body\":"
                       "\"more harbour\",\"section\":\"World\"}";
    ns_article_from_json(json, strlen(json), &a, err, sizeof err);
    CHECK(ns_index_add(idx, &a, NULL, NULL) == NS_STATUS_OK, "add");
    ns_article_clear(&a);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    ns_search_opts_t o = opts("harbour", 1);
    o.facets = NS_FACET_ALL;
    ns_results_t *res;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "the search still works");
    CHECK(ns_results_count(res) > 0, "with its hits");
    const char *why = ns_results_facets_unavailable(res);
    CHECK(why && strstr(why, "nindex --rebuild"), "unavailable, and why");
    CHECK(ns_results_facet_count(res, 0) == 0, "no counts");
    char *text = ns_results_to_json(res, "harbour", nullptr);
    CHECK(text && strstr(text, "\"unavailable\":\"this index was built"),
          "JSON says why");
    free(text);
    ns_results_free(res);
    ns_index_close(idx);
}

/* Merging shards (ns_index_merge, as nindex --rebuild --jobs does): the
 * merged index is marked as having facet values and group terms only
 * when every shard was. */
static void test_merge_marks(void)
{
    std::string base = std::string(tl_tmpdir()) + "/merge";
    std::string s1 = base + "1", s2 = base + "2";
    for (const std::string &s : {s1, s2}) {
        ns_index_t *idx;
        CHECK(ns_index_open(s.c_str(), NS_OPEN_BUILD, &idx, NULL) ==
                  NS_STATUS_OK,
              "build a shard");
        ns_article_t a;
        char err[256];
        std::string json = "{\"id\":\"" + s.substr(s.size() - 1) +
                           "\",\"title\":\"Harbour strike ends after four "
                           "days\",\"body\":\"harbour\"}";
        ns_article_from_json(json.data(), json.size(), &a, err, sizeof err);
        CHECK(ns_index_add(idx, &a, NULL, NULL) == NS_STATUS_OK, "add");
        ns_article_clear(&a);
        CHECK(ns_index_close(idx) == NS_STATUS_OK, "close a shard");
    }
    auto marks = [](const std::string &path) {
        Xapian::Database d(path);
        return d.get_metadata(META_FACETS) + "/" + d.get_metadata(META_GROUPS);
    };
    CHECK(marks(s1) == "1/1" && marks(s2) == "1/1", "each shard is marked");
    const char *both[] = {s1.c_str(), s2.c_str()};
    std::string m1 = base + "-all", m2 = base + "-some";
    CHECK(ns_index_merge(both, 2, m1.c_str(), NULL) == NS_STATUS_OK, "merge");
    CHECK(marks(m1) == "1/1", "all shards marked: the merge is");
    {
        Xapian::WritableDatabase w(s2);
        w.set_metadata(META_FACETS, "");
        w.set_metadata(META_GROUPS, "");
        w.commit();
    }
    CHECK(ns_index_merge(both, 2, m2.c_str(), NULL) == NS_STATUS_OK,
          "merge again");
    CHECK(marks(m2) == "/", "a shard without them: the merge is not marked");
    CHECK(Xapian::Database(m2).get_doccount() == 2, "and has both articles");
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    build();
    test_counts_equal_totals();
    test_groups();
    test_estimate();
    test_old_index();
    test_merge_marks();
    return tl_done();
}
