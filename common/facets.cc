/* facets.cc - Counts per section, decade, year, month, language, tag and
 * author over the matches of a search, for the filters a site draws beside
 * the results.
 *
 * The indexer writes what the facets count to one value slot
 * (SLOT_FACETS: section, language, "YYYY-MM", story group and tags as
 * written), and a Xapian MatchSpy reads it from every document the
 * matcher looks at.  The author facet's names are a slot of their own
 * (SLOT_AUTHORS, facet-authors.cc), read beside it when asked for.
 *
 * What is counted is what the total counts.  Without collapsing that is
 * articles.  Collapsing, the total counts story version groups, and Xapian
 * calls match spies before it collapses, so the spy counts each group once
 * per value: a group counts under every value one of its matching copies
 * has.  That makes the count of a value equal to the total of the same
 * search filtered on it (`--section World` keeps the group's copies in
 * World, then collapses them to one).
 *
 * Tags are several values of one article.  Choices measured against this
 * one: a term count per tag (the tag's posting list intersected with the
 * match) costs one match per tag, and an archive has thousands of tags;
 * Xapian's ValueCountMatchSpy over the slot counts whole values, which
 * have to be split and summed afterwards.  A spy of our own reads the
 * slot and splits it: one pass, the same rule for every facet.
 *
 * A cluster's shard servers (a stock xapian-tcpsrv) run only Xapian's own
 * spies, so there each shard's ValueCountMatchSpy counts the distinct
 * values of the slot, the front merges them, and the same counter splits
 * them: the value holds the story group, so groups are counted as on one
 * index.  It costs a map of up to opts.facet_count values per shard sent
 * to the front; on one index the spy of our own is kept, since
 * ValueCountMatchSpy reads each value through Document::get_value (see
 * value_of below).
 *
 * The matcher looks at the first opts.facet_count matches (1000 by
 * default; Enquire's check_at_least), and with more, at a sample of the
 * rest (see Comb): the counts are then scaled up and marked as
 * estimates.  A cluster scales up the first ones alone (a stock
 * xapian-tcpsrv runs no posting source of ours).  Where the total counts
 * every match (totals.cc: the count asked for with limit 0, or a query of
 * filters alone), the facets count up to as many, FACET_COUNT_ALL, first:
 * sampled, `date:1987-03` on Reuters listed March with 11,523 stories
 * beside an exact total of 11,105.  An estimate that still passes an
 * exact total is cut to it (facets_within_total). */
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "facet-column.h"

using namespace libns;

/* Matches the facet counter looks at when opts.facet_count is 0. */
static const Xapian::doccount FACET_COUNT_DEFAULT = 1000;
/* ... and where the total counts every match, as totals.cc's COUNT_ALL:
 * about 0.3 us a match from the facet column (Reuters, CPU time: the
 * 11,544 articles of `date:1987-03` 5.1 ms sampled, 7.0 ms all). */
static const Xapian::doccount FACET_COUNT_ALL = 25000;
/* Seconds the phrase check of the facets' matches may take, at most what
 * is left of the search's (phrase-count.cc): 2 x facet_count x 40-150 us. */
static const double FACET_CHECK_S = 2.0;

namespace
{

/* The counts of the facet values of the matches, from their SLOT_FACETS
 * values: given one by one by the spy below on one index, or as
 * (value, how many matches had it) by Xapian's ValueCountMatchSpy on a
 * cluster.  The value holds the story group, so the group rule is the
 * same either way.
 *
 * It runs for up to 1,000 matches a search, so nothing in the usual path
 * allocates: the section, language and month, which few combinations
 * share, are looked up together by a view of their part of the value; a
 * story group's values are kept in one pool, found by an open-addressing
 * table (a node per group, as std::unordered_map makes, was a third of
 * the counter's time when collapsing). */
class Counter
{
  public:
    Counter(unsigned mask, bool groups) : mask_(mask), groups_(groups) {}

    /* N matches with value V. */
    void add(const std::string &v, uint64_t n)
    {
        seen += n;
        alone_ += n; /* taken back below if the value has a group */
        /* section, lang, month, group, tags */
        size_t at[5], len[5], start = 0;
        for (int k = 0; k < 5; k++) {
            size_t end = k < 4 ? v.find(FACET_SEP, start) : v.size();
            if (end == std::string::npos) /* no value: an older article */
                return;
            at[k] = start;
            len[k] = end - start;
            start = end + 1;
        }
        group_ = nullptr;
        if (groups_ && len[3]) {
            group_ = &group_of(group_id(v, at[3], len[3]));
            alone_ -= n;
        }
        const Combo &c = combo(std::string_view(v).substr(0, at[3]), at, len);
        for (unsigned f = 0; f < NS_FACET_KINDS; f++)
            if (c.id[f] != NONE)
                count(f, c.id[f], n);
        if (mask_ & NS_FACET_TAG) {
            size_t p = at[4], end = at[4] + len[4];
            while (p < end) {
                size_t sep = v.find(TAG_SEP, p);
                if (sep == std::string::npos || sep > end)
                    sep = end;
                if (sep > p)
                    count(4, intern(4, std::string_view(v).substr(p, sep - p)),
                          n);
                p = sep + 1;
            }
        }
    }

    /* N matches with author facet value V (SLOT_AUTHORS: group, names),
     * counted under the group V names, as add() counts the others. */
    void add_authors(const std::string &v, uint64_t n)
    {
        size_t at = v.find(FACET_SEP), end = v.size();
        if (at == std::string::npos || !(mask_ & NS_FACET_AUTHOR))
            return;
        group_ = groups_ && at ? &group_of(group_id(v, 0, at)) : nullptr;
        for (size_t p = at + 1; p < end;) {
            size_t sep = std::min(v.find(TAG_SEP, p), end);
            if (sep > p)
                count(6, intern(6, std::string_view(v).substr(p, sep - p)), n);
            p = sep + 1;
        }
    }

    /* A match whose slot is distinct slot VID of column COL, in story
     * group GID (0: none).  Its values are split already; each is looked
     * up by name once per search. */
    void add_column(const FacetColumn &col, uint32_t vid, uint64_t gid)
    {
        seen++;
        group_ = groups_ && gid ? &group_of(gid) : nullptr;
        alone_ += !group_;
        for (uint32_t i = col.keys_at[vid]; i < col.keys_at[vid + 1]; i++) {
            const uint32_t f = col.keys[i] >> 24, raw = col.keys[i] & 0xffffff;
            if (!(mask_ & (1u << f)))
                continue;
            std::vector<uint32_t> &local = local_[f];
            if (raw >= local.size())
                local.resize(col.raw[f].size(), NONE);
            if (local[raw] == NONE)
                local[raw] = intern(f, col.raw[f][raw]);
            count(f, local[raw], 1);
        }
    }

    /* What the matches added since the last commit counts WEIGHT times:
     * the inverse of the share of its stretch of document ids a sample
     * saw (1: all of it). */
    void commit(double weight)
    {
        for (std::vector<Tally> &t : tally)
            for (Tally &v : t) {
                v.count += (double)v.fresh * weight;
                v.fresh = 0;
            }
    }

    /* What the total counts of the matches added: articles, or stories
     * when grouping (an article without a group is a story of its own). */
    uint64_t counted() const { return groups_ ? alone_ + groups_n_ : seen; }

    uint64_t seen = 0;
    Xapian::docid last = 0; /* the highest document id added */
    std::vector<Tally> tally[NS_FACET_KINDS];

  private:
    static constexpr uint32_t NONE = UINT32_MAX;

    /* The ids of a section, year, month, language and decade, by facet
     * (NONE: not asked, or empty; and always for the tags). */
    struct Combo {
        uint32_t id[NS_FACET_KINDS];
    };

    /* A story group met: its values (facet << 24 | id) are POOL_[at ..
     * at + n), and MORE_[slot] when a later copy adds more than fit. */
    struct Group {
        uint64_t gid = 0;
        bool used = false;
        uint32_t at = 0, n = 0;
        uint32_t more = NONE;
    };

    /* Count value ID of facet F for N matches; a story once per value. */
    void count(unsigned f, uint32_t id, uint64_t n)
    {
        if (!group_) {
            tally[f][id].fresh += n;
            return;
        }
        uint32_t key = (f << 24) | id;
        Group &g = *group_;
        const uint32_t *p = pool_.data() + g.at;
        if (std::find(p, p + g.n, key) != p + g.n)
            return; /* this story is counted under it already */
        if (g.more != NONE) {
            auto &m = more_[g.more];
            if (std::find(m.begin(), m.end(), key) != m.end())
                return;
        }
        tally[f][id].fresh++;             /* the story, once */
        if (g.at + g.n == pool_.size()) { /* the newest group: grow it */
            pool_.push_back(key);
            g.n++;
        } else {
            if (g.more == NONE) {
                g.more = (uint32_t)more_.size();
                more_.emplace_back();
            }
            more_[g.more].push_back(key);
        }
    }

    /* The entry of group GID, made empty at the pool's end if new.
     * Linear probing in a table kept at most half full. */
    Group &group_of(uint64_t gid)
    {
        if (2 * (groups_n_ + 1) > table_.size()) {
            std::vector<Group> old;
            old.swap(table_);
            table_.assign(old.empty() ? 1024 : 2 * old.size(), Group());
            for (const Group &g : old)
                if (g.used)
                    slot(g.gid) = g;
        }
        Group &g = slot(gid);
        if (!g.used) {
            g.used = true;
            g.gid = gid;
            g.at = (uint32_t)pool_.size();
            groups_n_++;
        }
        return g;
    }

    Group &slot(uint64_t gid)
    {
        size_t mask = table_.size() - 1;
        size_t i = (size_t)(gid * 0x9e3779b97f4a7c15ull >> 20) & mask;
        while (table_[i].used && table_[i].gid != gid)
            i = (i + 1) & mask;
        return table_[i];
    }

    /* The ids of the section, year, month and language of the value
     * whose first fields are KEY (positions AT, lengths LEN). */
    const Combo &combo(std::string_view key, const size_t *at,
                       const size_t *len)
    {
        auto it = combos_.find(key);
        if (it != combos_.end())
            return it->second;
        const std::string &kept = store_.emplace_back(key);
        std::string_view k(kept);
        auto id = [&](unsigned bit, unsigned f, size_t pos, size_t size) {
            return (mask_ & bit) && size ? intern(f, k.substr(pos, size))
                                         : NONE;
        };
        Combo c;
        c.id[0] = id(NS_FACET_SECTION, 0, at[0], len[0]);
        c.id[1] = id(NS_FACET_YEAR, 1, at[2], len[2] >= 4 ? 4 : 0);
        c.id[2] = id(NS_FACET_MONTH, 2, at[2], len[2]);
        c.id[3] = id(NS_FACET_LANG, 3, at[1], len[1]);
        c.id[4] = NONE;
        c.id[6] = NONE; /* the tags and authors are counted apart */
        /* Once per combination met: the string costs nothing per match. */
        c.id[5] = (mask_ & NS_FACET_DECADE) && len[2] >= 4
                      ? intern(5, decade_of(k.substr(at[2], len[2])))
                      : NONE;
        return combos_.emplace(k, c).first->second;
    }

    /* The id of value RAW of facet F: values equal but for case (Ø, ø)
     * share one (as the filters compare them), shown as first met.  Looked
     * up by a view, so that a value met before (nearly all of them) costs
     * no string. */
    uint32_t intern(unsigned f, std::string_view raw)
    {
        auto it = raw_ids_[f].find(raw);
        if (it != raw_ids_[f].end())
            return it->second;
        const std::string &kept = store_.emplace_back(raw);
        if ((1u << f) == NS_FACET_AUTHOR) {
            uint32_t id = author_id(kept);
            raw_ids_[f].emplace(std::string_view(kept), id);
            return id;
        }
        auto low = lower_ids_[f].try_emplace(fold_case(kept.c_str()),
                                             (uint32_t)tally[f].size());
        if (low.second) {
            tally[f].emplace_back();
            tally[f].back().shown = kept;
        }
        raw_ids_[f].emplace(std::string_view(kept), low.first->second);
        return low.first->second;
    }

    /* The id of author NAME: one for the spellings author:"..." finds
     * alike (facet-authors.cc), met under any of NAME's keys.  Shown with
     * the Nordic letters once a spelling has them: its filter finds every
     * spelling counted (its readings), a plain one's not the others
     * ("Odegard" does not find "Odegaard"; "Ødegård" finds both). */
    uint32_t author_id(const std::string &name)
    {
        const std::vector<std::string> keys = author_keys(name);
        auto &ids = lower_ids_[6];
        uint32_t id = NONE;
        for (const std::string &k : keys)
            if (auto it = ids.find(k); it != ids.end() && id == NONE)
                id = it->second;
        if (id == NONE) {
            id = (uint32_t)tally[6].size();
            tally[6].emplace_back();
            tally[6].back().shown = name;
        } else if (keys.size() > 1 &&
                   author_keys(tally[6][id].shown).size() == 1) {
            tally[6][id].shown = name;
        }
        for (const std::string &k : keys)
            ids.emplace(k, id);
        return id;
    }

    unsigned mask_;
    bool groups_;
    Group *group_ = nullptr; /* of the value being added, when grouping */
    /* The strings met, where the views of the maps below point (a deque
     * never moves them). */
    std::deque<std::string> store_;
    std::unordered_map<std::string_view, Combo> combos_;
    std::unordered_map<std::string_view, uint32_t> raw_ids_[NS_FACET_KINDS];
    std::unordered_map<std::string, uint32_t> lower_ids_[NS_FACET_KINDS];
    std::vector<Group> table_;
    size_t groups_n_ = 0;
    uint64_t alone_ = 0; /* matches without a group */
    std::vector<uint32_t> pool_;
    std::vector<std::vector<uint32_t>> more_;
    /* A column's value index -> the id here, by facet (NONE: not yet). */
    std::vector<uint32_t> local_[NS_FACET_KINDS];
};

/* The values of one slot of the matches.  The matcher goes through the
 * documents in docid order, so one cursor on the value stream moves
 * forward through them: Document::get_value opened a cursor per call,
 * and cost a sixth of the search time in its reads. */
class SlotCursor
{
  public:
    SlotCursor(const Xapian::Database &db, Xapian::valueno slot)
        : slot_(slot), values_(db.valuestream_begin(slot)),
          end_(db.valuestream_end(slot))
    {
    }

    std::string value_of(const Xapian::Document &doc)
    {
        Xapian::docid did = doc.get_docid();
        if (values_ != end_ && values_.get_docid() < did) {
            values_.skip_to(did);
            known_ = did;
        }
        if (values_ != end_ && values_.get_docid() == did)
            return *values_;
        /* The cursor passed DID from at most KNOWN_: no value there.  A
         * slot most articles lack (SLOT_AUTHORS) would otherwise cost a
         * lookup for each of them. */
        if (did >= known_)
            return "";
        return doc.get_value(slot_); /* out of order */
    }

  private:
    Xapian::valueno slot_;
    Xapian::ValueIterator values_, end_;
    Xapian::docid known_ = 0; /* no value from here to the cursor */
};

/* One index: the matches' values read as the matcher meets them. */
class FacetSpy : public Xapian::MatchSpy
{
  public:
    FacetSpy(const Xapian::Database &db, Counter &counter, bool authors)
        : counter_(counter), facets_(db, SLOT_FACETS)
    {
        if (authors)
            authors_.emplace(db, SLOT_AUTHORS);
    }

    void operator()(const Xapian::Document &doc, double) override
    {
        counter_.last = std::max(counter_.last, doc.get_docid());
        counter_.add(facets_.value_of(doc), 1);
        if (authors_)
            counter_.add_authors(authors_->value_of(doc), 1);
    }

    std::string get_description() const override { return "nsearch facets"; }

  private:
    Counter &counter_;
    SlotCursor facets_;
    std::optional<SlotCursor> authors_;
};

/* One index asked facets again: the slot read from the column. */
class ColumnSpy : public Xapian::MatchSpy
{
  public:
    ColumnSpy(const FacetColumn &col, Counter &counter,
              const Xapian::Database &db, bool authors)
        : col_(col), counter_(counter)
    {
        if (authors) /* not in the column: read as FacetSpy reads them */
            authors_.emplace(db, SLOT_AUTHORS);
    }

    void operator()(const Xapian::Document &doc, double) override
    {
        Xapian::docid did = doc.get_docid();
        counter_.last = std::max(counter_.last, did);
        uint32_t vid = did < col_.value.size() ? col_.value[did] : NO_VALUE;
        if (vid == NO_VALUE)
            counter_.seen++; /* no value: an older article */
        else
            counter_.add_column(col_, vid, col_.group[did]);
        if (authors_)
            counter_.add_authors(authors_->value_of(doc), 1);
    }

    std::string get_description() const override
    {
        return "nsearch facets (column)";
    }

  private:
    const FacetColumn &col_;
    Counter &counter_;
    std::optional<SlotCursor> authors_;
};

} // namespace

namespace
{

/* The matches after the first MOST, which Xapian gives in document id
 * order (the order articles were added, in an archive mostly by date):
 * counting only those left out the later years and months altogether (on
 * Reuters, every month after March).  So the rest of the archive, after
 * the highest id counted, is cut into TEETH stretches of ids, and each
 * counts the matches of a window at its start, scaled by the share of the
 * stretch the window spans: a stratified sample (Cochran, "Sampling
 * Techniques", ch. 5).  Twenty stretches of fifty were tried first, but
 * neighbouring articles are of one day, so each fifty were nearly one
 * value (a month on Reuters 35% off).  A match per stretch is too dear
 * for a hundred, so they are one filter in one match: this source gives
 * a window's ids, then jumps to the next stretch.
 *
 * A window's length is fixed before it is read, from the matches per id
 * of the windows before it and Xapian's estimate of the rest's matches,
 * so that it holds about its share of MOST.  Reading each stretch up to its
 * share of matches instead, and scaling by the ids that took, counted high: the
 * stopping rule makes K/N biased upwards (Haldane's (K-1)/(N-1) is not,
 * for independent ids), and more so where matches come in runs, as a
 * news archive's do (a day's stories on one subject).  On Reuters,
 * `company` (6,186 matches) had 7,159 in its year, `bank` (3,600) 4,035.
 * A window of fixed length holds a count whose mean is its length times
 * the density, runs or not.  A window that holds four times its share
 * (the density misjudged) stops there, and is scaled by the ids read.
 * When the matcher's bound leaves at most MOST matches for the rest, each
 * window is its whole stretch, however they are spread (the first pass's
 * density would shrink the windows of a word common early and rare
 * later).  EXACT: every window was its whole stretch. */
class Comb : public Xapian::PostingSource
{
  public:
    static const unsigned TEETH = 100;
    static const unsigned CAP = 4;
    bool exact = true;

    /* REST and AT_MOST: the matches after FROM, estimated and bound. */
    Comb(Counter &counter, Xapian::docid from, Xapian::docid last,
         Xapian::doccount most, double rest, uint64_t at_most)
        : counter_(counter), from_(from), span_((uint64_t)last - from + 1),
          most_(most), begin_(counter.seen), whole_(at_most <= most)
    {
        /* No more stretches than ids, or than matches to share. */
        teeth_ = (unsigned)std::min({(uint64_t)TEETH, span_, (uint64_t)most});
        /* Xapian's estimate counts as a stretch's worth of windows. */
        prior_ = (double)most / teeth_;
        prior_ids_ = prior_ * (double)span_ / std::max(rest, 1.0);
    }

    void init(const Xapian::Database &db) override
    {
        n_ = (Xapian::doccount)std::min<uint64_t>(span_, db.get_doccount());
        tooth_ = 0;
        at_ = 0;
    }
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return n_; }
    Xapian::doccount get_termfreq_max() const override { return n_; }

    void next(double) override
    {
        if (!at_)
            enter(0);
        else if (full() || at_ == hi_)
            enter(tooth_ + 1);
        else
            at_++;
    }
    void skip_to(Xapian::docid did, double) override
    {
        if (!at_)
            enter(0);
        while (!at_end() && (full() || did > hi_))
            enter(tooth_ + 1);
        if (!at_end() && did > at_)
            at_ = did;
    }
    bool at_end() const override { return tooth_ >= teeth_; }
    Xapian::docid get_docid() const override { return at_; }
    std::string get_description() const override { return "facet sample"; }

    void finish() /* after the match: close the stretch it stopped in */
    {
        if (!at_end())
            enter(teeth_);
    }

  private:
    Xapian::docid lo(unsigned t) const
    {
        return (Xapian::docid)(from_ + span_ * t / teeth_);
    }
    bool full() const
    {
        return !whole_ && counter_.seen - start_ >= CAP * share_;
    }

    /* A stretch's share: what is left of MOST, split evenly among the
     * stretches left, so that what sparse stretches leave goes to the
     * later ones (and a query with not many more than MOST matches is
     * mostly counted whole). */
    uint64_t share(unsigned t) const
    {
        uint64_t used = counter_.seen - begin_;
        uint64_t left = used < most_ ? most_ - used : 0;
        return std::max<uint64_t>(1, left / (teeth_ - t));
    }

    /* Close the window the source is in (if any) and open stretch T's. */
    void enter(unsigned t)
    {
        if (at_) {
            uint64_t len = lo(tooth_ + 1) - lo_, got = hi_ - lo_ + 1;
            if (full()) { /* stopped early: scale by the ids read */
                got = counter_.last >= lo_ ? counter_.last - lo_ + 1 : got;
            }
            read_ += got;
            found_ += counter_.seen - start_;
            if (got < len)
                exact = false;
            counter_.commit((double)len / (double)got);
        }
        tooth_ = t;
        if (t >= teeth_)
            return;
        lo_ = lo(t);
        start_ = counter_.seen;
        share_ = share(t);
        /* Ids for SHARE_ matches at the density read so far. */
        uint64_t len = lo(t + 1) - lo_, want = len;
        if (!whole_)
            want = (uint64_t)std::ceil((double)share_ *
                                       ((double)read_ + prior_ids_) /
                                       ((double)found_ + prior_));
        hi_ = (Xapian::docid)(lo_ + std::clamp<uint64_t>(want, 1, len) - 1);
        at_ = lo_;
        counter_.last = 0;
    }

    Counter &counter_;
    Xapian::docid from_;
    uint64_t span_;
    uint64_t most_, begin_, start_ = 0, share_ = 1;
    bool whole_;
    uint64_t read_ = 0, found_ = 0; /* ids read and matches in windows */
    double prior_ = 0, prior_ids_ = 0;
    unsigned teeth_ = 0, tooth_ = 0;
    Xapian::doccount n_ = 0;
    Xapian::docid lo_ = 0, hi_ = 0, at_ = 0;
};

/* Count the rest of the archive after the first pass; true if exact. */
bool sample_rest(const Xapian::Database &db, const Xapian::Query &run,
                 Xapian::MatchSpy *spy, Counter &counter, Xapian::doccount most,
                 const Xapian::MSet &first, const Xapian::MatchDecider *check)
{
    Xapian::docid last = db.get_lastdocid();
    if (counter.last == 0 || counter.last >= last)
        return false;
    uint64_t bound = first.get_matches_upper_bound();
    Comb comb(counter, counter.last + 1, last, most,
              (double)first.get_matches_estimated() - (double)counter.seen,
              bound > counter.seen ? bound - counter.seen : 0);
    Xapian::Enquire enq(db);
    enq.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, run, Xapian::Query(&comb)));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    enq.add_matchspy(spy);
    enq.get_mset(0, 0, db.get_doccount(), nullptr, check);
    comb.finish();
    return comb.exact;
}

} // namespace

/* Does RUN match with no weight, a query of filters alone?  Its total
 * counts every match (search.cc's filters_alone), and so do its facets. */
static bool weighs_nothing(const Xapian::Database &db,
                           const Xapian::Query &run)
{
    Xapian::Enquire enq(db);
    enq.set_query(run);
    return enq.get_mset(0, 0).get_max_possible() == 0;
}

void libns::count_facets(ns_index_t *idx, const Xapian::Query &run,
                         const ns_search_opts_t *o, const Xapian::Query *check_q,
                         double left_s, bool blank, ns_results_t *res)
{
    res->facets_asked = true;
    res->facets_mask = o->facets & (NS_FACET_ALL | NS_FACET_AUTHOR);
    res->facets_collapsed = o->collapse != 0;
    const Xapian::Database &db = *idx->db;
    bool stored = idx->cluster ? cluster_has_facets(idx)
                               : db.get_doccount() == 0 ||
                                     db.get_metadata(META_FACETS) == "1";
    if (!stored) {
        res->facets_unavailable =
            idx->cluster
                ? "a shard of this cluster was built before facets were "
                  "stored; rebuild it (nindex --rebuild --shard I/N) to count "
                  "them"
                : "this index was built before facets were stored; rebuild "
                  "it (nindex --rebuild) to count them";
        return;
    }
    unsigned mask = o->facets & ~(unsigned)NS_FACET_AUTHOR;
    if (o->facets & NS_FACET_AUTHOR) {
        if (idx->cluster ? cluster_has_facets(idx, true)
                         : db.get_doccount() == 0 ||
                               db.get_metadata(META_AUTHORS) == "1")
            mask |= NS_FACET_AUTHOR;
        else /* not an empty listing: nobody could tell it from no names */
            res->facet_unavailable[6] =
                idx->cluster
                    ? "a shard of this cluster was built before the author "
                      "facet was stored; rebuild it (nindex --rebuild "
                      "--shard I/N) to count authors"
                    : "this index was built before the author facet was "
                      "stored; rebuild it (nindex --rebuild) to count "
                      "authors";
    }
    const bool authors = mask & NS_FACET_AUTHOR;
    Xapian::Enquire enq(db);
    enq.set_query(run);
    /* Nothing is ranked: the counter wants the matches, not their order. */
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Counter counter(mask, o->collapse != 0);
    /* A stock xapian-tcpsrv runs only Xapian's own spies: on a cluster
     * each shard counts the distinct values (which hold the story group)
     * and the front splits them, by the same rule.  One index reads the
     * column when it has one, else the value stream. */
    Xapian::ValueCountMatchSpy values(SLOT_FACETS), names(SLOT_AUTHORS);
    std::optional<FacetSpy> spy;
    std::optional<ColumnSpy> from_column;
    if (idx->cluster) {
        enq.add_matchspy(&values);
        if (authors)
            enq.add_matchspy(&names);
    } else if (const FacetColumn *column = facet_column(idx)) {
        enq.add_matchspy(&from_column.emplace(*column, counter, db, authors));
    } else {
        enq.add_matchspy(&spy.emplace(db, counter, authors));
    }
    Xapian::doccount most =
        o->facet_count ? o->facet_count : FACET_COUNT_DEFAULT;
    /* Every match, where the total counts every one: its facets are
     * exact beside it.  Not the candidates of a phrase (a check each). */
    Xapian::doccount first_most = most;
    if (!check_q && (o->limit == 0 || blank || weighs_nothing(db, run)))
        first_most = std::max(most, FACET_COUNT_ALL);
    /* A phrase or NEAR query: its candidates are checked as the matcher
     * meets them, and only those with the phrase are counted, the sample
     * of the rest included.  A cluster's shards run no match decider:
     * there the candidates are counted (EXACT false). */
    std::optional<PhraseCheck> check;
    if (check_q && !idx->cluster)
        check.emplace(idx, *check_q, SIZE_MAX,
                      std::min(FACET_CHECK_S, left_s), false);
    const bool candidates = check_q && idx->cluster;
    Xapian::MSet ms =
        enq.get_mset(0, 0, first_most, nullptr, check ? &*check : nullptr);
    if (idx->cluster) {
        for (Xapian::TermIterator v = values.values_begin();
             v != values.values_end(); ++v)
            counter.add(*v, v.get_termfreq());
        for (Xapian::TermIterator v = names.values_begin();
             v != names.values_end(); ++v)
            counter.add_authors(*v, v.get_termfreq());
        /* Every match the shards looked at, with a value or without. */
        counter.seen = values.get_total();
    }
    counter.commit(1);
    Xapian::doccount lower = ms.get_matches_lower_bound();
    bool whole = lower == ms.get_matches_upper_bound() && counter.seen == lower;
    res->facets_exact = !candidates && whole;
    double scale = 1;
    if (!whole && !candidates && !idx->cluster) {
        /* The rest of the archive, sampled across its whole span. */
        Xapian::MatchSpy *with =
            spy ? (Xapian::MatchSpy *)&*spy : &*from_column;
        res->facets_exact = sample_rest(db, run, with, counter, most, ms,
                                        check ? &*check : nullptr);
    } else if (!whole && !candidates && counter.seen) {
        scale = (double)ms.get_matches_estimated() / (double)counter.seen;
    }
    if (scale < 1)
        scale = 1;
    /* Out of time for the phrase check: the candidates left unchecked
     * count by the share of those checked that passed. */
    if (check && check->unchecked) {
        res->facets_exact = false;
        if (check->passed)
            scale *= 1 + (double)check->unchecked * check->rate() /
                             (double)check->passed;
    }
    res->facets_counted = counter.seen;
    /* Every match counted: what the total counts, exactly. */
    res->facets_total = res->facets_exact ? counter.counted() : 0;

    for (unsigned f = 0; f < NS_FACET_KINDS; f++)
        list_facet(res, f, counter.tally[f], scale);
}

void libns::facets_within_total(ns_results_t *res)
{
    if (!res->facets_asked || res->facets_exact || !res->total_exact ||
        !res->missing.empty() || res->timed_out)
        return;
    for (std::vector<ns_facet_value_t> &values : res->facet_values)
        for (ns_facet_value_t &v : values)
            v.count = std::min(v.count, res->total);
}
