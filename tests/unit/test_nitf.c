/* test_nitf.c - NITF stories as NTB and AP deliver them: the hedline's
 * subtitle (hl2) and an abstract that repeats the lede (the rest of NITF
 * is test_ingest.c's). */
#include <stdio.h>
#include <string.h>

#include "ingest.h"
#include "testlib.h"

/* Read the story XML (NUL-terminated) into ART; 0 or -1 as
 * ns_nitf_article. */
static int story(const char *xml, ns_article_t *art)
{
    char err[256];
    int rc = ns_nitf_article(xml, strlen(xml), "s.xml", art, err, sizeof err);
    if (rc < 0)
        fprintf(stderr, "    story refused: %s\n", err);
    return rc;
}

#define HEAD                                                                   \
    "<nitf baselang=\"nb-NO\"><body><body.head><hedline><hl1>Brann i "         \
    "lagerbygg</hl1><hl2>E18 stengt i begge retninger</hl2></hedline>"
#define LEDE "Et lagerbygg står i full fyr, og røyken driver over E18."

/* NTB delivers the lede as the abstract and as the first paragraph: it
 * was stored twice.  The hedline's hl2 was stored nowhere: "stengt"
 * found nothing. */
static void test_subtitle_and_lede(void)
{
    ns_article_t a;
    CHECK(story(HEAD "<abstract><p>" LEDE "</p></abstract></body.head>"
                     "<body.content><p lede=\"true\">" LEDE "</p><p>Ingen "
                     "er skadd.</p></body.content></body></nitf>",
                &a) == 0,
          "lede: read");
    CHECK_STR(a.title, "Brann i lagerbygg", "hl1: the title");
    CHECK_STR(a.body,
              "E18 stengt i begge retninger\n\n" LEDE "\n\nIngen er skadd.",
              "the hedline's hl2 first, the lede once");
    CHECK(a.n_headings == 1 &&
              !strcmp(a.headings[0], "E18 stengt i begge retninger"),
          "the hedline's hl2 is a heading");
    ns_article_clear(&a);
    /* An abstract of its own is kept before the text; one the text only
     * starts like is no repeat. */
    CHECK(story(HEAD "<abstract><p>Brannen er under kontroll.</p>"
                     "</abstract></body.head><body.content><p>Brannen er "
                     "under kontroll, sier politiet.</p></body.content>"
                     "</body></nitf>",
                &a) == 0,
          "abstract: read");
    CHECK_STR(a.body,
              "E18 stengt i begge retninger\n\nBrannen er under kontroll."
              "\n\nBrannen er under kontroll, sier politiet.",
              "an abstract that is no repeat stays");
    ns_article_clear(&a);
}

int main(void)
{
    test_subtitle_and_lede();
    return tl_done();
}
