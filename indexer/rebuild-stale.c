/* rebuild-stale.c - A rebuild keeps the newer live copy of an article.
 *
 * The nightly update leaves an article as it is when a record of it is
 * older by "updated" than the copy indexed (a cached feed, a delayed
 * export: update.c).  The weekly rebuild read its SOURCEs alone, so the
 * same export that the update refused brought the uncorrected story back
 * once a week, exit 0, with nothing said.  So the first record of each id
 * is held against the live generation too: when the live copy is newer,
 * that copy goes into the new generation in the record's place, said and
 * counted as the update says and counts it.  Later copies of the id in
 * the run meet the one kept in their shard (rebuild.c), as an update's
 * meet the copy it wrote. */
#include <stdio.h>
#include <string.h>

#include "nindex.h"

int ns_rebuild_stale(ns_index_t *live, ns_article_t *art, ns_article_t *kept,
                     const char *where, const struct options *o,
                     struct counts *c, struct progress *pr)
{
    memset(kept, 0, sizeof *kept);
    if (!live || !art->id || !art->updated || o->replace_stale)
        return 0;
    char hash[17], was[64];
    ns_status_t st = ns_index_version(live, art->id, hash, was, sizeof was);
    if (st == NS_STATUS_NOT_FOUND)
        return 0;
    if (st == NS_STATUS_OK && (!*was || strcmp(was, art->updated) <= 0))
        return 0; /* equal times, or none kept, replace as in an update */
    /* Two copies: one for the new generation, one left in ART for the
     * reader's note of the copy kept (sources.c). */
    ns_article_t again = {0};
    if (st == NS_STATUS_OK && (st = ns_index_get(live, art->id, kept)) ==
                                  NS_STATUS_OK)
        st = ns_index_get(live, art->id, &again);
    if (st != NS_STATUS_OK) {
        /* A damaged live copy is no reason to keep the rebuild, which
         * may be what repairs it, from the record. */
        ns_progress_clear(pr);
        ns_warn("%s: cannot read the live copy of article '%s' to compare "
                "it (%s): the record is indexed",
                where, art->id, ns_index_last_error(live));
        c->warnings++;
        ns_article_clear(kept);
        ns_article_clear(&again);
        return 0;
    }
    c->stale++;
    if (ns_said_stale(where, o, pr)) {
        ns_progress_clear(pr);
        ns_warn("%s: article '%s' is older (updated %s) than the one indexed "
                "(updated %s): kept the newer" STALE_WAY_OUT,
                where, art->id, art->updated, was);
    }
    ns_article_clear(art);
    *art = again;
    return 1;
}
