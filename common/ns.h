/* ns.h - Public interface of libns, the nsearch library.
 *
 * libns indexes news articles into a Xapian database and searches them with
 * BM25.  It is plain C; its C++ files (sharing the private index-private.h)
 * keep every Xapian type and exception behind this header.
 *
 * Conventions (see STYLE.md): functions return ns_status_t, results go in a
 * final **out that is set to NULL on failure, the library never prints and
 * never exits.
 *
 * Errors: one rule.  A call that can fail returns an ns_status_t; the status
 * says what kind of failure it is (ns_status_to_string() names it) and one
 * text says what exactly failed:
 *   - a call on an index handle keeps that text in the handle:
 *     ns_index_last_error(idx) after the call.  Every such call clears it
 *     when it starts, so after a success it is "" and after a failure it
 *     speaks of that failure, never of an older one;
 *   - a call that has no handle to keep it in (ns_index_open,
 *     ns_index_merge, ns_reader_open) gives it in *err_out, a string to
 *     free(), when err_out is not NULL.
 * The readers report a bad record, which is skipped rather than failed, by
 * ns_reader_next() returning -1 with ns_reader_where()/ns_reader_error().
 * The small POSIX helpers (generations, the writer lock, directories) return
 * -1 and set errno, as the system calls they wrap.
 */
#ifndef NS_H
#define NS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define NS_BEGIN_DECLS extern "C" {
#define NS_END_DECLS }
#else
#define NS_BEGIN_DECLS
#define NS_END_DECLS
#endif

NS_BEGIN_DECLS

#define NS_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

typedef enum {
    NS_STATUS_OK = 0,
    NS_STATUS_NOMEM,       /* out of memory */
    NS_STATUS_IO,          /* a file could not be read or written */
    NS_STATUS_NOT_FOUND,   /* no index at that path, or no such article */
    NS_STATUS_BAD_INPUT,   /* an article or record failed validation */
    NS_STATUS_BAD_QUERY,   /* a query could not be parsed even as words */
    NS_STATUS_LOCKED,      /* another writer holds the index */
    NS_STATUS_RETRY,       /* the index changed under a reader: reopen */
    NS_STATUS_XAPIAN,      /* any other Xapian error; detail in the handle */
    NS_STATUS_INTERNAL,    /* a bug: an unexpected exception */
    NS_STATUS_READ_ONLY,   /* a write through a handle opened NS_OPEN_READ */
    NS_STATUS_INTERRUPTED, /* stopped on request: nothing of it was written */
    NS_STATUS_SHARDS_DOWN, /* a cluster cannot answer without a shard down */
    NS_STATUS_LAST
} ns_status_t;

const char *ns_status_to_string(ns_status_t status); /* never NULL */

/* ------------------------------------------------------------------------ */
/* Messages (log.c): the only place in the library that writes to stderr;   */
/* only programs call these.                                                */
/* ------------------------------------------------------------------------ */

/* Set the program name that prefixes every message. */
void ns_set_progname(const char *name);
const char *ns_progname(void);
/* "prog: warning: ..." on stderr. */
void ns_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A line that is neither (what --verbose adds), printed as they are.
 * None of the three prints a control character (ESC, BEL, C1). */
void ns_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: ..." on stderr; returns -1. */
int ns_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: ..." on stderr, then exit(1). */
void ns_die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* ------------------------------------------------------------------------ */
/* For programs (prog.c): only the programs' main code calls these.         */
/* ------------------------------------------------------------------------ */

/* Open /dev/null onto any of descriptors 0, 1 and 2 that is closed, so
 * that no file the program opens takes its number; first thing in
 * main().  Exits 1 when /dev/null cannot be opened. */
void ns_std_fds_open(void);

/* Check at exit that everything written to stdout got there (a full
 * disk, /dev/full): if not, "prog: cannot write to standard output:
 * REASON" on stderr and exit status 1.  Call once, early in main(). */
void ns_stdout_checked(void);

/* Whether FD is a terminal that takes escape sequences (not TERM=dumb);
 * with COLOR, also whether colour is wanted there (no NO_COLOR, or an
 * empty one).  1 or 0. */
int ns_terminal_escapes(int fd, int color);

/* The exit status of a usage error, the same in every program. */
#define NS_EXIT_USAGE 2

/* "prog: MESSAGE" and "Try 'prog --help'." on stderr, then exit with
 * NS_EXIT_USAGE.  The program name is ns_progname(). */
void ns_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

/* Seconds on CLOCK_MONOTONIC: for durations, never for dates. */
double ns_monotonic_s(void);

/* ------------------------------------------------------------------------ */
/* Buffers                                                                  */
/* ------------------------------------------------------------------------ */

/* A growable byte buffer, always NUL-terminated once anything is appended.
 * Zero-initialise it ({0}) before use; free with ns_buf_free(). */
typedef struct ns_buf {
    char *p;    /* bytes, NUL-terminated; NULL while empty */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap; /* bytes allocated */
} ns_buf_t;

/* Append LEN bytes of TEXT.  Returns 0, or -1 on allocation failure (the
 * buffer is left as it was). */
int ns_buf_append(ns_buf_t *buf, const char *text, size_t len);
/* Append a NUL-terminated string. */
int ns_buf_puts(ns_buf_t *buf, const char *text);
/* Append one byte. */
int ns_buf_putc(ns_buf_t *buf, int c);
/* Empty the buffer, keeping its memory. */
void ns_buf_reset(ns_buf_t *buf);
/* Release the memory; the buffer is empty and reusable afterwards. */
void ns_buf_free(ns_buf_t *buf);

/* ------------------------------------------------------------------------ */
/* Articles                                                                 */
/* ------------------------------------------------------------------------ */

/* Limits on one article.  Longer ids and labels cannot become Xapian terms
 * (terms are limited to 245 bytes), and a record over NS_MAX_RECORD is
 * almost certainly not an article. */
#define NS_MAX_ID 200             /* bytes in an id */
#define NS_MAX_LABEL 200          /* bytes in a section, author, tag or lang */
#define NS_MAX_RECORD (16u << 20) /* bytes in one JSON line or text file */
/* A JSON record with more values (objects, arrays, list items) or deeper
 * nesting is refused before it is parsed: an article needs a few dozen,
 * and a tree of millions would cost jansson gigabytes. */
#define NS_MAX_JSON_VALUES 100000
#define NS_MAX_JSON_DEPTH 64

/* One news article.  Every string is owned by the article, UTF-8 and free of
 * control characters other than newline and tab.  Absent optional fields are
 * NULL; title and body are never NULL after a successful parse (possibly
 * ""). */
typedef struct ns_article {
    char *id; /* unique, stable id */
    char *title;
    char *body;    /* paragraphs separated by blank lines */
    char *section; /* the desk: World, Technology, ... */
    char *author;
    char *lang; /* language code (ns_lang_code); "en" when not given */
    char *url;
    char *date;      /* normalised "YYYY-MM-DDTHH:MM:SSZ", or NULL */
    int64_t time;    /* seconds since the epoch, UTC; valid if date != NULL */
    char **headings; /* section headings inside the article */
    size_t n_headings;
    char **tags;
    size_t n_tags;
    char *warning;      /* what reading it left out (a label over its limit),
                           or NULL; not stored */
    int lang_defaulted; /* the source named no language: lang is "en",
                           which nindex --lang may replace; not stored */
    char *updated;      /* last changed, in date's form, or NULL */
    int gone; /* NS_GONE_DELETED: a record that says the article of this
                 id is deleted ("deleted": true); only id is set, title
                 and body are ""; not stored */
    char *source; /* the file it was read from, below the directory nindex
                     walked ("content/news/ferry.md"), for a file of one
                     article (text, Markdown, a page, a story); else NULL */
} ns_article_t;

#define NS_GONE_DELETED 1

/* A fingerprint of the article's content: every field, in a fixed order.
 * Equal articles give equal values whatever their source format or key
 * order; computing it needs no serialisation. */
uint64_t ns_article_hash(const ns_article_t *art);

/* 64-bit FNV-1a of LEN bytes at DATA, continuing from SEED (pass
 * NS_HASH_SEED to start).  A content fingerprint, not a defence. */
#define NS_HASH_SEED 1469598103934665603ULL
uint64_t ns_hash64(const void *data, size_t len, uint64_t seed);

/* Free every field and zero the struct.  NULL-safe. */
void ns_article_clear(ns_article_t *art);

/* Fold the language code or name LANG in place to the code articles are
 * stored under (lang.c): its primary subtag in lower case ("en-GB" ->
 * "en", "nb_NO" -> "no"), an ISO 639-2 code to its two letters ("eng" ->
 * "en"), and a language's name to its code ("Norwegian", "Norsk bokmål",
 * "English (UK)").  1 if LANG is now a code, 0 if it was a name not
 * known, kept in lower case with its words joined by "-" (or "" when
 * it had no letter). */
int ns_lang_code(char *lang);

/* The English name of the language code CODE, in lower case
 * ("japanese" for "ja"), or NULL when CODE is none that ns_lang_code
 * knows.  Borrowed, static. */
const char *ns_lang_name(const char *code);

/* Does Xapian have a stemmer for the language code CODE (as ns_lang_code
 * leaves it: "en", "no", "nn", "de")?  1 or 0.  What nindex --lang
 * accepts: an index's default language is one its words are stemmed in. */
int ns_lang_stemmed(const char *code);

/* Parse an RFC 3339 / ISO 8601 date or date-time ("2025-08-15",
 * "2025-08-15T10:00:00Z", "2025-08-15 10:00:00+02:00", fractions of a second
 * allowed) into seconds since the epoch in UTC.  A space may come before the
 * zone, which may also be named UTC or GMT (Jekyll's "2025-07-01 09:00:00
 * +0200").  A time without an offset is UTC.  Returns 0, or -1 with errno
 * EINVAL if TEXT is not such a date or names an impossible one (2025-02-30),
 * or ERANGE if it falls outside the years 0001 to 9999 once in UTC. */
int ns_date_parse(const char *text, int64_t *out);

/* Read TEXT, a day written day first with dots as Europe writes it
 * ("05.12.2026", "5.12.2026": a year of four digits), into OUT as
 * "YYYY-MM-DD" (at least 11 bytes).  Returns 0, or -1 if TEXT is not
 * such a day or names an impossible one (31.04.2026). */
int ns_date_dmy_day(const char *text, char *out, size_t size);

/* Read TEXT as the query language's date: reads one date: a year
 * ("1963"), a month ("1963-05"), a day ("1963-05-07", "19630507"), a
 * day first ("07.05.1963"), or any date an article's metadata is read in
 * ("May 1963", "7. mai 1963": the month or day it names), into its first
 * and last days as "YYYY-MM-DD"
 * (FIRST and LAST at least 11 bytes each): 1963 is 1963-01-01 to
 * 1963-12-31.  Returns 0, or -1 if TEXT is none of these or names an
 * impossible month or day. */
int ns_date_span(const char *text, char *first, char *last);

/* Format TIME as "YYYY-MM-DDTHH:MM:SSZ" into OUT (at least 21 bytes). */
void ns_date_format(int64_t time, char *out, size_t size);

/* Non-zero if LEN bytes at TEXT are valid UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF); ns_utf8_check() gives the offset of
 * the first byte that is not, or LEN ("invalid UTF-8 at byte N"). */
int ns_utf8_valid(const char *text, size_t len);
size_t ns_utf8_check(const char *text, size_t len);

/* Folding accents and composing marks: fold.h. */

/* ------------------------------------------------------------------------ */
/* Readers: articles from JSON Lines, feeds, pages, text files and folders   */
/* ------------------------------------------------------------------------ */

typedef struct ns_reader ns_reader_t;

/* Open SOURCE for reading articles: a file, a directory (walked
 * recursively in name order), or "-" for standard input: JSON Lines, or a
 * JSON array or pretty-printed objects (by its first line of text).
 * Each file's format is chosen by its name and its first bytes (gzipped or
 * not): JSON Lines, a JSON array or pretty-printed objects, an RSS 2.0,
 * RSS 1.0/RDF or Atom feed, a WordPress export (WXR), an HTML article page,
 * or (".md", ".markdown", ".txt") a text article with an optional
 * front-matter header, Markdown stripped to text, read with the
 * plain-text page rules of textpage.h (headings, list markers, byline,
 * page furniture cut, said by ns_reader_warning()).  In a directory, a file
 * of no known format is ignored and noted (ns_reader_next_ignored()); a
 * file named on the command line is read as JSON Lines when nothing says
 * otherwise.
 *
 * Return value:
 *   NS_STATUS_OK        *out is the reader; free with ns_reader_close().
 *   NS_STATUS_NOT_FOUND SOURCE does not exist.
 *   NS_STATUS_IO        SOURCE cannot be opened or is not a known type.
 *   NS_STATUS_NOMEM
 * On failure the detail is in *err_out (free with free()) when err_out is
 * not NULL. */
ns_status_t ns_reader_open(const char *source, ns_reader_t **out,
                           char **err_out);
/* ns_reader_open() for the index at DB (NULL: none): a directory walk
 * passes over DB however it is reached, as it passes over every index
 * directory below SOURCE (ns_gen_is_index()), each said once by
 * ns_reader_next_ignored() with ns_reader_ignored_aside() 1.  A SOURCE
 * named inside an index (an undo file in DB/deleted/) is read. */
ns_status_t ns_reader_open_for(const char *source, const char *db,
                               ns_reader_t **out, char **err_out);

/* The archive's default language (nindex --lang; a code as ns_lang_code
 * leaves it), "en" unless set: a text or Markdown post named as a Hugo
 * translation ("index.nb.md") whose id is its "slug" and whose language
 * is another one is the id "LANG/slug", as Hugo puts the translations of
 * a page that share its slug under "/LANG/". */
void ns_reader_set_default_lang(ns_reader_t *reader, const char *code);

/* Read the next article into ART (cleared first): 1 an article was read;
 * 0 the source is exhausted; -1 a record was bad and skipped (where and
 * why below; call again to go on), or a file (in a directory) cannot be
 * opened or read, reported once. */
int ns_reader_next(ns_reader_t *reader, ns_article_t *art);

/* "FILE:LINE" of the last record returned or rejected, and why it was
 * rejected.  Borrowed. */
const char *ns_reader_where(const ns_reader_t *reader);
const char *ns_reader_error(const ns_reader_t *reader);
/* 1 if the last rejection was of a whole file, or of what was left of it:
 * not opened (a dangling link), cut short, or not what its name says. */
int ns_reader_file_failed(const ns_reader_t *reader);
/* A non-fatal remark about the last article read (e.g. an unknown
 * language), or NULL.  Borrowed. */
const char *ns_reader_warning(const ns_reader_t *reader);
/* What to do about the last rejection, once per file, as a line of its
 * own, or NULL: "FILE: the file looks like windows-1252: convert it with
 * iconv -f windows-1252 -t utf-8 FILE".  Borrowed. */
const char *ns_reader_hint(const ns_reader_t *reader);

/* What the reader left out on purpose (not errors): files of no known
 * format in a directory walk, WordPress drafts and attachments, Markdown
 * drafts, records and pages not published.  Each call returns one pending
 * "WHERE: ignored: why" line, borrowed until the next call, or NULL when none
 * is pending; call it after each ns_reader_next() to report them in order. */
const char *ns_reader_next_ignored(ns_reader_t *reader);

/* The id of the draft that the line ns_reader_next_ignored() returned
 * last is about, or NULL: a WordPress post (export or REST API) with
 * status draft, pending, private, future or trash, a Blogger post not
 * live, an Atom entry marked <app:draft>yes</app:draft>, a text file
 * whose front matter says draft: true (or published: false), a JSON
 * record that says so ("draft": true, "published": false, "status":
 * "draft"...), or an HTML page marked robots noindex, read as if it were
 * published.  An article of
 * that id indexed before is unpublished in its source now.  Its WHERE
 * ("FILE:LINE" or "FILE") goes into *WHERE.  Borrowed until the next
 * call of ns_reader_next_ignored(). */
const char *ns_reader_ignored_id(const ns_reader_t *reader,
                                 const char **where);
/* 1 if the line ns_reader_next_ignored() returned last is of an index
 * directory passed over (ns_reader_open_for()): a note, not a file of
 * the archive left out. */
int ns_reader_ignored_aside(const ns_reader_t *reader);

/* The files read as articles that gave nothing at all: no article, no bad
 * record, nothing left out on purpose (zero bytes or white space alone in
 * a file named as, or named on the command line as, a format of
 * articles; a JSON array "[]"; a feed without an item).  That is what an
 * export that failed leaves after truncating its file.  Each call returns
 * one pending path, borrowed until the next call, or NULL when none is
 * pending; call it after each ns_reader_next(). */
const char *ns_reader_next_empty(ns_reader_t *reader);

/* The directories and files a walk did not read by their name (README
 * "nindex: adding articles": node_modules; in a Jekyll site, a name
 * beginning with "_" but _posts and _drafts, and vendor; an editor's
 * backup, "x.md~", "x.md.bak"), the I-th as "PATH/: not read: why" (a
 * directory) or "PATH: not read: why", or NULL past the last.
 * Borrowed. */
const char *ns_reader_passed(const ns_reader_t *reader, size_t i);
/* How many of those are a site's images, style sheets, scripts, fonts,
 * media and configuration files ("logo.png", "hugo.toml"), said in one
 * line rather than one a file. */
size_t ns_reader_site_files(const ns_reader_t *reader);

void ns_reader_close(ns_reader_t *reader);

/* Parse one JSON object (LEN bytes at TEXT) into ART, every field as
 * written: the stored form.  (A line of a JSON Lines file is read so,
 * with an HTML body read as HTML: ns_article_from_record.)  Returns 0, or
 * -1 with a reason written to ERR (ERR_SIZE bytes). */
int ns_article_from_json(const char *text, size_t len, ns_article_t *art,
                         char *err, size_t err_size);

/* Parse a text article with an optional front matter (YAML "key: value"
 * lines between "---" lines, or TOML "key = value" lines between "+++"
 * lines) into ART.  DEFAULT_ID is used when the header has no id.
 * Markdown headings ("## Key Allegations") become ART->headings; without a
 * title in the header the first "# " heading, or else the first line, is
 * the title.  Returns 0, or -1 with a reason in ERR and the 1-based line it
 * concerns in *err_line (may be NULL). */
int ns_article_from_text(const char *text, size_t len, const char *default_id,
                         ns_article_t *art, char *err, size_t err_size,
                         unsigned *err_line);

/* The article as one compact JSON object (the stored form and the shape of
 * GET /v1/articles/{id}).  Free with free(); NULL on allocation failure. */
char *ns_article_to_json(const ns_article_t *art);

/* ------------------------------------------------------------------------ */
/* Paths, numbers and control characters the programs share (util.c)        */
/* ------------------------------------------------------------------------ */

/* The index path to use: OPTION when not NULL (--db), else $NSEARCH_DB,
 * else $XDG_DATA_HOME/nsearch/db, else $HOME/.local/share/nsearch/db.
 * Free with free(); NULL when none can be formed (no HOME) or on
 * allocation failure. */
char *ns_db_path(const char *option);

/* Create DIR and its missing parents, mode 0777 less the umask.  Returns 0,
 * or -1 with errno set. */
int ns_mkdir_p(const char *dir);

/* Read a whole number from TEXT into *OUT: decimal digits only, within
 * [MIN, MAX].  Returns 0, or -1 if TEXT is not such a number. */
int ns_parse_long(const char *text, long min, long max, long *out);
/* The first control character (C0, tab and newline included, DEL, C1) in
 * LEN bytes of UTF-8 at TEXT, as its code point; -1 when there is none. */
long ns_control_char(const char *text, size_t len);
/* The length of the terminal-unsafe formatting character S begins with
 * (U+2028, U+2029, U+202A-U+202E, U+2066-U+2069), or 0.  S is
 * NUL-terminated UTF-8. */
size_t ns_display_control(const char *s);
/* The same for a query: the first control character in LEN bytes of UTF-8
 * at TEXT other than a tab, a line feed or a carriage return, which a
 * query reads as spaces (ns_query_blanks); -1 when there is none. */
long ns_query_control_char(const char *text, size_t len);
/* Each tab, line feed and carriage return of query TEXT as a space, in
 * place: a quote copied from a PDF, an e-mail or a text box of several
 * lines has them between its words. */
void ns_query_blanks(char *text);

/* ------------------------------------------------------------------------ */
/* The index                                                                */
/* ------------------------------------------------------------------------ */

typedef struct ns_index ns_index_t;

typedef enum {
    NS_OPEN_READ = 0,
    NS_OPEN_WRITE = 1, /* the live generation, created if missing */
    NS_OPEN_BUILD = 2, /* a new, private database at exactly PATH, for a
                          rebuild: no fsync per commit (DB_NO_SYNC; adding
                          DB_DANGEROUS measured 50% slower here: 17.2 s
                          against 11.6 s for Reuters); sync before use */
} ns_open_mode_t;

/* What ns_index_add() did. */
typedef enum {
    NS_ADD_ADDED = 0,     /* a new id */
    NS_ADD_REPLACED = 1,  /* the id existed with different content */
    NS_ADD_UNCHANGED = 2, /* the id existed with the same content: nothing
                             was written */
    NS_ADD_STALE = 3,     /* the id existed with a later updated time than
                             ART's: nothing was written */
} ns_add_result_t;

/* Open the index at PATH.  PATH is an index directory of generations (see
 * gen.c: PATH/current names the live one; readers open it and writers
 * update it in place, creating PATH/gen-000001 on first use), or a plain
 * Xapian database, which is used as it is.  A regular file is a cluster
 * file (README "Scaling"): read mode only, its shards searched as one.
 *
 * Return value:
 *   NS_STATUS_OK        *out is the handle; close with ns_index_close().
 *   NS_STATUS_NOT_FOUND (read mode) there is no index at PATH.
 *   NS_STATUS_LOCKED    (write mode) another writer holds it.
 *   NS_STATUS_SHARDS_DOWN (a cluster) a shard it cannot do without is down.
 *   NS_STATUS_RETRY     (read mode) a writer's commits overtook each of
 *                       NS_OPEN_TRIES opens, each of the newest revision.
 *   NS_STATUS_XAPIAN, NS_STATUS_NOMEM, NS_STATUS_INTERNAL
 * On failure *out is NULL and, when err_out is not NULL, *err_out holds the
 * detail (free with free()).  NS_STATUS_IO with errno set is a failure of
 * the system, not of the index: EMFILE, ENFILE or ENOMEM (out of file
 * descriptors or memory: try again), EACCES or EPERM (this user may not
 * read it).  Otherwise errno is 0. */
ns_status_t ns_index_open(const char *path, ns_open_mode_t mode,
                          ns_index_t **out, char **err_out);
/* Opens for reading that ns_index_open() makes before NS_STATUS_RETRY. */
#define NS_OPEN_TRIES 5

/* Commit pending changes (write mode) and close.  NULL-safe.  Returns the
 * status of the final commit. */
ns_status_t ns_index_close(ns_index_t *idx);

/* Bring a read handle up to date with the latest committed or published
 * version of the index, or another database put in its place under the
 * same name (told apart by Xapian's UUID).  About 0.1 ms; the server calls
 * it about once a second.  *changed (may be NULL) is set to 1 when the
 * handle now sees a different version; searches running on other handles
 * are not affected.  NS_STATUS_OK, NS_STATUS_XAPIAN, ... (the old version
 * stays usable on failure, and ns_index_info() still describes it). */
ns_status_t ns_index_refresh(ns_index_t *idx, int *changed);

/* Why the last call on IDX failed, or "" when it succeeded: every call on
 * a handle clears the text when it starts.  Borrowed: valid until the next
 * call on IDX.  NULL-safe. */
const char *ns_index_last_error(const ns_index_t *idx);

/* Add ART, replacing any article with the same id.  An article whose
 * stored content hash matches is left alone (a nightly update over an
 * unchanged archive writes nothing), and so is one stored with a later
 * updated time than ART's (NS_ADD_STALE).  *result (may be NULL) says which
 * happened.  *warning (may be NULL) is set to a borrowed remark (e.g. an
 * unknown language indexed without stemming) or NULL.
 *
 * Return value: NS_STATUS_OK, NS_STATUS_BAD_INPUT (no id),
 * NS_STATUS_READ_ONLY (IDX was opened NS_OPEN_READ), NS_STATUS_XAPIAN,
 * NS_STATUS_NOMEM, NS_STATUS_INTERNAL. */
ns_status_t ns_index_add(ns_index_t *idx, const ns_article_t *art,
                         ns_add_result_t *result, const char **warning);
/* ON 1: ns_index_add() replaces an article with a copy older by
 * "updated" too (never NS_ADD_STALE), as nindex --replace-stale asks:
 * one date set wrong, years ahead, otherwise keeps every correction out.
 * 0, the default: the older copy is not applied. */
void ns_index_set_replace_stale(ns_index_t *idx, int on);

/* Delete the article with id ID; *deleted (may be NULL) is 1 if there was
 * one.  Return value: NS_STATUS_OK, NS_STATUS_READ_ONLY, NS_STATUS_XAPIAN,
 * ... */
ns_status_t ns_index_delete(ns_index_t *idx, const char *id, int *deleted);

/* Call FN(id, CTX) for every article id in the index, in byte order,
 * on a handle open for reading or writing; FN returns non-zero to stop.
 * What nindex --dry-run --prune counts with. */
ns_status_t ns_index_each_id(ns_index_t *idx,
                             int (*fn)(const char *id, void *ctx), void *ctx);

/* Is there an article with id ID?  *has is 1 or 0.  Asks the id's term
 * alone, never the stored article. */
ns_status_t ns_index_has_id(ns_index_t *idx, const char *id, int *has);

/* Delete every article whose id KEEP(id, CTX) rejects (returns 0), in a
 * commit of their own (what was pending is committed first).  STOP() (may
 * be NULL) is asked before each deletion: when it says so, none is made
 * (NS_STATUS_INTERRUPTED).  *deleted (may be NULL) counts those committed.
 * NS_STATUS_READ_ONLY on a read handle; on any error nothing is deleted. */
ns_status_t ns_index_prune(ns_index_t *idx,
                           int (*keep)(const char *id, void *ctx), void *ctx,
                           int (*stop)(void), uint64_t *deleted);

/* Merge the N databases at SHARDS (built with NS_OPEN_BUILD) into one
 * compacted database at DEST, and sync it to disk.
 * Return value: NS_STATUS_OK, NS_STATUS_XAPIAN, NS_STATUS_IO, ...; detail
 * in *err_out (free with free()) when err_out is not NULL. */
ns_status_t ns_index_merge(const char *const *shards, size_t n,
                           const char *dest, char **err_out);

/* Facts about an open index, for status pages. */
typedef struct ns_index_info {
    uint64_t articles;
    char generation[64];     /* "gen-000007", or "" for a plain database */
    int64_t built;           /* when it was last written, epoch seconds */
    uint64_t synonym_groups; /* in use: DIR/synonyms, a cluster's line */
    char default_lang[32];   /* the language of articles whose source
                                names none (nindex --lang); "en" */
    char version[80];        /* "UUID:REVISION" of the database read: another
                                after every commit, and for every database;
                                "" for a cluster or a remote database */
    char synonyms_sig[128];  /* the synonyms file in use: a hash of its
                                content as read, "" for none (the same
                                for a copy of it on another host).  An
                                edit of it changes answers without
                                changing VERSION */
    int old_times;           /* 1: it keeps article times as an nindex
                                before the fix did, and some article is
                                dated before 1970, where that misorders
                                them: sorts and date edges are wrong
                                until it is rebuilt (nindex --rebuild) */
} ns_index_info_t;

ns_status_t ns_index_info(ns_index_t *idx, ns_index_info_t *out);

/* The default language IDX was built with (nindex --lang): the language
 * of its articles whose source named none, copied to OUT (SIZE bytes);
 * "en" when none is recorded (an index built before --lang, or without
 * it).  *recorded (may be NULL) is 1 when the index records one. */
ns_status_t ns_index_default_lang(ns_index_t *idx, char *out, size_t size,
                                  int *recorded);

/* Record CODE as IDX's default language (write mode); committed with the
 * next commit.  NS_STATUS_READ_ONLY on a read handle. */
ns_status_t ns_index_set_default_lang(ns_index_t *idx, const char *code);

/* Give the index (write mode) a preset zlib dictionary for the articles
 * it stores from now on: pieces of typical stored JSON (ns_article_to_json),
 * the most typical last; only the last 32 KiB count.  It stays in the index
 * as long as the articles stored with it, a takedown's too, so it must hold
 * only pieces many articles share, no article's own text: the index records
 * it as such.  A rebuild makes one from its first articles (common/zdict.h).
 * Articles stored before keep their form; readers find the dictionary in
 * the index.  NS_STATUS_READ_ONLY on a read handle. */
ns_status_t ns_index_set_dictionary(ns_index_t *idx, const char *dict,
                                    size_t len);

/* Set *HOLDS when IDX's dictionary is one an older version made of its
 * sample's own stored text, and it holds text (a run of 40 bytes of the
 * title or body) of the stored article ID that NEXT, the copy replacing
 * it, does not have (NEXT NULL: the article goes).  Such text outlives the
 * article's deletion until a rebuild.  A dictionary made by
 * ns_index_set_dictionary() holds none: *HOLDS is 0, as it is for an id the
 * index does not have. */
ns_status_t ns_index_dictionary_holds(ns_index_t *idx, const char *id,
                                      const ns_article_t *next, int *holds);

/* Make everything added so far durable and visible to new readers.  On a
 * read handle there is nothing to commit: NS_STATUS_OK.  A commit starts
 * only with room for it on the index's file system (README "Limits"):
 * NS_STATUS_IO when there is not, with nothing written; the changes stay
 * pending for another try, and ns_index_close() drops them if that fails
 * too.  A commit that fails inside Xapian drops what it did not write.
 * Either way the index keeps exactly what earlier commits wrote. */
ns_status_t ns_index_commit(ns_index_t *idx);

/* What was done to IDX's generation in place since it was published
 * (nindex --rollback says what it undoes): OUT[0] articles added, OUT[1]
 * replaced, OUT[2] deleted by updates, prunes and --delete.  *counted is
 * 0 (and OUT zeros) for a generation that does not count them: one made
 * by a version before the count, and updated since. */
ns_status_t ns_index_changes(ns_index_t *idx, uint64_t out[3], int *counted);

/* The undo file (a name in nindex's DIR/deleted) of the deletions last
 * committed to IDX's generation, or what stands for none, into OUT; ""
 * when the generation records none (one made by an older version). */
ns_status_t ns_index_undo_record(ns_index_t *idx, char *out, size_t size);
/* Record NAME so in IDX (write mode) with its next commit: with
 * ns_index_prune(), the commit of its deletions, not the one before. */
ns_status_t ns_index_set_undo_record(ns_index_t *idx, const char *name);

/* The other versions of article ID's story (the same title: its story
 * group), each id passed to FN until it returns nonzero; none for a title
 * too short to group on.  NS_STATUS_NOT_FOUND when there is no article
 * ID. */
ns_status_t ns_index_story_others(ns_index_t *idx, const char *id,
                                  int (*fn)(const char *id, void *ctx),
                                  void *ctx);
/* Record in IDX (write mode; a generation kept for --rollback), with its
 * next commit, the ids a takedown deleted from it: LINES of "LIVE\tID\n",
 * LIVE the generation live then.  ns_index_takedowns() gives all those
 * recorded (malloc'd into *OUT, "" for none). */
ns_status_t ns_index_note_takedowns(ns_index_t *idx, const char *lines);
ns_status_t ns_index_takedowns(ns_index_t *idx, char **out);

/* Number of articles in the index. */
ns_status_t ns_index_count(ns_index_t *idx, uint64_t *out);

/* The stored article with id ID into ART (NS_STATUS_NOT_FOUND, ...). */
ns_status_t ns_index_get(ns_index_t *idx, const char *id, ns_article_t *art);
/* What tells two copies of article ID apart, read from the index's
 * values and not its stored text: its content fingerprint into HASH (16
 * hex digits; it mixes in the index's schema, so only copies written by
 * one nindex compare) and its "updated" into UPDATED (SIZE bytes; ""
 * for none).  NS_STATUS_NOT_FOUND when there is no article ID. */
ns_status_t ns_index_version(ns_index_t *idx, const char *id, char hash[17],
                             char *updated, size_t size);
/* The words the indexer finds in TEXT (as written, lower-cased; at most
 * MAX) appended to OUT, spaces between: a query that can match only what
 * TEXT was indexed under, empty for "—" or an emoji.  0, or -1. */
int ns_text_words(const char *text, size_t max, ns_buf_t *out);

/* ------------------------------------------------------------------------ */
/* Shards and clusters (cluster.cc; README "Scaling")                       */
/* ------------------------------------------------------------------------ */

/* The shard, from 0 to COUNT - 1, of the article whose id is the LEN bytes
 * at ID: the 64-bit FNV-1a hash of those bytes (offset basis
 * 14695981039346656037, prime 1099511628211) modulo COUNT.  Stable across
 * hosts, versions and runs; 0 when COUNT is 0 or 1. */
unsigned ns_shard_of(const char *id, size_t len, unsigned count);

/* The most shards a cluster may have. */
#define NS_MAX_SHARDS 1024

/* The shard IDX holds, from its metadata (written by nindex --shard I/N):
 * *index and *count, with *count 0 for an index that is no shard (and for
 * a cluster handle). */
ns_status_t ns_index_shard(ns_index_t *idx, unsigned *index, unsigned *count);

/* Record in IDX (write mode) that it holds shard INDEX of COUNT; committed
 * with the next commit.  NS_STATUS_READ_ONLY on a read handle. */
ns_status_t ns_index_set_shard(ns_index_t *idx, unsigned index, unsigned count);

/* One shard of a cluster handle, as the front last saw it. */
typedef struct ns_shard_info {
    unsigned shard;      /* its number, 0 to N - 1 */
    int up;              /* 1 if its articles are searched */
    unsigned replicas;   /* replicas listed for it */
    char replica[256];   /* the replica in use, or the last one tried:
                            "tcp 10.0.0.11:33333" */
    uint64_t articles;   /* articles in it (0 while down) */
    char generation[64]; /* a local replica's live generation, or "" */
    char uuid[40];       /* its database's UUID: changes with every
                            generation, local or remote */
    double latency_ms;   /* opening it and one round trip, last time */
    char error[256];     /* why it is down (every replica), or "" */
} ns_shard_info_t;

/* The number of shards of a cluster handle (ns_index_open of a cluster
 * file), or 0 for an ordinary index. */
size_t ns_index_shard_count(ns_index_t *idx);

/* Shard I of a cluster handle into OUT.  NS_STATUS_NOT_FOUND when there
 * is no shard I. */
ns_status_t ns_index_shard_info(ns_index_t *idx, size_t i,
                                ns_shard_info_t *out);

/* ------------------------------------------------------------------------ */
/* Spelling copies for a cluster's front (spelling-copy.cc; README "Did    */
/* you mean" and "Scaling")                                                 */
/* ------------------------------------------------------------------------ */

/* Write the spelling dictionary of IDX (its words and their frequencies,
 * as the handle sees the index now) to a new single-file Xapian database
 * at DEST, with metadata marking it as a spelling copy, and sync it.
 * DEST and the scratch directory "DEST.d" it is built in must not exist;
 * the scratch directory is removed, and so is DEST on failure.  *WORDS
 * (may be NULL) is the number of words written.
 * Return value: NS_STATUS_OK; NS_STATUS_BAD_INPUT on a cluster handle
 * (each shard exports its own); NS_STATUS_IO when DEST or DEST.d exists
 * or DEST cannot be synced; NS_STATUS_XAPIAN, NS_STATUS_NOMEM, ... */
ns_status_t ns_index_export_spelling(ns_index_t *idx, const char *dest,
                                     uint64_t *words);

/* Is PATH a spelling copy written by ns_index_export_spelling() (a
 * regular file, a single-file Xapian database with its marker)?  1 if it
 * is; 0 if not, with the reason in WHY (WHY_SIZE bytes).  Never follows a
 * symbolic link, and never treats PATH as a Xapian stub file. */
int ns_spelling_copy_check(const char *path, char *why, size_t why_size);

/* One "spelling PATH" line of a cluster file, as the front last opened
 * it. */
typedef struct ns_spelling_info {
    char path[1024];   /* as the cluster file says it */
    int up;            /* 1 if its words are suggested from */
    uint64_t words;    /* words in it (0 while down) */
    char shard[32];    /* "I/N" of the index it was exported from, or "" */
    char exported[32]; /* when, "2025-09-01T02:00:00Z", or "" */
    char error[256];   /* why it is not used, or "" */
} ns_spelling_info_t;

/* The number of "spelling" lines of a cluster handle; 0 for an ordinary
 * index (which suggests from its own dictionary). */
size_t ns_index_spelling_count(ns_index_t *idx);

/* Spelling copy I of a cluster handle into OUT.  NS_STATUS_NOT_FOUND when
 * there is no copy I. */
ns_status_t ns_index_spelling_info(ns_index_t *idx, size_t i,
                                   ns_spelling_info_t *out);

/* ------------------------------------------------------------------------ */
/* Generations and the writer lock (gen.c).  POSIX style: -1 and errno.     */
/* ------------------------------------------------------------------------ */

/* Name of the live generation of index DIR ("gen-000007") into NAME. */
int ns_gen_current(const char *dir, char *name, size_t size);
/* 1 when DB names a generation of an index ("news/gen-000007",
 * "news/current"), that index's directory then in PARENT: a search of it
 * never sees a later rebuild. */
int ns_gen_parent(const char *db, char *parent, size_t size);
int ns_gen_list(const char *dir, char ***names, size_t *n); /* oldest first */
void ns_gen_list_free(char **names, size_t n);
/* The next generation's name; never one published before. */
int ns_gen_next(const char *dir, char *name, size_t size);
/* Raise DIR/last-generation to the highest generation there (on disk, or
 * named by `current`) when it is missing or behind: 1 when it was, its
 * old value in WAS ("" when missing) and the highest in HIGHEST; 0 when
 * it was right; -1 with errno. */
int ns_gen_mend_last(const char *dir, char *was, size_t was_size,
                     char *highest, size_t size);
/* Make generation NAME live: one atomic rename of DIR/current, synced. */
int ns_gen_publish(const char *dir, const char *name);
/* The same, unless STOP() (may be NULL) says to stop just before the
 * rename that publishes: -1 with errno EINTR, NAME not live. */
int ns_gen_publish_unless(const char *dir, const char *name, int (*stop)(void));
int ns_gen_clean(const char *dir); /* what dead writers left in DIR: gone */
/* The newest generation before the live one that opens, named in NAME (each
 * was live; gen-open.cc): NS_STATUS_OK, or NS_STATUS_NOT_FOUND.  One that
 * cannot be opened for a failure of the system (ns_index_open()'s
 * NS_STATUS_IO with errno) ends the search: NS_STATUS_IO, errno set, NAME
 * naming it. */
ns_status_t ns_gen_open_older(const char *dir, ns_index_t **out, char *name,
                              size_t size);
int ns_gen_opens(const char *dir, const char *name); /* 1: DIR/NAME opens */
int ns_sync_tree(const char *path);                  /* fsync all under PATH */
int ns_sync_dir(const char *dir); /* so that a rename into it lasts */
/* rm -rf PATH (not following links); 0 if it did not exist. */
int ns_remove_tree(const char *path);
/* Take the writer lock of DIR (DIR/lock, and DIR itself), waiting up to
 * WAIT_SECONDS.  STOP() (may be NULL) is asked while waiting.  Returns the
 * descriptor of DIR/lock (ns_unlock() it to release), or -1 with errno
 * EWOULDBLOCK when another writer still holds it, EINTR when STOP() said
 * so. */
int ns_lock(const char *dir, double wait_seconds, int (*stop)(void));
void ns_unlock(int fd);
/* 1 if directory DIR is an index: a `current` link to a generation, or
 * (that link lost) the last-generation and lock files nindex writes. */
int ns_gen_is_index(const char *dir);
/* The first entry of directory DIR that no index directory holds (its
 * generations, link, lock, number, synonyms, undo files, a build, a plain
 * Xapian database's files), copied to NAME; 0 when there is none, or DIR
 * cannot be listed.  nindex refuses such a DIR as --db: the directory of
 * the sources, or of anything else, given by mistake. */
int ns_gen_foreign(const char *dir, char *name, size_t size);

/* ------------------------------------------------------------------------ */
/* Searching                                                                */
/* ------------------------------------------------------------------------ */

typedef enum {
    NS_SORT_RELEVANCE = 0,
    NS_SORT_DATE = 1,   /* newest first, then relevance */
    NS_SORT_RECENT = 2, /* relevance mixed with age (recency.cc): BM25 plus
                           a bonus that halves every half_life_days */
    NS_SORT_OLDEST = 3, /* oldest first, then relevance */
} ns_sort_t;

/* Facets: counts per value of these fields over the matches of a search
 * (ns_search_opts_t.facets, a mask of them). */
typedef enum {
    NS_FACET_SECTION = 1 << 0,
    NS_FACET_YEAR = 1 << 1,  /* "2025" */
    NS_FACET_MONTH = 1 << 2, /* "2025-09" */
    NS_FACET_LANG = 1 << 3,
    NS_FACET_TAG = 1 << 4,
    NS_FACET_DECADE = 1 << 5, /* "1960s" */
    /* Every facet above; not the author facet, which is asked for by
     * name: its listing is up to 50 names long on an archive with
     * bylines, an empty line on one without (Reuters, BBC News), and a
     * note to rebuild on every index built before it. */
    NS_FACET_ALL = (1 << 6) - 1,
    NS_FACET_AUTHOR = 1 << 6, /* each name of a byline: "Kari Nordmann" */
} ns_facet_t;
#define NS_FACET_KINDS 7

/* The name of facet number I (0 to NS_FACET_KINDS - 1, in the order of
 * ns_facet_t: "section", "year", "month", "lang", "tag", "decade",
 * "author"), or NULL. */
const char *ns_facet_name(unsigned i);

/* Read a list of facet names separated by commas ("section,month"; "all"
 * is NS_FACET_ALL, every one but the author facet: "all,author" adds it;
 * the plurals "sections", "years", "months", "decades", "tags", "langs",
 * "language(s)" and "authors" name theirs too) into *MASK.
 * Returns 0, or -1 when a name is unknown or the list is empty. */
int ns_facets_parse(const char *list, unsigned *mask);

/* Whether WORD is one edit (a letter added, dropped, changed, or two
 * neighbours swapped) from a facet's name or plural, or is one: a
 * mistyped name ("sectoin") rather than a query word. */
int ns_facet_name_near(const char *word);

/* ns_search_opts_t.now: take the date of the newest article as "now". */
#define NS_NOW_NEWEST INT64_MIN

typedef struct ns_search_opts {
    const char *query; /* the query language of the README; "" = all */
    unsigned offset;   /* hits to skip */
    unsigned limit;    /* hits to return */
    ns_sort_t sort;
    unsigned snippet_len;    /* bytes of snippet to aim for; 0 = no snippet */
    unsigned related;        /* related recent posts to add; 0 = none */
    int64_t now;             /* reference time (epoch seconds) for recency and
                                ages, or NS_NOW_NEWEST */
    unsigned recent_days;    /* recency window before now (30 from
                                ns_search_opts_init()); 0 = no window,
                                undated articles allowed */
    int collapse;            /* 1 (the default): one hit per story version
                                group (README), the others listed in the
                                hit's also; 0: every copy is a hit */
    unsigned half_life_days; /* NS_SORT_RECENT: days in which the recency
                                bonus halves; 0 = 30 */
    unsigned facets;         /* a mask of ns_facet_t to count; 0 = none */
    unsigned facet_count;    /* matches counted first, then as many more
                                over the rest of the archive; 0 = 1000;
                                at least 25,000 first where the total
                                counts every match (limit 0, or a query
                                of filters alone) */
    int suggest;             /* 1 (the default): a spelling suggestion when
                                few or no articles match; with none, the
                                suggestion's results (spelling.cc) */
    int partial;             /* 1: the last word, being typed, matches as a
                                prefix too (search as you type); 0 default */

    /* Filters.  Each one given (not NULL, or a count above 0) restricts
     * the hits and the total to the articles that match it; all given
     * filters must match.  They are structured values, never query text:
     * any bytes work (quotes, brackets, "AND", "section:", non-ASCII) and
     * nothing in them is parsed as the query language.  A filter-only
     * search (query "") lists the matching articles.  The query language's
     * own section:, lang:, tag:, id:, author: and date: work alongside.
     * Values are compared as the index stores them: surrounding white
     * space ignored and, but for ids, letters folded to lower case. */
    const char *const *sections; /* any of these N_SECTIONS sections, */
    size_t n_sections;           /* each whole: "World" */
    const char *const *langs;    /* any of these N_LANGS languages, each */
    size_t n_langs;              /* a code: "en", "no" */
    const char *const *tags;     /* any of these N_TAGS tags */
    size_t n_tags;
    const char *author;     /* every word of it in the author field, as
                               author:"..." reads: "Jane Doe"; one with no
                               word ("", "-") is NS_STATUS_BAD_QUERY */
    const char *date_from;  /* dated at or after: what ns_date_parse()
                               reads ("2025-01-01", "2025-01-01T12:00:00Z")
                               or epoch seconds ("1735689600") */
    const char *date_to;    /* dated at or before, read the same way; a
                               bare day ("2025-01-31") includes that whole
                               day.  Undated articles match no date
                               filter.  An unreadable date: the search
                               fails with NS_STATUS_BAD_QUERY. */
    const char *const *ids; /* any of these N_IDS article ids, exactly */
    size_t n_ids;

    /* Time budget of the search in milliseconds, 0 for none.  Past it the
     * search stops at the next step -- after the match, between phrase
     * checks, before snippets and related posts -- and returns what it
     * has, with ns_results_timed_out() set: the hits may be fewer or worse
     * than a full search would give, and the total an estimate.  So a
     * search may overrun it by one step (one match, one wildcard expansion,
     * one article's phrase check); Xapian's own time limit is not used. */
    unsigned time_limit_ms;
} ns_search_opts_t;

/* Fill OPTS with the defaults: limit 10, snippet 200 bytes, 5 related
 * posts in 30 days before the newest article, collapsed, no filters or
 * facets, suggestions on, a half-life of 30 days. */
void ns_search_opts_init(ns_search_opts_t *opts);

/* One hit.  Borrowed from its ns_results_t. */
typedef struct ns_hit {
    unsigned rank;           /* 1-based, counting the offset */
    double score;            /* BM25 score (0 for pure filters) */
    const ns_article_t *art; /* the stored article */
    const char *snippet;     /* plain text with NS_HI_START/NS_HI_END
                                around matches; "" if none */
    const char *const *also; /* ids of the story's other matching copies
                                (opts.collapse), best first, at most 20 */
    size_t n_also;
    size_t also_total; /* how many such copies there are when the list
                          stops at 20 (else 0) */
    const char *title_marked; /* the title with NS_HI_START/NS_HI_END around
                                 matched words; "" if none matched */
} ns_hit_t;

/* Markers around highlighted words in a snippet and a marked title. */
#define NS_HI_START "\x01"
#define NS_HI_END "\x02"

/* One related recent post.  Borrowed from its ns_results_t. */
typedef struct ns_related {
    const ns_article_t *art; /* the stored article (always dated) */
    double score;            /* similarity to the story, for ordering ties */
    const char *age;         /* "3 hours ago", "2 days ago", relative to now */
} ns_related_t;

typedef struct ns_results ns_results_t;

/* Run a search.  A query that does not parse is run again as plain words,
 * and ns_results_warning() says so.
 *
 * Return value:
 *   NS_STATUS_OK        *out holds the results; free with ns_results_free().
 *   NS_STATUS_RETRY     the index was modified under the reader; the handle
 *                       has been reopened, call again.
 *   NS_STATUS_BAD_QUERY a date filter is not a date, or the query is too
 *                       large even cut down (README "Limits"; the message
 *                       in ns_index_last_error()).  A query past the word
 *                       or wildcard limits runs cut down with a warning;
 *                       one that does not parse, or has an unreadable
 *                       date range, runs as plain words with a warning.
 *   NS_STATUS_XAPIAN, NS_STATUS_NOMEM, NS_STATUS_INTERNAL */
ns_status_t ns_search(ns_index_t *idx, const ns_search_opts_t *opts,
                      ns_results_t **out);

/* Related recent posts for one article (the sidebar of an article page):
 * the same list a search returns, seeded by the article with id ID alone,
 * which is excluded with its near-duplicates.  OPTS gives related, now and
 * recent_days; the results have no hits.
 *
 * Return value: as ns_search(), plus NS_STATUS_NOT_FOUND for an unknown
 * id. */
ns_status_t ns_related_to(ns_index_t *idx, const char *id,
                          const ns_search_opts_t *opts, ns_results_t **out);

size_t ns_results_count(const ns_results_t *res);
const ns_hit_t *ns_results_hit(const ns_results_t *res, size_t i);
/* The number of matching articles (stories when collapsing): exact when
 * ns_results_total_exact(), which it is whenever there are fewer than 1000
 * matches, the page reaches the last of them, (not collapsing) there are
 * at most 10,000, or (limit 0, or a query of filters alone) there are at
 * most 25,000 (not on a cluster); otherwise an estimate, never below the
 * hits up to and on this page nor above the archive's stories (README
 * "JSON"). */
uint64_t ns_results_total(const ns_results_t *res);
/* 1 if the total counts every match, 0 if it is an estimate or a
 * cluster's answer without a shard (ns_results_missing_count()). */
int ns_results_total_exact(const ns_results_t *res);
/* 1 if matches remain past this page (the next offset has hits); 0 for
 * a count (limit 0), whose next offset is its own. */
int ns_results_has_more(const ns_results_t *res);
/* The offset and limit the search ran with. */
unsigned ns_results_offset(const ns_results_t *res);
unsigned ns_results_limit(const ns_results_t *res);
/* Milliseconds spent on the search inside the library. */
double ns_results_took_ms(const ns_results_t *res);
/* Related recent posts, newest first. */
size_t ns_results_related_count(const ns_results_t *res);
const ns_related_t *ns_results_related(const ns_results_t *res, size_t i);
/* Set when the query fell back to plain words, dropped a date: value it
 * could not read (date:september), or when a hit's stored article could
 * not be decoded and was left out of the page (the search still
 * succeeds): why, remarks joined by "; ".  Borrowed, or NULL. */
const char *ns_results_warning(const ns_results_t *res);

/* A spelling suggestion for the query (its words that match nothing
 * corrected from the archive's own words; with NS_SUGGEST_BELOW matches
 * or more, only in the context of its other words), or NULL.  Borrowed. */
#define NS_SUGGEST_BELOW 5
const char *ns_results_suggestion(const ns_results_t *res);
/* 1 when nothing matched the query and the hits, total and facets are
 * those of the suggestion instead; 0 otherwise. */
int ns_results_suggestion_used(const ns_results_t *res);

/* One value of a facet and the matches that have it. */
typedef struct ns_facet_value {
    const char *value; /* "Technology", "2025-09", "en"; borrowed */
    uint64_t count;
} ns_facet_value_t;

/* Facets of a search that asked for them (opts.facets).  The tag and
 * author facets count an article under each of its values (a byline of
 * two names counts for both); the author facet's values are the names of
 * the byline, spellings that author:"..." finds alike (case, diacritics,
 * Nordic letters written plain or as digraphs: "Ødegård", "Odegaard")
 * counted as one and shown with the Nordic letters when one has them, so
 * that author:"VALUE" finds the value's count.  The year and
 * decade facets list every value; the others at most NS_FACET_MAX_VALUES
 * values, the largest counts (ties: newest month, or by value), the rest
 * left out and counted by ns_results_facet_left_out().  Section, lang and
 * tag are listed by count (the largest first, ties by value), decade,
 * year and month newest first.  Counts
 * count what the total counts: story version groups when collapsing
 * (a group counts once under each value one of its matching copies has,
 * so a count equals the total of the same search filtered on that value),
 * articles otherwise. */
#define NS_FACET_MAX_VALUES 50
/* 1 if opts.facets asked for facets. */
int ns_results_has_facets(const ns_results_t *res);
/* The mask of facets asked for (opts.facets). */
unsigned ns_results_facets_asked(const ns_results_t *res);
/* 1 if the counts count story version groups (opts.collapse), 0 if
 * articles. */
int ns_results_facets_collapsed(const ns_results_t *res);
/* Values of facet number I (see ns_facet_name()), and one of them. */
size_t ns_results_facet_count(const ns_results_t *res, unsigned i);
const ns_facet_value_t *ns_results_facet(const ns_results_t *res, unsigned i,
                                         size_t k);
/* How many values of facet number I were left out of its listing (0: it
 * lists every one), and in *COUNT (if not NULL) the sum of their counts:
 * the matches without a listed value, for a facet of one value per
 * article (month). */
size_t ns_results_facet_left_out(const ns_results_t *res, unsigned i,
                                 uint64_t *count);
/* 1 if every match was counted; 0 if the counts are estimates, scaled up
 * from the ns_results_facets_counted() matching articles looked at (see
 * opts.facet_count), or counted over the candidates of a phrase or NEAR
 * query before their phrase check. */
int ns_results_facets_exact(const ns_results_t *res);
/* How many matching articles the counter looked at. */
uint64_t ns_results_facets_counted(const ns_results_t *res);
/* Why there are no facets (the index was built before they were stored),
 * or NULL.  Borrowed. */
const char *ns_results_facets_unavailable(const ns_results_t *res);
/* Why facet number I, asked for, was not counted while the others were
 * (the author facet of an index built before it was stored: rebuild it),
 * or NULL.  Borrowed. */
const char *ns_results_facet_unavailable(const ns_results_t *res, unsigned i);

/* Did the search stop early at ns_search_opts_t.time_limit_ms?  1 or 0. */
int ns_results_timed_out(const ns_results_t *res);
/* Shards of a cluster that were down (every replica) when the search
 * ran: the results cover the other shards only (README "Scaling").  0 for
 * an ordinary index and for a whole cluster. */
size_t ns_results_missing_count(const ns_results_t *res);
/* The number of the Ith missing shard, ascending. */
unsigned ns_results_missing(const ns_results_t *res, size_t i);
void ns_results_free(ns_results_t *res);

/* The results as one JSON object:
 *   {"query", "total", "total_exact", "offset", "limit", "has_more",
 *    "took_ms", "suggestion", "suggestion_used", "hits": [{"rank", "id",
 *    "title", "date", "section", "author", "lang", "url", "tags",
 *    "score", "snippet", "snippet_html", "also"}], "facets"?: {"exact",
 *    "counted", "counts", "unavailable"?, "section"?: [{"value", "count"}],
 *    "year"?, "month"?, "lang"?, "tag"?, "decade"?, "author"?, "left_out"?: {"month"?:
 *    {"values", "count"}, ...}}, "related": [{"id", "title", "date",
 *    "section", "url", "tags", "age"}], "warning"?}
 * plus "qid" when QID is not NULL; "tags" is the article's tags, [] when
 * it has none.  QUERY NULL: ns_related_to()'s, with
 * "query": "", "total": 0, "total_exact": true, "hits": [].  Free with
 * free(); NULL on allocation failure. */
char *ns_results_to_json(const ns_results_t *res, const char *query,
                         const char *qid);

NS_END_DECLS

#endif /* NS_H */
