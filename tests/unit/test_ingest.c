/* test_ingest.c - What news sites publish besides feeds (test_feed.c):
 * HTML article pages, JSON documents, NITF stories, Markdown bodies and
 * front-matter keys, format sniffing and RFC 822 dates; and the broken and
 * hostile forms of each. */
#include <sys/stat.h>

#include "readlib.h"
/* The tests run from the top of the tree (make check, tests/run.sh). */
#define SAMPLES "samples"

/* ------------------------------------------------------------------------ */
/* HTML pages                                                               */
/* ------------------------------------------------------------------------ */

static void test_pages(void)
{
    struct tally t;
    read_all(SAMPLES "/pages", &t);
    /* Three HTML pages, and four plain-text pages beside them. */
    CHECK(t.ok == 7 && t.bad == 0, "pages: seven articles");
    ns_article_t *a = &t.first; /* city-library-reopens.html: JSON-LD */
    CHECK_STR(a->id, "city-library-reopens.html", "page: path is the id");
    CHECK_STR(a->title,
              "City library reopens after an eighteen-month renovation",
              "page: JSON-LD headline before og:title");
    CHECK_STR(a->date, "2025-09-08T06:00:00Z", "page: datePublished");
    CHECK_STR(a->section, "Culture", "page: articleSection");
    CHECK_STR(a->author, "Ingrid Vik", "page: author object's name");
    CHECK(a->n_tags == 3, "page: keywords");
    CHECK(a->n_headings == 2 && !strcmp(a->headings[1], "Longer opening hours"),
          "page: h2 of the article are headings; comments' h3 is not");
    CHECK(!has(a->body, "Read also") && !has(a->body, "reader comment") &&
              !has(a->body, "analytics") && !has(a->body, "Log in"),
          "page: aside, comments, script, nav never in the body");
    CHECK(has(t.ids, "harbour-bridge-repairs.html") &&
              has(t.ids, "sjakkfestival-i-sentrum.html"),
          "page: the Open Graph and the plain page");
    tally_free(&t);

    static const char OG[] =
        "<html><head><meta property=\"og:title\" content=\"OG title\">"
        "<meta property=\"og:locale\" content=\"nb_NO\">"
        "<meta property=\"article:published_time\" "
        "content=\"2025-01-02T03:04:05Z\">"
        "<meta property=\"article:tag\" content=\"a\">"
        "<meta property=\"article:tag\" content=\"b\"></head>"
        "<body><nav>Menu</nav><main><h1>H</h1><p>Tekst "
        "her.</p><!-- a comment --></main></body></html>";
    ns_article_t art;
    char err[256];
    CHECK(ns_html_page(OG, sizeof OG - 1, "og", &art, err, sizeof err) == 0,
          "og page parses");
    CHECK_STR(art.title, "OG title", "og: title");
    CHECK_STR(art.lang, "no", "og: locale's language (nb is no)");
    CHECK_STR(art.body, "Tekst her.", "og: main text, no h1, nav, comment");
    CHECK(art.n_tags == 2, "og: article:tag");
    CHECK_STR(art.date, "2025-01-02T03:04:05Z", "og: published_time");
    ns_article_clear(&art);

    /* Every author of a JSON-LD byline; a Person named only by "@id" (a
     * URL) is no name. */
    static const char LD[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Two bylines\",\"articleBody\":"
        "\"Text.\",\"author\":[{\"@type\":\"Person\",\"name\":\"Kari "
        "Nordmann\"},\"Ola Nordmann\",{\"@id\":\"https://x/#p\"}]}"
        "</script></head><body><p>Text.</p></body></html>";
    CHECK(ns_html_page(LD, sizeof LD - 1, "ld", &art, err, sizeof err) == 0,
          "ld page parses");
    CHECK_STR(art.author, "Kari Nordmann, Ola Nordmann", "ld: every author");
    ns_article_clear(&art);
    static const char LD1[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"URL only\",\"articleBody\":"
        "\"Text.\",\"author\":{\"@id\":\"https://x/#p\"}}</script></head>"
        "<body><p>Text.</p></body></html>";
    CHECK(ns_html_page(LD1, sizeof LD1 - 1, "ld1", &art, err, sizeof err) ==
                  0 &&
              art.author == NULL,
          "ld: an author known only by a URL is none");
    ns_article_clear(&art);
}

static void test_page_without_text(void)
{
    static const char P[] = "<!DOCTYPE html><html><head><title>Menu "
                            "page</title></head><body><nav>Home | "
                            "News</nav><div>Just a div</div></body></html>";
    struct tally t;
    read_all(tl_write("empty.html", P, sizeof P - 1), &t);
    CHECK(t.ok == 0 && t.bad == 1, "no article text: skipped and counted");
    CHECK(has(t.errors, "empty.html: no article text"),
          "no article text: FILE: reason");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* JSON documents                                                           */
/* ------------------------------------------------------------------------ */

static void test_json_array(void)
{
    static const char J[] = "[\n"
                            "  {\"id\": \"j1\", \"title\": \"One\"},\n"
                            "  {\"title\": \"no id\"},\n"
                            "  42,\n"
                            "  {\"id\": \"j2\",\n   \"body\": \"Two\"}\n"
                            "]\n";
    struct tally t;
    read_all(tl_write("arr.json", J, sizeof J - 1), &t);
    CHECK(t.ok == 2, "array: two good objects");
    CHECK_STR(t.ids, "j1\nj2\n", "array: in order");
    CHECK(t.bad == 2 && has(t.errors, "arr.json:3: item 2: missing id") &&
              has(t.errors, "arr.json:4: item 3: not a JSON object"),
          "array: bad items reported with line and item, the rest read");
    tally_free(&t);

    static const char P[] = "{\n  \"id\": \"p1\",\n  \"title\": \"Pretty\"\n}\n"
                            "{\n  \"id\": \"p2\",\n  \"title\": \"Two\"\n}\n";
    read_all(tl_write("pretty.json", P, sizeof P - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0, "pretty-printed objects");
    tally_free(&t);

    static const char S[] = "[{\"id\": \"s1\", \"title\": \"ok\"},\n"
                            " {\"id\": \"s2\", \"title\": oops},\n"
                            " {\"id\": \"s3\", \"title\": \"lost\"}]";
    read_all(tl_write("syntax.json", S, sizeof S - 1), &t);
    CHECK(t.ok == 1 && t.bad == 1, "syntax error: ends the document");
    CHECK(has(t.errors, "syntax.json:2: item 2: malformed JSON"),
          "syntax error: reported at its line");
    tally_free(&t);

    /* JSON Lines in a .json file stay JSON Lines: a bad line costs one. */
    static const char L[] = "{\"id\": \"l1\", \"title\": \"a\"}\n"
                            "{\"id\": \"l2\", \"title\": }\n"
                            "{\"id\": \"l3\", \"title\": \"c\"}\n";
    read_all(tl_write("lines.json", L, sizeof L - 1), &t);
    CHECK(t.ok == 2 && t.bad == 1, "json lines in .json still line by line");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* Markdown and front matter                                                */
/* ------------------------------------------------------------------------ */

/* A JSON Feed (jsonfeed.org 1.1 and 1), pretty-printed or on one line:
 * its items are the articles. */
static void test_json_feed(void)
{
    static const char F[] =
        "{\n"
        "  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
        "  \"title\": \"Nord\", \"language\": \"nb\",\n"
        "  \"authors\": [{\"name\": \"Redaksjonen\"}],\n"
        "  \"items\": [\n"
        "    {\"id\": \"https://x.no/flom\", \"url\": \"https://x.no/flom\",\n"
        "     \"title\": \"Flom\", \"content_html\": \"<p>Elva <b>steg</b>."
        "</p><h2>Evakuert</h2><p>Mange.</p><script>x()</script>\",\n"
        "     \"date_published\": \"2025-08-05T10:00:00+02:00\",\n"
        "     \"authors\": [{\"name\": \"Kari\"}, {\"name\": \"Ola\"}],\n"
        "     \"tags\": [\"Innenriks\", \"vær\", \"flom\"]},\n"
        "    {\"id\": \"2\", \"title\": \"Kort\", \"content_text\": "
        "\"Tekst.\",\n"
        "     \"content_html\": \"<p>ignored</p>\", \"language\": \"en\",\n"
        "     \"date_modified\": \"2025-08-06T08:00:00Z\"},\n"
        "    {\"id\": \"3\", \"title\": \"\"},\n"
        "    7,\n"
        "    {\"url\": \"https://x.no/u\", \"summary\": \"Bare ingress.\"}\n"
        "  ]\n"
        "}\n";
    struct tally t;
    read_all(tl_write("feed.json", F, sizeof F - 1), &t);
    CHECK(t.ok == 3 && t.bad == 2, "json feed: three items, two bad");
    CHECK_STR(t.ids, "https://x.no/flom\n2\nhttps://x.no/u\n",
              "json feed: id, else url, in order");
    CHECK(has(t.errors, "feed.json:14: item 3: missing title and body") &&
              has(t.errors, "feed.json:15: item 4: not a JSON object"),
          "json feed: bad items named by number, at their own lines");
    ns_article_t *a = &t.first;
    CHECK_STR(a->title, "Flom", "json feed: title");
    CHECK_STR(a->body, "Elva steg.\n\nEvakuert\n\nMange.",
              "json feed: content_html as text, script dropped");
    CHECK(a->n_headings == 1 && !strcmp(a->headings[0], "Evakuert"),
          "json feed: h2 is a heading");
    CHECK_STR(a->date, "2025-08-05T08:00:00Z", "json feed: date_published");
    CHECK_STR(a->author, "Kari, Ola", "json feed: the item's authors");
    CHECK_STR(a->section, "Innenriks", "json feed: first tag the section");
    CHECK(a->n_tags == 2 && !strcmp(a->tags[0], "vær"),
          "json feed: the other tags");
    CHECK_STR(a->lang, "no", "json feed: the feed's language (nb is no)");
    CHECK_STR(a->url, "https://x.no/flom", "json feed: url");
    tally_free(&t);

    /* A feed's item fields are read as C strings: a \u0000 would cut an
     * id short, and two items merge into one.  Refused, as before. */
    static const char NUL[] =
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
        "{\"id\":\"post\\u00001\",\"title\":\"A\",\"content_text\":\"a\"},"
        "{\"id\":\"post\\u00002\",\"title\":\"B\",\"content_text\":\"b\"}]}\n";
    read_all(tl_write("nul.json", NUL, sizeof NUL - 1), &t);
    CHECK(t.ok == 0 && t.bad >= 1, "json feed: \\u0000 refused, no id cut");
    tally_free(&t);

    /* Version 1 on one line: "author" as one object, the item's own
     * language, content_html before content_text; then an empty feed and a
     * second feed in the same file. */
    static const char V1[] =
        "{\"version\":\"https://jsonfeed.org/version/1\",\"author\":"
        "{\"name\":\"Desk\"},\"items\":[{\"id\":\"a\",\"title\":\"A\","
        "\"content_text\":\"Plain.\",\"content_html\":\"<p>Html.</p>\","
        "\"language\":\"en\"}]}\n"
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}\n"
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":"
        "\"b\",\"title\":\"B\"}]}\n";
    read_all(tl_write("v1.json", V1, sizeof V1 - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0,
          "json feed 1: items of every feed in a file");
    CHECK_STR(t.ids, "a\nb\n", "json feed 1: in order, the empty feed none");
    CHECK_STR(t.first.author, "Desk", "json feed 1: the feed's author");
    CHECK_STR(t.first.body, "Html.", "json feed 1: content_html first");
    CHECK_STR(t.first.lang, "en", "json feed 1: the item's language");
    tally_free(&t);

    /* Many empty feeds in a row are read in a loop, not a call each. */
    static const char E[] =
        "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[]}\n";
    ns_buf_t many = {0};
    for (int i = 0; i < 200000; i++)
        ns_buf_append(&many, E, sizeof E - 1);
    ns_buf_puts(&many, "{\"id\":\"last\",\"title\":\"x\"}\n");
    read_all(tl_write("empty.json", many.p, many.len), &t);
    CHECK(t.ok == 1 && t.bad == 0, "200,000 empty feeds, then an article");
    tally_free(&t);
    ns_buf_free(&many);
}

/* Posts as the WordPress REST API gives them (/wp-json/wp/v2/posts), with
 * _embed and without: rendered HTML, numeric author and terms. */
static void test_wp_rest(void)
{
    static const char W[] =
        "[{\"id\":5012,\"date\":\"2025-08-15T12:00:00\","
        "\"date_gmt\":\"2025-08-15T10:00:00\",\"slug\":\"harbour-seals\","
        "\"status\":\"publish\",\"type\":\"post\","
        "\"link\":\"https://x.no/2025/08/harbour-seals/\","
        "\"title\":{\"rendered\":\"Seals &#8217;return&#8217; &amp; stay\"},"
        "\"content\":{\"rendered\":\"<p>The <em>seals</em> came back.</p>\\n"
        "<h2>Counted</h2><p>Forty.</p>\",\"protected\":false},"
        "\"excerpt\":{\"rendered\":\"<p>Short.</p>\"},"
        "\"author\":3,\"categories\":[4],\"tags\":[9,10],"
        "\"_embedded\":{\"author\":[{\"id\":3,\"name\":\"Kari Nordmann\"}],"
        "\"wp:term\":[[{\"id\":4,\"name\":\"Nature\",\"taxonomy\":"
        "\"category\"}],[{\"id\":9,\"name\":\"seals\",\"taxonomy\":"
        "\"post_tag\"},{\"id\":10,\"name\":\"harbour\",\"taxonomy\":"
        "\"post_tag\"}]]}},\n"
        " {\"id\":5013,\"date_gmt\":\"2025-08-16T09:00:00\",\"slug\":\"\","
        "\"link\":\"https://x.no/?p=5013\",\"title\":{\"rendered\":\"Bare\"},"
        "\"content\":{\"rendered\":\"\"},\"excerpt\":{\"rendered\":"
        "\"<p>Only an excerpt.</p>\"},\"author\":3,\"categories\":[4]},\n"
        " {\"id\":5014,\"slug\":\"secret\",\"status\":\"publish\","
        "\"title\":{\"rendered\":\"Members\"},\"content\":{\"rendered\":\"\","
        "\"protected\":true}},\n"
        " {\"id\":5015,\"slug\":\"about\",\"type\":\"page\","
        "\"title\":{\"rendered\":\"About us\"},\"content\":{\"rendered\":"
        "\"<p>We.</p>\"}},\n"
        " {\"id\":5016,\"slug\":\"soon\",\"status\":\"draft\","
        "\"title\":{\"rendered\":\"Soon\"},\"content\":{\"rendered\":"
        "\"<p>x</p>\"}},\n"
        " {\"id\":5017,\"slug\":\"no-text\",\"title\":{\"rendered\":\"\"},"
        "\"content\":{\"rendered\":\"<p> </p>\"}}]\n";
    struct tally t;
    read_all(tl_write("posts.json", W, sizeof W - 1), &t);
    CHECK(t.ok == 2 && t.bad == 1 && t.ignored == 3,
          "wp rest: two posts, a page, a draft and a protected post ignored, "
          "an empty one bad");
    CHECK_STR(t.ids, "harbour-seals\nhttps://x.no/?p=5013\n",
              "wp rest: the slug, else the link, is the id");
    ns_article_t *a = &t.first;
    CHECK_STR(a->title, "Seals \xe2\x80\x99return\xe2\x80\x99 & stay",
              "wp rest: the rendered title as text");
    CHECK_STR(a->body, "The seals came back.\n\nCounted\n\nForty.",
              "wp rest: the rendered content as text");
    CHECK(a->n_headings == 1 && !strcmp(a->headings[0], "Counted"),
          "wp rest: the content's h2 is a heading");
    CHECK_STR(a->date, "2025-08-15T10:00:00Z", "wp rest: date_gmt is UTC");
    CHECK_STR(a->url, "https://x.no/2025/08/harbour-seals/", "wp rest: link");
    CHECK_STR(a->author, "Kari Nordmann", "wp rest: the embedded author");
    CHECK_STR(a->section, "Nature", "wp rest: the first category");
    CHECK(a->n_tags == 2 && !strcmp(a->tags[0], "seals") &&
              !strcmp(a->tags[1], "harbour"),
          "wp rest: the post tags");
    CHECK(has(t.notes, "behind a password") &&
              has(t.notes, "a WordPress page, not a post") &&
              has(t.notes, "status 'draft'"),
          "wp rest: each ignored post says why");
    CHECK(has(t.errors, "posts.json:6: item 6: missing title and body"),
          "wp rest: a post without text is reported by its item");
    tally_free(&t);
}

/* A NITF story, as wire agencies deliver them: one article a file. */
static const char NITF[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE nitf SYSTEM \"nitf-3-6.dtd\" [<!ENTITY e \"EXPANDED\">]>\n"
    "<nitf xml:lang=\"nb\"><head><title>Head title</title>\n"
    "<tobject><tobject.subject tobject.subject.matter=\"Vær\"/></tobject>\n"
    "<docdata><doc-id id-string=\"NTB-1\"/>"
    "<date.issue norm=\"20250805T100000+0200\"/>"
    "<key-list><keyword key=\"flom\"/><keyword key=\"dal\"/></key-list>"
    "</docdata>\n"
    "<pubdata position.section=\"Innenriks\" ex-ref=\"https://x.no/1\"/>"
    "</head>\n"
    "<body><body.head><hedline><hl1>Flom i dalen</hl1></hedline>\n"
    "<byline>Av <person>Kari</person> og <person>Ola</person>, NTB</byline>\n"
    "<abstract><p>Ingress.</p></abstract></body.head>\n"
    "<body.content><p>Over   hundre\n evakuert. &e;</p><hl2>Veier</hl2>"
    "<p>Stengt <em>nå</em>.</p><media><media-reference source=\"a.jpg\"/>"
    "<media-caption>Bilde.</media-caption></media>"
    "<block><p>I blokk.</p></block></body.content></body></nitf>\n";

static void test_nitf(void)
{
    struct tally t;
    read_all(tl_write("story.xml", NITF, sizeof NITF - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0, "nitf: one story");
    ns_article_t *a = &t.first;
    CHECK_STR(a->id, "NTB-1", "nitf: doc-id");
    CHECK_STR(a->title, "Flom i dalen", "nitf: hl1 before head title");
    CHECK_STR(a->body,
              "Ingress.\n\nOver hundre evakuert.\n\nVeier\n\nStengt nå."
              "\n\nBilde.\n\nI blokk.",
              "nitf: abstract, paragraphs, hl2, caption, block; no entity");
    CHECK(a->n_headings == 1 && !strcmp(a->headings[0], "Veier"),
          "nitf: hl2 is a heading");
    CHECK_STR(a->date, "2025-08-05T08:00:00Z", "nitf: basic ISO date.issue");
    CHECK_STR(a->author, "Kari, Ola", "nitf: the byline's persons");
    CHECK_STR(a->section, "Innenriks", "nitf: pubdata position.section");
    CHECK(a->n_tags == 2 && !strcmp(a->tags[1], "dal"), "nitf: keywords");
    CHECK_STR(a->lang, "no", "nitf: xml:lang (nb is no)");
    CHECK_STR(a->url, "https://x.no/1", "nitf: ex-ref");
    tally_free(&t);

    /* Without docdata's id, a person or a section: the path, the
     * byline's text, the subject. */
    static const char BARE[] =
        "<nitf><head><tobject><tobject.subject tobject.subject.matter=\"Sport\""
        "/></tobject><docdata><date.release norm=\"20250806\"/></docdata>"
        "</head><body><body.head><hedline><hl1>T</hl1></hedline><byline>By "
        "Jane Doe</byline></body.head><body.content><p>x</p></body.content>"
        "</body></nitf>";
    read_all(tl_write("bare.nitf", BARE, sizeof BARE - 1), &t);
    CHECK(t.ok == 1, "nitf: a bare story");
    CHECK(t.first.id && has(t.first.id, "bare.nitf"), "nitf: the path");
    CHECK_STR(t.first.author, "Jane Doe", "nitf: byline text without By");
    CHECK_STR(t.first.section, "Sport", "nitf: subject as section");
    CHECK_STR(t.first.date, "2025-08-06T00:00:00Z", "nitf: date.release");
    tally_free(&t);

    /* A results table: each cell a word of its own; baselang, NITF's
     * language of the story, when no xml:lang is given. */
    static const char TABLE[] =
        "<nitf baselang=\"no-NO\"><head><docdata><doc-id id-string=\"T-1\"/>"
        "</docdata></head><body><body.head><hedline><hl1>Valg</hl1></hedline>"
        "</body.head><body.content><table><tr><th>County</th><th>Winner</th>"
        "</tr><tr><td>Hamilton</td><td>Smith<br/>Jones</td></tr></table>"
        "</body.content></body></nitf>";
    read_all(tl_write("table.xml", TABLE, sizeof TABLE - 1), &t);
    CHECK_STR(t.first.body, "County Winner\n\nHamilton Smith Jones",
              "nitf: table cells and a line break part words");
    CHECK_STR(t.first.lang, "no", "nitf: baselang no-NO as no");
    tally_free(&t);

    /* An entity bomb and a cut-off file are a skipped story, at once. */
    ns_buf_t bomb = {0};
    ns_buf_puts(&bomb, "<?xml version=\"1.0\"?><!DOCTYPE nitf [");
    for (int i = 0; i < 10; i++) {
        char e[160];
        snprintf(e, sizeof e, "<!ENTITY l%d \"", i);
        ns_buf_puts(&bomb, e);
        for (int k = 0; k < 10; k++) {
            snprintf(e, sizeof e, i ? "&l%d;" : "lol", i - 1);
            ns_buf_puts(&bomb, e);
        }
        ns_buf_puts(&bomb, "\">");
    }
    ns_buf_puts(&bomb, "]><nitf><body><body.content><p>&l9;</p>"
                       "</body.content></body></nitf>");
    read_all(tl_write("bomb.xml", bomb.p, bomb.len), &t);
    CHECK(t.ok == 0 && t.bad == 1 && has(t.errors, "bomb.xml: malformed XML"),
          "nitf: an entity bomb is refused");
    tally_free(&t);
    ns_buf_free(&bomb);
    static const char CUT[] = "<nitf><head><docdata>";
    read_all(tl_write("cut.xml", CUT, sizeof CUT - 1), &t);
    CHECK(t.ok == 0 && t.bad == 1, "nitf: a cut-off file is skipped");
    tally_free(&t);
}

static void test_markdown(void)
{
    static const char M[] =
        "---\n"
        "title: Budsjett\n"
        "slug: budsjett-vedtatt\n"
        "categories: [Politikk, Norge]\n"
        "lastmod: 2025-06-01T10:00:00Z\n"
        "lang: no\n"
        "---\n"
        "Bystyret vedtok [budsjettet](https://example.org/budsjett) med "
        "**stort** flertall og `kode`.\n\n"
        "## En *viktig* del\n\n"
        "Tekst med <strong>inline</strong> HTML og &amp; tegn.\n\n"
        "<div class=\"box\">\n<p>Blokk med HTML</p>\n</div>\n";
    struct tally t;
    read_all(tl_write("budsjett.md", M, sizeof M - 1), &t);
    CHECK(t.ok == 1, "markdown: read");
    ns_article_t *a = &t.first;
    CHECK_STR(a->id, "budsjett-vedtatt", "front matter: slug is the id");
    CHECK_STR(a->section, "Politikk", "front matter: first category");
    CHECK_STR(a->date, "2025-06-01T10:00:00Z", "front matter: lastmod");
    CHECK_STR(a->body,
              "Bystyret vedtok budsjettet med stort flertall og kode.\n\n"
              "En viktig del\n\n"
              "Tekst med inline HTML og & tegn.\n\n"
              "Blokk med HTML",
              "markdown: links keep text; marks, URLs and HTML go");
    CHECK(a->n_headings == 1 && !strcmp(a->headings[0], "En viktig del"),
          "markdown: heading without its marks");
    tally_free(&t);

    static const char D[] = "---\nid: d1\ntitle: Not yet\ndraft: true\n---\n"
                            "Body\n";
    read_all(tl_write("draft.md", D, sizeof D - 1), &t);
    CHECK(t.ok == 0 && t.bad == 0 && t.ignored == 1, "draft: skipped, counted");
    CHECK(has(t.notes, "draft.md: ignored: a draft"), "draft: noted");
    tally_free(&t);

    /* An id and date in the header win over slug and lastmod. */
    static const char W[] = "---\nslug: s\nid: real\nlastmod: 2025-06-01\n"
                            "date: 2025-05-01\ntitle: T\n---\nB\n";
    read_all(tl_write("win.md", W, sizeof W - 1), &t);
    CHECK_STR(t.first.id, "real", "id beats slug");
    CHECK_STR(t.first.date, "2025-05-01T00:00:00Z", "date beats lastmod");
    tally_free(&t);

    /* A .txt file is not Markdown: its text stays as written. */
    static const char T[] = "---\nid: t1\ntitle: T\n---\nPlain *text* here\n";
    read_all(tl_write("plain.txt", T, sizeof T - 1), &t);
    CHECK_STR(t.first.body, "Plain *text* here", "txt: not stripped");
    tally_free(&t);
}

/* The template tags of Hugo, Jekyll and Eleventy content are no text; what
 * a reader sees of them is, and code keeps them as written. */
static void test_markdown_templates(void)
{
    static const char H[] =
        "---\ntitle: \"Ferry {{ site.title }}\"\n---\n"
        "The strike ended.\n\n"
        "{{< figure src=\"/img/ferry.jpg\" title=\"Dawn\" "
        "caption=\"The *ferry* at \\\"dawn\\\"\" alt=\"Ferry at the quay\" "
        ">}}\n\n"
        "{{< youtube dQw4w9WgXcQ >}}\n\n"
        "{{% notice info %}}\nServices resume at noon.\n{{% /notice %}}\n\n"
        "{%- include related.html -%}\n\n"
        "Cheered {{ site.title }} and {{.Title}} as [boats]({{< ref \"b.md\" "
        ">}}) and [ships]({% link s.md %}) left.\n\n"
        "{{< comment >}}hidden remark{{< /comment >}}"
        "{% comment %}hidden note{% endcomment %}\n\n"
        "{% raw %}Write {{ page.title }} in Liquid.{% endraw %}\n\n"
        "{% highlight ruby %}\nputs \"{{ x }}\" * 2\n{% endhighlight %}\n\n"
        "Write `{{< youtube id >}}` or {{</* gist a 1 */>}}:\n\n"
        "```\n{% include a.html %}\n```\n\n"
        "    {{ .Content }}\n\n"
        "<pre>{{ .Summary }}</pre>\n\n"
        "The set {1, 2}, {{citation needed}} and a lone {{ stay.\n";
    struct tally t;
    read_all(tl_write("templates.md", H, sizeof H - 1), &t);
    CHECK(t.ok == 1, "templates: read");
    CHECK_STR(t.first.title, "Ferry {{ site.title }}",
              "templates: the front matter's title as written");
    CHECK_STR(t.first.body,
              "The strike ended.\n\n"
              "Dawn\n\n"
              "The ferry at \"dawn\"\n\n"
              "Ferry at the quay\n\n"
              "Services resume at noon.\n\n"
              "Cheered and as boats and ships left.\n\n"
              "Write {{ page.title }} in Liquid.\n\n"
              "puts \"{{ x }}\" * 2\n\n"
              "Write {{< youtube id >}} or {{< gist a 1 >}}:\n\n"
              "{% include a.html %}\n\n"
              "{{ .Content }}\n\n"
              "{{ .Summary }}\n\n"
              "The set {1, 2}, {{citation needed}} and a lone {{ stay.",
              "templates: tags go; captions, paired text, code stay");
    tally_free(&t);
}

/* Attribute lists of Hugo, Pandoc and kramdown are not shown, so no text;
 * braces in prose, code and a list inside a line stay. */
static void test_markdown_attributes(void)
{
    static const char A[] =
        "---\ntitle: Vote\n---\n"
        "## Results of the vote {#results}\n\n"
        "The council voted.\n{: .lead}\n\n"
        "## Money {#money .wide data-x=\"a b\" lang=en}\n\n"
        "{:toc}\n\n"
        "{::comment}\n\n"
        "## Tally {: #tally}\n\n"
        "{: .my_class}\n\n"
        "## {#empty}\n\n"
        "## Sets {in prose}\n\n"
        "## Sums{#glued}\n\n"
        "The set {1, 2}, {citation needed}, {#id stay} and {: inline}.\n\n"
        "`{: .x}` stays.\n\n"
        "    {: .code}\n";
    struct tally t;
    read_all(tl_write("attrs.md", A, sizeof A - 1), &t);
    CHECK(t.ok == 1, "attributes: read");
    ns_article_t *a = &t.first;
    CHECK_STR(a->body,
              "Results of the vote\n\n"
              "The council voted.\n\n"
              "Money\n\n"
              "Tally\n\n"
              "Sets {in prose}\n\n"
              "Sums{#glued}\n\n"
              "The set {1, 2}, {citation needed}, {#id stay} and {: inline}."
              "\n\n{: .x} stays.\n\n{: .code}",
              "attributes: lists go, braces in prose and code stay");
    CHECK(a->n_headings == 5 &&
              !strcmp(a->headings[0], "Results of the vote") &&
              !strcmp(a->headings[1], "Money") &&
              !strcmp(a->headings[2], "Tally") &&
              !strcmp(a->headings[3], "Sets {in prose}") &&
              !strcmp(a->headings[4], "Sums{#glued}"),
          "attributes: headings without them; one of nothing but is none");
    tally_free(&t);
}

/* A kramdown comment, "{::comment}" to "{:/comment}" or "{:/}", is never
 * shown, over paragraphs and headings; the text around it stays. */
static void test_markdown_kramdown_comment(void)
{
    static const char A[] = "---\ntitle: Notes\n---\n"
                            "Before it.\n\n"
                            "{::comment}\nA draft line about zebrafish.\n\n"
                            "## A hidden heading\n\nMore draft.\n{:/comment}\n"
                            "After it.\n\n"
                            "{::comment}\nShort form.\n{:/}\n\n"
                            "The end.\n";
    struct tally t;
    read_all(tl_write("comment.md", A, sizeof A - 1), &t);
    CHECK(t.ok == 1, "kramdown comment: read");
    CHECK_STR(t.first.body, "Before it.\n\nAfter it.\n\nThe end.",
              "kramdown comment: its text and headings go");
    CHECK(t.first.n_headings == 0, "kramdown comment: no heading of it");
    tally_free(&t);

    /* Braces at the end of a heading's code span are code, not a list. */
    static const char H[] = "---\ntitle: H\n---\n"
                            "## Run `make check` {#check}\n\n"
                            "## Hugo writes `## x {#y}`\n\n"
                            "## `{#only}`\n";
    read_all(tl_write("codehead.md", H, sizeof H - 1), &t);
    CHECK(t.ok == 1 && t.first.n_headings == 3 &&
              !strcmp(t.first.headings[0], "Run make check") &&
              !strcmp(t.first.headings[1], "Hugo writes ## x {#y}") &&
              !strcmp(t.first.headings[2], "{#only}"),
          "a heading's code span keeps its braces");
    tally_free(&t);

    /* A script or style inside a line is no text; the words around it
     * and inline tags' text are. */
    static const char S[] =
        "---\ntitle: S\n---\n"
        "Inline <span>red</span> word and <script>alert(\"x\")\n"
        "track()</script> here, <STYLE type=\"text/css\">.x{}</STYLE> done.\n"
        "\n<scripted> is a tag name, kept.\n";
    read_all(tl_write("inline.md", S, sizeof S - 1), &t);
    CHECK(t.ok == 1, "inline script: read");
    CHECK_STR(t.first.body,
              "Inline red word and here, done.\n\nis a tag name, kept.",
              "inline script and style: left out");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* Sniffing, directories, dates                                             */
/* ------------------------------------------------------------------------ */

static void test_directory_notes(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/walk", tl_tmpdir());
    mkdir(dir, 0777);
    tl_write("walk/a.html",
             "<html><body><article><p>Text</p></article>"
             "</body></html>",
             57);
    tl_write("walk/photo.jpg", "\xff\xd8\xff\xe0 JFIF", 9);
    tl_write("walk/notes", "just some words\n", 16);
    static const char FEED[] = "<rss version=\"2.0\"><channel><item><guid>f1"
                               "</guid><title>T</title></item></channel></rss>";
    tl_write("walk/feed", FEED, sizeof FEED - 1);
    tl_write("walk/other.xml", "<?xml version=\"1.0\"?><svg></svg>", 32);
    struct tally t;
    read_all(dir, &t);
    CHECK(t.ok == 2 && t.bad == 0, "walk: page and a feed without extension");
    /* A photo is a site's file, passed over without a note (counted
     * apart: t248); a file without extension is named. */
    CHECK(t.ignored == 2, "walk: two files ignored");
    CHECK(!has(t.notes, "photo.jpg") &&
              has(t.notes, "walk/notes: ignored") &&
              has(t.notes, "other.xml: ignored: XML, but not an RSS"),
          "walk: each ignored file named with why");
    tally_free(&t);
}

static void test_empty_files(void)
{
    /* An empty file (or one of white space) holds no record, whatever its
     * name: ignored and said so, never a skipped record. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/empties", tl_tmpdir());
    mkdir(dir, 0777);
    static const char *const names[] = {"empties/a.xml", "empties/b.html",
                                        "empties/c.md", "empties/d.jsonl",
                                        "empties/e.txt"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        tl_write(names[i], i == 4 ? " \n\n" : "", i == 4 ? 3 : 0);
    static const char F[] = "{\"id\":\"f\",\"title\":\"F\"}\n";
    tl_write("empties/f.jsonl", F, sizeof F - 1);
    struct tally t;
    read_all(dir, &t);
    CHECK(t.ok == 1 && t.bad == 2 && t.ignored == 3,
          "empty files: ignored, not skipped; an empty feed or page "
          "skipped");
    CHECK(has(t.notes, "empties/c.md: ignored: empty file") &&
              has(t.notes, "empties/d.jsonl: ignored: empty file") &&
              has(t.notes, "empties/e.txt: ignored: empty file"),
          "empty files: each named, with why");
    CHECK(has(t.errors, "empties/a.xml: empty feed (cut off") &&
              has(t.errors, "empties/b.html: empty page (cut off"),
          "an empty feed or page: said to be cut off");
    tally_free(&t);
    read_all(tl_write("named.md", "", 0), &t);
    CHECK(t.ok == 0 && t.bad == 0 && t.ignored == 1,
          "an empty file named on its own: ignored too");
    tally_free(&t);
    read_all(tl_write("named.rss", " \n", 2), &t);
    CHECK(t.ok == 0 && t.bad == 1 && t.ignored == 0,
          "a blank feed named on its own: skipped");
    tally_free(&t);

    /* Blank as far as the sniffer looks is not empty. */
    ns_buf_t x = {0};
    for (int i = 0; i < 5000; i++)
        ns_buf_putc(&x, '\n');
    ns_buf_puts(&x, "{\"id\":\"late\",\"title\":\"L\"}\n");
    read_all(tl_write("late.jsonl", x.p, x.len), &t);
    CHECK_STR(t.ids, "late\n", "a record after 5000 blank lines is read");
    tally_free(&t);
    ns_buf_free(&x);
}

static void test_sniff(void)
{
    const char *why;
    CHECK(ns_format_sniff("[{}]", 4, NS_FMT_JSONL, &why) == NS_FMT_JSONDOC,
          "sniff: array in .json");
    CHECK(ns_format_sniff("{\"a\":1}\n{\"b\":2}\n", 16, NS_FMT_JSONL, &why) ==
              NS_FMT_JSONL,
          "sniff: json lines");
    CHECK(ns_format_sniff("{\n \"a\": 1\n}\n", 12, NS_FMT_JSONL, &why) ==
              NS_FMT_JSONDOC,
          "sniff: pretty object");
    CHECK(ns_format_sniff("<?xml version='1.0'?><!-- <x> --><atom:feed>", 44,
                          NS_FMT_UNKNOWN, &why) == NS_FMT_FEED,
          "sniff: prefixed atom feed after a comment");
    CHECK(ns_format_sniff("<!doctype html><p>", 18, NS_FMT_FEED, &why) ==
              NS_FMT_HTML,
          "sniff: html named .xml");
    const char *nitf = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM "
                       "\"nitf.dtd\">\n<nitf xml:lang=\"nb\"><head>";
    CHECK(ns_format_sniff(nitf, strlen(nitf), NS_FMT_FEED, &why) == NS_FMT_NITF,
          "sniff: a NITF story named .xml, xml:lang on its root");
    CHECK(ns_format_sniff("# Title", 7, NS_FMT_MARKDOWN, &why) ==
              NS_FMT_MARKDOWN,
          "sniff: markdown by name");
    CHECK(ns_format_sniff("\xef\xbb\xbf \n", 5, NS_FMT_MARKDOWN, &why) ==
              NS_FMT_EMPTY,
          "sniff: blank, whatever the name");
    CHECK(ns_format_sniff("GIF89a", 6, NS_FMT_UNKNOWN, &why) ==
                  NS_FMT_UNKNOWN &&
              why,
          "sniff: unknown with a reason");
    CHECK(ns_format_sniff("Service Unavailable\n", 20, NS_FMT_FEED, &why) ==
                  NS_FMT_BROKEN &&
              why,
          "sniff: no markup, named .xml: broken, with a reason");
    CHECK(ns_format_sniff("<urlset><url>", 13, NS_FMT_FEED, &why) ==
              NS_FMT_UNKNOWN,
          "sniff: XML that is no feed, named .xml: unknown (ignored)");
    /* UTF-16, both byte orders: markup by its ASCII characters. */
    const char le[] = "\xff\xfe<\0r\0s\0s\0 \0v\0>\0";
    const char be[] = "\xfe\xff\0<\0!\0d\0o\0c\0t\0y\0p\0e\0 \0h\0t\0m\0l";
    CHECK(ns_format_sniff(le, sizeof le - 1, NS_FMT_FEED, &why) == NS_FMT_FEED,
          "sniff: an RSS feed in UTF-16LE");
    CHECK(ns_format_sniff(be, sizeof be - 1, NS_FMT_UNKNOWN, &why) ==
              NS_FMT_HTML,
          "sniff: a page in UTF-16BE");
    const char md[] = "\xff\xfe#\0 \0T\0";
    CHECK(ns_format_sniff(md, sizeof md - 1, NS_FMT_MARKDOWN, &why) ==
                  NS_FMT_BROKEN &&
              why && strstr(why, "UTF-16"),
          "sniff: Markdown in UTF-16: broken, saying UTF-16");
    const char blank[] = "\xff\xfe \0\n\0";
    CHECK(ns_format_sniff(blank, sizeof blank - 1, NS_FMT_JSONL, &why) ==
              NS_FMT_EMPTY,
          "sniff: blank UTF-16 is empty");
}

static void test_date822(void)
{
    int64_t t, want;
    ns_date_parse("2025-08-06T09:30:00Z", &want);
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 +0000", &t) == 0 &&
              t == want,
          "822: full form");
    CHECK(ns_date822_parse("6 Aug 2025 11:30 +0200", &t) == 0 && t == want,
          "822: no weekday, no seconds, offset");
    CHECK(ns_date822_parse("Wed, 06 Aug 25 05:30:00 EDT", &t) == 0 && t == want,
          "822: two-digit year and zone name");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 GMT (UTC)", &t) == 0 &&
              t == want,
          "822: comment");
    CHECK(ns_date822_parse("31 Apr 2025 10:00:00 GMT", &t) < 0,
          "822: impossible date refused");
    CHECK(ns_date822_parse("yesterday", &t) < 0, "822: junk refused");
    CHECK(ns_date822_parse("06 Aug 2025 09:30:00 +9999", &t) < 0,
          "822: bad offset refused");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 11:30:00 +02:00", &t) == 0 &&
              t == want,
          "822: offset written +02:00");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 04:00:00 -05:30", &t) == 0 &&
              t == want,
          "822: offset written -05:30");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 11:30:00 MESZ", &t) == 0 &&
              t == want,
          "822: German summer time");
    CHECK(ns_date822_parse("06 Aug 2025 09:30:00 +02:0", &t) < 0 &&
              ns_date822_parse("06 Aug 2025 09:30:00 +2:00", &t) < 0 &&
              ns_date822_parse("06 Aug 2025 09:30:00 +02:60", &t) < 0,
          "822: a half-written +HH:MM refused");
    /* Zones of publishers around the world, and (RFC 2822 4.3) any other
     * of up to five letters as UTC rather than a skipped item. */
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 19:30:00 AEST", &t) == 0 &&
              t == want,
          "822: Australian eastern time");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 18:30:00 JST", &t) == 0 &&
              t == want,
          "822: Japan");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 15:00:00 IST", &t) == 0 &&
              t == want,
          "822: IST read as India's");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 XYZT", &t) == 0 &&
              t == want,
          "822: an unknown zone is UTC (RFC 2822 4.3)");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 A", &t) == 0 && t == want,
          "822: a military zone is UTC (RFC 2822 4.3)");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 10:30:00 GMT+1", &t) == 0 &&
              t == want,
          "822: GMT+1");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 11:30:00 UTC+02:00", &t) == 0 &&
              t == want,
          "822: UTC+02:00");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 +0000 GMT", &t) == 0 &&
              t == want,
          "822: +0000 GMT");
    CHECK(ns_date822_parse("Wed, 06 Aug 2025 09:30:00 Tuesday", &t) < 0,
          "822: a word longer than a zone refused");
}

int main(void)
{
    test_pages();
    test_page_without_text();
    test_json_array();
    test_json_feed();
    test_wp_rest();
    test_nitf();
    test_markdown();
    test_markdown_templates();
    test_markdown_attributes();
    test_markdown_kramdown_comment();
    test_directory_notes();
    test_empty_files();
    test_sniff();
    test_date822();
    return tl_done();
}
