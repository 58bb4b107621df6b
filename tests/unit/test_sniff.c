/* test_sniff.c - Formats that the first 4 KiB of a file do not settle: a
 * JSON Feed on one line with its keys sorted, whose "version" comes after
 * its "items".  What those bytes do settle is in test_ingest.c
 * (test_sniff). */
#include <zlib.h>

#include "readlib.h"

/* A JSON Feed of N items on one line, its keys in sorted order (as
 * json.dumps(sort_keys=True), jq -cS and Go's json.Marshal of a map write
 * it): "items" before "version", which is past the first 4 KiB.  ESCAPED
 * writes the slashes of the version "\/", as PHP's json_encode does.
 * BAD_ITEM (1-based, 0 for none) is an item without id or url. */
static void sorted_feed(ns_buf_t *out, int n, int escaped, int bad_item)
{
    ns_buf_reset(out);
    ns_buf_puts(out, "{\"home_page_url\":\"https://x.example/\",\"items\":[");
    for (int i = 0; i < n; i++) {
        char item[1024];
        char id[64] = "";
        if (i + 1 != bad_item)
            snprintf(id, sizeof id,
                     "\"id\":\"https://x.example/p/%d\",\"url\":\"https://"
                     "x.example/p/%d\",",
                     i, i);
        snprintf(item, sizeof item,
                 "%s{\"content_html\":\"<p>Some text of post %d. Lorem ipsum "
                 "dolor sit amet, consectetur adipiscing elit, sed do "
                 "eiusmod tempor incididunt ut labore et dolore magna "
                 "aliqua. Ut enim ad minim veniam, quis nostrud exercitation "
                 "ullamco laboris nisi ut aliquip ex ea commodo "
                 "consequat.</p>\",\"date_published\":\"2025-08-%02dT10:00:"
                 "00Z\",%s\"title\":\"Post number %d\"}",
                 i ? "," : "", i, i % 28 + 1, id, i);
        ns_buf_puts(out, item);
    }
    ns_buf_puts(out, "],\"title\":\"X\",\"version\":");
    ns_buf_puts(out, escaped ? "\"https:\\/\\/jsonfeed.org\\/version\\/1.1\"}"
                             : "\"https://jsonfeed.org/version/1.1\"}");
}

/* Read SOURCE, counting its articles and errors; the last id into LAST. */
static void read_count(const char *source, int *ok, int *bad, char *last,
                       size_t size)
{
    ns_reader_t *r;
    ns_article_t a = {0};
    *ok = *bad = 0;
    last[0] = '\0';
    if (ns_reader_open(source, &r, NULL) != NS_STATUS_OK) {
        *bad = -1;
        return;
    }
    int rc;
    while ((rc = ns_reader_next(r, &a)) != 0) {
        if (rc > 0)
            snprintf(last, size, "%s", a.id);
        *(rc > 0 ? ok : bad) += 1;
    }
    ns_article_clear(&a);
    ns_reader_close(r);
}

/* The sorted feed is read as a feed, not as one JSON Lines record. */
static void test_sorted_json_feed(void)
{
    ns_buf_t feed = {0};
    struct tally t;
    sorted_feed(&feed, 12, 0, 0);
    CHECK(feed.len > 4096 && strstr(feed.p, "\"version\"") - feed.p > 4096,
          "sorted feed: its version is past the first 4 KiB");
    const char *path = tl_write("sorted.json", feed.p, feed.len);
    read_all(path, &t);
    CHECK(t.ok == 12 && t.bad == 0, "sorted feed: every item an article");
    CHECK(has(t.ids, "https://x.example/p/0\n") &&
              has(t.ids, "https://x.example/p/11\n"),
          "sorted feed: the items' ids");
    CHECK(has(t.titles, "Post number 11\n"), "sorted feed: the titles");
    CHECK(t.first.body && has(t.first.body, "Some text of post 0."),
          "sorted feed: content_html is the body");
    tally_free(&t);

    /* With a newline at its end, and no name that says JSON. */
    ns_buf_puts(&feed, "\n");
    path = tl_write("feed", feed.p, feed.len);
    read_all(path, &t);
    CHECK(t.ok == 12 && t.bad == 0, "sorted feed, no extension: read");
    tally_free(&t);

    /* Gzipped: the bytes after the first line are in the reader's buffer
     * when the feed is found, and must reach the feed's parser. */
    sorted_feed(&feed, 400, 0, 0);
    char gzpath[4096];
    snprintf(gzpath, sizeof gzpath, "%s/big.json.gz", tl_tmpdir());
    gzFile gz = gzopen(gzpath, "wb");
    gzwrite(gz, feed.p, (unsigned)feed.len);
    static const char NEXT[] = "\n{\"id\":\"after\",\"title\":\"Next\"}\n";
    gzwrite(gz, NEXT, sizeof NEXT - 1);
    gzclose(gz);
    int ok, bad;
    char last[64];
    read_count(gzpath, &ok, &bad, last, sizeof last);
    CHECK(ok == 401 && bad == 0,
          "sorted feed, gzipped, over the reader's buffer, then a record");
    CHECK_STR(last, "after", "sorted feed, gzipped: the next line read last");

    /* PHP's json_encode escapes the version's slashes. */
    sorted_feed(&feed, 12, 1, 0);
    path = tl_write("php.json", feed.p, feed.len);
    read_all(path, &t);
    CHECK(t.ok == 12 && t.bad == 0, "sorted feed, slashes escaped: read");
    tally_free(&t);

    /* A bad item costs itself, reported at its line. */
    sorted_feed(&feed, 12, 0, 3);
    path = tl_write("bad.json", feed.p, feed.len);
    read_all(path, &t);
    CHECK(t.ok == 11 && t.bad == 1, "sorted feed: one bad item, the rest read");
    CHECK(has(t.errors, "bad.json:1: item 3: "),
          "sorted feed: the bad item named at line 1");
    tally_free(&t);
    ns_buf_free(&feed);
}

/* JSON Lines stay JSON Lines when their first record merely looks like a
 * feed: an "items" list, a "version", a link to jsonfeed.org. */
static void test_jsonl_like_a_feed(void)
{
    struct tally t;
    static const char ITEMS[] =
        "{\"id\":\"a\",\"title\":\"Order\",\"items\":[1,2],\"version\":\"2\"}\n"
        "{\"id\":\"b\",\"title\":\"Second\"}\n";
    read_all(tl_write("items.jsonl", ITEMS, sizeof ITEMS - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0 && !strcmp(t.ids, "a\nb\n"),
          "jsonl: a first record with items and a version is a record");
    tally_free(&t);

    static const char LINK[] =
        "{\"id\":\"c\",\"title\":\"Feeds\",\"body\":\"See "
        "https://jsonfeed.org/version/1.1 for items\",\"items\":[]}\n"
        "{\"id\":\"d\",\"title\":\"Second\"}\n";
    read_all(tl_write("link.json", LINK, sizeof LINK - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0 && !strcmp(t.ids, "c\nd\n"),
          "jsonl: a record naming jsonfeed.org, not as its version");
    tally_free(&t);

    const char *other = "{\"items\":[],\"version\":\"1\"}";
    const char *feed = "{\"items\":[],\"version\":\"https://jsonfeed.org/"
                       "version/1\"}";
    CHECK(!ns_jsonfeed_text_is(other, strlen(other)),
          "text_is: a version not of jsonfeed.org");
    CHECK(!ns_jsonfeed_text_is(feed, strlen(feed) - 1), "text_is: cut short");
    CHECK(ns_jsonfeed_text_is(feed, strlen(feed)), "text_is: a JSON Feed");
}

int main(void)
{
    test_sorted_json_feed();
    test_jsonl_like_a_feed();
    return tl_done();
}
