/* test_date_no_date.c - Go's zero time, 0001-01-01T00:00:00, which Hugo
 * writes for a page that has no date: the article is kept undated, with
 * a warning, where it was dated year 1 and led every search by date. */
#include "readlib.h"

static const char *set(const char *value, ns_article_t *a)
{
    char err[256] = "";
    memset(a, 0, sizeof *a);
    if (ns_set_date(a, value, err, sizeof err) < 0)
        return "refused";
    return a->date ? a->date : "undated";
}

int main(void)
{
    ns_article_t a;
    static const char *const none[] = {
        "0001-01-01T00:00:00Z",          "0001-01-01T00:00:00+01:00",
        "0001-01-01T00:00:00-05:00",     "0001-01-01 00:00:00",
        "0001-01-01T00:00:00.000Z",      "Mon, 01 Jan 0001 00:00:00 +0000",
        "Mon, 01 Jan 0001 00:00:00 GMT", "1 Jan 0001 00:00 +0100",
    };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        CHECK(ns_date_no_date(none[i]), none[i]);
        CHECK(!strcmp(set(none[i], &a), "undated") && a.warning &&
                  strstr(a.warning, "date 0001-01-01 is a \"no date\" "
                                    "placeholder; the article is kept "
                                    "undated"),
              "kept undated, with a warning");
        ns_article_clear(&a);
    }
    static const char *const dates[] = {
        "0001-01-01T00:00:01Z", "0001-01-02T00:00:00Z",
        "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 +0000",
        "Mon, 01 Jan 2001 00:00:00 +0000",
    };
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        CHECK(!ns_date_no_date(dates[i]), dates[i]);
        CHECK(strcmp(set(dates[i], &a), "undated") && !a.warning,
              "a real date, even the epoch, is a date");
        ns_article_clear(&a);
    }

    /* In a feed the first date that reads wins: the placeholder does not
     * read, so that the item's <dc:date> dates it. */
    static const char FEED[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>Site</title>"
        "<item><title>Story</title><link>https://ex.org/s/</link>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate>"
        "<dc:date>2024-05-01T10:00:00Z</dc:date>"
        "<description>A story.</description></item>"
        "</channel></rss>";
    struct tally tl;
    read_all(tl_write("hugo.rss", FEED, sizeof FEED - 1), &tl);
    CHECK(tl.ok == 1 && tl.first.date &&
              !strcmp(tl.first.date, "2024-05-01T10:00:00Z") && !*tl.warnings,
          "a placeholder <pubDate> gives way to <dc:date>");
    tally_free(&tl);
    return tl_done();
}
