/* PX102 peap-inner-method-missing — PEAP needs an inner EAP-TLS (13) or
 * EAP-MSCHAPv2 (26) method inside its EapType. */
#include "core/rule.h"
#include "profilexml/eap.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    const vl_el *outer = vl_eap_outer(p);
    if (vl_eap_el_type(p, outer) != VL_EAP_PEAP)
        return;
    const vl_el *body = vl_eap_child(p, outer, "EapType");
    if (!body) {
        vl_report(c, outer,
                  "PEAP <Eap> has no <EapType> settings and so no inner method; "
                  "Windows has nothing to authenticate the user with inside the "
                  "tunnel");
        return;
    }
    const vl_el *inner = vl_eap_child(p, body, "Eap");
    bool optional = false;
    const vl_el *opt = vl_eap_child(p, body, "InnerEapOptional");
    if (!inner) {
        vl_report_sev(
            c, vl_eap_bool(opt, &optional) && optional ? VPNLINT_SEVERITY_WARNING : VL_SEV_DEFAULT,
            body,
            "PEAP has no inner <Eap> method (13 EAP-TLS for PEAP-TLS or 26 "
            "EAP-MSCHAPv2); the NPS policy cannot match and the connection fails "
            "(error 812 or an EAP error)");
        return;
    }
    const vl_el *type_el = vl_eap_child(p, inner, "Type");
    int t = vl_eap_el_type(p, inner);
    if (t == VL_EAP_TLS || t == VL_EAP_MSCHAPV2)
        return;
    if (t == 0)
        vl_report(c, inner,
                  "the inner PEAP <Eap> has no <Type>; use 13 (PEAP-TLS) or 26 "
                  "(PEAP-MSCHAPv2)");
    else if (t < 0)
        vl_report(c, type_el,
                  "the inner PEAP <Eap><Type> is \"%s\", not 13 (PEAP-TLS) or 26 "
                  "(PEAP-MSCHAPv2)",
                  type_el->text);
    else
        vl_report(c, type_el,
                  "the inner PEAP method is type %d; Windows' PEAP only carries "
                  "13 (EAP-TLS) or 26 (EAP-MSCHAPv2) inside the tunnel",
                  t);
}

VL_RULE(PX102) = {
    .id = "PX102",
    .name = "peap-inner-method-missing",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A PEAP configuration has no inner EAP-TLS or EAP-MSCHAPv2 method",
    .description =
        "PEAP (type 25) only builds the TLS tunnel; the user is authenticated by an inner "
        "method carried in an Eap element inside PEAP's EapType: 13 for PEAP-TLS (user "
        "certificate) or 26 for PEAP-MSCHAPv2. Without it, or with another type, the NPS "
        "network policy cannot match and the connection fails (typically error 812).",
    .fix = "Export the EAP XML of a working PEAP connection (Get-VpnConnection ... "
           "EapConfigXmlStream) and paste it whole, including the inner <Eap> with "
           "<Type>13</Type> (or 26).",
    .since = "0.1.0",
    .check = check,
};
