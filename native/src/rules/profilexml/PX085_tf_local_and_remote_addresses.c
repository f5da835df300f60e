/* PX085 tf-local-and-remote-addresses — A TrafficFilter sets both LocalAddressRanges and
 * RemoteAddressRanges */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *tf = vl_px_first(p, VL_PX_TrafficFilter); tf; tf = vl_px_next(p, tf)) {
        const vl_el *la = vl_px_child(p, tf, VL_PX_TF_LocalAddressRanges);
        if (la && vl_px_child(p, tf, VL_PX_TF_RemoteAddressRanges))
            vl_report(c, la,
                      "TrafficFilter sets both LocalAddressRanges and "
                      "RemoteAddressRanges; the local ranges are ignored when remote "
                      "ranges are set");
    }
}

VL_RULE(PX085) = {
    .id = "PX085",
    .name = "tf-local-and-remote-addresses",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A TrafficFilter sets both LocalAddressRanges and RemoteAddressRanges",
    .description = "DPC documents that when RemoteAddressRanges is set, LocalAddressRanges is "
                   "ignored on a traffic filter. A filter with both therefore does not restrict "
                   "the local addresses the author listed.",
    .fix = "Keep RemoteAddressRanges (the usual restriction) and drop LocalAddressRanges, or split "
           "the intent into separate filters.",
    .since = "0.1.0",
    .check = check,
};
