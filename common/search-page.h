/* search-page.h - One page of a search, between search.cc, which runs
 * the query and fills the hits, and search-page.cc, which ranks the page
 * and checks the phrases of its candidates. */
#ifndef NS_SEARCH_PAGE_H
#define NS_SEARCH_PAGE_H

#include <chrono>
#include <unordered_map>
#include <vector>

#include "copies.h"
#include "index-private.h"

/* The ranks of an MSet a page shows, and, when phrases were checked, the
 * articles the check decoded (owned here until they move into the
 * results). */
namespace libns
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

void plain_page(ns_index_t *idx, Xapian::Enquire &enq,
                const ns_search_opts_t *o, bool blank, Page &page,
                budget &time, ns_results_t *res);
void checked_page(ns_index_t *idx, Xapian::Enquire &enq,
                  const Xapian::Query &q, const ns_search_opts_t *o,
                  Page &page, budget &time, ns_results_t *res);
void note_damaged(ns_index_t *idx, ns_results_t *res);
} // namespace libns

#endif
