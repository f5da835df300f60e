/* Files are read by UTF-8 path on every platform: non-ASCII names, paths
 * longer than Windows' MAX_PATH (260) and UTF-16 content. Under wine this
 * runs the Win32 branch of vl_read_file (UTF-8 -> UTF-16, \\?\ prefix). */
#if !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/stat.h>
#endif

static const char profile[] = "<VPNProfile><AlwaysOn>true</AlwaysOn></VPNProfile>\n";

/* mkdir / write a file by UTF-8 path, bypassing the library. */
static int make_dir(const char *path)
{
#ifdef _WIN32
    wchar_t w[2048] = L"\\\\?\\";
    if (!MultiByteToWideChar(CP_UTF8, 0, path, -1, w + 4, 2000))
        return -1;
    for (wchar_t *p = w + 4; *p; p++)
        if (*p == L'/')
            *p = L'\\';
    return CreateDirectoryW(w, NULL) || GetLastError() == ERROR_ALREADY_EXISTS ? 0 : -1;
#else
    return mkdir(path, 0700);
#endif
}

static int write_file(const char *path, const void *data, size_t len)
{
#ifdef _WIN32
    wchar_t w[2048] = L"\\\\?\\";
    if (!MultiByteToWideChar(CP_UTF8, 0, path, -1, w + 4, 2000))
        return -1;
    for (wchar_t *p = w + 4; *p; p++)
        if (*p == L'/')
            *p = L'\\';
    HANDLE h = CreateFileW(w, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return -1;
    DWORD n = 0;
    BOOL ok = WriteFile(h, data, (DWORD)len, &n, NULL);
    CloseHandle(h);
    return ok && n == len ? 0 : -1;
#else
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(data, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
#endif
}

static void lint_ok(const char *path, const char *encoding)
{
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    int rc = vpnlint_report_add_file(r, path);
    if (rc != VPNLINT_OK)
        fail_msg("%s: %s", path, vpnlint_error_last());
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
    assert_int_equal(fi.read_error, 0);
    assert_int_equal(fi.kind, VPNLINT_KIND_PROFILEXML);
    assert_string_equal(fi.encoding, encoding);
    assert_string_equal(fi.path, path);
    vpnlint_report_free(r);
}

static void test_non_ascii_name(void **state)
{
    (void)state;
    char dir[512], sub[700], path[800];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-paths"), 0);
    snprintf(sub, sizeof sub, "%s/Ünïcödé-Контакт-日本", dir);
    assert_int_equal(make_dir(sub), 0);
    snprintf(path, sizeof path, "%s/profil-é.xml", sub);
    assert_int_equal(write_file(path, profile, sizeof profile - 1), 0);
    lint_ok(path, "utf-8");
}

static void test_utf16_content(void **state)
{
    (void)state;
    char dir[512], path[700];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-utf16"), 0);
    size_t n = sizeof profile - 1;
    unsigned char *w = malloc(2 + 2 * n);
    w[0] = 0xFF;
    w[1] = 0xFE;
    for (size_t i = 0; i < n; i++) {
        w[2 + 2 * i] = (unsigned char)profile[i];
        w[3 + 2 * i] = 0;
    }
    snprintf(path, sizeof path, "%s/utf16le.xml", dir);
    assert_int_equal(write_file(path, w, 2 + 2 * n), 0);
    lint_ok(path, "utf-16le");
    free(w);
}

static void test_path_longer_than_max_path(void **state)
{
    (void)state;
    char path[2048];
    assert_int_equal(tu_make_temp_dir(path, 512, "vpnlint-long"), 0);
    /* 6 x 60 characters of folders: well past 260 */
    for (int i = 0; i < 6; i++) {
        size_t len = strlen(path);
        snprintf(path + len, sizeof path - len, "/%02d-%s", i,
                 "a-folder-name-that-is-long-enough-to-matter-in-windows-x");
        assert_int_equal(make_dir(path), 0);
    }
    strcat(path, "/profile.xml");
    assert_true(strlen(path) > 300);
    assert_int_equal(write_file(path, profile, sizeof profile - 1), 0);
    lint_ok(path, "utf-8");
#ifdef _WIN32
    /* Windows spelling with backslashes works too. */
    for (char *p = path; *p; p++)
        if (*p == '/')
            *p = '\\';
    lint_ok(path, "utf-8");
#endif
}

static void test_missing_file_is_not_found(void **state)
{
    (void)state;
    char dir[512], path[700];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-missing"), 0);
    snprintf(path, sizeof path, "%s/nicht-da-ä.xml", dir);
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_report_add_file(r, path), VPNLINT_ENOTFOUND);
    vpnlint_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_non_ascii_name),
        cmocka_unit_test(test_utf16_content),
        cmocka_unit_test(test_path_longer_than_max_path),
        cmocka_unit_test(test_missing_file_is_not_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
