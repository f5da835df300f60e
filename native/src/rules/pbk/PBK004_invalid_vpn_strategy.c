/* PBK004 invalid-vpn-strategy — VpnStrategy is not a defined value. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    size_t it = 0;
    bool is_num;
    long long v;
    for (const vl_pbk_kv *kv;
         (kv = pbkr_next_undecodable(p, vl_pbk_key_id(p, "VpnStrategy"), &it,
                                     vl_pbk_vpn_strategy_name, &is_num, &v)) != NULL;) {
        if (!is_num)
            pbkr_report_not(c, kv,
                            "a number: Windows expects 0-9 or 12-15 (e.g. 7 = IKEv2 only, 14 = "
                            "IKEv2, then SSTP only)");
        else
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                         "[%s] VpnStrategy=%lld is not a defined tunnel strategy%s: valid "
                         "values are 0 (Automatic) to 9 (GRE only) and 12 to 15 (e.g. 7 = "
                         "IKEv2 only, 14 = IKEv2, then SSTP only); Windows' behaviour with "
                         "it is undefined",
                         pbkr_name(&p->entries[kv->entry], nb, sizeof nb), v,
                         v == 10 || v == 11 ? " (10 and 11 are unused by ras.h)" : "");
    }
}

VL_RULE(PBK004) = {
    .id = "PBK004",
    .name = "invalid-vpn-strategy",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "VpnStrategy is not one of the defined tunnel strategies",
    .description =
        "VpnStrategy selects the tunnel protocols (MS-RRASM 2.2.2.2.11, ras.h VS_*): 0 "
        "Automatic, 1 PPTP only, 2 PPTP first, 3 L2TP only, 4 L2TP first, 5 SSTP only, 6 SSTP "
        "first, 7 IKEv2 only, 8 IKEv2 first, 9 GRE only, 12 PPTP then SSTP, 13 L2TP then SSTP, "
        "14 IKEv2 then SSTP, 15 ProfileXML protocol list. 10 and 11 and anything else are not "
        "defined, so what Windows dials is implementation-specific.",
    .fix = "Set VpnStrategy to the protocol you deploy, e.g. 7 (IKEv2 only) or 14 (IKEv2 with "
           "SSTP fallback) for Always On VPN, 3 for L2TP/IPsec.",
    .since = "0.1.0",
    .check = check,
};
