#!/bin/sh
# t164-author-fold.sh - nsearchd's author= reads a name as author: does,
# diacritics folded: author=Muller finds François Müller, as
# q=author:muller does; it found nothing and warned "no article has
# author 'muller'".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/server.sh"

cat >"$TMP/a.jsonl" <<'J'
{"id":"fm","title":"Markets report","body":"Markets rose today.","author":"François Müller","date":"2025-01-02T00:00:00Z"}
{"id":"so","title":"Weather report","body":"Rain tomorrow.","author":"Søren Ødegård","date":"2025-01-03T00:00:00Z"}
{"id":"jn","title":"Football report","body":"A goal late on.","author":"José Núñez","date":"2025-01-04T00:00:00Z"}
{"id":"kn","title":"Harbour report","body":"Ships came in.","author":"Kari Nordmann","date":"2025-01-05T00:00:00Z"}
J
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
check "server starts" start_server

# hits PATH: the ids of PATH's hits, then "|" and its warning.
hits() {
    get h.json "$1"
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted(h["id"] for h in d["hits"])) + "|" + str(d.get("warning")))' \
        "$TMP/h.json"
}

check "author=Muller: Müller" is "$(hits '/v1/search?author=Muller&related=0')" "fm|None"
check "author=M%C3%BCller: Müller" \
    is "$(hits '/v1/search?author=M%C3%BCller&related=0')" "fm|None"
check "author=francois: François" \
    is "$(hits '/v1/search?author=francois&related=0')" "fm|None"
check "author=odegard: Ødegård" \
    is "$(hits '/v1/search?author=odegard&related=0')" "so|None"
check "author=nunez: Núñez" is "$(hits '/v1/search?author=nunez&related=0')" "jn|None"
check "author=soren%20odegard: every word, folded" \
    is "$(hits '/v1/search?author=soren%20odegard&related=0')" "so|None"
check "author=soeren: the Nordic digraph, as author:soeren" \
    is "$(hits '/v1/search?author=soeren&related=0')" "so|None"
check "as q=author:muller finds" \
    is "$(hits '/v1/search?author=Muller&related=0')" \
    "$(hits '/v1/search?q=author%3Amuller&related=0')"
check "every word still: soren muller is no one's" \
    is "$(hits '/v1/search?author=soren%20muller&related=0' | cut -d'|' -f1)" ""
check "an author no article has still says so" \
    is "$(hits '/v1/search?author=Zzyzx&related=0')" \
    "|no article has author 'zzyzx'"
finish
