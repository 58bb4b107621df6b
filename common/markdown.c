/* markdown.c - Markdown bodies to plain text.
 *
 * A Markdown article is indexed and shown in snippets as the text a reader
 * sees, not its markup: "vedtok [budsjettet](https://...)" is "vedtok
 * budsjettet", and "**strong**" must not make the word "strong"
 * searchable.  cmark (the CommonMark reference parser) parses the body;
 * links keep their text, emphasis and code marks go, headings stay
 * paragraphs and are the article's section headings, and HTML written
 * inside the Markdown is stripped to its text by libxml2 (html.c),
 * breaking lines and paragraphs where it breaks them there.  Code keeps
 * its lines and indentation.  The body's template tags (Hugo's
 * shortcodes, Liquid) go first (template.c); the front matter's title is
 * left as written. */
#include <cmark.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

/* ------------------------------------------------------------------------ */
/* Markdown to text                                                         */
/* ------------------------------------------------------------------------ */

struct md {
    ns_buf_t *out;
    int gap; /* 0 none, 1 space, 2 newline, 3 blank line */
    int failed;
};

static void put(struct md *m, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            int g = c == '\n' ? 2 : 1;
            if (m->gap < g)
                m->gap = g;
            continue;
        }
        /* Character references can spell control characters (&#1;); they
         * have no place in text and would forge snippet markers. */
        if (c < 0x20 || c == 0x7f)
            c = ' ';
        if (m->out->len && m->gap) {
            const char *sep = m->gap == 3 ? "\n\n" : m->gap == 2 ? "\n" : " ";
            if (ns_buf_puts(m->out, sep) < 0)
                m->failed = 1;
        }
        m->gap = 0;
        if (c == ' ') {
            m->gap = 1;
            continue;
        }
        if (ns_buf_putc(m->out, c) < 0)
            m->failed = 1;
    }
}

/* Does OUT end in a hyphen: '-', U+2010, or U+00AC as OCR reads one? */
static int hyphen_end(const ns_buf_t *out)
{
    if (!out->len)
        return 0;
    const char *e = out->p + out->len;
    return e[-1] == '-' ||
           (out->len >= 2 && !memcmp(e - 2, "\xc2\xac", 2)) ||
           (out->len >= 3 && !memcmp(e - 3, "\xe2\x80\x90", 3));
}

static void put_str(struct md *m, const char *s)
{
    if (s)
        put(m, s, strlen(s));
}

/* Append the text S as it is, without the blank lines around it: a code
 * block keeps its lines and indentation ("def f(x):\n    return 1"),
 * which put() would make one line of words. */
static void put_verbatim(struct md *m, const char *s)
{
    if (!s)
        return;
    size_t from = strspn(s, " \t\r\n"), n = strlen(s);
    while (from && s[from - 1] != '\n')
        from--; /* the first line's indentation */
    while (n > from && strchr(" \t\r\n", s[n - 1]))
        n--;
    if (n == from)
        return;
    if (m->out->len && m->gap) {
        const char *sep = m->gap == 3 ? "\n\n" : m->gap == 2 ? "\n" : " ";
        if (ns_buf_puts(m->out, sep) < 0)
            m->failed = 1;
    }
    m->gap = 0;
    if (ns_buf_append(m->out, s + from, n - from) < 0)
        m->failed = 1;
}

/* ------------------------------------------------------------------------ */
/* GitHub's extensions, as plain CommonMark leaves them                     */
/* ------------------------------------------------------------------------ */

/* Hugo (goldmark) and Jekyll (kramdown) write tables, footnotes and
 * strikethrough, which cmark, a CommonMark parser without GitHub's
 * extensions, leaves as text: "| City | Mayor | | ---- | ----- | | Bergen
 * | Hansen |" was one line of a post's text, "budget[^note]" a word of
 * it and "~~old~~" its marks.  Feeds and pages leave footnote marks out
 * (html.c); so does Markdown now.  The words stay, as a reader sees
 * them: a table's rows are lines, its cells apart. */

/* Is LINE a table's delimiter row ("|---|:--:|", "--- | ---")? */
static int delimiter_row(const char *line)
{
    int dashes = 0, pipes = 0;
    for (const char *p = line; *p; p++) {
        if (*p == '-')
            dashes++;
        else if (*p == '|')
            pipes++;
        else if (*p != ':' && *p != ' ' && *p != '\t')
            return 0;
    }
    return dashes >= 3 && pipes >= 1;
}

/* Does paragraph N hold a table: a first line with a cell separator and
 * a delimiter row under it? */
static int table_paragraph(cmark_node *n)
{
    cmark_node *c = cmark_node_first_child(n);
    int pipe = 0;
    for (; c && cmark_node_get_type(c) != CMARK_NODE_SOFTBREAK;
         c = cmark_node_next(c))
        if (cmark_node_get_type(c) == CMARK_NODE_TEXT &&
            strchr(cmark_node_get_literal(c), '|'))
            pipe = 1;
    if (!pipe || !c || !(c = cmark_node_next(c)) ||
        cmark_node_get_type(c) != CMARK_NODE_TEXT)
        return 0;
    cmark_node *after = cmark_node_next(c);
    return delimiter_row(cmark_node_get_literal(c)) &&
           (!after || cmark_node_get_type(after) == CMARK_NODE_SOFTBREAK);
}

/* Is N the first (FIRST) or last node of its line within its block? */
static int line_end(cmark_node *n, int first)
{
    cmark_node *o = first ? cmark_node_previous(n) : cmark_node_next(n);
    return !o || cmark_node_get_type(o) == CMARK_NODE_SOFTBREAK ||
           cmark_node_get_type(o) == CMARK_NODE_LINEBREAK;
}

/* Put the text node N's literal without footnote references ("[^1]",
 * "[^note]:" opening a footnote's text) and strikethrough marks ("~~");
 * in a table (TABLE), without the pipes at a row's ends, and its cells
 * apart (" | "). */
static void put_gfm(struct md *m, cmark_node *n, int table)
{
    const char *s = cmark_node_get_literal(n);
    if (!s)
        return;
    size_t len = strlen(s), a = 0, b = len;
    if (table) {
        if (line_end(n, 1))
            while (a < b && (s[a] == ' ' || s[a] == '|'))
                a++;
        if (line_end(n, 0))
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '|'))
                b--;
    }
    size_t run = a;
    for (size_t i = a; i < b;) {
        size_t skip = 0;
        if (s[i] == '[' && i + 2 < b && s[i + 1] == '^') {
            size_t j = i + 2;
            while (j < b && j - i < 66 && s[j] != ']' && s[j] != ' ' &&
                   s[j] != '[')
                j++;
            if (j < b && s[j] == ']' && j > i + 2)
                skip = j + 1 - i + (j + 1 < b && s[j + 1] == ':');
        } else if (s[i] == '~' && i + 1 < b && s[i + 1] == '~') {
            skip = 2;
        }
        if (!skip) {
            i++;
            continue;
        }
        put(m, s + run, i - run);
        i += skip;
        run = i;
    }
    put(m, s + run, b - run);
}

/* ------------------------------------------------------------------------ */
/* Attribute lists                                                          */
/* ------------------------------------------------------------------------ */

/* Site generators' Markdown gives headings and blocks attributes in
 * braces that the page never shows: "## Results {#results}" (Hugo,
 * Pandoc, markdown-it-attrs: ids, ".classes", key=value) and kramdown's
 * "{: .lead}" on the line after a paragraph, or "{:toc}".  Indexed, they
 * made "results" a heading's word twice and "lead" a word of the text. */

static int attr_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
           c == '.' || c >= 0x80;
}

/* Is S[0..N) an attribute list: "{#id .class key=value key="a b"}", or
 * with KRAMDOWN "{: ...}", whose items may also be reference names
 * ("{:toc}", "{: .a refname}") and which may be an extension ("{::options
 * ... /}")?  Other braces are text: "{1, 2}", "{citation needed}". */
static int attr_list(const char *s, size_t n, int kramdown)
{
    if (n < 3 || s[0] != '{' || s[n - 1] != '}')
        return 0;
    size_t i = 1, end = n - 1, items = 0;
    if (s[i] == ':') {
        if (!kramdown)
            return 0;
        i++;
        if (s[i] == ':') /* an extension: its own syntax */
            return 1;
    } else if (kramdown) {
        return 0;
    }
    for (;;) {
        while (i < end && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i == end)
            return items > 0;
        int mark = s[i] == '#' || s[i] == '.';
        size_t from = i += mark;
        while (i < end && attr_name_char((unsigned char)s[i]))
            i++;
        if (i == from)
            return 0;
        if (!mark && i < end && s[i] == '=') {
            i++;
            if (i < end && (s[i] == '"' || s[i] == '\'')) {
                char q = s[i++];
                while (i < end && s[i] != q)
                    i++;
                if (i++ == end)
                    return 0;
            } else {
                while (i < end && s[i] != ' ' && s[i] != '\t' && s[i] != '"')
                    i++;
            }
        } else if (!mark && !kramdown) {
            return 0; /* a bare word: prose in braces */
        }
        if (i < end && s[i] != ' ' && s[i] != '\t')
            return 0;
        items++;
    }
}

/* The length of heading text S[0..N) without a trailing attribute list
 * (after a space, as Hugo requires; "{: ...}" too). */
static size_t without_attrs(const char *s, size_t n)
{
    size_t end = n;
    while (end && s[end - 1] == ' ')
        end--;
    if (!end || s[end - 1] != '}')
        return n;
    size_t open = end - 1;
    while (open && s[open] != '{')
        open--;
    if (s[open] != '{' || (open && s[open - 1] != ' ') ||
        !(attr_list(s + open, end - open, 0) ||
          attr_list(s + open, end - open, 1)))
        return n;
    while (open && s[open - 1] == ' ')
        open--;
    return open;
}

static int line_edge(cmark_node *n)
{
    if (!n)
        return 1;
    cmark_node_type t = cmark_node_get_type(n);
    return t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK;
}

/* Is text node N a line of its own that is a kramdown attribute list? */
static int attr_line(cmark_node *n)
{
    const char *s = cmark_node_get_literal(n);
    if (!s || !line_edge(cmark_node_previous(n)) ||
        !line_edge(cmark_node_next(n)))
        return 0;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    return attr_list(s, len, 1);
}

/* Is text node N a line of a paragraph, of its own, that reads WHAT
 * (blanks around it)? */
static int line_is(cmark_node *n, const char *what)
{
    const char *s = cmark_node_get_literal(n);
    if (!s ||
        cmark_node_get_type(cmark_node_parent(n)) != CMARK_NODE_PARAGRAPH ||
        !line_edge(cmark_node_previous(n)) || !line_edge(cmark_node_next(n)))
        return 0;
    s += strspn(s, " \t");
    size_t k = strlen(what);
    return !strncmp(s, what, k) && !s[k + strspn(s + k, " \t")];
}

/* Does MD[0..LEN) close a kramdown comment somewhere ("{:/comment}" or
 * "{:/}")?  One that is never closed hides nothing: its opening line
 * alone goes, as an unknown extension does. */
static int comment_closed(const char *md, size_t len)
{
    for (const char *p = md; (p = memchr(p, '{', (size_t)(md + len - p))); p++)
        if ((size_t)(md + len - p) >= 4 &&
            (!strncmp(p, "{:/}", 4) ||
             ((size_t)(md + len - p) >= 11 && !strncmp(p, "{:/comment}", 11))))
            return 1;
    return 0;
}

/* Is TAG (an inline HTML node's text, may be NULL) the start tag of
 * element NAME?  raw_close: an end tag of a script or a style. */
static int raw_open(const char *tag, const char *name)
{
    size_t n = strlen(name);
    return tag && tag[0] == '<' && !strncasecmp(tag + 1, name, n) &&
           (tag[n + 1] == '>' || isspace((unsigned char)tag[n + 1]));
}
static int raw_close(const char *tag)
{
    return tag && (!strncasecmp(tag, "</script", 8) ||
                   !strncasecmp(tag, "</style", 7));
}

/* The break HTML written inside a line owes the text, as the HTML
 * readers break it (ns_html_break): "5<br>Bergen" is two lines, and
 * "drift.<p>Rederiet" two paragraphs, where dropping the tags joined
 * the words on either side into one ("5Bergen").  Comments and other
 * markup that is no element ("<!-- x -->", "<?php") break nothing. */
static void inline_break(struct md *m, const char *tag, int in_heading)
{
    if (!tag || tag[0] != '<')
        return;
    tag += 1 + (tag[1] == '/');
    char name[16];
    size_t n = 0;
    while (n < sizeof name - 1 && isalnum((unsigned char)tag[n]))
        name[n] = tag[n], n++;
    if (!n || isalnum((unsigned char)tag[n]))
        return;
    name[n] = '\0';
    m->gap = ns_html_break(name, m->gap, m->out->len != 0);
    /* A heading is one line, whatever its tags. */
    if (in_heading && m->gap > 1)
        m->gap = 1;
}

int ns_markdown_text(const char *md, size_t len, json_t *headings,
                     ns_buf_t *out)
{
    cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
    if (!doc)
        return -1;
    /* One text node a run of text, so that an attribute list is seen
     * whole ("{: .my_class}" was three nodes). */
    cmark_consolidate_text_nodes(doc);
    cmark_iter *it = cmark_iter_new(doc);
    size_t from = out->len;
    ns_buf_t heading = {0};
    struct md main = {out, out->len ? 3 : 0, 0};
    struct md head = {&heading, 0, 0};
    struct md *m = &main;
    cmark_event_type ev;
    /* Inside a kramdown comment ("{::comment}" to "{:/comment}", Jekyll's
     * Markdown): the page never shows it, so nothing of it is text. */
    int hidden = 0, closed = comment_closed(md, len), raw = 0;
    int table = 0; /* in a table's paragraph: 1, then 2 past its head */
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        int enter = ev == CMARK_EVENT_ENTER;
        if (type == CMARK_NODE_TEXT && closed && !hidden &&
            line_is(n, "{::comment}")) {
            hidden = 1;
            continue;
        }
        if (hidden) {
            if (type == CMARK_NODE_TEXT &&
                (line_is(n, "{:/comment}") || line_is(n, "{:/}")))
                hidden = 0;
            continue;
        }
        /* A script or style written inside a line ("word <script>x()
         * </script> word"): a block of them is HTML_BLOCK, whose text is
         * read as a page's, but inline their content is text nodes. */
        if (type == CMARK_NODE_HTML_INLINE) {
            const char *tag = cmark_node_get_literal(n);
            raw = raw_open(tag, "script") || raw_open(tag, "style")
                      ? 1
                      : (raw && raw_close(tag) ? 0 : raw);
            if (!raw)
                inline_break(m, tag, m == &head);
            continue;
        }
        if (raw && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE ||
                    type == CMARK_NODE_SOFTBREAK))
            continue;
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)
            raw = 0;
        switch (type) {
        case CMARK_NODE_HEADING:
            if (enter) {
                ns_buf_reset(&heading);
                head.gap = 0;
                m = &head;
            } else {
                m = &main;
                /* An attribute list is text after the heading's words; a
                 * code span at the end ("`x {#y}`") is shown as written. */
                cmark_node *last = cmark_node_last_child(n);
                if (!last || cmark_node_get_type(last) == CMARK_NODE_TEXT)
                    heading.len = without_attrs(heading.p, heading.len);
                if (heading.p)
                    heading.p[heading.len] = '\0';
                if (heading.len) {
                    main.gap = 3;
                    put(&main, heading.p, heading.len);
                    main.gap = 3;
                    if (headings)
                        json_array_append_new(
                            headings, json_stringn(heading.p, heading.len));
                }
            }
            break;
        case CMARK_NODE_PARAGRAPH:
            table = enter && table_paragraph(n);
            m->gap = 3;
            break;
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_THEMATIC_BREAK:
            m->gap = 3;
            break;
        case CMARK_NODE_CODE_BLOCK:
            m->gap = 3;
            put_verbatim(m, cmark_node_get_literal(n));
            m->gap = 3;
            break;
        case CMARK_NODE_HTML_BLOCK: {
            /* A block of HTML: its text, without its tags, and its
             * headings (<h2>Where they breed</h2>) the article's, as they
             * are in a feed or a page.  Its lines are the HTML's: a <pre>
             * keeps its own. */
            const char *html = cmark_node_get_literal(n);
            ns_buf_t text = {0};
            if (html &&
                ns_html_markdown_text(html, strlen(html), headings, &text) < 0)
                m->failed = 1;
            m->gap = 3;
            if (text.len)
                put_verbatim(m, text.p);
            m->gap = 3;
            ns_buf_free(&text);
            break;
        }
        case CMARK_NODE_TEXT:
            if (table == 1 && line_end(n, 1) && cmark_node_previous(n) &&
                delimiter_row(cmark_node_get_literal(n))) {
                table = 2; /* the delimiter row: no text */
                break;
            }
            if (!attr_line(n))
                put_gfm(m, n, table);
            break;
        case CMARK_NODE_CODE:
            put_str(m, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
            if (m->gap < (table ? 2 : 1))
                m->gap = table ? 2 : 1; /* a table's row is a line */
            /* A line ending in a hyphen stays a line: "interna-\ntional"
             * is a word broken there (line-breaks.cc), and "interna-
             * tional" would be two. */
            if (m->gap < 2 && hyphen_end(m->out))
                m->gap = 2;
            break;
        case CMARK_NODE_LINEBREAK:
            if (m->gap < 2)
                m->gap = 2;
            break;
        default: /* emphasis, links, images: their children are the text;
                    inline HTML: dropped */
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    ns_buf_free(&heading);
    /* CommonMark reads "&#146;" as U+0092, a control; its writer meant
     * U+2019, as HTML reads it (charset.c), and so do the file's HTML
     * blocks (html.c): the same reference reads the same in both. */
    if (ns_c1_to_windows1252(out, from) < 0 ||
        (headings && ns_json_c1_to_windows1252(headings) < 0))
        return -1;
    return main.failed || head.failed ? -1 : 0;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

/* Markup characters that make a line worth parsing; a plain title is
 * left exactly as written. */
static int has_markup(const char *s)
{
    return strpbrk(s, "*_`[]<>&\\!~") != NULL;
}

int ns_markdown_finish(ns_article_t *art, char *err, size_t err_size)
{
    json_t *list = json_array();
    ns_buf_t plain = {0}, body = {0}, title = {0};
    int rc = -1;
    if (!list ||
        ns_markdown_untemplate(art->body, strlen(art->body), &plain) < 0 ||
        ns_markdown_text(plain.p ? plain.p : "", plain.len, list, &body) < 0) {
        snprintf(err, err_size, "out of memory");
        goto out;
    }
    if (art->title && has_markup(art->title)) {
        if (ns_markdown_text(art->title, strlen(art->title), NULL, &title) <
            0) {
            snprintf(err, err_size, "out of memory");
            goto out;
        }
        for (size_t i = 0; i < title.len; i++)
            if (title.p[i] == '\n')
                title.p[i] = ' ';
        free(art->title);
        art->title = strdup(title.p ? title.p : "");
    }
    free(art->body);
    art->body = strdup(body.p ? body.p : "");
    json_t *heads = list;
    free_list(art->headings, art->n_headings);
    art->headings = NULL;
    art->n_headings = 0;
    if (heads && json_array_size(heads)) {
        art->headings = calloc(json_array_size(heads), sizeof *art->headings);
        if (!art->headings) {
            snprintf(err, err_size, "out of memory");
            goto out;
        }
        size_t i;
        json_t *v;
        json_array_foreach(heads, i, v)
        {
            if (!(art->headings[i] = strdup(json_string_value(v)))) {
                snprintf(err, err_size, "out of memory");
                goto out;
            }
            art->n_headings = i + 1;
        }
    }
    if (!art->title || !art->body) {
        snprintf(err, err_size, "out of memory");
        goto out;
    }
    /* cmark turns "&shy;" into a soft hyphen and "&#1;" or "&#129;" into
     * a control character, which article.c leaves out of every other text
     * or turns into a space (ns_clean_dup). */
    ns_clean_in_place(art->title);
    ns_clean_in_place(art->body);
    for (size_t i = 0; i < art->n_headings; i++)
        ns_clean_in_place(art->headings[i]);
    if (!*art->title && !*art->body) {
        snprintf(err, err_size, "missing title and body");
        goto out;
    }
    rc = 0;
out:
    json_decref(list);
    ns_buf_free(&plain);
    ns_buf_free(&body);
    ns_buf_free(&title);
    return rc;
}
