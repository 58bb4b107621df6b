/* test_html_furniture.c - Page furniture as news themes and publishing
 * platforms mark it beyond the plain class names of test_html.c: BEM class
 * names ("article__share"), AMP's ad, share and consent elements, and
 * Substack's subscribe widget and share button in a feed.  Each case is a page
 * or a feed item as the platform writes it, with the story's own text beside
 * the furniture. */
#include "ingest.h"
#include "readlib.h"
#include "testlib.h"

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

/* The body of an <article> with LABEL alone in an ad slot between two
 * paragraphs, in a static buffer. */
static const char *around_slot(const char *label)
{
    static char body[512];
    char html[512];
    ns_article_t a;
    snprintf(html, sizeof html,
             "<html><body><article><h1>Ferry</h1><p>The ferry runs "
             "again.</p><div class=\"x-slot\"><div class=\"x-label\">%s"
             "</div></div><p>It left at nine.</p></article></body></html>",
             label);
    snprintf(body, sizeof body, "%s",
             page(html, &a) == 0 && a.body ? a.body : "(refused)");
    if (body[0] != '(')
        ns_article_clear(&a);
    return body;
}

/* An advertisement's label, alone in its box, in the forms themes write
 * it: with dashes or a colon around it, or the line over an ad inside
 * the story.  Each stayed in the body; a sentence that mentions an
 * advertisement is the story's. */
static void test_ad_labels(void)
{
    static const char *const gone[] = {
        "ADVERTISEMENT", "Anzeige", "- Advertisement -",
        "Advertisement:", "Annonse:", "\xe2\x80\x94 ANNONSE \xe2\x80\x94",
        "Story continues below advertisement",
        "Article continues below advertisement",
        "Content continues below the advertisement.",
        "Advertisement \xc2\xb7 Scroll to continue",
        "ADVERTISEMENT - Scroll to continue with content",
        /* A read-aloud player's label, once its buttons are gone. */
        "Lytt til saken", "Listen to this article", NULL};
    for (const char *const *l = gone; *l; l++) {
        const char *b = around_slot(*l);
        char name[128];
        snprintf(name, sizeof name, "ad label '%s' is gone", *l);
        CHECK(!strcmp(b, "The ferry runs again.\n\nIt left at nine."), name);
        if (strcmp(b, "The ferry runs again.\n\nIt left at nine."))
            fprintf(stderr, "    body: '%s'\n", b);
    }
    static const char *const kept[] = {
        "Advertisement: the council spent more on it",
        "The story continues below advertisement boards", "Scroll to continue",
        "Listen to this article's critics", NULL};
    for (const char *const *l = kept; *l; l++) {
        char name[128];
        snprintf(name, sizeof name, "'%s' stays", *l);
        CHECK(has(around_slot(*l), *l), name);
    }
}

/* A photo's credit and an embed's fallback are no text of the story: the
 * credit ("Getty Images / Spencer Platt") and "View this post on
 * Instagram" were indexed.  A tweet's blockquote is the quote, and stays. */
static void test_credits_and_embeds(void)
{
    static const char P[] =
        "<html><body><article><h1>Floods</h1><figure><img src=\"f.jpg\">"
        "<figcaption>Water in the street. <span class=\"credit\">Getty "
        "Images / Spencer Platt</span></figcaption></figure><p>The river "
        "rose overnight.</p><figure><img src=\"g.jpg\"><figcaption>"
        "Sandbags.<cite class=\"photo-credit\">Photo: Ola Nordmann</cite>"
        "<span class=\"caption__credit\">Reuters</span></figcaption>"
        "</figure><blockquote class=\"instagram-media\" data-instgrm-"
        "permalink=\"https://instagram.example/p/1\"><div><a href=\"#\">"
        "View this post on Instagram</a><p>A post shared by Harbour Cafe "
        "(@harbourcafe)</p></div></blockquote><blockquote class=\"fb-xfbml-"
        "parse-ignore\"><a href=\"#\">Post by Town Hall</a></blockquote>"
        "<blockquote class=\"tiktok-embed\"><section><a href=\"#\">"
        "@floodwatch</a></section></blockquote><blockquote class=\"twitter-"
        "tweet\"><p>The bridge is closed.</p>&mdash; Police</blockquote>"
        "<p>Schools are shut.</p></article></body></html>";
    ns_article_t a;
    CHECK(page(P, &a) == 0, "credits: read");
    CHECK(has(a.body, "Water in the street.") && has(a.body, "Sandbags.") &&
              has(a.body, "river rose") && has(a.body, "Schools are shut.") &&
              has(a.body, "The bridge is closed."),
          "credits: the story, the captions and the quoted tweet stay");
    CHECK(!has(a.body, "Getty") && !has(a.body, "Nordmann") &&
              !has(a.body, "Reuters"),
          "credits: photo credits are gone");
    CHECK(!has(a.body, "Instagram") && !has(a.body, "post shared") &&
              !has(a.body, "Town Hall") && !has(a.body, "floodwatch"),
          "embeds: Instagram's, Facebook's and TikTok's fallbacks are gone");
    if (has(a.body, "Getty") || has(a.body, "Instagram"))
        fprintf(stderr, "    body: '%s'\n", a.body);
    ns_article_clear(&a);
}

/* AMP's embeds of another site's content show it in a frame; their own
 * text is a placeholder or a fallback ("Loading poll...", which was
 * indexed).  An amp-twitter's placeholder is the tweet, quoted: it stays,
 * as a twitter-tweet blockquote does. */
static void test_amp_embeds(void)
{
    static const char P[] =
        "<html><body><article><h1>Harbour poll</h1><p>Readers were asked "
        "about the harbour.</p><amp-iframe width=\"300\" height=\"300\" "
        "sandbox=\"allow-scripts\" src=\"https://poll.example/1\"><div "
        "placeholder>Loading poll\xe2\x80\xa6</div></amp-iframe>"
        "<amp-instagram data-shortcode=\"abc\" width=\"1\" height=\"1\">"
        "<div fallback>View this post on Instagram</div></amp-instagram>"
        "<amp-facebook data-href=\"https://facebook.example/p\" width=\"1\" "
        "height=\"1\"><div fallback>Post unavailable</div></amp-facebook>"
        "<amp-youtube data-videoid=\"x\" width=\"4\" height=\"3\"><div "
        "placeholder>Watch on YouTube</div></amp-youtube>"
        "<amp-twitter data-tweetid=\"1\" width=\"1\" height=\"1\">"
        "<blockquote placeholder><p>The harbour is open again.</p>"
        "</blockquote></amp-twitter><p>Most said yes.</p></article>"
        "</body></html>";
    ns_article_t a;
    CHECK(page(P, &a) == 0, "amp embeds: read");
    CHECK(has(a.body, "Readers were asked") && has(a.body, "Most said yes.") &&
              has(a.body, "The harbour is open again."),
          "amp embeds: the story and the quoted tweet stay");
    CHECK(!has(a.body, "Loading poll") && !has(a.body, "Instagram") &&
              !has(a.body, "unavailable") && !has(a.body, "YouTube"),
          "amp embeds: amp-iframe, amp-instagram, amp-facebook and "
          "amp-youtube placeholders are gone");
    if (has(a.body, "Loading poll"))
        fprintf(stderr, "    body: '%s'\n", a.body);
    ns_article_clear(&a);
}

/* ------------------------------------------------------------------------ */
/* Substack's widgets in a feed                                             */
/* ------------------------------------------------------------------------ */

static void test_substack_widgets(void)
{
    CHECK(ns_html_furniture_name("subscription-widget show-subscribe") &&
              ns_html_furniture_name("subscription-box") &&
              ns_html_furniture_name("cta-caption") &&
              ns_html_furniture_name("post-cta") &&
              ns_html_furniture_name("cta"),
          "substack: subscription and cta are names");
    CHECK(!ns_html_furniture_name("subscriptions-desk") &&
              !ns_html_furniture_name("octa") &&
              !ns_html_furniture_name("cta-transit-map") &&
              !ns_html_furniture_name("subscription-content"),
          "substack: and never parts of another word");
    CHECK(ns_html_share_link("https://h.substack.com/p/seals?action=share") &&
              ns_html_share_link("https://h.substack.com/p/seals?utm_source="
                                 "substack&utm_content=share&action=share") &&
              ns_html_share_link("/p/x?action=share#top"),
          "substack: a link with action=share is a share button");
    CHECK(!ns_html_share_link("https://example.com/share") &&
              !ns_html_share_link("https://example.com/p?action=shared") &&
              !ns_html_share_link("https://example.com/p?reaction=share") &&
              !ns_html_share_link("https://example.com/p#action=share") &&
              !ns_html_share_link("https://example.com/p") &&
              !ns_html_share_link(NULL),
          "substack: other links are not");

    /* An item of a Substack feed as Substack writes it: the subscribe
     * widget after the first paragraph, a captioned share button and a
     * plain one; and prose about shares and subscriptions. */
    static const char F[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss xmlns:dc=\"http:/"
        "/purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1"
        ".0/modules/content/\" version=\"2.0\"><channel><title><![CDATA["
        "Harbour Notes]]></title><link>https://harbournotes.substack.com"
        "</link><item><title><![CDATA[Seals return to the inner harbour]]>"
        "</title><link>https://harbournotes.substack.com/p/seals-return"
        "</link><guid isPermaLink=\"false\">https://harbournotes.substack."
        "com/p/seals-return</guid><dc:creator><![CDATA[Kari Nordmann]]>"
        "</dc:creator><pubDate>Tue, 19 Aug 2025 06:00:44 GMT</pubDate>"
        "<content:encoded><![CDATA[<p>Harbour seals were seen on the "
        "skerry on Sunday morning.</p><div class=\"subscription-widget-wrap-"
        "editor\" data-component-name=\"SubscribeWidgetToDOM\"><div class="
        "\"subscription-widget show-subscribe\"><div class=\"preamble\"><p "
        "class=\"cta-caption\">Thanks for reading Harbour Notes! Subscribe "
        "for free to receive new posts and support my work.</p></div><form "
        "class=\"subscription-widget-subscribe\"><input type=\"email\" "
        "name=\"email\"><input type=\"submit\" value=\"Subscribe\"></form>"
        "</div></div><p>The biologist counted fourteen animals. Share "
        "prices of the ferry company rose, and <a href=\"https://example."
        "com/share\">its share register</a> lists the harbour trust.</p>"
        "<div class=\"captioned-button-wrap\" data-component-name=\""
        "CaptionedButtonToDOM\"><div class=\"preamble\"><p class=\"cta-"
        "caption\">This post is public so feel free to pass it on.</p></div>"
        "<p class=\"button-wrapper\" data-component-name=\"ButtonCreate"
        "Button\"><a class=\"button primary\" href=\"https://harbournotes"
        ".substack.com/p/seals-return?utm_source=substack&amp;utm_medium="
        "email&amp;utm_content=share&amp;action=share\"><span>Pass it on"
        "</span></a></p></div><p>Subscriptions to the seal census "
        "doubled.</p><p class=\"button-wrapper\" data-component-name=\""
        "ButtonCreateButton\"><a class=\"button primary\" href=\"https://"
        "harbournotes.substack.com/p/seals-return?action=share\"><span>"
        "Share</span></a></p>]]></content:encoded></item></channel></rss>";
    struct tally t;
    read_all(tl_write("substack.rss", F, sizeof F - 1), &t);
    const char *b = t.first.body;
    CHECK(t.ok == 1, "substack feed: the item is read");
    CHECK(has(b, "Harbour seals were seen") &&
              has(b, "counted fourteen animals. Share prices") &&
              has(b, "its share register") &&
              has(b, "Subscriptions to the seal census"),
          "substack feed: the story stays, with its shares and "
          "subscriptions");
    CHECK(!has(b, "Thanks for reading") && !has(b, "Subscribe for free"),
          "substack feed: the subscribe widget is gone");
    CHECK(!has(b, "feel free") && !has(b, "Pass it on"),
          "substack feed: a captioned share button is gone");
    CHECK(b && strcmp(b + strlen(b) - strlen("doubled."), "doubled.") == 0,
          "substack feed: the last share button is gone");
    if (has(b, "Thanks") || has(b, "Pass it on") || !has(b, "register"))
        fprintf(stderr, "    body: '%s'\n", b);
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* WordPress posts                                                          */
/* ------------------------------------------------------------------------ */

static void test_block_embed(void)
{
    /* A post of a WordPress export with an embed block, as the block
     * editor saves it: the URL alone in the wrapper, a caption under it. */
    static const char W[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>"
        "Lokalnytt</title><wp:wxr_version>1.2</wp:wxr_version><item><title>"
        "Ny bru over Storelva</title><link>https://lokal.example.no/ny-bru/"
        "</link><content:encoded><![CDATA[<!-- wp:paragraph -->\n<p>Den nye "
        "brua over Storelva åpner 1. oktober.</p>\n<!-- /wp:paragraph -->\n"
        "\n<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=abc123\""
        ",\"type\":\"video\"} -->\n<figure class=\"wp-block-embed is-type-"
        "video is-provider-youtube wp-block-embed-youtube\"><div class=\""
        "wp-block-embed__wrapper\">\nhttps://www.youtube.com/watch?v=abc123"
        "\n</div><figcaption class=\"wp-element-caption\">Video fra "
        "åpningen</figcaption></figure>\n<!-- /wp:embed -->\n\n<!-- "
        "wp:paragraph -->\n<p>Brua er 120 meter lang.</p>\n<!-- "
        "/wp:paragraph -->]]></content:encoded><wp:post_id>101</wp:post_id>"
        "<wp:post_date_gmt><![CDATA[2025-09-08 08:00:00]]></wp:post_date_gmt>"
        "<wp:post_name><![CDATA[ny-bru]]></wp:post_name><wp:status><![CDATA["
        "publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>"
        "</item></channel></rss>";
    struct tally t;
    read_all(tl_write("export.xml", W, sizeof W - 1), &t);
    const char *b = t.first.body;
    CHECK(t.ok == 1, "block embed: the post is read");
    CHECK(has(b, "åpner 1. oktober") && has(b, "Video fra åpningen") &&
              has(b, "120 meter lang"),
          "block embed: the story and the embed's caption stay");
    CHECK(!has(b, "youtube") && !has(b, "https://"),
          "block embed: the embedded URL is no text of the story");
    if (has(b, "youtube"))
        fprintf(stderr, "    body: '%s'\n", b);
    tally_free(&t);

    /* A classic-editor post with one centred <p>: its blank-line
     * paragraphs are still paragraphs, as the site shows them. */
    static const char C[] =
        "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\""
        "http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://"
        "wordpress.org/export/1.2/\"><channel><title>L</title><item><title>"
        "Bru</title><link>https://lokal.example.no/bru/</link><content:"
        "encoded><![CDATA[Brua åpner, melder kommunen.\n\n[caption id=\""
        "attachment_55\"]<img src=\"b.jpg\" /> Brua sett fra sør[/caption]"
        "\n\nArbeidet har tatt to år.\n<p style=\"text-align: center;\">"
        "<em>Les mer.</em></p>]]></content:encoded><wp:post_id>7</wp:post_id>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        "</item></channel></rss>";
    read_all(tl_write("classic.xml", C, sizeof C - 1), &t);
    CHECK_STR(t.first.body,
              "Brua åpner, melder kommunen.\n\nBrua sett fra sør\n\n"
              "Arbeidet har tatt to år.\n\nLes mer.",
              "classic post: its paragraphs beside a <p> of its own");
    tally_free(&t);
}

/* ------------------------------------------------------------------------ */
/* News CMS templates                                                       */
/* ------------------------------------------------------------------------ */

/* The furniture of the templates big news sites are built on, marked by
 * their own attributes (Arc's data-qa) and by the names kicker, byline,
 * timestamp and interstitial.  Each leaked into the body: "unlimited
 * access" and "lienjournalist" found the story. */
static void test_cms_templates(void)
{
    CHECK(ns_html_furniture_name("headline-kicker") &&
              ns_html_furniture_name("article-kicker") &&
              ns_html_furniture_name("timestamp") &&
              ns_html_furniture_name("interstitial-link") &&
              ns_html_furniture_name("subscription-promo") &&
              ns_html_furniture_name("share-promo-box") &&
              ns_html_furniture_name("posted-on"),
          "cms: kicker, timestamp, interstitial, a name after a name");
    CHECK(!ns_html_furniture_name("kickers") &&
              !ns_html_furniture_name("headline") &&
              !ns_html_furniture_name("subscription-content") &&
              !ns_html_furniture_name("byline"),
          "cms: words that are no such name, and the byline, are not "
          "furniture");
    CHECK(ns_html_byline_name("byline") &&
              ns_html_byline_name("article-bylines") &&
              ns_html_byline_name("byline-block") &&
              ns_html_byline_name("byline__author-name") &&
              !ns_html_byline_name("has-byline") &&
              !ns_html_byline_name("bylined"),
          "cms: byline names");

    static const char ARC[] =
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Senate passes bill\",\"author\":"
        "[{\"name\":\"Jane Doe\"},{\"name\":\"John Smith\"}]}</script>"
        "</head><body><main><div class=\"headline-kicker\">Politics</div>"
        "<h1 data-qa=\"headline\">Senate passes bill</h1><div "
        "data-qa=\"author-byline\" class=\"byline\">By <a>Jane Doe</a> and "
        "<a>John Smith</a></div><div data-qa=\"timestamp\">March 15, 2025 "
        "at 12:12 a.m. EDT</div><div class=\"article-body\" data-qa=\""
        "article-body\"><p>The Senate passed the bill.</p><div class=\""
        "interstitial-link\"><p><a href=\"/x\">Follow Politics</a></p></div>"
        "<p>Lawmakers left for recess.</p></div><div data-qa=\"comments-btn"
        "\">Comment<span>1,234</span></div><div data-qa=\"subscription-promo"
        "\">Get unlimited access<button>Subscribe</button></div></main>"
        "</body></html>";
    ns_article_t a;
    CHECK(page(ARC, &a) == 0, "arc: read");
    CHECK_STR(a.body,
              "The Senate passed the bill.\n\nLawmakers left for recess.",
              "arc: the story alone, without kicker, byline, timestamp, "
              "follow link, comment count and subscription promo");
    CHECK_STR(a.author, "Jane Doe, John Smith",
              "arc: the byline is the "
              "JSON-LD's");
    ns_article_clear(&a);

    /* NRK's header: a kicker, and bylines whose names ran into their
     * roles ("Marte LienJournalist"). */
    static const char NRK[] =
        "<html><head><meta name=\"author\" content=\"Marte Lien\"></head>"
        "<body><article><header><span class=\"article-kicker\">Trafikk"
        "</span><h1>Stengte E39</h1><div class=\"article-bylines\"><div "
        "class=\"byline\"><span class=\"byline__author-name\">Marte Lien"
        "</span><span class=\"byline__author-role\">Journalist</span></div>"
        "</div></header><div class=\"article-body\"><p>Raset gikk like "
        "etter klokka seks.</p></div></article></body></html>";
    CHECK(page(NRK, &a) == 0 && a.body &&
              !strcmp(a.body, "Raset gikk like etter klokka seks."),
          "nrk: no kicker, no bylines");
    ns_article_clear(&a);

    /* Without an author field, the byline is the only record of who
     * wrote the story, and stays (a WordPress theme without an SEO
     * plugin). */
    static const char WP[] =
        "<html><body><article><header><h1>Bike lanes</h1><span class=\""
        "posted-on\">Posted on <time datetime=\"2025-09-18\">September 18, "
        "2025</time></span><span class=\"byline\"> by <span class=\"author "
        "vcard\">Tom Reed</span></span></header><p>The council voted.</p>"
        "</article></body></html>";
    CHECK(page(WP, &a) == 0, "wp: read");
    CHECK_STR(a.body, "by Tom Reed\n\nThe council voted.",
              "wp: no author field, the byline stays; the date line goes");
    ns_article_clear(&a);

    /* Text on either side of the story's <h1>, or of a header's end, is
     * not one word. */
    CHECK(page("<html><body><article><b>Oppdatert</b><h1>Ras</h1><b>Vegen"
               "</b> er stengt.</article></body></html>",
               &a) == 0 &&
              a.body && !strcmp(a.body, "Oppdatert\n\nVegen er stengt."),
          "text on either side of the <h1>: two paragraphs");
    ns_article_clear(&a);
    CHECK(page("<html><body><article><h1>Ras</h1><header><span>Lokalt"
               "</span></header><span>Vegen er stengt.</span></article>"
               "</body></html>",
               &a) == 0 &&
              a.body && !strcmp(a.body, "Lokalt\n\nVegen er stengt."),
          "an article's <header> is a block");
    ns_article_clear(&a);
}

int main(void)
{
    test_cms_templates();
    test_bem_names();
    test_amp_elements();
    test_amp_embeds();
    test_ad_labels();
    test_credits_and_embeds();
    test_substack_widgets();
    test_block_embed();
    return tl_done();
}
