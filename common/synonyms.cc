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
 * What a group holds: single words, as the indexer splits them (so
 * "Ivory Coast" or "e-mail" is refused, with its line); the words are
 * matched by their stems in each language of the query, in every text
 * field (title:kyiv finds the title "Kiev"), but not in phrases and NEAR,
 * which are checked against the text as written, nor in the author's
 * name.  A word in two lines joins their groups.  An excluded word
 * excludes its group (-kiev leaves out the Kyiv articles too).
 *
 * Bad lines are skipped with "FILE:LINE: what is wrong" and the rest is
 * used, as every other input here is read. */
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
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
static const unsigned SYN_MAX_MESSAGES = 10;

struct libns::Synonyms {
    std::vector<std::vector<std::string>> groups; /* words, lower case */
    /* Per stemmer (its description): each stem of a group's word and
     * the other stems of its group; made when a query first asks. */
    std::map<std::string, std::map<std::string, std::vector<std::string>>>
        by_stem;
    /* The file read (file_sig): to see whether it changed; "" none. */
    std::string sig;
};

/* The entry ITEM as one word of the index into *WORD; else why not. */
static std::string one_word(std::string item, std::string *word)
{
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    ns_buf_t b{};
    if (ns_text_words(item.c_str(), 3, &b) < 0) {
        ns_buf_free(&b);
        throw std::bad_alloc();
    }
    std::string words = b.p ? b.p : "";
    ns_buf_free(&b);
    if (words.empty())
        return "'" + item + "' has no word";
    if (words.find(' ') != std::string::npos)
        return "'" + item +
               "' is more than one word (a synonym is a single word)";
    *word = words;
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
            std::string word, why = one_word(item, &word);
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
            problem("a group needs two words or more, separated by commas "
                    "(Kyiv, Kiev); line skipped");
            continue;
        }
        if (all.size() > SYN_MAX_GROUP) {
            problem("the group would have " + std::to_string(all.size()) +
                    " words, more than " + std::to_string(SYN_MAX_GROUP) +
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

/* The other stems of STEMMED's group under STEM, or nullptr. */
static const std::vector<std::string> *
others_of(Synonyms &syn, const std::string &stemmed, const Xapian::Stem &stem)
{
    auto &table = syn.by_stem[stem.get_description()];
    if (table.empty() && !syn.groups.empty()) {
        for (const auto &g : syn.groups) {
            std::vector<std::string> stems;
            for (const std::string &w : g) {
                std::string s = stem(w);
                if (std::find(stems.begin(), stems.end(), s) == stems.end())
                    stems.push_back(s);
            }
            for (const std::string &s : stems)
                for (const std::string &t : stems)
                    if (t != s)
                        table[s].push_back(t);
        }
        table[""]; /* made, even when no group has two stems */
    }
    auto it = table.find(stemmed);
    return it == table.end() || it->second.empty() ? nullptr : &it->second;
}

static Xapian::Query expand(Synonyms &syn, const Xapian::Query &q,
                            const Xapian::Stem &stem)
{
    using Q = Xapian::Query;
    auto op = q.get_type();
    if (op == Q::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        const size_t z = strlen(PREFIX_STEM);
        std::string prefix, word;
        if (term.compare(0, z, PREFIX_STEM) != 0 ||
            !split_text_term(term.substr(z), prefix, word) ||
            prefix == PREFIX_AUTHOR)
            return q;
        const std::vector<std::string> *others = others_of(syn, word, stem);
        if (!others)
            return q;
        std::vector<Q> any{q};
        for (const std::string &s : *others)
            any.emplace_back(PREFIX_STEM + prefix + s);
        return Q(Q::OP_SYNONYM, any.begin(), any.end());
    }
    if (op == Q::OP_PHRASE || op == Q::OP_NEAR)
        return q;
    return map_subqueries(
        q, [&](const Q &sub, size_t) { return expand(syn, sub, stem); });
}

Xapian::Query libns::with_synonyms(ns_index_t *idx, const Xapian::Query &q,
                                   const Xapian::Stem &stem)
{
    if (!idx->synonyms || idx->synonyms->groups.empty())
        return q;
    return expand(*idx->synonyms, q, stem);
}

bool libns::synonym_matches(ns_index_t *idx, const std::string &word,
                            const Xapian::Stem &stem)
{
    if (!idx->synonyms)
        return false;
    const std::vector<std::string> *others =
        others_of(*idx->synonyms, stem(word), stem);
    if (others)
        for (const std::string &s : *others)
            if (idx->db->term_exists(PREFIX_STEM + s))
                return true;
    return false;
}

size_t libns::synonym_groups(const ns_index_t *idx)
{
    return idx->synonyms ? idx->synonyms->groups.size() : 0;
}
