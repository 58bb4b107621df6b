#!/bin/sh
# t222-snippet-ends.sh - What a snippet shows at its ends and where it is
# cut (README "nsearch: searching").  A passage that ends the text keeps
# its closing stop and quote or bracket and gets no "..." (Xapian left
# both off and put "...", as if cut); a passage that starts mid-text gets
# "...", one at the text's start none.  A title ending in a stop and a
# quote or bracket is marked (it was left unmarked).  A long run of emoji
# before the match no longer pushes the match out of the snippet.  The
# lead is cut between characters as a reader sees them (a flag, an emoji
# family, a letter and its accent).
. "$(dirname "$0")/lib.sh"

python3 - >"$TMP/a.jsonl" <<'PY'
import json
filler = ("The harbour board met on Monday to discuss the budget for the "
          "coming year and many other things. ")
arts = [
    ("q2", "Quote two", 'Intro. He said: "We will not quitx."'),
    ("q3", "Paren", "Intro. (They will not leavex.)"),
    ("q4", "Curly", "Intro. \u201cWill they stayx?\u201d"),
    ("m1", "Mid", filler * 3 + "Sentword begins a sentence here. " + filler * 2),
    ("m2", "Lead", "Firstword starts the text. " + filler * 3),
    ("m3", "Tail", "Intro words. " + filler * 2 +
     "Near the end comes tailword, closing the story.\u201d"),
    ("t1", 'Minister: "We will not resign."', "A statement."),
    ("t2", "Trump: 'I will win.'", "A rally."),
    ("t3", "Re: pink tools [was: new motorcycles?]", "A thread."),
    ("t4", "y motorcycles!)", "A thread."),
    ("t5", "z motorcycles.)", "A thread."),
    ("t6", "q \u201cmotorcycles?\u201d", "A thread."),
    ("e1", "Emoji party", "Before words here. " + "\U0001F389 " * 100 +
     " emojitestd after words."),
    ("e2", "Emoji faces", "Ab " + "\U0001F600" * 100 + " gmatch after words."),
    ("g1", "Family", ("\U0001F469\u200d\U0001F469\u200d\U0001F467\u200d"
                      "\U0001F466") * 10),
    ("g2", "Flags", "\U0001F1F3\U0001F1F4" * 10),
    ("g3", "Accents", "e\u0301" * 10),
]
for i, title, body in arts:
    print(json.dumps({"id": i, "title": title, "body": body,
                      "section": "S" + i}))
PY
check "index" nindex --quiet --db "$TMP/db" "$TMP/a.jsonl"

# field FIELD ID ARGS...: FIELD of hit ID of the search, as JSON gives it
# (Python's ascii() for the lead's cuts).
field() {
    f=$1 id=$2
    shift 2
    nsearch --db "$TMP/db" --json --related 0 "$@" | python3 -c '
import json, sys
for h in json.load(sys.stdin)["hits"]:
    if h["id"] == sys.argv[2]:
        v = h[sys.argv[1]]
        print(ascii(v) if sys.argv[3] == "a" else v)' "$f" "$id" "${ASCII:-}"
}

# The text's end: the stop and the quote or bracket, no "...".
check "the closing stop and quote kept, no ..." \
    is "$(field snippet_html q2 quitx)" \
    'Intro. He said: &quot;We will not <mark>quitx</mark>.&quot;'
check "a stop and a bracket" \
    is "$(field snippet q3 leavex)" "Intro. (They will not leavex.)"
check "a question mark and a curly quote" \
    is "$(field snippet q4 stayx)" "Intro. “Will they stayx?”"
field snippet m3 tailword >"$TMP/tail"
check "a long text's end: its closing quote" \
    contains "$TMP/tail" "tailword, closing the story.”"
check "a long text's end: no ..." lacks "$TMP/tail" "story..."

# The start: "..." only where words precede.
check "a sentence mid-text: ... before it" \
    is "$(field snippet m1 sentword | cut -c1-20)" "...Sentword begins a"
check "the text's start: no ..." \
    is "$(field snippet m2 firstword | cut -c1-20)" "Firstword starts the"
check "a long text's end: ... before the passage" \
    is "$(cut -c1-3 "$TMP/tail")" "..."

# Titles ending in a stop and a quote or bracket are marked.
check "title: a stop and a double quote" \
    is "$(field title_html t1 resign)" \
    'Minister: &quot;We will not <mark>resign</mark>.&quot;'
check "title: a stop and a single quote" \
    is "$(field title_html t2 win)" \
    'Trump: &#x27;I will <mark>win</mark>.&#x27;'
check "title: a question mark and a bracket" \
    is "$(field title_html t3 motorcycle)" \
    'Re: pink tools [was: new <mark>motorcycles</mark>?]'
check "title: an exclamation mark and a parenthesis" \
    is "$(field title_html t4 motorcycle)" 'y <mark>motorcycles</mark>!)'
check "title: a stop and a parenthesis" \
    is "$(field title_html t5 motorcycle)" 'z <mark>motorcycles</mark>.)'
check "title: a question mark and a curly quote" \
    is "$(field title_html t6 motorcycle)" 'q “<mark>motorcycles</mark>?”'

# A long run of emoji before the match: the match is shown, within the
# snippet's length (the marks and the run's " ... " aside).
field snippet_html e1 emojitestd >"$TMP/e1"
check "after 100 emoji: the match marked" \
    contains "$TMP/e1" "<mark>emojitestd</mark> after words."
check "after 100 emoji: the run's start shown" \
    contains "$TMP/e1" "Before words here. 🎉 🎉"
check "after 100 emoji: within the length" \
    test "$(field snippet e1 emojitestd | wc -c)" -le 210
field snippet_html e2 gmatch >"$TMP/e2"
check "after 100 emoji with no space: the match marked" \
    contains "$TMP/e2" "<mark>gmatch</mark> after words."
check "after 100 emoji with no space: within the length" \
    test "$(field snippet e2 gmatch | wc -c)" -le 210
field snippet e1 emojitestd --snippet-len 60 >"$TMP/e1s"
check "a shorter snippet: the match still shown" \
    contains "$TMP/e1s" "emojitestd after words."
check "a shorter snippet: within its length" \
    test "$(wc -c <"$TMP/e1s")" -le 70

# The lead is cut between characters as a reader sees them; the first
# alone longer than the length is shown whole.
ASCII=a
export ASCII
family='\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466'
check "an emoji family is not cut after its joiner" \
    is "$(field snippet g1 section:Sg1 --snippet-len 10)" "'$family...'"
check "two families fit in 70 bytes, not three" \
    is "$(field snippet g1 section:Sg1 --snippet-len 70)" "'$family$family...'"
check "a flag keeps its two letters" \
    is "$(field snippet g2 section:Sg2 --snippet-len 12)" \
    "'\\U0001f1f3\\U0001f1f4...'"
check "a decomposed letter keeps its accent" \
    is "$(field snippet g3 section:Sg3 --snippet-len 10)" \
    "'e\\u0301e\\u0301e\\u0301...'"

finish
