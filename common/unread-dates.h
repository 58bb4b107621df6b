/* unread-dates.h - A date: value the parser cannot read (date:1987-13)
 * is left out of the query as if it had not been typed, and the search's
 * warning says so (dates.cc).
 *
 * A field processor cannot do that alone: Xapian's QueryParser drops an
 * empty Query under OR and on the right of NOT, but under AND, as a
 * filter or with '+' it makes the whole query match nothing; every
 * article (what was returned before) is right there and wrong under OR
 * and NOT ("oil -date:1987-13" found nothing, "cocoa OR date:1987-02-30"
 * the whole archive).  So the processor returns a mark, and the parsed
 * query is rebuilt without it, by what each operator means. */
#ifndef NS_UNREAD_DATES_H
#define NS_UNREAD_DATES_H

#include <xapian.h>

#include "index-private.h"

namespace libns
{
/* The mark: a date term no article has, should one ever be searched. */
inline const std::string UNREAD_DATE = std::string(PREFIX_DATE) + "\x01unread";

/* The date: value lucene_ranges() (query-lucene-fields.cc) writes for a
 * range with nothing left between its ends ({1987-03 TO 1987-04}): the
 * date field matches no article by it. */
inline const std::string DATE_EMPTY = "{}";

/* The date: value lucene_ranges() writes for a range with an end that is
 * no date, said there as typed: the date field leaves it out silently. */
inline const std::string DATE_UNREAD = "{unread}";

/* The forms a date: value is written in, for the warnings. */
inline const std::string DATE_FORMS =
    "(YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, \"March 1987\" or "
    "\"5. januar 2023\", or a range A..B of them)";

/* Q, a query as the parser gave it, without the UNREAD_DATE marks; a
 * query of nothing but marks is every article, unweighted, as a query of
 * filters alone is. */
Xapian::Query without_unread_dates(const Xapian::Query &q);
} // namespace libns

#endif
