/* html-furniture.c - The class and id names that mark the blocks around an
 * article on a news page: related and recommended stories, share and social
 * buttons, newsletter and subscription boxes, calls to action,
 * advertisements and promotions.  html.c leaves an element so named out
 * of the text, as it does <aside> and <nav>; otherwise a related-posts
 * teaser makes the story match its words, and "Share on Facebook Tweet"
 * is indexed as text.  A link is a share button by its target too.
 *
 * Names are matched as whole tokens of the attribute, or as whole parts of
 * a BEM token ("article__share"), never as parts of a word: "share" is a
 * name, "shared" and "sharecropper" are not; "ad" is, "address", "head"
 * and "loaded" are not.  The README lists the names; a new one goes there
 * too.
 *
 * A box with no such name is furniture when its text says so: an ad's
 * label alone, or a label such as "Les også:" or "Most read" over links.
 * The site's name is furniture of a title too: og:title and <title> are
 * often "Mayor's plan | The Daily Planet". */
#include <ctype.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"
#include "textpage.h"

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

/* A furniture token is [PREFIX-]NAME[-SUFFIX], or one of WHOLE; the
 * SUFFIX may be a NAME too ("subscription-promo").  "cta" is a call to
 * action, the name themes and page builders give the box that asks a
 * reader to subscribe, donate or share ("cta", "cta-box", "post-cta"); it
 * is never the story's text.  "credit" is a photo's credit in its caption
 * ("Getty Images / Spencer Platt"), also as a BEM part, "caption__credit".
 * An "interstitial" is a promotion set between the story's paragraphs.
 * The kicker over the headline (the desk's or the topic's name) and the
 * timestamp are labels, not the story: as text they opened the body with
 * "Politics March 15, 2025 at 12:12 a.m. EDT"; so are the date lines
 * ("article-meta", "entry-meta", "post-meta", "dateline": "Publisert 20.
 * nov. 2022 kl. 08:00", "Posted on March 4, 2017 by Lisa Berg"), the
 * author's bio ("author-bio") and the topics under the story
 * ("article-tags", "topics"), which opened every snippet of a site or
 * matched every story of its writer.  The byline is named in the
 * same way (BYLINES), but left out only where the page gives its author
 * (html.c). */
static const char *const names[] = {
    "related",      "recommended",  "recommendations",
    "share",        "sharing",      "social",
    "social-share", "newsletter",   "subscribe",
    "subscription", "ad",           "ads",
    "advert",       "adverts",      "advertisement",
    "promo",        "promotion",    "cta",
    "credit",       "interstitial", "kicker",
    "timestamp",    "meta",         "dateline",
    "bio",          "tags",         "topics",
    NULL,
};
static const char *const bylines[] = {"byline", "bylines", NULL};
static const char *const prefixes[] = {"article", "post",     "entry",
                                       "story",   "headline", NULL};
static const char *const suffixes[] = {
    "area",    "articles",  "banner", "bar",     "block",   "bottom", "box",
    "buttons", "container", "form",   "icons",   "inline",  "link",   "links",
    "list",    "module",    "posts",  "section", "signup",  "slot",   "stories",
    "tools",   "top",       "unit",   "widget",  "wrapper", NULL,
};
/* The blocks of widely used plugins (Jetpack, AddToAny, YARPP, AdSense),
 * and "related-content": "content" is too common a suffix to allow after
 * every name ("subscribe-content" may be the story itself). */
static const char *const whole[] = {
    "jp-relatedposts", "sharedaddy", "addtoany", "a2a-kit", "yarpp-related",
    "adsbygoogle", "related-content",
    /* WordPress's block editor writes an embed as the bare URL in this
     * wrapper, which the site turns into a player; the figure's caption
     * stays. */
    "wp-block-embed--wrapper", /* "wp-block-embed__wrapper", as read */
    /* Drupal's default tags field under an article: "Tags Housing". */
    "field--name-field-tags",
    /* Substack's caption over a subscribe or share button: "Thanks for
     * reading Harbour Notes! Subscribe for free to receive new posts". */
    "cta-caption",
    /* Text for screen readers only (Bootstrap, WordPress): "Skip to
     * content", "Posted on", "(opens in a new tab)". */
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
    /* The date line of WordPress's themes ("Posted on September 18,
     * 2025"), as a timestamp. */
    "posted-on",
    /* The box asking readers for tips ("Har du tips om denne saken?");
     * "tip" and "tips" alone may be a guide's own list of tips. */
    "tip-us", "tips-us", "tip-box", "tips-box", "tipsbox", "tips-oss",
    "author-bio", "author-box",
    /* Photo credits under the names themes give them. */
    "photo-credit", "image-credit", "img-credit", "media-credit",
    /* The fallback an embed script replaces with the post: Instagram's
     * "View this post on Instagram" and "A post shared by ...", Facebook's
     * and TikTok's link text.  A tweet's blockquote (twitter-tweet) is
     * the tweet's text, quoted by the story, and stays. */
    "instagram-media", "fb-xfbml-parse-ignore", "tiktok-embed", NULL};

static int is_dash(char c)
{
    return c == '-' || c == '_';
}

/* Non-zero if the LEN bytes at S are a NAME of LIST or NAME-SUFFIX, or,
 * while NAMES_MORE, NAME- and one of those ("subscription-promo",
 * "share-promo-box"): one name more at most, so that a long class of
 * names ("social-share-social-share-...") costs no more than a short
 * one. */
static int name_and_suffix(const char *s, size_t len, const char *const *list,
                           int names_more)
{
    for (size_t end = 1; end <= len; end++) {
        if (end < len && !is_dash(s[end]))
            continue;
        if (token_in(s, end, list) &&
            (end == len || token_in(s + end + 1, len - end - 1, suffixes) ||
             (names_more && name_and_suffix(s + end + 1, len - end - 1, list,
                                            names_more - 1))))
            return 1;
    }
    return 0;
}

/* Non-zero if the LEN bytes at TOKEN are one name as the lists above put
 * it: one of WHOLE_LIST, or [PREFIX-]NAME[-SUFFIX] with a NAME of LIST. */
static int is_part(const char *token, size_t len, const char *const *list,
                   const char *const *whole_list)
{
    if (token_in(token, len, whole_list) ||
        name_and_suffix(token, len, list, 1))
        return 1;
    for (const char *const *p = prefixes; *p; p++) {
        size_t m = strlen(*p);
        if (len > m + 1 && is_dash(token[m]) && token_is(token, m, *p) &&
            name_and_suffix(token + m + 1, len - m - 1, list, 1))
            return 1;
    }
    return 0;
}

/* Non-zero if the class or id token TOKEN (LEN bytes) is a name of LIST
 * or WHOLE_LIST (is_part), whole or as a part of a BEM name.  BEM, the
 * class convention of most news themes, joins a block to its element
 * with "__" and to a modifier with "--": "article__share",
 * "related-articles__list", "share-bar__wrapper", "article-body__ad",
 * "card--promo".  Each part is a name of its own, and the token is
 * furniture when one part is: the share bar of an article, the list of a
 * related-articles box, an ad slot in the body.  So the story's own
 * elements ("article__body", "story__text", "article__title") stay, as
 * "article-body" does, and a part that only mentions a name
 * ("article__shared-data", "article--no-ads") is no furniture either. */
static int is_named(const char *token, size_t len, const char *const *list,
                    const char *const *whole_list)
{
    if (is_part(token, len, list, whole_list))
        return 1;
    size_t start = 0, parts = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (!is_dash(token[i]) || !is_dash(token[i + 1]))
            continue;
        /* A run of two or more dashes or underscores ends a part. */
        size_t end = i;
        while (i < len && is_dash(token[i]))
            i++;
        if (end > start &&
            is_part(token + start, end - start, list, whole_list))
            return 1;
        start = i, parts++;
        i--;
    }
    return parts && start < len &&
           is_part(token + start, len - start, list, whole_list);
}

static int is_furniture_token(const char *token, size_t len)
{
    return is_named(token, len, names, whole);
}

static int is_byline_token(const char *token, size_t len)
{
    static const char *const none[] = {NULL};
    return is_named(token, len, bylines, none);
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

int ns_html_byline_name(const char *value)
{
    return any_token(value, is_byline_token);
}

int ns_html_share_link(const char *href)
{
    /* Substack's share buttons link to the post with "action=share" in
     * the query ("...?utm_content=share&action=share"), whatever their
     * text ("Share", "Share Harbour Notes"); nothing else on a page links
     * so.  Only the parameter decides, never a word of the text: a
     * paragraph about share prices, or one linking a page named "share",
     * stays. */
    const char *q = href ? strchr(href, '?') : NULL;
    while (q && *q && *q != '#') {
        q++;
        size_t n = strcspn(q, "&;#");
        if (n == strlen("action=share") &&
            strncasecmp(q, "action=share", n) == 0)
            return 1;
        q += n;
    }
    return 0;
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

/* ------------------------------------------------------------------------ */
/* The site's name around a title                                           */
/* ------------------------------------------------------------------------ */

/* Non-zero if A and B are the same text but for the white space around and
 * between words and ASCII case. */
int ns_html_same_text(const char *a, const char *b)
{
    for (;;) {
        int gap_a = 0, gap_b = 0;
        while (*a && isspace((unsigned char)*a))
            a++, gap_a = 1;
        while (*b && isspace((unsigned char)*b))
            b++, gap_b = 1;
        if (!*a || !*b)
            return !*a && !*b;
        if (gap_a != gap_b)
            return 0;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        a++, b++;
    }
}

/* Non-zero if the LEN bytes at A are the text B, as ns_html_same_text(). */
static int same_part(const char *a, size_t len, const char *b)
{
    char part[1024];
    if (!b || len >= sizeof part)
        return 0;
    memcpy(part, a, len);
    part[len] = '\0';
    return ns_html_same_text(part, b);
}

/* Sites join their name to a headline with one of these, spaced: "Mayor's
 * plan | The Daily Planet", "Ferja står – VG", "Title - NRK".  A colon is
 * not one: "Brexit: what next" is a headline. */
static const char *const title_seps[] = {" | ",
                                         " - ",
                                         " :: ",
                                         " \xe2\x80\x93 " /* en dash */,
                                         " \xe2\x80\x94 " /* em dash */,
                                         " \xc2\xb7 " /* middle dot */,
                                         " \xc2\xbb " /* right guillemet */,
                                         NULL};

int ns_html_title_trim(const char *title, const char *const *sites,
                       const char *h1, size_t *off, size_t *len)
{
    size_t n = strlen(title);
    *off = 0;
    *len = n;
    if (h1 && ns_html_same_text(title, h1))
        return 0;
    for (size_t i = 0; i < n; i++) {
        for (const char *const *sep = title_seps; *sep; sep++) {
            size_t m = strlen(*sep);
            if (strncmp(title + i, *sep, m) != 0)
                continue;
            const char *right = title + i + m;
            size_t right_len = n - i - m;
            int keep_left = same_part(title, i, h1), keep_right = 0;
            for (const char *const *s = sites; *s && !keep_left; s++)
                keep_left = ns_html_same_text(right, *s);
            keep_right = !keep_left && same_part(right, right_len, h1);
            for (const char *const *s = sites; *s && !keep_left && !keep_right;
                 s++)
                keep_right = same_part(title, i, *s);
            if (keep_left || keep_right) {
                *off = keep_left ? 0 : i + m;
                *len = keep_left ? i : right_len;
                return 1;
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Boxes of links under a label                                             */
/* ------------------------------------------------------------------------ */

/* Append the text of N and its siblings after it (all of them when
 * SIBLINGS, else N alone) to BUF (CAP bytes, LEN used), white space runs
 * as one space; returns the new length, or CAP if the text does not fit.
 * While SHOWN, without the elements named furniture: a link's text for
 * screen readers ("Read more<span class="visually-hidden"> about
 * TITLE</span>") is not what it shows. */
static size_t short_text_of(xmlNodePtr n, int siblings, int shown, char *buf,
                            size_t cap, size_t len, int depth)
{
    for (; n && len < cap; n = siblings ? n->next : NULL) {
        if (depth > 32)
            return cap;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const char *p = (const char *)n->content; p && *p; p++) {
                /* U+00A0 (no-break space) is a space too. */
                int nbsp =
                    (unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0;
                int space = nbsp || isspace((unsigned char)*p);
                p += nbsp;
                if (space && (!len || buf[len - 1] == ' '))
                    continue;
                if (len + 1 >= cap)
                    return cap;
                buf[len++] = space ? ' ' : *p;
            }
        } else if (n->type == XML_ELEMENT_NODE &&
                   !(shown && ns_html_named(n, ns_html_furniture_name))) {
            len =
                short_text_of(n->children, 1, shown, buf, cap, len, depth + 1);
        }
    }
    return len;
}

static size_t short_text(xmlNodePtr n, int siblings, char *buf, size_t cap,
                         size_t len, int depth)
{
    return short_text_of(n, siblings, 0, buf, cap, len, depth);
}

/* Add the bytes other than white space of N and its siblings after it to
 * *ALL, and those inside an <a> also to *LINKED. */
static void link_weight(xmlNodePtr n, int in_link, size_t *all, size_t *linked,
                        int depth)
{
    for (; n && depth <= 200; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = n->content; p && *p; p++)
                if (!isspace(*p)) {
                    ++*all;
                    *linked += in_link;
                }
        } else if (n->type == XML_ELEMENT_NODE) {
            int a = in_link || strcasecmp((const char *)n->name, "a") == 0;
            link_weight(n->children, a, all, linked, depth + 1);
        }
    }
}

/* The longest text an advertisement's label is looked for in, in bytes:
 * "Article continues below the advertisement" fits. */
#define AD_LABEL_MAX 64

/* Non-zero if the LEN bytes at S are a separator between the parts of an
 * advertisement's label, returning its length: ASCII punctuation as
 * themes set it around the word ("- Advertisement -", tagDiv's Newspaper;
 * "Advertisement:", "[Anzeige]"), a middle dot, a bullet, an en or em
 * dash. */
static size_t ad_separator(const char *s, size_t len)
{
    static const char *const wide[] = {"\xc2\xb7", "\xe2\x80\xa2",
                                       "\xe2\x80\x93", "\xe2\x80\x94", NULL};
    if (*s && strchr("-:|()[]*._~/", *s))
        return 1;
    for (const char *const *w = wide; *w; w++)
        if (len >= strlen(*w) && memcmp(s, *w, strlen(*w)) == 0)
            return strlen(*w);
    return 0;
}

/* Is the text S (LEN bytes, white space runs as one space), the whole
 * text of an element, an advertisement's label?  Its parts between
 * separators (ad_separator) are each a label word ("Annonse",
 * "Advertisement"), the line some sites set over an ad inside the story
 * ("Story continues below advertisement", "Article continues below the
 * advertisement") or, beside one of those, Forbes's "Scroll to continue
 * (with content)": "Advertisement · Scroll to continue".  A sentence of
 * the story that mentions an advertisement has other words, and stays.
 * So does the label of a player that reads the story aloud, all that is
 * left of it once its <audio> and <button>s are ("Lytt til saken",
 * "Listen to this article"). */
static int ad_label(const char *s, size_t len)
{
    static const char *const labels[] = {
        "advertisement",
        "annonse",
        "annons",
        "reklame",
        "anzeige",
        "story continues below advertisement",
        "story continues below the advertisement",
        "article continues below advertisement",
        "article continues below the advertisement",
        "content continues below advertisement",
        "content continues below the advertisement",
        "listen to this article",
        "listen to this story",
        "listen to the article",
        "lytt til saken",
        "lytt til saka",
        "lytt til artikkelen",
        NULL};
    static const char *const beside[] = {
        "scroll to continue", "scroll to continue with content", NULL};
    int label = 0;
    size_t i = 0;
    while (i < len) {
        size_t sep = ad_separator(s + i, len - i);
        if (sep || s[i] == ' ') {
            i += sep ? sep : 1;
            continue;
        }
        size_t start = i, end = i;
        while (i < len && !ad_separator(s + i, len - i)) {
            if (s[i] != ' ')
                end = i + 1;
            i++;
        }
        if (token_in(s + start, end - start, labels))
            label = 1;
        else if (!token_in(s + start, end - start, beside))
            return 0;
    }
    return label;
}

int ns_html_box_of_links(xmlNodePtr n)
{
    static const char *const boxes[] = {"div", "section", "p", "ul",
                                        "ol",  "span",    NULL};
    const char *const *b = boxes;
    while (*b && strcasecmp((const char *)n->name, *b) != 0)
        b++;
    if (!*b)
        return 0;
    /* An advertisement's label is all that is left of it once its
     * <iframe> or <script> is: "Annonse", "ADVERTISEMENT". */
    char text[96];
    size_t len = short_text(n->children, 1, text, AD_LABEL_MAX, 0, 0);
    if (len < AD_LABEL_MAX && ad_label(text, len))
        return 1;
    /* A box that opens with a furniture label ("Les også:", "Most read",
     * "Related", textpage.c's list) and whose rest is mostly links. */
    xmlNodePtr first = n->children;
    while (first && first->type == XML_TEXT_NODE && first->content &&
           !first->content[strspn((const char *)first->content, " \t\n\r\f")])
        first = first->next;
    if (!first || !first->next)
        return 0;
    len = short_text(first, 0, text, sizeof text, 0, 0);
    if (len == sizeof text || !ns_textpage_is_furniture_heading(text, len))
        return 0;
    size_t all = 0, linked = 0;
    link_weight(first->next, 0, &all, &linked, 0);
    return linked && linked * 2 >= all;
}

/* ------------------------------------------------------------------------ */
/* Links to the rest of the story                                           */
/* ------------------------------------------------------------------------ */

/* The length of S (LEN bytes) without the marks themes set after a link's
 * words, and the white space around them: "...", an ellipsis, an arrow,
 * a guillemet, a full stop. */
static size_t strip_trailing_marks(const char *s, size_t len)
{
    static const char *const marks[] = {"\xe2\x80\xa6" /* ellipsis */,
                                        "\xe2\x86\x92" /* arrow */,
                                        "\xc2\xbb" /* guillemet */,
                                        "\xe2\x80\xba" /* single one */,
                                        ".",
                                        ">",
                                        " ",
                                        NULL};
    for (int more = 1; more && len;) {
        more = 0;
        for (const char *const *m = marks; *m && !more; m++) {
            size_t k = strlen(*m);
            if (len >= k && memcmp(s + len - k, *m, k) == 0)
                len -= k, more = 1;
        }
    }
    return len;
}

/* Is TEXT (LEN bytes), an element's whole text, a link to the rest of
 * the story, or the paragraph that is only one?  Feeds that send an excerpt end
 * every item with it, and pages set it under teasers: "Continue reading..."
 * (the Guardian), WordPress's "more-link" and themes' "read-more", Drupal's
 * "Read more", Slashdot's "Read more of this story at Slashdot.".  Indexed,
 * "continue" and "reading" matched every item of such a feed.  Only an
 * element's whole text counts, never a sentence that holds the words: "Read
 * more about the plan in the council's report" stays. */
static int more_link(const char *text, size_t len)
{
    static const char *const phrases[] = {"continue reading",
                                          "keep reading",
                                          "read more",
                                          "read the full story",
                                          "read the full article",
                                          "read full story",
                                          "read full article",
                                          "read the rest of this entry",
                                          "read more of this story at slashdot",
                                          "les mer",
                                          "les hele saken",
                                          "les hele artikkelen",
                                          "fortsett \xc3\xa5 lese",
                                          "les videre",
                                          NULL};
    return token_in(text, strip_trailing_marks(text, len), phrases);
}

/* Non-zero if N is an <a> or holds one: "Read more." in a <p> of its own
 * is the post's text, as its author wrote it; only a link is one to the
 * story. */
static int holds_link(xmlNodePtr n, int depth)
{
    if (depth > 32 || n->type != XML_ELEMENT_NODE)
        return 0;
    if (strcasecmp((const char *)n->name, "a") == 0)
        return 1;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (holds_link(c, depth + 1))
            return 1;
    return 0;
}

/* Is TEXT (LEN bytes), an element's whole text, a label a player or a
 * picture leaves in the text?  BBC News pages open every video with the
 * player's fallback for browsers without JavaScript, and label a caption
 * and a credit for screen readers ("Media caption, ", "Image source, "),
 * in an element of its own: "Media caption, Waves crashed" was the
 * caption.  The caption and the credit stay. */
static int player_label(const char *text, size_t len)
{
    static const char *const labels[] = {
        "this video can not be played",
        "this video cannot be played",
        "to play this video you need to enable javascript in your browser",
        "media caption",
        "image caption",
        "video caption",
        "image source",
        NULL};
    len = strip_trailing_marks(text, len);
    if (len && text[len - 1] == ',')
        len--;
    return token_in(text, len, labels);
}

int ns_html_furniture_text(xmlNodePtr n)
{
    /* Blocks, then the inline elements, from INLINE_FROM. */
    enum { INLINE_FROM = 3 };
    static const char *const elements[] = {
        "p", "div", "li", "a", "span", "strong", "b", "em", "small", NULL};
    const char *const *e = elements;
    while (*e && strcasecmp((const char *)n->name, *e) != 0)
        e++;
    if (!*e)
        return 0;
    /* WordPress's link and themes' are one by their class, whatever
     * words they hold ("Continue reading "TITLE""). */
    if (strcasecmp((const char *)n->name, "a") == 0) {
        xmlChar *cls = xmlGetProp(n, BAD_CAST "class");
        static const char *const classes[] = {"more-link", "read-more", NULL};
        int hit = 0;
        for (const char *s = (const char *)cls; s && *s && !hit;) {
            s += strspn(s, " \t\n\r\f");
            size_t k = strcspn(s, " \t\n\r\f");
            hit = k && token_in(s, k, classes);
            s += k;
        }
        xmlFree(cls);
        if (hit)
            return 1;
    }
    char text[128];
    size_t len = short_text_of(n->children, 1, 1, text, sizeof text, 0, 0);
    if (len == sizeof text)
        return 0;
    if (strcasecmp((const char *)n->name, "a") != 0 && player_label(text, len))
        return 1;
    if (!more_link(text, len) || !holds_link(n, 0))
        return 0;
    /* A link in a sentence is the sentence's words: "told us to <a>continue
     * reading</a> the letters".  One that ends its paragraph, with no word
     * after it, is the link to the story. */
    if (e - elements >= INLINE_FROM)
        for (xmlNodePtr next = n->next; next; next = next->next) {
            len = short_text(next, 0, text, sizeof text, 0, 0);
            for (size_t i = 0; i < len; i++)
                if (isalnum((unsigned char)text[i]) || text[i] & 0x80)
                    return 0;
        }
    return 1;
}
