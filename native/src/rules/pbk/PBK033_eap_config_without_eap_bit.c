/* PBK033 eap-config-without-eap-bit — CustomAuthKey names an EAP method but AuthRestrictions does
 * not enable EAP. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], wb[160];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long k, a;
        const vl_pbk_kv *ar = vl_pbk_entry_get(e, "AuthRestrictions");
        if (!vl_pbk_entry_int(e, "CustomAuthKey", &k) || k <= 0 || !ar ||
            !vl_pbk_entry_int(e, "AuthRestrictions", &a))
            continue;
        if ((unsigned long long)a & VL_PBK_AUTH_EAP)
            continue;
        const char *m = vl_pbk_eap_type_name(k);
        vl_report_at(c, VL_SEV_DEFAULT, ar->line, 1,
                     "[%s] CustomAuthKey=%lld (%s) is configured but AuthRestrictions=%lld (%s) "
                     "does not include EAP (128), so Windows ignores the EAP configuration",
                     pbkr_name(e, nb, sizeof nb), k, m ? m : "an EAP method", a,
                     pbkr_auth_words((unsigned long long)a, wb, sizeof wb));
    }
}

VL_RULE(PBK033) = {
    .id = "PBK033",
    .name = "eap-config-without-eap-bit",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "CustomAuthKey names an EAP method but AuthRestrictions does not enable EAP",
    .description = "CustomAuthKey (the EAP type) and CustomAuthData (its configuration) are used "
                   "only when AuthRestrictions includes EAP (128). When a script or a change of "
                   "authentication method clears the EAP bit, the PEAP/EAP-TLS configuration is "
                   "silently ignored and Windows authenticates with whatever password method "
                   "remains - or with nothing, and the server rejects the user (812, 691).",
    .fix = "Add EAP (128) to AuthRestrictions - AuthRestrictions=128 for EAP only - or, if EAP is "
           "not wanted, remove CustomAuthKey and CustomAuthData.",
    .since = "0.1.0",
    .check = check,
};
