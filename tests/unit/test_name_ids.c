/* test_name_ids.c - An article's id must be UTF-8: a file whose name is
 * in another encoding ("caf\xe9.md", saved on a Latin-1 system) gets no id
 * from its name, while one whose header names its id reads as ever.
 *
 * Given an index's path, it instead adds to it a record with such an id,
 * as an indexer that did not refuse one stored it, for tests/cli/t209 to
 * show that --delete and a prune still get rid of it. */
#include "ingest.h"
#include "ns.h"
#include "testlib.h"

static int add_bad_record(const char *db)
{
    ns_index_t *idx;
    char *err = NULL;
    if (ns_index_open(db, NS_OPEN_WRITE, &idx, &err) != NS_STATUS_OK) {
        fprintf(stderr, "cannot open '%s': %s\n", db, err ? err : "");
        return 1;
    }
    ns_article_t a = {0};
    a.id = (char *)"caf\xe9.md";
    a.title = (char *)"latin1 name";
    a.body = (char *)"Body.";
    a.lang = (char *)"en";
    int rc = ns_index_add(idx, &a, NULL, NULL) != NS_STATUS_OK ||
             ns_index_commit(idx) != NS_STATUS_OK;
    if (rc)
        fprintf(stderr, "cannot add: %s\n", ns_index_last_error(idx));
    ns_index_close(idx);
    return rc;
}

static void test_set_id(void)
{
    ns_article_t a = {0};
    char err[256] = "";
    CHECK(ns_set_id(&a, "caf\xe9.md", 7, err, sizeof err) < 0,
          "an id that is not UTF-8 is refused");
    CHECK(strstr(err, "not valid UTF-8 (byte 0xE9 at offset 3)") != NULL,
          "and the message names the byte");
    CHECK(a.id == NULL, "and no id is set");
    CHECK(ns_set_id(&a, "caf\xc3\xa9.md", 8, err, sizeof err) == 0,
          "a UTF-8 id is taken");
    CHECK_STR(a.id, "caf\xc3\xa9.md", "as it is");
    ns_article_clear(&a);
}

static void test_from_name(void)
{
    const char *text = "---\ntitle: latin1 name\n---\nBody.\n";
    ns_article_t a = {0};
    char err[256] = "";
    unsigned line = 0;
    CHECK(ns_article_from_text(text, strlen(text), "t/caf\xe9.md", &a, err,
                               sizeof err, &line) < 0,
          "a post named in Latin-1 with no id is refused");
    CHECK(strstr(err, "file name is not valid UTF-8 (byte 0xE9 at offset 5") !=
              NULL,
          "saying the file's name is not UTF-8");
    CHECK(strstr(err, "give it an id in its front matter") != NULL,
          "and how to index it");
    ns_article_clear(&a);

    const char *named = "---\nid: cafe-1\ntitle: latin1 name\n---\nBody.\n";
    CHECK(ns_article_from_text(named, strlen(named), "t/caf\xe9.md", &a, err,
                               sizeof err, &line) == 0,
          "one whose front matter gives its id reads");
    CHECK_STR(a.id, "cafe-1", "with that id");
    ns_article_clear(&a);

    const char *page = "<html><head><title>Hei</title></head><body><article>"
                       "<h1>Hei</h1><p>Some text.</p></article></body></html>";
    err[0] = '\0';
    CHECK(ns_html_page(page, strlen(page), "r\345det/a.html", &a, err,
                       sizeof err) < 0,
          "an HTML page under a Latin-1 directory name is refused");
    CHECK(strstr(err, "file name is not valid UTF-8 (byte 0xE5 at offset 1") !=
              NULL,
          "saying why, not 'missing id'");
    ns_article_clear(&a);

    const char *ld = "<html><head><script type=\"application/ld+json\">"
                     "{\"@type\": \"NewsArticle\", \"identifier\": "
                     "\"radet-1\"}</script><title>Hei</title></head><body>"
                     "<article><h1>Hei</h1><p>Some text.</p></article>"
                     "</body></html>";
    CHECK(ns_html_page(ld, strlen(ld), "r\345det/a.html", &a, err,
                       sizeof err) == 0,
          "a page whose JSON-LD names its id reads");
    CHECK_STR(a.id, "radet-1", "with that id");
    ns_article_clear(&a);

    const char *story = "<nitf><head><docdata>%s</docdata></head><body>"
                        "<body.head><hedline><hl1>Brann</hl1></hedline>"
                        "</body.head><body.content><p>Ingen er skadd.</p>"
                        "</body.content></body></nitf>";
    char xml[512];
    snprintf(xml, sizeof xml, story, "");
    CHECK(ns_nitf_article(xml, strlen(xml), "r\345det/s.xml", &a, err,
                          sizeof err) < 0 &&
              strstr(err, "file name is not valid UTF-8") &&
              strstr(err, "give it a <doc-id>"),
          "a NITF story with no doc-id under a Latin-1 name is refused");
    ns_article_clear(&a);
    snprintf(xml, sizeof xml, story, "<doc-id id-string=\"ntb-7\"/>");
    CHECK(ns_nitf_article(xml, strlen(xml), "r\345det/s.xml", &a, err,
                          sizeof err) == 0,
          "one with a doc-id reads");
    CHECK_STR(a.id, "ntb-7", "with that id");
    ns_article_clear(&a);
}

int main(int argc, char **argv)
{
    if (argc == 2)
        return add_bad_record(argv[1]);
    test_set_id();
    test_from_name();
    return tl_done();
}
