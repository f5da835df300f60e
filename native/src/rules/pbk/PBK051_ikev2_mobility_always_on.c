/* PBK051 ikev2-mobility-always-on — An Always On IKEv2 entry keeps IKEv2 mobility enabled. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long v;
        if (!pbkr_is_always_on(e) || !vl_pbk_entry_int(e, "VpnStrategy", &v) ||
            pbkr_strategy_primary(v) != PBKR_IKEV2 || pbkr_int(e, "DisableMobility", 0) == 1)
            continue;
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "DisableMobility");
        vl_report_at(c, VL_SEV_DEFAULT, kv ? kv->line : e->line, 1,
                     "[%s] Always On entry with VpnStrategy=%lld (%s) keeps IKEv2 mobility on: "
                     "stale mobility sessions on firewalls cause intermittent 809 errors; "
                     "consider DisableMobility=1 with NetworkOutageTime=0",
                     pbkr_name(e, nb, sizeof nb), v, vl_pbk_vpn_strategy_name(v));
    }
}

VL_RULE(PBK051) = {
    .id = "PBK051",
    .name = "ikev2-mobility-always-on",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An Always On IKEv2 entry keeps IKEv2 mobility enabled",
    .description = "IKEv2 mobility (MOBIKE) keeps the security association alive across network "
                   "changes for NetworkOutageTime seconds. With Always On VPN, firewalls and load "
                   "balancers that drop the idle session leave the client trying to resume a dead "
                   "tunnel, which shows up as intermittent 809 errors and slow reconnects; Always "
                   "On VPN reconnects on its own anyway. Richard Hicks recommends disabling it "
                   "(DisableMobility=1, NetworkOutageTime=0). Advice only.",
    .fix = "For Always On VPN, consider DisableMobility=1 and NetworkOutageTime=0 (Update-Rasphone "
           "-DisableIkeMobility True).",
    .since = "0.1.0",
    .check = check,
};
