#!/bin/sh
# t570-nsearchd-index-changes.sh - nsearchd follows what happens to the
# index under it: a --rollback followed by a --rebuild is served within a
# second (the rolled-back generation's number is not reused, and a
# generation put back under the same name is told apart by its UUID); idle
# workers do not hold a removed generation open; an index deleted from
# disk is answered 503 no_index by every endpoint, as /health says, until
# it is back; a generation that cannot be opened leaves the one open
# serving, and named in /v1/stats, /health and /metrics.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

live() { readlink "$TMP/db/current"; }
# total WORD: the total of a search for WORD through the server, or the
# HTTP status when it is not 200.
total() {
    get t.json "/v1/search?q=$1&collapse=0"
    if [ "$code" = 200 ]; then
        python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$TMP/t.json"
    else
        echo "$code"
    fi
}
# totals WORD N: the totals of N searches for WORD, so that every worker
# answers some (each has its own handle).
totals() {
    i=0
    out=
    while [ $i -lt "$2" ]; do
        out="$out$(total "$1") "
        i=$((i + 1))
    done
    echo "$out"
}
# extra FILE WORD: three articles that alone hold WORD.
extra() {
    python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(3):
        f.write(json.dumps({"id": "%s-%d" % (sys.argv[2], i),
                            "title": "%s report %d" % (sys.argv[2], i),
                            "body": "The %s story, part %d." % (sys.argv[2], i)}) + "\n")
PY
}

extra "$TMP/a.jsonl" zanzibarfoo
extra "$TMP/b.jsonl" quokkabar
extra "$TMP/c.jsonl" wombatbaz
index_samples
check "server starts" start_server --threads 2

# --- Idle workers let go of a superseded generation. ---------------------
# A worker refreshes its handle before a request; one without requests
# must not keep a removed generation's files allocated on disk.
held() { ls -l "/proc/$server_pid/fd" 2>/dev/null | grep -c -- "$1"; }
totals oil 10 >/dev/null
first=$(live)
if [ -d "/proc/$server_pid/fd" ]; then
    check "idle: the workers have the first generation open" \
        test "$(held "/$first/")" -gt 0
    nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES"
    nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES"
    check "idle: two rebuilds removed the first generation (--keep 2)" \
        test ! -e "$TMP/db/$first"
    sleep 1.6
    check "idle: no deleted file held open" is "$(held deleted)" 0
    check "idle: nothing of the first generation held open" \
        is "$(held "/$first/")" 0
    check "idle: the live generation is open" \
        test "$(held "/$(live)/")" -gt 0
fi

# --- Rollback, then a rebuild: the new generation within a second. ------
nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES" "$TMP/a.jsonl"
sleep 1.2
check "the rebuild with A is served by every worker" \
    is "$(totals zanzibarfoo 10)" "3 3 3 3 3 3 3 3 3 3 "
rolled=$(live)
check "rollback" nindex --quiet --db "$TMP/db" --rollback
check "rebuild with B" nindex --quiet --db "$TMP/db" --rebuild "$SAMPLES" "$TMP/b.jsonl"
check "the new generation does not reuse the number rolled back from" \
    test "$(live)" != "$rolled"
sleep 1.2
check "nsearch finds B's word" sh -c \
    "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json quokkabar | grep -q '\"total\":3'"
check "nsearchd no longer finds A's word (deleted generation)" \
    is "$(totals zanzibarfoo 10)" "0 0 0 0 0 0 0 0 0 0 "
check "nsearchd finds B's word" \
    is "$(totals quokkabar 10)" "3 3 3 3 3 3 3 3 3 3 "
server_fds() { ls -l "/proc/$server_pid/fd" 2>/dev/null | grep -c deleted; }
[ -d "/proc/$server_pid/fd" ] &&
    check "no deleted index files held open" is "$(server_fds)" 0

# --- The live generation put back from a copy under the same name. ------
nindex --quiet --db "$TMP/other" --rebuild "$SAMPLES" "$TMP/c.jsonl"
name=$(live)
rm -rf "$TMP/db/$name"
cp -a "$TMP/other/$(readlink "$TMP/other/current")" "$TMP/db/$name"
sleep 1.2
check "a generation replaced under its own name is served" \
    is "$(totals wombatbaz 10)" "3 3 3 3 3 3 3 3 3 3 "

# --- The index deleted: every endpoint says so. --------------------------
get x /v1/articles/wombatbaz-0
check "before: /v1/articles 200" is "$code" 200
mv "$TMP/db" "$TMP/db.away"
rm -rf "$TMP/db.away"
get h.json /health
check "gone: /health 503" is "$code" 503
check "gone: /health no_index" json h.json 'd["error"]["code"] == "no_index"'
get s.json '/v1/search?q=oil'
check "gone: /v1/search 503" is "$code" 503
check "gone: /v1/search no_index" json s.json 'd["error"]["code"] == "no_index"'
get a.json /v1/articles/wombatbaz-0
check "gone: /v1/articles 503 no_index" sh -c \
    "[ '$code' = 503 ] && grep -q no_index '$TMP/a.json'"
get r.json /v1/related/wombatbaz-0
check "gone: /v1/related 503 no_index" sh -c \
    "[ '$code' = 503 ] && grep -q no_index '$TMP/r.json'"
get st.json /v1/stats
check "gone: /v1/stats has no articles" json st.json \
    'd["articles"] is None and d["index"]["generation"] is None'
get m.txt /metrics
check "gone: /metrics index_up 0" grep -qx 'nsearchd_index_up 0' "$TMP/m.txt"
check "gone: logged" contains "$TMP/server.err" "is gone from disk"

# --- And back. ------------------------------------------------------------
index_samples
get h2.json /health
check "back: /health 200" is "$code" 200
check "back: searches answer" is "$(total oil)" 4

# --- A new generation that cannot be opened. -----------------------------
# The worker goes on answering from the generation it has open, and
# /v1/stats, /health and /metrics describe that one, not the one that
# failed.  One worker, so that every answer comes from the same handle.
kill "$server_pid"
wait "$server_pid" 2>/dev/null
check "one-worker server starts" start_server --threads 1
served=$(live)
get before.json /v1/stats
mkdir "$TMP/db/gen-000099"
echo garbage >"$TMP/db/gen-000099/iamglass"
touch -d 2001-01-01 "$TMP/db/gen-000099/iamglass"
ln -s gen-000099 "$TMP/db/current.tmp"
mv -T "$TMP/db/current.tmp" "$TMP/db/current"
sleep 1.2
check "damaged: searches answer from the generation open" is "$(total oil)" 4
sleep 1.2
check "damaged: and go on doing so" is "$(total oil)" 4
get st.json /v1/stats
check "damaged: /v1/stats names the generation served" json st.json \
    "d['index']['generation'] == '$served'"
check "damaged: /v1/stats has its articles and build time" python3 -c '
import json, sys
a, b = (json.load(open(sys.argv[1] + f)) for f in ("/before.json", "/st.json"))
sys.exit(0 if a["articles"] == b["articles"] == 84 and
         a["index"]["built"] == b["index"]["built"] else 1)' "$TMP"
get h.json /health
check "damaged: /health 200" is "$code" 200
check "damaged: /health has the served articles" json h.json \
    'd["articles"] == 84'
get m.txt /metrics
check "damaged: /metrics names the generation served" grep -qx \
    "nsearchd_index_generation $(expr "${served#gen-}" + 0)" "$TMP/m.txt"
check "damaged: the failed refresh is logged once" \
    is "$(grep -c 'cannot refresh index' "$TMP/server.err")" 1
# SIGHUP reopens from scratch: the handle open is kept until the new one
# opens, so the worker still answers rather than saying no_index.
kill -HUP "$server_pid"
sleep 0.5
check "damaged, SIGHUP: searches still answer" is "$(total oil)" 4
get st.json /v1/stats
check "damaged, SIGHUP: /v1/stats names the generation served" json st.json \
    "d['index']['generation'] == '$served'"
get h.json /health
check "damaged, SIGHUP: /health 200" is "$code" 200
check "damaged, SIGHUP: the handle was not dropped" lacks "$TMP/server.err" \
    "cannot open index"

kill "$server_pid"
wait "$server_pid" 2>/dev/null
# A worker that never opened the index answers from the generation the
# others were last seen to open, rather than 503 while they answer 200.
ln -s "$served" "$TMP/db/current.tmp"
mv -T "$TMP/db/current.tmp" "$TMP/db/current"
check "four-worker server starts" start_server --threads 4
check "four workers: searches answer" is "$(total oil)" 4
ln -s gen-000099 "$TMP/db/current.tmp"
mv -T "$TMP/db/current.tmp" "$TMP/db/current"
sleep 1.2
pids=
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    curl -sS --max-time 5 --unix-socket "$SOCK" -o /dev/null -w '%{http_code}\n' \
        "http://localhost/v1/search?q=oil&collapse=0" >"$TMP/code$i.txt" &
    pids="$pids $!"
done
wait $pids
cat "$TMP"/code*.txt >"$TMP/codes.txt"
check "damaged, fresh workers: 20 answers, every one 200" \
    is "$(sort "$TMP/codes.txt" | uniq -c | tr -s ' ')" " 20 200"
for i in 1 2 3 4 5 6 7 8; do
    get st$i.json /v1/stats
done
check "damaged, fresh workers: /v1/stats names the generation served" \
    python3 -c '
import json, sys
gens = {json.load(open(sys.argv[1] + "/st%d.json" % i))["index"]["generation"] for i in range(1, 9)}
sys.exit(0 if gens == {sys.argv[2]} else 1)' "$TMP" "$served"

kill "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=
finish
