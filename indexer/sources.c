/* sources.c - Reading the SOURCEs for nindex: the one loop that opens
 * each SOURCE, reports and counts bad records, names an id met again in
 * another form, and hands every article to the mode (update or rebuild);
 * and the progress line on a terminal. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "nindex.h"

volatile sig_atomic_t ns_interrupted;

void ns_progress_clear(struct progress *pr)
{
    if (pr->on && pr->last > 0)
        fputs("\r\033[K", stderr);
}

void ns_progress_tick(struct progress *pr, unsigned long done,
                      unsigned long skipped)
{
    if (!pr->on)
        return;
    double t = ns_monotonic_s();
    if (t - pr->last < 0.5)
        return;
    pr->last = t;
    fprintf(stderr, "\r\033[Knindex: %lu article%s, %lu skipped, %.0f/s",
            done, done == 1 ? "" : "s", skipped,
            done / (t - pr->start > 0 ? t - pr->start : 1));
}

void ns_crash_point(const char *point)
{
    const char *at = getenv("NINDEX_CRASH_AT");
    if (at && strcmp(at, point) == 0)
        kill(getpid(), SIGKILL);
    /* A stop asked for there (systemctl stop: SIGTERM), which the run
     * notices and answers itself. */
    const char *term = getenv("NINDEX_TERM_AT");
    if (term && strcmp(term, point) == 0)
        kill(getpid(), SIGTERM);
}

const char *ns_db_error(ns_status_t st, const char *detail)
{
    return detail && *detail ? detail : ns_status_to_string(st);
}

void ns_count_result(struct counts *c, ns_add_result_t r)
{
    if (r == NS_ADD_ADDED)
        c->added++;
    else if (r == NS_ADD_REPLACED)
        c->replaced++;
    else if (r == NS_ADD_STALE)
        c->stale++;
    else
        c->unchanged++;
}

/* ------------------------------------------------------------------------ */
/* Lines said of records                                                    */
/* ------------------------------------------------------------------------ */

/* WHERE ("FILE:LINE", or "FILE") split: the length of FILE, and LINE
 * (0 when none). */
static size_t split_where(const char *where, unsigned *line)
{
    const char *colon = strrchr(where, ':');
    *line = 0;
    if (!colon || !colon[1] || colon[strspn(colon + 1, "0123456789") + 1])
        return strlen(where);
    *line = (unsigned)strtoul(colon + 1, NULL, 10);
    return (size_t)(colon - where);
}

/* Lines said of one file's records.  A 58 KB gzip of twenty million
 * "{}" lines printed "missing id" twenty million times, 11.5 M lines in
 * two minutes; past the first SAID_MAX of a file (errors and warnings of
 * its records, and ids read again), one line at its end says how many
 * more there were, and the summary counts every one.  --verbose says
 * each. */
#define SAID_MAX 100

struct said {
    char file[4096];
    unsigned long n;                              /* said */
    unsigned long errors, warnings, again, stale; /* not said */
};

/* The lines of the file being read; 4 KB, not on the stack. */
static struct said said;

static void said_flush(struct said *s, struct progress *pr)
{
    char parts[4][64];
    int n = 0;
    if (s->errors)
        snprintf(parts[n++], sizeof parts[0], "%lu more records skipped",
                 s->errors);
    if (s->warnings)
        snprintf(parts[n++], sizeof parts[0], "%lu more warnings",
                 s->warnings);
    if (s->again)
        snprintf(parts[n++], sizeof parts[0], "%lu more ids read again",
                 s->again);
    if (s->stale)
        snprintf(parts[n++], sizeof parts[0],
                 "%lu more older copies not applied", s->stale);
    if (n) {
        char list[300] = "";
        for (int i = 0; i < n; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                     i == 0 ? "" : i == n - 1 ? " and " : ", ", parts[i]);
        ns_progress_clear(pr);
        if (s->errors)
            ns_error("%s: and %s, not each said (--verbose says each)",
                     s->file, list);
        else
            ns_warn("%s: and %s, not each said (--verbose says each)",
                    s->file, list);
    }
    s->n = s->errors = s->warnings = s->again = s->stale = 0;
    s->file[0] = '\0';
}

static int said_same_file(const struct said *s, const char *where)
{
    unsigned line;
    size_t len = split_where(where, &line);
    return strlen(s->file) == len && strncmp(s->file, where, len) == 0;
}

/* Is a line about the record at WHERE to be said?  Else it is counted in
 * *NOT_SAID, for said_flush. */
static int said_next(struct said *s, const char *where,
                     const struct options *o, struct progress *pr,
                     unsigned long *not_said)
{
    unsigned line;
    size_t len = split_where(where, &line);
    if (strlen(s->file) != len || strncmp(s->file, where, len) != 0) {
        said_flush(s, pr);
        snprintf(s->file, sizeof s->file, "%.*s", (int)len, where);
    }
    if (o->verbose || s->n < SAID_MAX) {
        s->n++;
        return 1;
    }
    (*not_said)++;
    return 0;
}

int ns_said_stale(const char *where, const struct options *o,
                  struct progress *pr)
{
    return said_next(&said, where, o, pr, &said.stale);
}

/* ------------------------------------------------------------------------ */
/* Ids met twice                                                            */
/* ------------------------------------------------------------------------ */

/* Every id read in the run, with where its last copy was and that copy's
 * content hash and updated time: open addressing with linear probing, at
 * most three quarters full.  An id is kept as two 64-bit hashes (FNV-1a
 * from two offsets), not as its text: 40 bytes a slot whatever its length
 * (ids are often URLs), about 80 MB at a million articles, where the text would
 * take two or three times that.  Two ids of a run sharing both is far less
 * likely than a disk error.  A file's path is kept once, in FILES.  The
 * table is also --prune's set of ids read (ns_seen_has): a second set of
 * the ids as text took about 70 bytes more an id, 700 MB more on an
 * archive of ten million.  A collision there could only keep an article
 * that should go, never delete one. */
struct first {
    uint64_t h1, h2;  /* h1 0: an empty slot */
    uint64_t content; /* ns_article_hash() of the copy last read */
    uint64_t updated; /* its "updated" as YYYYMMDDHHMMSS, or 0 */
    unsigned file, line;
};

/* struct first's file when the copy remembered is the one indexed: the
 * first record of the id was older, and the mode kept that copy. */
#define INDEXED ((unsigned)-1)

struct seen_ids {
    struct first *slots;
    size_t n, cap;
    char **files;
    size_t n_files, cap_files;
};

/* The two hashes an id is kept as. */
static void id_hashes(const char *id, uint64_t *h1, uint64_t *h2)
{
    size_t len = strlen(id);
    *h1 = ns_hash64(id, len, NS_HASH_SEED) | 1;
    *h2 = ns_hash64(id, len, ~NS_HASH_SEED);
}

static size_t seen_slot(const struct seen_ids *s, uint64_t h1, uint64_t h2)
{
    size_t i = h1 & (s->cap - 1);
    while (s->slots[i].h1 && (s->slots[i].h1 != h1 || s->slots[i].h2 != h2))
        i = (i + 1) & (s->cap - 1);
    return i;
}

static void seen_grow(struct seen_ids *s)
{
    struct seen_ids big = *s;
    big.cap = s->cap ? s->cap * 2 : 4096;
    if (!(big.slots = calloc(big.cap, sizeof *big.slots)))
        ns_die("out of memory");
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].h1)
            big.slots[seen_slot(&big, s->slots[i].h1, s->slots[i].h2)] =
                s->slots[i];
    free(s->slots);
    *s = big;
}

/* The digits of an "updated" time in its fixed form, as a number that
 * sorts as the times do; 0 for none. */
static uint64_t updated_key(const char *updated)
{
    uint64_t key = 0;
    for (const char *p = updated; p && *p; p++)
        if (*p >= '0' && *p <= '9')
            key = key * 10 + (uint64_t)(*p - '0');
    return key;
}

/* The place of F, the copy remembered, as a message names it beside the
 * record at WHERE (LEN bytes its file's): "line 3" in the same file,
 * else "a.jsonl:3", or "in a.html" for a file without lines. */
static void copy_place(const struct seen_ids *s, const struct first *f,
                       const char *where, size_t len, char *out, size_t size)
{
    if (f->file == INDEXED) {
        snprintf(out, size, "in the index");
        return;
    }
    const char *file = s->files[f->file];
    int same = strlen(file) == len && !strncmp(file, where, len);
    if (same && f->line)
        snprintf(out, size, "at line %u", f->line);
    else if (f->line)
        snprintf(out, size, "at %s:%u", file, f->line);
    else
        snprintf(out, size, "in %s", file);
}

/* KEY (updated_key) in the fixed form "updated" is stored in. */
static void updated_text(uint64_t key, char *out, size_t size)
{
    snprintf(out, size, "%04llu-%02llu-%02lluT%02llu:%02llu:%02lluZ",
             (unsigned long long)(key / 10000000000ULL),
             (unsigned long long)(key / 100000000 % 100),
             (unsigned long long)(key / 1000000 % 100),
             (unsigned long long)(key / 10000 % 100),
             (unsigned long long)(key / 100 % 100),
             (unsigned long long)(key % 100));
}

/* Has this run read ART's id (ART has only it and "updated"; CONTENT is
 * its hash) before, in another form?  Then say so: the
 * later copy replaces the earlier, as every later addition of an id does
 * (and as a store applies its writes in order: a later file on the
 * command line overrides an earlier one), but two copies that differ
 * replace each other again every night, both counted "replaced".  A copy
 * like the one before (a story in two section feeds) is no news and
 * says nothing.  The last copy is remembered, but for one that is older
 * than it (both carry "updated"), or STALE, one the mode kept out as
 * older than the article indexed: that copy was not applied, and the
 * mode said so (the first of its id leaves the copy indexed remembered,
 * as ART when the mode put it there).  Each line counts in LINES, the file's: a source
 * that repeats its ids a hundred thousand times says the first hundred. */
static void note_again(struct seen_ids *s, const ns_article_t *art,
                       uint64_t content, const char *where,
                       const struct options *o, struct counts *c,
                       struct progress *pr, struct said *lines, int stale)
{
    if (!art->id || !*art->id || strlen(art->id) > NS_MAX_ID)
        return; /* refused by the mode, with its reason */
    if (4 * (s->n + 1) > 3 * s->cap)
        seen_grow(s);
    unsigned line;
    size_t len = split_where(where, &line);
    uint64_t h1, h2;
    id_hashes(art->id, &h1, &h2);
    uint64_t updated = updated_key(art->updated);
    size_t i = seen_slot(s, h1, h2);
    struct first *f = &s->slots[i];
    char place[4200];
    if (f->h1 && stale) {
        /* An update met the copy it kept of the id, indexed before the
         * run or read before in it, and says nothing itself: "than the
         * one indexed" named the index where the copy compared with was
         * the one at line 1. */
        if (said_next(lines, where, o, pr, &lines->stale)) {
            char was[32];
            updated_text(f->updated, was, sizeof was);
            copy_place(s, f, where, len, place, sizeof place);
            ns_progress_clear(pr);
            if (f->file == INDEXED)
                ns_warn("%s: article '%s' is older (updated %s) than the one "
                        "indexed (updated %s): kept the newer" STALE_WAY_OUT,
                        where, art->id, art->updated, was);
            else
                ns_warn("%s: article '%s' is older (updated %s) than its "
                        "copy %s (updated %s): kept the newer" STALE_WAY_OUT,
                        where, art->id, art->updated, place, was);
        }
        return;
    }
    if (f->h1 && updated && updated < f->updated && !o->replace_stale) {
        /* The mode keeps the newer copy read before.  An update compares
         * with the article indexed, which is that copy, and said so
         * (STALE); a rebuild's shards have no place to name, and this is
         * said here, naming both (--quiet or not, as the update's). */
        if (said_next(lines, where, o, pr, &lines->stale)) {
            char was[32];
            updated_text(f->updated, was, sizeof was);
            copy_place(s, f, where, len, place, sizeof place);
            ns_progress_clear(pr);
            ns_warn("%s: article '%s' is older (updated %s) than its copy "
                    "%s (updated %s): kept the newer" STALE_WAY_OUT,
                    where, art->id, art->updated, place, was);
        }
        return;
    }
    if (f->h1 && f->content != content)
        c->warnings++;
    if (f->h1 && f->content != content && !o->quiet &&
        said_next(lines, where, o, pr, &lines->again)) {
        copy_place(s, f, where, len, place, sizeof place);
        ns_progress_clear(pr);
        ns_warn("%s: id '%s' again, unlike its copy %s: this one replaces it",
                where, art->id, place);
    }
    if (!s->n_files || strlen(s->files[s->n_files - 1]) != len ||
        strncmp(s->files[s->n_files - 1], where, len) != 0) {
        if (s->n_files == s->cap_files) {
            s->cap_files = s->cap_files ? 2 * s->cap_files : 64;
            s->files = realloc(s->files, s->cap_files * sizeof *s->files);
        }
        if (!s->files || !(s->files[s->n_files++] = strndup(where, len)))
            ns_die("out of memory");
    }
    s->n += !f->h1;
    *f = (struct first){.h1 = h1,
                        .h2 = h2,
                        .content = content,
                        .updated = updated,
                        .file = stale ? INDEXED : (unsigned)(s->n_files - 1),
                        .line = line};
}

static void seen_free(struct seen_ids *s)
{
    for (size_t i = 0; i < s->n_files; i++)
        free(s->files[i]);
    free(s->slots);
    free(s->files);
}

int ns_seen_has(const struct seen_ids *s, const char *id)
{
    if (!s || !s->cap)
        return 0;
    uint64_t h1, h2;
    id_hashes(id, &h1, &h2);
    return s->slots[seen_slot(s, h1, h2)].h1 != 0;
}

void ns_seen_free(struct seen_ids *s)
{
    if (s) {
        seen_free(s);
        free(s);
    }
}

/* ------------------------------------------------------------------------ */
/* The SOURCEs                                                              */
/* ------------------------------------------------------------------------ */

/* Open one SOURCE for the index DB, or say why not and return NULL. */
static ns_reader_t *open_source(const char *source, const char *db,
                                struct progress *pr, const struct options *o)
{
    ns_reader_t *r;
    char *err = NULL;
    ns_status_t st = ns_reader_open_for(source, db, &r, &err);
    if (st != NS_STATUS_OK) {
        ns_progress_clear(pr);
        ns_error("cannot read '%s': %s", source,
                 err ? err : ns_status_to_string(st));
        free(err);
        return NULL;
    }
    ns_reader_set_default_lang(r, o->lang); /* a translation's slug */
    /* A site's build output and packages, editors' backups: not read, by
     * their names. */
    const char *passed;
    for (size_t i = 0; o->verbose && (passed = ns_reader_passed(r, i)); i++) {
        ns_progress_clear(pr);
        ns_note("%s", passed);
    }
    /* One line for what may be hundreds of files, every night. */
    size_t site = ns_reader_site_files(r);
    if (site && !o->quiet && !o->verbose) {
        ns_progress_clear(pr);
        ns_note("%s: passed over %zu site file%s: images, style sheets, "
                "scripts, fonts, configuration (--verbose names them)",
                source, site, site == 1 ? "" : "s");
    }
    return r;
}

/* Say what the reader left out on purpose since the last call, and
 * count the files that gave nothing at all (ns_reader_next_empty()):
 * with --prune or --rebuild, each is named, since it stops the prune
 * or the publishing; WHOLE: the SOURCE is that one file. */
static int report_ignored(struct progress *pr, ns_reader_t *r,
                          struct counts *c, const struct options *o, int whole,
                          ns_gone_fn gone, void *ctx,
                          const struct seen_ids *seen)
{
    const char *note;
    int rc = 0;
    while ((note = ns_reader_next_ignored(r))) {
        /* An index in the archive: no file of it, and no warning. */
        if (ns_reader_ignored_aside(r)) {
            if (!o->quiet) {
                ns_progress_clear(pr);
                ns_note("%s", note);
            }
            continue;
        }
        c->ignored++;
        if (!o->quiet) {
            ns_progress_clear(pr);
            ns_warn("%s", note);
        }
        /* A story set back to draft: its article, if indexed, goes. */
        const char *where, *id = ns_reader_ignored_id(r, &where);
        if (id && rc == 0 && !ns_shard_other(o, id) &&
            gone(id, NS_GONE_DRAFT, ns_seen_has(seen, id), where, ctx) < 0)
            rc = -1;
    }
    const char *empty;
    while ((empty = ns_reader_next_empty(r))) {
        c->empty_files++;
        /* A SOURCE that is this one file (or -) is empty: the prune's
         * refusal names it, once. */
        if ((o->prune && !whole) || o->mode == MODE_REBUILD) {
            ns_progress_clear(pr);
            ns_warn("%s: no article in it (an export that failed?): %s "
                    "would delete the articles it held",
                    empty, o->prune ? "pruning" : "publishing the rebuild");
        }
    }
    return rc;
}

/* A date more than this after the clock is said: an "updated" set years
 * ahead (2062 for 2026) kept every later correction out as stale, with
 * nothing said of why, and a "date" as far ahead sorts the article first
 * for as long.  A day leaves room for zones and clocks that differ. */
#define FUTURE_SLACK (24 * 3600)

/* Say ART's "updated" and "date" when they are past FUTURE_SLACK after
 * now (NOW), counted as warnings. */
static void say_future(const ns_article_t *art, time_t now, const char *where,
                       const struct options *o, struct counts *c,
                       struct progress *pr, struct said *lines)
{
    int64_t t;
    const char *field[2] = {"updated", "date"};
    const char *value[2] = {art->updated, art->date};
    for (int i = 0; i < 2; i++) {
        if (!value[i] || ns_date_parse(value[i], &t) < 0 ||
            t - (int64_t)now <= FUTURE_SLACK)
            continue;
        c->warnings++;
        if (!said_next(lines, where, o, pr, &lines->warnings))
            continue;
        long days = (long)((t - (int64_t)now) / 86400);
        ns_progress_clear(pr);
        if (i == 0)
            ns_warn("%s: '%s' %s is %ld days after now; a later correction "
                    "older than it is kept out as stale (--replace-stale "
                    "applies it)",
                    where, field[i], value[i], days);
        else
            ns_warn("%s: '%s' %s is %ld days after now; the article is "
                    "indexed with it",
                    where, field[i], value[i], days);
    }
}

/* A record "deleted": true of ART's id, at WHERE: handed to GONE.  An id
 * that names no article is said, a warning: a change feed sent twice, a
 * deletion of a story never published.  Returns what GONE did. */
static int deletion(const ns_article_t *art, const char *where,
                    const struct seen_ids *seen, ns_gone_fn gone, void *ctx,
                    const struct options *o, struct counts *c,
                    struct progress *pr, struct said *lines)
{
    int rc = gone(art->id, NS_GONE_DELETED, ns_seen_has(seen, art->id), where,
                  ctx);
    if (rc == 1) {
        c->warnings++;
        if (said_next(lines, where, o, pr, &lines->warnings)) {
            ns_progress_clear(pr);
            ns_warn("%s: no article with id '%s' to delete", where, art->id);
        }
    }
    return rc;
}

int ns_sources_read(const struct options *o, struct counts *c,
                    struct progress *pr, ns_article_fn fn, ns_gone_fn gone,
                    void *ctx, struct seen_ids **ids)
{
    int rc = 0;
    unsigned long done = 0;
    struct seen_ids seen = {0};
    char *db = ns_db_path(o->db);
    for (int i = 0; i < o->n_args && !ns_interrupted && rc != -2; i++) {
        ns_reader_t *r = open_source(o->args[i], db, pr, o);
        if (!r) {
            rc = -1;
            continue;
        }
        struct stat st;
        int whole = !strcmp(o->args[i], "-") ||
                    (stat(o->args[i], &st) == 0 && !S_ISDIR(st.st_mode));
        ns_article_t art = {0};
        int got;
        unsigned long records = 0;
        while (!ns_interrupted && (got = ns_reader_next(r, &art)) != 0) {
            if (report_ignored(pr, r, c, o, whole, gone, ctx, &seen) < 0) {
                rc = -2;
                break;
            }
            records++;
            if (said.file[0] && !said_same_file(&said, ns_reader_where(r)))
                said_flush(&said, pr); /* at the end of the file */
            if (got < 0) {
                /* A file not read, or not to its end (a gzip stream broken
                 * in a pipe), is always said: the cap is for bad records,
                 * and it hid why the rest of the file was lost. */
                if (ns_reader_file_failed(r) ||
                    said_next(&said, ns_reader_where(r), o, pr, &said.errors)) {
                    ns_progress_clear(pr);
                    ns_error("%s: %s", ns_reader_where(r), ns_reader_error(r));
                }
                if (ns_reader_hint(r)) {
                    /* Once per file, so past the cap on bad records. */
                    ns_progress_clear(pr);
                    ns_note("%s", ns_reader_hint(r));
                }
                c->skipped++;
                c->files_failed += ns_reader_file_failed(r) != 0;
                continue;
            }
            const char *warning = ns_reader_warning(r);
            if (warning) {
                /* Read, and indexed, but not all of it: say what. */
                if (said_next(&said, ns_reader_where(r), o, pr,
                              &said.warnings)) {
                    ns_progress_clear(pr);
                    ns_warn("%s: %s", ns_reader_where(r), warning);
                }
                c->warnings++;
            }
            if (ns_shard_other(o, art.id)) {
                /* Another shard's: its own host indexes it. */
                c->other_shard++;
                continue;
            }
            if (art.gone) {
                if (deletion(&art, ns_reader_where(r), &seen, gone, ctx, o, c,
                             pr, &said) < 0) {
                    rc = -2;
                    break;
                }
                done++;
                continue;
            }
            ns_default_lang_apply(o, &art); /* before its fingerprint */
            say_future(&art, time(NULL), ns_reader_where(r), o, c, pr, &said);
            /* Hashed before FN, which may take the article's fields. */
            ns_article_t key = {.id = art.id ? strdup(art.id) : NULL,
                                .updated =
                                    art.updated ? strdup(art.updated) : NULL};
            uint64_t content = ns_article_hash(&art);
            int taken = fn(&art, art.id && ns_seen_has(&seen, art.id),
                           ns_reader_where(r), ctx);
            if (taken == 2 && art.id) {
                /* The mode left the copy it kept in the record's place. */
                free(key.updated);
                key.updated = art.updated ? strdup(art.updated) : NULL;
                content = ns_article_hash(&art);
            }
            if (taken >= 0)
                note_again(&seen, &key, content, ns_reader_where(r), o, c, pr,
                           &said, taken == 2);
            ns_article_clear(&key);
            if (taken < 0) {
                rc = -2;
                break;
            }
            if (taken == 1) {
                c->skipped++;
            } else {
                done++;
                c->read++;
            }
            ns_progress_tick(pr, done, c->skipped);
        }
        if (rc != -2 &&
            report_ignored(pr, r, c, o, whole, gone, ctx, &seen) < 0)
            rc = -2;
        said_flush(&said, pr);
        if (records == 0 && !ns_interrupted && rc != -2) {
            if (!c->empty_sources++) {
                c->empty_source = o->args[i];
                c->empty_source_file = whole;
            }
        }
        ns_article_clear(&art);
        ns_reader_close(r);
    }
    free(db);
    if (ids) {
        if (!(*ids = malloc(sizeof **ids)))
            ns_die("out of memory");
        **ids = seen;
    } else {
        seen_free(&seen);
    }
    return rc;
}
