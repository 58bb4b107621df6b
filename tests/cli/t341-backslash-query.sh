#!/bin/sh
# t341-backslash-query.sh - A query of escapes and no word ("\", "\*",
# "\:"; a stray key by Enter) has no word to search: no hits and the
# warning that says so, as "/" alone has, from nsearch and from nsearchd.
# The escapes unescaped to nothing, which read as the empty query and
# listed every article (22,897 on Reuters and BBC News).  "*" and an
# empty q still list every article, and an escape inside words is kept.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/server.sh"

check "index" index_samples
all=$(nsearch --db "$TMP/db" --json -n 0 '' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
check "samples have articles" [ "$all" -gt 10 ]

# count Q: "TOTAL|WARNING" of nsearch --json -n 0 Q.
count() {
    nsearch --db "$TMP/db" --json -n 0 "$1" 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print("%d|%s" % (d["total"], d.get("warning")))'
}
for q in '\' '\\' '\*' '\:' '\"' ' \ '; do
    check "nsearch '$q': no hits, no word to search" \
        is "$(count "$q")" "0|the query has no word to search"
done
check "nsearch '*': every article" is "$(count '*')" "$all|None"
check "nsearch 'AT\&T': the escape in a word kept" \
    [ "$(count 'AT\&T')" != "0|the query has no word to search" ]

check "server starts" start_server
get r.json '/v1/search?q=%5C'
check "q=\\: 200" is "$code" 200
check "q=\\: no hits, no word to search" json r.json \
    'd["total"] == 0 and d["hits"] == [] and d["warning"] == "the query has no word to search"'
get r.json '/v1/search?q=%5C&section=Technology'
check "q=\\ with a filter: no hits" json r.json 'd["total"] == 0'
get r.json '/v1/search?q=%5C&partial=1'
check "q=\\ as typed: no hits" json r.json 'd["total"] == 0'
get r.json '/v1/search?q=*'
check "q=*: every article" json r.json "d['total'] == $all"

finish
