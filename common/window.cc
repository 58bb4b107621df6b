/* window.cc - The recency window as terms: each dated article's year,
 * month and day (UTC) as boolean terms, a window covered by the fewest of
 * them, and whether an index has them for every dated article. */
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Why terms and not only the date value: a value range is checked one
 * candidate at a time, so a related-posts query filtered by it walks the
 * posting lists of its words over the whole archive, and its cost grows
 * with the archive while the window (30 days) does not.  An OR of the
 * window's date terms is a posting list of the window's articles alone,
 * and the AND with it lets Xapian skip the rest of every word's postings
 * (README "Related recent posts" has the figures).  Three boolean terms
 * per article (no wdf, no document length) cost well under 1% of the
 * index. */

/* Days since 1970-01-01 of the civil date Y-M-D (proleptic Gregorian),
 * and back: H. Hinnant's days_from_civil / civil_from_days, exact for any
 * year, before 1970 too. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* "XD2026", "XD202602", "XD20260215": the year, month or day term. */
static std::string year_term(int64_t y)
{
    return PREFIX_DATE + std::to_string(y);
}

static std::string month_term(int64_t y, unsigned m)
{
    char mm[3];
    snprintf(mm, sizeof mm, "%02u", m % 100);
    return year_term(y) + mm;
}

static std::string day_term(int64_t y, unsigned m, unsigned d)
{
    char dd[3];
    snprintf(dd, sizeof dd, "%02u", d % 100);
    return month_term(y, m) + dd;
}

void libns::add_date_terms(Xapian::Document &doc, int64_t time)
{
    int64_t y;
    unsigned m, d;
    civil_from_days(floor_div(time, 86400), &y, &m, &d);
    doc.add_boolean_term(year_term(y));
    doc.add_boolean_term(month_term(y, m));
    doc.add_boolean_term(day_term(y, m, d));
}

/* The terms whose articles are exactly those of the days FROM..TO: whole
 * years and whole months as one term each, the rest day by day (at most
 * about 90 terms, whatever the window). */
static std::vector<std::string> cover(int64_t from, int64_t to)
{
    std::vector<std::string> terms;
    for (int64_t day = from; day <= to;) {
        int64_t y;
        unsigned m, d;
        civil_from_days(day, &y, &m, &d);
        if (m == 1 && d == 1 && days_from_civil(y + 1, 1, 1) - 1 <= to) {
            terms.push_back(year_term(y));
            day = days_from_civil(y + 1, 1, 1);
            continue;
        }
        int64_t next = m == 12 ? days_from_civil(y + 1, 1, 1)
                               : days_from_civil(y, m + 1, 1);
        if (d == 1 && next - 1 <= to) {
            terms.push_back(month_term(y, m));
            day = next;
            continue;
        }
        terms.push_back(day_term(y, m, d));
        day++;
    }
    return terms;
}

static std::string day_term_of(int64_t day)
{
    int64_t y;
    unsigned m, d;
    civil_from_days(day, &y, &m, &d);
    return day_term(y, m, d);
}

Xapian::Query libns::window_query(int enc, int64_t from, int64_t to,
                                  bool terms)
{
    using Q = Xapian::Query;
    const std::string lo = time_value(enc, from);
    const std::string hi = time_value(enc, to);
    if (!terms || to < from)
        return Q(Q::OP_VALUE_RANGE, SLOT_TIME, lo, hi);
    const int64_t first = floor_div(from, 86400), last = floor_div(to, 86400);
    /* The days between the first and the last are whole; those two are
     * trimmed to the second by the date value, checked only on their own
     * articles (a value range alone would be the driver of the match,
     * walking the values of the whole archive), unless they are whole
     * too (a date: filter's days): then the query is terms alone, whose
     * frequencies give Xapian an exact count. */
    const bool whole_first = from == first * 86400;
    const bool whole_last = to == last * 86400 + 86399;
    std::vector<Q> parts;
    if (first == last && !(whole_first && whole_last))
        return Q(Q::OP_FILTER, Q(day_term_of(first)),
                 Q(Q::OP_VALUE_RANGE, SLOT_TIME, lo, hi));
    if (!whole_first)
        parts.emplace_back(Q::OP_FILTER, Q(day_term_of(first)),
                           Q(Q::OP_VALUE_GE, SLOT_TIME, lo));
    for (const std::string &t :
         cover(whole_first ? first : first + 1, whole_last ? last : last - 1))
        parts.emplace_back(t);
    if (!whole_last)
        parts.emplace_back(Q::OP_FILTER, Q(day_term_of(last)),
                           Q(Q::OP_VALUE_LE, SLOT_TIME, hi));
    return Q(Q::OP_OR, parts.begin(), parts.end());
}

/* The years an index can hold without the check taking long; an archive
 * whose dates span more (a misdated article in the year 9999) is
 * searched by the value range. */
static const int64_t MAX_YEARS_CHECKED = 2000;

bool libns::has_date_terms(const Xapian::Database &db, int enc)
{
    const Xapian::doccount dated = db.get_value_freq(SLOT_TIME);
    if (dated == 0)
        return false;
    int64_t lo = time_of_value(enc, db.get_value_lower_bound(SLOT_TIME));
    int64_t hi = time_of_value(enc, db.get_value_upper_bound(SLOT_TIME));
    int64_t y0, y1;
    unsigned m, d;
    civil_from_days(floor_div(lo, 86400), &y0, &m, &d);
    civil_from_days(floor_div(hi, 86400), &y1, &m, &d);
    if (y1 < y0 || y1 - y0 > MAX_YEARS_CHECKED)
        return false;
    /* Every dated article has exactly one year term: the index has them
     * all when the year terms count every dated article.  An index built
     * before them, or updated since by an older nindex, counts fewer. */
    uint64_t n = 0;
    for (int64_t y = y0; y <= y1; y++)
        n += db.get_termfreq(year_term(y));
    return n == dated;
}

/* The newest article's time at or before BOUND, by the date terms:
 * the newest non-empty year, month and day at or before BOUND's are
 * found by term frequencies, and only that day's articles are looked at
 * (the value-sorted query it replaces reads the date of every article).
 * INT64_MIN when no article is dated at or before BOUND. */
int64_t libns::newest_by_terms(const Xapian::Database &db, int enc,
                               int64_t bound)
{
    int64_t lo = time_of_value(enc, db.get_value_lower_bound(SLOT_TIME));
    int64_t y0, by;
    unsigned bm, bd, m, d;
    civil_from_days(floor_div(lo, 86400), &y0, &m, &d);
    civil_from_days(floor_div(bound, 86400), &by, &bm, &bd);
    const std::string le = time_value(enc, bound);
    for (int64_t y = by; y >= y0 && by - y <= MAX_YEARS_CHECKED; y--) {
        if (db.get_termfreq(year_term(y)) == 0)
            continue;
        for (unsigned mo = y == by ? bm : 12; mo >= 1; mo--) {
            if (db.get_termfreq(month_term(y, mo)) == 0)
                continue;
            int64_t first = days_from_civil(y, mo, 1);
            int64_t last = (mo == 12 ? days_from_civil(y + 1, 1, 1)
                                     : days_from_civil(y, mo + 1, 1)) -
                           1;
            if (y == by && mo == bm)
                last = first + bd - 1;
            for (int64_t day = last; day >= first; day--) {
                std::string t = day_term_of(day);
                if (db.get_termfreq(t) == 0)
                    continue;
                Xapian::Enquire enq(db);
                enq.set_query(Xapian::Query(
                    Xapian::Query::OP_FILTER, Xapian::Query(t),
                    Xapian::Query(Xapian::Query::OP_VALUE_LE, SLOT_TIME, le)));
                enq.set_weighting_scheme(Xapian::BoolWeight());
                enq.set_sort_by_value(SLOT_TIME, true);
                Xapian::MSet ms = enq.get_mset(0, 1);
                if (!ms.empty())
                    return time_of_value(
                        enc, ms.begin().get_document().get_value(SLOT_TIME));
            }
        }
    }
    return INT64_MIN;
}
