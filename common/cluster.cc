/* cluster.cc - Shards on many hosts searched as one index, through
 * Xapian's remote backend: connecting to each shard's replicas in turn,
 * and keeping the union fresh (README "Scaling"); cluster-file.cc reads
 * the cluster file.
 *
 * Xapian does the searching: a Database with one sub-database per shard,
 * local or remote (xapian-tcpsrv, xapian-progsrv), ranks with the
 * statistics of the whole collection, so the union answers as one index
 * of the same articles would.  What is ours is only what a union cannot
 * say: each shard's metadata (the preset dictionary of its stored
 * articles, its languages, its place in the cluster) is read from that
 * shard alone, since get_metadata() of a union answers from its first
 * sub-database; which replica of a shard to use; and the local copies of
 * the shards' spelling dictionaries ("spelling" lines), which the remote
 * backend cannot serve (spelling-copy.cc).
 *
 * The front never calls reopen() on a shard: a shard host serves
 * INDEXDIR/current, and a server that reopened through a link swapped to
 * a new generation could mix the two (XAPIAN-NOTES.md).  A new connection
 * opens the live generation whole, so the front connects again instead:
 * when a shard fails or changes under a search, and every refresh
 * interval to notice a new generation or new articles; it switches to the
 * new connections only when something changed. */
#include <chrono>
#include <cstring>
#include <exception>
#include <thread>

#include "cluster.h"
#include "index-private.h"

using namespace libns;

/* Handles of the same process start at different replicas, so that the
 * server's workers spread over them. */
static unsigned next_start = 0;

static double now_s()
{
    return std::chrono::duration<double>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/* ------------------------------------------------------------------------ */
/* Reaching a shard                                                         */
/* ------------------------------------------------------------------------ */

static Xapian::Database open_replica(const Cluster &c, const Replica &r,
                                     std::string &gen, bool probe = false)
{
    gen.clear();
    /* A probe of a shard that was down waits for the server's greeting
     * no longer than for the connection: a host that accepts and never
     * answers (a stopped xapian-tcpsrv) held each request for the whole
     * timeout. */
    unsigned timeout_ms =
        (unsigned)((probe ? c.connect_timeout : c.timeout) * 1000);
    switch (r.kind) {
    case Replica::TCP:
        return Xapian::Remote::open(r.host, r.port, timeout_ms,
                                    (unsigned)(c.connect_timeout * 1000));
    case Replica::PROG:
        return Xapian::Remote::open(r.program, r.args, timeout_ms);
    case Replica::LOCAL:
        break;
    }
    char name[256];
    if (ns_gen_current(r.path.c_str(), name, sizeof name) == 0) {
        gen = name;
        return Xapian::Database(r.path + "/" + name);
    }
    return Xapian::Database(r.path);
}

/* What changes when shard DB does: a new generation has a new UUID; an
 * update changes the count, the last docid or the total length. */
static std::string signature(const Xapian::Database &db)
{
    return db.get_uuid() + "/" + std::to_string(db.get_doccount()) + "/" +
           std::to_string(db.get_lastdocid()) + "/" +
           std::to_string(db.get_total_length());
}

/* Shard S reached afresh: its replicas in turn from the preferred one,
 * each within the cluster's timeouts.  A replica that holds another
 * shard (its nsearch.shard metadata) counts as failed.  When the shard
 * is unchanged since OLD, its metadata is taken from OLD rather than
 * fetched again. */
static ShardConn connect_shard(Cluster &c, size_t s, const ShardConn *old)
{
    ShardConn out;
    const std::vector<Replica> &reps = c.shards[s];
    const std::string want =
        std::to_string(s) + "/" + std::to_string(c.shards.size());
    std::string errors;
    for (size_t k = 0; k < reps.size(); k++) {
        size_t r = (c.preferred[s] + k) % reps.size();
        out.replica = r;
        double t0 = now_s();
        try {
            /* Every connection, also a refresh's of a shard that was up,
             * must get the server's greeting within connect-timeout
             * first, then is opened with the search's timeout: a host
             * that stopped answering (a hung server, a host powered off:
             * no reset) held the first request of each worker for the
             * whole timeout, 5 s of a 'timeout 5' where connect-timeout
             * was 1. */
            if (reps[r].kind == Replica::TCP)
                open_replica(c, reps[r], out.gen, true);
            Xapian::Database db = open_replica(c, reps[r], out.gen);
            db.keep_alive();
            out.latency_ms = (now_s() - t0) * 1000;
            out.sig = signature(db);
            if (old && old->up && old->sig == out.sig) {
                out.zdict = old->zdict;
                out.langs = old->langs;
                out.facets = old->facets;
                out.authors = old->authors;
                out.time_enc = old->time_enc;
            } else {
                std::string is = db.get_metadata(META_SHARD);
                bool ok = is == want || (is.empty() && c.shards.size() == 1);
                if (!db.get_metadata(META_COPY).empty())
                    throw Xapian::InvalidOperationError(
                        "it is a spelling copy, not a shard (list it on a "
                        "'spelling' line)");
                if (!ok)
                    throw Xapian::InvalidOperationError(
                        "it holds " +
                        (is.empty() ? std::string("no shard") : "shard " + is) +
                        ", not shard " + want);
                out.zdict = db.get_metadata(META_ZDICT);
                out.langs = db.get_metadata(META_LANGS);
                out.facets = db.get_doccount() == 0 ||
                             db.get_metadata(META_FACETS) == "1";
                out.authors = db.get_doccount() == 0 ||
                              db.get_metadata(META_AUTHORS) == "1";
                out.time_enc =
                    db.get_doccount() == 0 ? 0 : time_encoding(db);
            }
            out.db = db;
            out.uuid = db.get_uuid();
            out.articles = db.get_doccount();
            out.up = true;
            c.preferred[s] = r;
            return out;
        } catch (const Xapian::Error &e) {
            out.latency_ms = (now_s() - t0) * 1000;
            if (!errors.empty())
                errors += "; ";
            errors += reps[r].label + ": " + describe(e);
        }
    }
    out.error = errors;
    out.db = Xapian::Database();
    /* Down: tried again after REFRESH, then twice as long each time, up to
     * a minute, so that a dead shard costs one request its connect-timeout
     * now and then, not every request. */
    out.backoff = old && !old->up && old->backoff > 0
                      ? std::min(old->backoff * 2, 60.0)
                      : c.refresh;
    out.retry_at = now_s() + out.backoff;
    return out;
}

/* The shards of CONNS that keep article times the old way
 * (sortable_serialise, time-slot.cc) while another keeps them the new:
 * sorted or cut by date as one, their dates would interleave wrongly, so
 * they are left out as down, saying why, until they are rebuilt.  True
 * if one was.  The times of the union are then kept as all agree. */
static bool leave_out_mixed_times(const Cluster &c,
                                  std::vector<ShardConn> &conns)
{
    bool any_new = false;
    for (const ShardConn &sc : conns)
        any_new = any_new || (sc.up && sc.time_enc == TIME_ORDERED);
    if (!any_new)
        return false;
    bool left = false;
    for (ShardConn &sc : conns) {
        if (!sc.up || sc.time_enc != TIME_SORTABLE)
            continue;
        sc.up = false;
        sc.db = Xapian::Database();
        sc.error = "it keeps article times as an older nindex did, the "
                   "other shards the new way, which orders dates before "
                   "1970 correctly; rebuild it with nindex --rebuild";
        sc.backoff = c.refresh;
        sc.retry_at = now_s() + c.refresh;
        left = true;
    }
    return left;
}

/* Make CONNS what IDX searches: the union of the shards that are up, in
 * shard order, with their dictionaries and languages. */
static void install(ns_index_t *idx, std::vector<ShardConn> &conns)
{
    Cluster &c = *idx->cluster;
    std::unique_ptr<Xapian::Database> all(new Xapian::Database());
    std::vector<std::string> zdicts;
    std::set<std::string> langs;
    int enc = TIME_ORDERED; /* agreed (leave_out_mixed_times) */
    for (const ShardConn &sc : conns) {
        if (!sc.up)
            continue;
        if (sc.time_enc)
            enc = sc.time_enc;
        all->add_database(sc.db);
        zdicts.push_back(sc.zdict);
        size_t start = 0;
        while (start < sc.langs.size()) {
            size_t comma = sc.langs.find(',', start);
            if (comma == std::string::npos)
                comma = sc.langs.size();
            if (comma > start)
                langs.insert(sc.langs.substr(start, comma - start));
            start = comma + 1;
        }
    }
    c.conns.swap(conns);
    c.view++;
    idx->db = std::move(all);
    idx->zdicts.swap(zdicts);
    idx->zdict = idx->zdicts.empty() ? std::string() : idx->zdicts[0];
    idx->langs.swap(langs);
    idx->time_enc = enc;
    /* Cached related lists and copies name docids of the old union. */
    forget_view(idx);
}

bool libns::cluster_has_facets(const ns_index_t *idx, bool authors)
{
    for (const ShardConn &sc : idx->cluster->conns)
        if (sc.up && !(authors ? sc.authors : sc.facets))
            return false;
    return true;
}

ns_status_t libns::cluster_open(ns_index_t *idx)
{
    std::shared_ptr<Cluster> c = std::make_shared<Cluster>();
    c->file = idx->path;
    std::string why;
    if (!read_cluster_file(*c, why)) {
        idx->error = why;
        return NS_STATUS_BAD_INPUT;
    }
    unsigned start = __atomic_fetch_add(&next_start, 1, __ATOMIC_RELAXED);
    for (const auto &reps : c->shards)
        c->preferred.push_back(start % reps.size());
    idx->cluster = c;
    cluster_refresh(idx, true);
    return cluster_ready(idx);
}

bool libns::cluster_refresh(ns_index_t *idx, bool force)
{
    Cluster &c = *idx->cluster;
    double t = now_s();
    if (!force && t - c.checked < c.refresh)
        return false;
    /* A copy replaced by a later export is seen here, as a new generation
     * of a shard is: its file looked at, and opened again when it
     * changed.  Suggestions change, not the articles searched. */
    if (refresh_copies(c.spelling))
        c.dict = copies_union(c.spelling);
    if (!c.synonyms.empty())
        refresh_synonyms(idx, c.synonyms);
    std::vector<ShardConn> fresh;
    bool changed = force || c.conns.size() != c.shards.size();
    for (size_t s = 0; s < c.shards.size(); s++) {
        const ShardConn *old = s < c.conns.size() ? &c.conns[s] : nullptr;
        if (!force && old && !old->up && t < old->retry_at) {
            fresh.push_back(*old); /* still down, not tried again yet */
            continue;
        }
        fresh.push_back(connect_shard(c, s, old));
        const ShardConn &f = fresh.back();
        if (!old || f.up != old->up || f.sig != old->sig ||
            f.replica != old->replica)
            changed = true;
    }
    /* Taken after the connections: a slow shard must not make the next
     * request connect again at once. */
    c.checked = now_s();
    if (leave_out_mixed_times(c, fresh))
        changed = true;
    if (changed) {
        install(idx, fresh);
    } else {
        /* Nothing new: the fresh connections close; the latencies and
         * errors are the latest. */
        for (size_t s = 0; s < fresh.size(); s++) {
            c.conns[s].latency_ms = fresh[s].latency_ms;
            c.conns[s].error = fresh[s].error;
            c.conns[s].retry_at = fresh[s].retry_at;
            c.conns[s].backoff = fresh[s].backoff;
        }
    }
    return changed;
}

ns_status_t libns::cluster_ready(ns_index_t *idx)
{
    const Cluster &c = *idx->cluster;
    std::string down;
    size_t up = 0;
    for (size_t s = 0; s < c.conns.size(); s++) {
        if (c.conns[s].up) {
            up++;
            continue;
        }
        down += (down.empty() ? "" : "; ") + std::string("shard ") +
                std::to_string(s) + " is down (" + c.conns[s].error + ")";
    }
    if (up == c.shards.size() || (up > 0 && c.partial))
        return NS_STATUS_OK;
    idx->error = "cluster '" + c.file + "': " +
                 (up == 0 ? std::string("no shard can be reached: ") : "") +
                 down;
    return NS_STATUS_SHARDS_DOWN;
}

/* Xapian 1.4's remote backend reads a document in a round trip of its
 * own and has no way to ask for several at once (MSet::fetch does nothing
 * for it), so the stored articles of a page cost one round trip each, in
 * turn: about 0.4 ms each on loopback, most of a cluster's time per
 * query.  Each shard is a connection of its own, so a thread per shard
 * asks its share at the same time; a shard's connection is used by its
 * thread alone meanwhile (the caller waits), which is what Xapian allows:
 * one object, one thread at a time. */
std::vector<Xapian::Document>
libns::cluster_documents(ns_index_t *idx,
                         const std::vector<Xapian::docid> &dids)
{
    std::vector<Xapian::Document> out(dids.size());
    if (!idx->cluster) {
        for (size_t i = 0; i < dids.size(); i++)
            out[i] = idx->db->get_document(dids[i]);
        return out;
    }
    std::vector<Xapian::Database *> subs; /* the union's, in its order */
    for (ShardConn &sc : idx->cluster->conns)
        if (sc.up)
            subs.push_back(&sc.db);
    size_t n = subs.size();
    std::vector<std::vector<size_t>> share(n);
    for (size_t i = 0; i < dids.size(); i++)
        if (n)
            share[(dids[i] - 1) % n].push_back(i);
    size_t busy = 0;
    for (const auto &sh : share)
        busy += !sh.empty();
    if (busy <= 1) {
        for (size_t i = 0; i < dids.size(); i++)
            out[i] = idx->db->get_document(dids[i]);
        return out;
    }
    std::vector<std::exception_ptr> failed(n);
    std::vector<std::thread> threads;
    for (size_t k = 0; k < n; k++) {
        if (share[k].empty())
            continue;
        threads.emplace_back([&, k]() {
            try {
                for (size_t i : share[k])
                    out[i] = subs[k]->get_document(
                        (Xapian::docid)((dids[i] - 1) / n + 1));
            } catch (...) {
                failed[k] = std::current_exception();
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    for (const std::exception_ptr &e : failed)
        if (e)
            std::rethrow_exception(e);
    return out;
}

std::vector<unsigned> libns::cluster_missing(const ns_index_t *idx)
{
    std::vector<unsigned> out;
    if (!idx->cluster)
        return out;
    const Cluster &c = *idx->cluster;
    for (size_t s = 0; s < c.conns.size(); s++)
        if (!c.conns[s].up)
            out.push_back((unsigned)s);
    return out;
}

uint64_t libns::view_revision(const ns_index_t *idx)
{
    if (idx->cluster)
        return idx->cluster->view;
    return idx->db->get_revision();
}

bool libns::cluster_recoverable(const ns_index_t *idx, const Xapian::Error &e)
{
    if (!idx->cluster)
        return false;
    /* NetworkError: a replica went away or timed out.  A DatabaseError
     * from a shard (modified twice under the connection, or its
     * generation removed) is cured by a connection to the live one. */
    std::string type = e.get_type(); /* Xapian::Error is not polymorphic */
    return type.compare(0, 7, "Network") == 0 ||
           type.compare(0, 8, "Database") == 0;
}

/* How Xapian names replica R in the context of its errors
 * (get_tcpcontext(), ProgClient::get_progcontext()). */
static std::string error_context(const Replica &r)
{
    switch (r.kind) {
    case Replica::TCP:
        return "remote:tcp(" + r.host + ":" + std::to_string(r.port) + ")";
    case Replica::PROG:
        return "remote:prog(" + r.program + " " + r.args + ")";
    case Replica::LOCAL:
        break;
    }
    return std::string();
}

bool libns::cluster_timed_out(ns_index_t *idx, const Xapian::Error &e,
                              std::string &why)
{
    Cluster &c = *idx->cluster;
    size_t s = c.shards.size(); /* which shard: none known */
    for (size_t i = 0; i < c.shards.size() && s == c.shards.size(); i++)
        for (const Replica &r : c.shards[i])
            if (!e.get_context().empty() &&
                error_context(r) == e.get_context())
                s = i;
    bool known = s < c.conns.size();
    size_t replica = known ? c.conns[s].replica : 0;
    bool was_up = known && c.conns[s].up;
    /* A replica that hangs (a stopped server, a host gone) fails the
     * probe within connect-timeout: another replica, or the shard down,
     * answers the next try.  One that answers the probe is up but slower
     * than "timeout": another try would only wait as long again. */
    cluster_refresh(idx, true);
    char secs[32];
    snprintf(secs, sizeof secs, "%g", c.timeout);
    std::string setting = std::string(" s (the cluster file's 'timeout'): ");
    if (!known) {
        why = std::string("a shard did not answer within ") + secs + setting +
              describe(e);
        return true;
    }
    const ShardConn &now = c.conns[s];
    why = "shard " + std::to_string(s) + " (" + c.shards[s][replica].label +
          ") did not answer within " + secs + setting + describe(e);
    return !now.up || !was_up || now.replica != replica;
}

const Xapian::Database *libns::cluster_dictionary(const ns_index_t *idx)
{
    return idx->cluster ? idx->cluster->dict.get() : nullptr;
}

void libns::cluster_dictionary_failed(ns_index_t *idx, const std::string &why)
{
    Cluster &c = *idx->cluster;
    for (SpellingCopy &sc : c.spelling)
        if (sc.up) {
            sc.up = false;
            sc.error = why;
            sc.db = Xapian::Database();
        }
    c.dict.reset();
}

/* ------------------------------------------------------------------------ */
/* The public calls                                                         */
/* ------------------------------------------------------------------------ */

ns_status_t ns_index_shard(ns_index_t *idx, unsigned *index, unsigned *count)
{
    *index = 0;
    *count = 0;
    clear_error(idx);
    if (idx->cluster)
        return NS_STATUS_OK;
    try {
        std::string is = idx->db->get_metadata(META_SHARD);
        if (is.empty())
            return NS_STATUS_OK;
        size_t slash = is.find('/');
        unsigned i, n;
        if (slash == std::string::npos ||
            !cluster_parse_uint(is.substr(0, slash), NS_MAX_SHARDS - 1, &i) ||
            !cluster_parse_uint(is.substr(slash + 1), NS_MAX_SHARDS, &n) ||
            i >= n) {
            idx->error = "unreadable shard metadata '" + is + "'";
            return NS_STATUS_XAPIAN;
        }
        *index = i;
        *count = n;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_set_shard(ns_index_t *idx, unsigned index, unsigned count)
{
    clear_error(idx);
    if (ns_status_t st = need_writer(idx))
        return st;
    try {
        idx->wdb->set_metadata(META_SHARD, std::to_string(index) + "/" +
                                               std::to_string(count));
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

size_t ns_index_shard_count(ns_index_t *idx)
{
    return idx && idx->cluster ? idx->cluster->shards.size() : 0;
}

ns_status_t ns_index_shard_info(ns_index_t *idx, size_t i, ns_shard_info_t *out)
{
    memset(out, 0, sizeof *out);
    clear_error(idx);
    if (!idx->cluster || i >= idx->cluster->shards.size()) {
        idx->error = "no shard " + std::to_string(i);
        return NS_STATUS_NOT_FOUND;
    }
    const Cluster &c = *idx->cluster;
    out->shard = (unsigned)i;
    out->replicas = (unsigned)c.shards[i].size();
    if (i >= c.conns.size())
        return NS_STATUS_OK;
    const ShardConn &sc = c.conns[i];
    out->up = sc.up;
    snprintf(out->replica, sizeof out->replica, "%s",
             c.shards[i][sc.replica].label.c_str());
    out->articles = sc.up ? sc.articles : 0;
    snprintf(out->generation, sizeof out->generation, "%s", sc.gen.c_str());
    snprintf(out->uuid, sizeof out->uuid, "%s", sc.uuid.c_str());
    out->latency_ms = sc.latency_ms;
    snprintf(out->error, sizeof out->error, "%s", sc.error.c_str());
    return NS_STATUS_OK;
}

size_t ns_index_spelling_count(ns_index_t *idx)
{
    return idx && idx->cluster ? idx->cluster->spelling.size() : 0;
}

ns_status_t ns_index_spelling_info(ns_index_t *idx, size_t i,
                                   ns_spelling_info_t *out)
{
    memset(out, 0, sizeof *out);
    clear_error(idx);
    if (!idx->cluster || i >= idx->cluster->spelling.size()) {
        idx->error = "no spelling copy " + std::to_string(i);
        return NS_STATUS_NOT_FOUND;
    }
    const SpellingCopy &sc = idx->cluster->spelling[i];
    snprintf(out->path, sizeof out->path, "%s", sc.path.c_str());
    out->up = sc.up;
    out->words = sc.up ? sc.words : 0;
    snprintf(out->shard, sizeof out->shard, "%s", sc.shard.c_str());
    snprintf(out->exported, sizeof out->exported, "%s", sc.exported.c_str());
    snprintf(out->error, sizeof out->error, "%s", sc.error.c_str());
    return NS_STATUS_OK;
}
