/* url.h - What an absolute address names: its scheme and its host (url.c).
 * Internal to libns (the feed reader) and nindex (other-site.c), which
 * both tell one site from another by the host of an address. */
#ifndef NS_URL_H
#define NS_URL_H

#include <stddef.h>

#include "ns.h"

NS_BEGIN_DECLS

/* Does S begin with a URI's scheme and its ":" (RFC 3986 3.1), as
 * "https:", "tag:", "urn:" do and "1", "12:30" and "post-7" do not?  The
 * letters are ASCII's, whatever the locale. */
int ns_url_has_scheme(const char *s);

/* The host (and port) of the absolute address URL (may be NULL),
 * lowercased and without the user information before an "@", into OUT
 * (SIZE bytes); returns its length, 0 if URL names none or it does not
 * fit.  White space around the host is left out, so that an address
 * written with a blank after it (a feed's <atom:link href="https://x.example
 * ">) names the same site as one without. */
size_t ns_url_host(const char *url, char *out, size_t size);

NS_END_DECLS

#endif
