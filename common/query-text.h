/* query-text.h - The query's text made ready for Xapian's parser: the
 * rewrites one file each (query-*.cc) does to what was typed before it is
 * parsed, and the readings of its words and parts they share.  Part of
 * index-private.h, which includes it after index-calls.h: no other file
 * includes it. */
#ifndef NS_QUERY_TEXT_H
#define NS_QUERY_TEXT_H

namespace libns
{

/* query-text.cc; the last two: TEXT without its unclosed quote, or with its
 * unknown field names as words (the names into NAMES), or "". */
std::string typed_text(const std::string &text, std::string *warnings);
/* query-lucene.cc: TEXT with the operators of Lucene's query syntax
 * (!, &&, ||, "a b"~N, ^N, ~, \ escapes, *:*) in this query language,
 * remarks on those not read into *WARNINGS (may be null). */
std::string lucene_text(const std::string &text, std::string *warnings);
/* query-lucene-fields.cc: TEXT with each group after a field name
 * ("section:(a OR b)") as the field before each of its words, and each
 * range in brackets (date:[A TO B]) as date:A..B, remarks on those not
 * read into *WARNINGS (may be null). */
std::string field_groups(const std::string &text);
std::string lucene_ranges(const std::string &text, std::string *warnings);
/* query-signs.cc: TEXT with a word excluded or required beside OR
 * ("oil OR -gas") read as Lucene reads it, a remark into *WARNINGS. */
std::string signs_beside_or(const std::string &text, std::string *warnings);
/* query-signs.cc: TEXT with a NOT that opens it and has more after its
 * word ("NOT cocoa ghana") as a '-' on that word ("-cocoa ghana"). */
std::string leading_not(const std::string &text);
/* query-brackets.cc: TEXT without each ')' that closes no bracket, a
 * warning into *WARNINGS (may be null) if one was left out. */
std::string stray_brackets_dropped(const std::string &text,
                                   std::string *warnings);
/* query-operators.cc: did the parser give up on TEXT's operators, and
 * read it again as plain words without a word of it?  What a search says
 * of the operators typed in lower case in TEXT ("cocoa not coffee"), or
 * "". */
bool parse_fell_back(Xapian::QueryParser &qp, const std::string &text,
                     unsigned flags);
std::string lower_case_operators(ns_index_t *idx, const std::string &text);
extern const char REQUIRED_FIELD[];
std::string required_filters(const std::string &text);
/* query-signs.cc: TEXT with the '-' before a number outside quotes
 * ("-2%", "-5C") read as its minus sign: the number searched. */
std::string minus_numbers(const std::string &text);
/* query-signs.cc: TEXT with each bracket whose words are all excluded
 * ("oil (-gas)", "title:(-gas -crude)") written with NOT ("oil (NOT
 * gas)"): Xapian's parser dropped the '-' of a group with nothing to
 * exclude it from, and found the articles with the words. */
std::string excluded_groups(const std::string &text);
/* Is NAME (lower case) one the query parser reads as a field's? */
bool field_known(const std::string &name);
/* TEXT with each word with a '?' inside ("wom?n") as the words of DB that
 * fit it, at most SINGLE_WILDCARD_MAX, the most frequent. */
static const size_t SINGLE_WILDCARD_MAX = 20;
std::string single_wildcards(const std::string &text,
                             const Xapian::Database &db,
                             std::string *warnings);
/* query-ends.cc: has TEXT a letter or a digit (any non-ASCII character
 * counts as one)? */
bool has_word(const std::string &text);
/* query-ends.cc: TEXT without the operators at its end that join nothing
 * ("oil NOT", "oil AND NOT"), a warning into *WARNINGS if one was cut. */
std::string trailing_operators_dropped(const std::string &text,
                                       std::string *warnings);
std::string quoted_initialisms(const std::string &t);
/* query-hyphens.cc: TEXT with each hyphen between letters outside
 * quotes and filters as a space, the word joined after its parts; is
 * WORD a number joined to words by hyphens ("COVID-19")?  WORD without
 * the hyphens between its letters. */
std::string split_hyphens(const std::string &text);
bool digit_compound(const std::string &word);
std::string without_hyphens(const std::string &word);
/* query-text.cc: is the name before T[COLON] that of a text field
 * (title:, heading:, author:), whose words are read as outside one? */
bool text_field_before(const std::string &t, size_t colon);
std::vector<std::string> names_of(const SchemaField &f);
bool boolean_word(const std::string &word); /* AND, OR, NOT, XOR */
bool near_word(const std::string &word);    /* NEAR, ADJ, NEAR/n, ADJ/n */
/* WORD's other form as a number of four digits or more: "1000" as
 * "1,000", "1,000" as "1000", "1000.5" as "1,000.5"; "" for any other
 * word ("0100", "1,00", "1.5", "2025-08"). */
std::string number_form(const std::string &word);
/* query-text.cc: TEXT as TOKENS, words (WORD true, but in quotes) and
 * each space, bracket and quote on its own. */
void split_tokens(const std::string &text, std::vector<std::string> &tokens,
                  std::vector<bool> &word);
/* TEXT's tokens (split_tokens()) as the steps that rewrite a number and
 * the word after it read them (amounts, percentages): OPERATORS is true
 * when some letter is in lower case, so that AND, OR and NEAR are
 * operators, not words of a query typed in capitals. */
struct typed_tokens {
    std::vector<std::string> tokens;
    std::vector<bool> word;
    bool operators;
    explicit typed_tokens(const std::string &text);
    /* The next word token after T, spaces alone between; tokens.size()
     * if there is none. */
    size_t next_word(size_t t) const;
    /* The word token before T, spaces alone between; "" if none. */
    std::string prev_word(size_t t) const;
};
/* query-amounts.cc: an amount of money ("$28 billion", "28bn") searched
 * in each of the forms news writes it in. */
std::string amount_forms(const std::string &text);
/* Is WORD a number as an amount is written ("28", "1.5", "1,500")? */
bool amount_number(const std::string &word);
/* query-percent.cc: a percentage ("1.5%", "1.5 pct") searched in each
 * of the forms news writes it in. */
std::string percent_forms(const std::string &text);
std::string partial_text(const std::string &t, ns_index_t *idx = nullptr,
                         bool as_word_too = false);
/* Q, parsed from partial_text(..., true), with the word being typed and
 * its completions as one synonym (query-partial.cc). */
Xapian::Query partial_synonym(const Xapian::Query &q);
std::string unclosed_quote_words(const std::string &text);
/* The words after an unclosed quote (its phrase), or "". */
std::string unclosed_phrase(const std::string &text);
/* (PHRASES: each unknown name with its word, "url azure".) */
std::string unknown_field_words(const std::string &text, std::string &names,
                                std::vector<std::string> *phrases = nullptr);
/* query-fields.cc: a field name with a space after its colon joined to
 * its value; one with no value left out, said in *WARNINGS (may be null). */
std::string joined_fields(const std::string &t, std::string *warnings = nullptr);
/* T with the time of each date: value's day left out ("date:1963-07-05T10:00"
 * is date:1963-07-05), as the query is parsed: what is said of the query
 * (fields unknown, words searched instead) speaks of the same text. */
std::string date_times_cut(const std::string &t); /* query-fields.cc */
/* The query's text as a tree: a word (a quoted phrase is one, brackets
 * in it too) or a bracket with what it holds.  SIGN is what is written
 * right before a bracket ("-", "+", or a field name, "title:"). */
struct QueryPart {
    std::string word, sign;
    bool bracket = false;
    std::vector<QueryPart> parts;
};
/* The parts of T from AT to its closing bracket (or the end at depth 0);
 * false when the brackets or quotes do not pair up. */
bool read_query_parts(const std::string &t, size_t &at, int depth,
                      std::vector<QueryPart> &out);
std::string bracketed_filters(const std::string &t); /* (a OR b) tag:c */
/* Is TOK a filter of the query language: a value of a field articles are
 * filtered by (section, tag, lang, id, date; not a text field's), with
 * '+' or '-' before it or not? */
bool filter_token(const std::string &tok);

} // namespace libns

#endif /* NS_QUERY_TEXT_H */
