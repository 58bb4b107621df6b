#!/bin/sh
# t288-partial-phone.sh - Search as you type (--partial) on what a phone
# sends (common/query-partial.cc): a phrase in typographic quotes or
# guillemets is the phrase, not its loose words with the last one
# completed; a word no word of the archive starts with is corrected as
# without --partial (no word in progress); a pasted address's query string
# is not completed; the suggestion has no trailing space.
. "$(dirname "$0")/lib.sh"

index_samples
check "samples indexed" test -d "$TMP/db"

# res ARGS...: "total|suggestion" of nsearch ARGS.
res() {
    nsearch --db "$TMP/db" --json --related 0 -n 0 "$@" 2>/dev/null |
        python3 -c 'import json, sys
d = json.load(sys.stdin)
print("%s|%s" % (d["total"], d["suggestion"]))'
}
total() { res "$@" | cut -d'|' -f1; }

# A closed phrase, in every style the parser pairs: the same total with
# and without --partial, which is the phrase's (8 and 2 in the samples;
# its loose words with the last completed were 17 and 3).
for q in '"external review"' '“external review”' '”external review”'; do
    check "phrase $q: same total with --partial" \
        is "$(total --partial "$q")" "$(total "$q")"
done
check "the phrase is fewer than its loose words" \
    test "$(total --partial '“external review”')" -lt \
    "$(total --partial 'external review')"
for q in '«ekstern gjennomgang»' '„ekstern gjennomgang“'; do
    check "phrase $q: same total with --partial" \
        is "$(total --partial "$q")" "$(total '"ekstern gjennomgang"')"
done
# A closing mark, an ellipsis or an emoji typed after the last word ends
# it: nothing is completed.
check "word then …: as without --partial" \
    is "$(total --partial 'external revie…')" "$(total 'external revie…')"
check "word then emoji: as without --partial" \
    is "$(total --partial 'external revie😀')" "$(total 'external revie😀')"
# A word being typed past ASCII is still completed.
check "øko still completed" test "$(total --partial 'øko')" -gt 0

# A last word no word of the archive starts with is no word in progress:
# corrected and searched as without --partial, where it found nothing.
for q in Isreal Microsft '#ClimateChange'; do
    check "$q: corrected with --partial as without" \
        is "$(res --partial "$q" | cut -d'|' -f2)" "$(res "$q" | cut -d'|' -f2)"
    check "$q: found with --partial" test "$(total --partial "$q")" -gt 0
done
# A prefix of words in the archive is still no typo.
check "flyktn still completed, not corrected" \
    is "$(res --partial flyktn)" "2|None"
# The space a phone puts after a word is not in the suggestion.
check "suggestion without trailing space" \
    is "$(res --partial 'Isreal ' | cut -d'|' -f2)" "Israel"
check "suggestion without trailing space (no --partial)" \
    is "$(res 'Isreal ' | cut -d'|' -f2)" "Israel"

# A pasted address: its query string's last word is not completed.
u='https://news.example.org/2025/09/17/fed-rate-cut-september?utm_medium=social'
check "pasted address: same total with --partial" \
    is "$(total --partial "$u")" "$(total "$u")"
check "address after words: same total with --partial" \
    is "$(total --partial "fed $u")" "$(total "fed $u")"

finish
