/* takedown.cc - What nindex --delete needs to know of an index beyond
 * the article it deletes: the other versions of the same story, and the
 * ids a takedown deleted from a generation kept for --rollback.
 *
 * The same story indexed twice (a wire copy under its own id, the same
 * headline) is one story group (collapse.cc): a takedown of one id left
 * the other searchable without a word.
 *
 * A takedown deletes from every kept generation too (nindex's
 * takedown.c), so a --rollback to one does not bring the article back,
 * and must not say that it undoes that deletion.  The counts of changes
 * (changes.cc) cannot tell, so each kept generation records, in the
 * commit that deletes from it, which ids it lost and which generation
 * was live then (META_TAKEDOWNS, one "LIVE<TAB>ID" line each). */
#include <cstdlib>
#include <cstring>
#include <string>

#include "index-private.h"

static const char META_TAKEDOWNS[] = "nsearch.takedowns";

using namespace libns;

ns_status_t ns_index_story_others(ns_index_t *idx, const char *id,
                                  int (*fn)(const char *id, void *ctx),
                                  void *ctx)
{
    clear_error(idx);
    try {
        Xapian::PostingIterator p = idx->db->postlist_begin(id_term(id));
        if (p == idx->db->postlist_end(id_term(id)))
            return NS_STATUS_NOT_FOUND;
        /* The group term of the article, from its own terms. */
        std::string group;
        Xapian::TermIterator t = idx->db->termlist_begin(*p);
        t.skip_to(PREFIX_GROUP);
        if (t != idx->db->termlist_end(*p) &&
            (*t).size() == sizeof PREFIX_GROUP - 1 + 16 &&
            (*t).compare(0, sizeof PREFIX_GROUP - 1, PREFIX_GROUP) == 0)
            group = *t;
        if (group.empty())
            return NS_STATUS_OK; /* a title too short to group on */
        const std::string own = id_term(id);
        for (auto q = idx->db->postlist_begin(group);
             q != idx->db->postlist_end(group); ++q) {
            Xapian::TermIterator u = idx->db->termlist_begin(*q);
            u.skip_to(PREFIX_ID);
            if (u == idx->db->termlist_end(*q) || *u == own ||
                (*u).compare(0, sizeof PREFIX_ID - 1, PREFIX_ID) != 0)
                continue;
            if (fn((*u).substr(sizeof PREFIX_ID - 1).c_str(), ctx))
                break;
        }
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_note_takedowns(ns_index_t *idx, const char *lines)
{
    clear_error(idx);
    if (ns_status_t st = need_writer(idx))
        return st;
    try {
        std::string was = idx->wdb->get_metadata(META_TAKEDOWNS);
        idx->wdb->set_metadata(META_TAKEDOWNS, was + lines);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_takedowns(ns_index_t *idx, char **out)
{
    *out = NULL;
    clear_error(idx);
    try {
        std::string s = idx->db->get_metadata(META_TAKEDOWNS);
        *out = strdup(s.c_str());
        if (!*out)
            return NS_STATUS_NOMEM;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}
