/* PBK047 secret-in-phonebook — A password or pre-shared key is stored in clear text in the
 * phonebook. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], kb[64];
    for (size_t id = 0; id < p->n_names; id++) {
        if (!(p->name_flags[id] & VL_PBK_NAME_SECRET))
            continue;
        size_t it = 0;
        for (const vl_pbk_kv *kv; (kv = pbkr_next_of(p, (int32_t)id, &it)) != NULL;) {
            size_t n;
            if (vl_trim(vl_pbk_kv_value(p, kv), kv->value_len, &n), n == 0)
                continue;
            const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
            vl_report_at(
                c, VL_SEV_DEFAULT, kv->line, 1,
                "[%s] %s holds a secret in clear text (value not shown): Windows keeps "
                "passwords and pre-shared keys out of the phonebook, so anyone who can read "
                "this file can read it; empty the value and change the secret",
                e ? pbkr_name(e, nb, sizeof nb) : "",
                pbkr_text(vl_pbk_kv_key(p, kv), vl_pbk_kv_key_len(p, kv), kb, sizeof kb));
        }
    }
}

VL_RULE(PBK047) = {
    .id = "PBK047",
    .name = "secret-in-phonebook",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A password or pre-shared key is stored in clear text in the phonebook",
    .description =
        "Windows never writes secrets into rasphone.pbk: PreSharedKey= and ApnInfoPassword= are "
        "always empty, because the L2TP pre-shared key and passwords are stored through "
        "RasSetCredentials in protected storage. A non-empty value was put there by a script or "
        "generator, is readable by anyone who can read the file (the all-users phonebook is "
        "readable by every user), and is not used by Windows. vpnlint never prints the value.",
    .fix = "Delete the value (leave PreSharedKey= empty), set the key with Add-VpnConnection "
           "-L2tpPsk or the VPN settings, and change the secret, since it has been exposed.",
    .since = "0.1.0",
    .check = check,
};
