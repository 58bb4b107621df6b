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
    while (end < t.size() && (isalpha((unsigned char)t[end]) || t[end] == '_'))
        end++;
    if (end == at || end >= t.size() || t[end] != ':')
        return 0;
    std::string name = lower(t.substr(at, end - at).c_str());
    if (name == "date" || name == "_exists_")
        return end - at + 1;
    for (const SchemaField &f : SCHEMA_FIELDS)
        for (const std::string &alias : names_of(f))
            if (name == alias)
                return end - at + 1;
    return 0;
}

/* WORD, a date: value, without the time of each day in it
 * ("1963-07-05T10:00" is 1963-07-05, "1963-07-05T10:00Z..1963-07-06"
 * 1963-07-05..1963-07-06): date: takes days, and a date-time copied
 * whole from a page or a feed was cut by Xapian's parser at its colon,
 * the rest searched as a field name and words ("05t10:" is not a field
 * name, 24 unrelated matches of "00").  What follows the time (a ')')
 * stays. */
static std::string without_times(const std::string &word)
{
    std::string out;
    size_t i = 0;
    while (i < word.size()) {
        out += word[i++];
        /* A day just ended: YYYY-MM-DD, then T and a digit. */
        size_t n = out.size();
        bool day = n >= 10 && out[n - 6] == '-' && out[n - 3] == '-' &&
                   i + 1 < word.size() && (word[i] == 'T' || word[i] == 't') &&
                   isdigit((unsigned char)word[i + 1]);
        for (size_t k : {1, 2, 4, 5, 7, 8, 9, 10})
            day = day && isdigit((unsigned char)out[n - k]);
        if (!day)
            continue;
        i++;
        while (i < word.size() && word.compare(i, 2, "..") != 0 &&
               strchr("0123456789:.+-Zz", word[i]))
            i++;
    }
    return out;
}

/* Is W a time of day as a date-time writes it after its day: H:MM or
 * HH:MM, seconds and their fraction if any, and Z or an offset if any
 * ("10:00", "10:00:00.5Z", "10:00+02:00")? */
static bool time_of_day(const std::string &w)
{
    size_t i = 0;
    while (i < w.size() && i < 2 && isdigit((unsigned char)w[i]))
        i++;
    if (i == 0 || i >= w.size() || w[i] != ':')
        return false;
    size_t digits = 0;
    for (i++; i < w.size() && isdigit((unsigned char)w[i]); i++)
        digits++;
    if (digits != 2)
        return false;
    while (i < w.size() && strchr("0123456789:.", w[i]))
        i++;
    if (i < w.size() && (w[i] == 'Z' || w[i] == 'z'))
        i++;
    else if (i < w.size() && (w[i] == '+' || w[i] == '-'))
        for (i++; i < w.size() && strchr("0123456789:", w[i]);)
            i++;
    return i == w.size();
}

/* Does OUT end in a day, YYYY-MM-DD? */
static bool ends_in_day(const std::string &out)
{
    size_t n = out.size();
    if (n < 10 || out[n - 3] != '-' || out[n - 6] != '-')
        return false;
    for (size_t k : {1, 2, 4, 5, 7, 8, 9, 10})
        if (!isdigit((unsigned char)out[n - k]))
            return false;
    return true;
}

/* TEXT, a date: value as typed ("Mar 1987..1987-04", "March 1987 ..
 * April 1987"), with the spaces around its ".." and at its ends left
 * out. */
static std::string trimmed_range(const std::string &text)
{
    auto trim = [](std::string s) {
        size_t a = s.find_first_not_of(" \t");
        size_t b = s.find_last_not_of(" \t");
        return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    };
    size_t dots = text.find("..");
    if (dots == std::string::npos)
        return trim(text);
    return trim(text.substr(0, dots)) + ".." + trim(text.substr(dots + 2));
}

/* A date: value written as people write a date, in words or quoted in
 * part: "date:March 1987" (a month and its year), "date:5. januar 2023",
 * "date:"Mar 1987"..1987-04" (the quotes around one end),
 * "date:"Mar 1987".."Apr 1987"".  Xapian's parser reads a field's value
 * up to a space or its closing quote: the first was "March", not a date,
 * dropped with a warning and 1987 searched as a word (2,341 Reuters
 * articles where March has 11,099); the quoted ones searched "..1987-04"
 * as a word and found nothing, with no word why.  The longest run of up
 * to eight words and quoted parts at T[AT] that reads as a date or a
 * range of them is written into OUT as one quoted value, which the date
 * field reads; returns where it ends, or 0 when the value is an unquoted
 * date alone (joined_range's) or no date at all. */
static size_t written_date(const std::string &t, size_t at, std::string &out)
{
    auto blank = [&](size_t i) { return t[i] == ' ' || t[i] == '\t'; };
    auto run_end = [&](size_t i) {
        while (i < t.size() && !blank(i) && !strchr("\"()", t[i]))
            i++;
        return i;
    };
    std::string text, best_text;
    bool quoted = false, first_reads = false, best_quoted = false;
    size_t best = 0, p = at;
    for (int n = 0; n < 8 && p < t.size(); n++) {
        size_t q = p;
        while (q < t.size() && blank(q))
            q++;
        if (q >= t.size())
            break;
        size_t end;
        std::string item;
        if (t[q] == '"') {
            end = t.find('"', q + 1);
            if (end == std::string::npos)
                break; /* an unclosed quote: the query's own remark */
            item = t.substr(q + 1, end - q - 1);
            end++;
            quoted = true;
        } else {
            end = run_end(q);
            if (end == q)
                break;
            item = t.substr(q, end - q);
        }
        text += (q > p ? " " : "") + item;
        p = end;
        const std::string value = trimmed_range(text);
        if (DateField::reads(value)) {
            best = end, best_text = value, best_quoted = quoted;
            first_reads |= n == 0 && !quoted;
        }
    }
    /* An unquoted date alone (or a range, or a day and its time): as
     * typed, joined_range's. */
    if (first_reads && !best_quoted)
        return 0;
    if (!best) {
        /* A quoted value that is no date stays one value, which the
         * date field says is not a date. */
        if (t[at] != '"' || t.find('"', at + 1) == std::string::npos)
            return 0;
        best = t.find('"', at + 1) + 1;
        best_text = t.substr(at + 1, best - at - 2);
    }
    /* A range whose other end is no date ("Mar 1987"..soon): one value,
     * for the date field's warning, not ".." and a word found nowhere. */
    if (t.compare(best, 2, "..") == 0) {
        size_t end = t[best + 2] == '"' ? t.find('"', best + 3)
                                         : run_end(best + 2);
        end = end == std::string::npos ? run_end(best + 2)
              : t[best + 2] == '"'     ? end + 1
                                       : end;
        for (size_t i = best; i < end; i++)
            if (t[i] != '"')
                best_text += t[i];
        best = end;
    }
    out += "\"" + best_text + "\"";
    return best;
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
    if (size_t written = written_date(t, at, out))
        return written;
    size_t end = word_end(at), next = skip(end);
    out += without_times(t.substr(at, end - at));
    /* "date:1963-07-05 10:00": a date-time with a space for its T, as
     * RFC 3339 allows and SQL and spreadsheets write one.  The time goes
     * as the T form's does: searched as a word, "10:00" found nothing,
     * and no article at all beside the date, with no word why. */
    if (next > end && ends_in_day(out) &&
        time_of_day(t.substr(next, word_end(next) - next))) {
        end = word_end(next);
        next = skip(end);
    }
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
    size_t stop = word_end(next), after = skip(stop);
    out += without_times(t.substr(next, stop - next));
    if (after > stop && ends_in_day(out) &&
        time_of_day(t.substr(after, word_end(after) - after)))
        stop = word_end(after);
    return stop;
}

/* "title: oil", "section: crude", "date: 1987-03": a space after a field
 * name's colon, as one writes "Title: ..." in a sentence.  Xapian's
 * parser reads a field only with its value right after the colon, so the
 * field was dropped and its name searched as a word ("title: oil" ranked
 * "Title Insurance" first).  Outside quotes the spaces go. */
/* Is T[AT..] no value for a field: the end, a ')', an empty quote or
 * an operator ("title:", "(title:)", "title:\"\"", "title: AND oil")? */
static bool no_value_at(const std::string &t, size_t at)
{
    auto ends = [&](size_t i) {
        return i >= t.size() || strchr(" \t)", t[i]) != nullptr;
    };
    if (ends(at) || (t.compare(at, 2, "\"\"") == 0 && ends(at + 2)))
        return true;
    for (const char *op : {"AND", "OR", "NOT", "XOR"})
        if (t.compare(at, strlen(op), op) == 0 && at + strlen(op) < t.size() &&
            ends(at + strlen(op)))
            return true;
    return false;
}

/* Where the operator (AND, OR, XOR, NOT) that OUT ends with starts, past
 * spaces; npos if it ends with none. */
static size_t operator_at_end(const std::string &out)
{
    size_t e = out.find_last_not_of(" \t");
    if (e == std::string::npos)
        return std::string::npos;
    size_t b = out.find_last_of(" \t(", e);
    b = b == std::string::npos ? 0 : b + 1;
    const std::string w = out.substr(b, e + 1 - b);
    return w == "AND" || w == "OR" || w == "XOR" || w == "NOT"
               ? b
               : std::string::npos;
}

/* Does OUT end where an operator joins nothing on its left: at the start,
 * after '(' or after another operator? */
static bool no_word_at_end(const std::string &out)
{
    size_t e = out.find_last_not_of(" \t");
    return e == std::string::npos || out[e] == '(' ||
           operator_at_end(out) != std::string::npos;
}

/* The length of the operator at T[AT] (AND, OR, XOR) with the spaces
 * after it; 0 when there is none. */
static size_t binary_at(const std::string &t, size_t at)
{
    for (const char *op : {"AND", "OR", "XOR"}) {
        size_t n = strlen(op);
        if (t.compare(at, n, op) == 0 &&
            (at + n == t.size() || t[at + n] == ' ' || t[at + n] == '\t')) {
            while (at + n < t.size() && (t[at + n] == ' ' || t[at + n] == '\t'))
                n++;
            return n;
        }
    }
    return 0;
}

std::string libns::joined_fields(const std::string &t, std::string *warnings)
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
        size_t j = i + n;
        while (j < t.size() && (t[j] == ' ' || t[j] == '\t'))
            j++;
        /* A field with no value ("title:", "oil author:"): the parser
         * searched its name as a word, "title" (230 Reuters and BBC News
         * articles), with nothing said.  Left out, with its sign, and
         * said. */
        if (no_value_at(t, j)) {
            if (i > 0 && (t[i - 1] == '-' || t[i - 1] == '+'))
                out.pop_back();
            const std::string name = t.substr(i, n);
            const bool date = strncasecmp(name.c_str(), "date:", 5) == 0;
            /* "_exists_:" with no field: "No matches", nothing said. */
            const bool exists = strcasecmp(name.c_str(), "_exists_:") == 0;
            /* Its operator with it, where that joined it to nothing
             * else: "title: AND oil" was "AND oil", and "oil OR title:"
             * "oil OR", syntax errors searched as plain words ("oil NOT
             * title:" found 4,678 Reuters articles, oil has 1,521). */
            std::string op;
            size_t after = binary_at(t, j), before = operator_at_end(out);
            if (after && no_word_at_end(out)) {
                op = t.substr(j, after);
                op = op.substr(0, op.find_first_of(" \t"));
                j += after;
            } else if (before != std::string::npos && !after &&
                       (j >= t.size() || t[j] == ')' ||
                        t.compare(j, 2, "\"\"") == 0)) {
                op = out.substr(before);
                op = op.substr(0, op.find_first_of(" \t"));
                out.resize(before);
            }
            const std::string why =
                "'" + name + "' has no value after it and was left out" +
                (op.empty() ? "" : ", with the " + op + " beside it") + ": " +
                (exists ? "write a field's name after it, as _exists_:author"
                        : "write " + name + (date ? "2025 or " : "WORD or ") +
                              name +
                              (date ? "\"March 1987\"" : "\"a phrase\""));
            if (warnings && warnings->find(why) == std::string::npos)
                *warnings += (warnings->empty() ? "" : "; ") + why;
            if (t.compare(j, 2, "\"\"") == 0)
                j += 2;
            i = j - 1;
            continue;
        }
        out += t.substr(i, n);
        if (strncasecmp(t.c_str() + i, "date:", 5) == 0)
            j = joined_range(t, j, out);
        i = j - 1;
    }
    return out;
}

std::string libns::date_times_cut(const std::string &t)
{
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"')
            quoted = !quoted;
        out += t[i];
        if (quoted || (i && !strchr(" \t(+-", t[i - 1])) ||
            strncasecmp(t.c_str() + i, "date:", 5) != 0)
            continue;
        size_t end = t.find_first_of(" \t", i + 5);
        if (end == std::string::npos)
            end = t.size();
        out += t.substr(i + 1, 4) + without_times(t.substr(i + 5, end - i - 5));
        i = end - 1;
    }
    return out;
}

bool libns::filter_token(const std::string &tok)
{
    size_t at = tok[0] == '+' || tok[0] == '-' ? 1 : 0;
    if (tok.compare(at, 9, "_exists_:") == 0 && tok.size() > at + 9)
        return true; /* author:*, an article with the field */
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

using Part = QueryPart;

/* The parts of T from AT to its closing bracket (or the end at depth 0);
 * false when the brackets or quotes do not pair up. */
bool libns::read_query_parts(const std::string &t, size_t &at, int depth,
                             std::vector<QueryPart> &out)
{
    std::string word;
    bool quoted = false;
    auto done = [&]() {
        if (!word.empty())
            out.emplace_back(), out.back().word = word;
        word.clear();
    };
    for (; at < t.size(); at++) {
        char c = t[at];
        if (c == '"')
            quoted = !quoted;
        if (quoted || c == '"') {
            word += c;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            done();
        } else if (c == '(') {
            QueryPart b;
            b.bracket = true;
            b.sign = word;
            word.clear();
            at++;
            if (!read_query_parts(t, at, depth + 1, b.parts))
                return false;
            out.push_back(b);
        } else if (c == ')') {
            done();
            return depth > 0;
        } else {
            word += c;
        }
    }
    done();
    return depth == 0 && !quoted;
}

/* Does bracket B hold filters only, joined or not by operators? */
static bool filters_only(const Part &b)
{
    bool any = false;
    for (const Part &p : b.parts) {
        if (p.bracket && (!p.sign.empty() || !filters_only(p)))
            return false;
        if (!p.bracket && !filter_token(p.word) && !boolean_word(p.word))
            return false;
        any |= p.bracket || !boolean_word(p.word);
    }
    return any;
}

static std::string joined_words(const std::vector<std::string> &words,
                                const char *between)
{
    std::string out;
    for (const std::string &w : words)
        out += (out.empty() ? "" : between) + w;
    return out;
}

/* What a bracket's parts are: REST with the filters LOOSE (the parser's
 * own grouping: one field's OR-ed, different fields' AND-ed) and the
 * brackets of filters GROUPS (each AND-ed). */
static std::string with_filters(const std::vector<std::string> &rest,
                                const std::vector<std::string> &loose,
                                const std::vector<std::string> &groups)
{
    if (rest.empty())
        return joined_words(groups, " AND ") +
               (groups.empty() || loose.empty() ? "" : " ") +
               joined_words(loose, " ");
    if (loose.empty() && groups.empty())
        return joined_words(rest, " ");
    std::string out = "(" + joined_words(rest, " ") + ")";
    if (!loose.empty())
        out += " " + joined_words(loose, " ");
    for (const std::string &g : groups)
        out += " AND " + g;
    return out;
}

static std::string part_text(const Part &p, bool *moved);

/* PARTS, one bracket's, with the filters no operator joins put into
 * LOOSE and the brackets of filters alone into GROUPS, for the bracket
 * that holds this one; a bracket a NOT, '-', OR or XOR scopes keeps its
 * filters (see bracketed_filters).  *MOVED: a filter left a bracket. */
static std::vector<std::string> split_filters(const std::vector<Part> &parts,
                                              std::vector<std::string> &loose,
                                              std::vector<std::string> &groups,
                                              bool *moved)
{
    std::vector<std::string> rest;
    for (size_t i = 0; i < parts.size(); i++) {
        const Part &p = parts[i];
        const std::string prev = i > 0 ? parts[i - 1].word : "";
        const std::string next = i + 1 < parts.size() ? parts[i + 1].word : "";
        const bool by_op = boolean_word(prev) || boolean_word(next);
        if (!p.bracket) {
            (filter_token(p.word) && !by_op ? loose : rest).push_back(p.word);
            continue;
        }
        if (!p.sign.empty() && p.sign != "+" && p.sign != "-") {
            rest.push_back(part_text(p, moved)); /* "title:(...)" */
            continue;
        }
        const bool scoped = p.sign == "-" || prev == "NOT" || prev == "OR" ||
                            prev == "XOR" || next == "OR" || next == "XOR";
        if (filters_only(p) && !by_op && p.sign != "-") {
            Part plain = p;
            plain.sign.clear();
            groups.push_back(part_text(plain, moved));
            *moved = true;
            continue;
        }
        if (scoped) {
            rest.push_back(part_text(p, moved));
            continue;
        }
        const size_t before = loose.size() + groups.size();
        std::vector<std::string> inner =
            split_filters(p.parts, loose, groups, moved);
        *moved |= loose.size() + groups.size() > before;
        rest.push_back(p.sign + "(" + joined_words(inner, " ") + ")");
    }
    return rest;
}

/* P as text, each bracket's filters made its whole content's; *MOVED
 * when one was bound to less before. */
static std::string part_text(const Part &p, bool *moved)
{
    if (!p.bracket)
        return p.word;
    std::vector<std::string> loose, groups;
    std::vector<std::string> rest =
        split_filters(p.parts, loose, groups, moved);
    bool joined = false;
    for (const Part &q : p.parts)
        joined |= !q.bracket && boolean_word(q.word);
    *moved |= !rest.empty() && (!groups.empty() || (joined && !loose.empty()));
    return p.sign + "(" + with_filters(rest, loose, groups) + ")";
}

/* "oil OR gas section:crude": Xapian's parser binds a filter to the words
 * beside it, not to the query, so that was "oil OR (gas in crude)" and
 * matched 1,553 Reuters stories where crude has 543; "oil NOT gas
 * section:crude" matched more than "oil NOT gas" (1,432 to 1,175).  A
 * filter is the whole query's in every search engine's query language
 * (and in this one's without an operator), so a filter that no operator
 * joins is moved after the rest, bracketed: "(oil OR gas) section:crude".
 * One an operator joins ("oil OR section:crude", "section:a OR
 * section:b") is as typed, and so is a query without lower-case letters,
 * whose operators are words (query_flags).
 *
 * Inside brackets too: "coffee (date:1987-03)" was "coffee OR the month"
 * (11,664 Reuters articles where the month's coffee has 110), and
 * "(quota OR export section:coffee)" bound the filter to "export".  A
 * filter in a bracket is the whole query's, and a bracket of filters
 * alone ("quota (section:coffee OR section:cocoa)") is a filter of the
 * whole query, AND-ed with it as typed.  A bracket that NOT, '-', OR or
 * XOR scopes is what it says: "oil NOT (gas section:crude)" leaves out
 * the crude stories with gas, "oil OR (gas section:crude)" is oil, or gas
 * in crude (its filters filter its own words). */
std::string libns::bracketed_filters(const std::string &t)
{
    bool operators = false;
    for (unsigned char c : t)
        operators |= c >= 'a' && c <= 'z';
    if (!operators)
        return t;
    std::vector<Part> parts;
    size_t at = 0;
    if (!read_query_parts(t, at, 0, parts))
        return t;
    bool joined = false, moved = false;
    for (const Part &p : parts)
        joined |= !p.bracket && boolean_word(p.word);
    std::vector<std::string> loose, groups;
    std::vector<std::string> rest = split_filters(parts, loose, groups, &moved);
    /* Without an operator the parser already makes a filter outside
     * brackets the query's: the text stays as typed unless a bracket
     * changed. */
    if (!moved && !joined)
        return t;
    if (rest.empty() ? !moved : loose.empty() && groups.empty() && !moved)
        return t;
    return with_filters(rest, loose, groups);
}
