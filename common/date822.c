/* date822.c - RFC 822 / RFC 2822 dates, the form RSS 2.0 and WordPress
 * exports use in <pubDate>: "Wed, 06 Aug 2025 09:30:00 +0000", and the
 * English month-first form JavaScript's Date reads ("Jul 08 2022").
 *
 * Feeds in the wild bend the rule: a missing weekday or seconds, a
 * two-digit year, a zone name (GMT, UT, EST, CEST, MESZ), an offset
 * written +02:00, or none at all.  Each
 * is accepted and read as RFC 2822 section 4.3 reads it; anything else is
 * refused, so that a wrong date is reported instead of indexed. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

static const char *skip_space(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

/* A number of at most MAX digits at *P; advances.  -1 if none. */
static int number(const char **p, int max)
{
    int v = 0, n = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n ? v : -1;
}

/* The offset of a zone name in seconds: those of RFC 2822 and the ones
 * publishers' feeds use.  Returns 0, or 1 for another name of one to
 * five letters, whose offset is not known: *OFF is then 0, as RFC 2822
 * 4.3 reads such a zone ("-0000"), and the reader says so (an item dated
 * "AEDT" or "A", a military zone, was skipped whole once).  Returns -1
 * for a longer word, which is no zone. */
static int zone_offset(const char *name, size_t len, int *off)
{
    static const struct {
        const char *name;
        int minutes;
    } zones[] = {
        {"EST", -300},  {"EDT", -240},  {"CST", -360}, {"CDT", -300},
        {"MST", -420},  {"MDT", -360},  {"PST", -480}, {"PDT", -420},
        {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"AST", -240},
        {"ADT", -180},  {"NST", -210},  {"NDT", -150}, {"CET", 60},
        {"CEST", 120},  {"BST", 60},    {"MEZ", 60},   {"MESZ", 120},
        {"WET", 0},     {"WEST", 60},   {"EET", 120},  {"EEST", 180},
        {"MSK", 180},   {"IST", 330},   {"PKT", 300},  {"ICT", 420},
        {"WIB", 420},   {"HKT", 480},   {"SGT", 480},  {"AWST", 480},
        {"JST", 540},   {"KST", 540},   {"ACST", 570}, {"ACDT", 630},
        {"AEST", 600},  {"AEDT", 660},  {"NZST", 720}, {"NZDT", 780},
        {"SAST", 120},  {"WAT", 60},    {"EAT", 180},  {"MET", 60},
        {"MEST", 120},  {"GMT", 0},     {"UT", 0},     {"UTC", 0},
        {"Z", 0},
    };
    /* IST is India's here: its feeds use it far more than Ireland's or
     * Israel's, and the other two are an hour or two off at worst.  MET
     * and MEST are the tz database's names for Central European time,
     * which Java and older Unix systems print. */
    if (len == 0 || len > 5)
        return -1;
    *off = 0;
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
        if (strlen(zones[i].name) == len &&
            strncasecmp(zones[i].name, name, len) == 0) {
            *off = zones[i].minutes * 60;
            return 0;
        }
    }
    return 1;
}

/* "+0100", "+01:00", or (after GMT or UTC, as some feeds and JavaScript's
 * Date write it) "+1", "+01": the offset at *P in seconds into *OFF, or
 * -1. */
static int numeric_offset(const char **p, int short_hours, int *off)
{
    int sign = **p == '-' ? -1 : 1;
    (*p)++;
    const char *z = *p;
    int hhmm = number(p, 4);
    long digits = *p - z;
    /* "+02:00", as ISO 8601 writes it: feeds mix the two forms. */
    if (digits == 2 && **p == ':') {
        const char *m = ++*p;
        int mm = number(p, 2);
        if (mm < 0 || *p - m != 2)
            return -1;
        hhmm = hhmm * 100 + mm;
        digits = 4;
    } else if (short_hours && (digits == 1 || digits == 2)) {
        hhmm *= 100;
        digits = 4;
    }
    if (hhmm < 0 || digits != 4 || hhmm % 100 > 59 || hhmm / 100 > 23)
        return -1;
    *off = sign * ((hhmm / 100) * 3600 + (hhmm % 100) * 60);
    return 0;
}

/* A letter of a day or month name: ASCII, or a byte of a UTF-8 one
 * ("lør", "März"). */
static int name_byte(unsigned char c)
{
    return isalpha(c) || c >= 0x80;
}

/* The month whose name starts at P (1-12), or 0.  English, as RFC 822
 * writes it, and the names in the languages of the archives here: a
 * Norwegian, Danish, Swedish or German site whose software writes
 * <pubDate> in the site's language ("ons, 20 mai 2025", "Di, 07 Okt
 * 2025") had every item skipped.  The name is a whole one, its three
 * letters, "Sept", or a longer start of it ended by a full stop
 * ("Febr."): matching three letters alone read OCR's "Janxyz" and
 * "Marc" as January and March. */
static int month_at(const char *p)
{
    static const struct {
        const char *name;
        int month;
    } names[] = {
        {"january", 1},    {"januar", 1},         {"januari", 1},
        {"february", 2},   {"februar", 2},        {"februari", 2},
        {"march", 3},      {"mars", 3},           {"marts", 3},
        {"m\xc3\xa4rz", 3}, {"m\xc3\xa4r", 3}, {"mrz", 3},
        {"april", 4},      {"avr", 4},            {"avril", 4},
        {"may", 5},        {"mai", 5},            {"maj", 5},
        {"june", 6},       {"juni", 6},           {"july", 7},
        {"juli", 7},       {"august", 8},         {"augusti", 8},
        {"september", 9},  {"sept", 9},           {"october", 10},
        {"oktober", 10},   {"november", 11},      {"december", 12},
        {"desember", 12},  {"dezember", 12},
        /* Read by their first three letters before, and kept: French,
         * Spanish, Italian and Dutch. */
        {"janvier", 1},    {"febbraio", 2},       {"marzo", 3},
        {"maart", 3},      {"aprile", 4},         {"mayo", 5},
        {"junio", 6},      {"julio", 7},          {"augustus", 8},
        {"septembre", 9},  {"septiembre", 9},     {"octobre", 10},
        {"octubre", 10},   {"novembre", 11},      {"noviembre", 11},
    };
    char mon[16];
    size_t len = 0;
    while (name_byte((unsigned char)p[len]))
        if (len == sizeof mon - 1)
            return 0;
        else
            mon[len] = (char)tolower((unsigned char)p[len]), len++;
    mon[len] = '\0';
    if (len < 3)
        return 0;
    int stop = p[len] == '.';
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t n = strlen(names[i].name);
        if (!strncmp(mon, names[i].name, len) &&
            (len == n || len == 3 || stop))
            return names[i].month;
    }
    return 0;
}

/* Past the name at P (a day's or a month's) and the full stop that may
 * abbreviate it ("Mi.", "okt."). */
static const char *past_name(const char *p)
{
    while (name_byte((unsigned char)*p))
        p++;
    return *p == '.' ? p + 1 : p;
}

/* Past the English ordinal suffix at P ("5th", "1st", "22nd", "3rd"),
 * as newspapers printed the day and OCR keeps it. */
static const char *past_ordinal(const char *p)
{
    static const char *const ends[] = {"st", "nd", "rd", "th"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
        if (!strncasecmp(p, ends[i], 2) && !name_byte((unsigned char)p[2]))
            return p + 2;
    return p;
}

int ns_date822_month(const char *text, const char **end)
{
    int month = month_at(text);
    if (month)
        *end = past_name(text);
    return month;
}

/* The day the English way, month first, as JavaScript's Date reads it:
 * "Jul 08 2022" or "July 8, 2022", the pubDate of an Astro blog (read by
 * z.coerce.date(), so the starter's posts are written so), and what
 * Date's toString() writes after the day name ("Fri Jul 08 2022 10:00:00
 * GMT+0200 (CEST)").  Before, each such post was a skipped file.  The
 * year has its four digits.  Sets the fields and returns the end, or
 * NULL if P is not such a day (then it is read day first). */
static const char *month_first(const char *p, int *day, int *month, int *year)
{
    int m = month_at(p);
    const char *q = past_name(p);
    if (!m || !isspace((unsigned char)*q))
        return NULL;
    q = skip_space(q);
    int d = number(&q, 2);
    if (d < 1)
        return NULL;
    q = past_ordinal(q); /* "Jan. 5th, 1923" */
    if (*q == ',')
        q++;
    if (!isspace((unsigned char)*q))
        return NULL;
    q = skip_space(q);
    const char *ystart = q;
    int y = number(&q, 4);
    if (y < 0 || q - ystart != 4 || isdigit((unsigned char)*q))
        return NULL;
    *day = d, *month = m, *year = y;
    return q;
}

/* The day as RFC 822 writes it, day first ("08 Jul 2022", "5th January
 * 1923") at P: sets the fields and returns the end, or NULL.  A year of
 * two digits is left as written, and *TWO set: its century is
 * read822's. */
static const char *day_first(const char *p, int *day, int *month, int *year,
                             int *two)
{
    *day = number(&p, 2);
    if (*day < 1)
        return NULL;
    p = skip_space(past_ordinal(p));
    *month = month_at(p);
    if (!*month)
        return NULL;
    p = skip_space(past_name(p)); /* "20 okt. 2025" */
    const char *ystart = p;
    *year = number(&p, 4);
    if (*year < 0 || (p - ystart != 2 && p - ystart != 4))
        return NULL;
    *two = p - ystart == 2;
    return p;
}

/* The day of the week (0 Sunday) whose name starts at P, or -1 for none
 * known: English, Norwegian, Danish, Swedish or German ("Fri", "fre",
 * "l\xc3\xb8r", "Fr."). */
static int weekday_at(const char *p)
{
    static const char *const names[] = {
        "sun", "mon", "tue", "wed", "thu", "fri", "sat",
        "s\xc3\xb8n", "man", "tir", "ons", "tor", "fre", "l\xc3\xb8r",
        "s\xc3\xb6n", "m\xc3\xa5n", "tis", "ons", "tor", "fre", "l\xc3\xb6r",
        "so", "mo", "di", "mi", "do", "fr", "sa"};
    const char *e = p;
    while (name_byte((unsigned char)*e))
        e++;
    size_t len = (size_t)(e - p);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t n = strlen(names[i]);
        /* The German two letters only as the whole name: "Do", "Sa.". */
        if (n <= len && !strncasecmp(p, names[i], n) && (n > 2 || len == 2))
            return (int)(i % 7);
    }
    return -1;
}

/* The day of the week (0 Sunday) of Y-M-D, or -1 if there is no such
 * day. */
static int weekday_of(int y, int m, int d)
{
    char iso[40];
    int64_t t;
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    if (ns_date_parse(iso, &t) < 0)
        return -1;
    int64_t days = t / 86400 - (t % 86400 < 0);
    return (int)(((days + 4) % 7 + 7) % 7); /* 1970-01-01 was a Thursday */
}

/* The year a two-digit YY stands for on day D of month M.  A weekday
 * WDAY (-1 for none) picks the century it falls on: "Fri, 05 Jan 23" is
 * 1923, a Friday, where 2023-01-05 was a Thursday (the 1900s and 2000s
 * never share one).  Without one, WINDOW reads it as RFC 2822 4.3 does
 * (00-49 20xx, 50-99 19xx), which a feed's <pubDate> may rely on; other
 * text has no such rule, and "5 Jan 23" in a digitized archive is as
 * likely 1923.  -1 when neither reads. */
static int century(int yy, int m, int d, int wday, int window)
{
    if (wday >= 0) {
        for (int c = 1900; c <= 2000; c += 100)
            if (weekday_of(c + yy, m, d) == wday)
                return c + yy;
        return -1;
    }
    return window ? yy + (yy < 50 ? 2000 : 1900) : -1;
}

/* An RFC 822 date's parts, as written: the offset in seconds, and the
 * name of a zone whose offset is not known (ZONE_LEN 0 when none). */
struct when822 {
    int year, month, day, hour, min, sec, off;
    const char *zone;
    size_t zone_len;
    const char *two; /* where a year of two digits was written, or NULL */
};

static int read822(const char *text, struct when822 *w, int window)
{
    const char *p = skip_space(text);
    int day, month, year, two = 0, wday = -1;
    const char *end = month_first(p, &day, &month, &year);

    /* An optional day name (in any language) and comma.  A month name
     * followed by a comma is a day's name in some language ("mar," is
     * Tuesday in Spanish). */
    if (!end && name_byte((unsigned char)*p)) {
        wday = weekday_at(p);
        p = skip_space(past_name(p)); /* "Mi., 08 Okt 2025" */
        if (*p == ',')
            p = skip_space(p + 1);
        end = month_first(p, &day, &month, &year);
    }
    if (!end)
        end = day_first(p, &day, &month, &year, &two);
    if (!end)
        return -1;
    if (two) {
        w->two = end - 2;
        if ((year = century(year, month, day, wday, window)) < 0)
            return -1;
    }
    p = end;

    int hour = 0, min = 0, sec = 0, off = 0;
    p = skip_space(p);
    if (isdigit((unsigned char)*p)) {
        hour = number(&p, 2);
        if (*p++ != ':')
            return -1;
        min = number(&p, 2);
        if (min < 0)
            return -1;
        if (*p == ':') {
            p++;
            sec = number(&p, 2);
            if (sec < 0)
                return -1;
        }
        p = skip_space(p);
        if (*p == '+' || *p == '-') {
            if (numeric_offset(&p, 0, &off) < 0)
                return -1;
            /* "+0000 GMT": the zone's name after its offset. */
            const char *e = skip_space(p);
            const char *z = e;
            while (isalpha((unsigned char)*e))
                e++;
            int ignored;
            if (e > z && zone_offset(z, (size_t)(e - z), &ignored) >= 0)
                p = e;
        } else if (isalpha((unsigned char)*p)) {
            const char *z = p;
            while (isalpha((unsigned char)*p))
                p++;
            int known = zone_offset(z, (size_t)(p - z), &off);
            if (known < 0)
                return -1;
            if (known == 1)
                w->zone = z, w->zone_len = (size_t)(p - z);
            if ((*p == '+' || *p == '-') && p - z == 3 &&
                (!strncasecmp(z, "GMT", 3) || !strncasecmp(z, "UTC", 3)) &&
                numeric_offset(&p, 1, &off) < 0)
                return -1;
        }
    }
    p = skip_space(p);
    /* A comment after the zone, "(UTC)", is allowed. */
    if (*p == '(') {
        const char *close = strchr(p, ')');
        if (!close)
            return -1;
        p = skip_space(close + 1);
    }
    if (*p)
        return -1;
    w->year = year, w->month = month, w->day = day;
    w->hour = hour, w->min = min, w->sec = sec, w->off = off;
    return 0;
}

int ns_date822_parse(const char *text, int64_t *out)
{
    struct when822 w = {0};
    if (read822(text, &w, 0) < 0)
        return -1;
    /* Let ns_date_parse validate the calendar (no 31 April) and do the
     * arithmetic, so both date forms agree to the second. */
    char iso[64];
    int sign = w.off < 0 ? '-' : '+';
    int aoff = w.off < 0 ? -w.off : w.off;
    snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
             w.year, w.month, w.day, w.hour, w.min, w.sec, sign, aoff / 3600,
             aoff / 60 % 60);
    return ns_date_parse(iso, out);
}

int ns_date822_feed_year(const char *text, char *out, size_t size)
{
    struct when822 w = {0};
    if (read822(text, &w, 1) < 0 || !w.two)
        return 0;
    size_t at = (size_t)(w.two - text);
    return snprintf(out, size, "%.*s%04d%s", (int)at, text, w.year,
                    w.two + 2) < (int)size;
}

int ns_date822_month_year(const char *text, int *year, int *month)
{
    const char *p = skip_space(text);
    int m = month_at(p);
    if (!m)
        return 0;
    p = past_name(p);
    p += *p == ',';
    if (!isspace((unsigned char)*p))
        return 0;
    p = skip_space(p);
    const char *ystart = p;
    int y = number(&p, 4);
    if (y < 1 || p - ystart != 4 || *skip_space(p))
        return 0;
    *year = y, *month = m;
    return 1;
}

int ns_date822_unknown_zone(const char *text, char *name, size_t size)
{
    struct when822 w = {0};
    if (read822(text, &w, 0) < 0 || !w.zone_len)
        return 0;
    snprintf(name, size, "%.*s", (int)w.zone_len, w.zone);
    return 1;
}

/* Go's zero time, 0001-01-01T00:00:00, is what Hugo writes for a page
 * that has no date (an About page, a section's list): in RSS as "Mon, 01
 * Jan 0001 00:00:00 +0000", in front matter and JSON as RFC 3339.  Read
 * as a date, it put such pages first in every search by date. */
int ns_date_no_date(const char *text)
{
    const char *p = skip_space(text);
    if (!strncmp(p, "0001-01-01", 10)) {
        p += 10;
        if (*p == 'T' || *p == 't' || *p == ' ') {
            if (strncmp(p + 1, "00:00:00", 8))
                return 0;
            p += 9;
            if (*p == '.')
                while (*++p == '0')
                    ;
        }
        /* Whatever the offset: "+01:00" is 0000-12-31 in UTC. */
        p = skip_space(p);
        if (*p == 'Z' || *p == 'z')
            p++;
        else if (*p == '+' || *p == '-')
            while (isdigit((unsigned char)*++p) || *p == ':')
                ;
        return *skip_space(p) == '\0';
    }
    struct when822 w = {0};
    return read822(text, &w, 0) == 0 && w.year == 1 && w.month == 1 &&
           w.day == 1 && !w.hour && !w.min && !w.sec;
}
