#!/bin/sh
# t139-markdown-bodies.sh - What a Markdown post's body keeps as the site
# shows it: HTML written inside it breaks lines and paragraphs where the
# HTML readers break them (a WordPress post moved to Hugo is full of
# <br>s), and its <h2>s are headings.
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

# The stored bodies, as /v1/articles shows them.
check "server starts" start_server
get br.json '/v1/articles/br.md'
check "<br>: a line each" json br.json \
    'd["body"] == "Harbour Street 5\nBergen\nNorway"'
get wp.json '/v1/articles/wp.md'
check "<p>: a paragraph each" json wp.json \
    'd["body"] == "Vi driv drift.\n\nRederiet seglar.\n\nAlpha\n\nOmega"'

finish
