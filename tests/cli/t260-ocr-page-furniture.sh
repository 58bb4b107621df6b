#!/bin/sh
# t260-ocr-page-furniture.sh - The furniture rule of plain-text pages cuts
# no news from an OCR'd newspaper page: a file with front matter keeps a
# "LATEST NEWS" column and all that follows it; one without front matter
# has it cut to the next form feed at most, and is told so in a warning
# with the line, not only under --verbose; "furniture: true" in a header
# asks for the cut; the saved web page of the corpora still loses its
# sidebar.
. "$(dirname "$0")/lib.sh"
D=$TMP/in
mkdir -p "$D"

# The page's text, after a header or a title line: page 1 ends in a
# "LATEST NEWS" column of short items, page 2 follows a form feed.
body() {
    printf 'GENEVA, Jan. 4.--The conference on war finance opened here today with\ndelegates from forty nations. The chairman warned that the\nreparations question must be settled before spring.\n\nLATEST NEWS\n\nFire destroys Brockton shoe factory; loss is put at $200,000.\n\nSenator Borah assails the treaty in a speech at Boise.\n\nCoal strike ends in the Ruhr as miners return to the pits.\n\f\nTHE DAILY HERALD, FRIDAY, JANUARY 5, 1923\n\nMussolini receives envoys at Rome.\n'
}
{
    printf -- '---\nid: herald-1923-01-05\ntitle: GENEVA CONFERENCE OPENS\ndate: 1923-01-05\n---\n'
    body
} >"$D/herald.txt"

# hits DB QUERY: the ids nsearch finds for QUERY, separated by spaces.
hits() {
    nsearch --db "$1" --json --related 0 "$2" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

run out err nindex --db "$TMP/db" "$D/herald.txt"
check "front matter: exit 0" is "$rc" 0
check "front matter: added" contains "$TMP/out" "1 added"
for w in borah brockton ruhr mussolini reparations; do
    check "front matter: '$w' found" is "$(hits "$TMP/db" "$w")" \
        "herald-1923-01-05"
done
check "front matter: nothing cut, nothing said" lacks "$TMP/err" "furniture"
nsearch --db "$TMP/db" --json --snippet-len 2000 borah >"$TMP/j"
check "front matter: title, date and the column's text stored" \
    python3 - "$TMP/j" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["title"] == "GENEVA CONFERENCE OPENS", h["title"]
assert (h["date"] or "").startswith("1923-01-05"), h["date"]
assert "Senator Borah assails the treaty" in h["snippet"], h["snippet"]
PY

# The same page without front matter: a title line, then the text.  The
# column is cut to the form feed and said; page 2 stays.
{
    printf 'GENEVA CONFERENCE OPENS\n\n'
    body
} >"$D/plain.txt"
run out err nindex --db "$TMP/db2" "$D/plain.txt"
check "no front matter: exit 0" is "$rc" 0
check "no front matter: the cut is a warning with its line" contains \
    "$TMP/err" "warning: $D/plain.txt:7: page furniture cut: 'LATEST NEWS' and what follows on its page (7 lines, 34 words)"
check "no front matter: the warning says how to keep it" contains \
    "$TMP/err" "front matter (a '---' header) keeps it"
check "no front matter: counted as a warning" contains "$TMP/out" \
    "1 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "no front matter: one warning" contains "$TMP/out" "; 1 warning"
check "no front matter: the column is cut" is "$(hits "$TMP/db2" borah)" ""
check "no front matter: the page after the form feed stays" \
    is "$(hits "$TMP/db2" mussolini)" "plain.txt"
check "no front matter: so does its running head" \
    is "$(hits "$TMP/db2" '"daily herald"')" "plain.txt"
check "no front matter: the story stays" \
    is "$(hits "$TMP/db2" reparations)" "plain.txt"

# Front matter that asks for the cut.
{
    printf -- '---\ntitle: GENEVA CONFERENCE OPENS\nfurniture: true\n---\n'
    body
} >"$D/asked.txt"
run out err nindex --db "$TMP/db3" "$D/asked.txt"
check "furniture: true: exit 0" is "$rc" 0
check "furniture: true: cut and said" contains "$TMP/err" \
    "asked.txt:9: page furniture cut: 'LATEST NEWS'"
check "furniture: true: the warning names the key" contains "$TMP/err" \
    "its front matter says 'furniture: true'"
check "furniture: true: the column is cut" is "$(hits "$TMP/db3" ruhr)" ""
check "furniture: true: page 2 stays" \
    is "$(hits "$TMP/db3" mussolini)" "asked.txt"

# The saved web page of the corpora: its sidebar is still cut, and said.
cp "$SHARED/corpora/pages/azure-unit-8200-page.txt" "$D/"
run out err nindex --db "$TMP/db4" "$D/azure-unit-8200-page.txt"
check "saved page: exit 0" is "$rc" 0
check "saved page: the sidebar cut is a warning" contains "$TMP/err" \
    "warning: $D/azure-unit-8200-page.txt:57: page furniture cut: 'Recent Posts' and what follows (37 lines"
check "saved page: the sidebar is not searchable" \
    is "$(hits "$TMP/db4" penguin)" ""

finish
