/* test_html_furniture.c - Page furniture as news themes and publishing
 * platforms mark it beyond the plain class names of test_html.c: BEM class
 * names ("article__share").  Each case is a page or a feed item as the
 * platform writes it, with the story's own text beside the furniture. */
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
/* BEM class names                                                          */
/* ------------------------------------------------------------------------ */

static void test_bem_names(void)
{
    CHECK(ns_html_furniture_name("article__share") &&
              ns_html_furniture_name("related-articles__list") &&
              ns_html_furniture_name("share-bar__wrapper") &&
              ns_html_furniture_name("article-body__ad") &&
              ns_html_furniture_name("c-article__related-posts") &&
              ns_html_furniture_name("card--promo") &&
              ns_html_furniture_name("ARTICLE__SOCIAL-SHARE"),
          "bem: a block, element or modifier naming furniture");
    CHECK(!ns_html_furniture_name("article__body") &&
              !ns_html_furniture_name("article__content") &&
              !ns_html_furniture_name("story__text") &&
              !ns_html_furniture_name("article__title") &&
              !ns_html_furniture_name("article__shared-data") &&
              !ns_html_furniture_name("article--no-ads") &&
              !ns_html_furniture_name("article__") &&
              !ns_html_furniture_name("__"),
          "bem: the story's own elements, and parts that only mention a "
          "name, stay");
    /* One underscore was read as a dash before, and still is. */
    CHECK(ns_html_furniture_name("article_share") &&
              !ns_html_furniture_name("article_body"),
          "bem: a single underscore as before");

    static const char P[] =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Storm update</title></head><body><article class=\"article\">"
        "<h1 class=\"article__title\">Storm update</h1>"
        "<div class=\"article__share\"><a>Share on Facebook</a> <a>Tweet</a>"
        "</div><div class=\"article__body\"><p>Winds reached 120 km/h "
        "overnight.</p><div class=\"related-articles__list\"><a>Penguin "
        "escapes from zoo</a></div><div class=\"article-body__ad\">Buy "
        "flamingo insurance</div><p class=\"story__text\">Power has been "
        "restored to most homes.</p></div></article></body></html>";
    ns_article_t a;
    CHECK(page(P, &a) == 0, "bem page: read");
    CHECK(has(a.body, "Winds reached") && has(a.body, "Power has been"),
          "bem page: the story's elements stay");
    CHECK(!has(a.body, "Facebook") && !has(a.body, "Tweet") &&
              !has(a.body, "Penguin") && !has(a.body, "flamingo"),
          "bem page: share bar, related list and ad are gone");
    ns_article_clear(&a);
}

int main(void)
{
    test_bem_names();
    return tl_done();
}
