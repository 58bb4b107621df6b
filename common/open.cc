/* open.cc - Index handles: opening (a generation or a plain database),
 * closing, refreshing a reader, and facts about the index.  What went
 * wrong is described by status.cc. */
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "index-private.h"

using namespace libns;

std::string libns::lower(const char *s)
{
    std::string out(s ? s : "");
    for (auto &c : out)
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
    return out;
}

/* Labels (sections, tags) are compared as a person reads them: Østlandet
 * and østlandet, ÉCONOMIE and économie are one.  S is valid UTF-8 (the
 * readers and the query checks see to it). */
std::string libns::fold_case(const char *s)
{
    std::string out;
    for (Xapian::Utf8Iterator it(s ? s : ""); it != Xapian::Utf8Iterator();
         ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

char *libns::dup_cstr(const std::string &s)
{
    char *p = (char *)malloc(s.size() + 1);
    if (p)
        memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

std::string libns::id_term(const char *id)
{
    return std::string(PREFIX_ID) + (id ? id : "");
}

bool libns::find_id(const Xapian::Database &db, const char *id,
                    Xapian::docid *did)
{
    const std::string term = id_term(id);
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term))
        return false;
    *did = *p;
    return true;
}

ns_status_t libns::need_writer(ns_index_t *idx)
{
    if (idx->wdb)
        return NS_STATUS_OK;
    idx->error = "index is open read-only";
    return NS_STATUS_READ_ONLY;
}

/* The stemmer for a language code: Xapian knows ISO 639 codes ("en", "no",
 * "nb") and names ("english").  "en-GB" falls back to "en".  An unknown
 * language gets no stemming (exact words still match); *known says which.
 * Every stemmer folds diacritics first (forms.cc). */
const Xapian::Stem &libns::stemmer_for(ns_index_t *idx, const std::string &lang,
                                       bool *known)
{
    auto it = idx->stemmers.find(lang);
    if (it == idx->stemmers.end()) {
        Xapian::Stem stem;
        bool ok = false;
        std::string code = lang;
        for (int attempt = 0; attempt < 2 && !ok; attempt++) {
            try {
                stem = Xapian::Stem(code);
                ok = true;
            } catch (const Xapian::InvalidArgumentError &) {
                size_t cut = code.find_first_of("-_");
                if (cut == std::string::npos)
                    break;
                code = code.substr(0, cut);
            }
        }
        if (!ok)
            idx->unknown_langs.insert(lang);
        it = idx->stemmers.emplace(lang, folding_stem(stem)).first;
    }
    if (known)
        *known = !idx->unknown_langs.count(lang);
    return it->second;
}

void libns::forget_view(ns_index_t *idx)
{
    idx->related_cache.clear();
    idx->related_lru.clear();
    idx->related_window.reset();
    idx->facet_column.reset();
    idx->stories_known = false;
    idx->newest = INT64_MIN;
    idx->date_terms = -1;
}

void libns::load_langs(ns_index_t *idx)
{
    idx->zdict = idx->db->get_metadata(META_ZDICT);
    idx->pairs_ok = pairs_trusted(*idx->db);
    idx->bylines_ok = byline_pairs_trusted(*idx->db);
    idx->groups_ok = idx->db->get_metadata(META_GROUPS) == "1";
    /* A writer that is to stamp an empty index writes the new way. */
    idx->time_enc = idx->mark_time ? TIME_ORDERED : time_encoding(*idx->db);
    idx->langs.clear();
    std::string meta = idx->db->get_metadata(META_LANGS);
    size_t start = 0;
    while (start < meta.size()) {
        size_t comma = meta.find(',', start);
        if (comma == std::string::npos)
            comma = meta.size();
        if (comma > start)
            idx->langs.insert(meta.substr(start, comma - start));
        start = comma + 1;
    }
}

std::set<std::string> libns::index_langs(const ns_index_t *idx)
{
    std::set<std::string> langs = idx->langs;
    if (langs.empty())
        langs.insert("en"); /* an empty index, or one built before */
    return langs;
}

/* ------------------------------------------------------------------------ */
/* Opening and closing                                                      */
/* ------------------------------------------------------------------------ */

static bool exists(const std::string &p)
{
    struct stat st;
    return stat(p.c_str(), &st) == 0;
}

/* Find the database behind idx->path: the live generation of an index
 * directory, or the path itself when it is a plain database. */
static void resolve(ns_index_t *idx)
{
    char name[256];
    if (ns_gen_current(idx->path.c_str(), name, sizeof name) == 0) {
        idx->gen = name;
        idx->dbpath = idx->path + "/" + name;
    } else {
        /* One generation of an index directory opened by its own path
         * (nsearchd's stand-in for a live one that cannot be opened) is
         * named by it, also when `current` names one that is gone. */
        size_t slash = idx->path.find_last_of('/');
        std::string base = idx->path.substr(slash + 1);
        bool gen = slash != std::string::npos &&
                   base.compare(0, 4, "gen-") == 0 &&
                   ns_gen_current(idx->path.substr(0, slash).c_str(), name,
                                  sizeof name) == 0;
        idx->gen = gen ? base : "";
        idx->dbpath = idx->path;
    }
}

/* NS_STATUS_IO, saying why, when the database at idx->dbpath cannot be
 * read for its permissions: a root rebuild under umask 077 leaves a
 * generation that the nsearch user cannot enter, and Xapian's "not
 * found" for it read as "no index ... Build one with", while a dry run
 * forecast every article added.  NS_STATUS_OK when it can be read or is
 * not there. */
static ns_status_t unreadable(ns_index_t *idx)
{
    const std::string marker = idx->dbpath + "/iamglass";
    struct stat st;
    int e = 0;
    if (stat(idx->dbpath.c_str(), &st) < 0)
        e = errno == EACCES ? EACCES : 0;
    else if (access(idx->dbpath.c_str(), R_OK | X_OK) < 0)
        e = errno;
    else if (stat(marker.c_str(), &st) == 0 && access(marker.c_str(), R_OK) < 0)
        e = errno;
    if (e != EACCES && e != EPERM)
        return NS_STATUS_OK;
    idx->open_errno = e;
    idx->error =
        "cannot read the index at '" + idx->dbpath + "': " + strerror(e);
    return NS_STATUS_IO;
}

/* NS_STATUS_IO, saying so, when an index directory's generations are
 * there but no `current` link names the live one: removed by hand, or
 * lost in a restore or copy that drops or follows links (`cp -rL` makes
 * it a directory).  An update took the directory for a new index: it
 * made and published a generation holding that night's articles alone
 * (exit 0), and nsearchd switched to it; a search said "no index ...
 * Build one with", the step that did it.  ns_gen_open_older() finds the
 * generation to answer from meanwhile, and --rollback links it again. */
static ns_status_t unlinked(ns_index_t *idx)
{
    const std::string link = idx->path + "/current";
    struct stat st;
    if (lstat(link.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return NS_STATUS_OK;
        idx->error = "'" + link + "' is a " +
                     (S_ISDIR(st.st_mode) ? "directory" : "file") +
                     ", not the link naming the live generation (a copy "
                     "that followed links?): move it away, then nindex "
                     "--rollback links the newest generation that opens";
        return NS_STATUS_IO;
    }
    char **names;
    size_t n;
    if (errno != ENOENT || ns_gen_list(idx->path.c_str(), &names, &n) < 0)
        return NS_STATUS_OK;
    std::string newest = n ? names[n - 1] : "";
    ns_gen_list_free(names, n);
    if (newest.empty())
        return NS_STATUS_OK;
    idx->error = "'" + idx->path + "' has generations (the newest '" + newest +
                 "') but no 'current' link naming the live one: nindex "
                 "--rollback links the newest generation that opens";
    return NS_STATUS_IO;
}

/* NS_STATUS_IO, saying so, when the live generation has no
 * database: its directory removed, or its files.  Writing, Xapian made an
 * empty database under the live name (DB_CREATE_OR_OPEN), the update
 * exited 0 with "3 added", and nsearchd left the intact older generation
 * it was answering from for those 3 articles; reading, it was "no index",
 * and a dry run forecast every article added. */
static ns_status_t live_missing(ns_index_t *idx)
{
    if (idx->gen.empty() || exists(idx->dbpath + "/iamglass"))
        return NS_STATUS_OK;
    if (ns_status_t st = unreadable(idx))
        return st;
    idx->error =
        "the live generation '" + idx->gen + "' of '" + idx->path +
        "' is missing (" +
        (exists(idx->dbpath) ? "its files are gone" : "its directory is gone") +
        ")";
    return NS_STATUS_IO;
}

static ns_status_t open_impl(ns_index_t *idx, ns_open_mode_t mode)
{
    try {
        if (mode != NS_OPEN_BUILD && is_cluster_file(idx->path)) {
            if (mode == NS_OPEN_WRITE) {
                idx->error = "'" + idx->path +
                             "' is a cluster file, which is searched, not "
                             "written: index each shard with nindex --shard "
                             "I/N";
                return NS_STATUS_READ_ONLY;
            }
            return cluster_open(idx);
        }
        if (mode == NS_OPEN_BUILD) {
            idx->dbpath = idx->path;
            auto *w = new Xapian::WritableDatabase(
                idx->path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            idx->db.reset(w);
            idx->wdb = w;
        } else if (mode == NS_OPEN_WRITE) {
            resolve(idx);
            if (idx->gen.empty() && !exists(idx->path + "/iamglass"))
                if (ns_status_t st = unlinked(idx))
                    return st;
            if (idx->gen.empty() && !exists(idx->path + "/iamglass")) {
                /* A new index: its first generation, made live at once so
                 * that readers find it while it fills. */
                if (ns_mkdir_p(idx->path.c_str()) < 0) {
                    idx->error =
                        "cannot create '" + idx->path + "': " + strerror(errno);
                    return NS_STATUS_IO;
                }
                char name[64];
                if (ns_gen_next(idx->path.c_str(), name, sizeof name) < 0) {
                    idx->error =
                        "cannot list '" + idx->path + "': " + strerror(errno);
                    return NS_STATUS_IO;
                }
                /* If making it fails (a disk that is full or failing),
                 * nothing is left behind: a half-made generation that was
                 * never live must not be what --rollback finds. */
                std::string first = idx->path + "/" + name;
                try {
                    Xapian::WritableDatabase(first, Xapian::DB_CREATE_OR_OPEN)
                        .close();
                } catch (...) {
                    ns_remove_tree(first.c_str());
                    throw;
                }
                if (ns_gen_publish(idx->path.c_str(), name) < 0) {
                    idx->error =
                        "cannot publish '" + first + "': " + strerror(errno);
                    char live[256];
                    if (ns_gen_current(idx->path.c_str(), live, sizeof live) <
                            0 ||
                        strcmp(live, name) != 0)
                        ns_remove_tree(first.c_str());
                    return NS_STATUS_IO;
                }
                resolve(idx);
            }
            if (ns_status_t st = live_missing(idx))
                return st;
            auto *w = new Xapian::WritableDatabase(idx->dbpath,
                                                   Xapian::DB_CREATE_OR_OPEN);
            idx->db.reset(w);
            idx->wdb = w;
        } else {
            resolve(idx);
            /* Named by DIR/current; one opened by its own path that is
             * gone is not found, as any other path. */
            if (idx->dbpath != idx->path)
                if (ns_status_t st = live_missing(idx))
                    return st;
            if (idx->gen.empty() && !exists(idx->path + "/iamglass"))
                if (ns_status_t st = unlinked(idx))
                    return st;
            if (!exists(idx->dbpath)) {
                idx->error = "no index at '" + idx->path + "'";
                if (!idx->gen.empty())
                    idx->error +=
                        ": its live generation '" + idx->gen + "' is not there";
                return NS_STATUS_NOT_FOUND;
            }
            /* Glass replaces its version file at each commit.  A writer
             * that commits twice while Xapian reads the revision it
             * names reuses the blocks being read: what comes back is
             * "Expected block 139 to be level 1, not 0" or the like, no
             * DatabaseModifiedError, and that is the writer met, not
             * damage, when the version file is another one now. */
            const std::string version = idx->dbpath + "/iamglass";
            struct stat before;
            bool seen = stat(version.c_str(), &before) == 0;
            try {
                if (opening_for_reading)
                    opening_for_reading(idx, false);
                idx->db.reset(new Xapian::Database(idx->dbpath));
            } catch (const Xapian::Error &e) {
                struct stat now;
                /* Its inode alone could be the old one's again. */
                if (!seen || (stat(version.c_str(), &now) == 0 &&
                              now.st_ino == before.st_ino &&
                              now.st_dev == before.st_dev &&
                              now.st_mtim.tv_sec == before.st_mtim.tv_sec &&
                              now.st_mtim.tv_nsec == before.st_mtim.tv_nsec))
                    throw;
                idx->error = describe(e);
                return NS_STATUS_RETRY;
            }
            if (opening_for_reading)
                opening_for_reading(idx, true);
            idx->synonyms_path = idx->path + "/synonyms";
            refresh_synonyms(idx, idx->synonyms_path);
        }
        if (idx->wdb) {
            idx->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
            idx->tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        }
        if (idx->wdb)
            /* An index keeps one encoding of its times: the old one
             * until it is rebuilt (time-slot.cc). */
            idx->mark_time = idx->wdb->get_doccount() == 0 &&
                             idx->wdb->get_metadata(META_TIME).empty() &&
                             !getenv("NSEARCH_OLD_TIMES");
        load_langs(idx);
        if (idx->wdb) {
            /* Only an index that every article reaches through this
             * version has facet values throughout (META_FACETS). */
            idx->mark_facets = idx->wdb->get_doccount() == 0 &&
                               idx->wdb->get_metadata(META_FACETS).empty();
            idx->mark_groups = idx->wdb->get_doccount() == 0 &&
                               idx->wdb->get_metadata(META_GROUPS).empty();
            idx->mark_authors = idx->wdb->get_doccount() == 0 &&
                                idx->wdb->get_metadata(META_AUTHORS).empty();
            changes_open(idx, mode, idx->dbpath != idx->path);
            prime(idx);
            idx->wdb->begin_transaction(true);
            idx->in_txn = true;
            claim_pairs(idx);
        }
        return NS_STATUS_OK;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        if (ns_status_t st = unreadable(idx))
            return st;
        idx->error = "no index at '" + idx->path + "'";
        return NS_STATUS_NOT_FOUND;
    } catch (const Xapian::DatabaseOpeningError &e) {
        /* Every caller says "cannot open index 'PATH': " before it.  Run
         * out of file descriptors or memory, or denied, the index is
         * sound: NS_STATUS_IO with the reason, never the damage that
         * NS_STATUS_XAPIAN sends an operator to --rollback for. */
        idx->error = e.get_msg();
        const char *sys = e.get_error_string();
        if (sys && *sys)
            idx->error += std::string(" (") + sys + ")";
        int en = error_errno(e);
        if (en == EMFILE || en == ENFILE || en == ENOMEM || en == EACCES ||
            en == EPERM) {
            idx->open_errno = en;
            return NS_STATUS_IO;
        }
        return NS_STATUS_XAPIAN;
    }
    NS_CATCH(idx)
}

void (*libns::opening_for_reading)(ns_index_t *idx, bool opened);

ns_status_t ns_index_open(const char *path, ns_open_mode_t mode,
                          ns_index_t **out, char **err_out)
{
    *out = nullptr;
    if (err_out)
        *err_out = nullptr;
    ns_index_t *idx = nullptr;
    ns_status_t st;
    /* A reader opens the revision on disk, then reads its metadata: a
     * writer that commits twice in between discards that revision
     * (NS_STATUS_RETRY).  Open the newest instead, here rather than in
     * each caller: nsearch failed with Xapian's advice to call reopen()
     * or with "DatabaseCorruptError: Expected block 89 to be level 1",
     * and an nsearchd worker answered from an older generation. */
    for (int attempt = 0;; attempt++) {
        try {
            idx = new ns_index_t;
            idx->path = path;
        } catch (...) {
            delete idx;
            if (err_out)
                *err_out = dup_cstr(ns_status_to_string(NS_STATUS_NOMEM));
            return NS_STATUS_NOMEM;
        }
        st = open_impl(idx, mode);
        if (st != NS_STATUS_RETRY || mode != NS_OPEN_READ ||
            attempt == NS_OPEN_TRIES - 1)
            break;
        ns_index_close(idx);
        idx = nullptr;
    }
    if (st != NS_STATUS_OK) {
        if (err_out)
            *err_out = dup_cstr(idx->error.empty() ? ns_status_to_string(st)
                                                   : idx->error);
        int en = idx->open_errno;
        ns_index_close(idx);
        errno = en;
        return st;
    }
    *out = idx;
    return NS_STATUS_OK;
}

ns_status_t ns_index_close(ns_index_t *idx)
{
    if (!idx)
        return NS_STATUS_OK;
    ns_status_t st = NS_STATUS_OK;
    if (idx->wdb)
        st = ns_index_commit(idx);
    if (idx->have_primed)
        deflateEnd(&idx->primed);
    try {
        /* What a failed commit left is dropped here: close() and the
         * destructor would otherwise commit it, past the room check, and
         * a full disk inside Xapian's commit can end in std::terminate. */
        if (idx->in_txn) {
            idx->in_txn = false;
            idx->wdb->cancel_transaction();
        }
    } catch (...) {
    }
    try {
        if (idx->db)
            idx->db->close();
    } catch (...) {
        /* Closing after a failed commit can throw again; the commit's
         * status is the one to report. */
    }
    delete idx;
    return st;
}

ns_status_t ns_index_refresh(ns_index_t *idx, int *changed)
{
    if (changed)
        *changed = 0;
    clear_error(idx);
    std::string old_gen, old_dbpath;
    try {
        if (idx->wdb)
            return NS_STATUS_OK;
        if (idx->cluster) {
            bool moved = cluster_refresh(idx, false);
            if (changed)
                *changed = moved;
            return cluster_ready(idx);
        }
        /* The synonyms are the archive's, beside its generations: read
         * again when the file changed, whatever the index did. */
        refresh_synonyms(idx, idx->synonyms_path);
        old_gen = idx->gen;
        old_dbpath = idx->dbpath;
        resolve(idx);
        /* Which database is at the path now?  The name alone cannot say:
         * a generation directory can be replaced by another one of the
         * same name (an index restored from a copy, or a number that an
         * older nindex handed out again after a --rollback; see
         * ns_gen_next()), and reopen() then finds the same revision and
         * goes on reading the deleted files.  Xapian gives every database
         * a random UUID when it is created (a compacted copy too), so the
         * UUID of what the path holds now tells.  Opening it costs about
         * 0.1 ms, at most once a second per nsearchd worker.  Only for a
         * directory: a stub file can name remote databases, which are not
         * to be reached every second. */
        std::unique_ptr<Xapian::Database> now;
        struct stat st;
        if (idx->gen != old_gen ||
            (stat(idx->dbpath.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) {
            now.reset(new Xapian::Database(idx->dbpath));
            if (idx->gen == old_gen && now->get_uuid() == idx->db->get_uuid())
                now.reset();
        }
        if (now) {
            /* Another database: use the fresh handle.  reopen() would
             * not do: two freshly built databases can share a revision
             * number, and a reopened handle then mixes both
             * (XAPIAN-NOTES.md).  The old handle is dropped; other
             * handles on it keep working even after its directory is
             * removed. */
            idx->db = std::move(now);
            load_langs(idx);
            /* Cached related lists and the copies name documents of the
             * old database, and the new one may well have the same
             * revision number. */
            forget_view(idx);
            if (changed)
                *changed = 1;
        } else if (idx->db->reopen()) {
            load_langs(idx);
            if (changed)
                *changed = 1;
        }
        return NS_STATUS_OK;
    } catch (...) {
        ns_status_t st = caught(idx);
        /* Keep serving the version we have, under its own name: the
         * generation that could not be opened is not the one answering,
         * and ns_index_info() must not say it is. */
        if (!old_dbpath.empty()) {
            idx->gen.swap(old_gen);
            idx->dbpath.swap(old_dbpath);
        }
        return st;
    }
}

/* The recorded default language of DB, or "" (none recorded). */
static std::string default_lang(const Xapian::Database &db)
{
    return db.get_metadata(META_DEFAULT_LANG);
}

ns_status_t ns_index_info(ns_index_t *idx, ns_index_info_t *out)
{
    memset(out, 0, sizeof *out);
    clear_error(idx);
    try {
        out->articles = idx->db->get_doccount();
        snprintf(out->generation, sizeof out->generation, "%s",
                 idx->gen.c_str());
        out->synonym_groups = synonym_groups(idx);
        snprintf(out->synonyms_sig, sizeof out->synonyms_sig, "%s",
                 synonyms_sig(idx).c_str());
        std::string lang = default_lang(*idx->db);
        snprintf(out->default_lang, sizeof out->default_lang, "%s",
                 lang.empty() || lang.size() >= sizeof out->default_lang
                     ? "en"
                     : lang.c_str());
        struct stat st;
        if (!idx->cluster &&
            stat((idx->dbpath + "/iamglass").c_str(), &st) == 0)
            out->built = (int64_t)st.st_mtime;
        /* The revision alone does not name a version: two databases built
         * apart can share one (XAPIAN-NOTES.md), hence the UUID.  A union
         * of shards has no revision, and a remote one may not say. */
        out->old_times =
            idx->time_enc == TIME_SORTABLE &&
            !idx->db->get_value_lower_bound(SLOT_TIME).empty() &&
            time_of_value(TIME_SORTABLE,
                          idx->db->get_value_lower_bound(SLOT_TIME)) < 0;
        if (!idx->cluster)
            try {
                snprintf(out->version, sizeof out->version, "%s:%llu",
                         idx->db->get_uuid().c_str(),
                         (unsigned long long)idx->db->get_revision());
            } catch (const Xapian::Error &) {
                out->version[0] = '\0';
            }
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

int ns_lang_stemmed(const char *code)
{
    try {
        /* Xapian names codes it has no stemmer for ("xx") and "none" too:
         * only a real one is a language to stem an archive in. */
        if (!code || !*code || !strcmp(code, "none"))
            return 0;
        Xapian::Stem stem(code);
        return stem.is_none() ? 0 : 1;
    } catch (...) {
        return 0;
    }
}

ns_status_t ns_index_default_lang(ns_index_t *idx, char *out, size_t size,
                                  int *recorded)
{
    if (size)
        snprintf(out, size, "%s", "en");
    if (recorded)
        *recorded = 0;
    clear_error(idx);
    try {
        std::string code = default_lang(*idx->db);
        if (code.empty())
            return NS_STATUS_OK;
        if (code.size() >= size) {
            idx->error = "unreadable default language '" + code + "'";
            return NS_STATUS_XAPIAN;
        }
        snprintf(out, size, "%s", code.c_str());
        if (recorded)
            *recorded = 1;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_set_default_lang(ns_index_t *idx, const char *code)
{
    clear_error(idx);
    if (ns_status_t st = need_writer(idx))
        return st;
    try {
        idx->wdb->set_metadata(META_DEFAULT_LANG, code);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_count(ns_index_t *idx, uint64_t *out)
{
    *out = 0;
    clear_error(idx);
    try {
        *out = idx->db->get_doccount();
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

const char *ns_index_last_error(const ns_index_t *idx)
{
    return idx ? idx->error.c_str() : "";
}
