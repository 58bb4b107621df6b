/* test_date822_names.c - <pubDate>s written in the site's language
 * (Norwegian, Danish, Swedish, German): read, where every item with one
 * was skipped. */
#include "readlib.h"

static int64_t at(const char *iso)
{
    int64_t t = 0;
    ns_date_parse(iso, &t);
    return t;
}

int main(void)
{
    int64_t t;
    CHECK(ns_date822_parse("ons, 20 mai 2025 08:00:00 +0200", &t) == 0 &&
              t == at("2025-05-20T06:00:00Z"),
          "Norwegian: ons, 20 mai");
    CHECK(ns_date822_parse("lør, 13 des 2025 10:00:00 +0100", &t) == 0 &&
              t == at("2025-12-13T09:00:00Z"),
          "Norwegian: a day name with ø, des");
    CHECK(ns_date822_parse("tir, 07 okt. 2025 12:00:00 GMT", &t) == 0 &&
              t == at("2025-10-07T12:00:00Z"),
          "Norwegian: okt. with its dot");
    CHECK(ns_date822_parse("fre, 16 maj 2025 09:00:00 +0200", &t) == 0 &&
              t == at("2025-05-16T07:00:00Z"),
          "Danish and Swedish: maj");
    CHECK(ns_date822_parse("Mi., 05 Mär 2025 09:00:00 +0100", &t) == 0 &&
              t == at("2025-03-05T08:00:00Z"),
          "German: Mi., Mär");
    CHECK(ns_date822_parse("Do, 11 Dez 2025 09:00:00 +0100", &t) == 0 &&
              t == at("2025-12-11T08:00:00Z"),
          "German: Dez");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 +0000", &t) == 0 &&
              t == at("2025-08-06T09:30:00Z"),
          "English as before");
    CHECK(ns_date822_parse("20 mau 2025 08:00:00 GMT", &t) < 0 &&
              ns_date822_parse("20 m 2025 08:00:00 GMT", &t) < 0,
          "a name of no month refused");

    static const char FEED[] =
        "<rss version=\"2.0\"><channel><title>Lokalavisa</title>"
        "<language>no</language><item><title>Ferja står</title>"
        "<guid>n1</guid><pubDate>ons, 20 mai 2025 08:00:00 +0200</pubDate>"
        "<description>Ferja står i dag.</description></item>"
        "</channel></rss>";
    struct tally tl;
    read_all(tl_write("lokal.rss", FEED, sizeof FEED - 1), &tl);
    CHECK(tl.ok == 1 && tl.bad == 0 && tl.first.date &&
              !strcmp(tl.first.date, "2025-05-20T06:00:00Z"),
          "a feed item dated in Norwegian: read and dated");
    tally_free(&tl);
    return tl_done();
}
