#!/bin/sh
# t297-nsearchd-generation-log.sh - nsearchd says in its log, once, when
# it answers from another generation of the index (a rebuild published,
# a rollback), with no restart: the line a night's job is checked by.
# An update in place (the same generation) and SIGHUP say nothing of it.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

write_stories "$TMP/a.jsonl" a 3
nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
start_server --threads 3 || echo "setup: the server did not start"

# wait_gen NAME: /v1/stats names generation NAME within 5 s.
wait_gen() {
    i=0
    while [ $i -lt 50 ]; do
        get st.json /v1/stats
        json st.json "d['index']['generation'] == '$1'" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# said LINE: how many times the log has LINE.
said() { grep -cF -- "$1" "$TMP/server.err"; }
# logged_once NAME LINE: generation NAME is served (every worker asked),
# and the log has LINE once.
logged_once() {
    wait_gen "$1" || return 1
    for i in 1 2 3 4 5 6; do get s$i.json '/v1/search?q=&limit=0'; done
    is "$(said "$2")" 1
}

write_stories "$TMP/b.jsonl" b 5
nindex --quiet --db "$TMP/db" --rebuild "$TMP/a.jsonl" "$TMP/b.jsonl"
check "the rebuild is served and logged once, with its articles" \
    logged_once gen-000002 "info: answering from 'gen-000002' of '$TMP/db' (8 articles), in place of 'gen-000001'"

nindex --quiet --db "$TMP/db" --rollback
check "the rollback is served and logged once" \
    logged_once gen-000001 "info: answering from 'gen-000001' of '$TMP/db' (3 articles), in place of 'gen-000002'"

# An update in place and a SIGHUP keep the generation: no such line.
write_stories "$TMP/c.jsonl" c 4
nindex --quiet --db "$TMP/db" "$TMP/c.jsonl"
kill -HUP "$server_pid"
sleep 1.5
for i in 1 2 3 4 5 6; do get s$i.json '/v1/search?q=&limit=0'; done
json s6.json "d['total'] == 7" || echo "setup: the update is not served"
check "the same generation is not logged again" is "$(said "info: answering from")" 2
finish
