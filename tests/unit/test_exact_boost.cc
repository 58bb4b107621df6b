/* test_exact_boost.cc - The exact-form boost of a query (forms.cc,
 * exact_boost): a word that is its own stem is read once, its stem term
 * weighing 1 + W_EXACT, and every article scores what the boost as a
 * second leaf gave it; a word that is not its own stem, a word twice, or
 * one under a NOT keep the boost as it was. */
#include "index-private.h"
#include "testlib.h"

#include <cmath>
#include <map>
#include <string>

using namespace libns;
using Q = Xapian::Query;

/* CHECK, saying the query when it fails. */
#define QCHECK(cond, q, name)                                                  \
    do {                                                                       \
        CHECK(cond, name);                                                     \
        if (!(cond))                                                           \
            fprintf(stderr, "    %s\n", (q).get_description().c_str());        \
    } while (0)

/* How often TERM is a leaf of Q's description. */
static int leaves(const Q &q, const std::string &term)
{
    std::string d = q.get_description();
    int n = 0;
    for (size_t at = 0; (at = d.find(term, at)) != std::string::npos;
         at += term.size()) {
        char after = at + term.size() < d.size() ? d[at + term.size()] : ' ';
        char before = at ? d[at - 1] : ' ';
        n += (before == ' ' || before == '(') &&
             (after == ' ' || after == ')' || after == '@');
    }
    return n;
}

/* The boost as it was: every exact term a second, optional leaf. */
static Q two_leaves(const Q &stemmed, const std::vector<std::string> &terms)
{
    std::vector<Q> t;
    for (const auto &s : terms)
        t.emplace_back(s);
    return Q(Q::OP_AND_MAYBE, stemmed,
             Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, t.begin(), t.end()), 0.5));
}

static std::map<Xapian::docid, double> scores(Xapian::Database &db, const Q &q)
{
    Xapian::Enquire enq(db);
    enq.set_query(q);
    enq.set_weighting_scheme(
        Xapian::BM25Weight(BM25_K1, 0, 1, BM25_B, BM25_MIN_NORMLEN));
    std::map<Xapian::docid, double> out;
    Xapian::MSet ms = enq.get_mset(0, db.get_doccount());
    for (auto it = ms.begin(); it != ms.end(); ++it)
        out[*it] = it.get_weight();
    return out;
}

int main(void)
{
    Xapian::Stem stem("english");
    /* "said" is its own stem, "elections" is not ("elect"). */
    Q stemmed(Q::OP_OR, Q("Zsaid"), Q("Zelect"));
    Q exact(Q::OP_OR, Q("said"), Q("elections"));
    Q b = exact_boost(stemmed, exact, stem);
    QCHECK(leaves(b, "Zsaid") == 1, b, "an own-stem word's stem is one leaf");
    QCHECK(b.get_description().find("1.5 * Zsaid") != std::string::npos, b,
           "and weighs 1 + W_EXACT");
    QCHECK(leaves(b, "elections") == 1 && leaves(b, "Zelect") == 1, b,
           "another word keeps its exact boost");

    Q twice = exact_boost(Q(Q::OP_OR, Q("Zsaid"), Q("Zsaid")),
                          Q(Q::OP_OR, Q("said"), Q("said")), stem);
    QCHECK(leaves(twice, "Zsaid") == 4 &&
               twice.get_description().find("1.5 *") == std::string::npos,
           twice, "a word twice keeps its boost as leaves of their own");

    Q negated = exact_boost(Q(Q::OP_AND_NOT, Q("Zelect"), Q("Zsaid")),
                            Q(Q::OP_AND_NOT, Q("elections"), Q("said")), stem);
    QCHECK(leaves(negated, "Zsaid") == 1 &&
               negated.get_description().find("1.5 *") == std::string::npos,
           negated, "a word under NOT is neither boosted nor scaled");

    /* The same scores as the boost as a second leaf, on a real index of
     * articles with the words in varied numbers and lengths. */
    std::string path = std::string(tl_tmpdir()) + "/db";
    {
        Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OPEN);
        for (int i = 1; i <= 60; i++) {
            Xapian::Document d;
            if (i % 2)
                d.add_term("Zsaid", 1 + i % 5);
            if (i % 3)
                d.add_term("Zelect", 1 + i % 4);
            if (i % 6 == 1)
                d.add_term("elections", 1 + i % 3);
            d.add_term("Zfiller", 1 + i % 17);
            w.add_document(d);
        }
        w.commit();
    }
    Xapian::Database db(path);
    auto before = scores(db, two_leaves(stemmed, {"Zsaid", "elections"}));
    auto after = scores(db, b);
    bool same = before.size() == after.size() && !before.empty();
    for (const auto &s : before)
        same = same && after.count(s.first) &&
               std::fabs(after[s.first] - s.second) < 1e-9 * (1 + s.second);
    CHECK(same, "every article scores as with the boost as a second leaf");
    CHECK(before.size() == 50, "the articles with either word scored");
    return tl_done();
}
