/* story-group.cc - Which story version group an article joins.  The
 * copies of a story share a normalised headline (story-title.cc), but so
 * do different stories filed on different days: three Bundesbank council
 * meetings all titled "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED", a
 * column under a fixed headline.  Grouped by the headline alone they were
 * one hit and the rest hidden (on Reuters 122 headline groups spanned two
 * days or more, 259 articles hidden).  A wire story's updates and
 * corrections are filed within a day or two, so a dated article joins a
 * group of its headline only when its date is within STORY_DAYS of the
 * group's first day; else it starts a group of its own.
 *
 * Each dated article carries a term naming its headline and its group's
 * first day (PREFIX_STORY_DAY); the groups of a headline are the terms
 * under one prefix, found with one seek, and go away with their last
 * article.  The group key is a fingerprint of the headline and that day,
 * so one story's copies get one key whatever the order they are added
 * in, as long as the first copy is added first or within the window. */
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "story-group.h"

using namespace libns;

/* The group's first day, as a term: this prefix, the headline's 16 hex
 * digits and the day as 7 digits (days since 1970 plus DAY_BIAS, so that
 * the terms sort by day from year 1 on). */
static const char PREFIX_STORY_DAY[] = "XY";
static const int64_t DAY_BIAS = 1000000;

/* A copy joins a group when its day is at most this many days from the
 * group's first (so "UPDATE 2-" filed the next day is one story with its
 * first take, and a daily column is a new group every few days rather
 * than one for ever).  Measured on Reuters: see README, "story version
 * group". */
static const int64_t STORY_DAYS = 2;

static int64_t day_of(int64_t t)
{
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/* The term of a group of the headline of PREFIX whose first day is DAY. */
static std::string day_term_of(const std::string &prefix, int64_t day)
{
    char digits[24];
    snprintf(digits, sizeof digits, "%07" PRId64, day + DAY_BIAS);
    return prefix + digits;
}

std::string libns::story_group(const Xapian::Database &db,
                               const ns_article_t *art, std::string *day_term)
{
    day_term->clear();
    std::string headline = group_key(art);
    if (headline.empty() || !art->date)
        return headline; /* undated: the headline alone, as before */
    const int64_t day = day_of(art->time);
    const std::string prefix = PREFIX_STORY_DAY + headline;
    /* The group whose first day is nearest ART's, within the window; of
     * two as near, the earlier.  The terms sort by day: a seek to the
     * window's start, then the few in it. */
    const std::string from = day_term_of(prefix, day - STORY_DAYS);
    const std::string to = day_term_of(prefix, day + STORY_DAYS);
    int64_t best = 0;
    bool found = false;
    Xapian::TermIterator t = db.allterms_begin(prefix);
    t.skip_to(from);
    for (; t != db.allterms_end(prefix) && *t <= to; ++t) {
        const std::string &term = *t;
        if (term.size() != to.size())
            continue;
        int64_t first =
            strtoll(term.c_str() + prefix.size(), nullptr, 10) - DAY_BIAS;
        int64_t gap = first > day ? first - day : day - first;
        int64_t was = best > day ? best - day : day - best;
        if (!found || gap < was)
            best = first, found = true;
    }
    if (!found)
        best = day;
    *day_term = day_term_of(prefix, best);
    std::string mixed = headline + day_term->substr(prefix.size());
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx",
             (unsigned long long)ns_hash64(mixed.data(), mixed.size(),
                                           NS_HASH_SEED));
    return hex;
}

uint64_t ns_story_route(const char *title)
{
    try {
        std::string norm;
        if (!title || !story_title(title, &norm))
            return 0;
        return ns_hash64(norm.data(), norm.size(), NS_HASH_SEED);
    } catch (...) {
        return 0; /* out of memory: routed by its id */
    }
}
