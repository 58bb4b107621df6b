/* snippet.cc - The snippet of a hit: Xapian's passage where the query's
 * words meet, or the lead, as text with our highlight markers. */
#include <cstring>
#include <string>

#include "index-private.h"

using namespace libns;

/* Xapian returns HTML: undo its escaping (it escapes &, < and > only, and
 * our markers are control bytes it leaves alone) and fold white space.
 * Only for Xapian's output: text as written (UNESCAPE false) keeps every
 * "&lt;" it has, or "&lt;img ...&gt;" in a body would turn into markup. */
static std::string unescape_snippet(const std::string &html,
                                    bool unescape = true)
{
    std::string out;
    out.reserve(html.size());
    bool space = false;
    for (size_t i = 0; i < html.size(); i++) {
        char c = html[i];
        if (c == '&' && unescape) {
            static const struct {
                const char *ent;
                char ch;
            } ents[] = {{"&amp;", '&'},
                        {"&lt;", '<'},
                        {"&gt;", '>'},
                        {"&quot;", '"'},
                        {"&#39;", '\''}};
            bool done = false;
            for (const auto &e : ents) {
                size_t n = strlen(e.ent);
                if (html.compare(i, n, e.ent) == 0) {
                    out += e.ch;
                    i += n - 1;
                    done = true;
                    break;
                }
            }
            if (done) {
                space = false;
                continue;
            }
        }
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!space && !out.empty())
                out += ' ';
            space = true;
            continue;
        }
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

/* The snippet of ART: the passage where the query's words meet, or, when
 * none of them is in the text (a blank query, filters only, title:word),
 * the lead: the start of the body.  Xapian's snippet without a match is
 * the text's last passage, which reads as a random cut. */
std::string libns::snippet_of(ns_index_t *idx, const Xapian::MSet &ms,
                              const ns_article_t *art,
                              const ns_search_opts_t *o, bool blank)
{
    if (!blank) {
        const char *src = art->body && *art->body ? art->body : art->title;
        /* EXHAUSTIVE without the background model: the background model
         * costs ~1.2 ms a hit (XAPIAN-NOTES.md), while EXHAUSTIVE alone
         * added 0.05 ms to a top-10 query on Reuters (p50 0.61 -> 0.66 ms)
         * and finds the passage where most query words meet instead of the
         * first one that has any. */
        std::string sn = unescape_snippet(ms.snippet(
            src, o->snippet_len, stemmer_for(idx, art->lang),
            Xapian::MSet::SNIPPET_EXHAUSTIVE, NS_HI_START, NS_HI_END, "..."));
        if (sn.find(NS_HI_START) != std::string::npos || src != art->body)
            return sn;
    }
    std::string body = art->body ? art->body : "";
    std::string cut = body.substr(0, o->snippet_len);
    /* Never cut inside a UTF-8 sequence. */
    while (!cut.empty() && body.size() > cut.size() &&
           ((unsigned char)body[cut.size()] & 0xc0) == 0x80)
        cut.pop_back();
    return unescape_snippet(cut, false) +
           (body.size() > cut.size() ? "..." : "");
}
