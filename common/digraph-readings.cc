/* digraph-readings.cc - A word typed with å, ø or æ finds it written with
 * aa, oe or ae, and a word typed with a mix of the two spellings finds
 * the word the archive writes with the letters.
 *
 * The indexer gives a word with ä, å, ö, ø or ü two stems: its letters
 * folded plain ("Ødegård": "odegard") and as their digraphs ("oedegaard",
 * add_digraph_stems in forms.cc).  So "Tromso" and "Tromsoe" find Tromsø;
 * but the other way round nothing matched: "Århus" missed the articles
 * that write "Aarhus" (the Danish spelling until 2011, and still the
 * city's own), "Ålborg" "Aalborg", and "Ødegård" the English press's
 * "Odegaard", whose stems are the digraph spelling's.  Nor did a mix of
 * the two ("Odegaard": ø typed as o, å as aa) find "Ødegård", which has
 * neither "odegaard" nor any other stem of it.  Both are read here, on
 * the query side, from the terms the index already has:
 *
 *  - a word typed with such a letter is also searched in its other
 *    spellings without it, each letter read plain or as its digraph
 *    ("Ødegård": odegard, oedegard, odegaard, oedegaard; at most
 *    MAX_READINGS).  No English word has these letters, so no English
 *    word is read so;
 *  - a word typed without them, with a digraph (aa, oe, ae, ue), is also
 *    searched by the digraph stem of each word with such letters that the
 *    index holds and that the word spells ("Odegaard": Ødegård's
 *    "oedegaard"), found by the walk phrases use (phrase-fold.cc).  That
 *    stem is only in articles with that word (or with its digraph
 *    spelling): "poet" reads "pøt" as "poet", its own stem, so it never
 *    matches "pot", nor "does" "dos".
 *
 * The readings are the stem's synonyms, so the exact form typed still
 * ranks first (exact_boost).  Measured: no index change, and a walk only
 * for a word typed with a digraph (about 20 us each, phrase-fold.cc). */
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Readings of one word typed with letters: 3 letters each read two ways. */
static const size_t MAX_READINGS = 8;

/* The letters with a digraph spelling (fold.c digraph()), as UTF-8. */
static bool digraph_letter(const std::string &w, size_t i)
{
    if (i + 1 >= w.size() || (unsigned char)w[i] != 0xc3)
        return false;
    switch ((unsigned char)w[i + 1]) {
    case 0xa4: /* ä */
    case 0xa5: /* å */
    case 0xb6: /* ö */
    case 0xb8: /* ø */
    case 0xbc: /* ü */
        return true;
    }
    return false;
}

std::vector<std::string> libns::digraph_readings(const std::string &word)
{
    std::vector<size_t> at;
    for (size_t i = 0; i < word.size(); i++)
        if (digraph_letter(word, i))
            at.push_back(i++);
    if (at.empty())
        return {};
    /* More letters than the readings can choose for: the two spellings
     * the index has of such a word, plain and all digraphs. */
    const size_t n = at.size() > 3 ? 1 : at.size();
    std::vector<std::string> out;
    for (unsigned pick = 0; pick < (1u << n) && out.size() < MAX_READINGS;
         pick++) {
        std::string w;
        size_t from = 0;
        for (size_t k = 0; k < at.size(); k++) {
            const bool two = n == at.size() ? (pick >> k) & 1 : pick;
            w += word.substr(from, at[k] - from);
            w += fold(word.substr(at[k], 2), two ? NS_FOLD_DIGRAPH : 0);
            from = at[k] + 2;
        }
        w += word.substr(from);
        out.push_back(fold(w, 0));
    }
    return out;
}

/* Has WORD, plain ASCII, a Nordic or German digraph? */
static bool typed_digraph(const std::string &word)
{
    for (const char *d : {"aa", "oe", "ae", "ue"})
        if (word.find(d) != std::string::npos)
            return true;
    return false;
}

namespace
{
struct Readings {
    ns_index_t *idx;
    const Xapian::Database *dict; /* walked for spellings; NULL: none */
    const Xapian::Stem &stem;
    std::map<std::string, std::vector<std::string>> of; /* Z term: more */
    /* Z term: the words as written that stand for it (own_forms) */
    std::map<std::string, std::vector<std::string>> own;
};
} // namespace

/* The stem terms besides TERM's own that read word TERM (a raw parse's
 * term: a field's prefix and the word) as its other spellings. */
static std::vector<std::string> read_as(Readings &r, const std::string &term)
{
    std::string prefix, word;
    if (!split_text_term(term, prefix, word) || word.empty())
        return {};
    const std::string own = PREFIX_STEM + prefix + r.stem(word);
    std::vector<std::string> out;
    auto add = [&](const std::string &reading) {
        std::string t = PREFIX_STEM + prefix + r.stem(reading);
        if (t != own && std::find(out.begin(), out.end(), t) == out.end())
            out.push_back(t);
    };
    for (const std::string &w : digraph_readings(word))
        add(w);
    const bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
        return (unsigned char)c < 0x80;
    });
    if (ascii && typed_digraph(word) && r.dict)
        for (const std::string &s :
             fold_spellings(*r.dict, r.idx->cluster != nullptr, r.stem, term)) {
            std::string p, w;
            if (!split_text_term(as_written(s), p, w) || p != prefix)
                continue;
            /* A word whose letters fold to their digraphs either way
             * ("uvær") by its own stem: the stemmer reads it as written
             * (FoldingStem), so "uvaer" also finds "uværet". */
            if (fold(w, NS_FOLD_DIGRAPH) != fold(w, 0))
                add(fold(w, NS_FOLD_DIGRAPH));
            else if (fold(w, 0) == word)
                add(w);
        }
    return out;
}

/* Most words to read for one word typed (own_forms). */
static const size_t MAX_OWN_FORMS = 32;

/* A word typed with diacritics whose folded stem is a closed-class word
 * of its language ("møte": "mot", the preposition; "møter" too) is
 * searched by the index's words as written that share its stem and its
 * letters up to the last diacritic ("møte", "møtet", "møter"), not by
 * the stem: that matched every article with "mot" (2 of 3 in
 * tests/cli/t283-nordic-stems.sh).  Such a stem is rare, and the walk
 * is one seek and the words of one prefix, MAX_OWN_FORMS at most; none
 * on a cluster (a walk of every shard): the word as written alone. */
static std::vector<std::string> own_forms(Readings &r, const std::string &term,
                                          const std::string &stemmed)
{
    std::string prefix, word;
    if (!split_text_term(term, prefix, word) || prefix == PREFIX_AUTHOR)
        return {};
    size_t last = std::string::npos;
    for (size_t i = 0; i < word.size(); i++)
        if ((unsigned char)word[i] >= 0x80)
            last = i;
    if (last == std::string::npos)
        return {};
    const Xapian::Stopper *stop = stopper_for(r.stem.get_description());
    if (!stop || !(*stop)(stemmed))
        return {};
    std::vector<std::string> out{term};
    if (r.idx->cluster)
        return out;
    while (last + 1 < word.size() && ((unsigned char)word[last + 1] & 0xc0) == 0x80)
        last++;
    const std::string from = prefix + word.substr(0, last + 1);
    const Xapian::Database &db = *r.idx->db;
    size_t n = 0;
    for (auto t = db.allterms_begin(from);
         t != db.allterms_end(from) && n < MAX_OWN_FORMS; ++t, n++)
        if (*t != term && r.stem((*t).substr(prefix.size())) == stemmed)
            out.push_back(*t);
    return out;
}

/* The words of RAW, the parse as typed, outside phrases (theirs are
 * phrase-fold.cc's), into R.of by their stem term.  Words excluded too:
 * "-odegaard" leaves out what "odegaard" finds. */
static void collect(Readings &r, const Xapian::Query &raw)
{
    using Q = Xapian::Query;
    const auto op = raw.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *raw.get_terms_begin();
        std::string prefix, word;
        if (!split_text_term(term, prefix, word) || word.empty())
            return;
        const std::string stemmed = r.stem(word);
        const std::string key = PREFIX_STEM + prefix + stemmed;
        std::vector<std::string> own = own_forms(r, term, stemmed);
        if (!own.empty()) {
            r.own[key] = own;
            return;
        }
        for (const std::string &t : read_as(r, term)) {
            auto &v = r.of[key];
            if (std::find(v.begin(), v.end(), t) == v.end())
                v.push_back(t);
        }
        return;
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR || op == Q::OP_WILDCARD)
        return;
    for (size_t i = 0; i < raw.get_num_subqueries(); i++)
        collect(r, raw.get_subquery(i));
}

/* Q with each stem term of R.of beside its readings, as one synonym. */
static Xapian::Query with_readings(const Readings &r, const Xapian::Query &q)
{
    using Q = Xapian::Query;
    const auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        auto own = r.own.find(*q.get_terms_begin());
        if (own != r.own.end()) {
            std::vector<Q> words;
            for (const std::string &t : own->second)
                words.emplace_back(t, 1, leaf_position(q));
            return Q(Q::OP_SYNONYM, words.begin(), words.end());
        }
        auto it = r.of.find(*q.get_terms_begin());
        if (it == r.of.end())
            return q;
        std::vector<Q> alt{q};
        for (const std::string &t : it->second)
            alt.emplace_back(t, 1, leaf_position(q));
        return Q(Q::OP_SYNONYM, alt.begin(), alt.end());
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return q;
    return map_subqueries(
        q, [&](const Q &sub, size_t) { return with_readings(r, sub); });
}

Xapian::Query libns::digraph_words(ns_index_t *idx, const Xapian::Query &raw,
                                   const Xapian::Query &stemmed,
                                   const Xapian::Stem &stem)
{
    /* On a cluster the walk reads the front's copies of the spelling
     * dictionaries, as phrases do; without them only the readings of
     * words typed with the letters, which need no look-up. */
    const Xapian::Database *dict =
        idx->cluster ? cluster_dictionary(idx) : idx->db.get();
    Readings r{idx, dict, stem, {}, {}};
    try {
        collect(r, raw);
    } catch (const Xapian::Error &e) {
        if (!idx->cluster)
            throw;
        cluster_dictionary_failed(idx, describe(e));
        r.dict = nullptr;
        r.of.clear();
        r.own.clear();
        collect(r, raw);
    }
    return r.of.empty() && r.own.empty() ? stemmed : with_readings(r, stemmed);
}

bool libns::digraph_reading_matches(ns_index_t *idx, const std::string &word,
                                    const Xapian::Stem &stem)
{
    const Xapian::Database *dict =
        idx->cluster ? cluster_dictionary(idx) : idx->db.get();
    Readings r{idx, dict, stem, {}, {}};
    try {
        for (const std::string &t : read_as(r, word))
            if (idx->db->term_exists(t))
                return true;
    } catch (const Xapian::Error &e) {
        if (!idx->cluster)
            throw;
        cluster_dictionary_failed(idx, describe(e));
    }
    return false;
}
