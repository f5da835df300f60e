/* PX031 get-only-element — read-back data that cannot be deployed. */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (int d = 0; d < VL_PX__COUNT; d++) {
        const vl_px_def *def = vl_px_def_get(d);
        if (!(def->flags & VL_PXF_GET_ONLY))
            continue;
        char path[200];
        for (const vl_el *e = vl_px_first(p, d); e; e = vl_px_next(p, e))
            vl_report(c, e,
                      "<%s> is get-only in the VPNv2 CSP: Windows fills it in when the profile "
                      "is read back, and XML read back from MDM_VPNv2_01 cannot be deployed: "
                      "remove it",
                      vl_px_def_path(d, path, sizeof path));
    }
}

VL_RULE(PX031) = {
    .id = "PX031",
    .name = "get-only-element",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The profile contains get-only (read-back) data",
    .description =
        "AppTrigger/App/Type, TrafficFilter/App/Type and DomainNameInformation/DomainNameType "
        "are get-only nodes of the VPNv2 CSP: Windows computes them. They appear in XML read "
        "back from a device (MDM_VPNv2_01, Get-VPNClientProfileXML.ps1), which Richard Hicks' "
        "script itself warns is for troubleshooting only and cannot be used to deploy. Their "
        "presence usually means a read-back profile is being redeployed.",
    .fix = "Remove the get-only elements, or better, deploy from your source profile rather "
           "than from read-back XML.",
    .since = "0.1.0",
    .check = check,
};
