/* test_zdict.cc - The compression dictionary holds no article's own text.
 *
 * A rebuild's dictionary stays in the index as long as the articles
 * compressed with it, so whatever it holds outlives a takedown: it is made
 * of the pieces at least MIN_DOCS sampled articles share (common/zdict.c),
 * and a dictionary an older version made of its sample's text is found
 * holding a deleted article's text (ns_index_dictionary_holds).
 *
 * With arguments DIR ID...: give the index at DIR such an older dictionary,
 * the stored JSON of the articles ID..., and store them again with it, for
 * tests/cli/t179-zdict-takedown.sh. */
#include "index-private.h"
#include "testlib.h"
#include "zdict.h"

#include <string>

using namespace libns;

static bool in(const char *dict, size_t len, const char *s)
{
    return std::string(dict, len).find(s) != std::string::npos;
}

static void test_selection(void)
{
    const char *texts[] = {
        "{\"title\":\"Budget day\",\"body\":\"The finance minister said on "
        "Tuesday that Zebulon Quartermaine will lead the review.\"}",
        "{\"title\":\"Rail fares\",\"body\":\"The finance minister said on "
        "Tuesday that fares rise; a heron nested under the viaduct.\"}",
        "{\"title\":\"Schools\",\"body\":\"The finance minister said on "
        "Tuesday that schools get more; a heron nested under the viaduct.\"}",
        "{\"title\":\"Hospitals\",\"body\":\"The finance minister said on "
        "Tuesday that wards open.\"}",
        "{\"title\":\"Ports\",\"body\":\"Dock workers voted. Dock workers "
        "voted. Dock workers voted.\"}",
    };
    size_t n = sizeof texts / sizeof *texts, lens[5];
    for (size_t i = 0; i < n; i++)
        lens[i] = strlen(texts[i]);
    char out[4096];
    size_t len = ns_zdict_build(texts, lens, n, 3, out, sizeof out);
    CHECK(len > 0 && len <= sizeof out, "a dictionary is made");
    CHECK(in(out, len, "The finance minister said on Tuesday that"),
          "a phrase of 4 articles is in it");
    CHECK(in(out, len, "body\":\""), "the stored form's keys are in it");
    CHECK(!in(out, len, "Zebulon") && !in(out, len, "Quartermaine"),
          "a name of one article is not");
    CHECK(!in(out, len, "heron") && !in(out, len, "viaduct"),
          "a phrase of two articles is not");
    CHECK(!in(out, len, "Dock"),
          "a phrase one article repeats is not (counted once an article)");
    len = ns_zdict_build(texts, lens, n, 5, out, sizeof out);
    CHECK(in(out, len, "title\":\"") && !in(out, len, "finance"),
          "with 5: the keys, not a phrase of 4 articles");
    len = ns_zdict_build(texts, lens, n, 3, out, 30);
    CHECK(len <= 30, "the dictionary keeps to its size");
    CHECK(ns_zdict_min_docs(5) == 3 && ns_zdict_min_docs(1000) == 10,
          "at least 3 articles, 1% of a full sample");
}

/* What a rebuild can hand over: no articles, fewer than MIN_DOCS (an
 * index of one or two), one word over and over, words longer than the
 * dictionary.  None may read or sort what is not there. */
static void test_degenerate(void)
{
    char out[64];
    CHECK(ns_zdict_build(NULL, NULL, 0, 3, out, sizeof out) == 0,
          "no articles: nothing");
    const char *one[] = {"{\"id\":\"a\",\"body\":\"Only one story\"}",
                         "{\"id\":\"b\",\"body\":\"Only one story\"}"};
    size_t lens[4] = {strlen(one[0]), strlen(one[1])};
    CHECK(ns_zdict_build(one, lens, 1, ns_zdict_min_docs(1), out,
                         sizeof out) == 0,
          "one article: nothing");
    CHECK(ns_zdict_build(one, lens, 2, ns_zdict_min_docs(2), out,
                         sizeof out) == 0,
          "two alike, fewer than 3: nothing");
    const char *empty[] = {"", "", ""};
    size_t zero[3] = {0, 0, 0};
    CHECK(ns_zdict_build(empty, zero, 3, 3, out, sizeof out) == 0,
          "empty articles: nothing");
    std::string same;
    for (int i = 0; i < 5000; i++)
        same += "again ";
    const char *rep[] = {same.c_str(), same.c_str(), same.c_str()};
    size_t rl[3] = {same.size(), same.size(), same.size()};
    char big[1024];
    size_t len = ns_zdict_build(rep, rl, 3, 3, big, sizeof big);
    CHECK(len > 0 && len <= 256 && in(big, len, "again again "),
          "one word repeated: a run of it, no longer than a run may be");
    std::string huge(100000, 'x');
    const char *hw[] = {huge.c_str(), huge.c_str(), huge.c_str()};
    size_t hl[3] = {huge.size(), huge.size(), huge.size()};
    CHECK(ns_zdict_build(hw, hl, 3, 3, big, sizeof big) == 0,
          "a word longer than the dictionary: left out");
}

static void add(ns_index_t *idx, const char *id, const char *body)
{
    ns_article_t a;
    memset(&a, 0, sizeof a);
    a.id = (char *)id;
    a.title = (char *)"A story of the archive";
    a.body = (char *)body;
    CHECK(ns_index_add(idx, &a, NULL, NULL) == NS_STATUS_OK, "added");
}

/* Give IDX an older dictionary: the stored JSON of IDS, verbatim, with no
 * form recorded; then store those articles again against it. */
static int make_old(ns_index_t *idx, char **ids, int n)
{
    std::string dict;
    ns_article_t *arts = new ns_article_t[n];
    for (int i = 0; i < n; i++) {
        if (ns_index_get(idx, ids[i], &arts[i]) != NS_STATUS_OK)
            return 1;
        char *json = ns_article_to_json(&arts[i]);
        dict += json;
        free(json);
    }
    idx->wdb->set_metadata(META_ZDICT, dict);
    idx->wdb->set_metadata(META_ZDICT_FORM, "");
    idx->zdict = dict;
    prime(idx);
    for (int i = 0; i < n; i++) {
        int found;
        ns_index_delete(idx, ids[i], &found);
        ns_index_add(idx, &arts[i], NULL, NULL);
        ns_article_clear(&arts[i]);
    }
    delete[] arts;
    return 0;
}

static void test_older(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/old", tl_tmpdir());
    ns_index_t *idx;
    CHECK(ns_index_open(path, NS_OPEN_WRITE, &idx, NULL) == NS_STATUS_OK,
          "open");
    const char *held = "Councillor Ingrid Vasquez-Holm resigned on Friday "
                       "after the audit of the harbour fund.";
    add(idx, "held", held);
    add(idx, "other", "The ferry timetable changes in May, with two more "
                      "crossings on Sundays.");
    char *ids[] = {(char *)"held"};
    CHECK(make_old(idx, ids, 1) == 0, "an older dictionary made");
    int holds = -1;
    CHECK(ns_index_dictionary_holds(idx, "held", NULL, &holds) ==
                  NS_STATUS_OK && holds == 1,
          "an article of the older dictionary's sample: held");
    ns_article_t a;
    CHECK(ns_index_get(idx, "held", &a) == NS_STATUS_OK &&
              strcmp(a.body, held) == 0,
          "and stored against it");
    CHECK(ns_index_dictionary_holds(idx, "held", &a, &holds) ==
                  NS_STATUS_OK && holds == 0,
          "a copy that keeps the text takes none out");
    free(a.body);
    a.body = strdup("Councillor resigned on Friday.");
    CHECK(ns_index_dictionary_holds(idx, "held", &a, &holds) ==
                  NS_STATUS_OK && holds == 1,
          "a correction that takes the text out: held");
    ns_article_clear(&a);
    CHECK(ns_index_dictionary_holds(idx, "other", NULL, &holds) ==
                  NS_STATUS_OK && holds == 0,
          "an article not in the sample: not held");
    CHECK(ns_index_dictionary_holds(idx, "nosuch", NULL, &holds) ==
                  NS_STATUS_OK && holds == 0,
          "an id the index does not have: not held");
    const char *dict = "\",\"body\":\"The ";
    CHECK(ns_index_set_dictionary(idx, dict, strlen(dict)) == NS_STATUS_OK,
          "a dictionary of shared pieces set");
    CHECK(idx->wdb->get_metadata(META_ZDICT_FORM) == "2", "marked as such");
    ns_index_close(idx);
}

int main(int argc, char **argv)
{
    if (argc >= 3) {
        ns_index_t *idx;
        if (ns_index_open(argv[1], NS_OPEN_WRITE, &idx, NULL) != NS_STATUS_OK)
            return 1;
        int rc = make_old(idx, argv + 2, argc - 2);
        if (ns_index_close(idx) != NS_STATUS_OK)
            rc = 1;
        return rc;
    }
    test_selection();
    test_degenerate();
    test_older();
    return tl_done();
}
