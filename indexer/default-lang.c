/* default-lang.c - nindex --lang CODE: the language of an archive's
 * articles whose source names none (README "Languages").
 *
 * Many exports carry no language, and a Norwegian archive indexed as
 * English ("en", the default) had its words stemmed as English:
 * `flyktningen` did not find `flyktninger`.  --lang names another default;
 * a record's `lang`, a feed's language and a page's lang attribute still
 * win.  The index records the default it was built with, so that a
 * nightly update without --lang keeps it, and an update with another one
 * is refused: the articles already in were stemmed by the old one, and a
 * search stems the query in every language present, so the two halves
 * of the archive would answer differently.  --rebuild --lang changes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nindex.h"

int ns_default_lang_parse(const char *text, struct options *o)
{
    char code[NS_MAX_LABEL + 1];
    size_t len = strlen(text);
    if (len == 0 || len >= sizeof code)
        return -1;
    memcpy(code, text, len + 1);
    if (!ns_lang_code(code) || !*code || strlen(code) >= sizeof o->lang ||
        !ns_lang_stemmed(code))
        return -1;
    strcpy(o->lang, code);
    o->lang_given = 1;
    return 0;
}

/* Open DB to read its default: the live generation, or for a rebuild
 * whose live one does not open, the one before.  NULL when there is no
 * index, or it cannot be opened (the shard check said why already). */
static ns_index_t *open_for_lang(const char *db, const struct options *o)
{
    ns_index_t *idx;
    char *err = NULL;
    ns_status_t st = ns_index_open(db, NS_OPEN_READ, &idx, &err);
    free(err);
    if (st == NS_STATUS_OK)
        return idx;
    char older[256];
    if (st != NS_STATUS_NOT_FOUND && o->mode == MODE_REBUILD &&
        ns_gen_open_older(db, &idx, older, sizeof older) == NS_STATUS_OK)
        return idx;
    return NULL;
}

int ns_default_lang_check(const char *db, struct options *o)
{
    if (!o->lang_given)
        strcpy(o->lang, "en");
    ns_index_t *idx = open_for_lang(db, o);
    if (!idx)
        return EXIT_OK; /* a new index: this run makes it what it is */
    char was[sizeof o->lang];
    int recorded = 0;
    uint64_t articles = 0;
    int rc = EXIT_OK;
    if (ns_index_default_lang(idx, was, sizeof was, &recorded) !=
            NS_STATUS_OK ||
        ns_index_count(idx, &articles) != NS_STATUS_OK) {
        ns_error("cannot read index '%s': %s", db, ns_index_last_error(idx));
        rc = EXIT_ERROR;
    } else if (!o->lang_given) {
        strcpy(o->lang, was); /* what it was built with: no drift */
    } else if (o->mode != MODE_REBUILD && articles &&
               strcmp(was, o->lang) != 0) {
        ns_error("index '%s' was built %s %s: those of its %llu articles "
                 "whose source names no language were stemmed as '%s', and "
                 "an update cannot change that; nothing was done (to make "
                 "'%s' the default, rebuild the index: nindex --rebuild "
                 "--lang %s SOURCE...)",
                 db, recorded ? "with --lang" : "without --lang, as", was,
                 (unsigned long long)articles, was, o->lang, o->lang);
        rc = EXIT_USAGE;
    }
    ns_index_close(idx);
    return rc;
}

int ns_default_lang_record(ns_index_t *idx, const struct options *o)
{
    /* Written only when it changes: a metadata write is a change, and
     * readers would see a new revision every night for nothing.  An
     * index with none recorded is "en", and stays unrecorded till a
     * --lang names one. */
    char was[sizeof o->lang];
    int recorded = 0;
    if (ns_index_default_lang(idx, was, sizeof was, &recorded) ==
            NS_STATUS_OK &&
        !strcmp(was, o->lang) && (recorded || !o->lang_given))
        return 0;
    if (ns_index_set_default_lang(idx, o->lang) != NS_STATUS_OK) {
        ns_error("cannot record the default language: %s",
                 ns_index_last_error(idx));
        return -1;
    }
    return 0;
}

void ns_default_lang_apply(const struct options *o, ns_article_t *art)
{
    if (!art->lang_defaulted || !*o->lang || !art->lang ||
        !strcmp(art->lang, o->lang))
        return;
    char *code = strdup(o->lang);
    if (!code)
        return; /* out of memory: the reader's "en" */
    free(art->lang);
    art->lang = code;
}
