/* facet-authors.cc - The author facet's values: a byline split into its
 * names when the article is indexed (SLOT_AUTHORS), and the keys under
 * which the facet counter (facets.cc) counts spellings of one name as
 * one, so that clicking a value as author:"NAME" finds its count.
 *
 * A byline is stored as one label, "Kari Nordmann, Per Hansen", and the
 * author: filter reads it as a phrase in it: author:"Per Hansen" finds
 * that article.  The facet lists the names, each article counted under
 * each of its names, as the tag facet counts tags.  The names are split
 * where article.c cuts a long byline (", ", "; ", " and ", " & ", " og ")
 * and stored with the story group, as SLOT_FACETS holds it: a cluster's
 * shards count whole values (ValueCountMatchSpy), and the front needs the
 * group to count a story once.  Its own slot, not a sixth field of
 * SLOT_FACETS: a program from before would read the names as part of the
 * last tag.  Measured: no bytes for an article without a byline. */
#include <cctype>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "index-private.h"

using namespace libns;

/* The separators of a byline's names, as article.c byline_cut reads
 * them. */
static const char *const NAME_SEPS[] = {", ", "; ", " and ", " & ", " og "};

/* The names of BYLINE in order, without empty ones. */
static std::vector<std::string> byline_names(const std::string &byline)
{
    std::vector<std::string> names;
    size_t start = 0, i = 0;
    while (i <= byline.size()) {
        size_t len = 0;
        if (i == byline.size()) {
            len = 1;
        } else {
            for (const char *sep : NAME_SEPS)
                if (!byline.compare(i, strlen(sep), sep))
                    len = strlen(sep);
        }
        if (!len) {
            i++;
            continue;
        }
        std::string name = byline.substr(start, i - start);
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        while (!name.empty() && name[0] == ' ')
            name.erase(0, 1);
        if (!name.empty())
            names.push_back(name);
        i += len;
        start = i;
    }
    return names;
}

void libns::add_author_values(Xapian::Document &doc, const ns_article_t *art)
{
    if (!art->author || !*art->author)
        return;
    std::string v = group_key(art);
    v += FACET_SEP;
    std::unordered_set<std::string> seen;
    bool first = true;
    for (std::string name : byline_names(art->author)) {
        /* Labels hold no control characters (article.c); a stored
         * article from elsewhere might. */
        for (char &c : name)
            if (c == TAG_SEP || c == FACET_SEP)
                c = ' ';
        if (!seen.insert(author_keys(name)[0]).second)
            continue; /* one article, one count under a name */
        if (!first)
            v += TAG_SEP;
        v += name;
        first = false;
    }
    if (!first)
        doc.add_value(SLOT_AUTHORS, v);
}

/* NAME lower-cased, its ASCII punctuation a space between words, as the
 * filter's phrase reads only the words ("Jean-Luc", "Jean Luc"). */
static std::string words_of(std::string_view name)
{
    std::string low = fold_case(std::string(name).c_str()), out;
    for (char c : low) {
        bool word = (unsigned char)c >= 0x80 || isalnum((unsigned char)c);
        if (word)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::vector<std::string> libns::author_keys(std::string_view name)
{
    const std::string w = words_of(name);
    /* A name with å, ø, ä, ö or ü: every spelling the filter reads it as
     * (digraph-readings.cc), its letters plain ("odegard") or as their
     * digraphs ("oedegaard"), each a key; another name: its letters
     * folded plain. */
    std::vector<std::string> keys = digraph_readings(w);
    if (keys.empty())
        keys.push_back(fold(w, 0));
    return keys;
}
