/* apostrophes.cc - The marks an article writes for an apostrophe, read as
 * the apostrophe wherever the index, the phrase checks and the snippets
 * read its text, as a query reads them (query-text.cc plain_marks).
 *
 * Xapian reads "'" and U+2019 between two word characters as an
 * apostrophe that keeps the word whole ("kyiv's").  Articles write it in
 * other ways too: the modifier letter U+02BC ("Kyivʼs", the Ukrainian
 * transliteration), the left single quote U+2018 ("O‘Neill", a word
 * processor's wrong guess), the backtick ("don`t") and the acute accent
 * ("Trier´s", the accent key of a Nordic or Spanish keyboard).  Xapian
 * took "kyivʼs" for a word no query has (U+02BC is a letter to it), and
 * split the others in two, so that "Kyiv", "O'Neill" and "don't" found
 * none of them, not even pasted from the article. */
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

static const char *const MARKS[] = {"\xca\xbc", "\xe2\x80\x98", "`",
                                    "\xc2\xb4"};

/* The code point of the UTF-8 sequence that starts at S (at most N
 * bytes), its length in *LEN; 0 for none or a broken one. */
static unsigned code_at(const unsigned char *s, size_t n, size_t *len)
{
    size_t k = s[0] < 0x80 ? 1 : s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
    if (!n || k > n || (s[0] >= 0x80 && s[0] < 0xc0))
        return 0;
    unsigned ch = k == 1 ? s[0] : s[0] & (0x7f >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        ch = ch << 6 | (s[i] & 0x3f);
    }
    *len = k;
    return ch;
}

/* Is the character that ends just before T[I] a word character? */
static bool word_before(const char *t, size_t i)
{
    size_t s = i;
    while (s > 0 && ((unsigned char)t[s - 1] & 0xc0) == 0x80 && i - s < 3)
        s--;
    if (s == 0)
        return false;
    s--;
    size_t len = 0;
    unsigned ch = code_at((const unsigned char *)t + s, i - s, &len);
    return len == i - s && Xapian::Unicode::is_wordchar(ch);
}

/* The length of the mark for an apostrophe at T[I] of N bytes, between
 * two word characters, or 0.  Only there: a left quote that opens a
 * quotation ("he said ‘no’", "‘Hello") or follows a dash stays the
 * quotation mark it is, and Xapian splits words at it as before. */
static size_t mark_at(const char *t, size_t n, size_t i)
{
    for (const char *m : MARKS) {
        const size_t k = strlen(m);
        if (n - i <= k || memcmp(t + i, m, k) != 0)
            continue;
        size_t len = 0;
        unsigned next = code_at((const unsigned char *)t + i + k, n - i - k,
                                &len);
        return word_before(t, i) && next &&
                       Xapian::Unicode::is_wordchar(next)
                   ? k
                   : 0;
    }
    return 0;
}

bool libns::plain_apostrophes(const char *t, size_t n, std::string &out,
                              const char *as, std::vector<std::string> *was)
{
    size_t i = 0, k = 0;
    for (; i < n; i++)
        if ((t[i] == '`' || (unsigned char)t[i] == 0xca ||
             (unsigned char)t[i] == 0xe2 || (unsigned char)t[i] == 0xc2) &&
            (k = mark_at(t, n, i)))
            break;
    if (i == n)
        return false;
    std::string s(t, i);
    for (; i < n; i++) {
        if ((k = mark_at(t, n, i))) {
            s += as;
            if (was)
                was->emplace_back(t + i, k);
            i += k - 1;
        } else {
            s += t[i];
        }
    }
    out = std::move(s);
    return true;
}

/* The Xapian snippet SN of a text that plain_apostrophes wrote with AS
 * for the marks WAS, the text being T, with each of them as written
 * again.  All of one kind (an article writes its apostrophes one way),
 * each AS is that mark; else the snippet is found in T, past its "..."
 * and markers, and the marks before it counted. */
void libns::restore_apostrophes(std::string &sn, const std::string &t,
                                const char *as,
                                const std::vector<std::string> &was)
{
    const size_t k = strlen(as);
    if (was.empty() || sn.find(as) == std::string::npos)
        return;
    size_t first = 0; /* WAS's index of the snippet's first AS */
    bool one_kind = true;
    for (const std::string &w : was)
        one_kind &= w == was[0];
    if (!one_kind) {
        std::string plain;
        size_t i = sn.compare(0, 3, "...") == 0 ? 3 : 0;
        static const struct {
            const char *ent, *ch;
        } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}};
        while (i < sn.size() && plain.size() < 4096) {
            if (sn[i] == NS_HI_START[0] || sn[i] == NS_HI_END[0]) {
                i++;
                continue;
            }
            bool ent = false;
            for (const auto &e : ents)
                if (!ent && sn.compare(i, strlen(e.ent), e.ent) == 0)
                    plain += e.ch, i += strlen(e.ent), ent = true;
            if (!ent)
                plain += sn[i++];
        }
        if (plain.size() >= 3 && !plain.compare(plain.size() - 3, 3, "..."))
            plain.resize(plain.size() - 3);
        size_t at = t.find(plain);
        if (at == std::string::npos)
            at = 0; /* not found: the first marks, a guess */
        for (size_t p = 0; (p = t.find(as, p)) < at; p += k)
            first++;
    }
    std::string out;
    size_t done = 0, p, j = first;
    while ((p = sn.find(as, done)) != std::string::npos) {
        out.append(sn, done, p - done);
        out += j < was.size() ? was[j] : std::string(as);
        j++;
        done = p + k;
    }
    sn = out + sn.substr(done);
}
