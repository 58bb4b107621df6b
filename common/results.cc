/* results.cc - What a search returns, read through the public API
 * (ns.h): its hits, totals, related posts, facets and notes, and freeing
 * it.  The results are filled by search.cc, related.cc and facets.cc. */
#include "index-private.h"

size_t ns_results_related_count(const ns_results_t *res)
{
    return res->related.size();
}

const ns_related_t *ns_results_related(const ns_results_t *res, size_t i)
{
    return i < res->related.size() ? &res->related[i] : nullptr;
}

size_t ns_results_count(const ns_results_t *res)
{
    return res->hits.size();
}

const ns_hit_t *ns_results_hit(const ns_results_t *res, size_t i)
{
    return i < res->hits.size() ? &res->hits[i] : nullptr;
}

uint64_t ns_results_total(const ns_results_t *res)
{
    return res->total;
}

int ns_results_total_exact(const ns_results_t *res)
{
    /* A cluster's total without a shard's matches is not the archive's. */
    return res->total_exact && res->missing.empty();
}

int ns_results_has_more(const ns_results_t *res)
{
    /* A count (limit 0) has no next page: offset + limit asks for the
     * same count again, so a loop on has_more would never end. */
    return res->has_more && res->limit > 0;
}

unsigned ns_results_offset(const ns_results_t *res)
{
    return res->offset;
}

unsigned ns_results_limit(const ns_results_t *res)
{
    return res->limit;
}

double ns_results_took_ms(const ns_results_t *res)
{
    return res->took_ms;
}

int ns_results_timed_out(const ns_results_t *res)
{
    return res->timed_out ? 1 : 0;
}

size_t ns_results_missing_count(const ns_results_t *res)
{
    return res->missing.size();
}

unsigned ns_results_missing(const ns_results_t *res, size_t i)
{
    return i < res->missing.size() ? res->missing[i] : 0;
}

const char *ns_results_suggestion(const ns_results_t *res)
{
    return res->suggestion.empty() ? nullptr : res->suggestion.c_str();
}

int ns_results_suggestion_used(const ns_results_t *res)
{
    return res->suggestion_used;
}

const char *ns_results_warning(const ns_results_t *res)
{
    return res->warning.empty() ? nullptr : res->warning.c_str();
}

int ns_results_has_facets(const ns_results_t *res)
{
    return res->facets_asked;
}

unsigned ns_results_facets_asked(const ns_results_t *res)
{
    return res->facets_mask;
}

int ns_results_facets_collapsed(const ns_results_t *res)
{
    return res->facets_collapsed;
}

size_t ns_results_facet_count(const ns_results_t *res, unsigned i)
{
    return i < NS_FACET_KINDS ? res->facet_values[i].size() : 0;
}

const ns_facet_value_t *ns_results_facet(const ns_results_t *res, unsigned i,
                                         size_t k)
{
    if (i >= NS_FACET_KINDS || k >= res->facet_values[i].size())
        return nullptr;
    return &res->facet_values[i][k];
}

size_t ns_results_facet_left_out(const ns_results_t *res, unsigned i,
                                 uint64_t *count)
{
    if (count)
        *count = i < NS_FACET_KINDS ? res->facet_left_count[i] : 0;
    return i < NS_FACET_KINDS ? res->facet_left_values[i] : 0;
}

int ns_results_facets_exact(const ns_results_t *res)
{
    return res->facets_exact;
}

uint64_t ns_results_facets_counted(const ns_results_t *res)
{
    return res->facets_counted;
}

const char *ns_results_facets_unavailable(const ns_results_t *res)
{
    return res->facets_unavailable.empty() ? nullptr
                                           : res->facets_unavailable.c_str();
}

const char *ns_results_facet_unavailable(const ns_results_t *res, unsigned i)
{
    return i < NS_FACET_KINDS && !res->facet_unavailable[i].empty()
               ? res->facet_unavailable[i].c_str()
               : nullptr;
}

void ns_results_free(ns_results_t *res)
{
    if (!res)
        return;
    for (auto &a : res->arts)
        ns_article_clear(&a);
    for (auto &a : res->related_arts)
        ns_article_clear(&a);
    delete res;
}
