/* query-fields.cc - Field names in the text of a query: a field written
 * with a space after its colon, and filters typed beside Boolean
 * operators, made into what Xapian's parser reads as they were meant. */
#include <cctype>
#include <cstring>
#include <string>
#include <strings.h>
#include <vector>

#include "index-private.h"

using namespace libns;

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
        for (const std::string &alias : names_of(f))
            if (name == alias)
                return end - at + 1;
    return 0;
}

/* A date range written with spaces around its "..", as one writes a
 * range in a sentence ("date:2025-01 .. 2025-03", "date:2025-01.. 2025-03"):
 * Xapian's parser took the day alone and searched ".." and the second date
 * as words (8 Reuters matches where the range has 200).  Copies the value
 * at T[AT] into OUT, joined with its other end; returns where it ends. */
static size_t joined_range(const std::string &t, size_t at, std::string &out)
{
    auto blank = [&](size_t i) { return t[i] == ' ' || t[i] == '\t'; };
    auto word_end = [&](size_t i) {
        while (i < t.size() && !blank(i))
            i++;
        return i;
    };
    auto skip = [&](size_t i) {
        while (i < t.size() && blank(i))
            i++;
        return i;
    };
    size_t end = word_end(at), next = skip(end);
    out += t.substr(at, end - at);
    if (end - at < 2 || t.compare(end - 2, 2, "..") != 0) {
        if (next == end || t.compare(next, 2, "..") != 0)
            return end;
        out += "..";
        end = next + 2;
        next = skip(end);
    }
    /* The other end is a date (a digit first); else ".." ended the value
     * ("date:2025-09 .. oil" is from September on, and the word). */
    if (next >= t.size() || !isdigit((unsigned char)t[next]))
        return end;
    size_t stop = word_end(next);
    out += t.substr(next, stop - next);
    return stop;
}

/* "title: oil", "section: crude", "date: 1987-03": a space after a field
 * name's colon, as one writes "Title: ..." in a sentence.  Xapian's
 * parser reads a field only with its value right after the colon, so the
 * field was dropped and its name searched as a word ("title: oil" ranked
 * "Title Insurance" first).  Outside quotes the spaces go. */
std::string libns::joined_fields(const std::string &t)
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
        if (strncasecmp(t.c_str() + i, "date:", 5) == 0)
            j = joined_range(t, j, out);
        i = j - 1;
    }
    return out;
}

/* Is TOK a filter of the query language: a value of a field articles are
 * filtered by (section, tag, lang, id, date; not a text field's), with
 * '+' or '-' before it or not? */
static bool filter_token(const std::string &tok)
{
    size_t at = tok[0] == '+' || tok[0] == '-' ? 1 : 0;
    size_t n = field_name_at(tok, at);
    if (!n || at + n >= tok.size())
        return false;
    std::string name = lower(tok.substr(at, n - 1).c_str());
    if (name == "date")
        return true;
    for (const SchemaField &f : SCHEMA_FIELDS)
        for (const std::string &alias : names_of(f))
            if (name == alias)
                return f.kind != FIELD_TEXT;
    return false;
}

/* "oil OR gas section:crude": Xapian's parser binds a filter to the words
 * beside it, not to the query, so that was "oil OR (gas in crude)" and
 * matched 1,553 Reuters stories where crude has 543; "oil NOT gas
 * section:crude" matched more than "oil NOT gas" (1,432 to 1,175).  A
 * filter is the whole query's in every search engine's query language
 * (and in this one's without an operator), so a filter outside quotes and
 * brackets that no operator joins is moved after the rest, bracketed:
 * "(oil OR gas) section:crude".  One an operator joins ("oil OR
 * section:crude", "section:a OR section:b") is as typed, and so is a query
 * without lower-case letters, whose operators are words (query_flags). */
std::string libns::bracketed_filters(const std::string &t)
{
    bool operators = false;
    for (unsigned char c : t)
        operators |= c >= 'a' && c <= 'z';
    if (!operators)
        return t;
    /* The words outside brackets and quotes; a bracket or a quote is part
     * of the word it is in or begins. */
    std::vector<std::string> toks;
    int depth = 0;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        bool blank =
            t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
        if (blank && !depth && !quoted) {
            if (!toks.empty() && !toks.back().empty())
                toks.emplace_back();
            continue;
        }
        if (toks.empty())
            toks.emplace_back();
        toks.back() += t[i];
        if (t[i] == '"')
            quoted = !quoted;
        else if (!quoted && (t[i] == '(' || t[i] == ')'))
            depth += t[i] == '(' ? 1 : -1;
        if (depth < 0)
            return t;
    }
    if (depth || quoted)
        return t;
    if (!toks.empty() && toks.back().empty())
        toks.pop_back();
    bool joined = false;
    for (const std::string &w : toks)
        joined |= boolean_word(w);
    if (!joined)
        return t;
    std::string rest, filters;
    for (size_t i = 0; i < toks.size(); i++) {
        bool by_op = (i > 0 && boolean_word(toks[i - 1])) ||
                     (i + 1 < toks.size() && boolean_word(toks[i + 1]));
        std::string &to = filter_token(toks[i]) && !by_op ? filters : rest;
        to += (to.empty() ? "" : " ") + toks[i];
    }
    if (filters.empty() || rest.empty())
        return t;
    return "(" + rest + ") " + filters;
}
