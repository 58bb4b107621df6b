#!/bin/sh
# t325-norwegian-er-nouns.sh - The four forms of a Norwegian -er noun
# ("lærer", "læreren", "lærere", "lærerne") and of a Nynorsk -ar noun
# ("lærar", "lærarane") find each other.  Snowball's stemmer gave them
# three stems ("lær", "lærer", "lærern"): `lærer` found none of the
# other three, and on samples/ `forsker` found nothing where two
# articles write "forskere" and "forskerne".
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"l1","title":"Ny lærer i Tromsø","date":"5. januar 2023","lang":"nb","author":"Kari Nordmann","body":"Skolen har ansatt en lærer fra Bodø."}
{"id":"l2","title":"Læreren fikk pris","date":"6. januar 2023","lang":"nb","body":"Læreren ble hedret av kommunen."}
{"id":"l3","title":"Mangel på lærere","date":"7. januar 2023","lang":"nb","body":"Kommunene mangler lærere i Nord-Norge."}
{"id":"l4","title":"Skolestreiken er over","date":"8. januar 2023","lang":"nb","body":"Lærerne går tilbake til klasserommene i Ålesund."}
{"id":"n1","title":"Lærarane streikar","date":"9. januar 2023","lang":"nn","body":"Lærarane i Sogn går ut i streik."}
{"id":"n2","title":"Ny lærar på Voss","date":"10. januar 2023","lang":"nn","body":"Skulen har tilsett ein lærar."}
{"id":"w1","title":"Vinteren kom tidlig","date":"11. januar 2023","lang":"nb","body":"Vinteren kom tidlig til Finnmark i år."}
{"id":"w2","title":"Mild vinter i sør","date":"12. januar 2023","lang":"nb","body":"Det ble en mild vinter på Østlandet."}
{"id":"k1","title":"Kommentaren skapte debatt","date":"13. januar 2023","lang":"nb","body":"Kommentaren i avisen ble delt mange ganger."}
{"id":"k2","title":"En kommentar om budsjettet","date":"14. januar 2023","lang":"nb","body":"Statsbudsjettet får en kommentar fra Støre."}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# ids QUERY: the ids of QUERY's hits, sorted.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-suggest --no-collapse "$1" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(sorted(h["id"] for h in d["hits"])) or "-")'
}

# Bokmål "lærer" and Nynorsk "lærar" are one word, and one stem.
all="l1 l2 l3 l4 n1 n2"
check "lærer finds its four forms" is "$(ids 'lærer')" "$all"
check "lærerne finds its four forms" is "$(ids 'lærerne')" "$all"
check "lærere finds its four forms" is "$(ids 'lærere')" "$all"
check "laerer (typed without æ) finds them" is "$(ids 'laerer')" "$all"
check "LÆRERNE in capitals finds them" is "$(ids 'LÆRERNE')" "$all"
check "title:lærer finds the titles' forms" is "$(ids 'title:lærer')" "l1 l2 l3 n1 n2"
check "nynorsk: lærar finds lærarane" is "$(ids 'lærar')" "$all"
check "nynorsk: lærarane finds lærar" is "$(ids 'lærarane')" "$all"
check "vinter finds vinteren" is "$(ids 'vinter')" "w1 w2"
check "kommentar finds kommentaren" is "$(ids 'kommentar')" "k1 k2"

# The hit marks the form the article writes.
nsearch --db "$TMP/db" --related 0 --color never lærer >"$TMP/marks" 2>&1
check "snippet marks Lærerne for lærer" contains "$TMP/marks" "**Lærerne**"

# The sample archive: each base form finds the articles that write its
# other forms.
run out err nindex --quiet --db "$TMP/s" "$SAMPLES"
total() {
    nsearch --db "$TMP/s" --json --related 0 --no-suggest --no-collapse "$1" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
files() { grep -rliwE "$1" "$SAMPLES" | wc -l | tr -d ' '; }
nf=$(files 'forsker|forskere|forskeren|forskerne')
check "samples: forsker finds the $nf articles with its forms" \
    is "$(total forsker)" "$nf"
ni=$(files 'innbygger|innbyggere|innbyggeren|innbyggerne')
check "samples: innbygger finds the $ni articles with its forms" \
    is "$(total innbygger)" "$ni"
check "samples: velgerne finds what velgere finds" \
    is "$(total velgerne)" "$(total velgere)"

finish
