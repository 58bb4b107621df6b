/* query-partial.h - Search as you type, between query-partial.cc and the
 * search's fallbacks (search-api.cc), which correct no word being typed. */
#ifndef NS_QUERY_PARTIAL_H
#define NS_QUERY_PARTIAL_H

#include <string>

#include "index-private.h"

namespace libns
{
/* May the last word of TEXT be one still being typed?  Not when no term
 * of the archive starts with it: that is a word typed out (or mistyped),
 * corrected as without search as you type. */
bool word_in_progress(ns_index_t *idx, const std::string &text);
} // namespace libns

#endif
