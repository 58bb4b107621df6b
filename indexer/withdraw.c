/* withdraw.c - The articles the sources say are gone.
 *
 * A CMS's change feed, like an Elasticsearch bulk stream or a Solr
 * update stream, says a story was deleted with a record of its id,
 * {"id": "s3", "deleted": true}; a WordPress export or REST API, a
 * Blogger backup, an Atom feed, a Markdown site or a CMS's JSON says it
 * by the story's status, set back to draft, and a site by a page marked
 * noindex (common/reader-notes.c: each is an ignored item with its id).
 * An update deletes such an article as --delete does, but not at once:
 * the ids are held till the reading ends, so that a later record of the
 * same id keeps it (the later one wins, as in a bulk stream), and so that
 * the deletions go under the guard of a prune (an export gone wrong that
 * marks every record deleted is refused as a prune of an empty archive
 * is), into one undo file and one commit (prune.c, delete.c). */
#include <stdlib.h>
#include <string.h>

#include "nindex.h"

/* The slot of ID in G: where it is, or the empty one where it would go. */
static size_t gone_slot(const struct gone_ids *g, const char *id)
{
    size_t i = ns_hash64(id, strlen(id), NS_HASH_SEED) & (g->cap - 1);
    while (g->slots[i].id && strcmp(g->slots[i].id, id) != 0)
        i = (i + 1) & (g->cap - 1);
    return i;
}

static void gone_grow(struct gone_ids *g)
{
    struct gone_ids big = {.cap = g->cap ? g->cap * 2 : 64};
    if (!(big.slots = calloc(big.cap, sizeof *big.slots)))
        ns_die("out of memory");
    for (size_t i = 0; i < g->cap; i++)
        if (g->slots[i].id)
            big.slots[gone_slot(&big, g->slots[i].id)] = g->slots[i];
    big.n = g->n;
    free(g->slots);
    *g = big;
}

void ns_gone_add(struct gone_ids *g, const char *id, int kind,
                 const char *where)
{
    if (2 * (g->n + 1) > g->cap)
        gone_grow(g);
    struct gone_id *s = &g->slots[gone_slot(g, id)];
    if (!s->id) {
        if (!(s->id = strdup(id)))
            ns_die("out of memory");
        g->n++;
    }
    free(s->where);
    if (!(s->where = strdup(where)))
        ns_die("out of memory");
    s->kind = kind;
}

void ns_gone_cancel(struct gone_ids *g, const char *id)
{
    if (g->n)
        g->slots[gone_slot(g, id)].kind = 0;
}

void ns_gone_cancel_all(struct gone_ids *g)
{
    for (size_t i = 0; i < g->cap; i++)
        g->slots[i].kind = 0;
}

int ns_gone_kind(const struct gone_ids *g, const char *id)
{
    return g && g->n ? g->slots[gone_slot(g, id)].kind : 0;
}

void ns_gone_list(const struct gone_ids *g, int kind, struct idset *ids)
{
    for (size_t i = 0; i < g->cap; i++) {
        const struct gone_id *s = &g->slots[i];
        if (s->id && s->kind && (!kind || s->kind == kind) &&
            ns_idset_add(ids, s->id) < 0)
            ns_die("out of memory");
    }
}

void ns_gone_say_drafts(const struct gone_ids *g, int dry_run)
{
    for (size_t i = 0; i < g->cap; i++) {
        const struct gone_id *s = &g->slots[i];
        if (s->id && s->kind == NS_GONE_DRAFT)
            ns_warn("%s: article '%s' is a draft in its source now: %s out "
                    "of the index",
                    s->where, s->id, dry_run ? "would be taken" : "taken");
    }
}

void ns_gone_free(struct gone_ids *g)
{
    for (size_t i = 0; i < g->cap; i++) {
        free(g->slots[i].id);
        free(g->slots[i].where);
    }
    free(g->slots);
    memset(g, 0, sizeof *g);
}
