/* test_writer_met.c - A reader that a writer has overtaken: Xapian lets a
 * reader go on with its revision only until two more commits, after which
 * the blocks it reads may be reused, and a stored article reads back
 * empty.  That is the writer met, not damage: the library says
 * NS_STATUS_RETRY (nsearchd refreshes and asks again; it had answered 500
 * "stored article is damaged" during a nightly update with a small
 * --commit-every), and a search, which retries on its own, answers in
 * full. */
#include "ns.h"
#include "testlib.h"

#define N 600

static char db[4096];

static void write_all(const char *word, int repeat)
{
    ns_index_t *w;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &w, NULL) == NS_STATUS_OK,
          "open for writing");
    static char body[20000], json[21000];
    for (int i = 0; i < N; i++) {
        body[0] = '\0';
        for (int k = 0; k < repeat + i % 7; k++)
            strcat(body, word);
        snprintf(json, sizeof json,
                 "{\"id\":\"a%d\",\"title\":\"Harbour %s %d\",\"body\":\"%s\"}",
                 i, word, i, body);
        ns_article_t a;
        char err[256];
        CHECK(ns_article_from_json(json, strlen(json), &a, err, sizeof err) ==
                  0,
              "fixture parses");
        CHECK(ns_index_add(w, &a, NULL, NULL) == NS_STATUS_OK, "add");
        ns_article_clear(&a);
        if (i % 100 == 99)
            CHECK(ns_index_commit(w) == NS_STATUS_OK, "commit");
    }
    CHECK(ns_index_close(w) == NS_STATUS_OK, "close commits");
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    write_all("ferry ", 20);
    ns_index_t *r;
    CHECK(ns_index_open(db, NS_OPEN_READ, &r, NULL) == NS_STATUS_OK,
          "open for reading");
    uint64_t n = 0;
    CHECK(ns_index_count(r, &n) == NS_STATUS_OK && n == N, "all there");
    /* Read as a server does, with its blocks in the reader's cache. */
    for (int i = 0; i < N; i += 7) {
        char id[16];
        snprintf(id, sizeof id, "a%d", i);
        ns_article_t a;
        CHECK(ns_index_get(r, id, &a) == NS_STATUS_OK, "read before");
        ns_article_clear(&a);
    }
    /* Six more commits of other, longer articles under the reader. */
    write_all("quay works ", 60);

    int damaged = 0, retry = 0, ok = 0;
    for (int i = 0; i < N; i += 7) {
        char id[16];
        snprintf(id, sizeof id, "a%d", i);
        ns_article_t a;
        ns_status_t st = ns_index_get(r, id, &a);
        ns_article_clear(&a);
        if (st == NS_STATUS_RETRY)
            retry++;
        else if (st == NS_STATUS_OK)
            ok++;
        else if (strstr(ns_index_last_error(r), "damaged"))
            damaged++;
    }
    CHECK(damaged == 0, "no article of an overtaken reader is 'damaged'");
    CHECK(retry > 0, "an overtaken reader is told to retry");
    CHECK(ns_index_refresh(r, NULL) == NS_STATUS_OK, "refresh");
    ns_article_t a;
    CHECK(ns_index_get(r, "a7", &a) == NS_STATUS_OK, "after a refresh: read");
    CHECK(a.body && strstr(a.body, "quay works"), "after a refresh: the new");
    ns_article_clear(&a);
    CHECK(ns_index_close(r) == NS_STATUS_OK, "close");
    return tl_done();
}
