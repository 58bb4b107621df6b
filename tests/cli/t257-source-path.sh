#!/bin/sh
# t257-source-path.sh - An article read from a file of its own in a
# directory walk keeps that file's path below the SOURCE, "source" in
# nsearch --json hits and in nsearchd's /v1/articles and /v1/search
# (README "JSON"), so that a site can rebuild the URL of a post that has
# a slug and no url.  Articles of JSON Lines, or of a file named on the
# command line, have no "source" key at all; a JSON Lines record's own
# "source" (an agency) is not taken for it.  Re-adding keeps the
# articles unchanged, a moved file replaces its path, and a prune and
# its undo file keep it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

s=$TMP/site
mkdir -p "$s/content/news" "$s/static"
printf 'baseURL = "https://example.org/"\n' >"$s/hugo.toml"
printf -- '---\ntitle: Ferry cancelled\nslug: ferry-cancelled\ndate: 2024-01-01\n---\nFerryword text.\n' \
    >"$s/content/news/ferry.md"
printf '<html><head><title>Old page</title></head><body><article><p>Pageword text of the page.</p></article></body></html>' \
    >"$s/content/news/page.html"

# hit DB QUERY: the first hit of QUERY, as JSON.
hit() {
    nsearch --db "$1" --json --related 0 --no-suggest "$2" |
        python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["hits"][0]))'
}
# field JSON KEY: KEY's value in the JSON object, "absent" if it has none.
field() {
    printf '%s' "$1" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(d[sys.argv[1]] if sys.argv[1] in d else "absent")' "$2"
}

run out err nindex --db "$TMP/db" "$s"
check "the site indexed: exit 0" is "$rc" 0
h=$(hit "$TMP/db" ferryword)
check "the post's id is its slug" is "$(field "$h" id)" ferry-cancelled
check "--json gives its file's path below the SOURCE" \
    is "$(field "$h" source)" content/news/ferry.md
check "a page's too" is "$(field "$(hit "$TMP/db" pageword)" source)" \
    content/news/page.html
nsearch --db "$TMP/db" --show ferry-cancelled --json >"$TMP/show.json"
check "--show --json keeps it" python3 -c '
import json, sys
sys.exit(0 if json.load(open(sys.argv[1])).get("source") == "content/news/ferry.md" else 1)' \
    "$TMP/show.json"

# Read again, nothing changed: the path is the one stored.
run out err nindex --db "$TMP/db" "$s"
check "read again: unchanged" contains "$TMP/out" "0 added, 0 replaced"

# Gzipped in place: the path without ".gz", as the id, and nothing stored
# again (the README's promise for an archive gzipped in place).
cp -r "$s" "$TMP/gsite"
nindex --quiet --db "$TMP/gdb" "$TMP/gsite"
gzip "$TMP/gsite/content/news/ferry.md"
run out err nindex --db "$TMP/gdb" "$TMP/gsite"
check "gzipped in place: unchanged" contains "$TMP/out" "0 added, 0 replaced"
check "gzipped in place: the path without .gz" \
    is "$(field "$(hit "$TMP/gdb" ferryword)" source)" content/news/ferry.md

# Moved to another section, the same slug: replaced, with its new path.
mkdir -p "$s/content/world"
mv "$s/content/news/ferry.md" "$s/content/world/ferry.md"
run out err nindex --db "$TMP/db" --prune "$s"
check "moved: a prune run, exit 0" is "$rc" 0
check "... the post replaced, nothing deleted" contains "$TMP/out" "1 replaced"
check "... 0 deleted" contains "$TMP/out" "0 deleted"
check "... its new path" is "$(field "$(hit "$TMP/db" ferryword)" source)" \
    content/world/ferry.md

# Articles of a file of many, and of a file named alone, have none.
j=$TMP/wires
mkdir -p "$j"
printf '{"id": "w1", "title": "Wire story", "body": "Wireword text.", "source": "Reuters"}\n' \
    >"$j/wire.jsonl"
check "a JSON Lines file in a walk" nindex --quiet --db "$TMP/db" "$j"
check "... no source key, not the record's own" \
    is "$(field "$(hit "$TMP/db" wireword)" source)" absent
printf -- '---\ntitle: Lone post\n---\nLoneword text.\n' >"$TMP/lone.md"
check "a file named alone" nindex --quiet --db "$TMP/db" "$TMP/lone.md"
check "... no source key" is "$(field "$(hit "$TMP/db" loneword)" source)" absent

# nsearchd gives the same.
check "nsearchd starts" start_server
get art.json /v1/articles/ferry-cancelled
check "/v1/articles: 200" is "$code" 200
check "/v1/articles: source" json art.json 'd.get("source") == "content/world/ferry.md"'
get wire.json /v1/articles/w1
check "/v1/articles of a JSON Lines record: no source key" \
    json wire.json '"source" not in d and d["id"] == "w1"'
get search.json '/v1/search?q=ferryword'
check "/v1/search: the hit's source" \
    json search.json 'd["hits"][0]["source"] == "content/world/ferry.md"'
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# Deleted by a prune, and brought back from its undo file: the same path.
rm -r "$s/content/world"
run out err nindex --db "$TMP/db" --prune --force "$s"
check "the post pruned" is "$(nsearch --db "$TMP/db" --json -n 0 --related 0 ferryword |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 0
undo=$(find "$TMP/db/deleted" -type f | head -1)
check "an undo file written" test -n "$undo"
check "brought back from it" nindex --quiet --db "$TMP/db" "$undo"
check "... with its source" \
    is "$(field "$(hit "$TMP/db" ferryword)" source)" content/world/ferry.md
finish
