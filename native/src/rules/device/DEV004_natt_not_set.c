/* DEV004 natt-not-set: L2TP connections exist but AssumeUDPEncapsulationContextOnSendRule is not 2.
 * A device rule: findings are added by native/src/device/ through the
 * report API; the engine never runs it on files. */
#include "core/rule.h"

static void check_natt_not_set(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV004) = {
    .id = "DEV004",
    .name = "natt-not-set",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "L2TP connections exist but AssumeUDPEncapsulationContextOnSendRule is not 2",
    .description =
        "Windows refuses NAT-T security associations with an L2TP/IPsec server behind NAT unless "
        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent\\AssumeUDPEncapsulationContextOnSen"
        "dRule is 2 (server and/or client behind NAT) or 1 (server behind NAT). Absent means 0. "
        "The symptom is error 809. Feature updates can drop the value.",
    .fix = "Run vpnlint repair natt --value 2 (or vpnlint remediate) from an elevated prompt, then "
           "restart Windows.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_natt_not_set,
};
