/* test_errors.c - How the library reports failure: the status, the message
 * in the handle after a failure and its absence after a success, and
 * writes through a read-only handle, which must change nothing. */
#include "ns.h"
#include "testlib.h"

static char db[4096];

static int add(ns_index_t *idx, const char *json)
{
    ns_article_t a;
    char err[256];
    if (ns_article_from_json(json, strlen(json), &a, err, sizeof err) < 0) {
        fprintf(stderr, "bad fixture: %s: %s\n", json, err);
        exit(1);
    }
    ns_status_t st = ns_index_add(idx, &a, NULL, NULL);
    ns_article_clear(&a);
    return (int)st;
}

static uint64_t count(ns_index_t *idx)
{
    uint64_t n = 0;
    CHECK(ns_index_count(idx, &n) == NS_STATUS_OK, "count");
    return n;
}

static int keep_none(const char *id, void *ctx)
{
    (void)id;
    (void)ctx;
    return 0;
}

static void make_index(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    CHECK(add(idx, "{\"id\":\"one\",\"title\":\"Harbour reopens\",\"body\":"
                   "\"Ships return to the harbour.\"}") == NS_STATUS_OK,
          "add one");
    CHECK(add(idx, "{\"id\":\"two\",\"title\":\"Bridge closes\",\"body\":"
                   "\"Traffic is diverted.\"}") == NS_STATUS_OK,
          "add two");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close commits");
}

/* A failure leaves its own message; the next successful call of any kind
 * leaves none, so an old failure is never reported as a new one. */
static void test_message_cleared(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open for reading");
    CHECK_STR(ns_index_last_error(idx), "", "a fresh handle has no message");

    ns_article_t a;
    CHECK(ns_index_get(idx, "missing", &a) == NS_STATUS_NOT_FOUND,
          "unknown id is NOT_FOUND");
    CHECK(strstr(ns_index_last_error(idx), "missing") != NULL,
          "the message names the id");
    CHECK(ns_index_get(idx, "one", &a) == NS_STATUS_OK, "known id");
    CHECK_STR(a.title, "Harbour reopens", "the article itself");
    ns_article_clear(&a);
    CHECK_STR(ns_index_last_error(idx), "", "a success clears the message");

    /* The same across kinds of call: a failed get, then a search. */
    CHECK(ns_index_get(idx, "missing", &a) == NS_STATUS_NOT_FOUND, "again");
    CHECK(*ns_index_last_error(idx) != '\0', "message back");
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = "harbour";
    ns_results_t *res = NULL;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "search");
    CHECK(res && ns_results_count(res) == 1, "search finds one");
    ns_results_free(res);
    CHECK_STR(ns_index_last_error(idx), "", "a search clears the message");

    CHECK(ns_related_to(idx, "missing", &o, &res) == NS_STATUS_NOT_FOUND,
          "related to an unknown id");
    CHECK(res == NULL, "no results on failure");
    CHECK(strstr(ns_index_last_error(idx), "missing") != NULL,
          "related names the id");
    uint64_t n;
    CHECK(ns_index_count(idx, &n) == NS_STATUS_OK && n == 2, "count");
    CHECK_STR(ns_index_last_error(idx), "", "a count clears the message");
    ns_index_info_t info;
    CHECK(ns_index_get(idx, "missing", &a) == NS_STATUS_NOT_FOUND, "again");
    CHECK(ns_index_info(idx, &info) == NS_STATUS_OK && info.articles == 2,
          "info");
    CHECK_STR(ns_index_last_error(idx), "", "info clears the message");
    CHECK(ns_index_get(idx, "missing", &a) == NS_STATUS_NOT_FOUND, "again");
    CHECK(ns_index_refresh(idx, NULL) == NS_STATUS_OK, "refresh");
    CHECK_STR(ns_index_last_error(idx), "", "refresh clears the message");
    ns_index_close(idx);
}

/* Every write through a read handle is refused with its own status, says
 * why, and changes nothing. */
static void test_read_only(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open for reading");
    uint64_t before = count(idx);

    ns_status_t st =
        (ns_status_t)add(idx, "{\"id\":\"three\",\"title\":\"New\","
                              "\"body\":\"Not to be written.\"}");
    CHECK(st == NS_STATUS_READ_ONLY, "add through a read handle");
    CHECK(strstr(ns_index_last_error(idx), "read-only") != NULL,
          "the message says read-only");
    CHECK(strcmp(ns_status_to_string(NS_STATUS_READ_ONLY), "unknown status") !=
                  0 &&
              strcmp(ns_status_to_string(NS_STATUS_READ_ONLY),
                     ns_status_to_string(NS_STATUS_INTERNAL)) != 0,
          "READ_ONLY has its own text");

    int deleted = -1;
    CHECK(ns_index_delete(idx, "one", &deleted) == NS_STATUS_READ_ONLY,
          "delete through a read handle");
    CHECK(deleted == 0, "nothing deleted");
    uint64_t pruned = 7;
    CHECK(ns_index_prune(idx, keep_none, NULL, NULL, &pruned) ==
              NS_STATUS_READ_ONLY,
          "prune through a read handle");
    CHECK(pruned == 0, "nothing pruned");
    CHECK(ns_index_set_dictionary(idx, "{\"id\":", 6) == NS_STATUS_READ_ONLY,
          "dictionary through a read handle");
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit has nothing to do");
    CHECK(count(idx) == before, "the handle sees the same articles");
    ns_article_t a;
    CHECK(ns_index_get(idx, "three", &a) == NS_STATUS_NOT_FOUND,
          "the refused article is not there");
    CHECK(ns_index_get(idx, "one", &a) == NS_STATUS_OK,
          "the article delete was refused for is there");
    ns_article_clear(&a);
    ns_index_close(idx);

    /* And on disk, through a fresh handle. */
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "reopen");
    CHECK(count(idx) == before, "nothing was written");
    ns_index_close(idx);
}

/* Failures with no handle to keep the message: open gives it in err_out. */
static void test_open_messages(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/none", tl_tmpdir());
    ns_index_t *idx = (ns_index_t *)1;
    char *err = NULL;
    CHECK(ns_index_open(path, NS_OPEN_READ, &idx, &err) == NS_STATUS_NOT_FOUND,
          "missing index");
    CHECK(idx == NULL, "no handle");
    CHECK(err && strstr(err, path), "err_out names the path");
    free(err);

    /* A second writer: LOCKED, with a message. */
    ns_index_t *w1, *w2 = (ns_index_t *)1;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &w1, NULL) == NS_STATUS_OK,
          "first writer");
    err = NULL;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &w2, &err) == NS_STATUS_LOCKED,
          "second writer is LOCKED");
    CHECK(w2 == NULL && err && *err, "with a message");
    free(err);
    /* A write handle: a failed add, then a good one clears it. */
    ns_article_t bad = {0};
    bad.title = (char *)"No id";
    bad.body = (char *)"x";
    CHECK(ns_index_add(w1, &bad, NULL, NULL) == NS_STATUS_BAD_INPUT,
          "an article without id is BAD_INPUT");
    CHECK(*ns_index_last_error(w1) != '\0', "with a message");
    CHECK(add(w1, "{\"id\":\"four\",\"title\":\"Four\",\"body\":\"y\"}") ==
              NS_STATUS_OK,
          "a good article");
    CHECK_STR(ns_index_last_error(w1), "", "the add cleared the message");
    ns_index_close(w1);
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    make_index();
    test_message_cleared();
    test_read_only();
    test_open_messages();
    return tl_done();
}
