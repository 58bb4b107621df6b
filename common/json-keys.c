/* json-keys.c - The names CMS exports give a JSON record's fields, read
 * as nindex's own: "headline" is the title, "content" or "text" the body,
 * "byline" the author, "published" (a date, not false) the date, and so
 * on.  An export that wrote them lost each such field without a word
 * (only a record with neither title nor body was refused), so a byline or
 * a publication date was never searchable.  A record's own key always
 * wins: an alias is read only when the field's key is absent (or null or
 * empty), and only as a value the field can take (a WordPress REST
 * "content" object is no body, and "published": false stays a word on
 * publishing). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "ingest.h"

enum { TEXT = 1, LIST = 2, OBJECT = 4, NUMBER = 8 };

static const struct {
    const char *alias, *field;
    int kinds; /* what the alias must hold to be read as the field */
} ALIASES[] = {
    {"headline", "title", TEXT},
    {"content", "body", TEXT},
    {"text", "body", TEXT},
    {"articleBody", "body", TEXT},
    {"byline", "author", TEXT | LIST | OBJECT | NUMBER},
    {"authors", "author", TEXT | LIST | OBJECT},
    {"creator", "author", TEXT | LIST | OBJECT},
    {"published", "date", TEXT | NUMBER},
    {"published_at", "date", TEXT | NUMBER},
    {"publishedAt", "date", TEXT | NUMBER},
    {"publish_date", "date", TEXT | NUMBER},
    {"date_published", "date", TEXT | NUMBER},
    {"datePublished", "date", TEXT | NUMBER},
    {"pubDate", "date", TEXT | NUMBER},
    {"modified", "updated", TEXT | NUMBER},
    {"updated_at", "updated", TEXT | NUMBER},
    {"updatedAt", "updated", TEXT | NUMBER},
    {"date_modified", "updated", TEXT | NUMBER},
    {"dateModified", "updated", TEXT | NUMBER},
    {"category", "section", TEXT | LIST | NUMBER},
    {"categories", "section", TEXT | LIST | NUMBER},
    {"keywords", "tags", TEXT | LIST},
    {"link", "url", TEXT},
    {"permalink", "url", TEXT},
    {"language", "lang", TEXT},
};

static int kind_of(json_t *v)
{
    return json_is_string(v)   ? TEXT
           : json_is_array(v)  ? LIST
           : json_is_object(v) ? OBJECT
           : json_is_number(v) ? NUMBER
                               : 0;
}

void ns_json_aliases(json_t *root)
{
    for (size_t i = 0; i < sizeof ALIASES / sizeof *ALIASES; i++) {
        const char *field = ALIASES[i].field;
        json_t *field_v = json_object_get(root, field);
        json_t *v = json_object_get(root, ALIASES[i].alias);
        /* An empty field ("body": "" beside "text") gives way, and an
         * empty alias is none. */
        if ((field_v && !json_is_null(field_v) &&
             !(json_is_string(field_v) && !json_string_length(field_v))) ||
            !v || !(kind_of(v) & ALIASES[i].kinds) ||
            (json_is_string(v) && !json_string_length(v)))
            continue;
        char mark[64];
        snprintf(mark, sizeof mark, NS_JSON_ALIASED "%s", field);
        json_object_set(root, field, v);
        json_object_set_new(root, mark, json_true());
    }
}
