/* test_pbk_cli.c — `vpnlint pbk` end to end: outputs, exit codes (0 ok,
 * 1 refused, 2 unreadable, 3 usage), dry run, write + backup + restore. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef VPNLINT_CLI_PATH
#define VPNLINT_CLI_PATH "vpnlint"
#endif

static char dir[512], out_path[600], err_path[600], pbk[600];
static char out[1 << 16], err[1 << 14];

static void slurp_into(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    buf[n] = 0;
    if (f)
        fclose(f);
}

/* Runs the CLI with a NULL-terminated argument list; returns its exit code. */
static int run(const char *first, ...)
{
    const char *argv[32];
    int n = 0;
    argv[n++] = VPNLINT_CLI_PATH;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && n < 31; a = va_arg(ap, const char *))
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(o, 1);
        dup2(e, 2);
        execv(VPNLINT_CLI_PATH, (char *const *)argv);
        _exit(127);
    }
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    slurp_into(out_path, out, sizeof out);
    slurp_into(err_path, err, sizeof err);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

static const char book[] = "[Contoso VPN]\r\nEncoding=1\r\nType=2\r\nVpnStrategy=0\r\n"
                           "AuthRestrictions=640\r\nCustomAuthKey=26\r\nPreSharedKey=topsecret\r\n"
                           "\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n"
                           "\r\nDEVICE=vpn\r\nPhoneNumber=vpn.contoso.com\r\n\r\n"
                           "[Twice]\r\nType=2\r\n[Twice]\r\nType=2\r\n";

static int setup(void **state)
{
    (void)state;
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/vpnlint-pbk-cli-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    snprintf(out_path, sizeof out_path, "%s/.out", dir);
    snprintf(err_path, sizeof err_path, "%s/.err", dir);
    snprintf(pbk, sizeof pbk, "%s/rasphone.pbk", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[1200];
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    }
    if (d)
        closedir(d);
    rmdir(dir);
    return 0;
}

static void reset_book(void)
{
    FILE *f = fopen(pbk, "wb");
    assert_non_null(f);
    fwrite(book, 1, sizeof book - 1, f);
    fclose(f);
}

static void assert_book_unchanged(void)
{
    static char now[4096];
    slurp_into(pbk, now, sizeof now);
    assert_int_equal(strlen(now), sizeof book - 1);
    assert_memory_equal(now, book, sizeof book - 1);
}

static void test_list_get(void **state)
{
    (void)state;
    reset_book();
    assert_int_equal(run("pbk", "list", pbk, NULL), 0);
    assert_non_null(strstr(out, "1: [Contoso VPN] type=VPN strategy=0 (Automatic) "
                                "server=vpn.contoso.com auth=640 (EAP, MS-CHAP v2: "
                                "EAP-MSCHAPv2)\n"));
    assert_non_null(strstr(out, "[Twice]"));
    assert_non_null(strstr(out, "DUPLICATE-NAME(2 sections)"));
    assert_int_equal(run("pbk", "get", pbk, "--entry", "Contoso VPN", "--key", "Port", NULL), 0);
    assert_string_equal(out, "VPN2-0\n");
    assert_int_equal(run("pbk", "get", pbk, "--entry=Contoso VPN", NULL), 0);
    assert_non_null(strstr(out, "PreSharedKey=********\n"));
    assert_null(strstr(out, "topsecret"));
    assert_int_equal(
        run("pbk", "get", pbk, "--entry", "Contoso VPN", "--key", "PreSharedKey", NULL), 0);
    assert_string_equal(out, "********\n");
    assert_int_equal(run("pbk", "get", pbk, "--entry", "Nope", NULL), 1);
    assert_non_null(strstr(err, "no entry named [Nope]"));
    assert_int_equal(run("pbk", "get", pbk, "--entry", "Twice", NULL), 1);
    assert_non_null(strstr(err, "ambiguous"));
}

static void test_exit_codes(void **state)
{
    (void)state;
    reset_book();
    char missing[700];
    snprintf(missing, sizeof missing, "%s/absent.pbk", dir);
    assert_int_equal(run("pbk", "list", missing, NULL), 2);
    assert_int_equal(run("pbk", NULL), 3);
    assert_int_equal(run("pbk", "frob", pbk, NULL), 3);
    assert_int_equal(run("pbk", "get", pbk, NULL), 3);
    assert_int_equal(run("pbk", "set", pbk, "--entry", "Contoso VPN", "--key", "Type", NULL), 3);
    assert_int_equal(run("pbk", "set", pbk, "--entry", "Contoso VPN", "--key", "Type", "--value",
                         "2", "--media", "0", NULL),
                     3);
    assert_int_equal(run("pbk", "list", pbk, "--bogus", NULL), 3);
    assert_int_equal(run("pbk", "--help", NULL), 0);
    assert_non_null(strstr(out, "exit codes: 0 done, 1 refused"));
    assert_int_equal(
        run("pbk", "set", pbk, "--entry", "Twice", "--key", "Type", "--value", "4", NULL), 1);
    assert_int_equal(run("pbk", "set", pbk, "--entry", "Contoso VPN", "--key", "Type", "--value",
                         "4", "--media", "2", NULL),
                     1);
    assert_book_unchanged();
}

static void test_set_dry_run_write_restore(void **state)
{
    (void)state;
    reset_book();
    assert_int_equal(run("pbk", "set", pbk, "--entry", "Contoso VPN", "--key", "VpnStrategy",
                         "--value", "7", "--dry-run", NULL),
                     0);
    assert_non_null(strstr(out, "-VpnStrategy=0\n+VpnStrategy=7\n"));
    assert_book_unchanged();
    assert_int_equal(run("pbk", "set", pbk, "--entry", "Contoso VPN", "--key", "VpnStrategy",
                         "--value", "7", NULL),
                     0);
    assert_non_null(strstr(out, "+VpnStrategy=7\n"));
    const char *b = strstr(err, "backup: ");
    assert_non_null(b);
    char backup[900];
    snprintf(backup, sizeof backup, "%s", b + 8);
    backup[strcspn(backup, ")")] = 0;
    static char now[4096];
    slurp_into(pbk, now, sizeof now);
    assert_non_null(strstr(now, "\r\nVpnStrategy=7\r\nAuthRestrictions=640\r\n"));
    assert_int_equal(strlen(now), sizeof book - 1);
    /* unset then restore the first backup */
    assert_int_equal(
        run("pbk", "unset", pbk, "--entry", "Contoso VPN", "--key", "PreSharedKey", NULL), 0);
    assert_non_null(strstr(out, "-PreSharedKey=********\n"));
    assert_null(strstr(out, "topsecret"));
    assert_int_equal(run("pbk", "restore", backup, NULL), 0);
    assert_book_unchanged();
    /* hidden phonebooks need --allow-hidden */
    char hidden[700];
    snprintf(hidden, sizeof hidden, "%s/_hiddenPbk.pbk", dir);
    assert_int_equal(
        run("pbk", "set", hidden, "--entry", "X", "--key", "Type", "--value", "2", NULL), 1);
    assert_non_null(strstr(err, "--allow-hidden"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_get),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_set_dry_run_write_restore),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
