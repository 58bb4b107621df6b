/* test_feed_atom_link.c - An Atom entry's url is its web page: the first
 * rel="alternate" link of type text/html, application/xhtml+xml or none,
 * before an alternate of another type (a PDF of the print edition) listed
 * ahead of it, which is the url only when there is no page. */
#include "readlib.h"

/* The url of the one entry whose links are LINKS, or "(none)". */
static const char *url(const char *links)
{
    static char out[256];
    ns_buf_t feed = {0};
    ns_buf_puts(&feed, "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                       "xml:base=\"https://zeitung.example/\"><title>T"
                       "</title><entry><id>urn:e1</id><title>Die Brücke"
                       "</title><updated>2025-09-01T00:00:00Z</updated>");
    ns_buf_puts(&feed, links);
    ns_buf_puts(&feed, "<content>Die Brücke ist offen.</content></entry>"
                       "</feed>");
    struct tally t;
    read_all(tl_write("links.atom", feed.p, feed.len), &t);
    snprintf(out, sizeof out, "%s",
             t.ok == 1 && t.first.url ? t.first.url : "(none)");
    tally_free(&t);
    ns_buf_free(&feed);
    return out;
}

int main(void)
{
    CHECK_STR(url("<link rel=\"alternate\" type=\"application/pdf\" "
                  "href=\"/pdf/bruecke.pdf\"/><link rel=\"alternate\" "
                  "type=\"text/html\" href=\"/2025/09/bruecke\"/>"),
              "https://zeitung.example/2025/09/bruecke",
              "a PDF alternate first: the text/html one is the url");
    CHECK_STR(url("<link rel=\"alternate\" type=\"audio/mpeg\" "
                  "href=\"/audio/bruecke.mp3\"/><link "
                  "href=\"/2025/09/bruecke\"/>"),
              "https://zeitung.example/2025/09/bruecke",
              "an alternate of no type is a page too");
    CHECK_STR(url("<link rel=\"alternate\" type=\"application/pdf\" "
                  "href=\"/pdf/bruecke.pdf\"/><link rel=\"alternate\" "
                  "type=\"application/xhtml+xml; charset=utf-8\" "
                  "href=\"/2025/09/bruecke.xhtml\"/>"),
              "https://zeitung.example/2025/09/bruecke.xhtml",
              "application/xhtml+xml, with a parameter, is a page");
    CHECK_STR(url("<link rel=\"alternate\" type=\"text/html\" "
                  "href=\"/2025/09/bruecke\"/><link rel=\"alternate\" "
                  "type=\"text/html\" href=\"/2025/09/bruecke-2\"/>"),
              "https://zeitung.example/2025/09/bruecke",
              "two pages: the first");
    CHECK_STR(url("<link rel=\"alternate\" type=\"application/pdf\" "
                  "href=\"/pdf/bruecke.pdf\"/><link rel=\"enclosure\" "
                  "type=\"text/html\" href=\"/x\"/>"),
              "https://zeitung.example/pdf/bruecke.pdf",
              "no page: the PDF alternate is the url");
    return tl_done();
}
