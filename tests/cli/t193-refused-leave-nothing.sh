#!/bin/sh
# t193-refused-leave-nothing.sh - A refused run removes what it made at
# --db DIR (the directory, the parents it made, its lock) and nothing it
# did not make.  A --rollback of a DIR that was not there left DIR/lock,
# and the next update built an index there without "a new index: ... did
# not exist", the guard against a typo in a nightly job's --db.  Empty
# standard input is an empty file, as a named one is: said, and a prune
# from it refused with one reason that fits a pipe.  An empty SOURCE into
# a new DIR makes no index.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/articles.jsonl" <<'J'
{"id": "harbour-1", "title": "Harbour ferry cancelled", "body": "Storm warnings stopped the morning ferry."}
{"id": "harbour-2", "title": "Ferry back on schedule", "body": "The harbour ferry runs again after the storm."}
J
mkdir "$TMP/emptysrc" "$TMP/w"

# --rollback of a DIR that is not there: nothing made, so the next
# update still says the index is new.
run out err nindex --db "$TMP/w/dr/typo" --rollback
check "rollback, no DIR: exit 1" is "$rc" 1
check "rollback, no DIR: says no index" contains "$TMP/err" \
    "no index at '$TMP/w/dr/typo'"
check "rollback, no DIR: nothing made" is "$(ls -A "$TMP/w")" ""
run out err nindex --db "$TMP/w/dr/typo" "$TMP/articles.jsonl"
check "then an update: a new index, said" contains "$TMP/out" \
    "; a new index: '$TMP/w/dr/typo' did not exist"
rm -rf "$TMP/w/dr"

# Each refused run under a new path leaves no parent behind.
refused() {
    name=$1
    shift
    run out err nindex --db "$TMP/w/dr/a/b/typo" "$@"
    check "$name: refused" test "$rc" -ne 0
    check "$name: nothing left behind" is "$(ls -A "$TMP/w")" ""
    rm -rf "$TMP/w/dr"
}
refused "--delete" --delete harbour-1
refused "--rebuild of a missing file" --rebuild "$TMP/no-such.jsonl"
refused "--rebuild of an empty SOURCE" --rebuild "$TMP/emptysrc"
refused "--prune of an empty SOURCE" --prune "$TMP/emptysrc"
refused "an update from a missing file" "$TMP/no-such.jsonl"
check "the summary says it is not made" contains "$TMP/out" \
    "'$TMP/w/dr/a/b/typo' did not exist and is not made"
run out err nindex --db "$TMP/w/dr/a/b/typo" --rebuild "$TMP/emptysrc"
check "a rebuild not published says so too" contains "$TMP/out" \
    "'$TMP/w/dr/a/b/typo' did not exist and is not made"
rm -rf "$TMP/w/dr"

# What was there before stays: the parent that existed, and what another
# program put in a parent meanwhile is not the run's to remove.
mkdir -p "$TMP/w/kept"
printf 'x\n' >"$TMP/w/kept/note"
run out err nindex --db "$TMP/w/kept/new/db" --prune "$TMP/emptysrc"
check "an existing parent: refused" is "$rc" 5
check "an existing parent: kept with its file" is "$(ls -A "$TMP/w/kept")" "note"

# An existing empty DIR: a refused --rollback leaves no lock in it.
mkdir "$TMP/w/e"
run out err nindex --db "$TMP/w/e" --rollback
check "rollback, empty DIR: exit 1" is "$rc" 1
check "rollback, empty DIR: no lock left" is "$(ls -A "$TMP/w/e")" ""
# One with an index keeps its lock file: it is not the run's.
nindex --quiet --db "$TMP/w/i" "$TMP/articles.jsonl"
run out err nindex --db "$TMP/w/i" --rollback
check "rollback, one generation: exit 1" is "$rc" 1
check "rollback, one generation: the index keeps its lock" test -e "$TMP/w/i/lock"

# Empty standard input is an empty file.
: >"$TMP/empty.jsonl"
run out err nindex --db "$TMP/w/i" "$TMP/empty.jsonl"
check "an empty file: ignored, said" contains "$TMP/err" \
    "$TMP/empty.jsonl: ignored: empty file"
check "an empty file: counted ignored" contains "$TMP/out" "1 ignored"
run out err sh -c ': | "$1" --db "$2" -' sh "$NSEARCH_BIN/nindex" "$TMP/w/i"
check "empty stdin: exit 0" is "$rc" 0
check "empty stdin: ignored, said" contains "$TMP/err" \
    "<stdin>: ignored: empty file"
check "empty stdin: counted ignored" contains "$TMP/out" "1 ignored"
run out err sh -c 'printf "\n  \n" | "$1" --db "$2" -' sh "$NSEARCH_BIN/nindex" "$TMP/w/i"
check "blank stdin: ignored, said" contains "$TMP/err" \
    "<stdin>: ignored: empty file"
run out err sh -c ': | "$1" --db "$2" --prune -' sh "$NSEARCH_BIN/nindex" "$TMP/w/i"
check "empty stdin, --prune: refused (exit 5)" is "$rc" 5
check "empty stdin, --prune: one reason that fits a pipe" contains "$TMP/err" \
    "refusing to prune: source '-' has no articles (an export that failed?); nothing was deleted"
check "empty stdin, --prune: no mount asked of a pipe" lacks "$TMP/err" "mounted"
check "empty stdin, --prune: said once" lacks "$TMP/err" "no article in it"
run out err nindex --db "$TMP/w/i" --prune "$TMP/empty.jsonl"
check "an empty file, --prune: the same one reason" contains "$TMP/err" \
    "refusing to prune: source '$TMP/empty.jsonl' has no articles (an export that failed?)"
check "an empty file, --prune: said once" lacks "$TMP/err" "no article in it"
run out err nindex --db "$TMP/w/i" --prune "$TMP/emptysrc"
check "an empty directory, --prune: is it mounted?" contains "$TMP/err" \
    "source '$TMP/emptysrc' has no articles (is it mounted?)"
check "the articles are all there" is \
    "$(count "$TMP/w/i")" 2

# An empty SOURCE into a new DIR makes no index, as a SOURCE of bad
# records does not: it left an empty one, and a search said "No
# matches" where "no index" says what happened.  Nothing failed: exit 0.
for src in "$TMP/empty.jsonl" /dev/null; do
    run out err nindex --db "$TMP/w/new/db" "$src"
    check "empty $src into a new DIR: exit 0" is "$rc" 0
    check "empty $src into a new DIR: not made, said" contains "$TMP/out" \
        "; '$TMP/w/new/db' did not exist and is not made"
    check "empty $src into a new DIR: nothing left" test ! -e "$TMP/w/new"
done
run out err nsearch --db "$TMP/w/new/db" harbour
check "then a search: no index" contains "$TMP/err" "no index at"
run out err sh -c ': | "$1" --db "$2" -' sh "$NSEARCH_BIN/nindex" "$TMP/w/new"
check "empty stdin into a new DIR: exit 0" is "$rc" 0
check "empty stdin into a new DIR: nothing left" test ! -e "$TMP/w/new"
run out err nindex --db "$TMP/w/new" --dry-run "$TMP/empty.jsonl"
check "its dry run: would not be made" contains "$TMP/out" \
    "; '$TMP/w/new' does not exist and would not be made"
run out err nindex --db "$TMP/w/new" "$TMP/empty.jsonl" "$TMP/articles.jsonl"
check "with an article too: a new index" contains "$TMP/out" \
    "; a new index: '$TMP/w/new' did not exist"
check "with an article too: made" is "$(count "$TMP/w/new")" 2

finish
