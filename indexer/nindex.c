/* nindex.c - Add, update, rebuild and roll back an nsearch index: main,
 * the options and the summary line.  The checks of --db DIR and the
 * writer lock are in dbdir.c, the modes in update.c, delete.c and
 * rebuild.c, the reading of the SOURCEs in sources.c.
 *
 * nindex [--db DIR] [--update] [--prune] SOURCE...   (the default mode)
 * nindex [--db DIR] --rebuild [--jobs N] [--keep N] [--force] SOURCE...
 * nindex [--db DIR] --delete ID...
 * nindex [--db DIR] --rollback
 * nindex [--db DIR] --export-spelling DEST
 *
 * Every mode takes the writer lock of DIR first: one writer at a time.  A
 * rebuild writes a new generation beside the live one and publishes it
 * with one rename; see common/gen.c for the layout. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nindex.h"

static void on_signal(int sig)
{
    (void)sig;
    ns_interrupted = 1;
}

/* The stop() of ns_lock(): SIGINT or SIGTERM came while waiting. */
static int stop_requested(void)
{
    return ns_interrupted;
}

static void usage(FILE *out)
{
    fprintf(
        out,
        "Usage: nindex [--db DIR] [options] SOURCE...        add or update\n"
        "       nindex [--db DIR] --rebuild [options] SOURCE...\n"
        "       nindex [--db DIR] --delete ID...\n"
        "       nindex [--db DIR] --rollback\n"
        "       nindex [--db DIR] --export-spelling DEST\n"
        "Add, update or rebuild an nsearch index (manual: nindex(1)).\n"
        "\n"
        "A SOURCE is a file, a directory (read recursively) or - for\n"
        "standard input.  Files, told apart by name and content: JSON\n"
        "Lines or a JSON array (.jsonl, .ndjson, .json, gzipped too; the\n"
        "WordPress REST API's posts too), RSS, Atom, JSON Feed and\n"
        "WordPress (WXR) feeds, NITF stories, HTML\n"
        "article pages, text or Markdown with a front-matter header (.md,\n"
        ".markdown, .txt).\n"
        "Standard input is JSON Lines, or a JSON array or pretty-printed\n"
        "JSON; give a feed or a page as a file.\n"
        "\n"
        "Modes:\n"
        "  -u, --update          add new articles, replace changed ones, skip\n"
        "                        unchanged ones (the default)\n"
        "      --prune           with --update: also delete articles whose "
        "ids\n"
        "                        are not in the SOURCEs (see the limits "
        "below)\n"
        "  -r, --rebuild         build a new generation from the SOURCEs\n"
        "                        beside the live one, check it, publish it\n"
        "      --delete          delete the articles with the given IDs\n"
        "                        (from the kept generations too)\n"
        "      --rollback        make the previous generation live again,\n"
        "                        saying what that undoes\n"
        "      --export-spelling DEST  write the spelling dictionary (for\n"
        "                        did-you-mean) to the single file DEST, for\n"
        "                        a cluster's front; replaces DEST only if\n"
        "                        it is a previous export, in one rename\n"
        "\n"
        "Options:\n"
        "  -d, --db DIR          index directory (default: $NSEARCH_DB, else\n"
        "                        $XDG_DATA_HOME/nsearch/db or\n"
        "                        ~/.local/share/nsearch/db)\n"
        "      --dry-run         with --update (and --prune) or --delete:\n"
        "                        count what would be added, replaced, left\n"
        "                        unchanged and deleted; change nothing\n"
        "      --max-delete N    refuse a prune or --delete deleting more\n"
        "                        than N articles, or a rebuild leaving\n"
        "                        out more live ones (default 1000)\n"
        "      --max-delete-share P  ... or more than P%% of the articles\n"
        "                        live before the run (default 20%%)\n"
        "      --keep-deleted DAYS  keep what --prune, --delete and a\n"
        "                        rebuild delete\n"
        "                        in DIR/deleted/*.jsonl.gz this long\n"
        "                        (default 30; 0: not kept); to undo, index\n"
        "                        the file: nindex --db DIR FILE\n"
        "  -j, --jobs N          rebuild with N parallel shards (default 2)\n"
        "      --keep N          generations to keep after a rebuild (default\n"
        "                        2: the live one and one to roll back to)\n"
        "      --force           publish a rebuild even if it has fewer than\n"
        "                        half the live index's articles, is over the\n"
        "                        --max-delete limits, lacks live articles\n"
        "                        after skipped records, read a file only in\n"
        "                        part, had a SOURCE with no articles or its\n"
        "                        canary is not found (a warning); prune or\n"
        "                        --delete over the --max-delete limits, and\n"
        "                        prune past a file that gave no article\n"
        "      --replace-stale   apply records older by their updated time\n"
        "                        than the article indexed (or than an\n"
        "                        earlier copy read), which are otherwise\n"
        "                        kept out as stale: after a date set wrong\n"
        "                        in the future\n"
        "      --wait SECONDS    wait for another writer to finish (default:\n"
        "                        give up at once with exit status 75)\n"
        "      --commit-every N  commit after every N articles (default 1000)\n"
        "      --lang CODE       the language of articles whose source names\n"
        "                        none (a record's lang, a feed's or a page's\n"
        "                        language win), read as a record's lang is:\n"
        "                        nb, nb_NO, Norwegian, de (default: the one\n"
        "                        the index was built with, else en); the\n"
        "                        index keeps it, and only --rebuild changes\n"
        "                        it\n"
        "      --shard I/N       index only shard I (0 to N-1) of an archive\n"
        "                        split over N: the articles whose id hashes\n"
        "                        there (FNV-1a 64 of the id, modulo N); the\n"
        "                        index keeps I/N and later runs must match\n"
        "  -q, --quiet           no progress and no summary line\n"
        "  -v, --verbose         also say each warning of a file past the\n"
        "                        first few, and each article indexed without\n"
        "                        stemming\n"
        "  -h, --help            show this help\n"
        "      --version         show the version\n"
        "\n"
        "A prune is never done from a SOURCE that holds no record at all\n"
        "(an unmounted archive), nor when a record was skipped or a SOURCE\n"
        "could not be read: its articles would be deleted by mistake; nor,\n"
        "without --force, when a file of articles gave none.\n"
        "\n"
        "Exit status:\n"
        "  0   done\n"
        "  1   error (the index could not be opened or written, a SOURCE\n"
        "      does not exist, DIR holds files but no index; --delete or\n"
        "      --rollback: no index at DIR; --delete: a kept generation\n"
        "      could not be written); articles committed before it are kept\n"
        "  2   usage error; --export-spelling onto something that is not\n"
        "      a previous export; an update with a --lang or --shard\n"
        "      other than the index's (nothing is changed)\n"
        "  3   done, but some records were skipped (each reported as\n"
        "      FILE:LINE: reason on stderr); --delete: an ID named no article\n"
        "  4   updated, but --prune was not done: records were skipped,\n"
        "      or a file of articles gave none (an export that failed?)\n"
        "  5   updated, but --prune was refused (or --delete was, or the\n"
        "      deletions records and drafts asked for): it would delete\n"
        "      more than --max-delete or --max-delete-share, or a SOURCE\n"
        "      was empty; nothing was deleted\n"
        "  65  a rebuild was refused by validation; the old index stays live\n"
        "  75  the index is locked by another nindex, or by a backup under\n"
        "      flock(1); try again later\n"
        "With --dry-run the status is the one the real run would have.\n");
}

/* ------------------------------------------------------------------------ */
/* main                                                                     */
/* ------------------------------------------------------------------------ */

static const char *const MODE_NAMES[] = {"update", "rebuild", "delete",
                                         "rollback", "export-spelling"};

/* Does FILE begin as a cluster file does: its first line that is not
 * blank or a comment starts with one of its keywords (README "Scaling")?
 * A file of articles given as --db is told it is no index directory. */
static int cluster_like(const char *file)
{
    static const char *const keys[] = {"shard",          "spelling", "synonyms",
                                       "timeout",        "refresh",  "partial",
                                       "connect-timeout"};
    FILE *f = fopen(file, "r");
    char line[512];
    int found = 0, done = 0;
    while (f && !done && fgets(line, sizeof line, f)) {
        const char *p = line + strspn(line, " \t");
        if (*p == '#' || *p == '\n' || *p == '\r' || *p == '\0')
            continue;
        size_t n = strcspn(p, " \t\r\n");
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
            found |= n == strlen(keys[i]) && !strncmp(p, keys[i], n);
        done = 1;
    }
    if (f)
        fclose(f);
    return found;
}

/* The note on a DB that did not exist (FRESH) that ends the summary:
 * a typo in a nightly job's --db built a second index every night, exit
 * 0, while the one served went stale.  DROP: the run made nothing of it.
 * A dry run says what the real run would. */
static void say_fresh(int fresh, int drop, int dry_run, const char *db)
{
    if (!fresh)
        return;
    if (dry_run)
        printf(drop ? "; '%s' does not exist and would not be made"
                    : "; would be a new index: '%s' does not exist",
               db);
    else
        printf(drop ? "; '%s' did not exist and is not made"
                    : "; a new index: '%s' did not exist",
               db);
}

static int run(struct options *o)
{
    char *db = ns_db_path(o->db);
    if (!db)
        ns_die("no index location: give --db DIR or set NSEARCH_DB");
    struct stat st;
    if (stat(db, &st) == 0 && S_ISREG(st.st_mode)) {
        /* A cluster file (README "Scaling") is searched, never written. */
        if (o->mode == MODE_EXPORT)
            ns_error("'%s' is a cluster file: export each shard's own index "
                     "on its host",
                     db);
        else if (cluster_like(db))
            ns_error("'%s' is a cluster file: index each shard's own "
                     "directory with --shard I/N",
                     db);
        else
            ns_error("'%s' is a file, not an index directory: --db names "
                     "the index, the SOURCEs what to read (a cluster file is "
                     "searched, not written: index each shard's own "
                     "directory with --shard I/N)",
                     db);
        free(db);
        return EXIT_ERROR;
    }
    /* An export reads only, as a search does: no lock, no cleaning. */
    if (o->mode == MODE_EXPORT) {
        int rc = ns_run_export(db, o);
        free(db);
        return rc;
    }
    /* Before the lock: a stop while --wait waits for it is answered
     * with exit 1, as the README says of an interrupted run; the signal
     * used to end nindex (exit 143). */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* Past a file size limit (ulimit -f) a write fails with EFBIG and
     * takes the way of a full disk, rather than end nindex with no word
     * (SIGXFSZ, exit 153) mid-commit. */
    signal(SIGXFSZ, SIG_IGN);

    /* The dry run checks DIR as the real run does, and says the same:
     * its status is the real run's.  It makes nothing, takes no lock. */
    struct dbdir dir;
    if (ns_dbdir_check(db, &dir) < 0) {
        free(db);
        return EXIT_ERROR;
    }
    /* Only an update or a rebuild makes an index: an id to delete, or a
     * generation to go back to, in a DIR that is not there is a wrong
     * --db (exit 1), not an article deleted already (exit 3). */
    if (dir.fresh && (o->mode == MODE_DELETE || o->mode == MODE_ROLLBACK)) {
        ns_error("no index at '%s'", db);
        free(db);
        return EXIT_ERROR;
    }
    int fresh = dir.fresh;
    int lock =
        o->dry_run ? -1
                   : ns_dbdir_lock(db, &dir, MODE_NAMES[o->mode], o->wait,
                                   stop_requested);
    if (lock < 0 && !o->dry_run) {
        int rc = errno == EWOULDBLOCK ? EXIT_BUSY : EXIT_ERROR;
        free(db);
        return rc;
    }
    if (!o->dry_run) {
        /* Before the clean, which removes a generation never live. */
        char was[64], top[64];
        if (ns_gen_mend_last(db, was, sizeof was, top, sizeof top) == 1)
            ns_warn("'%s/last-generation' %s%s%s (removed, or restored from "
                    "an older copy?): numbering goes on after %s, the highest "
                    "there; one above it that is gone may get its number again",
                    db, *was ? "said " : "was missing", was,
                    *was ? ", behind the generations there" : "", top);
        ns_gen_clean(db); /* under the lock: what a dead writer left */
        ns_undo_check(db);
    }

    /* --shard and the index must agree before anything is read. */
    int shard_rc = EXIT_OK;
    if (o->mode == MODE_DELETE)
        ns_shard_adopt(db, o);
    if (o->mode == MODE_UPDATE || o->mode == MODE_REBUILD ||
        (o->mode == MODE_DELETE && o->shard_count))
        shard_rc = ns_shard_check(db, o);
    /* And --lang: the default the articles already in were stemmed in. */
    if (shard_rc == EXIT_OK &&
        (o->mode == MODE_UPDATE || o->mode == MODE_REBUILD))
        shard_rc = ns_default_lang_check(db, o);
    if (shard_rc != EXIT_OK) {
        if (lock >= 0) {
            ns_dbdir_drop(db, &dir);
            ns_unlock(lock);
        }
        free(db);
        return shard_rc;
    }

    struct counts c = {0};
    struct progress pr = {.on = !o->quiet && ns_terminal_escapes(2, 0),
                          .start = ns_monotonic_s()};
    char published[300] = "";
    ns_buf_t undone = {0}; /* what a rollback undid */
    int rc;
    ns_stemless_start(o->verbose);
    switch (o->mode) {
    case MODE_REBUILD:
        rc = ns_run_rebuild(db, o, &c, &pr, published, sizeof published);
        break;
    case MODE_DELETE:
        rc = ns_run_delete(db, o, &c);
        break;
    case MODE_ROLLBACK:
        rc = ns_run_rollback(db, published, sizeof published, &undone);
        break;
    default:
        rc = ns_run_update(db, o, &c, &pr);
        break;
    }
    ns_progress_clear(&pr);
    c.warnings += ns_stemless_report(&pr);

    /* A new index that got nothing (its one SOURCE mistyped, every
     * record bad, or a SOURCE empty) is not left behind: it answered "No
     * matches", exit 0, where "no index ... Build one with" says what
     * happened.  An empty SOURCE is no failure, and its run keeps its
     * exit status (0): a site's first run before its first post makes
     * the index with the run that reads one, and nsearchd answers
     * no_index until then.  Made by this run (FRESH: the path did not
     * exist), it holds nothing else. */
    int drop = fresh && c.added == 0 && c.replaced == 0;
    double secs = ns_monotonic_s() - pr.start;
    unsigned long done = c.added + c.replaced + c.unchanged;
    if (!o->quiet && o->mode == MODE_ROLLBACK && rc == EXIT_OK) {
        printf("nindex: rollback: %s is live%s\n", published,
               undone.p ? undone.p : "");
    } else if (!o->quiet && o->mode == MODE_REBUILD && !o->dry_run &&
               !*published) {
        /* Its counts are of a build that is not the index: not "added".
         * What was read, not what the shards took: a shard that failed
         * (a full disk) takes no more, and the reader reads on. */
        printf("nindex: rebuild: nothing published: the live index is "
               "unchanged (the build read %lu articles, %lu skipped, %lu "
               "ignored, in %.2f s)",
               c.read, c.skipped, c.ignored, secs);
        say_fresh(fresh, drop, o->dry_run, db);
        putchar('\n');
    } else if (!o->quiet && o->mode != MODE_ROLLBACK) {
        printf("nindex: %s%s: %lu added, %lu replaced, %lu unchanged, %lu "
               "deleted, %lu skipped, %lu ignored in %.2f s (%.0f "
               "articles/s)",
               MODE_NAMES[o->mode], o->dry_run ? " (dry run)" : "", c.added,
               c.replaced, c.unchanged, c.deleted, c.skipped, c.ignored, secs,
               secs > 0 ? done / secs : 0.0);
        /* A warning is an article kept with something left out of it, or
         * an id read twice: the line above them on stderr scrolls by in a
         * cron mail or a journal, the count here does not. */
        if (c.stale)
            printf("; %lu stale (older than the article indexed: kept the "
                   "newer)",
                   c.stale);
        if (c.warnings)
            printf("; %lu warning%s", c.warnings, c.warnings == 1 ? "" : "s");
        say_fresh(fresh, drop, o->dry_run, db);
        if (o->shard_count)
            printf("; shard %u/%u: %lu of other shards passed over",
                   o->shard_index, o->shard_count, c.other_shard);
        if (c.kept_deleted)
            printf("; %lu also deleted from %lu kept generation%s",
                   c.kept_deleted, c.kept_gens, c.kept_gens == 1 ? "" : "s");
        if (*published)
            printf("; published %s", published);
        putchar('\n');
    }
    ns_buf_free(&undone);
    /* Under the lock: a writer that waited for it opens it again. */
    if (lock >= 0 && (drop || !fresh))
        ns_dbdir_drop(db, &dir);
    if (lock >= 0)
        ns_unlock(lock);
    free(db);
    return rc;
}

static void check_options(struct options *o, int n_args, char **args);

/* A percentage: "20" or "20%", from 0 to 100. */
static int parse_percent(const char *text, long *out)
{
    char digits[16];
    size_t len = strlen(text);
    if (len && text[len - 1] == '%')
        len--;
    if (len == 0 || len >= sizeof digits)
        return -1;
    memcpy(digits, text, len);
    digits[len] = '\0';
    return ns_parse_long(digits, 0, 100, out);
}

/* One case per option, beside the option table: split, the table and its
 * handling would only drift apart.  --help and --version exit here. */
static void parse_options(int argc, char **argv, struct options *o)
{
    enum {
        OPT_PRUNE = 256,
        OPT_DELETE,
        OPT_ROLLBACK,
        OPT_KEEP,
        OPT_FORCE,
        OPT_REPLACE_STALE,
        OPT_WAIT,
        OPT_COMMIT,
        OPT_DRY_RUN,
        OPT_MAX_DELETE,
        OPT_MAX_SHARE,
        OPT_KEEP_DELETED,
        OPT_SHARD,
        OPT_EXPORT,
        OPT_LANG,
        OPT_VERSION
    };
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"update", no_argument, NULL, 'u'},
        {"prune", no_argument, NULL, OPT_PRUNE},
        {"rebuild", no_argument, NULL, 'r'},
        {"delete", no_argument, NULL, OPT_DELETE},
        {"rollback", no_argument, NULL, OPT_ROLLBACK},
        {"jobs", required_argument, NULL, 'j'},
        {"keep", required_argument, NULL, OPT_KEEP},
        {"force", no_argument, NULL, OPT_FORCE},
        {"replace-stale", no_argument, NULL, OPT_REPLACE_STALE},
        {"wait", required_argument, NULL, OPT_WAIT},
        {"commit-every", required_argument, NULL, OPT_COMMIT},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"max-delete", required_argument, NULL, OPT_MAX_DELETE},
        {"max-delete-share", required_argument, NULL, OPT_MAX_SHARE},
        {"keep-deleted", required_argument, NULL, OPT_KEEP_DELETED},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"export-spelling", required_argument, NULL, OPT_EXPORT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    static const char short_opts[] = "d:urj:qvh";
    int modes = 0;
    long wait = 0;
    int c;
    while ((c = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            /* An empty --db (an unset $DB) is not the default index. */
            if (!*optarg)
                ns_usage_error("--db needs a directory, not ''");
            o->db = optarg;
            break;
        case 'u':
            o->mode = MODE_UPDATE;
            modes++;
            break;
        case 'r':
            o->mode = MODE_REBUILD;
            modes++;
            break;
        case OPT_DELETE:
            o->mode = MODE_DELETE;
            modes++;
            break;
        case OPT_ROLLBACK:
            o->mode = MODE_ROLLBACK;
            modes++;
            break;
        case OPT_EXPORT:
            if (!*optarg)
                ns_usage_error("%s", "--export-spelling needs a file name");
            o->mode = MODE_EXPORT;
            o->export_dest = optarg;
            modes++;
            break;
        case OPT_PRUNE:
            o->prune = 1;
            break;
        case OPT_FORCE:
            o->force = 1;
            break;
        case OPT_REPLACE_STALE:
            o->replace_stale = 1;
            break;
        case 'j':
            if (ns_parse_long(optarg, 1, 64, &o->jobs) < 0)
                ns_usage_error("--jobs needs a number from 1 to 64, not '%s'",
                               optarg);
            break;
        case OPT_KEEP:
            if (ns_parse_long(optarg, 1, 1000, &o->keep) < 0)
                ns_usage_error("--keep needs a number from 1 to 1000, not '%s'",
                               optarg);
            break;
        case OPT_WAIT:
            if (ns_parse_long(optarg, 0, 86400, &wait) < 0)
                ns_usage_error("--wait needs seconds from 0 to 86400, not '%s'",
                               optarg);
            o->wait = (double)wait;
            break;
        case OPT_COMMIT:
            if (ns_parse_long(optarg, 1, 10000000, &o->commit_every) < 0)
                ns_usage_error("--commit-every needs a number from 1 to "
                               "10000000, not '%s'",
                               optarg);
            break;
        case OPT_DRY_RUN:
            o->dry_run = 1;
            break;
        case OPT_MAX_DELETE:
            if (ns_parse_long(optarg, 0, 1000000000, &o->max_delete) < 0)
                ns_usage_error("--max-delete needs a number from 0, not '%s'",
                               optarg);
            break;
        case OPT_MAX_SHARE:
            if (parse_percent(optarg, &o->max_delete_pct) < 0)
                ns_usage_error("--max-delete-share needs a percentage from 0 "
                               "to 100 such as 20%%, not '%s'",
                               optarg);
            break;
        case OPT_KEEP_DELETED:
            if (ns_parse_long(optarg, 0, 36500, &o->keep_deleted_days) < 0)
                ns_usage_error("--keep-deleted needs days from 0 to 36500, "
                               "not '%s'",
                               optarg);
            break;
        case OPT_SHARD:
            if (ns_shard_parse(optarg, o) < 0)
                ns_usage_error("--shard needs I/N, shard I of N with 0 <= I "
                               "< N <= %d, not '%s'",
                               NS_MAX_SHARDS, optarg);
            break;
        case OPT_LANG:
            if (ns_default_lang_parse(optarg, o) < 0)
                ns_usage_error("--lang needs a language nsearch stems, as a "
                               "code or a name (en, nb, nn, sv, de, "
                               "Norwegian, ...), not '%s'",
                               optarg);
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case 'h':
            usage(stdout);
            exit(EXIT_OK);
        case OPT_VERSION:
            printf("nindex %s\n", NS_VERSION);
            exit(EXIT_OK);
        default:
            fprintf(stderr, "Try 'nindex --help'.\n");
            exit(EXIT_USAGE);
        }
    }
    if (modes > 1)
        ns_usage_error("%s",
                       "give one of --update, --rebuild, --delete, --rollback, "
                       "--export-spelling");
    check_options(o, argc - optind, argv + optind);
}

/* What the options mean together, and the arguments. */
static void check_options(struct options *o, int n_args, char **args)
{
    if (o->prune && o->mode != MODE_UPDATE)
        ns_usage_error("%s", "--prune goes with --update");
    if (o->dry_run && o->mode != MODE_UPDATE && o->mode != MODE_DELETE)
        ns_usage_error("%s", "--dry-run goes with --update or --delete");
    o->args = args;
    o->n_args = n_args;
    if (o->mode == MODE_ROLLBACK && o->n_args)
        ns_usage_error("%s", "--rollback takes no arguments");
    if (o->mode == MODE_EXPORT && o->n_args)
        ns_usage_error("%s", "--export-spelling takes no SOURCE");
    if (o->mode == MODE_EXPORT && o->shard_count)
        ns_usage_error("%s", "--export-spelling takes no --shard: the copy "
                             "records the index's own");
    if (o->lang_given && o->mode != MODE_UPDATE && o->mode != MODE_REBUILD)
        ns_usage_error("%s", "--lang goes with --update or --rebuild");
    if (o->replace_stale && o->mode != MODE_UPDATE && o->mode != MODE_REBUILD)
        ns_usage_error("%s", "--replace-stale goes with --update or --rebuild");
    if (o->mode == MODE_DELETE && !o->n_args)
        ns_usage_error("%s", "--delete needs at least one ID");
    if ((o->mode == MODE_UPDATE || o->mode == MODE_REBUILD) && !o->n_args)
        ns_usage_error("%s", "no SOURCE given");
}

int main(int argc, char **argv)
{
    struct options o = {
        .mode = MODE_UPDATE,
        .jobs = 2,
        .keep = 2,
        .commit_every = 1000,
        .max_delete = 1000,
        .max_delete_pct = 20,
        .keep_deleted_days = 30,
        .wait = 0,
    };
    ns_std_fds_open();
    ns_stdout_checked();
    ns_set_progname("nindex");
    parse_options(argc, argv, &o);
    return run(&o);
}
