/* test_changes.cc - The counts a generation keeps of what was done to it
 * in place since it was published (changes.cc), which nindex --rollback
 * reports as undone: the live generation of an index directory counts
 * additions, replacements and deletions, in the commit that makes them;
 * a database opened by its own path (a kept generation a takedown writes
 * to, a plain database) does not; and one that held articles before it
 * had counts is "not counted", never under-counted. */
#include "index-private.h"
#include "testlib.h"

#include <string>

static void add(ns_index_t *idx, const char *id, const char *title)
{
    ns_article_t a = ns_article_t();
    a.id = (char *)id;
    a.title = (char *)title;
    a.body = (char *)"harbour news of the day";
    a.lang = (char *)"en";
    CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, "add");
}

static ns_index_t *open_as(const std::string &path, ns_open_mode_t mode)
{
    ns_index_t *idx = nullptr;
    CHECK(ns_index_open(path.c_str(), mode, &idx, nullptr) == NS_STATUS_OK,
          "open");
    return idx;
}

/* Are PATH's counts A R D (COUNTED 1), or not counted (COUNTED 0)? */
static void expect(const std::string &path, int counted, uint64_t a,
                   uint64_t r, uint64_t d, const char *name)
{
    ns_index_t *idx = open_as(path, NS_OPEN_READ);
    uint64_t c[3];
    int got = -1;
    CHECK(ns_index_changes(idx, c, &got) == NS_STATUS_OK, name);
    CHECK(got == counted, name);
    CHECK(c[0] == a && c[1] == r && c[2] == d, name);
    if (c[0] != a || c[1] != r || c[2] != d)
        fprintf(stderr, "    got %llu %llu %llu\n", (unsigned long long)c[0],
                (unsigned long long)c[1], (unsigned long long)c[2]);
    ns_index_close(idx);
}

int main(void)
{
    const std::string dir = std::string(tl_tmpdir()) + "/db";
    ns_index_t *idx = open_as(dir, NS_OPEN_WRITE);
    add(idx, "a1", "First story");
    add(idx, "a2", "Second story");
    add(idx, "a3", "Third story");
    ns_index_close(idx);
    expect(dir, 1, 3, 0, 0, "a new index counts its additions");

    idx = open_as(dir, NS_OPEN_WRITE);
    add(idx, "a1", "First story"); /* unchanged: not counted */
    add(idx, "a2", "Second story, corrected");
    int found = 0;
    CHECK(ns_index_delete(idx, "a3", &found) == NS_STATUS_OK && found,
          "delete");
    CHECK(ns_index_delete(idx, "zz", &found) == NS_STATUS_OK && !found,
          "delete nothing");
    ns_index_close(idx);
    expect(dir, 1, 3, 1, 1, "a replacement and a deletion are added");

    /* By its own path (what a takedown does to a kept generation): the
     * deletion is not one made since it was published. */
    const std::string gen = dir + "/gen-000001";
    idx = open_as(gen, NS_OPEN_WRITE);
    CHECK(ns_index_delete(idx, "a2", &found) == NS_STATUS_OK && found,
          "delete by its own path");
    ns_index_close(idx);
    expect(dir, 1, 3, 1, 1, "a write by its own path is not counted");

    /* Counts gone (a generation written before there were any), and an
     * update since: not counted, rather than counted from zero. */
    {
        Xapian::WritableDatabase w(gen, Xapian::DB_OPEN);
        w.set_metadata(META_CHANGES, "");
        w.commit();
    }
    idx = open_as(dir, NS_OPEN_WRITE);
    add(idx, "a4", "Fourth story");
    ns_index_close(idx);
    expect(dir, 0, 0, 0, 0, "an older generation is not counted");

    /* A build writes zero counts. */
    const std::string built = std::string(tl_tmpdir()) + "/built";
    idx = open_as(built, NS_OPEN_BUILD);
    add(idx, "b1", "Built story");
    add(idx, "b1", "Built story, twice");
    ns_index_close(idx);
    expect(built, 1, 0, 0, 0, "a build starts from zero");
    return tl_done();
}
