/* PX061 device-tunnel-user-auth — A device tunnel uses user/EAP authentication or not MachineMethod
 * Certificate */
#include "core/rule.h"
#include "profilexml/semantics.h"

#include <string.h>

static void check(vl_ctx *c)
{
    const vl_profile *p = c->px;
    if (!vl_px_is_true(p, VL_PX_DeviceTunnel) || !vl_px_is_native(p))
        return;
    const vl_el *um = vl_px_first(p, VL_PX_AUTH_UserMethod);
    const vl_el *eap = vl_px_first(p, VL_PX_AUTH_Eap);
    const vl_el *mm = vl_px_first(p, VL_PX_AUTH_MachineMethod);
    if (um)
        vl_report(c, um,
                  "DeviceTunnel is true but Authentication has UserMethod %s; a "
                  "device tunnel authenticates with the machine certificate only",
                  um->text);
    if (eap)
        vl_report(c, eap,
                  "DeviceTunnel is true but Authentication has an Eap block; the "
                  "device tunnel does not use EAP");
    if (!mm && !um && !eap) {
        const vl_el *auth = vl_px_first(p, VL_PX_NP_Authentication);
        if (auth)
            vl_report(c, auth,
                      "DeviceTunnel is true but Authentication has no "
                      "<MachineMethod>Certificate</MachineMethod>");
    } else if (mm && vl_strcasecmp(mm->text, "Certificate") != 0) {
        vl_report(c, mm,
                  "DeviceTunnel is true but MachineMethod is %s; a device tunnel "
                  "needs MachineMethod Certificate",
                  mm->text);
    }
}

VL_RULE(PX061) = {
    .id = "PX061",
    .name = "device-tunnel-user-auth",
    .kind = VPNLINT_KIND_PROFILEXML,
    .severity = VPNLINT_SEVERITY_ERROR,
    .summary = "A device tunnel uses user/EAP authentication or not MachineMethod Certificate",
    .description =
        "A device tunnel connects before anyone signs in, so it can only authenticate with the "
        "computer certificate: Authentication must be <MachineMethod>Certificate</MachineMethod> "
        "with no UserMethod or Eap (Richard Hicks' device sample; Intune: 'you must select Machine "
        "certificates'; DPC). A UserMethod or EAP block has no user to act for and the tunnel does "
        "not connect.",
    .fix = "Use <Authentication><MachineMethod>Certificate</MachineMethod></Authentication> and "
           "remove UserMethod and Eap.",
    .since = "0.1.0",
    .check = check,
};
