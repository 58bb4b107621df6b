#!/bin/sh
# t233-feed-placeholders.sh - What aggregated feeds write in place of a
# value.  Hugo dates every undated page (About, a section's list) Go's
# zero time, "Mon, 01 Jan 0001 00:00:00 +0000" in RSS and
# 0001-01-01T00:00:00Z in front matter: such a page was dated year 1,
# the decade 0000s, and came first for date:..1980.  Now it is kept
# undated with a warning, and a real <dc:date> of the same item dates it.
# A <pubDate> in MET or MEST (Central European time, as Java prints it)
# was read as UTC, an hour or two late, and one in a zone nobody knows
# silently so: MET and MEST are read, and an unknown zone is a warning.
# An item with neither <guid> nor <link> was skipped as "item 1: missing
# id", which named nothing the feed's author could look for; it is kept,
# named by a hash of its title, date and text (t284).
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/site"
cat >"$TMP/site/index.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title>
<item><title>About the Gazette</title><link>https://ex.org/about/</link>
<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate>
<description>About the harbour gazette.</description></item>
<item><title>Quay reopens</title><link>https://ex.org/quay/</link>
<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate>
<dc:date>2024-05-01T10:00:00Z</dc:date>
<description>The harbour quay reopens.</description></item>
<item><title>Old ferry</title><link>https://ex.org/ferry/</link>
<pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate>
<description>The harbour ferry of 1970.</description></item>
</channel></rss>
XML
printf -- '---\ntitle: Harbour contacts\ndate: 0001-01-01T00:00:00Z\n---\nHarbour contacts.\n' >"$TMP/site/contacts.md"

run out err nindex --db "$TMP/db" "$TMP/site"
check "placeholder: indexed" is "$rc" 0
check "placeholder: the feed's warning" contains "$TMP/err" \
    "index.xml:4: date 0001-01-01 is a \"no date\" placeholder; the article is kept undated"
check "placeholder: the front matter's warning" contains "$TMP/err" \
    "contacts.md:3: date 0001-01-01 is a \"no date\" placeholder; the article is kept undated"
check "placeholder: counted" contains "$TMP/out" "articles/s); 2 warnings"

run out err nsearch --db "$TMP/db" -j --show https://ex.org/about/
check "placeholder: the About page is undated" lacks "$TMP/out" '"date"'
run out err nsearch --db "$TMP/db" -j --show https://ex.org/quay/
check "placeholder: <dc:date> dates the item" contains "$TMP/out" \
    '"date":"2024-05-01T10:00:00Z"'
run out err nsearch --db "$TMP/db" -n 5 'harbour date:..1980'
check "placeholder: date:..1980 has the 1970 story" contains "$TMP/out" "Old ferry"
check "placeholder: date:..1980 lacks the About page" lacks "$TMP/out" "About the Gazette"
check "placeholder: nor the contacts page" lacks "$TMP/out" "Harbour contacts"

mkdir "$TMP/zones"
cat >"$TMP/zones/feed.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hafenblatt</title>
<item><title>Winter ferry</title><link>https://ex.org/winter/</link>
<pubDate>Tue, 07 Jan 2025 10:00:00 MET</pubDate>
<description>The zone ferry in winter.</description></item>
<item><title>Summer ferry</title><link>https://ex.org/summer/</link>
<pubDate>Tue, 08 Jul 2025 10:00:00 MEST</pubDate>
<description>The zone ferry in summer.</description></item>
<item><title>Odd ferry</title><link>https://ex.org/odd/</link>
<pubDate>Tue, 07 Oct 2025 10:00:00 XYZ</pubDate>
<description>The zone ferry of nowhere.</description></item>
</channel></rss>
XML
run out err nindex --db "$TMP/zdb" "$TMP/zones"
check "zones: indexed" is "$rc" 0
run out2 err2 nsearch --db "$TMP/zdb" -j --show https://ex.org/winter/
check "zones: MET is +1" contains "$TMP/out2" '"date":"2025-01-07T09:00:00Z"'
run out2 err2 nsearch --db "$TMP/zdb" -j --show https://ex.org/summer/
check "zones: MEST is +2" contains "$TMP/out2" '"date":"2025-07-08T08:00:00Z"'
run out2 err2 nsearch --db "$TMP/zdb" -j --show https://ex.org/odd/
check "zones: an unknown zone is UTC" contains "$TMP/out2" '"date":"2025-10-07T10:00:00Z"'
check "zones: and said so" contains "$TMP/err" \
    "feed.xml:9: unknown time zone 'XYZ' in date 'Tue, 07 Oct 2025 10:00:00 XYZ'; read as UTC"
check "zones: one warning" contains "$TMP/out" "articles/s); 1 warning"
check "zones: none for MET or MEST" lacks "$TMP/err" "'MET"

cat >"$TMP/noid.rss" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Gazette</title>
<item><title>Lost ferry</title>
<description>An item with no address.</description></item>
<item><title>Found ferry</title><guid>found-1</guid>
<description>An item with its guid.</description></item>
</channel></rss>
XML
cat >"$TMP/noid.atom" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>
<entry><title>Lost tug</title><updated>2025-01-01T00:00:00Z</updated>
<content>An entry with no address.</content></entry>
</feed>
XML
run out err nindex --db "$TMP/ndb" "$TMP/noid.rss" "$TMP/noid.atom"
check "no id: kept, with the other item" contains "$TMP/out" \
    "3 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "no id: not the bare 'missing id'" lacks "$TMP/err" "missing id"
check "no id: nothing skipped said" lacks "$TMP/err" "skipped"
ids=$(nsearch --db "$TMP/ndb" --json --no-collapse "" |
    python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))')
check "no id: named by a hash, with no site to name it by" \
    sh -c 'echo "$1" | grep -Eq "^#[0-9a-f]{16} #[0-9a-f]{16} found-1$"' \
    - "$ids"

finish
