/* delete.c - nindex --delete ID...: the articles named taken out of the
 * live generation under a prune's guard, kept in DB/deleted first, the
 * other copies of each one's story said; then out of the generations kept
 * for --rollback (takedown.c) and, with --keep-deleted 0, the undo files
 * (undo-purge.c).  An update deletes what records said is gone the same
 * way (ns_delete_listed).  With --dry-run it only counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nindex.h"

/* The ids --delete names, into ALL: each id of O once (an id given twice,
 * a list with repeats, is one deletion), this shard's; those of them in
 * IDX (NULL with --dry-run and no index) into IDS, the others marked in
 * ABSENT (one byte an id of ALL, room for O->n_args).  An id in no live
 * article may still be in a kept generation or an undo file: whether it
 * names nothing at all is told once those are seen (ns_run_delete).
 * Returns EXIT_OK or EXIT_ERROR (reported). */
static int find_ids(ns_index_t *idx, const struct options *o,
                    struct counts *c, struct idset *all, struct idset *ids,
                    unsigned char *absent)
{
    for (int i = 0; i < o->n_args; i++) {
        const char *id = o->args[i];
        int again = 0;
        for (int k = 0; k < i && !again; k++)
            again = !strcmp(o->args[k], id);
        if (again)
            continue;
        if (ns_shard_other(o, id)) {
            /* Another shard's article: deleted on its own host. */
            c->other_shard++;
            continue;
        }
        if (ns_idset_add(all, id) < 0)
            ns_die("out of memory");
        ns_article_t art = {0};
        ns_status_t st = idx ? ns_index_get(idx, id, &art) : NS_STATUS_NOT_FOUND;
        ns_article_clear(&art);
        if (st == NS_STATUS_NOT_FOUND) {
            absent[all->n - 1] = 1;
        } else if (st != NS_STATUS_OK && !ns_utf8_valid(id, strlen(id))) {
            /* A record of an id that is not UTF-8 never reads (undo.c);
             * it is there, and the id given names it. */
            if (ns_idset_add(ids, id) < 0)
                ns_die("out of memory");
        } else if (st != NS_STATUS_OK) {
            ns_error("cannot read article '%s': %s", id,
                     ns_index_last_error(idx));
            return EXIT_ERROR;
        } else if (ns_idset_add(ids, id) < 0) {
            ns_die("out of memory");
        }
    }
    return EXIT_OK;
}

static int not_kept(void)
{
    ns_error("not deleting: the articles could not be kept");
    return EXIT_ERROR;
}

/* Write the articles in IDS to this run's file in DB/deleted, synced,
 * before any is deleted.  Returns EXIT_OK or EXIT_ERROR (reported; then
 * nothing is deleted). */
static int keep_ids(const char *db, ns_index_t *idx, const struct idset *ids)
{
    /* What came before is committed first, with the index's record of
     * undo files when it starts one: a kill before the deletions' commit
     * then leaves a file newer than that record, which the next run
     * knows for one of deletions never made. */
    if (ns_index_commit(idx) != NS_STATUS_OK)
        return ns_say_not_deleted(db, ns_index_last_error(idx));
    struct undo u;
    if (ns_undo_open(&u, db) < 0)
        return not_kept();
    for (size_t i = 0; i < ids->n; i++)
        if (ns_undo_save(&u, idx, ids->ids[i]) < 0) {
            ns_undo_abandon(&u);
            return not_kept();
        }
    if (ns_undo_close(&u) < 0)
        return not_kept();
    /* Recorded in the commit that deletes them. */
    if (u.saved && ns_undo_record(idx, &u) < 0) {
        unlink(u.path);
        return not_kept();
    }
    return EXIT_OK;
}

/* Delete the articles in IDS from IDX.  Returns EXIT_OK or EXIT_ERROR
 * (reported). */
static int delete_ids(ns_index_t *idx, const struct idset *ids,
                      struct counts *c)
{
    for (size_t i = 0; i < ids->n; i++) {
        int found = 0;
        ns_dict_held_check(idx, ids->ids[i], NULL);
        if (ns_index_delete(idx, ids->ids[i], &found) != NS_STATUS_OK) {
            ns_error("cannot delete '%s': %s", ids->ids[i],
                     ns_index_last_error(idx));
            return EXIT_ERROR;
        }
        c->deleted += found != 0;
        if (i == 0)
            ns_crash_point("delete");
    }
    return EXIT_OK;
}

/* Is there no index at DB (said so)?  Opening it for writing makes one,
 * and a dry run reads none as an index without the ids: a wrong --db
 * answered "no article with id", exit 3, which a takedown script reads
 * as an article deleted already. */
static int no_index(const char *db)
{
    ns_index_t *idx;
    char *err;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &idx, &err);
    if (st == NS_STATUS_NOT_FOUND)
        ns_error("%s", ns_db_error(st, err));
    ns_index_close(idx);
    free(err);
    return st == NS_STATUS_NOT_FOUND;
}

/* The other versions of a story (the same title, indexed under other
 * ids: a wire copy, a reprint) outlive a --delete of one of them, and
 * stay searchable: the run names them.  Up to OTHERS_NAMED each. */
#define OTHERS_NAMED 5

struct others {
    const struct idset *deleting;
    ns_buf_t *out; /* "'a', 'b'" */
    unsigned long n;
};

static int note_other(const char *id, void *ctx)
{
    struct others *x = ctx;
    for (size_t i = 0; i < x->deleting->n; i++)
        if (strcmp(x->deleting->ids[i], id) == 0)
            return 0; /* goes with this run */
    if (++x->n <= OTHERS_NAMED &&
        (ns_buf_puts(x->out, x->n > 1 ? ", '" : "'") < 0 ||
         ns_buf_puts(x->out, id) < 0 || ns_buf_putc(x->out, '\'') < 0))
        ns_die("out of memory");
    if (x->n == OTHERS_NAMED + 1 && ns_buf_puts(x->out, ", ...") < 0)
        ns_die("out of memory");
    return 0;
}

/* The versions of ID's story that IDS leaves, into OUT: "N\t'a', 'b'"
 * (nothing when none, or when they cannot be read: the deletion does not
 * wait on a warning). */
static void find_others(ns_index_t *idx, const struct idset *ids,
                        const char *id, ns_buf_t *out)
{
    ns_buf_t names = {0};
    struct others x = {.deleting = ids, .out = &names};
    if (idx && ns_index_story_others(idx, id, note_other, &x) ==
                   NS_STATUS_OK &&
        x.n) {
        char head[32];
        snprintf(head, sizeof head, "%lu\t", x.n);
        if (ns_buf_puts(out, head) < 0 || ns_buf_puts(out, names.p) < 0)
            ns_die("out of memory");
    }
    ns_buf_free(&names);
}

static void say_others(const char *id, const ns_buf_t *found, int dry_run)
{
    unsigned long n = strtoul(found->p, NULL, 10);
    const char *names = strchr(found->p, '\t') + 1;
    /* A dry run deletes nothing: it says what the run would leave. */
    ns_warn("%s '%s'; %lu other version%s of this story %s%s: %s "
            "(nindex --delete %s too if %s must go)",
            dry_run ? "would delete" : "deleted", id, n, n == 1 ? "" : "s",
            dry_run ? "would remain" : "remain",
            !dry_run && n == 1 ? "s" : "", names, n == 1 ? "it" : "them",
            n == 1 ? "it" : "they");
}

/* Delete the articles in IDS from IDX, LIVE of them before the run, as
 * --delete does: the limits of a prune hold here too (a list of ids gone
 * wrong, a whole export's ids in place of a takedown's, or an export
 * that marks every record deleted, is refused as a prune from the wrong
 * directory is); what is deleted is kept in DB/deleted first.  Returns
 * EXIT_OK, EXIT_PRUNE_REFUSED or EXIT_ERROR (reported). */
int ns_delete_listed(const char *db, ns_index_t *idx, const struct idset *ids,
                     uint64_t live, const struct options *o, struct counts *c)
{
    int rc = ns_delete_guard("delete", o, ids->n, (unsigned long)live);
    if (rc != EXIT_OK || !ids->n)
        return rc;
    ns_buf_t *others = calloc(ids->n, sizeof *others);
    if (!others)
        ns_die("out of memory");
    for (size_t i = 0; i < ids->n; i++)
        find_others(idx, ids, ids->ids[i], &others[i]);
    if (o->dry_run)
        c->deleted += ids->n;
    else if (o->keep_deleted_days <= 0 ||
             (rc = keep_ids(db, idx, ids)) == EXIT_OK)
        rc = delete_ids(idx, ids, c);
    for (size_t i = 0; i < ids->n; i++) {
        if (rc == EXIT_OK && others[i].len)
            say_others(ids->ids[i], &others[i], o->dry_run);
        ns_buf_free(&others[i]);
    }
    free(others);
    return rc;
}

/* Take ALL (of --delete) out of the undo files too when --keep-deleted
 * is 0, and say so; FILES gets the files each was in. */
static int purge_undo(const char *db, const struct options *o,
                      const struct idset *all, unsigned long *files)
{
    if (o->keep_deleted_days != 0 || !all->n)
        return EXIT_OK;
    int rc = ns_undo_purge(db, o, all->ids, all->n, files);
    for (size_t i = 0; i < all->n; i++)
        if (files[i] && !o->quiet)
            printf("nindex: %s '%s' from %lu undo file%s\n",
                   o->dry_run ? "would remove" : "removed", all->ids[i],
                   files[i], files[i] == 1 ? "" : "s");
    return rc;
}

int ns_run_delete(const char *db, const struct options *o, struct counts *c)
{
    ns_index_t *idx;
    if (no_index(db) || ns_update_open_index(db, o, &idx) < 0)
        return EXIT_ERROR;
    size_t n = o->n_args ? (size_t)o->n_args : 1;
    unsigned char *absent = calloc(n, 1), *kept = calloc(n, 1);
    unsigned long *files = calloc(n, sizeof *files);
    if (!absent || !kept || !files)
        ns_die("out of memory");
    struct idset all = {0}, ids = {0};
    uint64_t live = 0;
    int rc = find_ids(idx, o, c, &all, &ids, absent);
    if (rc == EXIT_OK && idx && ns_index_count(idx, &live) != NS_STATUS_OK) {
        ns_error("cannot count the articles of '%s': %s", db,
                 ns_index_last_error(idx));
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_OK)
        rc = ns_delete_listed(db, idx, &ids, live, o, c);
    /* The deletions' commit, with its message (close gives only a
     * status); after it, close has nothing to write, and after an error
     * said, its commit would fail again for the same reason. */
    int committed = rc == EXIT_OK && idx && !o->dry_run;
    if (committed && ns_index_commit(idx) != NS_STATUS_OK) {
        rc = ns_say_not_deleted(db, ns_index_last_error(idx));
        c->deleted = 0;
    }
    ns_idset_free(&ids);
    if (ns_index_close(idx) != NS_STATUS_OK && !committed && rc == EXIT_OK) {
        ns_error("cannot commit to '%s'", db);
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_OK && c->deleted && !o->dry_run)
        ns_crash_point("deleted");
    /* Also with no article live (an id deleted already, or pruned): a
     * takedown run again after a kept generation could not be written
     * finishes the job there, and one of a story a prune took out
     * reaches the generations and files that still hold it.  A dry run
     * counts what the real run would do there, and writes nothing. */
    if (rc == EXIT_OK) {
        int kept_rc = ns_takedown_kept(db, o, all.ids, all.n, kept, c);
        rc = purge_undo(db, o, &all, files);
        if (kept_rc != EXIT_OK)
            rc = kept_rc;
        for (size_t i = 0; i < all.n; i++)
            if (absent[i] && !kept[i] && !files[i]) {
                ns_error("no article with id '%s'", all.ids[i]);
                c->skipped++;
            }
    }
    /* With --keep-deleted 0 too: the files kept before go. */
    if (!o->dry_run && rc == EXIT_OK && c->deleted)
        ns_undo_expire(db, o->keep_deleted_days);
    ns_idset_free(&all);
    free(absent);
    free(kept);
    free(files);
    if (rc == EXIT_OK && c->skipped)
        return EXIT_SKIPPED;
    return rc;
}
