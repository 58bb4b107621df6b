/* fuzz.h - Shared by the libFuzzer harnesses: a byte source over memory
 * for the streaming parsers. */
#ifndef NS_FUZZ_H
#define NS_FUZZ_H

#include <stdint.h>
#include <string.h>

#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct mem {
    const uint8_t *p;
    size_t left;
};

/* Hand out at most 7 bytes at a time, so that every read boundary the
 * parsers handle is crossed. */
__attribute__((unused)) static ssize_t mem_read(void *ctx, char *buf,
                                                size_t len)
{
    struct mem *m = ctx;
    size_t n = len < m->left ? len : m->left;
    if (n > 7)
        n = 7;
    memcpy(buf, m->p, n);
    m->p += n;
    m->left -= n;
    return (ssize_t)n;
}

#endif
