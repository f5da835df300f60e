/* PX042 route-duplicate-or-overlap — the same network listed twice, as
 * both include and exclusion, or inside another route of the same kind. */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <stdlib.h>

/* Routes sorted by network so that duplicates are neighbours and a route
 * inside another follows it: O(n log n) for the thousands of host routes
 * some device tunnels carry. */
/* One route as a network: 32 bytes, for profiles with 100 000 routes. */
typedef struct net {
    const vl_el *route;
    vl_addr addr;   /* host bits cleared */
    uint8_t prefix; /* fits the family: at most 128 */
    bool exclusion;
} net;

static int by_network(const void *a, const void *b)
{
    const net *x = *(const net *const *)a;
    const net *y = *(const net *const *)b;
    if (x->addr.family != y->addr.family)
        return x->addr.family < y->addr.family ? -1 : 1;
    int c = vl_addr_cmp(&x->addr, &y->addr);
    if (c)
        return c;
    if (x->prefix != y->prefix)
        return x->prefix < y->prefix ? -1 : 1;
    /* same network: document order */
    return x->route->line < y->route->line ? -1 : (x->route->line > y->route->line);
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    size_t n = vl_px_count(p, VL_PX_Route);
    if (n < 2)
        return;
    net *nets = calloc(n, sizeof *nets);
    const net **sorted = calloc(n, sizeof *sorted); /* pointers: qsort's copy stays small */
    const net **open = calloc(n, sizeof *open);     /* enclosing routes, per kind */
    if (!nets || !sorted || !open) {
        free(nets);
        free(sorted);
        free(open);
        return;
    }
    size_t k = 0, m = 0;
    for (const vl_el *r = vl_px_first(p, VL_PX_Route); r && k < n; r = vl_px_next(p, r), k++) {
        vl_route_info ri;
        vl_px_route_info(p, r, &ri);
        if (!ri.prefix_fits)
            continue;
        net *x = &nets[m++];
        x->route = ri.route;
        vl_addr_mask(&ri.addr, (unsigned)ri.prefix, &x->addr);
        x->prefix = (uint8_t)ri.prefix;
        x->exclusion = ri.exclusion;
        sorted[m - 1] = x;
    }
    qsort(sorted, m, sizeof *sorted, by_network);
    char b1[VL_ADDR_STRLEN], b2[VL_ADDR_STRLEN];
    for (int kind = 0; kind < 2; kind++) {
        size_t depth = 0;
        const net *prev_same = NULL;
        for (size_t i = 0; i < m; i++) {
            const net *cur = sorted[i];
            if (cur->exclusion != (kind == 1))
                continue;
            unsigned pc = (unsigned)cur->prefix;
            if (prev_same && prev_same->prefix == cur->prefix &&
                prev_same->addr.family == cur->addr.family &&
                vl_addr_cmp(&prev_same->addr, &cur->addr) == 0) {
                vl_report(c, cur->route, "%s %s/%u is listed twice (first on line %u)",
                          cur->exclusion ? "Exclusion route" : "Route",
                          vl_addr_format(&cur->addr, b1, sizeof b1), pc, prev_same->route->line);
                continue;
            }
            prev_same = cur;
            while (depth > 0 &&
                   (open[depth - 1]->addr.family != cur->addr.family ||
                    !vl_prefix_contains(&open[depth - 1]->addr, (unsigned)open[depth - 1]->prefix,
                                        &cur->addr, pc)))
                depth--;
            if (depth > 0) {
                const net *outer = open[depth - 1];
                vl_report_sev(c, VPNLINT_SEVERITY_INFO, cur->route,
                              "%s %s/%u lies inside %s/%u (line %u); the narrower entry is "
                              "redundant unless it is meant to carry a different metric",
                              cur->exclusion ? "Exclusion route" : "Route",
                              vl_addr_format(&cur->addr, b1, sizeof b1), pc,
                              vl_addr_format(&outer->addr, b2, sizeof b2), (unsigned)outer->prefix,
                              outer->route->line);
            }
            open[depth++] = cur;
        }
    }
    /* the same network as both a VPN route and an exclusion route */
    for (size_t i = 1; i < m; i++) {
        const net *a = sorted[i - 1], *b = sorted[i];
        if (a->exclusion != b->exclusion && a->prefix == b->prefix &&
            a->addr.family == b->addr.family && vl_addr_cmp(&a->addr, &b->addr) == 0) {
            const net *later = a->route->line > b->route->line ? a : b;
            const net *first = later == a ? b : a;
            vl_report(c, later->route,
                      "%s/%u is both a VPN route and an exclusion route (line %u); which one "
                      "wins depends on route metrics, so the intent is unclear",
                      vl_addr_format(&later->addr, b1, sizeof b1), (unsigned)later->prefix,
                      first->route->line);
        }
    }
    free(nets);
    free(sorted);
    free(open);
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
