#!/bin/sh
# t315-half-life-without-recent.sh - --half-life (HTTP half_life) sets how
# fast --sort recent's bonus for newness fades; with another order it
# changed nothing and nothing said so.  Now nsearch warns on stderr and
# nsearchd in the answer's warning, and the order is the one asked for.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
docs = [
    {"id": "old", "title": "Snow snow snow", "body": "Snow, snow and snow.", "date": "1987-01-01"},
    {"id": "new", "title": "Weather", "body": "Some snow.", "date": "1987-06-01"},
]
with open(sys.argv[1], "w") as f:
    for d in docs:
        f.write(json.dumps(d) + "\n")
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
said="--half-life is read with --sort recent only; it was ignored: add --sort recent"

# order ARGS: the ids in order, then "|" and stderr's warnings.
order() {
    out=$(nsearch --db "$TMP/db" --json --related 0 "$@" 2>"$TMP/err" |
        python3 -c 'import json, sys
print(",".join(h["id"] for h in json.load(sys.stdin)["hits"]))')
    echo "$out|$(cat "$TMP/err")"
}
check "--half-life alone: relevance, and said" \
    is "$(order --half-life 1 snow)" "old,new|nsearch: warning: $said"
check "--sort date --half-life: by date, and said" \
    is "$(order --sort date --half-life 1 snow)" "new,old|nsearch: warning: $said"
check "--sort recent --half-life: read, nothing said" \
    is "$(order --sort recent --half-life 30 snow | cut -d'|' -f2)" ""
check "no --half-life: nothing said" is "$(order snow)" "old,new|"

check "nsearchd starts" start_server
get r.json "/v1/search?q=snow&related=0&half_life=5"
check "half_life without sort: 200, relevance order, warned" json r.json \
    '[h["id"] for h in d["hits"]] == ["old", "new"] and d.get("warning") == "half_life is read with sort=recent only; it was ignored: add sort=recent"'
get r2.json "/v1/search?q=snow&related=0&half_life=5&sort=recent"
check "half_life with sort=recent: no warning" json r2.json '"warning" not in d'
get r3.json "/v1/search?q=snow&related=0"
check "neither: no warning" json r3.json '"warning" not in d'
finish
