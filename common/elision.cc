/* elision.cc - Elided articles in French, Italian and Catalan ("l'Europe",
 * "dell'Unione", "d'energia"): the word is the one after the apostrophe.
 *
 * Xapian keeps an apostrophe inside a word, so "L'Europe" was the term
 * "l'europe", and neither "Europe" nor "europe" found it.  Lucene's
 * French, Italian and Catalan analyzers drop these articles with an
 * elision filter; these are its lists.  Only for articles (and query
 * parses) of those languages: "O'Brien" in an English article stays a
 * word. */
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

/* The articles each language elides, lower case, longest of a kind
 * first only where it matters (each is matched whole). */
static const char *const FRENCH[] = {
    "l", "m", "t",     "qu",     "n",      "s",      "j",
    "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu", nullptr};
static const char *const ITALIAN[] = {
    "c",    "l",  "all", "dall", "dell", "nell", "sull", "coll",
    "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un",
    "m",    "t",  "s",   "v",    "d",    nullptr};
static const char *const CATALAN[] = {"d", "l", "m", "n", "s", "t", nullptr};

/* The list of LANG (a stored code: "fr", not "fr-CA"), or null. */
static const char *const *articles_of(const char *lang)
{
    if (!lang)
        return nullptr;
    if (!strcmp(lang, "fr"))
        return FRENCH;
    if (!strcmp(lang, "it"))
        return ITALIAN;
    if (!strcmp(lang, "ca"))
        return CATALAN;
    return nullptr;
}

bool libns::elides(const char *lang)
{
    return articles_of(lang) != nullptr;
}

/* The character at P (before END); a byte of no UTF-8 sequence, or of
 * one cut short, is no word character (0). */
static unsigned char_at(const char *p, const char *end)
{
    const unsigned char *s = (const unsigned char *)p;
    const size_t left = (size_t)(end - p);
    unsigned ch = s[0];
    size_t n = ch < 0x80    ? 1
               : ch >= 0xf0 ? 4
               : ch >= 0xe0 ? 3
               : ch >= 0xc0 ? 2
                            : 0;
    if (!n || n > left)
        return 0;
    if (n > 1)
        ch &= 0x3f >> (n - 1);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        ch = ch << 6 | (s[i] & 0x3f);
    }
    return ch;
}

static bool word_char(unsigned ch)
{
    return ch && Xapian::Unicode::is_wordchar(ch);
}

/* Does an elided article of LIST start at P in T..END?  Its letters' and
 * apostrophe's lengths into *LETTERS and *MARK.  It starts a word (what
 * comes before is no word character), its letters are one of LIST in any
 * case, and a word character follows its apostrophe ("'" or U+2019). */
static bool elision_at(const char *t, const char *p, const char *end,
                       const char *const *list, size_t *letters, size_t *mark)
{
    if (p > t) {
        const char *b = p - 1;
        while (b > t && ((unsigned char)*b & 0xc0) == 0x80)
            b--;
        if (word_char(char_at(b, end)))
            return false;
    }
    size_t k = 0;
    while (p + k < end && k < 7 && isalpha((unsigned char)p[k]))
        k++;
    if (!k || k > 6)
        return false;
    const char *a = p + k;
    size_t m = 0;
    if (a < end && *a == '\'')
        m = 1;
    else if (end - a >= 3 && !memcmp(a, "\xe2\x80\x99", 3))
        m = 3;
    if (!m || a + m >= end)
        return false;
    if (!word_char(char_at(a + m, end)))
        return false;
    bool known = false;
    for (const char *const *w = list; *w && !known; w++)
        known = strlen(*w) == k && !strncasecmp(*w, p, k);
    if (!known)
        return false;
    *letters = k;
    *mark = m;
    return true;
}

bool libns::without_elisions(const char *t, size_t n, const char *lang,
                             elision how, std::string &out)
{
    const char *const *list = articles_of(lang);
    if (!list || (!memchr(t, '\'', n) && !memmem(t, n, "\xe2\x80\x99", 3)))
        return false;
    const char *const end = t + n;
    std::string s;
    bool any = false;
    for (const char *p = t; p < end;) {
        size_t letters, mark;
        /* Only where a word may start: a letter after no word byte. */
        if (isalpha((unsigned char)*p) &&
            (p == t || !isalnum((unsigned char)p[-1])) &&
            elision_at(t, p, end, list, &letters, &mark)) {
            any = true;
            if (how == ELISION_BLANK)
                s.append(letters + mark, ' ');
            else if (how == ELISION_SPLIT)
                s.append(p, letters).append(mark, ELISION_MARK);
            p += letters + mark;
            continue;
        }
        s += *p++;
    }
    if (!any)
        return false;
    out = std::move(s);
    return true;
}

void libns::restore_elisions(std::string &marked)
{
    if (marked.find(ELISION_MARK) == std::string::npos)
        return;
    /* Each run of marks is the apostrophe the text had there, "'" or the
     * three bytes of U+2019, which a run of three stands for. */
    std::string out;
    for (size_t i = 0; i < marked.size();) {
        if (marked[i] != ELISION_MARK) {
            out += marked[i++];
            continue;
        }
        size_t j = i;
        while (j < marked.size() && marked[j] == ELISION_MARK)
            j++;
        for (size_t k = i; k < j;)
            if (j - k >= 3)
                out += "\xe2\x80\x99", k += 3;
            else
                out += '\'', k++;
        i = j;
    }
    marked = std::move(out);
}
