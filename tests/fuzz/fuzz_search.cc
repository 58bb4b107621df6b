/* fuzz_search.cc - libFuzzer harness for the query parser and the search
 * path: any bytes as query text, run through ns_search() (limits, parse,
 * fallbacks, phrase checks, snippets, related posts) on a small index
 * built once from samples/ (NSEARCH_SAMPLES, default ./samples), with
 * synonyms of some of their words, as typed or as typed on (partial).  Every
 * input must give a status, never a crash, and never NS_STATUS_INTERNAL. */
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

#include "ns.h"

static ns_index_t *idx;
static char dir[] = "/tmp/nsearch-fuzz-XXXXXX";

/* The index is built in a fresh directory, removed at exit. */
static void cleanup(void)
{
    ns_index_close(idx);
    ns_remove_tree(dir);
}

static void build(void)
{
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    std::string db = std::string(dir) + "/idx";
    const char *samples = getenv("NSEARCH_SAMPLES");
    ns_index_t *w;
    if (ns_index_open(db.c_str(), NS_OPEN_WRITE, &w, nullptr))
        abort();
    ns_reader_t *r;
    if (ns_reader_open(samples ? samples : "samples", &r, nullptr))
        abort();
    ns_article_t a = {};
    int rc;
    while ((rc = ns_reader_next(r, &a)) != 0)
        if (rc > 0) {
            ns_index_add(w, &a, nullptr, nullptr);
            ns_article_clear(&a);
        }
    ns_reader_close(r);
    /* Synonyms of the samples' words, so that queries expand, and entries
     * of several words, read as phrases. */
    FILE *f = fopen((db + "/synonyms").c_str(), "w");
    if (!f)
        abort();
    fputs("Azure, cloud\nsurveillance, spying, snooping\n"
          "flyktning, refugee, asylsøker\nprotest, demonstration\n"
          "UN, United Nations\nEU, the European Union, Brussels\n",
          f);
    fclose(f);
    if (ns_index_close(w) ||
        ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr))
        abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!idx)
        build();
    if (size > 4096) /* nsearchd's limit on q */
        return 0;
    std::string q((const char *)data, size);
    q = q.c_str(); /* the API takes a C string */
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = q.c_str();
    o.related = size & 1 ? 3 : 0;
    o.sort = size & 2 ? NS_SORT_DATE : NS_SORT_RELEVANCE;
    o.partial = size & 4 ? 1 : 0; /* search as you type */
    ns_results_t *res = nullptr;
    ns_status_t st = ns_search(idx, &o, &res);
    if (st == NS_STATUS_INTERNAL) {
        fprintf(stderr, "internal: %s\n", ns_index_last_error(idx));
        abort();
    }
    if (res) {
        char *json = ns_results_to_json(res, q.c_str(), nullptr);
        free(json);
        ns_results_free(res);
    }
    return 0;
}
