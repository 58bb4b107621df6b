/* gen-open.cc - Opening a generation other than the live one: the newest
 * older one that opens (what --rollback, a rebuild held against the one
 * before, and a reader with no `current` link use), and whether one
 * opens at all.  In C++ for ns_index_open() (gen.c is linked without
 * Xapian into the fuzz harnesses). */
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>

#include "index-private.h"

using namespace libns;

ns_status_t ns_gen_open_older(const char *dir, ns_index_t **out, char *name,
                              size_t size)
{
    *out = nullptr;
    char live[256], path[4400];
    char **names;
    size_t n;
    /* The number of generation S ("gen-000007" is 7), or 0. */
    auto number = [](const char *s) -> unsigned long {
        return strncmp(s, "gen-", 4) == 0 && s[4] &&
                       strspn(s + 4, "0123456789") == strlen(s + 4)
                   ? strtoul(s + 4, nullptr, 10)
                   : 0;
    };
    /* With no `current` at all (unlinked()), every generation is older
     * than the live one that is not there: the newest that opens. */
    struct stat st;
    std::string link = std::string(dir) + "/current";
    unsigned long top;
    if (ns_gen_current(dir, live, sizeof live) == 0)
        top = number(live);
    else
        top = lstat(link.c_str(), &st) < 0 && errno == ENOENT ? ULONG_MAX : 0;
    if (!top || ns_gen_list(dir, &names, &n) < 0) {
        errno = 0;
        return NS_STATUS_NOT_FOUND;
    }
    /* Newest first: names are zero-padded, so name order is number
     * order.  One numbered above the live one was never live, or was
     * rolled back from. */
    for (size_t i = n; i-- > 0 && !*out;) {
        unsigned long k = number(names[i]);
        if (!k || k >= top)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        ns_status_t st = ns_index_open(path, NS_OPEN_READ, out, nullptr);
        if (st == NS_STATUS_IO && errno) {
            /* Out of file descriptors, say: this one is no more damaged
             * than the live one, and passing over it would roll back
             * further than the operator asked. */
            int en = errno;
            snprintf(name, size, "%s", names[i]);
            ns_gen_list_free(names, n);
            errno = en;
            return NS_STATUS_IO;
        }
        if (st == NS_STATUS_OK) {
            snprintf(name, size, "%s", names[i]);
            /* It stands in for DIR: DIR's synonyms, not its own. */
            try {
                (*out)->synonyms_path = std::string(dir) + "/synonyms";
                refresh_synonyms(*out, (*out)->synonyms_path);
            } catch (...) {
            }
        }
    }
    ns_gen_list_free(names, n);
    errno = 0;
    return *out ? NS_STATUS_OK : NS_STATUS_NOT_FOUND;
}

int ns_gen_opens(const char *dir, const char *name)
{
    std::string path = std::string(dir) + "/" + name;
    ns_index_t *idx;
    if (ns_index_open(path.c_str(), NS_OPEN_READ, &idx, nullptr) !=
        NS_STATUS_OK)
        return 0;
    ns_index_close(idx);
    return 1;
}
