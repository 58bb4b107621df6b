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
    int status = status_of(answer, len);
    if (status == 500 || (len && !status)) {
        fprintf(stderr, "fuzz_http: bad answer: %.200s\n", answer);
        abort();
    }
    /* Our own answers are JSON (HEAD answers have no body). */
    const char *end = strstr(answer, "\r\n\r\n");
    if (end && strstr(answer, "Content-Type: application/json") && end[4] &&
        end[4] != '{') {
        fprintf(stderr, "fuzz_http: JSON answer without JSON: %.200s\n",
                answer);
        abort();
    }
    return 0;
}
