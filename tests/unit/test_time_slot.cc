/* test_time_slot.cc - Article times in their value slot (time-slot.cc):
 * the encoding of a new index keeps the order of every second, before
 * 1970 too, where sortable_serialise() does not; a new index is stamped
 * with it, an index made the old way keeps the old way when written
 * again, and shards that keep times differently are not merged. */
#include "index-private.h"
#include "testlib.h"

#include <algorithm>
#include <cstdlib>
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

/* Seconds around the points where order is easy to lose: the epoch,
 * midnights of 1963 (where sortable_serialise() shortens values), 1850,
 * 2262 (past 64-bit nanoseconds), the ends of int64; and at random. */
static std::vector<int64_t> sweep(void)
{
    std::vector<int64_t> v;
    const int64_t centres[] = {0,           -209520000,  -210038400,
                               -86400,      -3786825600, 9223372036,
                               4102444800,  INT64_MIN + 300, INT64_MAX - 300};
    for (int64_t c : centres)
        for (int64_t d = -300; d <= 300; d++)
            v.push_back(c + d);
    for (int i = 0; i < 200000; i++)
        v.push_back((int64_t)(next_rand() % 600000000000ull) - 300000000000);
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

static void test_order(void)
{
    const std::vector<int64_t> v = sweep();
    size_t out_of_order = 0, wrong_back = 0, old_out_of_order = 0;
    for (size_t i = 0; i < v.size(); i++) {
        const std::string a = time_value(TIME_ORDERED, v[i]);
        if (a.size() != 8 || time_of_value(TIME_ORDERED, a) != v[i])
            wrong_back++;
        if (i == 0)
            continue;
        if (!(time_value(TIME_ORDERED, v[i - 1]) < a))
            out_of_order++;
        /* Within what a double holds exactly, as the old values are. */
        if (v[i] > -(1LL << 52) && v[i - 1] > -(1LL << 52) &&
            v[i] < (1LL << 52) &&
            !(time_value(TIME_SORTABLE, v[i - 1]) <
              time_value(TIME_SORTABLE, v[i])))
            old_out_of_order++;
    }
    CHECK(out_of_order == 0, "every second in order, 1850 to 2262 and past");
    CHECK(wrong_back == 0, "every second read back as written");
    if (out_of_order || wrong_back)
        fprintf(stderr, "    %zu out of order, %zu read back wrong of %zu\n",
                out_of_order, wrong_back, v.size());
    /* Why there is a new encoding: 1963-05-12T23:59:59Z after midnight. */
    CHECK(time_value(TIME_SORTABLE, -209520001) >
              time_value(TIME_SORTABLE, -209520000),
          "sortable_serialise() misorders a second of 1963");
    CHECK(old_out_of_order > 0, "... and others of the sweep");
    CHECK(time_of_value(TIME_SORTABLE,
                        time_value(TIME_SORTABLE, -3786825600)) == -3786825600,
          "the old encoding is still read back");
}

static void add(ns_index_t *idx, const char *id, int64_t t)
{
    char date[40];
    ns_date_format(t, date, sizeof date);
    ns_article_t a = ns_article_t();
    a.id = (char *)id;
    a.title = (char *)"Harbour";
    a.body = (char *)"The harbour story.";
    a.lang = (char *)"en";
    a.date = date;
    a.time = t;
    CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, "add");
}

/* The Xapian database of the index at DIR. */
static std::string dbpath(const std::string &dir)
{
    ns_index_t *idx = nullptr;
    CHECK(ns_index_open(dir.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read");
    std::string path = idx ? idx->dbpath : dir;
    ns_index_close(idx);
    return path;
}

/* The ids of DIR's articles oldest first, by the time slot. */
static std::string oldest_first(const std::string &dir)
{
    Xapian::Database db(dbpath(dir));
    Xapian::Enquire enq(db);
    enq.set_query(Xapian::Query::MatchAll);
    enq.set_sort_by_value(SLOT_TIME, false);
    std::string ids;
    Xapian::MSet ms = enq.get_mset(0, 100);
    for (auto it = ms.begin(); it != ms.end(); ++it) {
        Xapian::Document doc = it.get_document();
        std::string data;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if ((*t)[0] == PREFIX_ID[0])
                data = (*t).substr(1);
        ids += (ids.empty() ? "" : " ") + data;
    }
    return ids;
}

static std::string make_index(const std::string &dir, bool old)
{
    if (old)
        setenv("NSEARCH_OLD_TIMES", "1", 1);
    else
        unsetenv("NSEARCH_OLD_TIMES");
    ns_index_t *idx = nullptr;
    CHECK(ns_index_open(dir.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    add(idx, "b", -209520000); /* 1963-05-13T00:00:00Z */
    add(idx, "a", -209520001); /* 1963-05-12T23:59:59Z */
    add(idx, "c", 0);
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit");
    ns_index_close(idx);
    unsetenv("NSEARCH_OLD_TIMES");
    return Xapian::Database(dbpath(dir)).get_metadata(META_TIME);
}

static void test_indexes(void)
{
    const std::string tmp = tl_tmpdir();
    const std::string fresh = tmp + "/new", old = tmp + "/old";
    /* Each result held in a variable: CHECK_STR keeps the pointer it is
     * given past the end of its first statement, where a temporary
     * string is gone. */
    const std::string stamp_new = make_index(fresh, false);
    CHECK_STR(stamp_new.c_str(), "2", "a new index is stamped");
    const std::string order_new = oldest_first(fresh);
    CHECK_STR(order_new.c_str(), "a b c", "a new index sorts 1963 in order");
    const std::string stamp_old = make_index(old, true);
    CHECK_STR(stamp_old.c_str(), "", "an index made the old way has no stamp");
    const std::string order_old = oldest_first(old);
    CHECK_STR(order_old.c_str(), "b a c",
              "... and misorders its seconds of 1963");

    /* Written again by this version, the old index stays one way. */
    ns_index_t *idx = nullptr;
    CHECK(ns_index_open(old.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open the old index");
    CHECK(idx->time_enc == TIME_SORTABLE, "it is written the old way");
    add(idx, "d", -3786825600); /* 1850 */
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit to the old index");
    ns_index_close(idx);
    const std::string stamp_after =
        Xapian::Database(dbpath(old)).get_metadata(META_TIME);
    CHECK_STR(stamp_after.c_str(), "", "it is still unstamped");
    Xapian::Database odb(dbpath(old));
    CHECK(time_of_value(TIME_SORTABLE,
                        odb.get_document(4).get_value(SLOT_TIME)) ==
              -3786825600,
          "its new article's time is kept the old way");

    /* Merging the two would mix the encodings. */
    const std::string fresh_db = dbpath(fresh), old_db = dbpath(old);
    const char *both[] = {fresh_db.c_str(), old_db.c_str()};
    char *err = nullptr;
    CHECK(ns_index_merge(both, 2, (tmp + "/merged").c_str(), &err) !=
              NS_STATUS_OK,
          "shards that keep times differently are not merged");
    CHECK(err && strstr(err, "keep article times differently") &&
              strstr(err, "nindex --rebuild"),
          "... saying which to rebuild");
    free(err);
    const char *news[] = {fresh_db.c_str()};
    err = nullptr;
    CHECK(ns_index_merge(news, 1, (tmp + "/merged2").c_str(), &err) ==
              NS_STATUS_OK,
          "a merge of new shards");
    free(err);
    const std::string stamp_merged =
        Xapian::Database(tmp + "/merged2").get_metadata(META_TIME);
    CHECK_STR(stamp_merged.c_str(), "2", "... keeps the stamp");
}

int main(void)
{
    test_order();
    test_indexes();
    return tl_done();
}
