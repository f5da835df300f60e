/* PX062 device-tunnel-force-tunnel — A device tunnel is not split tunnel (ForceTunnel, or
 * RoutingPolicyType missing) */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel) || !vl_px_is_native(p))
        return;
    vl_routing r = vl_px_routing(p);
    if (r == VL_ROUTE_SPLIT)
        return;
    const vl_el *rt = vl_px_first(p, VL_PX_NP_RoutingPolicyType);
    if (!rt) {
        vl_report(c, vl_px_first(p, VL_PX_NativeProfile),
                  "DeviceTunnel is true but RoutingPolicyType is missing, which means "
                  "ForceTunnel; the device tunnel supports SplitTunnel only");
    } else if (vl_strcasecmp(rt->text, "ForceTunnel") == 0) {
        vl_report(c, rt,
                  "DeviceTunnel is true but RoutingPolicyType is ForceTunnel; the "
                  "device tunnel supports SplitTunnel only");
    }
}

VL_RULE(PX062) = {
    .id = "PX062",
    .name = "device-tunnel-force-tunnel",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A device tunnel is not split tunnel (ForceTunnel, or RoutingPolicyType missing)",
    .description =
        "Microsoft's device tunnel guide says the device tunnel must be configured as split "
        "tunnel; force tunnelling is explicitly not supported (also Richard Hicks' sample, DPC). "
        "RoutingPolicyType missing means force tunnel, the default.",
    .fix = "Set <RoutingPolicyType>SplitTunnel</RoutingPolicyType> and add host routes (/32, /128) "
           "to the domain controllers and management servers.",
    .since = "0.1.0",
    .check = check,
};
