/* test_xmlrepair.c - The bytes of a feed put right before libxml2 reads
 * them (xmlrepair.c): bytes that are not UTF-8, control characters XML
 * forbids, characters cut by a chunk's end; and the feed read through it
 * (feed.c), every item kept with a warning, at any read size. */
#include "readlib.h"
#include "xmlrepair.h"

/* ------------------------------------------------------------------------ */
/* The bytes                                                                */
/* ------------------------------------------------------------------------ */

/* IN (N bytes) in MODE, handed over in pieces of STEP bytes (0: whole),
 * into OUT; the changes taken into SUM. */
static void run(enum ns_xmlrepair_mode mode, const char *in, size_t n,
                size_t step, ns_buf_t *out, ns_xmlrepair_sum_t *sum)
{
    ns_xmlrepair_t rp = {0};
    ns_xmlrepair_init(&rp, mode, 1);
    ns_buf_reset(out);
    memset(sum, 0, sizeof *sum);
    for (size_t i = 0; i < n || !n;) {
        size_t k = step && n - i > step ? step : n - i;
        ns_xmlrepair_run(&rp, in + i, k, i + k == n, out);
        i += k;
        if (!n)
            break;
    }
    ns_xmlrepair_take(&rp, (unsigned long long)-1, sum);
    ns_xmlrepair_free(&rp);
}

/* Is OUT (as a string) WANT for every piece size from 1 to 8, and whole? */
static int same_at_any_step(enum ns_xmlrepair_mode mode, const char *in,
                            const char *want, ns_xmlrepair_sum_t *sum)
{
    ns_buf_t out = {0};
    int ok = 1;
    for (size_t step = 0; step <= 8; step++) {
        run(mode, in, strlen(in), step, &out, sum);
        if (out.len != strlen(want) || memcmp(out.p, want, out.len) != 0) {
            fprintf(stderr, "    step %zu: got '%.*s'\n", step, (int)out.len,
                    out.p ? out.p : "");
            ok = 0;
        }
    }
    ns_buf_free(&out);
    return ok;
}

static void test_bytes(void)
{
    ns_xmlrepair_sum_t s;
    CHECK(same_at_any_step(NS_XMLREPAIR_UTF8,
                           "bl\xc3\xa5\xe2\x80\x99 \xf0\x9f\x98\x80",
                           "bl\xc3\xa5\xe2\x80\x99 \xf0\x9f\x98\x80", &s) &&
              !s.n[NS_XMLFIX_BYTE],
          "valid UTF-8 as it is, a character cut at any chunk's end");
    CHECK(same_at_any_step(NS_XMLREPAIR_UTF8, "Caf\xe9 opens",
                           "Caf\xc3\xa9 opens", &s) &&
              s.n[NS_XMLFIX_BYTE] == 1 && s.value[NS_XMLFIX_BYTE] == 0xe9 &&
              s.line[NS_XMLFIX_BYTE] == 1,
          "a Latin-1 byte in UTF-8 is windows-1252's");
    CHECK(same_at_any_step(NS_XMLREPAIR_UTF8, "a\xe2\x80z\n\xc3",
                           "a\xc3\xa2\xe2\x82\xacz\n\xc3\x83", &s) &&
              s.n[NS_XMLFIX_BYTE] == 3 && s.line[NS_XMLFIX_BYTE] == 1,
          "a cut sequence byte by byte, at the end of the input too");
    CHECK(same_at_any_step(NS_XMLREPAIR_UNDECLARED, "p\xe5 \x92x\xc3\xa5",
                           "p\xc3\xa5 \xe2\x80\x99x\xc3\xa5", &s) &&
              s.n[NS_XMLFIX_LATIN] == 2 && s.value[NS_XMLFIX_LATIN] == 0xe5,
          "undeclared: a stray byte is windows-1252's, UTF-8 stays");
    CHECK(same_at_any_step(NS_XMLREPAIR_UTF8, "a\x0b\n\tb\r\x01\x7f",
                           "a \n\tb\r \x7f", &s) &&
              s.n[NS_XMLFIX_CONTROL] == 2 &&
              s.value[NS_XMLFIX_CONTROL] == 0x0b &&
              s.line[NS_XMLFIX_CONTROL] == 1,
          "controls XML forbids are spaces; tab, LF, CR stay");
    CHECK(same_at_any_step(NS_XMLREPAIR_UTF8, "x\xef\xbf\xbfy\xef\xbf\xbe",
                           "x\xef\xbf\xbdy\xef\xbf\xbd", &s) &&
              s.n[NS_XMLFIX_NONCHAR] == 2 &&
              s.value[NS_XMLFIX_NONCHAR] == 0xffff,
          "U+FFFF and U+FFFE are U+FFFD");
    CHECK(same_at_any_step(NS_XMLREPAIR_CONTROLS, "caf\xe9\x0b!", "caf\xe9 !",
                           &s) &&
              s.n[NS_XMLFIX_CONTROL] == 1 && !s.n[NS_XMLFIX_BYTE],
          "another encoding: only the controls");
    CHECK(same_at_any_step(NS_XMLREPAIR_UTF8, "\xed\xa0\x80\xc0\xaf",
                           "\xc3\xad\xc2\xa0\xe2\x82\xac\xc3\x80\xc2\xaf",
                           &s),
          "a surrogate and an overlong, byte by byte as pages are read");
}

static void test_lines_and_offsets(void)
{
    /* Changes are taken by offset in the bytes written. */
    static const char IN[] = "one\ntwo \xe9\nthree\x0b\n";
    ns_xmlrepair_t rp = {0};
    ns_buf_t out = {0};
    ns_xmlrepair_init(&rp, NS_XMLREPAIR_UTF8, 10);
    ns_xmlrepair_run(&rp, IN, sizeof IN - 1, 1, &out);
    ns_xmlrepair_sum_t a = {0}, b = {0};
    ns_xmlrepair_take(&rp, 8, &a); /* "one\ntwo " */
    CHECK(!a.n[NS_XMLFIX_BYTE] && ns_xmlrepair_pending(&rp),
          "offsets: nothing before the change");
    ns_xmlrepair_take(&rp, 9, &a);
    CHECK(a.n[NS_XMLFIX_BYTE] == 1 && a.line[NS_XMLFIX_BYTE] == 11,
          "offsets: the byte, on the document's second line");
    ns_xmlrepair_take(&rp, out.len, &b);
    CHECK(b.n[NS_XMLFIX_CONTROL] == 1 && b.line[NS_XMLFIX_CONTROL] == 12 &&
              !ns_xmlrepair_pending(&rp),
          "offsets: the control, after the two bytes of \"\xc3\xa9\"");
    char text[300];
    ns_xmlrepair_describe(&a, text, sizeof text);
    CHECK_STR(text,
              "byte 0xE9 '\xc3\xa9' at line 11 is not UTF-8: read as "
              "windows-1252",
              "described: one byte");
    ns_xmlrepair_describe(&b, text, sizeof text);
    CHECK_STR(text,
              "the control character U+000B at line 12, which XML does not "
              "allow, read as a space",
              "described: one control");
    ns_xmlrepair_free(&rp);
    ns_buf_free(&out);

    /* Binary junk is counted past a bound, not stored. */
    ns_buf_t junk = {0};
    for (int i = 0; i < 100000; i++)
        ns_buf_putc(&junk, i % 2 ? '\x0b' : '\xff');
    ns_xmlrepair_init(&rp, NS_XMLREPAIR_UTF8, 1);
    ns_xmlrepair_run(&rp, junk.p, junk.len, 1, &out);
    CHECK(rp.n_fixes <= 4096, "junk: the changes kept are bounded");
    ns_xmlrepair_take(&rp, (unsigned long long)-1, &a);
    memset(&a, 0, sizeof a);
    ns_xmlrepair_free(&rp);
    ns_xmlrepair_init(&rp, NS_XMLREPAIR_UTF8, 1);
    ns_buf_reset(&out);
    ns_xmlrepair_run(&rp, junk.p, junk.len, 1, &out);
    ns_xmlrepair_take(&rp, (unsigned long long)-1, &a);
    CHECK(a.n[NS_XMLFIX_BYTE] == 50000 && a.n[NS_XMLFIX_CONTROL] == 50000,
          "junk: every change counted");
    ns_xmlrepair_describe(&a, text, sizeof text);
    CHECK_STR(text,
              "50000 bytes that are not UTF-8 read as windows-1252 (the "
              "first, 0xFF '\xc3\xbf', at line 1); 50000 control characters XML does not allow "
              "read as spaces (the first, U+000B, at line 1)",
              "described: many of each");
    ns_xmlrepair_free(&rp);
    ns_buf_free(&out);
    ns_buf_free(&junk);
}

static void test_mode(void)
{
    static const struct {
        const char *head;
        enum ns_xmlrepair_mode mode;
    } cases[] = {
        {"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>", NS_XMLREPAIR_UTF8},
        {"<?xml version='1.0' encoding='utf8'?><rss>", NS_XMLREPAIR_UTF8},
        {"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>",
         NS_XMLREPAIR_UTF8},
        {"<?xml version=\"1.0\"?><rss>", NS_XMLREPAIR_UNDECLARED},
        {"<rss version=\"2.0\">", NS_XMLREPAIR_UNDECLARED},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>",
         NS_XMLREPAIR_CONTROLS},
        {"<?xml version=\"1.0\" encoding=\"windows-1250\"?>",
         NS_XMLREPAIR_CONTROLS},
        {"<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>", NS_XMLREPAIR_OFF},
        {"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>", NS_XMLREPAIR_OFF},
        {"\xff\xfe<\0?\0", NS_XMLREPAIR_OFF},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].head);
        if (cases[i].head[0] == '\xff')
            n = 6;
        CHECK(ns_xmlrepair_mode_of(cases[i].head, n) == cases[i].mode,
              cases[i].head);
    }
}

/* ------------------------------------------------------------------------ */
/* Feeds read through it                                                    */
/* ------------------------------------------------------------------------ */

struct mem {
    const char *p;
    size_t left, step;
};

static ssize_t mem_read(void *ctx, char *buf, size_t len)
{
    struct mem *m = ctx;
    size_t n = len < m->left ? len : m->left;
    if (m->step && n > m->step)
        n = m->step;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return (ssize_t)n;
}

/* Every record of FEED read STEP bytes at a time (0: as it comes), a line
 * each: "OK title | body | warning", "BAD line: error". */
static void read_feed(const char *feed, size_t step, ns_buf_t *out)
{
    struct mem m = {feed, strlen(feed), step};
    ns_feed_t *f = ns_feed_open(mem_read, &m);
    ns_article_t art;
    unsigned item, line;
    char err[512], rec[2048];
    int rc;
    ns_buf_reset(out);
    while ((rc = ns_feed_next(f, &art, &item, &line, err, sizeof err)) !=
           NS_ITEM_END) {
        if (rc == NS_ITEM_OK)
            snprintf(rec, sizeof rec, "OK %s | %s | %u: %s\n",
                     art.title ? art.title : "", art.body ? art.body : "", line,
                     err);
        else
            snprintf(rec, sizeof rec, "%s %u: %s\n",
                     rc == NS_ITEM_CUT ? "CUT" : "BAD", line, err);
        ns_buf_puts(out, rec);
        ns_article_clear(&art);
    }
    ns_feed_close(f);
}

/* FEED read at every step from 1 to 9 bytes and as it comes gives WANT. */
static int feed_at_any_step(const char *feed, const char *want)
{
    ns_buf_t out = {0};
    int ok = 1;
    for (size_t step = 0; step <= 9; step++) {
        read_feed(feed, step, &out);
        if (!out.p || strcmp(out.p, want) != 0) {
            fprintf(stderr, "    step %zu:\n%s    want:\n%s", step,
                    out.p ? out.p : "", want);
            ok = 0;
            break;
        }
    }
    ns_buf_free(&out);
    return ok;
}

#define ITEM(n, title, body)                                                   \
    "<item><title>" title "</title><guid>g" #n "</guid><description>" body     \
    "</description></item>\n"

static void test_feed_cdata(void)
{
    /* A Latin-1 byte, then a vertical tab, in CDATA: libxml2 halted at
     * each, and every item after it was lost without a word. */
    static const char F[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\"><channel><title>T</title>\n" ITEM(
            1, "One", "<![CDATA[<p>Caf\xe9 opens.</p>]]>")
            ITEM(2, "Two",
                 "<![CDATA[<p>Bl\xc3\xa5"
                 "b\xc3\xa6r.</p>]]>")
                ITEM(3, "Three", "<![CDATA[<p>Tab\x0bhere.</p>]]>")
                    ITEM(4, "Four", "Fourth.") "</channel></rss>\n";
    CHECK(feed_at_any_step(
              F, "OK One | Caf\xc3\xa9 opens. | 3: item 1: byte 0xE9 "
                 "'\xc3\xa9' at line 3 is not UTF-8: read as windows-1252\n"
                 "OK Two | Bl\xc3\xa5"
                 "b\xc3\xa6r. | 4: \n"
                 "OK Three | Tab here. | 5: item 3: the control character "
                 "U+000B at line 5, which XML does not allow, read as a "
                 "space\n"
                 "OK Four | Fourth. | 6: \n"),
          "cdata: every item read, each change said with its own item");
}

static void test_feed_fields(void)
{
    /* After the first stray byte libxml2 reported no other, and later
     * items came with their title or body blank. */
    static const char F[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\"><channel><title>T</title>\n" ITEM(
            1, "First", "caf\xe9.") ITEM(2, "Second", "ASCII.")
            ITEM(3, "Tredje p\xe5 l\xf8rdag", "Three.") ITEM(
                4, "Fourth", "Mixed: sn\xf8 and after.") "</channel></rss>\n";
    CHECK(feed_at_any_step(
              F, "OK First | caf\xc3\xa9. | 3: item 1: byte 0xE9 '\xc3\xa9' "
                 "at line 3 is not UTF-8: read as windows-1252\n"
                 "OK Second | ASCII. | 4: \n"
                 "OK Tredje p\xc3\xa5 l\xc3\xb8rdag | Three. | 5: "
                 "item 3: 2 bytes that are not UTF-8 read as windows-1252 "
                 "(the first, 0xE5 '\xc3\xa5', at line 5)\n"
                 "OK Fourth | Mixed: sn\xc3\xb8 and after. | 6: item 4: "
                 "byte 0xF8 '\xc3\xb8' at line 6 is not UTF-8: read as "
                 "windows-1252\n"),
          "fields: no title or body blank after the first stray byte");

    /* No declaration: XML's UTF-8, and a stray byte windows-1252's, as a
     * page with no declaration is read. */
    static const char L[] =
        "<?xml version=\"1.0\"?>\n"
        "<rss version=\"2.0\"><channel><title>Bygdeposten</title>\n" ITEM(
            1, "Ny butikk p\xe5 torget", "\xc5pner fredag.")
            ITEM(2, "Vegen", "Stengt.") "</channel></rss>\n";
    CHECK(feed_at_any_step(
              L, "OK Ny butikk p\xc3\xa5 torget | \xc3\x85pner fredag. | 3: "
                 "item 1: 2 bytes that are not UTF-8 read as windows-1252, "
                 "as no encoding is declared (the first, 0xE5 '\xc3\xa5', at "
                 "line 3)\n"
                 "OK Vegen | Stengt. | 4: \n"),
          "undeclared: Latin-1 read as windows-1252, with a warning");
}

static void test_feed_outside(void)
{
    /* A change in the channel's header is said with the next item. */
    static const char F[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T\x0b</title>\n"
        "<author><name>Bj\xf8rn</name></author>\n"
        "<entry><id>e1</id><title>One</title><content>x</content></entry>\n"
        "<entry><id>e2</id><title>Two</title><content>y</content></entry>\n"
        "</feed>\n";
    CHECK(feed_at_any_step(
              F, "OK One | x | 4: before item 1: byte 0xF8 '\xc3\xb8' at "
                 "line 3 is not UTF-8: read as windows-1252; the control character U+000B at "
                 "line 2, which XML does not allow, read as a space\n"
                 "OK Two | y | 5: \n"),
          "outside items: said once, before the next item");
}

static void test_feed_one_line(void)
{
    /* Latin-1 in a feed that says UTF-8: libxml2 reported the first such
     * byte in two lines ("Input is not proper UTF-8, indicate encoding !"
     * and "Bytes: 0xF8 ..."), and no other.  The bytes are windows-1252's
     * now (xmlrepair.c), the item kept, and the warning is one line. */
    static const char F[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rss version=\"2.0\"><channel><item><guid>l1</guid><title>R\xf8"
        "dgr\xf8t</title></item><item><guid>l2</guid><title>ok</title></item>"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("latin1.rss", F, sizeof F - 1), &t);
    CHECK_STR(t.ids, "l1\nl2\n", "bad encoding: both items read");
    CHECK_STR(t.titles,
              "R\xc3\xb8"
              "dgr\xc3\xb8t\nok\n",
              "bad encoding: the bytes are windows-1252's");
    CHECK(t.bad == 0 && has(t.warnings, "latin1.rss:2: item 1: 2 bytes that "
                                        "are not UTF-8 read as windows-1252 "
                                        "(the first, 0xF8 '\xc3\xb8', at "
                                        "line 2)\n"),
          "bad encoding: a warning, on one line");
    CHECK(strchr(t.warnings, '\n') == t.warnings + strlen(t.warnings) - 1,
          "bad encoding: one line for one item");
    tally_free(&t);
}

static void test_feed_halted(void)
{
    /* libxml2 still halts on a lookup past 10 MB of markup: the rest of
     * the file is not read, and that is said, as a file not read whole. */
    ns_buf_t big = {0};
    ns_buf_puts(&big,
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
                "<channel>\n" ITEM(1, "One",
                                   "First.") "<item><title>Two</title><x a=\"");
    for (int i = 0; i < 11 * 1024; i++)
        ns_buf_puts(&big, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          "aaaaaaaaaaaaaaaa");
    ns_buf_puts(
        &big, "\"/></item>\n" ITEM(3, "Three", "Third.") "</channel></rss>\n");
    const char *path = tl_write("big.rss", big.p, big.len);
    struct tally t;
    read_all(path, &t);
    CHECK(t.ok == 1 && t.bad == 1, "halted: the item before read, one error");
    CHECK(has(t.errors, "big.rss:4: item 2: internal error: Huge input "
                        "lookup; the XML parser stopped here, and the rest "
                        "of the file was not read"),
          "halted: said where, and that the rest was not read");
    CHECK(t.failed_files == 1, "halted: a file not read whole");
    tally_free(&t);
    ns_buf_free(&big);
}

int main(void)
{
    test_bytes();
    test_lines_and_offsets();
    test_mode();
    test_feed_cdata();
    test_feed_fields();
    test_feed_outside();
    test_feed_one_line();
    test_feed_halted();
    return tl_done();
}
