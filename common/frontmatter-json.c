/* frontmatter-json.c - JSON front matter, as Hugo reads it: a JSON object
 * at the very start of the file, with no fences, then the body.  Its keys
 * go to the same ns_fm_key_fn as a YAML or TOML header's, with their
 * values as those readers give them: a string, a number or a boolean as
 * its text, an array as a list of them; an object's own keys as
 * "parent.key", as a YAML block mapping's are.  jansson reads it. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "frontmatter.h"
#include "ingest.h"

int ns_fm_is_json(const char *text, size_t len)
{
    if (!len || text[0] != '{')
        return 0;
    size_t i = 1;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
                       text[i] == '\n'))
        i++;
    return i < len && (text[i] == '"' || text[i] == '}');
}

/* Append scalar J to OUT as its text: 1 if appended, 0 if J is no scalar
 * (null, an array, an object), -1 when out of memory. */
static int put_scalar(ns_buf_t *out, json_t *j)
{
    char num[64];
    const char *s = num;
    size_t n;
    if (json_is_string(j)) {
        s = json_string_value(j);
        n = json_string_length(j);
    } else if (json_is_integer(j)) {
        n = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
                             json_integer_value(j));
    } else if (json_is_real(j)) {
        n = (size_t)snprintf(num, sizeof num, "%.17g", json_real_value(j));
    } else if (json_is_boolean(j)) {
        s = json_is_true(j) ? "true" : "false";
        n = strlen(s);
    } else {
        return 0;
    }
    return ns_buf_append(out, s, n) < 0 ? -1 : 1;
}

/* J into V: 1 if it is a value a key can have, 0 if not (null, an
 * object), -1 when out of memory.  An array's items that are no scalar
 * are left out. */
static int to_value(json_t *j, ns_fm_value_t *v)
{
    ns_fm_value_reset(v);
    if (!json_is_array(j))
        return put_scalar(&v->text, j);
    v->is_list = 1;
    size_t i;
    json_t *item;
    json_array_foreach(j, i, item)
    {
        int rc = put_scalar(&v->text, item);
        if (rc < 0 || (rc > 0 && ns_fm_value_end_item(v) < 0))
            return -1;
    }
    return 1;
}

/* How many times KEY is written as a key of the top-level object of TEXT
 * (LEN bytes, the header), "KEY" then ":"; *LINE gets the line of the
 * NTH (from 0), left alone if there is none.  jansson keeps the last of
 * a key given twice and says nothing, so the keys are counted here for
 * the header reader to see each (frontmatter.c says "given twice").  A
 * key written with escapes is not found. */
static unsigned key_at(const char *text, size_t len, const char *key,
                       size_t klen, unsigned nth, unsigned *line)
{
    unsigned at = 1, count = 0;
    size_t depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\n') {
            at++;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth && !--depth)
                break;
        } else if (c == '"') {
            size_t s = i + 1;
            while (++i < len && text[i] != '"')
                if (text[i] == '\\')
                    i++;
            if (i >= len)
                break;
            size_t k = i + 1;
            while (k < len && strchr(" \t\r\n", text[k]))
                k++;
            if (depth == 1 && i - s == klen && !memcmp(text + s, key, klen) &&
                k < len && text[k] == ':') {
                if (count == nth)
                    *line = at;
                count++;
            }
        }
    }
    return count;
}

int ns_json_header_read(const char *text, size_t len, ns_fm_key_fn fn,
                        void *ctx, size_t *used, char *err, size_t err_size,
                        unsigned *err_line)
{
    *err_line = 1;
    if (ns_json_prescan(text, len, err, err_size) < 0)
        return -1;
    json_error_t jerr;
    json_t *root =
        json_loadb(text, len, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &jerr);
    if (!root) {
        *err_line = jerr.line > 0 ? (unsigned)jerr.line : 1;
        ns_set_err(err, err_size, "JSON front matter: %s", jerr.text);
        return -1;
    }
    *used = (size_t)jerr.position;
    ns_fm_value_t v = {0};
    int rc = 0;
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val)
    {
        size_t klen = strlen(key);
        /* A key given twice is passed on as often, each time with the
         * last value (jansson's), for the caller to say so. */
        unsigned line = 1, times = key_at(text, *used, key, klen, 0, &line);
        for (unsigned k = 1; k < times && rc == 0; k++)
            if ((rc = to_value(val, &v)) > 0 &&
                (rc = fn(ctx, key, klen, &v, err, err_size)) < 0) {
                (void)key_at(text, *used, key, klen, k - 1, err_line);
                break;
            }
        if (rc < 0)
            break;
        if (json_is_object(val)) {
            /* The object itself, so that one where a value belongs is
             * said (frontmatter-keys.c); then its keys, one level, and
             * nothing in them is an error (yaml.c). */
            const char *sub;
            json_t *sval;
            char name[64];
            ns_fm_value_reset(&v);
            v.is_map = 1;
            if (fn(ctx, key, klen, &v, err, err_size) < 0) {
                (void)key_at(text, *used, key, klen, times ? times - 1 : 0,
                             err_line);
                rc = -1;
                break;
            }
            json_object_foreach(val, sub, sval)
            {
                size_t n = klen + 1 + strlen(sub);
                if (n >= sizeof name)
                    continue;
                snprintf(name, sizeof name, "%s.%s", key, sub);
                if ((rc = to_value(sval, &v)) < 0)
                    break;
                if (rc > 0)
                    (void)fn(ctx, name, n, &v, err, err_size);
            }
        } else if ((rc = to_value(val, &v)) > 0 &&
                   (rc = fn(ctx, key, klen, &v, err, err_size)) < 0) {
            (void)key_at(text, *used, key, klen, times ? times - 1 : 0,
                         err_line);
            break;
        }
        if (rc < 0) {
            ns_set_err(err, err_size, "out of memory");
            break;
        }
        rc = 0;
    }
    ns_fm_value_free(&v);
    json_decref(root);
    return rc < 0 ? -1 : 0;
}
