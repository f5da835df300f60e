/* NET005 ike-proposal-accepted: The server accepts this IKEv2 proposal.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_proposal_accepted(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET005) = {
    .id = "NET005",
    .name = "ike-proposal-accepted",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The server accepts this IKEv2 proposal",
    .description = "The server answered IKE_SA_INIT with an SA payload: it accepts the proposal. "
                   "The probe stops there, before IKE_AUTH, so nothing about authentication "
                   "(certificates, EAP) is known from it.",
    .fix = "Nothing to fix.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_proposal_accepted,
};
