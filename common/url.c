/* url.c - An article's url as a browser reads it.
 *
 * The url is what a search page puts in an href, so it is stored as a
 * browser would read that href (WHATWG URL): tabs and newlines anywhere
 * in it are left out, and the characters a browser percent-encodes in
 * a path, query or fragment are encoded.  Stored as sent, a quote in
 * "http://evil.example/\"onmouseover=\"alert(1)" ended the attribute of
 * a page that did not escape it and began one of the feed's own, and a
 * canonical link wrapped over two lines was stored with a space a
 * browser never saw. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "url.h"

/* Does a browser percent-encode byte C wherever it comes in a url?  The
 * C0 controls, DEL, space and the characters that end or open markup
 * (WHATWG's fragment percent-encode set), and "'", "{" and "}", which a
 * browser encodes in the query and the path of an http url: a page that
 * quotes its href with "'" is as open to one as to '"'.  Not "%": an encoded url is
 * stored as it came ("%20" stays "%20", not "%2520").  Not bytes from
 * 0x80: a UTF-8 url (an IRI) is stored as written, and a browser
 * encodes it when it follows the link. */
static int encoded(unsigned char c)
{
    return c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' ||
           c == '`' || c == '\'' || c == '{' || c == '}';
}

char *ns_url_label_dup(const char *value, size_t len)
{
    char *raw = malloc(len + 1);
    if (!raw)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (value[i] != '\t' && value[i] != '\n' && value[i] != '\r')
            raw[n++] = value[i];
    char *v = ns_label_dup(raw, n);
    free(raw);
    return v;
}

int ns_url_encode(char **url)
{
    const unsigned char *s = (const unsigned char *)*url;
    size_t extra = 0;
    for (size_t i = 0; s[i]; i++)
        extra += encoded(s[i]) ? 2 : 0;
    if (!extra)
        return 0;
    char *out = malloc(strlen(*url) + extra + 1), *o = out;
    if (!out)
        return -1;
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; s[i]; i++) {
        if (encoded(s[i])) {
            *o++ = '%';
            *o++ = hex[s[i] >> 4];
            *o++ = hex[s[i] & 15];
        } else
            *o++ = (char)s[i];
    }
    *o = '\0';
    free(*url);
    *url = out;
    return 0;
}

/* ASCII's letters alone, not isalpha()'s: RFC 3986's ALPHA, whatever the
 * locale says of a byte from 0x80. */
static int ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int ns_url_has_scheme(const char *s)
{
    if (!ascii_alpha(*s))
        return 0;
    while (ascii_alpha(*s) || (*s >= '0' && *s <= '9') || *s == '+' ||
           *s == '-' || *s == '.')
        s++;
    return *s == ':';
}

size_t ns_url_host(const char *url, char *out, size_t size)
{
    const char *p = url && ns_url_has_scheme(url) ? strstr(url, "://") : NULL;
    if (!p)
        return 0;
    p += 3;
    size_t n = strcspn(p, "/?#");
    const char *at = memchr(p, '@', n);
    if (at)
        n -= (size_t)(at + 1 - p), p = at + 1;
    while (n && isspace((unsigned char)*p))
        p++, n--;
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    if (!n || n >= size)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)p[i]);
    out[n] = '\0';
    return n;
}
