#!/bin/sh
# t262-story-title-variants.sh - The copies of a story are one hit however
# the wire marks a later version or the feed writes the headline.  Before,
# "UPDATE 2-", "(CORRECTED) - ", "RPT-" and the like made a new story (none
# of Reuters' 9 corrected or repeated stories was grouped with its first
# version); so did a curly apostrophe, quotes, a dash, an ellipsis, a
# no-break or zero-width space, or capitals outside ASCII; identical
# Japanese headlines (no spaces: never four words) were never grouped; and
# every non-ASCII byte counted as a letter, so two stories titled
# "— — — — —" were one.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/src.jsonl" <<'PY'
import json, sys
pairs = [
    ("upd", "Acme Corp raises dividend for 1987", "UPDATE 2-Acme Corp raises dividend for 1987"),
    ("cor", "GOODYEAR <GT> TO SELL CELERON", "(CORRECTED) - GOODYEAR <GT> TO SELL CELERON"),
    ("rpt", "ARGENTINE GRAIN/OILSEED EXPORT PRICES ADJUSTED", "RPT - ARGENTINE GRAIN/OILSEED EXPORT PRICES ADJUSTED"),
    ("chain", "Mayor wins the harbour vote again", "CORRECTED-UPDATE 1-Mayor wins the harbour vote again"),
    ("ap", "Council approves new harbour budget", "Update: Council approves new harbour budget"),
    ("apos", "Mayor's plan won't fix the harbour", "Mayor\u2019s plan won\u2019t fix the harbour"),
    ("typo", "\"Never again\" - residents vow after flood...", "\u201cNever again\u201d \u2014 residents vow after flood\u2026"),
    ("space", "Storm closes the coastal road", "Storm\u00a0closes the\u200b coastal road"),
    ("nordic", "Troms\u00f8 kommune kutter i budsjettet", "TROMS\u00d8 KOMMUNE KUTTER I BUDSJETTET"),
    ("cyr", "\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u043f\u043e\u0434\u0430\u043b \u0432 \u043e\u0442\u0441\u0442\u0430\u0432\u043a\u0443",
     "\u041c\u042d\u0420 \u0413\u041e\u0420\u041e\u0414\u0410 \u041f\u041e\u0414\u0410\u041b \u0412 \u041e\u0422\u0421\u0422\u0410\u0412\u041a\u0423"),
    ("cjk", "\u6771\u4eac\u90fd\u77e5\u4e8b\u304c\u8f9e\u4efb\u3092\u8868\u660e", "\u6771\u4eac\u90fd\u77e5\u4e8b\u304c\u8f9e\u4efb\u3092\u8868\u660e"),
    # Not one story: nothing but dashes, a short CJK title, a short remainder.
    ("dash", "\u2014 \u2014 \u2014 \u2014 \u2014", "\u2014 \u2014 \u2014 \u2014 \u2014"),
    ("short", "\u5730\u9707\u767a\u751f", "\u5730\u9707\u767a\u751f"),
    ("gm", "GM SEES", "CORRECTED - GM SEES"),
]
with open(sys.argv[1], "w") as f:
    for i, (name, first, second) in enumerate(pairs):
        for n, title in ((1, first), (2, second)):
            f.write(json.dumps({"id": "%s-%d" % (name, n), "title": title,
                                "date": "1987-03-%02dT1%d:00:00Z" % (i + 1, n),
                                "body": "Story marker%s, copy %d of %d."
                                        % (name, n, n if n > 1 else 2)},
                               ensure_ascii=False) + "\n")
PY
db="$TMP/db"
run out err nindex --db "$db" "$TMP/src.jsonl"
check "index: exit 0" is "$rc" 0
check "index: every copy indexed" is "$(count "$db")" 28

# together NAME: the two copies of NAME are one hit, the other in "also";
# apart NAME: they are two hits, with nothing in "also".
hits() {
    nsearch --db "$db" --json --related 0 "marker$1" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["total"], " ".join(sorted(h["id"] + ":" + ",".join(h["also"]) for h in r["hits"])))'
}
together() {
    case $(hits "$1") in
    "1 $1-1:$1-2" | "1 $1-2:$1-1") return 0 ;;
    esac
    echo "  $1: $(hits "$1")"
    return 1
}
apart() {
    got=$(hits "$1")
    [ "$got" = "2 $1-1: $1-2:" ] || {
        echo "  $1: $got"
        return 1
    }
}

check "UPDATE 2- grouped with the first take" together upd
check "(CORRECTED) - grouped with the original" together cor
check "RPT - grouped with the original" together rpt
check "CORRECTED-UPDATE 1- grouped with the original" together chain
check "AP's Update: grouped with the original" together ap
check "curly apostrophes grouped with straight" together apos
check "curly quotes, em dash, ellipsis grouped with ASCII" together typo
check "no-break and zero-width spaces grouped with spaces" together space
check "TROMSØ grouped with Tromsø" together nordic
check "Cyrillic capitals grouped with lower case" together cyr
check "identical Japanese headlines grouped" together cjk
check "two stories titled with dashes alone stay two" apart dash
check "four CJK characters are too short to group" apart short
check "a version mark does not make a short title long" apart gm

# The whole archive counts stories: 11 groups of two, 6 articles apart.
run out err nsearch --db "$db" --json --limit 0 --related 0 ""
check "stories counted as groups" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["total"] == 17, r["total"]' "$TMP/out"

# Related posts drop a copy of the story they are listed for, even when
# its body was rewritten (the duplicate test compares the titles too).
python3 - "$TMP/rel.jsonl" <<'PY'
import json, sys
first = ("Acme Corp said on Monday its board raised the quarterly dividend to "
         "25 cents a share from 20 cents, citing strong results at its "
         "industrial coatings unit and a better outlook for 1987 sales in "
         "Europe and Asia. The dividend is payable April 15 to holders of "
         "record March 31.")
update = ("Acme Corp said its board raised the quarterly dividend to 25 cents "
          "a share from 20 cents. The company also said it expects 1987 "
          "earnings to rise about 15 pct on higher coatings sales, and that it "
          "plans a two-for-one stock split subject to shareholder approval in "
          "May.")
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "acme-1", "title": "Acme Corp raises dividend for 1987",
                        "date": "1987-03-01T10:00:00Z", "body": first}) + "\n")
    f.write(json.dumps({"id": "acme-2", "title": "UPDATE 2-Acme Corp raises dividend for 1987",
                        "date": "1987-03-01T12:00:00Z", "body": update}) + "\n")
    for i in range(10):
        f.write(json.dumps({"id": "x%d" % i, "title": "Harbour news item %d" % i,
                            "date": "1987-03-02T10:00:00Z",
                            "body": "The harbour council met on day %d to discuss "
                                    "ferry timetables and parking fees." % i}) + "\n")
PY
nindex --quiet --db "$TMP/rel" "$TMP/rel.jsonl"
check "related posts: the update is not related to its first take" \
    is "$(nsearch --db "$TMP/rel" --json --related-to acme-1 --now 1987-03-05 \
        --recent-days 30 --related 5 | python3 -c '
import json, sys
print(" ".join(r["id"] for r in json.load(sys.stdin)["related"]))')" ""

finish
