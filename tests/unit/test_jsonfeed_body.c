/* test_jsonfeed_body.c - A JSON Feed item's body is the text of its
 * content_html (its subheadings read as headings), as for an RSS item;
 * content_text, the same story without its markup in most generators, is
 * read only when the HTML holds no text. */
#include "readlib.h"

/* Read one JSON Feed whose only item has ITEM_KEYS (JSON, without
 * braces) into T. */
static void item(const char *item_keys, struct tally *t)
{
    ns_buf_t feed = {0};
    ns_buf_puts(&feed, "{\"version\": \"https://jsonfeed.org/version/1.1\", "
                       "\"title\": \"Harbour News\", \"items\": [{\"id\": "
                       "\"j1\", \"title\": \"Ferry strike\", ");
    ns_buf_puts(&feed, item_keys);
    ns_buf_puts(&feed, "}]}\n");
    read_all(tl_write("feed.json", feed.p, feed.len), t);
    ns_buf_free(&feed);
}

int main(void)
{
    struct tally t;

    /* WordPress and Hugo write both: the HTML keeps the subheading. */
    item("\"content_html\": \"<p>Ferries stop at noon.</p><h2>What "
         "commuters can do</h2><p>Take the bus.</p>\", \"content_text\": "
         "\"Ferries stop at noon. What commuters can do Take the bus.\"",
         &t);
    CHECK(t.ok == 1, "both contents: one article");
    CHECK(t.first.body &&
              strstr(t.first.body, "noon.\n\nWhat commuters can do\n"),
          "both contents: the body is the HTML's text, its paragraphs and "
          "subheading each their own");
    CHECK(t.first.n_headings == 1 &&
              !strcmp(t.first.headings[0], "What commuters can do"),
          "both contents: the subheading kept as a heading");
    tally_free(&t);

    /* An item whose HTML is only a picture: its text is the body. */
    item("\"content_html\": \"<figure><img src='/ferry.jpg'></figure>\", "
         "\"content_text\": \"Ferries stop at noon.\"",
         &t);
    CHECK(t.ok == 1, "picture only: one article");
    CHECK_STR(t.first.body ? t.first.body : "(none)", "Ferries stop at noon.",
              "picture only: content_text is the body");
    tally_free(&t);

    /* Text alone, as before. */
    item("\"content_text\": \"Ferries stop at noon.\"", &t);
    CHECK_STR(t.first.body ? t.first.body : "(none)", "Ferries stop at noon.",
              "text only: content_text is the body");
    tally_free(&t);
    return tl_done();
}
