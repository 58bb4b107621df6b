/* reader.c - Read articles from sources: JSON Lines (plain or gzipped, from a
 * file or standard input), text or Markdown files with front matter, feeds
 * (feed.c), HTML pages (html.c), JSON documents (jsondoc.c), and
 * directories of them.  Each file's format is chosen by its name and its
 * first bytes (sniff.c); what a directory walk leaves out is reported.
 * JSON Lines, line by line, is reader-jsonl.c's.
 *
 * A reader never stops at a bad record: it reports it (where and why) and
 * moves on, so one broken line in a nightly feed costs one article, not the
 * run. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "reader.h"

void ns_reader_set_default_lang(ns_reader_t *r, const char *code)
{
    if (code && *code && strlen(code) < sizeof r->default_lang)
        strcpy(r->default_lang, code);
}

/* A walk's note of what it left out, said of PATH. */
static void walk_ignored(void *ctx, const char *path, const char *why)
{
    ns_reader_t *r = ctx;
    snprintf(r->where, sizeof r->where, "%s", path);
    ns_reader_note_ignored(r, why);
}

/* The same of an index directory it passed over. */
static void walk_index(void *ctx, const char *path, const char *why)
{
    ns_reader_t *r = ctx;
    snprintf(r->where, sizeof r->where, "%s", path);
    ns_reader_note_aside(r, why);
}

ns_status_t ns_reader_open(const char *source, ns_reader_t **out,
                           char **err_out)
{
    return ns_reader_open_for(source, NULL, out, err_out);
}

ns_status_t ns_reader_open_for(const char *source, const char *db,
                               ns_reader_t **out, char **err_out)
{
    *out = NULL;
    if (err_out)
        *err_out = NULL;
    ns_reader_t *r = calloc(1, sizeof *r);
    if (!r || !(r->root = strdup(source))) {
        free(r);
        return NS_STATUS_NOMEM;
    }
    r->fd = -1;
    r->walk.ignored = walk_ignored;
    r->walk.index = walk_index;
    r->walk.ctx = r;
    strcpy(r->default_lang, "en");
    struct stat st;
    /* A DB not made yet (a dry run's new index) is in no walk. */
    if (db && stat(db, &st) == 0 && S_ISDIR(st.st_mode)) {
        r->walk.has_db = 1;
        r->walk.db_dev = st.st_dev;
        r->walk.db_ino = st.st_ino;
    }
    if (strcmp(source, "-") == 0) {
        if (ns_walk_push(&r->walk, "-") < 0)
            goto nomem;
        *out = r;
        return NS_STATUS_OK;
    }
    if (stat(source, &st) < 0) {
        int e = errno;
        if (err_out)
            *err_out = strdup(strerror(e));
        ns_reader_close(r);
        return e == ENOENT ? NS_STATUS_NOT_FOUND : NS_STATUS_IO;
    }
    if (S_ISDIR(st.st_mode)) {
        r->walked = 1;
        if (ns_walk_first_visit(&r->walk, &st) < 0)
            goto nomem;
        r->root_len = strlen(source);
        while (r->root_len > 1 && source[r->root_len - 1] == '/')
            r->root_len--;
        int walked = ns_walk_dir(&r->walk, source);
        int e = errno;
        ns_walk_forget_dirs(&r->walk);
        if (walked < 0) {
            if (err_out)
                *err_out = strdup(strerror(e));
            ns_reader_close(r);
            return e == ENOMEM ? NS_STATUS_NOMEM : NS_STATUS_IO;
        }
    } else {
        /* Opened here, not when its first record is read, where a
         * failure would be one skipped record (exit 3, or a prune refused
         * for skipped records): a SOURCE named but unreadable is an
         * error of its own, as a missing one is.  And read from this
         * open, not a second one: a named pipe opened and closed to check
         * it let its writer in, and what it wrote went with the close
         * (the file read then waited for a writer that was gone).  A
         * FIFO's open waits for its writer, as the read would. */
        int fd = open(source, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            int e = errno;
            if (err_out)
                *err_out = strdup(strerror(e));
            ns_reader_close(r);
            return e == ENOMEM ? NS_STATUS_NOMEM : NS_STATUS_IO;
        }
        r->fd = fd;
        /* A single file's id, when its header has none, is its name. */
        const char *slash = strrchr(source, '/');
        r->root_len = slash ? (size_t)(slash - source) : 0;
        if (ns_walk_push(&r->walk, source) < 0)
            goto nomem;
    }
    *out = r;
    return NS_STATUS_OK;
nomem:
    ns_reader_close(r);
    return NS_STATUS_NOMEM;
}

const char *ns_reader_passed(const ns_reader_t *r, size_t i)
{
    return i < r->walk.n_passed ? r->walk.passed[i] : NULL;
}

size_t ns_reader_site_files(const ns_reader_t *r)
{
    return r->walk.n_site_files;
}

void ns_reader_close(ns_reader_t *r)
{
    if (!r)
        return;
    if (r->gz)
        gzclose(r->gz);
    if (r->fd >= 0)
        close(r->fd);
    ns_feed_close(r->feed);
    ns_jsondoc_close(r->doc);
    ns_walk_free(&r->walk);
    ns_reader_slugs_free(r);
    free(r->site_base);
    for (size_t i = 0; i < r->n_notes; i++)
        ns_reader_ignored_free(&r->notes[i]);
    free(r->notes);
    for (size_t i = 0; i < r->n_empties; i++)
        free(r->empties[i]);
    free(r->empties);
    free(r->root);
    free(r->path);
    ns_buf_free(&r->buf);
    ns_buf_free(&r->ahead);
    free(r);
}

const char *ns_reader_where(const ns_reader_t *r)
{
    return r->where;
}

const char *ns_reader_error(const ns_reader_t *r)
{
    return r->err;
}

int ns_reader_file_failed(const ns_reader_t *r)
{
    return r->file_failed;
}

const char *ns_reader_warning(const ns_reader_t *r)
{
    return r->warn[0] ? r->warn : NULL;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */
/* ------------------------------------------------------------------------ */

void ns_reader_set_where(ns_reader_t *r, unsigned line)
{
    if (line)
        snprintf(r->where, sizeof r->where, "%s:%u", r->path, line);
    else
        snprintf(r->where, sizeof r->where, "%s", r->path);
}

void ns_reader_end_file(ns_reader_t *r)
{
    if (r->gz)
        gzclose(r->gz);
    r->gz = NULL;
    ns_buf_free(&r->ahead);
    r->ahead_pos = 0;
    ns_feed_close(r->feed);
    r->feed = NULL;
    ns_jsondoc_close(r->doc);
    r->doc = NULL;
    r->kind = KIND_NONE;
}

int ns_reader_read(ns_reader_t *r, char *buf, size_t len)
{
    size_t left = r->ahead.len - r->ahead_pos;
    if (left) {
        size_t n = left < len ? left : len;
        n = n < INT32_MAX ? n : INT32_MAX;
        memcpy(buf, r->ahead.p + r->ahead_pos, n);
        r->ahead_pos += n;
        if (r->ahead_pos == r->ahead.len) {
            ns_buf_free(&r->ahead);
            r->ahead_pos = 0;
        }
        return (int)n;
    }
    return gzread(r->gz, buf, len > INT32_MAX ? INT32_MAX : (unsigned)len);
}

/* Describe the state of the gzip stream after a short read, or return NULL
 * if it simply ended. */
const char *ns_reader_gz_problem(ns_reader_t *r)
{
    int errnum;
    const char *msg = gzerror(r->gz, &errnum);
    if (errnum == Z_OK || errnum == Z_STREAM_END)
        return NULL;
    if (errnum == Z_ERRNO)
        return strerror(errno);
    if (errnum == Z_BUF_ERROR)
        return "truncated gzip file (unexpected end of file)";
    /* zlib puts the path before its message; the caller names the file
     * and line already ("f.gz:1: f.gz: invalid distance too far back").
     * A file read from the descriptor its format was chosen on is
     * "<fd:12>" to zlib, no name of the user's. */
    size_t n = strlen(r->path);
    if (msg && !strncmp(msg, r->path, n) && !strncmp(msg + n, ": ", 2))
        msg += n + 2;
    else if (msg && !strncmp(msg, "<fd:", 4) && strstr(msg, ">: "))
        msg = strstr(msg, ">: ") + 3;
    return msg;
}

/* The keys of a record without an id, or without a title and body
 * (article-json.c), in full once per file for each: an export of 50,000
 * records with other names would otherwise say them 50,000 times.  After
 * that, "missing id" alone. */
void ns_reader_name_keys_once(ns_reader_t *r)
{
    char *keys = strstr(r->err, " (the record has ");
    int said = strstr(r->err, "missing id") ? 1 : 2;
    if (keys && (r->keys_named & said))
        *keys = '\0';
    else if (keys)
        r->keys_named |= said;
}

/* Keep the current file for ns_reader_next_empty(). */
void ns_reader_note_empty(ns_reader_t *r)
{
    char **grown =
        realloc(r->empties, (r->n_empties + 1) * sizeof *r->empties);
    if (!grown)
        return;
    r->empties = grown;
    if ((r->empties[r->n_empties] = strdup(r->path)))
        r->n_empties++;
}

const char *ns_reader_next_empty(ns_reader_t *r)
{
    if (r->next_empty < r->n_empties)
        return r->empties[r->next_empty++];
    for (size_t i = 0; i < r->n_empties; i++)
        free(r->empties[i]);
    r->n_empties = r->next_empty = 0;
    return NULL;
}

int ns_reader_next_item(ns_reader_t *r, ns_article_t *art)
{
    for (;;) {
        unsigned item = 0, line = 0;
        int rc = r->kind == KIND_FEED
                     ? ns_feed_next(r->feed, art, &item, &line, r->err,
                                    sizeof r->err)
                     : ns_jsondoc_next(r->doc, art, &item, &line, r->err,
                                       sizeof r->err);
        ns_reader_set_where(r, line);
        if (rc == NS_ITEM_IGNORED) {
            /* A post set back to draft comes with the id it had. */
            ns_reader_note_draft(r, r->err, art->id);
            ns_article_clear(art);
            r->err[0] = '\0';
            continue;
        }
        if (rc == NS_ITEM_END) {
            const char *why = r->gz ? ns_reader_gz_problem(r) : NULL;
            if (why) {
                snprintf(r->err, sizeof r->err, "%s", why);
                r->file_failed = 1;
                ns_reader_end_file(r);
                return -1;
            }
            ns_reader_end_file(r);
            return 0;
        }
        if (rc == NS_ITEM_OK && r->err[0]) {
            /* Read, but with bytes put right: a warning. */
            snprintf(r->warn, sizeof r->warn, "%s", r->err);
            r->err[0] = '\0';
        }
        if (rc != NS_ITEM_OK)
            ns_reader_name_keys_once(r);
        /* The parser stopped before the end: the rest is not read. */
        r->file_failed = rc == NS_ITEM_CUT;
        return rc == NS_ITEM_OK ? 1 : -1;
    }
}

/* Is FILE "x.md.gz" in a directory that also holds "x.md"?  Both are the
 * article "x.md" (rel_path), or the same records twice: one of them is
 * a copy left by "gzip -k" or a version nobody meant to keep, and which
 * replaced the other depended on the order of reading, every night.  The
 * gzipped one is not read: a file failed, so that a rebuild does not
 * publish and a prune does not delete without what it held (README). */
static int plain_copy_beside(ns_reader_t *r, const char *file)
{
    size_t n = strlen(file);
    struct stat st;
    if (n <= 3 || strcasecmp(file + n - 3, ".gz") != 0)
        return 0;
    char *plain = strndup(file, n - 3);
    int both = plain && stat(plain, &st) == 0 && S_ISREG(st.st_mode);
    free(plain);
    if (both) {
        const char *base = strrchr(file, '/');
        ns_format_t f = ns_format_by_name(file);
        int one = f == NS_FMT_MARKDOWN || f == NS_FMT_TEXT || f == NS_FMT_HTML;
        snprintf(r->err, sizeof r->err,
                 "not read: %.*s is here too, and both give the same id%s: "
                 "remove one",
                 (int)(file + n - 3 - (base ? base + 1 : file)),
                 base ? base + 1 : file, one ? "" : "s");
        r->kind = KIND_NONE;
        r->file_failed = 1;
    }
    return both;
}

/* Open the next file; returns 1 if one is open, 0 when none is left, -1 if
 * it could not be opened (reported). */
static int open_next(ns_reader_t *r)
{
    if (r->next_file >= r->walk.n_files)
        return 0;
    const char *file = r->walk.files[r->next_file++];
    free(r->path);
    r->path = strdup(strcmp(file, "-") == 0 ? "<stdin>" : file);
    if (!r->path) {
        snprintf(r->err, sizeof r->err, "out of memory");
        r->where[0] = '\0';
        return -1;
    }
    r->line = 0;
    r->started = 0;
    r->keys_named = 0;
    r->hinted = 0;
    r->saw_utf8 = 0;
    r->from_stdin = strcmp(file, "-") == 0;
    r->gz_failed = 0;
    r->rpos = r->rlen = 0;
    r->kind = KIND_JSONL;
    ns_reader_set_where(r, 0);
    size_t flen = strlen(file);
    if (r->walked && flen > 1 && file[flen - 1] == '/') {
        /* An empty directory (ns_walk_dir): named without its '/'. */
        r->path[flen - 1] = '\0';
        ns_reader_set_where(r, 0);
        snprintf(r->err, sizeof r->err,
                 "empty directory: nothing in it at all (a disk that is not "
                 "mounted?)");
        r->kind = KIND_NONE;
        r->file_failed = 1;
        return -1;
    }
    if (r->walked && plain_copy_beside(r, file))
        return -1;
    /* A file SOURCE is read from the open that checked it. */
    int fd = r->from_stdin ? dup(0) : r->fd;
    r->fd = -1;
    /* A damaged gzip file gives garbage before its error: not read. */
    if (!r->from_stdin && ns_reader_gz_check(r, fd, file) < 0) {
        if (fd >= 0)
            close(fd);
        r->kind = KIND_NONE;
        r->file_failed = 1;
        return -1;
    }
    r->gz = fd >= 0          ? gzdopen(fd, "rb")
            : r->from_stdin ? NULL
                            : gzopen(file, "rb");
    if (!r->gz && fd >= 0) {
        int e = errno;
        close(fd);
        errno = e;
    }
    if (!r->gz) {
        snprintf(r->err, sizeof r->err, "cannot open: %s",
                 errno ? strerror(errno) : "out of memory");
        r->kind = KIND_NONE;
        r->file_failed = 1;
        return -1;
    }
    gzbuffer(r->gz, 1 << 17);
    /* Standard input cannot be rewound after a look (stdin_shape). */
    return r->from_stdin ? 1 : ns_reader_choose_kind(r);
}

int ns_reader_next(ns_reader_t *r, ns_article_t *art)
{
    ns_article_clear(art);
    r->warn[0] = '\0';
    r->err[0] = '\0';
    r->hint[0] = '\0';
    r->file_failed = 0;
    for (;;) {
        if (r->kind == KIND_NONE) {
            /* The file read before gave nothing at all. */
            if (r->reading && !r->gave)
                ns_reader_note_empty(r);
            r->reading = 0;
            errno = 0;
            int rc = open_next(r);
            r->reading = rc > 0;
            r->gave = 0;
            if (rc < 0)
                return rc;
            if (rc == 0 && r->next_file >= r->walk.n_files)
                return 0;
            if (rc == 0)
                continue; /* ignored: on to the next file */
        }
        int rc;
        switch (r->kind) {
        case KIND_TEXT:
            rc = ns_reader_next_text(r, art);
            break;
        case KIND_HTML:
        case KIND_NITF:
            rc = ns_reader_next_html(r, art);
            break;
        case KIND_FEED:
        case KIND_JSONDOC:
            rc = ns_reader_next_item(r, art);
            break;
        default:
            rc = ns_reader_next_jsonl(r, art);
            break;
        }
        if (rc > 0 && art->warning) /* after the page's own, if any */
            snprintf(r->warn + strlen(r->warn),
                     sizeof r->warn - strlen(r->warn), "%s%s",
                     r->warn[0] ? "; " : "", art->warning);
        if (rc != 0) {
            r->gave++;
            return rc;
        }
    }
}
