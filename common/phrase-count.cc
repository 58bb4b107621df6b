/* phrase-count.cc - Counting the matches of a phrase or NEAR query on an
 * index without positions, where the count is what was asked for.
 *
 * A page of a phrase checks its candidates in rank order only until the
 * page is full (search.cc, checked_page), and its total is the candidate
 * estimate times the pass rate of a sample of 20: on Reuters, BBC News and
 * TIME `"said it" -n 0` said 10,500 stories for 7,145, and `"per cent"`
 * 189 stories but 73 articles, for 171 and 173.  So `-n 0` checks the
 * candidates themselves, unranked in docid order inside one match (the
 * pair signature first, then the text), up to COUNT_CHECKED of them and a
 * time budget, and counts the story groups of those that pass as
 * totals.cc counts a word's.  The facets of such a query are counted over
 * the matches that pass the same check (facets.cc). */
#include <algorithm>
#include <chrono>

#include "index-private.h"

using namespace libns;

/* Candidates checked before the rest is estimated: as many as totals.cc
 * counts for a count asked for. */
static const size_t COUNT_CHECKED = 25000;
/* Time the check of a count may take before the rest is estimated. */
static const double COUNT_SECONDS = 5.0;

libns::PhraseCheck::PhraseCheck(const ns_index_t *idx, const Xapian::Query &q,
                                size_t most, double seconds, bool keep)
    : idx_(idx), q_(q), signature_(idx, q), most_(most), keep_(keep),
      end_(std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(
               std::chrono::duration<double>(seconds)))
{
}

bool libns::PhraseCheck::operator()(const Xapian::Document &doc) const
{
    /* The clock is read every 32 checks: a text check costs 10-40 us. */
    if (!stopped && (checked >= most_ ||
                     (checked % 32 == 0 &&
                      std::chrono::steady_clock::now() >= end_)))
        stopped = true;
    if (stopped) {
        unchecked++;
        return pass_unchecked_;
    }
    checked++;
    if (!signature_(doc))
        return false;
    ns_article_t art;
    bool bad;
    const Xapian::docid did = doc.get_docid();
    if (!check_phrases(idx_, q_, did, doc, &art, &bad)) {
        damaged += bad;
        return false;
    }
    ns_article_clear(&art);
    passed++;
    if (keep_)
        dids.push_back(did);
    return true;
}

double libns::PhraseCheck::rate() const
{
    /* Laplace's rule, as phrase_total takes a sample's share. */
    return (double)(passed + 1) / (double)(checked + 2);
}

void libns::phrase_count(const ns_index_t *idx, const Xapian::Query &q,
                         const Xapian::Query &run, bool collapse,
                         double seconds, uint64_t *total, bool *exact,
                         size_t *damaged)
{
    const Xapian::Database &db = *idx->db;
    Xapian::Enquire enq(db);
    enq.set_query(run);
    enq.set_weighting_scheme(Xapian::BoolWeight());
    /* The candidates, without the check: Xapian counts them up to
     * COUNT_CHECKED and estimates past that. */
    Xapian::MSet all = enq.get_mset(0, 0, (Xapian::doccount)COUNT_CHECKED);
    const double candidates = all.get_matches_estimated();
    /* Those past the cap or the budget are let through unchecked, so
     * that Xapian stops at its count as it did above. */
    PhraseCheck check(idx, q, COUNT_CHECKED,
                      std::min(seconds, COUNT_SECONDS), collapse);
    check.pass_unchecked_ = true;
    Xapian::MSet m = enq.get_mset(0, 0, (Xapian::doccount)COUNT_CHECKED,
                                  nullptr, &check);
    *damaged = check.damaged;
    const bool ended =
        m.get_matches_lower_bound() == m.get_matches_upper_bound();
    const bool whole = ended && check.unchecked == 0;
    double articles = (double)check.passed;
    if (!whole)
        articles += std::max(0.0, candidates - (double)check.checked) *
                    check.rate();
    uint64_t stories = check.passed;
    if (collapse && check.passed)
        stories = count_groups(db, check.dids);
    *exact = whole;
    if (whole) {
        *total = collapse ? stories : check.passed;
        return;
    }
    /* The stories: the articles times the share of distinct stories among
     * those that passed, so never more than the articles. */
    double est = articles;
    if (collapse && check.passed)
        est = articles * (double)stories / (double)check.passed;
    *total = std::max((uint64_t)(est + 0.5), collapse ? stories : check.passed);
}
