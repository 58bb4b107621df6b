/* byline-credits.c - A wire service's credit line read as its reporters.
 *
 * Reuters and the agencies that copy its style sign a story with a credit
 * line, not a byline: "Reporting by Jane Doe and Ali Khan in Oslo;
 * Writing by Per Berg; Editing by John Smith".  Stored as written, the
 * editor was an author (author:"John Smith" found every story he edited)
 * and the author filter, its warnings and the author facet showed
 * "Editing by John Smith" and "Ali Khan in Oslo" as names.
 *
 * Who counts: the reporters ("Reporting by", "Additional reporting by"),
 * the writers ("Writing by", "Written by") and whoever compiled the story
 * from reports ("Compiled by": a desk writer, the story's author).  The
 * editors ("Editing by", "Edited by", "Additional editing by") did not
 * write it and are left out.  A place after a reporter's name, "in Oslo"
 * (a lower-case "in" and a capitalised word), is where the reporter
 * filed from, and is left out too.  A byline with none of these role
 * words is not a credit line and is kept as it is. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

/* The role words a credit line's part opens with, and whether the names
 * after them wrote the story. */
static const struct {
    const char *words;
    int wrote;
} roles[] = {
    {"additional reporting by ", 1},
    {"additional editing by ", 0},
    {"reporting by ", 1},
    {"writing by ", 1},
    {"written by ", 1},
    {"compiled by ", 1},
    {"editing by ", 0},
    {"edited by ", 0},
};

/* The role whose words open S, or -1. */
static int role_at(const char *s)
{
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
        if (!strncasecmp(s, roles[k].words, strlen(roles[k].words)))
            return (int)k;
    return -1;
}

/* Is a credit line's role named anywhere in V, at its start or after a
 * separator? */
static int has_roles(const char *v)
{
    for (const char *p = v; *p; p++)
        if ((p == v || p[-1] == ' ' || p[-1] == ';' || p[-1] == ',' ||
             p[-1] == '(') &&
            role_at(p) >= 0)
            return 1;
    return 0;
}

/* The length of the name in [S, S + N) without the place it was filed
 * from: "Jane Doe in Oslo" is "Jane Doe".  Only " in " followed by a
 * capital letter (or a letter past ASCII, "in Århus") after a first word:
 * "Kari in" is a name. */
static size_t without_place(const char *s, size_t n)
{
    for (size_t i = 1; i + 4 < n; i++)
        if (!strncmp(s + i, " in ", 4) &&
            (isupper((unsigned char)s[i + 4]) ||
             (unsigned char)s[i + 4] >= 0x80))
            return i;
    return n;
}

/* Append the name in [S, S + N), trimmed, to OUT (at *AT) unless it is
 * already there, whole, in any case. */
static void add_name(char *out, size_t *at, const char *s, size_t n)
{
    ns_trim_spaces(&s, &n);
    while (n && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--; /* "(Reporting by Jane Doe; Editing by John Smith.)" */
    ns_trim_spaces(&s, &n);
    if (!n)
        return;
    for (const char *p = out; p < out + *at;) {
        const char *end = strstr(p, ", ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncasecmp(p, s, n))
            return;
        p += len + (end ? 2 : 0);
        if (!end)
            break;
    }
    if (*at) {
        memcpy(out + *at, ", ", 2);
        *at += 2;
    }
    memcpy(out + *at, s, n);
    *at += n;
    out[*at] = '\0';
}

int ns_byline_credits(char **v)
{
    const char *in = *v;
    if (!has_roles(in))
        return 0;
    /* Each name gets ", " where it had at least one separator byte. */
    char *out = malloc(2 * strlen(in) + 1);
    if (!out)
        return -1;
    size_t at = 0;
    out[0] = '\0';
    int wrote = 1, placed = 0;
    const char *p = in;
    while (*p == '(' || *p == ' ')
        p++;
    while (*p) {
        /* The next part: up to ";", ",", " and " or " & ". */
        size_t n = 0, sep = 0;
        int and = 0;
        for (; p[n]; n++) {
            if (p[n] == ';' || p[n] == ',') {
                sep = 1;
                break;
            }
            if (!strncmp(p + n, " and ", 5) || !strncmp(p + n, " & ", 3)) {
                sep = p[n + 1] == '&' ? 3 : 5;
                and = 1;
                break;
            }
        }
        const char *s = p;
        size_t len = n;
        ns_trim_spaces(&s, &len);
        int r = role_at(s);
        if (r >= 0) {
            wrote = roles[r].wrote;
            s += strlen(roles[r].words);
            len -= strlen(roles[r].words);
        } else if (placed && !memchr(s, ' ', len)) {
            /* "in London and Washington": one word after a place is
             * another place, not a reporter. */
            len = 0;
        }
        placed = 0;
        if (wrote && len) {
            size_t name = without_place(s, len);
            placed = name < len;
            add_name(out, &at, s, name);
        }
        p += n + sep;
        if (!and)
            placed = 0; /* "in Oslo; Writing by", "in Oslo, Per" */
    }
    free(*v);
    *v = out;
    return 0;
}
