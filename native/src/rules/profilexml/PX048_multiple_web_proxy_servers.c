/* PX048 multiple-web-proxy-servers — WebProxyServers holds more than one. */
#include "core/rule.h"
#include "profilexml/semantics.h"
#include "profilexml/values.h"

static bool count_item(const char *s, size_t len, void *user)
{
    (void)s;
    if (len)
        (*(unsigned *)user)++;
    return true;
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    for (const vl_el *e = vl_px_first(p, VL_PX_DNI_WebProxyServers); e; e = vl_px_next(p, e)) {
        unsigned n = 0, m = 0;
        vl_split_list(e->text, ',', count_item, &n, NULL);
        vl_split_list(e->text, ';', count_item, &m, NULL);
        if (m > n)
            n = m;
        if (n > 1)
            vl_report(c, e,
                      "WebProxyServers lists %u proxies ('%.*s'); only one web proxy server "
                      "is supported per DomainNameInformation entry",
                      n, VL_SHOW_MAX, e->text);
    }
}

VL_RULE(PX048) = {
    .id = "PX048",
    .name = "multiple-web-proxy-servers",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "DomainNameInformation/WebProxyServers lists more than one proxy",
    .description =
        "The VPNv2 CSP documents WebProxyServers as a single proxy ('currently only one web "
        "proxy server is supported'). A list does not give failover; the value is not used as "
        "intended.",
    .fix = "Keep one proxy in WebProxyServers; use a PAC file (Proxy/AutoConfigUrl) for "
           "more elaborate proxy selection.",
    .since = "0.1.0",
    .check = check,
};
