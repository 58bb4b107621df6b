/* snippet-cut.h - How a snippet's text is cut: the functions of the files
 * that own a part of it, for those of common/ that cut snippets (after
 * index-private.h). */
#ifndef NS_SNIPPET_CUT_H
#define NS_SNIPPET_CUT_H

#include <string>

namespace libns
{

/* clusters.cc: the code point at byte AT of the UTF-8 text S, its length
 * into *LEN (a byte that starts none: itself, length 1). */
unsigned utf8_at(const std::string &s, size_t at, size_t *len);
/* clusters.cc: the last place at or before AT in the UTF-8 text S, and
 * the first at or after it, where S may be cut without parting what a
 * reader sees as one character (a letter and its combining marks, an
 * emoji and its modifiers or joined emoji, a flag's two letters).
 * cluster_end looks at most LIMIT bytes past AT, and is a character's
 * end past that. */
size_t cluster_start(const std::string &s, size_t at);
size_t cluster_end(const std::string &s, size_t at, size_t limit = 64);

/* snippet-ends.cc: what Xapian's snippet SN of TEXT, cut with the omit
 * marker SNIPPET_OMIT, shows at its ends: "..." before it where words of
 * TEXT precede it, and after it where they follow; the closing
 * punctuation of a sentence or of the text (a stop and a quote, a
 * bracket) that Xapian leaves off.  Escaped as Xapian's output is. */
extern const char *const SNIPPET_OMIT;
std::string snippet_ends(const std::string &sn, const std::string &text);

/* snippet-runs.cc: TEXT with each run of characters between words (white
 * space, symbols, emoji) longer than a snippet of LEN bytes can spare cut
 * to its two ends with " ... " between. */
std::string shortened_runs(const std::string &text, size_t len);

} // namespace libns

#endif
