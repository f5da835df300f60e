/* NET021 sstp-tls-failed: The TLS handshake with the SSTP server fails.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_sstp_tls_failed(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET021) = {
    .id = "NET021",
    .name = "sstp-tls-failed",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The TLS handshake with the SSTP server fails",
    .description = "TCP connects but the TLS handshake fails (no common protocol version or "
                   "cipher, the server closes the connection, no certificate). Windows fails with "
                   "error 0x80090326 or 809.",
    .fix = "Enable TLS 1.2 on the server and make sure a certificate is bound to the SSTP listener "
           "(RRAS: Set-RemoteAccess -SslCertificate).",
    .since = "0.1.0",
    .flags = 0,
    .check = check_sstp_tls_failed,
};
