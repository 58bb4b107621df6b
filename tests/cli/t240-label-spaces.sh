#!/bin/sh
# t240-label-spaces.sh - A section or tag filter is read as the indexer
# stores a label: trimmed and single-spaced (README "Query language").
# section:"world " (a space before the closing quote) and
# section:"Arts  &  Culture" find what section:world and
# section:"Arts & Culture" find, on the command line and through
# nsearchd; a section= or tag= of spaces alone is no filter, as an empty
# one is.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"w1","title":"Storm over the harbour","body":"A storm hit the harbour.","section":"World","date":"2025-09-01T10:00:00Z","tags":["weather"]}
{"id":"w2","title":"Harbour reopens","body":"The harbour reopened after the storm.","section":"World","date":"2025-09-02T10:00:00Z","tags":["harbour news"]}
{"id":"c1","title":"A harbour on stage","body":"A play about the harbour.","section":"Arts & Culture","date":"2025-09-03T10:00:00Z","tags":["theatre"]}
{"id":"s1","title":"Harbour league final","body":"The harbour team won.","section":"Sport","date":"2025-09-04T10:00:00Z"}
J
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

total() {
    nsearch --db "$TMP/db" --json -n 0 --related 0 --no-collapse "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check 'section:world: two' is "$(total 'harbour section:world')" 2
check 'section:"world ": two' is "$(total 'harbour section:"world "')" 2
check 'section:" World": two' is "$(total 'harbour section:" World"')" 2
check 'section:"Arts & Culture": one' \
    is "$(total 'harbour section:"Arts & Culture"')" 1
check 'section:"Arts  &   Culture": one' \
    is "$(total 'harbour section:"Arts  &   Culture"')" 1
check 'tag:"harbour  news": one' is "$(total 'tag:"harbour  news"')" 1

start_server
check "server starts" kill -0 "$server_pid"
htotal() {
    get r "$1"
    [ "$code" = 200 ] || { echo "status $code for $1"; return; }
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total"])' \
        "$TMP/r"
}
check 'section=world%20: two' \
    is "$(htotal '/v1/search?q=harbour&section=world%20&collapse=0')" 2
check 'section=Arts%20%20%26%20Culture: one' \
    is "$(htotal '/v1/search?q=harbour&section=Arts%20%20%26%20Culture&collapse=0')" 1
# Spaces alone are no filter: every harbour story, as with tag= empty.
all=$(htotal '/v1/search?q=harbour&collapse=0')
check 'tag= empty: no filter' is "$all" 4
check 'tag=%20: no filter' \
    is "$(htotal '/v1/search?q=harbour&tag=%20&collapse=0')" "$all"
check 'section=%20%20: no filter' \
    is "$(htotal '/v1/search?q=harbour&section=%20%20&collapse=0')" "$all"
check 'tag=%20 beside a tag: that tag' \
    is "$(htotal '/v1/search?q=harbour&tag=%20&tag=weather&collapse=0')" 1
finish
