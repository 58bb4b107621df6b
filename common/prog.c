/* prog.c - What the three programs (nindex, nsearch, nsearchd) share
 * beyond messages: standard descriptors that are surely open, the usage
 * error every option parser ends with, and the monotonic clock they time
 * runs and requests with.
 *
 * Like log.c, this file may write to stderr and exit: it is only called
 * from the programs, never from the rest of the library. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ingest.h"
#include "ns.h"

void ns_std_fds_open(void)
{
    /* A program started with a standard descriptor closed ("nindex
     * 2>&-", "nsearch <&-") would hand that number to the next file it
     * opens: Xapian's tables or a lock file.  Its warnings were then
     * written into DIR/lock, and a --batch read an index table as its
     * queries.  /dev/null goes in each gap first, as git and OpenSSH do:
     * each open takes the lowest free number. */
    int fd = open("/dev/null", O_RDWR);
    while (fd >= 0 && fd < 2)
        fd = dup(fd);
    if (fd < 0) {
        /* No /dev/null (a bare chroot): stderr may be the very one
         * closed, so the exit status is all that can say so. */
        exit(1);
    }
    if (fd > 2)
        close(fd);
}

/* The atexit() handler of ns_stdout_checked(). */
static void close_stdout(void)
{
    /* A full disk or a closed pipe shows only here, when the buffered
     * results are written: without this check "nindex >/dev/full" lost its
     * summary and "nsearch --help >/dev/full" exited 0 (gnulib's
     * close_stdout).  When the write failed earlier (ferror) and the
     * flush has nothing left, errno no longer says why, and is left out,
     * as gnulib does. */
    int failed = ferror(stdout);
    errno = 0;
    if (fflush(stdout) != 0)
        failed = 1;
    int err = errno;
    if (!failed)
        return;
    fprintf(stderr, "%s: cannot write to standard output%s%s\n",
            ns_progname(), err ? ": " : "", err ? strerror(err) : "");
    _exit(1);
}

void ns_stdout_checked(void)
{
    atexit(close_stdout);
}

int ns_terminal_escapes(int fd, int color)
{
    /* TERM=dumb is a terminal that moves no cursor and sets no bold
     * (Emacs's shell, some CI logs): escapes would show as text.  Only a
     * NO_COLOR that is set and not empty turns colour off
     * (no-color.org). */
    const char *term = getenv("TERM");
    if (!isatty(fd) || (term && strcmp(term, "dumb") == 0))
        return 0;
    const char *no_color = getenv("NO_COLOR");
    return !(color && no_color && *no_color);
}

void ns_usage_error(const char *fmt, ...)
{
    /* Built first and written with one fprintf, as in log.c. */
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* A usage error echoes the argument ("--sort '\e[2J'"), which must
     * not reach the terminal as a command any more than ns_error's. */
    ns_message_clean(line);
    /* nsearchd names itself "nsearchd[PID]" in its log lines, from
     * before it reads its socket; a usage error is no log line, and
     * reads as the others do, with the program's name alone. */
    const char *prog = ns_progname();
    int name = (int)strcspn(prog, "[");
    fprintf(stderr, "%.*s: %s\nTry '%.*s --help'.\n", name, prog, line, name,
            prog);
    exit(NS_EXIT_USAGE);
}

double ns_monotonic_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
