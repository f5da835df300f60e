/* NET008 ike-nat-detected: NAT lies between this machine and the server.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_nat_detected(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET008) = {
    .id = "NET008",
    .name = "ike-nat-detected",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "NAT lies between this machine and the server",
    .description = "The NAT_DETECTION hashes in the server's answer do not match the addresses as "
                   "this machine sees them: this machine, the server, or both are behind NAT. IKE "
                   "and ESP then move to UDP 4500, which must be open (see NET002).",
    .fix =
        "Nothing to fix by itself; make sure UDP 4500 reaches the server, and on Windows clients "
        "talking to a server behind NAT set AssumeUDPEncapsulationContextOnSendRule (see DEV004).",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_nat_detected,
};
