/* test_feed_media.c - The text and byline of podcast episodes and videos,
 * in the iTunes and Media RSS namespaces: where each is looked for, in
 * which order, and how the spellings of their namespaces seen in feeds
 * are read. */
#include "readlib.h"

/* "BODY|AUTHOR" of the one item of an RSS feed whose <rss> declares DECLS
 * and whose channel holds CHAN before the item ITEM (its inside), or
 * "(none)". */
static const char *item(const char *decls, const char *chan, const char *it)
{
    static char out[1024];
    ns_buf_t feed = {0};
    ns_buf_puts(&feed, "<rss version=\"2.0\" ");
    ns_buf_puts(&feed, decls);
    ns_buf_puts(&feed, "><channel><title>Radio</title>");
    ns_buf_puts(&feed, chan);
    ns_buf_puts(&feed, "<item><title>Episode</title><guid>g1</guid>");
    ns_buf_puts(&feed, it);
    ns_buf_puts(&feed, "</item></channel></rss>");
    struct tally t;
    read_all(tl_write("feed.rss", feed.p, feed.len), &t);
    if (t.ok == 1)
        snprintf(out, sizeof out, "%s|%s", t.first.body ? t.first.body : "",
                 t.first.author ? t.first.author : "");
    else
        snprintf(out, sizeof out, "(none)");
    tally_free(&t);
    ns_buf_free(&feed);
    return out;
}

#define IT "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
#define MEDIA "xmlns:media=\"http://search.yahoo.com/mrss/\""

int main(void)
{
    /* The order: the description, the summary, Media RSS, the subtitle. */
    CHECK_STR(item(IT " " MEDIA, "",
                   "<description> </description><itunes:subtitle>Sub"
                   "</itunes:subtitle><media:description>Media"
                   "</media:description><itunes:summary>Summary"
                   "</itunes:summary>"),
              "Summary|", "itunes: a blank <description> gives way");
    CHECK_STR(item(IT " " MEDIA, "",
                   "<itunes:subtitle>Sub</itunes:subtitle>"
                   "<media:description>Media</media:description>"),
              "Media|", "media: before <itunes:subtitle>");
    CHECK_STR(item(IT, "",
                   "<description>Own</description>"
                   "<itunes:summary>Summary</itunes:summary>"),
              "Own|", "itunes: the item's own <description> stays");
    /* As deep as YouTube and news sites put it, and no deeper. */
    CHECK_STR(item(MEDIA, "",
                   "<media:group><media:content url=\"v.mp4\"><media:"
                   "description>In content in group</media:description>"
                   "</media:content></media:group>"),
              "In content in group|", "media: in <media:content> in a group");
    CHECK_STR(item(MEDIA, "",
                   "<media:group><media:content url=\"v.mp4\"/><media:"
                   "thumbnail url=\"t.jpg\"/></media:group><media:"
                   "description>After</media:description>"),
              "After|", "media: the item's child after a closed group");
    CHECK_STR(item(MEDIA, "",
                   "<media:group><media:community><media:description>"
                   "Comment</media:description></media:community>"
                   "</media:group>"),
              "|", "media: not in another element of the group");
    CHECK_STR(item(MEDIA, "",
                   "<enclosure url=\"a.mp3\"><media:description>Nested"
                   "</media:description></enclosure>"),
              "|", "media: not in an element of another namespace");
    CHECK_STR(item(MEDIA, "<media:description>Channel</media:description>", ""),
              "|", "media: the channel's is no item's");
    /* Media RSS says its text is plain unless type="html". */
    CHECK_STR(
        item(MEDIA, "", "<media:description>a &lt;b&gt; c</media:description>"),
        "a <b> c|", "media: plain text keeps its <");
    CHECK_STR(item(IT, "",
                   "<itunes:summary>&lt;p&gt;Para&lt;/p&gt;"
                   "</itunes:summary>"),
              "Para|", "itunes: HTML in a summary is read as HTML");
    CHECK_STR(item(IT, "", "<itunes:subtitle>a &lt;b&gt; c</itunes:subtitle>"),
              "a <b> c|", "itunes: a subtitle is plain text");
    CHECK_STR(item(IT " " MEDIA, "",
                   "<media:title>Clip</media:title><itunes:duration>12:00"
                   "</itunes:duration><itunes:keywords>news</itunes:keywords>"),
              "|", "itunes, media: their other elements are no text");
    /* The spellings of the namespaces feeds declare, and none. */
    CHECK_STR(
        item("xmlns:itunes=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\"", "",
             "<itunes:summary>Old</itunes:summary>"),
        "Old|", "itunes: Apple's early capitals");
    CHECK_STR(item("xmlns:media=\"http://search.yahoo.com/mrss\"", "",
                   "<media:description>No slash</media:description>"),
              "No slash|", "media: the namespace without its last /");
    CHECK_STR(item("", "", "<media:description>Undeclared</media:description>"),
              "Undeclared|", "media: an undeclared prefix");
    CHECK_STR(item("", "", "<itunes:summary>Bare</itunes:summary>"), "Bare|",
              "itunes: an undeclared prefix");
    CHECK_STR(item("xmlns:media=\"http://search.yahoo.com/mrss/x\"", "",
                   "<media:description>Other</media:description>"),
              "|", "media: another namespace that starts alike is not it");
    /* The byline. */
    CHECK_STR(item(IT, "<itunes:author>Network</itunes:author>",
                   "<itunes:author>kari@radio.example (Kari Dahl)"
                   "</itunes:author><itunes:summary>S</itunes:summary>"),
              "S|Kari Dahl", "itunes: the episode's author, as RSS's read");
    CHECK_STR(item(IT, "",
                   "<author>ola@radio.example (Ola Dahl)</author>"
                   "<itunes:author>Kari Dahl</itunes:author>"),
              "|Ola Dahl", "itunes: after the item's own <author>");
    return tl_done();
}
