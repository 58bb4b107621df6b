/* text-output.c - nsearch's answer as text: the hits, related posts
 * and facets, with the control characters of stored fields made spaces
 * (print_field(), which --show's article goes through too). */
#include <stdio.h>
#include <string.h>

#include "nsearch.h"

/* Print at most MAX bytes of TEXT, a stored field, with each control
 * character in it (C0, DEL, and C1: U+0080-U+009F) as a space; with ST, the
 * highlight markers (NS_HI_START, NS_HI_END) as its highlight.  nindex
 * stores no control characters, but an index an older version wrote may
 * hold them, and ESC or U+009B (CSI, which some terminals read as ESC [)
 * would start an escape sequence: a title could clear the screen or
 * recolour the rest of it.  A direction control or line separator
 * (ns_display_control) is a space too: the text stored keeps it, for
 * the right-to-left scripts that use it, but on a terminal it can make
 * a title or url read as another. */
void print_field(const char *text, size_t max, const struct style *st)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; p[i] && i < max; i++) {
        if (st && p[i] == (unsigned char)NS_HI_START[0])
            fputs(st->hi_on, stdout);
        else if (st && p[i] == (unsigned char)NS_HI_END[0])
            fputs(st->hi_off, stdout);
        else if (p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
            putchar(' '), i++;
        else if (i + 3 <= max && ns_display_control((const char *)p + i))
            putchar(' '), i += 2;
        else
            putchar(p[i] < 0x20 || p[i] == 0x7f ? ' ' : p[i]);
    }
}

/* A stored field, whole, as print_field prints it. */
void print_str(const char *text)
{
    print_field(text, SIZE_MAX, NULL);
}

/* The end of a hit's (or related post's) second line, after SEP: its URL,
 * if any, then "id ID", always last.  The id is what --show, --related-to
 * and nindex --delete take, so a reader copies it from here rather than
 * asking for --json; the "id " word keeps it apart from a URL and easy to
 * cut (sed 's/.* | id //'), and it is printed as every stored field is. */
static void print_url_id(const ns_article_t *a, const char *sep)
{
    if (a->url) {
        fputs(sep, stdout);
        print_str(a->url);
        sep = " | ";
    }
    printf("%sid ", sep);
    print_str(a->id);
}

static void print_related(const ns_results_t *res, const struct style *st)
{
    size_t n = ns_results_related_count(res);
    if (n == 0)
        return;
    printf("%sRelated recent posts%s\n", st->title_on, st->title_off);
    for (size_t i = 0; i < n; i++) {
        const ns_related_t *r = ns_results_related(res, i);
        printf("  - ");
        print_str(*r->art->title ? r->art->title : "(no title)");
        printf("\n    %s", st->dim_on);
        const char *sep = "";
        if (r->age && *r->age) {
            fputs(r->age, stdout);
            sep = " | ";
        }
        if (r->art->section) {
            fputs(sep, stdout);
            print_str(r->art->section);
            sep = " | ";
        }
        print_url_id(r->art, sep);
        printf("%s\n", st->dim_off);
    }
}

/* "Facets (exact, 17 stories counted):", then one line per facet:
 * "  section: Technology 9, World 5". */
static void print_facets(const ns_results_t *res, const struct style *st)
{
    if (!ns_results_has_facets(res))
        return;
    const char *why = ns_results_facets_unavailable(res);
    if (why) {
        printf("%sFacets%s: none: %s\n\n", st->title_on, st->title_off, why);
        return;
    }
    printf("%sFacets%s (%s, over %llu matching articles; counting %s)\n",
           st->title_on, st->title_off,
           ns_results_facets_exact(res) ? "exact" : "estimated",
           (unsigned long long)ns_results_facets_counted(res),
           ns_results_facets_collapsed(res) ? "stories" : "articles");
    /* The decade before the year: the coarser first, as the time facets
     * read down to the month. */
    static const unsigned shown[NS_FACET_KINDS] = {0, 5, 1, 2, 3, 4, 6};
    for (unsigned j = 0; j < NS_FACET_KINDS; j++) {
        unsigned i = shown[j];
        if (!(ns_results_facets_asked(res) & (1u << i)))
            continue;
        printf("  %s:", ns_facet_name(i));
        /* Not "(none)", which says that no match has a value. */
        if (ns_results_facet_unavailable(res, i)) {
            printf(" not counted: %s\n", ns_results_facet_unavailable(res, i));
            continue;
        }
        size_t k, n = ns_results_facet_count(res, i);
        for (k = 0; k < n; k++) {
            const ns_facet_value_t *v = ns_results_facet(res, i, k);
            printf("%s ", k ? "," : "");
            print_str(v->value);
            printf(" (%llu)", (unsigned long long)v->count);
        }
        uint64_t count;
        size_t left = ns_results_facet_left_out(res, i, &count);
        if (left)
            printf("; %zu more left out (%llu)", left,
                   (unsigned long long)count);
        printf("%s\n", n ? "" : " (none)");
    }
    putchar('\n');
}

/* " (shard 2 of 3 down: partial)" into BUF after the count of an answer
 * without some shards of cluster IDX, or "": the count on stdout says
 * that matches are missing, not only the warning on stderr. */
static void partial_note(const ns_results_t *res, ns_index_t *idx, char *buf,
                         size_t size)
{
    size_t n = ns_results_missing_count(res), len;
    buf[0] = '\0';
    if (!n)
        return;
    len = (size_t)snprintf(buf, size, " (shard%s", n > 1 ? "s" : "");
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s %u",
                                i ? "," : "", ns_results_missing(res, i));
    if (len < size)
        snprintf(buf + len, size - len, " of %zu down: partial)",
                 ns_index_shard_count(idx));
}

/* Bytes of a query shown back, at most: a list of ids or a query past
 * the word limit (3,000 bytes) filled the screen before saying "No
 * matches", most of it words that were never searched. */
#define QUERY_SHOWN_MAX 200

/* TEXT, a query, in double quotes, unless it starts and ends with one
 * already: "No matches for ""azzure clod""" read as two empty quotes,
 * and '"a" OR "b"' reads as well as it is.  A long one is cut after a
 * word, with " ..." for the rest. */
static void print_quoted(const char *text)
{
    size_t len = strlen(text);
    int quoted = len >= 2 && text[0] == '"' && text[len - 1] == '"';
    size_t shown = len;
    if (len > QUERY_SHOWN_MAX) {
        shown = QUERY_SHOWN_MAX;
        while (shown > 0 && text[shown] != ' ')
            shown--;
        if (shown == 0) /* one long word: at a character's first byte */
            for (shown = QUERY_SHOWN_MAX;
                 shown > 0 && ((unsigned char)text[shown] & 0xc0) == 0x80;)
                shown--;
        quoted = 0;
    }
    if (!quoted)
        putchar('"');
    print_field(text, shown, NULL);
    if (shown < len)
        fputs(" ...", stdout);
    if (!quoted)
        putchar('"');
}

void print_text(const ns_results_t *res, ns_index_t *idx,
                       const struct options *o, const struct style *st)
{
    char note[256];
    partial_note(res, idx, note, sizeof note);
    size_t n = ns_results_count(res);
    uint64_t total = ns_results_total(res);
    if (o->related_to) {
        if (ns_results_related_count(res) == 0)
            printf("No related recent posts for '%s'.\n", o->related_to);
        print_related(res, st);
        return;
    }
    const char *suggestion = ns_results_suggestion(res);
    if (suggestion && ns_results_suggestion_used(res)) {
        /* The suggestion is the index's words, a stored field too. */
        printf("No matches for ");
        print_quoted(o->query);
        printf("; showing the results for ");
        print_quoted(suggestion);
        printf(".\n\n");
    } else if (suggestion) {
        printf("Did you mean: ");
        print_str(suggestion);
        printf("?\n\n");
    }
    if (n == 0 && total > 0 && o->limit == 0) {
        /* Asked for the count (and facets) alone. */
        printf("%s%llu match%s%s\n\n",
               ns_results_total_exact(res) ? "" : "About ",
               (unsigned long long)total, total == 1 ? "" : "es", note);
        print_facets(res, st);
        return;
    }
    if (n == 0 && total > 0) {
        /* Past the end of the matches: the query did match. */
        printf("No more results: %s%llu in all%s.\n",
               ns_results_total_exact(res) ? "" : "about ",
               (unsigned long long)total, note);
        return;
    }
    if (n == 0) {
        printf("No matches for ");
        print_quoted(o->query);
        printf("%s.\n", note);
        return;
    }
    const ns_hit_t *first = ns_results_hit(res, 0);
    printf("%s%llu match%s%s; showing %u-%u\n\n",
           ns_results_total_exact(res) ? "" : "About ",
           (unsigned long long)total, total == 1 ? "" : "es", note, first->rank,
           first->rank + (unsigned)n - 1);
    /* The rank as wide as the page's last ("99." and "100."), and the
     * lines under each title indented past it, as " 1." and "    ". */
    int width = snprintf(NULL, 0, "%u", first->rank + (unsigned)n - 1);
    if (width < 2)
        width = 2;
    int indent = width + 2;
    for (size_t i = 0; i < n; i++) {
        const ns_hit_t *h = ns_results_hit(res, i);
        const ns_article_t *a = h->art;
        printf("%*u. %s", width, h->rank, st->title_on);
        print_str(*a->title ? a->title : "(no title)");
        printf("%s\n%*s%s", st->title_off, indent, "", st->dim_on);
        const char *sep = "";
        if (a->date) {
            print_field(a->date, 10, NULL);
            sep = " | ";
        }
        if (a->section) {
            fputs(sep, stdout);
            print_str(a->section);
            sep = " | ";
        }
        if (a->author) { /* searched too: it may be why the hit is here */
            fputs(sep, stdout);
            print_str(a->author);
            sep = " | ";
        }
        print_url_id(a, sep);
        printf("%s\n", st->dim_off);
        if (h->snippet && *h->snippet) {
            printf("%*s", indent, "");
            print_field(h->snippet, SIZE_MAX, st);
            putchar('\n');
        }
        if (h->n_also) {
            size_t versions =
                h->also_total > h->n_also ? h->also_total : h->n_also;
            printf("%*s%sAlso: %zu other version%s", indent, "", st->dim_on,
                   versions, versions == 1 ? "" : "s");
            if (versions > h->n_also)
                printf(" (%zu listed)", h->n_also);
            putchar(':');
            for (size_t k = 0; k < h->n_also; k++) {
                putchar(' ');
                print_str(h->also[k]);
            }
            printf("%s\n", st->dim_off);
        }
        putchar('\n');
    }
    print_facets(res, st);
    print_related(res, st);
}
