/* PX078 split-tunnel-no-routes — Split tunnel with DisableClassBasedDefaultRoute=true but no Route:
 * nothing goes through the VPN */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_native(p) || vl_px_routing(p) != VL_ROUTE_SPLIT)
        return;
    if (!vl_px_is_true(p, VL_PX_NP_DisableClassBasedDefaultRoute) ||
        vl_px_is_true(p, VL_PX_NP_PlumbIKEv2TSAsRoutes) || vl_px_tunnel_route_count(p))
        return;
    vl_report(c, vl_px_first(p, VL_PX_NP_DisableClassBasedDefaultRoute),
              "SplitTunnel with DisableClassBasedDefaultRoute true and no Route%s: no traffic is "
              "routed into the VPN",
              vl_px_count(p, VL_PX_Route) ? " other than exclusion routes" : "");
}

VL_RULE(PX078) = {
    .id = "PX078",
    .name = "split-tunnel-no-routes",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "Split tunnel with DisableClassBasedDefaultRoute=true but no Route: nothing goes "
               "through the VPN",
    .description =
        "With SplitTunnel only routed prefixes use the tunnel. DisableClassBasedDefaultRoute=true "
        "removes the class-based route Windows would otherwise derive from the VPN address, so "
        "without any (non-exclusion) Route the tunnel carries no traffic at all. Richard Hicks' "
        "samples: 'The Route setting is required when DisableClassBasedDefaultRoute is set to "
        "true'; DPC warns the same. Not reported when PlumbIKEv2TSAsRoutes=true, where the "
        "server's traffic selectors supply routes.",
    .fix = "Add a <Route> for every internal prefix, or remove DisableClassBasedDefaultRoute.",
    .since = "0.1.0",
    .check = check,
};
