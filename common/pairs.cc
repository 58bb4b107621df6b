/* pairs.cc - Word-pair terms ("common grams"): phrases of common words
 * without positions in the index.
 *
 * The index has no positions (README "No positions"), so a phrase query
 * is run as the AND of its words and each candidate is checked against
 * its stored text.  For a phrase of two common words that are rarely
 * adjacent ("world average": 2,199 articles with both words on the
 * 100,000-article archive, 7 with the phrase) that is thousands of
 * articles to read, and ten times more at a million.  So for every two
 * adjacent words of the default field (title, a heading, the section,
 * the body: each its own run of words, never a pair across two) that are
 * both in the lists of common words (common/common-words-*.txt), the
 * article gets the boolean term XP<first><second>, each word as its
 * two-character code (its place in the lists; see CommonWords).
 *
 * Adjacency is Xapian's own: each field's text goes through a
 * TermGenerator with positions (as phrase.cc re-tokenises a candidate),
 * and two words are a pair when their positions follow.  So the pair term
 * says exactly what the phrase check would: a two-word phrase of common
 * words in the default field becomes the AND of its words filtered by the
 * pair term (the same weights as before, no check at all), and a longer
 * phrase, or one in title: or heading:, has its candidates narrowed by
 * the pair terms of its common neighbours before the check.  Words are as
 * Xapian's terms for a phrase are: lower-cased, unstemmed, diacritics
 * kept.
 *
 * Pair terms are boolean (wdf 0): document lengths, and so BM25, do not
 * change.  Only pairs where both words are common get a term: a phrase
 * with a rarer word has no more candidates than that word has articles,
 * and pairs with any common word were measured at several times the size
 * (README "No positions").
 *
 * The list is part of the index: its fingerprint is stored as metadata
 * (META_PAIRS) by a writer that starts an empty index, and a reader uses
 * pair terms only when the fingerprint is its own.  A writer opening an
 * index built with another list (or before pair terms) removes the
 * fingerprint, so that a half-updated index is never trusted; phrases are
 * then checked on the text alone, exactly but slower, until the next
 * rebuild. */
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "index-private.h"

using namespace libns;

namespace
{

/* Split TEXT at spaces and newlines, calling WORD(first, w) for each
 * word: with FIRST "" for a list of words, or, when PAIRS, for each word
 * after the first of a line, FIRST being that one.  Lines starting with
 * '#' are comments. */
template <typename F> void split_list(const char *text, F word, bool pairs)
{
    std::string first;
    const char *p = text;
    bool line_start = true;
    while (*p) {
        if (line_start && *p == '#') {
            p += strcspn(p, "\n");
            continue;
        }
        size_t n = strcspn(p, " \n");
        line_start = false;
        if (n) {
            std::string w(p, n);
            if (!pairs)
                word(std::string(), w);
            else if (first.empty())
                first = w;
            else
                word(first, w);
        }
        p += n;
        if (*p == '\n')
            first.clear(), line_start = true;
        if (*p)
            p++;
    }
}

struct CommonWords {
    /* Word -> its code: its place in the lists, two characters from '!'
     * to '~' (94 x 94 places), so that a pair term is "XP" and four
     * characters.  Terms of the words themselves were 15 bytes a pair on
     * average, and each article's term list spells out every term: the
     * codes took the pair terms' share of the 100,000-article index from
     * 11% to 7%. */
    std::unordered_map<std::string, std::string> code;
    std::unordered_set<std::string> dense; /* "a b": no pair term */
    /* The same pairs as places in the lists (first * 94 * 94 + second),
     * for the indexer, which asks for every adjacent pair of an article:
     * building "a b" to look it up was a twentieth of its time. */
    std::unordered_set<uint32_t> dense_places;
    std::string id;

    /* The place of the pair of codes A and B. */
    static uint32_t place(const std::string &a, const std::string &b)
    {
        auto one = [](const std::string &c) {
            return (uint32_t)(c[0] - '!') * 94 + (uint32_t)(c[1] - '!');
        };
        return one(a) * 94 * 94 + one(b);
    }

    CommonWords()
    {
        /* The fingerprint is of the lists as read (the words in order,
         * then the pairs), not of the files' comments and layout. */
        std::string all;
        auto add = [&](const std::string &, const std::string &w) {
            all += w + " ";
            size_t n = code.size();
            if (n < 94 * 94 && !code.count(w))
                code.emplace(
                    w, std::string{(char)('!' + n / 94), (char)('!' + n % 94)});
        };
        /* English and Norwegian only, not the other languages' stop
         * lists (stop-words.cc): their words here would change the list's
         * fingerprint, so every index built before would stop using its
         * pair terms until rebuilt, and what pairs of theirs are worth
         * (and which are dense) has not been measured. */
        split_list(COMMON_WORDS_EN, add, false);
        split_list(COMMON_WORDS_NO, add, false);
        split_list(
            DENSE_PAIRS_EN,
            [&](const std::string &a, const std::string &b) {
                all += "\n" + a + " " + b;
                dense.insert(a + " " + b);
            },
            true);
        for (const std::string &d : dense) {
            size_t sp = d.find(' ');
            auto a = code.find(d.substr(0, sp)),
                 b = code.find(d.substr(sp + 1));
            if (a != code.end() && b != code.end())
                dense_places.insert(place(a->second, b->second));
        }
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx",
                 (unsigned long long)ns_hash64(all.data(), all.size(), 0));
        id = "2:" + std::to_string(code.size()) + ":" +
             std::to_string(dense.size()) + ":" + hex;
    }
};

const CommonWords &common_words()
{
    static const CommonWords list;
    return list;
}

} // namespace

/* CJK text is indexed as n-grams, whose positions do not follow one
 * another as words do: no pair is made of or trusted for it (lead bytes
 * of U+2000 and above; Latin, Greek and Cyrillic letters are below). */
bool libns::pairable(const std::string &w)
{
    for (unsigned char c : w)
        if (c >= 0xe2)
            return false;
    return !w.empty();
}

std::vector<std::string> libns::list_words(const char *list)
{
    std::vector<std::string> out;
    split_list(
        list,
        [&](const std::string &, const std::string &w) { out.push_back(w); },
        false);
    return out;
}

bool libns::common_word(const std::string &word)
{
    return pairable(word) && common_words().code.count(word) != 0;
}

bool libns::pair_indexed(const std::string &first, const std::string &second)
{
    return common_word(first) && common_word(second) &&
           common_words().dense.count(first + " " + second) == 0;
}

const std::string &libns::pair_list_id()
{
    return common_words().id;
}

std::string libns::pair_term(const std::string &first,
                             const std::string &second)
{
    const auto &code = common_words().code;
    return PREFIX_PAIR + code.at(first) + code.at(second);
}

/* The pair signature.  A phrase with a word that is not common has no
 * pair term, and its candidates are every article with all its words:
 * "registration securities" has 9,454 on the million-article archive and
 * one match, and each candidate's stored text was read, inflated and
 * scanned, 40 us apiece.  So every article also records the adjacent
 * pairs of its default field that have no pair term (one word or both
 * not common), in a Bloom filter (Bloom 1970): 8 bits a distinct pair, 5
 * bit positions each (by double hashing, Kirsch and Mitzenmacher 2006),
 * so that about 2% of the articles without a pair pass for having it.
 * The check reads the filter first and the text only when every pair of
 * the phrase may be there.  The filter can only say "certainly not": an
 * article without one (indexed before it, or a pair of two common words)
 * is checked on its text as before, so no index needs trusting it.
 * Adjacency is the pair terms' own (Xapian's positions, each field its
 * own run), and CJK n-grams are left out as they are there.
 *
 * The filter is blocked (Putze, Sanders and Singler 2007): a pair's hash
 * picks one of SIG_PARTS parts, each its own value slot and a filter of
 * 8 bits for each pair it holds, so that a phrase reads only the parts
 * of its pairs.  The match reads a part for each candidate from the
 * slot's stream: a few bytes a candidate, where the whole filter (135
 * bytes on average at a million articles, 420 for long ones) made each
 * candidate of "registration securities" a block of its own to read.
 * An index written before the parts has the whole filter in SLOT_PAIRSIG
 * (a version byte, then at least 8 bytes); it is still read. */
static const char SIG_VERSION = '\x01';
static const size_t SIG_HASHES = 5;

/* Pairs the signature records: any two non-CJK words but two common
 * ones (those have a pair term, or are dense and need no filter). */
static bool signed_pair(const std::string &first, const std::string &second)
{
    return pairable(first) && pairable(second) &&
           !(common_word(first) && common_word(second));
}

static uint64_t pair_hash(const std::string &first, const std::string &second)
{
    uint64_t h = ns_hash64(first.data(), first.size(), 14695981039346656037ULL);
    h = ns_hash64("\x1f", 1, h);
    h = ns_hash64(second.data(), second.size(), h);
    /* FNV's low bits are weak: finish with splitmix64's mix. */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

/* The SIG_HASHES bit positions of hash H in a filter of M bits. */
template <typename F> static void each_bit(uint64_t h, size_t m, F fn)
{
    uint64_t a = h & 0xffffffffu, b = (h >> 32) | 1;
    for (size_t i = 0; i < SIG_HASHES; i++)
        fn((size_t)((a + i * b) % m));
}

/* Does the filter of BYTES say for certain that hash H is not in it? */
static bool filter_lacks(const char *bytes, size_t size, uint64_t h)
{
    const size_t m = size * 8;
    bool lacks = false;
    each_bit(h, m, [&](size_t bit) {
        if (!((unsigned char)bytes[bit / 8] & (1u << (bit % 8))))
            lacks = true;
    });
    return lacks;
}

/* The part of hash H: its top bits, which the bit positions use least. */
static size_t sig_part(uint64_t h)
{
    return (size_t)(h >> 61) % SIG_PARTS;
}

/* Each part a filter of one byte a pair, at least one byte: an empty
 * part says "none of these pairs", unlike a missing one. */
static void add_signature(Xapian::Document &doc, std::vector<uint64_t> &hashes)
{
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    if (hashes.empty())
        return;
    std::vector<uint64_t> part[SIG_PARTS];
    for (uint64_t h : hashes)
        part[sig_part(h)].push_back(h);
    for (size_t p = 0; p < SIG_PARTS; p++) {
        std::string sig(std::max<size_t>(part[p].size(), 1), '\0');
        for (uint64_t h : part[p])
            each_bit(h, sig.size() * 8, [&](size_t bit) {
                sig[bit / 8] |= (char)(1u << (bit % 8));
            });
        doc.add_value((Xapian::valueno)(SLOT_PAIRSIG_PARTS + p), sig);
    }
}

uint64_t libns::signature_hash(const std::string &first,
                               const std::string &second)
{
    return signed_pair(first, second) ? pair_hash(first, second) : 0;
}

Xapian::valueno libns::signature_slot(uint64_t h)
{
    return (Xapian::valueno)(SLOT_PAIRSIG_PARTS + sig_part(h));
}

bool libns::signature_lacks_hash(Xapian::valueno slot, const std::string &sig,
                                 uint64_t h)
{
    if (!h || sig.empty())
        return false;
    if (slot == SLOT_PAIRSIG)
        return sig.size() >= 2 && sig[0] == SIG_VERSION &&
               filter_lacks(sig.data() + 1, sig.size() - 1, h);
    return slot == signature_slot(h) && filter_lacks(sig.data(), sig.size(), h);
}

bool libns::signature_lacks(const Xapian::Document &doc, uint64_t h)
{
    if (!h)
        return false;
    Xapian::valueno slot = signature_slot(h);
    std::string sig = doc.get_value(slot);
    if (sig.empty())
        sig = doc.get_value(slot = SLOT_PAIRSIG);
    return signature_lacks_hash(slot, sig, h);
}

void libns::add_pair_terms(Xapian::Document &doc, const ns_article_t *art)
{
    thread_local Xapian::TermGenerator tg = [] {
        Xapian::TermGenerator g;
        g.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
        g.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        return g;
    }();
    const CommonWords &cw = common_words();
    std::vector<const char *> texts;
    field_texts(art, "", texts);
    /* A text's distinct words, each with its code (null when it is not
     * common), and its run of words as places among them: the lists are
     * asked once a word, not once an occurrence.  The pairs are those
     * pair_indexed() and signed_pair() give. */
    std::vector<std::string> words;
    std::vector<const std::string *> codes;
    std::vector<std::pair<Xapian::termpos, uint32_t>> seq;
    std::unordered_set<std::string> pairs;
    std::vector<uint64_t> signed_pairs;
    for (const char *text : texts) {
        if (!text || !*text)
            continue;
        Xapian::Document scratch;
        std::string buf;
        tg.set_document(scratch);
        tg.set_termpos(0);
        tg.index_text(indexed_text(text, buf, art->lang));
        words.clear();
        codes.clear();
        seq.clear();
        for (auto t = scratch.termlist_begin(); t != scratch.termlist_end();
             ++t) {
            const std::string &w = *t;
            if (!pairable(w))
                continue;
            auto c = cw.code.find(w);
            const uint32_t at = (uint32_t)words.size();
            words.push_back(w);
            codes.push_back(c == cw.code.end() ? nullptr : &c->second);
            for (auto p = t.positionlist_begin(); p != t.positionlist_end();
                 ++p)
                seq.emplace_back(*p, at);
        }
        std::sort(seq.begin(), seq.end());
        for (size_t i = 1; i < seq.size(); i++) {
            if (seq[i].first != seq[i - 1].first + 1)
                continue;
            const uint32_t a = seq[i - 1].second, b = seq[i].second;
            if (!codes[a] || !codes[b])
                signed_pairs.push_back(pair_hash(words[a], words[b]));
            else if (!cw.dense_places.count(
                         CommonWords::place(*codes[a], *codes[b])))
                pairs.insert(PREFIX_PAIR + *codes[a] + *codes[b]);
        }
    }
    for (const auto &p : pairs)
        doc.add_boolean_term(p);
    add_signature(doc, signed_pairs);
}

/* The words of phrase Q and their field prefix; false when a part of it is
 * not a plain term of one text field that is part of the default field
 * ("" and title:, heading:; author: is not). */
static bool phrase_words(const Xapian::Query &q,
                         std::vector<std::string> &words, std::string &prefix)
{
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return false;
        std::string pre, word;
        if (!split_text_term(as_written(*sub.get_terms_begin()), pre, word) ||
            word.empty())
            return false;
        if (i == 0)
            prefix = pre;
        else if (pre != prefix)
            return false;
        words.push_back(word);
    }
    return words.size() >= 2 && (prefix.empty() || prefix == PREFIX_TITLE ||
                                 prefix == PREFIX_HEADING);
}

Xapian::Query libns::use_pairs(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    /* Not ADJ/n's windowed phrase: a pair term is its words side by side. */
    if (!exact_phrase(q)) {
        if (!has_positional(q))
            return q;
        return map_subqueries(
            q, [](const Q &sub, size_t) { return use_pairs(sub); });
    }
    std::vector<std::string> words;
    std::string prefix;
    if (!phrase_words(q, words, prefix))
        return q;
    std::vector<Q> pairs;
    for (size_t i = 0; i + 1 < words.size(); i++)
        if (pair_indexed(words[i], words[i + 1]))
            pairs.emplace_back(pair_term(words[i], words[i + 1]));
    if (pairs.empty())
        return q;
    if (words.size() == 2 && prefix.empty()) {
        /* Exact: the pair term is the phrase.  The AND of the words keeps
         * the weights Xapian gave the phrase run without positions. */
        std::vector<Q> terms;
        for (size_t i = 0; i < q.get_num_subqueries(); i++)
            terms.push_back(q.get_subquery(i));
        return Q(Q::OP_FILTER, Q(Q::OP_AND, terms.begin(), terms.end()),
                 pairs[0]);
    }
    return Q(Q::OP_FILTER, q, Q(Q::OP_AND, pairs.begin(), pairs.end()));
}

Xapian::Query libns::pairs_as_phrases(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    if (q.get_type() == Q::OP_FILTER && q.get_num_subqueries() == 2) {
        Q words = q.get_subquery(0), pair = q.get_subquery(1);
        if (words.get_type() == Q::OP_AND && words.get_num_subqueries() == 2 &&
            pair.get_type() == Q::LEAF_TERM &&
            ((*pair.get_terms_begin())
                     .compare(0, strlen(PREFIX_PAIR), PREFIX_PAIR) == 0 ||
             (*pair.get_terms_begin())
                     .compare(0, strlen(PREFIX_BYLINE_PAIR),
                              PREFIX_BYLINE_PAIR) == 0)) {
            Q both[] = {words.get_subquery(0), words.get_subquery(1)};
            return Q(Q::OP_PHRASE, both, both + 2, 2);
        }
    }
    return map_subqueries(
        q, [](const Q &sub, size_t) { return pairs_as_phrases(sub); });
}

/* META_PAIRS of an index whose every article has byline pair terms too
 * (byline-pairs.cc): the list's fingerprint and this word.  One key for
 * both, so that a writer from before byline pairs, which would add
 * articles without them, finds a fingerprint not its own and removes it,
 * as it does for another list: a marker of their own it would leave in
 * place over articles that lack them. */
static std::string with_bylines()
{
    return pair_list_id() + " bylines";
}

bool libns::pairs_trusted(const Xapian::Database &db)
{
    const std::string m = db.get_metadata(META_PAIRS);
    return m == pair_list_id() || m == with_bylines();
}

bool libns::byline_pairs_trusted(const Xapian::Database &db)
{
    return db.get_metadata(META_PAIRS) == with_bylines();
}

void libns::claim_pairs(ns_index_t *idx)
{
    /* A writer: an empty index takes this list, and byline pairs; one
     * made with another list, or before pair terms, is no longer trusted
     * to have them.  One made before byline pairs keeps its pair terms
     * and its fingerprint without " bylines": its older articles have
     * none. */
    if (idx->wdb->get_doccount() == 0) {
        idx->wdb->set_metadata(META_PAIRS, with_bylines());
        idx->pairs_ok = idx->bylines_ok = true;
    } else if (!idx->pairs_ok && !idx->wdb->get_metadata(META_PAIRS).empty()) {
        idx->wdb->set_metadata(META_PAIRS, "");
    }
}
