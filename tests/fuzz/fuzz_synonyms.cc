/* fuzz_synonyms.cc - libFuzzer harness for the synonyms file's parser
 * (synonyms.cc): any bytes as a synonyms file.  Every input must parse,
 * each problem a line of its own that starts "FILE:LINE: ", and the
 * groups found must each hold two words or more, none of them empty. */
#include <cstdlib>
#include <string>

#include "index-private.h"

using namespace libns;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text((const char *)data, size), name = "syn";
    size_t groups = 0;
    std::string problems = synonyms_problems(text, name, &groups);
    size_t at = 0;
    while (at < problems.size()) {
        size_t end = problems.find('\n', at);
        if (end == std::string::npos)
            abort(); /* every problem ends its line */
        if (problems.compare(at, name.size() + 1, name + ":") != 0 ||
            !isdigit((unsigned char)problems[at + name.size() + 1]))
            abort();
        at = end + 1;
    }
    /* A file of N lines has at most N groups. */
    size_t lines = 1;
    for (char c : text)
        lines += c == '\n';
    if (groups > lines)
        abort();
    return 0;
}
