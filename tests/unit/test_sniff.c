/* test_sniff.c - Formats that the first 4 KiB of a file do not settle: a
 * JSON Feed on one line with its keys sorted, whose "version" comes after
 * its "items"; XML whose root element comes after a long prolog (a
 * licence in a comment, a stylesheet, a DOCTYPE).  What those bytes do
 * settle is in test_ingest.c (test_sniff). */
#include <sys/stat.h>
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

/* ------------------------------------------------------------------------ */
/* XML whose root element is past the first 4 KiB                           */
/* ------------------------------------------------------------------------ */

static const char RSS[] =
    "<rss version=\"2.0\"><channel><title>A</title>"
    "<link>https://a.example/</link><item><title>Item one</title>"
    "<guid>i1</guid><description>Body one</description></item>"
    "</channel></rss>\n";

/* An XML declaration, a stylesheet and a comment of PAD bytes, then ROOT
 * (which may be ""). */
static void prolog(ns_buf_t *out, size_t pad, const char *root)
{
    ns_buf_reset(out);
    ns_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<?xml-stylesheet type=\"text/xsl\" href=\"/f.xsl\"?>\n"
                     "<!-- ");
    for (size_t i = 0; i < pad; i++)
        ns_buf_putc(out, i % 61 == 60 ? '\n' : 'x');
    ns_buf_puts(out, " -->\n");
    ns_buf_puts(out, root);
}

struct mem {
    const char *p;
    size_t len;
};

static ssize_t mem_read(void *ctx, char *buf, size_t len)
{
    struct mem *m = ctx;
    size_t n = len < m->len ? len : m->len;
    memcpy(buf, m->p, n);
    m->p += n;
    m->len -= n;
    return (ssize_t)n;
}

static ns_format_t sniff_all(const ns_buf_t *b, ns_format_t named,
                             const char **why)
{
    ns_format_t f =
        ns_format_sniff(b->p, b->len < 4096 ? b->len : 4096, named, why);
    struct mem m = {b->p, b->len};
    return f == NS_FMT_MORE ? ns_format_sniff_read(mem_read, &m, named, why)
                            : f;
}

static void test_sniff_long_prolog(void)
{
    ns_buf_t b = {0};
    const char *why;
    prolog(&b, 5000, RSS);
    CHECK(ns_format_sniff(b.p, 4096, NS_FMT_FEED, &why) == NS_FMT_MORE,
          "sniff: root past the head: more, not unknown");
    CHECK(sniff_all(&b, NS_FMT_FEED, &why) == NS_FMT_FEED,
          "sniff: RSS after a 5 KB comment");
    prolog(&b, 300000, RSS);
    CHECK(sniff_all(&b, NS_FMT_UNKNOWN, &why) == NS_FMT_FEED,
          "sniff: RSS after a 300 KB comment, no name");
    prolog(&b, 5000,
           "<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf><head></head></nitf>");
    CHECK(sniff_all(&b, NS_FMT_FEED, &why) == NS_FMT_NITF,
          "sniff: NITF after a long comment, named .xml");
    prolog(&b, 5000, "<urlset><url></url></urlset>");
    CHECK(sniff_all(&b, NS_FMT_FEED, &why) == NS_FMT_UNKNOWN &&
              has(why, "not an RSS"),
          "sniff: a sitemap after a long comment: still not a feed");
    prolog(&b, 5000, "");
    CHECK(sniff_all(&b, NS_FMT_FEED, &why) == NS_FMT_BROKEN &&
              has(why, "ends before its root"),
          "sniff: .xml cut off in its prolog: broken");
    CHECK(sniff_all(&b, NS_FMT_UNKNOWN, &why) == NS_FMT_UNKNOWN && why,
          "sniff: no name, cut off in its prolog: unknown");
    b.len -= 5; /* inside the comment */
    CHECK(sniff_all(&b, NS_FMT_FEED, &why) == NS_FMT_BROKEN,
          "sniff: .xml cut off inside a comment: broken");
    prolog(&b, NS_SNIFF_MAX, RSS);
    CHECK(sniff_all(&b, NS_FMT_FEED, &why) == NS_FMT_BROKEN &&
              has(why, "1 MiB"),
          "sniff: root past the bound: broken, saying how far");
    /* A root whose name the head cuts: "<rs" may be "<rss". */
    prolog(&b, 4096, RSS);
    size_t at = (size_t)(strstr(b.p, "<rss") - b.p) + 3;
    CHECK(ns_format_sniff(b.p, at, NS_FMT_FEED, &why) == NS_FMT_MORE,
          "sniff: a root name cut by the head's end: more");
    ns_buf_free(&b);
}

/* The same UTF-16LE, with its byte-order mark. */
static void utf16(const ns_buf_t *in, ns_buf_t *out)
{
    ns_buf_reset(out);
    ns_buf_append(out, "\xff\xfe", 2);
    for (size_t i = 0; i < in->len; i++) {
        ns_buf_putc(out, in->p[i]);
        ns_buf_putc(out, 0);
    }
}

static void test_read_long_prolog(void)
{
    ns_buf_t b = {0}, w = {0};
    struct tally t;
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/walk", tl_tmpdir());
    mkdir(dir, 0755);
    prolog(&b, 5000, RSS);
    snprintf(path, sizeof path, "%s/feed.xml", dir);
    tl_write("walk/feed.xml", b.p, b.len);
    read_all(dir, &t);
    CHECK(t.ok == 1 && t.bad == 0 && t.ignored == 0,
          "walk: a feed.xml whose root is past 4 KiB is read");
    CHECK_STR(t.ids, "i1\n", "walk: its item");
    tally_free(&t);

    /* Gzipped, UTF-16, and named nothing. */
    unlink(path);
    snprintf(path, sizeof path, "%s/feed.xml.gz", dir);
    gzFile gz = gzopen(path, "wb");
    gzwrite(gz, b.p, (unsigned)b.len);
    gzclose(gz);
    utf16(&b, &w);
    tl_write("walk/utf16.rss", w.p, w.len);
    prolog(&b, 70000, RSS);
    tl_write("walk/feed", b.p, b.len);
    read_all(dir, &t);
    CHECK(t.ok == 3 && t.bad == 0 && t.ignored == 0,
          "walk: gzipped, UTF-16, unnamed past 64 KB: each read");
    tally_free(&t);

    /* Cut off in its prolog: a skipped record, never an ignored file,
     * which would let a prune delete what the feed held. */
    static const char *const gone[] = {"feed.xml.gz", "utf16.rss", "feed"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, gone[i]);
        unlink(path);
    }
    prolog(&b, 5000, "");
    tl_write("walk/cut.xml", b.p, b.len - 10);
    read_all(dir, &t);
    CHECK(t.ok == 0 && t.bad == 1 && t.ignored == 0,
          "walk: .xml cut off in its prolog is a skipped record");
    CHECK(has(t.errors, "cut.xml: XML that ends before its root element"),
          "walk: the skipped record says why");
    tally_free(&t);
    ns_buf_free(&b);
    ns_buf_free(&w);
}

int main(void)
{
    test_sorted_json_feed();
    test_jsonl_like_a_feed();
    test_sniff_long_prolog();
    test_read_long_prolog();
    return tl_done();
}
