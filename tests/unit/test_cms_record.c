/* test_cms_record.c - Records of a CMS's export in JSON Lines: which body
 * is HTML (ns_html_is_body), and what ns_article_from_record makes of it
 * and of titles and labels with entities, where ns_article_from_json (the
 * stored form) keeps every field as written. */
#include "ingest.h"
#include "testlib.h"

static int is_body(const char *s)
{
    return ns_html_is_body(s, strlen(s));
}

static void test_is_body(void)
{
    CHECK(is_body("<p>The mayor&nbsp;spoke.</p><h2>Budget</h2>"),
          "is_body: paragraphs and a heading");
    CHECK(is_body("Harbour <b>costs</b> rose."), "is_body: one inline pair");
    CHECK(is_body("See <a href=\"https://ex.org/\">the plan</a>."),
          "is_body: a link");
    CHECK(is_body("<DIV CLASS=x><P>Text</P></DIV><p>unclosed"),
          "is_body: any case, one tag alone in five");
    CHECK(!is_body("To start a paragraph, use the <p> tag."),
          "is_body: a tag named in prose");
    CHECK(!is_body("a < b and c > d, as AT&T says"), "is_body: no tag");
    CHECK(!is_body("Line one<br>line two<br/>line three"),
          "is_body: void tags alone");
    CHECK(!is_body("<p> opens a paragraph and </p> closes it; <b> is bold"),
          "is_body: more tags alone than paired");
    CHECK(!is_body("<a name=\"top\">Top</a>"), "is_body: an <a> with no href");
    CHECK(!is_body("<foo>bar</foo> <o:p>x</o:p>"), "is_body: no CMS element");
    CHECK(!is_body("&lt;p&gt;Escaped&lt;/p&gt;"), "is_body: escaped tags");
}

static void test_record(void)
{
    static const char LINE[] =
        "{\"id\":\"a1\",\"title\":\"Mayor&#8217;s plan\",\"body\":\"<p>The "
        "mayor&nbsp;spoke.</p><h2>Budget</h2><p>Harbour <b>costs</b> "
        "rose.</p><script>x()</script>\",\"section\":\"Q&amp;A\","
        "\"author\":[\"Ed O&#039;Neil\",\"AT&T\"]}";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_record(LINE, strlen(LINE), &a, err, sizeof err) == 0,
          "record: read");
    CHECK_STR(a.body, "The mayor spoke.\n\nBudget\n\nHarbour costs rose.",
              "record: the body's text");
    CHECK(a.n_headings == 1 && !strcmp(a.headings[0], "Budget"),
          "record: the <h2> a heading");
    CHECK_STR(a.title, "Mayor\xe2\x80\x99s plan", "record: the title's entity");
    CHECK_STR(a.section, "Q&A", "record: the section's entity");
    CHECK_STR(a.author, "Ed O'Neil, AT&T", "record: a list of authors");
    ns_article_clear(&a);

    /* The stored form is never read so: its body is text, even one that
     * reads as HTML (a feed's story about markup, unescaped once). */
    CHECK(ns_article_from_json(LINE, strlen(LINE), &a, err, sizeof err) == 0 &&
              strstr(a.body, "<h2>Budget</h2>") && a.n_headings == 0 &&
              strstr(a.title, "&#8217;"),
          "stored form: as written");
    ns_article_clear(&a);

    static const char PROSE[] =
        "{\"id\":\"a2\",\"title\":\"AT&T <b>x</b> &amp;\",\"body\":\"use the "
        "<p> tag &amp; AT&T\"}";
    CHECK(ns_article_from_record(PROSE, strlen(PROSE), &a, err, sizeof err) ==
                  0 &&
              !strcmp(a.body, "use the <p> tag &amp; AT&T") &&
              !strcmp(a.title, "AT&T <b>x</b> &amp;"),
          "record: a tag that is no HTML keeps the field as written");
    ns_article_clear(&a);
}

int main(void)
{
    test_is_body();
    test_record();
    return tl_done();
}
