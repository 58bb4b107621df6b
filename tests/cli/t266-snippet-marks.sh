#!/bin/sh
# t266-snippet-marks.sh - What a snippet and a title mark, and how a lead
# ends (README "nsearch: searching").  Chinese text, indexed as n-grams,
# is marked in the snippet and the title, one mark for a word, and the
# snippet is the passage that has the word (it was the lead, unmarked).
# An article without a body has no snippet for any query (a word query
# showed its headline again).  A lead cut after a full stop gets no
# "..." ("months...." before).
. "$(dirname "$0")/lib.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
filler = "这是一个很长的句子，没有什么意义。" * 30
arts = [
    {"id": "zh1", "lang": "zh", "title": "北京发生地震",
     "body": "今天北京发生了地震。" + filler + "上海也感觉到了地震。"},
    {"id": "nobody", "title": "Walrus seen in the harbour", "body": "",
     "section": "Empty"},
    {"id": "stop", "title": "Stop", "section": "Lead",
     "body": "The council met for twelve months. " +
             "Then it stopped meeting for good and went home. " * 10},
]
for a in arts:
    print(json.dumps(a, ensure_ascii=False))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" 2>"$TMP/index.err"

# field FIELD ID ARGS...: FIELD of hit ID of the search, "(none)" when the
# hit has no such key.
field() {
    f=$1 id=$2
    shift 2
    nsearch --db "$TMP/db" --json --related 0 "$@" | python3 -c '
import json, sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[2]:
        print(h.get(sys.argv[1], "(none)"))' "$f" "$id"
}

# Chinese: the passage with the word, the word marked once.
field snippet_html zh1 上海 >"$TMP/zh"
check "a Chinese word is marked in the snippet" \
    contains "$TMP/zh" "<mark>上海</mark>也感觉到了地震。"
check "the snippet is the passage with the word, not the lead" \
    lacks "$TMP/zh" "今天北京"
check "a Chinese word is marked in the title" \
    is "$(field title_html zh1 北京)" "<mark>北京</mark>发生地震"
check "a word of four characters is one mark" \
    is "$(field title_html zh1 北京发生)" "<mark>北京发生</mark>地震"
field snippet_html zh1 地震 >"$TMP/zh2"
check "two words' marks do not run together" \
    contains "$TMP/zh2" "<mark>地震</mark>。"

# No body: no snippet, for a word query as for the empty one.
check "no body: no snippet for a word" \
    is "$(field snippet nobody walrus)" ""
check "no body: no snippet for the empty query" \
    is "$(field snippet nobody section:Empty)" ""
check "no body: the title is still marked" \
    is "$(field title_html nobody walrus)" "<mark>Walrus</mark> seen in the harbour"

# A lead cut after a stop ends with it, one cut mid-sentence with "...".
check "a lead cut after a stop: no ..." \
    is "$(field snippet stop section:Lead --snippet-len 36)" \
    "The council met for twelve months."
check "a lead cut mid-sentence: ..." \
    is "$(field snippet stop section:Lead --snippet-len 50)" \
    "The council met for twelve months. Then it stopped..."

finish
