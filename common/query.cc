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
#include "unread-dates.h"
#include "lang.h"

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

/* S without its hyphens and spaces: "nord-norge", "nord norge" and
 * "nordnorge" are one name. */
static std::string joined(std::string s)
{
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](char c) { return c == '-' || c == ' '; }),
            s.end());
    return s;
}

/* The section or tag values of DB under PREFIX that V (folded to lower
 * case) is when its diacritics are folded: `section:ostlandet` and
 * `section:oestlandet` for "Østlandet", `tag:vaer` for "vær", typed on a
 * keyboard without æ, ø and å as the words of a query are (fold.c).
 * Asked only when no value is V itself, so a filter typed as stored reads
 * no more than its term; then every value under PREFIX is read once (a
 * site has some hundreds of sections, an archive some thousands of tags).
 * Hyphens and spaces count for nothing there (joined): `section:nordnorge`
 * and `section:"nord norge"` found no article of "Nord-Norge". */
static std::vector<std::string> folded_values(const Xapian::Database &db,
                                              const std::string &prefix,
                                              const std::string &v)
{
    std::vector<std::string> found;
    const std::string want = joined(fold(v, 0));
    if (want.empty())
        return found;
    for (Xapian::TermIterator t = db.allterms_begin(prefix);
         t != db.allterms_end(prefix); ++t) {
        std::string value = (*t).substr(prefix.size());
        if (value != v && (joined(fold(value, 0)) == want ||
                           joined(fold(value, NS_FOLD_DIGRAPH)) == want))
            found.push_back(*t);
    }
    return found;
}

/* A value without surrounding white space, as the indexer trims ids,
 * labels and dates. */
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

/* A label filter's value as the indexer stores a label: trimmed and
 * single-spaced (ns_collapse_spaces: a run of spaces, tabs or line
 * breaks is one space).  section:"world " typed with a space before its
 * closing quote found nothing, where section=world%20 found the World
 * section. */
static std::string label_form(const char *v)
{
    std::string s;
    for (const char *p = v; *p; p++) {
        if (!isspace((unsigned char)*p))
            s += *p;
        else if (!s.empty() && s.back() != ' ')
            s += ' ';
    }
    if (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

/* The lang terms a filter value TYPED matches: its code as an article's
 * lang is read (ns_lang_code), and for Norwegian as a whole ("no",
 * "norsk") Nynorsk's too, since Bokmål is what is stored as "no". */
static std::vector<std::string> lang_codes(const char *typed)
{
    std::string v = fold_case(typed);
    ns_lang_code(&v[0]);
    v.resize(strlen(v.c_str()));
    if (v.empty())
        return {};
    if (v == "no" && ns_lang_names_both_norwegian(typed))
        return {"no", "nn"};
    return {v};
}

static Xapian::Query lang_terms(const char *typed)
{
    std::vector<std::string> terms;
    for (const auto &c : lang_codes(typed))
        terms.push_back(PREFIX_LANG + c);
    if (terms.size() == 1)
        return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/* A filter's value as the indexer stores it: in lower case, every letter
 * (fold_case), and a language as its code (ns_lang_code: lang:en-GB is
 * lang:en).  An index written before labels were folded beyond ASCII
 * holds "Østlandet" as it was written: the ASCII-only form is matched
 * too, so that a filter finds there what it found before.  With DB, a
 * section or tag that is no value of the index is looked for with its
 * diacritics folded (folded_values). */
static Xapian::Query stored_value(const std::string &prefix, const char *value,
                                  const Xapian::Database *db)
{
    /* Letters pasted decomposed (NFD) as the indexer stores a label
     * (article.c): composed, so section=Ve%CC%81r finds "Vér". */
    std::string whole, label = label_form(value);
    value = label.c_str();
    if (composed(value, strlen(value), whole))
        value = whole.c_str();
    std::string v = fold_case(value), old = lower(value);
    if (prefix == PREFIX_LANG)
        return lang_terms(value);
    if (db && (prefix == PREFIX_SECTION || prefix == PREFIX_TAG) &&
        !db->term_exists(prefix + v) && !db->term_exists(prefix + old)) {
        std::vector<std::string> terms = folded_values(*db, prefix, v);
        if (!terms.empty())
            return Xapian::Query(Xapian::Query::OP_OR, terms.begin(),
                                 terms.end());
    }
    if (v == old)
        return Xapian::Query(prefix + v);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(prefix + v),
                         Xapian::Query(prefix + old));
}

/* lang:VALUE in a query of DB, read as an article's lang is (lang.c).
 * Like a date: that is no date, a value with no letter in it (lang:--)
 * names no language: the filter is dropped and the warning says so.  A
 * language no article is in (lang:klingon, or lang:de in a Norwegian
 * archive) is a filter that matches nothing, as lang=klingon is over
 * HTTP, but not silently: the warning names the archive's languages, so
 * a misspelt name ("norwegain") shows what to type. */
static Xapian::Query lang_value(const std::string &value,
                                const Xapian::Database &db,
                                std::string *warnings)
{
    std::vector<std::string> codes = lang_codes(value.c_str());
    std::string why;
    if (codes.empty()) {
        why = "lang:" + value + " names no language; the lang filter was "
                                "ignored";
    } else if (std::none_of(codes.begin(), codes.end(),
                            [&](const std::string &c) {
                                return db.term_exists(PREFIX_LANG + c);
                            })) {
        std::string have;
        for (auto t = db.allterms_begin(PREFIX_LANG);
             t != db.allterms_end(PREFIX_LANG); ++t)
            have += (have.empty() ? "" : ", ") +
                    (*t).substr(sizeof PREFIX_LANG - 1);
        why = "lang:" + value + " matches no article: the archive's " +
              "languages are " + (have.empty() ? "none" : have);
    }
    if (warnings && !why.empty() && warnings->find(why) == std::string::npos)
        *warnings += (warnings->empty() ? "" : "; ") + why;
    if (codes.empty())
        return match_all();
    return lang_terms(value.c_str());
}

/* Boolean prefixes take their value as one term; these fold it the way
 * the indexer does, so section:World finds "world". */
class LowerPrefix : public Xapian::FieldProcessor
{
    std::string prefix;
    const Xapian::Database *db;
    std::string *warnings;

  public:
    LowerPrefix(const std::string &p, const Xapian::Database *d,
                std::string *w)
        : prefix(p), db(d), warnings(w)
    {
    }
    Xapian::Query operator()(const std::string &value) override
    {
        if (prefix == PREFIX_LANG)
            return lang_value(value, *db, warnings);
        return stored_value(prefix, value.c_str(), db);
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

static Xapian::QueryParser make_parser(const Xapian::Database &db, int enc,
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
    static const std::string own_group; /* "": each filter a group */
    for (const SchemaField &f : SCHEMA_FIELDS) {
        const std::string must = std::string(REQUIRED_FIELD) + f.name;
        if (f.kind == FIELD_BOOL_LOWER)
            qp.add_boolean_prefix(
                must, (new LowerPrefix(f.prefix, &db, warnings))->release(),
                &own_group);
        else if (f.kind == FIELD_BOOL_EXACT)
            qp.add_boolean_prefix(must, f.prefix, &own_group);
        for (const std::string &alias : names_of(f)) {
            for (const std::string &name : name_cases(alias.c_str())) {
                switch (f.kind) {
                case FIELD_TEXT:
                    qp.add_prefix(name, f.prefix);
                    break;
                case FIELD_BOOL_LOWER:
                    qp.add_boolean_prefix(
                        name,
                        (new LowerPrefix(f.prefix, &db, warnings))->release());
                    break;
                case FIELD_BOOL_EXACT:
                    qp.add_boolean_prefix(name, f.prefix);
                    break;
                }
            }
        }
    }
    /* date:2025, date:2025-09, date:2025-01-01..2025-03-31 (dates.cc). */
    for (const std::string &name : name_cases("date"))
        qp.add_boolean_prefix(name, (new DateField(warnings, &db, enc))->release());
    /* author:* and _exists_:author (query-lucene-fields.cc). */
    qp.add_boolean_prefix("_exists_",
                          (new ExistsField(warnings, &db))->release());
    return qp;
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

/* TERM's prefixes (the stem's and a field's) and its digits, when its
 * word is a number of four digits or more written with or without its
 * thousands commas ("Z2,004" and "Z2004" are both "Z" and "2004"); ""
 * for any other term. */
static std::string number_key(const std::string &term)
{
    const size_t z = term.compare(0, strlen(PREFIX_STEM), PREFIX_STEM) == 0
                         ? strlen(PREFIX_STEM)
                         : 0;
    std::string prefix, word;
    if (!split_text_term(term.substr(z), prefix, word) ||
        number_form(word).empty())
        return "";
    word.erase(std::remove(word.begin(), word.end(), ','), word.end());
    return term.substr(0, z) + prefix + '\0' + word;
}

/* Q with the two forms of each number the query text searches ("2004
 * 2,004", query-text.cc number_forms) as one synonym, weighed as one
 * word; with TYPED_ONLY (the exact forms' boost, forms.cc), the form
 * typed alone, the first of the two.  As two words, each weighed by its
 * own rarity, the rarer form ranked first whatever was typed: "2004"
 * put "the Nasdaq rose to 2,004" (1 of BBC News' articles) above the
 * 200 that write the year, and 8 of the first 10 for "2000" had "2,000"
 * where 85 articles write "2000" and 34 "2,000". */
static Xapian::Query number_synonyms(const Xapian::Query &q, bool typed_only)
{
    using Q = Xapian::Query;
    if (q.get_type() != Q::OP_OR)
        return map_subqueries(q, [&](const Q &sub, size_t) {
            return number_synonyms(sub, typed_only);
        });
    std::map<std::string, std::vector<Q>> forms;
    std::vector<std::string> keys; /* of each subquery, "" if none */
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        const Q sub = q.get_subquery(i);
        keys.push_back(sub.get_type() == Q::LEAF_TERM
                           ? number_key(*sub.get_terms_begin())
                           : "");
        if (!keys.back().empty())
            forms[keys.back()].push_back(sub);
    }
    std::vector<Q> subs;
    for (size_t i = 0; i < keys.size(); i++) {
        if (keys[i].empty()) {
            subs.push_back(number_synonyms(q.get_subquery(i), typed_only));
            continue;
        }
        std::vector<Q> &f = forms[keys[i]];
        if (f.empty()) /* its group is in SUBS already */
            continue;
        if (f.size() == 1)
            subs.push_back(f[0]);
        else if (typed_only)
            subs.push_back(*std::min_element(
                f.begin(), f.end(), [](const Q &a, const Q &b) {
                    return leaf_position(a) < leaf_position(b);
                }));
        else
            subs.emplace_back(Q::OP_SYNONYM, f.begin(), f.end());
        f.clear();
    }
    return subs.size() == 1 ? subs[0] : Q(Q::OP_OR, subs.begin(), subs.end());
}

/* The indexer's byline word (article.c, ingest.h, a C header). */
extern "C" size_t ns_byline_word(const char *text, size_t len);

/* TEXT with the "By ", "Av ", "Skrevet av " that opens a quoted author
 * name ("author:\"By Kari Nordmann\"") left out, as the indexer leaves it
 * out of a byline: copied from a page with its "By", the name found
 * nothing, and said nothing. */
static std::string without_byline_words(const std::string &t)
{
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        out += t[i];
        if (t[i] != '"')
            continue;
        quoted = !quoted;
        if (!quoted || i == 0 || t[i - 1] != ':' || !text_field_before(t, i - 1))
            continue;
        size_t s = i - 1;
        while (s > 0 && isalpha((unsigned char)t[s - 1]))
            s--;
        const std::string name = lower(t.substr(s, i - 1 - s).c_str());
        if (name != "author" && name != "byline")
            continue;
        size_t end = t.find('"', i + 1);
        if (end == std::string::npos)
            end = t.size();
        i += ns_byline_word(t.data() + i + 1, end - i - 1);
    }
    return out;
}

/* Parse TEXT into a query: each word by its stem, with its exact form as a
 * lighter optional part (forms.cc).  Articles are stemmed in their own
 * language, so the query is parsed once per stemmer present in the index,
 * each parse restricted to the articles of its languages: a Norwegian
 * article is matched by Norwegian stems and an English one by English
 * stems.  With a single language there is no restriction and no extra
 * cost.  A query of excluded words alone is every article without them
 * (only_excluded). */
Xapian::Query libns::build_query(ns_index_t *idx, const std::string &text,
                                 unsigned flags, unsigned max_expansion,
                                 std::string *warnings)
{
    std::string excluded;
    if ((flags & Xapian::QueryParser::FLAG_LOVEHATE) &&
        only_excluded(text, &excluded)) {
        Xapian::Query out =
            build_query(idx, excluded, flags, max_expansion, warnings);
        /* Every article is what filters left out with a warning make
         * (-date:1987-13, unread-dates.h): not typed, they exclude none. */
        if (out.get_type() == Xapian::Query::OP_SCALE_WEIGHT &&
            out.get_subquery(0).get_type() == Xapian::Query::LEAF_MATCH_ALL)
            return out;
        return Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(),
                             unweighted(out));
    }
    std::map<std::string, std::vector<std::string>> groups; /* stem -> langs */
    std::map<std::string, const Xapian::Stem *> stems;
    for (const auto &l : index_langs(idx)) {
        const Xapian::Stem &s = stemmer_for(idx, l);
        std::string key = s.get_description();
        groups[key].push_back(l);
        stems[key] = &s;
    }
    const std::string text_in = (flags & Xapian::QueryParser::FLAG_BOOLEAN)
                                    ? quoted_initialisms(text)
                                    : text;
    /* "united OR nations" asks for either word, not the entry. */
    bool typed_or = false;
    if (flags & Xapian::QueryParser::FLAG_BOOLEAN) {
        std::string t = " " + text_in + " ";
        std::replace_if(
            t.begin(), t.end(),
            [](char c) { return c == '(' || c == ')' || c == '\t'; }, ' ');
        typed_or = t.find(" OR ") != std::string::npos;
    }
    Xapian::Query q;
    for (const auto &g : groups) {
        const Xapian::Stem &stem = *stems[g.first];
        /* "l'Europe" is "Europe" in French, as its articles were indexed
         * (elision.cc).  A stemmer that elides is one language's. */
        std::string bare;
        bool cut = false;
        for (const auto &l : g.second)
            cut = cut || without_elisions(text_in.data(), text_in.size(),
                                          l.c_str(), ELISION_DROP, bare);
        /* A word quoted alone stays that word (quoted-word.cc). */
        std::string parsed = (flags & Xapian::QueryParser::FLAG_PHRASE)
                                 ? mark_quoted_words(cut ? bare : text_in)
                                 : (cut ? bare : text_in);
        if (flags & Xapian::QueryParser::FLAG_LOVEHATE)
            parsed = required_filters(parsed);
        if (flags & Xapian::QueryParser::FLAG_PHRASE)
            parsed = without_byline_words(parsed);
        Xapian::QueryParser qp =
            make_parser(*idx->db, idx->time_enc, stem, max_expansion, warnings);
        if (parse_fell_back(qp, parsed, flags))
            throw Xapian::QueryParserError(
                "its operators and brackets do not fit together");
        Xapian::Query raw = quoted_words(without_unread_dates(
            parse_stopped(qp, parsed, flags, stopper_for(g.first))));
        if (q.empty())
            near_unread(text, flags, raw, warnings);
        Xapian::Query part = with_synonyms(
            idx,
            stem_all_words(raw, stem, max_expansion,
                           idx->cluster ? nullptr : idx->db.get()),
            stem, typed_or);
        part = number_synonyms(part, false);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        const Xapian::Query exact = quoted_words(
            without_unread_dates(qp.parse_query(parsed, flags)));
        /* "Århus" finds "Aarhus", "Odegaard" "Ødegård" (the words as
         * typed are the exact parse's: the stemmed one lost them). */
        part = digraph_words(idx, exact, part, stem);
        part = exact_boost(part, number_synonyms(exact, true), stem);
        /* Folding never makes a query too large to run (limits.cc): each
         * parse may add half its share of the room left below the limit. */
        size_t len = part.get_length() * groups.size();
        part = fold_phrases(idx, part, stem, stopper_for(g.first),
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
    Xapian::QueryParser qp = make_parser(dict, idx->time_enc, stemmer_for(idx, lang),
                                         WILDCARD_MAX_EXPANSION, nullptr);
    qp.parse_query(text, query_flags(text, PARSE_FLAGS) |
                             Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    return qp.get_corrected_query_string();
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */
/* ------------------------------------------------------------------------ */

/* One boolean term per value, OR-ed: any of them. */
static Xapian::Query any_of(const char *prefix, const char *const *values,
                            size_t n, bool fold, const Xapian::Database *db)
{
    std::vector<Xapian::Query> terms;
    for (size_t i = 0; i < n; i++)
        if (values[i]) {
            std::string v = trimmed(values[i]);
            terms.emplace_back(fold ? stored_value(prefix, v.c_str(), db)
                                    : Xapian::Query(prefix + v));
        }
    if (terms.empty())
        return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/* The author filter as author:"..." reads it: the name as a phrase in
 * the author field, folded as that phrase is (diacritics, the Nordic
 * spellings: forms.cc, phrase-fold.cc).  The AND of its words made
 * author=Kari Nordmann the reporter of "Kari Hansen, Per Nordmann" too,
 * and of "Nordmann, Kari".  The index has no positions, so the phrase is
 * checked on each candidate's byline (search.cc).  A quotation mark in
 * the name would end the phrase: it is a space.  MatchNothing when it has
 * no word, which the caller must refuse: as a filter, an empty query is
 * no filter at all. */
static Xapian::Query author_phrase(ns_index_t *idx, const char *author)
{
    std::string name = author + ns_byline_word(author, strlen(author));
    std::replace(name.begin(), name.end(), '"', ' ');
    /* A word as the indexer reads a byline ("—" and "*" have none): the
     * parse of a phrase of no word is not always empty. */
    Xapian::TermGenerator tg;
    Xapian::Document doc;
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_document(doc);
    tg.index_text_without_positions(name);
    if (doc.termlist_count() == 0)
        return Xapian::Query::MatchNothing;
    try {
        const std::string text = "author:\"" + name + "\"";
        Xapian::Query q = build_query(idx, text, query_flags(text, PARSE_FLAGS),
                                      WILDCARD_MAX_EXPANSION, nullptr);
        return q.empty() ? Xapian::Query::MatchNothing : q;
    } catch (const Xapian::QueryParserError &) {
        return Xapian::Query::MatchNothing;
    }
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
        parts.push_back(any_of(PREFIX_SECTION, o->sections, o->n_sections, true,
                               idx->db.get()));
    if (o->langs && o->n_langs)
        parts.push_back(
            any_of(PREFIX_LANG, o->langs, o->n_langs, true, nullptr));
    if (o->tags && o->n_tags)
        parts.push_back(
            any_of(PREFIX_TAG, o->tags, o->n_tags, true, idx->db.get()));
    if (o->ids && o->n_ids)
        parts.push_back(any_of(PREFIX_ID, o->ids, o->n_ids, false, nullptr));
    if (o->author) {
        /* "—", "*" or "." (a byline of punctuation, a slug gone wrong)
         * has no word to match: refused, where it used to filter nothing
         * and list the whole archive as that reporter's. */
        Xapian::Query words = author_phrase(idx, o->author);
        if (words.empty()) {
            idx->error = "author '" + std::string(o->author) +
                         "' has no word in it to look for";
            return NS_STATUS_BAD_QUERY;
        }
        parts.push_back(words);
    }
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
    /* The date terms, as date: reads a range, so that `to=1987-12-31`
     * and `date:..1987-12-31` are one query with one total: a value range
     * alone left Xapian to guess its count (about 10,000 for the 21,577
     * Reuters articles of 1987).  Articles without a date have no value
     * in the slot and no date term: neither takes them. */
    using Q = Xapian::Query;
    const int64_t *lo = have_from ? &from : nullptr, *hi = have_to ? &to : nullptr;
    Q dated = have_from || have_to
                  ? date_terms(*idx->db, idx->time_enc, lo, hi) : Q();
    auto when = [idx](int64_t t) { return time_value(idx->time_enc, t); };
    if (dated.empty() && have_from && have_to)
        dated = Q(Q::OP_VALUE_RANGE, SLOT_TIME, when(from), when(to));
    else if (dated.empty() && have_from)
        dated = Q(Q::OP_VALUE_GE, SLOT_TIME, when(from));
    else if (dated.empty() && have_to)
        dated = Q(Q::OP_VALUE_LE, SLOT_TIME, when(to));
    /* Marked as date: is when no article is dated then (dates.cc), and
     * named by the dates given, as a date: range ("2030-01-01..": what
     * nsearchd makes of from=2030). */
    const std::string a = have_from ? o->date_from : "",
                      b = have_to ? o->date_to : "";
    if (have_from || have_to)
        parts.push_back(dated_or_marked(*idx->db, idx->time_enc, dated, lo,
                                        hi, a == b ? a : a + ".." + b));
    *out = parts.empty() ? Q() : Q(Q::OP_AND, parts.begin(), parts.end());
    return NS_STATUS_OK;
}
