/* cluster.h - The cluster's own state, shared by the files that read the
 * cluster file (cluster-file.cc) and reach its shards (cluster.cc).
 * Private to libns, C++ only. */
#ifndef NS_CLUSTER_H
#define NS_CLUSTER_H

#include "index-private.h"

namespace libns
{

/* One way to reach a copy of a shard. */
struct Replica {
    enum Kind { TCP, PROG, LOCAL } kind;
    std::string host; /* TCP */
    unsigned port = 0;
    std::string program, args; /* PROG */
    std::string path;          /* LOCAL: an index directory or database */
    std::string label;         /* as the cluster file says it */
    unsigned line = 0;         /* of the cluster file */
};

/* One shard as the front last reached it. */
struct ShardConn {
    bool up = false;
    size_t replica = 0; /* in use, or the last one tried */
    Xapian::Database db;
    std::string zdict, langs, uuid, gen, error;
    bool facets = false; /* its articles have facet values (META_FACETS) */
    bool authors = false; /* ... and author facet values (META_AUTHORS) */
    int time_enc = 0;    /* how it keeps times (META_TIME); 0: no articles */
    std::string sig;     /* what changes when the shard does */
    uint64_t articles = 0;
    double latency_ms = 0;
    double retry_at = 0, backoff = 0; /* while down: when to try again */
};

struct Cluster {
    std::string file;
    std::vector<std::vector<Replica>> shards;
    double connect_timeout = 2.0; /* seconds */
    double timeout = 10.0;
    double refresh = 1.0;
    bool partial = true;
    std::vector<ShardConn> conns;
    std::vector<size_t> preferred; /* the replica to try first, per shard */
    /* The "spelling" lines: copies of the shards' spelling dictionaries
     * (spelling-copy.cc), and the union of those that are up. */
    std::vector<SpellingCopy> spelling;
    std::unique_ptr<Xapian::Database> dict;
    std::string synonyms; /* the "synonyms" line's file (synonyms.cc) */
    unsigned synonyms_line = 0;
    double checked = 0; /* when the shards were last reached */
    uint64_t view = 1;  /* bumped at every switch */
};

} // namespace libns

namespace libns
{
/* Read the cluster file C.file into C.  False with the message in WHY,
 * "FILE:LINE: what is wrong" for a bad line (cluster-file.cc). */
bool read_cluster_file(Cluster &c, std::string &why);
/* TEXT as a number from 0 to MAX. */
bool cluster_parse_uint(const std::string &text, unsigned max, unsigned *out);
} // namespace libns

#endif
