/* test_date_space_time.cc - A date-time pasted with a space before its
 * time (date:1963-07-05 10:00, as RFC 3339 allows and SQL writes one) is
 * read as the T form is: its day, the time left out.  The time searched
 * as a word found no article beside the date, with no word why.  A time
 * that follows no date: filter is a word as before. */
#include "index-private.h"
#include "testlib.h"

#include <string>

static char db[4096];

static void build(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open for writing");
    tl_add_json(idx, "{\"id\":\"a\",\"title\":\"Berlin talks begin\","
                     "\"body\":\"The talks in Berlin.\",\"date\":"
                     "\"1963-07-05T09:00:00Z\"}");
    tl_add_json(idx, "{\"id\":\"b\",\"title\":\"Peking answers\",\"body\":"
                     "\"Talks again.\",\"date\":\"1963-07-05T18:00:00Z\"}");
    tl_add_json(idx, "{\"id\":\"c\",\"title\":\"Train times\",\"body\":"
                     "\"The 10:00 train to Berlin.\",\"date\":"
                     "\"1963-07-06T08:00:00Z\"}");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

/* The total of QUERY, and in *WARNING whether it warned. */
static uint64_t total_of(ns_index_t *idx, const char *query,
                         bool *warning = nullptr)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    o.snippet_len = 0;
    o.suggest = 0;
    ns_results_t *res;
    if (ns_search(idx, &o, &res) != NS_STATUS_OK)
        return (uint64_t)-1;
    uint64_t t = ns_results_total(res);
    if (warning)
        *warning = ns_results_warning(res) != nullptr;
    ns_results_free(res);
    return t;
}

static void test_space_time(void)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK, "open");
    bool warned = true;
    CHECK(total_of(idx, "date:1963-07-05T10:00") == 2, "the T form: the day");
    CHECK(total_of(idx, "date:1963-07-05 10:00", &warned) == 2,
          "a space for the T: the day");
    CHECK(!warned, "... as the T form, with no warning");
    CHECK(total_of(idx, "date:1963-07-05 10:00:00Z") == 2, "seconds and Z");
    CHECK(total_of(idx, "date:1963-07-05 9:00+02:00") == 2, "an offset");
    CHECK(total_of(idx, "talks date:1963-07-05 10:00") == 2,
          "a word before it");
    CHECK(total_of(idx, "date:1963-07-05 10:00 berlin") == 1,
          "a word after it is searched");
    CHECK(total_of(idx, "date:1963-07-05 10:00 .. 1963-07-06 08:00") == 3,
          "a range of date-times");
    /* Not after a day: a month has no time, and a time alone is words. */
    CHECK(total_of(idx, "10:00 train") == 1, "a time alone is searched");
    CHECK(total_of(idx, "date:1963-07 10:00") == 1,
          "after a month: searched as words");
    CHECK(total_of(idx, "date:1963-07-05 1000") == 0,
          "a number is no time: searched");
    ns_index_close(idx);
}

int main(void)
{
    snprintf(db, sizeof db, "%s/db", tl_tmpdir());
    build();
    test_space_time();
    return tl_done();
}
