/* snippet-runs.cc - Long runs of symbols between words, shortened for a
 * snippet.  Xapian's snippet counts every byte between two words against
 * its length, and drops the words of a window that grows past it, the
 * word that made it grow too: the first word after a run longer than the
 * snippet (a hundred party emoji, a banner of "=" and blank lines) is
 * never in a snippet, so a hit matched by it showed its lead unmarked
 * ("Ab..." for "Ab " + 100 emoji + " gmatch").  A run longer than half
 * the snippet is cut to its two ends, each cut between characters as a
 * reader sees them, with " ... " between: the passage shows both sides
 * of the run, in the snippet's length. */
#include "index-private.h"
#include "snippet-cut.h"

using namespace libns;

/* RUN (no word in it) with its white space folded to one space, and, when
 * still longer than MOST bytes, only its ends. */
static std::string shortened(const std::string &run, size_t most)
{
    std::string folded;
    bool space = false;
    for (char c : run) {
        const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!ws || !space)
            folded += ws ? ' ' : c;
        space = ws;
    }
    if (folded.size() <= most)
        return folded;
    const size_t keep = most > 5 ? (most - 5) / 2 : 0;
    size_t h = cluster_start(folded, keep);
    size_t t = cluster_end(folded, folded.size() - keep);
    /* An end keeps one character at least: a run of one (an emoji family
     * of 25 bytes against a snippet of 36) is shown whole, never as
     * " ... " alone. */
    const size_t first = folded.find_first_not_of(' ');
    const size_t last = folded.find_last_not_of(' ') + 1;
    if (h <= first)
        h = cluster_end(folded, first + 1);
    if (t >= last)
        t = cluster_start(folded, last - 1);
    if (h >= t)
        return folded;
    std::string head = folded.substr(0, h);
    std::string tail = folded.substr(t);
    while (!head.empty() && head.back() == ' ')
        head.pop_back();
    while (!tail.empty() && tail[0] == ' ')
        tail.erase(0, 1);
    return head + " ... " + tail;
}

std::string libns::shortened_runs(const std::string &text, size_t len)
{
    if (len == 0)
        return text;
    const size_t most = std::max<size_t>(len / 2, 16);
    std::string out;
    size_t done = 0, run = std::string::npos;
    Xapian::Utf8Iterator it(text), end;
    for (;; ++it) {
        const bool at_end = it == end;
        const size_t here = text.size() - (at_end ? 0 : it.left());
        if (at_end || Xapian::Unicode::is_wordchar(*it)) {
            if (run != std::string::npos && here - run > most) {
                out.append(text, done, run - done);
                out += shortened(text.substr(run, here - run), most);
                done = here;
            }
            run = std::string::npos;
            if (at_end)
                break;
        } else if (run == std::string::npos) {
            run = here;
        }
    }
    if (done == 0)
        return text;
    return out + text.substr(done);
}
