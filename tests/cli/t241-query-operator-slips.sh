#!/bin/sh
# t241-query-operator-slips.sh - Three slips in a query that searched the
# wrong thing without a word, counted on Reuters-21578:
#  - a ')' that closes no bracket: Xapian's parser read the whole query
#    again as plain words, so "cocoa NOT ghana)" searched ghana too (about
#    4,688 hits for the 106 of "cocoa NOT ghana"); it is left out now,
#    with a warning (text, --json, nsearchd);
#  - a leading NOT with more after its word: "NOT cocoa ghana" was every
#    article but those with cocoa or ghana (20,595); it is "ghana -cocoa";
#  - an operator in lower case ("cocoa not coffee") is still a word, but
#    the warning says so and how to write the operator.
# And what stays: an unclosed '(', a query in capitals, -word, NOT alone.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

corpus=$SHARED/corpora/reuters21578/articles.jsonl.gz
nindex --quiet --db "$TMP/db" "$corpus" 2>"$TMP/index.err"

# total QUERY: the number of hits of QUERY (--json "total").
total() {
    nsearch --db "$TMP/db" --json --limit 0 --related 0 -- "$1" 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
# warning QUERY: the --json warning of QUERY, or "null".
warning() {
    nsearch --db "$TMP/db" --json --limit 0 --related 0 -- "$1" 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin).get("warning"))'
}
# top QUERY: the title of the first hit.
top() {
    nsearch --db "$TMP/db" --json --limit 1 --related 0 -- "$1" 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["title"])'
}
has() { case $1 in *"$2"*) return 0 ;; esac; return 1; }
no_warning() { is "$(warning "$1")" None; }

# 1. A ')' that closes no bracket.
is_n=$(total 'cocoa NOT ghana')
check "cocoa NOT ghana finds 106 (two by their cocoa tag alone)" is "$is_n" 106
check "cocoa NOT ghana) is cocoa NOT ghana" is "$(total 'cocoa NOT ghana)')" "$is_n"
check "no GHANA story on top of cocoa NOT ghana)" \
    sh -c "! echo '$(top 'cocoa NOT ghana)')' | grep -qi ghana"
w=$(warning 'cocoa NOT ghana)')
check "--json warns of the ')' after ghana" \
    has "$w" "the ')' after 'ghana' closes no bracket and was left out; searched as: cocoa NOT ghana"
run out err nsearch --db "$TMP/db" --related 0 --snippet-len 0 'cocoa NOT ghana)'
check "text output: exit 0" is "$rc" 0
check "text output: stderr warns" contains "$TMP/err" "closes no bracket"
check "text output: 106 hits" contains "$TMP/out" "106 matches"
and_n=$(total 'cocoa AND ghana')
check "cocoa AND ghana finds 24" is "$and_n" 24
check "cocoa AND ghana) is cocoa AND ghana" is "$(total 'cocoa AND ghana)')" "$and_n"
check "(cocoa OR coffee)) AND brazil is (cocoa OR coffee) AND brazil" \
    is "$(total '(cocoa OR coffee)) AND brazil')" "$(total '(cocoa OR coffee) AND brazil')"
check "two stray ')' both left out" \
    is "$(total 'cocoa NOT ghana))')" "$is_n"
check "two stray ')': the warning counts them" \
    has "$(warning 'cocoa) NOT ghana)')" "2 ')' close no bracket"
check "a ')' inside quotes is no bracket" \
    is "$(total 'cocoa NOT "ghana)"')" "$is_n"

# The parser's silent re-reading as words, whatever made it: the
# warning says the words were searched.
check "the parser's silent words say so" \
    has "$(warning 'cocoa NOT (-ghana -)')" "query syntax error (its operators and brackets do not fit together); searching for the words instead"

# 2. A leading NOT with more after its word.
minus_n=$(total '-cocoa ghana')
check "-cocoa ghana finds 6" is "$minus_n" 6
check "NOT cocoa ghana is ghana -cocoa" is "$(total 'NOT cocoa ghana')" "$minus_n"
check "ghana NOT cocoa the same" is "$(total 'ghana NOT cocoa')" "$minus_n"
check "NOT (cocoa OR coffee) ghana excludes the group" \
    is "$(total 'NOT (cocoa OR coffee) ghana')" "$(total 'ghana NOT (cocoa OR coffee)')"
all=$(total '')
check "NOT cocoa alone: every article without cocoa" \
    is "$(total 'NOT cocoa')" "$((all - $(total cocoa)))"
check "NOT cocoa AND ghana as before" is "$(total 'NOT cocoa AND ghana')" "$minus_n"

# 3. Operators in lower case: searched as words, with a warning.
check "cocoa not coffee: not searched as a word" \
    has "$(warning 'cocoa not coffee')" "'not' was searched as a word; operators are in capitals: cocoa NOT coffee"
check "cocoa not coffee still searches the word" \
    test "$(total 'cocoa not coffee')" -gt "$(total 'cocoa NOT coffee')"
check "cocoa near ghana warns" \
    has "$(warning 'cocoa near ghana')" "'near' was searched as a word; operators are in capitals: cocoa NEAR ghana"
check "cocoa and coffee: and is a common word" \
    has "$(warning 'cocoa and coffee')" "'and' was left out as a common word; operators are in capitals: cocoa AND coffee"
check "cocoa and coffee is cocoa coffee" \
    is "$(total 'cocoa and coffee')" "$(total 'cocoa coffee')"
check "no warning for a quoted phrase" no_warning '"cocoa and coffee"'
check "no warning in a query in capitals" no_warning 'COCOA AND COFFEE'
check "no warning beside an operator in capitals" no_warning 'cocoa or coffee AND brazil'
check "no warning for a lone not at the start" no_warning 'not cocoa'

# What stays: an unclosed '(' and '-word'.
check "an unclosed ( as before" is "$(total '(cocoa NOT ghana')" "$is_n"
check "an unclosed ( says nothing" no_warning '(cocoa NOT ghana'
check "cocoa -ghana" is "$(total 'cocoa -ghana')" "$is_n"
check "a query in capitals: operators are words" \
    is "$(total 'COCOA AND GHANA')" "$(total 'cocoa and ghana')"

# nsearchd says the same.
check "nsearchd starts" start_server
get s.json "/v1/search?q=cocoa%20NOT%20ghana%29&related=0"
check "nsearchd: 200" is "$code" 200
check "nsearchd: 106 hits" json s.json "d['total'] == 106"
check "nsearchd: the warning" json s.json "'closes no bracket' in d['warning']"
get n.json "/v1/search?q=NOT%20cocoa%20ghana&related=0"
check "nsearchd: NOT cocoa ghana" json n.json "d['total'] == 6"
get l.json "/v1/search?q=cocoa%20not%20coffee&related=0"
check "nsearchd: lower-case not warns" json l.json "'searched as a word' in (d['warning'] or '')"

finish
