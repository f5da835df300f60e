/* Device checks and repairs: the platform-neutral parts everywhere (the
 * regression window, the phonebook scan, the journal), the Win32 parts under
 * Windows (wine in the cross build), and the plain "needs Windows" answer
 * elsewhere. */
#if !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L
#endif
#include "testutil.h"

#include "device/device.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#endif

static void test_regression_window(void **state)
{
    (void)state;
    const char *kb = NULL;
    assert_int_equal(vl_dev_regression(19044, 1465, &kb), VL_REGRESSION_NONE);
    assert_int_equal(vl_dev_regression(19044, 1466, &kb), VL_REGRESSION_AFFECTED);
    assert_string_equal(kb, "KB5010793");
    assert_int_equal(vl_dev_regression(19042, 1468, NULL), VL_REGRESSION_AFFECTED);
    assert_int_equal(vl_dev_regression(19043, 1469, NULL), VL_REGRESSION_FIXED);
    assert_int_equal(vl_dev_regression(22000, 434, &kb), VL_REGRESSION_AFFECTED);
    assert_string_equal(kb, "KB5010795");
    assert_int_equal(vl_dev_regression(22000, 438, NULL), VL_REGRESSION_FIXED);
    assert_int_equal(vl_dev_regression(22631, 500, &kb), VL_REGRESSION_NONE);
    assert_null(kb);
    assert_int_equal(vl_dev_regression(19045, 1466, NULL), VL_REGRESSION_NONE);
}

static const char pbk[] = "[L2TP only]\r\nType=2\r\nVpnStrategy=3\r\n\r\n"
                          "[Auto]\r\nVpnStrategy=0\r\n"
                          "[IKEv2]\r\nType=2\r\nVpnStrategy=7\r\n"
                          "[L2TP first]\r\nVpnStrategy=4\r\nVpnStrategy=7\r\n"
                          "[Dial-up]\r\nType=1\r\nVpnStrategy=3\r\n"
                          "; [commented]\r\n";

static void test_pbk_scan(void **state)
{
    (void)state;
    vl_pbk_scan s;
    vl_dev_scan_pbk(pbk, sizeof pbk - 1, &s);
    assert_int_equal(s.entries, 5);
    assert_int_equal(s.l2tp_primary, 2); /* first VpnStrategy wins; Type=1 is not VPN */
    assert_int_equal(s.l2tp_maybe, 1);
    /* the same as UTF-16LE with a BOM */
    size_t n = sizeof pbk - 1;
    unsigned char *w = malloc(2 + 2 * n);
    w[0] = 0xFF;
    w[1] = 0xFE;
    for (size_t i = 0; i < n; i++) {
        w[2 + 2 * i] = (unsigned char)pbk[i];
        w[3 + 2 * i] = 0;
    }
    vl_dev_scan_pbk(w, 2 + 2 * n, &s);
    assert_int_equal(s.entries, 5);
    assert_int_equal(s.l2tp_primary, 2);
    free(w);
    vl_dev_scan_pbk("", 0, &s);
    assert_int_equal(s.entries, 0);
    /* keys below MEDIA= (hand-edited) still count */
    const char moved[] = "[Office L2TP]\r\nMEDIA=rastapi\r\nType=2\r\nVpnStrategy=3\r\n";
    vl_dev_scan_pbk(moved, sizeof moved - 1, &s);
    assert_int_equal(s.l2tp_primary, 1);
}

static void temp_path(char *buf, size_t size, const char *name)
{
    char dir[512];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-dev"), 0);
    snprintf(buf, size, "%s/%s", dir, name);
}

static void test_journal_round_trip(void **state)
{
    (void)state;
    char path[700];
    temp_path(path, sizeof path, "journal.json");
    vl_journal *j = NULL;
    bool existed = true;
    assert_int_equal(vl_journal_load(&j, path, &existed), VPNLINT_OK);
    assert_false(existed);
    assert_int_equal(vl_journal_count(j), 0);
    vl_step s = {"registry-dword", "HKLM\\SYSTEM\\X", "V", -1, 2, VL_STEP_PENDING, true};
    size_t idx = 9;
    assert_int_equal(vl_journal_add(j, &s, &idx), VPNLINT_OK);
    assert_int_equal(idx, 0);
    vl_step t = {"service-start", "RasMan", NULL, 1, 4, VL_STEP_PENDING, false};
    assert_int_equal(vl_journal_add(j, &t, &idx), VPNLINT_OK);
    assert_int_equal(vl_journal_set_state(j, 0, VL_STEP_DONE), VPNLINT_OK);
    assert_int_equal(vl_journal_save(j, path), VPNLINT_OK);
    vl_journal_free(j);

    size_t len = 0;
    char *text = tu_read_file(path, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "\"before\":\tnull"));
    assert_non_null(strstr(text, "\"when\""));
    free(text);

    assert_int_equal(vl_journal_load(&j, path, &existed), VPNLINT_OK);
    assert_true(existed);
    assert_int_equal(vl_journal_count(j), 2);
    vl_step r;
    assert_int_equal(vl_journal_step(j, 0, &r), VPNLINT_OK);
    assert_string_equal(r.what, "registry-dword");
    assert_string_equal(r.target, "HKLM\\SYSTEM\\X");
    assert_string_equal(r.name, "V");
    assert_int_equal(r.before, -1);
    assert_int_equal(r.after, 2);
    assert_int_equal(r.state, VL_STEP_DONE);
    assert_true(r.reboot_required);
    assert_int_equal(vl_journal_step(j, 1, &r), VPNLINT_OK);
    assert_null(r.name);
    assert_int_equal(r.before, 1);
    assert_int_equal(r.state, VL_STEP_PENDING);
    assert_int_equal(vl_journal_step(j, 2, &r), VPNLINT_ENOTFOUND);
    vl_journal_free(j);
    remove(path);
}

static void test_journal_rejects_damage(void **state)
{
    (void)state;
    char path[700];
    temp_path(path, sizeof path, "bad.json");
    vl_journal *j = NULL;
    const char *bad[] = {"not json", "{\"format\":\"other\",\"version\":1,\"steps\":[]}",
                         "{\"format\":\"vpnlint-journal\",\"version\":1,\"steps\":[{\"what\":1}]}"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(vl_dev_write_atomic(path, bad[i], strlen(bad[i])), VPNLINT_OK);
        assert_int_equal(vl_journal_load(&j, path, NULL), VPNLINT_EPARSE);
        assert_null(j);
        assert_non_null(strstr(vpnlint_error_last(), "bad.json"));
    }
    const char *v2 = "{\"format\":\"vpnlint-journal\",\"version\":2,\"steps\":[]}";
    assert_int_equal(vl_dev_write_atomic(path, v2, strlen(v2)), VPNLINT_OK);
    assert_int_equal(vl_journal_load(&j, path, NULL), VPNLINT_EUNSUPPORTED);
    remove(path);
}

#ifndef _WIN32
static void test_needs_windows(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    vpnlint_device_state st = {.version = VPNLINT_DEVICE_STATE_VERSION};
    assert_int_equal(vpnlint_device_check(&st, r, 0), VPNLINT_EUNSUPPORTED);
    assert_non_null(strstr(vpnlint_error_last(), "need Windows"));
    assert_int_equal(vpnlint_report_finding_count(r), 0);
    vpnlint_report_free(r);
    vpnlint_repair_result res;
    assert_int_equal(vpnlint_repair_natt(&res, 2, NULL, 0), VPNLINT_EUNSUPPORTED);
    assert_non_null(strstr(vpnlint_error_last(), "needs Windows"));
    assert_int_equal(vpnlint_repair_undo(&res, "x.json", 0), VPNLINT_EUNSUPPORTED);
    assert_int_equal(vpnlint_repair_prohibit_ipsec(&res, NULL, 0), VPNLINT_EUNSUPPORTED);
    assert_int_equal(vpnlint_repair_start_service(&res, "RasMan", NULL, 0), VPNLINT_EUNSUPPORTED);
}
#else
static long long natt_now(void)
{
    long long v = -2;
    HKEY h;
    if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, VL_NATT_KEY, 0, KEY_QUERY_VALUE, &h) != ERROR_SUCCESS)
        return -1;
    DWORD d = 0, size = sizeof d, type = 0;
    LONG e = RegQueryValueExA(h, VL_NATT_VALUE, NULL, &type, (BYTE *)&d, &size);
    RegCloseKey(h);
    if (e == ERROR_FILE_NOT_FOUND)
        return -1;
    if (e == ERROR_SUCCESS && type == REG_DWORD)
        v = d;
    return v;
}

static void natt_delete(void)
{
    HKEY h;
    if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, VL_NATT_KEY, 0, KEY_SET_VALUE, &h) == ERROR_SUCCESS) {
        RegDeleteValueA(h, VL_NATT_VALUE);
        RegCloseKey(h);
    }
}

static size_t count(const vpnlint_report *r, const char *id)
{
    return tu_count(r, id);
}

static void test_device_check_under_windows(void **state)
{
    (void)state;
    natt_delete();
    /* A user phonebook with one L2TP-only entry, found through %APPDATA%. */
    char dir[512], pbkdir[700], path[800];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-appdata"), 0);
    const char *parts[] = {"\\Microsoft", "\\Microsoft\\Network",
                           "\\Microsoft\\Network\\Connections",
                           "\\Microsoft\\Network\\Connections\\Pbk"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(pbkdir, sizeof pbkdir, "%s%s", dir, parts[i]);
        CreateDirectoryA(pbkdir, NULL);
    }
    snprintf(path, sizeof path, "%s\\rasphone.pbk", pbkdir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(pbk, f);
    fclose(f);
    assert_true(SetEnvironmentVariableA("APPDATA", dir));

    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    vpnlint_device_state st = {.version = VPNLINT_DEVICE_STATE_VERSION};
    assert_int_equal(vpnlint_device_check(&st, r, 0), VPNLINT_OK);
    if (getenv("VPNLINT_TEST_VERBOSE"))
        tu_dump(r);
    assert_int_equal(st.phonebooks, 1);
    assert_int_equal(st.l2tp_entries, 2);
    assert_int_equal(st.natt, -1);
    assert_true(st.fixes & VPNLINT_FIX_NATT);
    assert_int_equal(count(r, "DEV004"), 1);
    assert_int_equal(count(r, "DEV006"), 0); /* ProhibitIpSec absent */
    assert_false(st.fixes & VPNLINT_FIX_PROHIBIT_IPSEC);
    assert_int_equal(count(r, "DEV008"), 1);
    assert_int_equal(count(r, "DEV010"), 1);
    assert_int_equal(count(r, "DEV011"), 1);
    assert_true(st.os_build >= 7600);
    assert_int_not_equal(st.context, VPNLINT_CONTEXT_UNKNOWN);
    /* wine has no RasMan: reported as not installed, never as running */
    vpnlint_finding fd;
    bool rasman_missing = false, wmi = false;
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        assert_int_equal(vpnlint_report_finding(&fd, r, i), VPNLINT_OK);
        if (strcmp(fd.rule_id, "DEV001") == 0 && strstr(fd.message, "RasMan"))
            rasman_missing = true;
        if (strcmp(fd.rule_id, "DEV011") == 0)
            assert_non_null(strstr(fd.message, "RasMan: not installed"));
        if (strcmp(fd.rule_id, "DEV009") == 0)
            wmi = strstr(fd.message, "could not read installed profiles") != NULL;
    }
    assert_true(rasman_missing);
    assert_true(wmi || st.profiles > 0);
    /* the phonebook itself went through the normal lint path */
    assert_true(vpnlint_report_file_count(r) >= 1);
    vpnlint_report_free(r);

    /* repaired: the NAT-T finding and the fix go away */
    vpnlint_repair_result res;
    char journal[800];
    snprintf(journal, sizeof journal, "%s\\journal.json", dir);
    assert_int_equal(vpnlint_repair_natt(&res, 2, journal, 0), VPNLINT_OK);
    assert_int_equal(res.changed, 1);
    assert_int_equal(res.reboot_required, 1);
    assert_int_equal(res.before, -1);
    assert_int_equal(res.after, 2);
    assert_string_equal(res.journal_path, journal);
    vpnlint_repair_result_clear(&res);
    assert_int_equal(natt_now(), 2);
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    assert_int_equal(vpnlint_device_check(&st, r, VPNLINT_DEVICE_NO_WMI), VPNLINT_OK);
    assert_int_equal(count(r, "DEV004"), 0);
    assert_int_equal(st.natt, 2);
    assert_false(st.fixes & VPNLINT_FIX_NATT);
    vpnlint_report_free(r);

    /* idempotent, then undo restores "absent" */
    assert_int_equal(vpnlint_repair_natt(&res, 2, journal, 0), VPNLINT_OK);
    assert_int_equal(res.changed, 0);
    assert_null(res.journal_path);
    assert_non_null(strstr(res.message, "nothing changed"));
    vpnlint_repair_result_clear(&res);
    assert_int_equal(vpnlint_repair_undo(&res, journal, 0), VPNLINT_OK);
    assert_int_equal(res.changed, 1);
    assert_int_equal(res.after, -1);
    vpnlint_repair_result_clear(&res);
    assert_int_equal(natt_now(), -1);
    assert_int_equal(vpnlint_repair_undo(&res, journal, 0), VPNLINT_OK);
    assert_int_equal(res.changed, 0);
    vpnlint_repair_result_clear(&res);

    /* refusals */
    assert_int_equal(vpnlint_repair_natt(&res, 3, journal, 0), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_repair_start_service(&res, "Spooler", journal, 0), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_repair_start_service(&res, "RasMan", journal, 0), VPNLINT_ENOTFOUND);
    assert_non_null(strstr(vpnlint_error_last(), "not installed"));
    assert_int_equal(vpnlint_repair_undo(&res, "Z:/nonexistent/journal.json", 0),
                     VPNLINT_ENOTFOUND);
    /* undo refuses when the value changed since the repair */
    assert_int_equal(vpnlint_repair_natt(&res, 1, journal, 0), VPNLINT_OK);
    vpnlint_repair_result_clear(&res);
    HKEY h;
    DWORD zero = 0;
    assert_int_equal(RegOpenKeyExA(HKEY_LOCAL_MACHINE, VL_NATT_KEY, 0, KEY_SET_VALUE, &h), 0);
    RegSetValueExA(h, VL_NATT_VALUE, 0, REG_DWORD, (const BYTE *)&zero, sizeof zero);
    RegCloseKey(h);
    assert_int_equal(vpnlint_repair_undo(&res, journal, 0), VPNLINT_ECONFLICT);
    assert_int_equal(natt_now(), 0);
    natt_delete();
    remove(path);
    remove(journal);
}
#endif

static void test_finding_honours_options(void **state)
{
    (void)state;
    vpnlint_options o = VPNLINT_OPTIONS_INIT;
    o.disable = "DEV001";
    o.severity = "DEV002=info";
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, &o), VPNLINT_OK);
    assert_int_equal(vl_dev_finding(r, "service:RasMan", "DEV001", "%s", "missing"), VPNLINT_OK);
    assert_int_equal(vpnlint_report_finding_count(r), 0); /* disabled */
    assert_int_equal(vl_dev_finding(r, "service:RasMan", "DEV002", "%s", "stopped"), VPNLINT_OK);
    assert_int_equal(vpnlint_report_finding_count(r), 1);
    vpnlint_finding f;
    assert_int_equal(vpnlint_report_finding(&f, r, 0), VPNLINT_OK);
    assert_int_equal(f.severity, VPNLINT_SEVERITY_INFO); /* overridden */
    assert_string_equal(f.path, "service:RasMan");
    assert_int_equal(vl_dev_finding(r, "x", "NOPE1", "%s", "m"), VPNLINT_ENOTFOUND);
    vpnlint_report_free(r);
}

static void test_plan_from_phonebook(void **state)
{
    (void)state;
    char dir[512], path[600];
    assert_int_equal(tu_make_temp_dir(dir, sizeof dir, "vpnlint-plan"), 0);
    snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
    FILE *f = fopen(path, "wb");
    fputs("[A]\r\nType=2\r\nVpnStrategy=4\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\n"
          "[B]\r\nType=2\r\nVpnStrategy=7\r\nMEDIA=rastapi\r\nDEVICE=vpn\r\n",
          f);
    fclose(f);
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    vpnlint_device_state st;
    memset(&st, 0, sizeof st);
    st.version = VPNLINT_DEVICE_STATE_VERSION;
    assert_int_equal(vpnlint_device_plan_pbk(&st, r, path), VPNLINT_OK);
    assert_int_equal(st.l2tp_entries, 1);
    assert_true(st.fixes & VPNLINT_FIX_NATT);
    assert_int_equal(st.natt, -2);
    assert_int_equal(vpnlint_report_file_count(r), 1); /* the phonebook was linted too */
    vpnlint_report_free(r);
    assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
    st.version = 99;
    assert_int_equal(vpnlint_device_plan_pbk(&st, r, path), VPNLINT_EINVALID);
    st.version = VPNLINT_DEVICE_STATE_VERSION;
    assert_int_equal(vpnlint_device_plan_pbk(&st, r, "/nonexistent/x.pbk"), VPNLINT_ENOTFOUND);
    vpnlint_report_free(r);
    remove(path);
    tu_remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_from_phonebook), cmocka_unit_test(test_finding_honours_options),
        cmocka_unit_test(test_regression_window),   cmocka_unit_test(test_pbk_scan),
        cmocka_unit_test(test_journal_round_trip),  cmocka_unit_test(test_journal_rejects_damage),
#ifndef _WIN32
        cmocka_unit_test(test_needs_windows),
#else
        cmocka_unit_test(test_device_check_under_windows),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
