/* NET006 ike-malformed-answer: The answer to IKE_SA_INIT is malformed.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_malformed_answer(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET006) = {
    .id = "NET006",
    .name = "ike-malformed-answer",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The answer to IKE_SA_INIT is malformed",
    .description =
        "Something answered on the IKE port, but the datagram is not a valid IKE_SA_INIT response: "
        "truncated, lengths that do not add up, wrong version or exchange type, or missing "
        "payloads. Windows drops it and times out (error 809) or reports 13843 (invalid payload). "
        "Often a middlebox or another service answers on that port.",
    .fix = "Find what answers on that port (a load balancer, an SIP/VoIP helper, another VPN "
           "product) and make UDP 500/4500 reach the IKEv2 server unchanged.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_malformed_answer,
};
