/* search-page.cc - A page of one search: as Xapian ranks it, or of the
 * candidates that pass the phrase check when the index has no positions
 * (search.cc runs the query and fills the hits). */
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "search-page.h"

using namespace libns;

/* Matches counted exactly before a total may be an estimate.  Xapian's
 * estimate grows with how far the match ran: without a floor the samples'
 * "Azure surveillance" reported 20 at offset 0 and 17 at offset 10. */
static const Xapian::doccount PAGE_COUNT_MIN = 1000;
/* The first match's floor when collapsing: a counted match then costs a
 * value lookup and a group comparison, and counting 1,000 in every query
 * doubled the median query time on Reuters (p50 1.1 -> 2.3-2.8 ms); under
 * PAGE_COUNT_MIN matches the query is ranked whole again (plain_page). */
static const Xapian::doccount PAGE_COUNT_COLLAPSED = 100;

/* A page as Xapian ranks it.  Xapian counts at least one match past the
 * page, so has_more is known, and at least PAGE_COUNT_MIN, so a total
 * under that is exact (past it, see totals.cc); a short page ends the
 * matches, so the total is the hits before it and on it. */
void libns::plain_page(ns_index_t *idx, Xapian::Enquire &enq,
                       const ns_search_opts_t *o, bool blank, Page &page,
                       budget &time, ns_results_t *res)
{
    const Xapian::doccount floor =
        o->collapse ? PAGE_COUNT_COLLAPSED : PAGE_COUNT_MIN;
    /* A count (--limit 0) has no page: it counts from the first match
     * whatever the offset (`oil -n 0 --offset 10` said about 1,000, no
     * page being past the end of 1,597 stories, where offset 0 counted
     * them). */
    const bool count_only = o->limit == 0;
    const Xapian::doccount first = count_only ? 0 : o->offset;
    Xapian::doccount want = first + o->limit + 1;
    page.ms = enq.get_mset(first, o->limit, want > floor ? want : floor);
    time.over();
    for (auto it = page.ms.begin(); it != page.ms.end(); ++it)
        page.shown.push_back(it);
    Xapian::MSet counted = page.ms;
    /* Past the last match Xapian's bounds count the skipped offset, not
     * the matches: count them again, as far as the page looked (collapsed,
     * ranked, as below), for the last page's exact total; past HTTP's
     * deepest page, as the first page counts. */
    const bool past_end = page.shown.empty() && o->offset && !count_only;
    if (past_end)
        counted = want > 10000 + 100 + 1 ? enq.get_mset(0, 0, floor)
                  : o->collapse          ? enq.get_mset(0, want)
                                         : enq.get_mset(0, 0, want);
    /* Collapsing, Xapian counts groups exactly only among the ranks it
     * returns: with under PAGE_COUNT_MIN matches, rank them all to count
     * them (a second match, for those queries only), so that the total
     * is exact and the same on every page, as without collapsing. */
    Xapian::doccount all = counted.get_uncollapsed_matches_upper_bound();
    if (o->collapse &&
        counted.get_matches_lower_bound() !=
            counted.get_matches_upper_bound() &&
        all <= PAGE_COUNT_MIN)
        counted = enq.get_mset(0, all + 1); /* full, it leaves bounds open */
    Xapian::doccount lower = counted.get_matches_lower_bound();
    Xapian::doccount upper = counted.get_matches_upper_bound();
    uint64_t seen = (uint64_t)o->offset + page.shown.size();
    res->total_exact = lower == upper;
    res->total = res->total_exact ? lower : counted.get_matches_estimated();
    if (!res->total_exact && !past_end && !idx->cluster && !time.over()) {
        Xapian::Enquire count(*idx->db);
        count.set_query(enq.get_query());
        /* Every match is counted, stories and all, where the count is
         * what was asked for (--limit 0) or the query is filters alone
         * (no weight to rank by: a listing whose total a researcher adds
         * up); a page of words takes the cheaper estimate (0.7 ms more a
         * query at the median on Reuters and BBC News when every page
         * counted them all). */
        const bool filters_alone = blank || page.ms.get_max_possible() == 0;
        page_total(*idx->db, count, page.ms, o->collapse,
                   o->limit == 0 || filters_alone, &res->total,
                   &res->total_exact);
        time.over();
    }
    /* An estimate is never more than the archive holds: `lang=en` said
     * 23,625 stories of an archive of 22,907. */
    uint64_t stories;
    if (!res->total_exact && o->collapse && story_count(idx, &stories) &&
        res->total > stories)
        res->total = stories;
    res->has_more = lower > seen;
    /* A short page, or a full one with no match after it (Xapian counted
     * one past the page), ends the matches: the total is the hits before
     * it and on it.  A last page that filled its limit kept the estimate
     * (samples and BBC News: `said -n 7 --offset 1813` said about 1,842
     * where -n 8 said 1,820), and the pages did not add up to it. */
    if ((page.shown.size() < o->limit || !res->has_more) &&
        (page.shown.size() || !o->offset)) {
        res->total = seen;
        res->total_exact = true;
    }
    if (!page.shown.empty() && res->total < seen)
        res->total = seen;
}

/* Said once when a hit's stored article cannot be read: no failed search;
 * but one cut short by a writer (moved_on) is the search again. */
void libns::note_damaged(ns_index_t *idx, ns_results_t *res)
{
    if (moved_on(idx))
        throw Xapian::DatabaseModifiedError("the index changed during a read");
    add_warning(res, "a stored article could not be read and was left out");
}

/* Candidates a phrase page checks all of, when there are no more. */
static const size_t PHRASE_COUNT_ALL = 100;
/* Candidates a phrase page fetches with Xapian's collapse, at most; and
 * at least, once it fetches again without it.  Without the collapse a
 * match scores every candidate whatever the MSet's size: 2,000 cost little
 * more than 101 (a two-word phrase of common words at a million articles,
 * warm: 13.9 ms against 12.4), where a second refetch is a whole match. */
static const size_t PHRASE_COLLAPSED_FETCH = 2000;
/* Candidates checked between two looks at whether the pair signature
 * would filter the rest of a large fetch more cheaply. */
static const size_t PHRASE_LOOK_AGAIN = 100;

/* A page of the candidates that pass the phrase check of Q, found by
 * fetching ever more candidates in rank order until one more than the
 * page has passed (so has_more is known), or the candidates run out, or
 * the time budget ends.  Nothing else stops it: a page is never short
 * while matches remain (pair terms, pairs.cc, keep the candidates of
 * phrases of common words few).  Each refetch runs the match again and
 * goes on from where the last one stopped (a larger MSet of the same
 * query starts with the same ranks), so it asks at once for what the pass
 * rate says the page needs.
 *
 * Story groups.  With group terms (collapse.cc) the page is collapsed
 * here, after the check: candidates are ranked without Xapian's collapse,
 * only those that pass have their group read, a group is shown by its
 * best copy with the phrase, and the hits' copies are found by their
 * group terms in one query (fill_also).  Collapsing in the match cost a
 * second match whenever a candidate without the phrase had copies folded
 * into it (one may have it), a third of the phrases at a million
 * articles, and a collapsed match is dearer: without it the phrases' p50
 * there went from 9.4 to 6.3 ms, p90 from 19.5 to 13.9, the same hits.  An
 * older index (groups looked up by title words, 80 ms for "text record")
 * collapses in the match until PHRASE_COLLAPSED_FETCH or such a fold,
 * then here, a hit listing the copies that passed among those checked.
 * A cluster collapses in the match: a value is a round trip to a shard. */
void libns::checked_page(ns_index_t *idx, Xapian::Enquire &enq,
                         const Xapian::Query &q, const ns_search_opts_t *o,
                         Page &page, budget &time, ns_results_t *res)
{
    /* The count asked for: the candidates checked in docid order, not a
     * page's sample (phrase-count.cc).  A cluster's shards run no match
     * decider. */
    if (o->limit == 0 && !idx->cluster) {
        size_t damaged = 0;
        phrase_count(idx, q, enq.get_query(), o->collapse != 0,
                     std::max(0.0, time.left()), &res->total,
                     &res->total_exact, &damaged);
        if (damaged)
            note_damaged(idx, res);
        res->has_more = res->total > o->offset;
        time.over();
        return;
    }
    size_t want = (size_t)o->offset + o->limit;
    size_t fetch = want * 2 + 20;
    if (fetch < PHRASE_COUNT_ALL + 1)
        fetch = PHRASE_COUNT_ALL + 1;
    size_t checked = 0, passed = 0;
    std::vector<Xapian::docid> kept;
    Xapian::MSet &ms = page.ms;
    if (o->collapse && group_terms(idx)) {
        enq.set_collapse_key(Xapian::BAD_VALUENO);
        page.own_groups = true;
        fetch = std::max(fetch, PHRASE_COLLAPSED_FETCH);
    }
    /* Group key -> its hit on the page (0: counted before the page). */
    std::unordered_map<std::string, Xapian::docid> groups;
    /* Candidates that failed the check: a new ranking (below) checks its
     * candidates from the first again. */
    std::unordered_set<Xapian::docid> failed;
    /* The pair signature inside the match (phrase.cc), once the first
     * fetch has not filled the page: the matcher then asks it of every
     * candidate, where a phrase with many matches fills its page from the
     * first few in rank order.  Not through the remote protocol, which
     * carries no match decider. */
    static const bool off = getenv("NSEARCH_NO_PAIR_SIGNATURE") != nullptr;
    SignatureFilter filter(idx, q);
    const Xapian::MatchDecider *decider = nullptr;
    /* Which is cheaper for the rest: the text of the candidates the pass
     * rate so far says the page needs, or the signature of every candidate
     * inside the match (and the match again, unless it runs again anyway)?
     * A phrase of common words that often meet fills its page from the
     * text; one that rarely does ("registration securities": 9,454
     * candidates, 1 match) is filtered by the match.  The text checks and
     * the match are timed as they run, so a cold cache, which makes the
     * texts dear, counts; a signature inside the match costs about 2.5 us,
     * the match included (1.7-3.2 us measured on the million-article
     * archive, warm: a part of the signature read in docid order).  The pass
     * rate is (passed + 1) / (checked + 2), Laplace's rule of succession: a
     * first candidate without the phrase, or none checked yet, says little, and
     * deciding on a rate of 0 once sent "match every" (570 matches of its
     * 10,000 candidates) to the filter at 53 ms where the text took 21. */
    static const double SIGNATURE_S = 2.5e-6, TEXT_S = 40e-6;
    size_t texts = 0;   /* text checks made (not the failed skipped) */
    double text_s = 0;  /* and their time */
    double match_s = 0; /* the last match's time */
    auto need = [&] {
        double rate = checked ? (double)passed / (double)checked : 0;
        return rate > 0 ? (double)(want + 1 - passed) / rate
                        : (double)ms.get_matches_estimated();
    };
    auto filter_cheaper = [&](bool rematch) {
        if (decider || idx->cluster || off || !filter.useful())
            return false;
        double candidates = ms.get_uncollapsed_matches_estimated();
        double rate = (double)(passed + 1) / (double)(checked + 2);
        double left = std::max(0.0, candidates - (double)checked);
        double by_text = std::min(left, (double)(want + 1 - passed) / rate) *
                         (texts >= 20 ? text_s / (double)texts : TEXT_S);
        return (rematch ? match_s : 0) + candidates * SIGNATURE_S < by_text;
    };
    for (;;) {
        bool fold_here = false, to_filter = false;
        auto began = std::chrono::steady_clock::now();
        ms = enq.get_mset(0, (Xapian::doccount)fetch, 0, nullptr, decider);
        match_s = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - began)
                      .count();
        /* Few candidates: check them all, for the same total on every page. */
        bool all = ms.size() < fetch && ms.size() <= PHRASE_COUNT_ALL;
        /* A large fetch asks again every PHRASE_LOOK_AGAIN candidates
         * whether the signature would do the rest cheaper. */
        size_t look = checked + PHRASE_LOOK_AGAIN;
        for (; checked < ms.size() && (all || passed <= want) && !time.over();
             checked++) {
            if (checked >= look) {
                look = checked + PHRASE_LOOK_AGAIN;
                if ((to_filter = filter_cheaper(true)))
                    break;
            }
            Xapian::MSetIterator it = ms[(Xapian::doccount)checked];
            if (failed.count(*it))
                continue;
            ns_article_t art;
            bool damaged;
            Xapian::Document doc = it.get_document();
            auto began = std::chrono::steady_clock::now();
            bool has = check_phrases(idx, q, *it, doc, &art, &damaged);
            texts++;
            text_s += std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - began)
                          .count();
            if (!has) {
                if (damaged)
                    note_damaged(idx, res);
                failed.insert(*it);
                /* Xapian folded copies into a candidate without the
                 * phrase, and one of them may have it. */
                if (!page.own_groups && o->collapse && !idx->cluster &&
                    it.get_collapse_count() > 0) {
                    fold_here = true;
                    break;
                }
                continue;
            }
            std::string key;
            if (page.own_groups)
                key = doc.get_value(SLOT_GROUP);
            if (!key.empty()) {
                /* A later copy of a story already counted: listed with
                 * its hit when that is on the page. */
                auto g = groups.emplace(key, 0);
                if (!g.second) {
                    if (g.first->second && art.id &&
                        page.also_of[g.first->second].size() < ALSO_MAX)
                        page.also_of[g.first->second].push_back(
                            {art.id, *it, changed_when(&art), date_of(&art)});
                    ns_article_clear(&art);
                    continue;
                }
                if (passed >= o->offset && page.decoded.size() < o->limit) {
                    g.first->second = *it;
                    page.group_of[*it] = key;
                }
            }
            if (passed++ >= o->offset && page.decoded.size() < o->limit) {
                kept.push_back(*it);
                page.decoded.push_back(art);
            } else {
                ns_article_clear(&art);
            }
        }
        bool exhausted = ms.size() < fetch;
        if (!fold_here && !to_filter &&
            (passed > want || exhausted || res->timed_out)) {
            /* All matches seen: an exact count.  Otherwise those that
             * passed, and the rest by the share of a sample that does. */
            res->total_exact = exhausted && checked == ms.size();
            res->total = res->total_exact
                             ? passed
                             : phrase_total(idx, q, ms, checked, passed,
                                            !res->timed_out);
            if (res->total < passed)
                res->total = passed;
            /* One more than the page passed the check, or (out of time)
             * candidates are left unchecked. */
            res->has_more =
                passed > want || (res->timed_out && !res->total_exact);
            break;
        }
        bool rank_again = false;
        if (fold_here) {
            /* The same candidates again, uncollapsed, and more of them;
             * filtered by the signature already when the checks so far
             * say so. */
            enq.set_collapse_key(Xapian::BAD_VALUENO);
            page.own_groups = rank_again = true;
            fetch = std::max(fetch, PHRASE_COLLAPSED_FETCH);
            if (filter_cheaper(false))
                decider = &filter;
        } else {
            const double needed = need();
            if (to_filter || filter_cheaper(false)) {
                decider = &filter;
                rank_again = true;
            }
            /* What the pass rate says the page needs, and half as much
             * again (at least four times the last fetch: a rate from few
             * passes is rough). */
            fetch =
                std::max(fetch * 4, std::min(checked + (size_t)(needed * 1.5),
                                             (size_t)UINT32_MAX / 2));
            if (o->collapse && !idx->cluster && !page.own_groups &&
                fetch > PHRASE_COLLAPSED_FETCH) {
                enq.set_collapse_key(Xapian::BAD_VALUENO);
                page.own_groups = rank_again = true;
            }
            if (!idx->cluster && (page.own_groups || !o->collapse))
                fetch = std::max(fetch, PHRASE_COLLAPSED_FETCH);
        }
        if (rank_again) {
            /* The new ranks are not the ranks checked so far: check again
             * from the first (those that failed are known). */
            checked = passed = 0;
            kept.clear();
            groups.clear();
            page.also_of.clear();
            page.group_of.clear();
            for (ns_article_t &a : page.decoded)
                ns_article_clear(&a);
            page.decoded.clear();
        }
    }
    /* The iterators must come from the final MSet. */
    size_t k = 0;
    for (auto it = ms.begin(); it != ms.end() && k < kept.size(); ++it)
        if (*it == kept[k]) {
            page.shown.push_back(it);
            k++;
        }
}

