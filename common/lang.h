/* lang.h - How a lang filter reads a language, beyond ns_lang_code(). */
#ifndef NS_LANG_H
#define NS_LANG_H

#ifdef __cplusplus
extern "C" {
#endif

/* Whether the filter value TYPED names Norwegian as a whole ("no",
 * "nor", "norsk", "Norwegian", "no-NO"): then it matches Nynorsk (nn)
 * too, not only the Bokmål stored as "no". */
int ns_lang_names_both_norwegian(const char *typed);

#ifdef __cplusplus
}
#endif

#endif
