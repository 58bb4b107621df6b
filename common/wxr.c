/* wxr.c - The WordPress export format (WXR, the XML of Tools > Export) on
 * top of feed.c's RSS reader: what the wp: elements of an item are called,
 * which items are left out (only published posts open to every reader are
 * articles), and who wrote them: an item names its author by login
 * (<dc:creator>admin</dc:creator>), and the export's list of authors gives
 * the name the site shows. */
#include <stdio.h>
#include <string.h>

#include "ingest.h"

const char *ns_wxr_field(const char *name)
{
    static const struct {
        const char *name, *key;
    } map[] = {
        {"post_type", "wp_type"},
        {"status", "wp_status"},
        {"post_name", "wp_slug"},
        {"post_id", "wp_id"},
        {"post_date_gmt", "wp_date_gmt"},
        {"post_date", "wp_date"},
        {"post_password", "wp_password"},
        /* In the channel's <wp:author>. */
        {"author_login", "wp_login"},
        {"author_display_name", "wp_display_name"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(map[i].name, name))
            return map[i].key;
    return NULL;
}

int ns_wxr_left_out(json_t *fields, char *why, size_t why_size)
{
    const char *type = json_string_value(json_object_get(fields, "wp_type"));
    const char *status =
        json_string_value(json_object_get(fields, "wp_status"));
    if (type && strcmp(type, "post") != 0) {
        snprintf(why, why_size, "ignored: a WordPress %.40s, not a post", type);
        return 1;
    }
    if (status && strcmp(status, "publish") != 0) {
        snprintf(why, why_size, "ignored: a WordPress post with status '%.40s'",
                 status);
        return 1;
    }
    /* Published, but only to readers who have the password: its text must
     * not be searchable or shown in snippets.  An empty <wp:post_password>
     * is no password (feed.c keeps no empty field). */
    if (json_object_get(fields, "wp_password")) {
        snprintf(why, why_size, "ignored: a password-protected WordPress post");
        return 1;
    }
    return 0;
}

void ns_wxr_author_done(json_t *channel)
{
    json_t *login = json_object_get(channel, "wp_login");
    json_t *shown = json_object_get(channel, "wp_display_name");
    json_t *names = json_object_get(channel, "wp_names");
    if (json_is_string(login) && shown) {
        if (!names) {
            names = json_object();
            json_object_set_new(channel, "wp_names", names);
        }
        json_object_set(names, json_string_value(login), shown);
    }
    json_object_del(channel, "wp_login");
    json_object_del(channel, "wp_display_name");
}

json_t *ns_wxr_bylines(json_t *creators, json_t *channel)
{
    json_t *names = json_object_get(channel, "wp_names");
    if (!creators || !names)
        return json_incref(creators);
    /* Through ns_fields_push, so that two logins of one name give it
     * once. */
    json_t *out = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(creators, i, v)
    {
        json_t *shown = json_object_get(names, json_string_value(v));
        const char *name = json_string_value(shown ? shown : v);
        if (name)
            ns_fields_push(out, "author", name, strlen(name));
    }
    json_t *list = json_incref(json_object_get(out, "author"));
    json_decref(out);
    return list;
}
