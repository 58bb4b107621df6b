#!/bin/sh
# t267-snippet-whole.sh - A snippet's ends never cut a character, a word
# or an emoji (README "nsearch: searching").  A quoted phrase longer than
# a small --snippet-len / snippet_len cut "Øyafestivalen" inside its "Ø",
# and --json and /v1/search then left "snippet" and "snippet_html" out of
# the hit; it is shown to the end of the word.  A passage that starts or
# ends at a hyphen shows the whole word ("...-Norge" for "Nord-Norge",
# "mid-..." for "mid-September").  A rainbow flag at a passage's end kept
# its white flag only, and an emoji family alone between two words was
# shown as " ... ".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

check "index the samples" index_samples

python3 - >"$TMP/a.jsonl" <<'PY'
import json
f = "The harbour board met on Monday to discuss the budget for many things. "
arts = [
    ("h2", "Hyphen end", f * 3 + "The walrusbite came in mid-September "
     "when the 19-year-old defender fell. " + f * 3),
    ("e", "Emoji", "Cafe and Skarsgard words here \U0001F44D\U0001F3FD and "
     "\U0001F3F3\ufe0f\u200d\U0001F308 and \U0001F1F3\U0001F1F4 flags near "
     "the walrus; more text follows here and there."),
    ("f", "Family", "Start \U0001F389\U0001F389\U0001F389 party "
     "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 family "
     "time with kittens."),
]
for i, title, body in arts:
    print(json.dumps({"id": i, "title": title, "body": body},
                     ensure_ascii=False))
PY
check "index" nindex --quiet --db "$TMP/own" "$TMP/a.jsonl"

# field DB FIELD ID ARGS...: FIELD of hit ID of the search, "(none)" when
# the hit has no such key.
field() {
    db=$1 f=$2 id=$3
    shift 3
    nsearch --db "$db" --json --related 0 "$@" | python3 -c '
import json, sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[2]:
        print(h.get(sys.argv[1], "(none)"))' "$f" "$id"
}

# A phrase longer than the snippet: to the end of its first word.
phrase='"Øyafestivalen er"'
check "snippet_len 1: the first word whole, marked" \
    is "$(field "$TMP/db" snippet_html oyafestivalen-2025 --snippet-len 1 "$phrase")" \
    "<mark>Øyafestivalen</mark>..."
check "snippet_len 1: the plain snippet is there" \
    is "$(field "$TMP/db" snippet oyafestivalen-2025 --snippet-len 1 "$phrase")" \
    "Øyafestivalen..."
check "snippet_len 11: not cut inside the word" \
    is "$(field "$TMP/db" snippet_html oyafestivalen-2025 --snippet-len 11 "$phrase")" \
    "<mark>Øyafestivalen</mark>..."
nsearch --db "$TMP/db" --related 0 --snippet-len 1 "$phrase" >"$TMP/text"
check "the text output is valid UTF-8" \
    python3 -c 'open(__import__("sys").argv[1], "rb").read().decode("utf-8")' \
    "$TMP/text"
check "the text output shows the word" contains "$TMP/text" "Øyafestivalen**..."

# Words joined by hyphens, whole at both ends.
field "$TMP/db" snippet hetebolge-nord-norge 'valget i Norge' >"$TMP/norge"
check "a passage starting inside Nord-Norge shows it whole" \
    is "$(cut -c1-13 "$TMP/norge")" "...Nord-Norge"
# ends FILE: no snippet of FILE (one a line) starts or ends inside a word
# joined by hyphens.
ends() {
    python3 -c '
import re, sys
sys.exit(any(re.match(r"\.\.\.[-\u2010\u2011]\w", s) or
             re.search(r"\w[-\u2010\u2011]\.\.\.$", s)
             for s in open(sys.argv[1]).read().splitlines()))' "$1"
}
for len in 30 35 40 45 50 55 60 65 70; do
    field "$TMP/own" snippet h2 --snippet-len $len walrusbite
done >"$TMP/h2"
check "no passage ends inside mid-September or 19-year-old" \
    ends "$TMP/h2"

# Emoji whole at a passage's end, and one alone kept whole.
check "a rainbow flag at the end keeps its rainbow" \
    is "$(field "$TMP/own" snippet e --snippet-len 45 skarsgard)" \
    "...and Skarsgard words here 👍🏽 and 🏳️‍🌈..."
check "a rainbow flag with the text's start" \
    is "$(field "$TMP/own" snippet e --snippet-len 50 skarsgard)" \
    "Cafe and Skarsgard words here 👍🏽 and 🏳️‍🌈..."
for len in 36 50; do
    field "$TMP/own" snippet f --snippet-len $len party >"$TMP/f$len"
    check "snippet_len $len: an emoji family is not shown as ' ... '" \
        lacks "$TMP/f$len" "party ... family"
done

# Over HTTP: both keys, the word whole.
check "server starts" start_server
get p.json '/v1/search?q=%22%C3%98yafestivalen%20er%22&snippet_len=3&related=0'
check "HTTP: 200" is "$code" 200
check "HTTP: a hit with both keys, the word whole" json p.json \
    'd["hits"] and all("snippet" in h and "snippet_html" in h for h in d["hits"]) and d["hits"][0]["snippet_html"] == "<mark>Øyafestivalen</mark>..."'

finish
