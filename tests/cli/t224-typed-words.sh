#!/bin/sh
# t224-typed-words.sh - Words "Did you mean" leaves as typed.  A word with
# a digit is never corrected: the dictionary holds no such word, so "mp4"
# was searched as "mps" and "tv2" as "tv".  Search as you type completes
# the word being typed after any mark ("#Chels", "$Micr", "@elon",
# "U.S.-Jap"), and never corrects it: "#Chels" was "#Chela".
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

# --- Search as you type after a mark ---------------------------------------
check "#Chels completes to Chelsea, not corrected to #Chela" \
    is "$(said --partial '#Chels')" "chelsea|"
check "\$Micr completes to Microsoft" is "$(said --partial '$Micr')" "msft|"
check "U.S.-Jap completes to Japan" \
    is "$(said --partial 'U.S.-Jap' | cut -d'|' -f2)" ""
check "U.S.-Jap finds the U.S.-Japan story" \
    sh -c "echo '$(said --partial 'U.S.-Jap')' | grep -q japan"
check "\$AAP completes to AAPL" is "$(said --partial '$AAP')" "aap|"
check "@elon completes" is "$(said --partial '@elon')" "elon|"
check "editor@exa completes" \
    sh -c "echo '$(said --partial 'editor@exa')' | grep -q '^example'"
check "-Chels is still an excluded word, not completed" \
    is "$(said --partial 'cup -Chels' | cut -d'|' -f1)" \
    "$(said 'cup -Chels' | cut -d'|' -f1)"
check "the word typed is not corrected: 'cup -Chels' has no suggestion" \
    is "$(said --partial 'cup -Chels' | cut -d'|' -f2)" ""
check "... though 'cup -Chels ' (done) has one, without the trailing space" \
    is "$(said --partial 'cup -Chels ' | cut -d'|' -f2)" "cup -Chela"
finish
