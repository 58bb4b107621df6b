/* test_html_furniture.c - Page furniture as news themes and publishing
 * platforms mark it beyond the plain class names of test_html.c: BEM class
 * names ("article__share") and AMP's ad, share and consent elements.  Each
 * case is a page or a feed item as the
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

/* ------------------------------------------------------------------------ */
/* AMP's elements                                                           */
/* ------------------------------------------------------------------------ */

static void test_amp_elements(void)
{
    static const char P[] =
        "<!doctype html><html \xe2\x9a\xa1 lang=\"en\"><head><meta "
        "charset=\"utf-8\"><title>Harbour dredging begins</title></head>"
        "<body><article>"
        "<h1>Harbour dredging begins</h1>"
        "<amp-social-share type=\"twitter\">Share on Twitter"
        "</amp-social-share><p>Work to deepen the harbour started on "
        "Tuesday.</p><figure><amp-img src=\"d.jpg\" width=\"4\" "
        "height=\"3\" layout=\"responsive\"></amp-img><figcaption>The "
        "dredger Hercules at the quay.</figcaption></figure>"
        "<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\" "
        "data-slot=\"/123/news\"><div placeholder>Loading ad\xe2\x80\xa6"
        "</div><div fallback>Ad failed to load</div></amp-ad>"
        "<amp-fit-text width=\"300\" height=\"40\">Six months of "
        "work</amp-fit-text><p>The project will take six months.</p>"
        "<amp-video src=\"v.mp4\" width=\"4\" height=\"3\"><div "
        "fallback>Your browser does not support video</div></amp-video>"
        "<amp-embed type=\"taboola\" width=\"400\" height=\"300\"><div "
        "placeholder>Stories you may like</div></amp-embed></article>"
        "<amp-sticky-ad layout=\"nodisplay\"><amp-ad width=\"320\" "
        "height=\"50\" type=\"doubleclick\"><div fallback>Sticky ad "
        "unavailable</div></amp-ad></amp-sticky-ad></body></html>";
    ns_article_t a;
    CHECK(page(P, &a) == 0, "amp page: read");
    CHECK(has(a.body, "Work to deepen") && has(a.body, "six months.") &&
              has(a.body, "dredger Hercules") &&
              has(a.body, "Six months of work"),
          "amp page: the story, a caption and amp-fit-text stay");
    CHECK(!has(a.body, "Twitter") && !has(a.body, "Loading ad") &&
              !has(a.body, "failed to load") && !has(a.body, "Sticky") &&
              !has(a.body, "you may like"),
          "amp page: amp-social-share, amp-ad, amp-embed, amp-sticky-ad "
          "are gone");
    CHECK(!has(a.body, "browser does not"),
          "amp page: a video's fallback is gone");
    if (has(a.body, "Twitter") || !has(a.body, "Hercules"))
        fprintf(stderr, "    body: '%s'\n", a.body);
    ns_article_clear(&a);

    /* The consent dialog and the drawer sit outside the <article>, left
     * out with the rest of the page; read whole, they go too. */
    static const char F[] =
        "<amp-consent id=\"consent\" layout=\"nodisplay\"><div>We use "
        "cookies to improve your experience.</div></amp-consent>"
        "<amp-user-notification id=\"n\" layout=\"nodisplay\">This site "
        "stores data</amp-user-notification><amp-sidebar id=\"menu\" "
        "layout=\"nodisplay\"><ul><li>Weather</li><li>Sport</li></ul>"
        "</amp-sidebar><p>Work to deepen the harbour started.</p>"
        "<amp-next-page><div recommendation-box>Mayor quits</div>"
        "</amp-next-page>";
    ns_buf_t out = {0};
    CHECK(ns_html_fragment_text(F, strlen(F), NULL, &out) == 0 &&
              has(out.p, "Work to deepen") && !has(out.p, "cookies") &&
              !has(out.p, "stores data") && !has(out.p, "Weather") &&
              !has(out.p, "Mayor quits"),
          "amp: consent, notice, drawer and next page are gone");
    ns_buf_free(&out);
}

int main(void)
{
    test_bem_names();
    test_amp_elements();
    return tl_done();
}
