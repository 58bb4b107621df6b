/* dead-filters.cc - What a search that found nothing says of a filter no
 * article has: `section:sports` on an archive whose section is "sport"
 * answered "No matches" and nothing else, as did nsearchd's section=,
 * tag= and author=, and a reader took the archive to have no such story.
 * Asked only when the total is 0, of the filter terms of the query run:
 * a term lookup each, and for a section or tag no article has, one walk
 * of that prefix's values (bounded) for the nearest by spelling. */
#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Sections listed whole when the archive has no more of them. */
static const size_t LIST_ALL_MAX = 8;
/* Values named as the nearest, at most. */
static const size_t NEAREST_MAX = 5;
/* Values of a prefix read for the nearest, at most: a tag vocabulary of
 * a large archive is not read whole for a remark. */
static const size_t SCAN_MAX = 20000;

/* The code points of the UTF-8 text S. */
static std::vector<unsigned> code_points(const std::string &s)
{
    std::vector<unsigned> out;
    for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it)
        out.push_back(*it);
    return out;
}

/* The edit distance of A and B in code points, or LIMIT + 1 once it is
 * past LIMIT.  Counted in bytes, "ø" for "o" was two edits and "é" for
 * "e" too, so "okonomii" was not near "økonomi". */
static size_t distance(const std::vector<unsigned> &a,
                       const std::vector<unsigned> &b, size_t limit)
{
    size_t la = a.size(), lb = b.size();
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    std::vector<size_t> row(lb + 1);
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                               diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
            best = std::min(best, row[j]);
        }
        if (best > limit)
            return limit + 1;
    }
    return row[lb];
}

/* VALUE (a term's, in lower case) as the archive writes it: the section
 * or tag of the facet value (SLOT_FACETS) of an article that has TERM,
 * whose fold is VALUE ("Økonomi" for "økonomi"); VALUE itself when none
 * says (an index without facet values). */
static std::string written_name(const Xapian::Database &db,
                                const std::string &prefix,
                                const std::string &term,
                                const std::string &value)
{
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term) ||
        (prefix != PREFIX_SECTION && prefix != PREFIX_TAG))
        return value;
    const std::string facets = db.get_document(*p).get_value(SLOT_FACETS);
    std::vector<std::string> fields{""};
    for (char c : facets)
        if (c == FACET_SEP || (c == TAG_SEP && fields.size() == 5))
            fields.emplace_back();
        else
            fields.back() += c;
    /* section, language, month, group, then the tags */
    const size_t from = prefix == PREFIX_SECTION ? 0 : 4;
    const size_t to = prefix == PREFIX_SECTION ? 1 : fields.size();
    for (size_t i = from; i < to && i < fields.size(); i++)
        if (!fields[i].empty() && fold_case(fields[i].c_str()) == value)
            return fields[i];
    return value;
}

/* What the archive has instead of V under PREFIX, as " (...)": all the
 * values when they are few (LIST_FEW: sections), else the nearest by
 * spelling ("the nearest sections: sport"), else with LIST_FEW the first
 * few, else "".  NAME names the values ("sections"). */
static std::string instead(const Xapian::Database &db, const std::string &prefix,
                           const std::string &v, bool list_few,
                           const std::string &name)
{
    /* Over the values with their diacritics folded, as a filter finds
     * them (query.cc folded_values): "okonomii" is one edit from
     * "økonomi", and "verr" from "vér". */
    const std::string want = fold(v, 0);
    const std::vector<unsigned> typed = code_points(want);
    /* One letter in three, and one at least: "foo" is not near "bop". */
    const size_t limit =
        std::max<size_t>(1, std::min<size_t>(3, typed.size() / 3));
    std::vector<std::pair<size_t, std::string>> near; /* distance, term */
    std::vector<std::string> first;                   /* terms */
    size_t seen = 0;
    for (Xapian::TermIterator t = db.allterms_begin(prefix);
         t != db.allterms_end(prefix) && seen < SCAN_MAX; ++t, ++seen) {
        const std::string value = fold((*t).substr(prefix.size()), 0);
        size_t d = distance(typed, code_points(value), limit);
        /* A value that starts with what was typed is near too:
         * "section:tech" for "technology". */
        if (d > limit && typed.size() >= 3 &&
            value.compare(0, want.size(), want) == 0)
            d = limit;
        if (d <= limit)
            near.emplace_back(d, *t);
        if (first.size() <= LIST_ALL_MAX)
            first.push_back(*t);
    }
    /* The names as the archive writes them ("Bayern", not "bayern"). */
    auto list = [&](const std::vector<std::string> &terms, size_t n) {
        std::string out;
        for (size_t i = 0; i < terms.size() && i < n; i++)
            out += (i ? ", " : "") +
                   written_name(db, prefix, terms[i],
                              terms[i].substr(prefix.size()));
        return out + (terms.size() > n ? ", ..." : "");
    };
    if (list_few && first.size() <= LIST_ALL_MAX)
        return " (" + name + ": " + list(first, LIST_ALL_MAX) + ")";
    if (!near.empty()) {
        std::stable_sort(near.begin(), near.end(),
                         [](const auto &a, const auto &b) {
                             return a.first < b.first;
                         });
        std::vector<std::string> values;
        for (const auto &n : near)
            values.push_back(n.second);
        return " (the nearest " + name + ": " + list(values, NEAREST_MAX) + ")";
    }
    if (list_few && !first.empty())
        return " (" + name + ": " + list(first, NEAREST_MAX) + ")";
    return "";
}

/* Is TERM under PREFIX, and no longer prefix of the schema's? ("XS" is
 * the section's; no other prefix starts with it, nor with "K".) */
static bool under(const std::string &term, const char *prefix)
{
    return term.compare(0, strlen(prefix), prefix) == 0 &&
           term.size() > strlen(prefix);
}

/* The terms of Q into OUT, but not those under a NOT: "oil NOT
 * date:1999" is not emptied by its date. */
static void wanted_terms(const Xapian::Query &q, std::vector<std::string> &out)
{
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        out.push_back(*q.get_terms_begin());
        return;
    }
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (q.get_type() != Xapian::Query::OP_AND_NOT || i == 0)
            wanted_terms(q.get_subquery(i), out);
}

/* A date filter no article is dated in (dates.cc marks it): date:1999 on
 * an archive of 1987, date:2005 on one with no dates, answered "No
 * matches" and nothing else.  With the archive's first and last date. */
static void note_dead_dates(ns_index_t *idx, const Xapian::Query &q,
                            const Xapian::Query &filter, ns_results_t *res)
{
    std::vector<std::string> terms;
    wanted_terms(q, terms);
    wanted_terms(filter, terms);
    const std::string mark = std::string(PREFIX_DATE) + DATE_NONE;
    const Xapian::Database &db = *idx->db;
    for (const std::string &t : terms) {
        if (t.compare(0, mark.size(), mark) != 0)
            continue;
        const std::string lo = db.get_value_lower_bound(SLOT_TIME);
        if (lo.empty()) {
            add_warning(res, "no article has a date");
            return;
        }
        char first[32], last[32];
        ns_date_format(time_of_value(idx->time_enc, lo), first, sizeof first);
        ns_date_format(time_of_value(idx->time_enc,
                                     db.get_value_upper_bound(SLOT_TIME)),
                       last, sizeof last);
        add_warning(res, "no article is dated " + t.substr(mark.size()) +
                             " (the archive's dates run from " +
                             std::string(first, 10) + " to " +
                             std::string(last, 10) + ")");
    }
}

/* Is every term of Q an author's: a word as typed ("A"), stemmed ("ZA")
 * or a byline pair ("XB")? */
static bool author_only(const Xapian::Query &q)
{
    const std::string stemmed = std::string(PREFIX_STEM) + PREFIX_AUTHOR;
    bool any = false;
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end();
         ++t, any = true)
        if (!under(*t, PREFIX_AUTHOR) && !under(*t, stemmed.c_str()) &&
            !under(*t, PREFIX_BYLINE_PAIR))
            return false;
    return any;
}

/* The words of author filter Q in the order typed: its "A" terms as they
 * come in the query, one a position (a word's other spellings share
 * it).  A name's phrase comes with its other spellings and their stems,
 * and the phrase as typed beside them to rank (phrase-fold.cc): only that
 * is read, or the name was said with the rest ("ola odegaard ødegård"
 * for the "Ola Odegaard" typed). */
static void author_words(const Xapian::Query &q, std::vector<std::string> &out,
                         std::set<Xapian::termpos> &at)
{
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string t = as_written(*q.get_terms_begin());
        const Xapian::termpos pos = leaf_position(q);
        if (!under(t, PREFIX_AUTHOR) || (pos && !at.insert(pos).second))
            return;
        const std::string w = t.substr(strlen(PREFIX_AUTHOR));
        if (std::find(out.begin(), out.end(), w) == out.end())
            out.push_back(w);
        return;
    }
    if (q.get_type() == Xapian::Query::OP_AND_MAYBE &&
        q.get_num_subqueries() == 2 &&
        q.get_subquery(1).get_type() == Xapian::Query::OP_SCALE_WEIGHT)
        return author_words(q.get_subquery(1), out, at);
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        author_words(q.get_subquery(i), out, at);
}

/* An author filter of Q (outside a NOT) that no article matches: its
 * name as typed, and the nearest bylines by their pair terms.  Before,
 * the filter was dead only when no byline had any of its words, so
 * author:"Mary McDonalds" (Mary McDonald writes) and author=Kari%20Nordman
 * answered "No matches" alone, and the name was said in sorted order
 * ("adams quentin zoe").  The index has no positions, so a name's
 * phrase matches as the AND of its words and pair terms: no match there
 * is none after the check either. */
static void note_dead_author(const Xapian::Database &db,
                             const Xapian::Query &q, ns_results_t *res)
{
    using Q = Xapian::Query;
    if (q.empty())
        return;
    /* Only what is wanted is an author filter to check, not what a NOT
     * leaves out: "author:kari -author:nordmann", of author terms alone,
     * was run whole, matched nothing for its NOT, and was said to have
     * no article by Kari, who has three. */
    if (!author_only(q) || has_operator(q, Q::OP_AND_NOT)) {
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            if (q.get_type() != Q::OP_AND_NOT || i == 0)
                note_dead_author(db, q.get_subquery(i), res);
        return;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (enquire.get_mset(0, 0, 1).get_matches_lower_bound() > 0)
        return;
    std::vector<std::string> words;
    std::set<Xapian::termpos> at;
    author_words(q, words, at);
    if (words.empty())
        return;
    std::string name, near;
    for (const std::string &w : words)
        name += (name.empty() ? "" : " ") + w;
    /* Near the first two words side by side that no byline has
     * ("mary mcdonalds": "mary mcdonald"); a name of one word has no
     * pair. */
    for (size_t i = 0; i + 1 < words.size() && near.empty(); i++) {
        const std::string pair = byline_pair_term(words[i], words[i + 1]);
        if (!pair.empty() && !db.term_exists(pair))
            near = instead(db, PREFIX_BYLINE_PAIR,
                           pair.substr(strlen(PREFIX_BYLINE_PAIR)), false,
                           "bylines");
    }
    add_warning(res, "no article has author '" + name + "'" + near);
}

void libns::note_dead_filters(ns_index_t *idx, const Xapian::Query &q,
                              const Xapian::Query &filter, ns_results_t *res)
{
    const Xapian::Database &db = *idx->db;
    std::vector<std::string> terms;
    for (const Xapian::Query *part : {&q, &filter})
        for (auto t = part->get_unique_terms_begin();
             t != part->get_unique_terms_end(); ++t)
            terms.push_back(*t);
    static const struct {
        const char *prefix, *name;
        bool list_few;
    } kinds[] = {{PREFIX_SECTION, "section", true}, {PREFIX_TAG, "tag", false}};
    for (const auto &k : kinds) {
        /* A value is looked for in its old ASCII-only lower case too
         * (query.cc, stored_value): one remark of both terms. */
        std::set<std::string> said;
        for (const std::string &t : terms) {
            if (!under(t, k.prefix) || db.term_exists(t))
                continue;
            const std::string v = t.substr(strlen(k.prefix));
            if (!said.insert(fold_case(v.c_str())).second)
                continue;
            add_warning(res, std::string("no article has ") + k.name + " '" +
                                 fold_case(v.c_str()) + "'" +
                                 instead(db, k.prefix, fold_case(v.c_str()),
                                         k.list_few, std::string(k.name) + "s"));
        }
    }
    note_dead_dates(idx, q, filter, res);
    for (const Xapian::Query *part : {&q, &filter})
        note_dead_author(db, *part, res);
    /* An id is matched whole and in its case: `id:reuters-6*` is the id
     * "reuters-6*", which a reader exporting "all of Reuters" took for a
     * wildcard that matched nothing.  One remark for the first id no
     * article has, and a count of the others (a list of 200 ids). */
    std::string first_id;
    size_t missing_ids = 0;
    bool starred = false;
    for (const std::string &t : terms) {
        if (!under(t, PREFIX_ID) || db.term_exists(t))
            continue;
        if (!missing_ids++)
            first_id = t.substr(strlen(PREFIX_ID));
        starred |= t.find('*') != std::string::npos;
    }
    if (missing_ids) {
        std::string w = "no article has id '" + first_id + "'";
        if (missing_ids > 1)
            w += " (nor " + std::to_string(missing_ids - 1) + " other id" +
                 (missing_ids > 2 ? "s" : "") + " given)";
        if (starred)
            w += "; an id is matched whole, so '*' is not a wildcard "
                 "there";
        add_warning(res, w);
    }
}
