#!/bin/sh
# tests/fuzz/seeds.sh HARNESS DIR - List (or, with DIR, copy into DIR) the
# seed inputs of one fuzz harness: the samples of its format, a few records
# of the shared corpora, and every input a fuzzer found before.
# tests/fuzz/seeds.sh --shared - Say where the shared corpora are read from,
# or, in one line on stderr, that they are not found and how to give them.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# SHARED when given, else ../shared beside the tree; a clone made anywhere
# else has no corpora there, and its fuzzers would start from the samples
# alone without a word, so --shared (run once by make fuzz) says so.
SHARED=${SHARED:-$top/../shared}
if [ "${1:-}" = --shared ]; then
    if [ -d "$SHARED/corpora" ]; then
        echo "$SHARED"
    else
        echo "seeds.sh: $SHARED/corpora: not found, so no seeds from the shared corpora; give them with SHARED=DIR (the directory holding corpora/)" >&2
    fi
    exit 0
fi
h=$1
dir=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $h in
feed) files="$top/samples/feeds/* $top/tests/fuzz/seeds-feed/*" ;;
html) files="$top/samples/pages/* $top/tests/fuzz/seeds-html/*" ;;
jsondoc) files="$top/samples/json/* $top/tests/fuzz/seeds-jsondoc/*" ;;
nitf) files="$top/tests/fuzz/seeds-nitf/*" ;;
markdown | frontmatter)
    files="$top/samples/technology/*.md $top/samples/norway/*.md"
    files="$files $top/tests/fuzz/seeds-frontmatter/*"
    [ -d "$SHARED/corpora/pages" ] && files="$files $SHARED/corpora/pages/*.txt" ;;
jsonl)
    # One record per file: the first lines of two shared corpora.
    for c in reuters21578 bbc; do
        f=$SHARED/corpora/$c/articles.jsonl.gz
        [ -f "$f" ] || continue
        gzip -dc "$f" | head -n 20 | split -l 1 - "$tmp/$c-"
    done
    files="$tmp/* $top/tests/fuzz/seeds-jsonl/*" ;;
*) echo "unknown harness $h" >&2; exit 2 ;;
esac
files="$files $top/tests/fuzz/found/$h/*"
for f in $files; do
    [ -f "$f" ] || continue
    if [ -n "$dir" ]; then cp "$f" "$dir/"; else echo "$f"; fi
done
