#!/bin/sh
# t295-wxr-primary-language.sh - A WordPress export (WXR): a post's
# section is the primary category Yoast SEO or Rank Math keeps for it
# (a term_id, named by the export's <wp:category> list), not the first of
# its categories, which WordPress writes sorted by name (a sports story
# also filed under Business was in Business); with none, or one no longer
# on the post, the first.  A post's Polylang language (<category
# domain="language" nicename="nb">) is its language, ahead of the site's
# <language>: Norwegian posts were stemmed as English, `lang:no` found
# none, and `ferge` did not find "fergen".  Polylang's post_translations
# group is no tag.
. "$(dirname "$0")/lib.sh"

item() { # SLUG TITLE TEXT CATEGORIES... (each a <category> element)
    slug=$1 title=$2 text=$3
    shift 3
    cat <<I
<item><title>$title</title><dc:creator><![CDATA[ed]]></dc:creator>
<content:encoded><![CDATA[<p>$text</p>]]></content:encoded>
<wp:post_name>$slug</wp:post_name><wp:post_date_gmt>2025-09-01 10:00:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
$*
</item>
I
}
cat_() { printf '<category domain="category" nicename="%s"><![CDATA[%s]]></category>' "$1" "$2"; }
meta() { printf '<wp:postmeta><wp:meta_key><![CDATA[%s]]></wp:meta_key><wp:meta_value><![CDATA[%s]]></wp:meta_value></wp:postmeta>' "$1" "$2"; }
{
    cat <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title><language>en-US</language>
<wp:author><wp:author_login><![CDATA[ed]]></wp:author_login><wp:author_display_name><![CDATA[Ed]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[business]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Business]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>7</wp:term_id><wp:category_nicename><![CDATA[arts]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Kultur &amp; Media]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>9</wp:term_id><wp:category_nicename><![CDATA[sport]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Sport]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>12</wp:term_id><wp:category_nicename><![CDATA[weather]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Weather]]></wp:cat_name></wp:category>
X
    item derby "Club sold after derby" "The club was sold." \
        "$(cat_ business Business)$(cat_ sport Sport)" \
        "$(meta _edit_last 1)$(meta _yoast_wpseo_primary_category 9)$(meta _thumbnail_id 33)"
    item gallery "Gallery sold" "The gallery was sold." \
        "$(meta rank_math_primary_category 7)" \
        "$(cat_ business Business)$(cat_ arts 'Kultur &amp; Media')$(cat_ sport Sport)"
    item plain "Stadium budget" "The stadium budget." \
        "$(cat_ business Business)$(cat_ sport Sport)"
    item stale "Storm cancels match" "A storm cancelled the match." \
        "$(cat_ business Business)$(cat_ sport Sport)$(meta _yoast_wpseo_primary_category 12)"
    item fergen "Fergen er innstilt" "Fergen til Nesodden er innstilt i dag." \
        '<category domain="language" nicename="nb"><![CDATA[Norsk bokmål]]></category>' \
        '<category domain="post_translations" nicename="pll_5f1a"><![CDATA[pll_5f1a]]></category>' \
        "$(cat_ sport Sport)"
    item nynorsk "Ferja er innstilt" "Ferja til Nesodden er innstilt." \
        '<category domain="language"><![CDATA[Norsk nynorsk]]></category>' \
        "$(cat_ sport Sport)"
    echo '</channel></rss>'
} >"$TMP/export.xml"
run out err nindex --db "$TMP/db" "$TMP/export.xml"
check "index" is "$rc" 0

# show ID KEY: the article's KEY as --show --json gives it (a list joined
# by ",").
show() {
    nsearch --db "$TMP/db" --show "$1" --json | python3 -c 'import json, sys
v = json.load(sys.stdin).get(sys.argv[1], "")
print(",".join(v) if isinstance(v, list) else v)' "$2"
}
# ids QUERY: the ids of the hits, sorted, separated by spaces.
ids() {
    nsearch --db "$TMP/db" --json --related 0 --no-collapse --no-suggest "$1" 2>"$TMP/err" |
        python3 -c 'import json, sys
print(" ".join(sorted(h["id"] for h in json.load(sys.stdin)["hits"])))'
}

check "Yoast's primary category is the section" is "$(show derby section)" Sport
check "and the first category a tag" is "$(show derby tags)" Business
check "Rank Math's primary category is the section" \
    is "$(show gallery section)|$(show gallery tags)" "Kultur & Media|Business,Sport"
check "section:sport finds the primary's posts" is "$(ids section:sport)" \
    "derby fergen nynorsk"
# Behaviour kept: no primary category, or one the post no longer has.
check "no primary: the first category" is "$(show plain section)" Business
check "a primary not on the post: the first" is "$(show stale section)" Business

check "Polylang's language is the post's" is "$(show fergen lang)" no
check "lang:nb finds the post" is "$(ids lang:nb)" fergen
check "Norwegian stemming: ferge finds fergen" is "$(ids ferge)" fergen
check "the language's name without a slug" is "$(show nynorsk lang)" nn
check "others keep the site's language" is "$(show derby lang)" en
check "post_translations is no tag" is "$(show fergen tags)" ""

finish
