/* quoted-word.cc - A word quoted alone ("elected") is that word as
 * written, not its stem.
 *
 * Xapian's parser leaves the words of a phrase unstemmed, but a phrase
 * of one word comes out as a plain term, the same leaf as a capitalised
 * word ("Elected"), and forms.cc gives every such leaf its stem
 * (stem_all_words): "elected" found the 349 Reuters articles with the
 * stem "elect" (election, elects, elect) where 112 have the word.  A
 * quoted word means that word form in Google and in Elasticsearch's
 * match_phrase on an unstemmed field, as the words of a longer phrase do
 * here.
 *
 * So before the parse each word quoted alone gets a second, made-up word
 * inside its quotes, which makes the parser keep it as a phrase; the
 * phrase is then replaced by its word's leaf at a place past any the
 * parser gives (QUOTED_WORD_POS), which is how the rest of the pipeline
 * knows it.  Such a leaf is matched as a phrase word is (indexed_form):
 * by its exact term, which holds exactly the articles with the word (in
 * any case), or, for a word that is its own stem and so has none ("elect",
 * "said"), by the stem term, each candidate then checked against its text
 * as a phrase is (phrase.cc).  Its possessive and its spellings with and
 * without diacritics match too, as in a phrase (phrase-fold.cc). */
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

/* The made-up word: no article has it, and no stop list either. */
static const char MARK_WORD[] = "nsquotedwordmark";

/* Is [B, E) of T one word to Xapian's parser: letters and digits,
 * apostrophes inside it, '.' and ',' between digits ("1.5bn")?  At least
 * one ASCII letter or digit: an emoji alone is no word at all. */
static bool one_word(const std::string &t, size_t b, size_t e)
{
    bool ascii = false;
    for (size_t i = b; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isalnum(c)) {
            ascii = true;
            continue;
        }
        if (c & 0x80)
            continue;
        const bool inside = i > b && i + 1 < e;
        if (inside && c == '\'')
            continue;
        if (inside && (c == '.' || c == ',') &&
            isdigit((unsigned char)t[i - 1]) && isdigit((unsigned char)t[i + 1]))
            continue;
        return false;
    }
    return ascii;
}

/* Is the quote at OPEN in T after no field name, or after a text
 * field's?  A filter's value ("section:(\"crude\" OR ship)") is a value,
 * not a word. */
static bool text_field_or_none(const std::string &t, size_t open)
{
    if (open == 0 || t[open - 1] != ':')
        return true;
    size_t b = open - 1;
    while (b > 0 && isalpha((unsigned char)t[b - 1]))
        b--;
    std::string name = t.substr(b, open - 1 - b);
    for (char &c : name)
        c = (char)tolower((unsigned char)c);
    for (const char *f : {"title", "headline", "heading", "headings", "author",
                          "byline"})
        if (name == f)
            return true;
    return false;
}

std::string libns::mark_quoted_words(const std::string &text)
{
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t open = text.find('"', i);
        if (open == std::string::npos)
            break;
        size_t close = text.find('"', open + 1);
        if (close == std::string::npos)
            break;
        out.append(text, i, close - i);
        if (one_word(text, open + 1, close) && text_field_or_none(text, open))
            out.append(" ").append(MARK_WORD);
        out += '"';
        i = close + 1;
    }
    out.append(text, i, std::string::npos);
    return out;
}

bool libns::quoted_word(const Xapian::Query &q)
{
    return q.get_type() == Xapian::Query::LEAF_TERM &&
           leaf_position(q) >= QUOTED_WORD_POS;
}

bool libns::checked_word(const Xapian::Query &q)
{
    return quoted_word(q) && q.get_terms_begin() != q.get_terms_end() &&
           (*q.get_terms_begin())[0] == PREFIX_STEM[0];
}

bool libns::has_quoted_word(const Xapian::Query &q)
{
    if (quoted_word(q))
        return true;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        if (has_quoted_word(q.get_subquery(i)))
            return true;
    return false;
}

/* Is Q the leaf of the made-up word, in any field? */
static bool mark_leaf(const Xapian::Query &q)
{
    std::string prefix, word;
    return q.get_type() == Xapian::Query::LEAF_TERM &&
           split_text_term(*q.get_terms_begin(), prefix, word) &&
           word == MARK_WORD;
}

Xapian::Query libns::quoted_words(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (mark_leaf(q)) /* its word was one the parser drops */
        return Q::MatchNothing;
    if (op == Q::OP_PHRASE && q.get_num_subqueries() >= 2 &&
        mark_leaf(q.get_subquery(q.get_num_subqueries() - 1))) {
        std::vector<Q> words;
        for (size_t i = 0; i + 1 < q.get_num_subqueries(); i++)
            words.push_back(q.get_subquery(i));
        if (words.size() == 1 && words[0].get_type() == Q::LEAF_TERM)
            return Q(*words[0].get_terms_begin(), 1,
                     QUOTED_WORD_POS + leaf_position(words[0]));
        /* Text that Xapian splits into several words (CJK): their phrase. */
        return Q(Q::OP_PHRASE, words.begin(), words.end(),
                 (Xapian::termcount)words.size());
    }
    return map_subqueries(q, [](const Q &sub, size_t) {
        return quoted_words(sub);
    });
}
