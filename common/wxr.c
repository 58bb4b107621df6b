/* wxr.c - The WordPress export format (WXR, the XML of Tools > Export) on
 * top of feed.c's RSS reader: what the wp: elements of an item are called,
 * and which items are left out (only published posts open to every reader
 * are articles). */
#include <stdio.h>
#include <string.h>

#include "ingest.h"

const char *ns_wxr_field(const char *name)
{
    static const struct {
        const char *name, *key;
    } map[] = {
        {"post_type", "wp_type"},         {"status", "wp_status"},
        {"post_name", "wp_slug"},         {"post_id", "wp_id"},
        {"post_date_gmt", "wp_date_gmt"}, {"post_date", "wp_date"},
        {"post_password", "wp_password"},
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
