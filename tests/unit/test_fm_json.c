/* test_fm_json.c - Hugo's JSON front matter: a JSON object at the start
 * of a Markdown file, with no fences, read with the keys of YAML and TOML
 * front matter; what only looks like it (a shortcode, prose) is body. */
#include "ingest.h"
#include "testlib.h"

static int from_text(const char *text, ns_article_t *a, char *err,
                     size_t err_size, unsigned *line)
{
    return ns_article_from_text(text, strlen(text), "p.md", a, err, err_size,
                                line);
}

/* The keys and their values: strings, lists, numbers, booleans; a nested
 * object's keys are none of the page's. */
static void test_json_keys(void)
{
    const char *t = "{\n"
                    "  \"title\": \"Seals return\",\n"
                    "  \"date\": \"2025-08-20T07:00:00+02:00\",\n"
                    "  \"tags\": [\"seals\", \"inner fjord\", 3, null],\n"
                    "  \"categories\": \"Nature\",\n"
                    "  \"weight\": 10,\n"
                    "  \"draft\": false,\n"
                    "  \"params\": {\"lang\": \"xx\", \"author\": [1]},\n"
                    "  \"author\": null\n"
                    "}\n"
                    "\n"
                    "The seals are back.\n";
    ns_article_t a;
    char err[256] = "";
    unsigned line = 0;
    int rc = from_text(t, &a, err, sizeof err, &line);
    CHECK(rc == 0, err);
    if (rc < 0)
        return;
    CHECK_STR(a.title, "Seals return", "the title");
    CHECK_STR(a.date, "2025-08-20T05:00:00Z", "the date");
    CHECK_STR(a.section, "Nature", "the section from categories");
    CHECK(a.n_tags == 3 && !strcmp(a.tags[0], "seals") &&
              !strcmp(a.tags[1], "inner fjord") && !strcmp(a.tags[2], "3"),
          "the tags: strings and a number, null left out");
    CHECK(!a.author, "null is no author");
    CHECK_STR(a.lang, "en", "a nested key is not the page's");
    CHECK_STR(a.body, "The seals are back.", "the body after the object");
    ns_article_clear(&a);

    const char *same_line = "{\"title\": \"One line\"} The body.\n";
    rc = from_text(same_line, &a, err, sizeof err, &line);
    CHECK(rc == 0 && a.title && !strcmp(a.title, "One line") &&
              !strcmp(a.body, "The body."),
          "text after the closing brace is the body");
    if (rc == 0)
        ns_article_clear(&a);

    const char *empty = "{ }\n# Heading title\nText.\n";
    rc = from_text(empty, &a, err, sizeof err, &line);
    CHECK(rc == 0 && a.title && !strcmp(a.title, "Heading title"),
          "an empty object: the title from the body");
    if (rc == 0)
        ns_article_clear(&a);

    const char *bom = "\xef\xbb\xbf{\"title\": \"BOM\"}\nText.\n";
    rc = from_text(bom, &a, err, sizeof err, &line);
    CHECK(rc == 0 && a.title && !strcmp(a.title, "BOM"),
          "after a byte order mark");
    if (rc == 0)
        ns_article_clear(&a);
}

static void test_json_drafts(void)
{
    const char *d = "{\n  \"title\": \"W\",\n  \"draft\": true\n}\nB\n";
    CHECK(ns_frontmatter_is_draft(d, strlen(d)) == 1, "draft: true");
    const char *nd = "{\"draft\": false}\nB\n";
    CHECK(!ns_frontmatter_is_draft(nd, strlen(nd)), "draft: false");
    const char *unpub = "{\"published\": false}\nB\n";
    CHECK(ns_frontmatter_is_draft(unpub, strlen(unpub)) == 2,
          "published: false");
    const char *nested = "{\"params\": {\"draft\": true}}\nB\n";
    CHECK(!ns_frontmatter_is_draft(nested, strlen(nested)),
          "a nested draft key is not the page's");
}

/* A "{" that opens no valid JSON is an error on its line; a key whose
 * value is refused is an error on the key's line. */
static void test_json_errors(void)
{
    ns_article_t a;
    char err[256];
    unsigned line = 0;
    const char *comma = "{\n  \"title\": \"Otters\"\n  \"tags\": []\n}\nB\n";
    CHECK(from_text(comma, &a, err, sizeof err, &line) < 0 && line == 3 &&
              strstr(err, "JSON front matter: "),
          "a missing comma: its line");
    const char *open = "{\n  \"title\": \"Never closed\",\nBody.\n";
    CHECK(from_text(open, &a, err, sizeof err, &line) < 0 && line == 3,
          "an object never closed");
    const char *date = "{\n  \"title\": \"T\",\n  \"date\": \"soon\"\n}\nB\n";
    CHECK(from_text(date, &a, err, sizeof err, &line) == 0 && !a.date &&
              a.warning && strstr(a.warning, "unparsable date 'soon'"),
          "a date that does not read: kept undated, with a warning");
    ns_article_clear(&a);
    ns_buf_t deep = {0};
    ns_buf_append(&deep, "{\"a\": ", 6);
    for (int i = 0; i < 100; i++)
        ns_buf_putc(&deep, '[');
    ns_buf_append(&deep, "\n}\nB\n", 5);
    CHECK(ns_article_from_text(deep.p, deep.len, "p.md", &a, err, sizeof err,
                               &line) < 0 &&
              strstr(err, "nested deeper"),
          "nested too deep for jansson: refused before it is read");
    ns_buf_free(&deep);
}

/* Only "{" then, after any white space, '"' or "}" opens JSON front
 * matter: a Hugo shortcode or a brace in prose is the body. */
static void test_not_json(void)
{
    const char *texts[][2] = {
        {"{{< figure src=\"x.jpg\" >}}\n\nPuffins nest.\n", "Puffins nest."},
        {"{{% note %}}\nA note.\n{{% /note %}}\nMore.\n", "A note."},
        {"{not json} starts this line\nText.\n", "{not json} starts this line"},
        {"{ 1, 2 } is a set\nText.\n", "{ 1, 2 } is a set"},
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        ns_article_t a;
        char err[256] = "";
        unsigned line = 0;
        int rc = from_text(texts[i][0], &a, err, sizeof err, &line);
        CHECK(rc == 0 && a.title && !strcmp(a.title, texts[i][1]), texts[i][1]);
        if (rc == 0)
            ns_article_clear(&a);
    }
}

/* Jekyll reads no JSON header: in _posts, its tags string is Hugo's. */
static void test_json_in_posts(void)
{
    const char *t = "{\"title\": \"T\", \"tags\": \"a b, c\"}\nB\n";
    ns_article_t a;
    char err[256] = "";
    unsigned line = 0;
    int rc = ns_article_from_jekyll_post(t, strlen(t), "_posts/p.md", &a, err,
                                         sizeof err, &line);
    CHECK(rc == 0 && a.n_tags == 2 && !strcmp(a.tags[0], "a b"),
          "a tags string split at commas only");
    if (rc == 0)
        ns_article_clear(&a);
}

int main(void)
{
    test_json_keys();
    test_json_drafts();
    test_json_errors();
    test_not_json();
    test_json_in_posts();
    return tl_done();
}
