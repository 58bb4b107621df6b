/* fuzz_nitf.c - NITF stories (nitf.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ns_article_t art;
    char err[512];
    if (ns_nitf_article((const char *)data, size, "fuzz", &art, err,
                        sizeof err) == 0)
        ns_article_clear(&art);
    return 0;
}
