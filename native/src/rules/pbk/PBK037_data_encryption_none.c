/* PBK037 data-encryption-none — A VPN entry has DataEncryption=0 (no encryption). */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "DataEncryption");
        long long v;
        if (!kv || !vl_pbk_entry_int(e, "DataEncryption", &v) || v != 0 || !pbkr_is_vpn(e))
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, 1,
                     "[%s] DataEncryption=0 (none): the VPN may connect without encrypting "
                     "data; use 256 (required) or 512 (maximum strength)",
                     pbkr_name(e, nb, sizeof nb));
    }
}

VL_RULE(PBK037) = {
    .id = "PBK037",
    .name = "data-encryption-none",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A VPN entry has DataEncryption=0 (no encryption)",
    .description = "DataEncryption=0 (Add-VpnConnection -EncryptionLevel NoEncryption) lets the "
                   "connection come up without data encryption, and with PPTP it means the traffic "
                   "crosses the internet in clear. MS-RRASM 2.2.2.2.14 defines 256 (require) and "
                   "512 (require maximum strength) for an encrypted tunnel.",
    .fix = "Set DataEncryption=256 (required) - or 512 (maximum strength) if the server supports "
           "it - so the client refuses an unencrypted tunnel.",
    .since = "0.1.0",
    .check = check,
};
