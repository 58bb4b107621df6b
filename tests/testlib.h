/* testlib.h - A minimal test runner for the C unit tests (after redis's
 * testhelp.h).  Each test binary ends by printing "N passed, N failed";
 * tests/run.sh adds the counts up. */
#ifndef TESTLIB_H
#define TESTLIB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int tl_passed, tl_failed;

#define CHECK(cond, name)                                                      \
    do {                                                                       \
        if (cond) {                                                            \
            tl_passed++;                                                       \
        } else {                                                               \
            tl_failed++;                                                       \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, name);     \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want, name)                                             \
    do {                                                                       \
        const char *g_ = (got), *w_ = (want);                                  \
        int ok_ = (g_ && w_ && strcmp(g_, w_) == 0) || (!g_ && !w_);           \
        CHECK(ok_, name);                                                      \
        if (!ok_)                                                              \
            fprintf(stderr, "    got '%s', want '%s'\n", g_ ? g_ : "(null)",   \
                    w_ ? w_ : "(null)");                                       \
    } while (0)

/* A fresh temporary directory for one test binary; removed by tl_done(). */
static char tl_dir[] = "/tmp/nsearch-test-XXXXXX";

__attribute__((unused)) static const char *tl_tmpdir(void)
{
    static int made;
    if (!made) {
        if (!mkdtemp(tl_dir)) {
            perror("mkdtemp");
            exit(1);
        }
        made = 1;
    }
    return tl_dir;
}

static int tl_done(void)
{
    char cmd[sizeof tl_dir + 16];
    if (strcmp(tl_dir + strlen(tl_dir) - 6, "XXXXXX") != 0) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tl_dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", tl_dir);
    }
    printf("%d passed, %d failed\n", tl_passed, tl_failed);
    return tl_failed ? 1 : 0;
}

/* Write LEN bytes to DIR/NAME; returns a static path. */
__attribute__((unused)) static const char *
tl_write(const char *name, const char *data, size_t len)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", tl_tmpdir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    return path;
}

#ifdef NS_H
/* Add the article of fixture JSON to IDX, checked; a fixture that does
 * not parse is a broken test, and ends the binary. */
__attribute__((unused)) static void tl_add_json(ns_index_t *idx,
                                                const char *json)
{
    ns_article_t a;
    char err[256];
    if (ns_article_from_json(json, strlen(json), &a, err, sizeof err) < 0) {
        fprintf(stderr, "bad fixture: %s: %s\n", json, err);
        exit(1);
    }
    CHECK(ns_index_add(idx, &a, NULL, NULL) == NS_STATUS_OK, a.id);
    ns_article_clear(&a);
}
#endif

#endif /* TESTLIB_H */
