/* test_feed_blogger.c - A Blogger backup, of Settings > Back up content
 * (kinds in categories, drafts in <app:control>) or of Google Takeout
 * (<blogger:type>, <blogger:status>): only its posts are articles, its
 * labels their tags and no kind a label; its pages and drafts are left
 * out and counted, its template, settings and comments are no records;
 * a deleted profile's "Unknown" is no author. */
#include "readlib.h"

#define KIND                                                                   \
    "<category scheme=\"http://schemas.google.com/g/2005#kind\" "              \
    "term=\"http://schemas.google.com/blogger/2008/kind#"
#define LABEL "<category scheme=\"http://www.blogger.com/atom/ns#\" term=\""
#define NOREPLY "<email>noreply@blogger.com</email>"

static const char BACKUP[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<feed xmlns='http://www.w3.org/2005/Atom' "
    "xmlns:thr='http://purl.org/syndication/thread/1.0'>"
    "<id>tag:blogger.com,1999:blog-7</id><title>Fjordposten</title>"
    "<author><name>Kari Nordmann</name>" NOREPLY "</author>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.layout</id>" KIND
    "template\"/><title>Template: Fjordposten</title><content "
    "type='text'>&lt;html&gt;&lt;b:skin/&gt;&lt;/html&gt;</content>"
    "<updated>2026-06-12T08:00:00Z</updated></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.settings.BLOG_NAME</id>" KIND
    "settings\"/><title>Blog name</title><content>Fjordposten</content>"
    "<updated>2026-06-12T08:00:00Z</updated></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.post-1</id>" KIND "post\"/>" LABEL
    "Harbour\"/>" LABEL "Politics\"/><title>Ferry quay</title><content "
    "type='html'>The council voted for the quay.</content>"
    "<published>2026-05-20T09:15:00.000+02:00</published>"
    "<author><name>Kari Nordmann</name>" NOREPLY "</author></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.post-2</id>" KIND "post\"/>" LABEL
    "Weather\"/><title>Storm</title><content type='html'>The road is "
    "closed.</content><published>2019-03-02T18:40:00.000+01:00</published>"
    "<author><name>Unknown</name>" NOREPLY "</author></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.post-3</id>" KIND "post\"/>" LABEL
    "Politics\"/><title>Mayor</title><content>Unfinished.</content>"
    "<published>2026-06-10T12:00:00.000+02:00</published>"
    "<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes"
    "</app:draft></app:control></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.page-4</id>" KIND "page\"/>"
    "<title>About</title><content>Written by volunteers.</content>"
    "<published>2024-01-05T10:00:00.000+01:00</published></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-7.post-5</id>" KIND "comment\"/>"
    "<title>Finally</title><content>Finally a quay!</content>"
    "<published>2026-05-20T11:00:00.000+02:00</published>"
    "<author><name>Ola</name>" NOREPLY "</author><thr:in-reply-to "
    "ref='tag:blogger.com,1999:blog-7.post-1'/></entry>\n"
    "</feed>\n";

static const char TAKEOUT[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<feed xmlns='http://www.w3.org/2005/Atom' "
    "xmlns:blogger='http://schemas.google.com/blogger/2018'>"
    "<id>tag:blogger.com,1999:blog-8</id><title>Dalbladet</title>\n"
    "<entry><id>tag:blogger.com,1999:blog-8.post-1</id>"
    "<blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>"
    "<author><name>Ingrid Dal</name><blogger:type>BLOGGER</blogger:type>"
    "</author><title>Bridge repairs</title><content type='html'>The bus is "
    "late.</content><blogger:created>2025-11-03T07:40:00Z</blogger:created>"
    "<published>2025-11-03T08:00:00Z</published>" LABEL "Roads\"/>" LABEL
    "Schools\"/><blogger:filename>/2025/11/bridge.html</blogger:filename>"
    "<link/><enclosure/><blogger:trashed/></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-8.post-2</id>"
    "<blogger:type>POST</blogger:type><blogger:status>DRAFT</blogger:status>"
    "<title>Tender notes</title><content>Notes.</content>"
    "<updated>2025-11-20T10:00:00Z</updated><category/></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-8.post-3</id>"
    "<blogger:type>POST</blogger:type><blogger:status>DELETED"
    "</blogger:status><title>Old photos</title><content>Gone.</content>"
    "<published>2024-02-01T10:00:00Z</published></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-8.page-4</id>"
    "<blogger:type>PAGE</blogger:type><blogger:status>LIVE</blogger:status>"
    "<title>Contact</title><content>Write to us.</content>"
    "<published>2023-01-01T10:00:00Z</published></entry>\n"
    "<entry><id>tag:blogger.com,1999:blog-8.post-5</id>"
    "<blogger:parent>tag:blogger.com,1999:blog-8.post-1</blogger:parent>"
    "<blogger:type>COMMENT</blogger:type><blogger:status>LIVE"
    "</blogger:status><author><name>Unknown</name></author><title/>"
    "<content type='html'>Late again.</content>"
    "<published>2025-11-03T12:00:00Z</published></entry>\n"
    "</feed>\n";

/* Every article of the feed DATA as "id|section|tag,tag|author" lines. */
static const char *articles(const char *name, const char *data)
{
    static char out[1024];
    out[0] = '\0';
    ns_reader_t *r;
    char *err = NULL;
    if (ns_reader_open(tl_write(name, data, strlen(data)), &r, &err) !=
        NS_STATUS_OK) {
        free(err);
        return "(not read)";
    }
    ns_article_t a = {0};
    int rc;
    while ((rc = ns_reader_next(r, &a)) != 0) {
        if (rc < 0)
            continue;
        size_t used = strlen(out);
        snprintf(out + used, sizeof out - used, "%s|%s|", a.id,
                 a.section ? a.section : "");
        for (size_t i = 0; i < a.n_tags; i++) {
            used = strlen(out);
            snprintf(out + used, sizeof out - used, "%s%s", i ? "," : "",
                     a.tags[i]);
        }
        used = strlen(out);
        snprintf(out + used, sizeof out - used, "|%s\n",
                 a.author ? a.author : "");
        ns_article_clear(&a);
    }
    ns_reader_close(r);
    return out;
}

static void test_backup(void)
{
    CHECK_STR(articles("blog-12-06-2026.xml", BACKUP),
              "tag:blogger.com,1999:blog-7.post-1||Harbour,Politics|Kari "
              "Nordmann\n"
              "tag:blogger.com,1999:blog-7.post-2||Weather|\n",
              "backup: the posts only, labels as tags, no kind, no Unknown");
    struct tally t;
    read_all(tl_write("blog-12-06-2026.xml", BACKUP, sizeof BACKUP - 1), &t);
    CHECK(t.ok == 2 && t.bad == 0 && t.ignored == 2,
          "backup: the draft and the page counted as ignored, nothing more");
    CHECK(has(t.notes, "blog-12-06-2026.xml:7: ignored: a draft") &&
              has(t.notes, "blog-12-06-2026.xml:8: ignored: a Blogger page"),
          "backup: each left out with its line");
    tally_free(&t);
}

static void test_takeout(void)
{
    CHECK_STR(articles("feed.atom", TAKEOUT),
              "tag:blogger.com,1999:blog-8.post-1||Roads,Schools|Ingrid Dal\n",
              "takeout: the LIVE post only, its labels as tags");
    struct tally t;
    read_all(tl_write("feed.atom", TAKEOUT, sizeof TAKEOUT - 1), &t);
    CHECK(t.ok == 1 && t.bad == 0 && t.ignored == 3,
          "takeout: the draft, the deleted post and the page counted");
    CHECK(has(t.notes, "feed.atom:4: ignored: a Blogger post with status "
                       "'DRAFT'") &&
              has(t.notes, "feed.atom:5: ignored: a Blogger post with status "
                           "'DELETED'") &&
              has(t.notes, "feed.atom:6: ignored: a Blogger page"),
          "takeout: each left out with its line and status");
    tally_free(&t);
}

/* Blogger's public feed (feeds/posts/default) names a deleted profile
 * so too: no author, and not the feed's in its place. */
static void test_unknown(void)
{
    static const char FEED[] =
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>"
        "<author><name>Kari Nordmann</name>" NOREPLY "</author>"
        "<entry><id>tag:blogger.com,1999:blog-7.post-2</id><title>Storm"
        "</title><content>Closed.</content><author><name>Unknown</name>"
        "<uri>https://www.blogger.com/profile/0</uri>" NOREPLY "</author>"
        "</entry></feed>";
    CHECK_STR(articles("posts.atom", FEED),
              "tag:blogger.com,1999:blog-7.post-2|||\n",
              "public feed: a deleted profile's Unknown is no author");
}

int main(void)
{
    test_backup();
    test_takeout();
    test_unknown();
    return tl_done();
}
