/* dates.cc - The date: field of the query language.  A year, a month or
 * a day (date:2025, date:2025-09, date:2025-09-15, or ISO 8601's basic
 * date:20250915, or day first date:15.09.2025), or a range of them
 * with either end open (date:2025-06..2025-09, date:2025-09-01..,
 * date:..2025).  A range covers its ends whole: date:..2025-09 takes the
 * whole of September.  A value that is not such a date is the user's
 * typo, not an empty result: the filter is dropped and the search's
 * warning says so, like the other query fallbacks. */
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "index-private.h"
#include "unread-dates.h"

using namespace libns;

/* One end of a date value, as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or the
 * compact "YYYYMMDD"), into the first and last "YYYYMMDD" it covers as
 * SLOT_DAY holds them; false if TEXT is not such a date or names an
 * impossible one (2025-09-31). */
static bool iso_span(const std::string &given, std::string *first,
                     std::string *last)
{
    /* A day written day first, as Norwegian and German readers type it
     * (date:05.12.2026), is that day. */
    char iso[16];
    std::string text = given;
    if (given.find('.') != std::string::npos) {
        if (ns_date_dmy_day(given.c_str(), iso, sizeof iso) < 0)
            return false;
        text = iso;
    }
    for (char c : text)
        if (!isdigit((unsigned char)c) && c != '-')
            return false;
    std::string y, m, d;
    if (text.size() == 4) {
        y = text;
    } else if (text.size() == 7 && text[4] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2);
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    } else if (text.size() == 8) {
        y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
    } else {
        return false;
    }
    if ((y + m + d).find('-') != std::string::npos)
        return false;
    /* ns_date_parse knows the calendar: it rejects month 13 and day 31 of
     * a 30-day month. */
    int64_t t;
    std::string check =
        y + "-" + (m.empty() ? "01" : m) + "-" + (d.empty() ? "01" : d);
    if (ns_date_parse(check.c_str(), &t) < 0)
        return false;
    /* Day values compare as strings: "202509" sorts before every day of
     * September and "20250999" after. */
    *first = y + m + d;
    *last = y + (m.empty() ? "99" : m) + (d.empty() ? "99" : d);
    return true;
}

/* The article's date reader (article-date.c, a C file). */
extern "C" int ns_date_read(const char *value, int64_t *t);

/* GIVEN as iso_span reads it, else as an article's date is read, in the
 * unit it names: date:"March 1987" is that month and date:"5. januar
 * 2023" that day, as the same text in an article's metadata dates it;
 * both were not dates here, and the filter was dropped. */
static bool date_span(const std::string &given, std::string *first,
                      std::string *last)
{
    if (iso_span(given, first, last))
        return true;
    int64_t t;
    int unit = ns_date_read(given.c_str(), &t);
    if (unit < 0)
        return false;
    char day[32];
    ns_date_format(t, day, sizeof day);
    return iso_span(std::string(day, (size_t)unit), first, last);
}

/* One end of a date: value as date_span reads it, or a decade as the
 * decade facet lists it and historians name one (date:1960s, 1960s to
 * 1969s whole).  Only here: a page's <time datetime="1960s"> is no date
 * of the article. */
static bool end_span(const std::string &text, std::string *first,
                     std::string *last)
{
    if (text.size() == 5 && text[3] == '0' &&
        (text[4] == 's' || text[4] == 'S') &&
        std::all_of(text.begin(), text.begin() + 4,
                    [](char c) { return isdigit((unsigned char)c); })) {
        std::string ignore;
        if (!date_span(text.substr(0, 4), first, &ignore))
            return false;
        *last = text.substr(0, 3) + "99999"; /* as date_span ends a year */
        return true;
    }
    return date_span(text, first, last);
}

/* VALUE as its two ends, A..B (either may be empty; one date is both),
 * into the first day of A and the last of B (each left empty for an open
 * end); false if it is no date. */
static bool date_range(const std::string &value, std::string *lo,
                       std::string *hi)
{
    size_t dots = value.find("..");
    std::string a = dots == std::string::npos ? value : value.substr(0, dots);
    std::string b = dots == std::string::npos ? value : value.substr(dots + 2);
    std::string ignore;
    return !(a.empty() && b.empty()) &&
           (a.empty() || end_span(a, lo, &ignore)) &&
           (b.empty() || end_span(b, &ignore, hi));
}

/* Epoch seconds of the first second of SPAN's first day ("YYYY",
 * "YYYYMM", "YYYYMMDD"), or with LAST of its last day's last second
 * ("YYYY9999", "YYYYMM99" as date_span writes a span's end). */
static bool span_second(const std::string &span, bool last, int64_t *out)
{
    int y = std::stoi(span.substr(0, 4));
    int m = span.size() >= 6 ? std::stoi(span.substr(4, 2)) : 1;
    int d = span.size() >= 8 ? std::stoi(span.substr(6, 2)) : 1;
    int64_t end = 0; /* the last second: the next span's first, less one */
    if (last && m == 99)
        y++, m = 1, d = 1, end = 1;
    else if (last && d == 99)
        y += m == 12, m = m % 12 + 1, d = 1, end = 1;
    char text[32];
    snprintf(text, sizeof text, "%04d-%02d-%02d%s", y, m, d,
             last && !end ? "T23:59:59Z" : "");
    if (ns_date_parse(text, out) < 0)
        return false;
    *out -= end;
    return true;
}

int ns_date_span(const char *text, char *first, char *last)
{
    try {
        std::string lo, hi;
        int64_t from, to;
        if (!text || !date_span(text, &lo, &hi) ||
            !span_second(lo, false, &from) || !span_second(hi, true, &to))
            return -1;
        char day[32];
        ns_date_format(from, day, sizeof day);
        snprintf(first, 11, "%.10s", day);
        ns_date_format(to, day, sizeof day);
        snprintf(last, 11, "%.10s", day);
        return 0;
    } catch (...) {
        return -1;
    }
}

Xapian::Query libns::date_terms(const Xapian::Database &db, int enc,
                                const int64_t *from, const int64_t *to)
{
    if (!has_date_terms(db, enc))
        return Xapian::Query();
    /* An open end is the archive's first or last year, whole: no article
     * is dated outside them, and a whole year is one term. */
    char first[32], last[32];
    ns_date_format(time_of_value(enc, db.get_value_lower_bound(SLOT_TIME)),
                   first, sizeof first);
    ns_date_format(time_of_value(enc, db.get_value_upper_bound(SLOT_TIME)),
                   last, sizeof last);
    int64_t oldest, newest;
    if (!span_second(std::string(first, 4), false, &oldest) ||
        !span_second(std::string(last, 4) + "9999", true, &newest))
        return Xapian::Query();
    /* A range wider than the archive is cut to its years (date:..9999
     * would be eight thousand year terms). */
    int64_t lo = from ? std::max(*from, oldest) : oldest;
    int64_t hi = to ? std::min(*to, newest) : newest;
    if (hi < lo)
        return Xapian::Query::MatchNothing;
    return window_query(enc, lo, hi, true);
}

/* The days LO..HI (either may be open: the archive's first or last dated
 * article) as date terms (date_terms), whose frequencies are exact, where
 * Xapian can only guess how many articles a value range holds: the
 * samples' date:2025-08 reported "about 100" stories of several hundred,
 * and a value range walks the values of the whole archive.  An empty
 * query when the terms cannot be used. */
static Xapian::Query span_terms(const Xapian::Database &db, int enc,
                                const std::string &lo, const std::string &hi)
{
    int64_t from, to;
    if ((!lo.empty() && !span_second(lo, false, &from)) ||
        (!hi.empty() && !span_second(hi, true, &to)))
        return Xapian::Query();
    return date_terms(db, enc, lo.empty() ? nullptr : &from,
                      hi.empty() ? nullptr : &to);
}

Xapian::Query libns::dated_or_marked(const Xapian::Database &db, int enc,
                                     const Xapian::Query &part,
                                     const int64_t *from, const int64_t *to,
                                     const std::string &said)
{
    /* The slot's bounds, kept by the index itself: no article's value is
     * read.  An archive with no date has none. */
    const std::string lo = db.get_value_lower_bound(SLOT_TIME);
    bool none = lo.empty() ||
                (from && *from > time_of_value(
                                      enc, db.get_value_upper_bound(SLOT_TIME))) ||
                (to && *to < time_of_value(enc, lo));
    /* Within the bounds, by the date terms: a month with no story in it
     * (the terms cover whole days, so any of them is an article). */
    if (!none && has_date_terms(db, enc) && !part.empty()) {
        none = true;
        for (auto t = part.get_unique_terms_begin();
             none && t != part.get_unique_terms_end(); ++t)
            none = !db.term_exists(*t);
    }
    if (!none)
        return part;
    return Xapian::Query(std::string(PREFIX_DATE) + DATE_NONE + said);
}

bool DateField::reads(const std::string &value)
{
    std::string lo, hi;
    return date_range(value, &lo, &hi);
}

Xapian::Query DateField::operator()(const std::string &value)
{
    using Q = Xapian::Query;
    /* A Lucene range with nothing between its ends left out, said by
     * lucene_ranges(): a term no article has (Q::MatchNothing is the
     * empty query, which emptied "oil date:{1987-03 TO 1987-04}"). */
    if (value == DATE_EMPTY)
        return Q(std::string(PREFIX_DATE) + "\x01empty");
    if (value == DATE_UNREAD)
        return Q(UNREAD_DATE); /* said by lucene_ranges() */
    std::string lo, hi;
    if (!date_range(value, &lo, &hi)) {
        std::string why = "date:" + value + " is not a date " + DATE_FORMS +
                          "; the date filter was ignored";
        if (warnings && warnings->find(why) == std::string::npos)
            *warnings += (warnings->empty() ? "" : "; ") + why;
        return Q(UNREAD_DATE); /* taken out after the parse (unread-dates.h) */
    }
    /* A range written backwards (date:2025-09..2025-06) is meant the
     * other way round, and searched so, saying so: it matched nothing,
     * with no word why. */
    int64_t from, to;
    size_t dots = value.find("..");
    if (!lo.empty() && !hi.empty() && span_second(lo, false, &from) &&
        span_second(hi, true, &to) && to < from) {
        std::string a = value.substr(0, dots), b = value.substr(dots + 2);
        std::string why = "date:" + value + " ends before it starts; " +
                          "searched as date:" + b + ".." + a;
        if (warnings && warnings->find(why) == std::string::npos)
            *warnings += (warnings->empty() ? "" : "; ") + why;
        date_range(b + ".." + a, &lo, &hi);
    }
    Q by_terms = db ? span_terms(*db, enc, lo, hi) : Q();
    /* Undated articles have no value in the slot: no range takes them. */
    if (by_terms.empty())
        by_terms = lo.empty()   ? Q(Q::OP_VALUE_LE, SLOT_DAY, hi)
                   : hi.empty() ? Q(Q::OP_VALUE_GE, SLOT_DAY, lo)
                                : Q(Q::OP_VALUE_RANGE, SLOT_DAY, lo, hi);
    /* date:1999 on an archive of 1987 matched nothing and said nothing;
     * a range no article is dated in is marked, for the note of a search
     * that finds nothing (dead-filters.cc). */
    int64_t first, last;
    if (!db || (!lo.empty() && !span_second(lo, false, &first)) ||
        (!hi.empty() && !span_second(hi, true, &last)))
        return by_terms;
    return dated_or_marked(*db, enc, by_terms, lo.empty() ? nullptr : &first,
                           hi.empty() ? nullptr : &last, value);
}

/* Q without its UNREAD_DATE marks into *OUT; false (OUT untouched) when
 * it has none.  A part that was nothing but marks becomes empty, and its
 * operator goes without it: "oil AND date:1987-13" is "oil". */
static bool drop_unread(const Xapian::Query &q, Xapian::Query *out)
{
    using Q = Xapian::Query;
    if (q.get_type() == Q::LEAF_TERM) {
        if (*q.get_terms_begin() != UNREAD_DATE)
            return false;
        *out = Q();
        return true;
    }
    /* The parser scales only a query of filters alone, by 0; the 1.4 API
     * does not give the factor back. */
    if (q.get_type() == Q::OP_SCALE_WEIGHT) {
        Q sub;
        if (!drop_unread(q.get_subquery(0), &sub))
            return false;
        *out = sub.empty() ? Q() : Q(Q::OP_SCALE_WEIGHT, sub, 0);
        return true;
    }
    if (!rebuildable(q.get_type()))
        return false;
    std::vector<Q> subs;
    bool changed = false, first_gone = false;
    for (size_t i = 0; i < q.get_num_subqueries(); i++) {
        Q sub = q.get_subquery(i);
        if (drop_unread(sub, &sub)) {
            changed = true;
            if (sub.empty()) {
                first_gone = first_gone || i == 0;
                continue;
            }
        }
        subs.push_back(sub);
    }
    if (!changed)
        return false;
    if (subs.empty()) {
        *out = Q();
        return true;
    }
    if (!first_gone) {
        *out = Q(q.get_type(), subs.begin(), subs.end());
        return true;
    }
    /* The left side gone: "date:1987-13 -oil" is "-oil", every article
     * but those; "+date:1987-13 oil" is "oil"; a filter is a filter. */
    switch (q.get_type()) {
    case Q::OP_AND_NOT:
        subs.insert(subs.begin(), match_all());
        *out = Q(Q::OP_AND_NOT, subs.begin(), subs.end());
        break;
    case Q::OP_AND_MAYBE:
        *out = Q(Q::OP_OR, subs.begin(), subs.end());
        break;
    case Q::OP_FILTER:
        *out = Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_AND, subs.begin(), subs.end()), 0);
        break;
    default:
        *out = Q(q.get_type(), subs.begin(), subs.end());
    }
    return true;
}

Xapian::Query libns::without_unread_dates(const Xapian::Query &q)
{
    Xapian::Query out;
    if (!drop_unread(q, &out))
        return q;
    return out.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       match_all(), 0)
                       : out;
}
