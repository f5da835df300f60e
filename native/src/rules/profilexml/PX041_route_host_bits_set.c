/* PX041 route-host-bits-set — the address is not the network of its prefix. */
#include "core/rule.h"
#include "profilexml/semantics.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *r = vl_px_first(p, VL_PX_Route); r; r = vl_px_next(p, r)) {
        vl_route_info ri;
        vl_px_route_info(p, r, &ri);
        if (!ri.prefix_fits || !vl_addr_host_bits(&ri.addr, (unsigned)ri.prefix))
            continue;
        vl_addr net;
        char buf[VL_ADDR_STRLEN];
        vl_addr_mask(&ri.addr, (unsigned)ri.prefix, &net);
        vl_report(c, ri.address,
                  "Route %s/%u has host bits set: the /%u network is %s; Windows keeps the "
                  "entry in the profile but the route may never appear in the routing table",
                  ri.address->text, (unsigned)ri.prefix, (unsigned)ri.prefix,
                  vl_addr_format(&net, buf, sizeof buf));
    }
}

VL_RULE(PX041) = {
    .id = "PX041",
    .name = "route-host-bits-set",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A Route/Address has bits set beyond its PrefixSize",
    .description =
        "A route is a network: every bit of Address after the first PrefixSize bits must be "
        "zero. Richard Hicks documents a route 172.21.12.0/21 that was in the profile but "
        "missing from the client's routing table; 172.21.12.0 is not a /21 boundary (the "
        "network is 172.21.8.0/21). Either the address or the prefix length is wrong.",
    .fix = "Use the network address vpnlint suggests, or correct PrefixSize to the network "
           "you meant (e.g. /22 or /24).",
    .since = "0.1.0",
    .check = check,
};
