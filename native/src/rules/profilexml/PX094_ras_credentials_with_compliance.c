/* PX094 ras-credentials-with-compliance — DeviceCompliance is enabled but UseRasCredentials is not
 * set to false */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DC_Enabled) || vl_px_is_false(p, VL_PX_UseRasCredentials))
        return;
    const vl_el *u = vl_px_first(p, VL_PX_UseRasCredentials);
    vl_report(c, u ? u : vl_px_first(p, VL_PX_DeviceCompliance),
              "DeviceCompliance is enabled and UseRasCredentials is %s; on Entra-joined devices "
              "set UseRasCredentials to false",
              u ? "true" : "not set (default true)");
}

VL_RULE(PX094) = {
    .id = "PX094",
    .name = "ras-credentials-with-compliance",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "DeviceCompliance is enabled but UseRasCredentials is not set to false",
    .description =
        "Conditional Access profiles are typically used on Entra-joined devices. Microsoft's "
        "conditional access guide previously required editing rasphone.pbk to UseRasCredentials=0 "
        "for such devices using UPN certificates, and Richard Hicks recommends "
        "<UseRasCredentials>false</UseRasCredentials> on Entra-join-only endpoints (element "
        "available on recent Windows 11 builds); otherwise the VPN credentials are reused for "
        "on-premises resources and SSO prompts or fails.",
    .fix = "Add <UseRasCredentials>false</UseRasCredentials> (Windows 11 24H2+), or set "
           "UseRasCredentials=0 in the phonebook on older clients.",
    .since = "0.1.0",
    .check = check,
};
