/* update.c - nindex's in-place modes: an update (add new articles,
 * replace changed ones, skip unchanged ones) committed in batches, with
 * --prune; and --delete.
 *
 * Readers see each committed batch; a killed update keeps every batch
 * committed before it. */
#include <stdlib.h>
#include <string.h>

#include "nindex.h"

/* ------------------------------------------------------------------------ */
/* Seen ids, for --prune                                                    */
/* ------------------------------------------------------------------------ */

struct idset {
    char **ids;
    size_t n, cap;
};

static int idset_add(struct idset *s, const char *id)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        char **grown = realloc(s->ids, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->ids = grown;
        s->cap = cap;
    }
    if (!(s->ids[s->n] = strdup(id)))
        return -1;
    s->n++;
    return 0;
}

static int cmp_ids(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort S once all ids are in, before idset_has(). */
static void idset_sort(struct idset *s)
{
    qsort(s->ids, s->n, sizeof *s->ids, cmp_ids);
}

static int idset_has(const char *id, void *ctx)
{
    const struct idset *s = ctx;
    return bsearch(&id, s->ids, s->n, sizeof *s->ids, cmp_ids) != NULL;
}

static void idset_free(struct idset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->ids[i]);
    free(s->ids);
}

/* ------------------------------------------------------------------------ */
/* Update: in place, in batches                                             */
/* ------------------------------------------------------------------------ */

/* What update_article() needs between calls. */
struct update {
    ns_index_t *idx;
    const struct options *o;
    struct counts *c;
    struct progress *pr;
    struct idset *seen;    /* ids read, for --prune; or NULL */
    unsigned long pending; /* changes since the last commit */
    unsigned long commits;
};

/* Add one article (an ns_article_fn); commit every --commit-every
 * changes. */
static int update_article(ns_article_t *art, const char *where, void *ctx)
{
    struct update *u = ctx;
    ns_add_result_t res;
    const char *warning;
    ns_status_t st = ns_index_add(u->idx, art, &res, &warning);
    if (st == NS_STATUS_BAD_INPUT) {
        ns_progress_clear(u->pr);
        ns_error("%s: %s", where, ns_index_last_error(u->idx));
        return 1;
    }
    if (st != NS_STATUS_OK) {
        ns_progress_clear(u->pr);
        ns_error("%s: cannot index article '%s': %s", where, art->id,
                 ns_index_last_error(u->idx));
        return -1;
    }
    if (warning) {
        ns_progress_clear(u->pr);
        ns_warn("%s: %s", where, warning);
        u->c->warnings++;
    }
    ns_count_result(u->c, res);
    if (u->seen && idset_add(u->seen, art->id) < 0)
        ns_die("out of memory");
    if (res != NS_ADD_UNCHANGED &&
        ++u->pending >= (unsigned long)u->o->commit_every) {
        if (ns_index_commit(u->idx) != NS_STATUS_OK) {
            ns_progress_clear(u->pr);
            ns_error("cannot commit: %s", ns_index_last_error(u->idx));
            return -1;
        }
        u->pending = 0;
        if (++u->commits == 2)
            ns_crash_point("update");
    }
    return 0;
}

/* The live generation of DB for writing, or NULL (reported). */
static ns_index_t *open_writer(const char *db)
{
    ns_index_t *idx;
    char *err;
    ns_status_t st = ns_index_open(db, NS_OPEN_WRITE, &idx, &err);
    if (st != NS_STATUS_OK) {
        ns_error("cannot open index '%s' for writing: %s", db,
                 ns_db_error(st, err));
        free(err);
        return NULL;
    }
    return idx;
}

/* --prune after a complete reading of the sources: delete the articles
 * whose ids are not in SEEN.  Returns 0 or -2 (reported). */
static int prune(ns_index_t *idx, struct idset *seen, struct counts *c)
{
    idset_sort(seen);
    uint64_t deleted = 0;
    ns_status_t st = ns_index_prune(idx, idset_has, seen, &deleted);
    c->deleted += deleted;
    if (st != NS_STATUS_OK) {
        ns_error("cannot prune: %s", ns_index_last_error(idx));
        return -2;
    }
    return 0;
}

int ns_run_update(const char *db, const struct options *o, struct counts *c,
                  struct progress *pr)
{
    ns_index_t *idx = open_writer(db);
    if (!idx)
        return EXIT_ERROR;
    struct idset seen = {0};
    struct update u = {
        .idx = idx, .o = o, .c = c, .pr = pr, .seen = o->prune ? &seen : NULL};
    int rc = ns_sources_read(o, c, pr, update_article, &u);
    if (rc == 0 && o->prune && !ns_interrupted) {
        /* Only a complete reading of the sources says what is gone: with a
         * skipped record, its article would be pruned by mistake. */
        if (c->skipped) {
            ns_progress_clear(pr);
            ns_warn("not pruning: %lu records were skipped", c->skipped);
        } else {
            rc = prune(idx, &seen, c);
        }
    } else if (rc == -1 && o->prune) {
        ns_warn("not pruning: a source could not be read");
    }
    idset_free(&seen);
    ns_status_t st = ns_index_close(idx);
    if (st != NS_STATUS_OK) {
        ns_error("cannot commit to '%s': %s", db, ns_status_to_string(st));
        rc = -2;
    }
    if (ns_interrupted)
        ns_error("interrupted; the articles read so far were committed");
    if (rc < 0 || ns_interrupted)
        return EXIT_ERROR;
    return c->skipped ? EXIT_SKIPPED : EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* Delete                                                                   */
/* ------------------------------------------------------------------------ */

int ns_run_delete(const char *db, const struct options *o, struct counts *c)
{
    ns_index_t *idx = open_writer(db);
    if (!idx)
        return EXIT_ERROR;
    int rc = EXIT_OK;
    for (int i = 0; i < o->n_args; i++) {
        int deleted;
        ns_status_t st = ns_index_delete(idx, o->args[i], &deleted);
        if (st != NS_STATUS_OK) {
            ns_error("cannot delete '%s': %s", o->args[i],
                     ns_index_last_error(idx));
            rc = EXIT_ERROR;
            break;
        }
        if (deleted)
            c->deleted++;
        else
            ns_warn("no article with id '%s'", o->args[i]);
    }
    if (ns_index_close(idx) != NS_STATUS_OK) {
        ns_error("cannot commit to '%s'", db);
        rc = EXIT_ERROR;
    }
    return rc;
}
