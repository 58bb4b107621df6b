/* nindex.h - What the parts of nindex share: its options, its counters,
 * its exit codes, the progress line and the one loop that reads the
 * SOURCEs.
 *
 * nindex.c holds main, the options and the summary; sources.c reads the
 * SOURCEs; update.c updates in place (and prunes); delete.c deletes; rebuild.c
 * builds, checks and publishes a new generation; rollback.c goes back;
 * takedown.c deletes --delete's ids from the kept generations too;
 * withdraw.c holds the ids that records said are gone;
 * export.c copies the spelling dictionary out for a cluster's front;
 * dbdir.c checks --db DIR, takes its lock, and removes what a refused run
 * made.  Private to the indexer: nothing here is part of libns. */
#ifndef NS_NINDEX_H
#define NS_NINDEX_H

#include <signal.h>
#include <stddef.h>

#include "ns.h"

/* Exit codes (documented in --help and the README).  65 and 75 are
 * sysexits.h's EX_DATAERR and EX_TEMPFAIL, which cron wrappers and
 * systemd know. */
enum {
    EXIT_OK = 0,
    EXIT_ERROR = 1,
    EXIT_USAGE = NS_EXIT_USAGE,
    EXIT_SKIPPED = 3,       /* finished, but some inputs were skipped */
    EXIT_NOT_PRUNED = 4,    /* updated, but --prune was not done: records
                               were skipped */
    EXIT_PRUNE_REFUSED = 5, /* updated, but --prune was refused: it would
                               delete too much, or a SOURCE was empty */
    EXIT_REFUSED = 65, /* a rebuild failed validation; the old index is live */
    EXIT_BUSY = 75,    /* another writer holds the index */
};

enum mode {
    MODE_UPDATE,
    MODE_REBUILD,
    MODE_DELETE,
    MODE_ROLLBACK,
    MODE_EXPORT /* --export-spelling DEST */
};

struct options {
    const char *db;
    enum mode mode;
    int prune;
    int force;
    int replace_stale; /* --replace-stale: no record is kept out as older */
    int dry_run;            /* count, touch nothing */
    long max_delete;        /* --prune refused over this many deletions */
    long max_delete_pct;    /* ... or over this share of the live articles */
    long keep_deleted_days; /* deleted articles kept this long; 0: not kept */
    int quiet;
    int verbose; /* say what was cut from text pages */
    long jobs;
    long keep;
    long commit_every;
    double wait;
    unsigned shard_index;    /* --shard I/N: only the articles of shard I */
    unsigned shard_count;    /* N, or 0 without --shard */
    const char *export_dest; /* --export-spelling DEST */
    char lang[32];  /* the default language: --lang folded ("no"), else the
                       index's own, else "en" (ns_default_lang_check) */
    int lang_given; /* --lang was given */
    char **args;    /* sources, or ids for --delete */
    int n_args;
};

struct counts {
    unsigned long added, replaced, unchanged, deleted, skipped, warnings;
    unsigned long stale;         /* older than the copy indexed: not applied */
    unsigned long ignored;       /* left out on purpose: other files, drafts */
    unsigned long other_shard;   /* --shard: articles of other shards */
    unsigned long empty_sources; /* SOURCEs that held no record at all */
    const char *empty_source;    /* the first of them */
    int empty_source_file;       /* ... is a file or -, not a directory */
    unsigned long files_failed;  /* files not read, or not to their end */
    unsigned long empty_files;   /* files of articles that gave nothing */
    unsigned long kept_deleted;  /* --delete: deleted from kept generations */
    unsigned long kept_gens;     /* ... from this many of them */
    unsigned long read;          /* articles read and passed on: a rebuild
                                    not published says it read these */
};

/* Set by SIGINT and SIGTERM: every loop stops at the next article. */
extern volatile sig_atomic_t ns_interrupted;

/* ------------------------------------------------------------------------ */
/* Progress and messages (sources.c)                                        */
/* ------------------------------------------------------------------------ */

/* One line on a terminal, rewritten in place twice a second. */
struct progress {
    int on;       /* stderr is a terminal and not --quiet */
    double start; /* ns_monotonic_s() when the run began */
    double last;  /* when the line was last written, or 0 */
};

/* Erase the progress line before a message is printed. */
void ns_progress_clear(struct progress *pr);
void ns_progress_tick(struct progress *pr, unsigned long done,
                      unsigned long skipped);

/* Test hook: NINDEX_CRASH_AT=POINT kills the process with SIGKILL at that
 * point, so the crash-safety tests can stop a run exactly there. */
void ns_crash_point(const char *point);

/* The detail of a failed open: DETAIL if there is one, else the status. */
const char *ns_db_error(ns_status_t st, const char *detail);

/* Languages indexed without stemming (stemless.c): ns_index_add()'s
 * remark for an article at WHERE noted, and said once a language, with
 * the place of its first article and the number of them, by
 * ns_stemless_report(), which returns how many it said (warnings to
 * count).  With VERBOSE, each article's remark is said as it comes. */
void ns_stemless_start(int verbose);
void ns_stemless_note(const char *warning, const char *where,
                      struct progress *pr);
unsigned long ns_stemless_report(struct progress *pr);

/* Count what ns_index_add() did into C. */
void ns_count_result(struct counts *c, ns_add_result_t r);

/* ------------------------------------------------------------------------ */
/* Reading the SOURCEs (sources.c)                                          */
/* ------------------------------------------------------------------------ */

/* What to do with one article read.  ART is the reader's: the callback may
 * take its fields (and zero them), or leave them to be freed.  READ_BEFORE
 * is 1 when this run read an article of that id before.  WHERE is
 * "FILE:LINE" for messages.  Returns 0 when the article was taken, 1 when
 * it was rejected as bad input (already reported; counted as skipped), 2
 * when it was older than the copy indexed and left out (reported and
 * counted; its id was read all the same; ART may then hold the copy kept
 * in its place), -1 on a fatal error (already reported; the reading
 * stops). */
typedef int (*ns_article_fn)(ns_article_t *art, int read_before,
                             const char *where, void *ctx);

/* A draft in its source (ns_reader_ignored_id()), beside ns.h's
 * NS_GONE_DELETED, a record "deleted": true. */
#define NS_GONE_DRAFT 2

/* What to do with a record that says the article ID is gone (KIND:
 * NS_GONE_DELETED or NS_GONE_DRAFT) at WHERE; READ_BEFORE is 1 when
 * this run read an article of that id before it.  Returns 0 when the id
 * names an article (to be deleted), 1 when it names none (a deletion is
 * then said to be of nothing; a draft is only ignored), -1 on a fatal
 * error (reported). */
typedef int (*ns_gone_fn)(const char *id, int kind, int read_before,
                          const char *where, void *ctx);

/* Read every SOURCE of O in order and hand each article to FN.  Bad
 * records are reported as FILE:LINE: reason and counted in C->skipped; a
 * SOURCE that cannot be opened is reported and the others are still read.
 * Stops early when ns_interrupted is set.  Returns 0, -1 if a SOURCE could
 * not be opened, -2 if FN failed.  With IDS, the ids read (of this shard)
 * are left in *IDS, for ns_seen_has() and then ns_seen_free(). */
struct seen_ids;
int ns_sources_read(const struct options *o, struct counts *c,
                    struct progress *pr, ns_article_fn fn, ns_gone_fn gone,
                    void *ctx, struct seen_ids **ids);
/* Was ID read?  Kept as two 64-bit hashes of it: a false "yes" is as
 * likely as two ids of the run sharing 128 bits of hash. */
int ns_seen_has(const struct seen_ids *s, const char *id);
void ns_seen_free(struct seen_ids *s);
/* Is the line that the record at WHERE is older than the article indexed
 * to be said?  Past the first 100 lines of a file, each is counted for
 * one line at its end instead, as bad records are; --verbose says each. */
int ns_said_stale(const char *where, const struct options *o,
                  struct progress *pr);

/* ------------------------------------------------------------------------ */
/* Deleted articles, kept to undo a deletion (undo.c)                       */
/* ------------------------------------------------------------------------ */

struct undo {
    char path[4400];     /* DIR/deleted/YYYYMMDDTHHMMSSZ-PID.jsonl.gz */
    char part[4410];     /* the same + ".part" while it is written */
    int fd;              /* for fsync() */
    void *gz;            /* the zlib gzFile writing it */
    unsigned long saved; /* articles written */
};

/* Create the file of deleted articles for this run in DB/deleted.
 * Returns 0, or -1 (reported). */
int ns_undo_open(struct undo *u, const char *db);
/* Write the stored article ID of IDX to it.  Returns 0, 1 when there is
 * no such article, -1 on an error (reported). */
int ns_undo_save(struct undo *u, ns_index_t *idx, const char *id);
/* Finish and sync the file (removed if nothing was saved).  Returns 0, or
 * -1 (reported). */
int ns_undo_close(struct undo *u);
/* Close and remove the file: the deletions did not happen. */
void ns_undo_abandon(struct undo *u);
/* Remove the files in DB/deleted older than DAYS (0: all of them). */
void ns_undo_expire(const char *db, long days);
/* Record U's file in IDX, written with the commit of its deletions (for
 * ns_index_prune(), its own).  Returns 0, or -1 (reported). */
int ns_undo_record(ns_index_t *idx, const struct undo *u);
/* On IDX, the live generation of DB open for writing, that records no
 * undo file yet: record the newest file in DB/deleted as the point from
 * which files are judged (with its next commit). */
void ns_undo_start(const char *db, ns_index_t *idx);
/* Under the writer lock, before anything is written: the files in
 * DB/deleted that a run killed before its deletions were made left
 * (newer than the live generation's record and than its publishing) are
 * renamed NAME.incomplete, each said in a warning. */
void ns_undo_check(const char *db);

/* ------------------------------------------------------------------------ */
/* Articles the sources say are gone (withdraw.c)                           */
/* ------------------------------------------------------------------------ */

/* The ids an update is to delete when its reading ends: those of
 * deletion records and of drafts whose article is indexed, less those
 * read again after (the later record wins, as in a bulk stream).  Held
 * till then so that they go under the prune's guard, into one undo file
 * and one commit.  Open addressing; an id read again is marked, not
 * removed. */
struct gone_ids {
    struct gone_id {
        char *id;    /* NULL: an empty slot */
        char *where; /* the record that said so, for the draft's line */
        int kind;    /* NS_GONE_DELETED or NS_GONE_DRAFT; 0: read again */
    } *slots;
    size_t n, cap; /* slots used; allocated */
};

struct idset;

/* Note that ID is gone (KIND), as the record at WHERE says. */
void ns_gone_add(struct gone_ids *g, const char *id, int kind,
                 const char *where);
/* An article of ID was read after: it stays. */
void ns_gone_cancel(struct gone_ids *g, const char *id);
/* Nothing is deleted after all (the guard refused it). */
void ns_gone_cancel_all(struct gone_ids *g);
/* Is ID to be deleted?  Its kind, or 0. */
int ns_gone_kind(const struct gone_ids *g, const char *id);
/* The ids to delete (of KIND, or of any kind with 0) into IDS. */
void ns_gone_list(const struct gone_ids *g, int kind, struct idset *ids);
/* Say the drafts' lines: "FILE: article 'ID' is a draft in its source
 * now: taken out of the index" (with DRY_RUN, "would be"). */
void ns_gone_say_drafts(const struct gone_ids *g, int dry_run);
void ns_gone_free(struct gone_ids *g);

/* ------------------------------------------------------------------------ */
/* Seen ids and --prune (prune.c)                                           */
/* ------------------------------------------------------------------------ */

/* A list of ids. */
struct idset {
    char **ids;
    size_t n, cap;
};

/* Add ID.  Returns 0, or -1 when out of memory. */
int ns_idset_add(struct idset *s, const char *id);
void ns_idset_free(struct idset *s);

/* --prune after a complete reading of the SOURCEs into IDX: delete the
 * articles whose ids were not read (SEEN), unless the guard refuses (an empty
 * SOURCE; more than --max-delete or --max-delete-share of the LIVE
 * articles, those in the index before the run, without --force), and the
 * articles GONE names (their records said so), under the same guard.
 * Saves what it deletes (undo.c) first.
 * With --dry-run IDX is a read handle (or NULL: no index yet) and only
 * C->deleted is counted.  Returns EXIT_OK, EXIT_PRUNE_REFUSED or
 * EXIT_ERROR (reported; unreported when ns_interrupted stopped it, and
 * then nothing was deleted). */
/* dict-held.c: does IDX's dictionary (an older version's, of its sample's
 * own text) hold text of the article ID that goes: deleted (NEXT NULL), or
 * replaced by NEXT?  0 once the warning was said. */
int ns_dict_held(ns_index_t *idx, const char *id, const ns_article_t *next);
/* The warning, once a run.  PR may be NULL. */
void ns_dict_held_say(const char *id, struct progress *pr);
/* Both, for an article deleted. */
void ns_dict_held_check(ns_index_t *idx, const char *id, struct progress *pr);
/* other-site.c: would ART, whose id is no URI ("1"), replace an article of
 * IDX (a writer or a reader; NULL: none) of the same id whose url names
 * another host?  Then that host goes into HOST (SIZE bytes). */
int ns_other_site(ns_index_t *idx, const ns_article_t *art, char *host,
                  size_t size);
/* Say so at WHERE (the first 20 of a run, not with --quiet), and count a
 * warning in C.  PR may be NULL. */
void ns_other_site_say(const char *where, const ns_article_t *art,
                       const char *host, const struct options *o,
                       struct counts *c, struct progress *pr);

int ns_prune(const char *db, ns_index_t *idx, const struct seen_ids *seen,
             const struct gone_ids *gone, uint64_t live,
             const struct options *o, struct counts *c);

/* May --prune or --delete (VERB) delete N of the LIVE articles?  Over
 * --max-delete or --max-delete-share without --force: says why and
 * returns EXIT_PRUNE_REFUSED; else EXIT_OK. */
int ns_delete_guard(const char *verb, const struct options *o,
                    unsigned long n, unsigned long live);

/* Does DETAIL, a message of the library, say the disk is full (ENOSPC)?
 * (diskfull.c) */
int ns_disk_full(const char *detail);

/* Say once that the disk filled under a rebuild of DB that READ articles:
 * that nothing was published, the live index is untouched, and about how
 * much room a rebuild needs (diskfull.c). */
void ns_rebuild_say_full(const char *db, unsigned long read);

/* Say that a commit of --delete on DB failed for WHY: nothing was deleted,
 * and, for a full disk, what to do.  Returns EXIT_ERROR (diskfull.c). */
int ns_say_not_deleted(const char *db, const char *why);

/* Say that an update with --prune of DB stopped at an error (FULL: the
 * disk was full) pruned nothing (diskfull.c). */
void ns_say_not_pruned(const char *db, int full);

/* Move the checked database MERGED into DB as the next generation, make
 * it live and keep KEEP generations; its name into PUBLISHED.  Returns
 * EXIT_OK or EXIT_ERROR (reported; publish.c). */
int ns_publish(const char *db, const char *merged, long keep, char *published,
               size_t pub_size);

/* The live articles of DB that the rebuild at PATH lacks (rebuild-drop.c):
 * not to be published when records were skipped and some are missing (a
 * skipped record may be theirs), nor past the --max-delete limits, unless
 * --force; else written to U, a file in DB/deleted (when
 * --keep-deleted), and counted in C->deleted.  Returns EXIT_OK,
 * EXIT_ERROR or EXIT_REFUSED (reported). */
int ns_rebuild_left_out(const char *db, const char *path,
                        const struct options *o, struct counts *c,
                        struct undo *u);

/* ART, the first record of its id in a rebuild, read at WHERE, against
 * LIVE (the live generation, or NULL): when LIVE keeps a copy newer by
 * "updated", that copy goes into KEPT for the new generation, another of
 * it into ART, and the record is said and counted stale as an update
 * says it (rebuild-stale.c).  Returns 1 then, else 0 (KEPT empty; a live
 * copy that cannot be read is warned and the record indexed). */
int ns_rebuild_stale(ns_index_t *live, ns_article_t *art, ns_article_t *kept,
                     const char *where, const struct options *o,
                     struct counts *c, struct progress *pr);

/* ------------------------------------------------------------------------ */
/* Shards of a cluster (shard.c)                                            */
/* ------------------------------------------------------------------------ */

/* Parse "I/N" (0 <= I < N <= NS_MAX_SHARDS) into O.  Returns 0 or -1. */
int ns_shard_parse(const char *text, struct options *o);
/* Is ID outside the shard O indexes?  Never with --shard. */
int ns_shard_other(const struct options *o, const char *id);
/* Do O's --shard and the index at DB agree?  A shard's index is updated
 * and rebuilt only with its own I/N, and --shard is refused on an index
 * that holds articles and is no shard.  Returns EXIT_OK, or EXIT_USAGE
 * or EXIT_ERROR (reported). */
int ns_shard_check(const char *db, const struct options *o);
/* --delete without --shard on a shard's index (its nsearch.shard): take
 * that shard as O's, so that the ids of other shards are passed over, as
 * with --shard, rather than said missing (exit 3) on every other host. */
void ns_shard_adopt(const char *db, struct options *o);
/* Record O's --shard in IDX (open for writing).  Returns 0, or -1
 * (reported). */
int ns_shard_record(ns_index_t *idx, const struct options *o);

/* ------------------------------------------------------------------------ */
/* The default language, --lang (default-lang.c)                            */
/* ------------------------------------------------------------------------ */

/* Read TEXT ("nb", "nb_NO", "Norwegian", "eng") as a record's lang is
 * read into O->lang.  Returns 0, or -1 when it names no language Xapian
 * stems ("klingon-xx", "xx"). */
int ns_default_lang_parse(const char *text, struct options *o);
/* Do O's --lang and the index at DB agree?  Sets O->lang to the default
 * the run indexes with: --lang, else the one the index was built with,
 * else "en".  An update with another --lang than the index's is refused
 * while it holds articles (a rebuild changes it).  Returns EXIT_OK, or
 * EXIT_USAGE or EXIT_ERROR (reported). */
int ns_default_lang_check(const char *db, struct options *o);
/* Record O->lang in IDX (open for writing) when it changes.  Returns 0,
 * or -1 (reported). */
int ns_default_lang_record(ns_index_t *idx, const struct options *o);
/* ART's language is O->lang when its source named none. */
void ns_default_lang_apply(const struct options *o, ns_article_t *art);

/* ------------------------------------------------------------------------ */
/* --db DIR (dbdir.c)                                                       */
/* ------------------------------------------------------------------------ */

/* What a run found at DIR, and so what it made there. */
struct dbdir {
    int fresh;     /* DIR did not exist: a new index */
    size_t made;   /* the length of the outermost part of DIR that did
                      not exist ("dr" of dr/a/typo), when FRESH */
    int lock_made; /* DIR/lock did not exist, DIR did */
};

/* Check DB before anything is read or made, for a dry run too: a DB that
 * holds files but no index is refused (a --db mistyped as a directory
 * of sources was written into).  Fills D.  Returns 0, or -1 (reported). */
int ns_dbdir_check(const char *db, struct dbdir *d);
/* Make DB (and its parents) if needed and take its writer lock, noting
 * this process and MODE ("rebuild") in the lock file.  Returns the lock's
 * descriptor, or -1 (reported, and what it made removed) with errno
 * EWOULDBLOCK when another writer holds it. */
int ns_dbdir_lock(const char *db, struct dbdir *d, const char *mode,
                  double wait, int (*stop)(void));
/* Remove what this run made at DB: DB and the parents it made when it
 * did not exist (an empty parent only); else a lock file it made, when
 * DB holds nothing else.  Call it holding the lock. */
void ns_dbdir_drop(const char *db, const struct dbdir *d);

/* ------------------------------------------------------------------------ */
/* The modes                                                                */
/* ------------------------------------------------------------------------ */

/* update.c: update in place, in batches, then --prune. */
int ns_run_update(const char *db, const struct options *o, struct counts *c,
                  struct progress *pr);
/* takedown.c: delete the N IDS of --delete (this shard's), or of records
 * "deleted": true, from
 * every generation of DB but the live one, so that --rollback cannot
 * bring them back; counted in C->kept_deleted (with --dry-run, those
 * that would be).  FOUND (NULL, or one byte an id) gets a 1 for each id
 * some kept generation held.  Returns EXIT_OK, or EXIT_ERROR when a kept
 * generation could not be opened or written (each warned, and the
 * takedown said to be incomplete). */
int ns_takedown_kept(const char *db, const struct options *o,
                     char *const *ids, size_t n, unsigned char *found,
                     struct counts *c);
/* undo-purge.c: --delete with --keep-deleted 0: take the N IDS out of
 * every undo file in DB/deleted (each file rewritten without them, or
 * removed when nothing else is left in it); with --dry-run only count.
 * FILES (N counters) gets the number of files each id was in.  Returns
 * EXIT_OK, or EXIT_ERROR when a file could not be read or rewritten
 * (reported: the takedown is incomplete). */
int ns_undo_purge(const char *db, const struct options *o, char *const *ids,
                  size_t n, unsigned long *files);
/* delete.c: --delete ID... */
int ns_run_delete(const char *db, const struct options *o, struct counts *c);
/* delete.c: the articles in IDS deleted from IDX (LIVE of them before the
 * run) as --delete deletes them: a prune's guard, the undo file, the
 * other copies of each story said.  EXIT_OK, EXIT_PRUNE_REFUSED or
 * EXIT_ERROR (reported). */
int ns_delete_listed(const char *db, ns_index_t *idx, const struct idset *ids,
                     uint64_t live, const struct options *o, struct counts *c);
/* update.c: the index of DB, the live generation for writing, or with
 * --dry-run for reading (NULL in *OUT when there is none yet).  0, or -1
 * (reported). */
int ns_update_open_index(const char *db, const struct options *o,
                         ns_index_t **out);
/* rebuild.c: a new generation, published when it passes the checks; its
 * name goes into PUBLISHED. */
int ns_run_rebuild(const char *db, const struct options *o, struct counts *c,
                   struct progress *pr, char *published, size_t pub_size);
/* rollback.c: make the previous generation live again; what that undoes
 * ("; 1 replacement ... are undone") is appended to UNDONE. */
int ns_run_rollback(const char *db, char *published, size_t pub_size,
                    ns_buf_t *undone);
/* export.c: --export-spelling: the spelling dictionary of DB to a copy at
 * O->export_dest, replacing only a previous copy.  Returns EXIT_OK,
 * EXIT_USAGE (DEST is something else) or EXIT_ERROR (reported). */
int ns_run_export(const char *db, const struct options *o);

/* Said after each record kept out as older than a copy: what applies it
 * all the same, when a copy's date is wrong (one years ahead keeps every
 * correction out). */
#define STALE_WAY_OUT " (--replace-stale applies it)"

/* Said after ns_index_open()'s ST with errno SYS when the system, not the
 * index, failed (out of file descriptors): "" otherwise. */
const char *ns_system_hint(ns_status_t st, int sys);

/* Said after a write this user may not do (a root run left the index or
 * its files root's): what the operator can do about it. */
#define OWNER_HINT                                                             \
    " (run nindex as the user that owns the index, or give this user write "   \
    "access to it)"

#endif /* NS_NINDEX_H */
