/* toml.c - The TOML of front matter between "+++" lines, Hugo's default:
 * "key = value" lines whose values are basic ("...") and literal ('...')
 * strings, single- or multi-line, arrays of them (over several lines if
 * need be), and numbers, booleans, dates and times, passed on as their
 * text.  Inline tables, arrays of them, dotted keys and every key after a
 * [table] or [[table]] header are read and passed over: Hugo keeps a
 * page's own fields at the top level, and [params], [menu] or [[cascade]]
 * hold nothing that is an article field.  The keys of a [table] of one
 * name are also passed on as "table.key", for Hugo's build options
 * ("[_build]" then "render = 'never'"); they are never an error, and
 * the table itself as a mapping, so that "[title]" is said.
 *
 * No TOML library is packaged with the -dev packages the build uses, and
 * this subset is small.  Anything outside it is an error on its line:
 * unlike YAML front matter, which nsearch read leniently before it read
 * YAML, a TOML header is read as Hugo reads it or not at all. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "frontmatter.h"
#include "ingest.h"

/* Arrays and inline tables nest at most this deep: front matter needs two
 * levels, and the parser recurses once per level. */
#define MAX_DEPTH 32

struct toml {
    const char *p, *end; /* the text not yet read */
    unsigned line;       /* the line number at P */
    char *err;
    size_t err_size;
};

static int fail(struct toml *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(struct toml *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err, t->err_size, fmt, ap);
    va_end(ap);
    return -1;
}

static int oom(struct toml *t)
{
    return fail(t, "out of memory");
}

/* Append LEN bytes to OUT, unless OUT is NULL (a value passed over). */
static int put(struct toml *t, ns_buf_t *out, const char *s, size_t len)
{
    return out && ns_buf_append(out, s, len) < 0 ? oom(t) : 0;
}

/* ------------------------------------------------------------------------ */
/* White space, comments, line ends                                         */
/* ------------------------------------------------------------------------ */

static int more(const struct toml *t)
{
    return t->p < t->end;
}

static void skip_space(struct toml *t)
{
    while (more(t) && (*t->p == ' ' || *t->p == '\t' || *t->p == '\r'))
        t->p++;
}

static void skip_comment(struct toml *t)
{
    if (more(t) && *t->p == '#')
        while (more(t) && *t->p != '\n')
            t->p++;
}

/* White space, comments and line breaks, as arrays may hold. */
static void skip_blank(struct toml *t)
{
    for (;;) {
        skip_space(t);
        skip_comment(t);
        if (!more(t) || *t->p != '\n')
            return;
        t->p++;
        t->line++;
    }
}

/* The end of a line: white space, perhaps a comment, then the line break
 * (or the end of the header). */
static int end_of_line(struct toml *t, const char *what)
{
    skip_space(t);
    skip_comment(t);
    if (!more(t))
        return 0;
    if (*t->p != '\n')
        return fail(t, "text after the %s", what);
    t->p++;
    t->line++;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Strings                                                                  */
/* ------------------------------------------------------------------------ */

/* The escape after a backslash at P into OUT. */
static int escape(struct toml *t, ns_buf_t *out)
{
    static const char from[] = "btnfre\"\\";
    static const char to[] = "\b\t\n\f\r\x1b\"\\";
    if (!more(t))
        return fail(t, "string is not closed");
    char e = *t->p++;
    const char *hit = memchr(from, e, sizeof from - 1);
    if (hit) {
        char c = to[hit - from];
        return put(t, out, &c, 1);
    }
    size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (!digits)
        return fail(t, "unknown escape '\\%c' in a string",
                    isprint((unsigned char)e) ? e : '?');
    unsigned long cp = 0;
    for (size_t i = 0; i < digits; i++, t->p++) {
        if (!more(t) || !isxdigit((unsigned char)*t->p))
            return fail(t, "escape '\\%c' needs %zu hex digits", e, digits);
        int c = (unsigned char)*t->p;
        cp = cp * 16 +
             (unsigned long)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
    }
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
        return fail(t, "escape U+%04lX is not a character", cp);
    return out && ns_fm_put_utf8(out, cp) < 0 ? oom(t) : 0;
}

/* A string: "basic", 'literal', """multi-line basic""" or '''multi-line
 * literal''', with P at its first quote. */
static int string(struct toml *t, ns_buf_t *out)
{
    char q = *t->p;
    int basic = q == '"';
    int multi = t->end - t->p >= 3 && t->p[1] == q && t->p[2] == q;
    unsigned start = t->line;
    t->p += multi ? 3 : 1;
    /* A line break right after the opening quotes is not part of it. */
    if (multi && more(t) && *t->p == '\r' && t->p + 1 < t->end &&
        t->p[1] == '\n')
        t->p++;
    if (multi && more(t) && *t->p == '\n') {
        t->p++;
        t->line++;
    }
    while (more(t)) {
        char c = *t->p;
        if (c == q) {
            if (!multi) {
                t->p++;
                return 0;
            }
            size_t run = 0;
            while (t->p + run < t->end && t->p[run] == q && run < 5)
                run++;
            if (run >= 3) {
                /* Up to two quotes may end the text itself: """a"""". */
                t->p += run;
                return put(t, out, t->p - run, run - 3);
            }
            if (put(t, out, t->p, run) < 0)
                return -1;
            t->p += run;
            continue;
        }
        if (c == '\n' || (c == '\r' && t->p + 1 < t->end && t->p[1] == '\n')) {
            if (!multi)
                break;
            t->p += c == '\r' ? 2 : 1;
            t->line++;
            if (put(t, out, "\n", 1) < 0)
                return -1;
            continue;
        }
        t->p++;
        if (basic && c == '\\') {
            /* In a multi-line string a backslash at the end of a line joins
             * the next non-blank text to it. */
            const char *s = t->p;
            while (multi && s < t->end && (*s == ' ' || *s == '\t'))
                s++;
            if (multi && s < t->end && (*s == '\n' || *s == '\r')) {
                t->p = s;
                while (more(t) && isspace((unsigned char)*t->p))
                    t->line += *t->p++ == '\n';
                continue;
            }
            if (escape(t, out) < 0)
                return -1;
            continue;
        }
        if (put(t, out, &c, 1) < 0)
            return -1;
    }
    t->line = start;
    return fail(t, "string is not closed%s", multi ? "" : " on its line");
}

/* ------------------------------------------------------------------------ */
/* Keys and values                                                          */
/* ------------------------------------------------------------------------ */

static int is_bare(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* Non-zero if C is one of the characters of SET (never NUL). */
static int in_set(char c, const char *set)
{
    return c && strchr(set, c);
}

/* A key, bare or quoted, perhaps dotted ("params.author"): its first part
 * into KEY (may be NULL); *DOTTED says whether more parts followed. */
static int key(struct toml *t, ns_buf_t *out, int *dotted)
{
    *dotted = 0;
    for (;;) {
        if (more(t) && (*t->p == '"' || *t->p == '\'')) {
            if (t->end - t->p >= 3 && t->p[1] == *t->p && t->p[2] == *t->p)
                return fail(t, "a key cannot be a multi-line string");
            if (string(t, out) < 0)
                return -1;
        } else {
            const char *a = t->p;
            while (more(t) && is_bare(*t->p))
                t->p++;
            if (t->p == a)
                return fail(t, "front matter line is not 'key = value'");
            if (put(t, out, a, (size_t)(t->p - a)) < 0)
                return -1;
        }
        skip_space(t);
        if (!more(t) || *t->p != '.')
            return 0;
        t->p++;
        skip_space(t);
        *dotted = 1;
        out = NULL;
    }
}

/* Non-zero if the LEN bytes at S are a TOML boolean, number, date or
 * time; their checks as a date are ns_date_parse()'s, for the keys that
 * are one. */
static int is_bare_value(const char *s, size_t n)
{
    if ((n == 4 && !memcmp(s, "true", 4)) || (n == 5 && !memcmp(s, "false", 5)))
        return 1;
    size_t i = s[0] == '+' || s[0] == '-';
    if (n - i == 3 && (!memcmp(s + i, "inf", 3) || !memcmp(s + i, "nan", 3)))
        return 1;
    if (i == n || !isdigit((unsigned char)s[i]))
        return 0;
    const char *ok = "0123456789_.eE+-";
    if (n >= 5 && !i && s[4] == '-')
        ok = "0123456789-:.TtZz+ "; /* a date, perhaps with a time */
    else if (n >= 3 && !i && s[2] == ':')
        ok = "0123456789:."; /* a time */
    else if (n - i > 2 && s[i] == '0' && in_set(s[i + 1], "xob")) {
        ok = "0123456789abcdefABCDEF_";
        i += 2;
    }
    for (; i < n; i++)
        if (!in_set(s[i], ok))
            return 0;
    return 1;
}

/* A value that is not quoted: a boolean, number, date or time. */
static int bare_value(struct toml *t, ns_buf_t *out)
{
    const char *a = t->p;
    while (more(t) && (is_bare(*t->p) || in_set(*t->p, "+.:"))) {
        t->p++;
        /* A date and its time may be apart: 2025-08-20 07:00:00+02:00. */
        if (t->p - a == 10 && a[4] == '-' && a[7] == '-' &&
            t->end - t->p >= 3 && t->p[0] == ' ' &&
            isdigit((unsigned char)t->p[1]) && isdigit((unsigned char)t->p[2]))
            t->p++;
    }
    size_t n = (size_t)(t->p - a);
    if (!n)
        return fail(t, "a key's value is missing or not TOML");
    if (!is_bare_value(a, n)) {
        size_t shown = n < 40 ? n : 40;
        while (shown < n && shown && ((unsigned char)a[shown] & 0xc0) == 0x80)
            shown--; /* no character cut in two */
        return fail(t,
                    "'%.*s' is not a TOML value (text needs quotes: \"...\")",
                    (int)shown, a);
    }
    return put(t, out, a, n);
}

static int value(struct toml *t, ns_fm_value_t *v, int depth);

/* An inline table, "{ name = "Kari", email = "k@example.org" }", read and
 * passed over. */
static int inline_table(struct toml *t, int depth)
{
    t->p++;
    skip_blank(t);
    if (more(t) && *t->p == '}') {
        t->p++;
        return 0;
    }
    for (;;) {
        int dotted;
        skip_blank(t);
        if (key(t, NULL, &dotted) < 0)
            return -1;
        if (!more(t) || *t->p != '=')
            return fail(t, "expected '=' after a key in an inline table");
        t->p++;
        skip_space(t);
        if (value(t, NULL, depth + 1) < 0)
            return -1;
        skip_blank(t);
        if (more(t) && *t->p == ',') {
            t->p++;
            continue;
        }
        if (more(t) && *t->p == '}') {
            t->p++;
            return 0;
        }
        return fail(t, "inline table is not closed by '}'");
    }
}

/* An array: its items into V (may be NULL) when they are strings or bare
 * values.  Returns 1, 2 when it holds arrays or tables (passed over), or
 * -1. */
static int array(struct toml *t, ns_fm_value_t *v, int depth)
{
    unsigned start = t->line;
    int nested = 0;
    t->p++;
    for (;;) {
        skip_blank(t);
        if (!more(t)) {
            t->line = start;
            return fail(t, "array is not closed by ']'");
        }
        if (*t->p == ']')
            break;
        if (*t->p == '[' || *t->p == '{') {
            nested = 1;
            if (value(t, NULL, depth + 1) < 0)
                return -1;
        } else {
            if (value(t, v, depth + 1) < 0)
                return -1;
            if (v && ns_fm_value_end_item(v) < 0)
                return oom(t);
        }
        skip_blank(t);
        if (more(t) && *t->p == ',') {
            t->p++;
            continue;
        }
        if (!more(t) || *t->p != ']')
            return fail(t, "expected ',' or ']' in an array");
        break;
    }
    t->p++;
    return nested ? 2 : 1;
}

/* A value at P into V (may be NULL): 0 for a string or bare value (its
 * text appended to V's text), 1 for an array (its items in V), 2 for a
 * table or an array of arrays, or -1. */
static int value(struct toml *t, ns_fm_value_t *v, int depth)
{
    if (depth > MAX_DEPTH)
        return fail(t, "arrays or tables nested deeper than %d", MAX_DEPTH);
    if (!more(t))
        return fail(t, "a key's value is missing");
    switch (*t->p) {
    case '"':
    case '\'':
        return string(t, v ? &v->text : NULL);
    case '[':
        return array(t, v, depth);
    case '{':
        return inline_table(t, depth) < 0 ? -1 : 2;
    default:
        return bare_value(t, v ? &v->text : NULL);
    }
}

/* A table header, "[params]" or "[[cascade]]", at P.  A table of one
 * name, "[_build]", leaves it in NAME; any other, an empty NAME. */
static int table_header(struct toml *t, ns_buf_t *name)
{
    int twice = t->end - t->p >= 2 && t->p[1] == '[';
    int dotted;
    t->p += twice ? 2 : 1;
    skip_space(t);
    ns_buf_reset(name);
    if (key(t, name, &dotted) < 0)
        return -1;
    if (twice || dotted)
        ns_buf_reset(name);
    for (int i = 0; i <= twice; i++, t->p++)
        if (!more(t) || *t->p != ']')
            return fail(t, "table header is not closed by '%s'",
                        twice ? "]]" : "]");
    return end_of_line(t, "table header");
}

int ns_toml_header_read(const char *text, size_t len, unsigned first_line,
                        ns_fm_key_fn fn, void *ctx, char *err, size_t err_size,
                        unsigned *err_line)
{
    struct toml t = {text, text + len, first_line, err, err_size};
    ns_buf_t name = {0}, table = {0};
    ns_fm_value_t v = {0};
    int in_table = 0, rc = 0;
    while (rc == 0) {
        skip_blank(&t);
        if (!more(&t))
            break;
        if (*t.p == '[') {
            unsigned at = t.line;
            in_table = 1;
            rc = table_header(&t, &table);
            /* "[title]" where a value belongs is said as an inline
             * table is (frontmatter-keys.c): it was passed over. */
            if (rc == 0 && table.len) {
                ns_fm_value_reset(&v);
                v.is_map = 1;
                if (fn(ctx, table.p, table.len, &v, err, err_size) < 0) {
                    t.line = at;
                    rc = -1;
                }
            }
            continue;
        }
        unsigned line = t.line;
        int dotted, kind;
        ns_buf_reset(&name);
        ns_fm_value_reset(&v);
        if (key(&t, &name, &dotted) < 0) {
            rc = -1;
            break;
        }
        if (!more(&t) || *t.p != '=') {
            rc = fail(&t, "front matter line is not 'key = value'");
            break;
        }
        t.p++;
        skip_space(&t);
        const char *at = t.p;
        if ((kind = value(&t, &v, 0)) < 0 || end_of_line(&t, "value") < 0) {
            rc = -1;
            break;
        }
        v.is_list = kind == 1;
        if (in_table && table.len && !dotted && kind != 2) {
            /* "[_build]" then "render = 'never'": "_build.render", for
             * Hugo's build options; nothing here is an error. */
            char scratch[256]; /* a warning's text (ns_article_warn) */
            if (ns_buf_putc(&table, '.') < 0 ||
                ns_buf_append(&table, name.p ? name.p : "", name.len) < 0) {
                rc = oom(&t);
                break;
            }
            (void)fn(ctx, table.p, table.len, &v, scratch, sizeof scratch);
            table.len -= name.len + 1;
            continue;
        }
        if (in_table || dotted)
            continue;
        /* An inline table, "title = {a = 1}", is said where a value
         * belongs (frontmatter-keys.c); an array of arrays is passed
         * over. */
        if (kind == 2 && *at != '{')
            continue;
        if (kind == 2) {
            ns_fm_value_reset(&v);
            v.is_map = 1;
        }
        if (fn(ctx, name.p, name.len, &v, err, err_size) < 0) {
            t.line = line;
            rc = -1;
        }
    }
    *err_line = t.line;
    ns_buf_free(&name);
    ns_buf_free(&table);
    ns_fm_value_free(&v);
    return rc;
}
