#!/bin/sh
# t293-author-nordic-spellings.sh - The author filter reads a name typed
# half with the Nordic letters' plain forms and half with their digraphs
# ("Odegaard": ø as o, å as aa) as the name the byline has, as free text
# does; a dead author filter quotes the name as typed, once; and a page's
# "Tekst: NAME Foto: NAME" line gives its writer as the author.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id": "kamp", "lang": "no", "title": "Kampen", "body": "Laget vant kampen.", "author": "Av Ola Ødegård, Åse Lønning og Bjørn Ærø"}
{"id": "other", "lang": "no", "title": "Valget", "body": "Valget ble utsatt.", "author": "Kari Nordmann"}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "index: exit 0" is "$rc" 0

# json_total N: the answer in $TMP/r.json has N matches.
json_total() {
    python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["total"] != int(sys.argv[2]))' "$TMP/r.json" "$1"
}

# ids QUERY: the hit ids, sorted, comma-separated.
ids() {
    nsearch --db "$TMP/db" --json --limit 100 --related 0 -- "$1" |
        python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
for q in 'author:"Ola Odegaard"' 'author:"Ola Oedegard"' 'author:odegaard' \
    'author:oedegard' 'author:"Ola Oedegaard"' 'author:"Ola Odegard"' \
    'author:"Aase Lonning"' 'author:"Ase Loenning"' 'author:"Bjoern Aero"' \
    'author:"Bjorn Aero"' '"Ola Odegaard"' 'Ola Odegaard'; do
    check "$q finds Ødegård's article" is "$(ids "$q")" kamp
done
check "author:\"Ola Odegaard\" is no other name" is \
    "$(ids 'author:"Kari Odegaard"')" ""
check "-author:odegaard leaves it out" is "$(ids 'valget OR kampen -author:odegaard')" other

# The warning of a dead author filter says the name as typed, once.
run r.json err nsearch --db "$TMP/db" --json 'author:"Ola Odegaard Hansen"'
check "dead name: no hits" json_total 0
check "dead name: the name as typed" python3 -c 'import json,sys
w = json.load(open(sys.argv[1])).get("warning", "")
assert "no article has author '"'"'ola odegaard hansen'"'"'" in w, w
assert w.count("no article has author") == 1, w' "$TMP/r.json"
for pair in 'Asa Lonning:asa lonning' 'Aasa Lonning:aasa lonning'; do
    typed=${pair%%:*}
    said=${pair#*:}
    run r.json err nsearch --db "$TMP/db" --json "author:\"$typed\""
    check "$typed (Åse misspelt): no hits" json_total 0
    check "$typed: the name as typed, once" python3 -c 'import json,sys
w = json.load(open(sys.argv[1])).get("warning", "")
assert w.count("no article has author '"'"'%s'"'"'" % sys.argv[2]) == 1, w
assert w.count("no article has author") == 1, w' "$TMP/r.json" "$said"
done

# Tekst: bylines on a text page and in a Markdown body.
mkdir "$TMP/pages"
printf -- '---\ntitle: Brua stenges\ndate: 2025-05-02T07:30:00Z\nlang: no\n---\nTekst: Ingrid Sørensen Foto: Ola Ødegård\n\nBrua over elva stenges i tre uker.\n' \
    >"$TMP/pages/brua.txt"
printf -- '---\ntitle: Ferja er tilbake\ndate: 2025-05-03T07:30:00Z\nlang: no\n---\nTekst og foto: Per Hansen\n\nFerja går igjen fra mandag.\n' \
    >"$TMP/pages/ferja.md"
printf -- '---\ntitle: Torget\ndate: 2025-05-04T07:30:00Z\nlang: no\n---\nTekst: Kari Berg\n\nTorget pusses opp.\n' \
    >"$TMP/pages/torget.md"
run out err nindex --db "$TMP/p" "$TMP/pages"
check "pages: exit 0" is "$rc" 0
# author ID: the stored author of article ID in $TMP/p.
author() {
    nsearch --db "$TMP/p" --json --limit 100 --related 0 '' |
        python3 -c 'import json,sys
print([h.get("author") for h in json.load(sys.stdin)["hits"] if h["id"].endswith(sys.argv[1])][0])' "$1"
}
check "Tekst: NAME Foto: NAME: the writer is the author" is "$(author brua.txt)" "Ingrid Sørensen"
check "Tekst og foto: NAME" is "$(author ferja.md)" "Per Hansen"
check "Tekst: NAME in Markdown" is "$(author torget.md)" "Kari Berg"
run r.json err nsearch --db "$TMP/p" --json 'author:"Ingrid Sorensen"'
check "author:\"Ingrid Sorensen\" finds the page" json_total 1
run r.json err nsearch --db "$TMP/p" --json 'author:odegard'
check "the photographer is no author" json_total 0

finish
