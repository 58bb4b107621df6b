#!/bin/sh
# t242-lower-case-operators-langs.sh - The warning on an operator typed in
# lower case knows the archive's languages: "and" and "or" are English
# stop words (left out), "not" and "near" are searched; in an archive
# with no English, "and" (a duck) and "not" (a note) are Norwegian words
# and say nothing, nor do "og" and "ikke", while "or" still warns.  What
# is searched never changes.
. "$(dirname "$0")/lib.sh"

cat >"$TMP/en.jsonl" <<'EOF'
{"id": "e1", "title": "Harbour news", "body": "The harbour and the ferry were closed."}
{"id": "e2", "title": "Ferry news", "body": "A ferry was not running today."}
{"id": "e3", "title": "Council news", "body": "The council met near the harbour."}
EOF
cat >"$TMP/no.jsonl" <<'EOF'
{"id": "n1", "title": "Stekt and", "body": "Stekt and med poteter og saus."}
{"id": "n2", "title": "Ost og kjeks", "body": "Ost og kjeks er ikke middag."}
{"id": "n3", "title": "Et not", "body": "Fiskerne satte not i fjorden."}
EOF
nindex --quiet --db "$TMP/en" "$TMP/en.jsonl" 2>"$TMP/en.err"
nindex --quiet --db "$TMP/no" --lang nb "$TMP/no.jsonl" 2>"$TMP/no.err"

# field DB QUERY KEY: --json KEY of QUERY in DB ("None" for null).
field() {
    nsearch --db "$TMP/$1" --json --related 0 -- "$2" 2>/dev/null |
        python3 -c 'import json, sys; print(json.load(sys.stdin).get(sys.argv[1]))' "$3"
}
has() { case $1 in *"$2"*) return 0 ;; esac; return 1; }

# English: "and" is left out, "not" searched; the hits stay the words'.
check "en: and is a common word" \
    has "$(field en 'harbour and ferry' warning)" "'and' was left out as a common word; operators are in capitals: harbour AND ferry"
check "en: and searches the words either way" \
    is "$(field en 'harbour and ferry' total)" "$(field en 'harbour ferry' total)"
check "en: not is searched" \
    has "$(field en 'ferry not harbour' warning)" "'not' was searched as a word; operators are in capitals: ferry NOT harbour"
check "en: two of them in one warning" \
    has "$(field en 'harbour and ferry near council' warning)" "'and' was left out as a common word, 'near' was searched as a word; operators are in capitals: harbour AND ferry NEAR council"
run out err nsearch --db "$TMP/en" --related 0 'ferry not harbour'
check "en: the text output warns on stderr" contains "$TMP/err" "'not' was searched as a word"
check "en: a ')' in a query in capitals says nothing" \
    is "$(field en 'HARBOUR FERRY)' warning)" None

# Norwegian only: "and" and "not" are words, "og" and "ikke" too.
check "no: stekt and med poteter says nothing" \
    is "$(field no 'stekt and med poteter' warning)" None
check "no: the duck is found" is "$(field no 'and' total)" 1
check "no: satte not i fjorden says nothing" \
    is "$(field no 'satte not i fjorden' warning)" None
check "no: ost og kjeks says nothing" \
    is "$(field no 'ost og kjeks' warning)" None
check "no: ost ikke kjeks says nothing" \
    is "$(field no 'ost ikke kjeks' warning)" None
check "no: or is no Norwegian word" \
    has "$(field no 'ost or kjeks' warning)" "'or' was searched as a word; operators are in capitals: ost OR kjeks"

finish
