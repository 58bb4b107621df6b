/* test_related_window.cc - The recency window of related posts as date
 * terms (window.cc): for windows of every length, across month, year and
 * leap-day ends and before 1970, the terms select exactly the articles the
 * date value selects; the newest article at or before a bound is found by
 * them; and an index where one dated article lacks its terms (built by an
 * older nindex) is detected, and its related lists fall back to the value
 * and stay complete. */
#include "index-private.h"
#include "testlib.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace libns;

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void add(ns_index_t *idx, const std::string &id, int64_t time,
                const char *title, const char *body)
{
    char date[40];
    ns_date_format(time, date, sizeof date);
    ns_article_t a = ns_article_t();
    a.id = (char *)id.c_str();
    a.title = (char *)title;
    a.body = (char *)body;
    a.lang = (char *)"en";
    a.date = date;
    a.time = time;
    CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, "add");
}

static std::set<Xapian::docid> matches(const Xapian::Database &db,
                                       const Xapian::Query &q)
{
    Xapian::Enquire enq(db);
    enq.set_query(q);
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet ms = enq.get_mset(0, db.get_doccount());
    return std::set<Xapian::docid>(ms.begin(), ms.end());
}

static int64_t at(const char *date)
{
    int64_t t = 0;
    CHECK(ns_date_parse(date, &t) == 0, "parse a test date");
    return t;
}

/* The related ids of ID at NOW, sorted. */
static std::vector<std::string> related(ns_index_t *idx, const char *id,
                                        int64_t now)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.now = now;
    o.related = 10;
    ns_results_t *res = nullptr;
    std::vector<std::string> ids;
    CHECK(ns_related_to(idx, id, &o, &res) == NS_STATUS_OK, "related");
    for (size_t i = 0; res && i < ns_results_related_count(res); i++)
        ids.push_back(ns_results_related(res, i)->art->id);
    ns_results_free(res);
    std::sort(ids.begin(), ids.end());
    return ids;
}

static void test_windows(ns_index_t *idx)
{
    const Xapian::Database &db = *idx->db;
    CHECK(has_date_terms(db, idx->time_enc), "a new index has the date terms");
    /* Windows around the articles' own times (edges to the second), and
     * windows of random length anywhere. */
    int bad = 0;
    for (int i = 0; i < 600; i++) {
        int64_t from, to;
        if (i % 2) {
            from = -200000000 + (int64_t)(next_rand() % 2300000000ull);
            to = from + (int64_t)(next_rand() % (3000ull * 86400));
        } else {
            Xapian::docid d =
                1 + (Xapian::docid)(next_rand() % db.get_doccount());
            int64_t t = time_of_value(
                idx->time_enc, db.get_document(d).get_value(SLOT_TIME));
            int64_t len = (int64_t)(next_rand() % (800ull * 86400));
            int64_t edge = (int64_t)(next_rand() % 3) - 1;
            from = i % 4 ? t + edge : t - len;
            to = i % 4 ? t + len : t + edge;
        }
        if (matches(db, window_query(idx->time_enc, from, to, true)) !=
            matches(db, window_query(idx->time_enc, from, to, false)))
            bad++;
    }
    CHECK(bad == 0, "date terms select what the date value selects");
    if (bad)
        fprintf(stderr, "    %d windows differ\n", bad);

    /* The newest article at or before a bound, against every date. */
    int wrong = 0;
    for (int i = 0; i < 200; i++) {
        int64_t bound = -300000000 + (int64_t)(next_rand() % 2400000000ull);
        int64_t want = INT64_MIN;
        for (Xapian::docid d = 1; d <= db.get_lastdocid(); d++) {
            int64_t t = time_of_value(
                idx->time_enc, db.get_document(d).get_value(SLOT_TIME));
            if (t <= bound && t > want)
                want = t;
        }
        if (newest_by_terms(db, idx->time_enc, bound) != want)
            wrong++;
    }
    CHECK(wrong == 0, "newest article at or before a bound");
}

int main(void)
{
    std::string dir = std::string(tl_tmpdir()) + "/idx";
    ns_index_t *idx = nullptr;
    CHECK(ns_index_open(dir.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    /* Articles on the edges of days, months, years and leap days, before
     * and after 1970, and spread at random over 1963-2036. */
    const char *edges[] = {"1968-02-29T23:59:59Z", "1969-12-31T23:59:59Z",
                           "1970-01-01T00:00:00Z", "1999-12-31T23:59:59Z",
                           "2000-01-01T00:00:00Z", "2000-02-29T12:00:00Z",
                           "2000-03-01T00:00:00Z", "2024-01-31T23:59:59Z",
                           "2024-02-01T00:00:00Z", "2024-12-31T00:00:00Z"};
    int n = 0;
    for (const char *e : edges)
        add(idx, "edge-" + std::to_string(n++), at(e), "Edge", "A date edge.");
    for (int i = 0; i < 500; i++) {
        int64_t t = -220000000 + (int64_t)(next_rand() % 2300000000ull);
        add(idx, "r-" + std::to_string(i), t, "Random", "Any day at all.");
    }
    /* A story: its articles within a few days of each other. */
    const char *story[] = {
        "Quarry pumps at Brakstad failed and the quarry pit flooded.",
        "Divers inspected the flooded Brakstad quarry and its broken pumps.",
        "Granittverket hauled new pumps to the flooded Brakstad quarry pit.",
        "The Brakstad quarry flood drained once the pumps ran for a week."};
    int64_t t0 = at("2023-05-10T08:00:00Z");
    for (int i = 0; i < 4; i++)
        add(idx, "story-" + std::to_string(i), t0 + i * 86400,
            ("Brakstad quarry flood, day " + std::to_string(i + 1)).c_str(),
            story[i]);
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit");
    test_windows(idx);

    const int64_t now = t0 + 10 * 86400;
    std::vector<std::string> before = related(idx, "story-0", now);
    CHECK(before.size() == 3, "the story's other articles are related");
    CHECK(idx->date_terms == 1, "related posts use the date terms");

    /* story-2 as an older nindex wrote it: no date terms. */
    Xapian::docid did;
    CHECK(find_id(*idx->db, "story-2", &did), "find story-2");
    Xapian::Document doc = idx->wdb->get_document(did);
    std::vector<std::string> strip;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).rfind(PREFIX_DATE, 0) == 0)
            strip.push_back(*t);
    CHECK(strip.size() == 3, "a year, a month and a day term");
    for (const auto &t : strip)
        doc.remove_term(t);
    idx->wdb->replace_document(did, doc);
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit the old article");
    CHECK(!has_date_terms(*idx->db, idx->time_enc), "an article without terms is noticed");
    std::vector<std::string> after = related(idx, "story-0", now);
    CHECK(idx->date_terms == 0, "related posts fall back to the value");
    CHECK(after == before, "the fallback lists the same articles");
    ns_index_close(idx);
    return tl_done();
}
