/* NET027 sstp-answered: An SSTP server answers SSTP_DUPLEX_POST.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_sstp_answered(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET027) = {
    .id = "NET027",
    .name = "sstp-answered",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An SSTP server answers SSTP_DUPLEX_POST",
    .description = "The server answered SSTP_DUPLEX_POST with HTTP 200: an SSTP server listens. "
                   "The probe stops there, before any SSTP control message, PPP or credential.",
    .fix = "Nothing to fix.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_sstp_answered,
};
