/* common.c — the parts of the device checks that need no Windows: the
 * January 2022 regression window, the phonebook L2TP scan, atomic writes,
 * the test pause hook and the finding helper. */
#include "device/device.h"
#include "core/engine.h"
#include "core/win32.h"
#include "pbk/pbk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#endif

/* The January 11, 2022 cumulative updates broke L2TP/IPsec and IKE to
 * non-Microsoft servers; the out-of-band updates of January 17 fixed it
 * (rasphone-pbk.md §6.4). Update build revisions as published in the KB
 * titles: KB5009543 = 1904x.1466, KB5010793 = 1904x.1469 (Windows 10 20H2,
 * 21H1, 21H2); KB5009566 = 22000.434, KB5010795 = 22000.438 (Windows 11). */
vl_regression vl_dev_regression(uint32_t build, uint32_t ubr, const char **fix_kb)
{
    uint32_t broken, fixed;
    const char *kb;
    if (build == 19042 || build == 19043 || build == 19044) {
        broken = 1466;
        fixed = 1469;
        kb = "KB5010793";
    } else if (build == 22000) {
        broken = 434;
        fixed = 438;
        kb = "KB5010795";
    } else {
        if (fix_kb)
            *fix_kb = NULL;
        return VL_REGRESSION_NONE;
    }
    if (fix_kb)
        *fix_kb = kb;
    if (ubr < broken)
        return VL_REGRESSION_NONE;
    return ubr >= fixed ? VL_REGRESSION_FIXED : VL_REGRESSION_AFFECTED;
}

/* ---- phonebook scan: the L2TP entries, read through the phonebook model */

static void classify(vl_pbk_scan *out, long long type, long long strategy)
{
    if (type != 2) /* 2 = VPN entry */
        return;
    switch (strategy) {
    case 3:  /* L2TP only */
    case 4:  /* L2TP first */
    case 13: /* L2TP, then SSTP */
        out->l2tp_primary++;
        break;
    case 0: /* Automatic and the orders that fall back to L2TP */
    case 2:
    case 6:
    case 8:
        out->l2tp_maybe++;
        break;
    default:
        break;
    }
}

void vl_dev_scan_pbk(const void *data, size_t len, vl_pbk_scan *out)
{
    memset(out, 0, sizeof *out);
    const unsigned char *b = data;
    /* A phonebook is 8-bit text; one saved as UTF-16 (with a BOM) is
     * narrowed first: its keys and numbers are ASCII. */
    char *narrow = NULL;
    const void *bytes = data;
    size_t n = len;
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        bool le = b[0] == 0xFF;
        narrow = malloc(len / 2 + 1);
        if (!narrow)
            return;
        n = 0;
        for (size_t i = 2; i + 1 < len; i += 2) {
            unsigned hi = le ? b[i + 1] : b[i], lo = le ? b[i] : b[i + 1];
            narrow[n++] = hi ? '?' : (char)lo;
        }
        bytes = narrow;
    }
    vl_pbk *p = NULL;
    if (vl_pbk_parse(&p, bytes, n) == VPNLINT_OK && p) {
        for (size_t i = 0; i < p->n_entries; i++) {
            const vl_pbk_entry *e = &p->entries[i];
            long long type = 2, strategy = -1; /* entries without Type are VPN entries */
            out->entries++;
            /* first occurrence anywhere in the entry: a hand-edited phonebook
             * may have moved the keys below MEDIA= */
            const vl_pbk_kv *t = vl_pbk_entry_get_any(e, "Type");
            const vl_pbk_kv *v = vl_pbk_entry_get_any(e, "VpnStrategy");
            if (t)
                vl_pbk_kv_int(p, t, &type);
            if (v && vl_pbk_kv_int(p, v, &strategy))
                classify(out, type, strategy);
        }
    }
    vl_pbk_free(p);
    free(narrow);
}

/* ---- planning from a phonebook alone (any operating system) */

int vpnlint_device_plan_pbk(vpnlint_device_state *state, vpnlint_report *report,
                            const char *pbk_path)
{
    if (!state || !report || !pbk_path)
        return vl_error_set(VPNLINT_EINVALID, "vpnlint_device_plan_pbk: NULL argument");
    if (state->version != VPNLINT_DEVICE_STATE_VERSION)
        return vl_error_set(VPNLINT_EINVALID, "device state version %u is not supported",
                            state->version);
    memset(state, 0, sizeof *state);
    state->version = VPNLINT_DEVICE_STATE_VERSION;
    state->natt = -2;
    state->prohibit_ipsec = -2;
    int rc = vpnlint_report_add_file(report, pbk_path);
    if (rc != VPNLINT_OK)
        return rc;
    char *data = NULL;
    size_t len = 0;
    rc = vl_read_file(pbk_path, VPNLINT_DEFAULT_MAX_BYTES, &data, &len, NULL);
    if (rc != VPNLINT_OK)
        return rc;
    vl_pbk_scan scan;
    vl_dev_scan_pbk(data, len, &scan);
    free(data);
    state->phonebooks = 1;
    state->l2tp_entries = scan.l2tp_primary;
    if (scan.l2tp_primary)
        state->fixes |= VPNLINT_FIX_NATT;
    return VPNLINT_OK;
}

/* ---- atomic write */

int vl_dev_write_atomic(const char *path, const char *data, size_t len)
{
#ifdef _WIN32
    wchar_t *wpath = vl_win_path(path);
    if (!wpath)
        return vpnlint_error_last_code();
    size_t n = wcslen(wpath);
    wchar_t *wtmp = vl_malloc((n + 32) * sizeof(wchar_t));
    if (!wtmp) {
        vpnlint_free(wpath);
        return vl_error_oom();
    }
    swprintf(wtmp, n + 32, L"%ls.tmp%lu", wpath, (unsigned long)GetCurrentProcessId());
    HANDLE h =
        CreateFileW(wtmp, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    int rc = VPNLINT_OK;
    if (h == INVALID_HANDLE_VALUE) {
        DWORD e = GetLastError();
        char *why = vl_win_error_text(e);
        rc = vl_error_set(e == ERROR_ACCESS_DENIED ? VPNLINT_EACCESS : VPNLINT_EIO,
                          "cannot create '%s': %s; choose a writable folder", path, why);
        vpnlint_free(why);
        goto out;
    }
    DWORD written = 0;
    BOOL ok = len <= 0xFFFFFFFFu && WriteFile(h, data, (DWORD)len, &written, NULL) &&
              written == len && FlushFileBuffers(h);
    DWORD e = GetLastError();
    CloseHandle(h);
    if (!ok) {
        DeleteFileW(wtmp);
        char *why = vl_win_error_text(e);
        rc = vl_error_set(VPNLINT_EIO, "cannot write '%s': %s", path, why);
        vpnlint_free(why);
        goto out;
    }
    if (!MoveFileExW(wtmp, wpath, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        e = GetLastError();
        DeleteFileW(wtmp);
        char *why = vl_win_error_text(e);
        rc = vl_error_set(e == ERROR_ACCESS_DENIED ? VPNLINT_EACCESS : VPNLINT_EIO,
                          "cannot replace '%s': %s", path, why);
        vpnlint_free(why);
    }
out:
    vpnlint_free(wtmp);
    vpnlint_free(wpath);
    return rc;
#else
    char *tmp = vl_sprintf("%s.tmp%ld", path, (long)getpid());
    if (!tmp)
        return vl_error_oom();
    int rc = VPNLINT_OK;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        rc = vl_error_set(errno == EACCES ? VPNLINT_EACCESS : VPNLINT_EIO,
                          "cannot create '%s': %s; choose a writable folder", tmp, strerror(errno));
        vpnlint_free(tmp);
        return rc;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        off += (size_t)w;
    }
    int err = off < len ? errno : 0;
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err) {
        unlink(tmp);
        rc = vl_error_set(VPNLINT_EIO, "cannot write '%s': %s", path, strerror(err));
    }
    vpnlint_free(tmp);
    return rc;
#endif
}

void vl_dev_test_pause(const char *stage)
{
    const char *at = getenv("VPNLINT_TEST_PAUSE_AT");
    if (!at || strcmp(at, stage) != 0)
        return;
    fprintf(stderr, "vpnlint: paused at %s (VPNLINT_TEST_PAUSE_AT)\n", stage);
    fflush(stderr);
#ifdef _WIN32
    Sleep(600000);
#else
    sleep(600);
#endif
}

int vl_dev_finding(vpnlint_report *report, const char *where, const char *rule_id, const char *fmt,
                   ...)
{
    const vl_rule *rule = vl_rule_lookup(rule_id);
    if (!rule)
        return vl_error_set(VPNLINT_ENOTFOUND, "no rule with ID '%s'", rule_id);
    /* the report's options apply to device checks as to any rule */
    if (!vl_rule_enabled(report, rule))
        return VPNLINT_OK;
    int severity = vl_effective_severity(report, rule, rule->severity);
    if (severity == VPNLINT_SEVERITY_OFF)
        return VPNLINT_OK;
    int rc;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vl_vsprintf(fmt, ap);
    va_end(ap);
    if (!msg)
        return vl_error_oom();
    rc = vpnlint_report_add_finding(report, where, rule_id, severity, msg, 0, 0);
    vpnlint_free(msg);
    return rc;
}
