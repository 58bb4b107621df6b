/* test_full_width.cc - Full-width Latin letters (U+FF01-FF5E, "ＧＤＰ")
 * are read as their ASCII forms where the index reads text: the words
 * of a text (the rebuild's canary query) and the quick phrase test on a
 * candidate's stored JSON. */
#include "index-private.h"
#include "testlib.h"

#include <string>
#include <vector>

using namespace libns;

/* The canary query of a rebuild is its title's words as the indexer
 * found them: "ＩＭＦ" is the word "imf", not "ｉｍｆ", which nothing
 * in the index is. */
static void test_text_words(void)
{
    ns_buf_t q = {nullptr, 0, 0};
    CHECK(ns_buf_puts(&q, "") == 0 &&
              ns_text_words("ＩＭＦ\u3000report", 16, &q) == 0,
          "text words: no error");
    CHECK_STR(q.p, "imf report", "text words: full-width as ASCII");
    ns_buf_free(&q);
}

/* The prefilter must not rule out a phrase the article has: before, it
 * looked for "imf" in "ＩＭＦ report" and said "no". */
static void test_prefilter(void)
{
    const std::vector<std::string> words = {"imf", "report"};
    CHECK(phrase_prefilter(words, "{\"title\":\"ＩＭＦ report on growth\"}"),
          "prefilter: full-width word of the phrase");
    /* A full-width quote between the words is a separator, as Xapian
     * reads it, not the end of the JSON string. */
    CHECK(phrase_prefilter(words, "{\"body\":\"ＩＭＦ＂report\"}"),
          "prefilter: full-width quote between the words");
    CHECK(!phrase_prefilter(words, "{\"body\":\"ＩＭＦ said. A report\"}"),
          "prefilter: still says no");
}

int main(void)
{
    test_text_words();
    test_prefilter();
    return tl_done();
}
