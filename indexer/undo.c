/* undo.c - Deleted articles kept so that a deletion can be undone.
 *
 * Before nindex deletes articles (--prune, --delete), it writes their
 * stored form, one JSON object per line (the JSON Lines schema of the
 * README), to DIR/deleted/YYYYMMDDTHHMMSSZ-PID.jsonl.gz, and syncs it.
 * Undoing is an ordinary update from that file:
 *
 *   nindex --db DIR DIR/deleted/20261202T023000Z-4242.jsonl.gz
 *
 * which adds the articles back exactly as they were stored.  Files older
 * than --keep-deleted DAYS are removed by the next run that deletes.  A
 * file is written as NAME.part and renamed once whole and synced, before
 * anything is deleted: a run killed while writing it deleted nothing,
 * and left no file that looks as if it had (the next run removes the
 * .part).
 *
 * A run killed after the rename but before its deletions were committed
 * (or before its rebuild was published) leaves a whole file of articles
 * that were never deleted.  The file cannot say which it is: the index
 * does.  The commit that makes the deletions records the file's name in
 * the live generation (META_UNDO, common/changes.cc), and every writer
 * judges, under the lock, the files newer than both that record and the
 * publishing of the live generation (the mtime of DIR/current): those
 * were left by a killed run, and are renamed NAME.incomplete.  A record
 * renamed after its commit instead (NAME.pending, then NAME) would lose
 * the undo of deletions made when the kill came between the two.
 *
 * "Newer" is by the second in the name.  No two files share one (a run
 * that deletes waits for the next second when one does), so that the
 * file of a run killed in the second of the last recorded one is not
 * passed over as if it were that one.  A generation of a version that
 * recorded nothing judges nothing, and the first writer records the
 * newest file there then as its starting point: the files before it are
 * never judged.  A rebuild's generation starts from the same point; a
 * rollback's was published after every file its older record does not
 * name, so the publishing time covers them. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "nindex.h"

/* Length of the time that starts a file's name: YYYYMMDDTHHMMSSZ. */
#define STAMP_LEN 16

/* Does NAME start with such a time? */
static int has_stamp(const char *name)
{
    static const char form[] = "00000000T000000Z";
    for (int i = 0; i < STAMP_LEN; i++) {
        if (form[i] == '0' ? name[i] < '0' || name[i] > '9'
                           : name[i] != form[i])
            return 0;
    }
    return 1;
}

static void format_stamp(time_t t, char *out, size_t size)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, size, "%Y%m%dT%H%M%SZ", &tm);
}

/* When DB's live generation was published (DIR/current made), into OUT
 * as a name's time; "" for an index without generations. */
static void published_stamp(const char *db, char *out, size_t size)
{
    char link[4200];
    snprintf(link, sizeof link, "%s/current", db);
    struct stat st;
    *out = '\0';
    if (lstat(link, &st) == 0 && S_ISLNK(st.st_mode))
        format_stamp(st.st_mtime, out, size);
}

/* The newest time that starts a name in DB/deleted (any file: whole,
 * .part or .incomplete) into OUT, or "" when there is none. */
static void newest_stamp(const char *db, char *out, size_t size)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/deleted", db);
    *out = '\0';
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (has_stamp(e->d_name) && strncmp(e->d_name, out, STAMP_LEN) > 0)
            snprintf(out, size, "%.*s", STAMP_LEN, e->d_name);
    closedir(d);
}

/* This second as a name's time, into OUT (32 bytes): the next second
 * when a file in DB/deleted has this one, or the live generation was
 * published in it, so that "newer" by the name is never a tie. */
static void undo_stamp(const char *db, char *out, size_t size)
{
    for (int tries = 0;; tries++) {
        char newest[32], published[32];
        newest_stamp(db, newest, sizeof newest);
        published_stamp(db, published, sizeof published);
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        format_stamp(ts.tv_sec, out, size);
        if (tries == 2 || (strncmp(out, newest, STAMP_LEN) != 0 &&
                           strncmp(out, published, STAMP_LEN) != 0))
            return;
        struct timespec rest = {0, 1000000000L - ts.tv_nsec + 1000000L};
        if (rest.tv_nsec >= 1000000000L) {
            rest.tv_sec = 1;
            rest.tv_nsec -= 1000000000L;
        }
        nanosleep(&rest, NULL);
    }
}

int ns_undo_open(struct undo *u, const char *db)
{
    memset(u, 0, sizeof *u);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/deleted", db);
    if (ns_mkdir_p(dir) < 0)
        return ns_error("cannot create '%s': %s%s", dir, strerror(errno),
                        errno == EACCES ? OWNER_HINT : "");
    char stamp[32];
    undo_stamp(db, stamp, sizeof stamp);
    snprintf(u->path, sizeof u->path, "%s/%s-%ld.jsonl.gz", dir, stamp,
             (long)getpid());
    snprintf(u->part, sizeof u->part, "%s.part", u->path);
    u->fd = open(u->part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (u->fd < 0)
        return ns_error("cannot create '%s': %s%s", u->part, strerror(errno),
                        errno == EACCES ? OWNER_HINT : "");
    /* gzdopen() takes the descriptor; a copy stays for fsync(). */
    int gzfd = dup(u->fd);
    u->gz = gzfd < 0 ? NULL : gzdopen(gzfd, "wb6");
    if (!u->gz) {
        if (gzfd >= 0)
            close(gzfd);
        close(u->fd);
        unlink(u->part);
        return ns_error("cannot write '%s': out of memory", u->part);
    }
    return 0;
}

int ns_undo_save(struct undo *u, ns_index_t *idx, const char *id)
{
    ns_article_t art = {0};
    ns_status_t st = ns_index_get(idx, id, &art);
    if (st == NS_STATUS_NOT_FOUND) {
        ns_article_clear(&art);
        return 1;
    }
    /* An id that is not UTF-8, from a file whose name was in another
     * encoding, was stored by an indexer that did not refuse it: the
     * record's JSON lost the id, so it never reads and cannot be put
     * back.  Refusing to delete it without a copy held every later prune
     * and rebuild back for good; it goes, and the run says so. */
    if (st != NS_STATUS_OK && !ns_utf8_valid(id, strlen(id))) {
        ns_warn("stored article '%s' cannot be read (its id is not valid "
                "UTF-8) and is deleted without a copy to undo it",
                id);
        ns_article_clear(&art);
        return 1;
    }
    if (st != NS_STATUS_OK) {
        ns_article_clear(&art);
        return ns_error("cannot read article '%s' to keep it: %s", id,
                        ns_index_last_error(idx));
    }
    char *json = ns_article_to_json(&art);
    ns_article_clear(&art);
    if (!json)
        ns_die("out of memory");
    size_t len = strlen(json);
    int ok = gzwrite(u->gz, json, (unsigned)len) == (int)len &&
             gzputc(u->gz, '\n') == '\n';
    free(json);
    if (!ok) {
        int zerr;
        const char *msg = gzerror(u->gz, &zerr);
        return ns_error("cannot write '%s': %s", u->path,
                        zerr == Z_ERRNO ? strerror(errno) : msg);
    }
    u->saved++;
    return 0;
}

int ns_undo_close(struct undo *u)
{
    int rc = 0;
    if (u->gz && gzclose(u->gz) != Z_OK)
        rc = ns_error("cannot write '%s': %s", u->path, strerror(errno));
    u->gz = NULL;
    if (u->fd >= 0 && rc == 0 && fsync(u->fd) < 0)
        rc = ns_error("cannot sync '%s': %s", u->path, strerror(errno));
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    if (rc != 0 || u->saved == 0) {
        unlink(u->part); /* nothing was deleted: no file to undo */
        return rc;
    }
    if (rename(u->part, u->path) < 0)
        return ns_error("cannot rename '%s': %s", u->part, strerror(errno));
    char dir[4400];
    snprintf(dir, sizeof dir, "%s", u->path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    if (ns_sync_dir(dir) < 0)
        rc = ns_error("cannot sync '%s': %s", dir, strerror(errno));
    return rc;
}

void ns_undo_abandon(struct undo *u)
{
    if (u->gz)
        gzclose(u->gz);
    u->gz = NULL;
    if (u->fd >= 0)
        close(u->fd);
    u->fd = -1;
    unlink(u->part);
}

void ns_undo_expire(const char *db, long days)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/deleted", db);
    DIR *d = opendir(dir);
    if (!d)
        return;
    time_t cutoff = time(NULL) - (time_t)days * 86400;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        /* What a killed run left half written: one writer runs at a time,
         * so no .part is being written now.  A file left whole by a
         * killed run (.incomplete) ages as the others do. */
        int part =
            len > 14 && strcmp(e->d_name + len - 14, ".jsonl.gz.part") == 0;
        int incomplete =
            len > 20 &&
            strcmp(e->d_name + len - 20, ".jsonl.gz.incomplete") == 0;
        if (!part && !incomplete &&
            (len < 9 || strcmp(e->d_name + len - 9, ".jsonl.gz") != 0))
            continue;
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 &&
            (part || days == 0 || st.st_mtime < cutoff) && unlink(path) < 0)
            ns_warn("cannot remove '%s': %s", path, strerror(errno));
    }
    closedir(d);
}

void ns_undo_start(const char *db, ns_index_t *idx)
{
    char record[256];
    if (ns_index_undo_record(idx, record, sizeof record) != NS_STATUS_OK ||
        *record)
        return;
    /* The newest file there, whole or not, and whoever left it: what came
     * before this version recorded nothing, so none of it is judged. */
    char newest[32];
    newest_stamp(db, newest, sizeof newest);
    ns_index_set_undo_record(idx, *newest ? newest : "00000000T000000Z");
}

int ns_undo_record(ns_index_t *idx, const struct undo *u)
{
    const char *slash = strrchr(u->path, '/');
    const char *name = slash ? slash + 1 : u->path;
    char record[256];
    if (ns_index_undo_record(idx, record, sizeof record) != NS_STATUS_OK)
        return ns_error("cannot read the index's record of '%s': %s", u->path,
                        ns_index_last_error(idx));
    /* The clock set back: the newer record stays, so that no file it
     * covers is ever judged. */
    if (strncmp(name, record, STAMP_LEN) < 0)
        return 0;
    if (ns_index_set_undo_record(idx, name) != NS_STATUS_OK)
        return ns_error("cannot record '%s' in the index: %s", u->path,
                        ns_index_last_error(idx));
    return 0;
}

void ns_undo_check(const char *db)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/deleted", db);
    DIR *d = opendir(dir);
    if (!d)
        return;
    ns_index_t *idx = NULL;
    char record[256] = "";
    if (ns_index_open(db, NS_OPEN_READ, &idx, NULL) == NS_STATUS_OK)
        ns_index_undo_record(idx, record, sizeof record);
    ns_index_close(idx);
    char published[32];
    published_stamp(db, published, sizeof published);
    struct dirent *e;
    while (*record && (e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        size_t len = strlen(name);
        if (len < 9 || strcmp(name + len - 9, ".jsonl.gz") != 0 ||
            !has_stamp(name) || strcmp(name, record) == 0 ||
            strncmp(name, record, STAMP_LEN) <= 0 ||
            strncmp(name, published, STAMP_LEN) <= 0)
            continue;
        char path[4500], to[4520];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        snprintf(to, sizeof to, "%s.incomplete", path);
        if (rename(path, to) < 0)
            ns_warn("cannot rename '%s': %s", path, strerror(errno));
        else
            ns_warn("%s: left by a run killed before its deletions were "
                    "made (its articles were not deleted); renamed '%s'",
                    path, to);
    }
    closedir(d);
}
