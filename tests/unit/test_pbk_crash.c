/* test_pbk_crash.c — the writer killed with SIGKILL during `set`: the
 * phonebook is always the old or the new version, never partial, and the
 * backup restores the old bytes.
 *
 * 1. Deterministic: a child process runs the library's set + write with a
 *    hook that SIGKILLs itself at each stage of the writer (after the
 *    conflict check, half-way through the backup, after the backup, half-way
 *    through the temp file, after its flush, after the rename, at the end).
 * 2. Random: children running the library or the `vpnlint pbk set` CLI are
 *    SIGKILLed after a random delay (30 trials, fixed seed; override with
 *    VPNLINT_CRASH_TRIALS / VPNLINT_CRASH_SEED).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pbk/edit.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef VPNLINT_CLI_PATH
#define VPNLINT_CLI_PATH ""
#endif

static char *old_bytes, *new_bytes;
static size_t old_len, new_len;
static int kill_stage;

/* A large phonebook (about 1.5 MB) so that writes take a while. */
static void make_content(void)
{
    size_t cap = 2u << 20, n = 0;
    old_bytes = malloc(cap);
    for (int i = 0; i < 3000 && n + 600 < cap; i++)
        n += (size_t)snprintf(old_bytes + n, cap - n,
                              "[VPN %04d]\r\nEncoding=1\r\nPBVersion=8\r\nType=2\r\n"
                              "VpnStrategy=7\r\nDataEncryption=256\r\nAuthRestrictions=128\r\n"
                              "CustomAuthKey=25\r\nIpInterfaceMetric=0\r\n\r\nNETCOMPONENTS=\r\n"
                              "ms_msclient=1\r\nms_server=1\r\n\r\nMEDIA=rastapi\r\n"
                              "Port=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n\r\nDEVICE=vpn\r\n"
                              "PhoneNumber=vpn%04d.example.com\r\nAreaCode=\r\nCountryCode=0\r\n"
                              "CountryID=0\r\nUseDialingRules=0\r\nComment=\r\nFriendlyName=\r\n"
                              "LastSelectedPhone=0\r\nPromoteAlternates=0\r\n"
                              "TryNextAlternateOnFail=1\r\n\r\n",
                              i, i);
    old_len = n;
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open_buffer(&h, old_bytes, old_len), 0);
    assert_int_equal(vpnlint_pbk_set(h, "VPN 1500", "VpnStrategy", "14", -1, -1, -1), 0);
    const void *d;
    assert_int_equal(vpnlint_pbk_bytes(&d, &new_len, h), 0);
    new_bytes = malloc(new_len);
    memcpy(new_bytes, d, new_len);
    vpnlint_pbk_free(h);
    assert_true(new_len == old_len + 1);
}

static int setup(void **state)
{
    (void)state;
    make_content();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(old_bytes);
    free(new_bytes);
    return 0;
}

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *t = malloc(512);
    snprintf(t, 512, "%s/vpnlint-pbk-crash-XXXXXX", base && *base ? base : "/tmp");
    assert_non_null(mkdtemp(t));
    return t;
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char p[1024];
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

/* Finds the one *.bak in dir; returns how many there are. */
static int find_backup(const char *dir, char *out, size_t cap)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".bak")) {
            snprintf(out, cap, "%s/%s", dir, e->d_name);
            n++;
        }
    }
    if (d)
        closedir(d);
    return n;
}

/* 0 = old, 1 = new; fails the test for anything else. */
static int classify(const char *path)
{
    unsigned char *d = NULL;
    size_t n = 0;
    assert_int_equal(vl_pbk_read(path, &d, &n), 0);
    int r = -1;
    if (n == old_len && memcmp(d, old_bytes, n) == 0)
        r = 0;
    else if (n == new_len && memcmp(d, new_bytes, n) == 0)
        r = 1;
    vpnlint_free(d);
    if (r < 0)
        fail_msg("%s is neither the old nor the new phonebook (%zu bytes)", path, n);
    return r;
}

static void check_backup_restores(const char *dir, const char *path, bool must_exist)
{
    char bak[1024];
    int nb = find_backup(dir, bak, sizeof bak);
    if (must_exist)
        assert_int_equal(nb, 1);
    if (nb == 0)
        return;
    assert_int_equal(nb, 1);
    unsigned char *d = NULL;
    size_t n = 0;
    assert_int_equal(vl_pbk_read(bak, &d, &n), 0);
    assert_int_equal(n, old_len); /* a backup is never partial */
    assert_memory_equal(d, old_bytes, n);
    vpnlint_free(d);
    char *target = NULL;
    assert_int_equal(vpnlint_pbk_restore(&target, NULL, bak, NULL), 0);
    assert_string_equal(target, path);
    vpnlint_free(target);
    assert_int_equal(classify(path), 0);
}

static void kill_hook(int stage)
{
    if (stage == kill_stage)
        raise(SIGKILL);
}

static void child_library_set(const char *path, int stage)
{
    kill_stage = stage;
    vl_pbk_write_hook = stage ? kill_hook : NULL;
    vpnlint_pbk *h = NULL;
    if (vpnlint_pbk_open(&h, path) != 0)
        _exit(10);
    if (vpnlint_pbk_set(h, "VPN 1500", "VpnStrategy", "14", -1, -1, -1) != 0)
        _exit(11);
    char *backup = NULL;
    int rc = vpnlint_pbk_write(&backup, h);
    _exit(rc == 0 ? 0 : 12);
}

static void test_kill_at_every_stage(void **state)
{
    (void)state;
    for (int stage = VL_PBK_STAGE_CHECKED; stage <= VL_PBK_STAGE_DONE; stage++) {
        char *dir = make_tmpdir();
        char path[600];
        snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
        write_file(path, old_bytes, old_len);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            child_library_set(path, stage);
        int st = 0;
        assert_int_equal(waitpid(pid, &st, 0), pid);
        if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
            fail_msg("stage %d: the writer was not killed (status %d)", stage, st);
        int got = classify(path);
        assert_int_equal(got, stage >= VL_PBK_STAGE_RENAMED ? 1 : 0);
        check_backup_restores(dir, path, stage >= VL_PBK_STAGE_BACKUP_DONE);
        rm_tree(dir);
        free(dir);
    }
}

static void test_unkilled_writer_writes_new(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
    write_file(path, old_bytes, old_len);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0)
        child_library_set(path, 0);
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_int_equal(classify(path), 1);
    check_backup_restores(dir, path, true);
    rm_tree(dir);
    free(dir);
}

static pid_t spawn_writer(const char *path, bool use_cli)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (use_cli) {
            int nul = open("/dev/null", O_WRONLY);
            if (nul >= 0) {
                dup2(nul, 1);
                dup2(nul, 2);
            }
            execl(VPNLINT_CLI_PATH, VPNLINT_CLI_PATH, "pbk", "set", path, "--entry", "VPN 1500",
                  "--key", "VpnStrategy", "--value", "14", (char *)NULL);
            _exit(127);
        }
        child_library_set(path, 0);
    }
    return pid;
}

/* Microseconds one complete, unkilled write takes (also checks it works). */
static long run_once_us(bool use_cli)
{
    char *dir = make_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
    write_file(path, old_bytes, old_len);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = spawn_writer(path, use_cli);
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    clock_gettime(CLOCK_MONOTONIC, &b);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_int_equal(classify(path), 1);
    rm_tree(dir);
    free(dir);
    return (b.tv_sec - a.tv_sec) * 1000000L + (b.tv_nsec - a.tv_nsec) / 1000L;
}

static void test_kill_at_random_points(void **state)
{
    (void)state;
    const char *e = getenv("VPNLINT_CRASH_TRIALS");
    int trials = e ? atoi(e) : 30;
    e = getenv("VPNLINT_CRASH_SEED");
    unsigned seed = e ? (unsigned)strtoul(e, NULL, 10) : 20240601u;
    srand(seed);
    bool have_cli = VPNLINT_CLI_PATH[0] && access(VPNLINT_CLI_PATH, X_OK) == 0;
    int outcome[2] = {0, 0};
    /* Spread the kill points over one whole unkilled run of each writer
     * (the duration only scales the random delays; nothing asserts on it). */
    long span_us[2] = {run_once_us(false), have_cli ? run_once_us(true) : 0};
    for (int t = 0; t < trials; t++) {
        char *dir = make_tmpdir();
        char path[600];
        snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
        write_file(path, old_bytes, old_len);
        bool use_cli = have_cli && (t % 2 == 1);
        long span = span_us[use_cli] * 6 / 5 + 1;
        long delay_us = (long)(((double)rand() / RAND_MAX) * (double)span);
        pid_t pid = spawn_writer(path, use_cli);
        struct timespec ts = {0, delay_us * 1000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int st = 0;
        assert_int_equal(waitpid(pid, &st, 0), pid);
        if (WIFEXITED(st) && WEXITSTATUS(st) != 0)
            fail_msg("trial %d: the writer failed (exit %d)", t, WEXITSTATUS(st));
        outcome[classify(path)]++;
        check_backup_restores(dir, path, false);
        rm_tree(dir);
        free(dir);
    }
    print_message("random kills (seed %u, %d trials%s): %d left the old file, %d the new one\n",
                  seed, trials, have_cli ? ", half through the CLI" : "", outcome[0], outcome[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unkilled_writer_writes_new),
        cmocka_unit_test(test_kill_at_every_stage),
        cmocka_unit_test(test_kill_at_random_points),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
