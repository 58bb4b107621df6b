/* search.cc - One search: the query run (with phrase checking when the
 * index has no positions), its page, and the related posts of a search.
 * The entry points that retry it and fall back are in search-api.cc. */
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "search-page.h"

using namespace libns;

void libns::add_warning(ns_results_t *res, const std::string &msg)
{
    if (!msg.empty() && res->warning.find(msg) == std::string::npos)
        res->warning += (res->warning.empty() ? "" : "; ") + msg;
}

/* TEXT parsed as plain words.  Even without flags a parse can fail (the
 * range processors run on every parse: date:1..2, "Unknown range
 * operation"); then the words are what is left with the syntax taken
 * out, so an unreadable range never fails a search. */
static Xapian::Query as_words(ns_index_t *idx, const std::string &text,
                              unsigned max_expansion)
{
    try {
        return build_query(idx, text, 0, max_expansion);
    } catch (const Xapian::QueryParserError &) {
        std::string words = text;
        for (char &c : words)
            if (!isalnum((unsigned char)c) && !((unsigned char)c & 0x80))
                c = ' ';
        return build_query(idx, words, 0, max_expansion);
    }
}

/* The query text of O as a Xapian query into *OUT; *BLANK when there is
 * none (every article).  A malformed query is the user's typo, not an
 * error: its words are run, with a warning in RES.  Past the limits of
 * limits.cc it is cut down with a warning, or refused (BAD_QUERY). */
static ns_status_t parse_text(ns_index_t *idx, const ns_search_opts_t *o,
                              ns_results_t *res, bool *blank,
                              Xapian::Query *out)
{
    std::string typed, deep;
    const std::string given = bound_depth(o->query ? o->query : "", &deep);
    add_warning(res, deep);
    std::string text =
        typed_text(o->partial ? partial_text(given, idx, true) : given, &typed);
    add_warning(res, typed);
    add_warning(res, lower_case_operators(idx, given));
    /* An unclosed quote is a phrase to the end of the query (README), but
     * Xapian's parser reads one after a field name as words:
     * title:"external review found 18 samples, title:"external review"
     * 3, and author:"kari nordmann every Kari and every Nordmann. */
    if (!unclosed_quote_words(text).empty())
        text += '"';
    /* "*" alone is every article, as in Lucene-based site search.  Not
     * escapes of no word ("\\", "\\*", "\\:"), unescaped to nothing: no
     * word, as "/" is (a stray backslash listed all 22,897 of Reuters and
     * BBC News). */
    *blank = text.find_first_not_of(" \t\r\n*") == std::string::npos &&
             (given.find('\\') == std::string::npos || has_word(given));
    if (*blank) {
        *out = match_all();
        return NS_STATUS_OK;
    }
    /* "!!!", "||", "&&": operators of no word.  A pure NOT of nothing
     * listed every article; "||" searched the word "or". */
    if (!has_word(given))
        text.clear();
    QueryBounds b = bound_query(text);
    add_warning(res, b.warning);
    /* After the words are counted: a "wom?n" is one word typed. */
    std::string single;
    b.text = single_wildcards(b.text, *idx->db, &single);
    add_warning(res, single);
    try {
        std::string dates; /* date: values the parse could not read */
        *out = build_query(idx, b.text,
                           query_flags(b.text, PARSE_FLAGS) & ~b.flags_off,
                           b.max_expansion, &dates);
        if (o->partial)
            *out = partial_synonym(*out);
        add_warning(res, dates);
        /* Not as you type: the '*' is ours there, and every short word
         * typed would say so ("ma* matches more than ..." for "e-ma"). */
        if (!b.flags_off && !o->partial)
            add_warning(res, wildcards_cut(*out, *idx->db, b.max_expansion));
    } catch (const Xapian::QueryParserError &e) {
        add_warning(res, "query syntax error (" + e.get_msg() +
                             "); searching for the words instead");
        *out = as_words(idx, b.text, b.max_expansion);
    }
    /* "-", "()", "\"\"", an emoji: nothing Xapian indexes, no match, and
     * no word of why before. */
    if (out->empty())
        add_warning(res, "the query has no word to search");
    std::string why;
    if (query_too_large(*out, why)) {
        idx->error = why;
        return NS_STATUS_BAD_QUERY;
    }
    return NS_STATUS_OK;
}

/* The snippet and marked title of hit I of RES. */
static void cut_marks(ns_index_t *idx, const ns_search_opts_t *o,
                      const Page &page, bool blank, budget &time,
                      ns_results_t *res, size_t i)
{
    const ns_article_t *art = &res->arts[i];
    res->snippets[i] =
        o->snippet_len && !time.over()
            ? snippet_of(idx, page.have_snip ? page.snip : page.ms,
                         page.words, art, o, blank)
            : std::string();
    res->titles[i] =
        !blank && !time.over()
            ? title_marked(idx,
                           page.have_title  ? page.title
                           : page.have_snip ? page.snip
                                            : page.ms,
                           page.have_title ? page.title_words : page.words,
                           art, o)
            : std::string();
}

/* The hits of PAGE into RES: their articles (decoded now unless the phrase
 * check did it already), snippets and ranks.  A hit whose stored article
 * cannot be decoded is left out (PAGE.shown loses it too, so that related
 * posts never seed from it) and the warning says so. */
static void fill_hits(ns_index_t *idx, const ns_search_opts_t *o, Page &page,
                      bool blank, budget &time, ns_results_t *res)
{
    size_t n = page.shown.size();
    bool have = !page.decoded.empty();
    std::vector<Xapian::MSetIterator> kept;
    res->arts.reserve(n);
    res->snippets.reserve(n);
    res->titles.reserve(n);
    /* A cluster reads the page's articles from its shards at once. */
    std::vector<Xapian::Document> docs;
    if (idx->cluster && !have) {
        std::vector<Xapian::docid> dids;
        for (const Xapian::MSetIterator &it : page.shown)
            dids.push_back(*it);
        docs = cluster_documents(idx, dids);
    }
    for (size_t i = 0; i < n; i++) {
        const Xapian::MSetIterator &it = page.shown[i];
        std::string why;
        ns_article_t art;
        if (have) {
            art = page.decoded[i];
        } else if (!decode(idx, *it,
                           docs.empty() ? it.get_document().get_data()
                                        : docs[i].get_data(),
                           &art, why)) {
            note_damaged(idx, res);
            continue;
        }
        res->arts.push_back(art);
        res->snippets.emplace_back();
        res->titles.emplace_back();
        cut_marks(idx, o, page, blank, time, res, res->arts.size() - 1);
        kept.push_back(it);
    }
    /* Pointers into ARTS and SNIPPETS only now that they stop growing. */
    res->hits.assign(kept.size(), ns_hit_t());
    for (size_t i = 0; i < kept.size(); i++) {
        ns_hit_t &h = res->hits[i];
        h.rank = o->offset + (unsigned)i + 1;
        h.score = kept[i].get_weight();
        h.art = &res->arts[i];
        h.snippet = res->snippets[i].c_str();
        h.title_marked = res->titles[i].c_str();
    }
    page.shown.swap(kept);
}

/* The copies each hit of PAGE stands for: those that match RUN, and
 * with CHECK (a phrase page) pass its check; the newest of them shown in
 * the hit's place (versions.cc), in date order the newest of the hit's
 * date, but in oldest-first order.  Each hit's copies are a match of RUN
 * of their own (tens of milliseconds for a query of many wildcards), so
 * none is looked for once TIME is spent:
 * 100 hits of 20 wildcards on Reuters and BBC News took 2.3 s here, past
 * any budget. */
static void fill_also(ns_index_t *idx, const ns_search_opts_t *o,
                      const Xapian::Query &run, const Xapian::Query *check,
                      Page &page, bool blank, budget &time, ns_results_t *res)
{
    size_t n = page.shown.size();
    std::vector<std::vector<Copy>> copies(n);
    std::vector<size_t> totals(n, 0);
    res->also.assign(n, std::vector<std::string>());
    res->also_ptr.assign(n, std::vector<const char *>());
    /* A page collapsed after the check, on an index with group terms,
     * looks its hits' groups up as a cluster's page does. */
    bool lookup = idx->cluster || (page.own_groups && group_terms(idx));
    if (lookup) {
        std::vector<std::string> keys;
        for (const auto &it : page.shown) {
            auto g = page.group_of.find(*it);
            keys.push_back(idx->cluster               ? it.get_collapse_key()
                           : g != page.group_of.end() ? g->second
                                                      : std::string());
        }
        copies = also_ids_page(idx, run, page.shown, keys, res->arts, check,
                               totals);
    }
    for (size_t i = 0; i < n && !lookup; i++) {
        auto found = page.also_of.find(*page.shown[i]);
        if (page.own_groups && found != page.also_of.end())
            copies[i] = std::move(found->second);
        else if (!page.own_groups && !time.over())
            copies[i] = also_ids(idx, run, res->arts[i].title, page.shown[i],
                                 check, &totals[i]);
    }
    if (o->sort != NS_SORT_OLDEST)
        for (size_t i : newest_stand(idx, copies, res, o->sort == NS_SORT_DATE))
            cut_marks(idx, o, page, blank, time, res, i);
    for (size_t i = 0; i < n; i++) {
        for (const Copy &c : copies[i])
            res->also[i].push_back(c.id);
        for (const auto &id : res->also[i])
            res->also_ptr[i].push_back(id.c_str());
        res->hits[i].also = res->also_ptr[i].data();
        res->hits[i].n_also = res->also_ptr[i].size();
        res->hits[i].also_total = totals[i];
        res->hits[i].snippet = res->snippets[i].c_str();
        res->hits[i].title_marked = res->titles[i].c_str();
    }
}

/* Related posts of a search: the story is taken from the top hit and the
 * next ones scoring at least half as well, up to SEARCH_SEEDS. */
static void search_related(ns_index_t *idx, const ns_search_opts_t *o,
                           const Page &page, ns_results_t *res)
{
    const auto &shown = page.shown;
    std::vector<Xapian::docid> seeds;
    std::vector<const ns_article_t *> seen;
    double top = shown[0].get_weight();
    for (size_t i = 0; i < shown.size() && seeds.size() < SEARCH_SEEDS; i++)
        if (seeds.empty() || shown[i].get_weight() >= 0.5 * top)
            seeds.push_back(*shown[i]);
    for (const auto &a : res->arts)
        seen.push_back(&a);
    find_related(idx, seeds, seen, o, res);
}

/* NSEARCH_NO_PAIRS: phrases checked on the text alone, as on an index
 * without pair terms (the tests compare both ways). */
static bool no_pairs()
{
    static const bool off = getenv("NSEARCH_NO_PAIRS") != nullptr;
    return off;
}

/* Oldest first, and articles without a date last, as newest first has
 * them: an empty value sorts before every date, and 16 bytes of 0xff after
 * every value time_value() makes. */
static Xapian::KeyMaker *oldest_first()
{
    auto *key = new Xapian::MultiValueKeyMaker;
    key->add_value(SLOT_TIME, false, std::string(16, '\xff'));
    return key->release();
}

ns_status_t libns::search_once(ns_index_t *idx, const ns_search_opts_t *o,
                               ns_results_t *res)
{
    budget time(o->time_limit_ms, res);
    bool blank;
    Xapian::Query q;
    if (ns_status_t st = parse_text(idx, o, res, &blank, &q))
        return st;
    if (idx->pairs_ok && !no_pairs())
        q = use_pairs(q);
    /* Filters restrict what Xapian matches; the phrase check needs only
     * the query's own tree. */
    Xapian::Query filter;
    if (ns_status_t st = filter_query(idx, o, &filter))
        return st;
    /* author:"..." and author= (a reporter's page) by their byline pair
     * terms: exact with no check for a name of two words. */
    if (idx->bylines_ok && !no_pairs()) {
        q = use_byline_pairs(q);
        filter = use_byline_pairs(filter);
    }
    /* Without positions in the index Xapian runs a phrase as the AND of
     * its words, and each candidate is checked on its text: CHECK, the
     * query's tree, and the filter's when it has a phrase (author=, a
     * name), with the query or without one (a reporter's page). */
    const bool no_positions = !idx->db->has_positions();
    bool verify = !blank && no_positions && has_positional(q);
    Xapian::Query check = q;
    if (no_positions && has_positional(filter)) {
        check = blank ? filter
                      : Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
        verify = true;
    }
    Xapian::Query run = verify ? relax(q, false) : q;
    if (!filter.empty())
        run = Xapian::Query(Xapian::Query::OP_FILTER, run,
                            verify ? relax(filter, false) : filter);
    /* Facets count the matches, whatever their order. */
    if (o->facets && !time.over())
        count_facets(idx, run, o, verify ? &check : nullptr,
                     std::max(0.0, time.left()), blank, res);
    if (o->sort == NS_SORT_RECENT)
        run = recency_mix(idx, run, o, blank);

    Xapian::Enquire enq(*idx->db);
    enq.set_query(run);
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    if (o->sort == NS_SORT_DATE)
        enq.set_sort_by_value_then_relevance(SLOT_TIME, true);
    if (o->sort == NS_SORT_OLDEST && !idx->cluster)
        enq.set_sort_by_key_then_relevance(oldest_first(), false);
    if (o->sort == NS_SORT_OLDEST && idx->cluster) {
        /* The remote protocol carries no KeyMaker. */
        enq.set_sort_by_value_then_relevance(SLOT_TIME, false);
        add_warning(res, "on a cluster, articles without a date come first "
                         "in oldest-first order");
    }
    collapse_on(enq, o);
    res->offset = o->offset;
    res->limit = o->limit;
    Page page;
    if (verify)
        checked_page(idx, enq, check, o, page, time, res);
    else
        plain_page(idx, enq, o, blank, page, time, res);
    /* The facets counted every match: that count is the total, exact,
     * where a page would estimate it (`oil -n 10 --facets` said about
     * 1,662 stories beside facets that counted all 1,626). */
    if (res->facets_exact && res->facets_total && !res->total_exact &&
        !res->timed_out && !idx->cluster &&
        res->facets_total >= (uint64_t)o->offset + page.shown.size()) {
        res->total = res->facets_total;
        res->total_exact = true;
    }
    /* Every article, collapsed: Xapian's count of its stories depends on
     * how far the match ran, which the order and the page decide (Reuters
     * and BBC News: 22,824 exact newest first with --limit 0, "about
     * 22,970" with a page, 23,802 by relevance).  The archive's own count
     * of them is the same for every order and page. */
    uint64_t stories;
    if (blank && filter.empty() && o->collapse && !res->timed_out &&
        story_count(idx, &stories)) {
        res->total = stories;
        res->total_exact = true;
        res->has_more = stories > (uint64_t)o->offset + page.shown.size();
    }
    facets_within_total(res);
    /* Xapian matches the stem term of a phrase word that is its own
     * stem (forms.cc), but a snippet only marks a phrase whose words it
     * finds as written: snippets are cut by the query with the words as
     * written (its statistics alone, no match ranked).  A two-word phrase
     * run by its pair term is marked as the phrase too: run as the AND of
     * its words, it marked every "west" and "bank" of an article found by
     * "west bank" ("World Bank" among them). */
    const Xapian::Query shown = pairs_as_phrases(run);
    const bool phrases = has_positional(shown);
    Xapian::Query written = phrases ? written_phrases(shown) : Xapian::Query();
    if (phrases && written.get_description() != run.get_description()) {
        page.snip = marking(idx, written);
        page.have_snip = true;
    }
    /* A title: word is marked in the title (title_html) as a word of the
     * default field is, which is all Xapian's highlighter reads. */
    if (has_title_terms(run)) {
        page.title_words = title_as_text(phrases ? written : run);
        page.title = marking(idx, page.title_words);
        page.have_title = true;
    }
    page.words = page.have_snip ? written : run;
    /* Xapian's highlighter matches a wildcard against the words as
     * written only: "oyafest*" found Øyafestivalen by its folded stem
     * "Zoyafestival" and marked nothing, nor did search as you type.  The
     * stems themselves it marks.  Nor a word typed with a digraph
     * (digraph-marks.cc).  Not on a cluster: each expansion would walk
     * every shard's terms once more.  Nor once the budget is spent: no
     * snippet is made then. */
    if (!blank && !idx->cluster && !time.over()) {
        unsigned lookups = 0;
        const bool wild = has_stem_wildcard(page.words);
        std::vector<Xapian::Query> marks{
            wild ? stem_wildcards_expanded(page.words, *idx->db,
                                           WILDCARD_MAX_EXPANSION)
                 : page.words};
        const bool spelled = digraph_marking(idx, marks[0], lookups, marks[0]);
        for (const Xapian::Query &w : digraph_wildcards(page.words))
            marks.push_back(w);
        if (wild || spelled || marks.size() > 1) {
            page.snip = marking(idx, Xapian::Query(Xapian::Query::OP_OR,
                                                   marks.begin(), marks.end()));
            page.have_snip = true;
        }
        /* "title:oestlandet" marked no title, where "title:ostlandet" did. */
        Xapian::Query title;
        if (page.have_title &&
            digraph_marking(idx, page.title_words, lookups, title))
            page.title = marking(idx, title);
    }
    fill_hits(idx, o, page, blank, time, res);
    if (o->collapse)
        fill_also(idx, o, run, verify ? &check : nullptr, page, blank, time, res);
    if (res->total == 0 && !res->timed_out)
        note_dead_filters(idx, q, filter, res);
    if (o->related && !page.shown.empty() && !time.over())
        search_related(idx, o, page, res);
    return NS_STATUS_OK;
}
