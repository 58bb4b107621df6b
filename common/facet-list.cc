/* facet-list.cc - A facet's counted values as the results list them:
 * which are kept when there are too many, and in what order. */
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "facet-column.h"

using namespace libns;

/* The values of facet F listed in RES from its TALLY (counts times
 * SCALE).  Years and decades are listed whole: an archive spans a few hundred at
 * most, and cutting them left out whole centuries (a long archive's
 * oldest years, each rarer than any recent one, or the other way round).
 * Another facet with more than NS_FACET_MAX_VALUES values keeps the
 * largest (ties: newest month, or by name), as a search engine's terms
 * aggregation does, and RES says how many values were left out and what
 * their counts add up to: a listing is never cut without saying so.
 * Years and months are then shown newest first. */
void libns::list_facet(ns_results_t *res, unsigned f,
                       const std::vector<Tally> &tally, double scale)
{
    std::vector<Tally> list;
    for (const Tally &t : tally)
        if (t.count)
            list.push_back(t);
    const bool by_time = (1u << f) == NS_FACET_YEAR ||
                         (1u << f) == NS_FACET_MONTH ||
                         (1u << f) == NS_FACET_DECADE;
    auto largest = [by_time](const Tally &a, const Tally &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return by_time ? a.shown > b.shown : a.shown < b.shown;
    };
    res->facet_left_values[f] = 0;
    res->facet_left_count[f] = 0;
    const bool whole =
        (1u << f) == NS_FACET_YEAR || (1u << f) == NS_FACET_DECADE;
    if (!whole && list.size() > NS_FACET_MAX_VALUES) {
        std::nth_element(list.begin(), list.begin() + NS_FACET_MAX_VALUES,
                         list.end(), largest);
        double left = 0;
        for (size_t k = NS_FACET_MAX_VALUES; k < list.size(); k++)
            left += list[k].count;
        res->facet_left_values[f] = list.size() - NS_FACET_MAX_VALUES;
        res->facet_left_count[f] = (uint64_t)std::llround(left * scale);
        list.resize(NS_FACET_MAX_VALUES);
    }
    std::sort(list.begin(), list.end(),
              [by_time, largest](const Tally &a, const Tally &b) {
                  return by_time ? a.shown > b.shown : largest(a, b);
              });
    std::vector<std::string> &text = res->facet_text[f];
    std::vector<ns_facet_value_t> &values = res->facet_values[f];
    text.clear();
    values.clear();
    for (const Tally &t : list)
        text.push_back(t.shown);
    /* Pointers only once TEXT stops growing. */
    for (size_t k = 0; k < list.size(); k++)
        values.push_back(ns_facet_value_t{
            text[k].c_str(), (uint64_t)std::llround(list[k].count * scale)});
}
