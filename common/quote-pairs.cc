/* quote-pairs.cc - A quoted phrase closed by the mark that pairs with the
 * one that opened it, so that a quotation inside it, in another style, is
 * part of it.
 *
 * A quote copied from an article keeps the article's inner quotation:
 * "Mr Brown's article was “a warning shot” to Mr Blair" (BBC News), or
 * «Han sa „nei“ til forslaget» in Norwegian.  Every quotation mark was
 * read as '"' (query-text.cc plain_marks), so that “ closed the phrase
 * the ASCII quote opened: the query fell apart into two phrases and loose
 * words, and matched 349 BBC stories where the text has it once.  Here a
 * phrase ends at the first mark that closes its opening one in the same
 * style ("...", “...”, «...», »...«, „...“ and „...”, ”...”), and the
 * marks of other styles inside it are punctuation within it (a space, as
 * the indexer reads them between words).  A phrase whose mark finds no
 * such closing one is read as before, every mark a '"', so that a quote
 * closed with a mark of another style ("...” pasted from two places)
 * still pairs. */
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

namespace
{
struct Style {
    const char *open;
    const char *close[2]; /* the marks that close it, or nullptr */
};
} // namespace

static const Style STYLES[] = {
    {"\"", {"\"", nullptr}},
    {"\u201c", {"\u201d", nullptr}},          /* “...” */
    {"\u00ab", {"\u00bb", nullptr}},          /* «...» */
    {"\u00bb", {"\u00ab", nullptr}},          /* »...« (Danish, German) */
    {"\u201e", {"\u201c", "\u201d"}},         /* „...“ and „...” */
    {"\u201d", {"\u201d", nullptr}},          /* ”...” (Swedish, Finnish) */
};

/* The quotation marks the parse reads as '"' (plain_marks). */
static const char *const MARKS[] = {"\"",     "\u201c", "\u201d",
                                    "\u00ab", "\u00bb", "\u201e"};

/* The length of the quotation mark at T[I], or 0. */
static size_t mark_at(const std::string &t, size_t i)
{
    for (const char *m : MARKS)
        if (t.compare(i, strlen(m), m) == 0)
            return strlen(m);
    return 0;
}

/* The style the mark at T[I] opens, or nullptr. */
static const Style *opens(const std::string &t, size_t i)
{
    for (const Style &s : STYLES)
        if (t.compare(i, strlen(s.open), s.open) == 0)
            return &s;
    return nullptr;
}

static bool closes(const Style &s, const std::string &t, size_t i)
{
    for (const char *c : s.close)
        if (c && t.compare(i, strlen(c), c) == 0)
            return true;
    return false;
}

std::string libns::paired_quotes(const std::string &t)
{
    bool any = false;
    for (size_t i = 0; i < t.size() && !any; i++)
        any = (unsigned char)t[i] >= 0x80 && mark_at(t, i);
    if (!any) /* ASCII quotes alone: nothing to pair but as before */
        return t;
    std::string out;
    for (size_t i = 0; i < t.size();) {
        const Style *s = opens(t, i);
        if (!s) {
            out += t[i++];
            continue;
        }
        /* The mark that closes it, past the marks of other styles. */
        const size_t body = i + strlen(s->open);
        size_t j = body;
        while (j < t.size() && !closes(*s, t, j))
            j++;
        if (j >= t.size()) {
            out.append(t, i, body - i); /* unpaired: as before */
            i = body;
            continue;
        }
        out.append(t, i, body - i);
        for (size_t k = body; k < j;) {
            if (size_t n = mark_at(t, k)) {
                out += ' ';
                k += n;
            } else {
                out += t[k++];
            }
        }
        const size_t n = mark_at(t, j);
        out.append(t, j, n);
        i = j + n;
    }
    return out;
}
