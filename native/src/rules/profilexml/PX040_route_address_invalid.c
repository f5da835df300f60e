/* PX040 route-address-invalid — Route/Address is not an IPv4/IPv6 literal. */
#include "core/rule.h"
#include "profilexml/semantics.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_RT_Address); e; e = vl_px_next(p, e)) {
        vl_addr a;
        if (vl_addr_parse_str(e->text, &a))
            continue;
        if (!*e->text)
            vl_report(c, e,
                      "Route/Address is empty; Windows cannot add a route without a "
                      "network address");
        else
            vl_report(c, e,
                      "Route/Address '%.*s' is not a valid IPv4 or IPv6 address; Windows "
                      "stores the profile but never adds this route",
                      VL_SHOW_MAX, e->text);
    }
}

VL_RULE(PX040) = {
    .id = "PX040",
    .name = "route-address-invalid",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A Route/Address is not a valid IPv4 or IPv6 address",
    .description =
        "Route/Address must be a plain IPv4 (dotted quad, octets 0-255) or IPv6 address; the "
        "prefix length goes in PrefixSize. A typo such as 172.16.74.289, a CIDR suffix, a host "
        "name or a leading-zero octet means the route is never added, so traffic for that "
        "network silently bypasses (split tunnel) or misses the VPN.",
    .fix = "Write the network address only, e.g. <Address>10.10.0.0</Address> with "
           "<PrefixSize>16</PrefixSize>.",
    .since = "0.1.0",
    .check = check,
};
