/* facet-column.h - The facet slot of every article held in memory
 * (facet-column.cc), read by the facet counter (facets.cc), and the
 * counts it lists (facet-list.cc). */
#ifndef NS_FACET_COLUMN_H
#define NS_FACET_COLUMN_H

#include <string>
#include <string_view>
#include <vector>

#include "index-private.h"

namespace libns
{

/* The facet slot of every article, held in memory by a handle that has
 * been asked facets twice within one revision of the index (as search
 * engines hold "doc values" for aggregations): the spy then looks the
 * slot up by docid instead of reading it from the value stream, whose
 * chunks are scanned from their start for every match (about half of
 * what counting cost on the 100k archive).  Made by one pass over the
 * slot's value stream, 12 bytes per docid; not made past COLUMN_MAX
 * docids, on a cluster or on a writer. */
const uint32_t NO_VALUE = UINT32_MAX;

struct FacetColumn {
    uint64_t rev = 0;
    unsigned asked = 0;
    bool made = false, too_big = false;
    std::vector<uint32_t> value; /* by docid: a distinct slot, or NO_VALUE */
    std::vector<uint64_t> group; /* by docid: story group, 0: none */
    /* Distinct slot I (without its group) holds the values KEYS[KEYS_AT[I]
     * .. KEYS_AT[I + 1]), each facet << 24 | its index in RAW[facet]. */
    std::vector<uint32_t> keys_at, keys;
    std::vector<std::string> raw[NS_FACET_KINDS];
};

/* The decade ("1960s") of a facet slot's month or year YM, at least four
 * characters long: what the decade facet counts and `date:1960s` filters. */
inline std::string decade_of(std::string_view ym)
{
    return std::string(ym.substr(0, 3)) + "0s";
}

/* The story group key (16 hex digits, collapse.cc) at POS of facet slot
 * V, N long, as a number (0: none): no string to allocate per match. */
inline uint64_t group_id(const std::string &v, size_t pos, size_t n)
{
    uint64_t id = 0;
    for (size_t i = pos; i < pos + n; i++) {
        char c = v[i];
        id = id << 4 | (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return id;
}

/* IDX's facet column, or null while there is none (made on the second
 * ask of a revision). */
const FacetColumn *facet_column(ns_index_t *idx);

/* One value of a facet: how it is shown (the first spelling met), its
 * count (scaled when sampled), and what the stretch being counted added
 * to it (see Counter::commit). */
struct Tally {
    std::string shown;
    double count = 0;
    uint64_t fresh = 0;
};

/* facet-list.cc: the values of facet F listed in RES from its TALLY
 * (counts times SCALE). */
void list_facet(ns_results_t *res, unsigned f, const std::vector<Tally> &tally,
                double scale);

} // namespace libns

#endif
