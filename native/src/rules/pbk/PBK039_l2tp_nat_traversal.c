/* PBK039 l2tp-nat-traversal — An L2TP/IPsec entry: behind NAT it needs the NAT-T registry value. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long v;
        const vl_pbk_kv *kv = pbkr_vpn_strategy_of(e, PBKR_L2TP, &v);
        if (!kv)
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] VpnStrategy=%lld (%s): if error 809 appears and the client or server "
                     "is behind NAT, set AssumeUDPEncapsulationContextOnSendRule=2 under "
                     "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent and reboot, and "
                     "allow UDP 500/4500",
                     pbkr_name(e, nb, sizeof nb), v, vl_pbk_vpn_strategy_name(v));
    }
}

VL_RULE(PBK039) = {
    .id = "PBK039",
    .name = "l2tp-nat-traversal",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An L2TP/IPsec entry: behind NAT it needs the NAT-T registry value",
    .description =
        "Since Windows Vista, L2TP/IPsec to a server behind NAT is blocked until "
        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent\\AssumeUDPEncapsulationContextOnSen"
        "dRule (DWORD) is set to 2 and the computer is restarted (KB926179, KB947234). Without it "
        "the dial times out with error 809; UDP 500, 4500 and 1701 (inside IPsec) and ESP must "
        "also pass, and RasMan\\Parameters\\ProhibitIpSec must not be 1. Feature updates can drop "
        "the value. This is advice: the phonebook cannot tell whether NAT is involved.",
    .fix = "If the client or server is behind NAT, set AssumeUDPEncapsulationContextOnSendRule=2 "
           "(REG_DWORD) under the PolicyAgent service key and reboot; check ProhibitIpSec=0; open "
           "UDP 500/4500. Better: move to IKEv2.",
    .since = "0.1.0",
    .check = check,
};
