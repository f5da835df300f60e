/* PX067 lockdown-conflict — A LockDown profile is not IKEv2, is split tunnel, or is also a device
 * tunnel */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_LockDown))
        return;
    const vl_el *ld = vl_px_first(p, VL_PX_LockDown);
    if (!vl_px_is_native(p)) {
        vl_report(c, ld,
                  "LockDown is true but the profile has no NativeProfile; LockDown works "
                  "only with the built-in IKEv2 client");
        return;
    }
    unsigned protos = vl_px_protocols(p);
    const vl_el *t = vl_px_first(p, VL_PX_NP_NativeProtocolType);
    char buf[64];
    if (!t)
        vl_report(c, ld,
                  "LockDown is true but NativeProtocolType is missing; LockDown requires "
                  "IKEv2");
    else if (protos && protos != VL_PROTO_IKEV2)
        vl_report(c, t,
                  "LockDown is true but NativeProtocolType %s allows %s; LockDown "
                  "requires IKEv2 only",
                  t->text, vl_px_protocols_text(protos, buf, sizeof buf));
    if (vl_px_routing(p) == VL_ROUTE_SPLIT)
        vl_report_sev(c, VPNLINT_SEVERITY_WARNING, vl_px_first(p, VL_PX_NP_RoutingPolicyType),
                      "LockDown is true but RoutingPolicyType is SplitTunnel; LockDown forces "
                      "all traffic through the tunnel");
    if (vl_px_is_true(p, VL_PX_DeviceTunnel))
        vl_report_sev(c, VPNLINT_SEVERITY_WARNING, vl_px_first(p, VL_PX_DeviceTunnel),
                      "LockDown and DeviceTunnel are both true; these are different always-on "
                      "modes, use one");
}

VL_RULE(PX067) = {
    .id = "PX067",
    .name = "lockdown-conflict",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A LockDown profile is not IKEv2, is split tunnel, or is also a device tunnel",
    .description =
        "LockDown mode (VPN security features; older VPNv2 CSP page) works only with IKEv2 for the "
        "built-in client and forces all traffic through the tunnel, blocking everything when the "
        "VPN is down. A protocol other than IKEv2 (error) cannot satisfy it; SplitTunnel "
        "contradicts the forced tunnel (warning); DeviceTunnel together with LockDown mixes two "
        "mutually exclusive always-on modes (warning, vpnlint inference; Richard Hicks' LockDown "
        "sample sets neither AlwaysOn nor DeviceTunnel).",
    .fix =
        "For LockDown use NativeProtocolType IKEv2, no SplitTunnel, and no DeviceTunnel element.",
    .since = "0.1.0",
    .check = check,
};
