#!/bin/sh
# client.sh - Query nsearchd with curl over its Unix socket.
#
#   examples/client.sh /run/nsearchd/nsearchd.sock azure surveillance
#
# curl needs a host name in the URL even on a Unix socket; any will do.
# --data-urlencode with -G puts the query, percent-encoded, in the URL.
set -eu
sock=${1:?usage: client.sh SOCKET QUERY...}
shift
curl -sS --fail-with-body --max-time 10 --unix-socket "$sock" -G \
    --data-urlencode "q=$*" --data-urlencode "limit=5" \
    http://localhost/v1/search
echo
# Other endpoints:
#   curl --unix-socket "$sock" http://localhost/v1/articles/ID
#   curl --unix-socket "$sock" http://localhost/v1/related/ID
#   curl --unix-socket "$sock" http://localhost/health
#   curl --unix-socket "$sock" http://localhost/v1/stats
