/* PX068 mschapv2-with-ikev2 — UserMethod MSChapv2 is used with IKEv2 */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *um = vl_px_first(p, VL_PX_AUTH_UserMethod);
    if (!um || vl_strcasecmp(um->text, "MSChapv2") != 0)
        return;
    unsigned protos = vl_px_protocols(p);
    if (!(protos & VL_PROTO_IKEV2))
        return;
    if (protos == VL_PROTO_IKEV2)
        vl_report(c, um,
                  "UserMethod MSChapv2 is not supported with IKEv2; the connection "
                  "cannot authenticate");
    else
        vl_report_sev(c, VPNLINT_SEVERITY_WARNING, um,
                      "UserMethod MSChapv2 is not supported with IKEv2; every IKEv2 attempt "
                      "of this multi-protocol profile fails authentication");
}

VL_RULE(PX068) = {
    .id = "PX068",
    .name = "mschapv2-with-ikev2",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "UserMethod MSChapv2 is used with IKEv2",
    .description =
        "The VPNv2 CSP states that UserMethod MSChapv2 is not supported for IKEv2 (IKEv2 user "
        "authentication goes through EAP). With NativeProtocolType IKEv2 the connection cannot "
        "authenticate (error); when IKEv2 is one of several protocols (Automatic, ProtocolList) "
        "the IKEv2 attempts fail and another protocol is used (warning).",
    .fix = "Use UserMethod EAP with an EAP-MSCHAPv2 (type 26) or, better, a certificate-based EAP "
           "configuration, or choose SSTP.",
    .since = "0.1.0",
    .check = check,
};
