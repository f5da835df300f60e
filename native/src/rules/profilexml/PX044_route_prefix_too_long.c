/* PX044 route-prefix-too-long — PrefixSize beyond the address family width. */
#include "core/rule.h"
#include "profilexml/semantics.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *r = vl_px_first(p, VL_PX_Route); r; r = vl_px_next(p, r)) {
        vl_route_info ri;
        vl_px_route_info(p, r, &ri);
        /* above 255 the value is outside the schema's unsigned byte: PX027 reports it */
        if (!ri.addr_ok || !ri.prefix_ok || ri.prefix_fits || ri.prefix > 255)
            continue;
        unsigned bits = vl_addr_bits(&ri.addr);
        vl_report(c, ri.prefix_el,
                  "Route %s has PrefixSize %s, but an %s prefix is at most %u bits; Windows "
                  "cannot add this route",
                  ri.address->text, ri.prefix_el->text, ri.addr.family == 6 ? "IPv6" : "IPv4",
                  bits);
    }
}

VL_RULE(PX044) = {
    .id = "PX044",
    .name = "route-prefix-too-long",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A Route's PrefixSize does not fit its address family (IPv4 > 32, IPv6 > 128)",
    .description =
        "The XSD types PrefixSize as an unsigned byte, so 33-255 pass schema validation (PX027 "
        "reports values above 255), but "
        "an IPv4 prefix has at most 32 bits and an IPv6 prefix at most 128. Such a route "
        "cannot be added; it is typically an IPv6 prefix length on an IPv4 address or a "
        "netmask typed as a number.",
    .fix = "Set PrefixSize to 0-32 for IPv4 and 0-128 for IPv6 addresses (e.g. 24 for a "
           "255.255.255.0 network).",
    .since = "0.1.0",
    .check = check,
};
