/* PBK035 eap-data-type-mismatch — CustomAuthData was written for a different EAP method than
 * CustomAuthKey. */
#include "common.h"

#include <stdlib.h>

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long k;
        const vl_pbk_kv *blob = vl_pbk_entry_get(e, "CustomAuthData");
        if (!blob || blob->value_len < 16 || !vl_pbk_entry_int(e, "CustomAuthKey", &k) || k <= 0)
            continue;
        unsigned char *b;
        size_t n;
        if (vl_pbk_hex_decode(p, blob, &b, &n) != 0)
            continue; /* PBK007 */
        if (n >= 8 && memcmp(b, "1DBC", 4) == 0) {
            unsigned long t = (unsigned long)b[4] | (unsigned long)b[5] << 8 |
                              (unsigned long)b[6] << 16 | (unsigned long)b[7] << 24;
            if ((long long)t != k) {
                const char *bn = vl_pbk_eap_type_name((long long)t);
                const char *kn = vl_pbk_eap_type_name(k);
                vl_report_at(c, VL_SEV_DEFAULT, blob->line, 1,
                             "[%s] CustomAuthData configures EAP type %lu (%s) but "
                             "CustomAuthKey=%lld (%s): the method gets a configuration written "
                             "for another method",
                             pbkr_name(e, nb, sizeof nb), t, bn ? bn : "unknown method", k,
                             kn ? kn : "unknown method");
            }
        }
        free(b);
    }
}

VL_RULE(PBK035) = {
    .id = "PBK035",
    .name = "eap-data-type-mismatch",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "CustomAuthData was written for a different EAP method than CustomAuthKey",
    .description = "CustomAuthData starts with the signature 1DBC followed by the EAP type it "
                   "configures (a little-endian DWORD); in Windows-written files that type equals "
                   "CustomAuthKey. A blob for EAP-MSCHAPv2 under CustomAuthKey=25 (PEAP) - typical "
                   "when a script changed one key and not the other - makes Windows hand the "
                   "method a configuration it cannot read, and authentication fails or falls back "
                   "to defaults (for example no server certificate validation settings).",
    .fix = "Re-apply the EAP configuration as a whole (VPN properties, or the EapConfiguration of "
           "the ProfileXML) so that CustomAuthKey and CustomAuthData agree.",
    .since = "0.1.0",
    .check = check,
};
