/* fuzz_feed.c - RSS, RDF, Atom and WXR feeds (feed.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mem m = {data, size};
    ns_feed_t *f = ns_feed_open(mem_read, &m);
    if (!f)
        return 0;
    ns_article_t art;
    unsigned item, line;
    char err[512];
    for (int i = 0; i < 100000; i++) {
        int rc = ns_feed_next(f, &art, &item, &line, err, sizeof err);
        ns_article_clear(&art);
        if (rc == NS_ITEM_END)
            break;
    }
    ns_feed_close(f);
    return 0;
}
