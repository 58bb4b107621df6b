/* totals.cc - The total of a page whose matches Xapian did not all count.
 *
 * A ranked page counts the matches only as far as it must: at least
 * PAGE_COUNT_MIN without collapsing, PAGE_COUNT_COLLAPSED with (search.cc).
 * Past that, Xapian's MSet gives an estimate that was wrong where users
 * read it:
 *
 *  - it takes the words and filters of a query for independent, so a
 *    filter that goes with a word is many times under: on Reuters,
 *    `section:earn profit` said about 300 for 1,051 matches and
 *    `section:acq shares` 500 for 1,135;
 *  - it is rounded to one figure of the distance between its bounds, so
 *    `oil` said 1,000 for 1,488 stories and `said` 10,000 for 14,800,
 *    though Xapian knew both words' article counts exactly.
 *
 * So, as Elasticsearch counts up to 10,000 matches before it says "at
 * least": a second match counts the articles, unranked (BoolWeight: no
 * weights, no collapsing, docid order), up to COUNT_MAX; at 100,000
 * articles that costs about 0.1 ms a thousand matches.  Collapsed, the
 * total counts story groups, and counting groups reads a value per match
 * (five to seven times dearer than counting), so the groups are the
 * articles counted times the share of distinct groups among the first
 * SHARE_SAMPLE of them.  Those are consecutive in the archive, as a
 * story's versions are, so a story is rarely split by the sample's end.
 * (The ranked match's own candidates are no sample: past its first ranks
 * it looks only at those that can still rank, often a story's later
 * version without the one before.)  That total is an estimate, and says
 * so, but unrounded: Reuters' 570 bench queries with an estimated total
 * went from 411 within 25% of the exact count to 564. */
#include <algorithm>
#include <unordered_set>

#include "index-private.h"

namespace libns
{

/* Matches counted exactly: above it, Xapian's estimate from as many. */
static const Xapian::doccount COUNT_MAX = 10000;
/* Matches whose story groups give the share of distinct stories. */
static const Xapian::doccount SHARE_SAMPLE = 200;

namespace
{
/* The groups of the first SHARE_SAMPLE matches Xapian counts. */
struct GroupShare : public Xapian::MatchSpy {
    Xapian::doccount docs = 0, groups = 0;
    std::unordered_set<std::string> keys;
    void operator()(const Xapian::Document &doc, double) override
    {
        if (docs == SHARE_SAMPLE)
            return;
        docs++;
        std::string key = doc.get_value(SLOT_GROUP);
        if (key.empty() || keys.insert(std::move(key)).second)
            groups++;
    }
};
} // namespace

void page_total(Xapian::Enquire &count, const Xapian::MSet &ranked,
                bool collapse, Xapian::doccount rank_all, uint64_t *total,
                bool *exact)
{
    Xapian::doccount lo = ranked.get_uncollapsed_matches_lower_bound();
    Xapian::doccount hi = ranked.get_uncollapsed_matches_upper_bound();
    bool docs_exact = lo == hi;
    double docs = docs_exact ? lo : ranked.get_uncollapsed_matches_estimated();
    /* Counting is worth it only where it may reach the end. */
    bool counting = !docs_exact && lo < COUNT_MAX && docs < 2.0 * COUNT_MAX;
    GroupShare share;
    if (counting || collapse) {
        count.set_weighting_scheme(Xapian::BoolWeight());
        count.set_collapse_key(Xapian::BAD_VALUENO);
        if (collapse)
            count.add_matchspy(&share);
        Xapian::MSet m =
            count.get_mset(0, 0, counting ? COUNT_MAX : SHARE_SAMPLE);
        count.clear_matchspies();
        if (counting) {
            docs_exact =
                m.get_matches_lower_bound() == m.get_matches_upper_bound();
            docs = docs_exact ? m.get_matches_lower_bound()
                              : m.get_matches_estimated();
        }
    }
    docs = std::min(std::max(docs, (double)lo), (double)hi);
    if (!collapse) {
        *total = (uint64_t)docs;
        *exact = docs_exact;
        return;
    }
    /* Counted, the articles are few: their groups are counted too, all
     * of them collapsed in one unranked match, so that the total is exact
     * and the same on every page, as Xapian's bounds (which count an AND
     * or a filter as if it could match all its rarer side) could not
     * say: on Reuters, "oil date:1987-03" has 829 matches and its
     * bounds went past 1,000. */
    if (docs_exact && docs <= rank_all) {
        count.set_collapse_key(SLOT_GROUP);
        /* One more than there can be: a full MSet leaves its bounds open. */
        Xapian::MSet all = count.get_mset(0, (Xapian::doccount)docs + 1);
        if (all.get_matches_lower_bound() == all.get_matches_upper_bound()) {
            *total = all.get_matches_lower_bound();
            *exact = true;
            return;
        }
    }
    double est = share.docs ? docs * share.groups / share.docs + 0.5 : docs;
    /* Within what Xapian knows for certain of the groups. */
    est = std::max(est, (double)ranked.get_matches_lower_bound());
    est = std::min(est, (double)ranked.get_matches_upper_bound());
    *total = (uint64_t)est;
    *exact = false;
}

} // namespace libns
