/* json-error.c - nsearch's errors under --json: the message on stderr as
 * always, and on stdout the error object nsearchd answers with,
 * {"error": {"code", "message"}}, so that a script reading stdout
 * (`nsearch --json ... | jq .total`) sees the failure rather than
 * nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "nsearch.h"

static int json_errors;
static void (*batch_fail)(const char *message);

void nsearch_json_errors(int on)
{
    json_errors = on;
}

void nsearch_batch_errors(void (*fail)(const char *message))
{
    batch_fail = fail;
}

int nsearch_fail(const char *code, const char *fmt, ...)
{
    char message[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    ns_error("%s", message);
    if (batch_fail)
        batch_fail(message);
    else if (json_errors) {
        /* jansson escapes any control character the message quotes. */
        json_t *o = json_pack("{s:{s:s, s:s}}", "error", "code", code,
                              "message", message);
        char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
        if (text)
            puts(text);
        free(text);
        json_decref(o);
    }
    return EXIT_ERROR;
}

const char *nsearch_status_code(ns_status_t st)
{
    switch (st) {
    case NS_STATUS_NOT_FOUND:
        return "not_found";
    case NS_STATUS_BAD_QUERY:
        return "bad_parameter";
    case NS_STATUS_RETRY:
        return "overloaded";
    case NS_STATUS_SHARDS_DOWN:
        return "shards_down";
    default:
        return "internal";
    }
}
