/* html-furniture.c - The class and id names that mark the blocks around an
 * article on a news page: related and recommended stories, share and social
 * buttons, newsletter and subscription boxes, advertisements and
 * promotions.  html.c leaves an element so named out of the text, as it
 * does <aside> and <nav>; otherwise a related-posts teaser makes the story
 * match its words, and "Share on Facebook Tweet" is indexed as text.
 *
 * Names are matched as whole tokens of the attribute, never as parts of a
 * word: "share" is a name, "shared" and "sharecropper" are not; "ad" is,
 * "address", "head" and "loaded" are not.  The README lists the names; a
 * new one goes there too. */
#include <ctype.h>
#include <string.h>

#include "ingest.h"

/* Non-zero if the LEN bytes at S, lower-cased and with '_' read as '-',
 * are WORD. */
static int token_is(const char *s, size_t len, const char *word)
{
    if (strlen(word) != len)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = (char)tolower((unsigned char)s[i]);
        if ((c == '_' ? '-' : c) != word[i])
            return 0;
    }
    return 1;
}

/* Non-zero if the LEN bytes at S, as token_is(), are one of LIST. */
static int token_in(const char *s, size_t len, const char *const *list)
{
    for (; *list; list++)
        if (token_is(s, len, *list))
            return 1;
    return 0;
}

/* A furniture token is [PREFIX-]NAME[-SUFFIX], or one of WHOLE. */
static const char *const names[] = {
    "related",   "recommended",  "recommendations", "share",         "sharing",
    "social",    "social-share", "newsletter",      "subscribe",     "ad",
    "ads",       "advert",       "adverts",         "advertisement", "promo",
    "promotion", NULL,
};
static const char *const prefixes[] = {"article", "post", "entry", "story",
                                       NULL};
static const char *const suffixes[] = {
    "area",    "articles",  "banner",  "bar",     "block",  "bottom",  "box",
    "buttons", "container", "form",    "icons",   "inline", "links",   "list",
    "module",  "posts",     "section", "signup",  "slot",   "stories", "tools",
    "top",     "unit",      "widget",  "wrapper", NULL,
};
/* The blocks of widely used plugins (Jetpack, AddToAny, YARPP, AdSense),
 * and "related-content": "content" is too common a suffix to allow after
 * every name ("subscribe-content" may be the story itself). */
static const char *const whole[] = {
    "jp-relatedposts", "sharedaddy",  "addtoany",        "a2a-kit",
    "yarpp-related",   "adsbygoogle", "related-content", NULL};

static int is_dash(char c)
{
    return c == '-' || c == '_';
}

/* Non-zero if the LEN bytes at S are NAME or NAME-SUFFIX. */
static int name_and_suffix(const char *s, size_t len)
{
    for (size_t end = 1; end <= len; end++) {
        if (end < len && !is_dash(s[end]))
            continue;
        if (token_in(s, end, names) &&
            (end == len || token_in(s + end + 1, len - end - 1, suffixes)))
            return 1;
    }
    return 0;
}

/* Non-zero if the class or id token TOKEN (LEN bytes) names furniture. */
static int is_furniture_token(const char *token, size_t len)
{
    if (token_in(token, len, whole) || name_and_suffix(token, len))
        return 1;
    for (const char *const *p = prefixes; *p; p++) {
        size_t m = strlen(*p);
        if (len > m + 1 && is_dash(token[m]) && token_is(token, m, *p) &&
            name_and_suffix(token + m + 1, len - m - 1))
            return 1;
    }
    return 0;
}

/* Non-zero if a white-space separated token of VALUE is one IS accepts. */
static int any_token(const char *value, int (*is)(const char *, size_t))
{
    const char *s = value;
    for (;;) {
        s += strspn(s, " \t\n\r\f");
        if (!*s)
            return 0;
        size_t n = strcspn(s, " \t\n\r\f");
        if (is(s, n))
            return 1;
        s += n;
    }
}

int ns_html_furniture_name(const char *value)
{
    return any_token(value, is_furniture_token);
}

/* Comment threads and sidebars are matched inside tokens ("commentlist",
 * "comment-respond", "td-sidebar"), as themes name them every way; but a
 * token that only mentions them is no such block: a WordPress term class
 * ("category-comment", the article of a "Comment" desk), a layout
 * ("layout-no-sidebar", "has-sidebar"), an opinion piece
 * ("story--commentary").  Matched, those hid the whole story. */
static int thread_or_sidebar_token(const char *token, size_t len)
{
    static const char *const not_block[] = {
        "category-", "tag-",  "has-",    "no-",     "with-", "without-",
        "layout-",   "page-", "format-", "single-", "is-",   NULL};
    char t[128];
    if (len >= sizeof t)
        return 0;
    for (size_t i = 0; i < len; i++)
        t[i] = (char)tolower((unsigned char)(token[i] == '_' ? '-' : token[i]));
    t[len] = '\0';
    for (const char *const *p = not_block; *p; p++)
        if (strncmp(t, *p, strlen(*p)) == 0)
            return 0;
    if (strstr(t, "no-sidebar") || strstr(t, "nosidebar") ||
        strstr(t, "commentary"))
        return 0;
    return strstr(t, "comment") || strstr(t, "sidebar");
}

int ns_html_thread_or_sidebar(const char *value)
{
    return any_token(value, thread_or_sidebar_token);
}
