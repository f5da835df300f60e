/* PBK008 custom-ipsec-policy-count-mismatch — NumCustomPolicy disagrees with the size of
 * CustomIPSecPolicies. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        const vl_pbk_kv *blob = vl_pbk_entry_get(e, "CustomIPSecPolicies");
        long long n;
        if (!blob || !blob->value_len || !vl_pbk_entry_int(e, "NumCustomPolicy", &n))
            continue;
        size_t len = blob->value_len;
        if (len % 48 != 0)
            vl_report_at(c, VL_SEV_DEFAULT, blob->line, 1,
                         "[%s] CustomIPSecPolicies is %zu hex characters, not a multiple of 48 "
                         "(one policy each): "
                         "the list is truncated or damaged",
                         pbkr_name(e, nb, sizeof nb), len);
        else if ((long long)(len / 48) != n)
            vl_report_at(c, VL_SEV_DEFAULT, blob->line, 1,
                         "[%s] NumCustomPolicy=%lld but CustomIPSecPolicies holds %zu (policy of "
                         "48 hex characters each): "
                         "Windows reads the count and ignores or misreads the rest",
                         pbkr_name(e, nb, sizeof nb), n, len / 48);
    }
}

VL_RULE(PBK008) = {
    .id = "PBK008",
    .name = "custom-ipsec-policy-count-mismatch",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "NumCustomPolicy disagrees with the size of CustomIPSecPolicies",
    .description =
        "Set-VpnConnectionIPsecConfiguration stores each custom IKE/IPsec policy as six "
        "little-endian DWORDs (integrity, encryption, cipher transform, auth transform, PFS "
        "group, DH group), 48 hex characters, and NumCustomPolicy says how many there are. "
        "When the two disagree - typically after a script pasted a policy by hand, as Brave "
        "and Windscribe do with WritePrivateProfileString - the client proposes a different "
        "or broken crypto set and IKE fails with 13868 (policy match error) or 809.",
    .fix = "Re-apply the policy with Set-VpnConnectionIPsecConfiguration (or CryptographySuite "
           "in the ProfileXML); if you edit by hand, write 48 hex characters per policy and set "
           "NumCustomPolicy to their number.",
    .since = "0.1.0",
    .check = check,
};
