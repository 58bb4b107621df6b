/* search.cc - One search: the query run (with phrase checking when the
 * index has no positions), its page, and the related posts of a search.
 * The entry points that retry it and fall back are in search-api.cc. */
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index-private.h"

using namespace libns;

void libns::add_warning(ns_results_t *res, const std::string &msg)
{
    if (!msg.empty() && res->warning.find(msg) == std::string::npos)
        res->warning += (res->warning.empty() ? "" : "; ") + msg;
}

/* TEXT parsed as plain words.  Even without flags a parse can fail (the
 * range processors run on every parse: date:1..2, "Unknown range
 * operation"); then the words are what is left with the syntax taken
 * out, so an unreadable range never fails a search. */
static Xapian::Query as_words(ns_index_t *idx, const std::string &text,
                              unsigned max_expansion)
{
    try {
        return build_query(idx, text, 0, max_expansion);
    } catch (const Xapian::QueryParserError &) {
        std::string words = text;
        for (char &c : words)
            if (!isalnum((unsigned char)c) && !((unsigned char)c & 0x80))
                c = ' ';
        return build_query(idx, words, 0, max_expansion);
    }
}

/* The query text of O as a Xapian query into *OUT; *BLANK when there is
 * none (every article).  A malformed query is the user's typo, not an
 * error: its words are run, with a warning in RES.  Past the limits of
 * limits.cc it is cut down with a warning, or refused (BAD_QUERY). */
static ns_status_t parse_text(ns_index_t *idx, const ns_search_opts_t *o,
                              ns_results_t *res, bool *blank,
                              Xapian::Query *out)
{
    std::string typed, deep;
    const std::string given = bound_depth(o->query ? o->query : "", &deep);
    add_warning(res, deep);
    std::string text =
        typed_text(o->partial ? partial_text(given, idx, true) : given, &typed);
    add_warning(res, typed);
    /* An unclosed quote is a phrase to the end of the query (README), but
     * Xapian's parser reads one after a field name as words:
     * title:"external review found 18 samples, title:"external review"
     * 3, and author:"kari nordmann every Kari and every Nordmann. */
    if (!unclosed_quote_words(text).empty())
        text += '"';
    /* "*" alone is every article, as in Lucene-based site search. */
    *blank = text.find_first_not_of(" \t\r\n*") == std::string::npos;
    if (*blank) {
        *out = match_all();
        return NS_STATUS_OK;
    }
    /* "!!!", "||", "&&": operators of no word.  A pure NOT of nothing
     * listed every article; "||" searched the word "or". */
    if (!has_word(given))
        text.clear();
    QueryBounds b = bound_query(text);
    add_warning(res, b.warning);
    /* After the words are counted: a "wom?n" is one word typed. */
    std::string single;
    b.text = single_wildcards(b.text, *idx->db, &single);
    add_warning(res, single);
    try {
        std::string dates; /* date: values the parse could not read */
        *out = build_query(idx, b.text,
                           query_flags(b.text, PARSE_FLAGS) & ~b.flags_off,
                           b.max_expansion, &dates);
        if (o->partial)
            *out = partial_synonym(*out);
        add_warning(res, dates);
        /* Not as you type: the '*' is ours there, and every short word
         * typed would say so ("ma* matches more than ..." for "e-ma"). */
        if (!b.flags_off && !o->partial)
            add_warning(res, wildcards_cut(*out, *idx->db, b.max_expansion));
    } catch (const Xapian::QueryParserError &e) {
        add_warning(res, "query syntax error (" + e.get_msg() +
                             "); searching for the words instead");
        *out = as_words(idx, b.text, b.max_expansion);
    }
    /* "-", "()", "\"\"", an emoji: nothing Xapian indexes, no match, and
     * no word of why before. */
    if (out->empty())
        add_warning(res, "the query has no word to search");
    std::string why;
    if (query_too_large(*out, why)) {
        idx->error = why;
        return NS_STATUS_BAD_QUERY;
    }
    return NS_STATUS_OK;
}

/* The ranks of an MSet a page shows, and, when phrases were checked, the
 * articles the check decoded (owned here until they move into the
 * results). */
namespace
{
struct Page {
    Xapian::MSet ms;
    std::vector<Xapian::MSetIterator> shown;
    std::vector<ns_article_t> decoded;
    Xapian::MSet snip; /* what snippets are cut by, when not MS */
    bool have_snip = false;
    Xapian::Query words;       /* the query of SNIP, or of MS */
    Xapian::Query title_words; /* of TITLE */
    Xapian::MSet title;        /* what titles are marked by, when not SNIP/MS */
    bool have_title = false;
    /* Collapsed after the phrase check (checked_page), not by Xapian's
     * match: the ids of the copies of each hit that passed it. */
    bool own_groups = false;
    std::unordered_map<Xapian::docid, std::vector<Copy>> also_of;
    std::unordered_map<Xapian::docid, std::string> group_of; /* hits' keys */
};

} // namespace

/* The time budget of one search (ns_search_opts_t.time_limit_ms): over()
 * says whether it is spent, and marks the results when it is.  It is
 * asked between steps; Xapian's own matcher limit (Enquire::
 * set_time_limit) is not used.  Its timer notifies through a thread of
 * its own (SIGEV_THREAD) that sets a flag inside the match's stack frame,
 * and timer_delete() does not wait for that thread: a timer that fires as
 * a match ends writes a byte into whatever took the frame's place.  Under
 * AddressSanitizer, nsearchd with --request-timeout 1 freed a pointer one
 * byte off inside jansson within a few requests (a spent budget gave the
 * match a microsecond, so the timer always fired).  A match now runs to
 * its end, and the budget stops the search at the next step. */
class budget
{
  public:
    budget(unsigned ms, ns_results_t *res)
        : res_(res), limited_(ms != 0),
          end_(std::chrono::steady_clock::now() + std::chrono::milliseconds(ms))
    {
    }
    bool over()
    {
        if (limited_ && !res_->timed_out &&
            std::chrono::steady_clock::now() >= end_)
            res_->timed_out = true;
        return res_->timed_out;
    }
    /* Seconds left (a day when unlimited). */
    double left() const
    {
        if (!limited_)
            return 86400;
        return std::chrono::duration<double>(end_ -
                                             std::chrono::steady_clock::now())
            .count();
    }

  private:
    ns_results_t *res_;
    bool limited_;
    std::chrono::steady_clock::time_point end_;
};

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
static void plain_page(ns_index_t *idx, Xapian::Enquire &enq,
                       const ns_search_opts_t *o, bool blank, Page &page,
                       budget &time, ns_results_t *res)
{
    const Xapian::doccount floor =
        o->collapse ? PAGE_COUNT_COLLAPSED : PAGE_COUNT_MIN;
    Xapian::doccount want = (Xapian::doccount)o->offset + o->limit + 1;
    page.ms = enq.get_mset(o->offset, o->limit, want > floor ? want : floor);
    time.over();
    for (auto it = page.ms.begin(); it != page.ms.end(); ++it)
        page.shown.push_back(it);
    Xapian::MSet counted = page.ms;
    /* Past the last match Xapian's bounds count the skipped offset, not
     * the matches: count them again, as far as the page looked (collapsed,
     * ranked, as below), for the last page's exact total; past HTTP's
     * deepest page, as the first page counts. */
    const bool past_end = page.shown.empty() && o->offset;
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
    if (page.shown.size() < o->limit && (page.shown.size() || !o->offset)) {
        res->total = seen;
        res->total_exact = true;
    }
    if (!page.shown.empty() && res->total < seen)
        res->total = seen;
    res->has_more = lower > seen;
}

/* Said once when a hit's stored article cannot be read: no failed search;
 * but one cut short by a writer (moved_on) is the search again. */
static void note_damaged(ns_index_t *idx, ns_results_t *res)
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
static void checked_page(ns_index_t *idx, Xapian::Enquire &enq,
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
                            {art.id, *it, changed_when(&art)});
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

/* The snippet and marked title of hit I of RES. */
static void cut_marks(ns_index_t *idx, const ns_search_opts_t *o,
                      const Page &page, bool blank, budget &time,
                      ns_results_t *res, size_t i)
{
    const ns_article_t *art = &res->arts[i];
    res->snippets[i] =
        o->snippet_len && !time.over()
            ? snippet_of(idx, page.have_snip ? page.snip : page.ms,
                         page.words, art, o, blank)
            : std::string();
    res->titles[i] =
        !blank && !time.over()
            ? title_marked(idx,
                           page.have_title  ? page.title
                           : page.have_snip ? page.snip
                                            : page.ms,
                           page.have_title ? page.title_words : page.words,
                           art, o)
            : std::string();
}

/* The hits of PAGE into RES: their articles (decoded now unless the phrase
 * check did it already), snippets and ranks.  A hit whose stored article
 * cannot be decoded is left out (PAGE.shown loses it too, so that related
 * posts never seed from it) and the warning says so. */
static void fill_hits(ns_index_t *idx, const ns_search_opts_t *o, Page &page,
                      bool blank, budget &time, ns_results_t *res)
{
    size_t n = page.shown.size();
    bool have = !page.decoded.empty();
    std::vector<Xapian::MSetIterator> kept;
    res->arts.reserve(n);
    res->snippets.reserve(n);
    res->titles.reserve(n);
    /* A cluster reads the page's articles from its shards at once. */
    std::vector<Xapian::Document> docs;
    if (idx->cluster && !have) {
        std::vector<Xapian::docid> dids;
        for (const Xapian::MSetIterator &it : page.shown)
            dids.push_back(*it);
        docs = cluster_documents(idx, dids);
    }
    for (size_t i = 0; i < n; i++) {
        const Xapian::MSetIterator &it = page.shown[i];
        std::string why;
        ns_article_t art;
        if (have) {
            art = page.decoded[i];
        } else if (!decode(idx, *it,
                           docs.empty() ? it.get_document().get_data()
                                        : docs[i].get_data(),
                           &art, why)) {
            note_damaged(idx, res);
            continue;
        }
        res->arts.push_back(art);
        res->snippets.emplace_back();
        res->titles.emplace_back();
        cut_marks(idx, o, page, blank, time, res, res->arts.size() - 1);
        kept.push_back(it);
    }
    /* Pointers into ARTS and SNIPPETS only now that they stop growing. */
    res->hits.assign(kept.size(), ns_hit_t());
    for (size_t i = 0; i < kept.size(); i++) {
        ns_hit_t &h = res->hits[i];
        h.rank = o->offset + (unsigned)i + 1;
        h.score = kept[i].get_weight();
        h.art = &res->arts[i];
        h.snippet = res->snippets[i].c_str();
        h.title_marked = res->titles[i].c_str();
    }
    page.shown.swap(kept);
}

/* The copies each hit of PAGE stands for: those that match RUN, and
 * with CHECK (a phrase page) pass its check; the newest of them shown in
 * the hit's place (versions.cc), but in oldest-first order.  Each hit's
 * copies are a match of RUN of their own (tens of milliseconds for a
 * query of many wildcards), so none is looked for once TIME is spent:
 * 100 hits of 20 wildcards on Reuters and BBC News took 2.3 s here, past
 * any budget. */
static void fill_also(ns_index_t *idx, const ns_search_opts_t *o,
                      const Xapian::Query &run, const Xapian::Query *check,
                      Page &page, bool blank, budget &time, ns_results_t *res)
{
    size_t n = page.shown.size();
    std::vector<std::vector<Copy>> copies(n);
    res->also.assign(n, std::vector<std::string>());
    res->also_ptr.assign(n, std::vector<const char *>());
    /* A page collapsed after the check, on an index with group terms,
     * looks its hits' groups up as a cluster's page does. */
    bool lookup = idx->cluster || (page.own_groups && group_terms(idx));
    if (lookup) {
        std::vector<std::string> keys;
        for (const auto &it : page.shown) {
            auto g = page.group_of.find(*it);
            keys.push_back(idx->cluster               ? it.get_collapse_key()
                           : g != page.group_of.end() ? g->second
                                                      : std::string());
        }
        copies = also_ids_page(idx, run, page.shown, keys, res->arts, check);
    }
    for (size_t i = 0; i < n && !lookup; i++) {
        auto found = page.also_of.find(*page.shown[i]);
        if (page.own_groups && found != page.also_of.end())
            copies[i] = std::move(found->second);
        else if (!page.own_groups && !time.over())
            copies[i] =
                also_ids(idx, run, res->arts[i].title, page.shown[i], check);
    }
    if (o->sort != NS_SORT_OLDEST)
        for (size_t i : newest_stand(idx, copies, res))
            cut_marks(idx, o, page, blank, time, res, i);
    for (size_t i = 0; i < n; i++) {
        for (const Copy &c : copies[i])
            res->also[i].push_back(c.id);
        for (const auto &id : res->also[i])
            res->also_ptr[i].push_back(id.c_str());
        res->hits[i].also = res->also_ptr[i].data();
        res->hits[i].n_also = res->also_ptr[i].size();
        res->hits[i].snippet = res->snippets[i].c_str();
        res->hits[i].title_marked = res->titles[i].c_str();
    }
}

/* Related posts of a search: the story is taken from the top hit and the
 * next ones scoring at least half as well, up to SEARCH_SEEDS. */
static void search_related(ns_index_t *idx, const ns_search_opts_t *o,
                           const Page &page, ns_results_t *res)
{
    const auto &shown = page.shown;
    std::vector<Xapian::docid> seeds;
    std::vector<const ns_article_t *> seen;
    double top = shown[0].get_weight();
    for (size_t i = 0; i < shown.size() && seeds.size() < SEARCH_SEEDS; i++)
        if (seeds.empty() || shown[i].get_weight() >= 0.5 * top)
            seeds.push_back(*shown[i]);
    for (const auto &a : res->arts)
        seen.push_back(&a);
    find_related(idx, seeds, seen, o, res);
}

/* NSEARCH_NO_PAIRS: phrases checked on the text alone, as on an index
 * without pair terms (the tests compare both ways). */
static bool no_pairs()
{
    static const bool off = getenv("NSEARCH_NO_PAIRS") != nullptr;
    return off;
}

/* Oldest first, and articles without a date last, as newest first has
 * them: an empty value sorts before every date. */
static Xapian::KeyMaker *oldest_first()
{
    auto *key = new Xapian::MultiValueKeyMaker;
    key->add_value(SLOT_TIME, false, std::string(16, '\xff'));
    return key->release();
}

ns_status_t libns::search_once(ns_index_t *idx, const ns_search_opts_t *o,
                               ns_results_t *res)
{
    budget time(o->time_limit_ms, res);
    bool blank;
    Xapian::Query q;
    if (ns_status_t st = parse_text(idx, o, res, &blank, &q))
        return st;
    if (idx->pairs_ok && !no_pairs())
        q = use_pairs(q);
    /* Filters restrict what Xapian matches; the phrase check needs only
     * the query's own tree. */
    Xapian::Query filter;
    if (ns_status_t st = filter_query(idx, o, &filter))
        return st;
    /* Without positions in the index Xapian runs a phrase as the AND of
     * its words, and each candidate is checked on its text. */
    bool verify = !blank && !idx->db->has_positions() && has_positional(q);
    Xapian::Query run = verify ? relax(q, false) : q;
    if (!filter.empty())
        run = Xapian::Query(Xapian::Query::OP_FILTER, run, filter);
    /* Facets count the matches, whatever their order. */
    if (o->facets && !time.over())
        count_facets(idx, run, o, verify ? &q : nullptr,
                     std::max(0.0, time.left()), res);
    if (o->sort == NS_SORT_RECENT)
        run = recency_mix(idx, run, o, blank);

    Xapian::Enquire enq(*idx->db);
    enq.set_query(run);
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    if (o->sort == NS_SORT_DATE)
        enq.set_sort_by_value_then_relevance(SLOT_TIME, true);
    if (o->sort == NS_SORT_OLDEST && !idx->cluster)
        enq.set_sort_by_key_then_relevance(oldest_first(), false);
    if (o->sort == NS_SORT_OLDEST && idx->cluster) {
        /* The remote protocol carries no KeyMaker. */
        enq.set_sort_by_value_then_relevance(SLOT_TIME, false);
        add_warning(res, "on a cluster, articles without a date come first "
                         "in oldest-first order");
    }
    collapse_on(enq, o);
    res->offset = o->offset;
    res->limit = o->limit;
    Page page;
    if (verify)
        checked_page(idx, enq, q, o, page, time, res);
    else
        plain_page(idx, enq, o, blank, page, time, res);
    /* The facets counted every match: that count is the total, exact,
     * where a page would estimate it (`oil -n 10 --facets` said about
     * 1,662 stories beside facets that counted all 1,626). */
    if (res->facets_exact && res->facets_total && !res->total_exact &&
        !res->timed_out && !idx->cluster &&
        res->facets_total >= (uint64_t)o->offset + page.shown.size()) {
        res->total = res->facets_total;
        res->total_exact = true;
    }
    /* Every article, collapsed: Xapian's count of its stories depends on
     * how far the match ran, which the order and the page decide (Reuters
     * and BBC News: 22,824 exact newest first with --limit 0, "about
     * 22,970" with a page, 23,802 by relevance).  The archive's own count
     * of them is the same for every order and page. */
    uint64_t stories;
    if (blank && filter.empty() && o->collapse && !res->timed_out &&
        story_count(idx, &stories)) {
        res->total = stories;
        res->total_exact = true;
        res->has_more = stories > (uint64_t)o->offset + page.shown.size();
    }
    /* Xapian matches the stem term of a phrase word that is its own
     * stem (forms.cc), but a snippet only marks a phrase whose words it
     * finds as written: snippets are cut by the query with the words as
     * written (its statistics alone, no match ranked).  A two-word phrase
     * run by its pair term is marked as the phrase too: run as the AND of
     * its words, it marked every "west" and "bank" of an article found by
     * "west bank" ("World Bank" among them). */
    const Xapian::Query shown = pairs_as_phrases(run);
    const bool phrases = has_positional(shown);
    Xapian::Query written = phrases ? written_phrases(shown) : Xapian::Query();
    if (phrases && written.get_description() != run.get_description()) {
        page.snip = marking(idx, written);
        page.have_snip = true;
    }
    /* A title: word is marked in the title (title_html) as a word of the
     * default field is, which is all Xapian's highlighter reads. */
    if (has_title_terms(run)) {
        page.title_words = title_as_text(phrases ? written : run);
        page.title = marking(idx, page.title_words);
        page.have_title = true;
    }
    page.words = page.have_snip ? written : run;
    /* Xapian's highlighter matches a wildcard against the words as
     * written only: "oyafest*" found Øyafestivalen by its folded stem
     * "Zoyafestival" and marked nothing, nor did search as you type.  The
     * stems themselves it marks.  Nor a word typed with a digraph
     * (digraph-marks.cc).  Not on a cluster: each expansion would walk
     * every shard's terms once more.  Nor once the budget is spent: no
     * snippet is made then. */
    if (!blank && !idx->cluster && !time.over()) {
        unsigned lookups = 0;
        const bool wild = has_stem_wildcard(page.words);
        std::vector<Xapian::Query> marks{
            wild ? stem_wildcards_expanded(page.words, *idx->db,
                                           WILDCARD_MAX_EXPANSION)
                 : page.words};
        const bool spelled = digraph_marking(idx, marks[0], lookups, marks[0]);
        for (const Xapian::Query &w : digraph_wildcards(page.words))
            marks.push_back(w);
        if (wild || spelled || marks.size() > 1) {
            page.snip = marking(idx, Xapian::Query(Xapian::Query::OP_OR,
                                                   marks.begin(), marks.end()));
            page.have_snip = true;
        }
        /* "title:oestlandet" marked no title, where "title:ostlandet" did. */
        Xapian::Query title;
        if (page.have_title &&
            digraph_marking(idx, page.title_words, lookups, title))
            page.title = marking(idx, title);
    }
    fill_hits(idx, o, page, blank, time, res);
    if (o->collapse)
        fill_also(idx, o, run, verify ? &q : nullptr, page, blank, time, res);
    if (res->total == 0 && !res->timed_out)
        note_dead_filters(idx, q, filter, res);
    if (o->related && !page.shown.empty() && !time.over())
        search_related(idx, o, page, res);
    return NS_STATUS_OK;
}
