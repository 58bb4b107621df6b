/* test_prune.c - ns_index_prune(): on a writer it deletes what keep()
 * rejects; a reader is refused, and ns_index_each_id() on it (what
 * nindex --dry-run --prune counts with) lists every id and leaves the
 * index as it was; a stop drops the deletions made so far. */
#include <stdlib.h>
#include <string.h>

#include "ns.h"
#include "testlib.h"

/* keep(): every id but those starting with "old-". */
static int keep_new(const char *id, void *ctx)
{
    (*(int *)ctx)++;
    return strncmp(id, "old-", 4) != 0;
}

/* stop(): after the first deletion was made (counted in stops). */
static int stops;
static int stop_second(void)
{
    return ++stops == 2;
}

/* For ns_index_each_id(): count the ids starting "old-". */
static int count_old(const char *id, void *ctx)
{
    if (strncmp(id, "old-", 4) == 0)
        (*(int *)ctx)++;
    return 0;
}

static void add(ns_index_t *idx, const char *id)
{
    ns_article_t art = {0};
    art.id = strdup(id);
    art.title = strdup("A harbour story");
    art.body = strdup("The ferry left the harbour.");
    art.lang = strdup("en");
    CHECK(ns_index_add(idx, &art, NULL, NULL) == NS_STATUS_OK, "add");
    ns_article_clear(&art);
}

static uint64_t count(const char *db)
{
    ns_index_t *idx;
    uint64_t n = 0;
    if (ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK) {
        ns_index_count(idx, &n);
        ns_index_close(idx);
    }
    return n;
}

static void test_prune_reader_counts_writer_deletes(void)
{
    char db[4200];
    snprintf(db, sizeof db, "%s/prune", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer");
    add(idx, "old-1");
    add(idx, "old-2");
    add(idx, "new-1");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "commit");
    CHECK(count(db) == 3, "three articles");

    int asked = 0;
    uint64_t deleted = 99;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open reader");
    CHECK(ns_index_prune(idx, keep_new, &asked, NULL, &deleted) ==
              NS_STATUS_READ_ONLY,
          "prune on a reader is refused");
    CHECK(deleted == 0 && asked == 0, "reader: nothing asked or deleted");
    CHECK(ns_index_each_id(idx, count_old, &asked) == NS_STATUS_OK,
          "each_id on a reader");
    CHECK(asked == 2, "reader: each_id saw the two old ids");
    ns_index_close(idx);
    CHECK(count(db) == 3, "reader: nothing deleted");

    /* A stop after one deletion drops it; what was added before it is
     * committed. */
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer to stop");
    add(idx, "new-2");
    deleted = 99;
    CHECK(ns_index_prune(idx, keep_new, &asked, stop_second, &deleted) ==
              NS_STATUS_INTERRUPTED,
          "stopped prune: interrupted");
    CHECK(deleted == 0 && stops == 2, "stopped prune: nothing counted");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close after the stop");
    CHECK(count(db) == 4, "stopped prune: nothing deleted, new-2 added");

    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer again");
    deleted = 0;
    CHECK(ns_index_prune(idx, keep_new, &asked, NULL, &deleted) == NS_STATUS_OK,
          "prune on a writer succeeds");
    CHECK(deleted == 2, "writer: two deleted");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "commit the prune");
    CHECK(count(db) == 2, "writer: two left");
}

int main(void)
{
    test_prune_reader_counts_writer_deletes();
    return tl_done();
}
