/* search-api.cc - The entry points of a search: ns_search() and
 * ns_related_to(), each retried when the index changes under the reader
 * and with every exception made a status, and what a search that matches
 * nothing falls back on. */
#include <cctype>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>

#include "index-private.h"
#include "query-partial.h"

using namespace libns;

/* Run BODY on fresh results: reopen and retry when the index changed
 * under the reader (a reader survives one writer commit; after a second it
 * must reopen; done here rather than in every caller), time it, and turn
 * exceptions into a status. */
template <typename F>
static ns_status_t with_results(ns_index_t *idx, ns_results_t **out, F body)
{
    *out = nullptr;
    clear_error(idx);
    ns_results_t *res = nullptr;
    auto t0 = std::chrono::steady_clock::now();
    int timeouts = 0;     /* a cluster's remote operations timed out */
    bool fresh = false;   /* the cluster was connected to again just now */
    try {
        for (int attempt = 0;; attempt++) {
            if (idx->cluster) {
                /* Every shard of a cluster down, or one with "partial
                 * no": try them again once the refresh interval is up. */
                if (cluster_ready(idx) != NS_STATUS_OK)
                    cluster_refresh(idx, false);
                if (ns_status_t st = cluster_ready(idx))
                    return st;
            }
            res = new ns_results_t;
            ns_status_t st;
            try {
                st = body(res);
            } catch (const Xapian::DatabaseModifiedError &e) {
                idx->error = e.get_msg();
                st = NS_STATUS_RETRY;
            } catch (const Xapian::NetworkTimeoutError &e) {
                /* Not a changed index: a shard slower than the cluster's
                 * "timeout".  Tried again once, and only when connecting
                 * again put another replica in its place (or left it
                 * out); a slow one would cost "timeout" each time. */
                if (!idx->cluster)
                    throw;
                std::string why;
                bool again = cluster_timed_out(idx, e, why);
                fresh = true;
                idx->error = why;
                st = again && !timeouts++ ? NS_STATUS_RETRY
                                          : NS_STATUS_SHARDS_DOWN;
            } catch (const Xapian::Error &e) {
                /* A cluster's replica gone (the next one), or a writer met
                 * (open.cc, moved_on): again, within this request. */
                if (!cluster_recoverable(idx, e) && !moved_on(idx))
                    throw;
                idx->error = describe(e);
                st = NS_STATUS_RETRY;
            }
            if (st == NS_STATUS_OK) {
                /* An attempt that had to be retried said why. */
                idx->error.clear();
                break;
            }
            ns_results_free(res);
            res = nullptr;
            if (st != NS_STATUS_RETRY || attempt == 3)
                return st;
            if (idx->cluster) {
                if (!fresh)
                    cluster_refresh(idx, true);
                fresh = false;
            } else {
                idx->db->reopen();
                load_langs(idx);
            }
        }
        res->missing = cluster_missing(idx);
        res->took_ms = std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - t0)
                           .count();
        *out = res;
        return NS_STATUS_OK;
    } catch (const Xapian::QueryParserError &e) {
        ns_results_free(res);
        idx->error = "cannot parse query: " + e.get_msg();
        return NS_STATUS_BAD_QUERY;
    } catch (...) {
        ns_status_t st = caught(idx);
        ns_results_free(res);
        return st;
    }
}

/* The names of the query language's fields, for a remark. */
static std::string field_list()
{
    std::string out;
    for (const SchemaField &f : SCHEMA_FIELDS)
        out += std::string(out.empty() ? "" : ", ") + f.name + ":";
    return out + ", date:";
}

/* Search TEXT instead of O's query; when it finds articles, its results
 * replace RES's and *FOUND is set.  The vectors move with their buffers:
 * hits keep pointing at their articles. */
static ns_status_t search_instead(ns_index_t *idx, const ns_search_opts_t *o,
                                  const std::string &text, ns_results_t *res,
                                  bool *found)
{
    ns_search_opts_t again = *o;
    again.query = text.c_str();
    std::unique_ptr<ns_results_t, void (*)(ns_results_t *)> other(
        new ns_results_t, ns_results_free);
    ns_status_t st = search_once(idx, &again, other.get());
    *found = st == NS_STATUS_OK && other->total > 0;
    if (*found)
        std::swap(*res, *other);
    return st;
}

bool libns::phrase_in_archive(ns_index_t *idx, const std::string &phrase,
                              unsigned budget_ms)
{
    const std::string text = "\"" + phrase + "\"";
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = text.c_str();
    o.limit = 1;
    o.snippet_len = 0;
    o.related = 0;
    o.collapse = 0;
    o.suggest = 0;
    o.time_limit_ms = budget_ms;
    std::unique_ptr<ns_results_t, void (*)(ns_results_t *)> res(
        new ns_results_t, ns_results_free);
    return search_once(idx, &o, res.get()) == NS_STATUS_OK && res->total > 0;
}

/* The mark that closes TEXT's last opening quotation mark, in its own
 * style: “ ” and « », „ “ as Norwegian and German write them, '"' for
 * the rest. */
static std::string closing_mark(const std::string &text)
{
    static const char *const pairs[][2] = {
        {"\u201c", "\u201d"}, {"\u00ab", "\u00bb"}, {"\u201e", "\u201c"}};
    size_t plain = text.rfind('"');
    size_t best = plain;
    std::string close = "\"";
    for (const auto &p : pairs) {
        size_t at = text.rfind(p[0]);
        if (at != std::string::npos &&
            (best == std::string::npos || at > best)) {
            best = at;
            close = p[1];
        }
    }
    return close;
}

/* A search, and what it falls back on when nothing matches: the words of
 * an unclosed quote, or of a name no field has joined to a word, and the
 * spelling suggestion (spelling.cc) when a word matches no article,
 * searched instead when nothing matches.  A query that matches costs no
 * second search (the total is known). */
static ns_status_t search_fallbacks(ns_index_t *idx, const ns_search_opts_t *o,
                                    ns_results_t *res)
{
    if (ns_status_t st = search_once(idx, o, res))
        return st;
    /* A date: value's time is left out as the parse leaves it out: its
     * colon was "'05t10:' is not a field name". */
    const std::string given = date_times_cut(o->query ? o->query : "");
    /* Search as you type: the word being typed is a prefix, never a typo
     * (a wildcard is not corrected). */
    const std::string text = o->partial ? partial_text(given, idx) : given;
    /* An unclosed quote makes a phrase of the rest of the query; a stray
     * quote is no reason for an empty page (README "Query language"). */
    const std::string words = unclosed_quote_words(text);
    const std::string phrase = unclosed_phrase(text);
    bool found = false;
    /* With hits too, when no article has the phrase: 'blair "brown
     * stand' showed blair's hits alone and never said that the words
     * after the quote were a phrase found nowhere.  A quote with no word
     * after it ('gordon brown"') opens no phrase: it was "no article has
     * the phrase", of the empty phrase, beside the right hits. */
    if (!res->timed_out && has_word(phrase) &&
        (res->total == 0 ||
         !phrase_in_archive(idx, phrase, o->time_limit_ms))) {
        search_instead(idx, o, words, res, &found);
        if (found)
            add_warning(res, "no article has the phrase of the unclosed "
                             "quote; showing the results for its words");
    }
    /* A name that is no field's, joined to a word: its words apart. */
    std::string names;
    std::vector<std::string> joined;
    const std::string apart = unknown_field_words(text, names, &joined);
    /* With hits too, when a name's phrase is in no article: "url:azure
     * cloud" was the phrase "url azure" beside "cloud", and showed
     * cloud's hits alone with no word of why.  "mission:impossible",
     * which some article has, stays the phrase. */
    bool dead = res->total == 0;
    for (size_t i = 0; !found && !dead && i < joined.size(); i++)
        dead = !phrase_in_archive(idx, joined[i], o->time_limit_ms);
    if (!found && !res->timed_out && !apart.empty() && dead) {
        search_instead(idx, o, apart, res, &found);
        bool one = names.find(',') == std::string::npos;
        add_warning(
            res, names +
                     (one ? " is not a field name" : " are not field names") +
                     " (the fields: " + field_list() + ")" +
                     (found ? "; searched as plain words" : ""));
    }
    /* After a fallback too: '"gordon brwon', a quotation pasted without
     * its closing mark, showed brwon's words with no "Did you mean",
     * where "gordon brwon" had one.  Its results are those the
     * suggestion is given beside (they are more than none). */
    /* On a cluster, from its spelling copies if any (spelling.cc). */
    if (!o->suggest || res->timed_out ||
        text.find_first_not_of(" \t\r\n") == std::string::npos)
        return NS_STATUS_OK;
    bool sure = false;
    std::string suggestion = suggest_query(
        idx, text, res->total >= NS_SUGGEST_BELOW, o->time_limit_ms,
        o->partial && word_in_progress(idx, given), &sure);
    if (suggestion.empty())
        return NS_STATUS_OK;
    /* In the words typed: the prefix's '*' was not (partial_text() adds
     * it again when the suggestion is searched). */
    if (text != given && suggestion.back() == '*')
        suggestion.pop_back();
    /* A quotation pasted without its closing mark ('"gordon brwon') is
     * offered closed when the archive has the corrected phrase: "Did you
     * mean: "gordon brown?" read as a typo of its own, and searched as
     * typed it fell back to the words again. */
    const std::string open_phrase = unclosed_phrase(suggestion);
    if (has_word(open_phrase) &&
        phrase_in_archive(idx, open_phrase, o->time_limit_ms)) {
        while (!suggestion.empty() && isspace((unsigned char)suggestion.back()))
            suggestion.pop_back();
        suggestion += closing_mark(suggestion);
    }
    if (res->total == 0) {
        /* The suggestion's search has a time budget of its own: a typo
         * may take up to twice opts.time_limit_ms.  One not sure enough
         * to be searched instead (a name corrected, spelling.cc) is
         * offered beside "No matches" when it finds articles: its results
         * searched unasked were BBC News' 413 "Market" hits for "Merkel". */
        ns_results_t *into = res;
        std::unique_ptr<ns_results_t, void (*)(ns_results_t *)> aside(
            sure ? nullptr : new ns_results_t, ns_results_free);
        if (!sure)
            into = aside.get();
        if (ns_status_t st = search_instead(idx, o, suggestion, into, &found))
            return st;
        if (!found)
            return NS_STATUS_OK; /* the suggestion finds nothing either */
        res->suggestion_used = sure;
    }
    /* Without the space a phone puts after each word: "Isreal " was
     * offered as "Israel ", to be searched again with it. */
    res->suggestion =
        suggestion.substr(0, suggestion.find_last_not_of(" \t\r\n") + 1);
    return NS_STATUS_OK;
}

ns_status_t ns_search(ns_index_t *idx, const ns_search_opts_t *o,
                      ns_results_t **out)
{
    return with_results(idx, out, [&](ns_results_t *res) {
        return search_fallbacks(idx, o, res);
    });
}

void ns_search_opts_init(ns_search_opts_t *o)
{
    memset(o, 0, sizeof *o);
    o->query = "";
    o->limit = 10;
    o->snippet_len = 200;
    o->related = 5;
    o->now = NS_NOW_NEWEST;
    o->recent_days = 30;
    o->collapse = 1;
    o->suggest = 1;
}

ns_status_t ns_related_to(ns_index_t *idx, const char *id,
                          const ns_search_opts_t *o, ns_results_t **out)
{
    return with_results(idx, out, [&](ns_results_t *res) {
        Xapian::docid did;
        if (!find_id(*idx->db, id, &did)) {
            idx->error = std::string("no article with id '") + id + "'";
            return NS_STATUS_NOT_FOUND;
        }
        ns_article_t self;
        std::string why;
        if (!decode(idx, did, idx->db->get_document(did).get_data(), &self,
                    why)) {
            idx->error = "stored article is damaged: " + why;
            return moved_on(idx) ? NS_STATUS_RETRY : NS_STATUS_XAPIAN;
        }
        res->arts.push_back(self);
        std::vector<const ns_article_t *> shown{&res->arts[0]};
        find_related(idx, {did}, shown, o, res);
        /* The article itself is not a hit of this call. */
        ns_article_clear(&res->arts[0]);
        res->arts.clear();
        return NS_STATUS_OK;
    });
}
