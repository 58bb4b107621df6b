/* test_textpage.c - The plain-text page rules (textpage.c): each rule on
 * its own, the seed page of issue 18 through the reader, and the furniture
 * rule over the shared corpora written out as plain-text pages, which must
 * lose no more than 1% of any article's words.
 *
 * NSEARCH_FURNITURE_ALL=1 reads every article of the corpora (and of
 * 20newsgroups) and prints the figures (tests/eval/furniture.sh); without
 * it the corpora check is bounded to the first 4,000 articles of each. */
#include <time.h>

#include "ns.h"
#include "testlib.h"
#include "textpage.h"

#define BULLET "\xe2\x80\xa2"
#define RSQUO "\xe2\x80\x99"

static size_t marker(const char *s)
{
    return ns_textpage_list_marker(s, strlen(s));
}

static void test_list_markers(void)
{
    CHECK(marker(BULLET " Unit 8200") == 4, "bullet");
    CHECK(marker("    " BULLET " indented") == 8, "indented bullet");
    CHECK(marker("  1. Mass Surveillance Claims:") == 5, "numbered item");
    CHECK(marker("12) twelfth") == 4, "number with parenthesis");
    CHECK(marker("- dash item") == 2, "hyphen");
    CHECK(marker("* star item") == 2, "star");
    CHECK(marker(BULLET "\xc2\xa0no-break space") == 5, "no-break space");
    CHECK(marker("2024. That year") == 0, "a year is not a number marker");
    CHECK(marker("10.5 percent") == 0, "a decimal is not a marker");
    CHECK(marker("\xe2\x80\x93 Vi er glade, sier hun.") == 0,
          "an en dash opens a quote, not a list");
    CHECK(marker("--more") == 0, "double hyphen");
    CHECK(marker(BULLET) == 0 && marker("-   ") == 0, "a marker needs text");
    CHECK(marker("Plain sentence.") == 0, "plain text");
}

static int age(const char *s)
{
    return ns_textpage_is_age(s, strlen(s));
}

static void test_ages(void)
{
    CHECK(age("29 minutes ago"), "minutes");
    CHECK(age("  3 hours ago "), "hours, padded");
    CHECK(age("an hour ago") && age("1 day ago") && age("2 weeks ago"),
          "a/an, days, weeks");
    CHECK(age("yesterday") && age("Just now"), "words");
    CHECK(age("29 minutter siden") && age("for 3 timer siden") &&
              age("2 dager siden") && age("i g\xc3\xa5r"),
          "Norwegian");
    CHECK(!age("29 minutes"), "no 'ago'");
    CHECK(!age("Prices rose 3 percent ago"), "a sentence");
    CHECK(!age("many hours ago"), "not a number");
}

static int furniture(const char *s)
{
    return ns_textpage_is_furniture_heading(s, strlen(s));
}

static void test_furniture_headings(void)
{
    CHECK(furniture("Recent Posts"), "Recent Posts");
    CHECK(furniture("RELATED:") && furniture("  read more "), "case, colon");
    CHECK(furniture("Siste innlegg") && furniture("Relaterte saker") &&
              furniture("Les ogs\xc3\xa5"),
          "Norwegian");
    CHECK(!furniture("Recent Posts about oil"), "only the whole line");
    CHECK(!furniture("Key Allegations:"), "an article heading");
}

static size_t heading(const char *s, int pb, int nb, int nl, char *out)
{
    const char *t = NULL;
    size_t n = ns_textpage_heading(s, strlen(s), pb, nb, nl, &t);
    out[0] = '\0';
    if (n)
        snprintf(out, 128, "%.*s", (int)n, t);
    return n;
}

static void test_headings(void)
{
    char h[128];
    CHECK(heading("Key Allegations:", 1, 1, 0, h), "colon heading");
    CHECK_STR(h, "Key Allegations", "stored without the colon");
    CHECK(heading("What" RSQUO "s Next?", 1, 1, 0, h), "question heading");
    CHECK_STR(h, "What" RSQUO "s Next?", "question mark kept");
    CHECK(heading("Background", 1, 0, 1, h), "followed by a list");
    CHECK(!heading("Background", 1, 1, 0, h), "a plain short line is not");
    CHECK(!heading("Key Allegations:", 0, 1, 0, h), "needs a blank before");
    CHECK(!heading("Key Allegations:", 1, 0, 0, h), "needs a blank after");
    CHECK(!heading("The end.", 1, 1, 1, h), "final full stop");
    CHECK(!heading("he said:", 1, 1, 0, h), "lower-case start");
    CHECK(!heading(BULLET " Employee Backlash:", 1, 1, 0, h),
          "a list item is not a heading");
    CHECK(!heading("Why did the government decide to raise the tax on "
                   "fuel again this year?",
                   1, 1, 0, h),
          "too long");
}

static int by(const char *s, char *out)
{
    const char *name;
    size_t n;
    out[0] = '\0';
    if (!ns_textpage_by_line(s, strlen(s), &name, &n))
        return 0;
    snprintf(out, 128, "%.*s", (int)n, name);
    return 1;
}

static void test_bylines(void)
{
    char n[128];
    CHECK(by("By Kari Nordmann", n), "By NAME");
    CHECK_STR(n, "Kari Nordmann", "name");
    CHECK(by("Av \xc3\x98ystein Berg og Ola Dahl", n), "Av NAME og NAME");
    CHECK(by("Written by Jane van Dyke", n), "Written by");
    CHECK(!by("By the end of the year, prices fell.", n), "a sentence");
    CHECK(!by("By 2030", n), "a year");
    CHECK(!by("Bylines matter", n), "not the word By");

    CHECK(ns_textpage_is_name("admin", 5), "bare user name");
    CHECK(ns_textpage_is_name("Kari Nordmann", 13), "a name");
    CHECK(!ns_textpage_is_name("Thanks for reading", 18), "a phrase");
    CHECK(!ns_textpage_is_name("The end.", 8), "punctuation");
    CHECK(!ns_textpage_is_name("Recent Posts", 12), "furniture heading");
    CHECK(!ns_textpage_is_name("3 hours ago", 11), "an age");
}

/* ------------------------------------------------------------------------ */
/* Whole bodies                                                             */
/* ------------------------------------------------------------------------ */

static int apply(const char *body, ns_article_t *a, ns_textpage_report_t *rep)
{
    memset(a, 0, sizeof *a);
    a->id = strdup("x");
    a->title = strdup("T");
    a->body = strdup(body);
    return ns_textpage_apply(a, 1, rep);
}

static void test_apply_lists_and_headings(void)
{
    ns_article_t a;
    ns_textpage_report_t rep;
    CHECK(apply("Lead paragraph.\n\nBackground\n\n  1. First point\n"
                "  2. Second point\n\nMore text.",
                &a, &rep) == 0,
          "apply");
    CHECK_STR(a.body,
              "Lead paragraph.\n\nBackground\n\nFirst point\nSecond point\n\n"
              "More text.",
              "markers gone, item text and heading line kept");
    CHECK(a.n_headings == 1 && !strcmp(a.headings[0], "Background"),
          "heading before a list");
    CHECK(rep.cut_line == 0 && a.author == NULL, "nothing cut, no author");
    ns_article_clear(&a);
}

static void test_apply_post_list(void)
{
    ns_article_t a;
    ns_textpage_report_t rep;
    const char *body = "The article says something long enough.\n\n"
                       "Kari Nordmann\n\n"
                       "Ferry strike ends\n\nThe ferries run again after...\n\n"
                       "2 hours ago\n\n"
                       "Snow in May\n\nA late snowfall surprised...\n\n"
                       "5 hours ago";
    CHECK(apply(body, &a, &rep) == 0, "apply");
    CHECK_STR(a.body, "The article says something long enough.",
              "post list without a heading cut");
    CHECK_STR(a.author, "Kari Nordmann", "byline before it");
    CHECK(rep.cut_line == 5 && rep.cut_words == 21 && rep.cut_lines == 11,
          "report");
    CHECK(strstr(rep.why, "post list (2 posts)") != NULL, "why");
    ns_article_clear(&a);

    /* One age line at the end is not a list. */
    CHECK(apply("Text of the article.\n\nFerry strike ends\n\n2 hours ago", &a,
                &rep) == 0,
          "apply");
    CHECK(rep.cut_line == 0 && strstr(a.body, "2 hours ago"),
          "a single post is kept");
    ns_article_clear(&a);
}

static void test_apply_keeps_what_it_cannot_decide(void)
{
    ns_article_t a;
    ns_textpage_report_t rep;
    /* A known heading followed by a long paragraph: article text. */
    const char *body =
        "Lead.\n\nComments\n\nThe council received more than four hundred "
        "written comments on the plan, and most of them asked for the "
        "ferry timetable to be kept as it is during the winter months, "
        "when the road over the mountain is often closed for days.";
    CHECK(apply(body, &a, &rep) == 0, "apply");
    CHECK(rep.cut_line == 0 && !strcmp(a.body, body),
          "a long paragraph after a known heading keeps it all");
    ns_article_clear(&a);
    /* Text wrapped at 72 columns: short lines, but a long paragraph (a
     * newsgroup post in 20newsgroups lost 1,628 words this way). */
    body = "Lead.\n\nComments:\n"
           "The keystroke-counting approach looks good: it seems better\n"
           "to measure the activity that is causing you problems than to\n"
           "measure clock time or even typing time.  The marketing stuff\n"
           "is very good and includes some summaries of research papers,\n"
           "as well as lots of arguments you can use.\n\nTool: EyerCise";
    CHECK(apply(body, &a, &rep) == 0, "apply");
    CHECK(rep.cut_line == 0 && !strcmp(a.body, body),
          "a wrapped long paragraph is not furniture");
    ns_article_clear(&a);
    /* A known heading opening the body: nothing before it to keep. */
    CHECK(apply("Related\n\nOther story", &a, &rep) == 0 && rep.cut_line == 0,
          "no cut without article text before it");
    ns_article_clear(&a);
    /* A header author wins over a byline. */
    memset(&a, 0, sizeof a);
    a.author = strdup("Desk");
    a.body = strdup("Text.\n\nadmin\n\nRecent Posts\n\nOther\n\n1 hour ago");
    CHECK(ns_textpage_apply(&a, 1, &rep) == 0, "apply");
    CHECK_STR(a.author, "Desk", "header author kept");
    CHECK_STR(a.body, "Text.\n\nadmin", "byline stays in the body");
    ns_article_clear(&a);
    /* Without FURNITURE (Markdown) nothing is cut, and the bare name is
     * not taken for the page's author box. */
    memset(&a, 0, sizeof a);
    a.body = strdup("Text.\n\nadmin\n\nSiste nytt\n\nKl. 07: ferja "
                    "innstilt.\n\nKl. 06: E39 stengt.");
    CHECK(ns_textpage_apply(&a, 0, &rep) == 0, "apply");
    CHECK(rep.cut_line == 0 && a.author == NULL, "no cut, no author");
    CHECK_STR(a.body,
              "Text.\n\nadmin\n\nSiste nytt\n\nKl. 07: ferja "
              "innstilt.\n\nKl. 06: E39 stengt.",
              "the updates under the heading kept");
    ns_article_clear(&a);
}

/* Many known headings before a long paragraph: each used to rescan the
 * rest of the body. */
static void test_apply_linear(void)
{
    const char lead[] = "Lead paragraph of the article.\n\n";
    const char unit[] = "Related\n\n";
    const char tail[] =
        "A closing paragraph that is long enough to count as article text, "
        "because it runs well past the forty words that a teaser or a post "
        "title could have, and so it keeps every heading before it in the "
        "body where it was found, which is what the rule promises when it "
        "cannot decide.";
    size_t reps = 200000;
    size_t len = sizeof lead - 1 + reps * (sizeof unit - 1) + sizeof tail;
    char *body = malloc(len);
    char *p = body;
    memcpy(p, lead, sizeof lead - 1);
    p += sizeof lead - 1;
    for (size_t i = 0; i < reps; i++, p += sizeof unit - 1)
        memcpy(p, unit, sizeof unit - 1);
    memcpy(p, tail, sizeof tail);
    ns_article_t a;
    ns_textpage_report_t rep;
    clock_t t0 = clock();
    CHECK(apply(body, &a, &rep) == 0, "apply");
    double took = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(took < 1.0, "linear in the number of lines");
    CHECK(rep.cut_line == 0, "nothing cut before a long paragraph");
    ns_article_clear(&a);
    free(body);
}

/* ------------------------------------------------------------------------ */
/* The seed page                                                            */
/* ------------------------------------------------------------------------ */

static const char *shared(void)
{
    const char *s = getenv("SHARED");
    return s && *s ? s : "../shared";
}

static void test_seed_page(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/pages/azure-unit-8200-page.txt",
             shared());
    ns_reader_t *r;
    if (ns_reader_open(path, &r, NULL) != NS_STATUS_OK) {
        CHECK(0, "seed page readable (set SHARED)");
        return;
    }
    ns_article_t a = {0};
    CHECK(ns_reader_next(r, &a) == 1, "seed page read");
    CHECK_STR(a.title,
              "Microsoft Investigates Alleged Israeli Mass Surveillance "
              "Using Azure Cloud",
              "title is the first line");
    const char *want[] = {"Key Allegations", "Microsoft" RSQUO "s Response",
                          "Broader Implications", "What" RSQUO "s Next?"};
    CHECK(a.n_headings == 4, "four headings");
    for (size_t i = 0; i < 4 && i < a.n_headings; i++)
        CHECK_STR(a.headings[i], want[i], "heading");
    CHECK_STR(a.author, "admin", "author from the byline");
    CHECK(a.date == NULL, "no date from '29 minutes ago'");
    CHECK(a.body && !strstr(a.body, "enguin") && !strstr(a.body, "Afghan"),
          "sidebar cut");
    CHECK(a.body && !strstr(a.body, BULLET), "no bullets in the body");
    CHECK(a.body && strstr(a.body, "human rights compliance.") &&
              strstr(a.body, "Mass Surveillance Claims:"),
          "article text kept");
    const char *warning = ns_reader_warning(r);
    CHECK(warning && !strncmp(warning,
                              "page furniture cut: 'Recent Posts' and what "
                              "follows (37 lines",
                              51),
          "cut reported as a warning");
    const char *where = ns_reader_where(r);
    CHECK(strlen(where) > 3 &&
              !strcmp(where + strlen(where) - 3, ":57"),
          "at its line");
    CHECK(ns_reader_next(r, &a) == 0, "one article");
    ns_article_clear(&a);
    ns_reader_close(r);
}

/* ------------------------------------------------------------------------ */
/* The 1% check over the corpora                                            */
/* ------------------------------------------------------------------------ */

struct cut_stats {
    size_t articles, cut, bylines;
    double worst;       /* largest share of an article's words cut */
    char worst_id[128]; /* and whose */
};

static size_t words_of(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\n' || *s == '\t';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* Write each article of CORPUS out as a plain-text page (title line,
 * blank line, body) and run the rules over it as the reader does. */
static void cut_corpus(const char *corpus, size_t limit, struct cut_stats *st)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/%s/articles.jsonl.gz", shared(),
             corpus);
    ns_reader_t *r;
    if (ns_reader_open(path, &r, NULL) != NS_STATUS_OK) {
        CHECK(0, path);
        return;
    }
    ns_article_t src = {0};
    ns_buf_t page = {0};
    int rc;
    size_t n = 0;
    while ((rc = ns_reader_next(r, &src)) != 0 && (!limit || n < limit)) {
        if (rc < 0 || !*src.title || !*src.body)
            continue;
        n++;
        ns_buf_reset(&page);
        ns_buf_puts(&page, src.title);
        ns_buf_puts(&page, "\n\n");
        ns_buf_puts(&page, src.body);
        ns_buf_puts(&page, "\n");
        ns_article_t a;
        char err[256];
        if (ns_article_from_text(page.p, page.len, "page.txt", &a, err,
                                 sizeof err, NULL) < 0)
            continue;
        size_t words = words_of(a.body);
        ns_textpage_report_t rep;
        if (ns_textpage_apply(&a, 1, &rep) == 0) {
            st->articles++;
            st->bylines += rep.byline;
            if (rep.cut_line) {
                st->cut++;
                double share = words ? (double)rep.cut_words / words : 1;
                if (share > st->worst) {
                    st->worst = share;
                    snprintf(st->worst_id, sizeof st->worst_id, "%s/%s", corpus,
                             src.id);
                }
            }
        }
        ns_article_clear(&a);
    }
    ns_buf_free(&page);
    ns_article_clear(&src);
    ns_reader_close(r);
}

static void test_corpora_lose_little(void)
{
    const char *all = getenv("NSEARCH_FURNITURE_ALL");
    size_t limit = all && *all == '1' ? 0 : 4000;
    /* Reuters, BBC and TIME as issue 18 asks; 20newsgroups too, for its
     * hard-wrapped posts with "Comments:" and signatures. */
    const char *corpora[] = {"reuters21578", "bbc", "time", "20newsgroups"};
    for (size_t i = 0; i < 4; i++) {
        struct cut_stats st = {0};
        cut_corpus(corpora[i], limit, &st);
        printf("furniture rule on %s: %zu articles, %zu with a cut, "
               "largest cut %.2f%% (%s), %zu bylines taken\n",
               corpora[i], st.articles, st.cut, st.worst * 100,
               st.worst_id[0] ? st.worst_id : "none", st.bylines);
        CHECK(st.articles > 100, "corpus read");
        CHECK(st.worst <= 0.01, "no article loses more than 1% of its words");
    }
}

int main(void)
{
    test_list_markers();
    test_ages();
    test_furniture_headings();
    test_headings();
    test_bylines();
    test_apply_lists_and_headings();
    test_apply_post_list();
    test_apply_keeps_what_it_cannot_decide();
    test_apply_linear();
    test_seed_page();
    test_corpora_lose_little();
    return tl_done();
}
