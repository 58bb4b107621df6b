/* framing.c - The checks of a request head that libmicrohttpd 0.9.75
 * leaves undone, and that a server reached directly (not only behind
 * nginx) must do so that it and a proxy in front of it cannot read one
 * byte stream as different requests (request smuggling, RFC 9112 6.3 and
 * 11.2):
 *
 *   two Content-Length fields that differ, or Transfer-Encoding with
 *   Content-Length (which of them frames the body?);
 *   a NUL or a bare CR in a field value, a space before the colon;
 *   a field line folded onto the next (obs-fold: a line starting with a
 *   space or tab, RFC 9112 5.2);
 *   an HTTP/1.1 request without a Host field, or with two (RFC 9112
 *   3.2).
 *
 * libmicrohttpd itself answers a Content-Length that is not a number, a
 * chunked body it cannot read, and a first field line that starts with a
 * space (each with its own HTML 400).
 *
 * libmicrohttpd hands over each field with its length, but it cuts a
 * value at a NUL and joins a folded line to its field in a copy, leaving
 * no trace in either.  The trace is in its read buffer, where it parsed
 * the head in place, zeroing each line's CR and LF: the next field's
 * name begins right after them.  So the fields are walked in order, and
 * any byte between one value's end and the next name other than those
 * zeroed line ends is a sign of one of these shapes. */
#include <string.h>
#include <strings.h>

#include "server.h"

struct walk {
    const char *end;    /* where the previous value ended, or NULL */
    int broken;         /* a byte between two fields (a NUL, a fold) */
    int bad_value;      /* a CR or NUL inside a value, or a space in a
                           name */
    unsigned hosts;     /* Host fields */
    unsigned lengths;   /* Content-Length fields */
    int lengths_differ; /* ... with different values */
    const char *length; /* the first one's value */
    size_t length_size;
    int chunked; /* a Transfer-Encoding field */
};

/* Does the line after a value, which ended at P, begin at NEXT?  The
 * value's own line end was zeroed (CR LF, or a bare LF, which RFC 9112
 * 2.2 lets a recipient accept). */
static int follows(const char *p, const char *next)
{
    if (p[0] != '\0')
        return 0;
    if (next == p + 1)
        return 1;
    return p[1] == '\0' && next == p + 2;
}

static enum MHD_Result walk_field(void *cls, enum MHD_ValueKind kind,
                                  const char *key, size_t key_size,
                                  const char *value, size_t value_size)
{
    (void)kind;
    struct walk *w = cls;
    if (w->end && !follows(w->end, key))
        w->broken = 1;
    w->end = value + value_size;
    if (memchr(value, '\r', value_size) || memchr(value, '\0', value_size))
        w->bad_value = 1;
    if (key_size && (key[key_size - 1] == ' ' || key[key_size - 1] == '\t'))
        w->bad_value = 1;
    if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
        w->hosts++;
    if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0)
        w->chunked = 1;
    if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
        if (w->lengths++ == 0) {
            w->length = value;
            w->length_size = value_size;
        } else if (value_size != w->length_size ||
                   memcmp(value, w->length, value_size) != 0) {
            w->lengths_differ = 1;
        }
    }
    return MHD_YES;
}

const char *ns_http_framing_error(struct MHD_Connection *conn,
                                  const char *version)
{
    struct walk w = {0};
    MHD_get_connection_values_n(conn, MHD_HEADER_KIND, walk_field, &w);
    /* After the last field's value: its zeroed line end, then the empty
     * line (zeroed too, or not), unless a folded line or the rest of a
     * value cut at a NUL comes first. */
    if (w.end && w.end[0] == '\0') {
        char c1 = w.end[1];
        if (c1 != '\0' && c1 != '\r' && c1 != '\n')
            w.broken = 1;
        else if (c1 == '\0' && (w.end[2] == ' ' || w.end[2] == '\t'))
            w.broken = 1;
    }
    if (w.lengths_differ)
        return "two Content-Length fields that differ";
    if (w.chunked && w.lengths)
        return "both Transfer-Encoding and Content-Length";
    if (w.broken)
        return "a NUL byte in a header field, or a field folded onto the "
               "next line (obs-fold)";
    if (w.bad_value)
        return "a CR or NUL byte in a header field, or a space before its "
               "colon";
    if (w.hosts > 1)
        return "more than one Host field";
    if (w.hosts == 0 && strcmp(version, MHD_HTTP_VERSION_1_1) == 0)
        return "an HTTP/1.1 request without a Host field";
    return NULL;
}
