/* digraph-marks.cc - What marks a word typed with a Nordic digraph
 * ("hoest", "skarsgaard") in the text that spells it with the letter
 * ("høsten", "Skarsgård"). */
#include <cctype>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* The spellings with å, ø, ö, æ, ä or ü that the index has of Q's words
 * typed with a Nordic digraph ("skarsgaard": "skarsgård"), as terms.  Such
 * a word finds its articles by the digraph stems the indexer adds
 * (forms.cc), but Xapian's highlighter stems "Skarsgård" to "skarsgard"
 * and marked nothing: the hit showed its lead.  One digraph replaced at a
 * time, a look-up each. */
std::vector<Xapian::Query> libns::digraph_spellings(ns_index_t *idx,
                                                    const Xapian::Query &q)
{
    std::vector<Xapian::Query> out;
    unsigned lookups = 0;
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end();
         ++t) {
        /* A word, or the stem twin of one that is its own stem
         * ("Zskarsgaard"); not a field's. */
        std::string w = as_written(*t);
        if (w.empty() || !islower((unsigned char)w[0]))
            continue;
        for (const auto &a : DIGRAPH_LETTERS)
            for (size_t at = w.find(a.digraph); at != std::string::npos;
                 at = w.find(a.digraph, at + 1)) {
                if (++lookups > 32)
                    return out;
                std::string v = w.substr(0, at) + a.letter + w.substr(at + 2);
                if (idx->db->term_exists(v))
                    out.emplace_back(v);
            }
    }
    return out;
}
