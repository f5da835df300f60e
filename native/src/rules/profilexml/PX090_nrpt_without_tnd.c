/* PX090 nrpt-without-tnd — DomainNameInformation is set but TrustedNetworkDetection is not */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *d = vl_px_first(p, VL_PX_DomainNameInformation);
    const char *tnd = vl_px_value(p, VL_PX_TrustedNetworkDetection);
    if (d && (!tnd || !*tnd))
        vl_report(c, d,
                  "DomainNameInformation is set but TrustedNetworkDetection is missing; "
                  "add the internal DNS suffix so the profile knows when it is on site");
}

VL_RULE(PX090) = {
    .id = "PX090",
    .name = "nrpt-without-tnd",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "DomainNameInformation is set but TrustedNetworkDetection is not",
    .description =
        "NRPT rules from DomainNameInformation send internal names to the listed DNS servers. "
        "Without TrustedNetworkDetection the profile cannot tell when the device is already on the "
        "corporate network, and DPC warns that NRPT without trusted network detection 'may cause "
        "unexpected behavior' (name resolution through the VPN's DNS servers while on site).",
    .fix = "Add <TrustedNetworkDetection>corp.example.com</TrustedNetworkDetection> with the "
           "internal DNS suffix.",
    .since = "0.1.0",
    .check = check,
};
