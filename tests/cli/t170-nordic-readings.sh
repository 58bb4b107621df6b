#!/bin/sh
# t170-nordic-readings.sh - The Nordic letters read as their digraphs both
# ways.  "Tromso" and "Tromsoe" found Tromsø, but "Århus" did not find an
# article that writes "Aarhus" (nor "Ålborg" "Aalborg"), "Ødegård" missed
# the English press's "Odegaard", and "Odegaard" (ø typed as o, å as aa)
# missed "Ødegård".  Now a word typed with the letters is also searched in
# its spellings without them, and one typed with a digraph by the
# archive's words that it spells; the spelling typed still ranks first,
# and an English word ("poet", "does") matches nothing new.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"da1","lang":"da","title":"Festival i Aarhus","body":"Byen Aarhus holder festival i weekenden. Aalborg følger efter.","date":"2025-05-01"}
{"id":"da2","lang":"da","title":"Ny bro i Århus","body":"Århus kommune bygger en bro. Ålborg venter.","date":"2025-05-02"}
{"id":"no1","lang":"no","title":"Ødegård scoret igjen","body":"Martin Ødegård scoret for Arsenal.","date":"2025-05-03"}
{"id":"no2","lang":"no","title":"Været i helgen","body":"Det blir pøt og døs i hele landet.","date":"2025-05-03"}
{"id":"en1","lang":"en","title":"Odegaard scores again","body":"Martin Odegaard scored for Arsenal.","date":"2025-05-04"}
{"id":"en2","lang":"en","title":"A poet in the city","body":"The poet Aaron reads; an aerial view of a shoe shop. He does.","date":"2025-05-05"}
{"id":"en3","lang":"en","title":"Pot luck","body":"A pot of tea at the cafe, and the dos and don'ts.","date":"2025-05-06"}
{"id":"en4","lang":"en","title":"Thomas Mueller retires","body":"The forward Mueller leaves Bayern.","date":"2025-05-07"}
{"id":"da3","lang":"da","title":"Færgen til Aeroe","body":"Færgen sejler til Aeroe igen.","date":"2025-05-08"}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# ids QUERY: the ids of the hits of QUERY in rank order, then the
# suggestion (or "-").
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse "$1" |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join([h["id"] for h in d["hits"]] + [d["suggestion"] or "-"]))'
}

check "Århus finds Aarhus, Århus first" is "$(ids 'Århus')" "da2 da1 -"
check "Ålborg finds Aalborg, Ålborg first" is "$(ids 'Ålborg')" "da2 da1 -"
check "Aarhus still finds Århus" is "$(ids 'Aarhus' | tr ' ' '\n' | sort |
    tr '\n' ' ')" "- da1 da2 "
check "Ødegård finds Odegaard, Ødegård first" is "$(ids 'Ødegård')" \
    "no1 en1 -"
check "Odegaard finds Ødegård, Odegaard first" is "$(ids 'Odegaard')" \
    "en1 no1 -"
check "Oedegard finds Ødegård, no suggestion" is "$(ids 'Oedegard')" "no1 -"
check "title:odegaard finds the Norwegian title" is \
    "$(ids 'title:odegaard')" "en1 no1 -"
check "-odegaard excludes Ødegård too" is "$(ids 'Arsenal -odegaard')" "-"

nsearch --db "$TMP/db" --related 0 Odegaard >"$TMP/odegaard.txt"
check "Odegaard marks Ødegård" contains "$TMP/odegaard.txt" \
    "Martin **Ødegård** scoret"
nsearch --db "$TMP/db" --related 0 'Århus' >"$TMP/arhus.txt"
check "Århus marks Aarhus" contains "$TMP/arhus.txt" "Byen **Aarhus** holder"

check "Müller finds Mueller" is "$(ids 'Müller')" "en4 -"
check "Ærø finds Aeroe" is "$(ids 'Ærø')" "da3 -"

# English words with the digraphs: "poet" finds its article and the
# Norwegian "pøt" (its digraph spelling, as before), never "pot"; "does"
# never "dos".
check "poet: no pot, the English poet first" is "$(ids poet)" "en2 no2 -"
check "does: no dos" is "$(ids does | tr ' ' '\n' | sort | tr '\n' ' ')" \
    "- en2 no2 "
check "aerial and shoe: only their article" is "$(ids 'aerial shoe')" "en2 -"
check "Aaron: only his article" is "$(ids Aaron)" "en2 -"

finish
