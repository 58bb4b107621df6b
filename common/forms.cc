/* forms.cc - The forms of a word that match: stems whatever the case,
 * spellings without diacritics, and a little extra for the exact form.
 *
 * People type "Elections" on a phone that capitalises the first word,
 * paste headlines in title case, type in capitals, and search a Norwegian
 * archive from keyboards without æ, ø and å.  The rules:
 *
 *  - Every word of an article is indexed as written (lower-cased) and by
 *    its stem, whatever its case.  Xapian's STEM_SOME leaves capitalised
 *    words unstemmed, as names; so the index is written in two passes
 *    (exact words, then the stems of all words), and a query word that
 *    Xapian's parser left unstemmed because of its capital is given its
 *    stem here (stem_all_words).  Capitals never lose matches.
 *
 *  - The exact forms still count: each query word's exact form is added
 *    as an optional part of weight W_EXACT (exact_boost), so an article
 *    with the word as typed ("Azure", "tromsø") ranks a little above one
 *    with only another form of it.  This is the "keyword repeat" practice
 *    of Lucene-based engines: stemmed and unstemmed matches combined.
 *
 *  - A word that is its own stem ("said", "run", "election" is not:
 *    "elect") has no exact term: its stem term (the Z twin, which always
 *    exists) holds every article the exact term would, and more only
 *    where another form stems to it ("runs").  Such words were 112 of the
 *    179 exact terms of an article on the 100,000-article archive, a
 *    posting and a term-list entry each beside their twin's: leaving them
 *    out made that index 17% smaller (336.4 to 280.7 MiB).  Wherever a query
 *    reads exact terms it reads the twin for these words instead
 *    (indexed_form): the exact boost, the words Xapian matches for a
 *    phrase (the check still reads the text as written), and wildcards,
 *    which also expand over the stems (one synonym of the two).  What is given
 *    up: "run" no longer ranks an article with "run" above one with only
 *    "runs".  Author terms keep every form (the author filter matches
 *    them as written).  The spelling dictionary counts the words as
 *    written, from the article itself when one is removed (spelling.cc).
 *
 *  - Diacritics fold (fold.c): the stemmer of every language first folds
 *    them (FoldingStem), in the index and in queries, so "Tromso" and
 *    "Tromsø" share the stem "tromso"; the Nordic spellings without them
 *    ("Tromsoe", "Skarsgaard") are indexed as extra stems of the words
 *    that have ä, å, ö, ø or ü (add_digraph_stems).  Phrases are checked
 *    against the text as written, in each spelling of their words with
 *    and without diacritics that the index has (phrase-fold.cc).
 *
 *  - A query typed entirely in capitals is words: "VIET NAM AND WHAT THEY
 *    ARE SEEKING" is not the Boolean AND of two halves (query_flags).
 *
 * Measured on the development queries of TIME and CACM (make eval, MAP;
 * FTS5 0.6605 and 0.3067): STEM_SOME as before 0.6589 / 0.3743; stems of
 * every word, no exact forms 0.6223 / 0.3593; plus all-capital queries
 * as words 0.6326 / 0.3593; plus exact forms at W_EXACT 0.5 0.6644 /
 * 0.3706 (at 0.3: 0.671 / 0.373; at 1.0: 0.659 / 0.362; 0.5 is not tuned
 * to these numbers: half of a stem match is "a little higher").  TIME's
 * text and queries are all in capitals, so before this change none of
 * its words was ever stemmed. */
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

namespace
{

/* A stemmer that folds diacritics: "tromsø" and "tromso" stem alike.
 * Words without a byte above ASCII go straight to the language's
 * stemmer, so English text pays one scan of each word.
 *
 * The stemmers of the Nordic languages, German and Finnish know their
 * letters (æ, ø, å, ä, ö, ü are vowels to them), so a word is stemmed as
 * written and its stem folded: folded first, "ekstremvær" became
 * "ekstremvaer" and lost an "-er" it never had ("ekstremva"), where
 * "ekstremværet" kept it ("ekstremvaer"); the two never met, nor did
 * "uvær" and "uværet", and "multebær" found no "multebærene".  Other
 * stemmers fold first: English reads "é" as a consonant, and "résumé"
 * must still meet "resume".  Each such word also keeps the stem of its
 * folded spelling (add_digraph_stems), which a query
 * typed without the letters gives: "uvaer" finds what it did. */
class FoldingStem : public Xapian::StemImplementation
{
    Xapian::Stem inner;
    bool stem_first;
    bool norwegian; /* its -er nouns' forms as one stem (stem-no.cc) */

  public:
    explicit FoldingStem(const Xapian::Stem &s)
        : inner(s), stem_first(knows_letters(s)),
          norwegian(s.get_description() == "Xapian::Stem(norwegian)")
    {
    }

    static bool knows_letters(const Xapian::Stem &s)
    {
        const std::string d = s.get_description();
        for (const char *l : {"norwegian", "danish", "swedish", "german",
                              "finnish"})
            if (d == std::string("Xapian::Stem(") + l + ")")
                return true;
        return false;
    }

    std::string operator()(const std::string &word) override
    {
        bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
            return (unsigned char)c < 0x80;
        });
        if (ascii)
            return inner.is_none() ? word : stem(word);
        if (inner.is_none())
            return fold(word, 0);
        return stem_first ? fold(stem(word), 0) : inner(fold(word, 0));
    }

    std::string stem(const std::string &word) const
    {
        return norwegian ? norwegian_stem(inner, word) : inner(word);
    }

    std::string get_description() const override
    {
        return "fold+" + inner.get_description();
    }
};

} // namespace

std::string libns::fold(const std::string &word, int flags)
{
    ns_buf_t b{};
    int r = ns_fold_accents(word.data(), word.size(), flags, &b);
    if (r < 0)
        throw std::bad_alloc();
    std::string out = r ? std::string(b.p ? b.p : "", b.len) : word;
    ns_buf_free(&b);
    return out;
}

bool libns::composed(const char *t, size_t n, std::string &out,
                     std::vector<size_t> *from)
{
    if (!memchr(t, 0xcc, n))
        return false;
    ns_buf_t b{};
    std::vector<size_t> at(from ? n + 1 : 0);
    int r = ns_compose_marks(t, n, &b, from ? at.data() : nullptr);
    if (r < 0)
        throw std::bad_alloc();
    if (r) {
        out.assign(b.p, b.len);
        if (from) {
            at.resize(b.len + 1);
            *from = std::move(at);
        }
    }
    ns_buf_free(&b);
    return r > 0;
}

Xapian::Stem libns::folding_stem(const Xapian::Stem &stem)
{
    return Xapian::Stem(new FoldingStem(stem));
}

bool libns::split_text_term(const std::string &term, std::string &prefix,
                            std::string &word)
{
    size_t p = 0;
    while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z')
        p++;
    prefix = term.substr(0, p);
    word = term.substr(p);
    if (prefix.empty())
        return true;
    for (const SchemaField &f : SCHEMA_FIELDS)
        if (f.kind == FIELD_TEXT && prefix == f.prefix)
            return true;
    return false;
}

/* The terms of DOC, sorted.  A document being built hands out its term
 * list in order, but that list's skip_to() steps through it term by term,
 * copying each: a twin looked up there for each term was quadratic
 * (drop_own_stems took 8% of the indexer's time on Reuters, 4% now). */
static std::vector<std::string> sorted_terms(const Xapian::Document &doc)
{
    std::vector<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        terms.push_back(*t);
    return terms;
}

static bool has_term(const std::vector<std::string> &terms,
                     const std::string &term)
{
    return std::binary_search(terms.begin(), terms.end(), term);
}

void libns::add_digraph_stems(Xapian::Document &doc, const Xapian::Stem &stem)
{
    std::map<std::string, Xapian::termcount> add;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string &term = *t;
        std::string prefix, word;
        if (!split_text_term(term, prefix, word) ||
            std::all_of(word.begin(), word.end(),
                        [](char c) { return (unsigned char)c < 0x80; }))
            continue;
        /* The stem of the word folded, where the stemmer reads the word
         * as written (FoldingStem): the stem a query typed without the
         * letters gives ("uvaer": "uva", "uvær" being "uvaer"). */
        const std::string plain = fold(word, 0);
        const std::string digraph = fold(word, NS_FOLD_DIGRAPH);
        for (const std::string *f : {&plain, &digraph}) {
            if (f == &digraph && digraph == plain)
                continue;
            Xapian::termcount &wdf = add[PREFIX_STEM + prefix + stem(*f)];
            wdf = std::max(wdf, t.get_wdf());
        }
    }
    if (add.empty())
        return;
    const std::vector<std::string> terms = sorted_terms(doc);
    for (const auto &a : add)
        if (!has_term(terms, a.first))
            doc.add_term(a.first, a.second);
}

/* Does TERM, an exact term, have a Z twin that stands for it?  Text
 * fields other than the author's, a word that is its own stem. */
static bool own_stem(const std::string &term, const Xapian::Stem &stem)
{
    std::string prefix, word;
    return split_text_term(term, prefix, word) && !word.empty() &&
           prefix != PREFIX_AUTHOR && stem(word) == word;
}

void libns::drop_own_stems(Xapian::Document &doc, const Xapian::Stem &stem)
{
    const std::vector<std::string> terms = sorted_terms(doc);
    std::vector<std::string> drop;
    std::string twin;
    for (const std::string &term : terms) {
        if (term[0] == PREFIX_STEM[0])
            continue;
        /* The twin is there unless the word has no stem at all (CJK
         * n-grams): then the exact term is the only one and stays.  It is
         * looked up first: most words that are not their own stem have
         * none, and the lookup is cheaper than stemming. */
        twin.assign(PREFIX_STEM).append(term);
        if (has_term(terms, twin) && own_stem(term, stem))
            drop.push_back(term);
    }
    for (const std::string &term : drop)
        doc.remove_term(term);
}

std::string libns::indexed_form(const std::string &term,
                                const Xapian::Stem &stem)
{
    return own_stem(term, stem) ? PREFIX_STEM + term : term;
}

/* The window of a phrase or NEAR: not exposed by the 1.4 API, but the
 * description has it, "(a@1 PHRASE 2 b@2)" or "(a@1 NEAR 11 b@2)". */
size_t libns::positional_window(const Xapian::Query &q)
{
    std::string d = q.get_description();
    for (const char *op : {" PHRASE ", " NEAR "}) {
        size_t at = d.find(op);
        if (at != std::string::npos)
            return (size_t)strtoul(d.c_str() + at + strlen(op), nullptr, 10);
    }
    return q.get_type() == Xapian::Query::OP_NEAR ? 10 : q.get_num_subqueries();
}

/* Is Q a phrase of words side by side?  Xapian's parser gives "a ADJ/3
 * b" as a phrase too, with a window of 4: the words in this order within
 * 4 positions, where "a b" has a window of 2, its number of words. */
bool libns::exact_phrase(const Xapian::Query &q)
{
    return q.get_type() == Xapian::Query::OP_PHRASE &&
           positional_window(q) <= q.get_num_subqueries();
}

/* A leaf's place in the query text: not in the 1.4 API either, but its
 * description ends in it ("Query(Zunit@1)"); 0 if it has none. */
Xapian::termpos libns::leaf_position(const Xapian::Query &q)
{
    std::string d = q.get_description();
    size_t at = d.rfind('@');
    if (at == std::string::npos || d.back() != ')')
        return 0;
    char *end;
    unsigned long pos = strtoul(d.c_str() + at + 1, &end, 10);
    return *end == ')' && end == d.c_str() + d.size() - 1 ? (Xapian::termpos)pos
                                                          : 0;
}

/* Phrase or NEAR query Q with each of its terms T replaced by FN(T), its
 * window kept. */
template <typename F>
static Xapian::Query map_phrase_terms(const Xapian::Query &q, F fn)
{
    std::vector<Xapian::Query> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() == Xapian::Query::LEAF_TERM)
            sub = Xapian::Query(fn(*sub.get_terms_begin()));
        subs.push_back(sub);
    }
    return Xapian::Query(q.get_type(), subs.begin(), subs.end(),
                         (Xapian::termcount)positional_window(q));
}

Xapian::Query libns::written_phrases(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return map_phrase_terms(q, as_written);
    if (checked_word(q))
        return Q(as_written(*q.get_terms_begin()), 1, leaf_position(q));
    /* The 1.4 API does not give a scale factor back, and this query only
     * marks words (search.cc): the phrase as typed, weighted on top of
     * its other spellings (phrase-fold.cc), loses its factor. */
    if (op == Q::OP_SCALE_WEIGHT && has_positional(q))
        return written_phrases(q.get_subquery(0));
    /* A phrase's spellings filtered by its words' stems (phrase-fold.cc):
     * marked by the phrases alone.  The stems marked "banks" and a lone
     * "Bank" for "world bank", in a passage without the phrase. */
    if (op == Q::OP_FILTER && q.get_num_subqueries() == 2 &&
        !has_positional(q.get_subquery(0)) && has_positional(q.get_subquery(1)))
        return written_phrases(q.get_subquery(1));
    return map_subqueries(
        q, [](const Q &sub, size_t) { return written_phrases(sub); });
}

/* Is TERM one of the title field (title:word, or its stem)?  *AS_TEXT is
 * then the same word of the default field ("Sazure" as "azure", the stem
 * "ZSazur" as "Zazur"). */
static bool title_term(const std::string &term, std::string *as_text)
{
    const std::string stem = std::string(PREFIX_STEM) + PREFIX_TITLE;
    if (term.compare(0, strlen(PREFIX_TITLE), PREFIX_TITLE) == 0) {
        *as_text = term.substr(strlen(PREFIX_TITLE));
        return true;
    }
    if (term.compare(0, stem.size(), stem) == 0) {
        *as_text = PREFIX_STEM + term.substr(stem.size());
        return true;
    }
    return false;
}

static std::string title_term_as_text(const std::string &term)
{
    std::string word;
    return title_term(term, &word) ? word : term;
}

/* Is Q a wildcard over title words ("title:chel*": "Schel", or its stems
 * "ZSchel")?  *AS_TEXT is then its pattern as the default field's. */
static bool title_wildcard(const Xapian::Query &q, std::string *as_text)
{
    /* Not the field's every word (title:*, query-lucene-fields.cc): as
     * text that was a wildcard over the whole vocabulary, 30 s to mark
     * a page of Reuters. */
    std::string pattern;
    return q.get_type() == Xapian::Query::OP_WILDCARD &&
           wildcard_pattern(q, pattern) && title_term(pattern, as_text) &&
           !as_text->empty() && *as_text != PREFIX_STEM;
}

static bool has_title_wildcard(const Xapian::Query &q)
{
    std::string pattern;
    if (title_wildcard(q, &pattern))
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_title_wildcard(q.get_subquery(i)))
            return true;
    return false;
}

/* Wildcards are not among a query's terms (get_terms_begin), so they are
 * looked for apart: "title:chel*" and search as you type's "title:azu"
 * marked no title. */
bool libns::has_title_terms(const Xapian::Query &q)
{
    std::string word;
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
        if (title_term(*t, &word))
            return true;
    return has_title_wildcard(q);
}

Xapian::Query libns::title_as_text(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM)
        return Q(title_term_as_text(*q.get_terms_begin()));
    /* The 1.4 API does not give a wildcard's limit back: the default's. */
    std::string pattern;
    if (title_wildcard(q, &pattern))
        return Q(Q::OP_WILDCARD, pattern, WILDCARD_MAX_EXPANSION,
                 Q::WILDCARD_LIMIT_MOST_FREQUENT, Q::OP_SYNONYM);
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return map_phrase_terms(q, title_term_as_text);
    /* Only words are marked: a scale factor (lost, as in
     * written_phrases) changes nothing here. */
    if (op == Q::OP_SCALE_WEIGHT)
        return title_as_text(q.get_subquery(0));
    return map_subqueries(
        q, [](const Q &sub, size_t) { return title_as_text(sub); });
}

Xapian::Query libns::stem_all_words(const Xapian::Query &q,
                                    const Xapian::Stem &stem,
                                    unsigned max_expansion,
                                    const Xapian::Database *db)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        std::string prefix, word;
        if (!split_text_term(*q.get_terms_begin(), prefix, word) ||
            word.empty())
            return q;
        /* A word quoted alone is matched as a phrase's words are. */
        if (quoted_word(q))
            return Q(indexed_form(*q.get_terms_begin(), stem), 1,
                     leaf_position(q));
        /* Its place kept: synonyms.cc reads an entry's words by it. */
        return Q(PREFIX_STEM + prefix + stem(word), 1, leaf_position(q));
    }
    if (op == Q::OP_WILDCARD)
        return wildcard_stems(q, max_expansion, stem, db);
    /* Phrases and NEAR keep their exact words (they are checked against
     * the text as written, as_written() reading a twin back), but Xapian
     * matches the twin of a word that is its own stem. */
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return map_phrase_terms(q, [&](const std::string &term) {
            return indexed_form(term, stem);
        });
    /* Ranges and the weightless wrapper of a pure filter have no word to
     * stem. */
    return map_subqueries(q, [&](const Q &sub, size_t) {
        return stem_all_words(sub, stem, max_expansion, db);
    });
}

/* The text-field terms of EXACT that count towards a match: not under a
 * NOT, not inside a phrase (a phrase already is exact). */
static void positive_terms(const Xapian::Query &q, bool negated,
                           const Xapian::Stem &stem,
                           std::vector<Xapian::Query> &out)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        std::string prefix, word;
        const std::string term = *q.get_terms_begin();
        /* A word quoted alone is its exact form already. */
        if (!negated && !quoted_word(q) && split_text_term(term, prefix, word))
            out.emplace_back(indexed_form(term, stem));
        return;
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR || op == Q::OP_SCALE_WEIGHT)
        return;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        positive_terms(q.get_subquery(i),
                       negated || (op == Q::OP_AND_NOT && i > 0), stem, out);
}

/* Count in N the leaf terms of Q whose weight Q adds up: not under a NOT,
 * a phrase, NEAR, a scaled part or any other operator that does not sum
 * its parts' weights. */
static void additive_terms(const Xapian::Query &q,
                           std::map<std::string, unsigned> &n)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        n[*q.get_terms_begin()]++;
        return;
    }
    size_t parts = q.get_num_subqueries();
    if (op == Q::OP_AND_NOT || op == Q::OP_AND_MAYBE || op == Q::OP_FILTER)
        parts = parts ? 1 : 0; /* the rest adds nothing, or is optional */
    else if (op != Q::OP_AND && op != Q::OP_OR)
        return;
    for (size_t i = 0; i < parts; i++)
        additive_terms(q.get_subquery(i), n);
}

/* Q with its leaf terms in FOLD scaled by FACTOR, where additive_terms()
 * counted them. */
static Xapian::Query scale_terms(const Xapian::Query &q,
                                 const std::map<std::string, unsigned> &fold,
                                 double factor)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM)
        return fold.count(*q.get_terms_begin())
                   ? Q(Q::OP_SCALE_WEIGHT, q, factor)
                   : q;
    if (op != Q::OP_AND_NOT && op != Q::OP_AND_MAYBE && op != Q::OP_FILTER &&
        op != Q::OP_AND && op != Q::OP_OR)
        return q;
    return map_subqueries(q, [&](const Q &sub, size_t i) {
        return i == 0 || op == Q::OP_AND || op == Q::OP_OR
                   ? scale_terms(sub, fold, factor)
                   : sub;
    });
}

/* The terms of Q inside phrases (IN) and outside them (OUT). */
static void phrase_sides(const Xapian::Query &q, bool inside,
                         std::set<std::string> &in, std::set<std::string> &out)
{
    using Q = Xapian::Query;
    if (q.get_type() == Q::LEAF_TERM) {
        (inside ? in : out).insert(*q.get_terms_begin());
        return;
    }
    inside |= q.get_type() == Q::OP_PHRASE;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        phrase_sides(q.get_subquery(i), inside, in, out);
}

Xapian::Query libns::exact_boost(const Xapian::Query &stemmed,
                                 const Xapian::Query &exact,
                                 const Xapian::Stem &stem)
{
    using Q = Xapian::Query;
    std::vector<Q> terms;
    positive_terms(exact, false, stem, terms);
    /* Words that STEMMED has in a phrase only (a synonym entry typed as
     * words, "united nations", synonyms.cc) are that phrase's: apart, they
     * ranked and marked "other nations" as if the words had been typed
     * apart. */
    std::set<std::string> in, out_of;
    phrase_sides(stemmed, false, in, out_of);
    terms.erase(
        std::remove_if(terms.begin(), terms.end(),
                       [&](const Q &t) {
                           std::string w = as_written(*t.get_terms_begin());
                           std::string pre, word;
                           split_text_term(w, pre, word);
                           return in.count(*t.get_terms_begin()) &&
                                  !out_of.count(PREFIX_STEM + pre + stem(word));
                       }),
        terms.end());
    if (terms.empty())
        return stemmed;
    /* A word that is its own stem boosts by its stem term (indexed_form),
     * which STEMMED already matches: as two leaves Xapian would read that
     * posting list twice, the dearest part of a query of common words.
     * Where STEMMED adds that term's weight once, the term is read once
     * and weighs 1 + W_EXACT instead, which is the same sum. */
    std::map<std::string, unsigned> in_stemmed, in_boost;
    additive_terms(stemmed, in_stemmed);
    for (const Q &t : terms)
        in_boost[*t.get_terms_begin()]++;
    std::map<std::string, unsigned> fold;
    std::vector<Q> rest;
    for (const Q &t : terms) {
        const std::string term = *t.get_terms_begin();
        if (term.compare(0, strlen(PREFIX_STEM), PREFIX_STEM) == 0 &&
            in_boost[term] == 1 && in_stemmed[term] == 1)
            fold[term] = 1;
        else
            rest.push_back(t);
    }
    Q out = fold.empty() ? stemmed : scale_terms(stemmed, fold, 1 + W_EXACT);
    if (rest.empty())
        return out;
    return Q(
        Q::OP_AND_MAYBE, out,
        Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, rest.begin(), rest.end()), W_EXACT));
}

unsigned libns::query_flags(const std::string &text, unsigned flags)
{
    bool upper = false, lower_case = false;
    for (unsigned char c : text) {
        upper |= c >= 'A' && c <= 'Z';
        lower_case |= c >= 'a' && c <= 'z';
    }
    /* "VIET NAM AND WHAT THEY ARE SEEKING": words, not operators.  Field
     * names are not operators: "TITLE:AZURE" is still title:azure
     * (query.cc takes them in capitals too). */
    if (upper && !lower_case)
        flags &= ~(unsigned)Xapian::QueryParser::FLAG_BOOLEAN;
    return flags;
}
