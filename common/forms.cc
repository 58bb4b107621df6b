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
 *  - Diacritics fold (fold.c): the stemmer of every language first folds
 *    them (FoldingStem), in the index and in queries, so "Tromso" and
 *    "Tromsø" share the stem "tromso"; the Nordic spellings without them
 *    ("Tromsoe", "Skarsgaard") are indexed as extra stems of the words
 *    that have ä, å, ö, ø or ü (add_digraph_stems).  Phrases stay exact:
 *    they are checked against the text as written.
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
#include <map>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* How much the exact form of a query word adds, relative to its stem. */
static const double W_EXACT = 0.5;

namespace {

/* A stemmer that folds diacritics first: "tromsø" and "tromso" stem
 * alike.  Words without a byte above ASCII go straight to the language's
 * stemmer, so English text pays one scan of each word. */
class FoldingStem : public Xapian::StemImplementation
{
    Xapian::Stem inner;

  public:
    explicit FoldingStem(const Xapian::Stem &s) : inner(s) {}

    std::string operator()(const std::string &word) override
    {
        bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
            return (unsigned char)c < 0x80;
        });
        if (ascii)
            return inner.is_none() ? word : inner(word);
        std::string f = fold(word, 0);
        return inner.is_none() ? f : inner(f);
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
        std::string f = fold(word, NS_FOLD_DIGRAPH);
        if (f == word || f == fold(word, 0))
            continue;
        Xapian::termcount &wdf = add[PREFIX_STEM + prefix + stem(f)];
        wdf = std::max(wdf, t.get_wdf());
    }
    for (const auto &a : add) {
        auto t = doc.termlist_begin();
        t.skip_to(a.first);
        if (t == doc.termlist_end() || *t != a.first)
            doc.add_term(a.first, a.second);
    }
}

Xapian::Query libns::stem_all_words(const Xapian::Query &q,
                                    const Xapian::Stem &stem)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        std::string prefix, word;
        if (!split_text_term(*q.get_terms_begin(), prefix, word) ||
            word.empty())
            return q;
        return Q(PREFIX_STEM + prefix + stem(word));
    }
    /* Phrases and NEAR keep their exact words (they are checked against
     * the text); wildcards, ranges and the weightless wrapper of a pure
     * filter have no word to stem. */
    return map_subqueries(q, [&](const Q &sub, size_t) {
        return stem_all_words(sub, stem);
    });
}

/* The text-field terms of EXACT that count towards a match: not under a
 * NOT, not inside a phrase (a phrase already is exact). */
static void positive_terms(const Xapian::Query &q, bool negated,
                           std::vector<Xapian::Query> &out)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        std::string prefix, word;
        if (!negated && split_text_term(*q.get_terms_begin(), prefix, word))
            out.push_back(q);
        return;
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR || op == Q::OP_SCALE_WEIGHT)
        return;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        positive_terms(q.get_subquery(i),
                       negated || (op == Q::OP_AND_NOT && i > 0), out);
}

Xapian::Query libns::exact_boost(const Xapian::Query &stemmed,
                                 const Xapian::Query &exact)
{
    using Q = Xapian::Query;
    std::vector<Q> terms;
    positive_terms(exact, false, terms);
    if (terms.empty())
        return stemmed;
    return Q(Q::OP_AND_MAYBE, stemmed,
             Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, terms.begin(), terms.end()),
               W_EXACT));
}

unsigned libns::query_flags(const std::string &text, unsigned flags)
{
    bool upper = false, lower_case = false;
    for (unsigned char c : text) {
        upper |= c >= 'A' && c <= 'Z';
        lower_case |= c >= 'a' && c <= 'z';
    }
    /* "VIET NAM AND WHAT THEY ARE SEEKING": words, not operators.  Field
     * names are lower case ("title:"), so a query with one keeps them. */
    if (upper && !lower_case)
        flags &= ~(unsigned)Xapian::QueryParser::FLAG_BOOLEAN;
    return flags;
}
