#!/bin/sh
# t052-related-stop-words.sh - A story's words for related posts are never
# the closed-class words of its language ("og", "på", "the", "of"), in any
# of their indexed spellings ("før" is also indexed as "foer").  In an
# archive of a few dozen articles no word is common enough for the
# document-frequency cut, and those words tied any two articles of a
# language together: on the samples, a beach clean-up listed a murder case
# and a national-day party.
. "$(dirname "$0")/lib.sh"

python3 - "$TMP/a.jsonl" <<'PY'
import json, sys
no_stop = ("og i på det som med for til er en av de ikke også etter før "
           "så når men har var ved fra om").split()
en_stop = ("the of and to in that for with on as by at from was were has "
           "have had been this which but are also their its").split()
# Norwegian words with ø or å only: their digraph spellings (foer, paa,
# saa, ogsaa, naar) are indexed as stems of their own.
no_ring = "på før så også når både vår".split()

def body(stop, tag, shared=()):
    # The closed-class words three times each, the words two articles of
    # a story share, and 12 words of the article's own (invented, so that
    # no stemmer or list knows them): body word sets overlap well below
    # the near-duplicate bar.
    own = ["%sord%s" % (tag, "bcdfghjklmnp"[i]) for i in range(12)]
    return " ".join(stop * 3 + list(shared) + own) + "."

story_no = "dugnad strandrydding plastsøppel frivillige kystlinjen".split()
story_en = "central bank benchmark borrowing rates".split()
arts = [
    # A seed and a follow-up sharing its story words: the control.
    ("strand-1", "no", "2025-05-20", body(no_stop, "sa", story_no)),
    ("strand-2", "no", "2025-05-22", body(no_stop, "sb", story_no)),
    # Another story in the same language: only the closed-class words.
    ("drap", "no", "2025-05-21", body(no_stop, "dr")),
    # Two stories that share only words with ø or å.
    ("sjakk", "no", "2025-05-19", body(no_ring, "sj")),
    ("fond", "no", "2025-05-18", body(no_ring, "fo")),
    # The same in English.
    ("fed-1", "en", "2025-05-20", body(en_stop, "fa", story_en)),
    ("fed-2", "en", "2025-05-23", body(en_stop, "fb", story_en)),
    ("ferry", "en", "2025-05-21", body(en_stop, "fe")),
]
# Background in both languages, so that no word is in most articles.
for i in range(12):
    arts.append(("bg-%d" % i, "no" if i % 2 else "en", "2025-05-0%d" % (i % 9 + 1),
                 "bakgrunn%dx ordz%dy" % (i, i)))
with open(sys.argv[1], "w") as f:
    for aid, lang, date, text in arts:
        f.write(json.dumps({"id": aid, "lang": lang, "title": aid.replace("-", "") + "tittel",
                            "date": date + "T12:00:00Z", "body": text}) + "\n")
PY
check "index the archive" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

related() { related_ids "$1" 2025-05-25T00:00:00Z; }

check "Norwegian: the same story is listed, not another" \
    is "$(related strand-1)" "strand-2"
check "Norwegian: the other story lists none" is "$(related drap)" ""
check "words with ø or å, digraph spellings too, tie nothing" \
    is "$(related sjakk) $(related fond)" " "
check "English: the same story is listed, not another" \
    is "$(related fed-1)" "fed-2"
check "English: the other story lists none" is "$(related ferry)" ""
finish
