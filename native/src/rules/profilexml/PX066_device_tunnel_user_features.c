/* PX066 device-tunnel-user-features — A device tunnel has DeviceCompliance, Proxy or EAP
 * certificate filtering, which it cannot use */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel))
        return;
    const vl_el *e;
    if ((e = vl_px_first(p, VL_PX_DeviceCompliance)))
        vl_report(c, e,
                  "DeviceTunnel is true but DeviceCompliance is set; Conditional Access "
                  "certificates are user certificates used through EAP, which a device "
                  "tunnel does not use");
    if ((e = vl_px_first(p, VL_PX_Proxy)))
        vl_report(c, e,
                  "DeviceTunnel is true but Proxy is set; VPN proxy settings apply only "
                  "to force tunnels and the device tunnel is split tunnel");
    if ((e = vl_eap_find(p, NULL, "TLSExtensions")))
        vl_report(c, e,
                  "DeviceTunnel is true but the EAP configuration has TLSExtensions "
                  "certificate filtering; the device tunnel authenticates with the "
                  "machine certificate without EAP");
}

VL_RULE(PX066) = {
    .id = "PX066",
    .name = "device-tunnel-user-features",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A device tunnel has DeviceCompliance, Proxy or EAP certificate filtering, which it "
               "cannot use",
    .description = "The device tunnel authenticates with the machine certificate over IKEv2, "
                   "without EAP and without a user. DeviceCompliance (Conditional Access) issues a "
                   "user certificate through EAP, EAP TLSExtensions/FilteringInfo select a user "
                   "certificate, and DPC drops EKU filtering for machine profiles; the VPN Proxy "
                   "settings only apply to force tunnels, and the device tunnel is split tunnel. "
                   "These settings do nothing on a device tunnel (partly vpnlint inference).",
    .fix = "Move DeviceCompliance, Proxy and EAP certificate filters to the user tunnel profile.",
    .since = "0.1.0",
    .check = check,
};
