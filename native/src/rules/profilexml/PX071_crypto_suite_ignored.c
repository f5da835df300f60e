/* PX071 crypto-suite-ignored — CryptographySuite is set but the profile uses neither IKEv2 nor L2TP
 */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    const vl_el *cs = vl_px_first(p, VL_PX_NP_CryptographySuite);
    unsigned protos = vl_px_protocols(p);
    if (!cs || !protos || (protos & (VL_PROTO_IKEV2 | VL_PROTO_L2TP)))
        return;
    char buf[64];
    vl_report(c, cs,
              "CryptographySuite is ignored: the profile uses %s, and the suite applies "
              "only to IKEv2 and L2TP/IPsec",
              vl_px_protocols_text(protos, buf, sizeof buf));
}

VL_RULE(PX071) = {
    .id = "PX071",
    .name = "crypto-suite-ignored",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "CryptographySuite is set but the profile uses neither IKEv2 nor L2TP",
    .description =
        "CryptographySuite sets IPsec (IKE and ESP) parameters. It applies to IKEv2 (and "
        "L2TP/IPsec, per Set-VpnConnectionIPsecConfiguration); SSTP and PPTP ignore it, as DPC "
        "warns. A profile that only uses SSTP or PPTP carries a suite that has no effect, which "
        "often means the protocol is not the one the author intended.",
    .fix = "Remove CryptographySuite, or switch NativeProtocolType to IKEv2 if IPsec was intended.",
    .since = "0.1.0",
    .check = check,
};
