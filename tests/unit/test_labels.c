/* test_labels.c - Labels (section, tags, author, lang) as every input form
 * gives them: HTML entities of the names WordPress keeps escaped, in its
 * exports, feeds, REST API and JSON-LD; a byline's leading "By " or "Av ";
 * Unicode's spaces at a label's ends. */
#include "readlib.h"

/* The tags of A, each followed by '|'. */
static const char *tags_of(const ns_article_t *a)
{
    static char out[1024];
    out[0] = '\0';
    for (size_t i = 0; i < a->n_tags; i++) {
        size_t used = strlen(out);
        snprintf(out + used, sizeof out - used, "%s|", a->tags[i]);
    }
    return out;
}

/* ------------------------------------------------------------------------ */
/* HTML entities in WordPress's names                                       */
/* ------------------------------------------------------------------------ */

static void test_wxr_entities(void)
{
    /* WordPress keeps term and display names HTML-escaped, and its
     * export writes them so, in CDATA. */
    static const char F[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>S"
        "</title>\n"
        "<wp:author><wp:author_login><![CDATA[ed]]></wp:author_login>"
        "<wp:author_display_name><![CDATA[Ed O&#039;Neil &amp; Co]]>"
        "</wp:author_display_name></wp:author>\n"
        "<item><title>A</title><dc:creator><![CDATA[ed]]></dc:creator>"
        "<description>x</description>"
        "<category domain=\"category\" nicename=\"arts\"><![CDATA[Arts "
        "&amp; Culture]]></category>"
        "<category domain=\"post_tag\" nicename=\"rock\"><![CDATA[Rock "
        "&amp; Roll]]></category>"
        "<category domain=\"post_tag\" nicename=\"b\"><![CDATA[<b>Bold</b> "
        "Mayor&#8217;s]]></category>"
        "<wp:post_name>a</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item>\n"
        "<item><title>B</title><dc:creator><![CDATA[Kari &amp; "
        "Ola]]></dc:creator><description>x</description>"
        "<wp:post_name>b</wp:post_name></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("wxr.xml", F, sizeof F - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "wxr entities: two posts");
    CHECK_STR(t.first.section, "Arts & Culture", "wxr entities: the section");
    CHECK_STR(tags_of(&t.first), "Rock & Roll|<b>Bold</b> Mayor\u2019s|",
              "wxr entities: tags, a tag's <b> kept as text");
    CHECK_STR(t.authors, "Ed O'Neil & Co\nKari & Ola\n",
              "wxr entities: a display name, and a login not listed");
    tally_free(&t);
}

static void test_rss_entities(void)
{
    /* WordPress's RSS writes a category in CDATA, escaped as kept; other
     * feeds escape it once more than XML needs.  A plain "AT&amp;T" is
     * XML's own escape: "AT&T". */
    static const char F[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>S</title>\n"
        "<item><title>A</title><guid>a</guid><description>x</description>"
        "<dc:creator><![CDATA[Ed O&#039;Neil]]></dc:creator>"
        "<category><![CDATA[Arts &amp; Culture]]></category>"
        "<category>Rock &amp;amp; Roll</category>"
        "<category>AT&amp;T</category>"
        "<category>R&amp;D; Q&amp;A &amp;#146;</category></item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("wp.rss", F, sizeof F - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "rss entities: the item");
    CHECK_STR(t.first.section, "Arts & Culture", "rss entities: CDATA");
    CHECK_STR(tags_of(&t.first), "Rock & Roll|AT&T|R&D; Q&A \u2019|",
              "rss entities: escaped twice; a bare '&' kept; &#146;");
    CHECK_STR(t.first.author, "Ed O'Neil", "rss entities: dc:creator");
    tally_free(&t);
    /* Written in any of these ways, a name is one tag. */
    static const char G[] =
        "<rss version=\"2.0\"><channel><title>S</title>\n"
        "<item><title>B</title><guid>b</guid><description>x</description>"
        "<category>Arts &amp;amp; Culture</category>"
        "<category><![CDATA[Rock &amp; Roll]]></category>"
        "<category>Rock &amp;amp; Roll</category>"
        "<category>Rock &amp; Roll</category></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("twice.rss", G, sizeof G - 1), &t);
    CHECK_STR(t.first.section, "Arts & Culture", "rss entities: escaped twice");
    CHECK_STR(tags_of(&t.first), "Rock & Roll|", "rss entities: one tag");
    tally_free(&t);
}

static void test_atom_entities(void)
{
    static const char F[] =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>S</title>\n"
        "<entry><id>e1</id><title>A</title><summary>x</summary>"
        "<author><name>Ed O&amp;#039;Neil</name></author>"
        "<category term=\"arts\" label=\"Arts &amp;amp; Culture\"/>"
        "</entry></feed>\n";
    struct tally t;
    read_all(tl_write("atom.xml", F, sizeof F - 1), &t);
    CHECK(t.ok == 1, "atom entities: one entry");
    CHECK_STR(t.first.section, "Arts & Culture", "atom entities: label");
    CHECK_STR(t.first.author, "Ed O'Neil", "atom entities: author name");
    tally_free(&t);
}

static void test_wpjson_entities(void)
{
    static const char W[] =
        "[{\"id\":7,\"slug\":\"arts\",\"status\":\"publish\","
        "\"type\":\"post\",\"title\":{\"rendered\":\"T\"},"
        "\"content\":{\"rendered\":\"<p>Text.</p>\"},"
        "\"_embedded\":{\"author\":[{\"id\":3,\"name\":\"Ed "
        "O&#039;Neil &amp; Co\"}],"
        "\"wp:term\":[[{\"id\":4,\"name\":\"Arts &amp; Culture\","
        "\"taxonomy\":\"category\"}],[{\"id\":9,\"name\":\"Rock &amp; "
        "Roll\",\"taxonomy\":\"post_tag\"},{\"id\":10,\"name\":\"<i>x</i> "
        "&lt;3\",\"taxonomy\":\"post_tag\"}]]}}]\n";
    struct tally t;
    read_all(tl_write("posts.json", W, sizeof W - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "wp rest entities: one post");
    CHECK_STR(t.first.section, "Arts & Culture", "wp rest entities: section");
    CHECK_STR(tags_of(&t.first), "Rock & Roll|<i>x</i> <3|",
              "wp rest entities: tags, no markup read");
    CHECK_STR(t.first.author, "Ed O'Neil & Co", "wp rest entities: author");
    tally_free(&t);
}

static void test_jsonld_entities(void)
{
    static const char P[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"Body text.\","
        "\"articleSection\":[\"Arts &amp; Culture\",\"News\"],"
        "\"keywords\":\"Rock &amp; Roll, Q&amp;A, Mayor&#8217;s\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"Ed O&#039;Neil\"}}"
        "</script></head><body><p>x</p></body></html>";
    struct tally t;
    read_all(tl_write("page.html", P, sizeof P - 1), &t);
    CHECK(t.ok == 1, "json-ld entities: the page");
    CHECK_STR(t.first.section, "Arts & Culture",
              "json-ld entities: articleSection");
    CHECK_STR(tags_of(&t.first), "Rock & Roll|Q&A|Mayor\u2019s|",
              "json-ld entities: keywords");
    CHECK_STR(t.first.author, "Ed O'Neil", "json-ld entities: author");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* "By " before a byline                                                    */
/* ------------------------------------------------------------------------ */

static void test_byline_feed(void)
{
    static const char F[] =
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel><title>S</title>\n"
        "<item><title>A</title><guid>a</guid><description>x</description>"
        "<dc:creator>By Jane Doe</dc:creator></item>\n"
        "<item><title>B</title><guid>b</guid><description>x</description>"
        "<dc:creator>BY CHRISTOPHER RUGABER</dc:creator></item>\n"
        "<item><title>C</title><guid>c</guid><description>x</description>"
        "<dc:creator>by Kari</dc:creator><dc:creator>Av Ola "
        "Nordmann</dc:creator></item>\n"
        "<item><title>D</title><guid>d</guid><description>x</description>"
        "<dc:creator>Byron Smith</dc:creator><dc:creator>Avery "
        "Jones</dc:creator></item>\n"
        "<item><title>E</title><guid>e</guid><description>x</description>"
        "<author>jd@example.com (By Jane Doe)</author></item>\n"
        "<item><title>F</title><guid>f</guid><description>x</description>"
        "<dc:creator>By</dc:creator></item>\n"
        "<item><title>G</title><guid>g</guid><description>x</description>"
        "<dc:creator>By: Jane Doe</dc:creator><dc:creator>Written by Ola "
        "Nordmann</dc:creator><dc:creator>Skrevet av Kari</dc:creator>"
        "</item>\n"
        "</channel></rss>\n";
    struct tally t;
    read_all(tl_write("by.rss", F, sizeof F - 1), &t);
    CHECK(t.ok == 7 && t.bad == 0, "byline feed: seven items");
    CHECK_STR(t.authors,
              "Jane Doe\nCHRISTOPHER RUGABER\nKari, Ola Nordmann\n"
              "Byron Smith, Avery Jones\nJane Doe\nBy\n"
              "Jane Doe, Ola Nordmann, Kari\n",
              "byline feed: By, BY, by, Av, By:, Written by, Skrevet av go; "
              "Byron and Avery stay");
    tally_free(&t);
}

static void test_byline_page(void)
{
    static const char P[] =
        "<html><head><meta name=\"author\" content=\"By CHRISTOPHER "
        "RUGABER\"><title>T</title></head><body><article><h1>T</h1><p>Body "
        "text.</p></article></body></html>";
    struct tally t;
    read_all(tl_write("by.html", P, sizeof P - 1), &t);
    CHECK_STR(t.first.author, "CHRISTOPHER RUGABER", "byline: a meta tag");
    tally_free(&t);
    static const char LD[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"H\",\"articleBody\":\"Body.\","
        "\"author\":[{\"name\":\"By Kari Nordmann\"},{\"name\":\"Byrne "
        "Ola\"}]}</script></head><body></body></html>";
    read_all(tl_write("ld.html", LD, sizeof LD - 1), &t);
    CHECK_STR(t.first.author, "Kari Nordmann, Byrne Ola",
              "byline: JSON-LD persons, each");
    tally_free(&t);
}

static void test_byline_json_and_front_matter(void)
{
    static const char J[] =
        "{\"id\":\"a\",\"title\":\"T\",\"author\":\"By Jane Doe\"}\n"
        "{\"id\":\"b\",\"title\":\"T\",\"author\":[\"By Kari\",\"Ola\"]}\n"
        "{\"id\":\"c\",\"title\":\"T\",\"author\":\"Av\\u00a0Kari "
        "Nordmann\"}\n"
        "{\"id\":\"d\",\"title\":\"T\",\"author\":\"By 2025 staff\"}\n";
    struct tally t;
    read_all(tl_write("by.jsonl", J, sizeof J - 1), &t);
    CHECK(t.ok == 4, "byline json: four records");
    CHECK_STR(t.authors, "Jane Doe\nKari, Ola\nKari Nordmann\nBy 2025 staff\n",
              "byline json: a string, a list, after a no-break space");
    tally_free(&t);
    static const char M[] = "---\ntitle: T\nauthor: By Jane Doe\n---\nText.\n";
    read_all(tl_write("by.md", M, sizeof M - 1), &t);
    CHECK_STR(t.first.author, "Jane Doe", "byline: front matter");
    tally_free(&t);
    static const char L[] =
        "---\ntitle: T\nauthors: [By Kari, av Ola]\n---\nText.\n";
    read_all(tl_write("list.md", L, sizeof L - 1), &t);
    CHECK_STR(t.first.author, "Kari, Ola", "byline: a front-matter list");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* Unicode's spaces at a label's ends                                       */
/* ------------------------------------------------------------------------ */

static void test_label_unicode_spaces(void)
{
    static const char J[] =
        "{\"id\":\"a\",\"title\":\"T\",\"section\":\"World\\u00a0\","
        "\"tags\":[\"\\u2009Oil\\u00a0\",\"\\u3000Gas\\u202f\"],"
        "\"author\":\"\\u00a0Kari Nordmann\\u2007\","
        "\"lang\":\"no\\u00a0\"}\n"
        "{\"id\":\"b\",\"title\":\"T\",\"section\":\"\\u00a0\","
        "\"tags\":\"Oil\\u00a0, \\u00a0Gas\"}\n"
        "{\"id\":\"c\",\"title\":\"T\",\"section\":\"World\\u00a0News\"}\n";
    struct tally t;
    read_all(tl_write("sp.jsonl", J, sizeof J - 1), &t);
    CHECK(t.ok == 3 && t.bad == 0, "spaces: every record read");
    CHECK_STR(t.first.section, "World", "spaces: section");
    CHECK_STR(tags_of(&t.first), "Oil|Gas|", "spaces: tags");
    CHECK_STR(t.first.author, "Kari Nordmann", "spaces: author");
    CHECK_STR(t.first.lang, "no", "spaces: lang");
    CHECK_STR(t.authors, "Kari Nordmann\n\n\n", "spaces: no author left");
    tally_free(&t);
    /* The same in a feed: one tag, not two. */
    static const char F[] =
        "<rss version=\"2.0\"><channel><title>S</title>\n"
        "<item><title>A</title><guid>a</guid><description>x</description>"
        "<category>World&#160;</category><category>Oil</category>"
        "<category>Oil&#xa0;</category></item>\n"
        "</channel></rss>\n";
    read_all(tl_write("sp.rss", F, sizeof F - 1), &t);
    CHECK_STR(t.first.section, "World", "spaces: a feed's section");
    CHECK_STR(tags_of(&t.first), "Oil|", "spaces: a feed's tag once");
    tally_free(&t);
}

int main(void)
{
    test_wxr_entities();
    test_rss_entities();
    test_atom_entities();
    test_wpjson_entities();
    test_jsonld_entities();
    test_byline_feed();
    test_byline_page();
    test_byline_json_and_front_matter();
    test_label_unicode_spaces();
    return tl_done();
}
