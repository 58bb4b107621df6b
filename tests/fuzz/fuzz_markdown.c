/* fuzz_markdown.c - Markdown bodies stripped with cmark (markdown.c),
 * through the front-matter parser and then the plain-text page rules
 * (textpage.c), as the reader runs them. */
#include "fuzz.h"
#include "textpage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    (void)ns_frontmatter_is_draft(text, size);
    ns_article_t art;
    char err[512];
    unsigned line;
    if (ns_article_from_text(text, size, "fuzz.md", &art, err, sizeof err,
                             &line) == 0) {
        if (ns_markdown_finish(&art, err, sizeof err) == 0) {
            ns_textpage_report_t rep;
            (void)ns_textpage_apply(&art, 0, &rep);
        }
        ns_article_clear(&art);
    }
    ns_buf_t out = {0};
    ns_markdown_text(text, size, NULL, &out);
    ns_buf_free(&out);
    return 0;
}
