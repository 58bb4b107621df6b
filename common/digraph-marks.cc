/* digraph-marks.cc - What marks a word typed with a Nordic digraph
 * ("hoest", "skarsgaard") in the text that spells it with the letter
 * ("høsten", "Skarsgård"): what the word typed without the diacritic
 * ("host") marks.  The matches are the digraph stems' (forms.cc). */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* The spellings with å, ø, ö, æ, ä or ü that the index has of TERM, a
 * word or a stem typed with a Nordic digraph ("skarsgaard": "skarsgård"),
 * into OUT.  Such a word finds its articles by the digraph stems the
 * indexer adds (forms.cc), but Xapian's highlighter stems "Skarsgård" to
 * "skarsgard" and marked nothing: the hit showed its lead.  A word as
 * written gives the word with the letter, and folded.  A stem ("Zhoest")
 * gives the folded stems ("Zhost", as "host" has) of the words of the
 * index whose digraph stem it is ("høst", "høsten"): so "høsten" is
 * marked, but no "do" for "does", which only Norwegian's "dø" stems to.
 * Each digraph replaced on its own, all of one kind at once, and all at
 * once (every); a look-up each, at most 32 in all (LOOKUPS). */
static void digraph_spellings(ns_index_t *idx, const std::string &term,
                              unsigned &lookups,
                              std::vector<Xapian::Query> &out)
{
    /* A word or a stem; not a field's ("ZSoestland"). */
    const bool stem = !term.empty() && term[0] == PREFIX_STEM[0];
    const std::string w = as_written(term);
    if (w.empty() || !islower((unsigned char)w[0]))
        return;
    std::vector<std::string> seen{term}, tried;
    auto add = [&](const std::string &t) {
        if (std::find(seen.begin(), seen.end(), t) != seen.end())
            return;
        seen.push_back(t);
        out.emplace_back(t);
    };
    auto spelled = [&](const std::string &v) {
        if (std::find(tried.begin(), tried.end(), v) != tried.end() ||
            ++lookups > 32)
            return;
        tried.push_back(v);
        if (!stem) {
            for (const std::string &t : {v, fold(v, 0)})
                if (idx->db->term_exists(t))
                    add(t);
            return;
        }
        unsigned n = 0;
        for (auto t = idx->db->allterms_begin(v);
             t != idx->db->allterms_end(v) && n < 64; ++t, n++)
            for (const std::string &lang : idx->langs) {
                const Xapian::Stem &st = stemmer_for(idx, lang);
                if (st(fold(*t, NS_FOLD_DIGRAPH)) == w)
                    add(PREFIX_STEM + st(*t));
            }
    };
    for (const auto &a : DIGRAPH_LETTERS) {
        std::string all = w;
        for (size_t at = all.find(a.digraph); at != std::string::npos;
             at = all.find(a.digraph, at + strlen(a.letter)))
            all.replace(at, 2, a.letter);
        for (size_t at = w.find(a.digraph); at != std::string::npos;
             at = w.find(a.digraph, at + 1)) {
            spelled(w.substr(0, at) + a.letter + w.substr(at + 2));
            spelled(all);
        }
    }
    /* And every digraph at once, each as the first letter it stands for
     * ("oedegaard": "ødegård"): the digraph stem that a word typed with
     * a mix of the spellings is read by (digraph-readings.cc) is that
     * word's. */
    std::string every = w;
    for (const auto &a : DIGRAPH_LETTERS)
        for (size_t at = every.find(a.digraph); at != std::string::npos;
             at = every.find(a.digraph, at + strlen(a.letter)))
            every.replace(at, 2, a.letter);
    if (every != w)
        spelled(every);
}

/* Q with each word typed with a Nordic digraph beside its spellings
 * (digraph_spellings), where it stands: a stem marks the word's other
 * forms, and a title: word, read as the default field's (title_as_text),
 * marks the title.  A phrase is left as it is: its spellings are phrases
 * of their own (phrase-fold.cc), and the loose spellings marked a lone
 * "Østlandet" of a title without the phrase.  FOUND counts the
 * spellings added. */
static Xapian::Query marked_by(ns_index_t *idx, const Xapian::Query &q,
                               unsigned &lookups, size_t &found)
{
    using Q = Xapian::Query;
    const size_t before = found;
    if (q.get_type() == Q::LEAF_TERM) {
        std::vector<Q> alt{q};
        digraph_spellings(idx, *q.get_terms_begin(), lookups, alt);
        found += alt.size() - 1;
        return alt.size() == 1 ? q : Q(Q::OP_OR, alt.begin(), alt.end());
    }
    /* The 1.4 API does not give a scale factor back: the word keeps it,
     * its spellings beside it have none. */
    if (q.get_type() == Q::OP_SCALE_WEIGHT) {
        Q sub = marked_by(idx, q.get_subquery(0), lookups, found);
        return found == before ? q : Q(Q::OP_OR, q, sub);
    }
    if (q.get_type() == Q::OP_PHRASE || q.get_type() == Q::OP_NEAR)
        return q;
    Q out = map_subqueries(q, [&](const Q &sub, size_t) {
        return marked_by(idx, sub, lookups, found);
    });
    return found == before ? q : out;
}

bool libns::digraph_marking(ns_index_t *idx, const Xapian::Query &q,
                            unsigned &lookups, Xapian::Query &out)
{
    size_t found = 0;
    Xapian::Query marked = marked_by(idx, q, lookups, found);
    if (found)
        out = marked;
    return found > 0;
}
