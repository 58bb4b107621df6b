#!/bin/sh
# t328-count-has-more.sh - A count (--limit 0) has no next page, in
# nsearch --json as in nsearchd: `nsearch --json -n 0 oil` said
# "has_more": true where nsearchd's limit=0 said false, so a script
# paging with `--offset $((offset + limit))` on has_more never ended.
. "$(dirname "$0")/lib.sh"

write_stories "$TMP/a.jsonl" s 30
run out err nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "the archive builds" is "$rc" 0

# more FILE: "TOTAL HAS_MORE" of the JSON in $TMP/FILE.
more() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["total"], str(d["has_more"]).lower())' "$TMP/$1"
}
run c err nsearch --db "$TMP/db" --json -n 0 harbour
check "--json -n 0: 30 counted, has_more false" is "$(more c)" "30 false"
run c err nsearch --db "$TMP/db" --json -n 0 --offset 10 harbour
check "--json -n 0 --offset 10: has_more false" is "$(more c)" "30 false"
run c err nsearch --db "$TMP/db" --json -n 0 ''
check "--json -n 0 of every article: has_more false" is "$(more c)" "30 false"

# The loop a script writes ends, within the stories there are.
loop() {
    off=0
    n=0
    while [ $n -lt 40 ]; do
        m=$(nsearch --db "$TMP/db" --json -n "$1" --offset $off harbour |
            python3 -c 'import json, sys; print(str(json.load(sys.stdin)["has_more"]).lower())')
        n=$((n + 1))
        [ "$m" = true ] || break
        off=$((off + $1))
    done
    echo $n
}
check "a loop of -n 0 on has_more ends at once" is "$(loop 0)" 1
printf 'q1\tharbour\n' >"$TMP/q"
run b err nsearch --db "$TMP/db" --batch -n 0 <"$TMP/q"
check "--batch -n 0: has_more false" python3 -c 'import json, sys
d = json.loads(open(sys.argv[1]).readline())
sys.exit(0 if d["total"] == 30 and d["has_more"] is False else 1)' "$TMP/b"
finish
