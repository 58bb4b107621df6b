/* dict-held.c - An older index's compression dictionary, which holds its
 * first articles' own text: said when an article that goes, or the text a
 * correction takes out, is still in it.
 *
 * A rebuild of an older version stored the last 32 KiB of its sample's
 * JSON as the dictionary, whole articles, names and all; the dictionary
 * stays while the articles compressed with it do, so a --delete, a prune,
 * a deletion record or a correction leaves that text readable in the
 * index's files.  Only a rebuild replaces the dictionary (with one of
 * shared pieces, common/zdict.c), so the operator is told to run one: once
 * a run, for the first such article. */
#include "nindex.h"

static int said;

int ns_dict_held(ns_index_t *idx, const char *id, const ns_article_t *next)
{
    int holds = 0;
    if (said || !idx ||
        ns_index_dictionary_holds(idx, id, next, &holds) != NS_STATUS_OK)
        return 0;
    return holds;
}

void ns_dict_held_say(const char *id, struct progress *pr)
{
    if (said)
        return;
    said = 1;
    if (pr)
        ns_progress_clear(pr);
    ns_warn("the index's compression dictionary still holds text of '%s'; "
            "`nindex --rebuild --keep 1` replaces it",
            id);
}

void ns_dict_held_check(ns_index_t *idx, const char *id, struct progress *pr)
{
    if (ns_dict_held(idx, id, NULL))
        ns_dict_held_say(id, pr);
}
