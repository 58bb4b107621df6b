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
 *   document data   the article as compact JSON (ns_article_to_json);
 *                   Xapian deflates it (see README, "Storage")
 *
 * Field weights are wdf multipliers (XAPIAN-NOTES.md option (a)): the
 * title's words are indexed W_T times in the default field, so one title
 * hit counts like W_T body hits before BM25's k1 saturation.  It keeps one
 * posting list per word, so queries cost no more than a single-field index.
 */
#include <xapian.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <sys/stat.h>
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

enum { SLOT_TIME = 0, SLOT_DAY = 1 };

/* Metadata key listing the language codes present, comma-separated: the
 * query is stemmed once per language (see build_query). */
static const char META_LANGS[] = "nsearch.langs";

/* ------------------------------------------------------------------------ */
/* Handles                                                                  */
/* ------------------------------------------------------------------------ */

struct ns_index {
    std::string path;
    std::unique_ptr<Xapian::Database> db;          /* reader, or the writer */
    Xapian::WritableDatabase *wdb = nullptr;       /* == db.get() if writing */
    std::string error;                             /* last failure */
    std::string warning;                           /* last add's remark */
    std::map<std::string, Xapian::Stem> stemmers;  /* lang code -> stemmer */
    std::set<std::string> unknown_langs;           /* warned once each */
    std::set<std::string> langs;                   /* languages present */
    bool langs_dirty = false;
    Xapian::TermGenerator tg;
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

static void load_langs(ns_index_t *idx)
{
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

/* Catch clauses shared by every exported function, in the order STYLE.md
 * gives.  IDX may be null (open). */
#define NS_CATCH(idx_expr)                                                    \
    catch (const Xapian::DatabaseModifiedError &e)                            \
    {                                                                         \
        if (idx_expr)                                                         \
            (idx_expr)->error = e.get_msg();                                  \
        return NS_STATUS_RETRY;                                               \
    }                                                                         \
    catch (const Xapian::DatabaseLockError &e)                                \
    {                                                                         \
        if (idx_expr)                                                         \
            (idx_expr)->error = e.get_msg();                                  \
        return NS_STATUS_LOCKED;                                              \
    }                                                                         \
    catch (const Xapian::Error &e)                                            \
    {                                                                         \
        if (idx_expr)                                                         \
            (idx_expr)->error = e.get_type() + std::string(": ") + e.get_msg(); \
        return NS_STATUS_XAPIAN;                                              \
    }                                                                         \
    catch (const std::bad_alloc &)                                            \
    {                                                                         \
        return NS_STATUS_NOMEM;                                               \
    }                                                                         \
    catch (...)                                                               \
    {                                                                         \
        return NS_STATUS_INTERNAL;                                            \
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
/* Opening and closing                                                      */
/* ------------------------------------------------------------------------ */

static ns_status_t open_impl(ns_index_t *idx, ns_open_mode_t mode)
{
    try {
        if (mode == NS_OPEN_WRITE) {
            auto *w = new Xapian::WritableDatabase(idx->path,
                                                   Xapian::DB_CREATE_OR_OPEN);
            idx->db.reset(w);
            idx->wdb = w;
            idx->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
            idx->tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        } else {
            struct stat st;
            if (stat(idx->path.c_str(), &st) < 0) {
                idx->error = "no index at '" + idx->path + "'";
                return NS_STATUS_NOT_FOUND;
            }
            idx->db.reset(new Xapian::Database(idx->path));
        }
        load_langs(idx);
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
        if (idx->db->reopen()) {
            load_langs(idx);
            if (changed)
                *changed = 1;
        }
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

ns_status_t ns_index_add(ns_index_t *idx, const ns_article_t *art,
                         int *replaced, const char **warning)
{
    if (replaced)
        *replaced = 0;
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
        const std::string lang = art->lang ? art->lang : "en";
        bool known;
        const Xapian::Stem &stem = stemmer_for(idx, lang, &known);
        if (!known) {
            idx->warning = "unknown language '" + lang +
                           "', indexed without stemming";
            if (warning)
                *warning = idx->warning.c_str();
        }

        Xapian::Document doc;
        Xapian::TermGenerator &tg = idx->tg;
        tg.set_stemmer(stem);
        tg.set_document(doc);

        const std::string idterm = std::string("Q") + art->id;
        doc.add_boolean_term(idterm);

        if (art->title && *art->title) {
            tg.index_text(art->title, W_TITLE);
            tg.increase_termpos(FIELD_GAP);
            tg.index_text(art->title, 1, "S");
            tg.increase_termpos(FIELD_GAP);
        }
        for (size_t i = 0; i < art->n_headings; i++) {
            tg.index_text(art->headings[i], W_HEADINGS);
            tg.increase_termpos(FIELD_GAP);
            tg.index_text(art->headings[i], 1, "XH");
            tg.increase_termpos(FIELD_GAP);
        }
        if (art->section) {
            tg.index_text(art->section, W_SECTION);
            tg.increase_termpos(FIELD_GAP);
            doc.add_boolean_term("XS" + lower(art->section));
        }
        if (art->author) {
            tg.index_text(art->author, 1, "A");
            tg.increase_termpos(FIELD_GAP);
        }
        if (art->body)
            tg.index_text(art->body);
        for (size_t i = 0; i < art->n_tags; i++)
            doc.add_boolean_term("K" + lower(art->tags[i]));
        doc.add_boolean_term("L" + lang);

        if (art->date) {
            doc.add_value(SLOT_TIME, Xapian::sortable_serialise((double)art->time));
            /* "2025-08-06T..." -> "20250806" */
            std::string day = std::string(art->date, 4) +
                              std::string(art->date + 5, 2) +
                              std::string(art->date + 8, 2);
            doc.add_value(SLOT_DAY, day);
        }

        char *data = ns_article_to_json(art);
        if (!data)
            return NS_STATUS_NOMEM;
        doc.set_data(std::string(data));
        free(data);

        if (replaced)
            *replaced = idx->wdb->term_exists(idterm) ? 1 : 0;
        idx->wdb->replace_document(idterm, doc);
        if (idx->langs.insert(lang).second)
            idx->langs_dirty = true;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
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

/* Decode stored document data into ART.  Returns false if it is damaged. */
static bool decode(const std::string &data, ns_article_t *art, std::string &why)
{
    char err[256];
    if (ns_article_from_json(data.data(), data.size(), art, err, sizeof err) < 0) {
        why = err;
        return false;
    }
    return true;
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
        if (!decode(idx->db->get_document(*p).get_data(), art, why)) {
            idx->error = "stored article '" + std::string(id) + "' is damaged: " + why;
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
class LowerPrefix : public Xapian::FieldProcessor {
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

static Xapian::QueryParser make_parser(ns_index_t *idx, const Xapian::Stem &stem)
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
        (new Xapian::DateRangeProcessor(SLOT_DAY, "date:", 0, 1970))->release());
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
            } ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                        {"&quot;", '"'}, {"&#39;", '\''}};
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

static ns_status_t search_once(ns_index_t *idx, const ns_search_opts_t *o,
                               ns_results_t *res)
{
    const std::string text = o->query ? o->query : "";
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
    Xapian::MSet ms = enq.get_mset(o->offset, o->limit);

    res->total = ms.get_matches_estimated();
    size_t n = ms.size();
    res->arts.assign(n, ns_article_t());
    res->snippets.assign(n, std::string());
    res->hits.assign(n, ns_hit_t());
    size_t i = 0;
    for (auto it = ms.begin(); it != ms.end(); ++it, ++i) {
        std::string why;
        ns_article_t *art = &res->arts[i];
        if (!decode(it.get_document().get_data(), art, why)) {
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
            res->snippets[i] = unescape_snippet(ms.snippet(
                src, o->snippet_len, stemmer_for(idx, art->lang),
                Xapian::MSet::SNIPPET_EXHAUSTIVE, NS_HI_START, NS_HI_END,
                "..."));
        } else if (o->snippet_len) {
            std::string body = art->body ? art->body : "";
            std::string cut = body.substr(0, o->snippet_len);
            /* Never cut inside a UTF-8 sequence. */
            while (!cut.empty() && body.size() > cut.size() &&
                   ((unsigned char)body[cut.size()] & 0xc0) == 0x80)
                cut.pop_back();
            res->snippets[i] = unescape_snippet(cut) +
                               (body.size() > cut.size() ? "..." : "");
        }
        ns_hit_t &h = res->hits[i];
        h.rank = o->offset + (unsigned)i + 1;
        h.score = it.get_weight();
        h.art = art;
        h.snippet = res->snippets[i].c_str();
    }
    return NS_STATUS_OK;
}

ns_status_t ns_search(ns_index_t *idx, const ns_search_opts_t *o,
                      ns_results_t **out)
{
    *out = nullptr;
    ns_results_t *res = nullptr;
    auto t0 = std::chrono::steady_clock::now();
    try {
        /* A reader survives one writer commit; after a second it must
         * reopen.  Do that here, a few times, rather than in every caller. */
        for (int attempt = 0;; attempt++) {
            res = new ns_results_t;
            ns_status_t st;
            try {
                st = search_once(idx, o, res);
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
    (void)o;
    *out = nullptr;
    ns_article_t art;
    ns_status_t st = ns_index_get(idx, id, &art);
    if (st != NS_STATUS_OK)
        return st;
    ns_article_clear(&art);
    try {
        *out = new ns_results_t;
        return NS_STATUS_OK;
    }
    NS_CATCH(idx)
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
