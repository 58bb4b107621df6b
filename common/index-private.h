/* index-private.h - What the C++ files of libns share, and nothing else
 * sees: the handle structs, the index layout, the catch clauses and the
 * internal functions one file provides to another.
 *
 * Only the C++ files of common/ include this header, and only they
 * include <xapian.h>.  Each owns one job, which the first line of its
 * comment names (README "Layout" lists them all).
 *
 * What goes into the database for one article:
 *
 *   term            from         why
 *   Q<id>           id           unique id: replace_document() by id
 *   (no prefix)     title x W_T, headings x W_H, section x 1, author x 0
 *                   (matched, not weighed), body x 1: the default field
 *                                BM25 ranks on
 *   S...            title        title:word
 *   XH...           headings     heading:word
 *   A...            author       author:word
 *   XS<section>     section      section:World (boolean, lower-cased)
 *   K<tag>          tags         tag:azure (boolean, lower-cased)
 *   L<lang>         lang         lang:no (boolean)
 *   Z...            the fields   the stem of every word of the four text
 *                   above        fields, whatever its case (ZS..., ZXH...,
 *                                ZA... for the prefixed ones); a word that
 *                   is its own stem ("said") has only this term, no exact
 *                   one, except in author: (forms.cc)
 *   XP<a><b>        default      two adjacent common words of one field
 *                   field        of it, each as its code in the list
 *                                (boolean; pairs.cc)
 *   XB<a> <b>       author       two adjacent words of the byline
 *                                (boolean; byline-pairs.cc)
 *   XD<yyyy>, XD<yyyymm>, XD<yyyymmdd>
 *                   date (UTC)   the recency window of related posts
 *                                (boolean; window.cc)
 *   XG<group>       title        the story group of slot 3: its copies
 *                                (boolean; collapse.cc)
 *
 *   value slot 0    epoch seconds, as time-slot.cc encodes them (8 bytes
 *                   big-endian, sign bit flipped; sortable_serialise() in
 *                   an index without nsearch.time_encoding): sorting,
 *                   recency, date ranges to the second
 *   value slot 1    "YYYYMMDD": date:A..B ranges (DateRangeProcessor)
 *   value slot 2    content fingerprint: unchanged articles are skipped
 *   value slot 3    story version group (normalised title): one hit per
 *                   group (collapse.cc)
 *   value slot 4    section, language, "YYYY-MM", story group and tags
 *                   as written, in one value: facets (facets.cc), only
 *                   counted in an index whose metadata has nsearch.facets
 *   value slot 15   story group and the byline's names, for the author
 *                   facet (facet-authors.cc), only counted in an index
 *                   whose metadata has nsearch.authors
 *   value slots     the pair signature: a Bloom filter of the adjacent
 *     6 to 13       word pairs of the default field without a pair term,
 *                   in 8 parts (pairs.cc; slot 5 in older indexes)
 *   spelling table  every exact word of the default field (not digits),
 *                   frequency = articles that have it (spelling.cc)
 *   document data   the article as compact JSON (ns_article_to_json),
 *                   deflated against the generation's preset dictionary
 *                   when it has one (see store.cc)
 *   metadata        nsearch.langs (languages present), nsearch.zdict,
 *                   nsearch.pairs (the common-word list of the pair terms,
 *                   and " bylines" when every article has XB terms)
 *                   nsearch.facets, nsearch.groups, nsearch.authors
 *                   (every article has the facet slots, its group term,
 *                   its author facet slot)
 *
 * Terms have no positions: phrases are checked against the article's text
 * (phrase.cc), after pair terms narrowed or answered them (pairs.cc).
 * Field weights are wdf multipliers: a title word counts W_T times in the
 * default field, which keeps one posting list per word. */
#ifndef NS_INDEX_PRIVATE_H
#define NS_INDEX_PRIVATE_H

#include <xapian.h>
#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fold.h"
#include "ns.h"

/* ---- Ranking constants ------------------------------------------------ */

/* BM25 as Xapian computes it, per query term t in document d:
 *
 *   w(t,d) = idf(t) * (k1 + 1) * wdf / (k1 * L + wdf)
 *   L      = (1 - b) + b * doclen / avg_doclen   (at least min_normlen)
 *
 * Measured on the TIME and CACM development queries (README "Ranking
 * quality") over k1 0.8..2.0, b 0.5..1.0, title weights 1, 2, 3, 5: TIME
 * is flat (MAP 0.63-0.66); CACM prefers k1 near 1.2, b below 0.9; title
 * weight 1 loses 0.02-0.03 there.  BM25+, DFR, Dirichlet LM and English
 * stop words in queries each lost on one collection or more.  The middle
 * of the flat region, not the best cell: no fit to those queries. */
static const double BM25_K1 = 1.2;
static const double BM25_B = 0.85;
static const double BM25_MIN_NORMLEN = 0.5;

/* wdf multipliers of the fields in the default field, and what the exact
 * form of a query word adds relative to its stem (forms.cc). */
static const unsigned W_TITLE = 3;
static const unsigned W_HEADINGS = 2;
static const unsigned W_SECTION = 1;
static const double W_EXACT = 0.5;

/* Gap between fields so that a phrase cannot run from one into the next. */
static const unsigned FIELD_GAP = 100;
/* write.cc: a commit starts only with this much room (room_to_commit). */
static const uint64_t COMMIT_ROOM_FACTOR = 4;
static const uint64_t COMMIT_ROOM_MIN = 1 << 20;
/* Articles added before the writer commits on its own. */
static const unsigned long AUTO_COMMIT_DOCS = 10000;

/* ---- The schema: every term prefix and value slot, declared here only - */

/* Term prefixes (the table at the top of this file says what each holds);
 * every file that reads or writes terms takes them from here. */
inline constexpr char PREFIX_ID[] = "Q";
inline constexpr char PREFIX_TITLE[] = "S";
inline constexpr char PREFIX_HEADING[] = "XH";
inline constexpr char PREFIX_AUTHOR[] = "A";
inline constexpr char PREFIX_SECTION[] = "XS";
inline constexpr char PREFIX_TAG[] = "K";
inline constexpr char PREFIX_LANG[] = "L";
inline constexpr char PREFIX_DATE[] = "XD";
/* Every word's stem, whatever its case: "Zworld", "ZSworld" (forms.cc). */
inline constexpr char PREFIX_STEM[] = "Z";
/* Two adjacent common words, by their codes (pairs.cc). */
inline constexpr char PREFIX_PAIR[] = "XP";
/* Two adjacent words of the byline, as written (byline-pairs.cc). */
inline constexpr char PREFIX_BYLINE_PAIR[] = "XB";
/* The story group key (collapse.cc). */
inline constexpr char PREFIX_GROUP[] = "XG";

enum {                        /* value slots */
       SLOT_TIME = 0,         /* epoch seconds (time_value) */
       SLOT_DAY = 1,          /* "YYYYMMDD" */
       SLOT_HASH = 2,         /* content fingerprint, 16 hex digits */
       SLOT_GROUP = 3,        /* story version group: normalised title, 16 hex
                                 digits (collapse.cc); absent for short titles */
       SLOT_FACETS = 4,       /* what facets count, in one value (facets.cc):
                                section, language, "YYYY-MM", group, then the
                                tags, joined by FACET_SEP and TAG_SEP */
       SLOT_PAIRSIG = 5,      /* the pair signature of an older index */
       SLOT_PAIRSIG_PARTS = 6, /* its SIG_PARTS parts (pairs.cc), 6 to 13 */
       SLOT_UPDATED = 14,      /* the article's "updated", as stored: its
                                  fixed form sorts as the times do */
       SLOT_AUTHORS = 15       /* the author facet (facet-authors.cc): story
                                  group, then the byline's names, joined by
                                  FACET_SEP and TAG_SEP; none without one */
};
static const size_t SIG_PARTS = 8;

/* Between the fields of SLOT_FACETS, and between its tags: control
 * characters, which labels never hold (article.c makes them spaces). */
static const char FACET_SEP = '\x1e';
static const char TAG_SEP = '\x1f';

/* The fields of the query language, and how each reaches the index. */
enum field_kind {
    FIELD_TEXT,       /* free text, stemmed as the article: title:word */
    FIELD_BOOL_LOWER, /* one boolean term, value lower-cased */
    FIELD_BOOL_EXACT  /* one boolean term, value as given */
};

struct SchemaField {
    const char *name;   /* in the query language: "section" */
    const char *prefix; /* of its terms */
    field_kind kind;
};

inline constexpr SchemaField SCHEMA_FIELDS[] = {
    {"title", PREFIX_TITLE, FIELD_TEXT},
    {"heading", PREFIX_HEADING, FIELD_TEXT},
    {"author", PREFIX_AUTHOR, FIELD_TEXT},
    {"section", PREFIX_SECTION, FIELD_BOOL_LOWER},
    {"tag", PREFIX_TAG, FIELD_BOOL_LOWER},
    {"lang", PREFIX_LANG, FIELD_BOOL_LOWER},
    {"id", PREFIX_ID, FIELD_BOOL_EXACT},
};

/* Mixed into every content hash: bump it when what is indexed for an
 * article changes, so that an update re-indexes everything.  nsearch-2:
 * every word's stem whatever its case, folded diacritics, Nordic
 * spellings (forms.cc); the story version group in SLOT_GROUP. */
static const char INDEX_SCHEMA[] = "nsearch-2";

/* Metadata key listing the language codes present, comma-separated: the
 * query is stemmed once per language (see build_query). */
static const char META_LANGS[] = "nsearch.langs";

/* Set ("1") when every article has the facet slots, or the group term
 * (an index created empty by a version that writes them, or rebuilt): an
 * older index updated in place has them on new articles only, unused till
 * a rebuild (a new INDEX_SCHEMA would re-index every article). */
static const char META_FACETS[] = "nsearch.facets";
static const char META_GROUPS[] = "nsearch.groups";
/* Set ("1") as META_FACETS is, for SLOT_AUTHORS: a separate mark, as the
 * slot came later, so that an index with facets but without it says that
 * the author facet needs a rebuild instead of counting no one. */
static const char META_AUTHORS[] = "nsearch.authors";
static const char META_ZDICT[] = "nsearch.zdict"; /* stored articles' */
/* "2" when that dictionary holds only pieces its sample's articles share
 * (common/zdict.c); absent for one of a version that stored the sample's
 * own text. */
static const char META_ZDICT_FORM[] = "nsearch.zdict_form";
static const char META_SHARD[] = "nsearch.shard"; /* "I/N": nindex --shard */
/* The language of articles whose source names none (nindex --lang): "no";
 * absent for an index built without --lang, whose default is "en". */
static const char META_DEFAULT_LANG[] = "nsearch.default_lang";
/* The fingerprint of the common-word list the pair terms were made with
 * (pairs.cc); absent when they cannot be trusted. */
static const char META_PAIRS[] = "nsearch.pairs";
/* "ADDED REPLACED DELETED": what was done to a generation in place since
 * it was published (changes.cc); absent when that is not known. */
static const char META_CHANGES[] = "nsearch.changes";
/* The name of the undo file (nindex's DIR/deleted) of the deletions last
 * committed to a generation, written in the same commit as they are, or
 * a time from before any file it could be mistaken for (changes.cc). */
static const char META_UNDO[] = "nsearch.undo";

/* Metadata of a spelling copy (spelling-copy.cc): the marker, its word
 * count, the index it came from ("UUID generation"), when, and that
 * index's nsearch.shard, under a key of its own so that a copy listed by
 * mistake as a shard's replica is never taken for the shard. */
static const char META_COPY[] = "nsearch.copy";
static const char META_COPY_WORDS[] = "nsearch.copy.words";
static const char META_COPY_FROM[] = "nsearch.copy.from";
static const char META_COPY_TIME[] = "nsearch.copy.time";
static const char META_COPY_SHARD[] = "nsearch.copy.shard";
/* How SLOT_TIME holds a time (time-slot.cc): "2", or absent in an index
 * made before, whose sortable_serialise() values misorder dates before
 * 1970 until it is rebuilt. */
static const char META_TIME[] = "nsearch.time_encoding";
enum { TIME_SORTABLE = 1, TIME_ORDERED = 2 };

/* ---- Handles ---------------------------------------------------------- */

/* A computed related list: what find_related would return for one set of
 * inputs on one revision of the index. */
struct RelatedEntry {
    std::vector<Xapian::docid> docids; /* newest first */
    std::vector<double> scores;
};

namespace libns
{
struct Cluster;       /* cluster.cc */
struct RelatedWindow; /* related-window.cc */
struct FacetColumn;   /* facets.cc */
struct Synonyms;      /* synonyms.cc */
} // namespace libns

struct ns_index {
    std::string path;   /* as given */
    std::string gen;    /* live generation, or "" */
    std::string dbpath; /* the database opened */
    /* Related lists by their inputs, most recently used first; valid for
     * one revision of the index (cleared when it changes). */
    std::list<std::pair<std::string, RelatedEntry>> related_lru;
    std::unordered_map<std::string, decltype(related_lru)::iterator>
        related_cache;
    uint64_t related_rev = 0;
    /* Facts of that revision related.cc asks for every list: the default
     * "now" (INT64_MIN: not known yet), found at wall-clock NEWEST_AT, and
     * whether every dated article has its date terms (-1: not known). */
    int64_t newest = INT64_MIN;
    int64_t newest_at = 0;
    int date_terms = -1;
    /* That revision's recency window, held in memory once asked twice. */
    std::shared_ptr<libns::RelatedWindow> related_window;
    /* The stories of the whole archive at revision STORIES_REV
     * (collapse.cc, story_count), when STORIES_KNOWN. */
    uint64_t stories = 0, stories_rev = 0;
    bool stories_known = false;
    /* The facet slot of every article, once asked facets twice. */
    std::shared_ptr<libns::FacetColumn> facet_column;
    std::shared_ptr<libns::Synonyms> synonyms; /* synonyms_path, as read */
    std::string synonyms_path;            /* DIR/synonyms, DIR the archive's */
    std::unique_ptr<Xapian::Database> db; /* reader, or the writer */
    Xapian::WritableDatabase *wdb = nullptr;      /* == db.get() if writing */
    std::string error;                            /* last failure */
    int open_errno = 0; /* why opening failed, when the system said */
    std::string warning;                          /* last add's remark */
    std::map<std::string, Xapian::Stem> stemmers; /* lang code -> stemmer */
    std::set<std::string> unknown_langs;          /* warned once each */
    std::set<std::string> langs;                  /* languages present */
    bool langs_dirty = false;
    bool pairs_ok = false;  /* pair terms usable (pairs.cc) */
    bool bylines_ok = false; /* byline pair terms too (byline-pairs.cc) */
    bool groups_ok = false; /* META_GROUPS: group terms usable */
    Xapian::TermGenerator tg;
    std::string zdict; /* preset dictionary for stored articles */
    /* A cluster handle: its shards (db is then their union), and each
     * searched shard's dictionary in the order of db's sub-databases,
     * since get_metadata() of a union answers from its first one. */
    std::shared_ptr<libns::Cluster> cluster;
    std::vector<std::string> zdicts;
    z_stream primed{}; /* writer: a deflate stream primed with it */
    bool have_primed = false;
    /* Writer: changes since the last commit, for the room check
     * (write.cc); they are held in one Xapian transaction so that nothing
     * commits them behind that check (close, a destructor). */
    uint64_t pending_bytes = 0;
    unsigned long pending_docs = 0;
    bool in_txn = false;
    /* Writer: what this handle added, replaced and deleted since the last
     * commit (changes.cc), when it writes the live generation in place. */
    uint64_t changes[3] = {0, 0, 0};
    bool changes_in_place = false;  /* counted: the live one, not a build */
    bool changes_counted = false;   /* META_CHANGES is kept for it */
    bool changes_unwritten = false; /* ... and not written yet */
    bool replace_stale = false; /* writer: no "updated" rule (write.cc) */
    bool mark_facets = false; /* writer: set META_FACETS at commit */
    bool mark_authors = false; /* writer: set META_AUTHORS at commit */
    bool mark_groups = false; /* and META_GROUPS */
    bool mark_time = false;   /* and META_TIME */
    int time_enc = TIME_SORTABLE; /* how SLOT_TIME holds times (META_TIME) */
    std::string undo_record;  /* writer: META_UNDO for the next commit */
    bool undo_pending = false; /* ... when set */
    /* Writer: spelling frequency changes not yet given to Xapian, by
     * word (spelling.cc). */
    std::unordered_map<std::string, long> spell_delta;
};

struct ns_results {
    std::vector<ns_hit_t> hits;
    std::vector<ns_related_t> related;
    std::vector<ns_article_t> related_arts;
    std::vector<std::string> ages;
    std::vector<ns_article_t> arts;
    std::vector<std::string> snippets, titles;       /* titles: title_marked */
    std::vector<std::vector<std::string>> also;      /* per hit: copies' ids */
    std::vector<std::vector<const char *>> also_ptr; /* the same, as C */
    uint64_t total = 0;
    bool total_exact = false; /* every match counted */
    bool has_more = false;    /* matches past this page */
    unsigned offset = 0, limit = 0;
    double took_ms = 0;
    std::string warning;
    bool timed_out = false; /* stopped at ns_search_opts_t.time_limit_ms */
    std::vector<unsigned> missing; /* cluster shards that were down */
    std::string suggestion;        /* did you mean, or "" */
    bool suggestion_used = false;  /* the hits are the suggestion's */
    bool facets_asked = false;
    unsigned facets_mask = 0;      /* opts.facets */
    bool facets_collapsed = false; /* counts are of groups */
    bool facets_exact = false;
    uint64_t facets_counted = 0;
    uint64_t facets_total = 0; /* when facets_exact: what total counts */
    std::string facets_unavailable;
    std::string facet_unavailable[NS_FACET_KINDS]; /* one facet's, "" */
    std::vector<std::string> facet_text[NS_FACET_KINDS];
    std::vector<ns_facet_value_t> facet_values[NS_FACET_KINDS];
    size_t facet_left_values[NS_FACET_KINDS] = {}; /* values not listed */
    uint64_t facet_left_count[NS_FACET_KINDS] = {}; /* ... their counts */
};

/* ---- Errors ----------------------------------------------------------- */

/* The last catch of every exported function: the exception being handled
 * as a status, its message in IDX (may be null), of every kind (STYLE.md
 * gives the order).  Exported functions clear the message first
 * (clear_error): ns_index_last_error() speaks of the last call only. */
#define NS_CATCH(idx_expr)                                                     \
    catch (...)                                                                \
    {                                                                          \
        return libns::caught(idx_expr);                                        \
    }
namespace libns
{
/* "DatabaseError: Error writing block 174 (No space left on device)". */
std::string describe(const Xapian::Error &e);
int error_errno(const Xapian::Error &e); /* its errno, or 0 */
/* Only inside a catch handler: the exception being handled as a status,
 * with its message set in IDX when IDX is not null.  Never throws. */
ns_status_t caught(ns_index_t *idx);
/* Only inside a catch handler: the same, the message into MSG. */
ns_status_t caught_message(std::string &msg);
/* Has IDX's read-only database a newer revision on disk? (open.cc) */
bool moved_on(ns_index_t *idx);

/* What a writer changed in place, counted into META_CHANGES
 * (changes.cc): set up at open (IN_PLACE: the live generation of an
 * index directory), KIND 0 added, 1 replaced, 2 deleted, written inside
 * the commit (may throw), cleared when dropped or committed. */
enum { CHANGE_ADDED = 0, CHANGE_REPLACED = 1, CHANGE_DELETED = 2 };
void changes_open(ns_index_t *idx, ns_open_mode_t mode, bool in_place);
void changes_note(ns_index_t *idx, int kind, uint64_t n);
void changes_write(ns_index_t *idx);
void changes_clear(ns_index_t *idx);
void changes_committed(ns_index_t *idx);

/* Every exported call on a handle starts so: no older message survives. */
inline void clear_error(ns_index_t *idx)
{
    idx->error.clear();
}

} // namespace libns

/* ---- What one file gives another -------------------------------------- */
#include "index-calls.h"
#include "query-text.h"

#endif /* NS_INDEX_PRIVATE_H */
