/* reader-jsonl.c - JSON Lines, the reader's (reader.c) default: a file,
 * plain or gzipped, or standard input, split into lines here and each
 * line read as a record.  A record refused says why once per file (the
 * keys it had, windows-1252 bytes and what to do about them); a file
 * whose first line shows it to be a JSON array or a JSON Feed is read on
 * as the document it is (jsondoc.c). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

static int read_as_jsondoc(ns_reader_t *r, ns_article_t *art);

/* A line over NS_MAX_RECORD is skipped up to its newline, but only this
 * far: past it the rest of the file is abandoned, so that /dev/zero or a
 * huge zero-filled file ends in bounded time instead of being read for
 * ever in search of a newline. */
#define MAX_SKIP (4 * (size_t)NS_MAX_RECORD)

/* After "invalid UTF-8 at byte N (0xE9, "é" in windows-1252)"
 * (article-json.c), once per file, what to do about it: an export from
 * an old Windows system is windows-1252 (or Latin-1) throughout, and each
 * of its records was refused without a word on why or how to put it
 * right.  It is not read as windows-1252: JSON is UTF-8 by its standard
 * (RFC 8259), and a wrong guess would index wrong text for good. */
static void hint_encoding_once(ns_reader_t *r)
{
    if (r->hinted || strncmp(r->err, "invalid UTF-8 ", 14) ||
        !strstr(r->err, " in windows-1252)"))
        return;
    r->hinted = 1;
    /* A file that held UTF-8 before its bad byte is UTF-8 with a stray
     * byte, not windows-1252: iconv would have turned each of its good
     * letters into two (Tromsø into TromsÃ¸) without a word. */
    if (r->saw_utf8) {
        snprintf(r->hint, sizeof r->hint,
                 "%s:%u: the rest of the file is UTF-8: mend the byte on "
                 "this line alone; do not convert the whole file from "
                 "windows-1252, which would garble its other letters",
                 r->path, r->line);
        return;
    }
    size_t n = strlen(r->path);
    /* Quoted as a shell reads it back, when it must be. */
    const char *q =
        r->path[strspn(r->path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS"
                                "TUVWXYZ0123456789._-/+,:@")] &&
                !strchr(r->path, '\'')
            ? "'"
            : "";
    if (r->from_stdin)
        snprintf(r->hint, sizeof r->hint,
                 "%s: the input looks like windows-1252: convert it with "
                 "iconv -f windows-1252 -t utf-8",
                 r->path);
    else if (n > 3 && !strcmp(r->path + n - 3, ".gz"))
        snprintf(r->hint, sizeof r->hint,
                 "%s: the file looks like windows-1252: convert it with "
                 "gzip -dc %s%s%s | iconv -f windows-1252 -t utf-8",
                 r->path, q, r->path, q);
    else
        snprintf(r->hint, sizeof r->hint,
                 "%s: the file looks like windows-1252: convert it with "
                 "iconv -f windows-1252 -t utf-8 %s%s%s",
                 r->path, q, r->path, q);
}

/* Note in R whether LINE (LEN bytes) shows the file to be UTF-8: a byte
 * past ASCII in a record read (JSON is read as UTF-8, so it is part of a
 * valid character), or before the first bad byte of a REFUSED record
 * (r->err says why). */
static void seen_utf8(ns_reader_t *r, const char *line, size_t len,
                      int refused)
{
    static const char bad[] = "invalid UTF-8 at byte ";
    if (r->saw_utf8)
        return;
    if (refused && strncmp(r->err, bad, sizeof bad - 1))
        return; /* refused for another reason: its bytes were not checked */
    if (refused) {
        size_t at = strtoul(r->err + sizeof bad - 1, NULL, 10);
        len = at > 0 && at - 1 < len ? at - 1 : 0;
    }
    for (size_t i = 0; i < len && !r->saw_utf8; i++)
        r->saw_utf8 = (unsigned char)line[i] >= 0x80;
}

const char *ns_reader_hint(const ns_reader_t *r)
{
    return r->hint[0] ? r->hint : NULL;
}

/* Read one line into r->buf (without the newline).  Returns 1 with a line,
 * 0 at the end of the file, -1 on a read error (r->err set), -2 for a line
 * over NS_MAX_RECORD (skipped; r->err set).
 *
 * The lines are split here rather than by gzgets(): gzgets cannot say how
 * many bytes it read, so a NUL byte hid the rest of its line and merged
 * the next line into it.  Here a NUL is an ordinary byte of the line, which
 * ns_reader_next_jsonl() then reports. */
static int read_line(ns_reader_t *r)
{
    int too_long = 0;
    size_t total = 0;
    ns_buf_reset(&r->buf);
    for (;;) {
        if (r->rpos == r->rlen) {
            int got = ns_reader_read(r, r->rbuf, sizeof r->rbuf);
            if (got <= 0) {
                const char *why = ns_reader_gz_problem(r);
                if (why || got < 0) {
                    snprintf(r->err, sizeof r->err, "%s",
                             why ? why : "read error");
                    r->gz_failed = r->file_failed = 1;
                    return -1;
                }
                if (total == 0)
                    return 0;
                break; /* a last line without a newline */
            }
            r->rpos = 0;
            r->rlen = (size_t)got;
        }
        const char *start = r->rbuf + r->rpos;
        size_t avail = r->rlen - r->rpos;
        const char *nl = memchr(start, '\n', avail);
        size_t n = nl ? (size_t)(nl - start) : avail;
        r->rpos += n + (nl != NULL);
        total += n;
        if (!too_long) {
            if (r->buf.len + n > NS_MAX_RECORD) {
                too_long = 1;
            } else if (ns_buf_append(&r->buf, start, n) < 0) {
                snprintf(r->err, sizeof r->err, "out of memory");
                return -2;
            }
        }
        if (nl)
            break;
        if (too_long && total > MAX_SKIP) {
            snprintf(r->err, sizeof r->err,
                     "no end of line within %zu bytes; rest of the file "
                     "skipped",
                     MAX_SKIP);
            r->gz_failed = r->file_failed = 1;
            return -2;
        }
    }
    if (too_long) {
        snprintf(r->err, sizeof r->err, "line longer than %u bytes",
                 NS_MAX_RECORD);
        return -2;
    }
    /* Callers may treat the line as a C string. */
    if (ns_buf_append(&r->buf, "", 0) < 0 || !r->buf.p) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return -2;
    }
    return 1;
}

/* Standard input cannot be looked at and then read again, as a file is
 * (ns_reader_choose_kind): it is JSON Lines, unless its first line of
 * text, at FROM in r->buf, says otherwise.  A JSON array, or an object
 * pretty-printed over lines ("{" alone on the first), is read as the
 * document it is, one element at a time as from a file (jsondoc.c), where
 * each of its lines was a malformed record; XML or HTML, a feed or a page
 * piped in, is one error that says to give it as a file, where each of
 * its lines was one (56 for a wire's feed): a feed and a page are told
 * apart by a file's name and its first bytes read again.  Returns 2 to
 * read the line as a record, else what ns_reader_next returns. */
static int stdin_shape(ns_reader_t *r, size_t from, ns_article_t *art)
{
    const char *p = r->buf.p + from;
    size_t n = r->buf.len - from;
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
        n--;
    if (*p == '[' || (n == 1 && *p == '{'))
        return read_as_jsondoc(r, art);
    if (*p != '<')
        return 2;
    ns_reader_set_where(r, 0);
    snprintf(r->err, sizeof r->err,
             "looks like XML (a feed or a page), not JSON Lines: save it to "
             "a file (feed.xml) and give its name");
    r->gz_failed = r->file_failed = 1;
    return -1;
}

/* Is PATH a file of deleted articles nindex wrote before deleting them
 * (indexer/undo.c: DB/deleted/YYYYMMDDTHHMMSSZ-PID.jsonl.gz)?  Its lines
 * are the stored form, read back exactly as they were stored: a body of
 * text that names tags ("Write <b>bold</b>") is not read as HTML again. */
static int undo_file(const char *path)
{
    const char *base = strrchr(path, '/');
    if (!base || base - path < 7 || strncmp(base - 7, "deleted", 7) ||
        (base - path > 7 && base[-8] != '/'))
        return 0;
    base++;
    for (size_t i = 0; i < 16; i++)
        if (i == 8    ? base[i] != 'T'
            : i == 15 ? base[i] != 'Z'
                      : !isdigit((unsigned char)base[i]))
            return 0;
    size_t digits = strspn(base + 17, "0123456789");
    return base[16] == '-' && digits &&
           !strcmp(base + 17 + digits, ".jsonl.gz");
}

int ns_reader_next_jsonl(ns_reader_t *r, ns_article_t *art)
{
    for (;;) {
        if (r->gz_failed) {
            ns_reader_end_file(r);
            return 0;
        }
        int rc = read_line(r);
        r->line++;
        if (rc == 0) {
            /* Nothing but white space piped in is an empty file, as one
             * named on the command line is (ns_reader_choose_kind):
             * said, and counted ignored, where it passed in silence, exit 0. */
            if (r->from_stdin && !r->started) {
                ns_reader_set_where(r, 0);
                ns_reader_note_empty(r);
                ns_reader_note_ignored(r, "ignored: empty file");
            }
            ns_reader_end_file(r);
            return 0;
        }
        ns_reader_set_where(r, r->line);
        if (rc < 0)
            return -1;
        /* A NUL byte is never text: what a crash leaves in a file that was
         * being written, or binary data under the wrong name. */
        const char *nul = memchr(r->buf.p, '\0', r->buf.len);
        if (nul) {
            snprintf(r->err, sizeof r->err,
                     "NUL byte at column %zu (not a line of text)",
                     (size_t)(nul - r->buf.p) + 1);
            return -1;
        }
        /* A byte-order mark opens the files some Windows editors and
         * PowerShell write as UTF-8: no part of a record, on any line,
         * since `cat 1921.jsonl 1922.jsonl` puts the second file's mark
         * before its first record (which was lost, "malformed JSON").
         * No record starts with one: JSON has no such token.  An empty
         * file of a mark alone adds its mark to the next file's. */
        size_t i = 0;
        while (r->buf.len - i >= 3 && memcmp(r->buf.p + i, "\xef\xbb\xbf", 3) == 0)
            i += 3;
        /* Blank lines (a trailing newline, an editor's gap) are no record. */
        size_t from = i;
        while (i < r->buf.len && (r->buf.p[i] == ' ' || r->buf.p[i] == '\t' ||
                                  r->buf.p[i] == '\r'))
            i++;
        if (i == r->buf.len)
            continue;
        if (r->from_stdin && !r->started) {
            r->started = 1;
            int shape = stdin_shape(r, from, art);
            if (shape != 2)
                return shape;
        }
        /* A JSON Feed on one line, its keys sorted ("items" before
         * "version", as json.dumps(sort_keys=True), jq -cS and Go write
         * it), has its version past what sniff.c saw; read as a record, it
         * lost every item ("missing id"). */
        if (r->line == 1 &&
            ns_jsonfeed_text_is(r->buf.p + from, r->buf.len - from))
            return read_as_jsondoc(r, art);
        const char *line = r->buf.p + from;
        size_t len = r->buf.len - from;
        int got =
            undo_file(r->path)
                ? ns_article_from_json(line, len, art, r->err, sizeof r->err)
                : ns_article_from_record(line, len, art, r->err, sizeof r->err);
        if (got < 0) {
            ns_reader_name_keys_once(r);
            seen_utf8(r, line, len, 1);
            hint_encoding_once(r);
            return -1;
        }
        seen_utf8(r, line, len, 0);
        if (got > 0) {
            /* Not published: ignored, its id kept for the article, if
             * indexed, to be taken out (as a Markdown draft's). */
            ns_reader_note_draft(r, r->err, art->id);
            ns_article_clear(art);
            r->err[0] = '\0';
            continue;
        }
        return 1;
    }
}

/* Go on reading the current JSON Lines file, its first line in r->buf, as
 * a JSON document.  That line and the bytes read after it are handed over,
 * not read again: the file may be standard input, or gigabytes long. */
static int read_as_jsondoc(ns_reader_t *r, ns_article_t *art)
{
    /* A newline for each blank line before it, so that the document's
     * lines are counted from the top (a "[" after a blank line). */
    ns_buf_t head = {0};
    for (unsigned i = 1; i < r->line; i++)
        if (ns_buf_putc(&head, '\n') < 0)
            break;
    if (r->line > 1 && head.len + 1 == r->line &&
        ns_buf_append(&head, r->buf.p, r->buf.len) == 0) {
        ns_buf_free(&r->buf);
        r->buf = head;
    } else {
        ns_buf_free(&head);
    }
    if (ns_buf_append(&r->buf, "\n", 1) < 0 ||
        ns_buf_append(&r->buf, r->rbuf + r->rpos, r->rlen - r->rpos) < 0 ||
        !(r->doc = ns_jsondoc_open_after(ns_reader_gz_read, r, r->buf.p,
                                          r->buf.len))) {
        snprintf(r->err, sizeof r->err, "out of memory");
        r->file_failed = 1;
        ns_reader_end_file(r);
        return -1;
    }
    r->rpos = r->rlen = 0;
    r->kind = KIND_JSONDOC;
    return ns_reader_next_item(r, art);
}
