#!/bin/sh
# t171-spelling-accents.sh - "Did you mean" counted a missing accent as a
# typo: "Muler" is two edits from "Müller" as written (ü for u, and the
# lost l), over the one a five-letter word may have, and got no
# suggestion.  Now the edits are counted without diacritics: the letter
# typed without its accent is how the word is searched, and "Muler" is
# answered "Müller".  The bound itself is kept.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"de1","lang":"de","title":"Thomas Müller trifft","body":"Thomas Müller trifft für Bayern.","date":"2025-05-07"}
{"id":"no1","lang":"no","title":"Bølgene slo inn","body":"Bølgene slo inn over kaia i Ålesund.","date":"2025-05-08"}
{"id":"en1","lang":"en","title":"A quiet day","body":"Nothing happened at the harbour today.","date":"2025-05-09"}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# said QUERY: the suggestion for QUERY (or "-"), whether it was searched,
# and the ids of the hits.
said() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse "$1" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join([d["suggestion"] or "-", str(d["suggestion_used"])] +
               [h["id"] for h in d["hits"]]))'
}

check "Muler: Müller, searched" is "$(said Muler)" "Müller True de1"
check "muler: müller" is "$(said muler)" "müller True de1"
check "Thomas Muler: Thomas Müller" is "$(said 'Thomas Muler')" \
    "Thomas Müller False de1"
check "Bolgne: Bølgene, searched" is "$(said Bolgne)" "Bølgene True no1"
check "Mxler: two edits even folded, no suggestion" is "$(said Mxler)" \
    "- False"
check "Mullr: too few letters shared as written, no suggestion" is \
    "$(said Mullr)" "- False"

nsearch --db "$TMP/db" --related 0 Muler >"$TMP/out"
check "text: Did you mean: Müller?" contains "$TMP/out" "Müller"

finish
