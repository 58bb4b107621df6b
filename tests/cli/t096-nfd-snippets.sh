#!/bin/sh
# t096-nfd-snippets.sh - Text written decomposed (NFD, as macOS writes it:
# "a" and a combining ring for "å") is indexed, searched and marked as
# the composed text it stands for, in phrases too; snippets and titles
# mark the word matched, not the over-long word before it; and a lead
# snippet ends at a word's end.
. "$(dirname "$0")/lib.sh"

# hits DB QUERY: the ids of the hits, sorted.
hits() {
    nsearch --db "$TMP/$1" --json --related 0 --no-collapse --limit 50 \
        -- "$2" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# The same sentence composed and decomposed, and an English one
# decomposed: the combining marks U+030A, U+0308, U+0301, U+0300, U+0302.
ring=$(printf '\314\212')
uml=$(printf '\314\210')
acute=$(printf '\314\201')
grave=$(printf '\314\200')
circ=$(printf '\314\202')
{
    echo '{"id":"nfc","title":"NFC Skarsgård i Malmö","body":"Stellan Skarsgård besøkte Malmö og Århus. Müller var også der.","lang":"no"}'
    printf '{"id":"nfd","title":"NFD Skarsga%srd i Malmo%s","body":"Stellan Skarsga%srd besøkte Malmo%s og A%srhus. Mu%sller var ogsa%s der.","lang":"no"}\n' \
        "$ring" "$uml" "$ring" "$uml" "$ring" "$uml" "$ring"
    printf '{"id":"nfden","title":"English cafe%s story","body":"We met at the cafe%s in Malmo%s. The cre%sme bru%slee%s was fine.","lang":"en"}\n' \
        "$acute" "$acute" "$uml" "$grave" "$circ" "$acute"
} >"$TMP/n.jsonl"
check "index NFD" nindex --quiet --db "$TMP/n" "$TMP/n.jsonl"

check "NFD: \"stellan skarsgård\"" is "$(hits n '"stellan skarsgård"')" "nfc nfd"
check "NFD: \"var også\"" is "$(hits n '"var også"')" "nfc nfd"
check "NFD: \"og århus\"" is "$(hits n '"og århus"')" "nfc nfd"
check "NFD: stellan NEAR skarsgård" is "$(hits n 'stellan NEAR skarsgård')" "nfc nfd"
check "NFD: \"stellan skarsgaard\"" is "$(hits n '"stellan skarsgaard"')" "nfc nfd"
check "NFD: \"the café\"" is "$(hits n '"the café"')" "nfden"
check "NFD: \"crème brûlée\"" is "$(hits n '"crème brûlée"')" "nfden"
check "NFD: a phrase not there" is "$(hits n '"skarsgård var"')" ""
check "NFD query: \"stellan skarsga\\u030ard\"" \
    is "$(hits n "$(printf '"stellan skarsga%srd"' "$ring")")" "nfc nfd"

# The digraph spellings mark the decomposed word, and the title keeps
# its bytes as written.
for q in skarsgaard aarhus; do
    nsearch --db "$TMP/n" --json --related 0 --no-collapse -- "$q" \
        >"$TMP/$q.json"
done
check "NFD: skarsgaard and aarhus marked, title as written" \
    python3 - "$TMP/skarsgaard.json" "$TMP/aarhus.json" <<'PY'
import json, sys, unicodedata
hits = {h["id"]: h for h in json.load(open(sys.argv[1]))["hits"]}
h = hits["nfd"]
assert "<mark>" in h["snippet_html"], h
assert h["title_html"] == "NFD <mark>Skarsga\u030ard</mark> i Malmo\u0308", h
hits = {h["id"]: h for h in json.load(open(sys.argv[2]))["hits"]}
h = hits["nfd"]
nfc = unicodedata.normalize("NFC", h["snippet_html"])
assert "<mark>Århus</mark>" in nfc, h
PY

# A word of more than 64 bytes before a match: Xapian skips it and put
# it inside the next mark; of more than 300, the match was not shown.
long=$(printf 'k%.0s' $(seq 80))
hash=3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed7e6dc881de23001b
{
    echo '{"id":"hash","title":"Commit '$hash' tapirsnout","body":"Commit '$hash' tapirsnout was merged.","lang":"en"}'
    echo '{"id":"k80","title":"Len 80","body":"Start of text. Another sentence here with '$long' tapirsnout here. The end.","lang":"en"}'
} >"$TMP/e.jsonl"
check "index long words" nindex --quiet --db "$TMP/e" "$TMP/e.jsonl"
nsearch --db "$TMP/e" --json --related 0 -- tapirsnout >"$TMP/e.json"
check "long word: only the match is marked" python3 - "$TMP/e.json" <<'PY'
import json, sys
hits = {h["id"]: h for h in json.load(open(sys.argv[1]))["hits"]}
for h in hits.values():
    assert "<mark>tapirsnout</mark>" in h["snippet_html"], h
h = hits["hash"]
assert h["title_html"].endswith(" <mark>tapirsnout</mark>"), h
assert h["title_html"].startswith("Commit 3f78"), h
PY

# A lead snippet (no query word in the body) ends at a word's end.
words="It said the Louisiana refinery would raise its posted prices for"
echo '{"id":"lead","title":"Oil prices","body":"'"$words $words $words $words"'","lang":"en"}' \
    >"$TMP/l.jsonl"
check "index lead" nindex --quiet --db "$TMP/l" "$TMP/l.jsonl"
nsearch --db "$TMP/l" --json --related 0 -- title:oil >"$TMP/l.json"
check "lead snippet cut at a word's end" python3 - "$TMP/l.json" "$words" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
sn = h["snippet"]
assert sn.endswith("..."), h
last = sn[:-3].split()[-1]
assert last in sys.argv[2].split(), (last, sn)
assert len(sn) <= 203, sn
PY

finish
