/* test_fields_push.c - ns_fields_push keeps a label once, in the order it
 * came, with a set beside the list so that a page of many thousand
 * headings is read in linear time; and the list stays right when other
 * code changes it between pushes. */
#include "ingest.h"
#include "testlib.h"

static size_t count(json_t *obj, const char *key)
{
    return json_array_size(json_object_get(obj, key));
}

static const char *at(json_t *obj, const char *key, size_t i)
{
    return json_string_value(json_array_get(json_object_get(obj, key), i));
}

static void test_once_in_order(void)
{
    json_t *o = json_object();
    ns_fields_push(o, "tags", "Oil", 3);
    ns_fields_push(o, "tags", "Gas", 3);
    ns_fields_push(o, "tags", " Oil ", 5);
    ns_fields_push(o, "tags", "Oil\xc2\xa0", 5); /* a no-break space */
    ns_fields_push(o, "tags", "oil", 3);         /* another label */
    CHECK(count(o, "tags") == 3, "push: 'Oil' kept once, 'oil' apart");
    CHECK_STR(at(o, "tags", 0), "Oil", "push: first label first");
    CHECK_STR(at(o, "tags", 2), "oil", "push: third label last");
    json_decref(o);
}

static void test_many(void)
{
    json_t *o = json_object();
    char buf[32];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 50000; i++) {
            int n = snprintf(buf, sizeof buf, "Heading %d", i);
            ns_fields_push(o, "h", buf, (size_t)n);
        }
    CHECK(count(o, "h") == 50000, "push: 100,000 pushes of 50,000 headings");
    CHECK_STR(at(o, "h", 49999), "Heading 49999", "push: the last in place");
    json_decref(o);
}

static void test_list_changed_between(void)
{
    json_t *o = json_object();
    ns_fields_push(o, "tags", "Oil", 3);
    ns_fields_push(o, "tags", "Gas", 3);
    /* jsonfeed.c takes the first as the section. */
    json_array_remove(json_object_get(o, "tags"), 0);
    ns_fields_push(o, "tags", "Oil", 3);
    ns_fields_push(o, "tags", "Gas", 3);
    CHECK(count(o, "tags") == 2, "changed: a removed label comes back once");
    CHECK_STR(at(o, "tags", 1), "Oil", "changed: after the one left");

    /* The list replaced by one of the same size. */
    json_t *other = json_array();
    json_array_append_new(other, json_string("Wind"));
    json_array_append_new(other, json_string("Sun"));
    json_object_set_new(o, "tags", other);
    ns_fields_push(o, "tags", "Oil", 3);
    ns_fields_push(o, "tags", "Sun", 3);
    CHECK(count(o, "tags") == 3, "replaced: 'Oil' added, 'Sun' kept once");

    /* The list deleted: a new one starts empty. */
    json_object_del(o, "tags");
    ns_fields_push(o, "tags", "Wind", 4);
    CHECK(count(o, "tags") == 1, "deleted: the new list has one label");
    json_decref(o);
}

static void test_set_is_no_field(void)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string("a1"));
    json_object_set_new(o, "title", json_string("Tolls"));
    ns_fields_push(o, "tags", "Oil", 3);
    ns_fields_push(o, "headings", "First", 5);
    ns_article_t art;
    char err[256] = "";
    int rc = ns_fields_article(o, &art, err, sizeof err);
    CHECK(rc == 0, "article: the set beside the lists is no field");
    CHECK(rc == 0 && art.n_tags == 1 && art.n_headings == 1,
          "article: one tag, one heading");
    CHECK(rc == 0 && !art.warning, "article: no warning of unknown keys");
    if (rc == 0)
        ns_article_clear(&art);
    json_decref(o);
}

int main(void)
{
    test_once_in_order();
    test_many();
    test_list_changed_between();
    test_set_is_no_field();
    return tl_done();
}
