#!/bin/sh
# t245-fm-after-blank-line.sh - A post whose front matter came after a
# blank line or a space (" ---") had none read: "draft: true" and a date
# to come were text of the body, so an embargoed post was indexed and
# searchable, titled "---" or "+++".  Hugo skips the white space before
# the header; so does nsearch now, for YAML, TOML and JSON headers, with
# LF or CRLF line ends.
. "$(dirname "$0")/lib.sh"

site=$TMP/site
mkdir -p "$site"
db=$TMP/db
# hits QUERY: the number of articles QUERY finds.
hits() {
    nsearch --db "$db" --json --limit 0 --related 0 --no-collapse "$1" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"
}
# field ID NAME: field NAME of article ID as stored.
field() {
    nsearch --db "$db" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c "import json,sys
for h in json.load(sys.stdin)['hits']:
    if h['id'] == '$1': print(h.get('$2') or '')"
}

# date_is ID DAY: article ID is dated DAY.
date_is() { field "$1" date | grep -q "^$2"; }

printf -- '\n---\ntitle: Embargoed results\ndraft: true\n---\nEmbargosecretword figures.\n' >"$site/a.md"
printf -- '\n+++\ntitle = "Future"\ndate = 2099-01-01\n+++\nFuturesecretword.\n' >"$site/b.md"
printf -- ' ---\ntitle: Space before fence\ndraft: true\n---\nSpacefenceword.\n' >"$site/c.md"
printf -- '\r\n\r\n---\r\ntitle: Crlf embargo\r\ndraft: true\r\n---\r\nCrlfsecretword.\r\n' >"$site/d.md"
printf -- '\n\n{\n  "title": "Json embargo",\n  "draft": true\n}\nJsonsecretword.\n' >"$site/e.md"
printf -- '\n  \t\n---\nexpiryDate: 2021-01-01\ntitle: Gone\n---\nExpiredsecretword.\n' >"$site/f.md"
# Published posts: the header is read, and is not body text.
printf -- '\n---\ntitle: Harbour seals return\ndate: 2024-03-05\n---\nSealword in the fjord.\n' >"$site/g.md"
printf -- '\r\n+++\r\ntitle = "Ferry timetable"\r\ndate = 2024-04-06\r\n+++\r\nFerryword today.\r\n' >"$site/h.md"
printf -- '\n{"title": "Quay repaired", "date": "2024-05-07"}\nQuayword now.\n' >"$site/i.md"
# A blank line then a thematic break and prose: no header, as before.
printf -- '\nPlain opening line\n\n---\n\nMore plainword text.\n' >"$site/j.md"

run out err nindex --db "$db" "$site"
check "exit 0" is "$rc" 0
check "four added, six ignored" contains "$TMP/out" \
    "4 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 6 ignored"
check "YAML draft after a blank line: ignored and said" contains "$TMP/err" \
    "a.md: ignored: a draft (draft: true)"
check "TOML future post after a blank line: ignored and said" contains "$TMP/err" \
    "b.md: ignored: not published yet (date: 2099-01-01T00:00:00Z)"
check "draft after a space before the fence: ignored" contains "$TMP/err" \
    "c.md: ignored: a draft (draft: true)"
check "CRLF draft after blank lines: ignored" contains "$TMP/err" \
    "d.md: ignored: a draft (draft: true)"
check "JSON draft after blank lines: ignored" contains "$TMP/err" \
    "e.md: ignored: a draft (draft: true)"
check "expired post after a blank line: ignored" contains "$TMP/err" \
    "f.md: ignored: expired (expiryDate: 2021-01-01T00:00:00Z)"
for w in Embargosecretword Futuresecretword Spacefenceword Crlfsecretword \
    Jsonsecretword Expiredsecretword; do
    check "$w: not searchable" is "$(hits "$w")" 0
done
check "YAML: title read" is "$(field g.md title)" "Harbour seals return"
check "YAML: date read" date_is g.md 2024-03-05
check "the header is no text: 'title' finds nothing" is "$(hits title)" 0
check "TOML CRLF: title read" is "$(field h.md title)" "Ferry timetable"
check "TOML CRLF: date read" date_is h.md 2024-04-06
check "JSON: title read" is "$(field i.md title)" "Quay repaired"
check "JSON: date read" date_is i.md 2024-05-07
check "no header: the first line is the title" is "$(field j.md title)" "Plain opening line"
check "no header: still searchable" is "$(hits plainword)" 1
check "the header is no text: 'draft' finds nothing" is "$(hits draft)" 0

# nsearch's draft check and the reader agree: a second run changes nothing.
run out err nindex --db "$db" "$site"
check "again: unchanged, still ignored" contains "$TMP/out" \
    "0 added, 0 replaced, 4 unchanged, 0 deleted, 0 skipped, 6 ignored"

# A header after a blank line that is not closed is an error at its fence.
printf -- '\n\n---\ntitle: Open\n' >"$site/k.md"
run out err nindex --db "$db" "$site"
check "unclosed after blank lines: the fence's line" contains "$TMP/err" \
    "k.md:3: front matter is not closed by '---'"
finish
