#!/bin/sh
# t570-nsearchd-index-changes.sh - nsearchd follows what happens to the
# index under it: a --rollback followed by a --rebuild is served within a
# second (the rolled-back generation's number is not reused, and a
# generation put back under the same name is told apart by its UUID); idle
# workers do not hold a removed generation open; an index deleted from
# disk is answered 503 no_index by every endpoint, as /health says, until
# it is back; a generation that cannot be opened leaves the one open
# serving, and named in /v1/stats, /health and /metrics; a server started
# while the live generation is damaged or removed (or that sees it removed)
# answers from the newest older generation that opens, never from one that
# was not published, and from the live one once it opens.
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
# Its log alone: a refresh that met a generation half copied above is not
# this server's.
: >"$TMP/server.err"
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

# --- Started while the live generation cannot be opened. -----------------
# No worker has served anything yet: the newest generation older than the
# live one that opens answers, named in /v1/stats, until the live one
# opens; never one that was not published, though newer.
# generations DIR: gen-000001 with A's words, gen-000002 (live) with B's,
# and gen-000003 with C's, moved into place by a rebuild killed before it
# was published.
generations() {
    rm -rf "$1"
    nindex --quiet --db "$1" --rebuild "$SAMPLES" "$TMP/a.jsonl"
    nindex --quiet --db "$1" --rebuild "$SAMPLES" "$TMP/b.jsonl"
    NINDEX_CRASH_AT=publish "$NSEARCH_BIN/nindex" --quiet --db "$1" \
        --rebuild "$SAMPLES" "$TMP/c.jsonl" >/dev/null 2>&1
}
# burst WORD: 20 searches for WORD at once; "STATUS TOTAL" of each, counted.
burst() {
    pids=
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        curl -sS --max-time 5 --unix-socket "$SOCK" -o "$TMP/burst$i.json" \
            -w '%{http_code}' "http://localhost/v1/search?q=$1&collapse=0" \
            >"$TMP/burst$i.code" &
        pids="$pids $!"
    done
    wait $pids
    python3 -c 'import json, sys
for i in range(1, 21):
    p = sys.argv[1] + "/burst%d." % i
    try:
        t = json.load(open(p + "json"))["total"]
    except Exception:
        t = "-"
    print(open(p + "code").read(), t)' "$TMP" | sort | uniq -c | tr -s ' '
}
# stats_gens: the generations 8 answers of /v1/stats name.
stats_gens() {
    for i in 1 2 3 4 5 6 7 8; do
        get sg$i.json /v1/stats
    done
    python3 -c 'import json, sys
print(" ".join(sorted({str(json.load(open(sys.argv[1] + "/sg%d.json" % i))
                           ["index"]["generation"]) for i in range(1, 9)})))' "$TMP"
}
for threads in 1 4; do
    n="damaged at start, $threads thread(s)"
    generations "$TMP/g"
    check "$n: a killed rebuild left gen-000003 unpublished" sh -c \
        "[ \"\$(readlink '$TMP/g/current')\" = gen-000002 ] && [ -d '$TMP/g/gen-000003' ]"
    cp -a "$TMP/g/gen-000002" "$TMP/g2.copy"
    for f in "$TMP/g/gen-000002"/*.glass; do
        truncate -s 100 "$f"
    done
    : >"$TMP/server.err"
    printf 'zanzibarfoo, zanzisyn\n' >"$TMP/g/synonyms"
    check "$n: server starts" start_server --db "$TMP/g" --threads "$threads"
    check "$n: 20 searches, every one 200 from gen-000001" \
        is "$(burst zanzibarfoo)" " 20 200 3"
    check "$n: with the archive's synonyms" \
        is "$(burst zanzisyn)" " 20 200 3"
    check "$n: nothing from the unpublished gen-000003" \
        is "$(burst wombatbaz)" " 20 200 0"
    check "$n: /v1/stats names gen-000001" is "$(stats_gens)" gen-000001
    get h.json /health
    check "$n: /health 200 with gen-000001's articles" sh -c \
        "[ '$code' = 200 ] && grep -q '\"articles\":87' '$TMP/h.json'"
    check "$n: logged, with the generation and why" grep -q \
        "answering from 'gen-000001'.*('gen-000002').*EOF reading block" \
        "$TMP/server.err"
    check "$n: the start names it" contains "$TMP/server.err" \
        "87 articles in 'gen-000001'"
    # The live generation put right: answered from within a second or so,
    # without a restart.
    rm -rf "$TMP/g/gen-000002"
    mv "$TMP/g2.copy" "$TMP/g/gen-000002"
    sleep 1.3
    check "$n, repaired: the live generation answers" \
        is "$(burst quokkabar)" " 20 200 3"
    check "$n, repaired: /v1/stats names it" \
        is "$(stats_gens)" gen-000002
    check "$n, repaired: logged" contains "$TMP/server.err" \
        "the live generation 'gen-000002' of '$TMP/g' opens"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null

    n="live removed at start, $threads thread(s)"
    generations "$TMP/g"
    rm -rf "$TMP/g/gen-000002"
    check "$n: server starts" start_server --db "$TMP/g" --threads "$threads"
    check "$n: 20 searches, every one 200 from gen-000001" \
        is "$(burst zanzibarfoo)" " 20 200 3"
    check "$n: /v1/stats names gen-000001" is "$(stats_gens)" gen-000001
    # A rebuild publishes a good generation: served within a second.
    check "$n: a rebuild publishes" nindex --quiet --db "$TMP/g" --rebuild \
        "$SAMPLES" "$TMP/c.jsonl"
    sleep 1.3
    check "$n, rebuilt: the new generation answers" \
        is "$(burst wombatbaz)" " 20 200 3"
    check "$n, rebuilt: /v1/stats names it" \
        is "$(stats_gens)" "$(readlink "$TMP/g/current")"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null
done

# The live generation removed while served: the workers let go of its
# deleted files and answer from the one before, as a restart would.
generations "$TMP/g"
check "removed while served: server starts" start_server --db "$TMP/g" \
    --threads 2
check "removed while served: the live generation answers" \
    is "$(burst quokkabar)" " 20 200 3"
rm -rf "$TMP/g/gen-000002"
sleep 1.3
check "removed while served: gen-000001 answers" \
    is "$(burst zanzibarfoo)" " 20 200 3"
check "removed while served: /v1/stats names it" \
    is "$(stats_gens)" gen-000001
check "removed while served: no deleted file held open" \
    is "$(held deleted)" 0
kill "$server_pid"
wait "$server_pid" 2>/dev/null

# An older generation that does not open either is passed over.
rm -rf "$TMP/g"
for f in a b c; do
    nindex --quiet --db "$TMP/g" --keep 3 --rebuild "$SAMPLES" "$TMP/$f.jsonl"
done
for f in "$TMP/g/gen-000002"/*.glass "$TMP/g/gen-000003"/*.glass; do
    truncate -s 100 "$f"
done
check "two damaged: server starts" start_server --db "$TMP/g"
check "two damaged: gen-000001 answers" is "$(burst zanzibarfoo)" " 20 200 3"
check "two damaged: /v1/stats names it" is "$(stats_gens)" gen-000001
kill "$server_pid"
wait "$server_pid" 2>/dev/null

# No older generation that opens: 503 no_index, as before.
rm -rf "$TMP/g"
nindex --quiet --db "$TMP/g" --rebuild "$SAMPLES"
for f in "$TMP/g/$(readlink "$TMP/g/current")"/*.glass; do
    truncate -s 100 "$f"
done
check "nothing older: server starts" start_server --db "$TMP/g"
get h.json /health
check "nothing older: /health 503 no_index" sh -c \
    "[ '$code' = 503 ] && grep -q no_index '$TMP/h.json'"
check "nothing older: searches 503" is "$(total oil)" 503

kill "$server_pid"
wait "$server_pid" 2>/dev/null
server_pid=
finish
