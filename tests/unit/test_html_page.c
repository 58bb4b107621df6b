/* test_html_page.c - Article pages: where the story is when the page
 * says so with ARIA roles or microdata, JSON-LD that is a teaser or
 * wrapped for old browsers or escaped twice, references between the
 * nodes of a JSON-LD @graph, a story in plain <div>s under its <h1>, and
 * &#128;-&#159; as browsers read them. */
#include <stdio.h>
#include <string.h>

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

/* Pages built of <div>s: ARIA roles and schema.org microdata say where
 * the story is.  Each was "no article text" and skipped, every night. */
static void test_roles_and_microdata(void)
{
    ns_article_t a;
    CHECK(page("<html><body><div id=\"content\" role=\"main\"><h1>Council "
               "approves budget</h1><p>The council approved the budget.</p>"
               "</div><div class=\"footer-links\">About us</div></body>"
               "</html>",
               &a) == 0,
          "role=main: the page is read");
    CHECK(has(a.body, "The council approved the budget.") &&
              !has(a.body, "About us"),
          "role=main: its text is the body");
    ns_article_clear(&a);
    CHECK(page("<html><body><div role=\"article\"><h1>Ferry</h1><p>The "
               "ferry runs again.</p></div></body></html>",
               &a) == 0 &&
              has(a.body, "The ferry runs again."),
          "role=article: read as an <article>");
    ns_article_clear(&a);
    CHECK(page("<html><head><title>Microdata story</title></head><body>"
               "<main><div itemscope itemtype=\"https://schema.org/"
               "NewsArticle\"><meta itemprop=\"datePublished\" "
               "content=\"2025-11-03T10:00:00+01:00\"><h1 itemprop=\"headline"
               "\">Microdata story</h1><div class=\"kicker\">Most shared "
               "today</div><div itemprop=\"articleBody\"><p>Body of the "
               "story.</p><h2>Next steps</h2><p>More.</p></div></div></main>"
               "</body></html>",
               &a) == 0,
          "microdata: the page is read");
    CHECK(a.body && !strncmp(a.body, "Body of the story.", 18) &&
              !has(a.body, "Most shared"),
          "itemprop=articleBody: its text is the body, not all of <main>");
    CHECK(a.n_headings == 1 && !strcmp(a.headings[0], "Next steps"),
          "itemprop=articleBody: its headings");
    CHECK(a.date && !strcmp(a.date, "2025-11-03T09:00:00Z"),
          "<meta itemprop=datePublished>: the date");
    ns_article_clear(&a);
}

/* A JSON-LD articleBody that is the story's lead alone gives way to the
 * story's text; one that is the whole story (a paywalled page's markup
 * has the teaser) or another text stays. */
static void test_jsonld_teaser(void)
{
    const char *full =
        "<p>The council postponed its budget vote on Monday after a late "
        "amendment.</p><p>The amendment would cut funding for the new "
        "harbour bridge.</p>";
    char html[2048];
    ns_article_t a;
    snprintf(html, sizeof html,
             "<html><head><script type=\"application/ld+json\">{\"@type\":"
             "\"NewsArticle\",\"headline\":\"Vote delayed\",\"articleBody"
             "\":\"The council postponed its budget vote on Monday\u2026\"}"
             "</script></head><body><article><h1>Vote delayed</h1>%s"
             "</article></body></html>",
             full);
    CHECK(page(html, &a) == 0 && has(a.body, "harbour bridge") &&
              has(a.body, "after a late amendment"),
          "a teaser in JSON-LD: the body is the story's text");
    ns_article_clear(&a);
    snprintf(html, sizeof html,
             "<html><head><script type=\"application/ld+json\">{\"@type\":"
             "\"NewsArticle\",\"headline\":\"Vote delayed\",\"articleBody"
             "\":\"The council postponed its budget vote on Monday after a "
             "late amendment. The amendment would cut funding for the new "
             "harbour bridge. Behind the paywall.\"}</script></head><body>"
             "<article><h1>Vote delayed</h1><p>The council postponed its "
             "budget vote on Monday after a late amendment.</p></article>"
             "</body></html>");
    CHECK(page(html, &a) == 0 && has(a.body, "Behind the paywall."),
          "the whole story in JSON-LD, a teaser in the markup: JSON-LD's");
    ns_article_clear(&a);
    snprintf(html, sizeof html,
             "<html><head><script type=\"application/ld+json\">{\"@type\":"
             "\"NewsArticle\",\"headline\":\"Vote delayed\",\"articleBody"
             "\":\"A summary the site wrote for search engines.\"}</script>"
             "</head><body><article><h1>Vote delayed</h1>%s</article></body>"
             "</html>",
             full);
    CHECK(page(html, &a) == 0 &&
              !strcmp(a.body, "A summary the site wrote for search engines."),
          "a shorter articleBody that is no lead of the markup: kept");
    ns_article_clear(&a);

    /* The whole story in JSON-LD, and the page's <article> holds it and
     * the furniture after it (an author's bio, the topics, a print note):
     * the markup began with it, and was taken with its furniture. */
    static const char LD[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Vote delayed\",\"articleBody\":"
        "\"%s\"}</script></head><body><article><h1>Vote delayed</h1>%s"
        "<div class=\"author-bio\"><p>Kari Holm covers the council.</p>"
        "</div><p class=\"print-note\">A version of this article appears "
        "in print on page A3.</p></article></body></html>";
    snprintf(html, sizeof html, LD,
             "The council postponed its budget vote on Monday after a late "
             "amendment. The amendment would cut funding for the new "
             "harbour bridge.",
             full);
    CHECK(page(html, &a) == 0 && has(a.body, "harbour bridge.") &&
              !has(a.body, "Kari Holm") && !has(a.body, "in print"),
          "the whole story in JSON-LD, furniture after it in the markup: "
          "JSON-LD's");
    ns_article_clear(&a);
    /* The lead alone, a whole paragraph with no ellipsis; and the story
     * cut at a word with none: each a teaser of the markup. */
    snprintf(html, sizeof html, LD,
             "The council postponed its budget vote on Monday after a late "
             "amendment.",
             full);
    /* The markup's, less the author's bio, which is furniture. */
    CHECK(page(html, &a) == 0 && has(a.body, "harbour bridge.") &&
              has(a.body, "in print") && !has(a.body, "Kari Holm"),
          "the first paragraph alone in JSON-LD: the markup's text");
    ns_article_clear(&a);
    snprintf(html, sizeof html, LD,
             "The council postponed its budget vote on Monday after a late "
             "amendment. The amendment would cut funding",
             full);
    CHECK(page(html, &a) == 0 && has(a.body, "harbour bridge."),
          "JSON-LD cut inside a sentence: the markup's text");
    ns_article_clear(&a);
    /* Its first two paragraphs, whole, where the story goes on for
     * longer than they are: a preview, and the story is the markup's. */
    char longer[1024];
    snprintf(longer, sizeof longer,
             "%s<p>Councillors from three parties said the bridge had been "
             "promised to the harbour district for a decade.</p><p>The "
             "mayor said the vote would be held next month, once the "
             "finance committee had costed the amendment in full.</p>",
             full);
    snprintf(html, sizeof html, LD,
             "The council postponed its budget vote on Monday after a late "
             "amendment. The amendment would cut funding for the new "
             "harbour bridge.",
             longer);
    CHECK(page(html, &a) == 0 && has(a.body, "finance committee"),
          "the first paragraphs of a longer story in JSON-LD: the markup's");
    ns_article_clear(&a);
}

/* JSON-LD wrapped as CMSs wrap scripts for old browsers and XHTML: read
 * as the JSON inside (it was "does not parse", and the date, byline and
 * section were lost). */
static void test_jsonld_wrapped(void)
{
    static const char *const wraps[][2] = {
        {"//<![CDATA[\n", "\n//]]>"},
        {"<![CDATA[", "]]>"},
        {"<!--\n", "\n-->"},
        {"  // <![CDATA[\n", "\n  // ]]>  \n"}};
    for (size_t i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
        char html[1024];
        snprintf(html, sizeof html,
                 "<html><head><script type=\"application/ld+json\">%s"
                 "{\"@type\":\"NewsArticle\",\"headline\":\"Prices rise\","
                 "\"datePublished\":\"2025-11-02T09:15:00+01:00\","
                 "\"author\":{\"name\":\"Per Hansen\"}}%s</script></head>"
                 "<body><article><p>Prices rose again.</p></article></body>"
                 "</html>",
                 wraps[i][0], wraps[i][1]);
        ns_article_t a;
        CHECK(page(html, &a) == 0 && a.author &&
                  !strcmp(a.author, "Per Hansen") && a.date &&
                  !strcmp(a.date, "2025-11-02T08:15:00Z"),
              "wrapped JSON-LD: its byline and date are read");
        ns_article_clear(&a);
    }
}

/* "&#146;" is U+2019 as browsers read it (the HTML Standard's table for
 * &#128;-&#159;, windows-1252's characters), not the control U+0092 that
 * libxml2 reads, which became a space or nothing: old CMSs write them, in
 * pages and escaped once more in feeds. */
static void test_c1_references(void)
{
    ns_article_t a;
    static const char PAGE[] =
        "<html><head><meta charset=\"utf-8\"></head><body><article><h1>"
        "Mayor&#146;s plan &#150; &#128;5m</h1><h2>&#147;No&#148;</h2><p>The "
        "harbour&#151;and the ferry&#x96;terminal&#133;were over budget."
        "</p></article></body></html>";
    CHECK(page(PAGE, &a) == 0, "c1: page read");
    CHECK_STR(a.title,
              "Mayor\xe2\x80\x99s plan \xe2\x80\x93 \xe2\x82\xac"
              "5m",
              "c1: title, &#146; &#150; &#128;");
    CHECK_STR(a.body,
              "\xe2\x80\x9cNo\xe2\x80\x9d\n\nThe harbour\xe2\x80\x94"
              "and the ferry\xe2\x80\x93terminal\xe2\x80\xa6were over budget.",
              "c1: body, decimal and hex");
    CHECK(a.n_headings == 1 &&
              !strcmp(a.headings[0], "\xe2\x80\x9cNo\xe2\x80\x9d"),
          "c1: heading");
    ns_article_clear(&a);
    /* <title>, meta tags and JSON-LD; the five the table leaves are
     * controls still, and spaces. */
    static const char META[] =
        "<html><head><title>Bridge&#146;s &#153; day</title><meta "
        "property=\"article:section\" content=\"Caf&#130;s&#146;\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"author\":{\"name\":\"O&#146;Brien\"}}</script></head>"
        "<body><main><p>A&#129;b &#157;c&#159;</p></main></body></html>";
    CHECK(page(META, &a) == 0, "c1: page read");
    CHECK_STR(a.title, "Bridge\xe2\x80\x99s \xe2\x84\xa2 day", "c1: <title>");
    CHECK_STR(a.section, "Caf\xe2\x80\x9as\xe2\x80\x99", "c1: meta content");
    CHECK_STR(a.author,
              "O\xe2\x80\x99"
              "Brien",
              "c1: JSON-LD text");
    CHECK_STR(a.body, "A b  c\xc5\xb8", "c1: &#129; and &#157; are spaces");
    ns_article_clear(&a);

    /* Fragments: a feed's "&amp;#146;" is "&#146;" once XML is read. */
    CHECK_STR(fragment("<p>Mayor&#146;s &#147;plan&#148;</p>"),
              "Mayor\xe2\x80\x99s \xe2\x80\x9cplan\xe2\x80\x9d",
              "c1: fragment");
    json_t *obj = json_object(), *heads = json_array();
    ns_feed_item_text(obj, "title", "Mayor&#146;s plan", 17, NS_MK_MAYBE);
    CHECK_STR(json_string_value(json_object_get(obj, "title")),
              "Mayor\xe2\x80\x99s plan", "c1: a feed's title escaped twice");
    ns_buf_t out = {0};
    CHECK(ns_html_fragment_text("<h2>Q&#146;s</h2><p>x</p>", 25, heads, &out) ==
                  0 &&
              !strcmp(json_string_value(json_array_get(heads, 0)),
                      "Q\xe2\x80\x99s"),
          "c1: a fragment's heading");
    ns_buf_free(&out);
    json_decref(obj);
    json_decref(heads);

    /* The mapping itself: from FROM on, every one of the 32. */
    ns_buf_t b = {0};
    ns_buf_puts(&b, "\xc2\x92|\xc2\x80\xc2\x81\xc2\x8a\xc2\x9f\xc3\xa9");
    CHECK(ns_c1_to_windows1252(&b, 3) == 1 &&
              !strcmp(b.p, "\xc2\x92|\xe2\x82\xac\xc2\x81\xc5\xa0\xc5\xb8"
                           "\xc3\xa9"),
          "c1: mapped from an offset, U+0081 kept");
    ns_buf_reset(&b);
    ns_buf_puts(&b, "\xe2\x80\x99 \xc2\xa0\xc3\x82");
    CHECK(ns_c1_to_windows1252(&b, 0) == 0 &&
              !strcmp(b.p, "\xe2\x80\x99 \xc2\xa0\xc3\x82"),
          "c1: no control, nothing changed");
    ns_buf_free(&b);
}

/* A live blog: its updates are <article>s under the headline, or inside
 * the story's <article> when the JSON-LD says LiveBlogPosting.  One
 * update, or the standfirst alone, was the story before. */
static void test_live_blog(void)
{
    ns_article_t a;
    CHECK(page("<html><body><main><h1>Election night live</h1><article>"
               "<h2>First result in</h2><p>Sunderland declares first.</p>"
               "</article><article><h2>Polls close</h2><p>Polls have now "
               "closed.</p></article></main></body></html>",
               &a) == 0,
          "live blog under <main>: read");
    CHECK(has(a.body, "Sunderland declares") && has(a.body, "now closed") &&
              a.n_headings == 2,
          "live blog under <main>: every update, with its heading");
    CHECK(a.title && !strcmp(a.title, "Election night live"),
          "live blog under <main>: the headline");
    ns_article_clear(&a);
    CHECK(page("<html><head><script type=\"application/ld+json\">{\"@type\""
               ":\"LiveBlogPosting\",\"headline\":\"Storm live\"}</script>"
               "</head><body><main><article><h1>Storm live</h1><p>Follow the "
               "latest as the storm hits the west coast, with winds above "
               "hurricane force on exposed coasts and islands through the "
               "night and morning.</p><article><p>Ferries cancelled.</p>"
               "</article><article><p>Schools closed.</p></article></article>"
               "</main></body></html>",
               &a) == 0 &&
              has(a.body, "Ferries cancelled.") &&
              has(a.body, "Schools closed."),
          "LiveBlogPosting: the nested updates are the story's");
    ns_article_clear(&a);
    /* Not a live blog: a nested teaser is still cut. */
    CHECK(page("<html><head><script type=\"application/ld+json\">{\"@type\""
               ":\"NewsArticle\",\"headline\":\"Storm\"}</script></head>"
               "<body><main><article><h1>Storm</h1><p>Follow the latest as "
               "the storm hits the west coast, with winds above hurricane "
               "force on exposed coasts and islands through the night and "
               "morning.</p><article><p>Read also: ferries.</p></article>"
               "</article></main></body></html>",
               &a) == 0 &&
              !has(a.body, "Read also"),
          "NewsArticle: a nested teaser is cut");
    ns_article_clear(&a);
}

/* A story set in plain <div>s under its <h1>, with no <article>, <main>
 * or microdata, as older sites' templates set it.  With a box of teaser
 * <article>s under it, the heaviest teaser was taken for the story and
 * the story's own text was found by nothing; without, the page was
 * skipped. */
#define STORY                                                                  \
    "<div id=\"story\"><h1 class=\"headline\">Council sells old "              \
    "library</h1><p class=\"byline\">By Tom Reed</p><div "                     \
    "class=\"story-body\"><p>The council agreed on Thursday to sell the "      \
    "old library building to a developer.</p><p>Residents had campaigned "     \
    "for years to save it, and some said they felt betrayed by the vote, "     \
    "which passed narrowly after a long debate.</p><p>The developer plans "    \
    "flats and a small cafe.</p></div></div>"
#define TEASERS                                                                \
    "<div class=\"more-from-section\"><h3>More from News</h3><article "        \
    "class=\"teaser\"><h2><a href=\"/a\">Bridge closure extended for "         \
    "another month</a></h2><p>The bridge will stay shut while engineers "      \
    "finish inspections of the piers and the deck, the county "                \
    "said.</p></article><article class=\"teaser\"><h2><a href=\"/b\">School "  \
    "wins award</a></h2><p>Pupils celebrated.</p></article></div>"

static void test_story_in_divs(void)
{
    ns_article_t a;
    CHECK(page("<html><head><meta property=\"og:title\" content=\"Council "
               "sells old library\"></head><body><div id=\"wrapper\">" STORY
                   TEASERS "</div></body></html>",
               &a) == 0,
          "story in divs, teasers under it: read");
    CHECK(has(a.body, "sell the old library building") &&
              !has(a.body, "Bridge closure") && !has(a.body, "piers"),
          "story in divs, teasers under it: the story's text, no teaser's");
    CHECK(has(a.title, "Council sells old library"),
          "story in divs: the <h1> is the title");
    ns_article_clear(&a);
    CHECK(page("<html><body>" STORY "<div class=\"footer\">Contact "
               "us</div></body></html>",
               &a) == 0 &&
              has(a.body, "a small cafe") && !has(a.body, "Contact us"),
          "story in divs, no teasers: the story's element, not the page's");
    ns_article_clear(&a);
    /* The <h1> over the <article> that holds the story's text, a
     * teaser beside it: the story's <article>, as before. */
    CHECK(page("<html><body><div><h1>Council sells old library</h1><p>By "
               "Tom Reed</p><article><p>The council agreed on Thursday to "
               "sell the old library building to a developer, after a long "
               "campaign by residents to save it.</p><p>Some said they "
               "felt betrayed by the vote, which passed narrowly after a "
               "long debate in the chamber.</p></article></div><aside>"
               "<article><p>Pupils celebrated.</p></article></aside>"
               "</body></html>",
               &a) == 0 &&
              has(a.body, "felt betrayed") && !has(a.body, "Pupils"),
          "an <h1> over the story's <article>: that article");
    ns_article_clear(&a);
    CHECK(page("<html><body><div><h1>Contact</h1><p>Call us.</p></div>"
               "</body></html>",
               &a) < 0,
          "an <h1> over a line: no article text");
    /* A brief of one sentence under its <h1>, too short for a story in
     * plain <div>s: the message named <article> and <main>, not the
     * cause. */
    static const char BRIEF[] =
        "<html><body><div id=\"meny\"><a href=\"/\">Forside</a></div><div "
        "id=\"innhold\"><h1>Vegen stengt etter ras</h1><p>Fylkesvei 57 er "
        "stengt ved Storehaug etter et jordras natt til tirsdag.</p></div>"
        "</body></html>";
    char err[256];
    CHECK(ns_html_page(BRIEF, strlen(BRIEF), "p.html", &a, err, sizeof err) <
                  0 &&
              has(err, "; 67 bytes of text around the <h1>, fewer than the "
                       "200 a story in plain <div>s needs)"),
          "a brief under its <h1>: skipped, saying why");
}

/* A Drupal node as its core themes write it: no Open Graph, no JSON-LD;
 * the date and byline in RDFa, a tags field under the text. */
static void test_drupal_rdfa(void)
{
    static const char D10[] =
        "<html lang=\"en\"><head><title>County unveils housing plan | "
        "Example County</title></head><body><main role=\"main\"><h1><span "
        "property=\"schema:name\">County unveils housing plan</span></h1>"
        "<article about=\"/news/housing-plan\" typeof=\"schema:Article\">"
        "<span property=\"schema:name\" content=\"County unveils housing "
        "plan\" class=\"rdf-meta hidden\"></span><footer class=\"node__"
        "meta\"><div class=\"node__submitted\">Submitted by <span rel=\""
        "schema:author\"><span lang=\"\" about=\"/user/12\" typeof=\""
        "schema:Person\" property=\"schema:name\" datatype=\"\">Maria "
        "Lopez</span></span> on <span property=\"schema:dateCreated\" "
        "content=\"2025-09-08T14:30:00+00:00\">Mon, 09/08/2025 - 10:30"
        "</span></div></footer><div property=\"schema:text\"><p>The county "
        "will build 400 new homes over five years, officials said.</p><p>"
        "Half of them will be affordable rentals.</p></div><div class=\""
        "field field--name-field-tags field--type-entity-reference\"><div "
        "class=\"field__label\">Tags</div><div class=\"field__items\"><div "
        "class=\"field__item\"><a href=\"/taxonomy/term/4\" property=\""
        "schema:about\">Housing</a></div></div></div></article></main>"
        "</body></html>";
    ns_article_t a;
    CHECK(page(D10, &a) == 0, "drupal: read");
    CHECK(a.date && strncmp(a.date, "2025-09-08T14:30:00", 19) == 0,
          "drupal: the date of schema:dateCreated");
    CHECK(a.author && strcmp(a.author, "Maria Lopez") == 0,
          "drupal: the byline of rel=schema:author");
    CHECK(has(a.body, "affordable rentals") && !has(a.body, "Tags") &&
              !has(a.body, "Housing"),
          "drupal: the story, not its tags field");
    ns_article_clear(&a);
    /* Drupal 7: several properties in one attribute. */
    CHECK(page("<html><body><article><span property=\"dc:date dc:created\" "
               "content=\"2014-03-02T09:00:00+01:00\" datatype=\"xsd:"
               "dateTime\">Sun, 03/02/2014</span><span rel=\"sioc:has_"
               "creator\"><a href=\"/users/ola\" typeof=\"sioc:UserAccount"
               "\" property=\"foaf:name\">Ola Dahl</a></span><h1>Ferry "
               "late again</h1><p>The morning ferry was forty minutes late "
               "for the third day running, passengers said.</p></article>"
               "</body></html>",
               &a) == 0 &&
              a.date && strncmp(a.date, "2014-03-02T08:00:00", 19) == 0 &&
              a.author && strcmp(a.author, "Ola Dahl") == 0,
          "drupal 7: dc:date and sioc:has_creator");
    ns_article_clear(&a);
}

/* Pages that are no article, whatever text they hold: redirects and
 * pages that ask search engines to leave them out.  Hugo's redirect pages
 * (an alias, page/1/) were "no article text", skipped every night, and a
 * --prune of the site was never done. */
static int ignored(const char *head, const char *why)
{
    char html[1024], err[256];
    ns_article_t a;
    snprintf(html, sizeof html,
             "<html><head>%s</head><body><article><h1>Quay</h1><p>The quay "
             "reopens.</p></article></body></html>",
             head);
    int rc = ns_html_page(html, strlen(html), "p.html", &a, err, sizeof err);
    if (rc >= 0) /* a noindex page gives its id */
        ns_article_clear(&a);
    if (rc != 1 || strcmp(err, why) != 0)
        fprintf(stderr, "    %d: %s\n", rc, rc ? err : "read");
    return rc == 1 && strcmp(err, why) == 0;
}

static void test_not_articles(void)
{
    ns_article_t a;
    char err[256];
    static const char hugo[] =
        "<!DOCTYPE html><html lang=\"en-us\"><head><title>https://"
        "harbour.example/</title><link rel=\"canonical\" href=\"https://"
        "harbour.example/\"><meta name=\"robots\" content=\"noindex\"><meta "
        "charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; "
        "url=https://harbour.example/\"></head></html>";
    CHECK(ns_html_page(hugo, sizeof hugo - 1, "p.html", &a, err, sizeof err) ==
                  1 &&
              !strcmp(err, "ignored: a redirect to https://harbour.example/"),
          "Hugo's redirect page: ignored as a redirect");
    CHECK(ignored("<meta http-equiv=\"REFRESH\" content=\"0;URL='/2025/09/"
                  "bruecke'\">",
                  "ignored: a redirect to /2025/09/bruecke"),
          "refresh: a quoted URL without spaces");
    CHECK(ignored("<meta http-equiv=\"refresh\" content=\"3, /new\">",
                  "ignored: a redirect to /new"),
          "refresh: a comma and no url=");
    CHECK(ignored("<meta name=\"robots\" content=\"noindex, follow\">",
                  "ignored: the page asks not to be indexed (robots "
                  "noindex)"),
          "robots noindex: ignored, with its text");
    CHECK(ignored("<meta name=\"robots\" content=\"index\"><meta "
                  "name=\"ROBOTS\" content=\"NOINDEX,NOFOLLOW\">",
                  "ignored: the page asks not to be indexed (robots "
                  "noindex)"),
          "robots: a later noindex wins");
    CHECK(ignored("<meta name=\"googlebot\" content=\"none\">",
                  "ignored: the page asks not to be indexed (googlebot "
                  "none)"),
          "googlebot none: ignored");
    CHECK(page("<html><head><meta http-equiv=\"refresh\" content=\"300\">"
               "<meta name=\"robots\" content=\"index, nofollow, "
               "max-snippet:-1\"><meta http-equiv=\"refresh\" content=\"600; "
               "url=https://harbour.example/\"></head><body><article><h1>"
               "Live</h1><p>The tide turns.</p></article></body></html>",
               &a) == 0 &&
              has(a.body, "The tide turns."),
          "a page that reloads itself, and nofollow alone: read");
    ns_article_clear(&a);
}

/* One article:tag with several tags separated by commas, as the Guardian
 * writes them: each is a tag (it was one, and tag:norfolk found nothing),
 * and a tag repeated in another article:tag is kept once. */
static void test_meta_tag_list(void)
{
    ns_article_t a;
    CHECK(page("<html><head><meta property=\"article:tag\" content=\"Wind "
               "power,Renewable energy,Norfolk\"/><meta property=\"article:"
               "tag\" content=\"Norfolk, Energy\"/></head><body><article>"
               "<h1>Turbines</h1><p>The turbines turn.</p></article></body>"
               "</html>",
               &a) == 0,
          "article:tag list: the page is read");
    CHECK(a.n_tags == 4 && !strcmp(a.tags[0], "Wind power") &&
              !strcmp(a.tags[1], "Renewable energy") &&
              !strcmp(a.tags[2], "Norfolk") && !strcmp(a.tags[3], "Energy"),
          "article:tag list: split at its commas, each tag once");
    ns_article_clear(&a);
}

/* A JSON-LD headline an SEO or AMP plugin cut at 110 characters gives
 * way to the page's <h1> that has it whole; a headline that is not the
 * start of the <h1>, or one that ends in an ellipsis of its own, stays. */
static void test_cut_headline(void)
{
    static const char *const cut[] = {"\u2026", "...", " ..."};
    for (size_t i = 0; i < sizeof cut / sizeof *cut; i++) {
        char html[2048];
        snprintf(html, sizeof html,
                 "<html><head><script type=\"application/ld+json\">"
                 "{\"@type\":\"NewsArticle\",\"headline\":\"Council "
                 "approves sweeping overhaul of the harbour district after "
                 "months of heated public%s\"}</script></head><body><article>"
                 "<h1>Council approves sweeping overhaul of the harbour "
                 "district after months of heated public debate</h1>"
                 "<p>The council voted late on Tuesday.</p></article>"
                 "</body></html>",
                 cut[i]);
        ns_article_t a;
        CHECK(page(html, &a) == 0, "cut headline: read");
        CHECK(a.title && !strcmp(a.title, "Council approves sweeping overhaul "
                                          "of the harbour district after "
                                          "months of heated public debate"),
              a.title ? a.title : "cut headline: no title");
        ns_article_clear(&a);
    }
    /* Another headline than the <h1>'s: the JSON-LD's, as before. */
    static const char other[] =
        "<html><head><script type=\"application/ld+json\">"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Mayor's plan for the "
        "harbour: what we know so far\u2026\"}</script></head><body>"
        "<article><h1>Council approves sweeping overhaul of the harbour "
        "district</h1><p>The council voted.</p></article></body></html>";
    ns_article_t a;
    CHECK(page(other, &a) == 0, "other headline: read");
    CHECK(a.title && has(a.title, "what we know so far"),
          a.title ? a.title : "other headline: no title");
    ns_article_clear(&a);
}

/* An <article> that is only the story's header, its <h1> and standfirst,
 * beside the story's text in a plain <div>: the body was the standfirst
 * alone, and the story was found by nothing. */
#define HEADER                                                                 \
    "<article class=\"story-header\"><h1>Bridge inspection finds "             \
    "cracks</h1><p class=\"dek\">Engineers want repairs before "               \
    "summer.</p></article>"
#define BODY                                                                   \
    "<div class=\"story-body\"><p>Inspectors found cracks in two of the six "  \
    "pillars of the Harbour Bridge during a routine check last week, the "     \
    "road authority said on Tuesday.</p><p>The bridge stays open, but heavy "  \
    "trucks must keep to one lane until repairs are done.</p><p>Repairs will " \
    "cost an estimated 40 million kroner.</p></div>"

static void test_header_article(void)
{
    ns_article_t a;
    CHECK(page("<html><body><nav><a>Home</a></nav><main>" HEADER BODY
               "</main><aside><h2>Most read</h2><ul><li>Something else</li>"
               "</ul></aside></body></html>",
               &a) == 0,
          "header article: read");
    CHECK(has(a.body, "Engineers want repairs") && has(a.body, "pillars") &&
              has(a.body, "40 million kroner") && !has(a.body, "Most read"),
          "header article: the standfirst and the story beside it");
    CHECK_STR(a.title, "Bridge inspection finds cracks",
              "header article: the <h1> is the title");
    ns_article_clear(&a);
    /* Without <main>; and with a teaser <article> under the story, which
     * is cut out. */
    CHECK(page("<html><body><div id=\"page\">" HEADER BODY
               "<article class=\"teaser\"><h2><a href=\"/t\">Ferry late "
               "again</a></h2><p>Passengers waited.</p></article></div>"
               "</body></html>",
               &a) == 0 &&
              has(a.body, "pillars") && !has(a.body, "Passengers"),
          "header article, no <main>: the story beside it, not a teaser");
    ns_article_clear(&a);
    /* A live blog: its updates, each an <article>, are its text, and a
     * note beside it in <main> is not the story. */
    CHECK(
        page("<html><body><main><article><h1>Storm live</h1><article>"
             "<p>10:02 Winds reached 120 km/h on the coast overnight, and "
             "the ferries are cancelled until further notice.</p>"
             "</article><article><p>10:40 Power is back in most homes "
             "in the north, the grid company said, but not yet in the "
             "islands, where crews wait for the wind to drop.</p>"
             "</article><article><p>11:15 The coastal road is open "
             "again.</p></article></article><div class=\"about\"><p>"
             "Coast News is an independent local newspaper owned by its "
             "readers, published every weekday since 1921. Write to the "
             "editor with your tips and comments, or call the news desk at any "
             "hour of the day or night. Letters to the editor are printed on "
             "Saturdays.</p></div></main>"
             "</body></html>",
             &a) == 0 &&
            has(a.body, "Power is back") && !has(a.body, "since 1921"),
        "a live blog's <article>, updates in <article>s: no header");
    ns_article_clear(&a);
    /* A brief in its <article>, beside a list of links: the brief. */
    CHECK(page("<html><body><main><article><h1>Road closed</h1><p>The "
               "road is closed after a landslide.</p></article><div "
               "class=\"more\"><ul><li><a href=\"/1\">Bridge inspection "
               "finds cracks in two of six pillars</a></li><li><a href=\"/2"
               "\">Ferry late again for the third day running, passengers "
               "say</a></li><li><a href=\"/3\">Council postpones its budget "
               "vote after a late amendment</a></li><li><a href=\"/4\">"
               "School wins a national award for its science teaching</a>"
               "</li><li><a href=\"/5\">Harbour dredging starts in May and "
               "takes six weeks</a></li></ul></div></main></body></html>",
               &a) == 0 &&
              !strcmp(a.body, "The road is closed after a landslide."),
          "a brief's <article> beside a list of links: the brief alone");
    ns_article_clear(&a);
}
#undef HEADER
#undef BODY

/* Rank Math and Yoast 11-13: the article's mainEntityOfPage is the
 * "@id" of the WebPage node, "https://x/a/#webpage", which was stored as
 * the url over og:url and the canonical link; and the author is a
 * reference to a Person node of the same @graph, which named no one. */
#define GRAPH_LD(webpage, author)                                              \
    "<script type=\"application/ld+json\">{\"@graph\":[" webpage               \
    "{\"@type\":\"Person\",\"@id\":\"https://g.example/#/schema/person/"       \
    "abc\",\"name\":\"Ann Lee\"},{\"@type\":\"BlogPosting\",\"headline\":"     \
    "\"Lantern parade\",\"author\":" author ",\"mainEntityOfPage\":{"          \
    "\"@id\":\"https://g.example/parade/#webpage\"}}]}</script>"
#define GRAPH_BODY "<body><article><p>The parade starts at five.</p></article>"
#define PERSON "{\"@id\":\"https://g.example/#/schema/person/abc\"}"

#define WEBPAGE                                                                \
    "{\"@type\":\"WebPage\",\"@id\":\"https://g.example/parade/#webpage\","    \
    "\"url\":\"https://g.example/parade/?amp=0\"},"

static void test_graph_references(void)
{
    ns_article_t a;
    CHECK(page("<html><head><link rel=\"canonical\" "
               "href=\"https://g.example/parade/\">" GRAPH_LD(
                   WEBPAGE, PERSON) "</head>" GRAPH_BODY "</html>",
               &a) == 0,
          "graph: read");
    CHECK_STR(a.url, "https://g.example/parade/",
              "graph: the canonical link, not the node's @id");
    CHECK_STR(a.author, "Ann Lee", "graph: the author node's name");
    ns_article_clear(&a);
    /* No og:url or canonical link: the url of the node it names, else the
     * @id without its fragment. */
    CHECK(page("<html><head>" GRAPH_LD(
                   WEBPAGE, "{\"@id\":\"https://"
                            "g.example/nobody\"}") "</head>" GRAPH_BODY
                                                   "</html>",
               &a) == 0,
          "graph, no canonical: read");
    CHECK_STR(a.url, "https://g.example/parade/?amp=0",
              "graph, no canonical: the url of the node the @id names");
    CHECK(a.author == NULL, "graph: a reference to no node names no one");
    ns_article_clear(&a);
    CHECK(page("<html><head>" GRAPH_LD(
                   "", "[" PERSON ",\"Ola\"]") "</head>" GRAPH_BODY "</html>",
               &a) == 0,
          "graph, no node: read");
    CHECK_STR(a.url, "https://g.example/parade/",
              "graph, no node: the @id before its fragment");
    CHECK_STR(a.author, "Ann Lee, Ola", "graph: a list with a reference");
    ns_article_clear(&a);
}

/* JSON-LD text escaped twice, as some schema plugins write it, is read
 * twice, as a feed's is: the title was "Mayor&#8217;s plan &amp; budget"
 * under a clean <h1>. */
static void test_jsonld_escaped_twice(void)
{
    ns_article_t a;
    CHECK(
        page("<html><head><script type=\"application/ld+json\">{\"@type\":"
             "\"NewsArticle\",\"headline\":\"Mayor&amp;#8217;s plan &amp;amp; "
             "budget\",\"articleBody\":\"&lt;p&gt;Ferry fees rise "
             "&amp;amp; routes close.&lt;/p&gt;\",\"author\":{"
             "\"name\":\"Ed O&amp;#039;Neil\"},\"articleSection\":\"Arts "
             "&amp;amp; Culture\",\"keywords\":\"Ferries &amp;amp; boats,"
             "AT&amp;T\"}</script></head><body><article><h1>Mayor&#8217;s "
             "plan &amp; budget</h1><p>Ferry fees rise &amp; routes close."
             "</p></article></body></html>",
             &a) == 0,
        "escaped twice: read");
    CHECK_STR(a.title, "Mayor\u2019s plan & budget", "escaped twice: headline");
    CHECK_STR(a.body, "Ferry fees rise & routes close.",
              "escaped twice: articleBody");
    CHECK_STR(a.author, "Ed O'Neil", "escaped twice: author");
    CHECK_STR(a.section, "Arts & Culture", "escaped twice: section");
    CHECK(a.n_tags == 2 && !strcmp(a.tags[0], "Ferries & boats") &&
              !strcmp(a.tags[1], "AT&T"),
          "escaped twice: keywords; escaped once, read once");
    ns_article_clear(&a);
}

int main(void)
{
    test_jsonld_escaped_twice();
    test_graph_references();
    test_header_article();
    test_cut_headline();
    test_meta_tag_list();
    test_not_articles();
    test_drupal_rdfa();
    test_story_in_divs();
    test_live_blog();
    test_roles_and_microdata();
    test_jsonld_teaser();
    test_jsonld_wrapped();
    test_c1_references();
    return tl_done();
}
