/* mdx.c - MDX (Markdown with JSX, as Astro, Eleventy, Docusaurus and
 * Next.js sites write their posts) read as Markdown.  Its top-level
 * "import" and "export" statements (ES modules: "import Chart from
 * '../components/Chart.astro'") are code for the site's build, no text
 * of the post; read as paragraphs, each was indexed, and a search for
 * "import" found every post.  MDX ends such a block at a blank line. */
#include <string.h>

#include "ingest.h"

/* The length of the fence LINE (LEN bytes) starts with, "```" or "~~~",
 * three or more, up to three spaces in, its character in *C; or 0. */
static size_t fence(const char *line, size_t len, char *c)
{
    size_t i = 0, n = 0;
    while (i < len && i < 3 && line[i] == ' ')
        i++;
    if (i >= len || (line[i] != '`' && line[i] != '~'))
        return 0;
    while (i + n < len && line[i + n] == line[i])
        n++;
    *c = line[i];
    return n >= 3 ? n : 0;
}

static int starts(const char *line, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len > n && !strncmp(line, word, n) &&
           (line[n] == ' ' || line[n] == '\t' || line[n] == '{' ||
            line[n] == '*');
}

void ns_mdx_drop_esm(char *text, size_t len)
{
    char *p = text, *end = text + len;
    size_t in_code = 0;
    char fence_char = 0;
    int esm = 0;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        char c = 0;
        size_t f = fence(p, n, &c);
        int blank = 1;
        for (size_t i = 0; i < n; i++)
            blank = blank && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r');
        if (in_code) {
            if (f >= in_code && c == fence_char)
                in_code = 0;
        } else if (f) {
            in_code = f;
            fence_char = c;
            esm = 0;
        } else {
            esm = blank ? 0
                        : esm || starts(p, n, "import") ||
                              starts(p, n, "export");
            for (size_t i = 0; esm && i < n; i++)
                if (p[i] != '\r')
                    p[i] = ' ';
        }
        p = nl ? nl + 1 : end;
    }
}
