/* status.cc - What went wrong, as every call of the library reports it:
 * a Xapian error described, its errno, the status a caught exception
 * becomes (caught(), moved_on()), and the status strings. */
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

/* "DatabaseError: Error writing block 174 (No space left on device)".
 * get_error_string() may be NULL (XAPIAN-NOTES.md): only append it when
 * it is there. */
std::string libns::describe(const Xapian::Error &e)
{
    std::string out = e.get_type() + std::string(": ") + e.get_msg();
    const char *sys = e.get_error_string();
    if (sys && *sys)
        out += std::string(" (") + sys + ")";
    return out;
}

/* The errno Xapian gave E, or 0.  Xapian 1.4 keeps it private and gives
 * only its text: the errnos a caller acts on are told by that text. */
int libns::error_errno(const Xapian::Error &e)
{
    static const int known[] = {EMFILE, ENFILE, ENOMEM, EACCES, EPERM,
                                ENOSPC, EIO,    EROFS,  EFBIG};
    const char *sys = e.get_error_string();
    for (size_t i = 0; sys && i < sizeof known / sizeof *known; i++)
        if (strcmp(sys, strerror(known[i])) == 0)
            return known[i];
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Status strings                                                           */
/* ------------------------------------------------------------------------ */

ns_status_t libns::caught_message(std::string &msg)
{
    /* Assigning the message can itself run out of memory: the status is
     * what must come back, with the message if it fits. */
    auto set = [&msg](const std::string &text) {
        try {
            msg = text;
        } catch (...) {
            msg.clear();
        }
    };
    try {
        throw;
    } catch (const Xapian::DatabaseModifiedError &e) {
        set(e.get_msg());
        return NS_STATUS_RETRY;
    } catch (const Xapian::DatabaseLockError &e) {
        set(e.get_msg());
        return NS_STATUS_LOCKED;
    } catch (const Xapian::Error &e) {
        try {
            set(describe(e));
        } catch (...) {
            msg.clear();
        }
        return NS_STATUS_XAPIAN;
    } catch (const std::bad_alloc &) {
        msg.clear();
        msg.shrink_to_fit();
        set("out of memory");
        return NS_STATUS_NOMEM;
    } catch (const std::exception &e) {
        try {
            set(std::string("unexpected exception: ") + e.what());
        } catch (...) {
            msg.clear();
        }
        return NS_STATUS_INTERNAL;
    } catch (...) {
        set("unexpected exception");
        return NS_STATUS_INTERNAL;
    }
}

/* Xapian lets a reader go on reading an old revision only until the
 * writer has committed twice more: then the blocks it reads may have been
 * reused, and what comes back is DatabaseModifiedError, but also
 * DatabaseCorruptError ("Expected block 9 to be level 2"), "EOF reading
 * block" or an article's data cut short.  A reader that finds a newer
 * revision on disk after such an error has met the writer, not damage:
 * its caller refreshes and tries again (NS_STATUS_RETRY), where it had
 * answered 500 during a nightly update with a small --commit-every. */
bool libns::moved_on(ns_index_t *idx)
{
    if (!idx || idx->cluster || idx->wdb || !idx->db || idx->dbpath.empty())
        return false;
    try {
        return Xapian::Database(idx->dbpath).get_revision() !=
               idx->db->get_revision();
    } catch (...) {
        return false;
    }
}

ns_status_t libns::caught(ns_index_t *idx)
{
    std::string scratch;
    ns_status_t st = caught_message(idx ? idx->error : scratch);
    if (st == NS_STATUS_XAPIAN && moved_on(idx))
        return NS_STATUS_RETRY;
    return st;
}

const char *ns_status_to_string(ns_status_t status)
{
    switch (status) {
    case NS_STATUS_OK:
        return "no error";
    case NS_STATUS_NOMEM:
        return "out of memory";
    case NS_STATUS_IO:
        return "input/output error";
    case NS_STATUS_NOT_FOUND:
        return "not found";
    case NS_STATUS_BAD_INPUT:
        return "invalid article";
    case NS_STATUS_BAD_QUERY:
        return "invalid query";
    case NS_STATUS_LOCKED:
        return "index is locked by another writer";
    case NS_STATUS_RETRY:
        return "index changed during the operation; try again";
    case NS_STATUS_XAPIAN:
        return "Xapian error";
    case NS_STATUS_INTERNAL:
        return "internal error";
    case NS_STATUS_READ_ONLY:
        return "index is open read-only";
    case NS_STATUS_INTERRUPTED:
        return "interrupted";
    case NS_STATUS_SHARDS_DOWN:
        return "a shard of the cluster is down";
    case NS_STATUS_LAST:
        break;
    }
    return "unknown status";
}
