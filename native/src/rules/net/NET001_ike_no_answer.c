/* NET001 ike-no-answer: The server does not answer IKE_SA_INIT on UDP 500.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_no_answer(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET001) = {
    .id = "NET001",
    .name = "ike-no-answer",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server does not answer IKE_SA_INIT on UDP 500",
    .description =
        "The probe sent IKE_SA_INIT to UDP 500 (retransmitted with backoff) and nothing came back "
        "within the timeout, or the host answered ICMP port unreachable. Windows shows error 809 "
        "(the network connection between your computer and the VPN server could not be established "
        "because the remote server is not responding). Test-NetConnection -Port 500 cannot show "
        "this: it tests TCP, and IKE runs over UDP.",
    .fix = "Open UDP 500 and UDP 4500 to the VPN server on every firewall on the way (the server's "
           "own, the perimeter, cloud network security groups), forward them to the server when it "
           "sits behind NAT, and make sure the IKEv2 service (RRAS, strongSwan, ...) listens.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_no_answer,
};
