/* DEV005 natt-invalid: AssumeUDPEncapsulationContextOnSendRule has a value or type Windows does not
 * use. A device rule: findings are added by native/src/device/ through the report API; the engine
 * never runs it on files. */
#include "core/rule.h"

static void check_natt_invalid(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV005) = {
    .id = "DEV005",
    .name = "natt-invalid",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "AssumeUDPEncapsulationContextOnSendRule has a value or type Windows does not use",
    .description = "The value must be a REG_DWORD of 0, 1 or 2. Any other number, or a string "
                   "written by a wrong reg add /t, is ignored and behaves as 0.",
    .fix = "Delete the value and set a REG_DWORD: vpnlint repair natt --value 2, then restart "
           "Windows.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_natt_invalid,
};
