#!/bin/sh
# t319-nsearchd-new-index-log.sh - nsearchd says in its log, once, when it
# answers from another index under the same generation number: the index
# removed and made again (gen-000001 again), or another index directory
# renamed into its place.  The generation number alone cannot tell them
# from the index served before; the database UUID does.  An update in
# place and SIGHUP keep the index: no such line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

write_stories "$TMP/a.jsonl" a 3
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
start_server --threads 3 || echo "setup: the server did not start"

# said LINE: how many times the log has LINE.
said() { grep -cF -- "$1" "$TMP/server.err"; }
# serves N: every worker answers N articles within 10 s.
serves() {
    i=0
    while [ $i -lt 100 ]; do
        ok=1
        for j in 1 2 3 4 5 6; do
            get s.json '/v1/search?q=&limit=0&no_collapse=1'
            [ "$code" = 200 ] && json s.json "d['total'] == $1" || ok=0
        done
        [ $ok = 1 ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# logged WHAT: the log has WHAT within 10 s.
logged() {
    i=0
    while [ $i -lt 100 ]; do
        [ "$(said "$1")" -gt 0 ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
NEW="a new index in place of the one served before"
serves 3 || echo "setup: the first index is not served"
# uuid DIR: the database UUID of DIR's live generation.
uuid() { xapian-delve "$1/current" | sed -n 's/^UUID = //p'; }
uuid1=$(uuid "$TMP/db")

# --- 1. Removed, and made again: gen-000001 again, 5 articles ------------
rm -rf "$TMP/db"
logged "is gone from disk" || echo "setup: the removal is not logged"
write_stories "$TMP/b.jsonl" b 5
nindex --quiet --db "$TMP/db" "$TMP/b.jsonl"
check "the new index is served" serves 5
uuid2=$(uuid "$TMP/db")
check "made again: logged once, with both UUIDs" \
    is "$(said "info: answering from 'gen-000001' of '$TMP/db' (5 articles), $NEW (database $uuid2, was $uuid1)")" 1

# --- 2. Another index directory renamed into its place -------------------
write_stories "$TMP/c.jsonl" c 7
nindex --quiet --db "$TMP/db2" "$TMP/c.jsonl"
mv "$TMP/db" "$TMP/db.old"
mv "$TMP/db2" "$TMP/db"
check "the renamed index is served" serves 7
check "renamed into place: logged once" \
    is "$(said "info: answering from 'gen-000001' of '$TMP/db' (7 articles), $NEW")" 1

# --- 3. An update in place and SIGHUP: the same index, no line -----------
write_stories "$TMP/d.jsonl" d 2
nindex --quiet --db "$TMP/db" "$TMP/d.jsonl"
kill -HUP "$server_pid"
logged "SIGHUP: reopening" || echo "setup: SIGHUP is not logged"
check "the update is served" serves 9
check "an update and SIGHUP: no more such lines" is "$(said "$NEW")" 2
finish
