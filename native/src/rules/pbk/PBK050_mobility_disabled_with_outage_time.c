/* PBK050 mobility-disabled-with-outage-time — IKEv2 mobility is disabled but NetworkOutageTime is
 * set. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long t = pbkr_int(e, "NetworkOutageTime", 0);
        if (pbkr_int(e, "DisableMobility", 0) != 1 || t == 0)
            continue;
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "NetworkOutageTime");
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] DisableMobility=1 (IKEv2 mobility off) but NetworkOutageTime=%lld: "
                     "the outage time only applies when mobility is on; write 0, or enable "
                     "mobility if you want it",
                     pbkr_name(e, nb, sizeof nb), t);
    }
}

VL_RULE(PBK050) = {
    .id = "PBK050",
    .name = "mobility-disabled-with-outage-time",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "IKEv2 mobility is disabled but NetworkOutageTime is set",
    .description = "DisableMobility=1 turns off IKEv2 VPN Reconnect (MOBIKE); NetworkOutageTime is "
                   "how long mobility waits for the network to return, so it only means something "
                   "when mobility is on. Windows and Richard Hicks' Update-Rasphone write "
                   "NetworkOutageTime=0 with DisableMobility=1, and the script refuses to combine "
                   "the two. The pair shows that one of the two settings is not what was intended.",
    .fix = "Either keep mobility off with NetworkOutageTime=0, or enable it (DisableMobility=0) "
           "with the outage time you want (e.g. 1800).",
    .since = "0.1.0",
    .check = check,
};
