/* spelling.cc - "Did you mean": the spelling dictionary of the archive's
 * own words, kept right by every write, and the corrected query.
 *
 * The dictionary.  Xapian keeps one spelling table per database, with no
 * prefixes, so it cannot hold one dictionary per language; it holds the
 * words of every language together.  That is what a mixed archive needs
 * anyway: the query is parsed in every language present (query.cc), and
 * a Norwegian word corrected to a Norwegian word finds the Norwegian
 * articles.  The words are the exact forms of the default field (title,
 * headings, section, body; lower-cased, diacritics kept), each counted
 * once per article that has it, so that the frequency Xapian ranks
 * suggestions by is the number of articles with the word, and deleting or
 * replacing an article takes away exactly what adding it gave
 * (spell_words with SIGN -1).  Words with a digit (years, prices,
 * "covid19") and of one character are left out: a query "2024" corrected
 * to "2025" is not a spelling mistake.  Xapian's TermGenerator
 * FLAG_SPELLING counts every occurrence instead, which a delete could not
 * undo without the article's text.
 *
 * A rebuild writes each shard's table and Xapian's compaction merges them,
 * adding the frequencies (checked by tests/unit/test_spelling.c).  An
 * index built before this has an empty table: no suggestions until it is
 * rebuilt, and nothing else changes.
 *
 * The correction.  Xapian's QueryParser (FLAG_SPELLING_CORRECTION) corrects
 * the query text in place, leaving operators, quotes, field names, boolean
 * field values (section:, tag:, id:, date:), prefixed words (title:,
 * author:) and wildcards as they are.  But it also "corrects" a word that
 * is in the dictionary when a more frequent one is near ("azure" to
 * "azures"), so each word it changed is kept only when the word as typed
 * matches no article at all -- as written, by its stem in any language
 * present, or folded. */
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Longest word put in the dictionary, in bytes. */
static const size_t SPELL_MAX_WORD = 40;
/* Longest query text corrected, in bytes. */
static const size_t SPELL_MAX_QUERY = 1024;

/* Is TERM, a term of the default field, a word for the dictionary? */
static bool spelling_word(const std::string &term)
{
    if (term.size() < 2 || term.size() > SPELL_MAX_WORD)
        return false;
    unsigned char c0 = (unsigned char)term[0];
    if (c0 >= 'A' && c0 <= 'Z') /* a prefix: Z stems, fields, labels */
        return false;
    for (char c : term)
        if (c >= '0' && c <= '9')
            return false;
    return true;
}

/* The changes are summed per word here and given to Xapian once per
 * commit, one call per word changed rather than one per article.  Adding
 * the words costs a rebuild about a fifth more CPU time (README
 * "Performance"), most of it Xapian's own spelling table (its trigram
 * lists are rewritten for every word changed at each commit).  Holding a
 * rebuild shard's words until its last commit, so that each list is
 * written once, measured no faster (7.4 s against 7.9 s of CPU for 8,000
 * Reuters articles, three runs each, within the noise) and took 14 MB
 * more memory, growing with the vocabulary. */
void libns::spell_words(ns_index_t *idx, const Xapian::Document &doc, int sign)
{
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string &term = *t;
        if (spelling_word(term))
            idx->spell_delta[term] += sign;
    }
}

void libns::spell_stored(ns_index_t *idx, Xapian::docid did, int sign)
{
    Xapian::Document stored = idx->wdb->get_document(did);
    ns_article_t art;
    std::string why;
    if (!decode(idx, did, stored.get_data(), &art, why)) {
        /* Damaged: the words its terms still spell are all there is. */
        spell_words(idx, stored, sign);
        return;
    }
    /* The exact words as the indexer saw them (index_fields); the stems it
     * also makes are not words for the dictionary. */
    Xapian::Document words;
    Xapian::TermGenerator tg;
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_document(words);
    index_fields(tg, &art, false);
    ns_article_clear(&art);
    spell_words(idx, words, sign);
}

void libns::flush_spelling(ns_index_t *idx)
{
    for (const auto &wd : idx->spell_delta) {
        if (wd.second > 0)
            idx->wdb->add_spelling(wd.first, (Xapian::termcount)wd.second);
        else if (wd.second < 0)
            idx->wdb->remove_spelling(wd.first, (Xapian::termcount)-wd.second);
    }
    idx->spell_delta.clear();
}

/* Does WORD (lower-cased) match any article: as written (every word of
 * the dictionary is such a term), or by the stem of one of the index's
 * languages (which folds diacritics), in another Nordic spelling
 * ("oedegard": Ødegård, digraph-readings.cc), or by a synonym? */
static bool word_matches(ns_index_t *idx, const std::string &word)
{
    const Xapian::Database &db = *idx->db;
    if (db.term_exists(word))
        return true;
    for (const auto &l : index_langs(idx))
        if (db.term_exists(PREFIX_STEM + stemmer_for(idx, l)(word)) ||
            synonym_matches(idx, word, stemmer_for(idx, l)) ||
            digraph_reading_matches(idx, word, stemmer_for(idx, l)))
            return true;
    return false;
}

/* Is FIXED, the correction Xapian offers for TYPED (lower-cased), close
 * enough to be what was meant?  Xapian offers the nearest word of the
 * dictionary within two edits (a letter added, dropped, changed, or two
 * swapped) whatever the word's length and wherever the edits are, which
 * made "covid" "could", "nato" "into" and, in an archive of English and
 * Norwegian, "biden" the Norwegian "siden"; with no match at all the
 * hits of the unrelated word were shown.  So:
 *  - the first letter is kept, the prefix length of 1 that Lucene's
 *    DirectSpellChecker and Elasticsearch's term suggester use by
 *    default: people seldom mistype it, and a word that starts otherwise
 *    is most often another word.  Compared without diacritics, so
 *    "oyafestivaln" may still be øyafestivalen;
 *  - a word of one or two letters is never corrected, one of three to
 *    five by one edit, a longer one by two: Elasticsearch's "AUTO"
 *    fuzziness, the setting its documentation recommends.  Two edits are
 *    two fifths of a five-letter word.
 *  - the correction is not a closed-class word of a language the archive
 *    holds ("from", "siden"; query.cc): "flom", Norwegian for flood, was
 *    "from" and showed the English articles with "from".  Such a word is
 *    not what a search is for: a query of it alone matches nearly every
 *    article, and among other words it is not searched.
 * The edits are counted without diacritics (folded_edits): a letter
 * typed without its accent is how the word is searched, not a typo, and
 * "muler" is one edit from "Müller" ("muller"), where Xapian counts two
 * and the word got no suggestion.  Xapian counts the letters as written,
 * so it offers a word two such edits away when none is nearer.  Measured
 * with tests/eval/spelling.py (README "Did you mean"). */
static bool close_enough(ns_index_t *idx, const std::string &typed,
                         const std::string &fixed)
{
    if (fold(typed, 0).substr(0, 1) != fold(fixed, 0).substr(0, 1))
        return false;
    for (const auto &l : index_langs(idx))
        if (stop_word(idx, l, fixed))
            return false;
    size_t letters = 0;
    for (unsigned char c : typed)
        letters += (c & 0xc0) != 0x80;
    if (letters <= 2)
        return false;
    return letters >= 6 || folded_edits(typed, fixed) <= 1;
}

/* Does a '*' touch the word WAS[I] (gaps and words alternate)?  A word
 * before one is a wildcard's start, and one after it the rest of a word
 * with a '*' inside ("sur*ance"): neither is a word to correct ("sur*ance"
 * became "ser*ance" and showed two unrelated articles). */
static bool by_star(const std::vector<std::string> &was, size_t i)
{
    /* A gap of '?' alone inside a word ("wom?n") is a wildcard too
     * (query-lucene.cc): "wom" and "n" were "won" and "n?". */
    auto single = [&](size_t gap) {
        return gap > 0 && gap + 1 < was.size() && !was[gap].empty() &&
               was[gap].find_first_not_of('?') == std::string::npos &&
               !was[gap - 1].empty() && !was[gap + 1].empty();
    };
    return (i + 1 < was.size() && !was[i + 1].empty() &&
            was[i + 1][0] == '*') ||
           (i > 0 && !was[i - 1].empty() && was[i - 1].back() == '*') ||
           single(i + 1) || (i > 0 && single(i - 1));
}

/* Is WORD typed in capitals ("IMF", "OPEC", "ØKOKRIM")?  Such a word is
 * taken for an acronym or a name and never corrected, as word processors'
 * spelling checkers skip words in capitals by default: "IMF" was
 * corrected to "if" and "OPEC" to "open", and their hits shown.  So is
 * every word of a query typed in capitals. */
static bool capitals(const std::string &word)
{
    for (char c : word)
        if (c >= 'a' && c <= 'z')
            return false;
    return lower(word.c_str()) != word;
}

/* The marks typed for an apostrophe (typed() reads them as "'"), and
 * the invisible characters a page's text keeps inside a word (the soft
 * hyphen, zero-width ones), which the indexer and the parser read as
 * nothing (query-text.cc plain_marks; typed() drops them). */
static const char *const APOSTROPHES[] = {"\xe2\x80\x99", "\xc2\xb4",
                                          "\xca\xbc", "\xe2\x80\x98"};
static const char *const INVISIBLE[] = {"\xc2\xad",     "\xe2\x80\x8b",
                                        "\xe2\x80\x8c", "\xe2\x80\x8d",
                                        "\xe2\x81\xa0", "\xef\xbb\xbf"};

/* WORD as the index holds it: lower case, and a typographic apostrophe
 * (U+2019, as pages and phones write "Trier’s") as the ASCII one, as
 * Xapian's parser and indexer read it.  Compared as typed, "Trier’s"
 * matched no term and was "corrected" to "trier" beside its own hit. */
static std::string typed(const std::string &word)
{
    std::string w = lower(word.c_str());
    /* And the other marks typed for it (query-text.cc plain_marks); the
     * invisible ones are nothing. */
    for (const char *mark : APOSTROPHES)
        for (size_t at; (at = w.find(mark)) != std::string::npos;)
            w.replace(at, strlen(mark), "'");
    for (const char *mark : INVISIBLE)
        for (size_t at; (at = w.find(mark)) != std::string::npos;)
            w.erase(at, strlen(mark));
    return w;
}

/* FIXED with the apostrophe WAS was typed with: Xapian's correction
 * writes the ASCII one, and "Mourinhio’s" was offered as
 * "Mourinho's", though the curly quotation marks around a word stay as
 * typed. */
static std::string apostrophe_like(const std::string &was, std::string fixed)
{
    for (const char *mark : APOSTROPHES) {
        if (was.find(mark) == std::string::npos)
            continue;
        for (size_t at = 0; (at = fixed.find('\'', at)) != std::string::npos;
             at += strlen(mark))
            fixed.replace(at, 1, mark);
        break;
    }
    return fixed;
}

/* FIXED (as Xapian's dictionary holds it: lower case) in the case WAS
 * was typed in: a word typed with a capital first letter ("Stoltenbreg",
 * "Brwon", a phone's first word) gets it back ("Stoltenberg"), as a word
 * processor's speller offers its corrections.  Before, "Did you mean:
 * stoltenberg?" lower-cased a name the user wrote right but for one
 * letter.  Words in capitals are never corrected (capitals() above). */
static std::string cased_like(const std::string &was, const std::string &fixed)
{
    Xapian::Utf8Iterator w(was), f(fixed);
    if (w == Xapian::Utf8Iterator() || f == Xapian::Utf8Iterator() ||
        Xapian::Unicode::get_category(*w) != Xapian::Unicode::UPPERCASE_LETTER)
        return fixed;
    std::string out;
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::toupper(*f));
    ++f; /* the rest of FIXED from its second character */
    out.append(fixed, fixed.size() - f.left(), std::string::npos);
    return out;
}

/* SPLIT, two words ("tony blair") that WAS was typed as run together,
 * each in the case its part of WAS was typed in: "TonyBlair" is "Tony
 * Blair", "Primeminister" "Prime minister".  Cased as a whole, the second
 * part lost its capital ("Tony blair").  The parts are cut where SPLIT's
 * space falls, counted in characters: WAS as typed() reads it has as many
 * unless an invisible one was dropped, and then it is cased as a whole. */
static std::string split_cased_like(const std::string &was,
                                    const std::string &split)
{
    const size_t sp = split.find(' ');
    auto chars = [](const std::string &s) {
        size_t n = 0;
        for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it)
            n++;
        return n;
    };
    if (sp == std::string::npos || chars(was) + 1 != chars(split))
        return cased_like(was, split);
    Xapian::Utf8Iterator cut(was);
    for (size_t n = chars(split.substr(0, sp)); n > 0; n--)
        ++cut;
    const size_t at = was.size() - cut.left();
    return cased_like(was.substr(0, at), split.substr(0, sp)) + " " +
           cased_like(was.substr(at), split.substr(sp + 1));
}

/* Is word I of the runs WAS typed as a field name ("tag:" with nothing
 * after it, which Xapian's parser reads as the word)?  Left as typed:
 * "tag:" was offered as "ta:". */
static bool field_name(const std::vector<std::string> &was, size_t i)
{
    return i + 1 < was.size() && !was[i + 1].empty() && was[i + 1][0] == ':';
}

/* Is code point C part of a word, as the alignment below splits text?
 * As Xapian reads one, and the marks above: every byte from 0x80 on was,
 * so that a query pasted with its quotation marks ("\u201cEnron\u201d"),
 * a no-break space or an ellipsis had words no article has, "corrected"
 * beside their own hits ("enjoy", "gamer bid"). */
static bool word_char(unsigned c)
{
    if (c < 0x80)
        return isalnum((int)c) || c == '\'';
    return Xapian::Unicode::is_wordchar(c) || c == 0x2019 || c == 0xb4 ||
           c == 0x2bc || c == 0x2018 || c == 0xad ||
           (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xfeff;
}

/* TEXT cut into alternate runs: gaps (even indexes, possibly empty) and
 * words (odd indexes). */
static std::vector<std::string> runs(const std::string &text)
{
    std::vector<std::string> out(1);
    for (Xapian::Utf8Iterator u(text); u != Xapian::Utf8Iterator();) {
        const char *at = u.raw();
        bool w = word_char(*u);
        ++u;
        size_t len = u == Xapian::Utf8Iterator()
                         ? (size_t)(text.data() + text.size() - at)
                         : (size_t)(u.raw() - at);
        if (w != (out.size() % 2 == 0))
            out.emplace_back();
        out.back().append(at, len);
    }
    return out;
}

/* On a cluster the corrections come from the front's spelling copies
 * (spelling-copy.cc), since the shards' remote backend serves no spelling
 * data; whether a word as typed matches an article is still asked of the
 * shards (word_matches on IDX's union), as is the suggestion's search.  A
 * copy that fails here turns suggestions off until the next refresh opens
 * it again: the search itself never fails for it. */
/* Is word I of the runs WAS one a correction may change: not typed in
 * capitals, not beside a '*', not a field name or a field's value, and
 * without a digit?  The dictionary has no word with one (spelling_word),
 * so such a word was always "corrected" to another: BBC News' "mp4"
 * searched "mp" (95 stories about MPs), "Windows95" "windows", Reuters'
 * "pc9" "pct". */
static bool correctable(const std::vector<std::string> &was, size_t i)
{
    return !capitals(was[i]) && !by_star(was, i) && !field_name(was, i) &&
           (was[i - 1].empty() || was[i - 1].back() != ':') &&
           std::none_of(was[i].begin(), was[i].end(),
                        [](unsigned char c) { return isdigit(c); });
}

/* Does word I of the runs WAS match an article, by itself or as part of
 * a word written with hyphens ("cease-fire"), which the index holds
 * joined as well ("ceasefire", write.cc joined_words) and a query
 * searches so (query-text.cc split_hyphens)?  Asked part by part,
 * "cease" matched nothing, and "cease-fire" that found the ceasefire
 * article was "Did you mean: case-fire?" ("e-mail": "e-main?"). */
static bool run_matches(ns_index_t *idx, const std::vector<std::string> &was,
                        size_t i)
{
    if (word_matches(idx, typed(was[i])))
        return true;
    auto hyphen = [&](size_t gap) { return was[gap] == "-"; };
    size_t first = i, last = i;
    while (first >= 3 && hyphen(first - 1))
        first -= 2;
    while (last + 2 < was.size() && hyphen(last + 1))
        last += 2;
    if (first == last)
        return false;
    std::string joined;
    for (size_t k = first; k <= last; k += 2)
        joined += was[k];
    return word_matches(idx, typed(joined));
}

/* Does some word of TEXT that a correction may change match no article?
 * Cheap (a term lookup or two a word): asked of every query with hits. */
static bool unmatched_word(ns_index_t *idx, const std::string &text,
                           size_t typing)
{
    std::vector<std::string> was = runs(text);
    for (size_t i = 1; i < was.size(); i += 2)
        if (i != typing && correctable(was, i) && !run_matches(idx, was, i))
            return true;
    return false;
}

/* Articles matching Q, as Xapian estimates them past a thousand. */
static double count(ns_index_t *idx, const Xapian::Query &q)
{
    Xapian::Enquire enq(*idx->db);
    enq.set_query(q);
    enq.set_weighting_scheme(Xapian::BoolWeight());
    return enq.get_mset(0, 0, 1000).get_matches_estimated();
}

/* The articles' forms of WORD (lower-cased): as written, or by its stem
 * in a language of the index. */
static Xapian::Query forms_of(ns_index_t *idx, const std::string &word)
{
    std::vector<Xapian::Query> forms{Xapian::Query(word)};
    for (const auto &l : index_langs(idx))
        forms.emplace_back(PREFIX_STEM + stemmer_for(idx, l)(word));
    return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
}

/* Is WORD a closed-class word of a language of the index? */
static bool closed_class(ns_index_t *idx, const std::string &word)
{
    for (const auto &l : index_langs(idx))
        if (stop_word(idx, l, word))
            return true;
    return false;
}

/* A word of the suggestion, for the test of its context. */
struct Said {
    std::string word; /* lower-cased */
    bool searched;    /* not a closed-class word, nor one left as typed */
    bool changed;     /* a correction, or a part of a split word */
    size_t run;       /* the word typed it came from (runs() index) */
    bool lost;        /* left as typed, and matching no article */
};

/* Is each changed word of the suggestion SAID found with its other words
 * more often than chance would put them together (pointwise mutual
 * information above 0: N * n(rest, w) > n(rest) * n(w))?  The other words
 * are the context that tells a typo's correction from a near word of
 * another story (Cucerzan and Brill 2004 take it from a query log; the
 * archive is what a news search has): on BBC News "gordon brwon" is
 * "gordon brown" (brown is 12.8 times likelier beside gordon than
 * anywhere), where "Tony Blare" is not "Tony blame" (0.49).  If APART,
 * the two parts of a split word are not each other's context: the phrase
 * of the two, which some article has, vouches for them (split_of). */
static bool in_context(ns_index_t *idx, const std::vector<Said> &said,
                       bool apart = false)
{
    std::vector<Xapian::Query> words;
    std::vector<const Said *> of;
    for (const Said &s : said)
        if (s.searched) {
            words.push_back(forms_of(idx, s.word));
            of.push_back(&s);
        }
    double n = idx->db->get_doccount();
    for (size_t i = 0; i < words.size(); i++) {
        std::vector<Xapian::Query> rest;
        for (size_t j = 0; j < words.size(); j++)
            if (j != i && !(apart && of[j]->run == of[i]->run))
                rest.push_back(words[j]);
        if (!of[i]->changed || rest.empty())
            continue;
        Xapian::Query ctx(Xapian::Query::OP_AND, rest.begin(), rest.end());
        if (n * count(idx,
                      Xapian::Query(Xapian::Query::OP_AND, ctx, words[i])) <=
            count(idx, ctx) * count(idx, words[i]))
            return false;
    }
    return true;
}

/* The articles with WORD in the dictionary DICT (0 when it is none of
 * its words): Xapian 1.4 gives a word's frequency only through the
 * iterator over the whole table, which seeks. */
static Xapian::doccount spelling_articles(const Xapian::Database &dict,
                                          const std::string &word)
{
    Xapian::TermIterator t = dict.spellings_begin();
    t.skip_to(word);
    return t != dict.spellings_end() && *t == word ? t.get_termfreq() : 0;
}

/* Shortest part of a split word, in characters: with two, the archive's
 * abbreviations and the closed-class words made splits of names
 * ("gino" as "gi no", "manon" as "man on"). */
static const size_t SPLIT_MIN_PART = 3;
/* Name particles, the first part of a split however short: "degaulle" is
 * "de gaulle", which TIME writes in 74 stories, where a first part of
 * three letters or more left it with no suggestion.  The phrase of the
 * two, which some article must have, keeps them from cutting words ("o"
 * is no word of the dictionary, spelling_word). */
static const char *const PARTICLES[] = {"de", "la", "le", "du", "al", "el",
                                        "mc", "da", "di", "o"};

static bool particle(const std::string &part)
{
    for (const char *p : PARTICLES)
        if (part == p)
            return true;
    return false;
}
/* Splits whose parts are both words, looked at for one word; of those
 * that qualify, the phrases searched for. */
static const int SPLIT_MAX_TRIED = 8;
static const size_t SPLIT_MAX_PHRASES = 3;
/* Words of one query tried as splits: at most nine phrase searches for a
 * query of many unknown long words, all within the search's own time
 * budget (Budget). */
static const int SPLIT_MAX_WORDS = 3;

/* The time the phrase searches of one suggestion may take together: the
 * search's own budget (ns_search_opts_t.time_limit_ms, nsearchd's
 * --request-timeout), none when it has none.  A fixed bound of its own
 * made the suggestion depend on the machine's speed: a cluster under load
 * took more than 30 ms to a phrase and suggested nothing. */
namespace
{
struct Budget {
    unsigned ms;
    std::chrono::steady_clock::time_point start =
        std::chrono::steady_clock::now();
    /* What is left, in ms (at least 1); 0 for no limit; -1 when spent. */
    long left() const
    {
        if (!ms)
            return 0;
        auto used = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
        return used >= (long)ms ? -1 : std::max(1L, (long)ms - (long)used);
    }
};
} // namespace

/* WORD (lower-cased, matching no article) as two words run together, the
 * space between them lost ("primeminister", "newyork"), or "".
 * Hunspell, Google and Bing suggest such splits; Xapian's corrections
 * are single words, so it never does.  A split is one edit, a space
 * added, and competes with FIXED, Xapian's correction ("" for none):
 * fewer edits win, then more articles (the correction's own, the
 * split's with both parts).  A split qualifies when:
 *  - both parts are words of the dictionary, of SPLIT_MIN_PART
 *    characters or more (the first may be a shorter name particle), and
 *    not both closed-class words;
 *  - some article writes them side by side: the phrase of the two is
 *    searched (its first match is enough).  Without it, a name or a word
 *    the archive lacks was cut into two words that meet by chance
 *    ("comedian" as "comed ian", "spotless" as "spot less" on Reuters).
 *    Asking also, as in_context does of a correction, that the two are
 *    found together more often than chance would put them kept fewer
 *    right splits (tests/eval/spelling.py: 0.89 of the words run
 *    together put right, against 0.95) and no wrong guess fewer.
 * The phrase is searched for the qualifying splits with the most
 * articles first, at most SPLIT_MAX_PHRASES of them. */
static std::string split_of(ns_index_t *idx, const Xapian::Database &dict,
                            const std::string &word, const std::string &fixed,
                            const Budget &time)
{
    std::vector<size_t> cuts; /* byte offsets of character starts */
    for (size_t i = 0; i < word.size(); i++)
        if (((unsigned char)word[i] & 0xc0) != 0x80)
            cuts.push_back(i);
    if (cuts.size() < SPLIT_MIN_PART + 1)
        return "";
    double bar = 0; /* a split must have more articles than this */
    if (!fixed.empty() && dict.get_spelling_suggestion(word, 1) == fixed)
        bar = spelling_articles(dict, fixed); /* one edit, as a split */
    std::vector<std::pair<double, std::string>> found;
    int tried = 0;
    for (size_t c = 1; c + SPLIT_MIN_PART <= cuts.size(); c++) {
        std::string a = word.substr(0, cuts[c]), b = word.substr(cuts[c]);
        const bool short_a = c < SPLIT_MIN_PART;
        if (short_a ? !particle(a) : !spelling_articles(dict, a))
            continue;
        if (!spelling_articles(dict, b))
            continue;
        if ((closed_class(idx, a) && closed_class(idx, b)) ||
            ++tried > SPLIT_MAX_TRIED)
            continue;
        double both =
            count(idx, Xapian::Query(Xapian::Query::OP_AND, forms_of(idx, a),
                                     forms_of(idx, b)));
        if (both <= bar)
            continue;
        found.emplace_back(both, a + " " + b);
    }
    std::stable_sort(
        found.begin(), found.end(),
        [](const auto &x, const auto &y) { return x.first > y.first; });
    for (size_t i = 0; i < found.size() && i < SPLIT_MAX_PHRASES; i++) {
        const long left = time.left();
        if (left < 0)
            break;
        if (phrase_in_archive(idx, found[i].second, (unsigned)left))
            return found[i].second;
    }
    return "";
}

/* split_of, which on a cluster gives "" when a shard or a spelling copy
 * fails: the search itself never fails for a suggestion. */
static std::string split_word(ns_index_t *idx, const Xapian::Database &dict,
                              const std::string &word, const std::string &fixed,
                              const Budget &time)
{
    try {
        return split_of(idx, dict, word, fixed, time);
    } catch (const Xapian::Error &e) {
        if (!idx->cluster)
            throw;
        cluster_dictionary_failed(idx, describe(e));
        return "";
    }
}

std::string libns::suggest_query(ns_index_t *idx, const std::string &text,
                                 bool beside_hits, unsigned budget_ms,
                                 bool typing, bool *sure)
{
    const Budget time{budget_ms};
    bool sure_ = true;
    if (!sure)
        sure = &sure_;
    *sure = true;
    /* Search as you type: the last word, with nothing after it, is being
     * typed, and is no typo (README "Search as you type").  One that
     * partial_text() does not complete ("#Chels", "$AAP" once, "tv") was
     * corrected: "#Chela". */
    const std::vector<std::string> typed_runs = runs(text);
    const size_t last = typing && typed_runs.size() % 2 == 0
                            ? typed_runs.size() - 1
                            : 0;
    /* Beside hits: a word that matches nothing ("gordon brwon", found
     * by "gordon") is still a typo to point out, but only a cheap test
     * is spent on the queries that have none; not on a cluster, where
     * each lookup is a round trip to every shard. */
    if (beside_hits && (idx->cluster || !unmatched_word(idx, text, last)))
        return "";
    /* A date typed as a word ("2025-08-06", "2025-08..2025-09", or day
     * first "06.08.2025", suggested as the ISO day) is text only the odd
     * article has: the date: filter is what was meant.  A bare year or
     * number ("1987") is a word as often as a date, and is left to the
     * text. */
    size_t a = text.find_first_not_of(" \t"), b = text.find_last_not_of(" \t");
    std::string t = a == std::string::npos ? "" : text.substr(a, b - a + 1);
    char day[16];
    if (ns_date_dmy_day(t.c_str(), day, sizeof day) == 0)
        return std::string("date:") + day; /* "05.12.2026" */
    if (t.find('-') != std::string::npos && DateField::reads(t))
        return "date:" + t;
    const Xapian::Database *dict =
        idx->cluster ? cluster_dictionary(idx) : idx->db.get();
    if (!dict || text.size() > SPELL_MAX_QUERY)
        return "";
    std::string corrected;
    try {
        if (dict->spellings_begin() == dict->spellings_end())
            return "";
        corrected = corrected_text(idx, *dict, text);
    } catch (const Xapian::QueryParserError &) {
        return ""; /* run as words with a warning; no guess on top */
    } catch (const Xapian::Error &e) {
        if (!idx->cluster)
            throw;
        cluster_dictionary_failed(idx, describe(e));
        return "";
    }
    /* Xapian replaces words and nothing else: the gaps between them must
     * be the same, or the two texts are not aligned and nothing is
     * suggested.  When it changes nothing, a word may still be split. */
    std::vector<std::string> was = runs(text),
                             now = runs(corrected.empty() ? text : corrected);
    if (was.size() != now.size())
        return "";
    std::string out;
    std::vector<Said> said;
    bool changed = false;
    bool name = false; /* a word typed with a capital letter corrected */
    /* A capital on the query's first word alone, before words in lower
     * case, is the sentence case phones and habit give ("Azuer
     * survelance"), no sign of a name: "Merkel", "Barack Obama" and "visit
     * by Merkel" are.  Words at odd places in WAS. */
    size_t words = 0, capitalised = 0;
    for (size_t i = 1; i < was.size(); i += 2) {
        words++;
        capitalised += lower(was[i].c_str()) != was[i];
    }
    const bool sentence_case =
        words > 1 && capitalised == 1 && was.size() > 1 &&
        lower(was[1].c_str()) != was[1];
    int splits = SPLIT_MAX_WORDS;
    for (size_t i = 0; i < was.size(); i++) {
        if (i % 2 == 0) {
            if (was[i] != now[i])
                return "";
            out += was[i];
            continue;
        }
        const std::string w = typed(was[i]);
        const bool fix =
            i != last && correctable(was, i) && !run_matches(idx, was, i);
        std::string fixed;
        /* Xapian gives "d'Ivoire" for a "d'Ivoire" it finds in no article
         * (its case kept after an apostrophe): that is no correction, and
         * "Did you mean: Cote d'Ivoire?" offered the query typed. */
        if (fix && typed(now[i]) != w && close_enough(idx, w, now[i]))
            fixed = now[i];
        std::string split;
        if (fix && splits-- > 0)
            split = split_word(idx, *dict, w, fixed, time);
        if (!split.empty()) {
            size_t sp = split.find(' ');
            for (const std::string &part :
                 {split.substr(0, sp), split.substr(sp + 1)})
                said.push_back(
                    {part, !closed_class(idx, part), true, i, false});
            out += apostrophe_like(was[i], split_cased_like(was[i], split));
        } else if (!fixed.empty()) {
            said.push_back({fixed,
                            correctable(now, i) && !closed_class(idx, fixed),
                            true, i, false});
            out += apostrophe_like(was[i], cased_like(was[i], fixed));
            name = name || (lower(was[i].c_str()) != was[i] &&
                            !(i == 1 && sentence_case) &&
                            !one_slip(typed(was[i]), typed(now[i])));
        } else {
            said.push_back(
                {w, correctable(was, i) && !closed_class(idx, w), false, i,
                 fix});
            out += was[i];
            continue;
        }
        changed = true;
    }
    if (out == text || !changed)
        return ""; /* nothing but what was typed */
    if (beside_hits)
        return in_context(idx, said) ? out : "";
    /* Searched instead of a query that matches nothing only when it is
     * likely what was meant.  A word typed with a capital letter (a query
     * all in capitals corrects none) is most likely a name the archive
     * lacks, and its nearest word another word: BBC News showed the 413
     * hits of "Market" for "Merkel", "Near" for "Neymar".  Corrected words
     * must go with the query's other words, as beside hits: "elon musk"
     * searched "elton must" (193 hits).  A split keeps every letter typed
     * ("TonyBlair"), and its own phrase vouches for its two parts.  A
     * word that matches nothing is no context. */
    for (Said &s : said)
        s.searched = s.searched && !s.lost;
    try {
        *sure = !name && in_context(idx, said, true);
    } catch (const Xapian::Error &) {
        if (!idx->cluster)
            throw;
        *sure = false; /* a shard failed: offered, not searched */
    }
    return out;
}
