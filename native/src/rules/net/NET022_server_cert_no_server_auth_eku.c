/* NET022 server-cert-no-server-auth-eku: The server certificate lacks the Server Authentication
 * EKU. A network probe finding: added by native/src/probe/ through the report API when `vpnlint
 * probe` (vpnlint_probe) asks a server; the engine never runs it on files. */
#include "core/rule.h"

static void check_server_cert_no_server_auth_eku(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET022) = {
    .id = "NET022",
    .name = "server-cert-no-server-auth-eku",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server certificate lacks the Server Authentication EKU",
    .description =
        "The certificate the server presents over TLS has an Extended Key Usage extension without "
        "Server Authentication (1.3.6.1.5.5.7.3.1), or none at all (a warning). Windows refuses "
        "it: 0x80070040 for SSTP, error 13801 (IKE authentication credentials are unacceptable) "
        "for IKEv2, which uses the same certificate on RRAS.",
    .fix = "Issue the VPN server certificate from a template with the Server Authentication EKU "
           "(and, for IKEv2, optionally IP security IKE intermediate).",
    .since = "0.1.0",
    .flags = 0,
    .check = check_server_cert_no_server_auth_eku,
};
