/* PX030 reserved-element — settings the CSP documents as "reserved for
 * future use". */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (int d = 0; d < VL_PX__COUNT; d++) {
        const vl_px_def *def = vl_px_def_get(d);
        if (!(def->flags & VL_PXF_RESERVED))
            continue;
        for (const vl_el *e = vl_px_first(p, d); e; e = vl_px_next(p, e))
            vl_report(c, e,
                      "<%s> is documented as \"reserved for future use\" in the VPNv2 CSP; "
                      "Windows does not apply it, so whatever it holds has no effect: remove "
                      "it",
                      def->name);
    }
    for (const vl_el *e = vl_px_first(p, VL_PX_ByPassForLocal); e; e = vl_px_next(p, e))
        vl_report(c, e,
                  "<ByPassForLocal> was \"reserved for future use\" in the VPNv2 CSP until the "
                  "2023 revision, which describes it as bypassing the VPN for local subnets; "
                  "older builds may ignore it, and it matters only with a manual proxy");
}

VL_RULE(PX030) = {
    .id = "PX030",
    .name = "reserved-element",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "A setting the CSP documents as reserved for future use",
    .description =
        "APNBinding (with all its children) and NativeProfile/Authentication/Certificate "
        "(Eku, Issuer) are \"reserved for future use\" in the VPNv2 CSP: Windows ignores "
        "them. ByPassForLocal was reserved in the older CSP pages and is described only since "
        "2023. Profiles that set them suggest something is configured that is not.",
    .fix = "Remove reserved elements; configure certificate selection in the EAP "
           "configuration instead of Authentication/Certificate.",
    .since = "0.1.0",
    .check = check,
};
