/* nsearch.h - What the parts of nsearch share: its exit codes and the
 * index open.
 *
 * nsearch.c holds main, the options, the searching and the printing;
 * open-index.c opens the index and says what to do when it cannot.
 * Private to nsearch: nothing here is part of libns. */
#ifndef NS_NSEARCH_H
#define NS_NSEARCH_H

#include "ns.h"

enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2 };

/* Searches tried again when a writer's commits overtook them. */
#define NS_READ_RETRIES 5

/* Open the index for reading: DB_OPTION (--db), else ns_db_path()'s
 * default.  Never returns on failure: it says why on stderr, with what
 * to do about it, and exits EXIT_ERROR. */
ns_index_t *ns_open_index(const char *db_option);

#endif /* NS_NSEARCH_H */
