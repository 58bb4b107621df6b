/* article-date.c - The article's dates: its date and when it last
 * changed, from every form the archives and readers here write them in,
 * and what is said of one that does not read.  Apart from article.c,
 * whose other fields' rules have nothing to do with the calendar. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static int is_blank(const char *s)
{
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* VALUE as a message shows it: its first MAX bytes, cut where a character
 * starts (with "..." after), its control characters as spaces.  A date
 * from a third party's page went to the operator's terminal as given, its
 * ESC and BEL with it ("\033]0;..." retitles a window, "\033[2J" clears
 * it), and a cut at 63 bytes split a character.  A new string, or NULL
 * when out of memory. */
static char *shown_value(const char *value, size_t max)
{
    size_t len = strlen(value), cut = ns_shown_bytes(value, max);
    char *s = ns_label_dup(value, cut);
    if (s && cut < len) {
        char *longer = realloc(s, strlen(s) + 4);
        if (longer)
            strcat(s = longer, "...");
    }
    return s;
}

/* VALUE in a form of ISO 8601 that archives write and RFC 3339 does not
 * have, rewritten into OUT as the RFC 3339 it stands for; 0 if it is in
 * none.  A month ("1963-11", or "January 1923" as a digitized paper
 * prints it) or a year ("1854"), as old archives and the CACM corpus
 * date their articles, is its first day, as a day is its midnight;
 * "20250815" is the basic form of 2025-08-15, and "1923/01/05" the
 * slashed one archives' catalogues write.  YAML's example
 * timestamp ends in an hour's offset of one digit ("... 21:59:43.10 -5"),
 * and Java's ZonedDateTime in the zone's name after the offset
 * ("+02:00[Europe/Oslo]"), which the offset makes needless.  *UNIT is
 * the unit VALUE names, as ns_date_read() gives it (4 for "1854"). */
static int date_widened(const char *value, char *out, size_t size,
                        int *unit)
{
    size_t n = strlen(value);
    while (n && isspace((unsigned char)value[n - 1]))
        n--;
    while (n && isspace((unsigned char)*value))
        value++, n--;
    const char *open = memchr(value, '[', n);
    int y, m;
    *unit = 10;
    if (n == 4 && all_digits(value, 4))
        *unit = 4, snprintf(out, size, "%.4s-01-01", value);
    else if (n == 7 && all_digits(value, 4) && value[4] == '-' &&
             all_digits(value + 5, 2))
        *unit = 7, snprintf(out, size, "%.7s-01", value);
    else if (n == 8 && all_digits(value, 8))
        snprintf(out, size, "%.4s-%.2s-%.2s", value, value + 4, value + 6);
    else if (n >= 10 && all_digits(value, 4) && value[4] == '/' &&
             all_digits(value + 5, 2) && value[7] == '/' &&
             all_digits(value + 8, 2))
        snprintf(out, size, "%.4s-%.2s-%.2s%.*s", value, value + 5,
                 value + 8, (int)(n - 10), value + 10);
    else if (ns_date822_month_year(value, &y, &m))
        *unit = 7, snprintf(out, size, "%04d-%02d-01", y, m);
    else if (n > 4 && value[n - 1] == ']' && open && open > value &&
             (isdigit((unsigned char)open[-1]) || open[-1] == 'Z'))
        snprintf(out, size, "%.*s", (int)(open - value), value);
    else if (n > 3 && isdigit((unsigned char)value[n - 1]) &&
             (value[n - 2] == '-' || value[n - 2] == '+') &&
             value[n - 3] == ' ')
        snprintf(out, size, "%.*s%c0%c", (int)(n - 2), value, value[n - 2],
                 value[n - 1]);
    else
        return 0;
    return 1;
}

/* VALUE as an article's date, into *T, VALUE widened (date_widened) into
 * WIDENED: *USED is what was read, VALUE or WIDENED.  Returns the unit
 * VALUE names, or -1 with errno set, as ns_date_read. */
static int read_date(const char *value, int64_t *t, char *widened,
                     size_t size, const char **used)
{
    int unit = 10;
    if (strlen(value) < size - 8 && date_widened(value, widened, size, &unit))
        value = widened;
    *used = value;
    /* RFC 3339, or RFC 2822 as RSS writes it ("Tue, 05 Aug 2025 10:00:00
     * +0200"): JSON and front matter made from feeds or by a mail-style
     * formatter carry it, and the feed reader takes it already.  Or day
     * first, as a Norwegian or German CMS writes it ("05.12.2026 08:15",
     * "5. desember 2026"). */
    errno = 0;
    if (ns_date_parse(value, t) == 0)
        return unit;
    if (errno == ERANGE)
        return -1;
    if (ns_date822_parse(value, t) == 0 || ns_date_dmy_parse(value, t) == 0)
        return unit;
    errno = errno == ERANGE ? ERANGE : EINVAL;
    return -1;
}

int ns_date_read(const char *value, int64_t *t)
{
    char widened[96];
    const char *used;
    return read_date(value, t, widened, sizeof widened, &used);
}

int ns_set_date(ns_article_t *art, const char *value, char *err,
                size_t err_size)
{
    int64_t t;
    if (is_blank(value))
        return 0;
    if (ns_date_no_date(value)) {
        ns_article_warn(art, "date 0001-01-01 is a \"no date\" placeholder; "
                             "the article is kept undated");
        return 0;
    }
    char widened[96];
    const char *given = value;
    if (read_date(given, &t, widened, sizeof widened, &value) < 0) {
        int out_of_range = errno == ERANGE;
        char *shown = shown_value(given, 60);
        if (out_of_range)
            ns_set_err(err, err_size,
                       "date '%s' is outside the years 0001 to 9999 in UTC",
                       shown ? shown : "?");
        else if (ns_date822_feed_year(given, widened, sizeof widened))
            ns_set_err(err, err_size,
                       "date '%s' has a two-digit year, which may be 19xx "
                       "or 20xx",
                       shown ? shown : "?");
        else
            ns_set_err(err, err_size, "unparsable date '%s'",
                       shown ? shown : "?");
        free(shown);
        return -1;
    }
    /* RFC 822 reads a zone it does not know as "-0000", an unknown
     * offset: the time may be hours off, and the publisher can say which
     * zone it meant. */
    char zone[8];
    if (ns_date822_unknown_zone(value, zone, sizeof zone)) {
        char *shown = shown_value(given, 60);
        char why[160];
        snprintf(why, sizeof why,
                 "unknown time zone '%s' in date '%s'; read as UTC", zone,
                 shown ? shown : "?");
        free(shown);
        ns_article_warn(art, why);
    }
    char buf[32];
    ns_date_format(t, buf, sizeof buf);
    free(art->date);
    art->date = strdup(buf);
    art->time = t;
    if (!art->date) {
        ns_set_err(err, err_size, "out of memory");
        return -1;
    }
    return 0;
}

int ns_set_date_or_warn(ns_article_t *art, const char *value, char *err,
                        size_t err_size)
{
    if (ns_set_date(art, value, err, err_size) == 0)
        return 0;
    if (!strcmp(err, "out of memory"))
        return -1;
    /* An archive's date that does not read ("circa 1910", an OCR slip)
     * cost the whole story before, where a bad 'updated' cost the field:
     * the text is what is searched for, and the date is one filter. */
    char why[300];
    snprintf(why, sizeof why,
             "%s: not read; the article is kept %s (write it as "
             "YYYY-MM-DD, YYYY-MM or YYYY to date it)",
             err, art->date ? "with the date of another field" : "undated");
    ns_article_warn(art, why);
    *err = '\0';
    return 0;
}

int ns_set_updated(ns_article_t *art, const char *value, char *err,
                   size_t err_size)
{
    ns_article_t read = {0};
    if (ns_set_date(&read, value, err, err_size) < 0)
        return -1;
    /* Go's zero time as the time of a change is none: left out, and what
     * its warning says of the date would not be true. */
    free(read.warning);
    if (read.date) {
        free(art->updated);
        art->updated = read.date;
    }
    return 0;
}
