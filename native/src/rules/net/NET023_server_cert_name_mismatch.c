/* NET023 server-cert-name-mismatch: The server certificate is not issued for the name in the
 * profile. A network probe finding: added by native/src/probe/ through the report API when `vpnlint
 * probe` (vpnlint_probe) asks a server; the engine never runs it on files. */
#include "core/rule.h"

static void check_server_cert_name_mismatch(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET023) = {
    .id = "NET023",
    .name = "server-cert-name-mismatch",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server certificate is not issued for the name in the profile",
    .description = "Neither the subject alternative names nor (without SANs) the subject CN of the "
                   "server's certificate match the name in Servers / PhoneNumber. Windows fails "
                   "with 13801 for IKEv2 and 0x800B010F (CERT_E_CN_NO_MATCH) for SSTP.",
    .fix = "Put the server's public name (exactly as in the profile) into the certificate's "
           "subject alternative names, or use that name in the profile.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_server_cert_name_mismatch,
};
