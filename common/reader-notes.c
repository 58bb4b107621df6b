/* reader-notes.c - What a reader leaves out on purpose, said in order:
 * a file of no known format in a directory walk, a WordPress draft or
 * attachment, a Markdown draft, a record not published, a page that asks
 * not to be indexed, an index directory in the archive it indexes (a
 * note, not counted).  A draft (and a noindex page) keeps the id its
 * article would have, for nindex to take out an article of that id
 * indexed while it was published. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"

void ns_reader_ignored_free(struct ignored *n)
{
    free(n->note);
    free(n->where);
    free(n->id);
}

/* Keep "WHERE: WHY" for ns_reader_next_ignored(). */
void ns_reader_note_ignored(ns_reader_t *r, const char *why)
{
    ns_reader_note_draft(r, why, NULL);
}

void ns_reader_note_draft(ns_reader_t *r, const char *why, const char *id)
{
    /* A draft, an attachment: the file gave something, on purpose. */
    r->gave += r->reading;
    struct ignored *grown =
        realloc(r->notes, (r->n_notes + 1) * sizeof *r->notes);
    if (!grown)
        return;
    r->notes = grown;
    ns_buf_t note = {0};
    if (ns_buf_puts(&note, r->where) < 0 || ns_buf_puts(&note, ": ") < 0 ||
        ns_buf_puts(&note, why) < 0) {
        ns_buf_free(&note);
        return;
    }
    struct ignored *n = &r->notes[r->n_notes];
    n->note = note.p;
    n->where = strdup(r->where);
    n->id = id ? strdup(id) : NULL;
    n->aside = 0;
    if (!n->where || (id && !n->id)) {
        ns_reader_ignored_free(n);
        return;
    }
    r->n_notes++;
}

void ns_reader_note_aside(ns_reader_t *r, const char *why)
{
    size_t before = r->n_notes;
    ns_reader_note_draft(r, why, NULL);
    if (r->n_notes > before)
        r->notes[before].aside = 1;
}

int ns_reader_ignored_aside(const ns_reader_t *r)
{
    return r->next_note && r->next_note <= r->n_notes &&
           r->notes[r->next_note - 1].aside;
}

const char *ns_reader_next_ignored(ns_reader_t *r)
{
    if (r->next_note < r->n_notes)
        return r->notes[r->next_note++].note;
    for (size_t i = 0; i < r->n_notes; i++)
        ns_reader_ignored_free(&r->notes[i]);
    r->n_notes = r->next_note = 0;
    return NULL;
}

const char *ns_reader_ignored_id(const ns_reader_t *r, const char **where)
{
    if (!r->next_note || r->next_note > r->n_notes)
        return NULL;
    const struct ignored *n = &r->notes[r->next_note - 1];
    if (where)
        *where = n->where;
    return n->id;
}
