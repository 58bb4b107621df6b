/* test_feed_atom03.c - Feeds in the forms test_feed.c does not cover:
 * Atom 0.3 and a root of no known format, element names written as text
 * in titles and descriptions, and Atom's <source>. */
#include "readlib.h"

/* ------------------------------------------------------------------------ */
/* Atom 0.3                                                                 */
/* ------------------------------------------------------------------------ */

static const char ATOM03[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xml:lang=\"en\">\n"
    "<title>Old Blog</title>\n"
    "<link rel=\"alternate\" type=\"text/html\" "
    "href=\"http://old.example/\"/>\n"
    "<modified>2005-03-01T10:00:00Z</modified>\n"
    "<author><name>Jane Roe</name></author>\n"
    "<entry>\n"
    "<title>Moving house</title>\n"
    "<link rel=\"alternate\" type=\"text/html\" "
    "href=\"http://old.example/2005/03/moving\"/>\n"
    "<id>tag:old.example,2005:moving</id>\n"
    "<issued>2005-03-01T09:00:00Z</issued>\n"
    "<modified>2005-03-02T10:00:00Z</modified>\n"
    "<dc:subject>Life</dc:subject>\n"
    "<content type=\"text/html\" mode=\"escaped\">&lt;p&gt;We packed the "
    "last &lt;b&gt;boxes&lt;/b&gt; today.&lt;/p&gt;</content>\n"
    "</entry>\n"
    "<entry>\n"
    "<title mode=\"escaped\" type=\"text/html\">Tea &amp;amp; "
    "cake</title>\n"
    "<link rel=\"alternate\" href=\"http://old.example/2005/02/tea\"/>\n"
    "<id>tag:old.example,2005:tea</id>\n"
    "<author><name>Ola</name></author>\n"
    "<created>2005-02-01T08:00:00Z</created>\n"
    "<modified>2005-02-03T08:00:00Z</modified>\n"
    "<content type=\"application/xhtml+xml\" mode=\"xml\">"
    "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Scones <em>and</em> "
    "jam.</p></div></content>\n"
    "</entry>\n"
    "<entry>\n"
    "<title>Photo</title><id>tag:old.example,2005:photo</id>\n"
    "<modified>2005-01-03T08:00:00Z</modified>\n"
    "<summary>A photo of the harbour.</summary>\n"
    "<content type=\"image/jpeg\" mode=\"base64\">/9j/4AAQSkZJRg==</content>\n"
    "</entry>\n"
    "</feed>\n";

static void test_atom03(void)
{
    struct tally t;
    read_all(tl_write("old.xml", ATOM03, sizeof ATOM03 - 1), &t);
    CHECK(t.ok == 3 && t.bad == 0, "atom03: every entry read");
    CHECK_STR(t.ids,
              "tag:old.example,2005:moving\ntag:old.example,2005:tea\n"
              "tag:old.example,2005:photo\n",
              "atom03: <id>");
    CHECK_STR(t.titles, "Moving house\nTea & cake\nPhoto\n",
              "atom03: titles, mode=\"escaped\" read as HTML");
    CHECK_STR(t.authors, "Jane Roe\nOla\nJane Roe\n",
              "atom03: the entry's <author>, else the feed's");
    ns_article_t *a = &t.first;
    CHECK_STR(a->url, "http://old.example/2005/03/moving",
              "atom03: link rel=alternate");
    CHECK_STR(a->date, "2005-03-01T09:00:00Z", "atom03: <issued> is the date");
    CHECK_STR(a->body, "We packed the last boxes today.",
              "atom03: escaped content is HTML");
    CHECK_STR(a->section, "Life", "atom03: dc:subject");
    CHECK_STR(a->lang, "en", "atom03: xml:lang");
    CHECK(has(t.warnings, "item 3: <content mode=\"base64\"> passed over"),
          "atom03: Base64 content said");
    tally_free(&t);
}

/* The second and third entries' bodies and dates. */
static void test_atom03_modes(void)
{
    struct tally t;
    static const char ONE[] =
        "<feed xmlns=\"http://purl.org/atom/ns#\"><entry><id>x</id>"
        "<title>T</title><created>2005-02-01T08:00:00Z</created>"
        "<modified>2005-02-03T08:00:00Z</modified>"
        "<content type=\"application/xhtml+xml\" mode=\"xml\">"
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Scones <em>and</em> "
        "jam.</p><p>a &lt;b&gt; c</p></div></content></entry></feed>";
    read_all(tl_write("one.atom", ONE, sizeof ONE - 1), &t);
    CHECK(t.ok == 1, "atom03: mode=xml read");
    CHECK_STR(t.first.body, "Scones and jam.\n\na <b> c",
              "atom03: mode=\"xml\" is markup, its text text");
    CHECK_STR(t.first.date, "2005-02-01T08:00:00Z",
              "atom03: <created> before <modified>");
    tally_free(&t);
    static const char B64[] =
        "<feed xmlns=\"http://purl.org/atom/ns#\"><entry><id>y</id>"
        "<title>T</title><modified>2005-01-03T08:00:00Z</modified>"
        "<summary>A photo of the harbour.</summary>"
        "<content type=\"image/jpeg\" mode=\"base64\">/9j/4AAQSkZJRg=="
        "</content></entry></feed>";
    read_all(tl_write("b64.atom", B64, sizeof B64 - 1), &t);
    CHECK_STR(t.first.body, "A photo of the harbour.",
              "atom03: Base64 content passed over, the summary is the body");
    CHECK_STR(t.first.date, "2005-01-03T08:00:00Z",
              "atom03: <modified> for want of another");
    tally_free(&t);
}

/* A feed whose root is of no format read said so, not "0 added". */
static void test_unknown_root(void)
{
    struct tally t;
    static const char F[] =
        "<?xml version=\"1.0\"?>\n"
        "<feed xmlns=\"http://example.com/ns/feed-9\"><entry><id>1</id>"
        "<title>T</title></entry></feed>\n";
    read_all(tl_write("other.xml", F, sizeof F - 1), &t);
    CHECK(t.ok == 0 && t.bad == 1, "unknown root: a skipped record");
    CHECK(has(t.errors, "http://example.com/ns/feed-9"),
          "unknown root: its namespace named");
    tally_free(&t);
    static const char EMPTY[] =
        "<rss version=\"2.0\"><channel><title>T</title></channel></rss>";
    read_all(tl_write("empty.rss", EMPTY, sizeof EMPTY - 1), &t);
    CHECK(t.ok == 0 && t.bad == 0, "unknown root: an empty RSS feed is none");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* Element names written as text                                            */
/* ------------------------------------------------------------------------ */

static void test_names_as_text(void)
{
    static const char F[] =
        "<rss version=\"2.0\"><channel><title>T</title>\n"
        "<item><guid>1</guid><title>Why &lt;title&gt; matters for SEO</title>"
        "<description>Search engines read it first.</description></item>\n"
        "<item><guid>2</guid><title>Q&amp;A: why browsers block "
        "&lt;script&gt; in SVG</title><description>Chrome will block inline "
        "&lt;script&gt; tags in SVG files. Site owners should move the "
        "code.</description></item>\n"
        "<item><guid>3</guid><title>The &lt;style&gt; tag turns 30</title>"
        "<description>CSS was proposed in 1994.</description></item>\n"
        "<item><guid>4</guid><title>HTML gets a &lt;search&gt; element, "
        "&lt;blink&gt; is gone</title><description>x</description></item>\n"
        "<item><guid>5</guid><title>&lt;b&gt;Breaking&lt;/b&gt; Storm "
        "hits</title><description>&lt;p&gt;Wind.&lt;/p&gt;&lt;script&gt;"
        "track()&lt;/script&gt;&lt;p&gt;Rain.&lt;/p&gt;</description>"
        "</item>\n"
        "<item><guid>6</guid><title>Why &amp;lt;title&amp;gt; counts</title>"
        "<description>y</description></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("tags.rss", F, sizeof F - 1), &t);
    CHECK(t.ok == 6, "names: every item");
    CHECK_STR(t.titles,
              "Why <title> matters for SEO\n"
              "Q&A: why browsers block <script> in SVG\n"
              "The <style> tag turns 30\n"
              "HTML gets a <search> element, <blink> is gone\n"
              "Breaking Storm hits\n"
              "Why <title> counts\n",
              "names: element names in titles are text, <b> is markup");
    tally_free(&t);
    static const char D[] =
        "<rss version=\"2.0\"><channel><title>T</title>\n"
        "<item><guid>2</guid><title>T</title><description>Chrome will block "
        "inline &lt;script&gt; tags in SVG files. Site owners should move "
        "the code.</description></item>\n"
        "<item><guid>5</guid><title>T</title><description>&lt;p&gt;Wind."
        "&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;Rain."
        "&lt;/p&gt;</description></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("desc.rss", D, sizeof D - 1), &t);
    CHECK_STR(t.first.body,
              "Chrome will block inline <script> tags in SVG files. Site "
              "owners should move the code.",
              "names: a <script> never closed in a description is text");
    tally_free(&t);
    /* The second item's script is one: closed, it is dropped. */
    static const char S[] =
        "<rss version=\"2.0\"><channel><title>T</title>\n"
        "<item><guid>5</guid><title>T</title><description>&lt;p&gt;Wind."
        "&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;&lt;p&gt;Rain."
        "&lt;/p&gt;</description></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("script.rss", S, sizeof S - 1), &t);
    CHECK_STR(t.first.body, "Wind.\n\nRain.",
              "names: a closed <script> in a description is dropped");
    tally_free(&t);
    static const char A[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>a</id>"
        "<title type=\"html\">The &lt;style&gt; tag turns 30</title>"
        "<summary>s</summary></entry></feed>";
    read_all(tl_write("style.atom", A, sizeof A - 1), &t);
    CHECK_STR(t.first.title, "The <style> tag turns 30",
              "names: an Atom type=html title");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* Atom's <source>                                                          */
/* ------------------------------------------------------------------------ */

static void test_source_author(void)
{
    static const char F[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Planet</title>"
        "<author><name>Planet Team</name></author>\n"
        "<entry><id>1</id><title>Buoys</title><summary>s</summary>"
        "<source><id>f</id><title>Tom's notes</title>"
        "<author><name>Tom Reed</name></author></source></entry>\n"
        "<entry><id>2</id><title>Own</title><author><name>Ann</name>"
        "</author><summary>s</summary><source><author><name>Tom Reed</name>"
        "</author></source></entry>\n"
        "<entry><id>3</id><title>None</title><summary>s</summary>"
        "<source><title>x</title></source></entry>\n"
        "</feed>";
    struct tally t;
    read_all(tl_write("planet.atom", F, sizeof F - 1), &t);
    CHECK_STR(t.titles, "Buoys\nOwn\nNone\n",
              "source: its title is not the entry's");
    CHECK_STR(t.authors, "Tom Reed\nAnn\nPlanet Team\n",
              "source: its author for an entry with none, before the feed's");
    tally_free(&t);
}

int main(void)
{
    test_source_author();
    test_names_as_text();
    test_atom03();
    test_atom03_modes();
    test_unknown_root();
    return tl_done();
}
