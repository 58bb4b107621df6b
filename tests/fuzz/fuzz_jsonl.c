/* fuzz_jsonl.c - One JSON Lines record (article.c), as nindex reads a line
 * (an HTML body, entities in a title: ns_article_from_record), and its
 * stored form read back as the index reads it. */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ns_article_t art, back;
    char err[512];
    if (ns_article_from_record((const char *)data, size, &art, err,
                               sizeof err) == 0) {
        char *stored = ns_article_to_json(&art);
        if (stored && ns_article_from_json(stored, strlen(stored), &back, err,
                                           sizeof err) == 0)
            ns_article_clear(&back);
        free(stored);
        ns_article_clear(&art);
    }
    return 0;
}
