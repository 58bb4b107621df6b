#!/bin/sh
# t600-install.sh - `make install` lays out a service: the binaries, the
# manual pages (rendered by man), the systemd units with paths that match
# PREFIX (checked by systemd-analyze verify when it is there), the
# sysusers.d and tmpfiles.d entries (applied to a scratch root by
# systemd-sysusers and systemd-tmpfiles when they are there), and the
# examples.
. "$(dirname "$0")/lib.sh"

# Install what this run tests: bin/ by default, or the binaries of
# NSEARCH_BIN (make asan) with their build directory.
if [ "$NSEARCH_BIN" = "$top/bin" ]; then
    set -- make -s -C "$top"
else
    set -- make -s -C "$top" BIN="$NSEARCH_BIN" B="${NSEARCH_BIN%/bin}"
fi
run out err "$@" install DESTDIR="$TMP/dest" PREFIX=/usr
check "make install DESTDIR PREFIX=/usr: exit 0" is "$rc" 0
[ "$rc" -eq 0 ] || cat "$TMP/err"

d=$TMP/dest/usr
for f in bin/nindex bin/nsearch bin/nsearchd; do
    check "installed $f, executable" test -x "$d/$f"
done
for f in share/man/man1/nindex.1 share/man/man1/nsearch.1 \
    share/man/man8/nsearchd.8 \
    lib/systemd/system/nsearchd.service lib/systemd/system/nsearchd.socket \
    lib/systemd/system/nindex-nightly.service \
    lib/systemd/system/nindex-nightly.timer \
    lib/systemd/system/nindex-weekly.service \
    lib/systemd/system/nindex-weekly.timer \
    lib/systemd/system/nsearch-shard@.service \
    lib/sysusers.d/nsearch.conf lib/tmpfiles.d/nsearch.conf \
    share/doc/nsearch/README.md share/doc/nsearch/examples/nginx.conf \
    share/doc/nsearch/examples/crontab share/doc/nsearch/examples/client.py \
    share/doc/nsearch/examples/client.sh \
    share/doc/nsearch/examples/cluster-demo.sh; do
    check "installed $f, mode 644" is "$(stat -c %a "$d/$f" 2>/dev/null)" 644
done
check "nothing else installed" is "$(find "$TMP/dest" -type f | wc -l)" 21
check "no template left unfilled" sh -c \
    "! grep -rl '@BINDIR@\|@VERSION@' '$d/lib' '$d/share/man' '$d/share/doc/nsearch/examples'"
check "nightly unit runs /usr/bin/nindex" \
    grep -q '^ExecStart=/usr/bin/nindex .*--prune' "$d/lib/systemd/system/nindex-nightly.service"
check "weekly unit rebuilds with /usr/bin/nindex" \
    grep -q '^ExecStart=/usr/bin/nindex .*--rebuild' "$d/lib/systemd/system/nindex-weekly.service"
check "server unit runs /usr/bin/nsearchd" \
    grep -q '^ExecStart=/usr/bin/nsearchd ' "$d/lib/systemd/system/nsearchd.service"
check "nightly unit fails on 4 and 5 (only 3 and 75 succeed)" \
    grep -qx 'SuccessExitStatus=3 75' "$d/lib/systemd/system/nindex-nightly.service"
check "cron lines use absolute paths" sh -c \
    "grep -v '^#' '$d/share/doc/nsearch/examples/crontab' | grep -q ' /usr/bin/nindex ' &&
     ! grep -v '^#' '$d/share/doc/nsearch/examples/crontab' | grep -q ' nindex '"
# A night whose job finds yesterday's still running: the cron line, run
# with the lock held, says 75 (as nindex's own lock), not flock's 1.
line=$(grep -v '^#' "$d/share/doc/nsearch/examples/crontab" | grep -- '--prune' |
    sed 's/^[^n]*nsearch  //; s|/var/lib/nsearch/cron.lock|'"$TMP"'/cron.lock|; s|/usr/bin/nindex|true|')
flock "$TMP/cron.lock" sleep 3 &
sleep 0.5
check "cron: a run still going says exit status 75" \
    is "$(sh -c "$line")" "nindex --prune: exit status 75"
wait

# PREFIX is followed everywhere.
"$@" install DESTDIR="$TMP/local" PREFIX=/usr/local >/dev/null 2>&1
check "PREFIX=/usr/local: units run /usr/local/bin" \
    grep -q '^ExecStart=/usr/local/bin/nindex ' "$TMP/local/usr/local/lib/systemd/system/nindex-nightly.service"
check "PREFIX=/usr/local: binaries there" test -x "$TMP/local/usr/local/bin/nsearchd"

# The manual pages render, without warnings, with what they must say.
for page in man1/nindex.1 man1/nsearch.1 man8/nsearchd.8; do
    run txt warn env MANWIDTH=80 man -l "$d/share/man/$page"
    check "man -l $page renders" is "$rc" 0
    check "man -l $page: no warnings" is "$(cat "$TMP/warn")" ""
    check "$page has EXIT STATUS" contains "$TMP/txt" "EXIT STATUS"
    check "$page names the version" contains "$TMP/txt" "nsearch 0."
done
MANWIDTH=80 man -l "$d/share/man/man1/nsearch.1" >"$TMP/nsearch.txt" 2>/dev/null
check "nsearch(1) has the query language" contains "$TMP/nsearch.txt" "QUERY LANGUAGE"
check "nsearch(1) explains NEAR" contains "$TMP/nsearch.txt" "NEAR/3"
MANWIDTH=80 man -l "$d/share/man/man1/nindex.1" >"$TMP/nindex.txt" 2>/dev/null
check "nindex(1) documents exit 4 and 5" sh -c \
    "grep -q '^       4' '$TMP/nindex.txt' && grep -q '^       5' '$TMP/nindex.txt'"
check "nindex(1) explains undo" contains "$TMP/nindex.txt" "DIR/deleted"
MANWIDTH=80 man -l "$d/share/man/man8/nsearchd.8" >"$TMP/nsearchd.txt" 2>/dev/null
check "nsearchd(8) lists /metrics" contains "$TMP/nsearchd.txt" "/metrics"
for p in nindex nsearch nsearchd; do
    "$NSEARCH_BIN/$p" --help >"$TMP/help" 2>&1
    check "$p --help names its manual page" grep -q "$p([18])" "$TMP/help"
    check "$p --help does not send to the README" lacks "$TMP/help" "README"
done

# The units as systemd reads them.  verify needs the binaries at the
# paths the units name, so this install has no DESTDIR.
if command -v systemd-analyze >/dev/null 2>&1; then
    "$@" install PREFIX="$TMP/prefix" >/dev/null 2>&1
    run out err env MANPATH="$TMP/prefix/share/man" systemd-analyze verify \
        "$TMP/prefix/lib/systemd/system/"*
    check "systemd-analyze verify passes on the installed units" is "$rc" 0
    [ "$rc" -eq 0 ] || cat "$TMP/out" "$TMP/err"
else
    echo "skipped: systemd-analyze verify (systemd-analyze is not installed)"
fi
if command -v systemd-sysusers >/dev/null 2>&1 &&
    command -v systemd-tmpfiles >/dev/null 2>&1; then
    mkdir -p "$TMP/dest/etc"
    systemd-sysusers --root="$TMP/dest" >/dev/null 2>&1
    check "sysusers.d creates the nsearch user" grep -q '^nsearch:' "$TMP/dest/etc/passwd"
    systemd-tmpfiles --root="$TMP/dest" --create >/dev/null 2>&1
    uid=$(sed -n 's/^nsearch:x:\([0-9]*\):.*/\1/p' "$TMP/dest/etc/passwd")
    check "tmpfiles.d makes /var/lib/nsearch/db for it" \
        is "$(stat -c %u "$TMP/dest/var/lib/nsearch/db" 2>/dev/null)" "$uid"
else
    echo "skipped: sysusers.d and tmpfiles.d (systemd-sysusers or systemd-tmpfiles is not installed)"
fi

finish
