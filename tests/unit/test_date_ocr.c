/* test_date_ocr.c - Dates as digitized (OCR'd) archives print them: the
 * day's ordinal, a month alone, a two-digit year whose weekday names its
 * century, and month names garbled by OCR, which are no months. */
#include "testlib.h"

#include "ingest.h"

static int64_t at(const char *iso)
{
    int64_t t = 0;
    ns_date_parse(iso, &t);
    return t;
}

int main(void)
{
    int64_t t;
    CHECK(ns_date822_parse("Jan. 5th, 1923", &t) == 0 &&
              t == at("1923-01-05"),
          "month first with an ordinal");
    CHECK(ns_date822_parse("5th January 1923", &t) == 0 &&
              t == at("1923-01-05"),
          "day first with an ordinal");
    CHECK(ns_date822_parse("22nd Sept. 1931", &t) == 0 &&
              t == at("1931-09-22"),
          "22nd, Sept.");
    CHECK(ns_date822_parse("5 Janxyz 1923", &t) < 0 &&
              ns_date822_parse("Marc 5, 1923", &t) < 0,
          "a garbled month name is no month");
    CHECK(ns_date822_parse("5 Janu. 1923", &t) == 0 && t == at("1923-01-05"),
          "a longer abbreviation ended by a full stop");
    CHECK(ns_date822_parse("5 Januar 1923", &t) == 0 &&
              ns_date822_parse("5 augusti 1923", &t) == 0 &&
              ns_date822_parse("5 septembre 1923", &t) == 0,
          "full names in the other languages");

    CHECK(ns_date822_parse("5 Jan 23", &t) < 0,
          "a two-digit year alone is not guessed");
    CHECK(ns_date822_parse("Fri, 05 Jan 23", &t) == 0 &&
              t == at("1923-01-05"),
          "a Friday: 1923");
    CHECK(ns_date822_parse("Thu, 05 Jan 23", &t) == 0 &&
              t == at("2023-01-05"),
          "a Thursday: 2023");
    CHECK(ns_date822_parse("fre, 05 jan 23", &t) == 0 &&
              t == at("1923-01-05"),
          "a Norwegian Friday");
    CHECK(ns_date822_parse("Mon, 05 Jan 23", &t) < 0,
          "a weekday that fits neither century");

    char out[64];
    CHECK(ns_date822_feed_year("05 Jan 23 10:00 GMT", out, sizeof out) &&
              !strcmp(out, "05 Jan 2023 10:00 GMT"),
          "a feed's two-digit year: RFC 2822's window");
    CHECK(ns_date822_feed_year("Fri, 05 Jan 23 10:00 GMT", out, sizeof out) &&
              !strcmp(out, "Fri, 05 Jan 1923 10:00 GMT"),
          "a feed's weekday picks the century");
    CHECK(!ns_date822_feed_year("Mon, 05 Jan 23", out, sizeof out) &&
              !ns_date822_feed_year("05 Jan 2023", out, sizeof out),
          "no four digits for a contradicting weekday or a full year");

    int y = 0, m = 0;
    CHECK(ns_date822_month_year("January 1923", &y, &m) && y == 1923 &&
              m == 1,
          "a month and a year");
    CHECK(ns_date822_month_year("Sept. 1931", &y, &m) && y == 1931 && m == 9,
          "Sept. 1931");
    CHECK(!ns_date822_month_year("circa 1910", &y, &m) &&
              !ns_date822_month_year("January 5 1923", &y, &m),
          "no month, or a day too");
    return tl_done();
}
