#!/bin/sh
# t103-delete-share.sh - The deletion limits count what the index held
# before the run.  A prune's --max-delete-share was taken of the articles
# live after the night's additions: a SOURCE of other articles pruned a
# whole archive with exit 0 (10 of 70 is under 20%) while its --dry-run
# said it would refuse (10 of 10).  And --delete ignored --max-delete and
# --max-delete-share, and an id that names no article exited 0.
. "$(dirname "$0")/lib.sh"


# --- The prune's share is of the articles live before the run --------------
write_stories "$TMP/time.jsonl" t 10
write_stories "$TMP/other.jsonl" o 60
nindex --quiet --db "$TMP/w" "$TMP/time.jsonl"
run out err nindex --db "$TMP/w" --prune --dry-run "$TMP/other.jsonl"
check "share: the dry run refuses (exit 5)" is "$rc" 5
check "share: it counts 10 of the 10 live" contains "$TMP/err" \
    "it would delete 10 of 10 articles"
run out err nindex --db "$TMP/w" --prune "$TMP/other.jsonl"
check "share: the real run refuses too (exit 5)" is "$rc" 5
check "share: with the same count" contains "$TMP/err" \
    "it would delete 10 of 10 articles"
check "share: the archive is still there, the additions too" \
    is "$(count "$TMP/w")" 70
run out err nindex --db "$TMP/w" --prune --force "$TMP/other.jsonl"
check "share: --force prunes" is "$rc" 0
check "share: ... the 10" is "$(count "$TMP/w")" 60
# Under the share of the live ones: 6 of 60 is 10%.
head -n 54 "$TMP/other.jsonl" >"$TMP/most.jsonl"
run out err nindex --db "$TMP/w" --prune "$TMP/most.jsonl"
check "share: 6 of 60 is pruned" is "$rc" 0
check "share: ... leaving 54" is "$(count "$TMP/w")" 54

# --- --delete has the prune's limits ------------------------------------------
write_stories "$TMP/many.jsonl" m 100
nindex --quiet --db "$TMP/t" "$TMP/many.jsonl"
ids=$(seq 0 19 | sed 's/^/m/')
run out err nindex --db "$TMP/t" --delete --max-delete 5 $ids
check "delete: over --max-delete refused (exit 5)" is "$rc" 5
check "delete: it says why" contains "$TMP/err" \
    "refusing to delete: it would delete 20 of 100 articles"
check "delete: nothing deleted" is "$(count "$TMP/t")" 100
check "delete: no file of deleted articles" test ! -e "$TMP/t/deleted"
run out err nindex --db "$TMP/t" --delete --dry-run --max-delete 5 $ids
check "delete: its dry run says 5 too" is "$rc" 5
run out err nindex --db "$TMP/t" --delete --max-delete-share 10 $ids
check "delete: over --max-delete-share refused (exit 5)" is "$rc" 5
check "delete: ... of the 100 live" contains "$TMP/err" \
    "it would delete 20 of 100 articles (the limits are 1000 articles and 10%"
check "delete: still nothing deleted" is "$(count "$TMP/t")" 100
run out err nindex --db "$TMP/t" --delete --max-delete 5 --force $ids
check "delete: --force deletes them" is "$rc" 0
check "delete: ... all 20" is "$(count "$TMP/t")" 80
run out err nindex --db "$TMP/t" --delete m20 m21
check "delete: within the limits (2 of 80)" is "$rc" 0
write_stories "$TMP/four.jsonl" f 4
nindex --quiet --db "$TMP/small" "$TMP/four.jsonl"
run out err nindex --db "$TMP/small" --delete f0
check "delete: 1 of 4 is over 20% (exit 5)" is "$rc" 5
run out err nindex --db "$TMP/small" --delete --force f0
check "delete: --force deletes it" is "$(count "$TMP/small")" 3

# --- An id that names no article ---------------------------------------------
run out err nindex --db "$TMP/t" --delete m30 nosuch-id m31
check "unknown id: exit 3" is "$rc" 3
check "unknown id: named" contains "$TMP/err" "no article with id 'nosuch-id'"
check "unknown id: the line as the README quotes it" grep -qx "nindex: no article with id 'nosuch-id'" "$TMP/err"
check "unknown id: counted skipped, the others deleted" contains "$TMP/out" \
    "2 deleted, 1 skipped"
check "unknown id: the others are gone" is "$(count "$TMP/t")" 76
run out err nindex --db "$TMP/t" --delete --dry-run m32 nosuch-id
check "unknown id: the dry run exits 3 too" is "$rc" 3
check "unknown id: its dry run counts the same" contains "$TMP/out" \
    "1 deleted, 1 skipped"
run out err nindex --db "$TMP/t" --delete m30
check "an id deleted already: exit 3" is "$rc" 3

finish
