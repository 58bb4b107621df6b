/* dirwalk.c - The files of a source directory, for the readers (reader.c):
 * in name order at each level, hidden entries skipped, editors' backups,
 * a Jekyll site's own directories and index directories passed over,
 * symbolic links followed, and each directory read once.  What is left
 * out on purpose (a second way into a directory, an index) is handed to
 * the caller to report. */
#include <dirent.h>
#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ingest.h"

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int ns_walk_push(ns_walk_t *w, const char *path)
{
    char **grown = realloc(w->files, (w->n_files + 1) * sizeof *w->files);
    if (!grown)
        return -1;
    w->files = grown;
    if (!(w->files[w->n_files] = strdup(path)))
        return -1;
    w->n_files++;
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directories a walk has read, by device and inode (tsearch). */
struct seen_dir {
    dev_t dev;
    ino_t ino;
};

static int cmp_dirs(const void *a, const void *b)
{
    const struct seen_dir *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

int ns_walk_first_visit(ns_walk_t *w, const struct stat *st)
{
    struct seen_dir key = {st->st_dev, st->st_ino};
    if (tfind(&key, &w->seen, cmp_dirs))
        return 0;
    struct seen_dir *d = malloc(sizeof *d);
    struct seen_dir **kept =
        realloc(w->seen_list, (w->n_seen + 1) * sizeof *w->seen_list);
    if (kept)
        w->seen_list = kept;
    if (d)
        *d = key;
    if (!d || !kept || !tsearch(d, &w->seen, cmp_dirs)) {
        free(d);
        return -1;
    }
    w->seen_list[w->n_seen++] = d;
    return 1;
}

void ns_walk_forget_dirs(ns_walk_t *w)
{
    for (size_t i = 0; i < w->n_seen; i++) {
        tdelete(w->seen_list[i], &w->seen, cmp_dirs);
        free(w->seen_list[i]);
    }
    free(w->seen_list);
    w->seen_list = NULL;
    w->n_seen = 0;
}

/* A Jekyll site given as a SOURCE (its root, not _posts) was read whole:
 * its built pages (_site/, each post again), its layouts and includes
 * (_layouts/, templates that are no pages), its data and the packages of
 * its tools (vendor/), every night a run of bad records, exit 3.  Jekyll
 * leaves out what begins with "_", _posts and _drafts aside, and vendor:
 * so does the walk, for directories, but only inside a Jekyll site (a
 * directory holding _config.yml, and all below it).  Elsewhere these are
 * ordinary names an archive may well use (archive/_2019/, vendor/ for a
 * news agency's wire copy), and passing them over let the next --prune
 * delete every article in them.  node_modules is passed over everywhere:
 * npm writes it and rewrites it whole from package.json, so it never
 * holds an article of one's own, and it is large. */
const char *ns_walk_passed_over(const char *name, int in_site)
{
    if (!strcmp(name, "node_modules"))
        return "a package manager's (node_modules)";
    if (!in_site)
        return NULL;
    if (name[0] == '_' && strcmp(name, "_posts") != 0 &&
        strcmp(name, "_drafts") != 0)
        return "a name beginning with '_' in a Jekyll site (_config.yml): "
               "its build output, layouts or data; of such directories "
               "only _posts and _drafts are read";
    if (!strcmp(name, "vendor"))
        return "a package manager's (vendor, in a Jekyll site)";
    return NULL;
}

/* Whether DIR is a Jekyll site's root: it holds the site's configuration,
 * under any of the names Jekyll reads by default. */
static int site_root(const char *dir)
{
    static const char *const names[] = {"_config.yml", "_config.yaml",
                                        "_config.toml"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        ns_buf_t path = {0};
        struct stat st;
        int found = ns_buf_puts(&path, dir) == 0 &&
                    ns_buf_putc(&path, '/') == 0 &&
                    ns_buf_puts(&path, names[i]) == 0 && path.p &&
                    stat(path.p, &st) == 0 && S_ISREG(st.st_mode);
        ns_buf_free(&path);
        if (found)
            return 1;
    }
    return 0;
}

/* Whether DIR is a Hugo site's root: its configuration (hugo.toml, or
 * before Hugo 0.110 config.toml; YAML and JSON too) beside a content/
 * directory.  Read whole, the root gave every post again from public/
 * (the built pages), archetypes/ and layouts/ as articles of templates,
 * each theme's example site, and package.json as a record without an id
 * every night (exit 3, and no --prune).  Hugo makes pages of content/
 * alone, and so does the walk; a site with another contentDir is given
 * by that directory. */
static int has_entry(const char *dir, const char *name, int is_dir)
{
    ns_buf_t path = {0};
    struct stat st;
    int found = ns_buf_puts(&path, dir) == 0 && ns_buf_putc(&path, '/') == 0 &&
                ns_buf_puts(&path, name) == 0 && path.p &&
                stat(path.p, &st) == 0 &&
                (is_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    ns_buf_free(&path);
    return found;
}

int ns_walk_hugo_root(const char *dir)
{
    static const char *const names[] = {
        "hugo.toml",   "hugo.yaml",   "hugo.yml",   "hugo.json",
        "config.toml", "config.yaml", "config.yml", "config.json"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (has_entry(dir, names[i], 0))
            return has_entry(dir, "content", 1);
    return 0;
}

/* Keep PATH, a Hugo site's content/, for the sections of its pages
 * (reader-origin.c). */
static int note_content_root(ns_walk_t *w, const char *path)
{
    char **grown = realloc(w->content_roots,
                           (w->n_content_roots + 1) * sizeof *w->content_roots);
    if (!grown)
        return -1;
    w->content_roots = grown;
    if (!(grown[w->n_content_roots] = strdup(path)))
        return -1;
    w->n_content_roots++;
    return 0;
}

/* Keep "PATH/: not read: WHY" (a directory, DIR) or "PATH: not read:
 * WHY" for the caller to say. */
static int note_passed(ns_walk_t *w, const char *path, int dir,
                       const char *why)
{
    char **grown = realloc(w->passed, (w->n_passed + 1) * sizeof *w->passed);
    if (!grown)
        return -1;
    w->passed = grown;
    ns_buf_t line = {0};
    if (ns_buf_puts(&line, path) < 0 || (dir && ns_buf_putc(&line, '/') < 0) ||
        ns_buf_puts(&line, ": not read: ") < 0 || ns_buf_puts(&line, why) < 0 ||
        !line.p) {
        ns_buf_free(&line);
        return -1;
    }
    w->passed[w->n_passed++] = line.p;
    return 0;
}

/* An editor's backup, a merge's or a patch's leftover, a swap file or a
 * download not finished is an older or partial copy of an article file
 * beside it ("posts.jsonl~", "budget.md.orig"), with the same ids: read,
 * it stored the old headline over the corrected one, or was one more
 * hit for the same story.  They are known by their names alone, as
 * Hugo and Jekyll know them, and as hidden files (Emacs's ".#budget.md"
 * lock, Vim's ".budget.md.swp") are passed over.  nindex writes ".part"
 * files only in an index (its undo files), which a walk does not read.
 * Returns why NAME is one, or NULL. */
const char *ns_walk_leftover(const char *name)
{
    static const char *const exts[] = {".bak", ".orig", ".rej", ".swp",
                                       ".swo", ".tmp",  ".part"};
    size_t n = strlen(name);
    if (n && name[n - 1] == '~')
        return "an editor's backup (a name ending in '~')";
    if (n > 1 && name[0] == '#' && name[n - 1] == '#')
        return "an editor's autosave (#NAME#)";
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t m = strlen(exts[i]);
        if (n > m && strcasecmp(name + n - m, exts[i]) == 0)
            return "a backup or leftover copy by its name (*.bak, *.orig, "
                   "*.rej, *.swp, *.swo, *.tmp, *.part)";
    }
    return NULL;
}

/* A site's sources hold its images, style sheets, scripts, fonts and
 * configuration beside the posts (Hugo's page bundles keep a post's
 * photos in its directory).  Each was read, found of no known format and
 * said, one warning a file every night: a site of 300 images buried the
 * warnings that matter, and --quiet hid those too.  They are known by
 * their extension, as a site generator copies them, and counted in one
 * line (sources.c).  YAML and TOML are no article format of nsearch, and
 * in a site they are its configuration or data (_config.yml,
 * hugo.toml, data/authors.yaml). */
const char *ns_walk_site_file(const char *name)
{
    static const char *const exts[] = {
        "jpg",  "jpeg", "png",  "gif",  "webp", "avif",  "svg", "ico",
        "bmp",  "tif",  "tiff", "heic", "pdf",  "css",   "scss", "sass",
        "less", "js",   "mjs",  "cjs",  "map",  "woff",  "woff2", "ttf",
        "otf",  "eot",  "mp3",  "mp4",  "m4a",  "ogg",   "wav", "webm",
        "mov",  "zip",  "yml",  "yaml", "toml"};
    /* The files of a site's tools, by name: package.json was read as a
     * record without an id, every night (exit 3, and no --prune). */
    static const char *const tools[] = {
        "package.json",  "package-lock.json", "tsconfig.json", "jsconfig.json",
        "composer.json", "composer.lock",     "deno.json",     "deno.lock",
        "yarn.lock",     "Gemfile",           "Gemfile.lock"};
    for (size_t i = 0; i < sizeof tools / sizeof *tools; i++)
        if (strcmp(name, tools[i]) == 0)
            return "a site's tools' file (package.json, Gemfile, ...), by "
                   "its name";
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return NULL;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return "a site's image, style, script, font, media or "
                   "configuration file, by its extension";
    return NULL;
}

/* Hugo's page names: "index.md", "index.nb.md" (a translation);
 * BUNDLE for "index", "_index" for a list page's. */
static int page_named(const char *name, const char *bundle)
{
    size_t n = strlen(bundle);
    if (strncmp(name, bundle, n) != 0 || name[n] != '.')
        return 0;
    ns_format_t f = ns_format_by_name(name);
    const char *rest = name + n + 1, *dot = strchr(rest, '.');
    return (f == NS_FMT_MARKDOWN || f == NS_FMT_HTML) &&
           (!dot || !strchr(dot + 1, '.')) &&
           (!dot || (dot - rest == 2 || dot - rest == 5));
}

/* Whether DIR, holding the NAMES, is a Hugo leaf bundle: a page's
 * "index.md" (or "index.LANG.md") and its resources beside it, which
 * Hugo never makes pages of (a post's text snippets, a headless bundle's
 * blocks).  Read as articles, each was a search hit for a page that does
 * not exist.  Hugo's own rule: an index.md and no _index.md (a branch
 * bundle, a section's list page, whose other files are pages).  Only an
 * index.md that opens with front matter makes one, so that an archive
 * directory that happens to have a plain index.md keeps its articles; not
 * in a Jekyll site (IN_SITE), where index.md is the home page and the
 * files beside it pages of their own. */
static int leaf_bundle(const char *dir, char **names, size_t n, int in_site)
{
    if (in_site)
        return 0;
    int index = 0;
    for (size_t i = 0; i < n; i++) {
        if (page_named(names[i], "_index"))
            return 0;
        if (index || !page_named(names[i], "index"))
            continue;
        ns_buf_t path = {0};
        char head[8] = "";
        FILE *f = NULL;
        if (ns_buf_puts(&path, dir) == 0 && ns_buf_putc(&path, '/') == 0 &&
            ns_buf_puts(&path, names[i]) == 0 && path.p)
            f = fopen(path.p, "rb");
        ns_buf_free(&path);
        size_t got = f ? fread(head, 1, sizeof head - 1, f) : 0;
        if (f)
            fclose(f);
        head[got] = '\0';
        const char *p = !strncmp(head, "\xef\xbb\xbf", 3) ? head + 3 : head;
        index = !strncmp(p, "---", 3) || !strncmp(p, "+++", 3) || *p == '{';
    }
    return index;
}

/* Whether NAME, in a leaf bundle, is one of its resources: a page's
 * text that is not the bundle's index. */
static int bundle_resource(const char *name)
{
    return ns_format_by_name(name) == NS_FMT_MARKDOWN &&
           !page_named(name, "index");
}

void ns_walk_free(ns_walk_t *w)
{
    ns_walk_forget_dirs(w);
    for (size_t i = 0; i < w->n_passed; i++)
        free(w->passed[i]);
    free(w->passed);
    w->passed = NULL;
    w->n_passed = 0;
    for (size_t i = 0; i < w->n_content_roots; i++)
        free(w->content_roots[i]);
    free(w->content_roots);
    w->content_roots = NULL;
    w->n_content_roots = 0;
    for (size_t i = 0; i < w->n_files; i++)
        free(w->files[i]);
    free(w->files);
    w->files = NULL;
    w->n_files = 0;
}

/* The files a walk has kept, by device and inode: a symbolic link to a
 * file kept already ("latest.md" -> "2024/post.md") gave the same
 * article twice, under two ids.  LINK: kept through a link; AT: its
 * place in w->files. */
struct seen_file {
    dev_t dev;
    ino_t ino;
    int link;
    size_t at;
};

struct seen_files {
    void *root;              /* tsearch root */
    struct seen_file **list; /* the same, to free */
    size_t n;
};

static int cmp_files(const void *a, const void *b)
{
    const struct seen_file *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* Keep the regular file ST at PATH, LINK if reached by a symbolic link,
 * once: a second way to it that is a link is said and passed over; the
 * file itself, reached after a link to it, takes the link's place, so
 * that its own path is the id. */
static int keep_file(ns_walk_t *w, struct seen_files *fs, const char *path,
                     const struct stat *st, int link)
{
    struct seen_file key = {st->st_dev, st->st_ino, link, w->n_files};
    struct seen_file **found = tfind(&key, &fs->root, cmp_files);
    if (found && (link || !(*found)->link)) {
        if (!link)
            return ns_walk_push(w, path); /* a hard link: its own file */
        ns_buf_t why = {0};
        int rc = ns_buf_puts(&why, "ignored: a link to a file read already "
                                   "as ") < 0 ||
                         ns_buf_puts(&why, w->files[(*found)->at]) < 0 ||
                         !why.p
                     ? -1
                     : 0;
        if (rc == 0)
            w->ignored(w->ctx, path, why.p);
        ns_buf_free(&why);
        return rc;
    }
    if (found) {
        /* The file after a link to it: the link is the one said. */
        char *first = w->files[(*found)->at], *own = strdup(path);
        ns_buf_t why = {0};
        if (!own || ns_buf_puts(&why, "ignored: a link to a file read "
                                      "already as ") < 0 ||
            ns_buf_puts(&why, path) < 0 || !why.p) {
            free(own);
            ns_buf_free(&why);
            return -1;
        }
        w->ignored(w->ctx, first, why.p);
        ns_buf_free(&why);
        free(first);
        w->files[(*found)->at] = own;
        (*found)->link = 0;
        return 0;
    }
    struct seen_file *f = malloc(sizeof *f);
    struct seen_file **kept =
        realloc(fs->list, (fs->n + 1) * sizeof *fs->list);
    if (kept)
        fs->list = kept;
    if (f)
        *f = key;
    if (!f || !kept || !tsearch(f, &fs->root, cmp_files)) {
        free(f);
        return -1;
    }
    fs->list[fs->n++] = f;
    return ns_walk_push(w, path);
}

static int walk_dir(ns_walk_t *w, const char *dir, int in_site,
                    struct seen_files *fs, size_t *entries);

/* Why the directory ST at PATH is not walked, or NULL to walk it: it is
 * an index.  An index kept inside the archive it indexes (nindex --db
 * db . in the archive) was read as sources: its undo files in
 * deleted/ are JSON Lines of the articles a prune or --delete took out,
 * and brought them back on the next run, and each of its own files was
 * one warning more.  The one written is known by its device and inode,
 * however it is reached, before it has any mark of an index. */
static const char *index_dir(const ns_walk_t *w, const char *path,
                             const struct stat *st)
{
    if (w->has_db && st->st_dev == w->db_dev && st->st_ino == w->db_ino)
        return "not read: the index being written (--db)";
    if (ns_gen_is_index(path))
        return "not read: an nsearch index";
    return NULL;
}

/* Collect the readable files under DIR, in name order at each level so that
 * runs are reproducible.  Hidden entries are skipped.  A symbolic link to
 * a directory is followed, as a link to a file is: an archive split over
 * disks is often joined by links, and passing over its years in silence
 * let --prune delete them.  Each directory is read once, by its device and
 * inode, so a link back to an ancestor (a loop) or to a directory read
 * elsewhere is noted as ignored rather than read again.  Returns -1 with
 * errno on failure to list DIR itself. */
int ns_walk_dir(ns_walk_t *w, const char *dir)
{
    size_t entries;
    struct seen_files fs = {0};
    int rc = walk_dir(w, dir, 0, &fs, &entries);
    int e = errno;
    for (size_t i = 0; i < fs.n; i++) {
        tdelete(fs.list[i], &fs.root, cmp_files);
        free(fs.list[i]);
    }
    free(fs.list);
    errno = e;
    return rc;
}

/* ns_walk_dir(), counting in *ENTRIES what DIR holds, hidden entries
 * too; IN_SITE if DIR is inside a Jekyll site (an ancestor in the walk
 * is its root). */
static int walk_dir(ns_walk_t *w, const char *dir, int in_site,
                    struct seen_files *fs, size_t *entries)
{
    *entries = 0;
    in_site = in_site || site_root(dir);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            (*entries)++;
        if (e->d_name[0] == '.')
            continue;
        char **grown = realloc(names, (n + 1) * sizeof *names);
        if (!grown || !(grown[n] = strdup(e->d_name))) {
            names = grown ? grown : names;
            rc = -1;
            break;
        }
        names = grown;
        n++;
    }
    closedir(d);
    if (rc == 0 && n)
        qsort(names, n, sizeof *names, cmp_names);
    int bundle = rc == 0 && leaf_bundle(dir, names, n, in_site);
    const int hugo = rc == 0 && ns_walk_hugo_root(dir);
    for (size_t i = 0; i < n && rc == 0; i++) {
        ns_buf_t path = {0};
        if (ns_buf_puts(&path, dir) < 0 ||
            (!has_suffix(dir, "/") && ns_buf_putc(&path, '/') < 0) ||
            ns_buf_puts(&path, names[i]) < 0) {
            ns_buf_free(&path);
            rc = -1;
            break;
        }
        struct stat st;
        size_t held;
        const char *skip, *why, *site = NULL;
        if (stat(path.p, &st) == 0 && S_ISDIR(st.st_mode) &&
            (skip = index_dir(w, path.p, &st))) {
            w->index(w->ctx, path.p, skip);
        } else if (hugo && strcmp(names[i], "content") != 0) {
            if (note_passed(w, path.p, stat(path.p, &st) == 0 &&
                                           S_ISDIR(st.st_mode),
                            "a Hugo site's own (hugo.toml or config.toml "
                            "beside content/): Hugo makes pages of content/ "
                            "alone, and so does the walk") < 0) {
                errno = ENOMEM;
                rc = -1;
            }
        } else if (stat(path.p, &st) == 0 && S_ISDIR(st.st_mode) &&
                   (why = ns_walk_passed_over(names[i], in_site))) {
            if (note_passed(w, path.p, 1, why) < 0) {
                errno = ENOMEM;
                rc = -1;
            }
        } else if (stat(path.p, &st) == 0 && S_ISDIR(st.st_mode)) {
            int fresh = ns_walk_first_visit(w, &st);
            if (fresh < 0) {
                errno = ENOMEM;
                rc = -1;
            } else if (!fresh) {
                w->ignored(w->ctx, path.p,
                           "ignored: a link to a directory read already "
                           "(under another name, or a loop)");
            } else if (hugo && note_content_root(w, path.p) < 0) {
                errno = ENOMEM;
                rc = -1;
            } else if (walk_dir(w, path.p, in_site, fs, &held) < 0) {
                /* A subdirectory we cannot list is reported when reached,
                 * like an unreadable file, rather than failing the whole
                 * walk. */
                rc = errno == ENOMEM ? -1 : ns_walk_push(w, path.p);
            } else if (held == 0) {
                /* Nothing in it at all: what a year's disk that is not
                 * mounted looks like through its link or mount point.
                 * Passed over, it let --prune delete that year and a
                 * rebuild publish without it; reported when reached, as
                 * a dangling link is.  A hidden file (.keep) marks one
                 * empty on purpose. */
                if (ns_buf_putc(&path, '/') < 0 || !path.p)
                    rc = -1;
                else
                    rc = ns_walk_push(w, path.p);
            }
        } else if ((stat(path.p, &st) < 0 || S_ISREG(st.st_mode)) &&
                   ((why = ns_walk_leftover(names[i])) ||
                    (why = site = ns_walk_site_file(names[i])) ||
                    (bundle && bundle_resource(names[i]) &&
                     (why = "a page bundle's resource (beside its "
                            "index.md), no page of its own")))) {
            if (note_passed(w, path.p, 0, why) < 0) {
                errno = ENOMEM;
                rc = -1;
            }
            w->n_site_files += site != NULL;
        } else if (stat(path.p, &st) < 0 || S_ISREG(st.st_mode)) {
            /* A file we cannot even stat (a dangling link) is kept so that
             * opening it reports the problem instead of losing it quietly.
             * Every file is kept: its format is decided by its name and
             * content when it is reached, and one of no known format is
             * reported as ignored rather than passed over in silence. */
            struct stat own;
            if (stat(path.p, &st) < 0 || lstat(path.p, &own) < 0)
                rc = ns_walk_push(w, path.p);
            else
                rc = keep_file(w, fs, path.p, &st, S_ISLNK(own.st_mode));
        }
        ns_buf_free(&path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}
