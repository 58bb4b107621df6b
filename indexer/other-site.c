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
#include <stdio.h>
#include <string.h>

#include "nindex.h"
#include "url.h"

/* Said at most this many times a run; counted all the same. */
#define OTHER_SITE_SAID 20

static unsigned long said;

int ns_other_site(ns_index_t *idx, const ns_article_t *art, char *host,
                  size_t size)
{
    char mine[256];
    if (!idx || !art->id || !*art->id || ns_url_has_scheme(art->id) ||
        !ns_url_host(art->url, mine, sizeof mine))
        return 0;
    ns_article_t stored = {0};
    int other = ns_index_get(idx, art->id, &stored) == NS_STATUS_OK &&
                ns_article_hash(&stored) != ns_article_hash(art) &&
                ns_url_host(stored.url, host, size) && strcmp(host, mine);
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
