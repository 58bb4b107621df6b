/* test_article.c - Dates, UTF-8 and the two article input forms. */
#include <stdint.h>

#include "ingest.h"
#include "testlib.h"

static void test_date_forms(void)
{
    int64_t t;
    CHECK(ns_date_parse("1970-01-01", &t) == 0 && t == 0, "epoch date");
    CHECK(ns_date_parse("2025-08-15", &t) == 0 && t == 1755216000,
          "date only is midnight UTC");
    CHECK(ns_date_parse("2025-08-15T10:00:00Z", &t) == 0 &&
              t == 1755216000 + 36000,
          "Z time");
    CHECK(ns_date_parse("2025-08-15T12:00:00+02:00", &t) == 0 &&
              t == 1755216000 + 36000,
          "offset is normalised to UTC");
    CHECK(ns_date_parse("2025-08-15T05:30:00-0430", &t) == 0 &&
              t == 1755216000 + 36000,
          "offset without colon");
    CHECK(ns_date_parse("2025-08-15 10:00:00.123Z", &t) == 0 &&
              t == 1755216000 + 36000,
          "space separator and fraction");
    CHECK(ns_date_parse("2025-08-15T10:00", &t) == 0 && t == 1755216000 + 36000,
          "no seconds, no zone: UTC");
    CHECK(ns_date_parse("2024-02-29", &t) == 0, "leap day");
    CHECK(ns_date_parse("1958-12-01T00:00:00Z", &t) == 0 && t < 0,
          "dates before 1970");
}

static void test_date_rejects(void)
{
    int64_t t;
    const char *bad[] = {"",           "yesterday",
                         "2025-13-01", "2025-02-30",
                         "2023-02-29", "2025-08-15T25:00",
                         "2025-8-15",  "2025-08-15T10:00:00Zjunk",
                         "15/08/2025", "2025-08-15T10:00:00+25:00"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(ns_date_parse(bad[i], &t) < 0, bad[i]);
}

static void test_date_format(void)
{
    char buf[32];
    ns_date_format(1755216000 + 36000, buf, sizeof buf);
    CHECK_STR(buf, "2025-08-15T10:00:00Z", "format");
    ns_date_format(-86400, buf, sizeof buf);
    CHECK_STR(buf, "1969-12-31T00:00:00Z", "format before epoch");
}

static void test_utf8(void)
{
    CHECK(ns_utf8_valid("bl\xc3\xa5"
                        "b\xc3\xa6r",
                        8),
          "valid Norwegian");
    CHECK(ns_utf8_valid("\xf0\x9f\x93\xb0", 4), "valid 4-byte");
    CHECK(!ns_utf8_valid("\xff", 1), "0xff");
    CHECK(!ns_utf8_valid("\xc3", 1), "truncated sequence");
    CHECK(!ns_utf8_valid("\xc0\xaf", 2), "overlong");
    CHECK(!ns_utf8_valid("\xed\xa0\x80", 3), "surrogate");
    CHECK(!ns_utf8_valid("ab\xe5"
                         "c",
                         4),
          "Latin-1 byte");
}

static void test_json_full(void)
{
    const char *line =
        "{\"id\":\"a1\",\"title\":\"Azure\\nsurveillance\",\"body\":"
        "\"B\\r\\nC\\u0001D\","
        "\"section\":\" World \",\"headings\":[\"Key Allegations\"],"
        "\"date\":\"2025-08-06T11:30:00+02:00\",\"author\":\"Kari\","
        "\"lang\":\"NO\",\"url\":\"https://x/y\",\"tags\":[\"a\",\"b\"],"
        "\"extra\":1}";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "full article parses");
    CHECK_STR(a.id, "a1", "id");
    CHECK_STR(a.title, "Azure surveillance", "title is one line");
    CHECK_STR(a.body, "B\nC D", "CRLF folded, control char dropped");
    CHECK_STR(a.section, "World", "section trimmed");
    CHECK_STR(a.date, "2025-08-06T09:30:00Z", "date normalised to UTC");
    CHECK_STR(a.lang, "no", "lang lower-cased");
    CHECK(a.n_tags == 2 && a.n_headings == 1, "lists");
    char *stored = ns_article_to_json(&a);
    ns_article_t b;
    CHECK(stored && ns_article_from_json(stored, strlen(stored), &b, err,
                                         sizeof err) == 0,
          "stored form round-trips");
    CHECK_STR(b.title, a.title, "round-trip title");
    CHECK_STR(b.date, a.date, "round-trip date");
    CHECK(b.n_tags == 2 && strcmp(b.tags[1], "b") == 0, "round-trip tags");
    free(stored);
    ns_article_clear(&a);
    ns_article_clear(&b);
    CHECK(a.id == NULL, "clear zeroes");
}

/* A date as RSS writes it (RFC 2822) is read in JSON and front matter as
 * the feed reader reads it, normalised to UTC. */
static void test_rfc2822_dates(void)
{
    const char *line = "{\"id\":\"r\",\"title\":\"t\",\"date\":"
                       "\"Tue, 05 Aug 2025 10:00:00 +0200\"}";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "JSON: an RFC 2822 date parses");
    CHECK_STR(a.date, "2025-08-05T08:00:00Z", "JSON: RFC 2822 date in UTC");
    ns_article_clear(&a);
    const char *text = "---\ntitle: x\ndate: 5 Aug 2025 10:00 GMT\n---\nbody\n";
    unsigned line_no = 0;
    CHECK(ns_article_from_text(text, strlen(text), "x", &a, err, sizeof err,
                               &line_no) == 0,
          "front matter: an RFC 2822 date parses");
    CHECK_STR(a.date, "2025-08-05T10:00:00Z", "front matter: in UTC");
    ns_article_clear(&a);
}

/* Several bylines are one author field, joined as far as it holds whole
 * names; of several sections the first is the section. */
static void test_json_authors(void)
{
    const char *line = "{\"id\":\"a\",\"title\":\"t\",\"author\":"
                       "[\" Kari Nordmann \",{\"name\":\"Ola Nordmann\"},"
                       "5,\"\"]}";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "a list of authors parses");
    CHECK_STR(a.author, "Kari Nordmann, Ola Nordmann", "authors joined");
    ns_article_clear(&a);
    char many[4096] = "{\"id\":\"m\",\"title\":\"t\",\"author\":[";
    for (int i = 0; i < 30; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many),
                 "%s\"Author Number %02d\"", i ? "," : "", i);
    strcat(many, "]}");
    CHECK(ns_article_from_json(many, strlen(many), &a, err, sizeof err) == 0,
          "thirty authors parse");
    CHECK(a.author && strlen(a.author) <= NS_MAX_LABEL &&
              strstr(a.author, "Author Number 00, Author Number 01") &&
              a.author[strlen(a.author) - 1] != ' ' &&
              !strstr(a.author, "Author Number 29"),
          "as many whole names as the field holds");
    ns_article_clear(&a);
    const char *obj =
        "{\"id\":\"o\",\"title\":\"t\",\"author\":{\"name\":\"Obj Author\"}}";
    CHECK(ns_article_from_json(obj, strlen(obj), &a, err, sizeof err) == 0,
          "an author object parses");
    CHECK_STR(a.author, "Obj Author", "an author object is its name");
    ns_article_clear(&a);
    char longfirst[1024] = "{\"id\":\"l\",\"title\":\"t\",\"author\":[\"";
    memset(longfirst + strlen(longfirst), 'X', NS_MAX_LABEL + 25);
    strcat(longfirst, "\",\"Second Person\"]}");
    CHECK(ns_article_from_json(longfirst, strlen(longfirst), &a, err,
                               sizeof err) == 0,
          "a first name longer than the field parses");
    CHECK_STR(a.author, "Second Person", "the names that fit are kept");
    ns_article_clear(&a);
    /* A byline as one string (a meta tag, front matter, a wire feed):
     * the whole names that fit, not the article lost. */
    char onestr[1024] = "{\"id\":\"s\",\"title\":\"t\",\"author\":\"";
    for (int i = 0; i < 12; i++)
        snprintf(onestr + strlen(onestr), sizeof onestr - strlen(onestr),
                 "%sReporter Number %02d", i ? (i % 2 ? ", " : " and ") : "",
                 i);
    strcat(onestr, "\"}");
    CHECK(ns_article_from_json(onestr, strlen(onestr), &a, err, sizeof err) ==
              0,
          "a byline string longer than the field parses");
    CHECK(
        a.author && strlen(a.author) <= NS_MAX_LABEL &&
            !strncmp(a.author, "Reporter Number 00, Reporter Number 01 and",
                     41) &&
            !strstr(a.author, "Number 11") && strlen(a.author) > 18 &&
            !strncmp(a.author + strlen(a.author) - 18, "Reporter Number ", 16),
        "a long byline string: its whole names that fit");
    ns_article_clear(&a);
    char onelong[1024] = "{\"id\":\"s\",\"title\":\"t\",\"author\":\"";
    memset(onelong + strlen(onelong), 'X', NS_MAX_LABEL + 25);
    strcat(onelong, "\"}");
    CHECK(ns_article_from_json(onelong, strlen(onelong), &a, err, sizeof err) ==
                  0 &&
              !a.author,
          "one name longer than the field: kept without the author");
    ns_article_clear(&a);
    /* \u0000 is valid JSON: a control character like any other. */
    const char *nul = "{\"id\":\"n\",\"title\":\"a\\u0000b\",\"body\":"
                      "\"c\\u0000d\",\"tags\":\"x\\u0000y, z\"}";
    CHECK(ns_article_from_json(nul, strlen(nul), &a, err, sizeof err) == 0,
          "\\u0000 in text parses");
    CHECK_STR(a.title, "a b", "\\u0000 in a title is a space");
    CHECK_STR(a.body, "c d", "\\u0000 in a body is a space");
    CHECK(a.n_tags == 2 && strcmp(a.tags[0], "x y") == 0 &&
              strcmp(a.tags[1], "z") == 0,
          "\\u0000 in a tag list is a space, and the list goes on");
    ns_article_clear(&a);
    const char *nul_by = "{\"id\":\"b\",\"title\":\"t\",\"author\":"
                         "[\"Kari\\u0000Nordmann\",{\"name\":\"O\\u0000la\"}]}";
    CHECK(ns_article_from_json(nul_by, strlen(nul_by), &a, err, sizeof err) ==
              0,
          "\\u0000 in a list of bylines parses");
    CHECK_STR(a.author, "Kari Nordmann, O la",
              "\\u0000 in a byline is a space, not its end");
    ns_article_clear(&a);
    /* A label ending in a no-break space and one letter keeps the letter;
     * trimming took three bytes for a two-byte space. */
    const char *nbsp = "{\"id\":\"s\",\"title\":\"t\",\"section\":"
                       "\"Nord\\u00a0A\",\"tags\":[\"Vest\\u00a0B \"]}";
    CHECK(ns_article_from_json(nbsp, strlen(nbsp), &a, err, sizeof err) == 0,
          "a no-break space inside a label parses");
    CHECK_STR(a.section, "Nord\u00a0A",
              "a no-break space and a letter at the end: the letter kept");
    CHECK(a.n_tags == 1 && strcmp(a.tags[0], "Vest\u00a0B") == 0,
          "... in a tag too, and the space after it trimmed");
    ns_article_clear(&a);
    const char *nul_id = "{\"id\":\"n\\u0000x\",\"title\":\"t\"}";
    CHECK(ns_article_from_json(nul_id, strlen(nul_id), &a, err, sizeof err) <
                  0 &&
              strstr(err, "U+0000"),
          "\\u0000 in an id is refused, named");
    ns_article_clear(&a);
    const char *nul_date =
        "{\"id\":\"d\",\"title\":\"t\",\"date\":\"2025-01-01\\u0000x\"}";
    CHECK(ns_article_from_json(nul_date, strlen(nul_date), &a, err,
                               sizeof err) < 0 &&
              strstr(err, "NUL"),
          "\\u0000 in a date is refused, not cut there");
    ns_article_clear(&a);
    const char *nulls = "{\"id\":\"n\",\"title\":\"t\",\"tags\":"
                        "[\"a\",null,\"b\"],\"headings\":[null]}";
    CHECK(ns_article_from_json(nulls, strlen(nulls), &a, err, sizeof err) ==
                  0 &&
              a.n_tags == 2 && !strcmp(a.tags[1], "b") && a.n_headings == 0,
          "a null in a list is nothing, as a null field");
    ns_article_clear(&a);
    const char *secs = "{\"id\":\"s\",\"title\":\"t\",\"section\":"
                       "[\"\",\"World\",\"Europe\"]}";
    CHECK(ns_article_from_json(secs, strlen(secs), &a, err, sizeof err) == 0,
          "a list of sections parses");
    CHECK_STR(a.section, "World", "the first section");
    ns_article_clear(&a);
    const char *none = "{\"id\":\"n\",\"title\":\"t\",\"author\":[]}";
    CHECK(ns_article_from_json(none, strlen(none), &a, err, sizeof err) == 0 &&
              a.author == NULL,
          "an empty list is no author");
    ns_article_clear(&a);
}

static void expect_json_error(const char *line, const char *want)
{
    ns_article_t a;
    char err[256] = "";
    int rc = ns_article_from_json(line, strlen(line), &a, err, sizeof err);
    CHECK(rc < 0, line);
    if (!strstr(err, want)) {
        fprintf(stderr, "    error '%s' lacks '%s'\n", err, want);
        CHECK(0, "error text");
    }
}

/* A date that does not read costs the date, not the article. */
static void expect_json_undated(const char *line, const char *want)
{
    ns_article_t a;
    char err[256] = "";
    int rc = ns_article_from_json(line, strlen(line), &a, err, sizeof err);
    CHECK(rc == 0 && !a.date && a.warning && strstr(a.warning, want), line);
    if (rc == 0)
        ns_article_clear(&a);
}

static void test_json_errors(void)
{
    expect_json_error("{\"title\":\"t\"}", "missing id");
    expect_json_error("{\"id\":\"\",\"title\":\"t\"}", "missing id");
    expect_json_error("{\"id\":\"x\",\"title\":\" \",\"body\":\"\"}",
                      "missing title and body");
    expect_json_error("{\"id\":\"x\",\"title\":\"t\"", "malformed JSON");
    expect_json_error("[1,2]", "not a JSON object");
    expect_json_error("{\"id\":\"x\",\"title\":5}", "'title' is not a string");
    expect_json_error("{\"id\":\"x\",\"title\":\"t\",\"tags\":5}",
                      "'tags' is not a list of strings");
    expect_json_undated("{\"id\":\"x\",\"title\":\"t\",\"date\":\"soon\"}",
                        "unparsable date 'soon': not read; the article is "
                        "kept undated");
    expect_json_undated("{\"id\":\"x\",\"title\":\"t\",\"date\":"
                        "\"Tue, 31 Feb 2025 10:00:00 +0200\"}",
                        "unparsable date");
    expect_json_undated("{\"id\":\"x\",\"title\":\"t\",\"date\":"
                        "\"Fri, 31 Dec 9999 23:00:00 -1200\"}",
                        "outside the years 0001 to 9999");
    expect_json_error("{\"id\":\"x\",\"title\":\"t\",\"tags\":{\"a\":1}}",
                      "'tags' is not a list");
    expect_json_error("{\"id\":\"x\",\"title\":\"\xe5\"}", "invalid UTF-8");
    expect_json_error("{\"id\":\"x\",\"id\":\"y\",\"title\":\"t\"}",
                      "malformed JSON");
    char longid[400];
    memset(longid, 'i', sizeof longid);
    char line[512];
    snprintf(line, sizeof line, "{\"id\":\"%.300s\",\"title\":\"t\"}", longid);
    expect_json_error(line, "id is longer than");
}

static void test_json_numeric_id_and_tag_string(void)
{
    const char *line = "{\"id\":42,\"body\":\"b\",\"tags\":\"x, y\"}";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "numeric id accepted");
    CHECK_STR(a.id, "42", "numeric id as text");
    CHECK_STR(a.title, "", "absent title is empty");
    CHECK_STR(a.lang, "en", "default lang");
    CHECK(a.n_tags == 2 && strcmp(a.tags[1], "y") == 0, "comma tags");
    ns_article_clear(&a);
}

static void test_text_front_matter(void)
{
    const char *text = "---\n"
                       "id: azure-1\n"
                       "title: \"Azure: the cloud\"\n"
                       "date: 2025-08-06\n"
                       "section: Technology\n"
                       "tags: [microsoft, \"azure\"]\n"
                       "layout: post\n"
                       "---\n"
                       "\n"
                       "Lead paragraph.\n"
                       "\n"
                       "## Key Allegations\n"
                       "\n"
                       "Text.\n"
                       "### What's Next? ###\n";
    ns_article_t a;
    char err[256];
    unsigned line;
    CHECK(ns_article_from_text(text, strlen(text), "x.md", &a, err, sizeof err,
                               &line) == 0,
          "front matter parses");
    CHECK_STR(a.id, "azure-1", "id from header");
    CHECK_STR(a.title, "Azure: the cloud", "quoted title with colon");
    CHECK_STR(a.date, "2025-08-06T00:00:00Z", "date");
    CHECK(a.n_tags == 2 && strcmp(a.tags[1], "azure") == 0, "flow tags");
    CHECK(a.n_headings == 2, "two headings");
    CHECK(a.n_headings == 2 && strcmp(a.headings[1], "What's Next?") == 0,
          "closing hashes stripped");
    CHECK(strncmp(a.body, "Lead paragraph.", 15) == 0, "body starts at lead");
    ns_article_clear(&a);
}

/* YAML block lists, as Jekyll and Hugo sites write them, and a flow list
 * of authors. */
static void test_text_block_lists(void)
{
    const char *text = "---\n"
                       "title: Lists\n"
                       "tags:\n"
                       "  - microsoft\n"
                       "  - \"azure\"\n"
                       "\n"
                       "categories:\n"
                       "- World\n"
                       "- Europe\n"
                       "params:\n"
                       "  weight: 3\n"
                       "authors:\n"
                       "  - Kari Nordmann\n"
                       "  - 'Ola Nordmann'\n"
                       "---\n"
                       "Body.\n";
    ns_article_t a;
    char err[256];
    unsigned line = 0;
    CHECK(ns_article_from_text(text, strlen(text), "l.md", &a, err, sizeof err,
                               &line) == 0,
          "block lists parse");
    CHECK(a.n_tags == 3 && !strcmp(a.tags[0], "microsoft") &&
              !strcmp(a.tags[1], "azure") && !strcmp(a.tags[2], "Europe"),
          "block list of tags, a blank line inside; the other category");
    CHECK_STR(a.section, "World", "block list of categories: the first");
    CHECK_STR(a.author, "Kari Nordmann, Ola Nordmann", "block list of authors");
    ns_article_clear(&a);
    const char *flow =
        "---\nauthor: [Kari Nordmann, \"Ola Nordmann\"]\n---\nB\n";
    CHECK(ns_article_from_text(flow, strlen(flow), "f.md", &a, err, sizeof err,
                               &line) == 0,
          "a flow list of authors parses");
    CHECK_STR(a.author, "Kari Nordmann, Ola Nordmann", "flow list of authors");
    ns_article_clear(&a);
    const char *stray = "---\ntitle: x\n- item\n---\nB\n";
    CHECK(ns_article_from_text(stray, strlen(stray), "s.md", &a, err,
                               sizeof err, &line) < 0 &&
              line == 3,
          "an item after a key with a value is an error on its line");
    const char *open = "---\ntags:\n  - a\n";
    CHECK(ns_article_from_text(open, strlen(open), "o.md", &a, err, sizeof err,
                               &line) < 0 &&
              strstr(err, "not closed"),
          "a list in unclosed front matter: unclosed");
    const char *baddate = "---\ndate:\n  - 2025-02-30\ntitle: x\n---\nB\n";
    CHECK(ns_article_from_text(baddate, strlen(baddate), "d.md", &a, err,
                               sizeof err, &line) == 0 &&
              !a.date && a.warning && strstr(a.warning, "2025-02-30"),
          "a bad date in a list: kept undated, with a warning");
    ns_article_clear(&a);
}

static void test_text_without_header(void)
{
    const char *text = "# Penguins lose their ice\n\nEmperor penguins...\n";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_text(text, strlen(text), "climate/p.md", &a, err,
                               sizeof err, NULL) == 0,
          "plain markdown parses");
    CHECK_STR(a.id, "climate/p.md", "path is the id");
    CHECK_STR(a.title, "Penguins lose their ice", "first heading is title");
    CHECK(a.n_headings == 0, "title heading is not a section heading");
    ns_article_clear(&a);
}

static void test_text_errors(void)
{
    ns_article_t a;
    char err[256];
    unsigned line = 0;
    const char *open = "---\ntitle: x\nbody text\n";
    CHECK(ns_article_from_text(open, strlen(open), "x", &a, err, sizeof err,
                               &line) < 0 &&
              line == 3,
          "line without colon is reported on its line");
    const char *unclosed = "---\ntitle: x\n";
    CHECK(ns_article_from_text(unclosed, strlen(unclosed), "x", &a, err,
                               sizeof err, &line) < 0 &&
              strstr(err, "not closed"),
          "unclosed front matter");
    const char *baddate = "---\ntitle: x\ndate: 2025-02-30\n---\nbody\n";
    CHECK(ns_article_from_text(baddate, strlen(baddate), "x", &a, err,
                               sizeof err, &line) == 0 &&
              !a.date && a.warning && strstr(a.warning, "unparsable date"),
          "a bad date: kept undated, with a warning");
    ns_article_clear(&a);
    const char *badutf = "---\ntitle: x\n---\nline\nbad \xff byte\n";
    CHECK(ns_article_from_text(badutf, strlen(badutf), "x", &a, err, sizeof err,
                               &line) < 0 &&
              line == 5 && strstr(err, "UTF-8"),
          "bad UTF-8 on line 5");
    const char *empty = "---\nid: e\n---\n\n";
    CHECK(ns_article_from_text(empty, strlen(empty), "x", &a, err, sizeof err,
                               &line) < 0 &&
              strstr(err, "missing title and body"),
          "empty article");
}

/* A language code as sources write it, as it is stored. */
static void test_lang_codes(void)
{
    static const char *const cases[][2] = {
        {"en", "en"},
        {"EN", "en"},
        {"en-GB", "en"},
        {"nb_NO", "no"},
        {"nb-NO", "no"},
        {"zh-Hant-TW", "zh"},
        {"Norwegian", "no"},
        {"english", "en"},
        {"Nynorsk", "nn"},
        {"x-klingon", "x-klingon"},
        {"tlh", "tlh"},
        {"klingon", "klingon"},
        {"en-", "en"},
        /* Names with a space, brackets or diacritics, and ISO 639-2
         * codes: each was refused, and its article skipped. */
        {"Norwegian Bokmål", "no"},
        {"Bokmål", "no"},
        {"NORSK BOKMÅL", "no"},
        {"Norsk nynorsk", "nn"},
        {"English (UK)", "en"},
        {"English (US)", "en"},
        {"English UK", "en"},
        {"Brazilian Portuguese", "pt"},
        {"Svenska", "sv"},
        {"Dansk", "da"},
        {"Deutsch", "de"},
        {"Français", "fr"},
        {"eng", "en"},
        {"nob", "no"},
        {"nno", "nn"},
        {"nor", "no"},
        {"ger", "de"},
        {"deu", "de"},
        {"fre", "fr"},
        {"eng-GB", "en"},
        {"Plattdüütsch", "plattduutsch"},
        {"Old (?)", "old"},
        {"e n", "e-n"},
        {"--", ""},
        /* The Nordic spelling of a keyboard without å and ø: each was an
         * unknown language, unstemmed and a facet value of its own. */
        {"Bokmaal", "no"},
        {"Norsk bokmaal", "no"},
        {"NORWEGIAN BOKMAAL", "no"},
        {"Foeroyskt", "fo"},
        {"Bokmaal (Norge)", "no"},
        {"aar", "aar"}, /* a code, not "ar" written so */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char code[32];
        snprintf(code, sizeof code, "%s", cases[i][0]);
        ns_lang_code(code);
        CHECK_STR(code, cases[i][1], cases[i][0]);
    }
    ns_article_t a;
    char err[200];
    const char *j = "{\"id\":\"x\",\"title\":\"T\",\"lang\":\"nb-NO\"}";
    CHECK(ns_article_from_json(j, strlen(j), &a, err, sizeof err) == 0 &&
              !strcmp(a.lang, "no"),
          "a JSON record's nb-NO is stored as no");
    ns_article_clear(&a);
    /* A language not known is no reason to lose the article. */
    j = "{\"id\":\"x\",\"title\":\"T\",\"lang\":\"Klingon (tlhIngan)\"}";
    CHECK(ns_article_from_json(j, strlen(j), &a, err, sizeof err) == 0 &&
              !strcmp(a.lang, "klingon"),
          "a language name not known is kept, not refused");
    ns_article_clear(&a);
    j = "{\"id\":\"x\",\"title\":\"T\",\"lang\":\"(?)\"}";
    CHECK(ns_article_from_json(j, strlen(j), &a, err, sizeof err) == 0 &&
              !strcmp(a.lang, "en"),
          "a language with no letter is as none");
    ns_article_clear(&a);
}

/* C1 controls (U+0080-U+009F) become spaces like C0 ones: U+009B is CSI,
 * an escape introducer to some terminals, and in JSON they are mojibake or
 * an attack.  Characters around them (U+00A0, U+00C2) are kept. */
static void test_c1_controls(void)
{
    const char *line =
        "{\"id\":\"esc2\",\"title\":\"Csi \\u009b2J\\u009b31m title\","
        "\"body\":\"a\\u0080b\\u0085\\n\\u009fz \\u00a0\\u00c2\\u0100\","
        "\"section\":\"S\\u009b31m\",\"author\":\"A\\u0092b\","
        "\"tags\":[\"t\\u0090x\"],\"headings\":[\"H\\u009bJ\"],"
        "\"url\":\"https://x/\\u009b1\"}";
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "c1: parses");
    CHECK_STR(a.title, "Csi 2J 31m title", "c1: title");
    CHECK_STR(a.body, "a b \n z \xc2\xa0\xc3\x82\xc4\x80", "c1: body");
    CHECK_STR(a.section, "S 31m", "c1: section");
    CHECK_STR(a.author, "A b", "c1: author");
    CHECK_STR(a.url, "https://x/%201", "c1: url (a space, encoded)");
    CHECK(a.n_tags == 1 && !strcmp(a.tags[0], "t x"), "c1: tag");
    CHECK(a.n_headings == 1 && !strcmp(a.headings[0], "H J"), "c1: heading");
    ns_article_clear(&a);

    char *c = ns_clean_dup("x\xc2\x9b\xc2", 4);
    CHECK_STR(c, "x \xc2", "c1: a lone 0xC2 at the end");
    free(c);
    /* Front matter and Markdown: a C1 control in the file is a space, and
     * none is left at a label's end; CommonMark reads "&#146;" as U+0092,
     * which is U+2019 as HTML reads it; "&#129;", which windows-1252
     * leaves, a space. */
    const char *text = "---\n"
                       "title: \"T\xc2\x9b"
                       "1m\"\n"
                       "section: \"S\xc2\x85\"\n"
                       "---\n"
                       "Mayor&#146;s\xc2\x9b plan &#129;x &#27;y.\n\n"
                       "## H&#150;2\n";
    unsigned at;
    CHECK(ns_article_from_text(text, strlen(text), "c.md", &a, err, sizeof err,
                               &at) == 0 &&
              ns_markdown_finish(&a, err, sizeof err) == 0,
          "c1: front matter and Markdown read");
    CHECK_STR(a.title, "T 1m", "c1: front-matter title");
    CHECK_STR(a.section, "S", "c1: front-matter section");
    CHECK_STR(a.body,
              "Mayor\xe2\x80\x99s plan  x  y.\n\nH\xe2\x80\x93"
              "2",
              "c1: Markdown body");
    CHECK(a.n_headings == 1 && !strcmp(a.headings[0], "H\xe2\x80\x93"
                                                      "2"),
          "c1: Markdown heading");
    ns_article_clear(&a);
}

/* A section or tag over the limit is left out with a warning that shows
 * its start (whole characters), and the article is kept. */
static void test_json_long_labels(void)
{
    char line[1024] = "{\"id\":\"l\",\"title\":\"t\",\"tags\":[\"ok\",\"";
    for (int i = 0; i < 110; i++)
        strcat(line, "\xc3\xb8"); /* 220 bytes of U+00F8 */
    strcat(line, "\"],\"section\":\"World\"}");
    ns_article_t a;
    char err[256];
    CHECK(ns_article_from_json(line, strlen(line), &a, err, sizeof err) == 0,
          "a tag over the limit: the article is read");
    CHECK(a.n_tags == 1 && !strcmp(a.tags[0], "ok"),
          "the tag over the limit is left out, the other kept");
    CHECK_STR(a.section, "World", "the section is kept");
    CHECK_STR(
        a.warning,
        "tag \"\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8"
        "\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8"
        "\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xc3\xb8\xe2\x80\xa6\" is longer "
        "than 200 bytes; left out",
        "the warning shows its first 40 bytes");
    ns_article_clear(&a);
    char sec[512] = "{\"id\":\"s\",\"title\":\"t\",\"section\":\"";
    memset(sec + strlen(sec), 'S', NS_MAX_LABEL + 1);
    strcat(sec, "\"}");
    CHECK(ns_article_from_json(sec, strlen(sec), &a, err, sizeof err) == 0 &&
              !a.section && a.warning && !strncmp(a.warning, "section \"", 9),
          "a section over the limit: left out, with a warning");
    ns_article_clear(&a);
    CHECK(!a.warning, "cleared with the article");
}

/* Valid JSON that jansson cannot hold (a number beyond 64 bits or a
 * double, half a UTF-16 pair) in a field nindex ignores cost the article
 * as "malformed JSON"; now it is read, and a field it reads says so. */
static void test_json_beyond_jansson(void)
{
    ns_article_t a;
    char err[256];
    const char *big = "{\"id\":\"s1\",\"title\":\"T\",\"body\":\"B\","
                      "\"simhash\":18446744073709551615,\"x\":[1e400]}";
    CHECK(ns_article_from_json(big, strlen(big), &a, err, sizeof err) == 0 &&
              !a.warning,
          "a number too big in an ignored field: read, no warning");
    ns_article_clear(&a);
    const char *bigid = "{\"id\":18446744073709551616,\"title\":\"T\"}";
    CHECK(ns_article_from_json(bigid, strlen(bigid), &a, err, sizeof err) ==
                  0 &&
              !strcmp(a.id, "18446744073709551616"),
          "an integer id beyond 64 bits keeps its digits");
    ns_article_clear(&a);
    const char *half = "{\"id\":\"s2\",\"title\":\"Fest\",\"body\":\"B\","
                       "\"excerpt\":\"Fest \\ud83c\"}";
    CHECK(ns_article_from_json(half, strlen(half), &a, err, sizeof err) == 0 &&
              !a.warning,
          "half a UTF-16 pair in an ignored field: read");
    ns_article_clear(&a);
    const char *title = "{\"id\":\"s3\",\"title\":\"Fest \\ud83c\\ud83c"
                        "\\udf89\\\\ud83c\",\"body\":\"B\"}";
    CHECK(ns_article_from_json(title, strlen(title), &a, err, sizeof err) ==
                  0 &&
              !strcmp(a.title, "Fest \xef\xbf\xbd\xf0\x9f\x8e\x89\\ud83c") &&
              a.warning && strstr(a.warning, "field 'title'"),
          "half a pair in the title: U+FFFD, a whole pair and an escaped "
          "backslash kept, and a warning");
    ns_article_clear(&a);
    const char *bad = "{\"id\":\"s4\",\"title\":\"T\",\"n\":1e400,}";
    CHECK(ns_article_from_json(bad, strlen(bad), &a, err, sizeof err) < 0 &&
              strstr(err, "malformed JSON"),
          "malformed JSON is still refused");
}

/* A record with other names than nindex reads was only "missing id":
 * the message names the record's keys and the ones read. */
static void test_json_missing_names_keys(void)
{
    ns_article_t a;
    char err[512];
    const char *other = "{\"guid\":\"x1\",\"headline\":\"Ferry back\","
                        "\"content\":\"The ferry is back.\"}";
    CHECK(ns_article_from_json(other, strlen(other), &a, err, sizeof err) < 0 &&
              strstr(err, "missing id (the record has guid, headline, "
                          "content; nindex reads id, title, body"),
          "missing id names the record's keys");
    const char *known = "{\"title\":\"T\",\"body\":\"B\"}";
    CHECK(ns_article_from_json(known, strlen(known), &a, err, sizeof err) < 0 &&
              !strcmp(err, "missing id"),
          "a record of known keys only: missing id alone");
}

/* Dates archives write that RFC 3339 has not: each skipped the article. */
static void test_json_partial_dates(void)
{
    static const char *const cases[][2] = {
        {"1963-11", "1963-11-01T00:00:00Z"},
        {"1854", "1854-01-01T00:00:00Z"},
        {"20250815", "2025-08-15T00:00:00Z"},
        {"2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43Z"},
        {"2025-08-15T10:00:00+02:00[Europe/Oslo]", "2025-08-15T08:00:00Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ns_article_t a = {0};
        char err[200];
        CHECK(ns_set_date(&a, cases[i][0], err, sizeof err) == 0 && a.date &&
                  !strcmp(a.date, cases[i][1]),
              cases[i][0]);
        ns_article_clear(&a);
    }
    static const char *const bad[] = {"1963-13", "1700000000", "20251315",
                                      "2025-08-15[Europe/Oslo]x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ns_article_t a = {0};
        char err[200];
        CHECK(ns_set_date(&a, bad[i], err, sizeof err) < 0, bad[i]);
        ns_article_clear(&a);
    }
}

/* An id is refused with Unicode's spaces at an end as with ASCII ones,
 * and 3.0 is the integer id 3. */
static void test_json_id_edges(void)
{
    static const char *const cases[][2] = {
        {"{\"id\":3.0,\"title\":\"T\"}", "3"},
        {"{\"id\":\"a\\u00a03\",\"title\":\"T\"}", "a\xc2\xa0"
                                                   "3"},
        {"{\"id\":\"a1\\u00a0\",\"title\":\"T\"}", NULL},
        {"{\"id\":\"\\u3000a2\",\"title\":\"T\"}", NULL},
        {"{\"id\":3.5,\"title\":\"T\"}", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ns_article_t a;
        char err[200];
        int rc = ns_article_from_json(cases[i][0], strlen(cases[i][0]), &a, err,
                                      sizeof err);
        CHECK(cases[i][1] ? rc == 0 && !strcmp(a.id, cases[i][1]) : rc < 0,
              cases[i][0]);
        ns_article_clear(&a);
    }
}

int main(void)
{
    test_c1_controls();
    test_lang_codes();
    test_date_forms();
    test_date_rejects();
    test_date_format();
    test_utf8();
    test_json_full();
    test_rfc2822_dates();
    test_json_authors();
    test_json_long_labels();
    test_json_errors();
    test_json_beyond_jansson();
    test_json_missing_names_keys();
    test_json_partial_dates();
    test_json_id_edges();
    test_json_numeric_id_and_tag_string();
    test_text_front_matter();
    test_text_block_lists();
    test_text_without_header();
    test_text_errors();
    return tl_done();
}
