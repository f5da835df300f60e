/* PX042 route-duplicate-or-overlap — the same network listed twice, as
 * both include and exclusion, or inside another route of the same kind. */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <stdlib.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    size_t n = vl_px_count(p, VL_PX_Route);
    if (n < 2)
        return;
    vl_route_info *ri = calloc(n, sizeof *ri);
    if (!ri)
        return;
    size_t k = 0;
    for (const vl_el *r = vl_px_first(p, VL_PX_Route); r && k < n; r = vl_px_next(p, r)) {
        vl_px_route_info(p, r, &ri[k]);
        if (ri[k].prefix_fits)
            vl_addr_mask(&ri[k].addr, (unsigned)ri[k].prefix, &ri[k].addr);
        k++;
    }
    char b1[VL_ADDR_STRLEN], b2[VL_ADDR_STRLEN];
    for (size_t j = 0; j < k; j++) {
        if (!ri[j].prefix_fits)
            continue;
        unsigned pj = (unsigned)ri[j].prefix;
        /* report each later route once, against the first earlier match */
        for (size_t i = 0; i < j; i++) {
            if (!ri[i].prefix_fits)
                continue;
            unsigned pi = (unsigned)ri[i].prefix;
            bool same = pi == pj && vl_addr_cmp(&ri[i].addr, &ri[j].addr) == 0;
            if (same && ri[i].exclusion == ri[j].exclusion) {
                vl_report(c, ri[j].route, "%s %s/%u is listed twice (first on line %u)",
                          ri[j].exclusion ? "Exclusion route" : "Route",
                          vl_addr_format(&ri[j].addr, b1, sizeof b1), pj, ri[i].route->line);
                break;
            }
            if (same) {
                vl_report(c, ri[j].route,
                          "%s/%u is both a VPN route and an exclusion route (line %u); which "
                          "one wins depends on route metrics, so the intent is unclear",
                          vl_addr_format(&ri[j].addr, b1, sizeof b1), pj, ri[i].route->line);
                break;
            }
            if (ri[i].exclusion != ri[j].exclusion)
                continue; /* an exclusion inside a VPN route (or vice versa) is normal */
            const vl_route_info *outer = NULL, *inner = NULL;
            if (vl_prefix_contains(&ri[i].addr, pi, &ri[j].addr, pj)) {
                outer = &ri[i];
                inner = &ri[j];
            } else if (vl_prefix_contains(&ri[j].addr, pj, &ri[i].addr, pi)) {
                outer = &ri[j];
                inner = &ri[i];
            }
            if (outer) {
                vl_report_sev(c, VPNLINT_SEVERITY_INFO, ri[j].route,
                              "%s %s/%u lies inside %s/%u (line %u); the narrower entry is "
                              "redundant unless it is meant to carry a different metric",
                              ri[j].exclusion ? "Exclusion route" : "Route",
                              vl_addr_format(&inner->addr, b1, sizeof b1), (unsigned)inner->prefix,
                              vl_addr_format(&outer->addr, b2, sizeof b2), (unsigned)outer->prefix,
                              ri[i].route->line);
                break;
            }
        }
    }
    free(ri);
}

VL_RULE(PX042) = {
    .id = "PX042",
    .name = "route-duplicate-or-overlap",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A Route repeats another, or is both a VPN and an exclusion route",
    .description =
        "Each network should be routed once. A duplicate Route is usually a copy-paste "
        "slip and hides the real intent when the two copies differ in metric; the same "
        "prefix as both a VPN route and an exclusion route leaves the outcome to route "
        "metrics. A route nested inside a broader route of the same kind is redundant and "
        "reported as info. An exclusion inside a VPN route (or the reverse) is normal and "
        "not reported. Addresses are compared as networks (host bits ignored).",
    .fix = "Delete the duplicate entry, or decide whether the prefix belongs to the tunnel or "
           "is excluded from it.",
    .since = "0.1.0",
    .check = check,
};
