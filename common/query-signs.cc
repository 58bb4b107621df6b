/* query-signs.cc - A word excluded or required beside OR ("oil OR
 * -gas", "-gas OR oil", "oil OR +gas"), read as Lucene and Elasticsearch
 * read it.  Xapian's parser failed on it ("Syntax: <expression> OR
 * <expression>"), and the fallback searched every word, gas among them:
 * the word typed to be left out was searched for.  There '-' and '+' say
 * what every result must not or must have, and OR joins what is left:
 * "oil OR -gas" is the articles with oil and without gas ("(oil) -gas"),
 * "oil OR +gas" those with gas, oil ranking them.  "oil OR NOT gas", the
 * articles with oil or without gas, is read as the logic says (Xapian's
 * parser reads it so); so is "oil NOT -gas", as "oil NOT gas".  And a
 * '-' before a number, its minus sign ("-5C", minus_numbers below). */
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Is P a word or a bracket with '-' or '+' before it? */
static bool signed_part(const QueryPart &p)
{
    if (p.bracket)
        return p.sign == "-" || p.sign == "+";
    return p.word.size() > 1 && (p.word[0] == '-' || p.word[0] == '+');
}

static bool or_word(const QueryPart &p)
{
    return !p.bracket && (p.word == "OR" || p.word == "XOR");
}

static std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &i : items)
        out += (out.empty() ? "" : " ") + i;
    return out;
}

static std::string part_text(const QueryPart &p, bool *changed,
                             bool *lifted_any);

/* PARTS (one bracket's) as text, each signed part an OR joins taken out
 * of the OR and put after the rest, which is bracketed; *LIFTED_ANY when
 * one was, *CHANGED when anything changed. */
static std::string parts_text(const std::vector<QueryPart> &parts,
                              bool *changed, bool *lifted_any)
{
    std::vector<bool> drop(parts.size(), false), lift(parts.size(), false);
    for (size_t i = 0; i < parts.size(); i++) {
        if (!signed_part(parts[i]))
            continue;
        if (i > 0 && or_word(parts[i - 1]) && !drop[i - 1])
            drop[i - 1] = lift[i] = true;
        else if (i + 1 < parts.size() && or_word(parts[i + 1]))
            drop[i + 1] = lift[i] = true;
    }
    std::vector<std::string> rest, lifted;
    for (size_t i = 0; i < parts.size(); i++) {
        std::string text = part_text(parts[i], changed, lifted_any);
        /* "NOT -gas": NOT already excludes. */
        if (i > 0 && !parts[i].bracket && parts[i].word.size() > 1 &&
            parts[i].word[0] == '-' && parts[i - 1].word == "NOT" &&
            !parts[i - 1].bracket) {
            text = text.substr(1);
            *changed = true;
        }
        if (drop[i])
            continue;
        (lift[i] ? lifted : rest).push_back(text);
    }
    if (lifted.empty())
        return joined(rest);
    *changed = *lifted_any = true;
    if (rest.empty())
        return joined(lifted);
    return (rest.size() == 1 ? rest[0] : "(" + joined(rest) + ")") + " " +
           joined(lifted);
}

static std::string part_text(const QueryPart &p, bool *changed,
                             bool *lifted_any)
{
    if (!p.bracket)
        return p.word;
    return p.sign + "(" + parts_text(p.parts, changed, lifted_any) + ")";
}

std::string libns::signs_beside_or(const std::string &text,
                                   std::string *warnings)
{
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    if (!operators || (text.find("OR") == std::string::npos &&
                       text.find("NOT") == std::string::npos))
        return text;
    std::vector<QueryPart> parts;
    size_t at = 0;
    if (!read_query_parts(text, at, 0, parts))
        return text;
    bool changed = false, beside_or = false;
    const std::string out = parts_text(parts, &changed, &beside_or);
    if (!changed)
        return text;
    const std::string why =
        "a word with '-' or '+' beside OR is left out of (or required of) "
        "every result, as in Lucene; searched as " + out;
    if (warnings && beside_or && warnings->find(why) == std::string::npos)
        *warnings += (warnings->empty() ? "" : "; ") + why;
    return out;
}

/* "NOT cocoa ghana": a NOT that opens the query, with more after what it
 * excludes.  Xapian's parser read it as (NOT cocoa) OR ghana, every
 * article but those with cocoa or ghana: 20,595 Reuters stories where
 * "ghana NOT cocoa" finds 6.  Lucene reads it as "ghana -cocoa", and so
 * does this: the NOT is a '-' on the next word or group.  "NOT cocoa"
 * alone (every article without it) and a NOT with an operator after its
 * word ("NOT cocoa AND ghana", which the parser reads as the logic says)
 * are left as they are. */
std::string libns::leading_not(const std::string &text)
{
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    size_t at = text.find_first_not_of(" \t\r\n");
    if (!operators || at == std::string::npos ||
        text.compare(at, 3, "NOT") != 0 || at + 3 >= text.size() ||
        !isspace((unsigned char)text[at + 3]))
        return text;
    std::vector<QueryPart> parts;
    size_t end = 0;
    if (!read_query_parts(text, end, 0, parts) || parts.size() < 3)
        return text;
    const QueryPart &next = parts[1], &after = parts[2];
    auto op = [](const QueryPart &p) {
        return !p.bracket && (boolean_word(p.word) || near_word(p.word));
    };
    if (op(next) || op(after) ||
        (!next.bracket && (next.word[0] == '-' || next.word[0] == '+')) ||
        (next.bracket && (next.sign == "-" || next.sign == "+")))
        return text;
    const size_t word = text.find_first_not_of(" \t\r\n", at + 3);
    return text.substr(0, at) + "-" + text.substr(word);
}

/* Is the word at T[I] a number joined to words by hyphens
 * ("18-year-old")?  Such a word is no number with a sign: "-18-year-old"
 * excludes it. */
static bool age_compound(const std::string &t, size_t i)
{
    for (; i + 1 < t.size() && !strchr(" \t()", t[i]); i++)
        if (t[i] == '-' && (isalpha((unsigned char)t[i - 1]) ||
                            isalpha((unsigned char)t[i + 1])))
            return true;
    return false;
}

/* A '-' right before a digit, starting a word outside quotes, is a minus
 * sign, not NOT: in news "-2%", "-3.2%", "-5C" and "-3-1" are numbers,
 * and read as NOT, "bonds -2%" left out the one article that has "bonds
 * -2%", and "-5C" listed every article but the story of "-5C".  Articles
 * have the number without its sign (Xapian's indexer reads '-' as no part
 * of a word), so the number is what is searched.  A number is excluded
 * with NOT ("oil NOT 3") or in quotes (-"3"); a number joined to words
 * ("-18-year-old") is excluded as typed. */
std::string libns::minus_numbers(const std::string &text)
{
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); i++) {
        quoted ^= text[i] == '"';
        const bool start = i == 0 || strchr(" \t(", text[i - 1]) != nullptr;
        if (!quoted && start && text[i] == '-' && i + 1 < text.size() &&
            isdigit((unsigned char)text[i + 1]) && !age_compound(text, i + 1))
            continue;
        out += text[i];
    }
    return out;
}

/* The hidden name a required filter is parsed under ("must_tag"): the
 * parser ORs the values of one name (README "Query language": any of
 * them), and ANDs what it registers with a grouping of its own. */
const char libns::REQUIRED_FIELD[] = "must_";

/* Is T[I] the start of a word (outside quotes, which the caller skips)? */
static bool word_start(const std::string &t, size_t i)
{
    return i == 0 || strchr(" \t(", t[i - 1]) != nullptr;
}

/* "+tag:klima +tag:ferje" is the articles with both tags, as '+' says of
 * a word (must have): Xapian's parser drops a '+' before a filter, and
 * ORs the values of a field, so it was either tag (89 articles where 17
 * have both).  Each filter value with '+' before it is parsed under its
 * field's REQUIRED_FIELD name, which ANDs it; without '+', two values of
 * one field stay any of them.  Text fields need nothing: +author:kari
 * +author:per is an AND already. */
std::string libns::required_filters(const std::string &t)
{
    if (t.find('+') == std::string::npos)
        return t;
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        quoted ^= t[i] == '"';
        if (quoted || t[i] != '+' || !word_start(t, i)) {
            out += t[i];
            continue;
        }
        size_t colon = i + 1;
        while (colon < t.size() && isalpha((unsigned char)t[colon]))
            colon++;
        const std::string name =
            lower(t.substr(i + 1, colon - i - 1).c_str());
        const SchemaField *field = nullptr;
        if (colon < t.size() && t[colon] == ':')
            for (const SchemaField &f : SCHEMA_FIELDS)
                for (const std::string &alias : names_of(f))
                    if (f.kind != FIELD_TEXT && alias == name)
                        field = &f;
        if (!field) {
            out += t[i];
            continue;
        }
        out += std::string(REQUIRED_FIELD) + field->name;
        i = colon - 1; /* the colon is copied next */
    }
    return out;
}

/* Is P a word, phrase or bracket with '-' before it, a minus sign before
 * a digit not (minus_numbers)? */
static bool excluded_part(const QueryPart &p)
{
    if (p.bracket)
        return p.sign == "-";
    return p.word.size() > 1 && p.word[0] == '-' && p.word[1] != '-' &&
           !isdigit((unsigned char)p.word[1]);
}

/* Is P an operator word of the parser's (AND, OR, NEAR/3, ...)? */
static bool operator_word(const QueryPart &p)
{
    static const char *const words[] = {"AND", "OR", "XOR", "NOT", "NEAR",
                                        "ADJ"};
    if (p.bracket)
        return false;
    for (const char *w : words)
        if (p.word == w || (p.word.rfind(w, 0) == 0 &&
                            p.word.size() > strlen(w) &&
                            p.word[strlen(w)] == '/'))
            return true;
    return false;
}

/* Is PARTS[I] an unsigned bracket of nothing but excluded parts with no
 * operator beside it ("oil (-gas)")?  Joined to the rest by the default
 * operator, its words are left out of the rest's results, as "oil -gas"
 * says: read with NOT, the bracket would be every article without gas,
 * and "oil (-gas)" 20,903 Reuters and TIME articles where "oil -gas" has
 * 1,140, which is not what anyone typing it means.  Alone in its list it
 * is the same. */
static bool lifted_group(const std::vector<QueryPart> &parts, size_t i)
{
    const QueryPart &p = parts[i];
    if (!p.bracket || !p.sign.empty() || p.parts.empty())
        return false;
    for (const QueryPart &q : p.parts)
        if (q.bracket || !excluded_part(q))
            return false;
    return !(i > 0 && operator_word(parts[i - 1])) &&
           !(i + 1 < parts.size() && operator_word(parts[i + 1]));
}

/* The excluded words of a group lifted_group() holds, without its
 * brackets. */
static std::string lifted_text(const QueryPart &p, bool *changed)
{
    std::vector<std::string> items;
    for (const QueryPart &q : p.parts)
        items.push_back(q.word);
    *changed = true;
    return joined(items);
}

/* P as text, each bracket of nothing but excluded parts written with NOT;
 * one that is itself excluded (NEGATED: "-(-gas)", "oil NOT (-gas)")
 * without the signs, as "oil NOT -gas" is "oil NOT gas".  *CHANGED when
 * one was. */
static std::string excluded_text(const QueryPart &p, bool negated,
                                 bool *changed)
{
    if (!p.bracket)
        return p.word;
    bool all = !p.parts.empty();
    for (const QueryPart &q : p.parts)
        all = all && excluded_part(q);
    negated |= p.sign == "-";
    std::vector<std::string> items;
    for (size_t i = 0; i < p.parts.size(); i++) {
        const QueryPart &q = p.parts[i];
        const bool not_before =
            i > 0 && !p.parts[i - 1].bracket && p.parts[i - 1].word == "NOT";
        if (!all && lifted_group(p.parts, i)) {
            items.push_back(lifted_text(q, changed));
            continue;
        }
        std::string text = excluded_text(q, not_before, changed);
        if (all)
            text = (negated ? "" : "NOT ") + text.substr(1);
        items.push_back(text);
    }
    *changed |= all;
    return p.sign + "(" + joined(items) + ")";
}

std::string libns::excluded_groups(const std::string &text)
{
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    if (!operators || text.find("(-") == std::string::npos)
        return text;
    std::vector<QueryPart> parts;
    size_t at = 0;
    if (!read_query_parts(text, at, 0, parts))
        return text;
    bool changed = false;
    std::vector<std::string> items;
    for (size_t i = 0; i < parts.size(); i++)
        items.push_back(lifted_group(parts, i)
                            ? lifted_text(parts[i], &changed)
                            : excluded_text(parts[i],
                                            i > 0 && !parts[i - 1].bracket &&
                                                parts[i - 1].word == "NOT",
                                            &changed));
    return changed ? joined(items) : text;
}
