/* changes.cc - What updates and deletions changed in a generation since
 * it was published, for nindex --rollback to say what it undoes.
 *
 * A generation keeps three counters in its metadata (META_CHANGES,
 * "ADDED REPLACED DELETED"): a rebuild writes them as zero, and every
 * commit of an update, a prune or a --delete into the live generation adds
 * what it did.  They are written in the same commit as the changes they
 * count, so a crash or a failed commit loses both or neither.  A
 * generation made by an older version without them, and updated since,
 * has none: what was done to it before cannot be known, so it stays "not
 * counted" rather than under-counted.
 *
 * A generation also records the undo file of the deletions last committed
 * to it (META_UNDO), in the commit that makes them: nindex tells by it an
 * undo file whose deletions were made from one a killed run left. */
#include <cinttypes>
#include <cstdio>

#include "index-private.h"

namespace libns
{

static bool parse_changes(const std::string &s, uint64_t out[3])
{
    return sscanf(s.c_str(), "%" SCNu64 " %" SCNu64 " %" SCNu64, &out[0],
                  &out[1], &out[2]) == 3;
}

void changes_open(ns_index_t *idx, ns_open_mode_t mode, bool in_place)
{
    /* Only the live generation opened through its index directory counts:
     * a build is the publish itself, and a kept generation written to by
     * a takedown (nindex --delete) was never live since. */
    idx->changes_in_place = mode == NS_OPEN_WRITE && in_place;
    bool fresh = idx->wdb->get_doccount() == 0;
    idx->changes_counted =
        fresh || !idx->wdb->get_metadata(META_CHANGES).empty();
    idx->changes_unwritten =
        fresh && idx->wdb->get_metadata(META_CHANGES).empty();
    changes_clear(idx);
}

void changes_note(ns_index_t *idx, int kind, uint64_t n)
{
    if (idx->changes_in_place)
        idx->changes[kind] += n;
}

void changes_write(ns_index_t *idx)
{
    if (!idx->changes_counted)
        return;
    if (!idx->changes_unwritten && !idx->changes[0] && !idx->changes[1] &&
        !idx->changes[2])
        return;
    uint64_t was[3] = {0, 0, 0};
    parse_changes(idx->wdb->get_metadata(META_CHANGES), was);
    char text[80];
    snprintf(text, sizeof text, "%" PRIu64 " %" PRIu64 " %" PRIu64,
             was[0] + idx->changes[0], was[1] + idx->changes[1],
             was[2] + idx->changes[2]);
    idx->wdb->set_metadata(META_CHANGES, text);
}

void changes_clear(ns_index_t *idx)
{
    idx->changes[0] = idx->changes[1] = idx->changes[2] = 0;
}

void changes_committed(ns_index_t *idx)
{
    changes_clear(idx);
    idx->changes_unwritten = false;
}

} // namespace libns

ns_status_t ns_index_changes(ns_index_t *idx, uint64_t out[3], int *counted)
{
    out[0] = out[1] = out[2] = 0;
    *counted = 0;
    libns::clear_error(idx);
    try {
        *counted = libns::parse_changes(idx->db->get_metadata(META_CHANGES),
                                        out);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_undo_record(ns_index_t *idx, char *out, size_t size)
{
    if (size)
        *out = '\0';
    libns::clear_error(idx);
    try {
        std::string name = idx->db->get_metadata(META_UNDO);
        snprintf(out, size, "%s", name.c_str());
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_set_undo_record(ns_index_t *idx, const char *name)
{
    libns::clear_error(idx);
    if (ns_status_t st = libns::need_writer(idx))
        return st;
    idx->undo_record = name;
    idx->undo_pending = true;
    return NS_STATUS_OK;
}
