/* date-dmy.c - Dates written day first, as Norwegian, Danish, Swedish and
 * German archives write them: "05.12.2026", "5.12.2026 08:15",
 * "5. desember 2026", "lørdag 5. desember 2026 kl. 08.15".  A news site's
 * CMS exports them so, and every such article was a skipped record.
 *
 * With dots the order is day, month, year everywhere these forms are
 * used, so there is no guessing; the year must have its four digits
 * ("05.12.26" could be 1926 or 2026 and is refused).  The month names are
 * the feed reader's (date822.c), which already reads them in <pubDate>.
 * There is no zone: the time is UTC, as every time without one is in
 * nsearch. */
#include <ctype.h>
#include <stdio.h>

#include "ingest.h"

static const char *skip_space(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

/* From one to MAX digits at *P into *OUT; advances.  -1 if none, or more
 * than MAX. */
static int number(const char **p, int max, int *out)
{
    int v = 0, n = 0;
    while (isdigit((unsigned char)**p)) {
        if (++n > max)
            return -1;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    *out = v;
    return n ? 0 : -1;
}

/* Exactly four digits at *P, and no fifth, into *YEAR. */
static int year_at(const char **p, int *year)
{
    const char *start = *p;
    return number(p, 4, year) < 0 || *p - start != 4 ? -1 : 0;
}

/* "5.12.2026" or "05.12.2026" at *P. */
static int dotted(const char **p, int *day, int *month, int *year)
{
    const char *q = *p;
    if (number(&q, 2, day) < 0 || *q++ != '.' || number(&q, 2, month) < 0 ||
        *q++ != '.' || year_at(&q, year) < 0)
        return -1;
    *p = q;
    return 0;
}

/* "5. desember 2026", "5 des. 2026", "05. Dez 2026" at *P. */
static int named(const char **p, int *day, int *month, int *year)
{
    const char *q = *p;
    if (number(&q, 2, day) < 0)
        return -1;
    int stop = *q == '.';
    q += stop;
    if (!stop && !isspace((unsigned char)*q))
        return -1;
    q = skip_space(q);
    *month = ns_date822_month(q, &q);
    if (!*month || !isspace((unsigned char)*q))
        return -1;
    q = skip_space(q);
    if (year_at(&q, year) < 0)
        return -1;
    *p = q;
    return 0;
}

/* A time of day at *P: "08:15", "08.15", "08:15:30", after "kl." or "kl"
 * as Norwegian and Danish write it ("kl. 08.15"). */
static int time_at(const char **p, int *hour, int *min, int *sec)
{
    const char *q = *p;
    if ((q[0] == 'k' || q[0] == 'K') && q[1] == 'l') {
        q += 2;
        q += *q == '.';
        q = skip_space(q);
    }
    const char *m;
    char sep;
    if (number(&q, 2, hour) < 0)
        return -1;
    sep = *q++;
    if (sep != ':' && sep != '.')
        return -1;
    m = q;
    if (number(&q, 2, min) < 0 || q - m != 2)
        return -1;
    *sec = 0;
    if (sep == ':' && *q == ':') {
        m = ++q;
        if (number(&q, 2, sec) < 0 || q - m != 2)
            return -1;
    }
    *p = q;
    return 0;
}

int ns_date_dmy_parse(const char *text, int64_t *out)
{
    const char *p = skip_space(text);
    /* A weekday's name first ("lørdag", "Sa.,"): any word, as the feed
     * reader takes one, since the month's name is what is checked. */
    if (!isdigit((unsigned char)*p)) {
        const char *w = p;
        while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
            p++;
        if (p == w)
            return -1;
        p += *p == '.';
        p += *p == ',';
        if (!isspace((unsigned char)*p))
            return -1;
        p = skip_space(p);
    }
    int day, month, year, hour = 0, min = 0, sec = 0, timed = 0;
    if (dotted(&p, &day, &month, &year) < 0 &&
        named(&p, &day, &month, &year) < 0)
        return -1;
    if (isspace((unsigned char)*p)) {
        p = skip_space(p);
        if (*p) {
            if (time_at(&p, &hour, &min, &sec) < 0)
                return -1;
            timed = 1;
        }
    }
    if (*skip_space(p))
        return -1;
    /* ns_date_parse knows the calendar (no 31.04) and the clock. */
    char iso[32];
    if (timed)
        snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", year,
                 month, day, hour, min, sec);
    else
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return ns_date_parse(iso, out);
}

int ns_date_dmy_day(const char *text, char *out, size_t size)
{
    const char *p = text;
    int day, month, year;
    int64_t t;
    if (dotted(&p, &day, &month, &year) < 0 || *p)
        return -1;
    char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    if (ns_date_parse(iso, &t) < 0)
        return -1;
    snprintf(out, size, "%s", iso);
    return 0;
}
