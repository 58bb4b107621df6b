#!/bin/sh
# t015-languages.sh - Each article is matched by stems of its own language.
#
# The query is parsed once per language in the index, each parse filtered
# to that language's articles.  Without the filter, the Norwegian stem of
# "bergen" ("berg") would match an English article that says "berg", and
# the English stem of a word would match Norwegian articles.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id": "en-berg", "lang": "en", "title": "Climbing notes", "body": "The old berg above the valley was climbed again this spring."}
{"id": "no-bergen", "lang": "no", "title": "Nytt fra vestlandet", "body": "Det regnet i bergen hele uken, og turistene ble hjemme."}
{"id": "no-flyktning", "lang": "no", "title": "Mottak", "body": "En flyktning kom til mottaket i går."}
{"id": "en-other", "lang": "en", "title": "Harbour news", "body": "The harbour opened on Monday."}
J
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "fixture indexed" contains "$TMP/out" "4 added"

# ids QUERY [DB]: the ids found, sorted, space-separated.
ids() {
    nsearch --db "${2:-$TMP/db}" --json --related 0 -- "$1" |
        grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//' | sort | tr '\n' ' ' |
        sed 's/ $//'
}

# Norwegian stems "bergen" to "berg": that stem must only reach Norwegian
# articles.  English leaves "bergen" as it is, so the English article has
# nothing to match.
check "bergen: the Norwegian article only" is "$(ids bergen)" "no-bergen"
# Each language's own stem still works: "berg" is "berg" in both.
check "berg: both (each by its own stem)" is "$(ids berg)" "en-berg no-bergen"
check "flyktningen finds flyktning (Norwegian stem)" is "$(ids flyktningen)" "no-flyktning"
check "climbs finds climbed (English stem)" is "$(ids climbs)" "en-berg"
# The language filter combined with a query.
check "lang:en berg" is "$(ids 'berg lang:en')" "en-berg"

# Language codes as sources write them are stored as their language:
# "en-GB" is en, "Norwegian" is no, and Bokmål, "nb_NO", is Norwegian too;
# Nynorsk (nn) stays its own.
cat >"$TMP/codes.jsonl" <<'J'
{"id": "gb", "lang": "en-GB", "title": "Ferry strike", "body": "Ferries stopped at dawn."}
{"id": "bokmal", "lang": "nb_NO", "title": "Fergestreik", "body": "Fergene stoppet ved daggry."}
{"id": "nynorsk", "lang": "nn", "title": "Ferjestreik", "body": "Ferjene stoppa i grålysinga."}
{"id": "named", "lang": "Norwegian", "title": "Streik", "body": "Streiken fortsetter."}
{"id": "upper", "lang": "NO", "title": "Streik igjen", "body": "Streiken er over."}
J
nindex --quiet --db "$TMP/codes" "$TMP/codes.jsonl"
check "lang:en finds en-GB" is "$(ids 'lang:en' "$TMP/codes")" "gb"
check "lang:en-GB is lang:en" is "$(ids 'lang:en-GB' "$TMP/codes")" "gb"
check "lang:no finds nb_NO, Norwegian and NO, and Nynorsk" is \
    "$(ids 'lang:NO' "$TMP/codes")" "bokmal named nynorsk upper"
check "lang:nb is Bokmål alone" is "$(ids 'lang:nb' "$TMP/codes")" "bokmal named upper"
check "lang:nn finds Nynorsk alone" is "$(ids 'lang:nn' "$TMP/codes")" "nynorsk"
run out err nsearch --db "$TMP/codes" --json --facets lang --related 0 ""
check "the facet counts a language once" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
got = {v["value"]: v["count"] for v in d["facets"]["lang"]}
assert got == {"en": 1, "nn": 1, "no": 3}, got
PY

finish
