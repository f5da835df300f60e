/* DEV009 installed-profiles-unreadable: Installed MDM_VPNv2_01 profiles could not be read.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_installed_profiles_unreadable(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV009) = {
    .id = "DEV009",
    .name = "installed-profiles-unreadable",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "Installed MDM_VPNv2_01 profiles could not be read",
    .description = "The ProfileXML of Intune/MDM-provisioned VPN profiles is read through WMI "
                   "(namespace root\\cimv2\\mdm\\dmmap, class MDM_VPNv2_01), which answers to "
                   "SYSTEM only. When the query fails those profiles are not linted.",
    .fix =
        "Run vpnlint detect as SYSTEM (as Intune does, or psexec -s) to lint installed profiles.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_installed_profiles_unreadable,
};
