/* PX054 app-id-form — App/Id is neither SYSTEM, a package family name nor an
 * absolute program path. */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static bool is_alnum(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Name_publisherid: name of letters, digits, '.', '-' (3-50), publisher id of
 * 13 base32 characters. */
static bool is_pfn(const char *s)
{
    const char *us = strrchr(s, '_');
    if (!us)
        return false;
    size_t ln = (size_t)(us - s), lh = strlen(us + 1);
    if (ln < 3 || ln > 50 || lh != 13)
        return false;
    for (size_t i = 0; i < ln; i++)
        if (!is_alnum(s[i]) && s[i] != '.' && s[i] != '-')
            return false;
    for (size_t i = 0; i < lh; i++)
        if (!is_alnum(us[1 + i]))
            return false;
    return true;
}

/* C:\..., \\server\..., %ProgramFiles%\... */
static bool is_abs_path(const char *s)
{
    if (is_alnum(s[0]) && !(s[0] >= '0' && s[0] <= '9') && s[1] == ':' &&
        (s[2] == '\\' || s[2] == '/'))
        return true;
    if (s[0] == '\\' && s[1] == '\\' && s[2])
        return true;
    if (s[0] == '%') {
        const char *end = strchr(s + 1, '%');
        return end && end > s + 1 && (end[1] == '\\' || end[1] == '/');
    }
    return false;
}

static void check_ids(vl_ctx *c, int def, const char *what)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, def); e; e = vl_px_next(p, e)) {
        if (!*e->text || strcmp(e->text, "SYSTEM") == 0 || is_pfn(e->text) || is_abs_path(e->text))
            continue;
        if (vl_strcasecmp(e->text, "SYSTEM") == 0)
            vl_report_sev(c, VPNLINT_SEVERITY_INFO, e,
                          "%s/App/Id '%s': the VPNv2 CSP spells the kernel-traffic id SYSTEM in "
                          "capitals; write it that way to be safe",
                          what, e->text);
        else
            vl_report(c, e,
                      "%s/App/Id '%.*s' is neither SYSTEM, a package family name "
                      "(Name_publisherid) nor an absolute program path, so it matches no "
                      "application",
                      what, VL_SHOW_MAX, e->text);
    }
}

static void check(vl_ctx *c)
{
    check_ids(c, VL_PX_AT_App_Id, "AppTrigger");
    check_ids(c, VL_PX_TF_App_Id, "TrafficFilter");
}

VL_RULE(PX054) = {
    .id = "PX054",
    .name = "app-id-form",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary =
        "An AppTrigger or TrafficFilter App/Id is not SYSTEM, a package family name or a full path",
    .description =
        "App/Id identifies an application by its package family name (e.g. "
        "Microsoft.RemoteDesktop_8wekyb3d8bbwe), by the full path of its executable (e.g. "
        "C:\\Windows\\System32\\mstsc.exe, environment variables allowed), or is the literal "
        "SYSTEM for kernel-mode traffic such as SMB. A bare file name, a package name without "
        "its publisher id, or a display name matches nothing: the app trigger never fires, and "
        "the traffic filter lets none of that app's traffic through.",
    .fix = "Use Get-AppxPackage to read the PackageFamilyName of a Store app, or give the full "
           "path of a desktop program.",
    .since = "0.1.0",
    .check = check,
};
