/* xmlrepair.h - The bytes of an XML document made characters XML allows
 * before libxml2 reads them (xmlrepair.c), and a record of what was
 * changed and where.  Private to the parsers (feed.c). */
#ifndef NS_XMLREPAIR_H
#define NS_XMLREPAIR_H

#include "ns.h"

NS_BEGIN_DECLS

/* How a document's bytes are read, from its byte-order mark and its XML
 * declaration (ns_xmlrepair_mode_of). */
enum ns_xmlrepair_mode {
    NS_XMLREPAIR_OFF = 0,    /* left to libxml2: UTF-16, an encoding
                                that is not ASCII's in its first half */
    NS_XMLREPAIR_CONTROLS,   /* the C0 controls only: an encoding libxml2
                                decodes (ISO-8859-15), or text already
                                made UTF-8 (windows-1252, charset.c) */
    NS_XMLREPAIR_UTF8,       /* UTF-8 by its declaration or byte-order
                                mark: a byte that is not is windows-1252's */
    NS_XMLREPAIR_UNDECLARED, /* UTF-8 for want of a declaration: a byte
                                that is not is windows-1252's */
};

/* What was changed. */
enum ns_xmlfix_kind {
    NS_XMLFIX_BYTE,    /* bytes that are not UTF-8 in a document declared
                          UTF-8, now windows-1252's */
    NS_XMLFIX_LATIN,   /* bytes that are not UTF-8 in one that declares no
                          encoding, now windows-1252's */
    NS_XMLFIX_CONTROL, /* a control character XML forbids, now a space */
    NS_XMLFIX_NONCHAR, /* U+FFFE or U+FFFF, which XML forbids, now U+FFFD */
    NS_XMLFIX_KINDS
};

/* One change, or (past a bound on memory) every change from it on. */
struct ns_xmlfix {
    unsigned long long at; /* offset of the change in the bytes written */
    unsigned line;         /* its line in the document */
    unsigned value;        /* the byte, or the character, it replaced */
    enum ns_xmlfix_kind kind;
    unsigned n[NS_XMLFIX_KINDS]; /* bytes or characters it stands for */
};

typedef struct ns_xmlrepair {
    enum ns_xmlrepair_mode mode;
    unsigned char held[4]; /* the start of a character cut off by the
                              end of the last chunk */
    size_t n_held;
    unsigned long long written; /* bytes written so far */
    unsigned line;              /* the line of the next byte */
    struct ns_xmlfix *fixes;    /* changes not yet taken, in order */
    size_t head, n_fixes, cap_fixes;
} ns_xmlrepair_t;

/* What the changes taken over a stretch of the document add up to. */
typedef struct ns_xmlrepair_sum {
    unsigned n[NS_XMLFIX_KINDS];     /* bytes or characters of each kind */
    unsigned line[NS_XMLFIX_KINDS];  /* the line of the first of each */
    unsigned value[NS_XMLFIX_KINDS]; /* what the first of each replaced, or
                                        0 when not known (merged) */
} ns_xmlrepair_sum_t;

/* How the document whose first N bytes (white space before "<?xml" left
 * out) are BUF is read: by its byte-order mark, else the encoding its XML
 * declaration names, else UTF-8 as XML reads a document that names none.
 * A windows-1252 label is read as NS_XMLREPAIR_CONTROLS, for the text
 * that charset.c has decoded. */
enum ns_xmlrepair_mode ns_xmlrepair_mode_of(const char *buf, size_t n);

/* Start reading a document in MODE, its first line LINE. */
void ns_xmlrepair_init(ns_xmlrepair_t *rp, enum ns_xmlrepair_mode mode,
                       unsigned line);

/* Append the N bytes at BUF, the next of the document, to OUT with every
 * byte that is not UTF-8 (NS_XMLREPAIR_UTF8, _UNDECLARED), every C0
 * control but tab, newline and carriage return, and U+FFFE and U+FFFF
 * replaced, and each change recorded.  A character cut off at the end of
 * BUF is held back for the next call, unless LAST.  Returns 0, or -1 on
 * allocation failure. */
int ns_xmlrepair_run(ns_xmlrepair_t *rp, const char *buf, size_t n, int last,
                     ns_buf_t *out);

/* Non-zero if changes are recorded and not yet taken. */
int ns_xmlrepair_pending(const ns_xmlrepair_t *rp);

/* Add the changes recorded before offset BEFORE of the bytes written to
 * SUM, and forget them. */
void ns_xmlrepair_take(ns_xmlrepair_t *rp, unsigned long long before,
                       ns_xmlrepair_sum_t *sum);

/* SUM in words into OUT ("byte 0xE9 'é' at line 3 is not UTF-8: read as
 * windows-1252; ..."): its length, 0 (and "") if SUM holds no change. */
size_t ns_xmlrepair_describe(const ns_xmlrepair_sum_t *sum, char *out,
                             size_t size);

void ns_xmlrepair_free(ns_xmlrepair_t *rp);

NS_END_DECLS

#endif /* NS_XMLREPAIR_H */
