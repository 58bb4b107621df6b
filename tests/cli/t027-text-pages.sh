#!/bin/sh
# t027-text-pages.sh - Article pages saved as plain text (issue 18): the
# seed page of ../shared/corpora/pages, indexed as it is, gives its title,
# its headings, the author from its byline, and loses its "Recent Posts"
# sidebar, but none of its article text; the sample pages in samples/pages
# are indexed the same way.
. "$(dirname "$0")/lib.sh"

PAGE=$SHARED/corpora/pages/azure-unit-8200-page.txt
ID=azure-unit-8200-page.txt
mkdir "$TMP/in"
cp "$PAGE" "$TMP/in/"
run out err nindex --verbose --db "$TMP/db" "$TMP/in"
check "seed page indexed" is "$rc" 0
check "cut reported once, with its line" \
    sh -c "[ \$(grep -c 'page furniture cut' '$TMP/err') -eq 1 ]"
check "cut names the heading and line" contains "$TMP/err" \
    "$ID:57: page furniture cut: 'Recent Posts'"
run out err2 nindex --db "$TMP/db2" "$TMP/in"
check "the cut is a warning without --verbose too" contains "$TMP/err2" \
    "warning: $TMP/in/$ID:57: page furniture cut: 'Recent Posts'"
check "and counted as one" contains "$TMP/out" "; 1 warning"
run out err3 nindex --verbose --db "$TMP/db2" --rebuild "$TMP/in"
check "rebuild --verbose reports the cut too" contains "$TMP/err3" \
    "$ID:57: page furniture cut"
run out err nindex --help
check "--verbose in the help" contains "$TMP/out" "--verbose"

# Fields of the stored article.
run out err nsearch --db "$TMP/db" --json "heading:allegations"
check "heading:allegations finds it" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
hit = d["hits"][0]
assert hit["title"] == ("Microsoft Investigates Alleged Israeli Mass "
                        "Surveillance Using Azure Cloud"), hit["title"]
assert hit["author"] == "admin", hit.get("author")
assert "date" not in hit or not hit["date"], hit.get("date")
PY
for h in "heading:\"key allegations\"" "heading:response" "heading:implications" \
    "heading:\"what's next\"" "author:admin"; do
    run out err nsearch --db "$TMP/db" --json "$h"
    check "$h finds the page" contains "$TMP/out" "\"id\":\"$ID\""
done

# The sidebar is gone: its teasers no longer find the article.
for q in penguin "penguin breeding" "Afghan visa" Antarctica Metamorphosis \
    "minutes ago"; do
    run out err nsearch --db "$TMP/db" --json "$q"
    check "'$q' does not match" lacks "$TMP/out" "\"id\":\"$ID\""
done

# Every sentence of the article before the sidebar is still searchable: the
# first eight words of each, as a phrase.
python3 - "$PAGE" >"$TMP/phrases" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
end = lines.index("admin")
n = 0
for line in lines[2:end]:
    text = re.sub(r"^\s*(?:\u2022|\d+\.)\s*", "", line).replace("\u00a0", " ")
    for sentence in re.split(r"(?<=[.:?])\s+", text):
        words = re.findall(r"[\w\u2019'&]+", sentence)
        words = [w for w in words if w != "&"]
        if len(words) >= 3:
            n += 1
            print("%d\t\"%s\"" % (n, " ".join(words[:8])))
PY
check "sentences sampled" sh -c "[ \$(wc -l <'$TMP/phrases') -ge 20 ]"
nsearch --db "$TMP/db" --batch --limit 1 --snippet-len 300 \
    <"$TMP/phrases" >"$TMP/found"
check "every sentence finds the page" python3 - "$TMP/phrases" "$TMP/found" "$ID" <<'PY'
import json, sys
want = dict(l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1]))
missing = []
for line in open(sys.argv[2]):
    d = json.loads(line)
    if not d.get("hits") or d["hits"][0]["id"] != sys.argv[3]:
        missing.append(want[d["qid"]])
assert len(want) > 0 and not missing, missing
PY
check "no bullet in any snippet" python3 - "$TMP/found" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    for h in json.loads(line).get("hits", []):
        assert "\u2022" not in h["snippet"], h["snippet"]
PY
run out err nsearch --db "$TMP/db" --json --snippet-len 400 "civilians company stated"
check "snippet across a former bullet" python3 - "$TMP/out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["hits"][0]["snippet"]
assert "civilians" in s and "\u2022" not in s, s
PY

# The sample pages: English and Norwegian, with and without a sidebar.
run out err nindex --verbose --db "$TMP/s" "$SAMPLES"
check "samples index" is "$rc" 0
check "two sample sidebars cut" sh -c \
    "[ \$(grep -c 'page furniture cut' '$TMP/err') -eq 2 ]"
run out err nsearch --db "$TMP/s" --json "author:newsdesk heading:judged"
check "English page: byline and heading" contains "$TMP/out" \
    '"id":"pages/library-late-opening.txt"'
run out err nsearch --db "$TMP/s" --json "crane"
check "English sidebar not indexed" lacks "$TMP/out" "library-late-opening"
run out err nsearch --db "$TMP/s" --json "author:redaksjonen lang:no"
check "Norwegian page: byline" contains "$TMP/out" \
    '"id":"pages/ferje-rutetider-vinter.txt"'
run out err nsearch --db "$TMP/s" --json "bygdemuseet"
check "Norwegian sidebar not indexed" lacks "$TMP/out" "ferje-rutetider"
run out err nsearch --db "$TMP/s" --json "\"By Ingrid Holm\""
check "a By line stays in the text" contains "$TMP/out" "community-orchard"
run out err nsearch --db "$TMP/s" --json "author:aasen"
check "Av NAME is the author" contains "$TMP/out" "skoleskyss-el-buss"

finish
