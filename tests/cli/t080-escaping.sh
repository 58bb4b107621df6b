#!/bin/sh
# t080-escaping.sh - Every HTML field is escaped, every plain field is the
# text as written: `snippet_html` (and any other `*_html` field) from
# `nsearch --json`, `--batch` and nsearchd, on articles whose title and
# body hold markup, `&`, quotes, entity-looking text, and matches right
# next to tags.
#
# A snippet_html that lets one `<` through is an XSS hole in every page
# that trusts it; checking that `<mark>` is present says nothing about
# that, so each HTML field is checked whole: once the <mark> tags are
# removed it holds no `<`, `>` or `"` and no `&` that does not start an
# entity, and unescaped it is exactly the plain field.  The plain snippet
# must be the article's own text (cut, white space folded), never text
# decoded from entities the article merely mentions.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
arts = [
    # Markup kept as text by the record's own word (a body of balanced
    # tags is otherwise read as HTML, README "JSON Lines"), so that the
    # stored text holds every tag the fields must escape.
    {"id": "x-script", "lang": "en", "date": "2025-09-01",
     "body_format": "text",
     "title": "<script>alert('t')</script> Cooling & \"quoted\" title",
     "body": "Engineers discussed cooling <script>alert(1)</script> for the "
             "servers & the \"hot aisle\" problem, said O'Brien. Then "
             "x<b>cooling</b>y and <i>cooling</i>, cooling<br>next, "
             "<a href=\"javascript:alert(3)\">cooling</a> & done."},
    {"id": "x-entity", "lang": "en", "date": "2025-09-02",
     "title": "Entity text in the body",
     "body": "The page showed &lt;img src=x onerror=alert(1)&gt; next to the "
             "cooling report, and &amp; and &quot;q&quot; and &#39;s&#39; "
             "as text, and &lt;script&gt; too."},
    {"id": "x-title", "lang": "en", "date": "2025-09-03",
     "title": "<img src=x onerror=alert(2)> cooling title & only", "body": ""},
    {"id": "x-plain", "lang": "en", "date": "2025-09-04",
     "title": "Plain cooling news", "body": "Nothing special: cooling plans."},
]
with open(sys.argv[1], "w") as f:
    for a in arts:
        print(json.dumps(a), file=f)
PY

# The checker: every JSON document in FILE (one per line), every *_html
# field in it, anywhere.  --plain instead compares each plain snippet with
# the article's own text.  --marks requires a <mark> in every hit's HTML
# (the title's for an article without a body, which has no snippet).
# One Python run judges every output (Python starts slowly on a busy
# machine), after all of them are made.
cat >"$TMP/check.py" <<'PY'
import html, json, re, sys
source = {a["id"]: a for a in map(json.loads, open(sys.argv[1]))}
ENTITY = re.compile(r"&(amp|lt|gt|quot|#39|#x27);")

def fold(s):
    return re.sub(r"\s+", " ", s).strip()

def judge(path, plain, marks):
    bad = []

    def walk(node, where):
        if isinstance(node, dict):
            for k, v in node.items():
                if k.endswith("_html") and isinstance(v, str):
                    check_html(k, v, node, where)
                walk(v, where + "." + k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, "%s[%d]" % (where, i))

    def check_html(key, value, parent, where):
        text = value.replace("<mark>", "").replace("</mark>", "")
        for ch in "<>\"":
            if ch in text:
                bad.append("%s.%s: raw %r in %r" % (where, key, ch, value))
        for m in re.finditer("&", text):
            if not ENTITY.match(text, m.start()):
                bad.append("%s.%s: bare & in %r" % (where, key, value))
        if value.count("<mark>") != value.count("</mark>"):
            bad.append("%s.%s: unbalanced marks" % (where, key))
        twin = key[: -len("_html")]
        if twin in parent and html.unescape(text) != parent[twin]:
            bad.append("%s.%s: unescaped it is %r, %s is %r"
                       % (where, key, html.unescape(text), twin, parent[twin]))
        # An article without a body has no snippet: its title is marked.
        marked = value or parent.get("title_html", "")
        if marks and "<mark>" not in marked and key == "snippet_html":
            bad.append("%s.%s: no match marked in %r" % (where, key, value))

    n = 0
    for line in open(path):
        d = json.loads(line)
        if not plain:
            walk(d, "doc")
        for h in d.get("hits", []):
            n += 1
            if not plain or not h.get("snippet"):
                continue
            a = source[h["id"]]
            text = fold(a["body"] or a["title"])
            for piece in h["snippet"].split("..."):
                if fold(piece) and fold(piece) not in text:
                    bad.append("%s: snippet %r is not in the article's text %r"
                               % (h["id"], piece, text))
    if n == 0:
        bad.append("no hits at all")
    return bad

# Each job line: FILE [--plain] [--marks]; each answer: "== JOB ok", or
# "== JOB fail: why".
for job in open(sys.argv[2]):
    job = job.split()
    bad = judge(job[0], "--plain" in job, "--marks" in job)
    print("== %s %s" % (" ".join(job), "fail: " + "; ".join(bad) if bad else "ok"))
PY
# escaped FILE [--plain] [--marks]: the judgement of $TMP/FILE.
escaped() {
    f=$1
    shift
    grep -qxF "== $TMP/$f${*:+ $*} ok" "$TMP/judged" ||
        { grep -F "== $TMP/$f${*:+ $*} " "$TMP/judged"; false; }
}
# judge FILE [FLAGS]...: one job per argument group, run at once.
judge_all() {
    python3 "$TMP/check.py" "$TMP/a.jsonl" "$TMP/jobs" >"$TMP/judged"
}
job() {
    f=$1
    shift
    echo "$TMP/$f${*:+ $*}" >>"$TMP/jobs"
}
run out err nindex --db "$TMP/db" "$TMP/a.jsonl"
check "fixture indexed" contains "$TMP/out" "4 added"

# The outputs first, then one judgement of all of them, then the checks.
# 1. nsearch --json: a query matching next to markup, in the body and in
# a title-only article; a query matching only titles (the snippet is the
# body's start); an empty query (every article, the start of its body).
nsearch --db "$TMP/db" --json --related 0 cooling >"$TMP/q.json"
nsearch --db "$TMP/db" --json --related 0 'title:entity' >"$TMP/t.json"
nsearch --db "$TMP/db" --json --related 0 '' >"$TMP/e.json"
nsearch --db "$TMP/db" --json --related 0 --snippet-len 0 cooling >"$TMP/n.json"
# 2. nsearch --batch: the same renderer, one document per line.
printf 'a\tcooling\nb\ttitle:entity\n' |
    nsearch --db "$TMP/db" --batch --related 0 >"$TMP/b.json"
# 3. nsearchd over its socket.
check "server starts" start_server
get s.json '/v1/search?q=cooling&related=0'
check "server: status 200" is "$code" 200
get s2.json '/v1/search?q=%3Cscript%3E%20cooling&related=0'
get s3.json '/v1/search?related=0'
get art.json '/v1/articles/x-script'
for j in "q.json --marks" "q.json --plain" t.json "t.json --plain" e.json \
    "e.json --plain" b.json "b.json --plain" "s.json --marks" "s.json --plain" \
    "s2.json --marks" "s2.json --plain" s3.json "s3.json --plain"; do
    job $j
done
judge_all

check "cli: cooling finds all four" contains "$TMP/q.json" '"total":4,'
check "cli: every *_html field escaped, matches marked" escaped q.json --marks
check "cli: plain snippets are the articles' text" escaped q.json --plain
check "cli: script tag shown as text" contains "$TMP/q.json" \
    '&lt;script&gt;alert(1)&lt;/script&gt;'
check "cli: match inside a tag pair" contains "$TMP/q.json" \
    'x&lt;b&gt;<mark>cooling</mark>&lt;/b&gt;y'
check "cli: attribute quotes escaped" contains "$TMP/q.json" \
    '&lt;a href=&quot;javascript:alert(3)&quot;&gt;<mark>cooling</mark>&lt;/a&gt;'
check "cli: entity-looking text escaped once more" contains "$TMP/q.json" \
    '&amp;lt;img src=x onerror=alert(1)&amp;gt;'
check "cli: title-only snippet escaped" contains "$TMP/q.json" \
    '&lt;img src=x onerror=alert(2)&gt; <mark>cooling</mark> title &amp; only'
check "cli: plain snippet keeps the entity text" contains "$TMP/q.json" \
    '"The page showed &lt;img src=x onerror=alert(1)&gt; next to the cooling'
check "cli: title-only match escaped" escaped t.json
check "cli: title-only match, plain text as written" escaped t.json --plain
check "cli: empty query escaped" escaped e.json
# Issue 11 item 15: for an empty query the body's start is passed through
# the decoder meant for Xapian's HTML, so '&lt;img ...&gt;' in the text
# comes out as '<img ...>' in the plain snippet.
check "cli: empty query, plain snippet is the text as written" \
    escaped e.json --plain
# --snippet-len 0: no snippet at all, in either form.
check "--snippet-len 0: four hits" is "$(grep -o '"rank":' "$TMP/n.json" | wc -l | tr -d ' ')" 4
check "--snippet-len 0: empty snippets" is \
    "$(grep -o '"snippet[_html]*":"[^"]*"' "$TMP/n.json" | sort -u | tr '\n' ' ')" \
    '"snippet":"" "snippet_html":"" '

check "batch: escaped" escaped b.json
check "batch: plain snippets are the articles' text" escaped b.json --plain
check "batch: two answers" is "$(wc -l <"$TMP/b.json" | tr -d ' ')" 2

check "server: escaped, matches marked" escaped s.json --marks
check "server: plain snippets are the articles' text" escaped s.json --plain
check "server: script tag shown as text" contains "$TMP/s.json" \
    '&lt;script&gt;alert(1)&lt;/script&gt;'
check "server: markup in the query escaped" escaped s2.json --marks
check "server: markup in the query, plain text as written" escaped s2.json --plain
check "server: no q, escaped" escaped s3.json
check "server: no q, plain snippet is the text as written" \
    escaped s3.json --plain
# The article itself is JSON, where escaping is jansson's; it must hold
# the text as written.
check "server: article text as written" contains "$TMP/art.json" \
    '"title":"<script>alert('"'"'t'"'"')</script> Cooling & \"quoted\" title"'

finish
