/* facet-column.cc - The facet slot of every article, split into its
 * values once and held by a handle asked facets again within one
 * revision of the index (see facet-column.h). */
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "facet-column.h"

using namespace libns;

/* Not made past this many docids (12 bytes each). */
static const Xapian::docid COLUMN_MAX = 2000000;

/* The values of facet slot fields REST (section, lang, month, "", tags;
 * the year and decade are the month's)
 * as keys of COL, appended to COL.keys; RAW: COL.raw's indexes by name. */
static void split_into(FacetColumn &col, const std::string &rest,
                       std::unordered_map<std::string, uint32_t> *raw)
{
    auto key = [&](unsigned f, const std::string &v) {
        if (v.empty())
            return;
        auto in = raw[f].try_emplace(v, (uint32_t)col.raw[f].size());
        if (in.second)
            col.raw[f].push_back(v);
        col.keys.push_back(f << 24 | in.first->second);
    };
    std::vector<std::string> field;
    size_t start = 0;
    for (int k = 0; k < 5; k++) {
        size_t end = k < 4 ? rest.find(FACET_SEP, start) : rest.size();
        field.push_back(rest.substr(start, end - start));
        start = end + 1;
    }
    key(0, field[0]);
    if (field[2].size() >= 4) {
        key(1, field[2].substr(0, 4));
        key(5, decade_of(field[2]));
    }
    key(2, field[2]);
    key(3, field[1]);
    size_t p = 0;
    const std::string &tags = field[4];
    while (p < tags.size()) {
        size_t sep = tags.find(TAG_SEP, p);
        if (sep == std::string::npos)
            sep = tags.size();
        key(4, tags.substr(p, sep - p));
        p = sep + 1;
    }
}

static void make_column(const Xapian::Database &db, FacetColumn &col)
{
    Xapian::docid last = db.get_lastdocid();
    if (last > COLUMN_MAX) {
        col.too_big = true;
        return;
    }
    col.value.assign((size_t)last + 1, NO_VALUE);
    col.group.assign((size_t)last + 1, 0);
    col.keys_at.push_back(0);
    std::unordered_map<std::string, uint32_t> ids;
    std::unordered_map<std::string, uint32_t> raw[NS_FACET_KINDS];
    for (Xapian::ValueIterator v = db.valuestream_begin(SLOT_FACETS);
         v != db.valuestream_end(SLOT_FACETS); ++v) {
        const std::string s = *v;
        /* section, lang, month, group, tags: the group out. */
        size_t g = s.find(FACET_SEP);
        for (int k = 0; k < 2 && g != std::string::npos; k++)
            g = s.find(FACET_SEP, g + 1);
        size_t end = g == std::string::npos ? g : s.find(FACET_SEP, g + 1);
        if (end == std::string::npos || v.get_docid() > last)
            continue; /* an older article: no value */
        std::string rest = s.substr(0, g + 1) + s.substr(end);
        auto in = ids.try_emplace(rest, (uint32_t)ids.size());
        if (in.second) {
            split_into(col, rest, raw);
            col.keys_at.push_back((uint32_t)col.keys.size());
        }
        col.value[v.get_docid()] = in.first->second;
        col.group[v.get_docid()] = group_id(s, g + 1, end - g - 1);
    }
    col.made = true;
    /* NSEARCH_TRACE_COLUMN: say when a column is made (the tests check
     * that it is, once per revision). */
    if (getenv("NSEARCH_TRACE_COLUMN"))
        fprintf(stderr, "facets: column made, %u docids, %zu values\n", last,
                ids.size());
}

const FacetColumn *libns::facet_column(ns_index_t *idx)
{
    static const bool off = getenv("NSEARCH_NO_FACET_COLUMN") != nullptr;
    if (off || idx->cluster || idx->wdb)
        return nullptr;
    uint64_t rev = view_revision(idx);
    std::shared_ptr<FacetColumn> &c = idx->facet_column;
    if (!c || c->rev != rev) {
        c = std::make_shared<FacetColumn>();
        c->rev = rev;
    }
    if (c->made)
        return c.get();
    if (c->too_big || ++c->asked < 2)
        return nullptr;
    make_column(*idx->db, *c);
    return c->made ? c.get() : nullptr;
}
