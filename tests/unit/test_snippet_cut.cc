/* test_snippet_cut.cc - How a snippet is cut (common/snippet-cut.h):
 * between characters as a reader sees them (clusters.cc). */
#include "index-private.h"
#include "snippet-cut.h"
#include "testlib.h"

#include <string>

using namespace libns;

#define FAMILY "\U0001F469\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"
#define NO "\U0001F1F3\U0001F1F4"
#define E_ACUTE "e\u0301"

static void test_clusters(void)
{
    const std::string family = FAMILY FAMILY;
    CHECK(cluster_start(family, 10) == 0, "not inside an emoji family");
    CHECK(cluster_start(family, 7) == 0, "not after a joiner");
    CHECK(cluster_start(family, 4) == 0, "not before a joiner");
    CHECK(cluster_end(family, 1) == 25, "the family's end");
    CHECK(cluster_start(family, 30) == 25, "between two families");

    const std::string flags = NO NO;
    CHECK(cluster_start(flags, 12) == 8, "a flag's two letters stay paired");
    CHECK(cluster_start(flags, 4) == 0, "not between a flag's letters");
    CHECK(cluster_start(flags, 8) == 8, "between two flags");
    CHECK(cluster_end(flags, 5) == 8, "to the flag's end");

    const std::string accents = E_ACUTE E_ACUTE E_ACUTE;
    CHECK(cluster_start(accents, 10) == 9, "the whole of a decomposed letter");
    CHECK(cluster_start(accents, 4) == 3, "not before a combining mark");
    CHECK(cluster_start(accents, 1) == 0, "not between e and its accent");

    CHECK(cluster_start("\U0001F44D\U0001F3FDa", 4) == 0,
          "not before a skin tone");
    CHECK(cluster_start("\u2764\ufe0fa", 3) == 0,
          "not before a variation selector");
    CHECK(cluster_start("\xc3\xa6\xc3\xb8", 1) == 0,
          "not inside a UTF-8 sequence");
    CHECK(cluster_start("a\r\nb", 2) == 1, "not between CR and LF");
    CHECK(cluster_start("hello", 3) == 3, "ASCII anywhere");
    CHECK(cluster_start("hello", 9) == 5, "past the end: the end");
}

int main(void)
{
    test_clusters();
    return tl_done();
}
