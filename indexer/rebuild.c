/* rebuild.c - nindex --rebuild: a complete new generation built beside
 * the live one in parallel shards, merged by compaction, checked, and
 * published with one atomic rename (rollback.c goes back to the previous
 * one).
 *
 * The reader (the main thread) parses; each shard thread analyses and
 * writes its own Xapian database.  Articles go to a shard by a hash of
 * their id, so that a repeated id replaces its earlier copy within one
 * shard.  See common/gen.c for the directory layout. */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nindex.h"
#include "zdict.h"

/* A rebuild is refused when it would hold fewer than this share of the
 * live index's articles (sources gone missing, a feed that came back
 * empty), unless --force. */
static const double MIN_FRACTION = 0.5;

/* Articles queued for one shard thread. */
#define QUEUE_LEN 256

/* The first articles of a rebuild make the preset dictionary its stored
 * articles are compressed with (common/store.cc): the pieces of their
 * stored JSON that recur across them, up to zlib's 32 KiB. */
#define DICT_SAMPLE 1000
#define DICT_BYTES 32768

/* ------------------------------------------------------------------------ */
/* Shards                                                                   */
/* ------------------------------------------------------------------------ */

struct shard {
    pthread_t thread;
    ns_index_t *idx;
    char path[4400];
    pthread_mutex_t lock;
    pthread_cond_t more, room;
    ns_article_t queue[QUEUE_LEN];
    size_t head, len;
    int done;   /* no more articles will come */
    int failed; /* a fatal index error; message printed */
    int full;   /* ... a full disk, said by build_shards() */
    struct counts c;
    long commit_every;
};

/* Take the next article off S's queue into ART.  Returns 0, or -1 when
 * the queue is empty and no more will come. */
static int shard_pop(struct shard *s, ns_article_t *art)
{
    pthread_mutex_lock(&s->lock);
    while (s->len == 0 && !s->done)
        pthread_cond_wait(&s->more, &s->lock);
    if (s->len == 0 && s->done) {
        pthread_mutex_unlock(&s->lock);
        return -1;
    }
    *art = s->queue[s->head];
    s->head = (s->head + 1) % QUEUE_LEN;
    s->len--;
    pthread_cond_signal(&s->room);
    pthread_mutex_unlock(&s->lock);
    return 0;
}

/* Add one article to S's database; on a failure, S->failed is set and the
 * rest of the queue is only drained. */
static void shard_add(struct shard *s, const ns_article_t *art)
{
    ns_add_result_t res;
    const char *warning;
    if (art->gone) {
        /* Read before, and said gone after: the later record wins. */
        int found;
        if (ns_index_delete(s->idx, art->id, &found) != NS_STATUS_OK) {
            ns_error("cannot leave out article '%s': %s", art->id,
                     ns_index_last_error(s->idx));
            s->failed = 1;
        }
        return;
    }
    ns_status_t st = ns_index_add(s->idx, art, &res, &warning);
    if (st != NS_STATUS_OK) {
        ns_error("cannot index article '%s': %s", art->id,
                 ns_index_last_error(s->idx));
        s->failed = 1;
        return;
    }
    /* Two copies of one id in the records, the later older: the newer
     * stays, in whichever order they came, as an update keeps it.  It is
     * counted here and said by the reader, which knows where both were
     * (sources.c). */
    ns_count_result(&s->c, res);
    if (warning) {
        char where[NS_MAX_ID + 16];
        snprintf(where, sizeof where, "article '%s'", art->id);
        ns_stemless_note(warning, where, NULL); /* counted when said */
    }
}

/* Commit S's articles.  A full disk is said once, by build_shards(): each
 * shard said the room of its next commit, which is not a rebuild's. */
static void shard_commit(struct shard *s)
{
    if (ns_index_commit(s->idx) == NS_STATUS_OK)
        return;
    s->failed = 1;
    s->full = ns_disk_full(ns_index_last_error(s->idx));
    if (!s->full)
        ns_error("cannot commit shard: %s", ns_index_last_error(s->idx));
}

static void *shard_main(void *arg)
{
    struct shard *s = arg;
    unsigned long pending = 0, commits = 0;
    ns_article_t art;
    while (shard_pop(s, &art) == 0) {
        if (!s->failed)
            shard_add(s, &art);
        if (!s->failed && ++pending >= (unsigned long)s->commit_every) {
            shard_commit(s);
            pending = 0;
            if (++commits == 1)
                ns_crash_point("build");
        }
        ns_article_clear(&art);
    }
    if (!s->failed)
        shard_commit(s);
    return NULL;
}

static void shard_push(struct shard *s, ns_article_t *art)
{
    pthread_mutex_lock(&s->lock);
    while (s->len == QUEUE_LEN)
        pthread_cond_wait(&s->room, &s->lock);
    s->queue[(s->head + s->len) % QUEUE_LEN] = *art;
    s->len++;
    memset(art, 0, sizeof *art); /* ownership moved to the queue */
    pthread_cond_signal(&s->more);
    pthread_mutex_unlock(&s->lock);
}

static unsigned long hash_id(const char *id)
{
    unsigned long h = 5381;
    for (; *id; id++)
        h = h * 33 + (unsigned char)*id;
    return h;
}

/* Create JOBS shard databases under BUILD and start their threads.
 * Returns the number started; *failed is set (reported) if fewer than
 * JOBS could be. */
static size_t shards_start(const char *db, struct shard *shards, size_t jobs,
                           const char *build, long commit_every,
                           int replace_stale, int *failed)
{
    size_t started = 0;
    for (size_t i = 0; i < jobs; i++) {
        struct shard *s = &shards[i];
        snprintf(s->path, sizeof s->path, "%s/shard-%zu", build, i);
        char *err;
        ns_status_t ost = ns_index_open(s->path, NS_OPEN_BUILD, &s->idx, &err);
        if (ost != NS_STATUS_OK) {
            ns_error("cannot create shard '%s': %s", s->path,
                     ns_db_error(ost, err));
            free(err);
            *failed = 1;
            break;
        }
        /* The new generation's record of undo files starts from the
         * newest there now; its own file, written later, goes before its
         * publishing, which covers it (undo.c). */
        if (i == 0)
            ns_undo_start(db, s->idx);
        ns_index_set_replace_stale(s->idx, replace_stale);
        s->commit_every = commit_every;
        pthread_mutex_init(&s->lock, NULL);
        pthread_cond_init(&s->more, NULL);
        pthread_cond_init(&s->room, NULL);
        if (pthread_create(&s->thread, NULL, shard_main, s) != 0) {
            ns_error("cannot start a thread: %s", strerror(errno));
            ns_index_close(s->idx);
            pthread_mutex_destroy(&s->lock);
            pthread_cond_destroy(&s->more);
            pthread_cond_destroy(&s->room);
            *failed = 1;
            break;
        }
        started++;
    }
    return started;
}

/* Tell the N shard threads no more is coming, wait for them, add up their
 * counts into C and close their databases.  Returns 0, or -1 if one
 * failed (reported). */
static int shards_finish(struct shard *shards, size_t n, struct counts *c)
{
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&shards[i].lock);
        shards[i].done = 1;
        pthread_cond_signal(&shards[i].more);
        pthread_mutex_unlock(&shards[i].lock);
    }
    for (size_t i = 0; i < n; i++) {
        pthread_join(shards[i].thread, NULL);
        if (shards[i].failed)
            rc = -1;
        c->added += shards[i].c.added;
        c->replaced += shards[i].c.replaced;
        c->stale += shards[i].c.stale;
        c->warnings += shards[i].c.warnings;
        if (ns_index_close(shards[i].idx) != NS_STATUS_OK)
            rc = -1;
        pthread_mutex_destroy(&shards[i].lock);
        pthread_cond_destroy(&shards[i].more);
        pthread_cond_destroy(&shards[i].room);
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Reading: the canary, the dictionary sample, then the shards              */
/* ------------------------------------------------------------------------ */

/* What rebuild_article() needs between calls. */
struct feed {
    const struct options *o;
    struct shard *shards;
    size_t n_shards;
    char *canary_id; /* the first article read, for validate() */
    char *canary_title; /* the title of its copy that the index keeps */
    char *canary_updated;
    const char *db;
    struct counts *c;
    struct progress *pr;
    ns_index_t *live; /* for records older than the live copy, or gone */
    int live_opened;  /* ... opened once, when the first one came */
    ns_article_t *sample; /* DICT_SAMPLE articles held back */
    size_t n_sample;
    int sampled; /* the dictionary is set; articles go straight on */
};

/* Make the dictionary from the articles held back, give it to every
 * shard, then pass those articles on. */
static void flush_sample(struct feed *f)
{
    char *dict = malloc(DICT_BYTES);
    size_t dict_len = 0;
    char **json = calloc(f->n_sample + 1, sizeof *json);
    size_t *lens = calloc(f->n_sample + 1, sizeof *lens);
    size_t n = 0;
    for (size_t i = 0; json && lens && i < f->n_sample; i++)
        if ((json[n] = ns_article_to_json(&f->sample[i])))
            lens[n] = strlen(json[n]), n++;
    /* The pieces the sample's articles share, never one article's text:
     * the dictionary outlives any takedown (common/zdict.c). */
    if (n && dict)
        dict_len = ns_zdict_build((const char *const *)json, lens, n,
                                  ns_zdict_min_docs(n), dict, DICT_BYTES);
    for (size_t i = 0; i < n; i++)
        free(json[i]);
    free(json);
    free(lens);
    /* The shard threads have not touched their index yet: nothing was
     * pushed to them, and the push's mutex publishes this to them. */
    for (size_t i = 0; i < f->n_shards && dict_len; i++)
        if (ns_index_set_dictionary(f->shards[i].idx, dict, dict_len) !=
            NS_STATUS_OK)
            ns_warn("cannot set the dictionary: %s",
                    ns_index_last_error(f->shards[i].idx));
    free(dict);
    /* --shard and the default language: every part records them, and
     * the merge keeps them. */
    for (size_t i = 0; i < f->n_shards; i++) {
        ns_shard_record(f->shards[i].idx, f->o);
        ns_default_lang_record(f->shards[i].idx, f->o);
    }
    for (size_t i = 0; i < f->n_sample; i++)
        shard_push(&f->shards[hash_id(f->sample[i].id) % f->n_shards],
                   &f->sample[i]);
    f->n_sample = 0;
    f->sampled = 1;
}

/* ART is another copy of the canary's id: the canary is the copy the
 * index keeps, by ns_index_add()'s rule (the later copy, unless both say
 * when they changed and it is the older), so that it is still looked for
 * by the title the index holds.  Looked for by the first copy's title,
 * the canary refused every rebuild whose sources held a corrected copy
 * beside the old one, till someone edited the export. */
static void canary_again(struct feed *f, const ns_article_t *art)
{
    if (!f->o->replace_stale && art->updated && f->canary_updated &&
        strcmp(art->updated, f->canary_updated) < 0)
        return;
    free(f->canary_title);
    free(f->canary_updated);
    f->canary_title = strdup(art->title);
    f->canary_updated = art->updated ? strdup(art->updated) : NULL;
}

static ns_index_t *live_index(struct feed *f);

/* An ns_article_fn: takes every article, or in the place of the first of
 * an id older than the live copy, that copy (rebuild-stale.c). */
static int rebuild_article(ns_article_t *art, int read_before,
                           const char *where, void *ctx)
{
    struct feed *f = ctx;
    ns_article_t kept;
    int stale = !read_before && art->updated &&
                ns_rebuild_stale(live_index(f), art, &kept, where, f->o, f->c,
                                 f->pr);
    if (stale)
        art = &kept;
    if (!f->canary_id) {
        f->canary_id = strdup(art->id);
        f->canary_title = strdup(art->title);
        f->canary_updated = art->updated ? strdup(art->updated) : NULL;
    } else if (strcmp(art->id, f->canary_id) == 0) {
        canary_again(f, art);
    }
    if (!f->sampled) {
        /* Held back until the dictionary is made from them. */
        f->sample[f->n_sample++] = *art;
        memset(art, 0, sizeof *art);
        if (f->n_sample == DICT_SAMPLE)
            flush_sample(f);
    } else {
        shard_push(&f->shards[hash_id(art->id) % f->n_shards], art);
    }
    return stale ? 2 : 0;
}

/* F's live index (or the generation before a damaged one), opened once;
 * NULL when none opens. */
static ns_index_t *live_index(struct feed *f)
{
    if (!f->live_opened) {
        char older[256];
        f->live_opened = 1;
        if (ns_index_open(f->db, NS_OPEN_READ, &f->live, NULL) !=
            NS_STATUS_OK)
            (void)ns_gen_open_older(f->db, &f->live, older, sizeof older);
    }
    return f->live;
}

/* Is ID live in F's index? */
static int live_has(struct feed *f, const char *id)
{
    live_index(f);
    int has = 0;
    if (f->live && ns_index_has_id(f->live, id, &has) != NS_STATUS_OK)
        has = 1; /* said a deletion of nothing, it would be a false alarm */
    return has;
}

/* A record says ID is gone (an ns_gone_fn): the rebuild leaves it out.
 * An article of that id read before in the SOURCEs is taken out of its
 * shard again, the later record winning; a live one is left out as any
 * live article the SOURCEs do not hold (rebuild-drop.c: counted deleted,
 * kept in DIR/deleted, under the guard). */
static int rebuild_gone(const char *id, int kind, int read_before,
                        const char *where, void *ctx)
{
    (void)kind;
    (void)where;
    struct feed *f = ctx;
    if (!read_before && !live_has(f, id))
        return 1;
    if (!read_before)
        return 0;
    ns_article_t art = {.id = strdup(id), .gone = NS_GONE_DELETED};
    if (!art.id)
        ns_die("out of memory");
    if (f->canary_id && !strcmp(f->canary_id, id)) {
        /* The canary must be in the new generation: the next one is. */
        free(f->canary_id);
        free(f->canary_title);
        f->canary_id = f->canary_title = NULL;
    }
    if (!f->sampled) {
        f->sample[f->n_sample++] = art;
        if (f->n_sample == DICT_SAMPLE)
            flush_sample(f);
    } else {
        shard_push(&f->shards[hash_id(id) % f->n_shards], &art);
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Checking                                                                 */
/* ------------------------------------------------------------------------ */

/* At most this many of the title's words make the canary query. */
#define CANARY_WORDS 16

/* Is the canary article ID in FRESH, readable, and found by its own title
 * words?  The search is restricted to the article by the ids filter, so a
 * title word shared by many articles still finds it; a title without words
 * (a lone '"', "—") checks the id alone. */
static int canary_found(ns_index_t *fresh, const char *id, const char *title)
{
    ns_article_t art;
    ns_status_t st = ns_index_get(fresh, id, &art);
    ns_article_clear(&art);
    if (st != NS_STATUS_OK)
        return 0;
    ns_search_opts_t so;
    ns_search_opts_init(&so);
    so.limit = 1;
    so.related = 0;
    so.snippet_len = 0;
    const char *ids[1] = {id};
    so.ids = ids;
    so.n_ids = 1;
    /* The title's words as the indexer found them: plain words, which
     * the query language reads as nothing else ("not", "c++"), and none
     * for a title of punctuation or emoji ("—", "🔥"), whose query was a
     * word the index cannot hold, so that a rebuild whose first article
     * had such a title was refused every time. */
    ns_buf_t q = {0};
    if (ns_buf_puts(&q, "") < 0 ||
        ns_text_words(title ? title : "", CANARY_WORDS, &q) < 0) {
        ns_buf_free(&q);
        return 0;
    }
    so.query = q.p ? q.p : "";
    ns_results_t *res;
    int found = 0;
    if (ns_search(fresh, &so, &res) == NS_STATUS_OK) {
        found = ns_results_count(res) == 1 &&
                strcmp(ns_results_hit(res, 0)->art->id, id) == 0;
        ns_results_free(res);
    }
    ns_buf_free(&q);
    return found;
}

/* Check the built database at PATH before it goes live.  Returns 0 or
 * EXIT_REFUSED (reason printed). */
static int validate(const char *db, const char *path, const struct options *o,
                    const struct counts *c, const char *canary_id,
                    const char *canary_title)
{
    ns_index_t *fresh;
    char *err;
    /* Test hook: NINDEX_CANARY_ID=ID makes the canary look for ID instead,
     * so that the tests can make it fail. */
    if (canary_id && getenv("NINDEX_CANARY_ID"))
        canary_id = getenv("NINDEX_CANARY_ID");
    ns_status_t st = ns_index_open(path, NS_OPEN_READ, &fresh, &err);
    if (st != NS_STATUS_OK) {
        ns_error("refusing the rebuild: cannot open it: %s",
                 ns_db_error(st, err));
        free(err);
        return EXIT_REFUSED;
    }
    uint64_t n = 0, live = 0;
    ns_index_count(fresh, &n);
    /* A live generation that cannot be opened is held against by the one
     * before it. */
    ns_index_t *old;
    char older[256];
    if (ns_index_open(db, NS_OPEN_READ, &old, NULL) == NS_STATUS_OK ||
        ns_gen_open_older(db, &old, older, sizeof older) == NS_STATUS_OK) {
        ns_index_count(old, &live);
        ns_index_close(old);
    }
    int rc = 0;
    /* A shard may hold none of a small archive's articles, when the
     * sources held those of the other shards. */
    if (n == 0 && !(o->shard_count && c->other_shard)) {
        ns_error("refusing the rebuild: it has no articles");
        rc = EXIT_REFUSED;
    } else if (!o->force && (double)n < MIN_FRACTION * (double)live) {
        ns_error("refusing the rebuild: %llu articles against %llu live (less "
                 "than %.0f%%); use --force to publish it anyway",
                 (unsigned long long)n, (unsigned long long)live,
                 MIN_FRACTION * 100);
        rc = EXIT_REFUSED;
    } else if (canary_id && !canary_found(fresh, canary_id, canary_title)) {
        if (o->force) {
            ns_warn("the canary query for article '%s' does not find it; "
                    "publishing anyway (--force)",
                    canary_id);
        } else {
            ns_error("refusing the rebuild: the canary query for article "
                     "'%s' does not find it; use --force to publish it "
                     "anyway",
                     canary_id);
            rc = EXIT_REFUSED;
        }
    }
    ns_index_close(fresh);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Rebuild                                                                  */
/* ------------------------------------------------------------------------ */

/* Make DB/.build-PID, empty, into BUILD.  Returns 0, or -1 (reported). */
static int make_build_dir(const char *db, char *build, size_t size)
{
    struct stat st;
    char probe[4200];
    snprintf(probe, sizeof probe, "%s/iamglass", db);
    if (stat(probe, &st) == 0) {
        ns_error("'%s' is a plain Xapian database; --rebuild needs an index "
                 "directory (build into a new --db)",
                 db);
        return -1;
    }
    snprintf(build, size, "%s/.build-%ld", db, (long)getpid());
    if (ns_remove_tree(build) < 0 || ns_mkdir_p(build) < 0) {
        ns_error("cannot create '%s': %s", build, strerror(errno));
        return -1;
    }
    return 0;
}

/* Read the SOURCEs into the shards under BUILD and merge them into
 * BUILD/merged, whose path goes into MERGED.  The canary is left in F.
 * Returns EXIT_OK or EXIT_ERROR (reported). */
static int build_shards(const char *build, const struct options *o,
                        struct counts *c, struct progress *pr, struct feed *f,
                        char *merged, size_t merged_size)
{
    size_t jobs = (size_t)o->jobs;
    struct shard *shards = calloc(jobs, sizeof *shards);
    f->sample = calloc(DICT_SAMPLE, sizeof *f->sample);
    if (!shards || !f->sample)
        ns_die("out of memory");
    int failed = 0, source_failed = 0;
    f->o = o;
    f->c = c;
    f->pr = pr;
    f->shards = shards;
    f->n_shards = shards_start(f->db, shards, jobs, build, o->commit_every,
                               o->replace_stale, &failed);
    if (!failed)
        source_failed =
            ns_sources_read(o, c, pr, rebuild_article, rebuild_gone, f,
                            NULL) == -1;
    ns_index_close(f->live);
    f->live = NULL;
    if (!f->sampled && f->n_shards)
        flush_sample(f);
    free(f->sample);
    f->sample = NULL;
    if (shards_finish(shards, f->n_shards, c) < 0)
        failed = 1;
    int full = 0;
    for (size_t i = 0; i < f->n_shards; i++)
        full |= shards[i].full;
    ns_progress_clear(pr);
    int rc = failed ? EXIT_ERROR : EXIT_OK;
    if (ns_interrupted) {
        ns_error("interrupted; the live index is unchanged");
        rc = EXIT_ERROR;
    }
    if (source_failed && rc == EXIT_OK) {
        ns_error("not publishing: a source could not be read; the live index "
                 "is unchanged");
        rc = EXIT_ERROR;
    }
    /* A file not read, or not to its end (a dangling link to an unmounted
     * year, a gzip cut short), or a SOURCE with no articles (an unmounted
     * disk): a new generation without their articles would lose them from
     * the archive, as a prune would (which refuses the same), and after
     * --keep rebuilds no generation would hold them. */
    if (rc == EXIT_OK && !o->force && c->files_failed) {
        ns_error("not publishing: %lu file%s could not be read whole, and "
                 "the new generation would lack their articles; the live "
                 "index is unchanged (--force publishes it)",
                 c->files_failed, c->files_failed == 1 ? "" : "s");
        rc = EXIT_ERROR;
    }
    /* So does a file that gave no article at all: an export that failed
     * and truncated its file looks just like one whose articles were all
     * withdrawn (as for --prune, update.c). */
    if (rc == EXIT_OK && !o->force && c->empty_files && !c->empty_sources) {
        ns_error("not publishing: %lu source file%s held no article, and "
                 "the new generation would lack the articles %s; the live "
                 "index is unchanged (--force publishes it)",
                 c->empty_files, c->empty_files == 1 ? "" : "s",
                 c->empty_files == 1 ? "it held" : "they held");
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_OK && !o->force && c->empty_sources) {
        ns_error("not publishing: source '%s' has no articles (is it "
                 "mounted?); the live index is unchanged (--force publishes "
                 "it)",
                 c->empty_source);
        rc = EXIT_REFUSED;
    }
    snprintf(merged, merged_size, "%s/merged", build);
    if (rc == EXIT_OK) {
        ns_crash_point("merge");
        const char **paths = calloc(jobs, sizeof *paths);
        if (!paths)
            ns_die("out of memory");
        for (size_t i = 0; i < f->n_shards; i++)
            paths[i] = shards[i].path;
        char *err;
        ns_status_t mst = ns_index_merge(paths, f->n_shards, merged, &err);
        if (mst != NS_STATUS_OK) {
            if (!(full = ns_disk_full(err)))
                ns_error("cannot merge the shards: %s", ns_db_error(mst, err));
            free(err);
            rc = EXIT_ERROR;
        }
        free(paths);
    }
    if (full)
        ns_rebuild_say_full(f->db, c->read);
    free(shards);
    return rc;
}

int ns_run_rebuild(const char *db, const struct options *o, struct counts *c,
                   struct progress *pr, char *published, size_t pub_size)
{
    char build[4200], merged[4300];
    if (make_build_dir(db, build, sizeof build) < 0)
        return EXIT_ERROR;
    ns_crash_point("early");
    struct feed f = {.db = db};
    int rc = build_shards(build, o, c, pr, &f, merged, sizeof merged);
    if (rc == EXIT_OK)
        rc = validate(db, merged, o, c, f.canary_id, f.canary_title);
    struct undo left = {.fd = -1};
    if (rc == EXIT_OK)
        rc = ns_rebuild_left_out(db, merged, o, c, &left);
    /* A stop asked for during the merge or the check (systemctl stop, a
     * timer's TimeoutStopSec) is honoured up to the last moment: the
     * rename that publishes. */
    if (rc == EXIT_OK && ns_interrupted) {
        ns_error("interrupted; the live index is unchanged");
        rc = EXIT_ERROR;
    }
    if (rc == EXIT_OK)
        rc = ns_publish(db, merged, o->keep, published, pub_size);
    /* The file of the articles left out goes with the rebuild: nothing
     * was deleted when it was not published. */
    if (rc != EXIT_OK && left.saved && unlink(left.path) < 0)
        ns_warn("cannot remove '%s': %s", left.path, strerror(errno));
    if (rc != EXIT_OK)
        c->deleted = 0;
    else if (c->deleted)
        ns_undo_expire(db, o->keep_deleted_days);
    if (ns_remove_tree(build) < 0)
        ns_warn("cannot remove '%s': %s", build, strerror(errno));
    free(f.canary_id);
    free(f.canary_title);
    free(f.canary_updated);
    if (rc == EXIT_OK && c->skipped)
        rc = EXIT_SKIPPED;
    return rc;
}
