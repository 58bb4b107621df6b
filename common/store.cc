/* store.cc - Stored articles: the JSON a hit shows, deflated against the
 * index's preset dictionary when it has one, and read back by id.
 *
 * An article is stored as compact JSON, and, when the index has a preset
 * dictionary (written by every rebuild: the runs of words its first
 * articles share, common/zdict.c), as raw deflate against that dictionary behind a 0x01 byte
 * (ZDICT_MARK).  Xapian's own zlib sees each article alone; the dictionary
 * gives it the field names, URLs, boilerplate and common words in advance:
 * 23% smaller stored articles on the synthetic archive (1,004 to 776
 * bytes), about 7% of the whole index.  Xapian's own attempt to compress
 * the blob again then fails and it keeps ours. */
#include <cstdio>
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

bool libns::inflate_with(const std::string &dict, const std::string &in,
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

const std::string &libns::zdict_for(const ns_index_t *idx, Xapian::docid did)
{
    /* Xapian interleaves the documents of N sub-databases: document d of
     * sub-database s is (d - 1) * N + s + 1 in the union. */
    size_t n = idx->zdicts.size();
    if (n == 0)
        return idx->zdict;
    return idx->zdicts[did ? (did - 1) % n : 0];
}

/* Decode stored document data into ART.  Returns false if it is damaged. */
bool libns::decode(const ns_index_t *idx, Xapian::docid did,
                   const std::string &data, ns_article_t *art, std::string &why)
{
    char err[256];
    const std::string *json = &data;
    std::string plain;
    if (!data.empty() && data[0] == ZDICT_MARK) {
        const std::string &dict = zdict_for(idx, did);
        if (dict.empty() || !inflate_with(dict, data, plain)) {
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
std::string libns::encode(ns_index_t *idx, const char *json)
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

void libns::prime(ns_index_t *idx)
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
    clear_error(idx);
    if (ns_status_t st = need_writer(idx))
        return st;
    try {
        /* zlib uses at most the last 32 KiB of a dictionary. */
        if (len > 32768) {
            dict += len - 32768;
            len = 32768;
        }
        idx->zdict.assign(dict, len);
        idx->wdb->set_metadata(META_ZDICT, idx->zdict);
        idx->wdb->set_metadata(META_ZDICT_FORM, "2");
        prime(idx);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

/* The length of the runs of an article's text looked for in an older
 * dictionary, and the step between them: a stretch of 48 bytes or more
 * kept from the article holds one of them.  Shorter runs are found in
 * articles that merely share a phrase with the sample. */
static const size_t HELD_RUN = 40, HELD_STEP = 8;

/* Does TEXT have a run of HELD_RUN bytes that is in DICT and not in
 * NEXT (when there is one)?  Only runs JSON writes as they are: a run
 * with a byte it escapes would not be found as it stands. */
static bool holds_run(const std::string &dict, const char *text,
                      const char *next)
{
    size_t len = text ? strlen(text) : 0;
    size_t at = 0;
    while (at + HELD_RUN <= len) {
        size_t i = 0;
        while (i < HELD_RUN && (unsigned char)text[at + i] >= 0x20 &&
               text[at + i] != '"' && text[at + i] != '\\')
            i++;
        if (i < HELD_RUN) {
            at += i + 1; /* past the escaped byte */
            continue;
        }
        std::string run(text + at, HELD_RUN);
        if (dict.find(run) != std::string::npos &&
            (!next || !strstr(next, run.c_str())))
            return true;
        at += HELD_STEP;
    }
    return false;
}

ns_status_t ns_index_dictionary_holds(ns_index_t *idx, const char *id,
                                      const ns_article_t *next, int *holds)
{
    *holds = 0;
    clear_error(idx);
    try {
        const Xapian::Database &db = *idx->db;
        if (idx->zdict.empty() || db.get_metadata(META_ZDICT_FORM) == "2")
            return NS_STATUS_OK;
        Xapian::docid did;
        if (!find_id(db, id, &did))
            return NS_STATUS_OK;
        ns_article_t art;
        std::string why;
        memset(&art, 0, sizeof art);
        if (!decode(idx, did, db.get_document(did).get_data(), &art, why))
            return NS_STATUS_OK; /* nothing of it to find */
        *holds = holds_run(idx->zdict, art.title, next ? next->title : NULL) ||
                 holds_run(idx->zdict, art.body, next ? next->body : NULL);
        ns_article_clear(&art);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

/* One try of ns_index_get(). */
static ns_status_t get_once(ns_index_t *idx, const char *id, ns_article_t *art)
{
    Xapian::docid did;
    if (!find_id(*idx->db, id, &did)) {
        idx->error = std::string("no article with id '") + id + "'";
        return NS_STATUS_NOT_FOUND;
    }
    std::string why;
    if (!decode(idx, did, idx->db->get_document(did).get_data(), art, why)) {
        idx->error =
            "stored article '" + std::string(id) + "' is damaged: " + why;
        return moved_on(idx) ? NS_STATUS_RETRY : NS_STATUS_XAPIAN;
    }
    return NS_STATUS_OK;
}

ns_status_t ns_index_get(ns_index_t *idx, const char *id, ns_article_t *art)
{
    memset(art, 0, sizeof *art);
    clear_error(idx);
    try {
        if (!idx->cluster)
            return get_once(idx, id, art);
        /* A cluster: a replica that went away is replaced once. */
        try {
            return get_once(idx, id, art);
        } catch (const Xapian::Error &e) {
            if (!cluster_recoverable(idx, e))
                throw;
        }
        ns_article_clear(art);
        cluster_refresh(idx, true);
        if (ns_status_t st = cluster_ready(idx))
            return st;
        return get_once(idx, id, art);
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_version(ns_index_t *idx, const char *id, char hash[17],
                             char *updated, size_t size)
{
    hash[0] = '\0';
    if (size)
        updated[0] = '\0';
    clear_error(idx);
    try {
        Xapian::docid did;
        if (!find_id(*idx->db, id, &did)) {
            idx->error = std::string("no article with id '") + id + "'";
            return NS_STATUS_NOT_FOUND;
        }
        /* The values, not the stored text: nothing to inflate, so a
         * rebuild can ask it of every article it reads. */
        const Xapian::Document doc = idx->db->get_document(did);
        snprintf(hash, 17, "%s", doc.get_value(SLOT_HASH).c_str());
        if (size)
            snprintf(updated, size, "%s", doc.get_value(SLOT_UPDATED).c_str());
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}
