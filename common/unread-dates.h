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

/* Q, a query as the parser gave it, without the UNREAD_DATE marks; a
 * query of nothing but marks is every article, unweighted, as a query of
 * filters alone is. */
Xapian::Query without_unread_dates(const Xapian::Query &q);
} // namespace libns

#endif
