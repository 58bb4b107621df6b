/* fuzz_phrase.cc - libFuzzer harness for phrase checking: the quick word
 * scan (phrase_scan) on arbitrary text, its "yes" and
 * "no" compared with Xapian's own TermGenerator reading, and the linear
 * NEAR check compared with the nested loops it replaced, and the pair
 * signature of the text never ruling out a phrase it has, and the words
 * joined_words makes of it being letters.  Input: a first
 * line of up to 4 phrase words and a NEAR width digit, then the text. */
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "index-private.h"
extern "C" {
#include "ingest.h" /* ns_clean_dup: the cleaning every article's text gets */
}

using namespace libns;

static bool xapian_says(const std::vector<std::string> &words,
                        const std::string &text, size_t near)
{
    Xapian::TermGenerator tg;
    Xapian::Document doc;
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    tg.set_document(doc);
    tg.index_text(text);
    std::vector<std::vector<Xapian::termpos>> pos(words.size());
    for (size_t i = 0; i < words.size(); i++) {
        auto t = doc.termlist_begin();
        t.skip_to(words[i]);
        if (t == doc.termlist_end() || *t != words[i])
            return false;
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            pos[i].push_back(*p);
    }
    if (near)
        return near_positions(pos, near);
    for (Xapian::termpos start : pos[0]) {
        bool ok = true;
        for (size_t i = 1; i < words.size() && ok; i++)
            ok = std::binary_search(pos[i].begin(), pos[i].end(),
                                    start + (Xapian::termpos)i);
        if (ok)
            return true;
    }
    return false;
}

/* The words joined_words makes of TEXT are words: letters only (no
 * hyphen, space or digit), none empty or longer than JOINED_MAX. */
static void joined_ok(const std::string &text)
{
    const std::string out = joined_words(text.c_str());
    for (size_t start = 0; start < out.size();) {
        size_t end = std::min(out.find(' ', start), out.size());
        const std::string word = out.substr(start, end - start);
        bool ok = !word.empty() && word.size() <= JOINED_MAX;
        for (Xapian::Utf8Iterator it(word); ok && it != Xapian::Utf8Iterator();
             ++it)
            ok = Xapian::Unicode::is_wordchar(*it) &&
                 Xapian::Unicode::get_category(*it) !=
                     Xapian::Unicode::DECIMAL_DIGIT_NUMBER &&
                 *it != '_';
        if (!ok) {
            fprintf(stderr, "joined_words made '%s'\n", word.c_str());
            abort();
        }
        start = end + 1;
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string in((const char *)data, size);
    size_t nl = in.find('\n');
    if (nl == std::string::npos || nl > 64)
        return 0;
    joined_ok(in.substr(nl + 1));
    std::vector<std::string> words;
    std::string w;
    size_t near = 0;
    for (char c : in.substr(0, nl + 1)) {
        if (c >= 'a' && c <= 'z') {
            w += c;
        } else {
            if (c >= '1' && c <= '9')
                near = (size_t)(c - '0') * 3;
            if (!w.empty())
                words.push_back(w);
            w.clear();
        }
    }
    if (words.empty() || words.size() > 4)
        return 0;
    std::string text = in.substr(nl + 1);
    /* Articles are valid UTF-8 (article.c rejects others), and the scan
     * relies on it: on stray bytes Xapian reads Latin-1 (0xff is a
     * letter), which the scan does not follow (found by this harness). */
    if (!ns_utf8_valid(text.data(), text.size()))
        return 0;
    scan got = phrase_scan(words, text.data(), text.size(), near);
    if (got != SCAN_MAYBE &&
        (got == SCAN_YES) != xapian_says(words, text, near)) {
        fprintf(stderr, "phrase_scan disagrees with Xapian\n");
        abort();
    }
    /* The pair signature of an article with this text as its body never
     * rules out a phrase the body has.  The body as an article holds it:
     * cleaned of control characters, NUL among them (a NUL once cut the
     * text short here while Xapian read on: found by this harness), and
     * read as the index reads it ("fhe`e-mail" is the word "fhe'e" and
     * "mail", no phrase "e mail": found by this harness). */
    char *body = ns_clean_dup(text.data(), text.size());
    std::string scratch;
    if (body && !near && words.size() >= 2 &&
        xapian_says(words, indexed_text(body, scratch), 0)) {
        ns_article_t art = {};
        art.body = body;
        Xapian::Document doc;
        add_pair_terms(doc, &art);
        for (size_t i = 0; i + 1 < words.size(); i++)
            if (signature_lacks(doc, signature_hash(words[i], words[i + 1]))) {
                fprintf(stderr, "the pair signature rules out a phrase\n");
                abort();
            }
    }
    free(body);
    return 0;
}
