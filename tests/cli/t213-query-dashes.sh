#!/bin/sh
# t213-query-dashes.sh - What nsearch reads from its arguments and its
# standard input.
#
# A "-word" exclusion typed as its own argument is a query word.  getopt read it as options: "trump -hillary" printed --help
# on stdout with exit 0 (a script read the help as results), "oil -dollar"
# was "--db ollar", "azure -saudi" a --sort error and "azure -protest" an
# invalid -p.  Now only -d, -n, -s, -j and -h alone (and -n5) are short
# options; any other dash and two or more characters is a query word.
#
# --batch answers each query line at once, so that it can serve as a
# long-running helper (a coprocess): its answers were fully buffered on a
# pipe and came only when its input closed.  Each input line gives one
# answer: an empty line gave none (the answers no longer paired with the
# lines), and a line of spaces searched the whole archive; now such a
# line is {"qid", "error": "empty query"}, while "q3<TAB>" (a qid, no
# query) lists every article as nsearch "" does.
. "$(dirname "$0")/lib.sh"

index_samples
# query ARGS...: the "query" nsearch --json reads from ARGS.
query() {
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>"$TMP/q.err" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["query"])' 2>/dev/null
}
# field NAME ARGS...: field NAME of nsearch --json ARGS.
field() {
    f=$1
    shift
    nsearch --db "$TMP/db" --json --related 0 "$@" 2>/dev/null |
        python3 -c "import json, sys; print(json.load(sys.stdin)['$f'])" 2>/dev/null
}

run out err nsearch --db "$TMP/db" --related 0 trump -hillary
check "trump -hillary: exit 0" is "$rc" 0
check "trump -hillary: no help on stdout" lacks "$TMP/out" "Usage:"
check "trump -hillary: results" contains "$TMP/out" "matches; showing"
check "trump -hillary: one query" is "$(query trump -hillary)" "trump -hillary"

run out err nsearch --db "$TMP/nothing" oil -dollar --db "$TMP/db" --json
check "oil -dollar: exit 0" is "$rc" 0
check "oil -dollar: not --db ollar" lacks "$TMP/err" "ollar"
check "oil -dollar: the query" is "$(query oil -dollar)" "oil -dollar"
check "oil -dollar: the later --db is read" contains "$TMP/out" '"query":"oil -dollar"'

run out err nsearch --db "$TMP/db" --json azure -saudi
check "azure -saudi: exit 0" is "$rc" 0
check "azure -saudi: no --sort error" lacks "$TMP/err" "sort"
check "azure -saudi: the query" is "$(query azure -saudi)" "azure -saudi"

run out err nsearch --db "$TMP/db" --json azure -protest
check "azure -protest: exit 0" is "$rc" 0
check "azure -protest: no invalid option" lacks "$TMP/err" "invalid option"
all=$(field total azure)
without=$(field total azure -protest)
check "azure -protest: excludes ($without of $all)" [ "$without" -lt "$all" ]
check "azure -protest: as after --" is "$without" "$(field total -- azure -protest)"
check "-protest first: a query word" is "$(query -protest azure)" "-protest azure"
check "-\"oil price\": a query word" is "$(query azure '-"oil price"')" \
    'azure -"oil price"'

# The short options still work, before and after the query.
check "-n 1 azure" is "$(field limit -n 1 azure)" 1
check "azure -n 1" is "$(field limit azure -n 1)" 1
check "azure -n1" is "$(field limit azure -n1)" 1
check "azure -n 1: the query" is "$(query azure -n 1)" azure
check "-s date azure" is "$(query -s date azure)" azure
run out err nsearch --db "$TMP/db" azure -j
check "azure -j: JSON" contains "$TMP/out" '"query":"azure"'
run out err nsearch --db "$TMP/db" azure --json
check "azure --json: JSON" contains "$TMP/out" '"query":"azure"'
run out err nsearch --db "$TMP/db" -d "$TMP/db" --json azure
check "-d DIR: JSON" contains "$TMP/out" '"query":"azure"'
run out err nsearch --db "$TMP/db" azure -h
check "azure -h: help" contains "$TMP/out" "Usage:"
# A dash and one letter that is no option is still a usage error.
run out err nsearch --db "$TMP/db" azure -x
check "azure -x: exit 2" is "$rc" 2
check "azure -x: invalid option" contains "$TMP/err" "invalid option -- 'x'"
check "azure -x: nothing on stdout" is "$(wc -c <"$TMP/out")" 0
# Bundled short options are words, not options.
check "-jn: a query word" is "$(query azure -jn)" "azure -jn"

# --batch as a coprocess: one query in, its answer out, the input open.
mkfifo "$TMP/to" "$TMP/from"
nsearch --db "$TMP/db" --batch --related 0 --limit 1 <"$TMP/to" \
    >"$TMP/from" 2>"$TMP/co.err" &
co=$!
exec 3>"$TMP/to" 4<"$TMP/from"
printf 'q1\tazure\n' >&3
timeout 20 head -n 1 <&4 >"$TMP/co1"
check "batch: the first answer comes while the input is open" \
    contains "$TMP/co1" '"qid":"q1"'
printf 'q2\tazure\001\n' >&3
timeout 20 head -n 1 <&4 >"$TMP/co2"
check "batch: an error answer comes at once too" \
    contains "$TMP/co2" '"qid":"q2","error"'
exec 3>&- 4<&-
wait $co
check "batch: exits when its input closes" is "$?" 1


printf 'azure\n\n   \nq3\t\nq4\tazure\n' |
    nsearch --db "$TMP/db" --batch --related 0 --limit 0 >"$TMP/bl.out" \
    2>"$TMP/bl.err"
rc=$?
check "batch blanks: exit 1" is "$rc" 1
check "batch blanks: one answer per line" is "$(wc -l <"$TMP/bl.out")" 5
check "batch blanks: the empty line" contains "$TMP/bl.out" \
    '{"qid":"2","error":"empty query"}'
check "batch blanks: the line of spaces" contains "$TMP/bl.out" \
    '{"qid":"3","error":"empty query"}'
check "batch blanks: an empty query after a qid lists every article" \
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d["qid"] == "q3":
        assert "error" not in d and d["total"] > 50, d
        break
else:
    raise SystemExit("no answer for q3")' "$TMP/bl.out"
check "batch blanks: the next line answers" contains "$TMP/bl.out" \
    '{"qid":"q4","query":"azure"'
check "batch blanks: said on stderr" contains "$TMP/bl.err" \
    "nsearch: <stdin>:3: empty query"
check "batch blanks: a qid's empty query is no error" lacks "$TMP/bl.err" \
    "<stdin>:4:"

finish
