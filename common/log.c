/* log.c - Messages to stderr for the nsearch programs.
 *
 * Every message reads "<prog>: <what failed>: <detail>" (git's style), so a
 * cron mail or the journal says which program spoke. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "ingest.h"

static const char *progname = "nsearch";

void ns_set_progname(const char *name)
{
    progname = name;
}

const char *ns_progname(void)
{
    return progname;
}

void ns_message_clean(char *line)
{
    /* A message may quote what a third party wrote (a date, a key, a
     * line); its ESC, BEL and C1 controls would reach the operator's
     * terminal as commands, so none is printed, whatever the caller
     * forgot; nor a newline, which would start a line that reads as
     * another message, nor a direction control, which would print the
     * rest of the line backwards. */
    ns_clean_in_place(line);
    for (char *p = line; *p; p++)
        if (*p == '\n')
            *p = ' ';
        else if (ns_display_control(p))
            p[0] = ' ', p[1] = ' ', p[2] = ' ', p += 2;
}

static void vreport(const char *level, const char *fmt, va_list ap)
{
    /* One fprintf per piece is fine: stderr is unbuffered, but each message
     * is built first so concurrent writers do not interleave mid-line. */
    char line[4096];
    vsnprintf(line, sizeof line, fmt, ap);
    ns_message_clean(line);
    fprintf(stderr, "%s: %s%s\n", progname, level, line);
}

void ns_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("warning: ", fmt, ap);
    va_end(ap);
}

void ns_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("", fmt, ap);
    va_end(ap);
}

int ns_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("", fmt, ap);
    va_end(ap);
    return -1;
}

void ns_die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("", fmt, ap);
    va_end(ap);
    exit(1);
}
