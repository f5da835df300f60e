/* PX103 compliance-needs-certificate-eap — Conditional Access (DeviceCompliance
 * Enabled=true) only works with certificate-based EAP (EAP-TLS or PEAP-TLS). */
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p || !vl_px_compliance_enabled(p) || !vl_px_first(p, VL_PX_NativeProfile))
        return;
    const vl_el *en = vl_px_child(p, vl_px_first(p, VL_PX_DeviceCompliance), VL_PX_DC_Enabled);
    const char *um = vl_px_value(p, VL_PX_AUTH_UserMethod);
    if (um && vl_strcasecmp(um, "MSChapv2") == 0) {
        vl_report(c, en,
                  "Conditional Access is enabled but UserMethod is MSChapv2; the "
                  "short-lived Entra ID certificate is only used with certificate-based "
                  "EAP (EAP-TLS or PEAP-TLS), so the compliance check never happens");
        return;
    }
    if (p->eap_form != VL_EAP_INLINE && p->eap_form != VL_EAP_ESCAPED) {
        if (p->eap_form == VL_EAP_ABSENT && (!um || vl_strcasecmp(um, "EAP") != 0))
            vl_report(c, en,
                      "Conditional Access is enabled but the profile has no EAP "
                      "configuration; it needs certificate-based EAP (EAP-TLS or "
                      "PEAP-TLS)");
        return; /* empty or unreadable EAP: other rules report it */
    }
    const vl_el *outer = vl_eap_outer(p);
    int t = vl_eap_el_type(p, outer);
    if (t <= 0 || vl_eap_tls_type(p))
        return;
    int it = t == VL_EAP_PEAP ? vl_eap_el_type(p, vl_eap_inner(p, outer)) : 0;
    if (t == VL_EAP_PEAP && it <= 0)
        return; /* no inner method: PX102 */
    const char *what = t == VL_EAP_PEAP && it == VL_EAP_MSCHAPV2 ? "PEAP-MSCHAPv2"
                       : t == VL_EAP_MSCHAPV2                    ? "EAP-MSCHAPv2"
                                                                 : "a password-based method";
    const vl_el *at = vl_eap_child(p, it ? vl_eap_inner(p, outer) : outer, "Type");
    vl_report(c, at ? at : en,
              "Conditional Access (DeviceCompliance) is enabled but the EAP method is %s; "
              "the short-lived Entra ID certificate is only presented with certificate-based "
              "EAP (EAP-TLS or PEAP-TLS), so users cannot connect as intended",
              what);
}

VL_RULE(PX103) = {
    .id = "PX103",
    .name = "compliance-needs-certificate-eap",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "DeviceCompliance (Conditional Access) is enabled without certificate-based "
               "EAP",
    .description =
        "With DeviceCompliance/Enabled=true the client asks Entra ID for a short-lived "
        "certificate that proves the device is compliant and authenticates with it. The VPNv2 "
        "CSP and Microsoft's VPN and Conditional Access guide require certificate "
        "authentication for that: EAP-TLS, or PEAP with inner EAP-TLS. With MSCHAPv2 or "
        "PEAP-MSCHAPv2 the certificate is never used.",
    .fix = "Use EAP-TLS or PEAP-TLS (inner <Type>13</Type>) with a TLSExtensions/FilteringInfo "
           "that selects the Conditional Access certificate, or remove DeviceCompliance.",
    .since = "0.1.0",
    .check = check,
};
