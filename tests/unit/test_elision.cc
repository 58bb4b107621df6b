/* test_elision.cc - Elided articles (common/elision.cc): which languages
 * have them, what is left of a text without them for the index, a query
 * and a snippet, and that the phrase prefilter still lets a phrase across
 * one through ("de l'autre" is the phrase "de autre" in French). */
#include "index-private.h"
#include "testlib.h"

#include <string>
#include <vector>

using namespace libns;

/* T without LANG's elisions as HOW says, or "=" when nothing changes. */
static std::string cut(const char *t, const char *lang, elision how)
{
    std::string out;
    return without_elisions(t, strlen(t), lang, how, out) ? out : "=";
}

int main(void)
{
    CHECK(elides("fr") && elides("it") && elides("ca"), "fr, it, ca elide");
    CHECK(!elides("en") && !elides("no") && !elides(nullptr),
          "en, no and none do not");

    CHECK(cut("L'Europe face", "fr", ELISION_BLANK) == "  Europe face",
          "blank: L' as two spaces");
    CHECK(cut("de l\xe2\x80\x99"
              "autre",
              "fr", ELISION_BLANK) == "de     autre",
          "blank: l and U+2019 as four spaces");
    CHECK(cut("JUSQU'\xc3\xa0 QU'ILS", "fr", ELISION_DROP) == "\xc3\xa0 ILS",
          "drop: any case, a letter after it not ASCII");
    CHECK(cut("dell'Italia all'estero sull'isola", "it", ELISION_DROP) ==
              "Italia estero isola",
          "drop: Italian articles");
    CHECK(cut("d'Andorra l'Ajuntament", "ca", ELISION_DROP) ==
              "Andorra Ajuntament",
          "drop: Catalan articles");
    CHECK(cut("dell'Italia", "fr", ELISION_DROP) == "=",
          "fr: dell' is no French article");
    CHECK(cut("O'Brien d'Artagnan", "en", ELISION_DROP) == "=",
          "en: nothing is cut");
    CHECK(cut("aujourd'hui prud'homme", "fr", ELISION_DROP) == "=",
          "fr: an apostrophe inside a word is no elision");
    CHECK(cut("l' espace, l'", "fr", ELISION_DROP) == "=",
          "fr: no word after the apostrophe, no elision");
    CHECK(cut("\xc3\xa9l'homme", "fr", ELISION_DROP) == "=",
          "fr: a letter not ASCII before it: inside a word");
    CHECK(cut("\xc2\xabL'Europe\xc2\xbb (l'Asie)", "fr", ELISION_DROP) ==
              "\xc2\xab"
              "Europe\xc2\xbb (Asie)",
          "fr: after a guillemet and a bracket");

    std::string s = cut("L\xe2\x80\x99"
                        "Assembl\xc3\xa9"
                        "e et l'Europe",
                        "fr", ELISION_SPLIT);
    CHECK(s.size() == strlen("L\xe2\x80\x99"
                             "Assembl\xc3\xa9"
                             "e et l'Europe"),
          "split: the text keeps its length");
    CHECK(s.find('\'') == std::string::npos &&
              s.find("\xe2\x80\x99") == std::string::npos,
          "split: no apostrophe left");
    std::string marked = s;
    marked.insert(s.find("Assembl"), NS_HI_START);
    restore_elisions(marked);
    CHECK(marked == "L\xe2\x80\x99" NS_HI_START "Assembl\xc3\xa9"
                    "e et l'Europe",
          "split: the apostrophes restored, the mark after them");

    /* The prefilter reads the stored JSON, elisions and all. */
    const std::vector<std::string> de_autre = {"de", "autre"};
    CHECK(phrase_prefilter(de_autre, "{\"body\":\"de l'autre\"}"),
          "prefilter: de l'autre");
    CHECK(phrase_prefilter(de_autre, "{\"body\":\"De L\\u2019autre\"}"),
          "prefilter: De L\\u2019autre");
    CHECK(phrase_prefilter(de_autre, "{\"body\":\"de l\xe2\x80\x99"
                                     "autre\"}"),
          "prefilter: de l\xe2\x80\x99"
          "autre");
    CHECK(!phrase_prefilter(de_autre, "{\"body\":\"de la autre\"}"),
          "prefilter: still no for a word between");
    return tl_done();
}
