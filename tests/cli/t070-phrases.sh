#!/bin/sh
# t070-phrases.sh - Phrases on an index without positions.  The quick tests
# (the pair signature, prefilter and field scan; NSEARCH_NO_PHRASE_PREFILTER
# turns them off and leaves Xapian's own re-tokenising) must never change a
# result: 400
# phrases cut from Reuters' own text, punctuation, numbers and acronyms
# included, give the same hits, in the same order, with the same totals
# either way; each of them finds the article it was cut from; and so do the
# phrases over deliberately awkward text below.
. "$(dirname "$0")/lib.sh"

# agree DB QUERIES: every query of QUERIES (id<TAB>query lines) gives the
# same hits, in the same order, and the same exact total (or an estimate
# each time) with the quick tests,
# without them, and without the pair signature alone; writes the results
# to QUERIES.on.
agree() {
    nsearch --db "$1" --batch --related 0 --snippet-len 0 --limit 100 <"$2" >"$2.on"
    NSEARCH_NO_PHRASE_PREFILTER=1 "$NSEARCH_BIN/nsearch" --db "$1" --batch \
        --related 0 --snippet-len 0 --limit 100 <"$2" >"$2.off"
    NSEARCH_NO_PAIR_SIGNATURE=1 "$NSEARCH_BIN/nsearch" --db "$1" --batch \
        --related 0 --snippet-len 0 --limit 100 <"$2" >"$2.nosig"
    python3 - "$2" "$2.on" "$2.off" "$2.nosig" <<'PY'
import json, sys
n = sum(1 for _ in open(sys.argv[1]))
a = [json.loads(l) for l in open(sys.argv[2])]
for other in sys.argv[3:]:
    b = [json.loads(l) for l in open(other)]
    assert len(a) == len(b) == n, (other, len(a), len(b), n)
    # Estimated totals may differ: the signature in the match changes
    # what Xapian's estimate is scaled from (closer to the true count).
    bad = [x["query"] for x, y in zip(a, b)
           if [h["id"] for h in x["hits"]] != [h["id"] for h in y["hits"]]
           or x["total_exact"] != y["total_exact"]
           or (x["total_exact"] and x["total"] != y["total"])]
    assert not bad, (other, bad[:5])
PY
}

src=$SHARED/corpora/reuters21578/articles.jsonl.gz
run out err nindex --db "$TMP/db" --rebuild "$src"
check "Reuters rebuild (one empty record skipped)" is "$rc" 3
# A pair of common words adjacent in under 5% of the reference articles
# with both words has a pair term (dense-pairs-en.txt): "and it", in 214
# of the 8,939 Reuters articles with both words, is counted exactly
# without a text check (by the check alone the count is an estimate).
nsearch --db "$TMP/db" --json --related 0 --no-collapse '"and it"' >"$TMP/andit"
check "a pair term counts \"and it\" exactly" python3 - "$src" "$TMP/andit" <<'PY'
import gzip, json, re, sys
word = re.compile(r"[^\W_]+(?:['&][^\W_]+)*(?:[.,][0-9]+)*")
n = 0
for line in gzip.open(sys.argv[1], "rt"):
    a = json.loads(line)
    texts = [a.get("title") or "", a.get("body") or ""] + list(a.get("headings") or [])
    n += any(("and", "it") in zip(w, w[1:])
             for w in (word.findall(t.lower()) for t in texts))
r = json.load(open(sys.argv[2]))
assert r["total_exact"] and r["total"] == n and len(r["hits"]) == 10, (r["total"], r["total_exact"], n)
PY
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
check "400 phrases cut" is "$(wc -l <"$TMP/phrases.tsv")" 400
check "the quick tests change no result" agree "$TMP/db" "$TMP/phrases.tsv"
# NEAR, checked by the same scan: words a few apart in Reuters articles,
# with windows smaller and larger than their distance.
python3 - "$src" >"$TMP/near.tsv" <<'PY'
import gzip, json, random, re, sys
rng = random.Random(12)
arts = [json.loads(l) for l in gzip.open(sys.argv[1], "rt")]
n = 0
while n < 200:
    a = rng.choice(arts)
    words = re.findall(r"[A-Za-z0-9]+", a["body"])
    if len(words) < 12:
        continue
    i = rng.randrange(len(words) - 8)
    gap = rng.randrange(1, 5)
    q = "%s NEAR/%d %s" % (words[i], rng.randrange(2, 7), words[i + gap])
    if rng.random() < 0.3:
        q += " NEAR/%d %s" % (rng.randrange(3, 9), words[i + gap + rng.randrange(1, 4)])
    print("%s\t%s" % (a["id"], q))
    n += 1
PY
check "the quick tests change no NEAR result" agree "$TMP/db" "$TMP/near.tsv"
check "NEAR queries both match and miss" python3 - "$TMP/near.tsv.on" <<'PY'
import json, sys
a = [json.loads(l) for l in open(sys.argv[1])]
assert len(a) == 200
assert sum(1 for x in a if x["hits"]) > 50 and sum(1 for x in a if not x["hits"]) > 5
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

# Text where Xapian's word rules are subtle: acronyms with and without the
# last dot, joiners (apostrophes, '&', digits' separators, zero-width), the
# Kelvin sign, C++ suffixes, a word too long to index, JSON escapes, CJK,
# and words across two fields.  Every pair and triple of neighbouring
# ASCII words, and the words glued across the odd places, as phrases: the
# quick tests must agree with Xapian's own reading (the test turned off).
python3 - >"$TMP/tricky.jsonl" <<'PY'
import json
texts = [
    ("Acronyms", "The A.B average rose; the U.S average fell and U.S.A. growth held, e.g. here"),
    ("Joiners", "x\u200bworld average and data\u2060base size and \ufeffbom start"),
    ("Kelvin", "At 5 \u212aelvin scale the \u0130stanbul trade grew"),
    ("Apostrophes", "the world's average and the world\u2019s best and rock'n'roll music"),
    ("Ampersands", "AT&T profits and M&S sales in a Q&A session"),
    ("Numbers", "1,000 tonnes in 3.14 seconds at a 3;4 ratio, a 12.5% rise, 1'000 units"),
    ("Suffixes", "C++ code and C# code and fish+chips supper and a++b"),
    ("Long", "word " + "x" * 70 + " next word and " + "y" * 30 + "'" + "z" * 40 + " last word"),
    ("Escapes", "tab\tseparated\twords and new\nline words and \"quoted\" words and back\\slash words"),
    ("Accents", "caf\u00e9 society and na\u00efve buyers"),
    ("CJK", "Tokyo \u6771\u4eac market and \u4e2d\u6587 text"),
    ("Field end", "Field start of the body"),
]
for i, (title, body) in enumerate(texts):
    a = {"id": "t%d" % i, "title": title, "body": body}
    if i == 0:
        a["author"] = "Ann Smith"  # not in the default field's signature
    print(json.dumps(a, ensure_ascii=False))
PY
python3 - "$TMP/tricky.jsonl" >"$TMP/tricky.tsv" <<'PY'
import json, re, sys
phrases = set()
for line in open(sys.argv[1]):
    a = json.loads(line)
    for text in (a["title"], a["body"], a["title"] + " " + a["body"]):
        w = re.findall(r"[A-Za-z0-9]+", text)
        for n in (2, 3):
            for i in range(len(w) - n + 1):
                phrases.add(" ".join(w[i:i + n]).lower())
        glued = re.findall(r"[A-Za-z0-9]+(?:[^A-Za-z0-9 \t\n]+[A-Za-z0-9]+)+", text)
        for g in glued:
            phrases.add(re.sub(r"[^A-Za-z0-9]", "", g).lower() + " " + w[-1].lower())
for extra in ("ab average", "us average", "usa growth", "xworld average",
              "kelvin scale", "field end field", "end field", "word next",
              "and last"):
    phrases.add(extra)
for i, p in enumerate(sorted(phrases)):
    print('p%d\t"%s"' % (i, p))
    w = p.split()
    print('n%d\t%s NEAR/%d %s' % (i, w[-1], 2 + i % 3, w[0]))
PY
run out err nindex --db "$TMP/tdb" --rebuild --force "$TMP/tricky.jsonl"
check "tricky texts indexed" is "$rc" 0
check "tricky queries written" test "$(wc -l <"$TMP/tricky.tsv")" -gt 400
check "quick tests agree with Xapian on tricky text" agree "$TMP/tdb" "$TMP/tricky.tsv"
# "world's" is one word to Xapian, and a phrase also matches its words'
# possessives (phrase-fold.cc): "world average" finds "the world's
# average" (before, 0).
for p in '"ab average":1' '"xworld average":1' '"world average":1' '"word next":1' \
         '"field end field":0' '"fish chips":1' '"1 000 tonnes":0' '"kelvin scale":1' \
         'author:"ann smith":1' 'title:"field end":1'; do
    q=${p%:*}
    nsearch --db "$TMP/tdb" --json --related 0 "$q" >"$TMP/one"
    check "tricky $q finds ${p##*:}" python3 -c \
        'import json, sys; assert json.load(open(sys.argv[1]))["total"] == int(sys.argv[2])' \
        "$TMP/one" "${p##*:}"
done

# A phrase's snippet is its passage, with the phrase marked: its words'
# stems, which only pick the candidates, marked "banks" and a lone "Bank"
# (BBC News' bbc-business-389) in a passage without the phrase.
zcat "$SHARED/corpora/bbc/articles.jsonl.gz" | grep '"bbc-business-' |
    head -400 >"$TMP/biz.jsonl"
nindex --quiet --db "$TMP/bizdb" "$TMP/biz.jsonl"
for p in '"world bank"' '"central bank"' '"stock market"'; do
    nsearch --db "$TMP/bizdb" --json --related 0 --limit 50 "$p" >"$TMP/ph.json"
    check "$p: each snippet marks the phrase, and only it" python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
want = sys.argv[2].strip("\"")
assert d["total"] >= 3, d["total"]
marked = 0
for h in d["hits"]:
    # A possessive of the phrase is the phrase (phrase-fold.cc), its
    # quote escaped &#x27; here; a hit with the phrase in its title alone
    # shows the lead, unmarked.
    marks = [re.sub("(?:[\x27\u2019]|&#x27;)s\\b", "", m.lower().replace("-", " "))
             for m in re.findall(r"<mark>(.*?)</mark>", h["snippet_html"])]
    assert set(marks) <= {want}, (h["id"], marks)
    marked += bool(marks)
assert marked >= 3, marked' "$TMP/ph.json" "$p"
done

# A phrase of two common words is run by its pair term (pairs.cc), as the
# AND of its words: it marked each word alone, everywhere, "World
# <mark>Bank</mark>" for "west bank" and "<mark>new</mark> kit
# <mark>deal</mark>" in a title for "new deal".  The marks are the
# phrase's, in snippets, titles and text ("world bank" above has no pair
# term: a dense pair).
for p in '"west bank"' '"new deal"'; do
    nsearch --db "$TMP/bizdb" --json --related 0 --limit 50 "$p" >"$TMP/ph.json"
    check "$p: marks the phrase alone" python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1]))
want = sys.argv[2].strip("\"")
marks = [m.lower() for h in d["hits"] for m in
         re.findall(r"<mark>(.*?)</mark>", h["snippet_html"] + h["title_html"])]
assert d["total"] >= 1 and set(marks) == {want}, marks' "$TMP/ph.json" "$p"
done
cat >"$TMP/wb.jsonl" <<'EOF'
{"id": "wb", "title": "West Bank news: the west and a bank", "body": "Settlers in the West Bank attacked. The west is quiet. A bank is closed."}
EOF
nindex --quiet --db "$TMP/wbdb" "$TMP/wb.jsonl"
nsearch --db "$TMP/wbdb" --json --related 0 '"west bank"' >"$TMP/wb.json"
check "a pair phrase's snippet marks it alone" contains "$TMP/wb.json" \
    'the <mark>West Bank</mark> attacked. The west is quiet. A bank is closed.'
check "a pair phrase's title marks it alone" contains "$TMP/wb.json" \
    '<mark>West Bank</mark> news: the west and a bank'
nsearch --db "$TMP/wbdb" --related 0 --color always '"west bank"' >"$TMP/wb.txt"
check "a pair phrase marked alone in text" contains "$TMP/wb.txt" \
    "$(printf 'the \033[1mWest Bank\033[22m attacked. The west is quiet. A bank')"

# NEAR takes each word as written, as a phrase does (README "Query
# language"): "export" near cocoa is not "exports", which AND finds.
cat >"$TMP/near-forms.jsonl" <<'J'
{"id":"nf1","title":"Ivory Coast cocoa exports rise","body":"Shipments grew."}
{"id":"nf2","title":"Ghana cocoa export levy","body":"A new levy."}
J
nindex --quiet --db "$TMP/nfdb" "$TMP/near-forms.jsonl"
nf_ids() {
    nsearch --db "$TMP/nfdb" --json --related 0 --no-collapse "$1" |
        python3 -c 'import json, sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "NEAR: the form as written" is "$(nf_ids 'cocoa NEAR/5 export')" nf2
check "NEAR: the other form" is "$(nf_ids 'cocoa NEAR/5 exports')" nf1
check "AND: both forms" is "$(nf_ids 'cocoa AND export')" "nf1 nf2"
check "NEAR OR NEAR: both" \
    is "$(nf_ids '(cocoa NEAR/5 export) OR (cocoa NEAR/5 exports)')" "nf1 nf2"

finish
