#!/bin/sh
# t578-nsearchd-caching.sh - Answers carry a weak ETag of what they depend
# on (the index version, the synonyms file) and Cache-Control, so that a
# browser or nginx's proxy_cache can revalidate them: If-None-Match that
# names it is answered 304 without running the search, and the ETag
# changes with a commit and with an edit of the synonyms, but not with a
# copy of the index and synonyms on another host.  Errors and the
# status endpoints are never kept (no-store).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"


# start_server2: a second server, on $TMP/db2 and $TMP/s2.sock; fetch
# asks it until SOCK is set back.
start_server2() {
    "$NSEARCH_BIN/nsearchd" --db "$TMP/db2" --socket "$TMP/s2.sock" \
        2>>"$TMP/server2.err" &
    server2_pid=$!
    SOCK=$TMP/s2.sock
    wait_ready
}
server2_pid=
trap '[ -n "$server2_pid" ] && kill -9 $server2_pid 2>/dev/null
[ -n "$server_pid" ] && kill -9 $server_pid 2>/dev/null; rm -rf "$TMP"' EXIT

index_samples
check "server starts" start_server

fetch s1 '/v1/search?q=azure&limit=3'
etag=$(field s1 etag)
check "search: 200 ($code)" is "$code" 200
check "search: a weak ETag ($etag)" \
    sh -c "printf '%s' '$etag' | grep -qx 'W/\"[0-9a-f]\{16\}\"'"
check "search: Cache-Control no-cache" is "$(field s1 cache-control)" no-cache
fetch s2 '/v1/search?q=azure&limit=3'
check "search again: the same ETag" is "$(field s2 etag)" "$etag"

fetch nm '/v1/search?q=azure&limit=3' -H "If-None-Match: $etag"
check "If-None-Match: 304 ($code)" is "$code" 304
check "304: no body" test ! -s "$TMP/nm"
check "304: the ETag" is "$(field nm etag)" "$etag"
check "304: Cache-Control" is "$(field nm cache-control)" no-cache
fetch hd '/v1/search?q=azure&limit=3' -I -H "If-None-Match: $etag"
check "HEAD with If-None-Match: 304 ($code)" is "$code" 304
strong=${etag#W/}
fetch st '/v1/search?q=azure' -H "If-None-Match: $strong"
check "the tag without W/: weak comparison, 304 ($code)" is "$code" 304
fetch ls '/v1/search?q=azure' -H "If-None-Match: \"other\", $etag"
check "a list naming it: 304 ($code)" is "$code" 304
fetch ls2 '/v1/search?q=azure' -H 'If-None-Match: "other"' \
    -H "If-None-Match: $etag"
check "the second of two fields naming it: 304 ($code)" is "$code" 304
fetch any '/v1/search?q=azure' -H 'If-None-Match: *'
check "If-None-Match: *: 304 ($code)" is "$code" 304
fetch no '/v1/search?q=azure' -H 'If-None-Match: W/"0000000000000000"'
check "another tag: 200 ($code)" is "$code" 200
check "another tag: the body" json no 'd["total"] > 0'

fetch art '/v1/articles/azure-surveillance-investigation'
check "article: the same ETag ($code)" is "$code:$(field art etag)" "200:$etag"
fetch art2 '/v1/articles/azure-surveillance-investigation' \
    -H "If-None-Match: $etag"
check "article revalidated: 304 ($code)" is "$code" 304
fetch gone '/v1/articles/no-such-article' -H "If-None-Match: $etag"
check "unknown article: 404 even so ($code)" is "$code" 404
fetch rel '/v1/related/azure-surveillance-investigation?recent_days=0'
check "related: the ETag ($code)" is "$code:$(field rel etag)" "200:$etag"

# Errors and the status endpoints: never kept, no ETag.
for p in '/v1/search?limit=x' '/nowhere' '/health' '/v1/stats' '/metrics'; do
    rm -f "$TMP/e"
    fetch e "$p"
    check "$p: no-store" is "$(field e cache-control)" no-store
    check "$p: no ETag" is "$(field e etag)" ""
done

# A commit makes another version: the old ETag gets the new answer.
write_stories "$TMP/more.jsonl" azure 1
run out err nindex --quiet --db "$TMP/db" "$TMP/more.jsonl"
check "nindex adds an article" is "$rc" 0
i=0
while [ $i -lt 30 ]; do
    fetch c '/v1/search?q=azure&limit=3' -H "If-None-Match: $etag"
    [ "$code" = 200 ] && break
    sleep 0.1
    i=$((i + 1))
done
etag2=$(field c etag)
check "after a commit: 200 ($code)" is "$code" 200
check "after a commit: another ETag" [ -n "$etag2" -a "$etag2" != "$etag" ]

# So does an edit of the synonyms, which no commit follows.
printf 'azure, cerulean\n' >"$TMP/db/synonyms"
i=0
while [ $i -lt 30 ]; do
    fetch y '/v1/search?q=azure&limit=3' -H "If-None-Match: $etag2"
    [ "$code" = 200 ] && break
    sleep 0.1
    i=$((i + 1))
done
check "after the synonyms changed: 200 ($code)" is "$code" 200
check "after the synonyms changed: another ETag" \
    [ -n "$(field y etag)" -a "$(field y etag)" != "$etag2" ]
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# A 304 runs no search: a search that would be stopped at a budget of
# 1 ms is answered 304 at once, and no search is counted as stopped.
check "starts with --request-timeout 1 --max-age 60" start_server \
    --request-timeout 1 --max-age 60
fetch ma '/v1/articles/azure-surveillance-investigation'
etag3=$(field ma etag)
check "--max-age 60: Cache-Control max-age=60" \
    is "$(field ma cache-control)" max-age=60
wild=$(python3 -c 'print("%20".join(c + "*" for c in "abcdefghijklmnoprstw"))')
fetch slow "/v1/search?q=$wild&limit=100"
check "a search past the budget: 503 ($code)" is "$code" 503
check "a search past the budget: no-store" \
    is "$(field slow cache-control)" no-store
fetch slow2 "/v1/search?q=$wild&limit=100" -H "If-None-Match: $etag3"
check "the same search revalidated: 304 ($code)" is "$code" 304
get st.json /v1/stats
check "only the first search ran" json st.json 'd["guard"]["timed_out"] == 1'
check "304 is no error" json st.json 'd["errors"] == 1'
get m.txt /metrics
check "/metrics counts the 304" grep -q \
    '^nsearchd_requests_total{route="search",status="304"} 1$' "$TMP/m.txt"
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# Two hosts behind a balancer serve copies of one index and synonyms
# file: each copy has its own inodes (and here its own device numbers
# would not matter either), and the ETag is the same, so that a client
# revalidating with one host's tag is answered 304 by the other.  Only
# the synonyms' content counts: the same list written anew keeps the
# tag, another list changes it.
cp -a "$TMP/db" "$TMP/db2"
check "serves the index" start_server
fetch h1 '/v1/search?q=azure&limit=3'
check "starts on the copy" start_server2
fetch h2 '/v1/search?q=azure&limit=3'
h1=$(field h1 etag)
check "the copy: its own inode for the synonyms" \
    [ "$(stat -c %i "$TMP/db/synonyms")" != "$(stat -c %i "$TMP/db2/synonyms")" ]
check "the copy: the same ETag ($h1, $(field h2 etag))" \
    [ -n "$h1" -a "$(field h2 etag)" = "$h1" ]
fetch x2 '/v1/search?q=azure&limit=3' -H "If-None-Match: $h1"
check "the copy: the other host's tag revalidates, 304 ($code)" is "$code" 304
# The same content in a new file (new inode, new time): the same tag.
cp "$TMP/db2/synonyms" "$TMP/syn.new"
mv "$TMP/syn.new" "$TMP/db2/synonyms"
touch -d '2020-01-01' "$TMP/db2/synonyms"
sleep 1.2
fetch y2 '/v1/search?q=azure&limit=3'
check "the same synonyms rewritten: the same ETag" is "$(field y2 etag)" "$h1"
printf 'azure, sapphire\n' >"$TMP/db2/synonyms"
i=0
while [ $i -lt 30 ]; do
    fetch z2 '/v1/search?q=azure&limit=3' -H "If-None-Match: $h1"
    [ "$code" = 200 ] && break
    sleep 0.1
    i=$((i + 1))
done
check "other synonyms on the copy: 200 ($code)" is "$code" 200
check "other synonyms on the copy: another ETag" \
    [ -n "$(field z2 etag)" -a "$(field z2 etag)" != "$h1" ]
finish
