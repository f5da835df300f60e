/* PBK042 server-name-whitespace — A VPN server name has spaces in or around it. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[160];
    pbkr_server_it it = pbkr_servers(p);
    for (const vl_pbk_kv *kv; (kv = pbkr_next_vpn_server(p, &it)) != NULL;) {
        const vl_pbk_entry *e = &p->entries[kv->entry];
        size_t n = kv->value_len;
        if (!n)
            continue;
        size_t sp = 0;
        for (size_t k = 0; k < n; k++)
            sp += vl_pbk_kv_value(p, kv)[k] == ' ' || vl_pbk_kv_value(p, kv)[k] == '\t';
        if (!sp || sp == n)
            continue;
        bool edge = vl_pbk_kv_value(p, kv)[0] == ' ' || vl_pbk_kv_value(p, kv)[0] == '\t' ||
                    vl_pbk_kv_value(p, kv)[n - 1] == ' ' || vl_pbk_kv_value(p, kv)[n - 1] == '\t';
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, (unsigned)(vl_pbk_kv_key_len(p, kv) + 2),
                     "[%s] %s has %s: a host name cannot contain spaces, so '%s' will "
                     "not resolve as written; remove them",
                     pbkr_name(e, nb, sizeof nb), vl_pbk_kv_key(p, kv),
                     edge ? "spaces before or after the server name"
                          : "a space inside the server name",
                     pbkr_text(vl_pbk_kv_value(p, kv), n, vb, sizeof vb));
    }
}

VL_RULE(PBK042) = {
    .id = "PBK042",
    .name = "server-name-whitespace",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A VPN server name has spaces in or around it",
    .description =
        "A VPN entry's PhoneNumber (and ServerListServerName) is a host name or IP address. "
        "Leading, trailing or inner spaces - pasted along with the name - make name resolution "
        "fail (868, 809); whether Windows trims them is undocumented. Runbooks for L2TP error 809 "
        "tell users to check the server name for extra spaces first.",
    .fix = "Remove the spaces: PhoneNumber=vpn.example.com.",
    .since = "0.1.0",
    .check = check,
};
