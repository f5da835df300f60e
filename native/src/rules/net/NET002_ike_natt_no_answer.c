/* NET002 ike-natt-no-answer: The server answers on UDP 500 but not on UDP 4500.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_natt_no_answer(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET002) = {
    .id = "NET002",
    .name = "ike-natt-no-answer",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server answers on UDP 500 but not on UDP 4500",
    .description = "UDP 500 answered, but an IKE_SA_INIT sent to UDP 4500 with the non-ESP marker "
                   "(RFC 3948) got no answer. Behind NAT, which is most home, hotel and mobile "
                   "networks, Windows moves IKE and ESP to UDP 4500 after the first exchange, and "
                   "the connection then fails with error 809.",
    .fix = "Open and forward UDP 4500 as well as UDP 500 to the VPN server.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_natt_no_answer,
};
