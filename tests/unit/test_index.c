/* test_index.c - The index on a real Xapian database in a temporary
 * directory: adding, replacing, fetching, searching, query syntax. */
#include "ns.h"
#include "testlib.h"

static char db[4096];

static void add_json(ns_index_t *idx, const char *json, ns_add_result_t *result)
{
    ns_article_t a;
    char err[256];
    if (ns_article_from_json(json, strlen(json), &a, err, sizeof err) < 0) {
        fprintf(stderr, "bad fixture: %s: %s\n", json, err);
        exit(1);
    }
    const char *warning;
    CHECK(ns_index_add(idx, &a, result, &warning) == NS_STATUS_OK, a.id);
    ns_article_clear(&a);
}

static const char *const FIXTURES[] = {
    "{\"id\":\"azure\",\"title\":\"Azure cloud used for surveillance\","
    "\"body\":\"Intercepted calls were stored in the cloud. The review "
    "continues.\",\"section\":\"Technology\",\"date\":\"2025-08-06T09:30:"
    "00Z\"}",
    "{\"id\":\"body-only\",\"title\":\"Employees protest\",\"body\":\"Staff "
    "protested over surveillance and Azure contracts, and over the cloud "
    "deals.\",\"section\":\"Technology\",\"date\":\"2025-09-02\"}",
    "{\"id\":\"penguins\",\"title\":\"Emperor penguins lose sea ice\","
    "\"body\":\"Colonies failed to breed as the ice broke early.\","
    "\"section\":\"Climate\",\"date\":\"2025-03-10\"}",
    "{\"id\":\"bergen\",\"title\":\"Flyktning drept i Bergen\",\"body\":"
    "\"En ung flyktning ble drept i Bergen. Politiet etterforsker "
    "drapet.\",\"section\":\"Norge\",\"lang\":\"no\",\"date\":\"2025-06-01\"}",
    "{\"id\":\"undated\",\"title\":\"How data centres work\",\"body\":\"Racks "
    "of servers & cooling <systems>.\",\"section\":\"Technology\"}",
    "{\"id\":\"tricky\",\"title\":\"Odd tokens\",\"body\":\"The U.S. Army "
    "said the court\u2019s ruling, in 3.14 seconds, was final.\\nNew "
    "line.\",\"date\":\"2025-01-02\"}",
};

static ns_index_t *build(void)
{
    ns_index_t *idx;
    char *err = NULL;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, &err) == NS_STATUS_OK,
          "open for writing creates the index");
    free(err);
    for (size_t i = 0; i < sizeof FIXTURES / sizeof *FIXTURES; i++) {
        ns_add_result_t r = NS_ADD_UNCHANGED;
        add_json(idx, FIXTURES[i], &r);
        CHECK(r == NS_ADD_ADDED, "new article is added");
    }
    return idx;
}

static void test_open_missing(void)
{
    ns_index_t *idx = (ns_index_t *)1;
    char *err = NULL;
    char path[4200];
    snprintf(path, sizeof path, "%s/none", tl_tmpdir());
    CHECK(ns_index_open(path, NS_OPEN_READ, &idx, &err) == NS_STATUS_NOT_FOUND,
          "reading a missing index is NOT_FOUND");
    CHECK(idx == NULL && err && strstr(err, "no index at"), "error text");
    free(err);
}

static void test_replace_and_lock(ns_index_t *idx)
{
    ns_add_result_t r = NS_ADD_ADDED;
    add_json(idx, FIXTURES[2], &r);
    CHECK(r == NS_ADD_UNCHANGED, "same content is unchanged");
    add_json(idx,
             "{\"id\":\"penguins\",\"title\":\"Emperor penguins lose sea ice\","
             "\"body\":\"Updated: colonies failed to breed.\",\"section\":"
             "\"Climate\",\"date\":\"2025-03-11\"}",
             &r);
    CHECK(r == NS_ADD_REPLACED,
          "same id, new content is a replacement, seen before commit");
    int deleted = -1;
    CHECK(ns_index_delete(idx, "nope", &deleted) == NS_STATUS_OK &&
              deleted == 0,
          "deleting an unknown id is a no-op");
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit");
    uint64_t n = 0;
    CHECK(ns_index_count(idx, &n) == NS_STATUS_OK && n == 6,
          "replacing keeps the count");

    ns_index_t *second;
    char *err = NULL;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &second, &err) == NS_STATUS_LOCKED,
          "a second writer is LOCKED");
    free(err);
}

static const ns_results_t *last;

static ns_results_t *run(ns_index_t *idx, const char *q, ns_sort_t sort)
{
    ns_search_opts_t o = {
        .query = q, .limit = 10, .sort = sort, .snippet_len = 200};
    ns_results_t *res = NULL;
    ns_status_t st = ns_search(idx, &o, &res);
    CHECK(st == NS_STATUS_OK, q);
    last = res;
    return res;
}

static const char *hit_id(const ns_results_t *res, size_t i)
{
    const ns_hit_t *h = res ? ns_results_hit(res, i) : NULL;
    return h ? h->art->id : NULL;
}

static void test_search(ns_index_t *ridx)
{
    ns_results_t *r = run(ridx, "Azure surveillance", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 2, "two articles mention either word");
    CHECK_STR(hit_id(r, 0), "azure", "title match ranks first");
    const ns_hit_t *h = ns_results_hit(r, 1);
    CHECK(h && strstr(h->snippet, NS_HI_START) && strstr(h->snippet, NS_HI_END),
          "snippet highlights");
    CHECK(h && h->rank == 2 && h->score > 0, "rank and score");
    char *json = ns_results_to_json(r, "Azure surveillance", "q7");
    CHECK(json && strstr(json, "\"qid\":\"q7\"") &&
              strstr(json, "\"id\":\"azure\"") && strstr(json, "<mark>"),
          "JSON shape");
    free(json);
    ns_results_free(r);

    r = run(ridx, "title:surveillance", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1 && !strcmp(hit_id(r, 0), "azure"),
          "title: prefix");
    ns_results_free(r);

    r = run(ridx, "cloud section:technology", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 2, "section filter, any case");
    ns_results_free(r);

    r = run(ridx, "\"stored in the cloud\"", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1 && !strcmp(hit_id(r, 0), "azure"), "phrase");
    ns_results_free(r);

    /* The index has no positions: phrases are checked against the text. */
    r = run(ridx, "\"cloud stored\"", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 0 && ns_results_total(r) == 0,
          "phrase words present but not adjacent: no match");
    ns_results_free(r);

    r = run(ridx, "cloud -\"stored in the cloud\"", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1 && !strcmp(hit_id(r, 0), "body-only"),
          "negated phrase excludes only the phrase");
    ns_results_free(r);

    r = run(ridx, "\"the review continues\" OR penguins", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 2, "phrase OR word");
    ns_results_free(r);

    r = run(ridx, "title:\"cloud used\"", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1 && !strcmp(hit_id(r, 0), "azure"),
          "phrase in a field");
    ns_results_free(r);

    r = run(ridx, "intercepted NEAR/3 cloud", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 0, "NEAR beyond its window: no match");
    ns_results_free(r);
    r = run(ridx, "intercepted NEAR/6 cloud", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1, "NEAR within its window");
    ns_results_free(r);

    /* Phrases next to punctuation Xapian treats specially. */
    static const struct {
        const char *q;
        size_t n;
    } tricky[] = {
        {"\"us army\"", 1}, /* "U.S." is the word "us" */
        {"\"army said\"", 1},
        {"\"court ruling\"", 1}, /* "court's": its possessive */
        {"\"ruling in\"", 1},    /* a comma between words */
        {"\"final new\"", 1},    /* a full stop and a newline */
        {"\"in 3.14 seconds\"", 1},
        {"\"14 seconds\"", 0}, /* "3.14" is one term */
    };
    for (size_t t = 0; t < sizeof tricky / sizeof *tricky; t++) {
        r = run(ridx, tricky[t].q, NS_SORT_RELEVANCE);
        CHECK(ns_results_count(r) == tricky[t].n, tricky[t].q);
        ns_results_free(r);
    }

    r = run(ridx, "sea-ice", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1 && !strcmp(hit_id(r, 0), "penguins"),
          "hyphenated words are searched as words");
    ns_results_free(r);

    r = run(ridx, "id:body-only", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1, "hyphen in a field value kept");
    ns_results_free(r);

    r = run(ridx, "cloud -protest", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1, "-word excludes");
    ns_results_free(r);

    /* Only excluded words: every article without them, as "NOT" alone
     * does (Xapian's parser alone would find the articles WITH them). */
    const char *const only_not[] = {"-protest", "-PROTEST", "NOT protest",
                                    "-protest -\"sea ice\""};
    for (size_t t = 0; t < sizeof only_not / sizeof *only_not; t++) {
        r = run(ridx, only_not[t], NS_SORT_DATE);
        size_t want = t == 3 ? 4 : 5, n = ns_results_count(r);
        int without = n == want;
        for (size_t i = 0; i < n; i++)
            without &= strcmp(hit_id(r, i), "body-only") != 0 &&
                       (t < 3 || strcmp(hit_id(r, i), "penguins") != 0);
        CHECK(without, only_not[t]);
        ns_results_free(r);
    }

    r = run(ridx, "cloud NOT azure", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 0, "NOT");
    ns_results_free(r);

    r = run(ridx, "date:2025-08-01..2025-09-02", NS_SORT_DATE);
    CHECK(ns_results_count(r) == 2 && !strcmp(hit_id(r, 0), "body-only"),
          "closed date range, inclusive, newest first");
    ns_results_free(r);

    r = run(ridx, "date:2025-06-01..", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 3, "open-ended date range");
    ns_results_free(r);

    r = run(ridx, "", NS_SORT_DATE);
    CHECK(ns_results_count(r) == 6 && !strcmp(hit_id(r, 5), "undated"),
          "empty query lists all, undated last by date");
    ns_results_free(r);

    r = run(ridx, "surveillance AND (", NS_SORT_RELEVANCE);
    CHECK(ns_results_warning(r) != NULL, "malformed query warns");
    CHECK(ns_results_count(r) == 2, "and falls back to the words");
    ns_results_free(r);

    r = run(ridx, "surveil*", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 2, "wildcard");
    ns_results_free(r);

    r = run(ridx, "servers cooling", NS_SORT_RELEVANCE);
    h = ns_results_hit(r, 0);
    CHECK(h && strstr(h->snippet,
                      "& " NS_HI_START "cooling" NS_HI_END " <systems>"),
          "snippet text is unescaped");
    ns_results_free(r);
}

static void test_norwegian(ns_index_t *ridx)
{
    /* "flyktningen" and "flyktning" share the Norwegian stem; an English
     * stemmer would leave them apart. */
    ns_results_t *r = run(ridx, "flyktningen", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1 && !strcmp(hit_id(r, 0), "bergen"),
          "Norwegian query stemmed in Norwegian");
    ns_results_free(r);
    r = run(ridx, "bergen lang:no", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 1, "lang: filter");
    ns_results_free(r);
    r = run(ridx, "bergen lang:en", NS_SORT_RELEVANCE);
    CHECK(ns_results_count(r) == 0, "lang:en excludes Norwegian");
    ns_results_free(r);
}

static void test_get(ns_index_t *ridx)
{
    ns_article_t a;
    CHECK(ns_index_get(ridx, "penguins", &a) == NS_STATUS_OK, "get");
    CHECK(a.body && strncmp(a.body, "Updated", 7) == 0, "get sees replacement");
    CHECK_STR(a.date, "2025-03-11T00:00:00Z", "stored date");
    ns_article_clear(&a);
    CHECK(ns_index_get(ridx, "nope", &a) == NS_STATUS_NOT_FOUND,
          "get unknown id");
}

static void test_unknown_language(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/lang", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(path, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open");
    const char *json = "{\"id\":\"k\",\"title\":\"Klingon\",\"lang\":\"tlh\"}";
    ns_article_t a;
    char err[128];
    ns_article_from_json(json, strlen(json), &a, err, sizeof err);
    const char *warning = NULL;
    CHECK(ns_index_add(idx, &a, NULL, &warning) == NS_STATUS_OK,
          "unknown language still indexed");
    CHECK(warning && strstr(warning, "unknown language 'tlh'"), "and warned");
    ns_article_clear(&a);
    ns_index_close(idx);
}

static void test_dictionary(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/dict", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(path, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open");
    add_json(idx, FIXTURES[0], NULL); /* stored before the dictionary */
    const char *dict = "{\"id\":\"x\",\"title\":\"Emperor penguins\",\"body\":"
                       "\"Colonies failed to breed as the ice broke early.\"}";
    CHECK(ns_index_set_dictionary(idx, dict, strlen(dict)) == NS_STATUS_OK,
          "set a dictionary");
    add_json(idx, FIXTURES[2], NULL); /* stored with it */
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");

    CHECK(ns_index_open(path, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "reopen");
    ns_article_t a;
    CHECK(ns_index_get(idx, "penguins", &a) == NS_STATUS_OK &&
              strcmp(a.body,
                     "Colonies failed to breed as the ice broke early.") == 0,
          "article stored with the dictionary reads back");
    ns_article_clear(&a);
    CHECK(ns_index_get(idx, "azure", &a) == NS_STATUS_OK && a.title[0] == 'A',
          "article stored before it still reads back");
    ns_article_clear(&a);
    ns_results_t *r = run(idx, "breed", NS_SORT_RELEVANCE);
    const ns_hit_t *h = ns_results_hit(r, 0);
    CHECK(h && strstr(h->snippet, NS_HI_START "breed"),
          "snippet from a compressed article");
    ns_results_free(r);
    ns_index_close(idx);
}

/* Related ids for QUERY from IDX, joined by spaces (static buffer). */
static const char *related_ids(ns_index_t *idx, const char *query, char *out,
                               size_t size)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.limit = 1;
    o.recent_days = 36500;
    ns_results_t *r = NULL;
    out[0] = '\0';
    if (ns_search(idx, &o, &r) != NS_STATUS_OK)
        return out;
    for (size_t i = 0; i < ns_results_related_count(r); i++) {
        strncat(out, ns_results_related(r, i)->art->id, size - strlen(out) - 2);
        strcat(out, " ");
    }
    ns_results_free(r);
    return out;
}

/* A handle that switches to a new generation must not serve related
 * lists cached from the old one (both can have revision 1). */
static void test_refresh_new_generation(void)
{
    char dir[4200], gen1[4300], gen2[4300];
    snprintf(dir, sizeof dir, "%s/gens", tl_tmpdir());
    snprintf(gen1, sizeof gen1, "%s/gen-000001", dir);
    ns_index_t *w;
    CHECK(ns_mkdir_p(dir) == 0, "index directory");
    CHECK(ns_index_open(gen1, NS_OPEN_BUILD, &w, NULL) == NS_STATUS_OK,
          "first generation");
    for (size_t i = 0; i < sizeof FIXTURES / sizeof *FIXTURES; i++)
        add_json(w, FIXTURES[i], NULL);
    ns_index_close(w);
    CHECK(ns_gen_publish(dir, "gen-000001") == 0, "publish the first");

    ns_index_t *r;
    CHECK(ns_index_open(dir, NS_OPEN_READ, &r, NULL) == NS_STATUS_OK, "reader");
    char before[512], after[512], fresh[512];
    related_ids(r, "Azure surveillance", before, sizeof before);
    CHECK(strstr(before, "body-only") != NULL,
          "related list on the first generation");

    /* The nightly rebuild: the same articles in the same order (the same
     * docids), and one new follow-up at the end. */
    snprintf(gen2, sizeof gen2, "%s/gen-000002", dir);
    CHECK(ns_index_open(gen2, NS_OPEN_BUILD, &w, NULL) == NS_STATUS_OK,
          "build");
    for (size_t i = 0; i < sizeof FIXTURES / sizeof *FIXTURES; i++)
        add_json(w, FIXTURES[i], NULL);
    add_json(w,
             "{\"id\":\"follow-up\",\"title\":\"Second review of "
             "intercepted calls\",\"body\":\"A second review of the "
             "intercepted calls stored in the cloud is due in October, "
             "officials said.\",\"date\":\"2025-08-20\"}",
             NULL);
    ns_index_close(w);
    CHECK(ns_gen_publish(dir, "gen-000002") == 0, "publish");

    int changed = 0;
    CHECK(ns_index_refresh(r, &changed) == NS_STATUS_OK && changed == 1,
          "refresh sees the new generation");
    related_ids(r, "Azure surveillance", after, sizeof after);
    ns_index_t *r2;
    CHECK(ns_index_open(dir, NS_OPEN_READ, &r2, NULL) == NS_STATUS_OK,
          "fresh reader");
    related_ids(r2, "Azure surveillance", fresh, sizeof fresh);
    CHECK_STR(after, fresh, "refreshed handle answers like a fresh one");
    CHECK(strstr(after, "follow-up") != NULL, "the new follow-up is listed");
    ns_index_close(r2);
    ns_index_close(r);
}

/* One generation NAME of index DIR holding the single article JSON. */
static void build_generation(const char *dir, const char *name,
                             const char *json)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    ns_index_t *w;
    CHECK(ns_index_open(path, NS_OPEN_BUILD, &w, NULL) == NS_STATUS_OK,
          "build a generation");
    add_json(w, json, NULL);
    ns_index_close(w);
}

/* The id of the one hit of QUERY on IDX, or "" when none. */
static const char *only_hit(ns_index_t *idx, const char *query)
{
    static char id[64];
    ns_results_t *res = run(idx, query, NS_SORT_RELEVANCE);
    const char *h = hit_id(res, 0);
    snprintf(id, sizeof id, "%s", h ? h : "");
    ns_results_free(res);
    return id;
}

/* A generation replaced by another database of the same name (an index
 * restored from a copy, or a number handed out again) is a new database
 * to a reader, though both have revision 1: it must not go on reading
 * the deleted files of the old one. */
static void test_refresh_same_name(void)
{
    char dir[4200], gen1[4300];
    snprintf(dir, sizeof dir, "%s/same-name", tl_tmpdir());
    snprintf(gen1, sizeof gen1, "%s/gen-000001", dir);
    CHECK(ns_mkdir_p(dir) == 0, "index directory");
    build_generation(dir, "gen-000001",
                     "{\"id\":\"walrus\",\"title\":\"Walrus census\","
                     "\"body\":\"Counting walruses on the ice.\"}");
    CHECK(ns_gen_publish(dir, "gen-000001") == 0, "publish");
    ns_index_t *r;
    CHECK(ns_index_open(dir, NS_OPEN_READ, &r, NULL) == NS_STATUS_OK, "reader");
    CHECK_STR(only_hit(r, "walrus"), "walrus", "the first database");
    ns_index_info_t first, second;
    CHECK(ns_index_info(r, &first) == NS_STATUS_OK && *first.version,
          "the first database has a version");

    CHECK(ns_remove_tree(gen1) == 0, "remove the generation");
    build_generation(dir, "gen-000001",
                     "{\"id\":\"narwhal\",\"title\":\"Narwhal census\","
                     "\"body\":\"Counting narwhals in the fjord.\"}");
    int changed = 0;
    CHECK(ns_index_refresh(r, &changed) == NS_STATUS_OK && changed == 1,
          "refresh sees another database under the same name");
    CHECK_STR(only_hit(r, "narwhal"), "narwhal", "the new database is read");
    CHECK_STR(only_hit(r, "walrus"), "", "the deleted one is not");
    /* Both are at revision 1: the version tells them apart all the same
     * (nsearchd compares versions across its workers). */
    CHECK(ns_index_info(r, &second) == NS_STATUS_OK &&
              strcmp(first.version, second.version) != 0,
          "the new database is another version");
    const char *rev1 = strchr(first.version, ':');
    const char *rev2 = strchr(second.version, ':');
    CHECK(rev1 && rev2 && strcmp(rev1, rev2) == 0, "of the same revision");
    changed = 1;
    CHECK(ns_index_refresh(r, &changed) == NS_STATUS_OK && changed == 0,
          "an unchanged database is no change");
    CHECK(ns_index_info(r, &first) == NS_STATUS_OK &&
              strcmp(first.version, second.version) == 0,
          "and the same version");
    ns_index_close(r);
}

/* After --rollback the generation rolled back from is removed by the next
 * writer (ns_gen_clean()); its number is not handed out again. */
static void test_generation_numbers_not_reused(void)
{
    char dir[4200], gen2[4300], name[64];
    snprintf(dir, sizeof dir, "%s/numbers", tl_tmpdir());
    snprintf(gen2, sizeof gen2, "%s/gen-000002", dir);
    CHECK(ns_mkdir_p(dir) == 0, "index directory");
    build_generation(dir, "gen-000001",
                     "{\"id\":\"a\",\"title\":\"One\",\"body\":\"One.\"}");
    CHECK(ns_gen_publish(dir, "gen-000001") == 0, "publish the first");
    CHECK(ns_gen_next(dir, name, sizeof name) == 0, "next");
    CHECK_STR(name, "gen-000002", "the second number");
    build_generation(dir, name,
                     "{\"id\":\"b\",\"title\":\"Two\",\"body\":\"Two.\"}");
    CHECK(ns_gen_publish(dir, name) == 0, "publish the second");
    CHECK(ns_gen_publish(dir, "gen-000001") == 0, "roll back");
    CHECK(ns_gen_clean(dir) == 0, "clean");
    CHECK(access(gen2, F_OK) != 0, "the one rolled back from is removed");
    CHECK(ns_gen_next(dir, name, sizeof name) == 0, "next after a rollback");
    CHECK_STR(name, "gen-000003", "a number never published");
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    test_open_missing();
    ns_index_t *w = build();
    test_replace_and_lock(w);
    CHECK(ns_index_close(w) == NS_STATUS_OK, "close commits");
    ns_index_t *r;
    CHECK(ns_index_open(db, NS_OPEN_READ, &r, NULL) == NS_STATUS_OK,
          "open for reading");
    test_search(r);
    test_norwegian(r);
    test_get(r);
    ns_index_close(r);
    test_unknown_language();
    test_dictionary();
    test_refresh_new_generation();
    test_refresh_same_name();
    test_generation_numbers_not_reused();
    ns_index_close(NULL);
    return tl_done();
}
