#!/bin/sh
# t627-hit-id.sh - Each hit's second line, and each related post's, ends
# with "id ID": the id --show, --related-to and nindex --delete take.  The
# text output showed only the URL (the id only when there was none), so an
# editor who found a story had to search again with --json to read it
# whole or take it down.
. "$(dirname "$0")/lib.sh"

check "index samples" index_samples

# Second lines of the hits of QUERY in $TMP/db (the lines after " N. ").
meta() {
    nsearch --db "$TMP/db" --color never --related 0 "$@" |
        awk 'p { print; p = 0 } /^ *[0-9]+\. / { p = 1 }'
}

check "a hit with a URL: the id ends its line" \
    is "$(meta --limit 1 "Azure surveillance")" \
    "    2025-08-06 | Technology | Kari Nordmann | https://news.example.org/2025/08/06/azure-surveillance-investigation | id azure-surveillance-investigation"
check "every hit has an id" \
    is "$(meta --limit 10 microsoft | grep -c ' | id [^ ]')" 10

# What a reader copies from the line is what --show takes.
id=$(meta --limit 1 "Azure surveillance" | sed 's/.* | id //')
run out err nsearch --db "$TMP/db" --show "$id"
check "the id shown opens with --show" is "$rc" 0
check "--show prints that story" contains "$TMP/out" \
    "Microsoft's Azure cloud used for mass surveillance"

# Without a URL the id is said to be one; without any other field the
# line is the id alone.  An id goes through the care a title does: a
# direction control would make it read as another.
cat >"$TMP/own.jsonl" <<'JSON'
{"id": "harbour-2", "title": "Ferry back on schedule", "body": "The harbour ferry runs again.", "section": "Local", "date": "2025-08-10T08:00:00Z"}
{"id": "bare-1", "title": "Ferry timetable", "body": "The ferry timetable for the winter."}
{"id": "rlo\u202eevil", "title": "Ferry prices", "body": "Ferry prices rise.", "url": "https://x.example/prices"}
JSON
nindex --quiet --db "$TMP/own" "$TMP/own.jsonl"
run out err nsearch --db "$TMP/own" --color never --related 0 ferry
check "no URL: the id is named an id" contains "$TMP/out" \
    "    2025-08-10 | Local | id harbour-2"
check "no other field: the line is the id" is "$(grep -c '^    id bare-1$' "$TMP/out")" 1
check "a direction control in an id is a space" \
    is "$(grep -c '^    https://x.example/prices | id rlo evil$' "$TMP/out")" 1

# Related posts: age, section, URL and id.
run out err nsearch --db "$TMP/db" --color never --related-to azure-cutoff-reactions \
    --now 2025-10-01 --recent-days 60
check "related: a post's line ends with its id" contains "$TMP/out" \
    "5 days ago | Technology | https://news.example.org/2025/09/25/microsoft-cuts-off-unit-8200-cloud | id microsoft-cuts-off-unit-8200-cloud"
check "related: every post of five has an id" \
    is "$(grep -c '^    .* | id [^ ]' "$TMP/out") $(grep -c '^  - ' "$TMP/out")" "5 5"

# README "First steps", character for character.
cat >"$TMP/first.jsonl" <<'JSON'
{"id": "harbour-1", "title": "Harbour ferry cancelled", "body": "Storm warnings stopped the morning ferry."}
{"id": "harbour-2", "title": "Ferry back on schedule", "body": "The harbour ferry runs again after the storm."}
JSON
nindex --quiet --db "$TMP/first" "$TMP/first.jsonl"
nsearch --db "$TMP/first" ferry >"$TMP/first.out"
sed -n '/^2 matches; showing 1-2$/,/^```$/p' "$top/README.md" | sed '$d' >"$TMP/first.want"
check "README First steps: the hits as shown" \
    is "$(cat "$TMP/first.out")" "$(cat "$TMP/first.want")"
finish
