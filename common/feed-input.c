/* feed-input.c - The bytes of a feed on their way into libxml2's push
 * parser (feed.c): the byte-order mark and the white space before the XML
 * declaration, a windows-1252 label decoded here, bytes that are not
 * UTF-8 and control characters put right (xmlrepair.c), and which item
 * each change was in. */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"

/* The changes to the bytes (xmlrepair.c) that the parser has read past,
 * to the item in progress or to the stretch outside items. */
void ns_feed_take_fixes(ns_feed_t *f)
{
    if (!ns_xmlrepair_pending(&f->fix))
        return;
    long at = xmlByteConsumed(f->ctxt);
    if (at >= 0)
        ns_xmlrepair_take(&f->fix, (unsigned long long)at,
                          f->item_depth >= 0 ? &f->item_fixes
                                             : &f->outside_fixes);
}

/* Hand N bytes of BUF to the parser, put right first (xmlrepair.c), and
 * take the changes it has read past; LAST ends the document. */
void ns_feed_push(ns_feed_t *f, const char *buf, size_t n, int last)
{
    if (f->fix.mode != NS_XMLREPAIR_OFF) {
        ns_buf_reset(&f->repaired);
        if (ns_xmlrepair_run(&f->fix, buf, n, last, &f->repaired) < 0) {
            snprintf(f->last_err, sizeof f->last_err, "out of memory");
            xmlStopParser(f->ctxt); /* an error, not a loss */
            return;
        }
        buf = f->repaired.p ? f->repaired.p : "";
        n = f->repaired.len;
    }
    f->last_err[0] = '\0'; /* the error that halts it is of this chunk */
    xmlParseChunk(f->ctxt, buf, (int)n, last);
    ns_feed_take_fixes(f);
}

/* Give the parser N bytes of BUF, decoded here from windows-1252 when the
 * feed declared one of its labels (charset.c: browsers, and so the feeds'
 * authors, read ISO-8859-1 so; libxml2 took its curly quotes for control
 * characters, "mayors", and US-ASCII's for an error that lost every item),
 * the parser then reading UTF-8 with its declaration ignored.  Every byte is a
 * character of its own, so any chunk boundary is a character boundary. */
static void decode(ns_feed_t *f, const char *buf, size_t n)
{
    if (!f->cp1252) {
        ns_feed_push(f, buf, n, 0);
        return;
    }
    ns_buf_reset(&f->decoded);
    if (ns_windows1252_to_utf8(buf, n, &f->decoded) == 0) {
        ns_feed_push(f, f->decoded.p ? f->decoded.p : "", f->decoded.len, 0);
    } else {
        snprintf(f->last_err, sizeof f->last_err, "out of memory");
        xmlStopParser(f->ctxt); /* an error, not a loss */
    }
}

/* The first N bytes of the document at BUF: how to read it, from its
 * byte-order mark and its XML declaration. */
static void begin(ns_feed_t *f, const char *buf, size_t n)
{
    /* White space before "<?xml" (charset.c) is left out. */
    size_t bom = n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    size_t ws = ns_xml_blank_prefix(buf + bom, n - bom, &f->lines_skipped);
    if (bom + ws == n)
        return; /* all white so far: look again at the next */
    f->started = 1;
    f->cp1252 = ns_xml_declares_cp1252(ws ? buf + bom + ws : buf,
                                       ws ? n - bom - ws : n);
    /* How the bytes are put right: by the byte-order mark, else the
     * declaration (after the white space), else as UTF-8. */
    ns_xmlrepair_init(&f->fix,
                      f->cp1252 ? NS_XMLREPAIR_CONTROLS
                      : bom     ? NS_XMLREPAIR_UTF8
                                : ns_xmlrepair_mode_of(buf + ws, n - ws),
                      f->lines_skipped + 1);
    if (ws) {
        if (bom)
            ns_feed_push(f, buf, 3, 0);
        buf += bom + ws;
        n -= bom + ws;
    }
    if (f->cp1252)
        xmlCtxtUseOptions(f->ctxt, XML_PARSE_NONET | XML_PARSE_RECOVER |
                                       XML_PARSE_NOWARNING |
                                       XML_PARSE_IGNORE_ENC);
    decode(f, buf, n);
}

/* Are the N bytes at S enough to tell how to read the document they
 * start: its byte-order mark, the white space before "<?xml" and its
 * whole XML declaration?  A read may stop anywhere in them. */
static int begun(const char *s, size_t n)
{
    if (n >= 4096)
        return 1;
    size_t i = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < n &&
           (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i == n)
        return 0;
    if (n - i < 5)
        return memcmp(s + i, "<?xml", n - i) != 0;
    return memcmp(s + i, "<?xml", 5) != 0 || memchr(s + i, '>', n - i);
}

/* Give the parser the next N bytes of BUF; LAST: the input is over. */
void ns_feed_give(ns_feed_t *f, const char *buf, size_t n, int last)
{
    if (f->started) {
        decode(f, buf, n);
        return;
    }
    if (ns_buf_append(&f->prolog, buf, n) < 0) {
        snprintf(f->last_err, sizeof f->last_err, "out of memory");
        xmlStopParser(f->ctxt);
        return;
    }
    if (!last && !begun(f->prolog.p, f->prolog.len))
        return;
    ns_buf_t head = f->prolog;
    memset(&f->prolog, 0, sizeof f->prolog);
    begin(f, head.p ? head.p : "", head.len);
    ns_buf_free(&head);
}
