/* test_spelling_copy.c - Spelling copies for a cluster's front: an
 * export holds the index's words and their frequencies; the front unites
 * several copies and Xapian sums a word's frequencies over them, so the
 * union suggests what one index of all the articles would where no single
 * copy would; a copy is told from an index, a cluster file and any other
 * file; an export never writes over anything; a copy listed as a shard's
 * replica is refused. */
#include "ns.h"
#include "testlib.h"

/* "qwertz" is one edit from both "qwertx" and "qwerty".  Index A has
 * qwertx in 3 articles and qwerty in 2: alone it suggests qwertx.  Index
 * B has qwerty in 2 more: A and B together have qwerty in 4 against 3, so
 * their union must suggest qwerty, as the index U of all seven does. */
static const char *const A_ARTS[] = {
    "{\"id\":\"a1\",\"title\":\"Keyboards\",\"body\":\"The qwertx layout.\"}",
    "{\"id\":\"a2\",\"title\":\"Keyboards\",\"body\":\"A qwertx board.\"}",
    "{\"id\":\"a3\",\"title\":\"Keyboards\",\"body\":\"Another qwertx.\"}",
    "{\"id\":\"a4\",\"title\":\"Keyboards\",\"body\":\"The qwerty layout.\"}",
    "{\"id\":\"a5\",\"title\":\"Keyboards\",\"body\":\"A qwerty board.\"}",
};
static const char *const B_ARTS[] = {
    "{\"id\":\"b1\",\"title\":\"Typing\",\"body\":\"Typing on qwerty.\"}",
    "{\"id\":\"b2\",\"title\":\"Typing\",\"body\":\"Fast qwerty typing.\"}",
};

static char dir_a[4096], dir_b[4096], dir_u[4096], copy_a[4096], copy_b[4096];

static void add_all(ns_index_t *idx, const char *const *arts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ns_article_t a;
        char err[256];
        if (ns_article_from_json(arts[i], strlen(arts[i]), &a, err,
                                 sizeof err) < 0) {
            fprintf(stderr, "bad fixture: %s\n", err);
            exit(1);
        }
        CHECK(ns_index_add(idx, &a, NULL, NULL) == NS_STATUS_OK, a.id);
        ns_article_clear(&a);
    }
}

static void build(const char *path, int with_a, int with_b)
{
    ns_index_t *idx;
    CHECK(ns_index_open(path, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    if (with_a)
        add_all(idx, A_ARTS, sizeof A_ARTS / sizeof *A_ARTS);
    if (with_b)
        add_all(idx, B_ARTS, sizeof B_ARTS / sizeof *B_ARTS);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

static ns_index_t *reader(const char *path)
{
    ns_index_t *idx = NULL;
    char *err = NULL;
    if (ns_index_open(path, NS_OPEN_READ, &idx, &err) != NS_STATUS_OK) {
        fprintf(stderr, "cannot open %s: %s\n", path, err ? err : "");
        exit(1);
    }
    return idx;
}

static void export_to(const char *index, const char *dest, uint64_t *words)
{
    ns_index_t *idx = reader(index);
    CHECK(ns_index_export_spelling(idx, dest, words) == NS_STATUS_OK, "export");
    ns_index_close(idx);
}

/* The suggestion for "qwertz" on the index or cluster at PATH, or "-". */
static char got[256];

static const char *suggest(const char *path)
{
    ns_index_t *idx = reader(path);
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = "qwertz";
    o.related = 0;
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK) {
        ns_index_close(idx);
        return "ERROR";
    }
    const char *s = ns_results_suggestion(res);
    snprintf(got, sizeof got, "%s/%llu", s ? s : "-",
             (unsigned long long)ns_results_total(res));
    ns_results_free(res);
    ns_index_close(idx);
    return got;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static void test_union_sums(void)
{
    uint64_t wa = 0, wb = 0;
    export_to(dir_a, copy_a, &wa);
    export_to(dir_b, copy_b, &wb);
    /* keyboards layout the qwertx board another qwerty (a: 7 words);
     * typing on qwerty fast (b: 4). */
    CHECK(wa == 7, "index A's words are in its copy");
    CHECK(wb == 4, "index B's words are in its copy");
    CHECK_STR(suggest(dir_a), "qwertx/3",
              "index A alone: qwertx (3 > 2), used");
    CHECK_STR(suggest(dir_u), "qwerty/4", "index U: qwerty (4 > 3), used");

    char cl[4096], text[16384];
    snprintf(cl, sizeof cl, "%s/cluster-a", tl_tmpdir());
    snprintf(text, sizeof text, "shard 0 local %s\nspelling %s\n", dir_u,
             copy_a);
    write_file(cl, text);
    /* The copy of A alone would correct to qwertx, which U has: the
     * suggestion's 3 articles. */
    CHECK_STR(suggest(cl), "qwertx/3", "one copy: its own frequencies");

    snprintf(cl, sizeof cl, "%s/cluster-ab", tl_tmpdir());
    snprintf(text, sizeof text, "shard 0 local %s\nspelling %s\nspelling %s\n",
             dir_u, copy_a, copy_b);
    write_file(cl, text);
    CHECK_STR(suggest(cl), "qwerty/4",
              "two copies: frequencies summed, as one index of all");

    ns_index_t *idx = reader(cl);
    CHECK(ns_index_spelling_count(idx) == 2, "two copies listed");
    ns_spelling_info_t si;
    CHECK(ns_index_spelling_info(idx, 1, &si) == NS_STATUS_OK && si.up &&
              si.words == 4 && strcmp(si.path, copy_b) == 0 && !*si.error &&
              strlen(si.exported) == 20,
          "copy info: up, its words, path and time");
    CHECK(ns_index_spelling_info(idx, 2, &si) == NS_STATUS_NOT_FOUND,
          "no third copy");
    uint64_t w;
    CHECK(ns_index_export_spelling(idx, copy_a, &w) == NS_STATUS_BAD_INPUT,
          "a cluster has no dictionary of its own to export");
    ns_index_close(idx);

    /* A copy that does not exist: searching works, no suggestion. */
    snprintf(cl, sizeof cl, "%s/cluster-missing", tl_tmpdir());
    snprintf(text, sizeof text, "shard 0 local %s\nspelling %s/nowhere\n",
             dir_u, tl_tmpdir());
    write_file(cl, text);
    CHECK_STR(suggest(cl), "-/0", "a missing copy: no suggestion");
    idx = reader(cl);
    CHECK(ns_index_spelling_info(idx, 0, &si) == NS_STATUS_OK && !si.up &&
              strstr(si.error, "No such file"),
          "a missing copy: down, and why");
    ns_index_close(idx);
}

static void test_check_and_refusals(void)
{
    char why[512];
    CHECK(ns_spelling_copy_check(copy_a, why, sizeof why) == 1,
          "a copy is a copy");
    CHECK(ns_spelling_copy_check(dir_a, why, sizeof why) == 0 &&
              strstr(why, "directory"),
          "an index directory is no copy");
    char cl[4096];
    snprintf(cl, sizeof cl, "%s/cluster-a", tl_tmpdir());
    CHECK(ns_spelling_copy_check(cl, why, sizeof why) == 0,
          "a cluster file is no copy");
    /* An export never writes over anything, a copy included. */
    ns_index_t *idx = reader(dir_a);
    uint64_t w;
    CHECK(ns_index_export_spelling(idx, copy_b, &w) == NS_STATUS_IO,
          "export onto an existing file: refused");
    CHECK(ns_index_export_spelling(idx, dir_b, &w) == NS_STATUS_IO,
          "export onto an index: refused");
    ns_index_close(idx);
    CHECK_STR(suggest(dir_b), "qwerty/2", "the index refused onto is intact");
    char cl2[4096], text[16384];
    snprintf(cl2, sizeof cl2, "%s/cluster-b", tl_tmpdir());
    snprintf(text, sizeof text, "shard 0 local %s\nspelling %s\n", dir_u,
             copy_b);
    write_file(cl2, text);
    CHECK_STR(suggest(cl2), "qwerty/4", "the copy refused onto is intact");

    /* A copy listed as a shard's replica holds no shard. */
    snprintf(cl2, sizeof cl2, "%s/cluster-wrong", tl_tmpdir());
    snprintf(text, sizeof text, "shard 0 local %s\n", copy_a);
    write_file(cl2, text);
    ns_index_t *bad = NULL;
    char *err = NULL;
    CHECK(ns_index_open(cl2, NS_OPEN_READ, &bad, &err) != NS_STATUS_OK && err &&
              strstr(err, "spelling copy"),
          "a copy as a replica: refused, and why");
    free(err);
    ns_index_close(bad);
}

int main(void)
{
    snprintf(dir_a, sizeof dir_a, "%s/a", tl_tmpdir());
    snprintf(dir_b, sizeof dir_b, "%s/b", tl_tmpdir());
    snprintf(dir_u, sizeof dir_u, "%s/u", tl_tmpdir());
    snprintf(copy_a, sizeof copy_a, "%s/a.spelling", tl_tmpdir());
    snprintf(copy_b, sizeof copy_b, "%s/b.spelling", tl_tmpdir());
    build(dir_a, 1, 0);
    build(dir_b, 0, 1);
    build(dir_u, 1, 1);
    test_union_sums();
    test_check_and_refusals();
    return tl_done();
}
