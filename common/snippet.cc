/* snippet.cc - The snippet of a hit: Xapian's passage where the query's
 * words meet, or the lead, as text with our highlight markers. */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"
#include "snippet-cut.h"

using namespace libns;

/* Xapian returns HTML: undo its escaping (it escapes &, < and > only, and
 * our markers are control bytes it leaves alone) and fold white space.
 * Only for Xapian's output: text as written (UNESCAPE false) keeps every
 * "&lt;" it has, or "&lt;img ...&gt;" in a body would turn into markup. */
static std::string unescape_snippet(const std::string &html,
                                    bool unescape = true)
{
    std::string out;
    out.reserve(html.size());
    bool space = false;
    for (size_t i = 0; i < html.size(); i++) {
        char c = html[i];
        if (c == '&' && unescape) {
            static const struct {
                const char *ent;
                char ch;
            } ents[] = {{"&amp;", '&'},
                        {"&lt;", '<'},
                        {"&gt;", '>'},
                        {"&quot;", '"'},
                        {"&#39;", '\''}};
            bool done = false;
            for (const auto &e : ents) {
                size_t n = strlen(e.ent);
                if (html.compare(i, n, e.ent) == 0) {
                    out += e.ch;
                    i += n - 1;
                    done = true;
                    break;
                }
            }
            if (done) {
                space = false;
                continue;
            }
        }
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!space && !out.empty())
                out += ' ';
            space = true;
            continue;
        }
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

/* Chinese, Japanese and Korean text is split as the index split it
 * (open.cc: FLAG_CJK_NGRAM): read as one long word, none of its n-grams
 * matched, so a hit for "上海" showed its lead unmarked.  Only for a text
 * with such letters: Xapian's n-grams take in full-width forms too, and
 * "ＩＭＦ", which the index reads as "imf" (write.cc plain_width) and
 * wide_marking() marks as written, would then be n-grams no query has. */
static unsigned snippet_flags(const std::string &text)
{
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned cp = *it;
        if (((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
             (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
             cp >= 0x20000) &&
            Xapian::Unicode::get_category(cp) == Xapian::Unicode::OTHER_LETTER)
            return Xapian::MSet::SNIPPET_CJK_NGRAM;
    }
    return 0;
}

/* What a snippet's text has for a mark written for an apostrophe: U+201B,
 * which Xapian reads as one and news hardly writes (plain_apostrophes). */
static const char *const SNIPPET_APOSTROPHE = "\u201b";

/* SN with each mark starting at the word it marks.  Xapian's snippet
 * skips a word over 64 bytes (a hash, a URL, a German compound) and puts
 * the text it skipped inside the next mark ("Commit <mark>3f78...001b
 * tapirsnout</mark>"), so a mark's leading words of more than 64 bytes,
 * and the white space after them, are moved out of it.  A term is never
 * that long (the indexer drops such words), so no matched word is. */
static std::string unmark_long_words(const std::string &sn)
{
    size_t start = sn.find(NS_HI_START);
    if (start == std::string::npos)
        return sn;
    std::string out = sn;
    for (; start != std::string::npos;
         start = out.find(NS_HI_START, start + 1)) {
        const size_t end = out.find(NS_HI_END, start);
        if (end == std::string::npos)
            break;
        size_t word = start + 1, skip = word;
        for (;;) {
            size_t sp = word;
            while (sp < end && out[sp] != ' ')
                sp++;
            if (sp == end || sp - word <= 64)
                break;
            while (sp < end && out[sp] == ' ')
                sp++;
            word = skip = sp;
        }
        if (skip > start + 1) {
            out.erase(start, 1);
            out.insert(skip - 1, NS_HI_START);
            start = skip - 1;
        }
    }
    return out;
}

/* SN with marks that touch made one: Xapian marks each character of a
 * CJK word on its own ("<mark>北</mark><mark>京</mark>"), which a page
 * would show as two highlights where one word was found. */
static std::string merged_marks(std::string sn)
{
    const std::string touch = std::string(NS_HI_END) + NS_HI_START;
    for (size_t at = 0; (at = sn.find(touch, at)) != std::string::npos;)
        sn.erase(at, touch.size());
    return sn;
}

/* The lower-cased words of TEXT, as Xapian's parser splits them. */
static std::vector<std::string> words_of(const char *text)
{
    std::vector<std::string> out;
    std::string w;
    for (Xapian::Utf8Iterator it(text ? text : ""), end;; ++it) {
        if (it != end && Xapian::Unicode::is_wordchar(*it)) {
            Xapian::Unicode::append_utf8(w, Xapian::Unicode::tolower(*it));
            continue;
        }
        if (!w.empty())
            out.push_back(w);
        w.clear();
        if (it == end)
            return out;
    }
}

/* SN with the marks taken off the words of LANG's stop list, when QUERY
 * has other words.  Those are never searched in LANG's articles, but an
 * index of several languages parses the query once for each (build_query)
 * and another language's parse keeps them, so Xapian would mark "the" and
 * "in" all over an English hit for "the election in Norway". */
static std::string unmark_stop_words(ns_index_t *idx, const std::string &sn,
                                     const char *lang, const char *query)
{
    if (idx->langs.size() < 2 || sn.find(NS_HI_START) == std::string::npos)
        return sn;
    const std::string l = lang && *lang ? lang : "en";
    bool other = false;
    for (const std::string &w : words_of(query))
        other = other || !stop_word(idx, l, w);
    if (!other)
        return sn;
    std::string out;
    size_t at = 0, start;
    while ((start = sn.find(NS_HI_START, at)) != std::string::npos) {
        size_t end = sn.find(NS_HI_END, start);
        if (end == std::string::npos)
            break;
        std::string w = sn.substr(start + 1, end - start - 1);
        std::vector<std::string> ws = words_of(w.c_str());
        bool stop = ws.size() == 1 && stop_word(idx, l, ws[0]);
        out += sn.substr(at, start - at);
        out += stop ? w : sn.substr(start, end + 1 - start);
        at = end + 1;
    }
    return out + sn.substr(at);
}

/* Whether OUT, whose last byte other than white space is at E, ends as a
 * sentence or a quote does: with a stop, a colon, a closing quote or
 * bracket, in ASCII or as the typographer's characters, or a dash. */
static bool ends_with_stop(const std::string &out, size_t e)
{
    if (strchr(".!?:;,\"')]", out[e]))
        return true;
    size_t start = e;
    while (start > 0 && ((unsigned char)out[start] & 0xc0) == 0x80)
        start--;
    static const char *const stops[] = {"\u2026", "\u201d", "\u2019", "\u00bb",
                                        "\u203a", "\u3002", "\u2014", "\u2013"};
    for (const char *st : stops)
        if (out.compare(start, e + 1 - start, st) == 0)
            return true;
    return false;
}

/* TEXT with a dash where a paragraph that ends without a stop (a heading,
 * a byline, a caption) meets the next.  Only white space parts them in the
 * stored text and a snippet folds it to one space, so a snippet running
 * over a heading read "in every country for many years. What Was Cut Off
 * Microsoft did not give...".  A dash rather than a full stop: a heading
 * is not a sentence, and a stop would claim it was one.  One pass: the
 * last byte that is not white space is followed, not searched for, so a
 * body of blank lines costs no more than any other. */
static std::string mark_paragraphs(const char *text)
{
    static const std::string dash = " \u2014";
    std::string out;
    size_t last = std::string::npos; /* in OUT */
    for (const char *p = text; *p; p++) {
        if (*p == '\n' && last != std::string::npos) {
            const char *q = p + 1;
            while (*q == ' ' || *q == '\t' || *q == '\r')
                q++;
            if (*q == '\n' && !ends_with_stop(out, last)) {
                out.insert(last + 1, dash);
                last += dash.size();
            }
        }
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            last = out.size();
        out += *p;
    }
    return out;
}

/* An MSet of no hits with Q's statistics: what snippets and titles are
 * marked by when the words to mark are not those of the match. */
Xapian::MSet libns::marking(ns_index_t *idx, const Xapian::Query &q)
{
    Xapian::Enquire words(*idx->db);
    words.set_query(q);
    words.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    return words.get_mset(0, 0);
}

/* Q without the words of LANG's stop list where it can do without them
 * (beside others under OR, SYNONYM or MAX, or as AND_MAYBE's optional
 * part): the words a hit in LANG was matched by, when another language's
 * parse kept those. */
static Xapian::Query unstopped(ns_index_t *idx, const Xapian::Query &q,
                               const std::string &lang)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (!rebuildable(op))
        return q;
    const bool optional =
        op == Q::OP_OR || op == Q::OP_SYNONYM || op == Q::OP_MAX;
    std::vector<Q> subs;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Q sub = q.get_subquery(i), leaf = sub;
        if (leaf.get_type() == Q::OP_SCALE_WEIGHT) /* "1.5 * Zof" */
            leaf = leaf.get_subquery(0);
        std::string prefix, word;
        if ((optional || (op == Q::OP_AND_MAYBE && i > 0)) &&
            leaf.get_type() == Q::LEAF_TERM &&
            split_text_term(as_written(*leaf.get_terms_begin()), prefix,
                            word) &&
            stop_word(idx, lang, word))
            continue;
        subs.push_back(unstopped(idx, sub, lang));
    }
    return subs.empty() ? q : Q(op, subs.begin(), subs.end());
}

/* The phrases of two words whose joined form is a word of Q ("e mail" for
 * "email"): the indexer adds the joined word of a hyphenated one (write.cc
 * joined_words), so "email" finds "e-mail", but the text a snippet is cut
 * from has "e" and "mail", which only such a phrase marks.  The words as
 * typed are split, and the stems of those that are their own stem (which
 * have no exact term): the stem alone gave "co found" for "cofounder",
 * and "nordnorg" none, so "co-founder" and "Nord-Norge" went unmarked.
 * Each split point of each word whose two parts are words of the index;
 * not on a cluster, where each look-up is a round trip to every shard. */
static void split_phrases(ns_index_t *idx, const Xapian::Query &q,
                          std::vector<Xapian::Query> &out)
{
    if (idx->cluster)
        return;
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end();
         ++t) {
        const std::string w = as_written(*t);
        if (w.size() < 3 || !islower((unsigned char)w[0]))
            continue;
        for (size_t k = 1; k + 1 < w.size() && out.size() < 64; k++) {
            std::string a = w.substr(0, k), b = w.substr(k);
            auto known = [&](const std::string &w) {
                return idx->db->term_exists(PREFIX_STEM + w) ||
                       idx->db->term_exists(w);
            };
            if (known(a) && known(b)) {
                Xapian::Query words[] = {Xapian::Query(a), Xapian::Query(b)};
                out.emplace_back(Xapian::Query::OP_PHRASE, words, words + 2);
            }
        }
    }
}

/* What a hit in LANG is marked by when MS's query marked none of its
 * words: Q without LANG's stop words (when STOPPED: only those were
 * marked), and the split forms of its words.  False when there is
 * nothing else to mark by. */
static bool remarking(ns_index_t *idx, const Xapian::Query &q, const char *lang,
                      bool stopped, Xapian::MSet *out)
{
    const std::string l = lang && *lang ? lang : "en";
    /* Every hit of a page asks with the same query: its splits are looked
     * up once (each a few lookups in the term list). */
    thread_local const ns_index_t *seen_idx = nullptr;
    thread_local std::string seen_query;
    thread_local std::vector<Xapian::Query> splits;
    std::string desc = q.get_description();
    if (seen_idx != idx || desc != seen_query) {
        splits.clear();
        split_phrases(idx, q, splits);
        seen_idx = idx;
        seen_query = std::move(desc);
    }
    std::vector<Xapian::Query> parts = splits;
    if (parts.empty() && !stopped)
        return false;
    parts.push_back(stopped ? unstopped(idx, q, l) : q);
    *out = marking(
        idx, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    return true;
}

/* What marks the words of TEXT: MS, or, when TEXT has full-width letters
 * ("ＩＭＦ"), MS's query Q with its words as they are written so too, into
 * *WIDE.  The index reads those letters as ASCII (write.cc plain_width),
 * but the snippet is cut from the text as written, where Xapian reads
 * "ＩＭＦ" as "ｉｍｆ", a word no query has: the hit was found by "imf"
 * and showed it unmarked.  Words of ASCII letters, digits and marks only,
 * as written and as stems (Z). */
static const Xapian::MSet &wide_marking(ns_index_t *idx, const Xapian::MSet &ms,
                                        const Xapian::Query &q,
                                        const char *text, Xapian::MSet *wide)
{
    std::string narrow;
    if (!plain_width(text, strlen(text), narrow))
        return ms;
    std::vector<Xapian::Query> parts{q};
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) {
        const std::string &term = *t;
        const size_t p = term[0] == PREFIX_STEM[0] ? 1 : 0;
        std::string written = term.substr(0, p);
        bool plain = term.size() > p && !isupper((unsigned char)term[p]);
        for (size_t i = p; i < term.size() && plain; i++) {
            const unsigned char c = (unsigned char)term[i];
            plain = c > ' ' && c < 0x7f;
            Xapian::Unicode::append_utf8(written, c + 0xfee0);
        }
        if (plain)
            parts.emplace_back(written);
    }
    *wide = marking(
        idx, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    return *wide;
}

/* The bytes a phrase of Q would take at least in a text: its words and a
 * space after each; the longest of Q's phrases, or 0 for none. */
static size_t longest_phrase(const Xapian::Query &q)
{
    size_t most = 0;
    if (q.get_type() == Xapian::Query::OP_PHRASE) {
        size_t n = 0;
        for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
            n += as_written(*t).size() + 1;
        most = n;
    }
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        most = std::max(most, longest_phrase(q.get_subquery(i)));
    return most;
}

/* SN, a passage cut wide enough to hold a phrase whole, as a snippet of
 * LEN bytes of text that starts where the first mark does ("..." before
 * it when text precedes), ends at a space within LEN and closes a mark
 * left open there: as much of the phrase marked as fits, as
 * Elasticsearch's highlighter shows one longer than its fragment.  When
 * no space is within LEN, at the end of the word there: a byte count cut
 * "Øyafestivalen" inside its "Ø" at 1 byte, and the JSON, which cannot
 * hold half a character, lost its snippet. */
static std::string from_first_mark(const std::string &sn, size_t len)
{
    const size_t start = sn.find(NS_HI_START);
    if (start == std::string::npos)
        return sn;
    std::string out = start > 0 ? "..." : "";
    size_t shown = 0, space = std::string::npos, i = start;
    bool open = false, open_at_space = false;
    for (; i < sn.size() && (shown < len || space == std::string::npos); i++) {
        const char c = sn[i];
        size_t n;
        const unsigned cp =
            ((unsigned char)c & 0xc0) == 0x80 ? 'x' : utf8_at(sn, i, &n);
        if (shown >= len && (!Xapian::Unicode::is_wordchar(cp) || cp >= 0x2e80))
            break; /* the word's end; CJK has a word to a character */
        if (c == NS_HI_START[0] || c == NS_HI_END[0]) {
            open = c == NS_HI_START[0];
        } else {
            shown++;
            if (c == ' ')
                space = out.size(), open_at_space = open;
        }
        out += c;
    }
    if (i >= sn.size())
        return out;
    /* Cut at the last space, never inside a word nor a UTF-8 character
     * (a space is never inside one); the first word is shown whole. */
    if (space != std::string::npos) {
        out.resize(space);
        open = open_at_space;
    }
    if (open)
        out += NS_HI_END;
    return out + "...";
}

/* The snippet of ART: the passage where the query's words meet, or, when
 * none of them is in the text (a blank query, filters only, title:word),
 * the lead: the start of the body.  Xapian's snippet without a match is
 * the text's last passage, which reads as a random cut. */
std::string libns::snippet_of(ns_index_t *idx, const Xapian::MSet &ms,
                              const Xapian::Query &q, const ns_article_t *art,
                              const ns_search_opts_t *o, bool blank)
{
    /* No body, no snippet, whatever the query: the headline, which
     * title_html marks, was shown again as the snippet of a word query
     * but not of the empty one. */
    if (!art->body || !*art->body)
        return "";
    if (!blank) {
        /* Long runs of symbols shortened (snippet-runs.cc), or the word
         * after one could never be shown. */
        const char *from = art->body;
        /* "interna-\ntional" as the index reads it, "international"
         * (line-breaks.cc): the word a query finds it by is marked, and
         * the snippet reads as the page did. */
        std::string unbroken;
        if (unbroken_words(from, strlen(from), unbroken))
            from = unbroken.c_str();
        /* "\ufb01nancial" as "financial", the word the index has
         * (write.cc plain_width), or the snippet marks none of it. */
        std::string plain;
        if (plain_ligatures(from, strlen(from), plain))
            from = plain.c_str();
        std::string text =
            shortened_runs(mark_paragraphs(from), o->snippet_len);
        /* Letters written decomposed are read composed, as the index has
         * them (write.cc indexed_text): Xapian reads "a" and a combining
         * ring as a word of its own spelling, which the look-ups of a
         * query's other spellings (those with "å" for "aa") never
         * find.  The snippet shows them composed, which reads the same. */
        std::string whole;
        if (composed(text.data(), text.size(), whole))
            text = std::move(whole);
        /* "L'Europe" is read as "L" and "Europe" (elision.cc), the word
         * the index has, and shown as written. */
        std::string split;
        if (without_elisions(text.data(), text.size(), art->lang, ELISION_SPLIT,
                             split))
            text = std::move(split);
        /* The marks written for an apostrophe ("Kyiv\u02bcs", "O\u2018Neill")
         * as U+201B, which Xapian reads as one, as the index has them
         * (apostrophes.cc), and shown as written. */
        std::vector<std::string> was;
        std::string apos;
        if (text.find(SNIPPET_APOSTROPHE) == std::string::npos &&
            plain_apostrophes(text.data(), text.size(), apos,
                              SNIPPET_APOSTROPHE, &was))
            text = std::move(apos);
        Xapian::MSet wide;
        const Xapian::MSet &by = wide_marking(idx, ms, q, text.c_str(), &wide);
        /* EXHAUSTIVE without the background model: the background model
         * costs ~1.2 ms a hit (XAPIAN-NOTES.md), while EXHAUSTIVE alone
         * added 0.05 ms to a top-10 query on Reuters (p50 0.61 -> 0.66 ms)
         * and finds the passage where most query words meet instead of the
         * first one that has any. */
        auto cut = [&](const Xapian::MSet &by, std::string *raw, size_t len) {
            std::string sn =
                by.snippet(text, len, stemmer_for(idx, art->lang),
                           snippet_flags(text) |
                               Xapian::MSet::SNIPPET_EXHAUSTIVE,
                           NS_HI_START, NS_HI_END, SNIPPET_OMIT);
            sn = snippet_ends(sn, text);
            restore_apostrophes(sn, text, SNIPPET_APOSTROPHE, was);
            *raw = unmark_long_words(unescape_snippet(sn));
            restore_elisions(*raw);
            return merged_marks(
                unmark_stop_words(idx, *raw, art->lang, o->query));
        };
        std::string raw, sn = cut(by, &raw, o->snippet_len);
        /* Nothing marked: the passage was chosen for stop words ("of" of
         * "of azure", kept by the Norwegian parse, in an English hit), or
         * the words are in the text split ("email" as "e-mail"); cut
         * again without the one and with the other. */
        Xapian::MSet again;
        if (sn.find(NS_HI_START) == std::string::npos &&
            remarking(idx, q, art->lang,
                      raw.find(NS_HI_START) != std::string::npos, &again))
            sn = cut(again, &raw, o->snippet_len);
        /* A phrase longer than the snippet: Xapian marks a phrase only
         * where the whole of it is in the passage, so it marked nothing,
         * or the query's other words, and the hit showed its lead.  Cut
         * again wide enough for the phrase, and show the passage from
         * where it starts, with as much of it marked as fits. */
        const size_t phrase = longest_phrase(q);
        if (phrase >= (size_t)o->snippet_len && o->snippet_len > 0) {
            const size_t wide_len =
                std::min(text.size(), phrase * 4 + (size_t)o->snippet_len);
            std::string wide_raw, wide_sn = cut(by, &wide_raw, wide_len);
            if (wide_sn.find(NS_HI_START) != std::string::npos)
                sn = from_first_mark(wide_sn, o->snippet_len);
        }
        if (sn.find(NS_HI_START) != std::string::npos)
            return sn;
    }
    /* The lead's paragraphs are marked on as much of the body as the cut
     * shows, and the white space after it up to the next other byte (which
     * says whether a break there is a paragraph's): not on all of a body
     * that may run to megabytes. */
    const char *text = art->body ? art->body : "";
    const size_t len = strlen(text);
    size_t n = std::min(len, (size_t)o->snippet_len);
    while (n < len && isspace((unsigned char)text[n]))
        n++;
    /* And the bytes of a character that runs past the length: up to the
     * 64 cluster_end looks on, and the rest of a UTF-8 sequence there. */
    const size_t head = std::min(len, n + 1 + 64 + 4);
    std::string body = mark_paragraphs(std::string(text, head).c_str());
    /* Never cut inside a character as a reader sees it (a flag, an emoji
     * family, a letter and its accent), nor a UTF-8 sequence: back to the
     * last place between two within the length, or, when the first is
     * longer, after the whole of it. */
    size_t keep = std::min(body.size(), (size_t)o->snippet_len);
    if (keep < body.size()) {
        keep = cluster_start(body, keep);
        if (keep == 0)
            keep = cluster_end(body, 1);
    }
    std::string cut = body.substr(0, keep);
    /* Nor inside a word ("It said the Lou..."), as Xapian's snippets
     * around a match are not: back to the last space within the length
     * ("25.60" is not cut at its stop), unless the first word alone is
     * longer. */
    if (body.size() > cut.size() && !cut.empty() &&
        !isspace((unsigned char)body[cut.size()]) &&
        !isspace((unsigned char)cut.back())) {
        size_t n = cut.size();
        while (n > 0 && !isspace((unsigned char)cut[n - 1]))
            n--;
        if (n > 0) {
            cut.resize(n);
            while (!cut.empty() && isspace((unsigned char)cut.back()))
                cut.pop_back();
        }
    }
    /* A cut after a sentence's stop says so itself: "months." with "..."
     * read "months...." (42 of 2,000 BBC leads). */
    const bool more = body.size() > cut.size() || head < len;
    const std::string lead = unescape_snippet(cut, false);
    const bool stop = !lead.empty() && strchr(".!?", lead.back());
    return lead + (more && !stop ? "..." : "");
}

/* The title of hit ART with the query's matched words marked, for a page
 * that shows them in the title as in the snippet; "" when none is there
 * (a body match, filters only).  Xapian's snippet over the whole title:
 * its length is the title's, so nothing is cut, and its escaping is undone
 * as the snippet's is.  Should its white space differ from the title's
 * (Xapian folds it), the title is left unmarked rather than changed. */
std::string libns::title_marked(ns_index_t *idx, const Xapian::MSet &ms,
                                const Xapian::Query &q, const ns_article_t *art,
                                const ns_search_opts_t *o)
{
    const char *title = art->title ? art->title : "";
    const size_t len = strlen(title);
    if (!len || len > 4096)
        return "";
    /* Marked with its elided articles apart (see snippet_of): SPLIT has
     * the title's length, so the maps below hold for it. */
    std::string split, apos;
    std::vector<std::string> was;
    auto mark = [&](const Xapian::MSet &by) {
        const std::string read = !apos.empty()    ? apos
                                 : !split.empty() ? split
                                                  : std::string(title);
        std::string sn =
            by.snippet(read, len * 2 + 16, stemmer_for(idx, art->lang),
                       snippet_flags(read), NS_HI_START, NS_HI_END, "");
        restore_apostrophes(sn, read, SNIPPET_APOSTROPHE, was);
        std::string marked = unmark_long_words(unescape_snippet(sn));
        restore_elisions(marked);
        return merged_marks(
            unmark_stop_words(idx, marked, art->lang, o->query));
    };
    /* Marked composed (see snippet_of), shown as written: FROM maps the
     * composed title back to the title's bytes. */
    const char *const written = title;
    std::string whole;
    std::vector<size_t> from;
    if (composed(title, len, whole, &from))
        title = whole.c_str();
    without_elisions(title, strlen(title), art->lang, ELISION_SPLIT, split);
    /* Its apostrophes as the index reads them (see snippet_of). */
    {
        const std::string &t = split.empty() ? std::string(title) : split;
        if (t.find(SNIPPET_APOSTROPHE) == std::string::npos)
            plain_apostrophes(t.data(), t.size(), apos, SNIPPET_APOSTROPHE,
                              &was);
    }
    Xapian::MSet wide;
    std::string marked = mark(wide_marking(idx, ms, q, title, &wide));
    /* A word the title writes split ("E-mail scams" for email). */
    Xapian::MSet again;
    if (marked.find(NS_HI_START) == std::string::npos &&
        remarking(idx, q, art->lang, false, &again))
        marked = mark(again);
    if (marked.find(NS_HI_START) == std::string::npos)
        return "";
    std::string plain;
    for (char c : marked)
        if (c != NS_HI_START[0] && c != NS_HI_END[0])
            plain += c;
    /* Xapian leaves off what it would not end or start a snippet with:
     * the stop and the quote of 'Minister: "We will not resign."', the
     * bracket of "motorcycles?]", a leading "*".  The title has the rest
     * once, whole words from its first to its last: those are put back. */
    const size_t at = std::string(title).find(plain);
    if (plain.empty() || at == std::string::npos)
        return "";
    if (plain.size() != strlen(title)) {
        marked = std::string(title, at) + marked + (title + at + plain.size());
        plain = title;
    }
    if (title == written)
        return marked;
    /* Each run between markers back to the bytes it was composed from;
     * markers stand between words, so never inside a letter. */
    std::string out;
    size_t k = 0; /* in the composed title */
    for (size_t i = 0; i < marked.size();) {
        if (marked[i] == NS_HI_START[0] || marked[i] == NS_HI_END[0]) {
            out += marked[i++];
            continue;
        }
        size_t e = k + 1; /* one character */
        while (e < plain.size() && ((unsigned char)plain[e] & 0xc0) == 0x80)
            e++;
        out.append(written + from[k], from[e] - from[k]);
        i += e - k;
        k = e;
    }
    return out;
}
