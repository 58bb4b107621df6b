/* textpage.c - Article pages saved as plain text (the text of a web page:
 * title, article, byline, then the site's "Recent Posts" sidebar).  These
 * rules find what a Markdown file would have marked up: headings written
 * as short lines ending in ':' or '?', list items, a byline, and the page
 * furniture after the article, which is cut so that a sidebar teaser about
 * penguins does not make the article match "penguin".
 *
 * The rules work on lines of the body that article.c has already cleaned
 * (LF line ends, no control characters).  Each is small and errs on the
 * side of keeping text: a block is cut only when every paragraph of it
 * looks like furniture, and never from the middle of a page's text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textpage.h"

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */
/* ------------------------------------------------------------------------ */

static int is_space_at(const char *s, size_t len, size_t i, size_t *width)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t') {
        *width = 1;
        return 1;
    }
    /* U+00A0, which pages saved from a browser are full of. */
    if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {
        *width = 2;
        return 1;
    }
    return 0;
}

/* Trim white space (including U+00A0) from both ends of [*s, *s + *len). */
static void trim(const char **s, size_t *len)
{
    size_t w;
    while (*len && is_space_at(*s, *len, 0, &w))
        *s += w, *len -= w;
    for (;;) {
        if (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t')) {
            (*len)--;
        } else if (*len >= 2 && (unsigned char)(*s)[*len - 2] == 0xc2 &&
                   (unsigned char)(*s)[*len - 1] == 0xa0) {
            *len -= 2;
        } else {
            break;
        }
    }
}

static int is_blank(const char *s, size_t len)
{
    trim(&s, &len);
    return len == 0;
}

/* Words: runs of bytes other than ASCII white space. */
static size_t count_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int sp = isspace((unsigned char)s[i]);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t m = strlen(suffix);
    return len >= m && memcmp(s + len - m, suffix, m) == 0;
}

/* ASCII case-insensitive equality of LEN bytes at S with WORD. */
static int same_word(const char *s, size_t len, const char *word)
{
    size_t m = strlen(word);
    if (len != m)
        return 0;
    for (size_t i = 0; i < m; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)word[i]))
            return 0;
    return 1;
}

/* Split [s, s + len) into at most MAX words; returns how many there were
 * (which may exceed MAX: only the first MAX are stored). */
static size_t split_words(const char *s, size_t len, const char **w, size_t *wl,
                          size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        if (i == len)
            break;
        size_t start = i;
        while (i < len && !isspace((unsigned char)s[i]))
            i++;
        if (n < max) {
            w[n] = s + start;
            wl[n] = i - start;
        }
        n++;
    }
    return n;
}

/* An upper-case ASCII letter, or a non-ASCII letter (Ø, Å, É: pages in
 * Norwegian and names from everywhere); the test is deliberately loose. */
static int capitalised(const char *w, size_t len)
{
    unsigned char c = (unsigned char)w[0];
    return len && (isupper(c) || c >= 0xc3);
}

/* ------------------------------------------------------------------------ */
/* The rules, one line at a time                                            */
/* ------------------------------------------------------------------------ */

size_t ns_textpage_list_marker(const char *line, size_t len)
{
    static const char *const bullets[] = {
        "\xe2\x80\xa2", /* • */
        "\xe2\x80\xa3", /* ‣ */
        "\xe2\x97\xa6", /* ◦ */
        "\xe2\x96\xaa", /* ▪ */
        "\xe2\x96\xab", /* ▫ */
        "\xe2\x97\x8f", /* ● */
        "\xe2\x97\x8b", /* ○ */
        "\xe2\x96\xa0", /* ■ */
        "\xe2\x96\xa1", /* □ */
        "-",
        "*",
        "+",
    };
    size_t i = 0, w;
    while (i < len && is_space_at(line, len, i, &w))
        i += w;
    size_t marker = 0;
    for (size_t b = 0; b < sizeof bullets / sizeof *bullets && !marker; b++) {
        size_t m = strlen(bullets[b]);
        if (len - i >= m && memcmp(line + i, bullets[b], m) == 0)
            marker = m;
    }
    if (!marker) {
        /* "1." or "12)": at most three digits, so a year opening a
         * sentence ("2024. ...") is not taken for a number. */
        size_t d = 0;
        while (i + d < len && d < 4 && isdigit((unsigned char)line[i + d]))
            d++;
        if (d == 0 || d > 3 || i + d >= len ||
            (line[i + d] != '.' && line[i + d] != ')'))
            return 0;
        marker = d + 1;
    }
    i += marker;
    if (i >= len || !is_space_at(line, len, i, &w))
        return 0;
    while (i < len && is_space_at(line, len, i, &w))
        i += w;
    return i < len ? i : 0;
}

int ns_textpage_is_age(const char *line, size_t len)
{
    static const char *const units[] = {
        "second",    "seconds",      "sec",
        "secs",      "minute",       "minutes",
        "min",       "mins",         "hour",
        "hours",     "hr",           "hrs",
        "day",       "days",         "week",
        "weeks",     "month",        "months",
        "year",      "years",        "sekund",
        "sekunder",  "minutt",       "minutter",
        "time",      "timer",        "dag",
        "dager",     "d\xc3\xb8gn",  "uke",
        "uker",      "m\xc3\xa5ned", "m\xc3\xa5neder",
        "\xc3\xa5r",
    };
    const char *w[6];
    size_t wl[6];
    trim(&line, &len);
    size_t n = split_words(line, len, w, wl, 6);
    if (n == 1)
        return same_word(w[0], wl[0], "yesterday") ||
               same_word(w[0], wl[0], "nettopp");
    if (n == 2)
        return (same_word(w[0], wl[0], "just") &&
                same_word(w[1], wl[1], "now")) ||
               (same_word(w[0], wl[0], "i") &&
                same_word(w[1], wl[1], "g\xc3\xa5r"));
    /* [for] N UNIT ago|siden */
    size_t k = 0;
    if (n == 4 && same_word(w[0], wl[0], "for"))
        k = 1;
    if (n != k + 3)
        return 0;
    int number = same_word(w[k], wl[k], "a") || same_word(w[k], wl[k], "an") ||
                 same_word(w[k], wl[k], "one") ||
                 same_word(w[k], wl[k], "en") || same_word(w[k], wl[k], "ett");
    if (!number) {
        number = 1;
        for (size_t i = 0; i < wl[k]; i++)
            if (!isdigit((unsigned char)w[k][i]))
                number = 0;
    }
    if (!number)
        return 0;
    int unit = 0;
    for (size_t u = 0; u < sizeof units / sizeof *units && !unit; u++)
        unit = same_word(w[k + 1], wl[k + 1], units[u]);
    return unit && (same_word(w[k + 2], wl[k + 2], "ago") ||
                    same_word(w[k + 2], wl[k + 2], "siden"));
}

/* Headings that start a page's furniture: a site's sidebars, share bars,
 * comment forms and "more stories" lists.  Extend the list here; the
 * README's input section names it. */
static const char *const NS_TEXTPAGE_FURNITURE[] = {
    "Recent Posts",
    "Recent Articles",
    "Recent Stories",
    "Latest Posts",
    "Latest News",
    "Latest Stories",
    "Related",
    "Related Posts",
    "Related Articles",
    "Related Stories",
    "Related News",
    /* BBC News's boxes under a story. */
    "Related topics",
    "Related Internet links",
    "More on this story",
    "Read more",
    "Read also",
    "More stories",
    "More news",
    "More from this section",
    "You may also like",
    "You might also like",
    "Popular Posts",
    "Most Popular",
    "Most Read",
    "Trending",
    "Trending Now",
    "Share this",
    "Share this article",
    "Share this story",
    "Comments",
    "Leave a Reply",
    "Leave a Comment",
    "Post navigation",
    "Siste innlegg",
    "Siste nytt",
    "Siste saker",
    "Relaterte saker",
    "Relaterte artikler",
    "Les ogs\xc3\xa5",
    "Les mer",
    "Mest lest",
    "Flere saker",
    "Del artikkelen",
    "Del dette",
    "Del saken",
    "Kommentarer",
    "Legg igjen en kommentar",
};

int ns_textpage_is_furniture_heading(const char *line, size_t len)
{
    trim(&line, &len);
    if (len && line[len - 1] == ':') {
        len--;
        trim(&line, &len);
    }
    for (size_t i = 0;
         i < sizeof NS_TEXTPAGE_FURNITURE / sizeof *NS_TEXTPAGE_FURNITURE; i++)
        if (same_word(line, len, NS_TEXTPAGE_FURNITURE[i]))
            return 1;
    return 0;
}

size_t ns_textpage_heading(const char *line, size_t len, int prev_blank,
                           int next_blank, int next_list, const char **text)
{
    const char *s = line;
    size_t n = len;
    trim(&s, &n);
    if (n == 0 || n > 80 || count_words(s, n) > 10)
        return 0;
    if (!prev_blank || !(next_blank || next_list))
        return 0;
    if (islower((unsigned char)s[0]) || s[0] == '#' ||
        ns_textpage_list_marker(line, len))
        return 0;
    /* A final full stop (or ellipsis, comma, semicolon) makes it a
     * sentence, not a heading. */
    char last = s[n - 1];
    if (last == '.' || last == ',' || last == ';' ||
        ends_with(s, n, "\xe2\x80\xa6"))
        return 0;
    if (last == ':') {
        n--;
        trim(&s, &n);
        if (n == 0)
            return 0;
    } else if (last != '?' && !next_list) {
        return 0;
    }
    *text = s;
    return n;
}

int ns_textpage_by_line(const char *line, size_t len, const char **name,
                        size_t *name_len)
{
    /* Norwegian papers credit the writer "Tekst: NAME", with the
     * photographer after it ("Tekst: Ingrid Sørensen Foto: Ola Ødegård"),
     * or "Tekst og foto: NAME" for both. */
    static const char *const prefixes[] = {
        "by ", "av ", "written by ", "skrevet av ", "tekst og foto:",
        "tekst:"};
    trim(&line, &len);
    size_t p = 0;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes && !p; i++) {
        size_t m = strlen(prefixes[i]);
        if (len > m && same_word(line, m, prefixes[i]))
            p = m;
    }
    if (!p || len > 80 || line[len - 1] == '.')
        return 0;
    const char *s = line + p;
    size_t n = len - p;
    /* The photographer is no author: the name ends at "Foto:". */
    for (size_t i = 1; i + 5 <= n; i++)
        if (isspace((unsigned char)s[i - 1]) && same_word(s + i, 5, "foto:")) {
            n = i;
            break;
        }
    trim(&s, &n);
    const char *w[8];
    size_t wl[8];
    size_t nw = split_words(s, n, w, wl, 8);
    if (nw == 0 || nw > 6)
        return 0;
    for (size_t i = 0; i < nw; i++) {
        for (size_t j = 0; j < wl[i]; j++)
            if (isdigit((unsigned char)w[i][j]))
                return 0;
        if (!capitalised(w[i], wl[i]) && !same_word(w[i], wl[i], "and") &&
            !same_word(w[i], wl[i], "og") && !same_word(w[i], wl[i], "&") &&
            !same_word(w[i], wl[i], "van") && !same_word(w[i], wl[i], "von") &&
            !same_word(w[i], wl[i], "de"))
            return 0;
    }
    *name = s;
    *name_len = n;
    return 1;
}

int ns_textpage_is_name(const char *line, size_t len)
{
    trim(&line, &len);
    if (len == 0 || len > 40)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (isdigit((unsigned char)line[i]) ||
            strchr(".!?:;,\"()[]<>/|@#", line[i]))
            return 0;
    if (ns_textpage_list_marker(line, len) ||
        ns_textpage_is_furniture_heading(line, len) ||
        ns_textpage_is_age(line, len))
        return 0;
    const char *w[4];
    size_t wl[4];
    size_t n = split_words(line, len, w, wl, 4);
    if (n == 0 || n > 3)
        return 0;
    /* One word may be a user name ("admin"); a longer name is
     * capitalised ("Kari Nordmann"), which keeps out a closing phrase like
     * "thanks for reading". */
    if (n == 1)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (!capitalised(w[i], wl[i]) && !same_word(w[i], wl[i], "van") &&
            !same_word(w[i], wl[i], "von") && !same_word(w[i], wl[i], "de"))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* The rules over a whole body                                              */
/* ------------------------------------------------------------------------ */

struct line {
    const char *p;
    size_t len;
    int blank;
    size_t marker;                 /* ns_textpage_list_marker() */
    size_t para_words, para_bytes; /* of its paragraph: the run of
                                      non-blank lines it is in */
    int page_break;  /* it holds a form feed: a new page starts here */
    size_t page_end; /* the first line after it that does; N if none */
    size_t long_at;  /* the first line from it on in a long paragraph */
};

/* Paragraphs of furniture are short: a post's title, a teaser, an age.
 * A paragraph, not a line: text wrapped at 72 columns has short lines. */
static int short_para(const struct line *l)
{
    return l->para_bytes <= 300 && l->para_words <= 40;
}

/* The first line of article text: a non-blank line other than a bare
 * name; N if none.  Furniture is only cut after it. */
static size_t first_text(const struct line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!lines[i].blank && !ns_textpage_is_name(lines[i].p, lines[i].len))
            return i;
    return n;
}

/* The first known furniture heading, set off by a blank line, after
 * article text (line TEXT), with nothing but short paragraphs after it
 * on its page; N if none.  The page_end and long_at of each line, set in
 * one pass from the end, keep a body of many such headings linear. */
static size_t find_known_heading(const struct line *lines, size_t n,
                                 size_t text)
{
    for (size_t h = text + 1; h < n; h++) {
        if (lines[h].blank || !lines[h - 1].blank ||
            (h + 1 < n && lines[h + 1].long_at < lines[h].page_end) ||
            !ns_textpage_is_furniture_heading(lines[h].p, lines[h].len))
            continue;
        return h;
    }
    return n;
}

/* A trailing post list without a heading: two or more groups of the same
 * shape (one to three short lines, then a relative age), ending the body.
 * Returns the first line of the first group, or N; *POSTS counts them. */
static size_t find_post_list(const struct line *lines, size_t n, size_t text,
                             size_t *posts)
{
    /* Indexes of the non-blank lines, from the end. */
    size_t idx[256];
    size_t m = 0;
    for (size_t i = n; i-- > 0 && m < 256;)
        if (!lines[i].blank)
            idx[m++] = i;
    if (m < 4 || !ns_textpage_is_age(lines[idx[0]].p, lines[idx[0]].len))
        return n;
    /* The shape of the last group: lines between the last two ages. */
    size_t k = 1;
    while (k < m && k <= 4 &&
           !ns_textpage_is_age(lines[idx[k]].p, lines[idx[k]].len))
        k++;
    if (k == m || k > 4)
        return n;
    size_t per = k - 1; /* lines before each age */
    if (per == 0)
        return n;
    size_t groups = 0, at = 0, first = n;
    for (;;) {
        /* idx[at] is an age; the PER lines before it are the post. */
        if (at + per >= m)
            break;
        int ok = 1;
        for (size_t j = 1; j <= per && ok; j++) {
            const struct line *l = &lines[idx[at + j]];
            ok = short_para(l) && !ns_textpage_is_age(l->p, l->len);
        }
        if (!ok)
            break;
        groups++;
        first = idx[at + per];
        at += per + 1;
        if (at >= m ||
            !ns_textpage_is_age(lines[idx[at]].p, lines[idx[at]].len))
            break;
    }
    if (groups < 2 || first <= text)
        return n;
    *posts = groups;
    return first;
}

static int push_heading(ns_article_t *art, const char *text, size_t len)
{
    char **grown =
        realloc(art->headings, (art->n_headings + 1) * sizeof *art->headings);
    if (!grown)
        return -1;
    art->headings = grown;
    if (!(grown[art->n_headings] = strndup(text, len)))
        return -1;
    art->n_headings++;
    return 0;
}

int ns_textpage_apply(ns_article_t *art, int furniture,
                      ns_textpage_report_t *report)
{
    return ns_textpage_apply_pages(art, furniture, NULL, 0, report);
}

int ns_textpage_apply_pages(ns_article_t *art, int furniture,
                            const size_t *breaks, size_t n_breaks,
                            ns_textpage_report_t *report)
{
    ns_textpage_report_t rep = {0};
    const char *body = art->body ? art->body : "";
    size_t n = 1;
    for (const char *p = body; *p; p++)
        n += *p == '\n';
    struct line *lines = malloc(n * sizeof *lines);
    if (!lines)
        return -1;
    const char *p = body;
    for (size_t i = 0; i < n; i++) {
        const char *nl = strchr(p, '\n');
        lines[i].p = p;
        lines[i].len = nl ? (size_t)(nl - p) : strlen(p);
        lines[i].blank = is_blank(p, lines[i].len);
        lines[i].marker = ns_textpage_list_marker(p, lines[i].len);
        lines[i].page_break = 0;
        p = nl ? nl + 1 : p + lines[i].len;
    }
    for (size_t b = 0; b < n_breaks; b++)
        if (breaks[b] < n)
            lines[breaks[b]].page_break = 1;
    rep.body_lines = n;
    for (size_t i = 0; i < n;) {
        size_t j = i, words = 0, bytes = 0;
        while (j < n && !lines[j].blank) {
            words += count_words(lines[j].p, lines[j].len);
            bytes += lines[j].len;
            j++;
        }
        for (size_t k = i; k < j; k++) {
            lines[k].para_words = words;
            lines[k].para_bytes = bytes;
        }
        if (j == i) { /* a blank line */
            lines[i].para_words = lines[i].para_bytes = 0;
            j++;
        }
        i = j;
    }
    size_t page_end = n, long_at = n;
    for (size_t i = n; i-- > 0;) {
        lines[i].page_end = page_end;
        if (lines[i].page_break)
            page_end = i;
        if (!lines[i].blank && !short_para(&lines[i]))
            long_at = i;
        lines[i].long_at = long_at;
    }

    /* Furniture: the earlier of a known heading and a post list, to the
     * end of the heading's page at the latest: an OCR'd newspaper's next
     * page is no sidebar of this one. */
    size_t posts = 0;
    size_t text = first_text(lines, n);
    size_t cut = furniture ? find_known_heading(lines, n, text) : n;
    size_t cut_end = cut < n ? lines[cut].page_end : n;
    size_t list = furniture ? find_post_list(lines, cut, text, &posts) : n;
    /* A post list is one page's too. */
    for (size_t i = list + 1; i < cut && list < cut; i++)
        if (lines[i].page_break)
            list = n;
    if (cut < n) {
        size_t shown = lines[cut].len < 80 ? lines[cut].len : 80;
        while (shown < lines[cut].len && shown &&
               ((unsigned char)lines[cut].p[shown] & 0xc0) == 0x80)
            shown--; /* no character cut in two */
        snprintf(rep.why, sizeof rep.why, "'%.*s'", (int)shown, lines[cut].p);
    }
    if (list < cut) {
        cut = list;
        snprintf(rep.why, sizeof rep.why, "a post list (%zu posts)", posts);
    }
    if (cut < n) {
        rep.cut_line = cut + 1;
        rep.cut_lines = cut_end - cut;
        rep.page_end = cut_end < n;
        for (size_t i = cut; i < cut_end; i++)
            rep.cut_words += count_words(lines[i].p, lines[i].len);
        size_t fl = lines[cut].len;
        if (fl >= sizeof rep.first) {
            fl = sizeof rep.first - 1;
            while (fl && ((unsigned char)lines[cut].p[fl] & 0xc0) == 0x80)
                fl--;
        }
        memcpy(rep.first, lines[cut].p, fl);
        rep.first[fl] = '\0';
    }

    /* The byline: "By NAME" near the top or at the end, or a bare name
     * just before cut furniture. */
    size_t last = cut;
    while (last > 0 && lines[last - 1].blank)
        last--;
    size_t by = n; /* the byline's line, if one is taken */
    int bare = 0;  /* it is a bare name, part of the furniture */
    const char *name = NULL;
    size_t name_len = 0;
    if (!art->author) {
        size_t seen = 0;
        for (size_t i = 0; i < last && seen < 3 && by == n; i++) {
            if (lines[i].blank)
                continue;
            seen++;
            if (ns_textpage_by_line(lines[i].p, lines[i].len, &name, &name_len))
                by = i;
        }
        if (by == n && last > 0 &&
            ns_textpage_by_line(lines[last - 1].p, lines[last - 1].len, &name,
                                &name_len))
            by = last - 1;
        if (by == n && cut < n && last > 1 && lines[last - 2].blank &&
            ns_textpage_is_name(lines[last - 1].p, lines[last - 1].len) &&
            text < last - 1) {
            by = last - 1;
            bare = 1;
            name = lines[by].p;
            name_len = lines[by].len;
            trim(&name, &name_len);
        }
    }

    /* The new body, and the headings found on the way. */
    ns_buf_t out = {0};
    char *author = NULL;
    size_t old_headings = art->n_headings;
    int failed = 0;
    if (by < n && !(author = strndup(name, name_len)))
        failed = 1;
    for (size_t i = 0; i < n && !failed; i++) {
        if (i == cut) {
            i = cut_end - 1; /* the furniture: on after it */
            continue;
        }
        size_t lim = i < cut ? cut : n; /* the end of this run of text */
        if (i == by && bare) {
            /* A bare name is the page's author box: it goes with the
             * furniture (its words are kept as the author).  A "By NAME"
             * line stays: in wire copy it is part of the text. */
            if (i + 1 < lim && lines[i + 1].blank)
                i++;
            continue;
        }
        const struct line *l = &lines[i];
        if (!l->blank && !l->marker) {
            int next_blank = i + 1 >= lim || lines[i + 1].blank;
            size_t j = i + 1;
            while (j < lim && lines[j].blank)
                j++;
            int next_list = j < lim && lines[j].marker;
            const char *h;
            size_t hlen =
                ns_textpage_heading(l->p, l->len, i == 0 || lines[i - 1].blank,
                                    next_blank, next_list, &h);
            if (hlen && push_heading(art, h, hlen) < 0)
                failed = 1;
        }
        if (l->marker) {
            if (ns_buf_append(&out, l->p + l->marker, l->len - l->marker) < 0)
                failed = 1;
        } else if (ns_buf_append(&out, l->p, l->len) < 0) {
            failed = 1;
        }
        if (ns_buf_putc(&out, '\n') < 0)
            failed = 1;
    }
    free(lines);
    if (failed) {
        while (art->n_headings > old_headings)
            free(art->headings[--art->n_headings]);
        free(author);
        ns_buf_free(&out);
        return -1;
    }
    while (out.len && isspace((unsigned char)out.p[out.len - 1]))
        out.p[--out.len] = '\0';
    char *new_body = out.p ? out.p : strdup("");
    if (!new_body) {
        free(author);
        return -1;
    }
    free(art->body);
    art->body = new_body;
    if (author) {
        free(art->author);
        art->author = author;
        rep.byline = 1;
    }
    if (report)
        *report = rep;
    return 0;
}
