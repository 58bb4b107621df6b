/* params.c - nsearchd's query parameters: numbers, dates and the search
 * filters read and checked, a bad one answered 400 bad_parameter with a
 * message that says what was expected; and the one place where the
 * filters become part of the search (ns_http_filters_apply()). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server.h"

/* Is KEY the parameter NAME, as given or as a script writes an array's
 * name: "section[]" (axios, jQuery, Node's qs) or "section[0]" (PHP's
 * http_build_query)?  Read as unknown, such a filter was ignored and every
 * story answered: section[]=crude on "oil" gave 1,597 hits for 325. */
static int key_is(const char *key, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(key, name, n))
        return 0;
    key += n;
    if (!*key)
        return 1;
    if (*key++ != '[')
        return 0;
    key += strspn(key, "0123456789");
    return key[0] == ']' && !key[1];
}

/* What find_arg() looks for, and found. */
struct arg_find {
    const char *key;
    const char *value; /* OUT: the first non-empty value of KEY */
};

static enum MHD_Result find_arg(void *cls, enum MHD_ValueKind kind,
                                const char *key, size_t key_size,
                                const char *value, size_t value_size)
{
    (void)kind;
    (void)key_size;
    struct arg_find *f = cls;
    if (!value || !value_size || !key_is(key, f->key))
        return MHD_YES;
    f->value = value;
    return MHD_NO;
}

const char *ns_http_arg(ns_http_call_t *c, const char *name)
{
    /* Not MHD_lookup_connection_value(), which gives the first value:
     * with "sort=&sort=date" (a form's hidden default before its select)
     * that is the empty one, and the value given would be lost.  Only one
     * value may be non-empty (ns_http_check_args()). */
    struct arg_find f = {name, NULL};
    MHD_get_connection_values_n(c->conn, MHD_GET_ARGUMENT_KIND, find_arg, &f);
    return f.value;
}

int ns_http_arg_long(ns_http_call_t *c, const char *name, long min, long max,
                     long def, const char *cap, long *out, enum MHD_Result *ret)
{
    const char *v = ns_http_arg(c, name);
    *out = def;
    if (!v || ns_parse_long(v, min, max, out) == 0)
        return 0;
    /* A switch (0 or 1) as a web page's script sends one: JavaScript's
     * URLSearchParams writes partial=true, which was a 400. */
    if (min == 0 && max == 1) {
        static const char *const words[][2] = {{"false", "true"},
                                               {"off", "on"}};
        for (size_t i = 0; i < sizeof words / sizeof *words; i++)
            for (long b = 0; b <= 1; b++)
                if (strcasecmp(v, words[i][b]) == 0) {
                    *out = b;
                    return 0;
                }
        *ret = ns_http_reply_error(c, 400, "bad_parameter",
                                   "%s must be 0 or 1 (or false or true), "
                                   "not '%s'",
                                   name, ns_http_shown(v));
        return -1;
    }
    *ret = ns_http_reply_error(
        c, 400, "bad_parameter",
        "%s must be a whole number from %ld to %ld%s, not '%s'", name, min, max,
        cap, ns_http_shown(v));
    return -1;
}

/* Read parameter NAME as date: reads one date (ns_date_span): a day
 * "YYYY-MM-DD", "DD.MM.YYYY" as a Norwegian or German search form writes
 * it, a month "YYYY-MM" or a year "YYYY", or as an article's date is
 * written ("March 1987", "5. januar 2023"), taken whole: into DAY as the
 * first day it covers ("YYYY-MM-DD"), or with LAST its last (to=1963 is
 * 1963-12-31).  An impossible day or month (2025-02-30) is refused.
 * Returns the value as given, or NULL when absent; *bad is set after
 * answering 400. */
static const char *arg_day(ns_http_call_t *c, const char *name, int last,
                           char day[11], int *bad, enum MHD_Result *ret)
{
    const char *v = ns_http_arg(c, name);
    if (!v)
        return NULL;
    char first[11], end[11];
    /* A date-time, as every hit's "date" is written
     * (1987-02-26T15:01:01Z), is its day, as date: takes it in a query
     * (query-fields.cc): the API refused its own dates. */
    char cut[11];
    int64_t t;
    const char *span = v;
    if (strlen(v) > 11 && (v[10] == 'T' || v[10] == 't') &&
        ns_date_parse(v, &t) == 0) {
        memcpy(cut, v, 10);
        cut[10] = '\0';
        span = cut;
    }
    if (ns_date_span(span, first, end) == 0) {
        memcpy(day, last ? end : first, 11);
        return v;
    }
    *bad = 1;
    *ret = ns_http_reply_error(c, 400, "bad_parameter",
                               "%s must be a date: YYYY, YYYY-MM, YYYY-MM-DD, "
                               "YYYYMMDD, DD.MM.YYYY, March 1987 or 5. januar "
                               "2023 (a year or month taken whole), or a "
                               "date-time such as "
                               "1987-02-26T15:01:01Z (its day); not '%s'",
                               name, ns_http_shown(v));
    return NULL;
}

int ns_http_arg_now(ns_http_call_t *c, int64_t *now, enum MHD_Result *ret)
{
    const char *v = ns_http_arg(c, "now");
    *now = NS_NOW_NEWEST;
    if (!v || ns_date_parse(v, now) == 0)
        return 0;
    *ret = ns_http_reply_error(c, 400, "bad_parameter",
                               "now must be a date or date-time such as "
                               "2025-08-15T10:00:00Z, not '%s'",
                               ns_http_shown(v));
    return -1;
}

/* What check_args() found. */
struct args_check {
    int bad;       /* a key or value is invalid */
    int repeated;  /* a key that is not a list is given twice */
    int control;   /* 1: a value, 2: a key holds a control character */
    long code;     /* that control character */
    char key[40];  /* the key, when printable */
    unsigned seen; /* bits of SINGLE given so far */
};

/* The parameters that take one value.  Others are lists (section, lang,
 * tag) or unknown, and ignored. */
static const char *const SINGLE[] = {
    "q",      "limit",   "offset",      "sort",        "half_life", "from",
    "to",     "related", "now",         "collapse",    "facets",    "suggest",
    "author", "partial", "recent_days", "snippet_len",
};

/* Every query parameter must be valid UTF-8 without NUL bytes or other
 * control characters after percent-decoding (libmicrohttpd has decoded
 * them), and none of SINGLE may be given twice: "q=a&q=b" or "limit=5&limit=50"
 * was answered for the first value, and the client never learnt which.  An
 * empty value does not count: an empty form field is "not given" everywhere
 * else, so "q=&q=azure" leaves no doubt, and is a search for azure. */
static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind,
                                 const char *key, size_t key_size,
                                 const char *value, size_t value_size)
{
    (void)kind;
    struct args_check *ck = cls;
    int key_ok = ns_utf8_valid(key, key_size) && strlen(key) == key_size;
    if (key_ok && (!value || (ns_utf8_valid(value, value_size) &&
                              strlen(value) == value_size))) {
        /* Decoded, "%01" is the control byte that the request line's own
         * check (http.c) cannot see; every name and value is checked, not
         * only those a route reads, as the README says of the whole line. */
        long in_key = ns_control_char(key, key_size);
        /* In q a tab, a line feed or a carriage return is a space (a quote
         * pasted from a text box of several lines): routes.c. */
        long in_value = !value ? -1
                        : key_is(key, "q")
                            ? ns_query_control_char(value, value_size)
                            : ns_control_char(value, value_size);
        if (in_key >= 0 || in_value >= 0) {
            ck->control = in_key >= 0 ? 2 : 1;
            ck->code = in_key >= 0 ? in_key : in_value;
            if (ck->control == 1 && key_size < sizeof ck->key)
                snprintf(ck->key, sizeof ck->key, "%s", key);
            return MHD_NO;
        }
        for (unsigned i = 0; i < sizeof SINGLE / sizeof *SINGLE; i++) {
            if (!key_is(key, SINGLE[i]) || !value || !value_size)
                continue;
            if (ck->seen & (1u << i)) {
                ck->repeated = 1;
                snprintf(ck->key, sizeof ck->key, "%s", SINGLE[i]);
                return MHD_NO;
            }
            ck->seen |= 1u << i;
        }
        return MHD_YES;
    }
    ck->bad = 1;
    if (key_ok && key_size < sizeof ck->key)
        snprintf(ck->key, sizeof ck->key, "%s", ns_http_shown(key));
    return MHD_NO;
}

int ns_http_check_args(ns_http_call_t *c, enum MHD_Result *ret)
{
    struct args_check ck = {0};
    MHD_get_connection_values_n(c->conn, MHD_GET_ARGUMENT_KIND, check_arg, &ck);
    if (ck.repeated) {
        *ret =
            ns_http_reply_error(c, 400, "bad_parameter",
                                "parameter '%s' is given more than once "
                                "(only section, lang and tag may be repeated)",
                                ck.key);
        return -1;
    }
    if (ck.control) {
        /* As q's message was before every parameter was checked here. */
        *ret = ns_http_reply_error(c, 400, "bad_parameter",
                                   "%s contains the control character U+%04lX",
                                   ck.control == 2 ? "a parameter name"
                                   : ck.key[0]     ? ns_http_shown(ck.key)
                                                   : "a parameter",
                                   ck.code);
        return -1;
    }
    if (ck.bad && ck.key[0]) {
        *ret = ns_http_reply_error(c, 400, "bad_parameter",
                                   "parameter '%s' is not valid UTF-8", ck.key);
        return -1;
    }
    if (ck.bad) {
        *ret = ns_http_reply_error(c, 400, "bad_parameter",
                                   "a parameter name is not valid UTF-8");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */
/* ------------------------------------------------------------------------ */

/* A label (section, tag): not too long, no control characters (C1 ones
 * included, as in q). */
static int label_ok(const char *v)
{
    size_t len = strlen(v);
    return len <= NS_MAX_LABEL && ns_control_char(v, len) < 0;
}

/* A language as an article's lang is read (ns_lang_code): a code ("en",
 * "nb-NO") or a name ("Bokmål", "Norsk nynorsk"), which the filter folds
 * to its code as the query's lang: does.  Refused, as a label is, when
 * too long or holding a control character, and when it has no letter or
 * digit ("--"): the indexer reads such a lang as none given. */
static int lang_ok(const char *v)
{
    char code[NS_MAX_LABEL + 1];
    if (!label_ok(v))
        return 0;
    strcpy(code, v); /* label_ok: at most NS_MAX_LABEL bytes */
    ns_lang_code(code);
    return *code != '\0';
}

/* Said about a section that is too long or not text. */
_Static_assert(NS_MAX_LABEL == 200, "SECTION_RULE and TAG_RULE say 200 bytes");
static const char SECTION_RULE[] =
    "section must be at most 200 bytes without control characters";
static const char TAG_RULE[] =
    "tag must be at most 200 bytes without control characters";
static const char AUTHOR_RULE[] =
    "author must be at most 200 bytes without control characters";

/* The values of a list parameter (section, lang), in order. */
struct arg_list {
    const char *key;
    const char **out;
    size_t n, too_many;
};

static enum MHD_Result list_arg(void *cls, enum MHD_ValueKind kind,
                                const char *key, size_t key_size,
                                const char *value, size_t value_size)
{
    (void)kind;
    (void)key_size;
    struct arg_list *l = cls;
    if (!key_is(key, l->key) || !value || !value_size)
        return MHD_YES; /* an empty form field is "not given" */
    /* So is one of spaces ("tag=%20", a text box left with a space in
     * it): no article has a blank label, and the filter matched nothing
     * where "tag=" is none. */
    if (!value[strspn(value, " \t\r\n")])
        return MHD_YES;
    if (l->n == NS_HTTP_MAX_VALUES) {
        l->too_many = 1;
        return MHD_NO;
    }
    l->out[l->n++] = value;
    return MHD_YES;
}

/* Read list parameter KEY into OUT (*N values), each checked by OK.
 * Returns 0, or -1 after answering 400 with RULE (and the value, when
 * SHOW: a section may hold what a message should not echo). */
static int arg_list(ns_http_call_t *c, const char *key, const char **out,
                    size_t *n, int (*ok)(const char *), const char *rule,
                    int show, enum MHD_Result *ret)
{
    struct arg_list l = {key, out, 0, 0};
    MHD_get_connection_values_n(c->conn, MHD_GET_ARGUMENT_KIND, list_arg, &l);
    *n = l.n;
    if (l.too_many) {
        *ret = ns_http_reply_error(c, 400, "bad_parameter",
                                   "%s is given more than %d times", key,
                                   NS_HTTP_MAX_VALUES);
        return -1;
    }
    for (size_t i = 0; i < l.n; i++)
        if (!ok(out[i])) {
            *ret =
                show ? ns_http_reply_error(c, 400, "bad_parameter",
                                           "%s, not '%s'", rule,
                                           ns_http_shown(out[i]))
                     : ns_http_reply_error(c, 400, "bad_parameter", "%s", rule);
            return -1;
        }
    return 0;
}

int ns_http_arg_filters(ns_http_call_t *c, ns_http_filters_t *f,
                        enum MHD_Result *ret)
{
    memset(f, 0, sizeof *f);
    if (arg_list(c, "section", f->sections, &f->n_sections, label_ok,
                 SECTION_RULE, 0, ret) < 0 ||
        arg_list(c, "lang", f->langs, &f->n_langs, lang_ok,
                 "lang must be a language code or name such as en, no or Norsk "
                 "bokmål",
                 1, ret) < 0 ||
        arg_list(c, "tag", f->tags, &f->n_tags, label_ok, TAG_RULE, 0, ret) < 0)
        return -1;
    /* A reporter's page ("more by Kari Nordmann"): every word of the name
     * in the byline, as author:"..." reads it, but never query text. */
    f->author = ns_http_arg(c, "author");
    if (f->author && !*f->author)
        f->author = NULL; /* an empty form field is "not given" */
    if (f->author && !label_ok(f->author)) {
        *ret = ns_http_reply_error(c, 400, "bad_parameter", "%s", AUTHOR_RULE);
        return -1;
    }
    int bad = 0;
    f->from = arg_day(c, "from", 0, f->from_day, &bad, ret);
    if (bad)
        return -1;
    f->to = arg_day(c, "to", 1, f->to_day, &bad, ret);
    if (bad)
        return -1;
    if (f->from && f->to && strcmp(f->from_day, f->to_day) > 0) {
        *ret =
            ns_http_reply_error(c, 400, "bad_parameter",
                                "from (%s) is after to (%s)", f->from, f->to);
        return -1;
    }
    return 0;
}

/* The filters become the search's own filter fields: Xapian filters, never
 * query text, so any section name works and Q cannot undo them. */
void ns_http_filters_apply(const char *q, const ns_http_filters_t *f,
                           ns_search_opts_t *so)
{
    so->query = q ? q : "";
    so->sections = f->sections;
    so->n_sections = f->n_sections;
    so->langs = f->langs;
    so->n_langs = f->n_langs;
    so->tags = f->tags;
    so->n_tags = f->n_tags;
    so->date_from = f->from ? f->from_day : NULL;
    so->date_to = f->to ? f->to_day : NULL;
    so->author = f->author;
}

/* A list filter as given: its value when given once, an array of them
 * when repeated. */
static json_t *list_json(const char *const *v, size_t n)
{
    if (n == 1)
        return json_string(v[0]);
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

json_t *ns_http_filters_json(const ns_http_filters_t *f)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (f->n_sections)
        json_object_set_new(o, "section",
                            list_json(f->sections, f->n_sections));
    if (f->n_langs)
        json_object_set_new(o, "lang", list_json(f->langs, f->n_langs));
    if (f->n_tags)
        json_object_set_new(o, "tag", list_json(f->tags, f->n_tags));
    if (f->author)
        json_object_set_new(o, "author", json_string(f->author));
    if (f->from)
        json_object_set_new(o, "from", json_string(f->from));
    if (f->to)
        json_object_set_new(o, "to", json_string(f->to));
    return o;
}
