#!/bin/sh
# t029-front-matter.sh - A Hugo and Jekyll site through nindex and nsearch:
# TOML front matter (Hugo's default), Jekyll's date form with CRLF line
# ends, YAML block scalars, quoted list items and quotes, a date with a
# named zone in JSON Lines; a TOML draft is ignored and a broken TOML
# header is reported on its line and skipped; template tags in a body are
# no text, except in code; a comment after a YAML value is no part of it,
# and a Jekyll post's categories and tags strings are words.
. "$(dirname "$0")/lib.sh"
S=$TMP/site
mkdir -p "$S/content/posts" "$S/_posts"

cat >"$S/content/posts/seals.md" <<'MD'
+++
title = "Harbour seals return to the fjord"
date = 2025-08-20T07:00:00+02:00
draft = false
slug = "harbour-seals-return"
categories = ["Nature", "Local"]
tags = ["seals", "inner fjord"]
author = "Ingrid Berg"
[params]
  lang = "xx"
+++

Harbour seals have returned to the inner fjord for the first time in a decade.
MD
printf '+++\ntitle = "Walrus sighting"\ndraft = true\n+++\nA walrus.\n' \
    >"$S/content/posts/walrus.md"
printf '+++\ntitle = "Otters"\nsummary = Otters are back\n+++\nOtters.\n' \
    >"$S/content/posts/otters.md"
printf -- '---\r\ntitle: "CRLF: a Jekyll post"\r\ndate: 2025-07-01 09:00:00 +0200\r\nlayout: post\r\n---\r\nBrann vant derbyet mot tapirene.\r\n' \
    >"$S/_posts/2025-07-01-derby.markdown"
cat >"$S/_posts/quirks.md" <<'MD'
---
title: 'It''s a gecko: with colon'
description: >
  A folded
  description block
tags: [lizards, "geckos, small"]
summary: |
  literal block
---
Body text with a gecko.
MD
printf '{"id": "utc-1", "title": "Narwhal", "body": "A narwhal.", "date": "2025-08-15T10:00:00 UTC"}\n' \
    >"$S/wire.jsonl"

run out err nindex --db "$TMP/db" "$S"
check "exit 3: one file skipped" is "$rc" 3
check "the others added" contains "$TMP/out" "4 added"
check "one skipped, the draft ignored" contains "$TMP/out" "1 skipped, 1 ignored"
check "broken TOML named with its line" contains "$TMP/err" \
    "content/posts/otters.md:3: 'Otters' is not a TOML value"
check "TOML draft noted" contains "$TMP/err" "content/posts/walrus.md: ignored: a draft"

run j1 e1 nsearch --db "$TMP/db" --json "seals"
check "TOML: fields read" python3 -c 'import json,sys
h = json.load(open(sys.argv[1]))["hits"][0]
ok = (h["id"] == "harbour-seals-return"
      and h["title"] == "Harbour seals return to the fjord"
      and h["date"] == "2025-08-20T05:00:00Z" and h["section"] == "Nature"
      and h["author"] == "Ingrid Berg" and h["lang"] == "en")
sys.exit(0 if ok else 1)' "$TMP/j1"
check "TOML: the header is not in the body" python3 -c 'import json,sys
h = json.load(open(sys.argv[1]))["hits"][0]
sys.exit(1 if "+++" in h["snippet"] or "slug" in h["snippet"] else 0)' "$TMP/j1"
run j2 e2 nsearch --db "$TMP/db" --json 'seals tag:"inner fjord"'
check "TOML: tags" python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["total"] == 1 else 1)' "$TMP/j2"
run j3 e3 nsearch --db "$TMP/db" --json "tapirene"
check "Jekyll: the date read" python3 -c 'import json,sys
h = json.load(open(sys.argv[1]))["hits"][0]
sys.exit(0 if h["date"] == "2025-07-01T07:00:00Z" else 1)' "$TMP/j3"
run j4 e4 nsearch --db "$TMP/db" --json "gecko"
check "YAML: quotes and block scalars" python3 -c 'import json,sys
h = json.load(open(sys.argv[1]))["hits"][0]
sys.exit(0 if h["title"] == "It'"'"'s a gecko: with colon" else 1)' "$TMP/j4"
run j5 e5 nsearch --db "$TMP/db" --json 'gecko tag:"geckos, small"'
check "YAML: a quoted list item is one tag" python3 -c 'import json,sys
sys.exit(0 if json.load(open(sys.argv[1]))["total"] == 1 else 1)' "$TMP/j5"
run j6 e6 nsearch --db "$TMP/db" --json "narwhal"
check "JSON Lines: a date with a named zone" python3 -c 'import json,sys
h = json.load(open(sys.argv[1]))["hits"][0]
sys.exit(0 if h["date"] == "2025-08-15T10:00:00Z" else 1)' "$TMP/j6"

# Headings: '##' and below always; '# ' too when the front matter gives
# the title (without one, the '# ' heading is the title).
mkdir -p "$TMP/h"
printf -- '---\ntitle: Walrus count\n---\n# Tusk survey\n\nText.\n\n## Ice floes\n\nMore.\n' \
    >"$TMP/h/with.md"
printf -- '# Seal count\n\nText.\n\n## Sand banks\n\nMore.\n' >"$TMP/h/without.md"
nindex --quiet --db "$TMP/hdb" "$TMP/h"
hits() {
    nsearch --db "$TMP/hdb" --json --related 0 "$1" |
        python3 -c 'import json, sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'
}
check "front matter title: '# ' is a heading" is "$(hits 'heading:tusk')" "with.md"
check "'## ' is a heading" is "$(hits 'heading:floes')" "with.md"
check "no front matter: '# ' is the title, not a heading" \
    is "$(hits 'heading:seal')" ""
check "no front matter: '## ' is a heading" is "$(hits 'heading:sand')" "without.md"
# Template tags are no text: Hugo's shortcodes and Liquid tags go, what a
# reader sees of them stays (a paired shortcode's text, a figure's
# caption); the front matter's title stays as written.
mkdir -p "$TMP/tpl" "$TMP/code"
cat >"$TMP/tpl/ferry.md" <<'MD'
---
title: "Harbour ferry strike ends {{ site.title }}"
date: 2025-06-01
---
The strike ended on Monday.

{{< figure src="/img/ferry.jpg" caption="The ferry at dawn" >}}

{{< youtube dQw4w9WgXcQ >}}

{{% notice info %}}
Services resume at noon.
{{% /notice %}}

{% include related.html %}

Passengers cheered {{ site.title }} as boats left.
MD
nindex --quiet --db "$TMP/tdb" "$TMP/tpl"
tpl() {
    nsearch --db "$TMP/tdb" --json --related 0 --snippet-len 2000 "$1" |
        python3 -c 'import json, sys
print("|".join(h["id"] + " " + h["snippet"] for h in json.load(sys.stdin)["hits"]))'
}
check "templates: the body without its tags" is "$(tpl strike)" \
    "ferry.md The strike ended on Monday. The ferry at dawn — Services resume at noon. Passengers cheered as boats left."
check "templates: the paired shortcode's text found" is "$(tpl noon | cut -d' ' -f1)" ferry.md
check "templates: the figure's caption found" is "$(tpl dawn | cut -d' ' -f1)" ferry.md
check "templates: tag names and arguments not found" \
    is "$(tpl youtube)$(tpl include)$(tpl figure)$(tpl src)$(tpl dQw4w9WgXcQ)$(tpl notice)" ""
check "templates: the title as written" is "$(nsearch --db "$TMP/tdb" --json strike |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["title"])')" \
    "Harbour ferry strike ends {{ site.title }}"
# An article about the generators keeps its examples in code, and braces
# that are no template tag stay in prose.
cat >"$TMP/code/howto.md" <<'MD'
---
title: Embedding video
---
Write `{{< youtube id >}}` where the video goes:

```
{{< vimeo 146022717 >}}
```

    {% include gallery.html %}

The set {1, 2} and {{citation needed}} are prose.
MD
nindex --quiet --db "$TMP/cdb" "$TMP/code"
check "templates: code and prose keep their braces" \
    is "$(nsearch --db "$TMP/cdb" --json --snippet-len 2000 video |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["snippet"])')" \
    "Write {{< youtube id >}} where the video goes: {{< vimeo 146022717 >}} — {% include gallery.html %} — The set {1, 2} and {{citation needed}} are prose."
# A live blog in Markdown: "## Siste nytt" and the short updates under it
# are the author's, not a sidebar; the same text saved as a plain-text
# page is a page's furniture and is cut.
L=$TMP/live
mkdir -p "$L"
cat >"$L/storm.md" <<'MD'
---
title: "Uveret treffer kysten"
lang: nb
---
Uveret treffer Vestlandet fredag morgen med vind av orkan styrke på kysten. Meteorologisk institutt har sendt ut rødt farevarsel for Møre og Romsdal.

## Siste nytt

Klokka 07.10: Fergesambandet Molde-Vestnes er innstilt resten av dagen.

Klokka 06.45: Over 20 000 kunder er uten strøm, melder Elvia.
MD
sed -e '1,4d' -e 's/^## //' "$L/storm.md" | sed '1i Uveret treffer kysten\
' >"$L/storm-page.txt"
cat >"$L/embargo.md" <<'MD'
---
title: Embargoed budget story
published: false
---
The quokka budget is out on Tuesday.
MD
mkdir -p "$L/_drafts"
printf -- '---\ntitle: A Jekyll draft\n---\nThe wombat draft.\n' \
    >"$L/_drafts/wombat.md"
run out err nindex --verbose --db "$TMP/live.db" "$L"
check "live blog: the Markdown updates are found" \
    is "$(nsearch --db "$TMP/live.db" --json --related 0 elvia |
        python3 -c 'import json, sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')" \
    "storm.md"
check "live blog: nothing cut from the Markdown" lacks "$TMP/err" \
    "storm.md:"
check "the same as a saved page: cut as furniture" contains "$TMP/err" \
    "storm-page.txt:5: page furniture cut: 'Siste nytt'"
check "published: false: ignored and named" contains "$TMP/err" \
    "embargo.md: ignored: not published (published: false)"
check "published: false: counted" contains "$TMP/out" "2 added"
check "Jekyll's _drafts/: ignored and named" contains "$TMP/err" \
    "_drafts/wombat.md: ignored: a draft (in _drafts/)"
check "Jekyll's _drafts/: counted as ignored" contains "$TMP/out" "2 ignored"
check "Jekyll's _drafts/: not searchable" \
    is "$(nsearch --db "$TMP/live.db" --json --related 0 wombat |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 0
check "published: false: not searchable" \
    is "$(nsearch --db "$TMP/live.db" --json --related 0 quokka |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')" 0

# Dates a static-site generator gives a post with no date: Jekyll's from
# the file's name, Hugo's publishDate (then lastmod); a date in the header
# wins, and a name whose date is no date leaves the post undated.
J="$TMP/jekyll"
mkdir -p "$J/_posts"
printf -- '---\ntitle: Seals\n---\nThe seals are back.\n' \
    >"$J/_posts/2024-03-15-seals.md"
printf -- '---\ntitle: Otters\ndate: 2024-05-02 10:00:00 +0200\n---\nOtters.\n' \
    >"$J/_posts/2024-03-16-otters.md"
printf -- '---\ntitle: Voles\n---\nVoles.\n' >"$J/_posts/2024-13-45-voles.md"
printf -- '---\ntitle: Hugo\nlastmod: 2025-06-01\npublishDate: 2025-05-01T08:00:00+02:00\n---\nHugo.\n' \
    >"$J/hugo.md"
run out err nindex --db "$TMP/jekyll.db" "$J"
check "dated posts: indexed" is "$rc" 0
date_of() {
    nsearch --db "$TMP/jekyll.db" --json --related 0 "id:$1" |
        python3 -c 'import json, sys; h = json.load(sys.stdin)["hits"]; print(h[0]["date"] if h else "-")'
}
check "Jekyll: dated by the file's name" \
    is "$(date_of _posts/2024-03-15-seals.md)" "2024-03-15T00:00:00Z"
check "Jekyll: the header's date wins" \
    is "$(date_of _posts/2024-03-16-otters.md)" "2024-05-02T08:00:00Z"
check "Jekyll: a name whose date is no date: undated" \
    is "$(date_of _posts/2024-13-45-voles.md)" "None"
check "Hugo: publishDate" is "$(date_of hugo.md)" "2025-05-01T06:00:00Z"


# A comment after a plain value: an embargoed post noted so stays out, and
# a date or language with a note is read.  A Jekyll post's categories and
# tags strings are words, as Jekyll splits them; Hugo keeps a string whole.
C="$TMP/comments"
mkdir -p "$C/_posts" "$C/content"
printf -- '---\ntitle: Embargoed pangolin story\ndraft: true # embargo\n---\nThe pangolin budget.\n' \
    >"$C/_posts/2025-01-06-pangolin.md"
printf -- '---\ntitle: Embargoed tapir story\npublished: false\t# embargo until Monday\n---\nThe tapir budget.\n' \
    >"$C/_posts/2025-01-06-tapir.md"
cat >"$C/_posts/2025-01-03-welcome.md" <<'MD'
---
layout: post
title: Welcome to the kakapo blog # from jekyll new
date: 2025-01-05 # moved from Friday
lang: en # English
categories: jekyll update
tags: ruby static
---
The kakapo post.
MD
printf -- '---\ntitle: Hugo axolotl\ncategories: World News\ntags: breaking news # one tag\n---\nThe axolotl post.\n' \
    >"$C/content/axolotl.md"
run out err nindex --verbose --db "$TMP/comments.db" "$C"
check "comments: indexed" is "$rc" 0
check "comments: two added" contains "$TMP/out" "2 added"
check "comments: two ignored" contains "$TMP/out" "2 ignored"
check "comments: draft: true # embargo ignored" contains "$TMP/err" \
    "_posts/2025-01-06-pangolin.md: ignored: a draft (draft: true)"
check "comments: published: false # ... ignored" contains "$TMP/err" \
    "_posts/2025-01-06-tapir.md: ignored: not published (published: false)"
total_of() {
    nsearch --db "$TMP/comments.db" --json --related 0 "$@" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'
}
check "comments: embargoed posts not searchable" \
    is "$(total_of pangolin)$(total_of tapir)" "00"
check "comments: date, language and title read" \
    is "$(nsearch --db "$TMP/comments.db" --json --related 0 kakapo |
        python3 -c 'import json, sys
h = json.load(sys.stdin)["hits"][0]
print(h["date"], h["lang"], h["title"], sep="|")')" \
    "2025-01-05T00:00:00Z|en|Welcome to the kakapo blog"
check "Jekyll: the first word of categories is the section" \
    is "$(total_of kakapo section:jekyll)" 1
check "Jekyll: each word of tags is a tag" \
    is "$(total_of kakapo tag:ruby)$(total_of kakapo tag:static)" "11"
check "Hugo: the categories string whole" \
    is "$(total_of axolotl 'section:"World News"')" 1
check "Hugo: the tags string whole" \
    is "$(total_of axolotl 'tag:"breaking news"')" 1
# The categories after the first are tags, as a feed's are: a post filed
# under Politics and Europe was found by neither tag.
check "Jekyll: the other category is a tag" \
    is "$(total_of kakapo tag:update)" 1
printf -- '---\ntitle: Two desks okapi\ncategories: [Politics, Europe]\n---\nThe okapi vote.\n' \
    >"$C/content/okapi.md"
run out err nindex --quiet --db "$TMP/comments.db" "$C"
check "categories list: the first the section" \
    is "$(total_of okapi section:politics)" 1
check "categories list: the others tags" is "$(total_of okapi tag:europe)" 1
check "categories list: the section is no tag" \
    is "$(total_of okapi tag:politics)" 0

finish
