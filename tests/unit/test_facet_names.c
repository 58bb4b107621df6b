/* test_facet_names.c - The names ns_facets_parse reads (nsearch --facets,
 * nsearchd facets=): each facet's own, its plural and the language's
 * long forms; and ns_facet_name_near, which tells a mistyped name after a
 * bare --facets from a query word. */
#include "ns.h"
#include "testlib.h"

static unsigned parsed(const char *list)
{
    unsigned mask = 12345;
    return ns_facets_parse(list, &mask) == 0 ? mask : 0;
}

int main(void)
{
    CHECK(parsed("tags") == NS_FACET_TAG, "tags");
    CHECK(parsed("sections") == NS_FACET_SECTION, "sections");
    CHECK(parsed("years") == NS_FACET_YEAR, "years");
    CHECK(parsed("months") == NS_FACET_MONTH, "months");
    CHECK(parsed("decades") == NS_FACET_DECADE, "decades");
    CHECK(parsed("langs") == NS_FACET_LANG, "langs");
    CHECK(parsed("languages") == NS_FACET_LANG, "languages");
    CHECK(parsed("language") == NS_FACET_LANG, "language");
    CHECK(parsed("tags,year") == (NS_FACET_TAG | NS_FACET_YEAR),
          "a plural in a list");
    CHECK(parsed("tagz") == 0 && parsed("Tags") == 0, "no other spelling");
    CHECK(ns_facet_name_near("sectoin") && ns_facet_name_near("yaer") &&
              ns_facet_name_near("tgas") && ns_facet_name_near("lnag"),
          "one edit from a name: near");
    CHECK(!ns_facet_name_near("azure") && !ns_facet_name_near("sectors") &&
              !ns_facet_name_near("ball") && !ns_facet_name_near(""),
          "a word: not near");
    CHECK(ns_facet_name_near("mnoth") && ns_facet_name_near("secton") &&
              ns_facet_name_near("yeras"),
          "one edit from a name of five letters or more: near");
    CHECK(!ns_facet_name_near("tax") && !ns_facet_name_near("dear") &&
              !ns_facet_name_near("land") && !ns_facet_name_near("long") &&
              !ns_facet_name_near("tabs") && !ns_facet_name_near("near"),
          "a word one letter from a short name: a word people search");
    return tl_done();
}
