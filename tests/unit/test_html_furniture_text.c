/* test_html_furniture_text.c - Furniture known by its whole text, not its
 * class: the link to the rest of the story that ends every item of an
 * excerpt feed ("Continue reading...", "Read more »").  Each case is an
 * item's HTML as the platform writes it, with the story's own text beside
 * the furniture, and sentences that hold the same words, which stay. */
#include "ingest.h"
#include "readlib.h"
#include "testlib.h"

/* The text of the HTML fragment HTML as a feed item's body: a new string
 * to free, or NULL. */
static char *fragment(const char *html)
{
    ns_buf_t out = {0};
    if (ns_html_fragment_text(html, strlen(html), NULL, &out) < 0) {
        ns_buf_free(&out);
        return NULL;
    }
    return out.p ? out.p : strdup("");
}

/* Non-zero if the fragment HTML reads as the text WANT; says so if not. */
static int reads_as(const char *html, const char *want)
{
    char *got = fragment(html);
    int ok = got && !strcmp(got, want);
    if (!ok)
        fprintf(stderr, "    got '%s'\n    want '%s'\n", got ? got : "(null)",
                want);
    free(got);
    return ok;
}

/* ------------------------------------------------------------------------ */
/* Links to the rest of the story                                           */
/* ------------------------------------------------------------------------ */

static void test_more_links(void)
{
    CHECK(reads_as("<p>Ferry crews extended their walkout.</p> <a href=\""
                   "https://www.theguardian.com/world/x\">Continue reading..."
                   "</a>",
                   "Ferry crews extended their walkout."),
          "guardian: Continue reading... goes");
    CHECK(reads_as("The market opens on Saturday &#8230; <a href=\"/x/\" "
                   "class=\"more-link\">Continue reading<span class=\"screen-"
                   "reader-text\"> \"Five things\"</span></a>",
                   "The market opens on Saturday \xe2\x80\xa6"),
          "wordpress: the more-link goes");
    CHECK(reads_as("<p>The parade starts at five. &#8230; <a href=\"/x/\" "
                   "class=\"read-more\">Read More &#187;</a></p>",
                   "The parade starts at five. \xe2\x80\xa6"),
          "theme: the read-more link goes");
    CHECK(reads_as("<div property=\"schema:text\"><p>Residents can comment."
                   "</p></div><ul class=\"links inline\"><li><a href=\"/news/"
                   "b\" rel=\"tag\">Read more<span class=\"visually-hidden\"> "
                   "about Budget</span></a></li></ul>",
                   "Residents can comment."),
          "drupal: Read more, with its words for screen readers, goes");
    CHECK(reads_as("An anonymous reader quotes a report: \"Boats are "
                   "electric.\" <p><a href=\"https://tech.slashdot.org/story/"
                   "1\">Read more of this story</a> at Slashdot.</p>",
                   "An anonymous reader quotes a report: \"Boats are "
                   "electric.\""),
          "slashdot: its paragraph goes");
    CHECK(reads_as("<p>Brannen er slukket.</p><p><a href=\"/a\">Les hele "
                   "saken \xe2\x86\x92</a></p><p><a href=\"/b\">Les mer</a>"
                   "</p><p><a href=\"/c\">Fortsett \xc3\xa5 lese \xe2\x80\xa6"
                   "</a></p><p><a href=\"/d\">Read the full story &raquo;</a>"
                   "</p>",
                   "Brannen er slukket."),
          "norwegian and other phrases, with trailing marks, go");
    /* The words in a sentence, or a link that says more, stay. */
    CHECK(reads_as("<p>Read more about the plan in <a href=\"/r\">the "
                   "council's report</a>.</p><p>She told us to <a href=\"/s\">"
                   "continue reading</a> the letters aloud.</p><p><a href=\"/"
                   "t\">Read more about the budget</a></p>",
                   "Read more about the plan in the council's report.\n\nShe "
                   "told us to continue reading the letters aloud.\n\nRead "
                   "more about the budget"),
          "a sentence that holds the words stays");
}

/* ------------------------------------------------------------------------ */
/* Drupal's node RDFa in a feed item                                        */
/* ------------------------------------------------------------------------ */

static void test_drupal_rdfa(void)
{
    /* Drupal 8-10's default RSS view mode, as it writes <description>. */
    CHECK(reads_as("<span property=\"schema:name\">Budget consultation "
                   "opens</span>\n<span rel=\"schema:author\"><span lang=\""
                   "\" about=\"/user/3\" typeof=\"schema:Person\" property="
                   "\"schema:name\" datatype=\"\">webeditor</span></span>\n"
                   "<span property=\"schema:dateCreated\" content=\"2026-12-"
                   "04T09:15:02+00:00\">Fri, 12/04/2026 - 09:15</span>\n<div "
                   "property=\"schema:text\" class=\"field field--name-body\">"
                   "<p>Residents can now comment.</p></div>",
                   "Residents can now comment."),
          "drupal: the node's title, author and date go, the text stays");
    CHECK(reads_as("<span property=\"dc:title\" content=\"Bru\"></span><p>"
                   "Written by <span rel=\"sioc:has_creator\">admin</span> "
                   "on <span property=\"dc:date dc:created\" content=\"2012-"
                   "01-01\">1 January</span>.</p><p>Brua er åpen.</p>",
                   "Written by on .\n\nBrua er åpen."),
          "drupal 7: its names for the same");
    /* A name inside another thing's markup is that thing's: a place the
     * story names. */
    CHECK(reads_as("<p>The meeting is at <span typeof=\"schema:Place\"><span "
                   "property=\"schema:name\">Valley Hall</span></span>.</p>",
                   "The meeting is at Valley Hall."),
          "drupal: a place's schema:name in the text stays");
}

/* ------------------------------------------------------------------------ */
/* BBC News's player, labels and boxes                                      */
/* ------------------------------------------------------------------------ */

static void test_bbc(void)
{
    static const char P[] =
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        "<title>Storm Bert - BBC News</title></head><body><main><article>"
        "<h1>Storm Bert</h1><div data-component=\"video-block\"><figure><div "
        "class=\"media-player\"><p>This video can not be played</p><p>To "
        "play this video you need to enable JavaScript in your browser.</p>"
        "</div><figcaption><span class=\"ssrcss-1f39n02-VisuallyHidden\">"
        "Media caption, </span>Waves crashed over the sea wall</figcaption>"
        "</figure></div><div data-component=\"text-block\"><p>Huge waves "
        "battered Porthcawl.</p></div><figure><img src=\"a.jpg\"><span><span "
        "class=\"ssrcss-1f39n02-VisuallyHidden\">Image source, </span>Getty "
        "Images</span></figure><p>The image source was a drone.</p><section "
        "data-component=\"links-block\"><div><h2>More on this story</h2></div>"
        "<ul><li><a href=\"/news/a\">Thousands without power</a></li><li><a "
        "href=\"/news/b\">Rail lines close after landslip</a></li></ul>"
        "</section><section data-component=\"tag-list\"><h2>Related topics"
        "</h2><ul><li><a href=\"/t/wales\">Wales</a></li><li><a href=\"/t/"
        "weather\">Weather</a></li></ul></section></article></main></body>"
        "</html>";
    ns_article_t a;
    char err[256];
    CHECK(ns_html_page(P, strlen(P), "bbc.html", &a, err, sizeof err) == 0,
          "bbc: read");
    CHECK_STR(a.body,
              "Waves crashed over the sea wall\n\nHuge waves battered "
              "Porthcawl.\n\nGetty Images\n\nThe image source was a "
              "drone.",
              "bbc: no player fallback, labels or boxes; the caption, the "
              "credit and a sentence with the words stay");
    CHECK(a.n_headings == 0, "bbc: the boxes' labels are no headings");
    ns_article_clear(&a);
    /* A box under such a label that is mostly prose stays. */
    CHECK(reads_as("<section><h2>More on this story</h2><p>Officials said "
                   "the line would reopen on Monday.</p></section>",
                   "More on this story\n\nOfficials said the line would "
                   "reopen on Monday."),
          "bbc: a label over prose is no box");
}

int main(void)
{
    test_bbc();
    test_more_links();
    test_drupal_rdfa();
    return tl_done();
}
