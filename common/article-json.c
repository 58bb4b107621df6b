/* article-json.c - The JSON form of an article: a JSON Lines record (and
 * the JSON the feed, HTML and Markdown parsers build) in, the stored form
 * out.  Every field goes through the setters of article.c, so its rules
 * are the same as for front matter. */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <math.h> /* HUGE_VAL */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static int json_text(json_t *v, const char *name, const char **out, size_t *len,
                     char *err, size_t err_size)
{
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        ns_set_err(err, err_size, "field '%s' is not a string", name);
        return -1;
    }
    *out = json_string_value(v);
    *len = json_string_length(v);
    return 0;
}

/* The list NAME (V) of ART into *LIST (*N items); a tag over its limit is
 * left out with ART's warning. */
static int json_list(ns_article_t *art, json_t *v, const char *name,
                     char ***list, size_t *n, char *err, size_t err_size)
{
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_array(v)) {
        ns_set_err(err, err_size, "field '%s' is not a list of strings", name);
        return -1;
    }
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item)
    {
        if (json_is_null(item))
            continue; /* as a null field: nothing (pandas writes NaN so) */
        if (!json_is_string(item)) {
            ns_set_err(err, err_size, "field '%s' is not a list of strings",
                       name);
            return -1;
        }
        int rc = ns_list_push(
            list, n, name, json_string_value(item), json_string_length(item),
            strcmp(name, "tags") == 0 ? NS_MAX_LABEL : 0, err, err_size);
        if (rc < 0)
            return -1;
        if (rc > 0)
            ns_article_warn(art, err);
    }
    return 0;
}

/* Refuse a record that would make jansson build a huge tree before any
 * field is looked at: each JSON value costs jansson some 200 bytes, so a
 * 16 MB line of "{}" in a key nobody reads would take over a gigabyte.
 * One pass counts the values (every object, array and list item; commas
 * inside strings do not count) and the nesting, and costs far less than
 * the parse it guards.  It stops where the first object or array closes:
 * what follows is no part of it (a record has nothing after it, and JSON
 * front matter the post's body, whose commas are prose). */
int ns_json_prescan(const char *text, size_t len, char *err, size_t err_size)
{
    size_t values = 1;
    unsigned depth = 0;
    int in_string = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
            continue;
        }
        if (c == '"') {
            in_string = 1;
        } else if (c == '{' || c == '[') {
            values++;
            if (++depth > NS_MAX_JSON_DEPTH) {
                ns_set_err(err, err_size,
                           "JSON nested deeper than %d levels (column %zu)",
                           NS_MAX_JSON_DEPTH, i + 1);
                return -1;
            }
        } else if (c == '}' || c == ']') {
            if (depth == 1)
                return 0;
            depth -= depth > 0;
        } else if (c == ',') {
            values++;
        }
        if (values > NS_MAX_JSON_VALUES) {
            ns_set_err(err, err_size,
                       "more than %d JSON values in one record (column %zu)",
                       NS_MAX_JSON_VALUES, i + 1);
            return -1;
        }
    }
    return 0;
}

/* The keys of a record nindex reads, as the README lists them. */
static const char *const READ_KEYS[] = {
    "id",   "title", "body", "section",  "author", "date",
    "lang", "url",   "tags", "headings", "updated"};

/* After "missing id" or "missing title and body" in ERR, the keys ROOT
 * has, when one of them is no key nindex reads: an export with other
 * names ("guid", "headline", "content"; a Ghost export's one "db") was
 * only "missing id", and nothing said why.  The reader gives it in full
 * once per file (reader.c). */
static void name_keys(json_t *root, char *err, size_t err_size)
{
    const char *key;
    json_t *value;
    int other = 0;
    json_object_foreach(root, key, value)
    {
        int known = *key == '\001'; /* the parsers' own (ingest.h) */
        for (size_t k = 0; k < sizeof READ_KEYS / sizeof *READ_KEYS; k++)
            known |= !strcmp(key, READ_KEYS[k]);
        other |= !known;
    }
    if (!other)
        return;
    ns_buf_t b = {0};
    size_t n = 0;
    ns_buf_puts(&b, " (the record has ");
    json_object_foreach(root, key, value)
    {
        /* A field set from an alias is no key the record has. */
        char mark[64];
        snprintf(mark, sizeof mark, NS_JSON_ALIASED "%s", key);
        if (*key == '\001' || json_object_get(root, mark))
            continue;
        if (n++ == 8) {
            ns_buf_puts(&b, ", ...");
            break;
        }
        if (n > 1)
            ns_buf_puts(&b, ", ");
        /* A key is shown as far as it is printable text. */
        size_t shown = 0;
        while (key[shown] && shown < 30 && (unsigned char)key[shown] >= 0x20 &&
               key[shown] != 0x7f)
            shown++;
        while (shown && ((unsigned char)key[shown] & 0xc0) == 0x80)
            shown--;
        ns_buf_append(&b, key, shown);
        if (key[shown])
            ns_buf_puts(&b, "...");
    }
    ns_buf_puts(&b, "; nindex reads");
    for (size_t k = 0; k < sizeof READ_KEYS / sizeof *READ_KEYS; k++) {
        ns_buf_puts(&b, k ? ", " : " ");
        ns_buf_puts(&b, READ_KEYS[k]);
    }
    ns_buf_puts(&b, ": see README \"JSON Lines\")");
    size_t used = strlen(err);
    if (b.p && used < err_size)
        snprintf(err + used, err_size - used, "%s", b.p);
    ns_buf_free(&b);
}

/* ------------------------------------------------------------------------ */
/* JSON that jansson refuses, put right                                     */
/* ------------------------------------------------------------------------ */

/* The 4 hex digits at S as a number, or -1. */
static long hex4(const char *s, size_t n)
{
    if (n < 4)
        return -1;
    char digits[5];
    memcpy(digits, s, 4);
    digits[4] = '\0';
    char *end;
    long v = strtol(digits, &end, 16);
    return *end || !isxdigit((unsigned char)digits[0]) ? -1 : v;
}

/* Is the number token T (N bytes) out of jansson's range: an integer
 * beyond 64 bits, or a real beyond a double? */
static int number_overflows(const char *t, size_t n)
{
    char num[64];
    if (n >= sizeof num)
        return 1;
    memcpy(num, t, n);
    num[n] = '\0';
    errno = 0;
    if (!memchr(num, '.', n) && !memchr(num, 'e', n) && !memchr(num, 'E', n))
        (void)strtoll(num, NULL, 10);
    else if (strtod(num, NULL) != HUGE_VAL && strtod(num, NULL) != -HUGE_VAL)
        return 0;
    return errno == ERANGE;
}

/* Valid JSON that jansson refuses, made readable into OUT: a number too
 * big for it (a simhash of 2^64 - 1, 1e400) becomes a string of its
 * digits, and a \uD800-\uDFFF escape that is half of no pair (what
 * JavaScript writes when it cuts a string mid-emoji) becomes \uFFFD.
 * Both are values of fields nindex mostly ignores, and cost the article.
 * An id keeps its digits exactly, as integer ids are read.  WHY (WHY_SIZE
 * bytes) gets what was changed in the first field nindex reads other than
 * id, or "".  An id is never altered: "x\ud800y" and "x\udc00y" both read
 * as "x\uFFFDy" and replaced each other, so *ID_HALF is set to the offset
 * of the first half pair in the id's string (else left alone) for the
 * caller to refuse the record.  1 if anything changed. */
static int json_repair(const char *text, size_t len, ns_buf_t *out, char *why,
                       size_t why_size, size_t *id_half)
{
    static const char *const read[] = {"title",  "body", "section",
                                       "author", "lang", "url",
                                       "date",   "tags", "headings"};
    int changed = 0, in_string = 0, want_key = 0;
    unsigned depth = 0;
    size_t key_at = 0, key_len = 0, str_at = 0;
    *why = '\0';
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        int fix = 0;
        size_t tok = 0;
        if (in_string) {
            if (c == '"') {
                in_string = 0;
                if (want_key) {
                    key_at = str_at, key_len = i - str_at;
                    want_key = 0;
                }
            } else if (c == '\\' && i + 1 < len && text[i + 1] == 'u') {
                long u = hex4(text + i + 2, len - i - 2);
                long lo = u >= 0xd800 && u <= 0xdbff && i + 11 < len &&
                                  text[i + 6] == '\\' && text[i + 7] == 'u'
                              ? hex4(text + i + 8, len - i - 8)
                              : -1;
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                    ns_buf_append(out, text + i, 12);
                    i += 11;
                    continue;
                }
                if (u >= 0xd800 && u <= 0xdfff)
                    fix = 1, tok = 6;
                else if (u >= 0)
                    tok = 6;
                else
                    tok = 2;
            } else if (c == '\\') {
                tok = 2;
            }
        } else if (c == '"') {
            in_string = 1;
            str_at = i + 1;
        } else if (c == '{' || c == '[') {
            depth++;
            want_key = depth == 1 && c == '{';
        } else if (c == '}' || c == ']') {
            depth -= depth > 0;
        } else if (c == ',' && depth == 1) {
            want_key = 1;
        } else if (c == '-' || isdigit((unsigned char)c)) {
            /* Bounded by LEN: a record is not NUL-terminated (strspn
             * read past the end of one that ended in digits). */
            while (i + tok < len && strchr("+-.0123456789eE", text[i + tok]) &&
                   text[i + tok])
                tok++;
            fix = number_overflows(text + i, tok) ? 2 : 0;
        }
        if (!tok)
            tok = 1;
        /* A backslash that is the record's last byte is no escape of two
         * (make fuzz: the copy read one byte past the end). */
        if (tok > len - i)
            tok = len - i;
        if (!fix) {
            ns_buf_append(out, text + i, tok);
        } else if (fix == 1) {
            ns_buf_puts(out, "\\uFFFD");
        } else {
            ns_buf_putc(out, '"');
            ns_buf_append(out, text + i, tok);
            ns_buf_putc(out, '"');
        }
        i += tok - 1;
        if (!fix)
            continue;
        changed = 1;
        if (fix == 1 && depth == 1 && !want_key && *id_half == (size_t)-1 &&
            key_len == 2 && !memcmp(text + key_at, "id", 2))
            *id_half = i - tok + 1;
        for (size_t k = 0; !*why && k < sizeof read / sizeof *read; k++) {
            if (depth < 1 || key_len != strlen(read[k]) ||
                memcmp(text + key_at, read[k], key_len))
                continue;
            if (fix == 1)
                snprintf(why, why_size,
                         "field '%s': '%.6s' is half a UTF-16 pair; read as "
                         "U+FFFD",
                         read[k], text + i - tok + 1);
            else
                snprintf(why, why_size,
                         "field '%s': the number %.*s is too big; read as "
                         "text",
                         read[k], (int)(tok > 40 ? 40 : tok),
                         text + i - tok + 1);
        }
    }
    return changed;
}

/* "invalid UTF-8 at byte N" into ERR for the byte at BAD of TEXT, with
 * the byte and, when it is one, its character in windows-1252: what an
 * export from an old Windows system holds (0xE9, "é"), and what the
 * reader's hint to convert the file looks for (reader-jsonl.c). */
static void say_bad_utf8(const char *text, size_t bad, char *err,
                         size_t err_size)
{
    unsigned char b = (unsigned char)text[bad];
    char c[4];
    size_t n = ns_windows1252_char(b, c);
    /* The five bytes windows-1252 leaves undefined are controls there. */
    if (n == 2 && (unsigned char)c[0] == 0xc2 && (unsigned char)c[1] < 0xa0)
        ns_set_err(err, err_size, "invalid UTF-8 at byte %zu (0x%02X)",
                   bad + 1, b);
    else
        ns_set_err(err, err_size,
                   "invalid UTF-8 at byte %zu (0x%02X, \"%.*s\" in "
                   "windows-1252)",
                   bad + 1, b, (int)n, c);
}

/* How many C1 controls (U+0080-U+009F) the strings of V hold, at any
 * depth, that windows-1252 reads as a character; *FIRST gets the second
 * byte of the first of them. */
static size_t count_c1(json_t *v, unsigned char *first)
{
    size_t count = 0, i;
    const char *key;
    json_t *item;
    if (json_is_string(v)) {
        const unsigned char *s = (const unsigned char *)json_string_value(v);
        size_t len = json_string_length(v);
        for (i = 0; i + 1 < len; i++) {
            char c[4];
            if (s[i] != 0xc2 || s[i + 1] < 0x80 || s[i + 1] > 0x9f ||
                (ns_windows1252_char(s[i + 1], c) == 2 &&
                 (unsigned char)c[0] == 0xc2))
                continue;
            if (!count++)
                *first = s[i + 1];
        }
        return count;
    }
    json_array_foreach(v, i, item) count += count_c1(item, first);
    json_object_foreach(v, key, item) count += count_c1(item, first);
    return count;
}

/* The C1 controls in the text fields of the record ROOT read as windows-
 * 1252's characters, as a page's and a feed's are (charset.c), with one
 * warning for ART: a news story holds no control character, and a record
 * with U+0092 is windows-1252 text that went through Latin-1 (an old
 * CMS's database).  As controls they were spaces, and "won\u0092t" was
 * not found by "won't".  An id is left alone: it is refused, not
 * altered.  -1 when out of memory. */
static int c1_as_windows1252(json_t *root, ns_article_t *art)
{
    static const char *const text[] = {"title",  "body", "section",
                                       "author", "tags", "headings"};
    size_t count = 0;
    const char *field = NULL;
    unsigned char first = 0;
    for (size_t k = 0; k < sizeof text / sizeof *text; k++) {
        json_t *v = json_object_get(root, text[k]);
        unsigned char here = 0;
        size_t n = v ? count_c1(v, &here) : 0;
        if (!n)
            continue;
        if (!count)
            field = text[k], first = here;
        count += n;
        if (ns_json_c1_to_windows1252(v) < 0)
            return -1;
    }
    if (!count)
        return 0;
    char c[4], why[160];
    size_t n = ns_windows1252_char(first, c);
    if (count == 1)
        snprintf(why, sizeof why,
                 "field '%s': control character U+%04X read as windows-1252 "
                 "\"%.*s\"",
                 field, first, (int)n, c);
    else
        snprintf(why, sizeof why,
                 "%zu control characters read as windows-1252 (the first, "
                 "U+%04X \"%.*s\" in field '%s')",
                 count, first, (int)n, c, field);
    ns_article_warn(art, why);
    return 0;
}

/* jansson's message TEXT with each U+FEFF named, into OUT (SIZE bytes):
 * it quotes the token it stopped at, and a byte-order mark there printed
 * as nothing at all ("expected near ''"). */
static const char *name_bom(const char *text, char *out, size_t size)
{
    ns_buf_t b = {0};
    for (const char *p = text; *p;) {
        if (!strncmp(p, "'\xef\xbb\xbf'", 5)) {
            ns_buf_puts(&b, "U+FEFF (a byte-order mark)");
            p += 5;
        } else if (!strncmp(p, "\xef\xbb\xbf", 3)) {
            ns_buf_puts(&b, "U+FEFF");
            p += 3;
        } else {
            ns_buf_putc(&b, *p++);
        }
    }
    snprintf(out, size, "%s", b.p ? b.p : text);
    ns_buf_free(&b);
    return out;
}

/* Does the record ROOT say its story is not published, as a CMS's export
 * says it: "draft": true, "published": false (front matter's keys, in
 * JSON), or a "status" of draft, trash, private or pending (WordPress's
 * words, which other CMSs share)?  Only these values: a "status" of
 * another meaning ("breaking", "updated") is no word on publishing, and
 * a "published" date is a date.  Why goes to WHY. */
static int unpublished(json_t *root, char *why, size_t why_size)
{
    static const char *const back[] = {"draft", "trash", "private", "pending"};
    if (json_is_true(json_object_get(root, "draft"))) {
        ns_set_err(why, why_size, "ignored: a draft (draft: true)");
        return 1;
    }
    if (json_is_false(json_object_get(root, "published"))) {
        ns_set_err(why, why_size, "ignored: not published (published: false)");
        return 1;
    }
    const char *status = json_string_value(json_object_get(root, "status"));
    for (size_t i = 0; status && i < sizeof back / sizeof *back; i++)
        if (!strcmp(status, back[i])) {
            ns_set_err(why, why_size, "ignored: not published (status: %s)",
                       status);
            return 1;
        }
    return 0;
}

/* The record TEXT into ART; with CMS, read as ns_fields_cms_record reads
 * a CMS's record. */
static int from_json(const char *text, size_t len, int cms, ns_article_t *art,
                     char *err, size_t err_size)
{
    memset(art, 0, sizeof *art);
    size_t bad = ns_utf8_check(text, len);
    if (bad != len) {
        say_bad_utf8(text, bad, err, err_size);
        return -1;
    }
    if (ns_json_prescan(text, len, err, err_size) < 0)
        return -1;
    json_error_t jerr;
    /* \u0000 is valid JSON, and a control character like any other (a
     * space in text, refused in an id): every field is read by its
     * length, not up to a NUL. */
    const size_t flags = JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL;
    json_t *root = json_loadb(text, len, flags, &jerr);
    char altered[128] = "";
    if (!root) {
        /* Valid JSON jansson cannot hold is put right and read again;
         * what is malformed is refused as jansson says. */
        ns_buf_t fixed = {0};
        json_error_t again;
        size_t id_half = (size_t)-1;
        if (json_repair(text, len, &fixed, altered, sizeof altered, &id_half))
            root = json_loadb(fixed.p, fixed.len, flags, &again);
        ns_buf_free(&fixed);
        if (root && id_half != (size_t)-1) {
            ns_set_err(err, err_size,
                       "field 'id': '%.6s' is half a UTF-16 pair; an id is "
                       "refused rather than altered",
                       text + id_half);
            json_decref(root);
            return -1;
        }
        if (!root) {
            char said[JSON_ERROR_TEXT_LENGTH + 64];
            ns_set_err(err, err_size, "malformed JSON: %s (column %d)",
                       name_bom(jerr.text, said, sizeof said), jerr.column);
            return -1;
        }
    }
    int rc = -1;
    if (!json_is_object(root)) {
        ns_set_err(err, err_size, "not a JSON object");
        goto out;
    }

    /* The id may be a string or an integer: exports from SQL often carry
     * numeric ids, and "42" and 42 name the same article. */
    json_t *id = json_object_get(root, "id");
    char numid[32];
    const char *s;
    size_t slen = 0;
    /* 3.0 is 3, as exporters that hold every number as a double write
     * an integer id; 3.5 names no article. */
    double real = json_is_real(id) ? json_real_value(id) : 0.5;
    if (real == (double)(long long)real && real >= -9e15 && real <= 9e15) {
        snprintf(numid, sizeof numid, "%lld", (long long)real);
        s = numid;
        slen = strlen(numid);
    } else if (json_is_integer(id)) {
        snprintf(numid, sizeof numid, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(id));
        s = numid;
        slen = strlen(numid);
    } else if (id && !json_is_null(id) && !json_is_string(id)) {
        ns_set_err(err, err_size, "field 'id' is not a string or a whole number");
        goto out;
    } else if (json_text(id, "id", &s, &slen, err, err_size) < 0) {
        goto out;
    }
    if (s && ns_set_id(art, s, slen, err, err_size) < 0)
        goto out;

    /* A deletion, as a CMS's change feed, an Elasticsearch bulk stream
     * or a Solr update stream carries it: {"id": "s3", "deleted": true}.
     * It names the article and nothing else; nindex deletes it. */
    json_t *deleted = cms ? json_object_get(root, "deleted") : NULL;
    if (deleted && !json_is_boolean(deleted)) {
        ns_set_err(err, err_size, "field 'deleted' is not true or false");
        goto out;
    }
    if (json_is_true(deleted)) {
        if (!art->id) {
            ns_set_err(err, err_size, "missing id (of the article to delete)");
            goto out;
        }
        art->gone = NS_GONE_DELETED;
        art->title = strdup("");
        art->body = strdup("");
        if (!art->title || !art->body) {
            ns_set_err(err, err_size, "out of memory");
            goto out;
        }
        rc = 0;
        goto out;
    }

    /* A story kept off the site, as front matter keeps one: it is left
     * out, its id kept for an article of that id indexed before to be
     * taken out (README "JSON Lines"). */
    if (cms && unpublished(root, err, err_size)) {
        rc = 1;
        goto out;
    }

    static const struct {
        const char *name;
        size_t field;
        size_t max; /* 0: free text, kept with its newlines */
    } fields[] = {
        {"title", offsetof(ns_article_t, title), 0},
        {"body", offsetof(ns_article_t, body), 0},
        {"section", offsetof(ns_article_t, section), NS_MAX_LABEL},
        {"author", offsetof(ns_article_t, author), NS_MAX_LABEL},
        {"lang", offsetof(ns_article_t, lang), 32},
        {"url", offsetof(ns_article_t, url), 4096},
    };
    if (cms)
        ns_json_aliases(root);
    if (cms && c1_as_windows1252(root, art) < 0) {
        ns_set_err(err, err_size, "out of memory");
        goto out;
    }
    ns_json_labels(root, art);
    ns_json_dates(root, art);
    /* Several sections, as a CMS's categories come: the first, as a
     * page's JSON-LD articleSection is read (html.c). */
    json_t *sections = json_object_get(root, "section");
    if (json_is_array(sections)) {
        json_t *first = NULL, *item;
        size_t k;
        json_array_foreach(sections, k, item)
        {
            if (json_is_string(item) && json_string_length(item)) {
                first = item;
                break;
            }
        }
        json_object_set(root, "section", first ? first : json_null());
    }
    /* Several bylines, as exports of multi-author stories give them:
     * ["Kari Nordmann", "Ola Nordmann"] is "Kari Nordmann, Ola Nordmann";
     * an object is a person by its "name" (JSON-LD, exporters). */
    json_t *authors = json_object_get(root, "author");
    if (json_is_array(authors) || json_is_object(authors)) {
        char lost[200];
        char *by = ns_names_join_said(authors, NS_MAX_LABEL, lost, sizeof lost);
        json_object_set_new(root, "author", by ? json_string(by) : json_null());
        free(by);
        if (*lost)
            ns_article_warn(art, lost);
    }
    if (cms)
        ns_fields_cms_record(root);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        char **field = (char **)((char *)art + fields[i].field);
        if (json_text(json_object_get(root, fields[i].name), fields[i].name, &s,
                      &slen, err, err_size) < 0)
            goto out;
        if (!s)
            continue;
        if (fields[i].max) {
            int rc_label = ns_set_label(field, fields[i].name, s, slen,
                                        fields[i].max, err, err_size);
            if (rc_label < 0)
                goto out;
            if (rc_label > 0)
                ns_article_warn(art, err);
        } else if (!(*field = ns_clean_dup(s, slen))) {
            ns_set_err(err, err_size, "out of memory");
            goto out;
        }
    }
    /* A title is one line even when the source wrapped it, with one
     * space where the line broke (ns_collapse_spaces). */
    if (art->title) {
        for (char *p = art->title; *p; p++)
            if (*p == '\n' || *p == '\t')
                *p = ' ';
        ns_collapse_spaces(art->title);
    }

    if (json_text(json_object_get(root, "date"), "date", &s, &slen, err,
                  err_size) < 0)
        goto out;
    if (s && strlen(s) != slen) {
        ns_set_err(err, err_size, "field 'date' contains a NUL character");
        goto out;
    }
    if (s && ns_set_date_or_warn(art, s, err, err_size) < 0)
        goto out;
    /* When the article last changed: what keeps an older copy sent again
     * from replacing a newer one (README "Updates").  One that does not
     * read costs the check, not the article: the field was ignored once,
     * and records that carry a broken one were indexed. */
    json_t *updated = json_object_get(root, "updated");
    if (json_is_string(updated) &&
        strlen(json_string_value(updated)) == json_string_length(updated) &&
        ns_set_updated(art, json_string_value(updated), err, err_size) < 0) {
        char why[300];
        snprintf(why, sizeof why, "field 'updated': %s: left out", err);
        ns_article_warn(art, why);
        *err = '\0';
    }

    json_t *tags = json_object_get(root, "tags");
    if (json_is_string(tags)) {
        /* Read up to a NUL no more: its control characters are spaces. */
        char *list =
            ns_clean_dup(json_string_value(tags), json_string_length(tags));
        int pushed = list ? ns_push_tag_string(art, list, err, err_size) : -1;
        if (!list)
            ns_set_err(err, err_size, "out of memory");
        free(list);
        if (pushed < 0)
            goto out;
    } else if (json_list(art, tags, "tags", &art->tags, &art->n_tags, err,
                         err_size) < 0) {
        goto out;
    }
    if (json_list(art, json_object_get(root, "headings"), "headings",
                  &art->headings, &art->n_headings, err, err_size) < 0)
        goto out;

    /* The file a walk read the article from, as stored (and as an undo
     * file keeps it).  Not from a record's own "source", which in news
     * exports is the wire or agency ("source": "Reuters"): a record read
     * as input (CMS) has none. */
    json_t *source = cms ? NULL : json_object_get(root, "source");
    if (json_is_string(source) &&
        strlen(json_string_value(source)) == json_string_length(source) &&
        ns_control_char(json_string_value(source),
                        json_string_length(source)) < 0 &&
        !(art->source = strdup(json_string_value(source)))) {
        ns_set_err(err, err_size, "out of memory");
        goto out;
    }

    if (*altered)
        ns_article_warn(art, altered);
    rc = ns_article_finish(art, err, err_size);
    if (rc < 0 && !strncmp(err, "missing ", 8))
        name_keys(root, err, err_size);
out:
    json_decref(root);
    if (rc < 0)
        ns_article_clear(art);
    return rc;
}

int ns_article_from_json(const char *text, size_t len, ns_article_t *art,
                         char *err, size_t err_size)
{
    return from_json(text, len, 0, art, err, err_size);
}

int ns_article_from_record(const char *text, size_t len, ns_article_t *art,
                           char *err, size_t err_size)
{
    return from_json(text, len, 1, art, err, err_size);
}

static int put_string(json_t *obj, const char *key, const char *value)
{
    if (!value)
        return 0;
    return json_object_set_new(obj, key, json_string(value));
}

static int put_list(json_t *obj, const char *key, char **list, size_t n)
{
    if (!n)
        return 0;
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_string(list[i]));
    return json_object_set_new(obj, key, arr);
}

char *ns_article_to_json(const ns_article_t *art)
{
    json_t *obj = json_object();
    if (!obj)
        return NULL;
    /* The order follows the corpus schema, so a stored article reads like
     * the line it came from. */
    put_string(obj, "id", art->id);
    put_string(obj, "title", art->title);
    put_string(obj, "body", art->body);
    put_string(obj, "section", art->section);
    put_list(obj, "headings", art->headings, art->n_headings);
    put_string(obj, "date", art->date);
    put_string(obj, "updated", art->updated);
    put_string(obj, "author", art->author);
    put_string(obj, "lang", art->lang);
    put_string(obj, "url", art->url);
    put_list(obj, "tags", art->tags, art->n_tags);
    put_string(obj, "source", art->source);
    char *text = json_dumps(obj, JSON_COMPACT);
    json_decref(obj);
    return text;
}
