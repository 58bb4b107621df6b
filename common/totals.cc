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
 * weights, no collapsing, docid order): up to COUNT_ALL, and collapsed
 * their story groups too (FirstMatches), when the count is what was asked
 * for (limit 0) or the query is filters alone; else up to COUNT_PAGE where
 * that may reach the end, the groups estimated as below.  Counting costs about
 * 0.07 us a match, the groups about 0.3 us more (the 21,577 Reuters articles of
 * 1987: 1.5 ms, and 6 ms with their 20,729 stories, CPU time).  Within
 * COUNT_ALL the total is then exact whatever the query's shape: an OR of
 * one word's stems in two languages, or of a filter's per-language
 * branches, has bounds that never meet, and Xapian's estimate of it moved
 * with the page (`said` on BBC, Reuters and the samples: 17,381 with a
 * page, 17,393 with limit 0, for 17,393 articles).
 *
 * Past what was counted the articles are Xapian's estimate from the counting
 * match, not from the ranked one, so that it is the same for every page
 * and limit, and the groups are that times the share of distinct groups
 * among the first SHARE_SAMPLE matches.  Those are consecutive in the
 * archive, as a story's versions are, so a story is rarely split by the
 * sample's end.  (The ranked match's own candidates are no sample: past
 * its first ranks it looks only at those that can still rank, often a
 * story's later version without the one before.)  That total is an
 * estimate, and says so, but unrounded: Reuters' 570 bench queries with
 * an estimated total went from 411 within 25% of the exact count to 564
 * when it was made so. */
#include <algorithm>
#include <unordered_set>
#include <vector>

#include "index-private.h"

namespace libns
{

/* Matches counted exactly, with their story groups, for a count asked
 * for or a query of filters alone: above it, Xapian's estimate from as
 * many.  At most about 8 ms of CPU time. */
static const Xapian::doccount COUNT_ALL = 25000;
/* Matches counted for a page of words, where that may reach the end; their
 * stories are estimated from a sample. */
static const Xapian::doccount COUNT_PAGE = 10000;
/* A page's matches whose story groups are all counted. */
static const Xapian::doccount FEW_GROUPS = 1000;
/* Matches whose story groups give the share of distinct stories. */
static const Xapian::doccount SHARE_SAMPLE = 200;

namespace
{
/* The first MOST matches Xapian counts, by docid: their story groups are
 * read afterwards from the slot's value stream, in docid order, where
 * reading each match's value through its Document cost 3 us a match
 * (60 ms for the 21,577 Reuters articles of 1987, twenty times what
 * counting them costs). */
struct FirstMatches : public Xapian::MatchSpy {
    explicit FirstMatches(Xapian::doccount most) : most(most) {}
    Xapian::doccount most;
    std::vector<Xapian::docid> dids;
    void operator()(const Xapian::Document &doc, double) override
    {
        if (dids.size() < most)
            dids.push_back(doc.get_docid());
    }
};
} // namespace

/* An article without a group value is a story of its own, as Xapian never
 * collapses it. */
Xapian::doccount count_groups(const Xapian::Database &db,
                              std::vector<Xapian::docid> &dids)
{
    std::sort(dids.begin(), dids.end());
    std::unordered_set<std::string> keys;
    Xapian::doccount alone = 0;
    Xapian::ValueIterator v = db.valuestream_begin(SLOT_GROUP);
    for (Xapian::docid did : dids) {
        if (v != db.valuestream_end(SLOT_GROUP))
            v.skip_to(did);
        if (v != db.valuestream_end(SLOT_GROUP) && v.get_docid() == did)
            keys.insert(*v);
        else
            alone++;
    }
    return alone + (Xapian::doccount)keys.size();
}

void page_total(const Xapian::Database &db, Xapian::Enquire &count,
                const Xapian::MSet &ranked, bool collapse, bool all,
                uint64_t *total, bool *exact)
{
    Xapian::doccount lo = ranked.get_uncollapsed_matches_lower_bound();
    Xapian::doccount hi = ranked.get_uncollapsed_matches_upper_bound();
    bool docs_exact = lo == hi;
    double docs = lo;
    /* The matches are counted unless Xapian knows how many there are, and
     * their groups unless those are too many to count: then a sample of
     * them is enough. */
    const Xapian::doccount most = all ? COUNT_ALL : COUNT_PAGE;
    const bool counting =
        !docs_exact &&
        (all || (lo < COUNT_PAGE && ranked.get_uncollapsed_matches_estimated() <
                                        2.0 * COUNT_PAGE));
    const bool all_groups = collapse && all && (counting || lo <= most);
    /* A page's stories are counted too where the matches are few (a
     * filter with a word: "oil date:1987-03", 829 matches, bounds past
     * 1,000), so that its total is exact on every page. */
    FirstMatches first(all_groups ? most + 1 : FEW_GROUPS + 1);
    if (counting || collapse) {
        count.set_weighting_scheme(Xapian::BoolWeight());
        count.set_collapse_key(Xapian::BAD_VALUENO);
        if (collapse)
            count.add_matchspy(&first);
        Xapian::MSet m =
            count.get_mset(0, 0,
                           counting || all_groups           ? most
                           : docs_exact && lo <= FEW_GROUPS ? lo
                                                            : SHARE_SAMPLE);
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
    const Xapian::doccount seen = (Xapian::doccount)first.dids.size();
    const Xapian::doccount groups = seen ? count_groups(db, first.dids) : 0;
    /* Every match seen: every group counted. */
    if (docs_exact && seen == docs) {
        *total = groups;
        *exact = true;
        return;
    }
    double est = seen ? docs * groups / seen + 0.5 : docs;
    /* Within what Xapian knows for certain of the groups. */
    est = std::max(est, (double)ranked.get_matches_lower_bound());
    est = std::min(est, (double)ranked.get_matches_upper_bound());
    *total = (uint64_t)est;
    *exact = false;
}

} // namespace libns
