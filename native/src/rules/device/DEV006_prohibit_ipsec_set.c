/* DEV006 prohibit-ipsec-set: ProhibitIpSec is set while L2TP connections exist.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_prohibit_ipsec_set(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV006) = {
    .id = "DEV006",
    .name = "prohibit-ipsec-set",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "ProhibitIpSec is set while L2TP connections exist",
    .description =
        "With HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters\\ProhibitIpSec = 1 RAS "
        "creates no IPsec policy for L2TP; without a manually built IPsec policy every L2TP/IPsec "
        "connection fails (often 809 or 789). It is usually left over from old troubleshooting.",
    .fix = "Set it to 0 (vpnlint remediate does this) and restart Windows, unless a manual IPsec "
           "policy is in use on purpose.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_prohibit_ipsec_set,
};
