/* test_fm_dates.c - The keys that date a front-matter post as Hugo, Astro
 * and Eleventy read them (pubDate, pubdate, published, modified, "date:
 * Last Modified"), and the month-first dates JavaScript's Date reads,
 * which Astro's starters write ("Jul 08 2022"). */
#include <stdint.h>

#include "ingest.h"
#include "testlib.h"

static int64_t at(const char *iso)
{
    int64_t t = 0;
    ns_date_parse(iso, &t);
    return t;
}

/* Month first, as JavaScript's Date reads it; the day-first forms of RSS
 * are read as before, a day's name that is also a month's too. */
static void test_month_first(void)
{
    int64_t t;
    CHECK(ns_date822_parse("Jul 08 2022", &t) == 0 &&
              t == at("2022-07-08T00:00:00Z"),
          "Astro's starter: Jul 08 2022");
    CHECK(ns_date822_parse("July 8, 2022", &t) == 0 &&
              t == at("2022-07-08T00:00:00Z"),
          "July 8, 2022");
    CHECK(ns_date822_parse("Sep 15 2024 10:30", &t) == 0 &&
              t == at("2024-09-15T10:30:00Z"),
          "month first with a time");
    CHECK(ns_date822_parse("Fri Jul 08 2022 10:00:00 GMT+0200 (Central "
                           "European Summer Time)",
                           &t) == 0 &&
              t == at("2022-07-08T08:00:00Z"),
          "what Date's toString() writes");
    CHECK(ns_date822_parse("Mar, 08 Jul 2025 09:00:00 GMT", &t) == 0 &&
              t == at("2025-07-08T09:00:00Z"),
          "a day named as a month, then a comma: day first");
    CHECK(ns_date822_parse("Mar 08 Jul 2025 09:00:00 GMT", &t) == 0 &&
              t == at("2025-07-08T09:00:00Z"),
          "a day named as a month, no comma: day first");
    CHECK(ns_date822_parse("Fri, 08 Jul 2022 10:00:00 +0000", &t) == 0 &&
              t == at("2022-07-08T10:00:00Z"),
          "RFC 822 as before");
    const char *bad[] = {"Jul 08",      "Jul 2022",        "Jul 32 2022",
                         "Feb 30 2022", "Jul 08 22",       "Jul 08 20222",
                         "Jul08 2022",  "Jul 08 2022 junk"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(ns_date822_parse(bad[i], &t) < 0, bad[i]);
}

/* TEXT as a Markdown file's text into A; returns what
 * ns_article_from_text returns. */
static int parse(const char *text, ns_article_t *a, char *err, size_t size)
{
    unsigned line = 0;
    err[0] = '\0';
    return ns_article_from_text(text, strlen(text), "p.md", a, err, size,
                                &line);
}

/* Each of Hugo's date keys dates the post, the first of date,
 * publishDate, pubdate, published, lastmod and modified winning in any
 * order; Jekyll's boolean published is no date. */
static void test_date_keys(void)
{
    static const struct {
        const char *text, *date, *name;
    } cases[] = {
        {"---\ntitle: 'Seals'\npubDate: 'Jul 08 2022'\n---\nB\n",
         "2022-07-08T00:00:00Z", "Astro's pubDate"},
        {"---\npubdate: 2025-03-01\n---\nB\n", "2025-03-01T00:00:00Z",
         "pubdate"},
        {"---\npublished: 2025-03-02\n---\nB\n", "2025-03-02T00:00:00Z",
         "a published date"},
        {"---\nmodified: 2025-03-03\n---\nB\n", "2025-03-03T00:00:00Z",
         "modified"},
        {"---\nlastmod: 2025-01-01\npubDate: 2025-02-02\n---\nB\n",
         "2025-02-02T00:00:00Z", "pubDate before lastmod"},
        {"---\npubDate: 2025-02-02\npublishDate: 2025-03-03\n---\nB\n",
         "2025-03-03T00:00:00Z", "publishDate before pubDate"},
        {"---\npubDate: 2025-02-02\ndate: 2025-01-01\n---\nB\n",
         "2025-01-01T00:00:00Z", "date before pubDate"},
        {"---\npublished: true\nlastmod: 2025-04-04\n---\nB\n",
         "2025-04-04T00:00:00Z", "published: true is no date"},
        {"+++\npubDate = 2024-03-15\n+++\nB\n", "2024-03-15T00:00:00Z",
         "TOML pubDate"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ns_article_t a;
        char err[256];
        int rc = parse(cases[i].text, &a, err, sizeof err);
        CHECK(rc == 0, cases[i].name);
        if (rc == 0)
            CHECK_STR(a.date, cases[i].date, cases[i].name);
        if (rc == 0)
            ns_article_clear(&a);
    }
    ns_article_t a;
    char err[256];
    CHECK(parse("---\npubDate: someday\n---\nB\n", &a, err, sizeof err) == 0 &&
              !a.date && a.warning &&
              strstr(a.warning, "unparsable date 'someday'"),
          "a pubDate that is no date: kept undated, with a warning");
    ns_article_clear(&a);
}

/* Eleventy's words for the file's time: no error, no date from the
 * header, and the reader is told to date it by its file. */
static void test_file_time_words(void)
{
    const char *words[] = {"Last Modified", "Created", "git Last Modified",
                           "git Created", "'last modified'"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        char text[128];
        snprintf(text, sizeof text,
                 "---\npubDate: 2020-01-01\ndate: %s\n---\nB\n", words[i]);
        ns_article_t a;
        char err[256];
        int rc = parse(text, &a, err, sizeof err);
        CHECK(rc == 0 && !a.date, words[i]);
        if (rc == 0)
            ns_article_clear(&a);
        CHECK(ns_frontmatter_dated_by_file(text, strlen(text)), words[i]);
    }
    const char *plain = "---\ndate: 2025-01-01\n---\nB\n";
    const char *title = "---\ntitle: Created\n---\nB\n";
    CHECK(!ns_frontmatter_dated_by_file(plain, strlen(plain)) &&
              !ns_frontmatter_dated_by_file(title, strlen(title)),
          "a date, or the word under another key, is not the file's time");
}

int main(void)
{
    test_month_first();
    test_date_keys();
    test_file_time_words();
    return tl_done();
}
