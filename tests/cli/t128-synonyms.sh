#!/bin/sh
# t128-synonyms.sh - The archive's synonyms (common/synonyms.cc): with
# DIR/synonyms a query word of a group finds the articles of every word
# of the group, the spelling typed ranked first, in every text field but
# not in phrases; an entry of several words is a phrase, and those words
# typed one after another are read as it; an excluded word excludes its
# group; a word in two lines
# joins their groups; bad lines are FILE:LINE warnings and the rest is
# used; a word found only through a synonym gets no "Did you mean";
# nsearchd reads a changed file without a restart; and a cluster front
# reads the file of its 'synonyms' line.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"
. "$(dirname "$0")/cluster.sh"

cat >"$TMP/a.jsonl" <<'EOF'
{"id": "kiev1", "title": "Shelling in Kiev", "date": "2018-03-01T10:00:00Z", "body": "The city of Kiev was shelled overnight, officials said."}
{"id": "kiev2", "title": "Kiev rebuilds its bridges", "date": "2019-03-01T10:00:00Z", "body": "Engineers in Kiev began work on the bridges."}
{"id": "kyiv1", "title": "Kyiv rebuilds", "date": "2023-03-01T10:00:00Z", "body": "Kyiv residents rebuild after the war."}
{"id": "kyiv2", "title": "Concert season", "date": "2024-03-01T10:00:00Z", "body": "The opera of Kyiv opened its season with a war requiem."}
{"id": "kijev1", "lang": "no", "title": "Valg i Ukraina", "date": "2024-04-01T10:00:00Z", "body": "Velgerne i Kijev gikk til urnene."}
{"id": "bom1", "title": "Bombay stock exchange", "date": "1990-03-02T10:00:00Z", "body": "The Bombay exchange opened higher."}
{"id": "mum1", "title": "Markets", "date": "2023-03-02T10:00:00Z", "body": "Trading in Mumbai was brisk, with shares of banks rising."}
{"id": "bei1", "title": "Talks in Beijing", "date": "2022-05-02T10:00:00Z", "body": "Beijing hosted the talks."}
{"id": "park1", "title": "Parking fees", "date": "2022-05-03T10:00:00Z", "body": "Parking in the centre costs more."}
{"id": "park2", "title": "Parking spaces", "date": "2022-05-04T10:00:00Z", "body": "Parking spaces were added."}
EOF
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ids QUERY [DB]: the ids of QUERY's hits, best first.
ids() {
    nsearch --db "${2:-$TMP/db}" --json --related 0 --no-collapse \
        --snippet-len 0 --limit 50 "$1" 2>>"$TMP/warn" |
        python3 -c 'import json, sys
print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}
# sorted_ids QUERY [DB]: the same, sorted.
sorted_ids() { ids "$@" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//'; }

# --- 1. Without a synonyms file, each spelling finds its own -----------
check "no file: kyiv finds Kyiv only" is "$(sorted_ids kyiv)" "kyiv1 kyiv2"
check "no file: bombay finds Bombay only" is "$(sorted_ids bombay)" "bom1"

# --- 2. A group finds every spelling, the one typed first --------------
cat >"$TMP/db/synonyms" <<'EOF'
# Places renamed over the years.
Kyiv, Kiev
Mumbai, Bombay    # renamed in 1995

Beijing, Peking
EOF
: >"$TMP/warn"
check "kyiv finds Kiev too" is "$(sorted_ids kyiv)" "kiev1 kiev2 kyiv1 kyiv2"
check "kiev finds Kyiv too" is "$(sorted_ids kiev)" "kiev1 kiev2 kyiv1 kyiv2"
check "kyiv: the Kyiv articles first" \
    is "$(ids kyiv | cut -d' ' -f1-2 | tr ' ' '\n' | sort | tr '\n' ' ')" \
    "kyiv1 kyiv2 "
check "kiev: the Kiev articles first" \
    is "$(ids kiev | cut -d' ' -f1-2 | tr ' ' '\n' | sort | tr '\n' ' ')" \
    "kiev1 kiev2 "
check "capitals: KYIV as kyiv" is "$(sorted_ids KYIV)" "$(sorted_ids kyiv)"
check "Mumbai finds Bombay" is "$(sorted_ids Mumbai)" "bom1 mum1"
check "a word's other forms: Bombay's" is "$(sorted_ids "Bombay's")" \
    "bom1 mum1"
check "a good file: no warning" is "$(wc -c <"$TMP/warn")" 0
check "title:kyiv finds the title Kiev" \
    is "$(sorted_ids title:kyiv)" "kiev1 kiev2 kyiv1"
check "a phrase is as written" is "$(sorted_ids '"kyiv rebuilds"')" "kyiv1"
check "AND: both words, either spelling" \
    is "$(sorted_ids 'kiev AND war')" "kyiv1 kyiv2"
check "an excluded word excludes its group" \
    is "$(sorted_ids 'rebuild -kiev')" ""
check "an excluded word, other words kept" \
    is "$(sorted_ids 'war -kiev')" ""
check "a word of no group is as before" is "$(sorted_ids war)" "kyiv1 kyiv2"
check "the snippet marks the other spelling" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/db' --json --related 0 kyiv |
        grep -qF '<mark>Kiev</mark>'"

check "a wildcard is not expanded" is "$(sorted_ids 'kyi*')" "kyiv1 kyiv2"

# One word, not two: an article with both spellings once each ranks
# below one with the spelling typed twice, the same length; were they two
# words, each once would outweigh one twice (BM25's tf saturates).
cat >"$TMP/w.jsonl" <<'EOF2'
{"id": "both", "title": "Note one", "body": "Kyiv and Kiev were named in the report on grain."}
{"id": "twice", "title": "Note two", "body": "Kyiv and Kyiv were named in the report on grain."}
{"id": "other", "title": "Note three", "body": "Lviv and Odesa were named in the report on grain."}
{"id": "byline", "title": "Note four", "author": "Anna Kiev", "body": "Kharkiv was named in the report on grain."}
EOF2
nindex --quiet --db "$TMP/w" "$TMP/w.jsonl"
printf 'Kyiv, Kiev\n' >"$TMP/w/synonyms"
check "one word: the spelling typed twice first" \
    is "$(ids kyiv "$TMP/w" | cut -d' ' -f1-2)" "twice both"
check "author: is not expanded" is "$(sorted_ids author:kyiv "$TMP/w")" ""
check "author: as written still" is "$(sorted_ids author:kiev "$TMP/w")" \
    "byline"

# --- 2b. Entries of several words ---------------------------------------
# "UN, United Nations": the entry is a phrase, and its words typed one
# after another (a stop word between them left out by the parser, as in
# "Bank of England") are read as it, as Elasticsearch's synonym_graph
# reads them: the words apart ("the United States and other nations") no
# longer match.
cat >"$TMP/m.jsonl" <<'EOF2'
{"id": "un1", "title": "Budget vote", "date": "2024-01-01", "body": "The United Nations voted on the budget."}
{"id": "un2", "title": "Sanctions vote", "date": "2024-01-02", "body": "The UN voted on sanctions."}
{"id": "un3", "title": "A plan opposed", "date": "2024-01-03", "body": "Nations united against the plan and voted it down."}
{"id": "un4", "title": "Trade vote", "date": "2024-01-04", "body": "The United States and other nations voted on trade."}
{"id": "boe1", "title": "Rates up", "date": "2024-01-05", "body": "The Bank of England raised rates."}
{"id": "boe2", "title": "Rates held", "date": "2024-01-06", "body": "The BoE held rates."}
{"id": "boe3", "title": "Branch closed", "date": "2024-01-07", "body": "A bank in England closed its branch; rates were not the cause."}
EOF2
nindex --quiet --db "$TMP/m" "$TMP/m.jsonl"
check "no file: un finds UN only" is "$(sorted_ids un "$TMP/m")" "un2"
check "no file: united nations finds the words apart" \
    is "$(sorted_ids 'united nations' "$TMP/m")" "un1 un3 un4"
printf 'UN, United Nations\nBoE, Bank of England\n' >"$TMP/m/synonyms"
: >"$TMP/warn"
check "un finds United Nations" is "$(sorted_ids un "$TMP/m")" "un1 un2"
check "un: UN first" is "$(ids un "$TMP/m" | cut -d' ' -f1)" "un2"
check "united nations finds UN, not the words apart" \
    is "$(sorted_ids 'united nations' "$TMP/m")" "un1 un2"
check "united nations: United Nations first" \
    is "$(ids 'United Nations' "$TMP/m" | cut -d' ' -f1)" "un1"
check "capitalised: United Nations as the entry" \
    is "$(sorted_ids 'United Nations' "$TMP/m")" "un1 un2"
check "in capitals: UNITED NATIONS as the entry" \
    is "$(sorted_ids 'UNITED NATIONS' "$TMP/m")" "un1 un2"
check "the phrase \"united nations\" finds UN" \
    is "$(sorted_ids '"united nations"' "$TMP/m")" "un1 un2"
check "the words in another order are words" \
    is "$(sorted_ids 'nations united' "$TMP/m")" "un1 un3 un4"
check "an OR asks for either word" \
    is "$(sorted_ids 'united OR nations' "$TMP/m")" "un1 un3 un4"
check "a stop word inside: bank of england" \
    is "$(sorted_ids 'bank of england' "$TMP/m")" "boe1 boe2"
check "boe finds Bank of England" is "$(sorted_ids boe "$TMP/m")" "boe1 boe2"
check "other words kept: un voted" \
    is "$(sorted_ids 'un voted' "$TMP/m")" "un1 un2 un3 un4"
check "an excluded word excludes its phrase too" \
    is "$(sorted_ids 'voted -un' "$TMP/m")" "un3 un4"
check "NEAR is as written" is "$(sorted_ids 'un NEAR voted' "$TMP/m")" "un2"
check "entries of several words: no warning" is "$(wc -c <"$TMP/warn")" 0
check "the snippet marks the phrase" \
    sh -c "'$NSEARCH_BIN/nsearch' --db '$TMP/m' --json --related 0 un |
        grep -qF '<mark>United Nations</mark>'"

# Read as the entry, the words count as the entry's phrase only: the
# same scores as the quoted phrase, and no lone "nations" marked (before,
# the typed words also counted apart: "other nations" was marked and
# ranked).
cat >"$TMP/w.jsonl" <<'EOF2'
{"id": "w1", "title": "Budget vote", "date": "2024-01-01", "body": "The United Nations voted on the budget. Other nations agreed."}
{"id": "w2", "title": "Sanctions vote", "date": "2024-01-02", "body": "The UN voted on sanctions."}
EOF2
nindex --quiet --db "$TMP/w" "$TMP/w.jsonl"
printf 'UN, United Nations\n' >"$TMP/w/synonyms"
scored() {
    nsearch --db "$TMP/w" --json --related 0 -- "$1" |
        python3 -c 'import json, sys
print(" ".join("%s:%.4f" % (h["id"], h["score"]) for h in json.load(sys.stdin)["hits"]))'
}
check "typed entry: scored as the quoted phrase" \
    is "$(scored 'united nations')" "$(scored '"united nations"')"
check "typed entry: no lone word marked" \
    is "$(nsearch --db "$TMP/w" --json --related 0 'united nations' |
        python3 -c 'import json, sys
print(json.load(sys.stdin)["hits"][0]["snippet_html"])')" \
    "The <mark>United Nations</mark> voted on the budget. Other nations agreed."

# --- 3. A word in two lines joins their groups -------------------------
printf 'Kyiv, Kiev\nKiev, Kijev\n' >"$TMP/db/synonyms"
check "joined groups: kijev finds Kyiv (Norwegian article too)" \
    is "$(sorted_ids kijev)" "kiev1 kiev2 kijev1 kyiv1 kyiv2"
check "joined groups: kyiv finds the Norwegian Kijev" \
    is "$(sorted_ids kyiv)" "kiev1 kiev2 kijev1 kyiv1 kyiv2"

# --- 4. Bad lines: FILE:LINE, skipped, the rest used -------------------
printf 'Ivory Coast of West Africa by the Gulf, Kyiv, Kiev\nsolo\n\342\200 bad, Kiev\nMumbai, Bom\001bay\nBeijing, Peking\n' \
    >"$TMP/db/synonyms"
run out err nsearch --db "$TMP/db" --related 0 mumbai
check "bad lines: the search runs (exit 0)" is "$rc" 0
check "an entry past 6 words: FILE:LINE" contains "$TMP/err" \
    "$TMP/db/synonyms:1: 'Ivory Coast of West Africa by the Gulf' has more than 6 words"
check "a lone word: FILE:LINE" contains "$TMP/err" \
    "$TMP/db/synonyms:2: a group needs two entries or more"
check "bad UTF-8: FILE:LINE" contains "$TMP/err" \
    "$TMP/db/synonyms:3: not UTF-8"
check "a control character: FILE:LINE" contains "$TMP/err" \
    "$TMP/db/synonyms:4: a control character"
check "the rest of a line with a long entry is used" \
    is "$(sorted_ids kyiv)" "kiev1 kiev2 kyiv1 kyiv2"
check "a skipped line is not used" is "$(sorted_ids mumbai)" "mum1"
check "the lines after the bad ones are used" \
    is "$(sorted_ids peking)" "bei1"
words=""
i=0
while [ $i -lt 17 ]; do
    words="${words}w$i, "
    i=$((i + 1))
done
printf 'Kyiv, Kiev\n%sKiev\n' "$words" >"$TMP/db/synonyms"
run out err nsearch --db "$TMP/db" --related 0 kyiv
check "a group past 16 words: refused" contains "$TMP/err" \
    "$TMP/db/synonyms:2: the group would have 19 entries, more than 16"
check "a group past 16 words: the first line still holds" \
    is "$(sorted_ids kyiv)" "kiev1 kiev2 kyiv1 kyiv2"
python3 -c 'import sys
sys.stdout.write("Kyiv, Kiev\n" * 500000)' >"$TMP/db/synonyms"
run out err nsearch --db "$TMP/db" --related 0 kyiv
check "a file over 4 MiB: said" contains "$TMP/err" "larger than 4 MiB"
check "a file over 4 MiB: not used" is "$(sorted_ids kyiv)" "kyiv1 kyiv2"
rm "$TMP/db/synonyms"
python3 -c 'import sys
sys.stdout.write("solo\n" * 12)' >"$TMP/db/synonyms"
run out err nsearch --db "$TMP/db" --related 0 kyiv
check "at most 10 warnings" is "$(grep -c 'synonyms:[0-9]*: a group needs' \
    "$TMP/err")" 10
check "and how many more" contains "$TMP/err" "synonyms: 2 more problems"
rm "$TMP/db/synonyms"
mkdir "$TMP/db/synonyms"
run out err nsearch --db "$TMP/db" --related 0 kyiv
check "a directory: cannot be read" contains "$TMP/err" \
    "$TMP/db/synonyms: cannot be read (not a file)"
check "a directory: the search runs" is "$rc" 0
rmdir "$TMP/db/synonyms"

# --- A rebuild leaves the file alone -----------------------------------
printf 'Kyiv, Kiev\n' >"$TMP/db/synonyms"
check "rebuild" nindex --quiet --db "$TMP/db" --rebuild "$TMP/a.jsonl"
check "rebuild: the file is still there" test -f "$TMP/db/synonyms"
check "rebuild: and used" is "$(sorted_ids kyiv)" "kiev1 kiev2 kyiv1 kyiv2"
rm "$TMP/db/synonyms"

# --- 5. No "Did you mean" for a word found through a synonym ----------
sug() {
    nsearch --db "$TMP/db" --json --related 0 "$1" 2>/dev/null |
        python3 -c 'import json, sys
print(json.load(sys.stdin)["suggestion"])'
}
check "without the group: peking gets a suggestion" \
    sh -c "[ '$(sug peking)' != None ]"
printf 'Beijing, Peking\n' >"$TMP/db/synonyms"
check "with the group: peking gets none" is "$(sug peking)" None
check "with the group: peking finds Beijing" is "$(sorted_ids peking)" "bei1"

# --- 6. nsearchd reads a changed file within a refresh ----------------
rm "$TMP/db/synonyms"
check "server starts" start_server --threads 2
# count_kyiv: the total of kyiv on the server.
count_kyiv() {
    get k.json "/v1/search?q=kyiv&related=0"
    python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["total"])' "$TMP/k.json"
}
# within N TOTAL: count_kyiv is TOTAL within N tenths of a second.
within() {
    i=0
    while [ $i -lt "$1" ]; do
        [ "$(count_kyiv)" = "$2" ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# every N TOTAL: six requests in a row (both workers) give TOTAL, within
# N tenths of a second (a worker refreshes about once a second, slower
# under a sanitizer).
every() {
    i=0
    while [ $i -lt "$1" ]; do
        ok=1
        for j in 1 2 3 4 5 6; do
            [ "$(count_kyiv)" = "$2" ] || ok=0
        done
        [ $ok = 1 ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
check "server: no file, 2" is "$(count_kyiv)" 2
printf 'Kyiv, Kiev\n' >"$TMP/db/synonyms.new"
mv "$TMP/db/synonyms.new" "$TMP/db/synonyms"
check "server: a new file read without a restart" within 100 4
check "server: every worker reads it" every 150 4
# groups N: /v1/stats says N groups are in use.
groups() {
    get st.json /v1/stats
    [ "$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["index"]["synonym_groups"])' \
        "$TMP/st.json")" = "$1" ]
}
check "server: /v1/stats counts the groups" groups 1
# gauge N: /metrics says N groups are in use.
gauge() {
    get m.txt /metrics
    grep -qx "nsearchd_index_synonym_groups $1" "$TMP/m.txt"
}
check "server: /metrics counts the groups" gauge 1
printf 'Kyiv, Kijev\nsolo\n' >"$TMP/db/synonyms.new"
mv "$TMP/db/synonyms.new" "$TMP/db/synonyms"
check "server: a changed file read again" within 100 3
check "server: every worker reads the change" every 150 3
check "server: a bad line is logged once, not once a worker" \
    is "$(grep -c 'synonyms:2: a group needs' "$TMP/server.err")" 1
rm "$TMP/db/synonyms"
check "server: a removed file is dropped" within 100 2
check "server: /v1/stats counts none" every 150 2
check "server: /v1/stats: no groups" groups 0
check "server: /metrics: no groups" gauge 0
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=

# --- 7. A cluster front: its 'synonyms' line --------------------------
for i in 0 1; do
    nindex --quiet --db "$TMP/s$i" --rebuild --shard $i/2 "$TMP/a.jsonl"
done
shards=""
for i in 0 1; do
    port=$(free_port)
    start_shard "$port" "$TMP/s$i"
    shards="$shards
shard $i tcp 127.0.0.1:$port"
done
printf 'Kyiv, Kiev\n' >"$TMP/syn"
printf 'connect-timeout 2\ntimeout 10%s\n' "$shards" >"$TMP/bare"
printf 'connect-timeout 2\ntimeout 10%s\nsynonyms %s\n' "$shards" "$TMP/syn" \
    >"$TMP/cluster"
check "cluster without the line: kyiv finds Kyiv" \
    is "$(sorted_ids kyiv "$TMP/bare")" "kyiv1 kyiv2"
check "cluster with the line: kyiv finds Kiev too" \
    is "$(sorted_ids kyiv "$TMP/cluster")" "kiev1 kiev2 kyiv1 kyiv2"
printf 'Kyiv, Kiev\n' >"$TMP/s0/synonyms"
printf 'Kyiv, Kiev\n' >"$TMP/s1/synonyms"
check "cluster: the shards' own files are not read" \
    is "$(sorted_ids kyiv "$TMP/bare")" "kyiv1 kyiv2"
# nsearchd on the front reads a change of the line's file.
SOCK=$TMP/c.sock
check "server on the cluster starts" start_server --db "$TMP/cluster"
check "server on the cluster: the file's groups" within 100 4
printf 'Mumbai, Bombay\n' >"$TMP/syn.new"
mv "$TMP/syn.new" "$TMP/syn"
check "server on the cluster: a change read without a restart" within 100 2
kill $server_pid
wait $server_pid 2>/dev/null
server_pid=
printf 'synonyms %s\n' "$TMP/syn" >>"$TMP/cluster"
run out err nsearch --db "$TMP/cluster" kyiv
check "cluster: two synonyms lines refused" contains "$TMP/err" \
    "$TMP/cluster:6: 'synonyms' is already given on line 5"
check "cluster: two synonyms lines: exit not 0" test "$rc" != 0
printf 'connect-timeout 2%s\nsynonyms\n' "$shards" >"$TMP/cluster"
run out err nsearch --db "$TMP/cluster" kyiv
check "cluster: a synonyms line without a path" contains "$TMP/err" \
    "$TMP/cluster:4: 'synonyms' needs the PATH"
for p in $shard_pids; do stop_shard "$p"; done
shard_pids=

finish
