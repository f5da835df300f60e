/* PX110 server-names-is-vpn-gateway — EAP ServerNames equals the VPN
 * gateway name from NativeProfile/Servers. */
#include "core/names.h"
#include "core/rule.h"
#include "profilexml/eap.h"

#include <string.h>

/* The gateways in Servers ("a;friendly,b"): each entry's host, before any
 * ';', trimmed, indexed ignoring case. */
static void add_gateways(vl_names *x, const char *servers)
{
    const char *p = servers;
    while (*p) {
        const char *end = p + strcspn(p, ",");
        const char *semi = memchr(p, ';', (size_t)(end - p));
        size_t hl;
        const char *h = vl_trim(p, (size_t)((semi ? semi : end) - p), &hl);
        if (hl > 0)
            vl_names_add(x, h, hl, NULL);
        p = *end ? end + 1 : end;
    }
}

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const char *servers = p ? vl_px_value(p, VL_PX_NP_Servers) : NULL;
    if (!servers || !*servers)
        return;
    vl_names gw;
    vl_names_init(&gw, true);
    add_gateways(&gw, servers);
    vl_names_sort(&gw);
    for (const vl_el *e = vl_eap_find(p, NULL, "ServerNames"); e && !gw.failed;
         e = vl_eap_find(p, e, "ServerNames")) {
        const char *q = e->text;
        while (*q) {
            const char *end = q + strcspn(q, ";");
            size_t nl;
            const char *name = vl_trim(q, (size_t)(end - q), &nl);
            if (nl > 0 && vl_names_find(&gw, name, nl)) {
                vl_report(c, e,
                          "ServerNames contains \"%.*s\", the VPN gateway itself; EAP "
                          "validates the certificate of the NPS/RADIUS server, whose name "
                          "is usually different (a mismatch fails with error 812 or 864)",
                          (int)nl, name);
                break;
            }
            q = *end ? end + 1 : end;
        }
    }
    vl_names_free(&gw);
}

VL_RULE(PX110) = {
    .id = "PX110",
    .name = "server-names-is-vpn-gateway",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "EAP ServerNames is the VPN gateway name rather than the NPS server's",
    .description =
        "ServerNames in the EAP configuration is compared with the certificate of the server "
        "that terminates EAP: the NPS/RADIUS server, not the VPN gateway in "
        "NativeProfile/Servers. The two names are usually different; when the NPS certificate "
        "does not match, the connection fails with error 812 (policy) or 864 (certificate "
        "name). This is only a hint: some deployments do use one certificate for both.",
    .fix = "Put the subject name of the NPS server certificate in ServerNames (several "
           "separated by semicolons), unless the gateway really does terminate EAP with that "
           "same certificate.",
    .since = "0.1.0",
    .check = check,
};
