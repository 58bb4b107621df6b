#!/bin/sh
# t261-html-latin1-utf8-label.sh - An HTML page that declares UTF-8 but is
# written in Latin-1 (an archive's old pages under a template that says
# UTF-8) has its accented letters read as windows-1252, as a text file's
# are, and is told so in a warning: "münchen" and "café" find it, its
# stored title is as written, no U+FFFD.  A valid UTF-8 page is as before.
. "$(dirname "$0")/lib.sh"
P=$TMP/pages
mkdir -p "$P"

printf '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Caf\351 society in M\374nchen</title></head><body><article><h1>Caf\351 society in M\374nchen</h1><p>The caf\351 owners of M\374nchen met the press. The r\351gime fell. Further text about the na\357ve d\351butante and the caf\351 scene, long enough to be a story in the archive of this city.</p></article></body></html>\n' \
    >"$P/latin1.html"
# The same page in UTF-8, and one in UTF-8 with one Latin-1 byte pasted in
# on its third line.
iconv -f latin1 -t utf-8 "$P/latin1.html" | sed 's/M\xc3\xbcnchen/Wien/g' \
    >"$P/utf8.html"
printf '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">\n<title>Bl\303\245b\303\246r i Troms\303\270</title></head><body><article><h1>Bl\303\245b\303\246r i Troms\303\270</h1>\n<p>Kaf\351en i Troms\303\270 selger bl\303\245b\303\246rpai hele sommeren, og turistene st\303\245r i k\303\270 utenfor.</p></article></body></html>\n' \
    >"$P/pasted.html"

run out err nindex --db "$TMP/db" "$P"
check "exit 0" is "$rc" 0
check "every page added" contains "$TMP/out" "3 added"
check "two warnings" contains "$TMP/out" "; 2 warnings"
check "latin1: said, with the first byte and its line" contains "$TMP/err" \
    "warning: $P/latin1.html: declared UTF-8 but is not: 10 bytes read as windows-1252 (the first, 0xE9 \"é\", on line 1)"
check "pasted: said, with its line" contains "$TMP/err" \
    "warning: $P/pasted.html: declared UTF-8 but is not: 1 byte read as windows-1252 (the first, 0xE9 \"é\", on line 3)"
check "utf8: nothing said" lacks "$TMP/err" "utf8.html"

# ids QUERY: the ids found for QUERY, sorted, separated by spaces.
ids() {
    nsearch --db "$TMP/db" --json --related 0 "$1" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}
check "münchen finds the Latin-1 page" is "$(ids münchen)" "latin1.html"
check "café finds both pages in English" is "$(ids café)" \
    "latin1.html utf8.html"
check "débutante too" is "$(ids débutante)" "latin1.html utf8.html"
check "kaféen finds the page with a byte pasted in" is "$(ids kaféen)" \
    "pasted.html"

nsearch --db "$TMP/db" --json --related 0 --snippet-len 2000 society >"$TMP/j"
check "titles and text stored as written, no U+FFFD" python3 - "$TMP/j" <<'PY'
import json, sys
hits = {h["id"]: h for h in json.load(open(sys.argv[1]))["hits"]}
h = hits["latin1.html"]
assert h["title"] == "Caf\u00e9 society in M\u00fcnchen", h["title"]
assert "The caf\u00e9 owners of M\u00fcnchen met the press. The r\u00e9gime fell." \
    in h["snippet"], h["snippet"]
assert "na\u00efve d\u00e9butante" in h["snippet"], h["snippet"]
assert hits["utf8.html"]["title"] == "Caf\u00e9 society in Wien"
assert "\ufffd" not in json.dumps(hits, ensure_ascii=False)
PY
nsearch --db "$TMP/db" --json --related 0 --snippet-len 2000 blåbærpai >"$TMP/j"
check "pasted: the byte read as é, the UTF-8 around it as written" \
    python3 - "$TMP/j" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["hits"][0]
assert h["title"] == "Bl\u00e5b\u00e6r i Troms\u00f8", h["title"]
assert "Kaf\u00e9en i Troms\u00f8 selger bl\u00e5b\u00e6rpai" in h["snippet"], h["snippet"]
PY

finish
