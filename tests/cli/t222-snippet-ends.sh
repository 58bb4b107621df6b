#!/bin/sh
# t222-snippet-ends.sh - What a snippet shows at its ends and where it is
# cut (README "nsearch: searching").  The lead is cut between characters
# as a reader sees them (a flag, an emoji family, a letter and its
# accent); it was cut inside them ("\U0001F469\u200d...").
. "$(dirname "$0")/lib.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
arts = [
    ("g1", "Family", ("\U0001F469\u200d\U0001F469\u200d\U0001F467\u200d"
                      "\U0001F466") * 10),
    ("g2", "Flags", "\U0001F1F3\U0001F1F4" * 10),
    ("g3", "Accents", "e\u0301" * 10),
]
for i, title, body in arts:
    print(json.dumps({"id": i, "title": title, "body": body,
                      "section": "S" + i}))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# field FIELD ID ARGS...: FIELD of hit ID of the search, as JSON gives it
# (Python's ascii() for the lead's cuts).
field() {
    f=$1 id=$2
    shift 2
    nsearch --db "$TMP/db" --json --related 0 "$@" | python3 -c '
import json, sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[2]:
        v = h[sys.argv[1]]
        print(ascii(v) if sys.argv[3] == "a" else v)' "$f" "$id" "${ASCII:-}"
}

# The lead is cut between characters as a reader sees them; the first
# alone longer than the length is shown whole.
ASCII=a
export ASCII
family='\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466'
check "an emoji family is not cut after its joiner" \
    is "$(field snippet g1 section:Sg1 --snippet-len 10)" "'$family...'"
check "two families fit in 70 bytes, not three" \
    is "$(field snippet g1 section:Sg1 --snippet-len 70)" "'$family$family...'"
check "a flag keeps its two letters" \
    is "$(field snippet g2 section:Sg2 --snippet-len 12)" \
    "'\\U0001f1f3\\U0001f1f4...'"
check "a decomposed letter keeps its accent" \
    is "$(field snippet g3 section:Sg3 --snippet-len 10)" \
    "'e\\u0301e\\u0301e\\u0301...'"

finish
