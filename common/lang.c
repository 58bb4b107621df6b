/* lang.c - The language code an article is stored and filtered under.
 *
 * Sources name a language in many ways: "en", "en-GB", "nb_NO" (og:locale,
 * WordPress), "EN", "eng" (ISO 639-2, as library records and some CMSs
 * write it), "Norwegian", "Norsk bokmål", "English (UK)".  Stored as
 * written, `lang:en` missed an article marked "en-GB", `lang:no` missed
 * "nb-NO", and the language facet split one language into several lines;
 * a name with a space, brackets or a letter outside ASCII skipped the
 * whole article.  So a code is kept as its primary language subtag in
 * lower case (BCP 47: the letters before the first "-"; "_" as locales
 * write it), a three-letter ISO 639-2 code becomes the two-letter ISO
 * 639-1 one where there is one, and the names of the languages in NAMES,
 * in English or in the language itself, in any case and with or without
 * diacritics or in the Nordic spelling ("Bokmaal"), become their codes;
 * what a name says in brackets or after it ("English (UK)", "English
 * UK") is its region, and left out.  The
 * same fold applies to a `lang:` filter, so a filter typed "en-GB" finds
 * what "en" finds.  Bokmål (nb) is stored as Norwegian (no): sources
 * label the same articles either way (NTB and most Norwegian sites write
 * "no", WordPress and og:locale "nb_NO"), and one language must be one
 * facet value that its filter counts exactly.  Nynorsk (nn), the other
 * written standard, stays its own.
 *
 * A name not in NAMES is kept so folded, its words joined by "-"
 * ("Plattdüütsch" -> "plattduutsch", "x-klingon"): it is indexed without
 * stemming, with the writer's warning naming it, and not refused. */
#include <ctype.h>
#include <string.h>

#include "fold.h"
#include "lang.h"
#include "ns.h"

/* Names and three-letter codes (ISO 639-2/T, and /B where it differs),
 * folded as lang_words() leaves them, to the two-letter code. */
static const struct {
    const char *name, *code;
} NAMES[] = {
    {"arabic", "ar"},
    {"ara", "ar"},
    {"armenian", "hy"},
    {"hye", "hy"},
    {"arm", "hy"},
    {"basque", "eu"},
    {"euskara", "eu"},
    {"eus", "eu"},
    {"baq", "eu"},
    {"catalan", "ca"},
    {"catala", "ca"},
    {"cat", "ca"},
    {"chinese", "zh"},
    {"zho", "zh"},
    {"chi", "zh"},
    {"czech", "cs"},
    {"ces", "cs"},
    {"cze", "cs"},
    {"danish", "da"},
    {"dansk", "da"},
    {"dan", "da"},
    {"dutch", "nl"},
    {"nederlands", "nl"},
    {"nld", "nl"},
    {"dut", "nl"},
    {"english", "en"},
    {"eng", "en"},
    {"estonian", "et"},
    {"eesti", "et"},
    {"est", "et"},
    {"faroese", "fo"},
    {"foroyskt", "fo"},
    {"fao", "fo"},
    {"finnish", "fi"},
    {"suomi", "fi"},
    {"fin", "fi"},
    {"french", "fr"},
    {"francais", "fr"},
    {"fra", "fr"},
    {"fre", "fr"},
    {"german", "de"},
    {"deutsch", "de"},
    {"deu", "de"},
    {"ger", "de"},
    {"greek", "el"},
    {"ell", "el"},
    {"gre", "el"},
    {"hindi", "hi"},
    {"hin", "hi"},
    {"hungarian", "hu"},
    {"magyar", "hu"},
    {"hun", "hu"},
    {"icelandic", "is"},
    {"islenska", "is"},
    {"isl", "is"},
    {"ice", "is"},
    {"indonesian", "id"},
    {"bahasa indonesia", "id"},
    {"ind", "id"},
    {"irish", "ga"},
    {"gaeilge", "ga"},
    {"gle", "ga"},
    {"italian", "it"},
    {"italiano", "it"},
    {"ita", "it"},
    {"japanese", "ja"},
    {"jpn", "ja"},
    {"korean", "ko"},
    {"kor", "ko"},
    {"latvian", "lv"},
    {"lav", "lv"},
    {"lithuanian", "lt"},
    {"lietuviu", "lt"},
    {"lit", "lt"},
    {"nepali", "ne"},
    {"nep", "ne"},
    {"norwegian", "no"},
    {"norsk", "no"},
    {"bokmal", "no"},
    {"norsk bokmal", "no"},
    {"norwegian bokmal", "no"},
    {"nor", "no"},
    {"nob", "no"},
    {"nb", "no"},
    {"nynorsk", "nn"},
    {"norsk nynorsk", "nn"},
    {"norwegian nynorsk", "nn"},
    {"nno", "nn"},
    {"polish", "pl"},
    {"polski", "pl"},
    {"pol", "pl"},
    {"portuguese", "pt"},
    {"portugues", "pt"},
    {"por", "pt"},
    {"romanian", "ro"},
    {"romana", "ro"},
    {"ron", "ro"},
    {"rum", "ro"},
    {"russian", "ru"},
    {"rus", "ru"},
    {"serbian", "sr"},
    {"srp", "sr"},
    {"spanish", "es"},
    {"espanol", "es"},
    {"castellano", "es"},
    {"spa", "es"},
    {"swedish", "sv"},
    {"svenska", "sv"},
    {"swe", "sv"},
    {"tamil", "ta"},
    {"tam", "ta"},
    {"turkish", "tr"},
    {"turkce", "tr"},
    {"tur", "tr"},
    {"ukrainian", "uk"},
    {"ukr", "uk"},
    {"yiddish", "yi"},
    {"yid", "yi"},
};

static const char *listed_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (strlen(NAMES[i].name) == len && !memcmp(name, NAMES[i].name, len))
            return NAMES[i].code;
    return NULL;
}

/* The code of the name LEN bytes at NAME, as written or else in the
 * Nordic spelling of a keyboard without å and ø: "bokmaal", "norsk
 * bokmaal", "foeroyskt" (å as aa, ø as oe, as the index reads words;
 * æ is ae either way).  Not for a code of two or three letters: "aar"
 * is no "ar". */
static const char *known_name(const char *name, size_t len)
{
    const char *code = listed_name(name, len);
    char plain[64];
    if (code || len <= 3 || len >= sizeof plain)
        return code;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        plain[n++] = name[i];
        if (i + 1 < len && (name[i] == 'a' || name[i] == 'o') &&
            name[i + 1] == (name[i] == 'a' ? 'a' : 'e'))
            i++;
    }
    return n < len ? listed_name(plain, n) : NULL;
}

/* LANG in lower case without its diacritics ("Bokmål" -> "bokmal"), cut
 * at a bracket ("English (UK)"), its words (letters and digits, and any
 * character outside ASCII: "русский" is a word) separated by one space:
 * "en-GB" is "en gb".  Never longer than LANG, which it replaces. */
static void lang_words(char *lang)
{
    ns_buf_t folded = {0};
    size_t len = strcspn(lang, "([");
    if (ns_fold_accents(lang, len, 0, &folded) >= 0 && folded.len <= len) {
        memcpy(lang, folded.p, folded.len);
        len = folded.len;
    }
    ns_buf_free(&folded);
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)lang[i];
        if (isalnum(c) || c >= 0x80)
            lang[j++] = (char)tolower(c);
        else if (j && lang[j - 1] != ' ')
            lang[j++] = ' ';
    }
    if (j && lang[j - 1] == ' ')
        j--;
    lang[j] = '\0';
}

int ns_lang_code(char *lang)
{
    lang_words(lang);
    size_t len = strlen(lang);
    const char *code = known_name(lang, len);
    size_t primary = strcspn(lang, " ");
    /* A primary subtag is two or three letters (BCP 47), and a code of
     * three an ISO 639-2 one NAMES may know. */
    if (!code && primary >= 2 && primary <= 3) {
        code = known_name(lang, primary);
        if (!code) {
            lang[primary] = '\0';
            return 1;
        }
    }
    /* "Brazilian Portuguese", "English UK": a word that names one. */
    for (size_t at = 0; !code && at < len; at += strcspn(lang + at, " ") + 1)
        code = known_name(lang + at, strcspn(lang + at, " "));
    if (code) {
        strcpy(lang, code); /* shorter than any name */
        return 1;
    }
    /* "x-klingon" and other private or odd forms are kept whole. */
    for (char *p = lang; *p; p++)
        if (*p == ' ')
            *p = '-';
    return 0;
}

/* ISO 639 "no" ("nor") is the macrolanguage over both written forms, and
 * Norwegians read "norsk" as both: lang:norsk left out every Nynorsk
 * article (7 of 9 in samples/).  Only a filter reads it so; an article
 * marked "no" is still stored as Bokmål is, and "nb", "bokmål" and
 * "norsk bokmål" still mean Bokmål alone. */
int ns_lang_names_both_norwegian(const char *typed)
{
    char v[64];
    size_t len = strlen(typed);
    if (len >= sizeof v)
        return 0;
    memcpy(v, typed, len + 1);
    lang_words(v);
    size_t primary = strcspn(v, " ");
    if ((primary == 2 && !memcmp(v, "no", 2)) ||
        (primary == 3 && !memcmp(v, "nor", 3)))
        return 1;
    return !strcmp(v, "norsk") || !strcmp(v, "norwegian");
}

const char *ns_lang_name(const char *code)
{
    /* Each language's English name comes first in NAMES. */
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (!strcmp(NAMES[i].code, code) && strlen(NAMES[i].name) > 3)
            return NAMES[i].name;
    return NULL;
}
