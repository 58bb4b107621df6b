/* xapian.cc - The index and the search, over libxapian.
 *
 * This is the only C++ file and the only one that includes <xapian.h>.
 * Every exported function is one try block whose catches turn Xapian
 * exceptions into ns_status_t and a message in the handle; no exception
 * crosses into C.
 *
 * What goes into the database for one article:
 *
 *   term            from         why
 *   Q<id>           id           unique id: replace_document() by id
 *   (no prefix)     title x W_T, headings x W_H, section x 1, body x 1
 *                                the default field BM25 ranks on
 *   S...            title        title:word
 *   XH...           headings     heading:word
 *   A...            author       author:word
 *   XS<section>     section      section:World (boolean, lower-cased)
 *   K<tag>          tags         tag:azure (boolean, lower-cased)
 *   L<lang>         lang         lang:no (boolean)
 *
 *   value slot 0    sortable_serialise(seconds since the epoch): sorting,
 *                   recency
 *   value slot 1    "YYYYMMDD": date:A..B ranges (DateRangeProcessor)
 *   value slot 2    content fingerprint: unchanged articles are skipped
 *   document data   the article as compact JSON (ns_article_to_json),
 *                   deflated against the generation's preset dictionary
 *                   when it has one (see "Stored articles")
 *   metadata        nsearch.langs (languages present), nsearch.zdict
 *
 * Terms are stored without positions; phrase queries are checked against
 * the article's text instead (see "Phrases without positions").
 *
 * Field weights are wdf multipliers (XAPIAN-NOTES.md option (a)): the
 * title's words are indexed W_T times in the default field, so one title
 * hit counts like W_T body hits before BM25's k1 saturation.  It keeps one
 * posting list per word, so queries cost no more than a single-field index.
 */
#include <xapian.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <list>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <sys/stat.h>
#include <unordered_map>
#include <vector>

#include "ns.h"

/* ------------------------------------------------------------------------ */
/* Ranking constants                                                        */
/* ------------------------------------------------------------------------ */

/* BM25 as Xapian computes it, per query term t in document d:
 *
 *   w(t,d) = idf(t) * (k1 + 1) * wdf / (k1 * L + wdf)
 *   L      = (1 - b) + b * doclen / avg_doclen   (at least min_normlen)
 *
 * Tuned on the TIME and CACM development queries (tests/eval/ranking.sh,
 * README "Ranking quality") over k1 in 0.8..2.0, b in 0.5..1.0 and title
 * weights 1, 2, 3, 5.  TIME is flat across the grid (MAP 0.63-0.66); CACM
 * prefers k1 near 1.2 and b below 0.9; title weight 1 loses 0.02-0.03 MAP
 * on CACM, 3 and 5 are level.  BM25+ (delta 0.5, 1.0), English stop words
 * in queries and folding caps-lock queries to lower case were measured
 * too and each lost on at least one collection, so none is used.  The
 * middle of the flat region is chosen over the best cell to avoid fitting
 * the development queries. */
static const double BM25_K1 = 1.2;
static const double BM25_B = 0.85;
static const double BM25_MIN_NORMLEN = 0.5;

/* wdf multipliers of the fields in the default field. */
static const unsigned W_TITLE = 3;
static const unsigned W_HEADINGS = 2;
static const unsigned W_SECTION = 1;

/* Gap between fields so that a phrase cannot run from one into the next. */
static const unsigned FIELD_GAP = 100;

enum { SLOT_TIME = 0, SLOT_DAY = 1, SLOT_HASH = 2 };

/* Mixed into every content hash: bump it when what is indexed for an
 * article changes, so that an update re-indexes everything. */
static const char INDEX_SCHEMA[] = "nsearch-1";

/* Metadata key listing the language codes present, comma-separated: the
 * query is stemmed once per language (see build_query). */
static const char META_LANGS[] = "nsearch.langs";

/* ------------------------------------------------------------------------ */
/* Handles                                                                  */
/* ------------------------------------------------------------------------ */

/* A computed related list: what find_related would return for one set of
 * inputs on one revision of the index. */
struct RelatedEntry {
    std::vector<Xapian::docid> docids; /* newest first */
    std::vector<double> scores;
};

struct ns_index {
    std::string path;   /* as given */
    std::string gen;    /* live generation, or "" */
    std::string dbpath; /* the database opened */
    /* Related lists by their inputs, most recently used first; valid for
     * one revision of the index (cleared when it changes). */
    std::list<std::pair<std::string, RelatedEntry>> related_lru;
    std::unordered_map<std::string, decltype(related_lru)::iterator>
        related_cache;
    Xapian::rev related_rev = 0;
    std::unique_ptr<Xapian::Database> db;         /* reader, or the writer */
    Xapian::WritableDatabase *wdb = nullptr;      /* == db.get() if writing */
    std::string error;                            /* last failure */
    std::string warning;                          /* last add's remark */
    std::map<std::string, Xapian::Stem> stemmers; /* lang code -> stemmer */
    std::set<std::string> unknown_langs;          /* warned once each */
    std::set<std::string> langs;                  /* languages present */
    bool langs_dirty = false;
    Xapian::TermGenerator tg;
    std::string zdict; /* preset dictionary for stored articles */
    z_stream primed{}; /* writer: a deflate stream primed with it */
    bool have_primed = false;
};

struct ns_results {
    std::vector<ns_hit_t> hits;
    std::vector<ns_related_t> related;
    std::vector<ns_article_t> related_arts;
    std::vector<std::string> ages;
    std::vector<ns_article_t> arts;
    std::vector<std::string> snippets;
    uint64_t total = 0;
    double took_ms = 0;
    std::string warning;
};

static std::string lower(const char *s)
{
    std::string out(s ? s : "");
    for (auto &c : out)
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
    return out;
}

static char *dup_cstr(const std::string &s)
{
    char *p = (char *)malloc(s.size() + 1);
    if (p)
        memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

/* The stemmer for a language code: Xapian knows ISO 639 codes ("en", "no",
 * "nb") and names ("english").  "en-GB" falls back to "en".  An unknown
 * language gets no stemming (exact words still match); *known says which. */
static const Xapian::Stem &stemmer_for(ns_index_t *idx, const std::string &lang,
                                       bool *known = nullptr)
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
        it = idx->stemmers.emplace(lang, stem).first;
    }
    if (known)
        *known = !idx->unknown_langs.count(lang);
    return it->second;
}

/* Metadata key of the preset zlib dictionary of stored articles. */
static const char META_ZDICT[] = "nsearch.zdict";

static void load_langs(ns_index_t *idx)
{
    idx->zdict = idx->db->get_metadata(META_ZDICT);
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

/* "DatabaseError: Error writing block 174 (No space left on device)".
 * get_error_string() may be NULL (XAPIAN-NOTES.md): only append it when
 * it is there. */
static std::string describe(const Xapian::Error &e)
{
    std::string out = e.get_type() + std::string(": ") + e.get_msg();
    const char *sys = e.get_error_string();
    if (sys && *sys)
        out += std::string(" (") + sys + ")";
    return out;
}

/* Catch clauses shared by every exported function, in the order STYLE.md
 * gives.  IDX may be null (open). */
#define NS_CATCH(idx_expr)                                                     \
    catch (const Xapian::DatabaseModifiedError &e)                             \
    {                                                                          \
        if (idx_expr)                                                          \
            (idx_expr)->error = e.get_msg();                                   \
        return NS_STATUS_RETRY;                                                \
    }                                                                          \
    catch (const Xapian::DatabaseLockError &e)                                 \
    {                                                                          \
        if (idx_expr)                                                          \
            (idx_expr)->error = e.get_msg();                                   \
        return NS_STATUS_LOCKED;                                               \
    }                                                                          \
    catch (const Xapian::Error &e)                                             \
    {                                                                          \
        if (idx_expr)                                                          \
            (idx_expr)->error = describe(e);                                   \
        return NS_STATUS_XAPIAN;                                               \
    }                                                                          \
    catch (const std::bad_alloc &)                                             \
    {                                                                          \
        return NS_STATUS_NOMEM;                                                \
    }                                                                          \
    catch (...)                                                                \
    {                                                                          \
        return NS_STATUS_INTERNAL;                                             \
    }

/* ------------------------------------------------------------------------ */
/* Status strings                                                           */
/* ------------------------------------------------------------------------ */

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
    case NS_STATUS_LAST:
        break;
    }
    return "unknown status";
}

/* ------------------------------------------------------------------------ */
/* Stored articles                                                          */
/* ------------------------------------------------------------------------ */

/* An article is stored as compact JSON, and, when the index has a preset
 * dictionary (written by every rebuild: the stored JSON of its first
 * articles), as raw deflate against that dictionary behind a 0x01 byte.
 * Xapian's own zlib sees each article alone; the dictionary gives it the
 * field names, URLs, boilerplate and common words in advance: 23% smaller
 * stored articles on the synthetic archive (1,004 to 776 bytes), about 7%
 * of the whole index.  Xapian's own attempt to compress the blob again
 * then fails and it keeps ours. */
static const char ZDICT_MARK = '\x01';

static bool inflate_with(const std::string &dict, const std::string &in,
                         std::string &out)
{
    /* One inflate state per thread, reset for each record: a phrase query
     * may inflate thousands of candidates, and setting up a stream (its
     * 32 KiB window) each time cost more than a short record's inflate. */
    struct Inflater {
        z_stream z{};
        bool ok;
        Inflater() { ok = inflateInit2(&z, -15) == Z_OK; }
        ~Inflater()
        {
            if (ok)
                inflateEnd(&z);
        }
    };
    thread_local Inflater inf;
    z_stream &z = inf.z;
    if (!inf.ok || inflateReset(&z) != Z_OK ||
        inflateSetDictionary(&z, (const Bytef *)dict.data(),
                             (uInt)dict.size()) != Z_OK)
        return false;
    z.next_in = (Bytef *)in.data() + 1;
    z.avail_in = (uInt)(in.size() - 1);
    size_t used = out.size();
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        /* Articles compress about 3:1; grow by that much each round. */
        out.resize(used + 4 * in.size() + 256);
        z.next_out = (Bytef *)&out[used];
        z.avail_out = (uInt)(out.size() - used);
        rc = inflate(&z, Z_NO_FLUSH);
        used = out.size() - z.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)
            break; /* truncated */
    }
    out.resize(used);
    return rc == Z_STREAM_END;
}

/* Decode stored document data into ART.  Returns false if it is damaged. */
static bool decode(const ns_index_t *idx, const std::string &data,
                   ns_article_t *art, std::string &why)
{
    char err[256];
    const std::string *json = &data;
    std::string plain;
    if (!data.empty() && data[0] == ZDICT_MARK) {
        if (idx->zdict.empty() || !inflate_with(idx->zdict, data, plain)) {
            why = "cannot inflate";
            return false;
        }
        json = &plain;
    }
    if (ns_article_from_json(json->data(), json->size(), art, err, sizeof err) <
        0) {
        why = err;
        return false;
    }
    return true;
}

/* The stored form of JSON for IDX. */
static std::string encode(ns_index_t *idx, const char *json)
{
    size_t len = strlen(json);
    if (!idx->have_primed)
        return std::string(json, len);
    z_stream z;
    if (deflateCopy(&z, &idx->primed) != Z_OK)
        return std::string(json, len);
    std::string out(1, ZDICT_MARK);
    out.resize(1 + deflateBound(&z, (uLong)len));
    z.next_in = (Bytef *)json;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)&out[1];
    z.avail_out = (uInt)(out.size() - 1);
    int rc = deflate(&z, Z_FINISH);
    size_t used = out.size() - 1 - z.avail_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return std::string(json, len);
    out.resize(1 + used);
    return out;
}

static void prime(ns_index_t *idx)
{
    if (idx->have_primed) {
        deflateEnd(&idx->primed);
        idx->have_primed = false;
    }
    if (idx->zdict.empty())
        return;
    idx->primed = z_stream{};
    if (deflateInit2(&idx->primed, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return;
    if (deflateSetDictionary(&idx->primed, (const Bytef *)idx->zdict.data(),
                             (uInt)idx->zdict.size()) != Z_OK) {
        deflateEnd(&idx->primed);
        return;
    }
    idx->have_primed = true;
}

ns_status_t ns_index_set_dictionary(ns_index_t *idx, const char *dict,
                                    size_t len)
{
    if (!idx->wdb) {
        idx->error = "index is open read-only";
        return NS_STATUS_INTERNAL;
    }
    try {
        /* zlib uses at most the last 32 KiB of a dictionary. */
        if (len > 32768) {
            dict += len - 32768;
            len = 32768;
        }
        idx->zdict.assign(dict, len);
        idx->wdb->set_metadata(META_ZDICT, idx->zdict);
        prime(idx);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
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
        idx->gen.clear();
        idx->dbpath = idx->path;
    }
}

static ns_status_t open_impl(ns_index_t *idx, ns_open_mode_t mode)
{
    try {
        if (mode == NS_OPEN_BUILD) {
            idx->dbpath = idx->path;
            auto *w = new Xapian::WritableDatabase(
                idx->path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
            idx->db.reset(w);
            idx->wdb = w;
        } else if (mode == NS_OPEN_WRITE) {
            resolve(idx);
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
                Xapian::WritableDatabase(idx->path + "/" + name,
                                         Xapian::DB_CREATE_OR_OPEN)
                    .close();
                if (ns_gen_publish(idx->path.c_str(), name) < 0) {
                    idx->error = "cannot publish '" + idx->path + "/" + name +
                                 "': " + strerror(errno);
                    return NS_STATUS_IO;
                }
                resolve(idx);
            }
            auto *w = new Xapian::WritableDatabase(idx->dbpath,
                                                   Xapian::DB_CREATE_OR_OPEN);
            idx->db.reset(w);
            idx->wdb = w;
        } else {
            resolve(idx);
            if (!exists(idx->dbpath)) {
                idx->error = "no index at '" + idx->path + "'";
                return NS_STATUS_NOT_FOUND;
            }
            idx->db.reset(new Xapian::Database(idx->dbpath));
        }
        if (idx->wdb) {
            idx->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
            idx->tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        }
        load_langs(idx);
        if (idx->wdb)
            prime(idx);
        return NS_STATUS_OK;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        idx->error = "no index at '" + idx->path + "'";
        return NS_STATUS_NOT_FOUND;
    } catch (const Xapian::DatabaseOpeningError &e) {
        idx->error = "cannot open index '" + idx->path + "': " + e.get_msg();
        return NS_STATUS_XAPIAN;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_open(const char *path, ns_open_mode_t mode,
                          ns_index_t **out, char **err_out)
{
    *out = nullptr;
    if (err_out)
        *err_out = nullptr;
    ns_index_t *idx;
    try {
        idx = new ns_index_t;
        idx->path = path;
    } catch (...) {
        return NS_STATUS_NOMEM;
    }
    ns_status_t st = open_impl(idx, mode);
    if (st != NS_STATUS_OK) {
        if (err_out)
            *err_out = dup_cstr(idx->error.empty() ? ns_status_to_string(st)
                                                   : idx->error);
        ns_index_close(idx);
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
    try {
        if (idx->wdb)
            return NS_STATUS_OK;
        std::string old_gen = idx->gen, old_path = idx->dbpath;
        resolve(idx);
        if (idx->gen != old_gen) {
            /* A new generation: open it afresh.  reopen() would not do:
             * two freshly built databases can share a revision number,
             * and a reopened handle then mixes both (XAPIAN-NOTES.md).
             * The old handle is dropped; other handles on it keep
             * working even after its directory is removed. */
            std::unique_ptr<Xapian::Database> fresh(
                new Xapian::Database(idx->dbpath));
            idx->db = std::move(fresh);
            load_langs(idx);
            /* Cached related lists name documents of the old generation,
             * and the new one may well have the same revision number. */
            idx->related_cache.clear();
            idx->related_lru.clear();
            if (changed)
                *changed = 1;
        } else if (idx->db->reopen()) {
            load_langs(idx);
            if (changed)
                *changed = 1;
        }
        return NS_STATUS_OK;
    } catch (...) {
        /* Keep serving the version we have. */
        resolve(idx);
        try {
            throw;
        }
        NS_CATCH(idx)
    }
}

ns_status_t ns_index_info(ns_index_t *idx, ns_index_info_t *out)
{
    memset(out, 0, sizeof *out);
    try {
        out->articles = idx->db->get_doccount();
        snprintf(out->generation, sizeof out->generation, "%s",
                 idx->gen.c_str());
        struct stat st;
        if (stat((idx->dbpath + "/iamglass").c_str(), &st) == 0)
            out->built = (int64_t)st.st_mtime;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

const char *ns_index_last_error(const ns_index_t *idx)
{
    return idx ? idx->error.c_str() : "";
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

/* The text fields of ART into TG's document, in the one layout the index
 * and the phrase checker share.  The index is built WITHOUT positions
 * (POSITIONS false): positions were 44% of the index (Reuters: 30 of 69 MB)
 * and a quarter of the indexing time, and are needed only by phrase and
 * NEAR queries, which are checked against the article's own text instead
 * (see check_phrases). */
static void index_fields(Xapian::TermGenerator &tg, const ns_article_t *art,
                         bool positions)
{
    auto text = [&](const char *t, Xapian::termcount wdf, const char *prefix) {
        if (positions) {
            tg.index_text(t, wdf, prefix);
            tg.increase_termpos(FIELD_GAP);
        } else {
            tg.index_text_without_positions(t, wdf, prefix);
        }
    };
    if (art->title && *art->title) {
        text(art->title, W_TITLE, "");
        text(art->title, 1, "S");
    }
    for (size_t i = 0; i < art->n_headings; i++) {
        text(art->headings[i], W_HEADINGS, "");
        text(art->headings[i], 1, "XH");
    }
    if (art->section)
        text(art->section, W_SECTION, "");
    if (art->author)
        text(art->author, 1, "A");
    if (art->body)
        text(art->body, 1, "");
}

ns_status_t ns_index_add(ns_index_t *idx, const ns_article_t *art,
                         ns_add_result_t *result, const char **warning)
{
    if (result)
        *result = NS_ADD_ADDED;
    if (warning)
        *warning = nullptr;
    if (!idx->wdb) {
        idx->error = "index is open read-only";
        return NS_STATUS_INTERNAL;
    }
    if (!art->id || !*art->id || strlen(art->id) > NS_MAX_ID) {
        idx->error = "article has no usable id";
        return NS_STATUS_BAD_INPUT;
    }
    try {
        const std::string idterm = std::string("Q") + art->id;
        /* The fingerprint of the content (no serialising needed to find an
         * article unchanged), mixed with INDEX_SCHEMA. */
        uint64_t h = ns_article_hash(art);
        char hash[17];
        snprintf(hash, sizeof hash, "%016llx",
                 (unsigned long long)ns_hash64(INDEX_SCHEMA,
                                               sizeof INDEX_SCHEMA, h));

        /* The unchanged case is decided before any text is analysed: it
         * is the common one in a nightly update. */
        Xapian::PostingIterator p = idx->wdb->postlist_begin(idterm);
        if (p != idx->wdb->postlist_end(idterm)) {
            if (idx->wdb->get_document(*p).get_value(SLOT_HASH) == hash) {
                if (result)
                    *result = NS_ADD_UNCHANGED;
                return NS_STATUS_OK;
            }
            if (result)
                *result = NS_ADD_REPLACED;
        }

        const std::string lang = art->lang ? art->lang : "en";
        bool known;
        const Xapian::Stem &stem = stemmer_for(idx, lang, &known);
        if (!known) {
            idx->warning =
                "unknown language '" + lang + "', indexed without stemming";
            if (warning)
                *warning = idx->warning.c_str();
        }

        Xapian::Document doc;
        Xapian::TermGenerator &tg = idx->tg;
        tg.set_stemmer(stem);
        tg.set_document(doc);
        doc.add_boolean_term(idterm);
        index_fields(tg, art, false);
        if (art->section)
            doc.add_boolean_term("XS" + lower(art->section));
        for (size_t i = 0; i < art->n_tags; i++)
            doc.add_boolean_term("K" + lower(art->tags[i]));
        doc.add_boolean_term("L" + lang);

        if (art->date) {
            doc.add_value(SLOT_TIME,
                          Xapian::sortable_serialise((double)art->time));
            /* "2025-08-06T..." -> "20250806" */
            std::string day = std::string(art->date, 4) +
                              std::string(art->date + 5, 2) +
                              std::string(art->date + 8, 2);
            doc.add_value(SLOT_DAY, day);
        }

        char *data = ns_article_to_json(art);
        if (!data)
            return NS_STATUS_NOMEM;
        doc.set_data(encode(idx, data));
        free(data);
        doc.add_value(SLOT_HASH, hash);
        idx->wdb->replace_document(idterm, doc);
        if (idx->langs.insert(lang).second)
            idx->langs_dirty = true;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_delete(ns_index_t *idx, const char *id, int *deleted)
{
    if (deleted)
        *deleted = 0;
    if (!idx->wdb) {
        idx->error = "index is open read-only";
        return NS_STATUS_INTERNAL;
    }
    try {
        const std::string term = std::string("Q") + id;
        if (idx->wdb->term_exists(term)) {
            idx->wdb->delete_document(term);
            if (deleted)
                *deleted = 1;
        }
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_prune(ns_index_t *idx,
                           int (*keep)(const char *id, void *ctx), void *ctx,
                           uint64_t *deleted)
{
    if (deleted)
        *deleted = 0;
    try {
        /* Collect first: deleting while walking the term list would
         * disturb the walk.  A read-only handle only counts (a dry
         * run). */
        std::vector<std::string> doomed;
        for (auto t = idx->db->allterms_begin("Q");
             t != idx->db->allterms_end("Q"); ++t) {
            std::string id = (*t).substr(1);
            if (!keep(id.c_str(), ctx))
                doomed.push_back(*t);
        }
        if (idx->wdb)
            for (const auto &term : doomed)
                idx->wdb->delete_document(term);
        if (deleted)
            *deleted = doomed.size();
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

/* Merging shards: the language lists in their metadata are united, not
 * taken from one shard. */
class MergeCompactor : public Xapian::Compactor
{
  public:
    std::string resolve_duplicate_metadata(const std::string &key, size_t n,
                                           const std::string tags[]) override
    {
        if (key != META_LANGS)
            return tags[0];
        std::set<std::string> all;
        for (size_t i = 0; i < n; i++) {
            size_t start = 0;
            while (start < tags[i].size()) {
                size_t comma = tags[i].find(',', start);
                if (comma == std::string::npos)
                    comma = tags[i].size();
                if (comma > start)
                    all.insert(tags[i].substr(start, comma - start));
                start = comma + 1;
            }
        }
        std::string out;
        for (const auto &l : all)
            out += (out.empty() ? "" : ",") + l;
        return out;
    }
};

ns_status_t ns_index_merge(const char *const *shards, size_t n,
                           const char *dest, char **err_out)
{
    if (err_out)
        *err_out = nullptr;
    std::string error;
    ns_status_t st = NS_STATUS_OK;
    try {
        Xapian::Database all;
        for (size_t i = 0; i < n; i++)
            all.add_database(Xapian::Database(shards[i]));
        MergeCompactor compactor;
        all.compact(dest, Xapian::Compactor::FULL, 0, compactor);
        if (ns_sync_tree(dest) < 0) {
            error =
                std::string("cannot sync '") + dest + "': " + strerror(errno);
            st = NS_STATUS_IO;
        }
    } catch (const Xapian::Error &e) {
        error = describe(e);
        st = NS_STATUS_XAPIAN;
    } catch (const std::bad_alloc &) {
        st = NS_STATUS_NOMEM;
    } catch (...) {
        st = NS_STATUS_INTERNAL;
    }
    if (st != NS_STATUS_OK && err_out)
        *err_out = dup_cstr(error.empty() ? ns_status_to_string(st) : error);
    return st;
}

ns_status_t ns_index_commit(ns_index_t *idx)
{
    if (!idx->wdb)
        return NS_STATUS_OK;
    try {
        if (idx->langs_dirty) {
            std::string meta;
            for (const auto &l : idx->langs)
                meta += (meta.empty() ? "" : ",") + l;
            idx->wdb->set_metadata(META_LANGS, meta);
            idx->langs_dirty = false;
        }
        idx->wdb->commit();
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_count(ns_index_t *idx, uint64_t *out)
{
    *out = 0;
    try {
        *out = idx->db->get_doccount();
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_get(ns_index_t *idx, const char *id, ns_article_t *art)
{
    memset(art, 0, sizeof *art);
    try {
        const std::string term = std::string("Q") + id;
        Xapian::PostingIterator p = idx->db->postlist_begin(term);
        if (p == idx->db->postlist_end(term)) {
            idx->error = std::string("no article with id '") + id + "'";
            return NS_STATUS_NOT_FOUND;
        }
        std::string why;
        if (!decode(idx, idx->db->get_document(*p).get_data(), art, why)) {
            idx->error =
                "stored article '" + std::string(id) + "' is damaged: " + why;
            return NS_STATUS_XAPIAN;
        }
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

/* ------------------------------------------------------------------------ */
/* Searching                                                                */
/* ------------------------------------------------------------------------ */

/* Boolean prefixes take their value as one term; these fold it to lower
 * case the way the indexer does, so section:World finds "world". */
class LowerPrefix : public Xapian::FieldProcessor
{
    std::string prefix;

  public:
    explicit LowerPrefix(const std::string &p) : prefix(p) {}
    Xapian::Query operator()(const std::string &value) override
    {
        return Xapian::Query(prefix + lower(value.c_str()));
    }
};

static const unsigned PARSE_FLAGS =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_CJK_NGRAM;

static Xapian::QueryParser make_parser(ns_index_t *idx,
                                       const Xapian::Stem &stem)
{
    Xapian::QueryParser qp;
    qp.set_database(*idx->db);
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_OR);
    /* A wildcard over a huge vocabulary would expand to thousands of terms;
     * the most frequent 100 are plenty to rank. */
    qp.set_max_expansion(100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    qp.add_prefix("title", "S");
    qp.add_prefix("heading", "XH");
    qp.add_prefix("author", "A");
    qp.add_boolean_prefix("section", (new LowerPrefix("XS"))->release());
    qp.add_boolean_prefix("tag", (new LowerPrefix("K"))->release());
    qp.add_boolean_prefix("lang", (new LowerPrefix("L"))->release());
    qp.add_boolean_prefix("id", "Q");
    /* date:2025-01-01..2025-03-31, open ends allowed. */
    qp.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(SLOT_DAY, "date:", 0, 1970))
            ->release());
    return qp;
}

/* Parse TEXT into a query.  Articles are stemmed in their own language, so
 * the query is parsed once per stemmer present in the index, each parse
 * restricted to the articles of its languages: a Norwegian article is
 * matched by Norwegian stems and an English one by English stems.  With a
 * single language there is no restriction and no extra cost. */
static Xapian::Query build_query(ns_index_t *idx, const std::string &text,
                                 unsigned flags)
{
    std::map<std::string, std::vector<std::string>> groups; /* stem -> langs */
    std::map<std::string, const Xapian::Stem *> stems;
    std::set<std::string> langs = idx->langs;
    if (langs.empty())
        langs.insert("en");
    for (const auto &l : langs) {
        const Xapian::Stem &s = stemmer_for(idx, l);
        std::string key = s.get_description();
        groups[key].push_back(l);
        stems[key] = &s;
    }
    Xapian::Query q;
    for (const auto &g : groups) {
        Xapian::QueryParser qp = make_parser(idx, *stems[g.first]);
        Xapian::Query part = qp.parse_query(text, flags);
        if (groups.size() > 1) {
            std::vector<Xapian::Query> filter;
            for (const auto &l : g.second)
                filter.emplace_back("L" + l);
            part = Xapian::Query(Xapian::Query::OP_FILTER, part,
                                 Xapian::Query(Xapian::Query::OP_OR,
                                               filter.begin(), filter.end()));
        }
        q = q.empty() ? part : Xapian::Query(Xapian::Query::OP_OR, q, part);
    }
    return q;
}

/* Xapian returns HTML: undo its escaping (it escapes &, < and > only, and
 * our markers are control bytes it leaves alone) and fold white space. */
static std::string unescape_snippet(const std::string &html)
{
    std::string out;
    out.reserve(html.size());
    bool space = false;
    for (size_t i = 0; i < html.size(); i++) {
        char c = html[i];
        if (c == '&') {
            static const struct {
                const char *ent;
                char ch;
            } ents[] = {{"&amp;", '&'},
                        {"&lt;", '<'},
                        {"&gt;", '>'},
                        {"&quot;", '"'},
                        {"&#39;", '\''}};
            bool done = false;
            for (const auto &e : ents) {
                size_t n = strlen(e.ent);
                if (html.compare(i, n, e.ent) == 0) {
                    out += e.ch;
                    i += n - 1;
                    done = true;
                    break;
                }
            }
            if (done) {
                space = false;
                continue;
            }
        }
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!space && !out.empty())
                out += ' ';
            space = true;
            continue;
        }
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

/* ------------------------------------------------------------------------ */
/* Related recent posts                                                     */
/* ------------------------------------------------------------------------ */

/* "The same story" is measured from the seed articles' own words:
 *
 *  1. The seed vector: the seed's stemmed terms (Z prefix: one form per
 *     word; the title counted W_TITLE times through its wdf), weighted
 *     (1 + ln wdf) * ln(N / df).  Terms no other article has (df < 2) find
 *     nothing; terms in more than RELATED_MAX_DF of the archive (and more
 *     than RELATED_MIN_COMMON articles) are boilerplate ("said", "reuter",
 *     datelines).  The RELATED_TERMS heaviest terms are kept.
 *  2. Those terms are OR-ed with equal weight into one query, ranked by
 *     BM25 and filtered to the recency window.  The seed weight only
 *     chooses the terms: scaling by it too counts idf twice (BM25 applies
 *     it again), which favours rare names over the words that say what a
 *     story is about (precision 0.69 against 0.80 on Reuters).
 *  3. The seed is scored by the same query (it is let through the window
 *     filter): a candidate must reach RELATED_MIN_SHARE of that
 *     self-score.  The threshold is thus independent of how long or how
 *     rare the seed's words are, and it is what leaves a story with no
 *     follow-ups with an empty list.
 *  4. Candidates are taken best first, skipping near-duplicates of the
 *     seed, of the shown hits and of each other (the same normalised title,
 *     or bodies whose word sets overlap RELATED_DUP_JACCARD or more), then
 *     shown newest first.
 *
 * Set on the Reuters-21578 evaluation (tests/eval/related.sh, README
 * "Related recent posts"), which also measured and rejected: seed weights
 * in the query, 15, 20 and 60 terms, df cuts of 5% and 10%, a title boost,
 * seeding from the title and lead only, pseudo-relevance feedback from the
 * first candidates, and a cut relative to the best candidate.  Each moved
 * along the same precision/coverage curve or below it. */
static const double RELATED_MAX_DF = 0.20;
static const double RELATED_MIN_COMMON = 50;
static const size_t RELATED_TERMS = 30;
static const double RELATED_MIN_SHARE = 0.25;
static const double RELATED_DUP_JACCARD = 0.8;
static const unsigned RELATED_CANDIDATES = 40;
static const size_t SEARCH_SEEDS = 3; /* top hits that seed a search's list */

/* What near-duplicate tests compare: the normalised title and the sorted,
 * distinct hashes of the body's words.  Built lazily: most candidates are
 * told apart by title alone. */
struct DupKey {
    const ns_article_t *art;
    std::string title;
    std::vector<uint64_t> words;
    bool have_words = false;
};

/* Lower-cased words of TEXT (letters and digits; other bytes separate),
 * passed one at a time to EMIT. */
template <typename F> static void each_word(const char *text, F emit)
{
    std::string w;
    for (const char *p = text ? text : "";; p++) {
        unsigned char c = (unsigned char)*p;
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (word) {
            w += (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else {
            if (!w.empty())
                emit(w);
            w.clear();
            if (!c)
                break;
        }
    }
}

static DupKey dup_key(const ns_article_t *a)
{
    DupKey k;
    k.art = a;
    each_word(a->title, [&](const std::string &w) {
        k.title += (k.title.empty() ? "" : " ") + w;
    });
    return k;
}

static const std::vector<uint64_t> &dup_words(DupKey &k)
{
    if (!k.have_words) {
        each_word(k.art->body, [&](const std::string &w) {
            k.words.push_back(std::hash<std::string>()(w));
        });
        std::sort(k.words.begin(), k.words.end());
        k.words.erase(std::unique(k.words.begin(), k.words.end()),
                      k.words.end());
        k.have_words = true;
    }
    return k.words;
}

static bool near_duplicate(DupKey &a, DupKey &b)
{
    if (!a.title.empty() && a.title == b.title)
        return true;
    const auto &x = dup_words(a), &y = dup_words(b);
    if (x.size() < 5 || y.size() < 5)
        return false;
    std::vector<uint64_t> common;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(),
                          std::back_inserter(common));
    double jaccard =
        (double)common.size() / (double)(x.size() + y.size() - common.size());
    return jaccard >= RELATED_DUP_JACCARD;
}

/* Add the weighted stemmed terms of document DID, times SCALE, to ACC.
 * Plain stems only: the ZS (title) and ZXH (heading) copies would count
 * those words twice, and the title weight is in the wdf already. */
static void seed_terms(const Xapian::Database &db, Xapian::docid did,
                       double scale, std::map<std::string, double> &acc)
{
    const double n = db.get_doccount();
    Xapian::TermIterator t = db.termlist_begin(did);
    Xapian::TermIterator end = db.termlist_end(did);
    t.skip_to("Z");
    for (; t != end; ++t) {
        const std::string term = *t;
        if (term.empty() || term[0] != 'Z')
            break;
        if (term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z')
            continue;
        double df = t.get_termfreq();
        if (df < 2 || (df > RELATED_MAX_DF * n && df > RELATED_MIN_COMMON))
            continue;
        acc[term] += scale * (1 + log((double)t.get_wdf())) * log(n / df);
    }
}

/* The story query: the RELATED_TERMS heaviest terms of ACC, OR-ed. */
static Xapian::Query story_query(const std::map<std::string, double> &acc)
{
    std::vector<std::pair<double, std::string>> terms;
    for (const auto &kv : acc)
        terms.emplace_back(kv.second, kv.first);
    if (terms.size() > RELATED_TERMS) {
        std::partial_sort(
            terms.begin(), terms.begin() + RELATED_TERMS, terms.end(),
            [](const auto &x, const auto &y) { return x.first > y.first; });
        terms.resize(RELATED_TERMS);
    }
    std::vector<Xapian::Query> parts;
    for (const auto &t : terms)
        parts.emplace_back(t.second);
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

static std::string age_text(int64_t seconds)
{
    static const struct {
        int64_t secs;
        int64_t from; /* said in this unit from this many seconds on */
        const char *name;
    } units[] = {{365 * 86400, 2 * 365 * 86400, "year"},
                 {30 * 86400, 60 * 86400, "month"},
                 {7 * 86400, 14 * 86400, "week"},
                 {86400, 86400, "day"},
                 {3600, 3600, "hour"},
                 {60, 60, "minute"}};
    /* Below two of a unit, the next smaller one speaks ("10 days ago",
     * not "1 week ago"), as news sites count. */
    for (const auto &u : units) {
        if (seconds >= u.from) {
            int64_t n = seconds / u.secs;
            return std::to_string(n) + " " + u.name + (n == 1 ? "" : "s") +
                   " ago";
        }
    }
    return "just now";
}

static int64_t newest_time(const Xapian::Database &db)
{
    std::string hi = db.get_value_upper_bound(SLOT_TIME);
    return hi.empty() ? 0 : (int64_t)Xapian::sortable_unserialise(hi);
}

/* Fill RES->related.  SEEDS are the documents the story is taken from;
 * SHOWN are the articles the reader already sees (the hits, or the article
 * itself; SHOWN[0] is SEEDS[0]): never listed, nor their near-duplicates. */
static void compute_related(ns_index_t *idx,
                            const std::vector<Xapian::docid> &seeds,
                            const std::vector<const ns_article_t *> &shown,
                            const ns_search_opts_t *o, ns_results_t *res,
                            RelatedEntry *entry)
{
    const Xapian::Database &db = *idx->db;

    std::map<std::string, double> acc;
    for (size_t i = 0; i < seeds.size(); i++)
        seed_terms(db, seeds[i], 1.0 / (double)(i + 1), acc);
    if (acc.empty())
        return;
    Xapian::Query story = story_query(acc);

    /* One query gives both the candidates and the yardstick: the window
     * filter lets the first seed through too. */
    const int64_t now = o->now == NS_NOW_NEWEST ? newest_time(db) : o->now;
    const Xapian::Query self_term(std::string("Q") + shown[0]->id);
    Xapian::Query q = story;
    if (o->recent_days) {
        int64_t from = now - (int64_t)o->recent_days * 86400;
        Xapian::Query window(Xapian::Query::OP_VALUE_RANGE, SLOT_TIME,
                             Xapian::sortable_serialise((double)from),
                             Xapian::sortable_serialise((double)now));
        q = Xapian::Query(
            Xapian::Query::OP_FILTER, story,
            Xapian::Query(Xapian::Query::OP_OR, window, self_term));
    }
    Xapian::Enquire enq(db);
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    enq.set_query(q);

    /* Seeds and shown articles are dropped by docid after matching: at
     * most a page of them, cheaper than more terms in the query. */
    std::set<Xapian::docid> excluded(seeds.begin(), seeds.end());
    for (const ns_article_t *a : shown) {
        Xapian::PostingIterator p = db.postlist_begin(std::string("Q") + a->id);
        if (p != db.postlist_end(std::string("Q") + a->id))
            excluded.insert(*p);
    }
    Xapian::MSet ms =
        enq.get_mset(0, RELATED_CANDIDATES + (unsigned)excluded.size());
    double self = 0;
    for (auto it = ms.begin(); it != ms.end(); ++it)
        if (*it == seeds[0])
            self = it.get_weight();
    if (self == 0) {
        /* The seed ranked below the candidates fetched: score it alone. */
        enq.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, story, self_term));
        Xapian::MSet m = enq.get_mset(0, 1);
        self = m.empty() ? 0 : m.begin().get_weight();
    }
    if (self <= 0)
        return;
    const double cut = RELATED_MIN_SHARE * self;

    std::vector<DupKey> seen;
    for (const ns_article_t *a : shown)
        seen.push_back(dup_key(a));
    struct Pick {
        int64_t time;
        double score;
        size_t slot;
        Xapian::docid docid;
    };
    std::vector<Pick> picks;
    /* DupKeys point into ARTS: reserve so that it never moves (one more
     * than the list, for the candidate being tested). */
    std::vector<ns_article_t> arts;
    arts.reserve(o->related + 1);
    for (auto it = ms.begin(); it != ms.end() && picks.size() < o->related;
         ++it) {
        if (it.get_weight() < cut)
            break;
        if (excluded.count(*it))
            continue;
        ns_article_t art;
        std::string why;
        if (!decode(idx, it.get_document().get_data(), &art, why))
            continue;
        /* Undated articles are never recent (the window already keeps
         * them out; this also covers a window that is off). */
        if (o->recent_days && !art.date) {
            ns_article_clear(&art);
            continue;
        }
        arts.push_back(art);
        DupKey key = dup_key(&arts.back());
        bool dup = false;
        for (auto &k : seen)
            if ((dup = near_duplicate(k, key)))
                break;
        if (dup) {
            ns_article_clear(&arts.back());
            arts.pop_back();
            continue;
        }
        seen.push_back(std::move(key));
        const ns_article_t &kept = arts.back();
        picks.push_back({kept.date ? kept.time : INT64_MIN, it.get_weight(),
                         arts.size() - 1, *it});
    }
    /* Newest first; without dates (no window), most similar first. */
    std::stable_sort(
        picks.begin(), picks.end(), [](const Pick &x, const Pick &y) {
            return x.time != y.time ? x.time > y.time : x.score > y.score;
        });
    res->related_arts = std::move(arts);
    res->ages.reserve(picks.size());
    for (const Pick &p : picks) {
        const ns_article_t *a = &res->related_arts[p.slot];
        res->ages.push_back(a->date ? age_text(now - a->time) : "");
    }
    for (size_t i = 0; i < picks.size(); i++) {
        res->related.push_back({&res->related_arts[picks[i].slot],
                                picks[i].score, res->ages[i].c_str()});
        entry->docids.push_back(picks[i].docid);
        entry->scores.push_back(picks[i].score);
    }
}

/* Related lists are cached per handle and per index revision, keyed by
 * everything they depend on: about 1.3 ms to compute on Reuters against
 * well under 0.1 ms to rebuild from the cache, and a site asks for the same
 * story's sidebar over and over.  RELATED_CACHE entries cost a few hundred
 * bytes each. */
static const size_t RELATED_CACHE = 4096;

static void find_related(ns_index_t *idx,
                         const std::vector<Xapian::docid> &seeds,
                         const std::vector<const ns_article_t *> &shown,
                         const ns_search_opts_t *o, ns_results_t *res)
{
    if (!o->related || seeds.empty() || shown.empty())
        return;
    const Xapian::Database &db = *idx->db;
    const int64_t now = o->now == NS_NOW_NEWEST ? newest_time(db) : o->now;
    Xapian::rev rev = idx->wdb ? 0 : db.get_revision();
    if (rev != idx->related_rev || idx->wdb) {
        idx->related_cache.clear();
        idx->related_lru.clear();
        idx->related_rev = rev;
    }
    std::string key = std::to_string(now) + "/" +
                      std::to_string(o->recent_days) + "/" +
                      std::to_string(o->related);
    for (Xapian::docid d : seeds)
        key += "/" + std::to_string(d);
    for (const ns_article_t *a : shown)
        key += std::string("\x1f") + a->id;

    auto hit = idx->related_cache.find(key);
    if (hit != idx->related_cache.end()) {
        idx->related_lru.splice(idx->related_lru.begin(), idx->related_lru,
                                hit->second);
        const RelatedEntry &e = hit->second->second;
        res->related_arts.reserve(e.docids.size());
        for (size_t i = 0; i < e.docids.size(); i++) {
            ns_article_t art;
            std::string why;
            if (!decode(idx, db.get_document(e.docids[i]).get_data(), &art,
                        why))
                continue;
            res->related_arts.push_back(art);
            res->ages.push_back(art.date ? age_text(now - art.time) : "");
        }
        for (size_t i = 0; i < res->related_arts.size(); i++)
            res->related.push_back(
                {&res->related_arts[i], e.scores[i], res->ages[i].c_str()});
        return;
    }

    RelatedEntry e;
    compute_related(idx, seeds, shown, o, res, &e);
    if (idx->wdb)
        return;
    idx->related_lru.emplace_front(key, std::move(e));
    idx->related_cache[key] = idx->related_lru.begin();
    if (idx->related_lru.size() > RELATED_CACHE) {
        idx->related_cache.erase(idx->related_lru.back().first);
        idx->related_lru.pop_back();
    }
}

/* ------------------------------------------------------------------------ */
/* Phrases without positions                                                */
/* ------------------------------------------------------------------------ */

/* The index has no positions, so Xapian runs a phrase as the AND of its
 * words.  Each candidate is then checked against its own text: the query
 * tree is evaluated on it, with the phrase and NEAR nodes exact.  A plain
 * phrase is decided by the quick tests when they can (phrase_prefilter on
 * the stored JSON, then phrase_scan on each field); otherwise the article
 * is re-tokenised by Xapian with positions (the same field layout as the
 * index, see index_fields).  Leaves the text cannot decide (date
 * ranges, wildcards) are "unknown" and trusted to Xapian (three-valued
 * logic), so a candidate is dropped only when the query is certainly
 * false for it.  Known limit: a phrase under NOT ("a -"b c"") excludes the
 * articles that have all its words, as Xapian ran it. */
enum tri { T_FALSE = 0, T_TRUE = 1, T_UNKNOWN = 2 };

/* A page of a phrase query gives up after this many candidates that do
 * not have the phrase: a quick test rejects most (see phrase_may_occur),
 * the rest cost about 0.1-0.3 ms each, so a phrase of common words that
 * are rarely adjacent costs tens of milliseconds, not seconds.  Past it
 * the page may come out short (what it shows is still exact) and the
 * total is an estimate.  Candidates that have the phrase are not limited:
 * a deep page of "it will" is complete. */
static const size_t PHRASE_REJECT_MAX = 2000;

static tri tri_and(tri a, tri b)
{
    if (a == T_FALSE || b == T_FALSE)
        return T_FALSE;
    return a == T_TRUE && b == T_TRUE ? T_TRUE : T_UNKNOWN;
}

static tri tri_or(tri a, tri b)
{
    if (a == T_TRUE || b == T_TRUE)
        return T_TRUE;
    return a == T_FALSE && b == T_FALSE ? T_FALSE : T_UNKNOWN;
}

static tri tri_not(tri a)
{
    return a == T_UNKNOWN ? T_UNKNOWN : (a == T_TRUE ? T_FALSE : T_TRUE);
}

static bool has_positional(const Xapian::Query &q)
{
    auto op = q.get_type();
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR)
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_positional(q.get_subquery(i)))
            return true;
    return false;
}

struct Candidate {
    const ns_index_t *idx;
    Xapian::docid did;
    std::string json; /* the stored article, inflated */
    ns_article_t art; /* decoded from json when needed */
    bool decoded;
    Xapian::Document text; /* the article re-tokenised with positions */
    bool built;            /* text is filled in */
};

/* The candidate's article, decoded on first use; NULL if damaged. */
static const ns_article_t *cand_article(Candidate &c)
{
    if (!c.decoded) {
        char err[256];
        if (ns_article_from_json(c.json.data(), c.json.size(), &c.art, err,
                                 sizeof err) < 0)
            return nullptr;
        c.decoded = true;
    }
    return &c.art;
}

/* Re-tokenise the candidate, once, when a phrase really needs checking. */
static void build_text(Candidate &c)
{
    if (c.built)
        return;
    c.built = true;
    const ns_article_t *art = cand_article(c);
    if (!art)
        return;
    Xapian::TermGenerator tg;
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_document(c.text);
    index_fields(tg, art, true);
}

/* Xapian's TermGenerator joins two runs of word characters into one term
 * across one of these (termgenerator_internal.cc, check_infix and
 * check_infix_digit): an apostrophe or '&' ("world's", "AT&T"), and
 * between two digits '.', ',' or ';' ("3.14", "1,000").  Zero-width
 * characters join without leaving a trace. */
enum infix { INFIX_NONE, INFIX_JOIN, INFIX_INVISIBLE };

static infix infix_kind(unsigned prev, unsigned ch, unsigned next)
{
    if (ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff))
        return INFIX_INVISIBLE;
    auto digit = [](unsigned c) {
        return c < 0x80 ? (c >= '0' && c <= '9')
                        : Xapian::Unicode::get_category(c) ==
                              Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
    };
    if (digit(prev) && digit(next)) {
        switch (ch) {
        case ',': case '.': case ';': case 0x037e: case 0x0589: case 0x060d:
        case 0x07f8: case 0x2044: case 0xfe10: case 0xfe13: case 0xfe14:
            return INFIX_JOIN;
        }
        return INFIX_NONE;
    }
    if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027 ||
        ch == 0x2019 || ch == 0x201b)
        return INFIX_JOIN;
    return INFIX_NONE;
}

/* Xapian drops words longer than this (TermGenerator's default
 * max_word_length) without giving them a position. */
static const size_t MAX_WORD_BYTES = 64;

/* Whether Xapian may drop a word of LEN bytes: it measures the word
 * lower-cased, and lower-casing can make a non-ASCII word up to half as
 * long again (2-byte letters with 3-byte lower cases). */
static bool may_be_dropped(size_t len, bool ascii)
{
    return len > (ascii ? MAX_WORD_BYTES : MAX_WORD_BYTES * 2 / 3);
}

/* What the quick phrase test knows about one text. */
enum scan { SCAN_NO, SCAN_YES, SCAN_MAYBE };

/* A quick test of whether the WORDS of a phrase (plain lower-case ASCII
 * words, Xapian's terms for them) occur one after the other in TEXT, one
 * field's text; or, if NEAR is not 0, all within a window of NEAR words,
 * as positional_match counts it.  Words are split as Xapian's
 * TermGenerator splits them: runs of its word characters, lower-cased,
 * joined across the infixes above (a joined term has a character no phrase
 * word has, so it only separates), capitals joined by dots read as one
 * word.  Where the test does not follow Xapian exactly (C++-style
 * suffixes, zero-width joins, over-long words, a phrase word spelt as an
 * acronym, CJK text) it says "maybe" for any occurrence next to such a
 * place, and the caller re-tokenises with Xapian itself.  Otherwise its
 * "yes" and "no" are Xapian's.  Possessives are common in news ("the
 * world's average"): giving up at every apostrophe sent most candidates
 * of a phrase query to the slow check. */
static scan phrase_scan(const std::vector<std::string> &words,
                        const char *text, size_t size, size_t near)
{
    if (!text || !size)
        return SCAN_NO;
    /* Tokens are spans of TEXT, kept between calls so that the vector
     * keeps its memory: the test runs for hundreds of candidates a query.
     * Bytes below 0x80 are handled without decoding (Xapian's word
     * characters there are letters, digits and '_'). */
    struct Tok {
        size_t start, len;
        bool odd_before; /* an uncertain separator precedes it */
        bool ascii;      /* only ASCII letters and digits: it can equal a
                            phrase word */
    };
    thread_local std::vector<Tok> toks;
    toks.clear();
    static const struct AsciiWord {
        bool is[256];
        AsciiWord() : is()
        {
            for (int c = 0; c < 128; c++)
                is[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_';
        }
        bool operator[](unsigned char c) const { return is[c]; }
    } ascii_word;
    /* ASCII that ends a word and nothing more: not a word character, an
     * infix ("world's", "AT&T"; '.', ',' and ';' between digits) or a
     * suffix ("C++"). */
    static const struct PlainEnd {
        bool is[256];
        PlainEnd() : is()
        {
            for (int c = 0; c < 128; c++)
                is[c] = !ascii_word[(unsigned char)c] &&
                        !strchr("'&.,;+#", c);
        }
        bool operator[](unsigned char c) const { return is[c]; }
    } plain_end;
    const unsigned char *t = (const unsigned char *)text;
    auto char_at = [&](size_t i, unsigned *cp) -> size_t {
        if (t[i] < 0x80) {
            *cp = t[i];
            return 1;
        }
        Xapian::Utf8Iterator it(text + i, size - i);
        *cp = *it;
        size_t len = 1;
        while (i + len < size && (t[i + len] & 0xc0) == 0x80)
            len++;
        return len;
    };
    auto is_word = [](unsigned cp) {
        if (cp < 0x80)
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                   (cp >= '0' && cp <= '9') || cp == '_';
        return Xapian::Unicode::is_wordchar(cp);
    };
    auto same = [&](const Tok &k, const std::string &w) {
        if (!k.ascii || k.len != w.size())
            return false;
        for (size_t i = 0; i < k.len; i++) {
            unsigned char c = t[k.start + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)w[i])
                return false;
        }
        return true;
    };
    /* Xapian reads capitals joined by dots as one word ("U.S.A." and
     * "U.S" are "usa" and "us"; TermGenerator's own rule, copied: at the
     * start of a word, single ASCII capitals each followed by '.', up to
     * a character that is not a word character).  Such a word is one
     * token here too, never equal to a phrase word; if its letters are a
     * phrase word, "maybe". */
    auto upper = [](unsigned char c) { return c >= 'A' && c <= 'Z'; };
    auto acronym_at = [&](size_t i, std::string &letters) -> size_t {
        size_t p = i;
        letters.clear();
        for (;;) {
            letters += (char)(t[p++] + 32);
            if (p >= size || t[p] != '.')
                break;
            if (++p >= size || !upper(t[p]))
                break;
        }
        if (letters.size() < 2)
            return 0;
        if (p < size) {
            unsigned ch;
            char_at(p, &ch);
            if (is_word(ch))
                return 0;
        }
        return p - i;
    };
    std::string letters;
    bool dropped = false; /* a word Xapian may skip: positions move */
    bool odd = false, in_word = false, prev_word = false;
    Tok cur{0, 0, false, true};
    unsigned prev = 0;
    for (size_t i = 0; i < size;) {
        if (!in_word && upper(t[i]) && i + 1 < size && t[i + 1] == '.') {
            if (size_t len = acronym_at(i, letters)) {
                for (const auto &w : words)
                    if (letters == w)
                        return SCAN_MAYBE;
                toks.push_back(Tok{i, len, odd, false});
                odd = false;
                prev = t[i + len - 1];
                prev_word = false; /* no suffix or infix after it */
                i += len;
                continue;
            }
        }
        /* Fast paths for ASCII: a run of word characters, and a separator
         * between words (it only sets prev). */
        if (t[i] < 0x80) {
            if (ascii_word[t[i]]) {
                if (!in_word) {
                    cur = Tok{i, 0, odd, true};
                    in_word = true;
                    odd = false;
                }
                size_t j = i + 1;
                while (j < size && ascii_word[t[j]])
                    j++;
                cur.len += j - i;
                prev = t[j - 1];
                prev_word = true;
                i = j;
                continue;
            }
            if (!in_word) {
                prev = t[i++];
                prev_word = false;
                continue;
            }
            /* The usual end of a word: a byte that cannot join or
             * suffix it. */
            if (plain_end[t[i]] && !may_be_dropped(cur.len, cur.ascii)) {
                toks.push_back(cur);
                in_word = false;
                prev = t[i++];
                prev_word = false;
                continue;
            }
        }
        unsigned ch;
        size_t len = char_at(i, &ch);
        if (ch >= 0x2e80)
            return SCAN_MAYBE; /* CJK and beyond: n-grams, not words */
        if (is_word(ch)) {
            if (!in_word) {
                cur = Tok{i, 0, odd, true};
                in_word = true;
                odd = false;
            }
            if (ch >= 0x80) {
                /* A few letters lower-case into ASCII (the Kelvin sign):
                 * do not guess. */
                if (Xapian::Unicode::tolower(ch) < 0x80)
                    return SCAN_MAYBE;
                cur.ascii = false;
            }
            cur.len += len;
            prev = ch;
            prev_word = true;
            i += len;
            continue;
        }
        unsigned next = 0;
        if (i + len < size)
            char_at(i + len, &next);
        bool nw = i + len < size && is_word(next);
        infix kind = in_word && nw ? infix_kind(prev, ch, next) : INFIX_NONE;
        if (kind == INFIX_INVISIBLE)
            return SCAN_MAYBE; /* "x\u200bworld" is the word "xworld" */
        if (kind == INFIX_JOIN) {
            /* One term with the infix in it: it cannot be a phrase word. */
            cur.len += len;
            cur.ascii = false;
            prev = ch;
            i += len;
            continue;
        }
        if (in_word) {
            if (may_be_dropped(cur.len, cur.ascii)) {
                /* Xapian skips it: its neighbours are adjacent. */
                cur.ascii = false;
                cur.odd_before = true;
                odd = true;
                dropped = true;
            }
            toks.push_back(cur);
            in_word = false;
        }
        /* C++, C#: Xapian may keep these suffixes on the word before. */
        if ((ch == '+' || ch == '#') && prev_word)
            odd = true;
        prev = ch;
        prev_word = false;
        i += len;
    }
    if (in_word) {
        if (may_be_dropped(cur.len, cur.ascii))
            cur.ascii = false, cur.odd_before = true, dropped = true;
        toks.push_back(cur);
    }
    const bool odd_after_last = in_word ? false : odd;
    auto odd_next = [&](size_t i) {
        return i + 1 < toks.size() ? toks[i + 1].odd_before : odd_after_last;
    };
    /* One-letter words are left to Xapian's own reading: rare in phrases,
     * and where acronyms and suffixes ("C++", "C#") meet. */
    bool sure = true;
    for (const auto &w : words)
        sure &= w.size() >= 2;
    const size_t n = words.size();
    if (near) {
        if (dropped)
            return SCAN_MAYBE;
        /* Positions are token numbers, as Xapian's within one field. */
        thread_local std::vector<std::vector<size_t>> pos;
        pos.assign(n, {});
        for (size_t i = 0; i < toks.size(); i++)
            for (size_t k = 0; k < n; k++)
                if (same(toks[i], words[k])) {
                    if (toks[i].odd_before || odd_next(i))
                        return SCAN_MAYBE;
                    pos[k].push_back(i);
                }
        for (size_t k = 0; k < n; k++)
            if (pos[k].empty())
                return SCAN_NO;
        for (size_t start : pos[0]) {
            bool ok = true;
            for (size_t k = 1; k < n && ok; k++) {
                ok = false;
                for (size_t p : pos[k])
                    if (p + near > start && p < start + near)
                        ok = true;
            }
            if (ok)
                return sure ? SCAN_YES : SCAN_MAYBE;
        }
        return SCAN_NO;
    }
    for (size_t i = 0; i < toks.size(); i++) {
        bool any = false;
        for (const auto &w : words)
            any |= same(toks[i], w);
        if (!any)
            continue;
        if (toks[i].odd_before || odd_next(i))
            return SCAN_MAYBE; /* Xapian may see this word differently */
        if (!same(toks[i], words[0]) || i + n > toks.size())
            continue;
        bool match = true;
        for (size_t k = 1; k < n && match; k++)
            match = same(toks[i + k], words[k]);
        if (!match)
            continue;
        for (size_t k = 1; k < n; k++)
            sure &= !toks[i + k].odd_before;
        sure &= !odd_next(i + n - 1);
        return sure ? SCAN_YES : SCAN_MAYBE;
    }
    return SCAN_NO;
}

/* The first, cheapest test, on a candidate's stored JSON as it is: false
 * only if the phrase certainly is not in any of its fields.  No words are
 * split: each place where the first word occurs (in any case) is followed
 * past what cannot be a word (spaces, punctuation, any non-ASCII, JSON
 * escapes) and the next word must start there, and so on.  A string's
 * closing quote ends the run: fields are never adjacent.  What Xapian
 * reads as a word without its letters being in the text sends the
 * candidate on ("maybe"): acronyms ("U.S." is "us"), zero-width joiners,
 * letters that lower-case into ASCII (the Kelvin sign, dotted I), and a
 * word too long to index between two phrase words.  Lower-casing and
 * memmem() go at memory speed; splitting every word of every candidate
 * was most of the time of a phrase of two common words. */
static bool phrase_prefilter(const std::vector<std::string> &words,
                             const std::string &json)
{
    const size_t n = json.size();
    thread_local std::string low;
    low.resize(n);
    unsigned char high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)json[i];
        high |= c;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    const char *L = low.data();
    auto alnum = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    };
    auto letter = [](unsigned char c) { return c >= 'a' && c <= 'z'; };
    if (high & 0x80) {
        /* Zero-width joiners U+200B-D, U+2060, U+FEFF; the Kelvin sign
         * U+212A; capital dotted I U+0130. */
        auto seq = [&](unsigned char lead, auto test) {
            for (const char *p = L; (p = (const char *)memchr(
                                         p, lead, (size_t)(L + n - p)));
                 p++)
                if (L + n - p >= 3 && test((const unsigned char *)p))
                    return true;
            return false;
        };
        if (seq(0xe2,
                [](const unsigned char *p) {
                    return (p[1] == 0x80 && p[2] >= 0x8b && p[2] <= 0x8d) ||
                           (p[1] == 0x81 && p[2] == 0xa0) ||
                           (p[1] == 0x84 && p[2] == 0xaa);
                }) ||
            seq(0xef,
                [](const unsigned char *p) {
                    return p[1] == 0xbb && p[2] == 0xbf;
                }) ||
            seq(0xc4, [](const unsigned char *p) { return p[1] == 0xb0; }))
            return true;
    }
    /* Runs of single letters joined by dots, as Xapian's acronyms: does
     * one hold a phrase word? */
    for (const char *d = L; (d = (const char *)memchr(d, '.', (size_t)(L + n - d)));
         d++) {
        size_t i = (size_t)(d - L);
        if (i == 0 || !letter((unsigned char)L[i - 1]) ||
            (i >= 2 && alnum((unsigned char)L[i - 2])) || i + 1 >= n ||
            !letter((unsigned char)L[i + 1]))
            continue;
        std::string run(1, L[i - 1]);
        size_t j = i + 1;
        for (;;) {
            run += L[j];
            if (j + 2 < n && L[j + 1] == '.' && letter((unsigned char)L[j + 2]))
                j += 2;
            else
                break;
        }
        for (const auto &w : words)
            if (w.size() >= 2 && run.find(w) != std::string::npos)
                return true;
        d = L + j;
    }
    const std::string &w0 = words[0];
    for (const char *p = L; (p = (const char *)memmem(p, (size_t)(L + n - p),
                                                      w0.data(), w0.size()));
         p++) {
        size_t q = (size_t)(p - L) + w0.size();
        bool all = true;
        for (size_t k = 1; k < words.size() && all; k++) {
            /* Past what separates words. */
            while (q < n) {
                unsigned char c = (unsigned char)L[q];
                if (c == '\\')
                    q += q + 1 < n && L[q + 1] == 'u' ? 6 : 2;
                else if (c == '"' || alnum(c))
                    break;
                else
                    q++;
            }
            if (q >= n || L[q] == '"') {
                all = false;
                break;
            }
            const std::string &w = words[k];
            if (n - q >= w.size() && memcmp(L + q, w.data(), w.size()) == 0) {
                q += w.size();
                continue;
            }
            /* Not the word: but Xapian skips a word longer than it keeps. */
            size_t e = q;
            while (e < n && (alnum((unsigned char)L[e]) ||
                             (unsigned char)L[e] >= 0x80 ||
                             strchr("'&.,;", L[e])))
                e++;
            if (may_be_dropped(e - q, false))
                return true;
            all = false;
        }
        if (all)
            return true;
    }
    return false;
}

/* Whether the quick test applies to this phrase, and its words. */
static bool plain_phrase(const Xapian::Query &q,
                         std::vector<std::string> &words, std::string &prefix)
{
    static const bool off = getenv("NSEARCH_NO_PHRASE_PREFILTER") != nullptr;
    if (off || (q.get_type() != Xapian::Query::OP_PHRASE &&
                q.get_type() != Xapian::Query::OP_NEAR))
        return false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return false;
        Xapian::TermIterator t = sub.get_terms_begin();
        std::string term = *t;
        size_t p = 0;
        while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z')
            p++;
        std::string pre = term.substr(0, p), w = term.substr(p);
        if (i == 0)
            prefix = pre;
        else if (pre != prefix)
            return false;
        if (w.empty())
            return false;
        for (char ch : w)
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
                return false;
        words.push_back(w);
    }
    return !words.empty();
}

static size_t near_window(const Xapian::Query &q);

/* The quick test over the fields the phrase's prefix searches.  Unprefixed
 * words are in the title, headings, section and body (index_fields), each
 * its own run of positions; first the whole stored JSON is scanned at once
 * (no article built: most candidates end there, with "no"), then, for the
 * few left, each field on its own, where "yes" can be trusted.  The keys
 * and other strings of the JSON can only add "maybe"s. */
static scan phrase_match(const Xapian::Query &q, Candidate &c)
{
    std::vector<std::string> words;
    std::string prefix;
    if (!plain_phrase(q, words, prefix))
        return SCAN_MAYBE;
    /* NEAR: per field, which is exact while the window cannot reach from
     * one field into the next (index_fields leaves FIELD_GAP between). */
    size_t near = 0;
    if (q.get_type() == Xapian::Query::OP_NEAR) {
        near = near_window(q);
        if (near == 0 || near > FIELD_GAP)
            return SCAN_MAYBE;
    }
    std::vector<const char *> fields;
    const ns_article_t *a = nullptr;
    if (prefix.empty()) {
        if (!near && !phrase_prefilter(words, c.json))
            return SCAN_NO;
        if (!(a = cand_article(c)))
            return SCAN_MAYBE;
        fields.push_back(a->title);
        fields.insert(fields.end(), a->headings, a->headings + a->n_headings);
        fields.push_back(a->section);
        fields.push_back(a->body);
    } else {
        if (!(a = cand_article(c)))
            return SCAN_MAYBE;
        if (prefix == "S")
            fields.push_back(a->title);
        else if (prefix == "XH")
            fields.insert(fields.end(), a->headings,
                          a->headings + a->n_headings);
        else if (prefix == "A")
            fields.push_back(a->author);
        else
            return SCAN_MAYBE;
    }
    scan result = SCAN_NO;
    for (const char *f : fields) {
        scan r = phrase_scan(words, f, f ? strlen(f) : 0, near);
        if (r == SCAN_YES)
            return SCAN_YES;
        if (r == SCAN_MAYBE)
            result = SCAN_MAYBE;
    }
    return result;
}

/* Does the candidate have TERM?  One look-up in its term list. */
static bool has_term(const Candidate &c, const std::string &term)
{
    const Xapian::Database &db = *c.idx->db;
    Xapian::TermIterator t = db.termlist_begin(c.did);
    t.skip_to(term);
    return t != db.termlist_end(c.did) && *t == term;
}

static std::string leaf_term(const Xapian::Query &q)
{
    Xapian::TermIterator t = q.get_terms_begin();
    return t == q.get_terms_end() ? std::string() : *t;
}

/* NEAR's window is not exposed by the 1.4 API, but the description has
 * it: "(a NEAR 11 b)".  Without one, the parser's default: 10 words. */
static size_t near_window(const Xapian::Query &q)
{
    std::string d = q.get_description();
    size_t at = d.find(" NEAR ");
    if (at != std::string::npos)
        return (size_t)strtoul(d.c_str() + at + 6, nullptr, 10);
    return 10;
}

static tri positional_match(const Xapian::Query &q, Candidate &c)
{
    scan quick = phrase_match(q, c);
    if (quick != SCAN_MAYBE)
        return quick == SCAN_YES ? T_TRUE : T_FALSE;
    build_text(c);
    size_t n = q.get_num_subqueries();
    std::vector<std::vector<Xapian::termpos>> pos(n);
    for (size_t i = 0; i < n; i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return T_UNKNOWN;
        std::string term = leaf_term(sub);
        for (auto p = c.text.termlist_begin(); p != c.text.termlist_end();) {
            p.skip_to(term);
            if (p != c.text.termlist_end() && *p == term)
                for (auto x = p.positionlist_begin(); x != p.positionlist_end();
                     ++x)
                    pos[i].push_back(*x);
            break;
        }
        if (pos[i].empty())
            return T_FALSE;
    }
    if (q.get_type() == Xapian::Query::OP_PHRASE) {
        /* Each position of the first word starts a candidate run. */
        for (Xapian::termpos start : pos[0]) {
            bool ok = true;
            for (size_t i = 1; i < n && ok; i++)
                ok = std::binary_search(pos[i].begin(), pos[i].end(),
                                        start + (Xapian::termpos)i);
            if (ok)
                return T_TRUE;
        }
        return T_FALSE;
    }
    /* NEAR: one position of each word, all within the window. */
    size_t window = near_window(q);
    for (Xapian::termpos start : pos[0]) {
        bool ok = true;
        for (size_t i = 1; i < n && ok; i++) {
            ok = false;
            for (Xapian::termpos p : pos[i])
                if (p + window > start && p < start + window)
                    ok = true;
        }
        if (ok)
            return T_TRUE;
    }
    return T_FALSE;
}

static tri evaluate(const Xapian::Query &q, Candidate &c)
{
    using Q = Xapian::Query;
    size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
    case Q::LEAF_TERM:
        return has_term(c, leaf_term(q)) ? T_TRUE : T_FALSE;
    case Q::LEAF_MATCH_ALL:
        return T_TRUE;
    case Q::LEAF_MATCH_NOTHING:
        return T_FALSE;
    case Q::OP_PHRASE:
    case Q::OP_NEAR:
        return positional_match(q, c);
    case Q::OP_AND:
    case Q::OP_FILTER: {
        /* Phrases first: a failed one settles it without term look-ups. */
        tri r = T_TRUE;
        for (int pass = 0; pass < 2 && r != T_FALSE; pass++)
            for (size_t i = 0; i < n && r != T_FALSE; i++) {
                Xapian::Query sub = q.get_subquery(i);
                if (has_positional(sub) == (pass == 0))
                    r = tri_and(r, evaluate(sub, c));
            }
        return r;
    }
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET: {
        tri r = T_FALSE;
        for (size_t i = 0; i < n; i++)
            r = tri_or(r, evaluate(q.get_subquery(i), c));
        return r;
    }
    case Q::OP_AND_NOT: {
        tri r = n ? evaluate(q.get_subquery(0), c) : T_FALSE;
        for (size_t i = 1; i < n; i++)
            r = tri_and(r, tri_not(evaluate(q.get_subquery(i), c)));
        return r;
    }
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
        return n ? evaluate(q.get_subquery(0), c) : T_UNKNOWN;
    default:
        /* Value ranges, wildcards, XOR, posting sources. */
        return T_UNKNOWN;
    }
}

/* The query Xapian runs when phrases are checked afterwards: a phrase
 * under NOT becomes "nothing" there, since running it as the AND of its
 * words would drop articles that have the words but not the phrase; the
 * check then applies the real NOT.  Only parameterless operators are
 * rebuilt (the 1.4 API does not expose windows or scale factors); a phrase
 * under NOT below any other operator stays as Xapian runs it. */
static Xapian::Query relax(const Xapian::Query &q, bool negative)
{
    using Q = Xapian::Query;
    if (!has_positional(q))
        return q;
    auto op = q.get_type();
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return negative ? Q::MatchNothing : q;
    switch (op) {
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_FILTER:
    case Q::OP_SYNONYM:
    case Q::OP_MAX: {
        std::vector<Q> subs;
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            subs.push_back(relax(q.get_subquery(i),
                                 negative != (op == Q::OP_AND_NOT && i > 0)));
        return Q(op, subs.begin(), subs.end());
    }
    default:
        return q;
    }
}

/* Does the article match Q exactly?  Only called for queries with a
 * phrase or NEAR on an index without positions.  (Keeping only the
 * phrases' words with a stopper would halve the cost, but Xapian does not
 * advance positions past stopped words, so "a x b" would match "a b".) */
static bool check_phrases(const ns_index_t *idx, const Xapian::Query &q,
                          Xapian::docid did, const std::string &data,
                          ns_article_t *art_out, bool *damaged)
{
    Candidate c{
        idx,  did, std::string(), ns_article_t(), false, Xapian::Document(),
        false};
    *damaged = false;
    if (!data.empty() && data[0] == ZDICT_MARK) {
        if (idx->zdict.empty() || !inflate_with(idx->zdict, data, c.json)) {
            *damaged = true;
            return false;
        }
    } else {
        c.json = data;
    }
    bool ok = evaluate(q, c) != T_FALSE;
    if (ok && !cand_article(c))
        *damaged = true, ok = false;
    if (ok) {
        *art_out = c.art; /* ownership moves to the caller */
        c.decoded = false;
    }
    if (c.decoded)
        ns_article_clear(&c.art);
    return ok;
}

/* Outside quotes, a hyphen between two letters becomes a space:
 * "four-power" is searched as its two words, as most engines (FTS5's
 * tokenizers among them) do, rather than as the phrase Xapian's parser
 * makes of it.  A phrase is checked against the article's text (the index
 * has no positions) and, inside a longer OR query, would still add the
 * weight of its words to articles that have them apart: measured on TIME,
 * MAP 0.657 with hyphen phrases against 0.66x without.  "-word" (NOT) is
 * untouched: its hyphen does not follow a letter; so are field values
 * (id:azure-review-wire, date:2025-01-01..) and hyphens next to digits
 * (COVID-19 stays a phrase). */
static std::string split_hyphens(const std::string &text)
{
    std::string out = text;
    bool quoted = false, field = false; /* inside "...", inside name:value */
    for (size_t i = 0; i < out.size(); i++) {
        char c = out[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == ' ' || c == '\t' || c == '(' || c == ')')
            field = false;
        else if (c == ':')
            field = true;
        else if (!quoted && !field && c == '-' && i > 0 && i + 1 < out.size() &&
                 isalpha((unsigned char)out[i - 1]) &&
                 isalpha((unsigned char)out[i + 1]))
            out[i] = ' ';
    }
    return out;
}

static ns_status_t search_once(ns_index_t *idx, const ns_search_opts_t *o,
                               ns_results_t *res)
{
    const std::string text = split_hyphens(o->query ? o->query : "");
    Xapian::Query q;
    bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) {
        q = Xapian::Query::MatchAll;
    } else {
        try {
            q = build_query(idx, text, PARSE_FLAGS);
        } catch (const Xapian::QueryParserError &e) {
            /* A malformed query is the user's typo, not an error: run its
             * words and say so. */
            res->warning = "query syntax error (" + e.get_msg() +
                           "); searching for the words instead";
            q = build_query(idx, text, 0);
        }
    }

    Xapian::Enquire enq(*idx->db);
    enq.set_query(q);
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    if (o->sort == NS_SORT_DATE)
        enq.set_sort_by_value_then_relevance(SLOT_TIME, true);
    /* Which ranks of the MSet are shown: all of them, or, when phrases
     * must be checked, those that pass, found by fetching ever more
     * candidates until the page is full or the matches run out. */
    Xapian::MSet ms;
    std::vector<Xapian::MSetIterator> shown;
    std::vector<ns_article_t> decoded;
    bool verify = !blank && !idx->db->has_positions() && has_positional(q);
    if (verify)
        enq.set_query(relax(q, false));
    if (!verify) {
        ms = enq.get_mset(o->offset, o->limit);
        res->total = ms.get_matches_estimated();
        for (auto it = ms.begin(); it != ms.end(); ++it)
            shown.push_back(it);
    } else {
        /* Candidates are checked in rank order; each refetch goes on from
         * where the last one stopped (a larger MSet of the same query
         * starts with the same ranks). */
        size_t want = (size_t)o->offset + o->limit;
        size_t fetch = want * 2 + 20;
        size_t checked = 0, passed = 0;
        std::vector<Xapian::docid> kept;
        for (;;) {
            ms = enq.get_mset(0, (Xapian::doccount)fetch);
            for (; checked < ms.size() && passed < want + 1 &&
                   checked - passed < PHRASE_REJECT_MAX;
                 checked++) {
                Xapian::MSetIterator it = ms[(Xapian::doccount)checked];
                ns_article_t art;
                bool damaged;
                if (!check_phrases(idx, q, *it, it.get_document().get_data(),
                                   &art, &damaged))
                    continue;
                if (passed++ >= o->offset && decoded.size() < o->limit) {
                    kept.push_back(*it);
                    decoded.push_back(art);
                } else {
                    ns_article_clear(&art);
                }
            }
            bool exhausted = ms.size() < fetch;
            bool gave_up = checked - passed >= PHRASE_REJECT_MAX;
            if (decoded.size() == o->limit || exhausted || gave_up) {
                /* All matches seen: an exact count.  Otherwise scale
                 * Xapian's estimate by the share that passed. */
                res->total =
                    exhausted && checked == ms.size()
                        ? passed
                        : (uint64_t)((double)ms.get_matches_estimated() *
                                     (checked ? (double)passed / (double)checked
                                              : 0));
                if (res->total < (uint64_t)o->offset + decoded.size())
                    res->total = (uint64_t)o->offset + decoded.size();
                break;
            }
            fetch *= 4;
        }
        /* The iterators must come from the final MSet. */
        size_t k = 0;
        for (auto it = ms.begin(); it != ms.end() && k < kept.size(); ++it)
            if (*it == kept[k]) {
                shown.push_back(it);
                k++;
            }
    }

    size_t n = shown.size();
    res->arts.assign(n, ns_article_t());
    res->snippets.assign(n, std::string());
    res->hits.assign(n, ns_hit_t());
    for (size_t i = 0; i < n; i++) {
        const Xapian::MSetIterator &it = shown[i];
        std::string why;
        ns_article_t *art = &res->arts[i];
        if (verify) {
            *art = decoded[i];
        } else if (!decode(idx, it.get_document().get_data(), art, why)) {
            idx->error = "stored article is damaged: " + why;
            return NS_STATUS_XAPIAN;
        }
        if (o->snippet_len && !blank) {
            const char *src = art->body && *art->body ? art->body : art->title;
            /* EXHAUSTIVE without the background model: the background
             * model costs ~1.2 ms a hit (XAPIAN-NOTES.md), while EXHAUSTIVE
             * alone added 0.05 ms to a top-10 query on Reuters (p50 0.61 ->
             * 0.66 ms) and finds the passage where most query words meet
             * instead of the first one that has any. */
            res->snippets[i] = unescape_snippet(
                ms.snippet(src, o->snippet_len, stemmer_for(idx, art->lang),
                           Xapian::MSet::SNIPPET_EXHAUSTIVE, NS_HI_START,
                           NS_HI_END, "..."));
        } else if (o->snippet_len) {
            std::string body = art->body ? art->body : "";
            std::string cut = body.substr(0, o->snippet_len);
            /* Never cut inside a UTF-8 sequence. */
            while (!cut.empty() && body.size() > cut.size() &&
                   ((unsigned char)body[cut.size()] & 0xc0) == 0x80)
                cut.pop_back();
            res->snippets[i] =
                unescape_snippet(cut) + (body.size() > cut.size() ? "..." : "");
        }
        ns_hit_t &h = res->hits[i];
        h.rank = o->offset + (unsigned)i + 1;
        h.score = it.get_weight();
        h.art = art;
        h.snippet = res->snippets[i].c_str();
    }
    if (o->related && n) {
        std::vector<Xapian::docid> seeds;
        std::vector<const ns_article_t *> seen;
        double top = shown[0].get_weight();
        for (size_t i = 0; i < n && seeds.size() < SEARCH_SEEDS; i++)
            if (seeds.empty() || shown[i].get_weight() >= 0.5 * top)
                seeds.push_back(*shown[i]);
        for (const auto &a : res->arts)
            seen.push_back(&a);
        find_related(idx, seeds, seen, o, res);
    }
    return NS_STATUS_OK;
}

/* Run BODY on fresh results: reopen and retry when the index changed
 * under the reader (a reader survives one writer commit; after a second it
 * must reopen; done here rather than in every caller), time it, and turn
 * exceptions into a status. */
template <typename F>
static ns_status_t with_results(ns_index_t *idx, ns_results_t **out, F body)
{
    *out = nullptr;
    ns_results_t *res = nullptr;
    auto t0 = std::chrono::steady_clock::now();
    try {
        for (int attempt = 0;; attempt++) {
            res = new ns_results_t;
            ns_status_t st;
            try {
                st = body(res);
            } catch (const Xapian::DatabaseModifiedError &) {
                st = NS_STATUS_RETRY;
            }
            if (st == NS_STATUS_OK)
                break;
            ns_results_free(res);
            res = nullptr;
            if (st != NS_STATUS_RETRY || attempt == 3)
                return st;
            idx->db->reopen();
            load_langs(idx);
        }
        res->took_ms = std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - t0)
                           .count();
        *out = res;
        return NS_STATUS_OK;
    } catch (const Xapian::QueryParserError &e) {
        ns_results_free(res);
        idx->error = "cannot parse query: " + e.get_msg();
        return NS_STATUS_BAD_QUERY;
    } catch (...) {
        ns_results_free(res);
        try {
            throw;
        }
        NS_CATCH(idx)
    }
}

ns_status_t ns_search(ns_index_t *idx, const ns_search_opts_t *o,
                      ns_results_t **out)
{
    return with_results(
        idx, out, [&](ns_results_t *res) { return search_once(idx, o, res); });
}

void ns_search_opts_init(ns_search_opts_t *o)
{
    memset(o, 0, sizeof *o);
    o->query = "";
    o->limit = 10;
    o->snippet_len = 200;
    o->related = 5;
    o->now = NS_NOW_NEWEST;
    o->recent_days = 30;
}

ns_status_t ns_related_to(ns_index_t *idx, const char *id,
                          const ns_search_opts_t *o, ns_results_t **out)
{
    return with_results(idx, out, [&](ns_results_t *res) {
        const std::string term = std::string("Q") + id;
        Xapian::PostingIterator p = idx->db->postlist_begin(term);
        if (p == idx->db->postlist_end(term)) {
            idx->error = std::string("no article with id '") + id + "'";
            return NS_STATUS_NOT_FOUND;
        }
        ns_article_t self;
        std::string why;
        if (!decode(idx, idx->db->get_document(*p).get_data(), &self, why)) {
            idx->error = "stored article is damaged: " + why;
            return NS_STATUS_XAPIAN;
        }
        res->arts.push_back(self);
        std::vector<const ns_article_t *> shown{&res->arts[0]};
        find_related(idx, {*p}, shown, o, res);
        /* The article itself is not a hit of this call. */
        ns_article_clear(&res->arts[0]);
        res->arts.clear();
        return NS_STATUS_OK;
    });
}

size_t ns_results_related_count(const ns_results_t *res)
{
    return res->related.size();
}

const ns_related_t *ns_results_related(const ns_results_t *res, size_t i)
{
    return i < res->related.size() ? &res->related[i] : nullptr;
}

size_t ns_results_count(const ns_results_t *res)
{
    return res->hits.size();
}

const ns_hit_t *ns_results_hit(const ns_results_t *res, size_t i)
{
    return i < res->hits.size() ? &res->hits[i] : nullptr;
}

uint64_t ns_results_total(const ns_results_t *res)
{
    return res->total;
}

double ns_results_took_ms(const ns_results_t *res)
{
    return res->took_ms;
}

const char *ns_results_warning(const ns_results_t *res)
{
    return res->warning.empty() ? nullptr : res->warning.c_str();
}

void ns_results_free(ns_results_t *res)
{
    if (!res)
        return;
    for (auto &a : res->arts)
        ns_article_clear(&a);
    for (auto &a : res->related_arts)
        ns_article_clear(&a);
    delete res;
}
