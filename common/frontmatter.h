/* frontmatter.h - What the front-matter readers hand on: each top-level
 * key of a YAML header (yaml.c, between "---" lines, as Jekyll and Hugo
 * write it), a TOML one (toml.c, between "+++" lines, Hugo's default) or
 * a JSON one (frontmatter-json.c, an object with no fences, Hugo's too)
 * with its value decoded (frontmatter-value.c).  Each reads the subset
 * static site generators write, described in README.md; frontmatter.c
 * finds the header, frontmatter-keys.c maps the keys to article fields
 * the same way for all three, and frontmatter-article.c reads the body
 * after it.  Internal to libns. */
#ifndef NS_FRONTMATTER_H
#define NS_FRONTMATTER_H

#include <stddef.h>

#include "ns.h"

NS_BEGIN_DECLS

/* A key's value: one string, or a list of strings.  Quotes, escapes and
 * folding are resolved; numbers, booleans and dates are their text.  A
 * list's items are stored one after another in TEXT, item I ending at
 * ENDS[I]; a NUL inside an item is kept (the field setters refuse it or
 * turn it into a space). */
typedef struct {
    ns_buf_t text;  /* the string, or every item's bytes */
    size_t *ends;   /* a list's item ends in TEXT */
    size_t n_items; /* a list's item count */
    size_t cap;     /* room in ENDS */
    int is_list;    /* 0: one string; 1: a list */
    int is_map;     /* a mapping or table ("{a: 1}"), passed with no text */
} ns_fm_value_t;

/* End the list item whose bytes were appended to V->text since the last
 * one.  Returns 0, or -1 when out of memory. */
int ns_fm_value_end_item(ns_fm_value_t *v);
/* Item I of list V (LEN bytes in *len, not NUL-terminated). */
const char *ns_fm_value_item(const ns_fm_value_t *v, size_t i, size_t *len);
/* Append code point CP to OUT in UTF-8.  Returns 0, or -1 for a
 * surrogate or a value above U+10FFFF (or when out of memory). */
int ns_fm_put_utf8(ns_buf_t *out, unsigned long cp);
/* Empty V for the next value, keeping its memory. */
void ns_fm_value_reset(ns_fm_value_t *v);
void ns_fm_value_free(ns_fm_value_t *v);

/* Called by a reader for each top-level key (KLEN bytes at KEY, as
 * written) with its VALUE, in the order of the header; a key whose value
 * is a mapping comes with VALUE->is_map set and no text.  Keys inside nested
 * mappings and tables are not passed (nothing there is an article field),
 * except those of a YAML block mapping under a top-level key and of a TOML
 * [table] of one name, which come as "parent.key" ("_build.render", Hugo's
 * build options) and whose -1 is not an error of the header.
 * Returns 0, or -1 with a reason in ERR. */
typedef int (*ns_fm_key_fn)(void *ctx, const char *key, size_t klen,
                            const ns_fm_value_t *value, char *err,
                            size_t err_size);

/* Read the YAML (or TOML) header TEXT, LEN bytes: the lines between the
 * fences, without them.  FIRST_LINE is the line number of its first line
 * in the file.  Returns 0, or -1 with a reason in ERR and in *ERR_LINE the
 * line it concerns (the key's line when FN refuses the value). */
int ns_yaml_header_read(const char *text, size_t len, unsigned first_line,
                        ns_fm_key_fn fn, void *ctx, char *err, size_t err_size,
                        unsigned *err_line);
int ns_toml_header_read(const char *text, size_t len, unsigned first_line,
                        ns_fm_key_fn fn, void *ctx, char *err, size_t err_size,
                        unsigned *err_line);

/* Non-zero if TEXT (LEN bytes) starts with JSON front matter as Hugo
 * writes it: "{" and, after any white space, '"' or "}" (so that a Hugo
 * shortcode, "{{< figure >}}", is no header).  In frontmatter-json.c. */
int ns_fm_is_json(const char *text, size_t len);
/* Read the JSON front matter at the start of TEXT (LEN bytes, what follows
 * the object included): pass each key to FN as the readers above do, and
 * set *USED to the bytes of the object.  Returns 0, or -1 with a reason in
 * ERR and in *ERR_LINE the line it concerns (the key's line when FN
 * refuses the value). */
int ns_json_header_read(const char *text, size_t len, ns_fm_key_fn fn,
                        void *ctx, size_t *used, char *err, size_t err_size,
                        unsigned *err_line);

/* Pass each key of the front matter at the start of TEXT (LEN bytes),
 * YAML, TOML or JSON, to FN; a file without front matter has no keys.
 * Returns 0, or -1 with a reason in ERR and in *ERR_LINE the line of the
 * file it concerns.  In frontmatter.c. */
int ns_frontmatter_keys(const char *text, size_t len, ns_fm_key_fn fn,
                        void *ctx, char *err, size_t err_size,
                        unsigned *err_line);
/* ns_frontmatter_keys, setting *BODY to where the body begins (past the
 * header; ns_fm_start). */
int ns_fm_header_read(const char *text, size_t len, ns_fm_key_fn fn, void *ctx,
                      const char **body, char *err, size_t err_size,
                      unsigned *err_line);
/* The line of TEXT's header (LEN bytes) on which KEY, as the header
 * reader names it ("date", "extra.author"), is given, the last time if
 * more than once (the one read); 1 if none. */
unsigned ns_fm_key_line(const char *text, size_t len, const char *key);
/* The first key that TEXT's header (LEN bytes) gives a second time: its
 * name in KEY (KEY_SIZE bytes) and in *FIRST the line of its first; it
 * returns the line of the second.  0 if no key is given twice.  Of a key
 * given more than once, only the last reaches the FN of
 * ns_fm_header_read and ns_frontmatter_keys. */
unsigned ns_fm_key_twice(const char *text, size_t len, char *key,
                         size_t key_size, unsigned *first);
/* The language a Hugo translation's name gives, "nb" of
 * "posts/index.nb.md": its bytes in NAME and their number in *LEN, or
 * NULL.  In frontmatter-article.c. */
const char *ns_fm_name_lang(const char *name, size_t *len);
/* Where the front matter of TEXT (LEN bytes) begins: past a UTF-8 byte
 * order mark, and past the blank lines and spaces before a "---" or
 * "+++" fence or a JSON header, as Hugo reads it, with the line ends
 * passed in *LINES.  Else past the mark alone.  In frontmatter.c. */
const char *ns_fm_start(const char *text, size_t len, unsigned *lines);
/* Next line of [*p, end): sets *line and *len (without the newline and a
 * carriage return before it) and advances *p past it.  Returns 0 at the
 * end.  In frontmatter.c. */
int ns_fm_next_line(const char **p, const char *end, const char **line,
                    size_t *len);

/* The article a header's keys are applied to by ns_fm_field_key. */
struct ns_fm_fields {
    ns_article_t *art;
    int date_rank; /* of the key the date came from (ns_fm_field_key) */
    int jekyll;    /* a Jekyll post: "tags" and "categories" are words */
    int slug_id;   /* the id is the header's "slug" */
    char warned[64]; /* the key whose value gave the article's warning */
};
/* An ns_fm_key_fn: apply one header key to the article of the
 * ns_fm_fields CTX.  Unknown keys are ignored: front matter written for
 * static site generators carries many (layout, weight, params) that mean
 * nothing to a search index.  A key of one value given a list takes its
 * first item.  In frontmatter-keys.c. */
int ns_fm_field_key(void *ctx, const char *key, size_t klen,
                    const ns_fm_value_t *v, char *err, size_t err_size);

NS_END_DECLS

#endif /* NS_FRONTMATTER_H */
