/* PBK040 ras-credentials-always-on — An Always On VPN entry reuses the VPN credentials for single
 * sign-on (UseRasCredentials=1). */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96];
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        if (!pbkr_is_always_on(e) || pbkr_int(e, "UseRasCredentials", 1) == 0)
            continue;
        const vl_pbk_kv *kv = vl_pbk_entry_get(e, "UseRasCredentials");
        vl_report_at(c, VL_SEV_DEFAULT, kv ? kv->line : e->line, 1,
                     "[%s] this Always On entry has UseRasCredentials=%s: the VPN credentials "
                     "become session-default credentials for SSO; if the device is Microsoft "
                     "Entra joined and users are prompted for credentials on internal "
                     "resources, set UseRasCredentials=0",
                     pbkr_name(e, nb, sizeof nb), kv ? "1" : "1 (default, key absent)");
    }
}

VL_RULE(PBK040) = {
    .id = "PBK040",
    .name = "ras-credentials-always-on",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An Always On VPN entry reuses the VPN credentials for single sign-on "
               "(UseRasCredentials=1)",
    .description =
        "With UseRasCredentials=1 (the default) Windows stores the VPN credentials in Credential "
        "Manager as session-default credentials, and apps use them for single sign-on to resources "
        "behind the VPN. Richard Hicks documents Always On VPN clients on Microsoft Entra (Azure "
        "AD) joined devices being prompted for authentication when they access internal resources, "
        "and his Intune remediation sets UseRasCredentials to 0 for AOVPN user tunnels. vpnlint "
        "cannot see the join state from the phonebook, so this is advice.",
    .fix = "If users of Entra joined devices are prompted for credentials on internal resources, "
           "set UseRasCredentials=0 (Update-Rasphone -UseRasCredentials False, or the "
           "Remediate-UseRasCredentials script).",
    .since = "0.1.0",
    .check = check,
};
