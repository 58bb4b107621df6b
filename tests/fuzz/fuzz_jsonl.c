/* fuzz_jsonl.c - One JSON Lines record (article.c), and its stored form. */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ns_article_t art;
    char err[512];
    if (ns_article_from_json((const char *)data, size, &art, err, sizeof err) ==
        0) {
        free(ns_article_to_json(&art));
        ns_article_clear(&art);
    }
    return 0;
}
