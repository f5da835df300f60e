/* DEV008 run-context: The account the checks run as, and what it can see.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_run_context(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV008) = {
    .id = "DEV008",
    .name = "run-context",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "The account the checks run as, and what it can see",
    .description = "What the device checks can see depends on the account: SYSTEM (how Intune runs "
                   "remediation scripts) sees the all-users phonebook and the MDM profiles but not "
                   "users' own phonebooks; an elevated administrator sees their own and the "
                   "all-users phonebooks; a standard user cannot repair anything.",
    .fix = "Nothing to fix: run as SYSTEM to check MDM profiles, or as the user to check their "
           "phonebook.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_run_context,
};
