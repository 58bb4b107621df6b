# Makefile - nsearch: build, test, demo, install.  One non-recursive file.
#
#   make            build bin/nindex, bin/nsearch and bin/nsearchd
#   make demo       install packages if missing, build, index samples/,
#                   search "Azure surveillance"
#   make cluster-demo  three shards of samples/ served by xapian-tcpsrv on
#                   127.0.0.1, searched as one
#   make check      install packages if missing, build, run every test
#   make asan       the tests under AddressSanitizer + UBSan (build/asan)
#   make eval       ranking quality against SQLite FTS5 (TIME, CACM)
#   make eval-related  related posts against an FTS5 baseline (Reuters, BBC)
#   make eval-spelling  "Did you mean" on random typos of Reuters' words
#   make eval-furniture  the plain-text page furniture rule over the corpora
#   make bench      nsearch against SQLite FTS5 (BENCH_N=100000,
#                   BENCH_DIR=/tmp/nsearch-bench, BENCH_CORPORA=reuters,syn)
#   make install    PREFIX=/usr/local DESTDIR= (binaries, manual pages,
#                   systemd units, sysusers.d, tmpfiles.d, examples)
#   make format     check formatting with clang-format
#   make bench-cluster  1, 2 and 4 tcpsrv shards against one index
#                   (BENCH_N=100000, BENCH_DIR=/tmp/nsearch-bench-cluster)
#   make bench-socket  nsearchd throughput and latency (BENCH_DB=DIR
#                   BENCH_QUERIES=FILE)
#   make fuzz       each libFuzzer harness of tests/fuzz for FUZZ_SECONDS (60)
#   make bench-ingest  feeds and pages against JSON Lines (BENCH_PAGES=10000)

CC       ?= cc
CXX      ?= c++
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
PREFIX   ?= /usr/local
PYTHON   ?= python3

# Debian packages the build and the tests need.
DEB_PACKAGES = g++ make pkg-config libxapian-dev xapian-tools libjansson-dev zlib1g-dev \
               libmicrohttpd-dev libxml2-dev libcmark-dev clang curl python3 \
               man-db groff-base python3-prometheus-client nginx strace

PKGS      = xapian-core jansson zlib libxml-2.0 libcmark
WARN      = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wstrict-prototypes \
            -Wmissing-prototypes -Wshadow -Wwrite-strings
CXXWARN   = -std=c++17 -Wall -Wextra
ifeq ($(WERROR),1)
WARN    += -Werror
CXXWARN += -Werror
endif

# Everything builds into $(B); `make asan` reruns make with B=build/asan.
B        ?= build
BIN      ?= bin
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS   = $(WARN) $(CFLAGS) -Icommon $(PKG_CFLAGS) $(SAN)
ALL_CXXFLAGS = $(CXXWARN) $(CXXFLAGS) -Icommon $(PKG_CFLAGS) $(SAN)
LDLIBS_ALL   = $(PKG_LIBS) -lm
# Header dependencies come from the compiler: every compile writes a .d
# file beside its output (-MMD: the headers of this tree it included; -MP:
# a header deleted since is no error), read back at the end of this file.
DEPFLAGS     = -MMD -MP

LIB_C   = common/article.c common/byline-credits.c common/article-date.c common/article-json.c common/buf.c common/date.c common/fold.c common/gen.c common/log.c \
          common/prog.c common/reader.c common/reader-jsonl.c common/reader-kind.c common/reader-gzcheck.c common/reader-file.c common/reader-slugs.c common/reader-origin.c common/reader-notes.c common/mdx.c common/dirwalk.c common/render.c common/textpage.c \
          common/utf8.c common/util.c common/date822.c common/date-dmy.c common/feed.c common/feed-input.c common/feed-elements.c common/feed-item.c \
          common/feed-id.c common/xmlbase.c \
          common/fields.c common/json-labels.c common/json-keys.c common/frontmatter.c common/frontmatter-article.c \
          common/frontmatter-json.c common/frontmatter-keys.c common/frontmatter-value.c common/published.c common/html.c common/jsondoc.c \
          common/jsonfeed.c common/markdown.c common/template.c common/nitf.c common/sniff.c \
          common/wpjson.c common/lang.c common/toml.c common/yaml.c \
          common/wxr.c common/htmlent.c common/charset.c common/html-furniture.c common/html-ld.c \
          common/html-meta.c common/html-text.c common/html-walk.c common/html-story.c \
          common/xmlrepair.c common/blogger.c common/url.c common/zdict.c
LIB_CXX = common/open.cc common/status.cc common/gen-open.cc common/changes.cc common/takedown.cc common/store.cc common/write.cc common/index-fields.cc common/line-breaks.cc common/query.cc \
          common/query-text.cc common/query-hyphens.cc common/query-fields.cc common/query-partial.cc \
          common/search.cc common/search-page.cc common/search-api.cc common/snippet.cc common/snippet-ends.cc common/snippet-runs.cc common/clusters.cc common/digraph-marks.cc common/digraph-readings.cc \
          common/forms.cc common/forms-wildcard.cc common/stem-no.cc common/quoted-word.cc common/phrase-fold.cc common/phrase.cc common/phrase-count.cc common/phrase-scan.cc \
          common/related.cc common/related-dups.cc common/related-window.cc common/limits.cc common/dates.cc common/collapse.cc common/story-title.cc common/versions.cc \
          common/cluster.cc common/cluster-file.cc common/pairs.cc common/byline-pairs.cc common/window.cc common/time-slot.cc \
          common/spelling.cc common/word-distance.cc common/spelling-copy.cc common/facets.cc \
          common/facet-values.cc common/facet-column.cc common/facet-authors.cc common/facet-list.cc \
          common/recency.cc common/results.cc common/totals.cc common/synonyms.cc \
          common/dead-filters.cc common/query-ends.cc common/elision.cc common/apostrophes.cc \
          common/quote-pairs.cc common/stop-words.cc common/query-lucene.cc \
          common/query-lucene-fields.cc common/query-signs.cc \
          common/query-brackets.cc common/query-operators.cc common/query-amounts.cc common/query-percent.cc
LIB_OBJ = $(LIB_C:%.c=$(B)/%.o) $(LIB_CXX:%.cc=$(B)/%.o) $(B)/common/word-lists.o
# The word lists of the pair terms (common/pairs.cc) and of the words a
# query does not search by (common/stop-words.cc), text files compiled
# in as raw strings.
STOP_LANGS = sv da de fr es it nl pt fi
WORD_LISTS = common/common-words-en.txt common/common-words-no.txt \
             common/dense-pairs-en.txt common/stop-words-en.txt \
             $(STOP_LANGS:%=common/stop-words-%.txt)
LIB     = $(B)/libns.a

PROGS   = $(BIN)/nindex $(BIN)/nsearch $(BIN)/nsearchd
UNIT_SRC = $(wildcard tests/unit/test_*.c)
# C++ unit tests reach the library's insides through index-private.h.
UNIT_CXX = $(wildcard tests/unit/test_*.cc)
UNIT     = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%) \
           $(UNIT_CXX:tests/unit/%.cc=$(B)/tests/%)

.PHONY: all deps demo cluster-demo bench-cluster check tests asan eval \
        eval-related eval-spelling eval-proximity eval-furniture bench bench-socket install clean format \
        fuzz fuzz-deps fuzz-server fuzz-search bench-ingest

all: $(PROGS)

# Each object also needs its .d file: an object built before .d files
# were written (none beside it) is built again once, and has one after.
$(B)/%.o: %.c $(B)/%.d
	@mkdir -p $(dir $@)
	$(CC) $(DEPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(B)/%.o: %.cc $(B)/%.d
	@mkdir -p $(dir $@)
	$(CXX) $(DEPFLAGS) $(ALL_CXXFLAGS) -c $< -o $@

$(B)/common/word-lists.cc: $(WORD_LISTS)
	@mkdir -p $(dir $@)
	{ echo '#include "index-private.h"'; \
	  for v in COMMON_WORDS_EN:common-words-en COMMON_WORDS_NO:common-words-no \
	           DENSE_PAIRS_EN:dense-pairs-en STOP_WORDS_EN:stop-words-en \
	           $(foreach l,$(STOP_LANGS),STOP_WORDS_$(shell echo $(l) | tr a-z A-Z):stop-words-$(l)); do \
	    echo "const char libns::$${v%%:*}[] = R\"NSLIST("; \
	    cat common/$${v#*:}.txt; echo ')NSLIST";'; \
	  done; } >$@.tmp && mv $@.tmp $@

$(B)/common/word-lists.o: $(B)/common/word-lists.cc $(B)/common/word-lists.d
	$(CXX) $(DEPFLAGS) $(ALL_CXXFLAGS) -Icommon -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# Linked with $(CXX): libns contains C++ and needs libstdc++.
NINDEX_OBJ = $(B)/indexer/nindex.o $(B)/indexer/sources.o $(B)/indexer/update.o \
             $(B)/indexer/delete.o \
             $(B)/indexer/prune.o $(B)/indexer/undo.o $(B)/indexer/undo-purge.o \
             $(B)/indexer/rebuild.o $(B)/indexer/publish.o \
             $(B)/indexer/shard.o $(B)/indexer/export.o \
             $(B)/indexer/default-lang.o $(B)/indexer/rebuild-drop.o \
             $(B)/indexer/rebuild-stale.o $(B)/indexer/diskfull.o \
             $(B)/indexer/stemless.o $(B)/indexer/rollback.o $(B)/indexer/takedown.o \
             $(B)/indexer/dbdir.o \
             $(B)/indexer/withdraw.o $(B)/indexer/dict-held.o \
             $(B)/indexer/other-site.o

$(BIN)/nindex: $(NINDEX_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) -lpthread

NSEARCH_OBJ = $(B)/searcher/nsearch.o $(B)/searcher/open-index.o \
              $(B)/searcher/text-output.o $(B)/searcher/show.o
NSEARCH_OBJ += $(B)/searcher/json-error.o

$(BIN)/nsearch: $(NSEARCH_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) -lpthread

# nsearchd, the socket server: libmicrohttpd and threads on top of libns.
MHD_CFLAGS   = $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
MHD_LIBS     = $(shell pkg-config --libs libmicrohttpd 2>/dev/null) -lpthread
NSEARCHD_OBJ = $(B)/searcher/nsearchd.o $(B)/searcher/http.o \
               $(B)/searcher/routes.o $(B)/searcher/params.o \
               $(B)/searcher/reply.o $(B)/searcher/workers.o \
               $(B)/searcher/stats.o $(B)/searcher/metrics.o \
               $(B)/searcher/net.o $(B)/searcher/guard.o \
               $(B)/searcher/framing.o $(B)/searcher/cache.o \
               $(B)/searcher/cors.o $(B)/searcher/fdlimit.o

$(NSEARCHD_OBJ): ALL_CFLAGS += $(MHD_CFLAGS)

$(BIN)/nsearchd: $(NSEARCHD_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) $(MHD_LIBS)

$(B)/tests/%: $(B)/tests/unit/%.o $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) -lpthread

$(B)/tests/unit/%.o: tests/unit/%.c $(B)/tests/unit/%.d
	@mkdir -p $(dir $@)
	$(CC) $(DEPFLAGS) $(ALL_CFLAGS) -Itests -c $< -o $@

$(B)/tests/unit/%.o: tests/unit/%.cc $(B)/tests/unit/%.d
	@mkdir -p $(dir $@)
	$(CXX) $(DEPFLAGS) $(ALL_CXXFLAGS) -Itests -c $< -o $@

# ---- Fuzzing the server side (tests/fuzz/) ---------------------------------
# The article parsers' harnesses are plain C and built below (FUZZERS); the
# harnesses that need the whole library and libmicrohttpd are built here.
# Each harness NAME is tests/fuzz/fuzz_NAME.c with the seeds in
# tests/fuzz/corpus/NAME/ and the objects it needs beside libns in
# FUZZ_NAME_OBJ.  `make tests` links each with replay.c into
# $(B)/tests/replay_NAME, which `make check` runs over its corpus
# (tests/cli/t9*-fuzz-*.sh); `make fuzz-server` (part of `make fuzz`) builds
# them with clang's libFuzzer under ASan/UBSan into build/fuzz and runs each
# FUZZ_TIME seconds.
FUZZ_TIME ?= 60
FUZZ_PACKAGES = clang libclang-rt-14-dev

# nsearchd's request handling: the HTTP side without main() and a socket.
FUZZ_HTTP = http
FUZZ_http_OBJ = $(filter-out $(B)/searcher/nsearchd.o,$(NSEARCHD_OBJ))
FUZZ_http_LIBS = $(MHD_LIBS)
FUZZ_HARNESSES += $(FUZZ_HTTP)
$(B)/tests/fuzz/fuzz_http.o: ALL_CFLAGS += $(MHD_CFLAGS) -Isearcher

$(B)/tests/fuzz/%.o: tests/fuzz/%.c $(B)/tests/fuzz/%.d
	@mkdir -p $(dir $@)
	$(CC) $(DEPFLAGS) $(ALL_CFLAGS) -c $< -o $@

.SECONDEXPANSION:
$(B)/tests/replay_%: $(B)/tests/fuzz/fuzz_%.o $(B)/tests/fuzz/walk.o \
                     $$(FUZZ_$$*_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) $(FUZZ_$*_LIBS) -lpthread

REPLAY_SERVER = $(FUZZ_HARNESSES:%=$(B)/tests/replay_%)

# The search side's harnesses (C++, the library's insides), replayed over
# their seeds in make check (t905); `make fuzz-search` fuzzes them.
FUZZ_SEARCH = fuzz_search fuzz_phrase fuzz_cluster fuzz_synonyms
REPLAY_SEARCH = $(FUZZ_SEARCH:%=$(B)/tests/replay_%)
$(B)/tests/replay_fuzz_%: tests/fuzz/fuzz_%.cc $(B)/tests/replay_fuzz_%.d \
                          $(B)/tests/fuzz/walk.o $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(DEPFLAGS) -MT $@ -MF $@.d $(ALL_CXXFLAGS) -o $@ $< \
	  $(B)/tests/fuzz/walk.o $(LIB) $(LDLIBS_ALL) -lpthread

# libFuzzer: the library and the harness objects with coverage
# instrumentation (fuzzer-no-link), each harness linked with libFuzzer's
# main; corpora grow in build/fuzz/corpus/NAME, seeded from the tests'.
fuzz-deps:
	@missing=""; for p in $(FUZZ_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq \
	    --no-install-recommends $$missing >/dev/null || exit 1; \
	  else echo "Run as root: apt-get install -y$$missing"; exit 1; fi; fi

fuzz-server: fuzz-deps
	@$(MAKE) --no-print-directory B=build/fuzz BIN=build/fuzz/bin \
	  CC=clang CXX=clang++ CFLAGS="-O1 -g" CXXFLAGS="-O1 -g" \
	  SAN="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  fuzz-objects
	@for h in $(FUZZ_HARNESSES); do \
	  objs=$$($(MAKE) -s --no-print-directory B=build/fuzz print-fuzz-obj-$$h); \
	  libs=$$($(MAKE) -s --no-print-directory B=build/fuzz print-fuzz-libs-$$h); \
	  clang++ -fsanitize=address,undefined,fuzzer -o build/fuzz/fuzz_$$h \
	    build/fuzz/tests/fuzz/fuzz_$$h.o $$objs build/fuzz/libns.a \
	    $(LDLIBS_ALL) $$libs -lpthread || exit 1; \
	  mkdir -p build/fuzz/corpus/$$h build/fuzz/found/$$h; \
	  echo "fuzz_$$h: $(FUZZ_TIME) s"; \
	  build/fuzz/fuzz_$$h -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/found/$$h/ \
	    build/fuzz/corpus/$$h tests/fuzz/corpus/$$h 2>build/fuzz/fuzz_$$h.log; \
	  rc=$$?; grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' \
	    build/fuzz/fuzz_$$h.log; \
	  grep -E 'cov: [0-9]+' build/fuzz/fuzz_$$h.log | tail -n 1; \
	  if [ $$rc -ne 0 ]; then echo "fuzz_$$h: FOUND a crash, see build/fuzz/found/$$h and build/fuzz/fuzz_$$h.log"; exit 1; fi; \
	done

fuzz-objects: $(FUZZ_HARNESSES:%=$(B)/tests/fuzz/fuzz_%.o) $(LIB) \
              $(foreach h,$(FUZZ_HARNESSES),$(FUZZ_$(h)_OBJ))

print-fuzz-obj-%:
	@echo $(FUZZ_$*_OBJ)
print-fuzz-libs-%:
	@echo $(FUZZ_$*_LIBS)


# Install missing Debian packages: as root with apt-get, otherwise print
# the command to run and stop.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	      || exit 1; \
	  else \
	    echo "Missing packages. Run as root:"; \
	    echo "  apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

# Three shards of samples/ on 127.0.0.1 ports behind one cluster file, and
# the demo query through them (README "Scaling").
cluster-demo: deps
	@$(MAKE) --no-print-directory all
	sh examples/cluster-demo.sh $(BIN)

# The demo index goes where nsearch looks by default (see README), so that
# bin/nsearch works afterwards with no flags.
demo: deps
	@$(MAKE) --no-print-directory all
	$(BIN)/nindex samples
	$(BIN)/nsearch "Azure surveillance"

check: deps
	@$(MAKE) --no-print-directory all tests
	@NSEARCH_BIN=$(CURDIR)/$(BIN) TEST_BIN=$(CURDIR)/$(B)/tests sh tests/run.sh

# The LD_PRELOAD library that records fsync and rename calls for the
# durability test (tests/cli/t067-publish.sh).  Built without $(SAN): it is
# loaded into the sanitizer build's programs too.
SYNCSHIM = $(B)/tests/syncshim.so
$(SYNCSHIM): tests/syncshim.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

# The fuzz harnesses, run over their seed corpora and past crashes without
# libFuzzer (tests/cli/t095-fuzz-replay.sh): a cheap regression test.
FUZZERS = feed html jsondoc markdown jsonl frontmatter nitf
REPLAY  = $(FUZZERS:%=$(B)/tests/fuzz/replay_%)

$(B)/tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
                          $(B)/tests/fuzz/replay_%.h.d $(B)/tests/fuzz/replay_%.r.d $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(DEPFLAGS) -MT $@ -MF $@.h.d $(ALL_CFLAGS) -c tests/fuzz/fuzz_$*.c -o $@.h.o
	$(CC) $(DEPFLAGS) -MT $@ -MF $@.r.d $(ALL_CFLAGS) -c tests/fuzz/replay.c -o $@.r.o
	$(CXX) $(SAN) -o $@ $@.h.o $@.r.o $(LIB) $(LDLIBS_ALL)

tests: $(UNIT) $(REPLAY) $(REPLAY_SERVER) $(REPLAY_SEARCH) $(SYNCSHIM)

# Coverage-guided fuzzing with clang's libFuzzer, each harness for
# FUZZ_SECONDS; seeds from samples/, the shared corpora (SHARED=DIR, else
# ../shared; tests/fuzz/seeds.sh says when there are none) and earlier finds.
# A crash is written to tests/fuzz/found/HARNESS/: commit it with the fix,
# and the replay test keeps it fixed.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS    = -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $(FUZZ_SAN)
# The harnesses link the instrumented library (C and C++, as fuzz-server
# and fuzz-search build it): the parsers call into the C++ side too
# (html.c reads <time datetime> spans with dates.cc), so the C sources
# alone no longer link.
fuzz: deps fuzz-deps
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang CXX=clang++ \
	  CFLAGS="-O1 -g" CXXFLAGS="-O1 -g" \
	  SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" build/fuzz/libns.a
	@for f in $(FUZZERS); do \
	  $(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -Icommon $(PKG_CFLAGS) \
	    -c tests/fuzz/fuzz_$$f.c -o build/fuzz/fuzz_$$f.o && \
	  clang++ $(FUZZ_SAN) -fsanitize=fuzzer build/fuzz/fuzz_$$f.o \
	    build/fuzz/libns.a $(LDLIBS_ALL) -lpthread -o build/fuzz/fuzz_$$f \
	    || exit 1; \
	done
	@sh tests/fuzz/seeds.sh --shared >/dev/null
	@for f in $(FUZZERS); do \
	  rm -rf build/fuzz/corpus_$$f; mkdir -p build/fuzz/corpus_$$f tests/fuzz/found/$$f; \
	  sh tests/fuzz/seeds.sh $$f build/fuzz/corpus_$$f; \
	  echo "fuzz_$$f: $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -artifact_prefix=tests/fuzz/found/$$f/ build/fuzz/corpus_$$f \
	    tests/fuzz/found/$$f 2>build/fuzz/$$f.log || { tail -40 build/fuzz/$$f.log; exit 1; }; \
	  grep -E '^#[0-9]+[[:space:]]*DONE' build/fuzz/$$f.log | tail -n 1; \
	done
	@$(MAKE) --no-print-directory fuzz-server FUZZ_TIME=$(FUZZ_SECONDS)
	@$(MAKE) --no-print-directory fuzz-search FUZZ_TIME=$(FUZZ_SECONDS)

# Indexing rate of feeds and pages against JSON Lines of the same articles.
BENCH_PAGES ?= 10000
$(B)/bench/read_articles: tests/bench/read_articles.c $(B)/bench/read_articles.d $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(DEPFLAGS) -MT $@ -MF $@.d $(ALL_CFLAGS) -c $< -o $@.o
	$(CXX) $(SAN) -o $@ $@.o $(LIB) $(LDLIBS_ALL)

bench-ingest: all $(B)/bench/read_articles
	@NSEARCH_BIN=$(CURDIR)/$(BIN) READ_BIN=$(CURDIR)/$(B)/bench/read_articles \
	  PYTHON=$(PYTHON) BENCH_PAGES=$(BENCH_PAGES) sh tests/bench/ingest.sh

asan: deps
	@$(MAKE) --no-print-directory B=build/asan BIN=build/asan/bin \
	  CFLAGS="-O1 -g" CXXFLAGS="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  all tests
	@NSEARCH_QUICK=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  NSEARCH_BIN=$(CURDIR)/build/asan/bin TEST_BIN=$(CURDIR)/build/asan/tests \
	  sh tests/run.sh

# libFuzzer harnesses (clang) of the search side (part of `make fuzz`): the
# query parser and search path, and phrase checking; each runs FUZZ_TIME
# seconds under
# ASan/UBSan on a seed corpus in build/fuzz/corpus-NAME (seeded from
# tests/fuzz/seeds-NAME).  Findings are left as crash-* files there.
FUZZ_SAN    = -fsanitize=address,undefined -fno-sanitize-recover=all \
              -fno-omit-frame-pointer
fuzz-search: deps fuzz-deps
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang CXX=clang++ \
	  CFLAGS="-O1 -g" CXXFLAGS="-O1 -g" \
	  SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" build/fuzz/libns.a
	@for h in $(FUZZ_SEARCH); do \
	  clang++ -std=c++17 -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer -Icommon \
	    $(PKG_CFLAGS) tests/fuzz/$$h.cc build/fuzz/libns.a $(LDLIBS_ALL) \
	    -lpthread -o build/fuzz/$$h || exit 1; \
	  mkdir -p build/fuzz/corpus-$$h; \
	  cp tests/fuzz/seeds-$$h/* build/fuzz/corpus-$$h/ 2>/dev/null; \
	  echo "$$h: $(FUZZ_TIME) s"; \
	  (cd build/fuzz && NSEARCH_SAMPLES=$(CURDIR)/samples \
	    ./$$h -max_total_time=$(FUZZ_TIME) -max_len=4096 \
	    -print_final_stats=1 corpus-$$h 2>$$h.log) \
	    || { tail -40 build/fuzz/$$h.log; exit 1; }; \
	  grep -E '^#[0-9]+[[:space:]]*DONE' build/fuzz/$$h.log | tail -n 1; \
	done

eval: all
	bash tests/eval/ranking.sh

eval-related: all
	bash tests/eval/related.sh

# Proximity of the query words as a re-ranking signal (measured, not kept):
# Xapian's stemmer from Python, in Debian's interpreter.
eval-proximity: all
	@$(MAKE) --no-print-directory deps DEB_PACKAGES=python3-xapian
	/usr/bin/python3 tests/eval/proximity.py

# "Did you mean" on typos and on words the archive lacks (through nsearch).
eval-spelling: all
	$(PYTHON) tests/eval/spelling.py

eval-furniture: tests
	sh tests/eval/furniture.sh

# A benchmark, not a test: nsearch and SQLite FTS5 side by side in one run;
# prints one table and writes BENCH_DIR/bench.json.
bench: all
	@NSEARCH_BIN=$(CURDIR)/$(BIN) PYTHON=$(PYTHON) sh tests/bench/bench.sh

# A benchmark, not a test: p50/p99 of 1, 2 and 4 shards behind
# xapian-tcpsrv on 127.0.0.1 against one index of the same BENCH_N
# articles, and the build time of the shards built in parallel.
bench-cluster: all
	@NSEARCH_BIN=$(CURDIR)/$(BIN) PYTHON=$(PYTHON) sh tests/bench/cluster.sh

# A benchmark, not a test: 1, 2 and 8 clients against nsearchd, compared
# with `nsearch --batch` in-process.
BENCH_DB      ?= /tmp/r/db
BENCH_QUERIES ?=
bench-socket: all
	$(PYTHON) tests/bench/socket_bench.py --bin $(BIN) --db $(BENCH_DB) \
	  $(if $(BENCH_QUERIES),--queries $(BENCH_QUERIES))

# Where `make install` puts things, all below $(DESTDIR)$(PREFIX).  The
# units, the cron lines and the manual pages are made from templates with
# @BINDIR@ and @VERSION@ replaced, so their paths match PREFIX.
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man
DOCDIR      = $(PREFIX)/share/doc/nsearch
UNITDIR     = $(PREFIX)/lib/systemd/system
SYSUSERSDIR = $(PREFIX)/lib/sysusers.d
TMPFILESDIR = $(PREFIX)/lib/tmpfiles.d
MANPAGES    = indexer/nindex.1 searcher/nsearch.1 searcher/nsearchd.8
UNITS_IN    = examples/nsearchd.service.in examples/nindex-nightly.service.in \
              examples/nindex-weekly.service.in
UNITS       = examples/nsearchd.socket examples/nindex-nightly.timer \
              examples/nindex-weekly.timer examples/nsearch-shard@.service
EXAMPLES    = examples/nginx.conf examples/client.py examples/client.sh \
              examples/cluster-demo.sh
SUBST       = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@VERSION@|$(VERSION)|g'
VERSION     = $(shell sed -n 's/^\#define NS_VERSION "\(.*\)"/\1/p' common/ns.h)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(UNITDIR) \
	  $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
	  $(DESTDIR)$(DOCDIR)/examples
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)/
	for f in $(MANPAGES); do \
	  s=$${f##*.}; $(SUBST) $$f >$(DESTDIR)$(MANDIR)/man$$s/$${f##*/} || exit 1; \
	  chmod 644 $(DESTDIR)$(MANDIR)/man$$s/$${f##*/}; \
	done
	for f in $(UNITS_IN); do \
	  n=$${f##*/}; $(SUBST) $$f >$(DESTDIR)$(UNITDIR)/$${n%.in} || exit 1; \
	  chmod 644 $(DESTDIR)$(UNITDIR)/$${n%.in}; \
	done
	install -m 644 $(UNITS) $(DESTDIR)$(UNITDIR)/
	install -m 644 examples/nsearch.sysusers $(DESTDIR)$(SYSUSERSDIR)/nsearch.conf
	install -m 644 examples/nsearch.tmpfiles $(DESTDIR)$(TMPFILESDIR)/nsearch.conf
	install -m 644 README.md $(DESTDIR)$(DOCDIR)/
	install -m 644 $(EXAMPLES) $(DESTDIR)$(DOCDIR)/examples/
	$(SUBST) examples/crontab.in >$(DESTDIR)$(DOCDIR)/examples/crontab
	chmod 644 $(DESTDIR)$(DOCDIR)/examples/crontab

format:
	clang-format --dry-run --Werror common/*.c common/*.h common/*.cc \
	  indexer/*.c searcher/*.c searcher/*.h tests/unit/*.c tests/unit/*.cc \
	  tests/*.c tests/*.h tests/fuzz/*.c tests/fuzz/*.h

clean:
	rm -rf build bin

# The .d files the compiles wrote (see DEPFLAGS).  Each is named here, with
# no recipe, so that a missing one is a prerequisite to make, not an error,
# and rebuilds what it belongs to.
DEP_OBJ  = $(LIB_OBJ) $(NINDEX_OBJ) $(NSEARCH_OBJ) $(NSEARCHD_OBJ) \
           $(UNIT_SRC:%.c=$(B)/%.o) $(UNIT_CXX:%.cc=$(B)/%.o) \
           $(B)/tests/fuzz/walk.o $(FUZZ_HARNESSES:%=$(B)/tests/fuzz/fuzz_%.o)
DEPFILES = $(DEP_OBJ:.o=.d) $(REPLAY_SEARCH:=.d) $(REPLAY:=.h.d) \
           $(REPLAY:=.r.d) $(B)/bench/read_articles.d
$(DEPFILES):
-include $(wildcard $(DEPFILES))
# Keep object files of the test programs between runs.  Named, not all
# targets: a .d file must not be one, or a missing one rebuilds nothing.
.SECONDARY: $(DEP_OBJ)
