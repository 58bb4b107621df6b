#!/bin/sh
# t173-show.sh - nsearch --show ID: an editor who found a story with
# nsearch could not read it from the terminal; only nsearchd's
# /v1/articles/{id} gave the article.  Now --show prints it (title, the
# hit's line of metadata with updated, language and tags, the body),
# --json exactly as nsearchd does, an unknown id or a shard down is an
# error, the text keeps control characters off the terminal, and the
# options that ask for another answer are refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

index_samples
cat >"$TMP/more.jsonl" <<'EOF'
{"id": "2025/08/harbour-plan", "title": "Harbour plan approved", "body": "The council approved the harbour plan.\n\nWork starts in spring.", "date": "2025-08-10T08:00:00Z", "updated": "2025-08-10T11:20:00Z", "section": "Local", "lang": "en", "tags": ["harbour", "council"]}
{"id": "bjørnøya-værmelding", "title": "Storm over Bjørnøya", "body": "Meteorologene varsler storm.", "date": "2025-08-11", "updated": "2025-08-12T06:00:00Z", "lang": "no", "tags": ["vær", "nord"]}
{"id": "harbour-2", "title": "Ferry back on schedule", "body": "The harbour ferry runs again after the storm."}
{"id": "rtl", "title": "Invoice \u202efdp.exe\u202c today", "body": "First line \u2028 same paragraph", "url": "https://x.example/a\u2066b", "tags": ["ta\u202eg"], "author": "Ann \u2067Lee"}
EOF
nindex --quiet --db "$TMP/db" "$TMP/more.jsonl"

# --- Text: what a reader of the story needs -------------------------------
id=azure-surveillance-investigation
run out err nsearch --db "$TMP/db" --color never --show "$id"
check "text: exit 0" is "$rc" 0
check "text: nothing on stderr" is "$(cat "$TMP/err")" ""
check "text: the title first" is "$(sed -n 1p "$TMP/out")" \
    "Microsoft's Azure cloud used for mass surveillance of Palestinians, investigation finds"
check "text: date, section, byline, language, url and tags, as a hit's line" \
    is "$(sed -n 2p "$TMP/out")" \
    "2025-08-06 | Technology | Kari Nordmann | en | https://news.example.org/2025/08/06/azure-surveillance-investigation | tags: microsoft, azure, surveillance, israel, palestinians, unit 8200, cloud"
check "text: a blank line before the body" is "$(sed -n 3p "$TMP/out")" ""
check "text: the body's first paragraph" is "$(sed -n 4p "$TMP/out" | cut -c1-50)" \
    "Israel's military intelligence agency, Unit 8200, "
check "text: a heading on a line of its own, between blank lines" \
    awk '$0 == "Key Allegations" { ok = prev == "" && NR > 4; n = NR }
         NR == n + 1 && n { ok = ok && $0 == "" } { prev = $0 }
         END { exit !(ok && n) }' "$TMP/out"
check "text: the body to its end" contains "$TMP/out" \
    "could not be independently verified"
check "text: no query markers" lacks "$TMP/out" "**"

# The README's first steps: the id that ends a hit's second line.
run out err nsearch --db "$TMP/db" --color never "ferry back on schedule"
check "first steps: the hit's second line is its id" \
    grep -qx "    id harbour-2" "$TMP/out"
run out err nsearch --db "$TMP/db" --color never --show harbour-2
check "first steps: --show prints the story" \
    is "$(tr '\n' '|' <"$TMP/out")" \
    "Ferry back on schedule|en | harbour-2||The harbour ferry runs again after the storm.|"

run out err nsearch --db "$TMP/db" --color never --show 2025/08/harbour-plan
check "an id with a slash: found" is "$rc" 0
check "updated on the day of publication: with its time" \
    is "$(sed -n 2p "$TMP/out")" \
    "2025-08-10 | updated 2025-08-10 11:20 | Local | en | 2025/08/harbour-plan | tags: harbour, council"
check "the README's example, line for line" \
    is "$(tr '\n' '|' <"$TMP/out")" \
    "Harbour plan approved|2025-08-10 | updated 2025-08-10 11:20 | Local | en | 2025/08/harbour-plan | tags: harbour, council||The council approved the harbour plan.||Work starts in spring.|"

run out err nsearch --db "$TMP/db" --color never --show "bjørnøya-værmelding"
check "an id with non-ASCII letters: found" is "$rc" 0
check "non-ASCII: title" is "$(sed -n 1p "$TMP/out")" "Storm over Bjørnøya"
check "updated another day: the day" is "$(sed -n 2p "$TMP/out")" \
    "2025-08-11 | updated 2025-08-12 | no | bjørnøya-værmelding | tags: vær, nord"

run out err nsearch --db "$TMP/db" --color always --show 2025/08/harbour-plan
check "--color always: the title in bold" is "$(sed -n 1p "$TMP/out")" \
    "$(printf '\033[1mHarbour plan approved\033[22m')"

# --- --json: nsearchd's /v1/articles/{id}, byte for byte ----------------
check "nsearchd starts" start_server
# same ID PATH: nsearch --show ID --json and GET PATH give equal JSON,
# parsed and as bytes.
same() {
    nsearch --db "$TMP/db" --json --show "$1" >"$TMP/cli.json" || return 1
    get srv.json "$2"
    [ "$code" = 200 ] || return 1
    python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
sys.exit(0 if a == b and a["id"] == sys.argv[3] else 1)' \
        "$TMP/cli.json" "$TMP/srv.json" "$1" &&
        cmp -s "$TMP/cli.json" "$TMP/srv.json"
}
check "--json: a sample article as nsearchd gives it" \
    same "$id" "/v1/articles/$id"
check "--json: with updated, id with a slash" \
    same 2025/08/harbour-plan /v1/articles/2025%2F08%2Fharbour-plan
check "--json: non-ASCII id and tags" \
    same "bjørnøya-værmelding" \
    "/v1/articles/$(python3 -c 'import urllib.parse; print(urllib.parse.quote("bjørnøya-værmelding"))')"
check "--json: updated and tags as stored" json cli.json \
    'd["updated"] == "2025-08-12T06:00:00Z" and d["tags"] == ["vær", "nord"]'
kill $server_pid 2>/dev/null
wait $server_pid 2>/dev/null
server_pid=

# --- An id no article has --------------------------------------------------
run out err nsearch --db "$TMP/db" --show no-such-story
check "unknown id: exit 1, as --related-to" is "$rc" 1
check "unknown id: says so" is "$(cat "$TMP/err")" \
    "nsearch: no article with id 'no-such-story'"
check "unknown id: nothing on stdout" is "$(cat "$TMP/out")" ""
run out err nsearch --db "$TMP/db" --json --show no-such-story
check "unknown id, --json: exit 1" is "$rc" 1
check "unknown id, --json: nsearchd's not_found error on stdout" \
    sh -c 'python3 -c "import json,sys; d=json.load(sys.stdin); assert d == {\"error\": {\"code\": \"not_found\", \"message\": \"no article with id '"'"'no-such-story'"'"'\"}}" <"$1"' - "$TMP/out"
long=$(python3 -c 'print("x" * 201)')
run out err nsearch --db "$TMP/db" --show "$long"
check "an id longer than any stored: no article" \
    test "$rc" = 1 -a "$(cat "$TMP/err")" = "nsearch: no article with id '$long'"

# --- Terminal safety --------------------------------------------------------
# nindex stores no C0 or C1 control (and the stored text is read through
# the same checks), but it keeps the direction controls and line
# separators that right-to-left scripts use, which on a terminal can make
# a title, url or tag read as another.
run out err nsearch --db "$TMP/db" --color never --show rtl
check "a direction control in a title: a space" is "$(sed -n 1p "$TMP/out")" \
    "Invoice  fdp.exe  today"
check "a line separator in a body: a space" is "$(sed -n 4p "$TMP/out")" \
    "First line   same paragraph"
check "direction controls in byline, url and tags: spaces" \
    is "$(sed -n 2p "$TMP/out")" "Ann  Lee | en | https://x.example/a b | tags: ta g"
check "no direction control or line separator reaches the terminal" \
    python3 -c 'import sys
t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(any(c in t for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"))' "$TMP/out"
run out err nsearch --db "$TMP/db" --json --show rtl
check "--json: the stored text as it is, for the program that shows it" \
    json out 'd["title"] == "Invoice \u202efdp.exe\u202c today"'

# --- Options -----------------------------------------------------------------
run out err nsearch --db "$TMP/db" --show "$id" azure
check "--show with QUERY words: exit 2" is "$rc" 2
check "--show with QUERY words: says why" contains "$TMP/err" \
    "nsearch: --show takes no QUERY, no --batch and no --related-to"
run out err nsearch --db "$TMP/db" --show "$id" --batch </dev/null
check "--show with --batch: exit 2" is "$rc" 2
run out err nsearch --db "$TMP/db" --show "$id" --related-to "$id"
check "--show with --related-to: exit 2" is "$rc" 2
check "--show with --related-to: says why" contains "$TMP/err" \
    "--show takes no QUERY, no --batch and no --related-to"
run out err nsearch --db "$TMP/db" --show ""
check "--show '': exit 2" is "$rc" 2
check "--show '': says why" contains "$TMP/err" "--show needs an article id, not ''"
nsearch --db "$TMP/db" --color never --show "$id" >"$TMP/plain"
run out err nsearch --db "$TMP/db" --color never -n 3 --sort date --facets \
    --show "$id"
check "search options are ignored, as with --related-to" \
    test "$rc" = 0 -a -z "$(cat "$TMP/err")"
check "... and the article is the same" cmp -s "$TMP/out" "$TMP/plain"
run out err nsearch --help
check "--help names --show" contains "$TMP/out" "--show ID"

# --- A cluster whose shard holding the article is down --------------------
for i in 0 1; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/2 "$SAMPLES"
    eval "port$i=\$(free_port)"
    eval "start_shard \$port$i \"\$TMP/s$i\""
    eval "pid$i=\$shard_pid"
done
cat >"$TMP/cluster" <<EOF
connect-timeout 1
timeout 5
refresh 0.5
shard 0 tcp 127.0.0.1:$port0
shard 1 tcp 127.0.0.1:$port1
EOF
first() {
    nsearch --db "$1" --json --limit 1 --related 0 --no-collapse "" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])'
}
id0=$(first "$TMP/s0")
id1=$(first "$TMP/s1")
run out err nsearch --db "$TMP/cluster" --json --show "$id1"
check "cluster, every shard up: found" json out "d['id'] == '$id1'"
stop_shard "$pid1"
run out err nsearch --db "$TMP/cluster" --show "$id1"
check "shard down: exit 1" is "$rc" 1
check "shard down: says the shard holding it is down, and why" \
    contains "$TMP/err" "nsearch: shard 1 of the cluster, which holds article '$id1', is down (tcp 127.0.0.1:$port1: "
check "shard down: not 'no article'" lacks "$TMP/err" "no article with id"
run out err nsearch --db "$TMP/cluster" --color never --show "$id0"
check "shard down: an article of the shard up is shown" \
    test "$rc" = 0 -a -s "$TMP/out"
finish
