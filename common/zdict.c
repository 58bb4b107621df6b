/* zdict.c - The preset dictionary of stored articles: the pieces of text
 * that recur across a rebuild's sample, never the text of one article.
 *
 * The dictionary stays in the index for as long as the index lives (its
 * stored articles are compressed against it), so whatever it holds
 * outlives a takedown or a correction.  It was the sample's JSON itself,
 * the last 32 KiB of it: ten whole articles, names and all, that no
 * --delete could remove.  Now it holds only runs of words (each word with
 * the punctuation after it: the JSON keys, quotes and escapes of the
 * stored form come with them) found in at least MIN_DOCS distinct
 * articles of the sample, the way zstd's trainer picks segments by how
 * many samples share them.  A run is counted once per article, so a
 * story's own phrases, however often it repeats them, stay out; a name
 * in one article or two cannot be in any run taken.
 *
 * The runs are found a length at a time, as in Apriori: a run of N+1
 * words can only recur in MIN_DOCS articles if both runs of N words in it
 * do, so only those positions are counted at the next length, and the
 * counting ends when no run of the length recurs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zdict.h"

/* Longest run counted, in words and in bytes: longer ones are taken as
 * overlapping pieces, which zlib joins as well. */
#define MAX_WORDS 32
#define MAX_BYTES 256

/* What a match costs zlib (length and distance codes), in bytes: a piece
 * no longer saves nothing. */
#define MATCH_COST 3

size_t ns_zdict_min_docs(size_t n)
{
    /* 3 keeps out whatever one or two articles say (a story and its
     * follow-up); 1% of a full sample (10 of 1,000) also keeps out a wire
     * story sent a few times over, which a takedown must reach too. */
    return n / 100 > 3 ? n / 100 : 3;
}

static int word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* A token: a word and the non-word bytes after it. */
struct tokens {
    const char **beg, **end;
    uint32_t *doc;
    size_t n;
};

static int tokenize(struct tokens *t, const char *const *texts,
                    const size_t *lens, size_t n)
{
    size_t cap = 0;
    for (size_t d = 0; d < n; d++)
        cap += lens[d] + 1;
    /* At most one token per byte; realloc'd down below. */
    t->beg = malloc(cap * sizeof *t->beg);
    t->end = malloc(cap * sizeof *t->end);
    t->doc = malloc(cap * sizeof *t->doc);
    t->n = 0;
    if (!t->beg || !t->end || !t->doc)
        return -1;
    for (size_t d = 0; d < n; d++) {
        const char *s = texts[d], *e = s + lens[d];
        while (s < e) {
            const char *b = s;
            while (s < e && word_byte((unsigned char)*s))
                s++;
            while (s < e && !word_byte((unsigned char)*s))
                s++;
            t->beg[t->n] = b;
            t->end[t->n] = s;
            t->doc[t->n] = (uint32_t)d;
            t->n++;
        }
    }
    return 0;
}

/* A distinct run at the current length: its first place, and the number
 * of articles it is in. */
struct entry {
    uint64_t hash;
    const char *s;
    uint32_t len, docs, last_doc;
};

/* A piece that recurs, a candidate for the dictionary. */
struct piece {
    const char *s;
    uint32_t len, docs;
    uint64_t gain;
};

struct pieces {
    struct piece *p;
    size_t n, cap;
};

static int piece_add(struct pieces *ps, const struct entry *e)
{
    if (e->len <= MATCH_COST)
        return 0;
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? 2 * ps->cap : 4096;
        struct piece *p = realloc(ps->p, cap * sizeof *p);
        if (!p)
            return -1;
        ps->p = p;
        ps->cap = cap;
    }
    ps->p[ps->n++] = (struct piece){e->s, e->len, e->docs,
                                    (uint64_t)e->docs * (e->len - MATCH_COST)};
    return 0;
}

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Count, for each position of AT (N_AT of them), the articles its run of
 * WORDS tokens is in; keep in FREQ[at[i]] whether that is MIN_DOCS or
 * more, and the runs that are in PS. */
static int count_level(const struct tokens *t, const uint32_t *at, size_t n_at,
                       size_t words, size_t min_docs, uint8_t *freq,
                       struct pieces *ps)
{
    size_t slots = 1024;
    while (slots < 2 * n_at)
        slots *= 2;
    uint32_t *table = malloc(slots * sizeof *table);
    struct entry *ent = malloc((n_at + 1) * sizeof *ent);
    uint32_t *which = malloc((n_at + 1) * sizeof *which);
    if (!table || !ent || !which) {
        free(table);
        free(ent);
        free(which);
        return -1;
    }
    memset(table, 0xff, slots * sizeof *table);
    size_t n_ent = 0;
    for (size_t i = 0; i < n_at; i++) {
        uint32_t p = at[i];
        const char *s = t->beg[p];
        uint32_t len = (uint32_t)(t->end[p + words - 1] - s);
        uint64_t h = hash_bytes(s, len);
        size_t slot = (size_t)h & (slots - 1);
        while (table[slot] != UINT32_MAX) {
            struct entry *e = &ent[table[slot]];
            if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0)
                break;
            slot = (slot + 1) & (slots - 1);
        }
        if (table[slot] == UINT32_MAX) {
            table[slot] = (uint32_t)n_ent;
            ent[n_ent++] = (struct entry){h, s, len, 0, UINT32_MAX};
        }
        struct entry *e = &ent[table[slot]];
        if (e->last_doc != t->doc[p]) {
            e->last_doc = t->doc[p];
            e->docs++;
        }
        which[i] = table[slot];
    }
    int rc = 0;
    for (size_t i = 0; i < n_at; i++)
        freq[at[i]] = ent[which[i]].docs >= min_docs;
    for (size_t i = 0; i < n_ent && rc == 0; i++)
        if (ent[i].docs >= min_docs)
            rc = piece_add(ps, &ent[i]);
    free(table);
    free(ent);
    free(which);
    return rc;
}

/* Every run of up to MAX_WORDS tokens in MIN_DOCS articles or more. */
static int find_pieces(const struct tokens *t, size_t min_docs,
                       struct pieces *ps)
{
    uint32_t *at = malloc((t->n + 1) * sizeof *at);
    uint8_t *freq = calloc(t->n + 1, 1);
    if (!at || !freq) {
        free(at);
        free(freq);
        return -1;
    }
    size_t n_at = t->n;
    for (size_t p = 0; p < t->n; p++)
        at[p] = (uint32_t)p;
    int rc = 0;
    for (size_t words = 1; words <= MAX_WORDS && n_at && rc == 0; words++) {
        /* A position not counted at this length (a run of it did not
         * recur, or it ran past its article) reads as not recurring. */
        memset(freq, 0, t->n + 1);
        rc = count_level(t, at, n_at, words, min_docs, freq, ps);
        /* Next length: where this run and the one a token on both recur,
         * in the same article, within MAX_BYTES. */
        size_t next = 0;
        for (size_t i = 0; i < n_at; i++) {
            uint32_t p = at[i];
            size_t last = p + words;
            if (!freq[p] || last >= t->n || t->doc[last] != t->doc[p] ||
                !freq[p + 1] || t->end[last] - t->beg[p] > MAX_BYTES)
                continue;
            at[next++] = p;
        }
        n_at = next;
    }
    free(at);
    free(freq);
    return rc;
}

/* Whether NEEDLE (LEN bytes, LEN > 0) is in HAY (N bytes); memmem is
 * not POSIX. */
static int holds(const char *hay, size_t n, const char *needle, size_t len)
{
    const char *end = hay + n;
    while ((size_t)(end - hay) >= len) {
        const char *c = memchr(hay, needle[0], (size_t)(end - hay) - len + 1);
        if (!c)
            return 0;
        if (memcmp(c, needle, len) == 0)
            return 1;
        hay = c + 1;
    }
    return 0;
}

static int by_gain(const void *a, const void *b)
{
    const struct piece *x = a, *y = b;
    if (x->gain != y->gain)
        return x->gain > y->gain ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1;
    return memcmp(x->s, y->s, x->len);
}

/* Least common first, so that the most common end up nearest the text. */
static int by_docs(const void *a, const void *b)
{
    const struct piece *x = a, *y = b;
    if (x->docs != y->docs)
        return x->docs < y->docs ? -1 : 1;
    return -by_gain(a, b);
}

size_t ns_zdict_build(const char *const *texts, const size_t *lens, size_t n,
                      size_t min_docs, char *out, size_t cap)
{
    struct tokens t = {0};
    struct pieces ps = {0};
    size_t used = 0;
    if (min_docs < 2)
        min_docs = 2;
    /* Fewer articles than MIN_DOCS (a rebuild of one or two) share
     * nothing, and leave no pieces: qsort must not be given their NULL. */
    if (tokenize(&t, texts, lens, n) < 0 ||
        find_pieces(&t, min_docs, &ps) < 0 || ps.n == 0)
        goto done;
    qsort(ps.p, ps.n, sizeof *ps.p, by_gain);
    /* Greedy by gain; a piece already inside one taken adds nothing. */
    size_t taken = 0;
    for (size_t i = 0; i < ps.n && used < cap; i++) {
        struct piece *p = &ps.p[i];
        if (p->len > cap - used || holds(out, used, p->s, p->len))
            continue;
        memcpy(out + used, p->s, p->len);
        used += p->len;
        ps.p[taken++] = *p;
    }
    qsort(ps.p, taken, sizeof *ps.p, by_docs);
    used = 0;
    for (size_t i = 0; i < taken; i++) {
        memcpy(out + used, ps.p[i].s, ps.p[i].len);
        used += ps.p[i].len;
    }
done:
    free(t.beg);
    free(t.end);
    free(t.doc);
    free(ps.p);
    return used;
}
