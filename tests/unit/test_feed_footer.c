/* test_feed_footer.c - The line a plugin appends to every item of a
 * site's feed ("The post TITLE appeared first on SITE.") is no part of
 * the story, in RSS and JSON Feed alike; a story's own last paragraph
 * is. */
#include "readlib.h"

/* The body of the one item with TITLE and CONTENT (HTML), or "(none)". */
static const char *body(const char *title, const char *content)
{
    static char out[1024];
    ns_buf_t feed = {0};
    ns_buf_puts(&feed, "<rss version=\"2.0\"><channel><title>Bergen Harbour "
                       "News</title><item><title>");
    ns_buf_puts(&feed, title);
    ns_buf_puts(&feed, "</title><guid>g1</guid><description><![CDATA[");
    ns_buf_puts(&feed, content);
    ns_buf_puts(&feed, "]]></description></item></channel></rss>");
    struct tally t;
    read_all(tl_write("feed.rss", feed.p, feed.len), &t);
    snprintf(out, sizeof out, "%s",
             t.ok == 1 && t.first.body ? t.first.body : "(none)");
    tally_free(&t);
    ns_buf_free(&feed);
    return out;
}

/* The body of the one JSON Feed item with TITLE and, under KEY
 * (content_html or content_text), CONTENT (JSON-escaped), or "(none)". */
static const char *json_body(const char *title, const char *key,
                             const char *content)
{
    static char out[1024];
    ns_buf_t feed = {0};
    ns_buf_puts(&feed, "{\"version\": \"https://jsonfeed.org/version/1.1\", "
                       "\"title\": \"Bergen Harbour News\", \"items\": "
                       "[{\"id\": \"j1\", \"title\": \"");
    ns_buf_puts(&feed, title);
    ns_buf_puts(&feed, "\", \"");
    ns_buf_puts(&feed, key);
    ns_buf_puts(&feed, "\": \"");
    ns_buf_puts(&feed, content);
    ns_buf_puts(&feed, "\"}]}\n");
    struct tally t;
    read_all(tl_write("feed.json", feed.p, feed.len), &t);
    snprintf(out, sizeof out, "%s",
             t.ok == 1 && t.first.body ? t.first.body : "(none)");
    tally_free(&t);
    ns_buf_free(&feed);
    return out;
}

static const char YOAST[] =
    "<p>Seals were seen in the fjord on Tuesday.</p><p>Divers counted "
    "twelve.</p><p>The post <a href=\"https://harbour.example.no/seals/\">"
    "Seals return to the fjord</a> appeared first on <a "
    "href=\"https://harbour.example.no\">Bergen Harbour News</a>.</p>";

int main(void)
{
    CHECK_STR(body("Seals return to the fjord", YOAST),
              "Seals were seen in the fjord on Tuesday.\n\nDivers counted "
              "twelve.",
              "footer: Yoast's line naming the post and the site left out");
    CHECK_STR(body("Selene er tilbake i fjorden",
                   "<p>Sel ble sett i fjorden.</p><p>Innlegget <a "
                   "href=\"/sel/\">Selene er tilbake i fjorden</a> dukket "
                   "først opp på <a href=\"/\">Bergens Tidende</a>.</p>"),
              "Sel ble sett i fjorden.", "footer: in the site's language too");
    CHECK_STR(body("Seals return to the fjord",
                   "<p>The post <a href=\"/seals/\">Seals return to the "
                   "fjord</a> appeared first on <a href=\"/\">Bergen Harbour "
                   "News</a>.</p>"),
              "The post Seals return to the fjord appeared first on Bergen "
              "Harbour News.",
              "footer: a body of nothing else is kept");
    /* Medium's line names the post and the publication too, in more
     * words. */
    CHECK_STR(body("Why our city's buses are always late",
                   "<p>Every morning the 7:42 arrives at 7:55.</p><hr><p><a "
                   "href=\"https://medium.com/@a/why-1a2b\">Why our city's "
                   "buses are always late</a> was originally published in "
                   "<a href=\"https://medium.com/city-notes\">City Notes</a> "
                   "on Medium, where people are continuing the conversation "
                   "by highlighting and responding to this story.</p>"),
              "Every morning the 7:42 arrives at 7:55.",
              "footer: Medium's line left out");
    /* A last paragraph with the headline in a sentence of its own. */
    const char *story =
        "<p>The council met on Monday.</p><p>Asked why the headline of "
        "the year was Seals return to the fjord, the mayor said the town "
        "had waited a decade for it, and that divers, fishermen and "
        "schoolchildren had all watched for them since the spring.</p>";
    CHECK(strstr(body("Seals return to the fjord", story), "mayor said") !=
              NULL,
          "footer: a last paragraph of the story with the headline is kept");
    CHECK(strstr(body("Seals", "<p>First.</p><p>Seals, said the diver.</p>"),
                 "said the diver") != NULL,
          "footer: a title of a few letters is no footer's");
    /* A JSON Feed has the same line in content_html and content_text: it
     * was indexed from feed.json, where the RSS feed dropped it. */
    CHECK_STR(json_body("Seals return to the fjord", "content_html",
                        "<p>Seals were seen in the fjord.</p><p>The post <a "
                        "href='/seals/'>Seals return to the fjord</a> "
                        "appeared first on <a href='/'>Bergen Harbour "
                        "News</a>.</p>"),
              "Seals were seen in the fjord.",
              "footer: JSON Feed content_html, Yoast's line left out");
    CHECK_STR(json_body("Selene er tilbake i fjorden", "content_text",
                        "Sel ble sett i fjorden.\\n\\nInnlegget Selene er "
                        "tilbake i fjorden dukket først opp på Bergens "
                        "Tidende."),
              "Sel ble sett i fjorden.",
              "footer: JSON Feed content_text, in the site's language");
    CHECK_STR(json_body("Why our city's buses are always late", "content_html",
                        "<p>Every morning the 7:42 arrives at 7:55.</p><p>Why "
                        "our city's buses are always late was originally "
                        "published in City Notes on Medium, where people are "
                        "continuing the conversation by highlighting and "
                        "responding to this story.</p>"),
              "Every morning the 7:42 arrives at 7:55.",
              "footer: JSON Feed, Medium's line left out");
    return tl_done();
}
