/* related-window.cc - The recency window's articles held in memory, so that
 * finding a story's follow-ups costs what the window holds, not what the
 * archive holds.
 *
 * Related posts rank the window's articles by a story query of 30 words
 * (related.cc).  Through Xapian that is the AND of the window's date terms
 * with an OR of the words, and each word's posting list is skipped to
 * every article of the window: where the archive's document ids do not
 * follow the dates (a rebuild of sources in any order), each skip reads
 * another chunk of a long posting list, and the match cost 1.4 ms at 100k
 * articles (300 in a 30-day window) and grew with the archive.
 *
 * A handle that is asked the same window a second time within one
 * revision of the index reads the window's articles once: their plain
 * stemmed terms with their wdf and their lengths, as an inverted list per
 * term.  A story query is then scored here, by the formula of Xapian's
 * BM25Weight (1.4) with the parameters the search uses, with the archive's
 * own statistics (document count, average length, each term's frequency),
 * so the candidates and their scores are those Xapian would give; the test
 * t141 compares both ways on every query of a batch.  The first ask, a
 * one-off search, another window (`--now`, `--recent-days`), a cluster
 * and a writer go through Xapian as before.
 *
 * Cost: reading the window is one termlist per article (about 8 us each),
 * paid once per revision and window; the copy holds about 12 bytes per
 * (article, distinct word) pair.  A window of more than WINDOW_MAX
 * articles is not copied. */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Articles a window may hold to be copied: 20,000 articles of about 250
 * distinct words are some 60 MB. */
static const Xapian::doccount WINDOW_MAX = 20000;

namespace
{
struct Posting {
    uint32_t slot; /* in RelatedWindow::docids */
    uint32_t wdf;
};
} // namespace

struct libns::RelatedWindow {
    uint64_t rev = 0;
    int64_t from = 0, to = -1;
    bool terms = false;
    int enc = TIME_SORTABLE; /* the index's META_TIME */
    unsigned asked = 0; /* times asked while not copied */
    bool copied = false;
    bool too_big = false;
    double n = 0;     /* the archive's document count */
    double avlen = 0; /* and average length */
    std::vector<Xapian::docid> docids;
    std::vector<Xapian::termcount> lens;
    std::unordered_map<std::string, std::vector<Posting>> postings;
};

/* One term's part of a document's BM25 weight, as Xapian's BM25Weight
 * computes it for a query term of wqf 1 with k2 = 0 and k3 = 1. */
double libns::bm25_part(double n, double avlen, double tf, double wdf,
                        double len)
{
    double tw = (n - tf + 0.5) / (tf + 0.5);
    if (tw < 2)
        tw = tw * 0.5 + 1;
    double termweight = log(tw) * (BM25_K1 + 1);
    double len_factor = avlen != 0 ? 1 / avlen : 0;
    double normlen = std::max(len * len_factor, BM25_MIN_NORMLEN);
    double denom = BM25_K1 * (normlen * BM25_B + (1 - BM25_B)) + wdf;
    return termweight * (wdf / denom);
}

/* Read the articles of W's window into W. */
static void copy_window(const Xapian::Database &db, RelatedWindow &w)
{
    Xapian::Enquire enq(db);
    enq.set_query(window_query(w.enc, w.from, w.to, w.terms));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    enq.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet ms = enq.get_mset(0, WINDOW_MAX + 1);
    if (ms.size() > WINDOW_MAX) {
        w.too_big = true;
        return;
    }
    w.n = db.get_doccount();
    w.avlen = db.get_avlength();
    for (auto it = ms.begin(); it != ms.end(); ++it) {
        const Xapian::docid did = *it;
        const uint32_t slot = (uint32_t)w.docids.size();
        w.docids.push_back(did);
        w.lens.push_back(db.get_doclength(did));
        for (const auto &tw : stem_terms(db, did))
            w.postings[tw.first].push_back({slot, (uint32_t)tw.second});
    }
    w.copied = true;
    /* NSEARCH_TRACE_WINDOW: say when a window is copied (the tests check
     * that the copy is made, once, and answers as Xapian does). */
    if (getenv("NSEARCH_TRACE_WINDOW")) {
        size_t n = 0;
        for (const auto &p : w.postings)
            n += p.second.size();
        fprintf(stderr,
                "related posts: window copied, %zu articles, %zu "
                "postings\n",
                w.docids.size(), n);
    }
}

/* IDX's copy of the window FROM..TO of revision REV, or null while there
 * is none (made on the second ask). */
static const RelatedWindow *window_copy(ns_index_t *idx, uint64_t rev,
                                        int64_t from, int64_t to, bool terms)
{
    if (idx->cluster || idx->wdb || from > to)
        return nullptr;
    std::shared_ptr<RelatedWindow> &w = idx->related_window;
    if (!w || w->rev != rev || w->from != from || w->to != to ||
        w->terms != terms) {
        w = std::make_shared<RelatedWindow>();
        w->rev = rev;
        w->from = from;
        w->to = to;
        w->terms = terms;
        w->enc = idx->time_enc;
    }
    if (w->copied)
        return w.get();
    if (w->too_big || ++w->asked < 2)
        return nullptr;
    copy_window(*idx->db, *w);
    return w->copied ? w.get() : nullptr;
}

bool libns::window_candidates(ns_index_t *idx, uint64_t rev, int64_t from,
                              int64_t to, bool terms,
                              const std::vector<std::string> &story,
                              const std::map<std::string, Xapian::doccount> &df,
                              const StoryCandidate *extra, size_t most,
                              std::vector<StoryCandidate> &out)
{
    static const bool off = getenv("NSEARCH_NO_WINDOW_COPY") != nullptr;
    if (off)
        return false;
    const RelatedWindow *w = window_copy(idx, rev, from, to, terms);
    if (!w)
        return false;
    std::vector<double> score(w->docids.size(), 0.0);
    std::vector<char> hit(w->docids.size(), 0);
    std::vector<uint32_t> touched;
    for (const std::string &term : story) {
        auto p = w->postings.find(term);
        if (p == w->postings.end())
            continue;
        auto f = df.find(term);
        double tf = f == df.end() ? 0 : (double)f->second;
        for (const Posting &post : p->second) {
            if (!hit[post.slot]) {
                hit[post.slot] = 1;
                touched.push_back(post.slot);
            }
            score[post.slot] +=
                bm25_part(w->n, w->avlen, tf, post.wdf, w->lens[post.slot]);
        }
    }
    out.clear();
    for (uint32_t s : touched)
        out.push_back({w->docids[s], score[s]});
    if (extra &&
        std::none_of(out.begin(), out.end(), [&](const StoryCandidate &c) {
            return c.docid == extra->docid;
        }))
        out.push_back(*extra);
    /* Xapian's order: weight, then ascending docid. */
    auto better = [](const StoryCandidate &x, const StoryCandidate &y) {
        return x.weight != y.weight ? x.weight > y.weight : x.docid < y.docid;
    };
    if (out.size() > most) {
        std::partial_sort(out.begin(), out.begin() + (long)most, out.end(),
                          better);
        out.resize(most);
    } else {
        std::sort(out.begin(), out.end(), better);
    }
    return true;
}
