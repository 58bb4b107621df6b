/* test_near.cc - NEAR checked in linear time (near_positions in
 * index-private.h, used by the quick scan and by the exact check): the
 * same answers as the nested loops it replaced, on random position lists,
 * and a crafted 160,000-word article that took 6.7 s at NEAR/101 answered
 * well within a second, through ns_search. */
#include "index-private.h"
#include "testlib.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <string>

using namespace libns;

static bool brute(const std::vector<std::vector<unsigned>> &pos, size_t w)
{
    for (unsigned start : pos[0]) {
        bool ok = true;
        for (size_t k = 1; k < pos.size() && ok; k++) {
            ok = false;
            for (unsigned p : pos[k])
                if (p + w > start && p < start + w)
                    ok = true;
        }
        if (ok)
            return true;
    }
    return false;
}

static void random_cases(void)
{
    std::mt19937 rng(11);
    int agree = 0, yes = 0, cases = 5000;
    for (int c = 0; c < cases; c++) {
        size_t n = 2 + rng() % 3, w = 1 + rng() % 12;
        std::vector<std::vector<unsigned>> pos(n);
        for (auto &p : pos) {
            size_t m = 1 + rng() % 6;
            for (size_t i = 0; i < m; i++)
                p.push_back(rng() % 60);
            std::sort(p.begin(), p.end());
        }
        bool want = brute(pos, w);
        agree += near_positions(pos, w) == want;
        yes += want;
    }
    CHECK(agree == cases, "near_positions agrees with the nested loops");
    CHECK(yes > cases / 10 && yes < cases * 9 / 10, "both answers tested");
}

static double search_ms(ns_index_t *idx, const char *q, size_t *hits)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = q;
    o.related = 0;
    o.snippet_len = 0;
    ns_results_t *res = nullptr;
    auto t0 = std::chrono::steady_clock::now();
    ns_status_t st = ns_search(idx, &o, &res);
    double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - t0)
                    .count();
    CHECK(st == NS_STATUS_OK, q);
    *hits = res ? ns_results_count(res) : 0;
    ns_results_free(res);
    return ms;
}

int main(void)
{
    random_cases();

    /* 80,000 "xq", 200 other words, 80,000 "yq": no xq within 101 words
     * of a yq, so every pair was tried. */
    std::string body;
    body.reserve(1200000);
    for (int i = 0; i < 80000; i++)
        body += "xq ";
    for (int i = 0; i < 200; i++)
        body += "filler ";
    for (int i = 0; i < 80000; i++)
        body += "yq ";
    std::string db = std::string(tl_tmpdir()) + "/idx";
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    ns_article_t a = ns_article_t();
    a.id = (char *)"crafted";
    a.title = (char *)"Crafted";
    a.body = (char *)body.c_str();
    a.lang = (char *)"en";
    CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, "add");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read");
    size_t hits;
    for (const char *q : {"xq NEAR/101 yq", "xq NEAR/90 yq"}) {
        double ms = search_ms(idx, q, &hits);
        CHECK(hits == 0, "no xq within the window of a yq");
        CHECK(ms < 3000, "NEAR over 160,000 words is not quadratic");
        printf("%s: %.0f ms\n", q, ms);
    }
    search_ms(idx, "xq NEAR/250 yq", &hits);
    CHECK(hits == 1, "a wide enough window finds it");
    search_ms(idx, "filler NEAR/101 yq", &hits);
    CHECK(hits == 1, "filler next to yq");
    ns_index_close(idx);
    return tl_done();
}
