/* index-fields.cc - The layout of an article's text fields in the index:
 * which field goes into which terms with what wdf (index_fields), and the
 * texts a phrase in a field is checked against (field_texts), one layout
 * that the indexer and the phrase checker share. */
#include <cstring>
#include <string>
#include <vector>

#include "index-private.h"

using namespace libns;

/* The text fields of ART into TG's document, in the one layout the index
 * and the phrase checker share.  The index is built WITHOUT positions
 * (POSITIONS false): positions were 44% of the index (Reuters: 30 of 69 MB)
 * and a quarter of the indexing time, and are needed only by phrase and
 * NEAR queries, which are checked against the article's own text instead
 * (see check_phrases). */
void libns::index_fields(Xapian::TermGenerator &tg, const ns_article_t *art,
                         bool positions)
{
    auto text = [&](const char *t, Xapian::termcount wdf, const char *prefix) {
        std::string scratch, halves;
        t = indexed_text(t, scratch, art->lang, positions ? nullptr : &halves);
        if (positions) {
            tg.index_text(t, wdf, prefix);
            tg.increase_termpos(FIELD_GAP);
        } else {
            /* Exact words, then the stems of every word whatever its case
             * (forms.cc): STEM_SOME would leave capitalised words
             * unstemmed. */
            tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
            tg.index_text_without_positions(t, wdf, prefix);
            tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
            tg.index_text_without_positions(t, wdf, prefix);
            /* Joined words by their stems only: their exact terms too
             * made Reuters' index 3.5% larger, against 1.1%. */
            const std::string joined = joined_words(t);
            if (!joined.empty())
                tg.index_text_without_positions(joined, wdf, prefix);
            /* And the halves of the words joined across a line break, by
             * their stems, as the parts of a hyphenated word are
             * indexed: "well-\nknown" is "wellknown" in the text, and
             * "known" still finds it. */
            if (!halves.empty())
                tg.index_text_without_positions(halves, wdf, prefix);
        }
    };
    if (art->title && *art->title) {
        text(art->title, W_TITLE, "");
        text(art->title, 1, PREFIX_TITLE);
    }
    for (size_t i = 0; i < art->n_headings; i++) {
        text(art->headings[i], W_HEADINGS, "");
        text(art->headings[i], 1, PREFIX_HEADING);
    }
    if (art->section)
        text(art->section, W_SECTION, "");
    /* Tags' words too, as site search reads them: metadata, counted once
     * like the section's (the least weight of a word that counts). */
    for (size_t i = 0; i < art->n_tags; i++)
        text(art->tags[i], W_SECTION, "");
    /* The byline is a run of the default field too, as a reader expects
     * of a news site's search box (`nordmann` finds Kari Nordmann's
     * articles), but with wdf 0: it makes an article match and weighs
     * nothing, nor lengthens the article.  It says who wrote the piece,
     * not what it is about, and counted like a body word it ranked 30
     * two-line briefs signed "Ola Hansen" above a 400-word profile that
     * names him three times (BM25's length normalisation favours the
     * short ones).  BM25F gives such metadata fields a weight below the
     * body's, and wdf is whole: below 1 is 0.  Weighing the author
     * terms in at query time instead (a scaled "A" prefix) would be
     * another term for every query word to match.  author: and
     * author= read the "A" terms below, unchanged; related posts
     * leave the byline out of a story (seed_terms, drop_byline). */
    if (art->author) {
        text(art->author, 0, "");
        text(art->author, 1, PREFIX_AUTHOR);
    }
    if (art->body)
        text(art->body, 1, "");
}

bool libns::field_texts(const ns_article_t *art, const std::string &prefix,
                        std::vector<const char *> &out)
{
    if (prefix.empty()) {
        out.push_back(art->title);
        out.insert(out.end(), art->headings, art->headings + art->n_headings);
        out.push_back(art->section);
        out.insert(out.end(), art->tags, art->tags + art->n_tags);
        out.push_back(art->author);
        out.push_back(art->body);
    } else if (prefix == PREFIX_TITLE) {
        out.push_back(art->title);
    } else if (prefix == PREFIX_HEADING) {
        out.insert(out.end(), art->headings, art->headings + art->n_headings);
    } else if (prefix == PREFIX_AUTHOR) {
        out.push_back(art->author);
    } else {
        return false;
    }
    return true;
}
