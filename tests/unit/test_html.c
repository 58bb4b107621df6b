/* test_html.c - HTML article pages as news sites write them: which
 * <article> is the story, pages in windows-1252 under another label, JSON-LD
 * that does not parse (and the article under a WebPage's mainEntity), the
 * blocks around a story (related posts, share buttons, newsletter boxes,
 * ads) that must not reach the index, and the story's date, title and
 * header among the site's own. */
#include "ingest.h"
#include "testlib.h"

static int has(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

/* Read the page HTML (NUL-terminated) into ART; 0 or -1 as ns_html_page. */
static int page(const char *html, ns_article_t *art)
{
    char err[256];
    int rc = ns_html_page(html, strlen(html), "p.html", art, err, sizeof err);
    if (rc < 0)
        fprintf(stderr, "    page refused: %s\n", err);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Which <article> is the story                                             */
/* ------------------------------------------------------------------------ */

static void test_teaser_before_story(void)
{
    ns_article_t a;
    /* A breaking-news teaser first, the story in <main>, more teasers
     * after it. */
    static const char TEASERS[] =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Main story | Site</title></head><body>\n"
        "<div class=\"breaking\"><article class=\"teaser\"><h3><a "
        "href=\"/b\">Breaking: volcano erupts</a></h3></article></div>\n"
        "<main><article class=\"story\"><h1>Main story headline</h1><p>The "
        "main story is about a pelican.</p><p>It has two "
        "paragraphs.</p></article>\n"
        "<section class=\"more\"><h2>More news</h2><article "
        "class=\"teaser\"><h3>Teaser about a jackal</h3><p>Teaser "
        "text.</p></article></section></main></body></html>";
    CHECK(page(TEASERS, &a) == 0, "teasers: page read");
    CHECK(has(a.body, "pelican") && !has(a.body, "volcano") &&
              !has(a.body, "jackal"),
          "teasers: the body is the story's, not a teaser's");
    CHECK_STR(a.title, "Main story headline", "teasers: the story's title");
    ns_article_clear(&a);

    /* The teaser has an <h1> too, and more text; the story's <h2> is the
     * headline og:title names. */
    static const char HEADLINE[] =
        "<html><head><meta property=\"og:title\" content=\"Ferry  "
        "strike ends\"></head><body>"
        "<article><h1>Most read</h1><p>A long teaser about a heron, a "
        "heron, a heron, a heron, a heron, a heron, a heron.</p></article>"
        "<article><h2>Ferry strike ends</h2><p>An otter.</p></article>"
        "</body></html>";
    CHECK(page(HEADLINE, &a) == 0 && has(a.body, "otter") &&
              !has(a.body, "heron"),
          "headline: the article with og:title as a heading wins");
    ns_article_clear(&a);

    /* No headline, no <h1>: the most text. */
    static const char LONGEST[] =
        "<html><body><article><p>Short teaser, a gecko.</p></article>"
        "<article><p>The story, which is long: a tapir walked into the "
        "town hall and stayed for the whole of the budget debate.</p>"
        "</article></body></html>";
    CHECK(page(LONGEST, &a) == 0 && has(a.body, "tapir") &&
              !has(a.body, "gecko"),
          "no headline: the article with the most text");
    ns_article_clear(&a);

    /* A story in an <aside> box is taken only if nothing else will do. */
    static const char ASIDE[] =
        "<html><body><aside><article><h1>Most read</h1><p>A much longer "
        "teaser about a lemur, a lemur, a lemur, a lemur.</p></article>"
        "</aside><article><p>The story of a wombat.</p></article>"
        "</body></html>";
    CHECK(page(ASIDE, &a) == 0 && has(a.body, "wombat") &&
              !has(a.body, "lemur"),
          "aside: an article in skipped markup loses");
    ns_article_clear(&a);

    /* An outer article holds what its inner ones hold: the outer wins,
     * as it did when the first <article> was taken. */
    static const char NESTED[] =
        "<html><body><article><h1>Story</h1><p>Text of a bison.</p>"
        "<article><p>A reader's note about a moose, longer than the story "
        "itself by some way.</p></article></article></body></html>";
    CHECK(page(NESTED, &a) == 0 && has(a.body, "bison") && has(a.body, "moose"),
          "nested: the outer article, with the inner one");
    ns_article_clear(&a);

    /* One article: taken as before, even with more text outside it. */
    static const char ONE[] =
        "<html><body><main><p>Lots of other text about a yak, a yak, a "
        "yak.</p><article><p>A vole.</p></article></main></body></html>";
    CHECK(page(ONE, &a) == 0 && !strcmp(a.body, "A vole."),
          "one article: its text is the body");
    ns_article_clear(&a);
}

/* ------------------------------------------------------------------------ */
/* windows-1252 under other labels                                          */
/* ------------------------------------------------------------------------ */

static void test_windows1252_labels(void)
{
    ns_article_t a;
    /* 0x92 ', 0x93 and 0x94 curly quotes, 0x96 en dash, 0x85 ellipsis, 0x80
     * euro sign, 0xE9 e acute. */
    static const char L1[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=iso-8859-1\"></head><body><article><p>The mayor\x92s "
        "\x93"
        "big\x94 day \x96 caf\xe9\x85 \x80"
        "5</p></article></body>"
        "</html>";
    CHECK(page(L1, &a) == 0, "iso-8859-1: read");
    CHECK_STR(a.body,
              "The mayor\xe2\x80\x99s \xe2\x80\x9c"
              "big\xe2\x80\x9d day "
              "\xe2\x80\x93 caf\xc3\xa9\xe2\x80\xa6 \xe2\x82\xac"
              "5",
              "iso-8859-1: 0x80-0x9F as windows-1252, words kept apart");
    ns_article_clear(&a);

    /* US-ASCII: libxml2 stopped at the first byte over 0x7F. */
    static const char ASCII[] =
        "<html><head><meta charset=\"US-ASCII\"></head><body><article>"
        "<p>It\x92s here.</p><p>The rest, a narwhal.</p></article></body>"
        "</html>";
    CHECK(page(ASCII, &a) == 0 && has(a.body, "It\xe2\x80\x99s here.") &&
              has(a.body, "narwhal"),
          "us-ascii: read as windows-1252, nothing lost after 0x92");
    ns_article_clear(&a);

    /* No label, not UTF-8: windows-1252 too.  The five bytes iconv's CP1252
     * has no mapping for do not cut the page. */
    static const char BARE[] =
        "<html><body><article><p>Latin \x93quote\x94 and \x81 odd byte."
        "</p><p>After it, an ibex.</p></article></body></html>";
    CHECK(page(BARE, &a) == 0 && has(a.body, "\xe2\x80\x9cquote\xe2\x80\x9d") &&
              has(a.body, "ibex"),
          "no label: windows-1252, and 0x81 keeps the rest");
    ns_article_clear(&a);

    /* Other labels stay as libxml2 reads them (ISO-8859-2: 0xB1 is a with
     * ogonek); valid UTF-8 is UTF-8 whatever the label. */
    static const char L2[] =
        "<html><head><meta charset=\"iso-8859-2\"></head><body><article>"
        "<p>\xb1</p></article></body></html>";
    CHECK(page(L2, &a) == 0 && !strcmp(a.body, "\xc4\x85"),
          "iso-8859-2: its own label");
    ns_article_clear(&a);
    static const char U8[] =
        "<html><head><meta charset=\"iso-8859-1\"></head><body><article>"
        "<p>Troms\xc3\xb8 \xe2\x80\x99</p></article></body></html>";
    CHECK(page(U8, &a) == 0 && !strcmp(a.body, "Troms\xc3\xb8 \xe2\x80\x99"),
          "utf-8 labelled latin1: UTF-8");
    ns_article_clear(&a);

    CHECK(ns_charset_is_windows1252(" Latin1 ") &&
              ns_charset_is_windows1252("ISO_8859-1") &&
              ns_charset_is_windows1252("ascii") &&
              !ns_charset_is_windows1252("iso-8859-15") &&
              !ns_charset_is_windows1252("utf-8") &&
              !ns_charset_is_windows1252(NULL),
          "labels: the standard's windows-1252 labels only");
    CHECK(ns_charset_is_utf8(" UTF8 ") &&
              ns_charset_is_utf8("unicode-1-1-utf-8") &&
              !ns_charset_is_utf8("utf-16") && !ns_charset_is_utf8(NULL),
          "labels: the standard's UTF-8 labels");

    /* Each maximal subpart of a bad sequence is one U+FFFD, as the
     * standard's decoder reads it: a cut 3-byte lead with its one
     * continuation byte is one, a stray continuation byte is one, a
     * surrogate's lead one and its two continuations one each. */
    static const struct {
        const char *in, *out;
    } R[] = {
        {"a\xe2\x82z", "a\xef\xbf\xbdz"},
        {"\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd"},
        {"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"caf\xe9 ok \xc3\xa5", "caf\xef\xbf\xbd ok \xc3\xa5"},
        {"\xf0\x9f\x98", "\xef\xbf\xbd"},
    };
    for (size_t i = 0; i < sizeof R / sizeof *R; i++) {
        ns_buf_t out = {0};
        CHECK(ns_utf8_repair(R[i].in, strlen(R[i].in), &out) == 0 && out.p &&
                  !strcmp(out.p, R[i].out),
              "utf-8 repair: one U+FFFD per maximal subpart");
        ns_buf_free(&out);
    }
    static const char STRAY[] =
        "<html><head><meta charset=\"utf-8\"></head><body><article>"
        "<p>Caf\xe9 p\xc3\xa5 Troms\xc3\xb8</p></article></body></html>";
    CHECK(page(STRAY, &a) == 0 &&
              !strcmp(a.body, "Caf\xc3\xa9 p\xc3\xa5 Troms\xc3\xb8"),
          "utf-8 label with a stray byte: windows-1252's, the rest as written");
    ns_article_clear(&a);
}

/* ------------------------------------------------------------------------ */
/* JSON-LD that does not parse                                              */
/* ------------------------------------------------------------------------ */

static void test_jsonld_does_not_parse(void)
{
    ns_article_t a;
    char warn[256], err[256];
    static const char COMMA[] =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta property=\"article:published_time\" "
        "content=\"2025-08-01T10:00:00Z\">\n"
        "<script type=\"application/ld+json\">{\"@type\": \"WebSite\"}"
        "</script>\n"
        "<script type=\"application/ld+json\">\n"
        "{\n"
        "  \"@type\": \"NewsArticle\",\n"
        "  \"author\": {\"@type\": \"Person\", \"name\": \"Sam Writer\"},\n"
        "}\n"
        "</script></head><body><article><h1>Trailing comma</h1><p>Body "
        "text with a mongoose.</p></article></body></html>";
    CHECK(ns_html_page_warn(COMMA, sizeof COMMA - 1, "ld.html", &a, warn,
                            sizeof warn, err, sizeof err) == 0,
          "bad JSON-LD: the page is still read");
    CHECK(has(a.body, "mongoose") && !strcmp(a.title, "Trailing comma") &&
              !strcmp(a.date, "2025-08-01T10:00:00Z"),
          "bad JSON-LD: body, title and date from the rest of the page");
    CHECK(!strncmp(warn, "JSON-LD block 2 does not parse: ", 32) &&
              has(warn, "(line 8)"),
          "bad JSON-LD: the warning names the block and the page's line");
    if (strncmp(warn, "JSON-LD block 2 does not parse: ", 32) ||
        !has(warn, "(line 8)"))
        fprintf(stderr, "    warning: '%s'\n", warn);
    ns_article_clear(&a);

    /* A later block may hold the page's story (the first a teaser's):
     * one that does not parse is named, and the article is still read
     * from the first. */
    static const char AFTER[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Fine\",\"articleBody\":\"Text.\"}"
        "</script><script type=\"application/ld+json\">{,}</script>"
        "</head><body></body></html>";
    CHECK(ns_html_page_warn(AFTER, sizeof AFTER - 1, "ok.html", &a, warn,
                            sizeof warn, err, sizeof err) == 0 &&
              !strncmp(warn, "JSON-LD block 2 does not parse: ", 32) &&
              !strcmp(a.title, "Fine"),
          "bad JSON-LD after the article: named, the article read");
    ns_article_clear(&a);
}

/* ------------------------------------------------------------------------ */
/* Related posts, share buttons, newsletter boxes, ads                      */
/* ------------------------------------------------------------------------ */

static void test_furniture_classes(void)
{
    CHECK(ns_html_furniture_name("related-posts") &&
              ns_html_furniture_name("share-buttons") &&
              ns_html_furniture_name("x newsletter-signup y") &&
              ns_html_furniture_name("ad-slot") &&
              ns_html_furniture_name("AD_SLOT") &&
              ns_html_furniture_name("post-share") &&
              ns_html_furniture_name("entry-related-posts") &&
              ns_html_furniture_name("jp-relatedposts") &&
              ns_html_furniture_name("social") &&
              ns_html_furniture_name("promo-box") &&
              ns_html_furniture_name("subscribe"),
          "furniture: the names, with their prefixes and suffixes");
    CHECK(!ns_html_furniture_name("shared") &&
              !ns_html_furniture_name("address") &&
              !ns_html_furniture_name("shared-story headline") &&
              !ns_html_furniture_name("loaded") &&
              !ns_html_furniture_name("social-affairs") &&
              !ns_html_furniture_name("page-ad") &&
              !ns_html_furniture_name("entry-content") &&
              !ns_html_furniture_name("subscriber-content") &&
              !ns_html_furniture_name(""),
          "furniture: never part of a word or of another name");

    static const char P[] =
        "<html><body><article><h1>Mayor quits</h1>"
        "<div class=\"byline\">By Lois Lane</div>"
        "<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> "
        "<a href=\"#\">Tweet</a></div>"
        "<div class=\"entry-content\"><p>The deputy mayor breeds "
        "axolotls.</p><h2>What the audit found</h2><p>Auditors flagged "
        "14 contracts.</p>"
        "<div class=\"newsletter-signup\">Sign up for our newsletter "
        "wolverine</div>"
        "<div class=\"shared-data address\"><p>Shared office at 1 Main "
        "Street.</p></div>"
        "<div id=\"ad-top\">ADVERTISEMENT flamingo insurance</div></div>"
        "<div class=\"related-posts\"><h3>Related</h3><ul><li>Council "
        "budget marmoset</li></ul></div></article></body></html>";
    ns_article_t a;
    CHECK(page(P, &a) == 0, "furniture page: read");
    CHECK(has(a.body, "axolotls") && has(a.body, "Auditors flagged") &&
              has(a.body, "Shared office at 1 Main Street."),
          "furniture page: the story stays, 'shared' and 'address' too");
    CHECK(!has(a.body, "Facebook") && !has(a.body, "Tweet") &&
              !has(a.body, "wolverine") && !has(a.body, "marmoset") &&
              !has(a.body, "flamingo") && !has(a.body, "Related"),
          "furniture page: share, newsletter, ad and related are gone");
    CHECK(a.n_headings == 1 && !strcmp(a.headings[0], "What the audit found"),
          "furniture page: 'Related' is no heading");
    ns_article_clear(&a);
}

static void test_boxes_of_links(void)
{
    ns_article_t a;
    /* A Norwegian story with a "Les også" link, a most-read box and an
     * ad's label in it; and prose that only starts like them. */
    static const char P[] =
        "<html><head><meta charset=\"utf-8\"></head><body><article><h1>Tog "
        "innstilt</h1><div class=\"body\"><p>Alle tog er innstilt.</p>"
        "<p><strong>Les ogs\xc3\xa5:</strong> <a href=\"/a\">Slik blir "
        "v\xc3\xa6ret</a></p><p>Bane NOR rydder sporet.</p>"
        "<div class=\"x-box\"><h2>Mest lest</h2><ul><li><a href=\"/1\">"
        "Kjendis i krangel</a></li><li><a href=\"/2\">Ny rekord</a></li>"
        "</ul></div><div class=\"dfp\"><span>ANNONSE</span><iframe "
        "src=\"x\"></iframe></div>"
        "<p>Les ogs\xc3\xa5 hva ministeren sa om rasene.</p>"
        "<div><h3>Related</h3><p>The related debate was long and heated, "
        "<a href=\"/r\">said</a> one.</p></div>"
        "<p><a href=\"/src\">Kilde: NVE</a></p></div></article></body>"
        "</html>";
    CHECK(page(P, &a) == 0, "boxes: read");
    CHECK(!has(a.body, "Slik blir") && !has(a.body, "Les ogs\xc3\xa5:") &&
              !has(a.body, "Kjendis") && !has(a.body, "Mest lest") &&
              !has(a.body, "ANNONSE"),
          "boxes: 'Les ogs\xc3\xa5' link, most-read box and ad label cut");
    CHECK(has(a.body, "Alle tog er innstilt.") &&
              has(a.body, "Bane NOR rydder sporet.") &&
              has(a.body, "Les ogs\xc3\xa5 hva ministeren sa") &&
              has(a.body, "The related debate was long") &&
              has(a.body, "Kilde: NVE"),
          "boxes: prose under such a label, and a lone link, stay");
    /* Google's guide marks the paywalled article text with "paywall". */
    CHECK(!ns_html_furniture_name("paywall"),
          "boxes: a paywall class is the story's text");
    if (!has(a.body, "Kilde: NVE") || has(a.body, "Kjendis"))
        fprintf(stderr, "    body: '%s'\n", a.body);
    ns_article_clear(&a);
}

/* ------------------------------------------------------------------------ */
/* The story's date, title and header                                       */
/* ------------------------------------------------------------------------ */

static void test_story_date(void)
{
    ns_article_t a;
    /* A ticker in the masthead, then a WordPress post: "entry-date
     * published" and "updated" in the article's own <header>. */
    static const char WP[] =
        "<html><body><header class=\"site-header\"><div class=\"ticker\">"
        "<time datetime=\"2025-12-04T08:00:00Z\">08:00</time> Storm"
        "</div></header><article><header class=\"entry-header\"><h1>"
        "Bridge reopens</h1><time class=\"entry-date published\" "
        "datetime=\"2025-11-20T10:00:00+00:00\">20 Nov</time><time "
        "class=\"updated\" datetime=\"2025-11-21T10:00:00+00:00\">21 Nov"
        "</time></header><p>The heron bridge reopens.</p></article>"
        "</body></html>";
    CHECK(page(WP, &a) == 0, "wordpress: read");
    CHECK_STR(a.date, "2025-11-20T10:00:00Z",
              "wordpress: the published date, not the ticker's or updated");
    CHECK_STR(a.body, "The heron bridge reopens.",
              "wordpress: the header's dates are no body text");
    ns_article_clear(&a);

    /* A "last updated" line and a list of latest stories before the
     * story, whose date is itemprop="datePublished" (NRK). */
    static const char LATEST[] =
        "<html><body><div class=\"last-updated\">Updated <time "
        "datetime=\"2025-12-04T08:00:00Z\">today</time></div><main><ul>"
        "<li>Other story <time datetime=\"2025-12-03T08:00:00Z\">"
        "yesterday</time></li></ul><article><h1>Bridge reopens</h1><p>"
        "<time class=\"datetime-absolute dateModified\" itemprop="
        "\"dateModified\" datetime=\"2025-11-22T10:00:00Z\">22 Nov</time>"
        "<time itemprop=\"datePublished\" datetime=\"2025-11-20T10:00:00Z\">"
        "20 Nov</time></p><p>The heron bridge.</p></article></main>"
        "</body></html>";
    CHECK(page(LATEST, &a) == 0, "latest list: read");
    CHECK_STR(a.date, "2025-11-20T10:00:00Z",
              "latest list: the story's datePublished");
    ns_article_clear(&a);

    /* The story's header outside its <article>, after a dated ticker:
     * the header that holds the <h1> is the article's, the ticker's is
     * the site's. */
    static const char OUTSIDE[] =
        "<html><body><header><nav><time datetime=\"2025-12-04\">Thu</time>"
        "</nav></header><header class=\"article-header\"><h1>Tram plan</h1>"
        "<time datetime=\"2025-06-01T09:00:00Z\">1 June</time></header>"
        "<article><p>The tram text.</p></article></body></html>";
    CHECK(page(OUTSIDE, &a) == 0, "header outside article: read");
    CHECK_STR(a.date, "2025-06-01T09:00:00Z",
              "header outside article: the date beside the headline");
    ns_article_clear(&a);

    /* Teasers after the story with pubdate dates of their own: the
     * story's plain <time> is still its date. */
    static const char TEASERS[] =
        "<html><body><article><h1>Story</h1><p>On <time datetime=\"2025-"
        "03-03T12:00:00Z\">3 March</time> a gnu.</p></article><section>"
        "<article><h3>Teaser</h3><time pubdate datetime=\"2025-03-01\">1 "
        "March</time></article></section></body></html>";
    CHECK(page(TEASERS, &a) == 0 && a.date &&
              !strcmp(a.date, "2025-03-03T12:00:00Z") &&
              has(a.body, "On 3 March a gnu."),
          "teasers: the story's date before a teaser's pubdate; in the "
          "text, a <time> stays");
    ns_article_clear(&a);

    /* JSON-LD and article:published_time still come first. */
    static const char META[] =
        "<html><head><meta property=\"article:published_time\" content="
        "\"2025-01-02T03:04:05Z\"></head><body><article><h1>M</h1><time "
        "itemprop=\"datePublished\" datetime=\"2025-09-09\">x</time><p>Text."
        "</p></article></body></html>";
    CHECK(page(META, &a) == 0 && a.date &&
              !strcmp(a.date, "2025-01-02T03:04:05Z"),
          "meta: article:published_time before any <time>");
    ns_article_clear(&a);
}

static void test_title_site_name(void)
{
    const char *sites[] = {"The Daily Planet", NULL};
    const char *none[] = {NULL};
    size_t off, len;
    const char *t = "Mayor's plan | The Daily Planet";
    CHECK(ns_html_title_trim(t, sites, NULL, &off, &len) == 1 && off == 0 &&
              len == 12,
          "trim: a suffix that is og:site_name");
    t = "The Daily Planet - Mayor's plan";
    CHECK(ns_html_title_trim(t, sites, NULL, &off, &len) == 1 &&
              !strncmp(t + off, "Mayor's plan", len) && len == 12,
          "trim: a prefix that is og:site_name");
    t = "Ferja st\xc3\xa5r \xe2\x80\x93 VG";
    CHECK(ns_html_title_trim(t, none, "Ferja st\xc3\xa5r", &off, &len) == 1 &&
              off == 0 && len == 11,
          "trim: the rest after an en dash, when the headline is the <h1>");
    t = "Brann vant \xe2\x80\x93 NRK Vestland \xe2\x80\x93 Lokale nyheter";
    CHECK(ns_html_title_trim(t, none, "Brann  vant", &off, &len) == 1 &&
              off == 0 && len == 10,
          "trim: a suffix of several parts, when the rest is the <h1>");
    t = "Covid-19 - what we know | Daily";
    CHECK(ns_html_title_trim(t, none, "Something else", &off, &len) == 0 &&
              len == strlen(t),
          "trim: ' - ' and '|' in a title with no site name match stay");
    t = "Oil - the long view";
    CHECK(ns_html_title_trim(t, none, "Oil - the long view", &off, &len) == 0 &&
              len == strlen(t),
          "trim: a title that is the <h1> stays whole");
    t = "Brexit: The Daily Planet";
    CHECK(ns_html_title_trim(t, sites, NULL, &off, &len) == 0,
          "trim: a colon is no separator");

    ns_article_t a;
    static const char OG[] =
        "<html><head><title>Mayor's plan | The Daily Planet</title><meta "
        "property=\"og:title\" content=\"Mayor's plan | The Daily Planet\">"
        "<meta property=\"og:site_name\" content=\"The Daily Planet\">"
        "</head><body><header><h1 class=\"logo\">The Daily Planet</h1>"
        "</header><article><h1>Mayor's plan</h1><p>A lynx.</p></article>"
        "</body></html>";
    CHECK(page(OG, &a) == 0, "og:title with the site: read");
    CHECK_STR(a.title, "Mayor's plan", "og:title with the site: the headline");
    ns_article_clear(&a);

    /* No site name, and a masthead <h1> that is the site's: the title is
     * not cut to it. */
    static const char LOGO[] =
        "<html><head><meta property=\"og:title\" content=\"Mayor's plan | "
        "The Daily Planet\"></head><body><header><h1>The Daily Planet</h1>"
        "</header><article><p>A lynx.</p></article></body></html>";
    CHECK(page(LOGO, &a) == 0, "masthead h1: read");
    CHECK_STR(a.title, "Mayor's plan | The Daily Planet",
              "masthead h1: the title is not cut to the site's name");
    ns_article_clear(&a);

    /* Without og:title, the story's <h1>, not the masthead's before it. */
    static const char H1[] =
        "<html><head><title>Site</title></head><body><header><h1>Daily "
        "Planet</h1></header><article><h1>Ferry strike ends</h1><p>An "
        "otter.</p></article></body></html>";
    CHECK(page(H1, &a) == 0, "two h1s: read");
    CHECK_STR(a.title, "Ferry strike ends", "two h1s: the story's");
    ns_article_clear(&a);

    /* The JSON-LD publisher names the site too. */
    static const char LD[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Tolls rise \xe2\x80\x94 Harbour "
        "Times\",\"publisher\":{\"@type\":\"Organization\",\"name\":"
        "\"Harbour Times\"}}</script></head><body><article><p>Toll text."
        "</p></article></body></html>";
    CHECK(page(LD, &a) == 0, "publisher: read");
    CHECK_STR(a.title, "Tolls rise", "publisher: its name is cut");
    ns_article_clear(&a);
}

static void test_article_header(void)
{
    ns_article_t a;
    static const char STANDFIRST[] =
        "<html><body><header><nav>Home News</nav><p>Daily Planet</p>"
        "</header><article><header><h1>Tram plan</h1><p class=\"standfirst\">"
        "The city wants trams by 2030.</p><div class=\"share-buttons\">"
        "Share on Facebook</div><nav>Politics</nav></header><div class=\""
        "body\"><p>The tram body text.</p></div></article></body></html>";
    CHECK(page(STANDFIRST, &a) == 0, "article header: read");
    CHECK_STR(a.body, "The city wants trams by 2030.\n\nThe tram body text.",
              "article header: the standfirst kept, its share and nav "
              "buttons and the masthead not");
    CHECK_STR(a.title, "Tram plan", "article header: its <h1> the title");
    ns_article_clear(&a);
}

static void test_jsonld_main_entity(void)
{
    ns_article_t a;
    static const char MAIN[] =
        "<html><head><script type=\"application/ld+json\">{\"@context\":"
        "\"https://schema.org\",\"@type\":\"WebPage\",\"mainEntity\":{"
        "\"@type\":\"NewsArticle\",\"headline\":\"Main entity headline\","
        "\"datePublished\":\"2025-10-01T10:00:00Z\",\"author\":{\"@type\":"
        "\"Person\",\"name\":\"Kari Nordmann\"}}}</script></head><body>"
        "<article><h1>Other</h1><p>Text.</p></article></body></html>";
    CHECK(page(MAIN, &a) == 0, "mainEntity: read");
    CHECK(a.title && !strcmp(a.title, "Main entity headline") && a.date &&
              !strcmp(a.date, "2025-10-01T10:00:00Z") && a.author &&
              !strcmp(a.author, "Kari Nordmann"),
          "mainEntity: the NewsArticle under a WebPage is read");
    ns_article_clear(&a);

    /* In @graph, after a WebPage whose mainEntity only refers to it by
     * "@id" (the Yoast shape); and mainEntity as a list. */
    static const char GRAPH[] =
        "<html><head><script type=\"application/ld+json\">{\"@graph\":[{"
        "\"@type\":\"WebPage\",\"mainEntity\":{\"@id\":\"#a\"}},{\"@id\":"
        "\"#a\",\"@type\":\"NewsArticle\",\"headline\":\"Graph headline\"}]}"
        "</script></head><body><article><p>Text.</p></article></body></html>";
    CHECK(page(GRAPH, &a) == 0 && !strcmp(a.title, "Graph headline"),
          "@graph: its article after the WebPage");
    ns_article_clear(&a);
    static const char LIST[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"ItemPage\",\"mainEntity\":[{\"@type\":\"BlogPosting\",\"headline\":"
        "\"Listed\"}]}</script></head><body><article><p>Text.</p></article>"
        "</body></html>";
    CHECK(page(LIST, &a) == 0 && !strcmp(a.title, "Listed"),
          "mainEntity: a list of one article");
    ns_article_clear(&a);
}

/* ------------------------------------------------------------------------ */
/* Fragments: text that may be HTML                                        */
/* ------------------------------------------------------------------------ */

/* The text of the fragment HTML, in a static buffer. */
static const char *fragment(const char *html)
{
    static char text[512];
    ns_buf_t out = {0};
    int rc = ns_html_fragment_text(html, strlen(html), NULL, &out);
    snprintf(text, sizeof text, "%s", rc < 0 ? "(failed)" : out.p ? out.p : "");
    ns_buf_free(&out);
    return text;
}

/* The text of a post as WordPress stores it (ns_html_post_text). */
static const char *post(const char *html)
{
    static char text[512];
    ns_buf_t out = {0};
    int rc = ns_html_post_text(html, strlen(html), NULL, &out);
    snprintf(text, sizeof text, "%s", rc < 0 ? "(failed)" : out.p ? out.p : "");
    ns_buf_free(&out);
    return text;
}

static int markup(const char *s, int entities)
{
    return ns_html_holds_markup(s, strlen(s), entities);
}

static void test_fragment_stray_lt(void)
{
    /* A "<" that opens no tag (no name after it, or no '>' to end it) is
     * a character: a title's "a<b" is not a tag that takes the rest. */
    CHECK_STR(fragment("x <3 y and a<b"), "x <3 y and a<b",
              "fragment: a<b at the end kept");
    CHECK_STR(fragment("<p>if (a<b) then c</p><!-- c<d -->"), "if (a<b) then c",
              "fragment: a<b before a tag kept");
    CHECK_STR(fragment("x<y and z<p>one</p>"), "x<y and z\n\none",
              "fragment: a < that another tag follows");
    CHECK_STR(fragment("<p><img alt=don't src=x.jpg>Caption</p>"), "Caption",
              "fragment: a quote in an unquoted value opens nothing");
    CHECK_STR(fragment("<a title=\"a<b>c\" href=\"x\">link</a> 5 < 6"),
              "link 5 < 6", "fragment: a < in a quoted value is the tag's");
    CHECK_STR(fragment("Profits &lt; forecasts at AT&T"),
              "Profits < forecasts at AT&T", "fragment: entities read");
}

/* Text whose paragraphs are blank lines, as WordPress's classic editor and
 * plain feeds write it, keeps them; with a block element, the markup
 * says where paragraphs are. */
static void test_fragment_paragraphs(void)
{
    CHECK_STR(fragment("Smith &amp; Sons\n\nSecond one.\r\n \r\nThird."),
              "Smith & Sons\n\nSecond one.\n\nThird.",
              "fragment: blank lines are paragraphs");
    CHECK_STR(fragment("A <b>bold</b> start\n\n[caption]x[/caption] next"),
              "A bold start\n\n[caption]x[/caption] next",
              "fragment: inline tags keep the paragraphs");
    CHECK_STR(fragment("line one\nline two"), "line one line two",
              "fragment: a single line break is a space");
    CHECK_STR(fragment("<div>A</div>\n\nloose\n\n<div>B</div>"),
              "A\n\nloose\n\nB", "fragment: with blocks, the markup's");
    CHECK_STR(fragment("<p>A\n\nstill A</p>"), "A still A",
              "fragment: blank lines inside a <p> are white space");
    /* A classic-editor post with subheadings: wpautop keeps its blank-line
     * paragraphs around the <h2> (they ran together when a block was
     * anywhere in the text). */
    CHECK_STR(fragment("A house burned.\n\nFour engines came.\n<h2>No one "
                       "hurt</h2>\nPolice say so.\n\nIt is out."),
              "A house burned.\n\nFour engines came.\n\nNo one hurt\n\n"
              "Police say so.\n\nIt is out.",
              "fragment: blank lines around a heading are paragraphs");
    CHECK_STR(fragment("One.<br><br>\n Two.<br>Three.<br/><br />Four."),
              "One.\n\nTwo.\nThree.\n\nFour.",
              "fragment: <br><br> is a paragraph's break, <br> a line's");
    CHECK_STR(fragment("<br><br>Lead."), "Lead.",
              "fragment: <br>s before any text are nothing");
    CHECK_STR(fragment("<pre>x = 1\n\ny = 2</pre>\n\nafter"),
              "x = 1 y = 2\n\nafter", "fragment: with <pre>, the markup's");

    /* A post as WordPress stores it is shown through wpautop whatever its
     * tags: one <p> with attributes (the classic editor's alignment), a
     * <br> or a block-editor paragraph does not run the others together;
     * a <pre> keeps its blank lines. */
    CHECK_STR(post("First para.\n\n[x] Caption here\n\nThird para.\n\n"
                   "<p style=\"text-align: center;\"><em>Read more.</em></p>"),
              "First para.\n\n[x] Caption here\n\nThird para.\n\nRead more.",
              "post: blank lines are paragraphs beside a <p>");
    CHECK_STR(post("<!-- wp:paragraph -->\n<p>Block one.</p>\n<!-- "
                   "/wp:paragraph -->\n\nClassic two.\nSame para.\n\nThree."),
              "Block one.\n\nClassic two. Same para.\n\nThree.",
              "post: blocks and classic text mixed");
    CHECK_STR(post("Line<br>\nnext\n\nNew para."), "Line\nnext\n\nNew para.",
              "post: beside a <br>");
    CHECK_STR(post("Code:\n\n<pre>x = 1\n\ny = 2</pre>\n\nafter"),
              "Code:\n\nx = 1 y = 2\n\nafter", "post: never inside a <pre>");
    CHECK_STR(post("<p>A\n\nstill A</p>"), "A\n\nstill A",
              "post: blank lines inside a <p> too, as wpautop does");
    CHECK_STR(post("<img alt=\"a\n\nb\" src=x.jpg>Text."), "Text.",
              "post: a blank line inside a tag is the tag's");
}

static void test_holds_markup(void)
{
    /* What tells text escaped once too often (feed-item.c): HTML's own
     * tags, and with entities, its entity references. */
    CHECK(markup("<p>Double escaped <b>body</b> text.</p>", 0),
          "markup: <p> and <b>");
    CHECK(markup("line<br/>next", 0) && markup("<BR>", 0),
          "markup: <br/>, any case");
    CHECK(markup("see <a href=\"https://ex.org/?a=1&b=2\">this</a>", 0),
          "markup: <a href=...>");
    CHECK(markup("<figure>x</figure>", 0), "markup: an HTML5 element");
    CHECK(!markup("Love <3 wins; 5 < 6 & 7 > 2", 1), "markup: < and & alone");
    CHECK(!markup("x <3 y and a<b", 1), "markup: a<b is no tag");
    CHECK(!markup("<foo>bar</foo> <o:p>", 1), "markup: not HTML's names");
    CHECK(!markup("AT&T R&D; x", 1), "markup: no entity");
    CHECK(markup("AT&amp;T", 1) && !markup("AT&amp;T", 0),
          "markup: &amp; with entities only");
    CHECK(markup("Don&#8217;t", 1) && markup("Don&#x2019;t", 1),
          "markup: numeric references");
}

/* Text a reader never sees is no text: short hidden blocks, a video's
 * fallback, screen-reader labels; long hidden text may be the story's
 * "Read more" and stays.  A teaser <article> inside the story is left
 * out; an outer <article> that only wraps the story keeps it. */
static void test_unseen_text(void)
{
    ns_article_t a;
    char longer[2048] = "";
    for (int i = 0; i < 40; i++)
        strcat(longer, "Rest of the story. ");
    char html[4096];
    snprintf(html, sizeof html,
             "<html><body><main><article><h1>Ferry</h1><p>Runs again.</p>"
             "<div hidden>Hidden note</div>"
             "<div style=\"Display : None\">Styled note</div>"
             "<div hidden=\"until-found\">Found note</div>"
             "<span class=\"sr-only\">Skip to content</span>"
             "<video src=\"v.mp4\">No video support</video>"
             "<div style=\"display:none\">%s</div>"
             "<p>Tickets at the quay.</p></article></main></body></html>",
             longer);
    CHECK(page(html, &a) == 0, "page");
    CHECK(
        a.body && !strstr(a.body, "Hidden note") &&
            !strstr(a.body, "Styled note") && !strstr(a.body, "Skip to") &&
            !strstr(a.body, "No video"),
        "short hidden text, a video's fallback, screen-reader text: left out");
    CHECK(a.body && strstr(a.body, "Found note") &&
              strstr(a.body, "Rest of the story") &&
              strstr(a.body, "Tickets at the quay"),
          "until-found and long hidden text stay, and the rest");
    ns_article_clear(&a);

    static const char NESTED[] =
        "<html><body><main><article><h1>Bridge closes</h1>"
        "<p>The bridge closes for six weeks of repairs from Monday, the "
        "council said.</p><article><h3>Tunnel traffic doubles</h3>"
        "<p>Teaser.</p></article><p>Work starts on Monday.</p></article>"
        "</main></body></html>";
    CHECK(page(NESTED, &a) == 0 && !strstr(a.body, "Tunnel") &&
              strstr(a.body, "Work starts") && a.n_headings == 0,
          "a teaser article inside the story: left out");
    ns_article_clear(&a);
    static const char WRAPPED[] =
        "<html><body><article class=\"page\"><p>Share</p><article>"
        "<h2>Bridge closes</h2><p>The bridge closes for six weeks of repairs "
        "from Monday, the council said.</p></article></article></body></html>";
    CHECK(page(WRAPPED, &a) == 0 && strstr(a.body, "six weeks"),
          "a story wrapped in an outer article: kept");
    ns_article_clear(&a);
}

int main(void)
{
    test_unseen_text();
    test_fragment_paragraphs();
    test_teaser_before_story();
    test_windows1252_labels();
    test_jsonld_does_not_parse();
    test_furniture_classes();
    test_boxes_of_links();
    test_story_date();
    test_title_site_name();
    test_article_header();
    test_jsonld_main_entity();
    test_fragment_stray_lt();
    test_holds_markup();
    return tl_done();
}
