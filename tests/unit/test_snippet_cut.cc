/* test_snippet_cut.cc - How a snippet is cut (common/snippet-cut.h):
 * between characters as a reader sees them (clusters.cc), with "..." only
 * where the text goes on and the closing stop and quote Xapian leaves off
 * (snippet-ends.cc), and long runs of symbols cut to their ends
 * (snippet-runs.cc). */
#include "index-private.h"
#include "snippet-cut.h"
#include "testlib.h"

#include <string>

using namespace libns;

/* CHECK_STR of std::strings, which would die before it reads them. */
#define CHECK_IS(got, want, name)                                              \
    do {                                                                       \
        const std::string got_s = (got), want_s = (want);                      \
        CHECK_STR(got_s.c_str(), want_s.c_str(), name);                        \
    } while (0)

#define FAMILY "\U0001F469\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"
#define NO "\U0001F1F3\U0001F1F4"
#define E_ACUTE "e\u0301"
#define PARTY "\U0001F389"

static void test_clusters(void)
{
    const std::string family = FAMILY FAMILY;
    CHECK(cluster_start(family, 10) == 0, "not inside an emoji family");
    CHECK(cluster_start(family, 7) == 0, "not after a joiner");
    CHECK(cluster_start(family, 4) == 0, "not before a joiner");
    CHECK(cluster_end(family, 1) == 25, "the family's end");
    CHECK(cluster_start(family, 30) == 25, "between two families");

    const std::string flags = NO NO;
    CHECK(cluster_start(flags, 12) == 8, "a flag's two letters stay paired");
    CHECK(cluster_start(flags, 4) == 0, "not between a flag's letters");
    CHECK(cluster_start(flags, 8) == 8, "between two flags");
    CHECK(cluster_end(flags, 5) == 8, "to the flag's end");

    const std::string accents = E_ACUTE E_ACUTE E_ACUTE;
    CHECK(cluster_start(accents, 10) == 9, "the whole of a decomposed letter");
    CHECK(cluster_start(accents, 4) == 3, "not before a combining mark");
    CHECK(cluster_start(accents, 1) == 0, "not between e and its accent");

    CHECK(cluster_start("\U0001F44D\U0001F3FDa", 4) == 0,
          "not before a skin tone");
    CHECK(cluster_start("\u2764\ufe0fa", 3) == 0,
          "not before a variation selector");
    CHECK(cluster_start("\xc3\xa6\xc3\xb8", 1) == 0,
          "not inside a UTF-8 sequence");
    CHECK(cluster_start("a\r\nb", 2) == 1, "not between CR and LF");
    CHECK(cluster_start("hello", 3) == 3, "ASCII anywhere");
    CHECK(cluster_start("hello", 9) == 5, "past the end: the end");
}

/* The snippet of TEXT that Xapian gave as SN (with SNIPPET_OMIT as "~"
 * and the marks as "[" and "]"), shown the same way. */
static std::string ends(const char *sn, const std::string &text)
{
    std::string in;
    for (const char *p = sn; *p; p++)
        in += *p == '~'   ? SNIPPET_OMIT[0]
              : *p == '[' ? NS_HI_START[0]
              : *p == ']' ? NS_HI_END[0]
                          : *p;
    std::string out;
    for (char c : snippet_ends(in, text))
        out += c == NS_HI_START[0] ? '[' : c == NS_HI_END[0] ? ']' : c;
    return out;
}

static void test_ends(void)
{
    /* Xapian drops the stop and the quote that end the text, and puts its
     * marker. */
    const std::string quote = "Intro. He said: \"We will not quitx.\"";
    CHECK_IS(ends("Intro. He said: \"We will not [quitx]~", quote),
             "Intro. He said: \"We will not [quitx].\"",
             "the text's closing stop and quote kept, no marker");
    CHECK_IS(ends("Intro. (They will not [leavex]~",
                  "Intro. (They will not leavex.)"),
             "Intro. (They will not [leavex].)", "a bracket after a stop");
    CHECK_IS(ends("Intro. \u201cWill they [stayx]~",
                  "Intro. \u201cWill they stayx?\u201d  \n"),
             "Intro. \u201cWill they [stayx]?\u201d",
             "a question and a curly quote; white space after left off");
    CHECK_IS(ends("I love [quitx]~", "I love quitx. >:("),
             "I love [quitx]. &gt;:(",
             "a few symbols ending the text, escaped as Xapian's text is");

    /* Mid-text: a sentence that ends with a quote ends the snippet as a
     * stop does; anything else goes on. */
    const std::string mid = "A b c. He said \"we quit.\" Then more words.";
    CHECK_IS(ends("~\"we [quit]~", mid), "...\"we [quit].\"",
             "a sentence's stop and quote mid-text, no marker");
    CHECK_IS(ends("~we [quit]~", "He said \"we quit,\" and left."),
             "...we [quit]...", "a comma: the text goes on");
    CHECK_IS(ends("~we [quit]~", "He said \"we quit.\"Then"), "...we [quit]...",
             "a stop with a word right after is none");
    CHECK_IS(ends("Intro. [More]", "Intro. More"), "Intro. [More]",
             "Xapian's own end kept");

    /* The start: "..." where words precede, whatever Xapian said. */
    const std::string lead = "Firstword starts the text. Then more.";
    CHECK_IS(ends("~[Firstword] starts~", lead), "[Firstword] starts...",
             "the text's start: no marker");
    CHECK_IS(ends("[Then] more.", lead), "...[Then] more.",
             "a sentence's start mid-text: a marker");
    CHECK_IS(ends("\u201c[Open] quote~", "Said \u201cOpen quote here."),
             "...\u201c[Open] quote...", "an opening quote before the word");
    CHECK_IS(ends("[Star] words~", "** Star words here"), "[Star] words...",
             "only symbols before: the start");

    /* A word joined by hyphens whole at either end; a long one left off;
     * a CJK passage starts beside another character. */
    const std::string hy = "Deler av Nord-Norge har hatt 19-year-old varme.";
    CHECK_IS(ends("-[Norge] har~", hy), "...Nord-[Norge] har...",
             "a start at a hyphen: the whole word");
    CHECK_IS(ends("~[har] hatt 19-~", hy), "...[har] hatt 19-year-old...",
             "an end at a hyphen: the whole word");
    CHECK_IS(ends("~[a] b Cdefghijklmnopqrstuvwxyzabcdefghij-~",
                  "x a b Cdefghijklmnopqrstuvwxyzabcdefghij-"
                  "Klmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz z"),
             "...[a] b...", "a joined word of over 32 bytes left off");
    CHECK_IS(ends("[\u4e0a\u6d77]~", "\u6709\u4e0a\u6d77\u4e5f"),
             "...[\u4e0a\u6d77]...", "CJK: found beside another character");
    CHECK_IS(ends("~[a] \U0001F3F3\uFE0F~",
                  "x a \U0001F3F3\uFE0F\u200d\U0001F308 b"),
             "...[a] \U0001F3F3\uFE0F\u200d\U0001F308...",
             "a rainbow flag whole at the end");

    /* A passage not found in the text keeps Xapian's markers. */
    CHECK_IS(ends("~[gone] now~", "nothing like it"), "...[gone] now...",
             "not found: as Xapian cut it");
    CHECK_IS(ends("", ""), "", "nothing");
}

static void test_runs(void)
{
    std::string emoji;
    for (int i = 0; i < 100; i++)
        emoji += PARTY " ";
    const std::string text =
        "Before words here. " + emoji + " emojitestd after words.";
    const std::string out = shortened_runs(text, 200);
    CHECK(out.size() < 200, "a long run shortened within the snippet");
    CHECK(out.find("here. " PARTY " " PARTY) == 13, "the run's start kept");
    CHECK(out.find(" ... " PARTY) != std::string::npos, "the cut shown");
    const std::string end = PARTY " emojitestd after words.";
    CHECK(out.size() > end.size() &&
              out.compare(out.size() - end.size(), end.size(), end) == 0,
          "the run's end kept");

    CHECK(shortened_runs("a -- b. c", 200) == "a -- b. c",
          "a short run untouched");
    CHECK(shortened_runs("a" + std::string(150, ' ') + "b", 200) == "a b",
          "white space alone folded, no marker");
    CHECK(shortened_runs(text, 0) == text, "no snippet: untouched");

    std::string families;
    for (int i = 0; i < 20; i++)
        families += " " FAMILY;
    const std::string cut = shortened_runs("x" + families + " y", 200);
    const size_t dots = cut.find(" ... ");
    CHECK(dots != std::string::npos && dots >= 26 &&
              cut.compare(dots - 4, 4, "\U0001F466") == 0 &&
              cut.compare(dots + 5, 4, "\U0001F469") == 0,
          "cut between whole emoji families");
    CHECK(shortened_runs("x " FAMILY " y", 36) == "x " FAMILY " y",
          "a run of one emoji family kept whole");
    const std::string two = shortened_runs("x " FAMILY FAMILY " y", 36);
    CHECK(two == "x " FAMILY " ... " FAMILY " y" || two == "x " FAMILY FAMILY
                                                           " y",
          "a run of two families: each whole");
}

int main(void)
{
    test_clusters();
    test_ends();
    test_runs();
    return tl_done();
}
