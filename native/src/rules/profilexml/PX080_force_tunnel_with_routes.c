/* PX080 force-tunnel-with-routes — ForceTunnel with non-exclusion Routes or
 * DisableClassBasedDefaultRoute=true */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_native(p) || vl_px_routing(p) != VL_ROUTE_FORCE)
        return;
    const vl_el *rt = vl_px_first(p, VL_PX_NP_RoutingPolicyType);
    if (vl_strcasecmp(rt->text, "ForceTunnel") != 0)
        return; /* unknown value: PX026 */
    size_t n = vl_px_tunnel_route_count(p);
    if (n)
        vl_report(c, rt,
                  "ForceTunnel with %zu non-exclusion Route entr%s; force tunnel already "
                  "routes everything, keep only exclusion routes",
                  n, n == 1 ? "y" : "ies");
    if (vl_px_is_true(p, VL_PX_NP_DisableClassBasedDefaultRoute))
        vl_report(c, vl_px_first(p, VL_PX_NP_DisableClassBasedDefaultRoute),
                  "DisableClassBasedDefaultRoute is true in a ForceTunnel profile; set it to "
                  "false or remove it");
}

VL_RULE(PX080) = {
    .id = "PX080",
    .name = "force-tunnel-with-routes",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "ForceTunnel with non-exclusion Routes or DisableClassBasedDefaultRoute=true",
    .description = "With ForceTunnel Windows routes 0.0.0.0/0 and ::/0 into the tunnel; additional "
                   "VPN routes are pointless and DisableClassBasedDefaultRoute=true is meant for "
                   "split tunnels. Richard Hicks: with ForceTunnel, DisableClassBasedDefaultRoute "
                   "must be false or absent and all Route entries except exclusion routes removed "
                   "(exclusion routes are fine, richardhicks/aovpn issue 31). Such a profile was "
                   "usually converted from split tunnel halfway.",
    .fix = "Remove the non-exclusion Route entries and DisableClassBasedDefaultRoute, or switch to "
           "SplitTunnel.",
    .since = "0.1.0",
    .check = check,
};
