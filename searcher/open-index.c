/* open-index.c - nsearch's index open, and on failure a message that says
 * what to do (build one, name the index's own directory, fix the
 * permissions, or try again when a writer's commits overtook it each
 * time). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsearch.h"

/* S in single quotes for a POSIX shell, each quote in it written '\''
 * ("it's" is 'it'\''s'); NULL when out of memory. */
static char *shell_quote(const char *s)
{
    ns_buf_t b = {0};
    if (ns_buf_putc(&b, '\'') < 0)
        return NULL;
    for (; *s; s++)
        if ((*s == '\'' ? ns_buf_puts(&b, "'\\''") : ns_buf_putc(&b, *s)) < 0) {
            ns_buf_free(&b);
            return NULL;
        }
    if (ns_buf_putc(&b, '\'') < 0) {
        ns_buf_free(&b);
        return NULL;
    }
    return b.p;
}

ns_index_t *ns_open_index(const char *db_option)
{
    char *db = ns_db_path(db_option);
    if (!db)
        exit(nsearch_fail("no_index",
                          "no index location: give --db DIR or set "
                          "NSEARCH_DB"));
    ns_index_t *idx;
    char *err = NULL;
    /* Opened while a writer commits, the revision being read can be
     * discarded under it: ns_index_open() then opens the newest, up to
     * NS_OPEN_TRIES times. */
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &idx, &err);
    int sys = errno;
    if (st == NS_STATUS_RETRY) {
        free(err);
        err = strdup("the index changed while it was read, each of "
                     "the times it was tried: try again");
    }
    char other[256];
    if (st == NS_STATUS_NOT_FOUND) {
        nsearch_fail("no_index", "no index at '%s'", db);
        /* nindex refuses such a DIR: its "Build one with" was a command
         * that fails. */
        if (ns_gen_foreign(db, other, sizeof other)) {
            ns_note("'%s' holds files but no index ('%s'): --db names the "
                    "index's own directory (give --db DIR or set "
                    "NSEARCH_DB)",
                    db, other);
        } else {
            /* A command to paste: the directory quoted for the shell, and
             * cleaned of control characters as every message is. */
            char *quoted = shell_quote(db);
            ns_note("Build one with: nindex --db %s SOURCE...  (or give "
                    "--db DIR or set NSEARCH_DB)",
                    quoted ? quoted : db);
            free(quoted);
        }
        free(err);
        free(db);
        exit(EXIT_ERROR);
    }
    if (st != NS_STATUS_OK) {
        /* A root rebuild under umask 077 leaves a generation the
         * service user cannot read: say what puts it right. */
        nsearch_fail("no_index", "cannot open index '%s': %s%s", db,
                 err ? err : ns_status_to_string(st),
                 st == NS_STATUS_IO && (sys == EACCES || sys == EPERM)
                     ? " (run nindex as the user that owns the index, or "
                       "give this user read access to it)"
                     : "");
        free(err);
        free(db);
        exit(EXIT_ERROR);
    }
    /* A generation opened by its own name is read as it is for ever:
     * a --batch helper kept on it never sees a later rebuild. */
    char parent[4096];
    if (ns_gen_parent(db, parent, sizeof parent))
        ns_warn("'%s' is a generation of the index '%s': give --db %s to "
                "search the live index, whichever generation it is",
                db, parent, parent);
    free(db);
    return idx;
}
