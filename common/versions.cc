/* versions.cc - Which copy of a story stands for it on a page.  The match
 * keeps the best-ranked copy of each story version group (collapse.cc),
 * which is usually the shortest, the first take of a wire story rather
 * than its update.  A reader of news expects the latest: the hit keeps
 * the group's place and score, and shows the newest of its matching
 * copies, by "updated", else date; the hit's own copy is then listed
 * with the others.  In date order the match sorts a story by its latest
 * date, so only the copies of that date may stand for it: the newest of
 * them, an update of a wire story that kept its date included.  A first
 * take updated after a later take was filed would list its earlier date
 * in the later take's place, out of the page's order.  In oldest-first
 * order a story's first version stands for it, as the match keeps it. */
#include <string>
#include <vector>

#include "copies.h"
#include "index-private.h"

using namespace libns;

std::string libns::changed_when(const ns_article_t *art)
{
    if (art->updated && *art->updated)
        return art->updated;
    return art->date ? art->date : "";
}

/* From the values, not the stored article, which would be read and
 * inflated for every copy of every hit. */
std::string libns::changed_when(const Xapian::Document &doc, int enc)
{
    std::string updated = doc.get_value(SLOT_UPDATED);
    if (!updated.empty())
        return updated;
    std::string time = doc.get_value(SLOT_TIME);
    if (time.empty())
        return "";
    char date[32];
    ns_date_format(time_of_value(enc, time), date,
                   sizeof date);
    return date;
}

int64_t libns::date_of(const ns_article_t *art)
{
    return art->date ? art->time : NO_DATE;
}

int64_t libns::date_of(const Xapian::Document &doc, int enc)
{
    std::string time = doc.get_value(SLOT_TIME);
    return time.empty() ? NO_DATE : time_of_value(enc, time);
}

long libns::newest_copy(const Copy &hit, const std::vector<Copy> &copies,
                        bool same_date)
{
    long best = -1;
    std::string newest = hit.when;
    for (size_t i = 0; i < copies.size(); i++)
        if ((!same_date || copies[i].time == hit.time) &&
            copies[i].when > newest) {
            newest = copies[i].when;
            best = (long)i;
        }
    return best;
}

std::vector<size_t> libns::newest_stand(ns_index_t *idx,
                                        std::vector<std::vector<Copy>> &copies,
                                        ns_results_t *res, bool same_date)
{
    std::vector<size_t> hits;
    std::vector<long> pick;
    std::vector<Xapian::docid> dids;
    for (size_t i = 0; i < copies.size() && i < res->arts.size(); i++) {
        const ns_article_t *hit = &res->arts[i];
        Copy was{"", 0, changed_when(hit), date_of(hit)};
        long c = newest_copy(was, copies[i], same_date);
        if (c < 0)
            continue;
        hits.push_back(i);
        pick.push_back(c);
        dids.push_back(copies[i][(size_t)c].did);
    }
    if (hits.empty())
        return hits;
    /* On a cluster, from the shards at once. */
    std::vector<Xapian::Document> docs = cluster_documents(idx, dids);
    std::vector<size_t> swapped;
    for (size_t k = 0; k < hits.size(); k++) {
        size_t i = hits[k];
        std::vector<Copy> &also = copies[i];
        ns_article_t art;
        std::string why;
        /* A copy that cannot be read leaves the hit as it was. */
        if (!decode(idx, dids[k], docs[k].get_data(), &art, why))
            continue;
        ns_article_t &hit = res->arts[i];
        /* The hit's copy is the best-ranked of the group: first. */
        Copy was{hit.id ? hit.id : "", 0, changed_when(&hit), date_of(&hit)};
        also.erase(also.begin() + pick[k]);
        also.insert(also.begin(), was);
        ns_article_clear(&hit);
        hit = art;
        swapped.push_back(i);
    }
    return swapped;
}

Xapian::docid libns::newest_of_story(ns_index_t *idx,
                                     const Xapian::Document &doc,
                                     const ns_article_t *art,
                                     const std::function<bool(const Copy &)> &ok,
                                     ns_article_t *newer)
{
    const std::string key = doc.get_value(SLOT_GROUP);
    if (key.empty() || (group_terms(idx) &&
                        idx->db->get_termfreq(PREFIX_GROUP + key) < 2))
        return 0;
    std::vector<Copy> copies;
    for (Copy &c : group_copies(idx, key, art->title))
        if (ok(c))
            copies.push_back(std::move(c));
    Copy was{"", 0, changed_when(art), date_of(art)};
    long c = newest_copy(was, copies, false);
    if (c < 0)
        return 0;
    Xapian::docid did = copies[(size_t)c].did;
    std::vector<Xapian::Document> docs = cluster_documents(idx, {did});
    std::string why;
    if (docs.empty() || !decode(idx, did, docs[0].get_data(), newer, why))
        return 0;
    return did;
}
