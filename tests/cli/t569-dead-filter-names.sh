#!/bin/sh
# t569-dead-filter-names.sh - The nearest sections and tags a search that
# found nothing names (common/dead-filters.cc) are counted in letters over
# the names with their diacritics folded, and listed as the archive writes
# them.  Counted in bytes, section:Okonomii left "Økonomi" out and listed
# the first five sections, section:Verr missed "Vér", and every name was
# shown in lower case ("bayern, economía").
. "$(dirname "$0")/lib.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
sections = ["Bayern", "Economía", "Kultur", "Meninger", "Nyheter", "Sport",
            "Vér", "Økonomi", "Tech"]
for i, s in enumerate(sections):
    print(json.dumps({"id": "s%d" % i, "title": "Story %d" % i,
                      "body": "Harbour story %d." % i, "section": s,
                      "tags": ["Brexit Talks" if i % 2 else "Élection"],
                      "date": "2025-01-%02dT00:00:00Z" % (i + 1)}))
PY
check "indexed" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"
warned() { nsearch --db "$TMP/db" "$@" 2>&1 >/dev/null | grep warning; }

check "section:Okonomii: Økonomi is one letter away" \
    is "$(warned section:Okonomii)" \
    "nsearch: warning: no article has section 'okonomii' (the nearest sections: Økonomi)"
check "section:Økonomii: so is the name typed with its ø" \
    is "$(warned section:Økonomii)" \
    "nsearch: warning: no article has section 'økonomii' (the nearest sections: Økonomi)"
check "section:Verr: Vér" is "$(warned section:Verr)" \
    "nsearch: warning: no article has section 'verr' (the nearest sections: Vér)"
check "section:bayer: Bayern as written" is "$(warned section:bayer)" \
    "nsearch: warning: no article has section 'bayer' (the nearest sections: Bayern)"
check "nothing near: the first sections as written" \
    is "$(warned section:zzzzzz)" \
    "nsearch: warning: no article has section 'zzzzzz' (sections: Bayern, Economía, Kultur, Meninger, Nyheter, ...)"
check "tag:eleccion: Élection as written" is "$(warned tag:eleccion)" \
    "nsearch: warning: no article has tag 'eleccion' (the nearest tags: Élection)"
check "tag:brexit: a tag that starts so, as written" \
    is "$(warned tag:brexit)" \
    "nsearch: warning: no article has tag 'brexit' (the nearest tags: Brexit Talks)"
finish
