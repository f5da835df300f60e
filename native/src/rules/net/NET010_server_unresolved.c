/* NET010 server-unresolved: The server name does not resolve.
 * A network probe finding: added by native/src/probe/ through the report
 * API when `vpnlint probe` (vpnlint_probe) asks a server; the engine never
 * runs it on files. */
#include "core/rule.h"

static void check_server_unresolved(vl_ctx *c)
{
    (void)c;
}

VL_RULE(NET010) = {
    .id = "NET010",
    .name = "server-unresolved",
    .kind = VPNLINT_KIND_NETWORK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The server name does not resolve",
    .description = "The name in Servers (ProfileXML) or PhoneNumber (phonebook) does not resolve "
                   "on this machine. Windows fails with error 868 before sending anything.",
    .fix = "Publish the name in public DNS (for Always On VPN the client resolves it from outside "
           "the corporate network), or correct the spelling in the profile.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_server_unresolved,
};
