/* PBK034 eap-without-method — AuthRestrictions enables EAP but no EAP method is configured. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], wb[160];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long a, k = 0;
        const vl_pbk_kv *ar = vl_pbk_entry_get(e, "AuthRestrictions");
        if (!ar || !vl_pbk_entry_int(e, "AuthRestrictions", &a) ||
            !((unsigned long long)a & VL_PBK_AUTH_EAP))
            continue;
        bool has_k = vl_pbk_entry_int(e, "CustomAuthKey", &k);
        if (has_k && k > 0)
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, ar->line, 1,
                     "[%s] AuthRestrictions=%lld (%s) enables EAP, but CustomAuthKey is %s: no "
                     "EAP method (PEAP, EAP-TLS ...) is configured, so EAP authentication "
                     "cannot succeed",
                     pbkr_name(e, nb, sizeof nb), a,
                     pbkr_auth_words((unsigned long long)a, wb, sizeof wb),
                     !has_k   ? "missing"
                     : k == 0 ? "0 (none)"
                              : "-1 (none, legacy)");
    }
}

VL_RULE(PBK034) = {
    .id = "PBK034",
    .name = "eap-without-method",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "AuthRestrictions enables EAP but no EAP method is configured",
    .description =
        "When AuthRestrictions includes EAP (128), Windows runs the EAP method named by "
        "CustomAuthKey (25 PEAP, 13 EAP-TLS, 26 EAP-MSCHAPv2) with the settings in CustomAuthData. "
        "CustomAuthKey=0, -1 or missing means no method, so the EAP negotiation has nothing to "
        "offer and the server rejects the connection (812 or 691).",
    .fix = "Configure the EAP method (in the VPN properties, or Add-VpnConnection "
           "-AuthenticationMethod Eap -EapConfigXmlStream), which writes CustomAuthKey and "
           "CustomAuthData; or remove EAP from AuthRestrictions.",
    .since = "0.1.0",
    .check = check,
};
