# tests/cli/server.sh - Helpers for the nsearchd tests, sourced after
# lib.sh: start a real server on a socket in $TMP, wait for it, query it
# with curl, check its JSON, and never leave it running.
SOCK=$TMP/s.sock
server_pid=
load_pid=
trap '[ -n "$load_pid" ] && kill $load_pid 2>/dev/null
[ -n "$server_pid" ] && kill -9 $server_pid 2>/dev/null; rm -rf "$TMP"' EXIT

# wait_ready [SOCKET]: /health answers (any status) within 10 s while the
# server runs (the sanitizer build starts slowly on a busy machine).
wait_ready() {
    i=0
    while [ $i -lt 100 ]; do
        curl -s --max-time 1 --unix-socket "${1:-$SOCK}" -o /dev/null \
            http://localhost/health 2>/dev/null && return 0
        kill -0 $server_pid 2>/dev/null || return 1
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# start_server ARGS...: nsearchd on $TMP/db and $SOCK (ARGS may override),
# ready when /health answers.
start_server() {
    "$NSEARCH_BIN/nsearchd" --db "$TMP/db" --socket "$SOCK" "$@" \
        2>>"$TMP/server.err" &
    server_pid=$!
    wait_ready
}

# get OUT PATH [CURL ARGS...]: fetch PATH into $TMP/OUT, status in $code.
get() {
    o=$1
    p=$2
    shift 2
    code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -o "$TMP/$o" \
        -w '%{http_code}' "$@" "http://localhost$p") || code=000
}

# json FILE EXPR: the JSON in $TMP/FILE, as d, makes the Python EXPR true.
json() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval("(" + sys.argv[2] + ")") else 1)' "$TMP/$1" "$2"
}

# Monotonic reads (t571, t572): an article that changes under the server.

# flip_story FILE N: the article "flip" with its Nth headline.
flip_story() {
    printf '{"id": "flip", "title": "Flip headline %s", "body": "A story corrected again and again, now %s."}\n' \
        "$2" "$2" >"$1"
}
# flip_poll: fetch /v1/articles/flip for about 1.3 seconds, as fast as
# curl goes, one connection per request (so every worker takes some);
# prints one word per answer: 404, or the headline's number, or the status.
flip_poll() {
    end=$(($(date +%s%N) + 1300000000))
    while [ "$(date +%s%N)" -lt "$end" ]; do
        get a.json /v1/articles/flip
        if [ "$code" = 200 ]; then
            sed -n 's/.*"Flip headline \([0-9]*\)".*/\1/p' "$TMP/a.json"
        else
            echo "$code"
        fi
    done
}
# flip_settle OLD NEW: the answers on stdin show OLD, then NEW once and for
# all: none after the first NEW is OLD (or anything else), and NEW is
# among them (served within a second).
flip_settle() {
    python3 -c 'import sys
old, new = sys.argv[1], sys.argv[2]
seen = sys.stdin.read().split()
first = seen.index(new) if new in seen else None
bad = [w for w in seen[first:] if w != new] if first is not None else []
ok = first is not None and not bad and all(w == old for w in seen[:first])
if not ok:
    print("  %s -> %s: %s" % (old, new, " ".join(seen)))
sys.exit(0 if ok else 1)' "$1" "$2"
}

# busy_archive: $TMP/db, 2000 articles of 300 words from 3000 made-up
# ones, where the search $SLOW (20 one-letter wildcards, which expand to
# 500 words found in ~100 articles each) keeps one thread busy for a good
# fraction of a second (t566, t576).
busy_archive() {
    python3 - "$TMP/gen.jsonl" <<'PY'
import json, random, sys
rnd = random.Random(7)
letters = "abcdefghijklmnopqrstuvwxyz"
words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(4, 9)))
         for _ in range(3000)]
with open(sys.argv[1], "w") as f:
    for n in range(2000):
        f.write(json.dumps({"id": "a%d" % n, "title": "Note %d" % n,
                            "body": " ".join(rnd.choice(words)
                                             for _ in range(300))}) + "\n")
PY
    nindex --quiet --db "$TMP/db" "$TMP/gen.jsonl"
}
SLOW="/v1/search?q=$(python3 -c 'print("+OR+".join(c + "*" for c in "abcdefghijklmnoprstw"))')&limit=100&facets=all"

# fetch NAME PATH [CURL ARGS...]: the response headers of PATH into
# $TMP/NAME.h (names lower-cased), the body into $TMP/NAME, the status in
# $code (t578, t579, t580).
fetch() {
    n=$1
    p=$2
    shift 2
    code=$(curl -sS --max-time 5 --unix-socket "$SOCK" -D "$TMP/$n.raw" \
        -o "$TMP/$n" -w '%{http_code}' "$@" "http://localhost$p") || code=000
    tr -d '\r' <"$TMP/$n.raw" |
        awk -F': ' 'NF > 1 { printf "%s: %s\n", tolower($1), $2 }' \
            >"$TMP/$n.h"
}
# field NAME HEADER: the value of HEADER (lower case) in $TMP/NAME.h.
field() { sed -n "s/^$2: //p" "$TMP/$1.h"; }
