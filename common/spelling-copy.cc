/* spelling-copy.cc - The spelling dictionary away from its index: copied
 * out to a small database a cluster's front can hold, and the front's
 * copies opened, watched and united (README "Did you mean", "Scaling").
 *
 * Why a copy.  Xapian 1.4's remote backend serves no spelling data, so a
 * front that searches its shards through xapian-tcpsrv cannot ask them
 * for suggestions.  What a suggestion needs from the archive is only the
 * spelling table (words and their frequencies); whether a word matches
 * an article, and the search of the suggestion, still run on the shards.
 * So each shard host writes its table to a copy after its nightly job and
 * copies it to the fronts, which list the copies in the cluster file.
 * Xapian unites the copies as it unites shards: a Database of several
 * sub-databases sums a word's frequencies over them (checked by
 * tests/unit/test_spelling_copy.c), so the union ranks suggestions as the
 * dictionary of one index of the same articles would.
 *
 * The copy is one file: a single-file glass database (Xapian's compaction
 * writes it).  A file is replaced whole by one rename, by nindex and by
 * rsync alike, so a front never opens half of one; a directory cannot be
 * swapped in one step.  Reuters-21578 (21,577 articles, a 42 MB index)
 * makes a copy of 46,147 words in 2.0 MB (README "Scaling").  No language
 * or stemmer is needed: the front stems the query with the shards' own
 * languages.
 *
 * The front looks at each copy's file (device, inode, size, time) every
 * refresh interval of the cluster and opens it again when it changed, so
 * a copy replaced by a later export is used without a restart, and one
 * that was missing is used once it appears. */
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "index-private.h"

using namespace libns;

/* The first bytes of a single-file glass database. */
static const char GLASS_MAGIC[] = "\x0f\x0dXapian Glass";
static const size_t GLASS_MAGIC_LEN = sizeof GLASS_MAGIC - 1;

/* ------------------------------------------------------------------------ */
/* Writing a copy                                                           */
/* ------------------------------------------------------------------------ */

static void sync_file(const std::string &path)
{
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) < 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        throw std::system_error(e, std::generic_category(),
                                "cannot sync '" + path + "'");
    }
    close(fd);
}

/* Write DB's spelling table to a copy at DEST, built in SCRATCH; the
 * number of words into *WORDS. */
static void write_copy(const ns_index_t *idx, const std::string &dest,
                       const std::string &scratch, uint64_t *words)
{
    const Xapian::Database &db = *idx->db;
    /* DB_CREATE: never over anything that exists. */
    Xapian::WritableDatabase w(scratch, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    uint64_t n = 0;
    for (auto t = db.spellings_begin(); t != db.spellings_end(); ++t) {
        w.add_spelling(*t, t.get_termfreq());
        n++;
    }
    char when[32];
    ns_date_format((int64_t)time(nullptr), when, sizeof when);
    w.set_metadata(META_COPY, "spelling");
    w.set_metadata(META_COPY_WORDS, std::to_string(n));
    w.set_metadata(META_COPY_FROM,
                   db.get_uuid() + (idx->gen.empty() ? "" : " " + idx->gen));
    w.set_metadata(META_COPY_TIME, when);
    w.set_metadata(META_COPY_SHARD, db.get_metadata(META_SHARD));
    w.commit();
    w.compact(dest, Xapian::DBCOMPACT_SINGLE_FILE);
    w.close();
    sync_file(dest);
    *words = n;
}

ns_status_t ns_index_export_spelling(ns_index_t *idx, const char *dest,
                                     uint64_t *words)
{
    if (words)
        *words = 0;
    clear_error(idx);
    if (idx->cluster) {
        idx->error = "a cluster has no spelling dictionary of its own: export "
                     "each shard's";
        return NS_STATUS_BAD_INPUT;
    }
    const std::string out = dest, scratch = out + ".d";
    struct stat st;
    for (const std::string &p : {out, scratch})
        if (lstat(p.c_str(), &st) == 0) {
            idx->error = "'" + p + "' already exists";
            return NS_STATUS_IO;
        }
    bool made = false;
    try {
        uint64_t n = 0;
        for (int attempt = 0;; attempt++) {
            try {
                made = true;
                write_copy(idx, out, scratch, &n);
                break;
            } catch (const Xapian::DatabaseModifiedError &) {
                /* An update committed twice under the reader: read the
                 * new revision from the start. */
                if (attempt == 3)
                    throw;
                ns_remove_tree(scratch.c_str());
                unlink(out.c_str());
                idx->db->reopen();
            }
        }
        ns_remove_tree(scratch.c_str());
        if (words)
            *words = n;
        return NS_STATUS_OK;
    } catch (const std::system_error &e) {
        ns_remove_tree(scratch.c_str());
        unlink(out.c_str());
        idx->error = e.what();
        return NS_STATUS_IO;
    } catch (...) {
        ns_status_t s = caught(idx);
        if (made) {
            ns_remove_tree(scratch.c_str());
            unlink(out.c_str());
        }
        return s;
    }
}

/* ------------------------------------------------------------------------ */
/* Reading a copy                                                           */
/* ------------------------------------------------------------------------ */

/* PATH opened as a spelling copy; throws with the reason when it is none.
 * Its first bytes are checked before Xapian sees it: Xapian reads any
 * other regular file as a stub file, whose lines may name remote
 * databases to connect to or programs to run. */
static Xapian::Database open_copy(const std::string &path)
{
    struct stat st;
    if (lstat(path.c_str(), &st) < 0)
        throw std::system_error(errno, std::generic_category(),
                                "cannot open '" + path + "'");
    if (!S_ISREG(st.st_mode))
        throw std::runtime_error(
            "'" + path + "' is " +
            (S_ISDIR(st.st_mode)   ? "a directory"
             : S_ISLNK(st.st_mode) ? "a symbolic link"
                                   : "not a regular file") +
            ", not a spelling copy (nindex --export-spelling)");
    char head[GLASS_MAGIC_LEN];
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        throw std::system_error(errno, std::generic_category(),
                                "cannot open '" + path + "'");
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (got != (ssize_t)sizeof head ||
        memcmp(head, GLASS_MAGIC, GLASS_MAGIC_LEN) != 0)
        throw std::runtime_error("'" + path +
                                 "' is no single-file Xapian database, not a "
                                 "spelling copy (nindex --export-spelling)");
    Xapian::Database db(path);
    if (db.get_metadata(META_COPY) != "spelling" || db.get_doccount() != 0)
        throw std::runtime_error("'" + path +
                                 "' is a Xapian database but not a spelling "
                                 "copy (nindex --export-spelling)");
    return db;
}

int ns_spelling_copy_check(const char *path, char *why, size_t why_size)
{
    std::string reason;
    try {
        open_copy(path);
        return 1;
    } catch (const Xapian::Error &e) {
        reason = "'" + std::string(path) + "': " + describe(e);
    } catch (const std::exception &e) {
        reason = e.what();
    } catch (...) {
        reason = "'" + std::string(path) + "' cannot be read";
    }
    if (why && why_size)
        snprintf(why, why_size, "%s", reason.c_str());
    return 0;
}

/* What changes when the file at PATH is replaced or rewritten; "" when it
 * cannot be looked at. */
std::string libns::file_sig(const std::string &path)
{
    struct stat st;
    if (stat(path.c_str(), &st) < 0)
        return "";
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
           std::to_string(st.st_size) + ":" +
           std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
}

bool libns::refresh_copies(std::vector<SpellingCopy> &copies)
{
    bool changed = false;
    for (SpellingCopy &c : copies) {
        std::string sig = file_sig(c.path);
        if (c.up && !sig.empty() && sig == c.sig)
            continue;
        bool was_up = c.up;
        c.sig = sig;
        try {
            Xapian::Database db = open_copy(c.path);
            c.words =
                strtoull(db.get_metadata(META_COPY_WORDS).c_str(), nullptr, 10);
            c.shard = db.get_metadata(META_COPY_SHARD);
            c.exported = db.get_metadata(META_COPY_TIME);
            c.db = db;
            c.up = true;
            c.error.clear();
            changed = true;
        } catch (...) {
            std::string why;
            try {
                throw;
            } catch (const Xapian::Error &e) {
                why = "'" + c.path + "': " + describe(e);
            } catch (const std::runtime_error &e) {
                why = e.what(); /* names the path */
            } catch (...) {
                caught_message(why);
            }
            c.error = why;
            c.up = false;
            c.words = 0;
            c.db = Xapian::Database();
            changed = changed || was_up;
        }
    }
    return changed;
}

std::unique_ptr<Xapian::Database>
libns::copies_union(const std::vector<SpellingCopy> &copies)
{
    std::unique_ptr<Xapian::Database> all;
    for (const SpellingCopy &c : copies) {
        if (!c.up)
            continue;
        if (!all)
            all.reset(new Xapian::Database());
        all->add_database(c.db);
    }
    return all;
}
