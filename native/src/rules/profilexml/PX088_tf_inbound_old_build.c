/* PX088 tf-inbound-old-build — An inbound TrafficFilter needs Windows 10 2004 (build 19041), older
 * than the targeted minimum */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!c->min_build_set || c->min_build >= 19041)
        return;
    for (const vl_el *d = vl_px_first(p, VL_PX_TF_Direction); d; d = vl_px_next(p, d))
        if (vl_strcasecmp(d->text, "Inbound") == 0)
            vl_report(c, d,
                      "TrafficFilter Direction Inbound needs Windows 10 2004 (build "
                      "19041), but the minimum targeted build is %u",
                      (unsigned)c->min_build);
}

VL_RULE(PX088) = {
    .id = "PX088",
    .name = "tf-inbound-old-build",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "An inbound TrafficFilter needs Windows 10 2004 (build 19041), older than the "
               "targeted minimum",
    .description = "TrafficFilter/Direction (Inbound) exists since Windows 10 2004, build 19041 "
                   "(VPNv2 CSP; DPC). On older builds the direction is not understood, so the "
                   "inbound rule does not exist and unsolicited inbound traffic stays blocked. "
                   "Reported when --min-build is given and below 19041 (PX028 then leaves Inbound "
                   "to this rule).",
    .fix =
        "Target Windows 10 2004 or later (--min-build 19041), or do not rely on inbound filters.",
    .since = "0.1.0",
    .check = check,
};
