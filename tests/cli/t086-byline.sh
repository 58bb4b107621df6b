#!/bin/sh
# t086-byline.sh - A reporter's name finds the reporter's articles without
# author: (the byline is a run of the default field, common/index-fields.cc
# index_fields), in every form a word is found by (capitals, folded
# diacritics, phrases, NEAR, did you mean), weighing nothing so that a
# story about the name still ranks first (t282); a phrase never runs
# from the byline into the body; replacing an article drops its old
# byline; and related posts leave the byline out of a story
# (common/related.cc drop_byline), so that a reporter's other stories are
# not listed as the same story.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "ferry", "title": "Ferry timetable changes on the fjord", "author": "Øystein Quillfeather", "date": "2025-03-01T10:00:00Z", "body": "Oslo ferries sail later from Monday. The operator blames a shortage of crews."}
{"id": "bridge", "title": "Bridge closed for repairs", "author": "Kari Nordmann", "date": "2025-03-02T10:00:00Z", "body": "Harbour traffic is diverted while engineers inspect the cables of the old bridge."}
{"id": "about", "title": "Quillfeather prize goes to young poet", "author": "Per Olsen", "date": "2025-03-03T10:00:00Z", "body": "The Quillfeather prize for verse was awarded on Friday to a poet from Bergen."}
{"id": "plain", "title": "Weather", "author": "Per Olsen", "date": "2025-03-03T11:00:00Z", "body": "Rain tomorrow along the coast, dry inland."}
EOF
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY [OPTIONS]: the ids of the hits, in rank order, space-separated.
ids() {
    q=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 20 "$@" "$q" |
        python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}

check "a byline word finds the article" is "$(ids nordmann)" "bridge"
check "capitalised" is "$(ids Nordmann)" "bridge"
check "in capitals" is "$(ids 'KARI NORDMANN')" "bridge"
check "without the diacritic" is "$(ids oystein)" "ferry"
check "with it" is "$(ids Øystein)" "ferry"
check "the whole name" is "$(ids 'kari nordmann')" "bridge"
check "the name as a phrase" is "$(ids '"kari nordmann"')" "bridge"
check "the name with NEAR" is "$(ids 'kari NEAR/1 nordmann')" "bridge"
check "author: still finds it" is "$(ids author:nordmann)" "bridge"
check "title: does not" is "$(ids title:nordmann)" ""
check "a name word with a topic word" is "$(ids '+quillfeather +ferries')" "ferry"
# The byline weighs nothing: the article about the name, which has it in
# its title and body, ranks above the one only signed with it.
check "a story about the name ranks first" is "$(ids quillfeather)" "about ferry"
# Fields are runs of their own: no phrase from the byline into the body
# (nor from the section before it), checked by the text and by Xapian.
check "no phrase from byline into body" is "$(ids '"nordmann harbour"')" ""
check "no phrase from title into byline" is "$(ids '"repairs kari"')" ""
check "no NEAR from byline into body" is "$(ids 'nordmann NEAR/2 harbour')" ""

# Did you mean knows the names.
nsearch --db "$TMP/db" --json --related 0 nordmnn >"$TMP/dym.json"
check "did you mean a byline word" contains "$TMP/dym.json" '"nordmann"'

# Replacing the article with another byline drops the old name.
cat >"$TMP/b.jsonl" <<'EOF'
{"id": "bridge", "title": "Bridge closed for repairs", "author": "Ola Dunderhead", "date": "2025-03-02T10:00:00Z", "body": "Harbour traffic is diverted while engineers inspect the cables of the old bridge."}
EOF
check "replace" nindex --quiet --db "$TMP/db" "$TMP/b.jsonl"
check "the old byline no longer finds it" is "$(ids nordmann)" ""
check "the new one does" is "$(ids dunderhead)" "bridge"

# Related posts: two stories by one reporter in a week, on nothing alike
# but her name (rare, so it would be the heaviest words of a story), and
# a follow-up of the first story by someone else.
rm -rf "$TMP/db"
cat >"$TMP/c.jsonl" <<'EOF'
{"id": "dam1", "title": "Dam inspectors find cracks in the spillway", "author": "Ingeborg Wexelsen", "date": "2025-04-01T10:00:00Z", "body": "Inspectors found cracks in the spillway of the Storvatn dam. The regulator ordered the reservoir lowered while the spillway is repaired."}
{"id": "dam2", "title": "Storvatn reservoir lowered after spillway cracks", "author": "Per Olsen", "date": "2025-04-03T10:00:00Z", "body": "The reservoir behind the Storvatn dam is being lowered after inspectors found cracks in its spillway. Repairs start next month."}
{"id": "choir", "title": "Choir wins national contest", "author": "Ingeborg Wexelsen", "date": "2025-04-04T10:00:00Z", "body": "The town choir won the national contest in Trondheim with a programme of folk songs. The conductor thanked the singers."}
{"id": "x1", "title": "Bus fares rise", "author": "Per Olsen", "date": "2025-04-02T10:00:00Z", "body": "Bus fares rise by five percent in May, the county said."}
{"id": "x2", "title": "School opens library", "author": "Per Olsen", "date": "2025-04-02T11:00:00Z", "body": "The new school library opens with ten thousand books on Monday."}
{"id": "x3", "title": "Harbour dredging begins", "author": "Per Olsen", "date": "2025-04-02T12:00:00Z", "body": "Dredging of the inner harbour begins next week and lasts a month."}
EOF
check "index the week" nindex --quiet --db "$TMP/db" "$TMP/c.jsonl"
check "the follow-up is the story's related post" is "$(related_ids dam1 2025-04-05T00:00:00Z)" "dam2"
check "the reporter's other story is not" is "$(related_ids choir 2025-04-05T00:00:00Z)" ""

finish
