/* repair.c — the repairs and their undo. Win32 does the work; elsewhere
 * every entry point answers VPNLINT_EUNSUPPORTED.
 *
 * Order of a repair, so that a process killed at any point leaves the
 * registry and the journal consistent:
 *   1. read the current value; nothing to do -> say so, write nothing;
 *   2. check the rights (VPNLINT_EACCESS before anything is written);
 *   3. journal: append the step as "pending" with the value before (atomic);
 *   4. make the change (flushed);
 *   5. journal: mark the step "done" (atomic).
 * Undo restores the "before" of pending and done steps alike: a pending step
 * whose change never happened is restored to the value it still has. */
#include "device/device.h"
#include "device/win_internal.h"
#include "core/win32.h"

#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#endif

VPNLINT_EXTERN(void) vpnlint_repair_result_clear(vpnlint_repair_result *result)
{
    if (!result)
        return;
    vpnlint_free(result->message);
    vpnlint_free(result->journal_path);
    memset(result, 0, sizeof *result);
}

#ifndef _WIN32

static int need_windows(vpnlint_repair_result *out, const char *what)
{
    if (out)
        memset(out, 0, sizeof *out);
    return vl_error_set(VPNLINT_EUNSUPPORTED,
                        "%s needs Windows: it changes the Windows registry or services", what);
}

VPNLINT_EXTERN(int)
vpnlint_repair_natt(vpnlint_repair_result *out, int value, const char *journal, unsigned int flags)
{
    (void)value;
    (void)journal;
    (void)flags;
    return need_windows(out, "repairing the NAT-T value");
}

VPNLINT_EXTERN(int)
vpnlint_repair_prohibit_ipsec(vpnlint_repair_result *out, const char *journal, unsigned int flags)
{
    (void)journal;
    (void)flags;
    return need_windows(out, "repairing ProhibitIpSec");
}

VPNLINT_EXTERN(int)
vpnlint_repair_start_service(vpnlint_repair_result *out, const char *service, const char *journal,
                             unsigned int flags)
{
    (void)service;
    (void)journal;
    (void)flags;
    return need_windows(out, "starting a service");
}

VPNLINT_EXTERN(int)
vpnlint_repair_undo(vpnlint_repair_result *out, const char *journal, unsigned int flags)
{
    (void)journal;
    (void)flags;
    return need_windows(out, "undoing a repair");
}

#else /* _WIN32 */

static const char *const vpn_services[] = {"RasMan", "IKEEXT", "PolicyAgent", "BFE", "SstpSvc"};

static char *value_text(long long v)
{
    return v < 0 ? vl_strdup("absent") : vl_sprintf("%lld", v);
}

/* %ProgramData%\vpnlint\journal\<what>-YYYYMMDD-HHMMSS.json, folders created. */
static char *default_journal(const char *what)
{
    wchar_t pd[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"ProgramData", pd, MAX_PATH);
    if (n == 0 || n >= MAX_PATH) {
        vl_error_set(VPNLINT_ENOTFOUND,
                     "%%ProgramData%% is not set; name a journal file with --journal");
        return NULL;
    }
    char *base = vl_wide_to_utf8(pd);
    if (!base)
        return NULL;
    char *d1 = vl_sprintf("%s\\vpnlint", base);
    char *d2 = vl_sprintf("%s\\vpnlint\\journal", base);
    SYSTEMTIME t;
    GetSystemTime(&t);
    char *path = vl_sprintf("%s\\vpnlint\\journal\\%s-%04u%02u%02u-%02u%02u%02u.json", base, what,
                            t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute, t.wSecond);
    vpnlint_free(base);
    const char *dirs[] = {d1, d2};
    for (size_t i = 0; path && i < 2; i++) {
        wchar_t *w = dirs[i] ? vl_win_path(dirs[i]) : NULL;
        if (!w || (!CreateDirectoryW(w, NULL) && GetLastError() != ERROR_ALREADY_EXISTS)) {
            vl_error_set(GetLastError() == ERROR_ACCESS_DENIED ? VPNLINT_EACCESS : VPNLINT_EIO,
                         "cannot create the journal folder '%s'; name a journal file with "
                         "--journal",
                         dirs[i] ? dirs[i] : "?");
            vpnlint_free(path);
            path = NULL;
        }
        vpnlint_free(w);
    }
    vpnlint_free(d1);
    vpnlint_free(d2);
    return path;
}

typedef struct reg_repair {
    const char *what; /* journal file prefix: "natt", "prohibitipsec" */
    const char *key;
    const char *value;
    long long want;
} reg_repair;

static int do_reg_repair(vpnlint_repair_result *out, const reg_repair *rr, const char *journal,
                         unsigned int flags)
{
    long long cur = -1;
    int rc = vl_win_reg_get_dword(rr->key, rr->value, &cur);
    if (rc != VPNLINT_OK)
        return rc;
    out->before = cur;
    out->after = rr->want;
    char *b = value_text(cur), *a = value_text(rr->want);
    if (!b || !a) {
        vpnlint_free(b);
        vpnlint_free(a);
        return vl_error_oom();
    }
    if (cur == rr->want) {
        out->message =
            vl_sprintf("HKLM\\%s\\%s is already %s; nothing changed", rr->key, rr->value, a);
        goto done;
    }
    if (flags & VPNLINT_REPAIR_DRY_RUN) {
        out->after = cur;
        out->reboot_required = 1;
        out->message = vl_sprintf("would set HKLM\\%s\\%s from %s to %s (dry run: nothing "
                                  "written); Windows needs a restart after the change",
                                  rr->key, rr->value, b, a);
        goto done;
    }
    rc = vl_win_reg_check_write(rr->key);
    if (rc != VPNLINT_OK)
        goto done;
    char *jpath = journal ? vl_strdup(journal) : default_journal(rr->what);
    if (!jpath) {
        rc = vpnlint_error_last_code();
        goto done;
    }
    vl_journal *j = NULL;
    size_t idx = 0;
    char *target = vl_sprintf("HKLM\\%s", rr->key);
    vl_step step = {"registry-dword", target, rr->value, cur, rr->want, VL_STEP_PENDING, true};
    rc = target ? vl_journal_load(&j, jpath, NULL) : vl_error_oom();
    if (rc == VPNLINT_OK)
        rc = vl_journal_add(j, &step, &idx);
    if (rc == VPNLINT_OK)
        rc = vl_journal_save(j, jpath);
    if (rc == VPNLINT_OK) {
        vl_dev_test_pause("journal-written");
        rc = vl_win_reg_set_dword(rr->key, rr->value, rr->want);
        if (rc != VPNLINT_OK) {
            /* Nothing changed: say so in the journal, keep the error. */
            char *err = vl_strdup(vpnlint_error_last());
            int keep = rc;
            if (vl_journal_set_state(j, idx, VL_STEP_UNDONE) == VPNLINT_OK)
                vl_journal_save(j, jpath);
            rc = vl_error_set(keep, "%s", err ? err : "writing the value failed");
            vpnlint_free(err);
        }
    }
    if (rc == VPNLINT_OK) {
        vl_dev_test_pause("value-written");
        rc = vl_journal_set_state(j, idx, VL_STEP_DONE);
        if (rc == VPNLINT_OK)
            rc = vl_journal_save(j, jpath);
        if (rc != VPNLINT_OK) {
            char *err = vl_strdup(vpnlint_error_last());
            rc = vl_error_set(rc,
                              "HKLM\\%s\\%s was set to %s, but the journal '%s' could not be "
                              "completed (%s); it still holds the old value (%s) for undo",
                              rr->key, rr->value, a, jpath, err ? err : "?", b);
            vpnlint_free(err);
        }
    }
    if (rc == VPNLINT_OK) {
        out->changed = 1;
        out->reboot_required = 1;
        out->journal_path = jpath;
        jpath = NULL;
        out->message = vl_sprintf("set HKLM\\%s\\%s from %s to %s; restart Windows for it to "
                                  "take effect (reboot required); journal: %s",
                                  rr->key, rr->value, b, a, out->journal_path);
    }
    vl_journal_free(j);
    vpnlint_free(jpath);
    vpnlint_free(target);
done:
    vpnlint_free(a);
    vpnlint_free(b);
    if (rc == VPNLINT_OK && !out->message)
        rc = vl_error_oom();
    return rc;
}

static int start_result(vpnlint_repair_result *out)
{
    if (!out)
        return vl_error_set(VPNLINT_EINVALID, "no result given");
    memset(out, 0, sizeof *out);
    return VPNLINT_OK;
}

VPNLINT_EXTERN(int)
vpnlint_repair_natt(vpnlint_repair_result *out, int value, const char *journal, unsigned int flags)
{
    int rc = start_result(out);
    if (rc != VPNLINT_OK)
        return rc;
    if (value < 0 || value > 2)
        return vl_error_set(VPNLINT_EINVALID,
                            "NAT-T value %d: use 0 (no NAT-T to servers behind NAT), 1 (server "
                            "behind NAT) or 2 (server and/or client behind NAT)",
                            value);
    reg_repair rr = {"natt", VL_NATT_KEY, VL_NATT_VALUE, value};
    rc = do_reg_repair(out, &rr, journal, flags);
    if (rc != VPNLINT_OK)
        vpnlint_repair_result_clear(out);
    return rc;
}

VPNLINT_EXTERN(int)
vpnlint_repair_prohibit_ipsec(vpnlint_repair_result *out, const char *journal, unsigned int flags)
{
    int rc = start_result(out);
    if (rc != VPNLINT_OK)
        return rc;
    long long cur = -1;
    rc = vl_win_reg_get_dword(VL_RASMAN_PARAMS_KEY, VL_PROHIBIT_IPSEC_VALUE, &cur);
    if (rc != VPNLINT_OK)
        return rc;
    if (cur < 0) { /* absent means 0 already: do not create it */
        out->before = out->after = -1;
        out->message = vl_sprintf("HKLM\\%s\\%s is absent (RAS creates its L2TP IPsec policy); "
                                  "nothing changed",
                                  VL_RASMAN_PARAMS_KEY, VL_PROHIBIT_IPSEC_VALUE);
        return out->message ? VPNLINT_OK : vl_error_oom();
    }
    reg_repair rr = {"prohibitipsec", VL_RASMAN_PARAMS_KEY, VL_PROHIBIT_IPSEC_VALUE, 0};
    rc = do_reg_repair(out, &rr, journal, flags);
    if (rc != VPNLINT_OK)
        vpnlint_repair_result_clear(out);
    return rc;
}

VPNLINT_EXTERN(int)
vpnlint_repair_start_service(vpnlint_repair_result *out, const char *service, const char *journal,
                             unsigned int flags)
{
    int rc = start_result(out);
    if (rc != VPNLINT_OK)
        return rc;
    const char *name = NULL;
    for (size_t i = 0; service && i < VL_ARRAY_LEN(vpn_services); i++)
        if (vl_strcasecmp(service, vpn_services[i]) == 0)
            name = vpn_services[i];
    if (!name)
        return vl_error_set(VPNLINT_EINVALID,
                            "'%s' is not one of the VPN services vpnlint starts (RasMan, IKEEXT, "
                            "PolicyAgent, BFE, SstpSvc)",
                            service ? service : "(null)");
    vl_win_service q;
    rc = vl_win_service_query(name, &q);
    if (rc != VPNLINT_OK)
        return rc;
    out->before = (long long)q.state;
    out->after = SERVICE_RUNNING;
    if (q.running) {
        out->message = vl_sprintf("service %s is already running; nothing changed", name);
        return out->message ? VPNLINT_OK : vl_error_oom();
    }
    if (q.start_type == SERVICE_DISABLED)
        return vl_error_set(VPNLINT_ECONFLICT,
                            "service %s is disabled; vpnlint does not change start types: set "
                            "it to Manual or Automatic first if it should run",
                            name);
    if (flags & VPNLINT_REPAIR_DRY_RUN) {
        out->after = out->before;
        out->message = vl_sprintf("would start service %s (dry run: nothing done)", name);
        return out->message ? VPNLINT_OK : vl_error_oom();
    }
    char *jpath = journal ? vl_strdup(journal) : default_journal("service");
    if (!jpath)
        return vpnlint_error_last_code();
    vl_journal *j = NULL;
    size_t idx = 0;
    vl_step step = {"service-start", name, NULL, (long long)q.state, SERVICE_RUNNING,
                    VL_STEP_PENDING, false};
    rc = vl_journal_load(&j, jpath, NULL);
    if (rc == VPNLINT_OK)
        rc = vl_journal_add(j, &step, &idx);
    if (rc == VPNLINT_OK)
        rc = vl_journal_save(j, jpath);
    if (rc == VPNLINT_OK) {
        vl_dev_test_pause("journal-written");
        rc = vl_win_service_start(name);
        if (rc == VPNLINT_OK) {
            if (vl_journal_set_state(j, idx, VL_STEP_DONE) == VPNLINT_OK)
                rc = vl_journal_save(j, jpath);
        }
    }
    vl_journal_free(j);
    if (rc != VPNLINT_OK) {
        vpnlint_free(jpath);
        return rc;
    }
    out->changed = 1;
    out->journal_path = jpath;
    out->message = vl_sprintf("started service %s; journal: %s", name, jpath);
    return out->message ? VPNLINT_OK : vl_error_oom();
}

/* Restores one step; *restored = true when something was written. */
static int undo_step(const vl_step *s, bool *restored, long long *was, int flags)
{
    *restored = false;
    if (strcmp(s->what, "registry-dword") == 0 && s->name) {
        const char *key = s->target;
        if (vl_strncasecmp(key, "HKLM\\", 5) != 0)
            return vl_error_set(VPNLINT_EPARSE, "journal step targets '%s', not HKLM", key);
        key += 5;
        long long cur = -1;
        int rc = vl_win_reg_get_dword(key, s->name, &cur);
        if (rc != VPNLINT_OK)
            return rc;
        *was = cur;
        if (cur == s->before)
            return VPNLINT_OK;
        if (cur != s->after) {
            char *c = value_text(cur), *a = value_text(s->after), *b = value_text(s->before);
            rc = vl_error_set(VPNLINT_ECONFLICT,
                              "%s\\%s is %s now, not %s as the repair left it: it changed "
                              "since; undo refused (set it to %s by hand if that is still wanted)",
                              s->target, s->name, c ? c : "?", a ? a : "?", b ? b : "?");
            vpnlint_free(c);
            vpnlint_free(a);
            vpnlint_free(b);
            return rc;
        }
        if (flags & VPNLINT_REPAIR_DRY_RUN) {
            *restored = true;
            return VPNLINT_OK;
        }
        rc = vl_win_reg_set_dword(key, s->name, s->before);
        *restored = rc == VPNLINT_OK;
        return rc;
    }
    if (strcmp(s->what, "service-start") == 0) {
        vl_win_service q;
        int rc = vl_win_service_query(s->target, &q);
        if (rc != VPNLINT_OK)
            return rc;
        *was = (long long)q.state;
        if (s->before != SERVICE_STOPPED || q.state == SERVICE_STOPPED)
            return VPNLINT_OK;
        if (flags & VPNLINT_REPAIR_DRY_RUN) {
            *restored = true;
            return VPNLINT_OK;
        }
        rc = vl_win_service_stop(s->target);
        *restored = rc == VPNLINT_OK;
        return rc;
    }
    return vl_error_set(VPNLINT_EPARSE, "journal step '%s' is not one vpnlint knows", s->what);
}

VPNLINT_EXTERN(int)
vpnlint_repair_undo(vpnlint_repair_result *out, const char *journal, unsigned int flags)
{
    int rc = start_result(out);
    if (rc != VPNLINT_OK)
        return rc;
    if (!journal)
        return vl_error_set(VPNLINT_EINVALID, "undo needs the journal file a repair wrote");
    vl_journal *j = NULL;
    bool existed = false;
    rc = vl_journal_load(&j, journal, &existed);
    if (rc != VPNLINT_OK)
        return rc;
    if (!existed) {
        vl_journal_free(j);
        return vl_error_set(VPNLINT_ENOTFOUND, "journal '%s' does not exist", journal);
    }
    vl_buf msg = VL_BUF_INIT;
    unsigned restored_count = 0;
    for (size_t i = vl_journal_count(j); i-- > 0;) {
        vl_step s;
        rc = vl_journal_step(j, i, &s);
        if (rc != VPNLINT_OK)
            break;
        if (s.state == VL_STEP_UNDONE)
            continue;
        bool restored = false;
        long long was = -1;
        rc = undo_step(&s, &restored, &was, (int)flags);
        if (rc != VPNLINT_OK)
            break;
        char *b = value_text(s.before), *w = value_text(was);
        if (msg.len)
            vl_buf_puts(&msg, "; ");
        if (strcmp(s.what, "service-start") == 0)
            vl_buf_printf(&msg,
                          restored ? "%sstopped service %s again"
                                   : "service %s%s is "
                                     "already stopped",
                          restored ? ((flags & VPNLINT_REPAIR_DRY_RUN) ? "would have " : "") : "",
                          s.target);
        else if (restored)
            vl_buf_printf(&msg, "%s %s\\%s from %s to %s",
                          (flags & VPNLINT_REPAIR_DRY_RUN) ? "would restore" : "restored", s.target,
                          s.name, w ? w : "?", b ? b : "?");
        else
            vl_buf_printf(&msg, "%s\\%s is already %s", s.target, s.name, b ? b : "?");
        vpnlint_free(b);
        vpnlint_free(w);
        if (restored) {
            restored_count++;
            out->before = was;
            out->after = s.before;
            out->reboot_required |= s.reboot_required;
        }
        if (flags & VPNLINT_REPAIR_DRY_RUN)
            continue;
        rc = vl_journal_set_state(j, i, VL_STEP_UNDONE);
        if (rc == VPNLINT_OK)
            rc = vl_journal_save(j, journal);
        if (rc != VPNLINT_OK)
            break;
        vl_dev_test_pause("undo-step");
    }
    vl_journal_free(j);
    if (rc != VPNLINT_OK) {
        vl_buf_free(&msg);
        return rc;
    }
    out->changed = restored_count > 0 && !(flags & VPNLINT_REPAIR_DRY_RUN);
    if (!msg.len)
        vl_buf_puts(&msg, "nothing to undo: every step of the journal was undone already");
    else if (out->reboot_required && out->changed)
        vl_buf_puts(&msg, "; restart Windows for it to take effect (reboot required)");
    if (!vl_buf_ok(&msg)) {
        vl_buf_free(&msg);
        return vl_error_oom();
    }
    out->message = vl_buf_detach(&msg);
    out->journal_path = vl_strdup(journal);
    return VPNLINT_OK;
}

#endif
