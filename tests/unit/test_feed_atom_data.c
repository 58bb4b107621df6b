/* test_feed_atom_data.c - Atom content of a media type that is no text
 * (RFC 4287 4.1.3.3: Base64 data, an image) is not the entry's text: its
 * <summary> is.  Text and XML media types are still read. */
#include "readlib.h"

static const char FEED[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
    "<id>urn:f</id><updated>2025-01-01T00:00:00Z</updated>"
    "<entry><id>urn:e1</id><title>A picture</title>"
    "<updated>2025-01-01T00:00:00Z</updated><summary>The harbour at "
    "dawn.</summary><content type=\"image/png\">iVBORw0KGgoAAAANSUhEUgAA"
    "</content></entry></feed>";

static const char XML[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
    "<id>urn:f</id><updated>2025-01-01T00:00:00Z</updated>"
    "<entry><id>urn:e2</id><title>Plain</title>"
    "<updated>2025-01-01T00:00:00Z</updated><summary>Short.</summary>"
    "<content type=\"text/plain\">The ferry runs again.</content>"
    "</entry></feed>";

int main(void)
{
    struct tally t;
    read_all(tl_write("data.atom", FEED, sizeof FEED - 1), &t);
    CHECK(t.ok == 1 && t.first.body &&
              !strcmp(t.first.body, "The harbour at dawn."),
          "image/png content: the summary is the body, not the Base64");
    tally_free(&t);
    read_all(tl_write("plain.atom", XML, sizeof XML - 1), &t);
    CHECK(t.ok == 1 && t.first.body &&
              !strcmp(t.first.body, "The ferry runs again."),
          "text/plain content: read as before");
    tally_free(&t);
    return tl_done();
}
