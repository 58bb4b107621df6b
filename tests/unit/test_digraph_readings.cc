/* test_digraph_readings.cc - The spellings without their letters that a
 * word typed with å, ø, ö, ä or ü is also searched by
 * (common/digraph-readings.cc), and the edits "Did you mean" counts with
 * diacritics folded (common/spelling.cc folded_edits). */
#include "index-private.h"
#include "testlib.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace libns;

/* The readings of WORD, sorted and joined by spaces. */
static std::string readings(const char *word)
{
    std::vector<std::string> r = digraph_readings(word);
    std::sort(r.begin(), r.end());
    std::string out;
    for (const std::string &w : r)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

int main(void)
{
    CHECK(readings("\xc3\xa5rhus") == "aarhus arhus", "århus: aarhus, arhus");
    CHECK(readings("\xc3\xb8"
                   "deg\xc3\xa5rd") == "odegaard odegard oedegaard oedegard",
          "ødegård: each letter either way");
    CHECK(readings("m\xc3\xbcller") == "mueller muller", "müller");
    CHECK(readings("caf\xc3\xa9") == "", "café: no digraph letter");
    CHECK(readings("poet") == "" && readings("aaron") == "",
          "a word typed without the letters has none");
    CHECK(readings("\xc3\xa6r\xc3\xb8") == "aero aeroe",
          "ærø: æ is ae either way");
    CHECK(readings("\xc3\xa5\xc3\xa5\xc3\xa5\xc3\xa5") == "aaaa aaaaaaaa",
          "four letters: plain and all digraphs only");
    CHECK(digraph_readings("\xc3\xa5\xc3\xa5\xc3\xa5").size() == 8,
          "three letters: eight readings");

    CHECK(folded_edits("muler", "m\xc3\xbcller") == 1,
          "muler to müller: one edit folded");
    CHECK(folded_edits("muller", "m\xc3\xbcller") == 0, "the accent is none");
    CHECK(folded_edits("azuer", "azure") == 1, "a swap is one edit");
    CHECK(folded_edits("covid", "could") == 2, "covid to could: two");
    CHECK(folded_edits("", "abc") == 3 && folded_edits("abc", "") == 3,
          "from and to nothing");
    return tl_done();
}
