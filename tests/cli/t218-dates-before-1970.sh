#!/bin/sh
# t218-dates-before-1970.sh - Articles dated before 1970 sort and filter
# in order.  Their times were kept by sortable_serialise(), which orders
# negative numbers wrongly about every 256 seconds: --sort oldest put
# 1963-05-13T00:00:00Z before 1963-05-12T23:59:58Z, and the related posts
# of a one-day window took an article a second older than the window.  A
# new index keeps times in an encoding that orders every second; an index
# made the old way (NSEARCH_OLD_TIMES makes one) keeps its way, nindex
# says that a rebuild fixes it, and --rebuild does.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

python3 - "$TMP/arts.jsonl" "$TMP/rel.jsonl" <<'PY'
import json, sys
arts = [("a1850", "1850-03-01T12:00:00Z"), ("b1963a", "1963-05-12T23:59:58Z"),
        ("b1963b", "1963-05-12T23:59:59Z"), ("b1963c", "1963-05-13T00:00:00Z"),
        ("b1963d", "1963-05-13T00:00:01Z"), ("c1969", "1969-12-31T23:59:59Z"),
        ("d1970", "1970-01-01T00:00:00Z"), ("e2020", "2020-06-01T08:00:00Z")]
with open(sys.argv[1], "w") as f:
    for i, d in arts:
        f.write(json.dumps({"id": i, "title": "Harbour report " + i, "date": d,
                            "body": "The harbour story of %s." % i}) + "\n")
# A story over two days of 1963; "o" is one second before the one-day
# window ending at the time of "s", and 11:06:39 sorted after 11:06:40.
rel = [("s", "1963-05-13T11:06:40Z", "Brakstad quarry flooded overnight"),
       ("p", "1963-05-13T11:06:39Z", "Divers inspect flooded Brakstad quarry"),
       ("q", "1963-05-13T11:06:41Z", "New pumps hauled to Brakstad quarry"),
       ("o", "1963-05-12T11:06:39Z", "Brakstad quarry pumps failing, workers warn"),
       ("i", "1963-05-12T11:06:40Z", "Brakstad quarry pit water rising")]
with open(sys.argv[2], "w") as f:
    for i, d, t in rel:
        f.write(json.dumps({"id": i, "title": t, "date": d, "body": t +
            ". The Brakstad quarry pit flooded when its pumps failed; "
            "granite work stopped."}) + "\n")
PY

# ids DB ARGS...: the ids of the hits of nsearch ARGS on DB, in order.
ids() {
    d=$1
    shift
    nsearch --db "$d" --json --limit 20 "$@" |
        python3 -c 'import json, sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}
# related DB: the related posts of "s" in the day before it.
related() {
    nsearch --db "$1" --json --related-to s --now 1963-05-13T11:06:40Z \
        --recent-days 1 |
        python3 -c 'import json, sys
print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["related"])))'
}

oldest="a1850 b1963a b1963b b1963c b1963d c1969 d1970 e2020"
newest="e2020 d1970 c1969 b1963d b1963c b1963b b1963a a1850"

nindex --quiet --db "$TMP/db" "$TMP/arts.jsonl" "$TMP/rel.jsonl" 2>"$TMP/new.err"
check "new: --sort oldest orders every second" \
    is "$(ids "$TMP/db" --sort oldest harbour)" "$oldest"
check "new: --sort date orders every second" \
    is "$(ids "$TMP/db" --sort date harbour)" "$newest"
check "new: date: a day of 1963 ends at its last second" \
    is "$(ids "$TMP/db" --sort oldest 'harbour date:1963-05-12')" "b1963a b1963b"
check "new: date: to the last day before 1970" \
    is "$(ids "$TMP/db" --sort oldest 'harbour date:..1969-12-31')" \
    "a1850 b1963a b1963b b1963c b1963d c1969"
check "new: date: from 1850 to a day of 1963" \
    is "$(ids "$TMP/db" --sort oldest 'harbour date:1850..1963-05-12')" \
    "a1850 b1963a b1963b"
check "new: date: from the first day of 1970" \
    is "$(ids "$TMP/db" --sort oldest 'harbour date:1970-01-01..')" "d1970 e2020"
check "new: the related window ends a second before 'o'" \
    is "$(related "$TMP/db")" ""
check "new: nindex says nothing of times" lacks "$TMP/new.err" "1970"

check "new: nsearchd starts" start_server
get s.json "/v1/search?q=harbour&sort=oldest&from=1963-05-13&to=1969-12-31"
check "new: HTTP from/to oldest first" \
    json s.json '[h["id"] for h in d["hits"]] == ["b1963c", "b1963d", "c1969"]'
get st.json /v1/stats
check "new: the stats say the times are kept in order" \
    json st.json 'd["index"]["old_times"] is False'
kill -9 $server_pid
server_pid=

# An index made the old way keeps it, and searches as it did.
NSEARCH_OLD_TIMES=1 nindex --quiet --db "$TMP/old" "$TMP/arts.jsonl" \
    "$TMP/rel.jsonl" 2>/dev/null
check "old: --sort oldest as before" \
    is "$(ids "$TMP/old" --sort oldest harbour)" \
    "a1850 b1963c b1963a b1963b b1963d c1969 d1970 e2020"
check "old: the related window as before" is "$(related "$TMP/old")" "o"
run out err nindex --quiet --db "$TMP/old" "$TMP/arts.jsonl"
check "old: an update exits 0" is "$rc" 0
check "old: the update says a rebuild fixes dates before 1970" \
    contains "$TMP/err" "'$TMP/old' keeps article times as an older nindex did, which misorders dates before 1970 when sorting and at the edges of date ranges; nindex --rebuild fixes that"
check "old: still the old order after the update" \
    is "$(ids "$TMP/old" --sort oldest harbour)" \
    "a1850 b1963c b1963a b1963b b1963d c1969 d1970 e2020"

run out err nindex --quiet --db "$TMP/old" --rebuild "$TMP/arts.jsonl" \
    "$TMP/rel.jsonl"
check "old: --rebuild exits 0" is "$rc" 0
check "old: --rebuild says nothing of times" lacks "$TMP/err" "1970"
check "rebuilt: --sort oldest orders every second" \
    is "$(ids "$TMP/old" --sort oldest harbour)" "$oldest"
check "rebuilt: the related window ends a second before 'o'" \
    is "$(related "$TMP/old")" ""

finish
