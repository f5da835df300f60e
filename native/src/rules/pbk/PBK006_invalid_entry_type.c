/* PBK006 invalid-entry-type — Type is not 1-5. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    size_t it = 0;
    bool is_num;
    long long v;
    for (const vl_pbk_kv *kv;
         (kv = pbkr_next_undecodable(p, vl_pbk_key_id(p, "Type"), &it, vl_pbk_entry_type_name,
                                     &is_num, &v)) != NULL;)
        pbkr_report_not(c, kv,
                        "an entry type: use 1 (phone), 2 (VPN), 3 (direct), 4 (internet) or 5 "
                        "(broadband/PPPoE); Windows decides from Type which settings apply "
                        "(VpnStrategy only counts for Type=2)");
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
