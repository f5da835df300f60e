/* PBK041 server-name-full-width — A server name contains full-width or ideographic characters. */
#include "common.h"

/* Code point at s[i..n) if it is a full-width form, ideographic space or
 * ideographic full stop; sets *len to its byte length. */
static unsigned wide_at(const unsigned char *s, size_t i, size_t n, size_t *len)
{
    *len = 1;
    if (s[i] != 0xE3 && s[i] != 0xEF)
        return 0;
    if (i + 2 >= n)
        return 0;
    unsigned cp = (unsigned)(s[i] & 0x0F) << 12 | (unsigned)(s[i + 1] & 0x3F) << 6 |
                  (unsigned)(s[i + 2] & 0x3F);
    *len = 3;
    if ((cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x3000 || cp == 0x3002 || cp == 0xFF61)
        return cp;
    return 0;
}

static void check(vl_ctx *c)
{
    const vl_pbk *p = c->pbk;
    char nb[96], vb[160];
    pbkr_server_it it = pbkr_servers(p);
    for (const vl_pbk_kv *kv; (kv = pbkr_next_server(p, &it)) != NULL;) {
        const unsigned char *s = (const unsigned char *)vl_pbk_kv_value(p, kv);
        size_t n = kv->value_len;
        if (!vl_utf8_valid(vl_pbk_kv_value(p, kv), n))
            continue;
        for (size_t k = 0; k < n;) {
            size_t len;
            unsigned cp = wide_at(s, k, n, &len);
            if (!cp) {
                k += len;
                continue;
            }
            const vl_pbk_entry *e = vl_pbk_kv_entry(p, kv);
            vl_report_at(c, VL_SEV_DEFAULT, kv->line, (unsigned)(vl_pbk_kv_key_len(p, kv) + 2 + k),
                         "[%s] %s=%s contains the full-width character U+%04X (%s): it only "
                         "looks like ASCII, so the server name will not resolve; retype it in "
                         "half-width ASCII",
                         e ? pbkr_name(e, nb, sizeof nb) : "", vl_pbk_kv_key(p, kv),
                         pbkr_text(vl_pbk_kv_value(p, kv), kv->value_len, vb, sizeof vb), cp,
                         cp == 0x3000   ? "ideographic space"
                         : cp == 0x3002 ? "ideographic full stop"
                         : cp == 0xFF0E ? "full-width full stop"
                                        : "full-width form");
            break;
        }
    }
}

VL_RULE(PBK041) = {
    .id = "PBK041",
    .name = "server-name-full-width",
    .kind = VPNLINT_KIND_PBK,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A server name contains full-width or ideographic characters",
    .description =
        "Server names pasted from a Japanese/Chinese document, chat or IME contain full-width "
        "letters and digits (ｖｐｎ), the ideographic full stop (。) or the ideographic space "
        "(U+3000). They look like the ASCII name but are different characters, so the name does "
        "not resolve and the dial fails with 868 (name not resolved) or 809. Runbooks for error "
        "809 list this first: check the server name for full-width characters and extra spaces.",
    .fix = "Retype the server name (PhoneNumber, ServerListServerName) in half-width ASCII, e.g. "
           "vpn.example.com.",
    .since = "0.1.0",
    .check = check,
};
