/* query-lucene.cc - The operators that users of Lucene, Elasticsearch,
 * Solr and FTS5 type, read as they meant them: "!gas" (NOT), "&&" and
 * "||", a phrase's slop ("crude oil"~3), a boost (oil^2), a fuzzy word
 * (oil~), a '?' inside a word (wom?n), backslash escapes (AT\&T) and
 * Solr's "*:*".  Xapian's parser read each as punctuation, and the query
 * ran as some other search with nothing said: "!gas" found the articles
 * WITH gas, "oil && gas" was "oil OR gas", and the 3 of "crude oil"~3 was
 * searched as a word (2,182 Reuters and BBC News hits against the
 * phrase's 219, a NYMEX table first). */
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <string>
#include <strings.h>
#include <vector>

#include "index-private.h"

using namespace libns;

/* Terms read for one word with a '?' in it, at most. */
static const size_t SINGLE_WILDCARD_SCAN = 50000;

static void warn(std::string *warnings, const std::string &why)
{
    if (warnings && warnings->find(why) == std::string::npos)
        *warnings += (warnings->empty() ? "" : "; ") + why;
}

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || ((unsigned char)c & 0x80);
}

/* Is NAME (any case) a field of the query language? */
static bool field_name(const std::string &typed)
{
    return field_known(lower(typed.c_str()));
}

/* Lucene's escapes: a backslash makes the character after it no
 * operator.  One that joins a word ("AT\&T", "e\-mail", "o\'brien") is
 * kept, as typed without the backslash; one the query language reads as
 * syntax (':', '(', '"', '*', '?', '~', '^', '!', a '-' or '+' starting
 * a word) becomes a space, so "title\:oil" is the words "title" and
 * "oil", not the field.  Kept as typed, "AT\&T" was "at" and "t" (426
 * hits where AT&T has 6), and "title\:oil" matched nothing.  LITERAL
 * marks the characters an escape gave, which no later step reads as an
 * operator ("\&\&" is no AND). */
static std::string unescaped(const std::string &t, std::vector<bool> &literal)
{
    std::string out;
    literal.clear();
    for (size_t i = 0; i < t.size(); i++) {
        if (t[i] != '\\') {
            out += t[i];
            literal.push_back(false);
            continue;
        }
        if (i + 1 == t.size())
            break; /* a backslash at the end escapes nothing */
        const char c = t[++i];
        const bool joins = !out.empty() && word_char(out.back()) &&
                           i + 1 < t.size() && word_char(t[i + 1]);
        const bool keep = word_char(c) || strchr("&'._@#$%,;=/", c) ||
                          ((c == '-' || c == '+') && joins);
        out += keep ? c : ' ';
        literal.push_back(keep);
    }
    return out;
}

/* The number at T[I] ("3", "0.8"), its length; 0 if none. */
static size_t number_at(const std::string &t, size_t i)
{
    size_t j = i;
    while (j < t.size() && isdigit((unsigned char)t[j]))
        j++;
    if (j > i && j + 1 < t.size() && t[j] == '.' &&
        isdigit((unsigned char)t[j + 1]))
        for (j++; j < t.size() && isdigit((unsigned char)t[j]);)
            j++;
    return j - i;
}

/* The quoted phrase INSIDE with Lucene's slop N: its words within N
 * positions more than the phrase takes, in any order.  Lucene's "a b"~N
 * lets N other words in (in order), which is Xapian's "a NEAR/(N+1) b":
 * NEAR/n is a window of n plus one for each word after the second
 * (query.cc), so a chain of NEAR/(N+1) lets N other words in all told,
 * as the slop does.  FIELD ("title:") goes before each word.  Slop 0, a
 * phrase of one word, and a query in capitals (where NEAR is a word,
 * query_flags) keep the phrase. */
static std::string slop_phrase(const std::string &field,
                               const std::string &inside, unsigned long slop,
                               bool operators, std::string *warnings)
{
    std::vector<std::string> words;
    std::string w;
    for (size_t i = 0; i <= inside.size(); i++) {
        if (i < inside.size() && !isspace((unsigned char)inside[i])) {
            w += inside[i];
            continue;
        }
        if (!w.empty())
            words.push_back(w);
        w.clear();
    }
    if (slop == 0 || words.size() < 2)
        return field + "\"" + inside + "\"";
    if (!operators) {
        warn(warnings, "a phrase's slop (\"a b\"~3) is read in a query with "
                       "lower-case letters only; searched as the phrase");
        return field + "\"" + inside + "\"";
    }
    if (slop > 1000)
        slop = 1000; /* an article's length: any larger is the same */
    std::string out = "(";
    for (size_t i = 0; i < words.size(); i++)
        out += (i ? " NEAR/" + std::to_string(slop + 1) + " " : "") + field +
               words[i];
    return out + ")";
}

/* Has T (LITERAL: its escaped characters) one of Lucene's symbols for
 * an operator ("&&", "||", a lone '!') outside quotes and pasted
 * addresses? */
static bool symbol_operator(const std::string &t, const std::vector<bool> &lit)
{
    bool quoted = false;
    for (size_t i = 0; i < t.size(); i++) {
        const bool start = i == 0 || strchr(" \t(", t[i - 1]);
        if (t[i] == '"' && !lit[i])
            quoted = !quoted;
        if (quoted || lit[i])
            continue;
        if (start && (strncasecmp(t.c_str() + i, "http://", 7) == 0 ||
                      strncasecmp(t.c_str() + i, "https://", 8) == 0)) {
            while (i + 1 < t.size() && !isspace((unsigned char)t[i + 1]))
                i++;
            continue;
        }
        if ((t[i] == '&' || t[i] == '|') && i + 1 < t.size() &&
            t[i + 1] == t[i] && !lit[i + 1])
            return true;
        if (t[i] == '!' && start &&
            (i + 1 == t.size() || isspace((unsigned char)t[i + 1])))
            return true;
    }
    return false;
}

/* T, a query in capitals, with its words outside quotes in lower case:
 * "OIL && GAS" is "oil && gas".  A query without lower-case letters reads
 * AND, OR and NOT as words (query_flags), and "&&" made "AND" there, so
 * "OIL && GAS" was "oil OR and OR gas".  The symbols are no words in any
 * query: with one the query is read with operators, and AND, OR, NOT or
 * NEAR typed in it stay words, in lower case.  A word with a field (an
 * id: is exact) stays as typed. */
static std::string words_in_lower_case(const std::string &t)
{
    std::string out = t;
    bool quoted = false;
    for (size_t i = 0; i < t.size();) {
        if (t[i] == '"')
            quoted = !quoted;
        if (quoted || strchr(" \t()\"", t[i])) {
            i++;
            continue;
        }
        size_t end = t.find_first_of(" \t()\"", i);
        end = end == std::string::npos ? t.size() : end;
        if (t.find(':', i) >= end)
            for (size_t k = i; k < end; k++)
                out[k] = (char)tolower((unsigned char)t[k]);
        i = end;
    }
    return out;
}

std::string libns::lucene_text(const std::string &typed, std::string *warnings)
{
    if (typed.find_first_of("\\!&|~^*") == std::string::npos)
        return typed;
    std::vector<bool> lit;
    std::string t = unescaped(typed, lit);
    bool operators = false;
    for (unsigned char c : t)
        operators |= c >= 'a' && c <= 'z';
    if (!operators && symbol_operator(t, lit)) {
        t = words_in_lower_case(t);
        operators = true;
    }
    auto plain = [&](size_t i) { return i < t.size() && !lit[i]; };
    auto starts = [&](size_t i) {
        return i == 0 || strchr(" \t(", t[i - 1]) != nullptr;
    };
    std::string out;
    bool quoted = false;
    size_t open = 0, open_out = 0; /* the phrase's quote, in T and OUT */
    for (size_t i = 0; i < t.size(); i++) {
        const char c = t[i];
        if (c == '"' && plain(i)) {
            if (!quoted) {
                quoted = true, open = i, open_out = out.size();
                out += c;
                continue;
            }
            quoted = false;
            size_t n = i + 1 < t.size() && t[i + 1] == '~' && plain(i + 1)
                           ? number_at(t, i + 2)
                           : 0;
            if (!n) {
                out += c;
                continue;
            }
            /* "a b"~N: the field before the quote goes with each word. */
            size_t name = open_out;
            if (name > 0 && out[name - 1] == ':')
                for (name--; name > 0 && (isalnum((unsigned char)out[name - 1]) ||
                                          out[name - 1] == '_');)
                    name--;
            const std::string field = out.substr(name, open_out - name);
            out.resize(name);
            out += slop_phrase(field, t.substr(open + 1, i - open - 1),
                               strtoul(t.c_str() + i + 2, nullptr, 10),
                               operators, warnings);
            i += 1 + n;
            continue;
        }
        if (quoted || !plain(i)) {
            out += c;
            continue;
        }
        /* A pasted web address is its words (query-text.cc): its "&&",
         * "~" and "!" are no operators. */
        if (starts(i) && (strncasecmp(t.c_str() + i, "http://", 7) == 0 ||
                          strncasecmp(t.c_str() + i, "https://", 8) == 0)) {
            size_t end = t.find_first_of(" \t", i);
            end = end == std::string::npos ? t.size() : end;
            out += t.substr(i, end - i);
            i = end - 1;
            continue;
        }
        /* "&&" and "||", with or without spaces round them. */
        if ((c == '&' || c == '|') && plain(i + 1) && t[i + 1] == c) {
            out += c == '&' ? " AND " : " OR ";
            i++;
            continue;
        }
        /* "!gas" excludes, as "-gas"; after AND, "oil AND !gas" is "oil
         * AND NOT gas"; a '!' alone ("oil ! gas") is NOT.  Inside or at
         * the end of a word ("Yahoo!") it is punctuation, as before. */
        if (c == '!' && starts(i)) {
            std::string before = out;
            while (!before.empty() && isspace((unsigned char)before.back()))
                before.pop_back();
            const bool after_and =
                before.size() >= 3 && before.compare(before.size() - 3, 3,
                                                     "AND") == 0;
            if (i + 1 == t.size() || isspace((unsigned char)t[i + 1]))
                out += "NOT";
            else
                out += after_and ? "NOT " : "-";
            continue;
        }
        /* A boost (oil^2, "oil prices"^2, title:oil^3, (a b)^2): Xapian's
         * parser has none, and its number was searched as a word. */
        if (c == '^' && i > 0 && (word_char(t[i - 1]) || strchr("\")*", t[i - 1]))) {
            size_t n = number_at(t, i + 1);
            if (n) {
                warn(warnings, "a boost (word^2) is not read here; searched "
                               "without it");
                i += n;
                continue;
            }
        }
        /* Fuzzy matching (oil~, oil~2, oil~0.8) is not read: the word is
         * searched as typed, and "Did you mean" offers the archive's
         * spelling of a word it does not have. */
        if (c == '~' && i > 0 && word_char(t[i - 1])) {
            warn(warnings, "fuzzy matching (word~) is not supported; the "
                           "word was searched as typed (\"Did you mean\" "
                           "suggests spellings)");
            i += number_at(t, i + 1);
            continue;
        }
        /* Solr's "*:*", every article, as "*" is; "title:*", an article
         * that has the field, is Elasticsearch's "_exists_:title"
         * (query-lucene-fields.cc). */
        if (c == '*' && starts(i) && t.compare(i, 3, "*:*") == 0 &&
            (i + 3 == t.size() || strchr(" \t)", t[i + 3]))) {
            out += '*';
            i += 2;
            continue;
        }
        if (c == ':' && plain(i + 1) && t[i + 1] == '*' &&
            (i + 2 == t.size() || strchr(" \t)", t[i + 2]))) {
            size_t s = out.size();
            while (s > 0 && isalpha((unsigned char)out[s - 1]))
                s--;
            const std::string name = out.substr(s);
            if (!name.empty() && (s == 0 || strchr(" \t(+-", out[s - 1])) &&
                field_name(name)) {
                out.resize(s);
                out += "_exists_:" + lower(name.c_str());
                i++;
                continue;
            }
        }
        out += c;
    }
    return out;
}

/* ---------------------------------------------------------------------
 * '?' inside a word: one character, as in Lucene ("wom?n" is "woman"
 * and "women").  Xapian 1.4 has no such wildcard (QueryParser's
 * FLAG_WILDCARD_SINGLE came with 1.5), and its parser took the '?' for a
 * space: "colo?r" searched "colo" and "r", and the word "r" alone gave
 * 244 hits.  The word is searched as the archive's words that fit it,
 * the most frequent first, read from the term list the way Xapian
 * expands a '*'.  A '?' at a word's end ("oil?", a question typed in
 * words) stays punctuation, as does one starting a word: nothing before
 * it to look the words up by. */

/* Does TERM fit PATTERN ('?' one UTF-8 character)? */
static bool fits(const std::string &pattern, const std::string &term)
{
    size_t t = 0;
    for (size_t p = 0; p < pattern.size(); p++) {
        if (t >= term.size())
            return false;
        if (pattern[p] != '?') {
            if (pattern[p] != term[t++])
                return false;
            continue;
        }
        t++;
        while (t < term.size() && ((unsigned char)term[t] & 0xc0) == 0x80)
            t++;
    }
    return t == term.size();
}

/* The term prefix of the text field NAME ("title": "S"), "" for none
 * (the article's words), null for a field of values (section:), whose
 * values are not looked up by a '?'. */
static const char *text_prefix(const std::string &name)
{
    if (name.empty())
        return "";
    const std::string n = lower(name.c_str());
    for (const SchemaField &f : SCHEMA_FIELDS)
        for (const std::string &alias : names_of(f))
            if (n == alias)
                return f.kind == FIELD_TEXT ? f.prefix : nullptr;
    return nullptr;
}

/* Is WORD one with a '?' followed by more of the word ("wom?n")? */
static bool single_wildcard(const std::string &word)
{
    bool inside = false;
    for (size_t i = 0; i < word.size(); i++) {
        if (word[i] == '?')
            inside |= i > 0 && i + 1 < word.size() && word[i + 1] != '?';
        else if (!word_char(word[i]))
            return false;
    }
    return inside;
}

std::string libns::single_wildcards(const std::string &text,
                                    const Xapian::Database &db,
                                    std::string *warnings)
{
    if (text.find('?') == std::string::npos)
        return text;
    bool operators = false;
    for (unsigned char c : text)
        operators |= c >= 'a' && c <= 'z';
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < text.size();) {
        size_t end = text.find_first_of(" \t()\"", i);
        if (end == i) {
            quoted ^= text[i] == '"';
            out += text[i++];
            continue;
        }
        if (end == std::string::npos)
            end = text.size();
        std::string tok = text.substr(i, end - i), sign, field;
        i = end;
        if (!quoted && (tok[0] == '-' || tok[0] == '+'))
            sign = tok.substr(0, 1), tok = tok.substr(1);
        size_t colon = tok.find(':');
        const char *prefix = "";
        if (colon != std::string::npos) {
            field = tok.substr(0, colon + 1), tok = tok.substr(colon + 1);
            prefix = text_prefix(field.substr(0, colon));
        }
        if (quoted || !prefix || !single_wildcard(tok)) {
            out += sign + field + tok;
            continue;
        }
        const std::string pattern = lower(tok.c_str());
        const std::string start = pattern.substr(0, pattern.find('?'));
        /* A word is indexed as its stem ("Z"), and as written too where
         * that differs ("women" is "Zwomen" alone, "testing" "Ztest" and
         * "testing"): both are the words there are. */
        std::map<std::string, Xapian::doccount> words;
        /* The terms read are bounded too: "s?n" walks every word that
         * starts with "s", a few hundred thousand in an archive of
         * millions.  Past SINGLE_WILDCARD_SCAN those left are not read. */
        size_t scanned = 0;
        for (const std::string &p : {std::string(prefix),
                                     PREFIX_STEM + std::string(prefix)}) {
            const std::string from = p + start;
            for (auto it = db.allterms_begin(from);
                 it != db.allterms_end(from); ++it) {
                if (++scanned > SINGLE_WILDCARD_SCAN) {
                    warn(warnings, "'" + tok + "' was looked for among the "
                                   "first " +
                                   std::to_string(SINGLE_WILDCARD_SCAN) +
                                   " words that start as it does");
                    break;
                }
                const std::string w = (*it).substr(p.size());
                if (fits(pattern, w))
                    words[w] = std::max(words[w], it.get_termfreq());
            }
        }
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        for (const auto &w : words)
            found.emplace_back(w.second, w.first);
        std::stable_sort(found.begin(), found.end(),
                         [](const auto &a, const auto &b) {
                             return a.first > b.first;
                         });
        if (found.empty()) {
            warn(warnings, "'" + tok + "' matches no word in the archive");
            continue;
        }
        if (found.size() > SINGLE_WILDCARD_MAX) {
            warn(warnings, "'" + tok + "' matches " +
                               std::to_string(found.size()) +
                               " words; the " +
                               std::to_string(SINGLE_WILDCARD_MAX) +
                               " most frequent were searched");
            found.resize(SINGLE_WILDCARD_MAX);
        }
        /* In a query in capitals operators are words (query_flags), and
         * its words are any of them already: the words apart, in
         * capitals so that the query stays one. */
        std::string alts;
        for (size_t k = 0; k < found.size(); k++) {
            std::string w = found[k].second;
            if (!operators)
                for (char &ch : w)
                    ch = (char)toupper((unsigned char)ch);
            const char *join = sign == "-" || !operators ? " " : " OR ";
            alts += (k ? join : "") + (sign == "-" ? sign : "") + field + w;
        }
        if (sign == "-" || !operators)
            out += alts;
        else
            out += (sign == "+" ? "+(" : "(") + alts + ")";
    }
    return out;
}
