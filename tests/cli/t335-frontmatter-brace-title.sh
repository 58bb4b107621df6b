#!/bin/sh
# t335-frontmatter-brace-title.sh - README "Markdown": a YAML value that
# opens with "{" but whose braces do not close at its end ("title:
# {Breaking} Storm hits", an editor's label before the headline) is text
# as written, as "[Updated] Storm" is; a flow mapping that closes at the
# end of the value ("{a: 1}", "{{ .Name }}", over two lines, with a
# comment after it) is still a mapping, left out with a warning.  Before,
# every value opening with "{" was a mapping: the headline was lost and
# the post titled with its body's first line.
. "$(dirname "$0")/lib.sh"
D=$TMP/site
mkdir -p "$D"
printf -- '---\ntitle: {Breaking} Storm hits the coast\ndate: 2025-01-01\n---\nWaves broke over the pier today.\n' >"$D/brace.md"
printf -- '---\ndate: 2025-01-02\ntitle: {Live} Ferry strike # from the desk\ntags: [ferry, strike]\n---\nThe crews walked out.\n' >"$D/comment.md"
printf -- '---\ntitle: {Unclosed label of the harbour\n---\nThe harbour report.\n' >"$D/open.md"
printf -- "---\ntitle: {a: 'x}', b: 2}  # a mapping\n---\nMapping body line.\n" >"$D/map.md"
printf -- '---\ntitle: {a: 1,\n  b: 2}\n---\nTwo line mapping body.\n' >"$D/map2.md"
printf -- '---\ntitle: {{ .Name }}\n---\nArchetype body line.\n' >"$D/arche.md"

run out err nindex --db "$TMP/db" "$D"
check "nothing skipped (exit 0)" is "$rc" 0
title_of() {
    nsearch --db "$TMP/db" --json "id:$1" |
        python3 -c 'import json, sys; h = json.load(sys.stdin)["hits"]; print(h[0]["title"] if h else "-")'
}
check "a label in braces keeps the title" is "$(title_of brace.md)" \
    "{Breaking} Storm hits the coast"
check "found by its title's words" is "$(nsearch --db "$TMP/db" --json \
    'title:storm' | python3 -c 'import json, sys; print([h["id"] for h in json.load(sys.stdin)["hits"]])')" \
    "['brace.md']"
check "without its comment, the keys after it read" is \
    "$(title_of comment.md)|$(nsearch --db "$TMP/db" --json 'tag:strike' |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" \
    "{Live} Ferry strike|1"
check "an unclosed brace is text" is "$(title_of open.md)" \
    "{Unclosed label of the harbour"
check "no warning for a braced title" lacks "$TMP/err" "brace.md"
check "nor for the unclosed one" lacks "$TMP/err" "open.md"
w="key 'title' is a mapping, not text: left out (quote the value to keep it as text)"
check "a closed mapping with a comment: still a mapping" contains "$TMP/err" \
    "warning: $D/map.md:2: $w"
check "a mapping over two lines: still a mapping" contains "$TMP/err" \
    "warning: $D/map2.md:2: $w"
check "an unfilled archetype: still a mapping" contains "$TMP/err" \
    "warning: $D/arche.md:2: $w"
check "the mapping's post takes its body's first line" is \
    "$(title_of map.md)" "Mapping body line."
finish
