/* NET028 sstp-probe-unavailable: The SSTP probe is not available in this build.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_sstp_probe_unavailable(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET028) = {
    .id = "NET028",
    .name = "sstp-probe-unavailable",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The SSTP probe is not available in this build",
    .description =
        "The profile or entry may use SSTP, but this build of vpnlint has no TLS library for the "
        "SSTP probe (a non-Windows build made without OpenSSL; Windows builds use Schannel). Only "
        "the IKEv2 probe ran.",
    .fix = "Run vpnlint probe from a build with OpenSSL, or from the Windows build (Schannel), "
           "to probe SSTP, or test with a browser: "
           "https://SERVER/sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ shows the certificate.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_sstp_probe_unavailable,
};
