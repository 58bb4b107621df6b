#!/bin/sh
# t120-spelling.sh - did you mean, on the samples: a typo with no match
# is searched as its suggestion (and says so), a typo among matching words
# is suggested, an English and a Norwegian word are corrected, a rebuild
# in two shards keeps the dictionary, and deleting the only article with a
# word takes the word out of it.
. "$(dirname "$0")/lib.sh"

# json_ok FILE EXPR: the JSON in FILE, as d, makes the Python EXPR true.
json_ok() {
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}

check "index samples" index_samples
q() { nsearch --db "$TMP/db" --related 0 --snippet-len 0 --limit 100 "$@"; }

q --json "Azuer survelance" >"$TMP/typo"
q --json "azure surveillance" >"$TMP/right"
check "no match: the suggestion's results, the same as searching it" \
    python3 - "$TMP/typo" "$TMP/right" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
r = json.load(open(sys.argv[2]))
assert t["suggestion"] == "Azure surveillance", t["suggestion"]
assert t["suggestion_used"] is True
assert t["query"] == "Azuer survelance"
assert r["suggestion"] is None and r["suggestion_used"] is False
assert t["total"] == r["total"] > 0, (t["total"], r["total"])
assert [h["id"] for h in t["hits"]] == [h["id"] for h in r["hits"]]
PY
run out err q "Azuer survelance"
check "text: says so" contains "$TMP/out" \
    'No matches for "Azuer survelance"; showing the results for "Azure surveillance".'
check "text: the suggestion's hits" contains "$TMP/out" \
    "azure-surveillance-investigation"
check "text: exit 0" is "$rc" 0

# The correction keeps the case of the word typed: a capital first letter
# (a name, a phone's first word) stays, lower case stays lower, the first
# letter upper-cased whatever it is ("Oyafestivaln": "Øyafestivalen").
# "Did you mean: stoltenberg?" lower-cased a name typed right but for one
# letter.
for qa in "Stoltenbreg|Stoltenberg" "stoltenbreg|stoltenberg" \
    "Oyafestivaln|Øyafestivalen" "azure Survelance|azure Surveillance"; do
    q --json "${qa%%|*}" >"$TMP/case"
    check "case kept: ${qa%%|*}" json_ok "$TMP/case" \
        "d['suggestion'] == '${qa#*|}'"
done
q --json "Stoltenberg" >"$TMP/case1"
q --json "stoltenberg" >"$TMP/case2"
check "case kept: the same hits as the word in lower case" python3 - \
    "$TMP/case1" "$TMP/case2" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [h["id"] for h in a["hits"]] == [h["id"] for h in b["hits"]], (a, b)
PY

# A query pasted with its marks: typographic quotes, guillemets, a no-break
# space, an ellipsis, a soft hyphen.  Each word was read with the marks'
# bytes in it, matched no article, and was "corrected" beside its own hits
# ("\u201care surveillance\u201d", "\u00abbeen\u00bb").
for w in '“Azure surveillance”' '«Bergen»' \
    '«festspillene i bergen»' 'Azure surveillance' \
    'surveillance…' 'sur­veillance'; do
    p=$(printf "$w")
    q --json "$p" >"$TMP/marks"
    check "pasted marks: $w: no suggestion beside its hits" json_ok \
        "$TMP/marks" 'd["suggestion"] is None and d["total"] > 0'
done
# The typo among them is still corrected, and the marks are kept.
q --json "$(printf '“Azure survelance”')" >"$TMP/marks"
check "pasted marks: the typo inside quotes corrected" json_ok "$TMP/marks" \
    'd["suggestion"] == "\u201cAzure surveillance\u201d" and d["total"] > 0'
q --json "$(printf 'Azure survelance')" >"$TMP/marks"
check "pasted marks: the typo after a no-break space corrected" json_ok \
    "$TMP/marks" 'd["suggestion"] == "Azure\u00a0surveillance"'

run out err q "lighthouse survelance"
check "few matches: did you mean" contains "$TMP/out" \
    "Did you mean: lighthouse surveillance?"
check "few matches: the query's own hit" contains "$TMP/out" \
    "lofoten-lighthouse-restoration"
q --json "lighthouse survelance" >"$TMP/few"
check "few matches: JSON suggestion, not used" json_ok "$TMP/few" \
    'd["suggestion"] == "lighthouse surveillance" and not d["suggestion_used"] and d["total"] == 1'

q --json "flyktnig" >"$TMP/no"
check "a Norwegian word" json_ok "$TMP/no" \
    'd["suggestion"] == "flyktning" and d["suggestion_used"] and {h["id"] for h in d["hits"]} == {"afghaner-drept-bergen", "bergen-drap-varetekt"}'
q --json "jarmush" >"$TMP/en"
check "an English name" json_ok "$TMP/en" \
    'd["suggestion"] == "jarmusch" and [h["id"] for h in d["hits"]] == ["venice-golden-lion-jarmusch"]'
# A correction is at most one edit from a word of three to five letters,
# none from one of two: "covid" is two edits from "could", a word of the
# archive, and "re" one from "are".  Longer words take two ("jarmuh").
q --json "could" >"$TMP/could"
check "the two-edit word is in the archive" json_ok "$TMP/could" 'd["total"] > 0'
for w in covid COVID re; do
    q --json "$w" >"$TMP/short"
    check "$w: no correction" json_ok "$TMP/short" \
        'd["suggestion"] is None and not d["suggestion_used"] and d["total"] == 0'
done
q --json "azure covid" >"$TMP/short"
check "covid among matching words: nothing suggested" json_ok "$TMP/short" \
    'd["suggestion"] is None and d["total"] > 0'
# A typographic apostrophe, as pages and phones write it, is the word's own
# apostrophe: the word matches, and is not "corrected".
for w in "Trier’s" "Jarmusch’s"; do
    q --json "$w" >"$TMP/apos"
    check "$w: matches, nothing suggested" json_ok "$TMP/apos" \
        'd["suggestion"] is None and d["total"] > 0'
done
# A field name with nothing after it is no typo: "tag:" was offered "ta:".
for w in "tag:" "azure tag:"; do
    q --json "$w" >"$TMP/field"
    check "'$w': the field name is not corrected" json_ok "$TMP/field" \
        'd["suggestion"] is None'
done
q --json "jarmuh" >"$TMP/long"
check "six letters: two edits" json_ok "$TMP/long" \
    'd["suggestion"] == "jarmusch" and d["suggestion_used"]'
q --json "ctu azuer" >"$TMP/one"
check "three and five letters: one edit, a swap" json_ok "$TMP/one" \
    'd["suggestion"] == "cut azure" and d["suggestion_used"]'
# A correction is never a closed-class word of the archive's languages:
# "flom" (Norwegian: flood) is one edit from "from" and was shown the
# English articles with "from"; "imf" was "if".  Among other words such
# a word is left as typed ("teh" is not "the"), the others corrected.
q --json "from" >"$TMP/from"
check "the closed-class word is in the archive" json_ok "$TMP/from" 'd["total"] > 0'
for w in flom imf; do
    q --json "$w" >"$TMP/stop"
    check "$w: no correction to a closed-class word" json_ok "$TMP/stop" \
        'd["suggestion"] is None and d["total"] == 0'
done
q --json "teh azuer" >"$TMP/teh"
check "teh azuer: only the word that is not one" json_ok "$TMP/teh" \
    'd["suggestion"] == "teh azure" and d["suggestion_used"] and d["total"] > 0'
# The first letter is kept (compared without diacritics): "biden" is one
# edit from the Norwegian "siden", a word of the archive, and is not
# corrected; "oyafestivaln" is still øyafestivalen.
q --json "siden" >"$TMP/siden"
check "the other-letter word is in the archive" json_ok "$TMP/siden" 'd["total"] > 0'
for w in biden Biden; do
    q --json "$w" >"$TMP/first"
    check "$w: no correction to another first letter" json_ok "$TMP/first" \
        'd["suggestion"] is None and d["total"] == 0'
done
q --json "oyafestivaln" >"$TMP/fold"
check "first letter without its diacritic" json_ok "$TMP/fold" \
    'd["suggestion"] == "øyafestivalen" and d["suggestion_used"]'
# A word in capitals is an acronym or a name: "IMF" is one edit from "if",
# "OPEC" from "open", and neither is corrected, alone or with others.
q --json "open" >"$TMP/open"
check "the acronyms' neighbours are in the archive" json_ok "$TMP/open" 'd["total"] > 0'
for w in IMF OPEC "OPEC oil" "AZUER SURVELANCE"; do
    q --json "$w" >"$TMP/caps"
    check "$w: capitals not corrected" json_ok "$TMP/caps" \
        'd["suggestion"] is None and not d["suggestion_used"]'
done
q --json "opec" >"$TMP/lowopec"
check "opec in lower case is corrected" json_ok "$TMP/lowopec" \
    'd["suggestion"] == "open"'
# A date typed without date: is the date filter: its articles, with the
# suggestion said; a bare year, an impossible date and a date among other
# words are left as typed.
q --json "2025-08-06" >"$TMP/day"
q --json "date:2025-08-06" >"$TMP/dayf"
check "a date as the query: the date filter's articles" python3 - "$TMP/day" "$TMP/dayf" <<'PY'
import json, sys
d, f = (json.load(open(p)) for p in sys.argv[1:3])
assert d["suggestion"] == "date:2025-08-06" and d["suggestion_used"], d["suggestion"]
assert f["total"] > 0 and d["total"] == f["total"], (d["total"], f["total"])
assert [h["id"] for h in d["hits"]] == [h["id"] for h in f["hits"]]
assert d["query"] == "2025-08-06"
PY
q --json "2025-08..2025-09" >"$TMP/range"
check "a range of months" json_ok "$TMP/range" \
    'd["suggestion"] == "date:2025-08..2025-09" and d["suggestion_used"] and d["total"] > 1'
for w in 2025-13 2025-09-31 1987; do
    q --json "$w" >"$TMP/nodate"
    check "$w: not taken for a date" json_ok "$TMP/nodate" \
        'd["suggestion"] is None and d["total"] == 0'
done
q --json "2025-08-06 azure" >"$TMP/mixed"
check "a date among words: searched as typed" json_ok "$TMP/mixed" \
    'd["suggestion"] is None and d["total"] > 0'
q --json "azure surveillance" >"$TMP/ok"
check "words that match: nothing suggested" json_ok "$TMP/ok" \
    'd["suggestion"] is None'
q --json 'section:technology AND azuer' >"$TMP/syn"
check "operators and fields kept" json_ok "$TMP/syn" \
    'd["suggestion"] == "section:technology AND azure" and d["total"] > 0'
q --json 'azuer*' >"$TMP/wild"
check "a wildcard is not corrected" json_ok "$TMP/wild" \
    'd["suggestion"] is None and d["total"] == 0'

run out err q --no-suggest "Azuer survelance"
check "--no-suggest: no matches" contains "$TMP/out" 'No matches for "Azuer survelance".'
check "--no-suggest: no suggestion" lacks "$TMP/out" "surveillance"

# A rebuild in two shards merges the dictionaries.
nindex --quiet --db "$TMP/rb" --rebuild --jobs 2 "$SAMPLES" 2>/dev/null
nsearch --db "$TMP/rb" --related 0 --json "azuer survelance" >"$TMP/rb.json"
check "rebuild --jobs 2: the same suggestion" json_ok "$TMP/rb.json" \
    'd["suggestion"] == "azure surveillance" and d["suggestion_used"]'
nsearch --db "$TMP/rb" --related 0 --json "flyktnig" >"$TMP/rb.no"
check "rebuild --jobs 2: the Norwegian word" json_ok "$TMP/rb.no" \
    'd["suggestion"] == "flyktning" and d["total"] == 2'

# Deleting the only article with "jarmusch" takes the word away.
nindex --quiet --db "$TMP/rb" --delete venice-golden-lion-jarmusch
nsearch --db "$TMP/rb" --related 0 --json "jarmush" >"$TMP/del"
check "deleted: its word is no suggestion" json_ok "$TMP/del" \
    'd["suggestion"] is None and d["total"] == 0'
nsearch --db "$TMP/rb" --related 0 --json "lighthuose" >"$TMP/kept"
check "deleted: other words stay" json_ok "$TMP/kept" \
    'd["suggestion"] == "lighthouse"'

# A word with a '*' inside is not corrected ("sur*ance" was "ser*ance",
# whose two articles had nothing to do with it); it is searched as the
# warning says, "sur*" beside "ance".
run out err nsearch --db "$TMP/db" --json "sur*ance"
nsearch --db "$TMP/db" --json "sur* ance" >"$TMP/split"
check "sur*ance: no correction, a warning" python3 - "$TMP/out" "$TMP/split" <<'PY'
import json, sys
d, s = (json.load(open(f)) for f in sys.argv[1:3])
assert d["suggestion"] is None, d["suggestion"]
assert d["total"] == s["total"] > 0, (d["total"], s["total"])
assert "works only at the end of a word" in d["warning"], d.get("warning")
PY

# A word that matches nothing beside words that match many: the hits of
# the query as typed, and the suggestion beside them, when the corrected
# word goes with the others more often than chance.  "blame" is one edit
# from "blam" but never beside "gordon": no suggestion.
i=0
for t in "Gordon Brown sets out the budget" "Gordon Brown on pensions" \
    "Gordon Brown and the euro" "Gordon Brown visits Africa" \
    "Gordon Brown's spending review" "Gordon Brown warns on debt"; do
    i=$((i + 1))
    printf '{"id":"gb%d","title":"%s","body":"The chancellor Gordon Brown spoke in London.","lang":"en"}\n' "$i" "$t"
done >"$TMP/ctx.jsonl"
printf '%s\n' '{"id":"flood","title":"Council takes the blame for floods","body":"The council said it would take the blame.","lang":"en"}' \
    '{"id":"rail","title":"Rail firm shares blame","body":"Nobody would take the blame for the delays.","lang":"en"}' \
    '{"id":"tea","title":"Brown bread and tea","body":"A recipe for brown bread.","lang":"en"}' >>"$TMP/ctx.jsonl"
check "index the context articles" nindex --quiet --db "$TMP/ctx" "$TMP/ctx.jsonl"
c() { nsearch --db "$TMP/ctx" --related 0 --limit 100 "$@"; }
c --json "gordon brwon" >"$TMP/gb"
c --json "gordon" >"$TMP/g"
check "beside hits: the suggestion, not used" json_ok "$TMP/gb" \
    'd["suggestion"] == "gordon brown" and not d["suggestion_used"] and d["total"] == 6'
check "beside hits: the hits of the query as typed" python3 - "$TMP/gb" "$TMP/g" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert [h["id"] for h in a["hits"]] == [h["id"] for h in b["hits"]], (a, b)
PY
run out err c "gordon brwon"
check "beside hits, text: did you mean" contains "$TMP/out" \
    "Did you mean: gordon brown?"
c --json "gordon blam" >"$TMP/gblam"
check "a correction never beside the other words: none" json_ok "$TMP/gblam" \
    'd["suggestion"] is None and d["total"] == 6'
c --json "blam" >"$TMP/blam"
check "the same word alone is corrected" json_ok "$TMP/blam" \
    'd["suggestion"] == "blame" and d["suggestion_used"]'
c --json "GORDON BRWON" >"$TMP/caps"
check "beside hits, in capitals: none" json_ok "$TMP/caps" \
    'd["suggestion"] is None'
c --json "gordon brown" >"$TMP/right"
check "every word matches: none" json_ok "$TMP/right" 'd["suggestion"] is None'

# A capital after an apostrophe that no article has ("d'Ivoire") came
# back from the dictionary as typed: "Did you mean: Cote d'Ivoire?"
# offered the query typed.
cat >"$TMP/apos.jsonl" <<'J'
{"id":"c1","title":"Cocoa prices rise in Ivory Coast","body":"Cocoa growers in the Ivory Coast expect a strong harvest this year.","date":"2025-01-01T00:00:00Z"}
{"id":"c2","title":"Cote harvest","body":"The cote region reported rain.","date":"2025-01-02T00:00:00Z"}
J
check "apostrophe: indexed" nindex --quiet --db "$TMP/apdb" "$TMP/apos.jsonl"
for w in "Cote d'Ivoire" "Cote d'Ivoir"; do
    nsearch --db "$TMP/apdb" --related 0 --json "$w" >"$TMP/apos.json"
    check "$w: the query typed is not suggested" json_ok "$TMP/apos.json" \
        'd["suggestion"] is None and d["total"] == 1'
done
# A word written with hyphens that matches by its joined form ("e-mail",
# the samples write "email") is matched: its part "e" alone was
# "corrected" beside its own hit ("Did you mean: e-main?").
q --json e-mail >"$TMP/hyph.json"
check "e-mail: found by email, no suggestion" json_ok "$TMP/hyph.json" \
    'd["suggestion"] is None and d["total"] > 0'
finish
