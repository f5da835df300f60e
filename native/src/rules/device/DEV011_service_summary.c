/* DEV011 service-summary: State and start type of the VPN services.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_service_summary(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV011) = {
    .id = "DEV011",
    .name = "service-summary",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "State and start type of the VPN services",
    .description =
        "Lists RasMan, IKEEXT, PolicyAgent, BFE, SstpSvc and RemoteAccess: installed or not, "
        "running or stopped, and start type, so a support case has the facts in one line.",
    .fix = "Nothing to fix by itself; see DEV001 to DEV003 for the problems.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_service_summary,
};
