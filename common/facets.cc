/* facets.cc - Counts per section, year, month, language and tag over the
 * matches of a search, for the filters a site draws beside the results.
 *
 * The indexer writes each facet's values to a slot of its own (section,
 * language and "YYYY-MM" as they are; the tags joined by TAG_SEP in one
 * slot, since a value slot holds one string).  A Xapian MatchSpy reads
 * them from every document the matcher looks at.
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
 * Xapian's ValueCountMatchSpy over the joined tags counts combinations,
 * which would have to be split and summed afterwards and cannot count
 * groups.  A spy of our own reads the slot and splits it: one pass, the
 * same rule for every facet.  Its price is for issue 17 (remote shards):
 * a stock xapian-tcpsrv knows only Xapian's own spies, so a remote
 * search would need a server that registers this one (it would need
 * name(), serialise() and merge_results(), not written yet).
 *
 * The matcher looks at opts.facet_count matches at most (1000 by
 * default; Enquire's check_at_least): with more, the counts are scaled up
 * from those it saw and marked as estimates. */
#include <algorithm>
#include <cmath>
#include <string>
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

void libns::add_facet_values(Xapian::Document &doc, const ns_article_t *art,
                             const std::string &lang)
{
    if (art->section && *art->section)
        doc.add_value(SLOT_SECTION, art->section);
    doc.add_value(SLOT_LANG, lang);
    if (art->date)
        doc.add_value(SLOT_MONTH, std::string(art->date, 7));
    std::string tags;
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < art->n_tags; i++) {
        std::string t = art->tags[i];
        std::replace(t.begin(), t.end(), TAG_SEP, ' ');
        if (t.empty() || !seen.insert(lower(t.c_str())).second)
            continue;
        if (!tags.empty())
            tags += TAG_SEP;
        tags += t;
    }
    if (!tags.empty())
        doc.add_value(SLOT_TAGS, tags);
}

namespace
{

/* One value of a facet: how it is shown (the first spelling met) and its
 * count. */
struct Tally {
    std::string shown;
    uint64_t count = 0;
};

class FacetSpy : public Xapian::MatchSpy
{
  public:
    FacetSpy(unsigned mask, bool groups) : mask_(mask), groups_(groups) {}

    void operator()(const Xapian::Document &doc, double) override
    {
        seen++;
        std::string group = groups_ ? doc.get_value(SLOT_GROUP) : "";
        std::string month;
        if (mask_ & (NS_FACET_YEAR | NS_FACET_MONTH))
            month = doc.get_value(SLOT_MONTH);
        for (unsigned f = 0; f < NS_FACET_KINDS; f++) {
            if (!(mask_ & (1u << f)))
                continue;
            values_.clear();
            switch (1u << f) {
            case NS_FACET_SECTION:
                one(doc.get_value(SLOT_SECTION));
                break;
            case NS_FACET_YEAR:
                one(month.substr(0, 4));
                break;
            case NS_FACET_MONTH:
                one(month);
                break;
            case NS_FACET_LANG:
                one(doc.get_value(SLOT_LANG));
                break;
            case NS_FACET_TAG:
                split(doc.get_value(SLOT_TAGS));
                break;
            }
            for (const std::string &v : values_) {
                std::string key = lower(v.c_str());
                if (!group.empty() &&
                    !pairs_[f].insert(key + '\0' + group).second)
                    continue; /* this group is counted under KEY */
                Tally &t = tally[f][key];
                if (t.count++ == 0)
                    t.shown = v;
            }
        }
    }

    std::string get_description() const override { return "nsearch facets"; }

    uint64_t seen = 0;
    std::unordered_map<std::string, Tally> tally[NS_FACET_KINDS];

  private:
    void one(const std::string &v)
    {
        if (!v.empty())
            values_.push_back(v);
    }
    void split(const std::string &joined)
    {
        size_t start = 0;
        while (start < joined.size()) {
            size_t sep = joined.find(TAG_SEP, start);
            if (sep == std::string::npos)
                sep = joined.size();
            one(joined.substr(start, sep - start));
            start = sep + 1;
        }
    }

    unsigned mask_;
    bool groups_;
    std::vector<std::string> values_;
    std::unordered_set<std::string> pairs_[NS_FACET_KINDS];
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
    if (db.get_doccount() > 0 && db.get_metadata(META_FACETS) != "1") {
        res->facets_unavailable =
            "this index was built before facets were stored; rebuild it "
            "(nindex --rebuild) to count them";
        return;
    }
    Xapian::Enquire enq(db);
    enq.set_query(run);
    /* Nothing is ranked: the counter wants the matches, not their order. */
    enq.set_weighting_scheme(Xapian::BoolWeight());
    FacetSpy spy(o->facets, o->collapse != 0);
    enq.add_matchspy(&spy);
    Xapian::doccount most =
        o->facet_count ? o->facet_count : FACET_COUNT_DEFAULT;
    Xapian::MSet ms = enq.get_mset(0, 0, most);
    Xapian::doccount lower = ms.get_matches_lower_bound();
    res->facets_counted = spy.seen;
    res->facets_exact = !candidates && lower == ms.get_matches_upper_bound() &&
                        spy.seen == lower;
    double scale = 1;
    if (!res->facets_exact && !candidates && spy.seen)
        scale = (double)ms.get_matches_estimated() / (double)spy.seen;
    if (scale < 1)
        scale = 1;

    for (unsigned f = 0; f < NS_FACET_KINDS; f++) {
        std::vector<Tally> list;
        for (auto &kv : spy.tally[f])
            list.push_back(kv.second);
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
