/* NET003 ike-proposal-rejected: The server rejects the profile's IKEv2 proposal
 * (NO_PROPOSAL_CHOSEN). A network probe finding: added by native/src/probe/ through the report API
 * when `vpnlint probe` (vpnlint_probe) asks a server; the engine never runs it on files. */
#include "core/rule.h"

static void check_ike_proposal_rejected(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET003) = {
    .id = "NET003",
    .name = "ike-proposal-rejected",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server rejects the profile's IKEv2 proposal (NO_PROPOSAL_CHOSEN)",
    .description =
        "The server answered IKE_SA_INIT with NO_PROPOSAL_CHOSEN: none of its IKE policies matches "
        "the cipher, integrity, PRF and DH group the profile's CryptographySuite (or Windows' "
        "default set) offers. Windows fails with error 13868 (policy match error). The probe then "
        "asks with wider transform sets and says what the server would accept.",
    .fix = "Make CryptographySuite (EncryptionMethod, IntegrityCheckMethod, DHGroup) match the "
           "server's IKE policy, or change the server (RRAS: Set-VpnServerConfiguration "
           "-CustomPolicy) to accept what the profile sends.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_proposal_rejected,
};
