#!/bin/sh
# t321-frontmatter-mapping-title.sh - README "Markdown": a front-matter
# field given a mapping ("title: {a: 1}", an unfilled Hugo archetype's
# "title: {{ .Name }}", indented keys under "title:", a TOML inline
# table or a [title] table, a JSON object) is left out with a warning on its key's line, and
# a title given a list of several items keeps its first with a warning.
# Before, each was passed over without a word: the post took its body's
# first line as its title and its body was left empty.
. "$(dirname "$0")/lib.sh"
D=$TMP/site
mkdir -p "$D"
printf -- '---\ndate: 2024-03-01\ntitle: {a: 1}\n---\nThe ferry crews return to work.\n\nThey voted on Monday.\n' >"$D/flow.md"
printf -- '---\ntitle: {{ replace .Name "-" " " | title }}\ndate: 2024-03-02\n---\nThe harbour tolls rise.\n' >"$D/archetype.md"
printf -- '---\ndate: 2024-03-03\ntitle:\n  en: Bridge opens\n  nb: Brua opnar\n---\nThe bridge opens.\n' >"$D/block.md"
printf -- '+++\ndate = 2024-03-04\ntitle = {text = "Old pier"}\n+++\nThe old pier of oak.\n' >"$D/toml.md"
printf -- '+++\ndate = 2024-03-08\n[title]\nmain = "Tide tables"\n[params]\nlang = "xx"\n+++\nThe tide tables are out.\n' >"$D/table.md"
printf -- '{\n  "date": "2024-03-05",\n  "title": {"text": "Night bus"}\n}\nThe night bus returns.\n' >"$D/json.md"
printf -- '---\ntitle: [Storm, floods hit the coast]\ndate: 2024-03-06\n---\nThe storm floods the coast.\n' >"$D/list.md"
printf -- '---\ntitle: New pier\nparams: {weight: 3}\ndate: 2024-03-07\n---\nA pier of oak.\n' >"$D/params.md"

run out err nindex --db "$TMP/db" "$D"
check "nothing skipped (exit 0)" is "$rc" 0
w="is a mapping, not text: left out (quote the value to keep it as text)"
check "YAML flow mapping: said on its line (3)" contains "$TMP/err" \
    "warning: $D/flow.md:3: key 'title' $w"
check "unfilled archetype: said on its line (2)" contains "$TMP/err" \
    "warning: $D/archetype.md:2: key 'title' $w"
check "YAML block mapping: said on its line (3)" contains "$TMP/err" \
    "warning: $D/block.md:3: key 'title' $w"
check "TOML inline table: said on its line (3)" contains "$TMP/err" \
    "warning: $D/toml.md:3: key 'title' $w"
check "TOML [title] table: said on its header's line (3)" contains "$TMP/err" \
    "warning: $D/table.md:3: key 'title' $w"
check "JSON object: said on its line (3)" contains "$TMP/err" \
    "warning: $D/json.md:3: key 'title' $w"
check "a list title: said, its first item kept" contains "$TMP/err" \
    "warning: $D/list.md:2: key 'title' is a list of 2 items: the first is kept (quote the value to keep it whole)"
check "a mapping where no field is (params): no word" lacks "$TMP/err" params.md
check "seven warnings counted" contains "$TMP/out" "; 7 warnings"
check "eight articles" is "$(nsearch --db "$TMP/db" --json '*' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 8
check "the post still takes its title from its body" is \
    "$(nsearch --db "$TMP/db" --json 'id:flow.md' |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["title"])')" \
    "The ferry crews return to work."
finish
