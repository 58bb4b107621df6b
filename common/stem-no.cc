/* stem-no.cc - The four forms of a Norwegian -er (Nynorsk -ar) noun as
 * one stem.
 *
 * Snowball's Norwegian stemmer removes one ending, and "-erne" is not one
 * of its endings: "lærer" is "lær", "læreren" and "lærere" are "lærer",
 * "lærerne" is "lærern".  A reader typing the base form found none of the
 * other three: on samples/ `forsker` found nothing where two articles
 * write "forskere" and "forskerne", `innbygger` nothing where two write
 * "innbyggerne"; "vinter" and "vinteren", "kommentar" and "kommentaren",
 * the Nynorsk "lærar" and "lærarane" were two words each.
 *
 * So a stem that still ends in "-er" or "-ar" is stemmed once more, which
 * removes that ending where Snowball removes it from the base form (in
 * its region R1, so "over", "svar" and "ber" stay), and a stem ending in
 * "-ern" is the "-er" form stemmed, where that removes the ending ("vern",
 * whose "-er" is not in R1, stays).  Lucene's Norwegian light stemmer
 * removes "-ere" and "-er" alike.  What is given up: the verbs in "-ere"
 * meet what their stem spells ("parkere" finds "park", "levere" "leve"),
 * as they do in Lucene; and "intern" and "interne", which met, still
 * meet, as "int". */
#include <string>

#include "index-private.h"

static bool ends_with(const std::string &s, const char *end)
{
    const std::string e(end);
    return s.size() >= e.size() &&
           s.compare(s.size() - e.size(), e.size(), e) == 0;
}

std::string libns::norwegian_stem(const Xapian::Stem &snowball,
                                  const std::string &word)
{
    std::string stem = snowball(word);
    if (ends_with(stem, "ern")) {
        const std::string er = stem.substr(0, stem.size() - 1);
        const std::string again = snowball(er);
        if (again != er)
            stem = again;
    } else if (ends_with(stem, "er") || ends_with(stem, "ar")) {
        stem = snowball(stem);
    }
    return stem;
}
