/* synonyms.cc - Words an archive's editors declare the same: Kyiv and
 * Kiev, Mumbai and Bombay, Myanmar and Burma.
 *
 * An archive that spans decades spells places and things as each year
 * did: "Kiev" until 2019 and "Kyiv" since, "Peking" and "Beijing",
 * "Bombay" and "Mumbai".  No stemmer or spelling suggestion joins them,
 * and a reader who types today's name misses the archive's older half.
 * The editors know the pairs, so they list them, one group a line:
 *
 *     # DIR/synonyms
 *     Kyiv, Kiev
 *     Mumbai, Bombay
 *
 * and a query word in a group matches the articles of every word of the
 * group, weighed as one word (Xapian's OP_SYNONYM: an article with both
 * spellings is not counted twice), with the spelling typed still ranked a
 * little higher (its exact form's extra weight, forms.cc).  This is
 * Elasticsearch's synonym filter applied at search time, as its guide
 * advises: the list changes without re-indexing anything, and a searcher
 * reads the new list within a second (ns_index_refresh).  Xapian's own
 * synonym table was not used: it lives in the database, so every rebuild
 * would have to carry it over, and its remote backend does not serve it.
 *
 * What a group holds: entries of one word, matched by their stems in
 * each language of the query, in every text field (title:kyiv finds the
 * title "Kiev"), but not in phrases and NEAR, which are checked against
 * the text as written, nor in the author's name; and entries of several
 * words ("UN, United Nations"), each a phrase.  Those words typed one
 * after another are read as their entry, with its group, as
 * Elasticsearch's synonym_graph reads them: "united nations" finds "UN",
 * and no longer "the United States and other nations".  A word in two
 * lines joins their groups.  An excluded word excludes its group (-kiev
 * leaves out the Kyiv articles too).
 *
 * Bad lines are skipped with "FILE:LINE: what is wrong" and the rest is
 * used, as every other input here is read. */
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Bounds: a list is an editor's, not a thesaurus (WordNet has some
 * 117,000 groups); a group bigger than this is a mistake, such as a
 * common word put in many lines, and each of its words would expand
 * every query that has one. */
static const size_t SYN_MAX_BYTES = 4 << 20;
static const size_t SYN_MAX_GROUP = 16;
static const size_t SYN_MAX_WORDS = 6; /* in one entry ("Bank of England") */
static const unsigned SYN_MAX_MESSAGES = 10;

/* An entry of a group under one stemmer: its words as the index has
 * them (one, or several read as a phrase) and their stems. */
struct Entry {
    std::vector<std::string> words, stems;
};

/* The groups under one stemmer, and where a query's words find them. */
struct StemTable {
    std::vector<std::vector<Entry>> groups;
    /* The stem of a one-word entry: the groups it is in. */
    std::map<std::string, std::vector<size_t>> of_word;
    /* The first stem of an entry of several words: (group, entry). */
    std::map<std::string, std::vector<std::pair<size_t, size_t>>> of_first;
};

struct libns::Synonyms {
    /* Entries, lower case, the words of one separated by spaces. */
    std::vector<std::vector<std::string>> groups;
    /* Per stemmer (its description), made when a query first asks. */
    std::map<std::string, StemTable> by_stem;
    /* The file read (file_sig): to see whether it changed; "" none. */
    std::string sig;
    /* What was read: a hash of the file's bytes, "" when none were (no
     * file, or one that could not be used).  Unlike SIG it names no
     * device or inode, so that two hosts serving copies of one index
     * and its synonyms give the same ETag (searcher/cache.c). */
    std::string content;
};

/* The entry ITEM as the words of the index, in their order and spaces
 * between, into *WORDS (as a candidate's text is split to check a
 * phrase: phrase.cc); else why not. */
static std::string entry_words(std::string item, std::string *words)
{
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    Xapian::TermGenerator tg;
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(item);
    std::map<Xapian::termpos, std::string> at;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            at[*p] = *t;
    if (at.empty())
        return "'" + item + "' has no word";
    if (at.size() > SYN_MAX_WORDS)
        return "'" + item + "' has more than " + std::to_string(SYN_MAX_WORDS) +
               " words";
    words->clear();
    for (const auto &[pos, w] : at)
        *words += (words->empty() ? "" : " ") + w;
    return "";
}

size_t libns::parse_synonyms(const std::string &text, const std::string &name,
                             Synonyms &out, std::vector<std::string> &problems)
{
    std::map<std::string, size_t> group_of;
    std::vector<std::vector<std::string>> groups;
    std::istringstream in(text);
    std::string line;
    unsigned long lineno = 0;
    auto problem = [&](const std::string &why) {
        problems.push_back(name + ":" + std::to_string(lineno) + ": " + why);
    };
    while (std::getline(in, line)) {
        lineno++;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        /* A comment runs from a '#' at the start or after a blank to the
         * end of the line, as in the cluster file ("C#" is a word). */
        for (size_t i = 0; i < line.size(); i++)
            if (line[i] == '#' &&
                (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
                line.resize(i);
                break;
            }
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (!ns_utf8_valid(line.data(), line.size())) {
            problem("not UTF-8; line skipped");
            continue;
        }
        if (ns_control_char(line.data(), line.size()) >= 0) {
            problem("a control character; line skipped");
            continue;
        }
        std::vector<std::string> words;
        std::stringstream items(line);
        std::string item;
        while (std::getline(items, item, ',')) {
            std::string word, why = entry_words(item, &word);
            if (!why.empty())
                problem(why + "; left out of its group");
            else if (std::find(words.begin(), words.end(), word) == words.end())
                words.push_back(word);
        }
        /* The groups this line's words are in already join it. */
        std::vector<size_t> joined;
        for (const std::string &w : words) {
            auto g = group_of.find(w);
            if (g != group_of.end() && std::find(joined.begin(), joined.end(),
                                                 g->second) == joined.end())
                joined.push_back(g->second);
        }
        std::vector<std::string> all;
        for (size_t g : joined)
            all.insert(all.end(), groups[g].begin(), groups[g].end());
        for (const std::string &w : words)
            if (!group_of.count(w))
                all.push_back(w);
        if (all.size() < 2) {
            problem("a group needs two entries or more, separated by commas "
                    "(Kyiv, Kiev); line skipped");
            continue;
        }
        if (all.size() > SYN_MAX_GROUP) {
            problem("the group would have " + std::to_string(all.size()) +
                    " entries, more than " + std::to_string(SYN_MAX_GROUP) +
                    "; line skipped");
            continue;
        }
        size_t into = joined.empty() ? groups.size() : joined[0];
        if (joined.empty())
            groups.emplace_back();
        for (size_t g : joined)
            groups[g].clear();
        groups[into] = all;
        for (const std::string &w : all)
            group_of[w] = into;
    }
    out.groups.clear();
    out.by_stem.clear();
    for (auto &g : groups)
        if (!g.empty())
            out.groups.push_back(std::move(g));
    return out.groups.size();
}

std::string libns::synonyms_problems(const std::string &text,
                                     const std::string &name, size_t *groups)
{
    Synonyms s;
    std::vector<std::string> problems;
    *groups = parse_synonyms(text, name, s, problems);
    std::string all;
    for (const std::string &p : problems)
        all += p + "\n";
    return all;
}

/* A hash of TEXT as 16 hex digits: 64-bit FNV-1a, which is enough to
 * tell one edit of a list from another, and is the same on every host
 * and in every build (std::hash need not be). */
static std::string content_hash(const std::string &text)
{
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    return hex;
}

/* Is this the process's first reading of PATH as SIG describes it?  Each
 * of nsearchd's workers reads the file into its own handle, and one
 * warning a change is enough for the log. */
static bool first_reading(const std::string &path, const std::string &sig)
{
    static std::mutex lock;
    static std::map<std::string, std::string> seen;
    std::lock_guard<std::mutex> hold(lock);
    std::string &last = seen[path];
    if (last == sig)
        return false;
    last = sig;
    return true;
}

/* Read PATH if it changed since IDX last read it (or went away, or came);
 * problems are warned about, at most SYN_MAX_MESSAGES of them, once. */
void libns::refresh_synonyms(ns_index_t *idx, const std::string &path)
{
    const std::string sig = file_sig(path);
    const Synonyms *cur = idx->synonyms.get();
    if (sig == (cur ? cur->sig : ""))
        return;
    struct stat st;
    bool present = !sig.empty() && stat(path.c_str(), &st) == 0;
    auto fresh = std::make_shared<Synonyms>();
    fresh->sig = sig;
    if (present) {
        std::vector<std::string> problems;
        std::ifstream f(path, std::ios::binary);
        std::string text;
        if (!f || !S_ISREG(st.st_mode))
            problems.push_back(
                path + ": cannot be read (" +
                (S_ISREG(st.st_mode) ? strerror(errno) : "not a file") +
                "); no synonyms");
        else if ((size_t)st.st_size > SYN_MAX_BYTES)
            problems.push_back(path + ": larger than " +
                               std::to_string(SYN_MAX_BYTES >> 20) +
                               " MiB; no synonyms");
        else {
            std::stringstream ss;
            ss << f.rdbuf();
            fresh->content = content_hash(ss.str());
            parse_synonyms(ss.str(), path, *fresh, problems);
        }
        if (first_reading(path, sig)) {
            for (size_t i = 0; i < problems.size() && i < SYN_MAX_MESSAGES; i++)
                ns_warn("%s", problems[i].c_str());
            if (problems.size() > SYN_MAX_MESSAGES)
                ns_warn("%s: %zu more problems", path.c_str(),
                        problems.size() - SYN_MAX_MESSAGES);
        }
    }
    idx->synonyms = fresh;
}

/* SYN's groups under STEM, made on first use. */
static const StemTable &table_for(Synonyms &syn, const Xapian::Stem &stem)
{
    auto made = syn.by_stem.find(stem.get_description());
    if (made != syn.by_stem.end())
        return made->second;
    StemTable &t = syn.by_stem[stem.get_description()];
    for (const auto &group : syn.groups) {
        size_t g = t.groups.size();
        t.groups.emplace_back();
        for (const std::string &item : group) {
            Entry e;
            std::istringstream words(item);
            std::string w;
            while (words >> w) {
                e.words.push_back(w);
                e.stems.push_back(stem(w));
            }
            if (e.words.size() == 1) {
                auto &in = t.of_word[e.stems[0]];
                if (std::find(in.begin(), in.end(), g) == in.end())
                    in.push_back(g);
            } else {
                t.of_first[e.stems[0]].emplace_back(g, t.groups[g].size());
            }
            t.groups[g].push_back(std::move(e));
        }
    }
    return t;
}

/* Entry E in field PREFIX as a query: the stem of its one word, or the
 * phrase of its words (checked against the text, as a typed one is). */
static Xapian::Query entry_query(const Entry &e, const std::string &prefix,
                                 const Xapian::Stem &stem)
{
    using Q = Xapian::Query;
    if (e.words.size() == 1)
        return Q(PREFIX_STEM + prefix + e.stems[0]);
    std::vector<Q> terms;
    for (const std::string &w : e.words)
        terms.emplace_back(indexed_form(prefix + w, stem));
    return Q(Q::OP_PHRASE, terms.begin(), terms.end(),
             (Xapian::termcount)terms.size());
}

/* Q or'ed as one word (OP_SYNONYM) with the entries of GROUPS in field
 * PREFIX, but for the one whose words are SAME (the entry Q is). */
static Xapian::Query with_group(const Xapian::Query &q, const StemTable &t,
                                const std::vector<size_t> &groups,
                                const std::vector<std::string> &same,
                                bool by_stem, const std::string &prefix,
                                const Xapian::Stem &stem)
{
    using Q = Xapian::Query;
    std::vector<Q> any{q};
    std::set<std::string> seen;
    for (size_t g : groups)
        for (const Entry &e : t.groups[g]) {
            if ((by_stem ? e.stems : e.words) == same)
                continue;
            Q member = entry_query(e, prefix, stem);
            if (seen.insert(member.get_description()).second)
                any.push_back(member);
        }
    return any.size() == 1 ? q : Q(Q::OP_SYNONYM, any.begin(), any.end());
}

/* The field and stem of a stemmed leaf of a text field but the author's. */
static bool stem_leaf(const Xapian::Query &q, std::string &prefix,
                      std::string &word)
{
    /* A word quoted alone means that word only (quoted-word.cc). */
    if (q.get_type() != Xapian::Query::LEAF_TERM || quoted_word(q))
        return false;
    const std::string term = *q.get_terms_begin();
    const size_t z = strlen(PREFIX_STEM);
    return term.compare(0, z, PREFIX_STEM) == 0 &&
           split_text_term(term.substr(z), prefix, word) &&
           prefix != PREFIX_AUTHOR;
}

/* The words of SUBS from I on as entry E typed in field PREFIX: each
 * word the stem of E's word at its place after the first; a place no
 * word has is one the parser left out (a stop word, "Bank of England").
 * The number of subqueries it takes, or 0. */
static size_t typed_entry(const std::vector<Xapian::Query> &subs, size_t i,
                          const Entry &e, const std::string &prefix)
{
    unsigned long first = leaf_position(subs[i]);
    if (!first)
        return 0;
    size_t j = i + 1;
    for (size_t k = 1; k < e.stems.size(); k++) {
        std::string pre, word;
        bool leaf = j < subs.size() && stem_leaf(subs[j], pre, word);
        unsigned long at = leaf ? leaf_position(subs[j]) : 0;
        if (leaf && pre == prefix && at == first + k && word == e.stems[k])
            j++;
        else if (!leaf || at <= first + k || k + 1 == e.stems.size())
            return 0;
    }
    return j - i;
}

static Xapian::Query expand(const StemTable &t, const Xapian::Query &q,
                            const Xapian::Stem &stem, bool typed_or)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    std::string prefix, word;
    if (stem_leaf(q, prefix, word)) {
        auto g = t.of_word.find(word);
        return g == t.of_word.end()
                   ? q
                   : with_group(q, t, g->second, {word}, true, prefix, stem);
    }
    if (exact_phrase(q)) {
        /* A phrase that is an entry ("United Nations") is its group. */
        std::vector<std::string> words;
        for (size_t i = 0; i < q.get_num_subqueries(); i++) {
            Q sub = q.get_subquery(i);
            std::string pre, w;
            if (sub.get_type() != Q::LEAF_TERM ||
                !split_text_term(as_written(*sub.get_terms_begin()), pre, w) ||
                (i && pre != prefix) || pre == PREFIX_AUTHOR)
                return q;
            prefix = pre;
            words.push_back(w);
        }
        auto f =
            words.empty() ? t.of_first.end() : t.of_first.find(stem(words[0]));
        if (f != t.of_first.end())
            for (auto [g, e] : f->second)
                if (t.groups[g][e].words == words)
                    return with_group(q, t, {g}, words, false, prefix, stem);
        return q;
    }
    if (op == Q::OP_NEAR)
        return q;
    if (op != Q::OP_OR || typed_or || t.of_first.empty())
        return map_subqueries(q, [&](const Q &sub, size_t) {
            return expand(t, sub, stem, typed_or);
        });
    /* Words typed one after another that are an entry of several words
     * ("united nations") are read as its phrase, with its group. */
    std::vector<Q> subs, out;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        subs.push_back(q.get_subquery(i));
    for (size_t i = 0; i < subs.size();) {
        size_t took = 0;
        auto f = stem_leaf(subs[i], prefix, word) ? t.of_first.find(word)
                                                  : t.of_first.end();
        if (f != t.of_first.end())
            for (auto [g, e] : f->second) {
                const Entry &entry = t.groups[g][e];
                if ((took = typed_entry(subs, i, entry, prefix))) {
                    out.push_back(with_group(entry_query(entry, prefix, stem),
                                             t, {g}, entry.words, false, prefix,
                                             stem));
                    break;
                }
            }
        if (took)
            i += took;
        else
            out.push_back(expand(t, subs[i++], stem, typed_or));
    }
    return Q(op, out.begin(), out.end());
}

Xapian::Query libns::with_synonyms(ns_index_t *idx, const Xapian::Query &q,
                                   const Xapian::Stem &stem, bool typed_or)
{
    if (!idx->synonyms || idx->synonyms->groups.empty())
        return q;
    return expand(table_for(*idx->synonyms, stem), q, stem, typed_or);
}

/* Does a word of a group WORD is in match some article?  For an entry of
 * several words, each of them. */
bool libns::synonym_matches(ns_index_t *idx, const std::string &word,
                            const Xapian::Stem &stem)
{
    if (!idx->synonyms)
        return false;
    const StemTable &t = table_for(*idx->synonyms, stem);
    auto g = t.of_word.find(stem(word));
    if (g == t.of_word.end())
        return false;
    for (size_t group : g->second)
        for (const Entry &e : t.groups[group]) {
            bool all = e.stems != std::vector<std::string>{stem(word)};
            for (const std::string &s : e.stems)
                all = all && idx->db->term_exists(PREFIX_STEM + s);
            if (all)
                return true;
        }
    return false;
}

size_t libns::synonym_groups(const ns_index_t *idx)
{
    return idx->synonyms ? idx->synonyms->groups.size() : 0;
}

std::string libns::synonyms_sig(const ns_index_t *idx)
{
    return idx->synonyms ? idx->synonyms->content : std::string();
}
