/* PX084 tf-ports-without-protocol — A TrafficFilter sets ports but its Protocol is not TCP (6) or
 * UDP (17) */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *tf = vl_px_first(p, VL_PX_TrafficFilter); tf; tf = vl_px_next(p, tf)) {
        const vl_el *lp = vl_px_child(p, tf, VL_PX_TF_LocalPortRanges);
        const vl_el *rp = vl_px_child(p, tf, VL_PX_TF_RemotePortRanges);
        if (!lp && !rp)
            continue;
        const vl_el *pr = vl_px_child(p, tf, VL_PX_TF_Protocol);
        if (!pr)
            vl_report(c, lp ? lp : rp,
                      "TrafficFilter sets %s but no Protocol; ports need "
                      "Protocol 6 (TCP) or 17 (UDP)",
                      (lp ? lp : rp)->name);
        else if (strcmp(pr->text, "6") != 0 && strcmp(pr->text, "17") != 0)
            vl_report(c, pr,
                      "TrafficFilter sets port ranges but Protocol is %s; ports need "
                      "Protocol 6 (TCP) or 17 (UDP)",
                      pr->text);
    }
}

VL_RULE(PX084) = {
    .id = "PX084",
    .name = "tf-ports-without-protocol",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A TrafficFilter sets ports but its Protocol is not TCP (6) or UDP (17)",
    .description = "The VPNv2 CSP declares LocalPortRanges and RemotePortRanges dependent on "
                   "Protocol being 6 (TCP) or 17 (UDP); ports have no meaning for other protocols. "
                   "DPC marks such filters invalid. Without a valid Protocol the filter cannot be "
                   "applied and, traffic filters being an allow-list, the traffic is blocked.",
    .fix = "Add <Protocol>6</Protocol> (TCP) or <Protocol>17</Protocol> (UDP) to the "
           "TrafficFilter; use two filters for both.",
    .since = "0.1.0",
    .check = check,
};
