/* fold.h - Letters as typed without their diacritics, and letters written
 * decomposed read composed (fold.c): what the index's folded stems, the
 * spelling table and the query read where a word was written otherwise. */
#ifndef NS_FOLD_H
#define NS_FOLD_H

#include "ns.h"

NS_BEGIN_DECLS

/* Fold letters with diacritics in LEN bytes of UTF-8 at TEXT to the
 * letters typed without them (é -> e, ø -> o, æ -> ae, ß -> ss; Latin-1,
 * Latin Extended-A; combining marks dropped), appended to OUT, in lower
 * case.  With NS_FOLD_DIGRAPH, ä, å, ö, ø and ü take their Nordic and
 * German spellings (ae, aa, oe, oe, ue).  Other bytes are copied.  1 if
 * anything was folded, 0 if not, -1 on allocation failure. */
#define NS_FOLD_DIGRAPH 1
int ns_fold_accents(const char *text, size_t len, int flags, ns_buf_t *out);

/* The LEN bytes of UTF-8 at TEXT with each ASCII letter that a combining
 * mark follows composed with it where Latin-1 or Latin Extended-A has the
 * letter ("a" and U+030A as "å"), appended to OUT: decomposed (NFD) text,
 * as macOS writes it, read as the composed (NFC) text it stands for.
 * FROM, when not NULL, has room for LEN + 1 offsets and gets, for each
 * byte of what is appended and one past its end, the offset in TEXT of
 * the character it comes from.  1 if anything was composed, 0 if not (OUT
 * and FROM untouched), -1 on allocation failure. */
int ns_compose_marks(const char *text, size_t len, ns_buf_t *out, size_t *from);

NS_END_DECLS

#endif
