/* read_articles.c - Read every article of the SOURCEs and index nothing:
 * the cost of parsing a format alone, for tests/bench/ingest.sh.  Prints
 * "N articles, N bad, SECONDS s" (CPU time of the process). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ns.h"

int main(int argc, char **argv)
{
    unsigned long ok = 0, bad = 0;
    clock_t start = clock();
    for (int i = 1; i < argc; i++) {
        ns_reader_t *r;
        char *err = NULL;
        if (ns_reader_open(argv[i], &r, &err) != NS_STATUS_OK) {
            fprintf(stderr, "%s: %s\n", argv[i], err ? err : "cannot open");
            return 1;
        }
        ns_article_t art = {0};
        int rc;
        while ((rc = ns_reader_next(r, &art)) != 0) {
            while (ns_reader_next_ignored(r))
                ;
            if (rc > 0)
                ok++;
            else
                bad++;
        }
        ns_article_clear(&art);
        ns_reader_close(r);
    }
    printf("%lu articles, %lu bad, %.3f s\n", ok, bad,
           (double)(clock() - start) / CLOCKS_PER_SEC);
    return 0;
}
