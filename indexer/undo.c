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
 * .part). */
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

int ns_undo_open(struct undo *u, const char *db)
{
    memset(u, 0, sizeof *u);
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/deleted", db);
    if (ns_mkdir_p(dir) < 0)
        return ns_error("cannot create '%s': %s%s", dir, strerror(errno),
                        errno == EACCES ? OWNER_HINT : "");
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
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
         * so no .part is being written now. */
        int part =
            len > 14 && strcmp(e->d_name + len - 14, ".jsonl.gz.part") == 0;
        if (!part && (len < 9 || strcmp(e->d_name + len - 9, ".jsonl.gz") != 0))
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
