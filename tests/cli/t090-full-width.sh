#!/bin/sh
# t090-full-width.sh - Full-width Latin letters (U+FF01-FF5E: "ＧＤＰ",
# "ＩＭＦ"), as Japanese and Chinese news write acronyms and names.  They
# are indexed and searched as their ASCII forms, so the full-width and
# the ASCII spelling find each other, in words and phrases, while the
# stored text and the snippet keep them as written.  Before, Xapian read
# them as CJK n-grams that no query matched, and a rebuild whose first
# article had one refused to publish (its canary query found nothing).
. "$(dirname "$0")/lib.sh"

# The Japanese title first: it is the rebuild's canary.
printf '%s\n' \
    '{"id":"jp-1","title":"日本のＧＤＰ成長率","body":"内閣府はＧＤＰ速報値を発表した。","lang":"ja"}' \
    '{"id":"jp-2","title":"ＩＭＦ report on growth","body":"The ＩＭＦ said growth would slow.","lang":"en"}' \
    '{"id":"en-1","title":"IMF cuts its forecast","body":"The IMF cut its forecast for world growth.","lang":"en"}' \
    >"$TMP/a.jsonl"
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl" 2>/dev/null

# hits QUERY: the ids of the hits, sorted.
hits() {
    nsearch --db "$TMP/db" --json --related 0 --limit 50 -- "$1" |
        python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "full-width query: ＧＤＰ" is "$(hits 'ＧＤＰ')" "jp-1"
check "ASCII query, full-width text: GDP" is "$(hits 'GDP')" "jp-1"
check "lower case: gdp" is "$(hits 'gdp')" "jp-1"
check "full-width query, both spellings: ＩＭＦ" is "$(hits 'ＩＭＦ')" "en-1 jp-2"
check "ASCII query, both spellings: IMF" is "$(hits 'IMF')" "en-1 jp-2"
check "field: title:ＩＭＦ" is "$(hits 'title:ＩＭＦ')" "en-1 jp-2"
check "phrase, ASCII: \"IMF report\"" is "$(hits '"IMF report"')" "jp-2"
check "phrase, full-width: \"ＩＭＦ report\"" is "$(hits '"ＩＭＦ report"')" "jp-2"
check "phrase in the body: \"the IMF said\"" is "$(hits '"the IMF said"')" "jp-2"
check "phrase with CJK: \"ＧＤＰ 成長率\"" is "$(hits '"ＧＤＰ 成長率"')" "jp-1"
check "a phrase that is not there" is "$(hits '"IMF growth"')" ""

# The hit shows the text as written, with the full-width word marked.
nsearch --db "$TMP/db" --json --related 0 -- 'IMF said' >"$TMP/hit.json"
check "snippet keeps and marks the full-width word" python3 - "$TMP/hit.json" <<'PY'
import json, sys
hits = {h["id"]: h for h in json.load(open(sys.argv[1]))["hits"]}
h = hits["jp-2"]
assert h["title"] == "ＩＭＦ report on growth", h
assert "<mark>ＩＭＦ</mark>" in h["snippet_html"], h
PY

# A rebuild whose canary is the article with ＧＤＰ in its title.
run out err nindex --db "$TMP/db" --rebuild "$TMP/a.jsonl"
check "rebuild: exit 0" is "$rc" 0
check "rebuild: no refusal" lacks "$TMP/err" "refusing"
check "rebuilt: ＧＤＰ found" is "$(hits 'ＧＤＰ')" "jp-1"

finish
