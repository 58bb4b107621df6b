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
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "copies.h"
#include "index-private.h"

using namespace libns;

/* The title the copies of ART's story share (story_title) as 16 hex
 * digits; "" when the title is too short to group on. */
std::string libns::group_key(const ns_article_t *art)
{
    std::string norm;
    if (!story_title(art->title, &norm))
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

/* The stories of the whole archive: its articles, with those that share
 * a story group counted once (Xapian never collapses an article without
 * a group value).  The groups are the distinct group terms (one walk of
 * them), or, on an index without them, the distinct values of the slot
 * (one walk of its value stream); once per revision of the index, kept in
 * IDX.  Not on a cluster (a walk of every shard) or a writer. */
bool libns::story_count(ns_index_t *idx, uint64_t *out)
{
    if (idx->cluster || idx->wdb)
        return false;
    const uint64_t rev = view_revision(idx);
    if (!idx->stories_known || idx->stories_rev != rev) {
        const Xapian::Database &db = *idx->db;
        uint64_t groups = 0;
        if (group_terms(idx)) {
            for (Xapian::TermIterator t = db.allterms_begin(PREFIX_GROUP);
                 t != db.allterms_end(PREFIX_GROUP); ++t)
                groups++;
        } else {
            std::unordered_set<std::string> keys;
            for (Xapian::ValueIterator v = db.valuestream_begin(SLOT_GROUP);
                 v != db.valuestream_end(SLOT_GROUP); ++v)
                keys.insert(*v);
            groups = keys.size();
        }
        idx->stories = db.get_doccount() - db.get_value_freq(SLOT_GROUP) +
                       groups;
        idx->stories_rev = rev;
        idx->stories_known = true;
    }
    *out = idx->stories;
    return true;
}

/* Title words every copy of the story of TITLE has, to find the copies
 * by: its words written in plain ASCII letters and digits between spaces,
 * which the indexer's term generator makes terms of as they are, and
 * which the normalised title of every copy holds (after the version
 * marks, which only some copies have). */
static std::vector<std::string> group_title_words(const char *title)
{
    std::vector<std::string> words;
    std::string w;
    for (const char *p = story_title_start(title);; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == 0 || c == ' ') {
            if (!w.empty() && w != "\x01" && w.size() <= 64 &&
                std::find(words.begin(), words.end(), w) == words.end())
                words.push_back(w);
            w.clear();
            if (!c)
                break;
        } else if (w != "\x01" && isalnum(c)) {
            w += (char)tolower(c);
        } else {
            w = "\x01"; /* not a plain word: passed over */
        }
    }
    return words;
}

/* Has every article of IDX its group term (META_GROUPS, read with the
 * other metadata when the index is opened or refreshed)?  A group is then
 * one posting list, however alike the titles of the archive.  An index
 * updated in place since before them has them only on the articles
 * written since, and a cluster's union answers metadata from its first
 * shard: those look groups up by their titles' words (group_filter). */
bool libns::group_terms(const ns_index_t *idx)
{
    return !idx->cluster && idx->groups_ok;
}

/* Title words a group is looked up by, at most. */
static const size_t GROUP_LOOKUP_WORDS = 6;

/* The matches of story group KEY, whose hit has title TITLE.  A value
 * range alone is read as the driver of the match (Xapian estimates an
 * exact key to match almost nothing), so every value of the slot was read
 * per group: 15 ms a page on Reuters, ten times the search.  Looked up by
 * the title's rarest words, the group is the few articles with all of
 * them, whose documents alone have their slot read, and the slot test is
 * a pair of bounds, which Xapian checks rather than walks.  The longest
 * word alone was not enough: one as common in titles as "february" on
 * the million-article archive had 115 ms of slots read for a page. */
static Xapian::Query group_filter(const ns_index_t *idx, const std::string &key,
                                  const char *title)
{
    if (group_terms(idx))
        return Xapian::Query(PREFIX_GROUP + key);
    Xapian::Query same(
        Xapian::Query::OP_AND,
        Xapian::Query(Xapian::Query::OP_VALUE_GE, SLOT_GROUP, key),
        Xapian::Query(Xapian::Query::OP_VALUE_LE, SLOT_GROUP, key));
    /* A title word that is its own stem has only its stem term (forms.cc):
     * either term, then, and the slot decides.  A cluster's term counts
     * are a round trip to each shard: there the longest words, as the
     * likeliest rare. */
    std::vector<std::pair<Xapian::doccount, Xapian::Query>> words;
    for (const std::string &w : group_title_words(title)) {
        std::string exact = PREFIX_TITLE + w, stem = PREFIX_STEM + exact;
        words.emplace_back(
            idx->cluster
                ? (Xapian::doccount)(64 - w.size())
                : idx->db->get_termfreq(exact) + idx->db->get_termfreq(stem),
            Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(exact),
                          Xapian::Query(stem)));
    }
    std::stable_sort(
        words.begin(), words.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    if (words.size() > GROUP_LOOKUP_WORDS)
        words.resize(GROUP_LOOKUP_WORDS);
    std::vector<Xapian::Query> all;
    for (const auto &w : words)
        all.push_back(w.second);
    if (!all.empty())
        same = Xapian::Query(
            Xapian::Query::OP_FILTER,
            Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()), same);
    return same;
}

/* At most this many copies of a story are weighed for its newest: a
 * group is a few versions, or a piece filed again and again. */
static const Xapian::doccount GROUP_COPIES_MAX = 1000;

std::vector<Copy> libns::group_copies(ns_index_t *idx, const std::string &key,
                                      const char *title)
{
    std::vector<Copy> out;
    Xapian::Enquire enq(*idx->db);
    enq.set_query(group_filter(idx, key, title));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet ms = enq.get_mset(0, GROUP_COPIES_MAX);
    for (auto m = ms.begin(); m != ms.end(); ++m) {
        Xapian::Document doc = m.get_document();
        out.push_back({"", *m, changed_when(doc, idx->time_enc),
                       date_of(doc, idx->time_enc)});
    }
    return out;
}

/* Does document DID pass the phrase check of CHECK? */
static bool passes(ns_index_t *idx, const Xapian::Query &check,
                   Xapian::docid did, const Xapian::Document &doc)
{
    ns_article_t art;
    bool damaged;
    if (!check_phrases(idx, check, did, doc, &art, &damaged))
        return false;
    ns_article_clear(&art);
    return true;
}

/* How many matches of RUN in the group KEY of hit HIT (title TITLE) but
 * it pass CHECK: the count of a list cut at ALSO_MAX, asked only then
 * (one more match), so that "20 other versions" is not said of 24. */
static size_t copies_total(ns_index_t *idx, const Xapian::Query &run,
                           const std::string &key, const char *title,
                           Xapian::docid hit, const Xapian::Query *check)
{
    Xapian::Enquire enq(*idx->db);
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, run,
                                group_filter(idx, key, title)));
    enq.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet ms = enq.get_mset(0, idx->db->get_doccount());
    size_t n = 0;
    for (auto m = ms.begin(); m != ms.end(); ++m)
        if (*m != hit && (!check || passes(idx, *check, *m, m.get_document())))
            n++;
    return n;
}

/* The other matches of RUN in the group of hit IT (ids, documents, when
 * each changed, dates), best first:
 * Xapian says how many it collapsed, not which.  With CHECK, those that
 * pass its phrase check (the candidates of a phrase are the matches of
 * its words). */
std::vector<Copy>
libns::also_ids(ns_index_t *idx, const Xapian::Query &run, const char *title,
                const Xapian::MSetIterator &it, const Xapian::Query *check,
                size_t *total)
{
    std::vector<Copy> ids;
    *total = 0;
    std::string key = it.get_collapse_key();
    if (key.empty())
        return ids;
    /* Xapian counts only the copies it met above the page's lowest
     * weight, so a small page's count could be 0 for a group whose copy
     * a larger page listed ("yen" at offset 100 on Reuters: none with 10
     * hits, one with 1,000).  With group terms the group's size decides;
     * a group of one has nothing to list. */
    if (group_terms(idx) ? idx->db->get_termfreq(PREFIX_GROUP + key) < 2
                         : it.get_collapse_count() == 0)
        return ids;
    Xapian::Enquire enq(*idx->db);
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, run,
                                group_filter(idx, key, title)));
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    Xapian::MSet ms = enq.get_mset(0, ALSO_MAX + 1);
    for (auto m = ms.begin(); m != ms.end(); ++m) {
        if (*m == *it)
            continue;
        Xapian::Document doc = m.get_document();
        if (check && !passes(idx, *check, *m, doc))
            continue;
        Xapian::TermIterator t = doc.termlist_begin();
        t.skip_to(PREFIX_ID);
        if (t != doc.termlist_end() && (*t)[0] == PREFIX_ID[0])
            ids.push_back({(*t).substr(1), *m, changed_when(doc, idx->time_enc),
                           date_of(doc, idx->time_enc)});
        if (ids.size() == ALSO_MAX) {
            *total = copies_total(idx, run, key, title, *it, check);
            break;
        }
    }
    return ids;
}

/* The same for every hit of a cluster's page at once.  Each remote shard
 * collapses only the matches it returns to the front, so a copy kept
 * below the page on another shard is not counted: get_collapse_count() is
 * 0 there although the group has copies.  One query over the page's
 * groups finds them all, best first, at the cost of one more round trip
 * rather than one per hit. */
std::vector<std::vector<Copy>>
libns::also_ids_page(ns_index_t *idx, const Xapian::Query &run,
                     const std::vector<Xapian::MSetIterator> &shown,
                     const std::vector<std::string> &keys,
                     const std::vector<ns_article_t> &arts,
                     const Xapian::Query *check, std::vector<size_t> &totals)
{
    std::vector<std::vector<Copy>> out(shown.size());
    totals.assign(shown.size(), 0);
    std::map<std::string, size_t> hit_of; /* group key -> its hit */
    std::vector<Xapian::Query> groups;
    for (size_t i = 0; i < shown.size(); i++) {
        const std::string &key = keys[i];
        /* A group of one, the hit alone, has nothing to list. */
        if (key.empty() ||
            (group_terms(idx) &&
             idx->db->get_termfreq(PREFIX_GROUP + key) < 2) ||
            !hit_of.emplace(key, i).second)
            continue;
        groups.push_back(
            group_filter(idx, key, i < arts.size() ? arts[i].title : nullptr));
    }
    if (groups.empty())
        return out;
    Xapian::Enquire enq(*idx->db);
    enq.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, run,
        Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end())));
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    /* Up to ALSO_MAX + 1 of each group (the hit and its copies), each
     * match with its group: no document read to sort them out. */
    enq.set_collapse_key(SLOT_GROUP, ALSO_MAX + 1);
    Xapian::MSet ms =
        enq.get_mset(0, (ALSO_MAX + 1) * (Xapian::doccount)groups.size());
    std::vector<Xapian::docid> dids;
    std::vector<size_t> hit;
    for (auto m = ms.begin(); m != ms.end(); ++m) {
        auto h = hit_of.find(m.get_collapse_key());
        if (h == hit_of.end() || *m == *shown[h->second])
            continue;
        dids.push_back(*m);
        hit.push_back(h->second);
    }
    /* The ids are read from the stored articles, from the shards at once
     * (a term list would be one more round trip per copy). */
    std::vector<Xapian::Document> docs = cluster_documents(idx, dids);
    for (size_t i = 0; i < dids.size(); i++) {
        if (out[hit[i]].size() >= ALSO_MAX)
            continue;
        ns_article_t art;
        std::string why;
        if (!decode(idx, dids[i], docs[i].get_data(), &art, why))
            continue;
        if (check && !passes(idx, *check, dids[i], docs[i])) {
            ns_article_clear(&art);
            continue;
        }
        if (art.id)
            out[hit[i]].push_back(
                {art.id, dids[i], changed_when(&art), date_of(&art)});
        ns_article_clear(&art);
    }
    for (size_t i = 0; i < out.size(); i++)
        if (out[i].size() == ALSO_MAX)
            totals[i] = copies_total(idx, run, keys[i],
                                     i < arts.size() ? arts[i].title : nullptr,
                                     *shown[i], check);
    return out;
}
