/* check_win.c — the device checks on Windows: services, the NAT-T and
 * ProhibitIpSec values judged against the L2TP entries of the phonebooks,
 * the phonebooks and installed MDM_VPNv2_01 profiles linted, the run context
 * and the OS build against the January 2022 L2TP regression. */
#ifdef _WIN32
#define COBJMACROS
#include "device/device.h"
#include "device/win_internal.h"
#include "core/win32.h"

#include <stdio.h>
#include <string.h>
#include <windows.h>
#include <wbemidl.h>

static const char *context_text(int ctx)
{
    switch (ctx) {
    case VPNLINT_CONTEXT_SYSTEM:
        return "SYSTEM";
    case VPNLINT_CONTEXT_ELEVATED:
        return "an elevated administrator";
    case VPNLINT_CONTEXT_STANDARD:
        return "a standard (not elevated) user";
    default:
        return "an unknown account";
    }
}

int vl_win_run_context(void)
{
    HANDLE tok;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &tok))
        return VPNLINT_CONTEXT_UNKNOWN;
    int ctx = VPNLINT_CONTEXT_STANDARD;
    union {
        TOKEN_USER user;
        unsigned char raw[256];
    } u;
    DWORD got = 0;
    if (GetTokenInformation(tok, TokenUser, &u, sizeof u, &got) &&
        IsWellKnownSid(u.user.User.Sid, WinLocalSystemSid)) {
        ctx = VPNLINT_CONTEXT_SYSTEM;
    } else {
        TOKEN_ELEVATION el;
        if (GetTokenInformation(tok, TokenElevation, &el, sizeof el, &got) && el.TokenIsElevated)
            ctx = VPNLINT_CONTEXT_ELEVATED;
    }
    CloseHandle(tok);
    return ctx;
}

typedef LONG(WINAPI *rtl_get_version_fn)(OSVERSIONINFOW *);

static void os_build(uint32_t *build, uint32_t *ubr)
{
    *build = 0;
    *ubr = 0;
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    if (ntdll) {
        FARPROC p = GetProcAddress(ntdll, "RtlGetVersion");
        rtl_get_version_fn fn;
        memcpy(&fn, &p, sizeof fn); /* FARPROC -> typed pointer without a cast warning */
        OSVERSIONINFOW vi;
        memset(&vi, 0, sizeof vi);
        vi.dwOSVersionInfoSize = sizeof vi;
        if (fn && fn(&vi) == 0)
            *build = vi.dwBuildNumber;
    }
    long long v = -1;
    if (vl_win_reg_get_dword("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "UBR", &v) ==
            VPNLINT_OK &&
        v >= 0)
        *ubr = (uint32_t)v;
}

/* ---- services */

typedef struct svc_info {
    const char *name;
    const char *role;
    bool required; /* the VPN client needs it */
} svc_info;

static const svc_info services[] = {
    {"RasMan", "Remote Access Connection Manager", true},
    {"IKEEXT", "IKE and AuthIP IPsec Keying Modules", true},
    {"PolicyAgent", "IPsec Policy Agent", true},
    {"BFE", "Base Filtering Engine", true},
    {"SstpSvc", "Secure Socket Tunneling Protocol Service", false},
    {"RemoteAccess", "Routing and Remote Access (server side)", false},
};

static const char *start_type_name(DWORD t)
{
    switch (t) {
    case SERVICE_AUTO_START:
        return "automatic";
    case SERVICE_DEMAND_START:
        return "manual";
    case SERVICE_DISABLED:
        return "disabled";
    case SERVICE_BOOT_START:
        return "boot";
    case SERVICE_SYSTEM_START:
        return "system";
    default:
        return "unknown start type";
    }
}

static void check_services(vpnlint_report *r, vpnlint_device_state *st)
{
    vl_buf summary = VL_BUF_INIT;
    vl_buf to_start = VL_BUF_INIT;
    for (size_t i = 0; i < VL_ARRAY_LEN(services); i++) {
        const svc_info *s = &services[i];
        vl_win_service q;
        int rc = vl_win_service_query(s->name, &q);
        char where[64];
        snprintf(where, sizeof where, "service:%s", s->name);
        if (summary.len)
            vl_buf_puts(&summary, "; ");
        if (rc == VPNLINT_ENOTFOUND) {
            vl_buf_printf(&summary, "%s: not installed", s->name);
            if (s->required)
                vl_dev_finding(r, where, "DEV001",
                               "service %s (%s) is not installed; VPN connections that need it "
                               "cannot start",
                               s->name, s->role);
            continue;
        }
        if (rc != VPNLINT_OK) {
            vl_buf_printf(&summary, "%s: unknown (%s)", s->name, vpnlint_error_last());
            continue;
        }
        vl_buf_printf(&summary, "%s: %s (%s)", s->name, q.running ? "running" : "stopped",
                      start_type_name(q.start_type));
        if (!s->required)
            continue;
        if (q.start_type == SERVICE_DISABLED) {
            vl_dev_finding(r, where, "DEV003",
                           "service %s (%s) is disabled; Windows cannot start it when a VPN "
                           "connection needs it",
                           s->name, s->role);
        } else if (!q.running && q.start_type == SERVICE_AUTO_START) {
            vl_dev_finding(r, where, "DEV002",
                           "service %s (%s) is set to start automatically but is not running",
                           s->name, s->role);
            if (to_start.len)
                vl_buf_putc(&to_start, ',');
            vl_buf_puts(&to_start, s->name);
        }
    }
    if (vl_buf_ok(&summary) && summary.len)
        vl_dev_finding(r, "services", "DEV011", "%s", summary.data);
    if (vl_buf_ok(&to_start) && to_start.len && to_start.len < sizeof st->services_to_start) {
        memcpy(st->services_to_start, to_start.data, to_start.len + 1);
        st->fixes |= VPNLINT_FIX_START_SERVICES;
    }
    vl_buf_free(&summary);
    vl_buf_free(&to_start);
}

/* ---- phonebooks */

static void check_phonebooks(vpnlint_report *r, vpnlint_device_state *st, vl_pbk_scan *total)
{
    static const struct {
        const wchar_t *env;
        const char *rel;
    } places[] = {
        {L"APPDATA", "\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk"},
        {L"APPDATA", "\\Microsoft\\Network\\Connections\\Pbk\\_hiddenPbk\\rasphone.pbk"},
        {L"ProgramData", "\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk"},
    };
    for (size_t i = 0; i < VL_ARRAY_LEN(places); i++) {
        wchar_t dir[MAX_PATH * 2];
        DWORD n = GetEnvironmentVariableW(places[i].env, dir, (DWORD)VL_ARRAY_LEN(dir));
        if (n == 0 || n >= VL_ARRAY_LEN(dir))
            continue;
        char *base = vl_wide_to_utf8(dir);
        if (!base)
            continue;
        char *path = vl_sprintf("%s%s", base, places[i].rel);
        vpnlint_free(base);
        if (!path)
            continue;
        wchar_t *wpath = vl_win_path(path);
        DWORD attr = wpath ? GetFileAttributesW(wpath) : INVALID_FILE_ATTRIBUTES;
        vpnlint_free(wpath);
        if (attr == INVALID_FILE_ATTRIBUTES || (attr & FILE_ATTRIBUTE_DIRECTORY)) {
            vpnlint_free(path);
            continue;
        }
        st->phonebooks++;
        vpnlint_report_add_file(r, path);
        char *data = NULL;
        size_t len = 0;
        uint64_t size = 0;
        if (vl_read_file(path, VPNLINT_DEFAULT_MAX_BYTES, &data, &len, &size) == VPNLINT_OK) {
            vl_pbk_scan scan;
            vl_dev_scan_pbk(data, len, &scan);
            total->entries += scan.entries;
            total->l2tp_primary += scan.l2tp_primary;
            total->l2tp_maybe += scan.l2tp_maybe;
            vpnlint_free(data);
        }
        vpnlint_error_clear();
        vpnlint_free(path);
    }
}

/* ---- installed MDM_VPNv2_01 profiles (WMI, root\cimv2\mdm\dmmap) */

static char *bstr_utf8(BSTR b)
{
    return b ? vl_wide_to_utf8(b) : vl_strdup("");
}

static void unreadable(vpnlint_report *r, const char *step, HRESULT hr, int ctx)
{
    vl_dev_finding(r, "wmi:root\\cimv2\\mdm\\dmmap", "DEV009",
                   "could not read installed profiles: %s failed (HRESULT 0x%08lX)%s", step,
                   (unsigned long)hr,
                   ctx == VPNLINT_CONTEXT_SYSTEM
                       ? ""
                       : "; the MDM bridge answers to SYSTEM only: run as SYSTEM (as Intune "
                         "does) to lint the installed ProfileXML");
}

static void check_profiles(vpnlint_report *r, vpnlint_device_state *st)
{
    HRESULT hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    bool uninit = SUCCEEDED(hr);
    if (FAILED(hr) && hr != RPC_E_CHANGED_MODE) {
        unreadable(r, "CoInitializeEx", hr, st->context);
        return;
    }
    /* Fails harmlessly with RPC_E_TOO_LATE when the host set it already. */
    CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_DEFAULT,
                         RPC_C_IMP_LEVEL_IMPERSONATE, NULL, EOAC_NONE, NULL);
    IWbemLocator *loc = NULL;
    IWbemServices *svc = NULL;
    IEnumWbemClassObject *en = NULL;
    BSTR ns = SysAllocString(L"ROOT\\CIMV2\\mdm\\dmmap");
    BSTR wql = SysAllocString(L"WQL");
    BSTR query = SysAllocString(L"SELECT InstanceID, ProfileXML FROM MDM_VPNv2_01");
    if (!ns || !wql || !query) {
        vl_error_oom();
        goto done;
    }
    hr = CoCreateInstance(&CLSID_WbemLocator, NULL, CLSCTX_INPROC_SERVER, &IID_IWbemLocator,
                          (void **)&loc);
    if (FAILED(hr)) {
        unreadable(r, "creating the WMI locator", hr, st->context);
        goto done;
    }
    hr = IWbemLocator_ConnectServer(loc, ns, NULL, NULL, NULL, 0, NULL, NULL, &svc);
    if (FAILED(hr)) {
        unreadable(r, "connecting to ROOT\\CIMV2\\mdm\\dmmap", hr, st->context);
        goto done;
    }
    CoSetProxyBlanket((IUnknown *)svc, RPC_C_AUTHN_WINNT, RPC_C_AUTHZ_NONE, NULL,
                      RPC_C_AUTHN_LEVEL_CALL, RPC_C_IMP_LEVEL_IMPERSONATE, NULL, EOAC_NONE);
    hr = IWbemServices_ExecQuery(svc, wql, query,
                                 WBEM_FLAG_FORWARD_ONLY | WBEM_FLAG_RETURN_IMMEDIATELY, NULL, &en);
    if (FAILED(hr)) {
        unreadable(r, "querying MDM_VPNv2_01", hr, st->context);
        goto done;
    }
    for (;;) {
        IWbemClassObject *obj = NULL;
        ULONG got = 0;
        hr = IEnumWbemClassObject_Next(en, (LONG)WBEM_INFINITE, 1, &obj, &got);
        if (FAILED(hr)) {
            unreadable(r, "reading MDM_VPNv2_01 instances", hr, st->context);
            break;
        }
        if (got == 0)
            break;
        VARIANT id, xml;
        VariantInit(&id);
        VariantInit(&xml);
        if (SUCCEEDED(IWbemClassObject_Get(obj, L"InstanceID", 0, &id, NULL, NULL)) &&
            SUCCEEDED(IWbemClassObject_Get(obj, L"ProfileXML", 0, &xml, NULL, NULL)) &&
            V_VT(&xml) == VT_BSTR) {
            char *name = V_VT(&id) == VT_BSTR ? bstr_utf8(V_BSTR(&id)) : vl_strdup("?");
            char *text = bstr_utf8(V_BSTR(&xml));
            char *display = name ? vl_sprintf("MDM_VPNv2_01/%s", name) : NULL;
            if (text && display) {
                vpnlint_report_add_buffer(r, display, text, strlen(text));
                st->profiles++;
            }
            vpnlint_free(name);
            vpnlint_free(text);
            vpnlint_free(display);
        }
        VariantClear(&id);
        VariantClear(&xml);
        IWbemClassObject_Release(obj);
    }
done:
    if (en)
        IEnumWbemClassObject_Release(en);
    if (svc)
        IWbemServices_Release(svc);
    if (loc)
        IWbemLocator_Release(loc);
    SysFreeString(ns);
    SysFreeString(wql);
    SysFreeString(query);
    if (uninit)
        CoUninitialize();
}

/* ---- registry values judged against the L2TP entries */

static void check_values(vpnlint_report *r, vpnlint_device_state *st, const vl_pbk_scan *scan)
{
    long long natt = -1, prohibit = -1;
    int rc = vl_win_reg_get_dword(VL_NATT_KEY, VL_NATT_VALUE, &natt);
    const char *natt_where = "HKLM\\" VL_NATT_KEY "\\" VL_NATT_VALUE;
    if (rc == VPNLINT_EPARSE) {
        vl_dev_finding(r, natt_where, "DEV005", "%s", vpnlint_error_last());
        st->fixes |= scan->l2tp_primary ? VPNLINT_FIX_NATT : 0u;
        natt = -2;
    } else if (rc == VPNLINT_OK && natt > 2) {
        vl_dev_finding(r, natt_where, "DEV005",
                       "%s is %lld; Windows knows 0, 1 and 2 only (2: server and client may "
                       "be behind NAT)",
                       VL_NATT_VALUE, natt);
        st->fixes |= scan->l2tp_primary ? VPNLINT_FIX_NATT : 0u;
    }
    st->natt = natt < -1 ? -1 : (int)natt;
    if (scan->l2tp_primary && natt >= -1 && natt < 2) {
        char now[32];
        if (natt < 0)
            snprintf(now, sizeof now, "absent (behaves as 0)");
        else
            snprintf(now, sizeof now, "%lld", natt);
        vl_dev_finding(r, natt_where, "DEV004",
                       "%u L2TP connection(s) found and %s is %s: L2TP/IPsec to a server "
                       "behind NAT fails (error 809); set it to 2 and restart",
                       scan->l2tp_primary, VL_NATT_VALUE, now);
        st->fixes |= VPNLINT_FIX_NATT;
    }
    const char *pi_where = "HKLM\\" VL_RASMAN_PARAMS_KEY "\\" VL_PROHIBIT_IPSEC_VALUE;
    rc = vl_win_reg_get_dword(VL_RASMAN_PARAMS_KEY, VL_PROHIBIT_IPSEC_VALUE, &prohibit);
    st->prohibit_ipsec = rc == VPNLINT_OK ? (int)(prohibit > 0x7fffffff ? 1 : prohibit) : -1;
    if (rc == VPNLINT_OK && prohibit > 0 && scan->l2tp_primary) {
        vl_dev_finding(r, pi_where, "DEV006",
                       "%s is %lld: RAS creates no IPsec policy for L2TP, so the %u L2TP "
                       "connection(s) here fail unless a manual IPsec policy exists; set it "
                       "to 0 and restart",
                       VL_PROHIBIT_IPSEC_VALUE, prohibit, scan->l2tp_primary);
        st->fixes |= VPNLINT_FIX_PROHIBIT_IPSEC;
    }
}

int vpnlint_device_check(vpnlint_device_state *state, vpnlint_report *report, unsigned int flags)
{
    if (!report)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_device_check: no report given");
    if (state && state->version != VPNLINT_DEVICE_STATE_VERSION)
        return vl_error_set(VPNLINT_EINVALID,
                            "vpnlint_device_check: state.version must be %d (got %u)",
                            VPNLINT_DEVICE_STATE_VERSION, state->version);
    vpnlint_device_state st;
    memset(&st, 0, sizeof st);
    st.version = VPNLINT_DEVICE_STATE_VERSION;
    st.natt = -1;
    st.prohibit_ipsec = -1;

    st.context = vl_win_run_context();
    os_build(&st.os_build, &st.os_ubr);
    vl_dev_finding(report, "device", "DEV008", "running as %s: %s", context_text(st.context),
                   st.context == VPNLINT_CONTEXT_SYSTEM
                       ? "the all-users phonebook and the device's MDM profiles are visible; "
                         "users' own phonebooks are not"
                   : st.context == VPNLINT_CONTEXT_ELEVATED
                       ? "this user's and the all-users phonebooks are visible; MDM profiles "
                         "need SYSTEM"
                       : "only this user's and the all-users phonebooks are visible; repairs "
                         "need an elevated prompt, MDM profiles need SYSTEM");
    vl_dev_finding(report, "device", "DEV010", "Windows build %u.%u", (unsigned)st.os_build,
                   (unsigned)st.os_ubr);
    const char *kb = NULL;
    if (vl_dev_regression(st.os_build, st.os_ubr, &kb) == VL_REGRESSION_AFFECTED)
        vl_dev_finding(report, "device", "DEV007",
                       "build %u.%u carries the January 2022 update that breaks L2TP/IPsec "
                       "and IKE to non-Microsoft VPN servers; install %s or any later "
                       "cumulative update",
                       (unsigned)st.os_build, (unsigned)st.os_ubr, kb);

    check_services(report, &st);
    vl_pbk_scan scan;
    memset(&scan, 0, sizeof scan);
    if (!(flags & VPNLINT_DEVICE_NO_PHONEBOOKS))
        check_phonebooks(report, &st, &scan);
    st.l2tp_entries = scan.l2tp_primary;
    check_values(report, &st, &scan);
    if (!(flags & VPNLINT_DEVICE_NO_WMI))
        check_profiles(report, &st);
    vpnlint_error_clear();
    if (state)
        *state = st;
    return VPNLINT_OK;
}
#else
typedef int vl_check_win_unused;
#endif
