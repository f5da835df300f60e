/* PBK032 ppp-auth-without-mschapv2-or-eap — A PPTP/L2TP/SSTP entry allows neither MS-CHAP v2 nor
 * EAP. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], wb[160];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long v, a;
        const vl_pbk_kv *ar = vl_pbk_entry_get(e, "AuthRestrictions");
        if (!vl_pbk_entry_int(e, "VpnStrategy", &v) || !ar ||
            !vl_pbk_entry_int(e, "AuthRestrictions", &a) || !pbkr_is_vpn(e))
            continue;
        unsigned protos = pbkr_strategy_protocols(v);
        if (!protos || (protos & ~PBKR_PPP) || v == 0)
            continue; /* IKEv2 may be used: PBK058 judges mixed cases */
        unsigned long long bits = (unsigned long long)a;
        if (bits & (VL_PBK_AUTH_MSCHAPV2 | VL_PBK_AUTH_EAP))
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, ar->line, 1,
                     "[%s] AuthRestrictions=%lld allows %s, but not MS-CHAP v2 (512) or EAP "
                     "(128), which a Windows VPN server expects for %s: expect error 691 or "
                     "812",
                     pbkr_name(e, nb, sizeof nb), a, pbkr_auth_words(bits, wb, sizeof wb),
                     vl_pbk_vpn_strategy_name(v));
    }
}

VL_RULE(PBK032) = {
    .id = "PBK032",
    .name = "ppp-auth-without-mschapv2-or-eap",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A PPTP/L2TP/SSTP entry allows neither MS-CHAP v2 nor EAP",
    .description =
        "PPTP, L2TP and SSTP authenticate the user with PPP methods chosen in AuthRestrictions (8 "
        "PAP, 16 SPAP, 32 CHAP, 64 MS-CHAP, 128 EAP, 512 MS-CHAP v2). Windows RRAS and NPS accept "
        "MS-CHAP v2 or EAP (PEAP); hwdsl2's L2TP guide has users enable MS-CHAP v2. An entry that "
        "offers only PAP, CHAP or MS-CHAP v1 fails with 691 (authentication protocol not "
        "permitted) or 812 (server policy mismatch, event 20276).",
    .fix = "Enable MS-CHAP v2 (add 512 to AuthRestrictions, e.g. 512 or 544) or, better, EAP/PEAP "
           "(128 with CustomAuthKey=25) to match the server's network policy.",
    .since = "0.1.0",
    .check = check,
};
