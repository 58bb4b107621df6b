# Makefile - nsearch: build, test, demo, install.  One non-recursive file.
#
#   make            build bin/nindex, bin/nsearch and bin/nsearchd
#   make demo       install packages if missing, build, index samples/,
#                   search "Azure surveillance"
#   make check      install packages if missing, build, run every test
#   make asan       the tests under AddressSanitizer + UBSan (build/asan)
#   make eval       ranking quality against SQLite FTS5 (TIME, CACM)
#   make eval-related  related posts against an FTS5 baseline (Reuters, BBC)
#   make bench      nsearch against SQLite FTS5 (BENCH_N=100000,
#                   BENCH_DIR=/tmp/nsearch-bench, BENCH_CORPORA=reuters,syn)
#   make install    PREFIX=/usr/local DESTDIR= (binaries, manual pages,
#                   systemd units, sysusers.d, tmpfiles.d, examples)
#   make format     check formatting with clang-format
#   make bench-socket  nsearchd throughput and latency (BENCH_DB=DIR
#                   BENCH_QUERIES=FILE)

CC       ?= cc
CXX      ?= c++
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
PREFIX   ?= /usr/local
PYTHON   ?= python3

# Debian packages the build and the tests need.
DEB_PACKAGES = g++ make pkg-config libxapian-dev libjansson-dev zlib1g-dev \
               libmicrohttpd-dev curl python3 man-db groff-base \
               python3-prometheus-client nginx

PKGS      = xapian-core jansson zlib
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

LIB_C   = common/article.c common/buf.c common/gen.c common/log.c common/prog.c \
          common/reader.c common/render.c common/util.c
LIB_CXX = common/open.cc common/store.cc common/write.cc common/query.cc \
          common/search.cc common/phrase.cc common/phrase-scan.cc \
          common/related.cc common/dates.cc common/collapse.cc
LIB_OBJ = $(LIB_C:%.c=$(B)/%.o) $(LIB_CXX:%.cc=$(B)/%.o)
LIB     = $(B)/libns.a

PROGS   = $(BIN)/nindex $(BIN)/nsearch $(BIN)/nsearchd
UNIT_SRC = $(wildcard tests/unit/test_*.c)
# C++ unit tests reach the library's insides through index-private.h.
UNIT_CXX = $(wildcard tests/unit/test_*.cc)
UNIT     = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%) \
           $(UNIT_CXX:tests/unit/%.cc=$(B)/tests/%)

.PHONY: all deps demo check tests asan eval eval-related bench bench-socket \
        install clean format
# Keep object files of the test programs between runs.
.SECONDARY:

all: $(PROGS)

$(B)/%.o: %.c common/ns.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/%.o: %.cc common/ns.h common/index-private.h
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# Linked with $(CXX): libns contains C++ and needs libstdc++.
NINDEX_OBJ = $(B)/indexer/nindex.o $(B)/indexer/sources.o $(B)/indexer/update.o \
             $(B)/indexer/prune.o $(B)/indexer/undo.o $(B)/indexer/rebuild.o
$(NINDEX_OBJ): indexer/nindex.h

$(BIN)/nindex: $(NINDEX_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) -lpthread

$(BIN)/nsearch: $(B)/searcher/nsearch.o $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) -lpthread

# nsearchd, the socket server: libmicrohttpd and threads on top of libns.
MHD_CFLAGS   = $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
MHD_LIBS     = $(shell pkg-config --libs libmicrohttpd 2>/dev/null) -lpthread
NSEARCHD_OBJ = $(B)/searcher/nsearchd.o $(B)/searcher/http.o \
               $(B)/searcher/routes.o $(B)/searcher/params.o \
               $(B)/searcher/reply.o $(B)/searcher/workers.o \
               $(B)/searcher/stats.o $(B)/searcher/metrics.o \
               $(B)/searcher/net.o

$(NSEARCHD_OBJ): ALL_CFLAGS += $(MHD_CFLAGS)
$(NSEARCHD_OBJ): searcher/http.h searcher/net.h searcher/server.h

$(BIN)/nsearchd: $(NSEARCHD_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) $(MHD_LIBS)

$(B)/tests/%: $(B)/tests/unit/%.o $(LIB)
	@mkdir -p $(dir $@)
	$(CXX) $(SAN) -o $@ $^ $(LDLIBS_ALL) -lpthread

$(B)/tests/unit/%.o: tests/unit/%.c tests/testlib.h common/ns.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests -c $< -o $@

$(B)/tests/unit/%.o: tests/unit/%.cc tests/testlib.h common/ns.h \
                     common/index-private.h
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -Itests -c $< -o $@

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

# The demo index goes where nsearch looks by default (see README), so that
# bin/nsearch works afterwards with no flags.
demo: deps
	@$(MAKE) --no-print-directory all
	$(BIN)/nindex samples
	$(BIN)/nsearch "Azure surveillance"

check: deps
	@$(MAKE) --no-print-directory all tests
	@NSEARCH_BIN=$(CURDIR)/$(BIN) TEST_BIN=$(CURDIR)/$(B)/tests sh tests/run.sh

tests: $(UNIT)

asan: deps
	@$(MAKE) --no-print-directory B=build/asan BIN=build/asan/bin \
	  CFLAGS="-O1 -g" CXXFLAGS="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  all tests
	@NSEARCH_QUICK=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  NSEARCH_BIN=$(CURDIR)/build/asan/bin TEST_BIN=$(CURDIR)/build/asan/tests \
	  sh tests/run.sh

eval: all
	bash tests/eval/ranking.sh

eval-related: all
	bash tests/eval/related.sh

# A benchmark, not a test: nsearch and SQLite FTS5 side by side in one run;
# prints one table and writes BENCH_DIR/bench.json.
bench: all
	@NSEARCH_BIN=$(CURDIR)/$(BIN) PYTHON=$(PYTHON) sh tests/bench/bench.sh

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
              examples/nindex-weekly.timer
EXAMPLES    = examples/nginx.conf examples/client.py examples/client.sh
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
	  tests/*.h

clean:
	rm -rf build bin
