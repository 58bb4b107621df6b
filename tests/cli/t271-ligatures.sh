#!/bin/sh
# t271-ligatures.sh - The Latin ligatures U+FB00-FB06, as text taken from
# PDFs and OCR has them ("ﬁnancial", "oﬃce"), are read as their letters
# on both sides (common/write.cc plain_width): plain words find an article
# written with them, a query pasted with them finds plain text, in words
# and phrases, and the snippet marks the word.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF2'
{"id": "lig", "title": "Ligature story", "body": "The ﬁnancial oﬃce was ﬂooded and the staﬀ ﬂed. The ﬄuent ﬅatute ﬆood.", "date": "1923-01-08"}
{"id": "feed", "title": "Cattle feed prices", "body": "Feed prices rose.", "date": "1923-01-09"}
{"id": "fin", "title": "Finance", "body": "finance news from the office", "date": "1923-01-10"}
EOF2
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# set_of QUERY: the ids of its hits, sorted ("" when none; no other
# spelling searched instead).
set_of() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 \
        --no-suggest -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "financial finds ﬁnancial" is "$(set_of financial)" "lig"
check "office finds oﬃce" is "$(set_of office)" "fin lig"
check "flooded finds ﬂooded" is "$(set_of flooded)" "lig"
check "staff finds staﬀ" is "$(set_of staff)" "lig"
check "effluent-like ffl" is "$(set_of ffluent)" "lig"
check "statute and stood (U+FB05, U+FB06)" is "$(set_of 'statute stood')" "lig"
check "ﬁnance pasted finds finance" is "$(set_of 'ﬁnance')" "fin"
check "oﬃce pasted finds both" is "$(set_of 'oﬃce')" "fin lig"
check "phrase with ligatures" is "$(set_of '"financial office was flooded"')" "lig"
check "phrase pasted with ligatures" is "$(set_of '"ﬁnancial oﬃce"')" "lig"
# "ﬂed" typed is "fled", a word of the index: not corrected to "feed".
out=$(nsearch --db "$TMP/db" --json --related 0 -- 'ﬂed')
check "ﬂed: found, not corrected" is "$(printf '%s' "$out" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(h["id"] for h in d["hits"]), d["suggestion_used"])')" "lig False"
check "fled: found, not corrected" is "$(nsearch --db "$TMP/db" --json --related 0 -- fled |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(h["id"] for h in d["hits"]), d["suggestion_used"])')" "lig False"

# The snippet marks the word written with a ligature.
marked() {
    nsearch --db "$TMP/db" --json --related 0 --no-suggest -- "$1" |
        python3 -c 'import json,sys; print(" ".join(h["snippet_html"] for h in json.load(sys.stdin)["hits"] if h["id"] == "lig"))'
}
check "snippet marks ﬁnancial" is "$(marked financial | grep -c '<mark>[^<]*nancial</mark>')" 1

finish
