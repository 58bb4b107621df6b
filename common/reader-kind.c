/* reader-kind.c - How to read a file the reader (reader.c) has just
 * opened: its format, chosen by its name and its first bytes (sniff.c),
 * those bytes kept to be read again, since a pipe cannot be rewound. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "reader.h"

ssize_t ns_reader_gz_read(void *ctx, char *buf, size_t len)
{
    ns_reader_t *r = ctx;
    int n = ns_reader_read(r, buf, len);
    if (n < 0 || (n == 0 && ns_reader_gz_problem(r)))
        return -1;
    return n;
}

/* ns_format_sniff_read()'s reader: the bytes choose_kind read of the
 * file (r->ahead) again, then more of it, kept there as well, so that
 * the file is read from its start after the look. */
static ssize_t look_read(void *ctx, char *buf, size_t len)
{
    ns_reader_t *r = ctx;
    size_t left = r->ahead.len - r->ahead_pos;
    if (left) {
        size_t n = left < len ? left : len;
        memcpy(buf, r->ahead.p + r->ahead_pos, n);
        r->ahead_pos += n;
        return (ssize_t)n;
    }
    int n = gzread(r->gz, buf, len > INT32_MAX ? INT32_MAX : (unsigned)len);
    if (n < 0 || (n == 0 && ns_reader_gz_problem(r)))
        return -1;
    if (ns_buf_append(&r->ahead, buf, (size_t)n) < 0)
        return -1;
    r->ahead_pos = r->ahead.len;
    return n;
}

/* Decide how to read the file just opened in r->gz, from its name and its
 * first bytes.  Returns 1 to read it, 0 if it is ignored (noted), -1 if it
 * cannot be read as what its name says (r->err set).
 *
 * The bytes looked at are not read again from the file, which would be
 * rewound for it: a named pipe, bash's <(...) and /dev/stdin cannot be
 * (gzrewind fails there), and their first 4 KiB were lost, a first
 * record half read or a whole feed "Extra content".  They are kept in
 * r->ahead and read first (ns_reader_read), as standard input's first
 * line is (stdin_shape), whatever the file. */
int ns_reader_choose_kind(ns_reader_t *r)
{
    char head[4096];
    int n = gzread(r->gz, head, sizeof head);
    /* HEAD is the whole file, read without an error. */
    int whole = n >= 0 && (size_t)n < sizeof head && !ns_reader_gz_problem(r);
    if (n < 0)
        n = 0;
    if (ns_buf_append(&r->ahead, head, (size_t)n) < 0)
        goto nomem;
    r->ahead_pos = 0;
    size_t plen = strlen(r->path);
    /* Named .gz, and not gzip (zlib reads such a file as it is). */
    int not_gzip = plen > 3 && strcasecmp(r->path + plen - 3, ".gz") == 0 &&
                   gzdirect(r->gz);
    ns_format_t named = ns_format_by_name(r->path);
    const char *why;
    ns_format_t fmt = ns_format_sniff(head, (size_t)n, named, &why);
    /* XML whose root is past HEAD: a licence in a comment, a stylesheet. */
    if (fmt == NS_FMT_MORE) {
        fmt = ns_format_sniff_read(look_read, r, named, &why);
        r->ahead_pos = 0;
    }
    /* An empty file holds no record (an empty .jsonl never did): it is
     * ignored and said so, not a skipped record, which would stop a
     * prune; one blank only as far as HEAD goes, or that could not be
     * read, is left to the reader of its name.  But a gzip file of
     * nothing still has its header and trailer (gzip -t), and XML or HTML
     * of nothing its root element: an empty one named .gz, or as a feed
     * or a page, was cut off (an export or a fetch that failed, `curl URL
     * > feed.xml`) and is a skipped record, so that a prune keeps the
     * articles it held the night before. */
    if (fmt == NS_FMT_EMPTY && whole &&
        (not_gzip || named == NS_FMT_FEED || named == NS_FMT_HTML)) {
        snprintf(r->err, sizeof r->err, "%s",
                 not_gzip ? "truncated gzip file (empty, without a gzip header)"
                 : named == NS_FMT_FEED
                     ? "empty feed (cut off: a download that failed?)"
                     : "empty page (cut off: a download that failed?)");
        r->gz_failed |= not_gzip;
        r->file_failed = 1;
        ns_reader_end_file(r);
        return -1;
    }
    if (fmt == NS_FMT_EMPTY && whole) {
        /* Of a format of articles by its name, or named on the command
         * line (read as JSON Lines): ns_reader_next_empty().  An empty
         * README in a walk is no export. */
        if (named != NS_FMT_UNKNOWN || !r->walked)
            ns_reader_note_empty(r);
        ns_reader_note_ignored(r, "ignored: empty file");
        ns_reader_end_file(r);
        return 0;
    }
    if (fmt == NS_FMT_EMPTY)
        fmt = named;
    /* Its name says a format its content cannot be (an error page saved
     * as feed.xml): a skipped record, in a walk too, so that a prune does
     * not delete what the file held the night before. */
    if (fmt == NS_FMT_BROKEN) {
        snprintf(r->err, sizeof r->err, "%s", why);
        r->file_failed = 1;
        ns_reader_end_file(r);
        return -1;
    }
    if (fmt == NS_FMT_UNKNOWN) {
        if (r->walked) {
            char note[256];
            snprintf(note, sizeof note, "ignored: %s", why);
            ns_reader_note_ignored(r, note);
            ns_reader_end_file(r);
            return 0;
        }
        if (named != NS_FMT_UNKNOWN) {
            snprintf(r->err, sizeof r->err, "%s", why);
            r->file_failed = 1;
            ns_reader_end_file(r);
            return -1;
        }
        /* A file named on the command line is read as JSON Lines when
         * nothing says otherwise (the reader reports each bad line). */
        fmt = NS_FMT_JSONL;
    }
    r->markdown = fmt == NS_FMT_MARKDOWN;
    switch (fmt) {
    case NS_FMT_FEED:
        r->kind = KIND_FEED;
        if (!(r->feed = ns_feed_open(ns_reader_gz_read, r)))
            goto nomem;
        return 1;
    case NS_FMT_JSONDOC:
        r->kind = KIND_JSONDOC;
        if (!(r->doc = ns_jsondoc_open(ns_reader_gz_read, r)))
            goto nomem;
        return 1;
    case NS_FMT_HTML:
    case NS_FMT_NITF:
    case NS_FMT_TEXT:
    case NS_FMT_MARKDOWN:
        /* Read whole, from r->gz as it is (reader-file.c). */
        r->kind = fmt == NS_FMT_HTML   ? KIND_HTML
                  : fmt == NS_FMT_NITF ? KIND_NITF
                                       : KIND_TEXT;
        return 1;
    default:
        r->kind = KIND_JSONL;
        return 1;
    }
nomem:
    snprintf(r->err, sizeof r->err, "out of memory");
    ns_reader_end_file(r);
    return -1;
}
