/* test_damaged.cc - Whatever is in the index must never fail a whole
 * search: a stored article that cannot be decoded (overwritten here through
 * the writer's own Xapian handle, as no accepted article can produce one)
 * is left out of the page, the other hits stay, and the results' warning
 * says so once.  Checked on the plain search path and on the phrase-check
 * path (the index has no positions, so a phrase decodes each candidate). */
#include "index-private.h"
#include "testlib.h"

#include <string>

using namespace libns;

static void add(ns_index_t *idx, const char *id, const char *title)
{
    ns_article_t a = ns_article_t();
    a.id = (char *)id;
    a.title = (char *)title;
    a.body = (char *)"oil prices rose again in the morning trade";
    a.lang = (char *)"en";
    CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, "add");
}

/* Overwrite the stored data of the article with id ID by DATA. */
static void damage(ns_index_t *idx, const char *id, const std::string &data)
{
    Xapian::docid did;
    CHECK(find_id(*idx->db, id, &did), "find the article to damage");
    Xapian::Document doc = idx->wdb->get_document(did);
    doc.set_data(data);
    idx->wdb->replace_document(did, doc);
}

static void search(ns_index_t *idx, const char *query, size_t want_hits,
                   const char *name)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = query;
    o.related = 0;
    ns_results_t *res = nullptr;
    ns_status_t st = ns_search(idx, &o, &res);
    CHECK(st == NS_STATUS_OK, name);
    if (st != NS_STATUS_OK) {
        fprintf(stderr, "    %s\n", ns_index_last_error(idx));
        return;
    }
    CHECK(ns_results_count(res) == want_hits, name);
    for (size_t i = 0; i < ns_results_count(res); i++) {
        const ns_hit_t *h = ns_results_hit(res, i);
        CHECK(h->rank == i + 1, "ranks stay consecutive");
        CHECK(strcmp(h->art->id, "bad1") && strcmp(h->art->id, "bad2"),
              "a damaged article is never a hit");
        CHECK(h->snippet != nullptr, "snippet");
    }
    const char *w = ns_results_warning(res);
    CHECK(w && strstr(w, "could not be read"), name);
    /* Once, however many hits were damaged. */
    CHECK(w && strstr(w, "could not be read") == strstr(w, "could not"),
          "warning once");
    CHECK(w && !strstr(strstr(w, "could not be read") + 1, "could not be read"),
          "warning said once");
    char *json = ns_results_to_json(res, query, nullptr);
    CHECK(json && strstr(json, "\"warning\""), "warning in the JSON");
    free(json);
    ns_results_free(res);
}

int main(void)
{
    std::string dir = std::string(tl_tmpdir()) + "/idx";
    ns_index_t *idx = nullptr;
    CHECK(ns_index_open(dir.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    add(idx, "good1", "Oil report one");
    add(idx, "bad1", "Oil report two");
    add(idx, "good2", "Oil report three");
    add(idx, "bad2", "Oil report four");
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit");
    /* Not JSON; and a compressed-looking record that does not inflate. */
    damage(idx, "bad1", "{\"id\": ");
    damage(idx, "bad2", std::string(1, ZDICT_MARK) + "not deflate data");
    CHECK(ns_index_commit(idx) == NS_STATUS_OK, "commit the damage");
    ns_index_close(idx);

    CHECK(ns_index_open(dir.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read");
    search(idx, "oil", 2, "plain search keeps the good hits");
    search(idx, "\"oil prices\"", 2, "phrase search keeps the good hits");
    search(idx, "", 2, "blank query keeps the good hits");

    /* An undamaged search has no warning. */
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = "oil";
    ns_results_t *res = nullptr;
    const char *ids[] = {"good1"};
    o.ids = ids;
    o.n_ids = 1;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, "filtered search");
    CHECK(res && ns_results_count(res) == 1, "one hit");
    CHECK(res && !ns_results_warning(res), "no warning without damage");
    ns_results_free(res);
    ns_index_close(idx);
    return tl_done();
}
