/* story-group.h - The story version group an article is written to
 * (story-group.cc).  Internal to the library, beside index-calls.h. */
#ifndef NS_STORY_GROUP_H
#define NS_STORY_GROUP_H

#include <string>

#include "index-private.h"

namespace libns {

/* The group key ART is written with in DB (16 hex digits, "" when its
 * title is too short to group on), and in *DAY_TERM the term that marks
 * the group's first day ("" for an undated article). */
std::string story_group(const Xapian::Database &db, const ns_article_t *art,
                        std::string *day_term);

/* add_facet_values() with the group the article was written with. */
void add_facet_values(Xapian::Document &doc, const ns_article_t *art,
                      const std::string &lang, const std::string &group);

} // namespace libns

/* The fingerprint of TITLE's headline as story groups compare it, 0 when
 * it is too short to group on: a rebuild sends the copies of a story to
 * one shard by it (indexer/rebuild-route.c, declared in nindex.h). */
extern "C" uint64_t ns_story_route(const char *title);

#endif
