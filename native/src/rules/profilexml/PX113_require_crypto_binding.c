/* PX113 require-crypto-binding — PEAP RequireCryptoBinding=true needs NPS
 * support. */
#include "core/rule.h"
#include "profilexml/eap.h"

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!p)
        return;
    for (const vl_el *e = vl_eap_find(p, NULL, "RequireCryptoBinding"); e;
         e = vl_eap_find(p, e, "RequireCryptoBinding")) {
        bool v;
        if (vl_eap_bool(e, &v) && v)
            vl_report(c, e,
                      "RequireCryptoBinding is true: the connection fails unless the "
                      "NPS/RADIUS server supports PEAP cryptobinding (Windows NPS does; "
                      "some third-party RADIUS servers do not)");
    }
}

VL_RULE(PX113) = {
    .id = "PX113",
    .name = "require-crypto-binding",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "PEAP requires cryptobinding, which the RADIUS server must support",
    .description =
        "RequireCryptoBinding=true makes the client drop the PEAP session unless the server "
        "performs the cryptobinding exchange that ties the inner method to the outer TLS "
        "tunnel. It is a good protection against relay attacks and Windows NPS supports it, "
        "but a RADIUS server without support makes every connection fail. PowerON's DPC "
        "exposes it as an explicit toggle for that reason.",
    .fix = "Keep it when the server is Windows NPS (or another server known to support "
           "cryptobinding); otherwise set it to false.",
    .since = "0.1.0",
    .check = check,
};
