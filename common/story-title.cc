/* story-title.cc - The title the copies of one story share, as the story
 * version groups (collapse.cc) and the related posts' duplicate test
 * (related.cc) compare it.
 *
 * A wire service marks a story's later versions in the headline itself
 * ("UPDATE 2-", "CORRECTED - ", "(CORRECTED) - ", "RPT-", "REFILE-",
 * "WRAPUP 1-", AP's "UPDATE:"), and feeds write one headline in several
 * typographies (WordPress turns ' into ’, " into “ ”, - into – or —, ...
 * into …) and cases ("TROMSØ" and "Tromsø").  Compared byte by byte,
 * none of Reuters' 9 corrected or repeated stories was grouped with its
 * first version, and every non-ASCII byte counted as a letter, so two
 * unrelated stories titled "— — — — —" were one.  Here the marks are
 * left out and the rest is read by Unicode category, as the index reads
 * text: letters, marks and digits make words, lower-cased; punctuation
 * and spaces of every script separate them. */
#include <cctype>
#include <cstring>
#include <string>
#include <strings.h>

#include "index-private.h"

using namespace libns;

/* Titles shorter than this many words ("Letters", "In brief") are too
 * generic to say two articles are one story; in a script written without
 * spaces (Chinese, Japanese, Thai) each two characters count as a word,
 * so a headline of eight such characters is enough. */
static const unsigned STORY_MIN_WORDS = 4;

/* The words a wire service puts before a headline to mark a later version
 * of the story, not a different one. */
static const char *const VERSION_MARKS[] = {
    "update",  "updated", "corrected", "correction", "corrects", "refile",
    "refiled", "rpt",     "repeat",    "wrapup",
};

/* The length of the version mark at P ("UPDATE 2-", "(CORRECTED) - ",
 * "RPT-", "Update: "), with the spaces after it; 0 if P has none.  The
 * mark is one of VERSION_MARKS in any case, perhaps in brackets, with a
 * take number, and ends in a hyphen, colon, en or em dash (or a closing
 * bracket): "Update on the strike talks" keeps its first word. */
static size_t version_mark(const char *p)
{
    const char *s = p;
    bool bracket = *s == '(' || *s == '[';
    if (bracket)
        s++;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    bool known = false;
    for (const char *m : VERSION_MARKS)
        known |= strlen(m) == n && strncasecmp(s, m, n) == 0;
    if (!known)
        return 0;
    s += n;
    const char *t = s;
    while (*t == ' ')
        t++;
    if (isdigit((unsigned char)*t)) {
        while (isdigit((unsigned char)*t))
            t++;
        s = t;
    }
    bool closed = bracket && (*s == ')' || *s == ']');
    if (closed)
        s++;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == ':')
        s++;
    else if (!strncmp(s, "\u2013", 3) || !strncmp(s, "\u2014", 3))
        s += 3;
    else if (!closed)
        return 0;
    while (*s == ' ')
        s++;
    return (size_t)(s - p);
}

const char *libns::story_title_start(const char *title)
{
    const char *p = title ? title : "";
    while (*p == ' ' || *p == '\t')
        p++;
    /* Marks come one after another: "CORRECTED-UPDATE 2-", "RPT-UPDATE 1-". */
    for (size_t n; (n = version_mark(p)) > 0;)
        p += n;
    return p;
}

/* Is CP a character of a script written without spaces between words? */
static bool spaceless(unsigned cp)
{
    return (cp >= 0x0e00 && cp <= 0x0fff) || /* Thai, Lao, Tibetan */
           (cp >= 0x1000 && cp <= 0x109f) || /* Myanmar */
           (cp >= 0x1780 && cp <= 0x17ff) || /* Khmer */
           (cp >= 0x3040 && cp <= 0x31ff) || /* kana, Bopomofo */
           (cp >= 0x3400 && cp <= 0x9fff) || /* CJK ideographs */
           (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xff9f) ||
           (cp >= 0x20000 && cp <= 0x3ffff);
}

/* What CP is in a title compared: 1 part of a word, 0 nothing (a soft
 * hyphen, a joiner: invisible, and not always there), -1 a separator. */
static int title_char(unsigned cp)
{
    using namespace Xapian::Unicode;
    switch (get_category(cp)) {
    case UPPERCASE_LETTER:
    case LOWERCASE_LETTER:
    case TITLECASE_LETTER:
    case MODIFIER_LETTER:
    case OTHER_LETTER:
    case NON_SPACING_MARK:
    case ENCLOSING_MARK:
    case COMBINING_SPACING_MARK:
    case DECIMAL_DIGIT_NUMBER:
    case LETTER_NUMBER:
    case OTHER_NUMBER:
        return 1;
    case FORMAT:
        return cp == 0x200b ? -1 : 0; /* the zero-width space separates */
    default:
        return -1;
    }
}

bool libns::story_title(const char *title, std::string *out)
{
    const char *start = story_title_start(title);
    /* Decomposed letters (macOS's "e" and a combining acute) as composed. */
    std::string nfc;
    if (composed(start, strlen(start), nfc))
        start = nfc.c_str();
    out->clear();
    std::string w;
    unsigned halves = 0, wide = 0; /* words counted in halves */
    for (Xapian::Utf8Iterator it(start);; ++it) {
        unsigned cp = it == Xapian::Utf8Iterator() ? 0 : *it;
        if (cp >= 0xff01 && cp <= 0xff5e) /* full-width ASCII */
            cp -= 0xfee0;
        int kind = cp ? title_char(cp) : -1;
        if (kind > 0) {
            cp = Xapian::Unicode::tolower(cp);
            if (cp == 0x3c2) /* final sigma, as lower-cased capitals read */
                cp = 0x3c3;
            Xapian::Unicode::append_utf8(w, cp);
            wide += spaceless(cp);
        } else if (kind < 0) {
            if (!w.empty()) {
                *out += (out->empty() ? "" : " ") + w;
                halves += wide > 2 ? wide : 2;
            }
            w.clear();
            wide = 0;
            if (!cp)
                break;
        }
    }
    return halves >= 2 * STORY_MIN_WORDS;
}
