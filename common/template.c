/* template.c - Template tags in Markdown bodies.
 *
 * Static site generators run a template language over a Markdown file:
 * Jekyll and Eleventy run Liquid ("{% include x %}", "{{ page.title }}"),
 * Eleventy also Nunjucks, and Hugo its shortcodes ("{{< youtube id >}}",
 * "{{% notice %}}...{{% /notice %}}").  A reader sees what they render
 * to, never the tags, so the tags are no text to index: this pass drops
 * them from the body before cmark reads it (markdown.c) and keeps what a
 * reader sees of them: the text between a paired shortcode's tags, the
 * caption of a figure, a highlight block as code, a raw block as written.
 * Code blocks, <pre> blocks and code spans are left as written: an article
 * about these generators shows its examples there.  The URL that "{{< ref >}}"
 * or Jekyll's link tag writes goes too, so "[text]({{< ref "x.md" >}})" is a
 * link whose text stays. */
#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */
/* ------------------------------------------------------------------------ */

/* The closing delimiters of the tags (find_closer keeps where each was
 * last found). */
enum { C_SHORT_LT, C_SHORT_PCT, C_ESC_LT, C_ESC_PCT, C_EXPR, C_TAG, C_N };
static const char *const CLOSERS[C_N] = {">}}",   "%}}", "*/>}}",
                                         "*/%}}", "}}",  "%}"};

/* Paired tags whose closing tag is looked for; once one is missing, it
 * is missing after every later opening too. */
enum {
    P_RAW,
    P_COMMENT,
    P_HIGHLIGHT,
    P_SC_COMMENT,
    P_SC_HIGHLIGHT,
    P_SC_QR,
    P_N
};

struct scan {
    const char *s;
    size_t n;
    size_t n_lines;
    size_t *start;         /* per line: its offset; start[n_lines] == n */
    size_t *stop;          /* per line: where a tag begun on it must end */
    unsigned char *code;   /* per line: in a code block */
    size_t find_from[C_N]; /* the closers' last search: from where */
    size_t find_at[C_N];   /* ... and what it found (n: none) */
    size_t tick_fail[65];  /* no closing run of N backticks before this */
    int no_close[P_N];
    ns_buf_t *out;
    int failed;
};

/* cmark's line ends: "\n", "\r\n" or "\r". */
static size_t line_end(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != '\n' && s[i] != '\r')
        i++;
    return i;
}

static int blank_line(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* A code block, or a block of HTML that is one: "<pre>...</pre>". */
static int is_code(cmark_node *node)
{
    cmark_node_type type = cmark_node_get_type(node);
    const char *html = cmark_node_get_literal(node);
    return type == CMARK_NODE_CODE_BLOCK ||
           (type == CMARK_NODE_HTML_BLOCK && html &&
            strncasecmp(html, "<pre", 4) == 0 &&
            (html[4] == '>' || isspace((unsigned char)html[4])));
}

/* The lines of the body, which of them cmark reads as code, and how far a
 * tag may run: to the next blank or code line, as a paragraph does. */
static int split_lines(struct scan *sc)
{
    const char *s = sc->s;
    size_t n = sc->n, lines = 1;
    for (size_t i = line_end(s, n, 0); i < n; i = line_end(s, n, i)) {
        i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        lines++;
    }
    sc->n_lines = lines;
    sc->start = malloc((lines + 1) * sizeof *sc->start);
    sc->stop = malloc(lines * sizeof *sc->stop);
    sc->code = calloc(lines, 1);
    unsigned char *blank = calloc(lines, 1);
    if (!sc->start || !sc->stop || !sc->code || !blank) {
        free(blank);
        return -1;
    }
    size_t l = 0, i = 0;
    for (;;) {
        size_t e = line_end(s, n, i);
        sc->start[l] = i;
        blank[l] = blank_line(s, i, e) && (l + 1 < lines || e > i);
        if (e >= n)
            break;
        i = e + (s[e] == '\r' && e + 1 < n && s[e + 1] == '\n' ? 2 : 1);
        l++;
    }
    sc->start[lines] = n;
    cmark_node *doc = cmark_parse_document(s, n, CMARK_OPT_DEFAULT);
    if (!doc) {
        free(blank);
        return -1;
    }
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || !is_code(node))
            continue;
        int first = cmark_node_get_start_line(node);
        int last = cmark_node_get_end_line(node);
        if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
            /* cmark 0.30 gives a block of HTML that ends on its first line
             * an end before its start: count its lines instead. */
            const char *html = cmark_node_get_literal(node);
            size_t len = strlen(html), at = line_end(html, len, 0);
            for (last = first; at + 1 < len; at = line_end(html, len, at)) {
                at += html[at] == '\r' && html[at + 1] == '\n' ? 2 : 1;
                if (at < len)
                    last++;
            }
        }
        for (int k = first; k <= last; k++)
            if (k >= 1 && (size_t)k <= lines)
                sc->code[k - 1] = 1;
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    sc->stop[lines - 1] = n;
    for (size_t k = lines - 1; k-- > 0;)
        sc->stop[k] = sc->code[k + 1] || blank[k + 1] ? sc->start[k + 1]
                                                      : sc->stop[k + 1];
    free(blank);
    return 0;
}

/* The line of offset I. */
static size_t line_of(const struct scan *sc, size_t i)
{
    size_t lo = 0, hi = sc->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->start[mid] <= i)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The first closer C at or after FROM, or n.  The last answer is kept, so
 * a long paragraph full of "{{" and no "}}" is read once, not once per
 * "{{". */
static size_t find_closer(struct scan *sc, int c, size_t from)
{
    if (sc->find_from[c] <= from && sc->find_at[c] >= from)
        return sc->find_at[c];
    const char *pat = CLOSERS[c];
    size_t len = strlen(pat), at = sc->n;
    for (size_t i = from; i + len <= sc->n; i++) {
        const char *p = memchr(sc->s + i, pat[0], sc->n - len + 1 - i);
        if (!p)
            break;
        i = (size_t)(p - sc->s);
        if (memcmp(p, pat, len) == 0) {
            at = i;
            break;
        }
    }
    sc->find_from[c] = from;
    sc->find_at[c] = at;
    return at;
}

/* ------------------------------------------------------------------------ */
/* Tags                                                                     */
/* ------------------------------------------------------------------------ */

enum { T_EXPR, T_TAG, T_SHORTCODE, T_ESCAPED };

struct tag {
    int kind;              /* T_... */
    char delim;            /* a shortcode's '<' or '%' */
    const char *name;      /* T_TAG and T_SHORTCODE */
    size_t name_len;       /* ... */
    int closing;           /* "{{< /name >}}" */
    int self_closing;      /* "{{< name />}}" */
    size_t args, args_end; /* after the name; T_ESCAPED: the inner text */
    size_t len;            /* of the whole tag */
};

static int name_char(int c, int shortcode)
{
    return isalnum(c) || c == '_' || (shortcode && (c == '-' || c == '/'));
}

static size_t skip_space(const char *s, size_t i, size_t end)
{
    while (i < end && isspace((unsigned char)s[i]))
        i++;
    return i;
}

/* "{{ .Title }}", "{{- x -}}" or "{{site.title}}": an expression with a
 * space inside its braces, or a bare name with a dot or "$" (".Title",
 * "$x", "page.url").  "{{citation needed}}" and "{{1, 2}}" are text. */
static int is_expression(const char *s, size_t from, size_t to)
{
    if (from < to && s[from] == '-')
        from++;
    if (to > from && s[to - 1] == '-')
        to--;
    if (from >= to)
        return 0;
    if (isspace((unsigned char)s[from]))
        return skip_space(s, from, to) < to;
    if (s[from] == '/' && from + 1 < to && s[from + 1] == '*')
        return 1; /* a Go template comment */
    int dotted = s[from] == '.' || s[from] == '$';
    size_t i = from + dotted;
    if (i >= to || !(isalpha((unsigned char)s[i]) || s[i] == '_'))
        return 0;
    for (; i < to; i++) {
        if (s[i] == '.')
            dotted = 1;
        else if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return 0;
    }
    return dotted;
}

/* Parse the tag at S[I] == '{', which must end before STOP.  Returns 0 if
 * there is none. */
static int parse_tag(struct scan *sc, size_t i, size_t stop, struct tag *t)
{
    const char *s = sc->s;
    memset(t, 0, sizeof *t);
    if (i + 1 >= stop)
        return 0;
    if (s[i + 1] == '{' && i + 2 < stop &&
        (s[i + 2] == '<' || s[i + 2] == '%')) {
        char d = s[i + 2];
        size_t j = i + 3, close;
        t->delim = d;
        if (j + 1 < stop && s[j] == '/' && s[j + 1] == '*') {
            close = find_closer(sc, d == '<' ? C_ESC_LT : C_ESC_PCT, j + 2);
            if (close >= stop)
                return 0;
            t->kind = T_ESCAPED;
            t->args = j + 2;
            t->args_end = close;
            t->len = close + 5 - i;
            return 1;
        }
        j = skip_space(s, j, stop);
        if (j < stop && s[j] == '/') {
            t->closing = 1;
            j = skip_space(s, j + 1, stop);
        }
        t->name = s + j;
        while (j < stop && name_char((unsigned char)s[j], 1))
            j++;
        t->name_len = (size_t)(s + j - t->name);
        while (t->name_len && t->name[t->name_len - 1] == '/')
            t->name_len--; /* "{{<name/>}}" */
        if (!t->name_len || !isalnum((unsigned char)t->name[0]))
            return 0;
        close = find_closer(sc, d == '<' ? C_SHORT_LT : C_SHORT_PCT, j);
        if (close >= stop ||
            (close > j && !isspace((unsigned char)s[j]) && s[j] != '/'))
            return 0;
        t->kind = T_SHORTCODE;
        t->self_closing = close > j && s[close - 1] == '/';
        t->args = j;
        t->args_end = close - t->self_closing;
        t->len = close + 3 - i;
        return 1;
    }
    if (s[i + 1] == '{') {
        size_t close = find_closer(sc, C_EXPR, i + 2);
        if (close >= stop || !is_expression(s, i + 2, close))
            return 0;
        t->kind = T_EXPR;
        t->len = close + 2 - i;
        return 1;
    }
    if (s[i + 1] != '%')
        return 0;
    size_t j = i + 2;
    if (j < stop && s[j] == '-')
        j++;
    j = skip_space(s, j, stop);
    t->name = s + j;
    while (j < stop && name_char((unsigned char)s[j], 0))
        j++;
    t->name_len = (size_t)(s + j - t->name);
    if (!t->name_len || isdigit((unsigned char)t->name[0]) || j >= stop ||
        (!isspace((unsigned char)s[j]) && s[j] != '-' && s[j] != '%'))
        return 0;
    size_t close = find_closer(sc, C_TAG, j);
    if (close >= stop)
        return 0;
    t->kind = T_TAG;
    t->args = j;
    t->args_end = close;
    t->len = close + 2 - i;
    return 1;
}

static int name_is(const struct tag *t, const char *name)
{
    return strlen(name) == t->name_len && !memcmp(t->name, name, t->name_len);
}

/* The closing tag of T at or after FROM, outside code: "{% endNAME %}"
 * for a Liquid tag, "{{< /NAME >}}" or "{{% /NAME %}}" for a shortcode.
 * Returns its offset and sets *LEN, or returns n. */
static size_t find_closing(struct scan *sc, const struct tag *t, int pair,
                           size_t from, size_t *len)
{
    if (sc->no_close[pair])
        return sc->n;
    for (size_t i = from; i < sc->n; i++) {
        const char *p = memchr(sc->s + i, '{', sc->n - i);
        if (!p)
            break;
        i = (size_t)(p - sc->s);
        size_t l = line_of(sc, i);
        struct tag c;
        if (sc->code[l] || !parse_tag(sc, i, sc->stop[l], &c))
            continue;
        int match = t->kind == T_TAG
                        ? c.kind == T_TAG && c.name_len == t->name_len + 3 &&
                              !memcmp(c.name, "end", 3) &&
                              !memcmp(c.name + 3, t->name, t->name_len)
                        : c.kind == T_SHORTCODE && c.closing &&
                              c.name_len == t->name_len &&
                              !memcmp(c.name, t->name, t->name_len);
        if (match) {
            *len = c.len;
            return i;
        }
    }
    sc->no_close[pair] = 1;
    return sc->n;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                   */
/* ------------------------------------------------------------------------ */

static void put(struct scan *sc, const char *s, size_t n)
{
    if (ns_buf_append(sc->out, s, n) < 0)
        sc->failed = 1;
}

/* S (N bytes) as a fenced code block, with a fence longer than any run of
 * '~' in it. */
static void put_code(struct scan *sc, const char *s, size_t n)
{
    size_t run = 0, longest = 2;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '~' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    char fence[2 + 64];
    size_t f = longest + 1 < sizeof fence - 2 ? longest + 1 : sizeof fence - 2;
    fence[0] = '\n';
    memset(fence + 1, '~', f);
    fence[f + 1] = '\n';
    put(sc, fence, f + 2);
    put(sc, s, n);
    put(sc, fence, f + 2);
}

/* The attributes of a shortcode that a reader sees, in this order. */
static const struct {
    const char *shortcode;
    const char *attrs[4];
} VISIBLE[] = {
    {"figure", {"title", "caption", "attr", "alt"}},
    {"details", {"summary"}},
    {"youtube", {"title"}},
    {"vimeo", {"title"}},
    {"qr", {"alt"}},
};

/* The value of attribute NAME in a shortcode's ARGS (S[from, to)):
 * name="text" (with \" for a quote), name=`text` or name=word.  Returns
 * its start, with its length in *LEN and whether it is quoted in *QUOTE,
 * or NULL. */
static const char *attr_value(const char *s, size_t from, size_t to,
                              const char *name, size_t *len, char *quote)
{
    size_t name_len = strlen(name), i = skip_space(s, from, to);
    while (i < to) {
        size_t k = i;
        while (k < to && (isalnum((unsigned char)s[k]) || s[k] == '_'))
            k++;
        int named = k < to && s[k] == '=';
        int wanted = named && k - i == name_len && !memcmp(s + i, name, k - i);
        size_t v = named ? k + 1 : i, e;
        char q = v < to && (s[v] == '"' || s[v] == '`') ? s[v] : 0;
        if (q) {
            for (e = v + 1; e < to && s[e] != q; e++)
                if (q == '"' && s[e] == '\\' && e + 1 < to)
                    e++;
            v++;
        } else {
            for (e = v; e < to && !isspace((unsigned char)s[e]); e++)
                ;
        }
        if (wanted) {
            *len = (e < to ? e : to) - v;
            *quote = q;
            return s + v;
        }
        i = skip_space(s, e + (q && e < to), to);
    }
    return NULL;
}

/* What a reader sees of shortcode T: the attributes VISIBLE lists, each
 * a paragraph of its own when the tag stands alone on its line. */
static void put_visible(struct scan *sc, const struct tag *t, int alone)
{
    for (size_t k = 0; k < sizeof VISIBLE / sizeof *VISIBLE; k++) {
        if (!name_is(t, VISIBLE[k].shortcode))
            continue;
        const char *seen[4] = {0};
        size_t seen_len[4] = {0};
        for (size_t a = 0; a < 4 && VISIBLE[k].attrs[a]; a++) {
            size_t len;
            char q;
            const char *v = attr_value(sc->s, t->args, t->args_end,
                                       VISIBLE[k].attrs[a], &len, &q);
            int again = 0;
            for (size_t b = 0; v && b < a; b++)
                again |=
                    seen[b] && seen_len[b] == len && !memcmp(seen[b], v, len);
            if (!v || !len || again)
                continue; /* the alt text is often the caption again */
            seen[a] = v;
            seen_len[a] = len;
            put(sc, alone ? "\n\n" : " ", alone ? 2 : 1);
            for (size_t i = 0; i < len; i++)
                if (!(q == '"' && v[i] == '\\' && i + 1 < len &&
                      v[i + 1] == '"'))
                    put(sc, v + i, 1);
            put(sc, alone ? "\n\n" : " ", alone ? 2 : 1);
        }
    }
}

/* Whether the tag S[i, end) stands alone on its line. */
static int alone_on_line(const struct scan *sc, size_t i, size_t end)
{
    size_t b = i;
    while (b > 0 && (sc->s[b - 1] == ' ' || sc->s[b - 1] == '\t'))
        b--;
    if (b > 0 && sc->s[b - 1] != '\n' && sc->s[b - 1] != '\r')
        return 0;
    size_t e = line_end(sc->s, sc->n, end);
    return blank_line(sc->s, end, e);
}

/* Write what the tag T at I stands for; returns where reading goes on. */
static size_t apply(struct scan *sc, const struct tag *t, size_t i)
{
    const char *s = sc->s;
    size_t after = i + t->len, close_len = 0, close;
    if (t->kind == T_ESCAPED) {
        /* A shortcode escaped Hugo's way, with a Go comment's delimiters
         * inside its own, shows as the tag itself. */
        const char open[] = {'{', '{', t->delim};
        const char end[] = {t->delim == '<' ? '>' : '%', '}', '}'};
        put(sc, open, 3);
        put(sc, s + t->args, t->args_end - t->args);
        put(sc, end, 3);
        return after;
    }
    if (t->kind == T_EXPR || t->closing)
        return after;
    int liquid = t->kind == T_TAG;
    int pair = -1;
    if (name_is(t, "raw") && liquid)
        pair = P_RAW;
    else if (name_is(t, "comment"))
        pair = liquid ? P_COMMENT : P_SC_COMMENT;
    else if (name_is(t, "highlight"))
        pair = liquid ? P_HIGHLIGHT : P_SC_HIGHLIGHT;
    else if (name_is(t, "qr") && !liquid)
        pair = P_SC_QR;
    if (!liquid)
        put_visible(sc, t, alone_on_line(sc, i, after));
    if (pair < 0 || t->self_closing ||
        (close = find_closing(sc, t, pair, after, &close_len)) >= sc->n)
        return after; /* the tag goes, what follows it stays */
    if (pair == P_RAW)
        put(sc, s + after, close - after);
    else if (pair == P_HIGHLIGHT || pair == P_SC_HIGHLIGHT)
        put_code(sc, s + after, close - after);
    /* A comment, and the text a QR code encodes, are not shown. */
    return close + close_len;
}

/* The end of the code span opened by the run of K backticks at I, or 0
 * when there is none before STOP and the run is text. */
static size_t code_span_end(struct scan *sc, size_t i, size_t k, size_t stop)
{
    if (k >= sizeof sc->tick_fail / sizeof *sc->tick_fail ||
        sc->tick_fail[k] > i)
        return 0;
    for (size_t p = i + k; p < stop;) {
        const char *q = memchr(sc->s + p, '`', stop - p);
        if (!q)
            break;
        size_t r = 0;
        p = (size_t)(q - sc->s);
        while (p + r < stop && sc->s[p + r] == '`')
            r++;
        if (r == k)
            return p + r;
        p += r;
    }
    sc->tick_fail[k] = stop;
    return 0;
}

int ns_markdown_untemplate(const char *md, size_t len, ns_buf_t *out)
{
    struct scan sc = {.s = md, .n = len, .out = out};
    int any = 0;
    for (size_t i = 0; i + 1 < len && !any; i++)
        any = md[i] == '{' && (md[i + 1] == '{' || md[i + 1] == '%');
    if (!any)
        return ns_buf_append(out, md, len);
    if (split_lines(&sc) < 0) {
        sc.failed = 1;
        goto out;
    }
    for (int c = 0; c < C_N; c++)
        sc.find_from[c] = (size_t)-1;
    size_t i = 0, l = 0;
    while (i < len && !sc.failed) {
        while (l + 1 < sc.n_lines && sc.start[l + 1] <= i)
            l++;
        size_t next_line = sc.start[l + 1];
        if (sc.code[l]) {
            put(&sc, md + i, next_line - i);
            i = next_line;
            continue;
        }
        size_t j = i;
        while (j < next_line && md[j] != '\\' && md[j] != '`' && md[j] != '{')
            j++;
        put(&sc, md + i, j - i);
        i = j;
        if (i >= next_line)
            continue;
        struct tag t;
        if (md[i] == '\\') {
            /* "\{{ x }}" is an escaped brace, and text. */
            size_t k = i + 1 < len && ispunct((unsigned char)md[i + 1]) ? 2 : 1;
            put(&sc, md + i, k);
            i += k;
        } else if (md[i] == '`') {
            size_t k = 0, end;
            while (i + k < len && md[i + k] == '`')
                k++;
            end = code_span_end(&sc, i, k, sc.stop[l]);
            put(&sc, md + i, (end ? end : i + k) - i);
            i = end ? end : i + k;
        } else if (parse_tag(&sc, i, sc.stop[l], &t)) {
            i = apply(&sc, &t, i);
        } else {
            put(&sc, md + i, 1);
            i++;
        }
    }
out:
    free(sc.start);
    free(sc.stop);
    free(sc.code);
    return sc.failed ? -1 : 0;
}
