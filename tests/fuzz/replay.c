/* replay.c - Run a fuzz harness over files, without libFuzzer: the seed
 * corpora and every crash found so far (tests/fuzz/found/), as a cheap
 * regression test inside make check.  Prints "N passed, 0 failed"; a crash
 * is the failure. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, len = 0, got;
        uint8_t *buf = malloc(cap);
        while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
            len += got;
            if (len == cap)
                buf = realloc(buf, cap *= 2);
        }
        fclose(f);
        if (!buf)
            return 1;
        /* An exact-size copy, as libFuzzer passes it, so that a read one
         * byte past the input is caught under ASan (make asan). */
        uint8_t *exact = malloc(len ? len : 1);
        if (!exact)
            return 1;
        memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
        n++;
    }
    printf("%d passed, 0 failed\n", n);
    return 0;
}
