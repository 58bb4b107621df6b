#!/bin/sh
# t102-marking-forms.sh - What a hit marks when the query word is another
# form of the word the text has (common/digraph-marks.cc,
# common/snippet.cc split_phrases):
#  - a word typed with a Nordic digraph ("hoest" for "høst") marks as the
#    word typed without the diacritic does ("host"): its other forms,
#    inside its phrase only, and in the title for title:;
#  - a word typed joined marks its hyphenated form as the text writes it
#    ("cofounder": "co-founder"), also when its stem is shorter.
# The matches are not what is tested here: only what is marked.
. "$(dirname "$0")/lib.sh"

check "index the samples" index_samples

# marks [--db DB] QUERY ID: the marked words of hit ID's title, "|", and
# those of its snippet.
marks() {
    db=$TMP/db
    if [ "$1" = --db ]; then
        db=$2
        shift 2
    fi
    nsearch --db "$db" --json --related 0 --no-collapse --limit 50 \
        --no-suggest -- "$1" | python3 -c 'import json, re, sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[1]:
        m = lambda s: " ".join(re.findall("<mark>(.*?)</mark>", s))
        print("%s|%s" % (m(h["title_html"]), m(h["snippet_html"])))' "$2"
}

# --- A digraph marks the word's other forms --------------------------------
# "hoest" finds "… fra høsten" by the digraph stem "hoest" and marked
# nothing: only "høst" itself was looked for.
check "hoest marks høsten as host does" \
    is "$(marks hoest pages/skoleskyss-el-buss.txt)" \
    "$(marks host pages/skoleskyss-el-buss.txt)"
check "hoest marks høsten in the title" \
    is "$(marks hoest pages/skoleskyss-el-buss.txt | cut -d'|' -f1)" "høsten"
check "hoest marks høsten in the snippet" \
    is "$(marks hoest hostvaer-vestlandet-skyer)" "høst|høsten"
check "heteboelge marks hetebølger as hetebolge does" \
    is "$(marks heteboelge hetebolge-nord-norge)" \
    "$(marks hetebolge hetebolge-nord-norge)"
check "heteboelge marks hetebølger in the snippet" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 \
        heteboelge | grep -qF '<mark>hetebølger</mark>'"

# --- Inside its phrase only ------------------------------------------------
# The spelling with ø was marked on its own, outside the phrase: the title
# "… ventes på Østlandet" has no "torden på Østlandet", and the body's
# lone "Østlandet" is not the title's phrase.
check '"torden paa oestlandet": the title unmarked' \
    is "$(marks '"torden paa oestlandet"' skybrudd-ostlandet)" \
    "|torden på Østlandet"
check '"torden paa oestlandet" marks as "torden pa ostlandet"' \
    is "$(marks '"torden paa oestlandet"' skybrudd-ostlandet)" \
    "$(marks '"torden pa ostlandet"' skybrudd-ostlandet)"
check '"regn ventes paa oestlandet": no lone Østlandet in the snippet' \
    is "$(marks '"regn ventes paa oestlandet"' skybrudd-ostlandet)" \
    "regn ventes på Østlandet|"

# --- title: ----------------------------------------------------------------
for q in title:oestlandet:skybrudd-ostlandet:Østlandet \
    title:toeyenparken:oyafestivalen-2025:Tøyenparken \
    title:heteboelge:hetebolge-nord-norge:Hetebølge \
    title:hoest:pages/skoleskyss-el-buss.txt:høsten; do
    w=${q##*:}
    rest=${q%:*}
    id=${rest##*:}
    query=${rest%:*}
    check "$query marks $w in the title" \
        is "$(marks "$query" "$id" | cut -d'|' -f1)" "$w"
done

# --- A word typed joined marks its hyphenated form -------------------------
# The stem was split ("nordnorg": no word "norg"; "cofound": "co found"),
# not the word typed.
check "nordnorge marks Nord-Norge in the title" \
    is "$(marks nordnorge hetebolge-nord-norge | cut -d'|' -f1)" "Nord-Norge"
check "nordnorge marks Nord-Norge in the snippet" \
    is "$(marks nordnorge hetebolge-nord-norge | cut -d'|' -f2)" "Nord-Norge"
check "microsoftansatte marks Microsoft-ansatte" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 \
        microsoftansatte | grep -qF '<mark>Microsoft-ansatte</mark>'"
check "oslofolk marks Oslo-folk, as before" \
    is "$(marks oslofolk oyafestivalen-2025 | cut -d'|' -f2)" "Oslo-folk"

cat >"$TMP/en.jsonl" <<'EOF'
{"id": "band", "title": "Bassist leaves", "date": "2025-03-01T10:00:00Z", "body": "Their co-founder and bassist left the band on Monday."}
{"id": "firm", "title": "Founder steps down", "date": "2025-03-02T10:00:00Z", "body": "The founder of the firm steps down after ten years."}
EOF
check "index the English articles" nindex --quiet --db "$TMP/en" "$TMP/en.jsonl"
check "cofounder marks co-founder" \
    is "$(marks --db "$TMP/en" cofounder band)" "|co-founder"
check "cofounder: founder alone is not marked" \
    is "$(marks --db "$TMP/en" 'cofounder OR firm' firm)" "|firm"

finish
