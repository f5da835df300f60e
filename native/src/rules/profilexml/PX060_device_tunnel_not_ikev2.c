/* PX060 device-tunnel-not-ikev2 — A device tunnel (DeviceTunnel=true) does not use IKEv2 only */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel))
        return;
    const vl_el *dt = vl_px_first(p, VL_PX_DeviceTunnel);
    if (!vl_px_is_native(p)) {
        vl_report(c, dt,
                  "DeviceTunnel is true but the profile has no NativeProfile; a device "
                  "tunnel must be a built-in IKEv2 connection, not a plug-in");
        return;
    }
    const vl_el *t = vl_px_first(p, VL_PX_NP_NativeProtocolType);
    unsigned protos = vl_px_protocols(p);
    if (protos == VL_PROTO_IKEV2)
        return;
    if (!t) {
        vl_report(c, dt,
                  "DeviceTunnel is true but NativeProtocolType is missing; a device "
                  "tunnel needs <NativeProtocolType>IKEv2</NativeProtocolType>");
        return;
    }
    if (!protos)
        return; /* unknown value: PX026 */
    char buf[64];
    vl_report(c, t,
              "DeviceTunnel is true but NativeProtocolType %s allows %s; the device tunnel "
              "supports IKEv2 only",
              t->text, vl_px_protocols_text(protos, buf, sizeof buf));
}

VL_RULE(PX060) = {
    .id = "PX060",
    .name = "device-tunnel-not-ikev2",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A device tunnel (DeviceTunnel=true) does not use IKEv2 only",
    .description =
        "The Always On VPN device tunnel works only with IKEv2 and machine certificate "
        "authentication (Configure VPN device tunnels; Intune: 'Device tunnel (IKEv2 only)'). "
        "NativeProtocolType Automatic, SSTP, L2TP, PPTP or a ProtocolList, or a plug-in profile, "
        "cannot bring up a device tunnel: the connection fails before any user signs in.",
    .fix =
        "Set <NativeProtocolType>IKEv2</NativeProtocolType> in the device tunnel's NativeProfile.",
    .since = "0.1.0",
    .check = check,
};
