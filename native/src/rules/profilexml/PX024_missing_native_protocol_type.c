/* PX024 missing-native-protocol-type — NativeProfile without
 * NativeProtocolType. */
#include "core/rule.h"
#include "profilexml/model.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (const vl_el *np = vl_px_first(p, VL_PX_NativeProfile); np; np = vl_px_next(p, np))
        if (!vl_px_child(p, np, VL_PX_NP_NativeProtocolType))
            vl_report(c, np,
                      "<NativeProfile> has no <NativeProtocolType>; the CSP requires it for "
                      "native profiles, and without it the protocol Windows tries is not "
                      "documented: set IKEv2, SSTP, Automatic or ProtocolList explicitly");
}

VL_RULE(PX024) = {
    .id = "PX024",
    .name = "missing-native-protocol-type",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "NativeProfile has no NativeProtocolType",
    .description =
        "The VPNv2 CSP reference says NativeProtocolType is required for native profiles, "
        "although the ProfileXML schema marks it optional. Without it the protocol Windows "
        "uses is not documented, and connection errors (809, 13801, 800) become hard to "
        "read because you do not know which protocol failed.",
    .fix = "Add <NativeProtocolType> with IKEv2, SSTP, L2TP, PPTP, Automatic or ProtocolList.",
    .since = "0.1.0",
    .check = check,
};
