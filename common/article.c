/* article.c - News articles: the rules for every field and the
 * fingerprint (the JSON form is in article-json.c).
 *
 * Everything that turns outside bytes into an ns_article_t goes through the
 * setters here, so the rules (what is required, how long a label may be,
 * which characters are dropped) are written once and shared by every
 * reader: the JSON form (article-json.c), the front-matter form
 * (frontmatter-keys.c), and through JSON the feed, HTML and Markdown
 * parsers. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "ingest.h"

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */
/* ------------------------------------------------------------------------ */

void ns_set_err(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void ns_article_clear(ns_article_t *art)
{
    if (!art)
        return;
    free(art->id);
    free(art->title);
    free(art->body);
    free(art->section);
    free(art->author);
    free(art->lang);
    free(art->url);
    free(art->date);
    free(art->updated);
    free(art->source);
    free(art->warning);
    free_list(art->headings, art->n_headings);
    free_list(art->tags, art->n_tags);
    memset(art, 0, sizeof *art);
}

/* Is TEXT[I] the start of U+00AD, the soft hyphen? */
static int soft_hyphen(const char *text, size_t i, size_t len)
{
    return i + 1 < len && (unsigned char)text[i] == 0xc2 &&
           (unsigned char)text[i + 1] == 0xad;
}

/* Copy LEN bytes of TEXT, turning CR LF into LF and every other control
 * character (including a lone CR, DEL and the C1 controls U+0080-U+009F)
 * into a space.  Control bytes have no place in news text, and removing
 * them here means the snippet markers (\x01, \x02) can never be forged by
 * an article.  A C1 control is an escape introducer to some terminals
 * (U+009B is CSI, as ESC [ is).  HTML's "&#146;" and a JSON record's
 * "\u0092" are not one by the time they get here: the HTML, feed and
 * JSON readers turn them into windows-1252's U+2019 (charset.c,
 * article-json.c); what is left is one windows-1252 leaves undefined.
 *
 * Soft hyphens (U+00AD, HTML's &shy;) are left out.  They only say where a
 * long word may break, and news sites put them in long words of titles
 * and text (Norwegian ones often), where Xapian's TermGenerator splits at
 * them: "sur&shy;veillance" was indexed as "sur" and "veillance", and
 * "surveillance" never found it.  The text, its terms, its phrase check
 * and its snippets then all read the word whole. */
static void clean_into(char *out, const char *text, size_t len)
{
    size_t j = 0; /* never past I: OUT may be TEXT */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            continue;
        if (soft_hyphen(text, i, len)) {
            i++;
            /* At a line's end ("interna\u00ad\ntional", as OCR and
             * typesetters mark where they broke a word), so is the line
             * break: the word is one, not two.  Not a blank line. */
            size_t k = i + 1;
            while (k < len && (text[k] == ' ' || text[k] == '\t'))
                k++;
            if (k + 1 < len && text[k] == '\r' && text[k + 1] == '\n')
                k++;
            if (k < len && text[k] == '\n') {
                k++;
                while (k < len && (text[k] == ' ' || text[k] == '\t'))
                    k++;
                if (k < len && text[k] != '\n' && text[k] != '\r')
                    i = k - 1;
            }
            continue;
        }
        if (c == 0xc2 && i + 1 < len && (unsigned char)text[i + 1] >= 0x80 &&
            (unsigned char)text[i + 1] <= 0x9f)
            i++, c = ' ';
        else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            c = ' ';
        out[j++] = (char)c;
    }
    out[j] = '\0';
}

char *ns_clean_dup(const char *text, size_t len)
{
    char *out = malloc(len + 1);
    if (out)
        clean_into(out, text, len);
    return out;
}

void ns_clean_in_place(char *s)
{
    clean_into(s, s, strlen(s));
}

/* A feed wraps a long category or title where its template did,
 * "<category>Arts &amp;\n  Culture</category>", and a byline is padded
 * ("Jane       Doe"): with the line break a space, the run of spaces made
 * "Arts &   Culture" a facet value of its own beside "Arts & Culture",
 * which section:"Arts & Culture" did not find, and was shown so.  One
 * space is what a browser shows of them. */
void ns_collapse_spaces(char *s)
{
    char *out = s;
    for (const char *p = s; *p; p++)
        if (*p != ' ' || out == s || out[-1] != ' ')
            *out++ = *p;
    *out = '\0';
}

/* The bytes of the Unicode space (Unicode's category Zs, other than the
 * ASCII space) that the N bytes at S begin with, or 0: U+00A0 (no-break),
 * U+1680, U+2000-U+200A (en to hair space, figure and thin ones among
 * them), U+202F (narrow no-break), U+205F and U+3000 (ideographic).
 * Xapian's TermGenerator splits words at every one of them, and the
 * query reads them as spaces (query-text.cc). */
static size_t unicode_space(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
        return 2;
    if (n < 3)
        return 0;
    if ((s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80) ||
        (s[0] == 0xe2 && s[1] == 0x80 && (s[2] <= 0x8a || s[2] == 0xaf)) ||
        (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) ||
        (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80))
        return 3;
    return 0;
}

void ns_trim_spaces(const char **text, size_t *len)
{
    const unsigned char *s = (const unsigned char *)*text;
    size_t n = *len, w;
    for (;;) {
        if (n && isspace(*s))
            s++, n--;
        else if ((w = unicode_space(s, n)))
            s += w, n -= w;
        else
            break;
    }
    for (;;) {
        if (n && isspace(s[n - 1]))
            n--;
        else if (n >= 2 && unicode_space(s + n - 2, 2) == 2)
            n -= 2;
        /* Exactly three: a no-break space (two bytes) and then "A" is no
         * space at the end ("Nord\u00a0A" was stored "Nord"). */
        else if (n >= 3 && unicode_space(s + n - 3, 3) == 3)
            n -= 3;
        else
            break;
    }
    *text = (const char *)s;
    *len = n;
}

/* Like clean_dup, and also folds any inner newline or tab into a space
 * and trims surrounding white space, Unicode's spaces too: for one-line
 * labels.  A no-break space after "World" made a section of its own,
 * which section:world did not find.  Trimmed after cleaning, so that a
 * control character at an end leaves no space. */
char *ns_label_dup(const char *text, size_t len)
{
    char *out = ns_clean_dup(text, len);
    if (!out)
        return NULL;
    for (char *p = out; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    const char *start = out;
    size_t n = strlen(out);
    ns_trim_spaces(&start, &n);
    memmove(out, start, n);
    out[n] = '\0';
    return out;
}

size_t ns_byline_word(const char *text, size_t len)
{
    /* "Written by Jane Doe", "Skrevet av Kari", as templates print it. */
    size_t lead = 0;
    if (len > 11 && !strncasecmp(text, "written by ", 11))
        lead = 8;
    else if (len > 11 && !strncasecmp(text, "skrevet av ", 11))
        lead = 8;
    if (len - lead < 4 || (strncasecmp(text + lead, "by", 2) &&
                           strncasecmp(text + lead, "av", 2)))
        return 0;
    const char *name = text + lead + 2;
    size_t n = len - lead - 2;
    if (*name == ':') /* "By: Jane Doe" */
        name++, n--;
    if (!n || (*name != ' ' && !unicode_space((const unsigned char *)name, n)))
        return 0; /* "Byron Smith", "Avery Jones" */
    ns_trim_spaces(&name, &n);
    unsigned char c = n ? (unsigned char)*name : 0;
    if (!isalpha(c) && c < 0x80)
        return 0; /* "By 2025", "By -", a lone "By" */
    return (size_t)(name - text);
}

static int is_blank(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Field setters shared by both input forms (declared in ingest.h)         */
/* ------------------------------------------------------------------------ */

/* Cut byline V (one string, "A, B and C") after its last whole name that
 * ends within MAX bytes, as a list of bylines keeps the names that fit: a
 * wire story's long byline lost the whole article.  False when even the
 * first name is longer. */
static int byline_cut(char *v, size_t max)
{
    static const char *const seps[] = {", ", "; ", " and ", " & ", " og "};
    size_t cut = 0;
    for (size_t i = 1; i <= max && v[i]; i++)
        for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++)
            if (!strncmp(v + i, seps[k], strlen(seps[k])))
                cut = i;
    if (!cut)
        return 0;
    v[cut] = '\0';
    return 1;
}

/* How many bytes of V, at most MAX, to show in a message: whole
 * characters. */
size_t ns_shown_bytes(const char *v, size_t max)
{
    size_t shown = strlen(v) > max ? max : strlen(v);
    while (shown && ((unsigned char)v[shown] & 0xc0) == 0x80)
        shown--;
    return shown;
}

/* Say in ERR that label V (NAME) is longer than MAX bytes and left out,
 * with its first 40 bytes (whole characters) so that it can be found in
 * the source. */
static void left_out(char *err, size_t err_size, const char *name,
                     const char *v, size_t max)
{
    size_t shown = ns_shown_bytes(v, 40);
    ns_set_err(err, err_size,
               "%s \"%.*s%s\" is longer than %zu bytes; left out", name,
               (int)shown, v, v[shown] ? "\xe2\x80\xa6" : "", max);
}

/* Compose, in place, the letters of label V written decomposed (NFD, as
 * macOS writes text: "o" and a combining diaeresis for "ö"), as the
 * indexer reads a title (write.cc indexed_text).  A label is a filter's
 * term and a facet's value as stored: "Malmö" written both ways made two
 * tags, each with half the articles, and tag:Malmö found one of them.
 * -1 when out of memory. */
static int compose_label(char *v)
{
    if (!strchr(v, '\xcc'))
        return 0;
    ns_buf_t b = {0};
    int r = ns_compose_marks(v, strlen(v), &b, NULL);
    if (r > 0) {
        /* Never longer: two bytes of a letter for three of a pair. */
        memcpy(v, b.p, b.len);
        v[b.len] = '\0';
    }
    ns_buf_free(&b);
    return r < 0 ? -1 : 0;
}

/* Does the URL in LEN bytes at TEXT name a scheme other than http and
 * https?  Read as a browser reads an href (WHATWG URL): past the control
 * characters and spaces before it, with tabs and newlines anywhere left
 * out (" JaVaScRiPt:", "java\tscript:" are "javascript:"), and past
 * Unicode's spaces, which the stored label loses.  A reference with no
 * scheme (a relative "/2025/story", a scheme-less "//host/path") is not
 * one: a browser resolves it against the page that shows it. */
static int foreign_scheme(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, w, n = 0;
    char scheme[6];
    for (;;) {
        if (i < len && s[i] <= 0x20)
            i++;
        else if ((w = unicode_space(s + i, len - i)))
            i += w;
        else
            break;
    }
    if (i == len || !isalpha(s[i]))
        return 0;
    for (; i < len && s[i] != ':'; i++) {
        if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
            continue;
        if (!isalnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.')
            return 0; /* "/", "?", "#" first: a path, no scheme */
        if (n < sizeof scheme)
            scheme[n] = (char)tolower(s[i]);
        n++;
    }
    if (i == len)
        return 0;
    return !(n == 4 && !memcmp(scheme, "http", 4)) &&
           !(n == 5 && !memcmp(scheme, "https", 5));
}

/* Store a one-line label (section, author, lang, url) into *FIELD.  Empty
 * values leave the field NULL.  A label over MAX bytes is left out, and
 * the article kept: it is an optional field, and one cut short would be a
 * section or a facet value nobody wrote (a byline is a list of names, and
 * keeps those that fit).  Returns 0; 1 when left out, with ERR saying so
 * (for ns_article_warn); -1 with ERR set. */
int ns_set_label(char **field, const char *name, const char *value, size_t len,
                 size_t max, char *err, size_t err_size)
{
    int url = !strcmp(name, "url");
    char *v = url ? ns_url_label_dup(value, len) : ns_label_dup(value, len);
    if (!v) {
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    /* A byline's names, without the "By " a template prints before
     * them: stored, a template printed "By By Jane Doe". */
    if (!strcmp(name, "author")) {
        size_t by = ns_byline_word(v, strlen(v));
        memmove(v, v + by, strlen(v + by) + 1);
        /* A credit line, its reporters (byline-credits.c). */
        if (ns_byline_credits(&v) < 0) {
            free(v);
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
    }
    if (!url)
        ns_collapse_spaces(v);
    if (!*v) {
        free(v);
        return 0;
    }
    /* A link that is not to a page ("javascript:alert(1)", "data:text/
     * html,<script>...") is script the search page would run when its
     * reader clicks the url it puts in an href: from a third party's
     * feed, cross-site scripting.  Feed readers drop such links too.
     * Both as sent and as stored: a soft hyphen or a C1 control, which
     * the label loses, would hide one from a browser but not from the
     * stored url. */
    if (url &&
        (foreign_scheme(value, len) || foreign_scheme(v, strlen(v)))) {
        size_t shown = ns_shown_bytes(v, 60);
        ns_set_err(err, err_size,
                   "url '%.*s%s' left out: not an http(s) address", (int)shown,
                   v, v[shown] ? "\xe2\x80\xa6" : "");
        free(v);
        return 1;
    }
    /* Encoded after the check, so that its warning shows the url as
     * written; before the length is weighed, as it is stored. */
    if ((url ? ns_url_encode(&v) : compose_label(v)) < 0) {
        free(v);
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    /* A byline: the names that fit; none, when the first is too long. */
    if (max && strlen(v) > max && !strcmp(name, "author") &&
        !byline_cut(v, max)) {
        free(v);
        return 0;
    }
    if (max && strlen(v) > max) {
        left_out(err, err_size, name, v, max);
        free(v);
        return 1;
    }
    free(*field);
    *field = v;
    return 0;
}

/* Store LEN bytes of VALUE as the id.  Unlike a label, an id is taken
 * exactly as given or rejected: it is what --delete, GET /v1/articles/{id}
 * and a rebuild must find again, so turning a control character into a
 * space or trimming a space would store an id nobody can name.  Control
 * characters (C0, DEL, C1), bytes that are not UTF-8 and surrounding white
 * space are refused; an empty value leaves the id unset ("missing id"
 * later).  An id that is not UTF-8 cannot be stored: the record is JSON,
 * which dropped it, and the article stayed in the index with no id that
 * --delete, a prune or a search could read. */
int ns_set_id(ns_article_t *art, const char *value, size_t len, char *err,
              size_t err_size)
{
    const unsigned char *v = (const unsigned char *)value;
    if (len == 0)
        return 0;
    size_t bad = ns_utf8_check(value, len);
    if (bad < len) {
        ns_set_err(err, err_size,
                   "id is not valid UTF-8 (byte 0x%02X at offset %zu)", v[bad],
                   bad);
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned c = v[i];
        if (c == 0xc2 && i + 1 < len && v[i + 1] >= 0x80 && v[i + 1] <= 0x9f)
            c = v[i + 1];
        else if (c >= 0x20 && c != 0x7f)
            continue;
        ns_set_err(err, err_size, "id contains the control character U+%04X",
                   c);
        return -1;
    }
    /* Unicode's spaces too: "a1\u00a0" is no id anyone can type. */
    if (isspace(v[0]) || isspace(v[len - 1]) || unicode_space(v, len) ||
        (len >= 2 && unicode_space(v + len - 2, 2) == 2) ||
        (len >= 3 && unicode_space(v + len - 3, 3) == 3)) {
        ns_set_err(err, err_size, "id '%.40s' begins or ends with white space",
                   value);
        return -1;
    }
    if (len > NS_MAX_ID) {
        ns_set_err(err, err_size, "id is longer than %d bytes", NS_MAX_ID);
        return -1;
    }
    char *id = strndup(value, len);
    if (!id) {
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    free(art->id);
    art->id = id;
    return 0;
}

int ns_check_name_id(const char *name, const char *hint, char *err,
                     size_t err_size)
{
    size_t len = strlen(name);
    size_t bad = ns_utf8_check(name, len);
    if (bad == len)
        return 0;
    ns_set_err(err, err_size,
               "file name is not valid UTF-8 (byte 0x%02X at offset %zu of "
               "'%.*s...'), and the name is the article's id; %s",
               (unsigned char)name[bad], bad, (int)bad, name, hint);
    return -1;
}

int ns_list_push(char ***list, size_t *n, const char *name, const char *value,
                 size_t len, size_t max, char *err, size_t err_size)
{
    char *v = ns_label_dup(value, len);
    if (!v) {
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    ns_collapse_spaces(v);
    if (!*v) {
        free(v);
        return 0;
    }
    if (compose_label(v) < 0) {
        free(v);
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    /* A byline: the names that fit; none, when the first is too long. */
    if (max && strlen(v) > max && !strcmp(name, "author") &&
        !byline_cut(v, max)) {
        free(v);
        return 0;
    }
    if (max && strlen(v) > max) {
        left_out(err, err_size, strcmp(name, "tags") ? name : "tag", v, max);
        free(v);
        return 1;
    }
    char **grown = realloc(*list, (*n + 1) * sizeof **list);
    if (!grown) {
        free(v);
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    grown[(*n)++] = v;
    *list = grown;
    return 0;
}

void ns_article_warn(ns_article_t *art, const char *why)
{
    if (art->warning)
        return; /* the first says where to look */
    art->warning = strdup(why);
}

/* Split "a, b, c" (or "[a, b, c]", the YAML flow form) into tags. */
int ns_push_tag_string(ns_article_t *art, const char *value, char *err,
                       size_t err_size)
{
    const char *p = value, *end = value + strlen(value);
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (p < end && *p == '[') {
        p++;
        while (end > p && isspace((unsigned char)end[-1]))
            end--;
        if (end > p && end[-1] == ']')
            end--;
    }
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        const char *a = p, *b = stop;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (b - a >= 2 && (*a == '"' || *a == '\'') && b[-1] == *a)
            a++, b--;
        int rc = ns_list_push(&art->tags, &art->n_tags, "tag", a,
                              (size_t)(b - a), NS_MAX_LABEL, err, err_size);
        if (rc < 0)
            return -1;
        if (rc > 0)
            ns_article_warn(art, err);
        p = comma ? comma + 1 : end;
    }
    return 0;
}

/* Checks shared by both forms once all fields are in. */
int ns_article_finish(ns_article_t *art, char *err, size_t err_size)
{
    if (!art->id || !*art->id) {
        ns_set_err(err, err_size, "missing id");
        return -1;
    }
    if (strlen(art->id) > NS_MAX_ID) {
        ns_set_err(err, err_size, "id is longer than %d bytes", NS_MAX_ID);
        return -1;
    }
    if (!art->title)
        art->title = strdup("");
    if (!art->body)
        art->body = strdup("");
    if (!art->title || !art->body) {
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    if (is_blank(art->title) && is_blank(art->body)) {
        ns_set_err(err, err_size, "missing title and body");
        return -1;
    }
    /* Any language is indexed: one the stemmers do not know without
     * stemming, with the writer's warning.  "Norsk bokmål" and "English
     * (UK)" were refused as codes, and the article lost with them.  A
     * value with no letter at all ("--") says nothing, as none would. */
    if (art->lang && (ns_lang_code(art->lang), !*art->lang)) {
        free(art->lang);
        art->lang = NULL;
    }
    if (!art->lang) {
        art->lang_defaulted = 1; /* nindex --lang may name another */
        art->lang = strdup("en");
        if (!art->lang) {
            ns_set_err(err, err_size, "out of memory");
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Fingerprint                                                              */
/* ------------------------------------------------------------------------ */

/* Each field is hashed with its tag and a terminating NUL, so that moving
 * text from one field to another, or across list items, changes the
 * value. */
static uint64_t hash_field(uint64_t h, char tag, const char *value)
{
    h = ns_hash64(&tag, 1, h);
    if (value)
        h = ns_hash64(value, strlen(value) + 1, h);
    return h;
}

uint64_t ns_article_hash(const ns_article_t *a)
{
    uint64_t h = NS_HASH_SEED;
    h = hash_field(h, 'i', a->id);
    h = hash_field(h, 't', a->title);
    h = hash_field(h, 'b', a->body);
    h = hash_field(h, 's', a->section);
    h = hash_field(h, 'a', a->author);
    h = hash_field(h, 'l', a->lang);
    h = hash_field(h, 'u', a->url);
    h = hash_field(h, 'd', a->date);
    for (size_t i = 0; i < a->n_headings; i++)
        h = hash_field(h, 'h', a->headings[i]);
    for (size_t i = 0; i < a->n_tags; i++)
        h = hash_field(h, 'g', a->tags[i]);
    /* Only when given, so that an article without one hashes as it did
     * before the field was read. */
    if (a->updated)
        h = hash_field(h, 'm', a->updated);
    /* A post moved to another file is stored again, with its new path. */
    if (a->source)
        h = hash_field(h, 'p', a->source);
    return h;
}
