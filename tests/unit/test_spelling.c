/* test_spelling.c - Did you mean: suggestions from the archive's own words
 * (English and Norwegian), the suggestion's results when nothing matches,
 * operators, fields and wildcards left alone, known words never
 * "corrected", and a dictionary that follows deletes and replacements and
 * survives the merge of a rebuild's shards. */
#include "ns.h"
#include "testlib.h"

static char db[4096];

static const char *const FIXTURES[] = {
    "{\"id\":\"a1\",\"title\":\"Azure surveillance investigation\",\"body\":"
    "\"The Azure cloud was used for mass surveillance.\",\"section\":"
    "\"Technology\",\"date\":\"2025-08-06T09:30:00Z\"}",
    "{\"id\":\"a2\",\"title\":\"Cloud contract review\",\"body\":\"Azure "
    "contracts under review after surveillance reports.\",\"section\":"
    "\"Technology\",\"date\":\"2025-09-01T09:30:00Z\"}",
    "{\"id\":\"a3\",\"title\":\"Lighthouse restored\",\"body\":\"The old "
    "lighthouse on the island shines again.\",\"section\":\"Norway\","
    "\"date\":\"2025-07-01T09:30:00Z\"}",
    "{\"id\":\"a4\",\"title\":\"Flyktning drept\",\"body\":\"En flyktning "
    "ble drept i Bergen.\",\"section\":\"Norge\",\"lang\":\"no\",\"date\":"
    "\"2025-09-10T09:30:00Z\"}",
    "{\"id\":\"a5\",\"title\":\"Harbour beacon\",\"body\":\"A harbour light "
    "and a beacon for 2025.\",\"section\":\"Norway\"}",
};

static void build(const char *path, ns_open_mode_t mode, size_t from, size_t to)
{
    ns_index_t *idx;
    CHECK(ns_index_open(path, mode, &idx, NULL) == NS_STATUS_OK, "open");
    for (size_t i = from; i < to; i++)
        tl_add_json(idx, FIXTURES[i]);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

/* What a search of QUERY gives: the suggestion (or "-"), whether it was
 * used, the total and the hits' ids joined by '|'. */
static char got[1024];

static const char *run(ns_index_t *idx, const char *query, int suggest)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    o.suggest = suggest;
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK)
        return strcpy(got, "ERROR");
    const char *s = ns_results_suggestion(res);
    snprintf(got, sizeof got, "%s/%d/%llu/", s ? s : "-",
             ns_results_suggestion_used(res),
             (unsigned long long)ns_results_total(res));
    for (size_t i = 0; i < ns_results_count(res); i++) {
        if (i)
            strcat(got, "|");
        strcat(got, ns_results_hit(res, i)->art->id);
    }
    ns_results_free(res);
    return got;
}

static ns_index_t *reader(const char *path)
{
    ns_index_t *idx = NULL;
    if (ns_index_open(path, NS_OPEN_READ, &idx, NULL) != NS_STATUS_OK) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    return idx;
}

static void test_suggestions(void)
{
    ns_index_t *idx = reader(db);
    char direct[1024];
    /* Nothing matches: the suggestion's hits, the same as searching it. */
    snprintf(direct, sizeof direct, "%s", run(idx, "azure surveillance", 1));
    CHECK_STR(direct, "-/0/2/a1|a2", "the corrected query, searched");
    char want[1100];
    /* In the case typed: a capital first letter stays. */
    snprintf(want, sizeof want, "Azure surveillance/1/%s", direct + 4);
    CHECK_STR(run(idx, "Azuer survelance", 1), want,
              "no match: the suggestion and its hits");
    /* Few matches: suggested, not used. */
    CHECK_STR(run(idx, "lighthouse survelance", 1),
              "lighthouse surveillance/0/1/a3", "few matches: suggested");
    /* Norwegian words come from the Norwegian article. */
    CHECK_STR(run(idx, "flyktnig", 1), "flyktning/1/1/a4", "Norwegian word");
    /* Words that match something are left alone, even with a more
     * frequent neighbour in the dictionary. */
    CHECK_STR(run(idx, "lighthouse", 1), "-/0/1/a3", "known word");
    CHECK_STR(run(idx, "azure", 1), "-/0/2/a1|a2", "known word, two hits");
    /* Syntax stays: operators, phrases, field values, wildcards. */
    CHECK_STR(run(idx, "section:technology AND azuer", 1),
              "section:technology AND azure/1/2/a1|a2", "operator and field");
    CHECK_STR(run(idx, "\"azuer cloud\"", 1), "\"azure cloud\"/1/1/a1",
              "phrase corrected in its quotes");
    CHECK_STR(run(idx, "azuer*", 1), "-/0/0/", "wildcard left alone");
    CHECK_STR(run(idx, "section:technoogy", 1), "-/0/0/",
              "a field value is not a word to correct");
    CHECK_STR(run(idx, "title:azuer", 1), "-/0/0/",
              "a prefixed word is left alone");
    /* Numbers are not in the dictionary. */
    CHECK_STR(run(idx, "2024", 1), "-/0/0/", "no number suggested");
    CHECK_STR(run(idx, "Azuer survelance", 0), "-/0/0/", "suggest off");
    ns_index_close(idx);
}

static void test_updates(void)
{
    ns_index_t *w;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &w, NULL) == NS_STATUS_OK, "write");
    int deleted = 0;
    CHECK(ns_index_delete(w, "a3", &deleted) == NS_STATUS_OK && deleted,
          "delete");
    /* The beacon article now says lantern. */
    tl_add_json(w, "{\"id\":\"a5\",\"title\":\"Harbour lantern\",\"body\":\"A "
                   "harbour light and a lantern.\",\"section\":\"Norway\"}");
    CHECK(ns_index_close(w) == NS_STATUS_OK, "close");
    ns_index_t *idx = reader(db);
    CHECK_STR(run(idx, "lighthuose", 1), "-/0/0/",
              "a deleted article's word is no suggestion");
    CHECK_STR(run(idx, "beecon", 1), "-/0/0/",
              "a replaced article's old word is no suggestion");
    CHECK_STR(run(idx, "lanterm", 1), "lantern/1/1/a5",
              "a replaced article's new word is");
    CHECK_STR(run(idx, "harbor", 1), "harbour/1/1/a5",
              "a word shared by old and new version stays");
    ns_index_close(idx);
}

static void test_merge(void)
{
    char s1[4200], s2[4200], merged[4200];
    snprintf(s1, sizeof s1, "%s/shard1", tl_tmpdir());
    snprintf(s2, sizeof s2, "%s/shard2", tl_tmpdir());
    snprintf(merged, sizeof merged, "%s/merged", tl_tmpdir());
    build(s1, NS_OPEN_BUILD, 0, 3);
    build(s2, NS_OPEN_BUILD, 3, 5);
    const char *shards[] = {s1, s2};
    char *err = NULL;
    CHECK(ns_index_merge(shards, 2, merged, &err) == NS_STATUS_OK, "merge");
    free(err);
    ns_index_t *idx = reader(merged);
    CHECK_STR(run(idx, "lighthuose", 1), "lighthouse/1/1/a3",
              "merged: a word of the first shard");
    /* Only the second shard has Norwegian: the merged index must know
     * the language (its metadata), or the article matches nothing. */
    CHECK_STR(run(idx, "flyktnig", 1), "flyktning/1/1/a4",
              "merged: a word of the second shard, in its language");
    CHECK_STR(run(idx, "Azuer survelance", 1), "Azure surveillance/1/2/a1|a2",
              "merged: the samples' typo");
    ns_index_close(idx);
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    build(db, NS_OPEN_WRITE, 0, sizeof FIXTURES / sizeof *FIXTURES);
    test_suggestions();
    test_updates();
    test_merge();
    return tl_done();
}
