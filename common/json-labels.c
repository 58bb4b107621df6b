/* json-labels.c - The labels of a JSON record (section, author, tags) and
 * its dates as text before they are read: exporters that hold a year, a
 * desk number or a staff id as a JSON number wrote "tags": [2025, "valg"],
 * and the whole article was refused for one item.  A number is the label
 * or date its digits spell; what names none (an object, a list, true) is
 * left out with the article's warning, and the article kept. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

/* Number V as JSON would print it, in BUF: 2025, 1.5, and 2025.0 as the
 * 2025 an exporter meant (as an id reads).  NULL when V is no number. */
static const char *number_text(json_t *v, char *buf, size_t size)
{
    if (json_is_integer(v)) {
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    if (!json_is_real(v))
        return NULL;
    /* The range first: a real past long long's (1e300) has no value as
     * one, and converting it is undefined. */
    double real = json_real_value(v);
    if (real >= -9e15 && real <= 9e15 && real == (double)(long long)real) {
        snprintf(buf, size, "%lld", (long long)real);
        return buf;
    }
    /* The shortest form that reads back as the same number: 0.1, not
     * 0.10000000000000001. */
    snprintf(buf, size, "%.15g", real);
    if (strtod(buf, NULL) != real)
        snprintf(buf, size, "%.17g", real);
    return buf;
}

static const char *kind(json_t *v)
{
    return json_is_object(v) ? "an object" : json_is_array(v) ? "a list"
                                                              : "true or false";
}

/* Replace a number at KEY of OBJ by its text; 1 if V is a label after
 * (a string, a number, null), 0 if not. */
static int as_text(json_t *obj, const char *key, json_t *v)
{
    char buf[40];
    if (number_text(v, buf, sizeof buf)) {
        json_object_set_new(obj, key, json_string(buf));
        return 1;
    }
    return json_is_string(v) || json_is_null(v);
}

/* The numbers of list V as text; what is no label (anything but a
 * string, a number or null) left out, its kind in *DROPPED. */
static void list_as_text(json_t *v, const char **dropped)
{
    char buf[40];
    for (size_t i = 0; i < json_array_size(v);) {
        json_t *item = json_array_get(v, i);
        if (number_text(item, buf, sizeof buf)) {
            json_array_set_new(v, i++, json_string(buf));
        } else if (json_is_string(item) || json_is_null(item)) {
            i++;
        } else {
            if (!*dropped)
                *dropped = kind(item);
            json_array_remove(v, i);
        }
    }
}

void ns_json_labels(json_t *root, ns_article_t *art)
{
    char why[160];
    json_t *section = json_object_get(root, "section");
    const char *dropped = NULL;
    /* Several sections: the first that is a label (article-json.c). */
    if (json_is_array(section))
        list_as_text(section, &dropped);
    else if (section && !as_text(root, "section", section))
        dropped = kind(section);
    if (dropped) {
        snprintf(why, sizeof why,
                 "field 'section' holds %s, not a section; left out", dropped);
        ns_article_warn(art, why);
        if (!json_is_array(section))
            json_object_del(root, "section");
    }

    /* A list of bylines is read as one (ns_names_join: a person by its
     * "name", a number in it no name); an object is a person. */
    json_t *author = json_object_get(root, "author");
    if (author && !json_is_array(author) && !json_is_object(author) &&
        !as_text(root, "author", author)) {
        snprintf(why, sizeof why,
                 "field 'author' holds %s, not a name; left out", kind(author));
        ns_article_warn(art, why);
        json_object_del(root, "author");
    }

    json_t *tags = json_object_get(root, "tags");
    dropped = NULL;
    if (json_is_array(tags))
        list_as_text(tags, &dropped);
    if (dropped) {
        snprintf(why, sizeof why,
                 "field 'tags' holds %s, not a tag; left out", dropped);
        ns_article_warn(art, why);
    }
}

void ns_json_dates(json_t *root, ns_article_t *art)
{
    /* A date that does not read costs the date, not the article
     * (article-date.c); one of another type cost the article: "date":
     * 2025 or {"$date": ...} refused every record of an export. */
    static const char *const keys[] = {"date", "updated"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        json_t *v = json_object_get(root, keys[i]);
        if (!v || as_text(root, keys[i], v))
            continue;
        char why[160];
        snprintf(why, sizeof why, "field '%s' holds %s, not a date%s", keys[i],
                 kind(v),
                 i == 0 ? ": not read; the article is kept undated"
                        : "; left out");
        ns_article_warn(art, why);
        json_object_del(root, keys[i]);
    }
}
