/* PBK006 invalid-entry-type — Type is not 1-5. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    const int32_t k_key = vl_pbk_key_id(p, "Type");
    char nb[96], vb[80];
    size_t it = 0;
    for (const vl_pbk_kv *kv; (kv = pbkr_next_entry_key(p, k_key, &it)) != NULL;) {
        const vl_pbk_entry *e = &p->entries[kv->entry];
        long long v;
        if (vl_pbk_kv_int(kv, &v) && vl_pbk_entry_type_name(v))
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] Type='%s' is not an entry type: use 1 (phone), 2 (VPN), 3 "
                     "(direct), 4 (internet) or 5 (broadband/PPPoE); Windows decides from "
                     "Type which settings apply (VpnStrategy only counts for Type=2)",
                     pbkr_name(e, nb, sizeof nb),
                     pbkr_text(kv->value, kv->value_len, vb, sizeof vb));
    }
}

VL_RULE(PBK006) = {
    .id = "PBK006",
    .name = "invalid-entry-type",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "Type is not one of the RASET entry types 1-5",
    .description =
        "Type is the RASENTRY dwType (RASET_*): 1 phone, 2 VPN, 3 direct, 4 internet, 5 "
        "broadband. MS-RRASM says VpnStrategy applies only when Type=2, so a wrong Type makes "
        "Windows treat the entry as something else. Some converters confuse Type with the "
        "tunnel protocol (pbk2mobileconfig reads 10 as IKEv2), which it is not.",
    .fix = "Write Type=2 for a VPN connection (the protocol is chosen by VpnStrategy), Type=5 "
           "for PPPoE.",
    .since = "0.1.0",
    .check = check,
};
