/* other-site.c - An article whose id is no URI ("1": a feed's guid
 * isPermaLink="false", numbers are common) replacing one of another site
 * indexed before the run: said, and counted as a warning.
 *
 * An index's ids are global, and a guid is unique within its feed alone:
 * site B's item 1 replaces site A's item 1, and the next night A's replaces
 * B's, both counted "replaced" and nothing else said.  Within one run the
 * reader says the id came again (sources.c); this is the case across runs.
 * The ids stay as they are: named anew, every article of such a feed
 * already indexed would come again beside itself.  The site is the host of
 * the article's url, so only an article with one, and a stored one with
 * another, is said.  It costs a read of the stored article for each such
 * id already indexed (as --dry-run reads every one): an id that is a URI,
 * as most feeds' guids and links are, costs nothing. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "nindex.h"

/* Said at most this many times a run; counted all the same. */
#define OTHER_SITE_SAID 20

static unsigned long said;

/* Does S begin with a URI's scheme and its ":" (RFC 3986 3.1)? */
static int has_scheme(const char *s)
{
    if (!isalpha((unsigned char)*s))
        return 0;
    while (isalnum((unsigned char)*s) || *s == '+' || *s == '-' || *s == '.')
        s++;
    return *s == ':';
}

/* The host of the address URL, lowercased, into OUT; 0 if it names none. */
static size_t host_of(const char *url, char *out, size_t size)
{
    const char *p = url && has_scheme(url) ? strstr(url, "://") : NULL;
    if (!p)
        return 0;
    p += 3;
    size_t n = strcspn(p, "/?#");
    const char *at = memchr(p, '@', n);
    if (at)
        n -= (size_t)(at + 1 - p), p = at + 1;
    if (!n || n >= size)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)p[i]);
    out[n] = '\0';
    return n;
}

int ns_other_site(ns_index_t *idx, const ns_article_t *art, char *host,
                  size_t size)
{
    char mine[256];
    if (!idx || !art->id || !*art->id || has_scheme(art->id) ||
        !host_of(art->url, mine, sizeof mine))
        return 0;
    ns_article_t stored = {0};
    int other = ns_index_get(idx, art->id, &stored) == NS_STATUS_OK &&
                ns_article_hash(&stored) != ns_article_hash(art) &&
                host_of(stored.url, host, size) && strcmp(host, mine);
    ns_article_clear(&stored);
    return other;
}

void ns_other_site_say(const char *where, const ns_article_t *art,
                       const char *host, const struct options *o,
                       struct counts *c, struct progress *pr)
{
    c->warnings++;
    if (o->quiet || ++said > OTHER_SITE_SAID)
        return;
    ns_progress_clear(pr);
    ns_warn("%s: id '%s' replaced the article of another site (%s)%s; give "
            "the feeds guids that are URLs, or index the sites into separate "
            "indexes",
            where, art->id, host,
            said == OTHER_SITE_SAID ? " (more of these are counted, not said)"
                                    : "");
}
