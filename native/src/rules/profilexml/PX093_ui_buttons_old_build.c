/* PX093 ui-buttons-old-build — DisableAdvancedOptionsEditButton/DisableDisconnectButton are ignored
 * before Windows 11 22H2 */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!c->min_build_set || c->min_build >= 22621)
        return;
    static const int defs[] = {VL_PX_DisableAdvancedOptionsEditButton,
                               VL_PX_DisableDisconnectButton};
    for (size_t i = 0; i < 2; i++)
        if (vl_px_is_true(p, defs[i]))
            vl_report(c, vl_px_first(p, defs[i]),
                      "%s takes effect only on Windows 11 22H2 (build 22621) and later; the "
                      "minimum targeted build is %u",
                      vl_px_first(p, defs[i])->name, (unsigned)c->min_build);
}

VL_RULE(PX093) = {
    .id = "PX093",
    .name = "ui-buttons-old-build",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "DisableAdvancedOptionsEditButton/DisableDisconnectButton are ignored before "
               "Windows 11 22H2",
    .description = "The two UI settings appear in the VPNv2 CSP for Windows 11 (build 22000); "
                   "Richard Hicks and DPC state they take effect only from Windows 11 22H2 (build "
                   "22621). On older clients the buttons stay available. Reported when set to true "
                   "and --min-build is given and below 22621 (PX028 then leaves the two settings "
                   "to this rule).",
    .fix = "Target Windows 11 22H2 or later (--min-build 22621), or do not rely on these settings "
           "on older clients.",
    .since = "0.1.0",
    .check = check,
};
