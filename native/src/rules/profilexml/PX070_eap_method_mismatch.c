/* PX070 eap-method-mismatch — UserMethod EAP without an Eap configuration, or an Eap configuration
 * with UserMethod MSChapv2 */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *um = vl_px_first(p, VL_PX_AUTH_UserMethod);
    const vl_el *eap = vl_px_first(p, VL_PX_AUTH_Eap);
    if (!um)
        return;
    if (vl_strcasecmp(um->text, "EAP") == 0) {
        if (!eap)
            vl_report(c, um,
                      "UserMethod is EAP but Authentication has no "
                      "<Eap><Configuration>; Windows has no EAP method to use");
        else if (!vl_px_child(p, eap, VL_PX_EAP_Configuration))
            vl_report(c, eap, "UserMethod is EAP but the Eap element has no Configuration");
    } else if (vl_strcasecmp(um->text, "MSChapv2") == 0 && eap) {
        vl_report_sev(c, VPNLINT_SEVERITY_WARNING, eap,
                      "An Eap configuration is present but UserMethod is MSChapv2, so the EAP "
                      "configuration is ignored");
    }
}

VL_RULE(PX070) = {
    .id = "PX070",
    .name = "eap-method-mismatch",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "UserMethod EAP without an Eap configuration, or an Eap configuration with "
               "UserMethod MSChapv2",
    .description =
        "The VPNv2 CSP: Eap/Configuration is required when the native profile specifies EAP as the "
        "user method. Without it Windows has no EAP method to run and the profile is rejected or "
        "cannot connect (error). Conversely an Eap block under UserMethod MSChapv2 is ignored, "
        "which usually means the author expected EAP to be used (warning).",
    .fix = "Add <Eap><Configuration> with the EapHostConfig exported from a working connection "
           "(Get-VpnConnection ... EapConfigXmlStream), or set UserMethod to match.",
    .since = "0.1.0",
    .check = check,
};
