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

/* The code point before byte AT of T (AT > 0). */
static unsigned code_before(const std::string &t, size_t at)
{
    size_t p = at - 1, n;
    while (p > 0 && ((unsigned char)t[p] & 0xc0) == 0x80)
        p--;
    return utf8_at(t, p, &n);
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

/* Where in T the passage PLAIN was cut from: its last place that is not
 * inside a word (of passages alike, Xapian keeps the last it finds), or
 * npos. */
static size_t passage_at(const std::string &t, const std::string &plain)
{
    size_t n;
    const bool word_first = is_word(utf8_at(plain, 0, &n));
    const bool word_last = is_word(code_before(plain, plain.size()));
    size_t from = std::string::npos;
    for (int tries = 0; tries < 16; tries++) {
        const size_t at = t.rfind(plain, from);
        if (at == std::string::npos)
            return at;
        const size_t end = at + plain.size();
        if ((!word_first || at == 0 || !is_word(code_before(t, at))) &&
            (!word_last || end == t.size() || !is_word(utf8_at(t, end, &n))))
            return at;
        if (at == 0)
            return std::string::npos;
        from = at - 1;
    }
    return std::string::npos;
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
    const size_t at = passage_at(text, plain);
    if (at == std::string::npos)
        return as_xapian();
    const size_t end = at + plain.size();
    std::string after;
    bool more = false;
    /* Xapian leaves its marker off only where the text ends or a stop
     * ends a sentence, and is right there. */
    if (tail && !text_end(text, end, &after)) {
        after = sentence_end(text, end);
        more = after.empty();
    }
    return (words_before(text, at) ? "..." : "") + body + escaped(after) +
           (more ? "..." : "");
}
