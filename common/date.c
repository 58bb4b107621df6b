/* date.c - Dates: RFC 3339 / ISO 8601 text to seconds since the epoch in
 * UTC and back.  Kept apart from article.c because the searcher reads dates
 * too (--now, the from/to filters) and the calendar arithmetic has nothing
 * to do with article fields. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <strings.h>

#include "ns.h"

/* Days from 1970-01-01 to Y-M-D in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil).  timegm() is not in POSIX, and this
 * is ten lines. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Read exactly N digits at *P into *OUT and advance. */
static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

/* Non-zero if P starts with the zone name UTC or GMT, as a word. */
static int zone_is_utc(const char *p)
{
    return (strncasecmp(p, "UTC", 3) == 0 || strncasecmp(p, "GMT", 3) == 0) &&
           !isalnum((unsigned char)p[3]);
}

int ns_date_parse(const char *text, int64_t *out)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const char *p = text;
    int y, mo, d, h = 0, mi = 0, s = 0, off = 0;

    errno = EINVAL;
    while (isspace((unsigned char)*p))
        p++;
    if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
        digits(&p, 2, &d))
        return -1;
    if (mo < 1 || mo > 12 || d < 1)
        return -1;
    if (d > mdays[mo - 1] + (mo == 2 && leap(y)))
        return -1;
    if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
        p++;
        if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
            return -1;
        if (*p == ':') {
            p++;
            if (digits(&p, 2, &s))
                return -1;
            if (*p == '.' || *p == ',') {
                p++;
                if (!isdigit((unsigned char)*p))
                    return -1;
                while (isdigit((unsigned char)*p))
                    p++;
            }
        }
        /* 24:00 is not accepted; a leap second 60 is clamped to 59 because
         * the epoch count has no room for it. */
        if (h > 23 || mi > 59 || s > 60)
            return -1;
        if (s == 60)
            s = 59;
        /* Jekyll writes "2025-07-01 09:00:00 +0200" and some exporters
         * "10:00:00 UTC": a space may come before the zone, and UTC or GMT
         * may name it. */
        const char *z = p;
        while (*z == ' ')
            z++;
        if (*z == 'Z' || *z == 'z' || *z == '+' || *z == '-' || zone_is_utc(z))
            p = z;
        if (zone_is_utc(p)) {
            p += 3;
        } else if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
            if (digits(&p, 2, &oh))
                return -1;
            if (*p == ':')
                p++;
            if (isdigit((unsigned char)*p) && digits(&p, 2, &om))
                return -1;
            if (oh > 23 || om > 59)
                return -1;
            off = sign * (oh * 3600 + om * 60);
        }
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p)
        return -1;
    int64_t t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
                h * 3600 + mi * 60 + s - off;
    /* The stored form has a four-digit year: 9999-12-31T23:59-12:00 is in
     * year 10000 once in UTC and 0000-01-01T00:00+01:00 in year -1, and
     * neither could be read back. */
    if (t < days_from_civil(1, 1, 1) * 86400 ||
        t > days_from_civil(9999, 12, 31) * 86400 + 86399) {
        errno = ERANGE;
        return -1;
    }
    *out = t;
    return 0;
}

void ns_date_format(int64_t t, char *out, size_t size)
{
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int64_t secs = t - days * 86400;
    int y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(out, size, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d,
             (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}
