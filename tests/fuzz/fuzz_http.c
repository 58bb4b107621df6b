/* fuzz_http.c - libFuzzer harness for nsearchd's request handling: the
 * request line and headers as libmicrohttpd parses them, then our checks
 * of the URL (escapes, control bytes, NUL in the request line), the query
 * parameters (limit, offset, related, sort, now, the filters, q) and the
 * routes.
 *
 * Each input is one raw HTTP request, sent whole to a real nsearchd HTTP
 * server (searcher/http.c, started without a listening socket) through a
 * socketpair, the writing side closed after it.  The answer must come
 * within a few seconds, be HTTP/1.1 with a status we expect, and, from our
 * handlers, carry JSON; 500 (an internal error) is a finding.  Without
 * NSEARCH_FUZZ_DB there is no index, so searches end at 503 after their
 * parameters are checked; set it to an index to go further.
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`; built with a small
 * main (replay.c) by `make tests`, which replays the seed corpus and the
 * found cases in `make check`. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http.h"
#include "ns.h"

static ns_http_server_t *server;
static ns_http_config_t config;

static void start(void)
{
    const char *db = getenv("NSEARCH_FUZZ_DB");
    config.db = db ? db : "/nonexistent/nsearch-fuzz-db";
    config.threads = 1;
    config.max_connections = 64;
    config.max_per_uid = 0;
    config.timeout_s = 1;
    config.header_timeout_s = 1;
    config.request_timeout_ms = 1000;
    ns_set_progname("fuzz_http");
    if (ns_http_start(&config, -1, &server) < 0)
        abort();
}

/* The status of the answer in BUF (LEN bytes), or 0 if there is none. */
static int status_of(const char *buf, size_t len)
{
    if (len < 12 || memcmp(buf, "HTTP/1.", 7) != 0)
        return 0;
    return atoi(buf + 9);
}

/* Each answer in BUF (LEN bytes; pipelined requests get one each, in
 * order): never 500, and our own JSON answers start with '{'.  Each
 * answer's headers are read up to its blank line and its body skipped by
 * its Content-Length; a HEAD answer has none, so a body that is already
 * the next answer is no body.  The first JSON check looked for the
 * content type anywhere in the buffer, so a text answer (/metrics)
 * followed by a JSON one passed for a JSON answer without JSON. */
static void check_answers(const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len;
    for (;;) {
        int status = p < end ? status_of(p, (size_t)(end - p)) : 0;
        if (!status)
            return;
        if (status == 500) {
            fprintf(stderr, "fuzz_http: bad answer: %.200s\n", p);
            abort();
        }
        const char *head_end = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!head_end)
            return;
        size_t head = (size_t)(head_end - p);
        const char *body = head_end + 4;
        static const char ctype[] = "Content-Type: application/json";
        static const char clen[] = "Content-Length: ";
        int json = memmem(p, head, ctype, sizeof ctype - 1) != NULL;
        const char *cl = memmem(p, head, clen, sizeof clen - 1);
        size_t n = cl ? strtoul(cl + sizeof clen - 1, NULL, 10) : 0;
        int next = (size_t)(end - body) >= 7 && !memcmp(body, "HTTP/1.", 7);
        if (json && body < end && !next && *body != '{') {
            fprintf(stderr, "fuzz_http: JSON answer without JSON: %.200s\n", p);
            abort();
        }
        if (next)
            p = body; /* a HEAD answer: no body */
        else if (cl && n <= (size_t)(end - body))
            p = body + n;
        else
            return; /* no length, or cut short */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server)
        start();
    if (size > 65536)
        return 0;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
        abort();
    /* libmicrohttpd reads its side without blocking, as it would an
     * accepted socket. */
    fcntl(sv[1], F_SETFL, fcntl(sv[1], F_GETFL) | O_NONBLOCK);
    if (ns_http_add_connection(server, sv[1]) < 0) {
        close(sv[0]);
        return 0;
    }
    /* The socket buffer takes 64 KiB at once; a server that stops
     * reading early makes the rest fail, which is fine. */
    size_t off = 0;
    while (off < size) {
        ssize_t n = send(sv[0], data + off, size - off, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    /* End the request only once libmicrohttpd has had a moment to take
     * the socket up: data and end-of-file arriving together before it
     * watches the socket are seen only at --header-timeout, which would
     * make each incomplete request cost seconds. */
    struct pollfd first = {.fd = sv[0], .events = POLLIN};
    poll(&first, 1, 5);
    shutdown(sv[0], SHUT_WR);

    static char answer[1 << 20];
    size_t len = 0;
    for (;;) {
        struct pollfd p = {.fd = sv[0], .events = POLLIN};
        int r = poll(&p, 1, 8000);
        if (r == 0) {
            fprintf(stderr, "fuzz_http: no answer and no close in 8 s\n");
            abort();
        }
        if (r < 0 && errno == EINTR)
            continue;
        ssize_t n = recv(sv[0], answer + len, sizeof answer - 1 - len, 0);
        if (n <= 0)
            break;
        len += (size_t)n;
        if (len == sizeof answer - 1)
            break;
    }
    close(sv[0]);
    answer[len] = '\0';
    if (len && !status_of(answer, len)) {
        fprintf(stderr, "fuzz_http: bad answer: %.200s\n", answer);
        abort();
    }
    check_answers(answer, len);
    return 0;
}
