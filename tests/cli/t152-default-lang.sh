#!/bin/sh
# t152-default-lang.sh - nindex --lang CODE: the language of an archive's
# articles whose source names none.  A Norwegian archive whose export
# names no language was indexed as English: `flyktningen` did not find
# `flyktninger`, and the facet said en.  The index keeps the default it
# was built with: a nightly update without --lang uses it, an update with
# another is refused, and --rebuild --lang changes it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# langs QUERY: "id=lang" of the hits of QUERY in $TMP/db, sorted.
langs() {
    nsearch --db "$TMP/db" --json --limit 50 --no-suggest "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] + "=" + h["lang"] for h in json.load(sys.stdin)["hits"])))'
}
# count: the articles in $TMP/db.
count() {
    nsearch --db "$TMP/db" --json --limit 0 "" | python3 -c 'import json, sys
print(json.load(sys.stdin)["total"])'
}
# facet: the language facet of the whole archive, "code=N ...".
facet() {
    nsearch --db "$TMP/db" --json --limit 0 --facets=lang "" |
        python3 -c 'import json, sys
f = json.load(sys.stdin)["facets"]["lang"]
print(" ".join(sorted("%s=%s" % (v["value"], v["count"]) for v in f)))'
}

# --- 1. A JSON Lines export with no language, indexed with --lang nb ----
J=$TMP/arkiv.jsonl
cat >"$J" <<'EOF'
{"id":"n1","title":"Flere flyktninger til Bergen","body":"Kommunen tar imot flere flyktninger i år."}
{"id":"n2","title":"Nytt budsjett","body":"Budsjettene ble vedtatt i bystyret."}
{"id":"e1","title":"Refugees arrive","body":"The council takes more refugees this year.","lang":"en"}
EOF
# A Markdown post with no language, and an RSS feed whose channel says en.
mkdir -p "$TMP/src"
printf -- '---\nid: m1\ntitle: Sykehusene\n---\n\nSykehusene i regionen får nye penger.\n' \
    >"$TMP/src/m1.md"
cat >"$TMP/src/feed.rss" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<language>en-us</language>
<item><guid>f1</guid><title>Hospitals</title><description>The hospitals in the region get money.</description></item>
</channel></rss>
EOF
run out err nindex --db "$TMP/db" --lang nb "$J" "$TMP/src"
check "nb: exit 0" is "$rc" 0
check "nb: all five added" contains "$TMP/out" "5 added, 0 replaced"
check "nb: flyktningen finds flyktninger" is "$(langs flyktningen)" "n1=no"
check "nb: budsjettet finds budsjettene" is "$(langs budsjettet)" "n2=no"
check "nb: a Markdown post without a language is Norwegian" is \
    "$(langs sykehuset)" "m1=no"
check "nb: a record's own lang wins" is "$(langs refugee)" "e1=en"
check "nb: a feed's own language wins" is "$(langs hospital)" "f1=en"
check "nb: the facet says no (Bokmål's code) for the three" is "$(facet)" \
    "en=2 no=3"
check "nb: lang:nb filters them" is \
    "$(nsearch --db "$TMP/db" --json --limit 0 lang:nb | python3 -c 'import json, sys
print(json.load(sys.stdin)["total"])')" 3

# A page's lang attribute wins too; a page without one takes --lang.
mkdir -p "$TMP/pages"
page() {
    printf '<!DOCTYPE html><html%s><head><title>%s</title><script type="application/ld+json">{"@type":"NewsArticle","identifier":"%s","headline":"%s","articleBody":"%s"}</script></head><body></body></html>\n' \
        "$2" "$3" "$1" "$3" "$4" >"$TMP/pages/$1.html"
}
page h1 ' lang="en"' "Hospitals" "The hospitals in the region get money."
page h2 "" "Sykehusene" "Sykehusene i regionen får nye penger."
run out err nindex --db "$TMP/pdb" --lang nb "$TMP/pages"
check "pages: exit 0" is "$rc" 0
check "pages: <html lang> wins, a page without it takes --lang" is \
    "$(nsearch --db "$TMP/pdb" --json --limit 9 "" | python3 -c 'import json, sys
print(" ".join(sorted(h["id"] + "=" + h["lang"] for h in json.load(sys.stdin)["hits"])))')" \
    "h1=en h2=no"

# Without --lang the same export is English, as before (and as the README
# says of an index built without it).
run out err nindex --db "$TMP/en" "$J"
check "no --lang: flyktningen finds nothing" is \
    "$(nsearch --db "$TMP/en" --json --no-suggest flyktningen | python3 -c 'import json, sys
print(json.load(sys.stdin)["total"])')" 0

# --- 2. A nightly update without --lang keeps the index's default -------
printf '{"id":"n3","title":"Sykehusene","body":"Sykehusene i nord får nye leger."}\n' \
    >"$TMP/natt.jsonl"
run out err nindex --db "$TMP/db" "$TMP/natt.jsonl"
check "update: exit 0" is "$rc" 0
check "update: added" contains "$TMP/out" "1 added, 0 replaced"
check "update: a new record without a language is Norwegian" is \
    "$(langs sykehuset)" "m1=no n3=no"
# Read again without --lang: unchanged, not replaced as English.
run out err nindex --db "$TMP/db" "$J" "$TMP/src" "$TMP/natt.jsonl"
check "update: read again, all unchanged" contains "$TMP/out" \
    "0 added, 0 replaced, 6 unchanged"
# The same default by another name is no change.
run out err nindex --db "$TMP/db" --lang nb_NO "$TMP/natt.jsonl"
check "update: --lang nb_NO is the same default" is "$rc" 0
run out err nindex --db "$TMP/db" --lang "Norsk bokmål" --dry-run "$J"
check "update: --lang 'Norsk bokmål' --dry-run is the same default" is "$rc" 0

# --- 3. Another --lang on an update is refused, and nothing changes -----
printf '{"id":"x1","title":"Storm","body":"A storm hit the coast."}\n' \
    >"$TMP/x.jsonl"
run out err nindex --db "$TMP/db" --lang en "$TMP/x.jsonl"
check "refused: exit 2" is "$rc" 2
check "refused: says the index's default" contains "$TMP/err" \
    "index '$TMP/db' was built with --lang no:"
check "refused: says how to change it" contains "$TMP/err" \
    "nindex --rebuild --lang en SOURCE..."
check "refused: no summary line" is "$(cat "$TMP/out")" ""
check "refused: the index unchanged" is "$(count)" 6
check "refused: x1 not added" is "$(langs storm)" ""
run out err nindex --db "$TMP/db" --lang en --dry-run "$TMP/x.jsonl"
check "refused: a dry run says so too" is "$rc" 2
# An index built before --lang (or without it) is English: --lang nb on
# its update is refused as well.
run out err nindex --db "$TMP/en" --lang nb "$TMP/natt.jsonl"
check "refused: an index built without --lang" is "$rc" 2
check "refused: says it is en" contains "$TMP/err" \
    "was built without --lang, as en:"

# --- 4. --rebuild --lang en changes it -----------------------------------
run out err nindex --db "$TMP/db" --rebuild --lang en "$J" "$TMP/src" \
    "$TMP/natt.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: published" contains "$TMP/out" "published gen-000002"
check "rebuild: all English now" is "$(facet)" "en=6"
check "rebuild: flyktningen no longer stemmed as Norwegian" is \
    "$(langs flyktningen)" ""
# And an update without --lang now keeps en; --lang nb is refused.
printf '{"id":"n4","title":"Flyktningene","body":"Flyktningene kom i natt."}\n' \
    >"$TMP/natt2.jsonl"
run out err nindex --db "$TMP/db" "$TMP/natt2.jsonl"
check "rebuild: a later update is English" is "$(langs flyktningene)" "n4=en"
run out err nindex --db "$TMP/db" --lang nb "$TMP/natt2.jsonl"
check "rebuild: --lang nb on an update now refused" is "$rc" 2
# A rebuild without --lang keeps the default it had.
ALL="$J $TMP/src $TMP/natt.jsonl $TMP/natt2.jsonl"
run out err nindex --db "$TMP/db" --rebuild --lang nn $ALL
check "rebuild: --lang nn" is "$(facet)" "en=2 nn=5"
run out err nindex --db "$TMP/db" --rebuild --jobs 3 $ALL
check "rebuild: without --lang exit 0" is "$rc" 0
check "rebuild: without --lang keeps nn" is "$(facet)" "en=2 nn=5"

# --- 5. A language nindex cannot stem is a usage error -------------------
for l in klingon-xx xx ""; do
    run out err nindex --db "$TMP/db" --lang "$l" "$TMP/x.jsonl"
    check "unknown '$l': exit 2" is "$rc" 2
    check "unknown '$l': says so" contains "$TMP/err" \
        "--lang needs a language nsearch stems"
done
check "unknown: the index unchanged" is "$(count)" 7
run out err nindex --db "$TMP/db" --lang nb --delete n1
check "--lang with --delete: exit 2" is "$rc" 2
check "--lang with --delete: says so" contains "$TMP/err" \
    "--lang goes with --update or --rebuild"

# --- 6. Help and status say it -----------------------------------------
run out err nindex --help
check "help: names --lang" contains "$TMP/out" "--lang CODE"
check "stats: the server starts" start_server
get st.json /v1/stats
check "stats: /v1/stats has the default language" is \
    "$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["index"]["default_lang"])' "$TMP/st.json")" nn

finish
