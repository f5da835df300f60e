/* NET024 server-cert-untrusted-root: The server certificate does not chain to a trusted root.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_server_cert_untrusted_root(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET024) = {
    .id = "NET024",
    .name = "server-cert-untrusted-root",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server certificate does not chain to a trusted root",
    .description = "The chain the server presents ends in a root whose SHA-1 thumbprint is not "
                   "among the profile's TrustedRootCA thumbprints (when the profile lists any), or "
                   "does not verify against this machine's trusted roots (or --ca-file). Windows "
                   "fails with 0x800B0109 (CERT_E_UNTRUSTEDROOT).",
    .fix = "Serve the full chain from a CA the clients trust, list that root's thumbprint in "
           "TrustedRootCA, or deploy the root to the clients' Trusted Root Certification "
           "Authorities store.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_server_cert_untrusted_root,
};
