/* related.cc - Related recent posts: the story told by seed articles'
 * own words, its recent follow-ups, near-duplicates left out, and a cache
 * of computed lists per handle. */
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <vector>

#include "copies.h"
#include "index-private.h"

using namespace libns;

/* "The same story" is measured from the seed articles' own words:
 *
 *  1. The seed vector: the seed's stemmed terms (Z prefix: one form per
 *     word; the title counted W_TITLE times through its wdf), weighted
 *     (1 + ln wdf) * ln(N / df).  Terms no other article has (df < 2) find
 *     nothing; terms in more than RELATED_MAX_DF of the archive (and more
 *     than RELATED_MIN_COMMON articles) are boilerplate ("said", "reuter",
 *     datelines).  The closed-class words of the seed's language ("og",
 *     "the"; stop_stems) never count: under a few hundred articles no word
 *     is common enough for that cut, and they tied any two articles of a
 *     language together (on the samples, a chess festival listed the oil
 *     fund's exclusions; 10 of the 33 posts listed went, 1 came).  On
 *     Reuters, where the cut removes most of them anyway, the lists stayed
 *     as they were (precision 0.830 at coverage 0.907 over the 10 seed
 *     sets, 0.830 at 0.906 before).  The RELATED_TERMS heaviest terms are
 *     kept.
 *  2. Those terms are OR-ed with equal weight into one query, ranked by
 *     BM25 and filtered to the recency window.  The seed weight only
 *     chooses the terms: scaling by it too counts idf twice (BM25 applies
 *     it again), which favours rare names over the words that say what a
 *     story is about (precision 0.69 against 0.80 on Reuters).
 *  3. The seed is scored by the same query (it is let through the window
 *     filter): the first post listed must reach RELATED_FIRST_SHARE of
 *     that self-score, each further one RELATED_MORE_SHARE.  The
 *     threshold is thus independent of how long or how rare the seed's
 *     words are, and it is what leaves a story with no follow-ups with an
 *     empty list.  Two bars, because a post's worth depends on its place:
 *     the first turns an empty sidebar into a link to the story's nearest
 *     telling, the fifth only lengthens a list the reader already has, so
 *     it must be more surely the same story.  This is the list cut of
 *     decision theory (list an item while its chance of being relevant
 *     pays for its cost, and the first item gains most), and on Reuters
 *     it beat every single bar: one bar of 0.25 lists posts for 0.795 of
 *     the seeds at 0.816 precision (mean of 11 seed sets), bars of
 *     0.20 / 0.30 for 0.905 at 0.830, better on both on 10 of the 11
 *     sets; a single bar of 0.20 reaches that coverage at 0.778.
 *  4. Candidates are taken best first, skipping near-duplicates of the
 *     seed, of the shown hits and of each other (related-dups.cc: the same
 *     normalised title, bodies whose word sets overlap RELATED_DUP_JACCARD
 *     or more, or a body of RELATED_DUP_MIN_WORDS words or more
 *     RELATED_DUP_CONTAINED of whose words the other has), each shown by
 *     its story's newest copy, as a search shows it, then shown newest
 *     first.
 *
 * Set on the Reuters-21578 evaluation (tests/eval/related.sh, README
 * "Related recent posts"), which also measured and rejected: seed weights
 * in the query, 15, 20 and 60 terms, df cuts of 5% and 10%, a title boost,
 * seeding from the title and lead only, pseudo-relevance feedback from the
 * first candidates, and a cut relative to the best candidate.  Each moved
 * along the same precision/coverage curve or below it.  Also rejected, on
 * all eleven seed sets: the seed's names (capitalised words of its body
 * not starting a sentence, as in topic detection and tracking) weighted
 * twice in the story (precision 0.777 at coverage 0.926) or always kept
 * among its terms (0.797 at 0.919): they list the same company's or
 * person's other news ("NIPPON STEEL TO REDUCE DIVIDEND" listed "NIPPON
 * STEEL DENIES CHINA SEEKING JAPANESE PLANTS"), not the same story; on
 * BBC they raised coverage by 0.05 at the same precision.  And a reverse
 * check (the candidate's own story must score the seed at the same shares
 * of its own score, the symmetric link of story link detection): +0.011
 * to +0.017 precision at 0.03 to 0.06 less coverage on four sets, along
 * the bars' curve, at three times the cost. */
static const double RELATED_MAX_DF = 0.20;
static const double RELATED_MIN_COMMON = 50;
static const size_t RELATED_TERMS = 30;
static const double RELATED_FIRST_SHARE = 0.20;
static const double RELATED_MORE_SHARE = 0.30;
static const unsigned RELATED_CANDIDATES = 40;
const size_t libns::SEARCH_SEEDS = 3; /* top hits that seed a search's list */

/* Plain stems only: the ZS (title) and ZXH (heading) copies would count
 * those words twice, and the title weight is in the wdf already. */
std::vector<std::pair<std::string, Xapian::termcount>>
libns::stem_terms(const Xapian::Database &db, Xapian::docid did)
{
    std::vector<std::pair<std::string, Xapian::termcount>> out;
    Xapian::TermIterator t = db.termlist_begin(did);
    Xapian::TermIterator end = db.termlist_end(did);
    t.skip_to(PREFIX_STEM);
    for (; t != end; ++t) {
        const std::string term = *t;
        if (term.empty() || term[0] != PREFIX_STEM[0])
            break;
        if (term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z')
            continue;
        out.emplace_back(term, t.get_wdf());
    }
    return out;
}

/* The document frequencies of TERMS in cluster IDX, in one match (an
 * MSet knows the frequency of each query term, summed over the shards in
 * one round trip to each): one by one, each is a round trip to every
 * shard, and a seed has hundreds of terms. */
static std::map<std::string, Xapian::doccount>
term_freqs(const ns_index_t *idx, const std::set<std::string> &terms)
{
    std::map<std::string, Xapian::doccount> df;
    std::vector<Xapian::Query> parts(terms.begin(), terms.end());
    Xapian::Enquire enq(*idx->db);
    enq.set_query(
        Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet ms = enq.get_mset(0, 0);
    for (const auto &t : terms)
        df[t] = ms.get_termfreq(t);
    return df;
}

/* The language of article DID, as its L term has it ("" if none). */
static std::string doc_lang(const Xapian::Database &db, Xapian::docid did)
{
    Xapian::TermIterator t = db.termlist_begin(did);
    t.skip_to(PREFIX_LANG);
    if (t == db.termlist_end(did))
        return "";
    const std::string term = *t;
    if (term.size() < 2 || term[0] != PREFIX_LANG[0] || term[1] < 'a' ||
        term[1] > 'z')
        return "";
    return term.substr(1);
}

/* The digraph stems of article DID in language LANG: "Ztromsoe" beside
 * "Ztromso" for "Tromsø", which the indexer adds so that the Nordic
 * spelling finds it (add_digraph_stems, forms.cc).  Such a copy is the
 * same word again; counted in a story, every word with ø, å, ä, ö or ü
 * weighed twice (a ninth of the story terms of the samples' Norwegian
 * articles).  Read from the exact words of the default field, which sort
 * after every prefixed term. */
static std::set<std::string> digraph_copies(ns_index_t *idx,
                                            const Xapian::Database &db,
                                            Xapian::docid did,
                                            const std::string &lang)
{
    std::set<std::string> out;
    const Xapian::Stem &stem = stemmer_for(idx, lang);
    Xapian::TermIterator t = db.termlist_begin(did);
    for (t.skip_to("a"); t != db.termlist_end(did); ++t) {
        const std::string w = *t;
        if (std::all_of(w.begin(), w.end(),
                        [](char c) { return (unsigned char)c < 0x80; }))
            continue;
        const std::string f = fold(w, NS_FOLD_DIGRAPH);
        if (f != w && f != fold(w, 0) && stem(f) != stem(w))
            out.insert(PREFIX_STEM + stem(f));
        /* And the stem of the word folded, where the stemmer reads the
         * word as written ("også" is "ogsa", its folded spelling "ogs"):
         * the same word again, and for a closed-class word not one of
         * the language's stop stems, so it tied stories together. */
        const std::string p = fold(w, 0);
        if (p != w && stem(p) != stem(w))
            out.insert(PREFIX_STEM + stem(p));
    }
    return out;
}

/* TERMS (stem_terms of article DID) without what its byline put there:
 * the byline is in the default field (index_fields), but a reporter's
 * name says nothing of the story, and weighed by its rarity it would
 * list the reporter's other stories.  Each byline stem ("ZAkari") is
 * in the default field's too ("Zkari"), with wdf 0 (1 in an index
 * built before bylines weighed nothing there): dropped when that is
 * all, else less the byline's count.  An article whose body also says
 * the name may lose one count of it: a word a story hardly turns on. */
static void
drop_byline(const Xapian::Database &db, Xapian::docid did,
            std::vector<std::pair<std::string, Xapian::termcount>> &terms)
{
    const std::string prefix = std::string(PREFIX_STEM) + PREFIX_AUTHOR;
    std::map<std::string, Xapian::termcount> byline;
    Xapian::TermIterator t = db.termlist_begin(did);
    for (t.skip_to(prefix); t != db.termlist_end(did); ++t) {
        const std::string term = *t;
        if (term.compare(0, prefix.size(), prefix) != 0)
            break;
        byline[PREFIX_STEM + term.substr(prefix.size())] += t.get_wdf();
    }
    if (byline.empty())
        return;
    size_t kept = 0;
    for (auto &tw : terms) {
        auto b = byline.find(tw.first);
        if (b != byline.end()) {
            if (tw.second <= b->second)
                continue;
            tw.second -= b->second;
        }
        terms[kept++] = tw;
    }
    terms.resize(kept);
}

/* The weighted stemmed terms of SEEDS but the closed-class words of
 * each one's language and its digraph copies, the i-th seed's times
 * 1/(i+1),
 * that can be among the RELATED_TERMS heaviest into ACC; the frequency of
 * each term weighed into DF, and the first seed's terms with their wdf
 * into FIRST.
 *
 * A term's weight is its seed factor, sum of (1 + ln wdf) / (i + 1), times
 * ln(N / df), and no term that counts has df < 2: so no term weighs more
 * than its factor times ln(N / 2).  On one index the terms are taken by
 * factor, largest first, and their frequencies looked up until that bound
 * falls below the lightest of the RELATED_TERMS heaviest so far: the rest
 * cannot be among them.  Each lookup is a B-tree descent (3 us on the 100k
 * archive, a disk read where the index is not cached), and the bound
 * spares about half of them.  A cluster asks every frequency in one
 * match, a round trip to each shard, instead. */
static void seed_terms(ns_index_t *idx, const std::vector<Xapian::docid> &seeds,
                       std::map<std::string, double> &acc,
                       std::map<std::string, Xapian::doccount> &df,
                       std::map<std::string, Xapian::termcount> &first)
{
    const Xapian::Database &db = *idx->db;
    const double n = db.get_doccount();
    std::map<std::string, double> factor;
    for (size_t i = 0; i < seeds.size(); i++) {
        auto terms = stem_terms(db, seeds[i]);
        drop_byline(db, seeds[i], terms);
        const std::string lang = doc_lang(db, seeds[i]);
        const auto *stops = stop_stems(idx, lang);
        const auto copies = digraph_copies(idx, db, seeds[i], lang);
        for (const auto &tw : terms)
            if ((!stops || !stops->count(tw.first.substr(1))) &&
                !copies.count(tw.first))
                factor[tw.first] +=
                    (1 + log((double)tw.second)) / (double)(i + 1);
        if (i == 0)
            first.insert(terms.begin(), terms.end());
    }
    std::vector<std::pair<double, std::string>> order;
    for (const auto &kv : factor)
        order.emplace_back(kv.second, kv.first);
    std::sort(order.begin(), order.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    if (idx->cluster) {
        std::set<std::string> all;
        for (const auto &fw : order)
            all.insert(fw.second);
        df = term_freqs(idx, all);
    }
    /* The RELATED_TERMS heaviest weights so far, the lightest on top. */
    std::priority_queue<double, std::vector<double>, std::greater<double>>
        heaviest;
    const double max_idf = log(n / 2);
    for (const auto &fw : order) {
        if (heaviest.size() == RELATED_TERMS &&
            fw.first * max_idf < heaviest.top())
            break;
        if (!idx->cluster)
            df[fw.second] = db.get_termfreq(fw.second);
        double f = df[fw.second];
        if (f < 2 || (f > RELATED_MAX_DF * n && f > RELATED_MIN_COMMON))
            continue;
        double w = fw.first * log(n / f);
        acc[fw.second] = w;
        heaviest.push(w);
        if (heaviest.size() > RELATED_TERMS)
            heaviest.pop();
    }
}

/* The story: the RELATED_TERMS heaviest terms of ACC. */
static std::vector<std::string>
story_terms(const std::map<std::string, double> &acc)
{
    std::vector<std::pair<double, std::string>> terms;
    for (const auto &kv : acc)
        terms.emplace_back(kv.second, kv.first);
    if (terms.size() > RELATED_TERMS) {
        std::partial_sort(terms.begin(), terms.begin() + RELATED_TERMS,
                          terms.end(), [](const auto &x, const auto &y) {
                              return x.first != y.first ? x.first > y.first
                                                        : x.second < y.second;
                          });
        terms.resize(RELATED_TERMS);
    }
    std::vector<std::string> out;
    for (const auto &t : terms)
        out.push_back(t.second);
    return out;
}

static std::string age_text(int64_t seconds)
{
    static const struct {
        int64_t secs;
        int64_t from; /* said in this unit from this many seconds on */
        const char *name;
    } units[] = {{365 * 86400, 2 * 365 * 86400, "year"},
                 {30 * 86400, 60 * 86400, "month"},
                 {7 * 86400, 14 * 86400, "week"},
                 {86400, 86400, "day"},
                 {3600, 3600, "hour"},
                 {60, 60, "minute"}};
    /* Below two of a unit, the next smaller one speaks ("10 days ago",
     * not "1 week ago"), as news sites count. */
    for (const auto &u : units) {
        if (seconds >= u.from) {
            int64_t n = seconds / u.secs;
            return std::to_string(n) + " " + u.name + (n == 1 ? "" : "s") +
                   " ago";
        }
    }
    return "just now";
}

/* The default "now": the newest article's date, so that a historical
 * archive still has recent posts, but never one later than the wall clock
 * plus a day (time zones, clock skew).  One article misdated 2105 made
 * every window end in 2105 and every related list empty; such dates are
 * passed over for the newest date at or before that bound, or the bound
 * itself when every article is later. */
static int64_t newest_dated(const Xapian::Database &db, int enc, bool terms)
{
    std::string hi = db.get_value_upper_bound(SLOT_TIME);
    if (hi.empty())
        return 0;
    int64_t newest = time_of_value(enc, hi);
    int64_t bound = (int64_t)time(nullptr) + 86400;
    if (newest <= bound)
        return newest;
    if (terms) {
        int64_t t = newest_by_terms(db, enc, bound);
        return t == INT64_MIN ? bound : t;
    }
    Xapian::Enquire enq(db);
    enq.set_query(Xapian::Query(Xapian::Query::OP_VALUE_LE, SLOT_TIME,
                                time_value(enc, bound)));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    enq.set_sort_by_value(SLOT_TIME, true);
    Xapian::MSet ms = enq.get_mset(0, 1);
    if (ms.empty())
        return bound;
    return time_of_value(enc, ms.begin().get_document().get_value(SLOT_TIME));
}

/* The default "now" for other searches (the recent sort): the same rule,
 * by the date terms when the index has them. */
int64_t libns::newest_time(const Xapian::Database &db, int enc)
{
    return newest_dated(db, enc, has_date_terms(db, enc));
}

/* The story query limited to the recency window before NOW, with the
 * seed let through it (SELF_TERM): one query gives both the candidates
 * and the yardstick.  TERMS: the window by date terms (window.cc). */
static Xapian::Query in_window(const Xapian::Query &story,
                               const Xapian::Query &self_term,
                               const ns_search_opts_t *o, int enc,
                               int64_t now, bool terms)
{
    if (!o->recent_days)
        return story;
    int64_t from = now - (int64_t)o->recent_days * 86400;
    return Xapian::Query(Xapian::Query::OP_FILTER, story,
                         Xapian::Query(Xapian::Query::OP_OR,
                                       window_query(enc, from, now, terms),
                                       self_term));
}

/* The seed's own score under the story query: from CANDS when it ranked
 * among them, else scored alone. */
static double self_score(Xapian::Enquire &enq,
                         const std::vector<StoryCandidate> &cands,
                         Xapian::docid seed, const Xapian::Query &story,
                         const Xapian::Query &self_term)
{
    for (const StoryCandidate &c : cands)
        if (c.docid == seed)
            return c.weight;
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, story, self_term));
    Xapian::MSet m = enq.get_mset(0, 1);
    return m.empty() ? 0 : m.begin().get_weight();
}

/* One article kept for the list. */
namespace
{
struct Pick {
    int64_t time;
    double score;
    size_t slot; /* in the articles decoded for the list */
    Xapian::docid docid;
};

} // namespace

/* Seconds after "now" an article may be dated and still be out (time
 * zones, a clock ahead), as --sort recent counts it (recency.cc). */
static const int64_t RELATED_AHEAD_S = 2 * 86400;

/* CANDS best first, the first down to FIRST_CUT and the others down to
 * CUT (FIRST_CUT <= CUT), up to O->related of them:
 * not EXCLUDED, dated when there is a window, not dated more than two
 * days after NOW, and not a near-duplicate of SHOWN or of each other.
 * Their articles are appended to ARTS. */
static std::vector<Pick>
pick_candidates(ns_index_t *idx, const std::vector<StoryCandidate> &cands,
                const std::set<Xapian::docid> &excluded,
                const std::vector<const ns_article_t *> &shown,
                const ns_search_opts_t *o, int64_t now, double first_cut,
                double more_cut, std::vector<ns_article_t> &arts)
{
    std::vector<DupKey> seen;
    for (const ns_article_t *a : shown)
        seen.push_back(dup_key(a));
    std::vector<Pick> picks;
    /* DupKeys point into ARTS: reserve so that it never moves (one more
     * than the list, for the candidate being tested). */
    arts.reserve(o->related + 1);
    /* A cluster reads the candidates' articles from its shards at once,
     * twice as many as the list wants at a time (most are kept). */
    std::map<Xapian::docid, Xapian::Document> docs;
    for (auto it = cands.begin();
         it != cands.end() && picks.size() < o->related; ++it) {
        const double cut = picks.empty() ? first_cut : more_cut;
        if (it->weight < cut)
            break;
        if (excluded.count(it->docid))
            continue;
        if (idx->cluster && !docs.count(it->docid)) {
            std::vector<Xapian::docid> dids;
            for (auto ahead = it;
                 ahead != cands.end() && ahead->weight >= cut &&
                 dids.size() < 2 * (size_t)o->related;
                 ++ahead)
                if (!excluded.count(ahead->docid))
                    dids.push_back(ahead->docid);
            std::vector<Xapian::Document> got = cluster_documents(idx, dids);
            for (size_t i = 0; i < dids.size(); i++)
                docs[dids[i]] = got[i];
        }
        ns_article_t art;
        std::string why;
        const Xapian::Document doc = idx->cluster
                                         ? docs[it->docid]
                                         : idx->db->get_document(it->docid);
        if (!decode(idx, it->docid, doc.get_data(), &art, why))
            continue;
        /* Undated articles are never recent (the window already keeps
         * them out; this also covers a window that is off). */
        if (o->recent_days && !art.date) {
            ns_article_clear(&art);
            continue;
        }
        /* Without a window nothing kept out the articles dated after
         * now: seen from now they are not out yet, and were listed first
         * as "just now". */
        if (art.date && art.time > now + RELATED_AHEAD_S) {
            ns_article_clear(&art);
            continue;
        }
        arts.push_back(art);
        DupKey key = dup_key(&arts.back());
        bool dup = false;
        for (auto &k : seen)
            if ((dup = near_duplicate(k, key)))
                break;
        if (dup) {
            ns_article_clear(&arts.back());
            arts.pop_back();
            continue;
        }
        /* Listed by the copy a search shows for its story, the newest
         * (versions.cc): the best-scoring copy is mostly the first take,
         * which the sidebar linked while search showed its update. */
        const int64_t from = now - (int64_t)o->recent_days * 86400;
        ns_article_t newer;
        Xapian::docid did = newest_of_story(
            idx, doc, &arts.back(),
            [&](const Copy &c) {
                if (excluded.count(c.did))
                    return false;
                if (c.time == NO_DATE)
                    return !o->recent_days;
                return o->recent_days ? c.time >= from && c.time <= now
                                      : c.time <= now + RELATED_AHEAD_S;
            },
            &newer);
        if (did) {
            DupKey nk = dup_key(&newer);
            bool ndup = false;
            for (auto &k : seen)
                if ((ndup = near_duplicate(k, nk)))
                    break;
            if (ndup) {
                ns_article_clear(&newer);
                did = 0;
            } else {
                dup_words(key); /* read before its article goes */
                ns_article_clear(&arts.back());
                arts.back() = newer;
            }
        }
        seen.push_back(std::move(key));
        if (did)
            seen.push_back(dup_key(&arts.back()));
        const ns_article_t &kept = arts.back();
        picks.push_back({kept.date ? kept.time : INT64_MIN, it->weight,
                         arts.size() - 1, did ? did : it->docid});
    }
    return picks;
}

/* PICKS, newest first (without dates, when there is no window: most
 * similar first), into RES with their ages, and into ENTRY for the
 * cache. */
static void publish(std::vector<Pick> &picks, std::vector<ns_article_t> &arts,
                    int64_t now, ns_results_t *res, RelatedEntry *entry)
{
    std::stable_sort(
        picks.begin(), picks.end(), [](const Pick &x, const Pick &y) {
            return x.time != y.time ? x.time > y.time : x.score > y.score;
        });
    res->related_arts = std::move(arts);
    res->ages.reserve(picks.size());
    for (const Pick &p : picks) {
        const ns_article_t *a = &res->related_arts[p.slot];
        res->ages.push_back(a->date ? age_text(now - a->time) : "");
    }
    for (size_t i = 0; i < picks.size(); i++) {
        res->related.push_back({&res->related_arts[picks[i].slot],
                                picks[i].score, res->ages[i].c_str()});
        entry->docids.push_back(picks[i].docid);
        entry->scores.push_back(picks[i].score);
    }
}

/* Add the docids of the SHOWN articles to OUT.  A cluster finds them in
 * one match, where an id lookup each is a round trip to every shard. */
static void shown_docids(const ns_index_t *idx,
                         const std::vector<const ns_article_t *> &shown,
                         std::set<Xapian::docid> &out)
{
    const Xapian::Database &db = *idx->db;
    if (!idx->cluster) {
        for (const ns_article_t *a : shown) {
            Xapian::docid did;
            if (find_id(db, a->id, &did))
                out.insert(did);
        }
        return;
    }
    std::vector<Xapian::Query> ids;
    for (const ns_article_t *a : shown)
        ids.emplace_back(id_term(a->id));
    Xapian::Enquire enq(db);
    enq.set_query(Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet ms = enq.get_mset(0, (Xapian::doccount)ids.size());
    for (auto it = ms.begin(); it != ms.end(); ++it)
        out.insert(*it);
}

/* Fill RES->related.  SEEDS are the documents the story is taken from;
 * SHOWN are the articles the reader already sees (the hits, or the article
 * itself; SHOWN[0] is SEEDS[0]): never listed, nor their near-duplicates.
 * REV: the index revision (for the window's copy). */
static void compute_related(ns_index_t *idx,
                            const std::vector<Xapian::docid> &seeds,
                            const std::vector<const ns_article_t *> &shown,
                            const ns_search_opts_t *o, int64_t now, bool terms,
                            uint64_t rev, ns_results_t *res,
                            RelatedEntry *entry)
{
    const Xapian::Database &db = *idx->db;

    std::map<std::string, double> acc;
    std::map<std::string, Xapian::doccount> df;
    std::map<std::string, Xapian::termcount> first;
    seed_terms(idx, seeds, acc, df, first);
    if (acc.empty())
        return;
    const std::vector<std::string> words = story_terms(acc);

    /* Seeds and shown articles are dropped by docid after matching: at
     * most a page of them, cheaper than more terms in the query. */
    std::set<Xapian::docid> excluded(seeds.begin(), seeds.end());
    shown_docids(idx, shown, excluded);
    const size_t most = RELATED_CANDIDATES + excluded.size();

    /* The window's articles in memory (related-window.cc) score the
     * story as Xapian would; the seed is scored by its own terms. */
    std::vector<StoryCandidate> cands;
    double self = 0;
    if (o->recent_days) {
        StoryCandidate seed{seeds[0], 0};
        const double n = db.get_doccount(), avlen = db.get_avlength();
        const double len = db.get_doclength(seeds[0]);
        for (const std::string &w : words) {
            auto f = first.find(w);
            if (f != first.end())
                seed.weight += bm25_part(n, avlen, df[w], f->second, len);
        }
        int64_t from = now - (int64_t)o->recent_days * 86400;
        if (window_candidates(idx, rev, from, now, terms, words, df, &seed,
                              most, cands))
            self = seed.weight;
    }
    if (self == 0) {
        std::vector<Xapian::Query> parts(words.begin(), words.end());
        Xapian::Query story(Xapian::Query::OP_OR, parts.begin(), parts.end());
        const Xapian::Query self_term(id_term(shown[0]->id));
        Xapian::Enquire enq(db);
        enq.set_weighting_scheme(
            Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
        enq.set_query(in_window(story, self_term, o, idx->time_enc, now, terms));
        Xapian::MSet ms = enq.get_mset(0, (Xapian::doccount)most);
        cands.clear();
        for (auto it = ms.begin(); it != ms.end(); ++it)
            cands.push_back({*it, it.get_weight()});
        self = self_score(enq, cands, seeds[0], story, self_term);
    }
    if (self <= 0)
        return;
    std::vector<ns_article_t> arts;
    std::vector<Pick> picks = pick_candidates(idx, cands, excluded, shown, o, now,
                                              RELATED_FIRST_SHARE * self,
                                              RELATED_MORE_SHARE * self, arts);
    publish(picks, arts, now, res, entry);
}

/* Related lists are cached per handle and per index revision, keyed by
 * everything they depend on: about 1.3 ms to compute on Reuters against
 * well under 0.1 ms to rebuild from the cache, and a site asks for the same
 * story's sidebar over and over.  RELATED_CACHE entries cost a few hundred
 * bytes each. */
static const size_t RELATED_CACHE = 4096;

void libns::find_related(ns_index_t *idx,
                         const std::vector<Xapian::docid> &seeds,
                         const std::vector<const ns_article_t *> &shown,
                         const ns_search_opts_t *o, ns_results_t *res)
{
    if (!o->related || seeds.empty() || shown.empty())
        return;
    const Xapian::Database &db = *idx->db;
    uint64_t rev = idx->wdb ? 0 : view_revision(idx);
    if (rev != idx->related_rev || idx->wdb) {
        forget_view(idx);
        idx->related_rev = rev;
    }
    if (idx->date_terms < 0)
        idx->date_terms = has_date_terms(db, idx->time_enc);
    /* The default "now" is bounded by the clock: found again once a
     * minute, so that an article dated ahead comes in on its day. */
    const int64_t clock = (int64_t)time(nullptr);
    if (idx->newest == INT64_MIN || clock - idx->newest_at >= 60) {
        idx->newest = newest_dated(db, idx->time_enc, idx->date_terms);
        idx->newest_at = clock;
    }
    const int64_t now = o->now == NS_NOW_NEWEST ? idx->newest : o->now;
    std::string key = std::to_string(now) + "/" +
                      std::to_string(o->recent_days) + "/" +
                      std::to_string(o->related);
    for (Xapian::docid d : seeds)
        key += "/" + std::to_string(d);
    for (const ns_article_t *a : shown)
        key += std::string("\x1f") + a->id;

    auto hit = idx->related_cache.find(key);
    if (hit != idx->related_cache.end()) {
        idx->related_lru.splice(idx->related_lru.begin(), idx->related_lru,
                                hit->second);
        const RelatedEntry &e = hit->second->second;
        res->related_arts.reserve(e.docids.size());
        std::vector<Xapian::Document> docs;
        if (idx->cluster)
            docs = cluster_documents(idx, e.docids);
        for (size_t i = 0; i < e.docids.size(); i++) {
            ns_article_t art;
            std::string why;
            if (!decode(idx, e.docids[i],
                        idx->cluster ? docs[i].get_data()
                                     : db.get_document(e.docids[i]).get_data(),
                        &art, why))
                continue;
            res->related_arts.push_back(art);
            res->ages.push_back(art.date ? age_text(now - art.time) : "");
        }
        for (size_t i = 0; i < res->related_arts.size(); i++)
            res->related.push_back(
                {&res->related_arts[i], e.scores[i], res->ages[i].c_str()});
        return;
    }

    RelatedEntry e;
    compute_related(idx, seeds, shown, o, now, idx->date_terms, rev, res, &e);
    if (idx->wdb)
        return;
    idx->related_lru.emplace_front(key, std::move(e));
    idx->related_cache[key] = idx->related_lru.begin();
    if (idx->related_lru.size() > RELATED_CACHE) {
        idx->related_cache.erase(idx->related_lru.back().first);
        idx->related_lru.pop_back();
    }
}
