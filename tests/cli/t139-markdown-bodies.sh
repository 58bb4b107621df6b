#!/bin/sh
# t139-markdown-bodies.sh - What a Markdown post's body keeps as the site
# shows it: HTML written inside it breaks lines and paragraphs where the
# HTML readers break them (a WordPress post moved to Hugo is full of
# <br>s), and its <h2>s are headings; a byte that is not UTF-8 is read as
# windows-1252 with a warning, not a skipped post; a YAML header closed by
# "..." is read; code keeps its lines and indentation; an Eleventy page
# with "permalink: false" is ignored; "index.nb.md" is Norwegian.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

# ids QUERY: the ids of the articles QUERY finds, sorted.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --limit 50 -- "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

# 1. <br> and <p> inside a line are breaks, not glue.
mkdir -p "$TMP/html"
printf -- '---\ntitle: Address\n---\nHarbour Street 5<br>Bergen<br />Norway\n' >"$TMP/html/br.md"
printf -- '---\ntitle: Rederi\n---\nVi driv drift.<p>Rederiet seglar.</p>\n\nAlpha<p>Omega</p>\n' >"$TMP/html/wp.md"
run out err nindex --db "$TMP/db" "$TMP/html"
check "inline html: both indexed" contains "$TMP/out" "2 added"
check "<br>: the word after it is found" is "$(ids bergen)" "br.md"
check "<br />: the word after it is found" is "$(ids norway)" "br.md"
check "A<p>B</p>: B is found" is "$(ids omega)" "wp.md"
check "no word of three joined" is "$(ids 5bergennorway)" ""

# 2. An HTML block's <h2> is a heading.
mkdir -p "$TMP/heads"
printf -- '---\ntitle: Puffins\n---\nIntro.\n\n<h2>Where they breed</h2>\n\n<p>On cliffs.</p>\n' >"$TMP/heads/heads.md"
run out err nindex --db "$TMP/db" "$TMP/heads"
check "heading: an HTML block's <h2>" is "$(ids 'heading:breed')" "heads.md"

# 3. A byte that is not UTF-8: windows-1252's character, and said where.
mkdir -p "$TMP/bytes"
printf -- '---\ntitle: Kafe\n---\nThe old\n\nharbour caf\351 reopens.\n' >"$TMP/bytes/latin1.md"
printf 'Two bytes\n\n\223Kaffe\224 i Troms\370.\n' >"$TMP/bytes/quotes.txt"
run out err nindex --db "$TMP/db" "$TMP/bytes"
check "bad bytes: indexed, none skipped (exit 0)" is "$rc" 0
check "bad bytes: the summary counts two warnings" contains "$TMP/out" \
    "2 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped"
check "Latin-1 byte: the post is found by its word" is "$(ids 'café')" "latin1.md"
check "Latin-1 byte: warned with its line and character" contains "$TMP/err" \
    'latin1.md:6: byte 0xE9 is not UTF-8; read as windows-1252 "é"'
check "windows-1252 quotes in a .txt: found" is "$(ids 'tromsø')" "quotes.txt"
check "several bytes: counted, the first named" contains "$TMP/err" \
    'quotes.txt:3: 3 bytes that are not UTF-8 read as windows-1252 (the first, 0x93 "“")'
check "no skipped record" lacks "$TMP/err" "invalid UTF-8"

# 4. "..." closes a YAML header, as Jekyll and Pandoc allow.
mkdir -p "$TMP/dots"
printf -- '---\ntitle: Pandoc post\nauthor: Liv Berg\n...\nDotted closing line.\n' >"$TMP/dots/dots.md"
run out err nindex --db "$TMP/db" "$TMP/dots"
check "dots: indexed (exit 0)" is "$rc" 0
check "dots: the body is found" is "$(ids dotted)" "dots.md"
check "dots: the header's author is read" is "$(ids 'author:berg')" "dots.md"

# 5. Code keeps its lines and indentation in the stored body.
mkdir -p "$TMP/code"
cat >"$TMP/code/code.md" <<'EOF'
---
title: Code
---
A function:

```python
def f(x):
    if x:
        return 1
```

<pre>
line one
    line two
</pre>
EOF
run out err nindex --db "$TMP/db" "$TMP/code"
check "code: indexed" contains "$TMP/out" "1 added"

# 6. Eleventy's "permalink: false" page is never written: ignored, as a
# draft is; a permalink that is a path is a page like any other.
mkdir -p "$TMP/eleventy"
printf -- '---\ntitle: Embargoed\npermalink: false\n---\nQuarterly figures.\n' >"$TMP/eleventy/hidden.md"
printf -- '---\ntitle: Shown\npermalink: /figures/\n---\nAnnual figures.\n' >"$TMP/eleventy/shown.md"
run out err nindex --db "$TMP/db" "$TMP/eleventy"
check "permalink: false: ignored and counted" contains "$TMP/out" \
    "1 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 1 ignored"
check "permalink: false: said why" contains "$TMP/err" \
    "hidden.md: ignored: never written (permalink: false)"
check "permalink: false: not found" is "$(ids figures)" "shown.md"

# 7. Hugo's translation, named by its language: Norwegian, stemmed so.
mkdir -p "$TMP/hugo/seals"
printf -- '---\ntitle: Selar\n---\nSelane kom tilbake til fjordane.\n' >"$TMP/hugo/seals/index.nb.md"
run out err nindex --db "$TMP/db" "$TMP/hugo"
check "index.nb.md: Norwegian" is "$(ids 'lang:no')" "seals/index.nb.md"

# The stored bodies, as /v1/articles shows them.
check "server starts" start_server
get br.json '/v1/articles/br.md'
check "<br>: a line each" json br.json \
    'd["body"] == "Harbour Street 5\nBergen\nNorway"'
get wp.json '/v1/articles/wp.md'
check "<p>: a paragraph each" json wp.json \
    'd["body"] == "Vi driv drift.\n\nRederiet seglar.\n\nAlpha\n\nOmega"'

get code.json '/v1/articles/code.md'
check "code: a fenced block's indentation kept" json code.json \
    '"def f(x):\n    if x:\n        return 1" in d["body"]'
check "code: a <pre>'s lines kept" json code.json \
    '"line one\n    line two" in d["body"]'

finish
