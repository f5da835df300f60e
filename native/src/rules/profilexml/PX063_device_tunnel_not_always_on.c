/* PX063 device-tunnel-not-always-on — A device tunnel sets AlwaysOn to false */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel) || !vl_px_is_false(p, VL_PX_AlwaysOn))
        return;
    vl_report(c, vl_px_first(p, VL_PX_AlwaysOn),
              "DeviceTunnel is true but AlwaysOn is false; the device tunnel must be always on "
              "to connect before sign-in");
}

VL_RULE(PX063) = {
    .id = "PX063",
    .name = "device-tunnel-not-always-on",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_WARNING,
    .summary = "A device tunnel sets AlwaysOn to false",
    .description =
        "A device tunnel is meant to be always on: it connects at boot without a user. Intune "
        "requires Always On to be enabled for a device tunnel and DPC refuses to turn it off; "
        "Microsoft's and Richard Hicks' samples set <AlwaysOn>true</AlwaysOn>. With AlwaysOn false "
        "nothing starts the tunnel automatically.",
    .fix = "Set <AlwaysOn>true</AlwaysOn> in the device tunnel profile.",
    .since = "0.1.0",
    .check = check,
};
