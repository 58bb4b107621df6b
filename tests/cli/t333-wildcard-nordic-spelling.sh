#!/bin/sh
# t333-wildcard-nordic-spelling.sh - A wildcard or a word being typed
# (--partial) with å, ø or æ also expands over the Nordic spelling with
# aa, oe or ae (common/forms-wildcard.cc), as the whole word does:
# `ålesu*` finds "Aalesund" as `ålesund` does; the cut warning names
# the word once.
. "$(dirname "$0")/lib.sh"

cat > "$TMP/a.jsonl" <<'J'
{"id": "n1", "title": "Brann i Ålesund sentrum", "body": "Det brant i et bolighus i Ålesund natt til søndag.", "lang": "no", "date": "2026-11-01"}
{"id": "n2", "title": "Aalesund FK rykker opp", "body": "Aalesund FK vant kampen og spiller i Eliteserien neste år.", "lang": "no", "date": "2026-11-02"}
{"id": "n3", "title": "Ny bro åpnet", "body": "Den nye brua i Ålesund ble åpnet under en kort seremoni.", "lang": "no", "date": "2026-11-03"}
{"id": "n4", "title": "Søppel i havna i Tromsø", "body": "Søppel flyter i havna i Tromsø etter stormen.", "lang": "no", "date": "2026-11-04"}
{"id": "n5", "title": "Tromsoe i engelsk presse", "body": "The town of Tromsoe hosted the Arctic conference.", "lang": "en", "date": "2026-11-05"}
{"id": "n6", "title": "Alesis kjøpt", "body": "Selskapet Alesis er kjøpt av en ny eier.", "lang": "no", "date": "2026-11-06"}
J
nindex --db "$TMP/db" "$TMP/a.jsonl" 2>/dev/null
check "indexed" test -d "$TMP/db"

# ids ARGS...: the sorted ids nsearch ARGS finds.
ids() {
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted(h["id"] for h in d["hits"])))'
}

check "the whole word finds both spellings" is "$(ids 'ålesund')" "n1 n2 n3"
check "ålesu* finds Aalesund too" is "$(ids 'ålesu*')" "n1 n2 n3"
check "Ålesu* in capitals too" is "$(ids 'Ålesu*')" "n1 n2 n3"
check "--partial ålesu finds Aalesund too" is "$(ids --partial 'ålesu')" \
    "n1 n2 n3"
# å typed plainly as a (Alesis) too, as Tromso finds Tromsø.
check "--partial åles: both spellings and the plain one" \
    is "$(ids --partial 'åles')" "n1 n2 n3 n6"
check "tromsø* finds Tromsoe" is "$(ids 'tromsø*')" "n4 n5"
check "--partial troms finds both" is "$(ids --partial 'troms')" "n4 n5"
check "aalesu* as before" is "$(ids 'aalesu*')" "n1 n2 n3"
check "alesu* (a plain a) is not aa: no Aalesund" is "$(ids 'alesu*')" "n1 n3"
check "ale* does not reach Aalesund's aa" is "$(ids 'ale*')" "n1 n3 n6"
# The hit marks the word as the article spells it.
nsearch --db "$TMP/db" --related 0 --partial 'åles' >"$TMP/out" 2>&1
check "Aalesund is marked" contains "$TMP/out" "**Aalesund** FK vant"
# A cut names the word once, not once per spelling: 150 words "øq100"
# to "øq249", each over the limit of 100 as written, folded and as "oeq".
python3 - "$TMP/w.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(100, 250):
        f.write(json.dumps({"id": "w%d" % i, "title": "Ord %d" % i,
                            "body": "\u00f8q%d i teksten" % i,
                            "lang": "no"}) + "\n")
PY
nindex --db "$TMP/w" "$TMP/w.jsonl" 2>/dev/null
nsearch --db "$TMP/w" --related 0 'øq*' >"$TMP/out" 2>"$TMP/err"
check "øq* is cut, said once" \
    is "$(grep -o 'øq\* matches more than' "$TMP/err" | wc -l)" 1
check "no second warning in the Nordic spelling" lacks "$TMP/err" "oeq*"
finish
