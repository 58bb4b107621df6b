#!/bin/sh
# t177-lucene-edges.sh - The edges of Lucene's syntax (t176): an escaped
# hyphen joins its word, a '!' inside or after a word and a '?' starting
# one are punctuation, a '?' that fits too many words searches the most
# frequent with a warning, and a pasted address keeps its "&&".
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys, string
docs = [
    ("em", "Mail news", "Send an e-mail to the desk."),
    ("ya", "Portal results", "Yahoo! posted results."),
    ("oi", "Oil note", "Oil and more oil."),
    ("kk", "Letters", " ".join("k%sb" % c for c in string.ascii_lowercase)),
]
with open(sys.argv[1], "w") as f:
    for i, t, b in docs:
        f.write(json.dumps({"id": i, "title": t, "body": b}) + "\n")
PY
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

ids() {
    nsearch --db "$TMP/db" --json --limit 100 --no-collapse -- "$1" \
        2>"$TMP/ids.err" >"$TMP/ids.json"
    python3 -c 'import json,sys; print(",".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$TMP/ids.json"
}

check "e\\-mail is e-mail" is "$(ids 'e\-mail')" "$(ids 'e-mail')"
check "e\\-mail: the article" is "$(ids 'e\-mail')" "em"
check "Yahoo!: the word" is "$(ids 'Yahoo!')" "ya"
check "?il: punctuation, oil not excluded or expanded" is "$(ids 'oil ?il')" "oi"
check "k?b: 26 words fit, 20 searched" is "$(ids 'k?b')" "kk"
check "k?b: the warning" contains "$TMP/ids.err" \
    "'k?b' matches 26 words; the 20 most frequent were searched"
# The words a '?' word is looked for among are bounded: 60,000 words that
# start with "zq" (an archive of millions has as many starting with "s").
python3 - "$TMP/many.jsonl" <<'PY'
import itertools, json, string, sys
words = ("zq" + "".join(t) for t in itertools.product(string.ascii_lowercase, repeat=4))
body = " ".join(itertools.islice(words, 60000))
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "many", "title": "Many words", "body": body}) + "\n")
PY
nindex --db "$TMP/db" --quiet "$TMP/many.jsonl" >/dev/null 2>&1
check "zq?aab: found among the first words read" is "$(ids 'zq?aab')" "many"
check "zq?aab: the scan bound is said" contains "$TMP/ids.err" \
    "'zq?aab' was looked for among the first 50000 words that start as it does"
check "an address's && is no AND" is "$(ids 'https://x.example/portal-results?a=1&&b=2')" "ya"
finish
