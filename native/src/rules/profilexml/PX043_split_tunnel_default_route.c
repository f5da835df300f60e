/* PX043 split-tunnel-default-route — a /0 route turns split into force tunnel. */
#include "core/rule.h"
#include "profilexml/semantics.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_native(p) || vl_px_routing(p) != VL_ROUTE_SPLIT)
        return;
    for (const vl_el *r = vl_px_first(p, VL_PX_Route); r; r = vl_px_next(p, r)) {
        vl_route_info ri;
        vl_px_route_info(p, r, &ri);
        if (!ri.prefix_fits || ri.prefix != 0 || ri.exclusion)
            continue;
        vl_report(c, ri.prefix_el,
                  "Route %s/0 is a default route: with RoutingPolicyType SplitTunnel it sends "
                  "all %s traffic into the tunnel, i.e. force tunnelling",
                  ri.address->text, ri.addr.family == 6 ? "IPv6" : "IPv4");
    }
}

VL_RULE(PX043) = {
    .id = "PX043",
    .name = "split-tunnel-default-route",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A split-tunnel profile has a /0 (default) route",
    .description =
        "With SplitTunnel only the listed routes use the VPN. A Route with PrefixSize 0 "
        "(0.0.0.0/0 or ::/0) covers every destination, which is what ForceTunnel does, but "
        "without the force-tunnel behaviour Windows attaches to it (e.g. the VPN proxy "
        "settings only apply with ForceTunnel). The profile says one thing and does another.",
    .fix = "Use RoutingPolicyType ForceTunnel (with exclusion routes where needed), or replace "
           "the /0 route with the internal networks.",
    .since = "0.1.0",
    .check = check,
};
