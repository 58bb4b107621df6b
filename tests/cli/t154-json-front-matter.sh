#!/bin/sh
# t154-json-front-matter.sh - Hugo's JSON front matter: a Markdown file
# that starts with a JSON object, with no fences, then the body.  Its keys
# are read as a YAML or TOML header's (title, date, tags, categories,
# lang; "draft": true is a draft); a "{" that opens no valid JSON is
# reported at its file and line and the post skipped, the others kept; a
# post that starts with a Hugo shortcode ("{{< figure >}}") is no JSON.
. "$(dirname "$0")/lib.sh"
P=$TMP/site/content/posts
mkdir -p "$P"

cat >"$P/seals.md" <<'MD'
{
   "title": "Harbour seals return to the fjord",
   "date": "2025-08-20T07:00:00+02:00",
   "tags": ["seals", "inner fjord"],
   "categories": ["Nature"],
   "author": "Ingrid Berg",
   "draft": false,
   "params": {"lang": "xx"}
}

Harbour seals have returned to the inner fjord for the first time in a decade.
MD
printf '{\n  "title": "Kommunen bygger ny bro",\n  "lang": "nb",\n  "date": "2025-06-01"\n}\nKommunen bygger en ny bro over elva.\n' \
    >"$P/bro.md"
printf '{\n  "title": "Walrus sighting",\n  "draft": true\n}\nA walrus in the harbour.\n' \
    >"$P/walrus.md"
printf '{\n  "title": "Otters"\n  "tags": ["otters"]\n}\nOtters are back.\n' \
    >"$P/otters.md"
printf '{{< figure src="puffin.jpg" >}}\n\nPuffins nest on the cliffs again.\n\nMore puffins every year.\n' \
    >"$P/puffins.md"
printf -- '---\ntitle: "Gannets"\n---\nGannets dive for mackerel.\n' \
    >"$P/gannets.md"

hit() { # QUERY, PYTHON EXPRESSION on the first hit h: exits 0 when true
    nsearch --db "$TMP/db" --json "$1" >"$TMP/hit.json" 2>/dev/null
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
h = d["hits"][0] if d["hits"] else {}
sys.exit(0 if eval(sys.argv[2]) else 1)' "$TMP/hit.json" "$2" 2>/dev/null
}
total_of() {
    nsearch --db "$TMP/db" --json "$@" 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}

run out err nindex --db "$TMP/db" "$TMP/site"
check "exit 3: one file skipped" is "$rc" 3
check "the others added" contains "$TMP/out" "4 added"
check "one skipped, the draft ignored" contains "$TMP/out" "1 skipped, 1 ignored"
check "broken JSON named at its file and line" contains "$TMP/err" \
    "content/posts/otters.md:3: JSON front matter: '}' expected near '\"tags\"'"
check "JSON draft noted" contains "$TMP/err" \
    "content/posts/walrus.md: ignored: a draft (draft: true)"
check "the draft not indexed" is "$(total_of walrus)" 0
check "the broken post not indexed" is "$(total_of otters)" 0

check "JSON: the title" hit seals 'h["title"] == "Harbour seals return to the fjord"'
check "JSON: the date" hit seals 'h["date"] == "2025-08-20T05:00:00Z"'
check "JSON: categories give the section" hit seals 'h["section"] == "Nature"'
check "JSON: the author" hit seals 'h["author"] == "Ingrid Berg"'
check "JSON: a nested object's key is not the language" hit seals 'h["lang"] == "en"'
check "JSON: the header is not in the body" hit seals \
    '"{" not in h["snippet"] and "draft" not in h["snippet"]'
check "JSON: tags" is "$(total_of 'seals tag:"inner fjord"')" 1
check "JSON: the language (nb is stored as no)" hit bro 'h["lang"] == "no" and h["title"] == "Kommunen bygger ny bro"'
check "JSON: a date alone" hit bro 'h["date"].startswith("2025-06-01")'

check "a shortcode is no JSON: the post indexed" is "$(total_of puffins)" 1
check "a shortcode is no JSON: the title is the first line of text" hit puffins \
    'h["title"] == "Puffins nest on the cliffs again."'
check "a shortcode is no JSON: nothing said of it" lacks "$TMP/err" "puffins.md"
check "YAML beside it still read" hit gannets 'h["title"] == "Gannets"'

finish
