/* copies.h - The copies of a story a hit stands for: found by the match
 * (collapse.cc) and the one shown in the hit's place (versions.cc),
 * shared with the page's search (search.cc, search-page.cc).  Private to
 * libns, C++ only. */
#ifndef NS_COPIES_H
#define NS_COPIES_H

#include <functional>

#include "index-private.h"

namespace libns
{

/* A copy's time without a date. */
inline constexpr int64_t NO_DATE = INT64_MIN;
/* collapse.cc: a copy of a hit's story: its id, its document, when it last
 * changed (changed_when), and its date (date_of), which a date-sorted
 * page is ordered by. */
struct Copy {
    std::string id;
    Xapian::docid did;
    std::string when;
    int64_t time;
};
/* TOTAL: how many there are when the list stops at ALSO_MAX, else 0. */
std::vector<Copy> also_ids(ns_index_t *idx, const Xapian::Query &run,
                           const char *title, const Xapian::MSetIterator &it,
                           const Xapian::Query *check, size_t *total);
/* also_ids() of every hit of SHOWN (articles ARTS, groups KEYS) in one
 * query: a cluster's page, a page collapsed after the phrase check. */
std::vector<std::vector<Copy>>
also_ids_page(ns_index_t *idx, const Xapian::Query &run,
              const std::vector<Xapian::MSetIterator> &shown,
              const std::vector<std::string> &keys,
              const std::vector<ns_article_t> &arts,
              const Xapian::Query *check, std::vector<size_t> &totals);
/* Every copy of story group KEY, whose copy has title TITLE (no ids). */
std::vector<Copy> group_copies(ns_index_t *idx, const std::string &key,
                               const char *title);
/* versions.cc: when ART, or the article of DOC, last changed: its
 * "updated", else its date, in date's form ("" with neither). */
std::string changed_when(const ns_article_t *art);
std::string changed_when(const Xapian::Document &doc, int enc);
/* The date of ART, or of the article of DOC, in epoch seconds (NO_DATE
 * without one). */
int64_t date_of(const ns_article_t *art);
int64_t date_of(const Xapian::Document &doc, int enc);
/* The copy of COPIES (best first) that stands for a story whose hit is
 * HIT: the newest, the best-ranked of equals, and with SAME_DATE only
 * among those dated as HIT is; -1 when none is newer than the hit. */
long newest_copy(const Copy &hit, const std::vector<Copy> &copies,
                 bool same_date);
/* Each hit of RES with a copy in COPIES (its copies, best first) newer
 * than itself shown by the newest (newest_copy, SAME_DATE passed on):
 * its article replaced, and its own copy listed first in its place.  The
 * hits so changed, whose snippets and marked titles are then the
 * caller's to cut again. */
std::vector<size_t> newest_stand(ns_index_t *idx,
                                 std::vector<std::vector<Copy>> &copies,
                                 ns_results_t *res, bool same_date);
/* The copy of the story of ART (document DOC) that a search shows in its
 * place: the newest of its group's copies that OK accepts, by "updated",
 * else date, read into NEWER; 0 when none is newer than ART. */
Xapian::docid newest_of_story(ns_index_t *idx, const Xapian::Document &doc,
                              const ns_article_t *art,
                              const std::function<bool(const Copy &)> &ok,
                              ns_article_t *newer);
} // namespace libns

#endif
