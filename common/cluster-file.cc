/* cluster-file.cc - Reading the cluster file (README "Scaling: shards on
 * many hosts"): its shards' replicas, spelling copies, synonyms and
 * timeouts, with "FILE:LINE: what is wrong" for a bad line. */
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <fstream>
#include <sys/stat.h>

#include "cluster.h"
#include "index-private.h"

using namespace libns;

bool libns::is_cluster_file(const std::string &path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/* ------------------------------------------------------------------------ */
/* The cluster file                                                         */
/* ------------------------------------------------------------------------ */

static std::vector<std::string> split_words(const std::string &line)
{
    std::vector<std::string> w;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t j = i;
        while (j < line.size() && line[j] != ' ' && line[j] != '\t')
            j++;
        if (j > i)
            w.push_back(line.substr(i, j - i));
        i = j;
    }
    return w;
}

/* The rest of LINE after its first N words, trimmed. */
static std::string rest_after(const std::string &line, size_t n)
{
    size_t i = 0;
    for (size_t k = 0; k < n; k++) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            i++;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t')
            i++;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        i++;
    size_t end = line.size();
    while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        end--;
    return line.substr(i, end - i);
}

static bool parse_seconds(const std::string &text, double *out)
{
    char *end = nullptr;
    errno = 0;
    double v = strtod(text.c_str(), &end);
    if (text.empty() || errno || *end || !(v > 0) || v > 3600)
        return false;
    *out = v;
    return true;
}

bool libns::cluster_parse_uint(const std::string &text, unsigned max,
                               unsigned *out)
{
    long v;
    if (ns_parse_long(text.c_str(), 0, max, &v) < 0)
        return false;
    *out = (unsigned)v;
    return true;
}

/* "tcp HOST:PORT", "prog PROGRAM ARGS...", "local PATH" (words W from 2
 * on, of LINE) into R; false with WHY when it is none of them. */
static bool parse_replica(const std::vector<std::string> &w,
                          const std::string &line, Replica &r, std::string &why)
{
    if (w.size() < 4) {
        why = "a shard line is 'shard N tcp HOST:PORT', 'shard N prog "
              "PROGRAM ARGS' or 'shard N local PATH'";
        return false;
    }
    const std::string &kind = w[2];
    r.label = kind + " " + rest_after(line, 3);
    if (kind == "tcp") {
        if (w.size() != 4) {
            why = "'tcp' takes one HOST:PORT";
            return false;
        }
        size_t colon = w[3].rfind(':');
        unsigned port;
        if (colon == std::string::npos || colon == 0 ||
            !cluster_parse_uint(w[3].substr(colon + 1), 65535, &port) ||
            port == 0) {
            why = "'" + w[3] + "' is not HOST:PORT";
            return false;
        }
        r.kind = Replica::TCP;
        r.host = w[3].substr(0, colon);
        /* [::1]:33333 */
        if (r.host.size() > 2 && r.host.front() == '[' && r.host.back() == ']')
            r.host = r.host.substr(1, r.host.size() - 2);
        r.port = port;
    } else if (kind == "prog") {
        r.kind = Replica::PROG;
        r.program = w[3];
        r.args = rest_after(line, 4);
    } else if (kind == "local") {
        r.kind = Replica::LOCAL;
        r.path = rest_after(line, 3); /* from the file's directory: beside() */
    } else {
        why = "unknown replica kind '" + kind + "' (tcp, prog or local)";
        return false;
    }
    return true;
}

/* PATH of a line of cluster file FILE: a relative one is read from the
 * file's directory, as Xapian reads a stub database's, not from the
 * working directory of whatever opens it (nsearchd's is "/" under
 * systemd, an editor's shell anywhere), which made the same file name
 * other files from each. */
static std::string beside(const std::string &file, const std::string &path)
{
    size_t slash = file.rfind('/');
    if (path.empty() || path[0] == '/' || slash == std::string::npos)
        return path;
    return file.substr(0, slash + 1) + path;
}

/* Where replica R leads: its address, its command, or its directory
 * (resolved, so that a relative path and an absolute one meet). */
static std::string replica_key(const Replica &r)
{
    switch (r.kind) {
    case Replica::TCP:
        return "tcp " + r.host + ":" + std::to_string(r.port);
    case Replica::PROG:
        return "prog " + r.program + " " + r.args;
    case Replica::LOCAL:
        break;
    }
    char *real = realpath(r.path.c_str(), nullptr);
    std::string key = "local " + (real ? std::string(real) : r.path);
    free(real);
    return key;
}

static bool same_replica(const Replica &a, const Replica &b)
{
    return a.kind == b.kind && replica_key(a) == replica_key(b);
}

/* Read the cluster file C->file.  False with the message in WHY,
 * "FILE:LINE: what is wrong" for a bad line. */
bool libns::read_cluster_file(Cluster &c, std::string &why)
{
    std::ifstream in(c.file);
    if (!in) {
        why = "cannot read cluster file '" + c.file + "': " + strerror(errno);
        return false;
    }
    std::string line;
    unsigned lineno = 0;
    std::vector<unsigned> first_line;
    while (std::getline(in, line)) {
        lineno++;
        std::string where = c.file + ":" + std::to_string(lineno) + ": ";
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        size_t hash = line.find('#');
        if (hash != std::string::npos)
            line.erase(hash);
        std::vector<std::string> w = split_words(line);
        if (w.empty())
            continue;
        const std::string &key = w[0];
        if (key == "shard") {
            unsigned n;
            if (w.size() < 2 ||
                !cluster_parse_uint(w[1], NS_MAX_SHARDS - 1, &n)) {
                why = where + "'" + (w.size() > 1 ? w[1] : "") +
                      "' is not a shard number from 0 to " +
                      std::to_string(NS_MAX_SHARDS - 1);
                return false;
            }
            Replica r;
            std::string bad;
            if (!parse_replica(w, line, r, bad)) {
                why = where + bad;
                return false;
            }
            r.path = beside(c.file, r.path);
            r.line = lineno;
            /* One replica twice, for one shard or two, is redundancy that
             * is not there (or a shard answering for another). */
            for (size_t o = 0; o < c.shards.size(); o++)
                for (const Replica &q : c.shards[o])
                    if (same_replica(q, r)) {
                        why = where + "replica '" + r.label +
                              "' is already listed on line " +
                              std::to_string(q.line) +
                              (o == n ? std::string()
                                      : " (shard " + std::to_string(o) + ")");
                        return false;
                    }
            if (c.shards.size() <= n) {
                c.shards.resize(n + 1);
                first_line.resize(n + 1, 0);
            }
            if (!first_line[n])
                first_line[n] = lineno;
            c.shards[n].push_back(r);
        } else if (key == "connect-timeout" || key == "timeout" ||
                   key == "refresh") {
            double *to = key == "timeout"   ? &c.timeout
                         : key == "refresh" ? &c.refresh
                                            : &c.connect_timeout;
            if (w.size() != 2 || !parse_seconds(w[1], to)) {
                why = where + "'" + key +
                      "' needs seconds above 0 and at most 3600";
                return false;
            }
        } else if (key == "spelling") {
            SpellingCopy sc;
            sc.path = beside(c.file, rest_after(line, 1));
            sc.line = lineno;
            if (sc.path.empty()) {
                why = where + "'spelling' needs the PATH of a spelling copy "
                              "(nindex --export-spelling)";
                return false;
            }
            for (const SpellingCopy &o : c.spelling)
                if (o.path == sc.path) {
                    /* Twice would count its words twice. */
                    why = where + "'" + sc.path +
                          "' is already listed on "
                          "line " +
                          std::to_string(o.line);
                    return false;
                }
            if (c.spelling.size() >= NS_MAX_SHARDS) {
                why = where + "more than " + std::to_string(NS_MAX_SHARDS) +
                      " 'spelling' lines";
                return false;
            }
            sc.error = "not opened yet";
            c.spelling.push_back(sc);
        } else if (key == "synonyms") {
            if (c.synonyms_line) {
                why = where + "'synonyms' is already given on line " +
                      std::to_string(c.synonyms_line);
                return false;
            }
            c.synonyms = beside(c.file, rest_after(line, 1));
            c.synonyms_line = lineno;
            if (c.synonyms.empty()) {
                why = where + "'synonyms' needs the PATH of a synonyms file";
                return false;
            }
        } else if (key == "partial") {
            if (w.size() != 2 || (w[1] != "yes" && w[1] != "no")) {
                why = where + "'partial' is 'yes' or 'no'";
                return false;
            }
            c.partial = w[1] == "yes";
        } else if (c.shards.empty() && c.spelling.empty() && !c.synonyms_line &&
                   key.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") !=
                       std::string::npos) {
            /* No word for a keyword, and nothing of a cluster file
             * before it: a file of articles given as --db (arguments
             * swapped) is not told that its first JSON object is an
             * unknown keyword. */
            why = "'" + c.file +
                  "' is a file, not an index directory, and not a cluster "
                  "file (line " +
                  std::to_string(lineno) +
                  " is no 'shard' line): --db names the index directory";
            return false;
        } else {
            why = where + "unknown keyword '" + key +
                  "' (shard, spelling, synonyms, connect-timeout, timeout, "
                  "refresh, partial)";
            return false;
        }
    }
    if (in.bad()) {
        why = "cannot read cluster file '" + c.file + "'";
        return false;
    }
    if (c.shards.empty()) {
        why = c.file + ": no 'shard' line: not a cluster file";
        return false;
    }
    for (size_t i = 0; i < c.shards.size(); i++)
        if (c.shards[i].empty()) {
            why = c.file + ": shard " + std::to_string(i) +
                  " has no replica (shards are numbered from 0 to " +
                  std::to_string(c.shards.size() - 1) + ")";
            return false;
        }
    return true;
}

std::string libns::cluster_file_problem(const std::string &path)
{
    Cluster c;
    c.file = path;
    std::string why;
    return read_cluster_file(c, why) ? std::string() : why;
}
