/* query.cc - From query text to a Xapian query: the parser with the
 * fields of the query language and its stop words, one parse per stemmer
 * present, the rewriting of hyphenated words, and the filters of the
 * search options as a query of their own (never as query text). */
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Xapian::Query::MatchAll is one object for the whole process, and
 * Xapian counts the references to a query without atomics: two threads
 * copying it at once (two workers of nsearchd each answering "the newest
 * articles") lose a count, and the query is freed while the rest still
 * use it.  A query made here is the same query (Xapian defines MatchAll
 * as the empty term) and belongs to the search that made it
 * (tests/unit/test_threads.c). */
Xapian::Query libns::match_all()
{
    return Xapian::Query(std::string());
}

/* A filter's value as the indexer stores it: in lower case, every letter
 * (fold_case), and a language as its code (ns_lang_code: lang:en-GB is
 * lang:en).  An index written before labels were folded beyond ASCII
 * holds "Østlandet" as it was written: the ASCII-only form is matched
 * too, so that a filter finds there what it found before. */
static Xapian::Query stored_value(const std::string &prefix, const char *value)
{
    std::string v = fold_case(value), old = lower(value);
    if (prefix == PREFIX_LANG) {
        ns_lang_code(&v[0]);
        v.resize(strlen(v.c_str()));
        return Xapian::Query(prefix + v);
    }
    if (v == old)
        return Xapian::Query(prefix + v);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(prefix + v),
                         Xapian::Query(prefix + old));
}

/* Boolean prefixes take their value as one term; these fold it the way
 * the indexer does, so section:World finds "world". */
class LowerPrefix : public Xapian::FieldProcessor
{
    std::string prefix;

  public:
    explicit LowerPrefix(const std::string &p) : prefix(p) {}
    Xapian::Query operator()(const std::string &value) override
    {
        return stored_value(prefix, value.c_str());
    }
};

/* NAME ("title") as the parser accepts it: lower case, capitalised and
 * in capitals. */
static std::vector<std::string> name_cases(const char *name)
{
    std::string cap = name, upper = name;
    cap[0] = (char)toupper((unsigned char)cap[0]);
    for (char &c : upper)
        c = (char)toupper((unsigned char)c);
    return {name, cap, upper};
}

const unsigned libns::PARSE_FLAGS =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_CJK_NGRAM;

static Xapian::QueryParser make_parser(const Xapian::Database &db,
                                       const Xapian::Stem &stem,
                                       unsigned max_expansion,
                                       std::string *warnings)
{
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_OR);
    /* A wildcard over a huge vocabulary would expand to thousands of terms;
     * the most frequent 100 are plenty to rank (fewer when the query has
     * several: limits.cc). */
    qp.set_max_expansion(max_expansion,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    /* Field names as typed at the start of a sentence and in a query
     * typed in capitals too: "Title:Azure" and "SECTION:World" are what a
     * phone keyboard or caps lock makes of title: and section:, and
     * Xapian's names are case-sensitive, so an unknown "Title" made a
     * phrase of "title azure" that matched nothing. */
    for (const SchemaField &f : SCHEMA_FIELDS) {
        for (const std::string &name : name_cases(f.name)) {
            switch (f.kind) {
            case FIELD_TEXT:
                qp.add_prefix(name, f.prefix);
                break;
            case FIELD_BOOL_LOWER:
                qp.add_boolean_prefix(name,
                                      (new LowerPrefix(f.prefix))->release());
                break;
            case FIELD_BOOL_EXACT:
                qp.add_boolean_prefix(name, f.prefix);
                break;
            }
        }
    }
    /* date:2025, date:2025-09, date:2025-01-01..2025-03-31 (dates.cc). */
    for (const std::string &name : name_cases("date"))
        qp.add_boolean_prefix(name, (new DateField(warnings, &db))->release());
    return qp;
}

/* Words a query does not search by when it has others: the closed-class
 * words of its language (common/stop-words-en.txt; for Norwegian the
 * Snowball list the pair terms use, common-words-no.txt), and each of
 * those words with its diacritics folded, as a query typed without them
 * ("pa" for "på") is folded to the same stem.  Xapian's parser keeps a
 * query of such words alone, a quoted phrase and a word with '+' as
 * written.  Such a word is in nearly every article: it adds nearly the
 * same small weight to every match, and so only blurs the ranking of
 * the words that say what is asked.  Measured on the development queries
 * (README "Ranking quality"): CACM's MAP rose from 0.383 to 0.40, TIME's
 * stayed as it was.  NULL (no stopping) for the other languages.  See
 * parse_stopped() for where they are kept. */
static const Xapian::Stopper *stopper_for(const std::string &stemmer)
{
    struct Lists {
        Xapian::SimpleStopper en, no;
        static void fill(Xapian::SimpleStopper &s, const char *list)
        {
            for (const std::string &w : list_words(list)) {
                s.add(w);
                s.add(fold(w, 0));
            }
        }
        Lists()
        {
            fill(en, STOP_WORDS_EN);
            fill(no, COMMON_WORDS_NO);
        }
    };
    static const Lists lists;
    if (stemmer.find("Stem(english)") != std::string::npos)
        return &lists.en;
    if (stemmer.find("Stem(norwegian)") != std::string::npos)
        return &lists.no;
    return nullptr;
}

bool libns::stop_word(ns_index_t *idx, const std::string &lang,
                      const std::string &w)
{
    const Xapian::Stopper *s =
        stopper_for(stemmer_for(idx, lang).get_description());
    return s && (*s)(w);
}

/* The stems of the same lists (NULL: none), which related posts leave out
 * of a story (related.cc): "og" and "the" say nothing of what an article
 * is about, and in an archive too small for the document-frequency cut
 * they would otherwise tie any two articles of a language together. */
const std::set<std::string> *libns::stop_stems(ns_index_t *idx,
                                               const std::string &lang)
{
    struct Sets {
        std::set<std::string> en, no;
        static void fill(std::set<std::string> &s, const char *list,
                         const char *language)
        {
            Xapian::Stem stem = folding_stem(Xapian::Stem(language));
            for (const std::string &w : list_words(list)) {
                s.insert(stem(w));
                s.insert(stem(fold(w, NS_FOLD_DIGRAPH))); /* "foer" */
            }
        }
        Sets()
        {
            fill(en, STOP_WORDS_EN, "english");
            fill(no, COMMON_WORDS_NO, "norwegian");
        }
    };
    static const Sets sets;
    const std::string d = stemmer_for(idx, lang).get_description();
    if (d.find("Stem(english)") != std::string::npos)
        return &sets.en;
    if (d.find("Stem(norwegian)") != std::string::npos)
        return &sets.no;
    return nullptr;
}

/* The terms of Q under a NOT into NEG, the others into POS. */
static void sides(const Xapian::Query &q, bool negated,
                  std::set<std::string> &pos, std::set<std::string> &neg)
{
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        (negated ? neg : pos).insert(*q.get_terms_begin());
        return;
    }
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        sides(q.get_subquery(i),
              negated != (q.get_type() == Xapian::Query::OP_AND_NOT && i > 0),
              pos, neg);
}

/* TEXT parsed by QP with STOP, or without it where stopping would change
 * what is excluded or make the parse fail, and QP left set as the answer
 * was parsed (the exact forms are parsed next the same way).  Xapian
 * reads a query whose words left are all excluded as a syntax error and
 * parses it again without operators: "the -election" became "election",
 * the opposite of what was asked. */
static Xapian::Query parse_stopped(Xapian::QueryParser &qp,
                                   const std::string &text, unsigned flags,
                                   const Xapian::Stopper *stop)
{
    if (!stop)
        return qp.parse_query(text, flags);
    qp.set_stopper(stop);
    Xapian::Query q;
    bool failed = false;
    try {
        q = qp.parse_query(text, flags);
        if (qp.stoplist_begin() == qp.stoplist_end())
            return q;
    } catch (const Xapian::QueryParserError &) {
        failed = true;
    }
    qp.set_stopper(nullptr);
    Xapian::Query plain = qp.parse_query(text, flags);
    std::set<std::string> pos, neg, plain_pos, plain_neg;
    sides(q, false, pos, neg);
    sides(plain, false, plain_pos, plain_neg);
    bool flipped = false;
    for (const std::string &t : plain_neg)
        flipped = flipped || pos.count(t);
    if (failed || flipped || neg != plain_neg)
        return plain;
    qp.set_stopper(stop);
    return q;
}

/* Is every word of TEXT (a quoted phrase is one) excluded with '-'?  Then
 * *WORDS is TEXT without those signs.  Xapian's parser takes such a query
 * for a syntax error ("-weather": nothing to exclude from) and parses it
 * again without operators, so "-weather" found the articles WITH weather:
 * the opposite of what was asked.  Read as "NOT weather" instead, as
 * search engines do: every article without the words (build_query). */
static bool only_excluded(const std::string &text, std::string *words)
{
    *words = text;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        bool start = !quoted && !isspace((unsigned char)c) &&
                     (i == 0 || isspace((unsigned char)text[i - 1]));
        if (c == '"')
            quoted = !quoted;
        if (!start)
            continue;
        if (c != '-' || i + 1 == text.size() ||
            isspace((unsigned char)text[i + 1]) || text[i + 1] == '-')
            return false;
        (*words)[i] = ' ';
        any = true;
    }
    return any;
}

/* Q without what only ranks: the optional part of each AND_MAYBE (the
 * exact-form boost) and the factors of OP_SCALE_WEIGHT.  What is excluded
 * adds no weight, and Xapian 1.4.22 reads memory it never set when an
 * AND_MAYBE is the excluded side of AND_NOT (valgrind: "depends on
 * uninitialised value" in get_mset), so "-lighthouse" kept the one
 * article it should drop in the AddressSanitizer build. */
static Xapian::Query unweighted(const Xapian::Query &q)
{
    using Q = Xapian::Query;
    if (q.get_type() == Q::OP_AND_MAYBE || q.get_type() == Q::OP_SCALE_WEIGHT)
        return unweighted(q.get_subquery(0));
    return map_subqueries(q,
                          [](const Q &sub, size_t) { return unweighted(sub); });
}

/* The NEAR operators Xapian's parser made of a query: each join of a
 * chain ("a NEAR b NEAR c" is two). */
static size_t near_joins(const Xapian::Query &q)
{
    size_t n =
        q.get_type() == Xapian::Query::OP_NEAR ? q.get_num_subqueries() - 1 : 0;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        n += near_joins(q.get_subquery(i));
    return n;
}

/* Xapian's parser reads NEAR only between two words: beside a wildcard
 * ("azure NEAR surveil*"), at either end ("oil NEAR/3", which is the
 * phrase "near 3"), or with a window of 0 ("NEAR/0") it is the word
 * "near", and the query ran as words with nothing said.  Say so when
 * operators are read (not in a query typed in capitals) and TEXT, outside
 * quotes, has more NEARs than the parse RAW joined. */
static void near_unread(const std::string &text, unsigned flags,
                        const Xapian::Query &raw, std::string *warnings)
{
    if (!warnings || !(flags & Xapian::QueryParser::FLAG_BOOLEAN))
        return;
    size_t typed = 0;
    bool quoted = false, bad = false;
    for (size_t at = 0; at < text.size(); at++) {
        if (text[at] == '"')
            quoted = !quoted;
        if (quoted || text.compare(at, 4, "NEAR") != 0)
            continue;
        size_t end = at + 4;
        bool window = end < text.size() && text[end] == '/';
        bool alone =
            (at == 0 || isspace((unsigned char)text[at - 1])) &&
            (end == text.size() || isspace((unsigned char)text[end]) || window);
        if (!alone)
            continue;
        typed++;
        /* "NEAR/0", "NEAR/x": the phrase "near 0" beside the words. */
        bad |= window && !(isdigit((unsigned char)text[end + 1]) &&
                           atoi(text.c_str() + end + 1) > 0);
        at = end;
    }
    if (typed && (bad || near_joins(raw) < typed)) {
        std::string why = "NEAR was searched as a word: it joins two "
                          "words (a NEAR b, a NEAR/3 b), not a wildcard "
                          "or a phrase, with a window from 1";
        if (warnings->find(why) == std::string::npos)
            *warnings += (warnings->empty() ? "" : "; ") + why;
    }
}

/* Parse TEXT into a query: each word by its stem, with its exact form as a
 * lighter optional part (forms.cc).  Articles are stemmed in their own
 * language, so the query is parsed once per stemmer present in the index,
 * each parse restricted to the articles of its languages: a Norwegian
 * article is matched by Norwegian stems and an English one by English
 * stems.  With a single language there is no restriction and no extra
 * cost.  A query of excluded words alone is every article without them
 * (only_excluded). */
static std::string quoted_initialisms(const std::string &t);

Xapian::Query libns::build_query(ns_index_t *idx, const std::string &text,
                                 unsigned flags, unsigned max_expansion,
                                 std::string *warnings)
{
    std::string excluded;
    if ((flags & Xapian::QueryParser::FLAG_LOVEHATE) &&
        only_excluded(text, &excluded))
        return Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(),
                             unweighted(build_query(idx, excluded, flags,
                                                    max_expansion, warnings)));
    std::map<std::string, std::vector<std::string>> groups; /* stem -> langs */
    std::map<std::string, const Xapian::Stem *> stems;
    for (const auto &l : index_langs(idx)) {
        const Xapian::Stem &s = stemmer_for(idx, l);
        std::string key = s.get_description();
        groups[key].push_back(l);
        stems[key] = &s;
    }
    const std::string parsed = (flags & Xapian::QueryParser::FLAG_BOOLEAN)
                                   ? quoted_initialisms(text)
                                   : text;
    Xapian::Query q;
    for (const auto &g : groups) {
        const Xapian::Stem &stem = *stems[g.first];
        Xapian::QueryParser qp =
            make_parser(*idx->db, stem, max_expansion, warnings);
        Xapian::Query raw =
            parse_stopped(qp, parsed, flags, stopper_for(g.first));
        if (q.empty())
            near_unread(text, flags, raw, warnings);
        Xapian::Query part = stem_all_words(raw, stem, max_expansion);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        part = exact_boost(part, qp.parse_query(parsed, flags), stem);
        /* Folding never makes a query too large to run (limits.cc): each
         * parse may add half its share of the room left below the limit. */
        size_t len = part.get_length() * groups.size();
        part = fold_phrases(idx, part, stem,
                            len < QUERY_MAX_TERMS
                                ? (QUERY_MAX_TERMS - len) / groups.size() / 2
                                : 0);
        if (groups.size() > 1) {
            std::vector<Xapian::Query> filter;
            for (const auto &l : g.second)
                filter.emplace_back(PREFIX_LANG + l);
            part = Xapian::Query(Xapian::Query::OP_FILTER, part,
                                 Xapian::Query(Xapian::Query::OP_OR,
                                               filter.begin(), filter.end()));
        }
        q = q.empty() ? part : Xapian::Query(Xapian::Query::OP_OR, q, part);
    }
    return q;
}

/* TEXT as Xapian's spelling correction rewrites it (only the words of
 * the default field it can correct change), or "" when it changes nothing.
 * The dictionary has no languages, so one parser does.  The parser's
 * database is DICT, since that is where Xapian takes corrections from;
 * what it would also expand wildcards against does not matter here, as
 * only the corrected text is kept. */
std::string libns::corrected_text(ns_index_t *idx, const Xapian::Database &dict,
                                  const std::string &text)
{
    std::string lang = idx->langs.empty() ? "en" : *idx->langs.begin();
    Xapian::QueryParser qp = make_parser(dict, stemmer_for(idx, lang),
                                         WILDCARD_MAX_EXPANSION, nullptr);
    qp.parse_query(text, query_flags(text, PARSE_FLAGS) |
                             Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    return qp.get_corrected_query_string();
}

/* Does C join onto a word, so that letters and periods beside it are
 * part of a longer one ("e.coli", "node.js", "u.s.'s")? */
static bool joins_word(char c)
{
    return isalnum((unsigned char)c) || ((unsigned char)c & 0x80) ||
           strchr(".'_:*&@/", c) != nullptr;
}

/* The length of the initialism at T[I] ("u.s.", "u.k", "U.S."): two to
 * twelve single letters, each followed by a period but the last, which
 * may lack it, and no more of a word after it; or 0. */
static size_t initialism_at(const std::string &t, size_t i)
{
    size_t j = i, letters = 0;
    while (j < t.size() && isalpha((unsigned char)t[j]) && letters < 12) {
        letters++, j++;
        if (j < t.size() && t[j] == '.')
            j++;
        else
            break; /* the last letter, without its period */
    }
    if (letters < 2 || (j < t.size() && joins_word(t[j])))
        return 0;
    return j - i;
}

/* Is the name before T[COLON] that of a text field (title:, heading:,
 * author:), whose words are read as outside one? */
static bool text_field_before(const std::string &t, size_t colon)
{
    size_t s = colon;
    while (s > 0 && isalpha((unsigned char)t[s - 1]))
        s--;
    std::string name = lower(t.substr(s, colon - s).c_str());
    for (const SchemaField &f : SCHEMA_FIELDS)
        if (f.kind == FIELD_TEXT && name == f.name)
            return true;
    return false;
}

/* An initialism typed in lower case ("u.s.", "u.k. inflation") is read
 * as in capitals, as news writes it.  Xapian's parser and indexer read
 * single letters joined by periods as one word only in capitals: "U.S."
 * is the term "us", and "u.s." was the phrase "u s", which only text in
 * lower case has.  So "u.s." found 23 of Reuters' 4,000 articles with
 * "U.S." (FTS5, which splits both, finds them all), and "u.s. trade"
 * ranked a table in lower case first.  Searching both ways, as "(U.S. OR
 * u.s.)", was tried: the phrase of two rare one-letter terms outweighed
 * "us", and that table stayed first.  Inside quotes, which ask for the
 * text as written, and in the values of filters (id:, section:) it stays
 * as typed: "\"a.m.\"" finds the times that articles write in lower case. */
static std::string initialisms(const std::string &t)
{
    std::string out = t;
    bool quoted = false, field = false; /* inside "...", inside name:value */
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"') /* and the typographer's (plain_marks) */
            quoted = !quoted;
        else if (strchr(" \t()", t[i]))
            field = false;
        else if (t[i] == ':')
            field = !text_field_before(t, i);
        else if (!quoted && !field &&
                 (i == 0 || !joins_word(t[i - 1]) || t[i - 1] == ':')) {
            size_t n = initialism_at(t, i);
            for (size_t k = 0; k < n; k++)
                out[i + k] = (char)toupper((unsigned char)t[i + k]);
            i += n ? n - 1 : 0; /* the byte after it is looked at next */
        }
    }
    return out;
}

/* A quoted phrase with an initialism typed in lower case ("u.s. trade
 * deficit") is the phrase as written or with the initialism in capitals,
 * the way news writes it: as typed it found nothing in Reuters, where
 * "U.S. trade deficit" is in 192 articles.  Xapian's parser reads
 * "(A OR B)" after a field name and after '-' or '+' as one group.  A
 * quoted initialism alone stays as written: "A.M." is the word "am"
 * ("Pan Am"), and only its neighbours in a phrase say which is meant.
 * Run on the text the parse reads, after the query's words are counted
 * (limits.cc), so that the copy counts for nothing. */
static std::string quoted_initialisms(const std::string &t)
{
    std::string out;
    size_t done = 0, open = std::string::npos;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] != '"')
            continue;
        if (open == std::string::npos) {
            open = i;
            continue;
        }
        size_t close = i;
        std::string inside = t.substr(open + 1, close - open - 1),
                    caps = inside;
        size_t words = 0, changed = 0;
        for (size_t k = 0; k < inside.size(); k++) {
            if (k > 0 && joins_word(inside[k - 1]))
                continue;
            words += !isspace((unsigned char)inside[k]);
            size_t n = initialism_at(inside, k);
            for (size_t m = 0; m < n; m++) {
                changed += islower((unsigned char)inside[k + m]) != 0;
                caps[k + m] = (char)toupper((unsigned char)inside[k + m]);
            }
            k += n ? n - 1 : 0;
        }
        bool filter =
            open > 0 && t[open - 1] == ':' && !text_field_before(t, open - 1);
        if (changed && words > 1 && !filter) {
            out += t.substr(done, open - done);
            out += "(\"" + inside + "\" OR \"" + caps + "\")";
            done = close + 1;
        }
        open = std::string::npos;
    }
    return out + t.substr(done);
}

/* Outside quotes, a hyphen between two letters becomes a space:
 * "four-power" is searched as its two words, as most engines (FTS5's
 * tokenizers among them) do, rather than as the phrase Xapian's parser
 * makes of it.  A phrase is checked against the article's text (the index
 * has no positions) and, inside a longer OR query, would still add the
 * weight of its words to articles that have them apart: measured on TIME,
 * MAP 0.657 with hyphen phrases against 0.66x without.  "-word" (NOT) is
 * untouched: its hyphen does not follow a letter; so are field values
 * (id:azure-review-wire, date:2025-01-01..) and hyphens next to digits
 * (COVID-19 stays a phrase). */
static std::string split_hyphens(const std::string &text)
{
    std::string out = text;
    bool quoted = false, field = false; /* inside "...", inside name:value */
    bool keep = false; /* a word with '-' or '+', or after an operator */
    std::string last;  /* the word before this one */
    for (size_t i = 0; i < out.size(); i++) {
        char c = out[i];
        bool start = i == 0 || out[i - 1] == ' ' || out[i - 1] == '\t' ||
                     out[i - 1] == '(';
        if (start && c != ' ' && c != '\t') {
            /* "-cut-off" excludes the phrase, as Xapian reads it: split,
             * it excluded "cut" and searched "off", the opposite of what
             * was asked; so after NOT, AND and OR. */
            keep = c == '-' || c == '+' || last == "NOT" || last == "AND" ||
                   last == "OR" || last == "XOR";
            size_t end = out.find_first_of(" \t()", i);
            last = out.substr(i, end == std::string::npos ? end : end - i);
        }
        if (c == '"')
            quoted = !quoted;
        else if (c == ' ' || c == '\t' || c == '(' || c == ')')
            field = false;
        else if (c == ':')
            field = true;
        else if (!quoted && !field && !keep && c == '-' && i > 0 &&
                 i + 1 < out.size() && isalpha((unsigned char)out[i - 1]) &&
                 isalpha((unsigned char)out[i + 1]))
            out[i] = ' ';
    }
    return out;
}

/* The marks of pasted and Nordic text as Xapian's parser reads them.
 * Every quotation mark that opens or closes a phrase becomes '"', so that
 * the rewrites after this one see one kind: the typographer's (“ ”), which
 * Xapian's parser takes as '"' already, and guillemets (« », the
 * quotation marks of Norwegian) and the low quote („), which it took for
 * nothing: «ekstern gjennomgang» was its two words.  Soft hyphens
 * (U+00AD), which news pages put in long words and a copied headline
 * keeps, are left out, as the indexer leaves them out of articles
 * (article.c). */
static std::string plain_marks(const std::string &t)
{
    static const char *const quotes[] = {"\u201c", "\u201d", "\u00ab", "\u00bb",
                                         "\u201e"};
    /* Spaces a page's text keeps (no-break, narrow, thin, figure): a
     * space, or "oil section:crude" with a no-break space after it
     * filtered on "crude\u00a0".  Zero-width characters: nothing, as
     * the indexer reads them (TermGenerator joins a word across them). */
    static const char *const spaces[] = {"\u00a0", "\u2007", "\u2009",
                                         "\u200a", "\u202f", "\u3000"};
    static const char *const invisible[] = {"\u200b", "\u200c", "\u200d",
                                            "\u2060", "\ufeff"};
    std::string out;
    for (size_t i = 0; i < t.size(); i++) {
        size_t n = t.compare(i, 2, "\u00ad") == 0 ? 2 : 0;
        for (const char *z : invisible)
            if (!n && t.compare(i, strlen(z), z) == 0)
                n = strlen(z);
        for (const char *sp : spaces)
            if (!n && t.compare(i, strlen(sp), sp) == 0)
                out += ' ', n = strlen(sp);
        for (const char *q : quotes)
            if (!n && t.compare(i, strlen(q), q) == 0)
                out += '"', n = strlen(q);
        if (n)
            i += n - 1;
        else
            out += t[i];
    }
    return out;
}

/* A web address pasted as a query ("https://news.example.org/2025/09/17/
 * fed-rate-cut-september?utm_source=x") is searched by the words of its
 * path, which for a news site are the headline's: "https:" was read as
 * a field name Xapian does not know, and the query found nothing.  The
 * host (the site's name, in every article of it), the query string and
 * fragment (tracking codes), numbers alone (a date) and a page's extension
 * (".html") say nothing of the story and are left out; an address with
 * no more than its host is searched by the host's words. */
static std::string address_words(std::string a)
{
    a = a.substr(0, a.find_first_of("?#"));
    size_t slash = a.find('/');
    std::string host = a.substr(0, slash), path, word;
    a = slash == std::string::npos ? "" : a.substr(slash) + "/";
    for (size_t i = 0; i < a.size(); i++) {
        char c = a[i];
        if (c == '%' && i + 2 < a.size() && isxdigit((unsigned char)a[i + 1]) &&
            isxdigit((unsigned char)a[i + 2])) {
            c = (char)strtol(a.substr(i + 1, 2).c_str(), nullptr, 16);
            i += 2;
        }
        if (c != '/') {
            word += c;
            continue;
        }
        for (const char *ext : {".html", ".htm", ".php", ".aspx", ".asp"})
            if (word.size() > strlen(ext) &&
                strcasecmp(word.c_str() + word.size() - strlen(ext), ext) == 0)
                word.resize(word.size() - strlen(ext));
        if (word.find_first_not_of("0123456789") != std::string::npos)
            path += " " + word;
        word.clear();
    }
    std::string out =
        path.find_first_not_of(" ") == std::string::npos ? host : path;
    for (char &c : out)
        if (strchr("/._-=&:+,;~!$'*@", c))
            c = ' ';
    return out;
}

static std::string pasted_addresses(const std::string &t)
{
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"')
            quoted = !quoted;
        size_t scheme = 0;
        if (!quoted &&
            (i == 0 || isspace((unsigned char)t[i - 1]) || t[i - 1] == '('))
            for (const char *s : {"https://", "http://"})
                if (strncasecmp(t.c_str() + i, s, strlen(s)) == 0)
                    scheme = strlen(s);
        if (!scheme) {
            out += t[i];
            continue;
        }
        size_t end = i;
        while (end < t.size() && !isspace((unsigned char)t[end]) &&
               t[end] != ')' && t[end] != '"')
            end++;
        out += address_words(t.substr(i + scheme, end - i - scheme));
        i = end - 1;
    }
    return out;
}

/* Is T[AT..] a field name of the query language (any case) and its
 * colon?  Returns the length of both, or 0. */
static size_t field_name_at(const std::string &t, size_t at)
{
    size_t end = at;
    while (end < t.size() && isalpha((unsigned char)t[end]))
        end++;
    if (end == at || end >= t.size() || t[end] != ':')
        return 0;
    std::string name = lower(t.substr(at, end - at).c_str());
    if (name == "date")
        return end - at + 1;
    for (const SchemaField &f : SCHEMA_FIELDS)
        if (name == f.name)
            return end - at + 1;
    return 0;
}

/* "title: oil", "section: crude", "date: 1987-03": a space after a field
 * name's colon, as one writes "Title: ..." in a sentence.  Xapian's
 * parser reads a field only with its value right after the colon, so the
 * field was dropped and its name searched as a word ("title: oil" ranked
 * "Title Insurance" first).  Outside quotes the spaces go. */
static std::string joined_fields(const std::string &t)
{
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"')
            quoted = !quoted;
        size_t n = 0;
        if (!quoted && (i == 0 || strchr(" \t(+-", t[i - 1])))
            n = field_name_at(t, i);
        if (!n) {
            out += t[i];
            continue;
        }
        out += t.substr(i, n);
        size_t j = i + n;
        while (j < t.size() && (t[j] == ' ' || t[j] == '\t'))
            j++;
        i = j - 1;
    }
    return out;
}

std::string libns::typed_text(const std::string &text)
{
    return split_hyphens(
        initialisms(joined_fields(plain_marks(pasted_addresses(text)))));
}

std::string libns::unclosed_quote_words(const std::string &text)
{
    /* Every mark that opens or closes a phrase, as '"' (plain_marks). */
    std::string t = plain_marks(text);
    size_t count = (size_t)std::count(t.begin(), t.end(), '"');
    if (count % 2 == 0)
        return "";
    size_t last = t.rfind('"');
    return t.substr(0, last) + " " + t.substr(last + 1);
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */
/* ------------------------------------------------------------------------ */

/* A filter value as the indexer stores a label: without surrounding white
 * space (article.c trims labels). */
static std::string trimmed(const char *v)
{
    std::string s(v);
    size_t a = 0, b = s.size();
    while (a < b && isspace((unsigned char)s[a]))
        a++;
    while (b > a && isspace((unsigned char)s[b - 1]))
        b--;
    return s.substr(a, b - a);
}

/* One boolean term per value, OR-ed: any of them. */
static Xapian::Query any_of(const char *prefix, const char *const *values,
                            size_t n, bool fold)
{
    std::vector<Xapian::Query> terms;
    for (size_t i = 0; i < n; i++)
        if (values[i]) {
            std::string v = trimmed(values[i]);
            terms.emplace_back(fold ? stored_value(prefix, v.c_str())
                                    : Xapian::Query(prefix + v));
        }
    if (terms.empty())
        return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/* Every word of the author filter in the author field: its words as the
 * indexer's TermGenerator splits them (unstemmed terms, which the index
 * holds beside the stems). */
static Xapian::Query author_words(const char *author)
{
    Xapian::TermGenerator tg;
    Xapian::Document doc;
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_document(doc);
    tg.index_text_without_positions(author, 1, PREFIX_AUTHOR);
    std::vector<Xapian::Query> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        terms.emplace_back(*t);
    if (terms.empty())
        return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

/* A date filter into epoch seconds: digits (with an optional '-') are
 * seconds, anything else a date ns_date_parse() reads; a bare day as the
 * upper end means its last second. */
static bool date_bound(const char *text, bool upper, int64_t *out)
{
    std::string v = trimmed(text);
    if (v.empty())
        return false;
    size_t digits = v[0] == '-' ? 1 : 0;
    if (digits < v.size() &&
        v.find_first_not_of("0123456789", digits) == std::string::npos) {
        long long n;
        errno = 0;
        char *end;
        n = strtoll(v.c_str(), &end, 10);
        if (errno || *end)
            return false;
        *out = (int64_t)n;
        return true;
    }
    if (ns_date_parse(v.c_str(), out) < 0)
        return false;
    if (upper && v.size() == 10)
        *out += 86399;
    return true;
}

ns_status_t libns::filter_query(ns_index_t *idx, const ns_search_opts_t *o,
                                Xapian::Query *out)
{
    std::vector<Xapian::Query> parts;
    if (o->sections && o->n_sections)
        parts.push_back(
            any_of(PREFIX_SECTION, o->sections, o->n_sections, true));
    if (o->langs && o->n_langs)
        parts.push_back(any_of(PREFIX_LANG, o->langs, o->n_langs, true));
    if (o->tags && o->n_tags)
        parts.push_back(any_of(PREFIX_TAG, o->tags, o->n_tags, true));
    if (o->ids && o->n_ids)
        parts.push_back(any_of(PREFIX_ID, o->ids, o->n_ids, false));
    if (o->author)
        parts.push_back(author_words(o->author));
    int64_t from = 0, to = 0;
    bool have_from = o->date_from != nullptr, have_to = o->date_to != nullptr;
    if (have_from && !date_bound(o->date_from, false, &from)) {
        idx->error = "date_from '" + std::string(o->date_from) +
                     "' is neither a date nor seconds since the epoch";
        return NS_STATUS_BAD_QUERY;
    }
    if (have_to && !date_bound(o->date_to, true, &to)) {
        idx->error = "date_to '" + std::string(o->date_to) +
                     "' is neither a date nor seconds since the epoch";
        return NS_STATUS_BAD_QUERY;
    }
    /* Articles without a date have no value in the slot: no range takes
     * them. */
    using Q = Xapian::Query;
    auto when = [](int64_t t) { return Xapian::sortable_serialise((double)t); };
    if (have_from && have_to)
        parts.emplace_back(Q::OP_VALUE_RANGE, SLOT_TIME, when(from), when(to));
    else if (have_from)
        parts.emplace_back(Q::OP_VALUE_GE, SLOT_TIME, when(from));
    else if (have_to)
        parts.emplace_back(Q::OP_VALUE_LE, SLOT_TIME, when(to));
    *out = parts.empty() ? Q() : Q(Q::OP_AND, parts.begin(), parts.end());
    return NS_STATUS_OK;
}
