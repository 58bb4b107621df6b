/* rollback.c - nindex --rollback: make the newest older generation that
 * opens live again (one atomic rename of DIR/current, common/gen.c), or
 * link the newest one again when `current` is gone.
 *
 * A rollback also undoes every update, prune and --delete made in place
 * since the generation rolled back from was published, and brings back
 * what its rebuild left out: an editor's corrected headline reverted
 * without a word was found by readers, not by the desk.  So it says what
 * it undoes: the counts the generation keeps (common/changes.cc), the
 * articles one of the two generations has and the other lacks, and those
 * both hold whose text goes back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nindex.h"

/* Articles named in the message, of each kind. */
#define NAMED 5

/* The ids of one generation that another (OTHER) lacks. */
struct lacked {
    ns_index_t *other;
    unsigned long n;
    ns_buf_t names; /* the first NAMED, quoted */
    int failed;
};

static int note_lacked(const char *id, void *ctx)
{
    struct lacked *l = ctx;
    int has = 0;
    if (ns_index_has_id(l->other, id, &has) != NS_STATUS_OK) {
        l->failed = 1;
        return 1;
    }
    if (has)
        return 0;
    if (++l->n <= NAMED &&
        (ns_buf_puts(&l->names, l->n > 1 ? ", '" : "'") < 0 ||
         ns_buf_puts(&l->names, id) < 0 || ns_buf_putc(&l->names, '\'') < 0))
        ns_die("out of memory");
    return 0;
}

/* "2 articles 'gen-000007' lacks are back: 'a5', 'a6'" onto OUT. */
static void say_lacked(ns_buf_t *out, struct lacked *l, const char *lacking,
                       const char *verb)
{
    if (!l->n)
        return;
    char head[300];
    snprintf(head, sizeof head, "; %lu article%s %s lacks %s %s: ", l->n,
             l->n == 1 ? "" : "s", lacking, l->n == 1 ? "is" : "are", verb);
    if (ns_buf_puts(out, head) < 0 || ns_buf_puts(out, l->names.p) < 0 ||
        (l->n > NAMED && ns_buf_puts(out, ", ...") < 0))
        ns_die("out of memory");
}

/* The ids both generations hold whose text differs: the article goes
 * back to its text in the generation made live (an in-place correction
 * undone, or one a rebuild published). */
struct reverted {
    ns_index_t *live, *prev; /* the generation left; the one made live */
    unsigned long n;
    ns_buf_t names; /* the first NAMED, quoted */
    int failed;
};

/* For ns_index_each_id() on the generation made live.  The fingerprints
 * in the index's values decide without the stored text (Reuters' 21,578
 * articles in about a second); they mix in the schema of the nindex that
 * wrote them, so two that differ are confirmed on the stored texts, lest
 * a generation written by another nindex name every article. */
static int note_reverted(const char *id, void *ctx)
{
    struct reverted *r = ctx;
    char was[17], now[17];
    ns_status_t st = ns_index_version(r->live, id, was, NULL, 0);
    if (st == NS_STATUS_NOT_FOUND)
        return 0; /* one it lacks: said as back */
    if (st != NS_STATUS_OK ||
        ns_index_version(r->prev, id, now, NULL, 0) != NS_STATUS_OK) {
        r->failed = 1;
        return 1;
    }
    if (*was && strcmp(was, now) == 0)
        return 0;
    ns_article_t a = {0}, b = {0};
    int differ = 1;
    if (ns_index_get(r->live, id, &a) == NS_STATUS_OK &&
        ns_index_get(r->prev, id, &b) == NS_STATUS_OK)
        differ = ns_article_hash(&a) != ns_article_hash(&b);
    ns_article_clear(&a);
    ns_article_clear(&b);
    if (differ && ++r->n <= NAMED &&
        (ns_buf_puts(&r->names, r->n > 1 ? ", '" : "'") < 0 ||
         ns_buf_puts(&r->names, id) < 0 || ns_buf_putc(&r->names, '\'') < 0))
        ns_die("out of memory");
    return 0;
}

/* "; 2 articles go back to their text in gen-000001: 'w1', 'w2'" onto
 * OUT. */
static void say_reverted(ns_buf_t *out, const struct reverted *r,
                         const char *previous)
{
    if (!r->n)
        return;
    char head[400];
    snprintf(head, sizeof head, "; %lu article%s %s back to %s text in %s: ",
             r->n, r->n == 1 ? "" : "s", r->n == 1 ? "goes" : "go",
             r->n == 1 ? "its" : "their", previous);
    if (ns_buf_puts(out, head) < 0 || ns_buf_puts(out, r->names.p) < 0 ||
        (r->n > NAMED && ns_buf_puts(out, ", ...") < 0))
        ns_die("out of memory");
}

/* "1 replacement and 1 deletion" of the counts C (added, replaced,
 * deleted) onto OUT; nothing when all are zero. */
static void say_counts(ns_buf_t *out, const uint64_t c[3])
{
    static const char *const WHAT[] = {"addition", "replacement", "deletion"};
    int kinds = (c[0] > 0) + (c[1] > 0) + (c[2] > 0), said = 0;
    for (int k = 0; k < 3; k++) {
        if (!c[k])
            continue;
        char part[80];
        snprintf(part, sizeof part, "%s%llu %s%s",
                 said == 0 ? "" : said == kinds - 1 ? " and " : ", ",
                 (unsigned long long)c[k], WHAT[k], c[k] == 1 ? "" : "s");
        if (ns_buf_puts(out, part) < 0)
            ns_die("out of memory");
        said++;
    }
}

/* The deletions made in LIVE (open as WAS) that a rollback to PREV does
 * not undo: the ids a takedown deleted from PREV too while LIVE was live
 * (takedown.c records them there), which neither holds.  The first NAMED
 * quoted into OUT; returns how many. */
static uint64_t standing(ns_index_t *was, ns_index_t *prev, const char *live,
                         ns_buf_t *out)
{
    char *text = NULL;
    if (ns_index_takedowns(prev, &text) != NS_STATUS_OK) {
        free(text);
        return 0;
    }
    struct idset seen = {0};
    size_t live_len = strlen(live);
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (strncmp(line, live, live_len) != 0 || line[live_len] != '\t')
            continue;
        const char *id = line + live_len + 1;
        int again = 0, in_was = 1, in_prev = 1;
        for (size_t i = 0; i < seen.n && !again; i++)
            again = strcmp(seen.ids[i], id) == 0;
        if (again || ns_index_has_id(was, id, &in_was) != NS_STATUS_OK ||
            ns_index_has_id(prev, id, &in_prev) != NS_STATUS_OK || in_was ||
            in_prev)
            continue;
        if (ns_idset_add(&seen, id) < 0)
            ns_die("out of memory");
        if (seen.n <= NAMED &&
            (ns_buf_puts(out, seen.n > 1 ? ", '" : "'") < 0 ||
             ns_buf_puts(out, id) < 0 || ns_buf_putc(out, '\'') < 0))
            ns_die("out of memory");
    }
    uint64_t n = seen.n;
    ns_idset_free(&seen);
    free(text);
    return n;
}

/* What going from LIVE to PREVIOUS (open as PREV) undoes, into OUT. */
static void describe(const char *db, const char *live, ns_index_t *prev,
                     const char *previous, ns_buf_t *out)
{
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", db, live);
    ns_index_t *was = NULL;
    char *err = NULL;
    if (ns_index_open(path, NS_OPEN_READ, &was, &err) != NS_STATUS_OK) {
        /* The usual reason for a rollback: say so, and nothing more. */
        char text[1400];
        snprintf(text, sizeof text,
                 "; what was changed in %s cannot be told: it does not open "
                 "(%s)",
                 live, err ? err : "unknown error");
        free(err);
        if (ns_buf_puts(out, text) < 0)
            ns_die("out of memory");
        return;
    }
    uint64_t c[3];
    int counted = 0;
    char text[1400];
    if (ns_index_changes(was, c, &counted) != NS_STATUS_OK)
        counted = 0;
    ns_buf_t stand = {0};
    uint64_t stands = standing(was, prev, live, &stand);
    if (counted && stands > c[2])
        stands = c[2];
    c[2] -= counted ? stands : 0;
    if (!counted) {
        snprintf(text, sizeof text,
                 "; updates and deletions made since %s was published, if "
                 "any, are undone (%s does not count them)",
                 live, live);
    } else if (c[0] || c[1] || c[2]) {
        ns_buf_t what = {0};
        say_counts(&what, c);
        snprintf(text, sizeof text, "; %s made since %s was published %s undone",
                 what.p, live, c[0] + c[1] + c[2] == 1 ? "is" : "are");
        ns_buf_free(&what);
    } else if (stands) {
        *text = '\0';
    } else {
        snprintf(text, sizeof text,
                 "; no update or deletion was made since %s was published",
                 live);
    }
    if (ns_buf_puts(out, text) < 0)
        ns_die("out of memory");
    if (stands) {
        snprintf(text, sizeof text, "; %llu deletion%s stand%s: ",
                 (unsigned long long)stands, stands == 1 ? "" : "s",
                 stands == 1 ? "s" : "");
        char tail[400];
        snprintf(tail, sizeof tail, "%s %s deleted from %s too",
                 stands > NAMED ? ", ..." : "", stands == 1 ? "was" : "were",
                 previous);
        if (ns_buf_puts(out, text) < 0 || ns_buf_puts(out, stand.p) < 0 ||
            ns_buf_puts(out, tail) < 0)
            ns_die("out of memory");
    }
    ns_buf_free(&stand);
    /* Deleted by a prune, or left out by the rebuild that made LIVE: back
     * in search results, which is what the operator needs to know
     * (a --delete deleted them from PREVIOUS too, see takedown.c). */
    struct reverted rev = {.live = was, .prev = prev};
    if (ns_index_each_id(prev, note_reverted, &rev) == NS_STATUS_OK &&
        !rev.failed)
        say_reverted(out, &rev, previous);
    ns_buf_free(&rev.names);
    struct lacked back = {.other = was}, gone = {.other = prev};
    if (ns_index_each_id(prev, note_lacked, &back) == NS_STATUS_OK &&
        !back.failed)
        say_lacked(out, &back, live, "back");
    if (ns_index_each_id(was, note_lacked, &gone) == NS_STATUS_OK &&
        !gone.failed)
        say_lacked(out, &gone, previous, "gone");
    ns_buf_free(&back.names);
    ns_buf_free(&gone.names);
    ns_index_close(was);
}

/* NAME could not be opened for a failure of the system (errno: out of
 * file descriptors, say), which says nothing of whether it is sound:
 * going past it to an older one would undo more than asked. */
static int unopened(const char *db, const char *name)
{
    ns_error("cannot open '%s/%s' to tell whether it is sound: %s; nothing "
             "is rolled back",
             db, name, strerror(errno));
    return EXIT_ERROR;
}

/* The number of generation NAME ("gen-000007" is 7), or 0. */
static unsigned long gen_number(const char *name)
{
    return strncmp(name, "gen-", 4) == 0 && name[4] &&
                   strspn(name + 4, "0123456789") == strlen(name + 4)
               ? strtoul(name + 4, NULL, 10)
               : 0;
}

/* Does DB hold a generation numbered below LIVE, whether it opens or
 * not?  When it cannot tell, it says yes: the message then speaks of
 * generations that do not open, as it did. */
static int older_kept(const char *db, const char *live)
{
    char **names;
    size_t n;
    unsigned long top = gen_number(live);
    if (!top || ns_gen_list(db, &names, &n) < 0)
        return 1;
    int found = 0;
    for (size_t i = 0; i < n && !found; i++) {
        unsigned long k = gen_number(names[i]);
        found = k && k < top;
    }
    ns_gen_list_free(names, n);
    return found;
}

int ns_run_rollback(const char *db, char *published, size_t pub_size,
                    ns_buf_t *undone)
{
    char live[256];
    struct stat st;
    char link[4096 + 16];
    snprintf(link, sizeof link, "%s/current", db);
    if (ns_gen_current(db, live, sizeof live) < 0) {
        /* No link at all, with generations there (removed by hand, or
         * dropped by a restore): the newest that opens is linked again,
         * which readers and nsearchd were answering from meanwhile.  One
         * that is a directory (a copy that followed links) is not
         * replaced: it may be all someone has. */
        if (lstat(link, &st) < 0 && errno == ENOENT) {
            char newest[256];
            ns_index_t *idx;
            ns_status_t os = ns_gen_open_older(db, &idx, newest, sizeof newest);
            if (os == NS_STATUS_IO)
                return unopened(db, newest);
            if (os == NS_STATUS_OK) {
                ns_index_close(idx);
                if (ns_gen_publish(db, newest) < 0) {
                    ns_error("cannot publish '%s/%s': %s", db, newest,
                             strerror(errno));
                    return EXIT_ERROR;
                }
                snprintf(published, pub_size,
                         "%s (the newest that opens; there was "
                         "no 'current' link)",
                         newest);
                return EXIT_OK;
            }
        }
        if (lstat(link, &st) == 0)
            ns_error("'%s' is not a link naming the live generation: move it "
                     "away, then --rollback links the newest generation that "
                     "opens",
                     link);
        else
            ns_error("'%s' has no generations to roll back", db);
        return EXIT_ERROR;
    }
    /* The newest older generation that opens: a failed write can leave
     * one without Xapian's version file, and a disk can cut one's files
     * short.  Publishing such a one made the archive unreadable, and the
     * next update then removed the generation rolled back from, the last
     * that opened. */
    char previous[256];
    ns_index_t *idx;
    ns_status_t os = ns_gen_open_older(db, &idx, previous, sizeof previous);
    if (os == NS_STATUS_IO)
        return unopened(db, previous);
    if (os != NS_STATUS_OK) {
        /* "That opens" sent the operator looking for damage where a
         * rebuild with --keep 1 had simply kept none. */
        if (!older_kept(db, live))
            ns_error("'%s' keeps no generation older than '%s' to roll back "
                     "to (a rebuild with --keep 1 keeps only the live one)",
                     db, live);
        else
            ns_error("'%s' has no generation older than '%s' that opens, to "
                     "roll back to",
                     db, live);
        return EXIT_ERROR;
    }
    if (ns_gen_publish(db, previous) < 0) {
        ns_error("cannot publish '%s/%s': %s", db, previous, strerror(errno));
        ns_index_close(idx);
        return EXIT_ERROR;
    }
    snprintf(published, pub_size, "%s (was %s)", previous, live);
    /* Published first: an emergency rollback waits for nothing.  Under
     * the writer lock neither generation changes meanwhile. */
    describe(db, live, idx, previous, undone);
    ns_index_close(idx);
    return EXIT_OK;
}
