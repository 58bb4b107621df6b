/* collapse.cc - One hit per story version group.  A wire story and its
 * update, or the same piece filed twice, share a normalised title; the
 * indexer writes a fingerprint of it to SLOT_GROUP and the match collapses
 * on that slot (Enquire::set_collapse_key), so Xapian itself keeps only
 * the best-ranked copy and the totals and pages count groups.  The copies
 * left out are listed with the hit ("also").
 *
 * An index built before the slot existed has no values in it: Xapian
 * never collapses documents with an empty key, so such an index searches
 * as before, uncollapsed. */
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Titles shorter than this many words ("Letters", "In brief") are too
 * generic to say two articles are one story. */
static const unsigned GROUP_MIN_WORDS = 4;

/* Copies of one hit listed by id, at most. */
static const Xapian::doccount ALSO_MAX = 20;

/* The normalised title of ART -- lower-case words of letters and digits,
 * one space apart, as the related posts' duplicate test reads it -- as 16
 * hex digits; "" when the title is too short to group on. */
std::string libns::group_key(const ns_article_t *art)
{
    std::string norm, w;
    unsigned words = 0;
    for (const char *p = art->title ? art->title : "";; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            w += (char)c;
        } else if (c >= 'A' && c <= 'Z') {
            w += (char)(c - 'A' + 'a');
        } else {
            if (!w.empty()) {
                norm += (norm.empty() ? "" : " ") + w;
                words++;
            }
            w.clear();
            if (!c)
                break;
        }
    }
    if (words < GROUP_MIN_WORDS)
        return "";
    char hex[17];
    snprintf(
        hex, sizeof hex, "%016llx",
        (unsigned long long)ns_hash64(norm.data(), norm.size(), NS_HASH_SEED));
    return hex;
}

void libns::collapse_on(Xapian::Enquire &enq, const ns_search_opts_t *o)
{
    if (o->collapse)
        enq.set_collapse_key(SLOT_GROUP);
}

/* The ids of the other matches of RUN in the group of hit IT, best first:
 * Xapian says how many it collapsed, not which. */
std::vector<std::string> libns::also_ids(ns_index_t *idx,
                                         const Xapian::Query &run,
                                         const Xapian::MSetIterator &it)
{
    std::vector<std::string> ids;
    if (it.get_collapse_count() == 0)
        return ids;
    std::string key = it.get_collapse_key();
    if (key.empty())
        return ids;
    Xapian::Enquire enq(*idx->db);
    enq.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, run,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, SLOT_GROUP, key, key)));
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    Xapian::MSet ms = enq.get_mset(0, ALSO_MAX + 1);
    for (auto m = ms.begin(); m != ms.end(); ++m) {
        if (*m == *it)
            continue;
        Xapian::Document doc = m.get_document();
        Xapian::TermIterator t = doc.termlist_begin();
        t.skip_to(PREFIX_ID);
        if (t != doc.termlist_end() && (*t)[0] == PREFIX_ID[0])
            ids.push_back((*t).substr(1));
        if (ids.size() == ALSO_MAX)
            break;
    }
    return ids;
}

/* The same for every hit of a cluster's page at once.  Each remote shard
 * collapses only the matches it returns to the front, so a copy kept
 * below the page on another shard is not counted: get_collapse_count() is
 * 0 there although the group has copies.  One query over the page's
 * groups finds them all, best first, at the cost of one more round trip
 * rather than one per hit. */
std::vector<std::vector<std::string>>
libns::also_ids_page(ns_index_t *idx, const Xapian::Query &run,
                     const std::vector<Xapian::MSetIterator> &shown)
{
    std::vector<std::vector<std::string>> out(shown.size());
    std::map<std::string, size_t> hit_of; /* group key -> its hit */
    std::vector<Xapian::Query> groups;
    for (size_t i = 0; i < shown.size(); i++) {
        std::string key = shown[i].get_collapse_key();
        if (key.empty() || !hit_of.emplace(key, i).second)
            continue;
        groups.push_back(
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, SLOT_GROUP, key, key));
    }
    if (groups.empty())
        return out;
    Xapian::Enquire enq(*idx->db);
    enq.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, run,
        Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end())));
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    Xapian::MSet ms =
        enq.get_mset(0, (ALSO_MAX + 1) * (Xapian::doccount)groups.size());
    for (auto m = ms.begin(); m != ms.end(); ++m) {
        Xapian::Document doc = m.get_document();
        auto h = hit_of.find(doc.get_value(SLOT_GROUP));
        if (h == hit_of.end() || *m == *shown[h->second] ||
            out[h->second].size() >= ALSO_MAX)
            continue;
        Xapian::TermIterator t = doc.termlist_begin();
        t.skip_to(PREFIX_ID);
        if (t != doc.termlist_end() && (*t)[0] == PREFIX_ID[0])
            out[h->second].push_back((*t).substr(1));
    }
    return out;
}
