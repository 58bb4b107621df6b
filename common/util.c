/* util.c - Small helpers the programs share: where the index lives, making
 * directories, reading numbers from the command line, finding control
 * characters in a query. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ns.h"

char *ns_db_path(const char *option)
{
    if (option && *option)
        return strdup(option);
    const char *env = getenv("NSEARCH_DB");
    if (env && *env)
        return strdup(env);
    ns_buf_t path = {0};
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int rc;
    /* The XDG base directory spec says a relative XDG_DATA_HOME is to be
     * ignored. */
    if (xdg && *xdg == '/')
        rc = ns_buf_puts(&path, xdg);
    else if (home && *home)
        rc = ns_buf_puts(&path, home) | ns_buf_puts(&path, "/.local/share");
    else
        return NULL;
    if (rc < 0 || ns_buf_puts(&path, "/nsearch/db") < 0) {
        ns_buf_free(&path);
        return NULL;
    }
    return path.p;
}

int ns_mkdir_p(const char *dir)
{
    char *copy = strdup(dir);
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
            int e = errno;
            free(copy);
            errno = e;
            return -1;
        }
        *p = '/';
    }
    int rc = mkdir(copy, 0777) < 0 && errno != EEXIST ? -1 : 0;
    int e = errno;
    free(copy);
    errno = e;
    return rc;
}

int ns_parse_long(const char *text, long min, long max, long *out)
{
    if (!text || !*text || (*text != '-' && (*text < '0' || *text > '9')))
        return -1;
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

long ns_control_char(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (p[i] < 0x20 || p[i] == 0x7f)
            return p[i];
        /* C1 controls are U+0080 to U+009F, 0xC2 0x80 to 0xC2 0x9F. */
        if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
            return p[i + 1];
    }
    return -1;
}

/* The line and paragraph separators, which some terminals break a line
 * at, and the explicit direction controls (embeddings, overrides,
 * isolates, and their ends): a title holding U+202E prints the rest of
 * the line backwards, so `evil.exe` can read as `exe.live` (the
 * "Trojan Source" trick of CVE-2021-42574).  The marks U+200E/U+200F
 * change no order of their own and stay. */
size_t ns_display_control(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] != 0xe2 || !p[1] || !p[2])
        return 0;
    if (p[1] == 0x80 && p[2] >= 0xa8 && p[2] <= 0xae)
        return 3;
    if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
        return 3;
    return 0;
}

long ns_query_control_char(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
            continue;
        if (p[i] < 0x20 || p[i] == 0x7f)
            return p[i];
        if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
            return p[i + 1];
    }
    return -1;
}

void ns_query_blanks(char *text)
{
    for (char *p = text; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
}

uint64_t ns_hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

unsigned ns_shard_of(const char *id, size_t len, unsigned count)
{
    if (count <= 1)
        return 0;
    /* FNV-1a from its standard offset basis: anyone can recompute where an
     * article lives (README "Scaling" has a line of Python for it). */
    return (unsigned)(ns_hash64(id, len, 14695981039346656037ULL) % count);
}
