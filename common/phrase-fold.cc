/* phrase-fold.cc - A phrase matches its words in every spelling with
 * and without diacritics: "i Toyenparken" finds "i Tøyenparken", and
 * "Tromsø kommune" finds "Tromso kommune", the spelling typed first.
 *
 * Outside quotes every word matches by its folded stem (forms.cc), but a
 * phrase is checked against the text as written, so a phrase typed on a
 * keyboard without æ, ø and å found nothing in a Norwegian archive, where
 * FTS5 (remove_diacritics) folds inside phrases too.  Here each such
 * phrase becomes the OR of itself and the same phrase with the other
 * spellings of its words that the index holds: every one is an ordinary
 * exact phrase, so the check, the pair terms and the snippets treat it as
 * they treat any phrase typed so (the check counts a match of any of
 * them).  The spellings come from the index's own exact terms (a word
 * with diacritics is never its own folded stem, so it always has one): a
 * walk along the word without its diacritics that tries a letter with one
 * only where some term goes on with such a letter. */
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* At most this many spellings of one word, and phrases besides the one
 * typed: a name with three foldable letters could otherwise multiply. */
static const size_t MAX_SPELLINGS = 4;
static const size_t MAX_VARIANTS = 8;
/* Words longer than this are left as typed (no real word is), and the
 * walk for one word stops after this many seeks in the term list (a word
 * of ten letters takes about twenty). */
static const size_t MAX_WORD = 64;
static const unsigned MAX_SEEKS = 400;

namespace
{

/* A lower-case letter with a diacritic (Latin-1 and Latin Extended-A, as
 * fold.c folds them) and what a keyboard without it types instead: "ø"
 * as "o" and as "oe". */
struct Alt {
    std::string typed;
    std::string utf8;
};

std::vector<Alt> make_alts()
{
    std::vector<Alt> alts;
    for (unsigned cp = 0xc0; cp <= 0x17f; cp++) {
        if (Xapian::Unicode::tolower(cp) != cp)
            continue;
        std::string u;
        Xapian::Unicode::append_utf8(u, cp);
        for (int flags : {0, NS_FOLD_DIGRAPH}) {
            std::string f = fold(u, flags);
            if (f == u || f.empty())
                continue;
            bool seen = false;
            for (const Alt &a : alts)
                seen |= a.typed == f && a.utf8 == u;
            if (!seen)
                alts.push_back({f, u});
        }
    }
    return alts;
}

const std::vector<Alt> &alts()
{
    static const std::vector<Alt> table = make_alts();
    return table;
}

/* The walk reads the index's term list, or on a cluster the front's
 * copies of the spelling dictionaries (DICT; words without a prefix). */
struct Walk {
    const Xapian::Database &db;
    bool dict;
    const std::string &word; /* without diacritics, lower case */
    std::vector<std::string> out;
    unsigned seeks; /* left: the walk's work is bounded */

    /* The first word at or after FROM that starts with BASE, if any. */
    bool first_from(const std::string &base, const std::string &from,
                    std::string &found) const
    {
        Xapian::TermIterator t =
            dict ? db.spellings_begin() : db.allterms_begin(base);
        Xapian::TermIterator end =
            dict ? db.spellings_end() : db.allterms_end(base);
        t.skip_to(from);
        if (t == end || (*t).compare(0, base.size(), base) != 0)
            return false;
        found = *t;
        return true;
    }
    /* Does any term go on from a prefix of the word (BASE and
     * the word's first bytes) with a letter of the table's blocks (UTF-8
     * lead bytes 0xc3 to 0xc5)?  Most words of most archives have none,
     * and the walk is then not needed.  The prefixes, each followed by
     * 0xc3, are looked up longest first, which is their order in the term
     * list, so one iterator moves forward through them. */
    bool accent_on_path(const std::string &base) const
    {
        Xapian::TermIterator t =
            dict ? db.spellings_begin() : db.allterms_begin(base);
        Xapian::TermIterator end =
            dict ? db.spellings_end() : db.allterms_end(base);
        for (size_t i = word.size(); i-- > 0;) {
            std::string from = base + word.substr(0, i);
            const size_t len = from.size();
            from += '\xc3';
            t.skip_to(from);
            if (t == end)
                return false;
            const std::string &term = *t;
            if (term.size() > len && term.compare(0, len, from, 0, len) == 0 &&
                (unsigned char)term[len] <= 0xc5)
                return true;
        }
        return false;
    }
    bool exists(const std::string &w) const
    {
        std::string found;
        return dict ? first_from(w, w, found) && found == w : db.term_exists(w);
    }
};

/* What the terms that start with BASE go on with. */
enum follows { NO_TERM, PLAIN_ONLY, ACCENTED };

/* One seek, two at most: does any term start with BASE, and does one go
 * on with a letter of the blocks the table covers (UTF-8 lead bytes 0xc3
 * to 0xc5)? */
follows what_follows(Walk &w, const std::string &base)
{
    if (w.seeks < 2)
        return NO_TERM;
    w.seeks -= 2;
    std::string term;
    if (!w.first_from(base, base, term))
        return NO_TERM;
    if (!w.first_from(base, base + "\xc3", term))
        return PLAIN_ONLY;
    return term.size() > base.size() && (unsigned char)term[base.size()] <= 0xc5
               ? ACCENTED
               : PLAIN_ONLY;
}

/* Extend BASE (the term so far) from byte I of the word.  Only where
 * some term goes on with a letter with a diacritic are the table's
 * letters tried. */
void walk(Walk &w, std::string &base, size_t i, bool changed)
{
    if (w.out.size() >= MAX_SPELLINGS)
        return;
    if (i == w.word.size()) {
        if (changed && w.exists(base))
            w.out.push_back(base);
        return;
    }
    const size_t len = base.size();
    follows f = what_follows(w, base);
    if (f == NO_TERM)
        return;
    if (f == ACCENTED)
        for (const Alt &a : alts())
            if (w.word.compare(i, a.typed.size(), a.typed) == 0) {
                base += a.utf8;
                walk(w, base, i + a.typed.size(), true);
                base.resize(len);
            }
    base += w.word[i];
    walk(w, base, i + 1, changed);
    base.resize(len);
}

bool plain_word(const std::string &w)
{
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
}

/* The terms of the index that spell TERM (a phrase word's term: the
 * field's prefix and the word) otherwise: with diacritics where it has
 * none, and where it has some, without them (by the term Xapian matches
 * for that word, indexed_form) and with other ones.  Its spellings all
 * fold to the same letters, so they share a stem. */
std::vector<std::string> spellings(const Xapian::Database &db, bool dict,
                                   const Xapian::Stem &stem,
                                   const std::string &term)
{
    std::string prefix, word;
    if (!split_text_term(as_written(term), prefix, word) || word.empty() ||
        word.size() > MAX_WORD)
        return {};
    std::vector<std::string> bases, out;
    if (plain_word(word)) {
        bases.push_back(word);
    } else {
        for (int flags : {0, NS_FOLD_DIGRAPH}) {
            std::string f = fold(word, flags);
            if (f != word && plain_word(f) &&
                std::find(bases.begin(), bases.end(), f) == bases.end())
                bases.push_back(f);
        }
        for (const std::string &f : bases) {
            Walk w{db, dict, f, {}, MAX_SEEKS};
            const std::string t = indexed_form(prefix + f, stem);
            if (dict ? w.exists(f) : db.term_exists(t))
                out.push_back(t);
        }
    }
    for (const std::string &f : bases) {
        Walk w{db, dict, f, {}, MAX_SEEKS};
        std::string base = dict ? std::string() : prefix;
        if (!w.accent_on_path(base))
            continue;
        walk(w, base, 0, false);
        for (std::string &t : w.out)
            out.push_back(dict ? prefix + t : t);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), term), out.end());
    if (out.size() > MAX_SPELLINGS)
        out.resize(MAX_SPELLINGS);
    return out;
}

/* One query's folding: the stemmer of its parse, the spellings found so
 * far, and how many terms it may still add (a phrase that would go past
 * that stays as typed). */
struct Fold {
    const Xapian::Database &db;
    bool dict;
    const Xapian::Stem &stem;
    const Xapian::Stopper *stop; /* the parse's stop words, or NULL */
    std::map<std::string, std::vector<std::string>> memo;
    size_t terms_left;
};

/* Can WORD (a phrase word's, lower case) take "'s" as one word to
 * Xapian: letters and digits of any script, and apostrophes inside it
 * ("o'gara's").  Only [a-z0-9] was taken, so "Ronan O'Gara" missed the
 * two of his ten BBC News articles that have only "O'Gara's", and
 * "Thomas Müller" every "Müller's". */
static bool possessable(const std::string &word)
{
    bool letters = false, after_apostrophe = false;
    for (Xapian::Utf8Iterator it(word); it != Xapian::Utf8Iterator(); ++it) {
        if (*it == '\'') {
            if (!letters || after_apostrophe)
                return false;
            after_apostrophe = true;
            continue;
        }
        if (!Xapian::Unicode::is_wordchar(*it))
            return false;
        letters = true;
        after_apostrophe = false;
    }
    return letters && !after_apostrophe;
}

/* The possessive of phrase word TERM that the index has ("minister's":
 * one word to Xapian, "’s" written as "'s"), or "".  "prime minister"
 * missed 13 of the 168 BBC News articles that have it, all "prime
 * minister's"; outside quotes both share a stem.  Not of a stop word:
 * "that's" is no possessive, and "the's" is a typo. */
std::string possessive(const Fold &f, const std::string &term)
{
    /* Contractions, not possessives ("it's" is "it is"), beside the stop
     * words of English that take one. */
    static const char *const contracted[] = {"it", "let", "here", "who"};
    std::string prefix, word;
    if (!split_text_term(as_written(term), prefix, word) ||
        !possessable(word) ||
        word.size() + 2 > MAX_WORD || (f.stop && (*f.stop)(word)))
        return "";
    for (const char *c : contracted)
        if (word == c)
            return "";
    const std::string poss = word + "'s";
    Walk w{f.db, f.dict, poss, {}, MAX_SEEKS};
    const std::string t = indexed_form(prefix + poss, f.stem);
    return (f.dict ? w.exists(poss) : f.db.term_exists(t)) ? t : "";
}

/* Phrase or NEAR Q with the other spellings of its words.  Each spelling
 * is a phrase of its own, so that the check reads it as written, but
 * Xapian's weights would then rank a spelling by how rare it is in the
 * archive ("tromsø" in the one article that has it above "tromso" in many
 * others).  So the spellings only decide which articles match, and rank
 * as the words' stems do (all spellings of a word fold to the same
 * letters, so share a stem), with the phrase as typed adding W_EXACT of its
 * weight, as an exact form does outside quotes.  Under a NOT (NEGATIVE) weights
 * do not count, and relax() rebuilds only the plain OR of the spellings. */
Xapian::Query fold_phrase(Fold &f, const Xapian::Query &q, bool negative)
{
    using Q = Xapian::Query;
    const size_t n = q.get_num_subqueries();
    std::vector<std::string> typed;
    std::vector<const std::vector<std::string> *> alt(n);
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        Q sub = q.get_subquery(i);
        if (sub.get_type() != Q::LEAF_TERM)
            return q;
        typed.push_back(*sub.get_terms_begin());
        auto it = f.memo.find(typed[i]);
        if (it == f.memo.end()) {
            auto v = spellings(f.db, f.dict, f.stem, typed[i]);
            std::string p = possessive(f, typed[i]);
            if (!p.empty())
                v.push_back(p);
            it = f.memo.emplace(typed[i], std::move(v)).first;
        }
        alt[i] = &it->second;
        any |= !it->second.empty();
    }
    /* Each phrase of a spelling adds N terms, and the stems and the phrase
     * as typed 2N more. */
    if (!any || f.terms_left < 3 * n)
        return q;
    /* Every combination, by an odometer over each word's choices (0 the
     * word as typed); the first is the phrase as typed. */
    const auto window = (Xapian::termcount)positional_window(q);
    std::vector<size_t> pick(n, 0);
    std::vector<Q> phrases{q};
    while (phrases.size() <= MAX_VARIANTS && f.terms_left >= 3 * n) {
        size_t i = 0;
        while (i < n && ++pick[i] > alt[i]->size())
            pick[i++] = 0;
        if (i == n)
            break;
        std::vector<Q> terms;
        for (size_t k = 0; k < n; k++)
            terms.emplace_back(pick[k] ? (*alt[k])[pick[k] - 1] : typed[k]);
        phrases.emplace_back(q.get_type(), terms.begin(), terms.end(), window);
        f.terms_left -= n;
    }
    f.terms_left -= 2 * n;
    /* The check tries them in order and stops at the first that holds:
     * phrases of plain words first, which it decides by a scan of the
     * text, where a word with a diacritic has the article re-tokenised
     * (phrase.cc). */
    std::stable_partition(phrases.begin(), phrases.end(), [](const Q &p) {
        std::string prefix, word;
        for (auto t = p.get_terms_begin(); t != p.get_terms_end(); ++t)
            if (!split_text_term(as_written(*t), prefix, word) ||
                !plain_word(word))
                return false;
        return true;
    });
    Q spelled(Q::OP_OR, phrases.begin(), phrases.end());
    if (negative)
        return spelled;
    /* A word's stem, or its spellings' where they differ: "odegaard"
     * (ø typed as o, å as aa) has a stem of its own that no article
     * has, Ødegård's being "odegard" and "oedegaard", and
     * author:"Ola Odegaard" found nothing though its spelling was found. */
    std::vector<Q> stems;
    for (size_t i = 0; i < n; i++) {
        std::vector<std::string> own;
        for (size_t k = 0; k <= alt[i]->size(); k++) {
            std::string prefix, word;
            split_text_term(as_written(k ? (*alt[i])[k - 1] : typed[i]), prefix,
                            word);
            std::string t = PREFIX_STEM + prefix + f.stem(word);
            if (std::find(own.begin(), own.end(), t) == own.end() &&
                (own.empty() || f.terms_left > 0)) {
                own.push_back(t);
                f.terms_left -= own.size() > 1;
            }
        }
        stems.emplace_back(Q::OP_SYNONYM, own.begin(), own.end());
    }
    Q ranked(Q::OP_FILTER, Q(Q::OP_AND, stems.begin(), stems.end()), spelled);
    return Q(Q::OP_AND_MAYBE, ranked, Q(Q::OP_SCALE_WEIGHT, q, W_EXACT));
}

/* A word quoted alone (quoted-word.cc) with its other spellings and its
 * possessive, as a phrase's word has them; one word to the ranking. */
Xapian::Query fold_word(Fold &f, const Xapian::Query &q)
{
    using Q = Xapian::Query;
    const std::string term = *q.get_terms_begin();
    std::vector<std::string> alt = spellings(f.db, f.dict, f.stem, term);
    std::string p = possessive(f, term);
    if (!p.empty())
        alt.push_back(p);
    if (alt.empty() || alt.size() > f.terms_left)
        return q;
    f.terms_left -= alt.size();
    std::vector<Q> forms{q};
    for (const std::string &t : alt)
        forms.emplace_back(t, 1, leaf_position(q));
    return Q(Q::OP_SYNONYM, forms.begin(), forms.end());
}

Xapian::Query fold_all(Fold &f, const Xapian::Query &q, bool negative)
{
    using Q = Xapian::Query;
    if (!has_positional(q) && !has_quoted_word(q))
        return q;
    auto op = q.get_type();
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return fold_phrase(f, q, negative);
    if (quoted_word(q))
        return fold_word(f, q);
    return map_subqueries(q, [&](const Q &sub, size_t k) {
        return fold_all(f, sub, negative != (op == Q::OP_AND_NOT && k > 0));
    });
}

} // namespace

std::vector<std::string> libns::fold_spellings(const Xapian::Database &db,
                                               bool dict,
                                               const Xapian::Stem &stem,
                                               const std::string &term)
{
    return spellings(db, dict, stem, term);
}

Xapian::Query libns::fold_phrases(ns_index_t *idx, const Xapian::Query &q,
                                  const Xapian::Stem &stem,
                                  const Xapian::Stopper *stop, size_t room)
{
    if (!has_positional(q) && !has_quoted_word(q))
        return q;
    /* A cluster's shards would send every term of each prefix walked over
     * the network: the front walks its copies of their spelling
     * dictionaries instead (the words of the default field), and without
     * them its phrases stay as typed.  A copy that fails costs the
     * folding, never the search (as for did-you-mean, spelling.cc). */
    const Xapian::Database *db =
        idx->cluster ? cluster_dictionary(idx) : idx->db.get();
    if (!db)
        return q;
    Fold f{*db, idx->cluster != nullptr, stem, stop, {}, room};
    try {
        return fold_all(f, q, false);
    } catch (const Xapian::Error &e) {
        if (!idx->cluster)
            throw;
        cluster_dictionary_failed(idx, describe(e));
        return q;
    }
}
