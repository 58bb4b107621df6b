/* frontmatter-value.c - The value of a front-matter key as the YAML and
 * TOML readers (yaml.c, toml.c) hand it over: one string or a list of
 * strings (ns_fm_value_t in frontmatter.h). */
#include <stdlib.h>

#include "frontmatter.h"
#include "ingest.h"

int ns_fm_value_end_item(ns_fm_value_t *v)
{
    if (v->n_items == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        size_t *ends = realloc(v->ends, cap * sizeof *ends);
        if (!ends)
            return -1;
        v->ends = ends;
        v->cap = cap;
    }
    v->ends[v->n_items++] = v->text.len;
    return 0;
}

const char *ns_fm_value_item(const ns_fm_value_t *v, size_t i, size_t *len)
{
    size_t start = i ? v->ends[i - 1] : 0;
    *len = v->ends[i] - start;
    return v->text.p ? v->text.p + start : "";
}

int ns_fm_put_utf8(ns_buf_t *out, unsigned long cp)
{
    unsigned char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xc0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            return -1;
        b[0] = (unsigned char)(0xe0 | cp >> 12);
        b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 3;
    } else if (cp <= 0x10ffff) {
        b[0] = (unsigned char)(0xf0 | cp >> 18);
        b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
        b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        b[3] = (unsigned char)(0x80 | (cp & 0x3f));
        n = 4;
    } else {
        return -1;
    }
    return ns_buf_append(out, (const char *)b, n);
}

void ns_fm_value_reset(ns_fm_value_t *v)
{
    ns_buf_reset(&v->text);
    v->n_items = 0;
    v->is_list = 0;
    v->is_map = 0;
}

void ns_fm_value_free(ns_fm_value_t *v)
{
    ns_buf_free(&v->text);
    free(v->ends);
    *v = (ns_fm_value_t){0};
}
