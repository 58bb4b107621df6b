#!/bin/sh
# t156-day-first-dates.sh - Dates written day first, as a Norwegian or
# German CMS writes them ("05.12.2026 08:15", "5. desember 2026",
# "lørdag 5. desember 2026 kl. 08.15"), in JSON Lines, Markdown front
# matter and an HTML page's meta tag: each such article was a skipped
# record ("unparsable date").  Now they are read, with the feed reader's
# month names and a time of day as UTC; a two-digit year, an impossible
# day and an unknown month are still not read (the story indexed undated,
# with a warning).  The date: filter, a bare
# day typed as a query and nsearchd's from/to read "05.12.2026" too.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

D=$TMP/docs
mkdir -p "$D"
# JSON Lines: each form, then the refused ones on lines 13-18, then a
# story of another day to filter out.
python3 - "$D/a.jsonl" <<'PY'
import json, sys
forms = ["5. desember 2026", "5. des. 2026", "5. des 2026", "05.12.2026",
         "5.12.2026", "05.12.2026 08:15", "05.12.2026 08.15",
         "05.12.2026 kl. 08.15", "05.12.2026 08:15:30",
         "lørdag 5. desember 2026 kl. 08.15", "Sa., 5. Dez. 2026 08:15",
         "5 des 2026 kl 08.15"]
bad = ["05.12.26", "32.12.2026", "5. foo 2026", "31.04.2026",
       "05.12.2026 24:00", "5. desember 26"]
with open(sys.argv[1], "w") as f:
    for i, d in enumerate(forms + bad):
        f.write(json.dumps({"id": "j%d" % i, "title": "x", "lang": "nb",
                            "body": "Møre og Romsdal fikk mye snø.",
                            "date": d}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "other", "title": "y", "lang": "nb",
                        "body": "Snø i Troms.", "date": "2026-12-06"}) + "\n")
PY
printf -- '---\ntitle: Snø i Molde\ndate: 5. desember 2026\n---\nMye snø i Molde.\n' >"$D/m1.md"
printf -- '---\ntitle: Snø i Ålesund\ndate: 05.12.2026 08:15\n---\nMye snø i Ålesund.\n' >"$D/m2.md"
printf -- '---\ntitle: Snø i Ørsta\ndate: lørdag 5. desember 2026 kl. 08.15\n---\nMye snø i Ørsta.\n' >"$D/m3.md"
printf -- '---\ntitle: Snø i Volda\ndate: 05.12.26\n---\nMye snø i Volda.\n' >"$D/m4.md"
page() { # FILE DATE WORD
    cat >"$D/$1" <<HTML
<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Snø i $3</title>
<meta property="article:published_time" content="$2"></head><body>
<article><h1>Snø i $3</h1><p>Det kom mye snø i $3 natt til lørdag, og veiene ble stengt i flere timer.</p></article>
</body></html>
HTML
}
page h1.html "05.12.2026 08:15" Kristiansund
page h2.html "5. desember 2026" Sunndal
page h3.html "32.12.2026" Rauma
# JSON-LD's datePublished, as a Norwegian CMS fills it.
cat >"$D/h4.html" <<'HTML'
<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Snø i Stranda</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Snø i Stranda","datePublished":"lørdag 5. desember 2026 kl. 08.15"}</script></head><body>
<article><h1>Snø i Stranda</h1><p>Det kom mye snø i Stranda natt til lørdag, og veiene ble stengt i flere timer.</p></article>
</body></html>
HTML

run out err nindex --db "$TMP/db" "$D"
check "nindex exits 0: the refused dates are warnings" is "$rc" 0
check "every story is indexed" contains "$TMP/out" "27 added"
check "nothing is skipped" contains "$TMP/out" "0 skipped"
for bad in "05.12.26" "32.12.2026" "5. foo 2026" "31.04.2026" \
    "05.12.2026 24:00" "5. desember 26"; do
    check "JSON '$bad' is refused" contains "$TMP/err" "unparsable date '$bad'"
done
check "JSON: the line is named" contains "$TMP/err" "a.jsonl:13: unparsable date '05.12.26'"
check "Markdown: a two-digit year is refused" contains "$TMP/err" "unparsable date '05.12.26'"
check "Markdown: the file and line are named" contains "$TMP/err" "m4.md:3: unparsable date"
check "HTML: an impossible day is refused" contains "$TMP/err" "unparsable date '32.12.2026'"
check "HTML: the page is named" contains "$TMP/err" "h3.html"

# The stored date of each, by id.
run out err nsearch --db "$TMP/db" --json --limit 100 --no-collapse ""
dates() {
    python3 - "$TMP/out" "$@" <<'PY'
import json, sys
got = {h["id"]: h.get("date") for h in json.load(open(sys.argv[1]))["hits"]}
want = dict(a.split("=", 1) for a in sys.argv[2:])
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
if bad:
    print("  got, wanted:", bad)
sys.exit(1 if bad else 0)
PY
}
day=2026-12-05T00:00:00Z
at=2026-12-05T08:15:00Z
check "JSON: '5. desember 2026'" dates j0=$day
check "JSON: '5. des. 2026'" dates j1=$day
check "JSON: '5. des 2026'" dates j2=$day
check "JSON: '05.12.2026'" dates j3=$day
check "JSON: '5.12.2026'" dates j4=$day
check "JSON: '05.12.2026 08:15', as UTC" dates j5=$at
check "JSON: '05.12.2026 08.15'" dates j6=$at
check "JSON: '05.12.2026 kl. 08.15'" dates j7=$at
check "JSON: '05.12.2026 08:15:30'" dates j8=2026-12-05T08:15:30Z
check "JSON: 'lørdag 5. desember 2026 kl. 08.15'" dates j9=$at
check "JSON: 'Sa., 5. Dez. 2026 08:15'" dates j10=$at
check "JSON: '5 des 2026 kl 08.15'" dates j11=$at
check "JSON: the refused ones are indexed undated" \
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=[h["date"] for h in d["hits"] if h["id"] in ("j12","j13","j14","j15","j16","j17")]; sys.exit(not (len(r) == 6 and r == [None] * 6))' "$TMP/out"
mdate() { # TITLE DATE
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
sys.exit(0 if [h["date"] for h in d["hits"] if h["title"] == sys.argv[2]] == [sys.argv[3]] else 1)' "$TMP/out" "$1" "$2"
}
check "Markdown: 'date: 5. desember 2026'" mdate "Snø i Molde" $day
check "Markdown: 'date: 05.12.2026 08:15'" mdate "Snø i Ålesund" $at
check "Markdown: 'date: lørdag 5. desember 2026 kl. 08.15'" mdate "Snø i Ørsta" $at
check "HTML: article:published_time '05.12.2026 08:15'" mdate "Snø i Kristiansund" $at
check "HTML: article:published_time '5. desember 2026'" mdate "Snø i Sunndal" $day
check "HTML: JSON-LD datePublished 'lørdag 5. desember 2026 kl. 08.15'" \
    mdate "Snø i Stranda" $at

# The date: filter: the eighteen of 5 December, not the one of the 6th.
run out err nsearch --db "$TMP/db" --json --limit 100 --no-collapse "date:05.12.2026"
check "date:05.12.2026: no warning" lacks "$TMP/err" "not a date"
check "date:05.12.2026: the day's eighteen" json out 'd["total"] == 18'
run out err nsearch --db "$TMP/db" --json --limit 100 --no-collapse "date:5.12.2026..06.12.2026"
check "date:5.12.2026..06.12.2026: both days" json out 'd["total"] == 19'
run out err nsearch --db "$TMP/db" --json "date:32.12.2026"
check "date:32.12.2026: still a warning" contains "$TMP/err" "date:32.12.2026 is not a date"
run out err nsearch --db "$TMP/db" --json "date:05.12.26"
check "date:05.12.26: still a warning" contains "$TMP/err" "date:05.12.26 is not a date"
# A bare day typed as the query is the date: filter, as an ISO day is.
run out err nsearch --db "$TMP/db" 05.12.2026
check "a bare 05.12.2026 is searched as date:2026-12-05" contains "$TMP/out" \
    'showing the results for "date:2026-12-05"'
check "... and finds the day's eighteen" contains "$TMP/out" "18 matches"

# nsearchd's from and to.
check "nsearchd starts" start_server
get s.json "/v1/search?from=05.12.2026&to=05.12.2026&limit=0&collapse=0"
check "from=05.12.2026: 200" is "$code" 200
check "from=05.12.2026&to=05.12.2026: the day's eighteen" json s.json 'd["total"] == 18'
check "from: echoed as given" json s.json 'd["filters"]["from"] == "05.12.2026"'
get s.json "/v1/search?from=6.12.2026&limit=0&collapse=0"
check "from=6.12.2026: the one of the 6th" json s.json 'd["total"] == 1'
get s.json "/v1/search?from=06.12.2026&to=2026-12-05"
check "from after to, in either form: 400" is "$code" 400
get s.json "/v1/search?from=32.12.2026"
check "from=32.12.2026: 400" is "$code" 400
check "... saying which forms are read" json s.json '"YYYY-MM-DD" in d["error"]["message"] and "DD.MM.YYYY" in d["error"]["message"]'
get s.json "/v1/search?to=05.12.26"
check "to=05.12.26: 400" is "$code" 400
finish
