#!/bin/sh
# t515-nsearchd-limits.sh - The parameter limits the README states for
# /v1/search, on both sides of each line: limit 0-100, offset 0-10000,
# related 0-20, snippet_len 0-1000, q up to 4096 bytes, a request head of
# 64 KiB and 256 parameters.  t510 checks the refusals; this checks
# that the last allowed value is served, and served in full, so that a
# tightened limit fails too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# 120 short articles, so that limit=100 has 100 hits to give.
python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(120):
        f.write(json.dumps({"id": "n%d" % i, "title": "Harbour note %d" % i,
                            "body": "harbour ferry note %d" % i,
                            "date": "2025-06-%02dT10:00:00Z" % (1 + i % 28)}) + "\n")
    # One long story, for snippet_len.
    f.write(json.dumps({"id": "long", "title": "Lighthouse keepers",
                        "body": " ".join("The lighthouse keeper %d wrote "
                                         "the log." % i
                                         for i in range(200))}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "server starts" start_server

# hits FILE: the number of hits in $TMP/FILE.
hits() { grep -o '"rank":' "$TMP/$1" | wc -l | tr -d ' '; }

get l100.json '/v1/search?q=harbour&limit=100&related=0'
check "limit=100: 200" is "$code" 200
check "limit=100: 100 hits" is "$(hits l100.json)" 100
get l101.json '/v1/search?q=harbour&limit=101'
check "limit=101: 400" is "$code" 400
get l0.json '/v1/search?q=harbour&limit=0'
check "limit=0: 200, no hits" is "$code:$(hits l0.json)" "200:0"

get o.json '/v1/search?q=harbour&offset=10000'
check "offset=10000: 200" is "$code" 200
check "offset=10000: past the end, no hits" is "$(hits o.json)" 0
get o2.json '/v1/search?q=harbour&offset=110&limit=100&related=0'
check "offset=110: the last 10" is "$(hits o2.json)" 10
get o3.json '/v1/search?q=harbour&offset=10001'
check "offset=10001: 400" is "$code" 400

get r.json '/v1/search?q=harbour&related=20&now=2025-06-28'
check "related=20: 200" is "$code" 200
check "related=20: a list of at most 20" json r.json 'len(d["related"]) <= 20'
get r2.json '/v1/related/n5?related=20&now=2025-06-28'
check "related/{id} related=20: 200" is "$code" 200
get r3.json '/v1/related/n5?related=21'
check "related/{id} related=21: 400" is "$code" 400

# snippet_len: the snippet nsearch --snippet-len makes, 0 to 1000 bytes;
# ignored before, when every snippet was 200 bytes.
# snippet FILE: the first hit's snippet in $TMP/FILE; cli_snippet N:
# nsearch's with --snippet-len N.
snippet() {
    python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["hits"][0]["snippet"])' "$TMP/$1"
}
cli_snippet() {
    nsearch --db "$TMP/db" --json --snippet-len "$1" lighthouse |
        python3 -c 'import json, sys
print(json.load(sys.stdin)["hits"][0]["snippet"])'
}
get sn.json '/v1/search?q=lighthouse'
default=$(snippet sn.json)
check "no snippet_len: nsearch's default snippet" is "$default" "$(cli_snippet 200)"
for n in 20 0 1000; do
    get sn$n.json "/v1/search?q=lighthouse&snippet_len=$n"
    check "snippet_len=$n: 200 ($code)" is "$code" 200
    check "snippet_len=$n: nsearch --snippet-len $n's snippet" \
        is "$(snippet sn$n.json)" "$(cli_snippet $n)"
done
check "snippet_len=20: shorter than the default" \
    test "$(snippet sn20.json | wc -c)" -lt "$(printf '%s\n' "$default" | wc -c)"
check "snippet_len=0: no snippet" is "$(snippet sn0.json)" ""
check "snippet_len=1000: about 1000 bytes" \
    test "$(snippet sn1000.json | wc -c)" -gt 900
for v in 1001 -1 abc 2.5; do
    get sb.json "/v1/search?q=lighthouse&snippet_len=$v"
    check "snippet_len=$v: 400 bad_parameter ($code)" json sb.json \
        'd["error"]["code"] == "bad_parameter"'
    check "snippet_len=$v: status 400" is "$code" 400
done
get sb.json '/v1/search?q=lighthouse&snippet_len=1001'
check "snippet_len=1001: the message says the range" json sb.json \
    'd["error"]["message"] == "snippet_len must be a whole number from 0 to 1000 (bytes; 0 for no snippet), not \x271001\x27"'
get sb.json '/v1/search?q=lighthouse&snippet_len=20&snippet_len=30'
check "snippet_len given twice: 400" is "$code" 400
# A misspelt parameter is ignored as every unknown one is (README).
get st.json '/v1/search?q=lighthouse&snipet_len=20'
check "snipet_len (a typo): ignored, the default snippet" \
    is "$code:$(snippet st.json)" "200:$default"
run help.out help.err "$NSEARCH_BIN/nsearchd" --help
check "--help names snippet_len and its range" \
    contains "$TMP/help.out" "snippet_len (0-1000 bytes,"

# q: 4096 bytes are served, 4097 are 414.
q4096=$(python3 -c 'print(("harbour " * 600)[:4096])')
q4097=$(python3 -c 'print(("harbour " * 600)[:4097])')
get q1.json "/v1/search?q=$(printf '%s' "$q4096" | sed 's/ /+/g')&related=0"
check "q of 4096 bytes: 200" is "$code" 200
check "q of 4096 bytes: answered" test "$(hits q1.json)" -gt 0
get q2.json "/v1/search?q=$(printf '%s' "$q4097" | sed 's/ /+/g')"
check "q of 4097 bytes: 414" is "$code" 414

# The request head: 256 parameters and a 64 KiB URL are served, more are
# an immediate JSON 414, and headers past 64 KiB a JSON 431.  Each answer
# must come at once: a client that waited for --header-timeout (5 s)
# would be told nothing.
cat >"$TMP/head.py" <<'PY'
import json, socket, sys, time
def ask(sock, path, headers=b""):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sock)
    s.settimeout(4)
    t = time.time()
    s.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
              + headers + b"\r\n")
    data = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            data += d
    except OSError:
        pass
    head, _, body = data.partition(b"\r\n\r\n")
    status = head[9:12].decode() or "none"
    try:
        code = json.loads(body)["error"]["code"] if status != "200" else "ok"
    except ValueError:
        code = "not JSON"
    return "%s %s %s" % (status, code, "fast" if time.time() - t < 2 else "slow")
sock, case = sys.argv[1], sys.argv[2]
print({
    "params256": lambda: ask(sock, b"/v1/search?q=harbour" + b"&utm=1" * 255),
    "params1201": lambda: ask(sock, b"/v1/search?q=azure" + b"&utm=1" * 1200),
    "url64k": lambda: ask(sock, b"/v1/search?q=harbour&u=" + b"x" * 63000 + b"&a=1" * 254),
    "url70k": lambda: ask(sock, b"/v1/search?q=harbour&u=" + b"x" * 70000),
    "headers70k": lambda: ask(sock, b"/health", b"X-Pad: " + b"p" * 70000 + b"\r\n"),
}[case]())
PY
raw_head() { python3 "$TMP/head.py" "$SOCK" "$1"; }
check "256 parameters: served" is "$(raw_head params256)" "200 ok fast"
check "1201 parameters in 7 KB: an immediate JSON 414" \
    is "$(raw_head params1201)" "414 too_large fast"
check "a 64 KiB URL with 256 parameters: served" is "$(raw_head url64k)" "200 ok fast"
check "a 70 KB URL: an immediate JSON 414" is "$(raw_head url70k)" "414 too_large fast"
check "70 KB of headers: an immediate JSON 431" \
    is "$(raw_head headers70k)" "431 too_large fast"
check "healthy after them" is "$(raw_head params256)" "200 ok fast"

# The CLI's own caps (README: --limit at most 10000, --related-to's list).
run out err nsearch --db "$TMP/db" --json --limit 10000 --related 0 harbour
check "nsearch --limit 10000: all 120" is "$(grep -o '"rank":' "$TMP/out" | wc -l | tr -d ' ')" 120

finish
