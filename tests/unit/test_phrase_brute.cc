/* test_phrase_brute.cc - Phrase and NEAR results, every page of them,
 * against a brute-force scan of the articles' text.
 *
 * The first ARTICLES articles of Reuters-21578 (SHARED/corpora) are
 * indexed once.  The scan splits each field of each article into words
 * with Xapian's TermGenerator (the words a phrase query means, lower-cased
 * and unstemmed), and a phrase matches an article when its words (or
 * their possessives, "minister's") follow one another in one field of the
 * default field (title, headings, section, body; title: only in the title);
 * NEAR/k when both words are in one field at most k words apart.  1,000 queries
 * are sampled with a fixed seed: the most common pairs ("of the", "said the",
 * ...), pairs and three-word runs cut from the text, pairs of common words
 * taken from two places of one article (rarely adjacent: the phrases that used
 * to give up), title: phrases and NEAR.  Each query is paged to its end, and
 * every page must be full and exact: the hits of all pages are the
 * scan's, each once; a page has min(limit, matches left) hits; has_more
 * and an exact total are right.  Then the pair terms are made
 * untrustworthy (another list's fingerprint) and a third of the queries
 * run again, by the text check alone. */
#include "index-private.h"
#include "testlib.h"

#include <zlib.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace libns;

static const size_t ARTICLES = 2000;

namespace
{

struct Doc {
    std::string id;
    std::vector<std::vector<int>> runs; /* default field, word ids */
    int title = -1;                     /* run of the title, or -1 */
};

struct Corpus {
    std::vector<Doc> docs;
    std::vector<std::string> words;
    std::unordered_map<std::string, int> ids;

    int word_id(const std::string &w)
    {
        auto it = ids.find(w);
        if (it != ids.end())
            return it->second;
        ids.emplace(w, (int)words.size());
        words.push_back(w);
        return (int)words.size() - 1;
    }
};

struct Query {
    std::string text;
    std::set<std::string> want;
};

} // namespace

/* TEXT split as a phrase query's words are: Xapian's terms in order. */
static std::vector<int> split(Corpus &c, const char *text)
{
    static Xapian::TermGenerator tg = [] {
        Xapian::TermGenerator g;
        g.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
        g.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
        return g;
    }();
    Xapian::Document d;
    tg.set_document(d);
    tg.set_termpos(0);
    tg.index_text(text);
    std::vector<std::pair<Xapian::termpos, int>> at;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        int id = c.word_id(*t);
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            at.emplace_back(*p, id);
    }
    std::sort(at.begin(), at.end());
    std::vector<int> out;
    for (size_t i = 0; i < at.size(); i++) {
        /* A gap in the positions (never seen in practice) splits a run:
         * mark it with -1, which no phrase word equals. */
        if (i && at[i].first != at[i - 1].first + 1)
            out.push_back(-1);
        out.push_back(at[i].second);
    }
    return out;
}

/* Index the first ARTICLES articles of Reuters into DB, and split them. */
static bool load(const std::string &db, Corpus &c)
{
    const char *shared = getenv("SHARED");
    std::string path = std::string(shared ? shared : "../shared") +
                       "/corpora/reuters21578/articles.jsonl.gz";
    gzFile gz = gzopen(path.c_str(), "rb");
    CHECK(gz != nullptr, "Reuters-21578 is there (set SHARED)");
    if (!gz)
        return false;
    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_WRITE, &idx, nullptr) ==
              NS_STATUS_OK,
          "open");
    std::string line;
    char buf[65536];
    while (c.docs.size() < ARTICLES && gzgets(gz, buf, sizeof buf)) {
        line += buf;
        if (line.empty() || line.back() != '\n')
            continue;
        ns_article_t a;
        char err[256];
        if (ns_article_from_json(line.data(), line.size(), &a, err,
                                 sizeof err) == 0 &&
            ((a.title && *a.title) || (a.body && *a.body))) {
            CHECK(ns_index_add(idx, &a, nullptr, nullptr) == NS_STATUS_OK,
                  "add");
            Doc d;
            d.id = a.id;
            std::vector<const char *> texts;
            field_texts(&a, "", texts);
            for (const char *t : texts) {
                if (!t || !*t)
                    continue;
                if (t == a.title)
                    d.title = (int)d.runs.size();
                d.runs.push_back(split(c, t));
            }
            c.docs.push_back(d);
            ns_article_clear(&a);
        }
        line.clear();
    }
    gzclose(gz);
    CHECK(ns_index_close(idx) == NS_STATUS_OK, "close");
    CHECK(c.docs.size() == ARTICLES, "enough articles");
    return c.docs.size() == ARTICLES;
}

/* Plain words only: what a query can name as typed (no "world's",
 * "1,000": the parser reads those in its own way). */
static bool plain(const std::string &w)
{
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    });
}

/* Does text word T match phrase word W: W itself, or W's possessive
 * ("minister's" for "minister"; the phrase words sampled are plain), but
 * not of an English stop word or a contraction ("it's")? */
static bool same(const Corpus &c, int t, int w)
{
    if (t == w)
        return true;
    if (t < 0)
        return false;
    static const std::set<std::string> no_possessive = [] {
        std::vector<std::string> v = list_words(STOP_WORDS_EN);
        std::set<std::string> s(v.begin(), v.end());
        s.insert({"it", "let", "here", "who"});
        return s;
    }();
    const std::string &tw = c.words[t], &ww = c.words[w];
    if (no_possessive.count(ww))
        return false;
    return tw.size() == ww.size() + 2 && !tw.compare(0, ww.size(), ww) &&
           !tw.compare(ww.size(), 2, "'s");
}

static bool has_run(const Corpus &c, const std::vector<int> &r,
                    const std::vector<int> &ws)
{
    for (size_t i = 0; i + ws.size() <= r.size(); i++) {
        size_t k = 0;
        while (k < ws.size() && same(c, r[i + k], ws[k]))
            k++;
        if (k == ws.size())
            return true;
    }
    return false;
}

static bool near_in(const Corpus &c, const std::vector<int> &r, int a, int b,
                    size_t k)
{
    for (size_t i = 0; i < r.size(); i++)
        if (same(c, r[i], a))
            for (size_t j = i > k ? i - k : 0; j < r.size() && j <= i + k; j++)
                if (j != i && same(c, r[j], b))
                    return true;
    return false;
}

/* The scan: the articles with the phrase WS (in the title only, if
 * TITLE), or, if NEAR, with WS[0] and WS[1] at most NEAR words apart. */
static std::set<std::string>
brute_scan(const Corpus &c, const std::vector<int> &ws, bool title, size_t near)
{
    std::set<std::string> out;
    for (const Doc &d : c.docs)
        for (size_t r = 0; r < d.runs.size(); r++) {
            if (title && (int)r != d.title)
                continue;
            if (near ? near_in(c, d.runs[r], ws[0], ws[1], near)
                     : has_run(c, d.runs[r], ws)) {
                out.insert(d.id);
                break;
            }
        }
    return out;
}

static std::string join(const Corpus &c, const std::vector<int> &ws)
{
    std::string s;
    for (int w : ws)
        s += (s.empty() ? "" : " ") + c.words[w];
    return s;
}

/* A run of N plain words from a random place of a random article (of its
 * title if TITLE); empty if none there. */
static std::vector<int> cut(const Corpus &c, std::mt19937 &rng, size_t n,
                            bool title)
{
    const Doc &d = c.docs[rng() % c.docs.size()];
    if (d.runs.empty() || (title && d.title < 0))
        return {};
    const std::vector<int> &r =
        d.runs[title ? (size_t)d.title : rng() % d.runs.size()];
    if (r.size() < n)
        return {};
    size_t at = rng() % (r.size() - n + 1);
    std::vector<int> ws(r.begin() + at, r.begin() + at + n);
    for (int w : ws)
        if (w < 0 || !plain(c.words[w]))
            return {};
    return ws;
}

static std::vector<Query> sample(const Corpus &c)
{
    std::mt19937 rng(14);
    std::vector<Query> qs;
    std::set<std::string> seen;
    auto add = [&](const std::string &text, const std::set<std::string> &w) {
        if (seen.insert(text).second)
            qs.push_back(Query{text, w});
    };
    /* The most common pairs, by articles. */
    std::map<std::pair<int, int>, size_t> pairs;
    for (const Doc &d : c.docs) {
        std::set<std::pair<int, int>> here;
        for (const auto &r : d.runs)
            for (size_t i = 0; i + 1 < r.size(); i++)
                if (r[i] >= 0 && r[i + 1] >= 0)
                    here.emplace(r[i], r[i + 1]);
        for (const auto &p : here)
            pairs[p]++;
    }
    std::vector<std::pair<size_t, std::pair<int, int>>> top;
    for (const auto &p : pairs)
        if (plain(c.words[p.first.first]) && plain(c.words[p.first.second]))
            top.emplace_back(p.second, p.first);
    std::sort(top.rbegin(), top.rend());
    for (size_t i = 0; i < 20 && i < top.size(); i++) {
        std::vector<int> ws{top[i].second.first, top[i].second.second};
        add("\"" + join(c, ws) + "\"", brute_scan(c, ws, false, 0));
    }
    static const char *const named[][2] = {
        {"of", "the"}, {"said", "the"}, {"in", "the"}, {"it", "said"}};
    for (const auto &p : named) {
        auto a = c.ids.find(p[0]), b = c.ids.find(p[1]);
        CHECK(a != c.ids.end() && b != c.ids.end(), p[0]);
        if (a == c.ids.end() || b == c.ids.end())
            continue;
        std::vector<int> ws{a->second, b->second};
        add("\"" + join(c, ws) + "\"", brute_scan(c, ws, false, 0));
    }
    size_t target = qs.size();
    /* Pairs and three-word runs cut from the text. */
    for (target += 360; qs.size() < target;) {
        std::vector<int> ws = cut(c, rng, 2, false);
        if (!ws.empty())
            add("\"" + join(c, ws) + "\"", brute_scan(c, ws, false, 0));
    }
    for (target += 150; qs.size() < target;) {
        std::vector<int> ws = cut(c, rng, 3, false);
        if (!ws.empty())
            add("\"" + join(c, ws) + "\"", brute_scan(c, ws, false, 0));
    }
    /* Two common words from two places of one article: rarely adjacent,
     * with many candidates. */
    for (target += 200; qs.size() < target;) {
        std::vector<int> a = cut(c, rng, 1, false), b = cut(c, rng, 1, false);
        if (a.empty() || b.empty() || a[0] == b[0] ||
            !common_word(c.words[a[0]]) || !common_word(c.words[b[0]]))
            continue;
        std::vector<int> ws{a[0], b[0]};
        add("\"" + join(c, ws) + "\"", brute_scan(c, ws, false, 0));
    }
    for (target += 80; qs.size() < target;) {
        std::vector<int> ws = cut(c, rng, 2, true);
        if (!ws.empty())
            add("title:\"" + join(c, ws) + "\"", brute_scan(c, ws, true, 0));
    }
    /* NEAR, of words from one article.  A query without a lower-case
     * letter ("4 NEAR 66") is read as words, NEAR among them (README). */
    auto letters = [&](int w) {
        return c.words[w].find_first_of("abcdefghijklmnopqrstuvwxyz") !=
               std::string::npos;
    };
    while (qs.size() < 1000) {
        std::vector<int> ws = cut(c, rng, 2 + rng() % 6, false);
        if (ws.empty() || ws.front() == ws.back() ||
            !(letters(ws.front()) || letters(ws.back())))
            continue;
        static const size_t ks[] = {1, 2, 3, 5, 10};
        size_t k = ks[rng() % 5];
        std::vector<int> ab{ws.front(), ws.back()};
        std::string op =
            k == 10 ? " NEAR " : " NEAR/" + std::to_string(k) + " ";
        add(c.words[ab[0]] + op + c.words[ab[1]], brute_scan(c, ab, false, k));
    }
    return qs;
}

/* Page through Q to its end; false (with the reason in WHY) at the first
 * page that is not exact and full. */
static bool pages(ns_index_t *idx, const Query &q, unsigned limit,
                  bool *estimated, std::string &why)
{
    std::set<std::string> got;
    size_t n = q.want.size();
    for (unsigned offset = 0;; offset += limit) {
        ns_search_opts_t o;
        ns_search_opts_init(&o);
        o.query = q.text.c_str();
        o.related = 0;
        o.snippet_len = 0;
        o.collapse = 0;
        o.limit = limit;
        o.offset = offset;
        ns_results_t *res = nullptr;
        if (ns_search(idx, &o, &res) != NS_STATUS_OK) {
            why = "search failed";
            return false;
        }
        size_t hits = ns_results_count(res);
        size_t left = n > offset ? n - offset : 0;
        bool ok = hits == std::min<size_t>(limit, left);
        if (!ok)
            why = "page at " + std::to_string(offset) + " has " +
                  std::to_string(hits) + " hits, want " +
                  std::to_string(std::min<size_t>(limit, left));
        if (ok && ns_results_has_more(res) != (offset + limit < n))
            ok = false, why = "has_more wrong at " + std::to_string(offset);
        if (ok && ns_results_total_exact(res) && ns_results_total(res) != n)
            ok = false, why = "exact total " +
                              std::to_string(ns_results_total(res)) +
                              ", want " + std::to_string(n);
        if (!ns_results_total_exact(res))
            *estimated = true;
        for (size_t i = 0; ok && i < hits; i++) {
            const char *id = ns_results_hit(res, i)->art->id;
            if (!q.want.count(id) || !got.insert(id).second)
                ok = false, why = std::string("unexpected or repeated ") + id;
        }
        ns_results_free(res);
        if (!ok)
            return false;
        if (offset + limit >= n)
            break;
    }
    if (got.size() != n) {
        why =
            "found " + std::to_string(got.size()) + " of " + std::to_string(n);
        return false;
    }
    return true;
}

/* Every query of QS (every STEP-th), paged; the limit is small for few
 * matches (many pages) and a fifth of the matches for many. */
static void run_all(ns_index_t *idx, const std::vector<Query> &qs, size_t step,
                    const char *how)
{
    size_t ok = 0, runs = 0, estimated = 0, matches = 0;
    for (size_t i = 0; i < qs.size(); i += step) {
        const Query &q = qs[i];
        unsigned limit =
            q.want.size() <= 40
                ? 7
                : (unsigned)std::max<size_t>(50, q.want.size() / 5);
        bool est = false;
        std::string why;
        runs++;
        if (pages(idx, q, limit, &est, why))
            ok++;
        else
            fprintf(stderr, "%s: %s: %s\n", how, q.text.c_str(), why.c_str());
        estimated += est;
        matches += !q.want.empty();
    }
    printf("%s: %zu of %zu queries exact on every page (%zu with matches, "
           "%zu with an estimated total on some page)\n",
           how, ok, runs, matches, estimated);
    CHECK(ok == runs, how);
    CHECK(matches > runs / 2, "most queries have matches");
}

int main(void)
{
    std::string db = std::string(tl_tmpdir()) + "/idx";
    Corpus c;
    if (!load(db, c))
        return tl_done();
    std::vector<Query> qs = sample(c);
    CHECK(qs.size() == 1000, "1,000 queries");
    size_t common = 0;
    for (const Query &q : qs)
        if ((q.text == "\"of the\"" || q.text == "\"said the\"") &&
            q.want.size() > ARTICLES / 4)
            common++;
    CHECK(common == 2, "\"of the\" and \"said the\", in many articles");

    ns_index_t *idx;
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read");
    CHECK(idx->pairs_ok, "pair terms in use");
    run_all(idx, qs, 1, "with pair terms");
    ns_index_close(idx);

    char name[256];
    CHECK(ns_gen_current(db.c_str(), name, sizeof name) == 0, "live");
    {
        Xapian::WritableDatabase w(db + "/" + name);
        w.set_metadata(META_PAIRS, "0:another list");
        w.commit();
    }
    CHECK(ns_index_open(db.c_str(), NS_OPEN_READ, &idx, nullptr) ==
              NS_STATUS_OK,
          "open to read again");
    CHECK(!idx->pairs_ok, "pair terms not trusted");
    run_all(idx, qs, 3, "text check alone");
    ns_index_close(idx);
    return tl_done();
}
