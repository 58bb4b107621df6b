#!/bin/sh
# t284-feed-item-ids.sh - Ids of feed items.  A guid that is no URI ("1":
# numbers are common) is the article's id as written, as it always was
# (named anew, every such article indexed would come again beside
# itself): two sites' item 1 are one article, and one replacing the other
# across runs is said and counted as a warning, where it was said only as
# "1 replaced".  An RSS 1.0 item without <link> is named by its
# rdf:about; an item with neither guid nor link (valid RSS 2.0) was
# skipped, exit 3 every night and no --prune: now it is named by its site
# and a hash of its title, date and text.
. "$(dirname "$0")/lib.sh"

# ids DB: the ids in DB, sorted, on one line.
ids() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
# field DB ID KEY: field KEY of article ID in DB.
field() {
    nsearch --db "$1" --json --limit 50 --related 0 --no-collapse "" |
        python3 -c 'import json, sys
hits = [h for h in json.load(sys.stdin)["hits"] if h["id"] == sys.argv[1]]
print(hits[0].get(sys.argv[2]) if hits else "")' "$2" "$3"
}

# site NAME GUID: a feed of site NAME with one item of guid GUID.
site() {
    cat >"$TMP/$1.rss" <<RSS
<?xml version="1.0"?><rss version="2.0"><channel><title>$1</title><link>https://$1.example/</link>
<item><title>$1 story about herring</title><link>https://$1.example/1</link><guid isPermaLink="false">$2</guid><description>The $1 desk reports on herring.</description></item>
</channel></rss>
RSS
}
site north 1
site south 1
db=$TMP/db
run out err nindex --db "$db" "$TMP/north.rss"
check "guid 1: its id as written" is "$(ids "$db")" "1"
run out err nindex --db "$db" "$TMP/south.rss"
check "guid 1 of another site, next run: exit 0" is "$rc" 0
check "guid 1 of another site: replaces the first" \
    contains "$TMP/out" "0 added, 1 replaced"
check "guid 1 of another site: said, naming the site replaced" \
    contains "$TMP/err" \
    "south.rss:2: id '1' replaced the article of another site (north.example); give the feeds guids that are URLs, or index the sites into separate indexes"
check "guid 1 of another site: counted as a warning" \
    contains "$TMP/out" "1 warning"
check "guid 1 of two sites: one article, the later site's" \
    is "$(field "$db" 1 title)" "south story about herring"
run out err nindex --db "$db" "$TMP/south.rss"
check "read again: unchanged, nothing said" \
    is "$(grep -c "another site" "$TMP/err")" 0
check "read again: unchanged" \
    contains "$TMP/out" "0 added, 0 replaced, 1 unchanged"
run out err nindex --db "$db" --quiet "$TMP/north.rss"
check "--quiet: not said" is "$(grep -c "another site" "$TMP/err")" 0

# A story of the same site changed (its guid no URI) is no other site's.
sed 's/reports on herring/reports on herring and sprat/' "$TMP/north.rss" \
    >"$TMP/north2.rss"
run out err nindex --db "$db" "$TMP/north2.rss"
check "same site, changed: replaced, nothing said" \
    is "$(grep -c "another site" "$TMP/err"; grep -c "1 replaced" "$TMP/out")" \
    "0
1"

# In one run, the reader says the id came again; the first run's
# article is not named a second time.
run out err nindex --db "$TMP/one" "$TMP/north.rss" "$TMP/south.rss"
check "two sites in one run: said as the id again" \
    contains "$TMP/err" "id '1' again, unlike its copy"
check "two sites in one run: not said twice" \
    is "$(grep -c "another site" "$TMP/err")" 0

# A guid that is a URI (an address, tag:), one that is not, and an item
# with a link and no guid: their ids as written.
cat >"$TMP/uri.rss" <<'RSS'
<?xml version="1.0"?><rss version="2.0"><channel><title>u</title><link>https://u.example/</link>
<item><title>Addressed</title><guid>https://u.example/?p=12</guid><description>Pike.</description></item>
<item><title>Tagged</title><link>https://u.example/t</link><guid isPermaLink="false">tag:u.example,2024:3</guid><description>Perch.</description></item>
<item><title>Linked</title><link>https://u.example/linked</link><description>Carp.</description></item>
<item><title>Numbered</title><link>https://u.example/n</link><guid isPermaLink="false">post-7</guid><description>Eel.</description></item>
</channel></rss>
RSS
nindex --quiet --db "$TMP/u" "$TMP/uri.rss" 2>/dev/null
check "guids and a link: ids as written" \
    is "$(ids "$TMP/u")" \
    "https://u.example/?p=12 https://u.example/linked post-7 tag:u.example,2024:3"

# RSS 1.0: rdf:about names an item without <link>, and is its url.
cat >"$TMP/rdf.rdf" <<'RSS'
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://r.example/"><title>r</title><link>https://r.example/</link></channel>
<item rdf:about="https://r.example/a1"><title>About story</title><description>Sprat.</description></item>
<item rdf:about="https://r.example/a2"><title>Linked story</title><link>https://r.example/l2</link><description>Roach.</description></item>
</rdf:RDF>
RSS
run out err nindex --db "$TMP/r" "$TMP/rdf.rdf"
check "RSS 1.0 item without <link>: exit 0" is "$rc" 0
check "RSS 1.0 item without <link>: named by rdf:about; <link> first" \
    is "$(ids "$TMP/r")" "https://r.example/a1 https://r.example/l2"
check "RSS 1.0 item without <link>: its url is rdf:about" \
    is "$(field "$TMP/r" https://r.example/a1 url)" "https://r.example/a1"

# Items with neither guid nor link: kept, the same ids on every run, and
# --prune is not refused.
cat >"$TMP/noid.rss" <<'RSS'
<?xml version="1.0"?><rss version="2.0"><channel><title>n</title><link>https://n.example/</link>
<item><title>Nameless</title><pubDate>Tue, 03 Nov 2026 08:00:00 GMT</pubDate><description>Whiting landed.</description></item>
<item><title>Other</title><description>Haddock landed.</description></item>
</channel></rss>
RSS
run out err nindex --db "$TMP/n" "$TMP/noid.rss"
check "no guid, no link: exit 0" is "$rc" 0
check "no guid, no link: both added" contains "$TMP/out" "2 added"
first=$(ids "$TMP/n")
check "no guid, no link: named by the site and a hash" \
    sh -c 'echo "$1" | grep -Eq "^n\.example/#[0-9a-f]{16} n\.example/#[0-9a-f]{16}$"' \
    - "$first"
run out err nindex --db "$TMP/n" --prune "$TMP/noid.rss"
check "no guid, no link, again with --prune: exit 0" is "$rc" 0
check "no guid, no link, again: unchanged, nothing deleted" \
    contains "$TMP/out" "0 added, 0 replaced, 2 unchanged, 0 deleted"
check "no guid, no link, again: the same ids" \
    sh -c '[ -n "$1" ] && [ "$1" = "$2" ]' - "$(ids "$TMP/n")" "$first"

# With no channel <link>, the site is the host of the feed's own address,
# as nindex tells sites apart (other-site.c): lowercased, and the blank
# an href was written with left out, so the id is the one it would be
# without it.
cat >"$TMP/self.rss" <<'RSS'
<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>s</title><atom:link rel="self" href="https://Self.Example "/>
<item><title>Selfless</title><description>Mackerel landed.</description></item>
</channel></rss>
RSS
run out err nindex --db "$TMP/s" "$TMP/self.rss"
check "no channel <link>: exit 0" is "$rc" 0
check "no channel <link>: named by the self link's host, blank left out" \
    sh -c 'echo "$1" | grep -Eq "^self\.example/#[0-9a-f]{16}$"' - "$(ids "$TMP/s")"
finish
