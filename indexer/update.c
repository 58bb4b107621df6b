/* update.c - nindex's in-place update: add new articles, replace changed
 * ones, skip unchanged ones, committed in batches, then --prune (prune.c)
 * and what records said is gone (delete.c).  With --dry-run it only
 * counts, on a read handle, and touches nothing.
 *
 * Readers see each committed batch; a killed update keeps every batch
 * committed before it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nindex.h"

/* ------------------------------------------------------------------------ */
/* Dry runs: what ns_index_add() would do                                   */
/* ------------------------------------------------------------------------ */

/* The ids a dry run has read and the content hash each would leave in the
 * index, so that an id read twice counts as the real run counts it: the
 * second copy is compared with the first, not with the index.  Open
 * addressing with linear probing; the table is at most half full. */
struct dryset {
    char **ids;
    uint64_t *hashes;
    char **updated; /* each one's "updated", or NULL */
    size_t n, cap;
    int replace_stale; /* --replace-stale: nothing is older */
};

/* The slot of ID in S: where it is, or the empty one where it would go. */
static size_t dry_slot(const struct dryset *s, const char *id)
{
    size_t i = ns_hash64(id, strlen(id), NS_HASH_SEED) & (s->cap - 1);
    while (s->ids[i] && strcmp(s->ids[i], id) != 0)
        i = (i + 1) & (s->cap - 1);
    return i;
}

static void dry_grow(struct dryset *s)
{
    struct dryset big = {.cap = s->cap ? s->cap * 2 : 4096,
                         .replace_stale = s->replace_stale};
    big.ids = calloc(big.cap, sizeof *big.ids);
    big.hashes = calloc(big.cap, sizeof *big.hashes);
    big.updated = calloc(big.cap, sizeof *big.updated);
    if (!big.ids || !big.hashes || !big.updated)
        ns_die("out of memory");
    for (size_t i = 0; i < s->cap; i++)
        if (s->ids[i]) {
            size_t j = dry_slot(&big, s->ids[i]);
            big.ids[j] = s->ids[i];
            big.hashes[j] = s->hashes[i];
            big.updated[j] = s->updated[i];
        }
    big.n = s->n;
    free(s->ids);
    free(s->hashes);
    free(s->updated);
    *s = big;
}

static void dry_free(struct dryset *s)
{
    for (size_t i = 0; i < s->cap; i++) {
        free(s->ids[i]);
        free(s->updated[i]);
    }
    free(s->ids);
    free(s->hashes);
    free(s->updated);
}

/* Is an article changed at UPDATED older than one changed at WAS?  Only
 * when both are known (their fixed form sorts as the times do): an
 * article without one is replaced as it always was. */
static int older(const char *updated, const char *was)
{
    return updated && was && strcmp(updated, was) < 0;
}

/* Keep the stored "updated" of a copy in *SLOT. */
static void dry_keep(char **slot, const char *updated)
{
    free(*slot);
    *slot = updated ? strdup(updated) : NULL;
    if (updated && !*slot)
        ns_die("out of memory");
}

/* What adding ART to IDX (a read handle, or NULL for no index) would do,
 * given the articles of this run before it in S; when it would be
 * NS_ADD_STALE, the "updated" of the one it would keep goes into WAS
 * (WAS_SIZE bytes).  Returns NS_STATUS_OK, NS_STATUS_BAD_INPUT as
 * ns_index_add() would, or the failure of the lookup. */
static ns_status_t dry_add(ns_index_t *idx, struct dryset *s,
                           const ns_article_t *art, ns_add_result_t *res,
                           char *was, size_t was_size)
{
    if (!art->id || !*art->id || strlen(art->id) > NS_MAX_ID)
        return NS_STATUS_BAD_INPUT;
    if (2 * (s->n + 1) > s->cap)
        dry_grow(s);
    uint64_t h = ns_article_hash(art);
    size_t i = dry_slot(s, art->id);
    if (s->ids[i]) {
        *res = s->hashes[i] == h ? NS_ADD_UNCHANGED : NS_ADD_REPLACED;
        if (*res == NS_ADD_REPLACED && !s->replace_stale &&
            older(art->updated, s->updated[i])) {
            *res = NS_ADD_STALE;
            snprintf(was, was_size, "%s", s->updated[i]);
            return NS_STATUS_OK;
        }
        s->hashes[i] = h;
        dry_keep(&s->updated[i], art->updated);
        return NS_STATUS_OK;
    }
    /* The index keeps a hash of each article as it was given; the stored
     * article, read back, hashes the same. */
    *res = NS_ADD_ADDED;
    if (idx) {
        ns_article_t stored = {0};
        ns_status_t st = ns_index_get(idx, art->id, &stored);
        if (st == NS_STATUS_OK)
            *res = ns_article_hash(&stored) == h ? NS_ADD_UNCHANGED
                                                 : NS_ADD_REPLACED;
        int stale = st == NS_STATUS_OK && *res == NS_ADD_REPLACED &&
                    !s->replace_stale && older(art->updated, stored.updated);
        if (stale) {
            /* What stays is the stored one: later copies meet it. */
            *res = NS_ADD_STALE;
            snprintf(was, was_size, "%s", stored.updated);
            h = ns_article_hash(&stored);
            dry_keep(&s->updated[i], stored.updated);
        } else {
            dry_keep(&s->updated[i], art->updated);
        }
        ns_article_clear(&stored);
        if (st != NS_STATUS_OK && st != NS_STATUS_NOT_FOUND)
            return st;
    } else {
        dry_keep(&s->updated[i], art->updated);
    }
    if (!(s->ids[i] = strdup(art->id)))
        ns_die("out of memory");
    s->hashes[i] = h;
    s->n++;
    return NS_STATUS_OK;
}

/* ------------------------------------------------------------------------ */
/* Update: in place, in batches                                             */
/* ------------------------------------------------------------------------ */

/* What update_article() needs between calls. */
struct update {
    ns_index_t *idx; /* the writer; with --dry-run a reader, or NULL */
    const struct options *o;
    struct counts *c;
    struct progress *pr;
    struct dryset dry;     /* with --dry-run: the ids read so far */
    unsigned long pending; /* changes since the last commit */
    unsigned long commits;
    int failed;         /* a commit failed: nothing more was written */
    int full;           /* ... for the disk was full */
    struct counts done; /* the counts at the last commit */
    struct gone_ids gone; /* what records said is gone (withdraw.c) */
};

/* A commit failed: what it held was not written, so the summary counts
 * only what earlier commits wrote, and says what was lost. */
static void uncount(struct update *u)
{
    unsigned long lost = (u->c->added - u->done.added) +
                         (u->c->replaced - u->done.replaced) +
                         (u->c->deleted - u->done.deleted);
    u->c->added = u->done.added;
    u->c->replaced = u->done.replaced;
    u->c->deleted = u->done.deleted;
    if (lost)
        ns_error("%lu changes since the last commit were not written", lost);
}

/* ART, the first of its id in the run, was not applied (NS_ADD_STALE):
 * the index keeps the copy changed at WAS (SIZE bytes; the one stored,
 * looked up into it, when WAS is "").  A later copy is said by the reader
 * instead (sources.c), which knows whether it met the copy indexed or
 * one read before. */
static void say_stale(struct update *u, const ns_article_t *art,
                      const char *where, char *was, size_t size)
{
    char hash[17];
    if (!*was && (!u->idx || ns_index_version(u->idx, art->id, hash, was,
                                               size) != NS_STATUS_OK))
        *was = '\0';
    if (!ns_said_stale(where, u->o, u->pr))
        return; /* counted all the same */
    ns_progress_clear(u->pr);
    ns_warn("%s: article '%s' is older (updated %s) than the one indexed "
            "(updated %s): kept the newer" STALE_WAY_OUT,
            where, art->id, art->updated, *was ? was : "later");
}

/* A record says ID is gone (an ns_gone_fn): held for the end of the
 * reading when the id names an article, indexed or read before in this
 * run (the writer sees its own batch). */
static int update_gone(const char *id, int kind, int read_before,
                       const char *where, void *ctx)
{
    struct update *u = ctx;
    int has = read_before || ns_gone_kind(&u->gone, id);
    if (!has && u->idx && ns_index_has_id(u->idx, id, &has) != NS_STATUS_OK) {
        ns_progress_clear(u->pr);
        ns_error("%s: cannot look up article '%s': %s", where, id,
                 ns_index_last_error(u->idx));
        return -1;
    }
    if (!has)
        return 1;
    ns_gone_add(&u->gone, id, kind, where);
    return 0;
}

/* Add one article (an ns_article_fn); commit every --commit-every
 * changes. */
static int update_article(ns_article_t *art, int read_before,
                          const char *where, void *ctx)
{
    struct update *u = ctx;
    /* Read after a record that said it is gone: the later one wins. */
    ns_gone_cancel(&u->gone, art->id ? art->id : "");
    ns_add_result_t res;
    const char *warning = NULL;
    char was[32] = "";
    /* A correction's text taken out: looked for before it is gone. */
    int held = !u->o->dry_run && art->id && ns_dict_held(u->idx, art->id, art);
    /* Of another site, indexed before the run (one read before in it is
     * said by the reader). */
    char other[256];
    int other_site = !read_before && ns_other_site(u->idx, art, other,
                                                   sizeof other);
    ns_status_t st = u->o->dry_run
                         ? dry_add(u->idx, &u->dry, art, &res, was, sizeof was)
                         : ns_index_add(u->idx, art, &res, &warning);
    if (st == NS_STATUS_BAD_INPUT) {
        ns_progress_clear(u->pr);
        ns_error("%s: %s", where,
                 u->o->dry_run ? "article has no usable id"
                               : ns_index_last_error(u->idx));
        return 1;
    }
    if (st != NS_STATUS_OK) {
        ns_progress_clear(u->pr);
        ns_error("%s: cannot index article '%s': %s", where, art->id,
                 u->idx ? ns_index_last_error(u->idx)
                        : ns_status_to_string(st));
        return -1;
    }
    if (warning)
        ns_stemless_note(warning, where, u->pr); /* counted when said */
    if (held && res == NS_ADD_REPLACED)
        ns_dict_held_say(art->id, u->pr);
    if (other_site && res == NS_ADD_REPLACED)
        ns_other_site_say(where, art, other, u->o, u->c, u->pr);
    ns_count_result(u->c, res);
    if (res == NS_ADD_STALE) {
        if (!read_before) {
            /* The reader remembers the copy kept, for later ones. */
            say_stale(u, art, where, was, sizeof was);
            free(art->updated);
            art->updated = *was ? strdup(was) : NULL;
        }
        return 2;
    }
    if (!u->o->dry_run && res != NS_ADD_UNCHANGED &&
        ++u->pending >= (unsigned long)u->o->commit_every) {
        if (ns_index_commit(u->idx) != NS_STATUS_OK) {
            ns_progress_clear(u->pr);
            ns_error("cannot commit: %s", ns_index_last_error(u->idx));
            uncount(u);
            u->failed = 1;
            u->full = ns_disk_full(ns_index_last_error(u->idx));
            return -1;
        }
        u->pending = 0;
        u->done = *u->c;
        if (++u->commits == 2)
            ns_crash_point("update");
    }
    return 0;
}

/* May this user not write the live generation of DB, or its lock file?
 * After one run as root (a --rebuild, a --delete by hand) the nightly
 * job's user got Xapian's "Unable to get write lock ... Permission
 * denied" and no word of what to do. */
static int not_writable(const char *db)
{
    char gen[256], path[4400];
    if (ns_gen_current(db, gen, sizeof gen) != 0)
        return 0;
    snprintf(path, sizeof path, "%s/%s", db, gen);
    if (access(path, W_OK) < 0 && errno == EACCES)
        return 1;
    snprintf(path, sizeof path, "%s/%s/flintlock", db, gen);
    return access(path, W_OK) < 0 && errno == EACCES;
}

int ns_update_open_index(const char *db, const struct options *o,
                         ns_index_t **out)
{
    char *err;
    ns_status_t st =
        ns_index_open(db, o->dry_run ? NS_OPEN_READ : NS_OPEN_WRITE, out, &err);
    int sys = errno;
    if (st == NS_STATUS_NOT_FOUND && o->dry_run) {
        free(err);
        return 0;
    }
    if (st != NS_STATUS_OK) {
        ns_error("cannot open index '%s'%s: %s%s", db,
                 o->dry_run ? "" : " for writing", ns_db_error(st, err),
                 !o->dry_run && not_writable(db) ? OWNER_HINT
                                                 : ns_system_hint(st, sys));
        free(err);
        return -1;
    }
    if (!o->dry_run) {
        ns_undo_start(db, *out);
        ns_index_set_replace_stale(*out, o->replace_stale);
    }
    return 0;
}

/* --prune once the SOURCEs are read (RC from ns_sources_read()), LIVE
 * the articles the index held before.  Returns the exit status it calls
 * for, or EXIT_OK. */
static int prune_after(const char *db, ns_index_t *idx, int rc,
                       const struct seen_ids *seen,
                       const struct gone_ids *gone, uint64_t live,
                       const struct options *o, struct counts *c,
                       struct progress *pr, int *ran)
{
    if (rc == -1) {
        ns_warn("not pruning: a source could not be read");
        return EXIT_OK; /* the update's own error says the rest */
    }
    if (rc != 0 || ns_interrupted)
        return EXIT_OK;
    /* Only a complete reading of the sources says what is gone: with a
     * skipped record, its article would be pruned by mistake. */
    if (c->skipped) {
        ns_progress_clear(pr);
        ns_warn("not pruning: %lu record%s skipped", c->skipped,
                c->skipped == 1 ? " was" : "s were");
        return EXIT_NOT_PRUNED;
    }
    /* Nor is an empty file: an export that failed and truncated its file
     * looks just like one whose articles were all withdrawn, and the
     * index does not know which file an article came from.  --force says
     * it was emptied on purpose.  An empty SOURCE is the guard's (exit
     * 5, never overridden). */
    if (c->empty_files && !c->empty_sources && !o->force) {
        ns_progress_clear(pr);
        ns_warn("not pruning: %lu source file%s held no article: an "
                "emptied export would delete its articles (--force prunes "
                "anyway)",
                c->empty_files, c->empty_files == 1 ? "" : "s");
        return EXIT_NOT_PRUNED;
    }
    *ran = 1;
    return ns_prune(db, idx, seen, gone, live, o, c);
}

/* What records said is gone (withdraw.c), deleted from IDX when no
 * prune did it: under the same guard, undo file and commit as --delete.
 * Returns EXIT_OK, EXIT_PRUNE_REFUSED or EXIT_ERROR (reported). */
static int delete_gone(const char *db, ns_index_t *idx,
                       const struct gone_ids *gone, uint64_t live,
                       const struct options *o, struct counts *c)
{
    struct idset ids = {0};
    ns_gone_list(gone, 0, &ids);
    int rc = ids.n ? ns_delete_listed(db, idx, &ids, live, o, c) : EXIT_OK;
    ns_idset_free(&ids);
    return rc;
}

/* Once what records said is gone is deleted and committed: the drafts'
 * lines, the files kept too long, and the deletions' ids out of the kept
 * generations too, as --delete takes them out.  Returns 0, or -1
 * (reported). */
static int finish_gone(const char *db, const struct options *o,
                       const struct gone_ids *gone, struct counts *c)
{
    struct idset ids = {0};
    ns_gone_say_drafts(gone, o->dry_run);
    ns_gone_list(gone, NS_GONE_DELETED, &ids);
    int rc = 0;
    if (!o->dry_run && ids.n) {
        ns_undo_expire(db, o->keep_deleted_days);
        rc = ns_takedown_kept(db, o, ids.ids, ids.n, NULL, c) == EXIT_OK
                 ? 0
                 : -1;
    }
    ns_idset_free(&ids);
    return rc;
}

int ns_run_update(const char *db, const struct options *o, struct counts *c,
                  struct progress *pr)
{
    ns_index_t *idx;
    if (ns_update_open_index(db, o, &idx) < 0)
        return EXIT_ERROR;
    if (!o->dry_run &&
        (ns_shard_record(idx, o) < 0 || ns_default_lang_record(idx, o) < 0)) {
        ns_index_close(idx);
        return EXIT_ERROR;
    }
    /* The prune's share is of the articles live before the run: counted
     * after it, the night's additions diluted it, and a prune of a whole
     * archive from a SOURCE of other articles passed the guard that its
     * dry run (which adds nothing) said would refuse it. */
    uint64_t live = 0;
    if (idx && ns_index_count(idx, &live) != NS_STATUS_OK) {
        ns_error("cannot count the articles of '%s': %s", db,
                 ns_index_last_error(idx));
        ns_index_close(idx);
        return EXIT_ERROR;
    }
    struct seen_ids *seen = NULL;
    struct update u = {.idx = idx, .o = o, .c = c, .pr = pr};
    u.dry.replace_stale = o->replace_stale;
    u.done = *c;
    int rc = ns_sources_read(o, c, pr, update_article, update_gone, &u,
                             o->prune ? &seen : NULL);
    int ran = 0; /* the prune ran, and deleted what records said is gone */
    int pruned = o->prune ? prune_after(db, idx, rc, seen, &u.gone, live, o,
                                        c, pr, &ran)
                          : 0;
    /* Without a prune, what records said is gone is deleted as --delete
     * deletes it; a prune not done is no reason to keep it. */
    int gone_rc = EXIT_OK;
    if (!ran && rc != -2 && !ns_interrupted && pruned != EXIT_ERROR)
        gone_rc = delete_gone(db, idx, &u.gone, live, o, c);
    if (gone_rc != EXIT_OK || pruned == EXIT_PRUNE_REFUSED ||
        pruned == EXIT_ERROR || rc == -2 || ns_interrupted)
        ns_gone_cancel_all(&u.gone); /* none of them was deleted */
    if (gone_rc != EXIT_OK && pruned != EXIT_ERROR)
        pruned = gone_rc;
    if (pruned == EXIT_ERROR)
        rc = -2;
    ns_seen_free(seen);
    dry_free(&u.dry);
    /* The final commit, with its message (close gives only a status). */
    ns_status_t st =
        idx && !o->dry_run && !u.failed ? ns_index_commit(idx) : NS_STATUS_OK;
    if (st != NS_STATUS_OK) {
        ns_error("cannot commit to '%s': %s", db, ns_index_last_error(idx));
        uncount(&u);
        u.full = u.full || ns_disk_full(ns_index_last_error(idx));
        rc = -2;
    }
    ns_index_info_t info;
    if (idx && !o->dry_run && st == NS_STATUS_OK &&
        ns_index_info(idx, &info) == NS_STATUS_OK && info.old_times)
        ns_warn("'%s' keeps article times as an older nindex did, which "
                "misorders dates before 1970 when sorting and at the edges "
                "of date ranges; nindex --rebuild fixes that",
                db);
    ns_index_close(idx);
    if (rc >= 0 && !ns_interrupted && finish_gone(db, o, &u.gone, c) < 0)
        rc = -2;
    ns_gone_free(&u.gone);
    /* Deletions are committed all together or not at all (ns_prune), so
     * none counted means none made. */
    if (ns_interrupted)
        ns_error("interrupted; the articles read so far were %s%s",
                 o->dry_run ? "counted" : "committed",
                 o->prune && !o->dry_run && !c->deleted ? "; nothing was pruned"
                                                        : "");
    else if (rc == -2 && o->prune && !o->dry_run && !c->deleted)
        ns_say_not_pruned(db, u.full);
    if (rc < 0 || ns_interrupted)
        return EXIT_ERROR;
    if (pruned != EXIT_OK)
        return pruned;
    return c->skipped ? EXIT_SKIPPED : EXIT_OK;
}
