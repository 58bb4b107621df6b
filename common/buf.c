/* buf.c - Growable byte buffers (ns_buf_t), in the manner of FTS5's
 * Fts5Buffer: a plain struct whose pointer the caller may read directly. */
#include <stdlib.h>
#include <string.h>

#include "ns.h"

static int buf_reserve(ns_buf_t *buf, size_t extra)
{
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    size_t cap = buf->cap ? buf->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(buf->p, cap);
    if (!p)
        return -1;
    buf->p = p;
    buf->cap = cap;
    return 0;
}

int ns_buf_append(ns_buf_t *buf, const char *text, size_t len)
{
    if (buf_reserve(buf, len) < 0)
        return -1;
    if (len)
        memcpy(buf->p + buf->len, text, len);
    buf->len += len;
    buf->p[buf->len] = '\0';
    return 0;
}

int ns_buf_puts(ns_buf_t *buf, const char *text)
{
    return ns_buf_append(buf, text, strlen(text));
}

int ns_buf_putc(ns_buf_t *buf, int c)
{
    char ch = (char)c;
    return ns_buf_append(buf, &ch, 1);
}

void ns_buf_reset(ns_buf_t *buf)
{
    buf->len = 0;
    if (buf->p)
        buf->p[0] = '\0';
}

void ns_buf_free(ns_buf_t *buf)
{
    free(buf->p);
    buf->p = NULL;
    buf->len = buf->cap = 0;
}
