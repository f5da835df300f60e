/* DEV002 service-stopped: A VPN service set to start automatically is not running.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_service_stopped(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV002) = {
    .id = "DEV002",
    .name = "service-stopped",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A VPN service set to start automatically is not running",
    .description =
        "A VPN service whose start type is Automatic should run all the time. When it is stopped, "
        "connections fail until something starts it (error 834 for RasMan, 827 for IKEEXT/BFE). "
        "Manual (trigger-start) services that are stopped are normal and not reported.",
    .fix = "Start it (vpnlint remediate, or Start-Service <name>), then look in the System event "
           "log for why it stopped.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_service_stopped,
};
