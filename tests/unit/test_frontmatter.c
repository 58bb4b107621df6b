/* test_frontmatter.c - Front matter as Hugo and Jekyll sites write it (YAML
 * and TOML), and the date forms they use, in front matter and JSON Lines
 * alike. */
#include <stdint.h>

#include "ingest.h"
#include "testlib.h"

/* Jekyll's own date form, a space before a "+HHMM" offset, and a zone
 * named UTC are read; what says nothing about the calendar still is not. */
static void test_date_zone_after_space(void)
{
    int64_t t, want;
    ns_date_parse("2025-07-01T07:00:00Z", &want);
    CHECK(ns_date_parse("2025-07-01 09:00:00 +0200", &t) == 0 && t == want,
          "Jekyll: space, then +HHMM");
    CHECK(ns_date_parse("2025-07-01T09:00:00 +02:00", &t) == 0 && t == want,
          "space, then +HH:MM");
    CHECK(ns_date_parse("2025-07-01 03:00 -0400", &t) == 0 && t == want,
          "no seconds, space, then a negative offset");
    CHECK(ns_date_parse("2025-07-01T07:00:00 UTC", &t) == 0 && t == want,
          "zone named UTC");
    CHECK(ns_date_parse("2025-07-01T07:00:00 Z", &t) == 0 && t == want,
          "space, then Z");
    CHECK(ns_date_parse("2025-07-01 07:00:00 gmt", &t) == 0 && t == want,
          "zone named GMT, any case");
    CHECK(ns_date_parse("2025-07-01T07:00:00UTC", &t) == 0 && t == want,
          "UTC right after the time");
    const char *bad[] = {"1700000000",
                         "2025-07-01 UTC",
                         "2025-07-01 +0200",
                         "2025-07-01T07:00:00 UTCX",
                         "2025-07-01T07:00:00 CEST",
                         "2025-07-01T07:00:00 +",
                         "2025-07-01T07:00:00  junk",
                         "2025-07-01T07:00:00 +0200 x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(ns_date_parse(bad[i], &t) < 0, bad[i]);
}

/* The same forms in a JSON Lines record and in front matter. */
static void test_date_forms_in_records(void)
{
    const char *line = "{\"id\":\"d\",\"title\":\"t\",\"date\":"
                       "\"2025-08-15T10:00:00 UTC\"}";
    ns_article_t a;
    char err[256];
    unsigned err_line = 0;
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "JSON Lines: a date with a named zone");
    CHECK_STR(a.date, "2025-08-15T10:00:00Z", "JSON Lines: the date");
    ns_article_clear(&a);
    const char *text = "---\r\ntitle: CRLF\r\n"
                       "date: 2025-07-01 09:00:00 +0200\r\n---\r\nBody\r\n";
    CHECK(ns_article_from_text(text, strlen(text), "j.markdown", &a, err,
                               sizeof err, &err_line) == 0,
          "Jekyll front matter: the date is read");
    CHECK_STR(a.date, "2025-07-01T07:00:00Z", "Jekyll front matter: in UTC");
    ns_article_clear(&a);
}

/* Parse TEXT as a Markdown file's text into A; returns what
 * ns_article_from_text returns, with the error and its line. */
static int parse(const char *text, ns_article_t *a, char *err, size_t err_size,
                 unsigned *line)
{
    *line = 0;
    err[0] = '\0';
    return ns_article_from_text(text, strlen(text), "p.md", a, err, err_size,
                                line);
}

/* Block scalars: an ignored key's lines are passed over, a known key gets
 * the text, folded (">") or literal ("|"). */
static void test_yaml_block_scalars(void)
{
    const char *text = "---\n"
                       "description: >\n"
                       "  A folded\n"
                       "  description block\n"
                       "title: >-\n"
                       "  Harbour seals\n"
                       "  return\n"
                       "\n"
                       "  to the fjord\n"
                       "summary: |\n"
                       "  literal block\n"
                       "    indented: not a key\n"
                       "\n"
                       "author: |2\n"
                       "   Kari Nordmann\n"
                       "date: 2025-06-15\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "block scalars parse");
    CHECK_STR(a.title, "Harbour seals return to the fjord",
              "folded title (its newline is a space in a label)");
    CHECK_STR(a.author, "Kari Nordmann", "explicit indentation");
    CHECK_STR(a.date, "2025-06-15T00:00:00Z", "the key after them is read");
    CHECK_STR(a.body, "Body.", "the header stays out of the body");
    ns_article_clear(&a);

    const char *lit = "---\ntitle: |\n  one\n\n  two\n---\nB\n";
    CHECK(parse(lit, &a, err, sizeof err, &line) == 0, "literal title");
    CHECK_STR(a.title, "one two", "literal: its newlines one space");
    ns_article_clear(&a);

    const char *less = "---\ntitle: |\n    deep\n  shallow\n---\nB\n";
    CHECK(parse(less, &a, err, sizeof err, &line) < 0 && line == 4,
          "a less indented line in a block scalar: an error on its line");
}

/* Quoted items of a flow list keep their commas; a list is what the
 * field takes from it. */
static void test_yaml_flow_lists(void)
{
    const char *text = "---\n"
                       "tags: [a, \"b, c\", 'd, ''e''', f ]\n"
                       "authors: [\"Nordmann, Kari\", Ola]\n"
                       "categories: ['World, Europe', Sport]\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "flow lists parse");
    CHECK(a.n_tags == 5, "four tags and the other category");
    if (a.n_tags == 5) {
        CHECK_STR(a.tags[0], "a", "plain item");
        CHECK_STR(a.tags[1], "b, c", "double-quoted item keeps its comma");
        CHECK_STR(a.tags[2], "d, 'e'", "single-quoted item, '' is a quote");
        CHECK_STR(a.tags[3], "f", "last item trimmed");
        CHECK_STR(a.tags[4], "Sport", "the other category is a tag");
    }
    CHECK_STR(a.author, "Nordmann, Kari, Ola", "authors joined");
    CHECK_STR(a.section, "World, Europe", "first category, whole");
    ns_article_clear(&a);

    const char *block = "---\ntags:\n  - 'b, c'\n  - d\ntitle: t\n---\nB\n";
    CHECK(parse(block, &a, err, sizeof err, &line) == 0 && a.n_tags == 2 &&
              !strcmp(a.tags[0], "b, c"),
          "a quoted block list item keeps its comma");
    ns_article_clear(&a);

    const char *multi = "---\ntags: [a,\n  \"b\"]\n---\nB\n";
    CHECK(parse(multi, &a, err, sizeof err, &line) == 0 && a.n_tags == 2 &&
              !strcmp(a.tags[1], "b"),
          "a flow list over two lines");
    ns_article_clear(&a);

    const char *notlist = "---\ntitle: [Updated] New figures\n---\nB\n";
    CHECK(parse(notlist, &a, err, sizeof err, &line) == 0, "bracket title");
    CHECK_STR(a.title, "[Updated] New figures", "a title in brackets stays");
    ns_article_clear(&a);
}

/* Quoted scalars: '' in single quotes, escapes in double ones. */
static void test_yaml_quoted_scalars(void)
{
    const char *text = "---\n"
                       "title: 'It''s a quoted title: with colon'\n"
                       "author: \"Kari \\\"KN\\\" Nordmann\\t\\u00e9\\x41\"\n"
                       "section: \"Long\n"
                       "  section\"\n"
                       "url: 'https://x.example/a#b' # where it was\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "quoted scalars");
    CHECK_STR(a.title, "It's a quoted title: with colon", "'' is one quote");
    CHECK_STR(a.author,
              "Kari \"KN\" Nordmann \xc3\xa9"
              "A",
              "double-quoted escapes");
    CHECK_STR(a.section, "Long section", "a quoted value over two lines");
    CHECK_STR(a.url, "https://x.example/a#b", "a comment after the quote");
    ns_article_clear(&a);

    /* What is not YAML's quoted form is read as written, as it always
     * was ('title: "Heart Lamp" wins the Booker'). */
    static const char *const loose[][2] = {
        {"title: \"Heart Lamp\" wins", "\"Heart Lamp\" wins"},
        {"title: 'open", "'open"},
        {"title: \"C:\\Users \\ud800\"", "C:\\Users \\ud800"},
        {"title: >_<", ">_<"},
        {"title: [Video] Bla [2]", "[Video] Bla [2]"},
    };
    for (size_t i = 0; i < sizeof loose / sizeof *loose; i++) {
        char doc[128];
        snprintf(doc, sizeof doc, "---\n%s\n---\nB\n", loose[i][0]);
        CHECK(parse(doc, &a, err, sizeof err, &line) == 0, loose[i][0]);
        CHECK_STR(a.title, loose[i][1], loose[i][0]);
        ns_article_clear(&a);
    }
}

/* Values over several lines, nested mappings and mapping items. */
static void test_yaml_structure(void)
{
    const char *text = "---\n"
                       "title: A title\n"
                       "  that goes on\n"
                       "params:\n"
                       "  title: not this one\n"
                       "  author: nor this\n"
                       "authors:\n"
                       "  - name: Skipped\n"
                       "    email: x@example.org\n"
                       "  - Kari Nordmann\n"
                       "  # a comment\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "structure parses");
    CHECK_STR(a.title, "A title that goes on", "a plain value over two lines");
    CHECK_STR(a.author, "Kari Nordmann",
              "a nested mapping and a mapping item are passed over");
    ns_article_clear(&a);

    const char *under = "---\ntitle: t\n  sub: x\n---\nB\n";
    CHECK(parse(under, &a, err, sizeof err, &line) < 0 && line == 3,
          "a key indented under a key with a value: an error on its line");
}

/* "draft: true" is found after a block scalar too. */
static void test_yaml_draft(void)
{
    const char *d = "---\nsummary: >\n  s\ndraft: true\n---\nB\n";
    CHECK(ns_frontmatter_is_draft(d, strlen(d)), "a draft after a block");
    const char *nd = "---\ndraft: false\n---\nB\n";
    CHECK(!ns_frontmatter_is_draft(nd, strlen(nd)), "draft: false");
    const char *nested = "---\nparams:\n  draft: true\n---\nB\n";
    CHECK(!ns_frontmatter_is_draft(nested, strlen(nested)),
          "a nested draft key is not the page's");
    const char *unpub = "---\ntitle: Embargoed\npublished: false\n---\nB\n";
    CHECK(ns_frontmatter_is_draft(unpub, strlen(unpub)) == 2,
          "Jekyll's published: false");
    const char *pub = "---\npublished: true\n---\nB\n";
    const char *hugo = "---\npublished: 2025-01-02\n---\nB\n";
    CHECK(!ns_frontmatter_is_draft(pub, strlen(pub)) &&
              !ns_frontmatter_is_draft(hugo, strlen(hugo)),
          "published: true, or Hugo's date, is published");
    const char *both = "---\npublished: false\ndraft: true\n---\nB\n";
    CHECK(ns_frontmatter_is_draft(both, strlen(both)) == 1,
          "draft: true says it first");
}

/* Hugo's TOML front matter: the keys are those of YAML front matter; a
 * [params] table and what follows it are passed over. */
static void test_toml_header(void)
{
    const char *text = "+++\n"
                       "title = \"Harbour seals return to the fjord\"\n"
                       "date = 2025-08-20T07:00:00+02:00\n"
                       "draft = false\n"
                       "weight = 10\n"
                       "slug = \"harbour-seals-return\"\n"
                       "categories = [\"Nature\", \"Local\"]\n"
                       "tags = [\"seals\", \"fjord, inner\"]\n"
                       "author = \"Ingrid Berg\"\n"
                       "[params]\n"
                       "  lang = \"xx\"\n"
                       "  title = \"not this one\"\n"
                       "+++\n"
                       "\n"
                       "Harbour seals have returned.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "TOML header parses");
    CHECK_STR(a.title, "Harbour seals return to the fjord", "TOML title");
    CHECK_STR(a.id, "harbour-seals-return", "TOML slug is the id");
    CHECK_STR(a.date, "2025-08-20T05:00:00Z", "TOML date with an offset");
    CHECK_STR(a.section, "Nature", "TOML categories: the first");
    CHECK_STR(a.author, "Ingrid Berg", "TOML author");
    CHECK(a.n_tags == 3 && !strcmp(a.tags[0], "Local") &&
              !strcmp(a.tags[2], "fjord, inner"),
          "TOML tags, a comma inside one kept, after the other category");
    CHECK_STR(a.lang, "en", "a key in [params] is not the page's");
    CHECK_STR(a.body, "Harbour seals have returned.", "the header is no body");
    ns_article_clear(&a);

    const char *d = "+++\r\ndraft = true\r\n+++\r\nB\r\n";
    CHECK(ns_frontmatter_is_draft(d, strlen(d)), "TOML draft = true, CRLF");
    const char *nd = "+++\n[params]\ndraft = true\n+++\nB\n";
    CHECK(!ns_frontmatter_is_draft(nd, strlen(nd)), "a draft in [params]");
}

/* The strings, arrays and tables Hugo front matter uses. */
static void test_toml_values(void)
{
    const char *text = "+++\n"
                       "# a comment\n"
                       "title = 'C:\\Users is \"literal\"'  # comment\n"
                       "author = \"Kari \\\"KN\\\" Nordmann \\u00e9\"\n"
                       "section = \"\"\"\n"
                       "Long \\\n"
                       "   section\"\"\"\n"
                       "url = '''https://x.example/a'''\n"
                       "tags = [\n"
                       "  \"a\", # first\n"
                       "  'b',\n"
                       "]\n"
                       "keywords = []\n"
                       "lastmod = 2025-08-20 07:00:00Z\n"
                       "menu = { main = { weight = 3 } }\n"
                       "params.author = \"not this\"\n"
                       "sizes = [[1, 2], [3]]\n"
                       "ratio = 1.5e3\n"
                       "hex = 0xDEAD_BEEF\n"
                       "\"lang\" = \"nb\"\n"
                       "[[cascade]]\n"
                       "title = \"nor this\"\n"
                       "[cascade._target]\n"
                       "kind = \"page\"\n"
                       "+++\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "TOML values parse");
    if (err[0])
        fprintf(stderr, "    line %u: %s\n", line, err);
    CHECK_STR(a.title, "C:\\Users is \"literal\"", "literal string");
    CHECK_STR(a.author, "Kari \"KN\" Nordmann \xc3\xa9", "basic escapes");
    CHECK_STR(a.section, "Long section", "multi-line, a line-end backslash");
    CHECK_STR(a.url, "https://x.example/a", "multi-line literal");
    CHECK(a.n_tags == 2 && !strcmp(a.tags[1], "b"),
          "an array over lines, comments and a trailing comma");
    CHECK_STR(a.date, "2025-08-20T07:00:00Z", "a date with a space");
    CHECK_STR(a.lang, "no", "a quoted key (nb, stored as no)");
    ns_article_clear(&a);

    CHECK(parse("+++\ndate = 2025-02-30\n+++\nB\n", &a, err, sizeof err,
                &line) == 0 &&
              !a.date && a.warning &&
              strstr(a.warning, "unparsable date '2025-02-30': not read"),
          "a date that does not read: the post kept undated, with a warning");
    ns_article_clear(&a);

    const char *empty = "+++\ntags = [\"\"]\nkeywords = ['', 'k']\n+++\nB\n";
    CHECK(parse(empty, &a, err, sizeof err, &line) == 0 && a.n_tags == 1 &&
              !strcmp(a.tags[0], "k"),
          "empty items are no tags");
    ns_article_clear(&a);
}

/* What is not that TOML is an error on its line, not an indexed header. */
static void test_toml_errors(void)
{
    static const struct {
        const char *text;
        unsigned line;
        const char *why;
    } bad[] = {
        {"+++\ntitle = Harbour seals\n+++\nB\n", 2, "not a TOML value"},
        {"+++\nid = \"x\"\ntitle: Harbour seals\n+++\nB\n", 3,
         "not 'key = value'"},
        {"+++\ntitle = \"open\n+++\nB\n", 2, "not closed"},
        {"+++\ntitle = \"\\q\"\n+++\nB\n", 2, "unknown escape"},
        {"+++\ntitle = \"t\" x\n+++\nB\n", 2, "text after the value"},
        {"+++\ntags = [\"a\",\n\"b\"\ntitle = \"t\"\n+++\nB\n", 4,
         "expected ','"},
        {"+++\nid = \"x\"\ntags = [\"a\",\n", 3, "array is not closed"},
        {"+++\n[params\n+++\nB\n", 2, "table header"},
        {"+++\ntitle = \"t\"\n", 1, "not closed by '+++'"},
        {"+++\nx = "
         "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]"
         "]]]]]]]]]]]]]]\n+++\nB\n",
         2, "nested deeper"},
    };
    ns_article_t a;
    char err[256];
    unsigned line;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int rc = parse(bad[i].text, &a, err, sizeof err, &line);
        CHECK(rc < 0 && line == bad[i].line && strstr(err, bad[i].why),
              bad[i].why);
        if (rc == 0)
            ns_article_clear(&a);
        else if (line != bad[i].line || !strstr(err, bad[i].why))
            fprintf(stderr, "    line %u: %s\n", line, err);
    }
}

/* Without a title in the header: the first line with words a reader sees
 * (not a shortcode, a comment or an image alone), and without the
 * underline that makes it a heading. */
static void test_title_line(void)
{
    static const struct {
        const char *text, *title, *body;
    } T[] = {
        {"---\nauthor: Jane\n---\n{{< figure src=\"s.jpg\" >}}\n\n# Seals "
         "return\n\nSeals are back.\n",
         "Seals return", "{{< figure src=\"s.jpg\" >}}\n\nSeals are back."},
        {"<!-- notes -->\n# Seals return\n\nBack.\n", "Seals return",
         "<!-- notes -->\n\nBack."},
        {"Seals return\n============\n\nBack.\n", "Seals return", "Back."},
        {"Seals return\n---\n\nBack.\n", "Seals return", "Back."},
        {"![Seal](s.jpg)\n\n# Seals return\n\nBack.\n", "Seals return",
         "![Seal](s.jpg)\n\nBack."},
        /* A line of text is the title, and a rule after the body's first
         * paragraph stays. */
        {"Seals return\n\nBack.\n\n---\n\nMore.\n", "Seals return",
         "Back.\n\n---\n\nMore."},
        {"Seals return\n- one\n", "Seals return", "- one"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        ns_article_t a;
        char err[256];
        int ok = ns_article_from_text(T[i].text, strlen(T[i].text), "t.md", &a,
                                      err, sizeof err, NULL) == 0;
        CHECK(ok && a.title && !strcmp(a.title, T[i].title), T[i].text);
        CHECK(ok && a.body && !strcmp(a.body, T[i].body), T[i].text);
        if (ok)
            ns_article_clear(&a);
    }
}

/* A "#" after white space starts a comment after a plain value, as in
 * YAML; in a word or in quotes it is text.  An embargoed post with a note
 * after "draft: true" is a draft. */
static void test_yaml_comments(void)
{
    static const struct {
        const char *text;
        int draft;
    } D[] = {
        {"---\ndraft: true # embargo\n---\nB\n", 1},
        {"---\ndraft: yes\t# embargo\n---\nB\n", 1},
        {"---\npublished: false # embargo until Monday\n---\nB\n", 2},
        {"---\npublished: no\t# embargo\n---\nB\n", 2},
        {"---\ndraft: \"true\" # quoted\n---\nB\n", 1},
        {"---\ndraft: false # was true\n---\nB\n", 0},
        {"---\ndraft: true#1\n---\nB\n", 0},
    };
    for (size_t i = 0; i < sizeof D / sizeof *D; i++)
        CHECK(ns_frontmatter_is_draft(D[i].text, strlen(D[i].text)) ==
                  D[i].draft,
              D[i].text);

    const char *text = "---\n"
                       "title: C# and issue#5 # the working title\n"
                       "  for now # more notes\n"
                       "date: 2025-01-05 # moved from Friday\n"
                       "lang: nb # bokmaal\n"
                       "author: 'Kari # Nordmann' # quoted\n"
                       "section: \"Sport #1\"\t# quoted too\n"
                       "url: https://x.example/a#b # the old address\n"
                       "tags: # a list follows\n"
                       "  - seals # the animal\n"
                       "  - # an empty item\n"
                       "  - fjord\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "comments: parses");
    CHECK_STR(a.title, "C# and issue#5 for now",
              "a comment after a plain value and on its next line");
    CHECK_STR(a.date, "2025-01-05T00:00:00Z", "a comment after a date");
    CHECK_STR(a.lang, "no", "a comment after a language code (nb is no)");
    CHECK_STR(a.author, "Kari # Nordmann", "a # in single quotes is text");
    CHECK_STR(a.section, "Sport #1", "a # in double quotes is text");
    CHECK_STR(a.url, "https://x.example/a#b", "a # in a word is text");
    CHECK(a.n_tags == 2 && !strcmp(a.tags[0], "seals") &&
              !strcmp(a.tags[1], "fjord"),
          "a comment after a key and after block list items");
    ns_article_clear(&a);

    const char *flow = "---\n"
                       "tags: [seals, # the animal, first\n"
                       "  \"a #b\", c#] # the tags\n"
                       "categories: World # and not Europe\n"
                       "---\nB\n";
    CHECK(parse(flow, &a, err, sizeof err, &line) == 0, "flow: parses");
    CHECK(a.n_tags == 3, "flow: three tags");
    if (a.n_tags == 3) {
        CHECK_STR(a.tags[0], "seals", "flow: a comment after an item");
        CHECK_STR(a.tags[1], "a #b", "flow: a # in quotes is text");
        CHECK_STR(a.tags[2], "c#", "flow: a # in a word is text");
    }
    CHECK_STR(a.section, "World", "a comment after a category");
    ns_article_clear(&a);

    /* YAML reads "We're #1" as "We're" and a comment, as Jekyll and Hugo
     * show it; quotes keep the "#". */
    static const char *const titles[][2] = {
        {"title: We're #1", "We're"},
        {"title: \"We're #1\"", "We're #1"},
        {"title: \"Heart #1\" wins # note", "\"Heart #1\" wins"},
        {"title: Seals\t# a tab before the #", "Seals"},
    };
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        char doc[128];
        snprintf(doc, sizeof doc, "---\n%s\n---\nB\n", titles[i][0]);
        CHECK(parse(doc, &a, err, sizeof err, &line) == 0, titles[i][0]);
        CHECK_STR(a.title, titles[i][1], titles[i][0]);
        ns_article_clear(&a);
    }
}

/* Jekyll splits a post's "categories" and "tags" strings into words; the
 * singular "category" is one value, and elsewhere (Hugo keeps a string
 * whole) a string is split at its commas only. */
static void test_jekyll_words(void)
{
    const char *text = "---\n"
                       "layout: post\n"
                       "categories: jekyll update\n"
                       "tags: ruby  static, site\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(ns_article_from_jekyll_post(text, strlen(text), "p.md", &a, err,
                                      sizeof err, &line) == 0,
          "Jekyll post: parses");
    CHECK_STR(a.section, "jekyll", "Jekyll post: the first category");
    CHECK(a.n_tags == 4, "Jekyll post: a tag per word");
    if (a.n_tags == 4) {
        CHECK_STR(a.tags[0], "update", "Jekyll post: the other category");
        CHECK_STR(a.tags[1], "ruby", "Jekyll post: first tag");
        CHECK_STR(a.tags[2], "static", "Jekyll post: a comma is no text");
        CHECK_STR(a.tags[3], "site", "Jekyll post: last tag");
    }
    ns_article_clear(&a);

    CHECK(ns_article_from_text(text, strlen(text), "p.md", &a, err, sizeof err,
                               &line) == 0,
          "not a post: parses");
    CHECK_STR(a.section, "jekyll update", "not a post: the string whole");
    CHECK(a.n_tags == 2 && !strcmp(a.tags[0], "ruby static"),
          "not a post: tags split at commas, the category no tag");
    ns_article_clear(&a);

    /* TAG: the tags joined with "|". */
    static const struct {
        const char *text, *section, *tag;
    } P[] = {
        {"---\ncategory: jekyll update\n---\nB\n", "jekyll update", NULL},
        {"---\ncategories: [World News, Europe]\ntags: [breaking news]\n"
         "---\nB\n",
         "World News", "Europe|breaking news"},
        {"---\ncategories:\n  - World News\ntags:\n  - breaking news\n"
         "---\nB\n",
         "World News", "breaking news"},
        {"---\ncategories: \"  World News\"\n---\nB\n", "World", "News"},
        {"+++\ncategories = \"World News\"\ntags = \"breaking news\"\n"
         "+++\nB\n",
         "World News", "breaking news"},
    };
    for (size_t i = 0; i < sizeof P / sizeof *P; i++) {
        int ok =
            ns_article_from_jekyll_post(P[i].text, strlen(P[i].text), "p.md",
                                        &a, err, sizeof err, &line) == 0;
        CHECK(ok, P[i].text);
        if (!ok)
            continue;
        CHECK_STR(a.section, P[i].section, P[i].text);
        char tags[128] = "";
        for (size_t t = 0; t < a.n_tags; t++)
            snprintf(tags + strlen(tags), sizeof tags - strlen(tags), "%s%s",
                     t ? "|" : "", a.tags[t]);
        CHECK_STR(tags, P[i].tag ? P[i].tag : "", P[i].text);
        ns_article_clear(&a);
    }
}

/* Zola's TOML keeps a post's tags and categories in [taxonomies], and
 * themes its byline in [extra]. */
static void test_zola_taxonomies(void)
{
    const char *text = "+++\ntitle = \"First snow\"\n[taxonomies]\n"
                       "tags = [\"weather\", \"winter\"]\n"
                       "categories = [\"Weather\"]\n[extra]\n"
                       "author = \"Liv Berg\"\n+++\nSnow fell.\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(parse(text, &a, err, sizeof err, &line) == 0, "zola: parses");
    CHECK_STR(a.section, "Weather", "zola: the first category the section");
    CHECK(a.n_tags == 2 && !strcmp(a.tags[0], "weather") &&
              !strcmp(a.tags[1], "winter"),
          "zola: [taxonomies] tags the tags");
    CHECK_STR(a.author, "Liv Berg", "zola: [extra] author the byline");
    ns_article_clear(&a);
}

/* Jekyll and Pandoc close a YAML header with "...", YAML's end of a
 * document, as well as with "---": such a post was a skipped file. */
static void test_yaml_dots_close(void)
{
    const char *text = "---\ntitle: Dots\ndraft: true\n...\nBody text.\n";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_text(text, strlen(text), "d.md", &a, err, sizeof err,
                               NULL) == 0,
          "dots: the header is closed");
    CHECK_STR(a.title, "Dots", "dots: the title");
    CHECK_STR(a.body, "Body text.", "dots: the body");
    ns_article_clear(&a);
    CHECK(ns_frontmatter_is_draft(text, strlen(text)) == 1,
          "dots: the header's draft key is read");
    /* In TOML, "..." is no fence. */
    const char *toml = "+++\ntitle = \"T\"\n...\nBody\n";
    CHECK(ns_article_from_text(toml, strlen(toml), "t.md", &a, err, sizeof err,
                               NULL) < 0,
          "dots: no end of a TOML header");
}

/* TEXT (front matter, then Markdown) as the reader makes it an article:
 * its body in BODY (SIZE bytes) and its headings joined by "|" in HEADS. */
static void markdown_body(const char *text, char *body, size_t size,
                          char *heads, size_t heads_size)
{
    ns_article_t a;
    char err[256];
    body[0] = heads[0] = '\0';
    if (ns_article_from_text(text, strlen(text), "m.md", &a, err, sizeof err,
                             NULL) < 0)
        return;
    if (ns_markdown_finish(&a, err, sizeof err) == 0) {
        snprintf(body, size, "%s", a.body);
        for (size_t i = 0; i < a.n_headings; i++)
            snprintf(heads + strlen(heads), heads_size - strlen(heads), "%s%s",
                     i ? "|" : "", a.headings[i]);
    }
    ns_article_clear(&a);
}

/* HTML written inside Markdown breaks the text where the HTML readers
 * break it: "5<br>Bergen" was stored "5Bergen", and "bergen" found
 * nothing. */
static void test_markdown_inline_html(void)
{
    static const struct {
        const char *md, *body;
    } T[] = {
        {"Harbour Street 5<br>Bergen<br />Norway\n",
         "Harbour Street 5\nBergen\nNorway"},
        {"Vi driv drift.<p>Rederiet seglar.\n", "Vi driv drift.\n\nRederiet "
                                                "seglar."},
        {"A<p>B</p>\n", "A\n\nB"},
        {"One<br><br>two\n", "One\n\ntwo"},
        {"Cell<td>cell\n", "Cell cell"},
        {"Not <b>a</b>break and <span>none</span>here\n",
         "Not abreak and nonehere"},
        {"No<!-- note -->break\n", "Nobreak"},
        {"Code `a<br>b` stays\n", "Code a<br>b stays"},
    };
    char body[512], heads[256], text[512];
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        snprintf(text, sizeof text, "---\ntitle: T\n---\n%s", T[i].md);
        markdown_body(text, body, sizeof body, heads, sizeof heads);
        CHECK_STR(body, T[i].body, T[i].md);
    }
    markdown_body("---\ntitle: T\n---\n## Harbour<br>works\n\nText.\n", body,
                  sizeof body, heads, sizeof heads);
    CHECK_STR(heads, "Harbour works", "inline html: a heading is one line");
}

/* <h1>-<h6> in an HTML block are headings, as in a feed or a page. */
static void test_markdown_html_headings(void)
{
    char body[512], heads[256];
    markdown_body("---\ntitle: Seals\n---\nIntro.\n\n<h2>Where they "
                  "breed</h2>\n\n<div><h1>Big</h1><h3 id=\"x\">Small "
                  "<b>one</b></h3></div>\n\n## Marked\n\nEnd.\n",
                  body, sizeof body, heads, sizeof heads);
    CHECK_STR(heads, "Where they breed|Big|Small one|Marked",
              "html block: its headings in order");
    CHECK_STR(body,
              "Intro.\n\nWhere they breed\n\nBig\n\nSmall one\n\nMarked\n\n"
              "End.",
              "html block: the headings stay text");
}

/* Code keeps its lines and indentation, a <pre> its lines ("return 1"
 * under "if x:" is code only so). */
static void test_markdown_code(void)
{
    char body[512], heads[256];
    markdown_body("---\ntitle: Code\n---\nSee:\n\n```python\ndef f(x):\n"
                  "    if x:\n        return 1\n```\n\n    indented\n"
                  "      code\n\n<pre>\nline one\n    two <b>b</b>\n"
                  "</pre>\n\nEnd.\n",
                  body, sizeof body, heads, sizeof heads);
    CHECK_STR(body,
              "See:\n\ndef f(x):\n    if x:\n        return 1\n\n"
              "indented\n  code\n\nline one\n    two b\n\nEnd.",
              "code: lines and indentation kept");
}

/* Bytes that are not UTF-8 read as windows-1252, as browsers read a page
 * that declares no encoding; UTF-8 is kept. */
static void test_utf8_or_windows1252(void)
{
    ns_buf_t out = {0};
    size_t first = 99;
    CHECK(ns_utf8_or_windows1252("caf\xe9 \xc3\xa5", 7, &out, &first) == 1 &&
              first == 3,
          "latin-1: one byte, at 3");
    CHECK_STR(out.p, "caf\xc3\xa9 \xc3\xa5", "latin-1: e acute, a ring kept");
    ns_buf_reset(&out);
    CHECK(ns_utf8_or_windows1252("\x93q\x94 \xe2\x80x", 8, &out, &first) == 4 &&
              first == 0,
          "windows-1252: four bytes");
    CHECK_STR(out.p,
              "\xe2\x80\x9cq\xe2\x80\x9d \xc3\xa2\xe2\x82\xac"
              "x",
              "windows-1252: quotes, and a cut sequence byte by byte");
    ns_buf_reset(&out);
    CHECK(ns_utf8_or_windows1252("ok", 2, &out, &first) == 0, "utf-8: none");
    ns_buf_free(&out);
}

/* Hugo's translations are named by their language ("index.nb.md"); the
 * header's "lang" comes first, and a name that is no language sets none. */
static void test_lang_from_name(void)
{
    static const struct {
        const char *text, *id, *lang;
    } T[] = {
        {"# T\n", "blog/index.nb.md", "no"},
        {"# T\n", "post.zh-cn.md", "zh"},
        {"---\nlang: de\n---\n# T\n", "post.nb.md", "de"},
        {"# T\n", "notes.min.md", "en"},
        {"# T\n", "v1.2.md", "en"},
        {"# T\n", "nb.md", "en"},
        {"# T\n", "a.b/post.md", "en"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        ns_article_t a;
        char err[256];
        int ok = ns_article_from_text(T[i].text, strlen(T[i].text), T[i].id, &a,
                                      err, sizeof err, NULL) == 0;
        CHECK(ok && a.lang && !strcmp(a.lang, T[i].lang), T[i].id);
        if (ok)
            ns_article_clear(&a);
    }
}

int main(void)
{
    test_lang_from_name();
    test_yaml_dots_close();
    test_markdown_inline_html();
    test_markdown_html_headings();
    test_markdown_code();
    test_utf8_or_windows1252();
    test_zola_taxonomies();
    test_title_line();
    test_date_zone_after_space();
    test_date_forms_in_records();
    test_yaml_block_scalars();
    test_yaml_flow_lists();
    test_yaml_quoted_scalars();
    test_yaml_structure();
    test_yaml_draft();
    test_yaml_comments();
    test_jekyll_words();
    test_toml_header();
    test_toml_values();
    test_toml_errors();
    return tl_done();
}
