/* time-slot.cc - How an article's time is kept in its value slot
 * (SLOT_TIME), which sorts the articles and bounds date ranges.
 *
 * Xapian compares values as byte strings.  sortable_serialise() keeps
 * the order of positive numbers only: a negative one whose encoding ends
 * in zero bytes is shorter and compares before its neighbours (the second
 * before 1963-05-12T... sorted after it), so about a quarter of the
 * seconds before 1970 are out of order.  An index made now keeps the time
 * as 8 bytes, big-endian, with the sign bit flipped, which orders every
 * int64 second; one made before keeps sortable_serialise() until it is
 * rebuilt, never a mix of the two (META_TIME says which). */
#include "index-private.h"

using namespace libns;

int libns::time_encoding(const Xapian::Database &db)
{
    return db.get_metadata(META_TIME) == "2" ? TIME_ORDERED : TIME_SORTABLE;
}

std::string libns::time_value(int enc, int64_t t)
{
    if (enc != TIME_ORDERED)
        return Xapian::sortable_serialise((double)t);
    uint64_t u = (uint64_t)t ^ (1ULL << 63);
    std::string v(8, '\0');
    for (int i = 7; i >= 0; i--, u >>= 8)
        v[i] = (char)(u & 0xff);
    return v;
}

int64_t libns::time_of_value(int enc, const std::string &v)
{
    if (enc != TIME_ORDERED)
        return (int64_t)Xapian::sortable_unserialise(v);
    if (v.size() != 8)
        return 0; /* not a time this index wrote */
    uint64_t u = 0;
    for (unsigned char c : v)
        u = u << 8 | c;
    return (int64_t)(u ^ (1ULL << 63));
}
