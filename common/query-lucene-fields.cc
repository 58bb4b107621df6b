/* query-lucene-fields.cc - A field's value written as Lucene,
 * Elasticsearch and Solr write it: a group of values or words after the
 * field (section:(crude OR ship), title:(oil prices)), a range in
 * brackets (date:[1987-03-01 TO 1987-03-31], {A TO B}, * for an open
 * end), and a field with '*' for any article that has it (author:*,
 * Elasticsearch's _exists_:author). */
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <strings.h>
#include <utility>
#include <vector>

#include "index-private.h"
#include "unread-dates.h"

using namespace libns;

/* Values of a field read for field:*, at most: past that its articles
 * are not looked up, and the warning says so.  Each value is a posting
 * list to open: title:* over the 14,924 title stems of Reuters took 27 s
 * (its 83 sections, 0.2 s). */
static const size_t EXISTS_MAX_TERMS = 1000;

static void warn(std::string *warnings, const std::string &why)
{
    if (warnings && warnings->find(why) == std::string::npos)
        *warnings += (warnings->empty() ? "" : "; ") + why;
}

/* The field's name as the schema writes it ("category" is "section",
 * "Title" "title"), "date", or "" if NAME is no field's. */
static std::string canonical_field(const std::string &name)
{
    const std::string n = lower(name.c_str());
    if (n == "date")
        return n;
    for (const SchemaField &f : SCHEMA_FIELDS)
        for (const std::string &alias : names_of(f))
            if (n == alias)
                return f.name;
    return "";
}

/* ---------------------------------------------------------------------
 * Groups: "section:(crude OR ship)".  Xapian's parser reads the value of
 * a filter as one term up to a space, so that was the section "(crude",
 * which no article has, and "ship)" a word: nothing matched.  The field
 * goes before each word of the group ("(section:crude OR section:ship)",
 * as Lucene reads it), its operators and brackets kept; a word with a
 * field of its own keeps it.  For a text field this is what Xapian's
 * parser reads already, but only where operators are read: in a query
 * in capitals, where brackets and AND, OR, NOT are words (query_flags),
 * each word gets the field and the brackets go (every word of the
 * query is any of them there), so "SECTION:(CRUDE OR SHIP)" is the two
 * sections (and the section "or", which none has). */

/* SIGN ("section:", "-Title:") as its '+' or '-' and the field's name
 * with its colon, when the name is a field's. */
static bool group_sign(const std::string &sign, std::string *pm,
                       std::string *field)
{
    size_t at = !sign.empty() && (sign[0] == '-' || sign[0] == '+');
    if (sign.size() < at + 2 || sign.back() != ':')
        return false;
    const std::string name = sign.substr(at, sign.size() - at - 1);
    for (char c : name)
        if (!isalpha((unsigned char)c))
            return false;
    if (canonical_field(name).empty())
        return false;
    *pm = sign.substr(0, at);
    *field = sign.substr(at);
    return true;
}

/* Has WORD (after its '+' or '-') a field name of its own? */
static bool has_field(const std::string &word)
{
    size_t at = !word.empty() && (word[0] == '-' || word[0] == '+');
    size_t colon = word.find(':', at);
    if (colon == std::string::npos || word.find('"', at) < colon)
        return false;
    return !canonical_field(word.substr(at, colon - at)).empty();
}

static std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &i : items)
        out += (out.empty() ? "" : " ") + i;
    return out;
}

/* The parts of a group with FIELD before each word; OPERATORS: as read
 * where operators are (else flat, each word signed as SIGN says). */
static std::vector<std::string> with_field(const std::vector<QueryPart> &parts,
                                           const std::string &field,
                                           bool operators,
                                           const std::string &sign)
{
    std::vector<std::string> out;
    for (const QueryPart &p : parts) {
        if (p.bracket) {
            /* A group of another field ("(oil title:(gas prices))") is
             * that field's; any other name before a bracket, as typed. */
            std::string pm, other;
            if (group_sign(p.sign, &pm, &other)) {
                std::vector<std::string> inner =
                    with_field(p.parts, other, operators, operators ? "" : pm);
                if (operators)
                    out.push_back(pm + "(" + joined(inner) + ")");
                else
                    out.insert(out.end(), inner.begin(), inner.end());
                continue;
            }
            if (!p.sign.empty() && p.sign != "-" && p.sign != "+") {
                out.push_back(p.sign + "(" +
                              joined(with_field(p.parts, "", true, "")) + ")");
                continue;
            }
            std::vector<std::string> inner =
                with_field(p.parts, field, operators,
                           operators ? "" : (p.sign.empty() ? sign : p.sign));
            if (operators)
                out.push_back(p.sign + "(" + joined(inner) + ")");
            else
                out.insert(out.end(), inner.begin(), inner.end());
            continue;
        }
        const std::string &w = p.word;
        if (field.empty() || has_field(w) ||
            (operators && (boolean_word(w) || near_word(w)))) {
            out.push_back(w);
            continue;
        }
        size_t at = w[0] == '-' || w[0] == '+';
        if (at == w.size())
            continue; /* a lone sign */
        out.push_back((at ? w.substr(0, 1) : sign) + field + w.substr(at));
    }
    return out;
}

/* PARTS as text, each group after a field name read as above; *CHANGED
 * when one was. */
static std::vector<std::string> groups_read(const std::vector<QueryPart> &parts,
                                            bool operators, bool *changed)
{
    std::vector<std::string> out;
    for (const QueryPart &p : parts) {
        if (!p.bracket) {
            out.push_back(p.word);
            continue;
        }
        std::string pm, field;
        if (group_sign(p.sign, &pm, &field) && !p.parts.empty()) {
            *changed = true;
            std::vector<std::string> items =
                with_field(p.parts, field, operators, operators ? "" : pm);
            out.push_back(operators ? pm + "(" + joined(items) + ")"
                                    : joined(items));
            continue;
        }
        out.push_back(p.sign + "(" +
                      joined(groups_read(p.parts, operators, changed)) + ")");
    }
    return out;
}

std::string libns::field_groups(const std::string &t)
{
    if (t.find(":(") == std::string::npos)
        return t;
    bool operators = false;
    for (unsigned char c : t)
        operators |= c >= 'a' && c <= 'z';
    std::vector<QueryPart> parts;
    size_t at = 0;
    if (!read_query_parts(t, at, 0, parts))
        return t;
    bool changed = false;
    std::string out = joined(groups_read(parts, operators, &changed));
    return changed ? out : t;
}

/* ---------------------------------------------------------------------
 * Ranges: "date:[1987-03-01 TO 1987-03-31]".  Xapian's parser took
 * "[1987-03-01" for a date it could not read, dropped the filter and
 * searched "TO" and the other end as words.  The brackets are read as
 * Lucene reads them: '[' and ']' take their end, '{' and '}' leave it
 * out (the whole day, month or year it names: {1987-03 TO 1987-06} is
 * April and May), and '*' is an open end; date:[* TO *] is any dated
 * article.  Only date: has ranges here: another field's range
 * ("id:[a TO b]") is left out, with a warning. */

/* Is END a decade as the date field reads one ("1960s")? */
static bool decade(const std::string &end)
{
    return end.size() == 5 && end[3] == '0' &&
           (end[4] == 's' || end[4] == 'S') &&
           end.find_first_not_of("0123456789") == 4;
}

/* END's first and last days (FIRST and LAST at least 11 bytes), a decade
 * too; false if it is no date. */
static bool days_of(const std::string &end, char *first, char *last)
{
    if (!decade(end))
        return ns_date_span(end.c_str(), first, last) == 0;
    snprintf(first, 11, "%.3s0-01-01", end.c_str());
    snprintf(last, 11, "%.3s9-12-31", end.c_str());
    return true;
}

/* The day, month or year next to END (a date: value, "1987-03-01",
 * "1987-03", "1987", "19870301" or "1.3.1987") on side STEP (+1 after,
 * -1 before), in the same unit; END itself if it is no date (the date
 * field says so). */
static std::string next_span(const std::string &end, int step)
{
    std::string text = end;
    char iso[16];
    /* A decade ("1960s") steps by ten years: {1960s TO 1980s} is the
     * 1970s; as itself, it kept both decades it names. */
    if (decade(end)) {
        const int y = atoi(end.c_str()) + 10 * step;
        if (y < 0 || y > 9990)
            return end;
        snprintf(iso, sizeof iso, "%04ds", y);
        return iso;
    }
    if (end.find('.') != std::string::npos) {
        if (ns_date_dmy_day(end.c_str(), iso, sizeof iso) < 0)
            return end;
        text = iso;
    }
    if (text.size() == 8 && text.find('-') == std::string::npos)
        text = text.substr(0, 4) + "-" + text.substr(4, 2) + "-" +
               text.substr(6, 2);
    for (char c : text)
        if (!isdigit((unsigned char)c) && c != '-')
            return end;
    int y = 0, m = 0, d = 0;
    char buf[16];
    if (text.size() == 4 && sscanf(text.c_str(), "%4d", &y) == 1) {
        snprintf(buf, sizeof buf, "%04d", y + step);
    } else if (text.size() == 7 &&
               sscanf(text.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 &&
               m <= 12) {
        int months = y * 12 + (m - 1) + step;
        snprintf(buf, sizeof buf, "%04d-%02d", months / 12, months % 12 + 1);
    } else if (text.size() == 10 &&
               sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
        int64_t t;
        if (ns_date_parse(text.c_str(), &t) < 0)
            return end;
        t += (int64_t)step * 86400;
        char day[32];
        ns_date_format(t, day, sizeof day);
        snprintf(buf, sizeof buf, "%.10s", day);
    } else {
        return end;
    }
    return buf;
}

/* Does the range A..B end before it starts (each a date: value, both
 * given)?  False when either is no date ns_date_span reads. */
static bool backwards(const std::string &a, const std::string &b)
{
    char a_first[16], a_last[16], b_first[16], b_last[16];
    return !a.empty() && !b.empty() && days_of(a, a_first, a_last) &&
           days_of(b, b_first, b_last) && strcmp(a_first, b_last) > 0;
}

/* INSIDE, what a range's brackets hold, as its ends *A and *B around one
 * TO (any case); each end's words joined by one space, without the
 * quotes around it.  False when there is not one TO with words on both
 * sides.  Split at each space, "[March 1987 TO April 1987]" was five
 * words: its ends were "March" and "1987", no dates, and the filter was
 * dropped (8,134 Reuters articles where the two months have 16,449). */
static bool range_ends(const std::string &inside, std::string *a,
                       std::string *b)
{
    std::vector<std::string> words[2];
    std::string w;
    int side = 0;
    bool quoted = false, to = false;
    for (size_t k = 0; k <= inside.size(); k++) {
        if (k < inside.size() && inside[k] == '"')
            quoted = !quoted;
        if (k < inside.size() && (quoted || !isspace((unsigned char)inside[k]))) {
            w += inside[k];
            continue;
        }
        if (w.empty())
            continue;
        if (strcasecmp(w.c_str(), "TO") == 0) {
            if (to)
                return false;
            to = true, side = 1;
        } else {
            words[side].push_back(w);
        }
        w.clear();
    }
    if (!to || words[0].empty() || words[1].empty())
        return false;
    std::string *end[2] = {a, b};
    for (int s = 0; s < 2; s++) {
        end[s]->clear();
        for (const std::string &x : words[s])
            *end[s] += (end[s]->empty() ? "" : " ") + x;
        if (end[s]->size() >= 2 && end[s]->front() == '"' &&
            end[s]->back() == '"')
            *end[s] = end[s]->substr(1, end[s]->size() - 2);
    }
    return true;
}

/* END, a range's end written as people write a date ("March 1987",
 * "5. januar 2023"), as the day, month or year it names in the form
 * next_span steps ("1987-03"); any other END as typed. */
static std::string unit_form(const std::string &end)
{
    if (decade(end) ||
        end.find_first_not_of("0123456789.-") == std::string::npos)
        return end;
    char first[16], last[16];
    if (ns_date_span(end.c_str(), first, last) != 0)
        return end;
    if (strcmp(first, last) == 0)
        return first;
    if (strncmp(first, last, 7) == 0)
        return std::string(first, 7);
    if (strncmp(first, last, 4) == 0 && strcmp(first + 4, "-01-01") == 0 &&
        strcmp(last + 4, "-12-31") == 0)
        return std::string(first, 4);
    return end;
}

/* The field name that ends at T[COLON], if it starts a word. */
static std::string name_before(const std::string &t, size_t colon)
{
    size_t s = colon;
    while (s > 0 && isalpha((unsigned char)t[s - 1]))
        s--;
    if (s == colon || (s > 0 && !strchr(" \t(+-", t[s - 1])))
        return "";
    return t.substr(s, colon - s);
}

std::string libns::lucene_ranges(const std::string &t, std::string *warnings)
{
    if (t.find(" TO ") == std::string::npos &&
        t.find(" to ") == std::string::npos)
        return t;
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] == '"')
            quoted = !quoted;
        out += t[i];
        if (quoted || t[i] != ':')
            continue;
        const std::string name = name_before(t, i);
        size_t open = i + 1;
        while (open < t.size() && (t[open] == ' ' || t[open] == '\t'))
            open++;
        if (name.empty() || open >= t.size() ||
            (t[open] != '[' && t[open] != '{'))
            continue;
        size_t close = t.find_first_of("]}", open);
        if (close == std::string::npos)
            continue;
        /* "A TO B" inside, and nothing else; an end may be a date in
         * words, quoted or not ("[March 1987 TO "April 1987"]"). */
        std::string a, b;
        if (!range_ends(t.substr(open + 1, close - open - 1), &a, &b))
            continue;
        const std::string field = canonical_field(name);
        out.resize(out.size() - name.size() - 1);
        if (field != "date") {
            warn(warnings, name + ":" + t.substr(open, close - open + 1) +
                               " was left out: a range is read for date: "
                               "only");
            i = close;
            continue;
        }
        a = a == "*" ? "" : unit_form(a);
        b = b == "*" ? "" : unit_form(b);
        const std::string typed = name + ":" + t.substr(open, close - open + 1);
        /* An end that is no date: said as typed, not as the A..B it was
         * written to ("date:1987-03..soon is not a date"). */
        const std::string &bad = !a.empty() && !DateField::reads(a) ? a
                                 : !b.empty() && !DateField::reads(b)
                                     ? b
                                     : std::string();
        if (!bad.empty()) {
            warn(warnings, typed + ": '" + bad + "' is not a date " +
                               DATE_FORMS + "; the date filter was ignored");
            out += name + ":" + DATE_UNREAD;
            i = close;
            continue;
        }
        bool leave_a = t[open] == '{', leave_b = t[close] == '}';
        /* Written backwards, turned round before its ends are left out:
         * stepped first, {1987-05 TO 1987-02} took January to June. */
        if (backwards(a, b)) {
            std::swap(a, b);
            std::swap(leave_a, leave_b);
            warn(warnings, typed + " ends before it starts; searched as " +
                               name + ":" + (leave_a ? "{" : "[") + a +
                               " TO " + b + (leave_b ? "}" : "]"));
        }
        if (!a.empty() && leave_a)
            a = next_span(a, 1);
        if (!b.empty() && leave_b)
            b = next_span(b, -1);
        /* Nothing left between the ends: no article, as in Lucene.  As
         * A..B it read as a range written backwards and was turned round,
         * the ends left out taken in: {1987-03 TO 1987-04} found March
         * and April, 16,449 articles. */
        if (backwards(a, b)) {
            warn(warnings, typed + " holds no date: '{' and '}' leave out "
                                   "the day, month or year they name, and "
                                   "nothing is left between them");
            out += name + ":" + DATE_EMPTY;
            i = close;
            continue;
        }
        /* An end that is no date keeps its words, in one value the
         * date field says is not a date. */
        const std::string q =
            (a + b).find(' ') == std::string::npos ? "" : "\"";
        /* One day, month, year or decade left: itself, as a note names
         * it ({1960s TO 1980s} was "no article is dated 1970s..1970s"). */
        if (!a.empty() && a == b)
            out += name + ":" + q + a + q;
        else
            out += a.empty() && b.empty() ? "_exists_:date"
                                          : name + ":" + q + a + ".." + b + q;
        i = close;
    }
    return out;
}

/* ---------------------------------------------------------------------
 * Any article that has a field: "author:*" and "_exists_:author" (both
 * Elasticsearch's).  Xapian has no such query, and an article has no
 * term that says it has a field: its articles are those of the field's
 * values, or for a text field of its words' stems (every word has one;
 * its word as written only where the two differ).  An id every article
 * has; a date, every dated article, by the date's value. */
Xapian::Query ExistsField::operator()(const std::string &value)
{
    using Q = Xapian::Query;
    const std::string field = canonical_field(value);
    if (field.empty()) {
        std::string names;
        for (const SchemaField &f : SCHEMA_FIELDS)
            names += std::string(names.empty() ? "" : ", ") + f.name;
        warn(warnings, "_exists_:" + value + " names no field (the fields: " +
                           names + ", date); it was left out");
        return match_all();
    }
    if (field == "id")
        return match_all();
    if (field == "date") {
        const std::string lo = db->get_value_lower_bound(SLOT_TIME);
        if (lo.empty()) {
            warn(warnings, "no article has a date");
            return Q(PREFIX_DATE); /* no article's term: none */
        }
        return Q(Q::OP_VALUE_GE, SLOT_TIME, lo);
    }
    std::string prefix;
    for (const SchemaField &f : SCHEMA_FIELDS)
        if (field == f.name)
            prefix = f.kind == FIELD_TEXT ? PREFIX_STEM + std::string(f.prefix)
                                          : f.prefix;
    size_t n = 0;
    for (auto t = db->allterms_begin(prefix);
         t != db->allterms_end(prefix) && n <= EXISTS_MAX_TERMS; ++t)
        n++;
    /* An empty query would be no filter at all, and the search would
     * say the query has no word: the bare prefix, which no article has. */
    if (n == 0) {
        warn(warnings, "no article has " +
                           (field == "author" ? "an author" : "a " + field));
        return Q(prefix);
    }
    if (n > EXISTS_MAX_TERMS) {
        warn(warnings, "'" + field + ":*' is not read in this archive: its " +
                           field + " field has more than " +
                           std::to_string(EXISTS_MAX_TERMS) +
                           " different values or words; searched without it");
        return match_all();
    }
    /* One wildcard, which counts as one term of the query (limits.cc)
     * and which the rewrites of words pass by (a pattern with no word). */
    return Q(Q::OP_WILDCARD, prefix, 0, Q::WILDCARD_LIMIT_ERROR, Q::OP_OR);
}
