/* readlib.h - Read a whole source for the tests of the input parsers
 * (test_ingest.c, test_feed.c): the ids of its articles, its errors with
 * their FILE:LINE, and the notes of what it left out on purpose. */
#ifndef READLIB_H
#define READLIB_H

#include "ingest.h"
#include "testlib.h"

/* Every record of SOURCE: good ids, errors and ignored notes. */
struct tally {
    int ok, bad, ignored;
    int failed_files;    /* errors that were of a file not read whole */
    char warnings[2048]; /* "FILE:LINE: warning" of the articles read */
    char ids[2048];
    char titles[2048];  /* every article's title, a line each */
    char authors[1024]; /* every article's author, a line each */
    char errors[4096];
    char notes[2048];
    ns_article_t first; /* the first article read, kept */
};

__attribute__((unused)) static void add(char *to, size_t size, const char *a,
                                        const char *b)
{
    size_t used = strlen(to);
    snprintf(to + used, size - used, "%s%s%s\n", a, b ? ": " : "", b ? b : "");
}

__attribute__((unused)) static void read_all(const char *source,
                                             struct tally *t)
{
    memset(t, 0, sizeof *t);
    ns_reader_t *r;
    char *err = NULL;
    if (ns_reader_open(source, &r, &err) != NS_STATUS_OK) {
        t->bad = -1;
        free(err);
        return;
    }
    ns_article_t a = {0};
    int rc;
    const char *note;
    while ((rc = ns_reader_next(r, &a)) != 0) {
        while ((note = ns_reader_next_ignored(r))) {
            t->ignored++;
            add(t->notes, sizeof t->notes, note, NULL);
        }
        if (rc > 0) {
            if (ns_reader_warning(r))
                add(t->warnings, sizeof t->warnings, ns_reader_where(r),
                    ns_reader_warning(r));
            add(t->titles, sizeof t->titles, a.title ? a.title : "", NULL);
            add(t->authors, sizeof t->authors, a.author ? a.author : "", NULL);
            if (!t->ok++) {
                t->first = a;
                memset(&a, 0, sizeof a);
                add(t->ids, sizeof t->ids, t->first.id, NULL);
                continue;
            }
            add(t->ids, sizeof t->ids, a.id, NULL);
        } else {
            t->bad++;
            t->failed_files += ns_reader_file_failed(r) != 0;
            add(t->errors, sizeof t->errors, ns_reader_where(r),
                ns_reader_error(r));
        }
    }
    while ((note = ns_reader_next_ignored(r))) {
        t->ignored++;
        add(t->notes, sizeof t->notes, note, NULL);
    }
    ns_article_clear(&a);
    ns_reader_close(r);
}

__attribute__((unused)) static void tally_free(struct tally *t)
{
    ns_article_clear(&t->first);
}

__attribute__((unused)) static int has(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

#endif /* READLIB_H */
