/* win_util.c — registry and service helpers (see win_internal.h). */
#ifdef _WIN32
#include "device/win_internal.h"
#include "core/win32.h"

#include <string.h>
#include <windows.h>

static int win_fail(DWORD e, const char *what, const char *name)
{
    char *why = vl_win_error_text(e);
    int code = VPNLINT_ERROR;
    const char *hint = "";
    if (e == ERROR_ACCESS_DENIED) {
        code = VPNLINT_EACCESS;
        hint = "; run from an elevated prompt (Run as administrator) or as SYSTEM";
    } else if (e == ERROR_FILE_NOT_FOUND || e == ERROR_SERVICE_DOES_NOT_EXIST) {
        code = VPNLINT_ENOTFOUND;
    }
    int rc = vl_error_set(code, "%s '%s' failed: %s%s", what, name, why ? why : "?", hint);
    vpnlint_free(why);
    return rc;
}

int vl_win_reg_get_dword(const char *key, const char *value, long long *out)
{
    *out = -1;
    wchar_t *wk = vl_utf8_to_wide(key), *wv = vl_utf8_to_wide(value);
    int rc = VPNLINT_OK;
    HKEY h = NULL;
    if (!wk || !wv) {
        rc = vpnlint_error_last_code();
        goto out;
    }
    LONG e = RegOpenKeyExW(HKEY_LOCAL_MACHINE, wk, 0, KEY_QUERY_VALUE | KEY_WOW64_64KEY, &h);
    if (e == ERROR_FILE_NOT_FOUND)
        goto out;
    if (e != ERROR_SUCCESS) {
        rc = win_fail((DWORD)e, "opening HKLM\\", key);
        goto out;
    }
    DWORD type = 0, data = 0, size = sizeof data;
    e = RegQueryValueExW(h, wv, NULL, &type, NULL, NULL);
    if (e == ERROR_FILE_NOT_FOUND)
        goto out;
    if (e != ERROR_SUCCESS && e != ERROR_MORE_DATA) {
        rc = win_fail((DWORD)e, "reading value", value);
        goto out;
    }
    if (type != REG_DWORD) {
        rc = vl_error_set(VPNLINT_EPARSE,
                          "HKLM\\%s\\%s has registry type %lu, not REG_DWORD: Windows ignores "
                          "it; delete it and set a REG_DWORD",
                          key, value, (unsigned long)type);
        goto out;
    }
    e = RegQueryValueExW(h, wv, NULL, &type, (BYTE *)&data, &size);
    if (e != ERROR_SUCCESS) {
        rc = win_fail((DWORD)e, "reading value", value);
        goto out;
    }
    *out = (long long)data;
out:
    if (h)
        RegCloseKey(h);
    vpnlint_free(wk);
    vpnlint_free(wv);
    return rc;
}

static int open_for_write(const char *key, HKEY *h)
{
    wchar_t *wk = vl_utf8_to_wide(key);
    if (!wk)
        return vpnlint_error_last_code();
    LONG e = RegCreateKeyExW(HKEY_LOCAL_MACHINE, wk, 0, NULL, REG_OPTION_NON_VOLATILE,
                             KEY_SET_VALUE | KEY_QUERY_VALUE | KEY_WOW64_64KEY, NULL, h, NULL);
    vpnlint_free(wk);
    if (e != ERROR_SUCCESS)
        return win_fail((DWORD)e, "opening for writing HKLM\\", key);
    return VPNLINT_OK;
}

int vl_win_reg_check_write(const char *key)
{
    HKEY h;
    int rc = open_for_write(key, &h);
    if (rc == VPNLINT_OK)
        RegCloseKey(h);
    return rc;
}

int vl_win_reg_set_dword(const char *key, const char *value, long long v)
{
    HKEY h;
    int rc = open_for_write(key, &h);
    if (rc != VPNLINT_OK)
        return rc;
    wchar_t *wv = vl_utf8_to_wide(value);
    if (!wv) {
        RegCloseKey(h);
        return vpnlint_error_last_code();
    }
    LONG e;
    if (v < 0) {
        e = RegDeleteValueW(h, wv);
        if (e == ERROR_FILE_NOT_FOUND)
            e = ERROR_SUCCESS;
    } else {
        DWORD d = (DWORD)v;
        e = RegSetValueExW(h, wv, 0, REG_DWORD, (const BYTE *)&d, sizeof d);
    }
    if (e == ERROR_SUCCESS)
        RegFlushKey(h);
    RegCloseKey(h);
    vpnlint_free(wv);
    if (e != ERROR_SUCCESS)
        return win_fail((DWORD)e, v < 0 ? "deleting value" : "writing value", value);
    return VPNLINT_OK;
}

static SC_HANDLE open_service(const char *name, DWORD access, SC_HANDLE *scm)
{
    *scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (!*scm) {
        win_fail(GetLastError(), "opening the service manager for", name);
        return NULL;
    }
    wchar_t *wn = vl_utf8_to_wide(name);
    if (!wn) {
        CloseServiceHandle(*scm);
        *scm = NULL;
        return NULL;
    }
    SC_HANDLE s = OpenServiceW(*scm, wn, access);
    DWORD e = GetLastError();
    vpnlint_free(wn);
    if (!s) {
        if (e == ERROR_SERVICE_DOES_NOT_EXIST)
            vl_error_set(VPNLINT_ENOTFOUND, "service %s is not installed", name);
        else
            win_fail(e, "opening service", name);
        CloseServiceHandle(*scm);
        *scm = NULL;
    }
    return s;
}

int vl_win_service_query(const char *name, vl_win_service *out)
{
    memset(out, 0, sizeof *out);
    SC_HANDLE scm;
    SC_HANDLE s = open_service(name, SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG, &scm);
    if (!s)
        return vpnlint_error_last_code();
    int rc = VPNLINT_OK;
    SERVICE_STATUS_PROCESS ss;
    DWORD need = 0;
    if (!QueryServiceStatusEx(s, SC_STATUS_PROCESS_INFO, (BYTE *)&ss, sizeof ss, &need)) {
        rc = win_fail(GetLastError(), "querying service", name);
    } else {
        out->state = ss.dwCurrentState;
        out->running = ss.dwCurrentState == SERVICE_RUNNING;
        union {
            QUERY_SERVICE_CONFIGW cfg;
            unsigned char raw[8192];
        } u;
        if (QueryServiceConfigW(s, &u.cfg, sizeof u, &need))
            out->start_type = u.cfg.dwStartType;
        else
            rc = win_fail(GetLastError(), "reading the configuration of service", name);
    }
    CloseServiceHandle(s);
    CloseServiceHandle(scm);
    return rc;
}

static int wait_state(SC_HANDLE s, DWORD want, const char *name)
{
    for (int i = 0; i < 300; i++) { /* 30 s */
        SERVICE_STATUS_PROCESS ss;
        DWORD need = 0;
        if (!QueryServiceStatusEx(s, SC_STATUS_PROCESS_INFO, (BYTE *)&ss, sizeof ss, &need))
            return win_fail(GetLastError(), "querying service", name);
        if (ss.dwCurrentState == want)
            return VPNLINT_OK;
        if (want == SERVICE_RUNNING && ss.dwCurrentState == SERVICE_STOPPED && i > 10)
            return vl_error_set(VPNLINT_ERROR,
                                "service %s stopped again right after starting (exit code "
                                "%lu); see the System event log",
                                name, (unsigned long)ss.dwWin32ExitCode);
        Sleep(100);
    }
    return vl_error_set(VPNLINT_ERROR, "service %s did not reach the %s state within 30 s", name,
                        want == SERVICE_RUNNING ? "running" : "stopped");
}

int vl_win_service_start(const char *name)
{
    SC_HANDLE scm;
    SC_HANDLE s = open_service(name, SERVICE_START | SERVICE_QUERY_STATUS, &scm);
    if (!s)
        return vpnlint_error_last_code();
    int rc = VPNLINT_OK;
    if (!StartServiceW(s, 0, NULL) && GetLastError() != ERROR_SERVICE_ALREADY_RUNNING)
        rc = win_fail(GetLastError(), "starting service", name);
    else
        rc = wait_state(s, SERVICE_RUNNING, name);
    CloseServiceHandle(s);
    CloseServiceHandle(scm);
    return rc;
}

int vl_win_service_stop(const char *name)
{
    SC_HANDLE scm;
    SC_HANDLE s = open_service(name, SERVICE_STOP | SERVICE_QUERY_STATUS, &scm);
    if (!s)
        return vpnlint_error_last_code();
    SERVICE_STATUS ss;
    int rc = VPNLINT_OK;
    if (!ControlService(s, SERVICE_CONTROL_STOP, &ss) && GetLastError() != ERROR_SERVICE_NOT_ACTIVE)
        rc = win_fail(GetLastError(), "stopping service", name);
    else
        rc = wait_state(s, SERVICE_STOPPED, name);
    CloseServiceHandle(s);
    CloseServiceHandle(scm);
    return rc;
}
#else
typedef int vl_win_util_unused;
#endif
