/* test_hostile_files.c — files that vanish, change, never end or are not
 * files while vpnlint reads them. Each gives a clear error (path + cause) or
 * a consistent result (what was there when it was read: never a crash,
 * never a hang, never a mix). POSIX only (FIFOs, unlink of an open file). */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef VPNLINT_CLI_PATH
#define VPNLINT_CLI_PATH ""
#endif

static const char profile[] = "<VPNProfile>\n"
                              "  <NativeProfile>\n"
                              "    <Servers>vpn.example.com</Servers>\n"
                              "    <NativeProtocolType>Pptp</NativeProtocolType>\n"
                              "  </NativeProfile>\n"
                              "</VPNProfile>\n";

static const char phonebook[] = "[Office]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=7\r\n\r\n"
                                "MEDIA=rastapi\r\nPort=VPN2-0\r\n\r\nDEVICE=vpn\r\n"
                                "PhoneNumber=vpn.example.com\r\n";

static char dir[512];

static int setup(void **state)
{
    (void)state;
    /* a hang is a failure: SIGALRM ends the test long before ctest would */
    alarm(120);
    return tu_make_temp_dir(dir, sizeof dir, "vpnlint-files");
}

/* every test starts without a read hook, whatever the last one did */
static int reset_hook(void **state)
{
    (void)state;
    vl_read_hook = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void put_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* Findings of a buffer lint, as a reference for "what was read". */
static size_t findings_of(const void *data, size_t len, const char *name)
{
    vpnlint_report *r = tu_lint_opts(name, data, len, NULL);
    size_t n = vpnlint_report_finding_count(r);
    vpnlint_report_free(r);
    return n;
}

static vpnlint_report *lint_path(const char *path, uint64_t max_bytes, int expect_rc)
{
    vpnlint_options opt = VPNLINT_OPTIONS_INIT;
    opt.max_bytes = max_bytes;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, &opt), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, path), expect_rc);
    return r;
}

/* ---------------------------------------------------------- vanished */

static void test_missing_file(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/gone.xml", dir);
    vpnlint_report *r = lint_path(path, 0, VPNLINT_ENOTFOUND);
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
    assert_int_equal(fi.read_error, VPNLINT_ENOTFOUND);
    assert_non_null(strstr(fi.read_error_message, path));
    assert_non_null(strstr(fi.read_error_message, "no such file"));
    vpnlint_report_free(r);
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open(&h, path), VPNLINT_ENOTFOUND);
    assert_non_null(strstr(vpnlint_error_last(), path));
    vpnlint_nps_reader *nr = NULL;
    assert_true(vpnlint_nps_open(&nr, path) != VPNLINT_OK);
    assert_null(nr);
}

/* ------------------------------------------ changed while being read */

static const char *hook_action;
static char hook_other[600];

/* Runs between "opened and size checked" and "first byte read". */
static void change_hook(const char *path)
{
    if (!strcmp(hook_action, "truncate")) {
        assert_int_equal(truncate(path, 0), 0);
    } else if (!strcmp(hook_action, "half")) {
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(truncate(path, st.st_size / 2), 0);
    } else if (!strcmp(hook_action, "grow")) {
        FILE *f = fopen(path, "ab");
        assert_non_null(f);
        for (int i = 0; i < 4096; i++)
            fputs("<!-- grown while being read -->\n", f);
        assert_int_equal(fclose(f), 0);
    } else if (!strcmp(hook_action, "unlink")) {
        assert_int_equal(unlink(path), 0);
    } else if (!strcmp(hook_action, "replace")) {
        assert_int_equal(rename(hook_other, path), 0);
    }
}

/* A profile larger than stdio's buffer (which may prefetch a block when
 * the size is measured): its end tag comes after 200 KB of comment. */
static char *big_profile(size_t *len)
{
    const char *head = "<VPNProfile>\n  <NativeProfile>\n    <Servers>vpn.example.com</Servers>\n"
                       "    <NativeProtocolType>Pptp</NativeProtocolType>\n  </NativeProfile>\n"
                       "<!-- ";
    const char *tail = " -->\n</VPNProfile>\n";
    size_t hl = strlen(head), pad = 200 * 1024, tl = strlen(tail);
    char *x = malloc(hl + pad + tl + 1);
    memcpy(x, head, hl);
    memset(x + hl, 'c', pad);
    memcpy(x + hl + pad, tail, tl + 1);
    *len = hl + pad + tl;
    return x;
}

static void test_lint_file_changed_while_read(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/p.xml", dir);
    size_t blen = 0;
    char *big = big_profile(&blen);
    size_t want = findings_of(big, blen, "p.xml");
    assert_true(want > 0);
    vpnlint_report *whole = tu_lint_opts("p.xml", big, blen, NULL);
    assert_int_equal(tu_count(whole, "PX001"), 0);
    vpnlint_report_free(whole);
    vl_read_hook = change_hook;

    /* truncated to nothing after it was opened: what was read (nothing, or
     * the block stdio had already fetched) is linted as such: an empty
     * input (IN003) or a cut-off document (PX001), never a crash */
    put_file(path, big, blen);
    hook_action = "truncate";
    vpnlint_report *r = lint_path(path, 0, VPNLINT_OK);
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
    assert_int_equal(fi.read_error, 0);
    assert_true(tu_count(r, "IN003") + tu_count(r, "PX001") >= 1);
    vpnlint_report_free(r);

    /* cut in half: the half that was there is linted (not well-formed) */
    put_file(path, big, blen);
    hook_action = "half";
    r = lint_path(path, 0, VPNLINT_OK);
    assert_true(tu_count(r, "PX001") >= 1);
    vpnlint_report_free(r);

    /* grown past the limit while being read: refused (IN001), nothing parsed */
    put_file(path, profile, sizeof profile - 1);
    hook_action = "grow";
    r = lint_path(path, 4096, VPNLINT_OK);
    assert_int_equal(tu_count(r, "IN001"), 1);
    assert_int_equal(vpnlint_report_finding_count(r), 1);
    vpnlint_report_free(r);

    /* deleted after it was opened: the open file is read whole */
    put_file(path, big, blen);
    hook_action = "unlink";
    r = lint_path(path, 0, VPNLINT_OK);
    assert_int_equal(vpnlint_report_finding_count(r), want);
    vpnlint_report_free(r);
    assert_int_equal(access(path, F_OK), -1);

    /* replaced (renamed over) after it was opened: the old content */
    put_file(path, big, blen);
    snprintf(hook_other, sizeof hook_other, "%s/other.xml", dir);
    put_file(hook_other, "<nothing/>", 10);
    hook_action = "replace";
    r = lint_path(path, 0, VPNLINT_OK);
    assert_int_equal(vpnlint_report_finding_count(r), want);
    vpnlint_report_free(r);

    vl_read_hook = NULL;
    remove(path);
    free(big);
}

static void test_pbk_file_changed_while_read(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
    vl_read_hook = change_hook;

    /* truncated after open, before the first read: an empty phonebook,
     * consistent with what the disk holds */
    put_file(path, phonebook, sizeof phonebook - 1);
    hook_action = "truncate";
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open(&h, path), VPNLINT_OK);
    assert_int_equal(vpnlint_pbk_entry_count(h), 0);
    vpnlint_pbk_free(h);

    /* deleted after open: the whole old phonebook; writing it back is
     * refused (the file is gone: a conflict, never a silent re-create) */
    put_file(path, phonebook, sizeof phonebook - 1);
    hook_action = "unlink";
    assert_int_equal(vpnlint_pbk_open(&h, path), VPNLINT_OK);
    vl_read_hook = NULL;
    assert_int_equal(vpnlint_pbk_entry_count(h), 1);
    assert_int_equal(vpnlint_pbk_set(h, "Office", "VpnStrategy", "14", -1, -1, -1), VPNLINT_OK);
    int rc = vpnlint_pbk_write(NULL, h);
    assert_true(rc != VPNLINT_OK);
    assert_int_equal(access(path, F_OK), -1); /* nothing was written */
    vpnlint_pbk_free(h);

    /* replaced between read and write: the write is refused, the new file
     * is left as it is */
    put_file(path, phonebook, sizeof phonebook - 1);
    assert_int_equal(vpnlint_pbk_open(&h, path), VPNLINT_OK);
    assert_int_equal(vpnlint_pbk_set(h, "Office", "VpnStrategy", "14", -1, -1, -1), VPNLINT_OK);
    const char other[] = "[Other]\r\nType=2\r\n";
    put_file(path, other, sizeof other - 1);
    assert_int_equal(vpnlint_pbk_write(NULL, h), VPNLINT_ECONFLICT);
    vpnlint_pbk_free(h);
    size_t n = 0;
    char *now = tu_read_file(path, &n);
    assert_int_equal(n, sizeof other - 1);
    assert_memory_equal(now, other, n);
    free(now);
    remove(path);
}

/* -------------------------------------------------------------- FIFOs */

/* A child that opens the FIFO for writing and writes `n` bytes of `s` in
 * two pieces (then `extra` more bytes of 'x'). */
static pid_t fifo_writer(const char *fifo, const char *s, size_t n, size_t extra)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        int fd = open(fifo, O_WRONLY);
        if (fd < 0)
            _exit(1);
        size_t half = n / 2;
        if (write(fd, s, half) != (ssize_t)half)
            _exit(2);
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
        if (write(fd, s + half, n - half) != (ssize_t)(n - half))
            _exit(3);
        char junk[4096];
        memset(junk, 'x', sizeof junk);
        while (extra > 0) {
            size_t k = extra < sizeof junk ? extra : sizeof junk;
            if (write(fd, junk, k) != (ssize_t)k)
                _exit(0); /* the reader stopped reading: fine */
            extra -= k;
        }
        close(fd);
        _exit(0);
    }
    return pid;
}

static void test_fifo_inputs(void **state)
{
    (void)state;
    char fifo[600];
    snprintf(fifo, sizeof fifo, "%s/pipe.xml", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);

    /* a profile arriving in pieces through a pipe (process substitution):
     * read to its end and linted like the same bytes from a file */
    size_t want = findings_of(profile, sizeof profile - 1, "pipe.xml");
    pid_t pid = fifo_writer(fifo, profile, sizeof profile - 1, 0);
    vpnlint_report *r = lint_path(fifo, 0, VPNLINT_OK);
    assert_int_equal(vpnlint_report_finding_count(r), want);
    vpnlint_report_free(r);
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);

    /* a pipe that never ends (more than the limit): refused, nothing kept */
    pid = fifo_writer(fifo, profile, sizeof profile - 1, 1u << 20);
    r = lint_path(fifo, 65536, VPNLINT_OK);
    assert_int_equal(tu_count(r, "IN001"), 1);
    assert_int_equal(vpnlint_report_finding_count(r), 1);
    vpnlint_finding f;
    assert_int_equal(vpnlint_report_finding(&f, r, 0), VPNLINT_OK);
    /* its full size is unknown: the message says so instead of a byte count */
    assert_non_null(strstr(f.message, "more than 65536 bytes"));
    assert_non_null(strstr(f.message, "full size is unknown"));
    vpnlint_report_free(r);
    kill(pid, SIGKILL);
    assert_int_equal(waitpid(pid, &st, 0), pid);

    /* the phonebook editor wants a regular file: a FIFO (even one nobody
     * writes to) is refused at once, with the cause, and never hangs */
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open(&h, fifo), VPNLINT_EIO);
    assert_null(h);
    assert_non_null(strstr(vpnlint_error_last(), "not a regular file"));
    /* so is a folder */
    assert_true(vpnlint_pbk_open(&h, dir) != VPNLINT_OK);
    assert_null(h);
    remove(fifo);
}

/* ------------------------------------------------- explain --event CLI */

static void test_event_file_over_limit_is_refused_unread(void **state)
{
    (void)state;
    if (!VPNLINT_CLI_PATH[0] || access(VPNLINT_CLI_PATH, X_OK) != 0)
        fail_msg("the CLI was not built: %s", VPNLINT_CLI_PATH);
    char path[600], cmd[1600];
    snprintf(path, sizeof path, "%s/events.txt", dir);
    assert_int_equal(tu_set_file_size(path, 1024LL * 1024 * 1024), 0); /* sparse */
    snprintf(cmd, sizeof cmd, "'%s' explain --event '%s' 2>&1", VPNLINT_CLI_PATH, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char out[4096];
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) != 0);
    assert_non_null(strstr(out, "1073741824 bytes is larger than 64 MiB"));
    assert_non_null(strstr(out, "nothing was read"));
    remove(path);
    /* and a missing event file names the cause */
    snprintf(cmd, sizeof cmd, "'%s' explain --event '%s/none.txt' 2>&1", VPNLINT_CLI_PATH, dir);
    p = popen(cmd, "r");
    n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    st = pclose(p);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) != 0);
    assert_non_null(strstr(out, "No such file"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_missing_file, reset_hook),
        cmocka_unit_test_setup(test_lint_file_changed_while_read, reset_hook),
        cmocka_unit_test_setup(test_pbk_file_changed_while_read, reset_hook),
        cmocka_unit_test_setup(test_fifo_inputs, reset_hook),
        cmocka_unit_test_setup(test_event_file_over_limit_is_refused_unread, reset_hook),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
#else
int main(void)
{
    /* FIFOs and unlinking open files are POSIX; the Windows reader opens
     * phonebooks with FILE_SHARE_READ only (see pbk/write.c). */
    return 0;
}
#endif
