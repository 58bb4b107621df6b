/* fuzz_cluster.cc - libFuzzer harness for the cluster file's parser
 * (cluster.cc): any bytes as a cluster file, read without reaching any
 * shard (cluster_file_problem; through ns_index_open the input would name
 * the hosts to connect to and the programs to start).  Every input must
 * be accepted, or refused with a message that starts with the file's
 * name: "FILE:LINE: " for a bad line, "FILE: " for what is missing, and
 * "'FILE' is a file, not an index directory" for a file whose first line
 * is no 'shard' line (a file of articles given as --db, open.cc). */
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

#include "index-private.h"

using namespace libns;

static char path[] = "/tmp/nsearch-fuzz-cluster-XXXXXX";
static int fd = -1;

static void cleanup(void)
{
    unlink(path);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        if ((fd = mkstemp(path)) < 0)
            abort();
        atexit(cleanup);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    std::string why = cluster_file_problem(path);
    const std::string named = std::string(path) + ":";
    const std::string quoted = "'" + std::string(path) + "' is a file, ";
    if (!why.empty() && why.compare(0, named.size(), named) != 0 &&
        why.compare(0, quoted.size(), quoted) != 0)
        abort();
    return 0;
}
