/* forms-wildcard.cc - The forms of a word that a wildcard matches: its
 * pattern read back from the query, its expansion over the stems (folded)
 * as well as the words as written, the digraph spellings marked, and the
 * warning for a pattern cut to its most frequent words.  The rest of the
 * forms of a word are forms.cc's. */
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "index-private.h"

using namespace libns;

/* TEXT as Xapian's description escapes it ("troms\xc3\xb8": a byte
 * outside printable ASCII as \xHH) into OUT; false for a space or any
 * other escape. */
static bool unescaped(const std::string &text, std::string &out)
{
    out.clear();
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == ' ')
            return false;
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (i + 3 >= text.size() || text[i + 1] != 'x' ||
            !isxdigit((unsigned char)text[i + 2]) ||
            !isxdigit((unsigned char)text[i + 3]))
            return false;
        out += (char)std::stoi(text.substr(i + 2, 2), nullptr, 16);
        i += 3;
    }
    return true;
}

/* A wildcard over the exact words also expands over the stems, for the
 * words that are their own stem (they have no exact term): "run*" finds
 * an article with "run" only by "Zrun".  Both expansions are one synonym,
 * weighed as one word, as each expansion is.  This was OP_MAX of the two
 * (the better side's weight): Xapian 1.4.22 crashes in the match of an OR
 * of such OP_MAXes ranked past about 9,000 hits (Reuters, "s* t*" at
 * offset 9500, collapsed; tests/cli/t040-corpora.sh), and took
 * nsearchd with it.  The pattern is read from the description
 * ("Query(WILDCARD SYNONYM oil)", its bytes past ASCII escaped). */
bool libns::wildcard_pattern(const Xapian::Query &q, std::string &pattern)
{
    std::string d = q.get_description();
    const std::string lead = "Query(WILDCARD ";
    if (d.compare(0, lead.size(), lead) != 0 || d.back() != ')')
        return false;
    size_t sp = d.find(' ', lead.size());
    return sp != std::string::npos &&
           unescaped(d.substr(sp + 1, d.size() - sp - 2), pattern);
}

Xapian::Query libns::wildcard_stems(const Xapian::Query &q,
                                    unsigned max_expansion,
                                    const Xapian::Stem &stem,
                                    const Xapian::Database *db)
{
    using Q = Xapian::Query;
    std::string pattern;
    if (!wildcard_pattern(q, pattern))
        return q;
    std::string prefix, word;
    if (!split_text_term(pattern, prefix, word) || word.empty() ||
        prefix == PREFIX_AUTHOR)
        return q;
    /* The stems are folded (FoldingStem): "tromsø*" expands over
     * "Ztromso...", which holds Tromsø and Tromso alike. */
    const std::string stems = PREFIX_STEM + prefix + fold(word, 0);
    Q both(Q::OP_SYNONYM, q,
           Q(Q::OP_WILDCARD, stems, max_expansion,
             Q::WILDCARD_LIMIT_MOST_FREQUENT, Q::OP_SYNONYM));
    /* And over the stems in the Nordic spelling ("ålesu*": "Zaalesu..."),
     * which hold the words written so ("Aalesund") and the digraph stems
     * of those written with the letter, as a whole word reads them
     * (digraph-readings.cc): search as you type found 2 of 3 articles
     * spelling the town "Ålesund" and "Aalesund". */
    const std::string digraphs =
        PREFIX_STEM + prefix + fold(word, NS_FOLD_DIGRAPH);
    if (digraphs != stems)
        both = Q(Q::OP_SYNONYM, both,
                 Q(Q::OP_WILDCARD, digraphs, max_expansion,
                   Q::WILDCARD_LIMIT_MOST_FREQUENT, Q::OP_SYNONYM));
    /* A pattern no word starts with, typed without diacritics, is read as
     * its word too ("toyenparke*": no stem starts so, "Ztøyenpark" being
     * shorter; the word itself finds Tøyenparken): search as you type
     * lost the article as the word grew longer. */
    if (!db || db->allterms_begin(pattern) != db->allterms_end(pattern) ||
        db->allterms_begin(stems) != db->allterms_end(stems) ||
        (digraphs != stems &&
         db->allterms_begin(digraphs) != db->allterms_end(digraphs)))
        return both;
    return Q(Q::OP_SYNONYM, both,
             Q(PREFIX_STEM + prefix + stem(word), 1, leaf_position(q)));
}

/* Q with each wildcard over the stems as the synonym of the stems it
 * expands to: the MAX most frequent, as WILDCARD_LIMIT_MOST_FREQUENT
 * picks them. */
Xapian::Query libns::stem_wildcards_expanded(const Xapian::Query &q,
                                             const Xapian::Database &db,
                                             unsigned max)
{
    using Q = Xapian::Query;
    std::string pattern;
    if (q.get_type() == Q::OP_WILDCARD) {
        if (!wildcard_pattern(q, pattern) || pattern[0] != PREFIX_STEM[0])
            return q;
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern);
             ++t)
            terms.emplace_back(t.get_termfreq(), *t);
        auto more = [](const auto &a, const auto &b) {
            return a.first > b.first;
        };
        if (terms.size() > max) {
            std::nth_element(terms.begin(), terms.begin() + max, terms.end(),
                             more);
            terms.resize(max);
        }
        std::vector<Q> subs;
        for (const auto &t : terms)
            subs.emplace_back(t.second);
        return Q(Q::OP_SYNONYM, subs.begin(), subs.end());
    }
    return map_subqueries(q, [&](const Q &sub, size_t) {
        return stem_wildcards_expanded(sub, db, max);
    });
}

/* Such a wildcard finds its articles by the digraph stems the indexer
 * adds (add_digraph_stems), but Xapian's highlighter matches a wildcard
 * against the words as written: "oeyafest*", "stoer*" and search as you
 * type's "oeyaf" marked nothing, where "oyafest*" marked Øyafestivalen. */
std::vector<Xapian::Query> libns::digraph_wildcards(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    std::vector<Q> out;
    std::string pattern;
    if (q.get_type() != Q::OP_WILDCARD) {
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            for (const Q &w : digraph_wildcards(q.get_subquery(i)))
                out.push_back(w);
        return out;
    }
    std::string prefix, word;
    if (!wildcard_pattern(q, pattern) ||
        !split_text_term(pattern, prefix, word) || !prefix.empty())
        return out;
    for (const auto &d : DIGRAPH_LETTERS)
        for (size_t at = word.find(d.digraph); at != std::string::npos;
             at = word.find(d.digraph, at + 1))
            out.emplace_back(Q::OP_WILDCARD,
                             word.substr(0, at) + d.letter +
                                 word.substr(at + 2),
                             WILDCARD_MAX_EXPANSION,
                             Q::WILDCARD_LIMIT_MOST_FREQUENT, Q::OP_SYNONYM);
    return out;
}

/* The typed words of Q's wildcards that expand to more than MAX terms,
 * one per word (its exact and stem patterns are one word), into CUT. */
static void cut_words(const Xapian::Query &q, const Xapian::Database &db,
                      unsigned max, std::vector<std::string> &cut)
{
    std::string pattern, prefix, word;
    if (q.get_type() != Xapian::Query::OP_WILDCARD) {
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            cut_words(q.get_subquery(i), db, max, cut);
        return;
    }
    if (!wildcard_pattern(q, pattern))
        return;
    const bool stems = pattern[0] == PREFIX_STEM[0];
    if (!split_text_term(stems ? pattern.substr(1) : pattern, prefix, word) ||
        word.empty())
        return;
    /* One word: its exact, stem and Nordic spelling patterns. */
    for (const std::string &seen : cut)
        if (fold(seen, 0) == fold(word, 0) ||
            fold(seen, NS_FOLD_DIGRAPH) == fold(word, NS_FOLD_DIGRAPH))
            return;
    unsigned n = 0;
    for (auto t = db.allterms_begin(pattern);
         t != db.allterms_end(pattern) && n <= max; ++t)
        n++;
    if (n > max)
        cut.push_back(word);
}

/* A wildcard of a short word in a large archive ("pre*": present,
 * previous, president, ...) searched its MAX most frequent expansions and
 * said nothing, so an article with a rarer word of the pattern was
 * missing without a word of why. */
std::string libns::wildcards_cut(const Xapian::Query &q,
                                 const Xapian::Database &db, unsigned max)
{
    std::vector<std::string> cut;
    cut_words(q, db, max, cut);
    std::string out;
    for (const std::string &w : cut)
        out += (out.empty() ? "" : "; ") + w + "* matches more than " +
               std::to_string(max) + " words; only the " + std::to_string(max) +
               " most frequent were searched";
    return out;
}

bool libns::has_stem_wildcard(const Xapian::Query &q)
{
    std::string pattern;
    if (q.get_type() == Xapian::Query::OP_WILDCARD)
        return wildcard_pattern(q, pattern) && pattern[0] == PREFIX_STEM[0];
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_stem_wildcard(q.get_subquery(i)))
            return true;
    return false;
}
