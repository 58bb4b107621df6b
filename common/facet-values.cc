/* facet-values.cc - The facets' names, and the value the indexer writes
 * for them: section, language, "YYYY-MM", story group and tags of an
 * article, joined in one value slot (SLOT_FACETS) that facets.cc counts
 * over the matches of a search. */
#include <algorithm>
#include <string>
#include <unordered_set>

#include "index-private.h"

using namespace libns;

static const char *const FACET_NAMES[NS_FACET_KINDS] = {
    "section", "year", "month", "lang", "tag", "decade", "author"};

const char *ns_facet_name(unsigned i)
{
    return i < NS_FACET_KINDS ? FACET_NAMES[i] : nullptr;
}

/* The names people write for a facet that are not its own: the plural
 * ("--facets tags", as the JSON lists them) and the language's long
 * forms.  "--facets tags azure" took "tags" for a query word, searched
 * it and counted every facet. */
static const struct {
    const char *alias;
    unsigned facet;
} FACET_ALIASES[] = {
    {"sections", 0}, {"years", 1},     {"months", 2},    {"langs", 3},
    {"language", 3}, {"languages", 3}, {"tags", 4},      {"decades", 5},
    {"authors", 6},
};

static unsigned facet_bit(const std::string &name)
{
    if (name == "all")
        return NS_FACET_ALL;
    for (unsigned i = 0; i < NS_FACET_KINDS; i++)
        if (name == FACET_NAMES[i])
            return 1u << i;
    for (const auto &a : FACET_ALIASES)
        if (name == a.alias)
            return 1u << a.facet;
    return 0;
}

int ns_facets_parse(const char *list, unsigned *mask)
{
    *mask = 0;
    std::string s(list ? list : "");
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos)
            comma = s.size();
        unsigned bit = facet_bit(s.substr(start, comma - start));
        if (!bit) {
            *mask = 0;
            return -1;
        }
        *mask |= bit;
        start = comma + 1;
    }
    return 0;
}

/* Whether W is NAME with two neighbouring letters swapped. */
static bool swapped(const std::string &w, const std::string &name)
{
    if (w.size() != name.size())
        return false;
    size_t i = 0;
    while (i < w.size() && w[i] == name[i])
        i++;
    return i + 1 < w.size() && w[i] == name[i + 1] && w[i + 1] == name[i] &&
           w.compare(i + 2, std::string::npos, name, i + 2) == 0;
}

/* One edit from a name of five letters or more ("sectoin", "mnoths"); a
 * short name only with two letters swapped ("yaer", "tgas"): one letter
 * changed, added or taken from "tag", "year" or "lang" is a word people
 * search ("tax", "dear", "land", "long"), and taking it for a slip would
 * refuse `--facets tax reform`. */
static bool near_name(const std::string &w, const char *name)
{
    std::string n(name);
    if (n.size() < 5)
        return swapped(fold_case(w.c_str()), n);
    return folded_edits(w, name) <= 1;
}

int ns_facet_name_near(const char *word)
{
    std::string w(word ? word : "");
    if (w.empty())
        return 0;
    for (unsigned i = 0; i < NS_FACET_KINDS; i++)
        if (near_name(w, FACET_NAMES[i]))
            return 1;
    for (const auto &a : FACET_ALIASES)
        if (near_name(w, a.alias))
            return 1;
    return 0;
}

/* One value for every facet, so that the counter reads one value per
 * match: reading the section, language, month, tags and group from five
 * slots cost a fifth of the whole search time (Reuters, the 1,000 bench
 * queries, p50 6.0 ms with facets against 1.7 ms without; 2.4 ms with
 * one slot). */
void libns::add_facet_values(Xapian::Document &doc, const ns_article_t *art,
                             const std::string &lang)
{
    std::string v = art->section ? art->section : "";
    v += FACET_SEP;
    v += lang;
    v += FACET_SEP;
    if (art->date)
        v.append(art->date, 7);
    v += FACET_SEP;
    v += group_key(art);
    v += FACET_SEP;
    std::unordered_set<std::string> seen;
    bool first = true;
    for (size_t i = 0; i < art->n_tags; i++) {
        std::string t = art->tags[i];
        std::replace(t.begin(), t.end(), TAG_SEP, ' ');
        std::replace(t.begin(), t.end(), FACET_SEP, ' ');
        if (t.empty() || !seen.insert(fold_case(t.c_str())).second)
            continue;
        if (!first)
            v += TAG_SEP;
        v += t;
        first = false;
    }
    doc.add_value(SLOT_FACETS, v);
}
