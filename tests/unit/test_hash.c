/* test_hash.c - The content hash that decides whether an update replaces
 * an article: every field, alone, must change it.
 *
 * An update skips an article whose stored hash matches, so a field left out
 * of ns_article_hash() would make a change to that field invisible forever
 * (the article stays "unchanged").  Each case below changes one field of a
 * base article and expects a value different from the base and from every
 * other case; equal content in other memory must give the same value, so
 * that a hash of pointers could not pass. */
#include <stdint.h>

#include "ns.h"
#include "testlib.h"

#define MAX_CASES 64

/* The article holds char *; these literals are only read. */
#define S(text) ((char *)(text))

static char *base_headings[] = {S("Key Allegations"), S("What's Next?")};
static char *base_tags[] = {S("microsoft"), S("azure"), S("surveillance")};

static ns_article_t base(void)
{
    ns_article_t a = {0};
    a.id = S("azure-1");
    a.title = S("Azure cloud used for mass surveillance");
    a.body = S("Lead paragraph.\n\nSecond paragraph.");
    a.section = S("Technology");
    a.author = S("Kari Nordmann");
    a.lang = S("en");
    a.url = S("https://news.example.org/azure-1");
    a.date = S("2025-08-06T09:30:00Z");
    a.time = 1754472600;
    a.headings = base_headings;
    a.n_headings = 2;
    a.tags = base_tags;
    a.n_tags = 3;
    return a;
}

static const char *names[MAX_CASES];
static uint64_t values[MAX_CASES];
static size_t n_cases;

static void add(const char *name, const ns_article_t *a)
{
    if (n_cases < MAX_CASES) {
        names[n_cases] = name;
        values[n_cases++] = ns_article_hash(a);
    }
}

/* Same content, other buffers: same value. */
static void test_equal_content_equal_hash(void)
{
    ns_article_t a = base();
    char id[] = "azure-1", title[] = "Azure cloud used for mass surveillance";
    char body[] = "Lead paragraph.\n\nSecond paragraph.";
    char section[] = "Technology", author[] = "Kari Nordmann", lang[] = "en";
    char url[] = "https://news.example.org/azure-1";
    char date[] = "2025-08-06T09:30:00Z";
    char h0[] = "Key Allegations", h1[] = "What's Next?";
    char t0[] = "microsoft", t1[] = "azure", t2[] = "surveillance";
    char *hs[] = {h0, h1}, *ts[] = {t0, t1, t2};
    ns_article_t b = {id,     title, body, section, author, lang, url, date,
                      a.time, hs,    2,    ts,      3,      NULL, 0, NULL, 0, NULL};
    CHECK(ns_article_hash(&a) == ns_article_hash(&b),
          "equal content in other memory hashes equal");
    CHECK(ns_article_hash(&a) == ns_article_hash(&a), "hash is stable");
}

static void test_each_field_changes_hash(void)
{
    ns_article_t a;
    char *h_changed0[] = {S("Key allegations"), S("What's Next?")};
    char *h_changed1[] = {S("Key Allegations"), S("What Next?")};
    char *h_swapped[] = {S("What's Next?"), S("Key Allegations")};
    char *h_more[] = {S("Key Allegations"), S("What's Next?"), S("Reactions")};
    char *h_joined[] = {S("Key AllegationsWhat's Next?")};
    char *t_changed0[] = {S("microsoft-corp"), S("azure"), S("surveillance")};
    char *t_changed1[] = {S("microsoft"), S("azure cloud"), S("surveillance")};
    char *t_changed2[] = {S("microsoft"), S("azure"), S("privacy")};
    char *t_swapped[] = {S("azure"), S("microsoft"), S("surveillance")};
    char *t_split[] = {S("micro"), S("soft"), S("azure"), S("surveillance")};
    char *moved_tags[] = {S("Key Allegations"), S("What's Next?"),
                          S("microsoft"), S("azure"), S("surveillance")};

    a = base();
    add("base", &a);
    a = base(), a.id = S("azure-2");
    add("id", &a);
    a = base(), a.title = S("Azure cloud used for mass surveillance!");
    add("title", &a);
    a = base(), a.body = S("Lead paragraph.\n\nSecond paragraph, longer.");
    add("body", &a);
    a = base(), a.body = S("Lead paragraph.\nSecond paragraph.");
    add("body white space", &a);
    a = base(), a.section = S("World");
    add("section", &a);
    a = base(), a.section = NULL;
    add("section removed", &a);
    a = base(), a.author = S("Ola Nordmann");
    add("author", &a);
    a = base(), a.author = NULL;
    add("author removed", &a);
    a = base(), a.lang = S("no");
    add("lang", &a);
    a = base(), a.url = S("https://news.example.org/azure-1?v=2");
    add("url", &a);
    a = base(), a.url = NULL;
    add("url removed", &a);
    a = base(), a.date = S("2025-08-06T09:30:01Z"), a.time += 1;
    add("date", &a);
    a = base(), a.date = NULL;
    add("date removed", &a);
    a = base(), a.headings = h_changed0;
    add("first heading", &a);
    a = base(), a.headings = h_changed1;
    add("second heading", &a);
    a = base(), a.headings = h_swapped;
    add("heading order", &a);
    a = base(), a.headings = h_more, a.n_headings = 3;
    add("heading added", &a);
    a = base(), a.n_headings = 1;
    add("heading removed", &a);
    a = base(), a.n_headings = 0;
    add("no headings", &a);
    a = base(), a.headings = h_joined, a.n_headings = 1;
    add("two headings joined into one", &a);
    a = base(), a.tags = t_changed0;
    add("first tag", &a);
    a = base(), a.tags = t_changed1;
    add("second tag", &a);
    a = base(), a.tags = t_changed2;
    add("third tag", &a);
    a = base(), a.tags = t_swapped;
    add("tag order", &a);
    a = base(), a.tags = t_split, a.n_tags = 4;
    add("one tag split in two", &a);
    a = base(), a.n_tags = 2;
    add("tag removed", &a);
    a = base(), a.n_tags = 0;
    add("no tags", &a);
    /* The same text in another field is another article. */
    a = base(), a.n_headings = 0, a.tags = moved_tags, a.n_tags = 5;
    add("headings moved into tags", &a);
    a = base(), a.body = S("");
    a.title = S("Azure cloud used for mass surveillance"
                "Lead paragraph.\n\nSecond paragraph.");
    add("body moved into the title", &a);
    a = base(), a.author = S("Technology"), a.section = S("Kari Nordmann");
    add("section and author swapped", &a);

    for (size_t i = 1; i < n_cases; i++) {
        char name[160];
        snprintf(name, sizeof name, "changing the %s changes the hash",
                 names[i]);
        CHECK(values[i] != values[0], name);
        for (size_t j = 1; j < i; j++) {
            if (values[i] == values[j]) {
                snprintf(name, sizeof name, "'%s' and '%s' hash differently",
                         names[i], names[j]);
                CHECK(0, name);
            }
        }
    }
    CHECK(n_cases == 31, "every case ran");
}

int main(void)
{
    test_equal_content_equal_hash();
    test_each_field_changes_hash();
    return tl_done();
}
