/* NET009 ike-error-notify: The server answers IKE_SA_INIT with an error.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_ike_error_notify(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET009) = {
    .id = "NET009",
    .name = "ike-error-notify",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server answers IKE_SA_INIT with an error",
    .description = "The server answered IKE_SA_INIT with an error notify other than "
                   "NO_PROPOSAL_CHOSEN or INVALID_KE_PAYLOAD (for example INVALID_SYNTAX or "
                   "TEMPORARY_FAILURE). The message names it.",
    .fix = "Read the server's IKE log for the same time; INVALID_SYNTAX often means a KE value the "
           "server cannot use, TEMPORARY_FAILURE a server under load or reconfiguration.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_ike_error_notify,
};
