/* textpage.h - Article pages saved as plain text: the rules that find
 * headings, list markers, a byline and the page's furniture in a text
 * article's body.  Internal to libns (the reader and the unit tests).
 *
 * Each rule is one function on one line or a few, so each can be tested
 * alone; ns_textpage_apply() runs them over a whole body.  Where a rule
 * cannot decide, the text stays in the body: losing article text is worse
 * than keeping a little furniture. */
#ifndef NS_TEXTPAGE_H
#define NS_TEXTPAGE_H

#include <stddef.h>

#include "ns.h"

NS_BEGIN_DECLS

/* If LINE (LEN bytes, no newline) is a list item ("• text", "- text",
 * "* text", "1. text", "2) text", indented or not), return the bytes up to
 * its text (indentation, marker and the space after it); else 0.  En and em
 * dashes are not markers: Norwegian news opens quotes with them. */
size_t ns_textpage_list_marker(const char *line, size_t len);

/* Non-zero if LINE reads as a relative age: "29 minutes ago", "3 hours
 * ago", "1 day ago", "yesterday", "29 minutter siden", "3 timer siden",
 * "for 2 dager siden", "i går". */
int ns_textpage_is_age(const char *line, size_t len);

/* Non-zero if LINE, trimmed and without a final ':', is one of the known
 * headings that start a page's furniture ("Recent Posts", "Related",
 * "Read more", "Share this", "Comments", "Siste innlegg", "Relaterte
 * saker", ...; the list is NS_TEXTPAGE_FURNITURE in textpage.c),
 * compared without regard to ASCII case. */
int ns_textpage_is_furniture_heading(const char *line, size_t len);

/* Heading test for LINE given its neighbours: PREV_BLANK (the line before
 * is blank or LINE opens the body), NEXT_BLANK (the line after is blank or
 * LINE ends the body) and NEXT_LIST (the next non-blank line is a list
 * item).  A heading is short (at most 80 bytes and 10 words), does not
 * start with a lower-case letter, is not a list item, has no final full
 * stop, is set off by blank lines (or followed directly by a list), and
 * ends in ':' or '?' or is followed by a list.  Returns the length of its
 * text without indentation or a final ':' (what is stored) and points
 * *TEXT at it, or returns 0. */
size_t ns_textpage_heading(const char *line, size_t len, int prev_blank,
                           int next_blank, int next_list, const char **text);

/* If LINE is a byline "By NAME" (or "Av NAME", "Written by NAME", "Tekst:
 * NAME", "Tekst og foto: NAME": at most six words, each capitalised or
 * "and"/"og", no final full stop; a "Foto: NAME" after it is no author's),
 * set *NAME and *NAME_LEN and return 1; else 0. */
int ns_textpage_by_line(const char *line, size_t len, const char **name,
                        size_t *name_len);

/* Non-zero if LINE could be a bare byline standing after the article, like
 * "admin" or "Kari Nordmann": one to three words, at most 40 bytes, no
 * digits, no sentence punctuation.  Only used right before furniture that
 * was cut, where such a line is the page's author box. */
int ns_textpage_is_name(const char *line, size_t len);

/* What ns_textpage_apply() did, for nindex's warning. */
typedef struct ns_textpage_report {
    size_t cut_line;   /* 1-based body line where the cut starts; 0: none */
    size_t cut_lines;  /* lines cut, blank ones included */
    size_t cut_words;  /* words cut */
    char why[96];      /* "'Recent Posts'" or "a post list (6 posts)" */
    char first[128];   /* the first cut line, as it is in the body */
    size_t body_lines; /* lines of the body before the rules ran */
    int byline;        /* 1 if the author came from a byline line */
    int page_end;      /* 1 if the cut stopped at a form feed */
} ns_textpage_report_t;

/* Apply the page rules to ART (read from a text file): cut trailing page
 * furniture from ART->body (when FURNITURE is not 0), take a byline as ART->author when it has none
 * (a bare name before the furniture goes with it; a "By NAME" line stays
 * in the body), add plain-text headings to ART->headings, and
 * remove list markers from the body, keeping each item's text.  REPORT
 * (may be NULL) says what was cut.  Returns 0, or -1 on allocation
 * failure (ART is then unchanged). */
int ns_textpage_apply(ns_article_t *art, int furniture,
                      ns_textpage_report_t *report);
/* ns_textpage_apply for a body of pages: BREAKS (N_BREAKS of them, in
 * ascending order) are the 0-based body lines that hold a form feed, where
 * a new page starts.  Furniture is a page's: a cut ends before the next
 * such line, and the lines after it stay. */
int ns_textpage_apply_pages(ns_article_t *art, int furniture,
                            const size_t *breaks, size_t n_breaks,
                            ns_textpage_report_t *report);

NS_END_DECLS

#endif /* NS_TEXTPAGE_H */
