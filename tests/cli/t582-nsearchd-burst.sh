#!/bin/sh
# t582-nsearchd-burst.sh - A burst of connections while every worker is
# busy waits in the socket's backlog instead of being refused by the
# kernel.
#
# The backlog was 128: with the one worker running a search, the
# connections past it failed at connect() with EAGAIN (nginx's 502),
# before the guard could answer 503 or count them, and no metric moved.
# Now the backlog is the kernel's largest (net.core.somaxconn).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

somax=$(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo 0)
if [ "$somax" -lt 1024 ]; then
    echo "skipped: net.core.somaxconn is $somax (the burst needs 1024)"
    finish
    exit $?
fi

check "index" busy_archive
check "server starts" start_server --threads 1 --max-connections 1000 \
    --max-connections-per-uid 0 --timeout 600 --request-timeout 0

# Two slow searches keep the one worker busy; then 600 connections are
# opened at once without blocking, as nginx opens them, each sending a
# request for /health.
pids=
for i in 1 2; do
    curl -s --max-time 300 --unix-socket "$SOCK" -o /dev/null \
        "http://localhost$SLOW" 2>/dev/null &
    pids="$pids $!"
done
sleep 0.3
check "600 connections in a burst: none refused by the kernel" python3 - "$SOCK" <<'PY'
import errno, socket, sys
refused, socks = 0, []
for _ in range(600):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect(sys.argv[1])
    except OSError as e:
        if e.errno in (errno.EAGAIN, errno.ECONNREFUSED):
            refused += 1
            s.close()
            continue
        if e.errno != errno.EINPROGRESS:
            raise
    socks.append(s)
for s in socks:
    try:
        s.send(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    except OSError:
        pass
print("refused by the kernel: %d of 600" % refused)
for s in socks:
    s.close()
sys.exit(1 if refused else 0)
PY

wait $pids
finish
