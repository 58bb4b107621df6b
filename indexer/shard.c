/* shard.c - nindex --shard I/N: an index that holds one shard of an
 * archive split over N, for a cluster searched as one (README "Scaling").
 *
 * Every shard host reads the same SOURCEs and keeps only the articles
 * whose id hashes to its shard (ns_shard_of), so an article lives in
 * exactly one shard.  The index records "I/N" in its metadata, and every
 * later run that adds articles must give the same --shard: an update with
 * another N would leave articles in two shards, or in none. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nindex.h"

int ns_shard_parse(const char *text, struct options *o)
{
    const char *slash = strchr(text, '/');
    if (!slash || slash == text || (size_t)(slash - text) >= 16)
        return -1;
    char first[16];
    memcpy(first, text, (size_t)(slash - text));
    first[slash - text] = '\0';
    long i, n;
    if (ns_parse_long(first, 0, NS_MAX_SHARDS - 1, &i) < 0 ||
        ns_parse_long(slash + 1, 1, NS_MAX_SHARDS, &n) < 0 || i >= n)
        return -1;
    o->shard_index = (unsigned)i;
    o->shard_count = (unsigned)n;
    return 0;
}

int ns_shard_other(const struct options *o, const char *id)
{
    if (o->shard_count <= 1 || !id || !*id)
        return 0;
    return ns_shard_of(id, strlen(id), o->shard_count) != o->shard_index;
}

int ns_shard_check(const char *db, const struct options *o)
{
    ns_index_t *idx;
    char *err = NULL;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &idx, &err);
    int sys = errno;
    if (st == NS_STATUS_NOT_FOUND) {
        free(err);
        return EXIT_OK; /* a new index: this run makes it what it is */
    }
    char older[256];
    if (st != NS_STATUS_OK && o->mode == MODE_REBUILD) {
        /* A damaged live generation is what a rebuild replaces: the
         * shard is checked against the one before (none: not checked). */
        ns_warn("the live generation of '%s' cannot be opened (%s): the "
                "rebuild makes a new one",
                db, ns_db_error(st, err));
        free(err);
        if (ns_gen_open_older(db, &idx, older, sizeof older) != NS_STATUS_OK)
            return EXIT_OK;
        st = NS_STATUS_OK;
    }
    if (st != NS_STATUS_OK) {
        /* A damaged generation is what --rebuild and --rollback are for;
         * one this user may not read (a root rebuild under umask 077) is
         * not: a rebuild by the same user fails the same way.  Nor is one
         * this process ran out of file descriptors opening: a rollback
         * then loses the updates since, for nothing. */
        const char *hint = ns_system_hint(st, sys);
        if (!*hint && ns_gen_current(db, older, sizeof older) == 0) {
            char live[4096], marker[4096 + 16];
            snprintf(live, sizeof live, "%s/%s", db, older);
            snprintf(marker, sizeof marker, "%s/iamglass", live);
            int denied = access(live, R_OK | X_OK) < 0
                             ? errno == EACCES
                             : access(marker, R_OK) < 0 && errno == EACCES;
            hint = denied ? " (run nindex as the user that owns the index, or "
                            "give this user read access to it)"
                          : " (nindex --rebuild makes a new generation; "
                            "--rollback goes back to the one before)";
        }
        ns_error("cannot open index '%s': %s%s", db, ns_db_error(st, err),
                 hint);
        free(err);
        return EXIT_ERROR;
    }
    unsigned is_i, is_n;
    uint64_t articles = 0;
    int rc = EXIT_OK;
    if (ns_index_shard(idx, &is_i, &is_n) != NS_STATUS_OK ||
        ns_index_count(idx, &articles) != NS_STATUS_OK) {
        ns_error("cannot read index '%s': %s", db, ns_index_last_error(idx));
        rc = EXIT_ERROR;
    } else if (is_n && !o->shard_count) {
        ns_error("index '%s' is shard %u/%u of a cluster: give --shard %u/%u",
                 db, is_i, is_n, is_i, is_n);
        rc = EXIT_USAGE;
    } else if (is_n && (is_n != o->shard_count || is_i != o->shard_index)) {
        ns_error("index '%s' is shard %u/%u, not %u/%u: the number of shards "
                 "is fixed when a cluster is made (build a new cluster to "
                 "change it)",
                 db, is_i, is_n, o->shard_index, o->shard_count);
        rc = EXIT_USAGE;
    } else if (!is_n && o->shard_count && articles) {
        ns_error("index '%s' holds %llu articles and is no shard: --shard "
                 "%u/%u needs a new index directory",
                 db, (unsigned long long)articles, o->shard_index,
                 o->shard_count);
        rc = EXIT_USAGE;
    }
    ns_index_close(idx);
    return rc;
}

void ns_shard_adopt(const char *db, struct options *o)
{
    if (o->shard_count)
        return;
    ns_index_t *idx;
    char *err = NULL;
    if (ns_index_open(db, NS_OPEN_READ, &idx, &err) != NS_STATUS_OK) {
        free(err); /* the run itself opens it, and says why it cannot */
        return;
    }
    unsigned is_i, is_n;
    if (ns_index_shard(idx, &is_i, &is_n) == NS_STATUS_OK && is_n) {
        o->shard_index = is_i;
        o->shard_count = is_n;
    }
    ns_index_close(idx);
}

int ns_shard_record(ns_index_t *idx, const struct options *o)
{
    if (!o->shard_count)
        return 0;
    /* Written once: a metadata write is a change, and readers would see
     * a new revision every night for nothing. */
    unsigned is_i, is_n;
    if (ns_index_shard(idx, &is_i, &is_n) == NS_STATUS_OK &&
        is_n == o->shard_count && is_i == o->shard_index)
        return 0;
    if (ns_index_set_shard(idx, o->shard_index, o->shard_count) !=
        NS_STATUS_OK) {
        ns_error("cannot record the shard: %s", ns_index_last_error(idx));
        return -1;
    }
    return 0;
}

const char *ns_system_hint(ns_status_t st, int sys)
{
    if (st != NS_STATUS_IO)
        return "";
    if (sys == EMFILE || sys == ENFILE)
        return "; a limit of this process, not damage to the index: raise "
               "the limit on open files (ulimit -n) and run it again";
    if (sys == ENOMEM)
        return "; not damage to the index: run it again with more memory";
    return "";
}
