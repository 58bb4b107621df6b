/* test_date822_zones.c - Zone names in <pubDate>: MET and MEST (the tz
 * database's Central European time) read with their offsets, where they
 * were UTC; a name of unknown offset is UTC, as RFC 822 says, and the
 * reader now says so instead of nothing. */
#include "readlib.h"

static int64_t at(const char *iso)
{
    int64_t t = 0;
    ns_date_parse(iso, &t);
    return t;
}

static int unknown(const char *text, const char *want)
{
    char zone[8] = "";
    int rc = ns_date822_unknown_zone(text, zone, sizeof zone);
    return want ? rc == 1 && !strcmp(zone, want) : rc == 0;
}

int main(void)
{
    int64_t t;
    CHECK(ns_date822_parse("Tue, 07 Oct 2025 10:00:00 MET", &t) == 0 &&
              t == at("2025-10-07T09:00:00Z"),
          "MET is +1");
    CHECK(ns_date822_parse("Tue, 07 Oct 2025 10:00:00 MEST", &t) == 0 &&
              t == at("2025-10-07T08:00:00Z"),
          "MEST is +2");
    CHECK(unknown("Tue, 07 Oct 2025 10:00:00 MET", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00 GMT", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00 UT", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00 Z", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00 CEST", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00 GMT+1", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00 +0000 XYZ", NULL) &&
              unknown("Tue, 07 Oct 2025 10:00:00", NULL) &&
              unknown("not a date XYZ", NULL),
          "a known zone, an offset, or no zone: nothing unknown");
    CHECK(unknown("Tue, 07 Oct 2025 10:00:00 XYZ", "XYZ") &&
              unknown("07 Oct 2025 10:00 A", "A"),
          "a name of unknown offset is named");
    CHECK(ns_date822_parse("Tue, 07 Oct 2025 10:00:00 XYZ", &t) == 0 &&
              t == at("2025-10-07T10:00:00Z"),
          "and read as UTC");

    ns_article_t a = {0};
    char err[256] = "";
    CHECK(ns_set_date(&a, "Tue, 07 Oct 2025 10:00:00 XYZ", err, sizeof err) ==
                  0 &&
              a.date && !strcmp(a.date, "2025-10-07T10:00:00Z") && a.warning &&
              !strcmp(a.warning, "unknown time zone 'XYZ' in date 'Tue, 07 "
                                 "Oct 2025 10:00:00 XYZ'; read as UTC"),
          "ns_set_date warns of it");
    ns_article_clear(&a);
    memset(&a, 0, sizeof a);
    CHECK(ns_set_date(&a, "Tue, 07 Oct 2025 10:00:00 MEST", err, sizeof err) ==
                  0 &&
              a.date && !strcmp(a.date, "2025-10-07T08:00:00Z") && !a.warning,
          "and not of MEST");
    ns_article_clear(&a);

    static const char FEED[] =
        "<rss version=\"2.0\"><channel><title>Site</title>"
        "<item><title>Story</title><link>https://ex.org/s/</link>"
        "<pubDate>Tue, 07 Oct 2025 10:00:00 XYZ</pubDate>"
        "<description>A story.</description></item>"
        "</channel></rss>";
    struct tally tl;
    read_all(tl_write("zone.rss", FEED, sizeof FEED - 1), &tl);
    CHECK(tl.ok == 1 && tl.first.date &&
              !strcmp(tl.first.date, "2025-10-07T10:00:00Z") &&
              strstr(tl.warnings, "unknown time zone 'XYZ'"),
          "a feed item: dated as UTC, with the warning");
    tally_free(&tl);
    return tl_done();
}
