/* reader.h - The state of a reader (reader.c), shared with the readers
 * of JSON Lines (reader-jsonl.c) and of one-article files (reader-file.c)
 * and the format chooser (reader-kind.c).  Internal to reader*.c. */
#ifndef NS_READER_H
#define NS_READER_H

#include <zlib.h>

#include "ingest.h"

NS_BEGIN_DECLS

enum kind {
    KIND_NONE,
    KIND_JSONL,
    KIND_TEXT,
    KIND_FEED,
    KIND_JSONDOC,
    KIND_HTML,
    KIND_NITF
};

/* One thing left out on purpose (ns_reader_next_ignored()). */
struct ignored {
    char *note;  /* "WHERE: ignored: WHY" */
    char *where; /* WHERE alone */
    char *id;    /* a draft's id (ns_reader_ignored_id()), or NULL */
    int aside;   /* an index directory passed over: a note, not counted */
};

/* A post of a walk whose id is its slug (reader-slugs.c). */
struct slug_post {
    char *rel;      /* its path below the source: its default id */
    char *key;      /* "LANG/slug", LANG empty in the default language */
    char *slug;     /* the slug */
    size_t dir_len; /* bytes of REL that are its URL's directory */
    const char *other; /* another post's REL of the same KEY, or NULL */
    int by_path;    /* one of those is in its directory too */
};

struct ns_reader {
    char *root;       /* the source as given */
    size_t root_len;  /* bytes of root that prefix each walked path */
    ns_walk_t walk;   /* files to read, in order (dirwalk.c) */
    size_t next_file; /* index of the next file to open */
    int fd;           /* a file SOURCE, opened to check it, or -1 */

    char *path; /* the current file ("<stdin>" for -) */
    enum kind kind;
    int walked;        /* the source is a directory */
    int markdown;      /* KIND_TEXT: the body is Markdown */
    ns_feed_t *feed;   /* KIND_FEED */
    ns_jsondoc_t *doc; /* KIND_JSONDOC */
    struct ignored *notes; /* what was left out on purpose, not yet taken */
    size_t n_notes, next_note;
    char **empties; /* files that gave nothing at all, not yet taken */
    size_t n_empties, next_empty;
    int reading;          /* a file of an article format is being read */
    unsigned long gave;   /* what it gave: articles, bad records, notes */
    gzFile gz;       /* KIND_JSONL */
    int gz_failed;   /* the current gzip stream is broken: stop it */
    int file_failed; /* the last -1 was of a whole file, or its rest */
    unsigned line;   /* line number of the last record */
    int from_stdin;  /* the current file is standard input */
    int started;     /* a line with text was read from it */
    int keys_named;  /* which missing fields' keys were said */
    int hinted;      /* the windows-1252 hint was given for it */
    int saw_utf8;    /* it held a valid multi-byte UTF-8 character */
    ns_buf_t buf;    /* the current line */
    ns_buf_t ahead;   /* the bytes the format was chosen by: read first */
    size_t ahead_pos; /* the next byte of it to read */

    size_t rpos;        /* next unread byte in rbuf */
    size_t rlen;        /* bytes in rbuf */
    char rbuf[1 << 17]; /* decompressed bytes not yet split into lines */

    struct slug_post *slugs; /* a walk's posts whose id is a slug */
    size_t n_slugs;
    int slugs_scanned; /* slugs holds them all */
    char *site_base;   /* the source below its Hugo site's content/ */
    int site_looked;   /* site_base is known (reader-origin.c) */

    char default_lang[NS_MAX_LABEL + 1]; /* ns_reader_set_default_lang */
    char where[4096];
    char err[512];
    char warn[512];
    char hint[4400]; /* what to do about the last error, or "" */
};

/* Set r->where to the current file, and LINE when it is not 0. */
void ns_reader_set_where(ns_reader_t *r, unsigned line);
/* Close the current file; the next read opens the next one. */
void ns_reader_end_file(ns_reader_t *r);
/* Read up to LEN bytes of the current file into BUF: those looked at to
 * choose its format first, then the rest of r->gz.  Returns what gzread
 * does: the count, 0 at the end, -1 on an error. */
int ns_reader_read(ns_reader_t *r, char *buf, size_t len);
/* What went wrong with the gzip stream after a short read, or NULL if it
 * simply ended. */
const char *ns_reader_gz_problem(ns_reader_t *r);
/* ns_reader_read() as a feed's or JSON document's reader: -1 on an
 * error of the stream. */
ssize_t ns_reader_gz_read(void *ctx, char *buf, size_t len);
/* Choose how to read the file just opened in r->gz (reader-kind.c): 1 to
 * read it, 0 if it is ignored (noted), -1 with r->err. */
int ns_reader_choose_kind(ns_reader_t *r);
/* Check the regular gzip file FD (or FILE when FD is -1) whole before it
 * is read (reader-gzcheck.c): 0 to read it, -1 with r->err when its data
 * is damaged.  Anything else, a pipe or a plain file, is 0. */
int ns_reader_gz_check(ns_reader_t *r, int fd, const char *file);
/* Keep the current file for ns_reader_next_empty(). */
void ns_reader_note_empty(ns_reader_t *r);
/* Keep "WHERE: WHY" for ns_reader_next_ignored(). */
void ns_reader_note_ignored(ns_reader_t *r, const char *why);
/* The same for an index directory a walk passed over (aside). */
void ns_reader_note_aside(ns_reader_t *r, const char *why);
/* The same for a draft whose id is ID (NULL when unknown): an article of
 * that id indexed before is no longer published in its source. */
void ns_reader_note_draft(ns_reader_t *r, const char *why, const char *id);
/* Free what one of R->notes holds. */
void ns_reader_ignored_free(struct ignored *n);

/* The path FILE below the source root, without a leading slash and
 * without a ".gz": the default id of its article; in BUF (SIZE bytes)
 * or in FILE itself (reader-file.c). */
const char *ns_reader_rel(const ns_reader_t *r, const char *file, char *buf,
                          size_t size);
/* Give ART, the post at REL whose id is its slug, its directory's path
 * before the slug (or REL itself) when another post of the walk shares
 * the slug, saying so in r->warn (reader-slugs.c).  0, or -1 with
 * r->err. */
int ns_reader_own_slug(ns_reader_t *r, const char *rel, ns_article_t *art);
void ns_reader_slugs_free(ns_reader_t *r);
/* Give ART, the article of the walked file open in R, its path below the
 * source ("source") and, a page of a Hugo site with no section of its
 * own, its first directory under content/ as its section
 * (reader-origin.c).  Nothing outside a walk.  0, or -1 with r->err. */
int ns_reader_origin(ns_reader_t *r, ns_article_t *art);

/* The next record of the JSON Lines file open in R (reader-jsonl.c), or
 * of the JSON document it turned out to be: 1 with ART, 0 at its end,
 * -1 with r->err. */
int ns_reader_next_jsonl(ns_reader_t *r, ns_article_t *art);
/* The next item of the feed or JSON document open in R: the same. */
int ns_reader_next_item(ns_reader_t *r, ns_article_t *art);
/* The keys a refused record had, left out of r->err after they were said
 * once in the file: 50,000 records with other names say them once. */
void ns_reader_name_keys_once(ns_reader_t *r);

/* The article of the text or Markdown file open in R (reader-file.c):
 * 1 with ART, 0 if the file is left out (noted), -1 with r->err. */
int ns_reader_next_text(ns_reader_t *r, ns_article_t *art);
/* The article of the HTML page or NITF story open in R: 1 or -1. */
int ns_reader_next_html(ns_reader_t *r, ns_article_t *art);

NS_END_DECLS

#endif
