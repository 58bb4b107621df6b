/* html-story.c - Which part of an article page is the story: the
 * <article> a reader would take for it among teasers, most-read boxes and
 * a breaking-news bar, else <main>, else the story set in plain <div>s
 * around the page's <h1>; and the teaser <article>s inside it, which are
 * cut out of the page.  html.c surveys the page and reads the fields. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "html-page.h"

#define MAX_DEPTH NS_HTML_MAX_DEPTH

#define NAME(n) ((const char *)(n)->name)

/* Weigh the subtree N into C: its text (outside skipped elements when
 * COUNTED), and whether it holds an <h1> or the headline.  An <article>
 * inside is a candidate of its own (marked in _private), weighed alone and
 * added afterwards. */
static void weigh(struct candidate *c, xmlNodePtr n, int depth, int counted,
                  const char *headline)
{
    for (; n && depth <= MAX_DEPTH; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = n->content; counted && p && *p; p++)
                c->weight += !isspace(*p);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || n->_private)
            continue;
        int level = ns_html_heading_level(NAME(n));
        if (level == 1)
            c->h1 = 1;
        if (level && headline && !c->headline) {
            xmlChar *t = xmlNodeGetContent(n);
            c->headline = t && ns_html_same_text((const char *)t, headline);
            xmlFree(t);
        }
        weigh(c, n->children, depth + 1, counted && !ns_html_skipped(n),
              headline);
    }
}

/* Non-zero if N is ANCESTOR or inside it. */
int ns_html_is_inside(xmlNodePtr n, xmlNodePtr ancestor)
{
    for (; n; n = n->parent)
        if (n == ancestor)
            return 1;
    return 0;
}

/* Cut the I-th <article> out of the page, and forget it and every other
 * candidate inside it (NULL): freed with it, an <article> nested in a cut
 * one was read again (a teaser list inside a teaser, found by
 * fuzz_html). */
static void cut_article(struct page *pg, size_t i)
{
    xmlNodePtr n = pg->articles[i].node;
    if (!n)
        return;
    for (size_t j = 0; j < pg->n_articles; j++)
        if (j != i && ns_html_is_inside(pg->articles[j].node, n))
            pg->articles[j].node = NULL;
    xmlUnlinkNode(n);
    xmlFreeNode(n);
    pg->articles[i].node = NULL;
}

/* Is the JSON-LD article LD a LiveBlogPosting? */
static int live_blog(json_t *ld)
{
    json_t *type = json_object_get(ld, "@type"), *v;
    size_t i;
    if (json_is_string(type))
        return !strcmp(json_string_value(type), "LiveBlogPosting");
    json_array_foreach(type, i, v) if (json_is_string(v) &&
                                       !strcmp(json_string_value(v),
                                               "LiveBlogPosting")) return 1;
    return 0;
}

/* The first <h1> in N and its siblings, and in their subtrees; or NULL. */
xmlNodePtr ns_html_first_h1(xmlNodePtr n, int depth)
{
    for (; n && depth <= MAX_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ns_html_heading_level(NAME(n)) == 1)
            return n;
        xmlNodePtr hit = ns_html_first_h1(n->children, depth + 1);
        if (hit)
            return hit;
    }
    return NULL;
}

/* Non-zero if N is inside markup whose text is left out: the site's
 * <header>, <nav>, <aside>, a related-stories box. */
int ns_html_in_chrome(xmlNodePtr n)
{
    for (xmlNodePtr up = n->parent; up && up->type == XML_ELEMENT_NODE;
         up = up->parent)
        if (ns_html_skipped(up))
            return 1;
    return 0;
}

/* What prose() counts besides the text outside links and <article>s. */
enum { PROSE_LINKS = 1, PROSE_ARTICLES = 2 };

/* Bytes of text other than white space in N and its siblings, outside
 * skipped markup and outside SKIP; inside links and <article>s (teasers)
 * too as FLAGS say. */
static size_t prose(xmlNodePtr n, xmlNodePtr skip, int flags, int depth)
{
    size_t w = 0;
    for (; n && depth <= MAX_DEPTH; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = n->content; p && *p; p++)
                w += !isspace(*p);
        } else if (n->type == XML_ELEMENT_NODE && n != skip &&
                   !ns_html_skipped(n) &&
                   ((flags & PROSE_ARTICLES) ||
                    !ns_html_is_role(n, "article", "article")) &&
                   ((flags & PROSE_LINKS) || strcasecmp(NAME(n), "a") != 0)) {
            w += prose(n->children, skip, flags, depth + 1);
        }
    }
    return w;
}

/* Is the I-th <article> inside UP, and not KEEP (may be NULL), one
 * around it or one inside it? */
static int beside(struct page *pg, size_t i, xmlNodePtr up, xmlNodePtr keep)
{
    xmlNodePtr n = pg->articles[i].node;
    return n && n != up && ns_html_is_inside(n, up) &&
           !(keep &&
             (ns_html_is_inside(keep, n) || ns_html_is_inside(n, keep)));
}

/* Cut out of the page the <article>s inside UP but KEEP (beside()),
 * teasers beside the story UP is, unless they hold as much text as the
 * OWN bytes of the rest (a story's body in an <article> under a
 * standfirst). */
static void cut_teasers(struct page *pg, xmlNodePtr up, xmlNodePtr keep,
                        size_t own)
{
    size_t inner = 0;
    for (size_t i = 0; i < pg->n_articles; i++)
        if (beside(pg, i, up, keep))
            inner += pg->articles[i].weight;
    for (size_t i = 0; inner && inner < own && i < pg->n_articles; i++)
        if (beside(pg, i, up, keep))
            cut_article(pg, i);
}

/* A story with no <article>, <main> or microdata around it, set in plain
 * <div>s under its <h1>: the nearest element around the page's <h1> with
 * STORY_PROSE bytes of text besides it (a few sentences), outside teasers
 * and furniture.  The <article>s inside it are teasers beside the story
 * and are cut out, unless they hold as much text as the rest (a story's
 * body in an <article> under a standfirst).  A menu page, or an <h1> over
 * a list of teasers, has none: NULL, and *MOST (unless MOST is NULL) the
 * bytes of text around the <h1> there are, to say so. */
xmlNodePtr ns_html_story_around_h1(struct page *pg, size_t *most)
{
    if (most)
        *most = 0;
    if (!pg->h1 || ns_html_in_chrome(pg->h1))
        return NULL;
    for (xmlNodePtr up = pg->h1->parent; up && up->type == XML_ELEMENT_NODE;
         up = up->parent) {
        size_t own = prose(up->children, pg->h1, PROSE_LINKS, 0);
        if (most && own > *most)
            *most = own;
        if (own < STORY_PROSE)
            continue;
        cut_teasers(pg, up, NULL, own);
        return up;
    }
    return NULL;
}

/* The <article> a reader would take for the story when there are several
 * (a breaking-news bar, a most-read box and the story itself are all
 * <article>s on many news sites): the one that holds the headline the page
 * names (JSON-LD or og:title) as a heading, else one that holds an <h1>,
 * else the one with the most text; one inside skipped markup (<aside>, a
 * related-posts box) only when no other will do, and on a tie the first.
 * An article holds what the articles inside it hold, so an outer one wins
 * over those inside it. */
static xmlNodePtr choose_among(struct page *pg)
{
    const char *headline =
        json_string_value(json_object_get(pg->ld, "headline"));
    if (!headline)
        headline = json_string_value(json_object_get(pg->meta, "og:title"));
    for (size_t i = 0; i < pg->n_articles; i++)
        pg->articles[i].node->_private = &pg->articles[i];
    for (size_t i = 0; i < pg->n_articles; i++) {
        struct candidate *c = &pg->articles[i];
        weigh(c, c->node->children, 0, 1, headline);
        for (xmlNodePtr up = c->node->parent;
             up && up->type == XML_ELEMENT_NODE; up = up->parent)
            if (ns_html_skipped(up))
                c->hidden = 1;
    }
    /* Inner articles come after the outer one in document order: from the
     * last, add each to the nearest article around it. */
    for (size_t i = pg->n_articles; i-- > 0;) {
        struct candidate *c = &pg->articles[i];
        xmlNodePtr up = c->node->parent;
        while (up && !up->_private)
            up = up->parent;
        if (!up)
            continue;
        struct candidate *outer = c->outer = up->_private;
        outer->weight += c->weight;
        outer->h1 |= c->h1;
        outer->headline |= c->headline;
    }
    struct candidate *best = &pg->articles[0];
    for (size_t i = 0; i < pg->n_articles; i++) {
        struct candidate *c = &pg->articles[i];
        c->node->_private = NULL;
        if (c->hidden != best->hidden) {
            if (!c->hidden)
                best = c;
        } else if (c->headline != best->headline) {
            if (c->headline)
                best = c;
        } else if (c->h1 != best->h1) {
            if (c->h1)
                best = c;
        } else if (c->weight > best->weight) {
            best = c;
        }
    }
    /* No <article> has the headline or an <h1>, and <main> has the page's
     * <h1>: the story is <main>, and the articles are its parts (a live
     * blog's updates under the headline) or teasers beside it, which
     * alone were taken for the story and the rest of it lost. */
    if (!best->headline && !best->h1 && pg->main && pg->h1) {
        xmlNodePtr up = pg->h1;
        while (up && up != pg->main)
            up = up->parent;
        if (up)
            return pg->main;
    }
    /* No <article> has the headline or an <h1>, and the page's <h1> is
     * outside them all: they are teasers beside a story set in plain
     * <div>s, as older sites' templates set it (a "More from News" box
     * under it).  The heaviest teaser was the story, and the story's own
     * text was found by nothing; the story is looked for around the <h1>
     * (story_around_h1), and if there is none there, the <h1> is over an
     * <article> that holds the story. */
    if (!best->headline && !best->h1 && pg->h1 && !ns_html_in_chrome(pg->h1)) {
        int in_one = 0;
        for (size_t i = 0; i < pg->n_articles && !in_one; i++)
            in_one = ns_html_is_inside(pg->h1, pg->articles[i].node);
        xmlNodePtr story = in_one ? NULL : ns_html_story_around_h1(pg, NULL);
        if (story)
            return story;
    }
    /* An <article> inside the story is an item of its own (HTML: a teaser,
     * a comment), not the story's text: those without the headline or an
     * <h1> are cut out of the page, unless they hold half its text or more
     * (a story wrapped in an outer <article>), or the JSON-LD says the page
     * is a live blog, whose updates they are. */
    size_t inner = 0;
    if (live_blog(pg->ld))
        return best->node;
    for (size_t i = 0; i < pg->n_articles; i++) {
        struct candidate *c = &pg->articles[i];
        if (c->outer == best && !c->h1 && !c->headline)
            inner += c->weight;
    }
    for (size_t i = 0; inner && inner * 2 < best->weight && i < pg->n_articles;
         i++) {
        struct candidate *c = &pg->articles[i];
        if (c->outer == best && !c->h1 && !c->headline)
            cut_article(pg, i);
    }
    return best->node;
}

/* The story's <article> that is only its header, an <h1> and less than
 * STORY_PROSE bytes besides it (a standfirst, a byline; the <article>s in
 * it count: a live blog's updates are its story), over the story's
 * text set in plain <div>s beside it: its body was the standfirst alone,
 * and the story was found by nothing.  The story is the nearest element
 * around ART, up to <main>, with STORY_PROSE bytes of text besides it
 * outside links, teasers and furniture (links: a list of teasers beside a
 * brief is no story); the <article>s in it but ART are teasers, cut out
 * as around an <h1>.  NULL when ART is no such header, or has no such
 * element around it. */
static xmlNodePtr story_beside_header(struct page *pg, xmlNodePtr art)
{
    if (!ns_html_is_role(art, "article", "article"))
        return NULL; /* <main>, or the story around the <h1> */
    xmlNodePtr h1 = ns_html_first_h1(art->children, 0);
    if (!h1 || prose(art->children, h1, PROSE_LINKS | PROSE_ARTICLES, 0) >=
                   STORY_PROSE)
        return NULL;
    for (xmlNodePtr up = art->parent; up && up->type == XML_ELEMENT_NODE;
         up = up->parent) {
        if (ns_html_skipped(up))
            return NULL;
        size_t own = prose(up->children, art, 0, 0);
        if (own >= STORY_PROSE) {
            cut_teasers(pg, up, art, own);
            return up;
        }
        if (up == pg->main)
            break;
    }
    return NULL;
}

xmlNodePtr ns_html_choose_article(struct page *pg)
{
    if (!pg->n_articles)
        return NULL;
    xmlNodePtr best =
        pg->n_articles == 1 ? pg->articles[0].node : choose_among(pg);
    xmlNodePtr story = story_beside_header(pg, best);
    return story ? story : best;
}
