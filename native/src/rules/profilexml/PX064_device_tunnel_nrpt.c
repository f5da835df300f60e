/* PX064 device-tunnel-nrpt — A device tunnel has DomainNameInformation (NRPT) rules */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel))
        return;
    const vl_el *d = vl_px_first(p, VL_PX_DomainNameInformation);
    if (d)
        vl_report(c, d,
                  "DeviceTunnel is true and the profile has %zu DomainNameInformation "
                  "entr%s; NRPT on the device tunnel is only supported when no user "
                  "tunnel is deployed",
                  vl_px_count(p, VL_PX_DomainNameInformation),
                  vl_px_count(p, VL_PX_DomainNameInformation) == 1 ? "y" : "ies");
}

VL_RULE(PX064) = {
    .id = "PX064",
    .name = "device-tunnel-nrpt",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "A device tunnel has DomainNameInformation (NRPT) rules",
    .description =
        "Microsoft's device tunnel guide: name resolution policy (DomainNameInformation) on the "
        "device tunnel is supported only when no user tunnel is configured on the same machine. "
        "With both tunnels the device tunnel's NRPT rules conflict with the user tunnel's. vpnlint "
        "cannot see the other profile, so this is a reminder.",
    .fix = "If a user tunnel is also deployed, move the DomainNameInformation entries to the user "
           "tunnel (or rely on the DNS servers assigned by the VPN server).",
    .since = "0.1.0",
    .check = check,
};
