/* test_date_dmy.c - Dates written day first, as Norwegian, Danish,
 * Swedish and German archives write them: read, with the feed reader's
 * month names, where each such article was skipped; the ambiguous and the
 * impossible still refused. */
#include "readlib.h"

static int64_t at(const char *iso)
{
    int64_t t = 0;
    ns_date_parse(iso, &t);
    return t;
}

static int reads(const char *text, const char *iso)
{
    int64_t t;
    return ns_date_dmy_parse(text, &t) == 0 && t == at(iso);
}

int main(void)
{
    int64_t t;
    char day[16];
    CHECK(reads("05.12.2026", "2026-12-05") && reads("5.1.2026", "2026-01-05"),
          "D.M.YYYY and DD.MM.YYYY");
    CHECK(reads("05.12.2026 08:15", "2026-12-05T08:15:00Z") &&
              reads("05.12.2026 08.15", "2026-12-05T08:15:00Z") &&
              reads("05.12.2026 kl. 08.15", "2026-12-05T08:15:00Z") &&
              reads("05.12.2026 08:15:30", "2026-12-05T08:15:30Z"),
          "a time, as UTC");
    CHECK(reads("5. desember 2026", "2026-12-05") &&
              reads("5. des. 2026", "2026-12-05") &&
              reads("5 des 2026 kl 08.15", "2026-12-05T08:15:00Z") &&
              reads("5. mars 2026", "2026-03-05") &&
              reads("12. maj 2026", "2026-05-12") &&
              reads("3. März 2026", "2026-03-03") &&
              reads("7. okt. 2026", "2026-10-07"),
          "month names of the feed reader");
    CHECK(reads("lørdag 5. desember 2026 kl. 08.15", "2026-12-05T08:15:00Z") &&
              reads("Sa., 5. Dez. 2026 08:15", "2026-12-05T08:15:00Z"),
          "a weekday before");
    CHECK(ns_date_dmy_parse("05.12.26", &t) < 0 &&
              ns_date_dmy_parse("5. desember 26", &t) < 0 &&
              ns_date_dmy_parse("05.12.20266", &t) < 0,
          "a year of other than four digits refused");
    CHECK(ns_date_dmy_parse("32.12.2026", &t) < 0 &&
              ns_date_dmy_parse("31.04.2026", &t) < 0 &&
              ns_date_dmy_parse("29.02.2026", &t) < 0 &&
              ns_date_dmy_parse("05.13.2026", &t) < 0 &&
              ns_date_dmy_parse("005.12.2026", &t) < 0,
          "an impossible day refused");
    CHECK(ns_date_dmy_parse("5. foo 2026", &t) < 0 &&
              ns_date_dmy_parse("5. 2026", &t) < 0,
          "no month name refused");
    CHECK(ns_date_dmy_parse("05.12.2026 24:00", &t) < 0 &&
              ns_date_dmy_parse("05.12.2026 08:5", &t) < 0 &&
              ns_date_dmy_parse("05.12.2026 08.15.30", &t) < 0 &&
              ns_date_dmy_parse("05.12.2026 soon", &t) < 0,
          "a broken time refused");
    CHECK(ns_date_dmy_day("05.12.2026", day, sizeof day) == 0 &&
              !strcmp(day, "2026-12-05") &&
              ns_date_dmy_day("5.9.2025", day, sizeof day) == 0 &&
              !strcmp(day, "2025-09-05"),
          "a day for the filters, as ISO");
    CHECK(ns_date_dmy_day("05.12.26", day, sizeof day) < 0 &&
              ns_date_dmy_day("31.04.2026", day, sizeof day) < 0 &&
              ns_date_dmy_day("05.12.2026 08:15", day, sizeof day) < 0 &&
              ns_date_dmy_day("2026-12-05", day, sizeof day) < 0,
          "a filter's day: the day alone");
    return tl_done();
}
