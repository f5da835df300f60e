/* PBK036 weak-auth-protocol — AuthRestrictions allows a weak PPP authentication method. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], wb[160];
    const unsigned long long strong = VL_PBK_AUTH_PAP | VL_PBK_AUTH_SPAP;
    const unsigned long long weak =
        VL_PBK_AUTH_MD5CHAP | VL_PBK_AUTH_MSCHAP | VL_PBK_AUTH_W95MSCHAP;
    for (size_t i = 0; i < p->n_entries; i++) {
        const vl_pbk_entry *e = &p->entries[i];
        long long a;
        const vl_pbk_kv *ar = vl_pbk_entry_get(e, "AuthRestrictions");
        if (!ar || !vl_pbk_entry_int(e, "AuthRestrictions", &a) || a < 0 || !pbkr_is_vpn(e))
            continue;
        unsigned long long bits = (unsigned long long)a;
        if (bits & strong)
            vl_report_at(c, VL_SEV_DEFAULT, ar->line, 1,
                         "[%s] AuthRestrictions=%lld allows %s: PAP sends the password in clear "
                         "text (SPAP barely hides it); allow only MS-CHAP v2 or EAP",
                         pbkr_name(e, nb, sizeof nb), a,
                         pbkr_auth_words(bits & (strong | weak), wb, sizeof wb));
        else if (bits & weak)
            vl_report_at(c, VPNLINT_SEVERITY_INFO, ar->line, 1,
                         "[%s] AuthRestrictions=%lld also allows weaker methods than MS-CHAP v2 "
                         "and EAP (%s); remove them unless an old server needs them",
                         pbkr_name(e, nb, sizeof nb), a,
                         pbkr_auth_words(bits & weak, wb, sizeof wb));
    }
}

VL_RULE(PBK036) = {
    .id = "PBK036",
    .name = "weak-auth-protocol",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "AuthRestrictions allows a weak PPP authentication method",
    .description =
        "PAP sends the password in clear text and SPAP uses reversible encryption; CHAP (MD5) "
        "needs reversibly stored passwords on the server, and MS-CHAP v1 and the Windows 95 "
        "variant are long broken. Windows offers them only for old servers. If a server accepts "
        "one of them, a man in the middle can downgrade the connection to it. PAP/SPAP are "
        "reported as warnings, the others as information.",
    .fix = "Allow only MS-CHAP v2 (512) or EAP (128) in AuthRestrictions, e.g. "
           "AuthRestrictions=512 or 128.",
    .since = "0.1.0",
    .check = check,
};
