/* index-calls.h - The internal functions one C++ file of libns gives
 * another, by the file that defines them.  Part of index-private.h, which
 * includes it after the handles and the schema they use: no other file
 * includes it. */
#ifndef NS_INDEX_CALLS_H
#define NS_INDEX_CALLS_H

namespace libns
{

/* open.cc */
std::string lower(const char *s);     /* ASCII letters */
std::string fold_case(const char *s); /* every letter, Ø as ø */
std::string id_term(const char *id);  /* the unique term of article ID */
/* The document of the article with id ID into *DID; false if none. */
bool find_id(const Xapian::Database &db, const char *id, Xapian::docid *did);
/* NS_STATUS_OK if IDX is open for writing; else a failure, message set. */
ns_status_t need_writer(ns_index_t *idx);
char *dup_cstr(const std::string &s);
const Xapian::Stem &stemmer_for(ns_index_t *idx, const std::string &lang,
                                bool *known = nullptr);
void load_langs(ns_index_t *idx);
std::set<std::string> index_langs(const ns_index_t *idx); /* or {"en"} */
/* snippet.cc: the passage of hit ART where the words of Q (MS's query)
 * meet (its lead: BLANK, none there); title_marked: its title, or "". */
std::string snippet_of(ns_index_t *idx, const Xapian::MSet &ms,
                       const Xapian::Query &q, const ns_article_t *art,
                       const ns_search_opts_t *o, bool blank);
Xapian::MSet marking(ns_index_t *idx, const Xapian::Query &q); /* no hits */
std::string title_marked(ns_index_t *idx, const Xapian::MSet &ms,
                         const Xapian::Query &q, const ns_article_t *art,
                         const ns_search_opts_t *o);
/* Forget what IDX holds of the view it searched (cached related lists,
 * window and facet copies, default "now"): for a new revision,
 * generation (maybe of the same revision number) or cluster union. */
void forget_view(ns_index_t *idx);
/* Called by ns_index_open(), reading, just before the database is opened
 * (OPENED false) and between opening it and reading its metadata (true):
 * null but in a test, whose writer commits there to overtake the reader
 * (tests/unit/test_overtaken.cc). */
extern void (*opening_for_reading)(ns_index_t *idx, bool opened);

/* store.cc */
static const char ZDICT_MARK = '\x01';
bool inflate_with(const std::string &dict, const std::string &in,
                  std::string &out);
/* The preset dictionary of document DID's own database: in a cluster each
 * shard has its own, and DID's shard is (DID - 1) % shards searched. */
const std::string &zdict_for(const ns_index_t *idx, Xapian::docid did);
/* Decode the stored data of document DID into ART.  False if damaged. */
bool decode(const ns_index_t *idx, Xapian::docid did, const std::string &data,
            ns_article_t *art, std::string &why);
std::string encode(ns_index_t *idx, const char *json);
void prime(ns_index_t *idx);
/* limits.cc: bounded work per query (README "Limits"). */
static const size_t QUERY_MAX_WORDS = 100;          /* words searched */
static const size_t QUERY_MAX_DEPTH = 20;           /* brackets nested */
static const size_t QUERY_MAX_WILDCARDS = 20;       /* more: plain words */
static const unsigned WILDCARD_MAX_EXPANSION = 100; /* terms per wildcard */
static const unsigned QUERY_MAX_EXPANSION = 500;    /* terms, all wildcards */
static const unsigned QUERY_MAX_TERMS = 1000;       /* parsed terms: refused */
struct QueryBounds {
    std::string text;       /* the query text to parse */
    unsigned flags_off = 0; /* parser flags to turn off */
    unsigned max_expansion = WILDCARD_MAX_EXPANSION;
    std::string warning; /* what was left out, or "" */
};
QueryBounds bound_query(const std::string &text);
/* TEXT with brackets nested past QUERY_MAX_DEPTH left out; WARNING says
 * so when any were. */
std::string bound_depth(const std::string &text, std::string *warning);
/* Is the parsed Q over QUERY_MAX_TERMS?  WHY says so. */
bool query_too_large(const Xapian::Query &q, std::string &why);

/* write.cc */
/* The N bytes at T with full-width ASCII forms and the ideographic space
 * as ASCII, and the Latin ligatures U+FB00-FB06 as their letters, into
 * OUT; false, OUT untouched, when T has none of them.
 * JSON: T is JSON, whose quotes and escapes stay its own. */
bool plain_width(const char *t, size_t n, std::string &out, bool json = false);
/* The same for the ligatures only, as a snippet shows them. */
bool plain_ligatures(const char *t, size_t n, std::string &out);
/* Text field T as the index reads it (full-width forms narrowed, words
 * hyphenated across a line break whole, their halves onto HALVES when
 * given, line-breaks.cc, the
 * marks written for an apostrophe between letters as one, letters written decomposed
 * composed, and in an article of LANG the articles it elides blanked,
 * elision.cc): T itself, or a copy in SCRATCH.  The indexer, the pair
 * terms and the phrase checks all read it, so that a phrase is checked
 * against the words that were indexed. */
const char *indexed_text(const char *t, std::string &scratch,
                         const char *lang = nullptr,
                         std::string *halves = nullptr);
/* line-breaks.cc: the N bytes at T with each word hyphenated across a
 * line break ("interna-\ntional") whole, into OUT, and its halves onto
 * HALVES when given; false, OUT untouched, when T has none. */
bool unbroken_words(const char *t, size_t n, std::string &out,
                    std::string *halves = nullptr);
void index_fields(Xapian::TermGenerator &tg, const ns_article_t *art,
                  bool positions);
/* ART's texts of PREFIX ("" the default field) onto OUT, in index_fields'
 * order; false for a prefix no text field has. */
bool field_texts(const ns_article_t *art, const std::string &prefix,
                 std::vector<const char *> &out);

/* quote-pairs.cc */
/* Query text T with the quotation marks inside each quoted phrase that
 * are not of its style ("...“a warning shot”...") as spaces, so that
 * the phrase ends at the mark that pairs with its opening one. */
std::string paired_quotes(const std::string &t);

/* apostrophes.cc */
/* The N bytes at T with each mark written for an apostrophe between two
 * word characters (U+02BC, U+2018, '`', U+00B4: "Kyiv\u02bcs") as AS,
 * which Xapian reads as an apostrophe ("'", or U+201B for a snippet's
 * text, restore_apostrophes after), into OUT, and the marks replaced, in
 * order, onto WAS (when not NULL); false, OUT untouched, when T has
 * none. */
bool plain_apostrophes(const char *t, size_t n, std::string &out,
                       const char *as, std::vector<std::string> *was = nullptr);
/* Snippet SN cut from T, a text plain_apostrophes wrote with AS for the
 * marks WAS, with those marks as the article wrote them. */
void restore_apostrophes(std::string &sn, const std::string &t,
                         const char *as, const std::vector<std::string> &was);

/* elision.cc */
/* Does LANG (a stored code) elide articles ("l'Europe": fr, it, ca)? */
bool elides(const char *lang);
/* What becomes of an elided article: spaces of its length (the index's
 * text: every offset stays), nothing (a query), or its letters kept and
 * its apostrophe's bytes as ELISION_MARK (a snippet's text, so that the
 * word after it is a word of its own, restore_elisions after). */
enum elision { ELISION_BLANK, ELISION_DROP, ELISION_SPLIT };
static const char ELISION_MARK = '\x1f'; /* no article text has it */
/* The N bytes at T with each elided article of LANG ("l'", "dell\u2019")
 * at a word's start treated as HOW says, into OUT; false, OUT untouched,
 * when LANG elides none or T has none. */
bool without_elisions(const char *t, size_t n, const char *lang, elision how,
                      std::string &out);
/* MARKED (a snippet of an ELISION_SPLIT text) with its apostrophes back. */
void restore_elisions(std::string &marked);

/* query.cc */
extern const unsigned PARSE_FLAGS;
/* A wildcard expands to at most MAX_EXPANSION terms, its most frequent.
 * WARNINGS (may be null) collects remarks on values the parse ignored. */
Xapian::Query build_query(ns_index_t *idx, const std::string &text,
                          unsigned flags,
                          unsigned max_expansion = WILDCARD_MAX_EXPANSION,
                          std::string *warnings = nullptr);
/* stop-words.cc: is WORD (lower case) one LANG's articles are not searched
 * by?  Their stems; the parser's stopper for a stemmer's description
 * (NULL: the language has no list). */
bool stop_word(ns_index_t *idx, const std::string &lang, const std::string &w);
const std::set<std::string> *stop_stems(ns_index_t *idx, const std::string &l);
const Xapian::Stopper *stopper_for(const std::string &stemmer);
Xapian::Query match_all(); /* every article, not Query::MatchAll: why there */
/* TEXT with Xapian's spelling corrections from DICT (IDX's own database or
 * a cluster's spelling copies), or "" (spelling.cc decides which to keep). */
std::string corrected_text(ns_index_t *idx, const Xapian::Database &dict,
                           const std::string &text);
/* The filters of O (section, lang, tags, ids, author, dates) as one query
 * to apply with OP_FILTER into *OUT, or an empty query when O has none.
 * NS_STATUS_BAD_QUERY, with the message in IDX, for a date it can't read. */
ns_status_t filter_query(ns_index_t *idx, const ns_search_opts_t *o,
                         Xapian::Query *out);

/* Can OP be rebuilt from its subqueries alone (no window, no scale)? */
inline bool rebuildable(Xapian::Query::op op)
{
    using Q = Xapian::Query;
    switch (op) {
    case Q::OP_AND:
    case Q::OP_OR:
    case Q::OP_AND_NOT:
    case Q::OP_AND_MAYBE:
    case Q::OP_FILTER:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_XOR:
        return true;
    default:
        return false;
    }
}

/* Q rebuilt with FN(subquery, i) in place of each subquery; Q itself when
 * its operator cannot be rebuilt (see rebuildable()). */
template <typename F> Xapian::Query map_subqueries(const Xapian::Query &q, F fn)
{
    if (!rebuildable(q.get_type()))
        return q;
    std::vector<Xapian::Query> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(fn(q.get_subquery(i), i));
    return Xapian::Query(q.get_type(), subs.begin(), subs.end());
}

/* Has Q operator OP anywhere in it, Q itself included (a NOT, a
 * wildcard)? */
inline bool has_operator(const Xapian::Query &q, Xapian::Query::op op)
{
    if (q.get_type() == op)
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_operator(q.get_subquery(i), op))
            return true;
    return false;
}

/* forms.cc: the forms of a word that match (see the comment there).
 * WORD with its diacritics folded (fold.c), or WORD itself. */
std::string fold(const std::string &word, int flags);
Xapian::Stem folding_stem(const Xapian::Stem &stem); /* folds, then STEM */
/* stem-no.cc: WORD stemmed by SNOWBALL, Norwegian's, with the -er and -ar
 * nouns' four forms as one stem ("lærer", "lærerne": "lær"). */
std::string norwegian_stem(const Xapian::Stem &snowball,
                           const std::string &word);
/* The N bytes at T with letters written decomposed composed (fold.c
 * ns_compose_marks), into OUT, and FROM (when not NULL) each byte's
 * offset in T; false, OUT and FROM untouched, when T has none. */
bool composed(const char *t, size_t n, std::string &out,
              std::vector<size_t> *from = nullptr);
/* Split TERM into its prefix and word; true if the prefix is that of a
 * text field ("" or title, heading, author), false for boolean terms. */
bool split_text_term(const std::string &term, std::string &prefix,
                     std::string &word);
/* Add to DOC the stems of the Nordic spellings (Tromsoe) of its words. */
void add_digraph_stems(Xapian::Document &doc, const Xapian::Stem &stem);
/* Remove from DOC the exact terms of words that are their own stem. */
void drop_own_stems(Xapian::Document &doc, const Xapian::Stem &stem);
/* The term that holds the articles of exact TERM: its Z twin when the
 * word is its own stem (drop_own_stems), else TERM. */
std::string indexed_form(const std::string &term, const Xapian::Stem &stem);
/* A phrase word's term as written: TERM without the Z of a twin. */
inline std::string as_written(const std::string &term)
{
    return !term.empty() && term[0] == PREFIX_STEM[0] ? term.substr(1) : term;
}
/* Q with the words of its phrases and NEARs as written (as_written). */
Xapian::Query written_phrases(const Xapian::Query &q);
/* The letters a Nordic digraph stands for ("skarsgaard": "skarsgård"). */
struct DigraphLetter {
    const char *digraph, *letter;
};
inline constexpr DigraphLetter DIGRAPH_LETTERS[] = {
    {"aa", "\u00e5"}, {"oe", "\u00f8"}, {"oe", "\u00f6"},
    {"ae", "\u00e6"}, {"ae", "\u00e4"}, {"ue", "\u00fc"}};
/* The wildcards of the words as written that Q's wildcards typed with a
 * digraph stand for ("oeyafest*": "øyafest*"), one digraph replaced at a
 * time. */
std::vector<Xapian::Query> digraph_wildcards(const Xapian::Query &q);
/* digraph-marks.cc: Q, a query to mark by, with its words typed with a
 * Nordic digraph beside the spellings the index has with the letters,
 * into OUT; false, OUT untouched, when it has none.  LOOKUPS counts the
 * look-ups in the term list, at most 32 for all calls that share it. */
bool digraph_marking(ns_index_t *idx, const Xapian::Query &q, unsigned &lookups,
                     Xapian::Query &out);
/* Has Q a title: word or wildcard?  Q with its title: words and wildcards
 * as the default field's, which Xapian's highlighter marks. */
bool has_title_terms(const Xapian::Query &q);
Xapian::Query title_as_text(const Xapian::Query &q);
size_t positional_window(const Xapian::Query &q); /* of a phrase or NEAR */
bool exact_phrase(const Xapian::Query &q); /* a phrase, not ADJ/n's window */
Xapian::termpos leaf_position(const Xapian::Query &q); /* in the text, or 0 */
/* forms-wildcard.cc: Q's pattern ("oil", "Ztromso") when Q is a
 * wildcard; Q's wildcard over the stems too (MAX_EXPANSION; DB as in
 * stem_all_words). */
bool wildcard_pattern(const Xapian::Query &q, std::string &pattern);
Xapian::Query wildcard_stems(const Xapian::Query &q, unsigned max_expansion,
                             const Xapian::Stem &stem,
                             const Xapian::Database *db);
/* Q's words as stems, phrases' in indexed form, wildcards over the stems
 * too (MAX_EXPANSION; one no word of DB, if given, starts so: its word). */
Xapian::Query stem_all_words(const Xapian::Query &q, const Xapian::Stem &stem,
                             unsigned max_expansion,
                             const Xapian::Database *db);
/* Q's wildcards over the stems as their terms (MAX): Xapian marks those. */
bool has_stem_wildcard(const Xapian::Query &q);
Xapian::Query stem_wildcards_expanded(const Xapian::Query &q,
                                      const Xapian::Database &db, unsigned max);
/* The warning for the wildcards of Q that match more than MAX words in
 * DB, so that only the most frequent were searched, or "". */
std::string wildcards_cut(const Xapian::Query &q, const Xapian::Database &db,
                          unsigned max);
/* STEMMED, with the words of EXACT (the same text parsed without stems;
 * STEM gives their indexed form) as an optional, lighter part. */
Xapian::Query exact_boost(const Xapian::Query &stemmed,
                          const Xapian::Query &exact, const Xapian::Stem &stem);
/* FLAGS for TEXT: no Boolean operators when it is all in capitals. */
unsigned query_flags(const std::string &text, unsigned flags);
/* The index's words (terms of TERM's field; on a cluster, DICT, the
 * front's spelling copies) that spell phrase word TERM otherwise: with
 * or without diacritics, "odegaard": "ødegård" (at most four). */
std::vector<std::string> fold_spellings(const Xapian::Database &db, bool dict,
                                        const Xapian::Stem &stem,
                                        const std::string &term);
/* digraph-readings.cc: WORD (lower case) with ä, å, ö, ø or ü in its
 * spellings without them, each letter plain or as its digraph (at most
 * 8; none for a word without such a letter). */
std::vector<std::string> digraph_readings(const std::string &word);
/* STEMMED, the parse of the words of EXACT (the parse as typed), with
 * each word's stem beside the stems of its other Nordic spellings. */
Xapian::Query digraph_words(ns_index_t *idx, const Xapian::Query &exact,
                            const Xapian::Query &stemmed,
                            const Xapian::Stem &stem);
/* Does WORD (lower case, no field) match an article by one of those? */
bool digraph_reading_matches(ns_index_t *idx, const std::string &word,
                             const Xapian::Stem &stem);
/* Q, phrases in the other spellings and possessive (ROOM terms; STOP). */
Xapian::Query fold_phrases(ns_index_t *idx, const Xapian::Query &q,
                           const Xapian::Stem &stem,
                           const Xapian::Stopper *stop, size_t room);

/* NEAR over sorted position lists POS (one per word): has a position of
 * the first word one of every other word less than WINDOW away?  Linear
 * in the positions: each other word's cursor only moves forward (nested
 * loops took 6.7 s on a 160,000-word article at NEAR/101). */
template <typename Pos>
bool near_positions(const std::vector<std::vector<Pos>> &pos, size_t window)
{
    if (pos.empty())
        return false;
    std::vector<size_t> at(pos.size(), 0);
    for (Pos start : pos[0]) {
        bool ok = true;
        for (size_t k = 1; k < pos.size() && ok; k++) {
            const std::vector<Pos> &pk = pos[k];
            size_t &j = at[k];
            while (j < pk.size() && (size_t)pk[j] + window <= (size_t)start)
                j++;
            ok = j < pk.size() && (size_t)pk[j] < (size_t)start + window;
        }
        if (ok)
            return true;
    }
    return false;
}

/* dates.cc: the date: field (by DB's date terms if it has them); an
 * unreadable date adds a remark to *WARNINGS (if not null), filters none. */
class DateField : public Xapian::FieldProcessor
{
    std::string *warnings;
    const Xapian::Database *db;
    int enc; /* its META_TIME */

  public:
    DateField(std::string *w, const Xapian::Database *d, int e)
        : warnings(w), db(d), enc(e)
    {
    }
    Xapian::Query operator()(const std::string &value) override;
    static bool reads(const std::string &value); /* a value it takes */
};

/* query-lucene-fields.cc: _exists_:FIELD (and FIELD:*), the articles
 * of DB that have the field; a remark on one not read into *WARNINGS. */
class ExistsField : public Xapian::FieldProcessor
{
    std::string *warnings;
    const Xapian::Database *db;

  public:
    ExistsField(std::string *w, const Xapian::Database *d) : warnings(w), db(d)
    {
    }
    Xapian::Query operator()(const std::string &value) override;
};

/* story-title.cc: TITLE without the version marks a wire service puts
 * before it ("UPDATE 2-", "CORRECTED - ", "RPT-"). */
const char *story_title_start(const char *title);
/* The title the copies of a story share: TITLE from story_title_start(),
 * its words (letters, marks and digits, lower case) one space apart, into
 * *OUT; true if it is long enough to say two articles are one story. */
bool story_title(const char *title, std::string *out);
/* collapse.cc: copies of one hit listed by id, at most. */
inline constexpr Xapian::doccount ALSO_MAX = 20;
std::string group_key(const ns_article_t *art);
bool group_terms(const ns_index_t *idx); /* every article its XG term? */
void collapse_on(Xapian::Enquire &enq, const ns_search_opts_t *o);
/* The stories of the whole archive into *OUT; false where not counted
 * (a cluster, a writer). */
bool story_count(ns_index_t *idx, uint64_t *out);
/* totals.cc: the total of RANKED's page where it counted too few (COUNT,
 * its query set, counts the matches of DB; COLLAPSE: story groups; ALL:
 * count up to COUNT_ALL matches and every story among them, else up to
 * COUNT_PAGE where that may reach the end, and estimate the stories). */
void page_total(const Xapian::Database &db, Xapian::Enquire &count,
                const Xapian::MSet &ranked, bool collapse, bool all,
                uint64_t *total, bool *exact);
/* The story groups among the articles DIDS (sorted here). */
Xapian::doccount count_groups(const Xapian::Database &db,
                              std::vector<Xapian::docid> &dids);

/* phrase-scan.cc: what the quick phrase test knows about one text. */
enum scan { SCAN_NO, SCAN_YES, SCAN_MAYBE };
bool may_be_dropped(size_t len, bool ascii);
scan phrase_scan(const std::vector<std::string> &words, const char *text,
                 size_t size, size_t near);
bool phrase_prefilter(const std::vector<std::string> &words,
                      const std::string &json, std::string *low = nullptr);

/* quoted-word.cc: a word quoted alone is that word as written.  TEXT
 * with a made-up word beside each word quoted alone, so that the parser
 * keeps its phrase; Q with each such phrase its word's leaf again, at
 * QUOTED_WORD_POS past its place. */
inline constexpr Xapian::termpos QUOTED_WORD_POS = 1u << 30;
std::string mark_quoted_words(const std::string &text);
Xapian::Query quoted_words(const Xapian::Query &q);
bool quoted_word(const Xapian::Query &q);   /* a leaf of a quoted word */
bool checked_word(const Xapian::Query &q);  /* one whose text is checked */
bool has_quoted_word(const Xapian::Query &q);

/* phrase.cc */
bool has_positional(const Xapian::Query &q);
Xapian::Query relax(const Xapian::Query &q, bool negative);
bool check_phrases(const ns_index_t *idx, const Xapian::Query &q,
                   Xapian::docid did, const Xapian::Document &doc,
                   ns_article_t *art_out, bool *damaged);
uint64_t phrase_total(const ns_index_t *idx, const Xapian::Query &q,
                      const Xapian::MSet &ms, size_t checked, size_t passed,
                      bool sample);
/* For Xapian's matcher: false for a candidate whose pair signatures rule
 * query Q out (check_phrases would); true when they cannot tell. */
class SignatureFilter : public Xapian::MatchDecider
{
  public:
    SignatureFilter(const ns_index_t *idx, const Xapian::Query &q);
    bool operator()(const Xapian::Document &doc) const override;
    bool useful() const { return useful_; } /* a pair it records? */

  private:
    const ns_index_t *idx_;
    Xapian::Query q_;
    bool useful_;
    std::shared_ptr<struct SignatureStream> stream_; /* phrase.cc */
};

/* phrase-count.cc: for Xapian's matcher, true for a candidate that passes
 * the phrase check of Q, asked in docid order (the pair signature, then
 * check_phrases).  Past MOST checks or SECONDS it stops checking: the rest
 * are UNCHECKED, and let through when PASS_UNCHECKED_.  KEEP: the ids
 * that passed are kept in DIDS. */
class PhraseCheck : public Xapian::MatchDecider
{
  public:
    PhraseCheck(const ns_index_t *idx, const Xapian::Query &q, size_t most,
                double seconds, bool keep);
    bool operator()(const Xapian::Document &doc) const override;
    double rate() const; /* the share that passed, by Laplace's rule */
    bool pass_unchecked_ = false;
    mutable size_t checked = 0, passed = 0, unchecked = 0, damaged = 0;
    mutable bool stopped = false;
    mutable std::vector<Xapian::docid> dids;

  private:
    const ns_index_t *idx_;
    Xapian::Query q_;
    SignatureFilter signature_;
    size_t most_;
    bool keep_;
    std::chrono::steady_clock::time_point end_;
};
/* The count of Q's matches among the candidates of RUN (its relaxed form,
 * filters and all), story groups when COLLAPSE: exact when every candidate
 * was checked within SECONDS; else an estimate.  DAMAGED: stored articles
 * that could not be read. */
void phrase_count(const ns_index_t *idx, const Xapian::Query &q,
                  const Xapian::Query &run, bool collapse, double seconds,
                  uint64_t *total, bool *exact, size_t *damaged);

/* cluster.cc: a cluster file's shards as one database (README "Scaling").
 * Do all of IDX's shards that are up have facet values (META_FACETS;
 * AUTHORS: author facet values, META_AUTHORS)? */
bool cluster_has_facets(const ns_index_t *idx, bool authors = false);
/* The documents DIDS of IDX's union of shards, in that order, fetched
 * from the shards at the same time (of IDX's database when it is not a
 * cluster).  Throws what a shard's read throws. */
std::vector<Xapian::Document>
cluster_documents(ns_index_t *idx, const std::vector<Xapian::docid> &dids);
/* Is PATH a cluster file (a regular file; an index is a directory)? */
bool is_cluster_file(const std::string &path);
/* Cluster file PATH read, nothing reached: "" or what is wrong (FILE:LINE). */
std::string cluster_file_problem(const std::string &path);
/* Read IDX->path as a cluster file and connect to its shards (IDX->db their
 * union).  NS_STATUS_BAD_INPUT for a bad file (cluster_file_problem), XAPIAN
 * when no shard, or with "partial no" not every shard, is reached. */
ns_status_t cluster_open(ns_index_t *idx);
/* Connect to every shard afresh when the refresh interval has passed (or
 * FORCE), and switch IDX to them when a shard changed (a new generation,
 * new articles, another replica, down or up) or FORCE.  Returns whether
 * IDX sees something else.  Throws only for what is not a shard's. */
bool cluster_refresh(ns_index_t *idx, bool force);
/* NS_STATUS_OK when IDX may be searched now: every shard up, or some
 * down and "partial yes"; otherwise NS_STATUS_SHARDS_DOWN, with the
 * message naming each shard down and why. */
ns_status_t cluster_ready(ns_index_t *idx);
/* The shards down now, ascending. */
std::vector<unsigned> cluster_missing(const ns_index_t *idx);
/* What changes whenever IDX's view of the index does: a database's revision,
 * a counter for a cluster (whose remote shards do not tell theirs). */
uint64_t view_revision(const ns_index_t *idx);
/* Is E what a cluster recovers from by connecting again (a replica gone)? */
bool cluster_recoverable(const ns_index_t *idx, const Xapian::Error &e);
/* A cluster's remote operation timed out (E): IDX connects to its shards
 * again, and true when that is worth another try (the shard that timed
 * out is now down or on another replica); false when the same replica
 * answers again, too slowly for the cluster file's "timeout", with WHY
 * naming the shard and the setting. */
bool cluster_timed_out(ns_index_t *idx, const Xapian::Error &e,
                       std::string &why);
/* The word lists (common's .txt files), compiled in by the Makefile: words
 * (list_words() reads them, pairs.cc), pairs a line each first word and the
 * words after it. */
extern const char COMMON_WORDS_EN[], COMMON_WORDS_NO[], DENSE_PAIRS_EN[],
    STOP_WORDS_EN[], STOP_WORDS_SV[], STOP_WORDS_DA[], STOP_WORDS_DE[],
    STOP_WORDS_FR[], STOP_WORDS_ES[], STOP_WORDS_IT[], STOP_WORDS_NL[],
    STOP_WORDS_PT[], STOP_WORDS_FI[];
std::vector<std::string> list_words(const char *list);

/* pairs.cc */
bool pairable(const std::string &word); /* not a CJK n-gram: has pairs */
bool common_word(const std::string &word);
/* Do articles get a pair term for FIRST SECOND (both common, and not a
 * dense pair)? */
bool pair_indexed(const std::string &first, const std::string &second);
/* The fingerprint of the list, as stored in META_PAIRS. */
const std::string &pair_list_id();
/* The term of two common words (pair_indexed). */
std::string pair_term(const std::string &first, const std::string &second);
/* Add to DOC the pair terms of ART's default field, and its pair
 * signature (SLOT_PAIRSIG_PARTS). */
void add_pair_terms(Xapian::Document &doc, const ns_article_t *art);
/* The hash of the pair FIRST SECOND, 0 when signatures do not record it;
 * the slot of the part that records hash H. */
uint64_t signature_hash(const std::string &first, const std::string &second);
Xapian::valueno signature_slot(uint64_t h);
/* Does SIG, the value of SLOT (a part, or an older index's SLOT_PAIRSIG),
 * say for certain that the article lacks the pair of hash H?  False when
 * it cannot tell (no signature, a pair not recorded, or a match); DOC's
 * version reads its values. */
bool signature_lacks_hash(Xapian::valueno slot, const std::string &sig,
                          uint64_t h);
bool signature_lacks(const Xapian::Document &doc, uint64_t h);
/* Q with its phrases narrowed, or replaced when exact, by pair terms. */
Xapian::Query use_pairs(const Xapian::Query &q);
/* Q with each two-word phrase that use_pairs() replaced (the AND of its
 * words filtered by their pair term) as that phrase again: what its words
 * are marked by.  Matching the phrase takes the pair term; marking it
 * takes the phrase, or every "west" and "bank" of the article is marked
 * for "west bank". */
Xapian::Query pairs_as_phrases(const Xapian::Query &q);
/* Were DB's pair terms made with this list?  Has every article of DB
 * its byline pair terms (byline-pairs.cc)? */
bool pairs_trusted(const Xapian::Database &db);
bool byline_pairs_trusted(const Xapian::Database &db);
/* A writer: stamp an empty index with the list, or stop trusting the pair
 * terms of one made with another. */
void claim_pairs(ns_index_t *idx);
/* byline-pairs.cc: the term of two adjacent byline words, "" when they
 * get none (a CJK n-gram, too long a term); add to DOC those of ART's
 * byline; Q with its author: phrases answered (two words) or narrowed
 * (more) by their pair terms. */
std::string byline_pair_term(const std::string &first,
                             const std::string &second);
void add_byline_pairs(Xapian::Document &doc, const ns_article_t *art);
Xapian::Query use_byline_pairs(const Xapian::Query &q);
/* time-slot.cc: the value of SLOT_TIME for epoch second T in an index
 * whose META_TIME is ENC (TIME_SORTABLE or TIME_ORDERED), and back; every
 * read and write of the slot goes through them. */
int time_encoding(const Xapian::Database &db);
std::string time_value(int enc, int64_t t);
int64_t time_of_value(int enc, const std::string &v);
/* window.cc: add the year, month and day terms of TIME (UTC) to DOC. */
void add_date_terms(Xapian::Document &doc, int64_t time);
/* The articles dated FROM..TO (epoch seconds) as a boolean query: by date
 * terms when TERMS (the index has them: has_date_terms), else by the date
 * value alone. */
Xapian::Query window_query(int enc, int64_t from, int64_t to, bool terms);
/* dates.cc: the articles dated FROM..TO (epoch seconds; NULL: open) as
 * the fewest date terms, the seconds of a partial first or last day
 * checked by the date value: the query of date:, and of the date filters
 * of ns_search_opts_t, so that both are one query with one count.  An
 * empty query when DB lacks the terms (has_date_terms). */
Xapian::Query date_terms(const Xapian::Database &db, int enc,
                         const int64_t *from, const int64_t *to);
/* Does every dated article of DB have its date terms? */
bool has_date_terms(const Xapian::Database &db, int enc);
/* dates.cc: PART, the articles dated FROM..TO (epoch seconds; null: open),
 * or when no article of DB is dated then, a term no article has that
 * says so: PREFIX_DATE, DATE_NONE and SAID, the dates as the reader gave
 * them ("1999", "1999..2001"), which a search that finds nothing names
 * (dead-filters.cc).  Both match nothing. */
static const char DATE_NONE[] = "=";
Xapian::Query dated_or_marked(const Xapian::Database &db, int enc,
                              const Xapian::Query &part, const int64_t *from,
                              const int64_t *to, const std::string &said);
/* DB's newest article's time at or before BOUND, by the date terms (DB
 * must have them); INT64_MIN if none. */
int64_t newest_by_terms(const Xapian::Database &db, int enc, int64_t bound);

/* related.cc */
extern const size_t SEARCH_SEEDS;
/* The plain stemmed terms (Z prefix) of document DID with their wdf. */
std::vector<std::pair<std::string, Xapian::termcount>>
stem_terms(const Xapian::Database &db, Xapian::docid did);
/* The default "now" (NS_NOW_NEWEST): the newest article's date. */
int64_t newest_time(const Xapian::Database &db, int enc);
/* related-dups.cc: what near-duplicate tests compare, the normalised
 * title and the sorted, distinct hashes of the body's words, built lazily:
 * most candidates are told apart by title alone.  ART is borrowed. */
struct DupKey {
    const ns_article_t *art;
    std::string title;
    std::vector<uint64_t> words;
    bool have_words = false;
};
DupKey dup_key(const ns_article_t *a);
const std::vector<uint64_t> &dup_words(DupKey &k); /* read once, kept */
/* Is one of A and B a copy of the other (an update, a correction)? */
bool near_duplicate(DupKey &a, DupKey &b);

/* spelling.cc */
/* Add (SIGN 1) or remove (SIGN -1) the words of DOC, as indexed, to or
 * from IDX's spelling table at the next commit (flush_spelling). */
void spell_words(ns_index_t *idx, const Xapian::Document &doc, int sign);
/* The same for stored document DID, whose words are read from its article
 * (the index leaves some exact forms out). */
void spell_stored(ns_index_t *idx, Xapian::docid did, int sign);
/* Write the pending spelling changes to the writer (before a commit). */
void flush_spelling(ns_index_t *idx);
/* word-distance.cc: the edits (a letter added, dropped, changed, or two
 * neighbours swapped) from word A to word B with their diacritics folded: "muler" is one from
 * "müller". */
size_t folded_edits(const std::string &a, const std::string &b);
/* Is B one slip of the keys from A (a letter left out, one too many, two
 * neighbours swapped, diacritics folded) in a word of five letters or
 * more? */
bool one_slip(const std::string &a, const std::string &b);
/* TEXT with its words that match no article replaced by the archive's
 * nearest word or split ("" if none), with hits if BESIDE_HITS, its
 * phrase searches within BUDGET_MS (0: no limit); if TYPING, its last
 * word, with nothing after it, as typed (search as you type).  *SURE, if
 * given, is set when the suggestion may be searched instead of a query
 * that matches nothing (no name corrected, the words in context). */
std::string suggest_query(ns_index_t *idx, const std::string &t, bool beside,
                          unsigned budget_ms, bool typing = false,
                          bool *sure = nullptr);
/* write.cc: the words of TEXT written with hyphens between letters,
 * joined, separated by spaces (each at most JOINED_MAX bytes). */
static const size_t JOINED_MAX = 64;
std::string joined_words(const char *text);
/* search-api.cc: has some article the phrase PHRASE (words and spaces),
 * found within BUDGET_MS? */
bool phrase_in_archive(ns_index_t *idx, const std::string &phrase,
                       unsigned budget_ms);

/* spelling-copy.cc: what changes when the file at PATH is replaced or
 * rewritten ("" when it cannot be looked at); a "spelling PATH" line. */
std::string file_sig(const std::string &path);
struct SpellingCopy {
    std::string path;
    unsigned line = 0; /* in the cluster file */
    bool up = false;
    std::string sig;   /* the file's device, inode, size and time */
    std::string error; /* why it is not up */
    std::string shard, exported;
    uint64_t words = 0;
    Xapian::Database db;
};
/* Open again each of COPIES whose file changed, or that was not up; true
 * when any now holds another database, or is up or down anew.  A copy's
 * failure is in its error, never thrown. */
bool refresh_copies(std::vector<SpellingCopy> &copies);
/* The union of the copies that are up, or null when none is. */
std::unique_ptr<Xapian::Database>
copies_union(const std::vector<SpellingCopy> &copies);
/* cluster.cc: the union of IDX's spelling copies, or null (no copy up, or
 * not a cluster). */
const Xapian::Database *cluster_dictionary(const ns_index_t *idx);
/* The copies of IDX failed under a suggestion with WHY: no suggestions
 * until the next refresh opens them again. */
void cluster_dictionary_failed(ns_index_t *idx, const std::string &why);

/* synonyms.cc: TEXT (file NAME) into OUT, problems "NAME:LINE: why"; the
 * number of groups.  synonyms_problems(): the problems, one a line. */
size_t parse_synonyms(const std::string &text, const std::string &name,
                      Synonyms &out, std::vector<std::string> &problems);
std::string synonyms_problems(const std::string &text, const std::string &name,
                              size_t *groups);
void refresh_synonyms(ns_index_t *idx, const std::string &path); /* if new */
/* Q with each stem term of a group's word as its group (OP_SYNONYM), and
 * an entry's words typed in a row as its phrase, unless TYPED_OR. */
Xapian::Query with_synonyms(ns_index_t *idx, const Xapian::Query &q,
                            const Xapian::Stem &stem, bool typed_or);
size_t synonym_groups(const ns_index_t *idx); /* groups in use */
/* A hash of the synonyms file in use as read; "" for none. */
std::string synonyms_sig(const ns_index_t *idx);
/* Does another word of WORD's group (stemmed by STEM) match an article? */
bool synonym_matches(ns_index_t *idx, const std::string &word,
                     const Xapian::Stem &stem);

void add_facet_values(Xapian::Document &doc, /* facet-values.cc */
                      const ns_article_t *art, const std::string &lang);
/* facet-authors.cc: the byline's names into SLOT_AUTHORS (none without a
 * byline); the keys of a name, spellings author:"NAME" finds alike, the
 * first its letters folded plain. */
void add_author_values(Xapian::Document &doc, const ns_article_t *art);
std::vector<std::string> author_keys(std::string_view name);
/* facets.cc: the facets O asks for over the matches of RUN into RES;
 * CHECK: the query whose phrases RUN's candidates must pass, or NULL,
 * checked for at most LEFT_S seconds (what is left of the search's time
 * budget) and the facets' own 2 s.  BLANK: the query has no text (every
 * article, or the filters of O alone). */
void count_facets(ns_index_t *idx, const Xapian::Query &run,
                  const ns_search_opts_t *o, const Xapian::Query *check,
                  double left_s, bool blank, ns_results_t *res);
/* Estimated counts of RES brought within its total, once that is final
 * and exact: no value is had by more matches than match. */
void facets_within_total(ns_results_t *res);

/* recency.cc */
/* RUN with every match's weight raised by its recency bonus. */
Xapian::Query recency_mix(ns_index_t *idx, const Xapian::Query &run,
                          const ns_search_opts_t *o, bool blank);

/* related-window.cc */
/* A candidate of a related-posts query. */
struct StoryCandidate {
    Xapian::docid docid;
    double weight;
};
/* One term's part of a document's weight under the search's BM25: N
 * documents of average length AVLEN, the term in TF of them and WDF
 * times in this one of length LEN. */
double bm25_part(double n, double avlen, double tf, double wdf, double len);
/* The articles of the window FROM..TO (TERMS as for window_query) with
 * any of STORY's terms (each in DF[term] articles), their BM25 weights,
 * EXTRA added if missing, best first, at most MOST, into OUT, from IDX's
 * copy of the window of revision REV; false with no copy (ask Xapian). */
bool window_candidates(ns_index_t *idx, uint64_t rev, int64_t from, int64_t to,
                       bool terms, const std::vector<std::string> &story,
                       const std::map<std::string, Xapian::doccount> &df,
                       const StoryCandidate *extra, size_t most,
                       std::vector<StoryCandidate> &out);

void find_related(ns_index_t *idx, const std::vector<Xapian::docid> &seeds,
                  const std::vector<const ns_article_t *> &shown,
                  const ns_search_opts_t *o, ns_results_t *res);
/* search.cc: one search, no fallback; MSG added to RES's warning once. */
ns_status_t search_once(ns_index_t *idx, const ns_search_opts_t *o,
                        ns_results_t *res);
void add_warning(ns_results_t *res, const std::string &msg);
/* dead-filters.cc: for a search of Q filtered by FILTER that found
 * nothing, a warning naming each section, tag or author no article has. */
void note_dead_filters(ns_index_t *idx, const Xapian::Query &q,
                       const Xapian::Query &filter, ns_results_t *res);

} // namespace libns

#endif /* NS_INDEX_CALLS_H */
