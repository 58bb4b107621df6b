/* recency.cc - Sort "recent": relevance mixed with age, for a news site's
 * search box, where a story of last week should beat an equally relevant
 * one of five years ago.
 *
 * The mix, per matching article:
 *
 *   final = bm25 + RECENCY_BOOST * top * 2^(-age_days / half_life)
 *
 * where top is the best BM25 score of the query (its first hit's; 1 for a
 * query of filters only, whose BM25 is 0), age_days the whole days from
 * the article's day to the day of "now" (opts.now, or the newest
 * article's date), and half_life opts.half_life_days (30).  With
 * RECENCY_BOOST 0.5, an article of today gains half the top score, one
 * half_life old a quarter; an article must then be within half the top
 * score of the best to be lifted above it by being new.  Undated articles
 * and articles older than RECENCY_HALVES half-lives (a bonus under 1%)
 * gain nothing; articles dated after "now" count as of today.
 *
 * How.  The bonus is a weight added inside the match, so totals, pages
 * and collapsing stay exact: OP_AND_MAYBE of the query and a
 * ValueMapPostingSource on the day slot (SLOT_DAY, "YYYYMMDD"), mapping
 * each of the days back from now to its bonus.  Alternatives weighed: a
 * ValuePostingSource subclass computing the decay from the date in
 * seconds (smooth, but a stock xapian-tcpsrv cannot unserialise a class
 * of ours, and issue 17 will search remote shards through it), or a
 * Weight subclass (the same problem); re-ranking the top K by BM25 after
 * the match (built-in only, but deep pages would be ranked among the top
 * K only, and totals would not say so); a KeyMaker or
 * set_sort_by_relevance_then_value (not a mix: age only breaks ties).
 * ValueMapPostingSource is one of Xapian's own, registered in every
 * server, and its price is a granularity of one day and a map of
 * RECENCY_HALVES * half_life entries built per query (210 for 30 days).
 * The top score costs one more match (get_mset(0, 1)); measured in the
 * README ("Recency"). */
#include <cmath>
#include <ctime>
#include <string>

#include "index-private.h"

using namespace libns;

/* The bonus of an article of today, as a share of the best BM25 score. */
static const double RECENCY_BOOST = 0.5;
/* Default half-life in days. */
static const unsigned HALF_LIFE_DEFAULT = 30;
/* Half-lives after which the bonus (under 2^-7, 0.8%) is left out. */
static const double RECENCY_HALVES = 7;
/* Days mapped at most, whatever the half-life. */
static const long RECENCY_MAX_DAYS = 36600;
/* Days after "now" that still count as today (time zones, clock skew). */
static const long RECENCY_AHEAD_DAYS = 2;

/* "YYYYMMDD" of day number DAY (days since the epoch), as SLOT_DAY holds
 * it; "" outside the years 0001 to 9999. */
static std::string day_key(int64_t day)
{
    time_t t = (time_t)(day * 86400);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
        return "";
    char buf[40];
    snprintf(buf, sizeof buf, "%04d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday);
    return buf;
}

Xapian::Query libns::recency_mix(ns_index_t *idx, const Xapian::Query &run,
                                 const ns_search_opts_t *o, bool blank)
{
    const Xapian::Database &db = *idx->db;
    if (db.get_value_upper_bound(SLOT_DAY).empty())
        return run; /* no article has a date */
    double top = 1;
    if (!blank) {
        Xapian::Enquire enq(db);
        enq.set_query(run);
        enq.set_weighting_scheme(
            Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
        double best = enq.get_mset(0, 1).get_max_attained();
        if (best > 0)
            top = best;
    }
    int64_t now = o->now == NS_NOW_NEWEST ? newest_time(db, idx->time_enc) : o->now;
    int64_t today = now >= 0 ? now / 86400 : -((-now + 86399) / 86400);
    double half = o->half_life_days ? o->half_life_days : HALF_LIFE_DEFAULT;
    long span = (long)std::ceil(half * RECENCY_HALVES);
    if (span > RECENCY_MAX_DAYS)
        span = RECENCY_MAX_DAYS;

    auto *bonus = new Xapian::ValueMapPostingSource(SLOT_DAY);
    bonus->set_default_weight(0);
    for (long d = -RECENCY_AHEAD_DAYS; d <= span; d++) {
        std::string key = day_key(today - d);
        if (!key.empty())
            bonus->add_mapping(key,
                               RECENCY_BOOST * top *
                                   std::exp2(-(double)(d > 0 ? d : 0) / half));
    }
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, run,
                         Xapian::Query(bonus->release()));
}
