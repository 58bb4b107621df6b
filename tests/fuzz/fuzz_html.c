/* fuzz_html.c - HTML article pages and fragments (html.c). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ns_article_t art;
    char err[512];
    if (ns_html_page((const char *)data, size, "fuzz", &art, err, sizeof err) ==
        0)
        ns_article_clear(&art);
    ns_buf_t text = {0};
    json_t *heads = json_array();
    ns_html_fragment_text((const char *)data, size, heads, &text);
    json_decref(heads);
    ns_buf_free(&text);
    return 0;
}
