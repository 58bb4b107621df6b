/* test_lock.c - ns_lock() and a lock file removed while a writer waits
 * on it.  A refused run that made a new index's directory removes it,
 * lock file and all, while holding the lock: the writer that waited on
 * the removed file must not go on holding a lock no later writer sees,
 * or two writers would write at once. */
#include <errno.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "ns.h"
#include "testlib.h"

int main(void)
{
    const char *dir = tl_tmpdir();
    char path[4200];
    snprintf(path, sizeof path, "%s/lock", dir);
    int first = ns_lock(dir, 0, NULL);
    CHECK(first >= 0, "the first writer takes the lock");
    int got[2], done[2];
    if (pipe(got) < 0 || pipe(done) < 0)
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        /* The waiting writer: another process, not the first's lock. */
        close(first);
        int fd = ns_lock(dir, 10, NULL);
        struct stat held, now;
        char ok = fd >= 0 && fstat(fd, &held) == 0 && stat(path, &now) == 0 &&
                          held.st_ino == now.st_ino
                      ? 'y'
                      : 'n';
        if (write(got[1], &ok, 1) != 1)
            _exit(1);
        char c;
        if (read(done[0], &c, 1) != 1)
            _exit(1);
        _exit(0);
    }
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL); /* the child is waiting on the file */
    unlink(path);
    ns_unlock(first);
    char ok = 'n';
    CHECK(read(got[0], &ok, 1) == 1, "the waiting writer gets a lock");
    CHECK(ok == 'y', "... on the lock file that is there, not the one removed");
    int third = ns_lock(dir, 0, NULL);
    CHECK(third < 0 && errno == EWOULDBLOCK,
          "a third writer finds the lock held");
    if (third >= 0)
        ns_unlock(third);
    if (write(done[1], "x", 1) != 1)
        return 1;
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child ends");
    return tl_done();
}
