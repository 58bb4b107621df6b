/* byline-pairs.cc - Byline pair terms: a reporter's name as a phrase
 * answered by a term, as pairs.cc answers two common words.
 *
 * The index has no positions, so author:"Kari Nordmann" (and nsearchd's
 * author=, a reporter's page) ran as the AND of the name's words, and
 * every candidate's stored byline was read and checked.  On an archive of
 * 20,000 articles, 4,000 by one reporter and many more by a Kari or a
 * Nordmann, that page took 0.35 s where the AND of the words took 0.02 s,
 * and its total was an estimate (6,364 for 4,000).  So for every two
 * adjacent words of the byline the article gets the boolean term
 * XB<first> <second>, the words as Xapian's terms for a phrase are
 * (lower-cased, unstemmed, diacritics kept).
 *
 * Adjacency is the phrase check's own: the byline goes through a
 * TermGenerator with positions, as phrase.cc re-tokenises a candidate,
 * and two words are a pair when their positions follow.  That takes in
 * the pair across two names of a byline ("Hansen, Per" of "Kari Hansen,
 * Per Nordmann"), as the check does: a term only within a name would have
 * made author:"Hansen Per" find the story on an index built before the
 * terms and miss it on one built after.  One term more a name of a byline
 * costs little, and the terms then say exactly what the check would: a
 * phrase of two words in the author field becomes the AND of its words
 * filtered by the pair term, with no check and so an exact total; a
 * longer one has its candidates narrowed by its pair terms before the
 * check.
 *
 * Pair terms are boolean (wdf 0): document lengths, and so BM25, do not
 * change.  CJK n-grams, whose positions do not follow as words do, get
 * none, nor a pair too long for a term; a phrase with one is checked.
 *
 * An index trusts them only when every article has them: META_PAIRS says
 * so (pairs.cc claim_pairs), set by a writer that starts an empty index.
 * An index built before has no terms on its older articles, and its
 * author phrases are checked on the text, exactly but slower, until it
 * is rebuilt. */
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Xapian refuses a term longer than 245 bytes. */
static const size_t MAX_PAIR_TERM = 240;

std::string libns::byline_pair_term(const std::string &first,
                                    const std::string &second)
{
    if (!pairable(first) || !pairable(second))
        return std::string();
    std::string t = PREFIX_BYLINE_PAIR + first + " " + second;
    return t.size() > MAX_PAIR_TERM ? std::string() : t;
}

void libns::add_byline_pairs(Xapian::Document &doc, const ns_article_t *art)
{
    if (!art->author || !*art->author)
        return;
    thread_local Xapian::TermGenerator tg = [] {
        Xapian::TermGenerator g;
        g.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
        g.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        return g;
    }();
    /* The byline as index_fields gives it to Xapian. */
    Xapian::Document scratch;
    std::string buf;
    tg.set_document(scratch);
    tg.set_termpos(0);
    tg.index_text(indexed_text(art->author, buf, art->lang));
    std::vector<std::pair<Xapian::termpos, std::string>> seq;
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            seq.emplace_back(*p, *t);
    std::sort(seq.begin(), seq.end());
    for (size_t i = 1; i < seq.size(); i++) {
        if (seq[i].first != seq[i - 1].first + 1)
            continue;
        std::string term = byline_pair_term(seq[i - 1].second, seq[i].second);
        if (!term.empty())
            doc.add_boolean_term(term);
    }
}

/* The words of Q, a phrase of the author field; false when a part of it
 * is not a plain author: term. */
static bool author_words(const Xapian::Query &q, std::vector<std::string> &out)
{
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return false;
        std::string pre, word;
        if (!split_text_term(as_written(*sub.get_terms_begin()), pre, word) ||
            pre != PREFIX_AUTHOR || word.empty())
            return false;
        out.push_back(word);
    }
    return out.size() >= 2;
}

Xapian::Query libns::use_byline_pairs(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    if (!exact_phrase(q)) {
        if (!has_positional(q))
            return q;
        return map_subqueries(
            q, [](const Q &sub, size_t) { return use_byline_pairs(sub); });
    }
    std::vector<std::string> words;
    if (!author_words(q, words))
        return q;
    std::vector<Q> pairs;
    for (size_t i = 0; i + 1 < words.size(); i++) {
        std::string term = byline_pair_term(words[i], words[i + 1]);
        if (!term.empty())
            pairs.emplace_back(term);
    }
    if (pairs.empty())
        return q;
    if (words.size() == 2) {
        /* Exact: the pair term is the phrase.  The AND of the words keeps
         * the weights the phrase had, run without positions. */
        Q both[] = {q.get_subquery(0), q.get_subquery(1)};
        return Q(Q::OP_FILTER, Q(Q::OP_AND, both, both + 2), pairs[0]);
    }
    return Q(Q::OP_FILTER, q, Q(Q::OP_AND, pairs.begin(), pairs.end()));
}
