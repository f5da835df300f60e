/* PX083 proxy-both-methods — Proxy has both a manual server and an AutoConfigUrl */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *px = vl_px_first(p, VL_PX_Proxy);
    if (px && vl_px_child(p, px, VL_PX_Proxy_Manual) &&
        vl_px_child(p, px, VL_PX_Proxy_AutoConfigUrl))
        vl_report(c, px, "Proxy sets both Manual/Server and AutoConfigUrl; use one method only");
}

VL_RULE(PX083) = {
    .id = "PX083",
    .name = "proxy-both-methods",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "Proxy has both a manual server and an AutoConfigUrl",
    .description =
        "Proxy/Manual/Server and Proxy/AutoConfigUrl are two ways of configuring the same thing; "
        "Richard Hicks' sample shows both 'for reference' but recommends using one method only. "
        "With both, which one the client honours is not documented.",
    .fix = "Keep either Manual/Server or AutoConfigUrl.",
    .since = "0.1.0",
    .check = check,
};
