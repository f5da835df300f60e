/* NET026 sstp-no-sstp-answer: No SSTP server answers SSTP_DUPLEX_POST.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_sstp_no_sstp_answer(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET026) = {
    .id = "NET026",
    .name = "sstp-no-sstp-answer",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "No SSTP server answers SSTP_DUPLEX_POST",
    .description = "TLS works, but the SSTP_DUPLEX_POST request got no answer or an answer other "
                   "than HTTP 200: a web server, proxy or load balancer without SSTP sits behind "
                   "the name and port. Windows fails with 0x80072746 or 809.",
    .fix = "Point the name at the SSTP server, or configure the load balancer / reverse proxy to "
           "pass /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ through to it (TLS offload needs "
           "RRAS' UseHttps setting to match).",
    .since = "0.1.0",
    .flags = 0,
    .check = check_sstp_no_sstp_answer,
};
