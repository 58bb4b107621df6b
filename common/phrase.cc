/* phrase.cc - Phrase and NEAR queries on an index without positions: the
 * query tree evaluated on each candidate's own text. */
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* The index has no positions, so Xapian runs a phrase as the AND of its
 * words.  Each candidate is then checked against its own text: the query
 * tree is evaluated on it, with the phrase and NEAR nodes exact.  A plain
 * phrase is decided by the quick tests when they can (phrase_prefilter on
 * the stored JSON, then phrase_scan on each field); otherwise the article
 * is re-tokenised by Xapian with positions (the same field layout as the
 * index, see index_fields).  Leaves the text cannot decide (date
 * ranges, wildcards) are "unknown" and trusted to Xapian (three-valued
 * logic), so a candidate is dropped only when the query is certainly
 * false for it.  Known limit: a phrase under NOT ("a -"b c"") excludes the
 * articles that have all its words, as Xapian ran it. */
enum tri { T_FALSE = 0, T_TRUE = 1, T_UNKNOWN = 2 };

static tri tri_and(tri a, tri b)
{
    if (a == T_FALSE || b == T_FALSE)
        return T_FALSE;
    return a == T_TRUE && b == T_TRUE ? T_TRUE : T_UNKNOWN;
}

static tri tri_or(tri a, tri b)
{
    if (a == T_TRUE || b == T_TRUE)
        return T_TRUE;
    return a == T_FALSE && b == T_FALSE ? T_FALSE : T_UNKNOWN;
}

static tri tri_not(tri a)
{
    return a == T_UNKNOWN ? T_UNKNOWN : (a == T_TRUE ? T_FALSE : T_TRUE);
}

bool libns::has_positional(const Xapian::Query &q)
{
    auto op = q.get_type();
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR ||
        checked_word(q))
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_positional(q.get_subquery(i)))
            return true;
    return false;
}

struct Candidate {
    const ns_index_t *idx;
    Xapian::docid did;
    Xapian::Document doc; /* lazy: data and values read on first use */
    std::string json;     /* the stored article, inflated */
    bool have_json;
    bool damaged;     /* the stored article cannot be read */
    ns_article_t art; /* decoded from json when needed */
    bool decoded;
    Xapian::Document text; /* the article re-tokenised with positions */
    bool built;            /* text is filled in */
    bool sig_only;   /* decide by the pair signature alone (SignatureFilter) */
    std::string low; /* json lower-cased, once a phrase's prefilter read it */
};

/* The candidate's stored article as JSON, read and inflated on first use:
 * a phrase the pair signature rules out never reads it.  Empty and
 * DAMAGED when it cannot be read. */
static const std::string &cand_json(Candidate &c)
{
    if (c.have_json)
        return c.json;
    c.have_json = true;
    std::string data = c.doc.get_data();
    if (!data.empty() && data[0] == ZDICT_MARK) {
        const std::string &dict = zdict_for(c.idx, c.did);
        if (dict.empty() || !inflate_with(dict, data, c.json)) {
            c.json.clear();
            c.damaged = true;
        }
    } else {
        c.json = std::move(data);
    }
    return c.json;
}

/* The candidate's article, decoded on first use; NULL if damaged. */
static const ns_article_t *cand_article(Candidate &c)
{
    if (!c.decoded) {
        const std::string &json = cand_json(c);
        if (c.damaged)
            return nullptr;
        char err[256];
        if (ns_article_from_json(json.data(), json.size(), &c.art, err,
                                 sizeof err) < 0) {
            c.damaged = true;
            return nullptr;
        }
        c.decoded = true;
    }
    return &c.art;
}

/* Does the pair signature rule out phrase WORDS for the candidate? */
static bool signature_rules_out(Candidate &c,
                                const std::vector<std::string> &words)
{
    static const bool off = getenv("NSEARCH_NO_PAIR_SIGNATURE") != nullptr;
    if (off || words.size() < 2)
        return false;
    for (size_t i = 0; i + 1 < words.size(); i++)
        if (signature_lacks(c.doc, signature_hash(words[i], words[i + 1])))
            return true;
    return false;
}

/* Re-tokenise the candidate, once, when a phrase really needs checking. */
static void build_text(Candidate &c)
{
    if (c.built)
        return;
    c.built = true;
    const ns_article_t *art = cand_article(c);
    if (!art)
        return;
    Xapian::TermGenerator tg;
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_document(c.text);
    index_fields(tg, art, true);
}

/* Whether the quick test applies to this phrase, and its words.  With
 * POSSESSIVE, a word may end in "'s" ("minister's"), and *POSSESSIVE says
 * whether one does: only the prefilter reads those. */
static bool plain_phrase(const Xapian::Query &q,
                         std::vector<std::string> &words, std::string &prefix,
                         bool *possessive = nullptr)
{
    static const bool off = getenv("NSEARCH_NO_PHRASE_PREFILTER") != nullptr;
    if (off || (q.get_type() != Xapian::Query::OP_PHRASE &&
                q.get_type() != Xapian::Query::OP_NEAR))
        return false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return false;
        std::string term = as_written(*sub.get_terms_begin());
        size_t p = 0;
        while (p < term.size() && term[p] >= 'A' && term[p] <= 'Z')
            p++;
        std::string pre = term.substr(0, p), w = term.substr(p);
        if (i == 0)
            prefix = pre;
        else if (pre != prefix)
            return false;
        const bool poss =
            possessive && w.size() > 2 && !w.compare(w.size() - 2, 2, "'s");
        if (poss)
            *possessive = true;
        if (w.empty())
            return false;
        for (char ch : w.substr(0, poss ? w.size() - 2 : w.size()))
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
                return false;
        words.push_back(w);
    }
    return !words.empty();
}

static size_t near_window(const Xapian::Query &q);

/* The quick test over the fields the phrase's prefix searches.  Unprefixed
 * words are in the title, headings, section, tags, byline and body
 * (index_fields), each its own run of positions; first the whole stored
 * JSON is scanned at once (no article built: most candidates end there,
 * with "no"), then, for the few left, each field on its own, where "yes"
 * can be trusted.  The keys and other strings of the JSON can only add
 * "maybe"s. */
static scan phrase_match(const Xapian::Query &q, Candidate &c)
{
    std::vector<std::string> words;
    std::string prefix;
    bool possessive = false;
    if (!plain_phrase(q, words, prefix, &possessive))
        return SCAN_MAYBE;
    /* ADJ/n is a phrase with a window ("a ADJ/3 b"): the words in order
     * within it.  Pairs and the prefilter know only words side by side,
     * so such a phrase is scanned as NEAR in its window (the same words
     * in any order), and only a "no" is trusted. */
    const bool phrase = exact_phrase(q);
    const bool ordered = q.get_type() == Xapian::Query::OP_PHRASE && !phrase;
    /* Title and heading runs are runs of the default field too: the
     * signature speaks for them, and for no other field (author:).  It
     * records "minister's" as the word it is, so a possessive's pairs are
     * read there first: without that, each candidate of "renault net"
     * that has "renault's" was left to the text, 16 -> 60 ms at a million
     * articles. */
    if (phrase &&
        (prefix.empty() || prefix == PREFIX_TITLE ||
         prefix == PREFIX_HEADING) &&
        signature_rules_out(c, words))
        return SCAN_NO;
    /* A phrase with a possessive ("prime minister's", phrase-fold.cc) is
     * left to Xapian's own reading, but only where the prefilter finds it
     * in the stored JSON: most candidates of "on december" have neither
     * that nor "on december's", and re-tokenising each took that query
     * from 25 to 160 ms on BBC News. */
    if (possessive)
        return phrase && prefix.empty() && !c.sig_only &&
                       !phrase_prefilter(words, cand_json(c), &c.low)
                   ? SCAN_NO
                   : SCAN_MAYBE;
    /* NEAR: per field, which is exact while the window cannot reach from
     * one field into the next (index_fields leaves FIELD_GAP between). */
    size_t near = 0;
    if (q.get_type() == Xapian::Query::OP_NEAR || ordered) {
        near = near_window(q);
        if (near == 0 || near > FIELD_GAP)
            return SCAN_MAYBE;
    }
    if (c.sig_only)
        return SCAN_MAYBE;
    if (prefix.empty() && !near &&
        !phrase_prefilter(words, cand_json(c), &c.low))
        return SCAN_NO;
    std::vector<const char *> fields;
    const ns_article_t *a = cand_article(c);
    if (!a || !field_texts(a, prefix, fields))
        return SCAN_MAYBE;
    scan result = SCAN_NO;
    for (const char *f : fields) {
        /* The text as index_fields gave it to Xapian ("ＧＤＰ" as "GDP"). */
        std::string read;
        f = indexed_text(f, read, a->lang);
        scan r = phrase_scan(words, f, f ? strlen(f) : 0, near);
        if (r == SCAN_YES && !ordered)
            return SCAN_YES;
        if (r != SCAN_NO)
            result = SCAN_MAYBE;
    }
    return result;
}

/* Does the candidate have TERM?  One look-up in its term list. */
static bool has_term(const Candidate &c, const std::string &term)
{
    const Xapian::Database &db = *c.idx->db;
    Xapian::TermIterator t = db.termlist_begin(c.did);
    t.skip_to(term);
    return t != db.termlist_end(c.did) && *t == term;
}

static std::string leaf_term(const Xapian::Query &q)
{
    Xapian::TermIterator t = q.get_terms_begin();
    return t == q.get_terms_end() ? std::string() : *t;
}

static size_t near_window(const Xapian::Query &q)
{
    return positional_window(q);
}

static tri positional_match(const Xapian::Query &q, Candidate &c)
{
    scan quick = phrase_match(q, c);
    if (quick != SCAN_MAYBE)
        return quick == SCAN_YES ? T_TRUE : T_FALSE;
    if (c.sig_only)
        return T_UNKNOWN;
    size_t n = q.get_num_subqueries();
    /* An article is re-tokenised only when it has each of the words: a
     * phrase the quick test cannot read (another spelling, a possessive:
     * phrase-fold.cc) is one of an OR, and most candidates have the words
     * of another.  A look-up each in the term list, where re-tokenising
     * every candidate of "on december" for "on december's" took it from
     * 25 to 160 ms on BBC News. */
    for (size_t i = 0; i < n; i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() == Xapian::Query::LEAF_TERM &&
            !has_term(c, leaf_term(sub)))
            return T_FALSE;
    }
    build_text(c);
    std::vector<std::vector<Xapian::termpos>> pos(n);
    for (size_t i = 0; i < n; i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return T_UNKNOWN;
        std::string term = as_written(leaf_term(sub));
        for (auto p = c.text.termlist_begin(); p != c.text.termlist_end();) {
            p.skip_to(term);
            if (p != c.text.termlist_end() && *p == term)
                for (auto x = p.positionlist_begin(); x != p.positionlist_end();
                     ++x)
                    pos[i].push_back(*x);
            break;
        }
        if (pos[i].empty())
            return T_FALSE;
    }
    if (q.get_type() == Xapian::Query::OP_PHRASE && !exact_phrase(q)) {
        /* ADJ/n: from each position of the first word, the first of each
         * next word after the one before, which ends the run soonest; all
         * within the window (Xapian: last - first < window). */
        const size_t window = near_window(q);
        for (Xapian::termpos start : pos[0]) {
            Xapian::termpos at = start;
            bool ok = true;
            for (size_t i = 1; i < n && ok; i++) {
                auto next = std::upper_bound(pos[i].begin(), pos[i].end(), at);
                ok = next != pos[i].end() && *next - start < window;
                if (ok)
                    at = *next;
            }
            if (ok)
                return T_TRUE;
        }
        return T_FALSE;
    }
    if (q.get_type() == Xapian::Query::OP_PHRASE) {
        /* Each position of the first word starts a candidate run. */
        for (Xapian::termpos start : pos[0]) {
            bool ok = true;
            for (size_t i = 1; i < n && ok; i++)
                ok = std::binary_search(pos[i].begin(), pos[i].end(),
                                        start + (Xapian::termpos)i);
            if (ok)
                return T_TRUE;
        }
        return T_FALSE;
    }
    /* NEAR: one position of each word, all within the window. */
    return near_positions(pos, near_window(q)) ? T_TRUE : T_FALSE;
}

/* A word quoted alone that is its own stem (quoted-word.cc): Xapian
 * matched its stem term, which other forms share ("elect" in "elected"),
 * so the text must have the word itself, or its possessive, as Xapian
 * splits the text.  The quick tests first, as for a phrase; a possessive
 * in the text, or what they cannot read, is left to Xapian's reading. */
static tri word_match(const std::string &term, Candidate &c)
{
    std::string prefix, word;
    split_text_term(as_written(term), prefix, word);
    const std::vector<std::string> words{word};
    const bool plain =
        !word.empty() && std::all_of(word.begin(), word.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        });
    const ns_article_t *a = plain ? cand_article(c) : nullptr;
    std::vector<const char *> fields;
    if (a && field_texts(a, prefix, fields)) {
        if (!phrase_prefilter(words, cand_json(c), &c.low))
            return T_FALSE;
        scan result = SCAN_NO;
        for (const char *f : fields) {
            std::string read;
            f = indexed_text(f, read, a->lang);
            scan r = phrase_scan(words, f, f ? strlen(f) : 0, 0);
            if (r == SCAN_YES)
                return T_TRUE;
            if (r == SCAN_MAYBE)
                result = SCAN_MAYBE;
        }
        /* The scan reads "elect's" as another word: only where the text
         * has the word before an apostrophe of some kind is it re-read. */
        bool apostrophe = false;
        for (size_t at = c.low.find(word); at != std::string::npos && !apostrophe;
             at = c.low.find(word, at + 1)) {
            unsigned char next = (unsigned char)c.low[at + word.size()];
            apostrophe = (next && strchr("'`\\", next)) || next >= 0x80;
        }
        if (result == SCAN_NO && !apostrophe)
            return T_FALSE;
    }
    build_text(c);
    const std::string written = prefix + word;
    for (const std::string &t : {written, written + "'s"}) {
        auto p = c.text.termlist_begin();
        p.skip_to(t);
        if (p != c.text.termlist_end() && *p == t)
            return T_TRUE;
    }
    return T_FALSE;
}

static tri evaluate(const Xapian::Query &q, Candidate &c)
{
    using Q = Xapian::Query;
    size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
    case Q::LEAF_TERM:
        /* Under the matcher (sig_only) Xapian has matched the terms. */
        if (c.sig_only)
            return T_UNKNOWN;
        if (checked_word(q))
            return word_match(leaf_term(q), c);
        return has_term(c, leaf_term(q)) ? T_TRUE : T_FALSE;
    case Q::LEAF_MATCH_ALL:
        return T_TRUE;
    case Q::LEAF_MATCH_NOTHING:
        return T_FALSE;
    case Q::OP_PHRASE:
    case Q::OP_NEAR:
        return positional_match(q, c);
    case Q::OP_AND:
    case Q::OP_FILTER: {
        /* Phrases first: a failed one settles it without term look-ups. */
        tri r = T_TRUE;
        for (int pass = 0; pass < 2 && r != T_FALSE; pass++)
            for (size_t i = 0; i < n && r != T_FALSE; i++) {
                Xapian::Query sub = q.get_subquery(i);
                if (has_positional(sub) == (pass == 0))
                    r = tri_and(r, evaluate(sub, c));
            }
        return r;
    }
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET: {
        /* The first that holds settles it: the rest may be phrases that
         * need the article re-tokenised (other spellings, phrase-fold.cc). */
        tri r = T_FALSE;
        for (size_t i = 0; i < n && r != T_TRUE; i++)
            r = tri_or(r, evaluate(q.get_subquery(i), c));
        return r;
    }
    case Q::OP_AND_NOT: {
        tri r = n ? evaluate(q.get_subquery(0), c) : T_FALSE;
        for (size_t i = 1; i < n; i++)
            r = tri_and(r, tri_not(evaluate(q.get_subquery(i), c)));
        return r;
    }
    case Q::OP_AND_MAYBE:
    case Q::OP_SCALE_WEIGHT:
        return n ? evaluate(q.get_subquery(0), c) : T_UNKNOWN;
    default:
        /* Value ranges, wildcards, XOR, posting sources. */
        return T_UNKNOWN;
    }
}

/* The query Xapian runs when phrases are checked afterwards: a phrase
 * under NOT becomes "nothing" there, since running it as the AND of its
 * words would drop articles that have the words but not the phrase; the
 * check then applies the real NOT.  Only parameterless operators are
 * rebuilt (the 1.4 API does not expose windows or scale factors); a phrase
 * under NOT below any other operator stays as Xapian runs it. */
Xapian::Query libns::relax(const Xapian::Query &q, bool negative)
{
    using Q = Xapian::Query;
    if (!has_positional(q))
        return q;
    auto op = q.get_type();
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR || checked_word(q))
        return negative ? Q::MatchNothing : q;
    /* XOR is left as Xapian runs it: its relaxed form could lose an
     * article that has a phrase's words apart and the other side. */
    if (op == Q::OP_XOR)
        return q;
    return map_subqueries(q, [&](const Q &sub, size_t k) {
        return relax(sub, negative != (op == Q::OP_AND_NOT && k > 0));
    });
}

/* Does the article match Q exactly?  Only called for queries with a
 * phrase or NEAR on an index without positions.  (Keeping only the
 * phrases' words with a stopper would halve the cost, but Xapian does not
 * advance positions past stopped words, so "a x b" would match "a b".) */
bool libns::check_phrases(const ns_index_t *idx, const Xapian::Query &q,
                          Xapian::docid did, const Xapian::Document &doc,
                          ns_article_t *art_out, bool *damaged)
{
    Candidate c{idx,
                did,
                doc,
                std::string(),
                false,
                false,
                ns_article_t(),
                false,
                Xapian::Document(),
                false,
                false,
                std::string()};
    bool ok = evaluate(q, c) != T_FALSE;
    if (ok)
        cand_article(c);
    *damaged = c.damaged;
    if (c.damaged)
        ok = false;
    if (ok) {
        *art_out = c.art; /* ownership moves to the caller */
        c.decoded = false;
    }
    if (c.decoded)
        ns_article_clear(&c.art);
    return ok;
}

/* The matches of Q among the candidates of MS, of which the first CHECKED
 * were checked and PASSED passed: the rest by the share of a sample of at
 * most 20 of those fetched and not checked, taken evenly by rank (when
 * SAMPLE, and some are left; else by the share of the first).  The share
 * of the first ranks overcounted, since the best ranked have the phrase
 * most often: on the 100,000-article archive "business loans" said about
 * 1,846 matches where 95 have it; on Reuters "loss two" 305 where 70 (a
 * phrase's candidates are the AND of its words).  The sample's share is
 * taken by Laplace's rule, (yes + 1) / (n + 2), as the page's pass rate
 * is (checked_page): a sample without a match says the phrase is rare,
 * not absent ("three mln", 720 matches, was 11 by the plain share).  The
 * sample costs a page whose total is not exact up to 20 checks more. */
uint64_t libns::phrase_total(const ns_index_t *idx, const Xapian::Query &q,
                             const Xapian::MSet &ms, size_t checked,
                             size_t passed, bool sample)
{
    size_t left = ms.size() > checked ? ms.size() - checked : 0;
    size_t take = sample ? std::min(left, (size_t)20) : 0, yes = 0;
    for (size_t k = 0; k < take; k++) {
        Xapian::MSetIterator it =
            ms[(Xapian::doccount)(checked + k * left / take)];
        ns_article_t art;
        bool damaged;
        if (check_phrases(idx, q, *it, it.get_document(), &art, &damaged)) {
            yes++;
            ns_article_clear(&art);
        }
    }
    double share = take      ? (double)(yes + 1) / (double)(take + 2)
                   : checked ? (double)passed / (double)checked
                             : 0;
    double rest = (double)ms.get_matches_estimated() - (double)checked;
    return passed + (uint64_t)(std::max(0.0, rest) * share);
}

/* The matcher asks about every candidate in docid order, so the parts
 * of the signature can be read from their streams, where the check asks
 * one article at a time in rank order and needs a fetch of candidates
 * ranked first.  So the pair signature also runs inside Xapian's match,
 * and the ranked candidates are only those it lets through.  (A
 * PostingSource filter in the query instead of a match decider would
 * spare Xapian a document object a candidate, 30% of the filtering match
 * of "registration securities" when tried, but the match's estimates
 * would then not know the filter's pass rate.) */
/* Has Q a phrase of the default field, title: or heading: with a pair
 * the signature records? */
static bool signed_phrase(const Xapian::Query &q)
{
    std::vector<std::string> words;
    std::string prefix;
    bool possessive; /* "minister's" is a word of the signature too */
    if (exact_phrase(q) && plain_phrase(q, words, prefix, &possessive) &&
        (prefix.empty() || prefix == PREFIX_TITLE || prefix == PREFIX_HEADING))
        for (size_t i = 0; i + 1 < words.size(); i++)
            if (signature_hash(words[i], words[i + 1]))
                return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (signed_phrase(q.get_subquery(i)))
            return true;
    return false;
}

/* One way a clause is met: the hashes of pairs that are all there, and
 * the phrase's terms.  An alternative of an OR whose rarest term has few
 * articles (a possessive, "renault's net") has them as its gate: an
 * article outside cannot have the phrase, and its part is not read. */
struct Alt {
    std::vector<uint64_t> hashes;
    std::vector<std::string> terms;
    std::vector<Xapian::docid> gate; /* sorted; empty: no gate */
};
using Clause = std::vector<Alt>;

/* Add to OUT, as clauses, the recorded pairs every match of Q has: those
 * of phrases of the default field, title: or heading: reached from the
 * top through AND, FILTER, the left side of AND_MAYBE and AND_NOT, and
 * weight factors, each a clause of one alternative; and for an OR whose
 * every branch has such pairs, one clause with a branch's pairs as each
 * alternative.  That is the folded phrase of phrase-fold.cc, "renault
 * net" OR "renault's net": its candidates are every article with both
 * words, and most have neither pair.  What is left out (a phrase under
 * NOT, an OR with a branch of plain words) only lets more through to the
 * full check. */
static void required_pairs(const Xapian::Query &q, std::vector<Clause> &out)
{
    using Q = Xapian::Query;
    switch (q.get_type()) {
    case Q::OP_PHRASE: {
        std::vector<std::string> words;
        std::string prefix;
        bool possessive;
        Alt alt;
        if (exact_phrase(q) && plain_phrase(q, words, prefix, &possessive) &&
            (prefix.empty() || prefix == PREFIX_TITLE ||
             prefix == PREFIX_HEADING))
            for (size_t i = 0; i + 1 < words.size(); i++)
                if (uint64_t h = signature_hash(words[i], words[i + 1]))
                    alt.hashes.push_back(h);
        if (alt.hashes.empty())
            return;
        for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
            alt.terms.push_back(*t);
        out.push_back({alt});
        return;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            required_pairs(q.get_subquery(i), out);
        return;
    case Q::OP_AND_MAYBE:
    case Q::OP_AND_NOT:
    case Q::OP_SCALE_WEIGHT:
        if (q.get_num_subqueries())
            required_pairs(q.get_subquery(0), out);
        return;
    case Q::OP_OR: {
        /* A branch's clauses of one alternative are what it must have;
         * one of several (an OR inside) is left out. */
        Clause either;
        for (size_t i = 0; i < q.get_num_subqueries(); i++) {
            std::vector<Clause> branch;
            required_pairs(q.get_subquery(i), branch);
            Alt all;
            for (const Clause &c : branch)
                if (c.size() == 1) {
                    all.hashes.insert(all.hashes.end(), c[0].hashes.begin(),
                                      c[0].hashes.end());
                    all.terms.insert(all.terms.end(), c[0].terms.begin(),
                                     c[0].terms.end());
                }
            if (all.hashes.empty())
                return;
            either.push_back(std::move(all));
        }
        if (!either.empty())
            out.push_back(std::move(either));
        return;
    }
    default:
        return;
    }
}

/* The signatures' parts read as streams in docid order, the order in
 * which the matcher asks about its candidates: the value chunk under a
 * stream's cursor serves the next candidates too, where a read by
 * document looks each one up from the top of the table.  A new match
 * starts again from the first document.  A part is read for a candidate
 * only when a hash asks it (most often one: the phrase as typed, its
 * other spellings gated), and SLOT_PAIRSIG's for articles written before
 * the parts (read by document: an index updated in place has a few). */
struct libns::SignatureStream {
    struct Part {
        Xapian::valueno slot;
        Xapian::ValueIterator at;
        bool started;      /* at is a stream of this match */
        Xapian::docid did; /* sig is this article's (0: none read) */
        std::string sig;   /* empty: the article has no part here */
    };
    std::vector<Part> parts;
    std::vector<Clause> clauses;
    bool gated = false; /* the gates read */
    Xapian::docid last = 0;
};

libns::SignatureFilter::SignatureFilter(const ns_index_t *idx,
                                        const Xapian::Query &q)
    : idx_(idx), q_(q), useful_(signed_phrase(q)),
      stream_(std::make_shared<SignatureStream>())
{
    required_pairs(q, stream_->clauses);
    for (const Clause &clause : stream_->clauses)
        for (const Alt &alt : clause)
            for (uint64_t h : alt.hashes) {
                auto &parts = stream_->parts;
                Xapian::valueno slot = signature_slot(h);
                if (std::find_if(parts.begin(), parts.end(), [&](auto &x) {
                        return x.slot == slot;
                    }) == parts.end())
                    parts.push_back({slot, Xapian::ValueIterator(), false, 0,
                                     std::string()});
            }
}

/* The gates of S's alternatives of an OR: the articles of an
 * alternative's rarest term, when it has at most GATE_MAX (a read of its
 * posting list, where the part of each candidate without it would be a
 * block of the value table).  Read at the first candidate, so that a
 * cluster, which never filters in the match, never reads them. */
static void read_gates(const Xapian::Database &db, SignatureStream &s)
{
    static const Xapian::doccount GATE_MAX = 20000;
    s.gated = true;
    for (Clause &clause : s.clauses) {
        if (clause.size() < 2)
            continue;
        for (Alt &alt : clause) {
            std::string rarest;
            Xapian::doccount least = GATE_MAX + 1;
            for (const std::string &t : alt.terms)
                if (Xapian::doccount f = db.get_termfreq(t); f < least) {
                    least = f;
                    rarest = t;
                }
            if (least > GATE_MAX)
                continue;
            for (auto p = db.postlist_begin(rarest);
                 p != db.postlist_end(rarest); ++p)
                alt.gate.push_back(*p);
            /* None at all: a gate that lets nothing through. */
            if (alt.gate.empty())
                alt.gate.push_back(0);
        }
    }
}

/* Called for every candidate of the match, so the common case, phrases
 * every match must have, is a value read and a few bit tests on hashes
 * made once: walking the query tree for each candidate (copies of its
 * subqueries, the phrase's words taken apart and hashed again) cost as
 * much as reading the value. */
bool libns::SignatureFilter::operator()(const Xapian::Document &doc) const
{
    static const bool off = getenv("NSEARCH_NO_PAIR_SIGNATURE") != nullptr;
    SignatureStream &s = *stream_;
    if (!s.clauses.empty()) {
        if (off)
            return true;
        const Xapian::Database &db = *idx_->db;
        if (!s.gated)
            read_gates(db, s);
        const Xapian::docid did = doc.get_docid();
        /* Every stream restarts at a new match: one left where an earlier
         * match put it would be past the candidates. */
        if (did <= s.last || s.last == 0)
            for (auto &p : s.parts)
                p.started = false, p.did = 0;
        s.last = did;
        auto lacks = [&](uint64_t h) {
            const Xapian::valueno slot = signature_slot(h);
            auto p = std::find_if(s.parts.begin(), s.parts.end(),
                                  [&](auto &x) { return x.slot == slot; });
            if (p->did != did) {
                if (!p->started) {
                    p->at = db.valuestream_begin(slot);
                    p->started = true;
                }
                if (p->at != db.valuestream_end(slot))
                    p->at.skip_to(did);
                p->did = did;
                const bool here = p->at != db.valuestream_end(slot) &&
                                  p->at.get_docid() == did;
                p->sig = here ? *p->at : std::string();
            }
            /* No part: an article without pairs, or from before them. */
            return p->sig.empty() ? signature_lacks(doc, h)
                                  : signature_lacks_hash(slot, p->sig, h);
        };
        auto ruled_out = [&](const Alt &alt) {
            if (!alt.gate.empty() &&
                !std::binary_search(alt.gate.begin(), alt.gate.end(), did))
                return true;
            return std::any_of(alt.hashes.begin(), alt.hashes.end(), lacks);
        };
        for (const Clause &clause : s.clauses)
            if (std::all_of(clause.begin(), clause.end(), ruled_out))
                return false;
        return true;
    }
    Candidate c{idx_,  doc.get_docid(), doc,   std::string(),      false,
                false, ns_article_t(),  false, Xapian::Document(), false,
                true,  std::string()};
    return evaluate(q_, c) != T_FALSE;
}
