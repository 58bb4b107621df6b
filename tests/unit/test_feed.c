/* test_feed.c - Feeds: RSS 2.0, RSS 1.0 (RDF), Atom and WordPress
 * exports (WXR), and their broken and hostile forms. */
#include "readlib.h"

/* The tests run from the top of the tree (make check, tests/run.sh). */
#define SAMPLES "samples"

/* ------------------------------------------------------------------------ */
/* Feeds                                                                    */
/* ------------------------------------------------------------------------ */

static const char RSS[] =
    "<?xml version=\"1.0\"?>\n"
    "<rss version=\"2.0\" "
    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel><title>T</title><language>no</language>\n"
    "<item><title>Første sak</title><guid>a1</guid>\n"
    "<link>https://example.org/a1</link>\n"
    "<pubDate>Wed, 06 Aug 2025 09:30:00 +0200</pubDate>\n"
    "<category>Norge</category><category>ferje</category>\n"
    "<dc:creator>Kari</dc:creator><dc:creator>Ola</dc:creator>"
    "<dc:creator>Kari</dc:creator>\n"
    "<description>kort</description>\n"
    "<content:encoded><![CDATA[<p>Lang <b>tekst</b>.</p><h2>Del "
    "to</h2><p>Mer.</p><script>evil()</script>]]></content:encoded>\n"
    "</item>\n"
    "<item><title>Andre sak</title><link>https://example.org/a2</link>\n"
    "<description>&lt;p&gt;Bare &amp;amp; beskrivelse&lt;/p&gt;</description>\n"
    "</item>\n"
    "</channel></rss>\n";

static void test_rss(void)
{
    struct tally t;
    read_all(tl_write("feed", RSS, sizeof RSS - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "rss: two items, sniffed without a name");
    CHECK_STR(t.ids, "a1\nhttps://example.org/a2\n", "rss: guid, else link");
    ns_article_t *a = &t.first;
    CHECK_STR(a->title, "Første sak", "rss: title");
    CHECK_STR(a->date, "2025-08-06T07:30:00Z", "rss: RFC 822 pubDate");
    CHECK_STR(a->section, "Norge", "rss: first category is the section");
    CHECK(a->n_tags == 1 && !strcmp(a->tags[0], "ferje"), "rss: other tags");
    CHECK_STR(a->author, "Kari, Ola", "rss: every dc:creator, once");
    CHECK_STR(a->lang, "no", "rss: channel language");
    CHECK_STR(a->url, "https://example.org/a1", "rss: link");
    CHECK_STR(a->body, "Lang tekst.\n\nDel to\n\nMer.",
              "rss: content:encoded stripped, script dropped");
    CHECK(a->n_headings == 1 && !strcmp(a->headings[0], "Del to"),
          "rss: h2 is a heading");
    tally_free(&t);
    static const char BOTH[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><item><title>T</title><guid>b</guid><description>x"
        "</description><author>a@example.org (Anne)</author>"
        "<dc:creator>Anne</dc:creator></item></channel></rss>";
    read_all(tl_write("both.rss", BOTH, sizeof BOTH - 1), &t);
    CHECK_STR(t.first.author, "Anne", "rss: <author> before <dc:creator>");
    tally_free(&t);
}

static void test_rss_author(void)
{
    /* RSS 2.0's <author> is an e-mail address, "jdoe@example.com (Jane
     * Doe)": the name is the byline.  An address with no name names no
     * one (the <dc:creator> then does); text with no "@" is a name. */
    static const char F[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel>\n"
        "<item><guid>1</guid><title>T</title><author>jdoe@example.com "
        "(Jane Doe)</author></item>\n"
        "<item><guid>2</guid><title>T</title><author>Jane Doe "
        "&lt;jdoe@example.com&gt;</author></item>\n"
        "<item><guid>3</guid><title>T</title><author> Jane Doe "
        "(jdoe@example.com) </author></item>\n"
        "<item><guid>4</guid><title>T</title><author>desk@example.com"
        "</author><dc:creator>Ola</dc:creator></item>\n"
        "<item><guid>5</guid><title>T</title><author>desk@example.com"
        "</author></item>\n"
        "<item><guid>6</guid><title>T</title><author>Kari Nordmann (NTB)"
        "</author></item>\n"
        "<item><guid>7</guid><title>T</title><author>a@example.org (Anne)"
        "</author><author>noreply@blogger.com (Bo Ek)</author></item>\n"
        "<item><guid>8</guid><title>T</title><author>desk@example.com ()"
        "</author><author>(news@example.com)</author></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("authors.rss", F, sizeof F - 1), &t);
    CHECK(t.ok == 8 && t.bad == 0, "rss author: every item read");
    CHECK_STR(t.authors,
              "Jane Doe\nJane Doe\nJane Doe\nOla\n\nKari Nordmann (NTB)\n"
              "Anne, Bo Ek\n\n",
              "rss author: the name, never the address");
    tally_free(&t);

    /* The name is the group beside the address, to its own ")": what
     * follows it, "(Politics desk)", is no part of it, and a name is never
     * left with half a pair of parentheses. */
    static const char G[] =
        "<rss version=\"2.0\"><channel>\n"
        "<item><guid>1</guid><title>T</title><author>ed@ex.org (Jane Roe) "
        "(Politics desk)</author></item>\n"
        "<item><guid>2</guid><title>T</title><author>Jane Roe (ed@ex.org) "
        "(Politics desk)</author></item>\n"
        "<item><guid>3</guid><title>T</title><author>ed@ex.org (Jane (JR) "
        "Roe)</author></item>\n"
        "<item><guid>4</guid><title>T</title><author>ed@ex.org (Jane Roe"
        "</author></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("remarks.rss", G, sizeof G - 1), &t);
    CHECK(t.ok == 4 && t.bad == 0, "rss author remarks: every item read");
    CHECK_STR(t.authors, "Jane Roe\nJane Roe\nJane (JR) Roe\nJane Roe\n",
              "rss author: the name's group only, balanced");
    tally_free(&t);

    /* A <dc:creator> or an Atom <name> with an address is read so too; an
     * address alone names no one, a name with a remark is kept whole. */
    static const char DC[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><item><guid>1</guid><title>T</title><dc:creator>ed@ex.org "
        "(Jane Roe) (Politics desk)</dc:creator><dc:creator>desk@ex.org"
        "</dc:creator><dc:creator>Ola (NTB)</dc:creator></item>"
        "</channel></rss>\n";
    read_all(tl_write("dc.rss", DC, sizeof DC - 1), &t);
    CHECK_STR(t.authors, "Jane Roe, Ola (NTB)\n",
              "dc:creator: the name, never the address");
    tally_free(&t);
    static const char A[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        "<entry><id>1</id><title>T</title><author><name>ed@ex.org (Jane "
        "Roe) (Politics desk)</name></author></entry>"
        "<entry><id>2</id><title>T</title><author><name>Jane Roe "
        "(Politics desk)</name></author></entry></feed>\n";
    read_all(tl_write("names.atom", A, sizeof A - 1), &t);
    CHECK_STR(t.authors, "Jane Roe\nJane Roe (Politics desk)\n",
              "atom name: the name, never the address");
    tally_free(&t);
}

static const char RDF[] =
    "<?xml version=\"1.0\"?>\n"
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
    "xmlns=\"http://purl.org/rss/1.0/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel rdf:about=\"x\"><title>T</title></channel>\n"
    "<item rdf:about=\"https://example.org/r1\"><title>RDF item</title>\n"
    "<link>https://example.org/r1</link><description>Body "
    "one</description>\n"
    "<dc:date>2025-03-01T10:00:00+01:00</dc:date><dc:subject>Science"
    "</dc:subject><dc:language>en</dc:language></item>\n"
    "</rdf:RDF>\n";

static void test_rdf(void)
{
    struct tally t;
    read_all(tl_write("feed.rdf", RDF, sizeof RDF - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "rdf: one item");
    CHECK_STR(t.first.id, "https://example.org/r1", "rdf: link as id");
    CHECK_STR(t.first.date, "2025-03-01T09:00:00Z", "rdf: dc:date");
    CHECK_STR(t.first.section, "Science", "rdf: dc:subject");
    CHECK_STR(t.first.body, "Body one", "rdf: description");
    tally_free(&t);
}

static const char ATOM[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
    "<title>T</title>\n"
    "<entry><id>urn:x:1</id><title type=\"html\">A &amp;amp; B</title>\n"
    "<link rel=\"self\" href=\"https://example.org/self\"/>\n"
    "<link rel=\"alternate\" href=\"https://example.org/e1\"/>\n"
    "<updated>2025-05-02T00:00:00Z</updated>"
    "<published>2025-05-01T00:00:00Z</published>\n"
    "<author><name>Ola</name><email>o@example.org</email></author>\n"
    "<author><name>Kari</name></author>\n"
    "<category term=\"world\" label=\"World\"/>\n"
    "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<p>One.</p><h3>Sub</h3><p>Two.</p></div></content></entry>\n"
    "</feed>\n";

static void test_atom(void)
{
    struct tally t;
    read_all(tl_write("x.atom", ATOM, sizeof ATOM - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "atom: one entry");
    ns_article_t *a = &t.first;
    CHECK_STR(a->id, "urn:x:1", "atom: id");
    CHECK_STR(a->title, "A & B", "atom: html title unescaped");
    CHECK_STR(a->url, "https://example.org/e1", "atom: alternate link");
    CHECK_STR(a->date, "2025-05-01T00:00:00Z", "atom: published first");
    CHECK_STR(a->author, "Ola, Kari", "atom: authors' names, not email");
    CHECK_STR(a->section, "World", "atom: category label");
    CHECK_STR(a->lang, "en", "atom: xml:lang of the feed");
    CHECK_STR(a->body, "One.\n\nSub\n\nTwo.", "atom: xhtml content as text");
    CHECK(a->n_headings == 1, "atom: h3 heading");
    tally_free(&t);
}

static void test_atom_xml_base(void)
{
    /* Relative links are resolved against the xml:base in scope (of the
     * link, the entry, the feed, each against the one around it), else
     * against the feed's own address, its <link rel="self">. */
    static const char F[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xml:base=\"https://example.org/news/\"><title>T</title>\n"
        "<entry><id>b1</id><title>One</title><link href=\"/2025/story\"/>"
        "</entry>\n"
        "<entry xml:base=\"2025/\"><id>b2</id><title>Two</title>"
        "<link rel=\"alternate\" href=\"story-two\"/></entry>\n"
        "<entry><id>b3</id><title>Three</title>"
        "<link href=\"https://other.example/x?a=1&amp;b=2\"/></entry>\n"
        "</feed>\n";
    struct tally t;
    read_all(tl_write("base.atom", F, sizeof F - 1), &t);
    CHECK(t.ok == 3 && t.bad == 0, "xml:base: three entries");
    CHECK_STR(t.first.url, "https://example.org/2025/story",
              "xml:base of the feed: an absolute path");
    tally_free(&t);
    static const char E[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
        "xml:base=\"https://example.org/news/\"><title>T</title>\n"
        "<entry xml:base=\"2025/\"><id>b2</id><title>Two</title>"
        "<link rel=\"alternate\" href=\"story-two\"/></entry>\n"
        "</feed>\n";
    read_all(tl_write("base2.atom", E, sizeof E - 1), &t);
    CHECK_STR(t.first.url, "https://example.org/news/2025/story-two",
              "xml:base of the entry, against the feed's");
    tally_free(&t);

    static const char S[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\n"
        "<link rel=\"self\" href=\"https://example.org/feeds/all.atom\"/>\n"
        "<entry><id>s1</id><title>One</title><link href=\"/2025/one\"/>"
        "</entry>\n"
        "</feed>\n";
    read_all(tl_write("self.atom", S, sizeof S - 1), &t);
    CHECK_STR(t.first.url, "https://example.org/2025/one",
              "no xml:base: against the feed's rel=self address");
    tally_free(&t);

    /* RSS <link> text too; an item without a guid is named by the
     * resolved link. */
    static const char R[] =
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">"
        "<channel><title>T</title>\n"
        "<atom:link rel=\"self\" href=\"https://example.org/rss.xml\"/>\n"
        "<item><title>R</title><link>/2025/r</link></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("self.rss", R, sizeof R - 1), &t);
    CHECK_STR(t.first.url, "https://example.org/2025/r",
              "rss: link against the channel's atom:link rel=self");
    CHECK_STR(t.first.id, "https://example.org/2025/r",
              "rss: the id from the resolved link");
    tally_free(&t);
}

static void test_atom_feed_author(void)
{
    /* An entry with no <author> has the feed's (RFC 4287 4.2.1); one
     * with its own keeps it. */
    static const char F[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\n"
        "<author><name>Desk</name><email>d@example.org</email></author>\n"
        "<author><name>Night Desk</name></author>\n"
        "<entry><id>f1</id><title>One</title></entry>\n"
        "<entry><id>f2</id><title>Two</title><author><name>Ola</name>"
        "</author></entry>\n"
        "</feed>\n";
    struct tally t;
    read_all(tl_write("author.atom", F, sizeof F - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "atom feed author: two entries");
    CHECK_STR(t.authors, "Desk, Night Desk\nOla\n",
              "atom feed author: inherited by an entry without one");
    tally_free(&t);
}

static void test_atom_text(void)
{
    /* type="text" (and text/plain) is plain text: its "<" and "&" are
     * characters, and "<script>" in it is words, not a script that takes
     * the rest with it.  type="html" is still stripped. */
    static const char F[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\n"
        "<entry><id>t1</id><title type=\"text\">Profits &lt;b&gt;rose&lt;/b&gt;"
        " where a &lt; b</title><content type=\"text\">Rates were &lt;3%. "
        "Use &lt;script&gt; tags with care. Ocelot.</content></entry>\n"
        "<entry><id>t2</id><title type=\"html\">A &lt;i&gt;marked&lt;/i&gt; "
        "title</title><content type=\"text/plain\">Price &lt;5 &amp; "
        "up</content></entry>\n"
        "</feed>\n";
    struct tally t;
    read_all(tl_write("text.atom", F, sizeof F - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "atom text: two entries");
    CHECK_STR(t.first.title, "Profits <b>rose</b> where a < b",
              "atom text: a title as written");
    CHECK_STR(t.first.body,
              "Rates were <3%. Use <script> tags with care. "
              "Ocelot.",
              "atom text: content whole, <script> included");
    CHECK_STR(t.titles, "Profits <b>rose</b> where a < b\nA marked title\n",
              "atom html: a title stripped");
    tally_free(&t);

    static const char P[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>p1</id>"
        "<content type=\"text/plain\">Price &lt;5 &amp; up</content>"
        "</entry></feed>\n";
    read_all(tl_write("plain.atom", P, sizeof P - 1), &t);
    CHECK_STR(t.first.body, "Price <5 & up", "atom text/plain: as written");
    tally_free(&t);
}

/* The body of the one item of FEED (NUL-terminated), written as NAME, in
 * a static buffer. */
static const char *body_of(const char *name, const char *feed)
{
    static char body[512];
    struct tally t;
    read_all(tl_write(name, feed, strlen(feed)), &t);
    snprintf(body, sizeof body, "%s",
             t.ok != 1      ? "(not one item)"
             : t.first.body ? t.first.body
                            : "");
    tally_free(&t);
    return body;
}

static void test_feed_escaped_twice(void)
{
    /* The review's feed.  A title's "<" and "&" are characters; a CMS's
     * HTML escaped twice ("&amp;lt;b&amp;gt;") is read as HTML, not shown
     * as tags; "a<b" opens no tag and is kept. */
    static const char F[] =
        "<?xml version=\"1.0\"?>\n"
        "<rss version=\"2.0\"><channel><title>T</title>"
        "<link>https://ex.org/</link>\n"
        "<item><title>Profits &lt; forecasts at AT&amp;T</title><link>"
        "https://ex.org/1</link><description>Body one about profits."
        "</description><author>ed@ex.org (Jane Roe) (Politics desk)"
        "</author></item>\n"
        "<item><title>Shares &amp;lt;b&amp;gt;soar&amp;lt;/b&amp;gt; "
        "today</title><link>https://ex.org/2</link><description>&amp;lt;p"
        "&amp;gt;Double escaped &amp;lt;b&amp;gt;body&amp;lt;/b&amp;gt; "
        "text.&amp;lt;/p&amp;gt;</description></item>\n"
        "<item><title>x &lt;3 y and a&lt;b</title><link>https://ex.org/3"
        "</link><description>Love &lt;3 wins; 5 &lt; 6 &amp; 7 &gt; 2"
        "</description></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("twice.rss", F, sizeof F - 1), &t);
    CHECK(t.ok == 3 && t.bad == 0, "escaped twice: three items");
    CHECK_STR(t.titles,
              "Profits < forecasts at AT&T\nShares soar today\n"
              "x <3 y and a<b\n",
              "escaped twice: the titles");
    CHECK_STR(t.authors, "Jane Roe\n\n\n", "escaped twice: the author");
    tally_free(&t);

#define RSS_ITEM(x)                                                            \
    "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"      \
    "<channel><item><guid>i</guid><title>T</title>" x                          \
    "</item></channel></rss>\n"
    CHECK_STR(body_of("d1.rss",
                      RSS_ITEM("<description>&amp;lt;p&amp;gt;Double "
                               "escaped &amp;lt;b&amp;gt;body&amp;lt;/b&amp;"
                               "gt; text.&amp;lt;/p&amp;gt;</description>")),
              "Double escaped body text.", "escaped twice: a description");
    CHECK_STR(body_of("d2.rss", RSS_ITEM("<description>Love &lt;3 wins; 5 "
                                         "&lt; 6 &amp; 7 &gt; 2"
                                         "</description>")),
              "Love <3 wins; 5 < 6 & 7 > 2", "escaped twice: < alone stays");
    CHECK_STR(body_of("d3.rss", RSS_ITEM("<description>Don&amp;amp;#8217;t "
                                         "x &lt;3 a&lt;b</description>")),
              "Don\u2019t x <3 a<b", "escaped twice: an entity");
    /* HTML with tags of its own escaped "<p>" on purpose: it is text. */
    CHECK_STR(body_of("d4.rss", RSS_ITEM("<description><![CDATA[<p>Use the "
                                         "&lt;p&gt; tag if a<b</p>]]>"
                                         "</description>")),
              "Use the <p> tag if a<b", "escaped twice: not HTML escaping");
#undef RSS_ITEM

    /* Atom says what its text is: type="html" is one layer of HTML (an
     * escaped tag in it is a tag as text), type="text" is never read as
     * HTML, and with no type the text is read as RSS's is. */
    static const char A[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>\n"
        "<entry><id>a1</id><title type=\"html\">x &lt;3 y and a&lt;b"
        "</title><author><name>ed@ex.org (Jane Roe) (Politics desk)</name>"
        "</author><content type=\"html\">Shares &amp;lt;b&amp;gt;soar"
        "&amp;lt;/b&amp;gt; today</content></entry>\n"
        "<entry><id>a2</id><title type=\"text\">Use &lt;p&gt; for "
        "paragraphs, a&lt;b</title><author><name>Jane Roe (Politics desk)"
        "</name></author></entry>\n"
        "<entry><id>a3</id><title>Shares &amp;lt;b&amp;gt;soar&amp;lt;/b"
        "&amp;gt; today</title></entry>\n"
        "<entry><id>a4</id><title type=\"html\">Shares &amp;lt;b&amp;gt;"
        "soar&amp;lt;/b&amp;gt; today</title></entry>\n"
        "</feed>\n";
    read_all(tl_write("twice.atom", A, sizeof A - 1), &t);
    CHECK(t.ok == 4 && t.bad == 0, "atom escaped: four entries");
    CHECK_STR(t.titles,
              "x <3 y and a<b\nUse <p> for paragraphs, a<b\n"
              "Shares soar today\nShares <b>soar</b> today\n",
              "atom escaped: titles as their type says");
    CHECK_STR(t.first.body, "Shares <b>soar</b> today",
              "atom escaped: type=\"html\" read once");
    CHECK_STR(t.authors, "Jane Roe\nJane Roe (Politics desk)\n\n\n",
              "atom escaped: the names");
    tally_free(&t);
}

static void test_wxr_drafts_ignored(void)
{
    struct tally t;
    read_all(SAMPLES "/feeds/wordpress-export.xml", &t);
    CHECK(t.ok == 2 && t.bad == 0, "wxr: two published posts");
    CHECK_STR(t.ids, "fish-market-new-quay\nferry-timetable-autumn\n",
              "wxr: slugs are ids");
    CHECK(t.ignored == 2, "wxr: draft and attachment ignored");
    CHECK(has(t.notes, "wordpress-export.xml:55: ignored: a WordPress post "
                       "with status 'draft'"),
          "wxr: draft noted with its line");
    CHECK(has(t.notes, "attachment"), "wxr: attachment noted");
    CHECK_STR(t.first.section, "Business", "wxr: category is the section");
    CHECK(t.first.n_tags == 2 && !strcmp(t.first.tags[1], "markets"),
          "wxr: post tags");
    CHECK_STR(t.first.date, "2025-08-12T08:00:00Z", "wxr: post_date_gmt");
    CHECK_STR(t.first.lang, "en", "wxr: channel language en-GB, as en");
    tally_free(&t);
}

static void test_wxr_password(void)
{
    /* A password-protected post is published, but not to everyone: left
     * out and counted like a draft.  An empty password is none. */
    static const char F[] =
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/"
        "modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
        "<channel><title>S</title>\n"
        "<item><title>Open</title><content:encoded>open text</content:encoded>"
        "<wp:post_name>open</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type><wp:post_password><![CDATA[]]>"
        "</wp:post_password></item>\n"
        "<item><title>Locked</title><content:encoded>secret iguana"
        "</content:encoded><wp:post_name>locked</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        "<wp:post_password><![CDATA[hunter2]]></wp:post_password></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("pw.xml", F, sizeof F - 1), &t);
    CHECK_STR(t.ids, "open\n", "wxr password: only the open post");
    CHECK(t.bad == 0 && t.ignored == 1 &&
              has(t.notes,
                  "pw.xml:3: ignored: a password-protected WordPress post"),
          "wxr password: ignored, counted, noted with its line");
    tally_free(&t);
}

static void test_wxr_display_names(void)
{
    /* An item names its author by login; the export's <wp:author> list
     * gives the name the site shows.  A login it does not list stays. */
    static const char F[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>S"
        "</title>\n"
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA["
        "kari]]></wp:author_login><wp:author_display_name><![CDATA[Kari "
        "Nordmann]]></wp:author_display_name></wp:author>\n"
        "<wp:author><wp:author_login>ola</wp:author_login></wp:author>\n"
        "<item><title>A</title><dc:creator>kari</dc:creator>"
        "<wp:post_name>a</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item>\n"
        "<item><title>B</title><dc:creator>ola</dc:creator>"
        "<dc:creator>kari</dc:creator><wp:post_name>b</wp:post_name>"
        "</item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("names.xml", F, sizeof F - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "wxr names: two posts");
    CHECK_STR(t.authors, "Kari Nordmann\nola, Kari Nordmann\n",
              "wxr names: the display name for a listed login");
    tally_free(&t);
}

static void test_wxr_shortcodes(void)
{
    /* In a WordPress export the content is the post as written, with
     * its shortcodes: their tags go, a caption's text stays, an embed's
     * URL goes.  Brackets that are no shortcode are text. */
    static const char F[] =
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/"
        "modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
        "<channel><title>S</title>\n"
        "<item><title>Harbour</title><content:encoded><![CDATA[<p>Opened."
        "</p>\n[caption id=\"attachment_1\" align=\"alignnone\" "
        "width=\"300\"]<img src=\"h.jpg\" width=\"300\" /> Mayor cuts the "
        "ribbon[/caption]\n[embed]https://www.youtube.com/watch?v=abc"
        "[/embed]\n[gallery ids=\"1,2\"]\n<p>Note [1], [sic], [[gallery]]."
        "</p>\n[su_quote]Quoted words[/su_quote]\n[caption "
        "caption=\"Old caption\"]<img src=\"x.jpg\" />[/caption]]]>"
        "</content:encoded><wp:post_name>h</wp:post_name><wp:status>publish"
        "</wp:status><wp:post_type>post</wp:post_type></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("codes.xml", F, sizeof F - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "wxr shortcodes: the post read");
    CHECK_STR(t.first.body,
              "Opened.\n\nMayor cuts the ribbon\n\nNote [1], [sic], "
              "[gallery].\n\nQuoted words\n\nOld caption",
              "wxr shortcodes: tags out, caption text in, embed URL out");
    tally_free(&t);

    /* A caption is a paragraph of its own, as the site shows it (a
     * <figure>), though one newline parts it from the next sentence. */
    static const char C[] =
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/"
        "modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
        "<channel><title>S</title>\n"
        "<item><title>Budget</title><content:encoded><![CDATA[[caption "
        "id=\"attachment_60\" width=\"300\"]<img src=\"m.jpg\" /> The "
        "mayor presents the budget[/caption]\nThe council approved it."
        "]]></content:encoded><wp:post_name>b</wp:post_name><wp:status>"
        "publish</wp:status><wp:post_type>post</wp:post_type></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("caption.xml", C, sizeof C - 1), &t);
    CHECK_STR(t.first.body,
              "The mayor presents the budget\n\nThe council approved it.",
              "wxr caption: a paragraph, not run into the next sentence");
    tally_free(&t);

    /* In any other feed, brackets are text. */
    static const char R[] =
        "<rss version=\"2.0\"><channel><title>S</title><item><guid>r</guid>"
        "<description>Ruling [caption] upheld [/caption]</description>"
        "</item></channel></rss>\n";
    read_all(tl_write("brackets.rss", R, sizeof R - 1), &t);
    CHECK_STR(t.first.body, "Ruling [caption] upheld [/caption]",
              "brackets in an RSS feed: text");
    tally_free(&t);
}

/* A first item long enough that the parser's read-ahead has handed it
 * out before it meets what follows. */
static void long_first_item(ns_buf_t *x, const char *guid)
{
    ns_buf_puts(x, "<item><guid>");
    ns_buf_puts(x, guid);
    ns_buf_puts(x, "</guid><title>Fine</title></item>\n"
                   "<item><guid>pad</guid><title>Padding</title><description>");
    for (int i = 0; i < 100; i++)
        ns_buf_puts(x, "A long enough item. ");
    ns_buf_puts(x, "</description></item>\n");
}

static void test_feed_truncated(void)
{
    /* Cut inside the last item: the items before are kept, the cut is
     * reported with the line the parser knows. */
    ns_buf_t x = {0};
    ns_buf_puts(&x, "<rss version=\"2.0\"><channel>\n");
    long_first_item(&x, "t1");
    ns_buf_puts(&x, "<item><guid>t3</guid>\n<title>Cut he");
    struct tally t;
    read_all(tl_write("cut.rss", x.p, x.len), &t);
    CHECK_STR(t.ids, "t1\npad\n", "truncated: the items before are kept");
    CHECK(t.bad == 1 && has(t.errors, "cut.rss:5: item 3: "),
          "truncated: FILE:LINE: item 3, reported once");
    tally_free(&t);
    ns_buf_free(&x);
}

static void test_feed_undefined_entity(void)
{
    /* An entity that is neither XML's nor HTML's (a typo, one of the
     * feed's own DTD) costs its item; the items after it are read whole,
     * their &amp; and &lt; included. */
    ns_buf_t x = {0};
    ns_buf_puts(&x, "<rss version=\"2.0\"><channel>\n");
    long_first_item(&x, "u1");
    ns_buf_puts(&x, "<item><guid>u2</guid><title>Caf&eacutee; "
                    "&nbsp;</title></item>\n"
                    "<item><guid>u3</guid><title>Fish &amp; chips &lt;3"
                    "</title></item>\n"
                    "</channel></rss>\n");
    struct tally t;
    read_all(tl_write("ent.rss", x.p, x.len), &t);
    CHECK_STR(t.ids, "u1\npad\nu3\n",
              "undefined entity: the items around it are read");
    CHECK(t.bad == 1 && has(t.errors, "ent.rss:4: item 3: ") &&
              has(t.errors, "eacutee"),
          "undefined entity: FILE:LINE: item N: reason");
    CHECK(has(t.titles, "Fish & chips <3\n"),
          "undefined entity: the next item keeps its &amp; and &lt;");
    tally_free(&t);
    ns_buf_free(&x);

    /* In the channel's header: one record, and every item is read. */
    static const char H[] =
        "<rss version=\"2.0\"><channel><title>News &bogus; today</title>\n"
        "<item><guid>h1</guid><title>Q&amp;A</title></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("head.rss", H, sizeof H - 1), &t);
    CHECK(t.ok == 1 && t.bad == 1 && has(t.errors, "head.rss:1: Entity"),
          "undefined entity in the header: one record");
    CHECK_STR(t.first.title, "Q&A",
              "undefined entity in the header: the items keep their &amp;");
    tally_free(&t);
}

static void test_feed_undeclared_prefix(void)
{
    /* Prefixes a hand-made feed forgot to declare: libxml2's namespace
     * error is no well-formedness error and costs nothing.  dc: and
     * content: are read as theirs; media: and atom: are ignored, as
     * when declared, and never taken for RSS's own title or link. */
    static const char F[] =
        "<?xml version=\"1.0\"?>\n"
        "<rss version=\"2.0\"><channel><title>c</title>\n"
        "<atom:link href=\"https://example.org/feed\" rel=\"self\"/>\n"
        "<item><guid>n1</guid><title>First</title><link>/2025/n1</link>"
        "<media:content "
        "url=\"https://example.org/a.jpg\"><media:title>Photo words"
        "</media:title></media:content><description>Harbour one."
        "</description></item>\n"
        "<item><guid>n2</guid><title>Second</title><dc:creator>Kari"
        "</dc:creator><content:encoded><![CDATA[<p>Body two</p>]]>"
        "</content:encoded></item>\n"
        "<item><guid>n3</guid><title>Third</title></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("prefix.rss", F, sizeof F - 1), &t);
    CHECK(t.bad == 0 && !t.errors[0], "undeclared prefix: no error");
    CHECK_STR(t.ids, "n1\nn2\nn3\n", "undeclared prefix: every item read");
    CHECK_STR(t.titles, "First\nSecond\nThird\n",
              "undeclared prefix: media:title is no title");
    CHECK_STR(t.first.body, "Harbour one.",
              "undeclared prefix: media: ignored");
    CHECK_STR(t.authors, "\nKari\n\n", "undeclared prefix: dc:creator read");
    CHECK_STR(t.first.url, "https://example.org/2025/n1",
              "undeclared prefix: atom:link rel=self read as Atom's");
    tally_free(&t);
}

static void test_feed_html_entities(void)
{
    /* HTML's named entities, common in real feeds, are their characters
     * wherever they are: the channel's title, an item's text, an
     * attribute; the &amp; and &lt; after them stay. */
    static const char R[] =
        "<rss version=\"2.0\"><channel><title>News&nbsp;today</title>\n"
        "<item><guid>e1</guid><title>Storm&nbsp;warning &mdash; "
        "caf&eacute;</title></item>\n"
        "<item><guid>e2</guid><title>Fish &amp; chips &lt;3</title></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("html-ent.rss", R, sizeof R - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "html entities: no error");
    CHECK_STR(t.titles,
              "Storm\xc2\xa0warning \xe2\x80\x94 caf\xc3\xa9\n"
              "Fish & chips <3\n",
              "html entities: their characters; &amp; and &lt; after them");
    tally_free(&t);

    static const char A[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\n"
        "<entry><id>a1</id><title>One&nbsp;</title>"
        "<link href=\"https://x.example/?a=1&amp;b=2\"/>"
        "<category term=\"c\" label=\"Caf&eacute; &amp; bar\"/></entry>\n"
        "<entry><id>a2</id><title>Tom &amp; Jerry</title></entry>\n"
        "</feed>\n";
    read_all(tl_write("html-ent.atom", A, sizeof A - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "html entities in atom: no error");
    CHECK_STR(t.first.section, "Caf\xc3\xa9 & bar",
              "html entities: in an attribute, with its &amp;");
    CHECK_STR(t.first.url, "https://x.example/?a=1&b=2",
              "an attribute's &amp; is an &");
    CHECK(has(t.titles, "Tom & Jerry\n"), "html entities: the next entry");
    tally_free(&t);
}

static void test_feed_billion_laughs(void)
{
    /* Ten levels of ten: 10^10 "lol"s if expanded. */
    ns_buf_t x = {0};
    ns_buf_puts(&x, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                    "<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 10; i++) {
        char line[256];
        snprintf(line, sizeof line,
                 "<!ENTITY lol%d \"&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;&lol%d;"
                 "&lol%d;&lol%d;&lol%d;&lol%d;\">\n",
                 i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                 i - 1, i - 1);
        ns_buf_puts(&x, line);
    }
    ns_buf_puts(&x, "]>\n<rss version=\"2.0\"><channel>\n");
    long_first_item(&x, "b1");
    ns_buf_puts(&x, "<item><guid>b2</guid><title>&lol10;</title></item>\n"
                    "</channel></rss>\n");
    struct tally t;
    read_all(tl_write("bomb.rss", x.p, x.len), &t);
    CHECK(has(t.ids, "b1"), "billion laughs: the item before is read");
    CHECK(!has(t.ids, "b2"), "billion laughs: never expanded into an article");
    /* The whole run stays small: no article holds the expansion. */
    CHECK(t.first.title && strlen(t.first.title) < 100,
          "billion laughs: bounded");
    CHECK(t.bad == 1 && has(t.errors, "bomb.rss:18: item 3: ") &&
              has(t.errors, "lol10"),
          "billion laughs: refused as an undefined entity, reported");
    tally_free(&t);
    ns_buf_free(&x);
}

static void test_feed_external_entity(void)
{
    static const char F[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
        "<rss version=\"2.0\"><channel>\n"
        "<item><guid>x1</guid><title>T</title><description>before "
        "&xxe; after</description></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("xxe.rss", F, sizeof F - 1), &t);
    CHECK(t.ok + t.bad == 1, "external entity: one item, read or refused");
    CHECK(!t.first.body || !has(t.first.body, "root:"),
          "external entity: the file is never read");
    tally_free(&t);

    /* An HTML name declared by the document is still HTML's character,
     * never the document's declaration. */
    static const char N[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE rss [<!ENTITY nbsp SYSTEM \"file:///etc/passwd\">]>\n"
        "<rss version=\"2.0\"><channel>\n"
        "<item><guid>x2</guid><title>T</title><description>before&nbsp;"
        "after</description></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("xxe2.rss", N, sizeof N - 1), &t);
    CHECK(t.ok == 1 && t.first.body && !has(t.first.body, "root:"),
          "external entity named nbsp: the file is never read");
    tally_free(&t);
}

/* A feed declared ISO-8859-1 or US-ASCII is read as windows-1252, as
 * browsers read it: its curly quotes and dashes are kept, and a byte over
 * 0x7F in "US-ASCII" costs nothing. */
static void test_feed_cp1252(void)
{
    static const char L1[] =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\">"
        "<channel><title>A</title><item><guid>m</guid><title>The mayor\x92s "
        "\x93"
        "big\x94 day \x96 caf\xe9</title><description>It\x92s "
        "here</description></item></channel></rss>\n";
    struct tally t;
    read_all(tl_write("latin1.rss", L1, sizeof L1 - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "cp1252: the item read");
    CHECK_STR(t.first.title,
              "The mayor\xe2\x80\x99s \xe2\x80\x9c"
              "big\xe2\x80\x9d day "
              "\xe2\x80\x93 caf\xc3\xa9",
              "cp1252: ISO-8859-1's 0x92, 0x93, 0x94, 0x96 and 0xE9");
    CHECK_STR(t.first.body, "It\xe2\x80\x99s here", "cp1252: in the body");
    tally_free(&t);
    static const char ASCII[] =
        "<?xml version='1.0' encoding='us-ascii'?>\n<rss version=\"2.0\">"
        "<channel><title>A</title><item><guid>n</guid><title>Na\xefve "
        "\x80 price</title></item><item><guid>o</guid><title>Two</title>"
        "</item></channel></rss>\n";
    read_all(tl_write("ascii.rss", ASCII, sizeof ASCII - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "cp1252: US-ASCII with 0xEF, both items");
    CHECK_STR(t.first.title, "Na\xc3\xafve \xe2\x82\xac price",
              "cp1252: US-ASCII's 0xEF and 0x80");
    tally_free(&t);
}

int main(void)
{
    test_rss();
    test_rss_author();
    test_rdf();
    test_atom();
    test_atom_text();
    test_atom_feed_author();
    test_atom_xml_base();
    test_wxr_drafts_ignored();
    test_wxr_password();
    test_wxr_display_names();
    test_wxr_shortcodes();
    test_feed_truncated();
    test_feed_undefined_entity();
    test_feed_html_entities();
    test_feed_undeclared_prefix();
    test_feed_billion_laughs();
    test_feed_external_entity();
    test_feed_cp1252();
    test_feed_escaped_twice();
    return tl_done();
}
