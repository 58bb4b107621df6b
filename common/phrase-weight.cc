/* phrase-weight.cc - A phrase beside other words in an OR weighs only in
 * the articles that have it.
 *
 * On an index without positions Xapian runs a phrase as the AND of its
 * words, and the phrase check (phrase.cc) decides afterwards which
 * candidates match.  Under an OR with a branch of plain words that check
 * keeps an article the other branch matches, and Xapian has weighed the
 * phrase's words in it all the same: `3 OR "3 per cent"` ranked "3/8
 * cent per kilo" first on Reuters, where no article has "3 per cent",
 * and every amount and percentage the query rewrites (query-amounts.cc,
 * query-percent.cc) is such an OR.  So there each phrase runs as the
 * AND of its words filtered by a posting source that is the check
 * itself: the words weigh as before where the phrase holds, nothing where
 * it does not.  The matcher asks the source only of articles that have
 * all the phrase's words (it comes last in the AND, by its estimate), so
 * the text is read of those alone.  Not on a cluster: a posting source
 * does not cross the remote protocol, and a cluster's docids are not its
 * shards'. */
#include <algorithm>

#include "index-private.h"

using namespace libns;

namespace
{
/* The articles where phrase Q holds (by check_phrases), weight 0. */
class PhraseHolds : public Xapian::PostingSource
{
  public:
    PhraseHolds(const ns_index_t *idx, const Xapian::Query &q)
        : idx_(idx), q_(q)
    {
    }
    void init(const Xapian::Database &db) override
    {
        db_ = db;
        n_ = db.get_doccount();
        last_ = db.get_lastdocid();
        did_ = 0;
    }
    /* As many as the database: never the one that leads an AND, and the
     * AND's estimate stays that of the words. */
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return n_; }
    Xapian::doccount get_termfreq_max() const override { return n_; }

    void next(double w) override { skip_to(did_ + 1, w); }
    void skip_to(Xapian::docid to, double) override
    {
        for (did_ = std::max(to, did_); did_ <= last_; did_++)
            if (holds(did_, true))
                return;
    }
    bool check(Xapian::docid to, double) override
    {
        did_ = to;
        return holds(to, false);
    }
    bool at_end() const override { return did_ > last_; }
    Xapian::docid get_docid() const override { return did_; }
    PhraseHolds *clone() const override { return new PhraseHolds(idx_, q_); }
    std::string get_description() const override { return "phrase holds"; }

  private:
    bool holds(Xapian::docid did, bool may_be_gone) const
    {
        Xapian::Document doc;
        try {
            doc = db_.get_document(did);
        } catch (const Xapian::DocNotFoundError &) {
            if (may_be_gone)
                return false;
            throw;
        }
        ns_article_t art;
        bool damaged;
        if (!check_phrases(idx_, q_, did, doc, &art, &damaged))
            return false;
        ns_article_clear(&art);
        return true;
    }

    const ns_index_t *idx_;
    Xapian::Query q_;
    Xapian::Database db_;
    Xapian::doccount n_ = 0;
    Xapian::docid last_ = 0, did_ = 0;
};
} // namespace

/* RUN (the query as Xapian runs it, relaxed) with each phrase or NEAR
 * under an OR that has a branch without one filtered by its
 * check; UNDER: such an OR is above. */
Xapian::Query libns::weigh_phrases(const ns_index_t *idx,
                                   const Xapian::Query &run, bool under)
{
    using Q = Xapian::Query;
    if (idx->cluster || !has_positional(run))
        return run;
    auto op = run.get_type();
    /* A word quoted alone is one of its spellings' OR (quoted-word.cc),
     * whose leaves are checked as that group: left as it runs. */
    if (checked_word(run))
        return run;
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR) {
        if (!under)
            return run;
        return Q(Q::OP_FILTER, run, Q((new PhraseHolds(idx, run))->release()));
    }
    /* A synonym group is weighed as one term from its parts' statistics,
     * which a posting source has none of (Xapian refuses the search:
     * "get_termfreq_est_using_stats() not meaningful"), and an elite set
     * picks its parts by them: "UN" with "united nations" as its synonym
     * failed.  Both are left as they run. */
    if (op == Q::OP_XOR || op == Q::OP_SYNONYM || op == Q::OP_ELITE_SET)
        return run;
    size_t n = run.get_num_subqueries();
    bool either = op == Q::OP_OR || op == Q::OP_MAX;
    bool plain = false;
    for (size_t i = 0; i < n && either && !plain; i++)
        plain = !has_positional(run.get_subquery(i));
    return map_subqueries(run, [&](const Q &sub, size_t k) {
        /* The optional side of AND_MAYBE only weighs. */
        bool maybe = op == Q::OP_AND_MAYBE && k > 0;
        return weigh_phrases(idx, sub, under || (either && plain) || maybe);
    });
}
