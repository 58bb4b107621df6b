/* facets.cc - Counts per section, year, month, language and tag over the
 * matches of a search, for the filters a site draws beside the results.
 *
 * The indexer writes what the facets count to one value slot
 * (SLOT_FACETS: section, language, "YYYY-MM", story group and tags as
 * written), and a Xapian MatchSpy reads it from every document the
 * matcher looks at.
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
 * The matcher looks at opts.facet_count matches at most (1000 by
 * default; Enquire's check_at_least): with more, the counts are scaled up
 * from those it saw and marked as estimates. */
#include <algorithm>
#include <cmath>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Matches the facet counter looks at when opts.facet_count is 0. */
static const Xapian::doccount FACET_COUNT_DEFAULT = 1000;

static const char *const FACET_NAMES[NS_FACET_KINDS] = {"section", "year",
                                                        "month", "lang", "tag"};

const char *ns_facet_name(unsigned i)
{
    return i < NS_FACET_KINDS ? FACET_NAMES[i] : nullptr;
}

int ns_facets_parse(const char *list, unsigned *mask)
{
    *mask = 0;
    std::string s(list ? list : "");
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos)
            comma = s.size();
        std::string name = s.substr(start, comma - start);
        unsigned bit = 0;
        if (name == "all")
            bit = NS_FACET_ALL;
        for (unsigned i = 0; i < NS_FACET_KINDS; i++)
            if (name == FACET_NAMES[i])
                bit = 1u << i;
        if (!bit) {
            *mask = 0;
            return -1;
        }
        *mask |= bit;
        start = comma + 1;
    }
    return 0;
}

/* One value for every facet, so that the counter reads one value per
 * match: reading the section, language, month, tags and group from five
 * slots cost a fifth of the whole search time (Reuters, the 1,000 bench
 * queries, p50 6.0 ms with facets against 1.7 ms without; 2.4 ms with
 * one slot). */
void libns::add_facet_values(Xapian::Document &doc, const ns_article_t *art,
                             const std::string &lang)
{
    std::string v = art->section ? art->section : "";
    v += FACET_SEP;
    v += lang;
    v += FACET_SEP;
    if (art->date)
        v.append(art->date, 7);
    v += FACET_SEP;
    v += group_key(art);
    v += FACET_SEP;
    std::unordered_set<std::string> seen;
    bool first = true;
    for (size_t i = 0; i < art->n_tags; i++) {
        std::string t = art->tags[i];
        std::replace(t.begin(), t.end(), TAG_SEP, ' ');
        std::replace(t.begin(), t.end(), FACET_SEP, ' ');
        if (t.empty() || !seen.insert(lower(t.c_str())).second)
            continue;
        if (!first)
            v += TAG_SEP;
        v += t;
        first = false;
    }
    doc.add_value(SLOT_FACETS, v);
}

namespace
{

/* One value of a facet: how it is shown (the first spelling met) and its
 * count. */
struct Tally {
    std::string shown;
    uint64_t count = 0;
};

/* The values a story group has been counted under: (facet << 24) | id. */
struct GroupSeen {
    std::vector<uint32_t> keys;
};

/* The counts of the facet values of the matches, from their SLOT_FACETS
 * values: given one by one by the spy below on one index, or as
 * (value, how many matches had it) by Xapian's ValueCountMatchSpy on a
 * cluster.  The value holds the story group, so the group rule is the
 * same either way. */
class Counter
{
  public:
    Counter(unsigned mask, bool groups) : mask_(mask), groups_(groups) {}

    /* N matches with value V. */
    void add(const std::string &v, uint64_t n)
    {
        seen += n;
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
        GroupSeen *g = nullptr;
        bool first_of_group = true;
        if (groups_ && len[3]) {
            auto ins = groups_seen_.try_emplace(group_id(v, at[3], len[3]));
            g = &ins.first->second;
            first_of_group = ins.second;
        }
        auto count = [&](unsigned f, size_t pos, size_t size) {
            if (!size)
                return;
            uint32_t id = intern(f, std::string_view(v).substr(pos, size));
            if (g) {
                uint32_t key = (f << 24) | id;
                if (!first_of_group && std::find(g->keys.begin(), g->keys.end(),
                                                 key) != g->keys.end())
                    return; /* this story is counted under it already */
                g->keys.push_back(key);
                tally[f][id].count++; /* the story, once */
                return;
            }
            tally[f][id].count += n;
        };
        if (mask_ & NS_FACET_SECTION)
            count(0, at[0], len[0]);
        if (mask_ & NS_FACET_YEAR)
            count(1, at[2], len[2] >= 4 ? 4 : 0);
        if (mask_ & NS_FACET_MONTH)
            count(2, at[2], len[2]);
        if (mask_ & NS_FACET_LANG)
            count(3, at[1], len[1]);
        if (mask_ & NS_FACET_TAG) {
            size_t p = at[4], end = at[4] + len[4];
            while (p < end) {
                size_t sep = v.find(TAG_SEP, p);
                if (sep == std::string::npos || sep > end)
                    sep = end;
                count(4, p, sep - p);
                p = sep + 1;
            }
        }
    }

    uint64_t seen = 0;
    std::vector<Tally> tally[NS_FACET_KINDS];

  private:
    /* The group key (16 hex digits, collapse.cc) at POS as a number: no
     * string to allocate per match. */
    static uint64_t group_id(const std::string &v, size_t pos, size_t n)
    {
        uint64_t id = 0;
        for (size_t i = pos; i < pos + n; i++) {
            char c = v[i];
            id = id << 4 |
                 (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return id;
    }

    /* The id of value RAW of facet F: values equal but for ASCII case
     * share one (as the filters compare them), shown as first met.  Looked
     * up by a view, so that a value met before (nearly all of them) costs
     * no string: a copy per value per match was a third of the counter's
     * time. */
    uint32_t intern(unsigned f, std::string_view raw)
    {
        auto it = raw_ids_[f].find(raw);
        if (it != raw_ids_[f].end())
            return it->second;
        const std::string &kept = raw_store_.emplace_back(raw);
        auto low = lower_ids_[f].try_emplace(lower(kept.c_str()),
                                             (uint32_t)tally[f].size());
        if (low.second) {
            tally[f].emplace_back();
            tally[f].back().shown = kept;
        }
        raw_ids_[f].emplace(std::string_view(kept), low.first->second);
        return low.first->second;
    }

    unsigned mask_;
    bool groups_;
    /* The raw values met, where the views of RAW_IDS_ point (a deque
     * never moves them). */
    std::deque<std::string> raw_store_;
    std::unordered_map<std::string_view, uint32_t> raw_ids_[NS_FACET_KINDS];
    std::unordered_map<std::string, uint32_t> lower_ids_[NS_FACET_KINDS];
    std::unordered_map<uint64_t, GroupSeen> groups_seen_;
};

/* One index: the matches' values read as the matcher meets them. */
class FacetSpy : public Xapian::MatchSpy
{
  public:
    FacetSpy(const Xapian::Database &db, Counter &counter)
        : counter_(counter), values_(db.valuestream_begin(SLOT_FACETS)),
          end_(db.valuestream_end(SLOT_FACETS))
    {
    }

    void operator()(const Xapian::Document &doc, double) override
    {
        counter_.add(value_of(doc), 1);
    }

    std::string get_description() const override { return "nsearch facets"; }

  private:
    /* The SLOT_FACETS value of DOC.  The matcher goes through the
     * documents in docid order, so one cursor on the value stream moves
     * forward through them: Document::get_value opened a cursor per call,
     * and cost a sixth of the search time in its reads. */
    std::string value_of(const Xapian::Document &doc)
    {
        Xapian::docid did = doc.get_docid();
        if (values_ != end_ && values_.get_docid() < did)
            values_.skip_to(did);
        if (values_ != end_ && values_.get_docid() == did)
            return *values_;
        if (values_ == end_ || values_.get_docid() > did)
            return doc.get_value(SLOT_FACETS); /* out of order, or none */
        return "";
    }

    Counter &counter_;
    Xapian::ValueIterator values_, end_;
};

} // namespace

void libns::count_facets(ns_index_t *idx, const Xapian::Query &run,
                         const ns_search_opts_t *o, bool candidates,
                         ns_results_t *res)
{
    res->facets_asked = true;
    res->facets_mask = o->facets & NS_FACET_ALL;
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
    Xapian::Enquire enq(db);
    enq.set_query(run);
    /* Nothing is ranked: the counter wants the matches, not their order. */
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Counter counter(o->facets, o->collapse != 0);
    FacetSpy spy(db, counter);
    /* A stock xapian-tcpsrv runs only Xapian's own spies: on a cluster
     * each shard counts the distinct values (which hold the story group)
     * and the front splits them, by the same rule. */
    Xapian::ValueCountMatchSpy values(SLOT_FACETS);
    if (idx->cluster)
        enq.add_matchspy(&values);
    else
        enq.add_matchspy(&spy);
    Xapian::doccount most =
        o->facet_count ? o->facet_count : FACET_COUNT_DEFAULT;
    Xapian::MSet ms = enq.get_mset(0, 0, most);
    if (idx->cluster) {
        for (Xapian::TermIterator v = values.values_begin();
             v != values.values_end(); ++v)
            counter.add(*v, v.get_termfreq());
        /* Every match the shards looked at, with a value or without. */
        counter.seen = values.get_total();
    }
    Xapian::doccount lower = ms.get_matches_lower_bound();
    res->facets_counted = counter.seen;
    res->facets_exact = !candidates && lower == ms.get_matches_upper_bound() &&
                        counter.seen == lower;
    double scale = 1;
    if (!res->facets_exact && !candidates && counter.seen)
        scale = (double)ms.get_matches_estimated() / (double)counter.seen;
    if (scale < 1)
        scale = 1;

    for (unsigned f = 0; f < NS_FACET_KINDS; f++) {
        std::vector<Tally> list;
        for (const Tally &t : counter.tally[f])
            if (t.count)
                list.push_back(t);
        bool by_time =
            (1u << f) == NS_FACET_YEAR || (1u << f) == NS_FACET_MONTH;
        std::sort(list.begin(), list.end(),
                  [by_time](const Tally &a, const Tally &b) {
                      if (by_time)
                          return a.shown > b.shown;
                      if (a.count != b.count)
                          return a.count > b.count;
                      return a.shown < b.shown;
                  });
        if (list.size() > NS_FACET_MAX_VALUES)
            list.resize(NS_FACET_MAX_VALUES);
        std::vector<std::string> &text = res->facet_text[f];
        std::vector<ns_facet_value_t> &values = res->facet_values[f];
        text.clear();
        values.clear();
        for (const Tally &t : list)
            text.push_back(t.shown);
        /* Pointers only once TEXT stops growing. */
        for (size_t k = 0; k < list.size(); k++)
            values.push_back(ns_facet_value_t{
                text[k].c_str(),
                (uint64_t)std::llround((double)list[k].count * scale)});
    }
}

/* ------------------------------------------------------------------------ */
/* Results                                                                  */
/* ------------------------------------------------------------------------ */

int ns_results_has_facets(const ns_results_t *res)
{
    return res->facets_asked;
}

unsigned ns_results_facets_asked(const ns_results_t *res)
{
    return res->facets_mask;
}

int ns_results_facets_collapsed(const ns_results_t *res)
{
    return res->facets_collapsed;
}

size_t ns_results_facet_count(const ns_results_t *res, unsigned i)
{
    return i < NS_FACET_KINDS ? res->facet_values[i].size() : 0;
}

const ns_facet_value_t *ns_results_facet(const ns_results_t *res, unsigned i,
                                         size_t k)
{
    if (i >= NS_FACET_KINDS || k >= res->facet_values[i].size())
        return nullptr;
    return &res->facet_values[i][k];
}

int ns_results_facets_exact(const ns_results_t *res)
{
    return res->facets_exact;
}

uint64_t ns_results_facets_counted(const ns_results_t *res)
{
    return res->facets_counted;
}

const char *ns_results_facets_unavailable(const ns_results_t *res)
{
    return res->facets_unavailable.empty() ? nullptr
                                           : res->facets_unavailable.c_str();
}
