/* DEV001 service-missing: A service the Windows VPN client needs is not installed.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_service_missing(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV001) = {
    .id = "DEV001",
    .name = "service-missing",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A service the Windows VPN client needs is not installed",
    .description = "RasMan (Remote Access Connection Manager), IKEEXT (IKE and AuthIP IPsec Keying "
                   "Modules), PolicyAgent (IPsec Policy Agent) and BFE (Base Filtering Engine) are "
                   "part of every Windows client. When one is missing the VPN client cannot dial: "
                   "RasMan errors (834), IKEEXT/BFE errors (827).",
    .fix = "Repair the Windows installation (DISM /Online /Cleanup-Image /RestoreHealth, then sfc "
           "/scannow); a missing system service is not something to recreate by hand.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_service_missing,
};
