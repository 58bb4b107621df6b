/* write.cc - Writing the index: adding an article (its terms, values and
 * stored form), deleting, pruning, committing, and merging the shards of
 * a rebuild. */
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include <sys/statvfs.h>

#include "index-private.h"

using namespace libns;

/* Is CH a letter (or a mark on one)?  Xapian's word characters without
 * digits and connectors. */
static bool letter(unsigned ch)
{
    using namespace Xapian::Unicode;
    category c = get_category(ch);
    return is_wordchar(ch) && c != DECIMAL_DIGIT_NUMBER && c != LETTER_NUMBER &&
           c != OTHER_NUMBER && c != CONNECTOR_PUNCTUATION;
}

/* Does a lower-case letter follow the spaces and tabs at P? */
static bool lower_after(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p == end)
        return false;
    Xapian::Utf8Iterator it(p, end - p);
    return Xapian::Unicode::get_category(*it) ==
           Xapian::Unicode::LOWERCASE_LETTER;
}

/* The words of TEXT written with hyphens between letters ("e-mail",
 * "cease-fire", "e-post"), each joined into one ("email", "ceasefire",
 * "epost"), separated by spaces; "" when there are none.  Indexed beside
 * the parts Xapian's term generator makes of them, so that "email" finds
 * an article that writes "e-mail" (and "e-mail" typed finds "email",
 * query-text.cc), as Lucene's word delimiter filter does with
 * catenate_words.  Only words whose every part is letters: "COVID-19" and
 * "25-year-old" are numbers with words, not compounds. */
std::string libns::joined_words(const char *text)
{
    std::string out;
    const char *p = text, *const end = text + strlen(text);
    const char *start = nullptr; /* of the current word, if any */
    int parts = 0;               /* its parts so far */
    bool letters = true;         /* every character of it a letter */
    bool after_hyphen = false;   /* its last character a hyphen */
    auto end_word = [&](const char *stop) {
        if (parts >= 2 && letters && (size_t)(stop - start) <= JOINED_MAX) {
            out += out.empty() ? "" : " ";
            for (const char *q = start; q < stop; q++)
                if (*q == '-' || *q == ' ' || *q == '\t')
                    continue;
                else if (q + 1 < stop && !memcmp(q, "\xc2\xac", 2))
                    q += 1;
                else if (q + 2 < stop && !memcmp(q, "\xe2\x80", 2) &&
                         (q[2] == '\x90' || q[2] == '\x91'))
                    q += 2;
                else
                    out += *q;
        }
        start = nullptr;
        parts = 0;
        letters = true;
        after_hyphen = false;
    };
    while (p < end) {
        /* One character: ASCII read directly, as most text is. */
        unsigned ch = (unsigned char)*p;
        size_t n = 1;
        if (ch >= 0x80) {
            Xapian::Utf8Iterator it(p, end - p);
            ch = *it;
            ++it;
            n = (size_t)(end - p) - it.left();
        }
        /* A byte of no UTF-8 sequence, which the iterator reads as
         * Latin-1 ("\xd9" as a letter), is no part of a word: joined
         * across a hyphen, two such bytes would make another character
         * ("\xd9-\xaa" into U+066A). */
        const bool wordchar = ch < 0x80
                                  ? isalnum((int)ch) || ch == '_'
                                  : n > 1 && Xapian::Unicode::is_wordchar(ch);
        /* '-', U+2010 hyphen and U+2011 non-breaking hyphen; U+00AC,
         * which OCR reads a line-end hyphen as */
        if ((ch == '-' || ch == 0x2010 || ch == 0x2011 || (ch == 0xac && n == 2)) &&
            start && !after_hyphen) {
            after_hyphen = true;
        } else if (after_hyphen && (ch == ' ' || ch == '\t') &&
                   lower_after(p, end)) {
            /* "interna- tional": a line-end hyphen whose line break
             * became a space (text flattened into one line, a JSON field
             * from an OCR page).  It may as well be a suspended hyphen
             * ("pre- and post-war"), so it is joined here only, as an
             * extra term beside the words as written, and not in the
             * text phrases and snippets read (line-breaks.cc): a wrong
             * join costs a term nobody searches for ("preand"), a missed
             * one the word. */
        } else if (wordchar) {
            if (!start)
                start = p;
            if (!parts || after_hyphen)
                parts++;
            after_hyphen = false;
            letters = letters && (ch < 0x80 ? isalpha((int)ch) : letter(ch));
        } else if (start) {
            end_word(p);
        }
        p += n;
    }
    if (start)
        end_word(p);
    return out;
}

/* The ASCII character whose full-width form (U+FF01-FF5E) starts at S
 * (3 bytes or more), a space for the ideographic space U+3000, or 0. */
static char narrow_at(const unsigned char *s)
{
    if (s[0] == 0xef && s[1] == 0xbc && s[2] >= 0x81 && s[2] <= 0xbf)
        return (char)(s[2] - 0x81 + '!');
    if (s[0] == 0xef && s[1] == 0xbd && s[2] >= 0x80 && s[2] <= 0x9e)
        return (char)(s[2] - 0x80 + '`');
    if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
        return ' ';
    return 0;
}

/* The letters of the Latin ligature (U+FB00-FB06: "\ufb00" to "\ufb06")
 * starting at S (3 bytes or more), or nullptr. */
static const char *ligature_at(const unsigned char *s)
{
    static const char *const letters[] = {"ff", "fi",  "fl", "ffi",
                                          "ffl", "st", "st"};
    if (s[0] == 0xef && s[1] == 0xac && s[2] >= 0x80 && s[2] <= 0x86)
        return letters[s[2] - 0x80];
    return nullptr;
}

/* Full-width Latin letters, digits and marks (the Halfwidth and Fullwidth
 * Forms U+FF01-FF5E: "ＧＤＰ", "ＩＭＦ", common in Japanese and Chinese
 * news) as their ASCII forms, and the ideographic space U+3000 as a space:
 * NFKC's mapping for them (code point - 0xFEE0).  Xapian reads the
 * full-width forms as CJK, in n-grams and not lower-cased, while its
 * parser lower-cases a query's, so "ＧＤＰ" was found by neither "ＧＤＰ"
 * nor "GDP".  So are the Latin ligatures U+FB00-FB06 ("\ufb01nancial",
 * as PDFs and OCR write "financial"), NFKC's letters for them: Xapian reads
 * one as a letter of its own, so neither "financial" nor a "\ufb01nance"
 * pasted from a PDF found the other.  Read so at both ends, they are the
 * words they spell.  None is longer than its 3 bytes.  False,
 * OUT untouched, when the N bytes at T have none: only a text with a byte
 * 0xef or 0xe3 is looked at twice.  With JSON, the full-width quote and
 * backslash become spaces (separators, as they are in the text): as '"'
 * and '\\' they would end a string or start an escape. */
bool libns::plain_width(const char *t, size_t n, std::string &out, bool json)
{
    const unsigned char *s = (const unsigned char *)t;
    size_t i = 0;
    while (i + 2 < n && !((s[i] == 0xef || s[i] == 0xe3) &&
                          (narrow_at(s + i) || ligature_at(s + i))))
        i++;
    if (i + 2 >= n)
        return false;
    out.assign(t, i);
    while (i < n) {
        const char *lig = i + 2 < n ? ligature_at(s + i) : nullptr;
        if (lig) {
            out += lig, i += 3;
            continue;
        }
        char c =
            i + 2 < n && (s[i] == 0xef || s[i] == 0xe3) ? narrow_at(s + i) : 0;
        if (json && (c == '"' || c == '\\'))
            c = ' ';
        if (c)
            out += c, i += 3;
        else
            out += t[i++];
    }
    return true;
}

bool libns::plain_ligatures(const char *t, size_t n, std::string &out)
{
    const char *lig = (const char *)memmem(t, n, "\xef\xac", 2);
    if (!lig)
        return false;
    std::string plain;
    bool some = false;
    for (size_t i = 0; i < n; i++) {
        const char *l =
            i + 2 < n ? ligature_at((const unsigned char *)t + i) : nullptr;
        if (l)
            plain += l, i += 2, some = true;
        else
            plain += t[i];
    }
    if (some)
        out = std::move(plain);
    return some;
}

const char *libns::indexed_text(const char *t, std::string &scratch,
                                const char *lang, std::string *halves)
{
    if (!t)
        return t;
    std::string narrow;
    if (plain_width(t, strlen(t), narrow))
        t = (scratch = std::move(narrow)).c_str();
    /* "interna-\ntional" as "international" (line-breaks.cc). */
    std::string unbroken;
    if (unbroken_words(t, strlen(t), unbroken, halves))
        t = (scratch = std::move(unbroken)).c_str();
    /* "Kyiv\u02bcs", "O\u2018Neill", "don`t", "Trier\u00b4s" as a query
     * reads them (apostrophes.cc): with the apostrophe. */
    std::string plain;
    if (plain_apostrophes(t, strlen(t), plain, "'"))
        t = (scratch = std::move(plain)).c_str();
    /* Letters written decomposed (NFD: "a" and a combining ring for "å",
     * as macOS writes text) as the composed letters a query types, so
     * that the index has one term for both, and a phrase, which is
     * checked against this text, finds either. */
    std::string whole;
    if (strchr(t, '\xcc') && composed(t, strlen(t), whole))
        t = (scratch = std::move(whole)).c_str();
    /* "L'Europe" as "  Europe" in French: the word is "europe", as a
     * query parsed in French reads it (query.cc).  Blanked, not cut, so
     * the words keep their places and offsets. */
    std::string bare;
    if (without_elisions(t, strlen(t), lang, ELISION_BLANK, bare))
        t = (scratch = std::move(bare)).c_str();
    return t;
}

/* The fingerprint of ART's content (no serialising needed to find an
 * article unchanged), mixed with INDEX_SCHEMA: 16 hex digits. */
static std::string content_hash(const ns_article_t *art)
{
    uint64_t h = ns_article_hash(art);
    char hash[17];
    snprintf(
        hash, sizeof hash, "%016llx",
        (unsigned long long)ns_hash64(INDEX_SCHEMA, sizeof INDEX_SCHEMA, h));
    return hash;
}

/* The boolean terms that filter on ART (section, tags, language) and its
 * date values. */
static void add_labels(const ns_index_t *idx, Xapian::Document &doc,
                       const ns_article_t *art,
                       const std::string &lang)
{
    if (art->section)
        doc.add_boolean_term(PREFIX_SECTION + fold_case(art->section));
    for (size_t i = 0; i < art->n_tags; i++)
        doc.add_boolean_term(PREFIX_TAG + fold_case(art->tags[i]));
    doc.add_boolean_term(PREFIX_LANG + lang);
    std::string group = group_key(art);
    if (!group.empty()) {
        doc.add_value(SLOT_GROUP, group);
        doc.add_boolean_term(PREFIX_GROUP + group);
    }
    if (art->date) {
        doc.add_value(SLOT_TIME, time_value(idx->time_enc, art->time));
        /* "2025-08-06T..." -> "20250806" */
        std::string day = std::string(art->date, 4) +
                          std::string(art->date + 5, 2) +
                          std::string(art->date + 8, 2);
        doc.add_value(SLOT_DAY, day);
        add_date_terms(doc, art->time);
    }
    add_facet_values(doc, art, lang);
    add_author_values(doc, art);
}

ns_status_t ns_index_add(ns_index_t *idx, const ns_article_t *art,
                         ns_add_result_t *result, const char **warning)
{
    clear_error(idx);
    if (result)
        *result = NS_ADD_ADDED;
    if (warning)
        *warning = nullptr;
    if (ns_status_t st = need_writer(idx))
        return st;
    if (!art->id || !*art->id || strlen(art->id) > NS_MAX_ID) {
        idx->error = "article has no usable id";
        return NS_STATUS_BAD_INPUT;
    }
    try {
        const std::string idterm = id_term(art->id);
        const std::string hash = content_hash(art);

        /* The unchanged case is decided before any text is analysed: it
         * is the common one in a nightly update. */
        Xapian::docid old;
        Xapian::Document was;
        bool replacing = find_id(*idx->wdb, art->id, &old);
        if (replacing) {
            was = idx->wdb->get_document(old);
            if (was.get_value(SLOT_HASH) == hash) {
                if (result)
                    *result = NS_ADD_UNCHANGED;
                return NS_STATUS_OK;
            }
            /* An older copy sent again (a cached feed, a delayed export)
             * must not undo a correction.  Only when both say when they
             * changed: an article stored before the field was kept has
             * no value, and is replaced as it always was. */
            const std::string stored = was.get_value(SLOT_UPDATED);
            if (!idx->replace_stale && art->updated && !stored.empty() &&
                stored > art->updated) {
                if (result)
                    *result = NS_ADD_STALE;
                return NS_STATUS_OK;
            }
            if (result)
                *result = NS_ADD_REPLACED;
        }

        const std::string lang = art->lang ? art->lang : "en";
        bool known;
        const Xapian::Stem &stem = stemmer_for(idx, lang, &known);
        if (!known) {
            /* Said the same for every article of the language: nindex
             * says it once, with the number of them. */
            const char *name = ns_lang_name(lang.c_str());
            std::string named = name ? name : "";
            if (!named.empty())
                named[0] = (char)toupper((unsigned char)named[0]);
            idx->warning = named.empty()
                               ? "unknown language '" + lang +
                                     "', indexed without stemming"
                               : "no stemmer for language '" + lang + "' (" +
                                     named + "): indexed without stemming";
            if (warning)
                *warning = idx->warning.c_str();
        }

        Xapian::Document doc;
        Xapian::TermGenerator &tg = idx->tg;
        tg.set_stemmer(stem);
        tg.set_document(doc);
        doc.add_boolean_term(idterm);
        index_fields(tg, art, false);
        add_digraph_stems(doc, stem);
        add_pair_terms(doc, art);
        add_byline_pairs(doc, art);
        add_labels(idx, doc, art, lang);

        char *data = ns_article_to_json(art);
        if (!data) {
            idx->error = "out of memory";
            return NS_STATUS_NOMEM;
        }
        doc.set_data(encode(idx, data));
        idx->pending_bytes += strlen(data);
        free(data);
        doc.add_value(SLOT_HASH, hash);
        if (art->updated)
            doc.add_value(SLOT_UPDATED, art->updated);
        /* The replaced article's words leave the dictionary as the new
         * one's come in (spelling.cc). */
        if (replacing)
            spell_stored(idx, old, -1);
        spell_words(idx, doc, 1);
        drop_own_stems(doc, stem);
        idx->wdb->replace_document(idterm, doc);
        changes_note(idx, replacing ? CHANGE_REPLACED : CHANGE_ADDED, 1);
        if (idx->langs.insert(lang).second)
            idx->langs_dirty = true;
        /* Inside the transaction Xapian does not flush on its own; this
         * is its default threshold. */
        if (++idx->pending_docs >= AUTO_COMMIT_DOCS)
            return ns_index_commit(idx);
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_delete(ns_index_t *idx, const char *id, int *deleted)
{
    if (deleted)
        *deleted = 0;
    clear_error(idx);
    if (ns_status_t st = need_writer(idx))
        return st;
    try {
        const std::string term = id_term(id);
        Xapian::docid did;
        if (find_id(*idx->wdb, id, &did)) {
            spell_stored(idx, did, -1);
            idx->wdb->delete_document(term);
            changes_note(idx, CHANGE_DELETED, 1);
            if (deleted)
                *deleted = 1;
        }
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

void ns_index_set_replace_stale(ns_index_t *idx, int on)
{
    idx->replace_stale = on != 0;
}

ns_status_t ns_index_each_id(ns_index_t *idx,
                             int (*fn)(const char *id, void *ctx), void *ctx)
{
    clear_error(idx);
    try {
        const size_t skip = sizeof PREFIX_ID - 1;
        for (auto t = idx->db->allterms_begin(PREFIX_ID);
             t != idx->db->allterms_end(PREFIX_ID); ++t)
            if (fn((*t).substr(skip).c_str(), ctx))
                break;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

ns_status_t ns_index_has_id(ns_index_t *idx, const char *id, int *has)
{
    *has = 0;
    clear_error(idx);
    try {
        *has = idx->db->term_exists(id_term(id));
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

static void discard_pending(ns_index_t *idx);

ns_status_t ns_index_prune(ns_index_t *idx,
                           int (*keep)(const char *id, void *ctx), void *ctx,
                           int (*stop)(void), uint64_t *deleted)
{
    if (deleted)
        *deleted = 0;
    clear_error(idx);
    if (ns_status_t st = need_writer(idx))
        return st;
    /* The prune is a transaction of its own: what came before it is
     * committed first, so that a stop can cancel the deletions alone.
     * Deleting 1,725 of the BBC's 2,225 articles took 7-10 s, and all of
     * them were committed after a Ctrl-C, the obvious answer to a
     * mistaken --prune --force.  The undo file's record goes with the
     * deletions, not with what came before them: committed before them,
     * it would name a file of deletions a kill then never made. */
    bool undo = idx->undo_pending;
    idx->undo_pending = false;
    ns_status_t pre = ns_index_commit(idx);
    idx->undo_pending = undo;
    if (pre != NS_STATUS_OK)
        return pre;
    try {
        /* Collect first: deleting while walking the term list would
         * disturb the walk. */
        std::vector<std::string> doomed;
        const size_t skip = sizeof PREFIX_ID - 1;
        for (auto t = idx->wdb->allterms_begin(PREFIX_ID);
             t != idx->wdb->allterms_end(PREFIX_ID); ++t) {
            std::string id = (*t).substr(skip);
            if (!keep(id.c_str(), ctx))
                doomed.push_back(*t);
        }
        for (const auto &term : doomed) {
            if (stop && stop()) {
                discard_pending(idx);
                idx->error = "interrupted: nothing was pruned";
                return NS_STATUS_INTERRUPTED;
            }
            Xapian::PostingIterator p = idx->wdb->postlist_begin(term);
            if (p != idx->wdb->postlist_end(term))
                spell_stored(idx, *p, -1);
            idx->wdb->delete_document(term);
        }
        changes_note(idx, CHANGE_DELETED, doomed.size());
        /* A stop from here on comes too late: the commit is one step. */
        if (ns_status_t st = ns_index_commit(idx))
            return st;
        if (deleted)
            *deleted = doomed.size();
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
}

/* Merging shards: the language lists in their metadata are united, not
 * taken from one shard.  Xapian 1.4 (glass) passes the key as its table
 * stores it, after the two bytes "\0\xc0" that mark metadata: compared
 * whole, it never equalled META_LANGS, and a language present only in a
 * later shard was lost (its articles then matched no query). */
class MergeCompactor : public Xapian::Compactor
{
  public:
    std::string resolve_duplicate_metadata(const std::string &key, size_t n,
                                           const std::string tags[]) override
    {
        static const std::string mark("\0\xc0", 2);
        std::string name = key.compare(0, 2, mark) == 0 ? key.substr(2) : key;
        if (name != META_LANGS)
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
        /* A mark that every article has something (facet values, group
         * terms) holds for the merge only if it holds for every shard,
         * and Xapian asks the compactor only about keys two or more shards
         * hold: one shard's "1" would be copied alone.  So the marks are
         * read here and cleared in the merged index when a shard lacks
         * them. */
        static const char *const MARKS[] = {META_FACETS, META_GROUPS,
                                            META_AUTHORS};
        bool marked[3] = {true, true, true};
        /* The times of one index are kept one way (time-slot.cc): shards
         * whose articles keep them differently are not merged. */
        int enc = 0;
        std::string enc_from;
        Xapian::Database all;
        for (size_t i = 0; i < n; i++) {
            Xapian::Database one(shards[i]);
            for (size_t k = 0; k < 3; k++)
                marked[k] = marked[k] && one.get_metadata(MARKS[k]) == "1";
            if (one.get_doccount() != 0) {
                int e = time_encoding(one);
                if (enc && e != enc)
                    throw Xapian::InvalidOperationError(
                        "'" + std::string(shards[i]) + "' and '" + enc_from +
                        "' keep article times differently; rebuild the one "
                        "made by an older nindex (nindex --rebuild) first");
                enc = e;
                enc_from = shards[i];
            }
            all.add_database(one);
        }
        MergeCompactor compactor;
        all.compact(dest, Xapian::Compactor::FULL, 0, compactor);
        {
            Xapian::WritableDatabase merged(dest, Xapian::DB_OPEN);
            for (size_t k = 0; k < 3; k++)
                if (!marked[k])
                    merged.set_metadata(MARKS[k], "");
            merged.set_metadata(META_TIME, enc == TIME_SORTABLE ? "" : "2");
            merged.commit();
        }
        if (ns_sync_tree(dest) < 0) {
            error =
                std::string("cannot sync '") + dest + "': " + strerror(errno);
            st = NS_STATUS_IO;
        }
    } catch (...) {
        st = caught_message(error);
    }
    if (st != NS_STATUS_OK && err_out)
        *err_out = dup_cstr(error.empty() ? ns_status_to_string(st) : error);
    return st;
}

/* Is there room on the index's file system to commit what is pending?
 * Xapian writes changed blocks copy-on-write, and a disk that fills inside
 * its commit can end the process (std::terminate from its unwinding: exit
 * 134 measured with a 6 MiB tmpfs), so a commit is only started with
 * COMMIT_ROOM_FACTOR times the pending articles' JSON plus
 * COMMIT_ROOM_MIN free.  NS_STATUS_IO with the figures when not; what
 * that leaves unwritten is the caller's to say (an update's batch, every
 * deletion of a --delete). */
static ns_status_t room_to_commit(ns_index_t *idx)
{
    struct statvfs vfs;
    if (statvfs(idx->dbpath.c_str(), &vfs) < 0)
        return NS_STATUS_OK; /* Xapian's own error will say more */
    uint64_t avail = (uint64_t)vfs.f_bavail * vfs.f_frsize;
    uint64_t need = idx->pending_bytes * COMMIT_ROOM_FACTOR + COMMIT_ROOM_MIN;
    if (avail >= need)
        return NS_STATUS_OK;
    idx->error = "not enough disk space to commit (" +
                 std::string(strerror(ENOSPC)) +
                 "): " + std::to_string(avail / 1024) + " KiB free in '" +
                 idx->dbpath + "', about " + std::to_string(need / 1024) +
                 " KiB needed";
    return NS_STATUS_IO;
}

/* After a failed commit: drop what it did not write.  Xapian ends the
 * transaction before committing, so a throw leaves the changes pending,
 * and close() would commit them again; a transaction opened without a
 * flush and cancelled discards them without touching the disk, and a new
 * one starts for what comes next. */
static void discard_pending(ns_index_t *idx)
{
    try {
        if (!idx->in_txn)
            idx->wdb->begin_transaction(false);
        idx->in_txn = false;
        idx->wdb->cancel_transaction();
        idx->wdb->begin_transaction(true);
        idx->in_txn = true;
    } catch (...) {
        /* The handle is unusable; close() says so. */
    }
    idx->pending_bytes = 0;
    idx->pending_docs = 0;
    idx->spell_delta.clear();
    idx->undo_pending = false;
    changes_clear(idx);
}

ns_status_t ns_index_commit(ns_index_t *idx)
{
    clear_error(idx);
    if (!idx->wdb)
        return NS_STATUS_OK;
    /* The spelling table's growth is within the room check's margin:
     * the first 1,000 Reuters articles are 957 KB of JSON and take 3.9 MB
     * of index with their 0.5 MB of spelling data (3.4 MB without), under
     * the 4.8 MB the check asks for. */
    try {
        flush_spelling(idx);
    } catch (...) {
        ns_status_t st = caught(idx);
        discard_pending(idx);
        return st;
    }
    if (ns_status_t st = room_to_commit(idx))
        return st;
    try {
        if (idx->langs_dirty) {
            std::string meta;
            for (const auto &l : idx->langs)
                meta += (meta.empty() ? "" : ",") + l;
            idx->wdb->set_metadata(META_LANGS, meta);
            idx->langs_dirty = false;
        }
        if (idx->mark_facets) {
            idx->wdb->set_metadata(META_FACETS, "1");
            idx->mark_facets = false;
        }
        if (idx->mark_groups) {
            idx->wdb->set_metadata(META_GROUPS, "1");
            idx->mark_groups = false;
        }
        if (idx->mark_authors) {
            idx->wdb->set_metadata(META_AUTHORS, "1");
            idx->mark_authors = false;
        }
        /* Kept set: a commit that fails writes no mark, and the next
         * one must, as the articles held are written the new way. */
        if (idx->mark_time)
            idx->wdb->set_metadata(META_TIME, "2");
        changes_write(idx);
        if (idx->undo_pending)
            idx->wdb->set_metadata(META_UNDO, idx->undo_record);
        if (idx->in_txn) {
            /* Cleared first: a commit that throws has ended the
             * transaction, leaving its changes pending (discard_pending). */
            idx->in_txn = false;
            idx->wdb->commit_transaction();
            idx->wdb->begin_transaction(true);
            idx->in_txn = true;
        } else {
            idx->wdb->commit();
        }
        idx->pending_bytes = 0;
        idx->pending_docs = 0;
        idx->undo_pending = false;
        changes_committed(idx);
        return NS_STATUS_OK;
    } catch (...) {
        ns_status_t st = caught(idx);
        discard_pending(idx);
        return st;
    }
}

int ns_text_words(const char *text, size_t max, ns_buf_t *out)
{
    try {
        Xapian::TermGenerator tg;
        Xapian::Document doc;
        tg.set_document(doc);
        std::string scratch;
        tg.index_text_without_positions(
            indexed_text(text ? text : "", scratch));
        size_t n = 0;
        for (Xapian::TermIterator t = doc.termlist_begin();
             t != doc.termlist_end() && n < max; ++t, ++n) {
            if ((out->len && ns_buf_putc(out, ' ') < 0) ||
                ns_buf_puts(out, (*t).c_str()) < 0)
                return -1;
        }
        return 0;
    } catch (...) {
        return -1;
    }
}
