/* test_pairs.cc - Pair terms of common words (pairs.cc): which pairs an
 * article gets (case, punctuation, field boundaries, dense pairs,
 * Norwegian letters), the fingerprint of the word lists in the index, and
 * phrase results that are the same whether pair terms are used or not;
 * and the pair signature of the other pairs: never a pair it has, few of
 * those it lacks let through. */
#include "index-private.h"
#include "testlib.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <vector>

using namespace libns;

/* The live generation of the index at DB. */
static std::string live(const std::string &db)
{
    char name[256];
    CHECK(ns_gen_current(db.c_str(), name, sizeof name) == 0, "live");
    return db + "/" + name;
}

/* The pair terms of the article with id ID in the index at DB. */
static std::set<std::string> pairs_of(const std::string &db, const char *id)
{
    Xapian::Database x(live(db));
    std::set<std::string> out;
    Xapian::PostingIterator p = x.postlist_begin(id_term(id));
    if (p == x.postlist_end(id_term(id)))
        return out;
    for (auto t = x.termlist_begin(*p); t != x.termlist_end(*p); ++t)
        if ((*t).compare(0, 2, PREFIX_PAIR) == 0)
            out.insert(*t);
    return out;
}

/* The pair terms RUNS should give (each a field's words in order, as
 * Xapian splits them): adjacent words of one run that pair_indexed()
 * takes. */
static std::set<std::string>
expected(const std::vector<std::vector<std::string>> &runs)
{
    std::set<std::string> out;
    for (const auto &r : runs)
        for (size_t i = 0; i + 1 < r.size(); i++)
            if (pair_indexed(r[i], r[i + 1]))
                out.insert(pair_term(r[i], r[i + 1]));
    return out;
}

/* The pair term of A B, or "" when they get none. */
static std::string pt(const char *a, const char *b)
{
    return pair_indexed(a, b) ? pair_term(a, b) : std::string();
}

static void add(ns_index_t *idx, const char *id, const char *title,
                const char *body, const char *lang = "en",
                const char *section = nullptr)
{
    ns_article_t a = ns_article_t();
    a.id = (char *)id;
    a.title = (char *)title;
    a.body = (char *)body;
    a.lang = (char *)lang;
    a.section = (char *)section;
    CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK, id);
}

/* The ids a query finds (no collapsing), and whether its total is exact. */
static std::vector<std::string> ids(ns_index_t *idx, const char *q,
                                    bool *exact = nullptr)
{
    ns_search_opts_t o;
    ns_search_opts_init(&o);
    o.query = q;
    o.related = 0;
    o.snippet_len = 0;
    o.collapse = 0;
    o.limit = 100;
    ns_results_t *res = nullptr;
    std::vector<std::string> out;
    CHECK(ns_search(idx, &o, &res) == NS_STATUS_OK, q);
    if (!res)
        return out;
    for (size_t i = 0; i < ns_results_count(res); i++)
        out.push_back(ns_results_hit(res, i)->art->id);
    if (exact)
        *exact =
            ns_results_total_exact(res) && ns_results_total(res) == out.size();
    ns_results_free(res);
    std::sort(out.begin(), out.end());
    return out;
}

static void lists(void)
{
    CHECK(common_word("the") && common_word("world") && common_word("og"),
          "common words of English and Norwegian");
    CHECK(common_word("på") && common_word("være"),
          "Norwegian words with letters outside ASCII");
    CHECK(!common_word("lighthouse") && !common_word("The"),
          "a rare word; capitals are not terms");
    CHECK(pair_indexed("world", "average"), "a pair that gets a term");
    CHECK(!pair_indexed("of", "the") && !pair_indexed("said", "the"),
          "dense pairs get none");
    /* Adjacent in 2.0% and 7.3% of the reference articles with both
     * words: a page of "still make" would check about 550 candidates, one
     * of "final three" about 150. */
    CHECK(pair_indexed("still", "make"),
          "a pair adjacent in under 5% gets one");
    CHECK(!pair_indexed("final", "three"), "a pair adjacent in 5% or more not");
    CHECK(!pair_indexed("world", "lighthouse"), "a rare word: no pair");
    CHECK(pair_list_id().compare(0, 7, "2:1164:") == 0, "the fingerprint");
}

static void generation(const std::string &db)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    add(idx, "case", "World AVERAGE rises", "The WORLD Average fell.");
    add(idx, "punct", "Prices",
        "Growth in the world. Average prices (world) average; "
        "world-average, world's average.");
    /* Title and body are runs of their own: "company" ends the title and
     * "shares" starts the body; "sales" ends the body. */
    add(idx, "fields", "Oil company", "shares rose, said market sales", "en",
        "Business");
    add(idx, "dense", "Of the year", "the end of the year said the report");
    add(idx, "norsk", "Han var på det møtet", "Det er ikke så mye å si om det.",
        "no");
    add(idx, "rare", "Lighthouse keepers", "lighthouse world average keepers");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");

    std::set<std::string> p = pairs_of(db, "case");
    CHECK(p.count(pt("world", "average")) == 1,
          "capitals: the lower-cased pair");
    CHECK(p == expected({{"world", "average", "rises"},
                         {"the", "world", "average", "fell"}}),
          "the pairs of the title and of the body");
    p = pairs_of(db, "punct");
    CHECK(p.count(pt("world", "average")) == 1,
          "across punctuation, as Xapian's positions (and phrases) go");
    CHECK(p == expected({{"prices"},
                         {"growth", "in", "the", "world", "average", "prices",
                          "world", "average", "world", "average", "world's",
                          "average"}}),
          "punctuation, hyphens and a possessive (one word, not common)");
    p = pairs_of(db, "fields");
    CHECK(p == expected({{"oil", "company"},
                         {"business"},
                         {"shares", "rose", "said", "market", "sales"}}),
          "no pair across the title, the section and the body");
    CHECK(p.count(pt("company", "shares")) == 0 &&
              p.count(pt("sales", "business")) == 0,
          "none from one field into the next");
    p = pairs_of(db, "dense");
    CHECK(p.count(pt("of", "the")) == 0 && p.count(pt("said", "the")) == 0,
          "dense pairs have no term");
    CHECK(p == expected({{"of", "the", "year"},
                         {"the", "end", "of", "the", "year", "said", "the",
                          "report"}}),
          "the other pairs of the same article do");
    p = pairs_of(db, "norsk");
    CHECK(p.count(pt("på", "det")) == 1 && p.count(pt("var", "på")) == 1,
          "Norwegian: on the list, letters as written");
    CHECK(p.count(pt("er", "ikke")) == 1 && p.count(pt("det", "er")) == 1,
          "Norwegian pairs in the body, the first word capitalised");
    p = pairs_of(db, "rare");
    CHECK(p.count(pt("lighthouse", "world")) == 0 &&
              p.count(pt("world", "average")) == 1,
          "a rare word makes no pair");

    Xapian::Database x(live(db));
    CHECK(x.get_metadata(META_PAIRS) == pair_list_id() + " bylines",
          "a new index records the lists, and its byline pairs");
    CHECK(pairs_trusted(x) && byline_pairs_trusted(x),
          "a reader trusts both");
}

static void queries(const std::string &db)
{
    const char *qs[] = {"\"world average\"",
                        "\"World Average\"",
                        "\"average world\"",
                        "\"of the\"",
                        "\"said the\"",
                        "\"på det\"",
                        "\"oil company\"",
                        "\"company shares\"",
                        "title:\"oil company\"",
                        "\"the world average\"",
                        "\"average prices\" -\"world average\"",
                        "world NEAR/2 average",
                        "\"world average\" lighthouse"};
    const std::vector<std::vector<std::string>> want = {
        {"case", "punct", "rare"},
        {"case", "punct", "rare"},
        {"punct"},
        {"dense"},
        {"dense"},
        {"norsk"},
        {"fields"},
        {},
        {"fields"},
        {"case", "punct"},
        {},
        {"case", "punct", "rare"},
        {"case", "punct", "rare"}};
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read");
    CHECK(idx->pairs_ok, "the reader trusts the pair terms");
    std::vector<std::vector<std::string>> with;
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        bool exact = false;
        with.push_back(ids(idx, qs[i], &exact));
        CHECK(with.back() == want[i], qs[i]);
        CHECK(exact, "the total is exact");
    }
    ns_index_close(idx);

    /* The lists changed: a writer stops trusting the pair terms, and the
     * same queries give the same answers by the text check alone. */
    {
        Xapian::WritableDatabase w(live(db));
        w.set_metadata(META_PAIRS, "0:another list");
        w.commit();
    }
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to write");
    CHECK(!idx->pairs_ok, "a writer does not trust another list");
    ns_index_close(idx);
    {
        Xapian::Database x(live(db));
        CHECK(x.get_metadata(META_PAIRS).empty(),
              "the fingerprint is removed, so no reader trusts it");
    }
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read again");
    CHECK(!idx->pairs_ok, "the reader no longer trusts them");
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++)
        CHECK(ids(idx, qs[i]) == with[i], "the same without pair terms");
    ns_index_close(idx);
}

static void rewrite(void)
{
    using Q = Xapian::Query;
    Q two(Q::OP_PHRASE, Q("world"), Q("average"));
    Q r = use_pairs(two);
    CHECK(!has_positional(r), "a two-word phrase of common words is exact");
    const std::string wa = pair_term("world", "average");
    CHECK(wa.size() == 6 && r.get_description().find(wa) != std::string::npos,
          "through its pair term");
    Q dense(Q::OP_PHRASE, Q("of"), Q("the"));
    CHECK(has_positional(use_pairs(dense)), "a dense pair is checked");
    std::vector<Q> words{Q("the"), Q("world"), Q("average")};
    Q three(Q::OP_PHRASE, words.begin(), words.end());
    r = use_pairs(three);
    CHECK(has_positional(r) &&
              r.get_description().find(wa) != std::string::npos,
          "a longer phrase is checked, on the candidates of its pairs");
    Q title(Q::OP_PHRASE, Q("Sworld"), Q("Saverage"));
    r = use_pairs(title);
    CHECK(has_positional(r) &&
              r.get_description().find(wa) != std::string::npos,
          "title: is narrowed by the default field's pair, then checked");
    Q author(Q::OP_PHRASE, Q("Aworld"), Q("Aaverage"));
    CHECK(use_pairs(author).get_description() == author.get_description(),
          "author: is not in the default field: unchanged");
    Q cjk(Q::OP_PHRASE, Q("\xe4\xb8\x96"), Q("\xe7\x95\x8c"));
    CHECK(use_pairs(cjk).get_description() == cjk.get_description(),
          "CJK: unchanged");
}

/* The article with id ID in the index at DB (an empty document when it
 * is not there). */
static Xapian::Document document_of(const std::string &db, const char *id)
{
    Xapian::Database x(live(db));
    Xapian::PostingIterator p = x.postlist_begin(id_term(id));
    if (p == x.postlist_end(id_term(id)))
        return Xapian::Document();
    return x.get_document(*p);
}

static bool lacks(const Xapian::Document &doc, const std::string &a,
                  const std::string &b)
{
    return signature_lacks(doc, signature_hash(a, b));
}

static void signature(const std::string &db)
{
    /* 300 made-up words in a fixed order: every adjacent pair of the body
     * is in the signature, and about 2% of the pairs it lacks pass. */
    std::vector<std::string> w;
    for (int i = 0; i < 300; i++)
        w.push_back("w" + std::to_string(i * 7919 % 1000));
    std::string body;
    for (const auto &x : w)
        body += x + " ";
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    add(idx, "sig", "Lighthouse keepers of the coast", body.c_str());
    add(idx, "sig-common", "Of the", "the world of the year");
    add(idx, "sig-one", "Harbour", "harbour harbour");
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
    Xapian::Document sig = document_of(db, "sig");
    size_t bytes = 0, parts = 0;
    for (size_t p = 0; p < SIG_PARTS; p++) {
        size_t n = sig.get_value(SLOT_PAIRSIG_PARTS + p).size();
        bytes += n;
        parts += n > 0;
    }
    CHECK(parts == SIG_PARTS && bytes <= 310 + SIG_PARTS,
          "every part there, one byte a pair");
    bool all = true;
    for (size_t i = 0; i + 1 < w.size(); i++)
        all &= !lacks(sig, w[i], w[i + 1]);
    CHECK(all, "every pair of the body is there");
    CHECK(!lacks(sig, "lighthouse", "keepers") && !lacks(sig, "keepers", "of"),
          "the title's pairs, with a common word too");
    size_t passed = 0, tried = 0;
    for (size_t i = 0; i + 1 < w.size(); i++)
        for (size_t j = 0; j < w.size(); j += 7)
            if (j != i + 1 && w[j] != w[i + 1]) {
                tried++;
                passed += !lacks(sig, w[i], w[j]);
            }
    CHECK(tried > 10000 && passed * 100 < tried * 5,
          "fewer than 5% of absent pairs pass");
    CHECK(lacks(sig, "coast", "w0") || lacks(sig, "keepers", "lighthouse"),
          "a pair across fields or backwards is ruled out");
    CHECK(!lacks(sig, "of", "year"),
          "two common words: never ruled out (no record)");
    Xapian::Document common = document_of(db, "sig-common");
    CHECK(
        common.get_value(signature_slot(signature_hash("w0", "w1"))).empty() &&
            !lacks(common, "w0", "w1"),
        "only common pairs: no signature, and it cannot tell");
    /* One pair ("harbour harbour"): the other parts are there and empty,
     * so they still rule out what they would hold. */
    Xapian::Document one = document_of(db, "sig-one");
    CHECK(!lacks(one, "harbour", "harbour"), "a one-pair article has it");
    size_t ruled = 0;
    for (size_t i = 0; i + 1 < w.size(); i++)
        ruled += lacks(one, w[i], w[i + 1]);
    CHECK(ruled * 100 > 290 * 95, "empty parts rule their pairs out");

    /* An article written before the parts: the whole filter in
     * SLOT_PAIRSIG, a version byte first. */
    uint64_t h = signature_hash("w0", "w1");
    Xapian::Document old;
    old.add_value(SLOT_PAIRSIG, std::string("\x01") + std::string(8, '\0'));
    CHECK(signature_lacks(old, h), "an older empty filter rules out");
    old.add_value(SLOT_PAIRSIG, std::string("\x01") + std::string(8, '\xff'));
    CHECK(!signature_lacks(old, h), "an older full filter lets through");
    old.add_value(SLOT_PAIRSIG, std::string("\x02") + std::string(8, '\0'));
    CHECK(!signature_lacks(old, h), "another version: cannot tell");
    CHECK(!signature_lacks(Xapian::Document(), h), "no signature: cannot tell");
    const std::string none(1, '\0');
    CHECK(signature_lacks_hash(signature_slot(h), none, h) &&
              !signature_lacks_hash(signature_slot(h) ^ 1, none, h),
          "a part speaks only for its own pairs");
}

/* The signature as Xapian's match decider (SignatureFilter): it never
 * drops a candidate that has the phrase, drops most of those without it
 * when every match must have the phrase, and answers the same whatever
 * order it is asked in (the matcher asks in docid order, and each new
 * match starts again from the first document). */
static void decider(const std::string &db)
{
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    for (int i = 0; i < 60; i++) {
        std::string id = "d" + std::to_string(i);
        /* "amber's quartz" is a match of "amber quartz" too (its
         * possessive, phrase-fold.cc), an OR the decider reads. */
        std::string body =
            i % 4 == 0   ? "the amber quartz lay by the river"
            : i % 8 == 2 ? "the amber's quartz lay by the river"
                         : "amber light on the river, and quartz in the hills";
        if (i % 3 == 0)
            body += " near the mill";
        std::string title = i % 10 == 7 ? "Amber quartz found" : "River notes";
        add(idx, id.c_str(), title.c_str(), body.c_str());
    }
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read");
    const char *queries[] = {
        "\"amber quartz\"",        "\"amber quartz\" AND mill",
        "title:\"amber quartz\"",  "\"amber quartz\" OR \"quartz lay\"",
        "river -\"amber quartz\"", "\"the amber quartz lay\"",
    };
    for (const char *text : queries) {
        Xapian::Query q =
            use_pairs(build_query(idx, text, query_flags(text, PARSE_FLAGS)));
        Xapian::Enquire enq(*idx->db);
        enq.set_query(relax(q, false));
        SignatureFilter filter(idx, q);
        Xapian::MSet all = enq.get_mset(0, 1000);
        Xapian::MSet kept = enq.get_mset(0, 1000, 0, nullptr, &filter);
        std::set<Xapian::docid> in_kept;
        for (auto m = kept.begin(); m != kept.end(); ++m)
            in_kept.insert(*m);
        size_t lost = 0, has = 0, dropped = 0;
        std::vector<std::pair<Xapian::docid, bool>> asked;
        for (auto m = all.begin(); m != all.end(); ++m) {
            ns_article_t art;
            bool damaged;
            bool ok =
                check_phrases(idx, q, *m, m.get_document(), &art, &damaged);
            if (ok)
                ns_article_clear(&art);
            has += ok;
            lost += ok && !in_kept.count(*m);
            dropped += !in_kept.count(*m);
            asked.emplace_back(*m, in_kept.count(*m) != 0);
        }
        CHECK(all.size() > 0 && has > 0 && lost == 0,
              (std::string(text) + ": no candidate with the phrase dropped")
                  .c_str());
        if (strncmp(text, "river", 5) != 0)
            CHECK(dropped * 10 >= (all.size() - has) * 8,
                  (std::string(text) + ": most candidates without it dropped")
                      .c_str());
        /* Asked again, newest first, then oldest first: the same answers. */
        std::sort(asked.begin(), asked.end(), [](const auto &a, const auto &b) {
            return a.first > b.first;
        });
        bool same = true;
        for (int round = 0; round < 2; round++) {
            for (const auto &a : asked)
                same &= filter(idx->db->get_document(a.first)) == a.second;
            std::reverse(asked.begin(), asked.end());
        }
        CHECK(same, (std::string(text) + ": the same in any order").c_str());
    }
    ns_index_close(idx);
}

/* An index updated in place from before the parts: its older articles
 * have the whole filter in SLOT_PAIRSIG and no parts.  The decider reads
 * that filter for them (ruling out what it lacks, keeping what it has),
 * and keeps an article with no filter at all. */
static void decider_older(const std::string &db)
{
    auto has_phrase = [](int i) {
        return i % 4 == 0 || i % 8 == 2 || i % 10 == 7;
    };
    {
        Xapian::WritableDatabase w(live(db), Xapian::DB_OPEN);
        for (int i = 0; i < 60; i++) {
            std::string id = "d" + std::to_string(i);
            Xapian::PostingIterator p = w.postlist_begin(id_term(id.c_str()));
            Xapian::Document d = w.get_document(*p);
            for (size_t part = 0; part < SIG_PARTS; part++)
                d.remove_value((Xapian::valueno)(SLOT_PAIRSIG_PARTS + part));
            if (has_phrase(i) || i % 2 == 0)
                d.add_value(SLOT_PAIRSIG,
                            "\x01" +
                                std::string(8, has_phrase(i) ? '\xff' : '\0'));
            w.replace_document(*p, d);
        }
        w.commit();
    }
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open the older index");
    const char *text = "\"amber quartz\"";
    Xapian::Query q =
        use_pairs(build_query(idx, text, query_flags(text, PARSE_FLAGS)));
    SignatureFilter filter(idx, q);
    size_t wrong = 0;
    for (int i = 0; i < 60; i++) {
        std::string id = "d" + std::to_string(i);
        Xapian::PostingIterator p =
            idx->db->postlist_begin(id_term(id.c_str()));
        bool kept = filter(idx->db->get_document(*p));
        wrong += kept != (has_phrase(i) || i % 2 == 1);
    }
    CHECK(wrong == 0, "older filters read, no filter kept");
    ns_index_close(idx);
}

int main(void)
{
    lists();
    rewrite();
    std::string db = std::string(tl_tmpdir()) + "/idx";
    generation(db);
    queries(db);
    signature(std::string(tl_tmpdir()) + "/sig");
    decider(std::string(tl_tmpdir()) + "/decider");
    decider_older(std::string(tl_tmpdir()) + "/decider");
    return tl_done();
}
