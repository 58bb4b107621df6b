/* dates.cc - The date: field of the query language.  A year, a month or
 * a day (date:2025, date:2025-09, date:2025-09-15), or a range of them
 * with either end open (date:2025-06..2025-09, date:2025-09-01..,
 * date:..2025).  A range covers its ends whole: date:..2025-09 takes the
 * whole of September.  A value that is not such a date is the user's
 * typo, not an empty result: the filter is dropped and the search's
 * warning says so, like the other query fallbacks. */
#include <cctype>
#include <string>

#include "index-private.h"

using namespace libns;

/* One end of a date value, as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or the
 * compact "YYYYMMDD"), into the first and last "YYYYMMDD" it covers as
 * SLOT_DAY holds them; false if TEXT is not such a date or names an
 * impossible one (2025-09-31). */
static bool date_span(const std::string &text, std::string *first,
                      std::string *last)
{
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
           (a.empty() || date_span(a, lo, &ignore)) &&
           (b.empty() || date_span(b, &ignore, hi));
}

bool DateField::reads(const std::string &value)
{
    std::string lo, hi;
    return date_range(value, &lo, &hi);
}

Xapian::Query DateField::operator()(const std::string &value)
{
    using Q = Xapian::Query;
    std::string lo, hi;
    if (!date_range(value, &lo, &hi)) {
        std::string why = "date:" + value +
                          " is not a date (YYYY, YYYY-MM or YYYY-MM-DD, "
                          "or a range A..B of them); the date filter was "
                          "ignored";
        if (warnings && warnings->find(why) == std::string::npos)
            *warnings += (warnings->empty() ? "" : "; ") + why;
        return match_all();
    }
    /* Undated articles have no value in the slot: no range takes them. */
    if (lo.empty())
        return Q(Q::OP_VALUE_LE, SLOT_DAY, hi);
    if (hi.empty())
        return Q(Q::OP_VALUE_GE, SLOT_DAY, lo);
    return Q(Q::OP_VALUE_RANGE, SLOT_DAY, lo, hi);
}
