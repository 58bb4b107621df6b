/* query.cc - From query text to a Xapian query: the parser with the
 * fields of the query language, one parse per stemmer present, and the
 * rewriting of hyphenated words. */
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Boolean prefixes take their value as one term; these fold it to lower
 * case the way the indexer does, so section:World finds "world". */
class LowerPrefix : public Xapian::FieldProcessor
{
    std::string prefix;

  public:
    explicit LowerPrefix(const std::string &p) : prefix(p) {}
    Xapian::Query operator()(const std::string &value) override
    {
        return Xapian::Query(prefix + lower(value.c_str()));
    }
};

const unsigned libns::PARSE_FLAGS =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
    Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_CJK_NGRAM;

static Xapian::QueryParser make_parser(ns_index_t *idx,
                                       const Xapian::Stem &stem)
{
    Xapian::QueryParser qp;
    qp.set_database(*idx->db);
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_OR);
    /* A wildcard over a huge vocabulary would expand to thousands of terms;
     * the most frequent 100 are plenty to rank. */
    qp.set_max_expansion(100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const SchemaField &f : SCHEMA_FIELDS) {
        switch (f.kind) {
        case FIELD_TEXT:
            qp.add_prefix(f.name, f.prefix);
            break;
        case FIELD_BOOL_LOWER:
            qp.add_boolean_prefix(f.name,
                                  (new LowerPrefix(f.prefix))->release());
            break;
        case FIELD_BOOL_EXACT:
            qp.add_boolean_prefix(f.name, f.prefix);
            break;
        }
    }
    /* date:2025-01-01..2025-03-31, open ends allowed. */
    qp.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(SLOT_DAY, "date:", 0, 1970))
            ->release());
    return qp;
}

/* Parse TEXT into a query.  Articles are stemmed in their own language, so
 * the query is parsed once per stemmer present in the index, each parse
 * restricted to the articles of its languages: a Norwegian article is
 * matched by Norwegian stems and an English one by English stems.  With a
 * single language there is no restriction and no extra cost. */
Xapian::Query libns::build_query(ns_index_t *idx, const std::string &text,
                                 unsigned flags)
{
    std::map<std::string, std::vector<std::string>> groups; /* stem -> langs */
    std::map<std::string, const Xapian::Stem *> stems;
    std::set<std::string> langs = idx->langs;
    if (langs.empty())
        langs.insert("en");
    for (const auto &l : langs) {
        const Xapian::Stem &s = stemmer_for(idx, l);
        std::string key = s.get_description();
        groups[key].push_back(l);
        stems[key] = &s;
    }
    Xapian::Query q;
    for (const auto &g : groups) {
        Xapian::QueryParser qp = make_parser(idx, *stems[g.first]);
        Xapian::Query part = qp.parse_query(text, flags);
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
std::string libns::split_hyphens(const std::string &text)
{
    std::string out = text;
    bool quoted = false, field = false; /* inside "...", inside name:value */
    for (size_t i = 0; i < out.size(); i++) {
        char c = out[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == ' ' || c == '\t' || c == '(' || c == ')')
            field = false;
        else if (c == ':')
            field = true;
        else if (!quoted && !field && c == '-' && i > 0 && i + 1 < out.size() &&
                 isalpha((unsigned char)out[i - 1]) &&
                 isalpha((unsigned char)out[i + 1]))
            out[i] = ' ';
    }
    return out;
}
