/* PX081 routing-policy-missing — RoutingPolicyType is missing although Routes or
 * DisableClassBasedDefaultRoute suggest split tunnel */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_native(p) || vl_px_routing(p) != VL_ROUTE_DEFAULT_FORCE)
        return;
    size_t n = vl_px_tunnel_route_count(p);
    bool dcbdr = vl_px_is_true(p, VL_PX_NP_DisableClassBasedDefaultRoute);
    if (!n && !dcbdr)
        return;
    vl_report(c, vl_px_first(p, VL_PX_NativeProfile),
              "RoutingPolicyType is missing, so the profile is force tunnel, yet it has %s%s%s; "
              "set RoutingPolicyType explicitly",
              n ? "VPN routes" : "", n && dcbdr ? " and " : "",
              dcbdr ? "DisableClassBasedDefaultRoute=true" : "");
}

VL_RULE(PX081) = {
    .id = "PX081",
    .name = "routing-policy-missing",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "RoutingPolicyType is missing although Routes or DisableClassBasedDefaultRoute "
               "suggest split tunnel",
    .description =
        "When NativeProfile/RoutingPolicyType is absent Windows uses force tunnel, the default "
        "(VPN routing decisions). Route entries and DisableClassBasedDefaultRoute=true are "
        "split-tunnel settings, so their presence shows split tunnelling was intended (seen in "
        "community copies of Richard Hicks' samples that dropped the element). All traffic then "
        "goes through the VPN.",
    .fix = "Add <RoutingPolicyType>SplitTunnel</RoutingPolicyType> (or ForceTunnel explicitly, "
           "removing the split-tunnel settings).",
    .since = "0.1.0",
    .check = check,
};
