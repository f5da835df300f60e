/* NET025 server-cert-expired: The server certificate has expired or is not valid yet.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_server_cert_expired(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET025) = {
    .id = "NET025",
    .name = "server-cert-expired",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server certificate has expired or is not valid yet",
    .description = "The server's certificate is past its notAfter date, or before its notBefore "
                   "date. Windows refuses it with 0x800B0101 (CERT_E_EXPIRED).",
    .fix = "Renew the server certificate and bind the new one (RRAS: Set-RemoteAccess "
           "-SslCertificate; restart RemoteAccess).",
    .since = "0.1.0",
    .flags = 0,
    .check = check_server_cert_expired,
};
