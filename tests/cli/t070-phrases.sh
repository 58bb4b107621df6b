#!/bin/sh
# t070-phrases.sh - Phrases on an index without positions.  The quick test
# that rejects most candidates (NSEARCH_NO_PHRASE_PREFILTER turns it off)
# must never change a result: 400 phrases cut from Reuters' own text,
# punctuation, numbers and acronyms included, give the same hits, in the
# same order, with the same totals either way; and each of them finds the
# article it was cut from.
. "$(dirname "$0")/lib.sh"

src=$SHARED/corpora/reuters21578/articles.jsonl.gz
run out err nindex --db "$TMP/db" --rebuild "$src"
check "Reuters rebuild (one empty record skipped)" is "$rc" 3
python3 - "$src" >"$TMP/phrases.tsv" <<'PY'
import gzip, json, random, re, sys
rng = random.Random(11)
arts = [json.loads(l) for l in gzip.open(sys.argv[1], "rt")]
n = 0
while n < 400:
    a = rng.choice(arts)
    words = re.findall(r"[A-Za-z0-9.,'&+#-]+", a["body"])
    if len(words) < 6:
        continue
    i = rng.randrange(len(words) - 3)
    phrase = " ".join(words[i:i + rng.choice([2, 2, 3])])
    print("%s\t\"%s\"" % (a["id"], phrase.replace('"', "")))
    n += 1
PY
nsearch --db "$TMP/db" --batch --related 0 --snippet-len 0 --limit 100 <"$TMP/phrases.tsv" >"$TMP/on"
NSEARCH_NO_PHRASE_PREFILTER=1 "$NSEARCH_BIN/nsearch" --db "$TMP/db" --batch --related 0 \
    --snippet-len 0 --limit 100 <"$TMP/phrases.tsv" >"$TMP/off"
check "the quick test changes no result" python3 - "$TMP/on" "$TMP/off" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == len(b) == 400, (len(a), len(b))
bad = [x["query"] for x, y in zip(a, b)
       if [h["id"] for h in x["hits"]] != [h["id"] for h in y["hits"]] or x["total"] != y["total"]]
assert not bad, bad[:5]
PY
# Each phrase, restricted to the article it was cut from, finds it.
sed 's/^\([^	]*\)	\(.*\)$/\1	\2 id:\1/' "$TMP/phrases.tsv" >"$TMP/own.tsv"
nsearch --db "$TMP/db" --batch --related 0 --snippet-len 0 <"$TMP/own.tsv" >"$TMP/own"
check "each phrase finds the article it came from" python3 - "$TMP/own" <<'PY'
import json, sys
missing = [(d["qid"], d["query"]) for d in map(json.loads, open(sys.argv[1]))
           if [h["id"] for h in d["hits"]] != [d["qid"]]]
assert not missing, missing[:5]
PY

finish
