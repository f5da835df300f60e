/* PX087 tf-routing-without-app — A TrafficFilter sets RoutingPolicyType without App or Claims */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *tf = vl_px_first(p, VL_PX_TrafficFilter); tf; tf = vl_px_next(p, tf)) {
        const vl_el *rp = vl_px_child(p, tf, VL_PX_TF_RoutingPolicyType);
        if (rp && !vl_px_child(p, tf, VL_PX_TF_App) && !vl_px_child(p, tf, VL_PX_TF_Claims))
            vl_report(c, rp,
                      "TrafficFilter/RoutingPolicyType %s only applies to app-based "
                      "filters, but this filter has no App or Claims",
                      rp->text);
    }
}

VL_RULE(PX087) = {
    .id = "PX087",
    .name = "tf-routing-without-app",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A TrafficFilter sets RoutingPolicyType without App or Claims",
    .description = "The VPNv2 CSP: TrafficFilter/RoutingPolicyType is only applicable to app-based "
                   "rules (with App/Id or Claims). On an address/port filter it has no effect, so "
                   "the per-app split/force decision the author wanted does not happen.",
    .fix = "Add <App><Id>...</Id></App> to the filter, or remove RoutingPolicyType from it.",
    .since = "0.1.0",
    .check = check,
};
