/* fuzz_jsondoc.c - JSON arrays and pretty-printed objects (jsondoc.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mem m = {data, size};
    ns_jsondoc_t *d = ns_jsondoc_open(mem_read, &m);
    if (!d)
        return 0;
    ns_article_t art;
    unsigned item, line;
    char err[512];
    for (int i = 0; i < 100000; i++) {
        int rc = ns_jsondoc_next(d, &art, &item, &line, err, sizeof err);
        ns_article_clear(&art);
        if (rc == NS_ITEM_END)
            break;
    }
    ns_jsondoc_close(d);
    return 0;
}
