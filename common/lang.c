/* lang.c - The language code an article is stored and filtered under.
 *
 * Sources name a language in many ways: "en", "en-GB", "nb_NO" (og:locale,
 * WordPress), "EN", "Norwegian".  Stored as written, `lang:en` missed an
 * article marked "en-GB", `lang:no` missed "nb-NO", and the language facet
 * split one language into several lines; stemming already fell back to
 * the part before "-" (open.cc).  So a code is kept as its primary
 * language subtag in lower case (BCP 47: the letters before the first
 * "-"; "_" as locales write it), and the English names of the languages
 * Xapian stems, with the Norwegian names of Norwegian, become their ISO
 * 639-1 codes.  The same fold applies to a `lang:` filter, so a filter
 * typed "en-GB" finds what "en" finds.  Bokmål (nb) is stored as
 * Norwegian (no): sources label the same articles either way (NTB and
 * most Norwegian sites write "no", WordPress and og:locale "nb_NO"), and
 * one language must be one facet value that its filter counts exactly.
 * Nynorsk (nn), the other written standard, stays its own. */
#include <ctype.h>
#include <string.h>

#include "ns.h"

static const struct {
    const char *name, *code;
} NAMES[] = {
    {"arabic", "ar"},     {"armenian", "hy"}, {"basque", "eu"},
    {"bokmal", "no"},     {"catalan", "ca"},  {"danish", "da"},
    {"dutch", "nl"},      {"english", "en"},  {"finnish", "fi"},
    {"french", "fr"},     {"german", "de"},   {"hungarian", "hu"},
    {"indonesian", "id"}, {"irish", "ga"},    {"italian", "it"},
    {"lithuanian", "lt"}, {"nepali", "ne"},   {"norsk", "no"},
    {"norwegian", "no"},  {"nynorsk", "nn"},  {"portuguese", "pt"},
    {"romanian", "ro"},   {"russian", "ru"},  {"spanish", "es"},
    {"swedish", "sv"},    {"tamil", "ta"},    {"turkish", "tr"},
};

void ns_lang_code(char *lang)
{
    for (char *p = lang; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    size_t primary = strcspn(lang, "-_");
    /* A primary subtag is two or three letters (BCP 47); "x-klingon" and
     * other private or odd forms are kept whole. */
    if (lang[primary] && primary >= 2 && primary <= 3)
        lang[primary] = '\0';
    if (strcmp(lang, "nb") == 0) {
        strcpy(lang, "no");
        return;
    }
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (strcmp(lang, NAMES[i].name) == 0) {
            strcpy(lang, NAMES[i].code); /* shorter than any name */
            return;
        }
}
