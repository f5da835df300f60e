/* NET020 sstp-no-connect: The SSTP port cannot be reached over TCP.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_sstp_no_connect(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET020) = {
    .id = "NET020",
    .name = "sstp-no-connect",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The SSTP port cannot be reached over TCP",
    .description = "A TCP connection to the SSTP port (443 unless configured otherwise) was "
                   "refused or timed out. Windows fails with error 809 for SSTP.",
    .fix =
        "Open TCP 443 to the VPN server, and check that RRAS (or the SSTP server) listens on it.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_sstp_no_connect,
};
