/* blogger.c - Blogger's backups on top of feed.c's Atom reader: which
 * entries are the blog's posts.  A backup holds the whole blog, not its
 * public feed: the template, every setting, every comment, the pages and
 * the drafts are entries beside the posts.
 *
 * The backup of Settings > Back up content (blog-DD-MM-YYYY.xml) says an
 * entry's kind in a category of Google's kind scheme,
 *   <category scheme="http://schemas.google.com/g/2005#kind"
 *             term="http://schemas.google.com/blogger/2008/kind#post"/>
 * (#post, #page, #comment, #template, #settings), and a draft by the Atom
 * Publishing Protocol's <app:control><app:draft>yes</app:draft>.  Google
 * Takeout's feed.atom (2023 on) says it in elements of its own namespace:
 * <blogger:type>POST</blogger:type> (PAGE, COMMENT) and
 * <blogger:status>LIVE</blogger:status> (DRAFT, DELETED, SOFT_TRASHED). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ingest.h"

#define KIND_TERM "http://schemas.google.com/blogger/2008/kind#"

const char *ns_blogger_field(const char *uri, const char *name)
{
    if (!uri || strcmp(uri, NS_BLOGGER) != 0)
        return NULL;
    if (!strcmp(name, "type"))
        return "blogger_type";
    if (!strcmp(name, "status"))
        return "blogger_status";
    return NULL;
}

int ns_blogger_is_app(const char *uri)
{
    return uri && (!strcmp(uri, NS_APP) || !strcmp(uri, NS_APP_2007));
}

static const char *field(json_t *fields, const char *key)
{
    return json_string_value(json_object_get(fields, key));
}

/* The entry's kind, in capitals as feed.atom writes it ("POST", "PAGE",
 * "COMMENT"), or as the kind category's term ends ("post", "template"):
 * NULL for an entry of no Blogger backup (another of Google's feeds said
 * its kinds in the same scheme). */
static const char *kind_of(json_t *fields)
{
    const char *type = field(fields, "blogger_type");
    if (type)
        return type;
    const char *kind = field(fields, "blogger_kind");
    if (kind && !strncmp(kind, KIND_TERM, strlen(KIND_TERM)))
        return kind + strlen(KIND_TERM);
    return NULL;
}

int ns_blogger_export(json_t *fields)
{
    return kind_of(fields) != NULL;
}

int ns_blogger_no_record(json_t *fields)
{
    const char *kind = kind_of(fields);
    return kind && strcasecmp(kind, "post") != 0 && strcasecmp(kind, "page");
}

int ns_blogger_left_out(json_t *fields, char *why, size_t why_size)
{
    const char *kind = kind_of(fields);
    const char *status = field(fields, "blogger_status");
    const char *draft = field(fields, "app_draft");
    if (kind && !strcasecmp(kind, "page")) {
        snprintf(why, why_size, "ignored: a Blogger page, not a post");
        return 1;
    }
    if (status && strcasecmp(status, "LIVE") != 0) {
        snprintf(why, why_size, "ignored: a Blogger post with status '%.40s'",
                 status);
        return 2;
    }
    /* RFC 5023 13.1.1: an entry the server holds but does not publish.
     * Any Atom entry's, as Blogger's backup writes its drafts. */
    if (draft && !strcasecmp(draft, "yes")) {
        snprintf(why, why_size,
                 "ignored: a draft (<app:draft>yes</app:draft>)");
        return 2;
    }
    return 0;
}

void ns_blogger_author_done(json_t *to, size_t before, int noreply)
{
    /* Blogger names an author whose profile was deleted "Unknown", with
     * its address for every author, noreply@blogger.com: no one's name.
     * The list stays, empty, so that the entry takes no other author's
     * (the feed's) in its place. */
    json_t *names = json_object_get(to, "author");
    size_t n = json_array_size(names);
    if (!noreply || n != before + 1)
        return;
    const char *last = json_string_value(json_array_get(names, n - 1));
    if (last && !strcmp(last, "Unknown"))
        json_array_remove(names, n - 1);
}
