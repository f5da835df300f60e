/* DEV007 l2tp-regression-window: The OS build carries the January 2022 update that breaks
 * L2TP/IPsec and IKE. A device rule: findings are added by native/src/device/ through the report
 * API; the engine never runs it on files. */
#include "core/rule.h"

static void check_l2tp_regression_window(vl_ctx *c)
{
    (void)c;
}

VL_RULE(DEV007) = {
    .id = "DEV007",
    .name = "l2tp-regression-window",
    .kind = VPNLINT_KIND_DEVICE,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "The OS build carries the January 2022 update that breaks L2TP/IPsec and IKE",
    .description =
        "The January 11, 2022 cumulative updates (KB5009543 for Windows 10 20H2/21H1/21H2, "
        "KB5009566 for Windows 11) broke L2TP/IPsec and IKE connections to non-Microsoft VPN "
        "servers that send a Vendor ID. The out-of-band updates of January 17 (KB5010793, "
        "KB5010795) fixed it; later cumulative updates include the fix.",
    .fix =
        "Install KB5010793 (Windows 10) or KB5010795 (Windows 11), or any later cumulative update.",
    .since = "0.1.0",
    .flags = 0,
    .check = check_l2tp_regression_window,
};
