/* snippet-ends.cc - What a snippet shows at its two ends.  Xapian's
 * MSet::snippet decides both from the characters beside its passage and
 * gets two wrong for news.  A passage that ends the text, or a sentence,
 * with a stop and then a closing quote or bracket ('not quit."',
 * '(... leave.)', '"... stay?"') loses both and gets the omit marker, as
 * if cut ('not quit...'): its test of a sentence's end wants the stop
 * last, and it keeps a quote only when no stop comes first.  436 of the
 * 2,225 BBC stories end so.  And a passage that starts a sentence
 * mid-text gets no marker, though the text before it is not shown.
 *
 * So Xapian is asked with an omit marker of our own, a control byte no
 * article text has (article.c makes them spaces), the passage is found in
 * the text it was cut from, and each end is decided by what is beside it
 * there, as SQLite FTS5's snippet() does: "..." where words of the text
 * precede or follow, none where the text starts or ends. */
#include <cstring>

#include "index-private.h"
#include "snippet-cut.h"

using namespace libns;

const char *const libns::SNIPPET_OMIT = "\x1e";

/* Where the code point before byte AT of T starts (AT > 0). */
static size_t start_before(const std::string &t, size_t at)
{
    size_t p = at - 1;
    while (p > 0 && ((unsigned char)t[p] & 0xc0) == 0x80)
        p--;
    return p;
}

/* The code point before byte AT of T (AT > 0). */
static unsigned code_before(const std::string &t, size_t at)
{
    size_t n;
    return utf8_at(t, start_before(t, at), &n);
}

static bool is_word(unsigned c)
{
    return Xapian::Unicode::is_wordchar(c);
}

/* Has T a word character before byte AT?  Looked for backwards: the
 * passage's own start is nearly always one word from it. */
static bool words_before(const std::string &t, size_t at)
{
    while (at > 0) {
        if (is_word(code_before(t, at)))
            return true;
        do
            at--;
        while (at > 0 && ((unsigned char)t[at] & 0xc0) == 0x80);
    }
    return false;
}

/* A stop that ends a sentence, or a quote or a bracket that closes after
 * one. */
static bool is_stop(unsigned c)
{
    return c == '.' || c == '?' || c == '!' || c == 0x2026 || c == 0x3002 ||
           c == 0xff01 || c == 0xff1f;
}

static bool is_closer(unsigned c)
{
    const auto k = Xapian::Unicode::get_category(c);
    return c == '"' || c == '\'' || k == Xapian::Unicode::CLOSE_PUNCTUATION ||
           k == Xapian::Unicode::FINAL_QUOTE_PUNCTUATION;
}

/* The characters from byte AT of T that end a sentence there: closers, a
 * stop or a few, closers ('."', '?)', '!"]', '.'), followed by white
 * space or the text's end; "" when those at AT do not. */
static std::string sentence_end(const std::string &t, size_t at)
{
    size_t i = at, n;
    int state = 0; /* 0: closers before a stop, 1: stops, 2: closers */
    for (int count = 0; i < t.size(); count++, i += n) {
        const unsigned c = utf8_at(t, i, &n);
        if (Xapian::Unicode::is_whitespace(c))
            break;
        if (count == 6)
            return "";
        if (is_stop(c) && state < 2)
            state = 1;
        else if (is_closer(c) && state != 1)
            ;
        else if (is_closer(c))
            state = 2;
        else
            return "";
    }
    return state ? t.substr(at, i - at) : "";
}

/* The rest of T from byte AT when it has no word, without its trailing
 * white space, if that is a few characters (a stop and a quote, a
 * smiley); else false. */
static bool text_end(const std::string &t, size_t at, std::string *out)
{
    size_t i = at, n, chars = 0, last = at;
    for (; i < t.size(); i += n) {
        const unsigned c = utf8_at(t, i, &n);
        if (is_word(c))
            return false;
        if (!Xapian::Unicode::is_whitespace(c)) {
            if (++chars > 8)
                return false;
            last = i + n;
        }
    }
    *out = t.substr(at, last - at);
    return true;
}

static std::string escaped(const std::string &s)
{
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

/* Is C a Chinese, Japanese or Korean character, which Xapian's snippet
 * (SNIPPET_CJK_NGRAM) reads as a word of its own, so that a passage
 * starts or ends beside another (CJK::codepoint_is_cjk's ranges)? */
static bool is_cjk(unsigned c)
{
    return (c >= 0x2e80 && c <= 0x2eff) || (c >= 0x3000 && c <= 0x9fff) ||
           (c >= 0xa700 && c <= 0xa71f) || (c >= 0xac00 && c <= 0xd7af) ||
           (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) ||
           (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x2a6df) ||
           (c >= 0x2f800 && c <= 0x2fa1f);
}

/* Is byte AT of T inside a word: word characters on both sides, neither
 * a CJK one? */
static bool inside_word(const std::string &t, size_t at)
{
    if (at == 0 || at >= t.size())
        return false;
    size_t n;
    const unsigned a = code_before(t, at), b = utf8_at(t, at, &n);
    return is_word(a) && is_word(b) && !is_cjk(a) && !is_cjk(b);
}

/* Where in T the passage PLAIN was cut from: its last place that is not
 * inside a word (of passages alike, Xapian keeps the last it finds), or
 * npos. */
static size_t passage_at(const std::string &t, const std::string &plain)
{
    size_t from = std::string::npos;
    for (int tries = 0; tries < 16; tries++) {
        const size_t at = t.rfind(plain, from);
        if (at == std::string::npos)
            return at;
        if (!inside_word(t, at) && !inside_word(t, at + plain.size()))
            return at;
        if (at == 0)
            return std::string::npos;
        from = at - 1;
    }
    return std::string::npos;
}

static bool is_hyphen(unsigned c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* The most bytes of a word joined by hyphens a passage's end is moved
 * over to show the word whole; past that ("...-Gesetzgebungsverfahren")
 * the part shown is left off instead. */
static const size_t MOST_JOINED = 32;

/* Is the code point at byte AT of T a hyphen between two word
 * characters? */
static bool joining(const std::string &t, size_t at)
{
    size_t n, k;
    return at > 0 && at < t.size() && is_hyphen(utf8_at(t, at, &n)) &&
           at + n < t.size() && is_word(code_before(t, at)) &&
           is_word(utf8_at(t, at + n, &k));
}

/* Where the word joined by hyphens that T's passage starting at AT starts
 * in ("life-|threatening", "19-year-|old", "Nord|-Norge"): AT itself when
 * the passage does not start inside one. */
static size_t joined_start(const std::string &t, size_t at)
{
    size_t n;
    if (at == 0 || at >= t.size())
        return at;
    const unsigned first = utf8_at(t, at, &n);
    const bool inside =
        is_word(first) ? joining(t, start_before(t, at)) : joining(t, at);
    if (!inside)
        return at;
    size_t p = at;
    while (p > 0) {
        const size_t q = start_before(t, p);
        const unsigned c = utf8_at(t, q, &n);
        if ((is_word(c) && !is_cjk(c)) || joining(t, q))
            p = q;
        else
            break;
    }
    return p;
}

/* Where that word ends, for a passage ending at END. */
static size_t joined_end(const std::string &t, size_t end)
{
    size_t n;
    if (end == 0 || end >= t.size())
        return end;
    const size_t last = start_before(t, end);
    const bool inside =
        is_word(utf8_at(t, last, &n)) ? joining(t, end) : joining(t, last);
    if (!inside)
        return end;
    size_t p = end;
    while (p < t.size()) {
        const unsigned c = utf8_at(t, p, &n);
        if ((is_word(c) && !is_cjk(c)) || joining(t, p))
            p += n;
        else
            break;
    }
    return p;
}

std::string libns::snippet_ends(const std::string &sn, const std::string &text)
{
    const char omit = SNIPPET_OMIT[0];
    const bool lead = !sn.empty() && sn[0] == omit;
    const bool tail = sn.size() > (size_t)lead && sn.back() == omit;
    const std::string body = sn.substr(lead, sn.size() - lead - tail);
    auto as_xapian = [&]() {
        return (lead ? "..." : "") + body + (tail ? "..." : "");
    };
    /* The passage as it is in TEXT: no marks, Xapian's escaping undone. */
    std::string plain;
    for (size_t i = 0; i < body.size(); i++) {
        const char c = body[i];
        if (c == NS_HI_START[0] || c == NS_HI_END[0])
            continue;
        if (c == '&') {
            static const struct {
                const char *ent;
                char ch;
            } ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
            bool done = false;
            for (const auto &e : ents)
                if (!done && body.compare(i, strlen(e.ent), e.ent) == 0) {
                    plain += e.ch;
                    i += strlen(e.ent) - 1;
                    done = true;
                }
            if (done)
                continue;
        }
        plain += c;
    }
    if (plain.empty())
        return as_xapian();
    const size_t found = passage_at(text, plain);
    if (found == std::string::npos)
        return as_xapian();
    size_t at = found, end = found + plain.size();
    std::string head = body;
    /* A word joined by hyphens is shown whole, or not at all: Xapian's
     * passage starts and ends at a hyphen, and 94 of 5,330 BBC snippets
     * read "...-threatening injury", "...-old defender" or "-1 down".
     * Leaving the part off keeps a mark that is on it. */
    const size_t js = joined_start(text, at), je = joined_end(text, end);
    if (js < at && at - js <= MOST_JOINED) {
        head = escaped(text.substr(js, at - js)) + head;
        at = js;
    } else if (js < at) {
        const size_t sp = head.find(' '), psp = plain.find(' ');
        if (sp != std::string::npos &&
            head.find_first_of(NS_HI_START NS_HI_END) > sp) {
            at = found + psp + 1;
            head.erase(0, sp + 1);
        }
    }
    if (je > end && je - end <= MOST_JOINED) {
        head += escaped(text.substr(end, je - end));
        end = je;
    } else if (je > end) {
        const size_t sp = head.rfind(' '), psp = plain.rfind(' ');
        const size_t mark = head.find_last_of(NS_HI_START NS_HI_END);
        if (sp != std::string::npos && found + psp > at &&
            (mark == std::string::npos || mark < sp)) {
            end = found + psp;
            head.resize(sp);
        }
    }
    /* Nor is what a reader sees as one character parted at either end:
     * Xapian ends a passage inside a rainbow flag's sequence (the white
     * flag shown without its rainbow). */
    const size_t cs = cluster_start(text, at), ce = cluster_end(text, end);
    if (cs < at) {
        head = escaped(text.substr(cs, at - cs)) + head;
        at = cs;
    }
    if (ce > end) {
        head += escaped(text.substr(end, ce - end));
        end = ce;
    }
    std::string after;
    bool more = false;
    /* Xapian leaves its marker off only where the text ends or a stop
     * ends a sentence, and is right there. */
    if (tail && !text_end(text, end, &after)) {
        after = sentence_end(text, end);
        more = after.empty();
    }
    return (words_before(text, at) ? "..." : "") + head + escaped(after) +
           (more ? "..." : "");
}
