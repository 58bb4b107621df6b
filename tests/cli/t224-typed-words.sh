#!/bin/sh
# t224-typed-words.sh - Words "Did you mean" leaves as typed.  A word with
# a digit is never corrected: the dictionary holds no such word, so "mp5"
# was searched as "mps" and "tv2" as "tv".
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
rows = []
for i in range(6):
    rows.append(("mps%d" % i, "MPs vote", "The mps voted on the bill, part %d." % i))
    rows.append(("tv%d" % i, "TV news", "The tv channel showed the windows, part %d." % i))
rows += [
    ("mp4", "Video files", "The mp4 format is common."),
    ("chelsea", "Chelsea win", "Chelsea won the cup."),
    ("chela", "Crabs", "A chela is a claw; the chelas grip."),
    ("msft", "Microsoft results", "Microsoft earned more."),
    ("japan", "U.S.-Japan trade", "The U.S.-Japan trade talks went on in January."),
    ("aap", "AAPL shares", "Shares of AAPL rose."),
    ("elon", "Elon Musk", "Elon Musk spoke."),
    ("example", "Contact", "Write to editor@example.org today."),
]
with open(sys.argv[1], "w") as f:
    for i, (id_, title, body) in enumerate(rows):
        f.write(json.dumps({"id": id_, "title": title, "body": body,
                            "date": "2025-01-%02dT00:00:00Z" % (i % 28 + 1)}) + "\n")
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# said ARGS...: "ids|suggestion" of nsearch ARGS (ids sorted).
said() {
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted(h["id"] for h in d["hits"])) + "|" + (d.get("suggestion") or ""))'
}

# --- A word with a digit is never corrected -------------------------------
check "mp5: no article, and not searched as mps" is "$(said mp5)" "|"
check "tv2: not searched as tv" is "$(said tv2)" "|"
check "windows95: not searched as windows" is "$(said windows95)" "|"
check "mp4 finds its story" is "$(said mp4)" "mp4|"
check "vote tv2: no suggestion beside the hits" \
    is "$(said vote tv2 | cut -d'|' -f2)" ""
check "a word without a digit is still corrected (chelsee)" \
    is "$(said chelsee | cut -d'|' -f2)" "chelsea"

finish
