/* html-page.h - What html.c finds in an article page in one pass, and
 * what html-story.c makes of it: which part of the page is the story.
 * Internal to the page reader. */
#ifndef NS_HTML_PAGE_H
#define NS_HTML_PAGE_H

#include <libxml/tree.h>

#include "ingest.h"

/* An <article> of the page, and what says whether it is the story. */
struct candidate {
    xmlNodePtr node;
    size_t weight; /* bytes of its text other than white space */
    int h1;        /* it holds an <h1> */
    int headline;  /* it holds a heading that is the page's headline */
    int hidden;    /* it is inside an element whose text is skipped */
    struct candidate *outer; /* the nearest article around it */
};

/* Articles past this many are not candidates: a page of thousands of
 * <article>s is a list, and its first one is as good as any. */
#define MAX_ARTICLES 256

struct page {
    json_t *meta;       /* property or name -> content (first one wins) */
    json_t *tags;       /* every article:tag */
    json_t *ld;         /* the schema.org article object, or NULL */
    json_t *ld_root;    /* the JSON-LD block LD is in: its @graph's nodes */
    json_t *ld_roots;   /* every block that holds an article object */
    unsigned ld_blocks; /* JSON-LD blocks seen */
    unsigned ld_warned; /* 1 once a block that does not parse is said */
    const char *listing; /* a listing type a block without articles has */
    char *warn;         /* the caller's buffer for a warning */
    size_t warn_size;
    struct candidate articles[MAX_ARTICLES];
    size_t n_articles;
    xmlNodePtr top; /* the document's first node */
    xmlNodePtr main, h1;
    xmlNodePtr body_prop; /* the first itemprop="articleBody" */
    char *title, *lang, *canonical;
    char *base; /* the first <base href>, or NULL */
};

/* The schema.org type that makes the JSON-LD block ROOT describe a
 * listing rather than an article: "CollectionPage" (category, tag, author
 * and page-N archives), "SearchResultsPage" or "ProfilePage"; NULL when
 * the block holds an article object or none of these (html-ld.c). */
const char *ns_html_ld_listing(json_t *root);

/* Keep in META what N's microdata says of the story when it is the text
 * of an element, not a <meta>: the author (itemprop="author", the
 * itemprop="name" inside it when it is a Person) as "microdata:author",
 * several joined with ", "; itemprop="articleSection" as
 * "microdata:articlesection"; and the text of a rel="author" link as
 * "rel:author" (html-meta.c). */
void ns_html_microdata_take(json_t *meta, xmlNodePtr n);

/* The value of N's attribute NAME, or NULL; free with free() (html.c). */
char *ns_html_prop(xmlNodePtr n, const char *name);

/* Is N the element NAME, or marked with ARIA's role ROLE, which pages
 * built of <div>s use for it (role="main", role="article")? (html.c) */
int ns_html_is_role(xmlNodePtr n, const char *name, const char *role);

/* The first <h1> in N and its siblings, and in their subtrees; or NULL
 * (html-story.c). */
xmlNodePtr ns_html_first_h1(xmlNodePtr n, int depth);

/* Non-zero if N is ANCESTOR or inside it (html-story.c). */
int ns_html_is_inside(xmlNodePtr n, xmlNodePtr ancestor);

/* Non-zero if N is inside markup whose text is left out: the site's
 * <header>, <nav>, <aside>, a related-stories box (html-story.c). */
int ns_html_in_chrome(xmlNodePtr n);

/* The story's <article> among the page's (PG->articles), <main>, or the
 * story around the page's <h1> or beside an <article> that is only its
 * header; NULL if the page has no <article>.  The teaser <article>s
 * inside the story are cut out of the page (html-story.c). */
xmlNodePtr ns_html_choose_article(struct page *pg);

/* The bytes of text (other than white space) that make a story, set in
 * plain <div>s around its <h1> or beside an <article> that is only its
 * header: a few sentences. */
#define STORY_PROSE 200

/* The story set in plain <div>s around the page's <h1>, or NULL with
 * *MOST (unless MOST is NULL) the bytes of text around the <h1>, fewer
 * than STORY_PROSE (html-story.c). */
xmlNodePtr ns_html_story_around_h1(struct page *pg, size_t *most);

#endif
