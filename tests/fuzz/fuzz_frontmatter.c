/* fuzz_frontmatter.c - Whether a site would show a Markdown post
 * (published.c), a text article with front matter (article.c), then the
 * plain-text page rules (textpage.c) over its body, as the reader runs
 * them on every text file. */
#include "fuzz.h"
#include "textpage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ns_article_t art;
    char err[512];
    unsigned line;
    (void)ns_frontmatter_hidden((const char *)data, size, "_posts/fuzz.md", 1,
                                1700000000, err, sizeof err, &line);
    if (ns_article_from_text((const char *)data, size, "fuzz.txt", &art, err,
                             sizeof err, &line) == 0) {
        ns_textpage_report_t rep;
        (void)ns_textpage_apply(&art, 1, &rep);
        ns_article_clear(&art);
    }
    return 0;
}
