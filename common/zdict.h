/* zdict.h - The preset dictionary a rebuild compresses stored articles
 * with, made of the pieces of text that recur across its sample.
 * Internal to libns (the rebuild and the unit tests). */
#ifndef NS_ZDICT_H
#define NS_ZDICT_H

#include <stddef.h>

#include "ns.h"

NS_BEGIN_DECLS

/* Fewest distinct sampled articles a piece of the dictionary occurs in,
 * for a sample of N articles: 3, or 1% of the sample when that is more. */
size_t ns_zdict_min_docs(size_t n);

/* Write into OUT (CAP bytes at most) a dictionary made from the N texts
 * TEXTS (LENS bytes each): runs of whole words, with the punctuation that
 * follows each, that occur in at least MIN_DOCS of the texts, chosen by the
 * bytes they would save across the sample and packed with the most common
 * last (zlib reaches near matches more cheaply).  No run is taken from
 * fewer texts, so no text of one article, or of two, is in it.  Returns
 * the dictionary's length; 0 when nothing recurs (or out of memory). */
size_t ns_zdict_build(const char *const *texts, const size_t *lens, size_t n,
                      size_t min_docs, char *out, size_t cap);

NS_END_DECLS

#endif
