/* test_reader.c - Sources: JSON Lines, gzip, truncation, directories. */
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "ns.h"
#include "testlib.h"

/* Read every record of SOURCE; fills counts and the last error text. */
struct tally {
    int ok, bad;
    char ids[1024];
    char errors[4096];
};

static void read_all(const char *source, struct tally *t)
{
    memset(t, 0, sizeof *t);
    ns_reader_t *r;
    char *err = NULL;
    if (ns_reader_open(source, &r, &err) != NS_STATUS_OK) {
        t->bad = -1;
        free(err);
        return;
    }
    ns_article_t a = {0};
    int rc;
    while ((rc = ns_reader_next(r, &a)) != 0) {
        if (rc > 0) {
            t->ok++;
            size_t used = strlen(t->ids);
            if (used + strlen(a.id) + 2 < sizeof t->ids)
                snprintf(t->ids + used, sizeof t->ids - used, "%s ", a.id);
        } else {
            t->bad++;
            char line[600];
            snprintf(line, sizeof line, "%s: %s\n", ns_reader_where(r),
                     ns_reader_error(r));
            strncat(t->errors, line, sizeof t->errors - strlen(t->errors) - 1);
        }
    }
    ns_article_clear(&a);
    ns_reader_close(r);
}

static const char JSONL[] = "{\"id\":\"a\",\"title\":\"One\"}\n"
                            "\n"
                            "{\"id\":\"b\",\"title\":\"Two\"\n"
                            "{\"title\":\"no id\"}\n"
                            "{\"id\":\"c\",\"body\":\"Three\"}\r\n"
                            "{\"id\":\"d\",\"title\":\"bad \xff\"}\n"
                            "{\"id\":\"e\",\"title\":\"last, no newline\"}";

static void test_jsonl_good_and_bad(void)
{
    const char *path = tl_write("a.jsonl", JSONL, sizeof JSONL - 1);
    struct tally t;
    read_all(path, &t);
    CHECK(t.ok == 3, "three good records");
    CHECK_STR(t.ids, "a c e ", "ids in order");
    CHECK(t.bad == 3, "three bad records");
    CHECK(strstr(t.errors, "a.jsonl:3: malformed JSON") != NULL,
          "line 3 malformed");
    CHECK(strstr(t.errors, "a.jsonl:4: missing id") != NULL, "line 4 no id");
    CHECK(strstr(t.errors, "a.jsonl:6: invalid UTF-8") != NULL,
          "line 6 bad UTF-8");
}

/* A UTF-8 byte-order mark before a record (Notepad, PowerShell) is not
 * part of it, on any line: files that start with one are merged with cat. */
static void test_jsonl_bom(void)
{
    static const char bom[] = "\xef\xbb\xbf{\"id\":\"a\",\"title\":\"One\"}\r\n"
                              "\xef\xbb\xbf{\"id\":\"b\",\"title\":\"Two\"}\n"
                              "{\"id\":\"c\",\"title\":\"Three\"}\n";
    const char *path = tl_write("bom.jsonl", bom, sizeof bom - 1);
    struct tally t;
    read_all(path, &t);
    CHECK_STR(t.ids, "a b c ", "the records after a BOM are read");
    CHECK(t.bad == 0, "a BOM on line 2 is no broken record");
    static const char only[] = "\xef\xbb\xbf\n";
    read_all(tl_write("only.jsonl", only, sizeof only - 1), &t);
    CHECK(t.ok == 0 && t.bad == 0, "a BOM alone is an empty file");
}

static void write_gz(const char *name, const char *data, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", tl_tmpdir(), name);
    gzFile gz = gzopen(path, "wb");
    gzwrite(gz, data, (unsigned)len);
    gzclose(gz);
}

static void test_gzip(void)
{
    write_gz("b.jsonl.gz", JSONL, sizeof JSONL - 1);
    char path[4096];
    snprintf(path, sizeof path, "%s/b.jsonl.gz", tl_tmpdir());
    struct tally t;
    read_all(path, &t);
    CHECK(t.ok == 3 && t.bad == 3, "gzip reads like plain");
}

/* A page, a story and a Markdown file are read whole, and gzipped as every
 * other form may be; a gzipped page cut short is an error, not half a page. */
static void test_gzip_whole_files(void)
{
    static const char page[] =
        "<!doctype html><html><head><title>T</title></head><body><article>"
        "<h1>Gzipped page</h1><p>Harbour text.</p></article></body></html>";
    static const char story[] =
        "<nitf><head><docdata><doc-id id-string=\"n1\"/></docdata></head>"
        "<body><body.head><hedline><hl1>Gzipped story</hl1></hedline>"
        "</body.head><body.content><p>Wire text.</p></body.content></body>"
        "</nitf>";
    static const char md[] = "---\nid: m1\ntitle: Gzipped notes\n---\nText.\n";
    char path[4096];
    struct tally t;
    const char *names[] = {"page.html.gz", "story.xml.gz", "notes.md.gz"};
    const char *data[] = {page, story, md};
    /* A file's id is its name without the ".gz": compressing an archive
     * in place keeps its ids. */
    const char *want[] = {"page.html ", "n1 ", "m1 "};
    for (int i = 0; i < 3; i++) {
        write_gz(names[i], data[i], strlen(data[i]));
        snprintf(path, sizeof path, "%s/%s", tl_tmpdir(), names[i]);
        read_all(path, &t);
        CHECK(t.ok == 1 && t.bad == 0, names[i]);
        CHECK_STR(t.ids, want[i], names[i]);
    }
    /* The first half of the gzipped page. */
    snprintf(path, sizeof path, "%s/page.html.gz", tl_tmpdir());
    struct stat st;
    CHECK(stat(path, &st) == 0 && truncate(path, st.st_size / 2) == 0,
          "truncate the page");
    read_all(path, &t);
    CHECK(t.ok == 0 && t.bad == 1 && strstr(t.errors, "truncated gzip"),
          "a cut-off gzipped page: an error that says so");
}

static void test_truncated_gzip(void)
{
    /* Many lines, so that the cut falls well inside the stream. */
    char *big = malloc(200000);
    size_t n = 0;
    for (int i = 0; n < 190000; i++)
        n += (size_t)sprintf(big + n,
                             "{\"id\":\"t%d\",\"title\":\"Title %d %x\"}\n", i,
                             i, (unsigned)(i * 2654435761u));
    write_gz("c.jsonl.gz", big, n);
    char path[4096];
    snprintf(path, sizeof path, "%s/c.jsonl.gz", tl_tmpdir());
    struct stat st;
    stat(path, &st);
    CHECK(truncate(path, st.st_size / 2) == 0, "truncate");
    struct tally t;
    read_all(path, &t);
    CHECK(t.ok > 100, "records before the cut are read");
    CHECK(strstr(t.errors, "truncated gzip") != NULL, "truncation reported");
    CHECK(t.bad <= 2, "at most the cut line and the truncation");
    free(big);
}

static void test_long_line(void)
{
    size_t n = NS_MAX_RECORD + 100;
    char *line = malloc(n + 64);
    strcpy(line, "{\"id\":\"big\",\"title\":\"");
    memset(line + strlen(line), 'x', n);
    strcpy(line + n, "\"}\n{\"id\":\"after\",\"title\":\"ok\"}\n");
    const char *path = tl_write("long.jsonl", line, strlen(line));
    struct tally t;
    read_all(path, &t);
    CHECK(t.bad == 1 && strstr(t.errors, "long.jsonl:1: line longer than"),
          "huge line skipped with its line number");
    CHECK_STR(t.ids, "after ", "next line still read");
    free(line);
}

static void test_directory_walk(void)
{
    char dir[4096], sub[4096];
    snprintf(dir, sizeof dir, "%s/tree", tl_tmpdir());
    snprintf(sub, sizeof sub, "%s/tree/world", tl_tmpdir());
    mkdir(dir, 0777);
    mkdir(sub, 0777);
    tl_write("tree/world/b.md", "---\ntitle: B\n---\nbody\n", 22);
    tl_write("tree/a.txt", "Plain title\nbody\n", 17);
    tl_write("tree/README", "not an article", 14);
    tl_write("tree/.hidden.md", "---\ntitle: H\n---\n", 17);
    tl_write("tree/world/c.jsonl", "{\"id\":\"c\",\"title\":\"C\"}\n", 23);
    tl_write("tree/world/d.md", "---\ntitle: D\ndate: never\n---\nx\n", 31);
    struct tally t;
    read_all(dir, &t);
    CHECK_STR(t.ids, "a.txt world/b.md c world/d.md ",
              "walk order and relative ids");
    CHECK(t.bad == 0, "a bad front matter date costs the date, not the post");
}

/* A link to a directory is followed, as a link to a file is, and each
 * directory is read once: a loop, or a second link to a directory read
 * already, is noted as ignored. */
static void test_directory_links(void)
{
    char top[4096], dir[4096], link[4096];
    snprintf(top, sizeof top, "%s/linked", tl_tmpdir());
    mkdir(top, 0777);
    snprintf(dir, sizeof dir, "%s/linked/disk2", tl_tmpdir());
    mkdir(dir, 0777);
    snprintf(dir, sizeof dir, "%s/linked/archive", tl_tmpdir());
    mkdir(dir, 0777);
    tl_write("linked/disk2/y.jsonl", "{\"id\":\"y\",\"title\":\"Y\"}\n", 23);
    tl_write("linked/archive/x.jsonl", "{\"id\":\"x\",\"title\":\"X\"}\n", 23);
    snprintf(link, sizeof link, "%s/linked/archive/2025", tl_tmpdir());
    CHECK(symlink("../disk2", link) == 0, "links: made 2025 -> ../disk2");
    snprintf(link, sizeof link, "%s/linked/archive/again", tl_tmpdir());
    CHECK(symlink("../disk2", link) == 0, "links: made again -> ../disk2");
    snprintf(link, sizeof link, "%s/linked/archive/loop", tl_tmpdir());
    CHECK(symlink(".", link) == 0, "links: made loop -> .");

    ns_reader_t *r;
    char *err = NULL;
    CHECK(ns_reader_open(dir, &r, &err) == NS_STATUS_OK, "links: opened");
    ns_article_t a = {0};
    char ids[256] = "", notes[2048] = "";
    int rc, n_notes = 0;
    const char *note;
    while ((rc = ns_reader_next(r, &a)) != 0) {
        while ((note = ns_reader_next_ignored(r))) {
            n_notes++;
            strncat(notes, note, sizeof notes - strlen(notes) - 2);
            strcat(notes, "\n");
        }
        if (rc > 0)
            strncat(ids, a.id, sizeof ids - strlen(ids) - 2), strcat(ids, " ");
    }
    ns_article_clear(&a);
    ns_reader_close(r);
    CHECK_STR(ids, "y x ", "links: the linked directory is read, once");
    CHECK(n_notes == 2 && strstr(notes, "archive/again: ignored: a link") &&
              strstr(notes, "archive/loop: ignored: a link"),
          "links: the second link and the loop are noted");
}

static void test_missing_source(void)
{
    ns_reader_t *r;
    char *err = NULL;
    CHECK(ns_reader_open("/nonexistent/x.jsonl", &r, &err) ==
              NS_STATUS_NOT_FOUND,
          "missing source is NOT_FOUND");
    CHECK(r == NULL && err != NULL, "out is NULL, error given");
    free(err);
}

int main(void)
{
    test_jsonl_good_and_bad();
    test_gzip();
    test_gzip_whole_files();
    test_truncated_gzip();
    test_long_line();
    test_jsonl_bom();
    test_directory_walk();
    test_directory_links();
    test_missing_source();
    return tl_done();
}
