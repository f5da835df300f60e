/* PX086 tf-empty — A TrafficFilter has no properties at all */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *tf = vl_px_first(p, VL_PX_TrafficFilter); tf; tf = vl_px_next(p, tf)) {
        size_t next = (size_t)vl_el_index(p, tf) + 1;
        if (next < p->n_els && p->els[next].parent == vl_el_index(p, tf))
            continue;
        vl_report(c, tf, "TrafficFilter has no properties; remove it or add conditions");
    }
}

VL_RULE(PX086) = {
    .id = "PX086",
    .name = "tf-empty",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A TrafficFilter has no properties at all",
    .description = "A TrafficFilter element without App, Claims, Protocol, ports, addresses, "
                   "RoutingPolicyType or Direction says nothing (DPC: 'does not have any "
                   "configuration'). Its effect is unclear: it may be dropped or match all "
                   "traffic, which defeats the other filters of the allow-list.",
    .fix = "Remove the empty TrafficFilter or give it the intended conditions.",
    .since = "0.1.0",
    .check = check,
};
