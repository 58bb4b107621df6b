/* reader-file.c - Files that are one article each: text and Markdown
 * with front matter, HTML pages and NITF stories, read whole (up to
 * NS_MAX_RECORD) for the reader (reader.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "reader.h"
#include "textpage.h"

/* Read the rest of the text file open in r->gz, from its start: what
 * ns_reader_choose_kind looked at is read again (ns_reader_read), not
 * the file opened a second time, which a named pipe cannot be.  Through zlib, as
 * every other form is read: a page or story may be gzipped
 * (page.html.gz), and gzread passes plain files through.  Returns 0, or
 * -1 with r->err set. */
static int slurp(ns_reader_t *r, ns_buf_t *out)
{
    char chunk[65536];
    int n, rc = 0;
    while (rc == 0 && (n = ns_reader_read(r, chunk, sizeof chunk)) > 0) {
        if (out->len + (size_t)n > NS_MAX_RECORD) {
            snprintf(r->err, sizeof r->err, "file larger than %u bytes",
                     NS_MAX_RECORD);
            rc = -1;
        } else if (ns_buf_append(out, chunk, (size_t)n) < 0) {
            snprintf(r->err, sizeof r->err, "out of memory");
            rc = -1;
        }
    }
    const char *why = rc == 0 ? ns_reader_gz_problem(r) : NULL;
    if (why) {
        snprintf(r->err, sizeof r->err, "read error: %s", why);
        rc = -1;
        r->file_failed = 1;
    }
    gzclose(r->gz);
    r->gz = NULL;
    return rc;
}

/* A text or Markdown file says nothing of its encoding, and one saved on
 * Windows in an old archive has Latin-1 bytes ("caf\xe9"): each byte of
 * TEXT that is not UTF-8 is read as windows-1252's character, as a
 * browser reads a page that declares no encoding and as a feed that
 * declares none is read (xmlrepair.c), where the whole post was a
 * skipped file.  WHY says what was changed, *LINE the line of the first
 * such byte (0: the file is UTF-8).  Returns 0, or -1 with r->err set. */
static int read_bad_bytes(ns_reader_t *r, ns_buf_t *text, char *why,
                          size_t why_size, unsigned *line)
{
    *line = 0;
    if (ns_utf8_check(text->p ? text->p : "", text->len) == text->len)
        return 0;
    ns_buf_t utf8 = {0};
    size_t first = 0;
    long bad = ns_utf8_or_windows1252(text->p, text->len, &utf8, &first);
    if (bad < 0) {
        ns_buf_free(&utf8);
        snprintf(r->err, sizeof r->err, "out of memory");
        return -1;
    }
    *line = 1;
    for (size_t i = 0; i < first; i++)
        *line += text->p[i] == '\n';
    unsigned char b = (unsigned char)text->p[first];
    char c[3];
    int n = (int)ns_windows1252_char(b, c);
    if (bad == 1)
        snprintf(why, why_size,
                 "byte 0x%02X is not UTF-8; read as windows-1252 \"%.*s\"", b,
                 n, c);
    else
        snprintf(why, why_size,
                 "%ld bytes that are not UTF-8 read as windows-1252 (the "
                 "first, 0x%02X \"%.*s\")",
                 bad, b, n, c);
    ns_buf_free(text);
    *text = utf8;
    return 0;
}

/* Run the plain-text page rules (textpage.c) on a text article and say
 * what they cut, in WHY (WHY_SIZE bytes), with its line of the file in
 * *CUT_LINE (0: nothing was cut).  Cut text is always said, not only
 * under --verbose: a story that loses its "LATEST NEWS" column to the rule
 * must be noticed to be kept.  The body is the file's tail (front matter
 * and title come first, trailing blank lines were dropped), so a body
 * line is found by counting from the file's last non-blank line. */
static int apply_page_rules(ns_reader_t *r, const ns_buf_t *text,
                            ns_article_t *art, char *why, size_t why_size,
                            unsigned *cut_line)
{
    ns_textpage_report_t rep;
    *cut_line = 0;
    /* No furniture is cut from Markdown: a heading there is the author's
     * ("## Siste nytt" over a live blog's updates, "## Comments" over the
     * readers' comments a story quotes), and a site's sidebars are in its
     * templates, not in its Markdown files.  Nor from a text file with
     * front matter, unless it says "furniture: true": a person or an
     * export wrote its header, and an OCR'd newspaper page's "LATEST NEWS"
     * is news. */
    const char *p = text->p ? text->p : "";
    int furniture = r->markdown ? 0 : ns_frontmatter_furniture(p, text->len);
    size_t end = text->len, lines = 1;
    while (end && (p[end - 1] == ' ' || p[end - 1] == '\t' ||
                   p[end - 1] == '\n' || p[end - 1] == '\r' ||
                   p[end - 1] == '\f'))
        end--;
    for (size_t i = 0; i < end; i++)
        lines += p[i] == '\n';
    size_t body_lines = 1;
    for (const char *b = art->body ? art->body : ""; *b; b++)
        body_lines += *b == '\n';
    /* The body lines with a form feed: a cut ends at the next page. */
    size_t n_ff = 0, n_breaks = 0, line = 1;
    for (size_t i = 0; furniture && i < end; i++)
        n_ff += p[i] == '\f';
    size_t *breaks = n_ff ? malloc(n_ff * sizeof *breaks) : NULL;
    for (size_t i = 0; breaks && i < end; i++) {
        size_t at = line + body_lines - lines - 1; /* if in the body */
        if (p[i] == '\f' && line + body_lines > lines &&
            (n_breaks == 0 || breaks[n_breaks - 1] != at))
            breaks[n_breaks++] = at;
        line += p[i] == '\n';
    }
    int rc = n_ff && !breaks ? -1
                             : ns_textpage_apply_pages(art, furniture != 0,
                                                       breaks, n_breaks, &rep);
    free(breaks);
    if (rc < 0) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return -1;
    }
    if (!rep.cut_line)
        return 0;
    *cut_line = (unsigned)(lines + rep.cut_line - rep.body_lines);
    snprintf(why, why_size,
             "page furniture cut: %s and what follows%s (%zu lines, %zu "
             "words)%s%s%s; %s",
             rep.why, rep.page_end ? " on its page" : "", rep.cut_lines,
             rep.cut_words, rep.byline ? "; author '" : "",
             rep.byline ? art->author : "",
             rep.byline ? "' from the byline" : "",
             furniture == 2 ? "its front matter says 'furniture: true'"
                            : "front matter (a '---' header) keeps it");
    return 0;
}

/* The path below the source root, without a leading slash and without a
 * ".gz": the default id of a file's article ("technology/azure.md", also
 * for technology/azure.md.gz), so that compressing an archive in place
 * keeps its ids; with ".gz" in the id, a gzipped year was added again
 * under new ids and its old ones pruned.  ".GZ" too, as the format is
 * known by its name whatever its case (POST.MD.GZ is Markdown). */
const char *ns_reader_rel(const ns_reader_t *r, const char *file, char *buf,
                          size_t size)
{
    const char *rel = file + r->root_len;
    while (*rel == '/')
        rel++;
    size_t n = strlen(rel);
    if (n > 3 && strcasecmp(rel + n - 3, ".gz") == 0 && n - 3 < size) {
        memcpy(buf, rel, n - 3);
        buf[n - 3] = '\0';
        return buf;
    }
    return rel;
}

static const char *rel_path(const ns_reader_t *r, char *buf, size_t size)
{
    return ns_reader_rel(r, r->path, buf, size);
}

/* Date ART by the modification time of its file, as Eleventy dates a post
 * whose header says "date: Last Modified" (or Created, which POSIX does
 * not keep, or either from git, which is not run here).  A file whose
 * time cannot be had stays undated. */
static void date_from_file(const ns_reader_t *r, ns_article_t *art)
{
    struct stat st;
    char day[32], err[256];
    if (stat(r->path, &st) < 0)
        return;
    ns_date_format((int64_t)st.st_mtime, day, sizeof day);
    (void)ns_set_date(art, day, err, sizeof err);
}

int ns_reader_next_text(ns_reader_t *r, ns_article_t *art)
{
    ns_buf_t text = {0};
    unsigned line = 0;
    char buf[4096];
    const char *id = rel_path(r, buf, sizeof buf);
    char repaired[160] = "";
    unsigned bad_line = 0;
    int rc = slurp(r, &text);
    /* A NUL past the 4 KiB sniff.c looked at (binary data appended, a
     * file a crash left zero-filled at its end) is refused as one in
     * them is, at its line: it was read as a space, and the bytes after
     * it indexed as text. */
    const char *nul = rc == 0 && text.p ? memchr(text.p, '\0', text.len) : 0;
    if (nul) {
        line = 1;
        for (const char *p = text.p; p < nul; p++)
            line += *p == '\n';
        snprintf(r->err, sizeof r->err,
                 "not text: a NUL byte at byte %zu (binary data, or a file a "
                 "crash left zero-filled); nothing of it was read: restore "
                 "or convert it, or move it out of the source",
                 (size_t)(nul - text.p) + 1);
        rc = -1;
    }
    if (rc == 0)
        rc = read_bad_bytes(r, &text, repaired, sizeof repaired, &bad_line);
    size_t idn = strlen(id);
    if (rc == 0 && text.p && r->markdown && idn > 4 &&
        !strcasecmp(id + idn - 4, ".mdx"))
        ns_mdx_drop_esm(text.p, text.len);
    /* A draft, a list page, a post the site would not show now
     * (published.c): not out yet, expired, never rendered.  The clock is
     * the time, with no allowance for skew. */
    char why[256];
    int hidden =
        rc == 0 ? ns_frontmatter_hidden(text.p ? text.p : "", text.len, r->path,
                                        r->markdown, (int64_t)time(NULL), why,
                                        sizeof why, &line)
                : 0;
    if (hidden < 0)
        rc = -1, snprintf(r->err, sizeof r->err, "%s", why);
    /* A publish or expiry date that does not read: a warning, on its
     * line, and the post read as if it had none (published.c). */
    unsigned fm_line = hidden == 0 && why[0] ? line : 0;
    char fm_warn[256] = "";
    if (fm_line)
        snprintf(fm_warn, sizeof fm_warn, "%s", why);
    if (hidden > 0) {
        ns_reader_set_where(r, 0);
        /* A story set back to draft is read as if published, for its id
         * alone: an article of that id indexed before is to be taken
         * out.  A draft that does not read has none. */
        ns_article_t whole = {0};
        unsigned ignore;
        if (ns_frontmatter_is_draft(text.p ? text.p : "", text.len))
            (void)ns_article_from_post(
                text.p ? text.p : "", text.len, id,
                ns_frontmatter_in_posts(r->path), r->default_lang, &whole,
                r->err, sizeof r->err, &ignore);
        r->err[0] = '\0';
        ns_reader_note_draft(r, why, whole.id);
        ns_article_clear(&whole);
        ns_buf_free(&text);
        ns_reader_end_file(r);
        return 0;
    }
    /* Jekyll splits a post's "tags" and "categories" strings into words. */
    int in_posts = ns_frontmatter_in_posts(r->path);
    if (rc == 0)
        rc = ns_article_from_post(text.p ? text.p : "", text.len, id,
                                  in_posts, r->default_lang, art, r->err,
                                  sizeof r->err, &line);
    /* Two posts of the site that share a slug are two pages. */
    if (rc == 0 && (rc = ns_reader_own_slug(r, id, art)) < 0)
        ns_article_clear(art);
    /* Where it is: its file's path, and a Hugo page's section. */
    if (rc == 0 && (rc = ns_reader_origin(r, art)) < 0)
        ns_article_clear(art);
    if (rc == 0 && !art->date &&
        ns_frontmatter_dated_by_file(text.p ? text.p : "", text.len))
        date_from_file(r, art);
    if (rc == 0 && !art->date)
        rc = ns_article_date_from_name(r->path, art);
    if (rc == 0 && r->markdown &&
        (rc = ns_markdown_finish(art, r->err, sizeof r->err)) < 0)
        ns_article_clear(art);
    char cut[256] = "";
    unsigned cut_line = 0;
    if (rc == 0)
        rc = apply_page_rules(r, &text, art, cut, sizeof cut, &cut_line);
    /* Read, but with bytes put right, or with furniture cut: said where
     * the first is, and the line of the other with it. */
    if (rc == 0 && bad_line && cut_line)
        snprintf(r->warn, sizeof r->warn, "%s; line %u: %s", repaired,
                 cut_line, cut);
    else if (rc == 0 && (bad_line || cut_line))
        snprintf(r->warn, sizeof r->warn, "%s", bad_line ? repaired : cut);
    if (rc == 0 && fm_line && r->warn[0])
        snprintf(r->warn + strlen(r->warn), sizeof r->warn - strlen(r->warn),
                 "; line %u: %s", fm_line, fm_warn);
    else if (rc == 0 && fm_line)
        snprintf(r->warn, sizeof r->warn, "%s", fm_warn);
    ns_reader_set_where(r, rc < 0 && line ? line
                           : rc < 0       ? 0
                           : bad_line     ? bad_line
                           : cut_line     ? cut_line
                           : fm_line      ? fm_line
                           : line         ? line
                                          : 1);
    ns_buf_free(&text);
    ns_reader_end_file(r);
    return rc < 0 ? -1 : 1;
}

/* A file that is one article: an HTML page or a NITF story. */
int ns_reader_next_html(ns_reader_t *r, ns_article_t *art)
{
    ns_buf_t text = {0};
    char buf[4096];
    const char *id = rel_path(r, buf, sizeof buf);
    int rc = slurp(r, &text);
    if (rc == 0 && r->kind == KIND_NITF)
        rc = ns_nitf_article(text.p ? text.p : "", text.len, id, art, r->err,
                             sizeof r->err);
    else if (rc == 0) /* a page also says what it read past (bad JSON-LD) */
        rc = ns_html_page_warn(text.p ? text.p : "", text.len, id, art, r->warn,
                               sizeof r->warn, r->err, sizeof r->err);
    if (rc == 0 && ns_reader_origin(r, art) < 0) {
        ns_article_clear(art);
        rc = -1;
    }
    ns_reader_set_where(r, 0);
    if (rc > 0) { /* a redirect, a noindex page: ignored, as drafts are */
        /* A noindex page keeps the id it had, for its article, if
         * indexed before, to be taken out as a draft's is. */
        ns_reader_note_draft(r, r->err, art->id);
        ns_article_clear(art);
        r->err[0] = '\0';
    }
    ns_buf_free(&text);
    ns_reader_end_file(r);
    return rc < 0 ? -1 : !rc;
}
