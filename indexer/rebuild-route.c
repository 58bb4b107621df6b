/* rebuild-route.c - Which shard of a rebuild an article goes to.  The
 * indexer joins an article to a story version group by looking for
 * copies of its headline already written (common/story-group.cc), and a
 * shard sees only its own articles: the copies of a story sent to two
 * shards by their ids would start two groups.  So an article with a
 * headline to group on goes to the shard of its headline, and every
 * later record of an id (a copy with a new headline, a record that it is
 * gone) to the shard its first went to, where it replaces or deletes it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nindex.h"

static uint64_t id_hash(const char *id)
{
    uint64_t h = ns_hash64(id, strlen(id), NS_HASH_SEED);
    return h ? h : 1; /* 0 marks a free slot */
}

/* The slot of H in R: its own, or the free one it would take. */
static size_t slot_of(const struct routes *r, uint64_t h)
{
    size_t i = (size_t)(h & (r->cap - 1));
    while (r->keys[i] && r->keys[i] != h)
        i = (i + 1) & (r->cap - 1);
    return i;
}

static void grow(struct routes *r)
{
    size_t cap = r->cap ? r->cap * 2 : 1024;
    struct routes n = {calloc(cap, sizeof *n.keys), calloc(cap, 1), cap,
                       r->len};
    if (!n.keys || !n.shard)
        ns_die("out of memory");
    for (size_t i = 0; i < r->cap; i++)
        if (r->keys[i]) {
            size_t j = slot_of(&n, r->keys[i]);
            n.keys[j] = r->keys[i];
            n.shard[j] = r->shard[i];
        }
    free(r->keys);
    free(r->shard);
    *r = n;
}

size_t ns_route(struct routes *r, const char *id, const char *title,
                size_t shards)
{
    if (shards < 2)
        return 0;
    if (2 * (r->len + 1) > r->cap)
        grow(r);
    uint64_t h = id_hash(id);
    size_t i = slot_of(r, h);
    if (r->keys[i])
        return r->shard[i];
    uint64_t story = title ? ns_story_route(title) : 0;
    r->keys[i] = h;
    r->shard[i] = (unsigned char)((story ? story : h) % shards);
    r->len++;
    return r->shard[i];
}

void ns_routes_free(struct routes *r)
{
    free(r->keys);
    free(r->shard);
    memset(r, 0, sizeof *r);
}
