/* test_query_limits.cc - Bounded work per query (common/limits.cc) and the
 * queries that must never fail a search: too many words or wildcards run
 * cut down with a warning, a query still too large is refused, a date
 * range that cannot be read runs as words, and a snippet is always the
 * text as written. */
#include "index-private.h"
#include "testlib.h"

#include <string>

using namespace libns;

static std::string db;

static void build(void)
{
    static const char *const docs[] = {
        "{\"id\":\"a\",\"title\":\"Storm report\",\"body\":\"A storm hit "
        "the harbour; sea walls held.\",\"date\":\"2025-01-01T00:00:00Z\"}",
        "{\"id\":\"b\",\"title\":\"Markup\",\"body\":\"&lt;img src=x "
        "onerror=alert(1)&gt; and <b>bold</b> & more\"}",
        "{\"id\":\"c\",\"title\":\"Zebra crossing\",\"body\":\"The zebra "
        "crossed the road.\",\"date\":\"2025-02-01T00:00:00Z\"}",
    };
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open for writing");
    for (const char *d : docs) {
        ns_article_t a;
        char err[256];
        if (ns_article_from_json(d, strlen(d), &a, err, sizeof err) < 0) {
            fprintf(stderr, "bad fixture: %s\n", err);
            exit(1);
        }
        CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, a.id);
        ns_article_clear(&a);
    }
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
}

/* Run QUERY; the status, and the hits' ids joined by ' ' in *IDS and the
 * warning ("" when none) in *WARN. */
static ns_status_t run(ns_index_t *idx, const std::string &query,
                       std::string *ids, std::string *warn)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query.c_str();
    o.related = 0;
    ns_results_t *res = nullptr;
    ns_status_t st = ns_search(idx, &o, &res);
    ids->clear();
    warn->clear();
    if (st != NS_STATUS_OK)
        return st;
    for (size_t i = 0; i < ns_results_count(res); i++)
        *ids += std::string(i ? " " : "") + ns_results_hit(res, i)->art->id;
    if (ns_results_warning(res))
        *warn = ns_results_warning(res);
    ns_results_free(res);
    return st;
}

static std::string repeat(const std::string &w, size_t n)
{
    std::string s;
    for (size_t i = 0; i < n; i++)
        s += (i ? " " : "") + w;
    return s;
}

static void test_bounds(void)
{
    QueryBounds b = bound_query(repeat("s*", 200));
    CHECK(b.flags_off & Xapian::QueryParser::FLAG_WILDCARD,
          "over the wildcard limit: wildcards off");
    b = bound_query(repeat("s*", 10));
    CHECK(!b.flags_off, "10 wildcards stay wildcards");
    CHECK(b.max_expansion * 10 <= QUERY_MAX_EXPANSION,
          "10 wildcards share the expansion");
    CHECK(b.warning.empty(), "no warning within the limits");
    b = bound_query("oil*");
    CHECK(b.max_expansion == WILDCARD_MAX_EXPANSION, "one wildcard: 100");
    b = bound_query(repeat("w", 150));
    CHECK(b.text == repeat("w", QUERY_MAX_WORDS), "first 100 words kept");
    CHECK(b.warning.find("150 words") != std::string::npos, "words warning");
    /* Operators are no words, and the cut leaves none last. */
    b = bound_query(repeat("w", 98) + " oil NOT gas");
    CHECK(b.text == repeat("w", 98) + " oil NOT gas" && b.warning.empty(),
          "100 words and a NOT: all kept");
    b = bound_query(repeat("w", 99) + " oil NOT gas");
    CHECK(b.text == repeat("w", 99) + " oil NOT gas",
          "101 words: the NOT and the word it excludes kept");
    CHECK(b.warning.find("101 words") != std::string::npos,
          "101 words, the NOT not counted");
    /* Past the cut: filters and exclusions kept, brackets closed. */
    b = bound_query("(" + repeat("w OR", 110) + " x) section:cocoa -ghana");
    CHECK(b.text == "(" + repeat("w OR", 99) + " w) section:cocoa -ghana",
          "filter and exclusion after the cut kept, the bracket closed");
    CHECK(b.warning.find("(left out: w ... x)") != std::string::npos,
          "the words left out named");
    b = bound_query(repeat("w", 101) + " NOT (a b) -(c) \"d e");
    CHECK(b.text == repeat("w", 100), "a group excluded is left out");
    b = bound_query(repeat("w", 99) + " \"x y\" date:2025-06 .. 2025-09");
    CHECK(b.text == repeat("w", 99) + " \"x\" date:2025-06 .. 2025-09",
          "a phrase cut is closed; a date range with spaces is one filter");
    b = bound_query(repeat("w OR", 60) + " oil");
    CHECK(b.text == repeat("w OR", 60) + " oil" && b.warning.empty(),
          "61 words joined by OR: all kept");
    b = bound_query(repeat("w", 99) + " oil NEAR/3 gas");
    CHECK(b.text == repeat("w", 99) + " oil", "NEAR/3 is an operator");
    b = bound_query(repeat("w", 99) + " oil XOR AND gas");
    CHECK(b.text == repeat("w", 99) + " oil", "operators left last all dropped");
    /* In capitals operators are words (query_flags): counted. */
    b = bound_query(repeat("W", 99) + " AND GAS");
    CHECK(b.text == repeat("W", 99) + " AND" &&
              b.warning.find("101 words") != std::string::npos,
          "in capitals AND is a word");
    CHECK(bound_query(repeat("w", 99) + " ANDROID x").text ==
              repeat("w", 99) + " ANDROID",
          "a word starting like an operator is a word");
    b = bound_query(repeat("ab*", 20));
    CHECK(!b.flags_off && b.max_expansion == QUERY_MAX_EXPANSION / 20,
          "20 wildcards: 50 terms each");
    CHECK(bound_query(repeat("a*b", 21)).flags_off &&
              bound_query(repeat("3*", 21)).flags_off,
          "wildcards counted after letters and digits");
    CHECK(!bound_query(repeat("*", 40)).flags_off, "a lone * is no wildcard");
    /* A '*' before a word is dropped by Xapian: said, not silent. */
    b = bound_query("*ebra oil*");
    CHECK(b.warning.find("*ebra was searched as ebra") != std::string::npos &&
              b.warning.find("(ebra*)") != std::string::npos,
          "a leading '*': warned, with the word");
    CHECK(b.max_expansion == WILDCARD_MAX_EXPANSION,
          "a leading '*' is no wildcard");
    CHECK(bound_query("a * b").warning.empty() &&
              bound_query("zebr* oil*").warning.empty() &&
              bound_query("**").warning.empty(),
          "no warning for a '*' after a word or before none");
    /* Inside a word, a '*' ends a wildcard and the rest is a word. */
    CHECK(bound_query("sur*ance oil")
                  .warning.find("sur*ance was searched as sur* ance: a '*' "
                                "works only at the "
                                "end of a word") != std::string::npos,
          "a '*' inside a word: warned, with what was searched");
    /* ... and searched so: the text had "sur*ance", of which Xapian's
     * parser searched "ance" alone. */
    CHECK(bound_query("sur*ance oil").text == "sur* ance oil",
          "a '*' inside a word: the rest is a word of its own");
    CHECK(bound_query("title:chel*sea -a*b*c").text ==
              "title:chel* title:sea -a* -b* -c",
          "a '*' inside a word: the field and sign go with each part");
    b = bound_query("\"sur*ance\" x");
    CHECK(b.text == "\"sur*ance\" x" &&
              b.warning.find("not inside quotes") != std::string::npos &&
              b.warning.find("searched as") == std::string::npos,
          "a '*' inside a word in quotes: unchanged, and said so");
    b = bound_query(repeat("w", 150) + " *ebra");
    CHECK(b.warning.find("151 words") != std::string::npos &&
              b.warning.find("; *") == std::string::npos,
          "a leading '*' past the word limit is not warned of");
}

int main(void)
{
    db = std::string(tl_tmpdir()) + "/idx";
    build();
    test_bounds();
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    std::string ids, warn;

    /* 4: words past the limit are not searched. */
    CHECK(run(idx, repeat("nothing", 120) + " zebra", &ids, &warn) ==
              NS_STATUS_OK,
          "long query runs");
    CHECK(ids.empty(), "the 121st word is not searched");
    CHECK(warn.find("121 words") != std::string::npos, "long query warns");
    CHECK(run(idx, repeat("nothing", 98) + " zebra", &ids, &warn) ==
              NS_STATUS_OK,
          "99 words run");
    CHECK(ids == "c" && warn.empty(), "99 words: all searched, no warning");
    /* Past the wildcard limit the wildcards are words: "zebr*" no longer
     * finds the zebra. */
    CHECK(run(idx, repeat("qq*", 30) + " zebr*", &ids, &warn) == NS_STATUS_OK,
          "many wildcards run");
    CHECK(ids.empty() && warn.find("wildcards") != std::string::npos,
          "many wildcards: plain words, warned");
    CHECK(run(idx, repeat("qq*", 5) + " zebr*", &ids, &warn) == NS_STATUS_OK &&
              ids == "c" && warn.empty(),
          "a few wildcards expand");
    CHECK(run(idx, "*ebra", &ids, &warn) == NS_STATUS_OK && ids.empty() &&
              warn.find("*ebra was searched as ebra") != std::string::npos,
          "a leading '*': the word as it stands, warned");
    CHECK(run(idx, "*zebra", &ids, &warn) == NS_STATUS_OK && ids == "c" &&
              !warn.empty(),
          "a leading '*' before a whole word finds it");
    CHECK(run(idx, "zeb*ra", &ids, &warn) == NS_STATUS_OK && ids == "c" &&
              warn.find("searched as zeb* ra") != std::string::npos,
          "a '*' inside a word: zeb* is searched, as the warning says");
    /* Still too large once parsed: CJK text is many n-grams in few
     * "words". */
    std::string cjk;
    for (int i = 0; i < 700; i++)
        cjk += "\xe4\xb8\xad\xe6\x96\x87"; /* 中文 */
    CHECK(run(idx, cjk, &ids, &warn) == NS_STATUS_BAD_QUERY,
          "too many terms: refused");
    CHECK(strstr(ns_index_last_error(idx), "too large") != nullptr,
          "refusal says why");

    /* 13: unreadable date ranges run as words with a warning. */
    const char *ranges[] = {"date:1..2", "date:x..y", "date:2025-01-01..x",
                            "zebra date:2025-01-01..x"};
    for (const char *r : ranges) {
        CHECK(run(idx, r, &ids, &warn) == NS_STATUS_OK, r);
        CHECK(!warn.empty(), "unreadable range warns");
    }
    CHECK(run(idx, "zebra date:2025-01-01..x", &ids, &warn) == NS_STATUS_OK &&
              ids.substr(0, 1) == "c",
          "the words of a query with a bad range still find");
    CHECK(run(idx, "date:2025-01-15..2025-03-01", &ids, &warn) ==
                  NS_STATUS_OK &&
              ids == "c" && warn.empty(),
          "a good range still filters");

    /* 15: a blank query's snippet is the body as written. */
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.related = 0;
    const char *only[] = {"b"};
    o.ids = only;
    o.n_ids = 1;
    for (const char *q : {"", "bold"}) {
        o.query = q;
        ns_results_t *res = nullptr;
        CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK && res &&
                  ns_results_count(res) == 1,
              "markup article found");
        if (!res || !ns_results_count(res))
            continue;
        std::string snip = ns_results_hit(res, 0)->snippet;
        CHECK(snip.find("&lt;img") != std::string::npos, "&lt; stays &lt;");
        CHECK(snip.find("<img") == std::string::npos, "no markup made");
        CHECK(snip.find("<b>") != std::string::npos, "real < stays <");
        char *json = ns_results_to_json(res, q, nullptr);
        CHECK(json && strstr(json, "&amp;lt;img") && !strstr(json, "<img") &&
                  strstr(json, "&lt;b&gt;"),
              "snippet_html escapes what was written");
        free(json);
        ns_results_free(res);
    }
    ns_index_close(idx);
    return tl_done();
}
