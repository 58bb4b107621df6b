/* test_overtaken.cc - A reader that a writer overtakes: Xapian lets a
 * reader go on with the revision it opened only until the writer has
 * committed twice more; then the blocks it reads may have been reused,
 * and it gets DatabaseModifiedError ("The revision being read has been
 * discarded - you should call Xapian::Database::reopen() and retry the
 * operation").  During an update with a small --commit-every that is
 * any search, or an open (between opening the revision and reading its
 * metadata).  The library opens or reads the newest revision again: a
 * search answers from it, and ns_index_open() tries NS_OPEN_TRIES times
 * before it says NS_STATUS_RETRY.  The writer here commits through the
 * library as nindex does, six times over the same articles. */
#include "index-private.h"
#include "testlib.h"

#include <string>

using namespace libns;

enum { N = 600 };

static char db[4096];

/* Write the N articles a0..a(N-1), WORD repeated in each body, with a
 * commit every 100: six commits. */
static void write_all(const char *word, int repeat)
{
    ns_index_t *w;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &w, nullptr) == NS_STATUS_OK,
          "open for writing");
    std::string body;
    for (int i = 0; i < N; i++) {
        body.clear();
        for (int k = 0; k < repeat + i % 7; k++)
            body += word;
        std::string json = "{\"id\":\"a" + std::to_string(i) +
                           "\",\"title\":\"Harbour " + word +
                           std::to_string(i) + "\",\"body\":\"" + body + "\"}";
        tl_add_json(w, json.c_str());
        if (i % 100 == 99)
            CHECK(ns_index_commit(w) == NS_STATUS_OK, "commit");
    }
    CHECK(ns_index_close(w) == NS_STATUS_OK, "close commits");
}

/* Search IDX for QUERY: its status, the count of matches in *TOTAL and
 * the first hit's title in *FIRST. */
static ns_status_t search(ns_index_t *idx, const char *query, uint64_t *total,
                          std::string *first)
{
    ns_search_opts_t so;
    ns_search_opts_init(&so);
    so.query = query;
    so.related = 0;
    so.sort = NS_SORT_OLDEST;
    ns_results_t *res;
    *total = 0;
    first->clear();
    ns_status_t st = ns_search(idx, &so, &res);
    if (st != NS_STATUS_OK)
        return st;
    *total = ns_results_total(res);
    if (ns_results_count(res))
        *first = ns_results_hit(res, 0)->art->title;
    ns_results_free(res);
    return st;
}

/* A search through a handle opened before six commits: answered from the
 * newest revision, not failed. */
static void test_search_overtaken(void)
{
    ns_index_t *r;
    CHECK(ns_index_open(db, NS_OPEN_READ, &r, nullptr) == NS_STATUS_OK,
          "open for reading");
    uint64_t total;
    std::string first;
    CHECK(search(r, "harbour", &total, &first) == NS_STATUS_OK && total == N &&
              first.find("ferry") != std::string::npos,
          "before: the reader's revision");
    write_all("quay ", 60);
    ns_status_t st = search(r, "harbour", &total, &first);
    CHECK(st == NS_STATUS_OK, "a search a writer overtook answers");
    if (st != NS_STATUS_OK)
        fprintf(stderr, "    %s: %s\n", ns_status_to_string(st),
                ns_index_last_error(r));
    CHECK(total == N, "all the articles match");
    CHECK(first.find("quay") != std::string::npos, "from the newest revision");
    CHECK(*ns_index_last_error(r) == '\0', "no error left in the handle");
    CHECK(ns_index_close(r) == NS_STATUS_OK, "close");
}

static int overtakes; /* opens still to overtake */
static int overtaken; /* opens overtaken */
static const char *overtake_word;
static bool overtake_first; /* before the database is opened, not after */
static bool damaged;        /* say it is damaged, as Xapian does */

/* ns_index_open()'s hook: the writer's six commits, each time with other
 * bodies (the same article again is not written at all).  Before the
 * database is opened, Xapian's own read of the revision cannot be cut
 * into: what it says when a writer reuses the blocks it is reading
 * (seen with nindex --commit-every 5 under nsearch) is thrown instead. */
static void overtake(ns_index_t *, bool opened)
{
    if (opened == overtake_first)
        return;
    if (overtakes > 0) {
        overtakes--;
        overtaken++;
        write_all(overtake_word, 30 + 10 * overtaken);
    } else if (overtaken) {
        return;
    }
    if (damaged)
        throw Xapian::DatabaseCorruptError(
            "Expected block 89 to be level 1, not 0");
}

/* Six commits between opening the revision and reading its metadata:
 * opened again, of the newest revision. */
static void test_open_overtaken(void)
{
    opening_for_reading = overtake;
    overtake_first = false;
    damaged = false;
    overtakes = 1;
    overtaken = 0;
    overtake_word = "pier ";
    ns_index_t *r;
    char *err = nullptr;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &r, &err);
    opening_for_reading = nullptr;
    CHECK(overtaken == 1, "the writer overtook the open");
    CHECK(st == NS_STATUS_OK, "an open a writer overtook opens");
    if (st != NS_STATUS_OK)
        fprintf(stderr, "    %s: %s\n", ns_status_to_string(st),
                err ? err : "");
    free(err);
    if (st != NS_STATUS_OK)
        return;
    uint64_t total;
    std::string first;
    CHECK(search(r, "harbour", &total, &first) == NS_STATUS_OK && total == N &&
              first.find("pier") != std::string::npos,
          "the newest revision is open");
    CHECK(ns_index_close(r) == NS_STATUS_OK, "close");
}

/* Overtaken every time: NS_STATUS_RETRY after NS_OPEN_TRIES opens, with
 * nothing open. */
static void test_open_always_overtaken(void)
{
    opening_for_reading = overtake;
    overtake_first = false;
    damaged = false;
    overtakes = 100;
    overtaken = 0;
    overtake_word = "jetty ";
    ns_index_t *r = nullptr;
    char *err = nullptr;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &r, &err);
    opening_for_reading = nullptr;
    CHECK(st == NS_STATUS_RETRY, "NS_STATUS_RETRY");
    CHECK(overtaken == NS_OPEN_TRIES, "after NS_OPEN_TRIES opens");
    CHECK(r == nullptr, "no handle");
    CHECK(err && *err, "with the detail");
    free(err);
}

/* The writer's commits while Xapian reads the revision the version file
 * named: opened again, of the newest revision. */
static void test_open_overtaken_in_xapian(void)
{
    opening_for_reading = overtake;
    overtake_first = true;
    damaged = false;
    overtakes = 1;
    overtaken = 0;
    overtake_word = "slipway ";
    damaged = true;
    ns_index_t *r;
    char *err = nullptr;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &r, &err);
    opening_for_reading = nullptr;
    CHECK(overtaken == 1, "the writer overtook Xapian's open");
    CHECK(st == NS_STATUS_OK, "an open overtaken in Xapian opens");
    if (st != NS_STATUS_OK)
        fprintf(stderr, "    %s: %s\n", ns_status_to_string(st),
                err ? err : "");
    free(err);
    if (st != NS_STATUS_OK)
        return;
    uint64_t total;
    std::string first;
    CHECK(search(r, "harbour", &total, &first) == NS_STATUS_OK && total == N &&
              first.find("slipway") != std::string::npos,
          "the newest revision is open (Xapian)");
    CHECK(ns_index_close(r) == NS_STATUS_OK, "close");
}

/* The same error with no writer about (the version file the same): the
 * index is damaged, said at once, not hidden as a change. */
static void test_open_damaged(void)
{
    opening_for_reading = overtake;
    overtake_first = true;
    overtakes = 0;
    overtaken = 0;
    damaged = true;
    ns_index_t *r = nullptr;
    char *err = nullptr;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &r, &err);
    opening_for_reading = nullptr;
    CHECK(st == NS_STATUS_XAPIAN, "damage is NS_STATUS_XAPIAN");
    CHECK(err && strstr(err, "Expected block 89"), "with Xapian's words");
    CHECK(r == nullptr, "no handle of a damaged index");
    free(err);
    damaged = false;
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    write_all("ferry ", 20);
    test_search_overtaken();
    test_open_overtaken();
    test_open_overtaken_in_xapian();
    test_open_damaged();
    test_open_always_overtaken();
    return tl_done();
}
