/* PBK031 l2tp-without-psk — An L2TP/IPsec entry has no pre-shared key configured (IpSecFlags is not
 * 1). */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long v;
        const vl_pbk_kv *kv = pbkr_vpn_strategy_of(e, PBKR_L2TP, &v);
        if (!kv || pbkr_int(e, "IpSecFlags", 0) == 1)
            continue;
        const vl_pbk_kv *f = vl_pbk_entry_get(e, "IpSecFlags");
        vl_report_at(c, VL_SEV_DEFAULT, f ? f->line : kv->line, 1,
                     "[%s] VpnStrategy=%lld (%s) but IpSecFlags is %s, so no pre-shared key is "
                     "used: IPsec then needs a computer certificate on this machine; without one "
                     "(or if the server expects a PSK) the dial fails with 789 or 766",
                     pbkr_name(e, nb, sizeof nb), v, vl_pbk_vpn_strategy_name(v),
                     f ? "0" : "missing");
    }
}

VL_RULE(PBK031) = {
    .id = "PBK031",
    .name = "l2tp-without-psk",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "An L2TP/IPsec entry has no pre-shared key configured (IpSecFlags is not 1)",
    .description =
        "L2TP/IPsec needs either a pre-shared key or a machine certificate for the IPsec phase. "
        "Windows marks a PSK entry with IpSecFlags=1 (RASEO2_UsePreSharedKey) and keeps the key "
        "itself outside the phonebook. With IpSecFlags=0 the client authenticates IPsec with a "
        "computer certificate; if none is installed, or the server expects a PSK, the connection "
        "fails with 789 (security layer processing error), 766/786 (no certificate) or 835.",
    .fix = "If the server uses a pre-shared key: in the VPN settings choose 'L2TP/IPsec with "
           "pre-shared key' and enter it (Add-VpnConnection -L2tpPsk), which sets IpSecFlags=1. If "
           "it uses certificates, install a computer certificate the server trusts.",
    .since = "0.1.0",
    .check = check,
};
