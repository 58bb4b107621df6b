/* nsearch.c - Search an nsearch index from the command line.
 *
 * nsearch [--db DIR] [options] QUERY...
 * nsearch [--db DIR] --batch < queries
 * nsearch [--db DIR] --show ID
 *
 * Holds main, the options and the searching (the index open is
 * open-index.c, the text output text-output.c, --show show.c); the
 * search itself is libns. */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "nsearch.h"


static void usage(FILE *out)
{
    fprintf(
        out,
        "Usage: nsearch [--db DIR] [options] QUERY...\n"
        "       nsearch [--db DIR] --batch < QUERIES\n"
        "       nsearch [--db DIR] --related-to ID\n"
        "       nsearch [--db DIR] --show ID\n"
        "Search an nsearch index, best matches first (BM25; manual:\n"
        "nsearch(1)).\n"
        "\n"
        "Query language (nsearch(1) has it in full):\n"
        "  words                any of the words, best matches first\n"
        "  \"exact phrase\"       the words in this order\n"
        "  a AND b, a OR b, a NOT b, -word, +word, (...)\n"
        "  title:word  heading:word  author:name\n"
        "  section:World  tag:azure  lang:no  id:ID\n"
        "  date:2025-01-01..2025-03-31   (either end may be left open)\n"
        "  surveil*             words starting with surveil\n"
        "A -word argument is a query word unless it is -d, -n, -s, -j or\n"
        "-h alone (or -n5); options may follow the QUERY words.\n"
        "\n"
        "Options:\n"
        "  -d, --db DIR          index directory (default: $NSEARCH_DB, else\n"
        "                        $XDG_DATA_HOME/nsearch/db or\n"
        "                        ~/.local/share/nsearch/db)\n"
        "  -n, --limit N         hits to show (default 10, at most 10000)\n"
        "      --offset N        hits to skip first, for paging (default 0,\n"
        "                        at most 1000000000)\n"
        "  -s, --sort ORDER      relevance (default), date (newest first),\n"
        "                        oldest (oldest first) or\n"
        "                        recent (relevance mixed with age)\n"
        "      --half-life DAYS  with --sort recent: days in which the bonus\n"
        "                        of being new halves (default 30)\n"
        "      --facets[=LIST]   counts per section, decade, year, month,\n"
        "                        lang and tag of the matches; LIST picks\n"
        "                        some (section,month); default all, which\n"
        "                        leaves out author (all,author adds it)\n"
        "  -j, --json            one JSON document instead of text\n"
        "      --batch           read queries from standard input, one per\n"
        "                        line (\"qid<TAB>query\" or \"query\"), write\n"
        "                        one JSON object per line\n"
        "      --snippet-len N   bytes of snippet to aim for (default 200,\n"
        "                        0 for none)\n"
        "      --related N       related recent posts to list (default 5,\n"
        "                        0 for none)\n"
        "      --related-to ID   only the related recent posts of article ID\n"
        "      --show ID         print article ID whole: title, metadata and\n"
        "                        body (with --json, the stored article)\n"
        "      --now TIME        reference time for recency and ages "
        "(default:\n"
        "                        the newest article date not after today+1)\n"
        "      --recent-days D   recency window before --now (default 30;\n"
        "                        0 = no window, undated articles allowed)\n"
        "      --no-collapse     list every copy of a story (by default\n"
        "                        one hit per story version group)\n"
        "      --no-suggest      no spelling suggestion (by default one is\n"
        "                        given when a word matches no article, and\n"
        "                        searched when no article matches)\n"
        "      --partial         search as you type: the last word, when no\n"
        "                        space follows it, matches as a prefix too\n"
        "      --color WHEN      highlight with bold: auto (on a terminal),\n"
        "                        always or never; otherwise **word**\n"
        "  -h, --help            show this help\n"
        "      --version         show the version\n"
        "\n"
        "Exit status:\n"
        "  0  success, also when nothing matched\n"
        "  1  error (no index, unreadable index, no article with\n"
        "     the ID of --show or --related-to)\n"
        "  2  usage error\n");
}

/* ------------------------------------------------------------------------ */
/* Running                                                                  */
/* ------------------------------------------------------------------------ */

/* The style of the text output: bold on a terminal that takes it, as
 * --color says; otherwise matches marked **so**. */
static const struct style *text_style(const struct options *o)
{
    static const struct style plain = {"**", "**", "", "", "", ""};
    static const struct style bold = {"\033[1m",  "\033[22m", "\033[1m",
                                      "\033[22m", "\033[2m",  "\033[22m"};
    int color = o->color == COLOR_ALWAYS ||
                (o->color == COLOR_AUTO && ns_terminal_escapes(1, 1));
    return color ? &bold : &plain;
}

static ns_status_t search(ns_index_t *idx, const struct options *o,
                          const char *query, ns_results_t **res)
{
    ns_search_opts_t so;
    ns_search_opts_init(&so);
    so.query = query;
    so.offset = (unsigned)o->offset;
    so.limit = (unsigned)o->limit;
    so.sort = o->sort;
    so.snippet_len = (unsigned)o->snippet_len;
    so.related = (unsigned)o->related;
    so.now = o->now;
    so.recent_days = (unsigned)o->recent_days;
    so.collapse = !o->no_collapse;
    so.suggest = !o->no_suggest;
    so.partial = o->partial;
    so.half_life_days = (unsigned)o->half_life;
    so.facets = o->facets;
    /* A writer that commits twice while this reads discards the revision
     * read (NS_STATUS_RETRY): read the newest and try again, as nsearchd
     * does, rather than fail a search during the nightly update. */
    ns_status_t st = NS_STATUS_RETRY;
    for (int tries = 0; st == NS_STATUS_RETRY && tries < NS_READ_RETRIES;
         tries++) {
        if (tries && ns_index_refresh(idx, NULL) != NS_STATUS_OK)
            break;
        st = o->related_to ? ns_related_to(idx, o->related_to, &so, res)
                           : ns_search(idx, &so, res);
    }
    return st;
}

/* Whether shard S of cluster IDX is down; its state (and the reason,
 * si->error) in *SI. */
static int shard_down(ns_index_t *idx, unsigned s, ns_shard_info_t *si)
{
    return ns_index_shard_info(idx, s, si) == NS_STATUS_OK && !si->up;
}

static int run_one(ns_index_t *idx, const struct options *o)
{
    ns_results_t *res;
    ns_status_t st = search(idx, o, o->query, &res);
    if (st == NS_STATUS_NOT_FOUND && o->related_to)
        return no_article(idx, o->related_to);
    if (st != NS_STATUS_OK)
        return nsearch_fail(nsearch_status_code(st), "search failed: %s: %s",
                            ns_status_to_string(st), ns_index_last_error(idx));
    if (ns_results_warning(res))
        ns_warn("%s", ns_results_warning(res));
    for (size_t i = 0; i < ns_results_missing_count(res); i++) {
        /* Why it is down: a replica that answers but holds another shard
         * is down as surely as one that is not running. */
        unsigned s = ns_results_missing(res, i);
        ns_shard_info_t si;
        if (shard_down(idx, s, &si) && *si.error)
            ns_warn("partial results: shard %u of the cluster is down (%s)", s,
                    si.error);
        else
            ns_warn("partial results: shard %u of the cluster is down", s);
    }
    if (o->json) {
        char *text =
            ns_results_to_json(res, o->related_to ? NULL : o->query, NULL);
        if (!text)
            ns_die("out of memory");
        puts(text);
        free(text);
    } else {
        print_text(res, idx, o, text_style(o));
    }
    ns_results_free(res);
    return EXIT_OK;
}

/* Why the answers could not be written (errno), kept from the flush that
 * failed: later calls find nothing to flush and leave errno alone, so that
 * --batch said "cannot write results: output error" and not why. */
static int write_errno;

/* Flush what was written to stdout; 0 when it could not be written. */
static int flushed(void)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 1;
    if (!write_errno)
        write_errno = errno;
    return 0;
}

/* Write TEXT, one answer of --batch, as a line and flush it; the write
 * that failed says why (a long answer is written past the buffer, by
 * puts). */
static void answer(const char *text)
{
    errno = 0;
    if (puts(text) == EOF && !write_errno)
        write_errno = errno;
    flushed();
}

/* The answer to a query that failed: its qid and why. */
static void batch_error(const char *qid, const char *why)
{
    json_t *o = json_pack("{s:s, s:s}", "qid", qid, "error", why);
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    if (!text)
        ns_die("out of memory");
    answer(text);
    free(text);
    json_decref(o);
}

/* The qid of LINE (LEN bytes, its newline cut), the LINENO-th of the
 * input, into QIDBUF (at least 32 bytes) or cut from LINE, and its query
 * into *QUERY: "qid<TAB>query", or just "query" (*WHOLE set) and the line
 * number is the qid. */
static const char *batch_qid(char *line, size_t len, unsigned long lineno,
                             char *qidbuf, char **query, int *whole)
{
    /* A query file saved by Excel or Notepad starts with a byte order
     * mark, which would otherwise be the first qid's first letter
     * ("\ufeffq1", that no join on "q1" finds). */
    char *start = line;
    if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        start += 3;
        len -= 3;
    }
    const char *qid = qidbuf;
    *query = start;
    /* The qid ends at the first tab, found by memchr: getline() keeps
     * NUL bytes, which strchr would stop at. */
    char *tab = memchr(start, '\t', len);
    if (tab && !memchr(start, '\0', (size_t)(tab - start))) {
        *tab = '\0';
        qid = start;
        *query = tab + 1;
    }
    *whole = *query == start;
    /* An empty qid ("\tquery") is the line number too: several such
     * lines would otherwise all answer as "". */
    if (qid != start || !*qid || !ns_utf8_valid(qid, strlen(qid))) {
        snprintf(qidbuf, 32, "%lu", lineno);
        qid = qidbuf;
    }
    return qid;
}

/* With no index to search, each line of the input answers WHY: a script
 * reading an answer per line read nothing at all, and a helper waiting for
 * its first answer waited on an empty pipe. */
static void batch_unanswered(const char *why)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    while ((len = getline(&line, &cap, stdin)) != -1 && !ferror(stdout)) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char qidbuf[32], *query;
        int whole;
        batch_error(batch_qid(line, (size_t)len, lineno, qidbuf, &query, &whole),
                    why);
    }
    free(line);
}

/* One query per line: "qid<TAB>query" or just "query" (its line number is
 * then the qid).  A failed query gives {"qid", "error"}, with the qid the
 * line gave, and the run goes on. */
static int run_batch(ns_index_t *idx, const struct options *o)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned long lineno = 0;
    int rc = EXIT_OK;
    double refreshed = ns_monotonic_s();
    while ((len = getline(&line, &cap, stdin)) != -1) {
        /* No answer can be written any more: main says why. */
        if (ferror(stdout))
            break;
        lineno++;
        /* A helper kept running for hours must not answer from the
         * version it opened: a correction, a deletion or a rebuild is
         * seen within a second, as nsearchd sees it.  A failed refresh
         * leaves the version open before usable (ns.h), so the answer
         * is only as stale as it would have been. */
        if (ns_monotonic_s() - refreshed >= 1.0) {
            ns_index_refresh(idx, NULL);
            refreshed = ns_monotonic_s();
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        char qidbuf[32], *query;
        int whole;
        const char *qid =
            batch_qid(line, (size_t)len, lineno, qidbuf, &query, &whole);
        /* Every string function would stop at a NUL: "oil\0price" would
         * quietly search for "oil".  Such a line is an error for its
         * query. */
        if (memchr(query, '\0', (size_t)(line + len - query))) {
            ns_error("<stdin>:%lu: NUL byte in query", lineno);
            batch_error(qid, "NUL byte in query");
            rc = EXIT_ERROR;
            continue;
        }
        if (!ns_utf8_valid(query, strlen(query))) {
            ns_error("<stdin>:%lu: invalid UTF-8 in query", lineno);
            batch_error(qid, "invalid UTF-8");
            rc = EXIT_ERROR;
            continue;
        }
        /* A tab after the one that ends the qid is a space, as on the
         * command line (a quote pasted with one). */
        ns_query_blanks(query);
        long control = ns_control_char(query, strlen(query));
        if (control >= 0) {
            ns_error("<stdin>:%lu: control character U+%04lX in query", lineno,
                     control);
            batch_error(qid, "control character in query");
            rc = EXIT_ERROR;
            continue;
        }
        /* Every line gets its answer, so that the nth answer is the nth
         * line's; a blank one is an error rather than the whole archive,
         * which no one asks for with an empty line.  An empty query after
         * a qid ("q3<TAB>") is asked for: every article, as nsearch ""
         * lists them (facets of the whole archive, --sort date). */
        if (whole && strspn(query, " ") == strlen(query)) {
            ns_error("<stdin>:%lu: empty query", lineno);
            batch_error(qid, "empty query");
            rc = EXIT_ERROR;
            continue;
        }
        ns_results_t *res;
        ns_status_t st = search(idx, o, query, &res);
        if (st != NS_STATUS_OK) {
            ns_error("<stdin>:%lu: search failed: %s", lineno,
                     ns_index_last_error(idx));
            batch_error(qid, ns_status_to_string(st));
            rc = EXIT_ERROR;
            continue;
        }
        if (ns_results_warning(res))
            ns_warn("<stdin>:%lu: %s", lineno, ns_results_warning(res));
        char *text = ns_results_to_json(res, query, qid);
        if (!text)
            ns_die("out of memory");
        /* Each answer as soon as it is made: on a pipe stdout is fully
         * buffered, and a program that writes a query and waits for its
         * answer (a coprocess) would wait for ever. */
        answer(text);
        free(text);
        ns_results_free(res);
    }
    free(line);
    return rc;
}

/* The character set of the user's locale (LC_ALL, LC_CTYPE, LANG) in
 * BUF, when it is neither UTF-8 nor ASCII (which says nothing of the
 * terminal): 1, else 0.  "Tromsø" typed on a Latin-1 terminal is not
 * UTF-8, and the error is clearer for saying why.  LC_CTYPE alone, and
 * only while the name is read: nothing else nsearch does depends on the
 * locale. */
static int terminal_charset(char *buf, size_t size)
{
    int other = 0;
    if (setlocale(LC_CTYPE, "")) {
        const char *cs = nl_langinfo(CODESET);
        other = cs && *cs && strcasecmp(cs, "UTF-8") != 0 &&
                strcasecmp(cs, "utf8") != 0 &&
                strcmp(cs, "ANSI_X3.4-1968") != 0 &&
                strcasecmp(cs, "US-ASCII") != 0;
        if (other)
            snprintf(buf, size, "%s", cs);
    }
    setlocale(LC_CTYPE, "C");
    return other;
}

static char *join_words(char **words, int n)
{
    ns_buf_t b = {0};
    if (ns_buf_puts(&b, "") < 0)
        return NULL;
    for (int i = 0; i < n; i++)
        if ((i && ns_buf_putc(&b, ' ') < 0) || ns_buf_puts(&b, words[i]) < 0) {
            ns_buf_free(&b);
            return NULL;
        }
    return b.p;
}

/* Whether ARG, which starts with a dash, is a query word rather than an
 * option.  getopt would read "-hillary" as -h (help), "-dollar" as
 * "--db ollar" and "-protest" as an invalid -p, yet "-word" is how the
 * query language excludes a word.  So the short options are only these
 * letters alone ("-n 5", never bundled as "-jn 5"), and "-n5", the one
 * attached value no exclusion looks like; any other dash and two or more
 * characters is a word.  A dash and one other character stays an option,
 * an unknown one an error: excluding one letter is no search anyone
 * means, and "-v" is a typo for an option. */
static int is_query_word(const char *arg)
{
    if (arg[0] != '-' || arg[1] == '\0')
        return 1; /* a word, or "-" alone */
    /* "-5", as "-5C": a minus sign before a number (README "Query
     * language"), no option; none is a digit. */
    if (arg[1] >= '0' && arg[1] <= '9')
        return 1;
    if (arg[1] == '-' || arg[2] == '\0')
        return 0; /* --long, or -x */
    if (arg[1] == 'n' && strspn(arg + 2, "0123456789") == strlen(arg + 2))
        return 0; /* -n5 */
    return 1;
}

/* Whether WORD, after a bare --facets, was meant as its LIST though it is
 * none: letters and commas with a comma in it ("sectoin,year"), or one
 * edit from a facet's name ("yaer"). */
static int looks_like_facets(const char *word)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ,";
    if (strchr(word, ',') && strspn(word, letters) == strlen(word))
        return 1;
    return ns_facet_name_near(word);
}

static void facets_error(const char *list, int next_word)
{
    ns_usage_error("--facets takes names from section, decade, year, month, "
                   "lang, tag, author and all, separated by commas, not '%s'%s",
                   list,
                   next_word ? " (to search for the word, give --facets=all)"
                             : "");
}

/* One case per option, beside the option table: split, the table and its
 * handling would only drift apart.  --help and --version exit here.  The
 * QUERY words, wherever they stand among the options, go to WORDS (room
 * for ARGC), their number to *NWORDS. */
static void parse_options(int argc, char **argv, struct options *o,
                          char **words, int *nwords)
{
    enum {
        OPT_OFFSET = 256,
        OPT_BATCH,
        OPT_SNIPPET,
        OPT_RELATED,
        OPT_COLOR,
        OPT_VERSION,
        OPT_RELATED_TO,
        OPT_NOW,
        OPT_RECENT,
        OPT_NO_COLLAPSE,
        OPT_NO_SUGGEST,
        OPT_PARTIAL,
        OPT_HALF_LIFE,
        OPT_FACETS,
        OPT_SHOW
    };
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"limit", required_argument, NULL, 'n'},
        {"offset", required_argument, NULL, OPT_OFFSET},
        {"sort", required_argument, NULL, 's'},
        {"json", no_argument, NULL, 'j'},
        {"batch", no_argument, NULL, OPT_BATCH},
        {"snippet-len", required_argument, NULL, OPT_SNIPPET},
        {"related", required_argument, NULL, OPT_RELATED},
        {"related-to", required_argument, NULL, OPT_RELATED_TO},
        {"show", required_argument, NULL, OPT_SHOW},
        {"now", required_argument, NULL, OPT_NOW},
        {"recent-days", required_argument, NULL, OPT_RECENT},
        {"no-collapse", no_argument, NULL, OPT_NO_COLLAPSE},
        {"no-suggest", no_argument, NULL, OPT_NO_SUGGEST},
        {"partial", no_argument, NULL, OPT_PARTIAL},
        {"half-life", required_argument, NULL, OPT_HALF_LIFE},
        {"facets", optional_argument, NULL, OPT_FACETS},
        {"color", required_argument, NULL, OPT_COLOR},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    /* "+": getopt stops at the first word rather than move the words to
     * the end; the loop takes each word itself, so that getopt only ever
     * sees the options (is_query_word). */
    static const char short_opts[] = "+d:n:s:jh";
    int c;
    *nwords = 0;
    for (;;) {
        if (optind >= argc)
            break;
        if (strcmp(argv[optind], "--") == 0) {
            /* Everything after "--" is the query, as usual. */
            for (optind++; optind < argc; optind++)
                words[(*nwords)++] = argv[optind];
            break;
        }
        if (is_query_word(argv[optind])) {
            words[(*nwords)++] = argv[optind++];
            continue;
        }
        /* getopt echoes an unknown option as it is; one with a control
         * character ("--\e[2J") gets the cleaned message instead. */
        if (ns_control_char(argv[optind], strlen(argv[optind])) >= 0)
            ns_usage_error("unrecognized option '%s'", argv[optind]);
        c = getopt_long(argc, argv, short_opts, long_opts, NULL);
        if (c == -1)
            break;
        switch (c) {
        case 'd':
            /* An empty --db (an unset $DB) is not the default index. */
            if (!*optarg)
                ns_usage_error("--db needs a directory, not ''");
            o->db = optarg;
            break;
        case 'n':
            if (ns_parse_long(optarg, 0, 10000, &o->limit) < 0)
                ns_usage_error(
                    "--limit needs a number from 0 to 10000, not '%s'", optarg);
            break;
        case OPT_OFFSET:
            if (ns_parse_long(optarg, 0, 1000000000, &o->offset) < 0)
                ns_usage_error(
                    "--offset needs a number from 0 to 1000000000, not '%s'",
                    optarg);
            break;
        case 's':
            if (strcmp(optarg, "relevance") == 0)
                o->sort = NS_SORT_RELEVANCE;
            else if (strcmp(optarg, "date") == 0)
                o->sort = NS_SORT_DATE;
            else if (strcmp(optarg, "recent") == 0)
                o->sort = NS_SORT_RECENT;
            else if (strcmp(optarg, "oldest") == 0)
                o->sort = NS_SORT_OLDEST;
            else
                ns_usage_error(
                    "--sort is relevance, date, oldest or recent, not '%s'",
                    optarg);
            break;
        case 'j':
            o->json = 1;
            break;
        case OPT_BATCH:
            o->batch = 1;
            break;
        case OPT_SNIPPET:
            if (ns_parse_long(optarg, 0, 10000, &o->snippet_len) < 0)
                ns_usage_error(
                    "--snippet-len needs a number from 0 to 10000, not "
                    "'%s'",
                    optarg);
            break;
        case OPT_RELATED:
            if (ns_parse_long(optarg, 0, 100, &o->related) < 0)
                ns_usage_error(
                    "--related needs a number from 0 to 100, not '%s'", optarg);
            break;
        case OPT_RELATED_TO:
            /* An empty id (an unset $ID) is no article's: a usage error,
             * as an empty --db, not "no article with id ''". */
            if (!*optarg)
                ns_usage_error("--related-to needs an article id, not ''");
            o->related_to = optarg;
            break;
        case OPT_SHOW:
            /* An empty ID (an unset $ID) names no article anyone meant. */
            if (!*optarg)
                ns_usage_error("--show needs an article id, not ''");
            o->show = optarg;
            break;
        case OPT_NO_COLLAPSE:
            o->no_collapse = 1;
            break;
        case OPT_NO_SUGGEST:
            o->no_suggest = 1;
            break;
        case OPT_PARTIAL:
            o->partial = 1;
            break;
        case OPT_HALF_LIFE:
            if (ns_parse_long(optarg, 1, 3650, &o->half_life) < 0)
                ns_usage_error(
                    "--half-life needs a number of days from 1 to 3650, not "
                    "'%s'",
                    optarg);
            break;
        case OPT_FACETS:
            /* "--facets section,month" as well as "--facets=section,month":
             * the next word is the list when it is one (facet names and
             * commas only); "--facets" alone counts them all.  A next word
             * that is nearly a list ("sectoin,year", "yaer") is a typo of
             * one, which searched would change the search: an error, as
             * the "=" form's. */
            if (optarg) {
                if (ns_facets_parse(optarg, &o->facets) < 0)
                    facets_error(optarg, 0);
            } else if (optind < argc &&
                       ns_facets_parse(argv[optind], &o->facets) == 0) {
                optind++;
            } else if (optind < argc && looks_like_facets(argv[optind])) {
                facets_error(argv[optind], 1);
            } else {
                o->facets = NS_FACET_ALL;
            }
            break;
        case OPT_NOW:
            if (ns_date_parse(optarg, &o->now) < 0)
                ns_usage_error("--now needs a date like 2025-08-15 or "
                               "2025-08-15T10:00:00Z, not '%s'",
                               optarg);
            break;
        case OPT_RECENT:
            if (ns_parse_long(optarg, 0, 36500, &o->recent_days) < 0)
                ns_usage_error(
                    "--recent-days needs a number from 0 to 36500, not "
                    "'%s'",
                    optarg);
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") == 0)
                o->color = COLOR_AUTO;
            else if (strcmp(optarg, "always") == 0)
                o->color = COLOR_ALWAYS;
            else if (strcmp(optarg, "never") == 0)
                o->color = COLOR_NEVER;
            else
                ns_usage_error("--color is auto, always or never, not '%s'",
                               optarg);
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_OK);
        case OPT_VERSION:
            printf("nsearch %s\n", NS_VERSION);
            exit(EXIT_OK);
        default:
            fprintf(stderr, "Try 'nsearch --help'.\n");
            exit(EXIT_USAGE);
        }
    }
}

int main(int argc, char **argv)
{
    struct options o = {
        .limit = 10,
        .offset = 0,
        .sort = NS_SORT_RELEVANCE,
        .snippet_len = 200,
        .related = 5,
        .now = NS_NOW_NEWEST,
        .recent_days = 30,
        .color = COLOR_AUTO,
    };
    ns_std_fds_open();
    ns_stdout_checked();
    ns_set_progname("nsearch");
    char **words = calloc((size_t)argc + 1, sizeof *words);
    int nwords;
    if (!words)
        ns_die("out of memory");
    parse_options(argc, argv, &o, words, &nwords);
    if (o.batch && nwords)
        ns_usage_error("%s",
                       "--batch reads queries from standard input; give no "
                       "QUERY");
    /* --show is another answer, not a search: the options that shape a
     * search (--limit, --sort, --facets...) are ignored, as --related-to
     * ignores them, so an alias that sets some still works; those that
     * ask for another answer are an error. */
    if (o.show && (o.batch || o.related_to || nwords))
        ns_usage_error("%s", "--show takes no QUERY, no --batch and no "
                             "--related-to");
    if (o.related_to && (o.batch || nwords))
        ns_usage_error("%s", "--related-to takes no QUERY and no --batch");
    if (!o.batch && !o.related_to && !o.show && !nwords)
        ns_usage_error("%s", "no QUERY given");
    /* --half-life sets how fast --sort recent's bonus for newness fades
     * (README): with another order it changed nothing, and nothing said
     * so. */
    if (o.half_life && o.sort != NS_SORT_RECENT && !o.show && !o.related_to)
        ns_warn("%s", "--half-life is read with --sort recent only; it was "
                      "ignored: add --sort recent");
    if (!o.batch && !o.related_to && !o.show) {
        o.query = join_words(words, nwords);
        if (!o.query)
            ns_die("out of memory");
        if (!ns_utf8_valid(o.query, strlen(o.query))) {
            char charset[64];
            if (terminal_charset(charset, sizeof charset))
                ns_usage_error("the query is not valid UTF-8 (the "
                               "terminal's character set is %s; nsearch "
                               "reads and writes UTF-8)",
                               charset);
            ns_usage_error("%s", "the query is not valid UTF-8");
        }
        /* As nsearchd refuses q with one (400): a control character is
         * no part of a query, and echoing one back (an escape sequence)
         * would write it to the terminal.  But a tab, a line feed or a
         * carriage return is a space: a quote copied from a PDF, an
         * e-mail or a text box of several lines has them between its
         * words. */
        ns_query_blanks(o.query);
        long control = ns_control_char(o.query, strlen(o.query));
        if (control >= 0)
            ns_usage_error("the query contains the control character U+%04lX",
                           control);
    }

    /* From here on an error is the search's, no usage error: under
     * --json it is JSON on stdout too, as nsearchd answers one. */
    nsearch_json_errors(o.json && !o.batch);
    if (o.batch)
        nsearch_batch_errors(batch_unanswered);
    ns_index_t *idx = ns_open_index(o.db);
    int rc = o.show    ? show_article(idx, &o, text_style(&o))
             : o.batch ? run_batch(idx, &o)
                       : run_one(idx, &o);
    ns_index_close(idx);
    free(o.query);
    free(words);
    /* The results' own message, with why; _exit, as the results that
     * could not be written are still buffered, and ns_stdout_checked()
     * would try them again and say so twice. */
    if (!flushed()) {
        ns_error("cannot write results: %s",
                 write_errno ? strerror(write_errno) : "output error");
        _exit(EXIT_ERROR);
    }
    return rc;
}
