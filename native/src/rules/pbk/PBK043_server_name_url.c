/* PBK043 server-name-url — A VPN server name is a URL (scheme or path) instead of a host name. */
#include "common.h"

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[160];
    pbkr_server_it it = pbkr_servers(p);
    for (const vl_pbk_kv *kv; (kv = pbkr_next_vpn_server(p, &it)) != NULL;) {
        const vl_pbk_entry *e = &p->entries[kv->entry];
        const char *v = vl_pbk_kv_value(p, kv);
        size_t n = kv->value_len;
        const char *why = NULL;
        for (size_t k = 0; k + 2 < n && !why; k++)
            if (v[k] == ':' && v[k + 1] == '/' && v[k + 2] == '/')
                why = "a URL scheme (like https://)";
        if (!why && memchr(v, '/', n))
            why = "a path ('/')";
        if (!why && memchr(v, '\\', n))
            why = "a backslash";
        if (!why)
            continue;
        vl_report_at(c, VL_SEV_DEFAULT, kv->line, (unsigned)(vl_pbk_kv_key_len(p, kv) + 2),
                     "[%s] %s=%s contains %s: Windows needs a bare host name or IP address, "
                     "so the server cannot be resolved; write only the host, e.g. "
                     "vpn.example.com",
                     pbkr_name(e, nb, sizeof nb), vl_pbk_kv_key(p, kv),
                     pbkr_text(v, n, vb, sizeof vb), why);
    }
}

VL_RULE(PBK043) = {
    .id = "PBK043",
    .name = "server-name-url",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A VPN server name is a URL (scheme or path) instead of a host name",
    .description =
        "PhoneNumber (and ServerListServerName) of a VPN entry must be a host name or IP address, "
        "optionally with a port for SSTP. A value such as https://vpn.example.com/ - copied from a "
        "browser or a portal page - is not resolvable, so every dial fails (868 or 809).",
    .fix = "Keep only the host name: PhoneNumber=vpn.example.com.",
    .since = "0.1.0",
    .check = check,
};
