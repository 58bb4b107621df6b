#!/bin/sh
# t063-rebuild-guard.sh - A rebuild does not publish a generation that
# lacks articles only because their files could not be read (README
# "Updates, rebuilds and the nightly job"): a year linked from a disk that
# is not mounted (a dangling link), a gzip cut short, or a SOURCE with no
# articles next to others.  --force publishes anyway.  A shard of a small
# archive that holds none of its articles is rebuilt.
. "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/archive" "$TMP/disk2/1986"
python3 - "$TMP" <<'PY'
import json, sys
d = sys.argv[1]
for name, first in (("archive/a.jsonl", 0), ("disk2/1986/b.jsonl", 300)):
    with open("%s/%s" % (d, name), "w") as f:
        for i in range(first, first + 300):
            f.write(json.dumps({"id": "r%d" % i, "title": "Report %d" % i,
                                "body": "Harbour news number %d." % i}) + "\n")
PY
ln -s ../disk2/1986 "$TMP/archive/1986"
check "index 600 articles" nindex --quiet --db "$TMP/db" "$TMP/archive"
count() {
    nsearch --db "$TMP/db" --json --limit 0 --no-collapse --related 0 "" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}

# The second disk unmounted: the link dangles.
mv "$TMP/disk2" "$TMP/disk2.away"
run out err nindex --db "$TMP/db" --rebuild "$TMP/archive"
check "dangling link: not published (exit 1)" is "$rc" 1
check "dangling link: says why" contains "$TMP/err" \
    "not publishing: 1 file could not be read whole"
check "dangling link: the live index keeps all 600" is "$(count)" 600
check "dangling link: the summary counts nothing as added" python3 -c '
import sys
out = open(sys.argv[1]).read()
assert "nothing published: the live index is unchanged" in out, out
assert " added" not in out and "the build read 300 articles" in out, out
' "$TMP/out"
run out err nindex --db "$TMP/db" --rebuild --force "$TMP/archive"
check "dangling link, --force: published, a skipped record (exit 3)" \
    is "$rc" 3
check "dangling link, --force: 300 articles" is "$(count)" 300
mv "$TMP/disk2.away" "$TMP/disk2"
check "back: rebuilt whole" nindex --quiet --db "$TMP/db" --rebuild \
    "$TMP/archive"
check "back: 600 articles" is "$(count)" 600

# A gzip cut short: its tail would be lost.
gzip -c "$TMP/archive/a.jsonl" >"$TMP/a.jsonl.gz"
head -c 400 "$TMP/a.jsonl.gz" >"$TMP/archive/a.jsonl.gz"
mv "$TMP/archive/a.jsonl" "$TMP/a.jsonl"
run out err nindex --db "$TMP/db" --rebuild "$TMP/archive"
check "gzip cut short: not published (exit 1)" is "$rc" 1
check "gzip cut short: the live index keeps all 600" is "$(count)" 600
mv "$TMP/a.jsonl" "$TMP/archive/a.jsonl"
rm "$TMP/archive/a.jsonl.gz"

# An empty SOURCE next to a full one: an unmounted disk.
mkdir "$TMP/empty"
run out err nindex --db "$TMP/db" --rebuild "$TMP/archive" "$TMP/empty"
check "empty source: refused (exit 65)" is "$rc" 65
check "empty source: named" contains "$TMP/err" \
    "source '$TMP/empty' has no articles"
check "empty source: the live index keeps all 600" is "$(count)" 600
run out err nindex --db "$TMP/db" --rebuild --force "$TMP/archive" \
    "$TMP/empty"
check "empty source, --force: published" is "$rc" 0

# A shard with none of a small archive's articles is rebuilt (its
# sources held the other shards' articles).
printf '{"id":"x1","title":"a","body":"b"}\n' >"$TMP/one.jsonl"
for i in 0 1 2; do
    run out err nindex --db "$TMP/sh$i" --rebuild --shard $i/3 "$TMP/one.jsonl"
    check "shard $i/3 of one article: rebuilt" is "$rc" 0
done

finish
