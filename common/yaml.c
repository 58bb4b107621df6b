/* yaml.c - The YAML of front matter, as far as Jekyll and Hugo sites write
 * it: "key: value" lines whose value is a plain, 'single' or "double"
 * quoted scalar (which may go on over more indented lines), a flow list
 * ("[a, 'b, c']"), a block list ("- item" lines under the key) or a block
 * scalar ("|" literal or ">" folded, then indented lines).  A key whose
 * value is a mapping (indented "key: value" lines, or "{...}") is passed
 * over: nothing in one is an article field; the keys of a top-level
 * block mapping are passed on as "parent.child" for Hugo's build options
 * ("_build:" then "  render: never"), and a line there that does not read
 * ends the mapping, no error.  An anchor or a tag before a value is
 * passed over, an alias is no value, and several documents are not
 * read.
 *
 * A "#" after a space or a tab starts a comment, as in YAML, after a
 * plain value too ("draft: true # embargo" is true); one inside a word
 * ("C#", "issue#5") or inside quotes is text.
 *
 * Leniencies keep what nsearch has always read: a plain value may hold
 * ": " ("title: Colon in value: yes"), a value that starts like a quoted
 * scalar, a list or a block scalar but is none ('title: "Heart Lamp"
 * wins', "{Breaking} Storm hits") is plain text as written, and so is a
 * backslash that starts no escape.  A line outside all this (no "key:", a
 * key indented under a key with a value, a block scalar line less
 * indented than its first) is an error on its line. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "frontmatter.h"
#include "ingest.h"

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */
/* ------------------------------------------------------------------------ */

struct cursor {
    const char *p, *end; /* the text not yet read */
    unsigned no;         /* the line number of the line at P */
};

struct line {
    const char *s; /* the text after the indentation, without CR LF */
    size_t len;
    size_t indent; /* leading spaces and tabs */
    unsigned no;
    int blank; /* nothing but white space */
};

static int next_line(struct cursor *c, struct line *l)
{
    if (c->p >= c->end)
        return 0;
    const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
    const char *e = nl ? nl : c->end;
    const char *s = c->p;
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    l->indent = (size_t)(s - c->p);
    l->s = s;
    while (e > s && isspace((unsigned char)e[-1]))
        e--;
    l->len = (size_t)(e - s);
    l->blank = l->len == 0;
    l->no = c->no++;
    c->p = nl ? nl + 1 : c->end;
    return 1;
}

static int is_comment(const struct line *l)
{
    return !l->blank && l->s[0] == '#';
}

/* "- item" or a lone "-". */
static int is_item(const struct line *l)
{
    return !l->blank && l->s[0] == '-' &&
           (l->len == 1 || l->s[1] == ' ' || l->s[1] == '\t');
}

/* A plain text that reads as a mapping's key ("name: x", "name:"). */
static int looks_like_key(const char *s, size_t len)
{
    if (!len || s[0] == '"' || s[0] == '\'')
        return 0;
    if (s[len - 1] == ':')
        return 1;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == ':' && (s[i + 1] == ' ' || s[i + 1] == '\t'))
            return 1;
    return 0;
}

/* The length of the plain text S (LEN bytes) before its comment, without
 * the white space before that: YAML starts a comment at a "#" after a
 * space or a tab ("draft: true # embargo", "lang: nb\t# bokmaal"), and a
 * "#" in a word is text ("C#", "issue#5").  A text that only starts like
 * a quoted scalar ('"Heart #1" wins') keeps the "#" inside its quotes. */
static size_t before_comment(const char *s, size_t len)
{
    size_t i = 0;
    if (len && (s[0] == '"' || s[0] == '\'')) {
        const char *q = memchr(s + 1, s[0], len - 1);
        if (q)
            i = (size_t)(q - s) + 1;
    }
    for (; i < len; i++)
        if (s[i] == '#' && i && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
            len = i;
            break;
        }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return len;
}

/* Past YAML's node properties at S[*I] (N bytes), and the white space
 * after them: an anchor ("&t"), which names the value for an alias, and
 * a tag ("!!str", "!local", "!<tag:yaml.org,2002:str>"), which says its
 * type.  Neither is text of the value: "title: &t Harbour news" was the
 * title "&t Harbour news", and "tags: !!seq [a, b]" the tags "!!seq [a"
 * and "b]".  A tag's type is not kept: "!!str 2024" is the text 2024, as
 * a plain 2024 is. */
static void properties(const char *s, size_t n, size_t *i)
{
    for (int k = 0; k < 2 && *i < n && (s[*i] == '&' || s[*i] == '!'); k++) {
        size_t j = *i + 1;
        if (s[*i] == '!' && j < n && s[j] == '<') {
            const char *gt = memchr(s + j, '>', n - j);
            j = gt ? (size_t)(gt - s) + 1 : n;
        } else {
            while (j < n && !isspace((unsigned char)s[j]) &&
                   !strchr(",[]{}", s[j]))
                j++;
        }
        /* "& co" and "&," are text: an anchor has a name. */
        if (s[*i] == '&' && j == *i + 1)
            return;
        if (j < n && !isspace((unsigned char)s[j]) && !strchr(",[]{}", s[j]))
            return;
        *i = j;
        while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
            (*i)++;
    }
}

/* Non-zero if the plain text S (LEN bytes, its comment included) is an
 * alias ("*t"), the value of an anchor elsewhere: no value is read for
 * it.  "*Updated* figures" is text. */
static int is_alias(const char *s, size_t len)
{
    len = before_comment(s, len);
    if (len < 2 || s[0] != '*')
        return 0;
    for (size_t i = 1; i < len; i++)
        if (isspace((unsigned char)s[i]) || strchr(",[]{}", s[i]))
            return 0;
    return 1;
}

static int oom(char *err, size_t err_size)
{
    ns_set_err(err, err_size, "out of memory");
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Quoted scalars                                                           */
/* ------------------------------------------------------------------------ */

static int hex_value(const char *s, size_t n, unsigned long *out)
{
    unsigned long v = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (!isxdigit(c))
            return -1;
        v = v * 16 +
            (unsigned long)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
    }
    *out = v;
    return 0;
}

/* The escape after a backslash at S[*I] in a double-quoted scalar, into
 * OUT; advances *I past it.  Returns 1, with nothing done, for what is no
 * escape ("C:\Users"): the caller keeps it as written. */
static int escape(const char *s, size_t n, size_t *i, ns_buf_t *out, char *err,
                  size_t err_size)
{
    /* The one-letter escapes and what they stand for, pair by pair. */
    static const char from[] = "0abt\tnvfre \"/\\";
    static const char to[] = "\0\a\b\t\t\n\v\f\r\x1b \"/\\";
    char e = s[*i];
    const char *hit = memchr(from, e, sizeof from - 1);
    if (hit) {
        (*i)++;
        return ns_buf_putc(out, to[hit - from]) < 0 ? oom(err, err_size) : 0;
    }
    unsigned long cp;
    size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (e == 'N' || e == '_' || e == 'L' || e == 'P') {
        cp = e == 'N' ? 0x85 : e == '_' ? 0xa0 : e == 'L' ? 0x2028 : 0x2029;
        (*i)++;
    } else if (digits && *i + 1 + digits <= n &&
               hex_value(s + *i + 1, digits, &cp) == 0 &&
               !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff) {
        *i += 1 + digits;
    } else {
        return 1;
    }
    return ns_fm_put_utf8(out, cp) < 0 ? oom(err, err_size) : 0;
}

/* The quoted scalar starting at S[*I] (a ' or ") into OUT, with *I left
 * after its closing quote.  S is the scalar's lines joined by "\n", each
 * without its indentation: a line break is a space, and each empty line
 * a newline, as YAML folds them.  Returns 0, 1 if the quote is not closed,
 * or -1 when out of memory. */
static int quoted(const char *s, size_t n, size_t *i, ns_buf_t *out, char *err,
                  size_t err_size)
{
    char q = s[(*i)++];
    while (*i < n) {
        char c = s[*i];
        if (c == q) {
            if (q == '\'' && *i + 1 < n && s[*i + 1] == '\'') {
                *i += 2;
                if (ns_buf_putc(out, '\'') < 0)
                    return oom(err, err_size);
                continue;
            }
            (*i)++;
            return 0;
        }
        if (c == '\n') {
            size_t breaks = 0;
            while (*i < n && s[*i] == '\n')
                (*i)++, breaks++;
            for (size_t k = 0; k < (breaks > 1 ? breaks - 1 : 1); k++)
                if (ns_buf_putc(out, breaks > 1 ? '\n' : ' ') < 0)
                    return oom(err, err_size);
            continue;
        }
        if (q == '"' && c == '\\') {
            (*i)++;
            if (*i < n && s[*i] == '\n') { /* an escaped line break */
                (*i)++;
                continue;
            }
            if (*i >= n)
                break;
            int rc = escape(s, n, i, out, err, err_size);
            if (rc < 0)
                return -1;
            if (rc > 0 && ns_buf_putc(out, '\\') < 0)
                return oom(err, err_size);
            continue;
        }
        if (ns_buf_putc(out, c) < 0)
            return oom(err, err_size);
        (*i)++;
    }
    return 1;
}

/* Non-zero if S[I..N) is only white space and comments. */
static int only_comments(const char *s, size_t n, size_t i)
{
    while (i < n) {
        if (s[i] == '#') {
            while (i < n && s[i] != '\n')
                i++;
        } else if (!isspace((unsigned char)s[i])) {
            return 0;
        } else {
            i++;
        }
    }
    return 1;
}

/* FIRST and the lines of [CONT, END) joined by "\n", each trimmed: the
 * text a quoted scalar or a flow list spans. */
static int join_lines(const char *first, size_t flen, struct cursor cont,
                      ns_buf_t *out)
{
    struct line l;
    if (ns_buf_append(out, first, flen) < 0)
        return -1;
    while (next_line(&cont, &l))
        if (ns_buf_putc(out, '\n') < 0 || ns_buf_append(out, l.s, l.len) < 0)
            return -1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Scalars                                                                  */
/* ------------------------------------------------------------------------ */

/* A block scalar: HEAD is "|" or ">" with its indicators ("|-", ">+2",
 * "> # note"), CONT its lines, PARENT the indentation of its key.  Returns
 * 0, 1 if HEAD is no block scalar header, or -1 with ERR. */
static int block_scalar(const char *head, size_t hlen, struct cursor cont,
                        size_t parent, ns_buf_t *out, char *err,
                        size_t err_size, unsigned *err_line)
{
    int folded = head[0] == '>', chomp = 0; /* -1 strip, 0 clip, 1 keep */
    size_t indent = 0, i = 1;
    for (; i < hlen && i < 3; i++) {
        if ((head[i] == '-' || head[i] == '+') && !chomp)
            chomp = head[i] == '-' ? -1 : 1;
        else if (head[i] >= '1' && head[i] <= '9' && !indent)
            indent = parent + (size_t)(head[i] - '0');
        else
            break;
    }
    if (i < hlen &&
        !(isspace((unsigned char)head[i]) && only_comments(head, hlen, i)))
        return 1; /* no block scalar: ">_<" is plain text */
    struct line l;
    size_t empty = 0;
    int had = 0, prev_more = 0;
    while (next_line(&cont, &l)) {
        if (l.blank) {
            empty++;
            continue;
        }
        if (!indent)
            indent = l.indent;
        if (l.indent < indent) {
            *err_line = l.no;
            ns_set_err(err, err_size,
                       "block scalar line is less indented than its first");
            return -1;
        }
        const char *text = l.s - (l.indent - indent);
        int more = text[0] == ' ' || text[0] == '\t';
        /* Folding joins two ordinary lines with a space; an empty line
         * between them stands for one newline, and lines indented more
         * than the block keep their breaks. */
        int rc = 0;
        if (had && folded && !prev_more && !more && !empty)
            rc = ns_buf_putc(out, ' ');
        else
            for (size_t k = 0;
                 k < empty + (had && (!folded || prev_more || more || !empty));
                 k++)
                rc |= ns_buf_putc(out, '\n');
        if (rc < 0 ||
            ns_buf_append(out, text, (size_t)(l.s + l.len - text)) < 0)
            return oom(err, err_size);
        had = 1;
        prev_more = more;
        empty = 0;
    }
    if (had && chomp >= 0 && ns_buf_putc(out, '\n') < 0)
        return oom(err, err_size);
    for (size_t k = 0; chomp > 0 && k < empty; k++)
        if (ns_buf_putc(out, '\n') < 0)
            return oom(err, err_size);
    return 0;
}

/* A plain scalar: FIRST, then the lines of CONT folded into it (a line
 * break is a space, an empty line a newline), each without its comment. */
static int plain_scalar(const char *first, size_t flen, struct cursor cont,
                        ns_buf_t *out, char *err, size_t err_size,
                        unsigned *err_line)
{
    struct line l;
    size_t empty = 0;
    flen = before_comment(first, flen);
    int had = flen > 0;
    if (ns_buf_append(out, first, flen) < 0)
        return oom(err, err_size);
    while (next_line(&cont, &l)) {
        if (l.blank) {
            empty++;
            continue;
        }
        if (is_comment(&l))
            continue;
        l.len = before_comment(l.s, l.len);
        if (looks_like_key(l.s, l.len)) {
            *err_line = l.no;
            ns_set_err(err, err_size,
                       "'key: value' line indented under a key that has a "
                       "value");
            return -1;
        }
        int rc = 0;
        if (had && !empty)
            rc = ns_buf_putc(out, ' ');
        for (size_t k = 0; had && k < empty; k++)
            rc |= ns_buf_putc(out, '\n');
        if (rc < 0 || ns_buf_append(out, l.s, l.len) < 0)
            return oom(err, err_size);
        had = 1;
        empty = 0;
    }
    return 0;
}

/* Is the plain scalar S (N bytes) one of YAML's spellings of null? */
static int is_null(const char *s, size_t n)
{
    static const char *const nulls[] = {"~", "null", "Null", "NULL"};
    for (size_t i = 0; i < sizeof nulls / sizeof *nulls; i++)
        if (n == strlen(nulls[i]) && !memcmp(s, nulls[i], n))
            return 1;
    return 0;
}

/* One scalar appended to OUT: FIRST is the text after "key:" or "- " on
 * its line (trimmed), CONT the more indented lines under it, PARENT the
 * indentation of the key or the item.  A value that starts like a quoted
 * or block scalar but is none is plain text. */
static int scalar(const char *first, size_t flen, struct cursor cont,
                  size_t parent, ns_buf_t *out, char *err, size_t err_size,
                  unsigned *err_line)
{
    int rc = 1;
    size_t mark = out->len;
    if (flen && (first[0] == '|' || first[0] == '>')) {
        rc = block_scalar(first, flen, cont, parent, out, err, err_size,
                          err_line);
    } else if (flen && (first[0] == '"' || first[0] == '\'')) {
        ns_buf_t joined = {0};
        size_t i = 0;
        rc = join_lines(first, flen, cont, &joined) < 0
                 ? oom(err, err_size)
                 : quoted(joined.p, joined.len, &i, out, err, err_size);
        if (rc == 0 && !only_comments(joined.p, joined.len, i))
            rc = 1;
        ns_buf_free(&joined);
    }
    if (rc <= 0)
        return rc;
    /* Not YAML's quoted or block form: the text as written, as nsearch
     * has always read it ("Heart Lamp" wins the Booker). */
    out->len = mark;
    if (out->p)
        out->p[mark] = '\0';
    if (plain_scalar(first, flen, cont, out, err, err_size, err_line) < 0)
        return -1;
    /* YAML's null, which a site generator reads as no value: "id: ~" was
     * the id "~", so every post of a theme that writes it replaced the
     * one before, and "author: null" was a byline.  Quoted, "null" and
     * "~" are text. */
    if (is_null(out->p + mark, out->len - mark)) {
        out->len = mark;
        out->p[mark] = '\0';
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Lists                                                                    */
/* ------------------------------------------------------------------------ */

/* Past the white space and comments at S[I] in a flow list, where a "#"
 * after white space starts a comment that runs to the end of its line. */
static size_t skip_blank(const char *s, size_t n, size_t i)
{
    while (i < n) {
        if (s[i] == '#' && isspace((unsigned char)s[i - 1]))
            while (i < n && s[i] != '\n')
                i++;
        else if (isspace((unsigned char)s[i]))
            i++;
        else
            break;
    }
    return i;
}

/* A flow list "[a, 'b, c', "d"]" (FIRST and the lines of CONT) into the
 * items of V; a comment may follow an item ("[a, # note").  Returns 0; 1
 * if it is not one (V then holds junk); -1 when out of memory. */
static int flow_list(const char *first, size_t flen, struct cursor cont,
                     ns_fm_value_t *v, char *err, size_t err_size)
{
    ns_buf_t s = {0};
    int rc = 1;
    if (join_lines(first, flen, cont, &s) < 0) {
        rc = oom(err, err_size);
        goto out;
    }
    v->is_list = 1;
    size_t i = 1, n = s.len;
    for (;;) {
        i = skip_blank(s.p, n, i);
        if (i >= n)
            goto out;
        if (s.p[i] == ']') /* "[]", or a comma before the end */
            break;
        if (s.p[i] == '"' || s.p[i] == '\'') {
            int q = quoted(s.p, n, &i, &v->text, err, err_size);
            if (q != 0) {
                rc = q;
                goto out;
            }
        } else {
            properties(s.p, n, &i);
            if (i < n && (s.p[i] == '"' || s.p[i] == '\''))
                continue; /* "[!!str '2024']": read from the quote */
            size_t a = i;
            while (i < n && !strchr(",[]{}", s.p[i]) &&
                   !(s.p[i] == '#' && isspace((unsigned char)s.p[i - 1])))
                i++;
            size_t b = i;
            while (b > a && isspace((unsigned char)s.p[b - 1]))
                b--;
            if (s.p[i] == '[' || s.p[i] == '{' || b == a ||
                ns_buf_append(&v->text, s.p + a, b - a) < 0)
                goto out;
            /* "[news, null]": a null item is no item, nor is an alias. */
            if (is_null(s.p + a, b - a) || is_alias(s.p + a, b - a)) {
                v->text.len -= b - a;
                v->text.p[v->text.len] = '\0';
                goto next;
            }
        }
        if (ns_fm_value_end_item(v) < 0) {
            rc = oom(err, err_size);
            goto out;
        }
    next:
        i = skip_blank(s.p, n, i);
        if (i < n && s.p[i] == ',') {
            i++;
            continue;
        }
        if (i < n && s.p[i] == ']')
            break;
        goto out;
    }
    rc = only_comments(s.p, n, i + 1) ? 0 : 1;
out:
    ns_buf_free(&s);
    return rc;
}

/* Does the flow mapping at FIRST (and the lines of CONT) close at the end
 * of the value, with only a comment after it?  "{a: 1}" and an unfilled
 * archetype's "{{ .Name }}" do; "{Breaking} Storm hits" does not, and is
 * text, as "[Updated] Storm" is (key_value).  A quote opens a string only
 * where a flow item starts ("{a: 'x}'}"), not inside a word ("{it's}").
 * 1 or 0; -1 when out of memory. */
static int flow_map_closes(const char *first, size_t flen, struct cursor cont)
{
    ns_buf_t s = {0};
    if (join_lines(first, flen, cont, &s) < 0)
        return -1;
    int rc = 0;
    size_t depth = 0;
    char prev = ',';
    for (size_t i = 0; i < s.len; i++) {
        char c = s.p[i];
        if ((c == '"' || c == '\'') && strchr("{[,:", prev)) {
            while (++i < s.len && s.p[i] != c)
                if (c == '"' && s.p[i] == '\\')
                    i++;
            if (i >= s.len)
                break;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && depth && !--depth) {
            rc = only_comments(s.p, s.len, i + 1);
            break;
        }
        if (!isspace((unsigned char)c))
            prev = c;
    }
    ns_buf_free(&s);
    return rc;
}

/* The "- item" lines of [CONT, END) into V's items.  An item that is a
 * mapping ("- name: Kari") or holds one is passed over. */
static int block_list(struct cursor cont, ns_fm_value_t *v, char *err,
                      size_t err_size, unsigned *err_line)
{
    struct line l;
    size_t indent = (size_t)-1;
    v->is_list = 1;
    while (next_line(&cont, &l)) {
        if (l.blank || is_comment(&l))
            continue;
        if (indent == (size_t)-1)
            indent = l.indent;
        if (l.indent != indent || !is_item(&l)) {
            *err_line = l.no;
            ns_set_err(err, err_size,
                       "line in a list is not '- item' below the first item");
            return -1;
        }
        /* The item's own lines: those indented more than its '-'. */
        struct cursor item = cont, scan = cont;
        struct line m;
        while (next_line(&scan, &m) && (m.blank || m.indent > indent))
            cont = scan;
        item.end = cont.p;
        const char *first = l.s + 1;
        size_t flen = l.len - 1;
        while (flen && isspace((unsigned char)*first))
            first++, flen--;
        size_t skip = 0;
        properties(first, flen, &skip);
        first += skip, flen -= skip;
        /* "- # note" is an empty item, and "- *a" none read. */
        if (!flen || first[0] == '#' || looks_like_key(first, flen) ||
            is_alias(first, flen))
            continue;
        size_t start = v->text.len;
        if (scalar(first, flen, item, indent, &v->text, err, err_size,
                   err_line) < 0) {
            if (!*err_line)
                *err_line = l.no;
            return -1;
        }
        /* "- ~" is a null item, no item; "- ''" is an empty one. */
        if (v->text.len == start && !strchr("\"'|>", first[0]))
            continue;
        if (ns_fm_value_end_item(v) < 0)
            return oom(err, err_size);
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */
/* ------------------------------------------------------------------------ */

/* The value of a key whose line has FIRST after the colon and whose more
 * indented lines are CONT, into V.  Returns 1 with a value, 0 for a
 * mapping (passed over), -1 on an error. */
static int key_value(const char *first, size_t flen, struct cursor cont,
                     size_t indent, ns_fm_value_t *v, char *err,
                     size_t err_size, unsigned *err_line)
{
    if (!flen) {
        struct cursor c = cont;
        struct line l;
        while (next_line(&c, &l))
            if (!l.blank && !is_comment(&l))
                return is_item(&l)
                           ? (block_list(cont, v, err, err_size, err_line) < 0
                                  ? -1
                                  : 1)
                           : 0;
        return 1;
    }
    if (first[0] == '{') {
        int rc = flow_map_closes(first, flen, cont);
        if (rc)
            return rc < 0 ? oom(err, err_size) : 0;
    }
    if (first[0] == '[') {
        int rc = flow_list(first, flen, cont, v, err, err_size);
        if (rc <= 0)
            return rc < 0 ? -1 : 1;
        /* "[Updated] New figures" is a plain title. */
        ns_fm_value_reset(v);
    }
    return scalar(first, flen, cont, indent, &v->text, err, err_size,
                  err_line) < 0
               ? -1
               : 1;
}

/* A top-level key whose value is a block mapping: its own keys go to FN
 * as "parent.child" ("_build.render"), so that Hugo's build options are
 * read.  One level only, and nothing in it is an error: a mapping was
 * always passed over, and still is for every other purpose. */
struct nested {
    ns_fm_key_fn fn;
    void *ctx;
    const char *parent;
    size_t plen;
};

static int keys(struct cursor c, ns_fm_key_fn fn, void *ctx,
                const struct nested *in, char *err, size_t err_size,
                unsigned *err_line);

static int nested_key(void *ctx, const char *key, size_t klen,
                      const ns_fm_value_t *v, char *err, size_t err_size)
{
    const struct nested *n = ctx;
    char name[64];
    if (n->plen + 1 + klen >= sizeof name)
        return 0;
    memcpy(name, n->parent, n->plen);
    name[n->plen] = '.';
    memcpy(name + n->plen + 1, key, klen);
    return n->fn(n->ctx, name, n->plen + 1 + klen, v, err, err_size);
}

int ns_yaml_header_read(const char *text, size_t len, unsigned first_line,
                        ns_fm_key_fn fn, void *ctx, char *err, size_t err_size,
                        unsigned *err_line)
{
    struct cursor c = {text, text + len, first_line};
    return keys(c, fn, ctx, NULL, err, err_size, err_line);
}

/* The "key: value" lines of C; IN is set for a nested mapping's. */
static int keys(struct cursor c, ns_fm_key_fn fn, void *ctx,
                const struct nested *in, char *err, size_t err_size,
                unsigned *err_line)
{
    struct line l;
    ns_fm_value_t v = {0};
    int rc = 0;
    *err_line = 0;
    while (rc == 0 && next_line(&c, &l)) {
        if (l.blank || is_comment(&l))
            continue;
        const char *colon = memchr(l.s, ':', l.len);
        if (!colon || colon == l.s) {
            *err_line = l.no;
            ns_set_err(err, err_size, "front matter line is not 'key: value'");
            rc = -1;
            break;
        }
        const char *key = l.s, *kend = colon;
        while (kend > key && isspace((unsigned char)kend[-1]))
            kend--;
        if (kend - key >= 2 && (key[0] == '"' || key[0] == '\'') &&
            kend[-1] == key[0])
            key++, kend--;
        const char *first = colon + 1, *fend = l.s + l.len;
        while (first < fend && isspace((unsigned char)*first))
            first++;
        size_t skip = 0;
        properties(first, (size_t)(fend - first), &skip);
        first += skip;
        /* "tags: # a list follows": no value on the key's line; and
         * "defaults: &defaults" has none but the mapping under it. */
        if (first < fend && *first == '#' && first > colon + 1)
            first = fend;
        /* The key's own lines: blank ones and those indented more; with
         * no value on its line, also "- item" lines at its indentation. */
        struct cursor cont = c, scan = c;
        struct line m;
        while (next_line(&scan, &m) &&
               (m.blank || m.indent > l.indent ||
                (first == fend && m.indent == l.indent && is_item(&m))))
            c = scan;
        cont.end = c.p;
        ns_fm_value_reset(&v);
        /* An alias ("<<: *defaults", "og_title: *t") is read as no value:
         * what it stands for is read where its anchor is. */
        rc = is_alias(first, (size_t)(fend - first))
                 ? 1
                 : key_value(first, (size_t)(fend - first), cont, l.indent,
                             &v, err, err_size, err_line);
        if (rc > 0) {
            rc = fn(ctx, key, (size_t)(kend - key), &v, err, err_size);
        } else if (rc == 0) {
            struct nested n = {fn, ctx, key, (size_t)(kend - key)};
            /* The mapping itself, so that one where a value belongs
             * ("title: {a: 1}") is said (frontmatter-keys.c). */
            ns_fm_value_reset(&v);
            v.is_map = 1;
            if (fn(ctx, key, (size_t)(kend - key), &v, err, err_size) < 0) {
                *err_line = l.no;
                rc = -1;
                break;
            }
            char scratch[8];
            unsigned line;
            if (!in && first == fend)
                (void)keys(cont, nested_key, &n, &n, scratch, sizeof scratch,
                           &line);
            continue;
        }
        if (rc < 0 && !*err_line)
            *err_line = l.no;
        rc = rc < 0 ? -1 : 0;
    }
    ns_fm_value_free(&v);
    return rc;
}
