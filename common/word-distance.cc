/* word-distance.cc - How far a word typed is from a word of the archive,
 * as did-you-mean and the nearest bylines and facet names weigh it:
 * counted in letters without their diacritics, as they are typed on a
 * keyboard that lacks them. */
#include <algorithm>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

size_t libns::folded_edits(const std::string &a, const std::string &b)
{
    auto letters = [](const std::string &w) {
        std::vector<unsigned> out;
        const std::string f = fold(w, 0);
        for (Xapian::Utf8Iterator u(f); u != Xapian::Utf8Iterator(); ++u)
            out.push_back(*u);
        return out;
    };
    const std::vector<unsigned> x = letters(a), y = letters(b);
    /* d[i][j]: the edits from x's first i letters to y's first j, a
     * transposition of two neighbours counting one (Damerau's "optimal
     * string alignment", Xapian's measure). */
    std::vector<std::vector<size_t>> d(x.size() + 1,
                                       std::vector<size_t>(y.size() + 1));
    for (size_t i = 0; i <= x.size(); i++)
        d[i][0] = i;
    for (size_t j = 0; j <= y.size(); j++)
        d[0][j] = j;
    for (size_t i = 1; i <= x.size(); i++)
        for (size_t j = 1; j <= y.size(); j++) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (x[i - 1] != y[j - 1])});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[x.size()][y.size()];
}

/* Is B one slip of the keys from A: a letter left out, one too many, or
 * two side by side swapped, in a word of five letters or more?  Most
 * misspellings are one such slip, and a long name mistyped so
 * ("Mourinhio", "Stoltenbreg") is meant as the name the archive has;
 * "Merkel" to "Market", "Neymar" to "Near" or "Obama" to "Osama" change
 * letters for others, as a name the archive lacks does. */
bool libns::one_slip(const std::string &a8, const std::string &b8)
{
    /* Without diacritics: "Muler" is one slip from "Müller" as typed on
     * a keyboard without ü (the correction itself may take the accent). */
    std::vector<unsigned> a, b;
    const std::string af = fold(a8, 0), bf = fold(b8, 0);
    for (Xapian::Utf8Iterator it(af); it != Xapian::Utf8Iterator(); ++it)
        a.push_back(Xapian::Unicode::tolower(*it));
    for (Xapian::Utf8Iterator it(bf); it != Xapian::Utf8Iterator(); ++it)
        b.push_back(Xapian::Unicode::tolower(*it));
    if (std::min(a.size(), b.size()) < 5)
        return false;
    if (a.size() == b.size()) {
        size_t d = 0;
        while (d < a.size() && a[d] == b[d])
            d++;
        return d + 1 < a.size() && a[d] == b[d + 1] && a[d + 1] == b[d] &&
               std::equal(a.begin() + d + 2, a.end(), b.begin() + d + 2);
    }
    const std::vector<unsigned> &l = a.size() > b.size() ? a : b,
                                &sh = a.size() > b.size() ? b : a;
    if (l.size() != sh.size() + 1)
        return false;
    size_t d = 0;
    while (d < sh.size() && l[d] == sh[d])
        d++;
    return std::equal(sh.begin() + d, sh.end(), l.begin() + d + 1);
}
