/* test_stale.c - ns_index_add() and an older copy of an article: one
 * whose "updated" is before the stored one's is not applied
 * (NS_ADD_STALE); equal or missing times replace it. */
#include "ns.h"
#include "testlib.h"

static ns_add_result_t add(ns_index_t *idx, const char *title,
                           const char *updated)
{
    char json[512];
    if (updated)
        snprintf(json, sizeof json,
                 "{\"id\":\"s1\",\"title\":\"%s\",\"body\":\"Storm.\","
                 "\"updated\":\"%s\"}",
                 title, updated);
    else
        snprintf(json, sizeof json,
                 "{\"id\":\"s1\",\"title\":\"%s\",\"body\":\"Storm.\"}", title);
    ns_article_t a;
    char err[256];
    if (ns_article_from_json(json, strlen(json), &a, err, sizeof err) < 0) {
        fprintf(stderr, "bad fixture: %s: %s\n", json, err);
        exit(1);
    }
    ns_add_result_t r = NS_ADD_ADDED;
    CHECK(ns_index_add(idx, &a, &r, NULL) == NS_STATUS_OK, title);
    ns_article_clear(&a);
    return r;
}

/* The stored title of s1 is TITLE, and its updated UPDATED (or none). */
static void stored(ns_index_t *idx, const char *title, const char *updated,
                   const char *name)
{
    ns_article_t a;
    CHECK(ns_index_get(idx, "s1", &a) == NS_STATUS_OK, name);
    CHECK_STR(a.title, title, name);
    if (updated)
        CHECK_STR(a.updated ? a.updated : "(none)", updated, name);
    else
        CHECK(a.updated == NULL, name);
    ns_article_clear(&a);
}

int main(void)
{
    char db[4096];
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    CHECK(add(idx, "Corrected", "2026-12-01T15:00Z") == NS_ADD_ADDED,
          "first copy added");
    CHECK(add(idx, "First", "2026-12-01T09:30Z") == NS_ADD_STALE,
          "an older copy is stale");
    stored(idx, "Corrected", "2026-12-01T15:00:00Z", "the newer stays");
    CHECK(add(idx, "Corrected", "2026-12-01T15:00Z") == NS_ADD_UNCHANGED,
          "the same copy is unchanged");
    CHECK(add(idx, "Equal", "2026-12-01T17:00+02:00") == NS_ADD_REPLACED,
          "an equal time (another zone) replaces");
    stored(idx, "Equal", "2026-12-01T15:00:00Z", "equal time replaced");
    CHECK(add(idx, "Newer", "2026-12-02T08:00Z") == NS_ADD_REPLACED,
          "a newer copy replaces");
    CHECK(add(idx, "Untimed", NULL) == NS_ADD_REPLACED,
          "a copy with no time replaces");
    stored(idx, "Untimed", NULL, "untimed stored with no time");
    CHECK(add(idx, "Old", "2020-01-01T00:00Z") == NS_ADD_REPLACED,
          "any time replaces an article stored without one");
    stored(idx, "Old", "2020-01-01T00:00:00Z", "the time is stored");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close commits");
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open again");
    CHECK(add(idx, "Older", "2019-06-01T00:00Z") == NS_ADD_STALE,
          "stale against a committed article too");
    ns_index_close(idx);
    return tl_done();
}
