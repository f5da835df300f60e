/* PX065 device-tunnel-traffic-filter — A device tunnel has TrafficFilter rules */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel))
        return;
    const vl_el *t = vl_px_first(p, VL_PX_TrafficFilter);
    if (t)
        vl_report(c, t,
                  "DeviceTunnel is true and the profile has traffic filters; they block "
                  "inbound management traffic that is not explicitly allowed");
}

VL_RULE(PX065) = {
    .id = "PX065",
    .name = "device-tunnel-traffic-filter",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A device tunnel has TrafficFilter rules",
    .description =
        "Microsoft's device tunnel guide warns that traffic filters on the device tunnel block "
        "server-initiated (inbound) management traffic, and Richard Hicks recommends not using "
        "them before Windows 10 2004; inbound filters (Direction=Inbound) need 2004 or later. "
        "Since filters are an allow-list, remote management of the machine (the main purpose of "
        "the device tunnel) often breaks.",
    .fix = "Restrict the device tunnel with host routes instead; if filters are required, target "
           "Windows 10 2004+ and add Direction=Inbound rules for management traffic.",
    .since = "0.1.0",
    .check = check,
};
