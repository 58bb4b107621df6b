#!/bin/sh
# t168-stop-words-more.sh - Swedish, German and French (and the other
# languages with a Snowball stop list: Danish, Spanish, Italian, Dutch,
# Portuguese, Finnish; common/stop-words-*.txt) have stop words as English
# and Norwegian do.  Without them "der Bundestag und die Regierung" was
# searched by "der", "und" and "die", "die Ärzte" marked "Die" in the
# snippet, "Did you mean" offered "och" and "und", and related posts tied
# a Swedish story to any other by "det är ... och".
. "$(dirname "$0")/lib.sh"

cat >"$TMP/a.jsonl" <<'EOF2'
{"id":"de1","lang":"de","title":"Der Bundestag tagt","body":"Der Bundestag und die Regierung streiten über den Haushalt. Die Abgeordneten sind uneins.","date":"2025-05-01T12:00:00Z"}
{"id":"de2","lang":"de","title":"Die Regierung plant","body":"Die Regierung will die Steuern senken, sagte der Minister.","date":"2025-05-02T12:00:00Z"}
{"id":"de3","lang":"de","title":"Die Ärzte warnen","body":"Die Ärzte warnen vor der Grippe. Die Kliniken sind voll, und die Patienten warten.","date":"2025-05-03T12:00:00Z"}
{"id":"de4","lang":"de","title":"Schulen im Winter","body":"Die Schulen bleiben geöffnet, und für Kinder gibt es warmes Essen.","date":"2025-05-04T12:00:00Z"}
{"id":"sv1","lang":"sv","title":"Regeringen och riksdagen","body":"Det är regeringen och riksdagen som ska besluta om budgeten.","date":"2025-05-01T12:00:00Z"}
{"id":"sv2","lang":"sv","title":"Skolan i Malmö","body":"Det är kallt i skolan och eleverna fryser.","date":"2025-05-02T12:00:00Z"}
{"id":"sv3","lang":"sv","title":"Riksdagen röstar","body":"Riksdagen röstar om budgeten på torsdag.","date":"2025-05-03T12:00:00Z"}
{"id":"fr1","lang":"fr","title":"Le président de la République","body":"Le président de la République a parlé devant les députés.","date":"2025-05-01T12:00:00Z"}
{"id":"fr2","lang":"fr","title":"Les députés votent","body":"Les députés votent le budget de la santé.","date":"2025-05-02T12:00:00Z"}
{"id":"da1","lang":"da","title":"Regeringen","body":"Regeringen og Folketinget er enige.","date":"2025-05-01T12:00:00Z"}
{"id":"da2","lang":"da","title":"Vejret","body":"Det regner og blæser i dag.","date":"2025-05-02T12:00:00Z"}
{"id":"es1","lang":"es","title":"El gobierno","body":"El gobierno aprobó el presupuesto.","date":"2025-05-01T12:00:00Z"}
{"id":"es2","lang":"es","title":"La lluvia","body":"El río creció por la lluvia.","date":"2025-05-02T12:00:00Z"}
{"id":"it1","lang":"it","title":"Il governo","body":"Il governo approva il bilancio.","date":"2025-05-01T12:00:00Z"}
{"id":"it2","lang":"it","title":"La pioggia","body":"Il fiume cresce per la pioggia.","date":"2025-05-02T12:00:00Z"}
{"id":"nl1","lang":"nl","title":"Het kabinet","body":"Het kabinet keurt de begroting goed.","date":"2025-05-01T12:00:00Z"}
{"id":"nl2","lang":"nl","title":"De regen","body":"Het regent in het noorden.","date":"2025-05-02T12:00:00Z"}
{"id":"pt1","lang":"pt","title":"O governo","body":"O governo aprovou o orçamento.","date":"2025-05-01T12:00:00Z"}
{"id":"pt2","lang":"pt","title":"A chuva","body":"O rio subiu com a chuva.","date":"2025-05-02T12:00:00Z"}
{"id":"fi1","lang":"fi","title":"Hallitus","body":"Hallitus ja eduskunta ovat samaa mieltä.","date":"2025-05-01T12:00:00Z"}
{"id":"fi2","lang":"fi","title":"Sade","body":"Sataa ja tuulee tänään.","date":"2025-05-02T12:00:00Z"}
{"id":"en1","lang":"en","title":"Doctors warn","body":"Doctors warn that patients may die waiting for beds.","date":"2025-05-01T12:00:00Z"}
EOF2
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# ranked QUERY: "id:score" of every hit in rank order.
ranked() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 -- "$1" |
        python3 -c 'import json,sys; print(" ".join("%s:%.6f" % (h["id"], h["score"]) for h in json.load(sys.stdin)["hits"]))'
}
# ids QUERY: the ids of the hits, sorted, each followed by a space.
ids() { for h in $(ranked "$1"); do echo "${h%%:*}"; done | sort | tr '\n' ' '; }
# lang_ranked QUERY PREFIX: the hits of ranked QUERY whose id starts so.
lang_ranked() { ranked "$1" | tr ' ' '\n' | grep "^$2" | tr '\n' ' '; }
# same QUERY PLAIN PREFIX: the hits of one language, in the same order
# with the same scores.
same() {
    a=$(lang_ranked "$1" "$3")
    b=$(lang_ranked "$2" "$3")
    [ -n "$b" ] && [ "$a" = "$b" ] || {
        echo "'$1' -> [$a]; '$2' -> [$b]"
        return 1
    }
}

# Queries: the stop words of the articles' language are not searched when
# the query has other words.
check "German: der, und, die dropped" \
    same "der Bundestag und die Regierung" "Bundestag Regierung" de
check "German: die dropped before Ärzte" same "die Ärzte" "Ärzte" de
check "German: für dropped, and typed without its diacritic" \
    same "fur Kinder" "Kinder" de
check "Swedish: det, är, och dropped" \
    same "det är regeringen och riksdagen" "regeringen riksdagen" sv
check "Swedish: ar (är folded) dropped" same "ar riksdagen" "riksdagen" sv
check "French: le, de, la dropped" \
    same "le président de la République" "président République" fr
check "French: les dropped (not on the Snowball list)" \
    same "les députés" "députés" fr
# The other languages with a list: the stop word alone finds both
# articles of its language, beside another word only that word's one.
for lsw in da:og:regeringen es:el:gobierno it:il:governo nl:het:kabinet \
    pt:o:governo fi:ja:hallitus; do
    l=${lsw%%:*} sw=${lsw#*:} w=${sw#*:} sw=${sw%%:*}
    check "$l: $sw alone finds its articles" \
        is "$(ids "$sw" | tr ' ' '\n' | grep "^$l" | tr '\n' ' ')" "${l}1 ${l}2 "
    check "$l: $sw dropped before $w" same "$sw $w" "$w" "$l"
done
# Only for the articles of that language: "die" is an English word.
check "die Ärzte: the English article with 'die' still found" \
    is "$(ids 'die Ärzte')" "de3 en1 "
# A query of stop words alone is searched as written, and '+' keeps one.
check "die alone finds its articles" is "$(ids 'die' | tr ' ' '\n' | grep -c '^de')" 4
check "och alone finds its articles" is "$(ids 'och')" "sv1 sv2 "
check "und Regierung: und dropped" is "$(ids 'und Regierung')" "de1 de2 "
check "+und keeps und" is "$(ids '+und Regierung')" "de1 de3 de4 "
check "a quoted phrase keeps its stop words" is "$(ids '"und die Regierung"')" "de1 "

# Snippets mark only what was searched.
marks() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --limit 50 -- "$1" |
        python3 -c 'import json,re,sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[1]:
        print(" ".join(sorted(set(m.lower() for m in re.findall("<mark>(.*?)</mark>", h["snippet_html"])))))' "$2"
}
check "German hit: die not marked" is "$(marks 'die Ärzte' de3)" "ärzte"
check "German hit: die alone marked" is "$(marks 'die' de3)" "die"
check "Swedish hit: det, är, och not marked" \
    is "$(marks 'det är riksdagen och' sv1)" "riksdagen"
check "French hit: le, de, la, les not marked" \
    is "$(marks 'le président de la République' fr1)" "président république"

# "Did you mean" never offers a stop word: "ocx" is one edit from "och",
# "unx" from "und", "dex" from "des" (words of the archive).
sugg() {
    nsearch --db "$TMP/db" --json --related 0 --limit 10 -- "$1" |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print("%s %d" % (d["suggestion"], d["total"]))'
}
check "och is in the archive" is "$(ids och)" "sv1 sv2 "
for w in ocx unx; do
    check "$w: not corrected to a stop word" is "$(sugg $w)" "None 0"
done
check "a typo of a word that is none is still corrected" \
    is "$(sugg riksdgen)" "riksdagen 2"

# Related posts: a story's words are never its language's stop words.
python3 - "$TMP/r.jsonl" <<'PY'
import json, sys
stops = {
    "sv": "det är och i att som en på för med av till den har inte om".split(),
    "de": "der die und das ist nicht mit von zu den für auf sich ein dem".split(),
    "fr": "le la les de des et est pour dans une sur pas qui avec par".split(),
}
stories = {
    "sv": "skogsbrand brandmän evakuering vindkraft".split(),
    "de": "hochwasser deichbruch feuerwehr sandsäcke".split(),
    "fr": "inondation digue pompiers sacs".split(),
}

def body(lang, tag, shared=()):
    own = ["%sord%s" % (tag, "bcdfghjklmnp"[i]) for i in range(12)]
    return " ".join(stops[lang] * 3 + list(shared) + own) + "."

arts = []
for lang in stops:
    arts += [
        # A seed and a follow-up sharing its story words: the control.
        ("%s-a" % lang, lang, "2025-05-20", body(lang, lang + "a", stories[lang])),
        ("%s-b" % lang, lang, "2025-05-22", body(lang, lang + "b", stories[lang])),
        # Another story in the same language: only the stop words shared.
        ("%s-x" % lang, lang, "2025-05-21", body(lang, lang + "x")),
    ]
# Background, so that no word is in most articles.
for i in range(18):
    arts.append(("bg-%d" % i, ["sv", "de", "fr"][i % 3],
                 "2025-05-0%d" % (i % 9 + 1), "bakgrund%dx ordz%dy" % (i, i)))
with open(sys.argv[1], "w") as f:
    for aid, lang, date, text in arts:
        f.write(json.dumps({"id": aid, "lang": lang,
                            "title": aid.replace("-", "") + "titel",
                            "date": date + "T12:00:00Z", "body": text}) + "\n")
PY
rm -rf "$TMP/db"
check "index the related archive" nindex --quiet --db "$TMP/db" "$TMP/r.jsonl"
for l in sv de fr; do
    check "$l: the same story is listed" \
        is "$(related_ids $l-a 2025-05-25T00:00:00Z)" "$l-b"
    check "$l: a story sharing only stop words lists none" \
        is "$(related_ids $l-x 2025-05-25T00:00:00Z)" ""
done
finish
