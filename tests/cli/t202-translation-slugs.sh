#!/bin/sh
# t202-translation-slugs.sh - Hugo's translations of a post share its slug
# (`content/posts/storm/index.en.md` and `index.nb.md`, both `slug:
# storm`), and as one id each replaced the other on every run, with an
# "id 'storm' again" warning.  Now the slug of a file named as a
# translation in a language other than the archive's default (nindex
# --lang, else en) is the id LANG/slug, as Hugo puts such a page under
# /LANG/; the default language keeps the plain slug, the id the archive
# had, and so does a post that names its language in its header alone.
. "$(dirname "$0")/lib.sh"

# Every id in DB with its language, one "id lang" a line, sorted.
ids() {
    nsearch --db "$1" --json -n 100 '' | python3 -c '
import json, sys
for h in sorted(json.load(sys.stdin)["hits"], key=lambda h: h["id"]):
    print(h["id"], h["lang"])'
}

post() { # FILE HEADER-LINES... then a body
    f=$1
    shift
    mkdir -p "$(dirname "$f")"
    { echo ---; for l in "$@"; do echo "$l"; done; echo ---; echo "Text of $(basename "$f")."; } >"$f"
}

S=$TMP/site/content/posts
post "$S/storm/index.en.md" 'title: Storm warning' 'slug: storm'
post "$S/storm/index.nb.md" 'title: Farevarsel for uvær' 'slug: storm'
post "$S/flood.en.md" 'title: Flood' 'slug: flood'
post "$S/flood.de.md" 'title: Hochwasser' 'slug: flood'
post "$S/flood.zh-cn.md" 'title: Flood in Chinese' 'slug: flood'
post "$S/ferje.md" 'title: Ferja' 'slug: ferje' 'lang: nb'
post "$S/quay.nb.md" 'title: Kaia' 'slug: quay' 'lang: en'
post "$S/harbour.md" 'title: Harbour' 'slug: harbour'
post "$S/own-id.md" 'title: Eget id' 'slug: ignored' 'id: ferge-1' 'lang: nn'
post "$S/noslug.nb.md" 'title: Uten slug'

run out err nindex --db "$TMP/db" "$TMP/site/content"
check "translations: exit 0" is "$rc" 0
check "translations: none replaces another" lacks "$TMP/err" "again"
check "translations: 10 added" contains "$TMP/out" "10 added, 0 replaced"
ids "$TMP/db" >"$TMP/ids"
cat >"$TMP/want" <<'EOF'
de/flood de
ferge-1 nn
ferje no
flood en
harbour en
no/storm no
posts/noslug.nb.md no
quay en
storm en
zh/flood zh
EOF
check "translations: the default language keeps the slug, others LANG/slug" \
    cmp "$TMP/ids" "$TMP/want"

# An archive that held the English post under "storm" (one language won
# each night) keeps that id: the default language gets no new copy.
run out err nindex --db "$TMP/db" "$TMP/site/content"
check "again: nothing added" contains "$TMP/out" " 0 added, 0 replaced, 10 unchanged"

# The archive's default language is the one that keeps the slug.
run out err nindex --db "$TMP/nb" --lang nb "$TMP/site/content"
check "--lang nb: exit 0" is "$rc" 0
ids "$TMP/nb" >"$TMP/ids"
check "--lang nb: the Norwegian post is 'storm'" grep -qx "storm no" "$TMP/ids"
check "--lang nb: the English one 'en/storm'" grep -qx "en/storm en" "$TMP/ids"
check "--lang nb: the German one 'de/flood'" grep -qx "de/flood de" "$TMP/ids"
check "--lang nb: a header's language alone keeps the slug" \
    grep -qx "ferje no" "$TMP/ids"
check "--lang nb: a translation whose header says en is 'en/quay'" \
    grep -qx "en/quay en" "$TMP/ids"
check "--lang nb: a post naming no language is Norwegian, 'harbour'" \
    grep -qx "harbour no" "$TMP/ids"
# ... and an update without --lang keeps it (the index recorded it).
run out err nindex --db "$TMP/nb" "$TMP/site/content"
check "--lang nb, then none: nothing added" contains "$TMP/out" " 0 added"

# A translation set back to draft is taken out by the id it had.
post "$S/storm/index.nb.md" 'title: Farevarsel for uvær' 'slug: storm' 'draft: true'
run out err nindex --db "$TMP/db" "$TMP/site/content"
check "draft: the Norwegian translation goes" \
    contains "$TMP/err" "article 'no/storm' is a draft in its source now"
ids "$TMP/db" >"$TMP/ids"
check "draft: 'no/storm' is out" lacks "$TMP/ids" "no/storm"
check "draft: 'storm' stays" grep -qx "storm en" "$TMP/ids"

# The shard of a translation is that of its LANG/slug id: two shards
# hold each article once.
post "$S/storm/index.nb.md" 'title: Farevarsel for uvær' 'slug: storm'
nindex --quiet --db "$TMP/s0" --shard 0/2 "$TMP/site/content" 2>/dev/null
nindex --quiet --db "$TMP/s1" --shard 1/2 "$TMP/site/content" 2>/dev/null
{ ids "$TMP/s0"; ids "$TMP/s1"; } | sort >"$TMP/both"
check "shards: each article once in the two" cmp "$TMP/both" "$TMP/want"

finish
