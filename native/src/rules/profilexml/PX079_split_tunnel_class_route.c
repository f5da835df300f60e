/* PX079 split-tunnel-class-route — Split tunnel without Route entries relies on the class-based
 * default route */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_native(p) || vl_px_routing(p) != VL_ROUTE_SPLIT)
        return;
    if (vl_px_is_true(p, VL_PX_NP_DisableClassBasedDefaultRoute) ||
        vl_px_is_true(p, VL_PX_NP_PlumbIKEv2TSAsRoutes) || vl_px_tunnel_route_count(p))
        return;
    vl_report(c, vl_px_first(p, VL_PX_NP_RoutingPolicyType),
              "SplitTunnel without any Route: only the class-based route derived from the "
              "assigned VPN address (/8, /16 or /24) goes through the tunnel");
}

VL_RULE(PX079) = {
    .id = "PX079",
    .name = "split-tunnel-class-route",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "Split tunnel without Route entries relies on the class-based default route",
    .description =
        "A SplitTunnel profile without Route entries (and without "
        "DisableClassBasedDefaultRoute=true) routes only the classful network of the address the "
        "VPN server assigns (a /8, /16 or /24 derived from the address class). That is rarely the "
        "set of internal networks; Richard Hicks recommends explicit routes with "
        "DisableClassBasedDefaultRoute=true. Not reported when PlumbIKEv2TSAsRoutes=true.",
    .fix = "Add <Route> entries for the internal networks and set DisableClassBasedDefaultRoute to "
           "true.",
    .since = "0.1.0",
    .check = check,
};
