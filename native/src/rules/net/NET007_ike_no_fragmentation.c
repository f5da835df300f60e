/* NET007 ike-no-fragmentation: The server does not announce IKEv2 fragmentation.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_no_fragmentation(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET007) = {
    .id = "NET007",
    .name = "ike-no-fragmentation",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The server does not announce IKEv2 fragmentation",
    .description = "The server's IKE_SA_INIT answer lacks the IKEV2_FRAGMENTATION_SUPPORTED "
                   "notify. IKE_AUTH messages carry certificates and are often larger than the "
                   "path MTU; without IKEv2 fragmentation they travel as IP fragments, which many "
                   "networks drop, and Windows ends with error 809 on those networks only.",
    .fix = "Enable IKEv2 fragmentation on the server (RRAS: Windows Server 1803 or later with "
           "EnableIKEv2Fragmentation; strongSwan: fragmentation = yes), and keep "
           "DisableIKEv2Fragmentation false in the profile.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_no_fragmentation,
};
