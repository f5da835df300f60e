/* PBK005 invalid-data-encryption — DataEncryption is not 0, 8, 256 or 512. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    size_t it = 0;
    bool is_num;
    long long v;
    for (const vl_pbk_kv *kv;
         (kv = pbkr_next_undecodable(p, vl_pbk_key_id(p, "DataEncryption"), &it,
                                     vl_pbk_data_encryption_name, &is_num, &v)) != NULL;)
        pbkr_report_not(c, kv,
                        "a defined encryption level: use 0 (none), 8 (optional), 256 (required) or "
                        "512 (maximum strength)");
}

VL_RULE(PBK005) = {
    .id = "PBK005",
    .name = "invalid-data-encryption",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "DataEncryption is not one of 0, 8, 256 or 512",
    .description =
        "MS-RRASM 2.2.2.2.14 defines DataEncryption as 0 (no encryption), 8 (optional), 256 "
        "(require encryption) or 512 (require maximum strength); they map to Add-VpnConnection "
        "-EncryptionLevel NoEncryption/Optional/Required/Maximum. Other values (often an ET_* "
        "constant 1/2/3 written by a script) leave the behaviour to the implementation.",
    .fix = "Write DataEncryption=256 (required) for a VPN, or 512 if the server supports "
           "maximum-strength encryption.",
    .since = "0.1.0",
    .check = check,
};
