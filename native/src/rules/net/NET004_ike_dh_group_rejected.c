/* NET004 ike-dh-group-rejected: The server wants another Diffie-Hellman group than the profile
 * offers. A network probe finding: added by native/src/probe/ through the report API when `vpnlint
 * probe` (vpnlint_probe) asks a server; the engine never runs it on files. */
#include "core/rule.h"

static void check_ike_dh_group_rejected(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET004) = {
    .id = "NET004",
    .name = "ike-dh-group-rejected",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server wants another Diffie-Hellman group than the profile offers",
    .description = "The server answered INVALID_KE_PAYLOAD naming the DH group it wants, or "
                   "accepts the profile's cipher and PRF only with a DH group the profile does not "
                   "offer. Windows fails with error 13868 (policy match error).",
    .fix = "Set CryptographySuite/DHGroup to the group the server asks for (Group14 = 14, ECP256 = "
           "19, ECP384 = 20, Group24 = 24), or add the profile's group to the server's IKE policy.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_dh_group_rejected,
};
