/* undo-purge.c - A takedown also takes the article out of the undo files.
 *
 * The files in DB/deleted (undo.c) hold whole stored articles: a story
 * deleted by a first --delete, a nightly --prune or a "deleted": true
 * record stayed there, full text and all, for --keep-deleted days after
 * legal asked for it to be erased.  So --delete ID --keep-deleted 0
 * rewrites every undo file that holds one of the ids without its record
 * (the other records as they were, byte for byte), and removes a file
 * left with none.  A file is rewritten as a new file beside it, synced,
 * then renamed over it, and keeps its times: a stop leaves the old file
 * or the new one, never half of one (the temporary's name ends in
 * ".jsonl.gz.part", which the next run that deletes removes), and the
 * file ages out on the day it would have. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "nindex.h"

/* Is NAME an undo file: whole, or left whole by a killed run? */
static int undo_name(const char *name)
{
    size_t len = strlen(name);
    return (len > 9 && strcmp(name + len - 9, ".jsonl.gz") == 0) ||
           (len > 20 && strcmp(name + len - 20, ".jsonl.gz.incomplete") == 0);
}

/* Which of the N IDS (-1 for none) the record LINE (LEN bytes) is of. */
static long record_of(const char *line, size_t len, char *const *ids, size_t n)
{
    ns_article_t art = {0};
    char err[200];
    long which = -1;
    if (ns_article_from_json(line, len, &art, err, sizeof err) == 0 && art.id)
        for (size_t i = 0; i < n && which < 0; i++)
            if (strcmp(art.id, ids[i]) == 0)
                which = (long)i;
    ns_article_clear(&art);
    return which;
}

/* The records of the gzipped file PATH into KEEP, but those of the IDS,
 * each marked in HIT.  Returns the number left out, or -1 (reported). */
static long read_without(const char *path, char *const *ids, size_t n,
                         unsigned char *hit, ns_buf_t *keep)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return ns_error("cannot read '%s': %s", path, strerror(errno));
    ns_buf_t all = {0};
    char chunk[65536];
    int got;
    while ((got = gzread(gz, chunk, sizeof chunk)) > 0)
        if (ns_buf_append(&all, chunk, (size_t)got) < 0)
            ns_die("out of memory");
    int zerr = Z_OK;
    const char *msg = got < 0 ? gzerror(gz, &zerr) : NULL;
    gzclose(gz);
    if (got < 0) {
        ns_error("cannot read '%s': %s", path,
                 zerr == Z_ERRNO ? strerror(errno) : msg);
        ns_buf_free(&all);
        return -1;
    }
    long dropped = 0;
    const char *p = all.p ? all.p : "";
    const char *end = p + all.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        long which = record_of(p, len, ids, n);
        if (which >= 0) {
            hit[which] = 1;
            dropped++;
        } else if (ns_buf_append(keep, p, len) < 0 ||
                   ns_buf_putc(keep, '\n') < 0) {
            ns_die("out of memory");
        }
        p += len + (nl != NULL);
    }
    ns_buf_free(&all);
    return dropped;
}

/* PATH again, holding only KEEP (none: removed), with the times ST. */
static int rewrite(const char *dir, const char *path, const ns_buf_t *keep,
                   const struct stat *st)
{
    if (keep->len == 0) {
        if (unlink(path) < 0)
            return ns_error("cannot remove '%s': %s", path, strerror(errno));
        return ns_sync_dir(dir) < 0
                   ? ns_error("cannot sync '%s': %s", dir, strerror(errno))
                   : 0;
    }
    char part[4600];
    snprintf(part, sizeof part, "%s.purge.jsonl.gz.part", path);
    int fd = open(part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return ns_error("cannot create '%s': %s", part, strerror(errno));
    int gzfd = dup(fd);
    gzFile gz = gzfd < 0 ? NULL : gzdopen(gzfd, "wb6");
    int ok = gz && gzwrite(gz, keep->p, (unsigned)keep->len) == (int)keep->len;
    if (gz && gzclose(gz) != Z_OK)
        ok = 0;
    else if (!gz && gzfd >= 0)
        close(gzfd);
    struct timespec times[2] = {st->st_atim, st->st_mtim};
    ok = ok && futimens(fd, times) == 0 && fsync(fd) == 0;
    int saved = errno;
    close(fd);
    if (!ok || rename(part, path) < 0) {
        if (ok)
            saved = errno;
        unlink(part);
        return ns_error("cannot rewrite '%s': %s", path, strerror(saved));
    }
    return ns_sync_dir(dir) < 0
               ? ns_error("cannot sync '%s': %s", dir, strerror(errno))
               : 0;
}

int ns_undo_purge(const char *db, const struct options *o, char *const *ids,
                  size_t n, unsigned long *files)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/deleted", db);
    DIR *d = opendir(dir);
    if (!d)
        return EXIT_OK; /* nothing was ever kept */
    unsigned char *hit = calloc(n ? n : 1, 1);
    if (!hit)
        ns_die("out of memory");
    int rc = EXIT_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!undo_name(e->d_name))
            continue;
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
            continue;
        ns_buf_t keep = {0};
        memset(hit, 0, n);
        long dropped = read_without(path, ids, n, hit, &keep);
        if (dropped > 0 && !o->dry_run && rewrite(dir, path, &keep, &st) < 0)
            dropped = -1;
        ns_buf_free(&keep);
        if (dropped < 0) {
            ns_error("the takedown is incomplete: '%s' may still hold the "
                     "articles: remove it, or mend it and run the --delete "
                     "again",
                     path);
            rc = EXIT_ERROR;
            continue;
        }
        for (size_t i = 0; i < n; i++)
            files[i] += hit[i];
    }
    closedir(d);
    free(hit);
    return rc;
}
