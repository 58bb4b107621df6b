/* test_frontmatter.c - Front matter as Hugo and Jekyll sites write it (YAML
 * and TOML), and the date forms they use, in front matter and JSON Lines
 * alike. */
#include <stdint.h>

#include "ingest.h"
#include "testlib.h"

/* Jekyll's own date form, a space before a "+HHMM" offset, and a zone
 * named UTC are read; what says nothing about the calendar still is not. */
static void test_date_zone_after_space(void)
{
    int64_t t, want;
    ns_date_parse("2025-07-01T07:00:00Z", &want);
    CHECK(ns_date_parse("2025-07-01 09:00:00 +0200", &t) == 0 && t == want,
          "Jekyll: space, then +HHMM");
    CHECK(ns_date_parse("2025-07-01T09:00:00 +02:00", &t) == 0 && t == want,
          "space, then +HH:MM");
    CHECK(ns_date_parse("2025-07-01 03:00 -0400", &t) == 0 && t == want,
          "no seconds, space, then a negative offset");
    CHECK(ns_date_parse("2025-07-01T07:00:00 UTC", &t) == 0 && t == want,
          "zone named UTC");
    CHECK(ns_date_parse("2025-07-01T07:00:00 Z", &t) == 0 && t == want,
          "space, then Z");
    CHECK(ns_date_parse("2025-07-01 07:00:00 gmt", &t) == 0 && t == want,
          "zone named GMT, any case");
    CHECK(ns_date_parse("2025-07-01T07:00:00UTC", &t) == 0 && t == want,
          "UTC right after the time");
    const char *bad[] = {"1700000000",
                         "2025-07-01 UTC",
                         "2025-07-01 +0200",
                         "2025-07-01T07:00:00 UTCX",
                         "2025-07-01T07:00:00 CEST",
                         "2025-07-01T07:00:00 +",
                         "2025-07-01T07:00:00  junk",
                         "2025-07-01T07:00:00 +0200 x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(ns_date_parse(bad[i], &t) < 0, bad[i]);
}

/* The same forms in a JSON Lines record and in front matter. */
static void test_date_forms_in_records(void)
{
    const char *line = "{\"id\":\"d\",\"title\":\"t\",\"date\":"
                       "\"2025-08-15T10:00:00 UTC\"}";
    ns_article_t a;
    char err[256];
    unsigned err_line = 0;
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "JSON Lines: a date with a named zone");
    CHECK_STR(a.date, "2025-08-15T10:00:00Z", "JSON Lines: the date");
    ns_article_clear(&a);
    const char *text = "---\r\ntitle: CRLF\r\n"
                       "date: 2025-07-01 09:00:00 +0200\r\n---\r\nBody\r\n";
    CHECK(ns_article_from_text(text, strlen(text), "j.markdown", &a, err,
                               sizeof err, &err_line) == 0,
          "Jekyll front matter: the date is read");
    CHECK_STR(a.date, "2025-07-01T07:00:00Z", "Jekyll front matter: in UTC");
    ns_article_clear(&a);
}

int main(void)
{
    test_date_zone_after_space();
    test_date_forms_in_records();
    return tl_done();
}
