#!/bin/sh
# furniture.sh - The furniture rule of the plain-text page reader against
# the shared corpora: every Reuters, BBC and TIME article written out as a
# plain-text page (title line, blank line, body) and read back through the
# page rules.  Prints, per corpus, how many articles had anything cut, the
# largest share of an article's words cut (the bar is 1%), and how many
# took their author from a byline.  make check runs the same over the first
# 4,000 articles of each corpus (tests/unit/test_textpage.c).
#
#   sh tests/eval/furniture.sh      (after make tests)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
TEST_BIN=${TEST_BIN:-$top/build/tests}
SHARED=${SHARED:-$top/../shared}
export SHARED
NSEARCH_FURNITURE_ALL=1 "$TEST_BIN/test_textpage" | grep '^furniture rule'
