/* PX082 proxy-with-split-tunnel — Proxy settings in a split-tunnel profile are ignored */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *px = vl_px_first(p, VL_PX_Proxy);
    if (!px || !vl_px_is_native(p) || vl_px_routing(p) != VL_ROUTE_SPLIT)
        return;
    vl_report(c, px,
              "Proxy is set but RoutingPolicyType is SplitTunnel; VPN proxy settings "
              "only apply to force tunnels and are ignored here");
}

VL_RULE(PX082) = {
    .id = "PX082",
    .name = "proxy-with-split-tunnel",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Proxy settings in a split-tunnel profile are ignored",
    .description =
        "The VPN profile's Proxy (manual server or PAC URL) only applies when the profile uses "
        "ForceTunnel; with SplitTunnel Windows keeps the system proxy (VPN profile options; older "
        "VPNv2 CSP page; Richard Hicks' sample comments; DPC warns too).",
    .fix = "Remove Proxy, use ForceTunnel, or configure the proxy per namespace with "
           "DomainNameInformation/WebProxyServers.",
    .since = "0.1.0",
    .check = check,
};
