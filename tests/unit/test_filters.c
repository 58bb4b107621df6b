/* test_filters.c - The structured filters of ns_search_opts_t (section,
 * lang, tags, author, dates, ids) with awkward values: quotes, brackets,
 * query-language words and syntax, non-ASCII.  Each filter must give the
 * same articles whatever its value looks like, for hits and totals, with
 * and without query text. */
#include "ns.h"
#include "testlib.h"

static char db[4096];

static const char *const FIXTURES[] = {
    "{\"id\":\"q1\",\"title\":\"Harbour storm\",\"body\":\"A storm hit the "
    "harbour.\",\"section\":\"World \\\"Affairs\\\"\",\"author\":\"Ann "
    "O'Brien\",\"tags\":[\"Weather\",\"say \\\"cheese\\\"\"],\"date\":"
    "\"2025-01-01T00:00:00Z\"}",
    "{\"id\":\"q2\",\"title\":\"Storm over the bridge\",\"body\":\"The storm "
    "closed the bridge.\",\"section\":\"AND\",\"author\":\"Bo Li\",\"tags\":"
    "[\"(x) [y]\"],\"date\":\"2025-01-31T23:59:59Z\"}",
    "{\"id\":\"q3\",\"title\":\"Fjord storm\",\"body\":\"Storm i fjorden "
    "stengte ferjene.\",\"section\":\"Æøå Ünïcode\",\"lang\":\"no\","
    "\"author\":\"Åse Ødegård\",\"tags\":[\"Weather\"],\"date\":\"2025-02-"
    "01T00:00:00Z\"}",
    "{\"id\":\"id with \\\"quotes\\\" (and) AND\",\"title\":\"Calm sea\","
    "\"body\":\"No storm today.\",\"section\":\"(Brackets) [x] OR "
    "section:World\",\"author\":\"Ann Smith\"}",
    "{\"id\":\"q5\",\"title\":\"Undated storm\",\"body\":\"A storm with no "
    "date.\",\"section\":\"World \\\"Affairs\\\"\"}",
};

static void build(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    for (size_t i = 0; i < sizeof FIXTURES / sizeof *FIXTURES; i++)
        tl_add_json(idx, FIXTURES[i]);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

/* The ids of the hits, sorted by id and joined with '|', and the total;
 * "ERROR" when the search fails. */
static char got[1024];
static unsigned long long got_total;

static int cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *run(ns_index_t *idx, const ns_search_opts_t *o)
{
    ns_results_t *res = NULL;
    got[0] = '\0';
    got_total = 0;
    if (ns_search(idx, o, &res) != NS_STATUS_OK)
        return strcpy(got, "ERROR");
    const char *ids[16];
    size_t n = ns_results_count(res);
    for (size_t i = 0; i < n && i < 16; i++)
        ids[i] = ns_results_hit(res, i)->art->id;
    qsort(ids, n, sizeof *ids, cmp);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(got, "|");
        strcat(got, ids[i]);
    }
    got_total = ns_results_total(res);
    static char copy[1024];
    strcpy(copy, got);
    ns_results_free(res);
    return copy;
}

/* O's section filter: SECTION alone, or none when NULL. */
static void section(ns_search_opts_t *o, const char *section)
{
    static const char *one[1];
    one[0] = section;
    o->sections = one;
    o->n_sections = section != NULL;
}

/* O's language filter: LANG alone. */
static void lang(ns_search_opts_t *o, const char *lang)
{
    static const char *one[1];
    one[0] = lang;
    o->langs = one;
    o->n_langs = 1;
}

static void opts(ns_search_opts_t *o, const char *query)
{
    ns_search_opts_init(o);
    o->query = query;
    o->related = 0;
    o->limit = 20;
}

static void test_section(ns_index_t *idx)
{
    ns_search_opts_t o;
    opts(&o, "");
    section(&o, "World \"Affairs\"");
    CHECK_STR(run(idx, &o), "q1|q5", "section with double quotes, no query");
    CHECK(got_total == 2, "total follows the filter");
    section(&o, "world \"AFFAIRS\"");
    CHECK_STR(run(idx, &o), "q1|q5", "section case-insensitive");
    section(&o, "  World \"Affairs\"\t");
    CHECK_STR(run(idx, &o), "q1|q5", "surrounding white space ignored");
    section(&o, "World");
    CHECK_STR(run(idx, &o), "", "a part of the section is not the section");
    o.query = "storm";
    section(&o, "World \"Affairs\"");
    CHECK_STR(run(idx, &o), "q1|q5", "section with a query");
    CHECK(got_total == 2, "total with a query");
    section(&o, "AND");
    CHECK_STR(run(idx, &o), "q2", "section AND is a value, not an operator");
    CHECK(got_total == 1, "total of AND");
    section(&o, "Æøå Ünïcode");
    CHECK_STR(run(idx, &o), "q3", "non-ASCII section");
    section(&o, "(Brackets) [x] OR section:World");
    o.query = "";
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND",
              "brackets and query syntax in a section");
    section(&o, "\"");
    CHECK_STR(run(idx, &o), "", "a lone quote matches nothing, and works");
    section(&o, "");
    CHECK_STR(run(idx, &o), "", "an empty section matches no article");
    const char *two[] = {"AND", "Æøå Ünïcode"};
    o.sections = two;
    o.n_sections = 2;
    CHECK_STR(run(idx, &o), "q2|q3", "two sections: either");
    CHECK(got_total == 2, "total of either section");
    o.n_sections = 0;
    CHECK(strcmp(run(idx, &o), "") != 0, "no sections: no filter");
}

static void test_lang_tags_author(ns_index_t *idx)
{
    ns_search_opts_t o;
    opts(&o, "storm");
    lang(&o, "NO");
    CHECK_STR(run(idx, &o), "q3", "lang, any case");
    lang(&o, "en");
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND|q1|q2|q5", "lang en");
    const char *both[] = {"no", " EN "};
    o.langs = both;
    o.n_langs = 2;
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND|q1|q2|q3|q5",
              "two languages: either");

    opts(&o, "");
    const char *weather[] = {"weather"};
    o.tags = weather;
    o.n_tags = 1;
    CHECK_STR(run(idx, &o), "q1|q3", "tag");
    const char *odd[] = {"say \"cheese\"", "(x) [y]"};
    o.tags = odd;
    o.n_tags = 2;
    CHECK_STR(run(idx, &o), "q1|q2", "any of two awkward tags");
    o.n_tags = 0;
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND|q1|q2|q3|q5",
              "n_tags 0 is no filter");

    opts(&o, "");
    o.author = "O'Brien";
    CHECK_STR(run(idx, &o), "q1", "author with an apostrophe");
    o.author = "ann";
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND|q1",
              "author word, any case");
    o.author = "Ann Smith";
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND",
              "every word of the author");
    o.author = "åse ødegård";
    CHECK_STR(run(idx, &o), "q3", "non-ASCII author");
    /* Folded as author: folds ("author:odegard" finds Ødegård). */
    o.author = "Ase Odegard";
    CHECK_STR(run(idx, &o), "q3", "author without its diacritics");
    o.author = "odegard";
    CHECK_STR(run(idx, &o), "q3", "one author word without diacritics");
    o.author = "Aase Oedegaard";
    CHECK_STR(run(idx, &o), "q3", "author in Nordic digraphs");
    o.author = "Ann AND Smith";
    CHECK_STR(run(idx, &o), "", "AND in an author is a word to find");
    /* No word to look for: refused, not "every article". */
    const char *wordless[] = {"\xe2\x80\x94", "*", "-", ".", "\"\"", " "};
    for (size_t i = 0; i < sizeof wordless / sizeof *wordless; i++) {
        o.author = wordless[i];
        ns_results_t *r = NULL;
        ns_status_t st = ns_search(idx, &o, &r);
        CHECK(st == NS_STATUS_BAD_QUERY, "author with no word is refused");
        CHECK(strstr(ns_index_last_error(idx), "has no word") != NULL,
              "and the error says why");
        ns_results_free(r);
    }
}

static void test_dates(ns_index_t *idx)
{
    ns_search_opts_t o;
    opts(&o, "");
    o.date_from = "2025-01-01";
    o.date_to = "2025-01-31";
    CHECK_STR(run(idx, &o), "q1|q2", "a bare day as date_to takes all of it");
    CHECK(got_total == 2, "total with dates");
    o.date_to = "2025-01-31T23:59:58Z";
    CHECK_STR(run(idx, &o), "q1", "date-time ends are exact");
    o.date_from = "1735689600"; /* 2025-01-01T00:00:00Z */
    o.date_to = "1735689600";
    CHECK_STR(run(idx, &o), "q1", "epoch seconds");
    o.date_from = "2025-02-01";
    o.date_to = NULL;
    CHECK_STR(run(idx, &o), "q3", "from only; undated never match");
    o.date_from = NULL;
    o.date_to = "2024-12-31";
    CHECK_STR(run(idx, &o), "", "to only");
    o.query = "storm";
    o.date_to = "2025-12-31";
    CHECK_STR(run(idx, &o), "q1|q2|q3", "dates with a query");
    o.date_to = "next tuesday";
    CHECK_STR(run(idx, &o), "ERROR", "a date it cannot read");
    ns_results_t *res = (ns_results_t *)1;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_BAD_QUERY && res == NULL,
          "is BAD_QUERY");
    CHECK(strstr(ns_index_last_error(idx), "next tuesday") != NULL,
          "the message quotes it");
}

static void test_ids_and_combined(ns_index_t *idx)
{
    ns_search_opts_t o;
    opts(&o, "");
    const char *ids[] = {"id with \"quotes\" (and) AND", "q2", "nope"};
    o.ids = ids;
    o.n_ids = 3;
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND|q2",
              "ids with quotes, brackets and AND");
    o.query = "storm";
    CHECK_STR(run(idx, &o), "id with \"quotes\" (and) AND|q2",
              "ids with a query");
    section(&o, "AND");
    CHECK_STR(run(idx, &o), "q2", "filters combine: all must match");
    o.n_ids = 0;
    section(&o, NULL);
    o.query = "section:AND";
    CHECK_STR(run(idx, &o), "q2", "the query language's section: still works");
    o.query = "storm";
    section(&o, "World \"Affairs\"");
    o.limit = 1;
    CHECK(strchr(run(idx, &o), '|') == NULL && got_total == 2,
          "a short page keeps the filtered total");

    /* A phrase query, checked on the text, with a filter. */
    opts(&o, "\"storm hit\"");
    section(&o, "world \"affairs\"");
    CHECK_STR(run(idx, &o), "q1", "phrase with a filter");
    section(&o, "AND");
    CHECK_STR(run(idx, &o), "", "phrase with a filter that excludes it");
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    build();
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open for reading");
    test_section(idx);
    test_lang_tags_author(idx);
    test_dates(idx);
    test_ids_and_combined(idx);
    ns_index_close(idx);
    return tl_done();
}
