/* PBK038 pptp-in-use — The entry uses PPTP, an insecure and deprecated protocol. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long v;
        const vl_pbk_kv *kv = pbkr_vpn_strategy_of(e, PBKR_PPTP, &v);
        if (!kv)
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] VpnStrategy=%lld (%s): PPTP is insecure (MS-CHAP v2 and RC4 can be "
                     "cracked) and deprecated; move to IKEv2 (7) or SSTP (5)",
                     pbkr_name(e, nb, sizeof nb), v, vl_pbk_vpn_strategy_name(v));
    }
}

VL_RULE(PBK038) = {
    .id = "PBK038",
    .name = "pptp-in-use",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "The entry uses PPTP, an insecure and deprecated protocol",
    .description =
        "PPTP relies on MS-CHAP v2 and MPPE (RC4), which can be cracked offline; Microsoft has "
        "deprecated PPTP (and L2TP) in Windows Server and recommends IKEv2 or SSTP. PPTP also "
        "needs GRE (IP protocol 47), which many networks block (error 806).",
    .fix = "Move the connection to IKEv2 (VpnStrategy=7 or 14) or SSTP (5) and retire the PPTP "
           "server.",
    .since = "0.1.0",
    .check = check,
};
