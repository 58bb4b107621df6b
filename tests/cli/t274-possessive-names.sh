#!/bin/sh
# t274-possessive-names.sh - A quoted name finds its possessive when the
# name has an apostrophe or a letter with a diacritic, as "Barack Obama"
# finds "Barack Obama's": only words of [a-z0-9] took one, so "Ronan
# O'Gara" missed the two of his ten BBC News articles that say only
# "O'Gara's", and "Thomas Müller" every "Müller's".
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"tm","title":"Bayern win","body":"Thomas Müller's goal won it for Bayern."}
{"id":"js","title":"Talks in Oslo","body":"Jonas Gahr Støre’s government fell on Monday."}
{"id":"jg","title":"José González’s new record","body":"The singer toured again."}
{"id":"co","title":"Late show","body":"Conan O'Brien's show returns, and Massimo D’Alema's party lost."}
{"id":"on","title":"Rugby","body":"O’Neill’s side won; Ronan O'Gara's kick was late."}
{"id":"bo","title":"Washington","body":"Barack Obama's speech."}
{"id":"no","title":"Others","body":"Thomas met Anna Müller's sister; Conan said O'Brien's dog barked; Gara's notes."}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
ids() { nsearch --db "$TMP/db" --json --no-collapse -n 50 --related 0 "$@" |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(str(d["total"]) + ":" + " ".join(sorted(h["id"] for h in d["hits"])))'; }

check "\"Thomas Müller\": Müller's" is "$(ids '"Thomas Müller"')" "1:tm"
check "\"Jonas Gahr Støre\": Støre’s (curly)" is "$(ids '"Jonas Gahr Støre"')" "1:js"
check "\"José González\": González’s (curly) in a title" \
    is "$(ids '"José González"')" "1:jg"
check "title:\"José González\": the same in title:" \
    is "$(ids 'title:"José González"')" "1:jg"
check "\"Conan O'Brien\": O'Brien's" is "$(ids "\"Conan O'Brien\"")" "1:co"
check "\"Massimo D'Alema\": D’Alema's" is "$(ids "\"Massimo D'Alema\"")" "1:co"
check "\"Ronan O'Gara\": O'Gara's" is "$(ids "\"Ronan O'Gara\"")" "1:on"
check "\"O'Neill\" quoted alone: O’Neill’s" is "$(ids "\"O'Neill\"")" "1:on"
check "\"O’Neill\" typed curly: the same" is "$(ids '"O’Neill"')" "1:on"
check "\"Müller\" quoted alone: both Müller's" is "$(ids '"Müller"')" "2:no tm"
check "\"Barack Obama\" as before, beside \"Thomas Müller\"" \
    is "$(ids '"Barack Obama" OR "Thomas Müller"')" "2:bo tm"
# The words must still follow: "Thomas met Anna Müller's" is no match.
check "not the words apart" is "$(ids '"Conan O'"'"'Brien" OR "Thomas Müller"')" "2:co tm"
check "NOT \"Thomas Müller\": the possessive excluded too" \
    is "$(ids "Bayern NOT \"Thomas Müller\"")" "0:"
finish
