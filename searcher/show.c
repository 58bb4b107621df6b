/* show.c - nsearch --show ID: one stored article, whole, for a reader at
 * a terminal, or with --json exactly as nsearchd's GET /v1/articles/{id}
 * gives it (both are ns_index_get() and, for JSON, ns_article_to_json()).
 *
 * A search lists an article by its title, a line of metadata and a
 * snippet; an editor who found the story then wants to read it.  The
 * text form is the hit's two lines, a blank line and the body as it is
 * stored: paragraphs (headings among them) apart by blank lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsearch.h"

int no_article(ns_index_t *idx, const char *id)
{
    /* On a cluster, an article whose shard (ns_shard_of, as nindex
     * --shard placed it) is down is not known to be gone: say so, as
     * nsearchd's 503 does, rather than that there is no such id. */
    size_t n = ns_index_shard_count(idx);
    ns_shard_info_t si;
    unsigned s = n ? ns_shard_of(id, strlen(id), (unsigned)n) : 0;
    if (n && ns_index_shard_info(idx, s, &si) == NS_STATUS_OK && !si.up)
        return nsearch_fail("shards_down",
                            "shard %u of the cluster, which holds article "
                            "'%s', is down (%s)",
                            s, id, si.error);
    return nsearch_fail("not_found", "no article with id '%s'", id);
}

/* The stored article ID into ART, read again from the newest revision
 * when a writer's commits discarded the one being read (as search() in
 * nsearch.c and nsearchd's workers do). */
static ns_status_t get_article(ns_index_t *idx, const char *id,
                               ns_article_t *art)
{
    ns_status_t st = NS_STATUS_RETRY;
    for (int tries = 0; st == NS_STATUS_RETRY && tries < NS_READ_RETRIES;
         tries++) {
        if (tries) {
            ns_article_clear(art);
            if (ns_index_refresh(idx, NULL) != NS_STATUS_OK)
                break;
        }
        st = ns_index_get(idx, id, art);
    }
    return st;
}

/* The line under the title, as a hit's: the day, section, byline and URL
 * (the id without one), each left out when the article lacks it; and
 * what a hit leaves out, which a reader of the whole story wants: when
 * it was updated (with the time, on its day of publication), its
 * language and its tags. */
static void print_meta(const ns_article_t *a)
{
    const char *sep = "";
    if (a->date) {
        print_field(a->date, 10, NULL);
        sep = " | ";
    }
    if (a->updated) {
        int same_day = a->date && strncmp(a->date, a->updated, 10) == 0;
        printf("%supdated ", sep);
        print_field(a->updated, 10, NULL);
        if (same_day && strlen(a->updated) >= 16) {
            putchar(' ');
            print_field(a->updated + 11, 5, NULL);
        }
        sep = " | ";
    }
    const char *fields[] = {a->section, a->author, a->lang};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i] && *fields[i]) {
            fputs(sep, stdout);
            print_str(fields[i]);
            sep = " | ";
        }
    fputs(sep, stdout);
    print_str(a->url ? a->url : a->id);
    for (size_t i = 0; i < a->n_tags; i++) {
        fputs(i ? ", " : " | tags: ", stdout);
        print_str(a->tags[i]);
    }
}

/* The body line by line: print_field() makes a line feed a space, as it
 * makes every other control character one, and the paragraphs are the
 * reading. */
static void print_body(const char *body)
{
    while (*body) {
        size_t len = strcspn(body, "\n");
        print_field(body, len, NULL);
        putchar('\n');
        body += len;
        if (*body)
            body++;
    }
}

int show_article(ns_index_t *idx, const struct options *o,
                 const struct style *st)
{
    const char *id = o->show;
    /* Longer than any id nindex stores (and than a Xapian term may be):
     * no article, as nsearchd answers 404, without asking the index. */
    if (strlen(id) > NS_MAX_ID)
        return no_article(idx, id);
    ns_article_t art;
    ns_status_t s = get_article(idx, id, &art);
    if (s == NS_STATUS_NOT_FOUND) {
        ns_article_clear(&art);
        return no_article(idx, id);
    }
    if (s != NS_STATUS_OK) {
        ns_article_clear(&art);
        return nsearch_fail(nsearch_status_code(s),
                            "article lookup failed: %s: %s",
                            ns_status_to_string(s), ns_index_last_error(idx));
    }
    if (o->json) {
        char *text = ns_article_to_json(&art);
        if (!text)
            ns_die("out of memory");
        puts(text);
        free(text);
    } else {
        fputs(st->title_on, stdout);
        print_str(*art.title ? art.title : "(no title)");
        printf("%s\n%s", st->title_off, st->dim_on);
        print_meta(&art);
        printf("%s\n", st->dim_off);
        if (*art.body) {
            putchar('\n');
            print_body(art.body);
        }
    }
    ns_article_clear(&art);
    return EXIT_OK;
}
