/* related-dups.cc - Near-duplicates left out of a list of related posts
 * (related.cc, step 4): the same story sent again, updated or corrected
 * is a copy of a post listed, not a follow-up to list.  Two posts are
 * copies when their normalised titles are the same, when the sets of
 * their bodies' words overlap RELATED_DUP_JACCARD or more, or when
 * RELATED_DUP_CONTAINED of the smaller body's words are in the other's. */
#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

static const double RELATED_DUP_JACCARD = 0.8;
static const double RELATED_DUP_CONTAINED = 0.8;
static const size_t RELATED_DUP_MIN_WORDS = 50;

/* Lower-cased words of TEXT (letters and digits; other bytes separate),
 * passed one at a time to EMIT. */
template <typename F> static void each_word(const char *text, F emit)
{
    std::string w;
    for (const char *p = text ? text : "";; p++) {
        unsigned char c = (unsigned char)*p;
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (word) {
            w += (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else {
            if (!w.empty())
                emit(w);
            w.clear();
            if (!c)
                break;
        }
    }
}

DupKey libns::dup_key(const ns_article_t *a)
{
    DupKey k;
    k.art = a;
    story_title(a->title, &k.title); /* short titles compared too */
    return k;
}

const std::vector<uint64_t> &libns::dup_words(DupKey &k)
{
    if (!k.have_words) {
        each_word(k.art->body, [&](const std::string &w) {
            k.words.push_back(std::hash<std::string>()(w));
        });
        std::sort(k.words.begin(), k.words.end());
        k.words.erase(std::unique(k.words.begin(), k.words.end()),
                      k.words.end());
        k.have_words = true;
    }
    return k.words;
}

bool libns::near_duplicate(DupKey &a, DupKey &b)
{
    if (!a.title.empty() && a.title == b.title)
        return true;
    const auto &x = dup_words(a), &y = dup_words(b);
    if (x.size() < 5 || y.size() < 5)
        return false;
    std::vector<uint64_t> common;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(),
                          std::back_inserter(common));
    double jaccard =
        (double)common.size() / (double)(x.size() + y.size() - common.size());
    if (jaccard >= RELATED_DUP_JACCARD)
        return true;
    /* An update that adds a paragraph, or a correction that adds one,
     * holds nearly all of the first take and falls below the overlap of
     * both: the sidebar listed an article's own correction or update for
     * 7 of the 9 Reuters originals that have one.  So the smaller's words
     * nearly all in the larger is a copy too, but only from
     * RELATED_DUP_MIN_WORDS distinct words on: a brief of a few lines has
     * most of its words in any longer telling of its story, which is a
     * follow-up to list, not a copy. */
    size_t smaller = std::min(x.size(), y.size());
    return smaller >= RELATED_DUP_MIN_WORDS &&
           (double)common.size() >= RELATED_DUP_CONTAINED * (double)smaller;
}
