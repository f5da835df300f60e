/* DEV003 service-disabled: A service the VPN client needs is disabled.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_service_disabled(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV003) = {
    .id = "DEV003",
    .name = "service-disabled",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A service the VPN client needs is disabled",
    .description = "A disabled service cannot be started on demand, so every VPN connection that "
                   "needs it fails. Hardening baselines sometimes disable IKEEXT or PolicyAgent.",
    .fix = "Set the start type back to Manual (the Windows default for RasMan, IKEEXT and "
           "PolicyAgent) or Automatic (BFE). vpnlint does not change start types itself.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_service_disabled,
};
