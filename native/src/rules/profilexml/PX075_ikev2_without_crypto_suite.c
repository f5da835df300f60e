/* PX075 ikev2-without-crypto-suite — An IKEv2 profile has no CryptographySuite, so Windows' weak
 * defaults apply */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_native(p) || vl_px_first(p, VL_PX_NP_CryptographySuite))
        return;
    if (!(vl_px_protocols(p) & VL_PROTO_IKEV2))
        return;
    const vl_el *at = vl_px_first(p, VL_PX_NP_NativeProtocolType);
    vl_report(c, at ? at : vl_px_first(p, VL_PX_NativeProfile),
              "The profile can use IKEv2 but has no CryptographySuite, so IKEv2 falls back to "
              "Windows defaults (3DES, SHA-1, DH group 2 with RRAS)");
}

VL_RULE(PX075) = {
    .id = "PX075",
    .name = "ikev2-without-crypto-suite",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_INFO,
    .summary = "An IKEv2 profile has no CryptographySuite, so Windows' weak defaults apply",
    .description =
        "Without a CryptographySuite, Windows negotiates IKEv2 with RRAS using 3DES, SHA-1 and DH "
        "group 2 (1024-bit) by default (Richard Hicks). That works, but is weak; a custom suite "
        "must then also be configured on the server, or the connection fails with 13868.",
    .fix = "Add a CryptographySuite with a modern baseline (e.g. GCMAES128 / GCMAES128 / ECP256 / "
           "Group14 / SHA256 / AES_GCM_128) and configure the same policy on the VPN server.",
    .since = "0.1.0",
    .check = check,
};
