#!/bin/sh
# t215-backup-files.sh - Editors' backups and merge leftovers beside an
# article file were read as articles: posts.jsonl~ and posts.jsonl.bak,
# read after posts.jsonl, stored the old headline over the corrected one
# (exit 0, a warning "id 's1' again"), and budget.md~, #budget.md#,
# budget.md.orig and budget.md.bak were each one more hit for one story.
# Now a walk passes over files named *~, #*#, *.bak, *.orig, *.rej,
# *.swp, *.swo, *.tmp and *.part, as hidden files are, and says so with
# --verbose.  A file named as the SOURCE is still read, and a backup's
# name gives it no language ("budget.md.bak" was language "md"); a
# gzipped file's id loses ".GZ" as it loses ".gz".
. "$(dirname "$0")/lib.sh"

A=$TMP/archive
mkdir -p "$A"
printf '%s\n' '{"id":"s1","title":"Corrected headline","body":"The harbour story."}' \
    >"$A/posts.jsonl"
for f in posts.jsonl~ posts.jsonl.bak posts.jsonl.orig; do
    printf '%s\n' '{"id":"s1","title":"Old headline with error","body":"The harbour story."}' \
        >"$A/$f"
done
for f in budget.md budget.md~ '#budget.md#' budget.md.orig budget.md.bak \
    budget.md.BAK budget.md.rej budget.md.swp budget.md.swo budget.md.tmp \
    budget.md.part; do
    printf -- '---\ntitle: Budget\n---\nThe council budget.\n' >"$A/$f"
done

run out err nindex --db "$TMP/db" "$A"
check "walk: exit 0" is "$rc" 0
check "walk: one article each, nothing counted ignored" \
    contains "$TMP/out" "2 added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped, 0 ignored"
check "walk: no id met again" lacks "$TMP/err" "again"
check "walk: nothing said without --verbose" lacks "$TMP/err" "not read"
run out err nsearch --db "$TMP/db" --json -n 10 'harbour'
check "walk: the corrected headline stored" contains "$TMP/out" '"title":"Corrected headline"'
check "walk: not the old one" lacks "$TMP/out" "Old headline"
run out err nsearch --db "$TMP/db" --json -n 10 'budget'
check "walk: one hit for the budget" contains "$TMP/out" '"total":1,'
check "walk: it is budget.md" contains "$TMP/out" '"id":"budget.md"'

run out err nindex --db "$TMP/db2" --verbose "$A"
check "--verbose: '~' said" contains "$TMP/err" \
    "$A/budget.md~: not read: an editor's backup (a name ending in '~')"
check "--verbose: #NAME# said" contains "$TMP/err" \
    "$A/#budget.md#: not read: an editor's autosave (#NAME#)"
for f in budget.md.orig budget.md.bak budget.md.BAK budget.md.rej \
    budget.md.swp budget.md.swo budget.md.tmp budget.md.part posts.jsonl.bak; do
    check "--verbose: $f said" contains "$TMP/err" \
        "$A/$f: not read: a backup or leftover copy by its name (*.bak, *.orig, *.rej, *.swp, *.swo, *.tmp, *.part)"
done
check "--verbose: budget.md not said" lacks "$TMP/err" "$A/budget.md: not read"

# Passed over, not lost: a --prune deletes nothing.
run out err nindex --db "$TMP/db" --prune --force "$A"
check "--prune: exit 0" is "$rc" 0
check "--prune: nothing deleted" contains "$TMP/out" "2 unchanged, 0 deleted"

# A file named as the SOURCE is read, whatever its name, and its name
# gives it no language.
run out err nindex --db "$TMP/db3" "$A/budget.md.bak"
check "named backup: exit 0" is "$rc" 0
check "named backup: read" contains "$TMP/out" "1 added"
check "named backup: no language from its name" lacks "$TMP/err" "language"
run out err nsearch --db "$TMP/db3" --json 'budget'
check "named backup: in the default language" contains "$TMP/out" '"lang":"en"'
printf -- '---\ntitle: Budget\n---\nThe council budget.\n' >"$TMP/budget.nb.md.orig"
run out err nindex --db "$TMP/db4" "$TMP/budget.nb.md.orig"
run out err nsearch --db "$TMP/db4" --json 'budget'
check "named .nb.md.orig: no language from its name" contains "$TMP/out" '"lang":"en"'
# A translation's name still gives its language.
printf -- '---\ntitle: Budsjett\n---\nBudsjettet.\n' >"$TMP/budsjett.nb.md"
run out err nindex --db "$TMP/db5" "$TMP/budsjett.nb.md"
run out err nsearch --db "$TMP/db5" --json ''
check "budsjett.nb.md: Norwegian" contains "$TMP/out" '"lang":"no"'

# ".GZ" is left out of the id as ".gz" is.
G=$TMP/gz
mkdir -p "$G"
printf -- '---\ntitle: Ferry\n---\nThe ferry.\n' | gzip >"$G/POST.MD.GZ"
printf -- '---\ntitle: Bridge\n---\nThe bridge.\n' | gzip >"$G/bridge.md.gz"
run out err nindex --db "$TMP/db6" "$G"
check ".GZ: both read" contains "$TMP/out" "2 added"
run out err nsearch --db "$TMP/db6" --json -n 10 ''
check ".GZ: ids without it" \
    is "$(grep -o '"id":"[^"]*"' "$TMP/out" | sort | tr '\n' ' ')" \
    '"id":"POST.MD" "id":"bridge.md" '

finish
