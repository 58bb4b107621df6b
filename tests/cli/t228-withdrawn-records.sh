#!/bin/sh
# t228-withdrawn-records.sh - A page later marked <meta name="robots"
# content="noindex"> stayed searchable until a --prune, and a JSON Lines
# record with "draft": true, "published": false or "status": "draft"
# (trash, private, pending) was indexed as a live article.  Now the page
# and the record are ignored, and an article of their id that is indexed
# is taken out as a WordPress draft's is (said, counted deleted, kept in
# DIR/deleted); one never indexed is only ignored.  A "status" of any
# other value is no word on publishing.  --prune and --rebuild treat them
# as they treat a WordPress draft.
. "$(dirname "$0")/lib.sh"

has() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c "import json,sys; sys.exit(0 if '$2' in [h['id'] for h in json.load(sys.stdin)['hits']] else 1)"
}
hasnt() { ! has "$@"; }

src=$TMP/src
mkdir -p "$src/site"
write_stories "$src/fill.jsonl" x 20
db=$TMP/db

# --- HTML: a page later marked noindex -------------------------------------------
# page ROBOTS: the page, with <meta name="robots" content="ROBOTS">.
page() {
    cat >"$src/site/pier.html" <<HTML
<!DOCTYPE html><html lang="en"><head><title>Pier closed</title>
<meta name="robots" content="$1"></head>
<body><article><h1>Pier closed</h1><p>The pier is closed for repairs until the
spring, the harbour office says, and the ferry leaves from the quay.</p>
</article></body></html>
HTML
}
page index
nindex --quiet --db "$db" "$src"
check "setup: the page indexed" has "$db" site/pier.html
page "noindex, follow"
run out err nindex --db "$db" "$src"
check "noindex: exit 0" is "$rc" 0
check "noindex: still said to be ignored" contains "$TMP/err" \
    "$src/site/pier.html: ignored: the page asks not to be indexed (robots noindex)"
check "noindex: said to be taken out" contains "$TMP/err" \
    "$src/site/pier.html: article 'site/pier.html' is a draft in its source now: taken out of the index"
check "noindex: counted deleted" contains "$TMP/out" "1 deleted, 0 skipped, 1 ignored"
check "noindex: not searchable" hasnt "$db" site/pier.html
check "noindex: kept in DIR/deleted" \
    sh -c "zcat '$db'/deleted/*.jsonl.gz | grep -q 'site/pier.html'"
run out err nindex --db "$db" "$src"
check "noindex again: only ignored" lacks "$TMP/err" "taken out"
check "noindex again: 0 deleted" contains "$TMP/out" "0 deleted, 0 skipped, 1 ignored"
# The id the page names in its JSON-LD is the one taken out.
cat >"$src/site/quay.html" <<'HTML'
<!DOCTYPE html><html><head><script type="application/ld+json">
{"@type": "NewsArticle", "identifier": "quay-77", "headline": "Quay repaired",
 "articleBody": "The quay is repaired and open again."}</script></head>
<body><p>The quay is repaired.</p></body></html>
HTML
nindex --quiet --db "$db" "$src"
check "setup: the JSON-LD page indexed" has "$db" quay-77
sed -i 's|<head>|<head><meta name="googlebot" content="none">|' "$src/site/quay.html"
run out err nindex --db "$db" "$src"
check "noindex JSON-LD: taken out by its id" contains "$TMP/err" \
    "article 'quay-77' is a draft in its source now: taken out of the index"
check "noindex JSON-LD: not searchable" hasnt "$db" quay-77
rm -r "$src/site"

# --- JSON Lines ------------------------------------------------------------------
printf '%s\n' '{"id": "dr1", "title": "Ferry late", "body": "The ferry runs late."}' \
    >"$src/cms.jsonl"
nindex --quiet --db "$db" "$src"
check "setup: the record indexed" has "$db" dr1
for mark in '"draft": true' '"published": false' '"status": "draft"' \
    '"status": "trash"' '"status": "private"' '"status": "pending"'; do
    printf '%s\n' "{\"id\": \"dr1\", \"title\": \"Ferry late\", \"body\": \"The ferry runs late.\", $mark}" \
        >"$src/cms.jsonl"
    run out err nindex --db "$db" "$src"
    check "jsonl $mark: exit 0" is "$rc" 0
    check "jsonl $mark: said to be taken out" contains "$TMP/err" \
        "$src/cms.jsonl:1: article 'dr1' is a draft in its source now: taken out of the index"
    check "jsonl $mark: counted" contains "$TMP/out" "1 deleted, 0 skipped, 1 ignored"
    check "jsonl $mark: not searchable" hasnt "$db" dr1
    printf '%s\n' '{"id": "dr1", "title": "Ferry late", "body": "The ferry runs late."}' \
        >"$src/cms.jsonl"
    nindex --quiet --db "$db" "$src"
done
check "jsonl: the reasons said" sh -c "
    printf '%s\n' '{\"id\": \"n1\", \"title\": \"a\", \"draft\": true}' \
        '{\"id\": \"n2\", \"title\": \"b\", \"published\": false}' \
        '{\"id\": \"n3\", \"title\": \"c\", \"status\": \"trash\"}' >'$TMP/n.jsonl'
    '$NSEARCH_BIN/nindex' --db '$TMP/ndb' '$TMP/n.jsonl' 2>'$TMP/n.err' >'$TMP/n.out'
    grep -qF '$TMP/n.jsonl:1: ignored: a draft (draft: true)' '$TMP/n.err' &&
    grep -qF '$TMP/n.jsonl:2: ignored: not published (published: false)' '$TMP/n.err' &&
    grep -qF '$TMP/n.jsonl:3: ignored: not published (status: trash)' '$TMP/n.err' &&
    grep -qF '0 added' '$TMP/n.out' && grep -qF '3 ignored' '$TMP/n.out'"
check "jsonl: a draft never indexed is not taken out" lacks "$TMP/n.err" "taken out"
# A "status" of another meaning, "draft": false, and "published" as a
# date are articles.
printf '%s\n' '{"id": "s1", "title": "a", "body": "x", "status": "breaking"}' \
    '{"id": "s2", "title": "b", "body": "y", "status": "Draft desk"}' \
    '{"id": "s3", "title": "c", "body": "z", "draft": false, "published": true}' \
    '{"id": "s4", "title": "d", "body": "w", "published": "2026-11-02"}' \
    >"$TMP/s.jsonl"
run out err nindex --db "$TMP/sdb" "$TMP/s.jsonl"
check "jsonl other status: all four indexed" contains "$TMP/out" "4 added"
check "jsonl other status: nothing ignored" lacks "$TMP/err" "ignored"
# A JSON array of such records reads the same.
printf '[{"id": "dr1", "title": "Ferry late", "body": "x", "status": "trash"}]\n' \
    >"$src/cms.jsonl"
mv "$src/cms.jsonl" "$src/cms.json"
run out err nindex --db "$db" "$src"
check "json array: ignored" contains "$TMP/err" \
    "$src/cms.json:1: ignored: not published (status: trash)"
check "json array: taken out" contains "$TMP/err" \
    "article 'dr1' is a draft in its source now: taken out of the index"
check "json array: not searchable" hasnt "$db" dr1
rm "$src/cms.json"

# --- --prune: a withdrawn record is one deletion, and stops nothing --------------
printf '%s\n' '{"id": "dr2", "title": "Quay", "body": "The quay is repaired."}' >"$src/p.jsonl"
nindex --quiet --db "$db" "$src"
printf '%s\n' '{"id": "dr2", "title": "Quay", "body": "The quay.", "draft": true}' >"$src/p.jsonl"
run out err nindex --db "$db" --prune "$src"
check "prune: exit 0" is "$rc" 0
check "prune: said to be taken out" contains "$TMP/err" \
    "article 'dr2' is a draft in its source now: taken out of the index"
check "prune: counted once" contains "$TMP/out" "1 deleted"
check "prune: gone" hasnt "$db" dr2
check "prune: the rest stays" has "$db" x3

# --- --rebuild: left out as any live article the sources do not hold -------------
printf '%s\n' '{"id": "dr3", "title": "Bridge", "body": "The bridge is open."}' >"$src/p.jsonl"
nindex --quiet --db "$db" "$src"
check "setup: dr3 indexed" has "$db" dr3
printf '%s\n' '{"id": "dr3", "title": "Bridge", "body": "The bridge.", "status": "private"}' >"$src/p.jsonl"
run out err nindex --db "$db" --rebuild "$src"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: ignored" contains "$TMP/err" "ignored: not published (status: private)"
check "rebuild: left out" hasnt "$db" dr3
check "rebuild: counted deleted" contains "$TMP/out" "1 deleted"
check "rebuild: the rest stays" has "$db" x3
finish
