#!/bin/sh
# t140-related-window.sh - Related posts found through the date terms of
# the recency window stay right as the index changes: a follow-up story
# added by an update, a linked article deleted, a full rebuild, and a
# --now far from the newest date (windows across month and year ends).
. "$(dirname "$0")/lib.sh"

# A story (a quarry flood at Brakstad) told in several articles over a
# year end, unrelated news around it, and one much newer article that
# makes the default "now" far from the story.
python3 - "$TMP/story.jsonl" "$TMP/followup.jsonl" <<'PY'
import json, sys
# Each telling has words of its own, so that none is a near-duplicate of
# another (bodies sharing 80% of their words are left out).
flood = ["Water filled the Brakstad quarry overnight after its pumps failed.",
         "Granittverket, owner of the Brakstad quarry, hired divers to inspect "
         "the flooded pit and the broken pumps.",
         "Engineers from Trondheim hauled heavy pumps to the flooded Brakstad "
         "quarry while Granittverket counted its losses.",
         "The Brakstad quarry flood closed the road to the harbour; "
         "Granittverket expects the pumps to need weeks.",
         "Villagers near the Brakstad quarry complained about noise from the "
         "pumps Granittverket runs day and night against the flood.",
         "Granittverket said the Brakstad quarry pumps finally lowered the "
         "flood water below the lowest bench."]
other = ["Ferry timetables change on the coastal route this winter season.",
         "The city council approved new bicycle lanes downtown after debate.",
         "A chess tournament drew players from twelve countries last weekend.",
         "Orchard growers expect a late apple harvest after a cold spring.",
         "The museum opened an exhibition of old maritime maps and charts.",
         "Rail workers agreed a wage deal after long talks with the operator."]
arts = []
days = ["2024-12-20", "2024-12-27", "2024-12-31", "2025-01-02", "2025-01-09"]
ordinal = ["first", "second", "third", "fourth", "fifth"]
for i, d in enumerate(days):
    # Days by word, not number: "Local news 2" shares no title word.
    arts.append({"id": "flood-%d" % i,
                 "title": "Brakstad quarry flood, %s day" % ordinal[i],
                 "body": flood[i],
                 "date": d + "T12:00:00Z"})
for i in range(60):
    arts.append({"id": "other-%02d" % i, "title": "Local news %d" % i,
                 "body": other[i % len(other)] + " Item %d." % i,
                 "date": "2024-%02d-%02dT08:00:00Z" % (1 + i % 12, 1 + i % 28)})
arts.append({"id": "newest", "title": "Harbour crane", "body": "A new crane.",
             "date": "2026-06-01T00:00:00Z"})
with open(sys.argv[1], "w") as f:
    for a in arts:
        f.write(json.dumps(a) + "\n")
with open(sys.argv[2], "w") as f:
    f.write(json.dumps({"id": "flood-late", "title": "Brakstad quarry flood ends",
                        "body": flood[5],
                        "date": "2025-01-05T09:00:00Z"}) + "\n")
PY

# related NAME NOW [DAYS]: the ids of flood-2's related list, one line.
related() {
    nsearch --db "$TMP/db" --json --related-to flood-2 --related 10 \
        --now "$2" --recent-days "${3:-30}" >"$TMP/$1.json" &&
        python3 -c "
import json, sys
print(' '.join(sorted(r['id'] for r in json.load(open(sys.argv[1]))['related'])))" \
            "$TMP/$1.json" >"$TMP/$1"
}

check "index the story" nindex --quiet --db "$TMP/db" "$TMP/story.jsonl"
# Window 2024-12-08 .. 2025-01-07 12:00: crosses the year end; flood-4
# (2025-01-09) is after it.
check "window across a year end" related a 2025-01-07T12:00:00Z
check "the same story within the window, nothing else" \
    is "$(cat "$TMP/a")" "flood-0 flood-1 flood-3"
# The window's edges are exact to the second, not to the day.
check "edge day trimmed to the second" related b 2025-01-02T11:59:59Z
check "an article later on the last day is left out" \
    is "$(cat "$TMP/b")" "flood-0 flood-1"
# flood-0 is dated 2024-12-20T12:00:00, the first day of these windows.
check "edge at the first day" related c 2025-01-19T12:00:01Z
check "an article a second before the window is left out" \
    is "$(cat "$TMP/c")" "flood-1 flood-3 flood-4"
check "edge at the first day, one second wider" related c2 2025-01-19T12:00:00Z
check "... and in at its second" \
    is "$(cat "$TMP/c2")" "flood-0 flood-1 flood-3 flood-4"
# A long window: whole months and a whole year as one term each.
check "a window of 800 days" related d 2026-01-01T00:00:00Z 800
check "finds the whole story" is "$(cat "$TMP/d")" "flood-0 flood-1 flood-3 flood-4"
# The default now is the newest article (2026-06-01): the story is old.
nsearch --db "$TMP/db" --json --related-to flood-2 >"$TMP/e.json"
check "default now: an old story has no recent posts" python3 -c "
import json; assert json.load(open('$TMP/e.json'))['related'] == []"
check "a now before every article" related f 1990-01-01T00:00:00Z
check "gives an empty list" is "$(cat "$TMP/f")" ""

# An update adds a follow-up inside the window: it is listed at once.
check "update with a follow-up" nindex --quiet --db "$TMP/db" "$TMP/followup.jsonl"
check "after the update" related g 2025-01-07T12:00:00Z
check "the follow-up is listed" \
    is "$(cat "$TMP/g")" "flood-0 flood-1 flood-3 flood-late"
# Deleting a linked article takes it out of the list.
check "delete a linked article" nindex --quiet --db "$TMP/db" --delete flood-1
check "after the delete" related h 2025-01-07T12:00:00Z
check "the deleted article is gone" is "$(cat "$TMP/h")" "flood-0 flood-3 flood-late"
# A rebuild (shards merged by compaction) gives the same lists.
check "rebuild" nindex --quiet --db "$TMP/db" --rebuild --jobs 2 \
    "$TMP/story.jsonl" "$TMP/followup.jsonl"
check "after the rebuild" related i 2025-01-07T12:00:00Z
check "the rebuilt index lists the same" \
    is "$(cat "$TMP/i")" "flood-0 flood-1 flood-3 flood-late"
check "after the rebuild, edge" related j 2025-01-02T11:59:59Z
check "edge still exact" is "$(cat "$TMP/j")" "flood-0 flood-1"

finish
