/* PX077 l2tp-psk-unused — L2tpPsk is set but the profile never uses L2TP */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *psk = vl_px_first(p, VL_PX_NP_L2tpPsk);
    unsigned protos = vl_px_protocols(p);
    if (!psk || !protos || (protos & VL_PROTO_L2TP))
        return;
    char buf[64];
    vl_report(c, psk,
              "L2tpPsk is set but the profile uses only %s, so the pre-shared key is "
              "never used and needlessly stored in clear text",
              vl_px_protocols_text(protos, buf, sizeof buf));
}

VL_RULE(PX077) = {
    .id = "PX077",
    .name = "l2tp-psk-unused",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "L2tpPsk is set but the profile never uses L2TP",
    .description = "NativeProfile/L2tpPsk is the pre-shared key for L2TP/IPsec. When the protocol "
                   "selection (NativeProtocolType, or the ProtocolList entries; Automatic includes "
                   "L2TP) cannot use L2TP the key is never used, yet it sits in clear text in the "
                   "profile, readable by administrators through WMI. (vpnlint inference from the "
                   "CSP semantics.) The key itself is never printed.",
    .fix = "Remove L2tpPsk, or select L2TP if that was intended.",
    .since = "0.1.0",
    .check = check,
};
