/* test_undo_record.c - The record of the undo file of a generation's last
 * deletions goes in the commit that makes them: ns_index_prune() commits
 * what came before without it, so that a prune stopped (or killed) after
 * that first commit leaves the record as it was; its deletions' commit
 * writes it; and a reader sees "" on an index that records none. */
#include <stdlib.h>
#include <string.h>

#include "ns.h"
#include "testlib.h"

static int keep_new(const char *id, void *ctx)
{
    (void)ctx;
    return strncmp(id, "old-", 4) != 0;
}

static int stop_first(void)
{
    return 1;
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

/* The record of DB, as a new reader sees it, into OUT. */
static void record_of(const char *db, char *out, size_t size)
{
    ns_index_t *idx;
    *out = '\0';
    if (ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK) {
        CHECK(ns_index_undo_record(idx, out, size) == NS_STATUS_OK, "read");
        ns_index_close(idx);
    }
}

static void test_record_goes_with_the_deletions(void)
{
    char db[4200], rec[256];
    snprintf(db, sizeof db, "%s/undo", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer");
    add(idx, "old-1");
    add(idx, "new-1");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "commit");
    record_of(db, rec, sizeof rec);
    CHECK(strcmp(rec, "") == 0, "no record yet: \"\"");

    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK,
          "open reader");
    CHECK(ns_index_set_undo_record(idx, "x") == NS_STATUS_READ_ONLY,
          "a reader records nothing");
    ns_index_close(idx);

    /* Stopped: what came before is committed, the record is not. */
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer to stop");
    add(idx, "new-2");
    CHECK(ns_index_set_undo_record(idx, "20261202T023000Z-1.jsonl.gz") ==
              NS_STATUS_OK,
          "set the record");
    CHECK(ns_index_prune(idx, keep_new, NULL, stop_first, NULL) ==
              NS_STATUS_INTERRUPTED,
          "stopped prune");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close after the stop");
    record_of(db, rec, sizeof rec);
    CHECK(strcmp(rec, "") == 0, "stopped prune: nothing recorded");

    /* Done: the record is there with the deletions. */
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer again");
    CHECK(ns_index_set_undo_record(idx, "20261202T023001Z-2.jsonl.gz") ==
              NS_STATUS_OK,
          "set the record again");
    uint64_t deleted = 0;
    CHECK(ns_index_prune(idx, keep_new, NULL, NULL, &deleted) == NS_STATUS_OK,
          "prune");
    CHECK(deleted == 1, "one deleted");
    record_of(db, rec, sizeof rec);
    CHECK(strcmp(rec, "20261202T023001Z-2.jsonl.gz") == 0,
          "the prune's commit holds the record");
    ns_index_close(idx);

    /* A plain commit writes a record set before it (nindex's starting
     * point, or --delete's file with its deletions). */
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open writer a third time");
    CHECK(ns_index_set_undo_record(idx, "20261202T023002Z-3.jsonl.gz") ==
              NS_STATUS_OK,
          "set for a plain commit");
    CHECK(ns_index_delete(idx, "new-1", NULL) == NS_STATUS_OK, "delete");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "commit on close");
    record_of(db, rec, sizeof rec);
    CHECK(strcmp(rec, "20261202T023002Z-3.jsonl.gz") == 0,
          "the commit on close holds the record");
}

int main(void)
{
    test_record_goes_with_the_deletions();
    return tl_done();
}
